//! Distinguished names and their comparison (RFC 5280 section 7.1).
//!
//! Names chain certificates to issuers and CRLs to certificates, so "equal" must mean what
//! RFC 5280 says, not byte equality: attribute values in directory string types are
//! compared after case folding and whitespace compression (a simplified RFC 4518 string
//! preparation), so `PrintableString "Good  CA"` matches `UTF8String "good ca"`. Values of
//! other types are compared by their encoding. RDNs are sets: AVA order does not matter.

mod constraints;
mod display;
mod forms;
mod general;

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use der::asn1::ObjectIdentifier;

use crate::Error;
use crate::oid::attr::EMAIL_ADDRESS;
use crate::tlv::{Cursor, tag};

pub use self::constraints::MAX_NAME_CONSTRAINT_COMPARISONS;
pub(crate) use self::constraints::{NameConstraintChecker, NameConstraints};
pub(crate) use self::forms::constraint_is_well_formed;
pub use self::general::{GeneralName, GeneralSubtree};

/// A borrowed, DER-encoded distinguished name (`Name ::= SEQUENCE OF RDN`).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Name<'a> {
    der: &'a [u8],
}

impl<'a> Name<'a> {
    /// Checks that `der` is a well-formed `Name` and wraps it.
    pub fn from_der(der: &'a [u8]) -> Result<Self, Error> {
        NameKey::from_der(der)?;
        Ok(Self { der })
    }

    /// Wraps bytes already checked by [`NameKey::from_der`].
    pub(crate) fn from_checked(der: &'a [u8]) -> Self {
        Self { der }
    }

    /// The complete DER encoding (tag, length and RDNs).
    pub fn as_der(&self) -> &'a [u8] {
        self.der
    }

    /// Whether the name has no RDNs.
    pub fn is_empty(&self) -> bool {
        self.der.get(1) == Some(&0)
    }

    /// The normalized form: `a.key() == b.key()` exactly when `a.matches(&b)` (for names
    /// that decode; `None` otherwise, as `matches` is then false).
    pub fn key(&self) -> Option<NameKey> {
        NameKey::from_der(self.der).ok()
    }

    /// RFC 5280 7.1 equality (normalizes both names on each call; the validator keeps
    /// normalized forms instead).
    pub fn matches(&self, other: &Name<'_>) -> bool {
        match (NameKey::from_der(self.der), NameKey::from_der(other.der)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

impl fmt::Display for Name<'_> {
    /// `C=JP, O=JPKI, OU=...` in the order the RDNs are encoded (issuer-most first).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        display::write_name(f, self.der)
    }
}

impl fmt::Debug for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Name(\"{self}\")")
    }
}

/// An owned distinguished name with its normalized form, as stored in general names.
#[derive(Clone, PartialEq, Eq)]
pub struct DistinguishedName {
    der: Vec<u8>,
    key: NameKey,
}

impl DistinguishedName {
    /// Decodes and normalizes a DER `Name`.
    pub fn from_der(der: &[u8]) -> Result<Self, Error> {
        Ok(Self {
            key: NameKey::from_der(der)?,
            der: der.to_vec(),
        })
    }

    /// The name as a borrowed view.
    pub fn name(&self) -> Name<'_> {
        Name { der: &self.der }
    }

    pub(crate) fn key(&self) -> &NameKey {
        &self.key
    }

    /// From a name already decoded and normalized.
    pub(crate) fn from_parts(der: &[u8], key: NameKey) -> Self {
        Self {
            der: der.to_vec(),
            key,
        }
    }
}

impl fmt::Debug for DistinguishedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.name(), f)
    }
}

/// The normalized form of a name: equality of keys is RFC 5280 name equality. Hashable, so
/// that a caller holding many names can index them (see [`Name::key`]) instead of comparing
/// every pair with [`Name::matches`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct NameKey {
    rdns: Vec<Rdn>,
}

/// One RDN: its attribute-value assertions, sorted so that set equality is `==`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Rdn(Vec<Ava>);

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Ava {
    attr: ObjectIdentifier,
    value: Value,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Value {
    /// A directory string after case folding and whitespace compression.
    Text(String),
    /// Any other value: its complete encoding.
    Raw(Vec<u8>),
}

impl NameKey {
    /// Decodes and normalizes a complete DER `Name` TLV.
    pub(crate) fn from_der(der: &[u8]) -> Result<Self, Error> {
        Self::decode(der).map_err(|_| Error::MalformedName)
    }

    fn decode(der: &[u8]) -> der::Result<Self> {
        let mut outer = Cursor::new(der)?;
        let seq = outer.expect(tag::SEQUENCE)?;
        outer.finish()?;
        let mut rdns = Vec::new();
        let mut c = Cursor::new(seq.value)?;
        while !c.is_empty() {
            let set = c.expect(tag::SET)?;
            let mut avas = Vec::new();
            let mut s = Cursor::new(set.value)?;
            while !s.is_empty() {
                let ava = s.expect(tag::SEQUENCE)?;
                let mut a = Cursor::new(ava.value)?;
                let oid = a.expect(tag::OID)?;
                let attr = ObjectIdentifier::from_bytes(oid.value)?;
                let value = a.any()?;
                a.finish()?;
                avas.push(Ava {
                    attr,
                    value: normalize(value.tag, value.value, value.full),
                });
            }
            if avas.is_empty() {
                // RelativeDistinguishedName ::= SET SIZE (1..MAX) OF ...
                return Err(der::ErrorKind::Failed.into());
            }
            avas.sort();
            rdns.push(Rdn(avas));
        }
        Ok(Self { rdns })
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rdns.is_empty()
    }

    /// Whether `prefix`'s RDNs are the first RDNs of `self` (directoryName subtrees).
    pub(crate) fn starts_with(&self, prefix: &NameKey) -> bool {
        self.rdns.len() >= prefix.rdns.len() && self.rdns[..prefix.rdns.len()] == prefix.rdns[..]
    }

    /// This name with one more RDN appended (a distribution point name relative to the
    /// CRL issuer, RFC 5280 4.2.1.13).
    pub(crate) fn with_rdn(&self, rdn_set_der: &[u8]) -> Result<Self, Error> {
        // Re-wrap the SET as a one-RDN Name and reuse the decoder.
        let der = der::asn1::AnyRef::new(der::Tag::Sequence, rdn_set_der)
            .and_then(|name| der::Encode::to_der(&name))
            .map_err(|_| Error::MalformedName)?;
        let extra = Self::from_der(&der)?;
        let mut out = self.clone();
        out.rdns.extend(extra.rdns);
        Ok(out)
    }

    /// The values of every emailAddress attribute, as text.
    pub(crate) fn email_addresses(&self) -> impl Iterator<Item = &str> {
        self.rdns
            .iter()
            .flat_map(|rdn| rdn.0.iter())
            .filter(|ava| ava.attr == EMAIL_ADDRESS)
            .filter_map(|ava| match &ava.value {
                Value::Text(t) => Some(t.as_str()),
                Value::Raw(_) => None,
            })
    }
}

/// Directory string types compared as text; everything else is compared byte for byte.
fn normalize(tag: u8, value: &[u8], full: &[u8]) -> Value {
    match decode_string(tag, value) {
        Some(text) => Value::Text(fold(&text)),
        None => Value::Raw(full.to_vec()),
    }
}

/// Decodes the string types that appear in names (X.520 DirectoryString and IA5String).
pub(crate) fn decode_string(tag: u8, value: &[u8]) -> Option<String> {
    match tag {
        // UTF8String
        0x0c => core::str::from_utf8(value).ok().map(String::from),
        // PrintableString, IA5String, VisibleString
        0x13 | 0x16 | 0x1a => value
            .is_ascii()
            .then(|| value.iter().map(|&b| char::from(b)).collect()),
        // TeletexString: treated as Latin-1, as most software does.
        0x14 => Some(value.iter().map(|&b| char::from(b)).collect()),
        // BMPString (UCS-2)
        0x1e if value.len().is_multiple_of(2) => value
            .chunks(2)
            .map(|c| char::from_u32(u32::from(u16::from_be_bytes([c[0], c[1]]))))
            .collect(),
        // UniversalString (UCS-4)
        0x1c if value.len().is_multiple_of(4) => value
            .chunks(4)
            .map(|c| char::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]])))
            .collect(),
        _ => None,
    }
}

/// Case folding and whitespace compression: leading and trailing whitespace removed,
/// internal runs collapsed to one space (RFC 4518 2.6.1, simplified).
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds `SEQUENCE { SET { SEQUENCE { OID, value } } ... }` from (oid, tag, bytes).
    pub(crate) fn name(parts: &[(&str, u8, &[u8])]) -> Vec<u8> {
        fn wrap(t: u8, body: &[u8]) -> Vec<u8> {
            let mut v = alloc::vec![t];
            der::Encode::encode_to_vec(&der::Length::try_from(body.len()).unwrap(), &mut v)
                .unwrap();
            v.extend_from_slice(body);
            v
        }
        let mut rdns = Vec::new();
        for (oid, t, value) in parts {
            let oid = ObjectIdentifier::new_unwrap(oid);
            let mut ava = wrap(tag::OID, oid.as_bytes());
            ava.extend(wrap(*t, value));
            rdns.extend(wrap(tag::SET, &wrap(tag::SEQUENCE, &ava)));
        }
        wrap(tag::SEQUENCE, &rdns)
    }

    const CN: &str = "2.5.4.3";
    const O: &str = "2.5.4.10";

    #[test]
    fn whitespace_and_case_are_folded() {
        let a = name(&[(O, 0x13, b"Test Certificates"), (CN, 0x13, b"Good CA")]);
        let b = name(&[(O, 0x0c, b"  test   CERTIFICATES "), (CN, 0x0c, b"good ca")]);
        let c = name(&[(O, 0x13, b"Test Certificates"), (CN, 0x13, b"Good CB")]);
        let ka = NameKey::from_der(&a).unwrap();
        assert_eq!(ka, NameKey::from_der(&b).unwrap());
        assert_ne!(ka, NameKey::from_der(&c).unwrap());
        assert!(
            Name::from_der(&a)
                .unwrap()
                .matches(&Name::from_der(&b).unwrap())
        );
        // The public key agrees with `matches`, and equal keys hash alike (callers index
        // names by it).
        let (na, nb) = (Name::from_der(&a).unwrap(), Name::from_der(&b).unwrap());
        assert_eq!(na.key(), nb.key());
        assert_ne!(na.key(), Name::from_der(&c).unwrap().key());
        let hash = |k: &NameKey| {
            use core::hash::{BuildHasher, BuildHasherDefault};
            #[allow(deprecated)]
            BuildHasherDefault::<core::hash::SipHasher>::default().hash_one(k)
        };
        assert_eq!(hash(&na.key().unwrap()), hash(&nb.key().unwrap()));
    }

    #[test]
    fn order_and_types_matter_where_they_should() {
        let a = name(&[(O, 0x13, b"X"), (CN, 0x13, b"Y")]);
        let swapped = name(&[(CN, 0x13, b"Y"), (O, 0x13, b"X")]);
        assert_ne!(
            NameKey::from_der(&a).unwrap(),
            NameKey::from_der(&swapped).unwrap()
        );
        // An OCTET STRING value is compared by encoding, not as text.
        let raw = name(&[(O, 0x04, b"X"), (CN, 0x13, b"Y")]);
        assert_ne!(
            NameKey::from_der(&a).unwrap(),
            NameKey::from_der(&raw).unwrap()
        );
        // Prefix relation for directoryName constraints.
        let parent = name(&[(O, 0x0c, b"x")]);
        assert!(
            NameKey::from_der(&a)
                .unwrap()
                .starts_with(&NameKey::from_der(&parent).unwrap())
        );
    }

    #[test]
    fn bmp_and_display() {
        let a = name(&[(CN, 0x1e, &[0, b'A', 0, b'b'])]);
        let b = name(&[(CN, 0x13, b"ab")]);
        assert_eq!(
            NameKey::from_der(&a).unwrap(),
            NameKey::from_der(&b).unwrap()
        );
        let n = name(&[("2.5.4.6", 0x13, b"JP"), (O, 0x0c, "公的, 個人".as_bytes())]);
        assert_eq!(
            alloc::format!("{}", Name::from_der(&n).unwrap()),
            "C=JP, O=公的\\, 個人"
        );
    }

    #[test]
    fn malformed_names_are_rejected() {
        assert_eq!(
            NameKey::from_der(&[0x30, 0x02, 0x31, 0x00]),
            Err(Error::MalformedName)
        );
        assert_eq!(NameKey::from_der(&[0x31, 0x00]), Err(Error::MalformedName));
        assert!(NameKey::from_der(&[0x30, 0x00]).unwrap().is_empty());
    }
}
