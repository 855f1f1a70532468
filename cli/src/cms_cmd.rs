//! `jpki-verify cms`: a CMS SignedData (PKCS#7) document, with per-signer results.
//!
//! Exit status: 0 when the signer requirement is met, 1 when it is not (any verification
//! failure), 2 for usage errors and unreadable or undecodable input files (anchors,
//! intermediates, CRLs, tables, an unreadable SIGNED file, content that is missing, a
//! directory or over its limit). A SIGNED file that is read but is not a valid SignedData is
//! a verification failure (exit 1), reported like any other.

use std::path::PathBuf;

use clap::Args;
use jpki_verify::cms::{CmsReport, CmsVerifier, Content, ValidationTime};
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::tsp::TimestampVerifier;
use jpki_verify::{Certificate, Crl, OcspResponse, PathValidator, TrustAnchor, UnixTime};
use jpki_verify_cli::json::cms_report_json;
use jpki_verify_cli::signers::Signers;

use crate::input::{InputKind, LimitedReader, der_objects, open_stream, read_input, too_large};
use crate::pki_args::{
    LoadedPathInputs, LoadedTable, PathInputs, Revocation, load_all, load_table, parse_time,
};
use crate::report::{InputError, Outcome, input_failure, print_json};

#[derive(Args)]
pub struct CmsArgs {
    #[command(flatten)]
    inputs: PathInputs,
    /// The detached content (read once, streamed through every digest needed).
    #[arg(long, value_name = "FILE")]
    content: Option<PathBuf>,
    /// Validation time, RFC 3339 (e.g. 2026-06-02T00:00:00Z). The clock is never read.
    #[arg(
        long,
        value_name = "RFC3339",
        value_parser = parse_time,
        required_unless_present_any = ["at_signing_time", "at_timestamp"],
        conflicts_with = "at_signing_time"
    )]
    at: Option<UnixTime>,
    /// Validate each signer at its signing-time attribute (the signer's own claim).
    #[arg(long)]
    at_signing_time: bool,
    /// Validate each signer at the genTime of its signature-time-stamp token (a TSA's
    /// proof, RFC 3161 / CAdES-T); --at is then "now" (the TSA path's time; default: the
    /// clock). The TSA anchor: --tsa-anchor, or else one of the --anchor files.
    #[arg(long, conflicts_with = "at_signing_time")]
    at_timestamp: bool,
    /// Trust anchor(s) for the TSAs of signature timestamps, PEM or DER (repeatable);
    /// default: the --anchor files.
    #[arg(long = "tsa-anchor", value_name = "FILE")]
    tsa_anchors: Vec<PathBuf>,
    /// Which signers must verify: all, any, or families:rsa,ecdsa (each family covered).
    #[arg(long, value_name = "REQUIREMENT", default_value = "all", value_parser = Signers::parse)]
    signers: Signers,
    /// Judge verified signers with a sunset table (built-in name or TOML file); SHA-1 is
    /// then left to the table, otherwise it is refused.
    #[arg(long, value_name = "TABLE")]
    sunset: Option<String>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
    /// The SignedData (a ContentInfo), DER or PEM.
    signed: PathBuf,
}

struct Inputs {
    anchors: Vec<TrustAnchor>,
    intermediates: Vec<Certificate>,
    crls: Vec<Crl>,
    ocsp: Vec<OcspResponse>,
    tsa_anchors: Vec<TrustAnchor>,
    signed: Vec<u8>,
    content: Option<LimitedReader>,
    table: Option<LoadedTable>,
}

fn read_inputs(args: &CmsArgs) -> Result<Inputs, InputError> {
    let LoadedPathInputs {
        anchors,
        intermediates,
        crls,
        ocsp,
    } = args.inputs.load()?;
    let bytes = read_input(&args.signed, InputKind::CmsDocument)?;
    let mut objects = der_objects(&args.signed, bytes)?;
    if objects.len() != 1 {
        return Err(InputError(format!(
            "{}: expected one SignedData, found {} PEM blocks",
            args.signed.display(),
            objects.len()
        )));
    }
    let content = match &args.content {
        Some(path) => Some(open_stream(path, InputKind::CmsContent)?),
        None => None,
    };
    let table = args.sunset.as_deref().map(load_table).transpose()?;
    let tsa_anchors = load_all(&args.tsa_anchors, InputKind::Certificate, |der| {
        Certificate::from_der(&der).map(TrustAnchor::from_certificate)
    })?;
    Ok(Inputs {
        anchors,
        intermediates,
        crls,
        ocsp,
        tsa_anchors,
        signed: objects.remove(0).der,
        content,
        table,
    })
}

pub fn run(args: &CmsArgs) -> Outcome {
    let mut inputs = match read_inputs(args) {
        Ok(inputs) => inputs,
        Err(err) => return input_failure(&err, args.json),
    };
    // The validator's time is "now": the validation time with --at, otherwise the clock
    // (with --at-signing-time it is when a sunset table judges the signature verified).
    let clock =
        || UnixTime::try_from(std::time::SystemTime::now()).expect("the clock is after 1970");
    let (now, time) = match (args.at, args.at_timestamp) {
        (at, true) => (at.unwrap_or_else(clock), ValidationTime::Timestamped),
        (Some(at), false) => (at, ValidationTime::At(at)),
        (None, false) => (clock(), ValidationTime::SigningTime),
    };
    let crls = Revocation::new(&inputs.crls, &inputs.ocsp);
    let validator =
        PathValidator::with_backend(&BACKEND, now).revocation(args.inputs.revocation.mode(), &crls);
    let mut verifier = CmsVerifier::new(validator, &inputs.anchors)
        .time(time)
        .certificates(&inputs.intermediates)
        .requirement(args.signers.requirement());
    if let Some(table) = &inputs.table {
        verifier = verifier.sunset(table.get()).allow_sha1(true);
    }
    if !inputs.tsa_anchors.is_empty() {
        verifier = verifier.timestamps(
            TimestampVerifier::new(validator, &inputs.tsa_anchors)
                .certificates(&inputs.intermediates),
        );
    }
    let content_exceeded = inputs.content.as_ref().map(LimitedReader::exceeded);
    let mut reader = inputs.content.take().map(std::io::BufReader::new);
    let content = match reader.as_mut() {
        Some(reader) => Content::Reader(reader),
        None => Content::Attached,
    };
    let report = verifier.verify(&inputs.signed, content);
    // Content past its cap is an input error (exit 2), not the library's "unreadable".
    if content_exceeded.is_some_and(|flag| flag.load(std::sync::atomic::Ordering::Relaxed))
        && let Some(path) = &args.content
    {
        return input_failure(&too_large(path, InputKind::CmsContent), args.json);
    }

    if args.json {
        print_json(&cms_report_json(&report, args.signers.text(), time));
    } else {
        print_text(&report, args);
    }
    if report.is_valid() {
        Outcome::Verified
    } else {
        Outcome::NotVerified
    }
}

fn print_text(report: &CmsReport, args: &CmsArgs) {
    let verified = report.signers.iter().filter(|s| s.result.is_ok()).count();
    match report.result {
        Ok(()) => println!(
            "valid: {verified} of {} signers verified (requirement: {})",
            report.signers.len(),
            args.signers.text()
        ),
        Err(e) => println!("invalid: {e} ({})", e.kind()),
    }
    for s in &report.signers {
        let status = match s.result {
            Ok(()) => "ok".to_owned(),
            Err(e) => format!("FAILED: {e} ({})", e.kind()),
        };
        println!("  signer {}: {status}", s.index);
        if let Some(subject) = &s.subject {
            println!("    certificate: {subject}");
        }
        if let Some(algorithm) = s.algorithm {
            println!("    algorithm:   {}", algorithm.name());
        }
        if let Some(t) = s.signing_time {
            println!("    signing time (claimed): {t}");
        }
        if let Some(t) = s.timestamp.as_ref() {
            match (t.result, t.gen_time) {
                (Ok(()), Some(g)) => println!("    timestamp (proven): {g}"),
                (Err(e), _) => println!("    timestamp: {e} ({})", e.kind()),
                _ => {}
            }
        }
        if let Some(t) = s.validation_time {
            let basis = s.time_basis.map_or("", |b| b.id());
            println!("    validated at: {t} ({basis})");
        }
        if let Some(e) = s.path_error {
            println!("    path: {e} ({})", e.kind());
        }
        if let Some(path) = &s.path {
            let chain: Vec<String> = path
                .certificates()
                .map(|c| c.subject().to_string())
                .collect();
            println!(
                "    path: {} => {}",
                chain.join(" -> "),
                path.anchor().subject()
            );
        }
        if let Some(policy) = &s.policy {
            println!("    sunset ({}): {}", policy.table, policy.verdict.id());
            for finding in &policy.findings {
                println!("      {finding}");
            }
        }
    }
}
