//! Exposure analysis: which sunsets a certificate's validity, or a planned issuance,
//! runs past, and by how many days.
//!
//! Day counts are inclusive of both ends of a validity: a certificate valid through
//! 2031-03-31 is valid on 90 days on or after the 2031-01-01 sunset (January 31, February
//! 28, March 31), which is also `2031-03-31 - 2030-12-31`.

use alloc::vec::Vec;
use core::fmt;

use super::date::Date;
use super::model::{AlgorithmDescriptor, Rule, Status, Table, Use, Verdict};

/// A date on which a rule governing an algorithm changes phase, for one use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sunset<'t> {
    /// The first day of the new phase (the sunset of "through 2030" is 2031-01-01).
    pub date: Date,
    /// The use whose phase changes.
    pub usage: Use,
    /// The rule that changes phase.
    pub rule: &'t Rule,
    /// The rule's status on the day before.
    pub before: Status,
    /// The rule's status from `date` on.
    pub after: Status,
    /// The table's overall verdict for the algorithm in this use on the day before.
    pub verdict_before: Verdict,
    /// The table's overall verdict for the algorithm in this use on `date`.
    pub verdict_after: Verdict,
}

impl Sunset<'_> {
    /// The last day of the old phase (e.g. 2030-12-31).
    pub fn last_day_before(&self) -> Option<Date> {
        self.date.previous_day()
    }
}

impl fmt::Display for Sunset<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {} -> {} (rule `{}`; verdict {} -> {})",
            self.date,
            self.usage,
            self.before,
            self.after,
            self.rule.id,
            self.verdict_before,
            self.verdict_after
        )
    }
}

/// How one certificate's validity relates to one sunset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Crossing<'t> {
    /// The sunset.
    pub sunset: Sunset<'t>,
    /// Whether the validity spans the sunset: issued before it, still valid on it.
    pub crossed: bool,
    /// Whether the certificate was issued on or after the sunset (entirely in the new
    /// phase).
    pub issued_on_or_after: bool,
    /// Days of validity on or after the sunset date (0 when it expires before).
    pub days_past: i64,
}

/// The exposure of one certificate: every sunset of its algorithm, crossed or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateExposure<'t> {
    /// The algorithm judged (usually the certified key with the hash it signs with).
    pub algorithm: AlgorithmDescriptor,
    /// First day of validity.
    pub not_before: Date,
    /// Last day of validity.
    pub not_after: Date,
    /// One entry per sunset of the algorithm, chronological.
    pub crossings: Vec<Crossing<'t>>,
}

impl CertificateExposure<'_> {
    /// Whether the validity reaches any sunset (spans it, or starts after it).
    pub fn is_exposed(&self) -> bool {
        self.crossings.iter().any(|c| c.days_past > 0)
    }
}

/// A projected issuance: certificates for `algorithm` issued every day from `first_issue`
/// through `last_issue`, each valid for `validity_years` (through the same calendar day
/// that many years later; see [`Date::checked_add_years`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IssuancePlan {
    /// The algorithm of the certified keys.
    pub algorithm: AlgorithmDescriptor,
    /// First issue date.
    pub first_issue: Date,
    /// Last issue date.
    pub last_issue: Date,
    /// Validity of each certificate, in years.
    pub validity_years: u16,
}

impl IssuancePlan {
    /// The last day of validity of a certificate issued on `issued`.
    pub fn expiry(&self, issued: Date) -> Option<Date> {
        issued.checked_add_years(self.validity_years)
    }
}

/// Why an [`IssuancePlan`] cannot be analysed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PlanError {
    /// The last issue date is before the first.
    IssueDatesOutOfOrder,
    /// The validity is zero years, or runs past 9999-12-31.
    ValidityOutOfRange,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanError::IssueDatesOutOfOrder => {
                f.write_str("the last issue date is before the first issue date")
            }
            PlanError::ValidityOutOfRange => {
                f.write_str("the validity must be at least one year and end by 9999-12-31")
            }
        }
    }
}

impl core::error::Error for PlanError {}

/// How a planned issuance relates to one sunset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanCrossing<'t> {
    /// The sunset.
    pub sunset: Sunset<'t>,
    /// The first and last issue dates whose certificates span the sunset (issued before,
    /// valid on it); `None` if none do.
    pub crossing_issues: Option<(Date, Date)>,
    /// How many issue days produce a certificate spanning the sunset.
    pub crossing_issue_days: i64,
    /// Days past the sunset of the first crossing certificate (the least exposed).
    pub min_days_past: i64,
    /// Days past the sunset of the last crossing certificate (the most exposed).
    pub max_days_past: i64,
    /// The plan's issue dates on or after the sunset, if any: certificates issued in the
    /// new phase.
    pub issued_on_or_after: Option<(Date, Date)>,
}

/// The exposure of an issuance plan: every sunset of its algorithm.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanExposure<'t> {
    /// The plan.
    pub plan: IssuancePlan,
    /// The last day of validity of the last certificate issued.
    pub last_expiry: Date,
    /// One entry per sunset of the algorithm, chronological.
    pub crossings: Vec<PlanCrossing<'t>>,
}

impl PlanExposure<'_> {
    /// Whether any planned certificate is valid on or after any sunset.
    pub fn is_exposed(&self) -> bool {
        self.crossings
            .iter()
            .any(|c| c.crossing_issues.is_some() || c.issued_on_or_after.is_some())
    }
}

impl Table {
    /// Every date on which a rule governing `algorithm` changes phase, for each use it
    /// governs, chronological (then create before verify, then table order). Boundaries
    /// between two phases of the same status are not sunsets.
    pub fn sunsets(&self, algorithm: &AlgorithmDescriptor) -> Vec<Sunset<'_>> {
        let bits = self.security_bits(algorithm.key);
        let mut sunsets = Vec::new();
        for usage in [Use::Create, Use::Verify] {
            for rule in self.rules.iter() {
                if !rule.matches(algorithm, usage, bits) {
                    continue;
                }
                for pair in rule.phases.windows(2) {
                    let (old, new) = (&pair[0], &pair[1]);
                    let Some(date) = new.from else { continue };
                    if old.status == new.status {
                        continue;
                    }
                    let verdict_after = self.evaluate(algorithm, usage, date).verdict;
                    let verdict_before = date.previous_day().map_or(verdict_after, |d| {
                        self.evaluate(algorithm, usage, d).verdict
                    });
                    sunsets.push(Sunset {
                        date,
                        usage,
                        rule,
                        before: old.status,
                        after: new.status,
                        verdict_before,
                        verdict_after,
                    });
                }
            }
        }
        // Stable: equal dates keep create-before-verify and table order.
        sunsets.sort_by_key(|s| s.date);
        sunsets
    }

    /// How the validity `not_before..=not_after` of a certificate for `algorithm` relates
    /// to each sunset of the algorithm.
    pub fn certificate_exposure(
        &self,
        algorithm: &AlgorithmDescriptor,
        not_before: Date,
        not_after: Date,
    ) -> CertificateExposure<'_> {
        let crossings = self
            .sunsets(algorithm)
            .into_iter()
            .map(|sunset| {
                let start = if not_before > sunset.date {
                    not_before
                } else {
                    sunset.date
                };
                let days_past = if not_after >= start {
                    start.days_until(not_after) + 1
                } else {
                    0
                };
                Crossing {
                    sunset,
                    crossed: not_before < sunset.date && sunset.date <= not_after,
                    issued_on_or_after: not_before >= sunset.date,
                    days_past,
                }
            })
            .collect();
        CertificateExposure {
            algorithm: *algorithm,
            not_before,
            not_after,
            crossings,
        }
    }

    /// How a planned issuance relates to each sunset of its algorithm: which issue dates
    /// produce certificates spanning it, and by how many days.
    pub fn plan_exposure(&self, plan: &IssuancePlan) -> Result<PlanExposure<'_>, PlanError> {
        if plan.last_issue < plan.first_issue {
            return Err(PlanError::IssueDatesOutOfOrder);
        }
        if plan.validity_years == 0 {
            return Err(PlanError::ValidityOutOfRange);
        }
        let last_expiry = plan
            .expiry(plan.last_issue)
            .ok_or(PlanError::ValidityOutOfRange)?;
        let crossings = self
            .sunsets(&plan.algorithm)
            .into_iter()
            .map(|sunset| plan_crossing(plan, sunset))
            .collect();
        Ok(PlanExposure {
            plan: *plan,
            last_expiry,
            crossings,
        })
    }
}

fn plan_crossing<'t>(plan: &IssuancePlan, sunset: Sunset<'t>) -> PlanCrossing<'t> {
    let date = sunset.date;
    // Expiry is non-decreasing in the issue date and always representable here (the last
    // issue's expiry was checked), so the crossing issue dates are one contiguous range.
    let expiry = |issued: Date| plan.expiry(issued).unwrap_or(Date::MAX);
    let days_past = |issued: Date| date.days_until(expiry(issued)) + 1;

    let issued_on_or_after =
        (plan.last_issue >= date).then(|| (plan.first_issue.max(date), plan.last_issue));

    let before_sunset = date.previous_day().map(|d| d.min(plan.last_issue));
    let crossing_issues = match before_sunset {
        Some(hi) if hi >= plan.first_issue && expiry(hi) >= date => {
            // Smallest issue date in first_issue..=hi whose certificate reaches the sunset.
            let (mut lo_day, mut hi_day) = (
                plan.first_issue.days_since_unix_epoch(),
                hi.days_since_unix_epoch(),
            );
            while lo_day < hi_day {
                let mid = lo_day + (hi_day - lo_day) / 2;
                let mid_date = Date::from_days_since_unix_epoch(mid).unwrap_or(hi);
                if expiry(mid_date) >= date {
                    hi_day = mid;
                } else {
                    lo_day = mid + 1;
                }
            }
            let lo = Date::from_days_since_unix_epoch(lo_day).unwrap_or(hi);
            Some((lo, hi))
        }
        _ => None,
    };
    let (crossing_issue_days, min_days_past, max_days_past) = match crossing_issues {
        Some((lo, hi)) => (lo.days_until(hi) + 1, days_past(lo), days_past(hi)),
        None => (0, 0, 0),
    };
    PlanCrossing {
        sunset,
        crossing_issues,
        crossing_issue_days,
        min_days_past,
        max_days_past,
        issued_on_or_after,
    }
}
