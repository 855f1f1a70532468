//! Serial numbers and the other INTEGERs of certificates and CRLs (issue 13).
//!
//! DER allows one encoding per integer (X.690 8.3.2): no redundant leading `00` (before an
//! octet below `0x80`) or `ff` (before one at or above it). Serials are matched to CRL entries
//! by their content octets, which is integer comparison only because every encoding is
//! minimal: a non-minimal INTEGER is refused when the certificate or CRL is parsed, each with
//! its own error kind (`non-minimal-certificate-integer`, `non-minimal-crl-integer`).
//!
//! Zero and negative serials, which RFC 5280 4.1.2.2 forbids but which non-conforming CAs
//! have issued, are still accepted (and matched as integers like any other).

mod common;

use common::builder::{
    Spec, certificate_with_serial, ecdsa_sha256, extension, integer, key, key_usage_ee,
    revoked_serial, seq, sign, signed_crl, simple_name, spki, tlv, uint, utc_time,
};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{
    Certificate, Crl, CrlSet, Error, PathValidator, RevocationMode, RevocationReason, TrustAnchor,
    UnixTime,
};

const ROOT_SEED: u32 = 1;
const LEAF_SEED: u32 = 2;

fn now() -> UnixTime {
    common::at("2025-06-01T00:00:00Z")
}

fn root_name() -> Vec<u8> {
    simple_name("Serials Root")
}

fn root_anchor() -> TrustAnchor {
    TrustAnchor::from_subject_and_spki(&root_name(), &spki(&key(ROOT_SEED))).unwrap()
}

/// A leaf issued by the root with this serial (content octets as given) and extensions.
fn leaf_der(serial: &[u8], extensions: Vec<Vec<u8>>) -> Vec<u8> {
    certificate_with_serial(
        &Spec {
            serial: 0,
            issuer: &root_name(),
            subject: &simple_name("Serials Leaf"),
            not_before: "20200101000000",
            not_after: "20401231235959",
            subject_key: &key(LEAF_SEED),
            extensions,
        },
        serial,
        &key(ROOT_SEED),
    )
}

fn leaf(serial: &[u8]) -> Result<Certificate, Error> {
    Certificate::from_der(&leaf_der(serial, vec![key_usage_ee()]))
}

/// The root's v2 CRL revoking these serials (content octets as given).
fn crl_revoking(serials: &[&[u8]]) -> Result<Crl, Error> {
    crl_with(&[1], serials, &[])
}

fn crl_with(version: &[u8], serials: &[&[u8]], extensions: &[Vec<u8>]) -> Result<Crl, Error> {
    let entries: Vec<Vec<u8>> = serials.iter().map(|s| revoked_serial(s, &[])).collect();
    Crl::from_der(&signed_crl(
        &root_name(),
        &key(ROOT_SEED),
        version,
        &entries,
        extensions,
    ))
}

/// Validates `leaf` against the root, CRLs required.
fn validate(leaf: &Certificate, crls: &[Crl]) -> Result<(), Error> {
    let set = CrlSet::new(crls);
    PathValidator::with_backend(&BACKEND, now())
        .revocation(RevocationMode::RequireCurrent, &set)
        .validate(leaf, &[], &[root_anchor()])
        .map(|_| ())
}

const REVOKED: Result<(), Error> = Err(Error::Revoked {
    index: 0,
    reason: RevocationReason::Unspecified,
});

// ---------------------------------------------------------------------------------------
// Certificates
// ---------------------------------------------------------------------------------------

#[test]
fn non_minimal_certificate_serials_are_refused() {
    for serial in [
        &[0x00, 0x10, 0x00, 0x03, 0x02][..], // the example: 0x10000302
        &[0x00, 0x00],                       // zero, padded
        &[0x00, 0x7f],                       // positive, padded
        &[0x00, 0x00, 0x80],                 // positive with its sign octet, padded again
        &[0xff, 0x80],                       // negative, sign-extended
        &[0xff, 0xff],                       // -1, sign-extended
    ] {
        assert_eq!(
            leaf(serial).err(),
            Some(Error::NonMinimalCertificateInteger),
            "{serial:02x?}"
        );
    }
    assert_eq!(
        Error::NonMinimalCertificateInteger.kind(),
        "non-minimal-certificate-integer"
    );
}

#[test]
fn minimal_certificate_serials_are_accepted_as_encoded() {
    for serial in [
        &[0x10, 0x00, 0x03, 0x02][..],
        &[0x00, 0x80, 0x01], // a leading 00 that carries the sign
        &[0x00, 0xff],
        &[0x01],
        // Zero and negative: forbidden by RFC 5280 4.1.2.2 but issued in practice; accepted.
        &[0x00],
        &[0xff],
        &[0xff, 0x7f],
        &[0x80, 0x01],
        // 20 octets, and 20 plus a sign octet.
        &[0x7f; 20],
        &[&[0x00][..], &[0x80; 20]].concat(),
    ] {
        let cert = leaf(serial).unwrap_or_else(|e| panic!("{serial:02x?}: {e}"));
        assert_eq!(cert.serial(), serial);
    }
}

#[test]
fn other_malformed_serials_keep_their_error() {
    // Empty (X.690 8.3.1) and longer than 20 octets plus a sign octet (RFC 5280 4.1.2.2).
    assert_eq!(leaf(&[]).err(), Some(Error::MalformedCertificate));
    assert_eq!(leaf(&[0x01; 22]).err(), Some(Error::MalformedCertificate));
    assert_eq!(
        leaf(&[&[0x00][..], &[0x80; 21]].concat()).err(),
        Some(Error::MalformedCertificate)
    );
}

#[test]
fn non_minimal_certificate_version_is_refused() {
    let tbs = |version: &[u8]| {
        seq(&[
            &tlv(0xa0, &integer(version)),
            &uint(5),
            &ecdsa_sha256(),
            &root_name(),
            &seq(&[&utc_time("20200101000000"), &utc_time("20401231235959")]),
            &simple_name("Version"),
            &spki(&key(LEAF_SEED)),
        ])
    };
    let cert = |version: &[u8]| {
        Certificate::from_der(&sign(&tbs(version), &ecdsa_sha256(), &key(ROOT_SEED)))
    };
    assert_eq!(cert(&[0x02]).unwrap().version(), 3);
    assert_eq!(
        cert(&[0x00, 0x02]).err(),
        Some(Error::NonMinimalCertificateInteger)
    );
    assert_eq!(cert(&[0x03]).err(), Some(Error::MalformedCertificate));
}

#[test]
fn non_minimal_extension_integers_are_refused() {
    let with = |ext: Vec<u8>| Certificate::from_der(&leaf_der(&[0x05], vec![ext]));
    let refused = Some(Error::NonMinimalCertificateInteger);
    // basicConstraints pathLenConstraint.
    let bc = |n: &[u8]| extension("2.5.29.19", true, &seq(&[&tlv(0x01, &[0xff]), &integer(n)]));
    assert_eq!(
        with(bc(&[0x00, 0x80]))
            .unwrap()
            .basic_constraints()
            .unwrap()
            .path_len_constraint,
        Some(128)
    );
    assert_eq!(with(bc(&[0x00, 0x01])).err(), refused);
    // policyConstraints requireExplicitPolicy [0] and inhibitPolicyMapping [1].
    let pc = |tag: u8, n: &[u8]| extension("2.5.29.36", true, &seq(&[&tlv(tag, n)]));
    assert!(with(pc(0x80, &[0x01])).is_ok());
    assert_eq!(with(pc(0x80, &[0x00, 0x01])).err(), refused);
    assert_eq!(with(pc(0x81, &[0x00, 0x00])).err(), refused);
    // inhibitAnyPolicy.
    let iap = |n: &[u8]| extension("2.5.29.54", true, &integer(n));
    assert_eq!(with(iap(&[0x02])).unwrap().inhibit_any_policy(), Some(2));
    assert_eq!(with(iap(&[0x00, 0x02])).err(), refused);
    // nameConstraints GeneralSubtree maximum [1] (forbidden by RFC 5280 4.2.1.10 anyway).
    let nc = |max: &[u8]| {
        let subtree = seq(&[&tlv(0x82, b"example.jp"), &tlv(0x81, max)]);
        extension("2.5.29.30", true, &seq(&[&tlv(0xa1, &subtree)]))
    };
    // A minimal maximum parses; path validation refuses it (tests/name_forms.rs), naming the
    // certificate, as Error::MalformedNameConstraint.
    assert!(with(nc(&[0x01])).is_ok());
    assert_eq!(with(nc(&[0x00, 0x01])).err(), refused);
    // authorityKeyIdentifier authorityCertSerialNumber [2].
    let aki = |serial: &[u8]| {
        let issuer = tlv(0xa1, &tlv(0xa4, &root_name()));
        extension(
            "2.5.29.35",
            false,
            &seq(&[&tlv(0x80, b"id"), &issuer, &tlv(0x82, serial)]),
        )
    };
    assert!(with(aki(&[0x00, 0x80])).is_ok());
    assert_eq!(with(aki(&[0x00, 0x10])).err(), refused);
}

// ---------------------------------------------------------------------------------------
// CRLs
// ---------------------------------------------------------------------------------------

#[test]
fn non_minimal_crl_entry_serials_refuse_the_crl() {
    for serial in [
        &[0x00, 0x10, 0x00, 0x03, 0x02][..],
        &[0x00, 0x00],
        &[0xff, 0x80],
    ] {
        assert_eq!(
            crl_revoking(&[serial]).err(),
            Some(Error::NonMinimalCrlInteger),
            "{serial:02x?}"
        );
        // Anywhere in the list, not only first.
        assert_eq!(
            crl_revoking(&[&[0x01], &[0x02], serial]).err(),
            Some(Error::NonMinimalCrlInteger),
            "{serial:02x?}"
        );
    }
    assert_eq!(
        Error::NonMinimalCrlInteger.kind(),
        "non-minimal-crl-integer"
    );
    // An empty serial is malformed (X.690 8.3.1).
    assert_eq!(crl_revoking(&[&[]]).err(), Some(Error::MalformedCrl));
}

#[test]
fn non_minimal_crl_integers_are_refused() {
    // Version.
    assert!(crl_with(&[0x01], &[], &[]).is_ok());
    assert_eq!(
        crl_with(&[0x00, 0x01], &[], &[]).err(),
        Some(Error::NonMinimalCrlInteger)
    );
    // cRLNumber and deltaCRLIndicator's BaseCRLNumber.
    for (oid, critical) in [("2.5.29.20", false), ("2.5.29.27", true)] {
        let ext = |n: &[u8]| vec![extension(oid, critical, &integer(n))];
        assert!(crl_with(&[1], &[], &ext(&[0x00, 0x80])).is_ok(), "{oid}");
        assert_eq!(
            crl_with(&[1], &[], &ext(&[0x00, 0x05])).err(),
            Some(Error::NonMinimalCrlInteger),
            "{oid}"
        );
    }
    let crl = crl_with(
        &[1],
        &[],
        &[extension("2.5.29.20", false, &integer(&[0x00, 0x80]))],
    );
    assert_eq!(crl.unwrap().crl_number(), Some(&[0x80][..]));
    // authorityKeyIdentifier authorityCertSerialNumber [2].
    let aki = |serial: &[u8]| {
        let issuer = tlv(0xa1, &tlv(0xa4, &root_name()));
        vec![extension(
            "2.5.29.35",
            false,
            &seq(&[&tlv(0x80, b"id"), &issuer, &tlv(0x82, serial)]),
        )]
    };
    assert!(crl_with(&[1], &[], &aki(&[0x05])).is_ok());
    assert_eq!(
        crl_with(&[1], &[], &aki(&[0x00, 0x05])).err(),
        Some(Error::NonMinimalCrlInteger)
    );
}

// ---------------------------------------------------------------------------------------
// Matching serials to CRL entries
// ---------------------------------------------------------------------------------------

#[test]
fn listed_serial_revokes() {
    let cert = leaf(&[0x10, 0x00, 0x03, 0x02]).unwrap();
    let listed = crl_revoking(&[&[0x01], &[0x10, 0x00, 0x03, 0x02]]).unwrap();
    assert_eq!(validate(&cert, &[listed]), REVOKED);
    // Other integers sharing a prefix or suffix of the octets do not.
    let others = crl_revoking(&[
        &[0x10, 0x00, 0x03],
        &[0x03, 0x02],
        &[0x10, 0x00, 0x03, 0x02, 0x00],
        &[0x90, 0x00, 0x03, 0x02],
    ])
    .unwrap();
    assert_eq!(validate(&cert, &[others]), Ok(()));
}

#[test]
fn sign_octet_serials_match() {
    // 0x8001 needs its leading 00 (without it, the octets are the negative -0x7fff).
    let cert = leaf(&[0x00, 0x80, 0x01]).unwrap();
    let listed = crl_revoking(&[&[0x00, 0x80, 0x01]]).unwrap();
    assert_eq!(validate(&cert, &[listed]), REVOKED);
    let negative = crl_revoking(&[&[0x80, 0x01]]).unwrap();
    assert_eq!(validate(&cert, &[negative]), Ok(()));
    // And the other way round: a negative serial is revoked by its own entry only.
    let cert = leaf(&[0x80, 0x01]).unwrap();
    let positive = crl_revoking(&[&[0x00, 0x80, 0x01]]).unwrap();
    assert_eq!(validate(&cert, &[positive]), Ok(()));
    let listed = crl_revoking(&[&[0x80, 0x01]]).unwrap();
    assert_eq!(validate(&cert, &[listed]), REVOKED);
}

#[test]
fn zero_serial_matches() {
    let cert = leaf(&[0x00]).unwrap();
    assert_eq!(
        validate(&cert, &[crl_revoking(&[&[0x00]]).unwrap()]),
        REVOKED
    );
    assert_eq!(
        validate(&cert, &[crl_revoking(&[&[0x01]]).unwrap()]),
        Ok(())
    );
}

#[test]
fn crl_entries_report_minimal_serials() {
    let crl = crl_revoking(&[&[0x00, 0x80, 0x01], &[0x10, 0x00, 0x03, 0x02]]).unwrap();
    let serials: Vec<&[u8]> = crl.revoked().map(|e| e.serial).collect();
    assert_eq!(
        serials,
        [&[0x00, 0x80, 0x01][..], &[0x10, 0x00, 0x03, 0x02][..]]
    );
}
