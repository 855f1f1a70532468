#!/usr/bin/env bash
# Regenerates the OCSP vectors with OpenSSL 3.0 (`openssl ca` for certificates with fixed dates,
# `openssl ocsp` as the responder). Run from this directory. Certificates are deterministic in
# their dates; responses carry thisUpdate = producedAt = the generation time, which
# manifest.json records (tests validate relative to it, never at the wall clock).
set -euo pipefail
export LC_ALL=C
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/$1.key" 2>/dev/null; }

# A minimal `openssl ca` configuration: -startdate/-enddate give fixed validity periods (3.0's
# `openssl x509` has no -not_before), extension sections below are picked with -extensions.
cat > "$work/ca.cnf" <<'CNF'
[ca]
default_ca = d
[d]
database = index.txt
new_certs_dir = .
serial = serial.txt
default_md = sha256
policy = p
unique_subject = no
copy_extensions = none
[p]
commonName = supplied
organizationName = optional
[ca_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[ee_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
authorityKeyIdentifier = keyid
[responder_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = OCSPSigning
noCheck = ignored
authorityKeyIdentifier = keyid
[noeku_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
noCheck = ignored
authorityKeyIdentifier = keyid
CNF

# cert NAME SUBJECT ISSUER(self|name) EXT SERIAL START END
cert() {
  local name=$1 subject=$2 issuer=$3 ext=$4 serial=$5 start=$6 end=$7
  key "$name"
  openssl req -new -key "$work/$name.key" -subj "$subject" -out "$work/$name.csr"
  echo "$serial" > "$work/serial.txt"
  : > "$work/index.txt"
  if [ "$issuer" = self ]; then
    (cd "$work" && openssl ca -batch -config ca.cnf -selfsign -keyfile "$name.key" \
      -in "$name.csr" -out "$name.pem" -extensions "$ext" -startdate "$start" -enddate "$end" \
      -notext 2>/dev/null)
  else
    (cd "$work" && openssl ca -batch -config ca.cnf -cert "$issuer.pem" -keyfile "$issuer.key" \
      -in "$name.csr" -out "$name.pem" -extensions "$ext" -startdate "$start" -enddate "$end" \
      -notext 2>/dev/null)
  fi
  openssl x509 -in "$work/$name.pem" -outform DER -out "$name.der"
}

cert ca "/O=JPKI Test/CN=OCSP Test CA" self ca_ext 01 20250101000000Z 20350101000000Z
cert other-ca "/O=JPKI Test/CN=OCSP Other CA" self ca_ext 02 20250101000000Z 20350101000000Z
cert leaf "/O=JPKI Test/CN=OCSP good leaf" ca ee_ext 1001 20250101000000Z 20350101000000Z
cert revoked-leaf "/O=JPKI Test/CN=OCSP revoked leaf" ca ee_ext 1002 20250101000000Z 20350101000000Z
cert other-leaf "/O=JPKI Test/CN=OCSP other leaf" ca ee_ext 1003 20250101000000Z 20350101000000Z
cert unknown-leaf "/O=JPKI Test/CN=OCSP unlisted leaf" ca ee_ext 1004 20250101000000Z 20350101000000Z
# Delegated responders: authorised (EKU OCSPSigning + nocheck), expired, not yet valid,
# without the EKU, and one with the EKU but issued by another CA.
cert responder "/O=JPKI Test/CN=OCSP responder" ca responder_ext 2001 20250101000000Z 20350101000000Z
cert responder-expired "/O=JPKI Test/CN=OCSP expired responder" ca responder_ext 2002 20250101000000Z 20250601000000Z
cert responder-future "/O=JPKI Test/CN=OCSP future responder" ca responder_ext 2003 20400101000000Z 20450101000000Z
cert responder-noeku "/O=JPKI Test/CN=OCSP responder without EKU" ca noeku_ext 2004 20250101000000Z 20350101000000Z
cert responder-other-ca "/O=JPKI Test/CN=OCSP responder of another CA" other-ca responder_ext 2005 20250101000000Z 20350101000000Z

# The responder's database (`openssl ca` index format): 1001 and 1003 valid, 1002 revoked on
# 2026-01-01 for keyCompromise, 1004 absent (status unknown).
printf 'V\t350101000000Z\t\t1001\tunknown\t/O=JPKI Test/CN=OCSP good leaf\n' > "$work/ocsp-index.txt"
printf 'R\t350101000000Z\t260101000000Z,keyCompromise\t1002\tunknown\t/O=JPKI Test/CN=OCSP revoked leaf\n' >> "$work/ocsp-index.txt"
printf 'V\t350101000000Z\t\t1003\tunknown\t/O=JPKI Test/CN=OCSP other leaf\n' >> "$work/ocsp-index.txt"

# A CRL of the CA from the same database (for FirstOfSources tests): lists 1002.
cp "$work/ocsp-index.txt" "$work/index.txt"
(cd "$work" && openssl ca -batch -config ca.cnf -gencrl -cert ca.pem -keyfile ca.key -crldays 30 \
  -out ca.crl.pem 2>/dev/null)
openssl crl -in "$work/ca.crl.pem" -outform DER -out ca.crl

# respond OUT LEAF SIGNER [request options] -- [responder options]
respond() {
  local out=$1 leaf=$2 signer=$3; shift 3
  local req=() resp=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do req+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  resp=("$@")
  openssl ocsp "${req[@]}" -issuer "$work/ca.pem" -cert "$work/$leaf.pem" -reqout "$work/$out.req"
  openssl ocsp -index "$work/ocsp-index.txt" -CA "$work/ca.pem" -rsigner "$work/$signer.pem" \
    -rkey "$work/$signer.key" -reqin "$work/$out.req" -respout "$out.der" "${resp[@]}" 2>/dev/null
  # The request's nonce (the extnValue's inner OCTET STRING), if any.
  local nonce
  nonce=$(openssl ocsp -reqin "$work/$out.req" -req_text 2>/dev/null \
    | awk '/OCSP Nonce/{getline; gsub(/[ :]/,""); print; exit}')
  local this
  this=$(openssl ocsp -respin "$out.der" -resp_text -noverify 2>/dev/null \
    | awk -F': ' '/This Update/{print $2; exit}')
  manifest+=("  \"$out\": {\"this_update\": \"$(date -u -d "$this" +%Y-%m-%dT%H:%M:%SZ)\", \"nonce\": \"${nonce#0410}\"}")
}

manifest=()
respond good-ca leaf ca -no_nonce -- -ndays 30
respond good-ca-sha256 leaf ca -sha256 -no_nonce -- -ndays 30
respond good-delegated leaf responder -nonce -- -ndays 30
respond good-delegated-sha256 leaf responder -sha256 -nonce -- -ndays 30 -resp_key_id
respond revoked revoked-leaf responder -no_nonce -- -ndays 30
respond revoked-ca revoked-leaf ca -no_nonce -- -ndays 30
respond other-serial other-leaf responder -no_nonce -- -ndays 30
respond unknown unknown-leaf responder -no_nonce -- -ndays 30
respond stale leaf responder -no_nonce -- -nmin 1
respond no-next-update leaf responder -no_nonce --
respond by-responder-expired leaf responder-expired -no_nonce -- -ndays 30
respond by-responder-future leaf responder-future -no_nonce -- -ndays 30
respond by-responder-noeku leaf responder-noeku -no_nonce -- -ndays 30
respond by-responder-other-ca leaf responder-other-ca -no_nonce -- -ndays 30

# CMS documents signed by the good and the revoked leaf (openssl cms), each with the OCSP
# response for its signer embedded (splice.py) as RevocationInfoChoice other [1], and as the
# CAdES unsigned attribute revocationValues.
printf 'OCSP evidence inside CMS\n' > cms-content.txt
for who in leaf revoked-leaf; do
  openssl cms -sign -binary -nodetach -md sha256 -in cms-content.txt -signer "$work/$who.pem" \
    -inkey "$work/$who.key" -certfile "$work/ca.pem" -outform DER -out "$work/$who.cms.der"
done
cp "$work/leaf.cms.der" cms-leaf-plain.der # no evidence: for --ocsp on the command line
python3 splice.py "$work/leaf.cms.der" cms-leaf-with-ocsp.der good-delegated.der
python3 splice.py "$work/revoked-leaf.cms.der" cms-revoked-with-ocsp.der revoked.der
# The same, carried as the CAdES unsigned attribute revocationValues (ocspVals).
python3 splice.py --cades "$work/leaf.cms.der" cms-leaf-cades-ocsp.der good-delegated.der
python3 splice.py --cades "$work/revoked-leaf.cms.der" cms-revoked-cades-ocsp.der revoked.der

# OCSPResponse { responseStatus unauthorized (6) }: no responseBytes.
printf '\x30\x03\x0a\x01\x06' > unauthorized.der

{
  echo "{"
  for i in "${!manifest[@]}"; do
    sep=,; [ "$i" -eq $((${#manifest[@]} - 1)) ] && sep=
    echo "${manifest[$i]}$sep"
  done
  echo "}"
} > manifest.json
