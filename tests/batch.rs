//! Batch verification gives the same reports, in the same order, as one-by-one
//! verification, whatever the thread count.

#[path = "common/cms_helpers.rs"]
mod cms_helpers;

use std::num::NonZeroUsize;

use cms_helpers::{anchor, at, read};
use jpki_verify::cms::CmsVerifier;
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{BatchDocument, Crl, PathValidator, RevocationMode, parallel_map};

#[test]
fn batch_reports_match_sequential_ones_in_order() {
    let anchors = [
        anchor("../migration-world/certs/sign-root-gen3-rsa.der"),
        anchor("../migration-world/certs/sign-root-ec1-p384.der"),
    ];
    let crls =
        vec![Crl::from_der(&read("../migration-world/crls/sign-gen3-20260601.crl.der")).unwrap()];
    let validator = PathValidator::with_backend(&BACKEND, at("2028-07-01T00:00:00Z"))
        .revocation(RevocationMode::CheckAvailable, &crls);
    let verifier = CmsVerifier::new(validator, &anchors);
    let content = read("content.txt");
    let mut blobs = Vec::new();
    for entry in cms_helpers::manifest()["files"].as_array().unwrap() {
        let file = entry["file"].as_str().unwrap();
        blobs.push((read(file), file.contains("detached")));
    }
    // Repeat so every thread gets several documents; results are mixed valid and invalid.
    let documents: Vec<BatchDocument<'_>> = blobs
        .iter()
        .cycle()
        .take(blobs.len() * 3)
        .map(|(signed, detached)| BatchDocument {
            signed_data: signed,
            detached_content: detached.then_some(content.as_slice()),
        })
        .collect();
    let outcome = |reports: &[jpki_verify::cms::CmsReport]| -> Vec<Result<(), jpki_verify::Error>> {
        reports.iter().map(|r| r.result).collect()
    };
    let one = verifier.verify_batch(&documents, NonZeroUsize::MIN);
    let valid = one.iter().filter(|r| r.result.is_ok()).count();
    assert!(
        valid > 0 && valid < one.len(),
        "the batch mixes valid ({valid}) and invalid documents"
    );
    for threads in [2, 3, 8] {
        let many = verifier.verify_batch(&documents, NonZeroUsize::new(threads).unwrap());
        assert_eq!(outcome(&many), outcome(&one), "{threads} threads");
    }
}

#[test]
fn parallel_map_keeps_order_and_handles_edges() {
    let items: Vec<u64> = (0..1000).collect();
    let squares = parallel_map(&items, NonZeroUsize::new(4).unwrap(), |x| x * x);
    assert_eq!(squares, items.iter().map(|x| x * x).collect::<Vec<_>>());
    let empty: Vec<u64> = Vec::new();
    assert!(parallel_map(&empty, NonZeroUsize::new(4).unwrap(), |x| *x).is_empty());
}
