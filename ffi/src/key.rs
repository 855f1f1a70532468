//! Prepared public keys and raw signatures (the command line's `sig`).

use std::ffi::c_char;

use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{Error, PreparedKey, PublicKeyInfo};
use jpki_verify_cli::json::{error_json, key_json, sig_json};
use jpki_verify_cli::limits::InputKind;
use jpki_verify_cli::pem;
use serde_json::json;

use crate::input::{bytes, c_str};
use crate::{JpkiStatus, Reply, run};

/// An opaque public key, decoded and checked once (RSA modulus of at least 2048 bits, EC
/// point on its curve), for any number of verifications. Thread-safe and immutable.
pub struct JpkiPreparedKey {
    key: PreparedKey,
    info: PublicKeyInfo,
}

/// Prepares a key with the first algorithm of the backend that takes it. When none does,
/// the most telling error: one about the key itself rather than "not this algorithm".
fn prepare(spki: &[u8]) -> Result<JpkiPreparedKey, Error> {
    let mut error = Error::SignatureAlgorithmMismatch;
    for alg in BACKEND.algorithms {
        match alg.prepare_key(spki) {
            Ok(key) => {
                let info = key.info();
                return Ok(JpkiPreparedKey { key, info });
            }
            Err(Error::SignatureAlgorithmMismatch) => {}
            Err(e) => {
                if error == Error::SignatureAlgorithmMismatch {
                    error = e;
                }
            }
        }
    }
    Err(error)
}

/// Decodes and checks a public key given as a SubjectPublicKeyInfo or a certificate, DER or
/// PEM. On success `*out_key` receives the handle (free it with `jpki_prepared_key_free`)
/// and the report is `{"valid": true, "key": {"type": "rsa", "bits": 2048}}`. A key the
/// library cannot use (malformed, too small, an unsupported type) is `JPKI_STATUS_INVALID`
/// with the library's error, as the command line's `sig` reports it; broken PEM is
/// `JPKI_STATUS_INPUT`. On failure `*out_key` is NULL.
///
/// # Safety
/// `spki_or_cert` is NULL or valid for `len` bytes; `out_key` is valid for writing one
/// pointer; `out_json` is NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jpki_prepared_key_new(
    spki_or_cert: *const u8,
    len: usize,
    out_key: *mut *mut JpkiPreparedKey,
    out_json: *mut *mut c_char,
) -> JpkiStatus {
    let body = || {
        if out_key.is_null() {
            return Reply::null("out_key");
        }
        // SAFETY: checked non-NULL; the caller guarantees it is writable.
        unsafe { out_key.write(std::ptr::null_mut()) };
        // SAFETY: forwarded from the caller.
        let input = match unsafe { bytes(spki_or_cert, len, "spki_or_cert", InputKind::PublicKey) }
        {
            Ok(input) => input,
            Err(reply) => return reply,
        };
        let spki = match pem::single_object(input.to_vec(), "key or certificate")
            .and_then(pem::public_key_der)
        {
            Ok(spki) => spki,
            Err(e) => return Reply::input(e),
        };
        match prepare(&spki) {
            Ok(key) => {
                let report = json!({ "valid": true, "key": key_json(key.info) });
                // SAFETY: as above.
                unsafe { out_key.write(Box::into_raw(Box::new(key))) };
                Reply::new(JpkiStatus::Ok, report)
            }
            Err(e) => Reply::new(
                JpkiStatus::Invalid,
                json!({ "valid": false, "error": error_json(e.kind(), &e.to_string()) }),
            ),
        }
    };
    // SAFETY: the caller guarantees `out_json` is NULL or writable.
    unsafe { run(out_json, body) }
}

/// Frees a prepared key. NULL is ignored. Call it once, after its last use.
///
/// # Safety
/// `key` is NULL or a handle from `jpki_prepared_key_new` not freed yet and not in use.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jpki_prepared_key_free(key: *mut JpkiPreparedKey) {
    if !key.is_null() {
        // SAFETY: made by `Box::into_raw` in `jpki_prepared_key_new`; freed once.
        drop(unsafe { Box::from_raw(key) });
    }
}

/// Verifies `signature` over the unhashed `message` with `key`, under the algorithm named
/// `algorithm` (the command line's `--alg`: "rsa-pkcs1-sha256", "rsa-pss-sha256",
/// "ecdsa-p384-sha384", "ecdsa-p384-sha384-p1363", ...). `JPKI_STATUS_OK` when it verifies,
/// `JPKI_STATUS_INVALID` when it does not (bad signature, a key of another type),
/// `JPKI_STATUS_INPUT` for an unknown algorithm name. The report is the one of
/// `jpki-verify sig --json`. `message` may be NULL when `message_len` is 0.
///
/// # Safety
/// `key` is NULL or a live handle; `algorithm` is NULL or a NUL-terminated string;
/// `message` and `signature` are NULL or valid for their lengths; `out_json` is NULL or
/// valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jpki_verify_signature(
    key: *const JpkiPreparedKey,
    algorithm: *const c_char,
    message: *const u8,
    message_len: usize,
    signature: *const u8,
    signature_len: usize,
    out_json: *mut *mut c_char,
) -> JpkiStatus {
    let body = || {
        // SAFETY: NULL or a live handle, as the caller guarantees.
        let Some(key) = (unsafe { key.as_ref() }) else {
            return Reply::null("key");
        };
        // SAFETY: as the caller guarantees.
        let name = match unsafe { c_str(algorithm, "algorithm") } {
            Ok(Some(name)) => name,
            Ok(None) => return Reply::null("algorithm"),
            Err(reply) => return reply,
        };
        let Some(alg) = BACKEND.by_name(name) else {
            let names: Vec<&str> = BACKEND.algorithms.iter().map(|a| a.name()).collect();
            return Reply::input(format!(
                "unknown algorithm `{name}` (known: {})",
                names.join(", ")
            ));
        };
        let message: &[u8] = if message.is_null() && message_len == 0 {
            &[]
        } else {
            // SAFETY: as the caller guarantees.
            match unsafe { bytes(message, message_len, "message", InputKind::Message) } {
                Ok(m) => m,
                Err(reply) => return reply,
            }
        };
        // SAFETY: as the caller guarantees.
        let signature =
            match unsafe { bytes(signature, signature_len, "signature", InputKind::Signature) } {
                Ok(s) => s,
                Err(reply) => return reply,
            };
        let result = alg.verify_prepared(&key.key, message, signature);
        let status = if result.is_ok() {
            JpkiStatus::Ok
        } else {
            JpkiStatus::Invalid
        };
        Reply::new(status, sig_json(alg, &BACKEND, Some(key.info), result))
    };
    // SAFETY: the caller guarantees `out_json` is NULL or writable.
    unsafe { run(out_json, body) }
}
