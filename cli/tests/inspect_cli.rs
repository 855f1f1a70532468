//! `jpki-verify inspect` end to end: migration-world certificates, the real J-LIS roots
//! (from ../shared when present), several certificates per file, and bad input.

mod common;

use std::path::PathBuf;
use std::process::Output;

use common::{json, repo_arg, run};

fn world(path: &str) -> String {
    repo_arg(&format!("vectors/migration-world/certs/{path}"))
}

fn inspect(args: &[&str]) -> Output {
    run("inspect", args)
}

/// A scratch file under the target directory, unique per test.
fn scratch(name: &str, bytes: &[u8]) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("inspect_cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn rsa_card_and_its_root_with_a_sunset_verdict() {
    let out = inspect(&[
        "--json",
        "--sunset",
        "cryptrec-ls0003",
        "--at",
        "2031-06-01T00:00:00Z",
        &world("sign-leaf-rsa-card.pem"),
        &world("sign-root-gen3-rsa.der"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = json(&out);
    assert_eq!(report["ok"], true);
    let leaf = &report["files"][0]["certificates"][0];
    assert_eq!(
        leaf["subject"],
        "C=JP, L=Tokyo, L=Chiyoda-ku, CN=202405MWS0000000301A"
    );
    assert_eq!(leaf["serial"], "10000301");
    assert_eq!(leaf["validity_at"], "expired");
    assert_eq!(leaf["key"]["bits"], 2048);
    assert_eq!(
        leaf["signature_algorithm"]["name"],
        "sha256WithRSAEncryption"
    );
    assert_eq!(leaf["signature_algorithm"]["algorithm"], "rsa-pkcs1-sha256");
    // The issuer was among the inputs, so its key is known exactly.
    assert_eq!(
        leaf["signature_algorithm"]["signer_key_source"],
        "issuer-in-input"
    );
    assert_eq!(leaf["jpki"]["kind"], "signing");
    assert_eq!(leaf["jpki"]["card_generation"], "rsa-2048");
    assert_eq!(leaf["jpki"]["conforms"], true);
    assert_eq!(leaf["pin"], serde_json::Value::Null);
    let policies = leaf["extensions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "certificatePolicies")
        .unwrap();
    assert_eq!(policies["critical"], true);
    // Basic four: raw values beside the assumed readings.
    let four = &leaf["basic_four"];
    assert_eq!(four["name"], "公的\u{3000}吉郎");
    assert_eq!(four["name_substitute_positions"]["raw"], "00010");
    assert_eq!(
        four["name_substitute_positions"]["assumed_positions"],
        serde_json::json!([3])
    );
    assert_eq!(four["sex"]["meaning"], "male");
    assert_eq!(four["birth_date"]["raw"], "419900115");
    assert_eq!(four["birth_date"]["digits"]["era_digit"], 4);
    assert_eq!(four["birth_date"]["digits"]["assumed_era"], "Heisei");
    // Issued 2024 (create: accept), verified 2031 (legacy): accepted with a warning.
    assert_eq!(leaf["sunset"]["verdict"], "accept-with-warning");
    let findings = leaf["sunset"]["findings"].as_array().unwrap();
    assert_eq!(findings[0]["use"], "create");
    assert_eq!(findings[0]["at"], "2024-05-01");
    assert_eq!(findings[1]["verdict"], "accept-with-warning");

    let root = &report["files"][1]["certificates"][0];
    assert_eq!(root["jpki"]["kind"], "unpinned-root");
    assert_eq!(
        root["jpki"]["description"],
        "J-LIS-DN signing root, not pinned"
    );
    assert_eq!(
        root["signature_algorithm"]["signer_key_source"],
        "self-signed"
    );
    assert_eq!(root["basic_four"], serde_json::Value::Null);
}

#[test]
fn ec_card_alone_infers_the_issuer_key_and_falls_to_ir8547_in_2036() {
    let out = inspect(&[
        "--json",
        "--sunset",
        "nist-ir8547",
        "--at",
        "2036-06-01T00:00:00Z",
        &world("sign-leaf-ec-card.der"),
    ]);
    // A rejection by the table is content, not a failure to inspect.
    assert_eq!(out.status.code(), Some(0));
    let cert = &json(&out)["files"][0]["certificates"][0];
    assert_eq!(cert["key"]["curve"], "P-384");
    assert_eq!(cert["jpki"]["card_generation"], "ec-p384");
    assert_eq!(
        cert["signature_algorithm"]["signer_key_source"],
        "inferred-from-signature"
    );
    assert_eq!(cert["signature_algorithm"]["signer_key"]["curve"], "P-384");
    assert_eq!(
        cert["signature_algorithm"]["algorithm"],
        "ecdsa-p384-sha384"
    );
    assert_eq!(cert["sunset"]["verdict"], "reject");
}

#[test]
fn several_certificates_in_one_pem_file_and_text_output() {
    let mut pem = std::fs::read(world("auth-leaf-ec-card.pem")).unwrap();
    pem.extend(std::fs::read(world("sign-link-gen2-by-gen1.pem")).unwrap());
    pem.extend(std::fs::read(world("auth-root-ec1-p384.pem")).unwrap());
    let file = scratch("three.pem", &pem);
    let out = inspect(&["--json", "--at", "2030-01-01T00:00:00Z", &file]);
    assert_eq!(out.status.code(), Some(0));
    let certs = json(&out)["files"][0]["certificates"].clone();
    let kinds: Vec<&str> = certs
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["jpki"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["user-authentication", "link-or-cross", "unpinned-root"]
    );
    assert!(
        certs[0]["label"]
            .as_str()
            .unwrap()
            .ends_with("three.pem[0]")
    );
    // The auth leaf's issuer (the EC auth root) is in the same file.
    assert_eq!(
        certs[0]["signature_algorithm"]["signer_key_source"],
        "issuer-in-input"
    );
    assert_eq!(certs[1]["jpki"]["purpose"], "signing");

    let out = inspect(&["--at", "2030-01-01T00:00:00Z", &file]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("JPKI user-authentication certificate (basis: policy)"));
    assert!(text.contains("J-LIS-DN signing CA link or cross certificate (not a root)"));
    assert!(text.contains("J-LIS-DN user-authentication root, not pinned"));
    assert!(text.contains("profile:  conforms"));
    assert!(!text.contains("basic four"));
}

#[test]
fn real_jlis_root_shows_its_pin() {
    let dir = std::env::var_os("JPKI_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
    let root = dir.join("reference/jpki-roots/sign-ca-gen3-2023.pem");
    if !root.exists() {
        assert_ne!(
            std::env::var("CI").as_deref(),
            Ok("true"),
            "{} missing",
            root.display()
        );
        eprintln!(
            "SKIPPED: {} not found (set JPKI_SHARED_DIR)",
            root.display()
        );
        return;
    }
    let out = inspect(&[
        "--json",
        "--at",
        "2026-06-02T00:00:00Z",
        &root.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let cert = &json(&out)["files"][0]["certificates"][0];
    assert_eq!(cert["jpki"]["kind"], "pinned-root");
    assert_eq!(cert["jpki"]["basis"], "pin");
    assert_eq!(
        cert["jpki"]["description"],
        "J-LIS signing root, generation 3 (pinned)"
    );
    assert_eq!(cert["pin"]["generation"], 3);
    assert_eq!(cert["pin"]["serial"], "067C6A21");
    assert_eq!(cert["jpki"]["conforms"], true);
}

#[test]
fn unparsable_certificate_is_reported_with_exit_1() {
    let garbage = scratch("garbage.der", b"\x30\x03\x02\x01\x01");
    let out = inspect(&[
        "--json",
        "--at",
        "2026-06-02T00:00:00Z",
        &world("sign-leaf-gen2.der"),
        &garbage,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    assert_eq!(report["ok"], false);
    assert_eq!(
        report["files"][0]["certificates"][0]["jpki"]["kind"],
        "signing"
    );
    assert_eq!(
        report["files"][1]["certificates"][0]["error"]["kind"],
        "malformed-certificate"
    );
    // A PEM block that is not a certificate.
    let crl = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../vectors/migration-world/crls/sign-gen3-20260601.crl.pem");
    let out = inspect(&["--at", "2026-06-02T00:00:00Z", &crl.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("not CERTIFICATE"));
}

#[test]
fn unreadable_input_and_unknown_table_exit_2() {
    let out = inspect(&[
        "--json",
        "/nonexistent/cert.pem",
        &world("sign-leaf-gen2.der"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let report = json(&out);
    assert_eq!(report["files"][0]["error"]["kind"], "input");
    // The readable file is still inspected.
    assert_eq!(
        report["files"][1]["certificates"][0]["jpki"]["kind"],
        "signing"
    );
    let out = inspect(&["--sunset", "no-such-table", &world("sign-leaf-gen2.der")]);
    assert_eq!(out.status.code(), Some(2));
}

/// The Composite ML-DSA draft's self-signed certificate (vectors/composite): the key is
/// named by the composite object and the self-signature verifies.
#[test]
fn a_composite_ml_dsa_certificate_prints_its_key_and_verifies_its_self_signature() {
    let extract: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::repo(
            "vectors/composite/draft-testvectors-extract.json",
        ))
        .unwrap(),
    )
    .unwrap();
    let b64 = extract["tests"][0]["x5c"].as_str().unwrap().trim_end_matches('=');
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let (mut der, mut acc, mut bits) = (Vec::new(), 0u32, 0u32);
    for c in b64.bytes() {
        acc = (acc << 6) | ALPHABET.iter().position(|&a| a == c).unwrap() as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            der.push((acc >> bits) as u8);
        }
    }
    let path = scratch("composite-mldsa44-p256.der", &der);
    let out = inspect(&[&path]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("key:        composite-ml-dsa (composite-mldsa44-ecdsa-p256-sha256)"),
        "{text}"
    );
    assert!(
        text.contains("signature:  id-MLDSA44-ECDSA-P256-SHA256 (1.3.6.1.5.5.7.6.40, composite-mldsa44-ecdsa-p256-sha256); signed by composite-ml-dsa (its own key: self-signed)"),
        "{text}"
    );
}
