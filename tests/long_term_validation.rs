//! Long-term validation end to end (vectors/ltv, made by `openssl ocsp` and `openssl ts`): an
//! archived CAdES-T document whose embedded OCSP response is the only revocation evidence.
//! Under `RevocationMode::RequireCurrent` with no caller source, the response is asked at the
//! proven time (the token's genTime) and is fresh there; at 2036 itself it is not.

use std::path::PathBuf;

use jpki_verify::cms::{CmsReport, CmsVerifier, Content, TimeBasis, ValidationTime};
use jpki_verify::policy::{Verdict, builtin};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{
    Certificate, CrlSet, Error, PathValidator, RevocationMode, RevocationReason, TrustAnchor,
    UnixTime,
};
use serde_json::Value;

fn read(rel: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("vectors")
        .join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn at(rfc3339: &str) -> UnixTime {
    UnixTime::parse_rfc3339(rfc3339).expect("valid test time")
}

fn manifest_time(key: &str) -> UnixTime {
    let m: Value = serde_json::from_slice(&read("ltv/manifest.json")).expect("manifest.json");
    at(m[key].as_str().unwrap_or_else(|| panic!("manifest: {key}")))
}

fn anchor(rel: &str) -> TrustAnchor {
    TrustAnchor::from_certificate(Certificate::from_der(&read(rel)).expect(rel))
}

/// "Now" for the archive: the card certificate expired in 2029 and its root in 2033; the TSA
/// certificate is valid into 2040.
const NOW: &str = "2036-06-01T00:00:00Z";

/// The card's root and the TSA's root.
fn anchors() -> Vec<TrustAnchor> {
    vec![
        anchor("migration-world/certs/sign-root-gen3-rsa.der"),
        anchor("ltv/certs/tsa-root.der"),
    ]
}

/// Verifies `vectors/ltv/cades/{file}` at `time`, with revocation required and no evidence
/// but what the document carries (an empty CRL set as the caller's source).
fn verify(file: &str, time: ValidationTime, sunset: Option<&str>) -> CmsReport {
    let anchors = anchors();
    let none = CrlSet::new(&[]);
    let validator = PathValidator::with_backend(&BACKEND, at(NOW))
        .revocation(RevocationMode::RequireCurrent, &none);
    let mut verifier = CmsVerifier::new(validator, &anchors).time(time);
    if let Some(name) = sunset {
        verifier = verifier.sunset(builtin(name).expect("built-in table"));
    }
    verifier.verify(&read(&format!("ltv/cades/{file}")), Content::Attached)
}

#[test]
fn the_embedded_response_is_used_at_the_proven_time() {
    let gen_time = manifest_time("gen_time");
    // The response was made first and covers genTime.
    assert!(manifest_time("ocsp_this_update") <= gen_time);
    assert!(gen_time <= manifest_time("ocsp_next_update"));
    for file in ["rsa-t-ocsp.der", "rsa-t-cades-ocsp.der"] {
        let report = verify(file, ValidationTime::Timestamped, None);
        let signer = &report.signers[0];
        assert_eq!(report.result, Ok(()), "{file}: {:?}", signer.path_error);
        assert_eq!(signer.validation_time, Some(gen_time), "{file}");
        assert_eq!(signer.time_basis, Some(TimeBasis::Proven), "{file}");
        let path = signer.path.as_ref().expect("validated path");
        assert_eq!(path.time(), gen_time, "{file}");
        let token = signer.timestamp.as_ref().expect("token");
        assert_eq!(token.result, Ok(()), "{file}");
        assert_eq!(token.validation_time, Some(at(NOW)), "{file}");
    }
}

#[test]
fn at_2036_itself_the_same_documents_fail() {
    for file in ["rsa-t-ocsp.der", "rsa-t-cades-ocsp.der"] {
        let report = verify(file, ValidationTime::At(at(NOW)), None);
        assert_eq!(
            report.result,
            Err(Error::CmsSignerPath { signer: 0 }),
            "{file}"
        );
        assert_eq!(report.signers[0].time_basis, Some(TimeBasis::Given));
        // The gen3 root ended in 2033 (the card certificate in 2029): the path fails on
        // validity before revocation is asked.
        assert_eq!(
            report.signers[0].path_error,
            Some(Error::CertExpired { index: 1 }),
            "{file}"
        );
        // While both certificates are still valid but after the response's nextUpdate (it
        // covers one week from genTime), the response is stale.
        let later = at("2027-06-01T00:00:00Z");
        assert!(manifest_time("ocsp_next_update") < later);
        let report = verify(file, ValidationTime::At(later), None);
        assert_eq!(
            report.result,
            Err(Error::CmsSignerPath { signer: 0 }),
            "{file}"
        );
        assert_eq!(
            report.signers[0].path_error,
            Some(Error::OcspStale { index: 0 }),
            "{file}"
        );
    }
}

#[test]
fn a_revoked_status_dated_before_gen_time_fails_the_signer() {
    let report = verify("rsa-t-ocsp-revoked.der", ValidationTime::Timestamped, None);
    assert_eq!(report.result, Err(Error::CmsSignerPath { signer: 0 }));
    assert_eq!(
        report.signers[0].path_error,
        Some(Error::Revoked {
            index: 0,
            reason: RevocationReason::KeyCompromise,
        })
    );
    // The token itself is good: the proof of time stands, the certificate was revoked then.
    let token = report.signers[0].timestamp.as_ref().expect("token");
    assert_eq!(token.result, Ok(()));
}

#[test]
fn without_embedded_evidence_no_status_is_available() {
    let report = verify("rsa-t.der", ValidationTime::Timestamped, None);
    assert_eq!(report.result, Err(Error::CmsSignerPath { signer: 0 }));
    assert_eq!(
        report.signers[0].path_error,
        Some(Error::RevocationStatusUnknown { index: 0 })
    );
}

#[test]
fn in_2036_the_archive_is_judged_by_the_sunset_tables() {
    // CRYPTREC: an RSA-2048 signature made in 2026 may still be verified in 2036.
    let report = verify(
        "rsa-t-ocsp.der",
        ValidationTime::Timestamped,
        Some("cryptrec-ls0003"),
    );
    assert_eq!(report.result, Ok(()));
    let policy = report.signers[0].policy.as_ref().expect("judged");
    assert!(policy.verdict.is_accepted(), "{policy:?}");
    // NIST IR 8547: RSA at 112 bits is disallowed from 2036-01-01, also for verifying.
    let report = verify(
        "rsa-t-ocsp.der",
        ValidationTime::Timestamped,
        Some("nist-ir8547"),
    );
    assert_eq!(report.result, Err(Error::CmsAlgorithmRejected));
    let policy = report.signers[0].policy.as_ref().expect("judged");
    assert_eq!(policy.verdict, Verdict::Reject);
}
