//! The library half of the `jpki-verify` command line: the parts that do not touch files or
//! the terminal, shared with the C ABI (`jpki-verify-ffi`) so that both print the same JSON
//! reports, accept the same inputs and end with the same status codes.
//!
//! - [`json`]: every JSON report the subcommands print (`sig`, `chain`, `cms`, errors).
//! - [`limits`]: the size cap of each kind of input, from the library's own limits.
//! - [`pem`]: PEM-or-DER input decoding (several PEM blocks per input).
//! - [`revocation`]: the CRLs and OCSP responses given, as one revocation source.
//! - [`signers`]: the CMS signer requirement (`all`, `any`, `families:rsa,ecdsa`).
//! - [`Outcome`]: how a verification ended, and its exit code.

#![forbid(unsafe_code)]
#![warn(missing_docs, rust_2018_idioms)]

pub mod json;
pub mod limits;
pub mod pem;
pub mod revocation;
pub mod signers;

/// How a subcommand (or a C ABI call) ended; its [`code`](Outcome::code) is the exit status
/// and the C ABI's status code.
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
    /// The exit status: 0, 1 or 2.
    pub const fn code(self) -> u8 {
        match self {
            Outcome::Verified => 0,
            Outcome::NotVerified => 1,
            Outcome::UsageError => 2,
        }
    }

    /// The process exit code of [`code`](Self::code).
    pub fn exit_code(self) -> std::process::ExitCode {
        std::process::ExitCode::from(self.code())
    }
}
