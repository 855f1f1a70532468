//! Inputs shared by the subcommands that validate certificate paths (`chain`, `cms`) and
//! judge algorithms (`policy`): trust anchors, intermediates, CRLs, time, sunset tables.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use jpki_verify::policy::{BUILTIN_TABLES, Date, Table, builtin};
use jpki_verify::{Certificate, Crl, Error, OcspResponse, RevocationMode, TrustAnchor, UnixTime};

use crate::input::{InputKind, der_objects, read_input};
use crate::report::InputError;

/// Trust anchors, untrusted certificates, CRLs and the revocation mode.
#[derive(Args)]
pub struct PathInputs {
    /// Trust anchor certificate(s), PEM or DER; a PEM file may hold several. Repeatable.
    #[arg(long = "anchor", value_name = "FILE", required = true)]
    pub anchors: Vec<PathBuf>,
    /// Untrusted intermediate certificate(s) (link and cross certificates too). Repeatable.
    #[arg(long = "intermediate", value_name = "FILE")]
    pub intermediates: Vec<PathBuf>,
    /// CRL(s), PEM or DER. Repeatable.
    #[arg(long = "crl", value_name = "FILE")]
    pub crls: Vec<PathBuf>,
    /// OCSP response(s) (RFC 6960), DER or PEM: a revocation source beside the CRLs.
    /// Repeatable.
    #[arg(long = "ocsp", value_name = "FILE")]
    pub ocsp: Vec<PathBuf>,
    /// Revocation checking: off, available (use the CRLs and OCSP responses given), require
    /// (a current CRL or OCSP response for every certificate but the anchor).
    #[arg(long, value_enum, default_value = "off")]
    pub revocation: RevocationArg,
}

/// `--revocation` values.
#[derive(Clone, Copy, ValueEnum)]
pub enum RevocationArg {
    Off,
    Available,
    Require,
}

impl RevocationArg {
    pub fn mode(self) -> RevocationMode {
        match self {
            RevocationArg::Off => RevocationMode::Off,
            RevocationArg::Available => RevocationMode::CheckAvailable,
            RevocationArg::Require => RevocationMode::RequireCurrent,
        }
    }
}

/// The decoded [`PathInputs`].
pub struct LoadedPathInputs {
    pub anchors: Vec<TrustAnchor>,
    pub intermediates: Vec<Certificate>,
    pub crls: Vec<Crl>,
    pub ocsp: Vec<OcspResponse>,
}

pub use jpki_verify_cli::revocation::Revocation;

impl PathInputs {
    pub fn load(&self) -> Result<LoadedPathInputs, InputError> {
        Ok(LoadedPathInputs {
            anchors: load_all(&self.anchors, InputKind::Certificate, |der| {
                Certificate::from_der(&der).map(TrustAnchor::from_certificate)
            })?,
            intermediates: load_all(&self.intermediates, InputKind::Certificate, |der| {
                Certificate::from_der(&der)
            })?,
            // Owned: a CRL near its cap is held once, not copied.
            crls: load_all(&self.crls, InputKind::Crl, Crl::from_der_owned)?,
            ocsp: load_all(
                &self.ocsp,
                InputKind::OcspResponse,
                OcspResponse::from_der_owned,
            )?,
        })
    }
}

/// The range every time argument accepts: the policy tables' calendar, so that a time
/// `chain` takes is one `policy` can judge too.
pub const TIME_RANGE: &str = "0001-01-01T00:00:00Z ..= 9999-12-31T23:59:59Z";

/// Every time argument (`--at`, `--signed-at`, `--issued-from`, ...): RFC 3339
/// (`2026-06-02T00:00:00Z`, `...+09:00`) or a bare date (`2026-06-02`, midnight UTC), within
/// [`TIME_RANGE`].
pub fn parse_time(text: &str) -> Result<UnixTime, String> {
    let time = UnixTime::parse_rfc3339(text).map_err(|_| {
        format!("`{text}` is not a time: expected RFC 3339 (2026-06-02T00:00:00Z) or a date (2026-06-02)")
    })?;
    if Date::from_unix_seconds(time.as_unix_seconds()).is_none() {
        return Err(format!("`{text}` is outside {TIME_RANGE}"));
    }
    Ok(time)
}

/// A date argument: [`parse_time`], then the UTC calendar date of that instant.
pub fn parse_date(text: &str) -> Result<Date, String> {
    let time = parse_time(text)?;
    Date::from_unix_seconds(time.as_unix_seconds())
        .ok_or_else(|| format!("`{text}` is outside {TIME_RANGE}"))
}

/// Every DER object in `paths`, decoded by `decode`; a failure names the file.
pub fn load_all<T>(
    paths: &[PathBuf],
    kind: InputKind,
    decode: impl Fn(Vec<u8>) -> Result<T, Error>,
) -> Result<Vec<T>, InputError> {
    let what = match kind {
        InputKind::Crl => "CRL",
        InputKind::OcspResponse => "OCSP response",
        _ => "certificate",
    };
    let mut out = Vec::new();
    for path in paths {
        let bytes = read_input(path, kind)?;
        for object in der_objects(path, bytes)? {
            out.push(decode(object.der).map_err(|e| {
                InputError(format!("{}: not a usable {what}: {e}", path.display()))
            })?);
        }
    }
    Ok(out)
}

/// A built-in table by name, or a TOML table file.
pub enum LoadedTable {
    Builtin(&'static Table),
    File(Box<Table>),
}

impl LoadedTable {
    pub fn get(&self) -> &Table {
        match self {
            LoadedTable::Builtin(table) => table,
            LoadedTable::File(table) => table,
        }
    }
}

/// `--sunset` / `--table`: a built-in name (`cryptrec-ls0003`, ...) or a TOML file.
pub fn load_table(name: &str) -> Result<LoadedTable, InputError> {
    if let Some(table) = builtin(name) {
        return Ok(LoadedTable::Builtin(table));
    }
    let path = Path::new(name);
    if !path.exists() {
        let names: Vec<String> = BUILTIN_TABLES.iter().map(|t| t.qualified_name()).collect();
        return Err(InputError(format!(
            "no built-in table or file `{name}` (built-in: {})",
            names.join(", ")
        )));
    }
    let text = String::from_utf8(read_input(path, InputKind::PolicyTable)?)
        .map_err(|_| InputError(format!("{}: not UTF-8 text", path.display())))?;
    Table::from_toml(&text)
        .map(|t| LoadedTable::File(Box::new(t)))
        .map_err(|e| InputError(format!("{}: {e}", path.display())))
}
