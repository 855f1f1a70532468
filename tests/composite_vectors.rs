//! The Composite ML-DSA draft's own test vectors (an independent producer: the draft
//! authors' Python generator) verify with this crate: the signature over the draft's
//! message and the self-signed certificate, and a changed message or a flipped bit in
//! either half is refused. Extract and provenance: `vectors/composite/README.md`.

mod common;

use common::builder::{oid, seq, tlv};
use jpki_verify::rustcrypto::{BACKEND, COMPOSITE_MLDSA44_ECDSA_P256_SHA256};
use jpki_verify::{Certificate, Error, SignatureVerificationAlgorithm};
use serde_json::Value;

/// Standard base64 with padding (what the draft's JSON uses).
fn b64(v: &Value) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let text = v.as_str().unwrap().trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let value = ALPHABET.iter().position(|&a| a == c).expect("base64 digit") as u32;
        acc = (acc << 6) | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

fn extract() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/vectors/composite/draft-testvectors-extract.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The OID the draft names for each extracted `tcId`, and our object for it.
fn object_for(tc_id: &str) -> (&'static str, &'static dyn SignatureVerificationAlgorithm) {
    match tc_id {
        "id-MLDSA44-ECDSA-P256-SHA256" => ("1.3.6.1.5.5.7.6.40", &COMPOSITE_MLDSA44_ECDSA_P256_SHA256),
        other => panic!("no object for {other}"),
    }
}

#[test]
fn the_drafts_vectors_verify_and_tampering_is_refused() {
    let data = extract();
    let message = b64(&data["m"]);
    let tests = data["tests"].as_array().unwrap();
    assert!(!tests.is_empty());
    for t in tests {
        let tc = t["tcId"].as_str().unwrap();
        let (id, alg) = object_for(tc);
        let mut bits = vec![0u8];
        bits.extend_from_slice(&b64(&t["pk"]));
        let spki = seq(&[&seq(&[&oid(id)]), &tlv(0x03, &bits)]);
        let sig = b64(&t["s"]);
        assert_eq!(alg.verify_signature(&spki, &message, &sig), Ok(()), "{tc}");

        let mut other = message.clone();
        other[0] ^= 1;
        assert_eq!(alg.verify_signature(&spki, &other, &sig), Err(Error::BadSignature), "{tc}");
        let mut ml = sig.clone();
        ml[10] ^= 1;
        assert_eq!(alg.verify_signature(&spki, &message, &ml), Err(Error::BadSignature), "{tc}");
        let mut trad = sig.clone();
        let n = trad.len();
        trad[n - 2] ^= 1;
        assert_eq!(alg.verify_signature(&spki, &message, &trad), Err(Error::BadSignature), "{tc}");

        // The self-signed certificate: its key is the same, its signature verifies over the
        // original TBS bytes through the backend's identifier lookup.
        let cert = Certificate::from_der(&b64(&t["x5c"])).unwrap();
        assert_eq!(cert.spki_der(), &spki[..], "{tc}");
        let used = BACKEND
            .verify_signed_data(
                cert.spki_der(),
                &cert.signature_algorithm(),
                cert.tbs_der(),
                cert.signature(),
            )
            .unwrap();
        assert_eq!(used.name(), alg.name());
    }
}
