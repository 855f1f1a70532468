//! The size cap of each kind of input, taken from the library's own limits: the CLI reads
//! at most this much of a file, and the C ABI refuses a longer buffer.

use jpki_verify::policy::MAX_TABLE_LEN;
use jpki_verify::{
    MAX_CERTIFICATE_LEN, MAX_CRL_LEN, MAX_OCSP_RESPONSE_LEN, MAX_RSA_MODULUS_BITS, cms, tsp,
};

/// Bytes of the PEM encoding of `der` bytes: base64 (4 per 3), a line break (CRLF at worst)
/// per 64 characters, and room for the armour lines. The file caps below admit the
/// largest object the library accepts in either form.
pub const fn pem_len(der: usize) -> usize {
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
/// The demo's JSON manifests: text metadata, bounded like a policy table.
pub const MANIFEST_LIMIT: u64 = MAX_TABLE_LEN as u64;
/// An RFC 3161 TimeStampToken: the library's `tsp::MAX_TOKEN_LEN`, in PEM.
pub const TIMESTAMP_TOKEN_LIMIT: u64 = pem_len(tsp::MAX_TOKEN_LEN) as u64;

/// What a file is expected to hold: names the input in messages and sets its size cap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)] // the names say it
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
