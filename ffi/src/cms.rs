//! CMS SignedData documents (the command line's `cms`).

use std::ffi::c_char;

use jpki_verify::PathValidator;
use jpki_verify::cms::{self as lib_cms, CmsVerifier, Content};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify_cli::Outcome;
use jpki_verify_cli::json::cms_report_json;
use jpki_verify_cli::limits::InputKind;
use jpki_verify_cli::pem;
use jpki_verify_cli::revocation::Revocation;
use jpki_verify_cli::signers::Signers;

use crate::input::{JpkiBuffer, JpkiOptions, buffers, bytes, c_str, certificates, options};
use crate::store::JpkiTrustStore;
use crate::{JpkiStatus, Reply, run};

/// Verifies a CMS SignedData document (a ContentInfo, DER or one PEM block): every
/// signer's signature over the original bytes, its certificate's path to an anchor of
/// `store` at the time `options->time_basis` says (with the options' CRLs, OCSP responses
/// and revocation mode), and the `requirement` on the signers: "all" (also for NULL),
/// "any", or "families:rsa,ecdsa" (each family covered by a verified signer). With a sunset table in the options, verified
/// signers are judged by it. Signature-time-stamp tokens are verified against the anchors
/// of `store` too, at `options->time_unix`.
///
/// `content` is the detached content, or NULL (with `content_len` 0) when the document
/// carries its content. `certificates` (NULL when `certificate_count` is 0, at most 64
/// buffers) are extra untrusted certificates: intermediates, or a signer certificate the
/// document does not embed.
///
/// `JPKI_STATUS_OK` when the requirement is met, `JPKI_STATUS_INVALID` when it is not
/// (including bytes that are not a valid SignedData), `JPKI_STATUS_INPUT` for undecodable
/// PEM, certificates or CRLs, a bad requirement, an unknown table or bad options. The report
/// is the one of `jpki-verify cms --json`.
///
/// # Safety
/// `store` is NULL or a live handle; `cms` is NULL or valid for `cms_len` bytes; `content`
/// is NULL or valid for `content_len` bytes; `certificates` is NULL or valid for
/// `certificate_count` buffers, each valid for its length; `requirement` is NULL or a
/// NUL-terminated string; `options` is NULL or a valid `JpkiOptions`; `out_json` is NULL or
/// valid for writing one pointer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn jpki_verify_cms(
    store: *const JpkiTrustStore,
    cms: *const u8,
    cms_len: usize,
    content: *const u8,
    content_len: usize,
    certificates: *const JpkiBuffer,
    certificate_count: usize,
    requirement: *const c_char,
    options: *const JpkiOptions,
    out_json: *mut *mut c_char,
) -> JpkiStatus {
    let args = Args {
        store,
        cms,
        cms_len,
        content,
        content_len,
        certificates,
        certificate_count,
        requirement,
        options,
    };
    // SAFETY: every pointer is as the caller guarantees; forwarded unchanged.
    let body = || unsafe { verify(&args).unwrap_or_else(|reply| reply) };
    // SAFETY: the caller guarantees `out_json` is NULL or writable.
    unsafe { run(out_json, body) }
}

/// The raw arguments of [`jpki_verify_cms`].
struct Args {
    store: *const JpkiTrustStore,
    cms: *const u8,
    cms_len: usize,
    content: *const u8,
    content_len: usize,
    certificates: *const JpkiBuffer,
    certificate_count: usize,
    requirement: *const c_char,
    options: *const JpkiOptions,
}

/// # Safety
/// As [`jpki_verify_cms`].
unsafe fn verify(a: &Args) -> Result<Reply, Reply> {
    // SAFETY (this block): every pointer is as the caller of `jpki_verify_cms` guarantees.
    let (store, signed, content, extra, signers, options) = unsafe {
        let store = a.store.as_ref().ok_or_else(|| Reply::null("store"))?;
        let signed = bytes(a.cms, a.cms_len, "cms", InputKind::CmsDocument)?;
        let content = if a.content.is_null() && a.content_len == 0 {
            None
        } else {
            Some(bytes(
                a.content,
                a.content_len,
                "content",
                InputKind::CmsContent,
            )?)
        };
        let list = buffers(
            a.certificates,
            a.certificate_count,
            "certificates",
            lib_cms::MAX_CERTIFICATES,
        )?;
        let extra = certificates(list, "certificates")?;
        let signers = c_str(a.requirement, "requirement")?.unwrap_or("all");
        (store, signed, content, extra, signers, options(a.options)?)
    };
    let signers = Signers::parse(signers)
        .map_err(|e| Reply::input(format!("requirement `{signers}`: {e}")))?;
    let signed =
        pem::single_der(signed, "SignedData").map_err(|e| Reply::input(format!("cms: {e}")))?;
    let revocation = Revocation::new(options.crls(), &options.ocsp);
    let validator = PathValidator::with_backend(&BACKEND, options.time)
        .revocation(options.revocation, &revocation);
    let anchors = store.anchors();
    // As `cms` without --tsa-anchor: the TSA's path is validated with the same validator
    // ("now" is `time_unix`) and anchors.
    let mut verifier = CmsVerifier::new(validator, &anchors)
        .time(options.cms_time)
        .certificates(&extra)
        .requirement(signers.requirement());
    if let Some(table) = options.table {
        verifier = verifier.sunset(table).allow_sha1(true);
    }
    let report = verifier.verify(
        &signed,
        match content {
            Some(bytes) => Content::Bytes(bytes),
            None => Content::Attached,
        },
    );
    let outcome = if report.is_valid() {
        Outcome::Verified
    } else {
        Outcome::NotVerified
    };
    let json = cms_report_json(&report, signers.text(), options.cms_time);
    Ok(Reply::outcome(outcome, json))
}
