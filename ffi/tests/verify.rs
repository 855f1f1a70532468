//! Verification through the ABI on the demo's vectors: CMS documents, chains and raw
//! signatures that must verify or fail, with the error kinds of their reports.

#![allow(unsafe_code)]

mod common;

use std::ffi::{CStr, c_char};
use std::ptr::{null, null_mut};

use common::*;
use jpki_verify_ffi::*;
use serde_json::Value;

#[test]
fn valid_cms_document_is_ok_and_tampered_ones_are_invalid_with_their_kind() {
    let store = store(&format!("{MW}/certs/sign-root-gen3-rsa.der"));
    let (status, report) = verify_cms(
        store,
        &repo("vectors/cms/signed/rsa-card-attached.der"),
        None,
    );
    assert_eq!(status, JpkiStatus::Ok, "{report}");
    assert_eq!(report["valid"], true);
    assert_eq!(report["requirement"], "all");
    assert_eq!(report["validation_time"], "2026-06-02T00:00:00Z");
    assert_eq!(report["signers"][0]["family"], "rsa");

    // The same document in PEM.
    let (status, _) = verify_cms(
        store,
        &repo("vectors/cms/signed/rsa-card-attached.pem"),
        None,
    );
    assert_eq!(status, JpkiStatus::Ok);

    let (status, report) = verify_cms(
        store,
        &repo("vectors/cms/signed/rsa-card-modified-content.der"),
        None,
    );
    assert_eq!(status, JpkiStatus::Invalid);
    assert_eq!(report["error"]["kind"], "cms-message-digest-mismatch");

    let detached = repo("vectors/cms/signed/rsa-card-detached.der");
    let (status, report) = verify_cms(store, &detached, Some(&repo("vectors/cms/content.txt")));
    assert_eq!(status, JpkiStatus::Ok, "{report}");
    assert_eq!(report["detached"], true);
    let (status, report) = verify_cms(
        store,
        &detached,
        Some(&repo("vectors/cms/content-modified.txt")),
    );
    assert_eq!(status, JpkiStatus::Invalid);
    assert_eq!(report["error"]["kind"], "cms-message-digest-mismatch");
    let (status, report) = verify_cms(store, &detached, None);
    assert_eq!(status, JpkiStatus::Invalid);
    assert_eq!(report["error"]["kind"], "cms-detached-content-missing");

    let (status, report) = verify_cms(store, &repo("vectors/cms/signed/revoked-leaf.der"), None);
    assert_eq!(status, JpkiStatus::Invalid);
    assert_eq!(report["signers"][0]["path_error"]["kind"], "revoked");
    // SAFETY: freed once, after its last use.
    unsafe { jpki_trust_store_free(store) };
}

#[test]
fn chains_validate_or_fail_like_the_manifest_says() {
    let store = store(&format!("{MW}/certs/sign-root-gen3-rsa.pem"));
    let crl = repo(&format!("{MW}/crls/sign-gen3-20260601.crl.pem"));
    let crls = [buf(&crl)];
    let opts = options(NOW, JpkiRevocation::Require, &crls);
    let run = |leaf: &[u8], opts: &JpkiOptions| {
        let mut out = null_mut();
        // SAFETY: valid pointers.
        let status = unsafe {
            jpki_verify_chain(store, leaf.as_ptr(), leaf.len(), null(), 0, opts, &mut out)
        };
        (status, take(out))
    };
    let (status, report) = run(&repo(&format!("{MW}/certs/sign-leaf-rsa-card.pem")), &opts);
    assert_eq!(status, JpkiStatus::Ok, "{report}");
    assert_eq!(report["at"], "2026-06-02T00:00:00Z");
    assert_eq!(report["path"].as_array().unwrap().len(), 1);

    let (status, report) = run(
        &repo(&format!("{MW}/certs/sign-leaf-revoked-gen3.pem")),
        &opts,
    );
    assert_eq!(status, JpkiStatus::Invalid);
    assert_eq!(report["error"]["kind"], "revoked");

    // A user-authentication leaf does not chain to the signing root.
    let (status, _) = run(&repo(&format!("{MW}/certs/auth-leaf-rsa-card.pem")), &opts);
    assert_eq!(status, JpkiStatus::Invalid);

    // A leaf that does not parse is a verification failure, as in the CLI.
    let (status, report) = run(b"\x30\x00", &opts);
    assert_eq!(status, JpkiStatus::Invalid);
    assert_eq!(report["at"], Value::Null);

    // The sunset table by name; an unknown name is an input error.
    let mut with_table = opts;
    with_table.sunset_table = c"cryptrec-ls0003".as_ptr();
    let (status, report) = run(
        &repo(&format!("{MW}/certs/sign-leaf-rsa-card.pem")),
        &with_table,
    );
    assert_eq!(status, JpkiStatus::Ok, "{report}");
    assert_eq!(
        report["sunset"]["table"]
            .as_str()
            .map(|t| t.contains("cryptrec")),
        Some(true)
    );
    with_table.sunset_table = c"no-such-table".as_ptr();
    let (status, report) = run(
        &repo(&format!("{MW}/certs/sign-leaf-rsa-card.pem")),
        &with_table,
    );
    assert_eq!(status, JpkiStatus::Input);
    assert!(
        report["error"]["message"]
            .as_str()
            .unwrap()
            .contains("no-such-table")
    );
    // SAFETY: freed once.
    unsafe { jpki_trust_store_free(store) };
}

#[test]
fn signatures_verify_with_a_prepared_key_and_report_like_sig() {
    let spki = repo("vectors/keys/p384.spki.der");
    let message = repo("vectors/keys/message.txt");
    let signature = repo("vectors/keys/ecdsa-p384-sha384.sig");
    let mut key = null_mut();
    let mut out = null_mut();
    // SAFETY: valid pointers; the key is freed once.
    unsafe {
        assert_eq!(
            jpki_prepared_key_new(spki.as_ptr(), spki.len(), &mut key, &mut out),
            JpkiStatus::Ok
        );
        assert_eq!(take(out)["key"]["curve"], "P-384");
        let verify = |alg: &CStr, sig: &[u8], out: &mut *mut c_char| {
            jpki_verify_signature(
                key,
                alg.as_ptr(),
                message.as_ptr(),
                message.len(),
                sig.as_ptr(),
                sig.len(),
                out,
            )
        };
        assert_eq!(
            verify(c"ecdsa-p384-sha384", &signature, &mut out),
            JpkiStatus::Ok
        );
        let report = take(out);
        assert_eq!(report["valid"], true);
        assert_eq!(report["algorithm"], "ecdsa-p384-sha384");
        assert_eq!(report["backend"], "rustcrypto");

        let mut bad = signature.clone();
        let last = bad.len() - 3;
        bad[last] ^= 1;
        assert_eq!(
            verify(c"ecdsa-p384-sha384", &bad, &mut out),
            JpkiStatus::Invalid
        );
        assert_eq!(take(out)["valid"], false);
        // An RSA algorithm with an EC key: not verified.
        assert_eq!(
            verify(c"rsa-pkcs1-sha256", &signature, &mut out),
            JpkiStatus::Invalid
        );
        take(out);
        assert_eq!(
            verify(c"no-such-alg", &signature, &mut out),
            JpkiStatus::Input
        );
        assert!(
            take(out)["error"]["message"]
                .as_str()
                .unwrap()
                .contains("no-such-alg")
        );
        jpki_prepared_key_free(key);

        // A 1024-bit RSA key is refused when prepared (the library's key-size policy).
        let small = repo("vectors/keys/rsa1024.spki.der");
        assert_eq!(
            jpki_prepared_key_new(small.as_ptr(), small.len(), &mut key, &mut out),
            JpkiStatus::Invalid
        );
        assert!(key.is_null());
        assert_eq!(take(out)["valid"], false);
        // A certificate gives its key.
        let cert = repo(&format!("{MW}/certs/sign-leaf-rsa-card.pem"));
        assert_eq!(
            jpki_prepared_key_new(cert.as_ptr(), cert.len(), &mut key, &mut out),
            JpkiStatus::Ok
        );
        assert_eq!(take(out)["key"]["bits"], 2048);
        jpki_prepared_key_free(key);
    }
}

/// `this_update` of a response in `vectors/ocsp/manifest.json`, plus five minutes: inside
/// its validity (the vectors' README says tests validate a few minutes after it).
fn ocsp_time(response: &str) -> i64 {
    let text = String::from_utf8(repo("vectors/ocsp/manifest.json")).unwrap();
    let manifest: Value = serde_json::from_str(&text).unwrap();
    let this_update = manifest[response]["this_update"].as_str().unwrap();
    jpki_verify::UnixTime::parse_rfc3339(this_update)
        .unwrap()
        .as_unix_seconds()
        + 300
}

#[test]
fn an_ocsp_response_alone_satisfies_required_revocation() {
    let store = store("vectors/ocsp/ca.der");
    let run = |leaf: &str, response: &str, revocation: JpkiRevocation| {
        let leaf = repo(&format!("vectors/ocsp/{leaf}.der"));
        let response = repo(&format!("vectors/ocsp/{response}.der"));
        let responses = [buf(&response)];
        let opts = JpkiOptions {
            ocsp: responses.as_ptr(),
            ocsp_count: 1,
            ..options(ocsp_time("good-delegated"), revocation, &[])
        };
        let mut out = null_mut();
        // SAFETY: valid pointers.
        let status = unsafe {
            jpki_verify_chain(store, leaf.as_ptr(), leaf.len(), null(), 0, &opts, &mut out)
        };
        (status, take(out))
    };
    let (status, report) = run("leaf", "good-delegated", JpkiRevocation::Require);
    assert_eq!(status, JpkiStatus::Ok, "{report}");
    assert_eq!(report["valid"], true);
    let (status, report) = run("revoked-leaf", "revoked", JpkiRevocation::Require);
    assert_eq!(status, JpkiStatus::Invalid, "{report}");
    assert_eq!(report["error"]["kind"], "revoked");
    // The response of another certificate does not cover the leaf: required revocation
    // fails, available revocation accepts it.
    let (status, report) = run("leaf", "other-serial", JpkiRevocation::Require);
    assert_eq!(status, JpkiStatus::Invalid, "{report}");
    assert_ne!(report["error"]["kind"], "revoked");
    let (status, report) = run("leaf", "other-serial", JpkiRevocation::Available);
    assert_eq!(status, JpkiStatus::Ok, "{report}");
    // SAFETY: freed once.
    unsafe { jpki_trust_store_free(store) };
}

#[test]
fn cades_t_validates_at_the_proven_time_after_the_signer_expired() {
    // The card signer's certificate has expired by 2036; the TSA's PKI is still valid then.
    const IN_2036: i64 = 2_095_891_200; // 2036-06-01T00:00:00Z
    let store = store(&format!("{MW}/certs/sign-root-gen3-rsa.der"));
    let tsa = repo("vectors/timestamp/certs/tsa-root.der");
    let mut out = null_mut();
    // SAFETY: valid pointers.
    let status = unsafe { jpki_trust_store_add(store, tsa.as_ptr(), tsa.len(), &mut out) };
    assert_eq!(status, JpkiStatus::Ok, "{}", take(out));
    take(out);
    let run = |doc: &str, basis: u32| {
        let doc = repo(&format!("vectors/timestamp/cades/{doc}.der"));
        let opts = JpkiOptions {
            time_basis: basis,
            ..options(IN_2036, JpkiRevocation::Off, &[])
        };
        let mut out = null_mut();
        // SAFETY: valid pointers.
        let status = unsafe {
            jpki_verify_cms(
                store,
                doc.as_ptr(),
                doc.len(),
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
    };
    let (status, report) = run("rsa-t", JpkiTime::Timestamp as u32);
    assert_eq!(status, JpkiStatus::Ok, "{report}");
    assert_eq!(report["validation_time"], "timestamp");
    let signer = &report["signers"][0];
    assert_eq!(signer["time_basis"], "proven");
    assert_eq!(signer["validation_time"], signer["timestamp"]["gen_time"]);

    let (status, report) = run("rsa-t", JpkiTime::Given as u32);
    assert_eq!(status, JpkiStatus::Invalid, "{report}");
    assert_eq!(report["signers"][0]["time_basis"], "given");
    assert_eq!(report["signers"][0]["path_error"]["kind"], "cert-expired");

    // Without a token there is nothing proven.
    let (status, report) = run("rsa-bes", JpkiTime::Timestamp as u32);
    assert_eq!(status, JpkiStatus::Invalid);
    assert_eq!(report["error"]["kind"], "timestamp-missing");

    // The signer's claim (2026-05-15), opt-in.
    let (status, report) = run("rsa-bes", JpkiTime::SigningTime as u32);
    assert_eq!(status, JpkiStatus::Ok, "{report}");
    assert_eq!(report["signers"][0]["time_basis"], "claimed");

    let (status, report) = run("rsa-t", 9);
    assert_eq!(status, JpkiStatus::Input);
    assert_eq!(report["error"]["kind"], "input");
    // SAFETY: freed once.
    unsafe { jpki_trust_store_free(store) };
}
