//! Sunset-policy tables from TOML text: loading never panics, and a table that loads is
//! evaluated for every family and exported back to TOML that loads to the same table.
#![no_main]

use jpki_verify::HashAlgorithm;
use jpki_verify::policy::{AlgorithmDescriptor, Date, ParameterSet, Table, Use};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(table) = Table::from_toml(text) else { return };
    let at = Date::new(2031, 1, 1).expect("valid date");
    for algorithm in [
        AlgorithmDescriptor::rsa(2048, HashAlgorithm::Sha256),
        AlgorithmDescriptor::named(ParameterSet::P384, Some(HashAlgorithm::Sha384)),
    ] {
        for usage in [Use::Create, Use::Verify] {
            let _ = table.evaluate(&algorithm, usage, at);
        }
        let _ = table.sunsets(&algorithm);
    }
    let exported = table.to_toml();
    let reloaded = Table::from_toml(&exported).expect("an exported table loads again");
    assert_eq!(reloaded.to_toml(), exported, "export is stable across a round trip");
});
