//! Path building and validation (RFC 5280 6.1) with revocation (6.3), at fixed times and a
//! small budget. The first input byte picks the mode:
//!
//! - even: raw. `flags | (kind: u8 | len: u16 BE | DER)*` where `kind % 5` is 0 leaf (the
//!   first that parses), 1 intermediate, 2 anchor certificate, 3 CRL, 4 "also trust every
//!   committed root". Flags: bits 1-3 the time, bits 4-5 the revocation mode, bit 6 explicit
//!   JPKI policies, bit 7 the lenient backend.
//! - odd: structure-aware. The rest drives `arbitrary`: one of the valid migration-world
//!   chains is taken, one of its certificates (TBS only, mostly) or CRLs is mutated as a DER
//!   tree (values, tags, children removed/duplicated/reordered, extensions and names from
//!   `snippets` spliced in) and the chain is validated, mostly with the lenient backend, so
//!   that policy processing, name constraints and revocation run on the mutated content.
#![no_main]

use jpki_verify::{Certificate, Crl, TrustAnchor};
use jpki_verify_fuzz::{
    Node, REVOCATION_MODES, SCENARIOS, TIMES, anchors, lenient_backend, mutate_some, real_backend,
    records, time, validate_path,
};
use libfuzzer_sys::arbitrary::{Result as ArbResult, Unstructured};
use libfuzzer_sys::fuzz_target;

/// Certificates, anchors and CRLs taken from one raw input, at most.
const MAX_ITEMS: usize = 12;

fn raw(flags: u8, data: &[u8]) {
    let mut leaf = None;
    let mut intermediates = Vec::new();
    let mut trust: Vec<TrustAnchor> = Vec::new();
    let mut crls = Vec::new();
    for (kind, blob) in records(data).into_iter().take(MAX_ITEMS) {
        match kind % 5 {
            0 if leaf.is_none() => leaf = Certificate::from_der(blob).ok(),
            0 | 1 => intermediates.extend(Certificate::from_der(blob).ok()),
            2 => trust.extend(
                Certificate::from_der(blob)
                    .ok()
                    .map(TrustAnchor::from_certificate),
            ),
            3 => crls.extend(Crl::from_der(blob).ok()),
            _ => trust.extend(anchors().iter().cloned()),
        }
    }
    let Some(leaf) = leaf else {
        return;
    };
    let backend = if flags & 0x80 != 0 {
        lenient_backend()
    } else {
        real_backend()
    };
    let at = time(TIMES[usize::from(flags >> 1 & 7)]);
    let mode = REVOCATION_MODES[usize::from(flags >> 4 & 3) % 3];
    let _ = validate_path(
        backend,
        &leaf,
        &intermediates,
        &trust,
        &crls,
        at,
        mode,
        flags & 0x40 != 0,
    );
}

fn structured(u: &mut Unstructured<'_>) -> ArbResult<()> {
    let scenario = u.choose(SCENARIOS)?;
    let mut certs: Vec<Vec<u8>> = std::iter::once(scenario.leaf)
        .chain(scenario.intermediates.iter().copied())
        .chain([scenario.anchor])
        .map(<[u8]>::to_vec)
        .collect();
    let mut crl_ders: Vec<Vec<u8>> = scenario.crls.iter().map(|c| c.to_vec()).collect();
    let target = u.choose_index(certs.len() + crl_ders.len())?;
    let der = if target < certs.len() {
        &mut certs[target]
    } else {
        &mut crl_ders[target - certs.len()]
    };
    let mut tree = Node::parse(der).expect("committed DER");
    // Mostly inside the signed part (tbsCertificate / tbsCertList).
    if u.ratio(7, 8)? {
        let jpki_verify_fuzz::der_tree::Body::Constructed(kids) = &mut tree.body else {
            unreachable!("a certificate or CRL is a SEQUENCE");
        };
        mutate_some(u, &mut kids[0], 4)?;
    } else {
        mutate_some(u, &mut tree, 4)?;
    }
    *der = tree.encode();

    let Ok(leaf) = Certificate::from_der(&certs[0]) else {
        return Ok(());
    };
    let n = certs.len();
    let intermediates: Vec<Certificate> = certs[1..n - 1]
        .iter()
        .filter_map(|d| Certificate::from_der(d).ok())
        .collect();
    let mut trust: Vec<TrustAnchor> = Certificate::from_der(&certs[n - 1])
        .ok()
        .map(TrustAnchor::from_certificate)
        .into_iter()
        .collect();
    if u.ratio(1, 4)? {
        trust.extend(anchors().iter().cloned());
    }
    let crls: Vec<Crl> = crl_ders
        .iter()
        .filter_map(|d| Crl::from_der(d).ok())
        .collect();
    let backend = if u.ratio(3, 4)? {
        lenient_backend()
    } else {
        real_backend()
    };
    let at = if u.ratio(3, 4)? {
        time(scenario.at)
    } else {
        time(u.choose(TIMES)?)
    };
    let mode = *u.choose(&REVOCATION_MODES)?;
    let explicit = u.arbitrary()?;
    let _ = validate_path(
        backend,
        &leaf,
        &intermediates,
        &trust,
        &crls,
        at,
        mode,
        explicit,
    );
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    if flags & 1 == 0 {
        raw(flags, rest);
    } else {
        let _ = structured(&mut Unstructured::new(rest));
    }
});
