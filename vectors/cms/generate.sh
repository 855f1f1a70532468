#!/usr/bin/env bash
# generate.sh: CMS SignedData test vectors for jpki-verify, made with the OpenSSL command line.
#
# Signers: the RSA card and the EC card of ../migration-world (plus its revoked and expired
# leaves), and three small test CAs made here: a P-256 CA, an RSA CA whose signer signs with
# RSASSA-PSS, and a "rogue" RSA root that copies the JPKI signing CA's DN (for the
# untrusted-root case). Every SignedData is made by `openssl cms -sign`; dertool.py (python3,
# standard library only) then fixes the signing-time attribute to a constant and, for the
# negative vectors, edits one field and re-signs with `openssl dgst -sign`. See README.md.
#
# Usage:  ./generate.sh               regenerate signed/, certs/, manifest.json; reuse keys/
#         ./generate.sh --fresh-keys  also regenerate the test CAs' private keys
#
# Needs bash, OpenSSL 3.0+ (`openssl`, or OPENSSL=...), python3 (or PYTHON=...), GNU date.
# The script ends with a self-check: each case in manifest.json is run through
# `openssl cms -verify -attime` and must give the OpenSSL outcome recorded for it.

set -euo pipefail

OPENSSL=${OPENSSL:-openssl}
PYTHON=${PYTHON:-python3}
export OPENSSL
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$HERE"
MW=../migration-world

FRESH_KEYS=no
for arg in "$@"; do
  case "$arg" in
    --fresh-keys) FRESH_KEYS=yes ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/openssl.log"

die() { echo "generate.sh: $*" >&2; [ -s "$LOG" ] && tail -n 30 "$LOG" >&2; exit 1; }
ossl() { "$OPENSSL" "$@" >>"$LOG" 2>&1 || die "openssl $1 failed (args: $*)"; }
dertool() { "$PYTHON" "$HERE/dertool.py" "$@" || die "dertool $1 failed (args: $*)"; }
asn1time() { local t=${1//-/}; t=${t//:/}; echo "${t/T/}"; }
utctime() { asn1time "$1" | cut -c3-; }   # 2026-05-15T09:00:00Z -> 260515090000Z
epoch() { date -u -d "$1" +%s; }

# ---------------------------------------------------------------------------
# Fixed facts
# ---------------------------------------------------------------------------

# Validation instants (from ../migration-world/manifest.json "validation_times").
T_HISTORIC=2017-06-01T00:00:00Z
T_NOW=2026-06-02T00:00:00Z
T_CROSS=2028-07-01T00:00:00Z
T_EC=2030-01-01T00:00:00Z

# Signing-time attribute values written into the vectors (the signer's claim).
ST_RSA=2026-05-15T09:00:00Z       # RSA card documents: card and gen3 root valid
ST_EC=2029-12-20T09:00:00Z        # EC card documents
ST_DUAL=2028-06-15T09:00:00Z      # RSA + EC documents: both cards valid
ST_GENERIC=2025-03-01T00:00:00Z   # P-256, RSA-PSS and rogue signers
ST_REVOKED=2025-03-01T00:00:00Z   # after the revocation (2025-01-15)
ST_EXPIRED=2017-05-01T00:00:00Z   # while sign-leaf-expired-gen1 was valid

TEST_NB=2015-01-01T00:00:00Z      # validity of the test CAs made here
TEST_NA=2045-12-31T23:59:59Z
SIGN_CA_SUBJ="/C=JP/O=JPKI/OU=JPKI for digital signature/OU=Japan Agency for Local Authority Information Systems"

OID_CONTENT_TYPE=1.2.840.113549.1.9.3
OID_MESSAGE_DIGEST=1.2.840.113549.1.9.4
OID_SIGNING_TIME=1.2.840.113549.1.9.5
OID_TST_INFO=1.2.840.113549.1.9.16.1.4

# ---------------------------------------------------------------------------
# Test CAs (P-256, RSA/PSS, rogue)
# ---------------------------------------------------------------------------

rm -rf signed certs manifest.json
[ "$FRESH_KEYS" = yes ] && rm -rf keys
mkdir -p keys certs signed

cat >"$WORK/openssl.cnf" <<'EOF'
[ca]
default_ca = CA_default
[CA_default]
dir            = $ENV::CMS_CADIR
database       = $dir/index.txt
new_certs_dir  = $dir/newcerts
serial         = $dir/serial
default_md     = sha256
policy         = policy_any
unique_subject = no
email_in_dn    = no
copy_extensions = none
string_mask    = utf8only
[policy_any]
commonName = optional
[req]
distinguished_name = req_dn
string_mask = utf8only
utf8 = yes
[req_dn]
[v3_root]
keyUsage = critical, keyCertSign, cRLSign
basicConstraints = critical, CA:TRUE
subjectKeyIdentifier = hash
[v3_signer]
keyUsage = critical, digitalSignature, nonRepudiation
authorityKeyIdentifier = keyid:always
subjectKeyIdentifier = hash
EOF
export CMS_CADIR="$WORK/db/none"

keygen() { # keygen <name> rsa|p256
  [ -f "keys/$1.key.pem" ] && return 0
  case "$2" in
    rsa)  ossl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "keys/$1.key.pem" ;;
    p256) ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
            -pkeyopt ec_param_enc:named_curve -out "keys/$1.key.pem" ;;
  esac
}

ca_cmd() { # ca_cmd <ca-id> <openssl ca args...>
  local ca=$1; shift
  CMS_CADIR="$WORK/db/$ca" ossl ca -config "$WORK/openssl.cnf" -batch -notext -utf8 -preserveDN \
    -startdate "$(asn1time "$TEST_NB")" -enddate "$(asn1time "$TEST_NA")" "$@"
}

make_root() { # make_root <id> <subject> <serial> [openssl ca args]
  local id=$1 subj=$2 serial=$3; shift 3
  mkdir -p "$WORK/db/$id/newcerts"; : >"$WORK/db/$id/index.txt"; echo "$serial" >"$WORK/db/$id/serial"
  ossl req -new -config "$WORK/openssl.cnf" -utf8 -key "keys/$id.key.pem" -subj "$subj" -out "$WORK/$id.csr"
  ca_cmd "$id" -selfsign -keyfile "keys/$id.key.pem" -in "$WORK/$id.csr" -extensions v3_root \
    -out "certs/$id.pem" "$@"
  ossl x509 -in "certs/$id.pem" -outform DER -out "certs/$id.der"
}

make_signer() { # make_signer <id> <ca-id> <subject> <serial> [openssl ca args]
  local id=$1 ca=$2 subj=$3 serial=$4; shift 4
  echo "$serial" >"$WORK/db/$ca/serial"
  ossl req -new -config "$WORK/openssl.cnf" -utf8 -key "keys/$id.key.pem" -subj "$subj" -out "$WORK/$id.csr"
  ca_cmd "$ca" -cert "certs/$ca.pem" -keyfile "keys/$ca.key.pem" -in "$WORK/$id.csr" \
    -extensions v3_signer -out "certs/$id.pem" "$@"
  ossl x509 -in "certs/$id.pem" -outform DER -out "certs/$id.der"
}

keygen p256-root p256; keygen p256-signer p256
keygen rsa-root rsa;   keygen pss-signer rsa
keygen rogue-root rsa; keygen rogue-signer rsa

make_root p256-root "/O=jpki-verify tests/CN=CMS Test Root P-256" 7E0101 -md sha256
make_signer p256-signer p256-root "/O=jpki-verify tests/CN=CMS Test Signer P-256" 7E0102 -md sha256
make_root rsa-root "/O=jpki-verify tests/CN=CMS Test Root RSA" 7E0201 -md sha256
# The RSA-PSS signer's certificate is itself signed with RSASSA-PSS (SHA-256, salt 32).
make_signer pss-signer rsa-root "/O=jpki-verify tests/CN=CMS Test Signer RSA-PSS" 7E0202 -md sha256 \
  -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:32
# A rogue root with the JPKI signing CA's DN, and a leaf that copies the RSA card's subject
# and serial: its issuerAndSerialNumber is the genuine card's.
make_root rogue-root "$SIGN_CA_SUBJ" 5A01FF -md sha256
make_signer rogue-signer rogue-root "/C=JP/L=Tokyo/L=Chiyoda-ku/CN=202405MWS0000000301A" 10000301 -md sha256

# ---------------------------------------------------------------------------
# Content
# ---------------------------------------------------------------------------

printf '%s\n' "電子申請書 (test document for jpki-verify CMS vectors)" \
  "申請者: 公的　吉郎" "申請日: 2026-05-15" >content.txt
sed 's/2026-05-15/2026-05-16/' content.txt >content-modified.txt

# ---------------------------------------------------------------------------
# Signing helpers
# ---------------------------------------------------------------------------

RSA_CARD=(-signer "$MW/certs/sign-leaf-rsa-card.pem" -inkey "$MW/keys/sign-leaf-rsa-card.key.pem")
EC_CARD=(-signer "$MW/certs/sign-leaf-ec-card.pem" -inkey "$MW/keys/sign-leaf-ec-card.key.pem")
RSA_CARD_KEY="$MW/keys/sign-leaf-rsa-card.key.pem"
EC_CARD_KEY="$MW/keys/sign-leaf-ec-card.key.pem"
PSS_OPTS=(--sigopt rsa_padding_mode:pss --sigopt rsa_pss_saltlen:32)

# sign <out-id> <openssl cms -sign args...>: the content is content.txt, output in $WORK.
sign() {
  local id=$1; shift
  ossl cms -sign -binary -in content.txt -outform DER -out "$WORK/$id.der" "$@"
}

# settime <id> <signer> <RFC 3339> <key> <md> [sigopt...]: fix signingTime and re-sign.
settime() {
  local id=$1 who=$2 t=$3 key=$4 md=$5; shift 5
  dertool set-attr "$WORK/$id.der" "$WORK/$id.der" --signer "$who" --oid $OID_SIGNING_TIME --utctime "$(utctime "$t")"
  dertool resign "$WORK/$id.der" "$WORK/$id.der" --signer "$who" --key "$key" --md "$md" "$@"
}

publish() { cp "$WORK/$1.der" "signed/$1.der"; }

# ---------------------------------------------------------------------------
# Positive vectors
# ---------------------------------------------------------------------------

sign rsa-card-attached "${RSA_CARD[@]}" -md sha256 -nodetach
settime rsa-card-attached 0 $ST_RSA "$RSA_CARD_KEY" sha256
publish rsa-card-attached
ossl cms -cmsout -inform DER -in signed/rsa-card-attached.der -outform PEM -out signed/rsa-card-attached.pem

sign rsa-card-detached "${RSA_CARD[@]}" -md sha256
settime rsa-card-detached 0 $ST_RSA "$RSA_CARD_KEY" sha256
publish rsa-card-detached

sign rsa-card-noattr "${RSA_CARD[@]}" -md sha256 -nodetach -noattr; publish rsa-card-noattr
sign rsa-card-noattr-detached "${RSA_CARD[@]}" -md sha256 -noattr; publish rsa-card-noattr-detached

sign rsa-card-keyid "${RSA_CARD[@]}" -md sha256 -nodetach -keyid
settime rsa-card-keyid 0 $ST_RSA "$RSA_CARD_KEY" sha256
publish rsa-card-keyid

sign rsa-card-sha512 "${RSA_CARD[@]}" -md sha512 -nodetach
settime rsa-card-sha512 0 $ST_RSA "$RSA_CARD_KEY" sha512
publish rsa-card-sha512

sign rsa-card-sha1 "${RSA_CARD[@]}" -md sha1 -nodetach
settime rsa-card-sha1 0 $ST_RSA "$RSA_CARD_KEY" sha1
publish rsa-card-sha1

# signatureAlgorithm relabelled rsaEncryption -> sha256WithRSAEncryption (same signature).
dertool set-sigalg signed/rsa-card-attached.der "$WORK/rsa-card-sigalg-sha256withrsa.der" \
  --hex 300d06092a864886f70d01010b0500
publish rsa-card-sigalg-sha256withrsa

# An unsigned attribute (an arbitrary OID with a UTF8String) and an unrelated extra certificate.
dertool add-unsigned-attr signed/rsa-card-attached.der "$WORK/rsa-card-unsigned-attr.der" \
  --oid 1.3.6.1.4.1.55555.1 --hex 0c0d756e7369676e6564206e6f7465
publish rsa-card-unsigned-attr
sign rsa-card-extra-cert "${RSA_CARD[@]}" -md sha256 -nodetach -certfile "$MW/certs/auth-root-gen3-rsa.pem"
settime rsa-card-extra-cert 0 $ST_RSA "$RSA_CARD_KEY" sha256
publish rsa-card-extra-cert

sign ec-card-attached "${EC_CARD[@]}" -md sha384 -nodetach
settime ec-card-attached 0 $ST_EC "$EC_CARD_KEY" sha384
publish ec-card-attached
sign ec-card-detached "${EC_CARD[@]}" -md sha384
settime ec-card-detached 0 $ST_EC "$EC_CARD_KEY" sha384
publish ec-card-detached
sign ec-card-noattr "${EC_CARD[@]}" -md sha384 -nodetach -noattr; publish ec-card-noattr
sign ec-card-keyid "${EC_CARD[@]}" -md sha384 -nodetach -keyid
settime ec-card-keyid 0 $ST_EC "$EC_CARD_KEY" sha384
publish ec-card-keyid

sign p256-attached -signer certs/p256-signer.pem -inkey keys/p256-signer.key.pem -md sha256 -nodetach
settime p256-attached 0 $ST_GENERIC keys/p256-signer.key.pem sha256
publish p256-attached

sign rsa-pss-attached -signer certs/pss-signer.pem -inkey keys/pss-signer.key.pem \
  -keyopt rsa_padding_mode:pss -keyopt rsa_pss_saltlen:32 -md sha256 -nodetach
settime rsa-pss-attached 0 $ST_GENERIC keys/pss-signer.key.pem sha256 "${PSS_OPTS[@]}"
publish rsa-pss-attached
sign rsa-pss-sha384-detached -signer certs/pss-signer.pem -inkey keys/pss-signer.key.pem \
  -keyopt rsa_padding_mode:pss -keyopt rsa_pss_saltlen:48 -md sha384
settime rsa-pss-sha384-detached 0 $ST_GENERIC keys/pss-signer.key.pem sha384 \
  --sigopt rsa_padding_mode:pss --sigopt rsa_pss_saltlen:48
publish rsa-pss-sha384-detached

# Two signers, one `openssl cms -sign` run (one -md for both: SHA-384).
sign two-signers "${RSA_CARD[@]}" "${EC_CARD[@]}" -md sha384 -nodetach
settime two-signers rsa $ST_DUAL "$RSA_CARD_KEY" sha384
settime two-signers ec $ST_DUAL "$EC_CARD_KEY" sha384
publish two-signers
# Two signers with different digests (RSA/SHA-256 + EC/SHA-384), detached: two runs merged.
sign dual-a "${RSA_CARD[@]}" -md sha256
settime dual-a 0 $ST_DUAL "$RSA_CARD_KEY" sha256
sign dual-b "${EC_CARD[@]}" -md sha384
settime dual-b 0 $ST_DUAL "$EC_CARD_KEY" sha384
dertool merge "$WORK/dual-a.der" "$WORK/two-signers-mixed-digests.der" --other "$WORK/dual-b.der"
publish two-signers-mixed-digests

# ---------------------------------------------------------------------------
# Negative vectors
# ---------------------------------------------------------------------------

dertool corrupt-signature signed/two-signers.der "$WORK/two-signers-ec-corrupted.der" --signer ec
publish two-signers-ec-corrupted
dertool corrupt-signature signed/two-signers.der "$WORK/two-signers-rsa-corrupted.der" --signer rsa
publish two-signers-rsa-corrupted

dertool set-econtent signed/rsa-card-attached.der "$WORK/rsa-card-modified-content.der" --content content-modified.txt
publish rsa-card-modified-content

# messageDigest = SHA-256 of the modified content, then re-signed: the signature is valid.
cp signed/rsa-card-attached.der "$WORK/rsa-card-wrong-message-digest.der"
dertool set-attr "$WORK/rsa-card-wrong-message-digest.der" "$WORK/rsa-card-wrong-message-digest.der" \
  --oid $OID_MESSAGE_DIGEST --hex "0420$("$OPENSSL" dgst -sha256 -r content-modified.txt | cut -c1-64)"
dertool resign "$WORK/rsa-card-wrong-message-digest.der" "$WORK/rsa-card-wrong-message-digest.der" \
  --key "$RSA_CARD_KEY" --md sha256
publish rsa-card-wrong-message-digest

# contentType attribute = id-ct-TSTInfo while eContentType is id-data, re-signed.
cp signed/rsa-card-attached.der "$WORK/rsa-card-wrong-content-type.der"
dertool set-attr "$WORK/rsa-card-wrong-content-type.der" "$WORK/rsa-card-wrong-content-type.der" \
  --oid $OID_CONTENT_TYPE --value-oid $OID_TST_INFO
dertool resign "$WORK/rsa-card-wrong-content-type.der" "$WORK/rsa-card-wrong-content-type.der" \
  --key "$RSA_CARD_KEY" --md sha256
publish rsa-card-wrong-content-type

for what in message-digest content-type; do
  oid=$OID_MESSAGE_DIGEST; [ $what = content-type ] && oid=$OID_CONTENT_TYPE
  dertool drop-attr signed/rsa-card-attached.der "$WORK/rsa-card-missing-$what.der" --oid $oid
  dertool resign "$WORK/rsa-card-missing-$what.der" "$WORK/rsa-card-missing-$what.der" \
    --key "$RSA_CARD_KEY" --md sha256
  publish "rsa-card-missing-$what"
done
dertool dup-attr signed/rsa-card-attached.der "$WORK/rsa-card-duplicate-content-type.der" --oid $OID_CONTENT_TYPE
dertool resign "$WORK/rsa-card-duplicate-content-type.der" "$WORK/rsa-card-duplicate-content-type.der" \
  --key "$RSA_CARD_KEY" --md sha256
publish rsa-card-duplicate-content-type

# ecdsa-with-SHA384 relabelled ecdsa-with-SHA512 while the digest algorithm stays SHA-384.
dertool set-sigalg signed/ec-card-attached.der "$WORK/ec-card-sigalg-digest-mismatch.der" \
  --hex 300a06082a8648ce3d040304
publish ec-card-sigalg-digest-mismatch

sign rsa-card-nocerts "${RSA_CARD[@]}" -md sha256 -nodetach -nocerts
settime rsa-card-nocerts 0 $ST_RSA "$RSA_CARD_KEY" sha256
publish rsa-card-nocerts

sign untrusted-root -signer certs/rogue-signer.pem -inkey keys/rogue-signer.key.pem -md sha256 -nodetach
settime untrusted-root 0 $ST_RSA keys/rogue-signer.key.pem sha256
publish untrusted-root

sign revoked-leaf -signer "$MW/certs/sign-leaf-revoked-gen3.pem" -inkey "$MW/keys/sign-leaf-revoked-gen3.key.pem" -md sha256 -nodetach
settime revoked-leaf 0 $ST_REVOKED "$MW/keys/sign-leaf-revoked-gen3.key.pem" sha256
publish revoked-leaf

# A CA certificate (keyUsage keyCertSign, cRLSign only) used as a document signer.
sign ca-key-signer -signer "$MW/certs/sign-root-gen3-rsa.pem" -inkey "$MW/keys/sign-root-gen3-rsa.key.pem" -md sha256 -nodetach
settime ca-key-signer 0 $ST_RSA "$MW/keys/sign-root-gen3-rsa.key.pem" sha256
publish ca-key-signer

sign expired-leaf -signer "$MW/certs/sign-leaf-expired-gen1.pem" -inkey "$MW/keys/sign-leaf-expired-gen1.key.pem" -md sha256 -nodetach
settime expired-leaf 0 $ST_EXPIRED "$MW/keys/sign-leaf-expired-gen1.key.pem" sha256
publish expired-leaf

# ---------------------------------------------------------------------------
# manifest.json: files and cases; each case is also checked with openssl cms -verify
# ---------------------------------------------------------------------------

FILES="$WORK/files.txt"; CASES="$WORK/cases.txt"; : >"$FILES"; : >"$CASES"
FAILS=0

# file_ key=value...: one signed file. signer=<cert>|<family>|<digest>|<sid>|<signing time or ->
file_() { printf '%s\n' "$@" "" >>"$FILES"; }

# case_ key=value...: one verification case. Keys: id file content at anchors intermediates
# extra_certs crls revocation signers allow_sha1 expect error openssl description.
# `openssl` is the outcome `openssl cms -verify` gives (ok | fails | n/a when the case needs
# something openssl cannot express, such as "any one signer suffices").
case_() {
  printf '%s\n' "$@" "" >>"$CASES"
  local -A c=([content]= [anchors]= [intermediates]= [extra_certs]= [crls]= [revocation]=off [openssl]=n/a)
  local kv
  for kv in "$@"; do c[${kv%%=*}]=${kv#*=}; done
  [ "${c[openssl]}" = n/a ] && return 0
  local cafile="$WORK/ca-${c[id]}.pem" args=() f
  : >"$cafile"
  for f in ${c[anchors]}; do cat "${f%.der}.pem" >>"$cafile"; done
  for f in ${c[crls]}; do cat "${f%.der}.pem" >>"$cafile"; done
  : >"$WORK/untrusted.pem"
  for f in ${c[intermediates]} ${c[extra_certs]}; do cat "${f%.der}.pem" >>"$WORK/untrusted.pem"; done
  [ -s "$WORK/untrusted.pem" ] && args+=(-certfile "$WORK/untrusted.pem")
  [ -n "${c[content]}" ] && args+=(-content "${c[content]}")
  [ "${c[revocation]}" != off ] && args+=(-crl_check)
  local got=fails
  if "$OPENSSL" cms -verify -binary -inform DER -in "${c[file]}" -CAfile "$cafile" -purpose any \
      -attime "$(epoch "${c[at]}")" "${args[@]}" -out /dev/null >>"$LOG" 2>&1; then got=ok; fi
  if [ "$got" != "${c[openssl]}" ]; then
    echo "SELF-CHECK FAILED: ${c[id]}: openssl cms -verify gave $got, manifest says ${c[openssl]}" >&2
    FAILS=$((FAILS + 1))
  fi
}

RSA_CERT=$MW/certs/sign-leaf-rsa-card.der
EC_CERT=$MW/certs/sign-leaf-ec-card.der
GEN3=$MW/certs/sign-root-gen3-rsa.der
EC1=$MW/certs/sign-root-ec1-p384.der
CRL_GEN3=$MW/crls/sign-gen3-20260601.crl.der
CRL_EC1=$MW/crls/sign-ec1-20291231.crl.der
RSA_NOW=(anchors=$GEN3 crls=$CRL_GEN3 revocation=require at=$T_NOW)
EC_AT=(anchors=$EC1 crls=$CRL_EC1 revocation=require at=$T_EC)
DUAL=(anchors="$GEN3 $EC1" at=$T_CROSS)
GENERIC=(anchors="certs/p256-root.der certs/rsa-root.der" at=$T_NOW)

for f in rsa-card-attached rsa-card-detached rsa-card-keyid rsa-card-extra-cert \
         rsa-card-nocerts rsa-card-sigalg-sha256withrsa rsa-card-unsigned-attr \
         rsa-card-modified-content rsa-card-wrong-message-digest rsa-card-wrong-content-type \
         rsa-card-missing-message-digest rsa-card-missing-content-type rsa-card-duplicate-content-type; do
  file_ id=$f file=signed/$f.der "signer=$RSA_CERT|rsa|SHA-256|$([ $f = rsa-card-keyid ] && echo key-id || echo issuer-serial)|$ST_RSA"
done
file_ id=rsa-card-noattr file=signed/rsa-card-noattr.der "signer=$RSA_CERT|rsa|SHA-256|issuer-serial|-"
file_ id=rsa-card-noattr-detached file=signed/rsa-card-noattr-detached.der "signer=$RSA_CERT|rsa|SHA-256|issuer-serial|-"
file_ id=rsa-card-sha512 file=signed/rsa-card-sha512.der "signer=$RSA_CERT|rsa|SHA-512|issuer-serial|$ST_RSA"
file_ id=rsa-card-sha1 file=signed/rsa-card-sha1.der "signer=$RSA_CERT|rsa|SHA-1|issuer-serial|$ST_RSA"
for f in ec-card-attached ec-card-detached ec-card-keyid ec-card-sigalg-digest-mismatch; do
  file_ id=$f file=signed/$f.der "signer=$EC_CERT|ecdsa|SHA-384|$([ $f = ec-card-keyid ] && echo key-id || echo issuer-serial)|$ST_EC"
done
file_ id=ec-card-noattr file=signed/ec-card-noattr.der "signer=$EC_CERT|ecdsa|SHA-384|issuer-serial|-"
file_ id=p256-attached file=signed/p256-attached.der "signer=certs/p256-signer.der|ecdsa|SHA-256|issuer-serial|$ST_GENERIC"
file_ id=rsa-pss-attached file=signed/rsa-pss-attached.der "signer=certs/pss-signer.der|rsa|SHA-256|issuer-serial|$ST_GENERIC"
file_ id=rsa-pss-sha384-detached file=signed/rsa-pss-sha384-detached.der "signer=certs/pss-signer.der|rsa|SHA-384|issuer-serial|$ST_GENERIC"
for f in two-signers two-signers-ec-corrupted two-signers-rsa-corrupted; do
  file_ id=$f file=signed/$f.der "signer=$RSA_CERT|rsa|SHA-384|issuer-serial|$ST_DUAL" "signer=$EC_CERT|ecdsa|SHA-384|issuer-serial|$ST_DUAL"
done
file_ id=two-signers-mixed-digests file=signed/two-signers-mixed-digests.der \
  "signer=$RSA_CERT|rsa|SHA-256|issuer-serial|$ST_DUAL" "signer=$EC_CERT|ecdsa|SHA-384|issuer-serial|$ST_DUAL"
file_ id=untrusted-root file=signed/untrusted-root.der "signer=certs/rogue-signer.der|rsa|SHA-256|issuer-serial|$ST_RSA"
file_ id=revoked-leaf file=signed/revoked-leaf.der "signer=$MW/certs/sign-leaf-revoked-gen3.der|rsa|SHA-256|issuer-serial|$ST_REVOKED"
file_ id=ca-key-signer file=signed/ca-key-signer.der "signer=$GEN3|rsa|SHA-256|issuer-serial|$ST_RSA"
file_ id=expired-leaf file=signed/expired-leaf.der "signer=$MW/certs/sign-leaf-expired-gen1.der|rsa|SHA-256|issuer-serial|$ST_EXPIRED"

# --- positives ---
case_ id=rsa-card-attached file=signed/rsa-card-attached.der "${RSA_NOW[@]}" expect=valid openssl=ok \
  "description=RSA card, attached, signed attributes, SHA-256, rsaEncryption label; CRL checked"
case_ id=rsa-card-attached-pem file=signed/rsa-card-attached.pem "${RSA_NOW[@]}" expect=valid \
  "description=the same document in PEM (CMS label); for the CLI"
case_ id=rsa-card-detached file=signed/rsa-card-detached.der content=content.txt "${RSA_NOW[@]}" expect=valid openssl=ok \
  "description=RSA card, detached content"
case_ id=rsa-card-noattr file=signed/rsa-card-noattr.der "${RSA_NOW[@]}" expect=valid openssl=ok \
  "description=no signed attributes: the signature is over the content itself"
case_ id=rsa-card-noattr-detached file=signed/rsa-card-noattr-detached.der content=content.txt "${RSA_NOW[@]}" expect=valid openssl=ok \
  "description=no signed attributes, detached"
case_ id=rsa-card-keyid file=signed/rsa-card-keyid.der "${RSA_NOW[@]}" expect=valid openssl=ok \
  "description=SignerIdentifier subjectKeyIdentifier (SignerInfo and SignedData version 3)"
case_ id=rsa-card-sha512 file=signed/rsa-card-sha512.der "${RSA_NOW[@]}" expect=valid openssl=ok \
  "description=SHA-512 digest; rsaEncryption label maps to PKCS#1 v1.5 with SHA-512"
case_ id=rsa-card-sha1-allowed file=signed/rsa-card-sha1.der "${RSA_NOW[@]}" allow_sha1=true expect=valid openssl=ok \
  "description=SHA-1 digest accepted because the caller allows SHA-1"
case_ id=rsa-card-sigalg-sha256withrsa file=signed/rsa-card-sigalg-sha256withrsa.der "${RSA_NOW[@]}" expect=valid openssl=ok \
  "description=signatureAlgorithm sha256WithRSAEncryption instead of rsaEncryption (same signature)"
case_ id=rsa-card-unsigned-attr file=signed/rsa-card-unsigned-attr.der "${RSA_NOW[@]}" expect=valid openssl=ok \
  "description=an unsigned attribute (not covered by the signature, not interpreted)"
case_ id=rsa-card-extra-cert file=signed/rsa-card-extra-cert.der "${RSA_NOW[@]}" expect=valid openssl=ok \
  "description=an unrelated extra certificate (auth-root-gen3-rsa) in the certificate set"
case_ id=rsa-card-nocerts-supplied file=signed/rsa-card-nocerts.der "${RSA_NOW[@]}" extra_certs=$RSA_CERT expect=valid openssl=ok \
  "description=no embedded certificates; the caller supplies the signer certificate"
case_ id=ec-card-attached file=signed/ec-card-attached.der "${EC_AT[@]}" expect=valid openssl=ok \
  "description=EC card (P-384), ecdsa-with-SHA384, attached; CRL checked"
case_ id=ec-card-detached file=signed/ec-card-detached.der content=content.txt "${EC_AT[@]}" expect=valid openssl=ok \
  "description=EC card, detached"
case_ id=ec-card-noattr file=signed/ec-card-noattr.der "${EC_AT[@]}" expect=valid openssl=ok \
  "description=EC card, no signed attributes"
case_ id=ec-card-keyid file=signed/ec-card-keyid.der "${EC_AT[@]}" expect=valid openssl=ok \
  "description=EC card, subjectKeyIdentifier signer id"
case_ id=p256-attached file=signed/p256-attached.der "${GENERIC[@]}" expect=valid openssl=ok \
  "description=generic P-256 signer, ecdsa-with-SHA256"
case_ id=rsa-pss-attached file=signed/rsa-pss-attached.der "${GENERIC[@]}" expect=valid openssl=ok \
  "description=RSASSA-PSS (SHA-256, MGF1-SHA-256, salt 32); its certificate is PSS-signed too"
case_ id=rsa-pss-sha384-detached file=signed/rsa-pss-sha384-detached.der content=content.txt "${GENERIC[@]}" expect=valid openssl=ok \
  "description=RSASSA-PSS with SHA-384 and salt 48, detached"
case_ id=two-signers-all file=signed/two-signers.der "${DUAL[@]}" signers=all expect=valid openssl=ok \
  "description=RSA card + EC card on one content (one openssl run, SHA-384 both); all must verify"
case_ id=two-signers-families file=signed/two-signers.der "${DUAL[@]}" signers=families:rsa,ecdsa expect=valid \
  "description=RSA and ECDSA must each be covered"
case_ id=two-signers-mixed-digests file=signed/two-signers-mixed-digests.der content=content.txt "${DUAL[@]}" signers=families:rsa,ecdsa expect=valid openssl=ok \
  "description=RSA/SHA-256 + EC/SHA-384 over detached content (both digests in one pass)"
case_ id=two-signers-ec-corrupted-any file=signed/two-signers-ec-corrupted.der "${DUAL[@]}" signers=any expect=valid \
  "description=EC signature corrupted, but any one verified signer suffices"
case_ id=expired-leaf-at-signing-time file=signed/expired-leaf.der anchors=$MW/certs/sign-root-gen1-rsa.der at=signing-time expect=valid \
  "description=validated at the claimed signing time (2017-05-01), when the leaf was valid"

# --- negatives ---
case_ id=rsa-card-content-modified file=signed/rsa-card-detached.der content=content-modified.txt "${RSA_NOW[@]}" expect=invalid error=cms-message-digest-mismatch openssl=fails \
  "description=detached signature checked against modified content"
case_ id=rsa-card-modified-content file=signed/rsa-card-modified-content.der "${RSA_NOW[@]}" expect=invalid error=cms-message-digest-mismatch openssl=fails \
  "description=attached content replaced after signing"
case_ id=rsa-card-noattr-content-modified file=signed/rsa-card-noattr-detached.der content=content-modified.txt "${RSA_NOW[@]}" expect=invalid error=bad-signature openssl=fails \
  "description=no signed attributes and modified content: the signature itself fails"
case_ id=rsa-card-detached-no-content file=signed/rsa-card-detached.der "${RSA_NOW[@]}" expect=invalid error=cms-detached-content-missing \
  "description=detached SignedData verified without its content"
case_ id=rsa-card-wrong-message-digest file=signed/rsa-card-wrong-message-digest.der "${RSA_NOW[@]}" expect=invalid error=cms-message-digest-mismatch openssl=fails \
  "description=message-digest attribute of other content, validly signed"
case_ id=rsa-card-wrong-content-type file=signed/rsa-card-wrong-content-type.der "${RSA_NOW[@]}" expect=invalid error=cms-content-type-mismatch openssl=ok \
  "description=content-type attribute id-ct-TSTInfo but eContentType id-data, validly signed (OpenSSL 3.0 does not compare them)"
case_ id=rsa-card-missing-message-digest file=signed/rsa-card-missing-message-digest.der "${RSA_NOW[@]}" expect=invalid error=cms-missing-attribute openssl=fails \
  "description=signed attributes without message-digest"
case_ id=rsa-card-missing-content-type file=signed/rsa-card-missing-content-type.der "${RSA_NOW[@]}" expect=invalid error=cms-missing-attribute openssl=fails \
  "description=signed attributes without content-type"
case_ id=rsa-card-duplicate-content-type file=signed/rsa-card-duplicate-content-type.der "${RSA_NOW[@]}" expect=invalid error=cms-duplicate-attribute openssl=fails \
  "description=two content-type attributes (RFC 5652 11: single-valued, at most once)"
case_ id=rsa-card-sha1 file=signed/rsa-card-sha1.der "${RSA_NOW[@]}" expect=invalid error=cms-digest-algorithm-not-allowed openssl=ok \
  "description=SHA-1 digest refused by default"
case_ id=ec-card-sigalg-digest-mismatch file=signed/ec-card-sigalg-digest-mismatch.der "${EC_AT[@]}" expect=invalid error=cms-digest-algorithm-mismatch openssl=ok \
  "description=digestAlgorithm SHA-384 but signatureAlgorithm ecdsa-with-SHA512 (OpenSSL 3.0 hashes with the digestAlgorithm and ignores the label)"
case_ id=rsa-card-nocerts file=signed/rsa-card-nocerts.der "${RSA_NOW[@]}" expect=invalid error=cms-signer-certificate-missing openssl=fails \
  "description=no signer certificate embedded and none supplied"
case_ id=untrusted-root file=signed/untrusted-root.der anchors="$GEN3 $MW/certs/sign-root-gen2-rsa.der $MW/certs/sign-root-gen1-rsa.der $EC1" at=$T_NOW expect=invalid error=cms-signer-path path_error=bad-signature openssl=fails \
  "description=signer chains to a rogue root that copies the JPKI DN; its issuer+serial equal the RSA card's"
case_ id=untrusted-root-with-genuine-cert file=signed/untrusted-root.der anchors=$GEN3 extra_certs=$RSA_CERT at=$T_NOW expect=invalid error=cms-signer-path path_error=bad-signature \
  "description=the genuine RSA card certificate (same issuer+serial) is supplied too: its key does not verify, the rogue one does but has no path"
case_ id=revoked-leaf file=signed/revoked-leaf.der "${RSA_NOW[@]}" expect=invalid error=cms-signer-path path_error=revoked openssl=fails \
  "description=signer certificate revoked (keyCompromise, 2025-01-15) per the CRL current at the validation time"
case_ id=expired-leaf file=signed/expired-leaf.der anchors=$MW/certs/sign-root-gen1-rsa.der at=$T_NOW expect=invalid error=cms-signer-path path_error=cert-expired openssl=fails \
  "description=signer certificate expired at the validation time (the gen1 root has expired too, and is checked first)"
case_ id=ca-key-signer file=signed/ca-key-signer.der "${RSA_NOW[@]}" expect=invalid error=cms-signer-key-usage openssl=ok \
  "description=signed with a root CA key whose certificate allows only keyCertSign and cRLSign (the self-check runs openssl with -purpose any, which skips keyUsage)"
case_ id=rsa-card-noattr-at-signing-time file=signed/rsa-card-noattr.der anchors=$GEN3 at=signing-time expect=invalid error=cms-signing-time-missing \
  "description=validation at the signing time requested, but there is no signing-time attribute"
case_ id=two-signers-ec-corrupted-families file=signed/two-signers-ec-corrupted.der "${DUAL[@]}" signers=families:rsa,ecdsa expect=invalid error=cms-signer-requirement-not-met \
  "description=EC signature corrupted: ECDSA is not covered"
case_ id=two-signers-ec-corrupted-all file=signed/two-signers-ec-corrupted.der "${DUAL[@]}" signers=all expect=invalid error=bad-signature openssl=fails \
  "description=EC signature corrupted; all must verify"
case_ id=two-signers-rsa-corrupted-families file=signed/two-signers-rsa-corrupted.der "${DUAL[@]}" signers=families:rsa,ecdsa expect=invalid error=cms-signer-requirement-not-met \
  "description=RSA signature corrupted: RSA is not covered"
case_ id=rsa-card-families-single file=signed/rsa-card-attached.der "${RSA_NOW[@]}" signers=families:rsa,ecdsa expect=invalid error=cms-signer-requirement-not-met \
  "description=one RSA signer cannot cover the ECDSA family"

[ "$FAILS" -eq 0 ] || die "$FAILS self-check failure(s)"

# ---------------------------------------------------------------------------
# Write manifest.json
# ---------------------------------------------------------------------------

"$PYTHON" - "$FILES" "$CASES" <<'EOF' >manifest.json
import json, sys

def blocks(path):
    block = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line:
            block.append(line)
        elif block:
            yield block
            block = []

LISTS = {"anchors", "intermediates", "extra_certs", "crls"}
files = []
for block in blocks(sys.argv[1]):
    entry = {"signers": []}
    for kv in block:
        k, v = kv.split("=", 1)
        if k == "signer":
            cert, family, digest, sid, st = v.split("|")
            entry["signers"].append({"cert": cert, "family": family, "digest": digest,
                                     "sid": sid, "signing_time": None if st == "-" else st})
        else:
            entry[k] = v
    files.append(entry)
cases = []
for block in blocks(sys.argv[2]):
    c = {"content": None, "anchors": [], "intermediates": [], "extra_certs": [], "crls": [],
         "revocation": "off", "signers": "all", "allow_sha1": False, "error": None, "path_error": None,
         "openssl": "n/a"}
    for kv in block:
        k, v = kv.split("=", 1)
        c[k] = v.split() if k in LISTS else (v == "true") if k == "allow_sha1" else v
    cases.append(c)
order = ["id", "file", "content", "at", "anchors", "intermediates", "extra_certs", "crls",
         "revocation", "signers", "allow_sha1", "expect", "error", "path_error", "openssl",
         "description"]
cases = [{k: c.get(k) for k in order} for c in cases]
json.dump({
    "description": "CMS SignedData vectors for jpki-verify; generated by generate.sh, see README.md",
    "validation_times": {"historic": "2017-06-01T00:00:00Z", "now": "2026-06-02T00:00:00Z",
                         "cross": "2028-07-01T00:00:00Z", "ec": "2030-01-01T00:00:00Z"},
    "files": files,
    "cases": cases,
}, sys.stdout, indent=2, ensure_ascii=False)
print()
EOF

echo "generate.sh: $(ls signed | wc -l) signed files, $(grep -c '"id"' manifest.json) manifest entries"
