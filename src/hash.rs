//! Message digests used by the signature algorithms and by CMS.

use sha2::Digest as _;

use der::asn1::ObjectIdentifier;

use crate::oid;

/// A hash function used inside a signature algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum HashAlgorithm {
    /// SHA-1: collisions are practical; supported only for verifying old data.
    Sha1,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl HashAlgorithm {
    /// The conventional name, e.g. `SHA-256`.
    pub const fn name(self) -> &'static str {
        match self {
            HashAlgorithm::Sha1 => "SHA-1",
            HashAlgorithm::Sha256 => "SHA-256",
            HashAlgorithm::Sha384 => "SHA-384",
            HashAlgorithm::Sha512 => "SHA-512",
        }
    }

    /// Output length in bytes.
    pub const fn output_len(self) -> usize {
        match self {
            HashAlgorithm::Sha1 => 20,
            HashAlgorithm::Sha256 => 32,
            HashAlgorithm::Sha384 => 48,
            HashAlgorithm::Sha512 => 64,
        }
    }

    /// The hash's OID (as used in DigestAlgorithmIdentifier and PSS parameters).
    pub const fn oid(self) -> ObjectIdentifier {
        match self {
            HashAlgorithm::Sha1 => oid::SHA1,
            HashAlgorithm::Sha256 => oid::SHA256,
            HashAlgorithm::Sha384 => oid::SHA384,
            HashAlgorithm::Sha512 => oid::SHA512,
        }
    }

    /// The hash with this OID, if supported.
    pub fn from_oid(id: ObjectIdentifier) -> Option<Self> {
        hash_from_oid(id)
    }
}

/// The supported hash with this OID, if any (parameters are the caller's to check).
pub(crate) fn hash_from_oid(id: ObjectIdentifier) -> Option<HashAlgorithm> {
    match id {
        oid::SHA1 => Some(HashAlgorithm::Sha1),
        oid::SHA256 => Some(HashAlgorithm::Sha256),
        oid::SHA384 => Some(HashAlgorithm::Sha384),
        oid::SHA512 => Some(HashAlgorithm::Sha512),
        _ => None,
    }
}

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
