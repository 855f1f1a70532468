//! The crate's one error type.

use core::fmt;

/// Why a verification did not succeed.
///
/// Variants are ordered from least to most specific: when several candidate paths fail,
/// path building reports the error with the highest [`Error::rank`], so the caller sees the
/// most informative reason rather than the last one tried.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Error {
    /// The signature algorithm identifier names an algorithm this backend does not offer
    /// (for example SHA3, DSA, or RSASSA-PSS with a hash or MGF outside the supported set).
    UnsupportedSignatureAlgorithm,
    /// The public key's algorithm (or named curve) is not one this crate handles.
    UnsupportedPublicKeyAlgorithm,
    /// The signature algorithm is known but cannot be used with this kind of key
    /// (for example an ECDSA signature checked with an RSA key, or a P-256 key used with a
    /// P-384 algorithm object).
    SignatureAlgorithmMismatch,
    /// RSASSA-PSS parameters are malformed or inconsistent: the MGF1 hash differs from the
    /// message hash, the trailer field is not 1, the salt is implausibly long, or the
    /// parameters contradict those bound to an `id-RSASSA-PSS` key.
    InvalidRsaPssParameters,
    /// The SubjectPublicKeyInfo or the key inside it could not be decoded.
    MalformedPublicKey,
    /// The RSA public exponent is even or not greater than 1 (or beyond the supported range).
    InvalidRsaExponent,
    /// The RSA modulus is shorter than the algorithm object's minimum; legacy algorithm
    /// objects must be chosen explicitly to accept it.
    RsaKeyTooSmall {
        /// Modulus length found, in bits.
        bits: u32,
        /// Minimum the algorithm object accepts.
        min_bits: u32,
    },
    /// The RSA modulus is longer than the supported maximum (8192 bits); refused to bound work.
    RsaKeyTooLarge {
        /// Modulus length found, in bits.
        bits: u32,
    },
    /// The signature value is not well formed for the algorithm (wrong length, bad DER,
    /// r or s out of range).
    MalformedSignature,
    /// The signature is well formed but does not verify under the key.
    BadSignature,
    // --- Certificates, CRLs and time (parsing) ---
    /// A certificate is not well-formed DER of the RFC 5280 structure.
    MalformedCertificate,
    /// A certificate is longer than `MAX_CERTIFICATE_LEN` bytes; refused before parsing.
    CertificateTooLarge,
    /// A CRL is longer than `MAX_CRL_LEN` bytes; refused before parsing.
    CrlTooLarge,
    /// A certificate, CRL or CRL entry has more than `MAX_EXTENSIONS` extensions.
    TooManyExtensions,
    /// A CRL is not well-formed DER of the RFC 5280 structure, or its version is not v2.
    MalformedCrl,
    /// A distinguished name is not a well-formed `Name`.
    MalformedName,
    /// A recognized certificate, CRL or CRL entry extension has malformed or forbidden
    /// content (for example an empty policyConstraints or a repeated policy OID).
    MalformedExtension,
    /// A UTCTime or GeneralizedTime is not in the DER form RFC 5280 4.1.2.5 requires.
    MalformedTime,
    /// An extension appears twice in one certificate, CRL or CRL entry (RFC 5280 4.2).
    DuplicateExtension,
    /// The signature algorithm inside the signed part differs from the outer one
    /// (RFC 5280 4.1.1.2, 5.1.1.2).
    SignatureAlgorithmFieldMismatch,
    /// A certificate asserts or maps more than `MAX_POLICIES_PER_CERTIFICATE` policies.
    TooManyPolicies,
    /// A CRL has more than `MAX_CRL_ENTRIES` entries.
    TooManyCrlEntries,
    /// A time given by the caller is not RFC 3339 (or a bare date).
    BadTimeFormat,
    // --- Path building ---
    /// No path from the certificate reached a trust anchor: no issuer with a matching name
    /// was found among the anchors and intermediates.
    UnknownIssuer,
    /// Path building used up `Budget::signature_checks`.
    MaximumSignatureChecksExceeded,
    /// Path building used up `Budget::build_steps`.
    MaximumPathBuildStepsExceeded,
    /// A candidate path would be longer than `Budget::max_path_len`.
    MaximumPathDepthExceeded,
    /// Name constraint checking exceeded its fixed comparison limit
    /// (`MAX_NAME_CONSTRAINT_COMPARISONS` per path).
    TooManyNameConstraintComparisons,
    /// More intermediate certificates were offered to path building than
    /// `MAX_INTERMEDIATES`; refused before the search starts.
    TooManyIntermediates,
    /// A CRL signer's path needed a further CRL signer path, nested deeper than
    /// `MAX_CRL_SIGNER_NESTING` levels; ends the search like a budget error.
    MaximumCrlSignerNestingExceeded,
    // --- Path validation (RFC 5280 6.1); `index` counts from the end entity (0) ---
    /// The current time is before the certificate's notBefore.
    CertNotValidYet {
        /// Position in the path (0 = end entity; the path length = the trust anchor).
        index: u8,
    },
    /// The current time is after the certificate's notAfter.
    CertExpired {
        /// Position in the path (0 = end entity; the path length = the trust anchor).
        index: u8,
    },
    /// An issuing certificate lacks basicConstraints with `cA` TRUE.
    NotCa {
        /// Position in the path.
        index: u8,
    },
    /// More non-self-issued intermediates follow a CA than its pathLenConstraint allows.
    PathLenConstraintViolated {
        /// Position in the path of the certificate that exceeded the allowance.
        index: u8,
    },
    /// An issuing certificate's keyUsage lacks keyCertSign.
    KeyCertSignNotAllowed {
        /// Position in the path.
        index: u8,
    },
    /// A certificate has a critical extension this crate does not process.
    UnsupportedCriticalExtension {
        /// Position in the path.
        index: u8,
    },
    /// A policyMappings extension maps to or from anyPolicy (RFC 5280 6.1.4 (a)).
    InvalidPolicyMapping {
        /// Position in the path.
        index: u8,
    },
    /// An explicit policy is required and no policy is valid for the path (the
    /// valid_policy_tree became NULL, or its intersection with the initial set is empty).
    NoValidPolicy {
        /// Position in the path where the requirement failed.
        index: u8,
    },
    /// A name in the certificate is outside the permitted or inside the excluded subtrees.
    NameConstraintViolation {
        /// Position in the path.
        index: u8,
    },
    /// A name falls under a name constraint of a form this crate cannot evaluate
    /// (otherName, x400Address, ediPartyName, registeredID).
    UnsupportedNameConstraint {
        /// Position in the path.
        index: u8,
    },
    // --- Revocation ---
    /// A certificate is revoked (or on hold) at the validation time.
    Revoked {
        /// Position in the path.
        index: u8,
        /// The CRL reason (`Unspecified` when the entry has none).
        reason: crate::RevocationReason,
    },
    /// Revocation status is required and no information covering every reason was found.
    RevocationStatusUnknown {
        /// Position in the path.
        index: u8,
    },
    /// The only CRLs for the certificate are past their nextUpdate (and no current delta
    /// CRL brings them up to date).
    CrlNotCurrent {
        /// Position in the path of the certificate being checked.
        index: u8,
    },
    /// A CRL's signature does not verify with any key of its issuer.
    InvalidCrlSignature {
        /// Position in the path of the certificate being checked.
        index: u8,
    },
    /// A CRL was signed by a certificate whose own path to the trust anchor did not validate.
    InvalidCrlSigner {
        /// Position in the path of the certificate being checked.
        index: u8,
    },
    /// No trust anchor or certificate with the CRL issuer's name was supplied.
    UnknownCrlIssuer {
        /// Position in the path of the certificate being checked.
        index: u8,
    },
    /// The CRL signer's keyUsage lacks cRLSign.
    CrlSignNotAllowed {
        /// Position in the path of the certificate being checked.
        index: u8,
    },
    /// A CRL has a critical extension this crate does not process, so it cannot be used.
    UnsupportedCrlCriticalExtension {
        /// Position in the path of the certificate being checked.
        index: u8,
    },
    /// A CRL entry has a critical extension this crate does not process, so the CRL cannot
    /// be used.
    UnsupportedCrlEntryCriticalExtension {
        /// Position in the path of the certificate being checked.
        index: u8,
    },
    /// CMS: the input is not a well-formed DER `ContentInfo` holding a `SignedData` (RFC 5652
    /// 3 and 5): bad encoding, a missing or misplaced field, or a version number that
    /// contradicts the contents (5.1, 5.3).
    CmsMalformed,
    /// CMS: the `ContentInfo` holds something other than `id-signedData`.
    CmsNotSignedData,
    /// CMS: the SignedData (or detached content that has to be kept in memory) is longer than
    /// `cms::MAX_INPUT_LEN`.
    CmsInputTooLarge,
    /// CMS: more SignerInfos than `cms::MAX_SIGNERS`.
    CmsTooManySigners,
    /// CMS: a SignerInfo carries more signed or unsigned attributes (or an attribute more
    /// values) than `cms::MAX_ATTRIBUTES`.
    CmsTooManyAttributes,
    /// CMS: more embedded certificates than `cms::MAX_CERTIFICATES`.
    CmsTooManyCertificates,
    /// CMS: more embedded revocation entries (CRLs) than `cms::MAX_CRLS`.
    CmsTooManyCrls,
    /// CMS: more digestAlgorithms entries than `cms::MAX_DIGEST_ALGORITHMS`.
    CmsTooManyDigestAlgorithms,
    /// CMS: the SignedData has no SignerInfo (a certificates-only message signs nothing).
    CmsNoSigners,
    /// CMS: the content is detached and the caller supplied none.
    CmsDetachedContentMissing,
    /// CMS: the caller supplied detached content but the SignedData carries its own.
    CmsUnexpectedContent,
    /// CMS: reading the caller's detached content failed.
    CmsContentUnreadable,
    /// CMS: the content-type signed attribute differs from eContentType (RFC 5652 11.1).
    CmsContentTypeMismatch,
    /// CMS: the message-digest signed attribute differs from the digest of the content
    /// (RFC 5652 11.2, 5.4).
    CmsMessageDigestMismatch,
    /// CMS: signed attributes are present without content-type or message-digest
    /// (RFC 5652 5.3).
    CmsMissingAttribute,
    /// CMS: content-type, message-digest or signing-time appears more than once among the
    /// signed attributes (RFC 5652 11: each is single-instance).
    CmsDuplicateAttribute,
    /// CMS: a content-type, message-digest or signing-time attribute does not have exactly
    /// one well-formed value, or a countersignature is among the signed attributes.
    CmsMalformedAttribute,
    /// CMS: the SignerInfo's digestAlgorithm is not SHA-1, SHA-256, SHA-384 or SHA-512 (with
    /// absent or NULL parameters).
    CmsUnsupportedDigestAlgorithm,
    /// CMS: the digest algorithm is known but not allowed (SHA-1 unless the caller allows it).
    CmsDigestAlgorithmNotAllowed,
    /// CMS: the signatureAlgorithm's hash differs from the digestAlgorithm (RFC 5754 3,
    /// RFC 4056 3, RFC 5753 7.2).
    CmsDigestAlgorithmMismatch,
    /// CMS: no embedded or caller-supplied certificate matches the SignerIdentifier.
    CmsSignerCertificateMissing,
    /// CMS: the signer certificate's keyUsage allows neither digitalSignature nor
    /// nonRepudiation.
    CmsSignerKeyUsage,
    /// CMS: the signature verified but the signer's certificate did not validate; the path
    /// error is in the per-signer result (`cms::SignerReport::path_error`).
    CmsSignerPath {
        /// Index of the SignerInfo, in input order.
        signer: u8,
    },
    /// CMS: validation at the signing time was requested but the SignerInfo has no
    /// signing-time attribute.
    CmsSigningTimeMissing,
    /// CMS: the signatures that verified do not meet the caller's requirement (all, any, or
    /// one per algorithm family).
    CmsSignerRequirementNotMet,
    /// CMS: the signer verified, but the caller's sunset-policy table rejects the algorithm
    /// of its signature or of a certificate on its path at the validation time.
    CmsAlgorithmRejected,
}

impl Error {
    /// How specific this error is; path building keeps the highest-ranked error it saw.
    pub const fn rank(&self) -> u32 {
        match self {
            Error::UnsupportedSignatureAlgorithm => 10,
            Error::UnsupportedPublicKeyAlgorithm => 11,
            Error::SignatureAlgorithmMismatch => 12,
            Error::InvalidRsaPssParameters => 13,
            Error::MalformedPublicKey => 20,
            Error::InvalidRsaExponent => 21,
            Error::RsaKeyTooSmall { .. } => 22,
            Error::RsaKeyTooLarge { .. } => 22,
            Error::MalformedSignature => 30,
            Error::BadSignature => 40,
            // Certificate, CRL and time parsing: not competing with path errors.
            Error::MalformedCertificate
            | Error::CertificateTooLarge
            | Error::CrlTooLarge
            | Error::TooManyExtensions
            | Error::MalformedCrl
            | Error::MalformedName
            | Error::MalformedExtension
            | Error::MalformedTime
            | Error::DuplicateExtension
            | Error::SignatureAlgorithmFieldMismatch
            | Error::TooManyPolicies
            | Error::TooManyCrlEntries
            | Error::BadTimeFormat => 50,
            // Path building: a path that reached an anchor and passed signature checks
            // outranks one that did not; revocation is checked last, so its errors rank
            // above the RFC 5280 6.1 checks. Budget exhaustion ends the search outright.
            Error::UnknownIssuer => 1,
            Error::MaximumPathDepthExceeded => 5,
            Error::NameConstraintViolation { .. } | Error::UnsupportedNameConstraint { .. } => 60,
            Error::InvalidPolicyMapping { .. } => 61,
            Error::NoValidPolicy { .. } => 62,
            Error::NotCa { .. } => 63,
            Error::PathLenConstraintViolated { .. } => 64,
            Error::KeyCertSignNotAllowed { .. } => 65,
            Error::UnsupportedCriticalExtension { .. } => 66,
            Error::CertNotValidYet { .. } | Error::CertExpired { .. } => 70,
            Error::RevocationStatusUnknown { .. } => 80,
            Error::UnknownCrlIssuer { .. } => 81,
            Error::CrlNotCurrent { .. } => 82,
            Error::UnsupportedCrlCriticalExtension { .. }
            | Error::UnsupportedCrlEntryCriticalExtension { .. } => 83,
            Error::CrlSignNotAllowed { .. } => 84,
            Error::InvalidCrlSignature { .. } => 85,
            Error::InvalidCrlSigner { .. } => 86,
            Error::Revoked { .. } => 95,
            Error::MaximumSignatureChecksExceeded
            | Error::MaximumPathBuildStepsExceeded
            | Error::TooManyNameConstraintComparisons
            | Error::TooManyIntermediates
            | Error::MaximumCrlSignerNestingExceeded => 100,
            // CMS. Document-level errors rank low; per-signer errors rank by how far the
            // signer got (algorithms, attributes, signature, certificate path), so that with
            // "any one signer suffices" the most advanced failure is reported.
            Error::CmsMalformed
            | Error::CmsNotSignedData
            | Error::CmsInputTooLarge
            | Error::CmsTooManySigners
            | Error::CmsTooManyAttributes
            | Error::CmsTooManyCertificates
            | Error::CmsTooManyCrls
            | Error::CmsTooManyDigestAlgorithms
            | Error::CmsNoSigners
            | Error::CmsDetachedContentMissing
            | Error::CmsUnexpectedContent
            | Error::CmsContentUnreadable => 5,
            Error::CmsUnsupportedDigestAlgorithm => 10,
            Error::CmsDigestAlgorithmNotAllowed => 11,
            Error::CmsDigestAlgorithmMismatch => 12,
            Error::CmsSignerCertificateMissing => 14,
            Error::CmsSignerKeyUsage => 50,
            Error::CmsMalformedAttribute => 31,
            Error::CmsMissingAttribute | Error::CmsDuplicateAttribute => 32,
            Error::CmsContentTypeMismatch => 35,
            Error::CmsMessageDigestMismatch => 38,
            Error::CmsSigningTimeMissing => 45,
            Error::CmsSignerPath { .. } => 60,
            Error::CmsAlgorithmRejected => 65,
            Error::CmsSignerRequirementNotMet => 70,
        }
    }

    /// A stable, machine-readable name for the error kind (used in the CLI's JSON).
    pub const fn kind(&self) -> &'static str {
        match self {
            Error::UnsupportedSignatureAlgorithm => "unsupported-signature-algorithm",
            Error::UnsupportedPublicKeyAlgorithm => "unsupported-public-key-algorithm",
            Error::SignatureAlgorithmMismatch => "signature-algorithm-mismatch",
            Error::InvalidRsaPssParameters => "invalid-rsa-pss-parameters",
            Error::MalformedPublicKey => "malformed-public-key",
            Error::InvalidRsaExponent => "invalid-rsa-exponent",
            Error::RsaKeyTooSmall { .. } => "rsa-key-too-small",
            Error::RsaKeyTooLarge { .. } => "rsa-key-too-large",
            Error::MalformedSignature => "malformed-signature",
            Error::BadSignature => "bad-signature",
            Error::MalformedCertificate => "malformed-certificate",
            Error::CertificateTooLarge => "certificate-too-large",
            Error::CrlTooLarge => "crl-too-large",
            Error::TooManyExtensions => "too-many-extensions",
            Error::MalformedCrl => "malformed-crl",
            Error::MalformedName => "malformed-name",
            Error::MalformedExtension => "malformed-extension",
            Error::MalformedTime => "malformed-time",
            Error::DuplicateExtension => "duplicate-extension",
            Error::SignatureAlgorithmFieldMismatch => "signature-algorithm-field-mismatch",
            Error::TooManyPolicies => "too-many-policies",
            Error::TooManyCrlEntries => "too-many-crl-entries",
            Error::BadTimeFormat => "bad-time-format",
            Error::UnknownIssuer => "unknown-issuer",
            Error::MaximumSignatureChecksExceeded => "maximum-signature-checks-exceeded",
            Error::MaximumPathBuildStepsExceeded => "maximum-path-build-steps-exceeded",
            Error::MaximumPathDepthExceeded => "maximum-path-depth-exceeded",
            Error::TooManyNameConstraintComparisons => "too-many-name-constraint-comparisons",
            Error::TooManyIntermediates => "too-many-intermediates",
            Error::MaximumCrlSignerNestingExceeded => "maximum-crl-signer-nesting-exceeded",
            Error::CertNotValidYet { .. } => "cert-not-valid-yet",
            Error::CertExpired { .. } => "cert-expired",
            Error::NotCa { .. } => "not-ca",
            Error::PathLenConstraintViolated { .. } => "path-len-constraint-violated",
            Error::KeyCertSignNotAllowed { .. } => "key-cert-sign-not-allowed",
            Error::UnsupportedCriticalExtension { .. } => "unsupported-critical-extension",
            Error::InvalidPolicyMapping { .. } => "invalid-policy-mapping",
            Error::NoValidPolicy { .. } => "no-valid-policy",
            Error::NameConstraintViolation { .. } => "name-constraint-violation",
            Error::UnsupportedNameConstraint { .. } => "unsupported-name-constraint",
            Error::Revoked { .. } => "revoked",
            Error::RevocationStatusUnknown { .. } => "revocation-status-unknown",
            Error::CrlNotCurrent { .. } => "crl-not-current",
            Error::InvalidCrlSignature { .. } => "invalid-crl-signature",
            Error::InvalidCrlSigner { .. } => "invalid-crl-signer",
            Error::UnknownCrlIssuer { .. } => "unknown-crl-issuer",
            Error::CrlSignNotAllowed { .. } => "crl-sign-not-allowed",
            Error::UnsupportedCrlCriticalExtension { .. } => "unsupported-crl-critical-extension",
            Error::UnsupportedCrlEntryCriticalExtension { .. } => {
                "unsupported-crl-entry-critical-extension"
            }
            Error::CmsMalformed => "cms-malformed",
            Error::CmsNotSignedData => "cms-not-signed-data",
            Error::CmsInputTooLarge => "cms-input-too-large",
            Error::CmsTooManySigners => "cms-too-many-signers",
            Error::CmsTooManyAttributes => "cms-too-many-attributes",
            Error::CmsTooManyCertificates => "cms-too-many-certificates",
            Error::CmsTooManyCrls => "cms-too-many-crls",
            Error::CmsTooManyDigestAlgorithms => "cms-too-many-digest-algorithms",
            Error::CmsNoSigners => "cms-no-signers",
            Error::CmsDetachedContentMissing => "cms-detached-content-missing",
            Error::CmsUnexpectedContent => "cms-unexpected-content",
            Error::CmsContentUnreadable => "cms-content-unreadable",
            Error::CmsContentTypeMismatch => "cms-content-type-mismatch",
            Error::CmsMessageDigestMismatch => "cms-message-digest-mismatch",
            Error::CmsMissingAttribute => "cms-missing-attribute",
            Error::CmsDuplicateAttribute => "cms-duplicate-attribute",
            Error::CmsMalformedAttribute => "cms-malformed-attribute",
            Error::CmsUnsupportedDigestAlgorithm => "cms-unsupported-digest-algorithm",
            Error::CmsDigestAlgorithmNotAllowed => "cms-digest-algorithm-not-allowed",
            Error::CmsDigestAlgorithmMismatch => "cms-digest-algorithm-mismatch",
            Error::CmsSignerCertificateMissing => "cms-signer-certificate-missing",
            Error::CmsSignerKeyUsage => "cms-signer-key-usage",
            Error::CmsSignerPath { .. } => "cms-signer-path",
            Error::CmsSigningTimeMissing => "cms-signing-time-missing",
            Error::CmsSignerRequirementNotMet => "cms-signer-requirement-not-met",
            Error::CmsAlgorithmRejected => "cms-algorithm-rejected",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnsupportedSignatureAlgorithm => f.write_str("unsupported signature algorithm"),
            Error::UnsupportedPublicKeyAlgorithm => f.write_str("unsupported public key algorithm"),
            Error::SignatureAlgorithmMismatch => {
                f.write_str("signature algorithm does not match the public key")
            }
            Error::InvalidRsaPssParameters => f.write_str("invalid RSASSA-PSS parameters"),
            Error::MalformedPublicKey => f.write_str("malformed public key"),
            Error::InvalidRsaExponent => f.write_str("RSA public exponent must be odd and > 1"),
            Error::RsaKeyTooSmall { bits, min_bits } => write!(
                f,
                "RSA modulus of {bits} bits is below the minimum of {min_bits} bits"
            ),
            Error::RsaKeyTooLarge { bits } => {
                write!(f, "RSA modulus of {bits} bits exceeds the 8192-bit maximum")
            }
            Error::MalformedSignature => f.write_str("malformed signature"),
            Error::BadSignature => f.write_str("signature does not verify"),
            Error::MalformedCertificate => f.write_str("malformed certificate"),
            Error::CertificateTooLarge => f.write_str("certificate exceeds the size limit"),
            Error::CrlTooLarge => f.write_str("CRL exceeds the size limit"),
            Error::TooManyExtensions => f.write_str("too many extensions"),
            Error::MalformedCrl => f.write_str("malformed CRL"),
            Error::MalformedName => f.write_str("malformed distinguished name"),
            Error::MalformedExtension => f.write_str("malformed extension"),
            Error::MalformedTime => f.write_str("malformed UTCTime or GeneralizedTime"),
            Error::DuplicateExtension => f.write_str("duplicate extension"),
            Error::SignatureAlgorithmFieldMismatch => {
                f.write_str("inner and outer signature algorithms differ")
            }
            Error::TooManyPolicies => f.write_str("too many certificate policies or mappings"),
            Error::TooManyCrlEntries => f.write_str("too many CRL entries"),
            Error::BadTimeFormat => f.write_str("time is not RFC 3339"),
            Error::UnknownIssuer => f.write_str("no path to a trust anchor"),
            Error::MaximumSignatureChecksExceeded => {
                f.write_str("path building exceeded its signature check budget")
            }
            Error::MaximumPathBuildStepsExceeded => {
                f.write_str("path building exceeded its step budget")
            }
            Error::MaximumPathDepthExceeded => f.write_str("path exceeds the maximum length"),
            Error::TooManyNameConstraintComparisons => {
                f.write_str("name constraint checking exceeded its comparison limit")
            }
            Error::TooManyIntermediates => f.write_str("too many intermediate certificates"),
            Error::MaximumCrlSignerNestingExceeded => {
                f.write_str("CRL signer paths nest too deeply")
            }
            Error::CertNotValidYet { index } => {
                write!(f, "certificate {index} is not valid yet")
            }
            Error::CertExpired { index } => write!(f, "certificate {index} has expired"),
            Error::NotCa { index } => write!(f, "certificate {index} is not a CA"),
            Error::PathLenConstraintViolated { index } => {
                write!(f, "certificate {index} violates a pathLenConstraint")
            }
            Error::KeyCertSignNotAllowed { index } => {
                write!(f, "certificate {index} is not allowed to sign certificates")
            }
            Error::UnsupportedCriticalExtension { index } => {
                write!(
                    f,
                    "certificate {index} has an unsupported critical extension"
                )
            }
            Error::InvalidPolicyMapping { index } => {
                write!(f, "certificate {index} maps to or from anyPolicy")
            }
            Error::NoValidPolicy { index } => {
                write!(f, "no valid certificate policy (at certificate {index})")
            }
            Error::NameConstraintViolation { index } => {
                write!(f, "certificate {index} violates name constraints")
            }
            Error::UnsupportedNameConstraint { index } => {
                write!(
                    f,
                    "certificate {index} has a name under an unsupported constraint"
                )
            }
            Error::Revoked { index, reason } => {
                write!(f, "certificate {index} is revoked ({reason})")
            }
            Error::RevocationStatusUnknown { index } => {
                write!(f, "revocation status of certificate {index} is unknown")
            }
            Error::CrlNotCurrent { index } => {
                write!(f, "the CRL for certificate {index} is not current")
            }
            Error::InvalidCrlSignature { index } => {
                write!(f, "the CRL for certificate {index} has a bad signature")
            }
            Error::InvalidCrlSigner { index } => {
                write!(f, "the CRL signer for certificate {index} did not validate")
            }
            Error::UnknownCrlIssuer { index } => {
                write!(f, "the CRL issuer for certificate {index} is unknown")
            }
            Error::CrlSignNotAllowed { index } => {
                write!(f, "the CRL signer for certificate {index} lacks cRLSign")
            }
            Error::UnsupportedCrlCriticalExtension { index } => {
                write!(
                    f,
                    "the CRL for certificate {index} has an unsupported critical extension"
                )
            }
            Error::UnsupportedCrlEntryCriticalExtension { index } => write!(
                f,
                "the CRL for certificate {index} has an unsupported critical entry extension"
            ),
            Error::CmsMalformed => f.write_str("malformed CMS SignedData"),
            Error::CmsNotSignedData => f.write_str("CMS content is not SignedData"),
            Error::CmsInputTooLarge => f.write_str("CMS input exceeds the size limit"),
            Error::CmsTooManySigners => f.write_str("too many CMS SignerInfos"),
            Error::CmsTooManyAttributes => f.write_str("too many CMS attributes or values"),
            Error::CmsTooManyCertificates => f.write_str("too many embedded certificates"),
            Error::CmsTooManyCrls => f.write_str("too many embedded CRLs"),
            Error::CmsTooManyDigestAlgorithms => f.write_str("too many CMS digest algorithms"),
            Error::CmsNoSigners => f.write_str("CMS SignedData has no signers"),
            Error::CmsDetachedContentMissing => f.write_str("detached content not supplied"),
            Error::CmsUnexpectedContent => {
                f.write_str("content supplied for a SignedData that carries its own")
            }
            Error::CmsContentUnreadable => f.write_str("detached content could not be read"),
            Error::CmsContentTypeMismatch => {
                f.write_str("content-type attribute differs from eContentType")
            }
            Error::CmsMessageDigestMismatch => {
                f.write_str("message-digest attribute differs from the content digest")
            }
            Error::CmsMissingAttribute => {
                f.write_str("signed attributes lack content-type or message-digest")
            }
            Error::CmsDuplicateAttribute => f.write_str("duplicate single-instance attribute"),
            Error::CmsMalformedAttribute => f.write_str("malformed CMS attribute"),
            Error::CmsUnsupportedDigestAlgorithm => f.write_str("unsupported digest algorithm"),
            Error::CmsDigestAlgorithmNotAllowed => f.write_str("digest algorithm not allowed"),
            Error::CmsDigestAlgorithmMismatch => {
                f.write_str("digest algorithm inconsistent with the signature algorithm")
            }
            Error::CmsSignerCertificateMissing => f.write_str("signer certificate not found"),
            Error::CmsSignerKeyUsage => {
                f.write_str("signer certificate's keyUsage does not allow signing documents")
            }
            Error::CmsSignerPath { signer } => {
                write!(f, "certificate of signer {signer} did not validate")
            }
            Error::CmsSigningTimeMissing => f.write_str("no signing-time attribute"),
            Error::CmsSignerRequirementNotMet => {
                f.write_str("verified signatures do not meet the signer requirement")
            }
            Error::CmsAlgorithmRejected => {
                f.write_str("the sunset policy rejects the signer's algorithms")
            }
        }
    }
}

impl core::error::Error for Error {}
