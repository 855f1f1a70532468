//! The fixed test keys and OpenSSL-made signatures in `vectors/keys/` (see its README).
#![allow(dead_code)]

use std::path::PathBuf;

pub fn keys_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vectors/keys")
}

pub fn read(name: &str) -> Vec<u8> {
    let path = keys_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn message() -> Vec<u8> {
    read("message.txt")
}

/// The SPKI that signed `<alg>.sig`.
pub fn spki_for(alg: &str) -> Vec<u8> {
    let key = if alg.starts_with("rsa") {
        "rsa2048"
    } else if alg.starts_with("ecdsa-p256") {
        "p256"
    } else {
        "p384"
    };
    read(&format!("{key}.spki.der"))
}

/// Every algorithm name of the RustCrypto backend, each with a committed signature.
pub const ALGORITHMS: &[&str] = &[
    "rsa-pkcs1-sha1",
    "rsa-pkcs1-sha256",
    "rsa-pkcs1-sha384",
    "rsa-pkcs1-sha512",
    "rsa-pss-sha256",
    "rsa-pss-sha384",
    "rsa-pss-sha512",
    "ecdsa-p256-sha256",
    "ecdsa-p256-sha384",
    "ecdsa-p256-sha512",
    "ecdsa-p384-sha256",
    "ecdsa-p384-sha384",
    "ecdsa-p384-sha512",
    "ecdsa-p256-sha256-p1363",
    "ecdsa-p256-sha384-p1363",
    "ecdsa-p256-sha512-p1363",
    "ecdsa-p384-sha256-p1363",
    "ecdsa-p384-sha384-p1363",
    "ecdsa-p384-sha512-p1363",
];
