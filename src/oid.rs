//! Object identifiers this crate matches on, each defined once here: algorithms (at the top
//! level), certificate and CRL extensions ([`ext`]), name attributes ([`attr`]) and CMS
//! ([`cms`]). Profile-specific OIDs (JPKI policies) stay with their profile in
//! [`crate::jpki`].

use der::asn1::ObjectIdentifier as Oid;

/// rsaEncryption (RFC 8017).
pub const RSA_ENCRYPTION: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
/// id-mgf1 (RFC 8017).
pub const MGF1: Oid = Oid::new_unwrap("1.2.840.113549.1.1.8");
/// id-RSASSA-PSS (RFC 4055).
pub const RSASSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
/// sha1WithRSAEncryption.
pub const SHA1_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.5");
/// sha256WithRSAEncryption.
pub const SHA256_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.11");
/// sha384WithRSAEncryption.
pub const SHA384_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.12");
/// sha512WithRSAEncryption.
pub const SHA512_WITH_RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.13");

/// id-ecPublicKey (RFC 5480).
pub const EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
/// secp256r1 / prime256v1.
pub const SECP256R1: Oid = Oid::new_unwrap("1.2.840.10045.3.1.7");
/// secp384r1.
pub const SECP384R1: Oid = Oid::new_unwrap("1.3.132.0.34");
/// ecdsa-with-SHA256 (RFC 5758).
pub const ECDSA_WITH_SHA256: Oid = Oid::new_unwrap("1.2.840.10045.4.3.2");
/// ecdsa-with-SHA384.
pub const ECDSA_WITH_SHA384: Oid = Oid::new_unwrap("1.2.840.10045.4.3.3");
/// ecdsa-with-SHA512.
pub const ECDSA_WITH_SHA512: Oid = Oid::new_unwrap("1.2.840.10045.4.3.4");

/// id-ml-dsa-44 (FIPS 204; RFC 9881: parameters absent in signature and key identifiers).
pub const ML_DSA_44: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.3.17");
/// id-ml-dsa-65.
pub const ML_DSA_65: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.3.18");
/// id-ml-dsa-87.
pub const ML_DSA_87: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.3.19");

/// Composite ML-DSA (`draft-ietf-lamps-pq-composite-sigs-19`): one OID per combination, for
/// keys and signatures alike (parameters absent), in the id-alg arc 1.3.6.1.5.5.7.6 as the
/// draft lists them (IANA "SMI Security for PKIX Algorithms" allocations 37 to 54; drafts
/// before -13 used prototype OIDs under 2.16.840.1.114027.80.9.1). Only the combinations
/// this crate verifies are defined.
pub const COMPOSITE_MLDSA44_RSA2048_PSS_SHA256: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.6.37");
/// id-MLDSA44-RSA2048-PKCS15-SHA256.
pub const COMPOSITE_MLDSA44_RSA2048_PKCS15_SHA256: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.6.38");
/// id-MLDSA44-ECDSA-P256-SHA256.
pub const COMPOSITE_MLDSA44_ECDSA_P256_SHA256: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.6.40");
/// id-MLDSA65-RSA3072-PSS-SHA512.
pub const COMPOSITE_MLDSA65_RSA3072_PSS_SHA512: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.6.41");
/// id-MLDSA65-RSA3072-PKCS15-SHA512.
pub const COMPOSITE_MLDSA65_RSA3072_PKCS15_SHA512: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.6.42");
/// id-MLDSA65-RSA4096-PSS-SHA512.
pub const COMPOSITE_MLDSA65_RSA4096_PSS_SHA512: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.6.43");
/// id-MLDSA65-RSA4096-PKCS15-SHA512.
pub const COMPOSITE_MLDSA65_RSA4096_PKCS15_SHA512: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.6.44");
/// id-MLDSA65-ECDSA-P256-SHA512.
pub const COMPOSITE_MLDSA65_ECDSA_P256_SHA512: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.6.45");
/// id-MLDSA65-ECDSA-P384-SHA512.
pub const COMPOSITE_MLDSA65_ECDSA_P384_SHA512: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.6.46");
/// id-MLDSA87-ECDSA-P384-SHA512.
pub const COMPOSITE_MLDSA87_ECDSA_P384_SHA512: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.6.49");
/// id-MLDSA87-RSA3072-PSS-SHA512.
pub const COMPOSITE_MLDSA87_RSA3072_PSS_SHA512: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.6.52");
/// id-MLDSA87-RSA4096-PSS-SHA512.
pub const COMPOSITE_MLDSA87_RSA4096_PSS_SHA512: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.6.53");

/// id-sha1.
pub const SHA1: Oid = Oid::new_unwrap("1.3.14.3.2.26");
/// id-sha256.
pub const SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");
/// id-sha384.
pub const SHA384: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.2");
/// id-sha512.
pub const SHA512: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.3");

/// Certificate and CRL extensions, and the policy identifiers RFC 5280 gives meaning to.
pub(crate) mod ext {
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
}

/// Name attribute types (X.520, PKCS #9).
pub(crate) mod attr {
    use der::asn1::ObjectIdentifier as Oid;

    pub(crate) const COMMON_NAME: Oid = Oid::new_unwrap("2.5.4.3");
    pub(crate) const COUNTRY: Oid = Oid::new_unwrap("2.5.4.6");
    pub(crate) const LOCALITY: Oid = Oid::new_unwrap("2.5.4.7");
    pub(crate) const ORGANIZATION: Oid = Oid::new_unwrap("2.5.4.10");
    pub(crate) const ORGANIZATIONAL_UNIT: Oid = Oid::new_unwrap("2.5.4.11");
    /// emailAddress (PKCS #9), treated as an rfc822Name by name constraints.
    pub(crate) const EMAIL_ADDRESS: Oid = Oid::new_unwrap("1.2.840.113549.1.9.1");
}

/// Object identifiers of RFC 5652 (also reachable as `jpki_verify::cms::oids`).
pub mod cms {
    use der::asn1::ObjectIdentifier as Oid;

    /// id-data.
    pub const DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.1");
    /// id-signedData.
    pub const SIGNED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.2");
    /// id-contentType.
    pub const CONTENT_TYPE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.3");
    /// id-messageDigest.
    pub const MESSAGE_DIGEST: Oid = Oid::new_unwrap("1.2.840.113549.1.9.4");
    /// id-signingTime.
    pub const SIGNING_TIME: Oid = Oid::new_unwrap("1.2.840.113549.1.9.5");
    /// id-countersignature.
    pub const COUNTERSIGNATURE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.6");
}

/// Object identifiers of RFC 3161 and RFC 5126 (also reachable as `jpki_verify::tsp::oids`).
pub mod tsp {
    use der::asn1::ObjectIdentifier as Oid;

    /// id-ct-TSTInfo: the eContentType of a TimeStampToken (RFC 3161 2.4.2).
    pub const TST_INFO: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.1.4");
    /// id-aa-signatureTimeStampToken: an unsigned attribute holding a token over the
    /// SignerInfo's signature value (RFC 3161 appendix A, RFC 5126 5.11.4).
    pub const SIGNATURE_TIME_STAMP_TOKEN: Oid = Oid::new_unwrap("1.2.840.113549.1.9.16.2.14");
    /// id-kp-timeStamping (RFC 5280 4.2.1.12; RFC 3161 2.3).
    pub const KP_TIME_STAMPING: Oid = Oid::new_unwrap("1.3.6.1.5.5.7.3.8");
}
