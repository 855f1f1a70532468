//! Algorithm sunset policy: dated tables as data, judged per use and per time, with
//! exposure analysis.
//!
//! A [`Table`] holds [`Rule`]s keyed by algorithm family, key strength (RSA modulus bits, a
//! named curve or parameter set, or security bits under the table's own equivalence), hash
//! and use - [`Use::Create`] (signing a document, issuing a certificate or CRL) or
//! [`Use::Verify`] (verifying an existing signature). Each rule has dated [`Phase`]s:
//! acceptable, deprecated or legacy (accepted with a warning), disallowed; and cites its
//! source.
//!
//! The built-in tables ([`BUILTIN_TABLES`], found by name with [`builtin`]) are constant
//! data, usable without `std`: CRYPTREC LS-0003, NIST SP 800-131A Rev. 2 and the Rev. 3
//! draft, the NIST IR 8547 draft, BSI TR-02102-1 and `jpki-migration`, the project's
//! recommended reading for JPKI verifiers. With the `std` feature a table can be loaded
//! from TOML ([`Table::from_toml`]); [`Table::to_toml`] writes one.
//!
//! ```
//! use jpki_verify::HashAlgorithm;
//! use jpki_verify::policy::{AlgorithmDescriptor, Date, Use, Verdict, builtin};
//!
//! let cryptrec = builtin("cryptrec-ls0003@2022").unwrap();
//! let rsa2048 = AlgorithmDescriptor::rsa(2048, HashAlgorithm::Sha256);
//! let at = |s: &str| s.parse::<Date>().unwrap();
//!
//! assert_eq!(cryptrec.evaluate(&rsa2048, Use::Create, at("2030-12-31")).verdict, Verdict::Accept);
//! assert_eq!(cryptrec.evaluate(&rsa2048, Use::Create, at("2031-01-01")).verdict, Verdict::Reject);
//! let verify = cryptrec.evaluate(&rsa2048, Use::Verify, at("2031-06-01"));
//! assert_eq!(verify.verdict, Verdict::AcceptWithWarning);
//! assert_eq!(verify.deciding().unwrap().rule.id, "112-verify");
//! ```
//!
//! Semantics, the tables' sources and the reading choices are in `docs/policy.md`.

mod date;
mod error;
mod evaluate;
mod export;
mod exposure;
mod generations;
mod judge;
#[cfg(feature = "std")]
mod load;
mod model;
mod tables;
mod validate;

pub use crate::{JudgedSignature, PolicyReport, SignatureJudge};
pub use date::{Date, DateParseError};
pub use error::{PolicyTableError, PolicyTableErrorKind};
pub use evaluate::{Assessment, Decision, Finding, RuleOutcome, SignedItem};
pub use exposure::{
    CertificateExposure, Crossing, IssuancePlan, PlanCrossing, PlanError, PlanExposure, Sunset,
};
pub use generations::{
    CardGeneration, GenerationExposure, GenerationOutcome, JPKI_CARD_GENERATIONS,
};
pub use model::{
    AlgorithmDescriptor, AlgorithmFamily, HashSelector, KeyStrength, ParameterSet, Phase, Rule,
    Status, StrengthClass, StrengthSelector, Table, Use, UseSelector, Verdict, hash_from_id,
    hash_id,
};
pub use tables::{
    BSI_TR_02102_1, BUILTIN_TABLES, CRYPTREC_LS0003, JPKI_MIGRATION, NIST_IR8547_DRAFT,
    NIST_SP800_131A_REV2, NIST_SP800_131A_REV3_DRAFT, builtin,
};
pub use validate::{MAX_EQUIVALENCE_CLASSES, MAX_RULES, MAX_TABLE_LEN};
