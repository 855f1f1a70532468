//! Outcomes, exit codes and the JSON shape shared by every subcommand.

use std::process::ExitCode;

use serde_json::{Value, json};

/// How a subcommand ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything checked verified: exit 0.
    Verified,
    /// Something did not verify (bad or malformed signature, key, chain): exit 1.
    NotVerified,
    /// Usage error or unreadable input: exit 2.
    UsageError,
}

impl Outcome {
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Verified => ExitCode::SUCCESS,
            Outcome::NotVerified => ExitCode::from(1),
            Outcome::UsageError => ExitCode::from(2),
        }
    }
}

/// An input problem: the file could not be read or decoded. Always exit 2.
#[derive(Debug)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The `"error"` member of the JSON output.
pub fn error_json(kind: &str, message: &str) -> Value {
    json!({ "kind": kind, "message": message })
}

/// Reports an input problem (exit 2) in the requested format.
pub fn input_failure(err: &InputError, as_json: bool) -> Outcome {
    if as_json {
        println!(
            "{}",
            json!({ "valid": false, "error": error_json("input", &err.0) })
        );
    }
    eprintln!("jpki-verify: {err}");
    Outcome::UsageError
}

/// Prints a finished JSON report.
pub fn print_json(value: &Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("JSON values always serialise")
    );
}
