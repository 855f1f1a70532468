//! SubjectPublicKeyInfo decoding (RFC 5280 4.1.2.7, RFC 3279, RFC 4055, RFC 5480).

use core::fmt;

use der::asn1::{BitStringRef, ObjectIdentifier, UintRef};
use der::{Decode, Reader, SliceReader};

use crate::alg_id::AlgorithmIdentifier;
use crate::pss::PssParameters;
use crate::{Error, oid};

/// DER of the namedCurve parameters of an id-ecPublicKey AlgorithmIdentifier.
pub(crate) const P256_PARAMS: &[u8] = &[0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
pub(crate) const P384_PARAMS: &[u8] = &[0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22];

/// Largest RSA modulus accepted, in bits ([`Error::RsaKeyTooLarge`] beyond it): bounds the work
/// an attacker-chosen key can cause.
pub const MAX_RSA_MODULUS_BITS: u32 = 8192;

/// A public-key signature algorithm family: what "one verified signature per family" and
/// the sunset tables' rules are about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum AlgorithmFamily {
    /// RSA signatures (RSASSA-PKCS1-v1_5 and RSASSA-PSS alike).
    Rsa,
    /// ECDSA on a named curve.
    Ecdsa,
    /// EdDSA (Ed25519, Ed448).
    EdDsa,
    /// ML-DSA (FIPS 204).
    MlDsa,
    /// A family this crate does not define, named by the caller's algorithm object (for
    /// schemes plugged in from outside; sunset tables have no rules for it).
    Other(&'static str),
}

impl AlgorithmFamily {
    /// Every family this crate defines, in table order.
    pub const ALL: [AlgorithmFamily; 4] = [
        AlgorithmFamily::Rsa,
        AlgorithmFamily::Ecdsa,
        AlgorithmFamily::EdDsa,
        AlgorithmFamily::MlDsa,
    ];

    /// The identifier used in table files, CLI options and JSON: `rsa`, `ecdsa`, `eddsa`,
    /// `ml-dsa` (an [`AlgorithmFamily::Other`] family: its own name).
    pub const fn id(self) -> &'static str {
        match self {
            AlgorithmFamily::Rsa => "rsa",
            AlgorithmFamily::Ecdsa => "ecdsa",
            AlgorithmFamily::EdDsa => "eddsa",
            AlgorithmFamily::MlDsa => "ml-dsa",
            AlgorithmFamily::Other(name) => name,
        }
    }

    /// The conventional name: `RSA`, `ECDSA`, `EdDSA`, `ML-DSA`.
    pub const fn name(self) -> &'static str {
        match self {
            AlgorithmFamily::Rsa => "RSA",
            AlgorithmFamily::Ecdsa => "ECDSA",
            AlgorithmFamily::EdDsa => "EdDSA",
            AlgorithmFamily::MlDsa => "ML-DSA",
            AlgorithmFamily::Other(name) => name,
        }
    }

    /// The family with this [`AlgorithmFamily::id`] (ASCII case-insensitive); only the
    /// families this crate defines.
    pub fn from_id(id: &str) -> Option<AlgorithmFamily> {
        AlgorithmFamily::ALL
            .into_iter()
            .find(|f| f.id().eq_ignore_ascii_case(id))
    }
}

impl fmt::Display for AlgorithmFamily {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The named elliptic curves this crate verifies on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NamedCurve {
    /// NIST P-256 (secp256r1), 128-bit security.
    P256,
    /// NIST P-384 (secp384r1), 192-bit security.
    P384,
}

impl NamedCurve {
    /// The curve's conventional name.
    pub const fn name(self) -> &'static str {
        match self {
            NamedCurve::P256 => "P-256",
            NamedCurve::P384 => "P-384",
        }
    }
}

/// What a SubjectPublicKeyInfo holds, as far as algorithm policy is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PublicKeyInfo {
    /// An RSA key (`rsaEncryption` or `id-RSASSA-PSS`).
    Rsa {
        /// Modulus length in bits.
        modulus_bits: u32,
    },
    /// An elliptic-curve key (`id-ecPublicKey`) on a named curve.
    Ec {
        /// The curve.
        curve: NamedCurve,
    },
    /// An ML-DSA key (FIPS 204; RFC 9881 `id-ml-dsa-*`).
    MlDsa {
        /// The parameter set, which the key's OID names.
        parameter_set: MlDsaParameterSet,
    },
    /// A key of a kind this crate does not decode, described by the algorithm object that
    /// verified with it ([`crate::SignatureVerificationAlgorithm::key_info`]).
    Other {
        /// The key's family.
        family: AlgorithmFamily,
    },
}

impl PublicKeyInfo {
    /// Decodes a DER SubjectPublicKeyInfo far enough to tell its algorithm and size.
    pub fn from_spki(spki: &[u8]) -> Result<Self, Error> {
        if let Some(parameter_set) = MlDsaParameterSet::of_spki(spki)? {
            return Ok(PublicKeyInfo::MlDsa { parameter_set });
        }
        Ok(match DecodedKey::from_spki(spki)? {
            DecodedKey::Rsa(rsa) => PublicKeyInfo::Rsa {
                modulus_bits: rsa.modulus_bits(),
            },
            DecodedKey::Ec { curve, .. } => PublicKeyInfo::Ec { curve },
        })
    }
}

/// `RSA-2048`, `ECDSA P-384`, or the family's name.
impl fmt::Display for PublicKeyInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PublicKeyInfo::Rsa { modulus_bits } => write!(f, "RSA-{modulus_bits}"),
            PublicKeyInfo::Ec { curve } => write!(f, "ECDSA {}", curve.name()),
            PublicKeyInfo::MlDsa { parameter_set } => f.write_str(parameter_set.name()),
            PublicKeyInfo::Other { family } => write!(f, "{family}"),
        }
    }
}

/// A FIPS 204 ML-DSA parameter set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MlDsaParameterSet {
    /// ML-DSA-44 (NIST security category 2).
    MlDsa44,
    /// ML-DSA-65 (category 3).
    MlDsa65,
    /// ML-DSA-87 (category 5).
    MlDsa87,
}

impl MlDsaParameterSet {
    /// `ML-DSA-44`, `ML-DSA-65`, `ML-DSA-87`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::MlDsa44 => "ML-DSA-44",
            Self::MlDsa65 => "ML-DSA-65",
            Self::MlDsa87 => "ML-DSA-87",
        }
    }

    /// `ml-dsa-44`, `ml-dsa-65`, `ml-dsa-87`: the names of the algorithm objects.
    pub const fn id(self) -> &'static str {
        match self {
            Self::MlDsa44 => "ml-dsa-44",
            Self::MlDsa65 => "ml-dsa-65",
            Self::MlDsa87 => "ml-dsa-87",
        }
    }

    /// `id-ml-dsa-*` (RFC 9881), for keys and signatures alike.
    pub const fn oid(self) -> ObjectIdentifier {
        match self {
            Self::MlDsa44 => oid::ML_DSA_44,
            Self::MlDsa65 => oid::ML_DSA_65,
            Self::MlDsa87 => oid::ML_DSA_87,
        }
    }

    /// Octets of an encoded public key (pkEncode, FIPS 204 Table 2).
    pub const fn public_key_len(self) -> usize {
        match self {
            Self::MlDsa44 => 1312,
            Self::MlDsa65 => 1952,
            Self::MlDsa87 => 2592,
        }
    }

    /// Octets of a signature (sigEncode, FIPS 204 Table 2).
    pub const fn signature_len(self) -> usize {
        match self {
            Self::MlDsa44 => 2420,
            Self::MlDsa65 => 3309,
            Self::MlDsa87 => 4627,
        }
    }

    /// The parameter set an `id-ml-dsa-*` OID names.
    pub fn from_oid(oid: ObjectIdentifier) -> Option<Self> {
        [Self::MlDsa44, Self::MlDsa65, Self::MlDsa87]
            .into_iter()
            .find(|set| set.oid() == oid)
    }

    /// The raw key of an ML-DSA SubjectPublicKeyInfo, checked as RFC 9881 requires
    /// (parameters absent, the BIT STRING exactly pkEncode's output), with its parameter set;
    /// `None` for a key of another algorithm.
    pub(crate) fn raw_key(spki: &[u8]) -> Result<Option<(Self, &[u8])>, Error> {
        let (alg, key) = split_spki(spki).map_err(|_| Error::MalformedPublicKey)?;
        let Some(set) = Self::from_oid(alg.oid()) else {
            return Ok(None);
        };
        if alg.parameters().is_some() || key.len() != set.public_key_len() {
            return Err(Error::MalformedPublicKey);
        }
        Ok(Some((set, key)))
    }

    fn of_spki(spki: &[u8]) -> Result<Option<Self>, Error> {
        Ok(Self::raw_key(spki)?.map(|(set, _)| set))
    }
}

/// A decoded RSA public key, borrowing from the input.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RsaKeyRef<'a> {
    /// Big-endian modulus without leading zeros.
    pub(crate) modulus: &'a [u8],
    /// Big-endian public exponent without leading zeros.
    pub(crate) exponent: &'a [u8],
    /// Parameters bound to an `id-RSASSA-PSS` key, if the key was so restricted.
    pub(crate) pss_restriction: Option<PssParameters>,
    /// Whether the key was encoded as `id-RSASSA-PSS` (usable only for PSS).
    pub(crate) pss_only: bool,
}

impl RsaKeyRef<'_> {
    pub(crate) fn modulus_bits(&self) -> u32 {
        match self.modulus.first() {
            None => 0,
            Some(first) => {
                (self.modulus.len() as u32 - 1).saturating_mul(8) + (8 - first.leading_zeros())
            }
        }
    }
}

/// A decoded public key.
#[derive(Clone, Copy, Debug)]
pub(crate) enum DecodedKey<'a> {
    Rsa(RsaKeyRef<'a>),
    Ec {
        curve: NamedCurve,
        /// SEC1 encoded point.
        point: &'a [u8],
    },
}

impl<'a> DecodedKey<'a> {
    pub(crate) fn from_spki(spki: &'a [u8]) -> Result<Self, Error> {
        let (alg, key_bits) = split_spki(spki).map_err(|_| Error::MalformedPublicKey)?;
        match alg.oid() {
            oid::RSA_ENCRYPTION => {
                if !alg.parameters_absent_or_null() {
                    return Err(Error::MalformedPublicKey);
                }
                decode_rsa(key_bits, None, false)
            }
            oid::RSASSA_PSS => {
                // RFC 4055 3.1: absent parameters mean the key is not restricted further.
                let restriction = match alg.parameters() {
                    None => None,
                    Some(params) => Some(PssParameters::from_der(params)?),
                };
                decode_rsa(key_bits, restriction, true)
            }
            oid::EC_PUBLIC_KEY => {
                let curve = match alg.parameters().map(ObjectIdentifier::from_der) {
                    Some(Ok(oid::SECP256R1)) => NamedCurve::P256,
                    Some(Ok(oid::SECP384R1)) => NamedCurve::P384,
                    // Implicit or specified curves (RFC 5480 forbids them in PKIX) and other
                    // named curves are not supported.
                    _ => return Err(Error::UnsupportedPublicKeyAlgorithm),
                };
                Ok(DecodedKey::Ec {
                    curve,
                    point: key_bits,
                })
            }
            _ => Err(Error::UnsupportedPublicKeyAlgorithm),
        }
    }
}

/// Splits a SubjectPublicKeyInfo into its algorithm and the subjectPublicKey bytes.
pub(crate) fn split_spki(spki: &[u8]) -> der::Result<(AlgorithmIdentifier<'_>, &[u8])> {
    let mut reader = SliceReader::new(spki)?;
    let parts = reader.sequence(|inner| -> der::Result<_> {
        let alg = AlgorithmIdentifier::decode(inner)?;
        let bits = BitStringRef::decode(inner)?;
        // Keys are whole octets; a bit string with unused bits is not a valid key encoding.
        let bytes = bits
            .as_bytes()
            .ok_or_else(|| der::Tag::BitString.value_error())?;
        Ok((alg, bytes))
    })?;
    reader.finish()?;
    Ok(parts)
}

fn decode_rsa(
    key_bits: &[u8],
    pss_restriction: Option<PssParameters>,
    pss_only: bool,
) -> Result<DecodedKey<'_>, Error> {
    let mut reader = SliceReader::new(key_bits).map_err(|_| Error::MalformedPublicKey)?;
    let (modulus, exponent) = reader
        .sequence(|inner| -> der::Result<_> {
            let n = UintRef::decode(inner)?;
            let e = UintRef::decode(inner)?;
            Ok((n.as_bytes(), e.as_bytes()))
        })
        .map_err(|_: der::Error| Error::MalformedPublicKey)?;
    reader.finish().map_err(|_| Error::MalformedPublicKey)?;

    let key = RsaKeyRef {
        modulus,
        exponent,
        pss_restriction,
        pss_only,
    };
    let bits = key.modulus_bits();
    if bits > MAX_RSA_MODULUS_BITS {
        return Err(Error::RsaKeyTooLarge { bits });
    }
    // A modulus must be odd; catching it here gives a clearer error than the RSA crate's.
    if modulus.last().is_none_or(|b| b & 1 == 0) {
        return Err(Error::MalformedPublicKey);
    }
    // e longer than 8 bytes is outside any real key and the backends' range: its own error,
    // so that the message does not blame parity. Otherwise e must be odd and > 1.
    if exponent.len() > 8 {
        return Err(Error::RsaExponentTooLarge {
            bytes: u32::try_from(exponent.len()).unwrap_or(u32::MAX),
        });
    }
    let e_is_odd = exponent.last().is_some_and(|b| b & 1 == 1);
    let e_is_one = exponent == [1];
    if !e_is_odd || e_is_one {
        return Err(Error::InvalidRsaExponent);
    }
    Ok(DecodedKey::Rsa(key))
}
