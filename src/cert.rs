//! X.509 certificates (RFC 5280 section 4) as the path validator needs them.
//!
//! The outer structure is walked with `der`'s reader so that the TBS bytes, names and key
//! are kept exactly as received: a re-encoding can differ from what the CA signed (an
//! explicitly encoded DEFAULT, say) and must never be what a signature is checked over.
//! Extension contents are decoded with x509-cert. Times are decoded here rather than by
//! x509-cert because `der` rejects UTCTime years before 1970, which RFC 5280 allows (1950-).

pub(crate) mod ext;

use alloc::boxed::Box;
use core::fmt;
use core::ops::Range;

use der::asn1::ObjectIdentifier;

use self::ext::Extensions;
use crate::alg_id::AlgorithmIdentifier;
use crate::name::{GeneralName, Name, NameConstraints, NameKey};
use crate::signed_envelope::{Envelope, SignedRanges};
use crate::tlv::{self, Cursor, Failed, Tlv, range_of, tag};
use crate::{Error, UnixTime};

pub use self::ext::{
    BasicConstraints, DistributionPoint, DistributionPointName, Extension, KeyUsage,
    MAX_EXTENSIONS, MAX_POLICIES_PER_CERTIFICATE, PolicyConstraints, PolicyMapping, ReasonFlags,
};

/// Largest certificate accepted, in bytes ([`Error::CertificateTooLarge`] beyond it). Also
/// bounds every count inside a certificate (names, subtrees, distribution points).
pub const MAX_CERTIFICATE_LEN: usize = 64 * 1024;

/// A parsed X.509 certificate that owns its original DER.
#[derive(Clone)]
pub struct Certificate {
    der: Box<[u8]>,
    signed: SignedRanges,
    version: u8,
    serial: Range<usize>,
    issuer: Range<usize>,
    subject: Range<usize>,
    issuer_key: NameKey,
    subject_key: NameKey,
    not_before: UnixTime,
    not_after: UnixTime,
    spki: Range<usize>,
    ext: Extensions,
}

/// The validity period; both bounds are inclusive (RFC 5280 4.1.2.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Validity {
    /// notBefore.
    pub not_before: UnixTime,
    /// notAfter.
    pub not_after: UnixTime,
}

impl Validity {
    /// Whether `time` lies within the period, bounds included.
    pub fn contains(&self, time: UnixTime) -> bool {
        self.not_before <= time && time <= self.not_after
    }
}

impl Certificate {
    /// Parses a DER certificate, copying the input.
    ///
    /// Rejects malformed structure, a TBS `signature` field that differs from the outer
    /// `signatureAlgorithm`, duplicate extensions and malformed recognized extensions.
    /// Unknown critical extensions are accepted here and rejected by path validation, so
    /// that such a certificate can still be displayed.
    pub fn from_der(der: &[u8]) -> Result<Self, Error> {
        if der.len() > MAX_CERTIFICATE_LEN {
            return Err(Error::CertificateTooLarge);
        }
        let der: Box<[u8]> = der.into();
        let parts = Parts::decode(&der).map_err(|e| e.into_error(Error::MalformedCertificate))?;
        let ext = match parts.extensions {
            Some(seq) => Extensions::parse(&der, seq)?,
            None => Extensions::default(),
        };
        let signed = parts
            .envelope
            .ranges(&der, parts.inner_alg)
            .map_err(|e| e.into_error(Error::MalformedCertificate))?;
        Ok(Self {
            signed,
            version: parts.version,
            serial: range_of(&der, parts.serial),
            issuer: range_of(&der, parts.issuer.full),
            subject: range_of(&der, parts.subject.full),
            issuer_key: NameKey::from_der(parts.issuer.full)?,
            subject_key: NameKey::from_der(parts.subject.full)?,
            not_before: parts.not_before,
            not_after: parts.not_after,
            spki: range_of(&der, parts.spki),
            ext,
            der,
        })
    }

    /// The certificate's DER, as given.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The DER of `tbsCertificate`, exactly as signed.
    pub fn tbs_der(&self) -> &[u8] {
        self.signed.tbs(&self.der)
    }

    /// The version number: 1, 2 or 3.
    pub fn version(&self) -> u8 {
        self.version
    }

    /// The serial number's INTEGER content octets: big-endian two's complement, as encoded,
    /// which parsing has checked is the minimal (DER) encoding. Two serials are therefore the
    /// same integer exactly when these octets are equal. Zero and negative serials (which
    /// RFC 5280 4.1.2.2 forbids, but non-conforming CAs have issued) are accepted as they are.
    pub fn serial(&self) -> &[u8] {
        &self.der[self.serial.clone()]
    }

    /// The issuer name.
    pub fn issuer(&self) -> Name<'_> {
        Name::from_checked(&self.der[self.issuer.clone()])
    }

    /// The subject name.
    pub fn subject(&self) -> Name<'_> {
        Name::from_checked(&self.der[self.subject.clone()])
    }

    /// The validity period.
    pub fn validity(&self) -> Validity {
        Validity {
            not_before: self.not_before,
            not_after: self.not_after,
        }
    }

    /// The DER `SubjectPublicKeyInfo`, as encoded in the certificate.
    pub fn spki_der(&self) -> &[u8] {
        &self.der[self.spki.clone()]
    }

    /// The signature algorithm (outer `signatureAlgorithm`, equal to the TBS field).
    pub fn signature_algorithm(&self) -> AlgorithmIdentifier<'_> {
        self.signed.algorithm(&self.der)
    }

    /// The signature value (the BIT STRING's octets).
    pub fn signature(&self) -> &[u8] {
        self.signed.signature(&self.der)
    }

    /// The signed data, for verification; `None` when the signature BIT STRING has unused
    /// bits, which no RSA or ECDSA signature has.
    pub(crate) fn signed_data(&self) -> Option<crate::SignedData<'_>> {
        self.signed.signed_data(&self.der)
    }

    /// Whether issuer and subject are the same name (RFC 5280 6.1: "self-issued"), as for
    /// self-signed roots, key-rollover link certificates and same-DN cross certificates.
    pub fn is_self_issued(&self) -> bool {
        self.issuer_key == self.subject_key
    }

    /// Every extension, in certificate order.
    pub fn extensions(&self) -> impl Iterator<Item = Extension<'_>> {
        self.ext.raw.iter().map(|e| Extension {
            oid: e.oid,
            critical: e.critical,
            value: &self.der[e.value.clone()],
        })
    }

    /// The extension with this OID, if present.
    pub fn extension(&self, oid: ObjectIdentifier) -> Option<Extension<'_>> {
        self.extensions().find(|e| e.oid == oid)
    }

    /// The OIDs of the critical extensions.
    pub fn critical_extensions(&self) -> impl Iterator<Item = ObjectIdentifier> + '_ {
        self.ext.raw.iter().filter(|e| e.critical).map(|e| e.oid)
    }

    /// The first critical extension this crate does not process; path validation rejects
    /// a certificate that has one.
    pub fn unsupported_critical_extension(&self) -> Option<ObjectIdentifier> {
        self.ext.unsupported_critical
    }

    /// basicConstraints.
    pub fn basic_constraints(&self) -> Option<BasicConstraints> {
        self.ext.basic_constraints
    }

    /// Whether basicConstraints says `cA: TRUE`.
    pub fn is_ca(&self) -> bool {
        self.ext.basic_constraints.is_some_and(|bc| bc.ca)
    }

    /// keyUsage.
    pub fn key_usage(&self) -> Option<KeyUsage> {
        self.ext.key_usage
    }

    /// extKeyUsage purposes (not enforced by path validation; the application decides).
    pub fn extended_key_usage(&self) -> Option<&[ObjectIdentifier]> {
        self.ext.ext_key_usage.as_deref()
    }

    /// subjectKeyIdentifier.
    pub fn subject_key_id(&self) -> Option<&[u8]> {
        self.ext.subject_key_id.as_deref()
    }

    /// authorityKeyIdentifier's `keyIdentifier`.
    pub fn authority_key_id(&self) -> Option<&[u8]> {
        self.ext.authority_key_id.as_deref()
    }

    /// certificatePolicies: the asserted policy OIDs (qualifiers are not interpreted).
    pub fn policies(&self) -> Option<&[ObjectIdentifier]> {
        self.ext.policies.as_deref()
    }

    /// policyMappings.
    pub fn policy_mappings(&self) -> Option<&[PolicyMapping]> {
        self.ext.policy_mappings.as_deref()
    }

    /// policyConstraints.
    pub fn policy_constraints(&self) -> Option<PolicyConstraints> {
        self.ext.policy_constraints
    }

    /// inhibitAnyPolicy skip count.
    pub fn inhibit_any_policy(&self) -> Option<u32> {
        self.ext.inhibit_any_policy
    }

    /// nameConstraints: permitted subtrees (`None` if absent) and excluded subtrees.
    ///
    /// Subtrees are returned even when malformed (a bad base for its form, a minimum or a
    /// maximum); path validation refuses them with [`crate::Error::MalformedNameConstraint`].
    pub fn name_constraints(
        &self,
    ) -> Option<(Option<&[crate::GeneralSubtree]>, &[crate::GeneralSubtree])> {
        self.ext
            .name_constraints
            .as_ref()
            .map(|nc| (nc.permitted.as_deref(), nc.excluded.as_slice()))
    }

    /// subjectAltName.
    pub fn subject_alt_names(&self) -> Option<&[GeneralName]> {
        self.ext.subject_alt_names.as_deref()
    }

    /// cRLDistributionPoints.
    pub fn crl_distribution_points(&self) -> Option<&[DistributionPoint]> {
        self.ext.crl_distribution_points.as_deref()
    }

    /// freshestCRL (where delta CRLs are published).
    pub fn freshest_crl(&self) -> Option<&[DistributionPoint]> {
        self.ext.freshest_crl.as_deref()
    }

    pub(crate) fn issuer_key(&self) -> &NameKey {
        &self.issuer_key
    }

    pub(crate) fn subject_key(&self) -> &NameKey {
        &self.subject_key
    }

    pub(crate) fn name_constraints_ext(&self) -> Option<&NameConstraints> {
        self.ext.name_constraints.as_ref()
    }
}

impl PartialEq for Certificate {
    fn eq(&self, other: &Self) -> bool {
        self.der == other.der
    }
}

impl Eq for Certificate {}

impl fmt::Debug for Certificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Certificate")
            .field("subject", &self.subject())
            .field("issuer", &self.issuer())
            .field("serial", &HexBytes(self.serial()))
            .finish_non_exhaustive()
    }
}

/// Bytes shown as hex in `Debug` output.
pub(crate) struct HexBytes<'a>(pub(crate) &'a [u8]);

impl fmt::Debug for HexBytes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

/// The outer structure of a certificate, as slices of the input.
struct Parts<'a> {
    envelope: Envelope<'a>,
    version: u8,
    serial: &'a [u8],
    inner_alg: Tlv<'a>,
    issuer: Tlv<'a>,
    not_before: UnixTime,
    not_after: UnixTime,
    subject: Tlv<'a>,
    spki: &'a [u8],
    extensions: Option<&'a [u8]>,
}

impl<'a> Parts<'a> {
    fn decode(der: &'a [u8]) -> Result<Self, Failed> {
        let envelope = Envelope::split(der)?;
        let mut t = Cursor::new(envelope.tbs.value)?;
        // version [0] EXPLICIT Version DEFAULT v1: an explicit v1 is tolerated.
        let version = match t.optional(0xa0)? {
            Some(v) => match tlv::single(v.value, tag::INTEGER)? {
                bytes if is_non_minimal_integer(bytes) => {
                    return Err(Error::NonMinimalCertificateInteger.into());
                }
                [n @ 0..=2] => n + 1,
                _ => return Err(Error::MalformedCertificate.into()),
            },
            None => 1,
        };
        let serial = t.expect(tag::INTEGER)?.value;
        if serial.is_empty() || serial.len() > 21 {
            // X.690 8.3.1: at least one octet. RFC 5280 4.1.2.2: up to 20 octets (plus a
            // sign octet, tolerated).
            return Err(Error::MalformedCertificate.into());
        }
        if is_non_minimal_integer(serial) {
            // Refused, not normalized: serials are compared by their content octets (CRL
            // entries, CMS signer identifiers), which is integer comparison only when every
            // encoding is minimal. Zero and negative serials, which RFC 5280 4.1.2.2 forbids
            // but non-conforming CAs have issued, are still accepted.
            return Err(Error::NonMinimalCertificateInteger.into());
        }
        let inner_alg = t.expect(tag::SEQUENCE)?;
        let issuer = t.expect(tag::SEQUENCE)?;
        let validity = t.expect(tag::SEQUENCE)?;
        let (not_before, not_after) = decode_validity(validity.value)?;
        let subject = t.expect(tag::SEQUENCE)?;
        let spki = t.expect(tag::SEQUENCE)?.full;
        let _issuer_uid = t.optional(0x81)?;
        let _subject_uid = t.optional(0x82)?;
        let extensions = match t.optional(0xa3)? {
            Some(wrapper) if version == 3 => Some(tlv::single(wrapper.value, tag::SEQUENCE)?),
            Some(_) => return Err(Error::MalformedCertificate.into()),
            None => None,
        };
        t.finish()?;
        Ok(Self {
            envelope,
            version,
            serial,
            inner_alg,
            issuer,
            not_before,
            not_after,
            subject,
            spki,
            extensions,
        })
    }
}

fn decode_validity(value: &[u8]) -> Result<(UnixTime, UnixTime), Failed> {
    let mut v = Cursor::new(value)?;
    let not_before = decode_time(&mut v)?;
    let not_after = decode_time(&mut v)?;
    v.finish()?;
    Ok((not_before, not_after))
}

/// Whether INTEGER content octets carry a redundant leading octet, which DER forbids
/// (X.690 8.3.2: the first nine bits must be neither all zeros nor all ones): `00` followed
/// by an octet below `0x80`, or `ff` followed by one at or above it. The minimal encoding of
/// an integer is unique, so two minimally encoded INTEGERs are the same integer exactly when
/// their content octets are equal. Empty content (X.690 8.3.1) is left to the caller.
pub(crate) fn is_non_minimal_integer(value: &[u8]) -> bool {
    matches!(value, [0x00, next, ..] if *next < 0x80)
        || matches!(value, [0xff, next, ..] if *next >= 0x80)
}

/// Reads one X.509 `Time` (UTCTime or GeneralizedTime).
pub(crate) fn decode_time(c: &mut Cursor<'_>) -> Result<UnixTime, Error> {
    let t = c.any().map_err(|_| Error::MalformedTime)?;
    match t.tag {
        tag::UTC_TIME | tag::GENERALIZED_TIME => {
            UnixTime::from_x509_time(t.tag, t.value).ok_or(Error::MalformedTime)
        }
        _ => Err(Error::MalformedTime),
    }
}
