//! `jpki-verify chain`: build and validate a certificate path at a given time, with CRLs,
//! policy inputs and, optionally, a sunset table's verdict on every signature in the path.
//!
//! Exit status: 0 the path validated (and the sunset table, if any, did not reject), 1 it
//! did not, 2 usage error or unreadable input.

use std::path::PathBuf;

use clap::Args;
use der::asn1::ObjectIdentifier;
use jpki_verify::policy::Assessment;
use jpki_verify::rustcrypto::{BACKEND, BACKEND_WITH_LEGACY_RSA};
use jpki_verify::{Certificate, PathValidator, Profile, UnixTime, ValidatedPath};
use jpki_verify_cli::json::{chain_failure_json, chain_path_json, hex_upper, sunset_rejects};

use crate::input::{InputKind, der_objects, read_input};
use crate::pki_args::{PathInputs, Revocation, load_table, parse_time};
use crate::report::{InputError, Outcome, input_failure, print_json};

#[derive(Args)]
pub struct ChainArgs {
    #[command(flatten)]
    inputs: PathInputs,
    /// Validation time, RFC 3339 (e.g. 2026-06-02T00:00:00Z) or a date (midnight UTC), years
    /// 0001 to 9999; default: now.
    #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
    at: Option<UnixTime>,
    /// user-initial-policy-set member (repeatable); default: anyPolicy.
    #[arg(long = "initial-policy", value_name = "OID", value_parser = parse_oid)]
    initial_policies: Vec<ObjectIdentifier>,
    /// initial-explicit-policy.
    #[arg(long)]
    require_explicit_policy: bool,
    /// initial-policy-mapping-inhibit.
    #[arg(long)]
    inhibit_policy_mapping: bool,
    /// initial-any-policy-inhibit.
    #[arg(long)]
    inhibit_any_policy: bool,
    /// A purpose the end entity must be certified for (repeatable): an OID or serverAuth,
    /// clientAuth, codeSigning, emailProtection, timeStamping, OCSPSigning. Checked against
    /// the extendedKeyUsage of the end entity and, as a constraint, of the CAs above it.
    #[arg(long = "required-eku", value_name = "PURPOSE", value_parser = parse_eku)]
    required_eku: Vec<ObjectIdentifier>,
    /// Also hold every certificate on the path to RFC 5280's issuer rules (sections 4.1 and
    /// 4.2: key identifiers, criticality, non-empty names, positive serials), as OpenSSL's
    /// -x509_strict does.
    #[arg(long)]
    strict_profile: bool,
    /// Also judge every signature in the path with a sunset table (built-in name or TOML).
    #[arg(long, value_name = "TABLE")]
    sunset: Option<String>,
    /// Accept RSA keys of 1024 to 2047 bits (legacy data only).
    #[arg(long)]
    allow_legacy_rsa: bool,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
    /// The end-entity certificate, PEM or DER.
    leaf: PathBuf,
}

/// A dotted-decimal OID. The shape is checked here because the OID parser's own messages
/// ("OID value is empty" for `1`) do not say what was expected.
fn parse_oid(text: &str) -> Result<ObjectIdentifier, String> {
    let not_an_oid = |why: &str| {
        format!("not an OID: `{text}` ({why}; expected dotted decimal, e.g. 2.5.29.32.0)")
    };
    let arcs: Vec<&str> = text.split('.').collect();
    if arcs.len() < 2 {
        return Err(not_an_oid("an OID has at least two arcs"));
    }
    if arcs
        .iter()
        .any(|arc| arc.is_empty() || !arc.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(not_an_oid("every arc is a decimal number"));
    }
    ObjectIdentifier::new(text).map_err(|e| not_an_oid(&e.to_string()))
}

/// id-kp purposes by their RFC 5280 names, or any OID.
fn parse_eku(text: &str) -> Result<ObjectIdentifier, String> {
    let arc = match text {
        "serverAuth" => "1",
        "clientAuth" => "2",
        "codeSigning" => "3",
        "emailProtection" => "4",
        "timeStamping" => "8",
        "OCSPSigning" => "9",
        oid => return parse_oid(oid),
    };
    parse_oid(&format!("1.3.6.1.5.5.7.3.{arc}"))
}

pub fn run(args: &ChainArgs) -> Outcome {
    let loaded = (|| -> Result<_, InputError> {
        let inputs = args.inputs.load()?;
        let bytes = read_input(&args.leaf, InputKind::Certificate)?;
        let mut objects = der_objects(&args.leaf, bytes)?;
        if objects.len() != 1 {
            return Err(InputError(format!(
                "{}: expected one certificate, found {} PEM blocks",
                args.leaf.display(),
                objects.len()
            )));
        }
        let table = args.sunset.as_deref().map(load_table).transpose()?;
        Ok((inputs, objects.remove(0).der, table))
    })();
    let (inputs, leaf_der, table) = match loaded {
        Ok(loaded) => loaded,
        Err(err) => return input_failure(&err, args.json),
    };
    // A leaf that does not parse is a verification failure (exit 1), like a bad signature.
    let leaf = match Certificate::from_der(&leaf_der) {
        Ok(leaf) => leaf,
        Err(err) => return report_failure(args, &err, None),
    };
    let time = args.at.unwrap_or_else(|| {
        UnixTime::try_from(std::time::SystemTime::now()).expect("the clock is after 1970")
    });
    let backend = if args.allow_legacy_rsa {
        &BACKEND_WITH_LEGACY_RSA
    } else {
        &BACKEND
    };
    let crls = Revocation::new(&inputs.crls, &inputs.ocsp);
    let validator = PathValidator::with_backend(backend, time)
        .initial_policies(&args.initial_policies)
        .require_explicit_policy(args.require_explicit_policy)
        .inhibit_policy_mapping(args.inhibit_policy_mapping)
        .inhibit_any_policy(args.inhibit_any_policy)
        .required_eku(&args.required_eku)
        .profile(if args.strict_profile {
            Profile::Strict
        } else {
            Profile::Section6
        })
        .revocation(args.inputs.revocation.mode(), &crls);
    match validator.validate(&leaf, &inputs.intermediates, &inputs.anchors) {
        Err(err) => report_failure(args, &err, Some(time)),
        Ok(path) => {
            let assessment = table.as_ref().map(|t| t.get().evaluate_path(&path, time));
            report_path(args, &path, time, assessment.as_ref())
        }
    }
}

fn report_failure(args: &ChainArgs, err: &jpki_verify::Error, time: Option<UnixTime>) -> Outcome {
    if args.json {
        print_json(&chain_failure_json(err, time));
    } else {
        println!("invalid: {err} ({})", err.kind());
    }
    Outcome::NotVerified
}

fn report_path(
    args: &ChainArgs,
    path: &ValidatedPath,
    time: UnixTime,
    assessment: Option<&Assessment<'_>>,
) -> Outcome {
    if args.json {
        print_json(&chain_path_json(path, time, assessment));
    } else {
        println!("path valid at {time}:");
        for (i, entry) in path.entries().iter().enumerate() {
            let cert = entry.certificate();
            println!(
                "  [{i}] {}  (serial {}, signed with {})",
                cert.subject(),
                hex_upper(cert.serial()),
                entry.algorithm().name()
            );
        }
        println!("  anchor: {}", path.anchor().subject());
        let policies: Vec<String> = path.policies().iter().map(|p| p.to_string()).collect();
        println!("  valid policies: {}", policies.join(", "));
        if let Some(a) = assessment {
            print_assessment(a);
        }
    }
    if sunset_rejects(assessment) {
        Outcome::NotVerified
    } else {
        Outcome::Verified
    }
}

/// Prints the sunset verdict; warnings go to stderr so scripts see them without parsing.
pub fn print_assessment(a: &Assessment<'_>) {
    println!(
        "  sunset policy {}: {}",
        a.table.qualified_name(),
        a.verdict.id()
    );
    for finding in &a.findings {
        println!("    {finding}");
    }
    for warning in a.warnings() {
        eprintln!("warning: {warning}");
    }
}
