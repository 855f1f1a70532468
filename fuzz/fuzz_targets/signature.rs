//! Raw signature verification with arbitrary key and signature bytes, for every algorithm.
//!
//! Input layout (so seeds can be built from real keys and signatures, see make-seeds.sh):
//! `alg: u8 | key_len: u16 BE | key | sig_len: u16 BE | sig | message...`
#![no_main]

use jpki_verify::rustcrypto::BACKEND_WITH_LEGACY_RSA;
use libfuzzer_sys::fuzz_target;

fn split(data: &[u8]) -> Option<(&[u8], &[u8])> {
    let (len, rest) = data.split_first_chunk::<2>()?;
    let len = usize::from(u16::from_be_bytes(*len));
    (rest.len() >= len).then(|| rest.split_at(len))
}

fuzz_target!(|data: &[u8]| {
    let Some((&alg, rest)) = data.split_first() else { return };
    let Some((key, rest)) = split(rest) else { return };
    let Some((signature, message)) = split(rest) else { return };
    let algorithms = BACKEND_WITH_LEGACY_RSA.algorithms;
    let alg = algorithms[usize::from(alg) % algorithms.len()];
    // A key-check failure and a verification are both fine; a panic or hang is the bug.
    if let Ok(prepared) = alg.prepare_key(key) {
        let _ = alg.verify_prepared(&prepared, message, signature);
    }
    let _ = alg.verify_signature(key, message, signature);
});
