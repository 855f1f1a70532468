//! Encoded-message checks for RSA signatures: EMSA-PKCS1-v1_5 (RFC 8017 9.2) and
//! EMSA-PSS-VERIFY (RFC 8017 9.1.2), over the output of the public-key operation.

use crate::HashAlgorithm;
use crate::hash::{Hasher, digest};

use super::modexp::MAX_BYTES;

/// DER DigestInfo prefixes (RFC 8017 9.2 note 1), hash OID with NULL parameters.
fn digest_info_prefix(hash: HashAlgorithm) -> &'static [u8] {
    match hash {
        HashAlgorithm::Sha1 => &[
            0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04,
            0x14,
        ],
        HashAlgorithm::Sha256 => &[
            0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x01, 0x05, 0x00, 0x04, 0x20,
        ],
        HashAlgorithm::Sha384 => &[
            0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x02, 0x05, 0x00, 0x04, 0x30,
        ],
        HashAlgorithm::Sha512 => &[
            0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x03, 0x05, 0x00, 0x04, 0x40,
        ],
    }
}

/// Whether `em` (k bytes) is exactly `00 01 FF..FF 00 DigestInfo(hash(message))`.
///
/// The expected encoding is rebuilt and compared whole, so no parser of the padding exists
/// to be confused (the BERserk class of bugs), and DigestInfo without the NULL parameter is
/// refused.
pub(crate) fn pkcs1v15_matches(em: &[u8], hash: HashAlgorithm, message_hash: &[u8]) -> bool {
    let prefix = digest_info_prefix(hash);
    let t_len = prefix.len() + message_hash.len();
    let k = em.len();
    // RFC 8017 9.2 step 5: at least 8 bytes of 0xFF padding.
    if k < t_len + 11 {
        return false;
    }
    let ps_end = k - t_len - 1;
    em[0] == 0x00
        && em[1] == 0x01
        && em[2..ps_end].iter().all(|b| *b == 0xff)
        && em[ps_end] == 0x00
        && em[ps_end + 1..ps_end + 1 + prefix.len()] == *prefix
        && em[k - message_hash.len()..] == *message_hash
}

/// EMSA-PSS-VERIFY with MGF1 over `hash`, for an encoded message `em` of k bytes (the full
/// RSAVP1 output) under a modulus of `mod_bits` bits.
pub(crate) fn pss_matches(
    em: &[u8],
    mod_bits: usize,
    hash: HashAlgorithm,
    message_hash: &[u8],
    salt_len: usize,
) -> bool {
    let em_bits = mod_bits - 1;
    let em_len = em_bits.div_ceil(8);
    // When emBits is a multiple of 8, EM is one byte shorter than k and the first byte of
    // the RSAVP1 output must be zero (RFC 8017 8.1.2 step 2c).
    let em = match em.len() - em_len {
        0 => em,
        1 if em[0] == 0 => &em[1..],
        _ => return false,
    };
    let h_len = hash.output_len();
    if em_len < h_len + salt_len + 2 || em[em_len - 1] != 0xbc {
        return false;
    }
    let db_len = em_len - h_len - 1;
    let (masked_db, rest) = em.split_at(db_len);
    let h = &rest[..h_len];
    let unused_bits = 8 * em_len - em_bits;
    let top_mask = 0xffu8 >> unused_bits;
    if masked_db[0] & !top_mask != 0 {
        return false;
    }
    let mut db = [0u8; MAX_BYTES];
    let db = &mut db[..db_len];
    db.copy_from_slice(masked_db);
    mgf1_xor(hash, h, db);
    db[0] &= top_mask;
    let pad_len = db_len - salt_len - 1;
    if db[..pad_len].iter().any(|b| *b != 0) || db[pad_len] != 0x01 {
        return false;
    }
    let salt = &db[db_len - salt_len..];
    let mut hasher = Hasher::new(hash);
    hasher.update(&[0u8; 8]);
    hasher.update(message_hash);
    hasher.update(salt);
    hasher.finish().as_bytes() == h
}

/// `out ^= MGF1(seed)` (RFC 8017 B.2.1).
fn mgf1_xor(hash: HashAlgorithm, seed: &[u8], out: &mut [u8]) {
    for (counter, chunk) in out.chunks_mut(hash.output_len()).enumerate() {
        let mut hasher = Hasher::new(hash);
        hasher.update(seed);
        hasher.update(&(counter as u32).to_be_bytes());
        let mask = hasher.finish();
        for (byte, m) in chunk.iter_mut().zip(mask.as_bytes()) {
            *byte ^= m;
        }
    }
}

/// The message digest for a signature check.
pub(crate) fn message_hash(hash: HashAlgorithm, message: &[u8]) -> crate::hash::Digest {
    digest(hash, message)
}
