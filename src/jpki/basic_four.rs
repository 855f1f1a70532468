//! The holder's "basic four" (基本4情報) in a JPKI signing certificate's subjectAltName.
//!
//! Each item is an otherName whose value is a UTF8String (shared/reference/README.md):
//! `1.2.392.200149.8.5.5.1` name, `.2` substitute-character positions in the name, `.3` sex,
//! `.4` birth date `EYYYYMMDD`, `.5` address, `.6` substitute-character positions in the
//! address. Values are kept exactly as encoded; interpretations sit beside them and are
//! only offered where the encoding is documented.

use alloc::string::{String, ToString};

use der::Decode;
use der::asn1::{ObjectIdentifier, Utf8StringRef};
use x509_cert::ext::pkix::SubjectAltName;
use x509_cert::ext::pkix::name::GeneralName;

/// The arc under which the basic-four otherName OIDs live.
const BASIC_FOUR_ARC: &str = "1.2.392.200149.8.5.5";

/// Most subjectAltName entries examined: bounds the work on a hostile extension.
pub const MAX_SAN_ENTRIES: usize = 64;

/// The decoded basic four, raw UTF-8 strings as in the certificate.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BasicFour {
    /// Name (氏名), `.5.1`.
    pub name: Option<String>,
    /// Positions in the name where a substitute character replaced one that has no code
    /// point (`.5.2`), raw; the position encoding is not publicly documented.
    pub name_substitute_positions: Option<String>,
    /// Sex (性別), `.5.3`, raw: `1` male, `2` female, `3` unknown.
    pub sex: Option<String>,
    /// Birth date (生年月日), `.5.4`, raw `EYYYYMMDD` (E: era digit, 0 = unknown).
    pub birth_date: Option<String>,
    /// Address (住所), `.5.5`.
    pub address: Option<String>,
    /// Substitute-character positions in the address (`.5.6`), raw.
    pub address_substitute_positions: Option<String>,
}

/// Why the basic four could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BasicFourError {
    /// The subjectAltName extension value is not valid DER GeneralNames.
    MalformedSubjectAltName,
    /// More than [`MAX_SAN_ENTRIES`] names.
    TooManyEntries,
    /// A basic-four otherName whose value is not a UTF8String; the field is `.5.<n>`.
    NotUtf8String {
        /// Last arc of the OID (1 to 6).
        field: u8,
    },
    /// The same basic-four field appears twice.
    DuplicateField {
        /// Last arc of the OID (1 to 6).
        field: u8,
    },
}

/// Sex as encoded in `.5.3`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    /// `1`.
    Male,
    /// `2`.
    Female,
    /// `3`.
    Unknown,
}

/// The birth date's parts as encoded: the era digit and the eight digits after it.
///
/// Whether the eight digits are a Gregorian date or a date in the era is not confirmed by a
/// public source, so no calendar conversion is done: callers get the digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BirthDateDigits {
    /// The era digit (0 = unknown).
    pub era_digit: u8,
    /// `YYYY` as encoded.
    pub year: u16,
    /// `MM` as encoded (00 allowed: unknown month).
    pub month: u8,
    /// `DD` as encoded (00 allowed: unknown day).
    pub day: u8,
}

impl BasicFour {
    /// Reads the basic four from the DER value of a subjectAltName extension (the contents
    /// of extnValue). Other name forms are ignored; a certificate without any basic-four
    /// entry gives an all-`None` result.
    pub fn from_subject_alt_name(extension_value: &[u8]) -> Result<Self, BasicFourError> {
        let san = SubjectAltName::from_der(extension_value)
            .map_err(|_| BasicFourError::MalformedSubjectAltName)?;
        if san.0.len() > MAX_SAN_ENTRIES {
            return Err(BasicFourError::TooManyEntries);
        }
        let arc = ObjectIdentifier::new_unwrap(BASIC_FOUR_ARC);
        let mut out = BasicFour::default();
        for name in &san.0 {
            let GeneralName::OtherName(other) = name else {
                continue;
            };
            let Some(field) = basic_four_field(&arc, &other.type_id) else {
                continue;
            };
            let value = other
                .value
                .decode_as::<Utf8StringRef<'_>>()
                .map_err(|_| BasicFourError::NotUtf8String { field })?;
            let slot = match field {
                1 => &mut out.name,
                2 => &mut out.name_substitute_positions,
                3 => &mut out.sex,
                4 => &mut out.birth_date,
                5 => &mut out.address,
                _ => &mut out.address_substitute_positions,
            };
            if slot.is_some() {
                return Err(BasicFourError::DuplicateField { field });
            }
            *slot = Some(value.as_str().to_string());
        }
        Ok(out)
    }

    /// Whether any basic-four field is present.
    pub fn is_present(&self) -> bool {
        *self != BasicFour::default()
    }

    /// The sex code interpreted, when it is one of the documented values.
    pub fn sex_interpreted(&self) -> Option<Sex> {
        match self.sex.as_deref()? {
            "1" => Some(Sex::Male),
            "2" => Some(Sex::Female),
            "3" => Some(Sex::Unknown),
            _ => None,
        }
    }

    /// The birth date split into its digits, when it is nine ASCII digits.
    pub fn birth_date_digits(&self) -> Option<BirthDateDigits> {
        let raw = self.birth_date.as_deref()?.as_bytes();
        if raw.len() != 9 || !raw.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let num = |range: core::ops::Range<usize>| {
            raw[range]
                .iter()
                .fold(0u16, |acc, d| acc * 10 + u16::from(d - b'0'))
        };
        Some(BirthDateDigits {
            era_digit: raw[0] - b'0',
            year: num(1..5),
            month: num(5..7) as u8,
            day: num(7..9) as u8,
        })
    }
}

/// `Some(n)` when `oid` is `<arc>.n` with n in 1..=6.
fn basic_four_field(arc: &ObjectIdentifier, oid: &ObjectIdentifier) -> Option<u8> {
    if oid.parent().as_ref() != Some(arc) {
        return None;
    }
    let last = oid.arcs().last()?;
    (1..=6).contains(&last).then_some(last as u8)
}
