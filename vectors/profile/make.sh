#!/usr/bin/env bash
# Regenerates the RFC 5280 issuer-rule vectors with OpenSSL (an independent producer): a
# conforming root and two leaves under it, one conforming and one without an
# authorityKeyIdentifier (RFC 5280 4.2.1.1 requires one of conforming CAs). P-256 keys,
# discarded after signing; ten years from the day they are made. Run from this directory.
set -euo pipefail
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" 2>/dev/null; }
for k in root leaf leaf-no-aki; do key "$k"; done
printf '%s\n' 'basicConstraints=critical,CA:TRUE' 'keyUsage=critical,keyCertSign,cRLSign' \
  'subjectKeyIdentifier=hash' > root.ext
openssl req -new -key root.key -subj "/O=JPKI Test/CN=Profile Root" -out root.csr
openssl x509 -req -in root.csr -signkey root.key -out root.pem -days 3652 -extfile root.ext \
  -set_serial 1
leaf() { # name aki-line
  printf '%s\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature' \
    'subjectKeyIdentifier=hash' "$2" > "$1.ext"
  openssl req -new -key "$1.key" -subj "/O=JPKI Test/CN=$1" -out "$1.csr"
  openssl x509 -req -in "$1.csr" -CA root.pem -CAkey root.key -out "$1.pem" -days 3652 \
    -extfile "$1.ext" -set_serial "0x$(openssl rand -hex 8)"
}
leaf leaf 'authorityKeyIdentifier=keyid'
leaf leaf-no-aki 'authorityKeyIdentifier=none'
rm -f ./*.key ./*.csr ./*.ext ./*.srl
