//! The committed C header is what cbindgen makes of the current source: an ABI change
//! without a regenerated header fails here.

use std::path::Path;

#[test]
fn committed_header_matches_the_source() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).expect("cbindgen.toml");
    let bindings = cbindgen::Builder::new()
        .with_crate(dir)
        .with_config(config)
        .with_parse_deps(false)
        .generate()
        .expect("cbindgen parses the crate");
    let mut generated = Vec::new();
    bindings.write(&mut generated);
    let path = dir.join("include/jpki_verify.h");
    if std::env::var_os("JPKI_UPDATE_HEADER").is_some() {
        std::fs::write(&path, &generated).expect("write the header");
        return;
    }
    let committed = std::fs::read(&path).expect("include/jpki_verify.h is committed");
    assert!(
        committed == generated,
        "include/jpki_verify.h is out of date: run \
         `JPKI_UPDATE_HEADER=1 cargo test -p jpki-verify-ffi --test header` and commit it"
    );
}
