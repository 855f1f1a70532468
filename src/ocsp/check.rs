//! What an OCSP response says about one certificate: CertID matching, responder
//! authorisation, signature, freshness and nonce, shared by the revocation source and the
//! standalone check.

use alloc::boxed::Box;
use alloc::vec::Vec;

use super::{ID_KP_OCSP_SIGNING, ID_PKIX_OCSP_NOCHECK, OcspResponse, OwnedResponderId, Single};
use crate::cert::Certificate;
use crate::hash::{HashAlgorithm, digest};
use crate::name::NameKey;
use crate::revocation::{CertStatus, RevocationSource, StatusQuery};
use crate::signed_data::SignedData;
use crate::tlv::{Cursor, tag};
use crate::verify::{SignatureVerificationAlgorithm, verify_signed_data};
use crate::{Error, UnixTime};

/// How OCSP responses are judged.
#[derive(Clone, Copy, Debug)]
pub struct OcspOptions<'a> {
    tolerance_secs: u32,
    max_age_secs: u32,
    nonce: Option<&'a [u8]>,
}

impl Default for OcspOptions<'_> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'a> OcspOptions<'a> {
    /// Defaults: 5 minutes of clock skew tolerance, 24 hours of maximum age for responses
    /// without nextUpdate, no nonce expected.
    pub const fn new() -> Self {
        Self {
            tolerance_secs: 300,
            max_age_secs: 24 * 3600,
            nonce: None,
        }
    }

    /// Clock skew allowed between the responder and the validation time, in seconds: a
    /// thisUpdate or producedAt up to this far after the validation time is accepted, and
    /// so is a nextUpdate up to this far before it.
    pub const fn tolerance(mut self, secs: u32) -> Self {
        self.tolerance_secs = secs;
        self
    }

    /// For a response without nextUpdate (RFC 6960 2.4: "newer information is always
    /// available"), how long after thisUpdate it is still accepted, in seconds.
    pub const fn max_age(mut self, secs: u32) -> Self {
        self.max_age_secs = secs;
        self
    }

    /// The nonce sent in the request: the response must carry it, compared as given against
    /// both the extnValue contents and, for OpenSSL's form, the contents of the OCTET STRING
    /// inside it.
    pub const fn nonce(mut self, nonce: Option<&'a [u8]>) -> Self {
        self.nonce = nonce;
        self
    }
}

/// Who signed a response.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum OcspResponder {
    /// The certificate's issuer itself.
    Ca,
    /// A delegated responder, with its certificate (from the response's `certs`).
    Delegated {
        /// The responder certificate (boxed: a certificate is large, `Ca` empty).
        certificate: Box<Certificate>,
        /// Whether it carries id-pkix-ocsp-nocheck.
        nocheck: bool,
    },
}

/// What a response, checked with [`OcspResponse::check`], says.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct OcspReport {
    /// The certificate's status (revocations dated after the validation time included, as
    /// the responder stated them).
    pub status: CertStatus,
    /// producedAt.
    pub produced_at: UnixTime,
    /// The matching SingleResponse's thisUpdate.
    pub this_update: UnixTime,
    /// Its nextUpdate.
    pub next_update: Option<UnixTime>,
    /// Who signed the response.
    pub responder: OcspResponder,
}

/// What a check needs of its context: signature verification and the certificate's issuer.
struct Context<'q> {
    issuer_names: [&'q [u8]; 2],
    issuer_key: &'q NameKey,
    issuer_spki: &'q [u8],
    serial: &'q [u8],
    time: UnixTime,
    index: u8,
}

type Verify<'v> = dyn FnMut(&[u8], &SignedData<'_>) -> Result<(), Error> + 'v;

impl OcspResponse {
    /// Checks the response for `cert`, issued by `issuer`, at `time`: a SingleResponse whose
    /// CertID matches ([`Error::OcspCertIdMismatch`] if none), an authorised responder, its
    /// signature, freshness and the nonce. Signatures are checked with `algorithms`.
    pub fn check(
        &self,
        algorithms: &[&'static dyn SignatureVerificationAlgorithm],
        cert: &Certificate,
        issuer: &Certificate,
        time: UnixTime,
        options: &OcspOptions<'_>,
    ) -> Result<OcspReport, Error> {
        let ctx = Context {
            issuer_names: [cert.issuer().as_der(), issuer.subject().as_der()],
            issuer_key: cert.issuer_key(),
            issuer_spki: issuer.spki_der(),
            serial: cert.serial(),
            time,
            index: 0,
        };
        let mut verify = |spki: &[u8], data: &SignedData<'_>| {
            verify_signed_data(
                algorithms,
                spki,
                &data.algorithm,
                data.message,
                data.signature,
            )
            .map(|_| ())
        };
        let single = self
            .matching(&ctx)
            .ok_or(Error::OcspCertIdMismatch { index: 0 })?;
        let responder = self.authenticate(&ctx, &mut verify)?;
        self.judge(&ctx, single, options)?;
        Ok(OcspReport {
            status: single.status,
            produced_at: self.produced_at,
            this_update: single.this_update,
            next_update: single.next_update,
            responder,
        })
    }

    /// The first SingleResponse for the certificate.
    fn matching(&self, ctx: &Context<'_>) -> Option<&Single> {
        let key_bits = subject_public_key(ctx.issuer_spki)?;
        self.responses.iter().find(|s| {
            let Some(hash) = s.hash else {
                return false;
            };
            let der = &self.der;
            der[s.serial.clone()] == *ctx.serial
                && digest(hash, key_bits).as_bytes() == &der[s.key_hash.clone()]
                && ctx
                    .issuer_names
                    .iter()
                    .any(|name| digest(hash, name).as_bytes() == &der[s.name_hash.clone()])
        })
    }

    /// RFC 6960 4.2.2.2 and the signature: who signed, if authorised.
    fn authenticate(
        &self,
        ctx: &Context<'_>,
        verify: &mut Verify<'_>,
    ) -> Result<OcspResponder, Error> {
        let index = ctx.index;
        let signed = self
            .signed_data()
            .ok_or(Error::OcspInvalidSignature { index })?;
        if self.responder_is(ctx.issuer_key, ctx.issuer_spki) {
            verify(ctx.issuer_spki, &signed).map_err(|e| bad_signature(e, index))?;
            return Ok(OcspResponder::Ca);
        }
        // Every included certificate the ResponderID names (several when a responder was
        // re-keyed under the same name), bounded by MAX_RESPONDER_CERTS; the first that is
        // authorised and verifies wins, else the most specific refusal.
        let mut best: Option<Error> = None;
        let named = self
            .certs
            .iter()
            .filter(|c| self.responder_is(c.subject_key(), c.spki_der()));
        for responder in named {
            match delegated(ctx, responder, &signed, verify) {
                Ok(()) => {
                    return Ok(OcspResponder::Delegated {
                        certificate: Box::new(responder.clone()),
                        nocheck: responder.extension(ID_PKIX_OCSP_NOCHECK).is_some(),
                    });
                }
                Err(e) if e.is_fatal() => return Err(e),
                Err(e) => {
                    if best.is_none_or(|b| e.rank() >= b.rank()) {
                        best = Some(e);
                    }
                }
            }
        }
        Err(best.unwrap_or(Error::OcspUnauthorizedResponder { index }))
    }

    /// Whether the ResponderID names this subject (byName) or key (byKey).
    fn responder_is(&self, subject: &NameKey, spki: &[u8]) -> bool {
        match &self.responder_id {
            OwnedResponderId::ByName(range) => {
                NameKey::from_der(&self.der[range.clone()]).is_ok_and(|k| k == *subject)
            }
            OwnedResponderId::ByKey(range) => subject_public_key(spki).is_some_and(|bits| {
                digest(HashAlgorithm::Sha1, bits).as_bytes() == &self.der[range.clone()]
            }),
        }
    }

    /// Freshness (with tolerance) and the nonce.
    fn judge(
        &self,
        ctx: &Context<'_>,
        single: &Single,
        options: &OcspOptions<'_>,
    ) -> Result<(), Error> {
        let index = ctx.index;
        let time = ctx.time.as_unix_seconds();
        let tolerance = i64::from(options.tolerance_secs);
        let future = |t: UnixTime| t.as_unix_seconds() > time.saturating_add(tolerance);
        if future(single.this_update) || future(self.produced_at) {
            return Err(Error::OcspNotYetValid { index });
        }
        let expires = match single.next_update {
            Some(next) => next.as_unix_seconds().saturating_add(tolerance),
            None => single
                .this_update
                .as_unix_seconds()
                .saturating_add(i64::from(options.max_age_secs)),
        };
        if expires < time {
            return Err(Error::OcspStale { index });
        }
        if let Some(wanted) = options.nonce {
            let carried = self.nonce().ok_or(Error::OcspNonceMissing { index })?;
            let inner = crate::tlv::single(carried, tag::OCTET_STRING).ok();
            if carried != wanted && inner != Some(wanted) {
                return Err(Error::OcspNonceMismatch { index });
            }
        }
        Ok(())
    }
}

/// RFC 6960 4.2.2.2 for one delegated responder certificate, then the response's signature.
fn delegated(
    ctx: &Context<'_>,
    responder: &Certificate,
    signed: &SignedData<'_>,
    verify: &mut Verify<'_>,
) -> Result<(), Error> {
    let index = ctx.index;
    // Issued by the certificate's own issuer, directly.
    let unauthorized = Error::OcspUnauthorizedResponder { index };
    if responder.issuer_key() != ctx.issuer_key {
        return Err(unauthorized);
    }
    let cert_signed = responder.signed_data().ok_or(unauthorized)?;
    match verify(ctx.issuer_spki, &cert_signed) {
        Ok(()) => {}
        Err(e) if e.is_fatal() => return Err(e),
        Err(_) => return Err(unauthorized),
    }
    if !responder
        .extended_key_usage()
        .is_some_and(|ekus| ekus.contains(&ID_KP_OCSP_SIGNING))
    {
        return Err(unauthorized);
    }
    let validity = responder.validity();
    if ctx.time < validity.not_before {
        return Err(Error::OcspResponderNotYetValid { index });
    }
    if ctx.time > validity.not_after {
        return Err(Error::OcspResponderExpired { index });
    }
    verify(responder.spki_der(), signed).map_err(|e| bad_signature(e, index))
}

/// A signature that does not verify says whose status was being checked.
fn bad_signature(e: Error, index: u8) -> Error {
    match e {
        Error::BadSignature | Error::MalformedSignature => Error::OcspInvalidSignature { index },
        other => other,
    }
}

/// The subjectPublicKey BIT STRING's contents (what CertID's issuerKeyHash and the byKey
/// ResponderID hash), without the unused-bits octet.
fn subject_public_key(spki: &[u8]) -> Option<&[u8]> {
    let seq = crate::tlv::single(spki, tag::SEQUENCE).ok()?;
    let mut c = Cursor::new(seq).ok()?;
    c.expect(tag::SEQUENCE).ok()?;
    let bits = c.expect(tag::BIT_STRING).ok()?.value;
    match bits.split_first() {
        Some((0, key)) => Some(key),
        _ => None,
    }
}

/// A set of OCSP responses used as a [`RevocationSource`].
///
/// For each response with a SingleResponse for the certificate (CertID by SHA-1 or SHA-256;
/// other hashes are skipped), the responder is authenticated and the response judged at the
/// validation time. A revoked status wins; otherwise good if any usable response says so,
/// else the most specific problem seen, else unknown (no response for the certificate).
/// Revocations dated after the validation time count only for key compromises, as for CRLs.
#[derive(Clone, Copy, Debug)]
pub struct OcspResponses<'a> {
    responses: &'a [OcspResponse],
    options: OcspOptions<'a>,
}

impl<'a> OcspResponses<'a> {
    /// The responses to consult, judged with [`OcspOptions::new`].
    pub fn new(responses: &'a [OcspResponse]) -> Self {
        Self {
            responses,
            options: OcspOptions::new(),
        }
    }

    /// Judges with these options instead.
    pub fn options(mut self, options: OcspOptions<'a>) -> Self {
        self.options = options;
        self
    }
}

/// A list of OCSP responses is a revocation source, as the [`OcspResponses`] over it.
impl RevocationSource for Vec<OcspResponse> {
    fn status(&self, query: &mut StatusQuery<'_>) -> Result<CertStatus, Error> {
        OcspResponses::new(self).status(query)
    }
}

impl RevocationSource for OcspResponses<'_> {
    fn status(&self, query: &mut StatusQuery<'_>) -> Result<CertStatus, Error> {
        let cert = query.certificate();
        let issuer_name = query.issuer_name();
        let ctx = Context {
            issuer_names: [cert.issuer().as_der(), issuer_name.as_der()],
            issuer_key: cert.issuer_key(),
            issuer_spki: query.issuer_spki(),
            serial: cert.serial(),
            time: query.time(),
            index: query.index(),
        };
        let mut verify = |spki: &[u8], data: &SignedData<'_>| query.verify_with_key(spki, data);
        let mut good = false;
        let mut best: Option<Error> = None;
        for response in self.responses {
            let Some(single) = response.matching(&ctx) else {
                continue;
            };
            let judged = response
                .authenticate(&ctx, &mut verify)
                .and_then(|_| response.judge(&ctx, single, &self.options));
            match judged {
                Ok(()) => {}
                Err(e) if e.is_fatal() => return Err(e),
                Err(e) => {
                    if best.is_none_or(|b| e.rank() >= b.rank()) {
                        best = Some(e);
                    }
                    continue;
                }
            }
            match single.status {
                CertStatus::Revoked { reason, date }
                    if date <= ctx.time || reason.is_compromise() =>
                {
                    return Ok(single.status);
                }
                CertStatus::Revoked { .. } | CertStatus::Good => good = true,
                CertStatus::Unknown => {}
            }
        }
        match (good, best) {
            (true, _) => Ok(CertStatus::Good),
            (false, Some(e)) => Err(e),
            (false, None) => Ok(CertStatus::Unknown),
        }
    }
}
