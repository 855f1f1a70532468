//! NIST ACVP ML-DSA sigVer (FIPS 204) known-answer cases, external interface, pure, each
//! with its context string, through `MlDsaAlgorithm::verify_with_context`: every
//! `testPassed` verdict is reproduced. Extract and provenance: `vectors/acvp-ml-dsa/`.
//!
//! AWS-LC (aws-lc-rs 1.19) verifies ML-DSA with an empty context only, and every ACVP
//! external case carries a context, so these cases run on the RustCrypto backend alone.

mod common;

use common::builder::{oid, seq, tlv};
use jpki_verify::rustcrypto::{ML_DSA_44, ML_DSA_65, ML_DSA_87, MlDsaAlgorithm};
use jpki_verify::{Error, SignatureVerificationAlgorithm};
use serde_json::Value;

fn hex(v: &Value) -> Vec<u8> {
    let s = v.as_str().unwrap();
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn algorithm(set: &str) -> &'static MlDsaAlgorithm {
    match set {
        "ML-DSA-44" => &ML_DSA_44,
        "ML-DSA-65" => &ML_DSA_65,
        "ML-DSA-87" => &ML_DSA_87,
        other => panic!("unknown parameter set {other}"),
    }
}

#[test]
fn acvp_sigver_external_pure_verdicts_are_reproduced() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/vectors/acvp-ml-dsa/ml-dsa-sigver-extract.json"
    );
    let data: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let (mut passed, mut failed) = (0, 0);
    for group in data["testGroups"].as_array().unwrap() {
        assert_eq!(group["signatureInterface"], "external");
        assert_eq!(group["preHash"], "pure");
        let alg = algorithm(group["parameterSet"].as_str().unwrap());
        for t in group["tests"].as_array().unwrap() {
            let id = t["tcId"].as_u64().unwrap();
            let mut bits = vec![0u8];
            bits.extend_from_slice(&hex(&t["pk"]));
            let spki = seq(&[&seq(&[&oid(&alg.public_key_alg_id().oid().to_string())]), &tlv(0x03, &bits)]);
            let (message, context) = (hex(&t["message"]), hex(&t["context"]));
            let signature = hex(&t["signature"]);
            let verdict = alg.verify_with_context(&spki, &message, &context, &signature);
            if t["testPassed"].as_bool().unwrap() {
                assert_eq!(verdict, Ok(()), "tcId {id}");
                // The same signature under another context, or none, is refused.
                assert_eq!(
                    alg.verify_with_context(&spki, &message, b"other", &signature),
                    Err(Error::BadSignature),
                    "tcId {id}"
                );
                assert_eq!(
                    alg.verify_signature(&spki, &message, &signature),
                    Err(Error::BadSignature),
                    "tcId {id}"
                );
                passed += 1;
            } else {
                // A right-sized signature that does not verify is a bad signature.
                assert_eq!(verdict, Err(Error::BadSignature), "tcId {id}");
                failed += 1;
            }
        }
    }
    // The extract's size (README): both kinds of verdict are present.
    assert_eq!((passed, failed), (1, 1));
}
