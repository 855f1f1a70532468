//! Verifying a SignedData: content, each SignerInfo, the signer requirement.

use alloc::format;
use alloc::string::ToString;
use alloc::vec::Vec;

use super::algorithm::{self, SignerAlgorithms};
use super::attrs;
use super::content::{ContentBytes, HashedContent, Source, hash_content};
use super::parse::{self, RawSignerId, SignedDataParts, SignerInfoParts};
use super::{
    AlgorithmFamily, CmsReport, CmsVerifier, Content, SignerId, SignerReport, SignerRequirement,
    TimeBasis, oids, time,
};
use crate::cert::KeyUsage;
use crate::{
    Certificate, Crl, CrlSet, Error, FirstOfSources, HashAlgorithm, JudgedSignature, Name,
    OcspResponse, OcspResponses, RevocationSource, SignatureVerificationAlgorithm, UnixTime,
    ValidatedPath, Verdict,
};

/// The revocation evidence a SignedData carries: CRLs and OCSP responses from its
/// RevocationInfoChoices (those that parse; the others are ignored, like unusable
/// embedded certificates).
#[derive(Clone, Copy, Default)]
pub(crate) struct EmbeddedEvidence<'a> {
    pub(crate) crls: &'a [Crl],
    pub(crate) ocsp: &'a [OcspResponse],
}

/// The seam between signature verification and certificate path validation: validates a
/// signer's certificate at `time`, with the SignedData's embedded certificates as extra
/// intermediates and its embedded CRLs and OCSP responses as extra revocation information.
pub(crate) trait SignerPathValidator {
    fn validate(
        &self,
        signer: &Certificate,
        embedded: &[Certificate],
        evidence: EmbeddedEvidence<'_>,
        time: UnixTime,
    ) -> Result<ValidatedPath, Error>;
}

/// The path validator configured by a [`CmsVerifier`]: its own, at the signer's time, with
/// the embedded CRLs and OCSP responses asked before its revocation source.
pub(crate) struct PathSeam<'v, 'a>(pub(crate) &'v CmsVerifier<'a>);

impl SignerPathValidator for PathSeam<'_, '_> {
    fn validate(
        &self,
        signer: &Certificate,
        embedded: &[Certificate],
        evidence: EmbeddedEvidence<'_>,
        time: UnixTime,
    ) -> Result<ValidatedPath, Error> {
        let v = self.0;
        let mut intermediates: Vec<Certificate> = v.certificates.to_vec();
        intermediates.extend(embedded.iter().cloned());
        let validator = v.validator.at(time);
        match validator.revocation_source() {
            Some((mode, source)) if !(evidence.crls.is_empty() && evidence.ocsp.is_empty()) => {
                let crls = CrlSet::new(evidence.crls);
                let ocsp = OcspResponses::new(evidence.ocsp);
                let sources: [&dyn RevocationSource; 3] = [&crls, &ocsp, source];
                let chained = FirstOfSources::new(&sources);
                validator
                    .revocation(mode, &chained)
                    .validate(signer, &intermediates, v.anchors)
            }
            _ => validator.validate(signer, &intermediates, v.anchors),
        }
    }
}

/// Everything a SignerInfo is checked against.
struct Context<'d, 'v> {
    verifier: &'v CmsVerifier<'v>,
    parts: &'d SignedDataParts<'d>,
    supplied: &'v [Certificate],
    embedded: &'d [Certificate],
    evidence: EmbeddedEvidence<'d>,
    paths: &'v dyn SignerPathValidator,
}

pub(crate) fn verify(
    verifier: &CmsVerifier<'_>,
    paths: &dyn SignerPathValidator,
    signed_data: &[u8],
    content: Content<'_>,
) -> CmsReport {
    let parts = match parse::parse(signed_data) {
        Ok(parts) => parts,
        Err(e) => return CmsReport::failed(e),
    };
    let mut report = CmsReport::failed(Error::CmsMalformed);
    report.content_type = Some(parts.econtent_type);
    report.detached = Some(parts.econtent.is_none());
    report.content = parts.econtent.map(|c| offset_range(signed_data, c));
    report.result = verify_parts(verifier, paths, &parts, content, &mut report.signers);
    report
}

fn verify_parts(
    verifier: &CmsVerifier<'_>,
    paths: &dyn SignerPathValidator,
    parts: &SignedDataParts<'_>,
    content: Content<'_>,
    reports: &mut Vec<SignerReport>,
) -> Result<(), Error> {
    if parts.signers.is_empty() {
        return Err(Error::CmsNoSigners);
    }
    let source = match (parts.econtent, content) {
        (Some(attached), Content::Attached) => Source::Bytes(attached),
        (Some(_), _) => return Err(Error::CmsUnexpectedContent),
        (None, Content::Attached) => return Err(Error::CmsDetachedContentMissing),
        (None, Content::Bytes(bytes)) => Source::Bytes(bytes),
        #[cfg(feature = "std")]
        (None, Content::Reader(reader)) => Source::Reader(reader),
    };

    // Algorithms first, so that the content is hashed once for exactly the digests needed.
    let algorithms: Vec<Result<SignerAlgorithms<'_>, Error>> = parts
        .signers
        .iter()
        .map(|s| resolve_algorithms(verifier, s))
        .collect();
    let mut needed: Vec<HashAlgorithm> = Vec::new();
    let mut keep = false;
    for (signer, algs) in parts.signers.iter().zip(&algorithms) {
        if let Ok(algs) = algs {
            if signer.signed_attrs.is_some() {
                if !needed.contains(&algs.digest) {
                    needed.push(algs.digest);
                }
            } else {
                keep = true;
            }
        }
    }
    let hashed = hash_content(source, &needed, keep)?;

    let embedded: Vec<Certificate> = parts
        .certificates
        .iter()
        .filter_map(|der| Certificate::from_der(der).ok())
        .collect();
    // Evidence from any signer's revocationValues joins the document's: it is authenticated
    // by its CA's or responder's signature, not by where it is carried.
    let cades = parts.signers.iter().map(|s| &s.revocation_values);
    let embedded_crls: Vec<Crl> = parts
        .crls
        .iter()
        .chain(cades.clone().flat_map(|v| &v.crls))
        .filter_map(|der| Crl::from_der(der).ok())
        .collect();
    let embedded_ocsp: Vec<OcspResponse> = parts
        .ocsp
        .iter()
        .filter_map(|der| OcspResponse::from_der(der).ok())
        .chain(
            cades
                .flat_map(|v| &v.basic_ocsp)
                .filter_map(|der| OcspResponse::from_basic_der(der).ok()),
        )
        .collect();
    let ctx = Context {
        verifier,
        parts,
        supplied: verifier.certificates,
        embedded: &embedded,
        evidence: EmbeddedEvidence {
            crls: &embedded_crls,
            ocsp: &embedded_ocsp,
        },
        paths,
    };
    for (index, (signer, algs)) in parts.signers.iter().zip(algorithms).enumerate() {
        reports.push(verify_signer(&ctx, index, signer, algs, &hashed));
    }
    requirement_met(verifier.requirement, reports)
}

fn resolve_algorithms<'a>(
    verifier: &CmsVerifier<'_>,
    signer: &SignerInfoParts<'a>,
) -> Result<SignerAlgorithms<'a>, Error> {
    let digest = algorithm::digest_algorithm(&signer.digest_algorithm, verifier.allow_sha1)?;
    algorithm::resolve(
        verifier.validator.algorithms(),
        digest,
        &signer.signature_algorithm,
    )
}

fn verify_signer(
    ctx: &Context<'_, '_>,
    index: usize,
    signer: &SignerInfoParts<'_>,
    algorithms: Result<SignerAlgorithms<'_>, Error>,
    content: &HashedContent<'_>,
) -> SignerReport {
    let mut report = SignerReport::new(index);
    report.signer_id = Some(signer_id(signer));
    report.digest_algorithm = crate::hash::hash_from_oid(signer.digest_algorithm.oid());
    report.family = algorithm::family_of_label(&signer.signature_algorithm);
    // Read once: the claimed signing time is reported even when the signer fails before
    // its attributes are checked (for example with a refused digest algorithm).
    let signed_attrs = signer
        .signed_attrs
        .as_ref()
        .map(|signed| (signed.der, attrs::interpret(&signed.attributes)));
    if let Some((_, Ok(attributes))) = &signed_attrs {
        report.signing_time = attributes.signing_time;
    }
    report.timestamp = ctx
        .verifier
        .timestamps
        .as_ref()
        .and_then(|timestamps| time::verify_token(timestamps, signer));
    report.result = check_signer(
        ctx,
        index,
        signer,
        signed_attrs,
        algorithms,
        content,
        &mut report,
    );
    report
}

fn check_signer<'a>(
    ctx: &Context<'_, '_>,
    index: usize,
    signer: &SignerInfoParts<'a>,
    signed_attrs: Option<(&'a [u8], Result<attrs::SignedAttributes, Error>)>,
    algorithms: Result<SignerAlgorithms<'_>, Error>,
    content: &HashedContent<'_>,
    report: &mut SignerReport,
) -> Result<(), Error> {
    let algs = algorithms?;
    report.family = Some(algs.family);

    // What the signature covers (5.4).
    let signed_attrs = match signed_attrs {
        Some((der, attributes)) => Some((der, attributes?)),
        None => None,
    };
    let attrs_der;
    let message: &[u8] = match &signed_attrs {
        Some((raw, attributes)) => {
            if attributes.content_type != ctx.parts.econtent_type {
                return Err(Error::CmsContentTypeMismatch);
            }
            let digest = content
                .digests
                .get(algs.digest)
                .ok_or(Error::CmsMessageDigestMismatch)?;
            if attributes.message_digest.as_slice() != digest {
                return Err(Error::CmsMessageDigestMismatch);
            }
            attrs_der = attrs::to_be_signed(raw);
            &attrs_der
        }
        None => {
            // 5.3: signed attributes MUST be present unless the content type is id-data.
            if ctx.parts.econtent_type != oids::DATA {
                return Err(Error::CmsMissingAttribute);
            }
            content
                .bytes
                .as_ref()
                .map(ContentBytes::as_slice)
                .ok_or(Error::CmsDetachedContentMissing)?
        }
    };

    // The signer's certificate: every candidate whose key verifies the signature is tried
    // through path validation; the most advanced failure is kept.
    let chosen = time::signer_time(ctx.verifier.time, report);
    let candidates = candidates(&signer.sid, ctx.supplied, ctx.embedded);
    let mut best: Option<Failure<'_>> = None;
    for cert in candidates {
        match try_candidate(ctx, index, signer, &algs, message, cert, chosen) {
            Ok(success) => {
                report.certificate = Some(cert.clone());
                report.subject = Some(cert.subject().to_string());
                report.public_key = success.algorithm.key_info(cert.spki_der()).ok();
                report.algorithm = Some(success.algorithm);
                report.validation_time = Some(success.time);
                report.time_basis = Some(success.basis);
                report.path_error = None;
                let judged = ctx.verifier.judge.map(|judge| {
                    let label = format!("signer {index}");
                    judge.judge_signature(&JudgedSignature {
                        label: &label,
                        algorithm: success.algorithm,
                        key: report.public_key.unwrap_or(crate::PublicKeyInfo::Other {
                            family: success.algorithm.family(),
                        }),
                        // A claimed time only because the caller opted in; a proven one always.
                        created_at: match success.basis {
                            TimeBasis::Given => None,
                            TimeBasis::Claimed | TimeBasis::Proven => Some(success.time),
                        },
                        verified_at: ctx.verifier.validator.time(),
                        path: &success.path,
                    })
                });
                let rejected = judged
                    .as_ref()
                    .is_some_and(|j| j.verdict == Verdict::Reject);
                report.policy = judged;
                report.path = Some(success.path);
                return if rejected {
                    Err(Error::CmsAlgorithmRejected)
                } else {
                    Ok(())
                };
            }
            Err(failure) => {
                if best
                    .as_ref()
                    .is_none_or(|b| failure.error.rank() > b.error.rank())
                {
                    best = Some(Failure { cert, ..failure });
                }
            }
        }
    }
    let Some(failure) = best else {
        return Err(Error::CmsSignerCertificateMissing);
    };
    if let Some(algorithm) = failure.algorithm {
        // The signature verified under this certificate's key: report it.
        report.certificate = Some(failure.cert.clone());
        report.subject = Some(failure.cert.subject().to_string());
        report.public_key = algorithm.key_info(failure.cert.spki_der()).ok();
        report.algorithm = Some(algorithm);
    }
    report.validation_time = failure.time;
    report.time_basis = failure.time.and(chosen.ok()).map(|(_, basis)| basis);
    report.path_error = failure.path_error;
    Err(failure.error)
}

struct Success {
    algorithm: &'static dyn SignatureVerificationAlgorithm,
    time: UnixTime,
    basis: TimeBasis,
    path: ValidatedPath,
}

struct Failure<'c> {
    cert: &'c Certificate,
    error: Error,
    /// Set once the signature verified.
    algorithm: Option<&'static dyn SignatureVerificationAlgorithm>,
    time: Option<UnixTime>,
    path_error: Option<Error>,
}

fn try_candidate<'c>(
    ctx: &Context<'_, '_>,
    index: usize,
    signer: &SignerInfoParts<'_>,
    algs: &SignerAlgorithms<'_>,
    message: &[u8],
    cert: &'c Certificate,
    chosen: Result<(UnixTime, TimeBasis), Error>,
) -> Result<Success, Failure<'c>> {
    let fail = |error| Failure {
        cert,
        error,
        algorithm: None,
        time: None,
        path_error: None,
    };
    let verified = crate::verify_signed_data(
        ctx.verifier.validator.algorithms(),
        cert.spki_der(),
        &algs.signature,
        message,
        signer.signature,
    )
    .map_err(fail)?;
    let fail = |error, time| Failure {
        cert,
        error,
        algorithm: Some(verified),
        time,
        path_error: None,
    };
    // A certificate whose keyUsage allows neither digitalSignature nor nonRepudiation does
    // not certify a key for signing documents (RFC 5280 4.2.1.3).
    if let Some(usage) = cert.key_usage()
        && usage.0 & (KeyUsage::DIGITAL_SIGNATURE | KeyUsage::NON_REPUDIATION) == 0
    {
        return Err(fail(Error::CmsSignerKeyUsage, None));
    }
    let (time, basis) = chosen.map_err(|e| fail(e, None))?;
    let path = ctx
        .paths
        .validate(cert, ctx.embedded, ctx.evidence, time)
        .map_err(|path_error| Failure {
            path_error: Some(path_error),
            ..fail(
                Error::CmsSignerPath {
                    signer: u8::try_from(index).unwrap_or(u8::MAX),
                },
                Some(time),
            )
        })?;
    Ok(Success {
        algorithm: verified,
        time,
        basis,
        path,
    })
}

/// Certificates matching `sid`, caller-supplied first, each distinct DER once.
fn candidates<'c>(
    sid: &RawSignerId<'_>,
    supplied: &'c [Certificate],
    embedded: &'c [Certificate],
) -> Vec<&'c Certificate> {
    let mut out: Vec<&Certificate> = Vec::new();
    for cert in supplied.iter().chain(embedded) {
        if matches_sid(cert, sid) && !out.iter().any(|c| c.der() == cert.der()) {
            out.push(cert);
        }
    }
    out
}

/// RFC 5652 5.3: issuer name and serial number, or the subjectKeyIdentifier extension.
///
/// The issuer name is compared byte for byte with the certificate's: signers copy it from
/// the certificate, and an exact match keeps every byte of the identifier significant (an
/// RFC 5280 7.1 comparison would let a case-changed or re-typed name select the same
/// certificate, which is harmless but makes the identifier malleable).
fn matches_sid(cert: &Certificate, sid: &RawSignerId<'_>) -> bool {
    match *sid {
        RawSignerId::IssuerAndSerial { issuer, serial } => {
            cert.serial() == serial && cert.issuer().as_der() == issuer
        }
        RawSignerId::KeyId(key_id) => cert.subject_key_id() == Some(key_id),
    }
}

fn signer_id(signer: &SignerInfoParts<'_>) -> SignerId {
    match signer.sid {
        RawSignerId::IssuerAndSerial { issuer, serial } => SignerId::IssuerAndSerialNumber {
            issuer: Name::from_der(issuer)
                .map(|n| n.to_string())
                .unwrap_or_default(),
            serial: serial.to_vec(),
        },
        RawSignerId::KeyId(key_id) => SignerId::SubjectKeyIdentifier(key_id.to_vec()),
    }
}

/// Applies the caller's requirement to the per-signer results.
fn requirement_met(
    requirement: SignerRequirement<'_>,
    reports: &[SignerReport],
) -> Result<(), Error> {
    let verified = |family: Option<AlgorithmFamily>| {
        reports
            .iter()
            .any(|r| r.result.is_ok() && (family.is_none() || r.family == family))
    };
    match requirement {
        SignerRequirement::All => match reports.iter().find_map(|r| r.result.err()) {
            Some(error) => Err(error),
            None => Ok(()),
        },
        SignerRequirement::Any | SignerRequirement::Families(&[]) => {
            if verified(None) {
                return Ok(());
            }
            let mut worst: Option<Error> = None;
            for error in reports.iter().filter_map(|r| r.result.err()) {
                if worst.is_none_or(|w| error.rank() > w.rank()) {
                    worst = Some(error);
                }
            }
            Err(worst.unwrap_or(Error::CmsNoSigners))
        }
        SignerRequirement::Families(families) => {
            if families.iter().all(|f| verified(Some(*f))) {
                Ok(())
            } else {
                Err(Error::CmsSignerRequirementNotMet)
            }
        }
    }
}

/// The position of `part` (a subslice of `whole`) within `whole`.
fn offset_range(whole: &[u8], part: &[u8]) -> core::ops::Range<usize> {
    let start = (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize);
    start..start + part.len()
}

#[cfg(test)]
mod tests {
    //! The seam: signature verification tested apart from path validation.

    use super::*;
    use crate::rustcrypto::BACKEND;

    struct Stub(Result<(), Error>);

    impl SignerPathValidator for Stub {
        fn validate(
            &self,
            signer: &Certificate,
            _: &[Certificate],
            _: EmbeddedEvidence<'_>,
            time: UnixTime,
        ) -> Result<ValidatedPath, Error> {
            self.0
                .map(|()| ValidatedPath::without_entries(signer, time))
        }
    }

    const TWO: &[u8] = include_bytes!("../../vectors/cms/signed/two-signers-ec-corrupted.der");

    #[test]
    fn signatures_are_checked_before_the_path_seam() {
        let validator =
            crate::PathValidator::with_backend(&BACKEND, UnixTime::from_unix_seconds(0));
        let verifier = CmsVerifier::new(validator, &[]);
        let report = verify(&verifier, &Stub(Ok(())), TWO, Content::Attached);
        let results: Vec<_> = report
            .signers
            .iter()
            .map(|s| (s.family, s.result))
            .collect();
        assert!(results.contains(&(Some(AlgorithmFamily::Rsa), Ok(()))));
        assert!(results.contains(&(Some(AlgorithmFamily::Ecdsa), Err(Error::BadSignature))));

        let report = verify(
            &verifier,
            &Stub(Err(Error::UnknownIssuer)),
            TWO,
            Content::Attached,
        );
        let rsa = report
            .signers
            .iter()
            .find(|s| s.family == Some(AlgorithmFamily::Rsa))
            .unwrap();
        assert!(matches!(rsa.result, Err(Error::CmsSignerPath { .. })));
        assert_eq!(rsa.path_error, Some(Error::UnknownIssuer));
        assert_eq!(rsa.algorithm.map(|a| a.name()), Some("rsa-pkcs1-sha384"));
    }
}
