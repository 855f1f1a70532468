//! The structures of RFC 6960 (4.2.1) as `der` types borrowing from the input.
//!
//! What the signature covers (`tbsResponseData`) and the responder certificates stay as their
//! original bytes; SEQUENCE OF fields are kept undecoded ([`RawSeq`]) and counted against a
//! bound before their elements are read. CHOICEs are decoded by hand: their alternatives are
//! context-tagged (EXPLICIT and IMPLICIT mixed), which is clearer spelled out than derived.

use der::asn1::{ObjectIdentifier, OctetStringRef};
use der::{
    Decode, DecodeValue, Encode, EncodeValue, FixedTag, Header, Length, Reader, Sequence,
    SliceReader, Tag, TagNumber, Writer,
};

use crate::alg_id::AlgorithmIdentifier;
use crate::time::UnixTime;

/// Value types kept as their content octets (after the header).
macro_rules! raw_value {
    ($(#[$doc:meta])* $name:ident, $tag:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug)]
        pub(crate) struct $name<'a>(pub(crate) &'a [u8]);

        impl FixedTag for $name<'_> {
            const TAG: Tag = $tag;
        }

        impl<'a> DecodeValue<'a> for $name<'a> {
            type Error = der::Error;

            fn decode_value<R: Reader<'a>>(reader: &mut R, header: Header) -> der::Result<Self> {
                reader.read_slice(header.length()).map(Self)
            }
        }

        impl EncodeValue for $name<'_> {
            fn value_len(&self) -> der::Result<Length> {
                Length::try_from(self.0.len())
            }

            fn encode_value(&self, writer: &mut impl Writer) -> der::Result<()> {
                writer.write(self.0)
            }
        }
    };
}

raw_value!(
    /// The contents of a SEQUENCE (OF), not yet decoded.
    RawSeq,
    Tag::Sequence
);
raw_value!(
    /// An INTEGER's content octets, as encoded (serial numbers are compared this way).
    RawInt,
    Tag::Integer
);
raw_value!(
    /// An ENUMERATED's content octets.
    RawEnum,
    Tag::Enumerated
);
raw_value!(
    /// A GeneralizedTime's content octets; [`GenTime::time`] reads the DER form.
    GenTime,
    Tag::GeneralizedTime
);

impl GenTime<'_> {
    /// The time, `None` unless in the DER form `YYYYMMDDHHMMSSZ`.
    pub(crate) fn time(&self) -> Option<UnixTime> {
        UnixTime::from_x509_time(0x18, self.0)
    }
}

impl<'a> RawSeq<'a> {
    /// Counts the elements (any TLV): `None` if malformed or more than `max`.
    pub(crate) fn count(&self, max: usize) -> Option<usize> {
        let mut reader = SliceReader::new(self.0).ok()?;
        let mut n = 0;
        while !reader.is_finished() {
            if n == max {
                return None;
            }
            reader.tlv_bytes().ok()?;
            n += 1;
        }
        Some(n)
    }

    /// The number of elements if at most `max`; otherwise `malformed` when some element is
    /// malformed (the whole walk is bounded by the input's length), else `too_many`.
    pub(crate) fn bounded_count(
        &self,
        max: usize,
        too_many: crate::Error,
        malformed: crate::Error,
    ) -> Result<usize, crate::Error> {
        match (self.count(max), self.count(usize::MAX)) {
            (Some(n), _) => Ok(n),
            (None, Some(_)) => Err(too_many),
            (None, None) => Err(malformed),
        }
    }

    /// The elements' complete encodings; call [`RawSeq::count`] first to bound them.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &'a [u8]> + use<'a> {
        let mut reader = SliceReader::new(self.0).ok();
        core::iter::from_fn(move || {
            let r = reader.as_mut()?;
            if r.is_finished() {
                return None;
            }
            r.tlv_bytes().ok()
        })
    }
}

/// A complete TLV kept as its original bytes (`tbsResponseData`, a `Name`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct KeptSeq<'a> {
    pub(crate) der: &'a [u8],
}

impl FixedTag for KeptSeq<'_> {
    const TAG: Tag = Tag::Sequence;
}

impl<'a> Decode<'a> for KeptSeq<'a> {
    type Error = der::Error;

    fn decode<R: Reader<'a>>(reader: &mut R) -> der::Result<Self> {
        let der = reader.tlv_bytes()?;
        let mut inner = SliceReader::new(der)?;
        Header::decode(&mut inner)?.tag().assert_eq(Tag::Sequence)?;
        Ok(Self { der })
    }
}

impl Encode for KeptSeq<'_> {
    fn encoded_len(&self) -> der::Result<Length> {
        Length::try_from(self.der.len())
    }

    fn encode(&self, writer: &mut impl Writer) -> der::Result<()> {
        writer.write(self.der)
    }
}

/// `OCSPResponse`.
#[derive(Sequence)]
pub(crate) struct OcspResponse<'a> {
    pub(crate) response_status: RawEnum<'a>,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    pub(crate) response_bytes: Option<ResponseBytes<'a>>,
}

/// `ResponseBytes`.
#[derive(Sequence)]
pub(crate) struct ResponseBytes<'a> {
    pub(crate) response_type: ObjectIdentifier,
    pub(crate) response: &'a OctetStringRef,
}

/// `BasicOCSPResponse`; `certs` holds `Certificate` elements.
#[derive(Sequence)]
pub(crate) struct BasicOcspResponse<'a> {
    pub(crate) tbs_response_data: KeptSeq<'a>,
    pub(crate) signature_algorithm: AlgorithmIdentifier<'a>,
    pub(crate) signature: der::asn1::BitStringRef<'a>,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    pub(crate) certs: Option<RawSeq<'a>>,
}

/// `ResponseData`; `responses` holds `SingleResponse` elements, `response_extensions` the
/// contents of `Extensions`.
#[derive(Sequence)]
pub(crate) struct ResponseData<'a> {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    pub(crate) version: Option<u8>,
    pub(crate) responder_id: ResponderId<'a>,
    pub(crate) produced_at: GenTime<'a>,
    pub(crate) responses: RawSeq<'a>,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", optional = "true")]
    pub(crate) response_extensions: Option<RawSeq<'a>>,
}

/// `SingleResponse`.
#[derive(Sequence)]
pub(crate) struct SingleResponse<'a> {
    pub(crate) cert_id: CertId<'a>,
    pub(crate) cert_status: CertStatus<'a>,
    pub(crate) this_update: GenTime<'a>,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    pub(crate) next_update: Option<GenTime<'a>>,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", optional = "true")]
    pub(crate) single_extensions: Option<RawSeq<'a>>,
}

/// `CertID`.
#[derive(Sequence)]
pub(crate) struct CertId<'a> {
    pub(crate) hash_algorithm: AlgorithmIdentifier<'a>,
    pub(crate) issuer_name_hash: &'a OctetStringRef,
    pub(crate) issuer_key_hash: &'a OctetStringRef,
    pub(crate) serial_number: RawInt<'a>,
}

/// `RevokedInfo` (the contents of `revoked [1] IMPLICIT`).
#[derive(Sequence)]
pub(crate) struct RevokedInfo<'a> {
    pub(crate) revocation_time: GenTime<'a>,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    pub(crate) revocation_reason: Option<RawEnum<'a>>,
}

/// `ResponderID ::= CHOICE { byName [1] Name, byKey [2] KeyHash }` (EXPLICIT tags: the
/// module's default). `ByName` keeps the `Name`'s DER, `ByKey` the SHA-1 hash octets.
#[derive(Clone, Copy, Debug)]
pub(crate) enum ResponderId<'a> {
    ByName(&'a [u8]),
    ByKey(&'a [u8]),
}

/// `CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo,
/// unknown [2] IMPLICIT NULL }`; `Revoked` keeps the RevokedInfo contents.
#[derive(Clone, Copy, Debug)]
pub(crate) enum CertStatus<'a> {
    Good,
    Revoked(&'a [u8]),
    Unknown,
}

/// A context-specific tag.
fn context(number: u32, constructed: bool) -> Tag {
    Tag::ContextSpecific {
        constructed,
        number: TagNumber(number),
    }
}

/// Reads one element with any tag: (tag, contents, whole TLV).
fn read_tlv<'a, R: Reader<'a>>(reader: &mut R) -> der::Result<(Tag, &'a [u8], &'a [u8])> {
    let der = reader.tlv_bytes()?;
    let mut inner = SliceReader::new(der)?;
    let header = Header::decode(&mut inner)?;
    let contents = inner.read_slice(header.length())?;
    Ok((header.tag(), contents, der))
}

impl<'a> Decode<'a> for ResponderId<'a> {
    type Error = der::Error;

    fn decode<R: Reader<'a>>(reader: &mut R) -> der::Result<Self> {
        let (tag, contents, _) = read_tlv(reader)?;
        let mut inner = SliceReader::new(contents)?;
        let value = if tag == context(1, true) {
            Self::ByName(KeptSeq::decode(&mut inner)?.der)
        } else if tag == context(2, true) {
            Self::ByKey(<&OctetStringRef>::decode(&mut inner)?.as_bytes())
        } else {
            return Err(tag.unexpected_error(None).to_error());
        };
        inner.finish()?;
        Ok(value)
    }
}

impl Encode for ResponderId<'_> {
    // Only decoding is used; the derive needs the trait. Encoding re-creates the EXPLICIT tag.
    fn encoded_len(&self) -> der::Result<Length> {
        match self {
            Self::ByName(der) => Length::try_from(der.len())?.for_tlv(context(1, true)),
            Self::ByKey(hash) => OctetStringRef::new(hash)?
                .encoded_len()?
                .for_tlv(context(2, true)),
        }
    }

    fn encode(&self, writer: &mut impl Writer) -> der::Result<()> {
        match self {
            Self::ByName(der) => {
                Header::new(context(1, true), Length::try_from(der.len())?).encode(writer)?;
                writer.write(der)
            }
            Self::ByKey(hash) => {
                let octets = OctetStringRef::new(hash)?;
                Header::new(context(2, true), octets.encoded_len()?).encode(writer)?;
                octets.encode(writer)
            }
        }
    }
}

impl<'a> Decode<'a> for CertStatus<'a> {
    type Error = der::Error;

    fn decode<R: Reader<'a>>(reader: &mut R) -> der::Result<Self> {
        let (tag, contents, _) = read_tlv(reader)?;
        if tag == context(0, false) && contents.is_empty() {
            Ok(Self::Good)
        } else if tag == context(1, true) {
            Ok(Self::Revoked(contents))
        } else if tag == context(2, false) && contents.is_empty() {
            Ok(Self::Unknown)
        } else {
            Err(tag.unexpected_error(None).to_error())
        }
    }
}

impl Encode for CertStatus<'_> {
    fn encoded_len(&self) -> der::Result<Length> {
        match self {
            Self::Good | Self::Unknown => Ok(Length::new(2)),
            Self::Revoked(contents) => Length::try_from(contents.len())?.for_tlv(context(1, true)),
        }
    }

    fn encode(&self, writer: &mut impl Writer) -> der::Result<()> {
        let (tag, contents): (Tag, &[u8]) = match self {
            Self::Good => (context(0, false), &[]),
            Self::Revoked(contents) => (context(1, true), contents),
            Self::Unknown => (context(2, false), &[]),
        };
        Header::new(tag, Length::try_from(contents.len())?).encode(writer)?;
        writer.write(contents)
    }
}

impl<'a> RevokedInfo<'a> {
    /// Decodes the contents of `revoked [1] IMPLICIT RevokedInfo`.
    pub(crate) fn from_contents(contents: &'a [u8]) -> der::Result<Self> {
        let mut reader = SliceReader::new(contents)?;
        let header = Header::new(Tag::Sequence, Length::try_from(contents.len())?);
        let value = Self::decode_value(&mut reader, header)?;
        reader.finish()?;
        Ok(value)
    }
}
