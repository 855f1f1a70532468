//! The verification trait and the backend that groups its implementations.

use alloc::boxed::Box;
use core::any::Any;
use core::fmt;

use crate::alg_id::AlgorithmIdentifier;
use crate::key::{AlgorithmFamily, NamedCurve, PublicKeyInfo, split_spki};
use crate::{Error, HashAlgorithm};

/// How an ECDSA signature value is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EcdsaSignatureEncoding {
    /// `Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (X.509, CMS).
    Der,
    /// Fixed-width big-endian `r || s` (IEEE P1363), as an IC card returns it.
    FixedWidth,
}

/// The signature scheme an algorithm object implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignatureScheme {
    /// RSASSA-PKCS1-v1_5 (RFC 8017 8.2).
    RsaPkcs1v15,
    /// RSASSA-PSS with MGF1 (RFC 8017 8.1, RFC 4055).
    RsaPss,
    /// ECDSA (FIPS 186-5) on a named curve.
    Ecdsa {
        /// The curve.
        curve: NamedCurve,
        /// How the signature value is encoded.
        encoding: EcdsaSignatureEncoding,
    },
    /// A scheme this crate does not implement itself, supplied by another crate's
    /// algorithm object (hash-based or pure); described by its family.
    Other {
        /// The family.
        family: AlgorithmFamily,
    },
}

impl SignatureScheme {
    /// The scheme's family.
    pub const fn family(self) -> AlgorithmFamily {
        match self {
            SignatureScheme::RsaPkcs1v15 | SignatureScheme::RsaPss => AlgorithmFamily::Rsa,
            SignatureScheme::Ecdsa { .. } => AlgorithmFamily::Ecdsa,
            SignatureScheme::Other { family } => family,
        }
    }
}

/// One signature verification algorithm: a public-key algorithm, a hash and a padding or
/// encoding, with the key-size policy written into its name.
///
/// Object safe, so callers hold `&'static dyn SignatureVerificationAlgorithm` and a backend is
/// a set of such statics; swapping the backend does not change calling code.
pub trait SignatureVerificationAlgorithm: Send + Sync + fmt::Debug {
    /// A short stable name, e.g. `rsa-pkcs1-sha256` or `ecdsa-p384-sha384-p1363`.
    fn name(&self) -> &'static str;

    /// The scheme implemented.
    fn scheme(&self) -> SignatureScheme;

    /// The scheme's family.
    fn family(&self) -> AlgorithmFamily {
        self.scheme().family()
    }

    /// The hash applied to the message before the public-key operation (RSA, ECDSA), or
    /// `None` for a pure scheme that takes the whole message (ML-DSA, EdDSA): callers never
    /// pre-hash, they pass the message and the object decides.
    fn hash(&self) -> Option<HashAlgorithm>;

    /// The SubjectPublicKeyInfo algorithm identifier of keys this algorithm verifies with.
    fn public_key_alg_id(&self) -> AlgorithmIdentifier<'static>;

    /// The signature AlgorithmIdentifier in its canonical (DER) form.
    fn signature_alg_id(&self) -> AlgorithmIdentifier<'static>;

    /// What the key in `spki` (a DER SubjectPublicKeyInfo) is, for reports and sunset
    /// tables. The default decodes the key kinds this crate knows (RSA, EC); an object for
    /// another kind of key overrides it.
    fn key_info(&self, spki: &[u8]) -> Result<PublicKeyInfo, Error> {
        PublicKeyInfo::from_spki(spki)
    }

    /// Whether a key with this SPKI algorithm identifier can be used.
    fn accepts_public_key_alg(&self, alg: &AlgorithmIdentifier<'_>) -> bool {
        *alg == self.public_key_alg_id()
    }

    /// Whether this object verifies signatures labelled with `alg` (in a certificate or a
    /// SignerInfo). Fixed-width ECDSA objects never match: X.509 and CMS carry DER.
    fn accepts_signature_alg(&self, alg: &AlgorithmIdentifier<'_>) -> bool {
        *alg == self.signature_alg_id()
    }

    /// Decodes and checks a DER SubjectPublicKeyInfo once, keeping whatever precomputation
    /// makes repeated verification under it cheaper (the key-size policy is applied here).
    fn prepare_key(&self, spki: &[u8]) -> Result<PreparedKey, Error>;

    /// Verifies `signature` over the unhashed `message` with a key from
    /// [`prepare_key`](Self::prepare_key) (of any algorithm object of the same backend).
    fn verify_prepared(
        &self,
        key: &PreparedKey,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error>;

    /// As [`verify_prepared`](Self::verify_prepared), under the parameters carried by
    /// `signature_alg`, which this object accepted (only RSASSA-PSS has parameters that
    /// change verification: the salt length).
    fn verify_prepared_with_alg(
        &self,
        signature_alg: &AlgorithmIdentifier<'_>,
        key: &PreparedKey,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        let _ = signature_alg;
        self.verify_prepared(key, message, signature)
    }

    /// Verifies `signature` over the unhashed `message` with the key in `spki` (a DER
    /// SubjectPublicKeyInfo), using this object's canonical parameters.
    fn verify_signature(&self, spki: &[u8], message: &[u8], signature: &[u8]) -> Result<(), Error> {
        self.verify_prepared(&self.prepare_key(spki)?, message, signature)
    }

    /// As [`verify_signature`](Self::verify_signature), under the parameters of `signature_alg`.
    fn verify_signature_with_alg(
        &self,
        signature_alg: &AlgorithmIdentifier<'_>,
        spki: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        let key = self.prepare_key(spki)?;
        self.verify_prepared_with_alg(signature_alg, &key, message, signature)
    }
}

/// A public key decoded and checked by a backend, ready for repeated verification.
///
/// The backend's own representation is kept behind `Any`, so a backend can hold whatever
/// precomputation it likes; a key prepared by one backend and used by another is refused
/// with [`Error::SignatureAlgorithmMismatch`].
pub struct PreparedKey {
    info: PublicKeyInfo,
    inner: Box<dyn Any + Send + Sync>,
}

impl PreparedKey {
    /// Wraps a backend's key representation (for backend implementers).
    pub fn new<T: Any + Send + Sync>(info: PublicKeyInfo, inner: T) -> Self {
        Self {
            info,
            inner: Box::new(inner),
        }
    }

    /// The key's algorithm and size.
    pub fn info(&self) -> PublicKeyInfo {
        self.info
    }

    /// The backend's representation, if it is a `T` (for backend implementers).
    pub fn downcast_ref<T: Any>(&self) -> Option<&T> {
        self.inner.downcast_ref()
    }
}

impl fmt::Debug for PreparedKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PreparedKey")
            .field("info", &self.info)
            .finish_non_exhaustive()
    }
}

/// A set of algorithm objects from one implementation, searched in order.
#[derive(Clone, Copy, Debug)]
pub struct Backend {
    /// The backend's name, e.g. `rustcrypto`.
    pub name: &'static str,
    /// The algorithms offered; the first that matches a request is used.
    pub algorithms: &'static [&'static dyn SignatureVerificationAlgorithm],
}

/// `first` followed by `second`, for building a backend's algorithm list in a `static`
/// (stable Rust cannot yet add const array lengths, hence `N`, checked at compile time).
pub(crate) const fn concat_algorithms<const A: usize, const B: usize, const N: usize>(
    first: [&'static dyn SignatureVerificationAlgorithm; A],
    second: [&'static dyn SignatureVerificationAlgorithm; B],
) -> [&'static dyn SignatureVerificationAlgorithm; N] {
    assert!(A + B == N && A > 0, "N must be A + B");
    // Filled with any element first: a const fn has no uninitialized arrays.
    let mut out = [first[0]; N];
    let mut i = 0;
    while i < N {
        out[i] = if i < A { first[i] } else { second[i - A] };
        i += 1;
    }
    out
}

impl Backend {
    /// The algorithm with this [`SignatureVerificationAlgorithm::name`].
    pub fn by_name(&self, name: &str) -> Option<&'static dyn SignatureVerificationAlgorithm> {
        self.algorithms.iter().copied().find(|a| a.name() == name)
    }

    /// Verifies a signature labelled with `signature_alg` (DER AlgorithmIdentifier as found
    /// in a certificate or SignerInfo), returning the algorithm object that checked it.
    pub fn verify_signed_data(
        &self,
        spki: &[u8],
        signature_alg: &AlgorithmIdentifier<'_>,
        message: &[u8],
        signature: &[u8],
    ) -> Result<&'static dyn SignatureVerificationAlgorithm, Error> {
        verify_signed_data(self.algorithms, spki, signature_alg, message, signature)
    }
}

/// Finds the algorithm in `algorithms` that matches both `signature_alg` and the key's
/// algorithm, and verifies with it.
///
/// Errors: [`Error::UnsupportedSignatureAlgorithm`] when no object accepts `signature_alg`,
/// [`Error::SignatureAlgorithmMismatch`] when some do but none for this kind of key, and
/// the chosen object's own error otherwise.
pub fn verify_signed_data<'a>(
    algorithms: &[&'a dyn SignatureVerificationAlgorithm],
    spki: &[u8],
    signature_alg: &AlgorithmIdentifier<'_>,
    message: &[u8],
    signature: &[u8],
) -> Result<&'a dyn SignatureVerificationAlgorithm, Error> {
    let alg = find_algorithm(algorithms, spki, signature_alg)?;
    alg.verify_signature_with_alg(signature_alg, spki, message, signature)?;
    Ok(alg)
}

/// The first object accepting both `signature_alg` and the key's algorithm.
fn find_algorithm<'a>(
    algorithms: &[&'a dyn SignatureVerificationAlgorithm],
    spki: &[u8],
    signature_alg: &AlgorithmIdentifier<'_>,
) -> Result<&'a dyn SignatureVerificationAlgorithm, Error> {
    let (key_alg, _) = split_spki(spki).map_err(|_| Error::MalformedPublicKey)?;
    let mut saw_signature_alg = false;
    for alg in algorithms.iter().copied() {
        if !alg.accepts_signature_alg(signature_alg) {
            continue;
        }
        saw_signature_alg = true;
        if alg.accepts_public_key_alg(&key_alg) {
            return Ok(alg);
        }
    }
    Err(if saw_signature_alg {
        Error::SignatureAlgorithmMismatch
    } else {
        Error::UnsupportedSignatureAlgorithm
    })
}

/// A prepared key kept for a public key that verifies again and again — a trust anchor's,
/// whose key signs every card certificate and every CRL of its generation.
///
/// With `std` the first use prepares the key and later uses with the same algorithm object
/// reuse it (thread-safe); without `std` there is no cache and every use prepares afresh.
#[derive(Default)]
pub struct PreparedKeyCache {
    #[cfg(feature = "std")]
    slot: std::sync::OnceLock<(usize, Result<PreparedKey, Error>)>,
}

impl fmt::Debug for PreparedKeyCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PreparedKeyCache").finish_non_exhaustive()
    }
}

impl PreparedKeyCache {
    /// An empty cache.
    pub const fn new() -> Self {
        Self {
            #[cfg(feature = "std")]
            slot: std::sync::OnceLock::new(),
        }
    }

    /// Verifies with the cached key when `alg` prepared it; otherwise as
    /// [`SignatureVerificationAlgorithm::verify_signature_with_alg`].
    fn verify(
        &self,
        alg: &dyn SignatureVerificationAlgorithm,
        signature_alg: &AlgorithmIdentifier<'_>,
        spki: &[u8],
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        #[cfg(feature = "std")]
        {
            // Keys are only shared with the object that prepared them: the backend's key
            // type and the object's key-size policy are then certainly the same.
            let id = alg as *const dyn SignatureVerificationAlgorithm as *const () as usize;
            let (owner, key) = self.slot.get_or_init(|| (id, alg.prepare_key(spki)));
            if *owner == id {
                return alg.verify_prepared_with_alg(
                    signature_alg,
                    key.as_ref().map_err(|e| *e)?,
                    message,
                    signature,
                );
            }
        }
        alg.verify_signature_with_alg(signature_alg, spki, message, signature)
    }
}

/// As [`verify_signed_data`], reusing `cache`'s prepared key for `spki` (which must be the
/// key the cache is for: callers keep one cache per key).
pub fn verify_signed_data_cached<'a>(
    algorithms: &[&'a dyn SignatureVerificationAlgorithm],
    cache: &PreparedKeyCache,
    spki: &[u8],
    signature_alg: &AlgorithmIdentifier<'_>,
    message: &[u8],
    signature: &[u8],
) -> Result<&'a dyn SignatureVerificationAlgorithm, Error> {
    let alg = find_algorithm(algorithms, spki, signature_alg)?;
    cache.verify(alg, signature_alg, spki, message, signature)?;
    Ok(alg)
}
