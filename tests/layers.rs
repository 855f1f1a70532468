//! The crate's modules form layers: each top-level module may use only the modules listed
//! before it in `ORDER` (and itself). This reads every `crate::` path in `src/` - direct
//! module paths and names re-exported from `lib.rs` alike - and fails on any edge that
//! points up, so a module cycle cannot come back unnoticed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Lowest first. `docs/architecture.md` draws the same order.
const ORDER: &[&str] = &[
    // foundation: errors, identifiers, time, DER
    "reason",
    "error",
    "oid",
    "time",
    "tlv",
    // algorithms
    "hash",
    "alg_id",
    "pss",
    "key",
    "verify",
    "rustcrypto",
    "aws_lc",
    // signed objects
    "signed_data",
    "signed_envelope",
    "name",
    "cert",
    // revocation and paths
    "revocation",
    "crl",
    "ocsp",
    "path",
    // evidence, documents, policy, profile
    "judgement",
    "cms",
    "policy",
    "jpki",
    "batch",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file belongs to (`src/path/build.rs` -> `path`).
fn module_of(file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src()).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_owned())
}

/// Code without comments (doc links name modules without depending on them).
fn code(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first segment of every item a `crate::` path names: `crate::a::B` gives `a`,
/// `crate::{a::B, C}` gives `a` and `C`.
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().last();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // e.g. `other_crate::`
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or(group.len(), |(i, _)| i);
            let mut depth = 0;
            let mut item = String::new();
            for c in group[..end].chars().chain([',']) {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(first_segment(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
        } else {
            out.push(first_segment(rest));
        }
    }
    out.retain(|s| !s.is_empty() && s != "self");
    out
}

fn first_segment(path: &str) -> String {
    path.trim()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Names re-exported at the crate root, and the module each comes from.
fn root_exports() -> BTreeMap<String, String> {
    let lib = code(&fs::read_to_string(src().join("lib.rs")).unwrap());
    let mut exports = BTreeMap::new();
    for statement in lib.split(';') {
        let Some(rest) = statement.trim().strip_prefix("pub use ") else {
            continue;
        };
        let module = first_segment(rest);
        let names = match rest.find('{') {
            Some(i) => rest[i + 1..].trim_end_matches('}').to_owned(),
            None => rest.rsplit("::").next().unwrap().to_owned(),
        };
        for name in names.split(',') {
            let name = name.trim().rsplit("::").next().unwrap().trim();
            if !name.is_empty() {
                exports.insert(name.to_owned(), module.clone());
            }
        }
    }
    exports
}

#[test]
fn every_module_uses_only_lower_layers() {
    let exports = root_exports();
    let rank = |m: &str| ORDER.iter().position(|o| *o == m);
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files.sort();
    let mut upward = Vec::new();
    let mut edges = 0;
    for file in &files {
        let Some(module) = module_of(file) else {
            continue;
        };
        let from = rank(&module).unwrap_or_else(|| panic!("{module} is not in ORDER"));
        let text = code(&fs::read_to_string(file).unwrap());
        for name in crate_paths(&text) {
            let target = match exports.get(&name) {
                Some(m) => m.clone(),
                None if rank(&name).is_some() => name.clone(),
                // A macro or item defined in lib.rs itself.
                None => continue,
            };
            edges += 1;
            let to = rank(&target).unwrap();
            if to > from {
                upward.push(format!(
                    "{} uses {target} (via `{name}`)",
                    file.strip_prefix(src()).unwrap().display()
                ));
            }
        }
    }
    assert!(
        edges > 100,
        "the scan found too few edges ({edges}): is it reading src/?"
    );
    assert!(upward.is_empty(), "upward edges:\n{}", upward.join("\n"));
}

#[test]
fn the_scan_reads_grouped_and_nested_paths() {
    let found = crate_paths("use crate::{a::B, C, d::{E, F}};\nlet x = crate::g::h(); my_crate::z");
    assert_eq!(found, ["a", "C", "d", "g"]);
}
