//! Reading inputs: every file goes through [`read_input`] (or [`open_stream`] for content
//! that is streamed), with a size cap per kind of input taken from the library's own
//! limits, so that no input - a huge file, `/dev/zero`, a FIFO - makes the CLI read or
//! allocate without bound. PEM or DER is auto-detected; several PEM blocks per file allowed.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

pub use jpki_verify_cli::limits::InputKind;
use jpki_verify_cli::pem;

use crate::report::InputError;

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

pub use jpki_verify_cli::pem::DerObject;

/// Splits a file into DER objects: every PEM block it contains, or the whole file as DER
/// (see [`pem::der_objects`]); a PEM error names the file.
pub fn der_objects(path: &Path, bytes: Vec<u8>) -> Result<Vec<DerObject>, InputError> {
    pem::der_objects(bytes).map_err(|e| InputError(format!("{}: {e}", path.display())))
}

/// Reads a public key from a SubjectPublicKeyInfo or a certificate, PEM or DER.
///
/// Only unreadable files and broken PEM are input errors; bytes that are neither a key nor
/// a certificate are passed on, so that the library reports them as a malformed key.
pub fn read_public_key(path: &Path) -> Result<Vec<u8>, InputError> {
    let bytes = read_input(path, InputKind::PublicKey)?;
    pem::single_object(bytes, "key or certificate")
        .and_then(pem::public_key_der)
        .map_err(|e| InputError(format!("{}: {e}", path.display())))
}
