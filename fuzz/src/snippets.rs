//! DER fragments the structure-aware targets splice into valid inputs: the extensions,
//! names, times, algorithm identifiers, CRL entries and CMS attributes whose handling is the
//! deep part of the library.

use std::sync::OnceLock;

use libfuzzer_sys::arbitrary::{Result as ArbResult, Unstructured};

use crate::der_tree::{Node, push_len};

/// Identifier octets that occur in certificates, CRLs and SignedData.
pub const TAGS: &[u8] = &[
    0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x0a, 0x0c, 0x13, 0x14, 0x16, 0x17, 0x18, 0x1a, 0x1c, 0x1e,
    0x30, 0x31, 0x80, 0x81, 0x82, 0x83, 0x84, 0x86, 0x87, 0x88, 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5,
    0xa6,
];

pub fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    push_len(&mut out, body.len());
    out.extend_from_slice(body);
    out
}

pub fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

pub fn oid(dotted: &str) -> Vec<u8> {
    let arcs: Vec<u64> = dotted.split('.').map(|a| a.parse().unwrap()).collect();
    let mut body = Vec::new();
    let mut push = |mut v: u64| {
        let mut tmp = vec![(v & 0x7f) as u8];
        v >>= 7;
        while v > 0 {
            tmp.push(0x80 | (v & 0x7f) as u8);
            v >>= 7;
        }
        tmp.reverse();
        body.extend(tmp);
    };
    push(arcs[0] * 40 + arcs[1]);
    arcs[2..].iter().for_each(|a| push(*a));
    tlv(0x06, &body)
}

fn ext(id: &str, critical: bool, value: &[u8]) -> Vec<u8> {
    let crit = if critical { tlv(0x01, &[0xff]) } else { vec![] };
    seq(&[&oid(id), &crit, &tlv(0x04, value)])
}

fn utf8_name(rdns: &[(&str, &str)]) -> Vec<u8> {
    let rdns: Vec<Vec<u8>> = rdns
        .iter()
        .map(|(a, v)| tlv(0x31, &seq(&[&oid(a), &tlv(0x0c, v.as_bytes())])))
        .collect();
    tlv(0x30, &rdns.concat())
}

fn printable_name(rdns: &[(&str, &str)]) -> Vec<u8> {
    let rdns: Vec<Vec<u8>> = rdns
        .iter()
        .map(|(a, v)| tlv(0x31, &seq(&[&oid(a), &tlv(0x13, v.as_bytes())])))
        .collect();
    tlv(0x30, &rdns.concat())
}

pub const POLICY_SIGNING: &str = "1.2.392.200149.8.5.1.1.20";
pub const POLICY_AUTH: &str = "1.2.392.200149.8.5.1.3.30";
pub const POLICY_SIGNING_TEST: &str = "1.2.392.200149.8.5.1.0.20";
pub const ANY_POLICY: &str = "2.5.29.32.0";

/// Every OID the library or the JPKI profile gives a meaning to.
pub const OIDS: &[&str] = &[
    // X.509 extensions
    "2.5.29.14",
    "2.5.29.15",
    "2.5.29.17",
    "2.5.29.18",
    "2.5.29.19",
    "2.5.29.20",
    "2.5.29.21",
    "2.5.29.23",
    "2.5.29.24",
    "2.5.29.27",
    "2.5.29.28",
    "2.5.29.29",
    "2.5.29.30",
    "2.5.29.31",
    "2.5.29.32",
    "2.5.29.32.0",
    "2.5.29.33",
    "2.5.29.35",
    "2.5.29.36",
    "2.5.29.37",
    "2.5.29.46",
    "2.5.29.54",
    "1.3.6.1.5.5.7.1.1",
    // Name attributes
    "2.5.4.3",
    "2.5.4.6",
    "2.5.4.7",
    "2.5.4.10",
    "2.5.4.11",
    "1.2.840.113549.1.9.1",
    // JPKI
    POLICY_SIGNING,
    POLICY_AUTH,
    POLICY_SIGNING_TEST,
    "1.2.392.200149.8.5.5.1",
    "1.2.392.200149.8.5.5.2",
    "1.2.392.200149.8.5.5.3",
    "1.2.392.200149.8.5.5.4",
    "1.2.392.200149.8.5.5.5",
    "1.2.392.200149.8.5.5.6",
    // Algorithms
    "1.2.840.113549.1.1.1",
    "1.2.840.113549.1.1.5",
    "1.2.840.113549.1.1.8",
    "1.2.840.113549.1.1.10",
    "1.2.840.113549.1.1.11",
    "1.2.840.113549.1.1.12",
    "1.2.840.113549.1.1.13",
    "1.2.840.10045.2.1",
    "1.2.840.10045.3.1.7",
    "1.3.132.0.34",
    "1.2.840.10045.4.3.2",
    "1.2.840.10045.4.3.3",
    "1.2.840.10045.4.3.4",
    "1.3.14.3.2.26",
    "2.16.840.1.101.3.4.2.1",
    "2.16.840.1.101.3.4.2.2",
    "2.16.840.1.101.3.4.2.3",
    // CMS
    "1.2.840.113549.1.7.1",
    "1.2.840.113549.1.7.2",
    "1.2.840.113549.1.9.3",
    "1.2.840.113549.1.9.4",
    "1.2.840.113549.1.9.5",
    "1.2.840.113549.1.9.6",
];

fn build() -> Vec<Vec<u8>> {
    let jp = printable_name(&[("2.5.4.6", "JP")]);
    let jpki = utf8_name(&[("2.5.4.6", "JP"), ("2.5.4.10", "JPKI")]);
    let mail = printable_name(&[("1.2.840.113549.1.9.1", "user@example.jp")]);
    let uri = tlv(0x86, b"http://crl.example.jp/sign.crl");
    let dn_gn = |name: &[u8]| tlv(0xa4, name);
    let sha256 = seq(&[&oid("2.16.840.1.101.3.4.2.1"), &[0x05, 0x00]]);
    let mut out: Vec<Vec<u8>> = Vec::new();

    // basicConstraints, keyUsage, extKeyUsage
    let bc_ca = seq(&[&tlv(0x01, &[0xff])]);
    out.push(ext("2.5.29.19", true, &bc_ca));
    out.push(ext(
        "2.5.29.19",
        true,
        &seq(&[&tlv(0x01, &[0xff]), &tlv(0x02, &[0])]),
    ));
    out.push(ext("2.5.29.19", false, &seq(&[])));
    out.push(ext("2.5.29.15", true, &tlv(0x03, &[0x06, 0xc0])));
    out.push(ext("2.5.29.15", true, &tlv(0x03, &[0x01, 0x06])));
    out.push(ext("2.5.29.15", true, &tlv(0x03, &[0x07, 0x80])));
    out.push(ext(
        "2.5.29.37",
        false,
        &seq(&[&oid("1.3.6.1.5.5.7.3.4"), &oid("1.3.6.1.5.5.7.3.2")]),
    ));
    // certificatePolicies, policyMappings, policyConstraints, inhibitAnyPolicy
    for set in [
        &[POLICY_SIGNING][..],
        &[POLICY_AUTH],
        &[ANY_POLICY],
        &[POLICY_SIGNING_TEST],
        &[POLICY_SIGNING, POLICY_AUTH, ANY_POLICY],
    ] {
        let infos: Vec<Vec<u8>> = set.iter().map(|p| seq(&[&oid(p)])).collect();
        out.push(ext("2.5.29.32", false, &tlv(0x30, &infos.concat())));
    }
    let cps = seq(&[
        &oid("1.3.6.1.5.5.7.2.1"),
        &tlv(0x16, b"http://www.jpki.go.jp/cps"),
    ]);
    out.push(ext(
        "2.5.29.32",
        true,
        &seq(&[&seq(&[&oid(POLICY_SIGNING), &seq(&[&cps])])]),
    ));
    out.push(ext(
        "2.5.29.33",
        true,
        &seq(&[&seq(&[&oid(POLICY_SIGNING), &oid(POLICY_AUTH)])]),
    ));
    out.push(ext(
        "2.5.29.33",
        true,
        &seq(&[&seq(&[&oid(ANY_POLICY), &oid(POLICY_SIGNING)])]),
    ));
    out.push(ext("2.5.29.36", true, &seq(&[&tlv(0x80, &[0])])));
    out.push(ext("2.5.29.36", true, &seq(&[&tlv(0x81, &[0])])));
    out.push(ext(
        "2.5.29.36",
        true,
        &seq(&[&tlv(0x80, &[1]), &tlv(0x81, &[2])]),
    ));
    out.push(ext("2.5.29.54", true, &tlv(0x02, &[0])));
    // nameConstraints: permitted/excluded directory names, mail, DNS, IP, URI, otherName
    let subtree = |base: &[u8]| seq(&[base]);
    out.push(ext(
        "2.5.29.30",
        true,
        &seq(&[&tlv(0xa0, &subtree(&dn_gn(&jp)))]),
    ));
    out.push(ext(
        "2.5.29.30",
        true,
        &seq(&[&tlv(0xa1, &subtree(&dn_gn(&jpki)))]),
    ));
    out.push(ext(
        "2.5.29.30",
        true,
        &seq(&[
            &tlv(
                0xa0,
                &[
                    subtree(&tlv(0x81, b".example.jp")),
                    subtree(&tlv(0x82, b"example.jp")),
                    subtree(&tlv(0x87, &[10, 0, 0, 0, 255, 0, 0, 0])),
                    subtree(&tlv(0x86, b".example.jp")),
                ]
                .concat(),
            ),
            &tlv(
                0xa1,
                &subtree(&tlv(
                    0xa0,
                    &[oid("1.2.392.200149.8.5.5.1"), tlv(0xa0, &tlv(0x0c, b"x"))].concat(),
                )),
            ),
        ]),
    ));
    // subjectAltName: basic four, mail, DNS, directory name, IP
    let other = |n: u8, v: &str| {
        tlv(
            0xa0,
            &[
                oid(&format!("1.2.392.200149.8.5.5.{n}")),
                tlv(0xa0, &tlv(0x0c, v.as_bytes())),
            ]
            .concat(),
        )
    };
    out.push(ext(
        "2.5.29.17",
        false,
        &tlv(
            0x30,
            &[
                other(1, "公的　吉郎"),
                other(2, "00010"),
                other(3, "1"),
                other(4, "419900115"),
                other(5, "東京都千代田区"),
                other(6, "0000000"),
            ]
            .concat(),
        ),
    ));
    out.push(ext(
        "2.5.29.17",
        false,
        &tlv(
            0x30,
            &[
                tlv(0x81, b"user@example.jp"),
                tlv(0x82, b"www.example.jp"),
                dn_gn(&jpki),
                tlv(0x87, &[10, 1, 2, 3]),
                tlv(0x86, b"https://u@host.example.jp:8443/x"),
            ]
            .concat(),
        ),
    ));
    // CRL distribution points and freshestCRL
    out.push(ext(
        "2.5.29.31",
        false,
        &seq(&[&seq(&[&tlv(0xa0, &tlv(0xa0, &uri))])]),
    ));
    out.push(ext(
        "2.5.29.31",
        false,
        &seq(&[&seq(&[
            &tlv(0xa0, &tlv(0xa0, &dn_gn(&jpki))),
            &tlv(0x81, &[0x05, 0x60]),
            &tlv(0xa2, &dn_gn(&jpki)),
        ])]),
    ));
    out.push(ext(
        "2.5.29.31",
        false,
        &seq(&[&seq(&[&tlv(
            0xa0,
            &tlv(
                0xa1,
                &tlv(0x31, &seq(&[&oid("2.5.4.3"), &tlv(0x0c, b"CRL1")])),
            ),
        )])]),
    ));
    out.push(ext(
        "2.5.29.46",
        false,
        &seq(&[&seq(&[&tlv(0xa0, &tlv(0xa0, &uri))])]),
    ));
    // Key identifiers, an unknown critical extension
    out.push(ext("2.5.29.14", false, &tlv(0x04, &[1, 2, 3, 4])));
    out.push(ext("2.5.29.35", false, &seq(&[&tlv(0x80, &[1, 2, 3, 4])])));
    out.push(ext("1.2.3.4.5", true, &[0x05, 0x00]));
    // CRL extensions and entries
    out.push(ext("2.5.29.20", false, &tlv(0x02, &[0x10])));
    out.push(ext("2.5.29.27", true, &tlv(0x02, &[0x01])));
    out.push(ext(
        "2.5.29.28",
        true,
        &seq(&[&tlv(0xa0, &tlv(0xa0, &uri)), &tlv(0x81, &[0xff])]),
    ));
    out.push(ext("2.5.29.28", true, &seq(&[&tlv(0x84, &[0xff])])));
    out.push(ext("2.5.29.28", true, &seq(&[&tlv(0x82, &[0xff])])));
    out.push(ext("2.5.29.28", true, &seq(&[&tlv(0x83, &[0x03, 0x40])])));
    for code in [0u8, 1, 6, 8, 9] {
        out.push(ext("2.5.29.21", false, &tlv(0x0a, &[code])));
    }
    out.push(ext("2.5.29.29", true, &seq(&[&dn_gn(&jpki)])));
    out.push(ext("2.5.29.23", false, &oid("1.2.840.10040.2.2")));
    out.push(ext("2.5.29.24", false, &tlv(0x18, b"20250115000000Z")));
    let entry_ext = ext("2.5.29.21", false, &tlv(0x0a, &[1]));
    out.push(seq(&[
        &tlv(0x02, &[0x01]),
        &tlv(0x17, b"250115000000Z"),
        &seq(&[&entry_ext]),
    ]));
    // Names and name pieces
    out.push(jp.clone());
    out.push(jpki.clone());
    out.push(mail);
    out.push(tlv(0x30, &[]));
    out.push(tlv(
        0x31,
        &[
            seq(&[&oid("2.5.4.11"), &tlv(0x1e, &[0x30, 0x6c, 0x30, 0xfc])]),
            seq(&[&oid("2.5.4.3"), &tlv(0x14, b"caf\xe9")]),
        ]
        .concat(),
    ));
    // Times
    for t in [
        tlv(0x17, b"500101000000Z"),
        tlv(0x17, b"491231235959Z"),
        tlv(0x17, b"260602000000Z"),
        tlv(0x18, b"99991231235959Z"),
        tlv(0x18, b"20260602000000Z"),
        tlv(0x18, b"19500101000000Z"),
        seq(&[&tlv(0x17, b"260101000000Z"), &tlv(0x17, b"260601000000Z")]),
    ] {
        out.push(t);
    }
    // Algorithm identifiers
    for alg in [
        "1.2.840.113549.1.1.11",
        "1.2.840.113549.1.1.12",
        "1.2.840.113549.1.1.13",
        "1.2.840.113549.1.1.5",
    ] {
        out.push(seq(&[&oid(alg), &[0x05, 0x00]]));
    }
    for alg in [
        "1.2.840.10045.4.3.2",
        "1.2.840.10045.4.3.3",
        "1.2.840.10045.4.3.4",
        "1.3.14.3.2.26",
        "2.16.840.1.101.3.4.2.1",
        "2.16.840.1.101.3.4.2.2",
        "2.16.840.1.101.3.4.2.3",
    ] {
        out.push(seq(&[&oid(alg)]));
    }
    let mgf1 = seq(&[&oid("1.2.840.113549.1.1.8"), &sha256]);
    out.push(seq(&[
        &oid("1.2.840.113549.1.1.10"),
        &seq(&[
            &tlv(0xa0, &sha256),
            &tlv(0xa1, &mgf1),
            &tlv(0xa2, &tlv(0x02, &[32])),
        ]),
    ]));
    // CMS attributes
    let attr = |id: &str, values: &[&[u8]]| seq(&[&oid(id), &tlv(0x31, &values.concat())]);
    out.push(attr(
        "1.2.840.113549.1.9.3",
        &[&oid("1.2.840.113549.1.7.1")],
    ));
    out.push(attr("1.2.840.113549.1.9.4", &[&tlv(0x04, &[0u8; 32])]));
    out.push(attr(
        "1.2.840.113549.1.9.5",
        &[&tlv(0x17, b"260601000000Z")],
    ));
    out.push(attr(
        "1.2.840.113549.1.9.5",
        &[&tlv(0x18, b"20500101000000Z")],
    ));
    out.push(attr("1.2.840.113549.1.9.6", &[&seq(&[])]));
    out.push(attr("1.2.3.4", &[&[0x05, 0x00]]));
    // Signer identifiers
    out.push(tlv(0x80, &[1, 2, 3, 4]));
    out.push(seq(&[&jpki, &tlv(0x02, &[0x01])]));
    // Plain OIDs
    out.extend(OIDS.iter().map(|o| oid(o)));
    out
}

/// The snippets, parsed as trees.
pub fn all() -> &'static [Node] {
    static ALL: OnceLock<Vec<Node>> = OnceLock::new();
    ALL.get_or_init(|| {
        build()
            .iter()
            .map(|der| Node::parse(der).expect("snippet is DER"))
            .collect()
    })
}

pub fn pick(u: &mut Unstructured<'_>) -> ArbResult<Node> {
    Ok(u.choose(all())?.clone())
}

#[cfg(test)]
mod tests {
    #[test]
    fn snippets_parse() {
        assert!(super::all().len() > 50);
    }
}
