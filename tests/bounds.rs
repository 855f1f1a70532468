//! Every resource bound of the library: just over it, the bound's own error; at it (where
//! that is cheap to build), no error from the bound. Inputs are generated here.
//!
//! | bound | error |
//! | --- | --- |
//! | `MAX_CERTIFICATE_LEN` | `CertificateTooLarge` |
//! | `MAX_EXTENSIONS` (certificates, CRLs, CRL entries) | `TooManyExtensions` |
//! | `MAX_POLICIES_PER_CERTIFICATE` (policies, mappings) | `TooManyPolicies` |
//! | `MAX_CRL_LEN` | `CrlTooLarge` |
//! | `MAX_CRL_ENTRIES` | `TooManyCrlEntries` |
//! | `MAX_RSA_MODULUS_BITS` | `RsaKeyTooLarge` |
//! | `MAX_NAME_CONSTRAINT_COMPARISONS` | `TooManyNameConstraintComparisons` |
//! | `MAX_INTERMEDIATES` | `TooManyIntermediates` |
//! | `MAX_CRL_SIGNER_NESTING` | `MaximumCrlSignerNestingExceeded` |
//! | `Budget` (signatures, steps, path length) | `MaximumSignatureChecksExceeded`, `MaximumPathBuildStepsExceeded`, `MaximumPathDepthExceeded` |
//! | `cms::MAX_*` | `CmsInputTooLarge`, `CmsTooManySigners`, `CmsTooManyAttributes`, `CmsTooManyCertificates`, `CmsTooManyCrls`, `CmsTooManyDigestAlgorithms` |
//! | `jpki::MAX_SAN_ENTRIES` | `BasicFourError::TooManyEntries` |
//! | `policy::MAX_TABLE_LEN`, `MAX_RULES`, `MAX_EQUIVALENCE_CLASSES` | kinds `TooLarge`, `TooManyRules`, `TooManyEquivalenceClasses` |

#[path = "common/cms_helpers.rs"]
mod cms_helpers;
mod common;

use cms_helpers::{Node, SignedDataTree, case, dummy_attribute, read, unsigned_attrs_mut};
use common::builder::{
    Spec, ca_cert, certificate, crl, ecdsa_sha256, ee_cert, extension, key, key_id, key_usage_ca,
    oid, seq, simple_name, spki, tlv, uint, utc_time,
};
use jpki_verify::cms::{
    MAX_ATTRIBUTES, MAX_CERTIFICATES, MAX_CRLS, MAX_DIGEST_ALGORITHMS, MAX_INPUT_LEN, MAX_SIGNERS,
};
use jpki_verify::jpki::{BasicFour, BasicFourError, MAX_SAN_ENTRIES};
use jpki_verify::policy::{
    MAX_EQUIVALENCE_CLASSES, MAX_RULES, MAX_TABLE_LEN, PolicyTableErrorKind, Table,
};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{
    Budget, Certificate, Crl, CrlSet, Error, MAX_CERTIFICATE_LEN, MAX_CRL_ENTRIES, MAX_CRL_LEN,
    MAX_CRL_SIGNER_NESTING, MAX_EXTENSIONS, MAX_INTERMEDIATES, MAX_NAME_CONSTRAINT_COMPARISONS,
    MAX_POLICIES_PER_CERTIFICATE, MAX_RSA_MODULUS_BITS, PathValidator, RevocationMode, TrustAnchor,
    UnixTime,
};

fn now() -> UnixTime {
    common::at("2025-06-01T00:00:00Z")
}

const ROOT_SEED: u32 = 1;

fn root_name() -> Vec<u8> {
    simple_name("Bounds Root")
}

fn root_anchor() -> TrustAnchor {
    TrustAnchor::from_subject_and_spki(&root_name(), &spki(&key(ROOT_SEED))).unwrap()
}

/// An end-entity certificate issued by the root with these extra extensions.
fn leaf_with(extensions: Vec<Vec<u8>>) -> Vec<u8> {
    certificate(
        &Spec {
            serial: 7,
            issuer: &root_name(),
            subject: &simple_name("Bounds Leaf"),
            not_before: "20200101000000",
            not_after: "20401231235959",
            subject_key: &key(2),
            extensions,
        },
        &key(ROOT_SEED),
    )
}

/// A distinct non-critical private extension.
fn private_extension(n: usize) -> Vec<u8> {
    extension(&format!("1.3.6.1.4.1.99999.{n}"), false, &[0x05, 0x00])
}

fn revoked_entry(serial: u64, extensions: &[Vec<u8>]) -> Vec<u8> {
    let mut parts = vec![uint(serial), utc_time("20240101000000")];
    if !extensions.is_empty() {
        parts.push(tlv(0x30, &extensions.concat()));
    }
    tlv(0x30, &parts.concat())
}

// ---------------------------------------------------------------------------------------
// Certificates
// ---------------------------------------------------------------------------------------

#[test]
fn certificate_length() {
    // A certificate padded (in an unknown extension) to exactly the limit parses. The
    // signature is a fixed dummy, so that the length only depends on the padding.
    let build = |pad: usize, signature_len: usize| {
        let alg = ecdsa_sha256();
        let tbs = seq(&[
            &tlv(0xa0, &uint(2)),
            &uint(7),
            &alg,
            &root_name(),
            &seq(&[&utc_time("20200101000000"), &utc_time("20401231235959")]),
            &simple_name("Padded"),
            &spki(&key(2)),
            &tlv(
                0xa3,
                &seq(&[&extension("1.3.6.1.4.1.99999.1", false, &vec![0; pad])]),
            ),
        ]);
        seq(&[&tbs, &alg, &tlv(0x03, &vec![0; signature_len])])
    };
    let mut pad = MAX_CERTIFICATE_LEN - build(0, 72).len();
    let mut der = build(pad, 72);
    while der.len() > MAX_CERTIFICATE_LEN {
        pad -= der.len() - MAX_CERTIFICATE_LEN;
        der = build(pad, 72);
    }
    // A length octet fewer at the 64 KiB boundary: make up with signature octets.
    der = build(pad, 72 + MAX_CERTIFICATE_LEN - der.len());
    assert_eq!(der.len(), MAX_CERTIFICATE_LEN);
    assert!(Certificate::from_der(&der).is_ok());
    der.push(0);
    assert_eq!(Certificate::from_der(&der), Err(Error::CertificateTooLarge));
    assert_eq!(
        Certificate::from_der(&vec![0x30; MAX_CERTIFICATE_LEN + 1]),
        Err(Error::CertificateTooLarge)
    );
}

#[test]
fn certificate_extensions() {
    let at = leaf_with((0..MAX_EXTENSIONS).map(private_extension).collect());
    assert_eq!(
        Certificate::from_der(&at).unwrap().extensions().count(),
        MAX_EXTENSIONS
    );
    let over = leaf_with((0..=MAX_EXTENSIONS).map(private_extension).collect());
    assert_eq!(Certificate::from_der(&over), Err(Error::TooManyExtensions));
}

fn policies_extension(n: usize) -> Vec<u8> {
    let infos: Vec<Vec<u8>> = (0..n)
        .map(|i| seq(&[&oid(&format!("1.3.6.1.4.1.99999.7.{i}"))]))
        .collect();
    extension("2.5.29.32", false, &tlv(0x30, &infos.concat()))
}

fn mappings_extension(n: usize) -> Vec<u8> {
    let maps: Vec<Vec<u8>> = (0..n)
        .map(|i| {
            seq(&[
                &oid(&format!("1.3.6.1.4.1.99999.7.{i}")),
                &oid(&format!("1.3.6.1.4.1.99999.8.{i}")),
            ])
        })
        .collect();
    extension("2.5.29.33", true, &tlv(0x30, &maps.concat()))
}

#[test]
fn certificate_policies_and_mappings() {
    let at = Certificate::from_der(&leaf_with(vec![policies_extension(
        MAX_POLICIES_PER_CERTIFICATE,
    )]));
    assert_eq!(
        at.unwrap().policies().unwrap().len(),
        MAX_POLICIES_PER_CERTIFICATE
    );
    assert_eq!(
        Certificate::from_der(&leaf_with(vec![policies_extension(
            MAX_POLICIES_PER_CERTIFICATE + 1
        )])),
        Err(Error::TooManyPolicies)
    );
    // An empty list is malformed, not "too many".
    assert_eq!(
        Certificate::from_der(&leaf_with(vec![policies_extension(0)])),
        Err(Error::MalformedExtension)
    );

    let at = Certificate::from_der(&leaf_with(vec![mappings_extension(
        MAX_POLICIES_PER_CERTIFICATE,
    )]));
    assert_eq!(
        at.unwrap().policy_mappings().unwrap().len(),
        MAX_POLICIES_PER_CERTIFICATE
    );
    assert_eq!(
        Certificate::from_der(&leaf_with(vec![mappings_extension(
            MAX_POLICIES_PER_CERTIFICATE + 1
        )])),
        Err(Error::TooManyPolicies)
    );
    assert_eq!(
        Certificate::from_der(&leaf_with(vec![mappings_extension(0)])),
        Err(Error::MalformedExtension)
    );
}

#[test]
fn rsa_modulus_bits() {
    let rsa_spki = |modulus_bytes: usize| {
        let mut n = vec![0u8];
        n.extend(std::iter::repeat_n(0xff, modulus_bytes));
        let key = seq(&[&tlv(0x02, &n), &tlv(0x02, &[1, 0, 1])]);
        let mut bits = vec![0];
        bits.extend(key);
        seq(&[
            &seq(&[&oid("1.2.840.113549.1.1.1"), &[0x05, 0x00]]),
            &tlv(0x03, &bits),
        ])
    };
    let alg = BACKEND.by_name("rsa-pkcs1-sha256").unwrap();
    let bytes = (MAX_RSA_MODULUS_BITS / 8) as usize;
    assert!(alg.prepare_key(&rsa_spki(bytes)).is_ok());
    assert_eq!(
        alg.prepare_key(&rsa_spki(bytes + 1)).err(),
        Some(Error::RsaKeyTooLarge {
            bits: MAX_RSA_MODULUS_BITS + 8
        })
    );
}

// ---------------------------------------------------------------------------------------
// CRLs
// ---------------------------------------------------------------------------------------

#[test]
fn crl_length() {
    let at = vec![0u8; MAX_CRL_LEN];
    assert_eq!(Crl::from_der(&at).err(), Some(Error::MalformedCrl));
    let over = vec![0u8; MAX_CRL_LEN + 1];
    assert_eq!(Crl::from_der(&over).err(), Some(Error::CrlTooLarge));
    // The owning constructor applies the same bound.
    assert_eq!(Crl::from_der_owned(at).err(), Some(Error::MalformedCrl));
    assert_eq!(Crl::from_der_owned(over).err(), Some(Error::CrlTooLarge));
}

#[test]
fn crl_extensions_and_entry_extensions() {
    let exts: Vec<Vec<u8>> = (0..=MAX_EXTENSIONS).map(private_extension).collect();
    let at = crl(&root_name(), ROOT_SEED, None, &exts[..MAX_EXTENSIONS]);
    assert!(Crl::from_der(&at).is_ok());
    let over = crl(&root_name(), ROOT_SEED, None, &exts);
    assert_eq!(Crl::from_der(&over).err(), Some(Error::TooManyExtensions));

    let at = crl(
        &root_name(),
        ROOT_SEED,
        Some(&revoked_entry(9, &exts[..MAX_EXTENSIONS])),
        &[],
    );
    assert_eq!(Crl::from_der(&at).unwrap().revoked_count(), 1);
    let over = crl(&root_name(), ROOT_SEED, Some(&revoked_entry(9, &exts)), &[]);
    assert_eq!(Crl::from_der(&over).err(), Some(Error::TooManyExtensions));
}

#[test]
fn crl_entries() {
    let entry = revoked_entry(1, &[]);
    let at = crl(
        &root_name(),
        ROOT_SEED,
        Some(&entry.repeat(MAX_CRL_ENTRIES)),
        &[],
    );
    assert_eq!(Crl::from_der(&at).unwrap().revoked_count(), MAX_CRL_ENTRIES);
    drop(at);
    let over = crl(
        &root_name(),
        ROOT_SEED,
        Some(&entry.repeat(MAX_CRL_ENTRIES + 1)),
        &[],
    );
    assert_eq!(Crl::from_der(&over).err(), Some(Error::TooManyCrlEntries));
}

// ---------------------------------------------------------------------------------------
// Path building
// ---------------------------------------------------------------------------------------

#[test]
fn intermediates() {
    let ca_name = simple_name("Bounds CA");
    let ca = Certificate::from_der(&ca_cert(3, &root_name(), ROOT_SEED, &ca_name, 3)).unwrap();
    let leaf = Certificate::from_der(&ee_cert(4, &ca_name, 3, &simple_name("L"), 4)).unwrap();
    let anchors = [root_anchor()];
    let validator = PathValidator::with_backend(&BACKEND, now());
    let at = vec![ca.clone(); MAX_INTERMEDIATES];
    assert!(validator.validate(&leaf, &at, &anchors).is_ok());
    let over = vec![ca; MAX_INTERMEDIATES + 1];
    assert_eq!(
        validator.validate(&leaf, &over, &anchors).err(),
        Some(Error::TooManyIntermediates)
    );
}

#[test]
fn name_constraint_comparisons() {
    // A CA excluding `subtrees` DNS names that never match, and a leaf with `names` DNS
    // names: exactly subtrees x names comparisons.
    const SUBTREES: usize = 2500;
    let excluded: Vec<Vec<u8>> = (0..SUBTREES)
        .map(|i| seq(&[&tlv(0x82, format!("x{i}.invalid").as_bytes())]))
        .collect();
    let nc = extension("2.5.29.30", true, &seq(&[&tlv(0xa1, &excluded.concat())]));
    let ca_name = simple_name("Constrained CA");
    let ca_der = certificate(
        &Spec {
            serial: 3,
            issuer: &root_name(),
            subject: &ca_name,
            not_before: "20200101000000",
            not_after: "20401231235959",
            subject_key: &key(3),
            extensions: vec![
                common::builder::basic_constraints_ca(None),
                key_usage_ca(),
                nc,
            ],
        },
        &key(ROOT_SEED),
    );
    let ca = Certificate::from_der(&ca_der).unwrap();
    let leaf = |names: usize| {
        let san: Vec<Vec<u8>> = (0..names)
            .map(|i| tlv(0x82, format!("n{i}.example.jp").as_bytes()))
            .collect();
        let der = certificate(
            &Spec {
                serial: 4,
                issuer: &ca_name,
                subject: &simple_name("Many Names"),
                not_before: "20200101000000",
                not_after: "20401231235959",
                subject_key: &key(4),
                extensions: vec![extension("2.5.29.17", false, &tlv(0x30, &san.concat()))],
            },
            &key(3),
        );
        Certificate::from_der(&der).unwrap()
    };
    let names_at_bound = MAX_NAME_CONSTRAINT_COMPARISONS as usize / SUBTREES;
    assert_eq!(
        names_at_bound * SUBTREES,
        MAX_NAME_CONSTRAINT_COMPARISONS as usize
    );
    let anchors = [root_anchor()];
    let validator = PathValidator::with_backend(&BACKEND, now());
    let intermediates = [ca];
    assert!(
        validator
            .validate(&leaf(names_at_bound), &intermediates, &anchors)
            .is_ok()
    );
    assert_eq!(
        validator
            .validate(&leaf(names_at_bound + 1), &intermediates, &anchors)
            .err(),
        Some(Error::TooManyNameConstraintComparisons)
    );
}

/// Signer `k`'s certificate: issued by the root, allowed to sign CRLs, and (below the last)
/// pointing at signer `k + 1` as the issuer of the CRL that covers it.
fn signer_name(k: usize) -> Vec<u8> {
    simple_name(&format!("CRL Signer {k}"))
}

fn crl_dp_by(k: usize) -> Vec<u8> {
    // DistributionPoint { cRLIssuer [2] { directoryName [4] Name } }
    extension(
        "2.5.29.31",
        false,
        &seq(&[&seq(&[&tlv(0xa2, &tlv(0xa4, &signer_name(k)))])]),
    )
}

fn indirect_crl_by(k: usize) -> Vec<u8> {
    // issuingDistributionPoint { indirectCRL [4] TRUE }
    let idp = extension("2.5.29.28", true, &seq(&[&tlv(0x84, &[0xff])]));
    crl(&signer_name(k), 100 + k as u32, Some(&[]), &[idp])
}

/// A leaf whose CRL is signed by signer 1, whose CRL is signed by signer 2, and so on for
/// `depth` signers (the last one's status comes from the root's own CRL).
fn nested_signers(depth: usize) -> Result<(), Error> {
    let mut intermediates = Vec::new();
    for k in 1..=depth {
        let mut extensions = vec![extension("2.5.29.15", true, &tlv(0x03, &[0x01, 0x02]))];
        if k < depth {
            extensions.push(crl_dp_by(k + 1));
        }
        let der = certificate(
            &Spec {
                serial: 1000 + k as u64,
                issuer: &root_name(),
                subject: &signer_name(k),
                not_before: "20200101000000",
                not_after: "20401231235959",
                subject_key: &key(100 + k as u32),
                extensions,
            },
            &key(ROOT_SEED),
        );
        intermediates.push(Certificate::from_der(&der).unwrap());
    }
    let leaf = Certificate::from_der(&leaf_with(vec![crl_dp_by(1)])).unwrap();
    let mut crls: Vec<Crl> = (1..=depth)
        .map(|k| Crl::from_der(&indirect_crl_by(k)).unwrap())
        .collect();
    crls.push(Crl::from_der(&crl(&root_name(), ROOT_SEED, None, &[])).unwrap());
    let set = CrlSet::new(&crls);
    PathValidator::with_backend(&BACKEND, now())
        .revocation(RevocationMode::RequireCurrent, &set)
        .validate(&leaf, &intermediates, &[root_anchor()])
        .map(|_| ())
}

#[test]
fn crl_signer_nesting() {
    // Signer 1 is checked at nesting level 0 ... signer MAX at level MAX - 1: allowed.
    assert_eq!(nested_signers(MAX_CRL_SIGNER_NESTING), Ok(()));
    assert_eq!(
        nested_signers(MAX_CRL_SIGNER_NESTING + 1),
        Err(Error::MaximumCrlSignerNestingExceeded)
    );
}

#[test]
fn path_budget() {
    // A chain of three CAs and a leaf needs 4 signatures, 4 steps and a path of 4.
    let names: Vec<Vec<u8>> = (0..3)
        .map(|i| simple_name(&format!("Chain CA {i}")))
        .collect();
    let mut intermediates = Vec::new();
    let mut issuer = (root_name(), ROOT_SEED);
    for (i, name) in names.iter().enumerate() {
        let seed = 10 + i as u32;
        let der = ca_cert(20 + i as u64, &issuer.0, issuer.1, name, seed);
        intermediates.push(Certificate::from_der(&der).unwrap());
        issuer = (name.clone(), seed);
    }
    let leaf =
        Certificate::from_der(&ee_cert(30, &issuer.0, issuer.1, &simple_name("L"), 40)).unwrap();
    let anchors = [root_anchor()];
    let run = |budget: Budget| {
        PathValidator::with_backend(&BACKEND, now())
            .budget(budget)
            .validate(&leaf, &intermediates, &anchors)
            .map(|_| ())
    };
    assert_eq!(run(Budget::new(4, 4, 4)), Ok(()));
    assert_eq!(
        run(Budget::new(3, 4, 4)),
        Err(Error::MaximumSignatureChecksExceeded)
    );
    assert_eq!(
        run(Budget::new(4, 3, 4)),
        Err(Error::MaximumPathBuildStepsExceeded)
    );
    assert_eq!(
        run(Budget::new(4, 4, 3)),
        Err(Error::MaximumPathDepthExceeded)
    );
    let _ = key_id(0);
}

// ---------------------------------------------------------------------------------------
// CMS (tests/cms.rs checks each at the limit too, with the document still verifying)
// ---------------------------------------------------------------------------------------

#[test]
fn cms_counts() {
    let case = case("rsa-card-attached");
    let result = |tree: &SignedDataTree| case.run_on(&tree.encode()).result;

    let mut tree = SignedDataTree::parse(&case.signed);
    let signer = tree.signer_infos().kids()[0].clone();
    *tree.signer_infos_mut().kids_mut() = vec![signer; MAX_SIGNERS + 1];
    assert_eq!(result(&tree), Err(Error::CmsTooManySigners));

    let mut tree = SignedDataTree::parse(&case.signed);
    *unsigned_attrs_mut(&mut tree, 0).kids_mut() =
        (0..=MAX_ATTRIBUTES).map(dummy_attribute).collect();
    assert_eq!(result(&tree), Err(Error::CmsTooManyAttributes));

    let mut tree = SignedDataTree::parse(&case.signed);
    let cert = Node::parse(&read("../migration-world/certs/auth-root-gen3-rsa.der"));
    tree.certificates_mut()
        .kids_mut()
        .extend(std::iter::repeat_n(cert, MAX_CERTIFICATES));
    assert_eq!(result(&tree), Err(Error::CmsTooManyCertificates));

    let mut tree = SignedDataTree::parse(&case.signed);
    let crl = Node::parse(&read("../migration-world/crls/sign-gen3-20260601.crl.der"));
    *tree.crls_mut().kids_mut() = vec![crl; MAX_CRLS + 1];
    assert_eq!(result(&tree), Err(Error::CmsTooManyCrls));

    let mut tree = SignedDataTree::parse(&case.signed);
    let sha256 = tree.digest_algorithms().kids()[0].clone();
    *tree.digest_algorithms_mut().kids_mut() = vec![sha256; MAX_DIGEST_ALGORITHMS + 1];
    assert_eq!(result(&tree), Err(Error::CmsTooManyDigestAlgorithms));

    let mut huge = case.signed.clone();
    huge.resize(MAX_INPUT_LEN + 1, 0);
    assert_eq!(case.run_on(&huge).result, Err(Error::CmsInputTooLarge));
}

// ---------------------------------------------------------------------------------------
// JPKI basic four and sunset-policy tables
// ---------------------------------------------------------------------------------------

#[test]
fn basic_four_san_entries() {
    let san = |n: usize| {
        let names: Vec<Vec<u8>> = (0..n)
            .map(|i| tlv(0x82, format!("n{i}.jp").as_bytes()))
            .collect();
        tlv(0x30, &names.concat())
    };
    assert!(BasicFour::from_subject_alt_name(&san(MAX_SAN_ENTRIES)).is_ok());
    assert_eq!(
        BasicFour::from_subject_alt_name(&san(MAX_SAN_ENTRIES + 1)),
        Err(BasicFourError::TooManyEntries)
    );
}

const TABLE_HEAD: &str = "[table]\nname = \"t\"\nversion = \"1\"\ntitle = \"t\"\nsource = \"s\"\n";

fn rule(i: usize) -> String {
    format!(
        "[[rule]]\nid = \"r{i}\"\nfamily = \"rsa\"\nrsa_bits = {{ min = {i}, max = {i} }}\nuse = \"create\"\nphases = [{{ status = \"acceptable\" }}]\ncitation = \"c\"\n"
    )
}

fn class(i: usize) -> String {
    format!(
        "[[equivalence]]\nsecurity_bits = {}\nrsa_min_bits = {}\n",
        i + 1,
        1000 + i
    )
}

#[test]
fn policy_table_length() {
    let mut text = String::from(TABLE_HEAD);
    text.push_str(&rule(0));
    text.push_str(&"#".repeat(MAX_TABLE_LEN - text.len() - 1));
    text.push('\n');
    assert_eq!(text.len(), MAX_TABLE_LEN);
    assert!(Table::from_toml(&text).is_ok());
    text.push('\n');
    assert_eq!(
        Table::from_toml(&text).unwrap_err().kind(),
        PolicyTableErrorKind::TooLarge
    );
}

#[test]
fn policy_table_rules() {
    let table = |n: usize| {
        let mut text = String::from(TABLE_HEAD);
        (0..n).for_each(|i| text.push_str(&rule(i)));
        Table::from_toml(&text)
    };
    assert!(table(MAX_RULES).is_ok());
    assert_eq!(
        table(MAX_RULES + 1).unwrap_err().kind(),
        PolicyTableErrorKind::TooManyRules
    );
}

#[test]
fn policy_table_equivalence_classes() {
    let table = |n: usize| {
        let mut text = String::from(TABLE_HEAD);
        (0..n).for_each(|i| text.push_str(&class(i)));
        text.push_str(&rule(0));
        Table::from_toml(&text)
    };
    let at = table(MAX_EQUIVALENCE_CLASSES);
    assert!(at.is_ok(), "{:?}", at.err());
    assert_eq!(
        table(MAX_EQUIVALENCE_CLASSES + 1).unwrap_err().kind(),
        PolicyTableErrorKind::TooManyEquivalenceClasses
    );
}
