//! OCSP responses (RFC 6960) as revocation evidence.
//!
//! An [`OcspResponse`] keeps its original DER; parsing walks every field once (structure,
//! CertIDs, statuses, times, extensions, responder certificates, all bounded) and keeps a small
//! summary. What a response proves is decided against a question: [`OcspResponses`] answers
//! path validation's [`StatusQuery`](crate::StatusQuery) as a
//! [`RevocationSource`](crate::RevocationSource), and [`OcspResponse::check`] answers the
//! standalone question "what does this response say about this certificate of this issuer at
//! this time" with an [`OcspReport`].
//!
//! Responder authorisation (RFC 6960 4.2.2.2): the response is signed by the certificate's
//! issuer itself, or by a delegated responder whose certificate is included in the response,
//! was issued (signed) by that same issuer, carries id-kp-OCSPSigning and is valid at the
//! validation time. The delegated responder's own revocation status is not checked, whether or
//! not it carries id-pkix-ocsp-nocheck: checking it would need a second source for the
//! responder (a CRL of the issuer), which a caller that wants it can require by adding CRLs;
//! [`OcspResponder::Delegated`] reports whether nocheck was present.

pub(crate) mod asn1;
mod check;

use alloc::boxed::Box;
use alloc::vec::Vec;
use core::ops::Range;

use der::Decode;
use der::asn1::ObjectIdentifier;

use self::asn1::{BasicOcspResponse, CertId, ResponderId, ResponseData, RevokedInfo};
use crate::alg_id::AlgorithmIdentifier;
use crate::cert::Certificate;
use crate::cert::ext::split_extensions;
use crate::hash::{HashAlgorithm, hash_from_oid};
use crate::reason::RevocationReason;
use crate::revocation::CertStatus;
use crate::signed_data::SignedData;
use crate::tlv::range_of;
use crate::{Error, UnixTime};

pub use self::check::{OcspOptions, OcspReport, OcspResponder, OcspResponses};

/// Largest OCSP response accepted, in bytes ([`Error::OcspTooLarge`] beyond it): a response
/// is a few hundred bytes plus its responder certificates.
pub const MAX_OCSP_RESPONSE_LEN: usize = 256 * 1024;

/// Most SingleResponses accepted in one response ([`Error::OcspTooLarge`] beyond it): bounds
/// the CertID matching work per query.
pub const MAX_SINGLE_RESPONSES: usize = 64;

/// Most certificates accepted in a response's `certs` ([`Error::OcspTooLarge`] beyond it):
/// a delegated responder needs one, sometimes with its issuer.
pub const MAX_RESPONDER_CERTS: usize = 8;

/// id-pkix-ocsp-basic.
const ID_PKIX_OCSP_BASIC: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.1");
/// id-pkix-ocsp-nonce.
const ID_PKIX_OCSP_NONCE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.2");
/// id-pkix-ocsp-nocheck (a responder certificate extension).
const ID_PKIX_OCSP_NOCHECK: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.5");
/// id-kp-OCSPSigning.
const ID_KP_OCSP_SIGNING: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.9");
/// id-pkix-ocsp-crl: an informational single extension (where the CRL is).
const ID_PKIX_OCSP_CRL: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.3");
/// id-pkix-ocsp-archive-cutoff.
const ID_PKIX_OCSP_ARCHIVE_CUTOFF: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.6");

/// A parsed OCSP response (`OCSPResponse` with a successful `BasicOCSPResponse`) that owns
/// its original DER.
#[derive(Clone)]
pub struct OcspResponse {
    der: Box<[u8]>,
    tbs: Range<usize>,
    algorithm: ObjectIdentifier,
    algorithm_params: Option<Range<usize>>,
    /// `None` when the signature BIT STRING has unused bits.
    signature: Option<Range<usize>>,
    responder_id: OwnedResponderId,
    produced_at: UnixTime,
    responses: Vec<Single>,
    nonce: Option<Range<usize>>,
    certs: Vec<Certificate>,
}

#[derive(Clone, Debug)]
enum OwnedResponderId {
    /// The name's DER.
    ByName(Range<usize>),
    /// SHA-1 of the responder's subjectPublicKey.
    ByKey(Range<usize>),
}

/// One SingleResponse, its CertID's parts as ranges into the DER.
#[derive(Clone, Debug)]
struct Single {
    /// `None` for a hash other than SHA-1 / SHA-256: never matched.
    hash: Option<HashAlgorithm>,
    name_hash: Range<usize>,
    key_hash: Range<usize>,
    serial: Range<usize>,
    status: CertStatus,
    this_update: UnixTime,
    next_update: Option<UnixTime>,
}

impl OcspResponse {
    /// Parses a DER `OCSPResponse`, copying the input.
    ///
    /// A response whose responseStatus is not successful is [`Error::OcspUnsuccessful`]; one
    /// that is malformed, not a BasicOCSPResponse, or has an unknown critical extension is
    /// [`Error::OcspMalformed`]; one beyond the bounds is [`Error::OcspTooLarge`].
    pub fn from_der(der: &[u8]) -> Result<Self, Error> {
        if der.len() > MAX_OCSP_RESPONSE_LEN {
            return Err(Error::OcspTooLarge);
        }
        Self::from_der_owned(der.to_vec())
    }

    /// As [`OcspResponse::from_der`], taking ownership of the DER instead of copying it.
    pub fn from_der_owned(der: Vec<u8>) -> Result<Self, Error> {
        if der.len() > MAX_OCSP_RESPONSE_LEN {
            return Err(Error::OcspTooLarge);
        }
        let der = der.into_boxed_slice();
        let parsed = parse(&der)?;
        Ok(Self { der, ..parsed })
    }

    /// Parses a DER `BasicOCSPResponse` (without the `OCSPResponse` envelope: the form
    /// CAdES revocationValues and some archives carry), copying the input. [`OcspResponse::der`]
    /// is then the BasicOCSPResponse.
    pub fn from_basic_der(der: &[u8]) -> Result<Self, Error> {
        if der.len() > MAX_OCSP_RESPONSE_LEN {
            return Err(Error::OcspTooLarge);
        }
        let der: Box<[u8]> = der.into();
        let parsed = parse_basic(&der, &der)?;
        Ok(Self { der, ..parsed })
    }

    /// The response's DER, as given.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The DER of `tbsResponseData`, exactly as signed.
    pub fn tbs_der(&self) -> &[u8] {
        &self.der[self.tbs.clone()]
    }

    /// producedAt.
    pub fn produced_at(&self) -> UnixTime {
        self.produced_at
    }

    /// How many SingleResponses the response holds.
    pub fn single_response_count(&self) -> usize {
        self.responses.len()
    }

    /// The nonce extension's extnValue contents, as carried (OpenSSL wraps the nonce in a
    /// further OCTET STRING; see [`OcspOptions::nonce`]).
    pub fn nonce(&self) -> Option<&[u8]> {
        self.nonce.clone().map(|r| &self.der[r])
    }

    /// The certificates included in the response (`certs`).
    pub fn certificates(&self) -> &[Certificate] {
        &self.certs
    }

    /// The signature algorithm.
    pub fn signature_algorithm(&self) -> AlgorithmIdentifier<'_> {
        AlgorithmIdentifier::new(
            self.algorithm,
            self.algorithm_params.clone().map(|r| &self.der[r]),
        )
    }

    pub(crate) fn signed_data(&self) -> Option<SignedData<'_>> {
        Some(SignedData {
            message: self.tbs_der(),
            algorithm: self.signature_algorithm(),
            signature: &self.der[self.signature.clone()?],
        })
    }
}

impl core::fmt::Debug for OcspResponse {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("OcspResponse")
            .field("produced_at", &self.produced_at)
            .field("responses", &self.responses.len())
            .field("certs", &self.certs.len())
            .finish()
    }
}

fn malformed<E>(_: E) -> Error {
    Error::OcspMalformed
}

fn parse(der: &[u8]) -> Result<OcspResponse, Error> {
    let outer = asn1::OcspResponse::from_der(der).map_err(malformed)?;
    match outer.response_status.0 {
        [0] => {}
        [status] if *status < 0x80 => return Err(Error::OcspUnsuccessful { status: *status }),
        _ => return Err(Error::OcspMalformed),
    }
    let bytes = outer.response_bytes.ok_or(Error::OcspMalformed)?;
    if bytes.response_type != ID_PKIX_OCSP_BASIC {
        return Err(Error::OcspMalformed);
    }
    parse_basic(der, bytes.response.as_bytes())
}

/// Parses the BasicOCSPResponse `basic`, a part of `der` (ranges are taken into `der`).
fn parse_basic(der: &[u8], basic: &[u8]) -> Result<OcspResponse, Error> {
    let basic = BasicOcspResponse::from_der(basic).map_err(malformed)?;
    let tbs = basic.tbs_response_data.der;
    let data = ResponseData::from_der(tbs).map_err(malformed)?;
    if data.version.is_some_and(|v| v != 0) {
        return Err(Error::OcspMalformed);
    }
    let responder_id = match data.responder_id {
        ResponderId::ByName(name) => {
            crate::name::Name::from_der(name).map_err(malformed)?;
            OwnedResponderId::ByName(range_of(der, name))
        }
        ResponderId::ByKey(hash) if hash.len() == 20 => {
            OwnedResponderId::ByKey(range_of(der, hash))
        }
        ResponderId::ByKey(_) => return Err(Error::OcspMalformed),
    };
    let produced_at = data.produced_at.time().ok_or(Error::OcspMalformed)?;

    let count = data.responses.bounded_count(
        MAX_SINGLE_RESPONSES,
        Error::OcspTooLarge,
        Error::OcspMalformed,
    )?;
    let mut responses = Vec::with_capacity(count);
    for element in data.responses.elements() {
        responses.push(single(der, element)?);
    }

    let mut nonce = None;
    if let Some(exts) = data.response_extensions {
        for (oid, critical, value) in split_extensions(exts.0).map_err(malformed)? {
            match oid {
                ID_PKIX_OCSP_NONCE => nonce = Some(range_of(der, value)),
                _ if critical => return Err(Error::OcspMalformed),
                _ => {}
            }
        }
    }

    let mut certs = Vec::new();
    if let Some(seq) = basic.certs {
        seq.bounded_count(
            MAX_RESPONDER_CERTS,
            Error::OcspTooLarge,
            Error::OcspMalformed,
        )?;
        for element in seq.elements() {
            certs.push(Certificate::from_der(element).map_err(malformed)?);
        }
    }

    let signature = basic.signature.as_bytes().map(|bits| range_of(der, bits));
    Ok(OcspResponse {
        der: Box::default(),
        tbs: range_of(der, tbs),
        algorithm: basic.signature_algorithm.oid(),
        algorithm_params: basic
            .signature_algorithm
            .parameters()
            .map(|p| range_of(der, p)),
        signature,
        responder_id,
        produced_at,
        responses,
        nonce,
        certs,
    })
}

/// A bounded SEQUENCE OF that did not count: too long if it is well formed past the bound.
fn single(der: &[u8], element: &[u8]) -> Result<Single, Error> {
    let s = asn1::SingleResponse::from_der(element).map_err(malformed)?;
    let CertId {
        hash_algorithm,
        issuer_name_hash,
        issuer_key_hash,
        serial_number,
    } = s.cert_id;
    let hash = hash_from_oid(hash_algorithm.oid())
        .filter(|h| matches!(h, HashAlgorithm::Sha1 | HashAlgorithm::Sha256));
    if serial_number.0.is_empty() || crate::cert::is_non_minimal_integer(serial_number.0) {
        return Err(Error::OcspMalformed);
    }
    let status = match s.cert_status {
        asn1::CertStatus::Good => CertStatus::Good,
        asn1::CertStatus::Unknown => CertStatus::Unknown,
        asn1::CertStatus::Revoked(contents) => {
            let info = RevokedInfo::from_contents(contents).map_err(malformed)?;
            let reason = match info.revocation_reason {
                None => RevocationReason::Unspecified,
                Some(asn1::RawEnum([code])) => {
                    RevocationReason::from_code(*code).ok_or(Error::OcspMalformed)?
                }
                Some(_) => return Err(Error::OcspMalformed),
            };
            let date = info.revocation_time.time().ok_or(Error::OcspMalformed)?;
            CertStatus::Revoked { reason, date }
        }
    };
    if let Some(exts) = s.single_extensions {
        for (oid, critical, _) in split_extensions(exts.0).map_err(malformed)? {
            let known = matches!(oid, ID_PKIX_OCSP_CRL | ID_PKIX_OCSP_ARCHIVE_CUTOFF);
            if critical && !known {
                return Err(Error::OcspMalformed);
            }
        }
    }
    Ok(Single {
        hash,
        name_hash: range_of(der, issuer_name_hash.as_bytes()),
        key_hash: range_of(der, issuer_key_hash.as_bytes()),
        serial: range_of(der, serial_number.0),
        status,
        this_update: s.this_update.time().ok_or(Error::OcspMalformed)?,
        next_update: match s.next_update {
            Some(t) => Some(t.time().ok_or(Error::OcspMalformed)?),
            None => None,
        },
    })
}
