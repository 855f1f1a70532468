//! The JPKI certificate profile: what each kind of JPKI certificate must look like, checked
//! field by field, with every deviation reported as a typed [`ProfileFinding`].
//!
//! Sources (see `docs/jpki-profile.md`): the project's reference notes on the J-LIS
//! certificates (policy OIDs, keyUsage, subject forms, the CA names, the root extensions).
//! Nothing here panics or fails: a certificate that deviates is still classified, and the
//! findings say how it deviates.

use alloc::vec::Vec;
use core::fmt;

use der::asn1::{AnyRef, ObjectIdentifier as Oid};
use der::{Encode, Tag};

use super::basic_four::{BasicFour, BasicFourError};
use super::pins::JpkiPurpose;
use crate::name::{DistinguishedName, decode_string};
use crate::oid::attr::{COMMON_NAME, COUNTRY, LOCALITY, ORGANIZATION, ORGANIZATIONAL_UNIT};
use crate::oid::ext as oids;
use crate::tlv::{Cursor, tag};
use crate::{Certificate, Error, KeyUsage, NamedCurve, PublicKeyInfo};

/// The J-LIS signing CA's name, as [`crate::Name`]'s `Display` prints it.
pub const JLIS_SIGNING_CA_NAME: &str = "C=JP, O=JPKI, OU=JPKI for digital signature, OU=Japan Agency for Local Authority Information Systems";
/// The J-LIS user-authentication CA's name, as [`crate::Name`]'s `Display` prints it.
pub const JLIS_USER_AUTHENTICATION_CA_NAME: &str = "C=JP, O=JPKI, OU=JPKI for user authentication, OU=Japan Agency for Local Authority Information Systems";

/// The name every root generation (and every link or cross certificate) of the J-LIS CA
/// for `purpose` carries as subject, and every card certificate of that purpose as issuer:
/// `C=JP, O=JPKI, OU=JPKI for digital signature | JPKI for user authentication,
/// OU=Japan Agency for Local Authority Information Systems`.
///
/// Built as the real roots encode it (C a PrintableString, the rest UTF8String); names are
/// compared per RFC 5280 7.1, so other string types with the same text match too.
pub fn jlis_ca_name(purpose: JpkiPurpose) -> DistinguishedName {
    let ou = match purpose {
        JpkiPurpose::Signing => "JPKI for digital signature",
        JpkiPurpose::UserAuthentication => "JPKI for user authentication",
    };
    let rdns: [(Oid, Tag, &str); 4] = [
        (COUNTRY, Tag::PrintableString, "JP"),
        (ORGANIZATION, Tag::Utf8String, "JPKI"),
        (ORGANIZATIONAL_UNIT, Tag::Utf8String, ou),
        (
            ORGANIZATIONAL_UNIT,
            Tag::Utf8String,
            "Japan Agency for Local Authority Information Systems",
        ),
    ];
    let mut body = Vec::new();
    for (oid, string_tag, value) in rdns {
        let mut ava = tlv(Tag::ObjectIdentifier, oid.as_bytes());
        ava.extend(tlv(string_tag, value.as_bytes()));
        body.extend(tlv(Tag::Set, &tlv(Tag::Sequence, &ava)));
    }
    DistinguishedName::from_der(&tlv(Tag::Sequence, &body))
        .expect("the J-LIS CA name is a well-formed constant")
}

fn tlv(tag: Tag, value: &[u8]) -> Vec<u8> {
    // Only this module's constant names pass through here; they always encode.
    AnyRef::new(tag, value)
        .and_then(|any| any.to_der())
        .unwrap_or_default()
}

/// The J-LIS CA purpose whose name `name` is, if any.
pub(crate) fn jlis_ca_purpose(name: &crate::name::NameKey) -> Option<JpkiPurpose> {
    [JpkiPurpose::Signing, JpkiPurpose::UserAuthentication]
        .into_iter()
        .find(|p| jlis_ca_name(*p).key() == name)
}

/// Which profile checks to run. Every check is on by default ([`ProfileChecks::ALL`]); a
/// verifier that only wants classification uses [`ProfileChecks::NONE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ProfileChecks {
    /// certificatePolicies present, critical, asserting exactly the purpose's policy OID
    /// (card certificates only; roots carry none).
    pub policies: bool,
    /// keyUsage present with exactly the profile's bits, critical where the profile says so.
    pub key_usage: bool,
    /// basicConstraints: `cA` TRUE and critical on CA certificates, not `cA` on cards.
    pub basic_constraints: bool,
    /// Subject and issuer forms: the card subject's attribute sequence, the issuer being
    /// the J-LIS CA name of the purpose.
    pub names: bool,
    /// Signing certificates carry the complete, decodable basic four; user-authentication
    /// certificates carry none.
    pub basic_four: bool,
    /// The key is RSA-2048 (today's card) or ECDSA P-384 (the next-generation card).
    pub key: bool,
}

impl ProfileChecks {
    /// Every check.
    pub const ALL: ProfileChecks = ProfileChecks {
        policies: true,
        key_usage: true,
        basic_constraints: true,
        names: true,
        basic_four: true,
        key: true,
    };
    /// No check: classification only.
    pub const NONE: ProfileChecks = ProfileChecks {
        policies: false,
        key_usage: false,
        basic_constraints: false,
        names: false,
        basic_four: false,
        key: false,
    };
}

impl Default for ProfileChecks {
    fn default() -> Self {
        ProfileChecks::ALL
    }
}

/// The subject forms of the profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SubjectForm {
    /// A signing certificate: `C=JP, L=<prefecture>, L=<city>, CN=<opaque serial>`, one
    /// attribute per RDN, in that order.
    SigningCard,
    /// A user-authentication certificate: `C=JP, CN=<opaque id>`.
    UserAuthenticationCard,
}

impl SubjectForm {
    /// The form as text.
    pub const fn pattern(self) -> &'static str {
        match self {
            SubjectForm::SigningCard => "C=JP, L=<prefecture>, L=<city>, CN=<id>",
            SubjectForm::UserAuthenticationCard => "C=JP, CN=<id>",
        }
    }
}

/// One way a certificate deviates from the JPKI profile of its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProfileFinding {
    /// A card certificate has no certificatePolicies extension (JPKI card certificates
    /// assert their policy OID).
    PoliciesMissing,
    /// certificatePolicies is not marked critical (JPKI marks it critical).
    PoliciesNotCritical,
    /// certificatePolicies does not assert the purpose's policy OID.
    ExpectedPolicyMissing {
        /// The OID the profile expects.
        expected: Oid,
    },
    /// certificatePolicies asserts a policy besides the expected one.
    UnexpectedPolicy {
        /// The extra policy.
        policy: Oid,
    },
    /// No keyUsage extension.
    KeyUsageMissing,
    /// keyUsage is not marked critical where the profile marks it critical (signing cards
    /// and roots).
    KeyUsageNotCritical,
    /// keyUsage differs from the profile's bits (signing: digitalSignature +
    /// nonRepudiation; user authentication: digitalSignature; CA: keyCertSign + cRLSign).
    KeyUsageMismatch {
        /// The bits the profile gives.
        expected: KeyUsage,
        /// The bits found.
        found: KeyUsage,
    },
    /// A CA certificate has no basicConstraints extension.
    BasicConstraintsMissing,
    /// A CA certificate's basicConstraints is not marked critical.
    BasicConstraintsNotCritical,
    /// A CA certificate's basicConstraints does not say `cA` TRUE.
    NotCa,
    /// A card certificate's basicConstraints says `cA` TRUE.
    EndEntityIsCa,
    /// The subject does not have the profile's form.
    SubjectForm {
        /// The form expected.
        expected: SubjectForm,
    },
    /// The issuer is not the J-LIS CA name of the certificate's purpose (for example a
    /// user-authentication CA name on a signing certificate).
    IssuerNotJlisCa {
        /// The purpose whose CA name was expected.
        purpose: JpkiPurpose,
    },
    /// A signing certificate without any basic-four entry in its subjectAltName.
    BasicFourMissing,
    /// A signing certificate whose basic four lacks one field.
    BasicFourFieldMissing {
        /// The field's last OID arc: 1 name, 2 name substitute positions, 3 sex, 4 birth
        /// date, 5 address, 6 address substitute positions.
        field: u8,
    },
    /// The basic four could not be decoded.
    BasicFourUnreadable(BasicFourError),
    /// A user-authentication certificate carries basic-four data (it must carry no
    /// personal data).
    PersonalDataInUserAuthentication,
    /// The key is neither RSA-2048 (today's card) nor ECDSA P-384 (the next-generation
    /// card; the curve name is unconfirmed, see `docs/jpki-profile.md`).
    UnexpectedKey {
        /// What the key is.
        key: PublicKeyInfo,
    },
    /// The key could not be decoded, or its algorithm is not supported.
    KeyUnreadable(Error),
}

impl ProfileFinding {
    /// A stable kebab-case name, for JSON output.
    pub const fn id(&self) -> &'static str {
        match self {
            ProfileFinding::PoliciesMissing => "policies-missing",
            ProfileFinding::PoliciesNotCritical => "policies-not-critical",
            ProfileFinding::ExpectedPolicyMissing { .. } => "expected-policy-missing",
            ProfileFinding::UnexpectedPolicy { .. } => "unexpected-policy",
            ProfileFinding::KeyUsageMissing => "key-usage-missing",
            ProfileFinding::KeyUsageNotCritical => "key-usage-not-critical",
            ProfileFinding::KeyUsageMismatch { .. } => "key-usage-mismatch",
            ProfileFinding::BasicConstraintsMissing => "basic-constraints-missing",
            ProfileFinding::BasicConstraintsNotCritical => "basic-constraints-not-critical",
            ProfileFinding::NotCa => "not-ca",
            ProfileFinding::EndEntityIsCa => "end-entity-is-ca",
            ProfileFinding::SubjectForm { .. } => "subject-form",
            ProfileFinding::IssuerNotJlisCa { .. } => "issuer-not-jlis-ca",
            ProfileFinding::BasicFourMissing => "basic-four-missing",
            ProfileFinding::BasicFourFieldMissing { .. } => "basic-four-field-missing",
            ProfileFinding::BasicFourUnreadable(_) => "basic-four-unreadable",
            ProfileFinding::PersonalDataInUserAuthentication => {
                "personal-data-in-user-authentication"
            }
            ProfileFinding::UnexpectedKey { .. } => "unexpected-key",
            ProfileFinding::KeyUnreadable(_) => "key-unreadable",
        }
    }
}

impl fmt::Display for ProfileFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileFinding::PoliciesMissing => f.write_str("no certificatePolicies extension"),
            ProfileFinding::PoliciesNotCritical => {
                f.write_str("certificatePolicies is not critical")
            }
            ProfileFinding::ExpectedPolicyMissing { expected } => {
                write!(f, "policy {expected} is not asserted")
            }
            ProfileFinding::UnexpectedPolicy { policy } => {
                write!(f, "unexpected policy {policy} asserted")
            }
            ProfileFinding::KeyUsageMissing => f.write_str("no keyUsage extension"),
            ProfileFinding::KeyUsageNotCritical => f.write_str("keyUsage is not critical"),
            ProfileFinding::KeyUsageMismatch { expected, found } => write!(
                f,
                "keyUsage is {} (the profile says {})",
                KeyUsageNames(*found),
                KeyUsageNames(*expected)
            ),
            ProfileFinding::BasicConstraintsMissing => {
                f.write_str("CA certificate without basicConstraints")
            }
            ProfileFinding::BasicConstraintsNotCritical => {
                f.write_str("basicConstraints is not critical")
            }
            ProfileFinding::NotCa => f.write_str("CA certificate whose basicConstraints is not cA"),
            ProfileFinding::EndEntityIsCa => {
                f.write_str("card certificate whose basicConstraints says cA")
            }
            ProfileFinding::SubjectForm { expected } => {
                write!(f, "subject is not of the form {}", expected.pattern())
            }
            ProfileFinding::IssuerNotJlisCa { purpose } => {
                write!(f, "issuer is not the J-LIS {} CA name", purpose.name())
            }
            ProfileFinding::BasicFourMissing => {
                f.write_str("signing certificate without the basic four")
            }
            ProfileFinding::BasicFourFieldMissing { field } => {
                write!(f, "basic-four field {} is missing", field_name(*field))
            }
            ProfileFinding::BasicFourUnreadable(e) => {
                write!(f, "basic four cannot be decoded: {e:?}")
            }
            ProfileFinding::PersonalDataInUserAuthentication => {
                f.write_str("user-authentication certificate carries basic-four data")
            }
            ProfileFinding::UnexpectedKey { key } => {
                write!(f, "key is {} (JPKI cards: RSA-2048 or ECDSA P-384)", *key)
            }
            ProfileFinding::KeyUnreadable(e) => write!(f, "key cannot be decoded: {e}"),
        }
    }
}

/// The name of basic-four field `.5.<field>`.
pub(crate) const fn field_name(field: u8) -> &'static str {
    match field {
        1 => "name (.5.1)",
        2 => "name substitute positions (.5.2)",
        3 => "sex (.5.3)",
        4 => "birth date (.5.4)",
        5 => "address (.5.5)",
        6 => "address substitute positions (.5.6)",
        _ => "unknown",
    }
}

/// keyUsage bits by name, `digitalSignature+nonRepudiation`.
pub(crate) struct KeyUsageNames(pub(crate) KeyUsage);

impl fmt::Display for KeyUsageNames {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const NAMES: [&str; 9] = [
            "digitalSignature",
            "nonRepudiation",
            "keyEncipherment",
            "dataEncipherment",
            "keyAgreement",
            "keyCertSign",
            "cRLSign",
            "encipherOnly",
            "decipherOnly",
        ];
        let mut first = true;
        for (bit, name) in NAMES.iter().enumerate() {
            if self.0.0 & (1 << bit) != 0 {
                if !first {
                    f.write_str("+")?;
                }
                f.write_str(name)?;
                first = false;
            }
        }
        if first {
            f.write_str("(none)")?;
        }
        Ok(())
    }
}

/// What the profile expects of one kind of certificate.
pub(crate) struct Expectations {
    /// The policy OID a card certificate asserts; `None` for CA certificates.
    pub(crate) policy: Option<Oid>,
    pub(crate) key_usage: u16,
    pub(crate) key_usage_critical: bool,
    pub(crate) ca: bool,
    pub(crate) subject: Option<SubjectForm>,
    /// The purpose whose J-LIS CA name must be the issuer; `None` to skip (test hierarchy).
    pub(crate) issuer: Option<JpkiPurpose>,
    /// `Some(true)`: basic four required; `Some(false)`: forbidden; `None`: not checked.
    pub(crate) basic_four: Option<bool>,
}

impl Expectations {
    pub(crate) const fn card(purpose: JpkiPurpose, policy: Oid, issuer: bool) -> Self {
        let signing = matches!(purpose, JpkiPurpose::Signing);
        Expectations {
            policy: Some(policy),
            key_usage: if signing {
                KeyUsage::DIGITAL_SIGNATURE | KeyUsage::NON_REPUDIATION
            } else {
                KeyUsage::DIGITAL_SIGNATURE
            },
            // The reference gives criticality for the signing certificate's keyUsage only.
            key_usage_critical: signing,
            ca: false,
            subject: Some(if signing {
                SubjectForm::SigningCard
            } else {
                SubjectForm::UserAuthenticationCard
            }),
            issuer: if issuer { Some(purpose) } else { None },
            basic_four: Some(signing),
        }
    }

    pub(crate) const CA: Expectations = Expectations {
        policy: None,
        key_usage: KeyUsage::KEY_CERT_SIGN | KeyUsage::CRL_SIGN,
        key_usage_critical: true,
        ca: true,
        subject: None,
        issuer: None,
        basic_four: None,
    };
}

/// Runs the enabled checks of `expect` over `cert`. `basic_four` is the decoded basic
/// four (or why it could not be decoded), `key` the decoded key.
pub(crate) fn check(
    cert: &Certificate,
    expect: &Expectations,
    checks: ProfileChecks,
    basic_four: Option<&Result<BasicFour, BasicFourError>>,
    key: Result<PublicKeyInfo, Error>,
) -> Vec<ProfileFinding> {
    let mut out = Vec::new();
    if checks.policies
        && let Some(policy) = expect.policy
    {
        check_policies(cert, policy, &mut out);
    }
    if checks.key_usage {
        match cert.extension(oids::KEY_USAGE) {
            None => out.push(ProfileFinding::KeyUsageMissing),
            Some(ext) => {
                if expect.key_usage_critical && !ext.critical {
                    out.push(ProfileFinding::KeyUsageNotCritical);
                }
                let found = cert.key_usage().unwrap_or(KeyUsage(0));
                if found.0 != expect.key_usage {
                    out.push(ProfileFinding::KeyUsageMismatch {
                        expected: KeyUsage(expect.key_usage),
                        found,
                    });
                }
            }
        }
    }
    if checks.basic_constraints {
        let ext = cert.extension(oids::BASIC_CONSTRAINTS);
        if expect.ca {
            match ext {
                None => out.push(ProfileFinding::BasicConstraintsMissing),
                Some(ext) => {
                    if !ext.critical {
                        out.push(ProfileFinding::BasicConstraintsNotCritical);
                    }
                    if !cert.is_ca() {
                        out.push(ProfileFinding::NotCa);
                    }
                }
            }
        } else if cert.is_ca() {
            out.push(ProfileFinding::EndEntityIsCa);
        }
    }
    if checks.names {
        if let Some(form) = expect.subject
            && !subject_has_form(cert.subject().as_der(), form)
        {
            out.push(ProfileFinding::SubjectForm { expected: form });
        }
        if let Some(purpose) = expect.issuer
            && jlis_ca_name(purpose).key() != cert.issuer_key()
        {
            out.push(ProfileFinding::IssuerNotJlisCa { purpose });
        }
    }
    if checks.basic_four {
        check_basic_four(expect.basic_four, basic_four, &mut out);
    }
    if checks.key {
        match key {
            Ok(PublicKeyInfo::Rsa { modulus_bits: 2048 })
            | Ok(PublicKeyInfo::Ec {
                curve: NamedCurve::P384,
            }) => {}
            Ok(key) => out.push(ProfileFinding::UnexpectedKey { key }),
            Err(e) => out.push(ProfileFinding::KeyUnreadable(e)),
        }
    }
    out
}

fn check_policies(cert: &Certificate, expected: Oid, out: &mut Vec<ProfileFinding>) {
    let Some(ext) = cert.extension(oids::CERTIFICATE_POLICIES) else {
        out.push(ProfileFinding::PoliciesMissing);
        return;
    };
    if !ext.critical {
        out.push(ProfileFinding::PoliciesNotCritical);
    }
    let policies = cert.policies().unwrap_or(&[]);
    if !policies.contains(&expected) {
        out.push(ProfileFinding::ExpectedPolicyMissing { expected });
    }
    for policy in policies.iter().filter(|p| **p != expected) {
        out.push(ProfileFinding::UnexpectedPolicy { policy: *policy });
    }
}

fn check_basic_four(
    expect: Option<bool>,
    decoded: Option<&Result<BasicFour, BasicFourError>>,
    out: &mut Vec<ProfileFinding>,
) {
    match (expect, decoded) {
        (_, Some(Err(e))) => out.push(ProfileFinding::BasicFourUnreadable(*e)),
        (Some(true), None) => out.push(ProfileFinding::BasicFourMissing),
        (Some(true), Some(Ok(four))) => {
            if !four.is_present() {
                out.push(ProfileFinding::BasicFourMissing);
                return;
            }
            let fields = [
                &four.name,
                &four.name_substitute_positions,
                &four.sex,
                &four.birth_date,
                &four.address,
                &four.address_substitute_positions,
            ];
            for (i, field) in fields.iter().enumerate() {
                if field.is_none() {
                    out.push(ProfileFinding::BasicFourFieldMissing { field: i as u8 + 1 });
                }
            }
        }
        (Some(false), Some(Ok(four))) if four.is_present() => {
            out.push(ProfileFinding::PersonalDataInUserAuthentication);
        }
        _ => {}
    }
}

/// Whether a DER `Name` has the form: one attribute per RDN, C=JP first, then the form's
/// attribute types in order, every value a non-empty string.
fn subject_has_form(der: &[u8], form: SubjectForm) -> bool {
    let expected: &[Oid] = match form {
        SubjectForm::SigningCard => &[COUNTRY, LOCALITY, LOCALITY, COMMON_NAME],
        SubjectForm::UserAuthenticationCard => &[COUNTRY, COMMON_NAME],
    };
    let Some(attributes) = single_valued_rdns(der) else {
        return false;
    };
    attributes.len() == expected.len()
        && attributes
            .iter()
            .zip(expected)
            .all(|((oid, value), want)| oid == want && !value.trim().is_empty())
        && attributes[0].1 == "JP"
}

/// The (type, text) of each RDN, when every RDN has exactly one attribute with a string value.
fn single_valued_rdns(der: &[u8]) -> Option<Vec<(Oid, alloc::string::String)>> {
    let mut outer = Cursor::new(der).ok()?;
    let seq = outer.expect(tag::SEQUENCE).ok()?;
    let mut rdns = Cursor::new(seq.value).ok()?;
    let mut out = Vec::new();
    while !rdns.is_empty() {
        let set = rdns.expect(tag::SET).ok()?;
        let mut avas = Cursor::new(set.value).ok()?;
        let ava = avas.expect(tag::SEQUENCE).ok()?;
        if !avas.is_empty() {
            return None;
        }
        let mut a = Cursor::new(ava.value).ok()?;
        let oid = Oid::from_bytes(a.expect(tag::OID).ok()?.value).ok()?;
        let value = a.any().ok()?;
        out.push((oid, decode_string(value.tag, value.value)?));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jlis_names_display_as_documented() {
        use alloc::string::ToString;
        assert_eq!(
            jlis_ca_name(JpkiPurpose::Signing).name().to_string(),
            JLIS_SIGNING_CA_NAME
        );
        assert_eq!(
            jlis_ca_name(JpkiPurpose::UserAuthentication)
                .name()
                .to_string(),
            JLIS_USER_AUTHENTICATION_CA_NAME
        );
    }

    #[test]
    fn key_usage_names() {
        let ku = KeyUsage(KeyUsage::DIGITAL_SIGNATURE | KeyUsage::NON_REPUDIATION);
        assert_eq!(
            alloc::format!("{}", KeyUsageNames(ku)),
            "digitalSignature+nonRepudiation"
        );
        assert_eq!(alloc::format!("{}", KeyUsageNames(KeyUsage(0))), "(none)");
    }
}
