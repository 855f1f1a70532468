//! The signed content: attached, or supplied by the caller as bytes or a reader, hashed once
//! for every digest algorithm the signers use.

use alloc::vec::Vec;

#[cfg(feature = "std")]
use super::MAX_INPUT_LEN;
use crate::hash::{Digest, Hasher};
use crate::{Error, HashAlgorithm};

/// The content a SignedData signs, when it is detached (RFC 5652 5.2: eContent absent).
///
/// For a SignedData that carries its content, pass [`Content::Attached`]; supplying content
/// as well is an error ([`Error::CmsUnexpectedContent`]), so a caller cannot be misled
/// about which bytes were verified.
#[non_exhaustive]
pub enum Content<'c> {
    /// Use the encapsulated content; it is an error if the SignedData has none.
    Attached,
    /// Detached content in memory.
    Bytes(&'c [u8]),
    /// Detached content read to its end in one pass, feeding every digest the signers need.
    /// Signers without signed attributes sign the content itself, so when there are such
    /// signers the content is also kept in memory (at most [`MAX_INPUT_LEN`] bytes).
    #[cfg(feature = "std")]
    Reader(&'c mut dyn std::io::Read),
}

impl core::fmt::Debug for Content<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Content::Attached => f.write_str("Attached"),
            Content::Bytes(b) => write!(f, "Bytes({} bytes)", b.len()),
            #[cfg(feature = "std")]
            Content::Reader(_) => f.write_str("Reader"),
        }
    }
}

/// One digest per hash algorithm, computed in a single pass.
pub(crate) struct Digests {
    values: [Option<Digest>; 4],
}

impl Digests {
    pub(crate) fn get(&self, hash: HashAlgorithm) -> Option<&[u8]> {
        self.values[slot(hash)].as_ref().map(Digest::as_bytes)
    }
}

fn slot(hash: HashAlgorithm) -> usize {
    match hash {
        HashAlgorithm::Sha1 => 0,
        HashAlgorithm::Sha256 => 1,
        HashAlgorithm::Sha384 => 2,
        HashAlgorithm::Sha512 => 3,
    }
}

/// Running hashers for a set of algorithms.
struct MultiHasher {
    hashers: [Option<Hasher>; 4],
}

impl MultiHasher {
    fn new(needed: &[HashAlgorithm]) -> Self {
        let mut hashers: [Option<Hasher>; 4] = [None, None, None, None];
        for &hash in needed {
            hashers[slot(hash)].get_or_insert_with(|| Hasher::new(hash));
        }
        Self { hashers }
    }

    fn update(&mut self, data: &[u8]) {
        for hasher in self.hashers.iter_mut().flatten() {
            hasher.update(data);
        }
    }

    fn finish(self) -> Digests {
        let [a, b, c, d] = self.hashers;
        Digests {
            values: [
                a.map(Hasher::finish),
                b.map(Hasher::finish),
                c.map(Hasher::finish),
                d.map(Hasher::finish),
            ],
        }
    }
}

/// The content as available for verification: its digests, and its bytes when a signer
/// without signed attributes needs them.
pub(crate) struct HashedContent<'c> {
    pub(crate) digests: Digests,
    pub(crate) bytes: Option<ContentBytes<'c>>,
}

pub(crate) enum ContentBytes<'c> {
    Borrowed(&'c [u8]),
    /// Read from a [`Content::Reader`].
    #[cfg_attr(not(feature = "std"), allow(dead_code))]
    Owned(Vec<u8>),
}

impl ContentBytes<'_> {
    pub(crate) fn as_slice(&self) -> &[u8] {
        match self {
            ContentBytes::Borrowed(b) => b,
            ContentBytes::Owned(v) => v,
        }
    }
}

/// Hashes the content once with every algorithm in `needed`. `keep` asks for the bytes as
/// well (for signers without signed attributes).
pub(crate) fn hash_content<'c>(
    source: Source<'c>,
    needed: &[HashAlgorithm],
    keep: bool,
) -> Result<HashedContent<'c>, Error> {
    let mut hasher = MultiHasher::new(needed);
    match source {
        Source::Bytes(bytes) => {
            hasher.update(bytes);
            Ok(HashedContent {
                digests: hasher.finish(),
                bytes: keep.then_some(ContentBytes::Borrowed(bytes)),
            })
        }
        #[cfg(feature = "std")]
        Source::Reader(reader) => {
            let mut kept = Vec::new();
            let mut buf = alloc::vec![0u8; 16 * 1024];
            loop {
                let n = match reader.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(_) => return Err(Error::CmsContentUnreadable),
                };
                let chunk = &buf[..n];
                hasher.update(chunk);
                if keep {
                    if kept.len() + n > MAX_INPUT_LEN {
                        return Err(Error::CmsInputTooLarge);
                    }
                    kept.extend_from_slice(chunk);
                }
            }
            Ok(HashedContent {
                digests: hasher.finish(),
                bytes: keep.then_some(ContentBytes::Owned(kept)),
            })
        }
    }
}

/// Where the content comes from once attached/detached has been settled.
pub(crate) enum Source<'c> {
    Bytes(&'c [u8]),
    #[cfg(feature = "std")]
    Reader(&'c mut dyn std::io::Read),
}
