//! `Profile::Strict`: each RFC 5280 issuer rule refused with the rule named, on a leaf or on
//! the anchor certificate; the default profile accepts the same paths.

mod common;

use common::builder::{
    Spec, aki, basic_constraints_ca, certificate, certificate_with_serial, ecdsa_sha256, extension,
    key, key_id, key_usage_ca, key_usage_ee, seq, sign, simple_name, ski, spki, tlv, uint,
    utc_time,
};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{Certificate, Error, PathValidator, Profile, ProfileRule, TrustAnchor};

fn parse(der: &[u8]) -> Certificate {
    Certificate::from_der(der).unwrap()
}

fn validate(leaf: &Certificate, anchor: TrustAnchor, profile: Profile) -> Result<(), Error> {
    PathValidator::with_backend(&BACKEND, common::at("2028-01-01T00:00:00Z"))
        .profile(profile)
        .validate(leaf, &[], &[anchor])
        .map(|_| ())
}

fn spec<'a>(
    issuer: &'a [u8],
    subject: &'a [u8],
    seed: &'a p256::ecdsa::SigningKey,
    extensions: Vec<Vec<u8>>,
) -> Spec<'a> {
    Spec {
        serial: 2,
        issuer,
        subject,
        not_before: "20200101000000",
        not_after: "20401231235959",
        subject_key: seed,
        extensions,
    }
}

/// A self-signed root (seed 1) named `subject` with these extensions.
fn root(subject: &[u8], extensions: Vec<Vec<u8>>) -> Certificate {
    let root_key = key(1);
    let mut s = spec(subject, subject, &root_key, extensions);
    s.serial = 1;
    parse(&certificate(&s, &key(1)))
}

fn conforming_root() -> Certificate {
    root(
        &simple_name("Root"),
        vec![basic_constraints_ca(None), key_usage_ca(), ski(&key_id(1))],
    )
}

/// A leaf (seed 2) issued by the root with these extensions.
fn leaf(extensions: Vec<Vec<u8>>) -> Certificate {
    let (root, name) = (simple_name("Root"), simple_name("Leaf"));
    parse(&certificate(
        &spec(&root, &name, &key(2), extensions),
        &key(1),
    ))
}

fn conforming_leaf_extensions() -> Vec<Vec<u8>> {
    vec![key_usage_ee(), aki(&key_id(1))]
}

/// A version 2 leaf with extensions (RFC 5280 4.1.2.9 reserves extensions for v3).
fn v2_leaf_with_extensions_der() -> Vec<u8> {
    let alg = ecdsa_sha256();
    let tbs = seq(&[
        &tlv(0xa0, &uint(1)),
        &uint(2),
        &alg,
        &simple_name("Root"),
        &seq(&[&utc_time("20200101000000"), &utc_time("20401231235959")]),
        &simple_name("Leaf"),
        &spki(&key(2)),
        &tlv(0xa3, &seq(&[&conforming_leaf_extensions().concat()])),
    ]);
    sign(&tbs, &alg, &key(1))
}

fn expect_rule(leaf: &Certificate, anchor: Certificate, index: u8, rule: ProfileRule) {
    assert_eq!(
        validate(
            leaf,
            TrustAnchor::from_certificate(anchor.clone()),
            Profile::Strict
        ),
        Err(Error::NonConformingCertificate { index, rule })
    );
    assert_eq!(
        validate(
            leaf,
            TrustAnchor::from_certificate(anchor),
            Profile::Section6
        ),
        Ok(()),
        "{rule:?}: RFC 5280 section 6 alone accepts the path"
    );
}

#[test]
fn a_conforming_path_passes_the_strict_profile() {
    let leaf = leaf(conforming_leaf_extensions());
    assert_eq!(
        validate(
            &leaf,
            TrustAnchor::from_certificate(conforming_root()),
            Profile::Strict
        ),
        Ok(())
    );
}

#[test]
fn each_leaf_rule_is_named() {
    let nc = |critical| {
        extension(
            "2.5.29.30",
            critical,
            &seq(&[&tlv(0xa0, &seq(&[&tlv(0x82, b"example.com")]))]),
        )
    };
    let cases: Vec<(Vec<Vec<u8>>, ProfileRule)> = vec![
        (vec![key_usage_ee()], ProfileRule::AuthorityKeyIdMissing),
        (
            vec![
                key_usage_ee(),
                extension("2.5.29.35", true, &seq(&[&tlv(0x80, &key_id(1))])),
            ],
            ProfileRule::AuthorityKeyIdCritical,
        ),
        (
            [
                conforming_leaf_extensions(),
                vec![extension("2.5.29.14", true, &tlv(0x04, &key_id(2)))],
            ]
            .concat(),
            ProfileRule::SubjectKeyIdCritical,
        ),
        (
            vec![
                extension("2.5.29.15", true, &tlv(0x03, &[0x02, 0x84])),
                aki(&key_id(1)),
            ],
            ProfileRule::KeyCertSignWithoutCa,
        ),
        (
            [conforming_leaf_extensions(), vec![nc(true)]].concat(),
            ProfileRule::NameConstraintsInEndEntity,
        ),
        (
            [conforming_leaf_extensions(), vec![nc(false)]].concat(),
            ProfileRule::NameConstraintsNotCritical,
        ),
        (
            [
                conforming_leaf_extensions(),
                vec![extension(
                    "1.3.6.1.5.5.7.1.1",
                    true,
                    &seq(&[&seq(&[
                        &common::builder::oid("1.3.6.1.5.5.7.48.2"),
                        &tlv(0x86, b"http://ca.example/root.der"),
                    ])]),
                )],
            ]
            .concat(),
            ProfileRule::AuthorityInfoAccessCritical,
        ),
    ];
    for (extensions, rule) in cases {
        expect_rule(&leaf(extensions), conforming_root(), 0, rule);
    }
}

/// RFC 5280 4.1.2.9 (extensions only in version 3) needs no profile: parsing refuses it.
#[test]
fn extensions_in_a_version_2_certificate_are_refused_when_parsed() {
    assert_eq!(
        Certificate::from_der(&v2_leaf_with_extensions_der()).unwrap_err(),
        Error::MalformedCertificate
    );
}

#[test]
fn zero_and_negative_serials_are_named() {
    let (root_name, name) = (simple_name("Root"), simple_name("Leaf"));
    for serial in [&[0x00][..], &[0x80], &[0xff, 0x01]] {
        let leaf = parse(&certificate_with_serial(
            &spec(&root_name, &name, &key(2), conforming_leaf_extensions()),
            serial,
            &key(1),
        ));
        expect_rule(&leaf, conforming_root(), 0, ProfileRule::SerialNotPositive);
    }
}

#[test]
fn empty_names_are_named() {
    let empty = seq(&[]);
    // A leaf with an empty subject needs a critical subjectAltName.
    let san = |critical| extension("2.5.29.17", critical, &seq(&[&tlv(0x82, b"leaf.example")]));
    let (root_name, leaf_key) = (simple_name("Root"), key(2));
    let leaf_with_san = |critical| {
        parse(&certificate(
            &spec(
                &root_name,
                &empty,
                &leaf_key,
                [conforming_leaf_extensions(), vec![san(critical)]].concat(),
            ),
            &key(1),
        ))
    };
    expect_rule(
        &leaf_with_san(false),
        conforming_root(),
        0,
        ProfileRule::EmptySubjectWithoutCriticalSan,
    );
    assert_eq!(
        validate(
            &leaf_with_san(true),
            TrustAnchor::from_certificate(conforming_root()),
            Profile::Strict
        ),
        Ok(())
    );

    // An anchor CA with an empty subject (and so a leaf with an empty issuer): the anchor is
    // checked first; without the anchor's certificate processed, the leaf's issuer is.
    let mut anchor_spec = spec(
        &root_name,
        &empty,
        &leaf_key,
        vec![basic_constraints_ca(None), key_usage_ca(), ski(&key_id(1))],
    );
    let root_key = key(1);
    anchor_spec.subject_key = &root_key;
    let empty_root = parse(&certificate(&anchor_spec, &key(3)));
    let leaf = parse(&certificate(
        &spec(
            &empty,
            &simple_name("Leaf"),
            &key(2),
            conforming_leaf_extensions(),
        ),
        &key(1),
    ));
    expect_rule(&leaf, empty_root.clone(), 1, ProfileRule::CaEmptySubject);
    assert_eq!(
        validate(
            &leaf,
            TrustAnchor::from_certificate_unconstrained(empty_root),
            Profile::Strict
        ),
        Err(Error::NonConformingCertificate {
            index: 0,
            rule: ProfileRule::EmptyIssuer
        })
    );
}

#[test]
fn each_anchor_rule_is_named() {
    let name = simple_name("Root");
    let leaf = leaf(conforming_leaf_extensions());
    let cases = [
        (
            vec![basic_constraints_ca(None), key_usage_ca()],
            ProfileRule::SubjectKeyIdMissing,
        ),
        (
            vec![
                extension("2.5.29.19", false, &seq(&[&tlv(0x01, &[0xff])])),
                key_usage_ca(),
                ski(&key_id(1)),
            ],
            ProfileRule::BasicConstraintsNotCritical,
        ),
    ];
    for (extensions, rule) in cases {
        expect_rule(&leaf, root(&name, extensions), 1, rule);
    }
    // A self-issued anchor needs no authorityKeyIdentifier; with one it is still accepted.
    let with_aki = root(
        &name,
        vec![
            basic_constraints_ca(None),
            key_usage_ca(),
            ski(&key_id(1)),
            aki(&key_id(1)),
        ],
    );
    assert_eq!(
        validate(
            &leaf,
            TrustAnchor::from_certificate(with_aki),
            Profile::Strict
        ),
        Ok(())
    );
}
