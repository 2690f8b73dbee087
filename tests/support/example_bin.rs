//! Builds an example binary once per test run and finds it, so that a
//! test can run the example as a user would.
//!
//! Include with `#[path = "support/example_bin.rs"] mod example_bin;`.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::{Mutex, OnceLock};

/// The binary of example `name`, built (or found fresh) by cargo the first
/// time it is asked for in this test run, in the same profile as the test.
pub fn path(name: &str) -> PathBuf {
    static BUILT: OnceLock<Mutex<HashMap<String, PathBuf>>> = OnceLock::new();
    let mut built = BUILT
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(bin) = built.get(name) {
        return bin.clone();
    }
    // Same profile as this test, so that the binary lands beside it.
    let profile: &[&str] = if cfg!(debug_assertions) { &[] } else { &["--release"] };
    let status = Command::new(env!("CARGO"))
        .args(["build", "--quiet", "--example", name])
        .args(profile)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .expect("cargo runs");
    assert!(status.success(), "cargo build --example {name} failed");
    // This test runs from target/<profile>/deps/; examples live beside it.
    let deps = std::env::current_exe().unwrap().parent().unwrap().to_path_buf();
    let bin = deps
        .parent()
        .unwrap()
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} not found", bin.display());
    built.insert(name.to_owned(), bin.clone());
    bin
}

/// Runs example `name` with `args` from the crate's root, as a user
/// would, and waits for its output.
pub fn run(name: &str, args: &[&str]) -> Output {
    Command::new(path(name))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

/// An example's output as text; the examples write UTF-8 only.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}
