//! Extension and policy OIDs the certificate and CRL code recognizes.

use der::asn1::ObjectIdentifier as Oid;

pub(crate) const SUBJECT_KEY_ID: Oid = Oid::new_unwrap("2.5.29.14");
pub(crate) const KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.15");
pub(crate) const SUBJECT_ALT_NAME: Oid = Oid::new_unwrap("2.5.29.17");
pub(crate) const ISSUER_ALT_NAME: Oid = Oid::new_unwrap("2.5.29.18");
pub(crate) const BASIC_CONSTRAINTS: Oid = Oid::new_unwrap("2.5.29.19");
pub(crate) const CRL_NUMBER: Oid = Oid::new_unwrap("2.5.29.20");
pub(crate) const CRL_REASON: Oid = Oid::new_unwrap("2.5.29.21");
pub(crate) const HOLD_INSTRUCTION_CODE: Oid = Oid::new_unwrap("2.5.29.23");
pub(crate) const INVALIDITY_DATE: Oid = Oid::new_unwrap("2.5.29.24");
pub(crate) const DELTA_CRL_INDICATOR: Oid = Oid::new_unwrap("2.5.29.27");
pub(crate) const ISSUING_DISTRIBUTION_POINT: Oid = Oid::new_unwrap("2.5.29.28");
pub(crate) const CERTIFICATE_ISSUER: Oid = Oid::new_unwrap("2.5.29.29");
pub(crate) const NAME_CONSTRAINTS: Oid = Oid::new_unwrap("2.5.29.30");
pub(crate) const CRL_DISTRIBUTION_POINTS: Oid = Oid::new_unwrap("2.5.29.31");
pub(crate) const CERTIFICATE_POLICIES: Oid = Oid::new_unwrap("2.5.29.32");
pub(crate) const POLICY_MAPPINGS: Oid = Oid::new_unwrap("2.5.29.33");
pub(crate) const AUTHORITY_KEY_ID: Oid = Oid::new_unwrap("2.5.29.35");
pub(crate) const POLICY_CONSTRAINTS: Oid = Oid::new_unwrap("2.5.29.36");
pub(crate) const EXT_KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.37");
/// anyExtendedKeyUsage (RFC 5280 4.2.1.12).
pub(crate) const ANY_EXTENDED_KEY_USAGE: Oid = Oid::new_unwrap("2.5.29.37.0");
pub(crate) const FRESHEST_CRL: Oid = Oid::new_unwrap("2.5.29.46");
pub(crate) const INHIBIT_ANY_POLICY: Oid = Oid::new_unwrap("2.5.29.54");
pub(crate) const AUTHORITY_INFO_ACCESS: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.1.1");

/// anyPolicy (RFC 5280 4.2.1.4).
pub const ANY_POLICY: Oid = Oid::new_unwrap("2.5.29.32.0");
