//! Certificate extensions: decoded with x509-cert, then reduced to what validation needs.

use alloc::vec::Vec;
use core::ops::Range;

use der::Decode;
use der::asn1::ObjectIdentifier;
use x509_cert::ext::pkix;

use super::is_non_minimal_integer;
use crate::Error;
use crate::name::{DistinguishedName, GeneralName, GeneralSubtree, NameConstraints};
use crate::oid::ext as oids;
use crate::tlv::{self, Cursor, Tlv, range_of, tag};

/// Most policies a certificate may assert or map ([`Error::TooManyPolicies`] beyond it):
/// bounds policy-graph growth.
pub const MAX_POLICIES_PER_CERTIFICATE: usize = 64;

/// Most extensions in one certificate, CRL or CRL entry ([`Error::TooManyExtensions`] beyond
/// it). Real certificates carry about ten; the bound keeps duplicate detection and decoding
/// proportional to a small count however the extensions are packed.
pub const MAX_EXTENSIONS: usize = 64;

/// One extension as encoded (borrowed from the certificate).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extension<'a> {
    /// `extnID`.
    pub oid: ObjectIdentifier,
    /// `critical`.
    pub critical: bool,
    /// The content of `extnValue` (the DER of the extension's own type).
    pub value: &'a [u8],
}

/// basicConstraints (RFC 5280 4.2.1.9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BasicConstraints {
    /// `cA`.
    pub ca: bool,
    /// `pathLenConstraint`: most non-self-issued intermediates that may follow.
    pub path_len_constraint: Option<u8>,
}

/// keyUsage bits (RFC 5280 4.2.1.3); bit *n* of the BIT STRING is `1 << n` here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyUsage(pub u16);

impl KeyUsage {
    /// digitalSignature (0).
    pub const DIGITAL_SIGNATURE: u16 = 1 << 0;
    /// nonRepudiation / contentCommitment (1).
    pub const NON_REPUDIATION: u16 = 1 << 1;
    /// keyEncipherment (2).
    pub const KEY_ENCIPHERMENT: u16 = 1 << 2;
    /// dataEncipherment (3).
    pub const DATA_ENCIPHERMENT: u16 = 1 << 3;
    /// keyAgreement (4).
    pub const KEY_AGREEMENT: u16 = 1 << 4;
    /// keyCertSign (5).
    pub const KEY_CERT_SIGN: u16 = 1 << 5;
    /// cRLSign (6).
    pub const CRL_SIGN: u16 = 1 << 6;
    /// encipherOnly (7).
    pub const ENCIPHER_ONLY: u16 = 1 << 7;
    /// decipherOnly (8).
    pub const DECIPHER_ONLY: u16 = 1 << 8;

    /// Whether every bit in `bits` is set.
    pub const fn allows(self, bits: u16) -> bool {
        self.0 & bits == bits
    }
}

/// One policyMappings entry (RFC 5280 4.2.1.5).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyMapping {
    /// The issuer's policy.
    pub issuer_domain_policy: ObjectIdentifier,
    /// The subject's equivalent policy.
    pub subject_domain_policy: ObjectIdentifier,
}

/// policyConstraints (RFC 5280 4.2.1.11).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicyConstraints {
    /// `requireExplicitPolicy` skip count.
    pub require_explicit_policy: Option<u32>,
    /// `inhibitPolicyMapping` skip count.
    pub inhibit_policy_mapping: Option<u32>,
}

/// The name of a distribution point (RFC 5280 4.2.1.13).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DistributionPointName {
    /// `fullName`.
    FullName(Vec<GeneralName>),
    /// `nameRelativeToCRLIssuer`: the DER of one RDN (a SET) appended to the CRL issuer's DN.
    RelativeToIssuer(Vec<u8>),
}

/// ReasonFlags (RFC 5280 4.2.1.13); bit *n* of the BIT STRING is `1 << n` here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReasonFlags(pub u16);

impl ReasonFlags {
    /// Every reason from keyCompromise (1) to aACompromise (8): a certificate's status is
    /// determined once CRLs covering all of them have been consulted.
    pub const ALL: ReasonFlags = ReasonFlags(0x1fe);
}

/// One cRLDistributionPoints / freshestCRL entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DistributionPoint {
    /// `distributionPoint`.
    pub name: Option<DistributionPointName>,
    /// `reasons`; absent means all reasons.
    pub reasons: Option<ReasonFlags>,
    /// `cRLIssuer`: set when the CRL is issued by someone other than the certificate issuer.
    pub crl_issuer: Option<Vec<GeneralName>>,
}

/// Everything the validator reads from a certificate's extensions.
#[derive(Clone, Debug, Default)]
pub(crate) struct Extensions {
    pub(crate) raw: Vec<RawExtension>,
    pub(crate) basic_constraints: Option<BasicConstraints>,
    pub(crate) key_usage: Option<KeyUsage>,
    pub(crate) ext_key_usage: Option<Vec<ObjectIdentifier>>,
    pub(crate) subject_key_id: Option<Vec<u8>>,
    pub(crate) authority_key_id: Option<Vec<u8>>,
    pub(crate) policies: Option<Vec<ObjectIdentifier>>,
    pub(crate) policy_mappings: Option<Vec<PolicyMapping>>,
    pub(crate) policy_constraints: Option<PolicyConstraints>,
    pub(crate) inhibit_any_policy: Option<u32>,
    pub(crate) name_constraints: Option<NameConstraints>,
    pub(crate) subject_alt_names: Option<Vec<GeneralName>>,
    pub(crate) crl_distribution_points: Option<Vec<DistributionPoint>>,
    pub(crate) freshest_crl: Option<Vec<DistributionPoint>>,
    /// The first critical extension this crate does not process, if any.
    pub(crate) unsupported_critical: Option<ObjectIdentifier>,
}

/// Where an extension sits in the certificate's DER.
#[derive(Clone, Debug)]
pub(crate) struct RawExtension {
    pub(crate) oid: ObjectIdentifier,
    pub(crate) critical: bool,
    pub(crate) value: Range<usize>,
}

/// One extension as (extnID, critical, extnValue content).
pub(crate) type RawParts<'a> = (ObjectIdentifier, bool, &'a [u8]);

/// Splits an `Extensions` SEQUENCE value into (oid, critical, extnValue content), rejecting
/// duplicates (RFC 5280 4.2: a certificate MUST NOT include more than one instance).
pub(crate) fn split_extensions(seq_value: &[u8]) -> Result<Vec<RawParts<'_>>, Error> {
    let bad = |_| Error::MalformedExtension;
    let mut out: Vec<RawParts<'_>> = Vec::new();
    let mut c = Cursor::new(seq_value).map_err(bad)?;
    while !c.is_empty() {
        if out.len() == MAX_EXTENSIONS {
            return Err(Error::TooManyExtensions);
        }
        let ext = c.expect(tag::SEQUENCE).map_err(bad)?;
        let mut e = Cursor::new(ext.value).map_err(bad)?;
        let oid = ObjectIdentifier::from_bytes(e.expect(tag::OID).map_err(bad)?.value)
            .map_err(|_| Error::MalformedExtension)?;
        let critical = match e.optional(tag::BOOLEAN).map_err(bad)? {
            // DER: BOOLEAN TRUE is 0xff, and the DEFAULT FALSE is never encoded.
            Some(b) if b.value == [0xff] => true,
            Some(_) => return Err(Error::MalformedExtension),
            None => false,
        };
        let value = e.expect(tag::OCTET_STRING).map_err(bad)?.value;
        e.finish().map_err(bad)?;
        out.push((oid, critical, value));
    }
    if out.is_empty() {
        // Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension
        return Err(Error::MalformedExtension);
    }
    // Sorted rather than compared pairwise, so that a hostile extension count costs
    // n log n, not n squared.
    let mut oids: Vec<ObjectIdentifier> = out.iter().map(|(oid, _, _)| *oid).collect();
    oids.sort_unstable();
    if oids.windows(2).any(|w| w[0] == w[1]) {
        return Err(Error::DuplicateExtension);
    }
    Ok(out)
}

impl Extensions {
    /// Decodes a certificate's extensions; `der` is the whole certificate, which `seq_value`
    /// lies within (so raw values can be kept as ranges).
    pub(crate) fn parse(der: &[u8], seq_value: &[u8]) -> Result<Self, Error> {
        let mut ext = Extensions::default();
        for (oid, critical, value) in split_extensions(seq_value)? {
            ext.raw.push(RawExtension {
                oid,
                critical,
                value: range_of(der, value),
            });
            let known = ext.decode_one(oid, value)?;
            if critical && !known && ext.unsupported_critical.is_none() {
                ext.unsupported_critical = Some(oid);
            }
        }
        Ok(ext)
    }

    /// Decodes one extension; returns whether this crate recognizes (and processes) it.
    fn decode_one(&mut self, oid: ObjectIdentifier, value: &[u8]) -> Result<bool, Error> {
        match oid {
            oids::BASIC_CONSTRAINTS => {
                // BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE,
                //                                 pathLenConstraint INTEGER (0..MAX) OPTIONAL }
                refuse_non_minimal(elements(value), &[tag::INTEGER], NON_MINIMAL)?;
                let bc = decode::<pkix::BasicConstraints>(value)?;
                self.basic_constraints = Some(BasicConstraints {
                    ca: bc.ca,
                    path_len_constraint: bc.path_len_constraint,
                });
            }
            oids::KEY_USAGE => {
                let ku = decode::<pkix::KeyUsage>(value)?;
                self.key_usage = Some(KeyUsage(ku.0.bits()));
            }
            oids::EXT_KEY_USAGE => {
                self.ext_key_usage = Some(decode::<pkix::ExtendedKeyUsage>(value)?.0);
            }
            oids::SUBJECT_KEY_ID => {
                let ski = decode::<pkix::SubjectKeyIdentifier>(value)?;
                self.subject_key_id = Some(ski.0.as_bytes().to_vec());
            }
            oids::AUTHORITY_KEY_ID => self.authority_key_id = decode_aki(value, NON_MINIMAL)?,
            oids::CERTIFICATE_POLICIES => self.policies = Some(decode_policies(value)?),
            oids::POLICY_MAPPINGS => {
                let maps = decode::<pkix::PolicyMappings>(value)?.0;
                if maps.is_empty() {
                    // PolicyMappings ::= SEQUENCE SIZE (1..MAX) OF ...
                    return Err(Error::MalformedExtension);
                }
                if maps.len() > MAX_POLICIES_PER_CERTIFICATE {
                    return Err(Error::TooManyPolicies);
                }
                self.policy_mappings = Some(
                    maps.iter()
                        .map(|m| PolicyMapping {
                            issuer_domain_policy: m.issuer_domain_policy,
                            subject_domain_policy: m.subject_domain_policy,
                        })
                        .collect(),
                );
            }
            oids::POLICY_CONSTRAINTS => {
                // SEQUENCE { requireExplicitPolicy [0] IMPLICIT SkipCerts OPTIONAL,
                //            inhibitPolicyMapping [1] IMPLICIT SkipCerts OPTIONAL }
                refuse_non_minimal(elements(value), &[0x80, 0x81], NON_MINIMAL)?;
                let pc = decode::<pkix::PolicyConstraints>(value)?;
                // RFC 5280 4.2.1.11: conforming CAs MUST NOT issue an empty sequence.
                if pc.require_explicit_policy.is_none() && pc.inhibit_policy_mapping.is_none() {
                    return Err(Error::MalformedExtension);
                }
                self.policy_constraints = Some(PolicyConstraints {
                    require_explicit_policy: pc.require_explicit_policy,
                    inhibit_policy_mapping: pc.inhibit_policy_mapping,
                });
            }
            oids::INHIBIT_ANY_POLICY => {
                // InhibitAnyPolicy ::= SkipCerts, an INTEGER.
                refuse_non_minimal_integer(value, NON_MINIMAL)?;
                self.inhibit_any_policy = Some(decode::<pkix::InhibitAnyPolicy>(value)?.0);
            }
            oids::NAME_CONSTRAINTS => self.name_constraints = Some(decode_name_constraints(value)?),
            oids::SUBJECT_ALT_NAME => {
                self.subject_alt_names = Some(GeneralName::decode_sequence(value)?);
            }
            oids::CRL_DISTRIBUTION_POINTS => {
                let dps = decode::<pkix::CrlDistributionPoints>(value)?.0;
                self.crl_distribution_points = Some(convert_dps(&dps)?);
            }
            oids::FRESHEST_CRL => {
                let dps = decode::<pkix::FreshestCrl>(value)?.0;
                self.freshest_crl = Some(convert_dps(&dps)?);
            }
            // Recognized without processing: location or informational data only.
            oids::ISSUER_ALT_NAME | oids::AUTHORITY_INFO_ACCESS => {}
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// A certificate's INTEGER that is not minimally encoded.
const NON_MINIMAL: Error = Error::NonMinimalCertificateInteger;

/// Refuses with `non_minimal` the first of `elements` that is an INTEGER (identified by one of
/// `integer_tags`: an IMPLICIT tag hides the type) with a redundant leading octet (X.690
/// 8.3.2). x509-cert's typed decoding, which follows, refuses such INTEGERs too, but only as
/// malformed; it also reports any malformed structure, which is not checked here.
fn refuse_non_minimal<'a>(
    mut elements: impl Iterator<Item = Tlv<'a>>,
    integer_tags: &[u8],
    non_minimal: Error,
) -> Result<(), Error> {
    if elements.any(|t| integer_tags.contains(&t.tag) && is_non_minimal_integer(t.value)) {
        return Err(non_minimal);
    }
    Ok(())
}

/// Refuses with `non_minimal` an extension value that is a single INTEGER with a redundant
/// leading octet; anything else is left to the typed decoding.
pub(crate) fn refuse_non_minimal_integer(value: &[u8], non_minimal: Error) -> Result<(), Error> {
    match tlv::single(value, tag::INTEGER) {
        Ok(integer) if is_non_minimal_integer(integer) => Err(non_minimal),
        _ => Ok(()),
    }
}

/// The elements of the SEQUENCE that spans `der`: none if it is not one.
fn elements(der: &[u8]) -> impl Iterator<Item = Tlv<'_>> {
    elements_in(tlv::single(der, tag::SEQUENCE).unwrap_or_default())
}

/// The consecutive elements of `content`, up to the first that does not parse.
fn elements_in(content: &[u8]) -> impl Iterator<Item = Tlv<'_>> {
    let mut cursor = Cursor::new(content).ok();
    core::iter::from_fn(move || {
        let element = cursor.as_mut()?.any().ok();
        if element.is_none() {
            cursor = None;
        }
        element
    })
}

pub(crate) fn decode<'a, T: Decode<'a>>(value: &'a [u8]) -> Result<T, Error> {
    T::from_der(value).map_err(|_| Error::MalformedExtension)
}

/// The authorityKeyIdentifier's `keyIdentifier`; `non_minimal` is the error for a
/// non-minimal `authorityCertSerialNumber` (certificate or CRL).
pub(crate) fn decode_aki(value: &[u8], non_minimal: Error) -> Result<Option<Vec<u8>>, Error> {
    // SEQUENCE { keyIdentifier [0], authorityCertIssuer [1],
    //            authorityCertSerialNumber [2] IMPLICIT CertificateSerialNumber }
    refuse_non_minimal(elements(value), &[0x82], non_minimal)?;
    let aki = decode::<pkix::AuthorityKeyIdentifier>(value)?;
    Ok(aki.key_identifier.map(|k| k.as_bytes().to_vec()))
}

fn decode_policies(value: &[u8]) -> Result<Vec<ObjectIdentifier>, Error> {
    let policies = decode::<pkix::CertificatePolicies>(value)?.0;
    if policies.is_empty() {
        // certificatePolicies ::= SEQUENCE SIZE (1..MAX) OF PolicyInformation
        return Err(Error::MalformedExtension);
    }
    if policies.len() > MAX_POLICIES_PER_CERTIFICATE {
        return Err(Error::TooManyPolicies);
    }
    let oids: Vec<ObjectIdentifier> = policies.iter().map(|p| p.policy_identifier).collect();
    // RFC 5280 4.2.1.4: a policy OID MUST NOT appear more than once.
    for (i, oid) in oids.iter().enumerate() {
        if oids[..i].contains(oid) {
            return Err(Error::MalformedExtension);
        }
    }
    Ok(oids)
}

fn decode_name_constraints(value: &[u8]) -> Result<NameConstraints, Error> {
    // SEQUENCE { permittedSubtrees [0] IMPLICIT GeneralSubtrees OPTIONAL, excludedSubtrees [1]
    // ... }, GeneralSubtree ::= SEQUENCE { base GeneralName, minimum [0] IMPLICIT BaseDistance
    // DEFAULT 0, maximum [1] IMPLICIT BaseDistance OPTIONAL }: the INTEGERs follow the base.
    for subtrees in elements(value).filter(|t| matches!(t.tag, 0xa0 | 0xa1)) {
        for subtree in elements_in(subtrees.value) {
            refuse_non_minimal(
                elements_in(subtree.value).skip(1),
                &[0x80, 0x81],
                NON_MINIMAL,
            )?;
        }
    }
    let nc = decode::<pkix::NameConstraints>(value)?;
    // Subtrees that are decodable but malformed (RFC 5280 4.2.1.10: minimum MUST be zero and
    // maximum MUST be absent; bases must be well formed for their form) are kept and flagged,
    // so that validation refuses them naming the certificate on the path.
    // GeneralSubtrees ::= SEQUENCE SIZE (1..MAX): a present but empty list is malformed too.
    let empty = |s: &Option<Vec<_>>| s.as_ref().is_some_and(Vec::is_empty);
    let mut malformed = empty(&nc.permitted_subtrees) || empty(&nc.excluded_subtrees);
    let mut convert = |subtrees: &[pkix::constraints::name::GeneralSubtree]| {
        subtrees
            .iter()
            .map(|s| {
                let base = GeneralName::from_x509(&s.base)?;
                malformed |= s.minimum != 0
                    || s.maximum.is_some()
                    || !crate::name::constraint_is_well_formed(&base);
                Ok(GeneralSubtree { base })
            })
            .collect::<Result<Vec<_>, Error>>()
    };
    let permitted = nc
        .permitted_subtrees
        .as_deref()
        .map(&mut convert)
        .transpose()?;
    let excluded = convert(nc.excluded_subtrees.as_deref().unwrap_or_default())?;
    if nc.permitted_subtrees.is_none() && nc.excluded_subtrees.is_none() {
        // RFC 5280 4.2.1.10: either permittedSubtrees or excludedSubtrees MUST be present.
        return Err(Error::MalformedExtension);
    }
    Ok(NameConstraints {
        permitted,
        excluded,
        malformed,
    })
}

pub(crate) fn convert_dp_name(
    name: &pkix::name::DistributionPointName,
) -> Result<DistributionPointName, Error> {
    use der::Encode;
    Ok(match name {
        pkix::name::DistributionPointName::FullName(names) => DistributionPointName::FullName(
            names
                .iter()
                .map(GeneralName::from_x509)
                .collect::<Result<_, _>>()?,
        ),
        pkix::name::DistributionPointName::NameRelativeToCRLIssuer(rdn) => {
            DistributionPointName::RelativeToIssuer(
                rdn.to_der().map_err(|_| Error::MalformedExtension)?,
            )
        }
    })
}

fn convert_dps(dps: &[pkix::crl::dp::DistributionPoint]) -> Result<Vec<DistributionPoint>, Error> {
    dps.iter()
        .map(|dp| {
            // RFC 5280 4.2.1.13: a DistributionPoint MUST NOT consist of only `reasons`.
            if dp.distribution_point.is_none() && dp.crl_issuer.is_none() {
                return Err(Error::MalformedExtension);
            }
            Ok(DistributionPoint {
                name: dp
                    .distribution_point
                    .as_ref()
                    .map(convert_dp_name)
                    .transpose()?,
                reasons: dp.reasons.map(|r| ReasonFlags(r.bits())),
                crl_issuer: dp
                    .crl_issuer
                    .as_ref()
                    .map(|names| names.iter().map(GeneralName::from_x509).collect())
                    .transpose()?,
            })
        })
        .collect()
}

/// The directory names among `names`.
pub(crate) fn directory_names(names: &[GeneralName]) -> impl Iterator<Item = &DistinguishedName> {
    names.iter().filter_map(|n| match n {
        GeneralName::DirectoryName(dn) => Some(dn),
        _ => None,
    })
}
