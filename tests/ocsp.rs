//! OCSP responses (RFC 6960) made by `openssl ocsp` (vectors/ocsp): the standalone check,
//! OCSP as the only revocation source of path validation, and beside CRLs.

use std::path::PathBuf;

use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{
    CertStatus, Certificate, Crl, CrlSet, Error, FirstOfSources, MAX_OCSP_RESPONSE_LEN,
    OcspOptions, OcspReport, OcspResponder, OcspResponse, OcspResponses, PathValidator,
    RevocationMode, RevocationReason, RevocationSource, TrustAnchor, UnixTime,
};
use serde_json::Value;

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("vectors/ocsp")
        .join(name)
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn cert(name: &str) -> Certificate {
    Certificate::from_der(&read(&format!("{name}.der"))).unwrap()
}

fn response(name: &str) -> OcspResponse {
    OcspResponse::from_der(&read(&format!("{name}.der"))).unwrap()
}

fn manifest(name: &str) -> Value {
    let text = std::fs::read_to_string(path("manifest.json")).unwrap();
    let all: Value = serde_json::from_str(&text).unwrap();
    all[name].clone()
}

/// The response's thisUpdate (from the manifest) plus `secs`.
fn after(name: &str, secs: i64) -> UnixTime {
    let this = manifest(name)["this_update"].as_str().unwrap().to_owned();
    let t = UnixTime::parse_rfc3339(&this).unwrap();
    UnixTime::from_unix_seconds(t.as_unix_seconds() + secs)
}

fn nonce(name: &str) -> Vec<u8> {
    hex(manifest(name)["nonce"].as_str().unwrap())
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

const TEN_MINUTES: i64 = 600;

fn check_with(
    resp: &str,
    leaf: &str,
    at: UnixTime,
    options: &OcspOptions<'_>,
) -> Result<OcspReport, Error> {
    response(resp).check(BACKEND.algorithms, &cert(leaf), &cert("ca"), at, options)
}

fn check(resp: &str, leaf: &str) -> Result<OcspReport, Error> {
    check_with(resp, leaf, after(resp, TEN_MINUTES), &OcspOptions::new())
}

#[test]
fn ca_signed_good_sha1_and_sha256_cert_ids() {
    for name in ["good-ca", "good-ca-sha256"] {
        let report = check(name, "leaf").unwrap();
        assert_eq!(report.status, CertStatus::Good, "{name}");
        assert!(matches!(report.responder, OcspResponder::Ca), "{name}");
        assert_eq!(report.this_update, after(name, 0));
        assert_eq!(report.produced_at, after(name, 0));
        assert_eq!(report.next_update, Some(after(name, 30 * 86400)));
    }
}

#[test]
fn delegated_responder_good_with_nonce_in_both_forms() {
    for name in ["good-delegated", "good-delegated-sha256"] {
        let raw = nonce(name);
        assert_eq!(raw.len(), 16);
        // As the request carried it (16 bytes) and as the extnValue holds it (wrapped).
        let mut wrapped = vec![0x04, 0x10];
        wrapped.extend_from_slice(&raw);
        for given in [&raw, &wrapped] {
            let options = OcspOptions::new().nonce(Some(given));
            let report = check_with(name, "leaf", after(name, TEN_MINUTES), &options).unwrap();
            assert_eq!(report.status, CertStatus::Good);
            match report.responder {
                OcspResponder::Delegated {
                    certificate,
                    nocheck,
                } => {
                    assert!(nocheck);
                    assert_eq!(certificate.der(), cert("responder").der());
                }
                other => panic!("{other:?}"),
            }
        }
    }
}

#[test]
fn revoked_with_reason_and_date() {
    for name in ["revoked", "revoked-ca"] {
        let report = check(name, "revoked-leaf").unwrap();
        assert_eq!(
            report.status,
            CertStatus::Revoked {
                reason: RevocationReason::KeyCompromise,
                date: UnixTime::parse_rfc3339("2026-01-01T00:00:00Z").unwrap(),
            }
        );
    }
}

#[test]
fn unknown_status() {
    assert_eq!(
        check("unknown", "unknown-leaf").unwrap().status,
        CertStatus::Unknown
    );
}

#[test]
fn response_for_another_serial() {
    assert_eq!(
        check("other-serial", "leaf").unwrap_err(),
        Error::OcspCertIdMismatch { index: 0 }
    );
    // And the right certificate with the wrong issuer key: the CertID's key hash differs.
    let err = response("good-ca")
        .check(
            BACKEND.algorithms,
            &cert("leaf"),
            &cert("other-ca"),
            after("good-ca", 60),
            &OcspOptions::new(),
        )
        .unwrap_err();
    assert_eq!(err, Error::OcspCertIdMismatch { index: 0 });
}

#[test]
fn unauthorized_responders() {
    assert_eq!(
        check("by-responder-noeku", "leaf").unwrap_err(),
        Error::OcspUnauthorizedResponder { index: 0 }
    );
    assert_eq!(
        check("by-responder-other-ca", "leaf").unwrap_err(),
        Error::OcspUnauthorizedResponder { index: 0 }
    );
}

#[test]
fn responder_certificate_validity() {
    assert_eq!(
        check("by-responder-expired", "leaf").unwrap_err(),
        Error::OcspResponderExpired { index: 0 }
    );
    assert_eq!(
        check("by-responder-future", "leaf").unwrap_err(),
        Error::OcspResponderNotYetValid { index: 0 }
    );
}

#[test]
fn freshness_and_tolerance() {
    // nextUpdate = thisUpdate + 1 minute: fine within the 5-minute tolerance, stale after.
    let stale = |secs, options: &OcspOptions<'_>| {
        check_with("stale", "leaf", after("stale", secs), options)
    };
    assert!(stale(60 + 300, &OcspOptions::new()).is_ok());
    assert_eq!(
        stale(60 + 301, &OcspOptions::new()).unwrap_err(),
        Error::OcspStale { index: 0 }
    );
    assert_eq!(
        stale(TEN_MINUTES, &OcspOptions::new().tolerance(0)).unwrap_err(),
        Error::OcspStale { index: 0 }
    );
    // thisUpdate in the future beyond the tolerance.
    let early = |secs| {
        check_with(
            "good-ca",
            "leaf",
            after("good-ca", secs),
            &OcspOptions::new(),
        )
    };
    assert!(early(-300).is_ok());
    assert_eq!(
        early(-301).unwrap_err(),
        Error::OcspNotYetValid { index: 0 }
    );
    // Without nextUpdate: the maximum age (default 24 hours, or the caller's).
    let none = |secs, options: &OcspOptions<'_>| {
        check_with(
            "no-next-update",
            "leaf",
            after("no-next-update", secs),
            options,
        )
    };
    assert!(none(86400, &OcspOptions::new()).is_ok());
    assert_eq!(
        none(86401, &OcspOptions::new()).unwrap_err(),
        Error::OcspStale { index: 0 }
    );
    assert_eq!(
        none(3601, &OcspOptions::new().max_age(3600)).unwrap_err(),
        Error::OcspStale { index: 0 }
    );
}

#[test]
fn nonce_missing_and_mismatch() {
    let given = [7u8; 16];
    let options = OcspOptions::new().nonce(Some(&given));
    assert_eq!(
        check_with("good-ca", "leaf", after("good-ca", 60), &options).unwrap_err(),
        Error::OcspNonceMissing { index: 0 }
    );
    assert_eq!(
        check_with(
            "good-delegated",
            "leaf",
            after("good-delegated", 60),
            &options
        )
        .unwrap_err(),
        Error::OcspNonceMismatch { index: 0 }
    );
}

#[test]
fn bad_signature() {
    let mut der = read("good-delegated.der");
    // A byte of the nonce: inside tbsResponseData, and nothing else reads it.
    let raw = nonce("good-delegated");
    let at = der
        .windows(raw.len())
        .position(|w| w == raw.as_slice())
        .unwrap();
    der[at] ^= 1;
    let resp = OcspResponse::from_der(&der).unwrap();
    let err = resp
        .check(
            BACKEND.algorithms,
            &cert("leaf"),
            &cert("ca"),
            after("good-delegated", 60),
            &OcspOptions::new(),
        )
        .unwrap_err();
    assert_eq!(err, Error::OcspInvalidSignature { index: 0 });
}

#[test]
fn unsuccessful_malformed_and_too_large() {
    assert_eq!(
        OcspResponse::from_der(&read("unauthorized.der")).unwrap_err(),
        Error::OcspUnsuccessful { status: 6 }
    );
    let good = read("good-ca.der");
    assert_eq!(
        OcspResponse::from_der(&good[..good.len() - 1]).unwrap_err(),
        Error::OcspMalformed
    );
    assert_eq!(
        OcspResponse::from_der(&[0x30, 0x00]).unwrap_err(),
        Error::OcspMalformed
    );
    assert_eq!(
        OcspResponse::from_der(&vec![0u8; MAX_OCSP_RESPONSE_LEN + 1]).unwrap_err(),
        Error::OcspTooLarge
    );
    // Every truncation is refused, none panics.
    for len in 0..good.len() {
        assert!(OcspResponse::from_der(&good[..len]).is_err());
    }
}

fn anchor() -> TrustAnchor {
    TrustAnchor::from_certificate(cert("ca"))
}

fn validate(
    leaf: &str,
    mode: RevocationMode,
    source: &dyn RevocationSource,
    at: UnixTime,
) -> Result<(), Error> {
    PathValidator::with_backend(&BACKEND, at)
        .revocation(mode, source)
        .validate(&cert(leaf), &[], &[anchor()])
        .map(|_| ())
}

#[test]
fn ocsp_as_the_only_revocation_source() {
    let require = RevocationMode::RequireCurrent;
    let responses = vec![response("good-delegated"), response("revoked")];
    let at = after("good-delegated", TEN_MINUTES);
    assert_eq!(validate("leaf", require, &responses, at), Ok(()));
    assert_eq!(
        validate("revoked-leaf", require, &responses, at),
        Err(Error::Revoked {
            index: 0,
            reason: RevocationReason::KeyCompromise
        })
    );
    // No response for the certificate: unknown, refused when required.
    assert_eq!(
        validate("other-leaf", require, &responses, at),
        Err(Error::RevocationStatusUnknown { index: 0 })
    );
    // A stale response fails in Require mode and is ignored in CheckAvailable mode.
    let stale = vec![response("stale")];
    let late = after("stale", 3600);
    assert_eq!(
        validate("leaf", require, &stale, late),
        Err(Error::OcspStale { index: 0 })
    );
    assert_eq!(
        validate("leaf", RevocationMode::CheckAvailable, &stale, late),
        Ok(())
    );
    // An unauthorised responder is the reported error.
    let noeku = vec![response("by-responder-noeku")];
    assert_eq!(
        validate("leaf", require, &noeku, at),
        Err(Error::OcspUnauthorizedResponder { index: 0 })
    );
    // Options reach the source: a nonce the response lacks.
    let given = [1u8; 16];
    let ca_only = [response("good-ca")];
    let with_nonce = OcspResponses::new(&ca_only).options(OcspOptions::new().nonce(Some(&given)));
    assert_eq!(
        validate("leaf", require, &with_nonce, at),
        Err(Error::OcspNonceMissing { index: 0 })
    );
    assert_eq!(
        validate("leaf", require, &OcspResponses::new(&ca_only), at),
        Ok(())
    );
}

#[test]
fn sha256_cert_ids_in_path_validation() {
    let responses = vec![
        response("good-ca-sha256"),
        response("good-delegated-sha256"),
    ];
    let at = after("good-ca-sha256", TEN_MINUTES);
    assert_eq!(
        validate("leaf", RevocationMode::RequireCurrent, &responses, at),
        Ok(())
    );
}

#[test]
fn ocsp_beside_crls() {
    let crls = vec![Crl::from_der(&read("ca.crl")).unwrap()];
    let crl_set = CrlSet::new(&crls);
    let responses = [response("good-delegated")];
    let ocsp = OcspResponses::new(&responses);
    let sources: [&dyn RevocationSource; 2] = [&crl_set, &ocsp];
    let both = FirstOfSources::new(&sources);
    let at = after("good-delegated", TEN_MINUTES);
    let require = RevocationMode::RequireCurrent;
    assert_eq!(validate("leaf", require, &both, at), Ok(()));
    // The CRL lists the revoked leaf; OCSP has nothing for it.
    assert_eq!(
        validate("revoked-leaf", require, &both, at),
        Err(Error::Revoked {
            index: 0,
            reason: RevocationReason::KeyCompromise
        })
    );
    // A stale OCSP response beside a current CRL: the CRL's good answer wins.
    let stale_responses = [response("stale")];
    let stale = OcspResponses::new(&stale_responses);
    let sources: [&dyn RevocationSource; 2] = [&stale, &crl_set];
    assert_eq!(
        validate(
            "leaf",
            require,
            &FirstOfSources::new(&sources),
            after("stale", 3600)
        ),
        Ok(())
    );
}

mod embedded_in_cms {
    //! OCSP responses carried in a SignedData (RevocationInfoChoice other [1],
    //! id-ri-ocsp-response), spliced into `openssl cms -sign` output by vectors/ocsp/splice.py.

    use jpki_verify::cms::{CmsVerifier, Content, ValidationTime};

    use super::*;

    fn verify(file: &str, mode: RevocationMode, at: UnixTime) -> jpki_verify::cms::CmsReport {
        let anchors = [anchor()];
        let no_crls: Vec<Crl> = Vec::new();
        let validator = PathValidator::with_backend(&BACKEND, at).revocation(mode, &no_crls);
        CmsVerifier::new(validator, &anchors)
            .time(ValidationTime::At(at))
            .verify(&read(file), Content::Attached)
    }

    #[test]
    fn embedded_response_answers_required_revocation() {
        let at = after("good-delegated", TEN_MINUTES);
        let report = verify("cms-leaf-with-ocsp.der", RevocationMode::RequireCurrent, at);
        assert_eq!(report.result, Ok(()));
        assert_eq!(
            report.signers[0].path.as_ref().unwrap().entries()[0].revocation(),
            jpki_verify::RevocationOutcome::Good
        );
        assert_eq!(
            report.attached_content(&read("cms-leaf-with-ocsp.der")),
            Some(&b"OCSP evidence inside CMS\n"[..])
        );
    }

    #[test]
    fn embedded_revoked_response_fails_the_signer() {
        let at = after("revoked", TEN_MINUTES);
        let report = verify(
            "cms-revoked-with-ocsp.der",
            RevocationMode::RequireCurrent,
            at,
        );
        assert_eq!(report.result, Err(Error::CmsSignerPath { signer: 0 }));
        assert_eq!(
            report.signers[0].path_error,
            Some(Error::Revoked {
                index: 0,
                reason: RevocationReason::KeyCompromise
            })
        );
    }

    #[test]
    fn embedded_response_judged_at_the_validation_time() {
        // Thirty-one days on, past the response's nextUpdate: stale, so no current status.
        let late = after("good-delegated", 31 * 86400);
        let report = verify(
            "cms-leaf-with-ocsp.der",
            RevocationMode::RequireCurrent,
            late,
        );
        assert_eq!(
            report.signers[0].path_error,
            Some(Error::OcspStale { index: 0 })
        );
        // Revocation off: the evidence is not consulted at all.
        let report = verify("cms-leaf-with-ocsp.der", RevocationMode::Off, late);
        assert_eq!(report.result, Ok(()));
    }

    #[test]
    fn cades_revocation_values_answer_required_revocation() {
        let at = after("good-delegated", TEN_MINUTES);
        let report = verify(
            "cms-leaf-cades-ocsp.der",
            RevocationMode::RequireCurrent,
            at,
        );
        assert_eq!(report.result, Ok(()));
        let at = after("revoked", TEN_MINUTES);
        let report = verify(
            "cms-revoked-cades-ocsp.der",
            RevocationMode::RequireCurrent,
            at,
        );
        assert_eq!(
            report.signers[0].path_error,
            Some(Error::Revoked {
                index: 0,
                reason: RevocationReason::KeyCompromise
            })
        );
    }

    #[test]
    fn basic_response_parses_alone() {
        // The BasicOCSPResponse inside good-delegated.der: what revocationValues carries.
        let full = response("good-delegated");
        let der = read("good-delegated.der");
        let tbs = full.tbs_der();
        let start = der.windows(tbs.len()).position(|w| w == tbs).unwrap();
        // The BasicOCSPResponse SEQUENCE header (4 bytes: 30 82 xx xx) precedes its tbs.
        let basic = &der[start - 4..];
        let alone = OcspResponse::from_basic_der(basic).unwrap();
        assert_eq!(alone.tbs_der(), tbs);
        assert_eq!(alone.der(), basic);
        let report = alone
            .check(
                BACKEND.algorithms,
                &cert("leaf"),
                &cert("ca"),
                after("good-delegated", 60),
                &OcspOptions::new(),
            )
            .unwrap();
        assert_eq!(report.status, CertStatus::Good);
        assert_eq!(
            OcspResponse::from_basic_der(&der).unwrap_err(),
            Error::OcspMalformed
        );
    }
}
