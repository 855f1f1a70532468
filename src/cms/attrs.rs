//! Signed attributes (RFC 5652 5.3, 5.4, 11).

use alloc::vec::Vec;

use der::asn1::{ObjectIdentifier, OctetString};
use x509_cert::attr::Attributes;

use super::oids;
use crate::{Error, UnixTime};

/// The attributes this crate interprets, from a SignerInfo's signedAttrs.
#[derive(Debug)]
pub(crate) struct SignedAttributes {
    pub(crate) content_type: ObjectIdentifier,
    pub(crate) message_digest: Vec<u8>,
    pub(crate) signing_time: Option<UnixTime>,
}

/// Checks the signed attributes as decoded by the `cms` crate: content-type and
/// message-digest present exactly once with exactly one value each (5.3, 11.1, 11.2),
/// signing-time at most once with one value (11.3), no countersignature (11.4).
pub(crate) fn interpret(attrs: &Attributes) -> Result<SignedAttributes, Error> {
    let mut content_type = None;
    let mut message_digest = None;
    let mut signing_time = None;
    for attr in attrs.iter() {
        let slot = match attr.oid {
            oids::CONTENT_TYPE => Slot::ContentType,
            oids::MESSAGE_DIGEST => Slot::MessageDigest,
            oids::SIGNING_TIME => Slot::SigningTime,
            oids::COUNTERSIGNATURE => return Err(Error::CmsMalformedAttribute),
            _ => continue,
        };
        let mut values = attr.values.iter();
        let (Some(value), None) = (values.next(), values.next()) else {
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
                        .decode_as::<OctetString>()
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
            message_digest: message_digest.into_bytes().into_vec(),
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

/// `SigningTime ::= Time` (UTCTime or GeneralizedTime, in their DER forms).
fn decode_signing_time(value: &der::Any) -> Result<UnixTime, Error> {
    use der::{Decode, Encode};
    let time = value
        .to_der()
        .ok()
        .and_then(|der| x509_cert::time::Time::from_der(&der).ok())
        .ok_or(Error::CmsMalformedAttribute)?;
    let secs = time.to_unix_duration().as_secs();
    i64::try_from(secs)
        .map(UnixTime::from_unix_seconds)
        .map_err(|_| Error::CmsMalformedAttribute)
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
