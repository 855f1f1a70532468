//! Locating `../shared/` (PKITS, the real J-LIS roots): `JPKI_SHARED_DIR` overrides it.
//! When the data is missing the calling test skips with a message, or fails under CI=true.
#![allow(dead_code)]

use std::path::PathBuf;

/// The shared-data directory, or `None` (after printing why) when a test should skip.
pub fn shared_dir(what: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("JPKI_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.join(what).exists() {
        return Some(dir);
    }
    let message = format!(
        "{} not found under {} (set JPKI_SHARED_DIR to the shared directory)",
        what,
        dir.display()
    );
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{message}");
    }
    eprintln!("SKIPPED: {message}");
    None
}
