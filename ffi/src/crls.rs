//! The CRL set handle: CRLs parsed once and shared by every verification that names it in
//! its options, so that a service does not parse (a possibly large) CRL per request.

use std::ffi::c_char;

use jpki_verify::Crl;
use serde_json::json;

use crate::input::{JpkiBuffer, MAX_CRLS, buffers, decode_crls};
use crate::{JpkiStatus, Reply, run};

/// An opaque, immutable set of parsed CRLs. Thread-safe: any number of verifications may
/// use one set at once. To refresh revocation data, make a new set and switch new requests
/// to it; free the old one when no call uses it any more.
pub struct JpkiCrlSet {
    crls: Vec<Crl>,
}

impl JpkiCrlSet {
    pub(crate) fn crls(&self) -> &[Crl] {
        &self.crls
    }
}

/// Parses `count` CRL buffers (each DER, or PEM with one or more blocks; at most 256
/// buffers) into a set for `JpkiOptions.crl_set`. On success `*out_set` receives the handle
/// (free it with `jpki_crl_set_free`) and the report is `{"valid": true, "crls": N}`; a CRL
/// that does not parse is `JPKI_STATUS_INPUT` and `*out_set` is NULL.
///
/// # Safety
/// `crls` is NULL or valid for `count` buffers, each valid for its length; `out_set` is
/// valid for writing one pointer; `out_json` is NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jpki_crl_set_new(
    crls: *const JpkiBuffer,
    count: usize,
    out_set: *mut *mut JpkiCrlSet,
    out_json: *mut *mut c_char,
) -> JpkiStatus {
    let body = || {
        if out_set.is_null() {
            return Reply::null("out_set");
        }
        // SAFETY: checked non-NULL; the caller guarantees it is writable.
        unsafe { out_set.write(std::ptr::null_mut()) };
        // SAFETY: forwarded from the caller.
        let decoded =
            unsafe { buffers(crls, count, "crls", MAX_CRLS).and_then(|b| decode_crls(b, "crls")) };
        match decoded {
            Ok(crls) => {
                let report = json!({ "valid": true, "crls": crls.len() });
                // SAFETY: as above.
                unsafe { out_set.write(Box::into_raw(Box::new(JpkiCrlSet { crls }))) };
                Reply::new(JpkiStatus::Ok, report)
            }
            Err(reply) => reply,
        }
    };
    // SAFETY: the caller guarantees `out_json` is NULL or writable.
    unsafe { run(out_json, body) }
}

/// Frees a CRL set. NULL is ignored. Call it once, after every verification using it has
/// returned.
///
/// # Safety
/// `set` is NULL or a handle from `jpki_crl_set_new` not freed yet and not in use.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jpki_crl_set_free(set: *mut JpkiCrlSet) {
    if !set.is_null() {
        // SAFETY: made by `Box::into_raw` in `jpki_crl_set_new`; freed once.
        drop(unsafe { Box::from_raw(set) });
    }
}
