//! A DER tree for structure-aware mutation: parse, change one element, re-encode with
//! correct lengths, so that a mutation deep inside a certificate, CRL or SignedData leaves
//! the rest well formed and the parser goes on to the code behind it.

use libfuzzer_sys::arbitrary::{Result as ArbResult, Unstructured};

use crate::snippets;

/// Deeper elements are kept as opaque bytes.
const MAX_DEPTH: usize = 40;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// A primitive element's value.
    Primitive(Vec<u8>),
    /// A constructed element's children.
    Constructed(Vec<Node>),
    /// An OCTET STRING (or a BIT STRING with no unused bits) whose value is itself DER:
    /// extnValue, subjectPublicKey, the eContent.
    Encapsulating(Vec<Node>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub tag: u8,
    pub body: Body,
}

impl Node {
    /// Parses one element spanning all of `der`.
    pub fn parse(der: &[u8]) -> Option<Node> {
        let (node, used) = parse_one(der, 0)?;
        (used == der.len()).then_some(node)
    }

    pub fn primitive(tag: u8, value: &[u8]) -> Node {
        Node {
            tag,
            body: Body::Primitive(value.to_vec()),
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.encode_into(&mut out);
        out
    }

    fn encode_into(&self, out: &mut Vec<u8>) {
        let mut value = Vec::new();
        match &self.body {
            Body::Primitive(v) => value.extend_from_slice(v),
            Body::Constructed(kids) => kids.iter().for_each(|k| k.encode_into(&mut value)),
            Body::Encapsulating(kids) => {
                if self.tag == 0x03 {
                    value.push(0);
                }
                kids.iter().for_each(|k| k.encode_into(&mut value));
            }
        }
        out.push(self.tag);
        push_len(out, value.len());
        out.extend_from_slice(&value);
    }

    fn kids_mut(&mut self) -> Option<&mut Vec<Node>> {
        match &mut self.body {
            Body::Constructed(k) | Body::Encapsulating(k) => Some(k),
            Body::Primitive(_) => None,
        }
    }

    /// Paths (child indices from this node) of every element, this one first.
    pub fn paths(&self) -> Vec<Vec<usize>> {
        let mut out = Vec::new();
        let mut stack = vec![(self, Vec::new())];
        while let Some((node, path)) = stack.pop() {
            if let Body::Constructed(kids) | Body::Encapsulating(kids) = &node.body {
                for (i, kid) in kids.iter().enumerate().rev() {
                    let mut p = path.clone();
                    p.push(i);
                    stack.push((kid, p));
                }
            }
            out.push(path);
        }
        out
    }

    pub fn at(&self, path: &[usize]) -> Option<&Node> {
        let mut node = self;
        for &i in path {
            node = match &node.body {
                Body::Constructed(k) | Body::Encapsulating(k) => k.get(i)?,
                Body::Primitive(_) => return None,
            };
        }
        Some(node)
    }

    pub fn at_mut(&mut self, path: &[usize]) -> Option<&mut Node> {
        let mut node = self;
        for &i in path {
            node = node.kids_mut()?.get_mut(i)?;
        }
        Some(node)
    }
}

pub fn push_len(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
}

fn parse_one(der: &[u8], depth: usize) -> Option<(Node, usize)> {
    let tag = *der.first()?;
    if tag & 0x1f == 0x1f {
        return None;
    }
    let first = *der.get(1)?;
    let (len, header) = if first < 0x80 {
        (usize::from(first), 2)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return None;
        }
        let bytes = der.get(2..2 + n)?;
        (
            bytes
                .iter()
                .fold(0usize, |acc, b| acc << 8 | usize::from(*b)),
            2 + n,
        )
    };
    let value = der.get(header..header.checked_add(len)?)?;
    let body = if depth >= MAX_DEPTH {
        Body::Primitive(value.to_vec())
    } else if tag & 0x20 != 0 {
        match parse_all(value, depth + 1) {
            Some(kids) => Body::Constructed(kids),
            None => Body::Primitive(value.to_vec()),
        }
    } else if tag == 0x04 && !value.is_empty() {
        match parse_all(value, depth + 1) {
            Some(kids) => Body::Encapsulating(kids),
            None => Body::Primitive(value.to_vec()),
        }
    } else if tag == 0x03 && value.len() > 1 && value[0] == 0 {
        match parse_all(&value[1..], depth + 1) {
            Some(kids) => Body::Encapsulating(kids),
            None => Body::Primitive(value.to_vec()),
        }
    } else {
        Body::Primitive(value.to_vec())
    };
    Some((Node { tag, body }, header + len))
}

fn parse_all(mut der: &[u8], depth: usize) -> Option<Vec<Node>> {
    let mut kids = Vec::new();
    while !der.is_empty() {
        let (kid, used) = parse_one(der, depth)?;
        kids.push(kid);
        der = &der[used..];
    }
    Some(kids)
}

/// One random change somewhere in `root` (the root itself is never deleted).
pub fn mutate(u: &mut Unstructured<'_>, root: &mut Node) -> ArbResult<()> {
    let paths = root.paths();
    let path = u.choose(&paths)?.clone();
    let donor = {
        let other = u.choose(&paths)?;
        root.at(other).cloned()
    };
    let op = u.int_in_range(0u8..=11)?;
    let Some(node) = root.at_mut(&path) else {
        return Ok(());
    };
    match op {
        // New value for a primitive (or turn a constructed element into one).
        0 => {
            let len = u.int_in_range(0..=24)?;
            node.body = Body::Primitive(u.bytes(len)?.to_vec());
        }
        // Change one octet of a primitive value.
        1 => {
            if let Body::Primitive(v) = &mut node.body
                && !v.is_empty()
            {
                let i = u.choose_index(v.len())?;
                v[i] = u.arbitrary()?;
            }
        }
        // Truncate a primitive value.
        2 => {
            if let Body::Primitive(v) = &mut node.body {
                let keep = u.int_in_range(0..=v.len())?;
                v.truncate(keep);
            }
        }
        // Another tag (half the time one that occurs in certificates and CMS).
        3 => {
            node.tag = if u.arbitrary()? {
                *u.choose(snippets::TAGS)?
            } else {
                u.arbitrary()?
            };
        }
        // A small or boundary INTEGER-like value.
        4 => {
            let values: &[&[u8]] = &[
                &[0],
                &[1],
                &[2],
                &[3],
                &[0x7f],
                &[0x80],
                &[0xff],
                &[0, 0x80],
                &[0x01, 0, 0, 0, 0],
                &[0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
                &[],
            ];
            node.body = Body::Primitive(u.choose(values)?.to_vec());
        }
        // Remove a child, duplicate a child, or reorder two children.
        5..=7 => {
            if let Some(kids) = node.kids_mut()
                && !kids.is_empty()
            {
                let i = u.choose_index(kids.len())?;
                match op {
                    5 => {
                        kids.remove(i);
                    }
                    6 => {
                        let copy = kids[i].clone();
                        kids.insert(i, copy);
                    }
                    _ => {
                        let j = u.choose_index(kids.len())?;
                        kids.swap(i, j);
                    }
                }
            }
        }
        // Insert a snippet (an extension, attribute, name, algorithm...) as a child.
        8 => {
            let snippet = snippets::pick(u)?;
            if let Some(kids) = node.kids_mut() {
                let i = u.int_in_range(0..=kids.len())?;
                kids.insert(i, snippet);
            }
        }
        // Replace the element with a snippet.
        9 => *node = snippets::pick(u)?,
        // Replace the element with a copy of another element of the same tree.
        10 => {
            if let Some(donor) = donor {
                *node = donor;
            }
        }
        // Grow a primitive value (long values, lengths needing several octets).
        _ => {
            if let Body::Primitive(v) = &mut node.body {
                let extra = u.int_in_range(1..=300)?;
                let fill: u8 = u.arbitrary()?;
                v.extend(std::iter::repeat_n(fill, extra));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_vectors_round_trip() {
        for der in crate::ROOTS.iter().chain(crate::CRLS) {
            assert_eq!(Node::parse(der).unwrap().encode(), *der);
        }
        for (der, _) in crate::CMS_DOCUMENTS {
            assert_eq!(Node::parse(der).unwrap().encode(), *der);
        }
    }
}
