#!/usr/bin/env bash
# Regenerates the long-term-validation vectors with the OpenSSL 3.0 command line: one archived
# CAdES-T document (the RSA card's ../cms/signed/rsa-card-attached.der) carrying, next to its
# signature-time-stamp token, an OCSP response for the card's signing certificate that covers
# the token's genTime. The response is signed by the card's issuing CA (sign-root-gen3-rsa of
# ../migration-world, whose key is committed there) with `openssl ocsp`; the timestamp is
# taken *after* the response (OCSP first, then the token), so that genTime falls inside
# [thisUpdate, nextUpdate]. The TSA PKI is made fresh here (keys discarded; the TSA of
# ../timestamp kept no key). Splicing uses ../ocsp/splice.py and ../cms/dertool.py.
# Tests never run OpenSSL; manifest.json records the times. Run from anywhere.
#
# Needs bash, OpenSSL 3.0+ (`openssl`, or OPENSSL=...), python3 (or PYTHON=...), GNU date.
set -euo pipefail
export LC_ALL=C
OPENSSL=${OPENSSL:-openssl}
PYTHON=${PYTHON:-python3}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$HERE"
MW=../migration-world
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ossl() { "$OPENSSL" "$@" 2>>"$WORK/log" || { tail -20 "$WORK/log" >&2; exit 1; }; }
dertool() { "$PYTHON" ../cms/dertool.py "$@"; }
hex() { od -An -v -tx1 "$1" | tr -d ' \n'; }
iso() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }

rm -rf certs ocsp cades manifest.json
mkdir -p certs ocsp cades

LEAF=$MW/certs/sign-leaf-rsa-card.pem   # serial 10000301, 2024-05-01 .. 2029-04-30
CA=$MW/certs/sign-root-gen3-rsa.pem     # its issuer, 2023-07-16 .. 2033-07-15
CA_KEY=$MW/keys/sign-root-gen3-rsa.key.pem
SERIAL=$("$OPENSSL" x509 -in "$LEAF" -noout -serial | sed 's/^serial=//')
SUBJ=$("$OPENSSL" x509 -in "$LEAF" -noout -subject -nameopt compat | sed 's/^subject=//')

# --- 1. OCSP responses, signed by the CA itself (RFC 6960 4.2.2.2: no delegation needed),
# nextUpdate 7 days after thisUpdate (= now). Two responder databases (`openssl ca` index
# format): the card good, and the card revoked on 2026-06-01 for keyCompromise.
printf 'V\t290430145959Z\t\t%s\tunknown\t%s\n' "$SERIAL" "$SUBJ" > "$WORK/good-index.txt"
printf 'R\t290430145959Z\t260601000000Z,keyCompromise\t%s\tunknown\t%s\n' "$SERIAL" "$SUBJ" \
  > "$WORK/revoked-index.txt"
ossl ocsp -issuer "$CA" -cert "$LEAF" -no_nonce -reqout "$WORK/card.req"
for status in good revoked; do
  ossl ocsp -index "$WORK/$status-index.txt" -CA "$CA" -rsigner "$CA" -rkey "$CA_KEY" \
    -reqin "$WORK/card.req" -respout "ocsp/card-$status.der" -ndays 7
done
field() { # response label
  "$OPENSSL" ocsp -respin "$1" -resp_text -noverify 2>/dev/null \
    | awk -F': ' -v l="$2" '$0 ~ l {print $2; exit}'
}
THIS_UPDATE=$(field ocsp/card-good.der 'This Update')
NEXT_UPDATE=$(field ocsp/card-good.der 'Next Update')
# Self-check: OpenSSL's client accepts the good response with the CA as its trust.
ossl ocsp -respin ocsp/card-good.der -issuer "$CA" -cert "$LEAF" -CAfile "$CA" \
  -verify_other "$CA" -no_nonce -resp_text > "$WORK/good.txt"
grep -q ': good' "$WORK/good.txt" || { echo "make.sh: good response not good" >&2; exit 1; }
sleep 1 # genTime strictly after thisUpdate

# --- 2. The TSA PKI (P-256, keys discarded), valid from today into 2040, so that the TSA path
# validates in 2036 while genTime is the day this ran.
key() { ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/$1.key"; }
key tsa-root
key tsa
printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n' \
  > "$WORK/root.ext"
printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\nextendedKeyUsage=critical,timeStamping\n' \
  > "$WORK/tsa.ext"
ossl req -new -key "$WORK/tsa-root.key" -subj "/O=JPKI Test/CN=LTV TSA Root" -out "$WORK/root.csr"
ossl x509 -req -in "$WORK/root.csr" -signkey "$WORK/tsa-root.key" -out certs/tsa-root.pem \
  -days 5200 -extfile "$WORK/root.ext" -set_serial 1
ossl req -new -key "$WORK/tsa.key" -subj "/O=JPKI Test/CN=LTV TSA" -out "$WORK/tsa.csr"
ossl x509 -req -in "$WORK/tsa.csr" -CA certs/tsa-root.pem -CAkey "$WORK/tsa-root.key" \
  -out certs/tsa.pem -days 5000 -extfile "$WORK/tsa.ext" -set_serial 2
for c in tsa-root tsa; do ossl x509 -in "certs/$c.pem" -outform DER -out "certs/$c.der"; done

# --- 3. The signature-time-stamp token over the card signature's value (after the OCSP
# responses: the order matters), spliced in as id-aa-signatureTimeStampToken.
echo 01 > "$WORK/serial"
dertool get-signature ../cms/signed/rsa-card-attached.der "$WORK/sig.bin" --signer 0
ossl ts -query -data "$WORK/sig.bin" -sha256 -cert -no_nonce -out "$WORK/sig.tsq"
(cd "$WORK" && ossl ts -reply -config "$HERE/../timestamp/tsa.cnf" -queryfile sig.tsq \
  -inkey tsa.key -signer "$HERE/certs/tsa.pem" -chain "$HERE/certs/tsa-root.pem" \
  -token_out -out sig.tst)
GEN_TIME=$("$OPENSSL" ts -reply -in "$WORK/sig.tst" -token_in -text | sed -n 's/^Time stamp: //p')
# The TSA's own status is checked "now" (2036), not at genTime: the token carries (in its
# unsigned RevocationInfoChoices) a CRL of the TSA root listing nothing, nextUpdate 5000 days
# out (past 2036; the TSA certificate ends about then). It stands in for the TSA root's current
# CRL that a verifier would otherwise fetch, so that the archive verifies with nothing beside it.
cat > "$WORK/crl.cnf" <<'CNF'
[ca]
default_ca = d
[d]
database = index.txt
default_md = sha256
crl_extensions = crl_ext
[crl_ext]
authorityKeyIdentifier = keyid
CNF
: > "$WORK/index.txt"
(cd "$WORK" && ossl ca -batch -config crl.cnf -gencrl -cert "$HERE/certs/tsa-root.pem" \
  -keyfile tsa-root.key -crldays 5000 -out tsa-root.crl.pem)
ossl crl -in "$WORK/tsa-root.crl.pem" -outform DER -out certs/tsa-root.crl
"$PYTHON" - "$WORK/sig.tst" certs/tsa-root.crl <<'PY'
import sys
sys.path.insert(0, "../cms")
import dertool
token, crl = sys.argv[1], sys.argv[2]
root = dertool.parse(open(token, "rb").read())
sd = dertool.signed_data(root)
assert not any(c.tag == 0xA1 for c in sd.children), "token already has crls"
# crls [1] IMPLICIT RevocationInfoChoices, just before signerInfos.
sd.children.insert(len(sd.children) - 1, dertool.Node(0xA1, children=[dertool.parse(open(crl, "rb").read())]))
open(token, "wb").write(root.encode())
PY
dertool add-unsigned-attr ../cms/signed/rsa-card-attached.der cades/rsa-t.der --signer 0 \
  --oid 1.2.840.113549.1.9.16.2.14 --hex "$(hex "$WORK/sig.tst")"

# --- 4. The evidence spliced in (unsigned places: the signature and the token still hold).
"$PYTHON" ../ocsp/splice.py cades/rsa-t.der cades/rsa-t-ocsp.der ocsp/card-good.der
"$PYTHON" ../ocsp/splice.py --cades cades/rsa-t.der cades/rsa-t-cades-ocsp.der ocsp/card-good.der
"$PYTHON" ../ocsp/splice.py cades/rsa-t.der cades/rsa-t-ocsp-revoked.der ocsp/card-revoked.der

# genTime must lie in [thisUpdate, nextUpdate] (the verifier's tolerance is not needed).
g=$(date -u -d "$GEN_TIME" +%s); t=$(date -u -d "$THIS_UPDATE" +%s); n=$(date -u -d "$NEXT_UPDATE" +%s)
[ "$t" -le "$g" ] && [ "$g" -le "$n" ] || { echo "make.sh: genTime outside the response" >&2; exit 1; }

cat > manifest.json <<JSON
{
  "description": "Long-term validation vectors; generated by make.sh, see README.md",
  "generated": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "signer": "../migration-world/certs/sign-leaf-rsa-card.der (serial $SERIAL)",
  "issuer": "../migration-world/certs/sign-root-gen3-rsa.der",
  "ocsp_this_update": "$(iso "$THIS_UPDATE")",
  "ocsp_next_update": "$(iso "$NEXT_UPDATE")",
  "revoked_at": "2026-06-01T00:00:00Z",
  "revocation_reason": "keyCompromise",
  "gen_time": "$(iso "$GEN_TIME")",
  "tsa_crl_next_update": "$(iso "$("$OPENSSL" crl -in certs/tsa-root.crl -inform DER -noout -nextupdate | sed 's/^nextUpdate=//')")",
  "files": {
    "ocsp/card-good.der": "OCSPResponse by the CA: the card good, nextUpdate +7 days",
    "ocsp/card-revoked.der": "OCSPResponse by the CA: the card revoked 2026-06-01, keyCompromise",
    "certs/tsa-root.der": "LTV TSA Root (trust anchor for the token)",
    "certs/tsa.der": "LTV TSA (EKU critical timeStamping)",
    "certs/tsa-root.crl": "CRL of the LTV TSA Root, empty, nextUpdate +5000 days; also inside the token",
    "cades/rsa-t.der": "CAdES-T: rsa-card-attached.der plus a signature-time-stamp token, no evidence",
    "cades/rsa-t-ocsp.der": "rsa-t plus card-good.der as RevocationInfoChoice other [1] id-ri-ocsp-response",
    "cades/rsa-t-cades-ocsp.der": "rsa-t plus card-good.der in the unsigned attribute revocationValues",
    "cades/rsa-t-ocsp-revoked.der": "rsa-t plus card-revoked.der as RevocationInfoChoice other [1]"
  }
}
JSON
"$PYTHON" -m json.tool manifest.json > /dev/null
echo "make.sh: ok (thisUpdate $THIS_UPDATE, genTime $GEN_TIME)"
