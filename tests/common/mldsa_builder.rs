//! ML-DSA-65 certificates and CRLs for generated test PKIs (RFC 9881 encodings).
//!
//! Keys come from fixed 32-byte seeds (FIPS 204 KeyGen_internal) and signatures are the
//! deterministic variant with an empty context, so every run builds the same bytes.
#![allow(dead_code)]

use ml_dsa::{Keypair, MlDsa65, Signer, SigningKey};

use crate::common::builder::{integer, oid, seq, tlv, uint, utc_time};

pub const ID_ML_DSA_65: &str = "2.16.840.1.101.3.4.3.18";

/// An ML-DSA-65 key from a one-byte seed.
pub fn mldsa_key(seed: u8) -> SigningKey<MlDsa65> {
    SigningKey::from_seed(&[seed; 32].into())
}

/// The raw public key (pkEncode, 1952 octets).
pub fn mldsa_public_key(key: &SigningKey<MlDsa65>) -> Vec<u8> {
    key.verifying_key().encode().to_vec()
}

/// SubjectPublicKeyInfo with the given AlgorithmIdentifier DER and raw key.
pub fn spki_with(alg: &[u8], raw_key: &[u8]) -> Vec<u8> {
    let mut bits = vec![0u8];
    bits.extend_from_slice(raw_key);
    seq(&[alg, &tlv(0x03, &bits)])
}

/// RFC 9881 SubjectPublicKeyInfo: id-ml-dsa-65, parameters absent.
pub fn mldsa_spki(key: &SigningKey<MlDsa65>) -> Vec<u8> {
    spki_with(&mldsa_alg(), &mldsa_public_key(key))
}

/// id-ml-dsa-65, parameters absent.
pub fn mldsa_alg() -> Vec<u8> {
    seq(&[&oid(ID_ML_DSA_65)])
}

/// id-ml-dsa-65 with NULL parameters: forbidden by RFC 9881.
pub fn mldsa_alg_null() -> Vec<u8> {
    seq(&[&oid(ID_ML_DSA_65), &[0x05, 0x00]])
}

/// Pure ML-DSA-65 signature over `message`, empty context.
pub fn mldsa_signature(message: &[u8], signer: &SigningKey<MlDsa65>) -> Vec<u8> {
    signer.sign(message).encode().to_vec()
}

/// `SEQUENCE { tbs, alg, BIT STRING signature }` with the signature given as is.
pub fn assemble(tbs: &[u8], alg: &[u8], signature: &[u8]) -> Vec<u8> {
    let mut bits = vec![0u8];
    bits.extend_from_slice(signature);
    seq(&[tbs, alg, &tlv(0x03, &bits)])
}

/// A v3 TBSCertificate valid 2020-2040, `alg` as its signature field.
pub fn tbs_certificate(
    serial: u64,
    alg: &[u8],
    issuer: &[u8],
    subject: &[u8],
    spki: &[u8],
    extensions: &[Vec<u8>],
) -> Vec<u8> {
    let mut parts = vec![
        tlv(0xa0, &uint(2)),
        uint(serial),
        alg.to_vec(),
        issuer.to_vec(),
        seq(&[&utc_time("20200101000000"), &utc_time("20401231235959")]),
        subject.to_vec(),
        spki.to_vec(),
    ];
    if !extensions.is_empty() {
        parts.push(tlv(0xa3, &tlv(0x30, &extensions.concat())));
    }
    tlv(0x30, &parts.concat())
}

/// A certificate signed with ML-DSA-65 under `alg` (normally [`mldsa_alg`]).
pub fn mldsa_certificate(
    serial: u64,
    alg: &[u8],
    issuer: &[u8],
    subject: &[u8],
    spki: &[u8],
    extensions: &[Vec<u8>],
    signer: &SigningKey<MlDsa65>,
) -> Vec<u8> {
    let tbs = tbs_certificate(serial, alg, issuer, subject, spki, extensions);
    assemble(&tbs, alg, &mldsa_signature(&tbs, signer))
}

/// A v2 TBSCertList issued 2025-01-01, next update 2030-01-01, revoking `revoked` serials
/// (as of 2024-01-01).
pub fn tbs_crl(issuer: &[u8], revoked: &[u64]) -> Vec<u8> {
    let alg = mldsa_alg();
    let mut parts = vec![
        integer(&[1]),
        alg,
        issuer.to_vec(),
        utc_time("20250101000000"),
        utc_time("20300101000000"),
    ];
    if !revoked.is_empty() {
        let entries: Vec<Vec<u8>> = revoked
            .iter()
            .map(|s| seq(&[&uint(*s), &utc_time("20240101000000")]))
            .collect();
        parts.push(tlv(0x30, &entries.concat()));
    }
    tlv(0x30, &parts.concat())
}

/// A CRL signed with ML-DSA-65.
pub fn mldsa_crl(issuer: &[u8], revoked: &[u64], signer: &SigningKey<MlDsa65>) -> Vec<u8> {
    let tbs = tbs_crl(issuer, revoked);
    assemble(&tbs, &mldsa_alg(), &mldsa_signature(&tbs, signer))
}
