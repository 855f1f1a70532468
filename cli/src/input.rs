//! Reading inputs: PEM or DER, auto-detected; several PEM blocks per file allowed.

use std::path::Path;

use der::{Decode, Encode};

use crate::report::InputError;

/// Reads a whole file; failure is an input error naming the file.
pub fn read_file(path: &Path) -> Result<Vec<u8>, InputError> {
    std::fs::read(path).map_err(|e| InputError(format!("cannot read {}: {e}", path.display())))
}

/// One decoded object: its PEM label (empty for DER input) and DER bytes.
pub struct DerObject {
    pub label: String,
    pub der: Vec<u8>,
}

/// Splits a file into DER objects: every PEM block it contains, or the whole file as DER.
pub fn der_objects(path: &Path, bytes: &[u8]) -> Result<Vec<DerObject>, InputError> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Ok(vec![DerObject {
            label: String::new(),
            der: bytes.to_vec(),
        }]);
    };
    if !text.contains("-----BEGIN ") {
        return Ok(vec![DerObject {
            label: String::new(),
            der: bytes.to_vec(),
        }]);
    }
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
    let bytes = read_file(path)?;
    let mut objects = der_objects(path, &bytes)?;
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
