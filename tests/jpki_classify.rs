//! JPKI classification, profile findings and the trust store: the real J-LIS roots from
//! ../shared, every certificate of vectors/migration-world (driven by its manifest), and
//! deliberately wrong certificates.

mod common;

use std::path::PathBuf;

use jpki_verify::jpki::{
    AnchorOrigin, Basis, CardGeneration, EraMapping, JpkiKind, JpkiPurpose, JpkiTrustStore,
    ProfileChecks, ProfileFinding, SubjectForm, TrustStoreError, check_profile, classify,
    jlis_ca_name, substitute_positions,
};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{Certificate, CrlSet, Error, KeyUsage, PathValidator, RevocationMode};

use common::Json;
use common::builder::{self, Spec};

fn world() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vectors/migration-world")
}

fn manifest() -> Json {
    let text = std::fs::read_to_string(world().join("manifest.json")).unwrap();
    Json::parse(&text).unwrap()
}

fn cert(id: &str) -> Certificate {
    let path = world().join("certs").join(format!("{id}.der"));
    let der = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Certificate::from_der(&der).unwrap_or_else(|e| panic!("{id}: {e}"))
}

fn purpose_of(manifest_purpose: &str) -> JpkiPurpose {
    match manifest_purpose {
        "signing" => JpkiPurpose::Signing,
        "auth" => JpkiPurpose::UserAuthentication,
        other => panic!("unknown purpose {other}"),
    }
}

fn real_root(file: &str) -> Option<Certificate> {
    let shared = common::shared::shared_dir("reference/jpki-roots")?;
    let pem = std::fs::read_to_string(shared.join("reference/jpki-roots").join(file)).unwrap();
    let (_, der) = pem_rfc7468::decode_vec(pem.as_bytes()).unwrap();
    Some(Certificate::from_der(&der).unwrap())
}

const REAL_ROOTS: [(&str, JpkiPurpose, u8); 4] = [
    ("sign-ca-gen1-2015.pem", JpkiPurpose::Signing, 1),
    ("sign-ca-gen3-2023.pem", JpkiPurpose::Signing, 3),
    ("auth-ca-gen1-2015.pem", JpkiPurpose::UserAuthentication, 1),
    ("auth-ca-gen3-2023.pem", JpkiPurpose::UserAuthentication, 3),
];

#[test]
fn real_jlis_roots_are_pinned_roots_that_conform() {
    for (file, purpose, generation) in REAL_ROOTS {
        let Some(root) = real_root(file) else {
            return;
        };
        let c = classify(&root, ProfileChecks::ALL);
        let JpkiKind::PinnedRoot(pin) = c.kind else {
            panic!("{file}: {:?}", c.kind);
        };
        assert_eq!(
            (pin.purpose, pin.generation),
            (purpose, generation),
            "{file}"
        );
        assert_eq!(c.basis, Basis::Pin);
        assert_eq!(c.kind.purpose(), Some(purpose));
        assert_eq!(c.card_generation, Some(CardGeneration::Rsa2048));
        assert!(c.findings.is_empty(), "{file}: {:?}", c.findings);
        assert!(c.basic_four.is_none());
        assert_eq!(
            c.kind.to_string(),
            format!(
                "J-LIS {} root, generation {generation} (pinned)",
                purpose.name()
            )
        );
        // Their subject is the J-LIS CA name of their purpose, and not the other one.
        assert!(root.subject().matches(&jlis_ca_name(purpose).name()));
        let other = match purpose {
            JpkiPurpose::Signing => JpkiPurpose::UserAuthentication,
            JpkiPurpose::UserAuthentication => JpkiPurpose::Signing,
        };
        assert!(!root.subject().matches(&jlis_ca_name(other).name()));
    }
}

#[test]
fn every_migration_world_certificate_is_classified_as_its_manifest_says() {
    let manifest = manifest();
    let person = manifest.get("person").unwrap();
    let certificates = manifest.get("certificates").unwrap().as_array().unwrap();
    assert!(certificates.len() >= 24, "{}", certificates.len());
    let mut seen = std::collections::BTreeMap::<&str, usize>::new();
    for entry in certificates {
        let id = entry.get("id").unwrap().as_str().unwrap();
        let role = entry.get("role").unwrap().as_str().unwrap();
        let purpose = purpose_of(entry.get("purpose").unwrap().as_str().unwrap());
        let c = classify(&cert(id), ProfileChecks::ALL);
        let expected = match role {
            // Test roots with the real J-LIS names: never pinned.
            "root" => JpkiKind::UnpinnedRoot { purpose },
            "link-new-with-old" | "link-old-with-new" | "cross" => {
                JpkiKind::LinkOrCross { purpose }
            }
            "leaf" => match purpose {
                JpkiPurpose::Signing => JpkiKind::Signing,
                JpkiPurpose::UserAuthentication => JpkiKind::UserAuthentication,
            },
            other => panic!("{id}: unknown role {other}"),
        };
        assert_eq!(c.kind, expected, "{id}");
        assert_eq!(c.kind.purpose(), Some(purpose), "{id}");
        let basis = if role == "leaf" {
            Basis::Policy
        } else {
            Basis::CaName
        };
        assert_eq!(c.basis, basis, "{id}");
        let generation = match entry.get("algorithm").unwrap().as_str().unwrap() {
            "rsa-2048" => CardGeneration::Rsa2048,
            "ecdsa-p384" => CardGeneration::EcP384,
            other => panic!("{id}: {other}"),
        };
        assert_eq!(c.card_generation, Some(generation), "{id}");
        // The generator follows the profile: no findings anywhere.
        assert!(c.findings.is_empty(), "{id}: {:?}", c.findings);
        // The basic four: the fictional person on every signing leaf, nothing elsewhere.
        match (&c.kind, &c.basic_four) {
            (JpkiKind::Signing, Some(four)) => {
                for (field, value) in [
                    ("name", &four.name),
                    ("name_substitute_positions", &four.name_substitute_positions),
                    ("sex", &four.sex),
                    ("birth_date", &four.birth_date),
                    ("address", &four.address),
                    (
                        "address_substitute_positions",
                        &four.address_substitute_positions,
                    ),
                ] {
                    assert_eq!(
                        value.as_deref(),
                        person.get(field).and_then(Json::as_str),
                        "{id}: {field}"
                    );
                }
            }
            (JpkiKind::Signing, None) => panic!("{id}: signing leaf without basic four"),
            (_, None) => {}
            (kind, Some(_)) => panic!("{id}: {kind:?} with basic four"),
        }
        *seen.entry(c.kind.id()).or_default() += 1;
    }
    // All kinds of the world appear.
    for kind in [
        "unpinned-root",
        "link-or-cross",
        "signing",
        "user-authentication",
    ] {
        assert!(seen.get(kind).copied().unwrap_or(0) > 0, "{kind}: {seen:?}");
    }
}

#[test]
fn substitute_character_fields_under_the_assumed_reading() {
    let c = classify(&cert("sign-leaf-ec-card"), ProfileChecks::ALL);
    assert_eq!(c.card_generation, Some(CardGeneration::EcP384));
    let four = c.basic_four.unwrap();
    let name = four.name.as_deref().unwrap();
    // `公的　吉郎`: position 3 (0-based, counting the ideographic space) is the substitute
    // 吉 for 𠮷.
    assert_eq!(
        substitute_positions(name, four.name_substitute_positions.as_deref().unwrap()),
        Some(vec![3])
    );
    assert_eq!(name.chars().nth(3), Some('吉'));
    assert_eq!(
        substitute_positions(
            four.address.as_deref().unwrap(),
            four.address_substitute_positions.as_deref().unwrap()
        ),
        Some(vec![])
    );
    let digits = four.birth_date_digits().unwrap();
    assert_eq!(EraMapping::ASSUMED.era(digits.era_digit), Some("Heisei"));
}

#[test]
fn leaves_of_the_other_purpose_fail_the_expected_profile() {
    let auth = cert("auth-leaf-rsa-card");
    let findings = check_profile(&auth, JpkiKind::Signing, ProfileChecks::ALL);
    let signing_policy = jpki_verify::jpki::POLICY_SIGNING;
    assert_eq!(
        findings,
        vec![
            ProfileFinding::ExpectedPolicyMissing {
                expected: signing_policy
            },
            ProfileFinding::UnexpectedPolicy {
                policy: jpki_verify::jpki::POLICY_USER_AUTHENTICATION
            },
            ProfileFinding::KeyUsageMismatch {
                expected: KeyUsage(KeyUsage::DIGITAL_SIGNATURE | KeyUsage::NON_REPUDIATION),
                found: KeyUsage(KeyUsage::DIGITAL_SIGNATURE),
            },
            ProfileFinding::SubjectForm {
                expected: SubjectForm::SigningCard
            },
            ProfileFinding::IssuerNotJlisCa {
                purpose: JpkiPurpose::Signing
            },
            ProfileFinding::BasicFourMissing,
        ]
    );

    let signing = cert("sign-leaf-rsa-card");
    let findings = check_profile(&signing, JpkiKind::UserAuthentication, ProfileChecks::ALL);
    let ids: Vec<&str> = findings.iter().map(ProfileFinding::id).collect();
    assert_eq!(
        ids,
        [
            "expected-policy-missing",
            "unexpected-policy",
            "key-usage-mismatch",
            "subject-form",
            "issuer-not-jlis-ca",
            "personal-data-in-user-authentication",
        ]
    );
    // Switched off, the same checks find nothing.
    assert!(check_profile(&signing, JpkiKind::UserAuthentication, ProfileChecks::NONE).is_empty());
    let only_names = ProfileChecks {
        names: true,
        ..ProfileChecks::NONE
    };
    assert_eq!(
        check_profile(&signing, JpkiKind::UserAuthentication, only_names).len(),
        2
    );
}

#[test]
fn ca_certificates_fail_the_card_profile_and_cards_fail_the_ca_profile() {
    let link = cert("sign-link-gen2-by-gen1");
    let findings = check_profile(&link, JpkiKind::Signing, ProfileChecks::ALL);
    for expected in [
        ProfileFinding::PoliciesNotCritical,
        ProfileFinding::ExpectedPolicyMissing {
            expected: jpki_verify::jpki::POLICY_SIGNING,
        },
        ProfileFinding::UnexpectedPolicy {
            policy: jpki_verify::ANY_POLICY,
        },
        ProfileFinding::EndEntityIsCa,
        ProfileFinding::SubjectForm {
            expected: SubjectForm::SigningCard,
        },
        ProfileFinding::BasicFourMissing,
    ] {
        assert!(findings.contains(&expected), "{expected:?}: {findings:?}");
    }
    let leaf = cert("sign-leaf-gen2");
    let root = JpkiKind::UnpinnedRoot {
        purpose: JpkiPurpose::Signing,
    };
    let findings = check_profile(&leaf, root, ProfileChecks::ALL);
    assert!(
        findings.contains(&ProfileFinding::BasicConstraintsMissing),
        "{findings:?}"
    );
    assert!(findings.iter().any(|f| f.id() == "key-usage-mismatch"));
    // Not JPKI has no profile.
    assert!(check_profile(&leaf, JpkiKind::NotJpki, ProfileChecks::ALL).is_empty());
}

/// A certificate asserting the signing policy, issued under the J-LIS signing CA's name,
/// with every other field wrong: a P-256 key, non-critical policy and keyUsage with the
/// wrong bits, a subject of the wrong form, no basic four.
fn sloppy_signing_certificate(policy: &str) -> Certificate {
    let issuer = jlis_ca_name(JpkiPurpose::Signing).name().as_der().to_vec();
    let subject = builder::name(&[("2.5.4.6", "JP"), ("2.5.4.3", "someone")]);
    let policies = builder::seq(&[&builder::seq(&[&builder::oid(policy)])]);
    let der = builder::certificate(
        &Spec {
            serial: 7,
            issuer: &issuer,
            subject: &subject,
            not_before: "20250101000000",
            not_after: "20291231235959",
            subject_key: &builder::key(7),
            extensions: vec![
                builder::extension("2.5.29.32", false, &policies),
                builder::extension("2.5.29.15", false, &builder::tlv(0x03, &[0x07, 0x80])),
            ],
        },
        &builder::key(1),
    );
    Certificate::from_der(&der).unwrap()
}

#[test]
fn sloppy_certificates_get_every_finding_and_no_panic() {
    let c = classify(
        &sloppy_signing_certificate("1.2.392.200149.8.5.1.1.20"),
        ProfileChecks::ALL,
    );
    assert_eq!(c.kind, JpkiKind::Signing);
    assert_eq!(c.card_generation, Some(CardGeneration::Other));
    let ids: Vec<&str> = c.findings.iter().map(ProfileFinding::id).collect();
    assert_eq!(
        ids,
        [
            "policies-not-critical",
            "key-usage-not-critical",
            "key-usage-mismatch",
            "subject-form",
            "basic-four-missing",
            "unexpected-key",
        ]
    );
    for finding in &c.findings {
        assert!(!finding.to_string().is_empty());
    }
    // The same certificate in the test hierarchy: classified by the test policy, issuer
    // not checked.
    let c = classify(
        &sloppy_signing_certificate("1.2.392.200149.8.5.1.0.20"),
        ProfileChecks::ALL,
    );
    assert_eq!(c.kind, JpkiKind::TestHierarchy);
    assert_eq!(c.kind.purpose(), Some(JpkiPurpose::Signing));
    assert!(!c.findings.iter().any(|f| f.id() == "issuer-not-jlis-ca"));
    // Without any JPKI policy, the J-LIS issuer name decides, and the policy is missing.
    let c = classify(&sloppy_signing_certificate("1.2.3.4"), ProfileChecks::ALL);
    assert_eq!((c.kind, c.basis), (JpkiKind::Signing, Basis::IssuerName));
    assert!(c.findings.contains(&ProfileFinding::ExpectedPolicyMissing {
        expected: jpki_verify::jpki::POLICY_SIGNING
    }));
}

#[test]
fn other_certificates_are_not_jpki() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vectors/cms/certs");
    for file in [
        "p256-root.der",
        "p256-signer.der",
        "rsa-root.der",
        "pss-signer.der",
    ] {
        let der = std::fs::read(dir.join(file)).unwrap();
        let c = classify(&Certificate::from_der(&der).unwrap(), ProfileChecks::ALL);
        assert_eq!(c.kind, JpkiKind::NotJpki, "{file}");
        assert_eq!(c.basis, Basis::Nothing);
        assert!(c.findings.is_empty());
    }
    // The rogue root copies the J-LIS signing name: a J-LIS-DN root, not pinned.
    let rogue = Certificate::from_der(&std::fs::read(dir.join("rogue-root.der")).unwrap()).unwrap();
    let c = classify(&rogue, ProfileChecks::ALL);
    assert_eq!(
        c.kind,
        JpkiKind::UnpinnedRoot {
            purpose: JpkiPurpose::Signing
        }
    );
    assert_eq!(c.kind.to_string(), "J-LIS-DN signing root, not pinned");
}

#[test]
fn trust_store_accepts_pinned_roots_and_refuses_unknown_ones() {
    let mut builder = JpkiTrustStore::builder();
    let mut have_real = false;
    for (file, purpose, generation) in REAL_ROOTS {
        let Some(root) = real_root(file) else {
            break;
        };
        have_real = true;
        let pin = builder.add_root(root.clone()).unwrap();
        assert_eq!((pin.purpose, pin.generation), (purpose, generation));
        assert_eq!(builder.add_root(root), Err(TrustStoreError::Duplicate));
    }
    // A test root is unknown: refused, with its fingerprint.
    let test_root = cert("sign-root-gen3-rsa");
    match builder.add_root(test_root.clone()) {
        Err(TrustStoreError::UnknownRoot { sha256 }) => {
            let hex: String = sha256.iter().map(|b| format!("{b:02x}")).collect();
            let entry = manifest();
            let listed = entry
                .get("certificates")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c.get("id").unwrap().as_str() == Some("sign-root-gen3-rsa"))
                .unwrap()
                .get("sha256")
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned();
            assert_eq!(hex, listed);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        builder.add_root_der(b"not a certificate"),
        Err(TrustStoreError::Malformed(Error::MalformedCertificate))
    );
    let store = builder.build();
    if have_real {
        assert_eq!(store.len(), 4);
        let signing = store.anchor_info(JpkiPurpose::Signing);
        assert_eq!(signing.len(), 2);
        assert_eq!(signing[1].label, "J-LIS signing root, generation 3");
        assert!(matches!(signing[1].origin, AnchorOrigin::Pinned(p) if p.generation == 3));
        assert_eq!(store.anchors(JpkiPurpose::UserAuthentication).len(), 2);
        for anchor in store.anchors(JpkiPurpose::UserAuthentication) {
            let info = store.identify(anchor).unwrap();
            assert_eq!(info.purpose, JpkiPurpose::UserAuthentication);
        }
    }
}

#[test]
fn custom_anchors_are_explicit_and_purpose_checked() {
    let mut builder = JpkiTrustStore::builder();
    for id in ["sign-root-gen3-rsa", "sign-root-ec1-p384"] {
        builder
            .add_custom_anchor(JpkiPurpose::Signing, cert(id), id)
            .unwrap();
    }
    builder
        .add_custom_anchor(
            JpkiPurpose::UserAuthentication,
            cert("auth-root-gen3-rsa"),
            "auth-root-gen3-rsa",
        )
        .unwrap();
    // A user-authentication root offered as a signing anchor, and the reverse.
    assert_eq!(
        builder.add_custom_anchor(JpkiPurpose::Signing, cert("auth-root-ec1-p384"), "x"),
        Err(TrustStoreError::PurposeMismatch {
            requested: JpkiPurpose::Signing,
            actual: JpkiPurpose::UserAuthentication
        })
    );
    assert!(matches!(
        builder.add_custom_anchor(
            JpkiPurpose::UserAuthentication,
            cert("sign-root-gen1-rsa"),
            "x"
        ),
        Err(TrustStoreError::PurposeMismatch { .. })
    ));
    // A card certificate is no anchor.
    assert_eq!(
        builder.add_custom_anchor(JpkiPurpose::Signing, cert("sign-leaf-rsa-card"), "x"),
        Err(TrustStoreError::NotCa)
    );
    assert_eq!(
        builder.add_custom_anchor(JpkiPurpose::Signing, cert("sign-root-gen3-rsa"), "again"),
        Err(TrustStoreError::Duplicate)
    );
    // A non-JPKI test CA may anchor either purpose (test hierarchies).
    let p256_root = Certificate::from_der(
        &std::fs::read(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vectors/cms/certs/p256-root.der"),
        )
        .unwrap(),
    )
    .unwrap();
    builder
        .add_custom_anchor(JpkiPurpose::Signing, p256_root, "cms test root")
        .unwrap();
    let store = builder.build();
    assert_eq!(store.anchors(JpkiPurpose::Signing).len(), 3);
    assert_eq!(store.anchors(JpkiPurpose::UserAuthentication).len(), 1);
    assert!(
        store
            .anchor_info(JpkiPurpose::Signing)
            .iter()
            .all(|i| i.origin == AnchorOrigin::Custom)
    );

    // Purpose separation in path validation: the RSA card's signing certificate validates
    // only against the signing anchors, its user-authentication certificate only against
    // the user-authentication anchors.
    let at = common::at("2026-06-02T00:00:00Z");
    let validator = PathValidator::with_backend(&BACKEND, at);
    let signing_leaf = cert("sign-leaf-rsa-card");
    let auth_leaf = cert("auth-leaf-rsa-card");
    let path = store
        .validate(JpkiPurpose::Signing, &validator, &signing_leaf, &[])
        .unwrap();
    assert_eq!(
        store.identify(path.anchor()).unwrap().label,
        "sign-root-gen3-rsa"
    );
    assert!(
        store
            .validate(JpkiPurpose::Signing, &validator, &auth_leaf, &[])
            .is_err()
    );
    let path = store
        .validate(JpkiPurpose::UserAuthentication, &validator, &auth_leaf, &[])
        .unwrap();
    assert_eq!(
        store.identify(path.anchor()).unwrap().purpose,
        JpkiPurpose::UserAuthentication
    );
    assert!(
        store
            .validate(
                JpkiPurpose::UserAuthentication,
                &validator,
                &signing_leaf,
                &[]
            )
            .is_err()
    );

    // The EC card chains to the EC root (not the same-named RSA generation), with its CRL.
    let crl_der = std::fs::read(world().join("crls/sign-ec1-20291231.crl.der")).unwrap();
    let crls = [jpki_verify::Crl::from_der(&crl_der).unwrap()];
    let set = CrlSet::new(&crls);
    let validator = PathValidator::with_backend(&BACKEND, common::at("2030-01-01T00:00:00Z"))
        .revocation(RevocationMode::RequireCurrent, &set);
    let ec_leaf = cert("sign-leaf-ec-card");
    let path = store
        .validate(JpkiPurpose::Signing, &validator, &ec_leaf, &[])
        .unwrap();
    assert_eq!(
        store.identify(path.anchor()).unwrap().label,
        "sign-root-ec1-p384"
    );
}

/// The flow of docs/embedding.md section 6, on the migration-world vectors: the RSA card's
/// document validated at its signing time, profile-checked, and judged by CRYPTREC in 2031.
#[test]
fn embedding_guide_flow() {
    use jpki_verify::JudgedSignature;
    use jpki_verify::cms::{CmsVerifier, Content, ValidationTime};
    use jpki_verify::jpki::POLICY_SIGNING;
    use jpki_verify::policy::{Verdict, builtin};

    let mut builder = JpkiTrustStore::builder();
    for id in [
        "sign-root-gen2-rsa",
        "sign-root-gen3-rsa",
        "sign-root-ec1-p384",
    ] {
        builder
            .add_custom_anchor(JpkiPurpose::Signing, cert(id), id)
            .unwrap();
    }
    let store = builder.build();
    let crl_der = std::fs::read(world().join("crls/sign-gen3-20260601.crl.der")).unwrap();
    let crls = [jpki_verify::Crl::from_der(&crl_der).unwrap()];
    let signed_der = std::fs::read(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vectors/cms/signed/rsa-card-attached.der"),
    )
    .unwrap();
    let now = common::at("2031-06-01T00:00:00Z");

    let policies = [POLICY_SIGNING];
    let crls = vec![crls[0].clone()];
    let table = builtin("cryptrec-ls0003").unwrap();
    // Validated at the signing time, judged "today" (2031) by the one sunset judge.
    let validator = PathValidator::with_backend(&BACKEND, now)
        .revocation(RevocationMode::RequireCurrent, &crls)
        .initial_policies(&policies)
        .require_explicit_policy(true);
    let report = CmsVerifier::new(validator, store.anchors(JpkiPurpose::Signing))
        .time(ValidationTime::SigningTime)
        .sunset(table)
        .verify(&signed_der, Content::Attached);
    report.result.unwrap();

    let signer = &report.signers[0];
    let cert = signer.certificate.as_ref().unwrap();
    assert!(check_profile(cert, JpkiKind::Signing, ProfileChecks::ALL).is_empty());

    // Signed 2026 (create: acceptable), verified 2031 (legacy): accepted with a warning.
    let judged = signer.policy.as_ref().expect("judged");
    assert_eq!(judged.verdict, Verdict::AcceptWithWarning);
    // Without the signing time, the creation is judged in 2031 too: rejected.
    let unknown = table.evaluate_signed(&JudgedSignature {
        label: "document",
        algorithm: signer.algorithm.unwrap(),
        key: signer.public_key.unwrap(),
        created_at: None,
        verified_at: now,
        path: signer.path.as_ref().unwrap(),
    });
    assert_eq!(unknown.verdict, Verdict::Reject);
}
