//! The x509-limbo suite (an older public release, `../shared/vectors/limbo/limbo.json`): every
//! case runs through [`PathValidator`]; a result that differs from limbo's expectation fails
//! the test unless the case is on the allow-list below with its reason. An allow-listed case
//! that stops differing fails too, so the list cannot go stale. See docs/limbo.md.

mod common;

use std::collections::BTreeMap;

use der::asn1::ObjectIdentifier;
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{Budget, Certificate, Error, KeyUsage, PathValidator, Profile, TrustAnchor};
use serde_json::Value;

/// Why a case's outcome here may differ from limbo's expectation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reason {
    /// The case fails only on the TLS host name (`expected_peer_name`): matching a name
    /// against a certificate's SAN is the TLS client's job, not this path validator's.
    HostnameMatching,
    /// The case tests a CA/Browser Forum Baseline Requirements or webpki rule that RFC 5280
    /// does not make (for example a SAN required in every leaf, EKU required in a CA); JPKI
    /// certificates are not Web PKI certificates.
    CabfOnly,
    /// The case is about the content of authorityInfoAccess, which this crate neither
    /// fetches from nor parses (it is not in the path validation algorithm).
    AuthorityInfoAccessNotProcessed,
    /// limbo's `max_chain_depth` counts logical intermediates (self-issued ones excluded);
    /// [`Budget::max_path_len`] is a work bound and counts every certificate.
    ChainDepthCountsSelfIssued,
}

/// The cases whose outcome here differs from limbo's, each with its reason.
const ALLOWED: &[(&str, Reason)] = &[
    (
        "pathlen::max-chain-depth-1-self-issued",
        Reason::ChainDepthCountsSelfIssued,
    ),
    // Root AKI contents (CABF BR 7.1.2.1.3).
    (
        "webpki::aki::root-with-aki-missing-keyidentifier",
        Reason::CabfOnly,
    ),
    (
        "webpki::aki::root-with-aki-authoritycertissuer",
        Reason::CabfOnly,
    ),
    (
        "webpki::aki::root-with-aki-authoritycertserialnumber",
        Reason::CabfOnly,
    ),
    ("webpki::aki::root-with-aki-all-fields", Reason::CabfOnly),
    ("webpki::aki::root-with-aki-ski-mismatch", Reason::CabfOnly),
    // EKU presence and criticality (CABF BR 7.1.2.7.6, 7.1.2.7.10, 7.1.2.1.2).
    ("webpki::eku::ee-anyeku", Reason::CabfOnly),
    ("webpki::eku::ee-critical-eku", Reason::CabfOnly),
    ("webpki::eku::ee-without-eku", Reason::CabfOnly),
    ("webpki::eku::root-has-eku", Reason::CabfOnly),
    // CABF accepts a non-critical nameConstraints; RFC 5280 4.2.1.10 (Profile::Strict) does
    // not, and limbo's rfc5280::nc::permitted-dns-match-noncritical agrees with us.
    (
        "webpki::nc::permitted-dns-match-noncritical",
        Reason::CabfOnly,
    ),
    ("webpki::san::mismatch-domain-san", Reason::HostnameMatching),
    (
        "webpki::san::mismatch-subdomain-san",
        Reason::HostnameMatching,
    ),
    (
        "webpki::san::mismatch-subdomain-apex-san",
        Reason::HostnameMatching,
    ),
    (
        "webpki::san::mismatch-apex-subdomain-san",
        Reason::HostnameMatching,
    ),
    (
        "webpki::san::public-suffix-wildcard-san",
        Reason::HostnameMatching,
    ),
    (
        "webpki::san::wildcard-embedded-leftmost-san",
        Reason::HostnameMatching,
    ),
    (
        "webpki::san::wildcard-not-in-leftmost-san",
        Reason::HostnameMatching,
    ),
    (
        "webpki::san::wildcard-match-across-labels-san",
        Reason::HostnameMatching,
    ),
    (
        "webpki::san::wildcard-embedded-ulabel-san",
        Reason::HostnameMatching,
    ),
    // A SAN is required to match a host name (the subject CN is not used for that).
    ("webpki::san::no-san", Reason::HostnameMatching),
    (
        "webpki::san::san-critical-with-nonempty-subject",
        Reason::CabfOnly,
    ),
    (
        "webpki::malformed-aia",
        Reason::AuthorityInfoAccessNotProcessed,
    ),
    // The leaf's own key is not used by path validation; CABF restricts its algorithm.
    ("webpki::forbidden-p192-spki-leaf", Reason::CabfOnly),
    ("webpki::forbidden-dsa-spki-leaf", Reason::CabfOnly),
    (
        "webpki::forbidden-signature-algorithm-in-leaf",
        Reason::CabfOnly,
    ),
    ("webpki::ee-basicconstraints-ca", Reason::CabfOnly),
];

/// The validation time of cases that give none (their certificates are valid 1970-2969).
const DEFAULT_TIME: &str = "2025-01-01T00:00:00Z";

fn pem_certificate(pem: &str) -> Result<Certificate, String> {
    let (_, der) = pem_rfc7468::decode_vec(pem.as_bytes()).map_err(|e| format!("PEM: {e}"))?;
    Certificate::from_der(&der).map_err(|e| format!("certificate: {e}"))
}

fn eku_oid(name: &str) -> ObjectIdentifier {
    let arc = match name {
        "serverAuth" => 1,
        "clientAuth" => 2,
        "codeSigning" => 3,
        "emailProtection" => 4,
        "timeStamping" => 8,
        "OCSPSigning" => 9,
        other => panic!("unknown limbo EKU name {other}"),
    };
    ObjectIdentifier::new(&format!("1.3.6.1.5.5.7.3.{arc}")).unwrap()
}

fn key_usage_bit(name: &str) -> u16 {
    match name {
        "digitalSignature" => KeyUsage::DIGITAL_SIGNATURE,
        "keyCertSign" => KeyUsage::KEY_CERT_SIGN,
        "cRLSign" => KeyUsage::CRL_SIGN,
        other => panic!("unknown limbo key usage {other}"),
    }
}

/// Runs one case: `Ok(())` when the chain is accepted, the reason otherwise.
fn run(case: &Value) -> Result<(), String> {
    let anchors = case["trusted_certs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| pem_certificate(p.as_str().unwrap()).map(TrustAnchor::from_certificate))
        .collect::<Result<Vec<_>, _>>()?;
    let intermediates = case["untrusted_intermediates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| pem_certificate(p.as_str().unwrap()))
        .collect::<Result<Vec<_>, _>>()?;
    let leaf = pem_certificate(case["peer_certificate"].as_str().unwrap())?;
    let time = match case["validation_time"].as_str() {
        Some(t) => common::at(&t.replace("+00:00", "Z")),
        None => common::at(DEFAULT_TIME),
    };
    let ekus: Vec<ObjectIdentifier> = case["extended_key_usage"]
        .as_array()
        .map(|a| a.iter().map(|n| eku_oid(n.as_str().unwrap())).collect())
        .unwrap_or_default();
    // limbo's RFC 5280 cases hold certificates to the issuer rules of sections 4.1 and 4.2.
    let mut validator = PathValidator::with_backend(&BACKEND, time)
        .required_eku(&ekus)
        .profile(Profile::Strict);
    if let Some(depth) = case["max_chain_depth"].as_u64() {
        // Intermediates plus the leaf; the anchor is not counted.
        let max_path_len = u8::try_from(depth + 1).unwrap_or(u8::MAX);
        validator = validator.budget(Budget::new(
            Budget::DEFAULT.signature_checks,
            Budget::DEFAULT.build_steps,
            max_path_len,
        ));
    }
    validator
        .validate(&leaf, &intermediates, &anchors)
        .map_err(|e: Error| format!("{} ({e})", e.kind()))?;
    // limbo's key_usage: bits the leaf's keyUsage must assert when it has the extension.
    if let (Some(names), Some(usage)) = (case["key_usage"].as_array(), leaf.key_usage()) {
        for name in names {
            let name = name.as_str().unwrap();
            if !usage.allows(key_usage_bit(name)) {
                return Err(format!("leaf keyUsage lacks {name}"));
            }
        }
    }
    Ok(())
}

#[test]
fn limbo_cases_match_their_expected_results_or_are_allowed() {
    let Some(shared) = common::shared::shared_dir("vectors/limbo/limbo.json") else {
        return;
    };
    let text = std::fs::read_to_string(shared.join("vectors/limbo/limbo.json")).unwrap();
    let suite: Value = serde_json::from_str(&text).unwrap();
    let cases = suite["testcases"].as_array().unwrap();
    assert_eq!(cases.len(), 135, "the bundled release has 135 cases");

    let allowed: BTreeMap<&str, Reason> = ALLOWED.iter().copied().collect();
    assert_eq!(allowed.len(), ALLOWED.len(), "an id is listed twice");
    let mut unexpected = Vec::new();
    let mut stale = Vec::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for case in cases {
        let id = case["id"].as_str().unwrap();
        let expect_success = case["expected_result"] == "SUCCESS";
        let outcome = run(case);
        let agrees = outcome.is_ok() == expect_success;
        let verdict = match (agrees, allowed.get(id)) {
            (true, None) => "agree".to_string(),
            (true, Some(reason)) => {
                stale.push(format!("{id} (listed as {reason:?}) now agrees"));
                "stale".to_string()
            }
            (false, Some(reason)) => format!("allowed: {reason:?}"),
            (false, None) => {
                unexpected.push(format!(
                    "{id}: expected {}, got {:?}",
                    case["expected_result"], outcome
                ));
                "unexpected".to_string()
            }
        };
        *counts.entry(verdict).or_default() += 1;
    }
    for id in allowed.keys() {
        assert!(
            cases.iter().any(|c| c["id"] == *id),
            "allow-listed {id} is not in the suite"
        );
    }
    eprintln!("limbo: {counts:?}");
    assert!(
        unexpected.is_empty() && stale.is_empty(),
        "{} unexpected, {} stale:\n{}\n{}",
        unexpected.len(),
        stale.len(),
        unexpected.join("\n"),
        stale.join("\n")
    );
}
