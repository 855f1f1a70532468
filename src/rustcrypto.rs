//! The pure-Rust, `no_std` backend built on RustCrypto (`rsa`, `p256`, `p384`, `ml-dsa`).
//!
//! Names say the policy: `RSA_PKCS1_2048_8192_SHA256` accepts RSA moduli of 2048 to 8192
//! bits; the `_LEGACY_1024_` objects accept 1024-bit moduli and exist only for verifying old
//! data and test suites such as NIST PKITS; they are reachable only through
//! [`BACKEND_WITH_LEGACY_RSA`].

mod ec_tables;
mod ec_verify;
mod ecdsa;
mod ml_dsa;
mod modexp;
mod padding;
mod rsa;

use crate::verify::concat_algorithms;
use crate::{Backend, SignatureVerificationAlgorithm};

pub use self::ecdsa::{
    ECDSA_P256_SHA256, ECDSA_P256_SHA256_P1363, ECDSA_P256_SHA384, ECDSA_P256_SHA384_P1363,
    ECDSA_P256_SHA512, ECDSA_P256_SHA512_P1363, ECDSA_P384_SHA256, ECDSA_P384_SHA256_P1363,
    ECDSA_P384_SHA384, ECDSA_P384_SHA384_P1363, ECDSA_P384_SHA512, ECDSA_P384_SHA512_P1363,
    EcdsaAlgorithm,
};
pub use self::ml_dsa::{ML_DSA_44, ML_DSA_65, ML_DSA_87, MlDsaAlgorithm};
pub use self::rsa::{
    RSA_PKCS1_2048_8192_SHA1, RSA_PKCS1_2048_8192_SHA256, RSA_PKCS1_2048_8192_SHA384,
    RSA_PKCS1_2048_8192_SHA512, RSA_PKCS1_LEGACY_1024_8192_SHA1, RSA_PKCS1_LEGACY_1024_8192_SHA256,
    RSA_PKCS1_LEGACY_1024_8192_SHA384, RSA_PKCS1_LEGACY_1024_8192_SHA512, RSA_PSS_2048_8192_SHA256,
    RSA_PSS_2048_8192_SHA384, RSA_PSS_2048_8192_SHA512, RSA_PSS_LEGACY_1024_8192_SHA256,
    RSA_PSS_LEGACY_1024_8192_SHA384, RSA_PSS_LEGACY_1024_8192_SHA512, RsaPkcs1Algorithm,
    RsaPssAlgorithm,
};

const ECDSA_ALGORITHMS: [&dyn SignatureVerificationAlgorithm; 12] = [
    &ECDSA_P256_SHA256,
    &ECDSA_P256_SHA384,
    &ECDSA_P256_SHA512,
    &ECDSA_P384_SHA256,
    &ECDSA_P384_SHA384,
    &ECDSA_P384_SHA512,
    &ECDSA_P256_SHA256_P1363,
    &ECDSA_P256_SHA384_P1363,
    &ECDSA_P256_SHA512_P1363,
    &ECDSA_P384_SHA256_P1363,
    &ECDSA_P384_SHA384_P1363,
    &ECDSA_P384_SHA512_P1363,
];

/// The algorithms both backends share after their RSA objects: ECDSA, then ML-DSA.
const NON_RSA_ALGORITHMS: [&dyn SignatureVerificationAlgorithm; 15] =
    concat_algorithms(ECDSA_ALGORITHMS, [&ML_DSA_44, &ML_DSA_65, &ML_DSA_87]);

static ALGORITHMS: [&dyn SignatureVerificationAlgorithm; 22] = concat_algorithms(
    [
        &RSA_PKCS1_2048_8192_SHA256,
        &RSA_PKCS1_2048_8192_SHA384,
        &RSA_PKCS1_2048_8192_SHA512,
        &RSA_PKCS1_2048_8192_SHA1,
        &RSA_PSS_2048_8192_SHA256,
        &RSA_PSS_2048_8192_SHA384,
        &RSA_PSS_2048_8192_SHA512,
    ],
    NON_RSA_ALGORITHMS,
);

static LEGACY_RSA_ALGORITHMS: [&dyn SignatureVerificationAlgorithm; 22] = concat_algorithms(
    [
        &RSA_PKCS1_LEGACY_1024_8192_SHA256,
        &RSA_PKCS1_LEGACY_1024_8192_SHA384,
        &RSA_PKCS1_LEGACY_1024_8192_SHA512,
        &RSA_PKCS1_LEGACY_1024_8192_SHA1,
        &RSA_PSS_LEGACY_1024_8192_SHA256,
        &RSA_PSS_LEGACY_1024_8192_SHA384,
        &RSA_PSS_LEGACY_1024_8192_SHA512,
    ],
    NON_RSA_ALGORITHMS,
);

/// RSA (2048 to 8192 bits, PKCS#1 v1.5 and PSS), ECDSA P-256/P-384 (DER and fixed-width)
/// and pure ML-DSA-44/65/87.
pub static BACKEND: Backend = Backend {
    name: "rustcrypto",
    algorithms: &ALGORITHMS,
};

/// As [`BACKEND`], but RSA moduli down to 1024 bits are accepted: an explicit opt-in for
/// verifying legacy data (and NIST PKITS, whose keys are 1024-bit).
pub static BACKEND_WITH_LEGACY_RSA: Backend = Backend {
    name: "rustcrypto-legacy-rsa",
    algorithms: &LEGACY_RSA_ALGORITHMS,
};
