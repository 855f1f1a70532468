//! `jpki-verify ocsp`, and `--ocsp` on `chain`, on the openssl-made vectors/ocsp.

mod common;

use common::{code, json, repo, repo_arg, run};
use jpki_verify::UnixTime;

fn v(name: &str) -> String {
    repo_arg(&format!("vectors/ocsp/{name}"))
}

/// The response's thisUpdate plus `secs`, as an `--at` argument.
fn after(name: &str, secs: i64) -> String {
    let text = std::fs::read_to_string(repo("vectors/ocsp/manifest.json")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
    let this = UnixTime::parse_rfc3339(manifest[name]["this_update"].as_str().unwrap()).unwrap();
    UnixTime::from_unix_seconds(this.as_unix_seconds() + secs).to_string()
}

fn ocsp(response: &str, leaf: &str, extra: &[&str]) -> std::process::Output {
    let at = after(response, 600);
    let (resp, cert, issuer) = (
        v(&format!("{response}.der")),
        v(&format!("{leaf}.der")),
        v("ca.der"),
    );
    let mut args = vec![
        "--response",
        &resp,
        "--cert",
        &cert,
        "--issuer",
        &issuer,
        "--at",
        &at,
        "--json",
    ];
    args.extend_from_slice(extra);
    run("ocsp", &args)
}

#[test]
fn good_response_exits_zero_with_the_report() {
    let out = ocsp("good-delegated", "leaf", &[]);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    let report = json(&out);
    assert_eq!(report["status"], "good");
    assert_eq!(report["responder"]["kind"], "delegated");
    assert_eq!(
        report["responder"]["name"],
        "CN=OCSP responder, O=JPKI Test"
    );
    assert_eq!(report["this_update"], after("good-delegated", 0));
    let out = ocsp("good-ca-sha256", "leaf", &[]);
    assert_eq!(code(&out), 0);
    assert_eq!(json(&out)["responder"]["kind"], "ca");
}

#[test]
fn revoked_and_unknown_exit_one() {
    let out = ocsp("revoked", "revoked-leaf", &[]);
    assert_eq!(code(&out), 1);
    let report = json(&out);
    assert_eq!(report["status"], "revoked");
    assert_eq!(report["revocation"]["reason"], "keyCompromise");
    assert_eq!(report["revocation"]["date"], "2026-01-01T00:00:00Z");
    let out = ocsp("unknown", "unknown-leaf", &[]);
    assert_eq!(code(&out), 1);
    assert_eq!(json(&out)["status"], "unknown");
}

#[test]
fn refused_responses_name_their_error() {
    let cases = [
        ("other-serial", "leaf", &[][..], "ocsp-cert-id-mismatch"),
        (
            "by-responder-noeku",
            "leaf",
            &[][..],
            "ocsp-unauthorized-responder",
        ),
        (
            "by-responder-other-ca",
            "leaf",
            &[][..],
            "ocsp-unauthorized-responder",
        ),
        (
            "by-responder-expired",
            "leaf",
            &[][..],
            "ocsp-responder-expired",
        ),
        (
            "good-ca",
            "leaf",
            &["--nonce", "00112233"][..],
            "ocsp-nonce-missing",
        ),
        (
            "good-delegated",
            "leaf",
            &["--nonce", "00112233"][..],
            "ocsp-nonce-mismatch",
        ),
        ("unauthorized", "leaf", &[][..], "ocsp-unsuccessful"),
    ];
    for (response, leaf, extra, kind) in cases {
        let out = if response == "unauthorized" {
            let (resp, cert, issuer) = (v("unauthorized.der"), v("leaf.der"), v("ca.der"));
            run(
                "ocsp",
                &[
                    "--response",
                    &resp,
                    "--cert",
                    &cert,
                    "--issuer",
                    &issuer,
                    "--json",
                ],
            )
        } else {
            ocsp(response, leaf, extra)
        };
        assert_eq!(code(&out), 1, "{response}");
        assert_eq!(json(&out)["error"]["kind"], kind, "{response}");
    }
    // Stale: an hour after a response whose nextUpdate is one minute after thisUpdate.
    let (resp, cert, issuer, at) = (
        v("stale.der"),
        v("leaf.der"),
        v("ca.der"),
        after("stale", 3600),
    );
    let out = run(
        "ocsp",
        &[
            "--response",
            &resp,
            "--cert",
            &cert,
            "--issuer",
            &issuer,
            "--at",
            &at,
            "--json",
        ],
    );
    assert_eq!(code(&out), 1);
    assert_eq!(json(&out)["error"]["kind"], "ocsp-stale");
}

#[test]
fn bad_arguments_exit_two() {
    let out = ocsp("good-ca", "leaf", &["--nonce", "xyz"]);
    assert_eq!(code(&out), 2);
    let (cert, issuer) = (v("leaf.der"), v("ca.der"));
    let out = run(
        "ocsp",
        &[
            "--response",
            "/nonexistent",
            "--cert",
            &cert,
            "--issuer",
            &issuer,
        ],
    );
    assert_eq!(code(&out), 2);
}

fn chain_with_ocsp(response: &str, leaf: &str) -> std::process::Output {
    let (anchor, resp, leaf, at) = (
        v("ca.der"),
        v(&format!("{response}.der")),
        v(&format!("{leaf}.der")),
        after(response, 600),
    );
    run(
        "chain",
        &[
            "--anchor",
            &anchor,
            "--ocsp",
            &resp,
            "--revocation",
            "require",
            "--at",
            &at,
            "--json",
            &leaf,
        ],
    )
}

#[test]
fn chain_requires_revocation_from_ocsp_alone() {
    let out = chain_with_ocsp("good-delegated", "leaf");
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(json(&out)["path"][0]["revocation"], "Good");
    let out = chain_with_ocsp("revoked", "revoked-leaf");
    assert_eq!(code(&out), 1);
    assert_eq!(json(&out)["error"]["kind"], "revoked");
    // No OCSP response for this leaf and no CRL: unknown, refused.
    let out = chain_with_ocsp("revoked", "leaf");
    assert_eq!(code(&out), 1);
    assert_eq!(json(&out)["error"]["kind"], "revocation-status-unknown");
}

#[test]
fn cms_takes_ocsp_responses_as_a_revocation_source() {
    let (anchor, resp, doc, at) = (
        v("ca.der"),
        v("good-delegated.der"),
        v("cms-leaf-plain.der"),
        after("good-delegated", 600),
    );
    let base = [
        "--anchor",
        &anchor,
        "--revocation",
        "require",
        "--at",
        &at,
        "--json",
    ];
    let mut with = base.to_vec();
    with.extend(["--ocsp", &resp, &doc]);
    let out = run("cms", &with);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    // Without the response there is no revocation information at all.
    let mut without = base.to_vec();
    without.push(&doc);
    let out = run("cms", &without);
    assert_eq!(code(&out), 1);
}

#[test]
fn oversized_response_file_is_an_input_error() {
    // Over the cap (the largest response the library parses, in PEM): refused before parsing.
    let path = std::env::temp_dir().join(format!("ocsp-cli-oversized-{}.der", std::process::id()));
    std::fs::write(&path, vec![0u8; 1024 * 1024]).unwrap();
    let (resp, cert, issuer) = (
        path.to_string_lossy().into_owned(),
        v("leaf.der"),
        v("ca.der"),
    );
    let out = run(
        "ocsp",
        &[
            "--response",
            &resp,
            "--cert",
            &cert,
            "--issuer",
            &issuer,
            "--json",
        ],
    );
    std::fs::remove_file(&path).unwrap();
    assert_eq!(code(&out), 2);
    let message = json(&out)["error"]["message"].as_str().unwrap().to_owned();
    assert!(message.contains("OCSP response file"), "{message}");
}
