//! Algorithm identifiers (RFC 5280 section 4.1.1.2) as used to match a certificate's or a
//! CMS SignerInfo's algorithm to a verification algorithm object.

use der::asn1::ObjectIdentifier;
use der::{
    Decode, DecodeValue, Encode, EncodeValue, FixedTag, Header, Length, Reader, Tag, Writer,
};

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
        <Self as Decode<'a>>::from_der(der)
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
        // Fails only past der's length limit, which no parameters taken from a DER input
        // (itself within that limit) reach.
        Encode::to_der(self).unwrap_or_default()
    }
}

impl FixedTag for AlgorithmIdentifier<'_> {
    const TAG: Tag = Tag::Sequence;
}

impl<'a> DecodeValue<'a> for AlgorithmIdentifier<'a> {
    type Error = der::Error;

    fn decode_value<R: Reader<'a>>(reader: &mut R, _: Header) -> der::Result<Self> {
        let oid = ObjectIdentifier::decode(reader)?;
        // At most one element: der's nested reader refuses anything after it.
        let parameters = if reader.is_finished() {
            None
        } else {
            Some(reader.tlv_bytes()?)
        };
        Ok(Self { oid, parameters })
    }
}

impl EncodeValue for AlgorithmIdentifier<'_> {
    fn value_len(&self) -> der::Result<Length> {
        let params = Length::try_from(self.parameters.map_or(0, <[u8]>::len))?;
        self.oid.encoded_len()? + params
    }

    fn encode_value(&self, writer: &mut impl Writer) -> der::Result<()> {
        self.oid.encode(writer)?;
        writer.write(self.parameters.unwrap_or_default())
    }
}

/// DER NULL.
pub(crate) const NULL: &[u8] = &[0x05, 0x00];
