//! Algorithm identifiers (RFC 5280 section 4.1.1.2) as used to match a certificate's or a
//! CMS SignerInfo's algorithm to a verification algorithm object.

use der::asn1::ObjectIdentifier;
use der::{Decode, Encode, Reader, SliceReader};

use crate::Error;

/// An AlgorithmIdentifier: an OID and the DER encoding of its parameters, if any.
///
/// Two identifiers are equal when their OIDs are equal and their parameter encodings are
/// byte-for-byte equal (DER leaves one encoding per value, so this is semantic equality).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AlgorithmIdentifier<'a> {
    oid: ObjectIdentifier,
    parameters: Option<&'a [u8]>,
}

impl<'a> AlgorithmIdentifier<'a> {
    /// An identifier from its parts; `parameters` is the complete DER TLV of the parameters.
    pub const fn new(oid: ObjectIdentifier, parameters: Option<&'a [u8]>) -> Self {
        Self { oid, parameters }
    }

    /// Decodes a DER `AlgorithmIdentifier` SEQUENCE; trailing data is an error.
    pub fn from_der(der: &'a [u8]) -> Result<Self, Error> {
        Self::decode_der(der).map_err(|_| Error::UnsupportedSignatureAlgorithm)
    }

    /// Decodes a DER `AlgorithmIdentifier`, keeping the parameters' original bytes.
    pub(crate) fn decode_der(der: &'a [u8]) -> der::Result<Self> {
        let mut reader = SliceReader::new(der)?;
        let id = Self::decode_from(&mut reader)?;
        reader.finish()?;
        Ok(id)
    }

    /// Reads one `AlgorithmIdentifier` SEQUENCE from `reader`.
    pub(crate) fn decode_from<R: Reader<'a>>(reader: &mut R) -> der::Result<Self> {
        reader.sequence(|inner| {
            let oid = ObjectIdentifier::decode(inner)?;
            let parameters = if inner.is_finished() {
                None
            } else {
                Some(inner.tlv_bytes()?)
            };
            Ok(Self { oid, parameters })
        })
    }

    /// The algorithm's OID.
    pub const fn oid(&self) -> ObjectIdentifier {
        self.oid
    }

    /// The DER TLV of the parameters, if present.
    pub const fn parameters(&self) -> Option<&'a [u8]> {
        self.parameters
    }

    /// Whether the parameters are absent or an explicit NULL (the two encodings RSA
    /// PKCS#1 v1.5 identifiers are seen with; RFC 4055 requires NULL, RFC 5754 notes both).
    pub(crate) fn parameters_absent_or_null(&self) -> bool {
        matches!(self.parameters, None | Some(NULL))
    }

    /// Encodes the identifier as a DER AlgorithmIdentifier SEQUENCE.
    pub fn to_der(&self) -> alloc::vec::Vec<u8> {
        let oid_len = self.oid.encoded_len().map(u32::from).unwrap_or(0) as usize;
        let mut body = alloc::vec::Vec::with_capacity(oid_len + 16);
        // Encoding an OID into a Vec cannot fail.
        let _ = self.oid.encode_to_vec(&mut body);
        if let Some(params) = self.parameters {
            body.extend_from_slice(params);
        }
        let mut out = alloc::vec::Vec::with_capacity(body.len() + 4);
        out.push(0x30);
        push_der_length(&mut out, body.len());
        out.extend_from_slice(&body);
        out
    }
}

pub(crate) fn push_der_length(out: &mut alloc::vec::Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = (len as u64).to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (8 - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
}

/// DER NULL.
pub(crate) const NULL: &[u8] = &[0x05, 0x00];
