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

# Shared data (PKITS) is optional: used when present, never copied into the repository.
shared=${JPKI_SHARED_DIR:-$root/../shared}
pkits="$shared/vectors/pkits"
[ -d "$pkits" ] || { echo "seeds: no PKITS under $shared (set JPKI_SHARED_DIR); committed vectors only"; pkits=""; }

# certificate: every committed certificate (and PKITS's, when present).
mkdir -p corpus/certificate
cp "$root"/vectors/migration-world/certs/*.der "$root"/vectors/cms/certs/*.der corpus/certificate/
[ -n "$pkits" ] && cp "$pkits"/certs/*.crt corpus/certificate/
echo "seeds: $(ls corpus/certificate | wc -l) certificate"

# crl: every committed CRL (and PKITS's).
mkdir -p corpus/crl
cp "$root"/vectors/migration-world/crls/*.der corpus/crl/
[ -n "$pkits" ] && cp "$pkits"/crls/*.crl corpus/crl/
echo "seeds: $(ls corpus/crl | wc -l) crl"

# ocsp: every committed OCSP response (openssl-made, vectors/ocsp).
mkdir -p corpus/ocsp
for f in "$root"/vectors/ocsp/*.der; do
  case "$(basename "$f")" in
    ca.der|other-ca.der|*leaf.der|responder*.der) ;; # certificates
    *) cp "$f" corpus/ocsp/ ;;
  esac
done
echo "seeds: $(ls corpus/ocsp | wc -l) ocsp"

# path and cms: the manifests' chains and cases in the targets' input formats (see the
# comments at the top of fuzz_targets/path.rs and cms.rs), plus structure-aware seeds.
mkdir -p corpus/path corpus/cms
python3 - "$root/vectors" "$pkits" corpus/path corpus/cms <<'PY'
import json, os, struct, sys
vectors, pkits, path_out, cms_out = sys.argv[1:5]
# fuzz/src/lib.rs TIMES, in order.
times = ["2026-06-02T00:00:00Z", "2025-06-01T00:00:00Z", "2028-07-01T00:00:00Z",
         "2030-01-01T00:00:00Z", "2017-06-01T00:00:00Z", "2026-01-02T00:00:00Z",
         "2041-01-01T00:00:00Z", "2034-01-01T00:00:00Z"]

def record(kind, blob):
    return bytes([kind]) + struct.pack(">H", len(blob)) + blob

def der(base, rel):
    rel = rel[:-4] + ".der" if rel.endswith(".pem") else rel
    return open(os.path.join(base, rel), "rb").read()

mw = os.path.join(vectors, "migration-world")
manifest = json.load(open(os.path.join(mw, "manifest.json")))
for chain in manifest["chains"]:
    if chain["at"] not in times:
        continue
    t = times.index(chain["at"])
    revocation = 2 if chain["crls"] else 0
    flags = (t << 1) | (revocation << 4)
    body = record(0, der(mw, chain["target"]))
    body += b"".join(record(1, der(mw, c)) for c in chain["untrusted"])
    body += b"".join(record(2, der(mw, c)) for c in chain["anchors"])
    body += b"".join(record(3, der(mw, c)) for c in chain["crls"])
    for extra in (0, 0x40, 0x80):
        name = f"mw-{chain['name']}-{extra:02x}"
        open(os.path.join(path_out, name), "wb").write(bytes([flags | extra]) + body)

if pkits:
    rows = open(os.path.join(pkits, "pkits_tests.tsv")).read().splitlines()[1:]
    for row in rows:
        cols = row.split("\t")
        number, certs, crls = cols[0], cols[3].split(","), cols[4].split(",") if cols[4] != "-" else []
        read = lambda d, n, ext: open(os.path.join(pkits, d, n + ext), "rb").read()
        try:
            body = record(0, read("certs", certs[-1], ".crt"))
            body += b"".join(record(1, read("certs", c, ".crt")) for c in reversed(certs[1:-1]))
            body += record(2, read("certs", certs[0], ".crt"))
            body += b"".join(record(3, read("crls", c, ".crl")) for c in crls)
        except OSError:
            continue
        # Time 0 (2026-06-02, inside PKITS validity), CRLs required.
        open(os.path.join(path_out, f"pkits-{number}"), "wb").write(bytes([0x20]) + body)

# Structure-aware seeds: odd first byte, then bytes for `arbitrary`.
for i in range(16):
    open(os.path.join(path_out, f"structured-{i}"), "wb").write(bytes([1]) + bytes((i * 37 + j * 11) & 0xff for j in range(64)))
    open(os.path.join(cms_out, f"structured-{i}"), "wb").write(bytes([1 | (i << 3) & 0xf8]) + bytes((i * 53 + j * 7) & 0xff for j in range(64)))

cms = os.path.join(vectors, "cms")
cases = json.load(open(os.path.join(cms, "manifest.json")))["cases"]
requirement = {"all": 0, "any": 1}
for case in cases:
    if not case["file"].endswith(".der"):
        continue
    if case["at"] == "signing-time":
        t = 0
    elif case["at"] in times[:7]:
        t = times.index(case["at"]) + 1
    else:
        continue
    req = 3 if case.get("allow_sha1") else requirement.get(case["signers"], 2)
    revocation = {"require": 2, "available": 1}.get(case["revocation"], 0)
    flags = (t << 5) | (req << 3) | (revocation << 1)
    content = 1 if case["content"] == "content.txt" else 0
    signed = open(os.path.join(cms, case["file"]), "rb").read()
    open(os.path.join(cms_out, f"case-{case['id']}"), "wb").write(bytes([flags, content]) + signed)
    if content:
        open(os.path.join(cms_out, f"case-{case['id']}-reader"), "wb").write(bytes([flags, content | 2]) + signed)
PY
echo "seeds: $(ls corpus/path | wc -l) path, $(ls corpus/cms | wc -l) cms"

# timestamp: every committed token (mode byte 1, 3, 5: verified, with a nonce or the
# policy asked), and the TSTInfo of each (mode byte 0: parsed).
mkdir -p corpus/timestamp
for token in "$root"/vectors/timestamp/tokens/*.tst; do
  name=$(basename "$token" .tst)
  for mode in 1 3 5; do
    { printf "\\x0$mode"; cat "$token"; } > "corpus/timestamp/token-$name-$mode"
  done
  if python3 "$root/vectors/cms/dertool.py" get-econtent "$token" "corpus/timestamp/.tst" 2>/dev/null; then
    { printf '\x00'; cat corpus/timestamp/.tst; } > "corpus/timestamp/tstinfo-$name"
  fi
  rm -f corpus/timestamp/.tst
done
echo "seeds: $(ls corpus/timestamp | wc -l) timestamp"
