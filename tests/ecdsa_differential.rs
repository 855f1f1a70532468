//! This crate's own ECDSA arithmetic against the `p256` / `p384` signers as reference:
//! random keys and messages, DER and fixed-width signatures, and single flipped bits.

use jpki_verify::SignatureVerificationAlgorithm;
use jpki_verify::rustcrypto::{
    ECDSA_P256_SHA256, ECDSA_P256_SHA256_P1363, ECDSA_P384_SHA384, ECDSA_P384_SHA384_P1363,
};
use p256::ecdsa::signature::Signer;
use proptest::prelude::*;

/// SubjectPublicKeyInfo for an uncompressed SEC1 point: the fixed RFC 5480 prefix + point.
fn spki(prefix: &[u8], point: &[u8]) -> Vec<u8> {
    [prefix, point].concat()
}

const P256_SPKI_PREFIX: &[u8] = &[
    0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a,
    0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
];
const P384_SPKI_PREFIX: &[u8] = &[
    0x30, 0x76, 0x30, 0x10, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x05, 0x2b,
    0x81, 0x04, 0x00, 0x22, 0x03, 0x62, 0x00,
];

fn check(
    der_alg: &dyn SignatureVerificationAlgorithm,
    fixed_alg: &dyn SignatureVerificationAlgorithm,
    spki: &[u8],
    message: &[u8],
    der: &[u8],
    fixed: &[u8],
    bit: usize,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(der_alg.verify_signature(spki, message, der), Ok(()));
    prop_assert_eq!(fixed_alg.verify_signature(spki, message, fixed), Ok(()));
    let mut flipped = fixed.to_vec();
    flipped[(bit / 8) % fixed.len()] ^= 1 << (bit % 8);
    prop_assert!(fixed_alg.verify_signature(spki, message, &flipped).is_err());
    let mut other = message.to_vec();
    other.push(0);
    prop_assert!(fixed_alg.verify_signature(spki, &other, fixed).is_err());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn p256_reference_signatures_verify(secret in any::<[u8; 32]>(), message in proptest::collection::vec(any::<u8>(), 0..200), bit in any::<usize>()) {
        let Ok(key) = p256::ecdsa::SigningKey::from_slice(&secret) else { return Ok(()) };
        let signature: p256::ecdsa::Signature = key.sign(&message);
        let point = key.verifying_key().to_sec1_point(false);
        let spki = spki(P256_SPKI_PREFIX, point.as_bytes());
        check(&ECDSA_P256_SHA256, &ECDSA_P256_SHA256_P1363, &spki, &message, signature.to_der().as_bytes(), &signature.to_bytes(), bit)?;
    }

    #[test]
    fn p384_reference_signatures_verify(secret in any::<[u8; 48]>(), message in proptest::collection::vec(any::<u8>(), 0..200), bit in any::<usize>()) {
        let Ok(key) = p384::ecdsa::SigningKey::from_slice(&secret) else { return Ok(()) };
        let signature: p384::ecdsa::Signature = key.sign(&message);
        let point = key.verifying_key().to_sec1_point(false);
        let spki = spki(P384_SPKI_PREFIX, point.as_bytes());
        check(&ECDSA_P384_SHA384, &ECDSA_P384_SHA384_P1363, &spki, &message, signature.to_der().as_bytes(), &signature.to_bytes(), bit)?;
    }
}
