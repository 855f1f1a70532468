//! End-to-end document verification against its raw signature verifications, and batch
//! throughput across threads.
//!
//! A JPKI-style document (vectors/cms): CMS with signed attributes, the signer's chain to a
//! J-LIS-like root, a CRL lookup (RequireCurrent) and a CRYPTREC sunset verdict. Its raw
//! cryptographic work is three signature verifications on the same backend: the signed
//! attributes (signer key), the signer certificate (root key) and the CRL (root key). The
//! bench measures those three alone (`raw-3-verifications`, keys parsed from SPKI each time,
//! as the document path does) and the whole document (`document`); the report divides them.

use std::hint::black_box;
use std::num::NonZeroUsize;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use jpki_verify::cms::{CmsVerifier, Content};
use jpki_verify::policy::CRYPTREC_LS0003;
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{
    BatchDocument, Certificate, Crl, PathValidator, RevocationMode, TrustAnchor, UnixTime,
};

fn read(rel: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("vectors")
        .join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct Scenario {
    name: &'static str,
    document: Vec<u8>,
    root: Certificate,
    leaf: Certificate,
    crl: Crl,
    time: UnixTime,
    /// The algorithm of all three signatures (card and root share it in these vectors).
    algorithm: &'static str,
}

fn scenarios() -> Vec<Scenario> {
    let scenario = |name, document, root, leaf, crl, time: &str, algorithm| Scenario {
        name,
        document: read(document),
        root: Certificate::from_der(&read(root)).unwrap(),
        leaf: Certificate::from_der(&read(leaf)).unwrap(),
        crl: Crl::from_der(&read(crl)).unwrap(),
        time: UnixTime::parse_rfc3339(time).unwrap(),
        algorithm,
    };
    vec![
        scenario(
            "rsa-card",
            "cms/signed/rsa-card-attached.der",
            "migration-world/certs/sign-root-gen3-rsa.der",
            "migration-world/certs/sign-leaf-rsa-card.der",
            "migration-world/crls/sign-gen3-20260601.crl.der",
            "2026-06-02T00:00:00Z",
            "rsa-pkcs1-sha256",
        ),
        scenario(
            "ec-card",
            "cms/signed/ec-card-attached.der",
            "migration-world/certs/sign-root-ec1-p384.der",
            "migration-world/certs/sign-leaf-ec-card.der",
            "migration-world/crls/sign-ec1-20291231.crl.der",
            "2030-01-01T00:00:00Z",
            "ecdsa-p384-sha384",
        ),
    ]
}

fn end_to_end(c: &mut Criterion) {
    let mut group = c.benchmark_group("end-to-end");
    for s in scenarios() {
        let anchors = [TrustAnchor::from_certificate(s.root.clone())];
        let crls = vec![s.crl.clone()];
        let validator = PathValidator::with_backend(&BACKEND, s.time)
            .revocation(RevocationMode::RequireCurrent, &crls);
        let verifier = CmsVerifier::new(validator, &anchors).sunset(&CRYPTREC_LS0003);
        let report = verifier.verify(&s.document, Content::Attached);
        assert_eq!(report.result, Ok(()), "{}: the document verifies", s.name);

        let alg = BACKEND.by_name(s.algorithm).unwrap();
        // The signer's signature stands in as: leaf key, committed 50-byte message; its
        // cost is the key's public operation plus hashing a few hundred bytes.
        let raw = [
            (s.root.spki_der(), s.leaf.tbs_der(), s.leaf.signature()),
            (s.root.spki_der(), s.crl.tbs_der(), s.crl.signature()),
        ];
        for (spki, message, signature) in raw {
            alg.verify_signature(spki, message, signature)
                .expect("raw signature verifies");
        }
        let signer_spki = s.leaf.spki_der().to_vec();
        group.bench_function(format!("{}/raw-3-verifications", s.name), |b| {
            b.iter(|| {
                for (spki, message, signature) in raw {
                    let _ = black_box(alg.verify_signature(spki, message, signature));
                }
                // Third verification: same key size and algorithm as the signer's (the signed
                // attributes' signature is not exposed separately); it fails fast only after
                // the full public-key operation, so its cost is a full verification.
                let _ = black_box(alg.verify_signature(
                    &signer_spki,
                    s.leaf.tbs_der(),
                    s.leaf.signature(),
                ));
            })
        });
        // The same three with every key already prepared: the pure cryptographic cost.
        let root_key = alg.prepare_key(s.root.spki_der()).unwrap();
        let signer_key = alg.prepare_key(&signer_spki).unwrap();
        group.bench_function(
            format!("{}/raw-3-verifications-prepared-keys", s.name),
            |b| {
                b.iter(|| {
                    for (_, message, signature) in raw {
                        let _ = black_box(alg.verify_prepared(&root_key, message, signature));
                    }
                    let _ = black_box(alg.verify_prepared(
                        &signer_key,
                        s.leaf.tbs_der(),
                        s.leaf.signature(),
                    ));
                })
            },
        );
        group.bench_function(format!("{}/document", s.name), |b| {
            b.iter(|| black_box(verifier.verify(black_box(&s.document), Content::Attached)))
        });
    }
    group.finish();
}

fn batch(c: &mut Criterion) {
    let s = &scenarios()[0];
    let anchors = [TrustAnchor::from_certificate(s.root.clone())];
    let crls = vec![s.crl.clone()];
    let validator = PathValidator::with_backend(&BACKEND, s.time)
        .revocation(RevocationMode::RequireCurrent, &crls);
    let verifier = CmsVerifier::new(validator, &anchors);
    let documents: Vec<BatchDocument<'_>> = (0..64)
        .map(|_| BatchDocument {
            signed_data: &s.document,
            detached_content: None,
        })
        .collect();
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(documents.len() as u64));
    for threads in [1usize, 2] {
        let threads = NonZeroUsize::new(threads).unwrap();
        group.bench_function(format!("rsa-card-64-documents/{threads}-threads"), |b| {
            b.iter(|| black_box(verifier.verify_batch(&documents, threads)))
        });
    }
    group.finish();
}

criterion_group!(benches, end_to_end, batch);
criterion_main!(benches);
