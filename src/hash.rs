//! Message digests used by the signature algorithms and by CMS.

use sha2::Digest as _;

use crate::HashAlgorithm;

/// A finished digest (up to SHA-512's 64 bytes), kept on the stack.
#[derive(Clone, Copy)]
pub(crate) struct Digest {
    bytes: [u8; 64],
    len: usize,
}

impl Digest {
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    fn from_slice(out: &[u8]) -> Self {
        let mut bytes = [0u8; 64];
        bytes[..out.len()].copy_from_slice(out);
        Self {
            bytes,
            len: out.len(),
        }
    }
}

/// A running hash over data fed in pieces (for detached CMS content and large inputs).
#[derive(Clone)]
pub(crate) enum Hasher {
    Sha1(sha1::Sha1),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl Hasher {
    pub(crate) fn new(hash: HashAlgorithm) -> Self {
        match hash {
            HashAlgorithm::Sha1 => Hasher::Sha1(sha1::Sha1::new()),
            HashAlgorithm::Sha256 => Hasher::Sha256(sha2::Sha256::new()),
            HashAlgorithm::Sha384 => Hasher::Sha384(sha2::Sha384::new()),
            HashAlgorithm::Sha512 => Hasher::Sha512(sha2::Sha512::new()),
        }
    }

    pub(crate) fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Sha1(h) => h.update(data),
            Hasher::Sha256(h) => h.update(data),
            Hasher::Sha384(h) => h.update(data),
            Hasher::Sha512(h) => h.update(data),
        }
    }

    pub(crate) fn finish(self) -> Digest {
        match self {
            Hasher::Sha1(h) => Digest::from_slice(&h.finalize()),
            Hasher::Sha256(h) => Digest::from_slice(&h.finalize()),
            Hasher::Sha384(h) => Digest::from_slice(&h.finalize()),
            Hasher::Sha512(h) => Digest::from_slice(&h.finalize()),
        }
    }
}

/// Hashes `data` in one call.
pub(crate) fn digest(hash: HashAlgorithm, data: &[u8]) -> Digest {
    let mut hasher = Hasher::new(hash);
    hasher.update(data);
    hasher.finish()
}
