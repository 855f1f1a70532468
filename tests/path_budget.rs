//! Path building must end, with its own budget error, on a pathological set of same-DN,
//! mutually cross-signed CAs: without a bound the number of candidate paths is factorial in
//! the number of CAs.

mod common;

use std::time::{Duration, Instant};

use common::builder::{ca_cert, ee_cert, simple_name};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{Budget, Certificate, Error, PathValidator, TrustAnchor, UnixTime};

/// Far more than the budget errors need even in an unoptimized build.
const TIME_LIMIT: Duration = Duration::from_secs(20);

fn now() -> UnixTime {
    common::at("2025-06-01T00:00:00Z")
}

fn parse(der: &[u8]) -> Certificate {
    Certificate::from_der(der).unwrap()
}

/// `n` CA keys sharing the DN "Loop CA", each certified by every other one, and an end
/// entity issued by key 0.
fn cross_signed_mesh(n: u32) -> (Certificate, Vec<Certificate>) {
    let dn = simple_name("Loop CA");
    let mut certs = Vec::new();
    let mut serial = 100;
    for subject in 0..n {
        for issuer in (0..n).filter(|i| *i != subject) {
            serial += 1;
            certs.push(parse(&ca_cert(serial, &dn, issuer, &dn, subject)));
        }
    }
    let leaf = parse(&ee_cert(1, &dn, 0, &simple_name("Leaf"), 1000));
    (leaf, certs)
}

/// A self-signed anchor no certificate of the mesh chains to.
fn unrelated_anchor() -> TrustAnchor {
    let dn = simple_name("Elsewhere Root");
    TrustAnchor::from_certificate(parse(&ca_cert(1, &dn, 999, &dn, 999)))
}

fn run(budget: Budget, n: u32) -> (Result<(), Error>, Duration) {
    let (leaf, intermediates) = cross_signed_mesh(n);
    let anchors = [unrelated_anchor()];
    let started = Instant::now();
    let result = PathValidator::with_backend(&BACKEND, now())
        .budget(budget)
        .validate(&leaf, &intermediates, &anchors)
        .map(|_| ());
    (result, started.elapsed())
}

#[test]
fn default_budget_ends_the_search() {
    let (result, elapsed) = run(Budget::default(), 12);
    println!("12-key mesh, default budget: {result:?} after {elapsed:.2?}");
    assert!(
        matches!(
            result,
            Err(Error::MaximumSignatureChecksExceeded | Error::MaximumPathBuildStepsExceeded)
        ),
        "{result:?}"
    );
    assert!(elapsed < TIME_LIMIT, "took {elapsed:?}");
}

#[test]
fn signature_budget_has_its_own_error() {
    let (result, elapsed) = run(Budget::new(50, u32::MAX, 10), 8);
    assert_eq!(result, Err(Error::MaximumSignatureChecksExceeded));
    assert!(elapsed < TIME_LIMIT, "took {elapsed:?}");
}

#[test]
fn step_budget_has_its_own_error() {
    // Signatures are cached per (certificate, issuer) pair, so with unlimited signature
    // checks the search runs until the step budget ends it.
    let (result, elapsed) = run(Budget::new(u32::MAX, 1_000, 10), 6);
    assert_eq!(result, Err(Error::MaximumPathBuildStepsExceeded));
    assert!(elapsed < TIME_LIMIT, "took {elapsed:?}");
}

#[test]
fn depth_limit_has_its_own_error() {
    // Root -> CA 1 -> ... -> CA 6 -> leaf: seven certificates below the anchor.
    let root = simple_name("Root");
    let anchors = [TrustAnchor::from_certificate(parse(&ca_cert(
        1, &root, 0, &root, 0,
    )))];
    let mut intermediates = Vec::new();
    let mut issuer = root.clone();
    for i in 1..=6u32 {
        let subject = simple_name(&format!("CA {i}"));
        intermediates.push(parse(&ca_cert(
            u64::from(i) + 1,
            &issuer,
            i - 1,
            &subject,
            i,
        )));
        issuer = subject;
    }
    let leaf = parse(&ee_cert(100, &issuer, 6, &simple_name("Leaf"), 1000));
    let validator = PathValidator::with_backend(&BACKEND, now());
    let path = validator.validate(&leaf, &intermediates, &anchors).unwrap();
    assert_eq!(path.entries().len(), 7);
    let short = validator.budget(Budget::new(200, 20_000, 6));
    assert_eq!(
        short.validate(&leaf, &intermediates, &anchors).unwrap_err(),
        Error::MaximumPathDepthExceeded
    );
}

#[test]
fn mesh_with_a_reachable_anchor_still_validates_quickly() {
    // The anchor is key 5 of the mesh itself and the leaf was issued by it: the anchor is
    // tried first (its key identifier matches), and the mesh's own certificates for key 5
    // are copies of the anchor that building skips.
    let dn = simple_name("Loop CA");
    let (_, intermediates) = cross_signed_mesh(12);
    let leaf = parse(&ee_cert(2, &dn, 5, &simple_name("Leaf"), 1000));
    let anchors = [
        unrelated_anchor(),
        TrustAnchor::from_certificate(parse(&ca_cert(99, &dn, 5, &dn, 5))),
    ];
    let path = PathValidator::with_backend(&BACKEND, now())
        .budget(Budget::new(3, 100, 10))
        .validate(&leaf, &intermediates, &anchors)
        .unwrap();
    assert_eq!(path.entries().len(), 1);
    assert!(path.anchor().same_as(&anchors[1]));
}
