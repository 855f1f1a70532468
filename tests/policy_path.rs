//! The sunset tables judging validated paths (the hook between `PathValidator` and
//! `policy::Table`), on the migration-world vectors.

use std::path::PathBuf;

use jpki_verify::policy::{CRYPTREC_LS0003, NIST_IR8547_DRAFT, Use, Verdict};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{Certificate, PathValidator, TrustAnchor, UnixTime};

fn cert(name: &str) -> Certificate {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("vectors/migration-world/certs")
        .join(format!("{name}.der"));
    Certificate::from_der(&std::fs::read(&path).unwrap()).unwrap()
}

fn at(text: &str) -> UnixTime {
    UnixTime::parse_rfc3339(text).unwrap()
}

#[test]
fn each_signature_is_judged_at_issuance_and_at_validation() {
    let anchors = [TrustAnchor::from_certificate(cert("sign-root-gen3-rsa"))];
    let leaf = cert("sign-leaf-rsa-card");
    let time = at("2026-06-02T00:00:00Z");
    let path = PathValidator::with_backend(&BACKEND, time)
        .validate(&leaf, &[], &anchors)
        .unwrap();
    let assessment = CRYPTREC_LS0003.evaluate_path(&path, time);
    assert_eq!(assessment.verdict, Verdict::Accept);
    // One certificate in the path: a creation finding at its notBefore, a verification one now.
    assert_eq!(assessment.findings.len(), 2);
    assert_eq!(assessment.findings[0].decision.usage, Use::Create);
    assert_eq!(assessment.findings[0].decision.at.to_string(), "2024-05-01");
    assert_eq!(assessment.findings[1].decision.usage, Use::Verify);
    assert_eq!(assessment.findings[1].decision.at.to_string(), "2026-06-02");
}

#[test]
fn ec_card_crosses_the_nist_2035_line_but_not_cryptrec() {
    let anchors = [TrustAnchor::from_certificate(cert("sign-root-ec1-p384"))];
    let leaf = cert("sign-leaf-ec-card");
    let time = at("2036-01-01T00:00:00Z");
    let path = PathValidator::with_backend(&BACKEND, time)
        .validate(&leaf, &[], &anchors)
        .unwrap();
    let nist = NIST_IR8547_DRAFT.evaluate_path(&path, time);
    assert_eq!(nist.verdict, Verdict::Reject);
    assert!(nist.rejections().any(|f| f.decision.usage == Use::Verify));
    // Issued in 2028, the certificate's own creation was still acceptable.
    assert!(!nist.rejections().any(|f| f.decision.usage == Use::Create));
    assert_eq!(
        CRYPTREC_LS0003.evaluate_path(&path, time).verdict,
        Verdict::Accept
    );
}
