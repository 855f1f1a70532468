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
