//! `jpki-verify sig` end to end: exit codes 0 / 1 / 2 and the JSON shape.

mod common;

use std::path::PathBuf;
use std::process::Output;

use common::{json, repo, run};

fn keys(name: &str) -> PathBuf {
    repo(&format!("vectors/keys/{name}"))
}

fn sig(args: &[&str]) -> Output {
    run("sig", args)
}

fn sig_with(key: &str, alg: &str, signature: PathBuf, extra: &[&str]) -> Output {
    let key = keys(key);
    let message = keys("message.txt");
    let mut args = vec![
        "--key",
        key.to_str().unwrap(),
        "--alg",
        alg,
        "--message",
        message.to_str().unwrap(),
        "--signature",
        signature.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    sig(&args)
}

#[test]
fn rsa_2048_and_p384_samples_verify() {
    let rsa = sig_with(
        "rsa2048.spki.der",
        "rsa-pkcs1-sha256",
        keys("rsa-pkcs1-sha256.sig"),
        &[],
    );
    assert_eq!(
        rsa.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&rsa.stdout)
    );
    // PEM private-key files are not keys for verification, but the PEM SPKI path works:
    let p384 = sig_with(
        "p384.spki.der",
        "ecdsa-p384-sha384",
        keys("ecdsa-p384-sha384.sig"),
        &["--json"],
    );
    assert_eq!(p384.status.code(), Some(0));
    let report = json(&p384);
    assert_eq!(report["valid"], true);
    assert_eq!(report["key"]["curve"], "P-384");
    let raw = sig_with(
        "p384.spki.der",
        "ecdsa-p384-sha384-p1363",
        keys("ecdsa-p384-sha384-p1363.sig"),
        &[],
    );
    assert_eq!(raw.status.code(), Some(0));
}

#[test]
fn corrupted_signature_exits_1_with_kind() {
    let mut corrupted = std::fs::read(keys("rsa-pkcs1-sha256.sig")).unwrap();
    corrupted[100] ^= 0x01;
    let path = std::env::temp_dir().join(format!("jpki-corrupt-{}.sig", std::process::id()));
    std::fs::write(&path, &corrupted).unwrap();
    let out = sig_with(
        "rsa2048.spki.der",
        "rsa-pkcs1-sha256",
        path.clone(),
        &["--json"],
    );
    std::fs::remove_file(&path).ok();
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!(report["valid"], false);
    assert_eq!(report["error"]["kind"], "bad-signature");
    assert!(
        report["error"]["message"]
            .as_str()
            .unwrap()
            .contains("does not verify")
    );
}

#[test]
fn malformed_key_exits_1() {
    let out = sig_with(
        "message.txt",
        "ecdsa-p384-sha384",
        keys("ecdsa-p384-sha384.sig"),
        &["--json"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["error"]["kind"], "malformed-public-key");
}

#[test]
fn missing_file_exits_2_with_a_clear_message() {
    let out = sig_with(
        "rsa2048.spki.der",
        "rsa-pkcs1-sha256",
        keys("no-such-file.sig"),
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot read") && stderr.contains("no-such-file.sig"),
        "{stderr}"
    );
}

#[test]
fn unknown_algorithm_is_a_usage_error() {
    let out = sig_with(
        "rsa2048.spki.der",
        "rsa-pkcs1-md5",
        keys("rsa-pkcs1-sha256.sig"),
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn pem_public_key_is_accepted() {
    // Build a PEM SPKI on the fly: the PEM path of the key reader.
    let der = std::fs::read(keys("p256.spki.der")).unwrap();
    let pem = pem_rfc7468::encode_string("PUBLIC KEY", pem_rfc7468::LineEnding::LF, &der).unwrap();
    let path = std::env::temp_dir().join(format!("jpki-p256-{}.pem", std::process::id()));
    std::fs::write(&path, pem).unwrap();
    let message = keys("message.txt");
    let signature = keys("ecdsa-p256-sha256.sig");
    let out = sig(&[
        "--key",
        path.to_str().unwrap(),
        "--alg",
        "ecdsa-p256-sha256",
        "--message",
        message.to_str().unwrap(),
        "--signature",
        signature.to_str().unwrap(),
    ]);
    std::fs::remove_file(&path).ok();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
