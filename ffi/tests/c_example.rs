//! The embedding examples, built and run as a caller would: examples/c/verify.c compiled
//! with `cc` against the static library and include/jpki_verify.h, and
//! examples/python/verify.py loading the shared library with ctypes. Both assert the
//! expected status of each demo document and chain themselves (exit 0 = all as expected).

#![cfg(target_os = "linux")] // the link flags and the .so name are Linux's

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The directory of this profile's artefacts (`target/debug`), from this test's own path
/// (`target/debug/deps/c_example-...`): CARGO_TARGET_DIR and --release are then followed.
fn profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    exe.parent()
        .and_then(Path::parent)
        .expect("target/<profile>/deps/<test>")
        .to_path_buf()
}

/// `file` of this crate. `cargo test` builds the cdylib and staticlib of the crate under
/// test beside the rlib the tests link (`target/<profile>/deps`, not copied up to
/// `target/<profile>`): those are current and have the test's features. Should they be
/// missing, they are built with `cargo build -p jpki-verify-ffi`.
fn library(file: &str) -> PathBuf {
    let dir = profile_dir();
    let fresh = dir.join("deps").join(file);
    if fresh.exists() {
        return fresh;
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut build = Command::new(cargo);
    build
        .args(["build", "--quiet", "-p", "jpki-verify-ffi"])
        .current_dir(repo_root());
    if dir.file_name().is_some_and(|name| name == "release") {
        build.arg("--release");
    }
    let status = build.status().expect("run cargo build");
    assert!(status.success(), "cargo build -p jpki-verify-ffi failed");
    let path = dir.join(file);
    assert!(path.exists(), "{} was not built", path.display());
    path
}

fn run(command: &mut Command, what: &str) -> String {
    let output = command.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{what} failed ({}):\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

#[test]
fn c_example_builds_against_the_header_and_verifies_the_demo() {
    let lib = library("libjpki_verify_ffi.a");
    let out_dir = profile_dir().join("c-example");
    std::fs::create_dir_all(&out_dir).unwrap();
    let exe = out_dir.join("verify");
    let root = repo_root();
    run(
        Command::new(std::env::var("CC").unwrap_or_else(|_| "cc".into()))
            .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-pthread", "-I"])
            .arg(root.join("ffi/include"))
            .arg(root.join("examples/c/verify.c"))
            .arg(&lib)
            .args(["-lpthread", "-ldl", "-lm", "-o"])
            .arg(&exe),
        "cc examples/c/verify.c",
    );
    let stdout = run(Command::new(&exe).arg(&root), "examples/c/verify");
    assert!(stdout.contains("all as expected"), "{stdout}");
    assert!(stdout.contains("cms-message-digest-mismatch"), "{stdout}");
}

#[test]
fn python_example_verifies_the_demo_through_ctypes() {
    let lib = library("libjpki_verify_ffi.so");
    let root = repo_root();
    let stdout = run(
        Command::new("python3")
            .arg(root.join("examples/python/verify.py"))
            .arg(&lib)
            .arg(&root),
        "python3 examples/python/verify.py",
    );
    assert!(stdout.contains("all as expected"), "{stdout}");
}
