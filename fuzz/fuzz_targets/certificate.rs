//! Certificate parsing and every accessor: extensions, policies, names (with `Display`),
//! subjectAltName, the JPKI basic four, name constraints, distribution points, the key, the
//! J-LIS pins, the JPKI classification and profile checks, and an anchor made from it.
//! Input: one DER certificate.
#![no_main]

use jpki_verify::jpki::{self, BasicFour};
use jpki_verify::{
    Certificate, DistinguishedName, GeneralName, Name, PublicKeyInfo, TrustAnchor, UnixTime,
};
use libfuzzer_sys::fuzz_target;

/// The DER content octets of the subjectAltName OID (2.5.29.17).
const SAN: &[u8] = &[0x55, 0x1d, 0x11];

fn general_name(name: &GeneralName) {
    let _ = format!("{name:?}");
    if let GeneralName::DirectoryName(dn) = name {
        let _ = dn.name().to_string();
        let _ = dn.name().matches(&dn.name());
        let _ = DistinguishedName::from_der(dn.name().as_der());
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(cert) = Certificate::from_der(data) else {
        return;
    };
    let _ = format!("{cert:?}");
    let _ = (cert.der(), cert.tbs_der(), cert.version(), cert.serial());
    let (issuer, subject): (Name<'_>, Name<'_>) = (cert.issuer(), cert.subject());
    let _ = (issuer.to_string(), subject.to_string(), issuer.is_empty());
    let _ = (issuer.matches(&subject), cert.is_self_issued());
    let validity = cert.validity();
    let _ = validity.contains(UnixTime::parse_rfc3339("2026-06-02T00:00:00Z").unwrap());
    let _ = (cert.signature_algorithm(), cert.signature());
    let _ = PublicKeyInfo::from_spki(cert.spki_der());
    for ext in cert.extensions() {
        let _ = (ext.oid, ext.critical, ext.value);
        if ext.oid.as_bytes() == SAN
            && let Ok(four) = BasicFour::from_subject_alt_name(ext.value)
        {
            let _ = (
                four.is_present(),
                four.sex_interpreted(),
                four.birth_date_digits(),
            );
            let _ = format!("{four:?}");
        }
    }
    let _ = cert.critical_extensions().count();
    let _ = cert.unsupported_critical_extension();
    let _ = (cert.basic_constraints(), cert.is_ca(), cert.key_usage());
    let _ = (
        cert.extended_key_usage(),
        cert.subject_key_id(),
        cert.authority_key_id(),
    );
    let _ = (
        cert.policies(),
        cert.policy_mappings(),
        cert.policy_constraints(),
    );
    let _ = cert.inhibit_any_policy();
    if let Some((permitted, excluded)) = cert.name_constraints() {
        for subtree in permitted.unwrap_or_default().iter().chain(excluded) {
            general_name(&subtree.base);
        }
    }
    for name in cert.subject_alt_names().unwrap_or_default() {
        general_name(name);
    }
    for dp in cert
        .crl_distribution_points()
        .unwrap_or_default()
        .iter()
        .chain(cert.freshest_crl().unwrap_or_default())
    {
        let _ = format!("{dp:?}");
        for name in dp.crl_issuer.as_deref().unwrap_or_default() {
            general_name(name);
        }
    }
    let _ = jpki_verify::jpki::pinned_root(cert.der());
    let classification = jpki::classify(&cert, jpki::ProfileChecks::ALL);
    let _ = format!("{classification:?}");
    for kind in [jpki::JpkiKind::Signing, jpki::JpkiKind::UserAuthentication] {
        for finding in jpki::check_profile(&cert, kind, jpki::ProfileChecks::ALL) {
            let _ = format!("{finding:?}");
        }
    }
    if let Some(four) = &classification.basic_four
        && let (Some(name), Some(positions)) = (&four.name, &four.name_substitute_positions)
    {
        let _ = jpki::substitute_positions(name, positions);
    }
    let anchor = TrustAnchor::from_certificate(cert.clone());
    let _ = (anchor.subject().to_string(), anchor.spki_der());
    let _ = TrustAnchor::from_subject_and_spki(cert.subject().as_der(), cert.spki_der());
});
