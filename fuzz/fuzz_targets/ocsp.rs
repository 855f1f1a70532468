//! OCSP response parsing, every accessor, and the two checks: the standalone
//! `OcspResponse::check` for the fixed good leaf of vectors/ocsp under its CA (with and
//! without a nonce), and path validation of that leaf with the response as the only
//! revocation source in `RevocationMode::RequireCurrent`; each with the real backend and the
//! lenient one (so a mutated response's signature "verifies" and its CertIDs, responder
//! authorisation, times and nonce are judged). Input: one DER OCSPResponse.
#![no_main]

use jpki_verify::{
    OcspOptions, OcspResponse, OcspResponses, PathValidator, RevocationMode, TrustAnchor,
};
use jpki_verify_fuzz::{cert, lenient_backend, real_backend, time};
use libfuzzer_sys::fuzz_target;

const CA: &[u8] = include_bytes!("../../vectors/ocsp/ca.der");
const LEAF: &[u8] = include_bytes!("../../vectors/ocsp/leaf.der");

fuzz_target!(|data: &[u8]| {
    let Ok(response) = OcspResponse::from_der(data) else {
        return;
    };
    let _ = format!("{response:?}");
    let _ = (
        response.der(),
        response.tbs_der(),
        response.signature_algorithm(),
        response.produced_at(),
        response.single_response_count(),
        response.nonce(),
    );
    for c in response.certificates() {
        let _ = c.subject().to_string();
    }

    let (ca, leaf) = (cert(CA), cert(LEAF));
    // Inside the certificates' validity, within the responses' 30 days (vectors made on
    // 2026-12-02).
    let at = time("2026-12-03T00:00:00Z");
    let nonce = [0u8; 16];
    let responses = [response];
    let anchors = [TrustAnchor::from_certificate(ca.clone())];
    for backend in [real_backend(), lenient_backend()] {
        for options in [OcspOptions::new(), OcspOptions::new().nonce(Some(&nonce))] {
            if let Ok(report) = responses[0].check(backend.algorithms, &leaf, &ca, at, &options) {
                let _ = format!("{report:?}");
            }
        }
        let source = OcspResponses::new(&responses);
        let _ = PathValidator::with_backend(backend, at)
            .revocation(RevocationMode::RequireCurrent, &source)
            .validate(&leaf, &[], &anchors);
    }
});
