//! RSASSA-PSS parameters (RFC 4055 section 3.1).

use der::asn1::UintRef;
use der::{Decode, Reader, SliceReader, TagNumber};

use crate::alg_id::AlgorithmIdentifier;
use crate::hash::hash_from_oid;
use crate::{Error, HashAlgorithm, oid};

/// Longest salt accepted: the encoded message of an 8192-bit key is 1024 bytes, so no valid
/// signature can carry a longer salt; refusing earlier keeps the value in a sane range.
const MAX_SALT_LEN: u32 = 1024;

/// Decoded `RSASSA-PSS-params`, after the consistency checks this crate requires.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PssParameters {
    /// The message hash.
    pub hash: HashAlgorithm,
    /// The hash used by MGF1 (this crate requires it to equal `hash`).
    pub mgf1_hash: HashAlgorithm,
    /// The salt length in bytes.
    pub salt_len: u32,
}

impl PssParameters {
    /// Decodes the DER TLV of `RSASSA-PSS-params`.
    ///
    /// Explicitly encoded DEFAULT values are tolerated (they are BER, not DER, but mean the
    /// same). Errors: [`Error::UnsupportedSignatureAlgorithm`] for a hash other than SHA-1/2,
    /// [`Error::InvalidRsaPssParameters`] for anything malformed, a mask generation function
    /// other than MGF1, a trailer field other than 1, or a salt over 1024 bytes.
    pub fn from_der(der: &[u8]) -> Result<Self, Error> {
        let mut reader = SliceReader::new(der).map_err(|_| Error::InvalidRsaPssParameters)?;
        let raw = reader
            .sequence(decode_fields)
            .map_err(|_: der::Error| Error::InvalidRsaPssParameters)?;
        reader
            .finish()
            .map_err(|_| Error::InvalidRsaPssParameters)?;

        let hash = match raw.hash {
            None => HashAlgorithm::Sha1,
            Some(id) => hash_from_alg_id(&id)?,
        };
        let mgf1_hash = match raw.mgf {
            None => HashAlgorithm::Sha1,
            Some(mgf) => {
                if mgf.oid() != oid::MGF1 {
                    return Err(Error::InvalidRsaPssParameters);
                }
                let inner = mgf.parameters().ok_or(Error::InvalidRsaPssParameters)?;
                let inner = AlgorithmIdentifier::decode_der(inner)
                    .map_err(|_| Error::InvalidRsaPssParameters)?;
                hash_from_alg_id(&inner)?
            }
        };
        if raw.trailer != 1 || raw.salt_len > MAX_SALT_LEN {
            return Err(Error::InvalidRsaPssParameters);
        }
        Ok(Self {
            hash,
            mgf1_hash,
            salt_len: raw.salt_len,
        })
    }

    /// Checks these (signature) parameters against those an `id-RSASSA-PSS` key is bound to:
    /// same hash and MGF, and a salt at least as long as the key requires (RFC 4055 3.3).
    pub(crate) fn check_against_key(&self, key: &PssParameters) -> Result<(), Error> {
        if self.hash != key.hash || self.mgf1_hash != key.mgf1_hash || self.salt_len < key.salt_len
        {
            return Err(Error::InvalidRsaPssParameters);
        }
        Ok(())
    }
}

struct RawFields<'a> {
    hash: Option<AlgorithmIdentifier<'a>>,
    mgf: Option<AlgorithmIdentifier<'a>>,
    salt_len: u32,
    trailer: u32,
}

fn decode_fields<'a, R: Reader<'a>>(reader: &mut R) -> der::Result<RawFields<'a>> {
    let hash = explicit(reader, 0, AlgorithmIdentifier::decode)?;
    let mgf = explicit(reader, 1, AlgorithmIdentifier::decode)?;
    let salt_len = explicit(reader, 2, small_uint)?.unwrap_or(20);
    let trailer = explicit(reader, 3, small_uint)?.unwrap_or(1);
    Ok(RawFields {
        hash,
        mgf,
        salt_len,
        trailer,
    })
}

/// Reads an optional `[n] EXPLICIT` field.
fn explicit<'a, R: Reader<'a>, T>(
    reader: &mut R,
    number: u8,
    inner: impl FnOnce(&mut SliceReader<'a>) -> der::Result<T>,
) -> der::Result<Option<T>> {
    let expected = der::Tag::ContextSpecific {
        constructed: true,
        number: TagNumber(number.into()),
    };
    if reader.is_finished() || der::Tag::peek(reader)? != expected {
        return Ok(None);
    }
    let header = der::Header::decode(reader)?;
    let body = reader.read_slice(header.length())?;
    let mut nested = SliceReader::new(body)?;
    let value = inner(&mut nested)?;
    nested.finish()?;
    Ok(Some(value))
}

fn small_uint(reader: &mut SliceReader<'_>) -> der::Result<u32> {
    let value = UintRef::decode(reader)?;
    let bytes = value.as_bytes();
    if bytes.len() > 4 {
        return Err(der::Tag::Integer.value_error().into());
    }
    Ok(bytes.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)))
}

/// Maps a hash AlgorithmIdentifier to a supported hash. Parameters must be absent or NULL
/// (RFC 4055 2.1: implementations must accept both).
pub(crate) fn hash_from_alg_id(id: &AlgorithmIdentifier<'_>) -> Result<HashAlgorithm, Error> {
    if !id.parameters_absent_or_null() {
        return Err(Error::InvalidRsaPssParameters);
    }
    hash_from_oid(id.oid()).ok_or(Error::UnsupportedSignatureAlgorithm)
}

/// Whether a signature AlgorithmIdentifier is RSASSA-PSS over `hash`. Only the hash decides
/// the match; other parameter faults surface from verification as
/// [`Error::InvalidRsaPssParameters`] rather than as an unsupported algorithm.
pub(crate) fn pss_alg_has_hash(alg: &AlgorithmIdentifier<'_>, hash: HashAlgorithm) -> bool {
    alg.oid() == oid::RSASSA_PSS
        && alg
            .parameters()
            .and_then(|p| PssParameters::from_der(p).ok())
            .is_none_or(|p| p.hash == hash)
}

/// The parameters of an RSASSA-PSS signature AlgorithmIdentifier, checked to be `hash`
/// with MGF1 over the same hash.
pub(crate) fn pss_params_for(
    alg: &AlgorithmIdentifier<'_>,
    hash: HashAlgorithm,
) -> Result<PssParameters, Error> {
    if alg.oid() != oid::RSASSA_PSS {
        return Err(Error::UnsupportedSignatureAlgorithm);
    }
    // RFC 4055: in a signature AlgorithmIdentifier the parameters MUST be present.
    let params = PssParameters::from_der(alg.parameters().ok_or(Error::InvalidRsaPssParameters)?)?;
    if params.hash != hash {
        return Err(Error::UnsupportedSignatureAlgorithm);
    }
    if params.mgf1_hash != params.hash {
        return Err(Error::InvalidRsaPssParameters);
    }
    Ok(params)
}

/// The canonical parameters for `hash`: MGF1 over `hash`, salt as long as the hash.
pub(crate) fn canonical_pss_params(hash: HashAlgorithm) -> PssParameters {
    PssParameters {
        hash,
        mgf1_hash: hash,
        salt_len: hash.output_len() as u32,
    }
}

/// DER of [`canonical_pss_params`] (`None` for SHA-1, which PSS is not offered with).
pub(crate) fn canonical_pss_params_der(hash: HashAlgorithm) -> Option<&'static [u8]> {
    match hash {
        HashAlgorithm::Sha1 => None,
        HashAlgorithm::Sha256 => Some(PSS_SHA256_PARAMS),
        HashAlgorithm::Sha384 => Some(PSS_SHA384_PARAMS),
        HashAlgorithm::Sha512 => Some(PSS_SHA512_PARAMS),
    }
}

/// Canonical DER RSASSA-PSS-params: the hash, MGF1 over the same hash, salt = hash length.
pub(crate) const PSS_SHA256_PARAMS: &[u8] = &[
    48, 52, 160, 15, 48, 13, 6, 9, 96, 134, 72, 1, 101, 3, 4, 2, 1, 5, 0, 161, 28, 48, 26, 6, 9,
    42, 134, 72, 134, 247, 13, 1, 1, 8, 48, 13, 6, 9, 96, 134, 72, 1, 101, 3, 4, 2, 1, 5, 0, 162,
    3, 2, 1, 32,
];
pub(crate) const PSS_SHA384_PARAMS: &[u8] = &[
    48, 52, 160, 15, 48, 13, 6, 9, 96, 134, 72, 1, 101, 3, 4, 2, 2, 5, 0, 161, 28, 48, 26, 6, 9,
    42, 134, 72, 134, 247, 13, 1, 1, 8, 48, 13, 6, 9, 96, 134, 72, 1, 101, 3, 4, 2, 2, 5, 0, 162,
    3, 2, 1, 48,
];
pub(crate) const PSS_SHA512_PARAMS: &[u8] = &[
    48, 52, 160, 15, 48, 13, 6, 9, 96, 134, 72, 1, 101, 3, 4, 2, 3, 5, 0, 161, 28, 48, 26, 6, 9,
    42, 134, 72, 134, 247, 13, 1, 1, 8, 48, 13, 6, 9, 96, 134, 72, 1, 101, 3, 4, 2, 3, 5, 0, 162,
    3, 2, 1, 64,
];
