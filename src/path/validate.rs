//! RFC 5280 6.1.2-6.1.5 over one candidate path whose signatures have been verified.
//!
//! Indices in errors count from the end entity (0) towards the anchor; the anchor itself
//! is index `certs.len()`.

use alloc::vec::Vec;

use der::asn1::ObjectIdentifier;

use super::TrustAnchor;
use super::policy_tree::PolicyTree;
use super::profile::{self, Profile};
use crate::cert::{Certificate, KeyUsage};
use crate::name::NameConstraintChecker;
use crate::oid::ext::{ANY_EXTENDED_KEY_USAGE, ANY_POLICY};
use crate::{Error, UnixTime};

/// The policy-related inputs of RFC 5280 6.1.1.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PolicyInputs<'a> {
    pub(crate) initial: &'a [ObjectIdentifier],
    pub(crate) require_explicit: bool,
    pub(crate) inhibit_mapping: bool,
    pub(crate) inhibit_any: bool,
    /// Purposes every extendedKeyUsage on the path must allow (empty: not checked).
    pub(crate) required_eku: &'a [ObjectIdentifier],
    /// The certificate profile beyond section 6.
    pub(crate) profile: Profile,
}

impl PolicyInputs<'_> {
    /// The defaults, used for CRL signer paths (RFC 5280 leaves their inputs open).
    pub(crate) const ANY: PolicyInputs<'static> = PolicyInputs {
        initial: &[],
        require_explicit: false,
        inhibit_mapping: false,
        inhibit_any: false,
        required_eku: &[],
        profile: Profile::Section6,
    };
}

/// Validates `certs` (end entity first) below `anchor` at `time`; returns the
/// user-constrained policy set.
pub(crate) fn validate(
    certs: &[&Certificate],
    anchor: &TrustAnchor,
    time: UnixTime,
    inputs: &PolicyInputs<'_>,
    name_comparisons: &mut u32,
) -> Result<Vec<ObjectIdentifier>, Error> {
    let n = certs.len();
    let anchor_index = index_of(n);
    if let Some(cert) = anchor.certificate() {
        check_validity(cert, time, anchor_index)?;
    }

    // 6.1.2 initialization.
    let mut tree = PolicyTree::new();
    let mut explicit_policy = if inputs.require_explicit { 0 } else { n + 1 };
    let mut inhibit_any = if inputs.inhibit_any { 0 } else { n + 1 };
    let mut policy_mapping = if inputs.inhibit_mapping { 0 } else { n + 1 };
    let mut max_path_length = n;
    let mut constraints = NameConstraintChecker::new(name_comparisons);

    // RFC 5937: a constraining anchor certificate is processed like an issuing CA
    // certificate, except for its signature and its (unprocessed) policy extensions.
    if let Some(cert) = anchor.constraining_certificate() {
        if inputs.profile == Profile::Strict {
            profile::check(cert, anchor_index, true)?;
        }
        if cert.unsupported_critical_extension().is_some() {
            return Err(Error::UnsupportedCriticalExtension {
                index: anchor_index,
            });
        }
        // A version 1 certificate cannot say it is a CA; as a trust anchor it is taken to be
        // one (as OpenSSL and Go do for v1 roots).
        if cert.version() >= 3 && !cert.is_ca() {
            return Err(Error::NotCa {
                index: anchor_index,
            });
        }
        if let Some(ku) = cert.key_usage()
            && !ku.allows(KeyUsage::KEY_CERT_SIGN)
        {
            return Err(Error::KeyCertSignNotAllowed {
                index: anchor_index,
            });
        }
        if let Some(len) = cert
            .basic_constraints()
            .and_then(|bc| bc.path_len_constraint)
        {
            max_path_length = max_path_length.min(usize::from(len));
        }
        if let Some(nc) = cert.name_constraints_ext() {
            constraints.add(nc, anchor_index)?;
        }
        check_eku(cert, inputs.required_eku, anchor_index)?;
    }

    // RFC numbering: certificate i = 1 is issued by the anchor, i = n is the end entity.
    for i in 1..=n {
        let index = index_of(n - i);
        let cert = certs[n - i];
        let last = i == n;
        let self_issued = cert.is_self_issued();

        // 6.1.3 (a)(2); the signature (a)(1) and name chaining (a)(4) were established while
        // building, revocation (a)(3) is checked once the whole path passes.
        check_validity(cert, time, index)?;
        if inputs.profile == Profile::Strict {
            profile::check(cert, index, false)?;
        }

        // (b), (c): a self-issued intermediate is exempt from name constraints.
        if last || !self_issued {
            constraints.check(cert.subject_key(), cert.subject_alt_names(), index)?;
        }

        // (d), (e), (f).
        let any_allowed = inhibit_any > 0 || (!last && self_issued);
        tree.process_certificate(cert.policies(), any_allowed);
        if explicit_policy == 0 && tree.is_null() {
            return Err(Error::NoValidPolicy { index });
        }

        // The caller's purposes, against the end entity's extendedKeyUsage and, as a
        // constraint, an intermediate's.
        check_eku(cert, inputs.required_eku, index)?;

        // Unrecognized critical extensions (6.1.4 (o) for intermediates, 6.1.5 (f) for the
        // end entity).
        if cert.unsupported_critical_extension().is_some() {
            return Err(Error::UnsupportedCriticalExtension { index });
        }

        if last {
            break;
        }

        // 6.1.4 preparation for certificate i + 1.
        if let Some(mappings) = cert.policy_mappings() {
            // (a)
            if mappings.iter().any(|m| {
                m.issuer_domain_policy == ANY_POLICY || m.subject_domain_policy == ANY_POLICY
            }) {
                return Err(Error::InvalidPolicyMapping { index });
            }
            // (b)
            tree.apply_mappings(mappings, policy_mapping > 0);
        }
        // (g); a malformed extension is reported at this, the constraining, certificate.
        if let Some(nc) = cert.name_constraints_ext() {
            constraints.add(nc, index)?;
        }
        // (h)
        if !self_issued {
            explicit_policy = explicit_policy.saturating_sub(1);
            policy_mapping = policy_mapping.saturating_sub(1);
            inhibit_any = inhibit_any.saturating_sub(1);
        }
        // (i)
        if let Some(pc) = cert.policy_constraints() {
            if let Some(r) = pc.require_explicit_policy {
                explicit_policy = explicit_policy.min(r as usize);
            }
            if let Some(m) = pc.inhibit_policy_mapping {
                policy_mapping = policy_mapping.min(m as usize);
            }
        }
        // (j)
        if let Some(skip) = cert.inhibit_any_policy() {
            inhibit_any = inhibit_any.min(skip as usize);
        }
        // (k): version 1 and 2 intermediates cannot show they are CAs, so they are rejected.
        if !cert.is_ca() {
            return Err(Error::NotCa { index });
        }
        // (l), (m): self-issued certificates do not count against pathLenConstraint.
        if !self_issued {
            if max_path_length == 0 {
                return Err(Error::PathLenConstraintViolated { index });
            }
            max_path_length -= 1;
        }
        if let Some(len) = cert
            .basic_constraints()
            .and_then(|bc| bc.path_len_constraint)
        {
            max_path_length = max_path_length.min(usize::from(len));
        }
        // (n)
        if let Some(ku) = cert.key_usage()
            && !ku.allows(KeyUsage::KEY_CERT_SIGN)
        {
            return Err(Error::KeyCertSignNotAllowed { index });
        }
    }

    // 6.1.5 wrap-up: (a), (b) explicit policy; (g) intersection with the initial set.
    let leaf = certs[0];
    explicit_policy = explicit_policy.saturating_sub(1);
    if leaf
        .policy_constraints()
        .and_then(|pc| pc.require_explicit_policy)
        == Some(0)
    {
        explicit_policy = 0;
    }
    let policies = tree.finish(inputs.initial);
    if explicit_policy == 0 && policies.is_empty() {
        return Err(Error::NoValidPolicy { index: 0 });
    }
    Ok(policies)
}

/// Each required purpose must be allowed by `cert`'s extendedKeyUsage, if it has one.
fn check_eku(cert: &Certificate, required: &[ObjectIdentifier], index: u8) -> Result<(), Error> {
    let Some(purposes) = cert.extended_key_usage() else {
        return Ok(());
    };
    if required.is_empty() || purposes.contains(&ANY_EXTENDED_KEY_USAGE) {
        return Ok(());
    }
    if required.iter().all(|r| purposes.contains(r)) {
        Ok(())
    } else {
        Err(Error::RequiredEkuMissing { index })
    }
}

fn check_validity(cert: &Certificate, time: UnixTime, index: u8) -> Result<(), Error> {
    let validity = cert.validity();
    if time < validity.not_before {
        return Err(Error::CertNotValidYet { index });
    }
    if time > validity.not_after {
        return Err(Error::CertExpired { index });
    }
    Ok(())
}

/// Path positions fit in a byte: path length is capped by [`super::Budget::max_path_len`].
pub(crate) fn index_of(position: usize) -> u8 {
    u8::try_from(position).unwrap_or(u8::MAX)
}
