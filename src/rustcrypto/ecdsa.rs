//! ECDSA verification on P-256 and P-384 with the `p256` / `p384` crates.

use ::ecdsa::signature::hazmat::PrehashVerifier;
use der::asn1::ObjectIdentifier;

use crate::alg_id::AlgorithmIdentifier;
use crate::hash::digest;
use crate::key::{DecodedKey, NamedCurve, P256_PARAMS, P384_PARAMS};
use crate::verify::EcdsaSignatureEncoding;
use crate::{Error, HashAlgorithm, SignatureScheme, SignatureVerificationAlgorithm, oid};
use crate::{PreparedKey, PublicKeyInfo};

/// ECDSA on one named curve with one hash and one signature encoding.
#[derive(Debug)]
pub struct EcdsaAlgorithm {
    name: &'static str,
    curve: NamedCurve,
    hash: HashAlgorithm,
    encoding: EcdsaSignatureEncoding,
    signature_oid: ObjectIdentifier,
}

macro_rules! ecdsa {
    ($ident:ident, $name:literal, $curve:ident, $hash:ident, $enc:ident, $oid:ident, $doc:literal) => {
        #[doc = $doc]
        pub static $ident: EcdsaAlgorithm = EcdsaAlgorithm {
            name: $name,
            curve: NamedCurve::$curve,
            hash: HashAlgorithm::$hash,
            encoding: EcdsaSignatureEncoding::$enc,
            signature_oid: oid::$oid,
        };
    };
}

ecdsa!(
    ECDSA_P256_SHA256,
    "ecdsa-p256-sha256",
    P256,
    Sha256,
    Der,
    ECDSA_WITH_SHA256,
    "ECDSA P-256 with SHA-256, DER signature."
);
ecdsa!(
    ECDSA_P256_SHA384,
    "ecdsa-p256-sha384",
    P256,
    Sha384,
    Der,
    ECDSA_WITH_SHA384,
    "ECDSA P-256 with SHA-384, DER signature."
);
ecdsa!(
    ECDSA_P256_SHA512,
    "ecdsa-p256-sha512",
    P256,
    Sha512,
    Der,
    ECDSA_WITH_SHA512,
    "ECDSA P-256 with SHA-512, DER signature."
);
ecdsa!(
    ECDSA_P384_SHA256,
    "ecdsa-p384-sha256",
    P384,
    Sha256,
    Der,
    ECDSA_WITH_SHA256,
    "ECDSA P-384 with SHA-256, DER signature."
);
ecdsa!(
    ECDSA_P384_SHA384,
    "ecdsa-p384-sha384",
    P384,
    Sha384,
    Der,
    ECDSA_WITH_SHA384,
    "ECDSA P-384 with SHA-384, DER signature (the next-generation card's algorithm)."
);
ecdsa!(
    ECDSA_P384_SHA512,
    "ecdsa-p384-sha512",
    P384,
    Sha512,
    Der,
    ECDSA_WITH_SHA512,
    "ECDSA P-384 with SHA-512, DER signature."
);
ecdsa!(
    ECDSA_P256_SHA256_P1363,
    "ecdsa-p256-sha256-p1363",
    P256,
    Sha256,
    FixedWidth,
    ECDSA_WITH_SHA256,
    "ECDSA P-256 with SHA-256, fixed-width r||s signature (64 bytes)."
);
ecdsa!(
    ECDSA_P256_SHA384_P1363,
    "ecdsa-p256-sha384-p1363",
    P256,
    Sha384,
    FixedWidth,
    ECDSA_WITH_SHA384,
    "ECDSA P-256 with SHA-384, fixed-width r||s signature (64 bytes)."
);
ecdsa!(
    ECDSA_P256_SHA512_P1363,
    "ecdsa-p256-sha512-p1363",
    P256,
    Sha512,
    FixedWidth,
    ECDSA_WITH_SHA512,
    "ECDSA P-256 with SHA-512, fixed-width r||s signature (64 bytes)."
);
ecdsa!(
    ECDSA_P384_SHA256_P1363,
    "ecdsa-p384-sha256-p1363",
    P384,
    Sha256,
    FixedWidth,
    ECDSA_WITH_SHA256,
    "ECDSA P-384 with SHA-256, fixed-width r||s signature (96 bytes)."
);
ecdsa!(
    ECDSA_P384_SHA384_P1363,
    "ecdsa-p384-sha384-p1363",
    P384,
    Sha384,
    FixedWidth,
    ECDSA_WITH_SHA384,
    "ECDSA P-384 with SHA-384, fixed-width r||s signature (96 bytes), as the next-generation card returns it."
);
ecdsa!(
    ECDSA_P384_SHA512_P1363,
    "ecdsa-p384-sha512-p1363",
    P384,
    Sha512,
    FixedWidth,
    ECDSA_WITH_SHA512,
    "ECDSA P-384 with SHA-512, fixed-width r||s signature (96 bytes)."
);

impl SignatureVerificationAlgorithm for EcdsaAlgorithm {
    fn name(&self) -> &'static str {
        self.name
    }

    fn scheme(&self) -> SignatureScheme {
        SignatureScheme::Ecdsa {
            curve: self.curve,
            encoding: self.encoding,
        }
    }

    fn hash(&self) -> HashAlgorithm {
        self.hash
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier<'static> {
        let params = match self.curve {
            NamedCurve::P256 => P256_PARAMS,
            NamedCurve::P384 => P384_PARAMS,
        };
        AlgorithmIdentifier::new(oid::EC_PUBLIC_KEY, Some(params))
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier<'static> {
        // RFC 5758 3.2: the parameters MUST be absent.
        AlgorithmIdentifier::new(self.signature_oid, None)
    }

    fn accepts_signature_alg(&self, alg: &AlgorithmIdentifier<'_>) -> bool {
        self.encoding == EcdsaSignatureEncoding::Der && *alg == self.signature_alg_id()
    }

    fn prepare_key(&self, spki: &[u8]) -> Result<PreparedKey, Error> {
        let point = match DecodedKey::from_spki(spki)? {
            DecodedKey::Ec { curve, point } if curve == self.curve => point,
            _ => return Err(Error::SignatureAlgorithmMismatch),
        };
        let info = PublicKeyInfo::Ec { curve: self.curve };
        // Decoding checks the point is on the curve and not the identity.
        Ok(match self.curve {
            NamedCurve::P256 => PreparedKey::new(
                info,
                p256::ecdsa::VerifyingKey::from_sec1_bytes(point)
                    .map_err(|_| Error::MalformedPublicKey)?,
            ),
            NamedCurve::P384 => PreparedKey::new(
                info,
                p384::ecdsa::VerifyingKey::from_sec1_bytes(point)
                    .map_err(|_| Error::MalformedPublicKey)?,
            ),
        })
    }

    fn verify_prepared(
        &self,
        key: &PreparedKey,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        match self.curve {
            NamedCurve::P256 => {
                let key = key
                    .downcast_ref()
                    .ok_or(Error::SignatureAlgorithmMismatch)?;
                verify_p256(
                    key,
                    digest(self.hash, message).as_bytes(),
                    signature,
                    self.encoding,
                )
            }
            NamedCurve::P384 => {
                let key = key
                    .downcast_ref()
                    .ok_or(Error::SignatureAlgorithmMismatch)?;
                verify_p384(
                    key,
                    digest(self.hash, message).as_bytes(),
                    signature,
                    self.encoding,
                )
            }
        }
    }
}

macro_rules! curve_verify {
    ($fn:ident, $krate:ident) => {
        fn $fn(
            key: &$krate::ecdsa::VerifyingKey,
            prehash: &[u8],
            signature: &[u8],
            encoding: EcdsaSignatureEncoding,
        ) -> Result<(), Error> {
            let signature = match encoding {
                EcdsaSignatureEncoding::Der => $krate::ecdsa::Signature::from_der(signature),
                EcdsaSignatureEncoding::FixedWidth => {
                    $krate::ecdsa::Signature::from_slice(signature)
                }
            }
            .map_err(|_| Error::MalformedSignature)?;
            key.verify_prehash(prehash, &signature)
                .map_err(|_| Error::BadSignature)
        }
    };
}

curve_verify!(verify_p256, p256);
curve_verify!(verify_p384, p384);
