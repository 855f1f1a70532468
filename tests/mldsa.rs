//! ML-DSA (FIPS 204) through the RustCrypto backend: Wycheproof verify vectors, the raw
//! API's length and context handling, a PKI whose root, CA, leaf and CRLs are all ML-DSA-65
//! (RFC 9881), and CMS signers (RFC 9882) alone and beside an ECDSA signer.

mod common;
#[path = "common/mldsa_builder.rs"]
mod mldsa_builder;

use common::builder::{
    aki, basic_constraints_ca, ecdsa_sha256, key_id, key_usage_ca, key_usage_ee, oid, seq,
    simple_name, ski, tlv, uint,
};
use jpki_verify::cms::{CmsVerifier, Content, SignerRequirement};
use jpki_verify::rustcrypto::{BACKEND, BACKEND_WITH_LEGACY_RSA, ML_DSA_44, ML_DSA_65, ML_DSA_87};
use jpki_verify::{
    AlgorithmFamily, AlgorithmIdentifier, Backend, Certificate, Crl, CrlSet, Error,
    MlDsaParameterSet, PathValidator, PublicKeyInfo, RevocationMode,
    SignatureVerificationAlgorithm, TrustAnchor, UnixTime,
};
use mldsa_builder::*;
use sha2::{Digest, Sha512};
use wycheproof::TestResult;

// --- Wycheproof -----------------------------------------------------------------------------

#[derive(Default, Debug)]
struct Tally {
    valid: usize,
    invalid: usize,
    with_context: usize,
    unsupported: usize,
    wrong: Vec<String>,
}

/// Every case of mldsa_{44,65,87}_verify_test.json. Cases without a context go through the
/// backend by AlgorithmIdentifier, as a certificate's would; those with one through
/// RustCrypto's `verify_with_context` (aws-lc-rs has no context API: there they are counted
/// as unsupported). Each verdict must equal Wycheproof's.
fn run_wycheproof(backend: &Backend, contexts: bool) -> Tally {
    use wycheproof::mldsa_verify::{TestName, TestSet};
    let mut tally = Tally::default();
    for name in TestName::all() {
        let file = format!("{name:?}");
        let alg = match file.as_str() {
            "MlDsa44Verify" => &ML_DSA_44,
            "MlDsa65Verify" => &ML_DSA_65,
            "MlDsa87Verify" => &ML_DSA_87,
            other => panic!("unexpected set {other}"),
        };
        let set = TestSet::load(name).unwrap();
        for group in set.test_groups {
            for test in &group.tests {
                let got = match test.ctx.as_deref().map(|c| &c[..]) {
                    None | Some([]) => backend
                        .verify_signed_data(
                            &group.der,
                            &alg.signature_alg_id(),
                            &test.msg,
                            &test.sig,
                        )
                        .map(|_| ()),
                    Some(_) if !contexts => {
                        tally.unsupported += 1;
                        continue;
                    }
                    Some(ctx) => {
                        tally.with_context += 1;
                        alg.verify_with_context(&group.der, &test.msg, ctx, &test.sig)
                    }
                };
                let ok = match test.result {
                    TestResult::Valid => {
                        tally.valid += 1;
                        got.is_ok()
                    }
                    // No "acceptable" ML-DSA cases exist; treat any as must-reject.
                    TestResult::Invalid | TestResult::Acceptable => {
                        tally.invalid += 1;
                        got.is_err()
                    }
                };
                if !ok {
                    tally.wrong.push(format!(
                        "{file} tc {}: expected {:?}, got {got:?}",
                        test.tc_id, test.result
                    ));
                }
            }
        }
    }
    eprintln!(
        "wycheproof ML-DSA ({}): {} valid, {} invalid ({} with a context string), {} unsupported, {} wrong",
        backend.name,
        tally.valid,
        tally.invalid,
        tally.with_context,
        tally.unsupported,
        tally.wrong.len()
    );
    assert!(tally.wrong.is_empty(), "{:#?}", tally.wrong);
    assert!(tally.valid > 0 && tally.invalid > 0);
    tally
}

#[test]
fn wycheproof_verify_vectors_give_no_wrong_verdict() {
    let tally = run_wycheproof(&BACKEND, true);
    assert_eq!(tally.unsupported, 0);
}

#[cfg(feature = "aws-lc")]
#[test]
fn wycheproof_verify_vectors_give_no_wrong_verdict_with_aws_lc() {
    run_wycheproof(&jpki_verify::aws_lc::BACKEND, false);
}

// --- The raw API ----------------------------------------------------------------------------

#[test]
fn lengths_contexts_and_parameter_sets_give_their_errors() {
    let key = mldsa_key(7);
    let spki = mldsa_spki(&key);
    let sig = mldsa_signature(b"message", &key);

    assert_eq!(ML_DSA_65.verify_signature(&spki, b"message", &sig), Ok(()));
    assert_eq!(ML_DSA_65.hash(), None);
    assert_eq!(ML_DSA_65.family(), AlgorithmFamily::MlDsa);
    assert_eq!(
        ML_DSA_65.key_info(&spki),
        Ok(PublicKeyInfo::MlDsa {
            parameter_set: MlDsaParameterSet::MlDsa65
        })
    );
    // The key alone tells its parameter set too (no algorithm object needed).
    assert_eq!(PublicKeyInfo::from_spki(&spki), ML_DSA_65.key_info(&spki));
    assert_eq!(ML_DSA_65.family(), AlgorithmFamily::MlDsa);
    assert_eq!(
        ML_DSA_65.verify_signature(&spki, b"messagE", &sig),
        Err(Error::BadSignature)
    );
    // Wrong signature length.
    assert_eq!(
        ML_DSA_65.verify_signature(&spki, b"message", &sig[1..]),
        Err(Error::MalformedSignature)
    );
    assert_eq!(
        ML_DSA_65.verify_signature(&spki, b"message", &[]),
        Err(Error::MalformedSignature)
    );
    // Wrong key length under the right OID, and forbidden NULL parameters.
    let raw = mldsa_public_key(&key);
    let short = spki_with(&mldsa_alg(), &raw[1..]);
    assert_eq!(
        ML_DSA_65.verify_signature(&short, b"message", &sig),
        Err(Error::MalformedPublicKey)
    );
    let with_null = spki_with(&mldsa_alg_null(), &raw);
    assert_eq!(
        ML_DSA_65.verify_signature(&with_null, b"message", &sig),
        Err(Error::MalformedPublicKey)
    );
    // An ML-DSA-65 key under another parameter set's object.
    assert_eq!(
        ML_DSA_44.verify_signature(&spki, b"message", &sig),
        Err(Error::SignatureAlgorithmMismatch)
    );
    // A key prepared by one parameter set is not used by another.
    let prepared = ML_DSA_65.prepare_key(&spki).unwrap();
    assert_eq!(
        ML_DSA_87.verify_prepared(&prepared, b"message", &sig),
        Err(Error::SignatureAlgorithmMismatch)
    );
    // The backend refuses an ML-DSA-44 label over an ML-DSA-65 key, and NULL parameters.
    let id44 = ML_DSA_44.signature_alg_id();
    assert_eq!(
        BACKEND
            .verify_signed_data(&spki, &id44, b"message", &sig)
            .map(|_| ()),
        Err(Error::SignatureAlgorithmMismatch)
    );
    let null_der = mldsa_alg_null();
    let null = AlgorithmIdentifier::from_der(&null_der).unwrap();
    assert_eq!(
        BACKEND
            .verify_signed_data(&spki, &null, b"message", &sig)
            .map(|_| ()),
        Err(Error::UnsupportedSignatureAlgorithm)
    );
    // The legacy-RSA backend has the same ML-DSA objects.
    assert_eq!(
        BACKEND_WITH_LEGACY_RSA
            .verify_signed_data(&spki, &ML_DSA_65.signature_alg_id(), b"message", &sig)
            .map(|a| a.name()),
        Ok("ml-dsa-65")
    );

    // A context string: the signature made under it verifies only under it.
    let ctx_sig = key
        .expanded_key()
        .sign_deterministic(b"message", b"jpki")
        .unwrap()
        .encode()
        .to_vec();
    assert_eq!(
        ML_DSA_65.verify_with_context(&spki, b"message", b"jpki", &ctx_sig),
        Ok(())
    );
    assert_eq!(
        ML_DSA_65.verify_signature(&spki, b"message", &ctx_sig),
        Err(Error::BadSignature)
    );
    assert_eq!(
        ML_DSA_65.verify_with_context(&spki, b"message", b"", &sig),
        Ok(())
    );
    assert_eq!(
        ML_DSA_65.verify_with_context(&spki, b"message", &[0; 256], &sig),
        Err(Error::BadSignature)
    );
}

// --- An ML-DSA-65 PKI -----------------------------------------------------------------------

const ROOT: u8 = 1;
const CA: u8 = 2;
const LEAF: u8 = 3;
const LEAF_SERIAL: u64 = 0x1003;

struct Pki {
    root: Vec<u8>,
    ca: Vec<u8>,
    leaf: Vec<u8>,
    root_crl: Vec<u8>,
    ca_crl: Vec<u8>,
}

fn names() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    (
        simple_name("ML-DSA Root"),
        simple_name("ML-DSA CA"),
        simple_name("ML-DSA Signer"),
    )
}

fn ca_extensions(subject: u8, issuer: u8) -> Vec<Vec<u8>> {
    vec![
        basic_constraints_ca(None),
        key_usage_ca(),
        ski(&key_id(subject.into())),
        aki(&key_id(issuer.into())),
    ]
}

fn ca_cert_with(alg: &[u8], spki: &[u8]) -> Vec<u8> {
    let (root, ca, _) = names();
    mldsa_certificate(
        2,
        alg,
        &root,
        &ca,
        spki,
        &ca_extensions(CA, ROOT),
        &mldsa_key(ROOT),
    )
}

fn leaf_tbs(alg: &[u8]) -> Vec<u8> {
    let (_, ca, leaf) = names();
    mldsa_builder::tbs_certificate(
        LEAF_SERIAL,
        alg,
        &ca,
        &leaf,
        &mldsa_spki(&mldsa_key(LEAF)),
        &[key_usage_ee(), aki(&key_id(CA.into()))],
    )
}

fn pki() -> Pki {
    let (root_name, ca_name, _) = names();
    let root = mldsa_certificate(
        1,
        &mldsa_alg(),
        &root_name,
        &root_name,
        &mldsa_spki(&mldsa_key(ROOT)),
        &ca_extensions(ROOT, ROOT),
        &mldsa_key(ROOT),
    );
    let ca = ca_cert_with(&mldsa_alg(), &mldsa_spki(&mldsa_key(CA)));
    let tbs = leaf_tbs(&mldsa_alg());
    let leaf = assemble(&tbs, &mldsa_alg(), &mldsa_signature(&tbs, &mldsa_key(CA)));
    Pki {
        root,
        ca,
        leaf,
        root_crl: mldsa_crl(&root_name, &[], &mldsa_key(ROOT)),
        ca_crl: mldsa_crl(&ca_name, &[], &mldsa_key(CA)),
    }
}

fn time() -> UnixTime {
    common::at("2026-06-01T00:00:00Z")
}

fn cert(der: &[u8]) -> Certificate {
    Certificate::from_der(der).unwrap()
}

/// Validates `leaf` over `ca` to `root` with both CRLs required.
fn validate(root: &[u8], ca: &[u8], leaf: &[u8], crls: &[&[u8]]) -> Result<(), Error> {
    validate_with(&BACKEND, root, ca, leaf, crls)
}

fn validate_with(
    backend: &Backend,
    root: &[u8],
    ca: &[u8],
    leaf: &[u8],
    crls: &[&[u8]],
) -> Result<(), Error> {
    let anchors = [TrustAnchor::from_certificate(cert(root))];
    let crls: Vec<Crl> = crls.iter().map(|c| Crl::from_der(c).unwrap()).collect();
    let set = CrlSet::new(&crls);
    PathValidator::with_backend(backend, time())
        .revocation(RevocationMode::RequireCurrent, &set)
        .validate(&cert(leaf), &[cert(ca)], &anchors)
        .map(|_| ())
}

/// The same PKI and the same refusals with AWS-LC's ML-DSA.
#[cfg(feature = "aws-lc")]
#[test]
fn the_ml_dsa_pki_validates_with_aws_lc() {
    let aws = &jpki_verify::aws_lc::BACKEND;
    let p = pki();
    let crls: [&[u8]; 2] = [&p.root_crl, &p.ca_crl];
    assert_eq!(validate_with(aws, &p.root, &p.ca, &p.leaf, &crls), Ok(()));
    let mut ca = p.ca.clone();
    *ca.last_mut().unwrap() ^= 0x80;
    assert_eq!(
        validate_with(aws, &p.root, &ca, &p.leaf, &crls),
        Err(Error::BadSignature)
    );
    let mut ca_crl = p.ca_crl.clone();
    *ca_crl.last_mut().unwrap() ^= 0x80;
    assert_eq!(
        validate_with(aws, &p.root, &p.ca, &p.leaf, &[&p.root_crl, &ca_crl]),
        Err(Error::InvalidCrlSignature { index: 0 })
    );
    let key = mldsa_key(7);
    let spki = mldsa_spki(&key);
    let sig = mldsa_signature(b"message", &key);
    let ml_dsa_65 = &jpki_verify::aws_lc::ML_DSA_65;
    assert_eq!(ml_dsa_65.verify_signature(&spki, b"message", &sig), Ok(()));
    assert_eq!(
        ml_dsa_65.verify_signature(&spki, b"message", &sig[1..]),
        Err(Error::MalformedSignature)
    );
    let short = spki_with(&mldsa_alg(), &mldsa_public_key(&key)[1..]);
    assert_eq!(
        ml_dsa_65.verify_signature(&short, b"message", &sig),
        Err(Error::MalformedPublicKey)
    );
}

#[test]
fn an_ml_dsa_path_validates_with_revocation() {
    let p = pki();
    let anchors = [TrustAnchor::from_certificate(cert(&p.root))];
    let crls = [
        Crl::from_der(&p.root_crl).unwrap(),
        Crl::from_der(&p.ca_crl).unwrap(),
    ];
    let set = CrlSet::new(&crls);
    let path = PathValidator::with_backend(&BACKEND, time())
        .revocation(RevocationMode::RequireCurrent, &set)
        .validate(&cert(&p.leaf), &[cert(&p.ca)], &anchors)
        .unwrap();
    assert_eq!(path.entries().len(), 2);
    for entry in path.entries() {
        assert_eq!(entry.algorithm().name(), "ml-dsa-65");
        assert_eq!(
            entry.signer_key(),
            PublicKeyInfo::MlDsa {
                parameter_set: MlDsaParameterSet::MlDsa65
            }
        );
    }
}

#[test]
fn each_tampered_part_of_the_ml_dsa_pki_is_refused() {
    let p = pki();
    let crls: [&[u8]; 2] = [&p.root_crl, &p.ca_crl];

    // A leaf TBS byte (the serial's last octet) changed after signing.
    let tbs = leaf_tbs(&mldsa_alg());
    let sig = mldsa_signature(&tbs, &mldsa_key(CA));
    let mut bad_tbs = tbs.clone();
    let serial = uint(LEAF_SERIAL);
    let at = bad_tbs
        .windows(serial.len())
        .position(|w| w == serial)
        .unwrap()
        + serial.len()
        - 1;
    bad_tbs[at] ^= 0x01;
    let leaf = assemble(&bad_tbs, &mldsa_alg(), &sig);
    assert_eq!(
        validate(&p.root, &p.ca, &leaf, &crls),
        Err(Error::BadSignature)
    );

    // The CA certificate's signature.
    let mut ca = p.ca.clone();
    *ca.last_mut().unwrap() ^= 0x80;
    assert_eq!(
        validate(&p.root, &ca, &p.leaf, &crls),
        Err(Error::BadSignature)
    );

    // A truncated leaf signature is malformed, not merely bad.
    let leaf = assemble(&tbs, &mldsa_alg(), &sig[..sig.len() - 1]);
    assert_eq!(
        validate(&p.root, &p.ca, &leaf, &crls),
        Err(Error::MalformedSignature)
    );

    // The CA's CRL signature: the leaf's revocation status cannot be established.
    let mut ca_crl = p.ca_crl.clone();
    *ca_crl.last_mut().unwrap() ^= 0x80;
    assert_eq!(
        validate(&p.root, &p.ca, &p.leaf, &[&p.root_crl, &ca_crl]),
        Err(Error::InvalidCrlSignature { index: 0 })
    );

    // NULL parameters in the leaf's signature algorithm (both fields, so they agree).
    let tbs_null = leaf_tbs(&mldsa_alg_null());
    let leaf = assemble(
        &tbs_null,
        &mldsa_alg_null(),
        &mldsa_signature(&tbs_null, &mldsa_key(CA)),
    );
    assert_eq!(
        validate(&p.root, &p.ca, &leaf, &crls),
        Err(Error::UnsupportedSignatureAlgorithm)
    );

    // NULL parameters in the CA's key identifier: the CA's key is unusable.
    let ca = ca_cert_with(
        &mldsa_alg(),
        &spki_with(&mldsa_alg_null(), &mldsa_public_key(&mldsa_key(CA))),
    );
    assert_eq!(
        validate(&p.root, &ca, &p.leaf, &crls),
        Err(Error::MalformedPublicKey)
    );

    // Listed on the CA's (ML-DSA-signed) CRL.
    let (_, ca_name, _) = names();
    let revoking = mldsa_crl(&ca_name, &[LEAF_SERIAL], &mldsa_key(CA));
    assert!(matches!(
        validate(&p.root, &p.ca, &p.leaf, &[&p.root_crl, &revoking]),
        Err(Error::Revoked { index: 0, .. })
    ));
}

// --- CMS (RFC 9882) -------------------------------------------------------------------------

const SHA256_ALG: &str = "2.16.840.1.101.3.4.2.1";
const SHA512_ALG: &str = "2.16.840.1.101.3.4.2.3";

/// A SignerInfo over `content` with signed attributes, the signature made by `sign` over
/// the DER SET OF attributes. The digest is SHA-512 for ML-DSA (RFC 9882 3.3) and SHA-256
/// for ecdsa-with-SHA256, which must match its label.
fn signer_info(
    cert: &Certificate,
    signature_alg: &[u8],
    content: &[u8],
    sign: impl Fn(&[u8]) -> Vec<u8>,
) -> Vec<u8> {
    let ecdsa = signature_alg == ecdsa_sha256();
    let (digest_alg, digest) = if ecdsa {
        (SHA256_ALG, sha2::Sha256::digest(content).to_vec())
    } else {
        (SHA512_ALG, Sha512::digest(content).to_vec())
    };
    let digest_alg = seq(&[&oid(digest_alg)]);
    let id_data = oid("1.2.840.113549.1.7.1");
    let content_type = seq(&[&oid("1.2.840.113549.1.9.3"), &tlv(0x31, &id_data)]);
    let message_digest = seq(&[
        &oid("1.2.840.113549.1.9.4"),
        &tlv(0x31, &tlv(0x04, &digest)),
    ]);
    let attrs = [content_type, message_digest].concat();
    let signature = sign(&tlv(0x31, &attrs));
    let sid = seq(&[cert.issuer().as_der(), &tlv(0x02, cert.serial())]);
    seq(&[
        &uint(1),
        &sid,
        &digest_alg,
        &tlv(0xa0, &attrs),
        signature_alg,
        &tlv(0x04, &signature),
    ])
}

fn signed_data(content: &[u8], certificates: &[&[u8]], signer_infos: &[Vec<u8>]) -> Vec<u8> {
    let digests = [seq(&[&oid(SHA256_ALG)]), seq(&[&oid(SHA512_ALG)])].concat();
    let id_data = oid("1.2.840.113549.1.7.1");
    let signed = seq(&[
        &uint(1),
        &tlv(0x31, &digests),
        &seq(&[&id_data, &tlv(0xa0, &tlv(0x04, content))]),
        &tlv(0xa0, &certificates.concat()),
        &tlv(0x31, &signer_infos.concat()),
    ]);
    seq(&[&oid("1.2.840.113549.1.7.2"), &tlv(0xa0, &signed)])
}

fn mldsa_signer_info(p: &Pki, content: &[u8]) -> Vec<u8> {
    signer_info(&cert(&p.leaf), &mldsa_alg(), content, |m| {
        mldsa_signature(m, &mldsa_key(LEAF))
    })
}

#[test]
fn a_cms_signer_with_ml_dsa_verifies_and_a_tampered_one_fails() {
    let p = pki();
    let anchors = [TrustAnchor::from_certificate(cert(&p.root))];
    let validator = PathValidator::with_backend(&BACKEND, time());
    let document = signed_data(
        b"hello",
        &[&p.leaf, &p.ca],
        &[mldsa_signer_info(&p, b"hello")],
    );
    let report = CmsVerifier::new(validator, &anchors).verify(&document, Content::Attached);
    assert_eq!(report.result, Ok(()));
    let signer = &report.signers[0];
    assert_eq!(signer.family, Some(AlgorithmFamily::MlDsa));
    assert_eq!(signer.algorithm.map(|a| a.name()), Some("ml-dsa-65"));

    // A flipped bit in the signature value.
    let mut si = mldsa_signer_info(&p, b"hello");
    *si.last_mut().unwrap() ^= 0x01;
    let tampered = signed_data(b"hello", &[&p.leaf, &p.ca], &[si]);
    let report = CmsVerifier::new(validator, &anchors).verify(&tampered, Content::Attached);
    assert_eq!(report.result, Err(Error::BadSignature));
    assert_eq!(report.signers[0].family, Some(AlgorithmFamily::MlDsa));

    // The content no longer matches the signed digest.
    let tampered = signed_data(
        b"hellO",
        &[&p.leaf, &p.ca],
        &[mldsa_signer_info(&p, b"hello")],
    );
    let report = CmsVerifier::new(validator, &anchors).verify(&tampered, Content::Attached);
    assert_eq!(report.result, Err(Error::CmsMessageDigestMismatch));
}

#[test]
fn a_dual_signed_document_needs_both_ecdsa_and_ml_dsa() {
    use common::builder::{ca_cert, ee_cert, key};
    use p256::ecdsa::{DerSignature, Signature};
    use signature::Signer;

    let p = pki();
    let ec_root_name = simple_name("ECDSA Root");
    let ec_leaf_name = simple_name("ECDSA Signer");
    let ec_root = ca_cert(1, &ec_root_name, 10, &ec_root_name, 10);
    let ec_leaf = ee_cert(2, &ec_root_name, 10, &ec_leaf_name, 11);
    let ecdsa_signer_info = |content: &[u8]| {
        signer_info(&cert(&ec_leaf), &ecdsa_sha256(), content, |m| {
            let s: Signature = key(11).sign(m);
            let der: DerSignature = s.to_der();
            der.as_bytes().to_vec()
        })
    };
    let anchors = [
        TrustAnchor::from_certificate(cert(&ec_root)),
        TrustAnchor::from_certificate(cert(&p.root)),
    ];
    let validator = PathValidator::with_backend(&BACKEND, time());
    let both = [AlgorithmFamily::Ecdsa, AlgorithmFamily::MlDsa];
    let verify = |document: &[u8]| {
        CmsVerifier::new(validator, &anchors)
            .requirement(SignerRequirement::Families(&both))
            .verify(document, Content::Attached)
    };
    let certs: [&[u8]; 3] = [&ec_leaf, &p.leaf, &p.ca];

    let document = signed_data(
        b"dual",
        &certs,
        &[ecdsa_signer_info(b"dual"), mldsa_signer_info(&p, b"dual")],
    );
    let report = verify(&document);
    assert_eq!(
        report.result,
        Ok(()),
        "{:?}",
        report.signers.iter().map(|s| s.result).collect::<Vec<_>>()
    );
    let families: Vec<_> = report.signers.iter().map(|s| s.family).collect();
    assert_eq!(
        families,
        [Some(AlgorithmFamily::Ecdsa), Some(AlgorithmFamily::MlDsa)]
    );

    // The ML-DSA signature broken: the ECDSA one alone does not meet the requirement.
    let mut bad = mldsa_signer_info(&p, b"dual");
    *bad.last_mut().unwrap() ^= 0x01;
    let document = signed_data(b"dual", &certs, &[ecdsa_signer_info(b"dual"), bad]);
    let report = verify(&document);
    assert_eq!(report.result, Err(Error::CmsSignerRequirementNotMet));
    assert_eq!(report.signers[0].result, Ok(()));
    assert_eq!(report.signers[1].result, Err(Error::BadSignature));

    // Only an ECDSA signer: not met either.
    let document = signed_data(b"dual", &certs, &[ecdsa_signer_info(b"dual")]);
    assert_eq!(
        verify(&document).result,
        Err(Error::CmsSignerRequirementNotMet)
    );
}

/// The one sunset judge describes an ML-DSA signer by its parameter set: NIST IR 8547 (the
/// only built-in source that speaks of ML-DSA) accepts it past 2035, when it disallows RSA and
/// ECDSA; CRYPTREC LS-0003 rates no ML-DSA parameter set, so its table does not cover it and
/// the judge refuses rather than guess.
#[test]
fn the_sunset_judge_describes_ml_dsa_by_parameter_set() {
    use jpki_verify::Verdict;
    use jpki_verify::policy::{CRYPTREC_LS0003, NIST_IR8547_DRAFT, Table};
    let p = pki();
    let anchors = [TrustAnchor::from_certificate(cert(&p.root))];
    let document = signed_data(
        b"hello",
        &[&p.leaf, &p.ca],
        &[mldsa_signer_info(&p, b"hello")],
    );
    let judge = |table: &Table, at: &str| {
        let validator = PathValidator::with_backend(&BACKEND, common::at(at));
        CmsVerifier::new(validator, &anchors)
            .sunset(table)
            .verify(&document, Content::Attached)
    };
    let report = judge(&NIST_IR8547_DRAFT, "2036-06-01T00:00:00Z");
    let judged = report.signers[0].policy.as_ref().unwrap();
    assert_eq!(judged.verdict, Verdict::Accept, "{:?}", judged.findings);
    assert!(
        judged.findings.iter().any(|f| f.contains("ML-DSA-65")),
        "{:?}",
        judged.findings
    );

    let report = judge(&CRYPTREC_LS0003, "2028-01-01T00:00:00Z");
    assert_eq!(report.result, Err(Error::CmsAlgorithmRejected));
    let judged = report.signers[0].policy.as_ref().unwrap();
    assert_eq!(judged.verdict, Verdict::Reject);
    assert!(
        judged
            .findings
            .iter()
            .all(|f| !f.contains("cannot be described")),
        "described, then not covered: {:?}",
        judged.findings
    );
}
