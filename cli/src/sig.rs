//! `jpki-verify sig`: one raw signature.

use std::path::PathBuf;

use clap::Args;
use jpki_verify::PublicKeyInfo;
use jpki_verify::rustcrypto::{BACKEND, BACKEND_WITH_LEGACY_RSA};
use jpki_verify_cli::json::sig_json;

use crate::input::{InputKind, read_input, read_public_key};
use crate::report::{InputError, Outcome, input_failure, print_json};

#[derive(Args)]
pub struct SigArgs {
    /// Public key: a SubjectPublicKeyInfo or a certificate, PEM or DER.
    #[arg(long)]
    key: PathBuf,
    /// Algorithm, e.g. rsa-pkcs1-sha256, rsa-pss-sha256, ecdsa-p384-sha384, ecdsa-p384-sha384-p1363.
    #[arg(long, value_parser = algorithm_names())]
    alg: String,
    /// The signed message (unhashed).
    #[arg(long)]
    message: PathBuf,
    /// The signature value (raw bytes).
    #[arg(long)]
    signature: PathBuf,
    /// Accept RSA keys of 1024 to 2047 bits (for verifying legacy data only).
    #[arg(long)]
    allow_legacy_rsa: bool,
    /// Print one JSON object instead of text.
    #[arg(long)]
    json: bool,
}

fn algorithm_names() -> Vec<&'static str> {
    BACKEND.algorithms.iter().map(|a| a.name()).collect()
}

pub fn run(args: &SigArgs) -> Outcome {
    let inputs = (|| -> Result<_, InputError> {
        Ok((
            read_public_key(&args.key)?,
            read_input(&args.message, InputKind::Message)?,
            read_input(&args.signature, InputKind::Signature)?,
        ))
    })();
    let (spki, message, signature) = match inputs {
        Ok(inputs) => inputs,
        Err(err) => return input_failure(&err, args.json),
    };
    let backend = if args.allow_legacy_rsa {
        &BACKEND_WITH_LEGACY_RSA
    } else {
        &BACKEND
    };
    let algorithm = backend
        .by_name(&args.alg)
        .expect("clap restricts --alg to known names");
    let result = algorithm.verify_signature(&spki, &message, &signature);
    let key = PublicKeyInfo::from_spki(&spki).ok();

    if args.json {
        print_json(&sig_json(algorithm, backend, key, result));
    } else {
        match result {
            Ok(()) => println!("valid: {} signature verified", algorithm.name()),
            Err(err) => println!("invalid: {err} ({})", err.kind()),
        }
    }
    match result {
        Ok(()) => Outcome::Verified,
        Err(_) => Outcome::NotVerified,
    }
}
