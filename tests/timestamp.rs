//! RFC 3161 timestamp tokens (vectors/timestamp, made by `openssl ts`): standalone tokens and
//! their negative cases, each refused with its own error; CAdES-T signers validated at the
//! proven time, and judged by the sunset tables as made then.

use std::path::PathBuf;

use der::asn1::ObjectIdentifier;
use jpki_verify::cms::{CmsVerifier, Content, TimeBasis, ValidationTime};
use jpki_verify::policy::{Verdict, builtin};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::tsp::{Imprint, TimestampReport, TimestampVerifier};
use jpki_verify::{Certificate, Error, HashAlgorithm, PathValidator, TrustAnchor, UnixTime};
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vectors")
}

fn read(rel: &str) -> Vec<u8> {
    let path = dir().join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn manifest() -> Value {
    serde_json::from_slice(&read("timestamp/manifest.json")).expect("manifest.json")
}

fn at(rfc3339: &str) -> UnixTime {
    UnixTime::parse_rfc3339(rfc3339).expect("valid test time")
}

fn anchor(rel: &str) -> TrustAnchor {
    TrustAnchor::from_certificate(Certificate::from_der(&read(rel)).expect(rel))
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex"))
        .collect()
}

/// The TSA certificates are valid into 2040: 2036 is "now" for the TSA path.
const NOW: &str = "2036-06-01T00:00:00Z";
const DEFAULT_POLICY: &str = "1.3.6.1.4.1.32473.3161.1";

fn tsa_anchors() -> Vec<TrustAnchor> {
    vec![anchor("timestamp/certs/tsa-root.der")]
}

/// What the caller asks of a token besides the data.
#[derive(Clone, Copy, Default)]
struct Ask<'a> {
    nonce: Option<&'a [u8]>,
    policies: &'a [ObjectIdentifier],
}

fn verify_token(token: &str, data: &str, ask: Ask<'_>) -> TimestampReport {
    let anchors = tsa_anchors();
    TimestampVerifier::new(PathValidator::with_backend(&BACKEND, at(NOW)), &anchors)
        .nonce(ask.nonce)
        .policies(ask.policies)
        .verify(&read(token), Imprint::Data(&read(data)))
}

#[test]
fn a_good_token_proves_its_time() {
    let m = manifest();
    let nonce = hex(m["nonce"].as_str().unwrap());
    let policies = [ObjectIdentifier::new_unwrap(DEFAULT_POLICY)];
    let ask = Ask {
        nonce: Some(&nonce),
        policies: &policies,
    };
    let report = verify_token("timestamp/tokens/good.tst", "timestamp/data.txt", ask);
    assert_eq!(report.result, Ok(()), "{:?}", report.token_error);
    let gen_time = at(m["good_gen_time"].as_str().unwrap());
    assert_eq!(report.gen_time, Some(gen_time));
    // accuracy 1 s 500 ms 100 us around genTime, rounded outwards to whole seconds.
    let accuracy = report.accuracy.expect("accuracy");
    assert_eq!(
        (accuracy.seconds, accuracy.millis, accuracy.micros),
        (1, 500, 100)
    );
    let secs = |t: Option<UnixTime>| t.unwrap().as_unix_seconds();
    let g = gen_time.as_unix_seconds();
    let frac = i64::from(report.gen_time_nanos);
    let exact_latest = g * 1_000_000_000 + frac + 1_500_100_000;
    assert_eq!(
        secs(report.latest()),
        (exact_latest + 999_999_999) / 1_000_000_000
    );
    assert_eq!(
        secs(report.earliest()),
        (g * 1_000_000_000 + frac - 1_500_100_000).div_euclid(1_000_000_000)
    );
    assert_eq!(
        report.policy.map(|p| p.to_string()).as_deref(),
        Some(DEFAULT_POLICY)
    );
    assert_eq!(report.hash_algorithm, Some(HashAlgorithm::Sha256));
    assert_eq!(report.tsa_name.as_deref(), Some("O=JPKI Test, CN=Test TSA"));
    assert_eq!(
        report.tsa_subject.as_deref(),
        Some("O=JPKI Test, CN=Test TSA")
    );
    assert!(!report.ordering);
    assert_eq!(report.validation_time, Some(at(NOW)));
    let path = report.tsa_path.expect("TSA path");
    assert_eq!(path.time(), at(NOW));

    // The same token against the digest rather than the data.
    use sha2::Digest;
    let digest = sha2::Sha256::digest(read("timestamp/data.txt"));
    let anchors = tsa_anchors();
    let report = TimestampVerifier::new(PathValidator::with_backend(&BACKEND, at(NOW)), &anchors)
        .verify(&read("timestamp/tokens/good.tst"), Imprint::Digest(&digest));
    assert_eq!(report.result, Ok(()));
    // A digest of another length is no match (not a panic).
    let report = TimestampVerifier::new(PathValidator::with_backend(&BACKEND, at(NOW)), &anchors)
        .verify(
            &read("timestamp/tokens/good.tst"),
            Imprint::Digest(&digest[..20]),
        );
    assert_eq!(report.result, Err(Error::TimestampImprintMismatch));
}

#[test]
fn each_bad_token_is_refused_with_its_own_error() {
    let m = manifest();
    let nonce = hex(m["nonce"].as_str().unwrap());
    let mut wrong_nonce = nonce.clone();
    wrong_nonce[0] ^= 1;
    let default_policy = [ObjectIdentifier::new_unwrap(DEFAULT_POLICY)];
    let none = Ask::default();
    let cases = [
        (
            "good.tst",
            "other.txt",
            none,
            Error::TimestampImprintMismatch,
        ),
        (
            "bad-signature.tst",
            "data.txt",
            none,
            Error::TimestampTokenInvalid,
        ),
        ("tsa-no-eku.tst", "data.txt", none, Error::TimestampTsaEku),
        (
            "tsa-noncritical.tst",
            "data.txt",
            none,
            Error::TimestampTsaEku,
        ),
        (
            "not-tstinfo.tst",
            "data.txt",
            none,
            Error::TimestampMalformed,
        ),
        (
            "sha1-imprint.tst",
            "data.txt",
            none,
            Error::TimestampImprintMismatch,
        ),
        (
            "good.tst",
            "data.txt",
            Ask {
                nonce: Some(&wrong_nonce),
                ..none
            },
            Error::TimestampNonceMismatch,
        ),
        // Asked for a nonce, and the token has none.
        (
            "policy-other.tst",
            "data.txt",
            Ask {
                nonce: Some(&nonce),
                ..none
            },
            Error::TimestampNonceMismatch,
        ),
        (
            "policy-other.tst",
            "data.txt",
            Ask {
                policies: &default_policy,
                ..none
            },
            Error::TimestampPolicyNotAccepted,
        ),
    ];
    for (token, data, ask, expected) in cases {
        let report = verify_token(
            &format!("timestamp/tokens/{token}"),
            &format!("timestamp/{data}"),
            ask,
        );
        assert_eq!(report.result, Err(expected), "{token} over {data}");
    }
    // The token signature: the CMS error behind it is reported.
    let report = verify_token(
        "timestamp/tokens/bad-signature.tst",
        "timestamp/data.txt",
        Ask::default(),
    );
    assert_eq!(report.token_error, Some(Error::BadSignature));
    // The policy-other token is otherwise good.
    let report = verify_token(
        "timestamp/tokens/policy-other.tst",
        "timestamp/data.txt",
        Ask::default(),
    );
    assert_eq!(report.result, Ok(()));
}

#[test]
fn the_tsa_path_is_validated_now() {
    let anchors = tsa_anchors();
    let token = read("timestamp/tokens/good.tst");
    let data = read("timestamp/data.txt");
    // After the TSA certificate expired (2040), the token is no longer evidence on its own.
    let report = TimestampVerifier::new(
        PathValidator::with_backend(&BACKEND, at("2042-01-01T00:00:00Z")),
        &anchors,
    )
    .verify(&token, Imprint::Data(&data));
    assert_eq!(report.result, Err(Error::TimestampTokenInvalid));
    assert!(
        matches!(report.token_error, Some(Error::CertExpired { .. })),
        "{:?}",
        report.token_error
    );
    // Another anchor: no path.
    let other = [anchor("migration-world/certs/sign-root-gen3-rsa.der")];
    let report = TimestampVerifier::new(PathValidator::with_backend(&BACKEND, at(NOW)), &other)
        .verify(&token, Imprint::Data(&data));
    assert_eq!(report.result, Err(Error::TimestampTokenInvalid));
}

#[test]
fn a_gen_time_after_now_is_inconsistent() {
    let anchors = tsa_anchors();
    let token = read("timestamp/tokens/good.tst");
    let data = read("timestamp/data.txt");
    let gen_time = at(manifest()["good_gen_time"].as_str().unwrap());
    let tsa = Certificate::from_der(&read("timestamp/certs/tsa.der")).unwrap();
    let not_before = tsa.validity().not_before;
    assert!(
        not_before < gen_time,
        "the vectors stamp after the TSA certificate starts"
    );
    // "Now" is within the TSA certificate but before genTime: the TSA vouches for the future.
    let report =
        TimestampVerifier::new(PathValidator::with_backend(&BACKEND, not_before), &anchors)
            .verify(&token, Imprint::Data(&data));
    assert_eq!(report.result, Err(Error::TimestampTimeInconsistent));
    assert_eq!(report.token_error, None);
    // At genTime itself the token is good.
    let report = TimestampVerifier::new(PathValidator::with_backend(&BACKEND, gen_time), &anchors)
        .verify(&token, Imprint::Data(&data));
    assert_eq!(report.result, Ok(()), "{:?}", report.token_error);
}

#[test]
fn hostile_tokens_are_malformed_never_a_panic() {
    let anchors = tsa_anchors();
    let verifier = TimestampVerifier::new(PathValidator::with_backend(&BACKEND, at(NOW)), &anchors);
    let token = read("timestamp/tokens/good.tst");
    for len in [0, 1, 10, token.len() / 2, token.len() - 1] {
        let report = verifier.verify(&token[..len], Imprint::Data(b""));
        assert_eq!(
            report.result,
            Err(Error::TimestampMalformed),
            "truncated to {len}"
        );
    }
    let huge = vec![0x30; jpki_verify::tsp::MAX_TOKEN_LEN + 1];
    assert_eq!(
        verifier.verify(&huge, Imprint::Data(b"")).result,
        Err(Error::TimestampMalformed)
    );
}

// ---------------------------------------------------------------------------------------
// CAdES-T: the token over the signature value
// ---------------------------------------------------------------------------------------

/// The RSA card's signing certificate expired on 2029-04-30; the gen3 root on 2033-07-15.
const AFTER_EXPIRY: &str = "2036-06-01T00:00:00Z";

fn cades_anchors() -> Vec<TrustAnchor> {
    vec![
        anchor("migration-world/certs/sign-root-gen3-rsa.der"),
        anchor("timestamp/certs/tsa-root.der"),
    ]
}

#[test]
fn a_cades_t_signer_validates_at_the_proven_time() {
    let m = manifest();
    let anchors = cades_anchors();
    let doc = read("timestamp/cades/rsa-t.der");
    let validator = PathValidator::with_backend(&BACKEND, at(AFTER_EXPIRY));

    let report = CmsVerifier::new(validator, &anchors)
        .time(ValidationTime::Timestamped)
        .verify(&doc, Content::Attached);
    assert_eq!(
        report.result,
        Ok(()),
        "{:?}",
        report.signers[0].timestamp.as_ref().map(|t| t.token_error)
    );
    let signer = &report.signers[0];
    let gen_time = at(m["cades_gen_time"].as_str().unwrap());
    assert_eq!(signer.validation_time, Some(gen_time));
    assert_eq!(signer.time_basis, Some(TimeBasis::Proven));
    assert_eq!(signer.path.as_ref().map(|p| p.time()), Some(gen_time));
    let token = signer.timestamp.as_ref().expect("token reported");
    assert_eq!(token.result, Ok(()));
    assert_eq!(token.validation_time, Some(at(AFTER_EXPIRY)));

    // At the validator's own time the card certificate has expired; the token is still
    // verified and reported.
    let report = CmsVerifier::new(validator, &anchors).verify(&doc, Content::Attached);
    assert!(matches!(report.result, Err(Error::CmsSignerPath { .. })));
    assert_eq!(report.signers[0].time_basis, Some(TimeBasis::Given));
    assert_eq!(
        report.signers[0].timestamp.as_ref().map(|t| t.result),
        Some(Ok(()))
    );

    // Under the signing-time claim: valid, and said to rest on a claim.
    let report = CmsVerifier::new(validator, &anchors)
        .time(ValidationTime::SigningTime)
        .verify(&doc, Content::Attached);
    assert_eq!(report.result, Ok(()));
    assert_eq!(report.signers[0].time_basis, Some(TimeBasis::Claimed));
}

#[test]
fn timestamped_validation_needs_a_good_token() {
    let anchors = cades_anchors();
    let validator = PathValidator::with_backend(&BACKEND, at(AFTER_EXPIRY));
    let run = |file: &str, time| {
        CmsVerifier::new(validator, &anchors)
            .time(time)
            .verify(&read(&format!("timestamp/cades/{file}")), Content::Attached)
    };
    // No token: nothing proves when the signature was made.
    let report = run("rsa-bes.der", ValidationTime::Timestamped);
    assert_eq!(report.result, Err(Error::TimestampMissing));
    assert!(report.signers[0].timestamp.is_none());
    let report = run("rsa-bes.der", ValidationTime::SigningTime);
    assert_eq!(report.result, Ok(()));
    assert_eq!(report.signers[0].time_basis, Some(TimeBasis::Claimed));

    // A token over something else.
    let report = run("rsa-t-wrong-imprint.der", ValidationTime::Timestamped);
    assert_eq!(report.result, Err(Error::TimestampImprintMismatch));
    // ... which does not fail the signer at a given time (it is only reported).
    let report = CmsVerifier::new(validator.at(at("2027-01-01T00:00:00Z")), &anchors).verify(
        &read("timestamp/cades/rsa-t-wrong-imprint.der"),
        Content::Attached,
    );
    assert_eq!(report.result, Ok(()));
    assert_eq!(
        report.signers[0].timestamp.as_ref().map(|t| t.result),
        Some(Err(Error::TimestampImprintMismatch))
    );

    // A signing-time claim (2030) later than the proof (the token's genTime).
    let report = run("rsa-t-late-claim.der", ValidationTime::Timestamped);
    assert_eq!(report.result, Err(Error::TimestampTimeInconsistent));

    // The TSA path is validated at the validator's time: without the TSA anchor, no proof.
    let signer_only = [anchor("migration-world/certs/sign-root-gen3-rsa.der")];
    let report = CmsVerifier::new(validator, &signer_only)
        .time(ValidationTime::Timestamped)
        .verify(&read("timestamp/cades/rsa-t.der"), Content::Attached);
    assert_eq!(report.result, Err(Error::TimestampTokenInvalid));
    // A separate TSA trust configuration fixes that.
    let tsa = tsa_anchors();
    let report = CmsVerifier::new(validator, &signer_only)
        .time(ValidationTime::Timestamped)
        .timestamps(TimestampVerifier::new(validator, &tsa))
        .verify(&read("timestamp/cades/rsa-t.der"), Content::Attached);
    assert_eq!(report.result, Ok(()));
}

#[test]
fn in_2036_the_proven_time_is_judged_by_the_sunset_tables() {
    let anchors = cades_anchors();
    let doc = read("timestamp/cades/rsa-t.der");
    let validator = PathValidator::with_backend(&BACKEND, at(AFTER_EXPIRY));

    // CRYPTREC: RSA-2048 signatures made in 2026 may still be verified in 2036.
    let cryptrec = builtin("cryptrec-ls0003").expect("CRYPTREC table");
    let report = CmsVerifier::new(validator, &anchors)
        .time(ValidationTime::Timestamped)
        .sunset(cryptrec)
        .verify(&doc, Content::Attached);
    assert_eq!(report.result, Ok(()));
    let policy = report.signers[0].policy.as_ref().expect("judged");
    assert!(policy.verdict.is_accepted(), "{policy:?}");
    let gen_time = manifest()["cades_gen_time"].as_str().unwrap().to_owned();
    let gen_day = &gen_time[..10];
    let created = format!("signer 0: create RSA-2048 with SHA-256 at {gen_day}: accept");
    assert!(
        policy.findings.iter().any(|f| f.starts_with(&created)),
        "{:?}",
        policy.findings
    );

    // NIST IR 8547: RSA at 112 bits is disallowed from 2036-01-01 for verifying too.
    let nist = builtin("nist-ir8547").expect("NIST IR 8547 table");
    let report = CmsVerifier::new(validator, &anchors)
        .time(ValidationTime::Timestamped)
        .sunset(nist)
        .verify(&doc, Content::Attached);
    assert_eq!(report.result, Err(Error::CmsAlgorithmRejected));
    let policy = report.signers[0].policy.as_ref().expect("judged");
    assert_eq!(policy.verdict, Verdict::Reject);
    assert_eq!(policy.table, "nist-ir8547@2024-draft");
    let rejection = policy
        .findings
        .iter()
        .find(|f| f.contains("reject"))
        .unwrap_or_else(|| panic!("{:?}", policy.findings));
    assert!(
        rejection.starts_with("signer 0: verify RSA-2048"),
        "{rejection}"
    );
    assert!(
        rejection.contains("rule `rsa-112` (NIST IR 8547"),
        "{rejection}"
    );
    assert!(
        rejection.contains("disallowed from 2036-01-01"),
        "{rejection}"
    );
    // The signature is judged as created at the proven time, where it was acceptable.
    let created = format!("signer 0: create RSA-2048 with SHA-256 at {gen_day}: accept");
    assert!(
        policy.findings.iter().any(|f| f.starts_with(&created)),
        "{:?}",
        policy.findings
    );
}

#[test]
fn no_single_byte_flip_of_a_token_panics_or_moves_its_time() {
    // Every byte of the good token flipped in turn: never a panic; a flip that still
    // verifies (in bytes no signature covers, such as the embedded root's copy) leaves the
    // proven time and the TSA path as they were.
    let anchors = tsa_anchors();
    let verifier = TimestampVerifier::new(PathValidator::with_backend(&BACKEND, at(NOW)), &anchors);
    let token = read("timestamp/tokens/good.tst");
    let data = read("timestamp/data.txt");
    let good = verifier.verify(&token, Imprint::Data(&data));
    let mut still_valid = 0;
    for i in 0..token.len() {
        let mut bytes = token.clone();
        bytes[i] ^= 0x01;
        let report = verifier.verify(&bytes, Imprint::Data(&data));
        if report.is_valid() {
            still_valid += 1;
            assert_eq!(report.gen_time, good.gen_time, "flip at {i}");
            assert_eq!(report.gen_time_nanos, good.gen_time_nanos, "flip at {i}");
            assert_eq!(report.tsa_subject, good.tsa_subject, "flip at {i}");
        }
    }
    // Most flips break the token; a few land in bytes nothing relies on.
    assert!(
        still_valid < token.len() / 2,
        "{still_valid} of {}",
        token.len()
    );
}
