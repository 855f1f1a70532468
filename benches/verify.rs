//! Raw signature verification per algorithm, with a prepared (parsed once) key and with the
//! key parsed from its SubjectPublicKeyInfo on every call.
//!
//! Inputs are the committed test keys and OpenSSL-made signatures in `vectors/keys/`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use jpki_verify::rustcrypto::BACKEND;

/// The algorithms the migration is about, plus PSS and P-256 for comparison.
const ALGORITHMS: &[(&str, &str)] = &[
    ("rsa-pkcs1-sha256", "rsa2048"),
    ("rsa-pss-sha256", "rsa2048"),
    ("ecdsa-p256-sha256", "p256"),
    ("ecdsa-p384-sha384", "p384"),
    ("ecdsa-p384-sha384-p1363", "p384"),
];

fn read(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("vectors/keys")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn verify(c: &mut Criterion) {
    let message = read("message.txt");
    let mut group = c.benchmark_group("verify");
    for (name, key) in ALGORITHMS {
        let alg = BACKEND.by_name(name).expect("algorithm exists");
        let spki = read(&format!("{key}.spki.der"));
        let signature = read(&format!("{name}.sig"));
        let prepared = alg.prepare_key(&spki).expect("key prepares");
        alg.verify_prepared(&prepared, &message, &signature)
            .expect("committed signature verifies");

        group.bench_function(format!("{name}/prepared-key"), |b| {
            b.iter(|| {
                alg.verify_prepared(
                    black_box(&prepared),
                    black_box(&message),
                    black_box(&signature),
                )
            })
        });
        group.bench_function(format!("{name}/spki-each-time"), |b| {
            b.iter(|| {
                alg.verify_signature(black_box(&spki), black_box(&message), black_box(&signature))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, verify);
criterion_main!(benches);
