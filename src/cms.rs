//! CMS SignedData verification (RFC 5652), for documents signed by either card generation,
//! including documents carrying several signatures (for example one RSA and one ECDSA).
//!
//! ```no_run
//! use jpki_verify::cms::{CmsVerifier, Content, SignerRequirement};
//! use jpki_verify::rustcrypto::BACKEND;
//! use jpki_verify::{AlgorithmFamily, Certificate, PathValidator, TrustAnchor, UnixTime};
//!
//! # fn main() -> Result<(), jpki_verify::Error> {
//! # let (root_der, signed_der): (Vec<u8>, Vec<u8>) = (vec![], vec![]);
//! let anchors = [TrustAnchor::from_certificate(Certificate::from_der(&root_der)?)];
//! let at = UnixTime::parse_rfc3339("2028-07-01T00:00:00Z")?;
//! let families = [AlgorithmFamily::Rsa, AlgorithmFamily::Ecdsa];
//! // The path settings (time, policies, revocation, budget) are the validator's.
//! let validator = PathValidator::with_backend(&BACKEND, at);
//! let report = CmsVerifier::new(validator, &anchors)
//!     .requirement(SignerRequirement::Families(&families))
//!     .verify(&signed_der, Content::Attached);
//! for signer in &report.signers {
//!     println!("{}: {:?}", signer.index, signer.result);
//! }
//! report.result?;
//! # Ok(())
//! # }
//! ```
//!
//! What is verified, per SignerInfo (RFC 5652 5.4, 5.6): the digest and signature
//! algorithms and their consistency; with signed attributes, that content-type equals
//! eContentType and message-digest equals the content's digest, and the signature over the
//! attributes' original DER (re-tagged as SET OF); without them, the signature over the
//! content; the signer's certificate (embedded or supplied, by issuer and serial number or by
//! subject key identifier), its keyUsage, and its certification path at the validation time
//! with the caller's [`PathValidator`] (CRLs embedded in the SignedData are asked before the
//! validator's own revocation source). Each verified signer may be judged by a
//! [`SignatureJudge`] (a sunset table). The document's verdict then applies the caller's
//! [`SignerRequirement`]. See `docs/cms.md`.
//!
//! Input is DER (BER indefinite lengths are refused) and every count is bounded before
//! anything is decoded: [`MAX_INPUT_LEN`], [`MAX_SIGNERS`], [`MAX_ATTRIBUTES`],
//! [`MAX_CERTIFICATES`], [`MAX_CRLS`], [`MAX_DIGEST_ALGORITHMS`].

mod algorithm;
mod asn1;
mod attrs;
mod content;
mod evidence;
mod parse;
mod signer;
mod time;
pub mod tsp;

use alloc::string::String;
use alloc::vec::Vec;
use core::ops::Range;

use der::asn1::ObjectIdentifier;

use crate::tsp::{TimestampReport, TimestampVerifier};
pub use crate::{AlgorithmFamily, PolicyReport};
use crate::{
    Certificate, Error, HashAlgorithm, PathValidator, PublicKeyInfo, SignatureJudge, TrustAnchor,
    UnixTime, ValidatedPath,
};

pub use self::content::Content;

/// Largest SignedData accepted, in bytes (attached content included); also the most
/// detached content kept in memory when a signer without signed attributes needs it.
pub const MAX_INPUT_LEN: usize = 32 * 1024 * 1024;
/// Most SignerInfos in one SignedData.
pub const MAX_SIGNERS: usize = 16;
/// Most signed attributes, and separately most unsigned attributes, in one SignerInfo; also
/// the most values in one attribute.
pub const MAX_ATTRIBUTES: usize = 64;
/// Most certificates embedded in one SignedData.
pub const MAX_CERTIFICATES: usize = 64;
/// Most revocation entries (CRLs and OCSP responses) embedded in one SignedData, and
/// separately in one signer's revocationValues attribute.
pub const MAX_CRLS: usize = 16;
/// Most entries in the SignedData's digestAlgorithms set.
pub const MAX_DIGEST_ALGORITHMS: usize = 8;

/// Object identifiers of RFC 5652.
pub use crate::oid::cms as oids;

/// Which SignerInfos must verify for the document to be valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignerRequirement<'a> {
    /// Every SignerInfo must verify (the default). The document's error is the first
    /// failing signer's.
    All,
    /// At least one SignerInfo must verify. When none does, the document's error is the most
    /// advanced failure ([`Error::rank`]).
    Any,
    /// Each listed family must be covered by at least one verified signature; other signers
    /// may fail. An empty list means the same as [`SignerRequirement::Any`].
    Families(&'a [AlgorithmFamily]),
}

/// When the signer's certificate path is validated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValidationTime {
    /// At this instant (for example "now", or the time the document was received).
    At(UnixTime),
    /// At the time in each signer's signing-time attribute. That time is the signer's own
    /// claim, not proof: use it only where the claim is trusted (for example when the
    /// document was archived at about that time). A signer without the attribute fails with
    /// [`Error::CmsSigningTimeMissing`]. A judge then takes the claim as the creation time
    /// and the validator's time as the verification time.
    SigningTime,
    /// At the genTime of each signer's signature-time-stamp token (RFC 3161 appendix A,
    /// CAdES-T): a time-stamping authority's signed evidence that the signature value
    /// existed then. The token is verified with the [`TimestampVerifier`] (by default the
    /// validator, at its own time, and the same anchors), and a judge takes genTime as the
    /// creation time. A signer without a token fails with [`Error::TimestampMissing`], one
    /// whose token does not verify with the token's error, and one whose signing-time claim
    /// is later than the token proves with [`Error::TimestampTimeInconsistent`].
    Timestamped,
}

/// Which kind of time a signer's path was validated at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeBasis {
    /// The caller's ([`ValidationTime::At`]).
    Given,
    /// The signer's own signing-time claim ([`ValidationTime::SigningTime`]).
    Claimed,
    /// A verified timestamp token's genTime ([`ValidationTime::Timestamped`]).
    Proven,
}

impl TimeBasis {
    /// `given`, `claimed` or `proven`.
    pub const fn id(self) -> &'static str {
        match self {
            TimeBasis::Given => "given",
            TimeBasis::Claimed => "claimed",
            TimeBasis::Proven => "proven",
        }
    }
}

/// Verifies CMS SignedData: which signers must verify, and the [`PathValidator`] that
/// validates each signer's certificate path (its time, policy inputs, revocation source and
/// budget are used as they are).
#[derive(Clone, Copy)]
pub struct CmsVerifier<'a> {
    validator: PathValidator<'a>,
    anchors: &'a [TrustAnchor],
    certificates: &'a [Certificate],
    time: ValidationTime,
    requirement: SignerRequirement<'a>,
    allow_sha1: bool,
    judge: Option<&'a dyn SignatureJudge>,
    /// `None` inside a timestamp token: its own tokens are not processed (depth 1).
    timestamps: Option<TimestampVerifier<'a>>,
}

impl core::fmt::Debug for CmsVerifier<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("CmsVerifier")
            .field("time", &self.time)
            .field("requirement", &self.requirement)
            .field("allow_sha1", &self.allow_sha1)
            .finish_non_exhaustive()
    }
}

impl<'a> CmsVerifier<'a> {
    /// Verification with `validator`'s algorithms and settings, paths ending at one of
    /// `anchors`, at the validator's time; no extra certificates, every signer required,
    /// SHA-1 refused, no judge.
    pub fn new(validator: PathValidator<'a>, anchors: &'a [TrustAnchor]) -> Self {
        Self {
            validator,
            anchors,
            certificates: &[],
            time: ValidationTime::At(validator.time()),
            requirement: SignerRequirement::All,
            allow_sha1: false,
            judge: None,
            timestamps: Some(TimestampVerifier::new(validator, anchors)),
        }
    }

    /// How signature-time-stamp tokens are verified (default: with this verifier's
    /// validator, at its time, and anchors; any policy). Tokens are verified and reported
    /// ([`SignerReport::timestamp`]) whatever the [`ValidationTime`]; a token that does not
    /// verify fails its signer only under [`ValidationTime::Timestamped`]. The default
    /// applies this validator's revocation settings to the TSA's path too (the document's
    /// embedded CRLs are not asked for it); give the TSA its own validator where its
    /// revocation evidence differs.
    pub fn timestamps(mut self, verifier: TimestampVerifier<'a>) -> Self {
        self.timestamps = Some(verifier);
        self
    }

    /// No timestamp processing (inside a timestamp token).
    pub(crate) fn without_timestamps(mut self) -> Self {
        self.timestamps = None;
        self
    }

    /// When each signer's path is validated (default: the validator's time).
    pub fn time(mut self, time: ValidationTime) -> Self {
        self.time = time;
        self
    }

    /// Certificates the caller supplies: candidates for the signer's certificate (tried
    /// before the embedded ones) and intermediates for its path.
    pub fn certificates(mut self, certificates: &'a [Certificate]) -> Self {
        self.certificates = certificates;
        self
    }

    /// Which signers must verify.
    pub fn requirement(mut self, requirement: SignerRequirement<'a>) -> Self {
        self.requirement = requirement;
        self
    }

    /// Whether SHA-1 digests are acceptable (off by default). Whether they should be is a
    /// sunset-policy decision (see [`crate::policy`]); the SignerReport says which digest
    /// each signer used.
    pub fn allow_sha1(mut self, allow: bool) -> Self {
        self.allow_sha1 = allow;
        self
    }

    /// Judges each fully verified signer's signature and path (for example with a sunset
    /// table, [`crate::policy::Table`]); a [`crate::Verdict::Reject`] fails the signer
    /// with [`Error::CmsAlgorithmRejected`], and the judgement is in
    /// [`SignerReport::policy`]. The signature counts as made at its signing-time attribute
    /// only with [`ValidationTime::SigningTime`], and at its timestamp's genTime with
    /// [`ValidationTime::Timestamped`] (otherwise nothing proves it older than the
    /// validation time). A table judges SHA-1 itself, so combine this with
    /// [`CmsVerifier::allow_sha1`] to let the table decide.
    pub fn sunset(mut self, judge: &'a dyn SignatureJudge) -> Self {
        self.judge = Some(judge);
        self
    }

    /// The path validator in use.
    pub fn validator(&self) -> &PathValidator<'a> {
        &self.validator
    }

    /// Verifies a DER `ContentInfo` holding a `SignedData`. Never panics; every failure is
    /// in the report: [`CmsReport::result`] for the document, each [`SignerReport`] for its
    /// signer.
    pub fn verify(&self, signed_data: &[u8], content: Content<'_>) -> CmsReport {
        signer::verify(self, &signer::PathSeam(self), signed_data, content)
    }
}

/// The outcome of verifying one SignedData.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct CmsReport {
    /// `Ok` when the signer requirement is met; otherwise why not.
    pub result: Result<(), Error>,
    /// eContentType, once parsed.
    pub content_type: Option<ObjectIdentifier>,
    /// Whether the content was detached (eContent absent), once parsed.
    pub detached: Option<bool>,
    /// One entry per SignerInfo, in input order (empty when the document failed before
    /// signers were examined).
    pub signers: Vec<SignerReport>,
    content: Option<Range<usize>>,
}

impl CmsReport {
    /// Whether the document verified.
    pub fn is_valid(&self) -> bool {
        self.result.is_ok()
    }

    /// The attached content, sliced from the `signed_data` that was verified. Whether it may
    /// be trusted is [`CmsReport::is_valid`].
    pub fn attached_content<'s>(&self, signed_data: &'s [u8]) -> Option<&'s [u8]> {
        self.content.clone().and_then(|r| signed_data.get(r))
    }

    fn failed(error: Error) -> Self {
        Self {
            result: Err(error),
            content_type: None,
            detached: None,
            signers: Vec::new(),
            content: None,
        }
    }
}

/// How a SignerInfo names its signer (RFC 5652 5.3).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SignerId {
    /// issuerAndSerialNumber.
    IssuerAndSerialNumber {
        /// The issuer name, as `C=JP, O=JPKI, ...` in encoded order.
        issuer: String,
        /// The serial number's INTEGER content octets.
        serial: Vec<u8>,
    },
    /// subjectKeyIdentifier.
    SubjectKeyIdentifier(Vec<u8>),
}

/// The outcome for one SignerInfo.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct SignerReport {
    /// Position of the SignerInfo in the input (0-based).
    pub index: usize,
    /// The signer identifier, when the SignerInfo could be read.
    pub signer_id: Option<SignerId>,
    /// The certificate whose key verified the signature.
    pub certificate: Option<Certificate>,
    /// That certificate's subject, `C=JP, L=Tokyo, ...` in encoded order.
    pub subject: Option<String>,
    /// The key in that certificate.
    pub public_key: Option<PublicKeyInfo>,
    /// The digest algorithm, when supported.
    pub digest_algorithm: Option<HashAlgorithm>,
    /// The signature algorithm's family (from the label when it did not resolve).
    pub family: Option<AlgorithmFamily>,
    /// The algorithm object that verified the signature (its name, e.g. `rsa-pkcs1-sha256`,
    /// says which).
    pub algorithm: Option<&'static dyn crate::SignatureVerificationAlgorithm>,
    /// The signing-time attribute: the signer's claim, reported as found.
    pub signing_time: Option<UnixTime>,
    /// The time the certificate path was validated at.
    pub validation_time: Option<UnixTime>,
    /// What kind of time `validation_time` is.
    pub time_basis: Option<TimeBasis>,
    /// The signature-time-stamp token (unsigned attribute), verified, when there is one.
    pub timestamp: Option<TimestampReport>,
    /// `Ok` when this signer verified completely.
    pub result: Result<(), Error>,
    /// When `result` is [`Error::CmsSignerPath`]: why the path did not validate.
    pub path_error: Option<Error>,
    /// The validated path of the signer's certificate (with the anchor it ends at).
    pub path: Option<ValidatedPath>,
    /// The judgement, when a judge was given and the signer verified.
    pub policy: Option<PolicyReport>,
}

impl SignerReport {
    fn new(index: usize) -> Self {
        Self {
            index,
            signer_id: None,
            certificate: None,
            subject: None,
            public_key: None,
            digest_algorithm: None,
            family: None,
            algorithm: None,
            signing_time: None,
            validation_time: None,
            time_basis: None,
            timestamp: None,
            result: Err(Error::CmsMalformed),
            path_error: None,
            path: None,
            policy: None,
        }
    }
}
