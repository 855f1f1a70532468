//! The JPKI profile: pinned J-LIS roots (against the real certificates in ../shared) and the
//! basic-four data of the migration-world vectors' fictional person.

#[path = "common/shared.rs"]
mod shared;

use std::path::PathBuf;

use der::Decode;
use jpki_verify::jpki::{BasicFour, BasicFourError, JpkiPurpose, Sex, pinned_root};
use x509_cert::Certificate;

fn vector(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("vectors/migration-world/certs")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn san_value(cert_der: &[u8]) -> Vec<u8> {
    let cert = Certificate::from_der(cert_der).unwrap();
    let san = const_oid::db::rfc5280::ID_CE_SUBJECT_ALT_NAME;
    cert.tbs_certificate()
        .extensions()
        .unwrap()
        .iter()
        .find(|e| e.extn_id == san)
        .map(|e| e.extn_value.as_bytes().to_vec())
        .expect("certificate has a subjectAltName")
}

#[test]
fn real_jlis_roots_match_their_pins() {
    let Some(shared) = shared::shared_dir("reference/jpki-roots") else {
        return;
    };
    let cases = [
        ("sign-ca-gen1-2015.pem", JpkiPurpose::Signing, 1),
        ("sign-ca-gen3-2023.pem", JpkiPurpose::Signing, 3),
        ("auth-ca-gen1-2015.pem", JpkiPurpose::UserAuthentication, 1),
        ("auth-ca-gen3-2023.pem", JpkiPurpose::UserAuthentication, 3),
    ];
    for (file, purpose, generation) in cases {
        let pem = std::fs::read_to_string(shared.join("reference/jpki-roots").join(file)).unwrap();
        let (_, der) = pem_rfc7468::decode_vec(pem.as_bytes()).unwrap();
        let pin = pinned_root(&der).unwrap_or_else(|| panic!("{file} is not pinned"));
        assert_eq!(
            (pin.purpose, pin.generation),
            (purpose, generation),
            "{file}"
        );
        // One flipped byte and the pin no longer matches.
        let mut altered = der.clone();
        *altered.last_mut().unwrap() ^= 1;
        assert!(pinned_root(&altered).is_none());
    }
}

#[test]
fn test_hierarchy_roots_are_not_pinned() {
    for root in [
        "sign-root-gen1-rsa.der",
        "sign-root-gen3-rsa.der",
        "sign-root-ec1-p384.der",
    ] {
        assert!(pinned_root(&vector(root)).is_none(), "{root}");
    }
}

#[test]
fn basic_four_of_the_fictional_person() {
    let four =
        BasicFour::from_subject_alt_name(&san_value(&vector("sign-leaf-rsa-card.der"))).unwrap();
    assert_eq!(four.name.as_deref(), Some("公的\u{3000}吉郎"));
    assert_eq!(four.name_substitute_positions.as_deref(), Some("00010"));
    assert_eq!(four.sex.as_deref(), Some("1"));
    assert_eq!(four.sex_interpreted(), Some(Sex::Male));
    assert_eq!(four.birth_date.as_deref(), Some("419900115"));
    let date = four.birth_date_digits().unwrap();
    assert_eq!(
        (date.era_digit, date.year, date.month, date.day),
        (4, 1990, 1, 15)
    );
    assert_eq!(
        four.address.as_deref(),
        Some("東京都千代田区架空町一丁目二番三号")
    );
    assert_eq!(
        four.address_substitute_positions.as_deref(),
        Some("00000000000000000")
    );
    // The EC card carries the same person.
    let ec =
        BasicFour::from_subject_alt_name(&san_value(&vector("sign-leaf-ec-card.der"))).unwrap();
    assert_eq!(ec, four);
}

#[test]
fn user_authentication_certificates_carry_no_personal_data() {
    // The auth leaf has no SAN at all, or one without basic-four names.
    let cert = Certificate::from_der(&vector("auth-leaf-rsa-card.der")).unwrap();
    let has_four = cert
        .tbs_certificate()
        .extensions()
        .into_iter()
        .flatten()
        .filter(|e| e.extn_id == const_oid::db::rfc5280::ID_CE_SUBJECT_ALT_NAME)
        .any(|e| {
            BasicFour::from_subject_alt_name(e.extn_value.as_bytes())
                .unwrap()
                .is_present()
        });
    assert!(!has_four);
}

#[test]
fn hostile_subject_alt_names_give_typed_errors() {
    assert_eq!(
        BasicFour::from_subject_alt_name(b"\x30\x03\x02\x01"),
        Err(BasicFourError::MalformedSubjectAltName)
    );
    // otherName .5.3 whose value is an INTEGER, not a UTF8String.
    let oid = der::Encode::to_der(&der::asn1::ObjectIdentifier::new_unwrap(
        "1.2.392.200149.8.5.5.3",
    ))
    .unwrap();
    let bad = [
        &[0x30, 0x00, 0xa0, 0x00][..],
        &oid[..],
        &[0xa0, 0x03, 0x02, 0x01, 0x01],
    ]
    .concat();
    let bad_fixed = fix_lengths(&bad);
    assert_eq!(
        BasicFour::from_subject_alt_name(&bad_fixed),
        Err(BasicFourError::NotUtf8String { field: 3 })
    );
    // The same field twice.
    let good = [&oid[..], &[0xa0, 0x03, 0x0c, 0x01, b'1']].concat();
    let entry = [&[0xa0, good.len() as u8][..], &good].concat();
    let twice = [&[0x30, (2 * entry.len()) as u8][..], &entry, &entry].concat();
    assert_eq!(
        BasicFour::from_subject_alt_name(&twice),
        Err(BasicFourError::DuplicateField { field: 3 })
    );
}

/// Recomputes the two outer short-form lengths of `30 LL a0 LL <body>`.
fn fix_lengths(der: &[u8]) -> Vec<u8> {
    let body = &der[4..];
    let inner = [&[0xa0, body.len() as u8][..], body].concat();
    [&[0x30, inner.len() as u8][..], &inner].concat()
}
