//! RFC 3161 time-stamp tokens: evidence, signed by a third party (a time-stamping authority),
//! that some data existed at a time.
//!
//! A time the signer claims is a claim; only evidence a third party signs is proof. A CMS
//! signer's signing-time attribute is the former; a TimeStampToken over its signature value
//! (the CAdES-T signature-time-stamp attribute) is the latter, and
//! [`crate::cms::ValidationTime::Timestamped`] validates the signer at the token's genTime.
//!
//! ```no_run
//! use jpki_verify::tsp::{Imprint, TimestampVerifier};
//! use jpki_verify::rustcrypto::BACKEND;
//! use jpki_verify::{Certificate, PathValidator, TrustAnchor, UnixTime};
//!
//! # fn main() -> Result<(), jpki_verify::Error> {
//! # let (root_der, token, data): (Vec<u8>, Vec<u8>, Vec<u8>) = (vec![], vec![], vec![]);
//! let anchors = [TrustAnchor::from_certificate(Certificate::from_der(&root_der)?)];
//! let now = UnixTime::parse_rfc3339("2036-01-01T00:00:00Z")?;
//! let report = TimestampVerifier::new(PathValidator::with_backend(&BACKEND, now), &anchors)
//!     .verify(&token, Imprint::Data(&data));
//! report.result?;
//! println!("existed by {:?}", report.latest());
//! # Ok(())
//! # }
//! ```
//!
//! What is verified (RFC 3161 2.4.2, 2.3): the token is a CMS SignedData whose eContentType
//! is id-ct-TSTInfo with exactly one SignerInfo, verified by [`crate::cms::CmsVerifier`]
//! (signature, signed attributes, the TSA certificate's path with id-kp-timeStamping
//! required through [`PathValidator::required_eku`]); the TSA certificate's
//! extendedKeyUsage is present, critical and exactly id-kp-timeStamping; the TSTInfo is
//! well-formed; its messageImprint is the hash of the caller's data (or equals the caller's
//! digest); the nonce and the policy, when the caller asks. Tokens inside the token are not
//! processed (depth 1). The ESS signing-certificate attribute is not checked: the TSA
//! certificate is the one whose key verified the signature and whose path validated.
//!
//! The TSA path is validated at the validator's time ("now"), not at genTime: ETSI EN 319
//! 102-1 treats a token as evidence for as long as its TSA path validates now; keeping it
//! evidence after the TSA certificate expires or its algorithms weaken needs an archive
//! timestamp over it (not implemented). See `docs/long-term-validation.md`.

mod asn1;

pub use self::asn1::TstInfo;

use alloc::string::String;
use alloc::vec::Vec;

use der::asn1::ObjectIdentifier;

use crate::cms::{CmsVerifier, Content};
use crate::{
    Certificate, Error, HashAlgorithm, PathValidator, TrustAnchor, UnixTime, ValidatedPath,
};

/// Largest TimeStampToken accepted, in bytes (the TSA's certificates included).
pub const MAX_TOKEN_LEN: usize = 256 * 1024;
/// Largest TSTInfo accepted, in bytes.
pub const MAX_TST_INFO_LEN: usize = 16 * 1024;
/// Most extensions in one TSTInfo.
pub const MAX_EXTENSIONS: usize = 16;
/// Longest nonce accepted, in INTEGER content octets.
pub const MAX_NONCE_LEN: usize = 64;
/// Longest serial number accepted, in INTEGER content octets (RFC 3161 2.4.2: up to 160
/// bits, plus a sign octet).
pub const MAX_SERIAL_LEN: usize = 21;

/// Object identifiers of RFC 3161 and RFC 5126.
pub use crate::oid::tsp as oids;

/// What the token's messageImprint must match.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub enum Imprint<'a> {
    /// The data itself, hashed with the token's hash algorithm.
    Data(&'a [u8]),
    /// The data's digest, computed by the caller with the token's hash algorithm.
    Digest(&'a [u8]),
}

/// The TSA's stated accuracy of genTime (RFC 3161 2.4.2); absent fields are zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Accuracy {
    /// Whole seconds.
    pub seconds: u32,
    /// Milliseconds (0 - 999).
    pub millis: u16,
    /// Microseconds (0 - 999).
    pub micros: u16,
}

impl Accuracy {
    fn nanos(self) -> i128 {
        i128::from(self.seconds) * 1_000_000_000
            + i128::from(self.millis) * 1_000_000
            + i128::from(self.micros) * 1_000
    }
}

/// The outcome of verifying one TimeStampToken. The TSTInfo fields are reported as read
/// once the TSTInfo parsed, whatever the result: only `result == Ok(())` makes them
/// evidence.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct TimestampReport {
    /// `Ok` when the token verified and matches the data, nonce and policies asked for.
    pub result: Result<(), Error>,
    /// Behind [`Error::TimestampTokenInvalid`] or [`Error::TimestampTsaEku`]: the CMS or
    /// path error of the token's signer.
    pub token_error: Option<Error>,
    /// genTime, whole seconds (the fraction is [`TimestampReport::gen_time_nanos`]).
    pub gen_time: Option<UnixTime>,
    /// genTime's fraction of a second, in nanoseconds.
    pub gen_time_nanos: u32,
    /// The stated accuracy; `None`: the token states none (RFC 3161 leaves it to other
    /// means), and [`TimestampReport::earliest`] / [`TimestampReport::latest`] are genTime.
    pub accuracy: Option<Accuracy>,
    /// The TSA policy under which the token was issued.
    pub policy: Option<ObjectIdentifier>,
    /// The token's serial number (INTEGER content octets).
    pub serial: Option<Vec<u8>>,
    /// The nonce, when the token has one (INTEGER content octets).
    pub nonce: Option<Vec<u8>>,
    /// The messageImprint's hash algorithm.
    pub hash_algorithm: Option<HashAlgorithm>,
    /// The TSTInfo's ordering flag.
    pub ordering: bool,
    /// The TSTInfo's tsa field (a directoryName as `O=..., CN=...`).
    pub tsa_name: Option<String>,
    /// The subject of the certificate whose key signed the token.
    pub tsa_subject: Option<String>,
    /// The TSA certificate's validated path.
    pub tsa_path: Option<ValidatedPath>,
    /// The time the TSA path was validated at (the validator's).
    pub validation_time: Option<UnixTime>,
}

impl TimestampReport {
    fn new() -> Self {
        Self {
            result: Err(Error::TimestampMalformed),
            token_error: None,
            gen_time: None,
            gen_time_nanos: 0,
            accuracy: None,
            policy: None,
            serial: None,
            nonce: None,
            hash_algorithm: None,
            ordering: false,
            tsa_name: None,
            tsa_subject: None,
            tsa_path: None,
            validation_time: None,
        }
    }

    /// Whether the token verified.
    pub fn is_valid(&self) -> bool {
        self.result.is_ok()
    }

    /// genTime minus the accuracy, rounded down to the second: the earliest the time could
    /// have been.
    pub fn earliest(&self) -> Option<UnixTime> {
        self.bound(-1)
    }

    /// genTime plus the accuracy, rounded up to the second: the data existed by then.
    pub fn latest(&self) -> Option<UnixTime> {
        self.bound(1)
    }

    fn bound(&self, sign: i128) -> Option<UnixTime> {
        let generated = self.gen_time?;
        let nanos = i128::from(generated.as_unix_seconds()) * 1_000_000_000
            + i128::from(self.gen_time_nanos)
            + sign * self.accuracy.map_or(0, Accuracy::nanos);
        let secs = if sign < 0 {
            nanos.div_euclid(1_000_000_000)
        } else {
            (nanos + 999_999_999).div_euclid(1_000_000_000)
        };
        i64::try_from(secs).ok().map(UnixTime::from_unix_seconds)
    }
}

/// Verifies TimeStampTokens: the [`PathValidator`] for the TSA certificate (its time is
/// "now"), the anchors, and what the caller requires of the TSTInfo.
#[derive(Clone, Copy)]
pub struct TimestampVerifier<'a> {
    validator: PathValidator<'a>,
    anchors: &'a [TrustAnchor],
    certificates: &'a [Certificate],
    policies: &'a [ObjectIdentifier],
    nonce: Option<&'a [u8]>,
}

impl core::fmt::Debug for TimestampVerifier<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("TimestampVerifier")
            .field("time", &self.validator.time())
            .field("policies", &self.policies)
            .field("nonce", &self.nonce)
            .finish_non_exhaustive()
    }
}

const TIME_STAMPING: &[ObjectIdentifier] = &[oids::KP_TIME_STAMPING];

impl<'a> TimestampVerifier<'a> {
    /// TSA paths validated by `validator` (at its time) to one of `anchors`; any policy,
    /// no nonce.
    pub fn new(validator: PathValidator<'a>, anchors: &'a [TrustAnchor]) -> Self {
        Self {
            validator,
            anchors,
            certificates: &[],
            policies: &[],
            nonce: None,
        }
    }

    /// Certificates the caller supplies for the TSA's path (and as candidates for its
    /// certificate, when the token does not carry it).
    pub fn certificates(mut self, certificates: &'a [Certificate]) -> Self {
        self.certificates = certificates;
        self
    }

    /// The TSA policies accepted; empty (the default): any.
    pub fn policies(mut self, policies: &'a [ObjectIdentifier]) -> Self {
        self.policies = policies;
        self
    }

    /// The nonce the request carried (big-endian integer octets; leading zeros ignored).
    pub fn nonce(mut self, nonce: Option<&'a [u8]>) -> Self {
        self.nonce = nonce;
        self
    }

    /// The validator of the TSA path.
    pub fn validator(&self) -> &PathValidator<'a> {
        &self.validator
    }

    /// Verifies a DER TimeStampToken (a `ContentInfo`) against `imprint`. Never panics;
    /// every failure is in [`TimestampReport::result`].
    pub fn verify(&self, token: &[u8], imprint: Imprint<'_>) -> TimestampReport {
        let mut report = TimestampReport::new();
        report.result = self.check(token, imprint, &mut report);
        report
    }

    fn check(
        &self,
        token: &[u8],
        imprint: Imprint<'_>,
        report: &mut TimestampReport,
    ) -> Result<(), Error> {
        if token.len() > MAX_TOKEN_LEN {
            return Err(Error::TimestampMalformed);
        }
        // The CMS machinery verifies the token; its own tokens are not looked at (depth 1).
        let cms = CmsVerifier::new(self.validator.required_eku(TIME_STAMPING), self.anchors)
            .certificates(self.certificates)
            .without_timestamps()
            .verify(token, Content::Attached);
        if cms.content_type != Some(oids::TST_INFO) || cms.signers.len() != 1 {
            report.token_error = cms.result.err();
            return Err(Error::TimestampMalformed);
        }
        let content = cms
            .attached_content(token)
            .ok_or(Error::TimestampMalformed)?;
        let tst = TstInfo::from_der(content)?;
        report.gen_time = Some(tst.gen_time);
        report.gen_time_nanos = tst.gen_time_nanos;
        report.accuracy = tst.accuracy;
        report.policy = Some(tst.policy);
        report.serial = Some(tst.serial.to_vec());
        report.nonce = tst.nonce.map(<[u8]>::to_vec);
        report.ordering = tst.ordering;
        report.tsa_name = tst.tsa.clone();
        report.hash_algorithm = crate::hash::hash_from_oid(tst.hash_algorithm.oid());

        let signer = &cms.signers[0];
        report.tsa_subject = signer.subject.clone();
        report.validation_time = signer.validation_time;
        if let Err(error) = signer.result {
            let inner = signer.path_error.unwrap_or(error);
            report.token_error = Some(inner);
            return Err(match inner {
                Error::RequiredEkuMissing { .. } => Error::TimestampTsaEku,
                _ => Error::TimestampTokenInvalid,
            });
        }
        report.tsa_path = signer.path.clone();
        let tsa = signer
            .certificate
            .as_ref()
            .ok_or(Error::TimestampTokenInvalid)?;
        check_tsa_eku(tsa)?;
        // The TSA path was validated now; the time it vouches for must also fall within its
        // certificate and not after now.
        let validity = tsa.validity();
        if tst.gen_time < validity.not_before
            || tst.gen_time > validity.not_after
            || tst.gen_time > self.validator.time()
        {
            return Err(Error::TimestampTimeInconsistent);
        }
        check_imprint(&tst, imprint)?;
        if let Some(expected) = self.nonce
            && tst.nonce.map(strip_zeros) != Some(strip_zeros(expected))
        {
            return Err(Error::TimestampNonceMismatch);
        }
        if !self.policies.is_empty() && !self.policies.contains(&tst.policy) {
            return Err(Error::TimestampPolicyNotAccepted);
        }
        Ok(())
    }
}

/// RFC 3161 2.3: the TSA certificate "MUST contain only one instance of the extended key
/// usage field extension with KeyPurposeID having value id-kp-timeStamping. This extension
/// MUST be critical."
fn check_tsa_eku(tsa: &Certificate) -> Result<(), Error> {
    let critical = tsa
        .extension(crate::oid::ext::EXT_KEY_USAGE)
        .is_some_and(|e| e.critical);
    if critical && tsa.extended_key_usage() == Some(TIME_STAMPING) {
        Ok(())
    } else {
        Err(Error::TimestampTsaEku)
    }
}

/// The messageImprint: SHA-256, -384 or -512 (absent or NULL parameters) over the data. A
/// SHA-1 or unknown imprint proves nothing about the data here, so it is a mismatch.
fn check_imprint(tst: &TstInfo<'_>, imprint: Imprint<'_>) -> Result<(), Error> {
    let hash = Some(&tst.hash_algorithm)
        .filter(|id| id.parameters_absent_or_null())
        .and_then(|id| crate::hash::hash_from_oid(id.oid()))
        .filter(|h| *h != HashAlgorithm::Sha1)
        .ok_or(Error::TimestampImprintMismatch)?;
    // A hashedMessage of the wrong length for its algorithm matches no digest of it.
    if tst.hashed_message.len() != hash.output_len() {
        return Err(Error::TimestampImprintMismatch);
    }
    let matches = match imprint {
        Imprint::Data(data) => crate::hash::digest(hash, data).as_bytes() == tst.hashed_message,
        Imprint::Digest(digest) => digest == tst.hashed_message,
    };
    if matches {
        Ok(())
    } else {
        Err(Error::TimestampImprintMismatch)
    }
}

fn strip_zeros(n: &[u8]) -> &[u8] {
    let first = n.iter().position(|b| *b != 0).unwrap_or(n.len());
    &n[first..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hashed_message_of_the_wrong_length_matches_nothing() {
        for len in [0, 31, 33, 64] {
            let hashed = alloc::vec![7u8; len];
            let der = asn1::tests::tst_info(&hashed, None);
            let tst = TstInfo::from_der(&der).unwrap();
            assert_eq!(
                check_imprint(&tst, Imprint::Digest(&hashed)),
                Err(Error::TimestampImprintMismatch),
                "{len}"
            );
        }
        let hashed = [7u8; 32];
        let der = asn1::tests::tst_info(&hashed, None);
        let tst = TstInfo::from_der(&der).unwrap();
        assert_eq!(check_imprint(&tst, Imprint::Digest(&hashed)), Ok(()));
    }
}
