//! Composite ML-DSA (draft-ietf-lamps-pq-composite-sigs-19): signatures made by the
//! committed generator (`tests/common/composite_builder.rs`) verify through the trait, each
//! broken half, swapped halves, wrong lengths and a wrong label are refused, and a
//! composite certificate path and a CMS signer work unchanged. The draft's own published
//! vectors are checked in `tests/composite_vectors.rs`.

mod common;
#[path = "common/composite_builder.rs"]
mod composite_builder;

use common::builder::{
    aki, basic_constraints_ca, key_id, key_usage_ca, key_usage_ee, simple_name, ski,
};
use composite_builder::*;
use jpki_verify::rustcrypto::{
    BACKEND, COMPOSITE_MLDSA44_RSA2048_PKCS15_SHA256, COMPOSITE_MLDSA65_ECDSA_P256_SHA512,
    COMPOSITE_MLDSA65_ECDSA_P384_SHA512, COMPOSITE_ML_DSA_FAMILY,
};
use jpki_verify::{
    Certificate, Error, PathValidator, PublicKeyInfo, SignatureVerificationAlgorithm,
    TrustAnchor,
};

const MSG: &[u8] = b"composite test message";

#[test]
fn generated_signatures_verify_through_the_trait_and_the_backend() {
    let k = MlDsa65P256::new(1);
    let alg = &COMPOSITE_MLDSA65_ECDSA_P256_SHA512;
    let spki = k.spki();
    let sig = k.sign(MSG);
    assert_eq!(alg.verify_signature(&spki, MSG, &sig), Ok(()));
    // The backend finds the object from the AlgorithmIdentifier alone.
    let id_der = composite_alg(ID_MLDSA65_ECDSA_P256_SHA512);
    let id = jpki_verify::AlgorithmIdentifier::from_der(&id_der).unwrap();
    let used = BACKEND.verify_signed_data(&spki, &id, MSG, &sig).unwrap();
    assert_eq!(used.name(), "composite-mldsa65-ecdsa-p256-sha512");
    assert_eq!(used.family(), COMPOSITE_ML_DSA_FAMILY);
    assert_eq!(
        alg.key_info(&spki),
        Ok(PublicKeyInfo::Other {
            family: COMPOSITE_ML_DSA_FAMILY
        })
    );

    let r = MlDsa44Rsa2048::new(2);
    let rsa_alg = &COMPOSITE_MLDSA44_RSA2048_PKCS15_SHA256;
    assert_eq!(rsa_alg.verify_signature(&r.spki(), MSG, &r.sign(MSG)), Ok(()));
    let mut broken = r.sign(MSG);
    *broken.last_mut().unwrap() ^= 1;
    assert_eq!(
        rsa_alg.verify_signature(&r.spki(), MSG, &broken),
        Err(Error::BadSignature)
    );
}

#[test]
fn a_context_string_is_bound() {
    let k = MlDsa65P256::new(3);
    let alg = &COMPOSITE_MLDSA65_ECDSA_P256_SHA512;
    let sig = k.sign_with(MSG, b"ctx");
    assert_eq!(alg.verify_with_context(&k.spki(), MSG, b"ctx", &sig), Ok(()));
    assert_eq!(
        alg.verify_with_context(&k.spki(), MSG, b"ctY", &sig),
        Err(Error::BadSignature)
    );
    // The trait's empty context is a different M'.
    assert_eq!(alg.verify_signature(&k.spki(), MSG, &sig), Err(Error::BadSignature));
    assert_eq!(
        alg.verify_with_context(&k.spki(), MSG, &[0u8; 256], &sig),
        Err(Error::BadSignature)
    );
}

#[test]
fn each_broken_half_swapped_halves_wrong_lengths_and_a_wrong_label_are_refused() {
    let k = MlDsa65P256::new(4);
    let alg = &COMPOSITE_MLDSA65_ECDSA_P256_SHA512;
    let spki = k.spki();
    let (ml, ec) = k.halves(MSG, &[], LABEL_MLDSA65_ECDSA_P256_SHA512);
    let verify = |sig: &[u8]| alg.verify_signature(&spki, MSG, sig);
    assert_eq!(verify(&[ml.clone(), ec.clone()].concat()), Ok(()));

    // A flipped byte in the ML-DSA half (inside z, which still decodes).
    let mut bad_ml = ml.clone();
    bad_ml[100] ^= 0x01;
    assert_eq!(verify(&[bad_ml, ec.clone()].concat()), Err(Error::BadSignature));

    // A flipped byte in the traditional half: in s's last octet (still DER), and in the
    // DER header (no longer an Ecdsa-Sig-Value).
    let mut bad_ec = ec.clone();
    *bad_ec.last_mut().unwrap() ^= 0x01;
    assert_eq!(verify(&[ml.clone(), bad_ec].concat()), Err(Error::BadSignature));
    let mut bad_der = ec.clone();
    bad_der[0] = 0x31;
    assert_eq!(
        verify(&[ml.clone(), bad_der].concat()),
        Err(Error::MalformedSignature)
    );

    // Swapped halves: the first 3309 octets are no longer an ML-DSA signature of M'.
    assert!(matches!(
        verify(&[ec.clone(), ml.clone()].concat()),
        Err(Error::BadSignature | Error::MalformedSignature)
    ));

    // Wrong lengths: only the ML-DSA part, one octet short of it, empty, an octet appended.
    assert_eq!(verify(&ml), Err(Error::MalformedSignature));
    assert_eq!(verify(&ml[..ml.len() - 1]), Err(Error::MalformedSignature));
    assert_eq!(verify(&[]), Err(Error::MalformedSignature));
    assert_eq!(
        verify(&[ml.clone(), ec.clone(), vec![0]].concat()),
        Err(Error::MalformedSignature)
    );

    // Each half valid, but under another combination's label: both halves fail.
    let (ml_wrong, ec_wrong) = k.halves(MSG, &[], b"COMPSIG-MLDSA65-ECDSA-P384-SHA512");
    assert_eq!(
        verify(&[ml_wrong.clone(), ec.clone()].concat()),
        Err(Error::BadSignature)
    );
    assert_eq!(verify(&[ml, ec_wrong].concat()), Err(Error::BadSignature));

    // The ML-DSA half alone under pure ML-DSA-65 with an empty context is not M''s
    // signature either (the label is its context): no stripping to a standalone signature.
    let ml_spki = {
        let mut bits = vec![0u8];
        bits.extend_from_slice(&k.ml_pk());
        common::builder::seq(&[
            &common::builder::seq(&[&common::builder::oid("2.16.840.1.101.3.4.3.18")]),
            &common::builder::tlv(0x03, &bits),
        ])
    };
    assert_eq!(
        jpki_verify::rustcrypto::ML_DSA_65.verify_signature(&ml_spki, MSG, &ml_wrong),
        Err(Error::BadSignature)
    );
}

#[test]
fn malformed_and_mismatched_keys_are_refused() {
    let k = MlDsa65P256::new(5);
    let alg = &COMPOSITE_MLDSA65_ECDSA_P256_SHA512;
    let sig = k.sign(MSG);
    // The ML-DSA key alone, and a truncated EC point.
    let short = composite_spki(ID_MLDSA65_ECDSA_P256_SHA512, &k.ml_pk(), &[]);
    assert_eq!(alg.verify_signature(&short, MSG, &sig), Err(Error::MalformedPublicKey));
    let ec = k.ec_pk();
    let truncated = composite_spki(ID_MLDSA65_ECDSA_P256_SHA512, &k.ml_pk(), &ec[..64]);
    assert!(alg.verify_signature(&truncated, MSG, &sig).is_err());
    // Swapped key halves.
    let swapped = composite_spki(ID_MLDSA65_ECDSA_P256_SHA512, &ec, &k.ml_pk());
    assert!(alg.verify_signature(&swapped, MSG, &sig).is_err());
    // Another combination's object refuses the key by its OID.
    assert_eq!(
        COMPOSITE_MLDSA65_ECDSA_P384_SHA512.verify_signature(&k.spki(), MSG, &sig),
        Err(Error::SignatureAlgorithmMismatch)
    );
    // Parameters present (the draft requires them absent).
    let mut with_null = k.spki();
    // SEQUENCE(SEQUENCE(OID)) -> rebuild with NULL parameters.
    let alg_null = common::builder::seq(&[
        &common::builder::oid(ID_MLDSA65_ECDSA_P256_SHA512),
        &[0x05, 0x00],
    ]);
    let mut bits = vec![0u8];
    bits.extend_from_slice(&k.ml_pk());
    bits.extend_from_slice(&ec);
    with_null = {
        let _ = &mut with_null;
        common::builder::seq(&[&alg_null, &common::builder::tlv(0x03, &bits)])
    };
    assert_eq!(
        alg.verify_signature(&with_null, MSG, &sig),
        Err(Error::MalformedPublicKey)
    );
}

// --- A composite certificate path ------------------------------------------------------

fn cert(der: &[u8]) -> Certificate {
    Certificate::from_der(der).unwrap()
}

/// A certificate signed by `signer` with the composite algorithm.
fn composite_cert(
    serial: u64,
    issuer: &[u8],
    subject: &[u8],
    spki: &[u8],
    extensions: &[Vec<u8>],
    signer: &MlDsa65P256,
) -> Vec<u8> {
    let alg = composite_alg(ID_MLDSA65_ECDSA_P256_SHA512);
    let tbs = mldsa_like_tbs(serial, &alg, issuer, subject, spki, extensions);
    let mut bits = vec![0u8];
    bits.extend_from_slice(&signer.sign(&tbs));
    common::builder::seq(&[&tbs, &alg, &common::builder::tlv(0x03, &bits)])
}

fn mldsa_like_tbs(
    serial: u64,
    alg: &[u8],
    issuer: &[u8],
    subject: &[u8],
    spki: &[u8],
    extensions: &[Vec<u8>],
) -> Vec<u8> {
    use common::builder::{tlv, uint, utc_time};
    let parts = [
        tlv(0xa0, &uint(2)),
        uint(serial),
        alg.to_vec(),
        issuer.to_vec(),
        common::builder::seq(&[&utc_time("20200101000000"), &utc_time("20401231235959")]),
        subject.to_vec(),
        spki.to_vec(),
        tlv(0xa3, &tlv(0x30, &extensions.concat())),
    ];
    tlv(0x30, &parts.concat())
}

struct Pki {
    root: Vec<u8>,
    leaf: Vec<u8>,
}

fn pki() -> Pki {
    let (root_key, leaf_key) = (MlDsa65P256::new(10), MlDsa65P256::new(11));
    let (root_name, leaf_name) = (simple_name("Composite Root"), simple_name("Composite Leaf"));
    let root = composite_cert(
        1,
        &root_name,
        &root_name,
        &root_key.spki(),
        &[basic_constraints_ca(None), key_usage_ca(), ski(&key_id(10))],
        &root_key,
    );
    let leaf = composite_cert(
        2,
        &root_name,
        &leaf_name,
        &leaf_key.spki(),
        &[key_usage_ee(), aki(&key_id(10))],
        &root_key,
    );
    Pki { root, leaf }
}

fn validate(root: &[u8], leaf: &[u8]) -> Result<(), Error> {
    let anchors = [TrustAnchor::from_certificate(cert(root))];
    PathValidator::with_backend(&BACKEND, common::at("2026-06-01T00:00:00Z"))
        .validate(&cert(leaf), &[], &anchors)
        .map(|_| ())
}

#[test]
fn a_composite_path_validates_and_a_tampered_leaf_is_refused() {
    let p = pki();
    assert_eq!(validate(&p.root, &p.leaf), Ok(()));
    // The leaf's signature: one octet flipped in the ML-DSA half, then in the ECDSA half.
    let len = p.leaf.len();
    let mut in_ecdsa = p.leaf.clone();
    in_ecdsa[len - 1] ^= 0x01;
    assert_eq!(validate(&p.root, &in_ecdsa), Err(Error::BadSignature));
    let mut in_ml_dsa = p.leaf.clone();
    in_ml_dsa[len - 72 - 3000] ^= 0x01;
    assert_eq!(validate(&p.root, &in_ml_dsa), Err(Error::BadSignature));
}

// --- A CMS signer ----------------------------------------------------------------------

/// A SignerInfo over `content` (SHA-512 message digest, the draft's CMS companion's
/// choice) signed by `leaf_key` with the composite algorithm over the DER signed
/// attributes.
fn composite_signer_info(leaf: &[u8], content: &[u8], leaf_key: &MlDsa65P256) -> Vec<u8> {
    use common::builder::{oid, seq, tlv, uint};
    use sha2::{Digest, Sha512};
    let digest = Sha512::digest(content);
    let content_type = seq(&[
        &oid("1.2.840.113549.1.9.3"),
        &tlv(0x31, &oid("1.2.840.113549.1.7.1")),
    ]);
    let message_digest = seq(&[
        &oid("1.2.840.113549.1.9.4"),
        &tlv(0x31, &tlv(0x04, &digest)),
    ]);
    let attrs = [content_type, message_digest].concat();
    let signature = leaf_key.sign(&tlv(0x31, &attrs));
    let c = cert(leaf);
    let sid = seq(&[c.issuer().as_der(), &tlv(0x02, c.serial())]);
    seq(&[
        &uint(1),
        &sid,
        &seq(&[&oid("2.16.840.1.101.3.4.2.3")]),
        &tlv(0xa0, &attrs),
        &composite_alg(ID_MLDSA65_ECDSA_P256_SHA512),
        &tlv(0x04, &signature),
    ])
}

fn signed_data(content: &[u8], certificates: &[&[u8]], signer_info: &[u8]) -> Vec<u8> {
    use common::builder::{oid, seq, tlv, uint};
    let signed = seq(&[
        &uint(1),
        &tlv(0x31, &seq(&[&oid("2.16.840.1.101.3.4.2.3")])),
        &seq(&[
            &oid("1.2.840.113549.1.7.1"),
            &tlv(0xa0, &tlv(0x04, content)),
        ]),
        &tlv(0xa0, &certificates.concat()),
        &tlv(0x31, signer_info),
    ]);
    seq(&[&oid("1.2.840.113549.1.7.2"), &tlv(0xa0, &signed)])
}

#[test]
fn a_cms_signer_with_a_composite_key_verifies_and_tampering_is_refused() {
    use jpki_verify::cms::{CmsVerifier, Content};
    let p = pki();
    let leaf_key = MlDsa65P256::new(11);
    let anchors = [TrustAnchor::from_certificate(cert(&p.root))];
    let validator = PathValidator::with_backend(&BACKEND, common::at("2026-06-01T00:00:00Z"));

    let document = signed_data(b"hello", &[&p.leaf], &composite_signer_info(&p.leaf, b"hello", &leaf_key));
    let report = CmsVerifier::new(validator, &anchors).verify(&document, Content::Attached);
    assert_eq!(report.result, Ok(()));
    assert_eq!(
        report.signers[0].algorithm.map(|a| a.name()),
        Some("composite-mldsa65-ecdsa-p256-sha512")
    );
    assert_eq!(report.signers[0].family, Some(COMPOSITE_ML_DSA_FAMILY));

    // The traditional half of the signature value broken (its last octet).
    let mut si = composite_signer_info(&p.leaf, b"hello", &leaf_key);
    *si.last_mut().unwrap() ^= 0x01;
    let report =
        CmsVerifier::new(validator, &anchors).verify(&signed_data(b"hello", &[&p.leaf], &si), Content::Attached);
    assert_eq!(report.result, Err(Error::BadSignature));

    // Signed by another composite key than the certificate's.
    let document = signed_data(
        b"hello",
        &[&p.leaf],
        &composite_signer_info(&p.leaf, b"hello", &MlDsa65P256::new(12)),
    );
    let report = CmsVerifier::new(validator, &anchors).verify(&document, Content::Attached);
    assert_eq!(report.result, Err(Error::BadSignature));
}

/// No built-in sunset table has a composite rule (none of their sources sets one): the
/// judge refuses a composite signer by name rather than judging it as either half.
#[test]
fn the_sunset_judge_refuses_a_composite_signer_it_cannot_describe() {
    use jpki_verify::Verdict;
    use jpki_verify::cms::{CmsVerifier, Content};
    use jpki_verify::policy::{BSI_TR_02102_1, NIST_IR8547_DRAFT};
    let p = pki();
    let anchors = [TrustAnchor::from_certificate(cert(&p.root))];
    let document = signed_data(
        b"hello",
        &[&p.leaf],
        &composite_signer_info(&p.leaf, b"hello", &MlDsa65P256::new(11)),
    );
    for table in [&NIST_IR8547_DRAFT, &BSI_TR_02102_1] {
        let validator = PathValidator::with_backend(&BACKEND, common::at("2026-06-01T00:00:00Z"));
        let report = CmsVerifier::new(validator, &anchors)
            .sunset(table)
            .verify(&document, Content::Attached);
        assert_eq!(report.result, Err(Error::CmsAlgorithmRejected));
        let judged = report.signers[0].policy.as_ref().unwrap();
        assert_eq!(judged.verdict, Verdict::Reject, "{:?}", judged.findings);
        assert!(
            judged.findings.iter().any(|f| f.contains("composite")),
            "{:?}",
            judged.findings
        );
    }
}
