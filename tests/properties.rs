//! Properties of every algorithm on the fixed test keys: the committed signature verifies,
//! any single-bit change to message, signature or key makes it fail, and arbitrary bytes as
//! key or signature never panic.

#[path = "common/keys.rs"]
mod keys;

use jpki_verify::SignatureVerificationAlgorithm;
use jpki_verify::rustcrypto::BACKEND;
use proptest::prelude::*;

fn algorithm(name: &str) -> &'static dyn SignatureVerificationAlgorithm {
    BACKEND
        .by_name(name)
        .unwrap_or_else(|| panic!("no algorithm {name}"))
}

struct Sample {
    alg: &'static dyn SignatureVerificationAlgorithm,
    spki: Vec<u8>,
    message: Vec<u8>,
    signature: Vec<u8>,
}

fn samples() -> Vec<Sample> {
    keys::ALGORITHMS
        .iter()
        .map(|name| Sample {
            alg: algorithm(name),
            spki: keys::spki_for(name),
            message: keys::message(),
            signature: keys::read(&format!("{name}.sig")),
        })
        .collect()
}

fn flip(bytes: &[u8], bit: usize) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let bit = bit % (out.len() * 8);
    out[bit / 8] ^= 1 << (bit % 8);
    out
}

#[test]
fn every_committed_signature_verifies() {
    let samples = samples();
    assert_eq!(samples.len(), keys::ALGORITHMS.len());
    for s in &samples {
        s.alg
            .verify_signature(&s.spki, &s.message, &s.signature)
            .unwrap_or_else(|e| panic!("{}: {e}", s.alg.name()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn flipping_a_message_bit_breaks_the_signature(index in 0usize..19, bit in any::<usize>()) {
        let s = &samples()[index];
        let message = flip(&s.message, bit);
        prop_assert!(s.alg.verify_signature(&s.spki, &message, &s.signature).is_err());
    }

    #[test]
    fn flipping_a_signature_bit_breaks_the_signature(index in 0usize..19, bit in any::<usize>()) {
        let s = &samples()[index];
        let signature = flip(&s.signature, bit);
        prop_assert!(s.alg.verify_signature(&s.spki, &s.message, &signature).is_err());
    }

    #[test]
    fn flipping_a_key_bit_breaks_the_signature(index in 0usize..19, bit in any::<usize>()) {
        let s = &samples()[index];
        let spki = flip(&s.spki, bit);
        prop_assert!(s.alg.verify_signature(&spki, &s.message, &s.signature).is_err());
    }

    #[test]
    fn arbitrary_keys_and_signatures_never_panic(
        index in 0usize..19,
        key in proptest::collection::vec(any::<u8>(), 0..600),
        signature in proptest::collection::vec(any::<u8>(), 0..600),
    ) {
        let s = &samples()[index];
        // Arbitrary key with a real signature, and a real key with an arbitrary signature.
        prop_assert!(s.alg.verify_signature(&key, &s.message, &s.signature).is_err());
        prop_assert!(s.alg.verify_signature(&s.spki, &s.message, &signature).is_err());
    }

    #[test]
    fn truncated_keys_never_panic(index in 0usize..19, cut in any::<usize>()) {
        let s = &samples()[index];
        let cut = cut % s.spki.len();
        prop_assert!(s.alg.verify_signature(&s.spki[..cut], &s.message, &s.signature).is_err());
    }
}
