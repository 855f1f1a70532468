//! The JPKI profile: the real J-LIS roots, the holder's basic-four data, and (with the path
//! validator) classification of certificates and a JPKI trust store.
//!
//! Facts and their sources: `docs/jpki-profile.md`.

mod basic_four;
mod pins;

pub use basic_four::{BasicFour, BasicFourError, BirthDateDigits, MAX_SAN_ENTRIES, Sex};
pub use pins::{JLIS_ROOT_PINS, JlisRootPin, JpkiPurpose, pinned_root};

use der::asn1::ObjectIdentifier as Oid;

/// Certificate policy of JPKI signing certificates.
pub const POLICY_SIGNING: Oid = Oid::new_unwrap("1.2.392.200149.8.5.1.1.20");
/// Certificate policy of JPKI signing certificates in the test hierarchy.
pub const POLICY_SIGNING_TEST: Oid = Oid::new_unwrap("1.2.392.200149.8.5.1.0.20");
/// Certificate policy of JPKI user-authentication certificates.
pub const POLICY_USER_AUTHENTICATION: Oid = Oid::new_unwrap("1.2.392.200149.8.5.1.3.30");
