#!/usr/bin/env bash
# Regenerates the extendedKeyUsage vectors with OpenSSL (an independent producer): a root, an
# intermediate whose EKU constrains the path to timeStamping, and leaves with and without
# EKUs. P-256 keys, fixed validity 2025-01-01 .. 2035-01-01. Run from this directory.
set -euo pipefail
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null; }
cert() { # name subject issuer-name extensions
  local name=$1 subject=$2 issuer=$3 ext=$4
  printf '%s\n' "$ext" > "$name.ext"
  openssl req -new -key "$name.key" -subj "$subject" -out "$name.csr"
  if [ "$issuer" = self ]; then
    openssl x509 -req -in "$name.csr" -signkey "$name.key" -out "$name.pem" \
      -days 3652 -extfile "$name.ext" -set_serial 1
  else
    openssl x509 -req -in "$name.csr" -CA "$issuer.pem" -CAkey "$issuer.key" -out "$name.pem" \
      -days 3652 -extfile "$name.ext" \
      -set_serial "0x$(openssl rand -hex 8)"
  fi
  rm -f "$name.csr" "$name.ext"
}
for k in root ca-tsa leaf-server leaf-tsa leaf-none leaf-any tsa-under-ca; do key "$k"; done
CA='basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash'
EE='basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
authorityKeyIdentifier=keyid'
cert root "/O=JPKI Test/CN=EKU Root" self "$CA"
cert ca-tsa "/O=JPKI Test/CN=EKU TSA CA" root "$CA
extendedKeyUsage=timeStamping
authorityKeyIdentifier=keyid"
cert leaf-server "/O=JPKI Test/CN=server leaf" root "$EE
extendedKeyUsage=serverAuth,clientAuth"
cert leaf-tsa "/O=JPKI Test/CN=TSA leaf" root "$EE
extendedKeyUsage=critical,timeStamping"
cert leaf-none "/O=JPKI Test/CN=no EKU leaf" root "$EE"
cert leaf-any "/O=JPKI Test/CN=anyEKU leaf" root "$EE
extendedKeyUsage=anyExtendedKeyUsage"
# Under the timeStamping-only CA, a leaf claiming serverAuth: the CA's EKU forbids it.
cert tsa-under-ca "/O=JPKI Test/CN=server under TSA CA" ca-tsa "$EE
extendedKeyUsage=serverAuth,timeStamping"
rm -f ./*.key ./*.srl
