//! Conformance against Project Wycheproof, through the crate's public trait only.
//!
//! Every ECDSA secp256r1/secp384r1 file (DER and P1363), every RSA PKCS#1 v1.5 signature
//! file (2048-8192 bits) and every RSA-PSS file is run. A case is one of:
//! - checked: our algorithm exists; the verdict must equal Wycheproof's;
//! - refused: the file's hash (SHA-224, SHA-512/t, SHA-3, SHAKE), a PSS MGF1 hash that
//!   differs from the message hash, or SHA-1 PSS is outside what this crate offers; we assert
//!   the refusal is the typed "unsupported"/"invalid parameters" error, never a verdict.
//!
//! "acceptable" cases: the only ones in scope are PKCS#1 v1.5 DigestInfo without the NULL
//! parameter (flag MissingNull); we reject them, as RFC 8017 9.2 note 1 allows and as
//! BoringSSL and webpki do. The test asserts that decision.

use der::Encode;
use der::asn1::ObjectIdentifier;
use jpki_verify::{AlgorithmIdentifier, Backend, Error};
use wycheproof::{HashFunction, TestResult};

#[derive(Default, Debug)]
struct Tally {
    checked: usize,
    refused: usize,
    acceptable_rejected: usize,
    wrong: Vec<String>,
}

impl Tally {
    fn record(&mut self, file: &str, tc_id: usize, expected: TestResult, got: Result<(), Error>) {
        self.checked += 1;
        let ok = match expected {
            TestResult::Valid => got.is_ok(),
            TestResult::Invalid => got.is_err(),
            TestResult::Acceptable => {
                self.acceptable_rejected += usize::from(got.is_err());
                got.is_err()
            }
        };
        if !ok {
            self.wrong.push(format!(
                "{file} tc {tc_id}: expected {expected:?}, got {got:?}"
            ));
        }
    }

    fn refuse(&mut self, file: &str, tc_id: usize, got: Result<(), Error>) {
        self.refused += 1;
        if !matches!(
            got,
            Err(Error::UnsupportedSignatureAlgorithm | Error::InvalidRsaPssParameters)
        ) {
            self.wrong.push(format!(
                "{file} tc {tc_id}: expected a refusal, got {got:?}"
            ));
        }
    }
}

fn hash_name(h: HashFunction) -> Option<&'static str> {
    match h {
        HashFunction::Sha1 => Some("sha1"),
        HashFunction::Sha2_256 => Some("sha256"),
        HashFunction::Sha2_384 => Some("sha384"),
        HashFunction::Sha2_512 => Some("sha512"),
        _ => None,
    }
}

fn oid(s: &str) -> ObjectIdentifier {
    ObjectIdentifier::new(s).unwrap()
}

/// The signature AlgorithmIdentifier OID a certificate would carry for an ECDSA hash.
fn ecdsa_oid(h: HashFunction) -> ObjectIdentifier {
    oid(match h {
        HashFunction::Sha2_256 => "1.2.840.10045.4.3.2",
        HashFunction::Sha2_384 => "1.2.840.10045.4.3.3",
        HashFunction::Sha2_512 => "1.2.840.10045.4.3.4",
        HashFunction::Sha3_256 => "2.16.840.1.101.3.4.3.10",
        HashFunction::Sha3_384 => "2.16.840.1.101.3.4.3.11",
        HashFunction::Sha3_512 => "2.16.840.1.101.3.4.3.12",
        HashFunction::Shake128 => "1.3.6.1.5.5.7.6.32",
        HashFunction::Shake256 => "1.3.6.1.5.5.7.6.33",
        other => panic!("no ECDSA OID for {other:?}"),
    })
}

fn rsa_pkcs1_oid(h: HashFunction) -> ObjectIdentifier {
    oid(match h {
        HashFunction::Sha1 => "1.2.840.113549.1.1.5",
        HashFunction::Sha2_224 => "1.2.840.113549.1.1.14",
        HashFunction::Sha2_256 => "1.2.840.113549.1.1.11",
        HashFunction::Sha2_384 => "1.2.840.113549.1.1.12",
        HashFunction::Sha2_512 => "1.2.840.113549.1.1.13",
        HashFunction::Sha2_512_224 => "1.2.840.113549.1.1.15",
        HashFunction::Sha2_512_256 => "1.2.840.113549.1.1.16",
        HashFunction::Sha3_224 => "2.16.840.1.101.3.4.3.13",
        HashFunction::Sha3_256 => "2.16.840.1.101.3.4.3.14",
        HashFunction::Sha3_384 => "2.16.840.1.101.3.4.3.15",
        HashFunction::Sha3_512 => "2.16.840.1.101.3.4.3.16",
        other => panic!("no RSA OID for {other:?}"),
    })
}

fn hash_oid(h: HashFunction) -> ObjectIdentifier {
    oid(match h {
        HashFunction::Sha1 => "1.3.14.3.2.26",
        HashFunction::Sha2_224 => "2.16.840.1.101.3.4.2.4",
        HashFunction::Sha2_256 => "2.16.840.1.101.3.4.2.1",
        HashFunction::Sha2_384 => "2.16.840.1.101.3.4.2.2",
        HashFunction::Sha2_512 => "2.16.840.1.101.3.4.2.3",
        HashFunction::Sha2_512_224 => "2.16.840.1.101.3.4.2.5",
        HashFunction::Sha2_512_256 => "2.16.840.1.101.3.4.2.6",
        other => panic!("no hash OID for {other:?}"),
    })
}

fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    match body.len() {
        n if n < 0x80 => out.push(n as u8),
        n if n < 0x100 => out.extend([0x81, n as u8]),
        n => out.extend([0x82, (n >> 8) as u8, n as u8]),
    }
    out.extend_from_slice(body);
    out
}

/// DER RSASSA-PSS-params for (hash, MGF1 hash, salt), written field by field.
fn pss_params(hash: HashFunction, mgf: HashFunction, salt: usize) -> Vec<u8> {
    let hash_id = |h| tlv(0x30, &[hash_oid(h).to_der().unwrap(), vec![5, 0]].concat());
    let mgf_id = tlv(
        0x30,
        &[oid("1.2.840.113549.1.1.8").to_der().unwrap(), hash_id(mgf)].concat(),
    );
    let salt_int = {
        let mut bytes = (salt as u32).to_be_bytes().to_vec();
        while bytes.len() > 1 && bytes[0] == 0 && bytes[1] & 0x80 == 0 {
            bytes.remove(0);
        }
        if bytes[0] & 0x80 != 0 {
            bytes.insert(0, 0);
        }
        tlv(0x02, &bytes)
    };
    tlv(
        0x30,
        &[
            tlv(0xa0, &hash_id(hash)),
            tlv(0xa1, &mgf_id),
            tlv(0xa2, &salt_int),
        ]
        .concat(),
    )
}

fn run_ecdsa(backend: &Backend, tally: &mut Tally) {
    use wycheproof::ecdsa::{TestName, TestSet};
    for name in TestName::all() {
        let file = format!("{name:?}");
        let curve = if file.contains("Secp256r1") {
            "p256"
        } else if file.contains("Secp384r1") {
            "p384"
        } else {
            continue;
        };
        let p1363 = file.ends_with("P1363");
        let set = TestSet::load(name).unwrap();
        for group in set.test_groups {
            let alg_name = hash_name(group.hash)
                .map(|h| format!("ecdsa-{curve}-{h}{}", if p1363 { "-p1363" } else { "" }));
            let alg = alg_name.as_deref().and_then(|n| backend.by_name(n));
            for test in &group.tests {
                match alg {
                    Some(alg) => {
                        let got = alg.verify_signature(&group.der, &test.msg, &test.sig);
                        tally.record(&file, test.tc_id, test.result, got);
                    }
                    None if p1363 => {
                        // No identifier exists for raw signatures: the name must be unknown.
                        assert!(alg_name.is_none(), "{file}: missing algorithm {alg_name:?}");
                        tally.refused += 1;
                    }
                    None => {
                        let id = AlgorithmIdentifier::new(ecdsa_oid(group.hash), None);
                        let got = backend.verify_signed_data(&group.der, &id, &test.msg, &test.sig);
                        tally.refuse(&file, test.tc_id, got.map(|_| ()));
                    }
                }
            }
        }
    }
}

fn run_rsa_pkcs1(backend: &Backend, tally: &mut Tally) {
    use wycheproof::rsa_pkcs1_verify::{TestName, TestSet};
    for name in TestName::all() {
        let file = format!("{name:?}");
        let set = TestSet::load(name).unwrap();
        for group in set.test_groups {
            let alg =
                hash_name(group.hash).and_then(|h| backend.by_name(&format!("rsa-pkcs1-{h}")));
            let id = AlgorithmIdentifier::new(rsa_pkcs1_oid(group.hash), Some(&[5, 0]));
            for test in &group.tests {
                let got = backend
                    .verify_signed_data(&group.der, &id, &test.msg, &test.sig)
                    .map(|used| assert_eq!(Some(used.name()), alg.map(|a| a.name())));
                if alg.is_some() {
                    tally.record(&file, test.tc_id, test.result, got);
                } else {
                    tally.refuse(&file, test.tc_id, got);
                }
            }
        }
    }
}

fn run_rsa_pss(backend: &Backend, pss_any_salt: bool, tally: &mut Tally) {
    use wycheproof::rsa_pss_verify::{TestName, TestSet};
    for name in TestName::all() {
        let file = format!("{name:?}");
        let set = TestSet::load(name).unwrap();
        for group in set.test_groups {
            let mgf = group.mgf_hash.unwrap_or(group.hash);
            let supported = matches!(
                group.hash,
                HashFunction::Sha2_256 | HashFunction::Sha2_384 | HashFunction::Sha2_512
            ) && mgf == group.hash
                && (pss_any_salt || hash_len(group.hash) == group.salt_size);
            let is_sha2 = |h| {
                matches!(
                    h,
                    HashFunction::Sha1
                        | HashFunction::Sha2_224
                        | HashFunction::Sha2_256
                        | HashFunction::Sha2_384
                        | HashFunction::Sha2_512
                        | HashFunction::Sha2_512_224
                        | HashFunction::Sha2_512_256
                )
            };
            if !is_sha2(group.hash) || !is_sha2(mgf) {
                // SHAKE-based PSS has no MGF1 parameters to express: no identifier exists.
                tally.refused += group.tests.len();
                continue;
            }
            let params = pss_params(group.hash, mgf, group.salt_size);
            let id = AlgorithmIdentifier::new(oid("1.2.840.113549.1.1.10"), Some(&params));
            for test in &group.tests {
                let got = backend
                    .verify_signed_data(&group.der, &id, &test.msg, &test.sig)
                    .map(|_| ());
                if supported {
                    tally.record(&file, test.tc_id, test.result, got);
                } else {
                    tally.refuse(&file, test.tc_id, got);
                }
            }
        }
    }
}

fn hash_len(h: HashFunction) -> usize {
    match h {
        HashFunction::Sha2_256 => 32,
        HashFunction::Sha2_384 => 48,
        HashFunction::Sha2_512 => 64,
        _ => 0,
    }
}

/// Runs every file against one backend and asserts zero wrong verdicts.
fn check_backend(backend: &Backend, pss_any_salt: bool) {
    let mut ecdsa = Tally::default();
    let mut pkcs1 = Tally::default();
    let mut pss = Tally::default();
    run_ecdsa(backend, &mut ecdsa);
    run_rsa_pkcs1(backend, &mut pkcs1);
    run_rsa_pss(backend, pss_any_salt, &mut pss);
    let name = backend.name;
    for (family, t) in [
        ("ECDSA P-256/P-384", &ecdsa),
        ("RSA PKCS#1 v1.5", &pkcs1),
        ("RSA-PSS", &pss),
    ] {
        println!(
            "wycheproof [{name}] {family}: {} checked, {} refused as unsupported, {} acceptable rejected, {} wrong",
            t.checked,
            t.refused,
            t.acceptable_rejected,
            t.wrong.len()
        );
    }
    let checked = ecdsa.checked + pkcs1.checked + pss.checked;
    let wrong: Vec<_> = [ecdsa.wrong, pkcs1.wrong, pss.wrong].concat();
    println!(
        "wycheproof [{name}] total: {checked} vectors checked, {} wrong verdicts",
        wrong.len()
    );
    assert!(
        wrong.is_empty(),
        "[{name}] wrong verdicts:\n{}",
        wrong.join("\n")
    );
    assert!(checked >= 7000, "[{name}] only {checked} vectors checked");
}

#[test]
fn rustcrypto_backend_gives_no_wrong_verdict() {
    check_backend(&jpki_verify::rustcrypto::BACKEND, true);
}

/// aws-lc-rs fixes the PSS salt to the hash length: other salts are refused, not judged.
#[cfg(feature = "aws-lc")]
#[test]
fn aws_lc_backend_gives_no_wrong_verdict() {
    check_backend(&jpki_verify::aws_lc::BACKEND, false);
}
