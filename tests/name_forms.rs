//! Name forms under name constraints (issue 13): malformed subtree bases are refused as
//! `MalformedNameConstraint`, malformed names checked against subtrees of their form as
//! `MalformedSubjectAltName`, and every refusal has a well-formed counterpart that passes, so
//! each case can fail.
//!
//! The path is root (anchor, seed 1) -> CA (seed 2, carries the constraints) -> leaf (seed 3):
//! the leaf is index 0, the CA index 1, the anchor index 2.

mod common;

use common::builder::{
    Spec, aki, basic_constraints_ca, certificate, extension, key, key_id, key_usage_ca,
    key_usage_ee, name, seq, simple_name, ski, tlv,
};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{Certificate, Error, PathValidator, TrustAnchor, UnixTime};

const CA_MALFORMED: Result<(), Error> = Err(Error::MalformedNameConstraint { index: 1 });
const LEAF_MALFORMED: Result<(), Error> = Err(Error::MalformedSubjectAltName { index: 0 });
const LEAF_VIOLATES: Result<(), Error> = Err(Error::NameConstraintViolation { index: 0 });

fn time() -> UnixTime {
    common::at("2028-01-01T00:00:00Z")
}

fn parse(der: &[u8]) -> Certificate {
    Certificate::from_der(der).unwrap()
}

fn cert(
    serial: u64,
    (issuer, issuer_seed): (&str, u32),
    subject: &[u8],
    subject_seed: u32,
    mut extensions: Vec<Vec<u8>>,
) -> Certificate {
    extensions.push(aki(&key_id(issuer_seed)));
    parse(&certificate(
        &Spec {
            serial,
            issuer: &simple_name(issuer),
            subject,
            not_before: "20200101000000",
            not_after: "20401231235959",
            subject_key: &key(subject_seed),
            extensions,
        },
        &key(issuer_seed),
    ))
}

fn ca_extensions(seed: u32) -> Vec<Vec<u8>> {
    vec![
        basic_constraints_ca(None),
        key_usage_ca(),
        ski(&key_id(seed)),
    ]
}

/// A self-signed root, with `more` extensions (say, nameConstraints) after the CA ones.
fn root(more: Vec<Vec<u8>>) -> Certificate {
    cert(
        1,
        ("Root", 1),
        &simple_name("Root"),
        1,
        [ca_extensions(1), more].concat(),
    )
}

/// The CA under the root, carrying `constraints` (a nameConstraints extension) if given.
fn ca(constraints: Option<Vec<u8>>) -> Certificate {
    let more: Vec<Vec<u8>> = constraints.into_iter().collect();
    cert(
        2,
        ("Root", 1),
        &simple_name("CA"),
        2,
        [ca_extensions(2), more].concat(),
    )
}

/// A leaf under the CA (or, with `issuer` "Root", under the root) with these SAN entries.
fn leaf_from(issuer: (&str, u32), subject: &[u8], sans: &[Vec<u8>]) -> Certificate {
    let mut extensions = vec![key_usage_ee()];
    if !sans.is_empty() {
        extensions.push(extension("2.5.29.17", false, &tlv(0x30, &sans.concat())));
    }
    cert(3, issuer, subject, 3, extensions)
}

fn leaf(sans: &[Vec<u8>]) -> Certificate {
    leaf_from(("CA", 2), &simple_name("Leaf"), sans)
}

fn validate(
    leaf: &Certificate,
    intermediates: &[Certificate],
    anchor: Certificate,
) -> Result<(), Error> {
    PathValidator::with_backend(&BACKEND, time())
        .validate(
            leaf,
            intermediates,
            &[TrustAnchor::from_certificate(anchor)],
        )
        .map(|_| ())
}

/// Validates `leaf` under a CA with `constraints`.
fn under(constraints: Vec<u8>, leaf: &Certificate) -> Result<(), Error> {
    validate(leaf, &[ca(Some(constraints))], root(vec![]))
}

// --- GeneralName and nameConstraints encoders ------------------------------------------

fn email(s: &str) -> Vec<u8> {
    tlv(0x81, s.as_bytes())
}

fn dns(s: &str) -> Vec<u8> {
    tlv(0x82, s.as_bytes())
}

fn ip(octets: &[u8]) -> Vec<u8> {
    tlv(0x87, octets)
}

/// nameConstraints with one permitted subtree `GeneralSubtree { base }`.
fn permit(base: Vec<u8>) -> Vec<u8> {
    permit_subtree(seq(&[&base]))
}

/// nameConstraints with one excluded subtree `GeneralSubtree { base }`.
fn exclude(base: Vec<u8>) -> Vec<u8> {
    extension("2.5.29.30", true, &seq(&[&tlv(0xa1, &seq(&[&base]))]))
}

fn permit_subtree(subtree: Vec<u8>) -> Vec<u8> {
    extension("2.5.29.30", true, &seq(&[&tlv(0xa0, &subtree)]))
}

// --- malformed subtree bases ------------------------------------------------------------

#[test]
fn malformed_dns_constraints_are_refused() {
    let good_leaf = leaf(&[dns("www.example.com")]);
    assert_eq!(under(permit(dns("example.com")), &good_leaf), Ok(()));
    assert_eq!(under(exclude(dns("example.org")), &good_leaf), Ok(()));
    // The empty base is well formed: it matches every DNS name.
    assert_eq!(under(exclude(dns("")), &good_leaf), LEAF_VIOLATES);
    // A leading period is refused on purpose (verifiers disagree on what it means).
    for bad in [
        ".example.com",
        "*.example.com",
        "*",
        "exa mple.com",
        "example..com",
        "example.com.",
        "-example.com",
    ] {
        assert_eq!(under(permit(dns(bad)), &good_leaf), CA_MALFORMED, "{bad:?}");
        assert_eq!(
            under(exclude(dns(bad)), &good_leaf),
            CA_MALFORMED,
            "{bad:?}"
        );
        // Whatever names follow: a leaf without any DNS name is refused too.
        assert_eq!(under(permit(dns(bad)), &leaf(&[])), CA_MALFORMED, "{bad:?}");
    }
}

#[test]
fn malformed_ip_constraints_are_refused() {
    let v4_leaf = leaf(&[ip(&[10, 1, 2, 3])]);
    assert_eq!(
        under(permit(ip(&[10, 0, 0, 0, 255, 0, 0, 0])), &v4_leaf),
        Ok(())
    );
    assert_eq!(
        under(permit(ip(&[11, 0, 0, 0, 255, 0, 0, 0])), &v4_leaf),
        LEAF_VIOLATES
    );
    let mut v6 = [0u8; 32];
    v6[0] = 0x20;
    v6[1] = 0x01;
    v6[16..20].fill(0xff);
    assert_eq!(under(permit(ip(&v6)), &v4_leaf), LEAF_VIOLATES);
    let mut v6_leaf = [0u8; 16];
    v6_leaf[..2].copy_from_slice(&[0x20, 0x01]);
    v6_leaf[15] = 1;
    assert_eq!(under(permit(ip(&v6)), &leaf(&[ip(&v6_leaf)])), Ok(()));
    let mut v6_gap = v6;
    v6_gap[31] = 0x01;
    for bad in [
        &[10, 0, 0, 0][..],
        &[10, 0, 0, 0, 255, 0, 0],
        &[10, 0, 0, 0, 255, 0, 0, 0, 0],
        &[0; 16],
        &[10, 0, 0, 0, 255, 0, 255, 0],
        &[10, 0, 0, 0, 0x7f, 0, 0, 0],
        &v6_gap,
    ] {
        assert_eq!(under(permit(ip(bad)), &v4_leaf), CA_MALFORMED, "{bad:?}");
        assert_eq!(under(exclude(ip(bad)), &v4_leaf), CA_MALFORMED, "{bad:?}");
    }
}

#[test]
fn malformed_rfc822_constraints_are_refused() {
    let mail_leaf = leaf(&[email("user@mail.example.com")]);
    for good in ["mail.example.com", ".example.com", "user@mail.example.com"] {
        assert_eq!(under(permit(email(good)), &mail_leaf), Ok(()), "{good}");
    }
    for outside in ["example.com", ".mail.example.com", "other@mail.example.com"] {
        assert_eq!(
            under(permit(email(outside)), &mail_leaf),
            LEAF_VIOLATES,
            "{outside}"
        );
    }
    for bad in [
        "",
        ".",
        "a@b@example.com",
        "@example.com",
        "user@",
        "user@.example.com",
        "..example.com",
        "*.example.com",
        "exa mple.com",
    ] {
        assert_eq!(
            under(permit(email(bad)), &mail_leaf),
            CA_MALFORMED,
            "{bad:?}"
        );
        assert_eq!(
            under(exclude(email(bad)), &mail_leaf),
            CA_MALFORMED,
            "{bad:?}"
        );
    }
}

#[test]
fn minimum_and_maximum_are_refused() {
    let good_leaf = leaf(&[dns("www.example.com")]);
    let base = dns("example.com");
    assert_eq!(under(permit_subtree(seq(&[&base])), &good_leaf), Ok(()));
    // minimum [0] 1, maximum [1] 0, maximum [1] 3.
    for extra in [tlv(0x80, &[1]), tlv(0x81, &[0]), tlv(0x81, &[3])] {
        assert_eq!(
            under(permit_subtree(seq(&[&base, &extra])), &good_leaf),
            CA_MALFORMED,
            "{extra:02x?}"
        );
    }
}

/// GeneralSubtrees is SEQUENCE SIZE (1..MAX): an empty permitted or excluded list is refused
/// (x509-limbo's `webpki::nc::intermediate-permitted-excluded-subtrees-both-empty-sequences`).
#[test]
fn empty_subtree_lists_are_refused() {
    let good_leaf = leaf(&[dns("www.example.com")]);
    let nc = |parts: &[&[u8]]| extension("2.5.29.30", true, &seq(parts));
    let one = seq(&[&dns("example.com")]);
    assert_eq!(
        under(
            nc(&[&tlv(0xa0, &one), &tlv(0xa1, &seq(&[&dns("example.org")]))]),
            &good_leaf
        ),
        Ok(())
    );
    for parts in [
        vec![tlv(0xa0, &[])],
        vec![tlv(0xa1, &[])],
        vec![tlv(0xa0, &one), tlv(0xa1, &[])],
        vec![tlv(0xa0, &[]), tlv(0xa1, &[])],
    ] {
        let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
        assert_eq!(under(nc(&parts), &good_leaf), CA_MALFORMED, "{parts:02x?}");
    }
}

/// A constraining anchor certificate's malformed subtree is reported at the anchor's index.
#[test]
fn malformed_anchor_constraints_are_refused_at_the_anchor() {
    let direct = leaf_from(("Root", 1), &simple_name("Leaf"), &[dns("www.example.com")]);
    assert_eq!(
        validate(&direct, &[], root(vec![permit(dns("example.com"))])),
        Ok(())
    );
    assert_eq!(
        validate(&direct, &[], root(vec![permit(dns(".example.com"))])),
        Err(Error::MalformedNameConstraint { index: 1 })
    );
    // Below an intermediate the anchor is index 2.
    let deeper = leaf(&[dns("www.example.com")]);
    assert_eq!(
        validate(
            &deeper,
            &[ca(None)],
            root(vec![exclude(ip(&[10, 0, 0, 0]))])
        ),
        Err(Error::MalformedNameConstraint { index: 2 })
    );
}

// --- malformed names under constraints of their form -----------------------------------

#[test]
fn malformed_dns_names_do_not_pass_a_permitted_subtree() {
    let permitted = || permit(dns("example.com"));
    for good in [
        "example.com",
        "www.example.com",
        "*.example.com",
        "WWW.Example.COM",
    ] {
        assert_eq!(under(permitted(), &leaf(&[dns(good)])), Ok(()), "{good}");
    }
    assert_eq!(
        under(permitted(), &leaf(&[dns("www.example.org")])),
        LEAF_VIOLATES
    );
    for bad in [
        ".example.com",
        "www..example.com",
        "www.example.com.",
        "",
        "w*.example.com",
        "*.*.example.com",
        "www example.com",
    ] {
        assert_eq!(
            under(permitted(), &leaf(&[dns(bad)])),
            LEAF_MALFORMED,
            "{bad:?}"
        );
        // One malformed name among good ones is enough.
        let mixed = leaf(&[dns("www.example.com"), dns(bad)]);
        assert_eq!(under(permitted(), &mixed), LEAF_MALFORMED, "{bad:?}");
    }
}

#[test]
fn malformed_mailboxes_do_not_pass_or_evade_subtrees() {
    let permitted = || permit(email("example.com"));
    assert_eq!(
        under(permitted(), &leaf(&[email("user@example.com")])),
        Ok(())
    );
    for bad in [
        "a@b@example.com",
        "@example.com",
        "user@example.com.",
        "user@.example.com",
        ".user@example.com",
        "\"a@b\"@example.com",
        "user",
    ] {
        assert_eq!(
            under(permitted(), &leaf(&[email(bad)])),
            LEAF_MALFORMED,
            "{bad:?}"
        );
    }
    // Split at the last '@', this mailbox would look like one on good.example and evade
    // the exclusion of evil.example.
    let excluded = || exclude(email("evil.example"));
    assert_eq!(under(excluded(), &leaf(&[email("x@good.example")])), Ok(()));
    assert_eq!(
        under(excluded(), &leaf(&[email("x@evil.example")])),
        LEAF_VIOLATES
    );
    assert_eq!(
        under(excluded(), &leaf(&[email("x@evil.example@good.example")])),
        LEAF_MALFORMED
    );
    // A subject emailAddress is an rfc822Name for name constraints (RFC 5280 4.2.1.10).
    let with_email = |address: &str| {
        let subject = name(&[("2.5.4.3", "Leaf"), ("1.2.840.113549.1.9.1", address)]);
        leaf_from(("CA", 2), &subject, &[])
    };
    assert_eq!(under(permitted(), &with_email("user@example.com")), Ok(()));
    assert_eq!(
        under(permitted(), &with_email("a@b@example.com")),
        LEAF_MALFORMED
    );
}

#[test]
fn malformed_ip_addresses_do_not_pass_a_permitted_subtree() {
    let permitted = || permit(ip(&[10, 0, 0, 0, 255, 0, 0, 0]));
    assert_eq!(under(permitted(), &leaf(&[ip(&[10, 1, 2, 3])])), Ok(()));
    for bad in [
        &[10, 1, 2][..],
        &[10, 1, 2, 3, 4],
        &[10, 1, 2, 3, 255, 0, 0, 0],
        &[],
    ] {
        assert_eq!(
            under(permitted(), &leaf(&[ip(bad)])),
            LEAF_MALFORMED,
            "{bad:?}"
        );
    }
}

/// Malformed names are refused only where a subtree of their form applies: elsewhere their
/// syntax is the application's business (as in webpki).
#[test]
fn malformed_names_without_a_constraint_of_their_form_are_not_examined() {
    let odd = leaf(&[
        dns("www.example.com"),
        email("a@b@example.com"),
        ip(&[1, 2, 3]),
    ]);
    assert_eq!(validate(&odd, &[ca(None)], root(vec![])), Ok(()));
    assert_eq!(under(permit(dns("example.com")), &odd), Ok(()));
    // A constraint of the mailbox's form, even an exclusion it would not match, examines it.
    assert_eq!(under(exclude(email("other.example")), &odd), LEAF_MALFORMED);
    assert_eq!(
        under(exclude(ip(&[192, 168, 0, 0, 255, 255, 0, 0])), &odd),
        LEAF_MALFORMED
    );
    // The CA's own names are examined too when the anchor constrains them (index 1).
    let ca_odd = cert(
        2,
        ("Root", 1),
        &simple_name("CA"),
        2,
        [
            ca_extensions(2),
            vec![extension("2.5.29.17", false, &seq(&[&dns(".example.com")]))],
        ]
        .concat(),
    );
    let good = leaf(&[dns("www.example.com")]);
    assert_eq!(
        validate(&good, std::slice::from_ref(&ca_odd), root(vec![])),
        Ok(())
    );
    assert_eq!(
        validate(&good, &[ca_odd], root(vec![permit(dns("example.com"))])),
        Err(Error::MalformedSubjectAltName { index: 1 })
    );
}
