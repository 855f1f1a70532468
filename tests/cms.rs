//! CMS SignedData verification over `vectors/cms/` (made by OpenSSL, see its README): every
//! manifest case, per-signer details, the bounds, hostile inputs, and the byte-flip property.
//! Validation times come from the manifest; the clock is never read.

#[path = "common/cms_helpers.rs"]
mod cms_helpers;

use cms_helpers::*;
use jpki_verify::cms::{
    AlgorithmFamily, Content, MAX_ATTRIBUTES, MAX_CERTIFICATES, MAX_CRLS, MAX_DIGEST_ALGORITHMS,
    MAX_INPUT_LEN, MAX_SIGNERS, SignerId, SignerRequirement, ValidationTime,
};
use jpki_verify::{Error, HashAlgorithm};

#[test]
fn every_manifest_case_gives_its_expected_outcome() {
    let cases = all_cases();
    assert!(cases.len() >= 45, "manifest lists {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let report = case.run();
        let mut got = match report.result {
            Ok(()) => "valid".to_owned(),
            Err(e) => e.kind().to_owned(),
        };
        if let Some(path_error) = &case.path_error {
            let causes: Vec<_> = report
                .signers
                .iter()
                .filter_map(|s| s.path_error.map(|e| e.kind()))
                .collect();
            if causes != [path_error.as_str()] {
                got = format!("{got} with path errors {causes:?}");
            }
        }
        let want = if case.expect_valid {
            "valid".to_owned()
        } else {
            case.error.clone().expect("invalid cases name their error")
        };
        // Per-signer reports are complete whenever the document got as far as its signers.
        if report.result != Err(Error::CmsDetachedContentMissing) {
            assert_eq!(report.signers.len(), case_signer_count(case), "{}", case.id);
        }
        if got != want {
            failures.push(format!(
                "{}: got {got}, want {want}; signers: {:?}",
                case.id,
                report
                    .signers
                    .iter()
                    .map(|s| (s.result, s.path_error))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn case_signer_count(case: &Case) -> usize {
    SignedDataTree::parse(&case.signed)
        .signer_infos()
        .kids()
        .len()
}

fn cn(subject: &Option<String>) -> &str {
    let s = subject.as_deref().expect("subject");
    s.rsplit("CN=").next().unwrap()
}

// ---------------------------------------------------------------------------------------
// Per-signer results
// ---------------------------------------------------------------------------------------

#[test]
fn two_signers_report_each_signer() {
    let case = case("two-signers-families");
    let report = case.run();
    assert_eq!(report.result, Ok(()));
    assert_eq!(report.detached, Some(false));
    assert_eq!(
        report.attached_content(&case.signed),
        Some(read("content.txt").as_slice())
    );
    assert_eq!(report.signers.len(), 2);
    let signing_time = at("2028-06-15T09:00:00Z");
    let mut families = Vec::new();
    for s in &report.signers {
        assert_eq!(s.result, Ok(()));
        assert_eq!(s.digest_algorithm, Some(HashAlgorithm::Sha384));
        assert_eq!(s.signing_time, Some(signing_time));
        assert_eq!(s.validation_time, Some(at("2028-07-01T00:00:00Z")));
        assert!(matches!(
            s.signer_id,
            Some(SignerId::IssuerAndSerialNumber { .. })
        ));
        let path = s.path.as_ref().expect("validated path");
        assert_eq!(path.entries().len(), 1);
        assert!(
            path.anchor()
                .subject()
                .to_string()
                .contains("JPKI for digital signature")
        );
        families.push((
            s.family,
            s.algorithm.map(|a| a.name()),
            cn(&s.subject).to_owned(),
        ));
    }
    families.sort_by_key(|f| f.1);
    assert_eq!(
        families,
        [
            (
                Some(AlgorithmFamily::Ecdsa),
                Some("ecdsa-p384-sha384"),
                "202806MWS0000000401C".to_owned()
            ),
            (
                Some(AlgorithmFamily::Rsa),
                Some("rsa-pkcs1-sha384"),
                "202405MWS0000000301A".to_owned()
            ),
        ]
    );
}

#[test]
fn corrupted_signature_fails_only_its_signer() {
    for (id, broken) in [
        ("two-signers-ec-corrupted-families", AlgorithmFamily::Ecdsa),
        ("two-signers-rsa-corrupted-families", AlgorithmFamily::Rsa),
    ] {
        let report = case(id).run();
        assert_eq!(
            report.result,
            Err(Error::CmsSignerRequirementNotMet),
            "{id}"
        );
        for s in &report.signers {
            if s.family == Some(broken) {
                assert_eq!(s.result, Err(Error::BadSignature), "{id}");
                assert!(s.path.is_none() && s.algorithm.is_none());
            } else {
                assert_eq!(s.result, Ok(()), "{id}");
            }
        }
    }
}

#[test]
fn signer_requirements_on_the_two_signer_documents() {
    let good = read("signed/two-signers.der");
    let bad = read("signed/two-signers-ec-corrupted.der");
    let case = case("two-signers-all");
    let run = |signed: &[u8], requirement| {
        plain_verifier(&case.anchors, case.time)
            .requirement(requirement)
            .verify(signed, Content::Attached)
            .result
    };
    use SignerRequirement::*;
    let rsa = [AlgorithmFamily::Rsa];
    let ecdsa = [AlgorithmFamily::Ecdsa];
    let both = [AlgorithmFamily::Rsa, AlgorithmFamily::Ecdsa];
    for requirement in [
        All,
        Any,
        Families(&rsa),
        Families(&ecdsa),
        Families(&both),
        Families(&[]),
    ] {
        assert_eq!(run(&good, requirement), Ok(()), "{requirement:?}");
    }
    assert_eq!(run(&bad, All), Err(Error::BadSignature));
    assert_eq!(run(&bad, Any), Ok(()));
    assert_eq!(run(&bad, Families(&rsa)), Ok(()));
    assert_eq!(run(&bad, Families(&[])), Ok(()));
    assert_eq!(
        run(&bad, Families(&ecdsa)),
        Err(Error::CmsSignerRequirementNotMet)
    );
    assert_eq!(
        run(&bad, Families(&both)),
        Err(Error::CmsSignerRequirementNotMet)
    );
    // With "any", when nothing verifies the most advanced failure is reported.
    let untrusted = plain_verifier(&[], case.time)
        .requirement(Any)
        .verify(&bad, Content::Attached);
    assert_eq!(
        untrusted.result.map_err(|e| e.kind()),
        Err("cms-signer-path")
    );
}

#[test]
fn path_failures_carry_their_cause() {
    let report = case("revoked-leaf").run();
    let signer = &report.signers[0];
    assert_eq!(signer.result, Err(Error::CmsSignerPath { signer: 0 }));
    assert!(matches!(
        signer.path_error,
        Some(Error::Revoked { index: 0, .. })
    ));
    // The signature itself verified: the certificate and algorithm are reported.
    assert_eq!(cn(&signer.subject), "202406MWS0000000302J");
    assert_eq!(signer.algorithm.map(|a| a.name()), Some("rsa-pkcs1-sha256"));
    assert!(signer.path.is_none());

    let expired = case("expired-leaf").run();
    assert!(matches!(
        expired.signers[0].path_error,
        Some(Error::CertExpired { .. })
    ));
    assert_eq!(
        expired.signers[0].validation_time,
        Some(at("2026-06-02T00:00:00Z"))
    );
}

#[test]
fn signing_time_is_reported_and_usable_as_validation_time() {
    let claimed = at("2017-05-01T00:00:00Z");
    let report = case("expired-leaf-at-signing-time").run();
    assert_eq!(report.result, Ok(()));
    assert_eq!(report.signers[0].signing_time, Some(claimed));
    assert_eq!(report.signers[0].validation_time, Some(claimed));
    // The same document at a fixed time: the claim is still reported, not used.
    let fixed = case("expired-leaf").run();
    assert_eq!(fixed.signers[0].signing_time, Some(claimed));
    // No signed attributes, no signing time.
    let noattr = case("rsa-card-noattr").run();
    assert_eq!(noattr.signers[0].signing_time, None);
    assert_eq!(
        case("rsa-card-noattr-at-signing-time").run().result,
        Err(Error::CmsSigningTimeMissing)
    );
}

#[test]
fn key_identifier_signers_are_found_by_subject_key_identifier() {
    for id in ["rsa-card-keyid", "ec-card-keyid"] {
        let report = case(id).run();
        assert_eq!(report.result, Ok(()), "{id}");
        assert!(matches!(
            report.signers[0].signer_id,
            Some(SignerId::SubjectKeyIdentifier(ref k)) if k.len() == 20
        ));
    }
}

#[test]
fn supplied_certificate_is_tried_and_rogue_twin_does_not_pass() {
    // No embedded certificate: found only among the supplied ones.
    let case_ = case("rsa-card-nocerts-supplied");
    let report = case_.run();
    assert_eq!(report.result, Ok(()));
    assert_eq!(cn(&report.signers[0].subject), "202405MWS0000000301A");
    // The rogue certificate shares the genuine card's issuer and serial: the genuine one is
    // tried first (supplied), fails the signature, then the rogue one verifies but has no path.
    let rogue = case("untrusted-root-with-genuine-cert").run();
    let signer = &rogue.signers[0];
    assert_eq!(signer.result, Err(Error::CmsSignerPath { signer: 0 }));
    assert_eq!(
        signer.certificate.as_ref().map(|c| c.der().to_vec()),
        Some(read("certs/rogue-signer.der"))
    );
}

#[test]
fn detached_content_from_a_reader_matches_bytes() {
    for id in [
        "rsa-card-detached",
        "rsa-card-noattr-detached",
        "two-signers-mixed-digests",
        "rsa-card-content-modified",
        "rsa-card-noattr-content-modified",
        "rsa-pss-sha384-detached",
        "ec-card-detached",
    ] {
        let case = case(id);
        let from_bytes = case.run();
        let mut reader = std::io::Cursor::new(case.content.clone().unwrap());
        let from_reader = case
            .verifier()
            .verify(&case.signed, Content::Reader(&mut reader));
        assert_eq!(from_bytes.result, from_reader.result, "{id}");
        assert_eq!(from_bytes.signers.len(), from_reader.signers.len());
        assert_eq!(from_reader.detached, Some(true));
    }
}

#[test]
fn content_given_twice_or_not_at_all_is_refused() {
    let attached = case("rsa-card-attached");
    let r = attached
        .verifier()
        .verify(&attached.signed, Content::Bytes(b"other"));
    assert_eq!(r.result, Err(Error::CmsUnexpectedContent));
    let detached = case("rsa-card-detached");
    let r = detached
        .verifier()
        .verify(&detached.signed, Content::Attached);
    assert_eq!(r.result, Err(Error::CmsDetachedContentMissing));
    assert_eq!(r.attached_content(&detached.signed), None);
}

#[test]
fn reader_errors_are_reported() {
    struct Failing;
    impl std::io::Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    let case = case("rsa-card-detached");
    let r = case
        .verifier()
        .verify(&case.signed, Content::Reader(&mut Failing));
    assert_eq!(r.result, Err(Error::CmsContentUnreadable));
}

#[test]
fn sha1_is_refused_unless_allowed_and_then_reported() {
    let refused = case("rsa-card-sha1").run();
    assert_eq!(refused.result, Err(Error::CmsDigestAlgorithmNotAllowed));
    assert_eq!(
        refused.signers[0].digest_algorithm,
        Some(HashAlgorithm::Sha1)
    );
    assert_eq!(
        refused.signers[0].signing_time,
        Some(at("2026-05-15T09:00:00Z"))
    );
    let allowed = case("rsa-card-sha1-allowed").run();
    assert_eq!(allowed.result, Ok(()));
    assert_eq!(
        allowed.signers[0].algorithm.map(|a| a.name()),
        Some("rsa-pkcs1-sha1")
    );
}

#[test]
fn pss_and_p256_signers() {
    let pss = case("rsa-pss-attached").run();
    assert_eq!(
        pss.signers[0].algorithm.map(|a| a.name()),
        Some("rsa-pss-sha256")
    );
    // The signer certificate is itself RSASSA-PSS signed.
    assert_eq!(
        pss.signers[0].path.as_ref().unwrap().entries()[0]
            .algorithm()
            .name(),
        "rsa-pss-sha256"
    );
    let p256 = case("p256-attached").run();
    assert_eq!(
        p256.signers[0].algorithm.map(|a| a.name()),
        Some("ecdsa-p256-sha256")
    );
    assert_eq!(p256.signers[0].family, Some(AlgorithmFamily::Ecdsa));
}

// ---------------------------------------------------------------------------------------
// Bounds: at each limit the document still verifies; one more is its own error
// ---------------------------------------------------------------------------------------

fn rsa_attached() -> (Case, SignedDataTree) {
    let case = case("rsa-card-attached");
    let tree = SignedDataTree::parse(&case.signed);
    (case, tree)
}

#[test]
fn bound_signers() {
    let (case, mut tree) = rsa_attached();
    let signer = tree.signer_infos().kids()[0].clone();
    *tree.signer_infos_mut().kids_mut() = vec![signer.clone(); MAX_SIGNERS];
    let report = case.run_on(&tree.encode());
    assert_eq!(report.result, Ok(()));
    assert_eq!(report.signers.len(), MAX_SIGNERS);
    tree.signer_infos_mut().kids_mut().push(signer);
    let report = case.run_on(&tree.encode());
    assert_eq!(report.result, Err(Error::CmsTooManySigners));
    assert!(report.signers.is_empty());
}

#[test]
fn bound_unsigned_attributes_and_values() {
    let (case, mut tree) = rsa_attached();
    let attrs = unsigned_attrs_mut(&mut tree, 0);
    *attrs.kids_mut() = (0..MAX_ATTRIBUTES).map(dummy_attribute).collect();
    assert_eq!(case.run_on(&tree.encode()).result, Ok(()));
    unsigned_attrs_mut(&mut tree, 0)
        .kids_mut()
        .push(dummy_attribute(MAX_ATTRIBUTES));
    assert_eq!(
        case.run_on(&tree.encode()).result,
        Err(Error::CmsTooManyAttributes)
    );

    // Values within one attribute.
    let (case, mut tree) = rsa_attached();
    let mut attr = dummy_attribute(0);
    let value = attr.kids()[1].kids()[0].clone();
    *attr.kids_mut()[1].kids_mut() = vec![value.clone(); MAX_ATTRIBUTES];
    *unsigned_attrs_mut(&mut tree, 0).kids_mut() = vec![attr.clone()];
    assert_eq!(case.run_on(&tree.encode()).result, Ok(()));
    attr.kids_mut()[1].kids_mut().push(value);
    *unsigned_attrs_mut(&mut tree, 0).kids_mut() = vec![attr];
    assert_eq!(
        case.run_on(&tree.encode()).result,
        Err(Error::CmsTooManyAttributes)
    );
}

#[test]
fn bound_signed_attributes_is_checked_before_the_signature() {
    let (case, mut tree) = rsa_attached();
    let signed = &mut tree.signer_infos_mut().kids_mut()[0].kids_mut()[3];
    assert_eq!(signed.tag, 0xA0);
    let present = signed.kids().len();
    signed
        .kids_mut()
        .extend((present..MAX_ATTRIBUTES).map(dummy_attribute));
    // At the limit: parsed, and the (now changed) attributes fail the signature.
    assert_eq!(case.run_on(&tree.encode()).result, Err(Error::BadSignature));
    let signed = &mut tree.signer_infos_mut().kids_mut()[0].kids_mut()[3];
    signed.kids_mut().push(dummy_attribute(MAX_ATTRIBUTES));
    assert_eq!(
        case.run_on(&tree.encode()).result,
        Err(Error::CmsTooManyAttributes)
    );
}

#[test]
fn bound_certificates() {
    let (case, mut tree) = rsa_attached();
    let unrelated = Node::parse(&read("../migration-world/certs/auth-root-gen3-rsa.der"));
    let certs = tree.certificates_mut();
    assert_eq!(certs.kids().len(), 1);
    certs
        .kids_mut()
        .extend(std::iter::repeat_n(unrelated.clone(), MAX_CERTIFICATES - 1));
    assert_eq!(case.run_on(&tree.encode()).result, Ok(()));
    tree.certificates_mut().kids_mut().push(unrelated);
    assert_eq!(
        case.run_on(&tree.encode()).result,
        Err(Error::CmsTooManyCertificates)
    );
}

#[test]
fn bound_crls_and_embedded_crls_are_used() {
    let (mut case, mut tree) = rsa_attached();
    let crl = Node::parse(&read("../migration-world/crls/sign-gen3-20260601.crl.der"));
    // The caller supplies no CRL: revocation RequireCurrent needs the embedded one.
    case.crls.clear();
    assert_eq!(
        case.run_on(&tree.encode()).signers[0]
            .path_error
            .map(|e| e.kind()),
        Some("revocation-status-unknown")
    );
    *tree.crls_mut().kids_mut() = vec![crl.clone(); MAX_CRLS];
    assert_eq!(case.run_on(&tree.encode()).result, Ok(()));
    tree.crls_mut().kids_mut().push(crl);
    assert_eq!(
        case.run_on(&tree.encode()).result,
        Err(Error::CmsTooManyCrls)
    );
}

#[test]
fn embedded_crl_revokes() {
    let mut case = case("revoked-leaf");
    case.crls.clear();
    let mut tree = SignedDataTree::parse(&case.signed);
    let crl = Node::parse(&read("../migration-world/crls/sign-gen3-20260601.crl.der"));
    *tree.crls_mut().kids_mut() = vec![crl];
    let report = case.run_on(&tree.encode());
    assert!(matches!(
        report.signers[0].path_error,
        Some(Error::Revoked { .. })
    ));
}

#[test]
fn bound_digest_algorithms() {
    let (case, mut tree) = rsa_attached();
    let sha256 = tree.digest_algorithms().kids()[0].clone();
    *tree.digest_algorithms_mut().kids_mut() = vec![sha256.clone(); MAX_DIGEST_ALGORITHMS];
    assert_eq!(case.run_on(&tree.encode()).result, Ok(()));
    tree.digest_algorithms_mut().kids_mut().push(sha256);
    assert_eq!(
        case.run_on(&tree.encode()).result,
        Err(Error::CmsTooManyDigestAlgorithms)
    );
}

#[test]
fn bound_input_length() {
    let case = case("rsa-card-attached");
    let mut huge = case.signed.clone();
    huge.resize(MAX_INPUT_LEN + 1, 0);
    assert_eq!(case.run_on(&huge).result, Err(Error::CmsInputTooLarge));

    // Detached content from a reader is kept in memory only for signers without signed
    // attributes, and then only up to the limit.
    let big = || std::io::Read::take(std::io::repeat(0x41), MAX_INPUT_LEN as u64 + 1);
    let noattr = case_for("rsa-card-noattr-detached");
    let r = noattr
        .verifier()
        .verify(&noattr.signed, Content::Reader(&mut big()));
    assert_eq!(r.result, Err(Error::CmsInputTooLarge));
    let with_attrs = case_for("rsa-card-detached");
    let r = with_attrs
        .verifier()
        .verify(&with_attrs.signed, Content::Reader(&mut big()));
    assert_eq!(r.result, Err(Error::CmsMessageDigestMismatch));
}

fn case_for(id: &str) -> Case {
    case(id)
}

// ---------------------------------------------------------------------------------------
// Hostile and malformed input
// ---------------------------------------------------------------------------------------

#[test]
fn every_truncation_fails_cleanly() {
    let case = case("two-signers-all");
    for len in 0..case.signed.len() {
        let report = case.run_on(&case.signed[..len]);
        assert!(report.result.is_err(), "prefix of {len} bytes verified");
    }
    let mut longer = case.signed.clone();
    longer.push(0);
    assert_eq!(case.run_on(&longer).result, Err(Error::CmsMalformed));
}

/// `depth` nested SEQUENCEs around an empty one, as a node whose value is kept as bytes
/// (built iteratively: the helper's recursive tree would need a deep stack and quadratic
/// copying).
fn nested(depth: usize) -> Node {
    // content_len[k]: length of the contents of the SEQUENCE at level k (0 = innermost).
    let mut content_len = vec![0usize; depth + 1];
    for k in 1..=depth {
        let inner = content_len[k - 1];
        let mut header = vec![0x30];
        push_len(&mut header, inner);
        content_len[k] = header.len() + inner;
    }
    let mut value = Vec::with_capacity(content_len[depth]);
    for k in (0..depth).rev() {
        value.push(0x30);
        push_len(&mut value, content_len[k]);
    }
    Node::primitive(0x30, &value)
}

#[test]
fn deep_nesting_is_not_recursed_into() {
    const DEPTH: usize = 20_000;
    let case = case("rsa-card-attached");
    let (_, mut tree) = rsa_attached();
    let mut attr = dummy_attribute(0);
    attr.kids_mut()[1].kids_mut()[0] = nested(DEPTH);
    *unsigned_attrs_mut(&mut tree, 0).kids_mut() = vec![attr.clone()];
    // In an unsigned attribute value: carried, never interpreted.
    assert_eq!(case.run_on(&tree.encode()).result, Ok(()));
    // As a signed attribute: parsed as one value, then the signature fails.
    let (_, mut tree) = rsa_attached();
    tree.signer_infos_mut().kids_mut()[0].kids_mut()[3]
        .kids_mut()
        .push(attr);
    assert_eq!(case.run_on(&tree.encode()).result, Err(Error::BadSignature));
    // Where the ContentInfo's content type should be.
    let deep = Node::constructed(0x30, vec![nested(DEPTH)]).encode();
    assert_eq!(case.run_on(&deep).result, Err(Error::CmsMalformed));
}

#[test]
fn structural_errors() {
    let (case, tree) = rsa_attached();

    // Not SignedData: id-data as the ContentInfo type.
    let mut t = SignedDataTree::parse(&tree.encode());
    t.root.kids_mut()[0].value = vec![0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01];
    assert_eq!(
        case.run_on(&t.encode()).result,
        Err(Error::CmsNotSignedData)
    );

    // No SignerInfo (a certificates-only message).
    let mut t = SignedDataTree::parse(&tree.encode());
    t.signer_infos_mut().kids_mut().clear();
    assert_eq!(case.run_on(&t.encode()).result, Err(Error::CmsNoSigners));

    // SignerInfo version 3 with issuerAndSerialNumber.
    let mut t = SignedDataTree::parse(&tree.encode());
    t.signer_infos_mut().kids_mut()[0].kids_mut()[0].value = vec![3];
    assert_eq!(case.run_on(&t.encode()).result, Err(Error::CmsMalformed));

    // SignedData version 3 where RFC 5652 5.1 gives 1.
    let mut t = SignedDataTree::parse(&tree.encode());
    t.signed_data_mut().kids_mut()[0].value = vec![3];
    assert_eq!(case.run_on(&t.encode()).result, Err(Error::CmsMalformed));

    // BER: indefinite length on the outer SEQUENCE.
    let der = tree.encode();
    let inner = &der[4..]; // 30 82 xx xx
    let mut ber = vec![0x30, 0x80];
    ber.extend_from_slice(inner);
    ber.extend_from_slice(&[0, 0]);
    assert_eq!(case.run_on(&ber).result, Err(Error::CmsMalformed));

    // Non-minimal length encoding of the version INTEGER.
    let mut t = SignedDataTree::parse(&tree.encode());
    let sd = t.signed_data_mut().kids_mut();
    sd.remove(0);
    let mut bytes = vec![0x30];
    let mut body = vec![0x02, 0x81, 0x01, 0x01];
    for n in sd.iter() {
        body.extend(n.encode());
    }
    push_len(&mut bytes, body.len());
    bytes.extend(body);
    let mut outer = t.root.clone();
    outer.kids_mut()[1].kids_mut()[0] = Node::primitive(0x04, &[]); // placeholder
    let mut ci_body = outer.kids()[0].encode();
    let mut explicit = vec![0xA0];
    push_len(&mut explicit, bytes.len());
    explicit.extend(bytes);
    ci_body.extend(explicit);
    let mut ci = vec![0x30];
    push_len(&mut ci, ci_body.len());
    ci.extend(ci_body);
    assert_eq!(case.run_on(&ci).result, Err(Error::CmsMalformed));

    // Garbage.
    for junk in [&[][..], &[0x30], &[0x30, 0x00], &[0xFF; 64]] {
        assert!(case.run_on(junk).result.is_err());
    }
}

#[test]
fn unknown_digest_and_signature_algorithms() {
    let (case, tree) = rsa_attached();
    // digestAlgorithm SHA3-256 (2.16.840.1.101.3.4.2.8).
    let mut t = SignedDataTree::parse(&tree.encode());
    let digest = &mut t.signer_infos_mut().kids_mut()[0].kids_mut()[2].kids_mut()[0];
    *digest.value.last_mut().unwrap() = 0x08;
    assert_eq!(
        case.run_on(&t.encode()).result,
        Err(Error::CmsUnsupportedDigestAlgorithm)
    );
    // signatureAlgorithm dsa-with-sha256 (2.16.840.1.101.3.4.3.2).
    let mut t = SignedDataTree::parse(&tree.encode());
    t.signer_infos_mut().kids_mut()[0].kids_mut()[4] = Node::parse(&[
        0x30, 0x0B, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, 0x02,
    ]);
    assert_eq!(
        case.run_on(&t.encode()).result,
        Err(Error::UnsupportedSignatureAlgorithm)
    );
    // A countersignature among the signed attributes.
    let mut t = SignedDataTree::parse(&tree.encode());
    let mut attr = dummy_attribute(0);
    attr.kids_mut()[0].value = vec![0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x06];
    t.signer_infos_mut().kids_mut()[0].kids_mut()[3]
        .kids_mut()
        .push(attr);
    assert_eq!(
        case.run_on(&t.encode()).result,
        Err(Error::CmsMalformedAttribute)
    );
}

#[test]
fn unused_validation_time_variant_compiles() {
    // ValidationTime is exhaustive: both ways of choosing the time are covered above.
    let _ = [ValidationTime::SigningTime];
}

// ---------------------------------------------------------------------------------------
// Flipping any byte of a valid SignedData
// ---------------------------------------------------------------------------------------
//
// The property: a changed byte never panics and never leaves the document valid, unless it
// lies where the verifier does not depend on it. Those places, computed here from the
// vector's own structure (with the test's DER walker, not the library's):
//
// - the SignedData's digestAlgorithms set: a one-pass-processing hint (RFC 5652 5.1); it
//   is parsed (bounded, each entry an AlgorithmIdentifier) but not used, since each
//   SignerInfo names its own digest algorithm;
// - unsigned attributes: not covered by any signature; counted, never interpreted;
// - embedded certificates other than the signers' own: they may serve as intermediates,
//   but in these vectors every path is one certificate long, so they serve nothing (a
//   change that makes one unparseable just drops it);
// - the last byte of an RSA signer's signatureAlgorithm OID, only when the flip turns
//   `rsaEncryption` into the `sha*WithRSAEncryption` of the signer's digest (or back): the
//   two labels mean the same algorithm (RFC 5754 3.2) and the label is not signed.
//
// Everything else - versions, the content type, content, signer identifiers, digest and
// signature algorithms, signed attributes, signatures, and every byte of a signer's
// certificate - must make verification fail.

struct FlipTarget {
    case: Case,
    allowed: Vec<std::ops::Range<usize>>,
    equivalent_label_byte: Vec<(usize, [u8; 2])>,
}

impl FlipTarget {
    fn new(id: &str) -> FlipTarget {
        let case = case(id);
        let manifest = manifest();
        let file = manifest["files"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["file"] == case.file.as_str())
            .unwrap_or_else(|| panic!("no file entry for {}", case.file));
        let signer_certs: Vec<Vec<u8>> = file["signers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| read(s["cert"].as_str().unwrap()))
            .collect();
        let tree = SignedDataTree::parse(&case.signed);
        let mut allowed = vec![tree.digest_algorithms().range()];
        if let Some(certs) = tree.field(0xA0) {
            for c in certs.kids() {
                if !signer_certs.contains(&c.encode()) {
                    allowed.push(c.range());
                }
            }
        }
        let mut equivalent_label_byte = Vec::new();
        for si in tree.signer_infos().kids() {
            let (_, sig_alg, unsigned) = signer_fields(si);
            if let Some(u) = unsigned {
                allowed.push(u.range());
            }
            let oid = &sig_alg.kids()[0];
            let rsa = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01];
            if oid.value.starts_with(&rsa) {
                let pkcs1 = match si.kids()[2].kids()[0].value.last() {
                    Some(1) => 0x0B,
                    Some(2) => 0x0C,
                    Some(3) => 0x0D,
                    other => panic!("digest {other:?}"),
                };
                equivalent_label_byte.push((oid.range().end - 1, [0x01, pkcs1]));
            }
        }
        FlipTarget {
            case,
            allowed,
            equivalent_label_byte,
        }
    }

    fn may_stay_valid(&self, pos: usize, new_byte: u8) -> bool {
        self.allowed.iter().any(|r| r.contains(&pos))
            || self
                .equivalent_label_byte
                .iter()
                .any(|(p, bytes)| *p == pos && bytes.contains(&new_byte))
    }

    /// Flips `mask` into byte `pos`; an error names the byte when the verdict is wrong.
    fn check(&self, pos: usize, mask: u8) -> Result<(), String> {
        let mut bytes = self.case.signed.clone();
        bytes[pos] ^= mask;
        let report = self.case.run_on(&bytes);
        if report.is_valid() && !self.may_stay_valid(pos, bytes[pos]) {
            return Err(format!(
                "{}: byte {pos} ^ {mask:#04x} ({:#04x} -> {:#04x}) still verifies",
                self.case.id, self.case.signed[pos], bytes[pos]
            ));
        }
        Ok(())
    }
}

const FLIP_VECTORS: &[&str] = &[
    "rsa-card-attached",
    "rsa-card-noattr",
    "rsa-card-unsigned-attr",
    "rsa-card-extra-cert",
    "ec-card-keyid",
    "two-signers-all",
    "rsa-pss-attached",
];

fn flip_targets() -> &'static [FlipTarget] {
    static TARGETS: std::sync::OnceLock<Vec<FlipTarget>> = std::sync::OnceLock::new();
    TARGETS.get_or_init(|| FLIP_VECTORS.iter().map(|id| FlipTarget::new(id)).collect())
}

#[test]
fn flip_targets_verify_unflipped() {
    for t in flip_targets() {
        assert_eq!(t.case.run().result, Ok(()), "{}", t.case.id);
    }
    // The excluded regions are what the comment above says, and not more.
    let extra = &flip_targets()[3];
    assert_eq!(
        extra.allowed.len(),
        2,
        "digestAlgorithms + the unrelated certificate"
    );
    let two = &flip_targets()[5];
    assert_eq!(two.allowed.len(), 1, "only digestAlgorithms");
    assert_eq!(two.equivalent_label_byte.len(), 1, "the RSA signer's label");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

    #[test]
    fn flipping_a_byte_never_verifies_outside_the_unsigned_parts(
        which in 0..FLIP_VECTORS.len(),
        pos_seed in proptest::prelude::any::<proptest::sample::Index>(),
        mask in 1u8..=255,
    ) {
        let target = &flip_targets()[which];
        let pos = pos_seed.index(target.case.signed.len());
        if let Err(message) = target.check(pos, mask) {
            proptest::prop_assert!(false, "{}", message);
        }
    }
}

/// Every position of the RSA card document, with a low-bit flip, deterministically.
#[test]
fn flipping_every_byte_low_bit() {
    let mut failures = Vec::new();
    let target = &flip_targets()[0];
    for pos in 0..target.case.signed.len() {
        if let Err(m) = target.check(pos, 0x01) {
            failures.push(m);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The exclusions are real: a change inside each may leave the document valid.
#[test]
fn excluded_regions_can_change_without_effect() {
    // rsaEncryption -> sha256WithRSAEncryption in the label: still valid; -> sha1WithRSA or
    // id-RSASSA-PSS: not.
    let target = &flip_targets()[0];
    let (pos, [_, pkcs1]) = target.equivalent_label_byte[0];
    for (new, valid) in [(pkcs1, true), (0x05, false), (0x0A, false), (0x0C, false)] {
        let mut bytes = target.case.signed.clone();
        bytes[pos] = new;
        assert_eq!(
            target.case.run_on(&bytes).is_valid(),
            valid,
            "label byte {new:#04x}"
        );
    }
    // A character of the unsigned attribute's value.
    let target = &flip_targets()[2];
    let unsigned = target.allowed[1].clone();
    let mut bytes = target.case.signed.clone();
    bytes[unsigned.end - 1] ^= 0x01;
    assert!(target.case.run_on(&bytes).is_valid());
    // The OID of the digestAlgorithms entry (SHA-256 -> SHA-384): a hint, not used.
    let target = &flip_targets()[0];
    let mut bytes = target.case.signed.clone();
    bytes[target.allowed[0].end - 1] ^= 0x03;
    assert!(target.case.run_on(&bytes).is_valid());
    // A byte of the unrelated certificate's signature.
    let target = &flip_targets()[3];
    let mut bytes = target.case.signed.clone();
    bytes[target.allowed[1].end - 1] ^= 0x01;
    assert!(target.case.run_on(&bytes).is_valid());
}

// ---------------------------------------------------------------------------------------
// Sunset policy
// ---------------------------------------------------------------------------------------

#[test]
fn sunset_table_judges_verified_signers() {
    use jpki_verify::policy::{Verdict, builtin};
    let table = builtin("cryptrec-ls0003").expect("built-in table");

    // RSA-2048 with SHA-256 in 2026: acceptable, signature and path.
    let case = case("rsa-card-attached");
    let report = case
        .verifier()
        .sunset(table)
        .verify(&case.signed, case.content());
    assert_eq!(report.result, Ok(()));
    let policy = report.signers[0].policy.as_ref().expect("judged");
    assert_eq!(policy.verdict, Verdict::Accept);
    assert!(policy.findings.len() >= 4, "{:?}", policy.findings);

    // SHA-1: let the table decide, and it refuses to verify new SHA-1 signatures.
    let case = case_for("rsa-card-sha1");
    let report = case
        .verifier()
        .allow_sha1(true)
        .sunset(table)
        .verify(&case.signed, case.content());
    assert_eq!(report.result, Err(Error::CmsAlgorithmRejected));
    assert_eq!(
        report.signers[0].policy.as_ref().map(|p| p.verdict),
        Some(Verdict::Reject)
    );
    // The signature and path themselves were fine.
    assert!(report.signers[0].path.is_some());

    // A signer that did not verify is not judged.
    let bad = case_for("rsa-card-wrong-message-digest");
    let report = bad
        .verifier()
        .sunset(table)
        .verify(&bad.signed, bad.content());
    assert!(report.signers[0].policy.is_none());
}

// ---------------------------------------------------------------------------------------
// The structures read once: original bytes, bounds before decoding, CHOICE alternatives
// ---------------------------------------------------------------------------------------

/// The P-256 test signer's key (PKCS #8: the 32-byte secret follows `02 01 01 04 20`).
fn p256_signer_key() -> p256::ecdsa::SigningKey {
    let der = read("keys/p256-signer.key.pem");
    let at = der
        .windows(5)
        .position(|w| w == [0x02, 0x01, 0x01, 0x04, 0x20])
        .expect("ECPrivateKey secret")
        + 5;
    p256::ecdsa::SigningKey::from_slice(&der[at..at + 32]).expect("P-256 secret")
}

/// Replaces signer 0's signed attributes with `attrs` and signs `signed` (the bytes the
/// signature is to cover) with the P-256 test signer.
fn resign(tree: &mut SignedDataTree, attrs: Vec<Node>, signed: &[u8]) {
    use signature::Signer;
    let si = &mut tree.signer_infos_mut().kids_mut()[0];
    assert_eq!(si.kids()[3].tag, 0xA0);
    *si.kids_mut()[3].kids_mut() = attrs;
    let sig: p256::ecdsa::DerSignature = p256_signer_key().sign(signed);
    assert_eq!(si.kids()[5].tag, 0x04);
    si.kids_mut()[5].value = sig.as_bytes().to_vec();
}

#[test]
fn signed_attributes_out_of_der_order_verify_over_their_original_bytes() {
    let case = case("p256-attached");
    let mut tree = SignedDataTree::parse(&case.signed);
    let mut attrs = tree.signer_infos().kids()[0].kids()[3].kids().clone();
    // An attribute nobody interprets, its value a BOOLEAN TRUE in a non-DER form (01, not
    // FF): carried as it is.
    let private = [0x2B, 0x06, 0x01, 0x04, 0x01, 0x83, 0xB2, 0x23, 0x02];
    attrs.push(Node::constructed(
        0x30,
        vec![
            Node::primitive(0x06, &private),
            Node::constructed(0x31, vec![Node::primitive(0x01, &[0x01])]),
        ],
    ));
    attrs.reverse();
    let as_signed = Node::constructed(0x31, attrs.clone()).encode();
    let mut sorted = attrs.clone();
    sorted.sort_by_key(Node::encode);
    let der_order = Node::constructed(0x31, sorted.clone()).encode();
    assert_ne!(
        as_signed, der_order,
        "the test needs attributes out of DER order"
    );

    resign(&mut tree, attrs.clone(), &as_signed);
    assert_eq!(case.run_on(&tree.encode()).result, Ok(()));

    // A signature over the DER-ordered re-encoding does not cover what the input carries.
    resign(&mut tree, attrs, &der_order);
    assert_eq!(case.run_on(&tree.encode()).result, Err(Error::BadSignature));
    // ... and verifies once the input carries that order.
    resign(&mut tree, sorted, &der_order);
    assert_eq!(case.run_on(&tree.encode()).result, Ok(()));
}

/// `NULL`: a well-formed element that is none of the types a SET OF here holds.
fn null() -> Node {
    Node::primitive(0x05, &[])
}

#[test]
fn bounds_are_counted_before_any_element_is_decoded() {
    type Slot = fn(&mut SignedDataTree) -> &mut Node;
    // Attribute values are ANY: a NULL is one, so at the bound that set verifies.
    let sets: [(Slot, usize, Error); 7] = [
        (
            |t| t.digest_algorithms_mut(),
            MAX_DIGEST_ALGORITHMS,
            Error::CmsTooManyDigestAlgorithms,
        ),
        (
            |t| t.certificates_mut(),
            MAX_CERTIFICATES,
            Error::CmsTooManyCertificates,
        ),
        (|t| t.crls_mut(), MAX_CRLS, Error::CmsTooManyCrls),
        (
            |t| t.signer_infos_mut(),
            MAX_SIGNERS,
            Error::CmsTooManySigners,
        ),
        (
            |t| &mut t.signer_infos_mut().kids_mut()[0].kids_mut()[3],
            MAX_ATTRIBUTES,
            Error::CmsTooManyAttributes,
        ),
        (
            |t| unsigned_attrs_mut(t, 0),
            MAX_ATTRIBUTES,
            Error::CmsTooManyAttributes,
        ),
        (
            |t| {
                let attrs = unsigned_attrs_mut(t, 0);
                if attrs.kids().is_empty() {
                    attrs.kids_mut().push(dummy_attribute(0));
                }
                &mut attrs.kids_mut()[0].kids_mut()[1]
            },
            MAX_ATTRIBUTES,
            Error::CmsTooManyAttributes,
        ),
    ];
    let (case, tree) = rsa_attached();
    for (i, (slot, max, too_many)) in sets.into_iter().enumerate() {
        // At the bound the elements are decoded, and a NULL is none of them.
        let mut t = SignedDataTree::parse(&tree.encode());
        *slot(&mut t).kids_mut() = vec![null(); max];
        let at_bound = if i == 6 {
            Ok(())
        } else {
            Err(Error::CmsMalformed)
        };
        assert_eq!(case.run_on(&t.encode()).result, at_bound, "set {i}");
        // One more is the bound's own error, whatever the elements are.
        slot(&mut t).kids_mut().push(null());
        assert_eq!(case.run_on(&t.encode()).result, Err(too_many), "set {i}");
    }
}

#[test]
fn other_certificate_and_revocation_formats_follow_the_version_rule() {
    let (case, tree) = rsa_attached();
    assert_eq!(tree.signed_data().kids()[0].value, [1]);
    // `[n] IMPLICIT SEQUENCE { OID, ANY }`: recognised by its tag, its contents not read.
    let other = |tag: u8| {
        Node::constructed(
            tag,
            vec![
                Node::primitive(
                    0x06,
                    &[0x2B, 0x06, 0x01, 0x04, 0x01, 0x83, 0xB2, 0x23, 0x03],
                ),
                null(),
            ],
        )
    };
    type Slot = fn(&mut SignedDataTree) -> &mut Node;
    let alternatives: [(&str, Slot, u8, u8); 5] = [
        ("extendedCertificate [0]", |t| t.certificates_mut(), 0xA0, 1),
        ("v1AttrCert [1]", |t| t.certificates_mut(), 0xA1, 3),
        ("v2AttrCert [2]", |t| t.certificates_mut(), 0xA2, 4),
        ("other certificate [3]", |t| t.certificates_mut(), 0xA3, 5),
        ("other revocation [1]", |t| t.crls_mut(), 0xA1, 5),
    ];
    for (name, slot, tag, version) in alternatives {
        let mut t = SignedDataTree::parse(&tree.encode());
        slot(&mut t).kids_mut().push(other(tag));
        for wrong in [1, 3, 4, 5].into_iter().filter(|v| *v != version) {
            t.signed_data_mut().kids_mut()[0].value = vec![wrong];
            assert_eq!(
                case.run_on(&t.encode()).result,
                Err(Error::CmsMalformed),
                "{name} with version {wrong}"
            );
        }
        t.signed_data_mut().kids_mut()[0].value = vec![version];
        assert_eq!(case.run_on(&t.encode()).result, Ok(()), "{name}");
        // The primitive form is not the IMPLICIT SEQUENCE.
        let mut p = SignedDataTree::parse(&t.encode());
        *slot(&mut p).kids_mut().last_mut().unwrap() = Node::primitive(tag & !0x20, &[]);
        assert_eq!(
            case.run_on(&p.encode()).result,
            Err(Error::CmsMalformed),
            "{name} primitive"
        );
    }
}
