//! `jpki-verify cms` end to end over `vectors/cms/`: exit codes 0 / 1 / 2, JSON with
//! per-signer results, the two-signer document under `--signers families:rsa,ecdsa`.

mod common;

use std::process::Output;

use common::{json, repo_arg, run};

fn vectors(rel: &str) -> String {
    repo_arg(&format!("vectors/{rel}"))
}

fn mw(rel: &str) -> String {
    vectors(&format!("migration-world/{rel}"))
}

fn cms(args: &[&str]) -> Output {
    run("cms", args)
}

/// The two-signer documents at the time both cards are valid, RSA gen3 and EC roots trusted.
fn two_signers(file: &str, signers: &str) -> Output {
    let gen3 = mw("certs/sign-root-gen3-rsa.pem");
    let ec1 = mw("certs/sign-root-ec1-p384.der");
    let signed = vectors(&format!("cms/signed/{file}"));
    cms(&[
        "--anchor",
        &gen3,
        "--anchor",
        &ec1,
        "--at",
        "2028-07-01T00:00:00Z",
        "--signers",
        signers,
        "--json",
        &signed,
    ])
}

#[test]
fn two_signer_document_meets_the_rsa_and_ecdsa_requirement() {
    let out = two_signers("two-signers.der", "families:rsa,ecdsa");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let v = json(&out);
    assert_eq!(v["valid"], true);
    assert_eq!(v["requirement"], "families:rsa,ecdsa");
    let signers = v["signers"].as_array().unwrap();
    assert_eq!(signers.len(), 2);
    let mut families: Vec<&str> = signers
        .iter()
        .map(|s| {
            assert_eq!(s["valid"], true);
            assert_eq!(s["signing_time"], "2028-06-15T09:00:00Z");
            assert!(s["path"]["anchor"].as_str().unwrap().contains("JPKI"));
            s["family"].as_str().unwrap()
        })
        .collect();
    families.sort();
    assert_eq!(families, ["ecdsa", "rsa"]);
}

#[test]
fn one_corrupted_signature_fails_the_requirement() {
    for file in [
        "two-signers-ec-corrupted.der",
        "two-signers-rsa-corrupted.der",
    ] {
        let out = two_signers(file, "families:rsa,ecdsa");
        assert_eq!(out.status.code(), Some(1), "{file}");
        let v = json(&out);
        assert_eq!(v["valid"], false);
        assert_eq!(v["error"]["kind"], "cms-signer-requirement-not-met");
        let failed: Vec<_> = v["signers"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["valid"] == false)
            .collect();
        assert_eq!(failed.len(), 1, "{file}");
        assert_eq!(failed[0]["error"]["kind"], "bad-signature");
        // Any one signer suffices: the intact signature carries the document.
        assert_eq!(two_signers(file, "any").status.code(), Some(0), "{file}");
    }
}

#[test]
fn pem_input_with_crl_and_required_revocation() {
    let out = cms(&[
        "--anchor",
        &mw("certs/sign-root-gen3-rsa.pem"),
        "--crl",
        &mw("crls/sign-gen3-20260601.crl.pem"),
        "--revocation",
        "require",
        "--at",
        "2026-06-02T00:00:00Z",
        &vectors("cms/signed/rsa-card-attached.pem"),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.starts_with("valid: 1 of 1 signers verified"), "{text}");
    assert!(text.contains("rsa-pkcs1-sha256"), "{text}");
}

#[test]
fn revoked_signer_reports_the_path_cause() {
    let out = cms(&[
        "--anchor",
        &mw("certs/sign-root-gen3-rsa.der"),
        "--crl",
        &mw("crls/sign-gen3-20260601.crl.der"),
        "--revocation",
        "require",
        "--at",
        "2026-06-02T00:00:00Z",
        "--json",
        &vectors("cms/signed/revoked-leaf.der"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["error"]["kind"], "cms-signer-path");
    assert_eq!(v["signers"][0]["path_error"]["kind"], "revoked");
}

#[test]
fn detached_content_is_streamed_from_the_file() {
    let run = |content: &str| {
        cms(&[
            "--anchor",
            &mw("certs/sign-root-gen3-rsa.der"),
            "--at",
            "2026-06-02T00:00:00Z",
            "--content",
            &vectors(content),
            "--json",
            &vectors("cms/signed/rsa-card-detached.der"),
        ])
    };
    let ok = run("cms/content.txt");
    assert_eq!(ok.status.code(), Some(0));
    assert_eq!(json(&ok)["detached"], true);
    let modified = run("cms/content-modified.txt");
    assert_eq!(modified.status.code(), Some(1));
    assert_eq!(
        json(&modified)["error"]["kind"],
        "cms-message-digest-mismatch"
    );
}

#[test]
fn signing_time_as_validation_time() {
    let run = |when: &[&str]| {
        let mut args = vec!["--anchor".to_owned(), mw("certs/sign-root-gen1-rsa.der")];
        args.extend(when.iter().map(|s| s.to_string()));
        args.extend(["--json".to_owned(), vectors("cms/signed/expired-leaf.der")]);
        cms(&args.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let claimed = run(&["--at-signing-time"]);
    assert_eq!(claimed.status.code(), Some(0));
    let v = json(&claimed);
    assert_eq!(v["validation_time"], "signing-time");
    assert_eq!(v["signers"][0]["validation_time"], "2017-05-01T00:00:00Z");
    let now = run(&["--at", "2026-06-02T00:00:00Z"]);
    assert_eq!(now.status.code(), Some(1));
    assert_eq!(
        json(&now)["signers"][0]["path_error"]["kind"],
        "cert-expired"
    );
}

#[test]
fn sunset_table_decides_sha1() {
    let run = |extra: &[&str]| {
        let anchor = mw("certs/sign-root-gen3-rsa.der");
        let signed = vectors("cms/signed/rsa-card-sha1.der");
        let mut args = vec![
            "--anchor",
            &anchor,
            "--at",
            "2026-06-02T00:00:00Z",
            "--json",
        ];
        args.extend_from_slice(extra);
        args.push(&signed);
        cms(&args)
    };
    let refused = run(&[]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(
        json(&refused)["error"]["kind"],
        "cms-digest-algorithm-not-allowed"
    );
    let judged = run(&["--sunset", "cryptrec-ls0003"]);
    assert_eq!(judged.status.code(), Some(1));
    let v = json(&judged);
    assert_eq!(v["error"]["kind"], "cms-algorithm-rejected");
    assert_eq!(v["signers"][0]["policy"]["verdict"], "reject");
    // A SHA-256 document under the same table.
    let anchor = mw("certs/sign-root-gen3-rsa.der");
    let signed = vectors("cms/signed/rsa-card-attached.der");
    let ok = cms(&[
        "--anchor",
        &anchor,
        "--at",
        "2026-06-02T00:00:00Z",
        "--sunset",
        "cryptrec-ls0003",
        &signed,
    ]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
}

#[test]
fn usage_errors_exit_2() {
    let signed = vectors("cms/signed/two-signers.der");
    let anchor = mw("certs/sign-root-gen3-rsa.der");
    // Neither --at nor --at-signing-time.
    assert_eq!(cms(&["--anchor", &anchor, &signed]).status.code(), Some(2));
    // Both.
    let both = cms(&[
        "--anchor",
        &anchor,
        "--at",
        "2028-07-01T00:00:00Z",
        "--at-signing-time",
        &signed,
    ]);
    assert_eq!(both.status.code(), Some(2));
    // A bad requirement and a bad time.
    let bad = |flag: &str, value: &str| {
        cms(&[
            "--anchor",
            &anchor,
            "--at",
            "2028-07-01T00:00:00Z",
            flag,
            value,
            &signed,
        ])
        .status
        .code()
    };
    assert_eq!(bad("--signers", "families:rsa,dsa"), Some(2));
    assert_eq!(bad("--signers", "most"), Some(2));
    assert_eq!(bad("--at", "yesterday"), Some(2));
    // Unreadable anchor, JSON error shape.
    let out = cms(&[
        "--anchor",
        "/nonexistent/anchor.pem",
        "--at",
        "2028-07-01T00:00:00Z",
        "--json",
        &signed,
    ]);
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert_eq!(v["valid"], false);
    assert_eq!(v["error"]["kind"], "input");
    // An unknown sunset table.
    assert_eq!(bad("--sunset", "no-such-table"), Some(2));
}

#[test]
fn garbage_signed_data_is_a_verification_failure() {
    let anchor = mw("certs/sign-root-gen3-rsa.der");
    let out = cms(&[
        "--anchor",
        &anchor,
        "--at",
        "2028-07-01T00:00:00Z",
        "--json",
        &vectors("cms/content.txt"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["error"]["kind"], "cms-malformed");
}
