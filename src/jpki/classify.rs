//! Classifying a certificate in JPKI terms: signing or user-authentication card
//! certificate, J-LIS root (pinned or not), link or cross certificate, test hierarchy, or
//! not JPKI at all; with its card generation, its basic four and its profile findings.

use alloc::vec::Vec;
use core::fmt;

use super::basic_four::BasicFour;
use super::pins::{JlisRootPin, JpkiPurpose, pinned_root};
use super::profile::{self, Expectations, ProfileChecks, ProfileFinding, jlis_ca_purpose};
use super::{POLICY_SIGNING, POLICY_SIGNING_TEST, POLICY_USER_AUTHENTICATION};
use crate::oid::ext as oids;
use crate::{Certificate, Error, NamedCurve, PublicKeyInfo};

/// What a certificate is, in JPKI terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum JpkiKind {
    /// A signing certificate (署名用電子証明書) on a card: certificate policy
    /// `1.2.392.200149.8.5.1.1.20`, or (without any JPKI policy) issued under the J-LIS
    /// signing CA's name.
    Signing,
    /// A user-authentication certificate (利用者証明用電子証明書) on a card: policy
    /// `1.2.392.200149.8.5.1.3.30`, or (without any JPKI policy) issued under the J-LIS
    /// user-authentication CA's name.
    UserAuthentication,
    /// A real J-LIS root: its SHA-256 fingerprint is pinned.
    PinnedRoot(&'static JlisRootPin),
    /// A root-shaped certificate (self-issued, no authorityKeyIdentifier or one equal to its
    /// subjectKeyIdentifier) carrying the J-LIS CA name of `purpose`, whose fingerprint is
    /// **not** pinned: a test root such as the migration-world ones, a generation whose
    /// fingerprint is not public (user-authentication generation 2, the next-generation EC
    /// roots) or a forgery. Trust it only as an explicit custom anchor.
    UnpinnedRoot {
        /// The CA whose name it carries.
        purpose: JpkiPurpose,
    },
    /// A self-issued certificate carrying the J-LIS CA name of `purpose` whose
    /// authorityKeyIdentifier differs from its subjectKeyIdentifier: one root generation's
    /// key certified by another's, i.e. a key-rollover link (NewWithOld / OldWithNew) or a
    /// cross certificate between the RSA and EC roots.
    LinkOrCross {
        /// The CA whose name it carries.
        purpose: JpkiPurpose,
    },
    /// A certificate of the JPKI test hierarchy: policy `1.2.392.200149.8.5.1.0.20`.
    TestHierarchy,
    /// None of the above.
    NotJpki,
}

impl JpkiKind {
    /// A stable kebab-case name, for JSON output.
    pub const fn id(&self) -> &'static str {
        match self {
            JpkiKind::Signing => "signing",
            JpkiKind::UserAuthentication => "user-authentication",
            JpkiKind::PinnedRoot(_) => "pinned-root",
            JpkiKind::UnpinnedRoot { .. } => "unpinned-root",
            JpkiKind::LinkOrCross { .. } => "link-or-cross",
            JpkiKind::TestHierarchy => "test-hierarchy",
            JpkiKind::NotJpki => "not-jpki",
        }
    }

    /// The certificate type the certificate belongs to or issues, when known.
    pub const fn purpose(&self) -> Option<JpkiPurpose> {
        match self {
            JpkiKind::Signing | JpkiKind::TestHierarchy => Some(JpkiPurpose::Signing),
            JpkiKind::UserAuthentication => Some(JpkiPurpose::UserAuthentication),
            JpkiKind::PinnedRoot(pin) => Some(pin.purpose),
            JpkiKind::UnpinnedRoot { purpose } | JpkiKind::LinkOrCross { purpose } => {
                Some(*purpose)
            }
            JpkiKind::NotJpki => None,
        }
    }

    /// Whether this is a CA certificate (root, link or cross).
    pub const fn is_ca(&self) -> bool {
        matches!(
            self,
            JpkiKind::PinnedRoot(_) | JpkiKind::UnpinnedRoot { .. } | JpkiKind::LinkOrCross { .. }
        )
    }
}

impl fmt::Display for JpkiKind {
    /// `JPKI signing certificate`, `J-LIS signing root, generation 3 (pinned)`,
    /// `J-LIS-DN signing root, not pinned`, ...
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JpkiKind::Signing => f.write_str("JPKI signing certificate"),
            JpkiKind::UserAuthentication => f.write_str("JPKI user-authentication certificate"),
            JpkiKind::PinnedRoot(pin) => write!(
                f,
                "J-LIS {} root, generation {} (pinned)",
                pin.purpose.name(),
                pin.generation
            ),
            JpkiKind::UnpinnedRoot { purpose } => {
                write!(f, "J-LIS-DN {} root, not pinned", purpose.name())
            }
            JpkiKind::LinkOrCross { purpose } => write!(
                f,
                "J-LIS-DN {} CA link or cross certificate (not a root)",
                purpose.name()
            ),
            JpkiKind::TestHierarchy => f.write_str("JPKI test hierarchy certificate"),
            JpkiKind::NotJpki => f.write_str("not JPKI"),
        }
    }
}

/// What the classification rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Basis {
    /// The SHA-256 fingerprint matched a pin.
    Pin,
    /// Self-issued with the J-LIS CA name as subject and issuer.
    CaName,
    /// The certificate policy OID.
    Policy,
    /// No JPKI policy: the issuer is a J-LIS CA name.
    IssuerName,
    /// Nothing JPKI-specific was found.
    Nothing,
}

impl Basis {
    /// A stable kebab-case name, for JSON output.
    pub const fn id(self) -> &'static str {
        match self {
            Basis::Pin => "pin",
            Basis::CaName => "ca-name",
            Basis::Policy => "policy",
            Basis::IssuerName => "issuer-name",
            Basis::Nothing => "nothing",
        }
    }
}

/// The card generation a key belongs to.
///
/// For a card certificate this is the card: RSA-2048 is today's card, ECDSA on a 384-bit
/// curve the next-generation card from FY2028 (the curve name P-384 is an assumption: the
/// public summary says only "a 384-bit curve"). For a CA certificate it is the scheme its
/// key serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CardGeneration {
    /// RSA-2048: the current card (2016-).
    Rsa2048,
    /// ECDSA P-384: the next-generation card.
    EcP384,
    /// Any other key: neither card generation.
    Other,
}

impl CardGeneration {
    /// The generation of `key`.
    pub const fn of(key: PublicKeyInfo) -> CardGeneration {
        match key {
            PublicKeyInfo::Rsa { modulus_bits: 2048 } => CardGeneration::Rsa2048,
            PublicKeyInfo::Ec {
                curve: NamedCurve::P384,
            } => CardGeneration::EcP384,
            _ => CardGeneration::Other,
        }
    }

    /// A stable kebab-case name, for JSON output.
    pub const fn id(self) -> &'static str {
        match self {
            CardGeneration::Rsa2048 => "rsa-2048",
            CardGeneration::EcP384 => "ec-p384",
            CardGeneration::Other => "other",
        }
    }
}

impl fmt::Display for CardGeneration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CardGeneration::Rsa2048 => "RSA-2048 (current card)",
            CardGeneration::EcP384 => "ECDSA P-384 (next-generation card)",
            CardGeneration::Other => "neither card generation",
        })
    }
}

/// A certificate classified in JPKI terms, with its profile findings.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Classification {
    /// What the certificate is.
    pub kind: JpkiKind,
    /// What that rests on.
    pub basis: Basis,
    /// The subject's key, or why it could not be read.
    pub key: Result<PublicKeyInfo, Error>,
    /// The card generation of the key, when it could be read.
    pub card_generation: Option<CardGeneration>,
    /// The basic four, for signing (and test-hierarchy) certificates whose subjectAltName
    /// carries them; raw values, see [`BasicFour`].
    pub basic_four: Option<BasicFour>,
    /// How the certificate deviates from the profile of its kind (checks chosen with
    /// [`ProfileChecks`]); empty when it conforms or is not JPKI.
    pub findings: Vec<ProfileFinding>,
}

impl Classification {
    /// Whether the profile checks found nothing.
    pub fn conforms(&self) -> bool {
        self.findings.is_empty()
    }
}

/// Classifies `cert` and runs the profile checks `checks` for its kind.
///
/// Order of evidence: the root pins (the certificate's SHA-256), then a self-issued
/// certificate carrying a J-LIS CA name (a root when it has no authorityKeyIdentifier or one
/// equal to its subjectKeyIdentifier, otherwise a link or cross certificate), then the
/// certificate policy (signing, user authentication, test hierarchy), then - for a
/// certificate without any JPKI policy - an issuer that is a J-LIS CA name. keyUsage and
/// the rest are judged as profile findings and never change the kind: a certificate that
/// asserts the signing policy is reported as a signing certificate with, say, a keyUsage
/// finding, so that a verifier sees what the issuer claimed and how it deviates.
///
/// The root's self-signature is not verified here (pins identify real roots; an unpinned
/// root is trusted only when the caller adds it explicitly). Never panics.
pub fn classify(cert: &Certificate, checks: ProfileChecks) -> Classification {
    let key = PublicKeyInfo::from_spki(cert.spki_der());
    let card_generation = key.ok().map(CardGeneration::of);
    let san = cert
        .extension(oids::SUBJECT_ALT_NAME)
        .map(|ext| BasicFour::from_subject_alt_name(ext.value));
    let (kind, basis) = kind_of(cert);
    let findings = match expectations(kind) {
        Some(expect) => profile::check(cert, &expect, checks, san.as_ref(), key),
        None => Vec::new(),
    };
    let basic_four = match (kind, san) {
        (JpkiKind::Signing | JpkiKind::TestHierarchy, Some(Ok(four))) if four.is_present() => {
            Some(four)
        }
        _ => None,
    };
    Classification {
        kind,
        basis,
        key,
        card_generation,
        basic_four,
        findings,
    }
}

fn kind_of(cert: &Certificate) -> (JpkiKind, Basis) {
    if let Some(pin) = pinned_root(cert.der()) {
        return (JpkiKind::PinnedRoot(pin), Basis::Pin);
    }
    if cert.is_self_issued()
        && let Some(purpose) = jlis_ca_purpose(cert.subject_key())
    {
        let root_shaped = match (cert.authority_key_id(), cert.subject_key_id()) {
            (None, _) => true,
            (Some(aki), Some(ski)) => aki == ski,
            (Some(_), None) => false,
        };
        let kind = if root_shaped {
            JpkiKind::UnpinnedRoot { purpose }
        } else {
            JpkiKind::LinkOrCross { purpose }
        };
        return (kind, Basis::CaName);
    }
    let policies = cert.policies().unwrap_or(&[]);
    if policies.contains(&POLICY_SIGNING) {
        return (JpkiKind::Signing, Basis::Policy);
    }
    if policies.contains(&POLICY_USER_AUTHENTICATION) {
        return (JpkiKind::UserAuthentication, Basis::Policy);
    }
    if policies.contains(&POLICY_SIGNING_TEST) {
        return (JpkiKind::TestHierarchy, Basis::Policy);
    }
    match jlis_ca_purpose(cert.issuer_key()) {
        Some(JpkiPurpose::Signing) => (JpkiKind::Signing, Basis::IssuerName),
        Some(JpkiPurpose::UserAuthentication) => (JpkiKind::UserAuthentication, Basis::IssuerName),
        None => (JpkiKind::NotJpki, Basis::Nothing),
    }
}

/// Checks `cert` against the profile of `kind`, whatever [`classify`] would call it: for a
/// verifier that expects a particular kind (a document signer must be a
/// [`JpkiKind::Signing`] certificate) and wants every way the certificate falls short of
/// it. [`JpkiKind::NotJpki`] has no profile: no findings.
pub fn check_profile(
    cert: &Certificate,
    kind: JpkiKind,
    checks: ProfileChecks,
) -> Vec<ProfileFinding> {
    let Some(expect) = expectations(kind) else {
        return Vec::new();
    };
    let key = PublicKeyInfo::from_spki(cert.spki_der());
    let san = cert
        .extension(oids::SUBJECT_ALT_NAME)
        .map(|ext| BasicFour::from_subject_alt_name(ext.value));
    profile::check(cert, &expect, checks, san.as_ref(), key)
}

fn expectations(kind: JpkiKind) -> Option<Expectations> {
    match kind {
        JpkiKind::Signing => Some(Expectations::card(
            JpkiPurpose::Signing,
            POLICY_SIGNING,
            true,
        )),
        JpkiKind::UserAuthentication => Some(Expectations::card(
            JpkiPurpose::UserAuthentication,
            POLICY_USER_AUTHENTICATION,
            true,
        )),
        // The test CA's name is not public: its issuer is not checked.
        JpkiKind::TestHierarchy => Some(Expectations::card(
            JpkiPurpose::Signing,
            POLICY_SIGNING_TEST,
            false,
        )),
        JpkiKind::PinnedRoot(_) | JpkiKind::UnpinnedRoot { .. } | JpkiKind::LinkOrCross { .. } => {
            Some(Expectations::CA)
        }
        JpkiKind::NotJpki => None,
    }
}
