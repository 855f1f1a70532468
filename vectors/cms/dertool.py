#!/usr/bin/env python3
"""dertool.py: small DER surgery on CMS SignedData files, for generate.sh.

Standard library only. OpenSSL's `cms -sign` cannot produce a SignerInfo with a chosen
signing time, a wrong message-digest or content-type attribute, a duplicated or missing
attribute, or a different signatureAlgorithm label, so generate.sh lets OpenSSL make a
correct SignedData and then edits it here. Every edit of the signed attributes is followed by
`resign`, which signs the new DER SET OF attributes with `openssl dgst -sign` (OpenSSL does the
cryptography, this script only moves bytes), so that the edited field is the only fault.

Usage: dertool.py <command> IN OUT [options]   (IN and OUT are DER ContentInfo files)

  set-attr --signer N --oid OID (--hex TLV | --utctime YYMMDDHHMMSSZ | --value-oid OID)
        replace the values of signed attribute OID by the one value given
  drop-attr --signer N --oid OID       remove signed attribute OID
  dup-attr  --signer N --oid OID       add a second copy of signed attribute OID
  add-unsigned-attr --signer N --oid OID --hex TLV
  resign --signer N --key KEY --md sha256 [--sigopt OPT]...
        recompute the signature over the signed attributes (DER SET OF, tag 0x31)
  set-sigalg --signer N --hex TLV      replace signatureAlgorithm (not covered by a signature)
  corrupt-signature --signer N         flip one bit in the middle of the signature value
  set-econtent --content FILE          replace the encapsulated content octets
  get-signature --signer N             write the signature value's octets to OUT (raw bytes)
  get-econtent                         write the encapsulated content's octets to OUT (raw bytes)
  merge --other FILE                   add the SignerInfos, certificates and digest algorithms
        of another SignedData over the same content (for signers with different digests,
        which one `openssl cms -sign` run cannot make)

--signer takes an index into the SET OF SignerInfo or `rsa` / `ec` (the signer whose
signatureAlgorithm is an RSA or an ECDSA one).

Edited attribute sets are re-sorted into DER SET OF order, as OpenSSL writes them, so that
`openssl cms -verify` (which re-encodes the attributes) still agrees about the signature.
"""

import argparse
import os
import subprocess
import sys
import tempfile

# ---------------------------------------------------------------------------
# DER encoding and decoding (definite lengths, one-byte tags: all CMS needs)
# ---------------------------------------------------------------------------


class Node:
    """A TLV: tag byte plus either raw value bytes (primitive) or child nodes."""

    def __init__(self, tag, value=None, children=None):
        self.tag = tag
        self.value = value
        self.children = children

    @property
    def constructed(self):
        return bool(self.tag & 0x20)

    def encode(self):
        body = self.value if self.children is None else b"".join(c.encode() for c in self.children)
        return bytes([self.tag]) + enc_len(len(body)) + body


def enc_len(n):
    if n < 0x80:
        return bytes([n])
    out = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(out)]) + out


def parse_one(data, pos):
    tag = data[pos]
    if tag & 0x1F == 0x1F:
        raise ValueError("multi-byte tags not supported")
    first = data[pos + 1]
    pos += 2
    if first < 0x80:
        length = first
    else:
        n = first & 0x7F
        if n == 0:
            raise ValueError("indefinite length not supported")
        length = int.from_bytes(data[pos:pos + n], "big")
        pos += n
    value = data[pos:pos + length]
    if len(value) != length:
        raise ValueError("truncated")
    end = pos + length
    if tag & 0x20:
        children, p = [], 0
        while p < len(value):
            child, p = parse_one(value, p)
            children.append(child)
        return Node(tag, children=children), end
    return Node(tag, value=value), end


def parse(data):
    node, end = parse_one(data, 0)
    if end != len(data):
        raise ValueError("trailing data")
    return node


def enc_oid(dotted):
    arcs = [int(a) for a in dotted.split(".")]
    body = bytearray()
    for i, arc in enumerate([arcs[0] * 40 + arcs[1]] + arcs[2:]):
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        body.extend(reversed(chunk))
    return Node(0x06, value=bytes(body))


# ---------------------------------------------------------------------------
# Locating the parts of a SignedData
# ---------------------------------------------------------------------------


def signed_data(root):
    return root.children[1].children[0]


def signer_infos(root):
    return signed_data(root).children[-1]


def signer(root, which):
    """The SignerInfo at index `which`, or the one whose signatureAlgorithm is RSA (`rsa`) or
    ECDSA (`ec`): OpenSSL sorts the SET OF SignerInfo, so indexes depend on encodings."""
    infos = signer_infos(root).children
    if which.isdigit():
        return infos[int(which)]
    prefix = {"rsa": enc_oid("1.2.840.113549.1.1").value, "ec": enc_oid("1.2.840.10045.4").value}[which]
    found = [si for si in infos if si.children[sig_alg_index(si)].children[0].value.startswith(prefix)]
    if len(found) != 1:
        raise SystemExit(f"dertool: {len(found)} signers match {which}")
    return found[0]


def field(si, tag):
    for child in si.children:
        if child.tag == tag:
            return child
    return None


def signed_attrs(si):
    attrs = field(si, 0xA0)
    if attrs is None:
        raise SystemExit("dertool: this SignerInfo has no signed attributes")
    return attrs


def sort_set(node):
    node.children.sort(key=lambda c: c.encode())


def attrs_with_oid(attrs, dotted):
    oid = enc_oid(dotted).encode()
    return [a for a in attrs.children if a.children[0].encode() == oid]


def sig_alg_index(si):
    # version, sid, digestAlgorithm, [0] signedAttrs?, signatureAlgorithm, signature, [1]?
    return 4 if si.children[3].tag == 0xA0 else 3


# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------


def cmd_set_attr(root, args):
    attrs = signed_attrs(signer(root, args.signer))
    found = attrs_with_oid(attrs, args.oid)
    if not found:
        raise SystemExit(f"dertool: no attribute {args.oid}")
    if args.hex:
        value = parse(bytes.fromhex(args.hex))
    elif args.utctime:
        value = Node(0x17, value=args.utctime.encode("ascii"))
    else:
        value = enc_oid(args.value_oid)
    for attr in found:
        attr.children[1] = Node(0x31, children=[value])
    sort_set(attrs)


def cmd_drop_attr(root, args):
    attrs = signed_attrs(signer(root, args.signer))
    before = len(attrs.children)
    oid = enc_oid(args.oid).encode()
    attrs.children = [a for a in attrs.children if a.children[0].encode() != oid]
    if len(attrs.children) == before:
        raise SystemExit(f"dertool: no attribute {args.oid}")


def cmd_dup_attr(root, args):
    attrs = signed_attrs(signer(root, args.signer))
    found = attrs_with_oid(attrs, args.oid)
    if not found:
        raise SystemExit(f"dertool: no attribute {args.oid}")
    attrs.children.append(parse(found[0].encode()))
    sort_set(attrs)


def cmd_add_unsigned_attr(root, args):
    si = signer(root, args.signer)
    attr = Node(0x30, children=[enc_oid(args.oid), Node(0x31, children=[parse(bytes.fromhex(args.hex))])])
    unsigned = field(si, 0xA1)
    if unsigned is None:
        unsigned = Node(0xA1, children=[])
        si.children.append(unsigned)
    unsigned.children.append(attr)
    sort_set(unsigned)


def cmd_resign(root, args):
    si = signer(root, args.signer)
    attrs = signed_attrs(si)
    to_be_signed = Node(0x31, children=attrs.children).encode()
    with tempfile.TemporaryDirectory() as tmp:
        msg = os.path.join(tmp, "attrs.der")
        sig = os.path.join(tmp, "sig.bin")
        with open(msg, "wb") as f:
            f.write(to_be_signed)
        cmd = [os.environ.get("OPENSSL", "openssl"), "dgst", "-" + args.md, "-sign", args.key]
        for opt in args.sigopt or []:
            cmd += ["-sigopt", opt]
        cmd += ["-out", sig, msg]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        with open(sig, "rb") as f:
            signature = f.read()
    si.children[sig_alg_index(si) + 1] = Node(0x04, value=signature)


def cmd_set_sigalg(root, args):
    si = signer(root, args.signer)
    si.children[sig_alg_index(si)] = parse(bytes.fromhex(args.hex))


def cmd_corrupt_signature(root, args):
    si = signer(root, args.signer)
    sig = si.children[sig_alg_index(si) + 1]
    value = bytearray(sig.value)
    value[len(value) // 2] ^= 0x01
    sig.value = bytes(value)


def cmd_set_econtent(root, args):
    encap = signed_data(root).children[2]
    if len(encap.children) < 2:
        raise SystemExit("dertool: detached SignedData has no eContent")
    with open(args.content, "rb") as f:
        encap.children[1].children[0] = Node(0x04, value=f.read())


def cmd_merge(root, args):
    with open(args.other, "rb") as f:
        other = signed_data(parse(f.read()))
    sd = signed_data(root)
    digests = sd.children[1]
    for alg in other.children[1].children:
        if all(alg.encode() != d.encode() for d in digests.children):
            digests.children.append(alg)
    sort_set(digests)
    certs, other_certs = field(sd, 0xA0), field(other, 0xA0)
    if other_certs is not None:
        if certs is None:
            raise SystemExit("dertool: merge into a SignedData without certificates")
        certs.children.extend(other_certs.children)
        sort_set(certs)
    sd.children[-1].children.extend(other.children[-1].children)
    sort_set(sd.children[-1])


def cmd_get_signature(root, args):
    si = signer(root, args.signer)
    return si.children[sig_alg_index(si) + 1].value


def cmd_get_econtent(root, args):
    encap = signed_data(root).children[2]
    if len(encap.children) < 2:
        raise SystemExit("dertool: detached SignedData has no eContent")
    return encap.children[1].children[0].value


COMMANDS = {
    "set-attr": cmd_set_attr,
    "drop-attr": cmd_drop_attr,
    "dup-attr": cmd_dup_attr,
    "add-unsigned-attr": cmd_add_unsigned_attr,
    "resign": cmd_resign,
    "set-sigalg": cmd_set_sigalg,
    "corrupt-signature": cmd_corrupt_signature,
    "set-econtent": cmd_set_econtent,
    "merge": cmd_merge,
    "get-signature": cmd_get_signature,
    "get-econtent": cmd_get_econtent,
}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("command", choices=sorted(COMMANDS))
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--signer", default="0", help="index, or rsa / ec")
    p.add_argument("--oid")
    p.add_argument("--hex")
    p.add_argument("--utctime")
    p.add_argument("--value-oid")
    p.add_argument("--key")
    p.add_argument("--md")
    p.add_argument("--sigopt", action="append")
    p.add_argument("--content")
    p.add_argument("--other")
    args = p.parse_args()
    with open(args.input, "rb") as f:
        root = parse(f.read())
    extracted = COMMANDS[args.command](root, args)
    with open(args.output, "wb") as f:
        # The get-* commands extract bytes; the others edit the SignedData.
        f.write(root.encode() if extracted is None else extracted)


if __name__ == "__main__":
    sys.exit(main())
