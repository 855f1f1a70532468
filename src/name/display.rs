//! Human-readable rendering of names for diagnostics and the CLI (not for comparison).

use core::fmt::{self, Write as _};

use der::asn1::ObjectIdentifier;

use super::decode_string;
use crate::tlv::{Cursor, tag};

/// Short names of the attribute types seen in JPKI, PKITS and web PKI names.
const SHORT_NAMES: &[(&str, &str)] = &[
    ("2.5.4.3", "CN"),
    ("2.5.4.4", "SN"),
    ("2.5.4.5", "SERIALNUMBER"),
    ("2.5.4.6", "C"),
    ("2.5.4.7", "L"),
    ("2.5.4.8", "ST"),
    ("2.5.4.9", "STREET"),
    ("2.5.4.10", "O"),
    ("2.5.4.11", "OU"),
    ("2.5.4.12", "T"),
    ("2.5.4.42", "GN"),
    ("2.5.4.46", "dnQualifier"),
    ("0.9.2342.19200300.100.1.1", "UID"),
    ("0.9.2342.19200300.100.1.25", "DC"),
    ("1.2.840.113549.1.9.1", "emailAddress"),
];

pub(super) fn write_name(f: &mut fmt::Formatter<'_>, der: &[u8]) -> fmt::Result {
    if write_rdns(f, der).is_none() {
        f.write_str("<malformed name>")?;
    }
    Ok(())
}

fn write_rdns(f: &mut fmt::Formatter<'_>, der: &[u8]) -> Option<()> {
    let mut outer = Cursor::new(der).ok()?;
    let seq = outer.expect(tag::SEQUENCE).ok()?;
    let mut rdns = Cursor::new(seq.value).ok()?;
    let mut first = true;
    while !rdns.is_empty() {
        let set = rdns.expect(tag::SET).ok()?;
        let mut avas = Cursor::new(set.value).ok()?;
        let mut first_ava = true;
        while !avas.is_empty() {
            let ava = avas.expect(tag::SEQUENCE).ok()?;
            let mut a = Cursor::new(ava.value).ok()?;
            let oid = ObjectIdentifier::from_bytes(a.expect(tag::OID).ok()?.value).ok()?;
            let value = a.any().ok()?;
            let sep = match (first, first_ava) {
                (true, _) => "",
                (false, true) => ", ",
                (false, false) => " + ",
            };
            f.write_str(sep).ok()?;
            first = false;
            first_ava = false;
            write_type(f, oid).ok()?;
            f.write_char('=').ok()?;
            write_value(f, value.tag, value.value, value.full).ok()?;
        }
    }
    Some(())
}

fn write_type(f: &mut fmt::Formatter<'_>, oid: ObjectIdentifier) -> fmt::Result {
    let mut buf = alloc::string::String::new();
    write!(buf, "{oid}")?;
    match SHORT_NAMES.iter().find(|(dotted, _)| *dotted == buf) {
        Some((_, short)) => f.write_str(short),
        None => f.write_str(&buf),
    }
}

fn write_value(f: &mut fmt::Formatter<'_>, tag: u8, value: &[u8], full: &[u8]) -> fmt::Result {
    match decode_string(tag, value) {
        Some(text) => {
            for c in text.chars() {
                // RFC 4514 escapes for the characters that would make the output ambiguous.
                if matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=') {
                    f.write_char('\\')?;
                }
                if c.is_control() {
                    write!(f, "\\{:02X}", u32::from(c))?;
                } else {
                    f.write_char(c)?;
                }
            }
            Ok(())
        }
        None => {
            f.write_char('#')?;
            full.iter().try_for_each(|b| write!(f, "{b:02x}"))
        }
    }
}
