//! The C ABI called from Rust as a C program would: NULL arguments, garbage, oversized
//! lengths, bad options, and the demo vectors that must verify or fail.

#![allow(unsafe_code)]

use std::ffi::{CStr, c_char};
use std::path::PathBuf;
use std::ptr::{null, null_mut};

use jpki_verify_ffi::*;
use serde_json::Value;

fn repo(path: &str) -> Vec<u8> {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path);
    std::fs::read(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

const MW: &str = "vectors/migration-world";
/// 2026-06-02T00:00:00Z, the vectors' "now".
const NOW: i64 = 1_780_358_400;

/// Takes (reads and frees) a report.
fn take(ptr: *mut c_char) -> Value {
    assert!(!ptr.is_null(), "a report is always written");
    // SAFETY: a report string from the library, freed once below.
    let text = unsafe { CStr::from_ptr(ptr) }.to_str().unwrap().to_owned();
    // SAFETY: as above.
    unsafe { jpki_string_free(ptr) };
    serde_json::from_str(&text).unwrap()
}

fn options(time: i64, revocation: JpkiRevocation, crls: &[JpkiBuffer]) -> JpkiOptions {
    JpkiOptions {
        size: size_of::<JpkiOptions>(),
        time_unix: time,
        revocation: revocation as u32,
        sunset_table: null(),
        crls: if crls.is_empty() {
            null()
        } else {
            crls.as_ptr()
        },
        crl_count: crls.len(),
        crl_set: null(),
    }
}

fn buf(bytes: &[u8]) -> JpkiBuffer {
    JpkiBuffer {
        data: bytes.as_ptr(),
        len: bytes.len(),
    }
}

/// A store from one anchor file.
fn store(anchor: &str) -> *mut JpkiTrustStore {
    let der = repo(anchor);
    let mut store = null_mut();
    let mut out = null_mut();
    // SAFETY: valid buffer and out pointers.
    let status = unsafe { jpki_trust_store_new(der.as_ptr(), der.len(), &mut store, &mut out) };
    assert_eq!(status, JpkiStatus::Ok, "{}", take(out));
    assert_eq!(take(out)["added"], 1);
    store
}

/// Verifies a CMS document with the gen3 root and the current CRL (revocation required).
fn verify_cms(
    store: *const JpkiTrustStore,
    doc: &[u8],
    content: Option<&[u8]>,
) -> (JpkiStatus, Value) {
    let crl = repo(&format!("{MW}/crls/sign-gen3-20260601.crl.der"));
    let crls = [buf(&crl)];
    let opts = options(NOW, JpkiRevocation::Require, &crls);
    let (content_ptr, content_len) = content.map_or((null(), 0), |c| (c.as_ptr(), c.len()));
    let mut out = null_mut();
    // SAFETY: every pointer is valid for its length.
    let status = unsafe {
        jpki_verify_cms(
            store,
            doc.as_ptr(),
            doc.len(),
            content_ptr,
            content_len,
            null(),
            0,
            null(),
            &opts,
            &mut out,
        )
    };
    (status, take(out))
}

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
fn garbage_cms_is_invalid_and_broken_pem_is_an_input_error() {
    let store = store(&format!("{MW}/certs/sign-root-gen3-rsa.der"));
    let (status, report) = verify_cms(store, b"\x30\x03\x02\x01\x00 not a SignedData", None);
    assert_eq!(status, JpkiStatus::Invalid);
    assert_eq!(report["valid"], false);
    assert!(
        report["error"]["kind"]
            .as_str()
            .unwrap()
            .starts_with("cms-")
            || report["error"]["kind"] == "bad-der",
        "{report}"
    );

    let (status, report) = verify_cms(
        store,
        b"-----BEGIN CMS-----\n!!!!\n-----END CMS-----\n",
        None,
    );
    assert_eq!(status, JpkiStatus::Input);
    assert_eq!(report["error"]["kind"], "input");
    // SAFETY: freed once.
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
fn bad_options_are_input_errors() {
    let store = store(&format!("{MW}/certs/sign-root-gen3-rsa.der"));
    let leaf = repo(&format!("{MW}/certs/sign-leaf-rsa-card.der"));
    let run = |opts: &JpkiOptions| {
        let mut out = null_mut();
        // SAFETY: valid pointers.
        let status = unsafe {
            jpki_verify_chain(store, leaf.as_ptr(), leaf.len(), null(), 0, opts, &mut out)
        };
        (
            status,
            take(out)["error"]["message"]
                .as_str()
                .unwrap_or("")
                .to_owned(),
        )
    };
    let good = options(NOW, JpkiRevocation::Off, &[]);
    assert_eq!(run(&good).0, JpkiStatus::Ok);
    let (status, message) = run(&JpkiOptions { size: 8, ..good });
    assert_eq!(status, JpkiStatus::Input);
    assert!(message.contains("sizeof(JpkiOptions)"), "{message}");
    assert_eq!(
        run(&JpkiOptions {
            revocation: 7,
            ..good
        })
        .0,
        JpkiStatus::Input
    );
    assert_eq!(
        run(&JpkiOptions {
            time_unix: -1,
            ..good
        })
        .0,
        JpkiStatus::Input
    );
    assert_eq!(
        run(&JpkiOptions {
            time_unix: i64::MAX,
            ..good
        })
        .0,
        JpkiStatus::Input
    );
    // A CRL that does not parse.
    let junk = [buf(b"not a CRL")];
    let (status, message) = run(&options(NOW, JpkiRevocation::Available, &junk));
    assert_eq!(status, JpkiStatus::Input);
    assert!(message.contains("options.crls[0]"), "{message}");
    // SAFETY: freed once.
    unsafe { jpki_trust_store_free(store) };
}

#[test]
fn null_arguments_are_refused_with_their_name() {
    let store = store(&format!("{MW}/certs/sign-root-gen3-rsa.der"));
    let leaf = repo(&format!("{MW}/certs/sign-leaf-rsa-card.der"));
    let opts = options(NOW, JpkiRevocation::Off, &[]);
    let mut out = null_mut();
    let null_arg = |status: JpkiStatus, out: *mut c_char, name: &str| {
        assert_eq!(status, JpkiStatus::NullArgument);
        let report = take(out);
        assert_eq!(report["error"]["kind"], "null-argument");
        assert!(
            report["error"]["message"].as_str().unwrap().contains(name),
            "{report}"
        );
    };
    // SAFETY (each call): the non-NULL pointers are valid.
    unsafe {
        let s = jpki_verify_chain(
            null(),
            leaf.as_ptr(),
            leaf.len(),
            null(),
            0,
            &opts,
            &mut out,
        );
        null_arg(s, out, "store");
        let s = jpki_verify_chain(store, null(), 10, null(), 0, &opts, &mut out);
        null_arg(s, out, "leaf");
        let s = jpki_verify_chain(store, leaf.as_ptr(), leaf.len(), null(), 3, &opts, &mut out);
        null_arg(s, out, "intermediates");
        let s = jpki_verify_chain(
            store,
            leaf.as_ptr(),
            leaf.len(),
            null(),
            0,
            null(),
            &mut out,
        );
        null_arg(s, out, "options");
        let s = jpki_verify_cms(
            store,
            null(),
            0,
            null(),
            0,
            null(),
            0,
            null(),
            &opts,
            &mut out,
        );
        null_arg(s, out, "cms");
        let s = jpki_trust_store_new(leaf.as_ptr(), leaf.len(), null_mut(), &mut out);
        null_arg(s, out, "out_store");
        let s = jpki_prepared_key_new(null(), 5, &mut null_mut(), &mut out);
        null_arg(s, out, "spki_or_cert");
        let s = jpki_verify_signature(
            null(),
            c"rsa-pkcs1-sha256".as_ptr(),
            null(),
            0,
            null(),
            0,
            &mut out,
        );
        null_arg(s, out, "key");
        // NULL out_json: only the status.
        assert_eq!(
            jpki_verify_chain(store, null(), 1, null(), 0, &opts, null_mut()),
            JpkiStatus::NullArgument
        );
        // Freeing NULL is a no-op.
        jpki_trust_store_free(null_mut());
        jpki_prepared_key_free(null_mut());
        jpki_string_free(null_mut());
        assert_eq!(jpki_trust_store_len(null()), 0);
        jpki_trust_store_free(store);
    }
}

#[test]
fn lengths_over_the_limits_are_refused_before_reading() {
    let store = store(&format!("{MW}/certs/sign-root-gen3-rsa.der"));
    let opts = options(NOW, JpkiRevocation::Off, &[]);
    let byte = [0u8; 1];
    let mut out = null_mut();
    // SAFETY: the lengths are checked before any byte past the first is read, which is the
    // behaviour under test; nothing is read at all.
    unsafe {
        let s = jpki_verify_chain(store, byte.as_ptr(), usize::MAX, null(), 0, &opts, &mut out);
        assert_eq!(s, JpkiStatus::TooLarge);
        assert_eq!(take(out)["error"]["kind"], "too-large");
        let s = jpki_verify_cms(
            store,
            byte.as_ptr(),
            usize::MAX,
            null(),
            0,
            null(),
            0,
            null(),
            &opts,
            &mut out,
        );
        assert_eq!(s, JpkiStatus::TooLarge);
        take(out);
        let many = options(NOW, JpkiRevocation::Off, &[]);
        let bufs = [buf(&byte)];
        let too_many = JpkiOptions {
            crls: bufs.as_ptr(),
            crl_count: 100_000,
            ..many
        };
        let leaf = repo(&format!("{MW}/certs/sign-leaf-rsa-card.der"));
        let s = jpki_verify_chain(
            store,
            leaf.as_ptr(),
            leaf.len(),
            null(),
            0,
            &too_many,
            &mut out,
        );
        assert_eq!(s, JpkiStatus::TooLarge);
        take(out);
        let s = jpki_trust_store_new(byte.as_ptr(), usize::MAX, &mut null_mut(), &mut out);
        assert_eq!(s, JpkiStatus::TooLarge);
        take(out);
        jpki_trust_store_free(store);
    }
}

#[test]
fn trust_store_garbage_is_an_input_error_and_add_counts_anchors() {
    let mut store = null_mut();
    let mut out = null_mut();
    // SAFETY: valid pointers; the store is freed once.
    unsafe {
        let s = jpki_trust_store_new(b"garbage".as_ptr(), 7, &mut store, &mut out);
        assert_eq!(s, JpkiStatus::Input);
        assert!(store.is_null());
        let report = take(out);
        assert_eq!(report["error"]["kind"], "input");
        assert!(
            report["error"]["message"]
                .as_str()
                .unwrap()
                .contains("not a usable certificate")
        );

        assert_eq!(
            jpki_trust_store_new(null(), 0, &mut store, null_mut()),
            JpkiStatus::Ok
        );
        assert_eq!(jpki_trust_store_len(store), 0);
        let two = [
            repo(&format!("{MW}/certs/sign-root-gen3-rsa.pem")),
            repo(&format!("{MW}/certs/sign-root-ec1-p384.pem")),
        ]
        .concat();
        assert_eq!(
            jpki_trust_store_add(store, two.as_ptr(), two.len(), &mut out),
            JpkiStatus::Ok
        );
        assert_eq!(take(out)["anchors"], 2);
        assert_eq!(
            jpki_trust_store_add(store, b"x".as_ptr(), 1, null_mut()),
            JpkiStatus::Input
        );
        assert_eq!(jpki_trust_store_len(store), 2, "all or nothing");
        jpki_trust_store_free(store);
    }
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

/// Raw handle pointers shared with worker threads (the handle types are Send + Sync).
#[derive(Clone, Copy)]
struct Shared(*const JpkiTrustStore);
// SAFETY: `JpkiTrustStore` is Send + Sync (checked in the crate's unit tests); the pointer
// outlives the threads (scoped).
unsafe impl Send for Shared {}
// SAFETY: as above.
unsafe impl Sync for Shared {}

impl Shared {
    /// The pointer; a method, so that closures capture the whole (Send) wrapper.
    fn get(self) -> *const JpkiTrustStore {
        self.0
    }
}

#[test]
fn one_store_serves_several_threads() {
    let store = Shared(store(&format!("{MW}/certs/sign-root-gen3-rsa.der")));
    let good = repo("vectors/cms/signed/rsa-card-attached.der");
    let bad = repo("vectors/cms/signed/rsa-card-modified-content.der");
    std::thread::scope(|scope| {
        for _ in 0..4 {
            let (good, bad) = (&good, &bad);
            scope.spawn(move || {
                for _ in 0..10 {
                    assert_eq!(verify_cms(store.get(), good, None).0, JpkiStatus::Ok);
                    assert_eq!(verify_cms(store.get(), bad, None).0, JpkiStatus::Invalid);
                }
            });
        }
    });
    // SAFETY: every thread has ended; freed once.
    unsafe { jpki_trust_store_free(store.get().cast_mut()) };
}

#[test]
fn a_crl_set_is_parsed_once_and_used_by_reference() {
    let store = store(&format!("{MW}/certs/sign-root-gen3-rsa.der"));
    let crl = repo(&format!("{MW}/crls/sign-gen3-20260601.crl.pem"));
    let crls = [buf(&crl)];
    let mut set = null_mut();
    let mut out = null_mut();
    // SAFETY: valid pointers; the handles are freed once, after their last use.
    unsafe {
        assert_eq!(
            jpki_crl_set_new(crls.as_ptr(), 1, &mut set, &mut out),
            JpkiStatus::Ok
        );
        assert_eq!(take(out)["crls"], 1);
        let opts = JpkiOptions {
            crl_set: set,
            ..options(NOW, JpkiRevocation::Require, &[])
        };
        let chain = |leaf: &str, opts: &JpkiOptions, out: &mut *mut c_char| {
            let leaf = repo(&format!("{MW}/certs/{leaf}.der"));
            jpki_verify_chain(store, leaf.as_ptr(), leaf.len(), null(), 0, opts, out)
        };
        assert_eq!(chain("sign-leaf-rsa-card", &opts, &mut out), JpkiStatus::Ok);
        take(out);
        assert_eq!(
            chain("sign-leaf-revoked-gen3", &opts, &mut out),
            JpkiStatus::Invalid
        );
        assert_eq!(take(out)["error"]["kind"], "revoked");
        // Without the set, revocation required: no CRL, no current status.
        let none = options(NOW, JpkiRevocation::Require, &[]);
        assert_eq!(
            chain("sign-leaf-rsa-card", &none, &mut out),
            JpkiStatus::Invalid
        );
        take(out);
        // Both ways at once is ambiguous.
        let both = JpkiOptions {
            crl_set: set,
            ..options(NOW, JpkiRevocation::Require, &crls)
        };
        assert_eq!(
            chain("sign-leaf-rsa-card", &both, &mut out),
            JpkiStatus::Input
        );
        take(out);

        let mut bad = null_mut();
        let junk = [buf(b"junk")];
        assert_eq!(
            jpki_crl_set_new(junk.as_ptr(), 1, &mut bad, &mut out),
            JpkiStatus::Input
        );
        assert!(bad.is_null());
        assert!(
            take(out)["error"]["message"]
                .as_str()
                .unwrap()
                .contains("crls[0]")
        );
        assert_eq!(
            jpki_crl_set_new(junk.as_ptr(), 1, null_mut(), null_mut()),
            JpkiStatus::NullArgument
        );
        jpki_crl_set_free(set);
        jpki_crl_set_free(null_mut());
        jpki_trust_store_free(store);
    }
}

#[test]
fn a_caller_compiled_against_the_first_layout_is_served() {
    // A program built before `crl_set` existed passes a smaller `size`: the library must not
    // read past it (here a pointer that would crash if used) and takes the field as NULL.
    let store = store(&format!("{MW}/certs/sign-root-gen3-rsa.der"));
    let leaf = repo(&format!("{MW}/certs/sign-leaf-rsa-card.der"));
    let old = JpkiOptions {
        size: std::mem::offset_of!(JpkiOptions, crl_set),
        crl_set: std::ptr::dangling(),
        ..options(NOW, JpkiRevocation::Off, &[])
    };
    let mut out = null_mut();
    // SAFETY: valid pointers up to `old.size`, which is the contract under test.
    unsafe {
        let status = jpki_verify_chain(store, leaf.as_ptr(), leaf.len(), null(), 0, &old, &mut out);
        assert_eq!(status, JpkiStatus::Ok, "{}", take(out));
        let short = JpkiOptions {
            size: std::mem::offset_of!(JpkiOptions, crl_count),
            ..old
        };
        let status = jpki_verify_chain(
            store,
            leaf.as_ptr(),
            leaf.len(),
            null(),
            0,
            &short,
            &mut out,
        );
        assert_eq!(status, JpkiStatus::Input);
        take(out);
        jpki_trust_store_free(store);
    }
}
