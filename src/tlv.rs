//! A thin cursor over DER, built on `der`'s reader, that hands out the original bytes of each
//! element: signatures are checked over exactly what was signed, never a re-encoding.
//! Certificates and CRLs walk it with `der::Error` failures (CMS reads its structures with
//! `der` types instead, see `cms/asn1.rs`).

use der::{Encode, Header, Reader, SliceReader};

use crate::Error;

/// Identifier octets met while walking certificates and CRLs.
pub(crate) mod tag {
    pub(crate) const BOOLEAN: u8 = 0x01;
    pub(crate) const INTEGER: u8 = 0x02;
    pub(crate) const BIT_STRING: u8 = 0x03;
    pub(crate) const OCTET_STRING: u8 = 0x04;
    pub(crate) const OID: u8 = 0x06;
    pub(crate) const ENUMERATED: u8 = 0x0a;
    pub(crate) const SEQUENCE: u8 = 0x30;
    pub(crate) const SET: u8 = 0x31;
    pub(crate) const UTC_TIME: u8 = 0x17;
    pub(crate) const GENERALIZED_TIME: u8 = 0x18;
}

/// A parse failed in `der` (malformed structure, reported as the caller's "malformed" error)
/// or for a reason of our own.
pub(crate) enum Failed {
    Der,
    Other(Error),
}

impl Failed {
    /// The error to report, `malformed` standing for any structural failure.
    pub(crate) fn into_error(self, malformed: Error) -> Error {
        match self {
            Failed::Der => malformed,
            Failed::Other(e) => e,
        }
    }
}

impl From<der::Error> for Failed {
    fn from(_: der::Error) -> Self {
        Failed::Der
    }
}

impl From<Error> for Failed {
    fn from(e: Error) -> Self {
        Failed::Other(e)
    }
}

/// One element: its identifier octet, its value, and its complete encoding.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tlv<'a> {
    pub(crate) tag: u8,
    pub(crate) value: &'a [u8],
    pub(crate) full: &'a [u8],
}

/// Reads consecutive DER elements from a byte slice. Indefinite lengths and non-minimal
/// length encodings are refused by `der`'s DER rules.
pub(crate) struct Cursor<'a> {
    reader: SliceReader<'a>,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> der::Result<Self> {
        Ok(Self {
            reader: SliceReader::new(bytes)?,
        })
    }

    /// Whether every byte has been consumed.
    pub(crate) fn is_empty(&self) -> bool {
        self.reader.is_finished()
    }

    /// The identifier octet of the next element, if any.
    pub(crate) fn peek_tag(&self) -> Option<u8> {
        self.reader.peek_byte()
    }

    /// The next element, whatever its tag.
    pub(crate) fn any(&mut self) -> der::Result<Tlv<'a>> {
        let header = Header::peek(&self.reader)?;
        let header_len = header.encoded_len().and_then(usize::try_from)?;
        let full = self.reader.tlv_bytes()?;
        Ok(Tlv {
            tag: full[0],
            value: &full[header_len..],
            full,
        })
    }

    /// The next element, which must carry identifier octet `tag`.
    pub(crate) fn expect(&mut self, tag: u8) -> der::Result<Tlv<'a>> {
        match self.peek_tag() {
            Some(t) if t == tag => self.any(),
            _ => Err(der::ErrorKind::Failed.into()),
        }
    }

    /// The next element if it carries identifier octet `tag`.
    pub(crate) fn optional(&mut self, tag: u8) -> der::Result<Option<Tlv<'a>>> {
        match self.peek_tag() {
            Some(t) if t == tag => self.any().map(Some),
            _ => Ok(None),
        }
    }

    /// Errors unless every byte has been consumed.
    pub(crate) fn finish(self) -> der::Result<()> {
        self.reader.finish()
    }
}

/// The value of a single element with identifier `tag` spanning all of `bytes`.
pub(crate) fn single(bytes: &[u8], tag: u8) -> der::Result<&[u8]> {
    let mut c = Cursor::new(bytes)?;
    let tlv = c.expect(tag)?;
    c.finish()?;
    Ok(tlv.value)
}

/// The offset of `inner` within `outer`; `inner` must be a sub-slice of `outer`.
pub(crate) fn range_of(outer: &[u8], inner: &[u8]) -> core::ops::Range<usize> {
    let start = inner.as_ptr() as usize - outer.as_ptr() as usize;
    start..start + inner.len()
}
