//! Outcomes, exit codes and the JSON shape shared by every subcommand. The reports
//! themselves are built in the library half (`jpki_verify_cli::json`), shared with the C ABI.

use serde_json::Value;

pub use jpki_verify_cli::Outcome;
pub use jpki_verify_cli::json::error_json;

/// An input problem: the file could not be read or decoded. Always exit 2.
#[derive(Debug)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reports an input problem (exit 2) in the requested format.
pub fn input_failure(err: &InputError, as_json: bool) -> Outcome {
    if as_json {
        println!("{}", jpki_verify_cli::json::input_error_json(&err.0));
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
