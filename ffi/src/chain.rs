//! Certificate paths (the command line's `chain`).

use std::ffi::c_char;

use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{Certificate, MAX_INTERMEDIATES, PathValidator};
use jpki_verify_cli::Outcome;
use jpki_verify_cli::json::{chain_failure_json, chain_path_json, sunset_rejects};
use jpki_verify_cli::limits::InputKind;
use jpki_verify_cli::pem;
use jpki_verify_cli::revocation::Revocation;

use crate::input::{self, JpkiBuffer, JpkiOptions, buffers, bytes, certificates};
use crate::store::JpkiTrustStore;
use crate::{JpkiStatus, Reply, run};

/// Builds and validates a certificate path (RFC 5280) from the end-entity certificate
/// `leaf` (DER or one PEM block) through `intermediates` (untrusted, any order; each buffer
/// DER or PEM with one or more blocks, at most 1024 certificates) to an anchor of `store`,
/// at `options->time_unix`, with the options' CRLs and OCSP responses, revocation mode and
/// sunset table (`options->time_basis` is for CMS only).
///
/// `JPKI_STATUS_OK` when the path validates (and the sunset table, if any, does not reject
/// it), `JPKI_STATUS_INVALID` when it does not (including a leaf that does not parse),
/// `JPKI_STATUS_INPUT` for undecodable intermediates or CRLs, an unknown table, bad options.
/// The report is the one of `jpki-verify chain --json`.
///
/// # Safety
/// `store` is NULL or a live handle; `leaf` is NULL or valid for `leaf_len` bytes;
/// `intermediates` is NULL or valid for `intermediate_count` buffers, each valid for its
/// length; `options` is NULL or a valid `JpkiOptions` (see its documentation); `out_json`
/// is NULL or valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jpki_verify_chain(
    store: *const JpkiTrustStore,
    leaf: *const u8,
    leaf_len: usize,
    intermediates: *const JpkiBuffer,
    intermediate_count: usize,
    options: *const JpkiOptions,
    out_json: *mut *mut c_char,
) -> JpkiStatus {
    // SAFETY: every pointer is as the caller guarantees; forwarded unchanged.
    let body = || unsafe {
        verify(
            store,
            leaf,
            leaf_len,
            intermediates,
            intermediate_count,
            options,
        )
        .unwrap_or_else(|reply| reply)
    };
    // SAFETY: the caller guarantees `out_json` is NULL or writable.
    unsafe { run(out_json, body) }
}

/// # Safety
/// As [`jpki_verify_chain`].
unsafe fn verify(
    store: *const JpkiTrustStore,
    leaf: *const u8,
    leaf_len: usize,
    intermediates: *const JpkiBuffer,
    intermediate_count: usize,
    options: *const JpkiOptions,
) -> Result<Reply, Reply> {
    // SAFETY (this block): every pointer is as the caller of `jpki_verify_chain` guarantees.
    let (store, leaf, intermediates, options) = unsafe {
        let store = store.as_ref().ok_or_else(|| Reply::null("store"))?;
        let leaf = bytes(leaf, leaf_len, "leaf", InputKind::Certificate)?;
        let buffers = buffers(
            intermediates,
            intermediate_count,
            "intermediates",
            MAX_INTERMEDIATES,
        )?;
        (
            store,
            leaf,
            certificates(buffers, "intermediates")?,
            input::options(options)?,
        )
    };
    if intermediates.len() > MAX_INTERMEDIATES {
        return Err(Reply::too_large(
            "intermediates (certificates)",
            intermediates.len(),
            MAX_INTERMEDIATES as u64,
        ));
    }
    let leaf =
        pem::single_der(leaf, "certificate").map_err(|e| Reply::input(format!("leaf: {e}")))?;
    // As the command line: a leaf that does not parse is a verification failure.
    let leaf = match Certificate::from_der(&leaf) {
        Ok(leaf) => leaf,
        Err(err) => {
            return Ok(Reply::outcome(
                Outcome::NotVerified,
                chain_failure_json(&err, None),
            ));
        }
    };
    let revocation = Revocation::new(options.crls(), &options.ocsp);
    let time = options.time;
    let validator =
        PathValidator::with_backend(&BACKEND, time).revocation(options.revocation, &revocation);
    let anchors = store.anchors();
    Ok(match validator.validate(&leaf, &intermediates, &anchors) {
        Err(err) => Reply::outcome(Outcome::NotVerified, chain_failure_json(&err, Some(time))),
        Ok(path) => {
            let assessment = options.table.map(|t| t.evaluate_path(&path, time));
            let outcome = if sunset_rejects(assessment.as_ref()) {
                Outcome::NotVerified
            } else {
                Outcome::Verified
            };
            Reply::outcome(outcome, chain_path_json(&path, time, assessment.as_ref()))
        }
    })
}
