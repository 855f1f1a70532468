//! The sunset tables: their key facts, chain and document judgements, exposure analysis,
//! TOML loading (round trip, malformed tables, arbitrary text never panics).

use std::path::{Path, PathBuf};

use jpki_verify::policy::{
    AlgorithmDescriptor, BUILTIN_TABLES, Date, HashSelector, IssuancePlan, ParameterSet, PlanError,
    PolicyTableErrorKind, SignedItem, Status, Table, Use, Verdict, builtin,
};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{HashAlgorithm, NamedCurve, PublicKeyInfo};
use proptest::prelude::*;

fn date(s: &str) -> Date {
    s.parse()
        .unwrap_or_else(|e| panic!("bad test date {s}: {e}"))
}

fn table(name: &str) -> &'static Table {
    builtin(name).unwrap_or_else(|| panic!("no built-in table {name}"))
}

const RSA2048: AlgorithmDescriptor = AlgorithmDescriptor::rsa(2048, HashAlgorithm::Sha256);
const P384: AlgorithmDescriptor =
    AlgorithmDescriptor::named(ParameterSet::P384, Some(HashAlgorithm::Sha384));

fn verdict(table: &Table, alg: &AlgorithmDescriptor, usage: Use, at: &str) -> Verdict {
    table.evaluate(alg, usage, date(at)).verdict
}

fn vectors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors/policy")
}

// --- the built-in tables --------------------------------------------------------------

#[test]
fn builtin_tables_are_valid_and_named() {
    let names: Vec<String> = BUILTIN_TABLES.iter().map(|t| t.qualified_name()).collect();
    assert_eq!(
        names,
        [
            "cryptrec-ls0003@2022",
            "nist-sp800-131a@rev2",
            "nist-sp800-131a@rev3-draft",
            "nist-ir8547@2024-draft",
            "bsi-tr-02102-1@2024",
            "jpki-migration@2025",
        ]
    );
    for table in BUILTIN_TABLES {
        table
            .validate()
            .unwrap_or_else(|e| panic!("{}: {e}", table.qualified_name()));
        for rule in table.rules.iter() {
            assert!(!rule.citation.is_empty(), "{}", rule.id);
        }
        assert_eq!(builtin(&table.qualified_name()), Some(table));
    }
    assert_eq!(builtin("nist-sp800-131a").unwrap().version, "rev2");
    assert_eq!(builtin("cryptrec-ls0003").unwrap().version, "2022");
    assert!(builtin("cryptrec-ls0003@2013").is_none());
    assert!(builtin("openssl").is_none());
}

#[test]
fn cryptrec_rsa2048_create_through_2030_then_verify_as_legacy() {
    let cryptrec = table("cryptrec-ls0003@2022");
    assert_eq!(
        verdict(cryptrec, &RSA2048, Use::Create, "2030-12-31"),
        Verdict::Accept
    );
    let create = cryptrec.evaluate(&RSA2048, Use::Create, date("2031-01-01"));
    assert_eq!(create.verdict, Verdict::Reject);
    assert_eq!(create.deciding().unwrap().rule.id, "112-create");
    assert!(
        create.reason().contains("CRYPTREC LS-0003"),
        "{}",
        create.reason()
    );

    let verify = cryptrec.evaluate(&RSA2048, Use::Verify, date("2031-06-01"));
    assert_eq!(verify.verdict, Verdict::AcceptWithWarning);
    let deciding = verify.deciding().unwrap();
    assert_eq!(deciding.rule.id, "112-verify");
    assert_eq!(deciding.phase.unwrap().status, Status::Legacy);
    assert_eq!(
        verdict(cryptrec, &RSA2048, Use::Verify, "2030-12-31"),
        Verdict::Accept
    );
    // RSA-PSS and other SHA-2 hashes are judged the same way: by key strength.
    let pss = AlgorithmDescriptor::rsa(2048, HashAlgorithm::Sha512);
    assert_eq!(
        verdict(cryptrec, &pss, Use::Create, "2031-01-01"),
        Verdict::Reject
    );
}

#[test]
fn cryptrec_128_and_192_bit_dates() {
    let cryptrec = table("cryptrec-ls0003");
    let p256 = AlgorithmDescriptor::named(ParameterSet::P256, Some(HashAlgorithm::Sha256));
    let rsa3072 = AlgorithmDescriptor::rsa(3072, HashAlgorithm::Sha256);
    for alg in [p256, rsa3072] {
        for usage in [Use::Create, Use::Verify] {
            assert_eq!(
                verdict(cryptrec, &alg, usage, "2050-12-31"),
                Verdict::Accept
            );
            assert_eq!(
                verdict(cryptrec, &alg, usage, "2051-01-01"),
                Verdict::Reject
            );
        }
    }
    assert_eq!(
        verdict(cryptrec, &P384, Use::Create, "2070-12-31"),
        Verdict::Accept
    );
    assert_eq!(
        verdict(cryptrec, &P384, Use::Verify, "2099-01-01"),
        Verdict::Accept
    );
}

#[test]
fn nist_ir8547_disallows_p384_after_2035() {
    let ir8547 = table("nist-ir8547@2024-draft");
    assert_eq!(
        verdict(ir8547, &P384, Use::Verify, "2035-12-31"),
        Verdict::Accept
    );
    let verify = ir8547.evaluate(&P384, Use::Verify, date("2036-01-01"));
    assert_eq!(verify.verdict, Verdict::Reject);
    assert_eq!(verify.deciding().unwrap().rule.id, "ecdsa-128-and-up");
    assert_eq!(
        verdict(ir8547, &P384, Use::Create, "2036-01-01"),
        Verdict::Reject
    );

    // 112 bits: deprecated after 2030, disallowed after 2035, in both uses.
    for usage in [Use::Create, Use::Verify] {
        assert_eq!(
            verdict(ir8547, &RSA2048, usage, "2030-12-31"),
            Verdict::Accept
        );
        assert_eq!(
            verdict(ir8547, &RSA2048, usage, "2031-01-01"),
            Verdict::AcceptWithWarning
        );
        assert_eq!(
            verdict(ir8547, &RSA2048, usage, "2036-01-01"),
            Verdict::Reject
        );
    }
    // The replacements stay acceptable.
    let ml_dsa = AlgorithmDescriptor::named(ParameterSet::MlDsa65, None);
    assert_eq!(
        verdict(ir8547, &ml_dsa, Use::Create, "2040-01-01"),
        Verdict::Accept
    );
    let ed25519 = AlgorithmDescriptor::named(ParameterSet::Ed25519, None);
    assert_eq!(
        verdict(ir8547, &ed25519, Use::Create, "2035-12-31"),
        Verdict::Accept
    );
    assert_eq!(
        verdict(ir8547, &ed25519, Use::Create, "2036-01-01"),
        Verdict::Reject
    );
}

#[test]
fn sha1_create_is_rejected_in_every_table() {
    let sha1_algs = [
        AlgorithmDescriptor::rsa(2048, HashAlgorithm::Sha1),
        AlgorithmDescriptor::rsa(3072, HashAlgorithm::Sha1),
        AlgorithmDescriptor::named(ParameterSet::P256, Some(HashAlgorithm::Sha1)),
        AlgorithmDescriptor::named(ParameterSet::P384, Some(HashAlgorithm::Sha1)),
    ];
    for table in BUILTIN_TABLES {
        // Every built-in table has SHA-1 in scope: a rule for SHA-1 signature creation.
        assert!(
            table.rules.iter().any(
                |r| matches!(&r.hash, HashSelector::Only(h) if h.contains(&HashAlgorithm::Sha1))
                    && r.applies_to.covers(Use::Create)
            ),
            "{} has no SHA-1 creation rule",
            table.qualified_name()
        );
        for alg in &sha1_algs {
            for at in ["2014-01-01", "2025-06-01", "2030-12-31", "2040-01-01"] {
                let decision = table.evaluate(alg, Use::Create, date(at));
                assert_eq!(
                    decision.verdict,
                    Verdict::Reject,
                    "{} {alg} at {at}",
                    table.qualified_name()
                );
                // Rejected by the SHA-1 rule itself, whatever the key rules say.
                assert!(
                    decision
                        .outcomes
                        .iter()
                        .any(|o| o.rule.id == "sha1-create" && o.verdict == Verdict::Reject),
                    "{} {alg} at {at}: {decision}",
                    table.qualified_name()
                );
            }
        }
    }
}

#[test]
fn sha1_verification_is_legacy_where_the_key_is_fine() {
    let sha1 = AlgorithmDescriptor::rsa(2048, HashAlgorithm::Sha1);
    let expectations = [
        ("cryptrec-ls0003", Verdict::AcceptWithWarning),
        ("nist-sp800-131a@rev2", Verdict::AcceptWithWarning),
        ("nist-ir8547", Verdict::AcceptWithWarning),
        ("jpki-migration", Verdict::AcceptWithWarning),
    ];
    for (name, expected) in expectations {
        assert_eq!(
            verdict(table(name), &sha1, Use::Verify, "2025-06-01"),
            expected,
            "{name}"
        );
    }
    // The Rev. 3 draft retires SHA-1 for all uses after 2030.
    let rev3 = table("nist-sp800-131a@rev3-draft");
    assert_eq!(
        verdict(rev3, &sha1, Use::Verify, "2030-12-31"),
        Verdict::AcceptWithWarning
    );
    assert_eq!(
        verdict(rev3, &sha1, Use::Verify, "2031-01-01"),
        Verdict::Reject
    );
    // NIST's history: SHA-1 signing was deprecated 2011-2013, acceptable before.
    let rev2 = table("nist-sp800-131a@rev2");
    assert_eq!(
        verdict(rev2, &sha1, Use::Create, "2010-12-31"),
        Verdict::Accept
    );
    assert_eq!(
        verdict(rev2, &sha1, Use::Create, "2012-06-01"),
        Verdict::AcceptWithWarning
    );
}

#[test]
fn nist_rev2_and_rev3_draft() {
    let rev2 = table("nist-sp800-131a@rev2");
    let rsa1024 = AlgorithmDescriptor::rsa(1024, HashAlgorithm::Sha256);
    assert_eq!(
        verdict(rev2, &rsa1024, Use::Create, "2020-01-01"),
        Verdict::Reject
    );
    assert_eq!(
        verdict(rev2, &rsa1024, Use::Verify, "2020-01-01"),
        Verdict::AcceptWithWarning
    );
    assert_eq!(
        verdict(rev2, &RSA2048, Use::Create, "2040-01-01"),
        Verdict::Accept
    );

    let rev3 = table("nist-sp800-131a@rev3-draft");
    assert_eq!(
        verdict(rev3, &RSA2048, Use::Create, "2030-12-31"),
        Verdict::Accept
    );
    let deprecated = rev3.evaluate(&RSA2048, Use::Create, date("2031-01-01"));
    assert_eq!(deprecated.verdict, Verdict::AcceptWithWarning);
    assert_eq!(
        deprecated.deciding().unwrap().phase.unwrap().status,
        Status::Deprecated
    );
    assert_eq!(
        verdict(rev3, &RSA2048, Use::Verify, "2040-01-01"),
        Verdict::Accept
    );
}

#[test]
fn bsi_is_strictest_for_rsa() {
    let bsi = table("bsi-tr-02102-1");
    assert_eq!(
        verdict(bsi, &RSA2048, Use::Create, "2023-12-31"),
        Verdict::Accept
    );
    assert_eq!(
        verdict(bsi, &RSA2048, Use::Create, "2024-01-01"),
        Verdict::Reject
    );
    assert_eq!(
        verdict(bsi, &RSA2048, Use::Verify, "2024-01-01"),
        Verdict::AcceptWithWarning
    );
    let rsa3072 = AlgorithmDescriptor::rsa(3072, HashAlgorithm::Sha256);
    assert_eq!(
        verdict(bsi, &rsa3072, Use::Create, "2030-01-01"),
        Verdict::Accept
    );
    let brainpool =
        AlgorithmDescriptor::named(ParameterSet::BrainpoolP384r1, Some(HashAlgorithm::Sha384));
    assert_eq!(
        verdict(bsi, &brainpool, Use::Create, "2030-01-01"),
        Verdict::Accept
    );
    assert_eq!(
        verdict(bsi, &P384, Use::Create, "2030-01-01"),
        Verdict::Accept
    );
    let p224 = AlgorithmDescriptor::named(ParameterSet::P224, Some(HashAlgorithm::Sha256));
    assert_eq!(
        verdict(bsi, &p224, Use::Verify, "2020-01-01"),
        Verdict::Reject
    );
}

#[test]
fn uncovered_algorithms_are_rejected_with_a_clear_reason() {
    // Below every class of IR 8547's table.
    let rsa1024 = AlgorithmDescriptor::rsa(1024, HashAlgorithm::Sha256);
    let ir8547 = table("nist-ir8547");
    let decision = ir8547.evaluate(&rsa1024, Use::Verify, date("2025-01-01"));
    assert_eq!(decision.verdict, Verdict::Reject);
    assert!(!decision.covered);
    assert!(decision.deciding().is_none());
    assert!(
        decision
            .reason()
            .starts_with("not covered by table nist-ir8547@2024-draft"),
        "{}",
        decision.reason()
    );
    // A family the table does not rate.
    let ed25519 = AlgorithmDescriptor::named(ParameterSet::Ed25519, None);
    assert_eq!(
        verdict(
            table("cryptrec-ls0003"),
            &ed25519,
            Use::Verify,
            "2025-01-01"
        ),
        Verdict::Reject
    );
    // A hash rule alone does not cover a key: RSA-512 with SHA-1 matches CRYPTREC's SHA-1
    // verification rule (legacy), but no rule rates the key.
    let rsa512 = AlgorithmDescriptor::rsa(512, HashAlgorithm::Sha1);
    let decision = table("cryptrec-ls0003").evaluate(&rsa512, Use::Verify, date("2025-01-01"));
    assert_eq!(decision.outcomes.len(), 1);
    assert!(!decision.covered);
    assert_eq!(decision.verdict, Verdict::Reject);
}

#[test]
fn descriptors_from_backend_algorithms() {
    let rsa = BACKEND.by_name("rsa-pss-sha256").unwrap();
    let d = AlgorithmDescriptor::from_algorithm(rsa, PublicKeyInfo::Rsa { modulus_bits: 2048 });
    assert_eq!(d, Some(RSA2048));
    let ec = BACKEND.by_name("ecdsa-p384-sha384-p1363").unwrap();
    let d = AlgorithmDescriptor::from_algorithm(
        ec,
        PublicKeyInfo::Ec {
            curve: NamedCurve::P384,
        },
    );
    assert_eq!(d, Some(P384));
    assert_eq!(d.unwrap().to_string(), "ECDSA P-384 with SHA-384");
    // Scheme and key disagree.
    assert_eq!(
        AlgorithmDescriptor::from_algorithm(
            ec,
            PublicKeyInfo::Ec {
                curve: NamedCurve::P256
            }
        ),
        None
    );
    assert_eq!(
        AlgorithmDescriptor::from_algorithm(
            rsa,
            PublicKeyInfo::Ec {
                curve: NamedCurve::P384
            }
        ),
        None
    );
}

// --- chains and documents --------------------------------------------------------------

#[test]
fn chain_judges_issuance_and_verification() {
    let cryptrec = table("cryptrec-ls0003");
    let chain = [
        SignedItem {
            label: "signing certificate",
            algorithm: RSA2048,
            created_at: Some(date("2026-03-31")),
        },
        SignedItem {
            label: "next-generation certificate",
            algorithm: P384,
            created_at: Some(date("2028-04-01")),
        },
    ];
    let assessment = cryptrec.evaluate_chain(&chain, date("2031-03-01"));
    assert_eq!(assessment.verdict, Verdict::AcceptWithWarning);
    assert_eq!(assessment.findings.len(), 4);
    let first = &assessment.findings[0];
    assert_eq!(
        (
            first.label.as_str(),
            first.decision.usage,
            first.decision.at
        ),
        ("signing certificate", Use::Create, date("2026-03-31"))
    );
    assert_eq!(first.decision.verdict, Verdict::Accept);
    let warnings: Vec<_> = assessment.warnings().collect();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].decision.usage, Use::Verify);
    assert_eq!(
        warnings[0].decision.deciding().unwrap().rule.id,
        "112-verify"
    );

    // An RSA-2048 certificate issued in 2031 is rejected for its issuance.
    let late = [SignedItem {
        label: "late",
        algorithm: RSA2048,
        created_at: Some(date("2031-01-02")),
    }];
    let assessment = cryptrec.evaluate_chain(&late, date("2031-03-01"));
    assert_eq!(assessment.verdict, Verdict::Reject);
    let rejections: Vec<_> = assessment.rejections().collect();
    assert_eq!(rejections.len(), 1);
    assert_eq!(rejections[0].decision.usage, Use::Create);
    assert!(
        assessment.to_string().contains("late: create"),
        "{assessment}"
    );

    assert_eq!(
        cryptrec.evaluate_chain(&[], date("2031-03-01")).verdict,
        Verdict::Accept
    );
}

#[test]
fn jpki_migration_documents() {
    let jpki = table("jpki-migration@2025");
    // Signed in 2030, verified in 2031: legacy.
    let a = jpki.evaluate_signature(&RSA2048, Some(date("2030-06-01")), date("2031-06-01"));
    assert_eq!(a.verdict, Verdict::AcceptWithWarning);
    // Signed after 2030: rejected.
    let a = jpki.evaluate_signature(&RSA2048, Some(date("2031-02-01")), date("2031-06-01"));
    assert_eq!(a.verdict, Verdict::Reject);
    // Unknown signing time: the creation is judged at the validation time.
    let doc = [SignedItem {
        label: "e-Tax return",
        algorithm: RSA2048,
        created_at: None,
    }];
    let a = jpki.evaluate_document(&doc, date("2031-06-01"));
    assert_eq!(a.verdict, Verdict::Reject);
    assert!(a.findings[0].at_assumed);
    assert!(a.findings[0].to_string().contains("signing time unknown"));
    let a = jpki.evaluate_document(&doc, date("2030-06-01"));
    assert_eq!(a.verdict, Verdict::Accept);
    // P-384 accepted; SHA-1 rejected for new signatures, old SHA-1 documents legacy.
    let a = jpki.evaluate_signature(&P384, Some(date("2028-04-01")), date("2045-01-01"));
    assert_eq!(a.verdict, Verdict::Accept);
    let sha1 = AlgorithmDescriptor::rsa(2048, HashAlgorithm::Sha1);
    assert_eq!(
        jpki.evaluate_signature(&sha1, Some(date("2025-01-01")), date("2025-01-01"))
            .verdict,
        Verdict::Reject
    );
    assert_eq!(
        jpki.evaluate_signature(&sha1, Some(date("2012-01-01")), date("2025-01-01"))
            .verdict,
        Verdict::AcceptWithWarning
    );
    // Not JPKI algorithms.
    let rsa1024 = AlgorithmDescriptor::rsa(1024, HashAlgorithm::Sha256);
    assert_eq!(
        verdict(jpki, &rsa1024, Use::Verify, "2012-01-01"),
        Verdict::Reject
    );
}

// --- exposure ----------------------------------------------------------------------------

#[test]
fn sunsets_of_rsa2048_under_cryptrec() {
    let sunsets = table("cryptrec-ls0003").sunsets(&RSA2048);
    let summary: Vec<String> = sunsets.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        summary,
        [
            "2031-01-01 create: acceptable -> disallowed (rule `112-create`; verdict accept -> reject)",
            "2031-01-01 verify: acceptable -> legacy (rule `112-verify`; verdict accept -> accept-with-warning)",
        ]
    );
    assert_eq!(sunsets[0].last_day_before(), Some(date("2030-12-31")));
    assert!(table("cryptrec-ls0003").sunsets(&P384).is_empty());
    assert!(table("jpki-migration").sunsets(&P384).is_empty());
}

#[test]
fn exposure_of_the_last_rsa2048_certificates() {
    let cryptrec = table("cryptrec-ls0003");
    // A 5-year certificate issued on 2026-03-31 is valid through 2031-03-31.
    let cert = cryptrec.certificate_exposure(&RSA2048, date("2026-03-31"), date("2031-03-31"));
    assert!(cert.is_exposed());
    assert_eq!(cert.crossings.len(), 2);
    for crossing in &cert.crossings {
        assert_eq!(crossing.sunset.date, date("2031-01-01"));
        assert!(crossing.crossed);
        assert!(!crossing.issued_on_or_after);
        assert_eq!(crossing.days_past, 90);
    }
    // One issued in 2025 expires in 2030: not exposed.
    let early = cryptrec.certificate_exposure(&RSA2048, date("2025-12-31"), date("2030-12-31"));
    assert!(!early.is_exposed());
    assert!(
        early
            .crossings
            .iter()
            .all(|c| !c.crossed && c.days_past == 0)
    );

    // The plan: 5-year RSA-2048 certificates issued from 2016 through 2026-03-31.
    let plan = IssuancePlan {
        algorithm: RSA2048,
        first_issue: date("2016-01-01"),
        last_issue: date("2026-03-31"),
        validity_years: 5,
    };
    let exposure = cryptrec.plan_exposure(&plan).unwrap();
    assert_eq!(exposure.last_expiry, date("2031-03-31"));
    assert!(exposure.is_exposed());
    assert_eq!(exposure.crossings.len(), 2);
    let create = &exposure.crossings[0];
    assert_eq!(create.sunset.usage, Use::Create);
    assert_eq!(create.sunset.after, Status::Disallowed);
    assert_eq!(
        create.crossing_issues,
        Some((date("2026-01-01"), date("2026-03-31")))
    );
    assert_eq!(create.crossing_issue_days, 90);
    assert_eq!(create.min_days_past, 1);
    assert_eq!(create.max_days_past, 90);
    assert_eq!(create.issued_on_or_after, None);

    // Under IR 8547 the same plan crosses the 2031 deprecation, not the 2036 disallowance.
    let ir = table("nist-ir8547").plan_exposure(&plan).unwrap();
    let dates: Vec<_> = ir
        .crossings
        .iter()
        .map(|c| (c.sunset.date, c.sunset.usage, c.crossing_issue_days))
        .collect();
    assert_eq!(
        dates,
        [
            (date("2031-01-01"), Use::Create, 90),
            (date("2031-01-01"), Use::Verify, 90),
            (date("2036-01-01"), Use::Create, 0),
            (date("2036-01-01"), Use::Verify, 0),
        ]
    );
}

#[test]
fn exposure_of_ten_year_p384_certificates() {
    let ir8547 = table("nist-ir8547@2024-draft");
    let cert = ir8547.certificate_exposure(&P384, date("2028-04-01"), date("2038-04-01"));
    assert_eq!(cert.crossings.len(), 2);
    for crossing in &cert.crossings {
        assert_eq!(crossing.sunset.date, date("2036-01-01"));
        assert_eq!(crossing.sunset.after, Status::Disallowed);
        assert!(crossing.crossed);
        assert_eq!(crossing.days_past, 822);
    }

    // Issued through FY2028 (2028-04-01 .. 2029-03-31), 10 years each.
    let plan = IssuancePlan {
        algorithm: P384,
        first_issue: date("2028-04-01"),
        last_issue: date("2029-03-31"),
        validity_years: 10,
    };
    let exposure = ir8547.plan_exposure(&plan).unwrap();
    let create = &exposure.crossings[0];
    assert_eq!(
        create.crossing_issues,
        Some((date("2028-04-01"), date("2029-03-31")))
    );
    assert_eq!(create.crossing_issue_days, 365);
    assert_eq!(create.min_days_past, 822);
    assert_eq!(create.max_days_past, 1186);

    // Any 10-year certificate issued from 2026 on crosses 2035; one issued on 2025-12-31
    // expires on 2035-12-31, the last day before the sunset.
    let plan = IssuancePlan {
        first_issue: date("2025-01-01"),
        last_issue: date("2037-12-31"),
        ..plan
    };
    let exposure = ir8547.plan_exposure(&plan).unwrap();
    let create = &exposure.crossings[0];
    assert_eq!(
        create.crossing_issues,
        Some((date("2026-01-01"), date("2035-12-31")))
    );
    assert_eq!(
        create.issued_on_or_after,
        Some((date("2036-01-01"), date("2037-12-31")))
    );
    assert_eq!(create.max_days_past, 3653);

    assert_eq!(
        ir8547.plan_exposure(&IssuancePlan {
            first_issue: date("2030-01-01"),
            last_issue: date("2029-01-01"),
            ..plan
        }),
        Err(PlanError::IssueDatesOutOfOrder)
    );
    assert_eq!(
        ir8547.plan_exposure(&IssuancePlan {
            validity_years: 0,
            ..plan
        }),
        Err(PlanError::ValidityOutOfRange)
    );
}

// --- dates -------------------------------------------------------------------------------

#[test]
fn date_arithmetic() {
    assert_eq!(date("2030-12-31").days_until(date("2031-03-31")), 90);
    assert_eq!(date("2035-12-31").days_until(date("2038-04-01")), 822);
    assert_eq!(
        date("2024-02-28").checked_add_days(1),
        Some(date("2024-02-29"))
    );
    assert_eq!(
        date("2028-02-29").checked_add_years(10),
        Some(date("2038-02-28"))
    );
    assert_eq!(Date::from_unix_seconds(0), Some(date("1970-01-01")));
    assert_eq!(Date::from_unix_seconds(-1), Some(date("1969-12-31")));
    assert_eq!(
        Date::from_unix_seconds(1_924_991_999),
        Some(date("2030-12-31"))
    );
    assert_eq!(date("2031-01-01").unix_seconds_at_midnight(), 1_924_992_000);
    assert!(date("2030-12-31") < date("2031-01-01"));
    assert!("2031-13-01".parse::<Date>().is_err());
    let der = der::DateTime::new(2031, 3, 31, 14, 59, 59).unwrap();
    assert_eq!(Date::from(der), date("2031-03-31"));
}

// --- TOML ----------------------------------------------------------------------------------

#[test]
fn export_then_load_gives_the_same_table() {
    for table in BUILTIN_TABLES {
        let text = table.to_toml();
        let loaded = Table::from_toml(&text)
            .unwrap_or_else(|e| panic!("{}: {e}\n{text}", table.qualified_name()));
        assert_eq!(&loaded, table, "{}", table.qualified_name());
        assert_eq!(loaded.to_toml(), text);
    }
}

/// The committed exports under vectors/policy/ are what the built-in tables export today.
/// `UPDATE_POLICY_VECTORS=1 cargo test --test policy` rewrites them.
#[test]
fn committed_exports_are_current() {
    let update = std::env::var_os("UPDATE_POLICY_VECTORS").is_some();
    for table in BUILTIN_TABLES {
        let path = vectors_dir().join(format!("{}.toml", table.qualified_name()));
        let text = table.to_toml();
        if update {
            std::fs::write(&path, &text).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("{}: {e} (run with UPDATE_POLICY_VECTORS=1)", path.display())
        });
        assert_eq!(committed, text, "{} is stale", path.display());
        assert_eq!(&Table::from_toml(&committed).unwrap(), table);
    }
}

#[test]
fn a_custom_table_from_toml() {
    let text = r#"
[table]
name = "my-regulator"
version = "2026.1"
title = "A regulator that tolerates RSA-2048 verification until 2035"
source = "internal memo"

[[equivalence]]
security_bits = 112
rsa_min_bits = 2048
named = ["P-224"]

[[equivalence]]
security_bits = 192
rsa_min_bits = 7680
named = ["P-384", "brainpoolP384r1"]

[[rule]]
id = "rsa-2048-verify"
family = "rsa"
security_bits = { min = 112, max = 112 }
use = "verify"
phases = [
  { status = "acceptable", until = "2030-12-31" },
  { status = "legacy", from = 2031-01-01, until = 2035-12-31 },
  { status = "disallowed", from = 2036-01-01 },
]
citation = "memo, section 2"
note = "dates as strings or TOML dates"

[[rule]]
id = "p384"
family = "ECDSA"
named = ["secp384r1"]
hash = ["SHA384", "sha-512"]
use = "both"
phases = [{ status = "acceptable" }]
citation = "memo, section 3"
"#;
    let custom = Table::from_toml(text).unwrap();
    assert_eq!(custom.qualified_name(), "my-regulator@2026.1");
    assert_eq!(custom.security_bits(RSA2048.key), Some(112));
    assert_eq!(
        verdict(&custom, &RSA2048, Use::Verify, "2035-12-31"),
        Verdict::AcceptWithWarning
    );
    assert_eq!(
        verdict(&custom, &RSA2048, Use::Verify, "2036-01-01"),
        Verdict::Reject
    );
    // Not covered: no creation rule for RSA.
    assert_eq!(
        verdict(&custom, &RSA2048, Use::Create, "2025-01-01"),
        Verdict::Reject
    );
    // The P-384 rule has a hash list, so it constrains but does not cover: P-384 is not
    // covered (write the rule without `hash` to cover it).
    assert_eq!(
        verdict(&custom, &P384, Use::Create, "2025-01-01"),
        Verdict::Reject
    );
    // Exported, it reads back the same.
    assert_eq!(Table::from_toml(&custom.to_toml()).unwrap(), custom);
}

/// Every file under vectors/policy/malformed/ is refused with the kind and rule named on
/// its `# expect:` line, at the line marked `<- error`.
#[test]
fn malformed_tables_are_refused_with_line_and_rule() {
    let dir = vectors_dir().join("malformed");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 14, "{} malformed tables", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let expect = text
            .lines()
            .find_map(|l| l.strip_prefix("# expect: "))
            .unwrap_or_else(|| panic!("{}: no expect line", path.display()));
        let mut kind = None;
        let mut rule = None;
        for part in expect.split_whitespace() {
            match part.split_once('=') {
                Some(("kind", k)) => kind = Some(k),
                Some(("rule", r)) => rule = Some(r).filter(|r| *r != "-"),
                _ => panic!("{}: bad expect line", path.display()),
            }
        }
        let marked_line = text
            .lines()
            .position(|l| l.ends_with("# <- error"))
            .map(|i| i + 1)
            .unwrap_or_else(|| panic!("{}: no `# <- error` marker", path.display()));

        let err = Table::from_toml(&text).expect_err(&path.display().to_string());
        let shown = err.to_string();
        assert_eq!(Some(err.kind().id()), kind, "{}: {shown}", path.display());
        assert_eq!(err.rule(), rule, "{}: {shown}", path.display());
        assert_eq!(err.line(), Some(marked_line), "{}: {shown}", path.display());
        assert!(
            shown.starts_with(&format!("line {marked_line}: ")),
            "{shown}"
        );
        if let Some(rule) = rule {
            assert!(shown.contains(&format!("rule `{rule}`")), "{shown}");
        }
    }
}

#[test]
fn malformed_table_messages() {
    let overlap =
        std::fs::read_to_string(vectors_dir().join("malformed/overlapping-phases.toml")).unwrap();
    assert_eq!(
        Table::from_toml(&overlap).unwrap_err().to_string(),
        "line 18: rule `rsa-2048`: phase 2 starts on 2030-12-01, but phase 1 runs until 2030-12-31"
    );
    let family =
        std::fs::read_to_string(vectors_dir().join("malformed/unknown-family.toml")).unwrap();
    assert_eq!(
        Table::from_toml(&family).unwrap_err().kind(),
        PolicyTableErrorKind::UnknownFamily
    );
    // Built-in text with one rule's phases overlapping.
    let text = table("cryptrec-ls0003")
        .to_toml()
        .replace("from = 2031-01-01", "from = 2030-06-01");
    let err = Table::from_toml(&text).unwrap_err();
    assert_eq!(err.kind(), PolicyTableErrorKind::PhasesOverlap);
    assert_eq!(err.rule(), Some("112-create"));
    assert!(
        text.lines()
            .nth(err.line().unwrap() - 1)
            .unwrap()
            .contains("2030-06-01")
    );
    // Empty and rule-less tables.
    assert_eq!(
        Table::from_toml("").unwrap_err().kind(),
        PolicyTableErrorKind::Schema
    );
    let header = "[table]\nname = \"t\"\nversion = \"1\"\ntitle = \"t\"\nsource = \"s\"\n";
    assert_eq!(
        Table::from_toml(header).unwrap_err().kind(),
        PolicyTableErrorKind::EmptyTable
    );
    let bad_name = header.replace("name = \"t\"", "name = \"My Table\"");
    let err = Table::from_toml(&bad_name).unwrap_err();
    assert_eq!(
        (err.kind(), err.line()),
        (PolicyTableErrorKind::InvalidName, Some(2))
    );
}

fn builtin_texts() -> Vec<String> {
    BUILTIN_TABLES.iter().map(|t| t.to_toml()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Arbitrary text never panics the loader.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC*") {
        let _ = Table::from_toml(&text);
    }

    /// Text shaped like a table, built from table-ish fragments, never panics either; when
    /// it loads, the result is valid and survives a round trip.
    #[test]
    fn table_like_text_never_panics(
        parts in proptest::collection::vec(prop_oneof![
            Just("[table]\n"), Just("[[rule]]\n"), Just("[[equivalence]]\n"),
            Just("name = \"t\"\n"), Just("version = \"1\"\n"), Just("title = \"t\"\n"),
            Just("source = \"s\"\n"), Just("id = \"r\"\n"), Just("family = \"rsa\"\n"),
            Just("family = \"any\"\n"), Just("use = \"both\"\n"), Just("citation = \"c\"\n"),
            Just("security_bits = 112\n"), Just("security_bits = { min = 112 }\n"),
            Just("rsa_min_bits = 2048\n"), Just("named = [\"P-384\"]\n"),
            Just("rsa_bits = { max = 99999999999 }\n"), Just("hash = [\"sha-1\"]\n"),
            Just("phases = [{ status = \"acceptable\" }]\n"),
            Just("phases = [{ status = \"acceptable\", until = 2030-12-31 }, { status = \"legacy\", from = 2031-01-01 }]\n"),
            Just("phases = [{ status = \"legacy\", from = 0001-01-01, until = 9999-12-31 }]\n"),
            Just("phases = [{ status = \"legacy\", from = 2030-12-31T10:00:00Z }]\n"),
            Just("phases = []\n"), Just("x = 1\n"), Just("]\n"), Just("\"\n"),
        ], 0..24)
    ) {
        let text: String = parts.concat();
        if let Ok(table) = Table::from_toml(&text) {
            prop_assert!(table.validate().is_ok());
            prop_assert_eq!(Table::from_toml(&table.to_toml()).unwrap(), table);
        }
    }

    /// Built-in table text with a slice deleted, duplicated or replaced never panics.
    #[test]
    fn mutated_builtin_text_never_panics(
        which in 0usize..6, at in any::<prop::sample::Index>(), len in 0usize..64,
        insert in "\\PC{0,8}",
    ) {
        let texts = builtin_texts();
        let text = &texts[which % texts.len()];
        let mut start = at.index(text.len());
        while !text.is_char_boundary(start) { start -= 1; }
        let mut end = (start + len).min(text.len());
        while !text.is_char_boundary(end) { end -= 1; }
        let mutated = format!("{}{}{}", &text[..start], insert, &text[end..]);
        if let Ok(table) = Table::from_toml(&mutated) {
            prop_assert!(table.validate().is_ok());
        }
        let duplicated = format!("{}{}", &text[..end], &text[start..]);
        let _ = Table::from_toml(&duplicated);
    }

    /// Judging any descriptor at any date never panics and only covered algorithms are
    /// accepted.
    #[test]
    fn evaluation_is_total(
        which in 0usize..6, bits in 0u32..20000, days in -719_162i64..2_932_896,
        usage in prop_oneof![Just(Use::Create), Just(Use::Verify)],
    ) {
        let table = BUILTIN_TABLES[which];
        let at = Date::from_days_since_unix_epoch(days).unwrap();
        let alg = AlgorithmDescriptor::rsa(bits, HashAlgorithm::Sha256);
        let decision = table.evaluate(&alg, usage, at);
        if decision.verdict.is_accepted() {
            prop_assert!(decision.covered);
        }
        let _ = table.sunsets(&alg);
        let _ = table.certificate_exposure(&alg, at, at.checked_add_days(3653).unwrap_or(at));
    }
}
