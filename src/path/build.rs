//! The depth-first path search, shared by end-entity paths and CRL signer paths.

use alloc::collections::{BTreeMap, BTreeSet};
use alloc::vec::Vec;

use super::budget::Remaining;
use super::validate::{self, PolicyInputs, index_of};
use super::{PathEntry, PathValidator, TrustAnchor, ValidatedPath};
use crate::cert::Certificate;
use crate::name::NameKey;
use crate::revocation::{Authority, CertStatus, RevocationMode, RevocationOutcome, StatusQuery};
use crate::signed_data::SignedData;
use crate::{Error, SignatureVerificationAlgorithm, verify_signed_data, verify_signed_data_cached};

type Algorithm = &'static dyn SignatureVerificationAlgorithm;

/// How deeply CRL signer paths may nest (a CRL signer whose CRL is signed by another
/// delegated signer, and so on); each level is a full path search. Needing a deeper level
/// ends the search with [`Error::MaximumCrlSignerNestingExceeded`].
pub const MAX_CRL_SIGNER_NESTING: usize = 4;

/// Most intermediate certificates one [`super::PathValidator::validate`] call accepts
/// ([`Error::TooManyIntermediates`] beyond it, before any work). The search itself is bounded
/// by [`super::Budget`]; this bounds the set-up (deduplication and issuer indexing), which
/// grows with the pool. Real pools, JPKI's included, hold a handful.
pub const MAX_INTERMEDIATES: usize = 1024;

/// A possible issuer: a certificate from the search's table or a trust anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Issuer {
    Cert(usize),
    Anchor(usize),
}

/// What a search must reach.
struct Goal<'a> {
    /// Only this anchor (CRL signer paths must end at the anchor of the path they serve).
    anchor: Option<usize>,
    policy: PolicyInputs<'a>,
}

/// A path that passed validation and revocation checking, as indices.
struct Found {
    certs: Vec<usize>,
    algorithms: Vec<Algorithm>,
    anchor: usize,
    policies: Vec<der::asn1::ObjectIdentifier>,
    revocation: Vec<RevocationOutcome>,
}

/// The path under construction: `algorithms[i]` verified `certs[i]` once its issuer is known.
struct Partial {
    certs: Vec<usize>,
    algorithms: Vec<Algorithm>,
}

pub(super) fn validate<'c>(
    validator: &PathValidator<'_>,
    end_entity: &'c Certificate,
    intermediates: &'c [Certificate],
    anchors: &'c [TrustAnchor],
) -> Result<ValidatedPath, Error> {
    if intermediates.len() > MAX_INTERMEDIATES {
        return Err(Error::TooManyIntermediates);
    }
    // The certificate table: the end entity, then each distinct intermediate once (a set,
    // so that a pool of near-identical large certificates costs n log n comparisons).
    let mut certs: Vec<&'c Certificate> = Vec::with_capacity(intermediates.len() + 1);
    let mut seen: BTreeSet<&'c [u8]> = BTreeSet::new();
    for cert in core::iter::once(end_entity).chain(intermediates) {
        if seen.insert(cert.der()) {
            certs.push(cert);
        }
    }
    let certs_len = certs.len();
    let mut search = Search {
        validator,
        certs,
        anchors,
        budget: Remaining::new(validator.budget),
        edges: BTreeMap::new(),
        signer_stack: Vec::new(),
        named_issuers: alloc::vec![None; certs_len],
    };
    let goal = Goal {
        anchor: None,
        policy: PolicyInputs {
            initial: validator.initial_policies,
            require_explicit: validator.require_explicit_policy,
            inhibit_mapping: validator.inhibit_policy_mapping,
            inhibit_any: validator.inhibit_any_policy,
            required_eku: validator.required_eku,
            profile: validator.profile,
        },
    };
    let found = search.find(0, &goal)?;

    let anchor = &anchors[found.anchor];
    let n = found.certs.len();
    let mut entries = Vec::with_capacity(n);
    for i in 0..n {
        let signer_spki = match found.certs.get(i + 1) {
            Some(&id) => search.certs[id].spki_der(),
            None => anchor.spki_der(),
        };
        let algorithm = found.algorithms[i];
        entries.push(PathEntry {
            certificate: search.certs[found.certs[i]].clone(),
            algorithm,
            signer_key: algorithm.key_info(signer_spki)?,
            revocation: found.revocation[i],
        });
    }
    Ok(ValidatedPath {
        entries,
        anchor: anchor.clone(),
        time: validator.time,
        policies: found.policies,
    })
}

struct Search<'c, 'v> {
    validator: &'v PathValidator<'v>,
    certs: Vec<&'c Certificate>,
    anchors: &'c [TrustAnchor],
    budget: Remaining,
    /// Signature results per (certificate, issuer) pair: each edge is verified once even
    /// when many candidate paths share it.
    edges: BTreeMap<(usize, Issuer), Result<Algorithm, Error>>,
    /// Certificates whose path is being validated as CRL signers, outermost first.
    signer_stack: Vec<usize>,
    /// Per certificate, the certificates named as its possible issuers (filled lazily).
    named_issuers: Vec<Option<Vec<usize>>>,
}

impl<'c> Search<'c, '_> {
    /// Searches for a valid path from certificate `leaf`; the error is the most specific
    /// one seen, or [`Error::UnknownIssuer`] if no path reached an anchor at all.
    fn find(&mut self, leaf: usize, goal: &Goal<'_>) -> Result<Found, Error> {
        let mut partial = Partial {
            certs: alloc::vec![leaf],
            algorithms: Vec::new(),
        };
        let mut best = None;
        match self.extend(&mut partial, goal, &mut best)? {
            Some(found) => Ok(found),
            None => Err(best.unwrap_or(Error::UnknownIssuer)),
        }
    }

    /// Tries every issuer of the top certificate; `Err` only for errors that end the search.
    fn extend(
        &mut self,
        partial: &mut Partial,
        goal: &Goal<'_>,
        best: &mut Option<Error>,
    ) -> Result<Option<Found>, Error> {
        let top = *partial.certs.last().expect("a path starts with its leaf");
        for candidate in self.candidates(top, partial, goal) {
            self.budget.step()?;
            if let Issuer::Cert(_) = candidate
                && partial.certs.len() >= usize::from(self.budget.max_path_len)
            {
                note(best, Error::MaximumPathDepthExceeded);
                continue;
            }
            let algorithm = match self.edge(top, candidate) {
                Ok(algorithm) => algorithm,
                Err(e) if e.is_fatal() => return Err(e),
                Err(e) => {
                    note(best, e);
                    continue;
                }
            };
            partial.algorithms.push(algorithm);
            let outcome = match candidate {
                Issuer::Anchor(anchor) => match self.complete(partial, anchor, goal) {
                    Ok(found) => Ok(Some(found)),
                    Err(e) if e.is_fatal() => Err(e),
                    Err(e) => {
                        note(best, e);
                        Ok(None)
                    }
                },
                Issuer::Cert(id) => {
                    partial.certs.push(id);
                    let outcome = self.extend(partial, goal, best);
                    partial.certs.pop();
                    outcome
                }
            };
            partial.algorithms.pop();
            if let Some(found) = outcome? {
                return Ok(Some(found));
            }
        }
        Ok(None)
    }

    /// Issuers whose subject matches the top certificate's issuer name, best first:
    /// key identifier matches, then unknown key identifiers, then mismatches; within each
    /// group those valid at the validation time first, and anchors before intermediates.
    /// Input order decides nothing else, so a valid path behind many useless candidates is
    /// still reached first. Certificates already in the path (same subject and key) and
    /// copies of usable anchors are left out.
    fn candidates(&mut self, top: usize, partial: &Partial, goal: &Goal<'_>) -> Vec<Issuer> {
        let child = self.certs[top];
        let issuer = child.issuer_key();
        let aki = child.authority_key_id();
        let named = self.named_issuers(top);
        let time = self.validator.time;
        let invalid =
            |cert: Option<&Certificate>| cert.is_some_and(|c| !c.validity().contains(time));
        let mut out: Vec<((u8, bool, bool), Issuer)> = Vec::new();
        let allowed_anchors = || {
            self.anchors
                .iter()
                .enumerate()
                .filter(|(i, _)| goal.anchor.is_none_or(|a| a == *i))
        };
        for (i, anchor) in allowed_anchors() {
            if anchor.subject_key() == issuer {
                let rank = key_id_rank(aki, anchor.key_id());
                out.push((
                    (rank, invalid(anchor.certificate()), false),
                    Issuer::Anchor(i),
                ));
            }
        }
        for id in named {
            let cert = self.certs[id];
            let same_entity = |other: &Certificate| {
                other.subject_key() == cert.subject_key() && other.spki_der() == cert.spki_der()
            };
            if partial.certs.iter().any(|&p| same_entity(self.certs[p])) {
                continue;
            }
            if allowed_anchors().any(|(_, a)| {
                a.subject_key() == cert.subject_key() && a.spki_der() == cert.spki_der()
            }) {
                continue;
            }
            let rank = key_id_rank(aki, cert.subject_key_id());
            out.push(((rank, invalid(Some(cert)), true), Issuer::Cert(id)));
        }
        // A stable sort: among equals, input order stays.
        out.sort_by_key(|(rank, _)| *rank);
        out.into_iter().map(|(_, issuer)| issuer).collect()
    }

    /// The certificates whose subject is `child`'s issuer name, computed once per
    /// certificate: each search step then costs the size of that group, not of the pool.
    fn named_issuers(&mut self, child: usize) -> Vec<usize> {
        if let Some(ids) = &self.named_issuers[child] {
            return ids.clone();
        }
        let issuer = self.certs[child].issuer_key();
        let ids: Vec<usize> = (0..self.certs.len())
            .filter(|&id| self.certs[id].subject_key() == issuer)
            .collect();
        self.named_issuers[child] = Some(ids.clone());
        ids
    }

    /// Verifies that `issuer`'s key signed certificate `child`, once per pair.
    fn edge(&mut self, child: usize, issuer: Issuer) -> Result<Algorithm, Error> {
        if let Some(result) = self.edges.get(&(child, issuer)) {
            return *result;
        }
        self.budget.signature()?;
        let result = match self.certs[child].signed_data() {
            Some(signed) => match issuer {
                Issuer::Anchor(i) => verify_signed_data_cached(
                    self.validator.algorithms,
                    self.anchors[i].key_cache(),
                    self.spki(issuer),
                    &signed.algorithm,
                    signed.message,
                    signed.signature,
                ),
                Issuer::Cert(_) => verify_signed_data(
                    self.validator.algorithms,
                    self.spki(issuer),
                    &signed.algorithm,
                    signed.message,
                    signed.signature,
                ),
            },
            None => Err(Error::MalformedSignature),
        };
        self.edges.insert((child, issuer), result);
        result
    }

    fn spki(&self, issuer: Issuer) -> &'c [u8] {
        match issuer {
            Issuer::Cert(id) => self.certs[id].spki_der(),
            Issuer::Anchor(i) => self.anchors[i].spki_der(),
        }
    }

    fn subject(&self, issuer: Issuer) -> (&'c NameKey, &'c [u8]) {
        match issuer {
            Issuer::Cert(id) => (
                self.certs[id].subject_key(),
                self.certs[id].subject().as_der(),
            ),
            Issuer::Anchor(i) => (
                self.anchors[i].subject_key(),
                self.anchors[i].subject().as_der(),
            ),
        }
    }

    /// RFC 5280 6.1 over the finished candidate path, then revocation.
    fn complete(
        &mut self,
        partial: &Partial,
        anchor: usize,
        goal: &Goal<'_>,
    ) -> Result<Found, Error> {
        let chain: Vec<&Certificate> = partial.certs.iter().map(|&id| self.certs[id]).collect();
        let policies = validate::validate(
            &chain,
            &self.anchors[anchor],
            self.validator.time,
            &goal.policy,
            &mut self.budget.name_comparisons,
        )?;
        let revocation = self.check_revocation(&partial.certs, anchor)?;
        Ok(Found {
            certs: partial.certs.clone(),
            algorithms: partial.algorithms.clone(),
            anchor,
            policies,
            revocation,
        })
    }

    /// Asks the revocation source about each certificate, from the anchor side down, so
    /// that certificates above the one being checked are fully validated by then.
    fn check_revocation(
        &mut self,
        path: &[usize],
        anchor: usize,
    ) -> Result<Vec<RevocationOutcome>, Error> {
        let mode = self.validator.revocation_mode;
        let mut outcomes = alloc::vec![RevocationOutcome::NotChecked; path.len()];
        if mode == RevocationMode::Off {
            return Ok(outcomes);
        }
        for position in (0..path.len()).rev() {
            let index = index_of(position);
            let issuer = match path.get(position + 1) {
                Some(&id) => Issuer::Cert(id),
                None => Issuer::Anchor(anchor),
            };
            let status = match self.validator.revocation {
                Some(source) => {
                    let cert = self.certs[path[position]];
                    let issuer_name_der = self.subject(issuer).1;
                    let issuer_spki = self.spki(issuer);
                    let time = self.validator.time;
                    let mut authority = SearchAuthority {
                        search: self,
                        issuer,
                        anchor,
                    };
                    source.status(&mut StatusQuery {
                        cert,
                        issuer_name_der,
                        issuer_spki,
                        index,
                        time,
                        mode,
                        authority: &mut authority,
                    })
                }
                None => Ok(CertStatus::Unknown),
            };
            let require = mode == RevocationMode::RequireCurrent;
            outcomes[position] = match status {
                Ok(CertStatus::Good) => RevocationOutcome::Good,
                Ok(CertStatus::Revoked { reason, .. }) => {
                    return Err(Error::Revoked { index, reason });
                }
                Ok(CertStatus::Unknown) if require => {
                    return Err(Error::RevocationStatusUnknown { index });
                }
                Err(e) if require || e.is_fatal() => return Err(e),
                Ok(_) | Err(_) => RevocationOutcome::Unknown,
            };
        }
        Ok(outcomes)
    }
}

/// Lets a revocation source authenticate CRLs with the search's own machinery.
struct SearchAuthority<'s, 'c, 'v> {
    search: &'s mut Search<'c, 'v>,
    /// The issuer of the certificate being checked.
    issuer: Issuer,
    /// The anchor every signer path must end at (RFC 5280 6.3.3 (f)).
    anchor: usize,
}

impl Authority for SearchAuthority<'_, '_, '_> {
    fn verify_signed_by(
        &mut self,
        signer: &NameKey,
        key_id: Option<&[u8]>,
        required_usage: u16,
        data: &SignedData<'_>,
        index: u8,
    ) -> Result<Vec<u8>, Error> {
        let search = &mut *self.search;
        // The certificate's own issuer first; then the anchor and any intermediate with the
        // signer's name, key identifier matches first.
        let mut candidates: Vec<(u8, Issuer)> = Vec::new();
        if search.subject(self.issuer).0 == signer {
            candidates.push((0, self.issuer));
        }
        let anchor = &search.anchors[self.anchor];
        if anchor.subject_key() == signer && self.issuer != Issuer::Anchor(self.anchor) {
            candidates.push((
                1 + key_id_rank(key_id, anchor.key_id()),
                Issuer::Anchor(self.anchor),
            ));
        }
        for (id, cert) in search.certs.iter().enumerate() {
            if cert.subject_key() == signer && self.issuer != Issuer::Cert(id) {
                candidates.push((
                    1 + key_id_rank(key_id, cert.subject_key_id()),
                    Issuer::Cert(id),
                ));
            }
        }
        candidates.sort_by_key(|(rank, _)| *rank);

        let mut best = None;
        for (_, candidate) in candidates {
            search.budget.step()?;
            let spki = search.spki(candidate);
            if let Err(e) = verify(search, spki, data) {
                if e.is_fatal() {
                    return Err(e);
                }
                note(&mut best, crl_signature_error(e, index));
                continue;
            }
            let signer_cert = match candidate {
                Issuer::Cert(id) => Some(search.certs[id]),
                Issuer::Anchor(i) => search.anchors[i].constraining_certificate(),
            };
            if let Some(ku) = signer_cert.and_then(Certificate::key_usage)
                && !ku.allows(required_usage)
            {
                note(&mut best, Error::CrlSignNotAllowed { index });
                continue;
            }
            let Issuer::Cert(id) = candidate else {
                // The path's own anchor.
                return Ok(spki.to_vec());
            };
            // The issuer is validated as part of the path being checked; a signer already
            // being validated further up is validated by that outer search.
            if candidate == self.issuer || search.signer_stack.contains(&id) {
                return Ok(spki.to_vec());
            }
            if search.signer_stack.len() >= MAX_CRL_SIGNER_NESTING {
                return Err(Error::MaximumCrlSignerNestingExceeded);
            }
            search.signer_stack.push(id);
            let goal = Goal {
                anchor: Some(self.anchor),
                policy: PolicyInputs::ANY,
            };
            let result = search.find(id, &goal);
            search.signer_stack.pop();
            match result {
                Ok(_) => return Ok(spki.to_vec()),
                Err(e) if e.is_fatal() => return Err(e),
                Err(_) => note(&mut best, Error::InvalidCrlSigner { index }),
            }
        }
        Err(best.unwrap_or(Error::UnknownCrlIssuer { index }))
    }

    fn verify_with_key(&mut self, spki: &[u8], data: &SignedData<'_>) -> Result<(), Error> {
        verify(self.search, spki, data)
    }
}

fn verify(search: &mut Search<'_, '_>, spki: &[u8], data: &SignedData<'_>) -> Result<(), Error> {
    search.budget.signature()?;
    // CRLs are most often signed by an anchor itself: reuse its prepared key.
    let anchor = search.anchors.iter().find(|a| a.spki_der() == spki);
    match anchor {
        Some(anchor) => verify_signed_data_cached(
            search.validator.algorithms,
            anchor.key_cache(),
            spki,
            &data.algorithm,
            data.message,
            data.signature,
        ),
        None => verify_signed_data(
            search.validator.algorithms,
            spki,
            &data.algorithm,
            data.message,
            data.signature,
        ),
    }
    .map(|_| ())
}

/// A failed CRL signature says where: the certificate whose status was being checked.
fn crl_signature_error(e: Error, index: u8) -> Error {
    match e {
        Error::BadSignature | Error::MalformedSignature => Error::InvalidCrlSignature { index },
        other => other,
    }
}

/// 0 when the key identifiers match, 1 when either is missing, 2 when they differ.
fn key_id_rank(wanted: Option<&[u8]>, have: Option<&[u8]>) -> u8 {
    match (wanted, have) {
        (Some(w), Some(h)) if w == h => 0,
        (Some(_), Some(_)) => 2,
        _ => 1,
    }
}

/// Keeps the most specific error.
fn note(best: &mut Option<Error>, error: Error) {
    if best.is_none_or(|b| error.rank() >= b.rank()) {
        *best = Some(error);
    }
}
