//! Certificate parsing as path validation relies on it: original TBS bytes, strictness
//! where RFC 5280 demands it, tolerance where PKI practice needs it.

mod common;

use common::builder::{
    aki, ca_cert, ecdsa_sha256, ee_cert, extension, key, key_id, key_usage_ee, oid, seq, sign,
    simple_name, spki, tlv, uint, utc_time,
};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{Certificate, Error, PathValidator, TrustAnchor, UnixTime};

fn now() -> UnixTime {
    common::at("2025-06-01T00:00:00Z")
}

fn root() -> (Vec<u8>, TrustAnchor) {
    let dn = simple_name("Root");
    let cert = Certificate::from_der(&ca_cert(1, &dn, 1, &dn, 1)).unwrap();
    (dn, TrustAnchor::from_certificate(cert))
}

/// A TBSCertificate issued by the root (key 1) for key 2, with the given version field and
/// extensions, signed as encoded.
fn make_tbs(version: Option<Vec<u8>>, extensions: &[Vec<u8>]) -> Vec<u8> {
    let (issuer, _) = root();
    let mut parts = Vec::new();
    if let Some(v) = version {
        parts.push(v);
    }
    parts.extend([
        uint(7),
        ecdsa_sha256(),
        issuer,
        seq(&[&utc_time("20200101000000"), &utc_time("20401231235959")]),
        simple_name("Leaf"),
        spki(&key(2)),
    ]);
    if !extensions.is_empty() {
        parts.push(tlv(0xa3, &tlv(0x30, &extensions.concat())));
    }
    tlv(0x30, &parts.concat())
}

#[test]
fn explicit_default_version_is_verified_over_the_original_bytes() {
    // version [0] INTEGER 0 (v1) encoded explicitly: not DER, but seen in the wild. A
    // re-encoding would drop it and the signature would no longer match.
    let tbs = make_tbs(Some(tlv(0xa0, &uint(0))), &[]);
    let der = sign(&tbs, &ecdsa_sha256(), &key(1));
    let cert = Certificate::from_der(&der).unwrap();
    assert_eq!(cert.version(), 1);
    assert_eq!(cert.tbs_der(), &tbs[..]);
    let (_, anchor) = root();
    let path = PathValidator::with_backend(&BACKEND, now())
        .validate(&cert, &[], std::slice::from_ref(&anchor))
        .unwrap();
    assert_eq!(path.entries()[0].algorithm().name(), "ecdsa-p256-sha256");
}

#[test]
fn typed_access() {
    let (dn, _) = root();
    let cert = Certificate::from_der(&ee_cert(0x1234, &dn, 1, &simple_name("Leaf"), 2)).unwrap();
    assert_eq!(cert.serial(), [0x12, 0x34]);
    assert_eq!(cert.subject().to_string(), "O=JPKI Test, CN=Leaf");
    assert_eq!(cert.issuer().to_string(), "O=JPKI Test, CN=Root");
    assert_eq!(cert.authority_key_id(), Some(&key_id(1)[..]));
    assert!(!cert.is_ca() && !cert.is_self_issued());
    assert_eq!(
        cert.validity().not_before,
        UnixTime::from_calendar(2020, 1, 1, 0, 0, 0).unwrap()
    );
    assert_eq!(cert.critical_extensions().count(), 1);
}

#[test]
fn duplicate_extensions_are_rejected() {
    let tbs = make_tbs(
        Some(tlv(0xa0, &uint(2))),
        &[key_usage_ee(), aki(&key_id(1)), key_usage_ee()],
    );
    let der = sign(&tbs, &ecdsa_sha256(), &key(1));
    assert_eq!(
        Certificate::from_der(&der).unwrap_err(),
        Error::DuplicateExtension
    );
}

#[test]
fn inner_and_outer_algorithms_must_agree() {
    let tbs = make_tbs(Some(tlv(0xa0, &uint(2))), &[]);
    let sha384 = seq(&[&oid("1.2.840.10045.4.3.3")]);
    let der = sign(&tbs, &sha384, &key(1));
    assert_eq!(
        Certificate::from_der(&der).unwrap_err(),
        Error::SignatureAlgorithmFieldMismatch
    );
}

#[test]
fn unknown_critical_extensions_parse_but_do_not_validate() {
    let unknown = extension("1.3.6.1.4.1.55555.1", true, &tlv(0x05, &[]));
    let tbs = make_tbs(
        Some(tlv(0xa0, &uint(2))),
        &[key_usage_ee(), unknown.clone()],
    );
    let cert = Certificate::from_der(&sign(&tbs, &ecdsa_sha256(), &key(1))).unwrap();
    assert!(cert.unsupported_critical_extension().is_some());
    let (_, anchor) = root();
    let err = PathValidator::with_backend(&BACKEND, now())
        .validate(&cert, &[], std::slice::from_ref(&anchor))
        .unwrap_err();
    assert_eq!(err, Error::UnsupportedCriticalExtension { index: 0 });

    // The same extension, not critical, is ignored.
    let benign = extension("1.3.6.1.4.1.55555.1", false, &tlv(0x05, &[]));
    let tbs = make_tbs(Some(tlv(0xa0, &uint(2))), &[key_usage_ee(), benign]);
    let cert = Certificate::from_der(&sign(&tbs, &ecdsa_sha256(), &key(1))).unwrap();
    assert!(
        PathValidator::with_backend(&BACKEND, now())
            .validate(&cert, &[], std::slice::from_ref(&anchor))
            .is_ok()
    );
}

#[test]
fn malformed_input_is_an_error_not_a_panic() {
    let (dn, _) = root();
    let good = ca_cert(3, &dn, 1, &simple_name("CA"), 3);
    for len in 0..good.len() {
        assert!(Certificate::from_der(&good[..len]).is_err());
    }
    let mut trailing = good.clone();
    trailing.push(0);
    assert_eq!(
        Certificate::from_der(&trailing).unwrap_err(),
        Error::MalformedCertificate
    );
    // Flip every byte in turn: parsing may succeed or fail, but must not panic.
    for i in 0..good.len() {
        let mut bad = good.clone();
        bad[i] ^= 0xff;
        let _ = Certificate::from_der(&bad);
    }
}
