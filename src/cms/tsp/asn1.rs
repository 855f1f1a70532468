//! The structures of RFC 3161 section 2.4.2 as `der` types borrowing from the input. No
//! `der` 0.8 crate defines them (`x509-tsp` is on the 0.7 line), so they are declared here,
//! and checked once into [`TstInfo`].

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use der::asn1::{AnyRef, IntRef, ObjectIdentifier, OctetStringRef};
use der::{
    Decode, DecodeValue, EncodeValue, FixedTag, Header, Length, Reader, Sequence, SliceReader, Tag,
    Tagged, Writer,
};

use super::{MAX_EXTENSIONS, MAX_NONCE_LEN, MAX_SERIAL_LEN, MAX_TST_INFO_LEN};
use crate::alg_id::AlgorithmIdentifier;
use crate::{Error, Name, UnixTime};

/// `TSTInfo`.
#[derive(Sequence)]
struct TstInfoDer<'a> {
    version: u8,
    policy: ObjectIdentifier,
    message_imprint: MessageImprintDer<'a>,
    serial_number: IntRef<'a>,
    gen_time: GenTimeDer<'a>,
    #[asn1(optional = "true")]
    accuracy: Option<AccuracyDer>,
    /// `BOOLEAN DEFAULT FALSE`: DER leaves it out when false.
    #[asn1(optional = "true")]
    ordering: Option<bool>,
    #[asn1(optional = "true")]
    nonce: Option<IntRef<'a>>,
    /// `[0] GeneralName`: a CHOICE, so the tag is explicit.
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    tsa: Option<AnyRef<'a>>,
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    extensions: Option<SequenceOf<'a>>,
}

/// `MessageImprint`.
#[derive(Sequence)]
struct MessageImprintDer<'a> {
    hash_algorithm: AlgorithmIdentifier<'a>,
    hashed_message: &'a OctetStringRef,
}

/// `Accuracy`; `millis` and `micros` are `INTEGER (1..999)`, IMPLICIT tagged.
#[derive(Sequence)]
struct AccuracyDer {
    #[asn1(optional = "true")]
    seconds: Option<u32>,
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT", optional = "true")]
    millis: Option<u16>,
    #[asn1(context_specific = "1", tag_mode = "IMPLICIT", optional = "true")]
    micros: Option<u16>,
}

/// `Extension` (RFC 5280 4.1).
#[derive(Sequence)]
struct ExtensionDer<'a> {
    extn_id: ObjectIdentifier,
    #[asn1(optional = "true")]
    critical: Option<bool>,
    #[allow(dead_code)] // read for well-formedness; no TSTInfo extension is interpreted
    extn_value: &'a OctetStringRef,
}

/// A GeneralizedTime kept as its text: RFC 3161 2.4.2 allows fractions of a second, which
/// the X.509 time rules (and `der`'s `GeneralizedTime`) forbid.
#[derive(Clone, Copy)]
struct GenTimeDer<'a>(&'a [u8]);

impl FixedTag for GenTimeDer<'_> {
    const TAG: Tag = Tag::GeneralizedTime;
}

impl<'a> DecodeValue<'a> for GenTimeDer<'a> {
    type Error = der::Error;

    fn decode_value<R: Reader<'a>>(reader: &mut R, header: Header) -> der::Result<Self> {
        reader.read_slice(header.length()).map(Self)
    }
}

impl EncodeValue for GenTimeDer<'_> {
    fn value_len(&self) -> der::Result<Length> {
        Length::try_from(self.0.len())
    }

    fn encode_value(&self, writer: &mut impl Writer) -> der::Result<()> {
        writer.write(self.0)
    }
}

/// The contents of a SEQUENCE OF, not yet decoded (counted before decoding).
#[derive(Clone, Copy)]
struct SequenceOf<'a>(&'a [u8]);

impl FixedTag for SequenceOf<'_> {
    const TAG: Tag = Tag::Sequence;
}

impl<'a> DecodeValue<'a> for SequenceOf<'a> {
    type Error = der::Error;

    fn decode_value<R: Reader<'a>>(reader: &mut R, header: Header) -> der::Result<Self> {
        reader.read_slice(header.length()).map(Self)
    }
}

impl EncodeValue for SequenceOf<'_> {
    fn value_len(&self) -> der::Result<Length> {
        Length::try_from(self.0.len())
    }

    fn encode_value(&self, writer: &mut impl Writer) -> der::Result<()> {
        writer.write(self.0)
    }
}

/// A TSTInfo (RFC 3161 2.4.2), checked but not verified: what a token says, before anyone
/// vouches for it. [`super::TimestampVerifier`] is what makes it evidence.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct TstInfo<'a> {
    /// The TSA policy.
    pub policy: ObjectIdentifier,
    /// messageImprint.hashAlgorithm.
    pub hash_algorithm: AlgorithmIdentifier<'a>,
    /// messageImprint.hashedMessage.
    pub hashed_message: &'a [u8],
    /// serialNumber (INTEGER content octets).
    pub serial: &'a [u8],
    /// genTime, whole seconds.
    pub gen_time: UnixTime,
    /// genTime's fraction of a second, in nanoseconds.
    pub gen_time_nanos: u32,
    /// The stated accuracy.
    pub accuracy: Option<super::Accuracy>,
    /// The ordering flag.
    pub ordering: bool,
    /// The nonce (INTEGER content octets).
    pub nonce: Option<&'a [u8]>,
    /// The tsa field (a directoryName as text).
    pub tsa: Option<String>,
}

impl<'a> TstInfo<'a> {
    /// Decodes and checks a DER TSTInfo; every failure is [`Error::TimestampMalformed`].
    pub fn from_der(der: &'a [u8]) -> Result<Self, Error> {
        parse_tst_info(der)
    }
}

/// Decodes and checks a DER TSTInfo (RFC 3161 2.4.2): version 1, bounded serial number and
/// nonce, a DER genTime, accuracy within its ranges, no critical extension (none is defined
/// for TSTInfo). Every failure is [`Error::TimestampMalformed`].
fn parse_tst_info(der: &[u8]) -> Result<TstInfo<'_>, Error> {
    if der.len() > MAX_TST_INFO_LEN {
        return Err(Error::TimestampMalformed);
    }
    let tst = TstInfoDer::from_der(der).map_err(|_| Error::TimestampMalformed)?;
    if tst.version != 1
        || tst.serial_number.as_bytes().len() > MAX_SERIAL_LEN
        || tst.ordering == Some(false)
    {
        return Err(Error::TimestampMalformed);
    }
    let nonce = tst.nonce.map(|n| n.as_bytes());
    // A nonce is a random positive INTEGER (RFC 3161 2.4.1); a negative one could match a
    // caller's unsigned nonce of the same octets.
    if nonce.is_some_and(|n| n.len() > MAX_NONCE_LEN || n.first().is_some_and(|b| b & 0x80 != 0)) {
        return Err(Error::TimestampMalformed);
    }
    let (gen_time, gen_time_nanos) = gen_time(tst.gen_time.0).ok_or(Error::TimestampMalformed)?;
    let accuracy = tst.accuracy.map(accuracy).transpose()?;
    if let Some(extensions) = tst.extensions {
        check_extensions(extensions.0)?;
    }
    let tsa = tst.tsa.map(general_name).transpose()?;
    Ok(TstInfo {
        policy: tst.policy,
        hash_algorithm: tst.message_imprint.hash_algorithm,
        hashed_message: tst.message_imprint.hashed_message.as_bytes(),
        serial: tst.serial_number.as_bytes(),
        gen_time,
        gen_time_nanos,
        accuracy,
        ordering: tst.ordering == Some(true),
        nonce,
        tsa,
    })
}

fn accuracy(a: AccuracyDer) -> Result<super::Accuracy, Error> {
    let in_range = |v: Option<u16>| v.is_none_or(|v| (1..=999).contains(&v));
    if !in_range(a.millis) || !in_range(a.micros) {
        return Err(Error::TimestampMalformed);
    }
    Ok(super::Accuracy {
        seconds: a.seconds.unwrap_or(0),
        millis: a.millis.unwrap_or(0),
        micros: a.micros.unwrap_or(0),
    })
}

/// At most [`MAX_EXTENSIONS`], each well-formed and none critical.
fn check_extensions(contents: &[u8]) -> Result<(), Error> {
    let mut reader = SliceReader::new(contents).map_err(|_| Error::TimestampMalformed)?;
    let mut count = 0;
    while !reader.is_finished() {
        count += 1;
        if count > MAX_EXTENSIONS {
            return Err(Error::TimestampMalformed);
        }
        let ext = ExtensionDer::decode(&mut reader).map_err(|_| Error::TimestampMalformed)?;
        // DER: a false `critical` is left out; true means an extension nobody here knows.
        if ext.critical.is_some() {
            return Err(Error::TimestampMalformed);
        }
        let _ = ext.extn_id;
    }
    Ok(())
}

/// The TSA's GeneralName: a directoryName as text, other forms by their tag.
fn general_name(name: AnyRef<'_>) -> Result<String, Error> {
    match name.tag() {
        // directoryName [4] is explicit (Name is a CHOICE): its contents are the Name.
        Tag::ContextSpecific {
            constructed: true,
            number,
        } if number.value() == 4 => Name::from_der(name.value())
            .map(|n| n.to_string())
            .map_err(|_| Error::TimestampMalformed),
        tag => Ok(alloc::format!("GeneralName {tag}")),
    }
}

/// `YYYYMMDDHHMMSS[.f{1,9}]Z`: DER forbids a trailing zero in the fraction and an empty
/// fraction (X.690 11.7). Returns the whole seconds and the fraction in nanoseconds.
fn gen_time(text: &[u8]) -> Option<(UnixTime, u32)> {
    let (whole, rest) = text.split_at_checked(14)?;
    let fraction = match rest {
        b"Z" => &[][..],
        [b'.', digits @ .., b'Z'] => {
            if digits.is_empty() || digits.len() > 9 || digits.last() == Some(&b'0') {
                return None;
            }
            digits
        }
        _ => return None,
    };
    let mut nanos: u32 = 0;
    for (i, d) in fraction.iter().enumerate() {
        if !d.is_ascii_digit() {
            return None;
        }
        nanos += u32::from(d - b'0') * 10u32.pow(8 - i as u32);
    }
    let mut x509: Vec<u8> = whole.to_vec();
    x509.push(b'Z');
    let time = UnixTime::from_x509_time(crate::tlv::tag::GENERALIZED_TIME, &x509)?;
    Some((time, nanos))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn gen_time_fractions_follow_der() {
        let at = |s| UnixTime::parse_rfc3339(s).unwrap();
        assert_eq!(
            gen_time(b"20261202130845.683Z"),
            Some((at("2026-12-02T13:08:45Z"), 683_000_000))
        );
        assert_eq!(
            gen_time(b"20261202130845Z"),
            Some((at("2026-12-02T13:08:45Z"), 0))
        );
        assert_eq!(
            gen_time(b"20261202130845.000000001Z"),
            Some((at("2026-12-02T13:08:45Z"), 1))
        );
        for bad in [
            &b"20261202130845.Z"[..],
            b"20261202130845.680Z",
            b"20261202130845.0000000001Z",
            b"20261202130845.6a3Z",
            b"20261202130845+0900",
            b"202612021308Z",
            b"20261302130845Z",
        ] {
            assert_eq!(gen_time(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
        assert!(content.len() < 128, "short form only");
        let mut out = alloc::vec![tag, content.len() as u8];
        out.extend_from_slice(content);
        out
    }

    /// A minimal TSTInfo: version 1, policy 1.2.3.4, a SHA-256 imprint of `hashed`, serial 5,
    /// a genTime, and `nonce` (INTEGER content octets) if given.
    pub(crate) fn tst_info(hashed: &[u8], nonce: Option<&[u8]>) -> Vec<u8> {
        let sha256 = tlv(
            0x06,
            &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01],
        );
        let imprint = tlv(0x30, &[tlv(0x30, &sha256), tlv(0x04, hashed)].concat());
        let mut fields = [
            tlv(0x02, &[1]),
            tlv(0x06, &[0x2A, 0x03, 0x04]),
            imprint,
            tlv(0x02, &[5]),
            tlv(0x18, b"20261202134149Z"),
        ]
        .concat();
        if let Some(nonce) = nonce {
            fields.extend_from_slice(&tlv(0x02, nonce));
        }
        tlv(0x30, &fields)
    }

    #[test]
    fn a_negative_nonce_is_malformed() {
        let hashed = [7u8; 32];
        let positive = tst_info(&hashed, Some(&[0x00, 0x80]));
        assert_eq!(
            TstInfo::from_der(&positive).unwrap().nonce,
            Some(&[0x00, 0x80][..])
        );
        let negative = tst_info(&hashed, Some(&[0x80]));
        assert_eq!(
            TstInfo::from_der(&negative).err(),
            Some(Error::TimestampMalformed)
        );
    }
}
