//! Checked-in generated files: formatted as `cargo fmt` would, compared
//! with what the generator gives, rewritten on request.
//!
//! Include with `#[path = "support/regenerate.rs"] mod regenerate;`.

use std::path::{Path, PathBuf};

/// The variable that makes [`check`] rewrite a file instead of failing.
pub const REGENERATE: &str = "STATECRAFT_REGENERATE";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `code` as rustfmt formats it with the crate's `rustfmt.toml`, so that
/// `cargo fmt --check` and the generator agree.
pub fn rustfmt(name: &str, code: &str) -> String {
    let tmp = std::env::temp_dir().join(format!("statecraft-gen-{}-{name}", std::process::id()));
    std::fs::write(&tmp, code).expect("write temp file");
    let status = std::process::Command::new("rustfmt")
        .args(["--edition", "2021", "--config-path"])
        .arg(root().join("rustfmt.toml"))
        .arg(&tmp)
        .status()
        .expect("rustfmt is installed with the toolchain");
    assert!(status.success(), "rustfmt failed on generated {name}");
    let out = std::fs::read_to_string(&tmp).expect("read temp file");
    let _ = std::fs::remove_file(&tmp);
    out
}

/// Fails unless the file at `path` (from the crate root) is `generated`;
/// with `STATECRAFT_REGENERATE` set, writes it instead. `command` is what
/// the failure tells to run.
pub fn check(path: &str, generated: &str, command: &str) {
    let full = root().join(Path::new(path));
    let current = std::fs::read_to_string(&full).unwrap_or_default();
    if current == generated {
        return;
    }
    if std::env::var_os(REGENERATE).is_some() {
        std::fs::write(&full, generated).unwrap_or_else(|e| panic!("cannot write {}: {e}", full.display()));
        return;
    }
    panic!("{path} is out of date with data/: run `{REGENERATE}=1 {command}` and commit the result");
}
