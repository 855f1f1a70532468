//! A thin cursor over DER, built on `der`'s reader, that hands out the original bytes of each
//! element: signatures are checked over exactly what was signed, never a re-encoding.
//!
//! Certificates and CRLs walk it with `der::Error` failures ([`Cursor`]); CMS maps every
//! failure to its own error through an [`ErrorMap`] so that `?` needs no conversion per call.

use core::marker::PhantomData;

use der::{Decode, Encode, Header, Reader, SliceReader};

use crate::Error;

/// Identifier octets met while walking certificates, CRLs and SignedData.
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
    /// `[0]` primitive (subjectKeyIdentifier in a SignerIdentifier).
    pub(crate) const CONTEXT_0_PRIMITIVE: u8 = 0x80;
    /// `[n]` constructed.
    pub(crate) const fn context(n: u8) -> u8 {
        0xA0 | n
    }
}

/// How a cursor reports `der`'s failures.
pub(crate) trait ErrorMap {
    type Error;
    fn map(error: der::Error) -> Self::Error;
}

/// Keeps `der::Error` as it is (certificates and CRLs refine it later).
pub(crate) struct KeepDerError;

impl ErrorMap for KeepDerError {
    type Error = der::Error;
    fn map(error: der::Error) -> der::Error {
        error
    }
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
pub(crate) struct MappedCursor<'a, M: ErrorMap> {
    reader: SliceReader<'a>,
    map: PhantomData<M>,
}

/// The cursor of certificates and CRLs.
pub(crate) type Cursor<'a> = MappedCursor<'a, KeepDerError>;

impl<'a, M: ErrorMap> MappedCursor<'a, M> {
    pub(crate) fn new(bytes: &'a [u8]) -> Result<Self, M::Error> {
        Ok(Self {
            reader: SliceReader::new(bytes).map_err(M::map)?,
            map: PhantomData,
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
    pub(crate) fn any(&mut self) -> Result<Tlv<'a>, M::Error> {
        let header = Header::peek(&self.reader).map_err(M::map)?;
        let header_len = header
            .encoded_len()
            .and_then(usize::try_from)
            .map_err(M::map)?;
        let full = self.reader.tlv_bytes().map_err(M::map)?;
        Ok(Tlv {
            tag: full[0],
            value: &full[header_len..],
            full,
        })
    }

    /// The next element, which must carry identifier octet `tag`.
    pub(crate) fn expect(&mut self, tag: u8) -> Result<Tlv<'a>, M::Error> {
        match self.peek_tag() {
            Some(t) if t == tag => self.any(),
            _ => Err(M::map(der::ErrorKind::Failed.into())),
        }
    }

    /// The next element if it carries identifier octet `tag`.
    pub(crate) fn optional(&mut self, tag: u8) -> Result<Option<Tlv<'a>>, M::Error> {
        match self.peek_tag() {
            Some(t) if t == tag => self.any().map(Some),
            _ => Ok(None),
        }
    }

    /// An OBJECT IDENTIFIER.
    pub(crate) fn oid(&mut self) -> Result<der::asn1::ObjectIdentifier, M::Error> {
        let tlv = self.expect(tag::OID)?;
        der::asn1::ObjectIdentifier::from_der(tlv.full).map_err(M::map)
    }

    /// A small non-negative INTEGER (a version number).
    pub(crate) fn small_uint(&mut self) -> Result<u8, M::Error> {
        let tlv = self.expect(tag::INTEGER)?;
        u8::from_der(tlv.full).map_err(M::map)
    }

    /// Errors unless every byte has been consumed.
    pub(crate) fn finish(self) -> Result<(), M::Error> {
        self.reader.finish().map_err(M::map)
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
