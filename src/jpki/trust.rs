//! A JPKI trust store: the J-LIS roots a verifier trusts, checked against the pins, kept
//! apart by certificate type.
//!
//! Choices (see `docs/embedding.md`):
//!
//! - **The caller supplies the roots.** The crate carries only fingerprints, never root
//!   certificates: the verifier obtains the roots from J-LIS and the store checks each one
//!   against [`JLIS_ROOT_PINS`](super::JLIS_ROOT_PINS). A root that matches no pin is refused
//!   ([`TrustStoreError::UnknownRoot`]) by [`JpkiTrustStoreBuilder::add_root`].
//! - **Unknown roots only by explicit choice.** Test hierarchies, the user-authentication
//!   generation 2 root (no public fingerprint) and the next-generation EC roots (not
//!   published yet) are added with [`JpkiTrustStoreBuilder::add_custom_anchor`], which
//!   names the purpose and a label for reports. Even then a certificate carrying the other
//!   purpose's J-LIS CA name, or pinned for the other purpose, is refused, and so is one that
//!   is not a CA certificate.
//! - **One anchor list per purpose.** [`JpkiTrustStore::anchors`] hands out the signing and
//!   the user-authentication anchors as separate slices, so a path for a signing
//!   certificate is never anchored at a user-authentication root (both CAs are one level
//!   deep and use the same key types; only the anchor set keeps them apart).
//! - Expired generations stay in the store: a [`TrustAnchor`] made from a certificate
//!   checks its validity at the validation time, so an expired root stops anchoring paths
//!   at current times and still anchors them at past ones (validation at a signing time).

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use super::classify::{JpkiKind, classify};
use super::pins::{JlisRootPin, JpkiPurpose, pinned_root};
use super::profile::ProfileChecks;
use crate::{Certificate, Error, HashAlgorithm, PathValidator, PublicKeyInfo, TrustAnchor};
use crate::{UnixTime, ValidatedPath};

/// Where a trust-store entry came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AnchorOrigin {
    /// A real J-LIS root, matched by its pin.
    Pinned(&'static JlisRootPin),
    /// Added explicitly by the caller as a custom anchor.
    Custom,
}

/// What the store knows about one anchor.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AnchorInfo {
    /// The certificate type the anchor may anchor.
    pub purpose: JpkiPurpose,
    /// Pinned or custom.
    pub origin: AnchorOrigin,
    /// For reports: `J-LIS signing root, generation 3`, or the caller's label.
    pub label: String,
    /// SHA-256 of the certificate's DER.
    pub sha256: [u8; 32],
    /// The anchor's key, when it could be decoded.
    pub key: Option<PublicKeyInfo>,
    /// The anchor certificate's validity: notBefore.
    pub not_before: UnixTime,
    /// The anchor certificate's validity: notAfter.
    pub not_after: UnixTime,
}

/// Why a root was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TrustStoreError {
    /// The certificate's fingerprint matches no J-LIS pin. Add it with
    /// [`JpkiTrustStoreBuilder::add_custom_anchor`] if it is meant to be trusted (a test
    /// hierarchy, a root whose fingerprint is not public).
    UnknownRoot {
        /// SHA-256 of the refused certificate's DER.
        sha256: [u8; 32],
    },
    /// A custom anchor that is not a CA certificate (basicConstraints `cA` is not TRUE).
    NotCa,
    /// The certificate belongs to the other purpose: it is pinned for it, or carries its
    /// J-LIS CA name.
    PurposeMismatch {
        /// The purpose the caller asked for.
        requested: JpkiPurpose,
        /// The purpose the certificate belongs to.
        actual: JpkiPurpose,
    },
    /// The same key and name are already an anchor for this purpose.
    Duplicate,
    /// The input is not a certificate this crate can parse.
    Malformed(Error),
}

impl fmt::Display for TrustStoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrustStoreError::UnknownRoot { sha256 } => {
                f.write_str("root matches no J-LIS pin (SHA-256 ")?;
                sha256.iter().try_for_each(|b| write!(f, "{b:02x}"))?;
                f.write_str("); add it as a custom anchor to trust it anyway")
            }
            TrustStoreError::NotCa => f.write_str("custom anchor is not a CA certificate"),
            TrustStoreError::PurposeMismatch { requested, actual } => write!(
                f,
                "certificate is a {} root, not a {} one",
                actual.name(),
                requested.name()
            ),
            TrustStoreError::Duplicate => f.write_str("anchor is already in the store"),
            TrustStoreError::Malformed(e) => write!(f, "not a usable certificate: {e}"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for TrustStoreError {}

/// The anchors of one purpose, with what the store knows about each (same order).
#[derive(Clone, Debug, Default)]
struct PurposeAnchors {
    anchors: Vec<TrustAnchor>,
    info: Vec<AnchorInfo>,
}

impl PurposeAnchors {
    fn contains(&self, cert: &Certificate) -> bool {
        self.anchors.iter().any(|a| {
            a.spki_der() == cert.spki_der() && a.subject().as_der() == cert.subject().as_der()
        })
    }
}

/// Builds a [`JpkiTrustStore`]: pinned roots with [`add_root`](Self::add_root), anything
/// else only with [`add_custom_anchor`](Self::add_custom_anchor).
#[derive(Clone, Debug, Default)]
pub struct JpkiTrustStoreBuilder {
    signing: PurposeAnchors,
    user_authentication: PurposeAnchors,
}

impl JpkiTrustStoreBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a root that must match a J-LIS pin; its purpose and generation come from the
    /// pin. Returns the pin.
    pub fn add_root(&mut self, cert: Certificate) -> Result<&'static JlisRootPin, TrustStoreError> {
        let Some(pin) = pinned_root(cert.der()) else {
            return Err(TrustStoreError::UnknownRoot {
                sha256: sha256(cert.der()),
            });
        };
        let label = format!(
            "J-LIS {} root, generation {}",
            pin.purpose.name(),
            pin.generation
        );
        self.insert(pin.purpose, cert, AnchorOrigin::Pinned(pin), label)?;
        Ok(pin)
    }

    /// [`add_root`](Self::add_root) from DER.
    pub fn add_root_der(&mut self, der: &[u8]) -> Result<&'static JlisRootPin, TrustStoreError> {
        self.add_root(Certificate::from_der(der).map_err(TrustStoreError::Malformed)?)
    }

    /// Adds `cert` as an anchor for `purpose` although it matches no pin (a pinned root of
    /// that purpose is accepted too, and recorded as pinned). `label` names it in reports.
    ///
    /// Refused: a certificate that is not a CA ([`TrustStoreError::NotCa`]), one pinned for
    /// or carrying the J-LIS CA name of the other purpose
    /// ([`TrustStoreError::PurposeMismatch`]), a duplicate.
    pub fn add_custom_anchor(
        &mut self,
        purpose: JpkiPurpose,
        cert: Certificate,
        label: &str,
    ) -> Result<(), TrustStoreError> {
        if let Some(pin) = pinned_root(cert.der()) {
            if pin.purpose != purpose {
                return Err(TrustStoreError::PurposeMismatch {
                    requested: purpose,
                    actual: pin.purpose,
                });
            }
            return self.insert(purpose, cert, AnchorOrigin::Pinned(pin), label.into());
        }
        if !cert.is_ca() {
            return Err(TrustStoreError::NotCa);
        }
        let kind = classify(&cert, ProfileChecks::NONE).kind;
        if let JpkiKind::UnpinnedRoot { purpose: actual }
        | JpkiKind::LinkOrCross { purpose: actual } = kind
            && actual != purpose
        {
            return Err(TrustStoreError::PurposeMismatch {
                requested: purpose,
                actual,
            });
        }
        self.insert(purpose, cert, AnchorOrigin::Custom, label.into())
    }

    fn insert(
        &mut self,
        purpose: JpkiPurpose,
        cert: Certificate,
        origin: AnchorOrigin,
        label: String,
    ) -> Result<(), TrustStoreError> {
        let list = match purpose {
            JpkiPurpose::Signing => &mut self.signing,
            JpkiPurpose::UserAuthentication => &mut self.user_authentication,
        };
        if list.contains(&cert) {
            return Err(TrustStoreError::Duplicate);
        }
        let validity = cert.validity();
        list.info.push(AnchorInfo {
            purpose,
            origin,
            label,
            sha256: sha256(cert.der()),
            key: PublicKeyInfo::from_spki(cert.spki_der()).ok(),
            not_before: validity.not_before,
            not_after: validity.not_after,
        });
        list.anchors.push(TrustAnchor::from_certificate(cert));
        Ok(())
    }

    /// The finished store.
    pub fn build(self) -> JpkiTrustStore {
        JpkiTrustStore {
            signing: self.signing,
            user_authentication: self.user_authentication,
        }
    }
}

/// Trust anchors for JPKI, kept per purpose. Built with [`JpkiTrustStoreBuilder`].
#[derive(Clone, Debug, Default)]
pub struct JpkiTrustStore {
    signing: PurposeAnchors,
    user_authentication: PurposeAnchors,
}

impl JpkiTrustStore {
    /// A builder.
    pub fn builder() -> JpkiTrustStoreBuilder {
        JpkiTrustStoreBuilder::new()
    }

    fn of(&self, purpose: JpkiPurpose) -> &PurposeAnchors {
        match purpose {
            JpkiPurpose::Signing => &self.signing,
            JpkiPurpose::UserAuthentication => &self.user_authentication,
        }
    }

    /// The anchors for certificates of `purpose`, and only those: pass them to
    /// [`PathValidator::validate`] or [`crate::cms::CmsVerifier::new`].
    pub fn anchors(&self, purpose: JpkiPurpose) -> &[TrustAnchor] {
        &self.of(purpose).anchors
    }

    /// What the store knows about each anchor of `purpose`, in the order of
    /// [`anchors`](Self::anchors).
    pub fn anchor_info(&self, purpose: JpkiPurpose) -> &[AnchorInfo] {
        &self.of(purpose).info
    }

    /// The entry for `anchor` (for example [`ValidatedPath::anchor`]), matched by subject
    /// and key, in either purpose.
    pub fn identify(&self, anchor: &TrustAnchor) -> Option<&AnchorInfo> {
        [&self.signing, &self.user_authentication]
            .into_iter()
            .find_map(|list| {
                list.anchors
                    .iter()
                    .position(|a| {
                        a.spki_der() == anchor.spki_der()
                            && a.subject().as_der() == anchor.subject().as_der()
                    })
                    .map(|i| &list.info[i])
            })
    }

    /// Total number of anchors, both purposes.
    pub fn len(&self) -> usize {
        self.signing.anchors.len() + self.user_authentication.anchors.len()
    }

    /// Whether the store holds no anchor.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Validates a certificate of `purpose` against this purpose's anchors only (the
    /// validator's time, policy and revocation settings apply unchanged; to require the
    /// JPKI policy, set [`PathValidator::initial_policies`] and
    /// [`PathValidator::require_explicit_policy`]).
    pub fn validate(
        &self,
        purpose: JpkiPurpose,
        validator: &PathValidator<'_>,
        certificate: &Certificate,
        intermediates: &[Certificate],
    ) -> Result<ValidatedPath, Error> {
        validator.validate(certificate, intermediates, self.anchors(purpose))
    }
}

fn sha256(der: &[u8]) -> [u8; 32] {
    let digest = crate::hash::digest(HashAlgorithm::Sha256, der);
    let mut out = [0u8; 32];
    out.copy_from_slice(digest.as_bytes());
    out
}
