//! What certificates and CRLs share (RFC 5280 4.1, 5.1): `SEQUENCE { tbs, signatureAlgorithm,
//! signatureValue BIT STRING }`, the TBS repeating the algorithm, and the ranges of the
//! original DER that signature verification needs.

use core::ops::Range;

use der::asn1::ObjectIdentifier;

use crate::Error;
use crate::alg_id::AlgorithmIdentifier;
use crate::signed_data::SignedData;
use crate::tlv::{Cursor, Failed, Tlv, range_of, tag};

/// The three elements of a signed structure, as slices of the input.
pub(crate) struct Envelope<'a> {
    pub(crate) tbs: Tlv<'a>,
    outer_alg: Tlv<'a>,
    signature: &'a [u8],
    signature_aligned: bool,
}

impl<'a> Envelope<'a> {
    /// Splits `der`, which must be exactly one such SEQUENCE.
    pub(crate) fn split(der: &'a [u8]) -> Result<Self, Failed> {
        let mut outer = Cursor::new(der)?;
        let signed = outer.expect(tag::SEQUENCE)?;
        outer.finish()?;
        let mut c = Cursor::new(signed.value)?;
        let tbs = c.expect(tag::SEQUENCE)?;
        let outer_alg = c.expect(tag::SEQUENCE)?;
        let (signature, signature_aligned) = signature_bits(c.expect(tag::BIT_STRING)?.value)?;
        c.finish()?;
        Ok(Self {
            tbs,
            outer_alg,
            signature,
            signature_aligned,
        })
    }

    /// The ranges within `der` (the slice this envelope was split from), after checking that
    /// the TBS copy of the algorithm (`inner_alg`) equals the outer one.
    pub(crate) fn ranges(&self, der: &[u8], inner_alg: Tlv<'_>) -> Result<SignedRanges, Failed> {
        let outer = AlgorithmIdentifier::decode_der(self.outer_alg.full)?;
        if outer != AlgorithmIdentifier::decode_der(inner_alg.full)? {
            return Err(Error::SignatureAlgorithmFieldMismatch.into());
        }
        Ok(SignedRanges {
            tbs: range_of(der, self.tbs.full),
            signature_oid: outer.oid(),
            signature_params: outer.parameters().map(|p| range_of(der, p)),
            signature: range_of(der, self.signature),
            signature_aligned: self.signature_aligned,
        })
    }
}

/// Where the signed parts lie in the owner's DER: every accessor takes that DER (the slice
/// given to [`Envelope::ranges`]), which the owner keeps beside these ranges.
#[derive(Clone)]
pub(crate) struct SignedRanges {
    tbs: Range<usize>,
    signature_oid: ObjectIdentifier,
    signature_params: Option<Range<usize>>,
    signature: Range<usize>,
    signature_aligned: bool,
}

impl SignedRanges {
    pub(crate) fn tbs<'a>(&self, der: &'a [u8]) -> &'a [u8] {
        &der[self.tbs.clone()]
    }

    pub(crate) fn algorithm<'a>(&self, der: &'a [u8]) -> AlgorithmIdentifier<'a> {
        AlgorithmIdentifier::new(
            self.signature_oid,
            self.signature_params.clone().map(|r| &der[r]),
        )
    }

    pub(crate) fn signature<'a>(&self, der: &'a [u8]) -> &'a [u8] {
        &der[self.signature.clone()]
    }

    /// The signed data, for verification; `None` when the signature BIT STRING has unused
    /// bits, which no RSA or ECDSA signature has.
    pub(crate) fn signed_data<'a>(&self, der: &'a [u8]) -> Option<SignedData<'a>> {
        self.signature_aligned.then(|| SignedData {
            message: self.tbs(der),
            algorithm: self.algorithm(der),
            signature: self.signature(der),
        })
    }
}

/// A signature BIT STRING: its octets, and whether it is octet-aligned (no unused bits).
/// A misaligned one still parses (PKITS "BadSigned" certificates alter that octet); it can
/// never verify.
fn signature_bits(value: &[u8]) -> der::Result<(&[u8], bool)> {
    match value.split_first() {
        Some((0, rest)) => Ok((rest, true)),
        Some((1..=7, rest)) if !rest.is_empty() => Ok((rest, false)),
        _ => Err(der::Tag::BitString.value_error().into()),
    }
}
