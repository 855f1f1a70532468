//! The C boundary itself, called from Rust as a C program would: NULL arguments, garbage,
//! oversized lengths, bad options, and a caller compiled against an older JpkiOptions.

#![allow(unsafe_code)]

mod common;

use std::ffi::c_char;
use std::ptr::{null, null_mut};

use common::*;
use jpki_verify_ffi::*;

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
    let (status, message) = run(&JpkiOptions {
        time_basis: 3,
        ..good
    });
    assert_eq!(status, JpkiStatus::Input);
    assert!(message.contains("time_basis 3"), "{message}");
    // An OCSP response that does not parse, and a NULL list with a count.
    let junk = [buf(b"not an OCSP response")];
    let (status, message) = run(&JpkiOptions {
        ocsp: junk.as_ptr(),
        ocsp_count: 1,
        ..good
    });
    assert_eq!(status, JpkiStatus::Input);
    assert!(message.contains("options.ocsp[0]"), "{message}");
    let (status, message) = run(&JpkiOptions {
        ocsp_count: 1,
        ..good
    });
    assert_eq!(status, JpkiStatus::NullArgument);
    assert!(message.contains("options.ocsp"), "{message}");
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
        // The OCSP list is bounded the same way (257 > 256), before any buffer is read.
        let too_many_ocsp = JpkiOptions {
            ocsp: bufs.as_ptr(),
            ocsp_count: 257,
            ..many
        };
        let s = jpki_verify_chain(
            store,
            leaf.as_ptr(),
            leaf.len(),
            null(),
            0,
            &too_many_ocsp,
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
        // Built before `ocsp` and `time_basis`: garbage past `size` is not read.
        let before_ocsp = JpkiOptions {
            size: std::mem::offset_of!(JpkiOptions, ocsp),
            crl_set: null(),
            ocsp: std::ptr::dangling(),
            ocsp_count: usize::MAX,
            time_basis: u32::MAX,
            ..old
        };
        let status = jpki_verify_chain(
            store,
            leaf.as_ptr(),
            leaf.len(),
            null(),
            0,
            &before_ocsp,
            &mut out,
        );
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
