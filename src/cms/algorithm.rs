//! A SignerInfo's digestAlgorithm and signatureAlgorithm: which hash, which verification
//! algorithm label, and whether the two agree (RFC 5754, RFC 4056, RFC 5753).

use crate::alg_id::{AlgorithmIdentifier, NULL};
use crate::hash::hash_from_oid;
use crate::pss::PssParameters;
use crate::{
    AlgorithmFamily, Error, HashAlgorithm, MlDsaParameterSet, SignatureVerificationAlgorithm, oid,
};

/// What a SignerInfo's algorithm identifiers resolve to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SignerAlgorithms<'a> {
    pub(crate) digest: HashAlgorithm,
    /// The signature AlgorithmIdentifier handed to the backend: the input's, except that
    /// `rsaEncryption` is replaced by the PKCS#1 v1.5 identifier of the digest.
    pub(crate) signature: AlgorithmIdentifier<'a>,
    pub(crate) family: AlgorithmFamily,
}

/// The digest algorithm: SHA-1/256/384/512 with absent or NULL parameters (RFC 5754 2:
/// implementations MUST accept both). SHA-1 only when `allow_sha1`.
pub(crate) fn digest_algorithm(
    id: &AlgorithmIdentifier<'_>,
    allow_sha1: bool,
) -> Result<HashAlgorithm, Error> {
    if !id.parameters_absent_or_null() {
        return Err(Error::CmsUnsupportedDigestAlgorithm);
    }
    let hash = hash_from_oid(id.oid()).ok_or(Error::CmsUnsupportedDigestAlgorithm)?;
    if hash == HashAlgorithm::Sha1 && !allow_sha1 {
        return Err(Error::CmsDigestAlgorithmNotAllowed);
    }
    Ok(hash)
}

/// Resolves the signature algorithm against the digest algorithm.
///
/// - `rsaEncryption` (the label OpenSSL and most CMS producers write, RFC 5754 3.2): PKCS#1
///   v1.5 with the digest algorithm's hash.
/// - `sha*WithRSAEncryption`, `ecdsa-with-SHA*`: the label's hash must equal the digest.
/// - `id-RSASSA-PSS`: the parameters' hash must equal the digest (RFC 4056 3); absent
///   parameters mean SHA-1 and are therefore only consistent with a SHA-1 digest.
/// - anything else: left to the backend, whose matching objects must use the digest's hash.
pub(crate) fn resolve<'a>(
    algorithms: &[&'static dyn SignatureVerificationAlgorithm],
    digest: HashAlgorithm,
    signature: &AlgorithmIdentifier<'a>,
) -> Result<SignerAlgorithms<'a>, Error> {
    let mapped = if signature.oid() == oid::RSA_ENCRYPTION {
        if !signature.parameters_absent_or_null() {
            return Err(Error::UnsupportedSignatureAlgorithm);
        }
        AlgorithmIdentifier::new(pkcs1_oid(digest), Some(NULL))
    } else {
        *signature
    };
    let label_hash = match mapped.oid() {
        oid::RSASSA_PSS => Some(match mapped.parameters() {
            None => HashAlgorithm::Sha1,
            Some(params) => PssParameters::from_der(params)?.hash,
        }),
        other => hash_of_label(other),
    };
    if let Some(label_hash) = label_hash
        && label_hash != digest
    {
        return Err(Error::CmsDigestAlgorithmMismatch);
    }

    // The backend decides what it supports; every object that accepts the label must hash
    // with the digest algorithm (this covers labels not listed above). A pure scheme takes
    // the signed attributes whole, so the digest only covers the content.
    let mut accepted = algorithms
        .iter()
        .filter(|a| a.accepts_signature_alg(&mapped))
        .peekable();
    let first = accepted
        .peek()
        .copied()
        .ok_or(Error::UnsupportedSignatureAlgorithm)?;
    if accepted.any(|a| a.hash().is_some_and(|h| h != digest)) {
        return Err(Error::CmsDigestAlgorithmMismatch);
    }
    let family = first.family();
    Ok(SignerAlgorithms {
        digest,
        signature: mapped,
        family,
    })
}

/// The algorithm family a signatureAlgorithm label names, without consulting a backend
/// (for reporting signers whose algorithms did not resolve).
pub(crate) fn family_of_label(id: &AlgorithmIdentifier<'_>) -> Option<AlgorithmFamily> {
    match id.oid() {
        oid::RSA_ENCRYPTION
        | oid::RSASSA_PSS
        | oid::SHA1_WITH_RSA
        | oid::SHA256_WITH_RSA
        | oid::SHA384_WITH_RSA
        | oid::SHA512_WITH_RSA => Some(AlgorithmFamily::Rsa),
        oid::ECDSA_WITH_SHA256 | oid::ECDSA_WITH_SHA384 | oid::ECDSA_WITH_SHA512 => {
            Some(AlgorithmFamily::Ecdsa)
        }
        oid if MlDsaParameterSet::from_oid(oid).is_some() => Some(AlgorithmFamily::MlDsa),
        _ => None,
    }
}

fn pkcs1_oid(hash: HashAlgorithm) -> der::asn1::ObjectIdentifier {
    match hash {
        HashAlgorithm::Sha1 => oid::SHA1_WITH_RSA,
        HashAlgorithm::Sha256 => oid::SHA256_WITH_RSA,
        HashAlgorithm::Sha384 => oid::SHA384_WITH_RSA,
        HashAlgorithm::Sha512 => oid::SHA512_WITH_RSA,
    }
}

fn hash_of_label(id: der::asn1::ObjectIdentifier) -> Option<HashAlgorithm> {
    Some(match id {
        oid::SHA1_WITH_RSA => HashAlgorithm::Sha1,
        oid::SHA256_WITH_RSA | oid::ECDSA_WITH_SHA256 => HashAlgorithm::Sha256,
        oid::SHA384_WITH_RSA | oid::ECDSA_WITH_SHA384 => HashAlgorithm::Sha384,
        oid::SHA512_WITH_RSA | oid::ECDSA_WITH_SHA512 => HashAlgorithm::Sha512,
        _ => return None,
    })
}
