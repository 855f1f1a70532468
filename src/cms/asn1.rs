//! The structures of RFC 5652 as `der` types borrowing from the input, each read once.
//!
//! What a signature covers (the signed attributes), the encapsulated content and the
//! embedded certificates and CRLs stay as their original bytes. SET OF fields are kept
//! undecoded ([`SetOf`]) so that their elements are counted, and the count bounded, before
//! anything is decoded from them or allocated for them.

use core::marker::PhantomData;

use der::asn1::{AnyRef, IntRef, ObjectIdentifier, OctetStringRef};
use der::{
    Choice, Decode, DecodeValue, EncodeValue, FixedTag, Header, Length, Reader, Sequence,
    SliceReader, Tag, TagNumber, Writer,
};

use crate::Error;
use crate::alg_id::AlgorithmIdentifier;

/// `ContentInfo` (3).
#[derive(Sequence)]
pub(crate) struct ContentInfo<'a> {
    pub(crate) content_type: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    pub(crate) content: AnyRef<'a>,
}

/// `SignedData` (5.1).
#[derive(Sequence)]
pub(crate) struct SignedData<'a> {
    pub(crate) version: u8,
    pub(crate) digest_algorithms: SetOf<'a>,
    pub(crate) encap_content_info: EncapsulatedContentInfo<'a>,
    /// `CertificateChoices` elements.
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT", optional = "true")]
    pub(crate) certificates: Option<SetOf<'a>>,
    /// `RevocationInfoChoice` elements.
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    pub(crate) crls: Option<SetOf<'a>>,
    pub(crate) signer_infos: SetOf<'a>,
}

/// `EncapsulatedContentInfo` (5.2); DER leaves eContent one primitive OCTET STRING.
#[derive(Sequence)]
pub(crate) struct EncapsulatedContentInfo<'a> {
    pub(crate) econtent_type: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    pub(crate) econtent: Option<&'a OctetStringRef>,
}

/// `CertificateChoices` (10.2.2). Only `certificate` can identify a signer; the other
/// alternatives are recognised for the version rule (5.1) and not read.
pub(crate) enum CertificateChoice<'a> {
    Certificate(Element<'a>),
    /// `extendedCertificate [0]` (obsolete).
    Extended,
    /// `v1AttrCert [1]`.
    V1AttrCert,
    /// `v2AttrCert [2]`.
    V2AttrCert,
    /// `other [3]`.
    Other,
}

impl<'a> Decode<'a> for CertificateChoice<'a> {
    type Error = der::Error;

    fn decode<R: Reader<'a>>(reader: &mut R) -> der::Result<Self> {
        let choice = match Tag::peek(reader)? {
            Tag::Sequence => return Element::decode(reader).map(Self::Certificate),
            tag => match implicit_number(tag) {
                Some(0) => Self::Extended,
                Some(1) => Self::V1AttrCert,
                Some(2) => Self::V2AttrCert,
                Some(3) => Self::Other,
                _ => return Err(tag.unexpected_error(None).to_error()),
            },
        };
        AnyRef::decode(reader)?;
        Ok(choice)
    }
}

/// `RevocationInfoChoice` (10.2.1): a CRL, an OCSP response (`other [1]` with
/// otherRevInfoFormat id-ri-ocsp-response, RFC 5940: the `OCSPResponse`'s DER), or another
/// format (not read).
pub(crate) enum RevocationInfoChoice<'a> {
    Crl(Element<'a>),
    Ocsp(&'a [u8]),
    Other,
}

/// id-ri-ocsp-response (RFC 5940).
const ID_RI_OCSP_RESPONSE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.16.2");

impl<'a> Decode<'a> for RevocationInfoChoice<'a> {
    type Error = der::Error;

    fn decode<R: Reader<'a>>(reader: &mut R) -> der::Result<Self> {
        match Tag::peek(reader)? {
            Tag::Sequence => Element::decode(reader).map(Self::Crl),
            tag if implicit_number(tag) == Some(1) => {
                // OtherRevocationInfoFormat ::= SEQUENCE { otherRevInfoFormat OID,
                // otherRevInfo ANY DEFINED BY otherRevInfoFormat }, tagged IMPLICIT.
                let other = AnyRef::decode(reader)?;
                let mut inner = SliceReader::new(other.value())?;
                let format = ObjectIdentifier::decode(&mut inner)?;
                let info = inner.tlv_bytes()?;
                inner.finish()?;
                Ok(if format == ID_RI_OCSP_RESPONSE {
                    Self::Ocsp(info)
                } else {
                    Self::Other
                })
            }
            tag => Err(tag.unexpected_error(None).to_error()),
        }
    }
}

/// The number of a constructed context-specific tag: the alternatives above are IMPLICIT
/// SEQUENCEs, so DER gives them the constructed form.
fn implicit_number(tag: Tag) -> Option<u32> {
    match tag {
        Tag::ContextSpecific {
            constructed: true,
            number,
        } => Some(number.value()),
        _ => None,
    }
}

/// `SignerInfo` (5.3).
#[derive(Sequence)]
pub(crate) struct SignerInfo<'a> {
    pub(crate) version: u8,
    pub(crate) sid: SignerIdentifier<'a>,
    pub(crate) digest_algorithm: AlgorithmIdentifier<'a>,
    #[asn1(optional = "true")]
    pub(crate) signed_attrs: Option<SignedAttributes<'a>>,
    pub(crate) signature_algorithm: AlgorithmIdentifier<'a>,
    pub(crate) signature: &'a OctetStringRef,
    /// `Attribute` elements.
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    pub(crate) unsigned_attrs: Option<SetOf<'a>>,
}

/// `SignerIdentifier` (5.3).
#[derive(Choice)]
pub(crate) enum SignerIdentifier<'a> {
    IssuerAndSerialNumber(IssuerAndSerialNumber<'a>),
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT")]
    SubjectKeyIdentifier(&'a OctetStringRef),
}

/// `IssuerAndSerialNumber` (10.2.4); the issuer `Name` is kept as its DER.
#[derive(Sequence)]
pub(crate) struct IssuerAndSerialNumber<'a> {
    pub(crate) issuer: Element<'a>,
    pub(crate) serial_number: IntRef<'a>,
}

/// `Attribute` (5.3): `values` holds `AttributeValue` elements.
#[derive(Sequence)]
pub(crate) struct Attribute<'a> {
    pub(crate) attr_type: ObjectIdentifier,
    pub(crate) values: SetOf<'a>,
}

/// The contents of a SET OF, not yet decoded.
#[derive(Clone, Copy)]
pub(crate) struct SetOf<'a>(&'a [u8]);

impl<'a> SetOf<'a> {
    /// The elements, as `T`, decoded one at a time as the iterator is advanced. They are
    /// counted first: more than `max` is `too_many`, a malformed one [`Error::CmsMalformed`].
    pub(crate) fn bounded<T: Decode<'a>>(
        self,
        max: usize,
        too_many: Error,
    ) -> Result<Elements<'a, T>, Error> {
        let mut reader = SliceReader::new(self.0).map_err(|_| Error::CmsMalformed)?;
        let mut count = 0;
        while !reader.is_finished() {
            if count == max {
                return Err(too_many);
            }
            reader.tlv_bytes().map_err(|_| Error::CmsMalformed)?;
            count += 1;
        }
        Ok(Elements {
            reader: SliceReader::new(self.0).map_err(|_| Error::CmsMalformed)?,
            remaining: count,
            element: PhantomData,
        })
    }
}

impl<'a> SetOf<'a> {
    /// The complete encoding of the first element, if any.
    pub(crate) fn first_tlv(self) -> Option<&'a [u8]> {
        SliceReader::new(self.0).ok()?.tlv_bytes().ok()
    }
}

impl FixedTag for SetOf<'_> {
    const TAG: Tag = Tag::Set;
}

impl<'a> DecodeValue<'a> for SetOf<'a> {
    type Error = der::Error;

    fn decode_value<R: Reader<'a>>(reader: &mut R, header: Header) -> der::Result<Self> {
        reader.read_slice(header.length()).map(Self)
    }
}

impl EncodeValue for SetOf<'_> {
    fn value_len(&self) -> der::Result<Length> {
        Length::try_from(self.0.len())
    }

    fn encode_value(&self, writer: &mut impl Writer) -> der::Result<()> {
        writer.write(self.0)
    }
}

/// The counted elements of a [`SetOf`].
pub(crate) struct Elements<'a, T> {
    reader: SliceReader<'a>,
    remaining: usize,
    element: PhantomData<T>,
}

impl<T> Elements<'_, T> {
    /// How many elements are left.
    pub(crate) fn len(&self) -> usize {
        self.remaining
    }
}

impl<'a, T: Decode<'a>> Iterator for Elements<'a, T> {
    type Item = Result<T, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.remaining = self.remaining.checked_sub(1)?;
        Some(T::decode(&mut self.reader).map_err(|_| Error::CmsMalformed))
    }
}

/// Elements kept as their complete original encoding: what a signature covers, or what is
/// handed on as DER. `contents` is the part after the header.
macro_rules! kept_element {
    ($(#[$doc:meta])* $name:ident, $tag:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy)]
        pub(crate) struct $name<'a> {
            pub(crate) der: &'a [u8],
            pub(crate) contents: &'a [u8],
        }

        impl FixedTag for $name<'_> {
            const TAG: Tag = $tag;
        }

        impl<'a> Decode<'a> for $name<'a> {
            type Error = der::Error;

            fn decode<R: Reader<'a>>(reader: &mut R) -> der::Result<Self> {
                let der = reader.tlv_bytes()?;
                let mut inner = SliceReader::new(der)?;
                let header = Header::decode(&mut inner)?;
                header.tag().assert_eq(Self::TAG)?;
                let contents = inner.read_slice(header.length())?;
                inner.finish()?;
                Ok(Self { der, contents })
            }
        }

        impl EncodeValue for $name<'_> {
            fn value_len(&self) -> der::Result<Length> {
                Length::try_from(self.contents.len())
            }

            fn encode_value(&self, writer: &mut impl Writer) -> der::Result<()> {
                writer.write(self.contents)
            }
        }
    };
}

kept_element!(
    /// A SEQUENCE kept as DER (a certificate, a CRL, a `Name`).
    Element,
    Tag::Sequence
);

kept_element!(
    /// `signedAttrs [0] IMPLICIT SET OF Attribute`: the signature covers this element's
    /// original bytes with the tag changed to SET (5.4).
    SignedAttributes,
    Tag::ContextSpecific {
        constructed: true,
        number: TagNumber(0),
    }
);

impl<'a> SignedAttributes<'a> {
    /// The `Attribute` elements.
    pub(crate) fn attributes(&self) -> SetOf<'a> {
        SetOf(self.contents)
    }
}
