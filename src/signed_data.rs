//! Signed bytes with their claimed algorithm and signature: what certificates, CRLs and
//! OCSP responses hand to signature verification.

use crate::alg_id::AlgorithmIdentifier;

/// Signed data to be checked against a key.
#[derive(Clone, Copy, Debug)]
pub struct SignedData<'a> {
    /// The bytes that were signed.
    pub message: &'a [u8],
    /// The signature algorithm the signer claims.
    pub algorithm: AlgorithmIdentifier<'a>,
    /// The signature value.
    pub signature: &'a [u8],
}
