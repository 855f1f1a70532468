//! Composite ML-DSA signature verification (IETF LAMPS
//! `draft-ietf-lamps-pq-composite-sigs-19`, 21 April 2026): an ML-DSA signature and a
//! traditional RSA or ECDSA signature over the same message representative, both of which
//! must verify.
//!
//! Built on this backend's component objects: the ML-DSA half goes through
//! [`MlDsaAlgorithm::verify_prepared_with_context`] (the draft passes the algorithm's label
//! as the ML-DSA context string), the traditional half through the RSA or ECDSA object the
//! draft names, with the component key rebuilt as a SubjectPublicKeyInfo.
//!
//! Draft -19, as implemented here:
//! - public key (the SPKI BIT STRING) = `mldsaPK || tradPK`, signature =
//!   `mldsaSig || tradSig`, split at the fixed ML-DSA length (FIPS 204 Table 2); `tradPK` is
//!   the RSAPublicKey DER or the ECDSA point octets, `tradSig` the RSA octets or the DER
//!   `Ecdsa-Sig-Value`; the AlgorithmIdentifier's parameters are absent in keys and
//!   signatures;
//! - `M' = Prefix || Label || len(ctx) || ctx || PH(M)`, Prefix the 32 ASCII octets
//!   `CompositeAlgorithmSignatures2025`, `len(ctx)` one octet; X.509 and CMS use an empty
//!   `ctx`; [`CompositeMlDsaAlgorithm::verify_with_context`] takes one;
//! - ML-DSA verifies `M'` under the context string `Label`; RSA/ECDSA verify `M'` with their
//!   own hash (RSASSA-PSS: MGF1 over the same hash, salt = hash length).
//!
//! Only the combinations whose components this crate verifies are offered (no EdDSA,
//! brainpool or P-521). HashML-DSA is not supported.

use alloc::vec::Vec;

use der::asn1::ObjectIdentifier;

use super::ml_dsa::MlDsaAlgorithm;
use super::{ecdsa, ml_dsa, rsa};
use crate::alg_id::AlgorithmIdentifier;
use crate::hash::digest;
use crate::key::{P256_PARAMS, P384_PARAMS, split_spki};
use crate::{AlgorithmFamily, Error, HashAlgorithm, NamedCurve, SignatureScheme, oid};
use crate::{PreparedKey, PublicKeyInfo, SignatureVerificationAlgorithm};

/// The family every composite object reports: sunset tables have no rule for it yet, so
/// they reject it by name rather than judging it as either of its components.
pub const COMPOSITE_ML_DSA_FAMILY: AlgorithmFamily = AlgorithmFamily::Other("composite-ml-dsa");

/// The draft's message-representative prefix (section 2.2 of -19).
pub const COMPOSITE_PREFIX: &[u8; 32] = b"CompositeAlgorithmSignatures2025";

/// The largest context string (one length octet, as FIPS 204).
const MAX_CONTEXT_LEN: usize = 255;

/// The traditional component of a combination.
#[derive(Clone, Copy, Debug)]
enum Traditional {
    /// ECDSA on `curve`, the key the point octets.
    Ecdsa {
        curve: NamedCurve,
        alg: &'static ecdsa::EcdsaAlgorithm,
    },
    /// RSASSA-PKCS1-v1_5 or RSASSA-PSS with a modulus of exactly `bits` bits.
    Rsa {
        bits: u32,
        alg: &'static dyn SignatureVerificationAlgorithm,
    },
}

/// One Composite ML-DSA algorithm (pure, ML-DSA + RSA or ECDSA).
#[derive(Debug)]
pub struct CompositeMlDsaAlgorithm {
    name: &'static str,
    oid: ObjectIdentifier,
    label: &'static [u8],
    pre_hash: HashAlgorithm,
    ml_dsa: &'static MlDsaAlgorithm,
    traditional: Traditional,
}

macro_rules! composite {
    ($(#[$doc:meta])* $ident:ident, $name:literal, $oid:expr, $label:literal, $ph:ident,
     $ml:ident, $trad:expr) => {
        $(#[$doc])*
        pub static $ident: CompositeMlDsaAlgorithm = CompositeMlDsaAlgorithm {
            name: $name,
            oid: $oid,
            label: $label,
            pre_hash: HashAlgorithm::$ph,
            ml_dsa: &ml_dsa::$ml,
            traditional: $trad,
        };
    };
}

const fn ec(curve: NamedCurve, alg: &'static ecdsa::EcdsaAlgorithm) -> Traditional {
    Traditional::Ecdsa { curve, alg }
}

const fn rsa_key(bits: u32, alg: &'static dyn SignatureVerificationAlgorithm) -> Traditional {
    Traditional::Rsa { bits, alg }
}

composite!(
    /// id-MLDSA44-RSA2048-PSS-SHA256: ML-DSA-44 + RSASSA-PSS (2048 bits, SHA-256).
    COMPOSITE_MLDSA44_RSA2048_PSS_SHA256, "composite-mldsa44-rsa2048-pss-sha256",
    oid::COMPOSITE_MLDSA44_RSA2048_PSS_SHA256, b"COMPSIG-MLDSA44-RSA2048-PSS-SHA256", Sha256,
    ML_DSA_44, rsa_key(2048, &rsa::RSA_PSS_2048_8192_SHA256)
);
composite!(
    /// id-MLDSA44-RSA2048-PKCS15-SHA256: ML-DSA-44 + RSASSA-PKCS1-v1_5 (2048 bits, SHA-256).
    COMPOSITE_MLDSA44_RSA2048_PKCS15_SHA256, "composite-mldsa44-rsa2048-pkcs15-sha256",
    oid::COMPOSITE_MLDSA44_RSA2048_PKCS15_SHA256, b"COMPSIG-MLDSA44-RSA2048-PKCS15-SHA256",
    Sha256, ML_DSA_44, rsa_key(2048, &rsa::RSA_PKCS1_2048_8192_SHA256)
);
composite!(
    /// id-MLDSA44-ECDSA-P256-SHA256: ML-DSA-44 + ECDSA P-256 with SHA-256.
    COMPOSITE_MLDSA44_ECDSA_P256_SHA256, "composite-mldsa44-ecdsa-p256-sha256",
    oid::COMPOSITE_MLDSA44_ECDSA_P256_SHA256, b"COMPSIG-MLDSA44-ECDSA-P256-SHA256", Sha256,
    ML_DSA_44, ec(NamedCurve::P256, &ecdsa::ECDSA_P256_SHA256)
);
composite!(
    /// id-MLDSA65-RSA3072-PSS-SHA512: ML-DSA-65 + RSASSA-PSS (3072 bits, SHA-256).
    COMPOSITE_MLDSA65_RSA3072_PSS_SHA512, "composite-mldsa65-rsa3072-pss-sha512",
    oid::COMPOSITE_MLDSA65_RSA3072_PSS_SHA512, b"COMPSIG-MLDSA65-RSA3072-PSS-SHA512", Sha512,
    ML_DSA_65, rsa_key(3072, &rsa::RSA_PSS_2048_8192_SHA256)
);
composite!(
    /// id-MLDSA65-RSA3072-PKCS15-SHA512: ML-DSA-65 + RSASSA-PKCS1-v1_5 (3072 bits, SHA-256).
    COMPOSITE_MLDSA65_RSA3072_PKCS15_SHA512, "composite-mldsa65-rsa3072-pkcs15-sha512",
    oid::COMPOSITE_MLDSA65_RSA3072_PKCS15_SHA512, b"COMPSIG-MLDSA65-RSA3072-PKCS15-SHA512",
    Sha512, ML_DSA_65, rsa_key(3072, &rsa::RSA_PKCS1_2048_8192_SHA256)
);
composite!(
    /// id-MLDSA65-RSA4096-PSS-SHA512: ML-DSA-65 + RSASSA-PSS (4096 bits, SHA-384).
    COMPOSITE_MLDSA65_RSA4096_PSS_SHA512, "composite-mldsa65-rsa4096-pss-sha512",
    oid::COMPOSITE_MLDSA65_RSA4096_PSS_SHA512, b"COMPSIG-MLDSA65-RSA4096-PSS-SHA512", Sha512,
    ML_DSA_65, rsa_key(4096, &rsa::RSA_PSS_2048_8192_SHA384)
);
composite!(
    /// id-MLDSA65-RSA4096-PKCS15-SHA512: ML-DSA-65 + RSASSA-PKCS1-v1_5 (4096 bits, SHA-384).
    COMPOSITE_MLDSA65_RSA4096_PKCS15_SHA512, "composite-mldsa65-rsa4096-pkcs15-sha512",
    oid::COMPOSITE_MLDSA65_RSA4096_PKCS15_SHA512, b"COMPSIG-MLDSA65-RSA4096-PKCS15-SHA512",
    Sha512, ML_DSA_65, rsa_key(4096, &rsa::RSA_PKCS1_2048_8192_SHA384)
);
composite!(
    /// id-MLDSA65-ECDSA-P256-SHA512: ML-DSA-65 + ECDSA P-256 with SHA-256.
    COMPOSITE_MLDSA65_ECDSA_P256_SHA512, "composite-mldsa65-ecdsa-p256-sha512",
    oid::COMPOSITE_MLDSA65_ECDSA_P256_SHA512, b"COMPSIG-MLDSA65-ECDSA-P256-SHA512", Sha512,
    ML_DSA_65, ec(NamedCurve::P256, &ecdsa::ECDSA_P256_SHA256)
);
composite!(
    /// id-MLDSA65-ECDSA-P384-SHA512: ML-DSA-65 + ECDSA P-384 with SHA-384.
    COMPOSITE_MLDSA65_ECDSA_P384_SHA512, "composite-mldsa65-ecdsa-p384-sha512",
    oid::COMPOSITE_MLDSA65_ECDSA_P384_SHA512, b"COMPSIG-MLDSA65-ECDSA-P384-SHA512", Sha512,
    ML_DSA_65, ec(NamedCurve::P384, &ecdsa::ECDSA_P384_SHA384)
);
composite!(
    /// id-MLDSA87-ECDSA-P384-SHA512: ML-DSA-87 + ECDSA P-384 with SHA-384.
    COMPOSITE_MLDSA87_ECDSA_P384_SHA512, "composite-mldsa87-ecdsa-p384-sha512",
    oid::COMPOSITE_MLDSA87_ECDSA_P384_SHA512, b"COMPSIG-MLDSA87-ECDSA-P384-SHA512", Sha512,
    ML_DSA_87, ec(NamedCurve::P384, &ecdsa::ECDSA_P384_SHA384)
);
composite!(
    /// id-MLDSA87-RSA3072-PSS-SHA512: ML-DSA-87 + RSASSA-PSS (3072 bits, SHA-256).
    COMPOSITE_MLDSA87_RSA3072_PSS_SHA512, "composite-mldsa87-rsa3072-pss-sha512",
    oid::COMPOSITE_MLDSA87_RSA3072_PSS_SHA512, b"COMPSIG-MLDSA87-RSA3072-PSS-SHA512", Sha512,
    ML_DSA_87, rsa_key(3072, &rsa::RSA_PSS_2048_8192_SHA256)
);
composite!(
    /// id-MLDSA87-RSA4096-PSS-SHA512: ML-DSA-87 + RSASSA-PSS (4096 bits, SHA-384).
    COMPOSITE_MLDSA87_RSA4096_PSS_SHA512, "composite-mldsa87-rsa4096-pss-sha512",
    oid::COMPOSITE_MLDSA87_RSA4096_PSS_SHA512, b"COMPSIG-MLDSA87-RSA4096-PSS-SHA512", Sha512,
    ML_DSA_87, rsa_key(4096, &rsa::RSA_PSS_2048_8192_SHA384)
);

/// Every composite object, in the draft's table order.
pub const COMPOSITE_ALGORITHMS: [&dyn SignatureVerificationAlgorithm; 12] = [
    &COMPOSITE_MLDSA44_RSA2048_PSS_SHA256,
    &COMPOSITE_MLDSA44_RSA2048_PKCS15_SHA256,
    &COMPOSITE_MLDSA44_ECDSA_P256_SHA256,
    &COMPOSITE_MLDSA65_RSA3072_PSS_SHA512,
    &COMPOSITE_MLDSA65_RSA3072_PKCS15_SHA512,
    &COMPOSITE_MLDSA65_RSA4096_PSS_SHA512,
    &COMPOSITE_MLDSA65_RSA4096_PKCS15_SHA512,
    &COMPOSITE_MLDSA65_ECDSA_P256_SHA512,
    &COMPOSITE_MLDSA65_ECDSA_P384_SHA512,
    &COMPOSITE_MLDSA87_ECDSA_P384_SHA512,
    &COMPOSITE_MLDSA87_RSA3072_PSS_SHA512,
    &COMPOSITE_MLDSA87_RSA4096_PSS_SHA512,
];

/// Both component keys, prepared by their own objects.
struct CompositeKey {
    oid: ObjectIdentifier,
    ml_dsa: PreparedKey,
    traditional: PreparedKey,
}

impl CompositeMlDsaAlgorithm {
    /// The draft's label for this combination (the ML-DSA context and part of `M'`).
    pub const fn label(&self) -> &'static [u8] {
        self.label
    }

    /// The composite OID (keys and signatures alike).
    pub const fn oid(&self) -> ObjectIdentifier {
        self.oid
    }

    /// The ML-DSA component.
    pub const fn ml_dsa(&self) -> &'static MlDsaAlgorithm {
        self.ml_dsa
    }

    /// The pre-hash `PH` applied to the message inside `M'`.
    pub const fn pre_hash(&self) -> HashAlgorithm {
        self.pre_hash
    }

    /// The message representative `M' = Prefix || Label || len(ctx) || ctx || PH(M)`;
    /// [`Error::BadSignature`] for a context over 255 octets (the draft returns false).
    pub fn message_representative(&self, message: &[u8], context: &[u8]) -> Result<Vec<u8>, Error> {
        let ctx_len = u8::try_from(context.len()).map_err(|_| Error::BadSignature)?;
        let ph = digest(self.pre_hash, message);
        let mut m = Vec::with_capacity(32 + self.label.len() + 1 + context.len() + 64);
        m.extend_from_slice(COMPOSITE_PREFIX);
        m.extend_from_slice(self.label);
        m.push(ctx_len);
        m.extend_from_slice(context);
        m.extend_from_slice(ph.as_bytes());
        Ok(m)
    }

    /// Splits a composite public key or signature at the ML-DSA length `ml_len`; both
    /// parts must be non-empty.
    fn split(bytes: &[u8], ml_len: usize, err: Error) -> Result<(&[u8], &[u8]), Error> {
        if bytes.len() <= ml_len {
            return Err(err);
        }
        Ok(bytes.split_at(ml_len))
    }

    /// Verifies a composite `signature` over `message` under the context string `context`
    /// (Composite-ML-DSA.Verify of the draft) with a key from
    /// [`prepare_key`](SignatureVerificationAlgorithm::prepare_key). The trait's methods
    /// are this with an empty context, as X.509 and CMS use it.
    ///
    /// [`Error::MalformedSignature`] when the signature is not longer than the ML-DSA part;
    /// otherwise the first failing component's error (ML-DSA first).
    pub fn verify_prepared_with_context(
        &self,
        key: &PreparedKey,
        message: &[u8],
        context: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        let key = key
            .downcast_ref::<CompositeKey>()
            .filter(|k| k.oid == self.oid)
            .ok_or(Error::SignatureAlgorithmMismatch)?;
        if context.len() > MAX_CONTEXT_LEN {
            return Err(Error::BadSignature);
        }
        let set = self.ml_dsa.parameter_set();
        let (ml_sig, trad_sig) =
            Self::split(signature, set.signature_len(), Error::MalformedSignature)?;
        let m_prime = self.message_representative(message, context)?;
        self.ml_dsa
            .verify_prepared_with_context(&key.ml_dsa, &m_prime, self.label, ml_sig)?;
        let trad: &dyn SignatureVerificationAlgorithm = match self.traditional {
            Traditional::Ecdsa { alg, .. } => alg,
            Traditional::Rsa { alg, .. } => alg,
        };
        trad.verify_prepared(&key.traditional, &m_prime, trad_sig)
    }

    /// As [`verify_prepared_with_context`](Self::verify_prepared_with_context), with the
    /// composite key in `spki` (a DER SubjectPublicKeyInfo).
    pub fn verify_with_context(
        &self,
        spki: &[u8],
        message: &[u8],
        context: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        let key = self.prepare_key(spki)?;
        self.verify_prepared_with_context(&key, message, context, signature)
    }

    /// The raw composite key in `spki`, checked against this object's OID (parameters
    /// absent).
    fn raw_key<'a>(&self, spki: &'a [u8]) -> Result<&'a [u8], Error> {
        let (alg, key) = split_spki(spki).map_err(|_| Error::MalformedPublicKey)?;
        if alg.oid() != self.oid {
            return Err(Error::SignatureAlgorithmMismatch);
        }
        if alg.parameters().is_some() {
            return Err(Error::MalformedPublicKey);
        }
        Ok(key)
    }
}

/// Splits a composite key into its component SubjectPublicKeyInfos (what the component
/// objects take). Exposed for the fuzz target: untrusted bytes in, typed errors out.
#[doc(hidden)]
pub fn split_composite_key(
    alg: &CompositeMlDsaAlgorithm,
    raw: &[u8],
) -> Result<(Vec<u8>, Vec<u8>), Error> {
    let set = alg.ml_dsa.parameter_set();
    let (ml_pk, trad_pk) = CompositeMlDsaAlgorithm::split(
        raw,
        set.public_key_len(),
        Error::MalformedPublicKey,
    )?;
    let ml_spki = spki(&AlgorithmIdentifier::new(set.oid(), None).to_der(), ml_pk);
    let trad_spki = match alg.traditional {
        Traditional::Ecdsa { curve, .. } => {
            let params = match curve {
                NamedCurve::P256 => P256_PARAMS,
                NamedCurve::P384 => P384_PARAMS,
            };
            let mut alg_id = Vec::new();
            tlv(&mut alg_id, 0x06, oid::EC_PUBLIC_KEY.as_bytes());
            alg_id.extend_from_slice(params);
            let mut seq = Vec::new();
            tlv(&mut seq, 0x30, &alg_id);
            spki(&seq, trad_pk)
        }
        Traditional::Rsa { .. } => {
            let mut alg_id = Vec::new();
            tlv(&mut alg_id, 0x06, oid::RSA_ENCRYPTION.as_bytes());
            alg_id.extend_from_slice(&[0x05, 0x00]);
            let mut seq = Vec::new();
            tlv(&mut seq, 0x30, &alg_id);
            spki(&seq, trad_pk)
        }
    };
    Ok((ml_spki, trad_spki))
}

/// Appends a DER TLV with a definite length (the lengths here are far below 2^24).
fn tlv(out: &mut Vec<u8>, tag: u8, content: &[u8]) {
    out.push(tag);
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else if len <= 0xff {
        out.extend_from_slice(&[0x81, len as u8]);
    } else if len <= 0xffff {
        out.extend_from_slice(&[0x82, (len >> 8) as u8, len as u8]);
    } else {
        out.extend_from_slice(&[0x83, (len >> 16) as u8, (len >> 8) as u8, len as u8]);
    }
    out.extend_from_slice(content);
}

/// `SEQUENCE { alg_id_der, BIT STRING (0 unused bits) key }`.
fn spki(alg_id_der: &[u8], key: &[u8]) -> Vec<u8> {
    let mut bits = Vec::with_capacity(key.len() + 1);
    bits.push(0);
    bits.extend_from_slice(key);
    let mut body = Vec::with_capacity(alg_id_der.len() + bits.len() + 8);
    body.extend_from_slice(alg_id_der);
    tlv(&mut body, 0x03, &bits);
    let mut out = Vec::with_capacity(body.len() + 8);
    tlv(&mut out, 0x30, &body);
    out
}

impl SignatureVerificationAlgorithm for CompositeMlDsaAlgorithm {
    fn name(&self) -> &'static str {
        self.name
    }

    fn scheme(&self) -> SignatureScheme {
        SignatureScheme::Other {
            family: COMPOSITE_ML_DSA_FAMILY,
        }
    }

    fn hash(&self) -> Option<HashAlgorithm> {
        None // the whole message goes into M' (pre-hashed inside the scheme)
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier<'static> {
        AlgorithmIdentifier::new(self.oid, None)
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier<'static> {
        AlgorithmIdentifier::new(self.oid, None)
    }

    fn accepts_public_key_alg(&self, alg: &AlgorithmIdentifier<'_>) -> bool {
        // By OID: parameters are refused by prepare_key as a malformed key.
        alg.oid() == self.oid
    }

    fn key_info(&self, spki: &[u8]) -> Result<PublicKeyInfo, Error> {
        self.prepare_key(spki).map(|k| k.info())
    }

    fn prepare_key(&self, spki: &[u8]) -> Result<PreparedKey, Error> {
        let raw = self.raw_key(spki)?;
        let (ml_spki, trad_spki) = split_composite_key(self, raw)?;
        let ml_dsa = self.ml_dsa.prepare_key(&ml_spki)?;
        let traditional = match self.traditional {
            Traditional::Ecdsa { alg, .. } => alg.prepare_key(&trad_spki)?,
            Traditional::Rsa { bits, alg } => {
                let key = alg.prepare_key(&trad_spki)?;
                // The combination names the modulus size; another size is another algorithm.
                match key.info() {
                    PublicKeyInfo::Rsa { modulus_bits } if modulus_bits == bits => key,
                    _ => return Err(Error::MalformedPublicKey),
                }
            }
        };
        Ok(PreparedKey::new(
            PublicKeyInfo::Other {
                family: COMPOSITE_ML_DSA_FAMILY,
            },
            CompositeKey {
                oid: self.oid,
                ml_dsa,
                traditional,
            },
        ))
    }

    fn verify_prepared(
        &self,
        key: &PreparedKey,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        self.verify_prepared_with_context(key, message, &[], signature)
    }
}
