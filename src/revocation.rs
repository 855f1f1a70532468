//! Revocation checking: the policy (mode), the source abstraction, and what a source may
//! ask of the path validator.
//!
//! A [`RevocationSource`] answers "is this certificate revoked at the validation time?".
//! CRLs ([`crate::Crl`], via [`crate::CrlSet`]) and OCSP responses ([`crate::OcspResponse`], via
//! [`crate::OcspResponses`]) are the sources implemented here. Sources do not build paths themselves: a CRL may be signed by
//! a key other than the certificate's issuer (PKITS 4.4.19, 4.5.6, indirect CRLs), and the
//! signer must chain to the same trust anchor, so [`StatusQuery`] lends the source the
//! validator's own path building, budget included.

use alloc::vec::Vec;
use core::fmt;

use crate::cert::Certificate;
use crate::name::{Name, NameKey};
use crate::reason::RevocationReason;
use crate::signed_data::SignedData;
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
///
/// Implemented by [`crate::CrlSet`] and [`crate::OcspResponses`]; [`FirstOfSources`] asks
/// several in turn.
/// `Sync`, so that one source serves a verifier shared across threads (batch verification).
pub trait RevocationSource: Sync {
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

/// Several revocation sources asked as one, for example the CRLs embedded in a signed
/// document in front of the caller's own source.
///
/// Every source is asked until one reports the certificate revoked (that ends it: a revoked
/// status from any source wins over a good one from another, whose data may be older).
/// Otherwise the answer is `Good` if any source said so, else the first source's error
/// (information that could not be used), else `Unknown`. Budget exhaustion ends the query
/// at once.
#[derive(Clone, Copy)]
pub struct FirstOfSources<'a> {
    sources: &'a [&'a dyn RevocationSource],
}

impl<'a> FirstOfSources<'a> {
    /// The sources, asked in this order.
    pub const fn new(sources: &'a [&'a dyn RevocationSource]) -> Self {
        Self { sources }
    }
}

impl fmt::Debug for FirstOfSources<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FirstOfSources")
            .field("sources", &self.sources.len())
            .finish()
    }
}

impl RevocationSource for FirstOfSources<'_> {
    fn status(&self, query: &mut StatusQuery<'_>) -> Result<CertStatus, Error> {
        let mut good = false;
        let mut first_error = None;
        for source in self.sources {
            match source.status(query) {
                Ok(revoked @ CertStatus::Revoked { .. }) => return Ok(revoked),
                Ok(CertStatus::Good) => good = true,
                Ok(CertStatus::Unknown) => {}
                Err(e) if e.is_fatal() => return Err(e),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        match (good, first_error) {
            (true, _) => Ok(CertStatus::Good),
            (false, Some(e)) => Err(e),
            (false, None) => Ok(CertStatus::Unknown),
        }
    }
}
