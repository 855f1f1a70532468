//! `jpki-verify demo`: runs on the bundled vectors with no arguments and prints the
//! expected verdicts.

mod common;

use std::process::{Command, Output};

fn demo(args: &[&str]) -> Output {
    common::run("demo", args)
}

/// The table row for document `doc`, date `day` and table `table`.
fn row<'t>(text: &'t str, doc: &str, day: &str, table: &str) -> &'t str {
    text.lines()
        .find(|l| {
            let cells: Vec<&str> = l.split_whitespace().collect();
            cells.len() > 3 && cells[0] == doc && cells[1] == day && cells[2] == table
        })
        .unwrap_or_else(|| panic!("no row {doc} {day} {table} in\n{text}"))
}

#[test]
fn demo_runs_without_arguments_and_shows_the_migration() {
    let out = demo(&[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    const CRYPTREC: &str = "cryptrec-ls0003@2022";
    const NIST: &str = "nist-ir8547@2024-draft";
    let expected = [
        // The RSA card's document: fine today ...
        ("A", "2026-06-02", CRYPTREC, "ACCEPTED"),
        ("A", "2026-06-02", NIST, "ACCEPTED"),
        // ... legacy (CRYPTREC) or deprecated (NIST) after 2030, validated at signing time ...
        ("A", "2031-06-01", CRYPTREC, "ACCEPTED (legacy)"),
        ("A", "2031-06-01", NIST, "ACCEPTED (deprecated)"),
        // ... and disallowed by IR 8547 from 2036.
        ("A", "2036-06-01", CRYPTREC, "ACCEPTED (legacy)"),
        ("A", "2036-06-01", NIST, "REJECTED (sunset)"),
        // The EC card's document: accepted throughout by CRYPTREC, not by IR 8547 in 2036.
        ("B", "2030-01-01", CRYPTREC, "ACCEPTED"),
        ("B", "2031-06-01", NIST, "ACCEPTED"),
        ("B", "2036-06-01", CRYPTREC, "ACCEPTED"),
        ("B", "2036-06-01", NIST, "REJECTED (sunset)"),
        // Controls.
        ("C", "2026-06-02", CRYPTREC, "REJECTED (revoked)"),
        ("D", "2026-06-02", CRYPTREC, "REJECTED (crypto)"),
    ];
    for (doc, day, table, verdict) in expected {
        let line = row(&text, doc, day, table);
        assert!(line.trim_end().ends_with(verdict), "{line}");
    }
    assert!(row(&text, "A", "2031-06-01", CRYPTREC).contains("valid at signing"));
    assert!(!row(&text, "A", "2026-06-02", CRYPTREC).contains(" legacy "));
    assert!(text.contains("card -> sign-root-gen3-rsa"));
    assert!(text.contains("card -> sign-root-ec1-p384"));
    // Reasons are wrapped at 100 columns: compare with whitespace collapsed.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("legacy from 2031-01-01 (rule `112-verify`)"));
    assert!(flat.contains("disallowed from 2036-01-01 (rule `rsa-112`)"));
    assert!(flat.contains("the signer certificate had expired (2029-04-30)"));
}

#[test]
fn demo_json_names_roots_crls_and_verdicts() {
    let out = demo(&["--json", "--table", "jpki-migration"]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = report["rows"].as_array().unwrap();
    // 3 dates for each card document, 1 for each control; one table.
    assert_eq!(rows.len(), 8);
    assert!(rows.iter().all(|r| r["table"] == "jpki-migration@2025"));
    let find = |doc: &str, at: &str| {
        rows.iter()
            .find(|r| r["document"] == doc && r["at"] == at)
            .unwrap()
    };
    let a_now = find("A", "2026-06-02T00:00:00Z");
    assert_eq!(a_now["path"]["root"], "sign-root-gen3-rsa");
    assert_eq!(a_now["path"]["crl"], "sign-gen3-20260601");
    assert_eq!(a_now["path"]["validated_at"], "2026-06-02T00:00:00Z");
    let a_late = find("A", "2031-06-01T00:00:00Z");
    assert_eq!(a_late["path"]["fallback_reason"], "cert-expired");
    assert_eq!(a_late["path"]["validated_at"], "2026-05-15T09:00:00Z");
    assert_eq!(a_late["sunset"]["word"], "legacy");
    assert_eq!(a_late["final"], "ACCEPTED (legacy)");
    let b_late = find("B", "2036-06-01T00:00:00Z");
    assert_eq!(b_late["path"]["root"], "sign-root-ec1-p384");
    assert_eq!(b_late["path"]["fallback_reason"], "crl-not-current");
    assert_eq!(b_late["final"], "ACCEPTED");
    assert_eq!(
        find("C", "2026-06-02T00:00:00Z")["path"]["error"],
        "revoked"
    );
    assert_eq!(find("D", "2026-06-02T00:00:00Z")["crypto"]["ok"], false);
}

#[test]
fn demo_without_vectors_exits_2() {
    let out = demo(&["--vectors", "/nonexistent/vectors"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--vectors"));
}

#[test]
fn readme_shows_the_current_demo_output() {
    let repo = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = Command::new(env!("CARGO_BIN_EXE_jpki-verify"))
        .arg("demo")
        .current_dir(&repo)
        .output()
        .expect("binary runs");
    assert_eq!(out.status.code(), Some(0));
    let output = String::from_utf8(out.stdout).unwrap();
    let readme = std::fs::read_to_string(repo.join("README.md")).unwrap();
    let start = readme
        .find("```text\njpki-verify demo:")
        .expect("README shows the demo")
        + 8;
    let end = start + readme[start..].find("\n```").unwrap() + 1;
    assert_eq!(
        &readme[start..end],
        output,
        "README.md's demo output is stale: paste the output of `cargo run --release -- demo`"
    );
}
