//! `jpki-verify ocsp`: what one OCSP response (RFC 6960) says about one certificate.
//!
//! Exit status: 0 the response is authentic, current and says good; 1 it says revoked or
//! unknown, or it is refused (unauthorised responder, bad signature, stale, nonce, another
//! certificate); 2 usage error or unreadable input.

use std::path::{Path, PathBuf};

use clap::Args;
use jpki_verify::rustcrypto::BACKEND;
use jpki_verify::{
    CertStatus, Certificate, Error, OcspOptions, OcspReport, OcspResponder, OcspResponse, UnixTime,
};
use serde_json::json;

use crate::input::{InputKind, der_objects, read_input};
use crate::pki_args::parse_time;
use crate::report::{InputError, Outcome, error_json, input_failure, print_json};

#[derive(Args)]
pub struct OcspArgs {
    /// The OCSP response (an OCSPResponse), DER or PEM.
    #[arg(long, value_name = "FILE")]
    response: PathBuf,
    /// The certificate whose status is asked.
    #[arg(long, value_name = "FILE")]
    cert: PathBuf,
    /// Its issuer's certificate.
    #[arg(long, value_name = "FILE")]
    issuer: PathBuf,
    /// Validation time, RFC 3339 or a date; default: now.
    #[arg(long, value_name = "RFC3339", value_parser = parse_time)]
    at: Option<UnixTime>,
    /// The nonce sent in the request, hex: the response must carry it.
    #[arg(long, value_name = "HEX", value_parser = parse_hex)]
    nonce: Option<Hex>,
    /// Clock skew tolerated around thisUpdate/nextUpdate, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 300)]
    tolerance: u32,
    /// Maximum age of a response without nextUpdate, in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 86400)]
    max_age: u32,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

/// Bytes given in hex (a newtype: clap reads `Option<Vec<_>>` as a multi-value option).
#[derive(Clone)]
struct Hex(Vec<u8>);

fn parse_hex(text: &str) -> Result<Hex, String> {
    let text = text.trim();
    if !text.len().is_multiple_of(2) || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!("`{text}` is not an even number of hex digits"));
    }
    Ok(Hex((0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("checked hex digits"))
        .collect()))
}

/// The one DER object of a file.
fn one(path: &Path, kind: InputKind) -> Result<Vec<u8>, InputError> {
    let mut objects = der_objects(path, read_input(path, kind)?)?;
    if objects.len() != 1 {
        return Err(InputError(format!(
            "{}: expected one object, found {} PEM blocks",
            path.display(),
            objects.len()
        )));
    }
    Ok(objects.remove(0).der)
}

pub fn run(args: &OcspArgs) -> Outcome {
    let loaded = (|| -> Result<_, InputError> {
        let cert = |path: &Path| {
            Certificate::from_der(&one(path, InputKind::Certificate)?).map_err(|e| {
                InputError(format!("{}: not a usable certificate: {e}", path.display()))
            })
        };
        Ok((
            one(&args.response, InputKind::OcspResponse)?,
            cert(&args.cert)?,
            cert(&args.issuer)?,
        ))
    })();
    let (response_der, cert, issuer) = match loaded {
        Ok(loaded) => loaded,
        Err(err) => return input_failure(&err, args.json),
    };
    let time = args.at.unwrap_or_else(|| {
        UnixTime::try_from(std::time::SystemTime::now()).expect("the clock is after 1970")
    });
    let options = OcspOptions::new()
        .tolerance(args.tolerance)
        .max_age(args.max_age)
        .nonce(args.nonce.as_ref().map(|n| n.0.as_slice()));
    // A response that does not parse or was unsuccessful is a verdict (exit 1), as a leaf
    // that does not parse is for `chain`.
    let result = OcspResponse::from_der_owned(response_der)
        .and_then(|r| r.check(BACKEND.algorithms, &cert, &issuer, time, &options));
    match result {
        Ok(report) => print_report(args, &report, time),
        Err(err) => print_failure(args, &err, time),
    }
}

fn status_text(status: &CertStatus) -> (String, Option<String>) {
    match status {
        CertStatus::Good => ("good".into(), None),
        CertStatus::Revoked { reason, date } => {
            ("revoked".into(), Some(format!("{reason} since {date}")))
        }
        _ => ("unknown".into(), None),
    }
}

fn print_report(args: &OcspArgs, report: &OcspReport, time: UnixTime) -> Outcome {
    let (status, detail) = status_text(&report.status);
    let (responder, responder_name, nocheck) = match &report.responder {
        OcspResponder::Delegated {
            certificate,
            nocheck,
        } => (
            "delegated",
            Some(certificate.subject().to_string()),
            Some(*nocheck),
        ),
        _ => ("ca", None, None),
    };
    let good = report.status == CertStatus::Good;
    if args.json {
        let mut out = json!({
            "valid": good,
            "at": time.to_string(),
            "status": status,
            "produced_at": report.produced_at.to_string(),
            "this_update": report.this_update.to_string(),
            "next_update": report.next_update.map(|t| t.to_string()),
            "responder": { "kind": responder, "name": responder_name, "nocheck": nocheck },
        });
        if let CertStatus::Revoked { reason, date } = report.status {
            out["revocation"] = json!({ "reason": reason.to_string(), "date": date.to_string() });
        }
        print_json(&out);
    } else {
        match detail {
            Some(detail) => println!("{status}: {detail} (at {time})"),
            None => println!("{status} (at {time})"),
        }
        println!("  produced at: {}", report.produced_at);
        println!("  this update: {}", report.this_update);
        if let Some(next) = report.next_update {
            println!("  next update: {next}");
        }
        match responder_name {
            Some(name) => println!(
                "  responder: delegated, {name}{}",
                if nocheck == Some(true) {
                    " (nocheck)"
                } else {
                    ""
                }
            ),
            None => println!("  responder: the issuing CA"),
        }
    }
    if good {
        Outcome::Verified
    } else {
        Outcome::NotVerified
    }
}

fn print_failure(args: &OcspArgs, err: &Error, time: UnixTime) -> Outcome {
    if args.json {
        print_json(&json!({
            "valid": false,
            "at": time.to_string(),
            "error": error_json(err.kind(), &err.to_string()),
        }));
    } else {
        println!("invalid: {err} ({})", err.kind());
    }
    Outcome::NotVerified
}
