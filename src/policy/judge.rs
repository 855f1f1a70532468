//! The one sunset judge: every signature a verification rests on - a document's and each
//! certificate's on its validated path - judged as a creation when it was made and as a
//! verification when it is checked. CMS (through [`SignatureJudge`]), the JPKI layer and
//! the CLI all call this; nothing else takes a path apart for the tables.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use super::{AlgorithmDescriptor, Assessment, Date, SignedItem, Table, Verdict};
use crate::{
    JudgedSignature, PolicyReport, PublicKeyInfo, SignatureJudge, SignatureVerificationAlgorithm,
    UnixTime, ValidatedPath,
};

/// One signature to judge before it is described to the table.
struct Pending<'a> {
    label: String,
    algorithm: &'a dyn SignatureVerificationAlgorithm,
    key: PublicKeyInfo,
    created_at: Option<UnixTime>,
}

impl Table {
    /// Judges the signatures of a validated path (leaf first; the anchor's own signature is
    /// not part of the path and is not judged): each as created at its certificate's
    /// notBefore and verified at `verified_at`.
    pub fn evaluate_path(&self, path: &ValidatedPath, verified_at: UnixTime) -> Assessment<'_> {
        self.judge_items(path_items(path), verified_at)
    }

    /// Judges a verified signature and its signer's path: the signature as created at
    /// `created_at` (unknown: at `verified_at`, since nothing proves it older) and verified
    /// at `verified_at`, then the path as in [`Table::evaluate_path`].
    pub fn evaluate_signed(&self, signature: &JudgedSignature<'_>) -> Assessment<'_> {
        let mut items = Vec::with_capacity(signature.path.entries().len() + 1);
        items.push(Pending {
            label: signature.label.to_string(),
            algorithm: signature.algorithm,
            key: signature.key,
            created_at: signature.created_at,
        });
        items.extend(path_items(signature.path));
        self.judge_items(items, signature.verified_at)
    }

    fn judge_items<'p>(
        &self,
        pending: impl IntoIterator<Item = Pending<'p>>,
        verified_at: UnixTime,
    ) -> Assessment<'_> {
        let date = |t: UnixTime| Date::from_unix_seconds(t.as_unix_seconds());
        let mut unjudged = Vec::new();
        let Some(at) = date(verified_at) else {
            let mut assessment = self.assess(&[], Date::MIN);
            assessment.unjudged.push(format!(
                "validation time {verified_at} is outside the table's calendar"
            ));
            assessment.verdict = Verdict::Reject;
            return assessment;
        };
        let pending: Vec<Pending<'_>> = pending.into_iter().collect();
        let mut items = Vec::with_capacity(pending.len());
        for p in &pending {
            match AlgorithmDescriptor::from_algorithm(p.algorithm, p.key) {
                Some(algorithm) => items.push(SignedItem {
                    label: &p.label,
                    algorithm,
                    created_at: p.created_at.and_then(date),
                }),
                None => unjudged.push(format!(
                    "{}: {} with an {} key cannot be described to the table",
                    p.label,
                    p.algorithm.name(),
                    p.key
                )),
            }
        }
        let mut assessment = self.assess(&items, at);
        if !unjudged.is_empty() {
            assessment.verdict = Verdict::Reject;
            assessment.unjudged = unjudged;
        }
        assessment
    }
}

fn path_items(path: &ValidatedPath) -> impl Iterator<Item = Pending<'static>> + '_ {
    path.entries().iter().map(|entry| Pending {
        label: entry.certificate().subject().to_string(),
        algorithm: entry.algorithm(),
        key: entry.signer_key(),
        created_at: Some(entry.certificate().validity().not_before),
    })
}

impl SignatureJudge for Table {
    fn judge_signature(&self, signature: &JudgedSignature<'_>) -> PolicyReport {
        let assessment = self.evaluate_signed(signature);
        let findings = assessment
            .unjudged
            .iter()
            .cloned()
            .chain(assessment.findings.iter().map(ToString::to_string))
            .collect();
        PolicyReport::new(self.qualified_name(), assessment.verdict, findings)
    }
}
