//! Shared pieces of the fuzz targets: fixed fixtures from `vectors/` (compiled in, so a run
//! never reads files), a length-prefixed blob splitter, a lenient signature backend for
//! structure-aware runs, a small DER tree with mutations, and snippets to splice in.

use std::sync::OnceLock;

use jpki_verify::cms::{CmsVerifier, Content, SignerRequirement, ValidationTime};
use jpki_verify::rustcrypto::BACKEND_WITH_LEGACY_RSA;
use jpki_verify::{
    AlgorithmIdentifier, Backend, Budget, Certificate, Crl, CrlSet, Error, HashAlgorithm,
    PathValidator, PreparedKey, RevocationMode, SignatureScheme, SignatureVerificationAlgorithm,
    TrustAnchor, UnixTime,
};
use libfuzzer_sys::arbitrary::{Result as ArbResult, Unstructured};

pub mod der_tree;
pub mod snippets;

pub use der_tree::Node;

// ---------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------

macro_rules! mw {
    ($path:literal) => {
        include_bytes!(concat!("../../vectors/migration-world/", $path)).as_slice()
    };
}
macro_rules! cmsv {
    ($path:literal) => {
        include_bytes!(concat!("../../vectors/cms/", $path)).as_slice()
    };
}

pub const SIGN_ROOT_GEN1: &[u8] = mw!("certs/sign-root-gen1-rsa.der");
pub const SIGN_ROOT_GEN2: &[u8] = mw!("certs/sign-root-gen2-rsa.der");
pub const SIGN_ROOT_GEN3: &[u8] = mw!("certs/sign-root-gen3-rsa.der");
pub const SIGN_ROOT_EC1: &[u8] = mw!("certs/sign-root-ec1-p384.der");
pub const AUTH_ROOT_GEN3: &[u8] = mw!("certs/auth-root-gen3-rsa.der");
pub const AUTH_ROOT_EC1: &[u8] = mw!("certs/auth-root-ec1-p384.der");
pub const CMS_RSA_ROOT: &[u8] = cmsv!("certs/rsa-root.der");
pub const CMS_P256_ROOT: &[u8] = cmsv!("certs/p256-root.der");

/// Every root the targets trust.
pub const ROOTS: &[&[u8]] = &[
    SIGN_ROOT_GEN1,
    SIGN_ROOT_GEN2,
    SIGN_ROOT_GEN3,
    SIGN_ROOT_EC1,
    AUTH_ROOT_GEN3,
    AUTH_ROOT_EC1,
    CMS_RSA_ROOT,
    CMS_P256_ROOT,
];

/// Every committed migration-world CRL.
pub const CRLS: &[&[u8]] = &[
    mw!("crls/sign-gen3-20260601.crl.der"),
    mw!("crls/sign-gen3-20260101.crl.der"),
    mw!("crls/sign-gen2-20260601.crl.der"),
    mw!("crls/sign-gen1-20250531.crl.der"),
    mw!("crls/sign-ec1-20291231.crl.der"),
    mw!("crls/auth-gen3-20260601.crl.der"),
    mw!("crls/auth-ec1-20291231.crl.der"),
];

/// A valid (or deliberately revoked) migration-world chain and the time it is judged at.
pub struct Scenario {
    pub leaf: &'static [u8],
    pub intermediates: &'static [&'static [u8]],
    pub anchor: &'static [u8],
    pub crls: &'static [&'static [u8]],
    pub at: &'static str,
}

pub const SCENARIOS: &[Scenario] = &[
    Scenario {
        leaf: mw!("certs/sign-leaf-rsa-card.der"),
        intermediates: &[],
        anchor: SIGN_ROOT_GEN3,
        crls: &[mw!("crls/sign-gen3-20260601.crl.der")],
        at: "2026-06-02T00:00:00Z",
    },
    Scenario {
        leaf: mw!("certs/sign-leaf-revoked-gen3.der"),
        intermediates: &[],
        anchor: SIGN_ROOT_GEN3,
        crls: &[mw!("crls/sign-gen3-20260601.crl.der")],
        at: "2026-06-02T00:00:00Z",
    },
    Scenario {
        leaf: mw!("certs/auth-leaf-rsa-card.der"),
        intermediates: &[],
        anchor: AUTH_ROOT_GEN3,
        crls: &[mw!("crls/auth-gen3-20260601.crl.der")],
        at: "2026-06-02T00:00:00Z",
    },
    Scenario {
        leaf: mw!("certs/sign-leaf-gen1.der"),
        intermediates: &[
            mw!("certs/sign-link-gen1-by-gen2.der"),
            mw!("certs/sign-link-gen2-by-gen3.der"),
        ],
        anchor: SIGN_ROOT_GEN3,
        crls: &[mw!("crls/sign-gen1-20250531.crl.der")],
        at: "2025-06-01T00:00:00Z",
    },
    Scenario {
        leaf: mw!("certs/sign-leaf-ec-card.der"),
        intermediates: &[mw!("certs/sign-cross-ec1-by-gen3.der")],
        anchor: SIGN_ROOT_GEN3,
        crls: &[],
        at: "2028-07-01T00:00:00Z",
    },
    Scenario {
        leaf: mw!("certs/sign-leaf-ec-card.der"),
        intermediates: &[],
        anchor: SIGN_ROOT_EC1,
        crls: &[mw!("crls/sign-ec1-20291231.crl.der")],
        at: "2030-01-01T00:00:00Z",
    },
];

/// The committed CMS documents: (SignedData DER, detached content if any).
pub const CMS_DOCUMENTS: &[(&[u8], Option<&[u8]>)] = &[
    (cmsv!("signed/rsa-card-attached.der"), None),
    (cmsv!("signed/rsa-card-detached.der"), Some(CMS_CONTENT)),
    (cmsv!("signed/rsa-card-noattr.der"), None),
    (
        cmsv!("signed/rsa-card-noattr-detached.der"),
        Some(CMS_CONTENT),
    ),
    (cmsv!("signed/rsa-card-keyid.der"), None),
    (cmsv!("signed/rsa-card-unsigned-attr.der"), None),
    (cmsv!("signed/rsa-card-nocerts.der"), None),
    (cmsv!("signed/ec-card-attached.der"), None),
    (cmsv!("signed/ec-card-detached.der"), Some(CMS_CONTENT)),
    (cmsv!("signed/ec-card-keyid.der"), None),
    (cmsv!("signed/p256-attached.der"), None),
    (cmsv!("signed/rsa-pss-attached.der"), None),
    (
        cmsv!("signed/rsa-pss-sha384-detached.der"),
        Some(CMS_CONTENT),
    ),
    (cmsv!("signed/two-signers.der"), None),
    (
        cmsv!("signed/two-signers-mixed-digests.der"),
        Some(CMS_CONTENT),
    ),
    (cmsv!("signed/expired-leaf.der"), None),
    (cmsv!("signed/revoked-leaf.der"), None),
];

/// The detached content the CMS vectors sign.
pub const CMS_CONTENT: &[u8] = cmsv!("content.txt");

/// The leaf the CMS vectors without embedded certificates need.
pub const CMS_EXTRA_CERTS: &[&[u8]] = &[mw!("certs/sign-leaf-rsa-card.der")];

/// Validation times the targets choose from (every migration-world epoch).
pub const TIMES: &[&str] = &[
    "2026-06-02T00:00:00Z",
    "2025-06-01T00:00:00Z",
    "2028-07-01T00:00:00Z",
    "2030-01-01T00:00:00Z",
    "2017-06-01T00:00:00Z",
    "2026-01-02T00:00:00Z",
    "2041-01-01T00:00:00Z",
    "2034-01-01T00:00:00Z",
];

pub fn time(rfc3339: &str) -> UnixTime {
    UnixTime::parse_rfc3339(rfc3339).expect("fixed time")
}

pub fn cert(der: &[u8]) -> Certificate {
    Certificate::from_der(der).expect("committed certificate")
}

/// The trust anchors of every committed root.
pub fn anchors() -> &'static [TrustAnchor] {
    static ANCHORS: OnceLock<Vec<TrustAnchor>> = OnceLock::new();
    ANCHORS.get_or_init(|| {
        ROOTS
            .iter()
            .map(|der| TrustAnchor::from_certificate(cert(der)))
            .collect()
    })
}

/// Every committed CRL, parsed.
pub fn crls() -> &'static [Crl] {
    static PARSED: OnceLock<Vec<Crl>> = OnceLock::new();
    PARSED.get_or_init(|| {
        CRLS.iter()
            .map(|der| Crl::from_der(der).expect("committed CRL"))
            .collect()
    })
}

/// A small budget: enough for every committed chain, small enough that a hostile input
/// exhausts it in microseconds.
pub const FUZZ_BUDGET: Budget = Budget::new(24, 256, 6);

// ---------------------------------------------------------------------------------------
// Input splitting
// ---------------------------------------------------------------------------------------

/// `len: u16 BE | bytes`, or `None` when the input is too short.
pub fn split_blob(data: &[u8]) -> Option<(&[u8], &[u8])> {
    let (len, rest) = data.split_first_chunk::<2>()?;
    let len = usize::from(u16::from_be_bytes(*len));
    (rest.len() >= len).then(|| rest.split_at(len))
}

/// Every `kind: u8 | len: u16 BE | bytes` record of `data`, in order (a truncated last record
/// is dropped).
pub fn records(mut data: &[u8]) -> Vec<(u8, &[u8])> {
    let mut out = Vec::new();
    while let Some((&kind, rest)) = data.split_first() {
        let Some((blob, rest)) = split_blob(rest) else {
            break;
        };
        out.push((kind, blob));
        data = rest;
    }
    out
}

/// Builds the record encoding that [`records`] reads (for seeds and reproducers).
pub fn encode_records(items: &[(u8, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (kind, blob) in items {
        out.push(*kind);
        out.extend_from_slice(&(blob.len() as u16).to_be_bytes());
        out.extend_from_slice(blob);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Lenient backend: parses keys for real, accepts every signature
// ---------------------------------------------------------------------------------------

/// A real algorithm object whose verification always succeeds once the key has been decoded
/// and checked. Structure-aware targets use it so that a mutated certificate, CRL or
/// SignerInfo still "verifies" and the checks after the signature (RFC 5280 6.1 policy
/// processing, name constraints, revocation, CMS attributes) are reached. Never used outside
/// the fuzz targets.
#[derive(Debug)]
struct Lenient(&'static dyn SignatureVerificationAlgorithm);

impl SignatureVerificationAlgorithm for Lenient {
    fn name(&self) -> &'static str {
        self.0.name()
    }
    fn scheme(&self) -> SignatureScheme {
        self.0.scheme()
    }
    fn hash(&self) -> Option<HashAlgorithm> {
        self.0.hash()
    }
    fn public_key_alg_id(&self) -> AlgorithmIdentifier<'static> {
        self.0.public_key_alg_id()
    }
    fn signature_alg_id(&self) -> AlgorithmIdentifier<'static> {
        self.0.signature_alg_id()
    }
    fn accepts_public_key_alg(&self, alg: &AlgorithmIdentifier<'_>) -> bool {
        self.0.accepts_public_key_alg(alg)
    }
    fn accepts_signature_alg(&self, alg: &AlgorithmIdentifier<'_>) -> bool {
        self.0.accepts_signature_alg(alg)
    }
    fn prepare_key(&self, spki: &[u8]) -> Result<PreparedKey, Error> {
        self.0.prepare_key(spki)
    }
    fn verify_prepared(&self, _: &PreparedKey, _: &[u8], _: &[u8]) -> Result<(), Error> {
        Ok(())
    }
    fn verify_prepared_with_alg(
        &self,
        _: &AlgorithmIdentifier<'_>,
        _: &PreparedKey,
        _: &[u8],
        _: &[u8],
    ) -> Result<(), Error> {
        Ok(())
    }
}

/// The lenient twin of `BACKEND_WITH_LEGACY_RSA`.
pub fn lenient_backend() -> &'static Backend {
    static BACKEND: OnceLock<Backend> = OnceLock::new();
    BACKEND.get_or_init(|| {
        let algorithms: Vec<&'static dyn SignatureVerificationAlgorithm> = BACKEND_WITH_LEGACY_RSA
            .algorithms
            .iter()
            .map(|a| &*Box::leak(Box::new(Lenient(*a))) as &dyn SignatureVerificationAlgorithm)
            .collect();
        Backend {
            name: "fuzz-lenient",
            algorithms: Box::leak(algorithms.into_boxed_slice()),
        }
    })
}

/// The real backend (legacy RSA sizes included, so that every committed key is usable).
pub fn real_backend() -> &'static Backend {
    &BACKEND_WITH_LEGACY_RSA
}

// ---------------------------------------------------------------------------------------
// Exercising parsed objects
// ---------------------------------------------------------------------------------------

pub const REVOCATION_MODES: [RevocationMode; 3] = [
    RevocationMode::Off,
    RevocationMode::CheckAvailable,
    RevocationMode::RequireCurrent,
];

/// Validates `leaf` with every option combination the flags select; results are ignored
/// (a verdict or a typed error are both fine), reading the validated path fully.
#[allow(clippy::too_many_arguments)]
pub fn validate_path(
    backend: &Backend,
    leaf: &Certificate,
    intermediates: &[Certificate],
    anchors: &[TrustAnchor],
    crls: &[Crl],
    at: UnixTime,
    mode: RevocationMode,
    explicit_policy: bool,
) -> Result<(), Error> {
    let set = CrlSet::new(crls);
    let policies = [
        jpki_verify::jpki::POLICY_SIGNING,
        jpki_verify::jpki::POLICY_USER_AUTHENTICATION,
    ];
    let mut validator = PathValidator::with_backend(backend, at)
        .budget(FUZZ_BUDGET)
        .revocation(mode, &set);
    if explicit_policy {
        validator = validator
            .initial_policies(&policies)
            .require_explicit_policy(true)
            .inhibit_policy_mapping(true)
            .inhibit_any_policy(true);
    }
    let path = validator.validate(leaf, intermediates, anchors)?;
    for entry in path.entries() {
        let _ = entry.certificate().subject().to_string();
        let _ = (
            entry.algorithm().name(),
            entry.signer_key(),
            entry.revocation(),
        );
    }
    let _ = (path.policies(), path.anchor().subject().to_string());
    let _ = path.end_entity();
    Ok(())
}

/// Runs a CMS verification with fixed anchors, CRLs and the flag-selected options, and reads
/// the whole report. `flags`: bit 0 detached content through a reader rather than as bytes,
/// bits 1-2 the revocation mode, bits 3-4 the signer requirement, bits 5-7 the time.
pub fn verify_cms(backend: &Backend, signed: &[u8], content: Option<&[u8]>, flags: u8) {
    let extra: Vec<Certificate> = CMS_EXTRA_CERTS.iter().map(|d| cert(d)).collect();
    // Bits 5-7: 0 the signing time, n the fixed time n - 1.
    let at = match flags >> 5 {
        0 => ValidationTime::SigningTime,
        n => ValidationTime::At(time(TIMES[usize::from(n - 1)])),
    };
    // Bits 3-4: every signer, any signer, an RSA signer, every signer with SHA-1 allowed.
    let families = [jpki_verify::AlgorithmFamily::Rsa];
    let requirement = match (flags >> 3) & 3 {
        1 => SignerRequirement::Any,
        2 => SignerRequirement::Families(&families),
        _ => SignerRequirement::All,
    };
    let now = match at {
        ValidationTime::At(t) => t,
        _ => time(TIMES[0]),
    };
    let crl_set = CrlSet::new(crls());
    let validator = PathValidator::new(backend.algorithms, now)
        .revocation(REVOCATION_MODES[usize::from(flags >> 1 & 3) % 3], &crl_set)
        .budget(FUZZ_BUDGET);
    let verifier = CmsVerifier::new(validator, anchors())
        .time(at)
        .certificates(&extra)
        .requirement(requirement)
        .allow_sha1((flags >> 3) & 3 == 3);
    let report = match (content, flags & 1) {
        (None, _) => verifier.verify(signed, Content::Attached),
        (Some(c), 0) => verifier.verify(signed, Content::Bytes(c)),
        (Some(c), _) => verifier.verify(signed, Content::Reader(&mut std::io::Cursor::new(c))),
    };
    let _ = format!("{report:?}");
    let _ = (report.is_valid(), report.attached_content(signed));
    for signer in &report.signers {
        let _ = format!("{signer:?}");
        if let Some(e) = signer.path_error {
            let _ = (e.kind(), e.rank(), e.to_string());
        }
    }
    if let Err(e) = report.result {
        let _ = (e.kind(), e.rank(), e.to_string());
    }
}

/// Applies between one and `max` random mutations to `node` (see [`der_tree::mutate`]).
pub fn mutate_some(u: &mut Unstructured<'_>, node: &mut Node, max: u32) -> ArbResult<()> {
    let n = u.int_in_range(1..=max)?;
    for _ in 0..n {
        der_tree::mutate(u, node)?;
    }
    Ok(())
}
