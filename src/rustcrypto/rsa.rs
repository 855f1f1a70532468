//! RSA PKCS#1 v1.5 and RSASSA-PSS verification with the `rsa` crate.
//!
//! Verification handles public data only (key, message, signature), so the variable-time
//! arithmetic RSA public operations may use is not a side channel here.

use ::rsa::{BoxedUint, Pkcs1v15Sign, Pss, PublicKey as RsaPublicKey};
use der::asn1::ObjectIdentifier;

use crate::alg_id::{AlgorithmIdentifier, NULL};
use crate::hash::digest;
use crate::key::{DecodedKey, RsaKeyRef};
use crate::pss::{
    PSS_SHA256_PARAMS, PSS_SHA384_PARAMS, PSS_SHA512_PARAMS, PssParameters, canonical_pss_params,
    pss_alg_has_hash, pss_params_for,
};
use crate::{Error, HashAlgorithm, SignatureScheme, SignatureVerificationAlgorithm, oid};
use crate::{PreparedKey, PublicKeyInfo};

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
    canonical_params: &'static [u8],
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
    ($ident:ident, $name:literal, $hash:ident, $params:ident, $min:literal, $doc:literal) => {
        #[doc = $doc]
        pub static $ident: RsaPssAlgorithm = RsaPssAlgorithm {
            name: $name,
            hash: HashAlgorithm::$hash,
            canonical_params: $params,
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
    PSS_SHA256_PARAMS,
    2048,
    "RSASSA-PSS with SHA-256 and MGF1-SHA-256, 2048-8192-bit keys."
);
pss!(
    RSA_PSS_2048_8192_SHA384,
    "rsa-pss-sha384",
    Sha384,
    PSS_SHA384_PARAMS,
    2048,
    "RSASSA-PSS with SHA-384 and MGF1-SHA-384, 2048-8192-bit keys."
);
pss!(
    RSA_PSS_2048_8192_SHA512,
    "rsa-pss-sha512",
    Sha512,
    PSS_SHA512_PARAMS,
    2048,
    "RSASSA-PSS with SHA-512 and MGF1-SHA-512, 2048-8192-bit keys."
);
pss!(
    RSA_PSS_LEGACY_1024_8192_SHA256,
    "rsa-pss-sha256",
    Sha256,
    PSS_SHA256_PARAMS,
    1024,
    "RSASSA-PSS with SHA-256 accepting 1024-bit keys: legacy data only."
);
pss!(
    RSA_PSS_LEGACY_1024_8192_SHA384,
    "rsa-pss-sha384",
    Sha384,
    PSS_SHA384_PARAMS,
    1024,
    "RSASSA-PSS with SHA-384 accepting 1024-bit keys: legacy data only."
);
pss!(
    RSA_PSS_LEGACY_1024_8192_SHA512,
    "rsa-pss-sha512",
    Sha512,
    PSS_SHA512_PARAMS,
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

    fn hash(&self) -> HashAlgorithm {
        self.hash
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
        check_signature_len(&key.public, signature)?;
        let hashed = digest(self.hash, message);
        let padding = match self.hash {
            HashAlgorithm::Sha1 => Pkcs1v15Sign::new::<sha1::Sha1>(),
            HashAlgorithm::Sha256 => Pkcs1v15Sign::new::<sha2::Sha256>(),
            HashAlgorithm::Sha384 => Pkcs1v15Sign::new::<sha2::Sha384>(),
            HashAlgorithm::Sha512 => Pkcs1v15Sign::new::<sha2::Sha512>(),
        };
        key.public
            .verify(padding, hashed.as_bytes(), signature)
            .map_err(|_| Error::BadSignature)
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
        check_signature_len(&key.public, signature)?;
        let hashed = digest(self.hash, message);
        let salt = params.salt_len as usize;
        let public = &key.public;
        let result = match self.hash {
            HashAlgorithm::Sha1 => return Err(Error::UnsupportedSignatureAlgorithm),
            HashAlgorithm::Sha256 => public.verify(
                Pss::<sha2::Sha256>::new_with_salt(salt),
                hashed.as_bytes(),
                signature,
            ),
            HashAlgorithm::Sha384 => public.verify(
                Pss::<sha2::Sha384>::new_with_salt(salt),
                hashed.as_bytes(),
                signature,
            ),
            HashAlgorithm::Sha512 => public.verify(
                Pss::<sha2::Sha512>::new_with_salt(salt),
                hashed.as_bytes(),
                signature,
            ),
        };
        result.map_err(|_| Error::BadSignature)
    }
}

impl SignatureVerificationAlgorithm for RsaPssAlgorithm {
    fn name(&self) -> &'static str {
        self.name
    }

    fn scheme(&self) -> SignatureScheme {
        SignatureScheme::RsaPss
    }

    fn hash(&self) -> HashAlgorithm {
        self.hash
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier<'static> {
        RSA_ENCRYPTION_ID
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier<'static> {
        AlgorithmIdentifier::new(oid::RSASSA_PSS, Some(self.canonical_params))
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

/// The RustCrypto backend's prepared RSA key: the `rsa` crate's key keeps the Montgomery
/// parameters for the modulus, so preparing once saves their computation per signature.
struct RsaPrepared {
    public: RsaPublicKey,
    pss_restriction: Option<PssParameters>,
    pss_only: bool,
}

fn prepare(spki: &[u8], min_modulus_bits: u32) -> Result<PreparedKey, Error> {
    let key = rsa_key(spki, min_modulus_bits)?;
    let prepared = RsaPrepared {
        public: backend_key(&key)?,
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

fn backend_key(key: &RsaKeyRef<'_>) -> Result<RsaPublicKey, Error> {
    let n = uint(key.modulus)?;
    let e = uint(key.exponent)?;
    RsaPublicKey::new_with_size_limits(n, e, 1024..=crate::key::MAX_RSA_MODULUS_BITS as usize)
        .map_err(|_| Error::MalformedPublicKey)
}

fn uint(bytes: &[u8]) -> Result<BoxedUint, Error> {
    let bits = u32::try_from(bytes.len().max(1) * 8).map_err(|_| Error::MalformedPublicKey)?;
    BoxedUint::from_be_slice(bytes, bits).map_err(|_| Error::MalformedPublicKey)
}

/// RFC 8017 8.2.2 step 1: the signature is exactly as long as the modulus.
fn check_signature_len(key: &RsaPublicKey, signature: &[u8]) -> Result<(), Error> {
    use ::rsa::traits::PublicKeyParts;
    if signature.len() != key.size() {
        return Err(Error::MalformedSignature);
    }
    Ok(())
}
