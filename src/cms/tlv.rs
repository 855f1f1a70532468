//! A strict DER cursor that hands out the original bytes of each element, for walking the
//! outer layers of a SignedData before (and without) decoding them into owned types.

use der::{Decode, Encode, Header, Reader, SliceReader};

use crate::Error;

/// Universal and context-specific identifier octets met in SignedData.
pub(crate) mod tag {
    pub(crate) const INTEGER: u8 = 0x02;
    pub(crate) const OCTET_STRING: u8 = 0x04;
    pub(crate) const OID: u8 = 0x06;
    pub(crate) const SEQUENCE: u8 = 0x30;
    pub(crate) const SET: u8 = 0x31;
    /// `[0]` primitive (subjectKeyIdentifier in a SignerIdentifier).
    pub(crate) const CONTEXT_0_PRIMITIVE: u8 = 0x80;
    /// `[n]` constructed.
    pub(crate) const fn context(n: u8) -> u8 {
        0xA0 | n
    }
}

/// One element: identifier octet, value, and complete encoding.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tlv<'a> {
    pub(crate) tag: u8,
    pub(crate) value: &'a [u8],
    pub(crate) full: &'a [u8],
}

/// Consecutive DER elements of one byte slice. Every failure is [`Error::CmsMalformed`]:
/// the caller decides whether a more specific error applies.
pub(crate) struct Cursor<'a> {
    reader: SliceReader<'a>,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Result<Self, Error> {
        Ok(Self {
            reader: SliceReader::new(bytes).map_err(malformed)?,
        })
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.reader.is_finished()
    }

    pub(crate) fn peek_tag(&self) -> Option<u8> {
        self.reader.peek_byte()
    }

    /// The next element, whatever its tag. Indefinite lengths and non-minimal length
    /// encodings are refused by `der`'s DER rules.
    pub(crate) fn any(&mut self) -> Result<Tlv<'a>, Error> {
        let header = Header::peek(&self.reader).map_err(malformed)?;
        let header_len = header
            .encoded_len()
            .and_then(usize::try_from)
            .map_err(malformed)?;
        let full = self.reader.tlv_bytes().map_err(malformed)?;
        Ok(Tlv {
            tag: full[0],
            value: &full[header_len..],
            full,
        })
    }

    /// The next element, which must carry `tag`.
    pub(crate) fn expect(&mut self, tag: u8) -> Result<Tlv<'a>, Error> {
        let tlv = self.any()?;
        if tlv.tag != tag {
            return Err(Error::CmsMalformed);
        }
        Ok(tlv)
    }

    /// The next element if it carries `tag`.
    pub(crate) fn optional(&mut self, tag: u8) -> Result<Option<Tlv<'a>>, Error> {
        if self.peek_tag() == Some(tag) {
            self.any().map(Some)
        } else {
            Ok(None)
        }
    }

    /// An OBJECT IDENTIFIER.
    pub(crate) fn oid(&mut self) -> Result<der::asn1::ObjectIdentifier, Error> {
        let tlv = self.expect(tag::OID)?;
        der::asn1::ObjectIdentifier::from_der(tlv.full).map_err(malformed)
    }

    /// A small non-negative INTEGER (a version number).
    pub(crate) fn small_uint(&mut self) -> Result<u8, Error> {
        let tlv = self.expect(tag::INTEGER)?;
        u8::from_der(tlv.full).map_err(malformed)
    }

    /// Requires that every byte was consumed.
    pub(crate) fn finish(self) -> Result<(), Error> {
        self.reader.finish().map_err(malformed)
    }
}

/// Every element of `value` (the contents of a constructed element), at most `max` of them;
/// more is `too_many`.
pub(crate) fn elements<'a>(
    value: &'a [u8],
    max: usize,
    too_many: Error,
) -> Result<alloc::vec::Vec<Tlv<'a>>, Error> {
    let mut cursor = Cursor::new(value)?;
    let mut out = alloc::vec::Vec::new();
    while !cursor.is_empty() {
        if out.len() == max {
            return Err(too_many);
        }
        out.push(cursor.any()?);
    }
    Ok(out)
}

fn malformed(_: der::Error) -> Error {
    Error::CmsMalformed
}
