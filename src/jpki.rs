//! The JPKI profile: the real J-LIS roots, the holder's basic-four data, and (with the path
//! validator) classification of certificates and a JPKI trust store.
//!
//! - [`classify`]: signing, user-authentication, pinned root (purpose and generation),
//!   unpinned J-LIS-DN root, link or cross certificate, test hierarchy, or not JPKI; the card
//!   generation of the key; the basic four; profile findings ([`ProfileFinding`]) for the
//!   checks switched on in [`ProfileChecks`]. [`check_profile`] checks against a kind the
//!   caller expects.
//! - [`JpkiTrustStore`]: caller-supplied roots checked against [`JLIS_ROOT_PINS`], unknown
//!   roots only as explicit custom anchors, one anchor list per purpose.
//!
//! ```
//! use jpki_verify::Certificate;
//! use jpki_verify::jpki::{CardGeneration, JpkiKind, JpkiPurpose, JpkiTrustStore, ProfileChecks, classify};
//!
//! let der = std::fs::read("vectors/migration-world/certs/sign-leaf-ec-card.der")?;
//! let card = Certificate::from_der(&der)?;
//! let c = classify(&card, ProfileChecks::ALL);
//! assert_eq!(c.kind, JpkiKind::Signing);
//! assert_eq!(c.card_generation, Some(CardGeneration::EcP384));
//! assert!(c.findings.is_empty());
//! assert_eq!(c.basic_four.unwrap().sex.as_deref(), Some("1"));
//!
//! // The test roots are not J-LIS's: they go in only as explicit custom anchors.
//! let root = std::fs::read("vectors/migration-world/certs/sign-root-ec1-p384.der")?;
//! let mut builder = JpkiTrustStore::builder();
//! assert!(builder.add_root_der(&root).is_err());
//! builder.add_custom_anchor(JpkiPurpose::Signing, Certificate::from_der(&root)?, "test EC root")?;
//! let store = builder.build();
//! assert_eq!(store.anchors(JpkiPurpose::Signing).len(), 1);
//! assert!(store.anchors(JpkiPurpose::UserAuthentication).is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Facts and their sources: `docs/jpki-profile.md`; embedding: `docs/embedding.md`.

mod basic_four;
mod classify;
mod interpret;
mod pins;
mod profile;
mod trust;

pub use basic_four::{BasicFour, BasicFourError, BirthDateDigits, MAX_SAN_ENTRIES, Sex};
pub use classify::{Basis, CardGeneration, Classification, JpkiKind, check_profile, classify};
pub use interpret::{EraMapping, substitute_positions};
pub use pins::{JLIS_ROOT_PINS, JlisRootPin, JpkiPurpose, pinned_root};
pub use profile::{
    JLIS_SIGNING_CA_NAME, JLIS_USER_AUTHENTICATION_CA_NAME, ProfileChecks, ProfileFinding,
    SubjectForm, jlis_ca_name,
};
pub use trust::{AnchorInfo, AnchorOrigin, JpkiTrustStore, JpkiTrustStoreBuilder, TrustStoreError};

use der::asn1::ObjectIdentifier as Oid;

/// Certificate policy of JPKI signing certificates.
pub const POLICY_SIGNING: Oid = Oid::new_unwrap("1.2.392.200149.8.5.1.1.20");
/// Certificate policy of JPKI signing certificates in the test hierarchy.
pub const POLICY_SIGNING_TEST: Oid = Oid::new_unwrap("1.2.392.200149.8.5.1.0.20");
/// Certificate policy of JPKI user-authentication certificates.
pub const POLICY_USER_AUTHENTICATION: Oid = Oid::new_unwrap("1.2.392.200149.8.5.1.3.30");
