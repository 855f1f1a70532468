//! Composite ML-DSA keys and signatures (draft-ietf-lamps-pq-composite-sigs-19) for
//! generated tests: ML-DSA-65 + ECDSA P-256 (SHA-512 pre-hash) and ML-DSA-44 + RSA-2048
//! PKCS#1 v1.5 (SHA-256 pre-hash), made with the `ml-dsa`, `p256` and `rsa` signers.
//!
//! Deterministic: ML-DSA keys from fixed seeds and the deterministic signer, P-256 keys from
//! fixed scalars with RFC 6979 nonces, the committed RSA-2048 test key.
#![allow(dead_code)]

use ml_dsa::{Keypair, MlDsa44, MlDsa65, SigningKey};
use rsa::pkcs8::DecodePrivateKey;
use rsa::{Pkcs1v15Sign, PrivateKey};
use sha2::{Digest, Sha256, Sha512};
use signature::Signer;

use crate::common::builder::{key, oid, seq, tlv};

pub const ID_MLDSA65_ECDSA_P256_SHA512: &str = "1.3.6.1.5.5.7.6.45";
pub const ID_MLDSA44_RSA2048_PKCS15_SHA256: &str = "1.3.6.1.5.5.7.6.38";
pub const LABEL_MLDSA65_ECDSA_P256_SHA512: &[u8] = b"COMPSIG-MLDSA65-ECDSA-P256-SHA512";
pub const LABEL_MLDSA44_RSA2048_PKCS15_SHA256: &[u8] = b"COMPSIG-MLDSA44-RSA2048-PKCS15-SHA256";
pub const PREFIX: &[u8] = b"CompositeAlgorithmSignatures2025";

/// `M' = Prefix || Label || len(ctx) || ctx || PH(M)` with the pre-hash output `ph`.
pub fn m_prime(label: &[u8], ctx: &[u8], ph: &[u8]) -> Vec<u8> {
    [PREFIX, label, &[ctx.len() as u8], ctx, ph].concat()
}

/// The composite AlgorithmIdentifier (parameters absent).
pub fn composite_alg(id: &str) -> Vec<u8> {
    seq(&[&oid(id)])
}

/// SubjectPublicKeyInfo over the raw composite key `mldsaPK || tradPK`.
pub fn composite_spki(id: &str, ml_pk: &[u8], trad_pk: &[u8]) -> Vec<u8> {
    let mut bits = vec![0u8];
    bits.extend_from_slice(ml_pk);
    bits.extend_from_slice(trad_pk);
    seq(&[&composite_alg(id), &tlv(0x03, &bits)])
}

/// An ML-DSA-65 + P-256 composite signing key from a one-byte seed.
pub struct MlDsa65P256 {
    pub ml: SigningKey<MlDsa65>,
    pub ec: p256::ecdsa::SigningKey,
}

impl MlDsa65P256 {
    pub fn new(seed: u8) -> Self {
        Self {
            ml: SigningKey::<MlDsa65>::from_seed(&[seed; 32].into()),
            ec: key(0x0c0 + u32::from(seed)),
        }
    }

    pub fn ml_pk(&self) -> Vec<u8> {
        self.ml.verifying_key().encode().to_vec()
    }

    pub fn ec_pk(&self) -> Vec<u8> {
        self.ec.verifying_key().to_sec1_point(false).as_bytes().to_vec()
    }

    pub fn spki(&self) -> Vec<u8> {
        composite_spki(ID_MLDSA65_ECDSA_P256_SHA512, &self.ml_pk(), &self.ec_pk())
    }

    /// The two halves over `message` with context `ctx` and label `label` (normally
    /// [`LABEL_MLDSA65_ECDSA_P256_SHA512`]; another label makes a wrong-label signature).
    pub fn halves(&self, message: &[u8], ctx: &[u8], label: &[u8]) -> (Vec<u8>, Vec<u8>) {
        let mp = m_prime(label, ctx, &Sha512::digest(message));
        let ml = self.ml.expanded_key().sign_deterministic(&mp, label).unwrap().encode().to_vec();
        let ec: p256::ecdsa::DerSignature = self.ec.sign(&mp);
        (ml, ec.to_bytes().to_vec())
    }

    pub fn sign_with(&self, message: &[u8], ctx: &[u8]) -> Vec<u8> {
        let (ml, ec) = self.halves(message, ctx, LABEL_MLDSA65_ECDSA_P256_SHA512);
        [ml, ec].concat()
    }

    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        self.sign_with(message, &[])
    }
}

/// An ML-DSA-44 + RSA-2048 (PKCS#1 v1.5) composite key with the committed RSA test key.
pub struct MlDsa44Rsa2048 {
    pub ml: SigningKey<MlDsa44>,
    pub rsa: PrivateKey,
}

impl MlDsa44Rsa2048 {
    pub fn new(seed: u8) -> Self {
        let pem = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors/keys/rsa2048.key.pem"),
        )
        .unwrap();
        Self {
            ml: SigningKey::<MlDsa44>::from_seed(&[seed; 32].into()),
            rsa: PrivateKey::from_pkcs8_pem(&pem).unwrap(),
        }
    }

    /// RSAPublicKey DER, taken from the committed SPKI (its BIT STRING after 24 octets of
    /// header and AlgorithmIdentifier).
    pub fn rsa_pk(&self) -> Vec<u8> {
        let spki = std::fs::read(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors/keys/rsa2048.spki.der"),
        )
        .unwrap();
        spki[24..].to_vec()
    }

    pub fn spki(&self) -> Vec<u8> {
        let ml = self.ml.verifying_key().encode().to_vec();
        composite_spki(ID_MLDSA44_RSA2048_PKCS15_SHA256, &ml, &self.rsa_pk())
    }

    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        let label = LABEL_MLDSA44_RSA2048_PKCS15_SHA256;
        let mp = m_prime(label, &[], &Sha256::digest(message));
        let ml = self.ml.expanded_key().sign_deterministic(&mp, label).unwrap().encode().to_vec();
        let rsa = self
            .rsa
            .sign(Pkcs1v15Sign::new::<Sha256>(), &Sha256::digest(&mp))
            .unwrap();
        [ml, rsa].concat()
    }
}
