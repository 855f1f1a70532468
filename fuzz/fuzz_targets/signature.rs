//! Raw signature verification with arbitrary key and signature bytes, for every algorithm;
//! and, so that the Composite ML-DSA key and signature split is reached without the fuzzer
//! having to find a composite SubjectPublicKeyInfo, the key bytes also as a raw composite key
//! wrapped in the composite object's SPKI.
//!
//! Input layout (so seeds can be built from real keys and signatures, see make-seeds.sh):
//! `alg: u8 | key_len: u16 BE | key | sig_len: u16 BE | sig | message...`
#![no_main]

use jpki_verify::SignatureVerificationAlgorithm;
use jpki_verify::rustcrypto::{BACKEND_WITH_LEGACY_RSA, COMPOSITE_ALGORITHMS};
use libfuzzer_sys::fuzz_target;

fn split(data: &[u8]) -> Option<(&[u8], &[u8])> {
    let (len, rest) = data.split_first_chunk::<2>()?;
    let len = usize::from(u16::from_be_bytes(*len));
    (rest.len() >= len).then(|| rest.split_at(len))
}

fuzz_target!(|data: &[u8]| {
    let Some((&alg, rest)) = data.split_first() else {
        return;
    };
    let Some((key, rest)) = split(rest) else {
        return;
    };
    let Some((signature, message)) = split(rest) else {
        return;
    };
    let algorithms = BACKEND_WITH_LEGACY_RSA.algorithms;
    let alg = algorithms[usize::from(alg) % algorithms.len()];
    // A key-check failure and a verification are both fine; a panic or hang is the bug.
    if let Ok(prepared) = alg.prepare_key(key) {
        let _ = alg.verify_prepared(&prepared, message, signature);
    }
    let _ = alg.verify_signature(key, message, signature);

    let composite = COMPOSITE_ALGORITHMS[usize::from(data[0]) % COMPOSITE_ALGORITHMS.len()];
    let spki = composite_spki(composite, key);
    let _ = composite.verify_signature(&spki, message, signature);
});

/// `SEQUENCE { AlgorithmIdentifier, BIT STRING (0 unused bits) raw }` (raw keys here are
/// under 64 KiB, so a two-octet length always suffices).
fn composite_spki(alg: &dyn SignatureVerificationAlgorithm, raw: &[u8]) -> Vec<u8> {
    fn tlv(out: &mut Vec<u8>, tag: u8, body: &[u8]) {
        out.push(tag);
        out.extend_from_slice(&[0x82, (body.len() >> 8) as u8, body.len() as u8]);
        out.extend_from_slice(body);
    }
    let mut bits = vec![0u8];
    bits.extend_from_slice(raw);
    let mut body = alg.public_key_alg_id().to_der();
    tlv(&mut body, 0x03, &bits);
    let mut out = Vec::new();
    tlv(&mut out, 0x30, &body);
    out
}
