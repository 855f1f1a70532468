#!/usr/bin/env bash
# generate.sh: build the "migration world" test PKI for jpki-verify.
#
# A fictional JPKI-like PKI covering the RSA-2048 -> ECDSA P-384 migration:
# three RSA root generations per purpose that all share one subject DN, one
# P-384 root per purpose with that same DN, link certificates between the RSA
# generations, cross certificates between RSA gen3 and the EC root, card
# (leaf) certificates, and CRLs with fixed dates. See README.md for the file list.
#
# Tools: bash + the OpenSSL 3.0 command line (plus coreutils date/od, awk,
# sed; python3 only as an optional JSON linter). Every validity window and
# CRL date is a fixed constant, so nothing depends on the date you run this.
#
# Usage:  ./generate.sh               regenerate everything, reusing keys/ if present
#         ./generate.sh --fresh-keys  also throw away and regenerate every private key
#
# Why keys are kept by default: later vectors (CMS signatures) are made with
# the card keys. With the same keys, dates and serials, every RSA-signed
# certificate and CRL comes out byte-identical on a rerun (PKCS#1 v1.5 is
# deterministic); ECDSA signatures are randomised, so the EC-signed files
# change bytes but stay equivalent.
#
# Output (certs/, crls/ and manifest.json are wiped first; keys/ only with
# --fresh-keys; this script and README.md are never touched):
#   keys/*.key.pem     PKCS#8 PEM private keys (test keys, committed on purpose)
#   certs/*.pem|.der   certificates
#   crls/*.crl.pem|.der CRLs
#   manifest.json      machine-readable description, read by the Rust tests
#
# The script ends with a self-check: every chain listed in manifest.json is
# run through `openssl verify -attime`, and the script exits non-zero if an
# expected-valid chain fails or an expected-invalid one passes.

set -euo pipefail

OPENSSL=${OPENSSL:-openssl}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$HERE"

FRESH_KEYS=no
for arg in "$@"; do
  case "$arg" in
    --fresh-keys) FRESH_KEYS=yes ;;
    -h|--help) sed -n '2,31p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
LOG="$WORK/openssl.log"
# openssl.cnf reads the CA database directory from the environment; commands
# that do not use a CA database (req, genpkey) only need it to be defined.
export MW_CADIR="$WORK/db/none"

die() { echo "generate.sh: $*" >&2; [ -s "$LOG" ] && tail -n 30 "$LOG" >&2; exit 1; }

# Run openssl with its chatter in $LOG; on failure show the tail of the log.
ossl() {
  if ! "$OPENSSL" "$@" >>"$LOG" 2>&1; then
    die "openssl $1 failed (args: $*)"
  fi
}

# ---------------------------------------------------------------------------
# Fixed facts of this world
# ---------------------------------------------------------------------------

# Subject DNs of the CAs. Every generation (RSA gen1..3 and EC) of one purpose
# uses exactly this DN, as J-LIS does; C is PrintableString, the rest UTF8String
# (string_mask = utf8only), like the real roots.
SIGN_CA_SUBJ="/C=JP/O=JPKI/OU=JPKI for digital signature/OU=Japan Agency for Local Authority Information Systems"
AUTH_CA_SUBJ="/C=JP/O=JPKI/OU=JPKI for user authentication/OU=Japan Agency for Local Authority Information Systems"

# The fictional card holder (the "basic four" and the substitute-character
# position strings). See README.md for what each value means.
PERSON_NAME="公的　吉郎"            # U+3000 ideographic space between family and given name
PERSON_NAME_SUBST="00010"          # one digit per character; 4th (吉) stands in for 𠮷
PERSON_SEX="1"
PERSON_BIRTH="419900115"           # era digit 4 (Heisei) + Gregorian 1990-01-15
PERSON_ADDRESS="東京都千代田区架空町一丁目二番三号"
PERSON_ADDRESS_SUBST="00000000000000000"   # 17 characters, none substituted

# Suggested validation instants (also written to manifest.json).
T_HISTORIC="2017-06-01T00:00:00Z"  # only the expired gen1 leaf was valid then
T_LINK="2025-06-01T00:00:00Z"      # gen1, gen2, gen3 and both link pairs all valid
T_STALE="2026-01-02T00:00:00Z"     # the older signing gen3 CRL is current
T_NOW="2026-06-02T00:00:00Z"       # "today" for RSA cards: current CRLs
T_CROSS="2028-07-01T00:00:00Z"     # RSA card, EC card and both cross certs valid
T_EC="2030-01-01T00:00:00Z"        # EC cards; EC CRLs current
T_FUTURE="2041-01-01T00:00:00Z"    # the not-yet-valid leaf has become valid
T_POST_GEN3="2034-01-01T00:00:00Z" # gen3 and the cross certs have expired

# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------

# 2026-06-02T00:00:00Z -> 20260602000000Z (the form openssl ca takes)
asn1time() { local t=${1//-/}; t=${t//:/}; echo "${t/T/}"; }
# RFC 3339 -> seconds since the epoch (for openssl verify -attime)
epoch() { date -u -d "$1" +%s; }
# An openssl date such as "Jun  1 00:00:00 2026 GMT" -> RFC 3339
rfc3339() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }

key_file() { echo "keys/$1.key.pem"; }
cert_file() { echo "certs/$1.pem"; }

# keygen <name> rsa|ec : PKCS#8 PEM key, reused if it already exists.
keygen() {
  local f; f=$(key_file "$1")
  [ -f "$f" ] && return 0
  case "$2" in
    rsa) ossl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
           -pkeyopt rsa_keygen_pubexp:65537 -out "$f" ;;
    ec)  ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-384 \
           -pkeyopt ec_param_enc:named_curve -out "$f" ;;
    *) die "keygen: bad type $2" ;;
  esac
}

# ---------------------------------------------------------------------------
# OpenSSL configuration: `openssl ca` settings plus all extension profiles
# ---------------------------------------------------------------------------

write_config() {
  cat >"$WORK/openssl.cnf" <<'EOF'
# Written by generate.sh; not committed.
[ca]
default_ca = CA_default

[CA_default]
dir            = $ENV::MW_CADIR
database       = $dir/index.txt
new_certs_dir  = $dir/newcerts
serial         = $dir/serial
crlnumber      = $dir/crlnumber
default_md     = sha256
policy         = policy_any
# Several CAs (and links) carry the same subject DN by design.
unique_subject = no
email_in_dn    = no
# Keep the DN exactly as requested (order, repeated OU/L, string types).
preserve       = yes
copy_extensions = none
string_mask    = utf8only
utf8           = yes

[policy_any]
commonName = optional

[req]
distinguished_name = req_dn
string_mask = utf8only
utf8 = yes
[req_dn]

# ---- shared pieces ---------------------------------------------------------

# GeneralNames { directoryName C=JP, O=公的個人認証サービス }, used as the roots'
# subjectAltName and the leaves' issuerAltName. Built with ASN1: because the
# dirName: shorthand of OpenSSL 3.0 reads section values as Latin-1 and would
# double-encode the kanji.
[jlis_gns]
dir = EXP:4,SEQUENCE:jlis_name
[jlis_name]
rdn1 = SET:jlis_rdn_c
rdn2 = SET:jlis_rdn_o
[jlis_rdn_c]
atv = SEQUENCE:jlis_atv_c
[jlis_atv_c]
type  = OID:countryName
value = PRINTABLESTRING:JP
[jlis_rdn_o]
atv = SEQUENCE:jlis_atv_o
[jlis_atv_o]
type  = OID:organizationName
value = FORMAT:UTF8,UTF8:公的個人認証サービス

# CRL distribution points are directory names, never URLs (as in JPKI).
[cdp_ca_sign]
fullname = dirName:dn_ca_sign
[dn_ca_sign]
C = JP
O = JPKI
1.OU = JPKI for digital signature
2.OU = Japan Agency for Local Authority Information Systems

[cdp_ca_auth]
fullname = dirName:dn_ca_auth
[dn_ca_auth]
C = JP
O = JPKI
1.OU = JPKI for user authentication
2.OU = Japan Agency for Local Authority Information Systems

# Leaf CDPs: a fictional per-prefecture partition below the CA's DN.
[cdp_leaf_sign]
fullname = dirName:dn_cdp_leaf_sign
[dn_cdp_leaf_sign]
C = JP
O = JPKI
1.OU = JPKI for digital signature
2.OU = CRL Distribution Points
3.OU = Tokyo

[cdp_leaf_auth]
fullname = dirName:dn_cdp_leaf_auth
[dn_cdp_leaf_auth]
C = JP
O = JPKI
1.OU = JPKI for user authentication
2.OU = CRL Distribution Points
3.OU = Tokyo

# ---- roots (self-signed), same profile as the real J-LIS roots --------------
[v3_root_sign]
keyUsage = critical, keyCertSign, cRLSign
subjectAltName = ASN1:SEQUENCE:jlis_gns
basicConstraints = critical, CA:TRUE
crlDistributionPoints = cdp_ca_sign
subjectKeyIdentifier = hash

[v3_root_auth]
keyUsage = critical, keyCertSign, cRLSign
subjectAltName = ASN1:SEQUENCE:jlis_gns
basicConstraints = critical, CA:TRUE
crlDistributionPoints = cdp_ca_auth
subjectKeyIdentifier = hash

# ---- link (NewWithOld / OldWithNew) and cross certificates ------------------
# Self-issued CA certificates: subject = issuer = the shared DN. AKI names the
# signing key, SKI the certified key. anyPolicy lets RFC 5280 policy processing
# carry the leaves' policy OIDs through these certificates.
[v3_link_sign]
keyUsage = critical, keyCertSign, cRLSign
subjectAltName = ASN1:SEQUENCE:jlis_gns
basicConstraints = critical, CA:TRUE
certificatePolicies = 2.5.29.32.0
crlDistributionPoints = cdp_ca_sign
authorityKeyIdentifier = keyid:always
subjectKeyIdentifier = hash

# ---- card certificates -------------------------------------------------------
[v3_leaf_sign]
keyUsage = critical, digitalSignature, nonRepudiation
certificatePolicies = critical, 1.2.392.200149.8.5.1.1.20
subjectAltName = @person_san
issuerAltName = ASN1:SEQUENCE:jlis_gns
crlDistributionPoints = cdp_leaf_sign
authorityKeyIdentifier = keyid:always
subjectKeyIdentifier = hash

[v3_leaf_auth]
keyUsage = critical, digitalSignature
certificatePolicies = critical, 1.2.392.200149.8.5.1.3.30
issuerAltName = ASN1:SEQUENCE:jlis_gns
crlDistributionPoints = cdp_leaf_auth
authorityKeyIdentifier = keyid:always
subjectKeyIdentifier = hash

[crl_ext]
authorityKeyIdentifier = keyid:always
EOF

  # The basic four as UTF8String otherNames, in the order seen on real cards
  # (name, birth date, sex, address, then the two substitution strings).
  # FORMAT:UTF8 is required: without it OpenSSL treats the bytes as Latin-1.
  cat >>"$WORK/openssl.cnf" <<EOF

[person_san]
otherName.1 = 1.2.392.200149.8.5.5.1;FORMAT:UTF8,UTF8:${PERSON_NAME}
otherName.2 = 1.2.392.200149.8.5.5.4;FORMAT:UTF8,UTF8:${PERSON_BIRTH}
otherName.3 = 1.2.392.200149.8.5.5.3;FORMAT:UTF8,UTF8:${PERSON_SEX}
otherName.4 = 1.2.392.200149.8.5.5.5;FORMAT:UTF8,UTF8:${PERSON_ADDRESS}
otherName.5 = 1.2.392.200149.8.5.5.2;FORMAT:UTF8,UTF8:${PERSON_NAME_SUBST}
otherName.6 = 1.2.392.200149.8.5.5.6;FORMAT:UTF8,UTF8:${PERSON_ADDRESS_SUBST}
EOF
}

# ---------------------------------------------------------------------------
# CA databases: one minimal `openssl ca` database per CA key
# ---------------------------------------------------------------------------

# ca_db <ca-id>: create $WORK/db/<ca-id> (index.txt, serial, crlnumber).
ca_db() {
  local d="$WORK/db/$1"
  mkdir -p "$d/newcerts"
  : >"$d/index.txt"
  echo "unique_subject = no" >"$d/index.txt.attr"
  echo 01 >"$d/serial"
  echo 01 >"$d/crlnumber"
}

# Run `openssl ca` against the database of <ca-id>.
ca_cmd() {
  local ca=$1; shift
  # -preserveDN: keep the requested DN as is (order, repeated OU/L, string
  # types); the `preserve` config key alone did not take effect in 3.0.
  MW_CADIR="$WORK/db/$ca" ossl ca -config "$WORK/openssl.cnf" -batch -notext -utf8 -preserveDN "$@"
}

# csr <key-name> <subject> : writes $WORK/<key-name>.csr
csr() {
  ossl req -new -config "$WORK/openssl.cnf" -utf8 -key "$(key_file "$1")" \
    -subj "$2" -out "$WORK/$1.csr"
}

# Metadata for manifest.json, keyed by certificate id.
declare -A M_ROLE M_PURPOSE M_GEN M_ISSUER M_KEY M_STATUS M_NOTES
CERT_IDS=()

# record <id> <role> <purpose> <generation> <issuer-id> <subject-key-name> <status> <notes>
record() {
  CERT_IDS+=("$1")
  M_ROLE[$1]=$2; M_PURPOSE[$1]=$3; M_GEN[$1]=$4; M_ISSUER[$1]=$5
  M_KEY[$1]=$6; M_STATUS[$1]=$7; M_NOTES[$1]=$8
}

# md_for <ca-key-name>: the digest matching the signer's key type.
md_for() { case "$1" in *-p384) echo sha384 ;; *) echo sha256 ;; esac; }

# make_root <id> <subject> <profile> <serial> <notBefore> <notAfter>
# Self-signed root; its key is keys/<id>.key.pem.
make_root() {
  local id=$1 subj=$2 ext=$3 serial=$4 nb=$5 na=$6
  ca_db "$id"
  csr "$id" "$subj"
  echo "$serial" >"$WORK/db/$id/serial"
  ca_cmd "$id" -selfsign -keyfile "$(key_file "$id")" -in "$WORK/$id.csr" \
    -md "$(md_for "$id")" -extensions "$ext" \
    -startdate "$(asn1time "$nb")" -enddate "$(asn1time "$na")" \
    -out "$(cert_file "$id")"
}

# issue <id> <signer-root-id> <subject-key-name> <subject> <profile> <serial> <notBefore> <notAfter>
# Certificate for key <subject-key-name>, signed by the key of <signer-root-id>
# and recorded in that root's database.
issue() {
  local id=$1 signer=$2 subjkey=$3 subj=$4 ext=$5 serial=$6 nb=$7 na=$8
  [ -f "$WORK/$subjkey.csr" ] || csr "$subjkey" "$subj"
  echo "$serial" >"$WORK/db/$signer/serial"
  ca_cmd "$signer" -cert "$(cert_file "$signer")" -keyfile "$(key_file "$signer")" \
    -in "$WORK/$subjkey.csr" -md "$(md_for "$signer")" -extensions "$ext" \
    -startdate "$(asn1time "$nb")" -enddate "$(asn1time "$na")" \
    -out "$(cert_file "$id")"
}

# revoke <ca-id> <cert-id> <when RFC 3339> <openssl ca revocation options...>
# `openssl ca -revoke` stamps the current time, so the revocation date in the
# database is rewritten afterwards to the fixed <when>.
revoke() {
  local ca=$1 id=$2 when=$3; shift 3
  ca_cmd "$ca" -cert "$(cert_file "$ca")" -keyfile "$(key_file "$ca")" \
    -revoke "$(cert_file "$id")" "$@"
  local serial t idx="$WORK/db/$ca/index.txt"
  serial=$("$OPENSSL" x509 -in "$(cert_file "$id")" -noout -serial | cut -d= -f2)
  t=$(asn1time "$when"); t=${t:2}        # index.txt keeps UTCTime YYMMDDHHMMSSZ
  awk -F'\t' -v OFS='\t' -v s="$serial" -v t="$t" '
    $4 == s && $1 == "R" { n = index($3, ","); $3 = (n ? t substr($3, n) : t) }
    { print }' "$idx" >"$idx.new"
  mv "$idx.new" "$idx"
  grep -q "^R	[^	]*	$t" "$idx" || die "revocation date not set for $id"
}

# Metadata for CRLs
CRL_IDS=()
declare -A C_ISSUER C_NOTES

# gen_crl <crl-id> <ca-id> <crlNumber hex> <thisUpdate> <nextUpdate> <notes>
gen_crl() {
  local id=$1 ca=$2 num=$3 tu=$4 nu=$5 notes=$6
  echo "$num" >"$WORK/db/$ca/crlnumber"
  ca_cmd "$ca" -gencrl -cert "$(cert_file "$ca")" -keyfile "$(key_file "$ca")" \
    -md "$(md_for "$ca")" -crlexts crl_ext \
    -crl_lastupdate "$(asn1time "$tu")" -crl_nextupdate "$(asn1time "$nu")" \
    -out "crls/$id.crl.pem"
  ossl crl -in "crls/$id.crl.pem" -outform DER -out "crls/$id.crl.der"
  CRL_IDS+=("$id"); C_ISSUER[$id]=$ca; C_NOTES[$id]=$notes
}

# ---------------------------------------------------------------------------
# 0. Clean the output directory
# ---------------------------------------------------------------------------

rm -rf certs crls manifest.json
[ "$FRESH_KEYS" = yes ] && rm -rf keys
mkdir -p keys certs crls
write_config

# ---------------------------------------------------------------------------
# 1. Keys
# ---------------------------------------------------------------------------

for p in sign auth; do
  for g in gen1 gen2 gen3; do keygen "$p-root-$g-rsa" rsa; done
  keygen "$p-root-ec1-p384" ec
done
# Card keys (the two key pairs on an RSA card and on an EC card) and the keys
# of the other leaves.
for k in sign-leaf-rsa-card auth-leaf-rsa-card sign-leaf-gen1 sign-leaf-gen2 \
         sign-leaf-expired-gen1 sign-leaf-revoked-gen3 sign-leaf-held-gen3; do
  keygen "$k" rsa
done
for k in sign-leaf-ec-card auth-leaf-ec-card sign-leaf-notyet-ec1; do
  keygen "$k" ec
done

# ---------------------------------------------------------------------------
# 2. Roots. Serials are unique across each DN (all generations share the
#    issuer name, so issuer+serial must still identify one certificate) and
#    deliberately differ from the real J-LIS serials.
# ---------------------------------------------------------------------------

GEN1_NB="2015-10-20T00:00:00Z"; GEN1_NA="2025-10-19T14:59:59Z"
GEN2_NB="2019-09-14T00:00:00Z"; GEN2_NA="2029-09-14T14:59:59Z"
GEN3_NB="2023-07-16T00:00:00Z"; GEN3_NA="2033-07-15T14:59:59Z"
EC1_NB="2027-04-01T00:00:00Z";  EC1_NA="2045-03-31T14:59:59Z"

for p in sign auth; do
  if [ $p = sign ]; then subj=$SIGN_CA_SUBJ; pfx=5A01; purpose=signing
  else subj=$AUTH_CA_SUBJ; pfx=5A02; purpose=auth; fi
  make_root "$p-root-gen1-rsa"  "$subj" "v3_root_$p" "${pfx}01" "$GEN1_NB" "$GEN1_NA"
  make_root "$p-root-gen2-rsa"  "$subj" "v3_root_$p" "${pfx}02" "$GEN2_NB" "$GEN2_NA"
  make_root "$p-root-gen3-rsa"  "$subj" "v3_root_$p" "${pfx}03" "$GEN3_NB" "$GEN3_NA"
  make_root "$p-root-ec1-p384"  "$subj" "v3_root_$p" "${pfx}04" "$EC1_NB"  "$EC1_NA"
  record "$p-root-gen1-rsa" root $purpose gen1 "$p-root-gen1-rsa" "$p-root-gen1-rsa" trust-anchor "RSA generation 1 root"
  record "$p-root-gen2-rsa" root $purpose gen2 "$p-root-gen2-rsa" "$p-root-gen2-rsa" trust-anchor "RSA generation 2 root"
  record "$p-root-gen3-rsa" root $purpose gen3 "$p-root-gen3-rsa" "$p-root-gen3-rsa" trust-anchor "RSA generation 3 root"
  record "$p-root-ec1-p384" root $purpose ec1  "$p-root-ec1-p384" "$p-root-ec1-p384" trust-anchor "next-generation ECDSA P-384 root, same DN as the RSA roots"
done

# ---------------------------------------------------------------------------
# 3. Link certificates between consecutive signing RSA generations (RFC 4210
#    root key update). Validity = the overlap of the two roots.
#    NewWithOld: new root's key, signed by the old root's key.
#    OldWithNew: old root's key, signed by the new root's key.
# ---------------------------------------------------------------------------

csr sign-root-gen1-rsa "$SIGN_CA_SUBJ"   # CSRs over the root keys (same DN)
csr sign-root-gen2-rsa "$SIGN_CA_SUBJ"
csr sign-root-gen3-rsa "$SIGN_CA_SUBJ"
csr sign-root-ec1-p384 "$SIGN_CA_SUBJ"

issue sign-link-gen2-by-gen1 sign-root-gen1-rsa sign-root-gen2-rsa "$SIGN_CA_SUBJ" v3_link_sign 5A0C12 "$GEN2_NB" "$GEN1_NA"
issue sign-link-gen1-by-gen2 sign-root-gen2-rsa sign-root-gen1-rsa "$SIGN_CA_SUBJ" v3_link_sign 5A0C21 "$GEN2_NB" "$GEN1_NA"
issue sign-link-gen3-by-gen2 sign-root-gen2-rsa sign-root-gen3-rsa "$SIGN_CA_SUBJ" v3_link_sign 5A0C23 "$GEN3_NB" "$GEN2_NA"
issue sign-link-gen2-by-gen3 sign-root-gen3-rsa sign-root-gen2-rsa "$SIGN_CA_SUBJ" v3_link_sign 5A0C32 "$GEN3_NB" "$GEN2_NA"
record sign-link-gen2-by-gen1 link-new-with-old signing gen2 sign-root-gen1-rsa sign-root-gen2-rsa valid "NewWithOld: gen2 key certified by gen1 key"
record sign-link-gen1-by-gen2 link-old-with-new signing gen1 sign-root-gen2-rsa sign-root-gen1-rsa valid "OldWithNew: gen1 key certified by gen2 key"
record sign-link-gen3-by-gen2 link-new-with-old signing gen3 sign-root-gen2-rsa sign-root-gen3-rsa valid "NewWithOld: gen3 key certified by gen2 key"
record sign-link-gen2-by-gen3 link-old-with-new signing gen2 sign-root-gen3-rsa sign-root-gen2-rsa valid "OldWithNew: gen2 key certified by gen3 key"

# ---------------------------------------------------------------------------
# 4. Cross certificates between signing RSA gen3 and the signing EC root.
#    Validity = the overlap of the two roots. (Same DN, so these are
#    self-issued too.)
# ---------------------------------------------------------------------------

issue sign-cross-ec1-by-gen3 sign-root-gen3-rsa sign-root-ec1-p384 "$SIGN_CA_SUBJ" v3_link_sign 5A0C34 "$EC1_NB" "$GEN3_NA"
issue sign-cross-gen3-by-ec1 sign-root-ec1-p384 sign-root-gen3-rsa "$SIGN_CA_SUBJ" v3_link_sign 5A0C43 "$EC1_NB" "$GEN3_NA"
record sign-cross-ec1-by-gen3 cross signing ec1  sign-root-gen3-rsa sign-root-ec1-p384 valid "EC root key certified by RSA gen3 key (sha256WithRSAEncryption)"
record sign-cross-gen3-by-ec1 cross signing gen3 sign-root-ec1-p384 sign-root-gen3-rsa valid "RSA gen3 key certified by EC root key (ecdsa-with-SHA384)"

# ---------------------------------------------------------------------------
# 5. Card certificates (leaves)
# ---------------------------------------------------------------------------

SIGN_LEAF_SUBJ() { echo "/C=JP/L=Tokyo/L=Chiyoda-ku/CN=$1"; }
AUTH_LEAF_SUBJ() { echo "/C=JP/CN=$1"; }

# leaf <id> <issuer-root-id> <sign|auth> <CN> <serial> <notBefore> <notAfter> <status> <notes>
leaf() {
  local id=$1 ca=$2 p=$3 cn=$4 serial=$5 nb=$6 na=$7 status=$8 notes=$9 subj purpose
  if [ "$p" = sign ]; then subj=$(SIGN_LEAF_SUBJ "$cn"); purpose=signing
  else subj=$(AUTH_LEAF_SUBJ "$cn"); purpose=auth; fi
  issue "$id" "$ca" "$id" "$subj" "v3_leaf_$p" "$serial" "$nb" "$na"
  record "$id" leaf "$purpose" "${M_GEN[$ca]}" "$ca" "$id" "$status" "$notes"
}

# The RSA card: ~5-year certificates from gen3.
leaf sign-leaf-rsa-card sign-root-gen3-rsa sign 202405MWS0000000301A 10000301 \
  2024-05-01T00:00:00Z 2029-04-30T14:59:59Z valid "RSA card signing certificate"
leaf auth-leaf-rsa-card auth-root-gen3-rsa auth 202405MWA0000000301B 20000301 \
  2024-05-01T00:00:00Z 2029-04-30T14:59:59Z valid "RSA card user-authentication certificate"
# The EC card: 10-year certificates from the EC roots.
leaf sign-leaf-ec-card sign-root-ec1-p384 sign 202806MWS0000000401C 10000401 \
  2028-06-01T00:00:00Z 2038-05-31T14:59:59Z valid "EC card signing certificate"
leaf auth-leaf-ec-card auth-root-ec1-p384 auth 202806MWA0000000401D 20000401 \
  2028-06-01T00:00:00Z 2038-05-31T14:59:59Z valid "EC card user-authentication certificate"
# One signing leaf per older generation, so a chain to each generation exists.
leaf sign-leaf-gen1 sign-root-gen1-rsa sign 202104MWS0000000101E 10000101 \
  2021-04-01T00:00:00Z 2025-09-30T14:59:59Z valid "signing leaf issued by gen1"
leaf sign-leaf-gen2 sign-root-gen2-rsa sign 202202MWS0000000201F 10000201 \
  2022-02-01T00:00:00Z 2026-12-31T14:59:59Z valid "signing leaf issued by gen2"
# Variants.
leaf sign-leaf-expired-gen1 sign-root-gen1-rsa sign 201601MWS0000000102G 10000102 \
  2016-01-01T00:00:00Z 2018-12-31T14:59:59Z expired "validity entirely before every other test instant except T_HISTORIC"
leaf sign-leaf-notyet-ec1 sign-root-ec1-p384 sign 204001MWS0000000402H 10000402 \
  2040-01-01T00:00:00Z 2044-12-31T14:59:59Z not-yet-valid "not valid before 2040-01-01"
leaf sign-leaf-revoked-gen3 sign-root-gen3-rsa sign 202406MWS0000000302J 10000302 \
  2024-06-01T00:00:00Z 2029-05-31T14:59:59Z revoked "revoked 2025-01-15T00:00:00Z, reason keyCompromise"
leaf sign-leaf-held-gen3 sign-root-gen3-rsa sign 202407MWS0000000303K 10000303 \
  2024-07-01T00:00:00Z 2029-06-30T14:59:59Z held "on hold since 2026-03-01T00:00:00Z (certificateHold, holdInstructionCallIssuer); absent from the 2026-01-01 CRL"

# DER copies of every certificate.
for id in "${CERT_IDS[@]}"; do
  ossl x509 -in "$(cert_file "$id")" -outform DER -out "certs/$id.der"
done

# ---------------------------------------------------------------------------
# 6. Revocations and CRLs (all dates fixed)
# ---------------------------------------------------------------------------

gen_crl sign-gen1-20250531 sign-root-gen1-rsa 1101 2025-05-31T00:00:00Z 2025-06-07T00:00:00Z \
  "signing gen1, empty; current at T_LINK"
gen_crl sign-gen2-20260601 sign-root-gen2-rsa 1201 2026-06-01T00:00:00Z 2026-06-08T00:00:00Z \
  "signing gen2, empty; current at T_NOW"

revoke sign-root-gen3-rsa sign-leaf-revoked-gen3 2025-01-15T00:00:00Z -crl_reason keyCompromise
# Older gen3 CRL, issued before the hold: lists only the revoked leaf.
gen_crl sign-gen3-20260101 sign-root-gen3-rsa 1301 2026-01-01T00:00:00Z 2026-01-08T00:00:00Z \
  "signing gen3, older issue; lists the revoked leaf only; current at T_STALE, expired at T_NOW"
revoke sign-root-gen3-rsa sign-leaf-held-gen3 2026-03-01T00:00:00Z -crl_hold holdInstructionCallIssuer
gen_crl sign-gen3-20260601 sign-root-gen3-rsa 1302 2026-06-01T00:00:00Z 2026-06-08T00:00:00Z \
  "signing gen3, current at T_NOW; lists the revoked leaf (keyCompromise) and the held leaf (certificateHold)"
gen_crl sign-ec1-20291231 sign-root-ec1-p384 1401 2029-12-31T00:00:00Z 2030-01-07T00:00:00Z \
  "signing EC root, empty; current at T_EC"
gen_crl auth-gen3-20260601 auth-root-gen3-rsa 2301 2026-06-01T00:00:00Z 2026-06-08T00:00:00Z \
  "user-auth gen3, empty; current at T_NOW"
gen_crl auth-ec1-20291231 auth-root-ec1-p384 2401 2029-12-31T00:00:00Z 2030-01-07T00:00:00Z \
  "user-auth EC root, empty; current at T_EC"

# ---------------------------------------------------------------------------
# 7. Self-check, part 1: structure (DN bytes, extensions, UTF-8)
# ---------------------------------------------------------------------------

FAILS=0
fail() { echo "SELF-CHECK FAILED: $*" >&2; FAILS=$((FAILS + 1)); }

# name_der <cert-id> issuer|subject : hex of the DER-encoded Name
name_der() {
  local want=$([ "$2" = issuer ] && echo 4 || echo 6) line off hl len
  # tbsCertificate children at depth 2: version, serial, sigAlg, issuer, validity, subject
  line=$("$OPENSSL" asn1parse -in "$(cert_file "$1")" | awk '/d=2/' | sed -n "${want}p")
  off=$(echo "$line" | sed -E 's/^ *([0-9]+):.*/\1/')
  hl=$(echo "$line" | sed -E 's/.*hl= *([0-9]+).*/\1/')
  len=$(echo "$line" | sed -E 's/.* l= *([0-9]+).*/\1/')
  od -An -tx1 -v -j "$off" -N $((hl + len)) "certs/$1.der" | tr -d ' \n'
}

SIGN_DN_HEX=$(name_der sign-root-gen1-rsa subject)
AUTH_DN_HEX=$(name_der auth-root-gen1-rsa subject)
for id in "${CERT_IDS[@]}"; do
  if [ "${M_PURPOSE[$id]}" = signing ]; then want=$SIGN_DN_HEX; else want=$AUTH_DN_HEX; fi
  [ "$(name_der "$id" issuer)" = "$want" ] || fail "$id: issuer DN bytes differ from the CA DN"
  if [ "${M_ROLE[$id]}" != leaf ]; then
    [ "$(name_der "$id" subject)" = "$want" ] || fail "$id: subject DN bytes differ from the CA DN"
  fi
done
[ "$SIGN_DN_HEX" != "$AUTH_DN_HEX" ] || fail "signing and auth DNs are identical"

# The kanji must be real UTF-8 in a UTF8String, not double-encoded Latin-1.
"$OPENSSL" x509 -in certs/sign-leaf-rsa-card.pem -noout -ext subjectAltName -nameopt utf8 \
  | grep -q "1.2.392.200149.8.5.5.1::${PERSON_NAME}" || fail "name otherName not UTF-8"
"$OPENSSL" x509 -in certs/sign-leaf-rsa-card.pem -noout -ext subjectAltName \
  | grep -q "1.2.392.200149.8.5.5.5::${PERSON_ADDRESS}" || fail "address otherName not UTF-8"
# 公的個人認証サービス as UTF-8 bytes inside a UTF8String (tag 0c, length 1e).
JLIS_O_HEX="0c1ee585ace79a84e5808be4babae8aa8de8a8bce382b5e383bce38393e382b9"
for id in sign-root-gen3-rsa sign-leaf-rsa-card auth-leaf-ec-card; do
  od -An -tx1 -v "certs/$id.der" | tr -d ' \n' | grep -q "$JLIS_O_HEX" \
    || fail "$id: J-LIS dirName O is not a UTF-8 UTF8String"
done
# Roots carry no AKI; links, cross certs and leaves carry one.
for id in "${CERT_IDS[@]}"; do
  aki=$("$OPENSSL" x509 -in "$(cert_file "$id")" -noout -ext authorityKeyIdentifier 2>/dev/null || true)
  if [ "${M_ROLE[$id]}" = root ]; then [ -z "$aki" ] || fail "$id: root has an AKI"
  else [ -n "$aki" ] || fail "$id: missing AKI"; fi
done

# ---------------------------------------------------------------------------
# 8. Self-check, part 2: chains through `openssl verify -attime`
#    Each call is also recorded in manifest.json as an expected result.
# ---------------------------------------------------------------------------

CHAIN_JSON=()

json_list() { # words -> ["a","b"]
  local out="" w
  for w in "$@"; do out+="${out:+,}\"$w\""; done
  echo "[$out]"
}

# chain <name> <at> <ok|fail:error text|ok-openssl-fails:error text> <target-id> "<anchor ids>" "<untrusted ids>" "<crl ids>" <description>
chain() {
  local name=$1 at=$2 expect=$3 target=$4 anchors=$5 untrusted=$6 crls=$7 desc=$8
  local args=(verify -no-CApath -no-CAstore -x509_strict -attime "$(epoch "$at")")
  local f a u c out rc status err="" mark anchor_files=() untrusted_files=() crl_files=()
  f="$WORK/chain-$name"
  : >"$f.anchors"; : >"$f.untrusted"; : >"$f.crls"
  for a in $anchors;   do cat "$(cert_file "$a")" >>"$f.anchors";   anchor_files+=("$(cert_file "$a")"); done
  for u in $untrusted; do cat "$(cert_file "$u")" >>"$f.untrusted"; untrusted_files+=("$(cert_file "$u")"); done
  for c in $crls;      do cat "crls/$c.crl.pem"   >>"$f.crls";      crl_files+=("crls/$c.crl.pem"); done
  args+=(-CAfile "$f.anchors")
  [ -n "$untrusted" ] && args+=(-untrusted "$f.untrusted")
  [ -n "$crls" ] && args+=(-crl_check -CRLfile "$f.crls")
  set +e
  out=$("$OPENSSL" "${args[@]}" "$(cert_file "$target")" 2>&1); rc=$?
  set -e
  mark="MISMATCH"
  openssl_result=agrees
  if [ "${expect%%:*}" = ok-openssl-fails ]; then
    # Valid under RFC 5280 path building, but OpenSSL's builder does not
    # backtrack among same-DN candidates. Assert that OpenSSL still fails the
    # same way, so a change in behaviour is noticed.
    status=valid; err=${expect#ok-openssl-fails:}; openssl_result="fails: $err"
    if [ $rc -eq 0 ]; then fail "chain $name: OpenSSL now verifies it; update the script"
    elif ! grep -qi -- "$err" <<<"$out"; then fail "chain $name: OpenSSL fails differently: $out"
    else mark="valid by design; OpenSSL (no backtracking) fails with: $err"; fi
    err=""
  elif [ "$expect" = ok ]; then
    status=valid
    if [ $rc -eq 0 ]; then mark="valid, as expected"
    else fail "chain $name should verify but did not: $out"; fi
  else
    status=invalid; err=${expect#fail:}
    if [ $rc -eq 0 ]; then fail "chain $name should fail ($err) but verified"
    elif ! grep -qi -- "$err" <<<"$out"; then fail "chain $name failed for the wrong reason (want '$err'): $out"
    else mark="rejected as expected: $err"; fi
  fi
  echo "  $name @ $at: $mark"
  CHAIN_JSON+=("    {\"name\": \"$name\", \"at\": \"$at\", \"expect\": \"$status\", \"openssl\": \"$openssl_result\", \"openssl_error\": $( [ -n "$err" ] && echo "\"$err\"" || echo null ), \"target\": \"$(cert_file "$target")\", \"untrusted\": $(json_list "${untrusted_files[@]}"), \"anchors\": $(json_list "${anchor_files[@]}"), \"crls\": $(json_list "${crl_files[@]}"), \"description\": \"$desc\"}")
}

ALL_ROOTS="sign-root-gen1-rsa sign-root-gen2-rsa sign-root-gen3-rsa sign-root-ec1-p384 auth-root-gen1-rsa auth-root-gen2-rsa auth-root-gen3-rsa auth-root-ec1-p384"
ALL_LINKS="sign-link-gen2-by-gen1 sign-link-gen1-by-gen2 sign-link-gen3-by-gen2 sign-link-gen2-by-gen3 sign-cross-ec1-by-gen3 sign-cross-gen3-by-ec1"

echo "chains (openssl verify -attime):"
# --- T_NOW: RSA cards against their own generation, current CRLs
chain rsa-card-sign-gen3 "$T_NOW" ok sign-leaf-rsa-card "sign-root-gen3-rsa" "" "sign-gen3-20260601" \
  "RSA card signing cert -> signing gen3 root, with the current CRL"
chain rsa-card-auth-gen3 "$T_NOW" ok auth-leaf-rsa-card "auth-root-gen3-rsa" "" "auth-gen3-20260601" \
  "RSA card auth cert -> user-auth gen3 root, with the current CRL"
chain rsa-card-sign-all-roots "$T_NOW" ok sign-leaf-rsa-card "$ALL_ROOTS" "" "sign-gen3-20260601" \
  "all eight roots trusted at once (same DNs): issuer must be picked by key id"
chain gen2-leaf-gen2 "$T_NOW" ok sign-leaf-gen2 "sign-root-gen2-rsa" "" "sign-gen2-20260601" \
  "gen2 signing leaf -> gen2 root, with the current gen2 CRL"
chain revoked-leaf "$T_NOW" "fail:certificate revoked" sign-leaf-revoked-gen3 "sign-root-gen3-rsa" "" "sign-gen3-20260601" \
  "revoked (keyCompromise, 2025-01-15) leaf is rejected with the current CRL"
chain held-leaf "$T_NOW" "fail:certificate revoked" sign-leaf-held-gen3 "sign-root-gen3-rsa" "" "sign-gen3-20260601" \
  "held (certificateHold) leaf is rejected with the current CRL"
chain held-leaf-before-hold "$T_STALE" ok sign-leaf-held-gen3 "sign-root-gen3-rsa" "" "sign-gen3-20260101" \
  "held leaf at 2026-01-02 with the 2026-01-01 CRL, which predates the hold"
chain revoked-leaf-old-crl "$T_STALE" "fail:certificate revoked" sign-leaf-revoked-gen3 "sign-root-gen3-rsa" "" "sign-gen3-20260101" \
  "revoked leaf is already on the 2026-01-01 CRL"
chain stale-crl "$T_NOW" "fail:CRL has expired" sign-leaf-rsa-card "sign-root-gen3-rsa" "" "sign-gen3-20260101" \
  "the 2026-01-01 CRL is past its nextUpdate at T_NOW"
chain rsa-card-wrong-generations "$T_NOW" "fail:unable to get local issuer certificate" sign-leaf-rsa-card \
  "sign-root-gen1-rsa sign-root-gen2-rsa sign-root-ec1-p384" "" "" \
  "same issuer DN but none of the trusted keys signed the leaf"
chain auth-card-vs-sign-root "$T_NOW" "fail:unable to get local issuer certificate" auth-leaf-rsa-card "sign-root-gen3-rsa" "" "" \
  "user-auth leaf does not chain to the signing root"
# --- historic instants
chain expired-leaf-historic "$T_HISTORIC" ok sign-leaf-expired-gen1 "sign-root-gen1-rsa" "" "" \
  "the expired gen1 leaf was valid in 2017"
chain expired-leaf "$T_LINK" "fail:certificate has expired" sign-leaf-expired-gen1 "sign-root-gen1-rsa" "" "" \
  "the expired gen1 leaf, while gen1 itself is still valid"
# --- T_LINK: gen1 leaf and link certificates
chain gen1-leaf-gen1 "$T_LINK" ok sign-leaf-gen1 "sign-root-gen1-rsa" "" "sign-gen1-20250531" \
  "gen1 signing leaf -> gen1 root, with the gen1 CRL"
chain gen1-leaf-via-oldwithnew-to-gen3 "$T_LINK" ok sign-leaf-gen1 "sign-root-gen3-rsa" \
  "sign-link-gen1-by-gen2 sign-link-gen2-by-gen3" "" \
  "relying party that trusts only gen3: gen1 leaf -> OldWithNew(gen1 by gen2) -> OldWithNew(gen2 by gen3) -> gen3"
chain gen1-leaf-no-links "$T_LINK" "fail:unable to get local issuer certificate" sign-leaf-gen1 "sign-root-gen3-rsa" "" "" \
  "without the link certificates gen3 cannot reach a gen1 leaf"
chain rsa-card-via-newwithold-to-gen1 "$T_LINK" ok sign-leaf-rsa-card "sign-root-gen1-rsa" \
  "sign-link-gen3-by-gen2 sign-link-gen2-by-gen1" "" \
  "relying party that trusts only gen1: RSA card -> NewWithOld(gen3 by gen2) -> NewWithOld(gen2 by gen1) -> gen1"
chain gen2-leaf-via-newwithold-to-gen1 "$T_LINK" ok sign-leaf-gen2 "sign-root-gen1-rsa" "sign-link-gen2-by-gen1" "" \
  "gen2 leaf -> NewWithOld(gen2 by gen1) -> gen1"
chain gen2-leaf-via-oldwithnew-to-gen3 "$T_LINK" ok sign-leaf-gen2 "sign-root-gen3-rsa" "sign-link-gen2-by-gen3" "" \
  "gen2 leaf -> OldWithNew(gen2 by gen3) -> gen3"
chain gen1-leaf-all-links-gen3 "$T_LINK" "ok-openssl-fails:unable to get local issuer certificate" sign-leaf-gen1 "sign-root-gen3-rsa" "$ALL_LINKS" "" \
  "gen1 leaf, trusting gen3, every link and cross cert offered (distractors first): needs a path builder that backtracks"
chain links-expired-after-gen1 "$T_NOW" "fail:certificate has expired" sign-leaf-gen2 "sign-root-gen1-rsa" "sign-link-gen2-by-gen1" "" \
  "NewWithOld(gen2 by gen1) ends with gen1 on 2025-10-19"
# --- T_CROSS: cross certificates in both directions
chain ec-card-via-cross-to-gen3 "$T_CROSS" ok sign-leaf-ec-card "sign-root-gen3-rsa" "sign-cross-ec1-by-gen3" "" \
  "relying party that trusts only RSA gen3: EC card -> cross(EC key by gen3, sha256WithRSA) -> gen3"
chain rsa-card-via-cross-to-ec1 "$T_CROSS" ok sign-leaf-rsa-card "sign-root-ec1-p384" "sign-cross-gen3-by-ec1" "" \
  "relying party that trusts only the EC root: RSA card -> cross(gen3 key by EC, ecdsa-with-SHA384) -> EC root"
chain ec-card-sign-ec1-cross-time "$T_CROSS" ok sign-leaf-ec-card "sign-root-ec1-p384" "" "" \
  "EC card -> EC root directly"
chain ec-card-no-cross "$T_CROSS" "fail:unable to get local issuer certificate" sign-leaf-ec-card "sign-root-gen3-rsa" "" "" \
  "without the cross certificate gen3 cannot reach an EC leaf"
# --- T_EC and later: EC cards
chain ec-card-sign-ec1 "$T_EC" ok sign-leaf-ec-card "sign-root-ec1-p384" "" "sign-ec1-20291231" \
  "EC card signing cert -> signing EC root, with the EC CRL"
chain ec-card-auth-ec1 "$T_EC" ok auth-leaf-ec-card "auth-root-ec1-p384" "" "auth-ec1-20291231" \
  "EC card auth cert -> user-auth EC root, with the EC CRL"
chain ec-card-via-cross-to-gen3-late "$T_POST_GEN3" "fail:certificate has expired" sign-leaf-ec-card "sign-root-gen3-rsa" "sign-cross-ec1-by-gen3" "" \
  "gen3 and the cross certificate expired on 2033-07-15"
chain notyet-leaf "$T_EC" "fail:certificate is not yet valid" sign-leaf-notyet-ec1 "sign-root-ec1-p384" "" "" \
  "leaf valid only from 2040-01-01"
chain notyet-leaf-later "$T_FUTURE" ok sign-leaf-notyet-ec1 "sign-root-ec1-p384" "" "" \
  "the same leaf in 2041"

# ---------------------------------------------------------------------------
# 9. manifest.json (facts queried back from the files with openssl)
# ---------------------------------------------------------------------------

# hex key id with colons -> lowercase hex, or null
keyid() { local v; v=$(sed -n '2p' | tr -d ' :' | sed 's/^keyid//' | tr 'A-F' 'a-f'); [ -n "$v" ] && echo "\"$v\"" || echo null; }

cert_json() {
  local id=$1 f; f=$(cert_file "$id")
  local nb na serial sigalg keyalg subject ski aki fp
  nb=$(rfc3339 "$("$OPENSSL" x509 -in "$f" -noout -startdate | cut -d= -f2)")
  na=$(rfc3339 "$("$OPENSSL" x509 -in "$f" -noout -enddate | cut -d= -f2)")
  serial=$("$OPENSSL" x509 -in "$f" -noout -serial | cut -d= -f2)
  sigalg=$("$OPENSSL" x509 -in "$f" -noout -text | awk -F': ' '/Signature Algorithm/ {print $2; exit}')
  case "$("$OPENSSL" x509 -in "$f" -noout -text | awk -F': ' '/Public Key Algorithm/ {print $2; exit}')" in
    rsaEncryption) keyalg=rsa-2048 ;;
    id-ecPublicKey) keyalg=ecdsa-p384 ;;
    *) keyalg=unknown ;;
  esac
  # Subject in certificate order (C first), not RFC 4514's reversed order.
  subject=$("$OPENSSL" x509 -in "$f" -noout -subject -nameopt utf8,sep_comma_plus_space,esc_2253 | sed 's/^subject=//')
  ski=$("$OPENSSL" x509 -in "$f" -noout -ext subjectKeyIdentifier | keyid)
  aki=$("$OPENSSL" x509 -in "$f" -noout -ext authorityKeyIdentifier 2>/dev/null | keyid)
  fp=$("$OPENSSL" x509 -in "$f" -noout -fingerprint -sha256 | cut -d= -f2 | tr -d ':' | tr 'A-F' 'a-f')
  cat <<EOF
    {
      "id": "$id",
      "file": "$f",
      "der": "certs/$id.der",
      "role": "${M_ROLE[$id]}",
      "purpose": "${M_PURPOSE[$id]}",
      "generation": "${M_GEN[$id]}",
      "algorithm": "$keyalg",
      "signature_algorithm": "$sigalg",
      "issuer_file": "$(cert_file "${M_ISSUER[$id]}")",
      "issuer_generation": "${M_GEN[${M_ISSUER[$id]}]}",
      "subject_key_file": "$(key_file "${M_KEY[$id]}")",
      "subject": "$subject",
      "not_before": "$nb",
      "not_after": "$na",
      "serial": "$serial",
      "subject_key_id": $ski,
      "authority_key_id": $aki,
      "sha256": "$fp",
      "status": "${M_STATUS[$id]}",
      "notes": "${M_NOTES[$id]}"
    }
EOF
}

crl_json() {
  local id=$1 f="crls/$1.crl.pem" tu nu num revoked="" serial date reason
  tu=$(rfc3339 "$("$OPENSSL" crl -in "$f" -noout -lastupdate | cut -d= -f2)")
  nu=$(rfc3339 "$("$OPENSSL" crl -in "$f" -noout -nextupdate | cut -d= -f2)")
  num=$("$OPENSSL" crl -in "$f" -noout -crlnumber | cut -d= -f2 | sed 's/^0x//')
  # Revoked entries: serial, date, reason (from the text dump).
  while IFS='|' read -r serial date reason; do
    [ -n "$serial" ] || continue
    case "$reason" in   # OpenSSL's display text -> RFC 5280 CRLReason name
      "Key Compromise") reason=keyCompromise ;;
      "Certificate Hold") reason=certificateHold ;;
      *) fail "CRL $id: unexpected reason text '$reason'" ;;
    esac
    revoked+="${revoked:+, }{\"serial\": \"$serial\", \"revocation_date\": \"$(rfc3339 "$date")\", \"reason\": \"$reason\"}"
  done < <("$OPENSSL" crl -in "$f" -noout -text | awk '
      /Serial Number:/ { if (s != "") print s "|" d "|" r; s = $3; d = ""; r = "" }
      /Revocation Date:/ { sub(/.*Revocation Date: /, ""); d = $0 }
      /CRL Reason Code/ { getline; gsub(/^ +| +$/, ""); r = $0 }
      END { if (s != "") print s "|" d "|" r }')
  cat <<EOF
    {
      "id": "$id",
      "file": "$f",
      "der": "crls/$id.crl.der",
      "issuer_file": "$(cert_file "${C_ISSUER[$id]}")",
      "purpose": "${M_PURPOSE[${C_ISSUER[$id]}]}",
      "generation": "${M_GEN[${C_ISSUER[$id]}]}",
      "this_update": "$tu",
      "next_update": "$nu",
      "crl_number": "$num",
      "revoked": [$revoked],
      "notes": "${C_NOTES[$id]}"
    }
EOF
}

{
  echo "{"
  echo "  \"description\": \"JPKI-like migration-world test PKI; generated by generate.sh, see README.md\","
  echo "  \"validation_times\": {"
  echo "    \"historic\": \"$T_HISTORIC\","
  echo "    \"link\": \"$T_LINK\","
  echo "    \"stale_crl\": \"$T_STALE\","
  echo "    \"now\": \"$T_NOW\","
  echo "    \"cross\": \"$T_CROSS\","
  echo "    \"ec\": \"$T_EC\","
  echo "    \"post_gen3\": \"$T_POST_GEN3\","
  echo "    \"future\": \"$T_FUTURE\""
  echo "  },"
  echo "  \"person\": {"
  echo "    \"name\": \"$PERSON_NAME\","
  echo "    \"name_substitute_positions\": \"$PERSON_NAME_SUBST\","
  echo "    \"sex\": \"$PERSON_SEX\","
  echo "    \"birth_date\": \"$PERSON_BIRTH\","
  echo "    \"address\": \"$PERSON_ADDRESS\","
  echo "    \"address_substitute_positions\": \"$PERSON_ADDRESS_SUBST\""
  echo "  },"
  echo "  \"certificates\": ["
  n=0
  for id in "${CERT_IDS[@]}"; do
    n=$((n + 1)); obj=$(cert_json "$id")
    [ $n -lt ${#CERT_IDS[@]} ] && obj="$obj,"
    echo "$obj"
  done
  echo "  ],"
  echo "  \"crls\": ["
  n=0
  for id in "${CRL_IDS[@]}"; do
    n=$((n + 1)); obj=$(crl_json "$id")
    [ $n -lt ${#CRL_IDS[@]} ] && obj="$obj,"
    echo "$obj"
  done
  echo "  ],"
  echo "  \"chains\": ["
  n=0
  for c in "${CHAIN_JSON[@]}"; do
    n=$((n + 1)); [ $n -lt ${#CHAIN_JSON[@]} ] && c="$c,"
    echo "$c"
  done
  echo "  ]"
  echo "}"
} >manifest.json

# Optional syntax check of the manifest (python3 only as a JSON linter).
if command -v python3 >/dev/null 2>&1; then
  python3 -m json.tool manifest.json >/dev/null || fail "manifest.json is not valid JSON"
fi

if [ "$FAILS" -ne 0 ]; then
  echo "generate.sh: $FAILS self-check failure(s)" >&2
  exit 1
fi
echo "generate.sh: ${#CERT_IDS[@]} certificates, ${#CRL_IDS[@]} CRLs, ${#CHAIN_JSON[@]} chains checked; all self-checks passed"
