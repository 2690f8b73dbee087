//! A catalogue of bad input, one file per case, with what the crate answers
//! pinned next to it: `tests/bad_input/<kind>/<case>.<ext>` and
//! `<case>.expected`.
//!
//! Kinds: `money`, `count`, `country`, `currency` (the file holds the text
//! given to `FromStr`), `ecb` (an ECB rates file), `rate_table` (a
//! `date,base,quote,rate` file), `records` (a funding-records file: every
//! record or error, one per line), `dossier` (a dossier in JSON), `iati`
//! (an IATI activity file: every rejected transaction, then the counts or
//! the error that stopped the file). An
//! accepted input is pinned as `ok: ...`, so a case documents what is let
//! through as well as what is refused.
//!
//! `STATECRAFT_REGENERATE=1 cargo test --test bad_input` writes the
//! `.expected` files from what the crate answers; review the diff.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use statecraft::fx::{EcbRates, RateTable};
use statecraft::records::Reader;
use statecraft::{Count, Country, Currency, Dossier, Money};

fn answer(kind: &str, bytes: &[u8]) -> String {
    let text = || std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"));
    let shown = |r: Result<String, String>| match r {
        Ok(v) => format!("ok: {v}"),
        Err(e) => format!("error: {e}"),
    };
    match kind {
        "money" => shown(text().and_then(|t| t.parse::<Money>().map(|m| m.to_string()).map_err(|e| e.to_string()))),
        "count" => shown(text().and_then(|t| t.parse::<Count>().map(|c| c.to_string()).map_err(|e| e.to_string()))),
        "country" => shown(text().and_then(|t| t.parse::<Country>().map(|c| c.to_string()).map_err(|e| e.to_string()))),
        "currency" => {
            shown(text().and_then(|t| t.parse::<Currency>().map(|c| c.to_string()).map_err(|e| e.to_string())))
        }
        "ecb" => shown(
            EcbRates::from_csv_bytes(bytes)
                .map(|r| format!("{} days, {} to {}", r.dates().len(), r.first_date(), r.last_date()))
                .map_err(|e| e.to_string()),
        ),
        "rate_table" => shown(
            RateTable::from_csv(bytes)
                .map(|t| format!("{} rates", t.len()))
                .map_err(|e| e.to_string()),
        ),
        "records" => {
            let mut out = String::new();
            for item in Reader::new(bytes) {
                match item {
                    Ok(r) => writeln!(out, "ok: {r:?}"),
                    Err(e) => writeln!(out, "error: {e}"),
                }
                .unwrap();
            }
            out.trim_end().to_string()
        }
        "iati" => {
            let mut out = String::new();
            let mut reader = statecraft::iati::Reader::new(bytes);
            for item in reader.by_ref() {
                match item {
                    Ok(statecraft::iati::Entry::Rejected(r)) => writeln!(out, "rejected: {r}").unwrap(),
                    Ok(_) => {}
                    Err(e) => writeln!(out, "error: {e}").unwrap(),
                }
            }
            writeln!(out, "{}", reader.counts()).unwrap();
            out.trim_end().to_string()
        }
        "dossier" => shown(
            Dossier::from_json_slice(bytes)
                .map(|_| "a dossier".to_string())
                .map_err(|e| e.to_string()),
        ),
        other => panic!("unknown kind of bad input `{other}`"),
    }
}

fn cases() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_input");
    let mut out = Vec::new();
    for kind in std::fs::read_dir(&root).unwrap() {
        let kind = kind.unwrap().path();
        if !kind.is_dir() {
            continue;
        }
        for case in std::fs::read_dir(&kind).unwrap() {
            let case = case.unwrap().path();
            if case.extension().is_some_and(|e| e != "expected") {
                out.push((kind.file_name().unwrap().to_string_lossy().into_owned(), case));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_bad_input_gets_its_pinned_answer() {
    let regenerate = std::env::var_os("STATECRAFT_REGENERATE").is_some();
    let cases = cases();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let mut failures = Vec::new();
    for (kind, path) in &cases {
        let bytes = std::fs::read(path).unwrap();
        let got = answer(kind, &bytes);
        let expected_path = path.with_extension("expected");
        if regenerate {
            std::fs::write(&expected_path, format!("{got}\n")).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path)
            .unwrap_or_else(|_| panic!("{} has no .expected file", path.display()));
        if expected.trim_end() != got {
            failures.push(format!(
                "{}:\n  expected: {}\n       got: {}",
                path.display(),
                expected.trim_end(),
                got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
