//! Raw signature verification per algorithm, with a prepared (parsed once) key and with the
//! key parsed from its SubjectPublicKeyInfo on every call.
//!
//! Inputs are the committed test keys and OpenSSL-made signatures in `vectors/keys/`, and
//! ML-DSA keys and signatures made here from a fixed seed (deterministic signing), and two
//! Composite ML-DSA combinations (draft-ietf-lamps-pq-composite-sigs-19) made the same way
//! with fixed P-256 / P-384 scalars as the traditional half (RustCrypto backend only:
//! the composites are built on its components).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use jpki_verify::Backend;

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

/// Every backend built: RustCrypto always, aws-lc with the `aws-lc` feature.
fn backends() -> Vec<&'static Backend> {
    #[allow(unused_mut)]
    let mut backends = vec![&jpki_verify::rustcrypto::BACKEND];
    #[cfg(feature = "aws-lc")]
    backends.push(&jpki_verify::aws_lc::BACKEND);
    backends
}

/// DER `tag len body` (lengths up to 65535, enough for ML-DSA-87 keys).
fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    match body.len() {
        n if n < 0x80 => out.push(n as u8),
        n if n < 0x100 => out.extend([0x81, n as u8]),
        n => out.extend([0x82, (n >> 8) as u8, n as u8]),
    }
    out.extend_from_slice(body);
    out
}

/// (algorithm name, SPKI, signature over `message`) for one ML-DSA parameter set, whose OID
/// is 2.16.840.1.101.3.4.3.`arc` (RFC 9881).
fn ml_dsa_inputs<P: ml_dsa::MlDsaParams>(
    name: &'static str,
    arc: u8,
    message: &[u8],
) -> (&'static str, Vec<u8>, Vec<u8>) {
    use ml_dsa::{Keypair, Signer, SigningKey};
    let key = SigningKey::<P>::from_seed(&[42u8; 32].into());
    let oid = tlv(0x06, &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, arc]);
    let mut bits = vec![0u8];
    bits.extend_from_slice(&key.verifying_key().encode());
    let spki = tlv(0x30, &[tlv(0x30, &oid), tlv(0x03, &bits)].concat());
    (name, spki, key.sign(message).encode().to_vec())
}

fn ml_dsa_cases(message: &[u8]) -> [(&'static str, Vec<u8>, Vec<u8>); 3] {
    [
        ml_dsa_inputs::<ml_dsa::MlDsa44>("ml-dsa-44", 17, message),
        ml_dsa_inputs::<ml_dsa::MlDsa65>("ml-dsa-65", 18, message),
        ml_dsa_inputs::<ml_dsa::MlDsa87>("ml-dsa-87", 19, message),
    ]
}

/// M' of the composite draft (empty context): Prefix || Label || 0x00 || PH(message).
fn composite_m_prime(label: &[u8], ph: &[u8]) -> Vec<u8> {
    [b"CompositeAlgorithmSignatures2025".as_slice(), label, &[0], ph].concat()
}

/// (object name, composite SPKI, composite signature) for ML-DSA-65 + P-256 and
/// ML-DSA-87 + P-384, with SHA-512 as the pre-hash.
fn composite_cases(message: &[u8]) -> Vec<(&'static str, Vec<u8>, Vec<u8>)> {
    use ml_dsa::{Keypair, SigningKey};
    use sha2::{Digest, Sha512};
    use signature::Signer;
    let ph = Sha512::digest(message);
    let spki = |arc: u8, ml: &[u8], trad: &[u8]| {
        // id-alg 1.3.6.1.5.5.7.6.<arc>
        let oid = tlv(0x06, &[0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x06, arc]);
        let bits = [&[0u8][..], ml, trad].concat();
        tlv(0x30, &[tlv(0x30, &oid), tlv(0x03, &bits)].concat())
    };

    let label = b"COMPSIG-MLDSA65-ECDSA-P256-SHA512";
    let m = composite_m_prime(label, &ph);
    let ml = SigningKey::<ml_dsa::MlDsa65>::from_seed(&[43u8; 32].into());
    let ec = p256::ecdsa::SigningKey::from_slice(&[7u8; 32]).unwrap();
    let ec_sig: p256::ecdsa::DerSignature = ec.sign(&m);
    let sig65 = [
        ml.expanded_key().sign_deterministic(&m, label).unwrap().encode().to_vec(),
        ec_sig.to_bytes().to_vec(),
    ]
    .concat();
    let pk65 = spki(
        45,
        &ml.verifying_key().encode(),
        ec.verifying_key().to_sec1_point(false).as_bytes(),
    );

    let label = b"COMPSIG-MLDSA87-ECDSA-P384-SHA512";
    let m = composite_m_prime(label, &ph);
    let ml = SigningKey::<ml_dsa::MlDsa87>::from_seed(&[44u8; 32].into());
    let ec = p384::ecdsa::SigningKey::from_slice(&[7u8; 48]).unwrap();
    let ec_sig: p384::ecdsa::DerSignature = ec.sign(&m);
    let sig87 = [
        ml.expanded_key().sign_deterministic(&m, label).unwrap().encode().to_vec(),
        ec_sig.to_bytes().to_vec(),
    ]
    .concat();
    let pk87 = spki(
        49,
        &ml.verifying_key().encode(),
        ec.verifying_key().to_sec1_point(false).as_bytes(),
    );
    vec![
        ("composite-mldsa65-ecdsa-p256-sha512", pk65, sig65),
        ("composite-mldsa87-ecdsa-p384-sha512", pk87, sig87),
    ]
}

fn verify(c: &mut Criterion) {
    let message = read("message.txt");
    let mut group = c.benchmark_group("verify");
    for backend in backends() {
        let files = ALGORITHMS.iter().map(|(name, key)| {
            (
                *name,
                read(&format!("{key}.spki.der")),
                read(&format!("{name}.sig")),
            )
        });
        let composites = if backend.name == "rustcrypto" {
            composite_cases(&message)
        } else {
            Vec::new()
        };
        for (name, spki, signature) in files.chain(ml_dsa_cases(&message)).chain(composites) {
            let alg = backend.by_name(name).expect("algorithm exists");
            let prepared = alg.prepare_key(&spki).expect("key prepares");
            alg.verify_prepared(&prepared, &message, &signature)
                .expect("committed signature verifies");
            let backend = backend.name;
            group.bench_function(format!("{backend}/{name}/prepared-key"), |b| {
                b.iter(|| {
                    alg.verify_prepared(
                        black_box(&prepared),
                        black_box(&message),
                        black_box(&signature),
                    )
                })
            });
            group.bench_function(format!("{backend}/{name}/spki-each-time"), |b| {
                b.iter(|| {
                    alg.verify_signature(
                        black_box(&spki),
                        black_box(&message),
                        black_box(&signature),
                    )
                })
            });
        }
    }
    group.finish();
}

/// aws-lc-rs called directly, as the yardstick for this crate's aws-lc backend overhead.
#[cfg(feature = "aws-lc")]
fn aws_lc_direct(c: &mut Criterion) {
    use aws_lc_rs::signature::{self, ParsedPublicKey, VerificationAlgorithm};
    let cases: [(&str, &str, &'static dyn VerificationAlgorithm); 3] = [
        (
            "rsa-pkcs1-sha256",
            "rsa2048",
            &signature::RSA_PKCS1_2048_8192_SHA256,
        ),
        (
            "ecdsa-p256-sha256",
            "p256",
            &signature::ECDSA_P256_SHA256_ASN1,
        ),
        (
            "ecdsa-p384-sha384",
            "p384",
            &signature::ECDSA_P384_SHA384_ASN1,
        ),
    ];
    let message = read("message.txt");
    let mut group = c.benchmark_group("verify");
    for (name, key, alg) in cases {
        let spki = read(&format!("{key}.spki.der"));
        let signature = read(&format!("{name}.sig"));
        let parsed = ParsedPublicKey::new(alg, &spki).expect("aws-lc parses the SPKI");
        parsed.verify_sig(&message, &signature).expect("verifies");
        group.bench_function(format!("aws-lc-rs-direct/{name}/parsed-key"), |b| {
            b.iter(|| parsed.verify_sig(black_box(&message), black_box(&signature)))
        });
    }
    group.finish();
}

#[cfg(not(feature = "aws-lc"))]
fn aws_lc_direct(_: &mut Criterion) {}

criterion_group!(benches, verify, aws_lc_direct);
criterion_main!(benches);
