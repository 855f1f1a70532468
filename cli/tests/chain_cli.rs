//! `jpki-verify chain` end to end on the migration-world vectors.

mod common;

use std::process::Output;

use common::{json, repo_arg, run};

fn world(path: &str) -> String {
    repo_arg(&format!("vectors/migration-world/{path}"))
}

fn chain(args: &[&str]) -> Output {
    run("chain", args)
}

#[test]
fn rsa_card_validates_with_current_crl_and_jpki_policy() {
    let (anchor, crl, leaf) = (
        world("certs/sign-root-gen3-rsa.pem"),
        world("crls/sign-gen3-20260601.crl.pem"),
        world("certs/sign-leaf-rsa-card.pem"),
    );
    let out = chain(&[
        "--anchor",
        &anchor,
        "--crl",
        &crl,
        "--revocation",
        "require",
        "--at",
        "2026-06-02T00:00:00Z",
        "--initial-policy",
        "1.2.392.200149.8.5.1.1.20",
        "--require-explicit-policy",
        "--json",
        &leaf,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let report = json(&out);
    assert_eq!(report["valid"], true);
    assert_eq!(report["path"][0]["signature_algorithm"], "rsa-pkcs1-sha256");
    assert_eq!(report["policies"][0], "1.2.392.200149.8.5.1.1.20");
}

#[test]
fn ec_card_through_cross_certificate_to_the_rsa_root() {
    let (anchor, cross, leaf) = (
        world("certs/sign-root-gen3-rsa.pem"),
        world("certs/sign-cross-ec1-by-gen3.pem"),
        world("certs/sign-leaf-ec-card.pem"),
    );
    let out = chain(&[
        "--anchor",
        &anchor,
        "--intermediate",
        &cross,
        "--at",
        "2028-07-01T00:00:00Z",
        "--json",
        &leaf,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let report = json(&out);
    let algs: Vec<&str> = report["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["signature_algorithm"].as_str().unwrap())
        .collect();
    assert_eq!(algs, ["ecdsa-p384-sha384", "rsa-pkcs1-sha256"]);
}

#[test]
fn revoked_certificate_exits_1_with_its_reason() {
    let (anchor, crl, leaf) = (
        world("certs/sign-root-gen3-rsa.pem"),
        world("crls/sign-gen3-20260601.crl.pem"),
        world("certs/sign-leaf-revoked-gen3.pem"),
    );
    let out = chain(&[
        "--anchor",
        &anchor,
        "--crl",
        &crl,
        "--revocation",
        "require",
        "--at",
        "2026-06-02T00:00:00Z",
        "--json",
        &leaf,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!(report["error"]["kind"], "revoked");
    assert!(
        report["error"]["message"]
            .as_str()
            .unwrap()
            .contains("keyCompromise")
    );
}

#[test]
fn sunset_table_rejection_exits_1_beside_a_valid_path() {
    // The P-384 card certificate is valid until 2038, but NIST IR 8547 (draft) disallows
    // ECDSA from 2036.
    let (anchor, leaf) = (
        world("certs/sign-root-ec1-p384.pem"),
        world("certs/sign-leaf-ec-card.pem"),
    );
    let out = chain(&[
        "--anchor",
        &anchor,
        "--at",
        "2036-01-01T00:00:00Z",
        "--sunset",
        "nist-ir8547",
        "--json",
        &leaf,
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let report = json(&out);
    assert_eq!(report["sunset"]["verdict"], "reject");
    assert_eq!(report["error"]["kind"], "sunset-policy-reject");
    // Same path under CRYPTREC: P-384 is fine through 2070.
    let out = chain(&[
        "--anchor",
        &anchor,
        "--at",
        "2036-01-01T00:00:00Z",
        "--sunset",
        "cryptrec-ls0003",
        &leaf,
    ]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn missing_anchor_file_exits_2() {
    let leaf = world("certs/sign-leaf-rsa-card.pem");
    let out = chain(&[
        "--anchor",
        "/nonexistent/root.pem",
        "--at",
        "2026-06-02T00:00:00Z",
        &leaf,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/root.pem"));
}

#[test]
fn required_eku_refuses_a_leaf_certified_for_another_purpose() {
    let eku = |name: &str| repo_arg(&format!("vectors/eku/{name}.pem"));
    let run_with = |purpose: &str| {
        chain(&[
            "--anchor",
            &eku("root"),
            "--intermediate",
            &eku("ca-tsa"),
            "--at",
            "2028-01-01T00:00:00Z",
            "--required-eku",
            purpose,
            "--json",
            &eku("tsa-under-ca"),
        ])
    };
    let ok = run_with("timeStamping");
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    // By OID, the same purpose.
    assert_eq!(run_with("1.3.6.1.5.5.7.3.8").status.code(), Some(0));
    // The CA above the leaf allows timeStamping only.
    let refused = run_with("serverAuth");
    assert_eq!(refused.status.code(), Some(1));
    let report = json(&refused);
    assert_eq!(report["error"]["kind"], "required-eku-missing");
    // Not a purpose name or an OID: a usage error.
    assert_eq!(run_with("server-auth").status.code(), Some(2));
}

#[test]
fn strict_profile_holds_the_path_to_the_issuer_rules() {
    let vector = |name: &str| repo_arg(&format!("vectors/profile/{name}.pem"));
    let run = |leaf: &str, strict: bool| {
        let mut args = vec!["--anchor".to_string(), vector("root")];
        args.extend(["--at", "2028-01-01T00:00:00Z", "--json"].map(String::from));
        if strict {
            args.push("--strict-profile".into());
        }
        args.push(vector(leaf));
        chain(&args.iter().map(String::as_str).collect::<Vec<_>>())
    };
    assert_eq!(run("leaf", true).status.code(), Some(0));
    // Without an authorityKeyIdentifier: RFC 5280 section 6 accepts, the strict profile not.
    assert_eq!(run("leaf-no-aki", false).status.code(), Some(0));
    let refused = run("leaf-no-aki", true);
    assert_eq!(refused.status.code(), Some(1));
    let report = json(&refused);
    assert_eq!(report["error"]["kind"], "non-conforming-certificate");
}
