//! `jpki-verify inspect`: what a certificate is, field by field and in JPKI terms.
//!
//! For each certificate (PEM files may hold several; DER files hold one): subject, issuer,
//! serial, validity, key, signature algorithm, extensions, the JPKI classification and
//! profile findings, the basic four (raw values beside their interpretations), the root pin
//! match, and - with `--sunset` - the table's verdict on the certificate's signature.
//!
//! The sunset judgement needs the key that made the signature. It is taken, in order, from
//! the certificate itself when it is self-signed, from another certificate among the inputs
//! whose key verifies the signature (its issuer), or inferred from the signature's size
//! (RSA: the modulus length; ECDSA: the curve whose order fits the integers), and the output
//! says which. The signature is judged as a *create* at the certificate's notBefore (when
//! the CA signed it) and as a *verify* at `--at` (default: now).
//!
//! Looking for issuers among the inputs costs signature checks, and many certificates with
//! the same name would make it quadratic; the whole run spends at most
//! [`SIGNATURE_CHECK_BUDGET`] of them. Once spent, signer keys are inferred and the output
//! says the budget was exhausted.
//!
//! Exit status: 0 every certificate was inspected, 1 some object could not be parsed as a
//! certificate (reported in place), 2 usage error or an unreadable, oversized or
//! malformed (e.g. broken PEM) file.

use std::collections::HashMap;
use std::path::PathBuf;

use clap::Args;
use der::asn1::UintRef;
use der::{Decode, Reader, SliceReader};
use jpki_verify::jpki::{
    BasicFour, Classification, EraMapping, JpkiKind, ProfileChecks, Sex, classify, pinned_root,
    substitute_positions,
};
use jpki_verify::policy::{AlgorithmDescriptor, Assessment, Date, SignedItem, Table};
use jpki_verify::rustcrypto::BACKEND_WITH_LEGACY_RSA;
use jpki_verify::{
    AlgorithmIdentifier, Budget, Certificate, NameKey, PublicKeyInfo, SignatureScheme,
    SignatureVerificationAlgorithm, UnixTime,
};
use jpki_verify_cli::json::assessment_json;
use serde_json::{Value, json};

use crate::chain_cmd::print_assessment;
use crate::input::{InputKind, der_objects, read_input};
use crate::pki_args::{load_table, parse_time};
use crate::report::{Outcome, error_json, input_failure, print_json};

#[derive(Args)]
pub struct InspectArgs {
    /// Judge each certificate's signature with a sunset table (built-in name or TOML file):
    /// created at its notBefore, verified at --at.
    #[arg(long, value_name = "TABLE")]
    sunset: Option<String>,
    /// The verification time for --sunset and the validity check, RFC 3339; default: now.
    #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
    at: Option<UnixTime>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
    /// Certificate files: PEM (one or more CERTIFICATE blocks) or DER.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// Signature checks one `inspect` run may spend finding issuers: the library's default
/// budget for one path search, which real bundles (each certificate needs one or two
/// checks) stay well inside.
pub const SIGNATURE_CHECK_BUDGET: u32 = Budget::DEFAULT.signature_checks;

/// The signature checks left to spend, and whether a lookup was cut short.
struct Checks {
    left: u32,
    exhausted: bool,
}

impl Checks {
    /// Takes one check from the budget; `false` (and marks it exhausted) when none is left.
    fn spend(&mut self) -> bool {
        if self.left == 0 {
            self.exhausted = true;
            return false;
        }
        self.left -= 1;
        true
    }
}

/// The input certificates by normalized subject name, with their labels.
type Pool<'a> = HashMap<NameKey, Vec<(&'a str, &'a Certificate)>>;

/// One object read from a file.
struct Item {
    /// `file` or `file[n]` when the file held several objects.
    label: String,
    parsed: Result<Certificate, String>,
}

/// Where the key that signed a certificate came from.
#[derive(Clone)]
enum SignerKeySource {
    SelfSigned,
    Issuer(String),
    Inferred,
}

impl SignerKeySource {
    fn id(&self) -> &'static str {
        match self {
            SignerKeySource::SelfSigned => "self-signed",
            SignerKeySource::Issuer(_) => "issuer-in-input",
            SignerKeySource::Inferred => "inferred-from-signature",
        }
    }

    fn describe(&self) -> String {
        match self {
            SignerKeySource::SelfSigned => "its own key: self-signed".to_owned(),
            SignerKeySource::Issuer(label) => format!("the key of {label}"),
            SignerKeySource::Inferred => "inferred from the signature's size".to_owned(),
        }
    }
}

/// The certificate's signature: its algorithm and the key that made it, as far as known.
struct SignatureInfo {
    oid: String,
    oid_name: Option<&'static str>,
    algorithm: Option<&'static dyn SignatureVerificationAlgorithm>,
    signer: Option<(PublicKeyInfo, SignerKeySource)>,
    /// The issuer search stopped because the signature-check budget ran out.
    budget_exhausted: bool,
}

impl SignatureInfo {
    fn descriptor(&self) -> Option<AlgorithmDescriptor> {
        let (key, _) = self.signer.as_ref()?;
        AlgorithmDescriptor::from_algorithm(self.algorithm?, *key)
    }
}

pub fn run(args: &InspectArgs) -> Outcome {
    let table = match args.sunset.as_deref().map(load_table).transpose() {
        Ok(table) => table,
        Err(err) => return input_failure(&err, args.json),
    };
    let at = args.at.unwrap_or_else(|| {
        UnixTime::try_from(std::time::SystemTime::now()).expect("the clock is after 1970")
    });

    // Read everything first: an issuer given later on the command line still helps.
    let mut files: Vec<(PathBuf, Result<Vec<Item>, String>)> = Vec::new();
    for path in &args.files {
        let items = read_input(path, InputKind::Certificate)
            .and_then(|bytes| der_objects(path, bytes))
            .map(|objects| {
                let several = objects.len() > 1;
                objects
                    .into_iter()
                    .enumerate()
                    .map(|(i, object)| Item {
                        label: if several {
                            format!("{}[{i}]", path.display())
                        } else {
                            path.display().to_string()
                        },
                        parsed: parse(&object.label, &object.der),
                    })
                    .collect()
            })
            .map_err(|e| e.0);
        files.push((path.clone(), items));
    }
    // Indexed by normalized subject: comparing every pair of names would be quadratic even
    // before any signature is checked (5,000 distinct names took minutes).
    let mut pool: Pool<'_> = HashMap::new();
    for item in files
        .iter()
        .filter_map(|(_, items)| items.as_ref().ok())
        .flatten()
    {
        if let Ok(cert) = &item.parsed
            && let Some(key) = cert.subject().key()
        {
            pool.entry(key)
                .or_default()
                .push((item.label.as_str(), cert));
        }
    }

    let mut checks = Checks {
        left: SIGNATURE_CHECK_BUDGET,
        exhausted: false,
    };
    let mut unreadable = false;
    let mut unparsed = false;
    let mut json_files = Vec::new();
    for (path, items) in &files {
        let items = match items {
            Ok(items) => items,
            Err(message) => {
                unreadable = true;
                eprintln!("jpki-verify: {message}");
                if args.json {
                    json_files.push(json!({
                        "file": path.display().to_string(),
                        "error": error_json("input", message),
                    }));
                } else {
                    println!("== {}\nunreadable: {message}\n", path.display());
                }
                continue;
            }
        };
        let mut json_certs = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let cert = match &item.parsed {
                Ok(cert) => cert,
                Err(message) => {
                    unparsed = true;
                    if args.json {
                        json_certs.push(json!({
                            "index": index,
                            "label": item.label,
                            "error": error_json("malformed-certificate", message),
                        }));
                    } else {
                        println!("== {}\nnot a certificate: {message}\n", item.label);
                    }
                    continue;
                }
            };
            let signature = signature_info(cert, &pool, &mut checks);
            let classification = classify(cert, ProfileChecks::ALL);
            let assessment = table.as_ref().and_then(|t| {
                judge(t.get(), cert, &signature, at)
                    .map_err(|why| {
                        if !args.json {
                            println!("sunset: cannot judge: {why}");
                        }
                    })
                    .ok()
            });
            if args.json {
                let mut v = cert_json(cert, &signature, &classification, at);
                v["index"] = json!(index);
                v["label"] = json!(item.label);
                v["sunset"] = match (&table, &assessment) {
                    (Some(_), Some(a)) => assessment_json(a),
                    (Some(t), None) => json!({
                        "table": t.get().qualified_name(),
                        "verdict": null,
                        "error": "the key that signed the certificate is unknown",
                    }),
                    (None, _) => Value::Null,
                };
                json_certs.push(v);
            } else {
                print_cert(&item.label, cert, &signature, &classification, at);
                if let Some(a) = &assessment {
                    print_assessment(a);
                }
                println!();
            }
        }
        if args.json {
            json_files.push(json!({
                "file": path.display().to_string(),
                "certificates": json_certs,
            }));
        }
    }
    let used = SIGNATURE_CHECK_BUDGET - checks.left;
    if checks.exhausted {
        eprintln!(
            "jpki-verify: signature-check budget exhausted ({SIGNATURE_CHECK_BUDGET} checks): \
             the signer keys of the remaining certificates are inferred, not found"
        );
    }
    if args.json {
        print_json(&json!({
            "ok": !unreadable && !unparsed,
            "at": at.to_string(),
            "signature_checks": {
                "budget": SIGNATURE_CHECK_BUDGET,
                "used": used,
                "exhausted": checks.exhausted,
            },
            "files": json_files,
        }));
    }
    if unreadable {
        Outcome::UsageError
    } else if unparsed {
        Outcome::NotVerified
    } else {
        Outcome::Verified
    }
}

fn parse(label: &str, der: &[u8]) -> Result<Certificate, String> {
    if !matches!(label, "" | "CERTIFICATE" | "X509 CERTIFICATE") {
        return Err(format!("PEM block labelled {label}, not CERTIFICATE"));
    }
    Certificate::from_der(der).map_err(|e| format!("{e} ({})", e.kind()))
}

/// Finds the key that made `cert`'s signature: its own, an input certificate's, or one
/// inferred from the signature.
fn signature_info(cert: &Certificate, pool: &Pool<'_>, checks: &mut Checks) -> SignatureInfo {
    let alg = cert.signature_algorithm();
    let oid = alg.oid().to_string();
    let oid_name = signature_oid_name(&oid);
    let verify = |issuer: &Certificate, checks: &mut Checks| {
        if !checks.spend() {
            return None;
        }
        BACKEND_WITH_LEGACY_RSA
            .verify_signed_data(issuer.spki_der(), &alg, cert.tbs_der(), cert.signature())
            .ok()
            // The verifying object describes the key: it also knows ML-DSA and composite keys.
            .and_then(|a| Some((a, a.key_info(issuer.spki_der()).ok()?)))
    };
    if cert.is_self_issued()
        && let Some((a, key)) = verify(cert, checks)
    {
        return SignatureInfo {
            oid,
            oid_name,
            algorithm: Some(a),
            signer: Some((key, SignerKeySource::SelfSigned)),
            budget_exhausted: false,
        };
    }
    let same_name = cert.issuer().key().and_then(|key| pool.get(&key));
    for (label, issuer) in same_name.into_iter().flatten() {
        // Once the budget is spent, the search is over for every later certificate too.
        if checks.exhausted {
            break;
        }
        if std::ptr::eq(*issuer, cert) {
            continue;
        }
        if let Some((a, key)) = verify(issuer, checks) {
            return SignatureInfo {
                oid,
                oid_name,
                algorithm: Some(a),
                signer: Some((key, SignerKeySource::Issuer((*label).to_owned()))),
                budget_exhausted: false,
            };
        }
    }
    let inferred = infer_signer_key(&alg, cert.signature());
    let algorithm = BACKEND_WITH_LEGACY_RSA
        .algorithms
        .iter()
        .copied()
        .filter(|a| a.accepts_signature_alg(&alg))
        .find(|a| {
            inferred.is_none_or(|key| {
                AlgorithmDescriptor::from_scheme(a.scheme(), a.hash(), key).is_some()
            })
        });
    SignatureInfo {
        oid,
        oid_name,
        algorithm,
        signer: inferred.map(|key| (key, SignerKeySource::Inferred)),
        budget_exhausted: checks.exhausted,
    }
}

/// The signer's key as far as the signature shows it: an RSA signature is as long as the
/// modulus; the integers of an ECDSA signature fit the curve's order.
fn infer_signer_key(alg: &AlgorithmIdentifier<'_>, signature: &[u8]) -> Option<PublicKeyInfo> {
    let scheme = BACKEND_WITH_LEGACY_RSA
        .algorithms
        .iter()
        .find(|a| a.accepts_signature_alg(alg))?
        .scheme();
    match scheme {
        SignatureScheme::RsaPkcs1v15 | SignatureScheme::RsaPss => Some(PublicKeyInfo::Rsa {
            modulus_bits: u32::try_from(signature.len()).ok()?.checked_mul(8)?,
        }),
        SignatureScheme::Ecdsa { .. } => {
            let mut reader = SliceReader::new(signature).ok()?;
            let longest = reader
                .sequence(|inner| -> der::Result<usize> {
                    let r = UintRef::decode(inner)?;
                    let s = UintRef::decode(inner)?;
                    Ok(r.as_bytes().len().max(s.as_bytes().len()))
                })
                .ok()?;
            let curve = match longest {
                0..=32 => jpki_verify::NamedCurve::P256,
                33..=48 => jpki_verify::NamedCurve::P384,
                _ => return None,
            };
            Some(PublicKeyInfo::Ec { curve })
        }
        _ => None,
    }
}

fn judge<'t>(
    table: &'t Table,
    cert: &Certificate,
    signature: &SignatureInfo,
    at: UnixTime,
) -> Result<Assessment<'t>, String> {
    let algorithm = signature
        .descriptor()
        .ok_or("the key that signed the certificate is unknown")?;
    let date = |t: UnixTime| Date::from_unix_seconds(t.as_unix_seconds());
    let label = "certificate signature";
    let item = SignedItem {
        label,
        algorithm,
        created_at: date(cert.validity().not_before),
    };
    let at = date(at).ok_or("--at is outside the table's calendar")?;
    Ok(table.evaluate_chain(&[item], at))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

fn key_text(key: &Result<PublicKeyInfo, jpki_verify::Error>) -> String {
    match key {
        Ok(PublicKeyInfo::Rsa { modulus_bits }) => format!("RSA-{modulus_bits}"),
        Ok(PublicKeyInfo::Ec { curve }) => format!("ECDSA {}", curve.name()),
        Ok(other) => other.to_string(),
        Err(e) => format!("unreadable: {e}"),
    }
}

/// The key line: as [`key_text`], but a key the classification cannot decode (a Composite
/// ML-DSA key) is named by the backend object that accepts its AlgorithmIdentifier.
fn key_line(cert: &Certificate, key: &Result<PublicKeyInfo, jpki_verify::Error>) -> String {
    let Err(jpki_verify::Error::UnsupportedPublicKeyAlgorithm) = key else {
        return key_text(key);
    };
    // Only the object for the key's own OID describes it (the others refuse it).
    BACKEND_WITH_LEGACY_RSA
        .algorithms
        .iter()
        .find(|a| a.key_info(cert.spki_der()).is_ok())
        .map_or_else(
            || key_text(key),
            |a| format!("{} ({})", a.family(), a.name()),
        )
}

fn key_json(key: &Result<PublicKeyInfo, jpki_verify::Error>) -> Value {
    match key {
        Ok(PublicKeyInfo::Rsa { modulus_bits }) => json!({ "type": "rsa", "bits": modulus_bits }),
        Ok(PublicKeyInfo::Ec { curve }) => json!({ "type": "ec", "curve": curve.name() }),
        Ok(_) => json!({ "type": "other" }),
        Err(e) => json!({ "error": error_json(e.kind(), &e.to_string()) }),
    }
}

fn validity_at(cert: &Certificate, at: UnixTime) -> &'static str {
    let v = cert.validity();
    if at < v.not_before {
        "not yet valid"
    } else if at > v.not_after {
        "expired"
    } else {
        "valid"
    }
}

fn signature_oid_name(oid: &str) -> Option<&'static str> {
    Some(match oid {
        "1.2.840.113549.1.1.5" => "sha1WithRSAEncryption",
        "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption",
        "1.2.840.113549.1.1.12" => "sha384WithRSAEncryption",
        "1.2.840.113549.1.1.13" => "sha512WithRSAEncryption",
        "1.2.840.113549.1.1.10" => "RSASSA-PSS",
        "1.2.840.10045.4.1" => "ecdsa-with-SHA1",
        "1.2.840.10045.4.3.2" => "ecdsa-with-SHA256",
        "1.2.840.10045.4.3.3" => "ecdsa-with-SHA384",
        "1.2.840.10045.4.3.4" => "ecdsa-with-SHA512",
        "1.3.101.112" => "Ed25519",
        "2.16.840.1.101.3.4.3.17" => "id-ml-dsa-44",
        "2.16.840.1.101.3.4.3.18" => "id-ml-dsa-65",
        "2.16.840.1.101.3.4.3.19" => "id-ml-dsa-87",
        // Composite ML-DSA, draft-ietf-lamps-pq-composite-sigs-19.
        "1.3.6.1.5.5.7.6.37" => "id-MLDSA44-RSA2048-PSS-SHA256",
        "1.3.6.1.5.5.7.6.38" => "id-MLDSA44-RSA2048-PKCS15-SHA256",
        "1.3.6.1.5.5.7.6.40" => "id-MLDSA44-ECDSA-P256-SHA256",
        "1.3.6.1.5.5.7.6.41" => "id-MLDSA65-RSA3072-PSS-SHA512",
        "1.3.6.1.5.5.7.6.42" => "id-MLDSA65-RSA3072-PKCS15-SHA512",
        "1.3.6.1.5.5.7.6.43" => "id-MLDSA65-RSA4096-PSS-SHA512",
        "1.3.6.1.5.5.7.6.44" => "id-MLDSA65-RSA4096-PKCS15-SHA512",
        "1.3.6.1.5.5.7.6.45" => "id-MLDSA65-ECDSA-P256-SHA512",
        "1.3.6.1.5.5.7.6.46" => "id-MLDSA65-ECDSA-P384-SHA512",
        "1.3.6.1.5.5.7.6.49" => "id-MLDSA87-ECDSA-P384-SHA512",
        "1.3.6.1.5.5.7.6.52" => "id-MLDSA87-RSA3072-PSS-SHA512",
        "1.3.6.1.5.5.7.6.53" => "id-MLDSA87-RSA4096-PSS-SHA512",
        _ => return None,
    })
}

fn extension_name(oid: &str) -> &'static str {
    match oid {
        "2.5.29.9" => "subjectDirectoryAttributes",
        "2.5.29.14" => "subjectKeyIdentifier",
        "2.5.29.15" => "keyUsage",
        "2.5.29.17" => "subjectAltName",
        "2.5.29.18" => "issuerAltName",
        "2.5.29.19" => "basicConstraints",
        "2.5.29.30" => "nameConstraints",
        "2.5.29.31" => "cRLDistributionPoints",
        "2.5.29.32" => "certificatePolicies",
        "2.5.29.33" => "policyMappings",
        "2.5.29.35" => "authorityKeyIdentifier",
        "2.5.29.36" => "policyConstraints",
        "2.5.29.37" => "extKeyUsage",
        "2.5.29.46" => "freshestCRL",
        "2.5.29.54" => "inhibitAnyPolicy",
        "1.3.6.1.5.5.7.1.1" => "authorityInfoAccess",
        "1.3.6.1.5.5.7.1.3" => "qcStatements",
        "1.3.6.1.5.5.7.1.11" => "subjectInfoAccess",
        "1.3.6.1.4.1.11129.2.4.2" => "signedCertificateTimestampList",
        _ => "unknown",
    }
}

fn sex_text(four: &BasicFour) -> Option<&'static str> {
    Some(match four.sex_interpreted()? {
        Sex::Male => "male",
        Sex::Female => "female",
        Sex::Unknown => "unknown",
    })
}

/// The birth date's reading: era digit (mapping assumed) and the digits as encoded.
fn birth_date_text(four: &BasicFour) -> Option<String> {
    let d = four.birth_date_digits()?;
    let era = match (d.era_digit, EraMapping::ASSUMED.era(d.era_digit)) {
        (0, _) => "era unknown".to_owned(),
        (_, Some(name)) => format!("{name} under the assumed mapping"),
        (_, None) => "not in the assumed era mapping".to_owned(),
    };
    Some(format!(
        "era digit {}: {era}; digits {:04}-{:02}-{:02} as encoded",
        d.era_digit, d.year, d.month, d.day
    ))
}

/// The substitute-position field's reading under the assumed one-digit-per-character form.
fn substitutes_text(value: Option<&str>, positions: &str) -> String {
    let Some(value) = value else {
        return "no value to read it against".to_owned();
    };
    match substitute_positions(value, positions) {
        None => "does not fit the assumed one-digit-per-character reading".to_owned(),
        Some(flagged) if flagged.is_empty() => "assumed reading: no substitute".to_owned(),
        Some(flagged) => {
            let chars: Vec<char> = value.chars().collect();
            let list: Vec<String> = flagged
                .iter()
                .map(|&i| format!("character {} '{}'", i + 1, chars[i]))
                .collect();
            format!("assumed reading: {} is a substitute", list.join(", "))
        }
    }
}

fn basic_four_json(four: &BasicFour) -> Value {
    json!({
        "name": four.name,
        "name_substitute_positions": four.name_substitute_positions.as_ref().map(|p| json!({
            "raw": p,
            "assumed_positions": four.name.as_deref().and_then(|n| substitute_positions(n, p)),
        })),
        "sex": four.sex.as_ref().map(|s| json!({ "raw": s, "meaning": sex_text(four) })),
        "birth_date": four.birth_date.as_ref().map(|b| json!({
            "raw": b,
            "digits": four.birth_date_digits().map(|d| json!({
                "era_digit": d.era_digit,
                "assumed_era": EraMapping::ASSUMED.era(d.era_digit),
                "year": d.year,
                "month": d.month,
                "day": d.day,
            })),
        })),
        "address": four.address,
        "address_substitute_positions": four.address_substitute_positions.as_ref().map(|p| json!({
            "raw": p,
            "assumed_positions": four.address.as_deref().and_then(|a| substitute_positions(a, p)),
        })),
    })
}

fn cert_json(
    cert: &Certificate,
    signature: &SignatureInfo,
    classification: &Classification,
    at: UnixTime,
) -> Value {
    let validity = cert.validity();
    let pin = pinned_root(cert.der());
    json!({
        "subject": cert.subject().to_string(),
        "issuer": cert.issuer().to_string(),
        "serial": hex(cert.serial()),
        "not_before": validity.not_before.to_string(),
        "not_after": validity.not_after.to_string(),
        "validity_at": validity_at(cert, at),
        "key": key_json(&classification.key),
        "signature_algorithm": {
            "oid": signature.oid,
            "name": signature.oid_name,
            "algorithm": signature.algorithm.map(|a| a.name()),
            "signer_key": signature.signer.as_ref().map(|(k, _)| key_json(&Ok(*k))),
            "signer_key_source": signature.signer.as_ref().map(|(_, s)| s.id()),
            "issuer_search_budget_exhausted": signature.budget_exhausted,
        },
        "extensions": cert.extensions().map(|e| {
            let oid = e.oid.to_string();
            json!({ "oid": oid, "name": extension_name(&oid), "critical": e.critical })
        }).collect::<Vec<_>>(),
        "jpki": {
            "kind": classification.kind.id(),
            "description": classification.kind.to_string(),
            "basis": classification.basis.id(),
            "purpose": classification.kind.purpose().map(|p| p.name()),
            "card_generation": classification.card_generation.map(|g| g.id()),
            "conforms": classification.conforms(),
            "findings": classification.findings.iter().map(|f| json!({
                "id": f.id(),
                "message": f.to_string(),
            })).collect::<Vec<_>>(),
        },
        "pin": pin.map(|p| json!({
            "purpose": p.purpose.name(),
            "generation": p.generation,
            "serial": p.serial_hex,
            "validity": p.validity,
        })),
        "basic_four": classification.basic_four.as_ref().map(basic_four_json),
    })
}

fn print_cert(
    label: &str,
    cert: &Certificate,
    signature: &SignatureInfo,
    c: &Classification,
    at: UnixTime,
) {
    let validity = cert.validity();
    println!("== {label}");
    println!("subject:    {}", cert.subject());
    println!("issuer:     {}", cert.issuer());
    println!("serial:     {}", hex(cert.serial()));
    println!(
        "validity:   {} .. {} ({} at {at})",
        validity.not_before,
        validity.not_after,
        validity_at(cert, at)
    );
    println!("key:        {}", key_line(cert, &c.key));
    let name = signature.oid_name.unwrap_or("unknown algorithm");
    let algorithm = signature
        .algorithm
        .map_or_else(String::new, |a| format!(", {}", a.name()));
    let mut signer = signature.signer.as_ref().map_or_else(
        || "signer's key unknown".to_owned(),
        |(key, source)| format!("signed by {} ({})", key_text(&Ok(*key)), source.describe()),
    );
    if signature.budget_exhausted {
        signer.push_str("; issuer search stopped: signature-check budget exhausted");
    }
    println!(
        "signature:  {name} ({}{algorithm}); {signer}",
        signature.oid
    );
    println!("extensions:");
    for e in cert.extensions() {
        let oid = e.oid.to_string();
        println!(
            "  {oid:<24} {:<28} {}",
            extension_name(&oid),
            if e.critical { "critical" } else { "" }
        );
    }
    let generation = c
        .card_generation
        .map_or_else(|| "key unreadable".to_owned(), |g| g.to_string());
    if c.kind == JpkiKind::NotJpki {
        println!("jpki:       not JPKI; key: {generation}");
    } else {
        println!(
            "jpki:       {} (basis: {}); key: {generation}",
            c.kind,
            c.basis.id()
        );
        if c.findings.is_empty() {
            println!("  profile:  conforms");
        } else {
            println!("  profile:  {} finding(s)", c.findings.len());
            for f in &c.findings {
                println!("    - {}: {f}", f.id());
            }
        }
    }
    match pinned_root(cert.der()) {
        Some(pin) => println!(
            "pin:        J-LIS {} root, generation {} (serial {}, {})",
            pin.purpose.name(),
            pin.generation,
            pin.serial_hex,
            pin.validity
        ),
        None => println!("pin:        none"),
    }
    if let Some(four) = &c.basic_four {
        println!("basic four (raw values; readings marked assumed are unconfirmed):");
        if let Some(name) = &four.name {
            println!("  name:                         {name}");
        }
        if let Some(p) = &four.name_substitute_positions {
            println!(
                "  name substitute positions:    {p} ({})",
                substitutes_text(four.name.as_deref(), p)
            );
        }
        if let Some(sex) = &four.sex {
            println!(
                "  sex:                          {sex} ({})",
                sex_text(four).unwrap_or("undocumented code")
            );
        }
        if let Some(b) = &four.birth_date {
            println!(
                "  birth date:                   {b} ({})",
                birth_date_text(four).unwrap_or_else(|| "not EYYYYMMDD".to_owned())
            );
        }
        if let Some(address) = &four.address {
            println!("  address:                      {address}");
        }
        if let Some(p) = &four.address_substitute_positions {
            println!(
                "  address substitute positions: {p} ({})",
                substitutes_text(four.address.as_deref(), p)
            );
        }
    }
}
