//! Behaviour of the algorithm objects on the committed keys: key-size policy, algorithm
//! matching and the typed errors.

#[path = "common/keys.rs"]
mod keys;

use jpki_verify::rustcrypto::{
    BACKEND, BACKEND_WITH_LEGACY_RSA, ECDSA_P256_SHA256, ECDSA_P384_SHA384,
    ECDSA_P384_SHA384_P1363, RSA_PKCS1_2048_8192_SHA256, RSA_PSS_2048_8192_SHA256,
};
use jpki_verify::{
    AlgorithmIdentifier, Error, PssParameters, PublicKeyInfo, SignatureVerificationAlgorithm,
};

fn sig(name: &str) -> Vec<u8> {
    keys::read(&format!("{name}.sig"))
}

#[test]
fn rsa_1024_needs_the_legacy_opt_in() {
    let spki = keys::read("rsa1024.spki.der");
    let signature = keys::read("rsa1024-pkcs1-sha256.sig");
    let message = keys::message();
    assert_eq!(
        RSA_PKCS1_2048_8192_SHA256.verify_signature(&spki, &message, &signature),
        Err(Error::RsaKeyTooSmall {
            bits: 1024,
            min_bits: 2048
        })
    );
    let legacy = BACKEND_WITH_LEGACY_RSA.by_name("rsa-pkcs1-sha256").unwrap();
    assert_eq!(legacy.verify_signature(&spki, &message, &signature), Ok(()));
}

#[test]
fn key_info_reports_size_and_curve() {
    assert_eq!(
        PublicKeyInfo::from_spki(&keys::read("rsa2048.spki.der")),
        Ok(PublicKeyInfo::Rsa { modulus_bits: 2048 })
    );
    assert_eq!(
        PublicKeyInfo::from_spki(&keys::read("p384.spki.der")),
        Ok(PublicKeyInfo::Ec {
            curve: jpki_verify::NamedCurve::P384
        })
    );
    assert_eq!(
        PublicKeyInfo::from_spki(b"junk"),
        Err(Error::MalformedPublicKey)
    );
}

#[test]
fn wrong_key_type_is_a_mismatch() {
    let message = keys::message();
    assert_eq!(
        ECDSA_P384_SHA384.verify_signature(
            &keys::read("rsa2048.spki.der"),
            &message,
            &sig("ecdsa-p384-sha384")
        ),
        Err(Error::SignatureAlgorithmMismatch)
    );
    // A P-256 key offered to a P-384 algorithm.
    assert_eq!(
        ECDSA_P384_SHA384.verify_signature(
            &keys::read("p256.spki.der"),
            &message,
            &sig("ecdsa-p384-sha384")
        ),
        Err(Error::SignatureAlgorithmMismatch)
    );
    assert_eq!(
        RSA_PKCS1_2048_8192_SHA256.verify_signature(
            &keys::read("p256.spki.der"),
            &message,
            &sig("rsa-pkcs1-sha256")
        ),
        Err(Error::SignatureAlgorithmMismatch)
    );
}

#[test]
fn malformed_signatures_are_told_apart_from_bad_ones() {
    let message = keys::message();
    let p384 = keys::read("p384.spki.der");
    // DER expected, fixed-width given.
    assert_eq!(
        ECDSA_P384_SHA384.verify_signature(&p384, &message, &sig("ecdsa-p384-sha384-p1363")),
        Err(Error::MalformedSignature)
    );
    assert_eq!(
        ECDSA_P384_SHA384_P1363.verify_signature(&p384, &message, &sig("ecdsa-p384-sha384")),
        Err(Error::MalformedSignature)
    );
    // Right form, wrong message.
    assert_eq!(
        ECDSA_P384_SHA384_P1363.verify_signature(&p384, b"other", &sig("ecdsa-p384-sha384-p1363")),
        Err(Error::BadSignature)
    );
    let rsa = keys::read("rsa2048.spki.der");
    let short = &sig("rsa-pkcs1-sha256")[1..];
    assert_eq!(
        RSA_PKCS1_2048_8192_SHA256.verify_signature(&rsa, &message, short),
        Err(Error::MalformedSignature)
    );
}

#[test]
fn lookup_by_identifier_picks_the_right_object() {
    let message = keys::message();
    let cases = [
        ("ecdsa-p256-sha256", ECDSA_P256_SHA256.signature_alg_id()),
        (
            "rsa-pkcs1-sha256",
            RSA_PKCS1_2048_8192_SHA256.signature_alg_id(),
        ),
        (
            "rsa-pss-sha256",
            RSA_PSS_2048_8192_SHA256.signature_alg_id(),
        ),
    ];
    for (name, id) in cases {
        let used = BACKEND
            .verify_signed_data(&keys::spki_for(name), &id, &message, &sig(name))
            .unwrap();
        assert_eq!(used.name(), name);
    }
    // The same identifier re-read from DER matches too.
    let der = RSA_PSS_2048_8192_SHA256.signature_alg_id().to_der();
    let parsed = AlgorithmIdentifier::from_der(&der).unwrap();
    assert_eq!(parsed, RSA_PSS_2048_8192_SHA256.signature_alg_id());
    // An ECDSA identifier with an RSA key: known algorithm, wrong key.
    assert_eq!(
        BACKEND
            .verify_signed_data(
                &keys::read("rsa2048.spki.der"),
                &ECDSA_P256_SHA256.signature_alg_id(),
                &message,
                &sig("rsa-pkcs1-sha256")
            )
            .map(|a| a.name()),
        Err(Error::SignatureAlgorithmMismatch)
    );
}

#[test]
fn pss_parameters_are_parsed_and_checked() {
    let id = RSA_PSS_2048_8192_SHA256.signature_alg_id();
    let params = PssParameters::from_der(id.parameters().unwrap()).unwrap();
    assert_eq!(params.salt_len, 32);
    assert_eq!(params.hash, jpki_verify::HashAlgorithm::Sha256);
    // Empty SEQUENCE: every field defaulted to SHA-1 / MGF1-SHA-1 / 20 / 1.
    let defaults = PssParameters::from_der(&[0x30, 0x00]).unwrap();
    assert_eq!(defaults.hash, jpki_verify::HashAlgorithm::Sha1);
    assert_eq!(defaults.salt_len, 20);
    // trailerField 2 is not allowed.
    assert_eq!(
        PssParameters::from_der(&[0x30, 0x05, 0xa3, 0x03, 0x02, 0x01, 0x02]),
        Err(Error::InvalidRsaPssParameters)
    );
    // Trailing garbage.
    assert_eq!(
        PssParameters::from_der(&[0x30, 0x00, 0x00]),
        Err(Error::InvalidRsaPssParameters)
    );
    // SHA-1 PSS is not offered: the SHA-1 identifier finds no algorithm.
    let sha1_pss = AlgorithmIdentifier::new(id.oid(), Some(&[0x30, 0x00]));
    assert_eq!(
        BACKEND
            .verify_signed_data(
                &keys::read("rsa2048.spki.der"),
                &sha1_pss,
                &keys::message(),
                &sig("rsa-pss-sha256")
            )
            .map(|a| a.name()),
        Err(Error::UnsupportedSignatureAlgorithm)
    );
}

#[test]
fn even_or_unit_exponents_are_refused() {
    // Re-encode the committed key with e = 65536 (even) and e = 1.
    let spki = keys::read("rsa2048.spki.der");
    for (replacement, expected) in [
        (&[0x01, 0x00, 0x00][..], Error::InvalidRsaExponent),
        (&[0x01][..], Error::InvalidRsaExponent),
        // Nine bytes, odd: refused for its length, not its parity.
        (
            &[0x01, 0, 0, 0, 0, 0, 0, 0, 0x01][..],
            Error::RsaExponentTooLarge { bytes: 9 },
        ),
    ] {
        let patched = replace_exponent(&spki, replacement);
        assert_eq!(
            RSA_PKCS1_2048_8192_SHA256.verify_signature(
                &patched,
                &keys::message(),
                &sig("rsa-pkcs1-sha256")
            ),
            Err(expected)
        );
    }
}

/// Rebuilds a 2048-bit rsaEncryption SPKI with another exponent (lengths stay short-form).
fn replace_exponent(spki: &[u8], e: &[u8]) -> Vec<u8> {
    // The committed key ends with `02 03 01 00 01` (e = 65537).
    assert_eq!(&spki[spki.len() - 5..], &[0x02, 0x03, 0x01, 0x00, 0x01]);
    let modulus_part = &spki[..spki.len() - 5];
    // Offsets: SPKI 30 82 xx xx | alg 30 0d ... | 03 82 xx xx 00 | 30 82 xx xx | n ...
    let n_start = 4 + 15 + 5 + 4;
    let n = &modulus_part[n_start..];
    let mut rsa_key = n.to_vec();
    rsa_key.extend([0x02, e.len() as u8]);
    rsa_key.extend_from_slice(e);
    let seq = |tag: u8, body: &[u8]| {
        let mut out = vec![tag, 0x82, (body.len() >> 8) as u8, body.len() as u8];
        out.extend_from_slice(body);
        out
    };
    let rsa_key = seq(0x30, &rsa_key);
    let mut bits = vec![0x00];
    bits.extend(rsa_key);
    let mut body = spki[4..4 + 15].to_vec();
    body.extend(seq(0x03, &bits));
    seq(0x30, &body)
}

#[test]
fn prepared_key_cache_serves_its_key_and_falls_back_for_other_algorithms() {
    use jpki_verify::{PreparedKeyCache, verify_signed_data_cached};
    let spki = keys::read("rsa2048.spki.der");
    let message = keys::message();
    let cache = PreparedKeyCache::new();
    let sha256 = RSA_PKCS1_2048_8192_SHA256.signature_alg_id();
    // First use prepares, second reuses: both verify, and a wrong signature still fails.
    for _ in 0..2 {
        let used = verify_signed_data_cached(
            BACKEND.algorithms,
            &cache,
            &spki,
            &sha256,
            &message,
            &sig("rsa-pkcs1-sha256"),
        )
        .unwrap();
        assert_eq!(used.name(), "rsa-pkcs1-sha256");
    }
    assert_eq!(
        verify_signed_data_cached(
            BACKEND.algorithms,
            &cache,
            &spki,
            &sha256,
            b"other",
            &sig("rsa-pkcs1-sha256")
        )
        .map(|a| a.name()),
        Err(Error::BadSignature)
    );
    // Another algorithm object with the same key is served without the cache.
    let sha384 = BACKEND
        .by_name("rsa-pkcs1-sha384")
        .unwrap()
        .signature_alg_id();
    let used = verify_signed_data_cached(
        BACKEND.algorithms,
        &cache,
        &spki,
        &sha384,
        &message,
        &sig("rsa-pkcs1-sha384"),
    )
    .unwrap();
    assert_eq!(used.name(), "rsa-pkcs1-sha384");
    // A key that fails to prepare keeps failing with its own error.
    let bad = PreparedKeyCache::new();
    let small = keys::read("rsa1024.spki.der");
    for _ in 0..2 {
        assert_eq!(
            verify_signed_data_cached(
                BACKEND.algorithms,
                &bad,
                &small,
                &sha256,
                &message,
                &keys::read("rsa1024-pkcs1-sha256.sig")
            )
            .map(|a| a.name()),
            Err(Error::RsaKeyTooSmall {
                bits: 1024,
                min_bits: 2048
            })
        );
    }
}
