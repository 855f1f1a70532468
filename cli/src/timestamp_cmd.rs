//! `jpki-verify timestamp`: an RFC 3161 TimeStampToken over a file or a digest.
//!
//! Exit status: 0 when the token verified and matches, 1 when it did not (including a token
//! that is read but is not a valid token), 2 for usage errors and unreadable or undecodable
//! input files.

use std::path::PathBuf;

use clap::Args;
use der::asn1::ObjectIdentifier;
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::tsp::{Imprint, TimestampReport, TimestampVerifier};
use jpki_verify::{PathValidator, UnixTime};
use jpki_verify_cli::json::{hex_lower, timestamp_json};

use crate::input::{InputKind, der_objects, read_input};
use crate::pki_args::{LoadedPathInputs, PathInputs, Revocation, parse_time};
use crate::report::{InputError, Outcome, input_failure, print_json};

#[derive(Args)]
pub struct TimestampArgs {
    /// The TimeStampToken (a CMS ContentInfo, as `openssl ts -reply -token_out` writes it),
    /// DER or PEM.
    #[arg(long, value_name = "FILE")]
    token: PathBuf,
    /// The stamped data.
    #[arg(
        long,
        value_name = "FILE",
        required_unless_present = "digest",
        conflicts_with = "digest"
    )]
    data: Option<PathBuf>,
    /// The stamped data's digest, hex, computed with the token's hash algorithm.
    #[arg(long, value_name = "HEX", value_parser = parse_hex)]
    digest: Option<Hex>,
    /// The TSA's trust anchors, intermediates, CRLs and revocation mode.
    #[command(flatten)]
    inputs: PathInputs,
    /// When the TSA path is validated ("now"), RFC 3339; the clock when absent.
    #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
    at: Option<UnixTime>,
    /// An accepted TSA policy OID. Repeatable; any policy when absent.
    #[arg(long = "policy", value_name = "OID", value_parser = parse_oid)]
    policies: Vec<ObjectIdentifier>,
    /// The nonce of the request, hex.
    #[arg(long, value_name = "HEX", value_parser = parse_hex)]
    nonce: Option<Hex>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

/// Bytes given as hex (a newtype: clap reads a bare `Vec<u8>` as many values).
#[derive(Clone, Debug)]
struct Hex(Vec<u8>);

fn parse_hex(text: &str) -> Result<Hex, String> {
    let text = text.strip_prefix("0x").unwrap_or(text);
    if text.is_empty() || !text.len().is_multiple_of(2) || text.len() > 1024 {
        return Err("expected an even number of hex digits (at most 1024)".to_owned());
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()
        .map(Hex)
}

fn parse_oid(text: &str) -> Result<ObjectIdentifier, String> {
    ObjectIdentifier::new(text).map_err(|e| format!("not an OID: {e}"))
}

pub fn run(args: &TimestampArgs) -> Outcome {
    let LoadedPathInputs {
        anchors,
        intermediates,
        crls,
        ocsp,
    } = match args.inputs.load() {
        Ok(inputs) => inputs,
        Err(err) => return input_failure(&err, args.json),
    };
    let token = match read_token(&args.token) {
        Ok(token) => token,
        Err(err) => return input_failure(&err, args.json),
    };
    let data = match &args.data {
        Some(path) => match read_input(path, InputKind::Message) {
            Ok(data) => Some(data),
            Err(err) => return input_failure(&err, args.json),
        },
        None => None,
    };
    let imprint = match (&data, &args.digest) {
        (Some(data), _) => Imprint::Data(data),
        (None, Some(digest)) => Imprint::Digest(&digest.0),
        (None, None) => unreachable!("clap requires --data or --digest"),
    };
    let now = args.at.unwrap_or_else(|| {
        UnixTime::try_from(std::time::SystemTime::now()).expect("the clock is after 1970")
    });
    let revocation = Revocation::new(&crls, &ocsp);
    let validator = PathValidator::with_backend(&BACKEND, now)
        .revocation(args.inputs.revocation.mode(), &revocation);
    let report = TimestampVerifier::new(validator, &anchors)
        .certificates(&intermediates)
        .policies(&args.policies)
        .nonce(args.nonce.as_ref().map(|n| n.0.as_slice()))
        .verify(&token, imprint);
    if args.json {
        print_json(&timestamp_json(&report));
    } else {
        print_text(&report);
    }
    if report.is_valid() {
        Outcome::Verified
    } else {
        Outcome::NotVerified
    }
}

fn read_token(path: &std::path::Path) -> Result<Vec<u8>, InputError> {
    let bytes = read_input(path, InputKind::TimestampToken)?;
    let mut objects = der_objects(path, bytes)?;
    if objects.len() != 1 {
        return Err(InputError(format!(
            "{}: expected one token, found {} PEM blocks",
            path.display(),
            objects.len()
        )));
    }
    Ok(objects.remove(0).der)
}

fn print_text(t: &TimestampReport) {
    match t.result {
        Ok(()) => println!("valid: timestamp token verified"),
        Err(e) => println!("invalid: {e} ({})", e.kind()),
    }
    if let Some(e) = t.token_error {
        println!("  token: {e} ({})", e.kind());
    }
    if let Some(g) = t.gen_time {
        println!("  genTime: {g} (+{} ns)", t.gen_time_nanos);
    }
    if let (Some(e), Some(l)) = (t.earliest(), t.latest()) {
        println!("  between: {e} and {l}");
    }
    if let Some(p) = t.policy {
        println!("  policy:  {p}");
    }
    if let Some(s) = &t.serial {
        println!("  serial:  {}", hex_lower(s));
    }
    if let Some(name) = &t.tsa_subject {
        println!("  TSA:     {name}");
    }
    if let Some(at) = t.validation_time {
        println!("  TSA path validated at: {at}");
    }
}
