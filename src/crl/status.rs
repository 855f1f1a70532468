//! CRL processing (RFC 5280 6.3): the certificate's status from a set of CRLs.
//!
//! For each of the certificate's distribution points (or the implied one: "CRLs issued by
//! the certificate's issuer"), complete CRLs in scope are applied until CRLs covering every
//! reason have been consulted or the certificate is found revoked. A complete CRL may be
//! brought up to date by a delta CRL with the same issuer and scope.

use alloc::vec::Vec;

use super::Crl;
use crate::cert::ext::directory_names;
use crate::cert::{Certificate, DistributionPoint, DistributionPointName, KeyUsage, ReasonFlags};
use crate::name::{DistinguishedName, GeneralName, NameKey};
use crate::reason::RevocationReason;
use crate::revocation::{CertStatus, RevocationMode, RevocationSource, StatusQuery};
use crate::{Error, UnixTime};

/// Reason bits 0 (unused) to 8: the mask meaning "no restriction".
const EVERY_BIT: u16 = 0x1ff;

/// A set of CRLs used as a [`RevocationSource`].
#[derive(Clone, Copy, Debug)]
pub struct CrlSet<'a> {
    crls: &'a [Crl],
}

impl<'a> CrlSet<'a> {
    /// The CRLs to consult: complete and delta CRLs, for any issuers, in any order.
    pub fn new(crls: &'a [Crl]) -> Self {
        Self { crls }
    }
}

/// A list of CRLs is a revocation source, as the [`CrlSet`] over it.
impl RevocationSource for Vec<Crl> {
    fn status(&self, query: &mut StatusQuery<'_>) -> Result<CertStatus, Error> {
        CrlSet::new(self).status(query)
    }
}

/// 6.3.2 state: reasons_mask and cert_status, plus the most specific problem seen.
#[derive(Default)]
struct State {
    reasons: u16,
    revoked: Option<(RevocationReason, UnixTime)>,
    best: Option<Error>,
}

impl State {
    fn done(&self) -> bool {
        self.revoked.is_some() || self.reasons & ReasonFlags::ALL.0 == ReasonFlags::ALL.0
    }

    fn note(&mut self, error: Error) {
        if self.best.is_none_or(|b| error.rank() >= b.rank()) {
            self.best = Some(error);
        }
    }
}

impl RevocationSource for CrlSet<'_> {
    fn status(&self, query: &mut StatusQuery<'_>) -> Result<CertStatus, Error> {
        let cert = query.certificate();
        let implied = [DistributionPoint {
            name: None,
            reasons: None,
            crl_issuer: None,
        }];
        let points = cert.crl_distribution_points().unwrap_or(&implied);
        let mut state = State::default();
        for dp in points {
            if state.done() {
                break;
            }
            self.process_point(query, dp, &mut state)?;
        }
        if let Some((reason, date)) = state.revoked {
            return Ok(CertStatus::Revoked { reason, date });
        }
        if state.done() {
            return Ok(CertStatus::Good);
        }
        match state.best {
            Some(e) => Err(e),
            None => Ok(CertStatus::Unknown),
        }
    }
}

impl CrlSet<'_> {
    /// Applies the complete CRLs of one distribution point, newest first. `Err` only for
    /// errors that end validation; other problems are noted in `state`.
    fn process_point(
        &self,
        query: &mut StatusQuery<'_>,
        dp: &DistributionPoint,
        state: &mut State,
    ) -> Result<(), Error> {
        let cert = query.certificate();
        let mut candidates: Vec<&Crl> = self
            .crls
            .iter()
            .filter(|crl| !crl.is_delta() && issued_for(crl, dp, cert))
            .collect();
        candidates.sort_by(|a, b| {
            b.this_update
                .cmp(&a.this_update)
                .then_with(|| compare_numbers(b.crl_number(), a.crl_number()))
        });
        for crl in candidates {
            if state.done() {
                break;
            }
            match self.apply(query, dp, crl, state) {
                Ok(()) => {}
                Err(e) if e.is_fatal() => return Err(e),
                Err(e) => state.note(e),
            }
        }
        Ok(())
    }

    /// 6.3.3 (b) to (l) for one complete CRL.
    fn apply(
        &self,
        query: &mut StatusQuery<'_>,
        dp: &DistributionPoint,
        crl: &Crl,
        state: &mut State,
    ) -> Result<(), Error> {
        let cert = query.certificate();
        let index = query.index();
        if !in_scope(crl, dp, cert)? {
            return Ok(());
        }
        check_extensions(crl, index)?;

        // (d), (e): the reasons this CRL can speak for, and whether that adds anything.
        let idp_reasons = crl
            .issuing_distribution_point()
            .and_then(|idp| idp.only_some_reasons)
            .map_or(EVERY_BIT, |r| r.0);
        let interim = idp_reasons & dp.reasons.map_or(EVERY_BIT, |r| r.0);
        if interim & ReasonFlags::ALL.0 & !state.reasons == 0 {
            return Ok(());
        }

        let time = query.time();
        let require_current = query.mode() == RevocationMode::RequireCurrent;
        let complete_current = crl.next_update.is_some_and(|next| time <= next);
        let deltas = self.deltas_for(crl, time, require_current);
        if require_current && !complete_current && deltas.is_empty() {
            return Err(Error::CrlNotCurrent { index });
        }

        // (f), (g): the CRL signer, on a path to the same anchor, with cRLSign.
        let signed = crl
            .signed_data()
            .ok_or(Error::InvalidCrlSignature { index })?;
        let spki = query.verify_signed_by_key(
            crl.issuer_key(),
            crl.authority_key_id(),
            KeyUsage::CRL_SIGN,
            &signed,
        )?;

        // (c), (h): the newest delta that the same key signed.
        let mut delta = None;
        for candidate in deltas {
            check_extensions(candidate, index)?;
            let Some(signed) = candidate.signed_data() else {
                state.note(Error::InvalidCrlSignature { index });
                continue;
            };
            match query.verify_with_key(&spki, &signed) {
                Ok(()) => {
                    delta = Some(candidate);
                    break;
                }
                Err(e) if e.is_fatal() => return Err(e),
                Err(Error::BadSignature) => state.note(Error::InvalidCrlSignature { index }),
                Err(e) => state.note(e),
            }
        }
        if require_current && !complete_current && delta.is_none() {
            return Err(Error::CrlNotCurrent { index });
        }

        // (i), (j), (k): the delta's verdict first (it may release a hold), then the base.
        let issuer = cert.issuer_key();
        let serial = cert.serial();
        let mut status = delta.and_then(|d| applicable(d, issuer, serial, time));
        if status.is_none() {
            status = applicable(crl, issuer, serial, time);
        }
        if let Some((reason, date)) = status
            && reason != RevocationReason::RemoveFromCrl
        {
            state.revoked = Some((reason, date));
        }
        // (l)
        state.reasons |= interim;
        Ok(())
    }

    /// Delta CRLs that can update `base`, best first: same issuer and scope, based on a
    /// CRL no newer than `base`, newer than `base` themselves, and current if required.
    fn deltas_for(&self, base: &Crl, time: UnixTime, require_current: bool) -> Vec<&Crl> {
        let Some(number) = base.crl_number() else {
            return Vec::new();
        };
        let mut deltas: Vec<&Crl> = self
            .crls
            .iter()
            .filter(|d| {
                d.base_crl_number()
                    .is_some_and(|b| compare_numbers(Some(b), Some(number)).is_le())
                    && compare_numbers(d.crl_number(), Some(number)).is_gt()
                    && d.issuer_key() == base.issuer_key()
                    && d.idp_der() == base.idp_der()
                    && (!require_current || d.next_update.is_some_and(|next| time <= next))
            })
            .collect();
        deltas.sort_by(|a, b| compare_numbers(b.crl_number(), a.crl_number()));
        deltas
    }
}

/// 6.3.3 (b)(1): who must have issued the CRL. With a cRLIssuer, that authority's indirect
/// CRL; otherwise the certificate's issuer.
fn issued_for(crl: &Crl, dp: &DistributionPoint, cert: &Certificate) -> bool {
    match &dp.crl_issuer {
        Some(names) => {
            crl.issuing_distribution_point()
                .is_some_and(|idp| idp.indirect_crl)
                && directory_names(names).any(|dn| dn.key() == crl.issuer_key())
        }
        None => crl.issuer_key() == cert.issuer_key(),
    }
}

/// 6.3.3 (b)(2): whether the CRL's issuing distribution point covers the certificate.
fn in_scope(crl: &Crl, dp: &DistributionPoint, cert: &Certificate) -> Result<bool, Error> {
    let Some(idp) = crl.issuing_distribution_point() else {
        return Ok(true);
    };
    if let Some(idp_name) = &idp.name {
        let idp_names = full_names(idp_name, crl.issuer_key())?;
        let matched = match (&dp.name, &dp.crl_issuer) {
            (Some(dp_name), crl_issuer) => {
                // A relative name is relative to the cRLIssuer if given, else to the
                // certificate's issuer.
                let base = crl_issuer
                    .as_deref()
                    .and_then(|names| directory_names(names).next())
                    .map_or(cert.issuer_key(), DistinguishedName::key);
                let dp_names = full_names(dp_name, base)?;
                any_same(&idp_names, &dp_names)
            }
            (None, Some(crl_issuer)) => any_same(&idp_names, crl_issuer),
            // No distribution point in the certificate: the CRL must be the issuer's own,
            // which a partitioned CRL naming some other point is not.
            (None, None) => idp_names.iter().any(|n| match n {
                GeneralName::DirectoryName(dn) => dn.key() == cert.issuer_key(),
                _ => false,
            }),
        };
        if !matched {
            return Ok(false);
        }
    }
    let is_ca = cert.is_ca();
    Ok(!(idp.only_contains_user_certs && is_ca
        || idp.only_contains_ca_certs && !is_ca
        || idp.only_contains_attribute_certs))
}

/// The names a distribution point name stands for, relative names made absolute (compared
/// by normalized form only, so the rebuilt name keeps no DER).
fn full_names(name: &DistributionPointName, base: &NameKey) -> Result<Vec<GeneralName>, Error> {
    Ok(match name {
        DistributionPointName::FullName(names) => names.clone(),
        DistributionPointName::RelativeToIssuer(rdn) => {
            alloc::vec![GeneralName::DirectoryName(DistinguishedName::from_parts(
                &[],
                base.with_rdn(rdn)?
            ))]
        }
    })
}

fn any_same(a: &[GeneralName], b: &[GeneralName]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.same_as(y)))
}

/// A CRL whose critical extensions (or entries' critical extensions) are not all understood
/// must not be used (RFC 5280 5.2, 5.3).
fn check_extensions(crl: &Crl, index: u8) -> Result<(), Error> {
    if crl.unsupported_critical_extension().is_some() {
        return Err(Error::UnsupportedCrlCriticalExtension { index });
    }
    if crl.has_unsupported_critical_entry_extension() {
        return Err(Error::UnsupportedCrlEntryCriticalExtension { index });
    }
    Ok(())
}

/// The certificate's entry if it applies at `time`: revocations dated after the validation
/// time do not, except key compromises, whose key may have been abused earlier.
fn applicable(
    crl: &Crl,
    issuer: &NameKey,
    serial: &[u8],
    time: UnixTime,
) -> Option<(RevocationReason, UnixTime)> {
    let entry = crl.find(issuer, serial)?;
    let reason = entry.reason.unwrap_or(RevocationReason::Unspecified);
    (entry.revocation_date <= time || reason.is_compromise())
        .then_some((reason, entry.revocation_date))
}

/// Orders unsigned big-endian numbers (without leading zeros); absent sorts first.
fn compare_numbers(a: Option<&[u8]>, b: Option<&[u8]>) -> core::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.len().cmp(&b.len()).then_with(|| a.cmp(b)),
        (a, b) => a.is_some().cmp(&b.is_some()),
    }
}
