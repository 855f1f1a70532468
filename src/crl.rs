//! Certificate revocation lists (RFC 5280 section 5).
//!
//! A CRL keeps its original DER; entries are validated once when parsing (structure, entry
//! extensions, count) and then scanned on demand, so a large CRL (JPKI's lists are long)
//! costs no per-entry allocation.

mod status;

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::fmt;
use core::ops::Range;

use der::asn1::ObjectIdentifier;
use x509_cert::ext::pkix;

use crate::alg_id::AlgorithmIdentifier;
use crate::cert::ext::{
    convert_dp_name, decode, decode_aki, directory_names, refuse_non_minimal_integer,
    split_extensions,
};
use crate::cert::{
    DistributionPointName, HexBytes, ReasonFlags, decode_time, is_non_minimal_integer,
};
use crate::name::{GeneralName, Name, NameKey};
use crate::oid::ext as oids;
use crate::reason::RevocationReason;
use crate::signed_data::SignedData;
use crate::signed_envelope::{Envelope, SignedRanges};
use crate::tlv::{Cursor, Failed, range_of, tag};
use crate::{Error, UnixTime};

pub use self::status::CrlSet;

/// Most entries accepted in one CRL ([`Error::TooManyCrlEntries`] beyond it): bounds parsing
/// and lookup work. JPKI's CRLs list every revoked card certificate, hence the generous figure.
pub const MAX_CRL_ENTRIES: usize = 8_000_000;

/// Largest CRL accepted, in bytes ([`Error::CrlTooLarge`] beyond it).
pub const MAX_CRL_LEN: usize = 512 * 1024 * 1024;

/// issuingDistributionPoint (RFC 5280 5.2.5).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IssuingDistributionPoint {
    /// `distributionPoint`.
    pub name: Option<DistributionPointName>,
    /// `onlyContainsUserCerts`.
    pub only_contains_user_certs: bool,
    /// `onlyContainsCACerts`.
    pub only_contains_ca_certs: bool,
    /// `onlySomeReasons`.
    pub only_some_reasons: Option<ReasonFlags>,
    /// `indirectCRL`: entries may be for certificates of other issuers.
    pub indirect_crl: bool,
    /// `onlyContainsAttributeCerts`.
    pub only_contains_attribute_certs: bool,
}

/// A parsed CRL that owns its original DER.
#[derive(Clone)]
pub struct Crl {
    der: Box<[u8]>,
    signed: SignedRanges,
    issuer: Range<usize>,
    issuer_key: NameKey,
    this_update: UnixTime,
    next_update: Option<UnixTime>,
    entries: Option<Range<usize>>,
    entry_count: usize,
    crl_number: Option<Vec<u8>>,
    delta_base: Option<Vec<u8>>,
    idp: Option<IssuingDistributionPoint>,
    idp_der: Option<Range<usize>>,
    authority_key_id: Option<Vec<u8>>,
    unsupported_critical: Option<ObjectIdentifier>,
    unsupported_entry_critical: bool,
}

/// One revokedCertificates entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevokedCertificate<'a> {
    /// `userCertificate`: the serial number's INTEGER content octets, as encoded, which
    /// parsing has checked is the minimal (DER) encoding; equal to
    /// [`Certificate::serial`](crate::Certificate::serial) exactly when the serial numbers
    /// are the same integer.
    pub serial: &'a [u8],
    /// `revocationDate`.
    pub revocation_date: UnixTime,
    /// The reasonCode entry extension, if present.
    pub reason: Option<RevocationReason>,
    /// The certificateIssuer entry extension (indirect CRLs): this and the following
    /// entries are for certificates of this issuer.
    pub certificate_issuer: Option<Vec<GeneralName>>,
}

impl Crl {
    /// Parses a DER CRL, copying the input. Unknown critical CRL or entry extensions are
    /// recorded, not rejected: such a CRL is unusable for status, which revocation checking
    /// reports, but it can still be inspected.
    ///
    /// An INTEGER that is not minimally encoded (a revoked certificate's serial number, the
    /// version, cRLNumber, BaseCRLNumber, authorityCertSerialNumber) refuses the whole CRL
    /// ([`Error::NonMinimalCrlInteger`]): entries are matched to certificates by their
    /// serial number's content octets, which is integer comparison only for minimal
    /// encodings, so such an entry could never be matched reliably.
    pub fn from_der(der: &[u8]) -> Result<Self, Error> {
        if der.len() > MAX_CRL_LEN {
            return Err(Error::CrlTooLarge);
        }
        let der: Box<[u8]> = der.into();
        let mut crl = parse(&der).map_err(|e| e.into_error(Error::MalformedCrl))?;
        crl.der = der;
        Ok(crl)
    }

    /// As [`Crl::from_der`], taking ownership of the DER instead of copying it: a CRL can
    /// be hundreds of megabytes, and a caller that has just read it need not hold it twice.
    pub fn from_der_owned(der: Vec<u8>) -> Result<Self, Error> {
        if der.len() > MAX_CRL_LEN {
            return Err(Error::CrlTooLarge);
        }
        let der = der.into_boxed_slice();
        let mut crl = parse(&der).map_err(|e| e.into_error(Error::MalformedCrl))?;
        crl.der = der;
        Ok(crl)
    }

    /// The CRL's DER, as given.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The DER of `tbsCertList`, exactly as signed.
    pub fn tbs_der(&self) -> &[u8] {
        self.signed.tbs(&self.der)
    }

    /// The signature algorithm.
    pub fn signature_algorithm(&self) -> AlgorithmIdentifier<'_> {
        self.signed.algorithm(&self.der)
    }

    /// The signature value.
    pub fn signature(&self) -> &[u8] {
        self.signed.signature(&self.der)
    }

    /// The signed data, for verification; `None` when the signature BIT STRING has unused
    /// bits, which no RSA or ECDSA signature has.
    pub(crate) fn signed_data(&self) -> Option<SignedData<'_>> {
        self.signed.signed_data(&self.der)
    }

    /// The issuer name.
    pub fn issuer(&self) -> Name<'_> {
        Name::from_checked(&self.der[self.issuer.clone()])
    }

    /// thisUpdate.
    pub fn this_update(&self) -> UnixTime {
        self.this_update
    }

    /// nextUpdate.
    pub fn next_update(&self) -> Option<UnixTime> {
        self.next_update
    }

    /// The cRLNumber, as unsigned big-endian octets without leading zeros.
    pub fn crl_number(&self) -> Option<&[u8]> {
        self.crl_number.as_deref()
    }

    /// The deltaCRLIndicator's BaseCRLNumber: present exactly when this is a delta CRL.
    pub fn base_crl_number(&self) -> Option<&[u8]> {
        self.delta_base.as_deref()
    }

    /// Whether this is a delta CRL.
    pub fn is_delta(&self) -> bool {
        self.delta_base.is_some()
    }

    /// issuingDistributionPoint.
    pub fn issuing_distribution_point(&self) -> Option<&IssuingDistributionPoint> {
        self.idp.as_ref()
    }

    /// authorityKeyIdentifier's `keyIdentifier`.
    pub fn authority_key_id(&self) -> Option<&[u8]> {
        self.authority_key_id.as_deref()
    }

    /// The first critical CRL extension this crate does not process, if any.
    pub fn unsupported_critical_extension(&self) -> Option<ObjectIdentifier> {
        self.unsupported_critical
    }

    /// Whether some entry has a critical extension this crate does not process.
    pub fn has_unsupported_critical_entry_extension(&self) -> bool {
        self.unsupported_entry_critical
    }

    /// The number of revoked-certificate entries.
    pub fn revoked_count(&self) -> usize {
        self.entry_count
    }

    /// The entries, in CRL order.
    pub fn revoked(&self) -> impl Iterator<Item = RevokedCertificate<'_>> {
        let body = self.entries.clone().map_or(&[][..], |r| &self.der[r]);
        let mut cursor = Cursor::new(body).ok();
        core::iter::from_fn(move || {
            let c = cursor.as_mut()?;
            if c.is_empty() {
                return None;
            }
            // Entries were validated by `from_der`; a failure here cannot happen, and ends
            // the iteration if it somehow did.
            let entry = parse_entry(c).ok();
            if entry.is_none() {
                cursor = None;
            }
            entry
        })
    }

    pub(crate) fn issuer_key(&self) -> &NameKey {
        &self.issuer_key
    }

    /// The issuingDistributionPoint extension's DER, for matching deltas to their base.
    pub(crate) fn idp_der(&self) -> Option<&[u8]> {
        self.idp_der.clone().map(|r| &self.der[r])
    }

    /// The entry for the certificate with `serial` issued by `issuer`, tracking
    /// certificateIssuer entry extensions as RFC 5280 5.3.3 describes for indirect CRLs.
    ///
    /// Serials are compared as integers by comparing their content octets: parsing refused
    /// non-minimal encodings in both the certificate and this CRL, and the minimal encoding
    /// of an integer is unique.
    pub(crate) fn find(&self, issuer: &NameKey, serial: &[u8]) -> Option<RevokedCertificate<'_>> {
        let mut issuer_matches = self.issuer_key == *issuer;
        if !self.idp.as_ref().is_some_and(|idp| idp.indirect_crl) {
            // A direct CRL (certificateIssuer belongs to indirect CRLs only, RFC 5280
            // 5.3.3): compare serials without decoding entry extensions, which keeps a
            // lookup in a list of millions cheap.
            if !issuer_matches {
                return None;
            }
            let body = self.entries.clone().map_or(&[][..], |r| &self.der[r]);
            let mut c = Cursor::new(body).ok()?;
            while !c.is_empty() {
                let entry = c.expect(tag::SEQUENCE).ok()?;
                if Cursor::new(entry.value)
                    .ok()?
                    .expect(tag::INTEGER)
                    .ok()?
                    .value
                    == serial
                {
                    return parse_entry(&mut Cursor::new(entry.full).ok()?).ok();
                }
            }
            return None;
        }
        for entry in self.revoked() {
            if let Some(names) = &entry.certificate_issuer {
                issuer_matches = directory_names(names).any(|dn| dn.key() == issuer);
            }
            if issuer_matches && entry.serial == serial {
                return Some(entry);
            }
        }
        None
    }
}

impl fmt::Debug for Crl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Crl")
            .field("issuer", &self.issuer())
            .field("this_update", &self.this_update)
            .field("number", &self.crl_number.as_deref().map(HexBytes))
            .field("entries", &self.entry_count)
            .finish_non_exhaustive()
    }
}

fn parse(der: &[u8]) -> Result<Crl, Failed> {
    let envelope = Envelope::split(der)?;
    let mut t = Cursor::new(envelope.tbs.value)?;
    if let Some(v) = t.optional(tag::INTEGER)? {
        // Version OPTIONAL -- if present, MUST be v2
        if is_non_minimal_integer(v.value) {
            return Err(Error::NonMinimalCrlInteger.into());
        }
        if v.value != [1] {
            return Err(Error::MalformedCrl.into());
        }
    }
    let signed = envelope.ranges(der, t.expect(tag::SEQUENCE)?)?;
    let issuer = t.expect(tag::SEQUENCE)?;
    let this_update = decode_time(&mut t)?;
    let next_update = match t.peek_tag() {
        Some(tag::UTC_TIME | tag::GENERALIZED_TIME) => Some(decode_time(&mut t)?),
        _ => None,
    };
    let entries = t.optional(tag::SEQUENCE)?;
    let extensions = match t.optional(0xa0)? {
        Some(wrapper) => Some(crate::tlv::single(wrapper.value, tag::SEQUENCE)?),
        None => None,
    };
    t.finish()?;

    let mut crl = Crl {
        der: Box::default(),
        signed,
        issuer: range_of(der, issuer.full),
        issuer_key: NameKey::from_der(issuer.full)?,
        this_update,
        next_update,
        entries: entries.map(|e| range_of(der, e.value)),
        entry_count: 0,
        crl_number: None,
        delta_base: None,
        idp: None,
        idp_der: None,
        authority_key_id: None,
        unsupported_critical: None,
        unsupported_entry_critical: false,
    };
    if let Some(seq) = extensions {
        parse_crl_extensions(&mut crl, der, seq)?;
    }
    if let Some(entries) = entries {
        let mut e = Cursor::new(entries.value)?;
        while !e.is_empty() {
            crl.entry_count += 1;
            if crl.entry_count > MAX_CRL_ENTRIES {
                return Err(Error::TooManyCrlEntries.into());
            }
            if check_entry(&mut e)? {
                crl.unsupported_entry_critical = true;
            }
        }
    }
    Ok(crl)
}

fn parse_crl_extensions(crl: &mut Crl, der: &[u8], seq: &[u8]) -> Result<(), Error> {
    for (oid, critical, value) in split_extensions(seq)? {
        match oid {
            oids::CRL_NUMBER => {
                refuse_non_minimal_integer(value, Error::NonMinimalCrlInteger)?;
                crl.crl_number = Some(decode::<pkix::crl::CrlNumber>(value)?.0.as_bytes().to_vec());
            }
            oids::DELTA_CRL_INDICATOR => {
                refuse_non_minimal_integer(value, Error::NonMinimalCrlInteger)?;
                crl.delta_base = Some(
                    decode::<pkix::crl::BaseCrlNumber>(value)?
                        .0
                        .as_bytes()
                        .to_vec(),
                );
            }
            oids::ISSUING_DISTRIBUTION_POINT => {
                let idp = decode::<pkix::crl::IssuingDistributionPoint>(value)?;
                crl.idp = Some(IssuingDistributionPoint {
                    name: idp
                        .distribution_point
                        .as_ref()
                        .map(convert_dp_name)
                        .transpose()?,
                    only_contains_user_certs: idp.only_contains_user_certs,
                    only_contains_ca_certs: idp.only_contains_ca_certs,
                    only_some_reasons: idp.only_some_reasons.map(|r| ReasonFlags(r.bits())),
                    indirect_crl: idp.indirect_crl,
                    only_contains_attribute_certs: idp.only_contains_attribute_certs,
                });
                crl.idp_der = Some(range_of(der, value));
            }
            oids::AUTHORITY_KEY_ID => {
                crl.authority_key_id = decode_aki(value, Error::NonMinimalCrlInteger)?;
            }
            // Location and informational extensions: recognized, nothing to process.
            oids::ISSUER_ALT_NAME | oids::FRESHEST_CRL | oids::AUTHORITY_INFO_ACCESS => {}
            _ if critical && crl.unsupported_critical.is_none() => {
                crl.unsupported_critical = Some(oid);
            }
            _ => {}
        }
    }
    Ok(())
}

/// Validates one entry; returns whether it has an unsupported critical extension.
fn check_entry(c: &mut Cursor<'_>) -> Result<bool, Failed> {
    let entry = c.expect(tag::SEQUENCE)?;
    let mut e = Cursor::new(entry.value)?;
    let serial = e.expect(tag::INTEGER)?.value;
    if serial.is_empty() {
        return Err(Failed::Der);
    }
    if is_non_minimal_integer(serial) {
        return Err(Error::NonMinimalCrlInteger.into());
    }
    decode_time(&mut e)?;
    let mut unsupported = false;
    if let Some(exts) = e.optional(tag::SEQUENCE)? {
        for (oid, critical, value) in split_extensions(exts.value)? {
            match oid {
                oids::CRL_REASON => {
                    reason(value)?;
                }
                oids::CERTIFICATE_ISSUER => {
                    GeneralName::decode_sequence(value)?;
                }
                oids::INVALIDITY_DATE => {
                    crate::tlv::single(value, tag::GENERALIZED_TIME)?;
                }
                oids::HOLD_INSTRUCTION_CODE => {
                    crate::tlv::single(value, tag::OID)?;
                }
                _ => unsupported |= critical,
            }
        }
    }
    e.finish()?;
    Ok(unsupported)
}

fn parse_entry<'a>(c: &mut Cursor<'a>) -> Result<RevokedCertificate<'a>, Failed> {
    let entry = c.expect(tag::SEQUENCE)?;
    let mut e = Cursor::new(entry.value)?;
    let serial = e.expect(tag::INTEGER)?.value;
    let revocation_date = decode_time(&mut e)?;
    let mut out = RevokedCertificate {
        serial,
        revocation_date,
        reason: None,
        certificate_issuer: None,
    };
    if let Some(exts) = e.optional(tag::SEQUENCE)? {
        for (oid, _, value) in split_extensions(exts.value)? {
            match oid {
                oids::CRL_REASON => out.reason = Some(reason(value)?),
                oids::CERTIFICATE_ISSUER => {
                    out.certificate_issuer = Some(GeneralName::decode_sequence(value)?);
                }
                _ => {}
            }
        }
    }
    Ok(out)
}

fn reason(value: &[u8]) -> Result<RevocationReason, Error> {
    match crate::tlv::single(value, tag::ENUMERATED) {
        Ok([code]) => RevocationReason::from_code(*code).ok_or(Error::MalformedExtension),
        _ => Err(Error::MalformedExtension),
    }
}
