//! The demo's proven-time section: the RSA card's document A with a signature-time-stamp
//! token (CAdES-T, `vectors/timestamp/cades/rsa-t.der`) verified in 2036 at the token's
//! genTime, beside the same document resting only on its signing-time claim. A time the
//! signer claims is a claim; only evidence a third party signs is proof.

use std::path::Path;

use jpki_verify::cms::{CmsVerifier, Content, SignerReport, ValidationTime};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{Certificate, PathValidator, TrustAnchor, UnixTime, Verdict};
use serde_json::{Value, json};

use crate::input::{InputKind, read_input};
use crate::pki_args::LoadedTable;
use crate::report::InputError;

/// The verification date of the section: after NIST IR 8547 disallows RSA-2048 (2036-01-01)
/// and after the card certificate (2029) and its root (2033) expired.
const AT: &str = "2036-06-01T00:00:00Z";

pub struct Row {
    document: &'static str,
    table: String,
    basis: &'static str,
    validated_at: Option<UnixTime>,
    verdict: String,
    reason: Option<String>,
}

fn read(root: &Path, rel: &str, kind: InputKind) -> Result<Vec<u8>, InputError> {
    read_input(&root.join(rel), kind)
        .map_err(|e| InputError(format!("{e} (the demo needs the bundled vectors)")))
}

fn anchor(root: &Path, rel: &str) -> Result<TrustAnchor, InputError> {
    let der = read(root, rel, InputKind::Certificate)?;
    Certificate::from_der(&der)
        .map(TrustAnchor::from_certificate)
        .map_err(|e| InputError(format!("{rel}: {e}")))
}

/// One row per document (proven, claimed) and table.
pub fn rows(root: &Path, tables: &[LoadedTable]) -> Result<Vec<Row>, InputError> {
    let anchors = [
        anchor(root, "migration-world/certs/sign-root-gen3-rsa.der")?,
        anchor(root, "timestamp/certs/tsa-root.der")?,
    ];
    let documents = [
        (
            "A+T",
            read(root, "timestamp/cades/rsa-t.der", InputKind::CmsDocument)?,
            ValidationTime::Timestamped,
        ),
        (
            "A",
            read(root, "timestamp/cades/rsa-bes.der", InputKind::CmsDocument)?,
            ValidationTime::SigningTime,
        ),
    ];
    let at = UnixTime::parse_rfc3339(AT).expect("constant time");
    let validator = PathValidator::with_backend(&BACKEND, at);
    let mut rows = Vec::new();
    for (document, der, time) in &documents {
        for table in tables {
            let report = CmsVerifier::new(validator, &anchors)
                .time(*time)
                .sunset(table.get())
                .verify(der, Content::Attached);
            let signer = report.signers.first();
            rows.push(Row {
                document,
                table: table.get().qualified_name(),
                basis: signer.and_then(|s| s.time_basis).map_or("-", |b| b.id()),
                validated_at: signer.and_then(|s| s.validation_time),
                verdict: verdict(report.result, signer),
                reason: signer.and_then(rejection),
            });
        }
    }
    Ok(rows)
}

fn verdict(result: Result<(), jpki_verify::Error>, signer: Option<&SignerReport>) -> String {
    let judged = signer.and_then(|s| s.policy.as_ref()).map(|p| p.verdict);
    match (result, judged) {
        (Ok(()), Some(Verdict::AcceptWithWarning)) => "ACCEPTED (with warning)".to_owned(),
        (Ok(()), _) => "ACCEPTED".to_owned(),
        (Err(_), Some(Verdict::Reject)) => "REJECTED (sunset)".to_owned(),
        (Err(e), _) => format!("REJECTED ({})", e.kind()),
    }
}

/// The finding that rejected the document signature, if any.
fn rejection(signer: &SignerReport) -> Option<String> {
    let policy = signer.policy.as_ref()?;
    policy
        .findings
        .iter()
        .find(|f| f.starts_with("signer 0: verify") && f.contains(": reject: "))
        .cloned()
}

pub fn print(rows: &[Row]) {
    println!();
    println!("Proven time (RFC 3161 timestamp, CAdES-T), verified at {AT}:");
    println!("  A+T: document A with a TSA's token over its signature value (proof of time)");
    println!("  A:   document A with only its signing-time attribute (the signer's claim)");
    println!();
    println!(
        "  {:<4} {:<8} {:<21} {:<24} final",
        "doc", "basis", "validated at", "table"
    );
    for r in rows {
        let at = r
            .validated_at
            .map_or_else(|| "-".to_owned(), |t| t.to_string());
        println!(
            "  {:<4} {:<8} {:<21} {:<24} {}",
            r.document, r.basis, at, r.table, r.verdict
        );
        if let Some(reason) = &r.reason {
            println!("         {}", short(reason));
        }
    }
    println!();
    println!("basis: proven = the token's genTime; claimed = the signing-time attribute, which");
    println!("       the signer wrote itself (a backdated claim looks the same).");
}

/// `rule `x`: <outcome>` from a finding line (the full line is in the JSON).
fn short(finding: &str) -> String {
    let rule = finding
        .split_once("rule `")
        .and_then(|(_, rest)| rest.split_once('`'))
        .map_or("?", |(rule, _)| rule);
    let outcome = finding.rsplit_once("): ").map_or(finding, |(_, o)| o);
    format!("document signature verified in 2036: rule `{rule}`: {outcome}")
}

pub fn json(rows: &[Row]) -> Value {
    json!({
        "at": AT,
        "rows": rows.iter().map(|r| json!({
            "document": r.document,
            "table": r.table,
            "time_basis": r.basis,
            "validated_at": r.validated_at.map(|t| t.to_string()),
            "final": r.verdict,
            "rejection": r.reason,
        })).collect::<Vec<_>>(),
    })
}
