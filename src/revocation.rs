//! Revocation checking: the policy (mode), the source abstraction, and what a source may
//! ask of the path validator.
//!
//! A [`RevocationSource`] answers "is this certificate revoked at the validation time?".
//! CRLs ([`crate::Crl`], via [`crate::CrlSet`]) are the source implemented here; OCSP can be added
//! as another implementation. Sources do not build paths themselves: a CRL may be signed by
//! a key other than the certificate's issuer (PKITS 4.4.19, 4.5.6, indirect CRLs), and the
//! signer must chain to the same trust anchor, so [`StatusQuery`] lends the source the
//! validator's own path building, budget included.

use alloc::vec::Vec;
use core::fmt;

use crate::alg_id::AlgorithmIdentifier;
use crate::cert::Certificate;
use crate::name::{Name, NameKey};
use crate::{Error, UnixTime};

/// How revocation is checked during path validation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RevocationMode {
    /// Not checked.
    #[default]
    Off,
    /// Checked where the source has information for the certificate; certificates without
    /// any (or with only unusable information) are accepted. CRLs past their nextUpdate are
    /// still consulted in this mode.
    CheckAvailable,
    /// Every certificate but the trust anchor must have a current status (for CRLs: a
    /// CRL whose nextUpdate is not before the validation time, covering all reasons).
    RequireCurrent,
}

/// CRLReason (RFC 5280 5.3.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RevocationReason {
    /// unspecified (0), also used when an entry carries no reason code.
    Unspecified,
    /// keyCompromise (1).
    KeyCompromise,
    /// cACompromise (2).
    CaCompromise,
    /// affiliationChanged (3).
    AffiliationChanged,
    /// superseded (4).
    Superseded,
    /// cessationOfOperation (5).
    CessationOfOperation,
    /// certificateHold (6): suspended; J-LIS never releases held certificates in practice.
    CertificateHold,
    /// removeFromCRL (8): only meaningful in a delta CRL, where it releases a hold.
    RemoveFromCrl,
    /// privilegeWithdrawn (9).
    PrivilegeWithdrawn,
    /// aACompromise (10).
    AaCompromise,
}

impl RevocationReason {
    /// The reason with this CRLReason code.
    pub const fn from_code(code: u8) -> Option<Self> {
        Some(match code {
            0 => Self::Unspecified,
            1 => Self::KeyCompromise,
            2 => Self::CaCompromise,
            3 => Self::AffiliationChanged,
            4 => Self::Superseded,
            5 => Self::CessationOfOperation,
            6 => Self::CertificateHold,
            8 => Self::RemoveFromCrl,
            9 => Self::PrivilegeWithdrawn,
            10 => Self::AaCompromise,
            _ => return None,
        })
    }

    /// The CRLReason code.
    pub const fn code(self) -> u8 {
        match self {
            Self::Unspecified => 0,
            Self::KeyCompromise => 1,
            Self::CaCompromise => 2,
            Self::AffiliationChanged => 3,
            Self::Superseded => 4,
            Self::CessationOfOperation => 5,
            Self::CertificateHold => 6,
            Self::RemoveFromCrl => 8,
            Self::PrivilegeWithdrawn => 9,
            Self::AaCompromise => 10,
        }
    }

    /// The RFC 5280 name, e.g. `keyCompromise`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Unspecified => "unspecified",
            Self::KeyCompromise => "keyCompromise",
            Self::CaCompromise => "cACompromise",
            Self::AffiliationChanged => "affiliationChanged",
            Self::Superseded => "superseded",
            Self::CessationOfOperation => "cessationOfOperation",
            Self::CertificateHold => "certificateHold",
            Self::RemoveFromCrl => "removeFromCRL",
            Self::PrivilegeWithdrawn => "privilegeWithdrawn",
            Self::AaCompromise => "aACompromise",
        }
    }

    /// Whether the key may have been compromised before the revocation date, so the entry
    /// applies even when validating at an earlier time.
    pub const fn is_compromise(self) -> bool {
        matches!(
            self,
            Self::KeyCompromise | Self::CaCompromise | Self::AaCompromise
        )
    }
}

impl fmt::Display for RevocationReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A source's answer for one certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CertStatus {
    /// Not revoked at the validation time, according to information covering all reasons.
    Good,
    /// Revoked (or on hold) at the validation time.
    Revoked {
        /// The reason code.
        reason: RevocationReason,
        /// The revocationDate.
        date: UnixTime,
    },
    /// The source has no information for this certificate.
    Unknown,
}

/// What path validation recorded about each certificate's revocation status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RevocationOutcome {
    /// Revocation checking was off.
    NotChecked,
    /// The source reported the certificate not revoked.
    Good,
    /// No (usable) information; accepted because the mode is
    /// [`RevocationMode::CheckAvailable`].
    Unknown,
}

/// Answers revocation queries during path validation.
pub trait RevocationSource {
    /// The status of `query.certificate()` at `query.time()`.
    ///
    /// Return `Ok(CertStatus::Unknown)` when the source has nothing for the certificate and
    /// `Err` when it has information that could not be used (bad signature, unknown critical
    /// extension, stale data): the validator fails on `Err` in
    /// [`RevocationMode::RequireCurrent`] and ignores it in
    /// [`RevocationMode::CheckAvailable`], except for budget exhaustion, which always ends
    /// validation.
    fn status(&self, query: &mut StatusQuery<'_>) -> Result<CertStatus, Error>;
}

/// Signed data to be checked against a key.
#[derive(Clone, Copy, Debug)]
pub struct SignedData<'a> {
    /// The bytes that were signed.
    pub message: &'a [u8],
    /// The signature algorithm the signer claims.
    pub algorithm: AlgorithmIdentifier<'a>,
    /// The signature value.
    pub signature: &'a [u8],
}

/// One revocation question, with access to the validator's signature checking and path
/// building for authenticating the answer.
pub struct StatusQuery<'q> {
    pub(crate) cert: &'q Certificate,
    pub(crate) issuer_name_der: &'q [u8],
    pub(crate) issuer_spki: &'q [u8],
    pub(crate) index: u8,
    pub(crate) time: UnixTime,
    pub(crate) mode: RevocationMode,
    pub(crate) authority: &'q mut dyn Authority,
}

impl<'q> StatusQuery<'q> {
    /// The certificate whose status is asked.
    pub fn certificate(&self) -> &'q Certificate {
        self.cert
    }

    /// Its issuer's name (the subject of the next certificate in the path, or the anchor).
    pub fn issuer_name(&self) -> Name<'q> {
        Name::from_checked(self.issuer_name_der)
    }

    /// Its issuer's SubjectPublicKeyInfo.
    pub fn issuer_spki(&self) -> &'q [u8] {
        self.issuer_spki
    }

    /// Its position in the path (0 = end entity).
    pub fn index(&self) -> u8 {
        self.index
    }

    /// The validation time.
    pub fn time(&self) -> UnixTime {
        self.time
    }

    /// The revocation mode in force.
    pub fn mode(&self) -> RevocationMode {
        self.mode
    }

    /// As [`StatusQuery::verify_signed_by`] with an already normalized signer name.
    pub(crate) fn verify_signed_by_key(
        &mut self,
        signer: &NameKey,
        key_id: Option<&[u8]>,
        required_usage: u16,
        data: &SignedData<'_>,
    ) -> Result<Vec<u8>, Error> {
        self.authority
            .verify_signed_by(signer, key_id, required_usage, data, self.index)
    }

    /// Authenticates data signed by the authority named `signer` (a CRL issuer, an OCSP
    /// responder's CA): the certificate's issuer if its name and key fit, otherwise a
    /// certificate among the caller's intermediates whose own path to the same trust anchor
    /// validates and whose keyUsage (if present) has every bit of `required_usage`.
    /// Returns the signer's SubjectPublicKeyInfo, for checking related data (delta CRLs).
    pub fn verify_signed_by(
        &mut self,
        signer: Name<'_>,
        key_id: Option<&[u8]>,
        required_usage: u16,
        data: &SignedData<'_>,
    ) -> Result<Vec<u8>, Error> {
        let signer = NameKey::from_der(signer.as_der())?;
        self.authority
            .verify_signed_by(&signer, key_id, required_usage, data, self.index)
    }

    /// Checks a signature with a key obtained from [`StatusQuery::verify_signed_by`].
    pub fn verify_with_key(&mut self, spki: &[u8], data: &SignedData<'_>) -> Result<(), Error> {
        self.authority.verify_with_key(spki, data)
    }
}

/// The validator's side of a [`StatusQuery`].
pub(crate) trait Authority {
    fn verify_signed_by(
        &mut self,
        signer: &NameKey,
        key_id: Option<&[u8]>,
        required_usage: u16,
        data: &SignedData<'_>,
        index: u8,
    ) -> Result<Vec<u8>, Error>;

    fn verify_with_key(&mut self, spki: &[u8], data: &SignedData<'_>) -> Result<(), Error>;
}
