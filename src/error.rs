//! The crate's one error type.
//!
//! Every variant is declared once, in the `errors!` invocation below, together with its
//! kind, rank and message; the enum, [`Error::kind`], [`Error::rank`], `is_fatal` and
//! `Display` are generated from that one declaration.

use core::fmt;

/// Declares [`Error`] and its per-variant tables.
///
/// Each variant is written as
///
/// ```text
/// /// Variant doc comment.
/// Name {                       // optional: the fields of a struct-like variant
///     /// Field doc comment.
///     field: Type,
/// } => {
///     kind: "kebab-case-name", // Error::kind: stable, used in the CLI's JSON
///     rank: 123,               // Error::rank: see the bands on Error
///     fatal: true,             // optional (default false): Error::is_fatal
///     message: "text {field}", // Display: a format string over the fields
/// },
/// ```
///
/// Every field should appear in the message (an unused one is an unused variable).
macro_rules! errors {
    (
        $(#[$enum_meta:meta])*
        pub enum Error {
            $(
                $(#[$meta:meta])*
                $name:ident $({
                    $($(#[$field_meta:meta])* $field:ident: $ty:ty),* $(,)?
                })? => {
                    kind: $kind:literal,
                    rank: $rank:literal,
                    $(fatal: $fatal:literal,)?
                    message: $message:literal $(,)?
                }
            ),* $(,)?
        }
    ) => {
        $(#[$enum_meta])*
        pub enum Error {
            $(
                $(#[$meta])*
                $name $({ $($(#[$field_meta])* $field: $ty),* })?,
            )*
        }

        impl Error {
            /// How specific this error is; path building keeps the highest-ranked error it
            /// saw, and CMS "any signer" reports the highest-ranked signer error. See the
            /// bands on [`Error`].
            pub const fn rank(&self) -> u32 {
                match self {
                    $(Error::$name { .. } => $rank,)*
                }
            }

            /// A stable, machine-readable name for the error kind (used in the CLI's JSON).
            pub const fn kind(&self) -> &'static str {
                match self {
                    $(Error::$name { .. } => $kind,)*
                }
            }

            /// Whether an error ends the whole search rather than just one candidate path.
            pub(crate) const fn is_fatal(&self) -> bool {
                match self {
                    $(Error::$name { .. } => errors!(@fatal $($fatal)?),)*
                }
            }
        }

        impl fmt::Display for Error {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    $(Error::$name { $($($field,)*)? .. } => write!(f, $message),)*
                }
            }
        }

        /// One value of every variant, fields filled with `Sample::SAMPLE`.
        #[cfg(test)]
        const ALL_SAMPLES: &[Error] = &[
            $(Error::$name { $($($field: <$ty as Sample>::SAMPLE),*)? },)*
        ];
    };
    (@fatal) => {
        false
    };
    (@fatal $fatal:literal) => {
        $fatal
    };
}

/// A field value for `ALL_SAMPLES`.
#[cfg(test)]
trait Sample {
    const SAMPLE: Self;
}

#[cfg(test)]
impl Sample for u8 {
    const SAMPLE: Self = 2;
}

#[cfg(test)]
impl Sample for u32 {
    const SAMPLE: Self = 1024;
}

#[cfg(test)]
impl Sample for ProfileRule {
    const SAMPLE: Self = ProfileRule::SubjectKeyIdMissing;
}

#[cfg(test)]
impl Sample for crate::RevocationReason {
    const SAMPLE: Self = crate::RevocationReason::KeyCompromise;
}

errors! {
    /// Why a verification did not succeed.
    ///
    /// Variants are ordered from least to most specific: when several candidate paths fail,
    /// path building reports the error with the highest [`Error::rank`], so the caller sees the
    /// most informative reason rather than the last one tried.
    ///
    /// # Rank bands
    ///
    /// Two comparisons use ranks. Path building compares path, parsing, revocation and
    /// signature errors; CMS "any signer" compares CMS and signature errors. Non-CMS ranks are
    /// multiples of 10; CMS-only ranks end in 5, so a CMS error never ties with a path error
    /// by accident. The three CMS digest-algorithm errors deliberately share the rank of the
    /// signature-algorithm error they are compared with.
    ///
    /// | Rank      | Errors                                                              |
    /// |-----------|---------------------------------------------------------------------|
    /// | 10        | no issuer found ([`Error::UnknownIssuer`])                          |
    /// | 50        | [`Error::MaximumPathDepthExceeded`]                                 |
    /// | 55        | CMS document errors (malformed, limits, content)                    |
    /// | 100 - 130 | unsupported or mismatched algorithms (CMS digest errors: 100 - 120) |
    /// | 145       | [`Error::CmsSignerCertificateMissing`]                              |
    /// | 200 - 220 | public keys                                                         |
    /// | 300       | [`Error::MalformedSignature`]                                       |
    /// | 315 - 385 | CMS signed attributes                                               |
    /// | 400       | [`Error::BadSignature`]                                             |
    /// | 415 - 495 | RFC 3161 timestamp tokens ([`Error::TimestampMissing`] ...)           |
    /// | 455       | [`Error::CmsSigningTimeMissing`]                                    |
    /// | 500       | certificate, CRL and time parsing (all tied)                        |
    /// | 505       | [`Error::CmsSignerKeyUsage`]                                        |
    /// | 560       | [`Error::NonConformingCertificate`] (strict profile)                |
    /// | 600 - 690 | RFC 5280 6.1 checks (names, policies, CA, critical extensions, EKU) |
    /// | 605, 655  | [`Error::CmsSignerPath`], [`Error::CmsAlgorithmRejected`]           |
    /// | 700       | validity period                                                     |
    /// | 705       | [`Error::CmsSignerRequirementNotMet`]                               |
    /// | 800 - 860 | revocation checking (CRLs and their signers)                        |
    /// | 870 - 930 | OCSP responses (parsing, responder, signature, freshness, nonce)    |
    /// | 950       | [`Error::Revoked`]                                                  |
    /// | 1000      | budgets and limits that end path building outright (all tied)       |
    ///
    /// A path that reached an anchor and passed its signature checks outranks one that did
    /// not; revocation is checked last, so its errors rank above the RFC 5280 6.1 checks. A
    /// CMS signer's errors rank by how far the signer got (algorithms, attributes, signature,
    /// certificate path), so that with "any one signer suffices" the most advanced failure is
    /// reported.
    #[non_exhaustive]
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Error {
        // --- Signatures and keys ---
        /// The signature algorithm identifier names an algorithm this backend does not offer
        /// (for example SHA3, DSA, or RSASSA-PSS with a hash or MGF outside the supported set).
        UnsupportedSignatureAlgorithm => {
            kind: "unsupported-signature-algorithm",
            rank: 100,
            message: "unsupported signature algorithm",
        },
        /// The public key's algorithm (or named curve) is not one this crate handles.
        UnsupportedPublicKeyAlgorithm => {
            kind: "unsupported-public-key-algorithm",
            rank: 110,
            message: "unsupported public key algorithm",
        },
        /// The signature algorithm is known but cannot be used with this kind of key
        /// (for example an ECDSA signature checked with an RSA key, or a P-256 key used with a
        /// P-384 algorithm object).
        SignatureAlgorithmMismatch => {
            kind: "signature-algorithm-mismatch",
            rank: 120,
            message: "signature algorithm does not match the public key",
        },
        /// RSASSA-PSS parameters are malformed or inconsistent: the MGF1 hash differs from the
        /// message hash, the trailer field is not 1, the salt is implausibly long, or the
        /// parameters contradict those bound to an `id-RSASSA-PSS` key.
        InvalidRsaPssParameters => {
            kind: "invalid-rsa-pss-parameters",
            rank: 130,
            message: "invalid RSASSA-PSS parameters",
        },
        /// The SubjectPublicKeyInfo or the key inside it could not be decoded.
        MalformedPublicKey => {
            kind: "malformed-public-key",
            rank: 200,
            message: "malformed public key",
        },
        /// The RSA public exponent is even or not greater than 1.
        InvalidRsaExponent => {
            kind: "invalid-rsa-exponent",
            rank: 210,
            message: "RSA public exponent must be odd and > 1",
        },
        /// The RSA public exponent is longer than 8 bytes: beyond any real key and the
        /// backends' range (refused before any arithmetic).
        RsaExponentTooLarge {
            /// Exponent length found, in bytes (leading zeros not counted).
            bytes: u32,
        } => {
            kind: "rsa-exponent-too-large",
            rank: 210,
            message: "RSA public exponent of {bytes} bytes is longer than the supported 8 bytes",
        },
        /// The RSA modulus is shorter than the algorithm object's minimum; legacy algorithm
        /// objects must be chosen explicitly to accept it.
        RsaKeyTooSmall {
            /// Modulus length found, in bits.
            bits: u32,
            /// Minimum the algorithm object accepts.
            min_bits: u32,
        } => {
            kind: "rsa-key-too-small",
            rank: 220,
            message: "RSA modulus of {bits} bits is below the minimum of {min_bits} bits",
        },
        /// The RSA modulus is longer than the supported maximum (8192 bits); refused to bound work.
        RsaKeyTooLarge {
            /// Modulus length found, in bits.
            bits: u32,
        } => {
            kind: "rsa-key-too-large",
            rank: 220,
            message: "RSA modulus of {bits} bits exceeds the 8192-bit maximum",
        },
        /// The signature value is not well formed for the algorithm (wrong length, bad DER,
        /// r or s out of range).
        MalformedSignature => {
            kind: "malformed-signature",
            rank: 300,
            message: "malformed signature",
        },
        /// The signature is well formed but does not verify under the key.
        BadSignature => {
            kind: "bad-signature",
            rank: 400,
            message: "signature does not verify",
        },

        // --- Certificates, CRLs and time (parsing): all 500, not competing with each other ---
        /// A certificate is not well-formed DER of the RFC 5280 structure.
        MalformedCertificate => {
            kind: "malformed-certificate",
            rank: 500,
            message: "malformed certificate",
        },
        /// A certificate is longer than `MAX_CERTIFICATE_LEN` bytes; refused before parsing.
        CertificateTooLarge => {
            kind: "certificate-too-large",
            rank: 500,
            message: "certificate exceeds the size limit",
        },
        /// A CRL is longer than `MAX_CRL_LEN` bytes; refused before parsing.
        CrlTooLarge => {
            kind: "crl-too-large",
            rank: 500,
            message: "CRL exceeds the size limit",
        },
        /// A certificate, CRL or CRL entry has more than `MAX_EXTENSIONS` extensions.
        TooManyExtensions => {
            kind: "too-many-extensions",
            rank: 500,
            message: "too many extensions",
        },
        /// A CRL is not well-formed DER of the RFC 5280 structure, or its version is not v2.
        MalformedCrl => {
            kind: "malformed-crl",
            rank: 500,
            message: "malformed CRL",
        },
        /// A distinguished name is not a well-formed `Name`.
        MalformedName => {
            kind: "malformed-name",
            rank: 500,
            message: "malformed distinguished name",
        },
        /// A recognized certificate, CRL or CRL entry extension has malformed or forbidden
        /// content (for example an empty policyConstraints or a repeated policy OID).
        MalformedExtension => {
            kind: "malformed-extension",
            rank: 500,
            message: "malformed extension",
        },
        /// A UTCTime or GeneralizedTime is not in the DER form RFC 5280 4.1.2.5 requires.
        MalformedTime => {
            kind: "malformed-time",
            rank: 500,
            message: "malformed UTCTime or GeneralizedTime",
        },
        /// An extension appears twice in one certificate, CRL or CRL entry (RFC 5280 4.2).
        DuplicateExtension => {
            kind: "duplicate-extension",
            rank: 500,
            message: "duplicate extension",
        },
        /// The signature algorithm inside the signed part differs from the outer one
        /// (RFC 5280 4.1.1.2, 5.1.1.2).
        SignatureAlgorithmFieldMismatch => {
            kind: "signature-algorithm-field-mismatch",
            rank: 500,
            message: "inner and outer signature algorithms differ",
        },
        /// A certificate asserts or maps more than `MAX_POLICIES_PER_CERTIFICATE` policies.
        TooManyPolicies => {
            kind: "too-many-policies",
            rank: 500,
            message: "too many certificate policies or mappings",
        },
        /// A CRL has more than `MAX_CRL_ENTRIES` entries.
        TooManyCrlEntries => {
            kind: "too-many-crl-entries",
            rank: 500,
            message: "too many CRL entries",
        },
        /// A time given by the caller is not RFC 3339 (or a bare date).
        BadTimeFormat => {
            kind: "bad-time-format",
            rank: 500,
            message: "time is not RFC 3339",
        },
        /// A certificate has an INTEGER that is not minimally encoded, as DER requires (X.690
        /// 8.3.2: a redundant leading `00` or `ff` octet): the serial number, the version, or
        /// an INTEGER of a recognized extension. A serial number has exactly one accepted
        /// encoding, so that it matches CRL entries as an integer.
        NonMinimalCertificateInteger => {
            kind: "non-minimal-certificate-integer",
            rank: 500,
            message: "certificate has an INTEGER that is not minimally encoded",
        },
        /// A CRL has an INTEGER that is not minimally encoded, as DER requires (X.690 8.3.2):
        /// a revoked certificate's serial number, the version, the cRLNumber or BaseCRLNumber,
        /// or authorityCertSerialNumber. The whole CRL is refused, so that no entry escapes
        /// matching its certificate.
        NonMinimalCrlInteger => {
            kind: "non-minimal-crl-integer",
            rank: 500,
            message: "CRL has an INTEGER that is not minimally encoded",
        },

        // --- Path building; budget exhaustion (1000) ends the search outright ---
        /// No path from the certificate reached a trust anchor: no issuer with a matching name
        /// was found among the anchors and intermediates.
        UnknownIssuer => {
            kind: "unknown-issuer",
            rank: 10,
            message: "no path to a trust anchor",
        },
        /// Path building used up `Budget::signature_checks`.
        MaximumSignatureChecksExceeded => {
            kind: "maximum-signature-checks-exceeded",
            rank: 1000,
            fatal: true,
            message: "path building exceeded its signature check budget",
        },
        /// Path building used up `Budget::build_steps`.
        MaximumPathBuildStepsExceeded => {
            kind: "maximum-path-build-steps-exceeded",
            rank: 1000,
            fatal: true,
            message: "path building exceeded its step budget",
        },
        /// A candidate path would be longer than `Budget::max_path_len`.
        MaximumPathDepthExceeded => {
            kind: "maximum-path-depth-exceeded",
            rank: 50,
            message: "path exceeds the maximum length",
        },
        /// Name constraint checking exceeded its fixed comparison limit
        /// (`MAX_NAME_CONSTRAINT_COMPARISONS` per path).
        TooManyNameConstraintComparisons => {
            kind: "too-many-name-constraint-comparisons",
            rank: 1000,
            fatal: true,
            message: "name constraint checking exceeded its comparison limit",
        },
        /// More intermediate certificates were offered to path building than
        /// `MAX_INTERMEDIATES`; refused before the search starts.
        TooManyIntermediates => {
            kind: "too-many-intermediates",
            rank: 1000,
            fatal: true,
            message: "too many intermediate certificates",
        },
        /// A CRL signer's path needed a further CRL signer path, nested deeper than
        /// `MAX_CRL_SIGNER_NESTING` levels; ends the search like a budget error.
        MaximumCrlSignerNestingExceeded => {
            kind: "maximum-crl-signer-nesting-exceeded",
            rank: 1000,
            fatal: true,
            message: "CRL signer paths nest too deeply",
        },

        // --- Path validation (RFC 5280 6.1); `index` counts from the end entity (0) ---
        /// The current time is before the certificate's notBefore.
        CertNotValidYet {
            /// Position in the path (0 = end entity; the path length = the trust anchor).
            index: u8,
        } => {
            kind: "cert-not-valid-yet",
            rank: 700,
            message: "certificate {index} is not valid yet",
        },
        /// The current time is after the certificate's notAfter.
        CertExpired {
            /// Position in the path (0 = end entity; the path length = the trust anchor).
            index: u8,
        } => {
            kind: "cert-expired",
            rank: 700,
            message: "certificate {index} has expired",
        },
        /// An issuing certificate lacks basicConstraints with `cA` TRUE.
        NotCa {
            /// Position in the path.
            index: u8,
        } => {
            kind: "not-ca",
            rank: 630,
            message: "certificate {index} is not a CA",
        },
        /// More non-self-issued intermediates follow a CA than its pathLenConstraint allows.
        PathLenConstraintViolated {
            /// Position in the path of the certificate that exceeded the allowance.
            index: u8,
        } => {
            kind: "path-len-constraint-violated",
            rank: 640,
            message: "certificate {index} violates a pathLenConstraint",
        },
        /// With [`Profile::Strict`](crate::Profile::Strict): a certificate on the path (or
        /// the constraining anchor certificate) breaks a rule RFC 5280 sections 4.1 and 4.2
        /// set for conforming CAs.
        NonConformingCertificate {
            /// Position in the path.
            index: u8,
            /// The rule broken.
            rule: ProfileRule,
        } => {
            kind: "non-conforming-certificate",
            rank: 560,
            message: "certificate {index} does not conform to the RFC 5280 profile: {rule}",
        },
        /// An issuing certificate's keyUsage lacks keyCertSign.
        KeyCertSignNotAllowed {
            /// Position in the path.
            index: u8,
        } => {
            kind: "key-cert-sign-not-allowed",
            rank: 650,
            message: "certificate {index} is not allowed to sign certificates",
        },
        /// A certificate's extendedKeyUsage (or, for an intermediate or an anchor
        /// certificate, its extendedKeyUsage as a constraint) lacks a purpose the caller
        /// requires (`PathValidator::required_eku`) and anyExtendedKeyUsage.
        RequiredEkuMissing {
            /// Position in the path.
            index: u8,
        } => {
            kind: "required-eku-missing",
            rank: 690,
            message: "certificate {index} is not certified for the required extended key usage",
        },
        /// A certificate has a critical extension this crate does not process.
        UnsupportedCriticalExtension {
            /// Position in the path.
            index: u8,
        } => {
            kind: "unsupported-critical-extension",
            rank: 660,
            message: "certificate {index} has an unsupported critical extension",
        },
        /// A policyMappings extension maps to or from anyPolicy (RFC 5280 6.1.4 (a)).
        InvalidPolicyMapping {
            /// Position in the path.
            index: u8,
        } => {
            kind: "invalid-policy-mapping",
            rank: 610,
            message: "certificate {index} maps to or from anyPolicy",
        },
        /// An explicit policy is required and no policy is valid for the path (the
        /// valid_policy_tree became NULL, or its intersection with the initial set is empty).
        NoValidPolicy {
            /// Position in the path where the requirement failed.
            index: u8,
        } => {
            kind: "no-valid-policy",
            rank: 620,
            message: "no valid certificate policy (at certificate {index})",
        },
        /// A name in the certificate is outside the permitted or inside the excluded subtrees.
        NameConstraintViolation {
            /// Position in the path.
            index: u8,
        } => {
            kind: "name-constraint-violation",
            rank: 600,
            message: "certificate {index} violates name constraints",
        },
        /// A name falls under a name constraint of a form this crate cannot evaluate
        /// (otherName, x400Address, ediPartyName, registeredID).
        UnsupportedNameConstraint {
            /// Position in the path.
            index: u8,
        } => {
            kind: "unsupported-name-constraint",
            rank: 600,
            message: "certificate {index} has a name under an unsupported constraint",
        },
        /// A nameConstraints subtree is malformed (RFC 5280 4.2.1.10): a dNSName base that is
        /// not a host name (empty labels, a leading period, `*`, spaces), an iPAddress base
        /// that is not 8 or 32 octets or whose mask is not contiguous, an rfc822Name base
        /// that is not a mailbox, host or `.domain`, or a minimum other than zero or a
        /// maximum. Refuses every path through the certificate, whatever names follow.
        MalformedNameConstraint {
            /// Position in the path of the CA certificate (or constraining trust anchor
            /// certificate) carrying the nameConstraints extension.
            index: u8,
        } => {
            kind: "malformed-name-constraint",
            rank: 670,
            message: "certificate {index} has a malformed name constraint",
        },
        /// A subjectAltName dNSName, rfc822Name or iPAddress (or a subject emailAddress, which
        /// RFC 5280 treats as an rfc822Name) is malformed (`.example.com`, `a@b@example.com`,
        /// empty labels, an address not 4 or 16 octets) where name constraints of its form
        /// apply to the certificate. Without such a constraint the name is not examined.
        MalformedSubjectAltName {
            /// Position in the path of the certificate whose name is malformed.
            index: u8,
        } => {
            kind: "malformed-subject-alt-name",
            rank: 680,
            message: "certificate {index} has a malformed name where name constraints apply",
        },

        // --- Revocation ---
        /// A certificate is revoked (or on hold) at the validation time.
        Revoked {
            /// Position in the path.
            index: u8,
            /// The CRL reason (`Unspecified` when the entry has none).
            reason: crate::RevocationReason,
        } => {
            kind: "revoked",
            rank: 950,
            message: "certificate {index} is revoked ({reason})",
        },
        /// Revocation status is required and no information covering every reason was found.
        RevocationStatusUnknown {
            /// Position in the path.
            index: u8,
        } => {
            kind: "revocation-status-unknown",
            rank: 800,
            message: "revocation status of certificate {index} is unknown",
        },
        /// The only CRLs for the certificate are past their nextUpdate (and no current delta
        /// CRL brings them up to date).
        CrlNotCurrent {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "crl-not-current",
            rank: 820,
            message: "the CRL for certificate {index} is not current",
        },
        /// A CRL's signature does not verify with any key of its issuer.
        InvalidCrlSignature {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "invalid-crl-signature",
            rank: 850,
            message: "the CRL for certificate {index} has a bad signature",
        },
        /// A CRL was signed by a certificate whose own path to the trust anchor did not validate.
        InvalidCrlSigner {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "invalid-crl-signer",
            rank: 860,
            message: "the CRL signer for certificate {index} did not validate",
        },
        /// No trust anchor or certificate with the CRL issuer's name was supplied.
        UnknownCrlIssuer {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "unknown-crl-issuer",
            rank: 810,
            message: "the CRL issuer for certificate {index} is unknown",
        },
        /// The CRL signer's keyUsage lacks cRLSign.
        CrlSignNotAllowed {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "crl-sign-not-allowed",
            rank: 840,
            message: "the CRL signer for certificate {index} lacks cRLSign",
        },
        /// A CRL has a critical extension this crate does not process, so it cannot be used.
        UnsupportedCrlCriticalExtension {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "unsupported-crl-critical-extension",
            rank: 830,
            message: "the CRL for certificate {index} has an unsupported critical extension",
        },
        /// A CRL entry has a critical extension this crate does not process, so the CRL cannot
        /// be used.
        UnsupportedCrlEntryCriticalExtension {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "unsupported-crl-entry-critical-extension",
            rank: 830,
            message: "the CRL for certificate {index} has an unsupported critical entry extension",
        },

        // --- OCSP responses (RFC 6960), a revocation source beside CRLs: 870 - 930 ---
        /// An OCSP response is not a well-formed DER `OCSPResponse` holding a
        /// `BasicOCSPResponse`, or a response extension it depends on is malformed or an
        /// unknown one is critical.
        OcspMalformed => {
            kind: "ocsp-malformed",
            rank: 870,
            message: "malformed OCSP response",
        },
        /// An OCSP response is longer than `MAX_OCSP_RESPONSE_LEN`, or holds more
        /// SingleResponses than `MAX_SINGLE_RESPONSES` or certificates than
        /// `MAX_RESPONDER_CERTS`.
        OcspTooLarge => {
            kind: "ocsp-too-large",
            rank: 870,
            message: "OCSP response exceeds the size limits",
        },
        /// The OCSP responder answered with an error responseStatus (no status information).
        OcspUnsuccessful {
            /// The responseStatus (1 malformedRequest, 2 internalError, 3 tryLater,
            /// 5 sigRequired, 6 unauthorized).
            status: u8,
        } => {
            kind: "ocsp-unsuccessful",
            rank: 870,
            message: "OCSP responder returned error status {status}",
        },
        /// The OCSP response has no SingleResponse for the certificate (CertID: issuer name
        /// and key hashes and serial number).
        OcspCertIdMismatch {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "ocsp-cert-id-mismatch",
            rank: 880,
            message: "the OCSP response is not for certificate {index}",
        },
        /// The OCSP response was signed by neither the certificate's issuer nor a responder
        /// certificate that the issuer issued with id-kp-OCSPSigning (RFC 6960 4.2.2.2).
        OcspUnauthorizedResponder {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "ocsp-unauthorized-responder",
            rank: 890,
            message: "the OCSP responder for certificate {index} is not authorized",
        },
        /// The delegated OCSP responder's certificate expired before the validation time.
        OcspResponderExpired {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "ocsp-responder-expired",
            rank: 900,
            message: "the OCSP responder certificate for certificate {index} has expired",
        },
        /// The delegated OCSP responder's certificate is not yet valid at the validation time.
        OcspResponderNotYetValid {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "ocsp-responder-not-yet-valid",
            rank: 900,
            message: "the OCSP responder certificate for certificate {index} is not yet valid",
        },
        /// The OCSP response's signature does not verify with the responder's key.
        OcspInvalidSignature {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "ocsp-invalid-signature",
            rank: 910,
            message: "the OCSP response for certificate {index} has a bad signature",
        },
        /// The OCSP response is stale: its nextUpdate (or, without one, thisUpdate plus the
        /// caller's maximum age) is before the validation time, beyond the tolerance.
        OcspStale {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "ocsp-stale",
            rank: 920,
            message: "the OCSP response for certificate {index} is stale",
        },
        /// The OCSP response's thisUpdate (or producedAt) is after the validation time,
        /// beyond the tolerance.
        OcspNotYetValid {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "ocsp-not-yet-valid",
            rank: 920,
            message: "the OCSP response for certificate {index} is not yet valid",
        },
        /// A nonce was expected and the OCSP response carries none.
        OcspNonceMissing {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "ocsp-nonce-missing",
            rank: 930,
            message: "the OCSP response for certificate {index} has no nonce",
        },
        /// The OCSP response's nonce differs from the one the caller sent.
        OcspNonceMismatch {
            /// Position in the path of the certificate being checked.
            index: u8,
        } => {
            kind: "ocsp-nonce-mismatch",
            rank: 930,
            message: "the OCSP response for certificate {index} has another nonce",
        },

        // --- CMS: document errors (55), then per signer by how far the signer got ---
        /// CMS: the input is not a well-formed DER `ContentInfo` holding a `SignedData` (RFC 5652
        /// 3 and 5): bad encoding, a missing or misplaced field, or a version number that
        /// contradicts the contents (5.1, 5.3).
        CmsMalformed => {
            kind: "cms-malformed",
            rank: 55,
            message: "malformed CMS SignedData",
        },
        /// CMS: the `ContentInfo` holds something other than `id-signedData`.
        CmsNotSignedData => {
            kind: "cms-not-signed-data",
            rank: 55,
            message: "CMS content is not SignedData",
        },
        /// CMS: the SignedData (or detached content that has to be kept in memory) is longer than
        /// `cms::MAX_INPUT_LEN`.
        CmsInputTooLarge => {
            kind: "cms-input-too-large",
            rank: 55,
            message: "CMS input exceeds the size limit",
        },
        /// CMS: more SignerInfos than `cms::MAX_SIGNERS`.
        CmsTooManySigners => {
            kind: "cms-too-many-signers",
            rank: 55,
            message: "too many CMS SignerInfos",
        },
        /// CMS: a SignerInfo carries more signed or unsigned attributes (or an attribute more
        /// values) than `cms::MAX_ATTRIBUTES`.
        CmsTooManyAttributes => {
            kind: "cms-too-many-attributes",
            rank: 55,
            message: "too many CMS attributes or values",
        },
        /// CMS: more embedded certificates than `cms::MAX_CERTIFICATES`.
        CmsTooManyCertificates => {
            kind: "cms-too-many-certificates",
            rank: 55,
            message: "too many embedded certificates",
        },
        /// CMS: more embedded revocation entries (CRLs, OCSP responses) than `cms::MAX_CRLS`.
        CmsTooManyCrls => {
            kind: "cms-too-many-crls",
            rank: 55,
            message: "too many embedded CRLs",
        },
        /// CMS: more digestAlgorithms entries than `cms::MAX_DIGEST_ALGORITHMS`.
        CmsTooManyDigestAlgorithms => {
            kind: "cms-too-many-digest-algorithms",
            rank: 55,
            message: "too many CMS digest algorithms",
        },
        /// CMS: the SignedData has no SignerInfo (a certificates-only message signs nothing).
        CmsNoSigners => {
            kind: "cms-no-signers",
            rank: 55,
            message: "CMS SignedData has no signers",
        },
        /// CMS: the content is detached and the caller supplied none.
        CmsDetachedContentMissing => {
            kind: "cms-detached-content-missing",
            rank: 55,
            message: "detached content not supplied",
        },
        /// CMS: the caller supplied detached content but the SignedData carries its own.
        CmsUnexpectedContent => {
            kind: "cms-unexpected-content",
            rank: 55,
            message: "content supplied for a SignedData that carries its own",
        },
        /// CMS: reading the caller's detached content failed.
        CmsContentUnreadable => {
            kind: "cms-content-unreadable",
            rank: 55,
            message: "detached content could not be read",
        },
        /// CMS: the content-type signed attribute differs from eContentType (RFC 5652 11.1).
        CmsContentTypeMismatch => {
            kind: "cms-content-type-mismatch",
            rank: 355,
            message: "content-type attribute differs from eContentType",
        },
        /// CMS: the message-digest signed attribute differs from the digest of the content
        /// (RFC 5652 11.2, 5.4).
        CmsMessageDigestMismatch => {
            kind: "cms-message-digest-mismatch",
            rank: 385,
            message: "message-digest attribute differs from the content digest",
        },
        /// CMS: signed attributes are present without content-type or message-digest
        /// (RFC 5652 5.3).
        CmsMissingAttribute => {
            kind: "cms-missing-attribute",
            rank: 325,
            message: "signed attributes lack content-type or message-digest",
        },
        /// CMS: content-type, message-digest or signing-time appears more than once among the
        /// signed attributes (RFC 5652 11: each is single-instance).
        CmsDuplicateAttribute => {
            kind: "cms-duplicate-attribute",
            rank: 325,
            message: "duplicate single-instance attribute",
        },
        /// CMS: a content-type, message-digest or signing-time attribute does not have exactly
        /// one well-formed value, or a countersignature is among the signed attributes.
        CmsMalformedAttribute => {
            kind: "cms-malformed-attribute",
            rank: 315,
            message: "malformed CMS attribute",
        },
        /// CMS: the SignerInfo's digestAlgorithm is not SHA-1, SHA-256, SHA-384 or SHA-512 (with
        /// absent or NULL parameters).
        CmsUnsupportedDigestAlgorithm => {
            kind: "cms-unsupported-digest-algorithm",
            rank: 100, // tied with UnsupportedSignatureAlgorithm
            message: "unsupported digest algorithm",
        },
        /// CMS: the digest algorithm is known but not allowed (SHA-1 unless the caller allows it).
        CmsDigestAlgorithmNotAllowed => {
            kind: "cms-digest-algorithm-not-allowed",
            rank: 110, // tied with UnsupportedPublicKeyAlgorithm
            message: "digest algorithm not allowed",
        },
        /// CMS: the signatureAlgorithm's hash differs from the digestAlgorithm (RFC 5754 3,
        /// RFC 4056 3, RFC 5753 7.2).
        CmsDigestAlgorithmMismatch => {
            kind: "cms-digest-algorithm-mismatch",
            rank: 120, // tied with SignatureAlgorithmMismatch
            message: "digest algorithm inconsistent with the signature algorithm",
        },
        /// CMS: no embedded or caller-supplied certificate matches the SignerIdentifier.
        CmsSignerCertificateMissing => {
            kind: "cms-signer-certificate-missing",
            rank: 145,
            message: "signer certificate not found",
        },
        /// CMS: the signer certificate's keyUsage allows neither digitalSignature nor
        /// nonRepudiation.
        CmsSignerKeyUsage => {
            kind: "cms-signer-key-usage",
            rank: 505,
            message: "signer certificate's keyUsage does not allow signing documents",
        },
        /// CMS: the signature verified but the signer's certificate did not validate; the path
        /// error is in the per-signer result (`cms::SignerReport::path_error`).
        CmsSignerPath {
            /// Index of the SignerInfo, in input order.
            signer: u8,
        } => {
            kind: "cms-signer-path",
            rank: 605,
            message: "certificate of signer {signer} did not validate",
        },
        /// CMS: validation at the signing time was requested but the SignerInfo has no
        /// signing-time attribute.
        CmsSigningTimeMissing => {
            kind: "cms-signing-time-missing",
            rank: 455,
            message: "no signing-time attribute",
        },
        /// CMS: the signatures that verified do not meet the caller's requirement (all, any, or
        /// one per algorithm family).
        CmsSignerRequirementNotMet => {
            kind: "cms-signer-requirement-not-met",
            rank: 705,
            message: "verified signatures do not meet the signer requirement",
        },
        /// CMS: the signer verified, but the caller's sunset-policy table rejects the algorithm
        /// of its signature or of a certificate on its path at the validation time.
        CmsAlgorithmRejected => {
            kind: "cms-algorithm-rejected",
            rank: 655,
            message: "the sunset policy rejects the signer's algorithms",
        },

        // --- RFC 3161 timestamps (CMS-style ranks 415 - 495: past the signer's signature,
        // before its certificate path), by how far the token got ---
        /// Timestamp: validation at a proven time was requested
        /// (`cms::ValidationTime::Timestamped`) but the SignerInfo carries no
        /// signature-time-stamp token.
        TimestampMissing => {
            kind: "timestamp-missing",
            rank: 415,
            message: "no signature timestamp token",
        },
        /// Timestamp: the token is not a DER CMS SignedData with one SignerInfo over a
        /// well-formed id-ct-TSTInfo (RFC 3161 2.4.2), or exceeds the `tsp::MAX_*` bounds.
        TimestampMalformed => {
            kind: "timestamp-malformed",
            rank: 425,
            message: "malformed timestamp token",
        },
        /// Timestamp: the token's signature, signed attributes or TSA certificate path did not
        /// verify (the error is in `tsp::TimestampReport::token_error`).
        TimestampTokenInvalid => {
            kind: "timestamp-token-invalid",
            rank: 435,
            message: "timestamp token does not verify",
        },
        /// Timestamp: the TSA certificate's extendedKeyUsage is not exactly id-kp-timeStamping,
        /// present and critical (RFC 3161 2.3).
        TimestampTsaEku => {
            kind: "timestamp-tsa-eku",
            rank: 445,
            message: "TSA certificate lacks a critical id-kp-timeStamping extended key usage",
        },
        /// Timestamp: the messageImprint is not the SHA-2 hash of the data (for a CMS signer:
        /// of its signature value).
        TimestampImprintMismatch => {
            kind: "timestamp-imprint-mismatch",
            rank: 465,
            message: "timestamp imprint does not match the data",
        },
        /// Timestamp: the caller's nonce is absent from the token or differs from it.
        TimestampNonceMismatch => {
            kind: "timestamp-nonce-mismatch",
            rank: 475,
            message: "timestamp nonce does not match the request",
        },
        /// Timestamp: the token's TSA policy is not one the caller accepts.
        TimestampPolicyNotAccepted => {
            kind: "timestamp-policy-not-accepted",
            rank: 485,
            message: "timestamp policy not accepted",
        },
        /// Timestamp: the token's time contradicts other evidence. Either the genTime lies
        /// outside the TSA certificate's validity or after the validation time (a TSA cannot
        /// vouch for a time its key was not certified for, nor for the future), or the signer's
        /// signing-time claim is later than the latest time the token proves (genTime plus
        /// accuracy: the signature existed before the time it claims).
        TimestampTimeInconsistent => {
            kind: "timestamp-time-inconsistent",
            rank: 495,
            message: "timestamp time inconsistent with the TSA certificate, the validation time or the signing-time claim",
        },
    }
}

/// A rule of the RFC 5280 certificate profile (sections 4.1, 4.2) that conforming CAs MUST
/// follow and a relying party is not required to check; [`Profile::Strict`] checks them
/// (the same rules as OpenSSL's `X509_V_FLAG_X509_STRICT`).
///
/// [`Profile::Strict`]: crate::Profile::Strict
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProfileRule {
    /// A serial number that is zero or negative (4.1.2.2).
    SerialNotPositive,
    /// An empty issuer name (4.1.2.4).
    EmptyIssuer,
    /// A CA certificate with an empty subject name (4.1.2.6).
    CaEmptySubject,
    /// An empty subject without a critical subjectAltName (4.1.2.6, 4.2.1.6).
    EmptySubjectWithoutCriticalSan,
    /// A critical authorityKeyIdentifier (4.2.1.1).
    AuthorityKeyIdCritical,
    /// No authorityKeyIdentifier keyIdentifier in a certificate that is not a self-issued
    /// anchor (4.2.1.1).
    AuthorityKeyIdMissing,
    /// A critical subjectKeyIdentifier (4.2.1.2).
    SubjectKeyIdCritical,
    /// A CA certificate without a subjectKeyIdentifier (4.2.1.2).
    SubjectKeyIdMissing,
    /// keyCertSign asserted while basicConstraints cA is not (4.2.1.3, 4.2.1.9).
    KeyCertSignWithoutCa,
    /// A non-critical basicConstraints in a CA certificate (4.2.1.9).
    BasicConstraintsNotCritical,
    /// A non-critical nameConstraints (4.2.1.10).
    NameConstraintsNotCritical,
    /// nameConstraints in a certificate that is not a CA certificate (4.2.1.10).
    NameConstraintsInEndEntity,
    /// A critical authorityInfoAccess (4.2.2.1).
    AuthorityInfoAccessCritical,
}

impl ProfileRule {
    /// The rule as the text of RFC 5280 states it.
    pub const fn description(self) -> &'static str {
        match self {
            Self::SerialNotPositive => "the serial number must be positive (4.1.2.2)",
            Self::EmptyIssuer => "the issuer name must not be empty (4.1.2.4)",
            Self::CaEmptySubject => "a CA's subject name must not be empty (4.1.2.6)",
            Self::EmptySubjectWithoutCriticalSan => {
                "an empty subject requires a critical subjectAltName (4.2.1.6)"
            }
            Self::AuthorityKeyIdCritical => "authorityKeyIdentifier must not be critical (4.2.1.1)",
            Self::AuthorityKeyIdMissing => {
                "authorityKeyIdentifier keyIdentifier must be present (4.2.1.1)"
            }
            Self::SubjectKeyIdCritical => "subjectKeyIdentifier must not be critical (4.2.1.2)",
            Self::SubjectKeyIdMissing => {
                "a CA certificate must have a subjectKeyIdentifier (4.2.1.2)"
            }
            Self::KeyCertSignWithoutCa => "keyCertSign requires basicConstraints cA (4.2.1.3)",
            Self::BasicConstraintsNotCritical => {
                "a CA's basicConstraints must be critical (4.2.1.9)"
            }
            Self::NameConstraintsNotCritical => "nameConstraints must be critical (4.2.1.10)",
            Self::NameConstraintsInEndEntity => {
                "nameConstraints is only for CA certificates (4.2.1.10)"
            }
            Self::AuthorityInfoAccessCritical => {
                "authorityInfoAccess must not be critical (4.2.2.1)"
            }
        }
    }
}

impl fmt::Display for ProfileRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

impl core::error::Error for Error {}

#[cfg(test)]
mod tests {
    extern crate alloc;

    use alloc::string::ToString;
    use alloc::vec::Vec;

    use super::*;
    use crate::RevocationReason;

    /// Ranks shared on purpose: each set is every variant with that rank.
    const DELIBERATE_TIES: &[&[&str]] = &[
        // CMS document errors.
        &[
            "cms-malformed",
            "cms-not-signed-data",
            "cms-input-too-large",
            "cms-too-many-signers",
            "cms-too-many-attributes",
            "cms-too-many-certificates",
            "cms-too-many-crls",
            "cms-too-many-digest-algorithms",
            "cms-no-signers",
            "cms-detached-content-missing",
            "cms-unexpected-content",
            "cms-content-unreadable",
        ],
        // Across groups: CMS "any signer" compares these, and they have always tied.
        &[
            "unsupported-signature-algorithm",
            "cms-unsupported-digest-algorithm",
        ],
        &[
            "unsupported-public-key-algorithm",
            "cms-digest-algorithm-not-allowed",
        ],
        &[
            "signature-algorithm-mismatch",
            "cms-digest-algorithm-mismatch",
        ],
        &["rsa-key-too-small", "rsa-key-too-large"],
        // Both say the exponent is unusable: neither is more specific.
        &["invalid-rsa-exponent", "rsa-exponent-too-large"],
        &["cms-missing-attribute", "cms-duplicate-attribute"],
        // Parsing.
        &[
            "malformed-certificate",
            "certificate-too-large",
            "crl-too-large",
            "too-many-extensions",
            "malformed-crl",
            "malformed-name",
            "malformed-extension",
            "malformed-time",
            "duplicate-extension",
            "signature-algorithm-field-mismatch",
            "too-many-policies",
            "too-many-crl-entries",
            "bad-time-format",
            "non-minimal-certificate-integer",
            "non-minimal-crl-integer",
        ],
        &["name-constraint-violation", "unsupported-name-constraint"],
        &["cert-not-valid-yet", "cert-expired"],
        &[
            "unsupported-crl-critical-extension",
            "unsupported-crl-entry-critical-extension",
        ],
        &["ocsp-malformed", "ocsp-too-large", "ocsp-unsuccessful"],
        &["ocsp-responder-expired", "ocsp-responder-not-yet-valid"],
        &["ocsp-stale", "ocsp-not-yet-valid"],
        &["ocsp-nonce-missing", "ocsp-nonce-mismatch"],
        // Budgets and limits.
        &[
            "maximum-signature-checks-exceeded",
            "maximum-path-build-steps-exceeded",
            "too-many-name-constraint-comparisons",
            "too-many-intermediates",
            "maximum-crl-signer-nesting-exceeded",
        ],
    ];

    /// What path building compares (path, parsing, revocation and signature errors), from
    /// lowest to highest rank; the errors in one row tie.
    const PATH_ORDER: &[&[Error]] = &[
        &[Error::UnknownIssuer],
        &[Error::MaximumPathDepthExceeded],
        &[Error::UnsupportedSignatureAlgorithm],
        &[Error::UnsupportedPublicKeyAlgorithm],
        &[Error::SignatureAlgorithmMismatch],
        &[Error::InvalidRsaPssParameters],
        &[Error::MalformedPublicKey],
        &[
            Error::InvalidRsaExponent,
            Error::RsaExponentTooLarge { bytes: 9 },
        ],
        &[
            Error::RsaKeyTooSmall {
                bits: 1024,
                min_bits: 2048,
            },
            Error::RsaKeyTooLarge { bits: 16384 },
        ],
        &[Error::MalformedSignature],
        &[Error::BadSignature],
        &[
            Error::MalformedCertificate,
            Error::CertificateTooLarge,
            Error::CrlTooLarge,
            Error::TooManyExtensions,
            Error::MalformedCrl,
            Error::MalformedName,
            Error::MalformedExtension,
            Error::MalformedTime,
            Error::DuplicateExtension,
            Error::SignatureAlgorithmFieldMismatch,
            Error::TooManyPolicies,
            Error::TooManyCrlEntries,
            Error::BadTimeFormat,
            Error::NonMinimalCertificateInteger,
            Error::NonMinimalCrlInteger,
        ],
        &[Error::NonConformingCertificate {
            index: 1,
            rule: ProfileRule::AuthorityKeyIdMissing,
        }],
        &[
            Error::NameConstraintViolation { index: 1 },
            Error::UnsupportedNameConstraint { index: 0 },
        ],
        &[Error::InvalidPolicyMapping { index: 1 }],
        &[Error::NoValidPolicy { index: 1 }],
        &[Error::NotCa { index: 1 }],
        &[Error::PathLenConstraintViolated { index: 1 }],
        &[Error::KeyCertSignNotAllowed { index: 1 }],
        &[Error::UnsupportedCriticalExtension { index: 1 }],
        &[Error::MalformedNameConstraint { index: 1 }],
        &[Error::MalformedSubjectAltName { index: 0 }],
        &[Error::RequiredEkuMissing { index: 0 }],
        &[
            Error::CertNotValidYet { index: 0 },
            Error::CertExpired { index: 1 },
        ],
        &[Error::RevocationStatusUnknown { index: 0 }],
        &[Error::UnknownCrlIssuer { index: 0 }],
        &[Error::CrlNotCurrent { index: 0 }],
        &[
            Error::UnsupportedCrlCriticalExtension { index: 0 },
            Error::UnsupportedCrlEntryCriticalExtension { index: 0 },
        ],
        &[Error::CrlSignNotAllowed { index: 0 }],
        &[Error::InvalidCrlSignature { index: 0 }],
        &[Error::InvalidCrlSigner { index: 0 }],
        &[
            Error::OcspMalformed,
            Error::OcspTooLarge,
            Error::OcspUnsuccessful { status: 6 },
        ],
        &[Error::OcspCertIdMismatch { index: 0 }],
        &[Error::OcspUnauthorizedResponder { index: 0 }],
        &[
            Error::OcspResponderExpired { index: 0 },
            Error::OcspResponderNotYetValid { index: 0 },
        ],
        &[Error::OcspInvalidSignature { index: 0 }],
        &[
            Error::OcspStale { index: 0 },
            Error::OcspNotYetValid { index: 0 },
        ],
        &[
            Error::OcspNonceMissing { index: 0 },
            Error::OcspNonceMismatch { index: 0 },
        ],
        &[Error::Revoked {
            index: 0,
            reason: RevocationReason::Unspecified,
        }],
        &[
            Error::MaximumSignatureChecksExceeded,
            Error::MaximumPathBuildStepsExceeded,
            Error::TooManyNameConstraintComparisons,
            Error::TooManyIntermediates,
            Error::MaximumCrlSignerNestingExceeded,
        ],
    ];

    /// What CMS "any signer" compares (CMS and signature errors), from lowest to highest
    /// rank; the errors in one row tie.
    const CMS_ORDER: &[&[Error]] = &[
        &[
            Error::CmsMalformed,
            Error::CmsNotSignedData,
            Error::CmsInputTooLarge,
            Error::CmsTooManySigners,
            Error::CmsTooManyAttributes,
            Error::CmsTooManyCertificates,
            Error::CmsTooManyCrls,
            Error::CmsTooManyDigestAlgorithms,
            Error::CmsNoSigners,
            Error::CmsDetachedContentMissing,
            Error::CmsUnexpectedContent,
            Error::CmsContentUnreadable,
        ],
        &[
            Error::UnsupportedSignatureAlgorithm,
            Error::CmsUnsupportedDigestAlgorithm,
        ],
        &[
            Error::UnsupportedPublicKeyAlgorithm,
            Error::CmsDigestAlgorithmNotAllowed,
        ],
        &[
            Error::SignatureAlgorithmMismatch,
            Error::CmsDigestAlgorithmMismatch,
        ],
        &[Error::InvalidRsaPssParameters],
        &[Error::CmsSignerCertificateMissing],
        &[Error::MalformedPublicKey],
        &[
            Error::InvalidRsaExponent,
            Error::RsaExponentTooLarge { bytes: 9 },
        ],
        &[
            Error::RsaKeyTooSmall {
                bits: 1024,
                min_bits: 2048,
            },
            Error::RsaKeyTooLarge { bits: 16384 },
        ],
        &[Error::MalformedSignature],
        &[Error::CmsMalformedAttribute],
        &[Error::CmsMissingAttribute, Error::CmsDuplicateAttribute],
        &[Error::CmsContentTypeMismatch],
        &[Error::CmsMessageDigestMismatch],
        &[Error::BadSignature],
        &[Error::TimestampMissing],
        &[Error::TimestampMalformed],
        &[Error::TimestampTokenInvalid],
        &[Error::TimestampTsaEku],
        &[Error::CmsSigningTimeMissing],
        &[Error::TimestampImprintMismatch],
        &[Error::TimestampNonceMismatch],
        &[Error::TimestampPolicyNotAccepted],
        &[Error::TimestampTimeInconsistent],
        &[Error::CmsSignerKeyUsage],
        &[Error::CmsSignerPath { signer: 0 }],
        &[Error::CmsAlgorithmRejected],
        &[Error::CmsSignerRequirementNotMet],
    ];

    /// CMS errors, and the timestamp errors ranked with them.
    fn is_cms_band(e: &Error) -> bool {
        e.kind().starts_with("cms-") || e.kind().starts_with("timestamp-")
    }

    fn check_order(order: &[&[Error]]) {
        for (i, row) in order.iter().enumerate() {
            for a in *row {
                assert_eq!(
                    a.rank(),
                    row[0].rank(),
                    "{a:?} should tie with {:?}",
                    row[0]
                );
                for higher in order[i + 1..].iter().flat_map(|r| r.iter()) {
                    assert!(higher.rank() > a.rank(), "{higher:?} should outrank {a:?}");
                }
            }
        }
    }

    #[test]
    fn samples_cover_every_variant_once() {
        let mut kinds: Vec<&str> = ALL_SAMPLES.iter().map(Error::kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        assert_eq!(kinds.len(), ALL_SAMPLES.len(), "kinds are not unique");
    }

    #[test]
    fn kinds_are_kebab_case() {
        for e in ALL_SAMPLES {
            let kind = e.kind();
            assert!(
                !kind.is_empty()
                    && !kind.starts_with('-')
                    && !kind.ends_with('-')
                    && !kind.contains("--")
                    && kind
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{e:?}: kind {kind:?} is not kebab-case"
            );
        }
    }

    #[test]
    fn shared_ranks_are_deliberate_ties() {
        for e in ALL_SAMPLES {
            let mut same: Vec<&str> = ALL_SAMPLES
                .iter()
                .filter(|o| o.rank() == e.rank())
                .map(Error::kind)
                .collect();
            if same.len() == 1 {
                continue;
            }
            same.sort_unstable();
            let listed = DELIBERATE_TIES.iter().any(|tie| {
                let mut tie = tie.to_vec();
                tie.sort_unstable();
                tie == same
            });
            assert!(listed, "rank {} is shared by {same:?}", e.rank());
        }
    }

    #[test]
    fn cms_only_ranks_never_meet_other_ranks_by_accident() {
        // CMS-only ranks end in 5, all others in 0, apart from the three digest errors that
        // tie with their signature-algorithm counterparts.
        for e in ALL_SAMPLES {
            let tied_digest = matches!(
                e,
                Error::CmsUnsupportedDigestAlgorithm
                    | Error::CmsDigestAlgorithmNotAllowed
                    | Error::CmsDigestAlgorithmMismatch
            );
            let cms = is_cms_band(e) && !tied_digest;
            assert_eq!(e.rank() % 10, if cms { 5 } else { 0 }, "{e:?}");
        }
    }

    #[test]
    fn path_building_order() {
        check_order(PATH_ORDER);
        // Every non-CMS variant has its place.
        let listed = PATH_ORDER.iter().map(|r| r.len()).sum::<usize>();
        let non_cms = ALL_SAMPLES.iter().filter(|e| !is_cms_band(e)).count();
        assert_eq!(listed, non_cms);
    }

    #[test]
    fn cms_any_signer_order() {
        check_order(CMS_ORDER);
        assert!(Error::CmsSignerPath { signer: 0 }.rank() > Error::BadSignature.rank());
        assert!(Error::BadSignature.rank() > Error::CmsMessageDigestMismatch.rank());
        assert!(Error::CmsSigningTimeMissing.rank() > Error::BadSignature.rank());
    }

    #[test]
    fn fatal_errors_are_the_top_band() {
        let top = ALL_SAMPLES.iter().map(Error::rank).max();
        let fatal: Vec<&str> = ALL_SAMPLES
            .iter()
            .filter(|e| e.is_fatal())
            .map(Error::kind)
            .collect();
        assert_eq!(
            fatal,
            [
                "maximum-signature-checks-exceeded",
                "maximum-path-build-steps-exceeded",
                "too-many-name-constraint-comparisons",
                "too-many-intermediates",
                "maximum-crl-signer-nesting-exceeded",
            ]
        );
        for e in ALL_SAMPLES {
            assert_eq!(e.is_fatal(), Some(e.rank()) == top, "{e:?}");
        }
    }

    #[test]
    fn display_is_unchanged() {
        let cases = [
            (Error::CertExpired { index: 2 }, "certificate 2 has expired"),
            (Error::BadSignature, "signature does not verify"),
            (
                Error::RsaKeyTooSmall {
                    bits: 1024,
                    min_bits: 2048,
                },
                "RSA modulus of 1024 bits is below the minimum of 2048 bits",
            ),
            (
                Error::RsaKeyTooLarge { bits: 16384 },
                "RSA modulus of 16384 bits exceeds the 8192-bit maximum",
            ),
            (
                Error::Revoked {
                    index: 0,
                    reason: RevocationReason::KeyCompromise,
                },
                "certificate 0 is revoked (keyCompromise)",
            ),
            (
                Error::NoValidPolicy { index: 3 },
                "no valid certificate policy (at certificate 3)",
            ),
            (
                Error::UnsupportedCrlEntryCriticalExtension { index: 1 },
                "the CRL for certificate 1 has an unsupported critical entry extension",
            ),
            (
                Error::CmsSignerPath { signer: 4 },
                "certificate of signer 4 did not validate",
            ),
            (
                Error::CmsSignerKeyUsage,
                "signer certificate's keyUsage does not allow signing documents",
            ),
            (
                Error::InvalidRsaExponent,
                "RSA public exponent must be odd and > 1",
            ),
            (
                Error::RsaExponentTooLarge { bytes: 9 },
                "RSA public exponent of 9 bytes is longer than the supported 8 bytes",
            ),
        ];
        for (error, message) in cases {
            assert_eq!(error.to_string(), message);
        }
        // Core error trait: no source.
        let as_dyn: &dyn core::error::Error = &Error::BadSignature;
        assert!(as_dyn.source().is_none());
    }

    #[test]
    fn kinds_are_unchanged() {
        assert_eq!(Error::CertExpired { index: 0 }.kind(), "cert-expired");
        assert_eq!(
            Error::UnsupportedCrlEntryCriticalExtension { index: 0 }.kind(),
            "unsupported-crl-entry-critical-extension"
        );
        assert_eq!(Error::CmsSignerPath { signer: 0 }.kind(), "cms-signer-path");
        assert_eq!(
            (
                Error::MalformedNameConstraint { index: 1 }.kind(),
                Error::MalformedNameConstraint { index: 1 }.rank()
            ),
            ("malformed-name-constraint", 670)
        );
        assert_eq!(
            (
                Error::MalformedSubjectAltName { index: 0 }.kind(),
                Error::MalformedSubjectAltName { index: 0 }.rank()
            ),
            ("malformed-subject-alt-name", 680)
        );
        const KIND: &str = Error::BadSignature.kind();
        const RANK: u32 = Error::BadSignature.rank();
        const FATAL: bool = Error::TooManyIntermediates.is_fatal();
        assert_eq!((KIND, RANK, FATAL), ("bad-signature", 400, true));
    }
}
