#![no_std]
#![forbid(unsafe_code)]
#![doc = include_str!("../README.md")]
#![warn(missing_docs, rust_2018_idioms, unused_qualifications)]

extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod alg_id;
#[cfg(feature = "std")]
mod batch;
mod cert;
mod crl;
mod error;
mod hash;
mod judgement;
mod key;
mod name;
mod ocsp;
mod path;
mod pss;
mod reason;
mod revocation;
mod signed_data;
mod signed_envelope;
mod time;
mod tlv;
mod verify;

#[cfg(feature = "aws-lc")]
pub mod aws_lc;
pub mod cms;
pub mod jpki;
pub mod oid;
pub mod policy;
pub mod rustcrypto;

pub use alg_id::AlgorithmIdentifier;
#[cfg(feature = "std")]
pub use batch::{BatchDocument, available_threads, parallel_map};
pub use cert::{
    BasicConstraints, Certificate, DistributionPoint, DistributionPointName, Extension, KeyUsage,
    MAX_CERTIFICATE_LEN, MAX_EXTENSIONS, MAX_POLICIES_PER_CERTIFICATE, PolicyConstraints,
    PolicyMapping, ReasonFlags, Validity,
};
/// RFC 3161 timestamps: part of the `cms` layer (a token is a SignedData, and CMS signers
/// carry tokens), reachable as `jpki_verify::tsp`.
pub use cms::tsp;
pub use crl::{
    Crl, CrlSet, IssuingDistributionPoint, MAX_CRL_ENTRIES, MAX_CRL_LEN, RevokedCertificate,
};
pub use error::{Error, ProfileRule};
pub use hash::HashAlgorithm;
pub use judgement::{JudgedSignature, PolicyReport, SignatureJudge, Verdict};
pub use key::{
    AlgorithmFamily, MAX_RSA_MODULUS_BITS, MlDsaParameterSet, NamedCurve, PublicKeyInfo,
};
pub use name::{
    DistinguishedName, GeneralName, GeneralSubtree, MAX_NAME_CONSTRAINT_COMPARISONS, Name, NameKey,
};
pub use ocsp::{
    MAX_OCSP_RESPONSE_LEN, MAX_RESPONDER_CERTS, MAX_SINGLE_RESPONSES, OcspOptions, OcspReport,
    OcspResponder, OcspResponse, OcspResponses,
};
pub use path::{
    ANY_POLICY, Budget, MAX_CRL_SIGNER_NESTING, MAX_INTERMEDIATES, PathEntry, PathValidator,
    Profile, TrustAnchor, ValidatedPath,
};
pub use pss::PssParameters;
pub use reason::RevocationReason;
pub use revocation::{
    CertStatus, FirstOfSources, RevocationMode, RevocationOutcome, RevocationSource, StatusQuery,
};
pub use signed_data::SignedData;
pub use time::UnixTime;
pub use verify::{
    Backend, EcdsaSignatureEncoding, PreparedKey, PreparedKeyCache, SignatureScheme,
    SignatureVerificationAlgorithm, verify_signed_data, verify_signed_data_cached,
};
