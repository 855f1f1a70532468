//! The C ABI's reports are the command line's: the same inputs through `jpki-verify
//! --json` and through the ABI give equal JSON values (valid and invalid cases).

#![allow(unsafe_code)]

use std::ffi::{CStr, c_char};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::ptr::{null, null_mut};

use jpki_verify_ffi::*;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn path(rel: &str) -> String {
    root().join(rel).to_string_lossy().into_owned()
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(root().join(rel)).unwrap()
}

/// The `jpki-verify` binary of this profile: `cargo test --workspace` has built it for the
/// CLI's tests; alone, `cargo test -p jpki-verify-ffi` builds it here.
fn cli() -> PathBuf {
    let dir = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    let exe = dir.join("jpki-verify");
    if !exe.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let mut build = Command::new(cargo);
        build.args([
            "build",
            "--quiet",
            "-p",
            "jpki-verify-cli",
            "--bin",
            "jpki-verify",
        ]);
        if dir.file_name().is_some_and(|n| n == "release") {
            build.arg("--release");
        }
        assert!(build.current_dir(root()).status().unwrap().success());
    }
    exe
}

fn cli_json(args: &[&str]) -> (i32, Value) {
    let out = Command::new(cli()).args(args).output().unwrap();
    let json = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code().unwrap(), json)
}

fn take(ptr: *mut c_char) -> Value {
    // SAFETY: a report from the library, freed once.
    let text = unsafe { CStr::from_ptr(ptr) }.to_str().unwrap().to_owned();
    // SAFETY: as above.
    unsafe { jpki_string_free(ptr) };
    serde_json::from_str(&text).unwrap()
}

const ANCHOR: &str = "vectors/migration-world/certs/sign-root-gen3-rsa.der";
const CRL: &str = "vectors/migration-world/crls/sign-gen3-20260601.crl.der";
const AT: &str = "2026-06-02T00:00:00Z";

fn with_store<T>(f: impl FnOnce(*const JpkiTrustStore, &JpkiOptions) -> T) -> T {
    let anchor = read(ANCHOR);
    let crl = read(CRL);
    let crls = [JpkiBuffer {
        data: crl.as_ptr(),
        len: crl.len(),
    }];
    let options = JpkiOptions {
        size: size_of::<JpkiOptions>(),
        time_unix: 1_780_358_400,
        revocation: JpkiRevocation::Require as u32,
        sunset_table: c"cryptrec-ls0003".as_ptr(),
        crls: crls.as_ptr(),
        crl_count: 1,
        crl_set: null(),
        ocsp: null(),
        ocsp_count: 0,
        time_basis: JpkiTime::Given as u32,
    };
    let mut store = null_mut();
    // SAFETY: valid pointers; freed once below.
    unsafe {
        assert_eq!(
            jpki_trust_store_new(anchor.as_ptr(), anchor.len(), &mut store, null_mut()),
            JpkiStatus::Ok
        );
        let result = f(store, &options);
        jpki_trust_store_free(store);
        result
    }
}

#[test]
fn cms_reports_are_the_cli_reports() {
    for doc in [
        "rsa-card-attached",
        "rsa-card-modified-content",
        "revoked-leaf",
        "rsa-card-nocerts",
    ] {
        let rel = format!("vectors/cms/signed/{doc}.der");
        let (code, expected) = cli_json(&[
            "cms",
            "--json",
            "--anchor",
            &path(ANCHOR),
            "--crl",
            &path(CRL),
            "--revocation",
            "require",
            "--at",
            AT,
            "--sunset",
            "cryptrec-ls0003",
            &path(&rel),
        ]);
        let bytes = read(&rel);
        let (status, report) = with_store(|store, options| {
            let mut out = null_mut();
            // SAFETY: valid pointers.
            let status = unsafe {
                jpki_verify_cms(
                    store,
                    bytes.as_ptr(),
                    bytes.len(),
                    null(),
                    0,
                    null(),
                    0,
                    null(),
                    options,
                    &mut out,
                )
            };
            (status, take(out))
        });
        assert_eq!(status as i32, code, "{doc}");
        assert_eq!(report, expected, "{doc}");
    }
}

#[test]
fn chain_reports_are_the_cli_reports() {
    for leaf in [
        "sign-leaf-rsa-card",
        "sign-leaf-revoked-gen3",
        "auth-leaf-rsa-card",
    ] {
        let rel = format!("vectors/migration-world/certs/{leaf}.pem");
        let (code, expected) = cli_json(&[
            "chain",
            "--json",
            "--anchor",
            &path(ANCHOR),
            "--crl",
            &path(CRL),
            "--revocation",
            "require",
            "--at",
            AT,
            "--sunset",
            "cryptrec-ls0003",
            &path(&rel),
        ]);
        let bytes = read(&rel);
        let (status, report) = with_store(|store, options| {
            let mut out = null_mut();
            // SAFETY: valid pointers.
            let status = unsafe {
                jpki_verify_chain(
                    store,
                    bytes.as_ptr(),
                    bytes.len(),
                    null(),
                    0,
                    options,
                    &mut out,
                )
            };
            (status, take(out))
        });
        assert_eq!(status as i32, code, "{leaf}");
        assert_eq!(report, expected, "{leaf}");
    }
}

#[test]
fn signature_reports_are_the_cli_reports() {
    let spki = read("vectors/keys/p384.spki.der");
    let message = read("vectors/keys/message.txt");
    for sig in ["ecdsa-p384-sha384", "ecdsa-p384-sha512"] {
        let sig_rel = format!("vectors/keys/{sig}.sig");
        let (code, expected) = cli_json(&[
            "sig",
            "--json",
            "--key",
            &path("vectors/keys/p384.spki.der"),
            "--alg",
            "ecdsa-p384-sha384",
            "--message",
            &path("vectors/keys/message.txt"),
            "--signature",
            &path(&sig_rel),
        ]);
        let signature = read(&sig_rel);
        let mut key = null_mut();
        let mut out = null_mut();
        // SAFETY: valid pointers; the key is freed once.
        let status = unsafe {
            assert_eq!(
                jpki_prepared_key_new(spki.as_ptr(), spki.len(), &mut key, null_mut()),
                JpkiStatus::Ok
            );
            let status = jpki_verify_signature(
                key,
                c"ecdsa-p384-sha384".as_ptr(),
                message.as_ptr(),
                message.len(),
                signature.as_ptr(),
                signature.len(),
                &mut out,
            );
            jpki_prepared_key_free(key);
            status
        };
        assert_eq!(status as i32, code, "{sig}");
        assert_eq!(take(out), expected, "{sig}");
    }
}

/// Options with OCSP responses and a time basis, nothing else.
fn options(
    time: i64,
    ocsp: &[JpkiBuffer],
    basis: JpkiTime,
    revocation: JpkiRevocation,
) -> JpkiOptions {
    JpkiOptions {
        size: size_of::<JpkiOptions>(),
        time_unix: time,
        revocation: revocation as u32,
        sunset_table: null(),
        crls: null(),
        crl_count: 0,
        crl_set: null(),
        ocsp: if ocsp.is_empty() {
            null()
        } else {
            ocsp.as_ptr()
        },
        ocsp_count: ocsp.len(),
        time_basis: basis as u32,
    }
}

/// A store from anchor files, freed after `f`.
fn with_anchors<T>(anchors: &[&str], f: impl FnOnce(*const JpkiTrustStore) -> T) -> T {
    let mut store = null_mut();
    // SAFETY: valid pointers; freed once below.
    unsafe {
        assert_eq!(
            jpki_trust_store_new(null(), 0, &mut store, null_mut()),
            JpkiStatus::Ok
        );
        for anchor in anchors {
            let der = read(anchor);
            assert_eq!(
                jpki_trust_store_add(store, der.as_ptr(), der.len(), null_mut()),
                JpkiStatus::Ok
            );
        }
        let result = f(store);
        jpki_trust_store_free(store);
        result
    }
}

#[test]
fn chain_reports_with_ocsp_are_the_cli_reports() {
    let manifest: Value = serde_json::from_slice(&read("vectors/ocsp/manifest.json")).unwrap();
    let this_update = manifest["good-delegated"]["this_update"].as_str().unwrap();
    let time = jpki_verify::UnixTime::from_unix_seconds(
        jpki_verify::UnixTime::parse_rfc3339(this_update)
            .unwrap()
            .as_unix_seconds()
            + 300,
    );
    let at = time.to_string();
    for (leaf, response) in [
        ("leaf", "good-delegated"),
        ("revoked-leaf", "revoked"),
        ("leaf", "other-serial"),
    ] {
        let leaf_rel = format!("vectors/ocsp/{leaf}.der");
        let response_rel = format!("vectors/ocsp/{response}.der");
        let (code, expected) = cli_json(&[
            "chain",
            "--json",
            "--anchor",
            &path("vectors/ocsp/ca.der"),
            "--ocsp",
            &path(&response_rel),
            "--revocation",
            "require",
            "--at",
            &at,
            &path(&leaf_rel),
        ]);
        let (bytes, der) = (read(&leaf_rel), read(&response_rel));
        let ocsp = [JpkiBuffer {
            data: der.as_ptr(),
            len: der.len(),
        }];
        let opts = options(
            time.as_unix_seconds(),
            &ocsp,
            JpkiTime::Given,
            JpkiRevocation::Require,
        );
        let (status, report) = with_anchors(&["vectors/ocsp/ca.der"], |store| {
            let mut out = null_mut();
            // SAFETY: valid pointers.
            let status = unsafe {
                jpki_verify_chain(
                    store,
                    bytes.as_ptr(),
                    bytes.len(),
                    null(),
                    0,
                    &opts,
                    &mut out,
                )
            };
            (status, take(out))
        });
        assert_eq!(status as i32, code, "{leaf} {response}");
        assert_eq!(report, expected, "{leaf} {response}");
    }
}

#[test]
fn cms_reports_at_a_timestamp_are_the_cli_reports() {
    let anchors = [ANCHOR, "vectors/timestamp/certs/tsa-root.der"];
    for (doc, flag, basis) in [
        ("rsa-t", "--at-timestamp", JpkiTime::Timestamp),
        ("rsa-bes", "--at-timestamp", JpkiTime::Timestamp),
        ("rsa-t-wrong-imprint", "--at-timestamp", JpkiTime::Timestamp),
        ("rsa-t", "", JpkiTime::Given),
        // No token: the CLI's "now" is its clock here, which no member of this report shows.
        ("rsa-bes", "--at-signing-time", JpkiTime::SigningTime),
    ] {
        let rel = format!("vectors/timestamp/cades/{doc}.der");
        let (a0, a1) = (path(anchors[0]), path(anchors[1]));
        let mut args = vec!["cms", "--json", "--anchor", &a0, "--anchor", &a1];
        // --at-signing-time conflicts with --at.
        if basis != JpkiTime::SigningTime {
            args.extend_from_slice(&["--at", "2036-06-01T00:00:00Z"]);
        }
        if !flag.is_empty() {
            args.push(flag);
        }
        let doc_path = path(&rel);
        args.push(&doc_path);
        let (code, expected) = cli_json(&args);
        let bytes = read(&rel);
        let opts = options(2_095_891_200, &[], basis, JpkiRevocation::Off);
        let (status, report) = with_anchors(&anchors, |store| {
            let mut out = null_mut();
            // SAFETY: valid pointers.
            let status = unsafe {
                jpki_verify_cms(
                    store,
                    bytes.as_ptr(),
                    bytes.len(),
                    null(),
                    0,
                    null(),
                    0,
                    null(),
                    &opts,
                    &mut out,
                )
            };
            (status, take(out))
        });
        assert_eq!(status as i32, code, "{doc} {flag}");
        assert_eq!(report, expected, "{doc} {flag}");
    }
}
