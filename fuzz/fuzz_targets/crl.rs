//! CRL parsing, every accessor and entry, and a revocation check through `CrlSet` of fixed
//! migration-world chains (a good and a revoked leaf under the gen3 signing root, and the
//! user-authentication chain) with `RevocationMode::RequireCurrent`, once with the real
//! backend and once with the lenient one (so a mutated CRL's signature "verifies" and its
//! scope, entries and extensions are processed). Input: one DER CRL.
#![no_main]

use jpki_verify::{Crl, RevocationMode, TrustAnchor};
use jpki_verify_fuzz::{SCENARIOS, cert, lenient_backend, real_backend, time, validate_path};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(crl) = Crl::from_der(data) else {
        return;
    };
    let _ = format!("{crl:?}");
    let _ = (
        crl.der(),
        crl.tbs_der(),
        crl.signature_algorithm(),
        crl.signature(),
    );
    let _ = (
        crl.issuer().to_string(),
        crl.this_update(),
        crl.next_update(),
    );
    let _ = (crl.crl_number(), crl.base_crl_number(), crl.is_delta());
    let _ = (crl.issuing_distribution_point(), crl.authority_key_id());
    let _ = crl.unsupported_critical_extension();
    let _ = crl.has_unsupported_critical_entry_extension();
    let count = crl.revoked_count();
    let mut seen = 0;
    for entry in crl.revoked().take(10_000) {
        let _ = format!("{entry:?}");
        seen += 1;
    }
    assert!(seen <= count, "more entries iterated than counted");

    let crls = [crl];
    // The three scenarios with CRLs judged at the CRLs' time: good, revoked, user-auth.
    for scenario in &SCENARIOS[..3] {
        let leaf = cert(scenario.leaf);
        let anchors = [TrustAnchor::from_certificate(cert(scenario.anchor))];
        for backend in [real_backend(), lenient_backend()] {
            let _ = validate_path(
                backend,
                &leaf,
                &[],
                &anchors,
                &crls,
                time(scenario.at),
                RevocationMode::RequireCurrent,
                false,
            );
        }
    }
});
