#![no_std]
#![forbid(unsafe_code)]
#![doc = include_str!("../README.md")]
#![warn(missing_docs, rust_2018_idioms, unused_qualifications)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod alg_id;
mod error;
mod hash;
mod key;
mod pss;
mod verify;

#[cfg(feature = "aws-lc")]
pub mod aws_lc;
pub mod jpki;
pub mod oid;
pub mod policy;
pub mod rustcrypto;

pub use alg_id::AlgorithmIdentifier;
pub use error::Error;
pub use key::{NamedCurve, PublicKeyInfo};
pub use pss::PssParameters;
pub use verify::{
    Backend, EcdsaSignatureEncoding, HashAlgorithm, PreparedKey, SignatureScheme,
    SignatureVerificationAlgorithm, verify_signed_data,
};
