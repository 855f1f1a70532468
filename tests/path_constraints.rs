//! Constraints path validation must not let a test suite slip past: a trust anchor
//! certificate's own constraints (RFC 5937), the caller's required extended key usage, and a
//! search that does not depend on the order intermediates are given in.

mod common;

use std::path::PathBuf;

use common::builder::{
    Spec, aki, basic_constraints_ca, ca_cert, certificate, crl, ee_cert, extension, key, key_id,
    key_usage_ca, seq, simple_name, ski, tlv,
};
use der::asn1::ObjectIdentifier;
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{
    Certificate, Crl, CrlSet, Error, PathValidator, RevocationMode, TrustAnchor, UnixTime,
};

fn parse(der: &[u8]) -> Certificate {
    Certificate::from_der(der).unwrap()
}

fn time() -> UnixTime {
    common::at("2028-01-01T00:00:00Z")
}

fn validate(
    leaf: &Certificate,
    intermediates: &[Certificate],
    anchor: TrustAnchor,
) -> Result<(), Error> {
    PathValidator::with_backend(&BACKEND, time())
        .validate(leaf, intermediates, &[anchor])
        .map(|_| ())
}

// --- trust anchor constraints --------------------------------------------------------------

/// A self-signed root (seed 1) with the usual CA extensions replaced by `extensions`.
fn root_with(extensions: Vec<Vec<u8>>) -> Certificate {
    let name = simple_name("Root");
    parse(&certificate(
        &Spec {
            serial: 1,
            issuer: &name,
            subject: &name,
            not_before: "20200101000000",
            not_after: "20401231235959",
            subject_key: &key(1),
            extensions,
        },
        &key(1),
    ))
}

fn ca_extensions() -> Vec<Vec<u8>> {
    vec![basic_constraints_ca(None), key_usage_ca(), ski(&key_id(1))]
}

fn leaf_under_root() -> Certificate {
    parse(&ee_cert(
        2,
        &simple_name("Root"),
        1,
        &simple_name("Leaf"),
        2,
    ))
}

/// Each anchor constraint refuses with its own kind; the opt-out accepts the same path.
#[test]
fn anchor_certificate_constraints_are_enforced() {
    let leaf = leaf_under_root();
    // Excluded subtree: the leaf's own name (a directoryName [4] in excludedSubtrees [1]).
    let excluded = extension(
        "2.5.29.30",
        true,
        &seq(&[&tlv(0xa1, &seq(&[&tlv(0xa4, &simple_name("Leaf"))]))]),
    );
    let not_ca = extension("2.5.29.19", true, &seq(&[]));
    let sign_only = extension("2.5.29.15", true, &tlv(0x03, &[0x07, 0x80]));
    let unknown_critical = extension("1.3.6.1.4.1.32473.9", true, &[0x05, 0x00]);
    let cases: [(Vec<Vec<u8>>, Error); 4] = [
        (
            [ca_extensions(), vec![excluded]].concat(),
            Error::NameConstraintViolation { index: 0 },
        ),
        (vec![not_ca, key_usage_ca()], Error::NotCa { index: 1 }),
        (
            vec![basic_constraints_ca(None), sign_only],
            Error::KeyCertSignNotAllowed { index: 1 },
        ),
        (
            [ca_extensions(), vec![unknown_critical]].concat(),
            Error::UnsupportedCriticalExtension { index: 1 },
        ),
    ];
    for (extensions, expected) in cases {
        let root = root_with(extensions);
        assert_eq!(
            validate(&leaf, &[], TrustAnchor::from_certificate(root.clone())),
            Err(expected)
        );
        assert_eq!(
            validate(
                &leaf,
                &[],
                TrustAnchor::from_certificate_unconstrained(root)
            ),
            Ok(()),
            "{expected:?}: the opt-out uses the key and name only"
        );
    }
    // A well-formed root constrains nothing here.
    assert_eq!(
        validate(
            &leaf,
            &[],
            TrustAnchor::from_certificate(root_with(ca_extensions()))
        ),
        Ok(())
    );
}

#[test]
fn anchor_path_len_constraint_bounds_the_path() {
    let root = root_with(vec![
        basic_constraints_ca(Some(0)),
        key_usage_ca(),
        ski(&key_id(1)),
    ]);
    let ca = parse(&ca_cert(3, &simple_name("Root"), 1, &simple_name("CA"), 3));
    let leaf = parse(&ee_cert(4, &simple_name("CA"), 3, &simple_name("Leaf"), 4));
    assert_eq!(
        validate(
            &leaf,
            std::slice::from_ref(&ca),
            TrustAnchor::from_certificate(root.clone())
        ),
        Err(Error::PathLenConstraintViolated { index: 1 })
    );
    assert_eq!(
        validate(
            &leaf,
            &[ca],
            TrustAnchor::from_certificate_unconstrained(root)
        ),
        Ok(())
    );
}

#[test]
fn a_crl_signed_by_an_anchor_without_crl_sign_does_not_count() {
    // keyCertSign only (bit 5).
    let cert_sign_only = extension("2.5.29.15", true, &tlv(0x03, &[0x02, 0x04]));
    let root = root_with(vec![
        basic_constraints_ca(None),
        cert_sign_only,
        ski(&key_id(1)),
    ]);
    let leaf = leaf_under_root();
    let crls = [Crl::from_der(&crl(&simple_name("Root"), 1, None, &[])).unwrap()];
    let set = CrlSet::new(&crls);
    let run = |anchor: TrustAnchor| {
        PathValidator::with_backend(&BACKEND, time())
            .revocation(RevocationMode::RequireCurrent, &set)
            .validate(&leaf, &[], &[anchor])
            .map(|_| ())
    };
    assert_eq!(
        run(TrustAnchor::from_certificate(root.clone())),
        Err(Error::CrlSignNotAllowed { index: 0 })
    );
    assert_eq!(
        run(TrustAnchor::from_certificate_unconstrained(root)),
        Ok(())
    );
}

// --- required extended key usage (vectors/eku, made by OpenSSL) ----------------------------

fn eku_cert(name: &str) -> Certificate {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("vectors/eku/{name}.pem"));
    let pem = std::fs::read_to_string(path).unwrap();
    let (_, der) = pem_rfc7468::decode_vec(pem.as_bytes()).unwrap();
    parse(&der)
}

const SERVER_AUTH: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.1");
const TIME_STAMPING: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.8");

fn with_eku(
    leaf: &str,
    intermediates: &[&str],
    required: &[ObjectIdentifier],
) -> Result<(), Error> {
    let anchors = [TrustAnchor::from_certificate(eku_cert("root"))];
    let intermediates: Vec<Certificate> = intermediates.iter().map(|n| eku_cert(n)).collect();
    PathValidator::with_backend(&BACKEND, time())
        .required_eku(required)
        .validate(&eku_cert(leaf), &intermediates, &anchors)
        .map(|_| ())
}

#[test]
fn required_eku_is_checked_on_the_leaf_and_as_a_constraint_above_it() {
    assert_eq!(with_eku("leaf-server", &[], &[SERVER_AUTH]), Ok(()));
    assert_eq!(with_eku("leaf-tsa", &[], &[TIME_STAMPING]), Ok(()));
    assert_eq!(
        with_eku("leaf-tsa", &[], &[SERVER_AUTH]),
        Err(Error::RequiredEkuMissing { index: 0 })
    );
    assert_eq!(
        with_eku("leaf-server", &[], &[TIME_STAMPING]),
        Err(Error::RequiredEkuMissing { index: 0 })
    );
    // No extension: not restricted; anyExtendedKeyUsage: any purpose.
    assert_eq!(with_eku("leaf-none", &[], &[TIME_STAMPING]), Ok(()));
    assert_eq!(with_eku("leaf-any", &[], &[TIME_STAMPING]), Ok(()));
    // The timeStamping-only CA constrains its leaf's serverAuth away.
    assert_eq!(
        with_eku("tsa-under-ca", &["ca-tsa"], &[TIME_STAMPING]),
        Ok(())
    );
    assert_eq!(
        with_eku("tsa-under-ca", &["ca-tsa"], &[SERVER_AUTH]),
        Err(Error::RequiredEkuMissing { index: 1 })
    );
    // Nothing required: nothing checked.
    assert_eq!(with_eku("tsa-under-ca", &["ca-tsa"], &[]), Ok(()));
}

// --- candidate order -----------------------------------------------------------------------

/// 200 expired same-name, same-key "cross" certificates from unknown issuers and one valid
/// bridge to the root: each cross costs a signature check, so trying them first would spend
/// the default budget (200 checks) before the bridge.
#[test]
fn the_valid_bridge_is_found_whatever_the_order() {
    let bridge_name = simple_name("Bridge");
    let leaf = parse(&ee_cert(2, &bridge_name, 3, &simple_name("Leaf"), 2));
    let bridge = parse(&ca_cert(3, &simple_name("Root"), 1, &bridge_name, 3));
    let crosses: Vec<Certificate> = (0..200u32)
        .map(|n| {
            let issuer = simple_name(&format!("Elsewhere {n}"));
            parse(&certificate(
                &Spec {
                    serial: 1000 + u64::from(n),
                    issuer: &issuer,
                    subject: &bridge_name,
                    not_before: "20150101000000",
                    not_after: "20211231235959",
                    subject_key: &key(3),
                    extensions: vec![
                        basic_constraints_ca(None),
                        key_usage_ca(),
                        ski(&key_id(3)),
                        aki(&key_id(100 + n)),
                    ],
                },
                &key(100 + n),
            ))
        })
        .collect();
    let anchor = TrustAnchor::from_certificate(root_with(ca_extensions()));
    let first = [vec![bridge.clone()], crosses.clone()].concat();
    let last = [crosses, vec![bridge]].concat();
    assert_eq!(validate(&leaf, &first, anchor.clone()), Ok(()));
    assert_eq!(validate(&leaf, &last, anchor), Ok(()));
}
