//! The seam between verification and algorithm policy: a verified signature and the path
//! it rests on, handed to a judge (the sunset tables of [`crate::policy`] are one), and the
//! judge's report.
//!
//! Verification layers (CMS, and later timestamps) call a `&dyn SignatureJudge` without
//! knowing what rules it applies; the policy layer implements it and never repeats how a
//! path or a signature is taken apart.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use crate::{PublicKeyInfo, SignatureVerificationAlgorithm, UnixTime, ValidatedPath};

/// The outcome for one signature.
///
/// Ordered from best to worst, so the overall verdict of several judgements is the maximum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// The table accepts it.
    Accept,
    /// The table accepts it as deprecated or legacy: report a warning.
    AcceptWithWarning,
    /// The table rejects it (disallowed, or not covered by the table).
    Reject,
}

impl Verdict {
    /// `accept`, `accept-with-warning` or `reject`.
    pub const fn id(self) -> &'static str {
        match self {
            Verdict::Accept => "accept",
            Verdict::AcceptWithWarning => "accept-with-warning",
            Verdict::Reject => "reject",
        }
    }

    /// Whether the signature is accepted (possibly with a warning).
    pub const fn is_accepted(self) -> bool {
        !matches!(self, Verdict::Reject)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A verified signature to judge, with the validated path of its signer's certificate.
#[derive(Clone, Copy, Debug)]
pub struct JudgedSignature<'a> {
    /// A label for reports, e.g. `signer 0`.
    pub label: &'a str,
    /// The algorithm object that verified the signature.
    pub algorithm: &'static dyn SignatureVerificationAlgorithm,
    /// The signer's key.
    pub key: PublicKeyInfo,
    /// When the signature was made, if the caller accepts a time for it (a proven time, or
    /// a claimed one the caller opted into); `None`: unknown, so the judge must assume it
    /// was made at `verified_at`.
    pub created_at: Option<UnixTime>,
    /// When the signature is being verified (the judge's "now").
    pub verified_at: UnixTime,
    /// The signer certificate's validated path (its own signatures are judged as made at
    /// each certificate's notBefore).
    pub path: &'a ValidatedPath,
}

/// What a judge concluded about one signature and its path.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PolicyReport {
    /// The judge's name (a sunset table's qualified name).
    pub table: String,
    /// The worst verdict over the signature and the path's certificates.
    pub verdict: Verdict,
    /// Every judgement, one line each (creation and verification of the signature, then of
    /// each certificate's signature).
    pub findings: Vec<String>,
}

impl PolicyReport {
    /// A report with this verdict and findings.
    pub fn new(table: String, verdict: Verdict, findings: Vec<String>) -> Self {
        Self {
            table,
            verdict,
            findings,
        }
    }
}

/// Judges whether the algorithms a verified signature rests on are acceptable.
pub trait SignatureJudge: Send + Sync {
    /// The judgement of `signature` and its path.
    fn judge_signature(&self, signature: &JudgedSignature<'_>) -> PolicyReport;
}
