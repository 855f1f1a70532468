//! Certification path building and validation (RFC 5280 section 6.1, RFC 4158 ideas).
//!
//! From the end-entity certificate the builder searches, depth first, for issuers among
//! the trust anchors and the caller's intermediates whose subject matches the issuer name.
//! Candidates whose subjectKeyIdentifier matches the authorityKeyIdentifier are tried
//! first, but every candidate is tried: J-LIS root generations share one DN with different
//! keys, so a name match says nothing about which key signed. A certificate may appear in a
//! path only once, judged by subject name and key (so a self-issued link certificate, whose
//! key differs from its issuer's, is allowed). Each complete candidate path is validated per
//! RFC 5280 6.1 and then checked for revocation; the first that passes is returned,
//! otherwise the most specific error seen ([`Error::rank`]).

mod budget;
mod build;
mod policy_tree;
mod profile;
mod validate;

use alloc::boxed::Box;
use alloc::sync::Arc;
use alloc::vec::Vec;

use der::asn1::ObjectIdentifier;

use crate::cert::Certificate;
use crate::key::{PublicKeyInfo, split_spki};
use crate::name::{DistinguishedName, Name, NameKey};
use crate::revocation::{RevocationMode, RevocationOutcome, RevocationSource};
use crate::{Backend, Error, PreparedKeyCache, SignatureVerificationAlgorithm, UnixTime};

pub use self::budget::Budget;
pub use self::build::{MAX_CRL_SIGNER_NESTING, MAX_INTERMEDIATES};
pub use self::profile::Profile;
pub use crate::oid::ext::ANY_POLICY;

/// A trusted public key with its subject name: where every path ends.
///
/// An anchor made from a certificate ([`TrustAnchor::from_certificate`]) is constrained by
/// it, as RFC 5937 describes and Go, webpki and OpenSSL do: its validity period at the
/// validation time (a verifier pinning J-LIS root generations expects an expired generation
/// to stop validating), its basicConstraints (a v3 anchor must be a CA; its
/// pathLenConstraint bounds the path), keyUsage (keyCertSign for certificates, cRLSign for
/// the CRLs it signs), nameConstraints, extendedKeyUsage (as a constraint on
/// [`PathValidator::required_eku`]) and unknown critical extensions; errors name the
/// anchor's position (the path length). [`TrustAnchor::from_certificate_unconstrained`] and
/// [`TrustAnchor::from_subject_and_spki`] make bare (name, key) anchors.
///
/// Cloning is cheap (the anchor is shared): a [`ValidatedPath`] carries its anchor.
#[derive(Clone, Debug)]
pub struct TrustAnchor(Arc<AnchorInner>);

#[derive(Debug)]
struct AnchorInner {
    subject: DistinguishedName,
    spki: Box<[u8]>,
    cert: Option<Certificate>,
    /// Whether the certificate's contents constrain paths (RFC 5937).
    constrained: bool,
    /// The anchor's key prepared once and shared by clones: it verifies every certificate
    /// and CRL the anchor issued.
    key_cache: PreparedKeyCache,
}

impl TrustAnchor {
    /// An anchor from a (typically self-signed) certificate, constrained by its contents.
    pub fn from_certificate(cert: Certificate) -> Self {
        Self::certificate_anchor(cert, true)
    }

    /// An anchor from a certificate whose name, key and validity period alone are used (the
    /// opt-out from RFC 5937 constraints, for a trusted key whose certificate is only a
    /// container).
    pub fn from_certificate_unconstrained(cert: Certificate) -> Self {
        Self::certificate_anchor(cert, false)
    }

    fn certificate_anchor(cert: Certificate, constrained: bool) -> Self {
        Self(Arc::new(AnchorInner {
            subject: DistinguishedName::from_parts(
                cert.subject().as_der(),
                cert.subject_key().clone(),
            ),
            spki: cert.spki_der().into(),
            cert: Some(cert),
            constrained,
            key_cache: PreparedKeyCache::new(),
        }))
    }

    /// An anchor from a DER subject `Name` and a DER `SubjectPublicKeyInfo`.
    pub fn from_subject_and_spki(subject: &[u8], spki: &[u8]) -> Result<Self, Error> {
        split_spki(spki).map_err(|_| Error::MalformedPublicKey)?;
        Ok(Self(Arc::new(AnchorInner {
            subject: DistinguishedName::from_der(subject)?,
            spki: spki.into(),
            cert: None,
            constrained: false,
            key_cache: PreparedKeyCache::new(),
        })))
    }

    /// Whether `other` is this very anchor (or a clone of it).
    pub fn same_as(&self, other: &TrustAnchor) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }

    /// The anchor's subject name.
    pub fn subject(&self) -> Name<'_> {
        self.0.subject.name()
    }

    /// The anchor's SubjectPublicKeyInfo.
    pub fn spki_der(&self) -> &[u8] {
        &self.0.spki
    }

    /// The certificate the anchor was made from, if any.
    pub fn certificate(&self) -> Option<&Certificate> {
        self.0.cert.as_ref()
    }

    /// The certificate that constrains paths to this anchor, if it does (RFC 5937).
    pub fn constraining_certificate(&self) -> Option<&Certificate> {
        self.0.cert.as_ref().filter(|_| self.0.constrained)
    }

    pub(crate) fn key_cache(&self) -> &PreparedKeyCache {
        &self.0.key_cache
    }

    pub(crate) fn subject_key(&self) -> &NameKey {
        self.0.subject.key()
    }

    /// The subjectKeyIdentifier of the anchor certificate, for ordering candidates.
    pub(crate) fn key_id(&self) -> Option<&[u8]> {
        self.0.cert.as_ref().and_then(Certificate::subject_key_id)
    }
}

/// The inputs of RFC 5280 6.1.1 other than the path, and how much work is allowed.
#[derive(Clone, Copy)]
pub struct PathValidator<'a> {
    algorithms: &'a [&'static dyn SignatureVerificationAlgorithm],
    time: UnixTime,
    initial_policies: &'a [ObjectIdentifier],
    require_explicit_policy: bool,
    inhibit_policy_mapping: bool,
    inhibit_any_policy: bool,
    required_eku: &'a [ObjectIdentifier],
    profile: Profile,
    revocation_mode: RevocationMode,
    revocation: Option<&'a dyn RevocationSource>,
    budget: Budget,
}

impl<'a> PathValidator<'a> {
    /// Validation at `time` with these signature algorithms; policy inputs at their RFC 5280
    /// defaults (any policy, nothing required or inhibited), revocation off, default budget.
    pub fn new(
        algorithms: &'a [&'static dyn SignatureVerificationAlgorithm],
        time: UnixTime,
    ) -> Self {
        Self {
            algorithms,
            time,
            initial_policies: &[],
            require_explicit_policy: false,
            inhibit_policy_mapping: false,
            inhibit_any_policy: false,
            required_eku: &[],
            profile: Profile::Section6,
            revocation_mode: RevocationMode::Off,
            revocation: None,
            budget: Budget::DEFAULT,
        }
    }

    /// As [`PathValidator::new`] with a backend's algorithms.
    pub fn with_backend(backend: &'a Backend, time: UnixTime) -> Self {
        Self::new(backend.algorithms, time)
    }

    /// user-initial-policy-set; empty (the default) means `{anyPolicy}`.
    pub fn initial_policies(mut self, policies: &'a [ObjectIdentifier]) -> Self {
        self.initial_policies = policies;
        self
    }

    /// initial-explicit-policy: the path must be valid for at least one policy.
    pub fn require_explicit_policy(mut self, on: bool) -> Self {
        self.require_explicit_policy = on;
        self
    }

    /// initial-policy-mapping-inhibit.
    pub fn inhibit_policy_mapping(mut self, on: bool) -> Self {
        self.inhibit_policy_mapping = on;
        self
    }

    /// initial-any-policy-inhibit.
    pub fn inhibit_any_policy(mut self, on: bool) -> Self {
        self.inhibit_any_policy = on;
        self
    }

    /// Purposes the end entity must be certified for (for example id-kp-timeStamping for a
    /// TSA, id-kp-OCSPSigning for a delegated OCSP responder): where the end entity has an
    /// extendedKeyUsage extension it must list each purpose (or anyExtendedKeyUsage), and an
    /// intermediate or constraining anchor certificate that has one constrains the path the
    /// same way; [`Error::RequiredEkuMissing`] otherwise. An end entity without the
    /// extension is not restricted (RFC 5280 4.2.1.12); callers that need the extension
    /// present check [`Certificate::extended_key_usage`] on the path's end entity.
    /// Empty (the default): not checked.
    pub fn required_eku(mut self, purposes: &'a [ObjectIdentifier]) -> Self {
        self.required_eku = purposes;
        self
    }

    /// The certificate profile the path's certificates are held to; [`Profile::Section6`]
    /// (the default) applies RFC 5280 section 6 only. The profile applies to the path being
    /// validated, not to the paths of CRL signers.
    pub fn profile(mut self, profile: Profile) -> Self {
        self.profile = profile;
        self
    }

    /// Revocation checking with `mode` against `source` (for example a [`crate::CrlSet`]).
    pub fn revocation(mut self, mode: RevocationMode, source: &'a dyn RevocationSource) -> Self {
        self.revocation_mode = mode;
        self.revocation = Some(source);
        self
    }

    /// Work limits.
    pub fn budget(mut self, budget: Budget) -> Self {
        self.budget = budget;
        self
    }

    /// The same settings at another validation time (a CMS signer's path is validated at
    /// the time the caller chose for that signer).
    pub fn at(mut self, time: UnixTime) -> Self {
        self.time = time;
        self
    }

    /// The validation time.
    pub fn time(&self) -> UnixTime {
        self.time
    }

    /// The signature algorithms offered.
    pub fn algorithms(&self) -> &'a [&'static dyn SignatureVerificationAlgorithm] {
        self.algorithms
    }

    /// The revocation mode and source, if checking is on.
    pub fn revocation_source(&self) -> Option<(RevocationMode, &'a dyn RevocationSource)> {
        match (self.revocation_mode, self.revocation) {
            (RevocationMode::Off, _) | (_, None) => None,
            (mode, Some(source)) => Some((mode, source)),
        }
    }

    /// Builds and validates a path from `end_entity` through any of `intermediates` (in any
    /// order, untrusted, possibly irrelevant) to one of `anchors`.
    pub fn validate(
        &self,
        end_entity: &Certificate,
        intermediates: &[Certificate],
        anchors: &[TrustAnchor],
    ) -> Result<ValidatedPath, Error> {
        build::validate(self, end_entity, intermediates, anchors)
    }
}

/// A path that validated: certificates from the end entity up, the algorithm object that
/// verified each signature, the anchor, the validation time and the user-constrained policy
/// set. Owned, so that the layers above (CMS, the sunset judge, the JPKI store, the CLI)
/// report and judge the one validation that took place, never a second one.
#[derive(Clone, Debug)]
pub struct ValidatedPath {
    entries: Vec<PathEntry>,
    anchor: TrustAnchor,
    time: UnixTime,
    policies: Vec<ObjectIdentifier>,
}

impl ValidatedPath {
    /// One entry per certificate, end entity first, the anchor not included.
    pub fn entries(&self) -> &[PathEntry] {
        &self.entries
    }

    /// The certificates, end entity first.
    pub fn certificates(&self) -> impl Iterator<Item = &Certificate> + '_ {
        self.entries.iter().map(|e| &e.certificate)
    }

    /// The end-entity certificate.
    pub fn end_entity(&self) -> &Certificate {
        &self.entries[0].certificate
    }

    /// The trust anchor the path ends at.
    pub fn anchor(&self) -> &TrustAnchor {
        &self.anchor
    }

    /// The time the path was validated at.
    pub fn time(&self) -> UnixTime {
        self.time
    }

    /// The user-constrained policy set (RFC 5280 6.1.6): the policies for which the path is
    /// valid, within the initial policy set; contains anyPolicy when any policy is
    /// acceptable. Empty when no policy is valid and none was required.
    pub fn policies(&self) -> &[ObjectIdentifier] {
        &self.policies
    }
}

#[cfg(test)]
impl ValidatedPath {
    /// A stand-in for seams tested apart from path validation: `anchor`'s certificate as
    /// the anchor, no entries.
    pub(crate) fn without_entries(anchor: &Certificate, time: UnixTime) -> Self {
        Self {
            entries: Vec::new(),
            anchor: TrustAnchor::from_certificate(anchor.clone()),
            time,
            policies: Vec::new(),
        }
    }
}

/// One certificate of a validated path and how it was verified.
#[derive(Clone, Debug)]
pub struct PathEntry {
    certificate: Certificate,
    algorithm: &'static dyn SignatureVerificationAlgorithm,
    signer_key: PublicKeyInfo,
    revocation: RevocationOutcome,
}

impl PathEntry {
    /// The certificate.
    pub fn certificate(&self) -> &Certificate {
        &self.certificate
    }

    /// The algorithm object that verified the certificate's signature.
    pub fn algorithm(&self) -> &'static dyn SignatureVerificationAlgorithm {
        self.algorithm
    }

    /// The kind and size of the issuer's key that signed the certificate.
    pub fn signer_key(&self) -> PublicKeyInfo {
        self.signer_key
    }

    /// What revocation checking found.
    pub fn revocation(&self) -> RevocationOutcome {
        self.revocation
    }
}
