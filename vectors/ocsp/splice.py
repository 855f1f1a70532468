#!/usr/bin/env python3
"""splice.py IN OUT RESPONSE...: embeds OCSP responses in a DER SignedData (from
`openssl cms -sign`) as RevocationInfoChoice `other [1]` with otherRevInfoFormat
id-ri-ocsp-response (RFC 5940), and sets the SignedData version to 5 (RFC 5652 5.1, required
with `other` revocation info). Neither field is covered by the signature. Uses the DER
helpers of vectors/cms/dertool.py."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cms"))
import dertool  # noqa: E402

src, out, responses = sys.argv[1], sys.argv[2], sys.argv[3:]
root = dertool.parse(open(src, "rb").read())
sd = dertool.signed_data(root)
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
