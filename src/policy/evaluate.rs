//! Judging signatures against a table: one use at one date, and the two-sided judgement of
//! certificate chains and signed documents.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use super::date::Date;
use super::model::{AlgorithmDescriptor, Phase, Rule, Table, Use, Verdict};

/// How one matching rule judged a signature.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuleOutcome<'t> {
    /// The rule.
    pub rule: &'t Rule,
    /// The phase in force at the date judged; `None` if the rule's phases do not cover the
    /// date (only possible in a table that did not pass [`Table::validate`]), which
    /// rejects.
    pub phase: Option<&'t Phase>,
    /// The phase's verdict.
    pub verdict: Verdict,
}

impl fmt::Display for RuleOutcome<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "rule `{}` ({}): ", self.rule.id, self.rule.citation)?;
        match self.phase {
            Some(phase) => write!(f, "{phase}"),
            None => f.write_str("no phase covers the date"),
        }
    }
}

/// The judgement of one signature, in one use, at one date, by one table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision<'t> {
    /// The table that judged.
    pub table: &'t Table,
    /// The signature judged.
    pub algorithm: AlgorithmDescriptor,
    /// The use judged.
    pub usage: Use,
    /// The date judged.
    pub at: Date,
    /// The verdict: the worst of the matching rules', or [`Verdict::Reject`] when the
    /// algorithm is not covered.
    pub verdict: Verdict,
    /// Whether a rule that constrains the key (see [`Rule::constrains_key`]) matched.
    pub covered: bool,
    /// Every matching rule's outcome, in table order.
    pub outcomes: Vec<RuleOutcome<'t>>,
}

impl<'t> Decision<'t> {
    /// The outcome that decided: the first matching rule whose verdict is the decision's.
    /// `None` when the algorithm is not covered and no rule rejected it.
    pub fn deciding(&self) -> Option<&RuleOutcome<'t>> {
        self.outcomes.iter().find(|o| o.verdict == self.verdict)
    }

    /// A one-line reason naming the deciding rule and its source, or saying that the table
    /// does not cover the algorithm.
    pub fn reason(&self) -> String {
        match self.deciding() {
            Some(outcome) => format!("{outcome}"),
            None => format!(
                "not covered by table {}: no rule governs the key of {} for {}",
                self.table.qualified_name(),
                self.algorithm,
                self.usage
            ),
        }
    }
}

impl fmt::Display for Decision<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} {} at {} under {}: {}",
            self.verdict,
            self.usage,
            self.algorithm,
            self.at,
            self.table.qualified_name(),
            self.reason()
        )
    }
}

impl Table {
    /// Judges a signature of `algorithm` in `usage` on `at`.
    ///
    /// Every rule that matches the algorithm's family, strength and hash in this use
    /// applies, and the verdict is the worst of their phases' verdicts on `at`: key rules
    /// (hash `any`) and hash rules (a list of hashes) combine, so RSA-2048 with SHA-1 is
    /// judged by both the 112-bit rule and the SHA-1 rule.
    ///
    /// **Not covered**: when no matching rule constrains the key (no rule with hash
    /// `any` matches - for example RSA-1024 under a table that only rates 2048 bits and up,
    /// or a family the table does not mention), the verdict is [`Verdict::Reject`] with the
    /// reason "not covered by table": a table is an allow-list, and what its source does not
    /// speak about is not accepted by default.
    pub fn evaluate(&self, algorithm: &AlgorithmDescriptor, usage: Use, at: Date) -> Decision<'_> {
        let bits = self.security_bits(algorithm.key);
        let mut outcomes = Vec::new();
        let mut covered = false;
        for rule in self.rules.iter() {
            if !rule.matches(algorithm, usage, bits) {
                continue;
            }
            covered |= rule.constrains_key();
            let phase = rule.phase_at(at);
            let verdict = phase.map_or(Verdict::Reject, |p| p.status.verdict());
            outcomes.push(RuleOutcome {
                rule,
                phase,
                verdict,
            });
        }
        let worst = outcomes.iter().map(|o| o.verdict).max();
        let verdict = match (covered, worst) {
            (true, Some(worst)) => worst,
            _ => Verdict::Reject,
        };
        Decision {
            table: self,
            algorithm: *algorithm,
            usage,
            at,
            verdict,
            covered,
            outcomes,
        }
    }

    /// Judges the signatures a validated certificate path relies on.
    ///
    /// Each item is one certificate's signature (by its issuer's key; leave out the trust
    /// anchor's self-signature, which nothing relies on), with `created_at` set to the
    /// certificate's notBefore: it is judged as a [`Use::Create`] at issuance and as a
    /// [`Use::Verify`] at `validation_time`. The overall verdict is the worst; every
    /// judgement is reported.
    pub fn evaluate_chain(
        &self,
        certificates: &[SignedItem<'_>],
        validation_time: Date,
    ) -> Assessment<'_> {
        self.assess(certificates, validation_time)
    }

    /// Judges the signatures on a signed document (one item per signer; a CMS
    /// countersignature or timestamp is another item).
    ///
    /// Each signature is judged as a [`Use::Create`] at its signing time and as a
    /// [`Use::Verify`] at `validation_time`. When the signing time is unknown
    /// (`created_at: None`) the creation is judged at `validation_time` - nothing proves the
    /// signature is older - so for example an RSA-2048 signature without a trusted signing
    /// time is rejected by CRYPTREC's table from 2031 on, while one with a signing time in
    /// 2030 is accepted as legacy. The finding records that the date was assumed.
    pub fn evaluate_document(
        &self,
        signatures: &[SignedItem<'_>],
        validation_time: Date,
    ) -> Assessment<'_> {
        self.assess(signatures, validation_time)
    }

    /// Judges one signature as created at `signed_at` (unknown: `validation_time`) and
    /// verified at `validation_time`; see [`Table::evaluate_document`].
    pub fn evaluate_signature(
        &self,
        algorithm: &AlgorithmDescriptor,
        signed_at: Option<Date>,
        validation_time: Date,
    ) -> Assessment<'_> {
        let item = SignedItem {
            label: "signature",
            algorithm: *algorithm,
            created_at: signed_at,
        };
        self.assess(core::slice::from_ref(&item), validation_time)
    }

    pub(super) fn assess(&self, items: &[SignedItem<'_>], validation_time: Date) -> Assessment<'_> {
        let mut findings = Vec::with_capacity(items.len() * 2);
        for item in items {
            let (created, assumed) = match item.created_at {
                Some(date) => (date, false),
                None => (validation_time, true),
            };
            findings.push(Finding {
                label: item.label.into(),
                at_assumed: assumed,
                decision: self.evaluate(&item.algorithm, Use::Create, created),
            });
            findings.push(Finding {
                label: item.label.into(),
                at_assumed: false,
                decision: self.evaluate(&item.algorithm, Use::Verify, validation_time),
            });
        }
        let verdict = findings
            .iter()
            .map(|f| f.decision.verdict)
            .max()
            .unwrap_or(Verdict::Accept);
        Assessment {
            table: self,
            validation_time,
            verdict,
            findings,
            unjudged: Vec::new(),
        }
    }
}

/// One signature to judge: the input of [`Table::evaluate_chain`] and
/// [`Table::evaluate_document`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SignedItem<'a> {
    /// A label for reports, e.g. the certificate's subject or `signer 1`.
    pub label: &'a str,
    /// The signature's algorithm and key.
    pub algorithm: AlgorithmDescriptor,
    /// When it was made: a certificate's notBefore, a document's signing time; `None` when
    /// unknown.
    pub created_at: Option<Date>,
}

/// One judgement within an [`Assessment`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding<'t> {
    /// The item's label.
    pub label: String,
    /// Whether the date is the validation time standing in for an unknown signing time.
    pub at_assumed: bool,
    /// The judgement (its `usage` and `at` say which side this is).
    pub decision: Decision<'t>,
}

impl fmt::Display for Finding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.decision;
        write!(f, "{}: {} {} at {}", self.label, d.usage, d.algorithm, d.at)?;
        if self.at_assumed {
            f.write_str(" (signing time unknown: validation time used)")?;
        }
        write!(f, ": {}: {}", d.verdict, d.reason())
    }
}

/// The judgement of a chain or a document: the worst verdict and every finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment<'t> {
    /// The table that judged.
    pub table: &'t Table,
    /// The validation time.
    pub validation_time: Date,
    /// The worst verdict of all findings ([`Verdict::Accept`] when there was nothing to
    /// judge).
    pub verdict: Verdict,
    /// Two findings per item (creation, then verification), in input order.
    pub findings: Vec<Finding<'t>>,
    /// Signatures the table could not judge at all (a key or scheme it cannot describe, a
    /// date outside its calendar), one line each; any makes the verdict
    /// [`Verdict::Reject`].
    pub unjudged: Vec<String>,
}

impl<'t> Assessment<'t> {
    /// The findings accepted with a warning.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding<'t>> {
        self.findings
            .iter()
            .filter(|f| f.decision.verdict == Verdict::AcceptWithWarning)
    }

    /// The findings that reject.
    pub fn rejections(&self) -> impl Iterator<Item = &Finding<'t>> {
        self.findings
            .iter()
            .filter(|f| f.decision.verdict == Verdict::Reject)
    }
}

impl fmt::Display for Assessment<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} under {} at {}",
            self.verdict,
            self.table.qualified_name(),
            self.validation_time
        )?;
        for line in &self.unjudged {
            write!(f, "\n  {line}: reject")?;
        }
        for finding in &self.findings {
            write!(f, "\n  {finding}")?;
        }
        Ok(())
    }
}
