//! CMS SignedData verification (RFC 5652), for documents signed by either card generation,
//! including documents carrying several signatures (for example one RSA and one ECDSA).
//!
//! ```no_run
//! use jpki_verify::cms::{CmsVerifier, Content, SignerRequirement, ValidationTime, AlgorithmFamily};
//! use jpki_verify::rustcrypto::BACKEND;
//! use jpki_verify::{Certificate, TrustAnchor, UnixTime};
//!
//! # fn main() -> Result<(), jpki_verify::Error> {
//! # let (root_der, signed_der): (Vec<u8>, Vec<u8>) = (vec![], vec![]);
//! let anchors = [TrustAnchor::from_certificate(Certificate::from_der(&root_der)?)];
//! let at = UnixTime::parse_rfc3339("2028-07-01T00:00:00Z")?;
//! let families = [AlgorithmFamily::Rsa, AlgorithmFamily::Ecdsa];
//! let report = CmsVerifier::new(&BACKEND, &anchors, ValidationTime::At(at))
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
//! subject key identifier), its keyUsage, and its certification path at the validation time.
//! The document's verdict then applies the caller's [`SignerRequirement`]. See `docs/cms.md`.
//!
//! Input is DER (BER indefinite lengths are refused) and every count is bounded before
//! anything is decoded: [`MAX_INPUT_LEN`], [`MAX_SIGNERS`], [`MAX_ATTRIBUTES`],
//! [`MAX_CERTIFICATES`], [`MAX_CRLS`], [`MAX_DIGEST_ALGORITHMS`].

mod algorithm;
mod attrs;
mod content;
mod parse;
mod signer;
mod tlv;

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::ops::Range;

use der::asn1::ObjectIdentifier;

use crate::policy::{Table, Verdict};
use crate::{
    Backend, Budget, Certificate, Crl, Error, HashAlgorithm, PublicKeyInfo, RevocationMode,
    SignatureScheme, TrustAnchor, UnixTime,
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
/// Most CRLs (revocation entries) embedded in one SignedData.
pub const MAX_CRLS: usize = 16;
/// Most entries in the SignedData's digestAlgorithms set.
pub const MAX_DIGEST_ALGORITHMS: usize = 8;

/// Object identifiers of RFC 5652.
pub mod oids {
    use der::asn1::ObjectIdentifier as Oid;

    /// id-data.
    pub const DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.1");
    /// id-signedData.
    pub const SIGNED_DATA: Oid = Oid::new_unwrap("1.2.840.113549.1.7.2");
    /// id-contentType.
    pub const CONTENT_TYPE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.3");
    /// id-messageDigest.
    pub const MESSAGE_DIGEST: Oid = Oid::new_unwrap("1.2.840.113549.1.9.4");
    /// id-signingTime.
    pub const SIGNING_TIME: Oid = Oid::new_unwrap("1.2.840.113549.1.9.5");
    /// id-countersignature.
    pub const COUNTERSIGNATURE: Oid = Oid::new_unwrap("1.2.840.113549.1.9.6");
}

/// A family of signature algorithms, for "one verified signature per family" requirements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AlgorithmFamily {
    /// RSA: PKCS#1 v1.5 (`rsaEncryption`, `sha*WithRSAEncryption`) and RSASSA-PSS.
    Rsa,
    /// ECDSA on any supported curve.
    Ecdsa,
}

impl AlgorithmFamily {
    /// `rsa` or `ecdsa`.
    pub const fn name(self) -> &'static str {
        match self {
            AlgorithmFamily::Rsa => "rsa",
            AlgorithmFamily::Ecdsa => "ecdsa",
        }
    }

    /// The family called `name` (`rsa`, `ecdsa`; ASCII case ignored).
    pub fn from_name(name: &str) -> Option<Self> {
        if name.eq_ignore_ascii_case("rsa") {
            Some(AlgorithmFamily::Rsa)
        } else if name.eq_ignore_ascii_case("ecdsa") {
            Some(AlgorithmFamily::Ecdsa)
        } else {
            None
        }
    }
}

impl fmt::Display for AlgorithmFamily {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

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
    /// document was timestamped or archived at about that time). A signer without the
    /// attribute fails with [`Error::CmsSigningTimeMissing`].
    SigningTime,
}

/// Verifies CMS SignedData: the settings, built up like [`crate::PathValidator`].
#[derive(Clone, Copy, Debug)]
pub struct CmsVerifier<'a> {
    backend: &'a Backend,
    anchors: &'a [TrustAnchor],
    certificates: &'a [Certificate],
    crls: &'a [Crl],
    revocation: RevocationMode,
    time: ValidationTime,
    requirement: SignerRequirement<'a>,
    allow_sha1: bool,
    initial_policies: &'a [ObjectIdentifier],
    require_explicit_policy: bool,
    budget: Budget,
    sunset: Option<&'a Table>,
}

impl<'a> CmsVerifier<'a> {
    /// Verification with `backend`'s algorithms, paths ending at one of `anchors`, at
    /// `time`; no extra certificates or CRLs, revocation off, every signer required, SHA-1
    /// refused, RFC 5280 policy inputs at their defaults.
    pub fn new(backend: &'a Backend, anchors: &'a [TrustAnchor], time: ValidationTime) -> Self {
        Self {
            backend,
            anchors,
            certificates: &[],
            crls: &[],
            revocation: RevocationMode::Off,
            time,
            requirement: SignerRequirement::All,
            allow_sha1: false,
            initial_policies: &[],
            require_explicit_policy: false,
            budget: Budget::DEFAULT,
            sunset: None,
        }
    }

    /// Certificates the caller supplies: candidates for the signer's certificate (tried
    /// before the embedded ones) and intermediates for its path.
    pub fn certificates(mut self, certificates: &'a [Certificate]) -> Self {
        self.certificates = certificates;
        self
    }

    /// CRLs the caller supplies; CRLs embedded in the SignedData are used as well.
    pub fn crls(mut self, crls: &'a [Crl]) -> Self {
        self.crls = crls;
        self
    }

    /// How revocation is checked (against the supplied and embedded CRLs).
    pub fn revocation(mut self, mode: RevocationMode) -> Self {
        self.revocation = mode;
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

    /// RFC 5280 user-initial-policy-set for the signer's path (empty: any policy).
    pub fn initial_policies(mut self, policies: &'a [ObjectIdentifier]) -> Self {
        self.initial_policies = policies;
        self
    }

    /// RFC 5280 initial-explicit-policy for the signer's path.
    pub fn require_explicit_policy(mut self, on: bool) -> Self {
        self.require_explicit_policy = on;
        self
    }

    /// Work limits for each signer's path validation.
    pub fn budget(mut self, budget: Budget) -> Self {
        self.budget = budget;
        self
    }

    /// Judges each fully verified signer with a sunset-policy table
    /// ([`crate::policy::Table::evaluate_document`] for the signature,
    /// [`crate::policy::Table::evaluate_chain`] for its path) at the validation time; a
    /// rejection fails the signer with [`Error::CmsAlgorithmRejected`], warnings are reported
    /// in [`SignerReport::policy`]. The signature counts as made at the signing-time
    /// attribute only when validating at the signing time (otherwise nothing proves it is
    /// older than the validation time). A table judges SHA-1 itself, so combine this with
    /// [`CmsVerifier::allow_sha1`] to let the table decide.
    pub fn sunset(mut self, table: &'a Table) -> Self {
        self.sunset = Some(table);
        self
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
    /// Name of the algorithm object that verified the signature, e.g. `rsa-pkcs1-sha256`.
    pub algorithm: Option<&'static str>,
    /// The signing-time attribute: the signer's claim, reported as found.
    pub signing_time: Option<UnixTime>,
    /// The time the certificate path was validated at.
    pub validation_time: Option<UnixTime>,
    /// `Ok` when this signer verified completely.
    pub result: Result<(), Error>,
    /// When `result` is [`Error::CmsSignerPath`]: why the path did not validate.
    pub path_error: Option<Error>,
    /// The validated path, when it validated.
    pub path: Option<PathSummary>,
    /// The sunset-policy judgement, when a table was given and the signer verified.
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
            result: Err(Error::CmsMalformed),
            path_error: None,
            path: None,
            policy: None,
        }
    }
}

/// A validated certification path, summarized.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PathSummary {
    /// The certificates, end entity first (the trust anchor not included).
    pub certificates: Vec<PathCertificate>,
    /// The trust anchor's subject.
    pub anchor: String,
}

/// One certificate of a [`PathSummary`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PathCertificate {
    /// The subject.
    pub subject: String,
    /// The algorithm object that verified this certificate's signature.
    pub algorithm: &'static str,
    /// Its scheme.
    pub scheme: SignatureScheme,
    /// Its hash.
    pub hash: HashAlgorithm,
    /// The issuer's key that signed it.
    pub signer_key: PublicKeyInfo,
    /// notBefore (when the issuer's signature was made, for sunset-policy judgements).
    pub not_before: UnixTime,
}

/// A sunset-policy judgement of one signer: its signature and its path.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PolicyReport {
    /// The table's qualified name.
    pub table: String,
    /// The worst verdict over the signature and the path's certificates.
    pub verdict: Verdict,
    /// Every judgement, one line each (creation and verification of the signature, then of
    /// each certificate's signature).
    pub findings: Vec<String>,
}
