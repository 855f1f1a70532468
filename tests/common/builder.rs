//! A minimal DER writer and certificate builder for generated test PKIs.
//!
//! Keys are ECDSA P-256 from fixed secrets, signatures deterministic (RFC 6979), so every
//! run builds the same bytes without a random number generator or external tools. This is
//! test scaffolding: it encodes only what the tests need.

use p256::ecdsa::{DerSignature, Signature, SigningKey};
use signature::Signer;

pub fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = body.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(body);
    out
}

pub fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

pub fn oid(dotted: &str) -> Vec<u8> {
    let oid = der::asn1::ObjectIdentifier::new(dotted).unwrap();
    tlv(0x06, oid.as_bytes())
}

pub fn uint(value: u64) -> Vec<u8> {
    let bytes = value.to_be_bytes();
    let skip = bytes.iter().take_while(|b| **b == 0).count().min(7);
    let mut body = bytes[skip..].to_vec();
    if body[0] & 0x80 != 0 {
        body.insert(0, 0);
    }
    tlv(0x02, &body)
}

/// `Name` with one RDN per (attribute OID, UTF8String value).
pub fn name(rdns: &[(&str, &str)]) -> Vec<u8> {
    let rdns: Vec<Vec<u8>> = rdns
        .iter()
        .map(|(attr, value)| tlv(0x31, &seq(&[&oid(attr), &tlv(0x0c, value.as_bytes())])))
        .collect();
    tlv(0x30, &rdns.concat())
}

/// `O=JPKI Test, CN=<cn>`.
pub fn simple_name(cn: &str) -> Vec<u8> {
    name(&[("2.5.4.10", "JPKI Test"), ("2.5.4.3", cn)])
}

/// A UTCTime (years 1950-2049) from `YYYYMMDDHHMMSS`.
pub fn utc_time(yyyymmddhhmmss: &str) -> Vec<u8> {
    tlv(0x17, format!("{}Z", &yyyymmddhhmmss[2..]).as_bytes())
}

/// A P-256 key from a small seed (any seed gives a valid, distinct scalar).
pub fn key(seed: u32) -> SigningKey {
    let mut secret = [0u8; 32];
    secret[0] = 0x01;
    secret[28..].copy_from_slice(&seed.to_be_bytes());
    SigningKey::from_slice(&secret).unwrap()
}

pub fn spki(key: &SigningKey) -> Vec<u8> {
    let point = key.verifying_key().to_sec1_point(false);
    let mut bits = vec![0u8];
    bits.extend_from_slice(point.as_bytes());
    seq(&[
        &seq(&[&oid("1.2.840.10045.2.1"), &oid("1.2.840.10045.3.1.7")]),
        &tlv(0x03, &bits),
    ])
}

/// A key identifier derived from the seed (stable and distinct per key).
pub fn key_id(seed: u32) -> Vec<u8> {
    let mut id = b"keyid-".to_vec();
    id.extend_from_slice(&seed.to_be_bytes());
    id
}

pub fn extension(id: &str, critical: bool, value: &[u8]) -> Vec<u8> {
    let mut parts = vec![oid(id)];
    if critical {
        parts.push(tlv(0x01, &[0xff]));
    }
    parts.push(tlv(0x04, value));
    tlv(0x30, &parts.concat())
}

pub fn basic_constraints_ca(path_len: Option<u64>) -> Vec<u8> {
    let mut body = tlv(0x01, &[0xff]);
    if let Some(n) = path_len {
        body.extend(uint(n));
    }
    extension("2.5.29.19", true, &tlv(0x30, &body))
}

/// keyUsage with keyCertSign and cRLSign (bits 5 and 6).
pub fn key_usage_ca() -> Vec<u8> {
    extension("2.5.29.15", true, &tlv(0x03, &[0x01, 0x06]))
}

/// keyUsage with digitalSignature only.
pub fn key_usage_ee() -> Vec<u8> {
    extension("2.5.29.15", true, &tlv(0x03, &[0x07, 0x80]))
}

pub fn ski(id: &[u8]) -> Vec<u8> {
    extension("2.5.29.14", false, &tlv(0x04, id))
}

pub fn aki(id: &[u8]) -> Vec<u8> {
    extension("2.5.29.35", false, &seq(&[&tlv(0x80, id)]))
}

/// What goes into one certificate.
pub struct Spec<'a> {
    pub serial: u64,
    pub issuer: &'a [u8],
    pub subject: &'a [u8],
    pub not_before: &'a str,
    pub not_after: &'a str,
    pub subject_key: &'a SigningKey,
    pub extensions: Vec<Vec<u8>>,
}

/// Encodes and signs (ecdsa-with-SHA256) a v3 certificate.
pub fn certificate(spec: &Spec<'_>, signer: &SigningKey) -> Vec<u8> {
    let alg = ecdsa_sha256();
    let mut tbs_parts = vec![
        tlv(0xa0, &uint(2)),
        uint(spec.serial),
        alg.clone(),
        spec.issuer.to_vec(),
        seq(&[&utc_time(spec.not_before), &utc_time(spec.not_after)]),
        spec.subject.to_vec(),
        spki(spec.subject_key),
    ];
    if !spec.extensions.is_empty() {
        tbs_parts.push(tlv(0xa3, &tlv(0x30, &spec.extensions.concat())));
    }
    let tbs = tlv(0x30, &tbs_parts.concat());
    sign(&tbs, &alg, signer)
}

/// `Certificate ::= SEQUENCE { tbs, signatureAlgorithm, signature }` over the given TBS
/// bytes, as they are: whatever they encode is what gets signed.
pub fn sign(tbs: &[u8], alg: &[u8], signer: &SigningKey) -> Vec<u8> {
    let signature: Signature = signer.sign(tbs);
    let der: DerSignature = signature.to_der();
    let mut bits = vec![0u8];
    bits.extend_from_slice(der.as_bytes());
    seq(&[tbs, alg, &tlv(0x03, &bits)])
}

/// ecdsa-with-SHA256, parameters absent.
pub fn ecdsa_sha256() -> Vec<u8> {
    seq(&[&oid("1.2.840.10045.4.3.2")])
}

/// A CA certificate for `subject_seed`'s key, issued by `issuer_seed`'s key.
pub fn ca_cert(
    serial: u64,
    issuer: &[u8],
    issuer_seed: u32,
    subject: &[u8],
    subject_seed: u32,
) -> Vec<u8> {
    certificate(
        &Spec {
            serial,
            issuer,
            subject,
            not_before: "20200101000000",
            not_after: "20401231235959",
            subject_key: &key(subject_seed),
            extensions: vec![
                basic_constraints_ca(None),
                key_usage_ca(),
                ski(&key_id(subject_seed)),
                aki(&key_id(issuer_seed)),
            ],
        },
        &key(issuer_seed),
    )
}

/// An end-entity certificate for `subject_seed`'s key, issued by `issuer_seed`'s key.
pub fn ee_cert(
    serial: u64,
    issuer: &[u8],
    issuer_seed: u32,
    subject: &[u8],
    subject_seed: u32,
) -> Vec<u8> {
    certificate(
        &Spec {
            serial,
            issuer,
            subject,
            not_before: "20200101000000",
            not_after: "20401231235959",
            subject_key: &key(subject_seed),
            extensions: vec![key_usage_ee(), aki(&key_id(issuer_seed))],
        },
        &key(issuer_seed),
    )
}

/// An INTEGER with exactly these content octets, minimal or not.
pub fn integer(content: &[u8]) -> Vec<u8> {
    tlv(0x02, content)
}

/// Like [`certificate`], with the serial number's INTEGER content octets given as they are
/// to be encoded (`spec.serial` is ignored), so that non-minimal encodings can be built.
pub fn certificate_with_serial(spec: &Spec<'_>, serial: &[u8], signer: &SigningKey) -> Vec<u8> {
    let alg = ecdsa_sha256();
    let mut tbs_parts = vec![
        tlv(0xa0, &uint(2)),
        integer(serial),
        alg.clone(),
        spec.issuer.to_vec(),
        seq(&[&utc_time(spec.not_before), &utc_time(spec.not_after)]),
        spec.subject.to_vec(),
        spki(spec.subject_key),
    ];
    if !spec.extensions.is_empty() {
        tbs_parts.push(tlv(0xa3, &tlv(0x30, &spec.extensions.concat())));
    }
    let tbs = tlv(0x30, &tbs_parts.concat());
    sign(&tbs, &alg, signer)
}

/// One revokedCertificates entry: the serial number's INTEGER content octets as given
/// (minimal or not), revoked on 2024-01-01, with these entry extensions.
pub fn revoked_serial(serial: &[u8], extensions: &[Vec<u8>]) -> Vec<u8> {
    let mut parts = vec![integer(serial), utc_time("20240101000000")];
    if !extensions.is_empty() {
        parts.push(tlv(0x30, &extensions.concat()));
    }
    tlv(0x30, &parts.concat())
}

/// A v2 CRL (ecdsa-with-SHA256) from `issuer`, signed by `signer`, issued 2025-01-01 and
/// next updated 2030-01-01, with these entries (none: no revokedCertificates field) and CRL
/// extensions. `version` is the version INTEGER's content octets (`[1]` for v2).
pub fn signed_crl(
    issuer: &[u8],
    signer: &SigningKey,
    version: &[u8],
    entries: &[Vec<u8>],
    extensions: &[Vec<u8>],
) -> Vec<u8> {
    let alg = ecdsa_sha256();
    let mut tbs = vec![
        integer(version),
        alg.clone(),
        issuer.to_vec(),
        utc_time("20250101000000"),
        utc_time("20300101000000"),
    ];
    if !entries.is_empty() {
        tbs.push(tlv(0x30, &entries.concat()));
    }
    if !extensions.is_empty() {
        tbs.push(tlv(0xa0, &tlv(0x30, &extensions.concat())));
    }
    sign(&tlv(0x30, &tbs.concat()), &alg, signer)
}

/// A v2 CRL from `issuer`, signed by `signer_seed`'s key, with `entries` (the
/// revokedCertificates SEQUENCE's content, if any) and CRL extensions.
pub fn crl(
    issuer: &[u8],
    signer_seed: u32,
    entries: Option<&[u8]>,
    extensions: &[Vec<u8>],
) -> Vec<u8> {
    let entries: Vec<Vec<u8>> = entries.map(|e| vec![e.to_vec()]).unwrap_or_default();
    signed_crl(issuer, &key(signer_seed), &[1], &entries, extensions)
}
