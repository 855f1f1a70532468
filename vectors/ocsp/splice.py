#!/usr/bin/env python3
"""splice.py [--cades] IN OUT RESPONSE...: embeds OCSP responses in a DER SignedData (from
`openssl cms -sign`).

Without --cades: as RevocationInfoChoice `other [1]` with otherRevInfoFormat
id-ri-ocsp-response (RFC 5940), setting the SignedData version to 5 (RFC 5652 5.1, required
with `other` revocation info). With --cades: as the first signer's unsigned attribute
id-aa-ets-revocationValues (RFC 5126 6.3.4), `RevocationValues { ocspVals [1] SEQUENCE OF
BasicOCSPResponse }` (the responses' BasicOCSPResponse, taken out of their OCSPResponse).
Neither place is covered by the signature. Uses the DER helpers of vectors/cms/dertool.py."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cms"))
import dertool  # noqa: E402

cades = sys.argv[1] == "--cades"
args = sys.argv[2:] if cades else sys.argv[1:]
src, out, responses = args[0], args[1], args[2:]
root = dertool.parse(open(src, "rb").read())
sd = dertool.signed_data(root)
if cades:
    # OCSPResponse -> responseBytes [0] -> ResponseBytes -> response OCTET STRING.
    basics = [dertool.parse(dertool.parse(open(r, "rb").read()).children[1].children[0].children[1].value) for r in responses]
    values = dertool.Node(0x30, children=[dertool.Node(0xA1, children=[dertool.Node(0x30, children=basics)])])
    dertool.cmd_add_unsigned_attr(root, type("A", (), {"signer": "0", "oid": "1.2.840.113549.1.9.16.2.24", "hex": values.encode().hex()})())
    open(out, "wb").write(root.encode())
    sys.exit(0)
others = [
    dertool.Node(0xA1, children=[dertool.enc_oid("1.3.6.1.5.5.7.16.2"), dertool.parse(open(r, "rb").read())])
    for r in responses
]
crls = next((c for c in sd.children if c.tag == 0xA1), None)
if crls is None:
    crls = dertool.Node(0xA1, children=[])
    sd.children.insert(len(sd.children) - 1, crls)
crls.children.extend(others)
sd.children[0] = dertool.Node(0x02, value=b"\x05")
open(out, "wb").write(root.encode())
