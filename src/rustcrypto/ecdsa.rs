//! ECDSA verification on P-256 and P-384: key and signature decoding with the `p256`,
//! `p384` and `ecdsa` crates, the arithmetic in `ec_verify` (see there for why).

use alloc::boxed::Box;

use der::asn1::ObjectIdentifier;

use crate::alg_id::AlgorithmIdentifier;
use crate::hash::digest;
use crate::key::{DecodedKey, NamedCurve, P256_PARAMS, P384_PARAMS};
use crate::verify::EcdsaSignatureEncoding;
use crate::{Error, HashAlgorithm, SignatureScheme, SignatureVerificationAlgorithm, oid};
use crate::{PreparedKey, PublicKeyInfo};

use super::ec_verify;

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

    fn hash(&self) -> Option<HashAlgorithm> {
        Some(self.hash)
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
        // The curve crates decode and validate the point (on the curve, not the identity);
        // the per-key table for our own verifier is built from its affine coordinates.
        let prepared = match self.curve {
            NamedCurve::P256 => {
                let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(point)
                    .map_err(|_| Error::MalformedPublicKey)?;
                let sec1 = key.to_sec1_point(false);
                let q = ec_verify::P256
                    .affine_from_be(
                        sec1.x().ok_or(Error::MalformedPublicKey)?,
                        sec1.y().ok_or(Error::MalformedPublicKey)?,
                    )
                    .ok_or(Error::MalformedPublicKey)?;
                EcPrepared::P256(Box::new(ec_verify::P256.key_table(&q)))
            }
            NamedCurve::P384 => {
                let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(point)
                    .map_err(|_| Error::MalformedPublicKey)?;
                let sec1 = key.to_sec1_point(false);
                let q = ec_verify::P384
                    .affine_from_be(
                        sec1.x().ok_or(Error::MalformedPublicKey)?,
                        sec1.y().ok_or(Error::MalformedPublicKey)?,
                    )
                    .ok_or(Error::MalformedPublicKey)?;
                EcPrepared::P384(Box::new(ec_verify::P384.key_table(&q)))
            }
        };
        Ok(PreparedKey::new(info, prepared))
    }

    fn verify_prepared(
        &self,
        key: &PreparedKey,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        let prepared = key
            .downcast_ref::<EcPrepared>()
            .ok_or(Error::SignatureAlgorithmMismatch)?;
        let hashed = digest(self.hash, message);
        let verified = match (prepared, self.curve) {
            (EcPrepared::P256(table), NamedCurve::P256) => {
                let (r, s) = split_signature::<p256::NistP256>(signature, self.encoding)?;
                ec_verify::P256.verify(table, hashed.as_bytes(), &r, &s)
            }
            (EcPrepared::P384(table), NamedCurve::P384) => {
                let (r, s) = split_signature::<p384::NistP384>(signature, self.encoding)?;
                ec_verify::P384.verify(table, hashed.as_bytes(), &r, &s)
            }
            _ => return Err(Error::SignatureAlgorithmMismatch),
        };
        if verified {
            Ok(())
        } else {
            Err(Error::BadSignature)
        }
    }
}

/// The RustCrypto backend's prepared EC key: odd multiples of Q for the wNAF verifier.
enum EcPrepared {
    P256(Box<[ec_verify::Affine<4>; ec_verify::KEY_TABLE_LEN]>),
    P384(Box<[ec_verify::Affine<6>; ec_verify::KEY_TABLE_LEN]>),
}

/// Decodes a signature (DER or fixed width) and returns r and s as big-endian bytes; the
/// `ecdsa` crate checks 0 < r, s < n.
fn split_signature<C>(
    signature: &[u8],
    encoding: EcdsaSignatureEncoding,
) -> Result<
    (
        ::ecdsa::elliptic_curve::FieldBytes<C>,
        ::ecdsa::elliptic_curve::FieldBytes<C>,
    ),
    Error,
>
where
    C: ::ecdsa::EcdsaCurve + ::ecdsa::elliptic_curve::CurveArithmetic,
    ::ecdsa::der::MaxSize<C>: ::ecdsa::elliptic_curve::array::ArraySize,
    <::ecdsa::elliptic_curve::FieldBytesSize<C> as core::ops::Add>::Output:
        core::ops::Add<::ecdsa::der::MaxOverhead> + ::ecdsa::elliptic_curve::array::ArraySize,
{
    let signature = match encoding {
        EcdsaSignatureEncoding::Der => ::ecdsa::Signature::<C>::from_der(signature),
        EcdsaSignatureEncoding::FixedWidth => ::ecdsa::Signature::<C>::from_slice(signature),
    }
    .map_err(|_| Error::MalformedSignature)?;
    Ok(signature.split_bytes())
}
