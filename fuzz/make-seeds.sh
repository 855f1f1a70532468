#!/usr/bin/env bash
# Builds the seed corpora in fuzz/corpus/<target>/ from the committed vectors in ../vectors.
# The corpus directory is not committed: run this before fuzzing (smoke.sh does).
set -euo pipefail
cd "$(dirname "$0")"
root=..
mkdir -p corpus

# signature: alg | key_len | key | sig_len | sig | message, for every committed signature.
# The algorithm byte is the index in BACKEND_WITH_LEGACY_RSA.algorithms (order in
# src/rustcrypto.rs); a wrong index only makes a less useful seed, never a wrong test.
mkdir -p corpus/signature
python3 - "$root/vectors/keys" corpus/signature <<'PY'
import os, struct, sys
keys, out = sys.argv[1], sys.argv[2]
order = ["rsa-pkcs1-sha256", "rsa-pkcs1-sha384", "rsa-pkcs1-sha512", "rsa-pkcs1-sha1",
         "rsa-pss-sha256", "rsa-pss-sha384", "rsa-pss-sha512",
         "ecdsa-p256-sha256", "ecdsa-p256-sha384", "ecdsa-p256-sha512",
         "ecdsa-p384-sha256", "ecdsa-p384-sha384", "ecdsa-p384-sha512",
         "ecdsa-p256-sha256-p1363", "ecdsa-p256-sha384-p1363", "ecdsa-p256-sha512-p1363",
         "ecdsa-p384-sha256-p1363", "ecdsa-p384-sha384-p1363", "ecdsa-p384-sha512-p1363"]
message = open(os.path.join(keys, "message.txt"), "rb").read()
for i, name in enumerate(order):
    key = "rsa2048" if name.startswith("rsa") else name.split("-")[1]
    spki = open(os.path.join(keys, key + ".spki.der"), "rb").read()
    sig = open(os.path.join(keys, name + ".sig"), "rb").read()
    blob = bytes([i]) + struct.pack(">H", len(spki)) + spki + struct.pack(">H", len(sig)) + sig + message
    open(os.path.join(out, name), "wb").write(blob)
PY
echo "seeds: $(ls corpus/signature | wc -l) signature"

# sunset_table: every committed table, well-formed and malformed.
mkdir -p corpus/sunset_table
cp "$root"/vectors/policy/*.toml "$root"/vectors/policy/malformed/*.toml corpus/sunset_table/
echo "seeds: $(ls corpus/sunset_table | wc -l) sunset_table"
