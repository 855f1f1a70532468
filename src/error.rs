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
        }
    }
}

impl core::error::Error for Error {}
