//! `jpki-verify timestamp` and `cms --at-timestamp` end to end over `vectors/timestamp/`:
//! exit codes 0 / 1 / 2, each negative case's error kind, and the time basis in the JSON.

mod common;

use std::process::Output;

use common::{code, json, repo, repo_arg, run};

fn ts(rel: &str) -> String {
    repo_arg(&format!("vectors/timestamp/{rel}"))
}

fn nonce() -> String {
    let text = std::fs::read_to_string(repo("vectors/timestamp/manifest.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["nonce"].as_str().unwrap().to_owned()
}

fn timestamp(token: &str, data: &str, extra: &[&str]) -> Output {
    let (token, data, anchor) = (
        ts(&format!("tokens/{token}")),
        ts(data),
        ts("certs/tsa-root.pem"),
    );
    let mut args = vec!["--token", &token, "--data", &data, "--anchor", &anchor];
    args.extend_from_slice(&["--at", "2036-06-01T00:00:00Z", "--json"]);
    args.extend_from_slice(extra);
    run("timestamp", &args)
}

#[test]
fn a_good_token_exits_0_with_its_time() {
    let n = nonce();
    let out = timestamp(
        "good.tst",
        "data.txt",
        &["--nonce", &n, "--policy", "1.3.6.1.4.1.32473.3161.1"],
    );
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    let v = json(&out);
    assert_eq!(v["valid"], true);
    assert_eq!(v["hash"], "SHA-256");
    assert_eq!(v["tsa_subject"], "O=JPKI Test, CN=Test TSA");
    assert_eq!(v["tsa_validation_time"], "2036-06-01T00:00:00Z");
    assert!(v["earliest"].as_str().unwrap() < v["latest"].as_str().unwrap());
}

#[test]
fn each_bad_token_exits_1_with_its_kind() {
    let n = nonce();
    let cases: [(&str, &str, &[&str], &str); 6] = [
        ("good.tst", "other.txt", &[], "timestamp-imprint-mismatch"),
        (
            "bad-signature.tst",
            "data.txt",
            &[],
            "timestamp-token-invalid",
        ),
        ("tsa-no-eku.tst", "data.txt", &[], "timestamp-tsa-eku"),
        ("not-tstinfo.tst", "data.txt", &[], "timestamp-malformed"),
        (
            "policy-other.tst",
            "data.txt",
            &["--nonce", &n],
            "timestamp-nonce-mismatch",
        ),
        (
            "policy-other.tst",
            "data.txt",
            &["--policy", "1.3.6.1.4.1.32473.3161.1"],
            "timestamp-policy-not-accepted",
        ),
    ];
    for (token, data, extra, kind) in cases {
        let out = timestamp(token, data, extra);
        assert_eq!(code(&out), 1, "{token}");
        assert_eq!(json(&out)["error"]["kind"], kind, "{token}");
    }
}

#[test]
fn usage_and_input_errors_exit_2() {
    let missing = timestamp("no-such-file.tst", "data.txt", &[]);
    assert_eq!(code(&missing), 2);
    assert_eq!(json(&missing)["error"]["kind"], "input");
    // Neither --data nor --digest.
    let token = ts("tokens/good.tst");
    let anchor = ts("certs/tsa-root.pem");
    let out = run("timestamp", &["--token", &token, "--anchor", &anchor]);
    assert_eq!(code(&out), 2);
    let out = run(
        "timestamp",
        &["--token", &token, "--anchor", &anchor, "--digest", "abc"],
    );
    assert_eq!(code(&out), 2);
}

#[test]
fn cms_at_timestamp_reports_a_proven_time() {
    let gen3 = repo_arg("vectors/migration-world/certs/sign-root-gen3-rsa.pem");
    let tsa = ts("certs/tsa-root.pem");
    let cms = |file: &str, time: &str, table: &str| {
        let doc = ts(&format!("cades/{file}"));
        let mut args = vec![
            "--anchor",
            &gen3,
            "--anchor",
            &tsa,
            "--at",
            "2036-06-01T00:00:00Z",
        ];
        if !time.is_empty() {
            args.push(time);
        }
        args.extend_from_slice(&["--sunset", table, "--json", &doc]);
        run("cms", &args)
    };
    let out = cms("rsa-t.der", "--at-timestamp", "cryptrec-ls0003");
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    let v = json(&out);
    assert_eq!(v["validation_time"], "timestamp");
    let signer = &v["signers"][0];
    assert_eq!(signer["time_basis"], "proven");
    assert_eq!(signer["timestamp"]["valid"], true);
    assert_eq!(signer["validation_time"], signer["timestamp"]["gen_time"]);

    let out = cms("rsa-t.der", "--at-timestamp", "nist-ir8547");
    assert_eq!(code(&out), 1);
    assert_eq!(json(&out)["error"]["kind"], "cms-algorithm-rejected");

    let out = cms("rsa-bes.der", "--at-timestamp", "cryptrec-ls0003");
    assert_eq!(code(&out), 1);
    assert_eq!(json(&out)["error"]["kind"], "timestamp-missing");

    // At a given time the token is still reported.
    let out = cms("rsa-t.der", "", "cryptrec-ls0003");
    let v = json(&out);
    assert_eq!(v["signers"][0]["time_basis"], "given");
    assert_eq!(v["signers"][0]["timestamp"]["valid"], true);
}

#[test]
fn the_demo_shows_proven_and_claimed_time_in_2036() {
    let out = run("demo", &["--json"]);
    assert_eq!(code(&out), 0);
    let v = json(&out);
    let rows = v["proven_time"]["rows"]
        .as_array()
        .expect("proven_time rows");
    let find = |doc: &str, table: &str| {
        rows.iter()
            .find(|r| r["document"] == doc && r["table"].as_str().unwrap().starts_with(table))
            .unwrap_or_else(|| panic!("no row {doc} {table}: {rows:?}"))
    };
    let proven = find("A+T", "cryptrec");
    assert_eq!(proven["time_basis"], "proven");
    assert!(proven["final"].as_str().unwrap().starts_with("ACCEPTED"));
    let nist = find("A+T", "nist-ir8547");
    assert_eq!(nist["final"], "REJECTED (sunset)");
    assert!(
        nist["rejection"]
            .as_str()
            .unwrap()
            .contains("rule `rsa-112`")
    );
    let claimed = find("A", "cryptrec");
    assert_eq!(claimed["time_basis"], "claimed");
    assert_eq!(claimed["validated_at"], "2026-05-15T09:00:00Z");
}

#[test]
fn the_token_input_is_capped_and_help_documents_the_exit_codes() {
    // One byte over the cap (tsp::MAX_TOKEN_LEN in PEM), sparse: refused before reading.
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("timestamp_cli");
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.tst");
    let limit = {
        let der = 256 * 1024usize;
        let base64 = der.div_ceil(3) * 4;
        base64 + base64.div_ceil(64) * 2 + 256
    } as u64;
    std::fs::File::create(&big)
        .unwrap()
        .set_len(limit + 1)
        .unwrap();
    let big = big.to_string_lossy().into_owned();
    let (data, anchor) = (ts("data.txt"), ts("certs/tsa-root.pem"));
    let out = run(
        "timestamp",
        &["--token", &big, "--data", &data, "--anchor", &anchor],
    );
    assert_eq!(code(&out), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "larger than {limit} bytes (the limit for a timestamp token)"
        )),
        "{stderr}"
    );

    let out = run("timestamp", &["--help"]);
    assert_eq!(code(&out), 0);
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("Exit status:\n  0  the token verified"),
        "{help}"
    );
    assert!(
        help.contains("2  usage or input error: bad arguments"),
        "{help}"
    );
}

#[test]
fn cms_takes_separate_tsa_anchors() {
    let gen3 = repo_arg("vectors/migration-world/certs/sign-root-gen3-rsa.pem");
    let tsa = ts("certs/tsa-root.pem");
    let doc = ts("cades/rsa-t.der");
    let at = ["--at", "2036-06-01T00:00:00Z", "--at-timestamp", "--json"];
    // The signer's anchor only: the TSA path has no anchor, so nothing is proven.
    let mut args = vec!["--anchor", &gen3];
    args.extend_from_slice(&at);
    args.push(&doc);
    let out = run("cms", &args);
    assert_eq!(code(&out), 1);
    let v = json(&out);
    assert_eq!(v["error"]["kind"], "timestamp-token-invalid");
    assert_eq!(
        v["signers"][0]["timestamp"]["token_error"]["kind"],
        "unknown-issuer"
    );
    // With the TSA's anchor given apart.
    let mut args = vec!["--anchor", &gen3, "--tsa-anchor", &tsa];
    args.extend_from_slice(&at);
    args.push(&doc);
    let out = run("cms", &args);
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
}
