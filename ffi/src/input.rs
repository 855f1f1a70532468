//! Reading arguments at the boundary: pointers checked for NULL, lengths against the
//! command line's caps (the library's own limits), options read up to the size the caller
//! compiled against.

use std::ffi::{CStr, c_char};

use jpki_verify::cms::ValidationTime;
use jpki_verify::policy::{BUILTIN_TABLES, Date, Table, builtin};
use jpki_verify::{Certificate, Crl, OcspResponse, RevocationMode, UnixTime};
use jpki_verify_cli::limits::InputKind;
use jpki_verify_cli::pem;

use crate::Reply;
use crate::crls::JpkiCrlSet;

/// The most CRLs one call accepts (in `JpkiOptions.crls`): far more than the generations
/// and purposes of one PKI publish at a time.
pub const MAX_CRLS: usize = 256;

/// The most OCSP response buffers one call accepts (in `JpkiOptions.ocsp`): one response per
/// certificate of many paths.
pub const MAX_OCSP_RESPONSES: usize = 256;

/// A borrowed byte buffer: `data` points to `len` bytes (DER, or PEM text with one or more
/// blocks where the function says so). `data` may be NULL only when `len` is 0.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct JpkiBuffer {
    /// The first byte.
    pub data: *const u8,
    /// The number of bytes.
    pub len: usize,
}

/// Revocation checking, for `JpkiOptions.revocation`: the command line's `--revocation`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JpkiRevocation {
    /// No revocation checking.
    Off = 0,
    /// Use the CRLs and OCSP responses given; a certificate none covers is accepted.
    Available = 1,
    /// A current CRL or OCSP response is required for every certificate but the anchor.
    Require = 2,
}

/// What time a CMS signer's path is validated at, for `JpkiOptions.time_basis`: the command
/// line's `--at`, `--at-timestamp` and `--at-signing-time`. Chains always use `time_unix`.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JpkiTime {
    /// At `time_unix`.
    Given = 0,
    /// Each signer at the genTime of its RFC 3161 signature-time-stamp token (CAdES-T), a
    /// TSA's proof; a signer without a valid token fails. `time_unix` is then "now": the
    /// time the TSA's own path is validated at. The TSA's anchor must be in the store.
    Timestamp = 1,
    /// Each signer at its signing-time attribute: the signer's own claim (opt-in; anyone
    /// holding the key can write any time there).
    SigningTime = 2,
}

/// Options of a path or CMS verification. Zero-initialise it, then set `size` to
/// `sizeof(JpkiOptions)` and `time_unix`:
///
/// ```c
/// JpkiOptions options = {0};
/// options.size = sizeof options;
/// options.time_unix = 1780358400; // 2026-06-02T00:00:00Z
/// ```
///
/// Later versions only append fields (`crl_set`, then `ocsp`, `ocsp_count` and
/// `time_basis` came that way); `size` tells the library which fields the caller knows,
/// and fields past it are taken as zero (none). Zero is the default of every field but
/// `size` and `time_unix`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct JpkiOptions {
    /// `sizeof(JpkiOptions)` as the caller compiled it.
    pub size: usize,
    /// The validation time, in seconds since 1970-01-01T00:00:00Z; the library has no
    /// clock. From 0 to the end of year 9999.
    pub time_unix: i64,
    /// A `JpkiRevocation` value (0 = off).
    pub revocation: u32,
    /// A built-in sunset table to judge the signatures with (e.g. "cryptrec-ls0003"), or
    /// NULL for none. With a table, a CMS signer's SHA-1 digest is left to the table.
    pub sunset_table: *const c_char,
    /// CRLs (DER or PEM, each buffer may hold several PEM blocks), or NULL when
    /// `crl_count` is 0.
    pub crls: *const JpkiBuffer,
    /// The number of buffers in `crls`, at most 256.
    pub crl_count: usize,
    /// CRLs parsed once with `jpki_crl_set_new`, or NULL. For a service: the CRLs are
    /// then not parsed again on every call. Not together with `crls`.
    pub crl_set: *const JpkiCrlSet,
    /// OCSP responses (RFC 6960; DER or PEM, each buffer may hold several PEM blocks), or
    /// NULL when `ocsp_count` is 0: a revocation source beside the CRLs (asked after them).
    pub ocsp: *const JpkiBuffer,
    /// The number of buffers in `ocsp`, at most 256.
    pub ocsp_count: usize,
    /// A `JpkiTime` value (0 = at `time_unix`): what time CMS signers are validated at.
    pub time_basis: u32,
}

/// The size of the first layout of [`JpkiOptions`] (through `crl_count`): the least a caller
/// may pass. Every field after it is optional, taken as zero when `size` ends before it.
const MIN_OPTIONS_SIZE: usize = std::mem::offset_of!(JpkiOptions, crl_set);

impl JpkiOptions {
    /// All zero: NULL pointers, zero counts, time 0, revocation off.
    const ZERO: Self = Self {
        size: 0,
        time_unix: 0,
        revocation: 0,
        sunset_table: std::ptr::null(),
        crls: std::ptr::null(),
        crl_count: 0,
        crl_set: std::ptr::null(),
        ocsp: std::ptr::null(),
        ocsp_count: 0,
        time_basis: 0,
    };
}

/// The decoded options.
pub(crate) struct Options<'a> {
    pub time: UnixTime,
    pub revocation: RevocationMode,
    pub table: Option<&'static Table>,
    /// The CMS signers' validation time (`time` is then the TSA path's "now").
    pub cms_time: ValidationTime,
    /// The OCSP responses, asked after the CRLs.
    pub ocsp: Vec<OcspResponse>,
    crls: Crls<'a>,
}

/// The CRLs of one call: decoded from its buffers, or a shared set.
enum Crls<'a> {
    Decoded(Vec<Crl>),
    Shared(&'a JpkiCrlSet),
}

impl Options<'_> {
    /// The CRLs to check revocation with.
    pub fn crls(&self) -> &[Crl] {
        match &self.crls {
            Crls::Decoded(crls) => crls,
            Crls::Shared(set) => set.crls(),
        }
    }
}

/// Reads and decodes the options.
///
/// # Safety
/// `ptr` is NULL or points to at least `(*ptr).size` readable bytes laid out as
/// [`JpkiOptions`] (or a longer version of it); the pointers in it are valid as documented.
pub(crate) unsafe fn options<'a>(ptr: *const JpkiOptions) -> Result<Options<'a>, Reply> {
    if ptr.is_null() {
        return Err(Reply::null("options"));
    }
    // SAFETY: `size` is the first field, present in every version of the struct.
    let size = unsafe { ptr.cast::<usize>().read_unaligned() };
    let ours = size_of::<JpkiOptions>();
    if size < MIN_OPTIONS_SIZE {
        return Err(Reply::input(format!(
            "options.size is {size}; set it to sizeof(JpkiOptions) ({ours})"
        )));
    }
    let mut o = JpkiOptions::ZERO;
    // SAFETY: the caller's struct has at least `ours` bytes (checked above); a newer caller's
    // extra fields past them are not read.
    unsafe {
        std::ptr::copy_nonoverlapping(ptr.cast::<u8>(), (&raw mut o).cast::<u8>(), ours.min(size));
    }
    if o.time_unix < 0 || Date::from_unix_seconds(o.time_unix).is_none() {
        return Err(Reply::input(format!(
            "options.time_unix {} is outside 1970-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z",
            o.time_unix
        )));
    }
    let revocation = match o.revocation {
        0 => RevocationMode::Off,
        1 => RevocationMode::CheckAvailable,
        2 => RevocationMode::RequireCurrent,
        other => {
            return Err(Reply::input(format!(
                "options.revocation {other} is not a JpkiRevocation (0 off, 1 available, 2 require)"
            )));
        }
    };
    // SAFETY: the caller guarantees `sunset_table` is NULL or a NUL-terminated string.
    let table = match unsafe { c_str(o.sunset_table, "options.sunset_table") }? {
        None => None,
        Some(name) => Some(builtin(name).ok_or_else(|| {
            let names: Vec<String> = BUILTIN_TABLES.iter().map(|t| t.qualified_name()).collect();
            Reply::input(format!(
                "no built-in table `{name}` (built-in: {})",
                names.join(", ")
            ))
        })?),
    };
    let cms_time = match o.time_basis {
        0 => ValidationTime::At(UnixTime::from_unix_seconds(o.time_unix)),
        1 => ValidationTime::Timestamped,
        2 => ValidationTime::SigningTime,
        other => {
            return Err(Reply::input(format!(
                "options.time_basis {other} is not a JpkiTime (0 given, 1 timestamp, 2 signing time)"
            )));
        }
    };
    // SAFETY: the caller guarantees `crls` holds `crl_count` valid buffers.
    let buffers = unsafe { buffers(o.crls, o.crl_count, "options.crls", MAX_CRLS) }?;
    // SAFETY: `crl_set` is NULL or a live handle, as the caller guarantees.
    let crls = match unsafe { o.crl_set.as_ref() } {
        Some(_) if !buffers.is_empty() => {
            return Err(Reply::input(
                "options.crls and options.crl_set are both set; give the CRLs one way",
            ));
        }
        Some(set) => Crls::Shared(set),
        // SAFETY: each buffer is valid as the caller guarantees.
        None => Crls::Decoded(unsafe { decode_crls(buffers, "options.crls") }?),
    };
    // SAFETY: the caller guarantees `ocsp` holds `ocsp_count` valid buffers.
    let ocsp = unsafe {
        let list = self::buffers(o.ocsp, o.ocsp_count, "options.ocsp", MAX_OCSP_RESPONSES)?;
        decode_ocsp(list, "options.ocsp")?
    };
    Ok(Options {
        time: UnixTime::from_unix_seconds(o.time_unix),
        revocation,
        table,
        cms_time,
        ocsp,
        crls,
    })
}

/// Every CRL in `buffers` (each DER or PEM with one or more blocks).
///
/// # Safety
/// Each buffer is valid as [`buffer_bytes`] requires.
pub(crate) unsafe fn decode_crls(buffers: &[JpkiBuffer], name: &str) -> Result<Vec<Crl>, Reply> {
    let mut crls = Vec::new();
    for (i, buffer) in buffers.iter().enumerate() {
        let name = format!("{name}[{i}]");
        // SAFETY: each buffer is valid as the caller guarantees.
        let bytes = unsafe { buffer_bytes(buffer, &name, InputKind::Crl) }?;
        let objects =
            pem::der_objects(bytes.to_vec()).map_err(|e| Reply::input(format!("{name}: {e}")))?;
        for object in objects {
            crls.push(
                Crl::from_der_owned(object.der)
                    .map_err(|e| Reply::input(format!("{name}: not a usable CRL: {e}")))?,
            );
        }
    }
    Ok(crls)
}

/// Every OCSP response in `buffers` (each DER or PEM with one or more blocks).
///
/// # Safety
/// Each buffer is valid as [`buffer_bytes`] requires.
unsafe fn decode_ocsp(buffers: &[JpkiBuffer], name: &str) -> Result<Vec<OcspResponse>, Reply> {
    let mut out = Vec::new();
    for (i, buffer) in buffers.iter().enumerate() {
        let name = format!("{name}[{i}]");
        // SAFETY: each buffer is valid as the caller guarantees.
        let bytes = unsafe { buffer_bytes(buffer, &name, InputKind::OcspResponse) }?;
        let objects =
            pem::der_objects(bytes.to_vec()).map_err(|e| Reply::input(format!("{name}: {e}")))?;
        for object in objects {
            out.push(
                OcspResponse::from_der_owned(object.der).map_err(|e| {
                    Reply::input(format!("{name}: not a usable OCSP response: {e}"))
                })?,
            );
        }
    }
    Ok(out)
}

/// `len` bytes at `ptr`, at most `kind`'s cap.
///
/// # Safety
/// `ptr` is NULL or valid for reading `len` bytes for the lifetime `'a`.
pub(crate) unsafe fn bytes<'a>(
    ptr: *const u8,
    len: usize,
    name: &str,
    kind: InputKind,
) -> Result<&'a [u8], Reply> {
    if ptr.is_null() {
        return Err(Reply::null(name));
    }
    if len as u64 > kind.limit() {
        return Err(Reply::too_large(name, len, kind.limit()));
    }
    // SAFETY: non-NULL and valid for `len` bytes, as the caller guarantees.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// The bytes of one [`JpkiBuffer`]: NULL with length 0 is empty.
///
/// # Safety
/// As [`bytes`], for `buffer.data` and `buffer.len`.
pub(crate) unsafe fn buffer_bytes<'a>(
    buffer: &JpkiBuffer,
    name: &str,
    kind: InputKind,
) -> Result<&'a [u8], Reply> {
    if buffer.data.is_null() && buffer.len == 0 {
        return Ok(&[]);
    }
    // SAFETY: forwarded from the caller.
    unsafe { bytes(buffer.data, buffer.len, name, kind) }
}

/// `count` buffers at `ptr` (NULL allowed when `count` is 0), at most `max`.
///
/// # Safety
/// `ptr` is NULL or valid for reading `count` [`JpkiBuffer`]s for `'a`.
pub(crate) unsafe fn buffers<'a>(
    ptr: *const JpkiBuffer,
    count: usize,
    name: &str,
    max: usize,
) -> Result<&'a [JpkiBuffer], Reply> {
    if count == 0 {
        return Ok(&[]);
    }
    if ptr.is_null() {
        return Err(Reply::null(name));
    }
    if count > max {
        return Err(Reply::too_large(name, count, max as u64));
    }
    // SAFETY: non-NULL and valid for `count` elements, as the caller guarantees.
    Ok(unsafe { std::slice::from_raw_parts(ptr, count) })
}

/// A NUL-terminated UTF-8 string, or `None` for NULL.
///
/// # Safety
/// `ptr` is NULL or a NUL-terminated string valid for `'a`.
pub(crate) unsafe fn c_str<'a>(ptr: *const c_char, name: &str) -> Result<Option<&'a str>, Reply> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: NUL-terminated, as the caller guarantees.
    let text = unsafe { CStr::from_ptr(ptr) };
    text.to_str()
        .map(Some)
        .map_err(|_| Reply::input(format!("`{name}` is not UTF-8")))
}

/// Every certificate in `buffers` (each DER or PEM with one or more blocks).
///
/// # Safety
/// Each buffer is valid as [`buffer_bytes`] requires.
pub(crate) unsafe fn certificates(
    buffers: &[JpkiBuffer],
    name: &str,
) -> Result<Vec<Certificate>, Reply> {
    let mut out = Vec::new();
    for (i, buffer) in buffers.iter().enumerate() {
        let name = format!("{name}[{i}]");
        // SAFETY: forwarded from the caller.
        let bytes = unsafe { buffer_bytes(buffer, &name, InputKind::Certificate) }?;
        let objects =
            pem::der_objects(bytes.to_vec()).map_err(|e| Reply::input(format!("{name}: {e}")))?;
        for object in objects {
            out.push(
                Certificate::from_der(&object.der)
                    .map_err(|e| Reply::input(format!("{name}: not a usable certificate: {e}")))?,
            );
        }
    }
    Ok(out)
}
