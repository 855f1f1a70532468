//! Signed attributes (RFC 5652 5.3, 5.4, 11).

use alloc::vec::Vec;

use der::asn1::{AnyRef, ObjectIdentifier, OctetStringRef};
use der::{Tag, Tagged};

use super::asn1::Attribute;
use super::{MAX_ATTRIBUTES, oids};
use crate::tlv::tag;
use crate::{Error, UnixTime};

/// The attributes this crate interprets, from a SignerInfo's signedAttrs.
#[derive(Debug)]
pub(crate) struct SignedAttributes {
    pub(crate) content_type: ObjectIdentifier,
    pub(crate) message_digest: Vec<u8>,
    pub(crate) signing_time: Option<UnixTime>,
}

/// Checks the signed attributes (as read by [`super::parse`], values already bounded and
/// well-formed): content-type and
/// message-digest present exactly once with exactly one value each (5.3, 11.1, 11.2),
/// signing-time at most once with one value (11.3), no countersignature (11.4).
pub(crate) fn interpret(attrs: &[Attribute<'_>]) -> Result<SignedAttributes, Error> {
    let mut content_type = None;
    let mut message_digest = None;
    let mut signing_time = None;
    for attr in attrs {
        let slot = match attr.attr_type {
            oids::CONTENT_TYPE => Slot::ContentType,
            oids::MESSAGE_DIGEST => Slot::MessageDigest,
            oids::SIGNING_TIME => Slot::SigningTime,
            oids::COUNTERSIGNATURE => return Err(Error::CmsMalformedAttribute),
            _ => continue,
        };
        let mut values = attr
            .values
            .bounded::<AnyRef<'_>>(MAX_ATTRIBUTES, Error::CmsTooManyAttributes)?;
        let (Some(Ok(value)), None) = (values.next(), values.next()) else {
            return Err(Error::CmsMalformedAttribute);
        };
        let duplicate = match slot {
            Slot::ContentType => content_type
                .replace(
                    value
                        .decode_as::<ObjectIdentifier>()
                        .map_err(|_| Error::CmsMalformedAttribute)?,
                )
                .is_some(),
            Slot::MessageDigest => message_digest
                .replace(
                    value
                        .decode_as::<&OctetStringRef>()
                        .map_err(|_| Error::CmsMalformedAttribute)?,
                )
                .is_some(),
            Slot::SigningTime => signing_time.replace(decode_signing_time(value)?).is_some(),
        };
        if duplicate {
            return Err(Error::CmsDuplicateAttribute);
        }
    }
    match (content_type, message_digest) {
        (Some(content_type), Some(message_digest)) => Ok(SignedAttributes {
            content_type,
            message_digest: message_digest.as_bytes().to_vec(),
            signing_time,
        }),
        _ => Err(Error::CmsMissingAttribute),
    }
}

enum Slot {
    ContentType,
    MessageDigest,
    SigningTime,
}

/// `SigningTime ::= Time` (UTCTime or GeneralizedTime, in their DER forms), read by the
/// crate's one X.509 time decoder.
fn decode_signing_time(value: AnyRef<'_>) -> Result<UnixTime, Error> {
    let tag = match value.tag() {
        Tag::UtcTime => tag::UTC_TIME,
        Tag::GeneralizedTime => tag::GENERALIZED_TIME,
        _ => return Err(Error::CmsMalformedAttribute),
    };
    UnixTime::from_x509_time(tag, value.value()).ok_or(Error::CmsMalformedAttribute)
}

/// The bytes the signature covers when signed attributes are present: the DER `SET OF
/// Attribute` with the original contents, only the `[0] IMPLICIT` tag (0xA0) changed to the
/// SET tag (0x31) (5.4). The length octets are unchanged, so nothing is re-encoded.
pub(crate) fn to_be_signed(signed_attrs_tlv: &[u8]) -> Vec<u8> {
    let mut out = signed_attrs_tlv.to_vec();
    if let Some(first) = out.first_mut() {
        *first = 0x31;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(tag: Tag, text: &[u8]) -> Result<UnixTime, Error> {
        decode_signing_time(AnyRef::new(tag, text).unwrap())
    }

    #[test]
    fn signing_time_uses_the_x509_time_rules() {
        let at = |s| Ok(UnixTime::parse_rfc3339(s).unwrap());
        assert_eq!(
            time(Tag::UtcTime, b"500101000000Z"),
            at("1950-01-01T00:00:00Z")
        );
        assert_eq!(
            time(Tag::UtcTime, b"491231235959Z"),
            at("2049-12-31T23:59:59Z")
        );
        assert_eq!(
            time(Tag::GeneralizedTime, b"20500101000000Z"),
            at("2050-01-01")
        );
        for (tag, bad) in [
            (Tag::GeneralizedTime, &b"20500101000000.5Z"[..]),
            (Tag::GeneralizedTime, b"20500101000000+0900"),
            (Tag::UtcTime, b"5001010000Z"),
            (Tag::Utf8String, b"500101000000Z"),
        ] {
            assert_eq!(time(tag, bad), Err(Error::CmsMalformedAttribute));
        }
    }
}
