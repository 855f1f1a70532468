#!/usr/bin/env bash
# Makes the fixed test keys and sample signatures used by tests/properties.rs, the CLI tests
# and the benches. OpenSSL is used so the signatures come from an implementation independent
# of ours. Keys are test keys only: never trust them for anything.
#
# Output (in this directory):
#   rsa2048.key.pem / rsa2048.spki.der      RSA-2048, e = 65537
#   rsa1024.key.pem / rsa1024.spki.der      RSA-1024 (legacy-size key, for the key-size check)
#   p256.key.pem    / p256.spki.der         ECDSA P-256
#   p384.key.pem    / p384.spki.der         ECDSA P-384
#   message.txt                             the signed message
#   <alg>.sig                               signature over message.txt; <alg> is the CLI name
#                                           (ECDSA ones are DER; *-p1363.sig are r||s)
set -euo pipefail
cd "$(dirname "$0")"

openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rsa2048.key.pem 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out rsa1024.key.pem 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out p256.key.pem
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -out p384.key.pem
for k in rsa2048 rsa1024 p256 p384; do
  openssl pkey -in $k.key.pem -pubout -outform DER -out $k.spki.der
done

printf 'JPKI test message: e-Tax return 2026, filer 0001\n' > message.txt

for h in sha1 sha256 sha384 sha512; do
  openssl dgst -$h -sign rsa2048.key.pem -out rsa-pkcs1-$h.sig message.txt
done
for h in sha256 sha384 sha512; do
  openssl dgst -$h -sign rsa2048.key.pem -sigopt rsa_padding_mode:pss \
    -sigopt rsa_pss_saltlen:digest -sigopt rsa_mgf1_md:$h -out rsa-pss-$h.sig message.txt
done
openssl dgst -sha256 -sign rsa1024.key.pem -out rsa1024-pkcs1-sha256.sig message.txt

# Converts a DER Ecdsa-Sig-Value to fixed-width r||s of $2 bytes per integer.
der_to_p1363() {
  local width=$2 hex
  hex=$(openssl asn1parse -inform DER -in "$1" | awk -F: '/INTEGER/ {print $NF}')
  python3 -c 'import sys; w=int(sys.argv[1]); sys.stdout.buffer.write(b"".join(int(h,16).to_bytes(w,"big") for h in sys.argv[2:]))' "$width" $hex
}

for curve in p256 p384; do
  width=$([ $curve = p256 ] && echo 32 || echo 48)
  for h in sha256 sha384 sha512; do
    openssl dgst -$h -sign $curve.key.pem -out ecdsa-$curve-$h.sig message.txt
    der_to_p1363 ecdsa-$curve-$h.sig $width > ecdsa-$curve-$h-p1363.sig
  done
done

# Self-check with OpenSSL's own verifier.
for h in sha256 sha384 sha512; do
  openssl dgst -$h -verify <(openssl pkey -in p384.key.pem -pubout) -signature ecdsa-p384-$h.sig message.txt >/dev/null
done
echo "keys and signatures written to $(pwd)"
