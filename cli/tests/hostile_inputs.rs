//! Issue 16, the CLI half: every input bounded, exit codes and messages consistent. One
//! generated input per hostile case; each run must end quickly (a generous bound: the point
//! is "does not hang, does not allocate without bound", not speed).

mod common;

use std::fs::File;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use common::der::{rsa_spki, unverifiable_certificate};
use common::{code, json, repo, repo_arg};

/// Far above what any case needs in a debug build, far below "hangs".
const QUICK: Duration = Duration::from_secs(5);

/// A scratch path under the target directory, unique per test.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile_inputs");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn scratch_file(name: &str, bytes: &[u8]) -> String {
    let path = scratch(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

/// A sparse file of `len` bytes: no disk or time spent on its contents.
fn sparse_file(name: &str, len: u64) -> String {
    let path = scratch(name);
    File::create(&path).unwrap().set_len(len).unwrap();
    path.to_string_lossy().into_owned()
}

/// Runs `jpki-verify ARGS...` and checks that it ended within [`QUICK`].
fn run_quick(args: &[&str]) -> Output {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_jpki-verify"))
        .args(args)
        .output()
        .expect("binary runs");
    let took = start.elapsed();
    assert!(took < QUICK, "{args:?} took {took:?}");
    out
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn world(rel: &str) -> String {
    repo_arg(&format!("vectors/migration-world/{rel}"))
}

/// Asserts exit 2 and that stderr contains `message`.
fn assert_input_error(out: &Output, message: &str) {
    assert_eq!(code(out), 2, "stderr: {}", stderr(out));
    assert!(stderr(out).contains(message), "stderr: {}", stderr(out));
}

#[test]
fn inspect_bounds_the_issuer_search_over_a_thousand_same_name_certificates() {
    // 1,000 self-issued certificates, all named CN=Same, none verifiable: before the
    // budget every one was tried against every other (a million ECDSA verifications).
    let spki = std::fs::read(repo("vectors/keys/p256.spki.der")).unwrap();
    let mut pem = String::new();
    for serial in 1..=1000 {
        let der = unverifiable_certificate(serial, "Same", "Same", &spki);
        pem.push_str(
            &pem_rfc7468::encode_string("CERTIFICATE", pem_rfc7468::LineEnding::LF, &der).unwrap(),
        );
    }
    let file = scratch_file("same-name.pem", pem.as_bytes());
    let out = run_quick(&["inspect", "--json", "--at", "2026-01-01T00:00:00Z", &file]);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    assert!(
        stderr(&out).contains("signature-check budget exhausted (200 checks)"),
        "stderr: {}",
        stderr(&out)
    );
    let report = json(&out);
    assert_eq!(report["signature_checks"]["budget"], 200);
    assert_eq!(report["signature_checks"]["used"], 200);
    assert_eq!(report["signature_checks"]["exhausted"], true);
    let certs = report["files"][0]["certificates"].as_array().unwrap();
    assert_eq!(certs.len(), 1000);
    let last = &certs[999]["signature_algorithm"];
    assert_eq!(last["issuer_search_budget_exhausted"], true);
    assert_eq!(last["signer_key_source"], "inferred-from-signature");
}

#[test]
fn inspect_does_not_compare_every_pair_of_names() {
    // 5,000 certificates with distinct names, none issued by another: no signature to
    // check, but pairwise name comparison alone took minutes before the index by name.
    let spki = std::fs::read(repo("vectors/keys/p256.spki.der")).unwrap();
    let mut pem = String::new();
    for serial in 1..=5000 {
        let der = unverifiable_certificate(
            serial,
            &format!("Subject {serial}"),
            &format!("Issuer {serial}"),
            &spki,
        );
        pem.push_str(
            &pem_rfc7468::encode_string("CERTIFICATE", pem_rfc7468::LineEnding::LF, &der).unwrap(),
        );
    }
    let file = scratch_file("distinct-names.pem", pem.as_bytes());
    let out = run_quick(&["inspect", "--json", "--at", "2026-01-01T00:00:00Z", &file]);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["signature_checks"]["used"], 0);
    assert_eq!(report["signature_checks"]["exhausted"], false);
    assert_eq!(
        report["files"][0]["certificates"].as_array().unwrap().len(),
        5000
    );
}

#[test]
fn a_sparse_oversized_crl_is_refused_before_it_is_read() {
    let crl = sparse_file("huge.crl", 1 << 30);
    let out = run_quick(&[
        "chain",
        "--anchor",
        &world("certs/sign-root-gen3-rsa.der"),
        "--crl",
        &crl,
        &world("certs/sign-leaf-rsa-card.der"),
    ]);
    assert_input_error(&out, &format!("{crl} is larger than "));
    assert!(stderr(&out).contains("bytes (the limit for a CRL file)"));
}

#[test]
fn oversized_inputs_name_their_limit_in_every_subcommand() {
    // One byte over each cap: the message names the file, the cap and the kind.
    let over = |name: &str, limit: u64| sparse_file(name, limit + 1);
    let sig_file = over("big.sig", 16384);
    let out = run_quick(&[
        "sig",
        "--key",
        &repo_arg("vectors/keys/p256.spki.der"),
        "--alg",
        "ecdsa-p256-sha256",
        "--message",
        &repo_arg("vectors/keys/message.txt"),
        "--signature",
        &sig_file,
    ]);
    assert_input_error(
        &out,
        &format!("{sig_file} is larger than 16384 bytes (the limit for a signature file)"),
    );

    let table = over("big.toml", 1024 * 1024);
    let out = run_quick(&[
        "policy",
        "check",
        "--table",
        &table,
        "--alg",
        "ecdsa-p256-sha256",
        "--use",
        "verify",
        "--at",
        "2026-01-01",
    ]);
    assert_input_error(
        &out,
        &format!("{table} is larger than 1048576 bytes (the limit for a policy table)"),
    );

    let signed = sparse_file("big.p7s", 1 << 30);
    let out = run_quick(&[
        "cms",
        "--anchor",
        &world("certs/sign-root-gen3-rsa.der"),
        "--at",
        "2026-01-01T00:00:00Z",
        &signed,
    ]);
    assert_input_error(&out, "bytes (the limit for a CMS document)");
}

#[cfg(target_os = "linux")]
#[test]
fn dev_zero_is_read_only_up_to_the_cap() {
    // Before, `chain /dev/zero` read until memory ran out; now it stops one byte past the
    // certificate-file cap (a few megabytes).
    let out = run_quick(&[
        "chain",
        "--anchor",
        &world("certs/sign-root-gen3-rsa.der"),
        "/dev/zero",
    ]);
    assert_input_error(
        &out,
        "/dev/zero is larger than 5783808 bytes (the limit for a certificate file)",
    );
    let out = run_quick(&["inspect", "/dev/zero"]);
    assert_input_error(&out, "(the limit for a certificate file)");
}

#[test]
fn a_directory_is_an_input_error_in_every_subcommand() {
    let dir_path = scratch("a-directory");
    std::fs::create_dir_all(&dir_path).unwrap();
    let dir = dir_path.to_string_lossy().into_owned();
    let anchor = world("certs/sign-root-gen3-rsa.der");
    let detached = repo_arg("vectors/cms/signed/rsa-card-detached.der");
    let key = repo_arg("vectors/keys/p256.spki.der");
    let message = repo_arg("vectors/keys/message.txt");
    let signature = repo_arg("vectors/keys/ecdsa-p256-sha256.sig");
    let at = "2026-06-02T00:00:00Z";
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![
                "cms",
                "--anchor",
                &anchor,
                "--at",
                at,
                "--content",
                &dir,
                &detached,
            ],
            "a CMS content file",
        ),
        (
            vec!["cms", "--anchor", &anchor, "--at", at, &dir],
            "a CMS document",
        ),
        (
            vec!["chain", "--anchor", &anchor, &dir],
            "a certificate file",
        ),
        (
            vec!["chain", "--anchor", &dir, &anchor],
            "a certificate file",
        ),
        (
            vec!["chain", "--anchor", &anchor, "--crl", &dir, &anchor],
            "a CRL file",
        ),
        (vec!["inspect", &dir], "a certificate file"),
        (
            vec![
                "sig",
                "--key",
                &dir,
                "--alg",
                "ecdsa-p256-sha256",
                "--message",
                &message,
                "--signature",
                &signature,
            ],
            "a public key file",
        ),
        (
            vec![
                "sig",
                "--key",
                &key,
                "--alg",
                "ecdsa-p256-sha256",
                "--message",
                &dir,
                "--signature",
                &signature,
            ],
            "a message file",
        ),
        (
            vec![
                "policy",
                "check",
                "--table",
                &dir,
                "--alg",
                "ecdsa-p256-sha256",
                "--use",
                "verify",
                "--at",
                "2026-01-01",
            ],
            "a policy table",
        ),
        (
            vec!["policy", "exposure", "--table", "cryptrec-ls0003", &dir],
            "a certificate file",
        ),
        (vec!["demo", "--vectors", &dir], "vector manifest"),
    ];
    for (args, kind) in cases {
        let out = run_quick(&args);
        let expected = if args[0] == "demo" {
            // The demo reads files inside the directory it is given.
            "cannot read".to_owned()
        } else {
            format!("{dir} is a directory, not {kind}")
        };
        assert_eq!(code(&out), 2, "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(&expected),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn missing_and_directory_content_exit_alike() {
    // Both are input errors now; a directory used to be "content unreadable" (exit 1).
    let anchor = world("certs/sign-root-gen3-rsa.der");
    let detached = repo_arg("vectors/cms/signed/rsa-card-detached.der");
    let missing = scratch("no-such-content").to_string_lossy().into_owned();
    let dir = scratch("content-dir");
    std::fs::create_dir_all(&dir).unwrap();
    for content in [missing.as_str(), dir.to_str().unwrap()] {
        let out = run_quick(&[
            "cms",
            "--anchor",
            &anchor,
            "--at",
            "2026-06-02T00:00:00Z",
            "--json",
            "--content",
            content,
            &detached,
        ]);
        assert_eq!(code(&out), 2, "{content}: {}", stderr(&out));
        assert_eq!(json(&out)["error"]["kind"], "input");
    }
}

#[test]
fn an_rsa_exponent_longer_than_8_bytes_has_its_own_error() {
    // Odd and > 1, so the old message ("must be odd and > 1") was wrong about it.
    let mut modulus = vec![0xc5u8; 256];
    modulus[255] = 0xc7;
    let key = scratch_file(
        "rsa-e9.spki.der",
        &rsa_spki(&modulus, &[1, 0, 0, 0, 0, 0, 0, 0, 1]),
    );
    let signature = scratch_file("rsa-e9.sig", &[0x42; 256]);
    let out = run_quick(&[
        "sig",
        "--json",
        "--key",
        &key,
        "--alg",
        "rsa-pkcs1-sha256",
        "--message",
        &repo_arg("vectors/keys/message.txt"),
        "--signature",
        &signature,
    ]);
    assert_eq!(code(&out), 1, "stderr: {}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["error"]["kind"], "rsa-exponent-too-large");
    assert_eq!(
        report["error"]["message"],
        "RSA public exponent of 9 bytes is longer than the supported 8 bytes"
    );
}

#[test]
fn a_one_arc_initial_policy_is_not_an_oid() {
    let out = run_quick(&[
        "chain",
        "--anchor",
        &world("certs/sign-root-gen3-rsa.der"),
        "--initial-policy",
        "1",
        &world("certs/sign-leaf-rsa-card.der"),
    ]);
    assert_input_error(&out, "not an OID: `1` (an OID has at least two arcs");
    assert!(!stderr(&out).contains("empty"));
}

#[test]
fn every_time_argument_refuses_year_zero_alike() {
    let anchor = world("certs/sign-root-gen3-rsa.der");
    let leaf = world("certs/sign-leaf-rsa-card.der");
    let signed = repo_arg("vectors/cms/signed/rsa-card-detached.der");
    let year_zero = "0000-01-01T00:00:00Z";
    let range = "is outside 0001-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z";
    let cases: Vec<Vec<&str>> = vec![
        vec!["chain", "--anchor", &anchor, "--at", year_zero, &leaf],
        vec!["cms", "--anchor", &anchor, "--at", year_zero, &signed],
        vec!["inspect", "--at", year_zero, &leaf],
        vec![
            "policy",
            "check",
            "--table",
            "cryptrec-ls0003",
            "--alg",
            "ecdsa-p256-sha256",
            "--use",
            "verify",
            "--at",
            year_zero,
        ],
        vec![
            "policy",
            "check",
            "--table",
            "cryptrec-ls0003",
            "--alg",
            "ecdsa-p256-sha256",
            "--use",
            "verify",
            "--at",
            "0000-01-01",
        ],
    ];
    for args in cases {
        let out = run_quick(&args);
        assert_eq!(code(&out), 2, "{args:?}");
        assert!(stderr(&out).contains(range), "{args:?}: {}", stderr(&out));
    }
    // The same parser: policy now takes an RFC 3339 time (its UTC date), chain a bare date.
    let out = run_quick(&[
        "policy",
        "check",
        "--table",
        "cryptrec-ls0003",
        "--alg",
        "ecdsa-p256-sha256",
        "--use",
        "verify",
        "--at",
        "2026-06-02T12:00:00Z",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = run_quick(&["inspect", "--at", "2026-06-02", &leaf]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn every_help_documents_the_same_exit_codes() {
    let shared = "2  usage or input error: bad arguments, or an input file that is missing";
    for args in [
        &["sig", "--help"][..],
        &["chain", "--help"],
        &["cms", "--help"],
        &["inspect", "--help"],
        &["demo", "--help"],
        &["policy", "--help"],
        &["policy", "check", "--help"],
        &["policy", "exposure", "--help"],
    ] {
        let out = run_quick(args);
        assert_eq!(code(&out), 0, "{args:?}");
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(help.contains("Exit status:\n  0  "), "{args:?}: {help}");
        assert!(help.contains("\n  1  "), "{args:?}: {help}");
        assert!(help.contains(shared), "{args:?}: {help}");
    }
}
