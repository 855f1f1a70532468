//! This crate's own RSA public-key path against the `rsa` crate as reference: signatures the
//! reference makes over arbitrary messages verify, and any single flipped bit is refused.

#[path = "common/keys.rs"]
mod keys;

use jpki_verify::SignatureVerificationAlgorithm;
use jpki_verify::rustcrypto::{
    BACKEND_WITH_LEGACY_RSA, RSA_PKCS1_2048_8192_SHA256, RSA_PKCS1_2048_8192_SHA384,
    RSA_PKCS1_2048_8192_SHA512,
};
use proptest::prelude::*;
use rsa::pkcs8::DecodePrivateKey;
use rsa::{Pkcs1v15Sign, PrivateKey};
use sha2::Digest;

fn private_key(name: &str) -> PrivateKey {
    let pem = String::from_utf8(keys::read(name)).unwrap();
    PrivateKey::from_pkcs8_pem(&pem).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn reference_signatures_verify(message in proptest::collection::vec(any::<u8>(), 0..300), bit in any::<usize>()) {
        let key = private_key("rsa2048.key.pem");
        let spki = keys::read("rsa2048.spki.der");
        let cases: [(&dyn SignatureVerificationAlgorithm, Vec<u8>, Pkcs1v15Sign); 3] = [
            (&RSA_PKCS1_2048_8192_SHA256, sha2::Sha256::digest(&message).to_vec(), Pkcs1v15Sign::new::<sha2::Sha256>()),
            (&RSA_PKCS1_2048_8192_SHA384, sha2::Sha384::digest(&message).to_vec(), Pkcs1v15Sign::new::<sha2::Sha384>()),
            (&RSA_PKCS1_2048_8192_SHA512, sha2::Sha512::digest(&message).to_vec(), Pkcs1v15Sign::new::<sha2::Sha512>()),
        ];
        for (alg, hashed, padding) in cases {
            let signature = key.sign(padding, &hashed).unwrap();
            prop_assert_eq!(alg.verify_signature(&spki, &message, &signature), Ok(()));
            let mut flipped = signature.clone();
            flipped[(bit / 8) % signature.len()] ^= 1 << (bit % 8);
            prop_assert!(alg.verify_signature(&spki, &message, &flipped).is_err());
        }
    }

    #[test]
    fn reference_signatures_verify_on_a_1024_bit_key(message in proptest::collection::vec(any::<u8>(), 0..100)) {
        // 16 limbs: a different compiled Montgomery width than the 2048-bit key's 32.
        let key = private_key("rsa1024.key.pem");
        let spki = keys::read("rsa1024.spki.der");
        let signature = key.sign(Pkcs1v15Sign::new::<sha2::Sha256>(), &sha2::Sha256::digest(&message)).unwrap();
        let alg = BACKEND_WITH_LEGACY_RSA.by_name("rsa-pkcs1-sha256").unwrap();
        prop_assert_eq!(alg.verify_signature(&spki, &message, &signature), Ok(()));
    }
}
