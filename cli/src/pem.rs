//! PEM-or-DER inputs: a buffer holding PEM blocks (one or several) or one DER object.
//! Errors are plain messages; the CLI prefixes them with the file's name.

use std::borrow::Cow;

use der::{Decode, Encode};

/// One decoded object: its PEM label (empty for DER input) and DER bytes.
pub struct DerObject {
    /// The PEM label (`CERTIFICATE`, `X509 CRL`, ...), empty for DER input.
    pub label: String,
    /// The DER bytes.
    pub der: Vec<u8>,
}

/// Splits an input into DER objects: every PEM block it contains, or the whole input as DER.
/// DER input is moved, not copied: a CRL near its cap is held once.
pub fn der_objects(bytes: Vec<u8>) -> Result<Vec<DerObject>, String> {
    let Some(text) = pem_text(&bytes) else {
        return Ok(vec![DerObject {
            label: String::new(),
            der: bytes,
        }]);
    };
    let mut objects = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let block = &rest[start..];
        let end_marker = block
            .find("-----END ")
            .ok_or_else(|| "unterminated PEM block".to_owned())?;
        let after_end = block[end_marker..]
            .find("-----\n")
            .or_else(|| block[end_marker + 9..].find("-----").map(|i| i + 9))
            .map(|i| end_marker + i + 5)
            .unwrap_or(block.len());
        let pem = &block[..after_end];
        let (label, der) =
            pem_rfc7468::decode_vec(pem.as_bytes()).map_err(|e| format!("invalid PEM: {e}"))?;
        objects.push(DerObject {
            label: label.to_owned(),
            der,
        });
        rest = &block[after_end..];
    }
    Ok(objects)
}

/// The one object of an input that must hold exactly one (`what`: "certificate",
/// "SignedData", "key or certificate").
pub fn single_object(bytes: Vec<u8>, what: &str) -> Result<DerObject, String> {
    let mut objects = der_objects(bytes)?;
    if objects.len() != 1 {
        return Err(format!(
            "expected one {what}, found {} PEM blocks",
            objects.len()
        ));
    }
    Ok(objects.remove(0))
}

/// The input as text when it holds PEM; `None` means DER.
fn pem_text(bytes: &[u8]) -> Option<&str> {
    std::str::from_utf8(bytes)
        .ok()
        .filter(|text| text.contains("-----BEGIN "))
}

/// As [`single_object`] for a borrowed input: DER is used in place (a caller's buffer of a
/// CMS document up to `cms::MAX_INPUT_LEN` is not copied); only PEM is decoded into a copy.
pub fn single_der<'a>(bytes: &'a [u8], what: &str) -> Result<Cow<'a, [u8]>, String> {
    match pem_text(bytes) {
        None => Ok(Cow::Borrowed(bytes)),
        Some(_) => single_object(bytes.to_vec(), what).map(|object| Cow::Owned(object.der)),
    }
}

/// The DER SubjectPublicKeyInfo of a public key given as a SubjectPublicKeyInfo or a
/// certificate.
///
/// Bytes that are neither a key nor a certificate are passed on unchanged, so that the
/// library reports them as a malformed key (a verification failure, not an input error).
pub fn public_key_der(object: DerObject) -> Result<Vec<u8>, String> {
    let is_certificate = object.label == "CERTIFICATE"
        || (object.label.is_empty()
            && spki::SubjectPublicKeyInfoRef::from_der(&object.der).is_err());
    if is_certificate && let Ok(cert) = x509_cert::Certificate::from_der(&object.der) {
        return cert
            .tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .map_err(|e| e.to_string());
    }
    Ok(object.der)
}
