//! `jpki-verify policy` end to end: list, show, check, exposure; exit codes and JSON.

mod common;

use std::process::Output;

use common::{code, json, repo, run};

fn policy(args: &[&str]) -> Output {
    run("policy", args)
}

#[test]
fn list_and_show() {
    let out = policy(&["list", "--json"]);
    assert_eq!(code(&out), 0);
    let names: Vec<String> = json(&out)["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names.len(), 6);
    assert!(names.contains(&"jpki-migration@2025".to_string()));

    let out = policy(&["show", "cryptrec-ls0003", "--json"]);
    assert_eq!(code(&out), 0);
    let table = json(&out);
    assert_eq!(table["name"], "cryptrec-ls0003@2022");
    let create = table["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "112-create")
        .unwrap();
    assert_eq!(create["phases"][1]["from"], "2031-01-01");
    assert_eq!(create["phases"][1]["status"], "disallowed");

    // --toml prints the committed export, which `show FILE` reads back.
    let out = policy(&["show", "nist-ir8547@2024-draft", "--toml"]);
    assert_eq!(code(&out), 0);
    let committed =
        std::fs::read_to_string(repo("vectors/policy/nist-ir8547@2024-draft.toml")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), committed);
    let file = repo("vectors/policy/nist-ir8547@2024-draft.toml");
    let out = policy(&["show", file.to_str().unwrap()]);
    assert_eq!(code(&out), 0);
    assert!(String::from_utf8_lossy(&out.stdout).contains("rule ecdsa-128-and-up"));
}

#[test]
fn check_cryptrec_rsa2048() {
    let check = |usage: &str, at: &str| {
        policy(&[
            "check",
            "--table",
            "cryptrec-ls0003",
            "--alg",
            "rsa-pkcs1-sha256",
            "--use",
            usage,
            "--at",
            at,
            "--json",
        ])
    };
    let out = check("create", "2030-12-31");
    assert_eq!(code(&out), 0);
    assert_eq!(json(&out)["verdict"], "accept");

    let out = check("create", "2031-01-01");
    assert_eq!(code(&out), 1);
    let report = json(&out);
    assert_eq!(report["verdict"], "reject");
    assert_eq!(report["judgements"][0]["deciding_rule"], "112-create");
    assert_eq!(report["algorithm"]["security_bits"], 112);

    let out = check("verify", "2031-06-01");
    assert_eq!(code(&out), 0, "a warning keeps exit 0");
    let report = json(&out);
    assert_eq!(report["verdict"], "accept-with-warning");
    assert_eq!(report["warning"], true);
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning"));
}

#[test]
fn check_with_signing_time_and_key_bits() {
    let out = policy(&[
        "check",
        "--table",
        "jpki-migration",
        "--alg",
        "rsa-pss-sha256",
        "--use",
        "verify",
        "--at",
        "2031-06-01",
        "--signed-at",
        "2030-06-01",
        "--json",
    ]);
    assert_eq!(code(&out), 0);
    let report = json(&out);
    assert_eq!(report["verdict"], "accept-with-warning");
    let judgements = report["judgements"].as_array().unwrap();
    assert_eq!(judgements.len(), 2);
    assert_eq!(judgements[0]["use"], "create");
    assert_eq!(judgements[0]["at"], "2030-06-01");
    assert_eq!(judgements[1]["use"], "verify");

    let out = policy(&[
        "check",
        "--table",
        "jpki-migration",
        "--alg",
        "rsa-pkcs1-sha256",
        "--use",
        "verify",
        "--at",
        "2031-06-01",
        "--signed-at",
        "2031-02-01",
    ]);
    assert_eq!(code(&out), 1);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("reject under jpki-migration@2025"));

    // RSA-1024 under SP 800-131A Rev. 2: verification is legacy use.
    let out = policy(&[
        "check",
        "--table",
        "nist-sp800-131a",
        "--alg",
        "rsa-pkcs1-sha256",
        "--key-bits",
        "1024",
        "--use",
        "verify",
        "--at",
        "2020-01-01",
        "--json",
    ]);
    assert_eq!(code(&out), 0);
    assert_eq!(json(&out)["verdict"], "accept-with-warning");
}

#[test]
fn check_ir8547_and_uncovered() {
    let out = policy(&[
        "check",
        "--table",
        "nist-ir8547@2024-draft",
        "--alg",
        "ecdsa-p384-sha384",
        "--use",
        "verify",
        "--at",
        "2036-01-01",
    ]);
    assert_eq!(code(&out), 1);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("rule ecdsa-128-and-up: disallowed from 2036-01-01"),
        "{text}"
    );

    let out = policy(&[
        "check",
        "--table",
        "cryptrec-ls0003",
        "--alg",
        "ed25519",
        "--use",
        "verify",
        "--at",
        "2025-01-01",
        "--json",
    ]);
    assert_eq!(code(&out), 1);
    let report = json(&out);
    assert_eq!(report["judgements"][0]["covered"], false);
    assert!(
        report["judgements"][0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("not covered by table cryptrec-ls0003@2022")
    );
}

#[test]
fn exposure_of_the_two_migration_scenarios() {
    let out = policy(&[
        "exposure",
        "--table",
        "cryptrec-ls0003",
        "--alg",
        "rsa-pkcs1-sha256",
        "--issued-from",
        "2016-01-01",
        "--issued-until",
        "2026-03-31",
        "--validity-years",
        "5",
        "--json",
    ]);
    assert_eq!(code(&out), 1, "the plan reaches a rejection");
    let report = json(&out);
    assert_eq!(report["plan"]["last_expiry"], "2031-03-31");
    let create = &report["sunsets"][0];
    assert_eq!(create["sunset"]["date"], "2031-01-01");
    assert_eq!(create["sunset"]["use"], "create");
    assert_eq!(create["crossing_issues"]["first"], "2026-01-01");
    assert_eq!(create["crossing_issues"]["last"], "2026-03-31");
    assert_eq!(create["max_days_past"], 90);

    let out = policy(&[
        "exposure",
        "--table",
        "nist-ir8547@2024-draft",
        "--alg",
        "ecdsa-p384-sha384",
        "--issued-from",
        "2028-04-01",
        "--issued-until",
        "2029-03-31",
        "--validity-years",
        "10",
    ]);
    assert_eq!(code(&out), 1);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("2036-01-01 create: acceptable -> disallowed (rule ecdsa-128-and-up): certificates issued 2028-04-01 .. 2029-03-31 (365 issue days) are valid past it by 822 .. 1186 days"),
        "{text}"
    );

    // The same plan under CRYPTREC: P-384 has no sunset.
    let out = policy(&[
        "exposure",
        "--table",
        "cryptrec-ls0003",
        "--alg",
        "ecdsa-p384-sha384",
        "--issued-from",
        "2028-04-01",
        "--issued-until",
        "2029-03-31",
        "--validity-years",
        "10",
        "--json",
    ]);
    assert_eq!(code(&out), 0);
    assert_eq!(json(&out)["sunsets"].as_array().unwrap().len(), 0);
}

#[test]
fn exposure_of_the_card_generations_shows_what_an_ml_dsa_card_avoids() {
    let out = policy(&[
        "exposure",
        "--table",
        "nist-ir8547@2024-draft",
        "--generations",
        "--json",
    ]);
    // The (real) P-384 cohort outlives the table's acceptance: exit 1.
    assert_eq!(code(&out), 1);
    let rows = json(&out)["generations"].as_array().unwrap().clone();
    let crosses: Vec<(&str, bool)> = rows
        .iter()
        .map(|r| {
            (
                r["generation"].as_str().unwrap(),
                r["crosses_rejection"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        crosses,
        [
            ("RSA-2048 card (current)", false),
            ("ECDSA P-384 card (FY2028 cohort)", true),
            ("ML-DSA-65 card (post-quantum what-if, FY2028 cohort)", false),
        ]
    );
    assert_eq!(rows[2]["hypothetical"], true);
    assert_eq!(rows[2]["outcome"], "never rejected by this table");

    // CRYPTREC rejects neither real generation: exit 0; it does not cover ML-DSA.
    let out = policy(&["exposure", "--table", "cryptrec-ls0003", "--generations"]);
    assert_eq!(code(&out), 0);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("not accepted by this table"), "{text}");
}

#[test]
fn exposure_of_a_certificate() {
    // The generated P-384 card certificate, valid 2028-06-01 .. 2038-05-31.
    let cert = repo("vectors/migration-world/certs/sign-leaf-ec-card.pem");
    let out = policy(&[
        "exposure",
        "--table",
        "nist-ir8547",
        cert.to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(code(&out), 1);
    let report = json(&out);
    assert_eq!(report["certificate"]["not_before"], "2028-06-01");
    assert_eq!(report["certificate"]["not_after"], "2038-05-31");
    assert_eq!(report["algorithm"]["name"], "ecdsa-p384-sha384");
    assert_eq!(report["sunsets"][0]["crossed"], true);
    assert_eq!(report["sunsets"][0]["days_past"], 882);

    // The RSA card certificate expires in 2029, before CRYPTREC's 2031 sunset.
    let cert = repo("vectors/migration-world/certs/sign-leaf-rsa-card.der");
    let out = policy(&[
        "exposure",
        "--table",
        "cryptrec-ls0003",
        cert.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0);
    assert!(String::from_utf8_lossy(&out.stdout).contains("expires before it"));
}

#[test]
fn malformed_tables_and_usage_errors_exit_2() {
    let file = repo("vectors/policy/malformed/overlapping-phases.toml");
    let out = policy(&["show", file.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 18: rule `rsa-2048`: phase 2 starts on 2030-12-01"),
        "{stderr}"
    );

    let out = policy(&[
        "check",
        "--table",
        file.to_str().unwrap(),
        "--alg",
        "rsa-pkcs1-sha256",
        "--use",
        "create",
        "--at",
        "2025-01-01",
        "--json",
    ]);
    assert_eq!(code(&out), 2);
    assert_eq!(json(&out)["error"]["kind"], "input");

    for args in [
        &[
            "check",
            "--table",
            "no-such-table",
            "--alg",
            "ed25519",
            "--use",
            "create",
            "--at",
            "2025-01-01",
        ][..],
        &[
            "check",
            "--table",
            "bsi-tr-02102-1",
            "--alg",
            "ed25519",
            "--use",
            "create",
            "--at",
            "2025-02-30",
        ],
        &[
            "check",
            "--table",
            "bsi-tr-02102-1",
            "--alg",
            "ed25519",
            "--key-bits",
            "256",
            "--use",
            "create",
            "--at",
            "2025-01-01",
        ],
        &[
            "check",
            "--table",
            "bsi-tr-02102-1",
            "--alg",
            "rsa-pkcs1-sha256",
            "--use",
            "create",
            "--at",
            "2025-01-01",
            "--signed-at",
            "2024-01-01",
        ],
        &[
            "exposure",
            "--table",
            "bsi-tr-02102-1",
            "--alg",
            "rsa-pkcs1-sha256",
            "--issued-from",
            "2025-01-01",
            "--issued-until",
            "2024-01-01",
            "--validity-years",
            "5",
        ],
        &["exposure", "--table", "bsi-tr-02102-1"],
    ] {
        let out = policy(args);
        assert_eq!(
            code(&out),
            2,
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
