//! Helpers shared by the CLI tests: paths into the repository, running one subcommand of the
//! binary, and reading its JSON output.
#![allow(dead_code)] // each test file uses a subset

pub mod der;

use std::path::PathBuf;
use std::process::{Command, Output};

/// `rel` under the repository root.
pub fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(rel)
}

/// `rel` under the repository root, as a command-line argument.
pub fn repo_arg(rel: &str) -> String {
    repo(rel).to_string_lossy().into_owned()
}

/// Runs `jpki-verify SUBCOMMAND ARGS...` to completion.
pub fn run(subcommand: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jpki-verify"))
        .arg(subcommand)
        .args(args)
        .output()
        .expect("binary runs")
}

/// stdout as one JSON value; otherwise a panic showing stdout and stderr.
pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not one JSON value ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The exit code.
pub fn code(out: &Output) -> i32 {
    out.status.code().expect("exited")
}
