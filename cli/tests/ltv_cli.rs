//! The archived document of vectors/ltv re-verified "in 2036" from the command line, with
//! revocation required and no --crl/--ocsp: the card's status comes from the OCSP response
//! embedded in the document, asked at the token's genTime (docs/long-term-validation.md,
//! "Archiving a document for later verification").

mod common;

use std::process::Output;

use common::{code, json, repo_arg, run};

fn cms(file: &str, time: &[&str]) -> Output {
    let (card_root, tsa_root, doc) = (
        repo_arg("vectors/migration-world/certs/sign-root-gen3-rsa.der"),
        repo_arg("vectors/ltv/certs/tsa-root.der"),
        repo_arg(&format!("vectors/ltv/cades/{file}")),
    );
    let mut args: Vec<&str> = time.to_vec();
    args.extend_from_slice(&["--revocation", "require", "--anchor", &card_root]);
    args.extend_from_slice(&["--anchor", &tsa_root, "--json", &doc]);
    run("cms", &args)
}

const AT_TIMESTAMP: &[&str] = &["--at-timestamp", "--at", "2036-06-01T00:00:00Z"];

#[test]
fn the_archive_verifies_in_2036_with_its_own_evidence() {
    for file in ["rsa-t-ocsp.der", "rsa-t-cades-ocsp.der"] {
        let out = cms(file, AT_TIMESTAMP);
        assert_eq!(
            code(&out),
            0,
            "{file}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let v = json(&out);
        assert_eq!(v["valid"], true, "{file}");
        let signer = &v["signers"][0];
        assert_eq!(signer["time_basis"], "proven", "{file}");
        assert_eq!(signer["validation_time"], signer["timestamp"]["gen_time"]);
    }
}

#[test]
fn without_evidence_revoked_or_at_2036_it_fails() {
    let cases: [(&str, &[&str], &str); 3] = [
        ("rsa-t.der", AT_TIMESTAMP, "revocation-status-unknown"),
        ("rsa-t-ocsp-revoked.der", AT_TIMESTAMP, "revoked"),
        (
            "rsa-t-ocsp.der",
            &["--at", "2036-06-01T00:00:00Z"],
            "cert-expired",
        ),
    ];
    for (file, time, kind) in cases {
        let out = cms(file, time);
        assert_eq!(code(&out), 1, "{file}");
        let v = json(&out);
        assert_eq!(v["error"]["kind"], "cms-signer-path", "{file}");
        assert_eq!(v["signers"][0]["path_error"]["kind"], kind, "{file}");
    }
}

#[test]
fn the_sunset_tables_judge_the_archive_in_2036() {
    let with = |table: &str| {
        let mut time = AT_TIMESTAMP.to_vec();
        time.extend_from_slice(&["--sunset", table]);
        cms("rsa-t-ocsp.der", &time)
    };
    let out = with("cryptrec-ls0003");
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    let out = with("nist-ir8547");
    assert_eq!(code(&out), 1);
    assert_eq!(json(&out)["error"]["kind"], "cms-algorithm-rejected");
}
