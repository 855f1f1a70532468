//! The RFC 5280 certificate profile (sections 4.1, 4.2): rules for issuers that a relying
//! party may enforce. Off by default, as RFC 5280 section 6 does not require them and
//! deployed PKIs break some; [`Profile::Strict`] turns them on, as
//! OpenSSL's `X509_V_FLAG_X509_STRICT` does.

use crate::Error;
use crate::cert::{Certificate, KeyUsage};
use crate::error::ProfileRule;
use crate::oid::ext::{
    AUTHORITY_INFO_ACCESS, AUTHORITY_KEY_ID, BASIC_CONSTRAINTS, NAME_CONSTRAINTS, SUBJECT_ALT_NAME,
    SUBJECT_KEY_ID,
};

/// Which certificate profile path validation holds certificates to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Profile {
    /// RFC 5280 section 6 only: what the algorithm requires of a relying party.
    #[default]
    Section6,
    /// Section 6, and every certificate on the path and a constraining anchor certificate
    /// must follow the issuer rules of sections 4.1 and 4.2 listed in [`ProfileRule`];
    /// [`Error::NonConformingCertificate`] names the first rule broken.
    Strict,
}

/// The first rule of [`ProfileRule`] that `cert` breaks. `anchor`: the certificate is a
/// trust anchor, whose authorityKeyIdentifier is optional when it is self-issued.
pub(crate) fn check(cert: &Certificate, index: u8, anchor: bool) -> Result<(), Error> {
    match first_broken_rule(cert, anchor) {
        None => Ok(()),
        Some(rule) => Err(Error::NonConformingCertificate { index, rule }),
    }
}

fn first_broken_rule(cert: &Certificate, anchor: bool) -> Option<ProfileRule> {
    let critical = |oid| cert.extension(oid).map(|e| e.critical);
    let is_ca = cert.is_ca();
    let serial = cert.serial();
    let rules = [
        (
            ProfileRule::SerialNotPositive,
            // Minimal encoding is checked when parsing: zero is the single octet 00.
            serial == [0] || serial.first().is_some_and(|b| b & 0x80 != 0),
        ),
        (ProfileRule::EmptyIssuer, cert.issuer().is_empty()),
        (
            ProfileRule::CaEmptySubject,
            is_ca && cert.subject().is_empty(),
        ),
        (
            ProfileRule::EmptySubjectWithoutCriticalSan,
            cert.subject().is_empty() && critical(SUBJECT_ALT_NAME) != Some(true),
        ),
        (
            ProfileRule::AuthorityKeyIdCritical,
            critical(AUTHORITY_KEY_ID) == Some(true),
        ),
        (
            ProfileRule::AuthorityKeyIdMissing,
            cert.authority_key_id().is_none() && !(anchor && cert.is_self_issued()),
        ),
        (
            ProfileRule::SubjectKeyIdCritical,
            critical(SUBJECT_KEY_ID) == Some(true),
        ),
        (
            ProfileRule::SubjectKeyIdMissing,
            is_ca && cert.subject_key_id().is_none(),
        ),
        (
            ProfileRule::KeyCertSignWithoutCa,
            !is_ca
                && cert
                    .key_usage()
                    .is_some_and(|ku| ku.allows(KeyUsage::KEY_CERT_SIGN)),
        ),
        (
            ProfileRule::BasicConstraintsNotCritical,
            is_ca && critical(BASIC_CONSTRAINTS) == Some(false),
        ),
        (
            ProfileRule::NameConstraintsNotCritical,
            critical(NAME_CONSTRAINTS) == Some(false),
        ),
        (
            ProfileRule::NameConstraintsInEndEntity,
            !is_ca && critical(NAME_CONSTRAINTS).is_some(),
        ),
        (
            ProfileRule::AuthorityInfoAccessCritical,
            critical(AUTHORITY_INFO_ACCESS) == Some(true),
        ),
    ];
    rules
        .into_iter()
        .find_map(|(rule, broken)| broken.then_some(rule))
}
