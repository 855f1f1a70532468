//! Helpers of the ABI tests: vectors, options, reports.

#![allow(dead_code, unsafe_code)] // each test file uses some of them

use std::ffi::{CStr, c_char};
use std::path::PathBuf;
use std::ptr::{null, null_mut};

use jpki_verify_ffi::*;
use serde_json::Value;

pub fn repo(path: &str) -> Vec<u8> {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path);
    std::fs::read(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

pub const MW: &str = "vectors/migration-world";
/// 2026-06-02T00:00:00Z, the vectors' "now".
pub const NOW: i64 = 1_780_358_400;

/// Takes (reads and frees) a report.
pub fn take(ptr: *mut c_char) -> Value {
    assert!(!ptr.is_null(), "a report is always written");
    // SAFETY: a report string from the library, freed once below.
    let text = unsafe { CStr::from_ptr(ptr) }.to_str().unwrap().to_owned();
    // SAFETY: as above.
    unsafe { jpki_string_free(ptr) };
    serde_json::from_str(&text).unwrap()
}

pub fn options(time: i64, revocation: JpkiRevocation, crls: &[JpkiBuffer]) -> JpkiOptions {
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
        ocsp: null(),
        ocsp_count: 0,
        time_basis: JpkiTime::Given as u32,
    }
}

pub fn buf(bytes: &[u8]) -> JpkiBuffer {
    JpkiBuffer {
        data: bytes.as_ptr(),
        len: bytes.len(),
    }
}

/// A store from one anchor file.
pub fn store(anchor: &str) -> *mut JpkiTrustStore {
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
pub fn verify_cms(
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
