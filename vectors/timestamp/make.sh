#!/usr/bin/env bash
# Regenerates the RFC 3161 timestamp vectors with the OpenSSL command line (an independent
# producer): a TSA root and TSA certificates, tokens made by `openssl ts -query/-reply`, and
# CAdES-T documents (a signature-time-stamp token spliced into a SignerInfo of
# ../cms/signed/rsa-card-attached.der with ../cms/dertool.py). Keys of the TSA PKI are made
# fresh and discarded; the card key comes from ../migration-world. Tokens carry the real
# generation time (the day this is run). Run from anywhere; outputs land in this directory.
#
# Needs bash, OpenSSL 3.0+ (`openssl`, or OPENSSL=...), python3 (or PYTHON=...).
set -euo pipefail
OPENSSL=${OPENSSL:-openssl}
PYTHON=${PYTHON:-python3}
export OPENSSL
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$HERE"
MW=../migration-world
CMS=../cms
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ossl() { "$OPENSSL" "$@" 2>>"$WORK/log" || { tail -20 "$WORK/log" >&2; exit 1; }; }
dertool() { "$PYTHON" "$CMS/dertool.py" "$@"; }
hex() { od -An -v -tx1 "$1" | tr -d ' \n'; }

rm -rf certs tokens cades manifest.json
mkdir -p certs tokens cades

# --- The TSA PKI: P-256, valid from today for 5200 / 5000 days (into 2040), so that tests can
# validate the TSA path in 2036 while the token's genTime is the day this ran.
key() { ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/$1.key"; }
cert() { # name subject days extensions
  local name=$1 subject=$2 days=$3 ext=$4
  printf '%s\n' "$ext" > "$WORK/$name.ext"
  ossl req -new -key "$WORK/$name.key" -subj "$subject" -out "$WORK/$name.csr"
  if [ "$name" = tsa-root ]; then
    ossl x509 -req -in "$WORK/$name.csr" -signkey "$WORK/$name.key" -out "certs/$name.pem" \
      -days "$days" -extfile "$WORK/$name.ext" -set_serial 1
  else
    ossl x509 -req -in "$WORK/$name.csr" -CA certs/tsa-root.pem -CAkey "$WORK/tsa-root.key" \
      -out "certs/$name.pem" -days "$days" -extfile "$WORK/$name.ext" \
      -set_serial "0x$(openssl rand -hex 8)"
  fi
  ossl x509 -in "certs/$name.pem" -outform DER -out "certs/$name.der"
}
for k in tsa-root tsa tsa-noncritical tsa-no-eku; do key "$k"; done
EE='basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid'
cert tsa-root "/O=JPKI Test/CN=TSA Root" 5200 'basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash'
cert tsa "/O=JPKI Test/CN=Test TSA" 5000 "$EE
extendedKeyUsage=critical,timeStamping"
cert tsa-noncritical "/O=JPKI Test/CN=Test TSA EKU not critical" 5000 "$EE
extendedKeyUsage=timeStamping"
cert tsa-no-eku "/O=JPKI Test/CN=Test TSA without EKU" 5000 "$EE"

# --- Tokens. `openssl ts -query` adds a random 64-bit nonce by default; -cert asks the TSA to
# include its certificate.
printf 'A document whose existence a TSA vouches for.\n' > data.txt
printf 'Some other document.\n' > other.txt
echo 01 > "$WORK/serial"
reply() { # query-file token-out
  (cd "$WORK" && ossl ts -reply -config "$HERE/tsa.cnf" -queryfile "$1" \
    -inkey "$WORK/tsa.key" -signer "$HERE/certs/tsa.pem" -chain "$HERE/certs/tsa-root.pem" \
    -token_out -out "$2")
}
ossl ts -query -data data.txt -sha256 -cert -out "$WORK/good.tsq"
NONCE=$("$OPENSSL" ts -query -in "$WORK/good.tsq" -text | sed -n 's/^Nonce: 0x//p' | tr 'A-F' 'a-f')
[ -n "$NONCE" ] || { echo "make.sh: no nonce in the query" >&2; exit 1; }
reply "$WORK/good.tsq" "$HERE/tokens/good.tst"
ossl ts -query -data data.txt -sha256 -cert -no_nonce -tspolicy 1.3.6.1.4.1.32473.3161.2 -out "$WORK/policy2.tsq"
reply "$WORK/policy2.tsq" "$HERE/tokens/policy-other.tst"
# A SHA-1 imprint (the verifier refuses it: a SHA-1 collision would let one token cover two
# documents).
ossl ts -query -data data.txt -sha1 -cert -no_nonce -out "$WORK/sha1.tsq"
reply "$WORK/sha1.tsq" "$HERE/tokens/sha1-imprint.tst"
# Every fault below is in one field of an otherwise good token.
dertool corrupt-signature tokens/good.tst tokens/bad-signature.tst
# OpenSSL's TSA refuses a signer whose EKU is not exactly a critical timeStamping
# (X509_PURPOSE_TIMESTAMP_SIGN), so these two sign the good token's TSTInfo with `openssl cms`.
dertool get-econtent tokens/good.tst "$WORK/tstinfo.der"
for signer in tsa-no-eku tsa-noncritical; do
  ossl cms -sign -binary -nodetach -in "$WORK/tstinfo.der" -econtent_type id-smime-ct-TSTInfo \
    -signer "certs/$signer.pem" -inkey "$WORK/$signer.key" -md sha256 -nosmimecap \
    -outform DER -out "tokens/$signer.tst"
done
# A SignedData over id-data from the real TSA: not a timestamp token.
ossl cms -sign -binary -nodetach -in data.txt -signer certs/tsa.pem -inkey "$WORK/tsa.key" \
  -md sha256 -nosmimecap -outform DER -out tokens/not-tstinfo.tst

# --- CAdES-T: the token's imprint is over the SignerInfo's signature value (RFC 3161 App. A).
SIGTS=1.2.840.113549.1.9.16.2.14
timestamp_signature() { # in out
  dertool get-signature "$1" "$WORK/sig.bin" --signer 0
  ossl ts -query -data "$WORK/sig.bin" -sha256 -cert -no_nonce -out "$WORK/sig.tsq"
  reply "$WORK/sig.tsq" "$WORK/sig.tst"
  dertool add-unsigned-attr "$1" "$2" --signer 0 --oid $SIGTS --hex "$(hex "$WORK/sig.tst")"
}
cp "$CMS/signed/rsa-card-attached.der" cades/rsa-bes.der
timestamp_signature cades/rsa-bes.der cades/rsa-t.der
CADES_TIME=$("$OPENSSL" ts -reply -in "$WORK/sig.tst" -token_in -text | sed -n 's/^Time stamp: //p')
# A claim later than the proof: signing-time 2030-01-01, re-signed by the card, then stamped.
dertool set-attr cades/rsa-bes.der "$WORK/late.der" --signer 0 --oid 1.2.840.113549.1.9.5 \
  --utctime 300101000000Z
dertool resign "$WORK/late.der" "$WORK/late2.der" --signer 0 \
  --key "$MW/keys/sign-leaf-rsa-card.key.pem" --md sha256
timestamp_signature "$WORK/late2.der" cades/rsa-t-late-claim.der
# A token over something else (the good standalone token's data) spliced in.
dertool add-unsigned-attr cades/rsa-bes.der cades/rsa-t-wrong-imprint.der --signer 0 \
  --oid $SIGTS --hex "$(hex tokens/good.tst)"

GEN_TIME=$("$OPENSSL" ts -reply -in tokens/good.tst -token_in -text | sed -n 's/^Time stamp: //p')
cat > manifest.json <<JSON
{
  "description": "RFC 3161 timestamp vectors; generated by make.sh, see README.md",
  "generated": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "good_gen_time_openssl": "$GEN_TIME",
  "good_gen_time": "$(date -u -d "$GEN_TIME" +%Y-%m-%dT%H:%M:%SZ)",
  "cades_gen_time": "$(date -u -d "$CADES_TIME" +%Y-%m-%dT%H:%M:%SZ)",
  "nonce": "$NONCE",
  "policies": { "default": "1.3.6.1.4.1.32473.3161.1", "other": "1.3.6.1.4.1.32473.3161.2" },
  "accuracy": { "seconds": 1, "millis": 500, "micros": 100 },
  "tokens": {
    "good": "tokens/good.tst over data.txt, nonce, default policy",
    "policy-other": "tokens/policy-other.tst over data.txt, no nonce, policy 1.3.6.1.4.1.32473.3161.2",
    "sha1-imprint": "tokens/sha1-imprint.tst over data.txt with a SHA-1 imprint",
    "bad-signature": "tokens/bad-signature.tst: good.tst with one signature bit flipped",
    "tsa-no-eku": "tokens/tsa-no-eku.tst: good TSTInfo signed by a TSA certificate without EKU",
    "tsa-noncritical": "tokens/tsa-noncritical.tst: good TSTInfo, TSA EKU timeStamping not critical",
    "not-tstinfo": "tokens/not-tstinfo.tst: SignedData over id-data by the TSA"
  },
  "cades": {
    "rsa-bes": "cades/rsa-bes.der: ../cms/signed/rsa-card-attached.der (signing-time claim only)",
    "rsa-t": "cades/rsa-t.der: rsa-bes plus a signature-time-stamp token",
    "rsa-t-late-claim": "cades/rsa-t-late-claim.der: signing-time 2030-01-01, stamped earlier",
    "rsa-t-wrong-imprint": "cades/rsa-t-wrong-imprint.der: token over data.txt, not the signature"
  }
}
JSON
# Self-check: OpenSSL's own verifier agrees on the good token and the wrong data.
ossl ts -verify -data data.txt -in tokens/good.tst -token_in -CAfile certs/tsa-root.pem \
  -untrusted certs/tsa.pem
if "$OPENSSL" ts -verify -data other.txt -in tokens/good.tst -token_in \
  -CAfile certs/tsa-root.pem -untrusted certs/tsa.pem >/dev/null 2>&1; then
  echo "make.sh: wrong data verified" >&2; exit 1
fi
echo "make.sh: ok"
