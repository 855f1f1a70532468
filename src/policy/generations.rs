//! Card generations against a sunset table: which generation's certificates are still valid
//! on the day the table stops accepting their algorithm for verification (NIST IR 8547's
//! 2036-01-01 for RSA and ECDSA), and what a post-quantum (ML-DSA) card would avoid.

use alloc::vec::Vec;

use super::date::Date;
use super::model::{AlgorithmDescriptor, ParameterSet, Table, Use, Verdict};
use crate::HashAlgorithm;

/// A card generation as an issuance plan: certificates for `algorithm` issued from
/// `first_issue` through `last_issue`, each valid `validity_years`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CardGeneration {
    /// A short name, e.g. `RSA-2048 card`.
    pub name: &'static str,
    /// The certified key and the hash its signatures use.
    pub algorithm: AlgorithmDescriptor,
    /// First issue date.
    pub first_issue: Date,
    /// Last issue date of the cohort analysed.
    pub last_issue: Date,
    /// Validity of each certificate, in years.
    pub validity_years: u16,
    /// Whether the generation is a what-if (no such card is planned).
    pub hypothetical: bool,
}

const fn day(year: u16, month: u8, d: u8) -> Date {
    match Date::new(year, month, d) {
        Some(date) => date,
        None => panic!("invalid date"),
    }
}

/// The JPKI signing-certificate generations the exposure analysis compares (the facts in
/// `docs/jpki-profile.md`): today's RSA-2048 card (certificates of up to 5 years, the last
/// issued under the current scheme valid about three months into 2031); the next card's
/// first cohort (ECDSA on a 384-bit curve, SHA-384, 10-year certificates, from FY2028);
/// and the same cohort as a what-if ML-DSA-65 card (FIPS 204 category 3, the P-384 card's
/// strength class).
pub const JPKI_CARD_GENERATIONS: [CardGeneration; 3] = [
    CardGeneration {
        name: "RSA-2048 card (current)",
        algorithm: AlgorithmDescriptor::rsa(2048, HashAlgorithm::Sha256),
        first_issue: day(2016, 1, 1),
        last_issue: day(2026, 3, 31),
        validity_years: 5,
        hypothetical: false,
    },
    CardGeneration {
        name: "ECDSA P-384 card (FY2028 cohort)",
        algorithm: AlgorithmDescriptor::named(ParameterSet::P384, Some(HashAlgorithm::Sha384)),
        first_issue: day(2028, 4, 1),
        last_issue: day(2029, 3, 31),
        validity_years: 10,
        hypothetical: false,
    },
    CardGeneration {
        name: "ML-DSA-65 card (post-quantum what-if, FY2028 cohort)",
        algorithm: AlgorithmDescriptor::named(ParameterSet::MlDsa65, None),
        first_issue: day(2028, 4, 1),
        last_issue: day(2029, 3, 31),
        validity_years: 10,
        hypothetical: true,
    },
];

/// How a generation's certificates fare under one table, for verification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenerationOutcome {
    /// The table does not accept the algorithm even on the first issue date (it does not
    /// cover it, or already rejects it).
    NotAcceptedAtIssue,
    /// Certificates are still valid on `rejected_from`, the first day the table rejects the
    /// algorithm: the last one by `days_past` days (inclusive).
    CrossesRejection {
        /// The first day of rejection.
        rejected_from: Date,
        /// Days of the last certificate's validity on or after that day.
        days_past: i64,
    },
    /// The table rejects the algorithm from `rejected_from`, after every certificate has
    /// expired.
    ExpiresBeforeRejection {
        /// The first day of rejection.
        rejected_from: Date,
    },
    /// The table never rejects the algorithm.
    NeverRejected,
}

/// One generation under one table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GenerationExposure {
    /// The generation.
    pub generation: CardGeneration,
    /// The last day of validity of its last certificate.
    pub last_expiry: Date,
    /// The outcome for verification.
    pub outcome: GenerationOutcome,
}

impl GenerationExposure {
    /// Whether some certificate of the generation outlives the table's acceptance.
    pub fn crosses_rejection(&self) -> bool {
        matches!(self.outcome, GenerationOutcome::CrossesRejection { .. })
    }
}

impl Table {
    /// Each generation under this table (verification use): whether its certificates
    /// outlive the table's acceptance of its algorithm (a last expiry past 9999-12-31 is
    /// taken as [`Date::MAX`]).
    pub fn generations_exposure(&self, generations: &[CardGeneration]) -> Vec<GenerationExposure> {
        generations
            .iter()
            .map(|g| {
                let last_expiry = g
                    .last_issue
                    .checked_add_years(g.validity_years)
                    .unwrap_or(Date::MAX);
                GenerationExposure {
                    generation: *g,
                    last_expiry,
                    outcome: self.generation_outcome(g, last_expiry),
                }
            })
            .collect()
    }

    fn generation_outcome(&self, g: &CardGeneration, last_expiry: Date) -> GenerationOutcome {
        let alg = &g.algorithm;
        if self.evaluate(alg, Use::Verify, g.first_issue).verdict == Verdict::Reject {
            return GenerationOutcome::NotAcceptedAtIssue;
        }
        let rejected_from = self
            .sunsets(alg)
            .into_iter()
            .filter(|s| s.usage == Use::Verify && s.date > g.first_issue)
            .find(|s| s.verdict_after == Verdict::Reject)
            .map(|s| s.date);
        match rejected_from {
            None => GenerationOutcome::NeverRejected,
            Some(date) if last_expiry >= date => GenerationOutcome::CrossesRejection {
                rejected_from: date,
                days_past: date.days_until(last_expiry) + 1,
            },
            Some(date) => GenerationOutcome::ExpiresBeforeRejection {
                rejected_from: date,
            },
        }
    }
}
