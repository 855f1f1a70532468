//! C ABI of jpki-verify: verify a raw signature, a certificate path or a CMS document from
//! C, C++, Java (FFM/JNI), .NET (P/Invoke) or Python (ctypes), getting back a status code and
//! the same JSON report `jpki-verify --json` prints.
//!
//! Conventions of every function (the header, `include/jpki_verify.h`, is generated from
//! these doc comments by cbindgen):
//! - The return value is a `JpkiStatus`; 0, 1 and 2 are the command line's exit codes.
//! - `out_json`, where a function has it, may be NULL (no report wanted). Otherwise it
//!   receives a NUL-terminated UTF-8 JSON object owned by the library, for every status
//!   (errors included), to be released with `jpki_string_free`. There is no global or
//!   thread-local "last error": the message is in the JSON.
//! - Input buffers are borrowed for the duration of the call only. A NULL pointer where
//!   data is required is `JPKI_STATUS_NULL_ARGUMENT`; a length over the library's limit for
//!   that kind of input is `JPKI_STATUS_TOO_LARGE`.
//! - No panic crosses the boundary: each entry point that decodes or verifies runs under
//!   `catch_unwind`, and a panic (a bug) is reported as `JPKI_STATUS_PANIC`. (The `*_free`,
//!   `jpki_trust_store_len` and `jpki_version` functions only drop, count or return a static
//!   and cannot panic.)
//! - Handles (`JpkiTrustStore`, `JpkiCrlSet`, `JpkiPreparedKey`) are thread-safe: one handle may be used
//!   from any number of threads at once. Free each exactly once, after its last use.

#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs, rust_2018_idioms)]

mod chain;
mod cms;
mod crls;
mod input;
mod key;
mod store;

use std::ffi::{CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

use jpki_verify_cli::Outcome;
use jpki_verify_cli::json::error_json;
use serde_json::{Value, json};

pub use chain::jpki_verify_chain;
pub use cms::jpki_verify_cms;
pub use crls::{JpkiCrlSet, jpki_crl_set_free, jpki_crl_set_new};
pub use input::{JpkiBuffer, JpkiOptions, JpkiRevocation, JpkiTime};
pub use key::{
    JpkiPreparedKey, jpki_prepared_key_free, jpki_prepared_key_new, jpki_verify_signature,
};
pub use store::{
    JpkiTrustStore, jpki_trust_store_add, jpki_trust_store_free, jpki_trust_store_len,
    jpki_trust_store_new,
};

/// The result of every call. 0, 1 and 2 are the exit codes of the `jpki-verify` command
/// line for the same situation; the others exist only at the C boundary (the command line
/// cannot pass a NULL pointer) and are input errors in the command line's terms.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JpkiStatus {
    /// Verified: the signature, path or signer requirement holds (CLI exit 0).
    Ok = 0,
    /// The input was read and judged invalid: bad signature, no valid path, requirement
    /// not met, a sunset table rejecting (CLI exit 1). The JSON says why.
    Invalid = 1,
    /// Bad input or argument: undecodable PEM, an anchor or CRL that does not parse, an
    /// unknown algorithm or table name, a bad option (CLI exit 2).
    Input = 2,
    /// A panic inside the library was caught (a bug: please report it with the input).
    Panic = 3,
    /// A required pointer argument was NULL.
    NullArgument = 4,
    /// A buffer or array is longer than the library accepts for that kind of input.
    TooLarge = 5,
}

impl From<Outcome> for JpkiStatus {
    fn from(outcome: Outcome) -> Self {
        match outcome {
            Outcome::Verified => JpkiStatus::Ok,
            Outcome::NotVerified => JpkiStatus::Invalid,
            Outcome::UsageError => JpkiStatus::Input,
        }
    }
}

/// A status and its JSON report, as every entry point produces them.
pub(crate) struct Reply {
    status: JpkiStatus,
    json: Value,
}

impl Reply {
    pub(crate) fn new(status: JpkiStatus, json: Value) -> Self {
        Self { status, json }
    }

    /// An outcome the CLI also has (verified, not verified, input error) with its report.
    pub(crate) fn outcome(outcome: Outcome, json: Value) -> Self {
        Self::new(outcome.into(), json)
    }

    /// An input error (CLI exit 2), reported as the CLI reports it.
    pub(crate) fn input(message: impl AsRef<str>) -> Self {
        Self::new(
            JpkiStatus::Input,
            jpki_verify_cli::json::input_error_json(message.as_ref()),
        )
    }

    /// An error only the C boundary has, with its own `kind`.
    fn boundary(status: JpkiStatus, kind: &str, message: &str) -> Self {
        Self::new(
            status,
            json!({ "valid": false, "error": error_json(kind, message) }),
        )
    }

    pub(crate) fn null(argument: &str) -> Self {
        Self::boundary(
            JpkiStatus::NullArgument,
            "null-argument",
            &format!("`{argument}` is NULL"),
        )
    }

    pub(crate) fn too_large(argument: &str, len: usize, limit: u64) -> Self {
        Self::boundary(
            JpkiStatus::TooLarge,
            "too-large",
            &format!("`{argument}` is {len} long; the limit is {limit}"),
        )
    }

    fn panic(payload: &(dyn std::any::Any + Send)) -> Self {
        let detail = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("no message");
        Self::boundary(
            JpkiStatus::Panic,
            "panic",
            &format!("internal error (caught panic: {detail})"),
        )
    }
}

/// Runs one entry point: catches any panic, writes the JSON report to `out_json` (unless it
/// is NULL) and returns the status.
///
/// # Safety
/// `out_json` is NULL or valid for writing one pointer.
pub(crate) unsafe fn run(out_json: *mut *mut c_char, body: impl FnOnce() -> Reply) -> JpkiStatus {
    // Unwind safety: after a panic nothing the closure touched is used again except the
    // handles, whose state stays consistent: CRL sets and keys are immutable, and a trust
    // store is written only by `add`, which decodes everything before one `extend`.
    let reply = catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|p| Reply::panic(&*p));
    if !out_json.is_null() {
        // SAFETY: the caller guarantees `out_json` is valid for writes when non-NULL.
        unsafe { out_json.write(into_c_string(&reply.json)) };
    }
    reply.status
}

/// The report as a C string owned by the library (freed by [`jpki_string_free`]).
fn into_c_string(json: &Value) -> *mut c_char {
    // serde_json escapes control characters, so the text has no interior NUL.
    let text = json.to_string();
    CString::new(text)
        .unwrap_or_else(|_| CString::from(c"{\"valid\":false}"))
        .into_raw()
}

/// Releases a string returned through an `out_json` argument. NULL is ignored. Each string
/// must be freed exactly once, and only with this function (not `free()`).
///
/// # Safety
/// `s` is NULL or a pointer this library returned and that was not freed yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jpki_string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    // Never unwinds (dropping a CString only deallocates), so no catch_unwind here.
    // SAFETY: the caller passes a pointer made by `CString::into_raw` in `into_c_string`.
    drop(unsafe { CString::from_raw(s) });
}

/// The library version, e.g. "0.1.0": a static NUL-terminated string (never free it).
#[unsafe(no_mangle)]
pub extern "C" fn jpki_version() -> *const c_char {
    static VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");
    VERSION.as_ptr().cast()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads and frees a report.
    fn take(ptr: *mut c_char) -> Value {
        assert!(!ptr.is_null());
        // SAFETY: `ptr` came from `into_c_string` through `run`.
        let text = unsafe { std::ffi::CStr::from_ptr(ptr) }
            .to_str()
            .unwrap()
            .to_owned();
        // SAFETY: as above; freed once.
        unsafe { jpki_string_free(ptr) };
        serde_json::from_str(&text).unwrap()
    }

    #[test]
    fn a_panic_becomes_the_panic_status_with_its_message() {
        let mut out = std::ptr::null_mut();
        // SAFETY: `out` is a valid place for the report.
        let status = unsafe { run(&mut out, || panic!("boom in the verifier")) };
        assert_eq!(status, JpkiStatus::Panic);
        let report = take(out);
        assert_eq!(report["error"]["kind"], "panic");
        assert!(
            report["error"]["message"]
                .as_str()
                .unwrap()
                .contains("boom in the verifier")
        );
    }

    #[test]
    fn a_formatted_panic_message_is_kept_and_a_null_out_json_is_allowed() {
        // SAFETY: NULL means "no report".
        let status = unsafe { run(std::ptr::null_mut(), || panic!("index {}", 7)) };
        assert_eq!(status, JpkiStatus::Panic);
        let mut out = std::ptr::null_mut();
        // SAFETY: as above.
        unsafe { run(&mut out, || panic!("index {}", 7)) };
        assert!(
            take(out)["error"]["message"]
                .as_str()
                .unwrap()
                .contains("index 7")
        );
    }

    #[test]
    fn status_codes_are_the_cli_exit_codes() {
        for outcome in [Outcome::Verified, Outcome::NotVerified, Outcome::UsageError] {
            assert_eq!(JpkiStatus::from(outcome) as i32, i32::from(outcome.code()));
        }
    }

    #[test]
    fn the_version_is_the_crate_version() {
        // SAFETY: a static NUL-terminated string.
        let v = unsafe { std::ffi::CStr::from_ptr(jpki_version()) };
        assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    }
}
