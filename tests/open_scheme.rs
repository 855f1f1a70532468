//! The algorithm model is open: a scheme defined outside the crate (here a test-only "pure"
//! scheme with its own key and signature OIDs, no pre-hash, a family the crate does not
//! know) plugs into path validation, CMS and the sunset judge through the public trait
//! alone, with nothing in `path/` or `cms/` aware of it.
//!
//! The scheme is a keyed hash - the signature is SHA-512(public key || message) - so it is
//! trivially forgeable: it exists only to show the seams, never to protect anything.

mod common;

use common::builder::{
    basic_constraints_ca, key_usage_ca, key_usage_ee, oid, seq, simple_name, tlv, uint, utc_time,
};
use jpki_verify::cms::{CmsVerifier, Content, SignerRequirement};
use jpki_verify::policy::CRYPTREC_LS0003;
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{
    AlgorithmFamily, AlgorithmIdentifier, Certificate, Error, HashAlgorithm, PathValidator,
    PreparedKey, PublicKeyInfo, SignatureScheme, SignatureVerificationAlgorithm, TrustAnchor,
    UnixTime, Verdict,
};
use sha2::{Digest, Sha256, Sha512};

/// Under the documentation enterprise number (RFC 5612): never a real algorithm.
const KEY_OID: &str = "1.3.6.1.4.1.32473.1.1";
const SIG_OID: &str = "1.3.6.1.4.1.32473.1.2";
const FAMILY: AlgorithmFamily = AlgorithmFamily::Other("test-keyed-hash");

#[derive(Debug)]
struct KeyedHash;

static KEYED_HASH: KeyedHash = KeyedHash;

fn key_oid() -> der::asn1::ObjectIdentifier {
    der::asn1::ObjectIdentifier::new_unwrap(KEY_OID)
}

fn sig_oid() -> der::asn1::ObjectIdentifier {
    der::asn1::ObjectIdentifier::new_unwrap(SIG_OID)
}

/// The DER of a SubjectPublicKeyInfo up to the 32 key bytes.
fn spki_prefix() -> Vec<u8> {
    let mut spki = toy_spki(&[0; 32]);
    spki.truncate(spki.len() - 32);
    spki
}

impl SignatureVerificationAlgorithm for KeyedHash {
    fn name(&self) -> &'static str {
        "test-keyed-sha512"
    }

    fn scheme(&self) -> SignatureScheme {
        SignatureScheme::Other { family: FAMILY }
    }

    fn hash(&self) -> Option<HashAlgorithm> {
        None // pure: the object takes the whole message
    }

    fn key_info(&self, spki: &[u8]) -> Result<PublicKeyInfo, Error> {
        self.prepare_key(spki).map(|k| k.info())
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier<'static> {
        AlgorithmIdentifier::new(key_oid(), None)
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier<'static> {
        AlgorithmIdentifier::new(sig_oid(), None)
    }

    fn prepare_key(&self, spki: &[u8]) -> Result<PreparedKey, Error> {
        // Exactly the encoding toy_spki writes, or nothing.
        let prefix = spki_prefix();
        if spki.len() != prefix.len() + 32 || !spki.starts_with(&prefix) {
            return Err(Error::MalformedPublicKey);
        }
        let key: [u8; 32] = spki[prefix.len()..].try_into().unwrap();
        Ok(PreparedKey::new(
            PublicKeyInfo::Other { family: FAMILY },
            key,
        ))
    }

    fn verify_prepared(
        &self,
        key: &PreparedKey,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), Error> {
        let key = key
            .downcast_ref::<[u8; 32]>()
            .ok_or(Error::SignatureAlgorithmMismatch)?;
        if signature.len() != 64 {
            return Err(Error::MalformedSignature);
        }
        if toy_sign(key, message)[..] == *signature {
            Ok(())
        } else {
            Err(Error::BadSignature)
        }
    }
}

fn toy_key(seed: u8) -> [u8; 32] {
    [seed; 32]
}

fn toy_spki(key: &[u8; 32]) -> Vec<u8> {
    let mut bits = vec![0u8];
    bits.extend_from_slice(key);
    seq(&[&seq(&[&oid(KEY_OID)]), &tlv(0x03, &bits)])
}

fn toy_sign(key: &[u8; 32], message: &[u8]) -> Vec<u8> {
    let mut h = Sha512::new();
    h.update(key);
    h.update(message);
    h.finalize().to_vec()
}

fn toy_cert(serial: u64, issuer: (&[u8], u8), subject: (&[u8], u8), ca: bool) -> Vec<u8> {
    let alg = seq(&[&oid(SIG_OID)]);
    let extensions = if ca {
        [basic_constraints_ca(None), key_usage_ca()].concat()
    } else {
        key_usage_ee()
    };
    let tbs = seq(&[
        &tlv(0xa0, &uint(2)),
        &uint(serial),
        &alg,
        issuer.0,
        &seq(&[&utc_time("20250101000000"), &utc_time("20351231235959")]),
        subject.0,
        &toy_spki(&toy_key(subject.1)),
        &tlv(0xa3, &tlv(0x30, &extensions)),
    ]);
    let mut bits = vec![0u8];
    bits.extend(toy_sign(&toy_key(issuer.1), &tbs));
    seq(&[&tbs, &alg, &tlv(0x03, &bits)])
}

struct World {
    root: Certificate,
    leaf: Certificate,
    leaf_der: Vec<u8>,
}

fn world() -> World {
    let root_name = simple_name("Keyed-hash Root");
    let leaf_name = simple_name("Keyed-hash Signer");
    let root = toy_cert(1, (&root_name, 1), (&root_name, 1), true);
    let leaf_der = toy_cert(2, (&root_name, 1), (&leaf_name, 2), false);
    World {
        root: Certificate::from_der(&root).unwrap(),
        leaf: Certificate::from_der(&leaf_der).unwrap(),
        leaf_der,
    }
}

fn time() -> UnixTime {
    common::at("2030-06-01T00:00:00Z")
}

/// The RustCrypto backend's algorithms plus the test scheme.
fn algorithms() -> Vec<&'static dyn SignatureVerificationAlgorithm> {
    let mut all = BACKEND.algorithms.to_vec();
    all.push(&KEYED_HASH);
    all
}

#[test]
fn a_path_signed_with_an_outside_scheme_validates() {
    let w = world();
    let anchors = [TrustAnchor::from_certificate(w.root.clone())];
    let algorithms = algorithms();
    let path = PathValidator::new(&algorithms, time())
        .validate(&w.leaf, &[], &anchors)
        .unwrap();
    let entry = &path.entries()[0];
    assert_eq!(entry.algorithm().name(), "test-keyed-sha512");
    assert_eq!(entry.algorithm().family(), FAMILY);
    assert_eq!(entry.signer_key(), PublicKeyInfo::Other { family: FAMILY });

    // Without the object the same path has no algorithm to verify with.
    let err = PathValidator::with_backend(&BACKEND, time())
        .validate(&w.leaf, &[], &anchors)
        .unwrap_err();
    assert_eq!(err, Error::UnsupportedSignatureAlgorithm);

    // A flipped signature bit is a bad signature, found by the outside object.
    let mut tampered = w.leaf_der.clone();
    *tampered.last_mut().unwrap() ^= 1;
    let tampered = Certificate::from_der(&tampered).unwrap();
    let err = PathValidator::new(&algorithms, time())
        .validate(&tampered, &[], &anchors)
        .unwrap_err();
    assert_eq!(err, Error::BadSignature);
}

/// A SignedData with one SignerInfo by the leaf, signed attributes over `content`.
fn signed_data(w: &World, content: &[u8], signed_content: &[u8]) -> Vec<u8> {
    let sha256 = seq(&[&oid("2.16.840.1.101.3.4.2.1")]);
    let id_data = oid("1.2.840.113549.1.7.1");
    let content_type = seq(&[&oid("1.2.840.113549.1.9.3"), &tlv(0x31, &id_data)]);
    let digest = Sha256::digest(signed_content);
    let message_digest = seq(&[
        &oid("1.2.840.113549.1.9.4"),
        &tlv(0x31, &tlv(0x04, &digest)),
    ]);
    let attrs = [content_type, message_digest].concat();
    let signature = toy_sign(&toy_key(2), &tlv(0x31, &attrs));
    let sid = seq(&[w.leaf.issuer().as_der(), &tlv(0x02, w.leaf.serial())]);
    let signer_info = seq(&[
        &uint(1),
        &sid,
        &sha256,
        &tlv(0xa0, &attrs),
        &seq(&[&oid(SIG_OID)]),
        &tlv(0x04, &signature),
    ]);
    let signed = seq(&[
        &uint(1),
        &tlv(0x31, &sha256),
        &seq(&[&id_data, &tlv(0xa0, &tlv(0x04, content))]),
        &tlv(0xa0, &w.leaf_der),
        &tlv(0x31, &signer_info),
    ]);
    seq(&[&oid("1.2.840.113549.1.7.2"), &tlv(0xa0, &signed)])
}

#[test]
fn a_cms_signer_with_an_outside_scheme_verifies_and_counts_for_its_family() {
    let w = world();
    let anchors = [TrustAnchor::from_certificate(w.root.clone())];
    let algorithms = algorithms();
    let validator = PathValidator::new(&algorithms, time());
    let document = signed_data(&w, b"hello", b"hello");
    let families = [FAMILY];
    let report = CmsVerifier::new(validator, &anchors)
        .requirement(SignerRequirement::Families(&families))
        .verify(&document, Content::Attached);
    assert_eq!(report.result, Ok(()));
    let signer = &report.signers[0];
    assert_eq!(signer.family, Some(FAMILY));
    assert_eq!(
        signer.algorithm.map(|a| a.name()),
        Some("test-keyed-sha512")
    );
    assert_eq!(
        signer.public_key,
        Some(PublicKeyInfo::Other { family: FAMILY })
    );
    let path = signer.path.as_ref().unwrap();
    assert!(path.anchor().same_as(&anchors[0]));

    // The content no longer matches the signed digest.
    let tampered = signed_data(&w, b"hellO", b"hello");
    let report = CmsVerifier::new(validator, &anchors).verify(&tampered, Content::Attached);
    assert_eq!(report.result, Err(Error::CmsMessageDigestMismatch));

    // An RSA requirement is not met by this family.
    let rsa = [AlgorithmFamily::Rsa];
    let report = CmsVerifier::new(validator, &anchors)
        .requirement(SignerRequirement::Families(&rsa))
        .verify(&document, Content::Attached);
    assert_eq!(report.result, Err(Error::CmsSignerRequirementNotMet));
}

#[test]
fn the_sunset_judge_refuses_what_its_table_cannot_describe() {
    let w = world();
    let anchors = [TrustAnchor::from_certificate(w.root.clone())];
    let algorithms = algorithms();
    let validator = PathValidator::new(&algorithms, time());
    let document = signed_data(&w, b"hello", b"hello");
    let report = CmsVerifier::new(validator, &anchors)
        .sunset(&CRYPTREC_LS0003)
        .verify(&document, Content::Attached);
    assert_eq!(report.result, Err(Error::CmsAlgorithmRejected));
    let judged = report.signers[0].policy.as_ref().unwrap();
    assert_eq!(judged.verdict, Verdict::Reject);
    // The document signature and the certificate's: each named, none silently passed.
    let undescribed: Vec<&String> = judged
        .findings
        .iter()
        .filter(|f| f.contains("cannot be described"))
        .collect();
    assert_eq!(undescribed.len(), 2, "{:?}", judged.findings);
    assert!(undescribed[0].starts_with("signer 0: test-keyed-sha512"));
}
