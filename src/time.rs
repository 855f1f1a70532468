//! Time as the caller gives it: the core never reads a clock.
//!
//! Certificates and CRLs carry UTCTime (years 1950-2049) and GeneralizedTime; both are
//! converted to seconds since the Unix epoch, signed, because PKITS (and old CA
//! certificates) use notBefore dates before 1970.

use core::fmt;

use crate::Error;

/// A point in time: whole seconds since 1970-01-01T00:00:00Z (negative before it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixTime(i64);

impl UnixTime {
    /// The time `secs` seconds after the Unix epoch.
    pub const fn from_unix_seconds(secs: i64) -> Self {
        Self(secs)
    }

    /// Seconds since the Unix epoch.
    pub const fn as_unix_seconds(self) -> i64 {
        self.0
    }

    /// A UTC calendar date and time; `None` if any field is out of range.
    pub fn from_calendar(
        year: i32,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
    ) -> Option<Self> {
        if !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return None;
        }
        let days = days_from_civil(year, month, day);
        Some(Self(
            days * 86_400 + i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second),
        ))
    }

    /// The UTC calendar fields `(year, month, day, hour, minute, second)`.
    pub fn to_calendar(self) -> (i32, u8, u8, u8, u8, u8) {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        (
            y,
            m,
            d,
            (secs / 3600) as u8,
            (secs % 3600 / 60) as u8,
            (secs % 60) as u8,
        )
    }

    /// Parses an RFC 3339 timestamp (`2024-05-01T09:30:00Z`, `...+09:00`, fractional
    /// seconds ignored) or a bare date (`2024-05-01`, meaning midnight UTC).
    pub fn parse_rfc3339(text: &str) -> Result<Self, Error> {
        parse_rfc3339(text.as_bytes()).ok_or(Error::BadTimeFormat)
    }

    /// Decodes an X.509 `Time` TLV: UTCTime (`YYMMDDHHMMSSZ`) or GeneralizedTime
    /// (`YYYYMMDDHHMMSSZ`), in the DER forms RFC 5280 4.1.2.5 requires.
    pub(crate) fn from_x509_time(tag: u8, value: &[u8]) -> Option<Self> {
        let (year, rest) = match (tag, value.len()) {
            // UTCTime: RFC 5280 maps YY >= 50 to 19YY and YY < 50 to 20YY.
            (0x17, 13) => {
                let yy = digits(&value[..2])? as i32;
                (if yy >= 50 { 1900 + yy } else { 2000 + yy }, &value[2..])
            }
            (0x18, 15) => (digits(&value[..4])? as i32, &value[4..]),
            _ => return None,
        };
        if rest[10] != b'Z' {
            return None;
        }
        Self::from_calendar(
            year,
            digits(&rest[0..2])? as u8,
            digits(&rest[2..4])? as u8,
            digits(&rest[4..6])? as u8,
            digits(&rest[6..8])? as u8,
            digits(&rest[8..10])? as u8,
        )
    }
}

impl fmt::Display for UnixTime {
    /// RFC 3339 in UTC, e.g. `2024-05-01T09:30:00Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d, h, mi, s) = self.to_calendar();
        write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}

#[cfg(feature = "std")]
impl TryFrom<std::time::SystemTime> for UnixTime {
    type Error = Error;

    /// For callers that do want "now": the conversion lives outside the `no_std` core.
    fn try_from(t: std::time::SystemTime) -> Result<Self, Error> {
        let secs = match t.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => i64::try_from(d.as_secs()).map_err(|_| Error::BadTimeFormat)?,
            Err(e) => -i64::try_from(e.duration().as_secs()).map_err(|_| Error::BadTimeFormat)?,
        };
        Ok(Self(secs))
    }
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

fn parse_rfc3339(s: &[u8]) -> Option<UnixTime> {
    let num = |range: core::ops::Range<usize>| s.get(range).and_then(digits);
    if s.len() < 10 || s[4] != b'-' || s[7] != b'-' {
        return None;
    }
    let (year, month, day) = (num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8);
    if s.len() == 10 {
        return UnixTime::from_calendar(year, month, day, 0, 0, 0);
    }
    if s.len() < 20 || !matches!(s[10], b'T' | b't' | b' ') || s[13] != b':' || s[16] != b':' {
        return None;
    }
    let (hour, minute, second) = (num(11..13)? as u8, num(14..16)? as u8, num(17..19)? as u8);
    let mut rest = &s[19..];
    if rest.first() == Some(&b'.') {
        let frac = rest[1..].iter().take_while(|b| b.is_ascii_digit()).count();
        if frac == 0 {
            return None;
        }
        rest = &rest[1 + frac..];
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let h = i64::from(digits(&[*h1, *h2])?);
            let m = i64::from(digits(&[*m1, *m2])?);
            if h > 23 || m > 59 {
                return None;
            }
            let secs = h * 3600 + m * 60;
            if *sign == b'+' { secs } else { -secs }
        }
        _ => return None,
    };
    let local = UnixTime::from_calendar(year, month, day, hour, minute, second)?;
    Some(UnixTime(local.0 - offset))
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn calendar_round_trip() {
        for (y, mo, d, expect) in [
            (1970, 1, 1, 0),
            (2000, 3, 1, 951_868_800),
            (1950, 1, 1, -631_152_000),
            (2049, 12, 31, 2_524_521_600),
        ] {
            let t = UnixTime::from_calendar(y, mo, d, 0, 0, 0).unwrap();
            assert_eq!(t.as_unix_seconds(), expect);
            assert_eq!(t.to_calendar(), (y, mo, d, 0, 0, 0));
        }
        assert!(UnixTime::from_calendar(2023, 2, 29, 0, 0, 0).is_none());
        assert!(UnixTime::from_calendar(2024, 2, 29, 0, 0, 0).is_some());
    }

    #[test]
    fn rfc3339() {
        let t = UnixTime::parse_rfc3339("2024-05-01T09:30:00+09:00").unwrap();
        assert_eq!(t, UnixTime::parse_rfc3339("2024-05-01T00:30:00Z").unwrap());
        assert_eq!(
            UnixTime::parse_rfc3339("2024-05-01").unwrap(),
            UnixTime::from_calendar(2024, 5, 1, 0, 0, 0).unwrap()
        );
        assert_eq!(
            UnixTime::parse_rfc3339("2024-05-01T00:00:00.123Z")
                .unwrap()
                .to_string(),
            "2024-05-01T00:00:00Z"
        );
        for bad in [
            "2024-13-01",
            "2024-05-01T00:00:00",
            "2024-05-01T24:00:00Z",
            "x",
        ] {
            assert_eq!(
                UnixTime::parse_rfc3339(bad),
                Err(Error::BadTimeFormat),
                "{bad}"
            );
        }
    }

    #[test]
    fn x509_times() {
        let utc = UnixTime::from_x509_time(0x17, b"500101120000Z").unwrap();
        assert_eq!(utc.to_calendar(), (1950, 1, 1, 12, 0, 0));
        let utc = UnixTime::from_x509_time(0x17, b"491231235959Z").unwrap();
        assert_eq!(utc.to_calendar(), (2049, 12, 31, 23, 59, 59));
        let generalized = UnixTime::from_x509_time(0x18, b"20500101000000Z").unwrap();
        assert_eq!(generalized.to_calendar(), (2050, 1, 1, 0, 0, 0));
        assert!(UnixTime::from_x509_time(0x17, b"5001011200Z").is_none());
        assert!(UnixTime::from_x509_time(0x18, b"20500101000000+0900").is_none());
    }
}
