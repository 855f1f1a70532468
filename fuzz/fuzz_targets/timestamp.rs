//! RFC 3161 timestamps (`jpki_verify::tsp`). The first input byte picks the mode:
//!
//! - bit 0 clear: the rest is a TSTInfo, parsed and checked (`TstInfo::from_der`);
//! - bit 0 set: the rest is a TimeStampToken, verified with the committed TSA root as anchor
//!   at 2036-06-01 over the committed `data.txt`; bit 1 asks for a nonce, bit 2 for the
//!   default policy (so that the checks after the signature are reached by mutated tokens
//!   only through the real signature, as in use).
#![no_main]

use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::tsp::{Imprint, TimestampVerifier, TstInfo};
use jpki_verify::{Certificate, PathValidator, TrustAnchor, UnixTime};
use libfuzzer_sys::fuzz_target;

const TSA_ROOT: &[u8] = include_bytes!("../../vectors/timestamp/certs/tsa-root.der");
const DATA: &[u8] = include_bytes!("../../vectors/timestamp/data.txt");
const POLICY: der::asn1::ObjectIdentifier =
    der::asn1::ObjectIdentifier::new_unwrap("1.3.6.1.4.1.32473.3161.1");

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode & 1 == 0 {
        let _ = TstInfo::from_der(rest);
        return;
    }
    let anchors = [TrustAnchor::from_certificate(
        Certificate::from_der(TSA_ROOT).expect("committed TSA root"),
    )];
    let validator = PathValidator::with_backend(&BACKEND, UnixTime::from_unix_seconds(2_095_891_200));
    let policies = [POLICY];
    let mut verifier = TimestampVerifier::new(validator, &anchors);
    if mode & 2 != 0 {
        verifier = verifier.nonce(Some(&[0x12, 0x34]));
    }
    if mode & 4 != 0 {
        verifier = verifier.policies(&policies);
    }
    let report = verifier.verify(rest, Imprint::Data(DATA));
    // A report never claims more than it verified.
    if report.is_valid() {
        assert!(report.gen_time.is_some() && report.tsa_path.is_some());
    }
});
