//! Helpers for the CMS tests: the `vectors/cms` manifest, running a case, and a small DER
//! tree (with byte offsets) for building hostile inputs and locating regions of a
//! SignedData. Independent of the library's own parser on purpose.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use jpki_verify::cms::{
    AlgorithmFamily, CmsReport, CmsVerifier, Content, SignerRequirement, ValidationTime,
};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{Certificate, Crl, PathValidator, RevocationMode, TrustAnchor, UnixTime};
use serde_json::Value;

pub fn cms_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vectors/cms")
}

/// Reads a file named relative to `vectors/cms` (PEM files are decoded to DER).
pub fn read(rel: &str) -> Vec<u8> {
    let path = cms_dir().join(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_some_and(|e| e == "pem") {
        let (_, der) = pem_rfc7468::decode_vec(&bytes).expect("PEM");
        return der;
    }
    bytes
}

pub fn manifest() -> Value {
    let text = std::fs::read_to_string(cms_dir().join("manifest.json")).expect("manifest.json");
    serde_json::from_str(&text).expect("manifest.json is JSON")
}

pub fn at(rfc3339: &str) -> UnixTime {
    UnixTime::parse_rfc3339(rfc3339).expect("valid test time")
}

pub fn cert(rel: &str) -> Certificate {
    Certificate::from_der(&read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

pub fn anchor(rel: &str) -> TrustAnchor {
    TrustAnchor::from_certificate(cert(rel))
}

/// One manifest case, with its inputs loaded.
pub struct Case {
    pub id: String,
    pub file: String,
    pub signed: Vec<u8>,
    pub content: Option<Vec<u8>>,
    pub time: ValidationTime,
    pub anchors: Vec<TrustAnchor>,
    pub intermediates: Vec<Certificate>,
    pub crls: Vec<Crl>,
    pub revocation: RevocationMode,
    pub families: Vec<AlgorithmFamily>,
    pub signers: String,
    pub allow_sha1: bool,
    pub expect_valid: bool,
    pub error: Option<String>,
    pub path_error: Option<String>,
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

impl Case {
    pub fn from_json(c: &Value) -> Case {
        let s = |k: &str| c[k].as_str().map(str::to_owned);
        let signers = s("signers").unwrap_or_else(|| "all".into());
        let families = signers
            .strip_prefix("families:")
            .map(|list| {
                list.split(',')
                    .map(|f| AlgorithmFamily::from_id(f).expect("family"))
                    .collect()
            })
            .unwrap_or_default();
        let file = s("file").unwrap();
        Case {
            id: s("id").unwrap(),
            signed: read(&file),
            file,
            content: s("content").map(|f| read(&f)),
            time: match s("at").unwrap().as_str() {
                "signing-time" => ValidationTime::SigningTime,
                t => ValidationTime::At(at(t)),
            },
            anchors: strings(&c["anchors"]).iter().map(|f| anchor(f)).collect(),
            intermediates: strings(&c["intermediates"])
                .iter()
                .chain(strings(&c["extra_certs"]).iter())
                .map(|f| cert(f))
                .collect(),
            crls: strings(&c["crls"])
                .iter()
                .map(|f| Crl::from_der(&read(f)).unwrap())
                .collect(),
            revocation: match s("revocation").as_deref() {
                Some("available") => RevocationMode::CheckAvailable,
                Some("require") => RevocationMode::RequireCurrent,
                _ => RevocationMode::Off,
            },
            families,
            signers,
            allow_sha1: c["allow_sha1"].as_bool().unwrap_or(false),
            expect_valid: s("expect").as_deref() == Some("valid"),
            error: s("error"),
            path_error: s("path_error"),
        }
    }

    pub fn verifier(&self) -> CmsVerifier<'_> {
        let requirement = match self.signers.as_str() {
            "all" => SignerRequirement::All,
            "any" => SignerRequirement::Any,
            _ => SignerRequirement::Families(&self.families),
        };
        let validator = PathValidator::with_backend(&BACKEND, validator_time(self.time))
            .revocation(self.revocation, &self.crls);
        CmsVerifier::new(validator, &self.anchors)
            .time(self.time)
            .certificates(&self.intermediates)
            .requirement(requirement)
            .allow_sha1(self.allow_sha1)
    }

    pub fn content(&self) -> Content<'_> {
        match &self.content {
            Some(c) => Content::Bytes(c),
            None => Content::Attached,
        }
    }

    pub fn run(&self) -> CmsReport {
        self.verifier().verify(&self.signed, self.content())
    }

    /// Runs `signed` (a variant of this case's file) under this case's settings.
    pub fn run_on(&self, signed: &[u8]) -> CmsReport {
        self.verifier().verify(signed, self.content())
    }
}

/// The validator's time for a case: the validation time, or with signing-time validation the
/// judges' "now" (a fixed date: tests never read the clock).
pub fn validator_time(time: ValidationTime) -> UnixTime {
    match time {
        ValidationTime::At(t) => t,
        _ => at("2026-06-02T00:00:00Z"),
    }
}

/// A verifier with the default path settings at `time`.
pub fn plain_verifier(anchors: &[TrustAnchor], time: ValidationTime) -> CmsVerifier<'_> {
    CmsVerifier::new(
        PathValidator::with_backend(&BACKEND, validator_time(time)),
        anchors,
    )
    .time(time)
}

pub fn case(id: &str) -> Case {
    let manifest = manifest();
    let c = manifest["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no case {id}"));
    Case::from_json(c)
}

pub fn all_cases() -> Vec<Case> {
    manifest()["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(Case::from_json)
        .collect()
}

pub fn path_of(rel: &str) -> PathBuf {
    cms_dir().join(rel)
}

pub fn exists(p: &Path) -> bool {
    p.exists()
}

// ---------------------------------------------------------------------------------------
// A DER tree with offsets
// ---------------------------------------------------------------------------------------

/// One element: its identifier octet, where it starts in the input, its header length, and
/// either its value (primitive) or its children (constructed).
#[derive(Clone, Debug)]
pub struct Node {
    pub tag: u8,
    pub start: usize,
    pub header_len: usize,
    /// Length of the contents in the parsed input.
    pub len: usize,
    pub value: Vec<u8>,
    pub children: Option<Vec<Node>>,
}

impl Node {
    pub fn parse(der: &[u8]) -> Node {
        let (node, end) = parse_at(der, 0);
        assert_eq!(end, der.len(), "trailing data");
        node
    }

    /// A new element from parts (offsets meaningless).
    pub fn primitive(tag: u8, value: &[u8]) -> Node {
        Node {
            tag,
            start: 0,
            header_len: 0,
            len: 0,
            value: value.to_vec(),
            children: None,
        }
    }

    pub fn constructed(tag: u8, children: Vec<Node>) -> Node {
        Node {
            tag,
            start: 0,
            header_len: 0,
            len: 0,
            value: Vec::new(),
            children: Some(children),
        }
    }

    /// The byte range of the whole element in the parsed input.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.start + self.header_len + self.len
    }

    pub fn kids(&self) -> &Vec<Node> {
        self.children.as_ref().expect("constructed")
    }

    pub fn kids_mut(&mut self) -> &mut Vec<Node> {
        self.children.as_mut().expect("constructed")
    }

    pub fn encode(&self) -> Vec<u8> {
        let body = match &self.children {
            Some(children) => children.iter().flat_map(Node::encode).collect(),
            None => self.value.clone(),
        };
        let mut out = vec![self.tag];
        push_len(&mut out, body.len());
        out.extend_from_slice(&body);
        out
    }
}

pub fn push_len(out: &mut Vec<u8>, n: usize) {
    if n < 0x80 {
        out.push(n as u8);
    } else {
        let bytes = n.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
}

fn parse_at(der: &[u8], pos: usize) -> (Node, usize) {
    let tag = der[pos];
    let first = der[pos + 1];
    let (len, header_len) = if first < 0x80 {
        (first as usize, 2)
    } else {
        let n = (first & 0x7f) as usize;
        let len = der[pos + 2..pos + 2 + n]
            .iter()
            .fold(0usize, |a, b| (a << 8) | *b as usize);
        (len, 2 + n)
    };
    let value_start = pos + header_len;
    let end = value_start + len;
    let value = der[value_start..end].to_vec();
    let children = (tag & 0x20 != 0).then(|| {
        let mut kids = Vec::new();
        let mut p = value_start;
        while p < end {
            let (kid, next) = parse_at(der, p);
            kids.push(kid);
            p = next;
        }
        kids
    });
    (
        Node {
            tag,
            start: pos,
            header_len,
            len,
            value: if children.is_some() {
                Vec::new()
            } else {
                value
            },
            children,
        },
        end,
    )
}

/// Navigation within a ContentInfo / SignedData tree.
pub struct SignedDataTree {
    pub root: Node,
}

impl SignedDataTree {
    pub fn parse(der: &[u8]) -> Self {
        Self {
            root: Node::parse(der),
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        self.root.encode()
    }

    pub fn signed_data(&self) -> &Node {
        &self.root.kids()[1].kids()[0]
    }

    pub fn signed_data_mut(&mut self) -> &mut Node {
        &mut self.root.kids_mut()[1].kids_mut()[0]
    }

    /// The field of SignedData with this tag (0x31 digestAlgorithms is the first SET).
    pub fn field(&self, tag: u8) -> Option<&Node> {
        self.signed_data().kids().iter().find(|n| n.tag == tag)
    }

    pub fn field_mut(&mut self, tag: u8) -> Option<&mut Node> {
        self.signed_data_mut()
            .kids_mut()
            .iter_mut()
            .find(|n| n.tag == tag)
    }

    pub fn digest_algorithms(&self) -> &Node {
        &self.signed_data().kids()[1]
    }

    pub fn digest_algorithms_mut(&mut self) -> &mut Node {
        &mut self.signed_data_mut().kids_mut()[1]
    }

    pub fn signer_infos(&self) -> &Node {
        self.signed_data().kids().last().unwrap()
    }

    pub fn signer_infos_mut(&mut self) -> &mut Node {
        self.signed_data_mut().kids_mut().last_mut().unwrap()
    }

    /// The certificates `[0]`, creating it (empty) if absent.
    pub fn certificates_mut(&mut self) -> &mut Node {
        let sd = self.signed_data_mut().kids_mut();
        if !sd.iter().any(|n| n.tag == 0xA0) {
            sd.insert(3, Node::constructed(0xA0, Vec::new()));
        }
        sd.iter_mut().find(|n| n.tag == 0xA0).unwrap()
    }

    /// The CRLs `[1]`, creating it (empty) if absent.
    pub fn crls_mut(&mut self) -> &mut Node {
        let sd = self.signed_data_mut().kids_mut();
        if !sd.iter().any(|n| n.tag == 0xA1) {
            let at = sd.len() - 1;
            sd.insert(at, Node::constructed(0xA1, Vec::new()));
        }
        sd.iter_mut().find(|n| n.tag == 0xA1).unwrap()
    }
}

/// The signatureAlgorithm and signedAttrs fields of a SignerInfo node.
pub fn signer_fields(si: &Node) -> (Option<&Node>, &Node, Option<&Node>) {
    let kids = si.kids();
    let signed = kids.iter().find(|n| n.tag == 0xA0);
    let sig_alg = if signed.is_some() { &kids[4] } else { &kids[3] };
    let unsigned = kids.iter().find(|n| n.tag == 0xA1);
    (signed, sig_alg, unsigned)
}

/// An unsigned attribute `SEQUENCE { oid, SET { UTF8String } }` under a private OID.
pub fn dummy_attribute(n: usize) -> Node {
    Node::constructed(
        0x30,
        vec![
            Node::primitive(
                0x06,
                &[0x2B, 0x06, 0x01, 0x04, 0x01, 0x83, 0xB2, 0x23, 0x01],
            ),
            Node::constructed(0x31, vec![Node::primitive(0x0C, n.to_string().as_bytes())]),
        ],
    )
}

/// The unsigned attributes of signer `i`, creating `[1]` if absent.
pub fn unsigned_attrs_mut(tree: &mut SignedDataTree, i: usize) -> &mut Node {
    let si = &mut tree.signer_infos_mut().kids_mut()[i];
    if !si.kids().iter().any(|n| n.tag == 0xA1) {
        si.kids_mut().push(Node::constructed(0xA1, Vec::new()));
    }
    si.kids_mut().iter_mut().find(|n| n.tag == 0xA1).unwrap()
}
