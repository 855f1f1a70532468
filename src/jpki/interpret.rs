//! Interpretations of basic-four fields whose encoding no public source confirms.
//!
//! The decoded [`BasicFour`](super::BasicFour) keeps every value raw. The readings here are
//! *assumptions*, each behind its own type so that a caller chooses to apply it, and can
//! replace it when J-LIS's specification says otherwise (`docs/jpki-profile.md`):
//!
//! - the birth date's era digit: [`EraMapping`], with [`EraMapping::ASSUMED`] = 1 Meiji,
//!   2 Taishō, 3 Shōwa, 4 Heisei, 5 Reiwa (0 = unknown);
//! - the substitute-character position fields: [`substitute_positions`], reading one digit
//!   per character of the value, `0` = as registered and anything else = substituted.

use alloc::vec::Vec;

/// Names for the era digit of the birth date (`EYYYYMMDD`), indexed by the digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EraMapping {
    /// `names[d]`: the era that digit `d` denotes; `None` for unknown or unassigned.
    pub names: [Option<&'static str>; 10],
}

impl EraMapping {
    /// The assumed mapping (unconfirmed): 1 Meiji, 2 Taishō, 3 Shōwa, 4 Heisei, 5 Reiwa;
    /// 0 means unknown and 6 to 9 are unassigned.
    pub const ASSUMED: EraMapping = EraMapping {
        names: [
            None,
            Some("Meiji"),
            Some("Taishō"),
            Some("Shōwa"),
            Some("Heisei"),
            Some("Reiwa"),
            None,
            None,
            None,
            None,
        ],
    };

    /// The era digit `digit` denotes under this mapping.
    pub fn era(&self, digit: u8) -> Option<&'static str> {
        self.names.get(usize::from(digit)).copied().flatten()
    }
}

/// Reads a substitute-position field against its value, under the assumption that the field
/// has one digit per character of the value (`0`: the character is as registered; any other
/// digit: a substitute character replaced one that has no code point).
///
/// Returns the 0-based character positions flagged as substituted, or `None` when the
/// field does not fit the assumption (not all ASCII digits, or not one digit per
/// character), in which case only the raw value should be shown.
pub fn substitute_positions(value: &str, positions: &str) -> Option<Vec<usize>> {
    if !positions.bytes().all(|b| b.is_ascii_digit()) || positions.len() != value.chars().count() {
        return None;
    }
    Some(
        positions
            .bytes()
            .enumerate()
            .filter(|(_, b)| *b != b'0')
            .map(|(i, _)| i)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn era_digits() {
        assert_eq!(EraMapping::ASSUMED.era(4), Some("Heisei"));
        assert_eq!(EraMapping::ASSUMED.era(0), None);
        assert_eq!(EraMapping::ASSUMED.era(12), None);
    }

    #[test]
    fn positions() {
        assert_eq!(
            substitute_positions("公的\u{3000}吉郎", "00010"),
            Some(alloc::vec![3])
        );
        assert_eq!(substitute_positions("ab", "000"), None);
        assert_eq!(substitute_positions("ab", "0x"), None);
    }
}
