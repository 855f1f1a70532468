//! `jpki-verify`: the command-line front end.
//!
//! Exit status for every subcommand: 0 verified, 1 did not verify, 2 usage error or
//! unreadable input.

mod chain_cmd;
mod cms_cmd;
mod demo_cmd;
mod input;
mod inspect_cmd;
mod pki_args;
mod policy_cmd;
mod report;
mod sig;

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
    Sig(sig::SigArgs),
    /// Build and validate a certificate path at a given time (RFC 5280), with CRLs.
    Chain(chain_cmd::ChainArgs),
    /// Verify a CMS SignedData (PKCS#7) document: signatures, signer certificates, paths.
    Cms(cms_cmd::CmsArgs),
    /// Algorithm sunset tables: list, show, check an algorithm on a date, exposure analysis.
    Policy(policy_cmd::PolicyArgs),
    /// Show certificates field by field and in JPKI terms (classification, profile findings,
    /// basic four, root pins, sunset verdict). Exit 0 all inspected, 1 one did not parse.
    Inspect(inspect_cmd::InspectArgs),
    /// The migration walk-through on the bundled vectors: RSA-card and EC-card documents
    /// verified before and after the sunsets, under CRYPTREC and NIST IR 8547. Exit 0 when
    /// it ran, 2 when the vectors are missing.
    Demo(demo_cmd::DemoArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Sig(args) => sig::run(&args),
        Command::Chain(args) => chain_cmd::run(&args),
        Command::Cms(args) => cms_cmd::run(&args),
        Command::Policy(args) => policy_cmd::run(&args),
        Command::Inspect(args) => inspect_cmd::run(&args),
        Command::Demo(args) => demo_cmd::run(&args),
    };
    outcome.exit_code()
}
