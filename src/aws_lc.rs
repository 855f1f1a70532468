//! The aws-lc-rs backend (feature `aws-lc`, std): the same algorithm names and trait as
//! [`rustcrypto`](crate::rustcrypto), verified by AWS-LC's assembly-optimised code.
//!
//! Key decoding and the key-size/exponent policy are this crate's own (shared with the
//! RustCrypto backend), so both backends accept and refuse the same keys. Differences, all
//! refusals rather than verdicts:
//! - RSASSA-PSS verifies only with a salt as long as the hash (aws-lc-rs fixes the salt in
//!   static parameter objects); other salt lengths give `UnsupportedSignatureAlgorithm`.
//! - The legacy (1024-bit) set has no PKCS#1 SHA-384 and no PSS objects.
//! - Fixed-width ECDSA signatures are converted to DER and checked by the DER verifier.
//! - ML-DSA is pure ML-DSA with the empty context only (aws-lc-rs has no context-string
//!   API); the RustCrypto objects also verify under a context.

use alloc::vec::Vec;

use aws_lc_rs::signature::{
    self as aws, ParsedPublicKey, UnparsedPublicKey, VerificationAlgorithm,
};
use der::Encode;
use der::asn1::{ObjectIdentifier, UintRef};

use crate::alg_id::{AlgorithmIdentifier, NULL};
use crate::key::{DecodedKey, MlDsaParameterSet, NamedCurve, P256_PARAMS, P384_PARAMS, split_spki};
use crate::pss::{
    PssParameters, canonical_pss_params, canonical_pss_params_der, pss_alg_has_hash, pss_params_for,
};
use crate::verify::{EcdsaSignatureEncoding, concat_algorithms};
use crate::{
    AlgorithmFamily, Backend, Error, HashAlgorithm, PreparedKey, PublicKeyInfo, SignatureScheme,
    SignatureVerificationAlgorithm, oid,
};

/// One aws-lc-rs verification algorithm with this crate's identifiers and key policy.
#[derive(Debug)]
pub struct AwsLcAlgorithm {
    name: &'static str,
    scheme: SignatureScheme,
    hash: HashAlgorithm,
    /// The signature OID (PKCS#1 and ECDSA; PSS uses id-RSASSA-PSS with parameters).
    signature_oid: ObjectIdentifier,
    /// Minimum RSA modulus (ignored for ECDSA).
    min_modulus_bits: u32,
    aws: &'static dyn VerificationAlgorithm,
}

macro_rules! aws_alg {
    ($ident:ident, $name:literal, $scheme:expr, $hash:ident, $oid:ident, $min:literal, $aws:ident, $doc:literal) => {
        #[doc = $doc]
        pub static $ident: AwsLcAlgorithm = AwsLcAlgorithm {
            name: $name,
            scheme: $scheme,
            hash: HashAlgorithm::$hash,
            signature_oid: oid::$oid,
            min_modulus_bits: $min,
            aws: &aws::$aws,
        };
    };
}

const PKCS1: SignatureScheme = SignatureScheme::RsaPkcs1v15;
const PSS: SignatureScheme = SignatureScheme::RsaPss;
const fn ecdsa(curve: NamedCurve, encoding: EcdsaSignatureEncoding) -> SignatureScheme {
    SignatureScheme::Ecdsa { curve, encoding }
}
const P256_DER: SignatureScheme = ecdsa(NamedCurve::P256, EcdsaSignatureEncoding::Der);
const P384_DER: SignatureScheme = ecdsa(NamedCurve::P384, EcdsaSignatureEncoding::Der);
const P256_FIXED: SignatureScheme = ecdsa(NamedCurve::P256, EcdsaSignatureEncoding::FixedWidth);
const P384_FIXED: SignatureScheme = ecdsa(NamedCurve::P384, EcdsaSignatureEncoding::FixedWidth);

aws_alg!(
    RSA_PKCS1_2048_8192_SHA1,
    "rsa-pkcs1-sha1",
    PKCS1,
    Sha1,
    SHA1_WITH_RSA,
    2048,
    RSA_PKCS1_2048_8192_SHA1_FOR_LEGACY_USE_ONLY,
    "RSA PKCS#1 v1.5 SHA-1, 2048-8192 bits: old data only."
);
aws_alg!(
    RSA_PKCS1_2048_8192_SHA256,
    "rsa-pkcs1-sha256",
    PKCS1,
    Sha256,
    SHA256_WITH_RSA,
    2048,
    RSA_PKCS1_2048_8192_SHA256,
    "RSA PKCS#1 v1.5 SHA-256, 2048-8192 bits."
);
aws_alg!(
    RSA_PKCS1_2048_8192_SHA384,
    "rsa-pkcs1-sha384",
    PKCS1,
    Sha384,
    SHA384_WITH_RSA,
    2048,
    RSA_PKCS1_2048_8192_SHA384,
    "RSA PKCS#1 v1.5 SHA-384, 2048-8192 bits."
);
aws_alg!(
    RSA_PKCS1_2048_8192_SHA512,
    "rsa-pkcs1-sha512",
    PKCS1,
    Sha512,
    SHA512_WITH_RSA,
    2048,
    RSA_PKCS1_2048_8192_SHA512,
    "RSA PKCS#1 v1.5 SHA-512, 2048-8192 bits."
);
aws_alg!(
    RSA_PKCS1_LEGACY_1024_8192_SHA1,
    "rsa-pkcs1-sha1",
    PKCS1,
    Sha1,
    SHA1_WITH_RSA,
    1024,
    RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
    "RSA PKCS#1 v1.5 SHA-1 accepting 1024-bit keys: legacy data only."
);
aws_alg!(
    RSA_PKCS1_LEGACY_1024_8192_SHA256,
    "rsa-pkcs1-sha256",
    PKCS1,
    Sha256,
    SHA256_WITH_RSA,
    1024,
    RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
    "RSA PKCS#1 v1.5 SHA-256 accepting 1024-bit keys: legacy data only."
);
aws_alg!(
    RSA_PKCS1_LEGACY_1024_8192_SHA512,
    "rsa-pkcs1-sha512",
    PKCS1,
    Sha512,
    SHA512_WITH_RSA,
    1024,
    RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
    "RSA PKCS#1 v1.5 SHA-512 accepting 1024-bit keys: legacy data only."
);
aws_alg!(
    RSA_PSS_2048_8192_SHA256,
    "rsa-pss-sha256",
    PSS,
    Sha256,
    RSASSA_PSS,
    2048,
    RSA_PSS_2048_8192_SHA256,
    "RSASSA-PSS SHA-256 (salt 32), 2048-8192 bits."
);
aws_alg!(
    RSA_PSS_2048_8192_SHA384,
    "rsa-pss-sha384",
    PSS,
    Sha384,
    RSASSA_PSS,
    2048,
    RSA_PSS_2048_8192_SHA384,
    "RSASSA-PSS SHA-384 (salt 48), 2048-8192 bits."
);
aws_alg!(
    RSA_PSS_2048_8192_SHA512,
    "rsa-pss-sha512",
    PSS,
    Sha512,
    RSASSA_PSS,
    2048,
    RSA_PSS_2048_8192_SHA512,
    "RSASSA-PSS SHA-512 (salt 64), 2048-8192 bits."
);
aws_alg!(
    ECDSA_P256_SHA256,
    "ecdsa-p256-sha256",
    P256_DER,
    Sha256,
    ECDSA_WITH_SHA256,
    0,
    ECDSA_P256_SHA256_ASN1,
    "ECDSA P-256 SHA-256, DER."
);
aws_alg!(
    ECDSA_P256_SHA384,
    "ecdsa-p256-sha384",
    P256_DER,
    Sha384,
    ECDSA_WITH_SHA384,
    0,
    ECDSA_P256_SHA384_ASN1,
    "ECDSA P-256 SHA-384, DER."
);
aws_alg!(
    ECDSA_P256_SHA512,
    "ecdsa-p256-sha512",
    P256_DER,
    Sha512,
    ECDSA_WITH_SHA512,
    0,
    ECDSA_P256_SHA512_ASN1,
    "ECDSA P-256 SHA-512, DER."
);
aws_alg!(
    ECDSA_P384_SHA256,
    "ecdsa-p384-sha256",
    P384_DER,
    Sha256,
    ECDSA_WITH_SHA256,
    0,
    ECDSA_P384_SHA256_ASN1,
    "ECDSA P-384 SHA-256, DER."
);
aws_alg!(
    ECDSA_P384_SHA384,
    "ecdsa-p384-sha384",
    P384_DER,
    Sha384,
    ECDSA_WITH_SHA384,
    0,
    ECDSA_P384_SHA384_ASN1,
    "ECDSA P-384 SHA-384, DER."
);
aws_alg!(
    ECDSA_P384_SHA512,
    "ecdsa-p384-sha512",
    P384_DER,
    Sha512,
    ECDSA_WITH_SHA512,
    0,
    ECDSA_P384_SHA512_ASN1,
    "ECDSA P-384 SHA-512, DER."
);
aws_alg!(
    ECDSA_P256_SHA256_P1363,
    "ecdsa-p256-sha256-p1363",
    P256_FIXED,
    Sha256,
    ECDSA_WITH_SHA256,
    0,
    ECDSA_P256_SHA256_ASN1,
    "ECDSA P-256 SHA-256, fixed-width r||s."
);
aws_alg!(
    ECDSA_P256_SHA384_P1363,
    "ecdsa-p256-sha384-p1363",
    P256_FIXED,
    Sha384,
    ECDSA_WITH_SHA384,
    0,
    ECDSA_P256_SHA384_ASN1,
    "ECDSA P-256 SHA-384, fixed-width r||s."
);
aws_alg!(
    ECDSA_P256_SHA512_P1363,
    "ecdsa-p256-sha512-p1363",
    P256_FIXED,
    Sha512,
    ECDSA_WITH_SHA512,
    0,
    ECDSA_P256_SHA512_ASN1,
    "ECDSA P-256 SHA-512, fixed-width r||s."
);
aws_alg!(
    ECDSA_P384_SHA256_P1363,
    "ecdsa-p384-sha256-p1363",
    P384_FIXED,
    Sha256,
    ECDSA_WITH_SHA256,
    0,
    ECDSA_P384_SHA256_ASN1,
    "ECDSA P-384 SHA-256, fixed-width r||s."
);
aws_alg!(
    ECDSA_P384_SHA384_P1363,
    "ecdsa-p384-sha384-p1363",
    P384_FIXED,
    Sha384,
    ECDSA_WITH_SHA384,
    0,
    ECDSA_P384_SHA384_ASN1,
    "ECDSA P-384 SHA-384, fixed-width r||s."
);
aws_alg!(
    ECDSA_P384_SHA512_P1363,
    "ecdsa-p384-sha512-p1363",
    P384_FIXED,
    Sha512,
    ECDSA_WITH_SHA512,
    0,
    ECDSA_P384_SHA512_ASN1,
    "ECDSA P-384 SHA-512, fixed-width r||s."
);

/// Every ECDSA object, DER first (identifier lookups find those).
const ECDSA_ALGORITHMS: [&dyn SignatureVerificationAlgorithm; 12] = [
    &ECDSA_P256_SHA256,
    &ECDSA_P256_SHA384,
    &ECDSA_P256_SHA512,
    &ECDSA_P384_SHA256,
    &ECDSA_P384_SHA384,
    &ECDSA_P384_SHA512,
    &ECDSA_P256_SHA256_P1363,
    &ECDSA_P256_SHA384_P1363,
    &ECDSA_P256_SHA512_P1363,
    &ECDSA_P384_SHA256_P1363,
    &ECDSA_P384_SHA384_P1363,
    &ECDSA_P384_SHA512_P1363,
];

/// Pure ML-DSA (FIPS 204, RFC 9881 identifiers) verified by AWS-LC: the signature and key
/// identifiers are the same OID with absent parameters, the key the raw pkEncode octets.
#[derive(Debug)]
pub struct AwsLcMlDsa {
    parameter_set: MlDsaParameterSet,
    aws: &'static aws::PqdsaVerificationAlgorithm,
}

/// ML-DSA-44, id-ml-dsa-44.
pub static ML_DSA_44: AwsLcMlDsa = AwsLcMlDsa {
    parameter_set: MlDsaParameterSet::MlDsa44,
    aws: &aws::ML_DSA_44,
};
/// ML-DSA-65, id-ml-dsa-65.
pub static ML_DSA_65: AwsLcMlDsa = AwsLcMlDsa {
    parameter_set: MlDsaParameterSet::MlDsa65,
    aws: &aws::ML_DSA_65,
};
/// ML-DSA-87, id-ml-dsa-87.
pub static ML_DSA_87: AwsLcMlDsa = AwsLcMlDsa {
    parameter_set: MlDsaParameterSet::MlDsa87,
    aws: &aws::ML_DSA_87,
};

/// A raw ML-DSA key parsed by AWS-LC, with the parameter set of the object that prepared it.
struct AwsMlDsaKey {
    parameter_set: MlDsaParameterSet,
    parsed: ParsedPublicKey,
}

impl SignatureVerificationAlgorithm for AwsLcMlDsa {
    fn name(&self) -> &'static str {
        self.parameter_set.id()
    }

    fn scheme(&self) -> SignatureScheme {
        SignatureScheme::Other {
            family: AlgorithmFamily::MlDsa,
        }
    }

    fn hash(&self) -> Option<HashAlgorithm> {
        None
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier<'static> {
        AlgorithmIdentifier::new(self.parameter_set.oid(), None)
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier<'static> {
        AlgorithmIdentifier::new(self.parameter_set.oid(), None)
    }

    fn accepts_public_key_alg(&self, alg: &AlgorithmIdentifier<'_>) -> bool {
        // As the RustCrypto objects: parameters are refused by prepare_key as malformed.
        alg.oid() == self.parameter_set.oid()
    }

    fn key_info(&self, spki: &[u8]) -> Result<PublicKeyInfo, Error> {
        self.prepare_key(spki).map(|k| k.info())
    }

    fn prepare_key(&self, spki: &[u8]) -> Result<PreparedKey, Error> {
        let raw = match MlDsaParameterSet::raw_key(spki)? {
            Some((set, raw)) if set == self.parameter_set => raw,
            _ => return Err(Error::SignatureAlgorithmMismatch),
        };
        let parsed = ParsedPublicKey::new(self.aws, raw).map_err(|_| Error::MalformedPublicKey)?;
        let info = PublicKeyInfo::MlDsa {
            parameter_set: self.parameter_set,
        };
        Ok(PreparedKey::new(
            info,
            AwsMlDsaKey {
                parameter_set: self.parameter_set,
                parsed,
            },
        ))
    }

    fn verify_prepared(
        &self,
        key: &PreparedKey,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        let key = key
            .downcast_ref::<AwsMlDsaKey>()
            .filter(|k| k.parameter_set == self.parameter_set)
            .ok_or(Error::SignatureAlgorithmMismatch)?;
        if signature.len() != self.parameter_set.signature_len() {
            return Err(Error::MalformedSignature);
        }
        key.parsed
            .verify_sig(message, signature)
            .map_err(|_| Error::BadSignature)
    }
}

/// The objects both algorithm lists share after RSA: ECDSA, then ML-DSA.
const NON_RSA_ALGORITHMS: [&dyn SignatureVerificationAlgorithm; 15] =
    concat_algorithms(ECDSA_ALGORITHMS, [&ML_DSA_44, &ML_DSA_65, &ML_DSA_87]);

static ALGORITHMS: [&dyn SignatureVerificationAlgorithm; 22] = concat_algorithms(
    [
        &RSA_PKCS1_2048_8192_SHA256,
        &RSA_PKCS1_2048_8192_SHA384,
        &RSA_PKCS1_2048_8192_SHA512,
        &RSA_PKCS1_2048_8192_SHA1,
        &RSA_PSS_2048_8192_SHA256,
        &RSA_PSS_2048_8192_SHA384,
        &RSA_PSS_2048_8192_SHA512,
    ],
    NON_RSA_ALGORITHMS,
);

static LEGACY_RSA_ALGORITHMS: [&dyn SignatureVerificationAlgorithm; 22] = concat_algorithms(
    [
        &RSA_PKCS1_LEGACY_1024_8192_SHA256,
        &RSA_PKCS1_2048_8192_SHA384,
        &RSA_PKCS1_LEGACY_1024_8192_SHA512,
        &RSA_PKCS1_LEGACY_1024_8192_SHA1,
        &RSA_PSS_2048_8192_SHA256,
        &RSA_PSS_2048_8192_SHA384,
        &RSA_PSS_2048_8192_SHA512,
    ],
    NON_RSA_ALGORITHMS,
);

/// RSA (2048 to 8192 bits), ECDSA P-256/P-384 and pure ML-DSA-44/65/87 verified by AWS-LC.
pub static BACKEND: Backend = Backend {
    name: "aws-lc",
    algorithms: &ALGORITHMS,
};

/// As [`BACKEND`], accepting 1024-bit RSA keys for PKCS#1 v1.5 with SHA-1/256/512 (the
/// legacy objects aws-lc-rs offers): an explicit opt-in for old data and NIST PKITS.
pub static BACKEND_WITH_LEGACY_RSA: Backend = Backend {
    name: "aws-lc-legacy-rsa",
    algorithms: &LEGACY_RSA_ALGORITHMS,
};

/// A key decoded by this crate and parsed by AWS-LC for the algorithm that prepared it.
struct AwsPrepared {
    /// What AWS-LC parses: the PKCS#1 RSAPublicKey DER, or the EC key's SPKI.
    key_bytes: Vec<u8>,
    /// The RSA modulus (big-endian, no leading zeros); empty for EC keys.
    modulus: Vec<u8>,
    parsed: ParsedPublicKey,
    pss_restriction: Option<PssParameters>,
    pss_only: bool,
}

impl AwsLcAlgorithm {
    fn curve(&self) -> Option<NamedCurve> {
        match self.scheme {
            SignatureScheme::Ecdsa { curve, .. } => Some(curve),
            _ => None,
        }
    }

    fn verify_bytes(
        &self,
        key: &AwsPrepared,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        let same_algorithm = core::ptr::addr_eq(key.parsed.algorithm(), self.aws);
        let result = if same_algorithm {
            key.parsed.verify_sig(message, signature)
        } else {
            UnparsedPublicKey::new(self.aws, &key.key_bytes).verify(message, signature)
        };
        result.map_err(|_| Error::BadSignature)
    }

    fn verify_pss(
        &self,
        params: &PssParameters,
        key: &PreparedKey,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        let prepared = self.prepared(key)?;
        if let Some(restriction) = &prepared.pss_restriction {
            params.check_against_key(restriction)?;
        }
        if params.salt_len != self.hash.output_len() as u32 {
            return Err(Error::UnsupportedSignatureAlgorithm);
        }
        check_rsa_signature(prepared, signature)?;
        self.verify_bytes(prepared, message, signature)
    }

    fn prepared<'k>(&self, key: &'k PreparedKey) -> Result<&'k AwsPrepared, Error> {
        let prepared = key
            .downcast_ref::<AwsPrepared>()
            .ok_or(Error::SignatureAlgorithmMismatch)?;
        match (key.info(), self.curve()) {
            (PublicKeyInfo::Rsa { modulus_bits }, None) => {
                if modulus_bits < self.min_modulus_bits {
                    return Err(Error::RsaKeyTooSmall {
                        bits: modulus_bits,
                        min_bits: self.min_modulus_bits,
                    });
                }
                Ok(prepared)
            }
            (PublicKeyInfo::Ec { curve }, Some(ours)) if curve == ours => Ok(prepared),
            _ => Err(Error::SignatureAlgorithmMismatch),
        }
    }
}

impl SignatureVerificationAlgorithm for AwsLcAlgorithm {
    fn name(&self) -> &'static str {
        self.name
    }

    fn scheme(&self) -> SignatureScheme {
        self.scheme
    }

    fn hash(&self) -> Option<HashAlgorithm> {
        Some(self.hash)
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier<'static> {
        match self.curve() {
            None => AlgorithmIdentifier::new(oid::RSA_ENCRYPTION, Some(NULL)),
            Some(NamedCurve::P256) => {
                AlgorithmIdentifier::new(oid::EC_PUBLIC_KEY, Some(P256_PARAMS))
            }
            Some(NamedCurve::P384) => {
                AlgorithmIdentifier::new(oid::EC_PUBLIC_KEY, Some(P384_PARAMS))
            }
        }
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier<'static> {
        match self.scheme {
            SignatureScheme::RsaPkcs1v15 => {
                AlgorithmIdentifier::new(self.signature_oid, Some(NULL))
            }
            SignatureScheme::RsaPss => {
                AlgorithmIdentifier::new(oid::RSASSA_PSS, canonical_pss_params_der(self.hash))
            }
            _ => AlgorithmIdentifier::new(self.signature_oid, None),
        }
    }

    fn accepts_public_key_alg(&self, alg: &AlgorithmIdentifier<'_>) -> bool {
        match self.scheme {
            SignatureScheme::RsaPkcs1v15 => {
                alg.oid() == oid::RSA_ENCRYPTION && alg.parameters_absent_or_null()
            }
            SignatureScheme::RsaPss => {
                (alg.oid() == oid::RSA_ENCRYPTION && alg.parameters_absent_or_null())
                    || alg.oid() == oid::RSASSA_PSS
            }
            _ => *alg == self.public_key_alg_id(),
        }
    }

    fn accepts_signature_alg(&self, alg: &AlgorithmIdentifier<'_>) -> bool {
        match self.scheme {
            SignatureScheme::RsaPkcs1v15 => {
                alg.oid() == self.signature_oid && alg.parameters_absent_or_null()
            }
            SignatureScheme::RsaPss => pss_alg_has_hash(alg, self.hash),
            SignatureScheme::Ecdsa {
                encoding: EcdsaSignatureEncoding::Der,
                ..
            } => *alg == self.signature_alg_id(),
            _ => false,
        }
    }

    fn prepare_key(&self, spki: &[u8]) -> Result<PreparedKey, Error> {
        let (_, key_bits) = split_spki(spki).map_err(|_| Error::MalformedPublicKey)?;
        // AWS-LC gets the RSAPublicKey for RSA and the whole SPKI for EC keys: a key parsed
        // from raw point octets verified ~25% slower in AWS-LC than one parsed from an SPKI.
        let aws_input = if self.curve().is_some() {
            spki
        } else {
            key_bits
        };
        let mut modulus = Vec::new();
        let (info, pss_restriction, pss_only) = match (DecodedKey::from_spki(spki)?, self.curve()) {
            (DecodedKey::Rsa(rsa), None) => {
                let bits = rsa.modulus_bits();
                if bits < self.min_modulus_bits {
                    return Err(Error::RsaKeyTooSmall {
                        bits,
                        min_bits: self.min_modulus_bits,
                    });
                }
                modulus = rsa.modulus.to_vec();
                (
                    PublicKeyInfo::Rsa { modulus_bits: bits },
                    rsa.pss_restriction,
                    rsa.pss_only,
                )
            }
            (DecodedKey::Ec { curve, .. }, Some(ours)) if curve == ours => {
                (PublicKeyInfo::Ec { curve }, None, false)
            }
            _ => return Err(Error::SignatureAlgorithmMismatch),
        };
        let parsed =
            ParsedPublicKey::new(self.aws, aws_input).map_err(|_| Error::MalformedPublicKey)?;
        Ok(PreparedKey::new(
            info,
            AwsPrepared {
                key_bytes: aws_input.to_vec(),
                modulus,
                parsed,
                pss_restriction,
                pss_only,
            },
        ))
    }

    fn verify_prepared(
        &self,
        key: &PreparedKey,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        match self.scheme {
            SignatureScheme::RsaPss => {
                self.verify_pss(&canonical_pss_params(self.hash), key, message, signature)
            }
            SignatureScheme::RsaPkcs1v15 => {
                let prepared = self.prepared(key)?;
                if prepared.pss_only {
                    return Err(Error::SignatureAlgorithmMismatch);
                }
                check_rsa_signature(prepared, signature)?;
                self.verify_bytes(prepared, message, signature)
            }
            SignatureScheme::Ecdsa { curve, encoding } => {
                let prepared = self.prepared(key)?;
                match encoding {
                    EcdsaSignatureEncoding::FixedWidth => {
                        let der = fixed_to_der(curve, signature)?;
                        self.verify_bytes(prepared, message, &der)
                    }
                    _ => self.verify_bytes(prepared, message, signature),
                }
            }
            // Every object of this backend is one of the schemes above.
            SignatureScheme::Other { .. } => Err(Error::UnsupportedSignatureAlgorithm),
        }
    }

    fn verify_prepared_with_alg(
        &self,
        signature_alg: &AlgorithmIdentifier<'_>,
        key: &PreparedKey,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        if self.scheme == SignatureScheme::RsaPss {
            let params = pss_params_for(signature_alg, self.hash)?;
            return self.verify_pss(&params, key, message, signature);
        }
        self.verify_prepared(key, message, signature)
    }
}

/// RFC 8017 8.2.2 steps 1 and 2a: the signature is exactly as long as the modulus and, as
/// an integer, below it. Checked here so both backends call such a signature malformed.
fn check_rsa_signature(prepared: &AwsPrepared, signature: &[u8]) -> Result<(), Error> {
    // Same length in bytes, so big-endian byte order is numeric order.
    if signature.len() != prepared.modulus.len() || signature >= prepared.modulus.as_slice() {
        return Err(Error::MalformedSignature);
    }
    Ok(())
}

/// Re-encodes a fixed-width `r || s` as a DER Ecdsa-Sig-Value.
fn fixed_to_der(curve: NamedCurve, signature: &[u8]) -> Result<Vec<u8>, Error> {
    let width = match curve {
        NamedCurve::P256 => 32,
        NamedCurve::P384 => 48,
    };
    if signature.len() != 2 * width {
        return Err(Error::MalformedSignature);
    }
    let (r, s) = signature.split_at(width);
    // Zero is out of range for r and s; AWS-LC would reject it too, but say why here.
    if [r, s].iter().any(|int| int.iter().all(|b| *b == 0)) {
        return Err(Error::MalformedSignature);
    }
    let value = EcdsaSigValue {
        r: UintRef::new(r).map_err(|_| Error::MalformedSignature)?,
        s: UintRef::new(s).map_err(|_| Error::MalformedSignature)?,
    };
    value.to_der().map_err(|_| Error::MalformedSignature)
}

/// `Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 5480, RFC 3279).
#[derive(der::Sequence)]
struct EcdsaSigValue<'a> {
    r: UintRef<'a>,
    s: UintRef<'a>,
}
