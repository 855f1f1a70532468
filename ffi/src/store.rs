//! The trust store handle: trust anchors shared by every verification.

use std::ffi::c_char;
use std::sync::{PoisonError, RwLock, RwLockReadGuard};

use jpki_verify::TrustAnchor;
use serde_json::json;

use crate::input::{bytes, certificates};
use crate::{JpkiBuffer, JpkiStatus, Reply, run};

/// An opaque set of trust anchors. Thread-safe: verifications from any number of threads
/// may share one store; `jpki_trust_store_add` may run beside them (it waits for them and
/// they for it). Build it once at start-up and keep it for the life of the service.
pub struct JpkiTrustStore {
    anchors: RwLock<Vec<TrustAnchor>>,
}

impl JpkiTrustStore {
    /// The anchors, for one verification. A panic elsewhere never leaves a half-added
    /// anchor (the push is the last step of `add`), so a poisoned lock is still usable.
    pub(crate) fn anchors(&self) -> RwLockReadGuard<'_, Vec<TrustAnchor>> {
        self.anchors.read().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The anchors in one buffer, as a reply on failure.
///
/// # Safety
/// `data` is NULL or valid for `len` bytes.
unsafe fn decode(data: *const u8, len: usize) -> Result<Vec<TrustAnchor>, Reply> {
    let buffer = JpkiBuffer { data, len };
    // SAFETY: forwarded from the caller.
    let _ = unsafe {
        bytes(
            data,
            len,
            "der_or_pem",
            jpki_verify_cli::limits::InputKind::Certificate,
        )
    }?;
    // SAFETY: as above (checked non-NULL and within the cap).
    let certs = unsafe { certificates(std::slice::from_ref(&buffer), "der_or_pem") }?;
    Ok(certs
        .into_iter()
        .map(TrustAnchor::from_certificate)
        .collect())
}

fn added(count: usize, total: usize) -> Reply {
    Reply::new(
        JpkiStatus::Ok,
        json!({ "valid": true, "added": count, "anchors": total }),
    )
}

/// Creates a trust store holding the anchor certificates in `der_or_pem` (one DER
/// certificate, or PEM text with one or more CERTIFICATE blocks). `der_or_pem` may be NULL
/// with `len` 0 for an empty store to fill with `jpki_trust_store_add`.
///
/// On success `*out_store` receives the handle (free it with `jpki_trust_store_free`) and
/// the report is `{"valid": true, "added": N, "anchors": N}`; on failure `*out_store` is
/// set to NULL and the status is `JPKI_STATUS_INPUT` (a certificate that does not parse),
/// `JPKI_STATUS_NULL_ARGUMENT` or `JPKI_STATUS_TOO_LARGE`.
///
/// # Safety
/// `der_or_pem` is NULL or valid for `len` bytes; `out_store` is valid for writing one
/// pointer; `out_json` is NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jpki_trust_store_new(
    der_or_pem: *const u8,
    len: usize,
    out_store: *mut *mut JpkiTrustStore,
    out_json: *mut *mut c_char,
) -> JpkiStatus {
    let body = || {
        if out_store.is_null() {
            return Reply::null("out_store");
        }
        // SAFETY: checked non-NULL; the caller guarantees it is writable.
        unsafe { out_store.write(std::ptr::null_mut()) };
        let anchors = if der_or_pem.is_null() && len == 0 {
            Vec::new()
        } else {
            // SAFETY: forwarded from the caller.
            match unsafe { decode(der_or_pem, len) } {
                Ok(anchors) => anchors,
                Err(reply) => return reply,
            }
        };
        let count = anchors.len();
        let store = Box::new(JpkiTrustStore {
            anchors: RwLock::new(anchors),
        });
        // SAFETY: as above.
        unsafe { out_store.write(Box::into_raw(store)) };
        added(count, count)
    };
    // SAFETY: the caller guarantees `out_json` is NULL or writable.
    unsafe { run(out_json, body) }
}

/// Adds the anchor certificates in `der_or_pem` (as for `jpki_trust_store_new`) to
/// `store`. All or nothing: if one certificate does not parse, none is added. The report
/// is `{"valid": true, "added": N, "anchors": TOTAL}`.
///
/// # Safety
/// `store` is NULL or a live handle; `der_or_pem` is NULL or valid for `len` bytes;
/// `out_json` is NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jpki_trust_store_add(
    store: *const JpkiTrustStore,
    der_or_pem: *const u8,
    len: usize,
    out_json: *mut *mut c_char,
) -> JpkiStatus {
    let body = || {
        // SAFETY: NULL or a live handle, as the caller guarantees.
        let Some(store) = (unsafe { store.as_ref() }) else {
            return Reply::null("store");
        };
        // SAFETY: forwarded from the caller.
        let new = match unsafe { decode(der_or_pem, len) } {
            Ok(anchors) => anchors,
            Err(reply) => return reply,
        };
        let mut anchors = store
            .anchors
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        let count = new.len();
        anchors.extend(new);
        added(count, anchors.len())
    };
    // SAFETY: the caller guarantees `out_json` is NULL or writable.
    unsafe { run(out_json, body) }
}

/// The number of anchors in `store` (0 for NULL).
///
/// # Safety
/// `store` is NULL or a live handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jpki_trust_store_len(store: *const JpkiTrustStore) -> usize {
    // SAFETY: NULL or a live handle, as the caller guarantees.
    match unsafe { store.as_ref() } {
        Some(store) => store.anchors().len(),
        None => 0,
    }
}

/// Frees a trust store. NULL is ignored. Call it once, after every verification using the
/// store has returned.
///
/// # Safety
/// `store` is NULL or a handle from `jpki_trust_store_new` not freed yet and not in use.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jpki_trust_store_free(store: *mut JpkiTrustStore) {
    if !store.is_null() {
        // SAFETY: made by `Box::into_raw` in `jpki_trust_store_new`; freed once.
        drop(unsafe { Box::from_raw(store) });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn handles_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<super::JpkiTrustStore>();
        check::<crate::JpkiPreparedKey>();
        check::<crate::JpkiCrlSet>();
    }
}
