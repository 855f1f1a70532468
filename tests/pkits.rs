//! NIST PKITS v1.0.1: every case of `../shared/vectors/pkits/pkits_tests.json` through path
//! building, RFC 5280 6.1 validation and CRL checking (RevocationMode::RequireCurrent).
//!
//! Each case's certificates are given as the trust anchor (first) and an unordered pool of
//! intermediates; the last certificate is the end entity. All the case's CRLs are offered.
//! The three DSA cases cannot pass (DSA is not implemented) and are listed below with that
//! reason; every other disagreement fails the test.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use der::asn1::ObjectIdentifier;
use jpki_verify::Backend;
use jpki_verify::{
    ANY_POLICY, Certificate, Crl, CrlSet, Error, PathValidator, RevocationMode, TrustAnchor,
};

use common::Json;

/// PKITS certificates are valid from 2010-01-01 to 2030-12-31 (the "bad date" ones aside).
const VALIDATION_TIME: &str = "2011-04-15T00:00:00Z";

/// Cases this library is known not to pass, with the reason; each is also in docs/pkits.md.
const EXPECTED_FAILURES: &[(&str, &str)] = &[
    (
        "Section1ValidDSASignaturesTest4",
        "DSA is not implemented (RSA and ECDSA only)",
    ),
    (
        "Section1ValidDSAParameterInheritanceTest5",
        "DSA is not implemented (RSA and ECDSA only)",
    ),
    (
        "Section1InvalidDSASignatureTest6",
        "DSA is not implemented: rejected, but without verifying a DSA signature",
    ),
];

struct Case {
    name: String,
    title: String,
    certs: Vec<String>,
    crls: Vec<String>,
    should_validate: bool,
    initial_policies: Option<Vec<ObjectIdentifier>>,
    explicit_policy: bool,
    inhibit_mapping: bool,
    inhibit_any: bool,
    user_constrained: Option<Vec<ObjectIdentifier>>,
}

fn policy_oid(name: &str) -> ObjectIdentifier {
    if name == "anyPolicy" {
        return ANY_POLICY;
    }
    let n = name
        .strip_prefix("NIST-test-policy-")
        .unwrap_or_else(|| panic!("unknown policy name {name}"));
    ObjectIdentifier::new(&format!("2.16.840.1.101.3.2.1.48.{n}")).unwrap()
}

fn load_cases(dir: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(dir.join("pkits_tests.json")).unwrap();
    let json = Json::parse(&text).unwrap();
    let policies =
        |v: Option<&Json>| v.map(|v| v.strings().unwrap().iter().map(|s| policy_oid(s)).collect());
    let flag = |v: Option<&Json>| v.and_then(Json::as_bool).unwrap_or(false);
    json.get("tests")
        .and_then(Json::as_array)
        .expect("a `tests` array")
        .iter()
        .map(|t| Case {
            name: t
                .get("gtest_name")
                .and_then(Json::as_str)
                .unwrap()
                .to_owned(),
            title: t.get("title").and_then(Json::as_str).unwrap().to_owned(),
            certs: t.get("certs").and_then(Json::strings).unwrap(),
            crls: t.get("crls").and_then(Json::strings).unwrap_or_default(),
            should_validate: t.get("should_validate").and_then(Json::as_bool).unwrap(),
            initial_policies: policies(t.get("initial_policy_set")),
            explicit_policy: flag(t.get("initial_explicit_policy")),
            inhibit_mapping: flag(t.get("initial_policy_mapping_inhibit")),
            inhibit_any: flag(t.get("initial_inhibit_any_policy")),
            user_constrained: policies(t.get("user_constrained_policy_set")),
        })
        .collect()
}

/// Reads and parses each file once.
struct Files {
    dir: PathBuf,
    certs: HashMap<String, Certificate>,
    crls: HashMap<String, Crl>,
}

impl Files {
    fn cert(&mut self, name: &str) -> Certificate {
        let dir = &self.dir;
        self.certs
            .entry(name.to_owned())
            .or_insert_with(|| {
                let der = std::fs::read(dir.join("certs").join(format!("{name}.crt"))).unwrap();
                Certificate::from_der(&der).unwrap_or_else(|e| panic!("{name}: {e}"))
            })
            .clone()
    }

    fn crl(&mut self, name: &str) -> Crl {
        let dir = &self.dir;
        self.crls
            .entry(name.to_owned())
            .or_insert_with(|| {
                let der = std::fs::read(dir.join("crls").join(format!("{name}.crl"))).unwrap();
                Crl::from_der(&der).unwrap_or_else(|e| panic!("{name}: {e}"))
            })
            .clone()
    }
}

fn run_case(
    backend: &Backend,
    files: &mut Files,
    case: &Case,
) -> Result<Vec<ObjectIdentifier>, Error> {
    let certs: Vec<Certificate> = case.certs.iter().map(|n| files.cert(n)).collect();
    let crls: Vec<Crl> = case.crls.iter().map(|n| files.crl(n)).collect();
    let anchors = [TrustAnchor::from_certificate(certs[0].clone())];
    let (leaf, intermediates) = certs[1..].split_last().expect("an end entity");
    let crl_set = CrlSet::new(&crls);
    let initial = case.initial_policies.clone().unwrap_or_default();
    let validator = PathValidator::with_backend(backend, common::at(VALIDATION_TIME))
        .initial_policies(&initial)
        .require_explicit_policy(case.explicit_policy)
        .inhibit_policy_mapping(case.inhibit_mapping)
        .inhibit_any_policy(case.inhibit_any)
        .revocation(RevocationMode::RequireCurrent, &crl_set);
    validator
        .validate(leaf, intermediates, &anchors)
        .map(|path| path.policies().to_vec())
}

#[test]
fn pkits_rustcrypto() {
    pkits(&jpki_verify::rustcrypto::BACKEND_WITH_LEGACY_RSA);
}

/// The same suite through the aws-lc backend: PKITS signs with 1024-bit RSA and SHA-1 or
/// SHA-256, which its legacy set covers.
#[cfg(feature = "aws-lc")]
#[test]
fn pkits_aws_lc() {
    pkits(&jpki_verify::aws_lc::BACKEND_WITH_LEGACY_RSA);
}

fn pkits(backend: &Backend) {
    let Some(shared) = common::shared::shared_dir("vectors/pkits/pkits_tests.json") else {
        return;
    };
    let dir = shared.join("vectors/pkits");
    let cases = load_cases(&dir);
    assert_eq!(cases.len(), 249, "pkits_tests.json should list 249 cases");

    let mut files = Files {
        dir,
        certs: HashMap::new(),
        crls: HashMap::new(),
    };
    let started = Instant::now();
    let (mut agreed, mut expected_failures, mut unexpected) = (0, 0, Vec::new());
    for case in &cases {
        let result = run_case(backend, &mut files, case);
        let expected_failure = EXPECTED_FAILURES.iter().find(|(n, _)| *n == case.name);
        let verdict = match (&result, case.should_validate) {
            (Ok(policies), true) => match &case.user_constrained {
                Some(want) if !want.is_empty() || !policies.is_empty() => {
                    let got: BTreeSet<_> = policies.iter().collect();
                    let want: BTreeSet<_> = want.iter().collect();
                    if got == want {
                        Ok(())
                    } else {
                        Err(format!("policy set {got:?}, expected {want:?}"))
                    }
                }
                _ => Ok(()),
            },
            (Err(e), false) => match EXPECTED_ERRORS.iter().find(|(n, _)| *n == case.name) {
                Some((_, kind)) if *kind == e.kind() => Ok(()),
                Some((_, kind)) => Err(format!("rejected with {}, expected {kind}", e.kind())),
                None if expected_failure.is_some() => Ok(()),
                None => Err(format!(
                    "rejected with {}; no expected error listed",
                    e.kind()
                )),
            },
            (Ok(_), false) => Err("validated, expected rejection".to_owned()),
            (Err(e), true) => Err(format!("rejected ({e}), expected to validate")),
        };
        match (verdict, expected_failure) {
            (Ok(()), None) => agreed += 1,
            (Err(_), Some(_)) => expected_failures += 1,
            // DSA Test6 is "invalid" and is rejected, but not by checking a DSA signature, so
            // it is not counted as agreement.
            (Ok(()), Some((_, reason))) => {
                assert!(
                    result.is_err(),
                    "{}: listed as an expected failure ({reason}) but got {result:?}",
                    case.title
                );
                expected_failures += 1;
            }
            (Err(why), None) => unexpected.push(format!("{}: {why}", case.title)),
        }
    }
    let elapsed = started.elapsed();
    println!(
        "PKITS [{}]: {} cases run, {agreed} agreed, {expected_failures} expected failures (DSA), {} unexpected, {:.2?}",
        backend.name,
        cases.len(),
        unexpected.len(),
        elapsed
    );
    for (name, reason) in EXPECTED_FAILURES {
        println!("  expected failure {name}: {reason}");
    }
    assert!(
        unexpected.is_empty(),
        "{} unexpected results:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
    assert_eq!(agreed, 246);
}

/// Why each invalid case must be rejected (`Error::kind`): agreeing on "invalid" for the
/// wrong reason would hide bugs.
#[rustfmt::skip]
const EXPECTED_ERRORS: &[(&str, &str)] = &[
    ("Section1InvalidCASignatureTest2", "malformed-signature"),
    ("Section1InvalidEESignatureTest3", "bad-signature"),
    ("Section2InvalidCAnotBeforeDateTest1", "cert-not-valid-yet"),
    ("Section2InvalidEEnotBeforeDateTest2", "cert-not-valid-yet"),
    ("Section2InvalidCAnotAfterDateTest5", "cert-expired"),
    ("Section2InvalidEEnotAfterDateTest6", "cert-expired"),
    ("Section2Invalidpre2000UTCEEnotAfterDateTest7", "cert-expired"),
    ("Section3InvalidNameChainingEETest1", "unknown-issuer"),
    ("Section3InvalidNameChainingOrderTest2", "unknown-issuer"),
    ("Section4MissingCRLTest1", "revocation-status-unknown"),
    ("Section4InvalidRevokedCATest2", "revoked"),
    ("Section4InvalidRevokedEETest3", "revoked"),
    ("Section4InvalidBadCRLSignatureTest4", "invalid-crl-signature"),
    ("Section4InvalidBadCRLIssuerNameTest5", "revocation-status-unknown"),
    ("Section4InvalidWrongCRLTest6", "revocation-status-unknown"),
    ("Section4InvalidUnknownCRLEntryExtensionTest8", "unsupported-crl-entry-critical-extension"),
    ("Section4InvalidUnknownCRLExtensionTest9", "unsupported-crl-critical-extension"),
    ("Section4InvalidUnknownCRLExtensionTest10", "unsupported-crl-critical-extension"),
    ("Section4InvalidOldCRLnextUpdateTest11", "crl-not-current"),
    ("Section4Invalidpre2000CRLnextUpdateTest12", "crl-not-current"),
    ("Section4InvalidNegativeSerialNumberTest15", "revoked"),
    ("Section4InvalidLongSerialNumberTest18", "revoked"),
    ("Section4InvalidSeparateCertificateandCRLKeysTest20", "revoked"),
    ("Section4InvalidSeparateCertificateandCRLKeysTest21", "invalid-crl-signer"),
    ("Section5InvalidBasicSelfIssuedOldWithNewTest2", "revoked"),
    ("Section5InvalidBasicSelfIssuedNewWithOldTest5", "revoked"),
    ("Section5InvalidBasicSelfIssuedCRLSigningKeyTest7", "revoked"),
    ("Section5InvalidBasicSelfIssuedCRLSigningKeyTest8", "not-ca"),
    ("Section6InvalidMissingbasicConstraintsTest1", "not-ca"),
    ("Section6InvalidcAFalseTest2", "not-ca"),
    ("Section6InvalidcAFalseTest3", "not-ca"),
    ("Section6InvalidpathLenConstraintTest5", "path-len-constraint-violated"),
    ("Section6InvalidpathLenConstraintTest6", "path-len-constraint-violated"),
    ("Section6InvalidpathLenConstraintTest9", "path-len-constraint-violated"),
    ("Section6InvalidpathLenConstraintTest10", "path-len-constraint-violated"),
    ("Section6InvalidpathLenConstraintTest11", "path-len-constraint-violated"),
    ("Section6InvalidpathLenConstraintTest12", "path-len-constraint-violated"),
    ("Section6InvalidSelfIssuedpathLenConstraintTest16", "path-len-constraint-violated"),
    ("Section7InvalidkeyUsageCriticalkeyCertSignFalseTest1", "key-cert-sign-not-allowed"),
    ("Section7InvalidkeyUsageNotCriticalkeyCertSignFalseTest2", "key-cert-sign-not-allowed"),
    ("Section7InvalidkeyUsageCriticalcRLSignFalseTest4", "crl-sign-not-allowed"),
    ("Section7InvalidkeyUsageNotCriticalcRLSignFalseTest5", "crl-sign-not-allowed"),
    ("Section8AllCertificatesSamePolicyTest1Subpart3", "no-valid-policy"),
    ("Section8AllCertificatesNoPoliciesTest2Subpart2", "no-valid-policy"),
    ("Section8DifferentPoliciesTest3Subpart2", "no-valid-policy"),
    ("Section8DifferentPoliciesTest3Subpart3", "no-valid-policy"),
    ("Section8DifferentPoliciesTest4", "no-valid-policy"),
    ("Section8DifferentPoliciesTest5", "no-valid-policy"),
    ("Section8OverlappingPoliciesTest6Subpart3", "no-valid-policy"),
    ("Section8DifferentPoliciesTest7", "no-valid-policy"),
    ("Section8DifferentPoliciesTest8", "no-valid-policy"),
    ("Section8DifferentPoliciesTest9", "no-valid-policy"),
    ("Section8DifferentPoliciesTest12", "no-valid-policy"),
    ("Section8AnyPolicyTest14Subpart2", "no-valid-policy"),
    ("Section9InvalidRequireExplicitPolicyTest3", "no-valid-policy"),
    ("Section9InvalidRequireExplicitPolicyTest5", "no-valid-policy"),
    ("Section9InvalidSelfIssuedrequireExplicitPolicyTest7", "no-valid-policy"),
    ("Section9InvalidSelfIssuedrequireExplicitPolicyTest8", "no-valid-policy"),
    ("Section10ValidPolicyMappingTest1Subpart2", "no-valid-policy"),
    ("Section10ValidPolicyMappingTest1Subpart3", "no-valid-policy"),
    ("Section10InvalidPolicyMappingTest2Subpart1", "no-valid-policy"),
    ("Section10InvalidPolicyMappingTest2Subpart2", "no-valid-policy"),
    ("Section10ValidPolicyMappingTest3Subpart1", "no-valid-policy"),
    ("Section10InvalidPolicyMappingTest4", "no-valid-policy"),
    ("Section10ValidPolicyMappingTest5Subpart2", "no-valid-policy"),
    ("Section10ValidPolicyMappingTest6Subpart2", "no-valid-policy"),
    ("Section10InvalidMappingFromanyPolicyTest7", "invalid-policy-mapping"),
    ("Section10InvalidMappingToanyPolicyTest8", "invalid-policy-mapping"),
    ("Section10InvalidPolicyMappingTest10", "no-valid-policy"),
    ("Section10ValidPolicyMappingTest13Subpart3", "no-valid-policy"),
    ("Section11InvalidinhibitPolicyMappingTest1", "no-valid-policy"),
    ("Section11InvalidinhibitPolicyMappingTest3", "no-valid-policy"),
    ("Section11InvalidinhibitPolicyMappingTest5", "no-valid-policy"),
    ("Section11InvalidinhibitPolicyMappingTest6", "no-valid-policy"),
    ("Section11InvalidSelfIssuedinhibitPolicyMappingTest8", "no-valid-policy"),
    ("Section11InvalidSelfIssuedinhibitPolicyMappingTest9", "no-valid-policy"),
    ("Section11InvalidSelfIssuedinhibitPolicyMappingTest10", "no-valid-policy"),
    ("Section11InvalidSelfIssuedinhibitPolicyMappingTest11", "no-valid-policy"),
    ("Section12InvalidinhibitAnyPolicyTest1", "no-valid-policy"),
    ("Section12inhibitAnyPolicyTest3Subpart2", "no-valid-policy"),
    ("Section12InvalidinhibitAnyPolicyTest4", "no-valid-policy"),
    ("Section12InvalidinhibitAnyPolicyTest5", "no-valid-policy"),
    ("Section12InvalidinhibitAnyPolicyTest6", "no-valid-policy"),
    ("Section12InvalidSelfIssuedinhibitAnyPolicyTest8", "no-valid-policy"),
    ("Section12InvalidSelfIssuedinhibitAnyPolicyTest10", "no-valid-policy"),
    ("Section13InvalidDNnameConstraintsTest2", "name-constraint-violation"),
    ("Section13InvalidDNnameConstraintsTest3", "name-constraint-violation"),
    ("Section13InvalidDNnameConstraintsTest7", "name-constraint-violation"),
    ("Section13InvalidDNnameConstraintsTest8", "name-constraint-violation"),
    ("Section13InvalidDNnameConstraintsTest9", "name-constraint-violation"),
    ("Section13InvalidDNnameConstraintsTest10", "name-constraint-violation"),
    ("Section13InvalidDNnameConstraintsTest12", "name-constraint-violation"),
    ("Section13InvalidDNnameConstraintsTest13", "name-constraint-violation"),
    ("Section13InvalidDNnameConstraintsTest15", "name-constraint-violation"),
    ("Section13InvalidDNnameConstraintsTest16", "name-constraint-violation"),
    ("Section13InvalidDNnameConstraintsTest17", "name-constraint-violation"),
    ("Section13InvalidSelfIssuedDNnameConstraintsTest20", "name-constraint-violation"),
    ("Section13InvalidRFC822nameConstraintsTest22", "name-constraint-violation"),
    ("Section13InvalidRFC822nameConstraintsTest24", "name-constraint-violation"),
    ("Section13InvalidRFC822nameConstraintsTest26", "name-constraint-violation"),
    ("Section13InvalidDNandRFC822nameConstraintsTest28", "name-constraint-violation"),
    ("Section13InvalidDNandRFC822nameConstraintsTest29", "name-constraint-violation"),
    ("Section13InvalidDNSnameConstraintsTest31", "name-constraint-violation"),
    ("Section13InvalidDNSnameConstraintsTest33", "name-constraint-violation"),
    ("Section13InvalidURInameConstraintsTest35", "name-constraint-violation"),
    ("Section13InvalidURInameConstraintsTest37", "name-constraint-violation"),
    ("Section13InvalidDNSnameConstraintsTest38", "name-constraint-violation"),
    ("Section14InvaliddistributionPointTest2", "revoked"),
    ("Section14InvaliddistributionPointTest3", "revocation-status-unknown"),
    ("Section14InvaliddistributionPointTest6", "revoked"),
    ("Section14InvaliddistributionPointTest8", "revocation-status-unknown"),
    ("Section14InvaliddistributionPointTest9", "revocation-status-unknown"),
    ("Section14InvalidonlyContainsUserCertsCRLTest11", "revocation-status-unknown"),
    ("Section14InvalidonlyContainsCACertsCRLTest12", "revocation-status-unknown"),
    ("Section14InvalidonlyContainsAttributeCertsTest14", "revocation-status-unknown"),
    ("Section14InvalidonlySomeReasonsTest15", "revoked"),
    ("Section14InvalidonlySomeReasonsTest16", "revoked"),
    ("Section14InvalidonlySomeReasonsTest17", "revocation-status-unknown"),
    ("Section14InvalidonlySomeReasonsTest20", "revoked"),
    ("Section14InvalidonlySomeReasonsTest21", "revoked"),
    ("Section14InvalidIDPwithindirectCRLTest23", "revoked"),
    ("Section14InvalidIDPwithindirectCRLTest26", "revocation-status-unknown"),
    ("Section14InvalidcRLIssuerTest27", "revocation-status-unknown"),
    ("Section14InvalidcRLIssuerTest31", "revoked"),
    ("Section14InvalidcRLIssuerTest32", "revoked"),
    ("Section14InvalidcRLIssuerTest34", "revoked"),
    ("Section14InvalidcRLIssuerTest35", "revocation-status-unknown"),
    ("Section15InvaliddeltaCRLIndicatorNoBaseTest1", "revocation-status-unknown"),
    ("Section15InvaliddeltaCRLTest3", "revoked"),
    ("Section15InvaliddeltaCRLTest4", "revoked"),
    ("Section15InvaliddeltaCRLTest6", "revoked"),
    ("Section15InvaliddeltaCRLTest9", "revoked"),
    ("Section15InvaliddeltaCRLTest10", "crl-not-current"),
    ("Section16InvalidUnknownCriticalCertificateExtensionTest2", "unsupported-critical-extension"),
];
