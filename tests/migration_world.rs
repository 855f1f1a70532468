//! Path validation over `vectors/migration-world/` (a JPKI-shaped PKI generated with the
//! OpenSSL command line): every chain in its manifest, then the properties the JPKI
//! migration depends on, one test each.

mod common;

use std::path::PathBuf;

use der::asn1::ObjectIdentifier;
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{
    Budget, Certificate, Crl, CrlSet, Error, NamedCurve, PathValidator, PublicKeyInfo,
    RevocationMode, RevocationOutcome, RevocationReason, TrustAnchor, UnixTime, ValidatedPath,
};

use common::Json;

/// The signing certificate policy of the migration world's cards (JPKI's real OID).
const SIGNING_POLICY: &str = "1.2.392.200149.8.5.1.1.20";

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vectors/migration-world")
}

/// A certificate by manifest path (`certs/x.pem`) or id (`x`): the DER twin is read.
fn cert(name: &str) -> Certificate {
    let id = name.trim_start_matches("certs/").trim_end_matches(".pem");
    let path = dir().join("certs").join(format!("{id}.der"));
    let der = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Certificate::from_der(&der).unwrap_or_else(|e| panic!("{id}: {e}"))
}

fn crl(name: &str) -> Crl {
    let id = name
        .trim_start_matches("crls/")
        .trim_end_matches(".crl.pem");
    let path = dir().join("crls").join(format!("{id}.crl.der"));
    let der = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Crl::from_der(&der).unwrap_or_else(|e| panic!("{id}: {e}"))
}

fn anchor(id: &str) -> TrustAnchor {
    TrustAnchor::from_certificate(cert(id))
}

const NOW: &str = "2026-06-02T00:00:00Z";
const LINK: &str = "2025-06-01T00:00:00Z";
const CROSS: &str = "2028-07-01T00:00:00Z";
const EC: &str = "2030-01-01T00:00:00Z";

fn validate<'c>(
    at: &str,
    leaf: &'c Certificate,
    intermediates: &'c [Certificate],
    anchors: &'c [TrustAnchor],
    crls: &[Crl],
) -> Result<ValidatedPath, Error> {
    let set = CrlSet::new(crls);
    let mut validator = PathValidator::with_backend(&BACKEND, common::at(at));
    if !crls.is_empty() {
        validator = validator.revocation(RevocationMode::RequireCurrent, &set);
    }
    validator.validate(leaf, intermediates, anchors)
}

/// Subjects of the path, end entity first, as ids (by serial) for readable assertions.
fn serials(path: &ValidatedPath) -> Vec<String> {
    path.certificates()
        .map(|c| c.serial().iter().map(|b| format!("{b:02X}")).collect())
        .collect()
}

/// The error each manifest chain expected to fail must give (`Error::kind`).
fn expected_error(chain: &str) -> &'static str {
    match chain {
        "revoked-leaf" | "held-leaf" | "revoked-leaf-old-crl" => "revoked",
        "stale-crl" => "crl-not-current",
        // Same DN, wrong keys: the candidates exist, their signatures fail.
        "rsa-card-wrong-generations" => "bad-signature",
        // An ECDSA certificate against the RSA gen3 root of the same DN.
        "ec-card-no-cross" => "signature-algorithm-mismatch",
        "auth-card-vs-sign-root" => "unknown-issuer",
        "gen1-leaf-no-links" => "bad-signature",
        "expired-leaf" | "links-expired-after-gen1" | "ec-card-via-cross-to-gen3-late" => {
            "cert-expired"
        }
        "notyet-leaf" => "cert-not-valid-yet",
        other => panic!("no expected error for chain {other}"),
    }
}

#[test]
fn every_manifest_chain() {
    let text = std::fs::read_to_string(dir().join("manifest.json")).unwrap();
    let manifest = Json::parse(&text).unwrap();
    let chains = manifest.get("chains").and_then(Json::as_array).unwrap();
    assert!(chains.len() >= 30);
    for chain in chains {
        let name = chain.get("name").and_then(Json::as_str).unwrap();
        let at = chain.get("at").and_then(Json::as_str).unwrap();
        let expect_valid = chain.get("expect").and_then(Json::as_str) == Some("valid");
        let leaf = cert(chain.get("target").and_then(Json::as_str).unwrap());
        let pool: Vec<Certificate> = chain
            .get("untrusted")
            .and_then(Json::strings)
            .unwrap()
            .iter()
            .map(|f| cert(f))
            .collect();
        let anchors: Vec<TrustAnchor> = chain
            .get("anchors")
            .and_then(Json::strings)
            .unwrap()
            .iter()
            .map(|f| anchor(f))
            .collect();
        let crls: Vec<Crl> = chain
            .get("crls")
            .and_then(Json::strings)
            .unwrap()
            .iter()
            .map(|f| crl(f))
            .collect();
        let result = validate(at, &leaf, &pool, &anchors, &crls);
        match (result, expect_valid) {
            (Ok(path), true) => {
                // Signing leaves assert the JPKI signing policy, which every path carries.
                if leaf.subject_alt_names().is_some() {
                    let policy = ObjectIdentifier::new(SIGNING_POLICY).unwrap();
                    assert_eq!(path.policies(), [policy], "{name}");
                }
            }
            (Err(e), false) => assert_eq!(e.kind(), expected_error(name), "{name}: {e}"),
            (Ok(_), false) => panic!("{name}: validated, expected rejection"),
            (Err(e), true) => panic!("{name}: rejected ({e}), expected valid"),
        }
    }
}

#[test]
fn rsa_card_chains_to_each_root_generation() {
    for (leaf, root, at) in [
        ("sign-leaf-gen1", "sign-root-gen1-rsa", LINK),
        ("sign-leaf-gen2", "sign-root-gen2-rsa", NOW),
        ("sign-leaf-rsa-card", "sign-root-gen3-rsa", NOW),
        ("auth-leaf-rsa-card", "auth-root-gen3-rsa", NOW),
    ] {
        let leaf = cert(leaf);
        // All signing generations and the EC root trusted at once, same DN: the issuer is
        // chosen by key, never by name.
        let anchors: Vec<TrustAnchor> = [
            "sign-root-gen1-rsa",
            "sign-root-gen2-rsa",
            "sign-root-gen3-rsa",
            "sign-root-ec1-p384",
            root,
        ]
        .iter()
        .map(|id| anchor(id))
        .collect();
        let path = validate(at, &leaf, &[], &anchors, &[]).unwrap();
        assert_eq!(path.anchor().certificate(), Some(&cert(root)));
        let entry = &path.entries()[0];
        assert_eq!(entry.algorithm().name(), "rsa-pkcs1-sha256");
        assert_eq!(
            entry.signer_key(),
            PublicKeyInfo::Rsa { modulus_bits: 2048 }
        );
    }
}

#[test]
fn ec_card_chains_to_the_ec_root_with_crls() {
    let leaf = cert("sign-leaf-ec-card");
    let anchors = [anchor("sign-root-ec1-p384")];
    let crls = [crl("sign-ec1-20291231")];
    let path = validate(EC, &leaf, &[], &anchors, &crls).unwrap();
    let entry = &path.entries()[0];
    assert_eq!(entry.algorithm().name(), "ecdsa-p384-sha384");
    assert_eq!(
        entry.signer_key(),
        PublicKeyInfo::Ec {
            curve: NamedCurve::P384
        }
    );
    assert_eq!(entry.revocation(), RevocationOutcome::Good);
}

#[test]
fn link_certificates_in_both_directions() {
    let gen1_leaf = cert("sign-leaf-gen1");
    let rsa_card = cert("sign-leaf-rsa-card");
    // OldWithNew: a gen1 leaf up to the gen3 root through two links.
    let pool = [
        cert("sign-link-gen1-by-gen2"),
        cert("sign-link-gen2-by-gen3"),
    ];
    let anchors = [anchor("sign-root-gen3-rsa")];
    let path = validate(LINK, &gen1_leaf, &pool, &anchors, &[]).unwrap();
    assert_eq!(serials(&path), ["10000101", "5A0C21", "5A0C32"]);
    // NewWithOld: the gen3 card down to a verifier that pins only gen1.
    let pool = [
        cert("sign-link-gen3-by-gen2"),
        cert("sign-link-gen2-by-gen1"),
    ];
    let anchors = [anchor("sign-root-gen1-rsa")];
    let path = validate(LINK, &rsa_card, &pool, &anchors, &[]).unwrap();
    assert_eq!(serials(&path), ["10000301", "5A0C23", "5A0C12"]);
    // Every link and cross certificate offered at once, distractors included: building
    // must backtrack out of dead ends and loops (OpenSSL 3.0 does not).
    let pool: Vec<Certificate> = [
        "sign-link-gen2-by-gen1",
        "sign-cross-gen3-by-ec1",
        "sign-link-gen3-by-gen2",
        "sign-cross-ec1-by-gen3",
        "sign-link-gen1-by-gen2",
        "sign-link-gen2-by-gen3",
    ]
    .iter()
    .map(|id| cert(id))
    .collect();
    let anchors = [anchor("sign-root-gen3-rsa")];
    let path = validate(LINK, &gen1_leaf, &pool, &anchors, &[]).unwrap();
    assert_eq!(serials(&path), ["10000101", "5A0C21", "5A0C32"]);
}

#[test]
fn cross_certificates_in_both_directions() {
    // EC card -> cross(EC key by RSA gen3) -> RSA gen3 root.
    let ec_card = cert("sign-leaf-ec-card");
    let pool = [cert("sign-cross-ec1-by-gen3")];
    let anchors = [anchor("sign-root-gen3-rsa")];
    let path = validate(CROSS, &ec_card, &pool, &anchors, &[]).unwrap();
    let algorithms: Vec<_> = path
        .entries()
        .iter()
        .map(|e| e.algorithm().name())
        .collect();
    assert_eq!(algorithms, ["ecdsa-p384-sha384", "rsa-pkcs1-sha256"]);
    assert_eq!(
        path.entries()[1].signer_key(),
        PublicKeyInfo::Rsa { modulus_bits: 2048 }
    );

    // RSA card -> cross(RSA gen3 key by EC) -> EC root.
    let rsa_card = cert("sign-leaf-rsa-card");
    let pool = [cert("sign-cross-gen3-by-ec1")];
    let anchors = [anchor("sign-root-ec1-p384")];
    let path = validate(CROSS, &rsa_card, &pool, &anchors, &[]).unwrap();
    let algorithms: Vec<_> = path
        .entries()
        .iter()
        .map(|e| e.algorithm().name())
        .collect();
    assert_eq!(algorithms, ["rsa-pkcs1-sha256", "ecdsa-p384-sha384"]);
    assert_eq!(
        path.entries()[1].signer_key(),
        PublicKeyInfo::Ec {
            curve: NamedCurve::P384
        }
    );
}

#[test]
fn same_dn_issuer_is_found_when_the_first_candidate_key_is_wrong() {
    // Anchors given as name + key (no key identifiers to order by): gen1, gen2 and the EC
    // root come first and fail their signature checks; gen3 must still be found.
    let leaf = cert("sign-leaf-rsa-card");
    let anchors: Vec<TrustAnchor> = [
        "sign-root-gen1-rsa",
        "sign-root-gen2-rsa",
        "sign-root-ec1-p384",
        "sign-root-gen3-rsa",
    ]
    .iter()
    .map(|id| {
        let root = cert(id);
        TrustAnchor::from_subject_and_spki(root.subject().as_der(), root.spki_der()).unwrap()
    })
    .collect();
    let path = validate(NOW, &leaf, &[], &anchors, &[]).unwrap();
    assert_eq!(
        path.anchor().spki_der(),
        cert("sign-root-gen3-rsa").spki_der()
    );
    // Trying them costs signature checks: with a budget of one, only gen1 is tried.
    let one = PathValidator::with_backend(&BACKEND, common::at(NOW))
        .budget(Budget::new(1, 100, 10))
        .validate(&leaf, &[], &anchors);
    assert_eq!(one.unwrap_err(), Error::MaximumSignatureChecksExceeded);
    // The wrong generations alone: rejected for their signatures, not for lack of a name.
    let wrong = &anchors[..3];
    assert_eq!(
        validate(NOW, &leaf, &[], wrong, &[]).unwrap_err(),
        Error::BadSignature
    );
}

#[test]
fn revoked_and_held_certificates_are_rejected_with_their_reason() {
    let anchors = [anchor("sign-root-gen3-rsa")];
    let crls = [crl("sign-gen3-20260601")];
    let revoked = cert("sign-leaf-revoked-gen3");
    assert_eq!(
        validate(NOW, &revoked, &[], &anchors, &crls).unwrap_err(),
        Error::Revoked {
            index: 0,
            reason: RevocationReason::KeyCompromise
        }
    );
    let held = cert("sign-leaf-held-gen3");
    assert_eq!(
        validate(NOW, &held, &[], &anchors, &crls).unwrap_err(),
        Error::Revoked {
            index: 0,
            reason: RevocationReason::CertificateHold
        }
    );
    // Before the hold, with the CRL current then, the held leaf is fine.
    let old = [crl("sign-gen3-20260101")];
    let path = validate("2026-01-02T00:00:00Z", &held, &[], &anchors, &old).unwrap();
    assert_eq!(path.entries()[0].revocation(), RevocationOutcome::Good);
    // Validation at a time before the hold, using the later CRL: the hold (2026-03-01)
    // postdates the validation time and does not apply; the key-compromise revocation
    // always does.
    let path = validate("2026-02-01T00:00:00Z", &held, &[], &anchors, &crls);
    assert!(path.is_ok(), "{path:?}");
    // The stale CRL alone is not enough in RequireCurrent mode, but is consulted in
    // CheckAvailable mode.
    let card = cert("sign-leaf-rsa-card");
    assert_eq!(
        validate(NOW, &card, &[], &anchors, &old).unwrap_err(),
        Error::CrlNotCurrent { index: 0 }
    );
    let set = CrlSet::new(&old);
    let available = PathValidator::with_backend(&BACKEND, common::at(NOW))
        .revocation(RevocationMode::CheckAvailable, &set);
    assert!(available.validate(&card, &[], &anchors).is_ok());
    assert_eq!(
        available.validate(&revoked, &[], &anchors).unwrap_err(),
        Error::Revoked {
            index: 0,
            reason: RevocationReason::KeyCompromise
        }
    );
}

#[test]
fn times_outside_every_window_are_rejected() {
    let card = cert("sign-leaf-rsa-card");
    let anchors = [anchor("sign-root-gen3-rsa")];
    for (at, error) in [
        ("2024-04-30T23:59:59Z", Error::CertNotValidYet { index: 0 }),
        ("2029-04-30T15:00:00Z", Error::CertExpired { index: 0 }),
    ] {
        assert_eq!(
            validate(at, &card, &[], &anchors, &[]).unwrap_err(),
            error,
            "{at}"
        );
    }
    // Bounds are inclusive.
    assert!(validate("2029-04-30T14:59:59Z", &card, &[], &anchors, &[]).is_ok());
    // An anchor made from a certificate has a window too: after gen1 closed, its leaves
    // stop validating, and the error names the anchor (index = path length).
    let gen1_leaf = cert("sign-leaf-expired-gen1");
    let gen1 = [anchor("sign-root-gen1-rsa")];
    assert!(validate("2017-06-01T00:00:00Z", &gen1_leaf, &[], &gen1, &[]).is_ok());
    assert_eq!(
        validate("2025-06-01T00:00:00Z", &gen1_leaf, &[], &gen1, &[]).unwrap_err(),
        Error::CertExpired { index: 0 }
    );
    assert_eq!(
        validate("2026-06-02T00:00:00Z", &gen1_leaf, &[], &gen1, &[]).unwrap_err(),
        Error::CertExpired { index: 1 }
    );
}

#[test]
fn explicit_policy_with_the_jpki_signing_oid() {
    let policy = ObjectIdentifier::new(SIGNING_POLICY).unwrap();
    let other = ObjectIdentifier::new("1.2.392.200149.8.5.1.3.30").unwrap();
    let card = cert("sign-leaf-rsa-card");
    let pool = [
        cert("sign-link-gen3-by-gen2"),
        cert("sign-link-gen2-by-gen1"),
    ];
    let anchors = [anchor("sign-root-gen1-rsa")];
    let base =
        PathValidator::with_backend(&BACKEND, common::at(LINK)).require_explicit_policy(true);
    let path = base
        .initial_policies(std::slice::from_ref(&policy))
        .validate(&card, &pool, &anchors)
        .unwrap();
    assert_eq!(path.policies(), [policy]);
    let err = base
        .initial_policies(std::slice::from_ref(&other))
        .validate(&card, &pool, &anchors)
        .unwrap_err();
    assert_eq!(err, Error::NoValidPolicy { index: 0 });
}

/// `UnixTime` values in the manifest are RFC 3339 and must parse.
#[test]
fn manifest_times_parse() {
    let text = std::fs::read_to_string(dir().join("manifest.json")).unwrap();
    let manifest = Json::parse(&text).unwrap();
    let Some(Json::Object(times)) = manifest.get("validation_times") else {
        panic!("validation_times");
    };
    for value in times.values() {
        let text = value.as_str().unwrap();
        assert_eq!(UnixTime::parse_rfc3339(text).unwrap().to_string(), text);
    }
}
