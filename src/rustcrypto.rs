//! The pure-Rust, `no_std` backend built on RustCrypto (`rsa`, `p256`, `p384`, `ml-dsa`).
//!
//! Names say the policy: `RSA_PKCS1_2048_8192_SHA256` accepts RSA moduli of 2048 to 8192
//! bits; the `_LEGACY_1024_` objects accept 1024-bit moduli and exist only for verifying old
//! data and test suites such as NIST PKITS; they are reachable only through
//! [`BACKEND_WITH_LEGACY_RSA`].

mod composite;
mod ec_tables;
mod ec_verify;
mod ecdsa;
mod ml_dsa;
mod modexp;
mod padding;
mod rsa;

use crate::verify::concat_algorithms;
use crate::{Backend, SignatureVerificationAlgorithm};

pub use self::composite::{
    COMPOSITE_ALGORITHMS, COMPOSITE_ML_DSA_FAMILY, COMPOSITE_MLDSA44_ECDSA_P256_SHA256,
    COMPOSITE_MLDSA44_RSA2048_PKCS15_SHA256, COMPOSITE_MLDSA44_RSA2048_PSS_SHA256,
    COMPOSITE_MLDSA65_ECDSA_P256_SHA512, COMPOSITE_MLDSA65_ECDSA_P384_SHA512,
    COMPOSITE_MLDSA65_RSA3072_PKCS15_SHA512, COMPOSITE_MLDSA65_RSA3072_PSS_SHA512,
    COMPOSITE_MLDSA65_RSA4096_PKCS15_SHA512, COMPOSITE_MLDSA65_RSA4096_PSS_SHA512,
    COMPOSITE_MLDSA87_ECDSA_P384_SHA512, COMPOSITE_MLDSA87_RSA3072_PSS_SHA512,
    COMPOSITE_MLDSA87_RSA4096_PSS_SHA512, COMPOSITE_PREFIX, CompositeMlDsaAlgorithm,
    split_composite_key,
};
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

/// The algorithms both lists share after their RSA objects: ECDSA, ML-DSA, then the
/// composites (draft-ietf-lamps-pq-composite-sigs-19) built on them.
const NON_RSA_ALGORITHMS: [&dyn SignatureVerificationAlgorithm; 27] = concat_algorithms(
    concat_algorithms::<12, 3, 15>(ECDSA_ALGORITHMS, [&ML_DSA_44, &ML_DSA_65, &ML_DSA_87]),
    COMPOSITE_ALGORITHMS,
);

static ALGORITHMS: [&dyn SignatureVerificationAlgorithm; 34] = concat_algorithms(
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

static LEGACY_RSA_ALGORITHMS: [&dyn SignatureVerificationAlgorithm; 34] = concat_algorithms(
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
/// pure ML-DSA-44/65/87 and the Composite ML-DSA combinations with RSA and ECDSA
/// P-256/P-384 (draft-ietf-lamps-pq-composite-sigs-19).
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
