//! `jpki-verify`: the command-line front end.
//!
//! Exit status for every subcommand (the table in README.md, and each subcommand's --help):
//! 0 verified/valid, 1 verification failed (the input was read and judged invalid), 2 usage
//! or input error (bad arguments; a file that is missing, unreadable, a directory, over its
//! size limit, or not decodable as a file).

/// The exit-status text of a subcommand's --help: what 0 and 1 mean for it, and the shared
/// meaning of 2, so that no subcommand's help can drift from the others.
macro_rules! exit_status {
    ($zero:literal, $one:literal) => {
        concat!(
            "Exit status:\n  0  ",
            $zero,
            "\n  1  ",
            $one,
            "\n  2  usage or input error: bad arguments, or an input file that is missing, \
             unreadable, a directory, over its size limit, or undecodable as a file (broken \
             PEM, a wrong number of PEM blocks, an anchor, intermediate, CRL, OCSP response, \
             token or table that does not parse)"
        )
    };
}

mod chain_cmd;
mod cms_cmd;
mod demo_cmd;
mod demo_timestamp;
mod input;
mod inspect_cmd;
mod ocsp_cmd;
mod pki_args;
mod policy_cmd;
mod report;
mod sig;
mod timestamp_cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Verify JPKI (My Number Card) signatures, certificate chains and signed documents.
#[derive(Parser)]
#[command(name = "jpki-verify", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Verify one raw signature over a message with a public key or certificate.
    #[command(after_help = exit_status!(
        "the signature verified",
        "it did not (bad or malformed signature, unusable key)"
    ))]
    Sig(sig::SigArgs),
    /// Build and validate a certificate path at a given time (RFC 5280), with CRLs.
    #[command(after_help = exit_status!(
        "the path validated (and the sunset table, if any, did not reject it)",
        "it did not (including a leaf that does not parse as a certificate)"
    ))]
    Chain(chain_cmd::ChainArgs),
    /// Verify a CMS SignedData (PKCS#7) document: signatures, signer certificates, paths.
    #[command(after_help = exit_status!(
        "the signer requirement is met",
        "it is not (including a document that is read but is not a valid SignedData)"
    ))]
    Cms(cms_cmd::CmsArgs),
    /// Check an OCSP response (RFC 6960) for a certificate: responder, signature,
    /// freshness, nonce, status.
    #[command(after_help = exit_status!(
        "the response is authentic, current, for the certificate, and says good",
        "it says revoked or unknown, or it is refused (responder, signature, freshness, nonce, \
         another certificate, unparsable or unsuccessful response)"
    ))]
    Ocsp(ocsp_cmd::OcspArgs),
    /// Algorithm sunset tables: list, show, check an algorithm on a date, exposure analysis.
    #[command(after_help = exit_status!(
        "check: accepted (a warning still exits 0); exposure: no rejection reached; list, show",
        "check: rejected; exposure: a validity or plan reaches a date the table rejects"
    ))]
    Policy(policy_cmd::PolicyArgs),
    /// Show certificates field by field and in JPKI terms (classification, profile findings,
    /// basic four, root pins, sunset verdict).
    #[command(after_help = exit_status!(
        "every certificate was inspected (an exhausted issuer-search budget is reported, \
         not failed)",
        "some object did not parse as a certificate (reported in place)"
    ))]
    Inspect(inspect_cmd::InspectArgs),
    /// The migration walk-through on the bundled vectors: RSA-card and EC-card documents
    /// verified before and after the sunsets, under CRYPTREC and NIST IR 8547.
    #[command(after_help = exit_status!(
        "the demo ran (its rejections are expected content)",
        "never"
    ))]
    Demo(demo_cmd::DemoArgs),
    /// Verify an RFC 3161 timestamp token over a file or a digest: the TSA's signature and
    /// certificate path (now), its critical timeStamping EKU, the imprint, nonce and policy.
    #[command(after_help = exit_status!(
        "the token verified and matches the data (and nonce and policy, when given)",
        "it did not (including a token that is read but is not a valid token)"
    ))]
    Timestamp(timestamp_cmd::TimestampArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Sig(args) => sig::run(&args),
        Command::Chain(args) => chain_cmd::run(&args),
        Command::Cms(args) => cms_cmd::run(&args),
        Command::Ocsp(args) => ocsp_cmd::run(&args),
        Command::Policy(args) => policy_cmd::run(&args),
        Command::Inspect(args) => inspect_cmd::run(&args),
        Command::Demo(args) => demo_cmd::run(&args),
        Command::Timestamp(args) => timestamp_cmd::run(&args),
    };
    outcome.exit_code()
}
