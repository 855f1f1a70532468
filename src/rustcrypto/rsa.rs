//! RSA PKCS#1 v1.5 and RSASSA-PSS verification on this crate's own fixed-width public-key
//! operation (`modexp`) and encoded-message checks (`padding`); see those modules for why.

use der::asn1::ObjectIdentifier;

use crate::alg_id::{AlgorithmIdentifier, NULL};
use crate::key::{DecodedKey, RsaKeyRef};
use crate::pss::{
    PssParameters, canonical_pss_params, canonical_pss_params_der, pss_alg_has_hash, pss_params_for,
};
use crate::{Error, HashAlgorithm, SignatureScheme, SignatureVerificationAlgorithm, oid};
use crate::{PreparedKey, PublicKeyInfo};

use super::modexp::{MAX_BYTES, MontModulus};
use super::padding::{message_hash, pkcs1v15_matches, pss_matches};

const RSA_ENCRYPTION_ID: AlgorithmIdentifier<'static> =
    AlgorithmIdentifier::new(oid::RSA_ENCRYPTION, Some(NULL));

/// RSASSA-PKCS1-v1_5 with a fixed hash and a minimum modulus size.
#[derive(Debug)]
pub struct RsaPkcs1Algorithm {
    name: &'static str,
    hash: HashAlgorithm,
    signature_oid: ObjectIdentifier,
    min_modulus_bits: u32,
}

/// RSASSA-PSS with MGF1 over the same hash; the salt length comes from the signature's
/// AlgorithmIdentifier (or is the hash length when verifying without one).
#[derive(Debug)]
pub struct RsaPssAlgorithm {
    name: &'static str,
    hash: HashAlgorithm,
    min_modulus_bits: u32,
}

macro_rules! pkcs1 {
    ($ident:ident, $name:literal, $hash:ident, $oid:ident, $min:literal, $doc:literal) => {
        #[doc = $doc]
        pub static $ident: RsaPkcs1Algorithm = RsaPkcs1Algorithm {
            name: $name,
            hash: HashAlgorithm::$hash,
            signature_oid: oid::$oid,
            min_modulus_bits: $min,
        };
    };
}

macro_rules! pss {
    ($ident:ident, $name:literal, $hash:ident, $min:literal, $doc:literal) => {
        #[doc = $doc]
        pub static $ident: RsaPssAlgorithm = RsaPssAlgorithm {
            name: $name,
            hash: HashAlgorithm::$hash,
            min_modulus_bits: $min,
        };
    };
}

pkcs1!(
    RSA_PKCS1_2048_8192_SHA1,
    "rsa-pkcs1-sha1",
    Sha1,
    SHA1_WITH_RSA,
    2048,
    "RSA PKCS#1 v1.5 with SHA-1, 2048-8192-bit keys: for verifying old data only; the sunset policy decides."
);
pkcs1!(
    RSA_PKCS1_2048_8192_SHA256,
    "rsa-pkcs1-sha256",
    Sha256,
    SHA256_WITH_RSA,
    2048,
    "RSA PKCS#1 v1.5 with SHA-256, 2048-8192-bit keys (today's JPKI card)."
);
pkcs1!(
    RSA_PKCS1_2048_8192_SHA384,
    "rsa-pkcs1-sha384",
    Sha384,
    SHA384_WITH_RSA,
    2048,
    "RSA PKCS#1 v1.5 with SHA-384, 2048-8192-bit keys."
);
pkcs1!(
    RSA_PKCS1_2048_8192_SHA512,
    "rsa-pkcs1-sha512",
    Sha512,
    SHA512_WITH_RSA,
    2048,
    "RSA PKCS#1 v1.5 with SHA-512, 2048-8192-bit keys."
);
pkcs1!(
    RSA_PKCS1_LEGACY_1024_8192_SHA1,
    "rsa-pkcs1-sha1",
    Sha1,
    SHA1_WITH_RSA,
    1024,
    "RSA PKCS#1 v1.5 with SHA-1 accepting 1024-bit keys: legacy data only."
);
pkcs1!(
    RSA_PKCS1_LEGACY_1024_8192_SHA256,
    "rsa-pkcs1-sha256",
    Sha256,
    SHA256_WITH_RSA,
    1024,
    "RSA PKCS#1 v1.5 with SHA-256 accepting 1024-bit keys: legacy data only."
);
pkcs1!(
    RSA_PKCS1_LEGACY_1024_8192_SHA384,
    "rsa-pkcs1-sha384",
    Sha384,
    SHA384_WITH_RSA,
    1024,
    "RSA PKCS#1 v1.5 with SHA-384 accepting 1024-bit keys: legacy data only."
);
pkcs1!(
    RSA_PKCS1_LEGACY_1024_8192_SHA512,
    "rsa-pkcs1-sha512",
    Sha512,
    SHA512_WITH_RSA,
    1024,
    "RSA PKCS#1 v1.5 with SHA-512 accepting 1024-bit keys: legacy data only."
);

pss!(
    RSA_PSS_2048_8192_SHA256,
    "rsa-pss-sha256",
    Sha256,
    2048,
    "RSASSA-PSS with SHA-256 and MGF1-SHA-256, 2048-8192-bit keys."
);
pss!(
    RSA_PSS_2048_8192_SHA384,
    "rsa-pss-sha384",
    Sha384,
    2048,
    "RSASSA-PSS with SHA-384 and MGF1-SHA-384, 2048-8192-bit keys."
);
pss!(
    RSA_PSS_2048_8192_SHA512,
    "rsa-pss-sha512",
    Sha512,
    2048,
    "RSASSA-PSS with SHA-512 and MGF1-SHA-512, 2048-8192-bit keys."
);
pss!(
    RSA_PSS_LEGACY_1024_8192_SHA256,
    "rsa-pss-sha256",
    Sha256,
    1024,
    "RSASSA-PSS with SHA-256 accepting 1024-bit keys: legacy data only."
);
pss!(
    RSA_PSS_LEGACY_1024_8192_SHA384,
    "rsa-pss-sha384",
    Sha384,
    1024,
    "RSASSA-PSS with SHA-384 accepting 1024-bit keys: legacy data only."
);
pss!(
    RSA_PSS_LEGACY_1024_8192_SHA512,
    "rsa-pss-sha512",
    Sha512,
    1024,
    "RSASSA-PSS with SHA-512 accepting 1024-bit keys: legacy data only."
);

impl SignatureVerificationAlgorithm for RsaPkcs1Algorithm {
    fn name(&self) -> &'static str {
        self.name
    }

    fn scheme(&self) -> SignatureScheme {
        SignatureScheme::RsaPkcs1v15
    }

    fn hash(&self) -> Option<HashAlgorithm> {
        Some(self.hash)
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier<'static> {
        RSA_ENCRYPTION_ID
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier<'static> {
        AlgorithmIdentifier::new(self.signature_oid, Some(NULL))
    }

    fn accepts_public_key_alg(&self, alg: &AlgorithmIdentifier<'_>) -> bool {
        alg.oid() == oid::RSA_ENCRYPTION && alg.parameters_absent_or_null()
    }

    fn accepts_signature_alg(&self, alg: &AlgorithmIdentifier<'_>) -> bool {
        // RFC 4055 requires NULL parameters; absent ones are seen in the wild and mean the same.
        alg.oid() == self.signature_oid && alg.parameters_absent_or_null()
    }

    fn prepare_key(&self, spki: &[u8]) -> Result<PreparedKey, Error> {
        prepare(spki, self.min_modulus_bits)
    }

    fn verify_prepared(
        &self,
        key: &PreparedKey,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        let key = prepared(key, self.min_modulus_bits)?;
        if key.pss_only {
            return Err(Error::SignatureAlgorithmMismatch);
        }
        let mut em = [0u8; MAX_BYTES];
        let em = key.public_op(signature, &mut em)?;
        let hashed = message_hash(self.hash, message);
        if pkcs1v15_matches(em, self.hash, hashed.as_bytes()) {
            Ok(())
        } else {
            Err(Error::BadSignature)
        }
    }
}

impl RsaPssAlgorithm {
    fn verify_with_params(
        &self,
        params: &PssParameters,
        key: &PreparedKey,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        let key = prepared(key, self.min_modulus_bits)?;
        if let Some(restriction) = &key.pss_restriction {
            params.check_against_key(restriction)?;
        }
        if self.hash == HashAlgorithm::Sha1 {
            return Err(Error::UnsupportedSignatureAlgorithm);
        }
        let mut em = [0u8; MAX_BYTES];
        let em = key.public_op(signature, &mut em)?;
        let hashed = message_hash(self.hash, message);
        let mod_bits = key.modulus.bit_len();
        if pss_matches(
            em,
            mod_bits,
            self.hash,
            hashed.as_bytes(),
            params.salt_len as usize,
        ) {
            Ok(())
        } else {
            Err(Error::BadSignature)
        }
    }
}

impl SignatureVerificationAlgorithm for RsaPssAlgorithm {
    fn name(&self) -> &'static str {
        self.name
    }

    fn scheme(&self) -> SignatureScheme {
        SignatureScheme::RsaPss
    }

    fn hash(&self) -> Option<HashAlgorithm> {
        Some(self.hash)
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier<'static> {
        RSA_ENCRYPTION_ID
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier<'static> {
        AlgorithmIdentifier::new(oid::RSASSA_PSS, canonical_pss_params_der(self.hash))
    }

    fn accepts_public_key_alg(&self, alg: &AlgorithmIdentifier<'_>) -> bool {
        (alg.oid() == oid::RSA_ENCRYPTION && alg.parameters_absent_or_null())
            || alg.oid() == oid::RSASSA_PSS
    }

    fn accepts_signature_alg(&self, alg: &AlgorithmIdentifier<'_>) -> bool {
        pss_alg_has_hash(alg, self.hash)
    }

    fn prepare_key(&self, spki: &[u8]) -> Result<PreparedKey, Error> {
        prepare(spki, self.min_modulus_bits)
    }

    fn verify_prepared(
        &self,
        key: &PreparedKey,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        self.verify_with_params(&canonical_pss_params(self.hash), key, message, signature)
    }

    fn verify_prepared_with_alg(
        &self,
        signature_alg: &AlgorithmIdentifier<'_>,
        key: &PreparedKey,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        let params = pss_params_for(signature_alg, self.hash)?;
        self.verify_with_params(&params, key, message, signature)
    }
}

/// The RustCrypto backend's prepared RSA key: the modulus with its Montgomery constants
/// (R^2 mod n, -n^-1 mod 2^64), computed once per key.
struct RsaPrepared {
    modulus: MontModulus,
    /// Big-endian public exponent, at most 8 bytes (the key decoder enforces it).
    exponent: [u8; 8],
    exponent_len: usize,
    pss_restriction: Option<PssParameters>,
    pss_only: bool,
}

impl RsaPrepared {
    /// RSAVP1 into `buf`, returning the k-byte encoded message. A signature of the wrong
    /// length or not below the modulus is malformed (RFC 8017 8.2.2 steps 1 and 2a).
    fn public_op<'b>(
        &self,
        signature: &[u8],
        buf: &'b mut [u8; MAX_BYTES],
    ) -> Result<&'b [u8], Error> {
        self.modulus
            .public_op(signature, &self.exponent[..self.exponent_len], buf)
            .ok_or(Error::MalformedSignature)?;
        Ok(&buf[..self.modulus.byte_len()])
    }
}

fn prepare(spki: &[u8], min_modulus_bits: u32) -> Result<PreparedKey, Error> {
    let key = rsa_key(spki, min_modulus_bits)?;
    let modulus = MontModulus::new(key.modulus).ok_or(Error::MalformedPublicKey)?;
    // The key decoder limits the exponent to 8 bytes.
    let mut exponent = [0u8; 8];
    exponent[..key.exponent.len()].copy_from_slice(key.exponent);
    let prepared = RsaPrepared {
        modulus,
        exponent,
        exponent_len: key.exponent.len(),
        pss_restriction: key.pss_restriction,
        pss_only: key.pss_only,
    };
    let info = PublicKeyInfo::Rsa {
        modulus_bits: key.modulus_bits(),
    };
    Ok(PreparedKey::new(info, prepared))
}

/// The RSA key inside `key`, if it is one of ours and large enough for this object.
fn prepared(key: &PreparedKey, min_modulus_bits: u32) -> Result<&RsaPrepared, Error> {
    let rsa = key
        .downcast_ref::<RsaPrepared>()
        .ok_or(Error::SignatureAlgorithmMismatch)?;
    if let PublicKeyInfo::Rsa { modulus_bits } = key.info()
        && modulus_bits < min_modulus_bits
    {
        return Err(Error::RsaKeyTooSmall {
            bits: modulus_bits,
            min_bits: min_modulus_bits,
        });
    }
    Ok(rsa)
}

fn rsa_key(spki: &[u8], min_modulus_bits: u32) -> Result<RsaKeyRef<'_>, Error> {
    let key = match DecodedKey::from_spki(spki)? {
        DecodedKey::Rsa(key) => key,
        DecodedKey::Ec { .. } => return Err(Error::SignatureAlgorithmMismatch),
    };
    let bits = key.modulus_bits();
    if bits < min_modulus_bits {
        return Err(Error::RsaKeyTooSmall {
            bits,
            min_bits: min_modulus_bits,
        });
    }
    Ok(key)
}
