//! OCSP parsing limits and structural refusals, on responses built here (unsigned: parsing
//! does not verify, and each case breaks exactly one rule).

mod common;

use common::builder::{oid, seq, tlv};
use jpki_verify::{Error, MAX_RESPONDER_CERTS, MAX_SINGLE_RESPONSES, OcspResponse};

const CA: &[u8] = include_bytes!("../vectors/ocsp/ca.der");

fn gentime() -> Vec<u8> {
    tlv(0x18, b"20261202000000Z")
}

fn single(serial: &[u8], status: &[u8]) -> Vec<u8> {
    let sha1 = seq(&[&oid("1.3.14.3.2.26"), &[0x05, 0x00]]);
    let cert_id = seq(&[
        &sha1,
        &tlv(0x04, &[1; 20]),
        &tlv(0x04, &[2; 20]),
        &tlv(0x02, serial),
    ]);
    seq(&[&cert_id, status, &gentime()])
}

/// An OCSPResponse around a BasicOCSPResponse with these SingleResponses, response
/// extensions and certificates.
fn response(singles: &[Vec<u8>], extensions: Option<&[u8]>, certs: usize) -> Vec<u8> {
    let name = seq(&[]);
    let mut tbs_parts = vec![tlv(0xa1, &name), gentime(), seq(&[&singles.concat()])];
    if let Some(exts) = extensions {
        tbs_parts.push(tlv(0xa1, &seq(&[exts])));
    }
    let tbs = seq(&tbs_parts.iter().map(Vec::as_slice).collect::<Vec<_>>());
    let alg = seq(&[&oid("1.2.840.10045.4.3.2")]);
    let mut basic_parts = vec![tbs, alg, tlv(0x03, &[0, 1, 2, 3])];
    if certs > 0 {
        basic_parts.push(tlv(0xa0, &seq(&[&CA.repeat(certs)])));
    }
    let basic = seq(&basic_parts.iter().map(Vec::as_slice).collect::<Vec<_>>());
    let bytes = seq(&[&oid("1.3.6.1.5.5.7.48.1.1"), &tlv(0x04, &basic)]);
    seq(&[&tlv(0x0a, &[0]), &tlv(0xa0, &bytes)])
}

const GOOD: &[u8] = &[0x80, 0x00];

#[test]
fn a_built_response_parses() {
    let der = response(&[single(&[1], GOOD)], None, 1);
    let parsed = OcspResponse::from_der(&der).unwrap();
    assert_eq!(parsed.single_response_count(), 1);
    assert_eq!(parsed.certificates().len(), 1);
    assert_eq!(parsed.nonce(), None);
}

#[test]
fn single_responses_are_bounded() {
    let singles = vec![single(&[1], GOOD); MAX_SINGLE_RESPONSES];
    assert!(OcspResponse::from_der(&response(&singles, None, 0)).is_ok());
    let singles = vec![single(&[1], GOOD); MAX_SINGLE_RESPONSES + 1];
    assert_eq!(
        OcspResponse::from_der(&response(&singles, None, 0)).unwrap_err(),
        Error::OcspTooLarge
    );
}

#[test]
fn responder_certificates_are_bounded() {
    let one = [single(&[1], GOOD)];
    assert!(OcspResponse::from_der(&response(&one, None, MAX_RESPONDER_CERTS)).is_ok());
    assert_eq!(
        OcspResponse::from_der(&response(&one, None, MAX_RESPONDER_CERTS + 1)).unwrap_err(),
        Error::OcspTooLarge
    );
}

#[test]
fn structural_refusals() {
    let malformed = |der: Vec<u8>| {
        assert_eq!(
            OcspResponse::from_der(&der).unwrap_err(),
            Error::OcspMalformed
        )
    };
    // A serial number that is not minimally encoded could never be matched reliably.
    malformed(response(&[single(&[0, 1], GOOD)], None, 0));
    // An unknown critical response extension.
    let critical = seq(&[&oid("1.2.3.4"), &[0x01, 0x01, 0xff], &tlv(0x04, &[])]);
    malformed(response(&[single(&[1], GOOD)], Some(&critical), 0));
    // A CertStatus outside the CHOICE, and good [0] with contents.
    malformed(response(&[single(&[1], &[0x83, 0x00])], None, 0));
    malformed(response(&[single(&[1], &[0x80, 0x01, 0x00])], None, 0));
    // A revocation reason that is no CRLReason (7 is unassigned).
    let revoked = tlv(0xa1, &[gentime(), tlv(0xa0, &tlv(0x0a, &[7]))].concat());
    malformed(response(&[single(&[1], &revoked)], None, 0));
    // A non-critical unknown extension is fine, and the nonce is kept as carried.
    let nonce = seq(&[&oid("1.3.6.1.5.5.7.48.1.2"), &tlv(0x04, &[9; 8])]);
    let parsed = OcspResponse::from_der(&response(&[single(&[1], GOOD)], Some(&nonce), 0)).unwrap();
    assert_eq!(parsed.nonce(), Some(&[9u8; 8][..]));
}
