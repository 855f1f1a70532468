//! ML-DSA (FIPS 204) verification with the `ml-dsa` crate: pure ML-DSA, as X.509 (RFC 9881)
//! and CMS (RFC 9882) use it.
//!
//! Both RFCs sign with an empty context string and without pre-hashing, so the algorithm
//! objects take the whole message and pass an empty context;
//! [`MlDsaAlgorithm::verify_with_context`] is there for callers of the raw API whose
//! protocol binds a context string.

use ml_dsa::{EncodedSignature, EncodedVerifyingKey, MlDsaParams, Signature, VerifyingKey};

use crate::alg_id::AlgorithmIdentifier;
use crate::{AlgorithmFamily, Error, HashAlgorithm, SignatureScheme};
use crate::{MlDsaParameterSet, PreparedKey, PublicKeyInfo, SignatureVerificationAlgorithm};

/// Pure ML-DSA with one parameter set (empty context string, no pre-hash).
#[derive(Debug)]
pub struct MlDsaAlgorithm {
    parameter_set: MlDsaParameterSet,
}

/// ML-DSA-44 (FIPS 204, NIST security category 2), id-ml-dsa-44.
pub static ML_DSA_44: MlDsaAlgorithm = MlDsaAlgorithm {
    parameter_set: MlDsaParameterSet::MlDsa44,
};

/// ML-DSA-65 (FIPS 204, NIST security category 3), id-ml-dsa-65.
pub static ML_DSA_65: MlDsaAlgorithm = MlDsaAlgorithm {
    parameter_set: MlDsaParameterSet::MlDsa65,
};

/// ML-DSA-87 (FIPS 204, NIST security category 5), id-ml-dsa-87.
pub static ML_DSA_87: MlDsaAlgorithm = MlDsaAlgorithm {
    parameter_set: MlDsaParameterSet::MlDsa87,
};

/// A decoded key with its expanded matrix (the costly part, done once per key).
enum MlDsaKey {
    L44(VerifyingKey<ml_dsa::MlDsa44>),
    L65(VerifyingKey<ml_dsa::MlDsa65>),
    L87(VerifyingKey<ml_dsa::MlDsa87>),
}

impl MlDsaAlgorithm {
    /// The parameter set this object verifies.
    pub const fn parameter_set(&self) -> MlDsaParameterSet {
        self.parameter_set
    }

    const fn key_info_of_set(&self) -> PublicKeyInfo {
        PublicKeyInfo::MlDsa {
            parameter_set: self.parameter_set,
        }
    }

    /// The raw public key in `spki`, checked against this parameter set (RFC 9881: the
    /// parameters are absent and the BIT STRING is the pkEncode output).
    fn raw_key<'a>(&self, spki: &'a [u8]) -> Result<&'a [u8], Error> {
        match MlDsaParameterSet::raw_key(spki)? {
            Some((set, key)) if set == self.parameter_set => Ok(key),
            _ => Err(Error::SignatureAlgorithmMismatch),
        }
    }

    /// Verifies `signature` over `message` under the context string `context` (FIPS 204
    /// Algorithm 3, at most 255 octets) with a key from
    /// [`prepare_key`](SignatureVerificationAlgorithm::prepare_key). The trait's methods are
    /// this with an empty context.
    ///
    /// A context longer than 255 octets cannot verify (FIPS 204 returns false):
    /// [`Error::BadSignature`].
    pub fn verify_prepared_with_context(
        &self,
        key: &PreparedKey,
        message: &[u8],
        context: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        let key = key
            .downcast_ref::<MlDsaKey>()
            .ok_or(Error::SignatureAlgorithmMismatch)?;
        match (self.parameter_set, key) {
            (MlDsaParameterSet::MlDsa44, MlDsaKey::L44(k)) => {
                verify(k, message, context, signature)
            }
            (MlDsaParameterSet::MlDsa65, MlDsaKey::L65(k)) => {
                verify(k, message, context, signature)
            }
            (MlDsaParameterSet::MlDsa87, MlDsaKey::L87(k)) => {
                verify(k, message, context, signature)
            }
            _ => Err(Error::SignatureAlgorithmMismatch),
        }
    }

    /// As [`verify_prepared_with_context`](Self::verify_prepared_with_context), with the key
    /// in `spki` (a DER SubjectPublicKeyInfo).
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

    /// FIPS 204 Algorithm 8, ML-DSA.Verify_internal: `signature` over the message
    /// representative `m_prime` as given, with no domain separator or context added. This is
    /// the interface of the NIST ACVP known-answer vectors; protocols (RFC 9881, RFC 9882)
    /// use the external interface ([`verify_with_context`](Self::verify_with_context) and
    /// the trait), which builds M' = 0 || len(ctx) || ctx || M itself.
    pub fn verify_internal(
        &self,
        spki: &[u8],
        m_prime: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        let raw = self.raw_key(spki)?;
        match self.parameter_set {
            MlDsaParameterSet::MlDsa44 => {
                internal(&decode_key::<ml_dsa::MlDsa44>(raw)?, m_prime, signature)
            }
            MlDsaParameterSet::MlDsa65 => {
                internal(&decode_key::<ml_dsa::MlDsa65>(raw)?, m_prime, signature)
            }
            MlDsaParameterSet::MlDsa87 => {
                internal(&decode_key::<ml_dsa::MlDsa87>(raw)?, m_prime, signature)
            }
        }
    }
}

fn decode_key<P: MlDsaParams>(raw: &[u8]) -> Result<VerifyingKey<P>, Error> {
    let enc = EncodedVerifyingKey::<P>::try_from(raw).map_err(|_| Error::MalformedPublicKey)?;
    // Every pkEncode-sized string decodes (t1 coefficients are any 10-bit value).
    Ok(VerifyingKey::decode(&enc))
}

/// A signature as FIPS 204 decodes it: wrong length is malformed, an undecodable hint or z
/// a failed verification (Algorithm 8 returns false).
fn decode_signature<P: MlDsaParams>(signature: &[u8]) -> Result<Signature<P>, Error> {
    let enc = EncodedSignature::<P>::try_from(signature).map_err(|_| Error::MalformedSignature)?;
    Signature::<P>::decode(&enc).ok_or(Error::BadSignature)
}

fn internal<P: MlDsaParams>(
    key: &VerifyingKey<P>,
    m_prime: &[u8],
    signature: &[u8],
) -> Result<(), Error> {
    if key.verify_internal(m_prime, &decode_signature::<P>(signature)?) {
        Ok(())
    } else {
        Err(Error::BadSignature)
    }
}

fn verify<P: MlDsaParams>(
    key: &VerifyingKey<P>,
    message: &[u8],
    context: &[u8],
    signature: &[u8],
) -> Result<(), Error> {
    let sig = decode_signature::<P>(signature)?;
    if key.verify_with_context(message, context, &sig) {
        Ok(())
    } else {
        Err(Error::BadSignature)
    }
}

impl SignatureVerificationAlgorithm for MlDsaAlgorithm {
    fn name(&self) -> &'static str {
        self.parameter_set.id()
    }

    fn scheme(&self) -> SignatureScheme {
        SignatureScheme::Other {
            family: AlgorithmFamily::MlDsa,
        }
    }

    fn hash(&self) -> Option<HashAlgorithm> {
        None // pure ML-DSA: the whole message goes into mu
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier<'static> {
        AlgorithmIdentifier::new(self.parameter_set.oid(), None)
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier<'static> {
        // RFC 9881 2: the parameters MUST be absent.
        AlgorithmIdentifier::new(self.parameter_set.oid(), None)
    }

    fn accepts_public_key_alg(&self, alg: &AlgorithmIdentifier<'_>) -> bool {
        // By OID alone: a key with (forbidden) parameters is then refused by prepare_key as
        // a malformed key rather than reported as a mismatch.
        alg.oid() == self.parameter_set.oid()
    }

    fn key_info(&self, spki: &[u8]) -> Result<PublicKeyInfo, Error> {
        // The checks of prepare_key without expanding the matrix.
        self.raw_key(spki)?;
        Ok(self.key_info_of_set())
    }

    fn prepare_key(&self, spki: &[u8]) -> Result<PreparedKey, Error> {
        let raw = self.raw_key(spki)?;
        let key = match self.parameter_set {
            MlDsaParameterSet::MlDsa44 => MlDsaKey::L44(decode_key(raw)?),
            MlDsaParameterSet::MlDsa65 => MlDsaKey::L65(decode_key(raw)?),
            MlDsaParameterSet::MlDsa87 => MlDsaKey::L87(decode_key(raw)?),
        };
        Ok(PreparedKey::new(self.key_info_of_set(), key))
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
