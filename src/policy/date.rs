//! A calendar date (proleptic Gregorian, UTC) with ordering and day arithmetic.
//!
//! Sunset tables speak in whole days ("after 2030", "until the end of 2023"), so the policy
//! module works on dates, not instants. The day arithmetic is Howard Hinnant's
//! `days_from_civil` / `civil_from_days`.

use core::fmt;
use core::str::FromStr;

/// A calendar date between 0001-01-01 and 9999-12-31 (proleptic Gregorian calendar).
///
/// Ordering is chronological. Construct with [`Date::new`] or parse `YYYY-MM-DD`:
///
/// ```
/// use jpki_verify::policy::Date;
/// let end = Date::new(2030, 12, 31).unwrap();
/// let next: Date = "2031-01-01".parse().unwrap();
/// assert_eq!(end.days_until(next), 1);
/// assert_eq!(end.checked_add_days(1), Some(next));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    // Field order gives the derived chronological ordering.
    year: u16,
    month: u8,
    day: u8,
}

/// Days from 1970-01-01 to `y-m-d` (negative before). Hinnant's `days_from_civil`.
const fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400; // [0, 399]
    let mp = (m + 9) % 12; // March = 0
    let doy = (153 * mp + 2) / 5 + d - 1; // [0, 365]
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
    era * 146_097 + doe - 719_468
}

/// The civil date `days` after 1970-01-01. Hinnant's `civil_from_days`.
const fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

const fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

const SECONDS_PER_DAY: i64 = 86_400;

impl Date {
    /// The earliest representable date, 0001-01-01.
    pub const MIN: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };
    /// The latest representable date, 9999-12-31.
    pub const MAX: Date = Date {
        year: 9999,
        month: 12,
        day: 31,
    };

    /// The date `year-month-day`, or `None` if it does not exist (or the year is outside
    /// 1..=9999).
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if year == 0 || year > 9999 || month == 0 || month > 12 {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// As [`Date::new`], for constant tables: panics (at compile time in a `const`) if the
    /// date does not exist.
    pub(crate) const fn ymd(year: u16, month: u8, day: u8) -> Date {
        match Date::new(year, month, day) {
            Some(date) => date,
            None => panic!("invalid date in a constant table"),
        }
    }

    /// The year (1..=9999).
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month (1..=12).
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month (1..=31).
    pub const fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub const fn days_since_unix_epoch(self) -> i64 {
        days_from_civil(self.year as i64, self.month as i64, self.day as i64)
    }

    /// The date `days` days after 1970-01-01, if within 0001-01-01..=9999-12-31.
    pub const fn from_days_since_unix_epoch(days: i64) -> Option<Date> {
        if days < Date::MIN.days_since_unix_epoch() || days > Date::MAX.days_since_unix_epoch() {
            return None;
        }
        let (y, m, d) = civil_from_days(days);
        Some(Date {
            year: y as u16,
            month: m as u8,
            day: d as u8,
        })
    }

    /// The UTC date of a Unix time in seconds (as carried by `UnixTime`-like types).
    pub const fn from_unix_seconds(seconds: i64) -> Option<Date> {
        Date::from_days_since_unix_epoch(seconds.div_euclid(SECONDS_PER_DAY))
    }

    /// The Unix time of this date's midnight (00:00:00 UTC), in seconds.
    pub const fn unix_seconds_at_midnight(self) -> i64 {
        self.days_since_unix_epoch() * SECONDS_PER_DAY
    }

    /// Days from `self` to `later`: positive when `later` is after `self`.
    pub const fn days_until(self, later: Date) -> i64 {
        later.days_since_unix_epoch() - self.days_since_unix_epoch()
    }

    /// The date `days` days later (earlier if negative), if representable.
    pub const fn checked_add_days(self, days: i64) -> Option<Date> {
        match self.days_since_unix_epoch().checked_add(days) {
            Some(total) => Date::from_days_since_unix_epoch(total),
            None => None,
        }
    }

    /// The next day, if representable.
    pub const fn next_day(self) -> Option<Date> {
        self.checked_add_days(1)
    }

    /// The previous day, if representable.
    pub const fn previous_day(self) -> Option<Date> {
        self.checked_add_days(-1)
    }

    /// The same calendar day `years` years later; 29 February becomes 28 February in a
    /// common year. This is how a validity of "N years" is projected.
    pub const fn checked_add_years(self, years: u16) -> Option<Date> {
        let year = match self.year.checked_add(years) {
            Some(year) if year <= 9999 => year,
            _ => return None,
        };
        let max_day = days_in_month(year, self.month);
        let day = if self.day > max_day {
            max_day
        } else {
            self.day
        };
        Some(Date {
            year,
            month: self.month,
            day,
        })
    }

    /// Today's UTC date from the system clock.
    #[cfg(feature = "std")]
    pub fn today() -> Date {
        let seconds = match std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            Ok(elapsed) => i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX),
            Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
        };
        Date::from_unix_seconds(seconds).unwrap_or(Date::MAX)
    }
}

impl From<der::DateTime> for Date {
    /// The date part of a DER `DateTime` (as returned by `x509_cert::time::Time::to_date_time`).
    fn from(value: der::DateTime) -> Date {
        // der::DateTime is always a valid date in 1970..=9999.
        Date::new(value.year(), value.month(), value.day()).unwrap_or(Date::MAX)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Why a string is not a `YYYY-MM-DD` date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateParseError {
    /// Not of the form `YYYY-MM-DD` (four, two and two ASCII digits).
    Format,
    /// Well formed, but no such day (for example 2031-02-29) or year 0000.
    NoSuchDate,
}

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateParseError::Format => f.write_str("expected a date as YYYY-MM-DD"),
            DateParseError::NoSuchDate => f.write_str("no such date"),
        }
    }
}

impl core::error::Error for DateParseError {}

impl FromStr for Date {
    type Err = DateParseError;

    /// Parses `YYYY-MM-DD` exactly (ISO 8601 calendar date, extended format).
    fn from_str(s: &str) -> Result<Date, DateParseError> {
        let bytes = s.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(DateParseError::Format);
        }
        let number = |range: core::ops::Range<usize>| -> Result<u16, DateParseError> {
            bytes[range].iter().try_fold(0u16, |acc, &b| {
                if b.is_ascii_digit() {
                    Ok(acc * 10 + u16::from(b - b'0'))
                } else {
                    Err(DateParseError::Format)
                }
            })
        };
        let year = number(0..4)?;
        let month = number(5..7)?;
        let day = number(8..10)?;
        Date::new(year, month as u8, day as u8).ok_or(DateParseError::NoSuchDate)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_round_trip() {
        assert_eq!(Date::ymd(1970, 1, 1).days_since_unix_epoch(), 0);
        assert_eq!(Date::ymd(2000, 3, 1).days_since_unix_epoch(), 11_017);
        for days in
            (Date::MIN.days_since_unix_epoch()..=Date::MAX.days_since_unix_epoch()).step_by(997)
        {
            let date = Date::from_days_since_unix_epoch(days).unwrap();
            assert_eq!(date.days_since_unix_epoch(), days);
        }
        assert_eq!(Date::MIN.previous_day(), None);
        assert_eq!(Date::MAX.next_day(), None);
    }

    #[test]
    fn add_years_clamps_leap_day() {
        assert_eq!(
            Date::ymd(2028, 2, 29).checked_add_years(5),
            Some(Date::ymd(2033, 2, 28))
        );
        assert_eq!(Date::ymd(9999, 1, 1).checked_add_years(1), None);
    }

    #[test]
    fn parse() {
        assert_eq!(
            "2031-02-29".parse::<Date>(),
            Err(DateParseError::NoSuchDate)
        );
        assert_eq!("2031-2-28".parse::<Date>(), Err(DateParseError::Format));
        assert_eq!("+031-02-28".parse::<Date>(), Err(DateParseError::Format));
        assert_eq!("2024-02-29".parse::<Date>(), Ok(Date::ymd(2024, 2, 29)));
    }
}
