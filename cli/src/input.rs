//! Reading inputs: every file goes through [`read_input`] (or [`open_stream`] for content
//! that is streamed), with a size cap per kind of input taken from the library's own
//! limits, so that no input - a huge file, `/dev/zero`, a FIFO - makes the CLI read or
//! allocate without bound. PEM or DER is auto-detected; several PEM blocks per file allowed.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use der::{Decode, Encode};
use jpki_verify::policy::MAX_TABLE_LEN;
use jpki_verify::{
    MAX_CERTIFICATE_LEN, MAX_CRL_LEN, MAX_OCSP_RESPONSE_LEN, MAX_RSA_MODULUS_BITS, cms, tsp,
};

use crate::report::InputError;

/// Bytes of the PEM encoding of `der` bytes: base64 (4 per 3), a line break (CRLF at worst)
/// per 64 characters, and room for the armour lines. The file caps below admit the
/// largest object the library accepts in either form.
const fn pem_len(der: usize) -> usize {
    let base64 = der.div_ceil(3) * 4;
    base64 + base64.div_ceil(64) * 2 + 256
}

/// A certificate file (leaf, anchors, intermediates, `inspect`, a key's certificate): room
/// for as many largest-possible certificates, in PEM, as a CMS document may carry.
pub const CERTIFICATE_FILE_LIMIT: u64 =
    (cms::MAX_CERTIFICATES * pem_len(MAX_CERTIFICATE_LEN)) as u64;
/// A CRL file: the largest CRL the library parses, in PEM.
pub const CRL_FILE_LIMIT: u64 = pem_len(MAX_CRL_LEN) as u64;
/// An OCSP response file: the largest response the library parses, in PEM.
pub const OCSP_RESPONSE_LIMIT: u64 = pem_len(MAX_OCSP_RESPONSE_LEN) as u64;
/// A CMS document: the library's `cms::MAX_INPUT_LEN`, in PEM.
pub const CMS_DOCUMENT_LIMIT: u64 = pem_len(cms::MAX_INPUT_LEN) as u64;
/// Detached CMS content. It is streamed through the digests, never held whole (the library
/// keeps at most `cms::MAX_INPUT_LEN` of it for signers without signed attributes), so the
/// cap only has to end a read that would otherwise never end (`/dev/zero`, a FIFO).
pub const CMS_CONTENT_LIMIT: u64 = 4 * 1024 * 1024 * 1024;
/// A TOML sunset-policy table: the library's `MAX_TABLE_LEN`.
pub const POLICY_TABLE_LIMIT: u64 = MAX_TABLE_LEN as u64;
/// A public key file (SubjectPublicKeyInfo or certificate), PEM or DER.
pub const PUBLIC_KEY_LIMIT: u64 = pem_len(MAX_CERTIFICATE_LEN) as u64;
/// A raw signature: room for the longest a supported or coming algorithm makes (an RSA
/// signature of `MAX_RSA_MODULUS_BITS` is 1,024 bytes; ML-DSA-87's is 4,627), with margin so
/// that a signature that is merely too long is judged (exit 1) rather than refused as input.
pub const SIGNATURE_LIMIT: u64 = 16 * (MAX_RSA_MODULUS_BITS as u64 / 8);
/// A message for `sig`, verified in memory: the bound of a CMS document's content.
pub const MESSAGE_LIMIT: u64 = cms::MAX_INPUT_LEN as u64;
/// An RFC 3161 TimeStampToken: the library's `tsp::MAX_TOKEN_LEN`, in PEM.
pub const TIMESTAMP_TOKEN_LIMIT: u64 = pem_len(tsp::MAX_TOKEN_LEN) as u64;
/// The demo's JSON manifests: text metadata, bounded like a policy table.
pub const MANIFEST_LIMIT: u64 = MAX_TABLE_LEN as u64;

/// What a file is expected to hold: names the input in messages and sets its size cap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    Certificate,
    Crl,
    OcspResponse,
    CmsDocument,
    CmsContent,
    PolicyTable,
    PublicKey,
    Signature,
    Message,
    Manifest,
    TimestampToken,
}

impl InputKind {
    /// The largest file accepted, in bytes.
    pub const fn limit(self) -> u64 {
        match self {
            InputKind::Certificate => CERTIFICATE_FILE_LIMIT,
            InputKind::Crl => CRL_FILE_LIMIT,
            InputKind::OcspResponse => OCSP_RESPONSE_LIMIT,
            InputKind::CmsDocument => CMS_DOCUMENT_LIMIT,
            InputKind::CmsContent => CMS_CONTENT_LIMIT,
            InputKind::PolicyTable => POLICY_TABLE_LIMIT,
            InputKind::PublicKey => PUBLIC_KEY_LIMIT,
            InputKind::Signature => SIGNATURE_LIMIT,
            InputKind::Message => MESSAGE_LIMIT,
            InputKind::Manifest => MANIFEST_LIMIT,
            InputKind::TimestampToken => TIMESTAMP_TOKEN_LIMIT,
        }
    }

    /// How messages name the input.
    pub const fn name(self) -> &'static str {
        match self {
            InputKind::Certificate => "certificate file",
            InputKind::Crl => "CRL file",
            InputKind::OcspResponse => "OCSP response file",
            InputKind::CmsDocument => "CMS document",
            InputKind::CmsContent => "CMS content file",
            InputKind::PolicyTable => "policy table",
            InputKind::PublicKey => "public key file",
            InputKind::Signature => "signature file",
            InputKind::Message => "message file",
            InputKind::Manifest => "vector manifest",
            InputKind::TimestampToken => "timestamp token",
        }
    }
}

/// The message for a file over its kind's cap.
pub fn too_large(path: &Path, kind: InputKind) -> InputError {
    InputError(format!(
        "{} is larger than {} bytes (the limit for a {})",
        path.display(),
        kind.limit(),
        kind.name()
    ))
}

/// Opens a file for reading: a directory, a missing or unreadable file, or a regular file
/// already known to be over the cap is an input error before a byte is read.
fn open(path: &Path, kind: InputKind) -> Result<(File, Option<u64>), InputError> {
    let cannot = |e: std::io::Error| InputError(format!("cannot read {}: {e}", path.display()));
    // Opening a directory succeeds on Unix; only the read would fail, with a vaguer error.
    let file = File::open(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    if meta.is_dir() {
        return Err(InputError(format!(
            "{} is a directory, not a {}",
            path.display(),
            kind.name()
        )));
    }
    // Devices and FIFOs report no useful length; `take` bounds them while reading.
    let len = meta.is_file().then_some(meta.len());
    if len.is_some_and(|len| len > kind.limit()) {
        return Err(too_large(path, kind));
    }
    Ok((file, len))
}

/// Reads a whole input file of `kind`: at most its cap plus one byte is ever read (so
/// `/dev/zero` or a growing file stops there), and more than the cap is an input error.
pub fn read_input(path: &Path, kind: InputKind) -> Result<Vec<u8>, InputError> {
    let (file, len) = open(path, kind)?;
    let limit = kind.limit();
    // Sized from the file's length when known, so a large file is not grown by doubling
    // (which would hold up to twice its size); never more than the cap.
    let capacity = len.map_or(0, |len| {
        usize::try_from(len.min(limit)).map_or(0, |len| len.saturating_add(1))
    });
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError(format!("cannot read {}: {e}", path.display())))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, kind));
    }
    Ok(bytes)
}

/// A file read as a stream, for content the library hashes as it reads. Reading past the
/// cap fails (the library then stops) and sets the flag [`LimitedReader::exceeded`] shares,
/// so that the caller reports an input error rather than the library's read error.
pub struct LimitedReader {
    inner: std::io::Take<File>,
    exceeded: Arc<AtomicBool>,
}

impl LimitedReader {
    /// Set once the stream went past its cap.
    pub fn exceeded(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.exceeded)
    }
}

impl Read for LimitedReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        // `take` allows one byte past the cap: seeing it means the file is too large.
        if self.inner.limit() == 0 && n > 0 {
            self.exceeded.store(true, Ordering::Relaxed);
            return Err(std::io::Error::other("input larger than its limit"));
        }
        Ok(n)
    }
}

/// Opens `path` as a capped stream of `kind` (see [`LimitedReader`]).
pub fn open_stream(path: &Path, kind: InputKind) -> Result<LimitedReader, InputError> {
    let (file, _) = open(path, kind)?;
    Ok(LimitedReader {
        inner: file.take(kind.limit() + 1),
        exceeded: Arc::new(AtomicBool::new(false)),
    })
}

/// One decoded object: its PEM label (empty for DER input) and DER bytes.
pub struct DerObject {
    pub label: String,
    pub der: Vec<u8>,
}

/// Splits a file into DER objects: every PEM block it contains, or the whole file as DER.
/// DER input is moved, not copied: a CRL near its cap is held once.
pub fn der_objects(path: &Path, bytes: Vec<u8>) -> Result<Vec<DerObject>, InputError> {
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) if text.contains("-----BEGIN ") => text,
        _ => {
            return Ok(vec![DerObject {
                label: String::new(),
                der: bytes,
            }]);
        }
    };
    let mut objects = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let block = &rest[start..];
        let end_marker = block
            .find("-----END ")
            .ok_or_else(|| InputError(format!("{}: unterminated PEM block", path.display())))?;
        let after_end = block[end_marker..]
            .find("-----\n")
            .or_else(|| block[end_marker + 9..].find("-----").map(|i| i + 9))
            .map(|i| end_marker + i + 5)
            .unwrap_or(block.len());
        let pem = &block[..after_end];
        let (label, der) = pem_rfc7468::decode_vec(pem.as_bytes())
            .map_err(|e| InputError(format!("{}: invalid PEM: {e}", path.display())))?;
        objects.push(DerObject {
            label: label.to_owned(),
            der,
        });
        rest = &block[after_end..];
    }
    Ok(objects)
}

/// Reads a public key from a SubjectPublicKeyInfo or a certificate, PEM or DER.
///
/// Only unreadable files and broken PEM are input errors; bytes that are neither a key nor
/// a certificate are passed on, so that the library reports them as a malformed key.
pub fn read_public_key(path: &Path) -> Result<Vec<u8>, InputError> {
    let bytes = read_input(path, InputKind::PublicKey)?;
    let mut objects = der_objects(path, bytes)?;
    if objects.len() != 1 {
        return Err(InputError(format!(
            "{}: expected one key or certificate, found {} PEM blocks",
            path.display(),
            objects.len()
        )));
    }
    let object = objects.remove(0);
    let is_certificate = object.label == "CERTIFICATE"
        || (object.label.is_empty()
            && spki::SubjectPublicKeyInfoRef::from_der(&object.der).is_err());
    if is_certificate && let Ok(cert) = x509_cert::Certificate::from_der(&object.der) {
        return cert
            .tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .map_err(|e| InputError(format!("{}: {e}", path.display())));
    }
    Ok(object.der)
}
