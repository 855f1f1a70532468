//! The handles: trust stores (garbage, adding), CRL sets shared by reference, and one store
//! used from several threads at once.

#![allow(unsafe_code)]

mod common;

use std::ffi::c_char;
use std::ptr::{null, null_mut};

use common::*;
use jpki_verify_ffi::*;

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
