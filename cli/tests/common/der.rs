//! A little DER, enough to generate hostile inputs: certificates that parse but that no key
//! verifies, and a SubjectPublicKeyInfo with a chosen RSA exponent.

/// One TLV, with a long-form length when needed.
pub fn tlv(tag: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = body.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|&b| b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(body);
    out
}

pub fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(0x30, &parts.concat())
}

/// A dotted-decimal OBJECT IDENTIFIER.
pub fn oid(dotted: &str) -> Vec<u8> {
    let arcs: Vec<u64> = dotted.split('.').map(|a| a.parse().unwrap()).collect();
    let mut body = vec![(arcs[0] * 40 + arcs[1]) as u8];
    for &arc in &arcs[2..] {
        let mut groups = vec![(arc & 0x7f) as u8];
        let mut rest = arc >> 7;
        while rest > 0 {
            groups.push(0x80 | (rest & 0x7f) as u8);
            rest >>= 7;
        }
        body.extend(groups.into_iter().rev());
    }
    tlv(0x06, &body)
}

/// A non-negative INTEGER from big-endian magnitude bytes (minimal, sign byte added).
pub fn uint(magnitude: &[u8]) -> Vec<u8> {
    let trimmed: Vec<u8> = magnitude.iter().copied().skip_while(|&b| b == 0).collect();
    let mut body = if trimmed.is_empty() { vec![0] } else { trimmed };
    if body[0] & 0x80 != 0 {
        body.insert(0, 0);
    }
    tlv(0x02, &body)
}

/// `CN=cn`.
pub fn name(cn: &str) -> Vec<u8> {
    let atv = seq(&[&oid("2.5.4.3"), &tlv(0x0c, cn.as_bytes())]);
    seq(&[&tlv(0x31, &atv)])
}

/// An ecdsa-with-SHA256 certificate named `subject`, issued by `issuer`, certifying
/// `spki`, whose signature is well formed but made by no key.
pub fn unverifiable_certificate(serial: u64, subject: &str, issuer: &str, spki: &[u8]) -> Vec<u8> {
    let alg = seq(&[&oid("1.2.840.10045.4.3.2")]);
    let validity = seq(&[&tlv(0x17, b"250101000000Z"), &tlv(0x17, b"350101000000Z")]);
    let tbs = seq(&[
        &tlv(0xa0, &uint(&[2])),
        &uint(&serial.to_be_bytes()),
        &alg,
        &name(issuer),
        &validity,
        &name(subject),
        spki,
    ]);
    // r and s well inside the P-256 order, so every check runs the whole verification.
    let signature = seq(&[&uint(&[0x11; 32]), &uint(&[0x22; 32])]);
    let mut bits = vec![0];
    bits.extend(signature);
    seq(&[&tbs, &alg, &tlv(0x03, &bits)])
}

/// An rsaEncryption SubjectPublicKeyInfo with `modulus` and `exponent` (big-endian).
pub fn rsa_spki(modulus: &[u8], exponent: &[u8]) -> Vec<u8> {
    let alg = seq(&[&oid("1.2.840.113549.1.1.1"), &[0x05, 0x00]]);
    let key = seq(&[&uint(modulus), &uint(exponent)]);
    let mut bits = vec![0];
    bits.extend(key);
    seq(&[&alg, &tlv(0x03, &bits)])
}
