//! `tests/invalid/`: for every rule, small dossiers that break it, each
//! with its whole report pinned in a sibling `.expected` file (every
//! violation's severity, rule id, path and message, then the summary).
//!
//! A rule the types make unbreakable has a dossier the loader refuses,
//! and its `.expected` file pins the load error: `load error: ...`.
//!
//! `STATECRAFT_REGENERATE=1 cargo test --test model validate_invalid` rewrites
//! the `.expected` files from the current output (review the diff).

#![cfg(feature = "ecb-snapshot")]

use std::fs;
use std::path::{Path, PathBuf};

use statecraft::fx::EcbRates;
use statecraft::{Dossier, Rule};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/invalid")
}

/// Every `tests/invalid/*.json`, by file stem, sorted.
fn cases() -> Vec<(String, PathBuf)> {
    let mut cases: Vec<(String, PathBuf)> = fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    cases.sort();
    cases
}

/// What the case's `.expected` file should say.
fn actual(json: &Path) -> String {
    let text = fs::read_to_string(json).unwrap();
    match Dossier::from_json_str(&text) {
        Ok(d) => d.validate(EcbRates::embedded()).to_string(),
        Err(e) => format!("load error: {e}\n"),
    }
}

/// The rule a case is about: its file stem, or the stem up to a `-`
/// suffix naming a variant (`doses-not-positive-negative`).
fn rule_of(stem: &str) -> Rule {
    let mut s = stem;
    loop {
        if let Ok(rule) = s.parse::<Rule>() {
            return rule;
        }
        match s.rfind('-') {
            Some(i) => s = &s[..i],
            None => panic!("tests/invalid/{stem}.json names no rule"),
        }
    }
}

#[test]
fn every_case_gives_exactly_its_pinned_report() {
    let regenerate = std::env::var_os("STATECRAFT_REGENERATE").is_some();
    let mut failures = Vec::new();
    for (stem, json) in cases() {
        let got = actual(&json);
        let expected_path = json.with_extension("expected");
        if regenerate {
            fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected =
            fs::read_to_string(&expected_path).unwrap_or_else(|_| panic!("{} is missing", expected_path.display()));
        if got != expected {
            failures.push(format!("{stem}:\n--- expected\n{expected}--- got\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_rule_has_a_case_that_breaks_it() {
    let cases = cases();
    for rule in Rule::iter() {
        let mine: Vec<&(String, PathBuf)> = cases.iter().filter(|(stem, _)| rule_of(stem) == rule).collect();
        assert!(!mine.is_empty(), "no tests/invalid/{rule}.json");
        for (stem, json) in mine {
            let text = fs::read_to_string(json).unwrap();
            match Dossier::from_json_str(&text) {
                Ok(d) => {
                    assert!(
                        !rule.enforced_by_types(),
                        "{stem}: {rule} cannot be broken, yet the case loads"
                    );
                    let report = d.validate(EcbRates::embedded());
                    assert!(
                        report.of_rule(rule).next().is_some(),
                        "{stem} does not break {rule}:\n{report}"
                    );
                    // Each case is about its rule: other errors would hide
                    // which one it tests. (Warnings may come along.)
                    let others: Vec<String> = report
                        .errors()
                        .filter(|v| v.rule() != rule)
                        .map(|v| v.to_string())
                        .collect();
                    assert!(others.is_empty(), "{stem} breaks other rules too: {others:#?}");
                }
                Err(e) => {
                    // Only a rule the types enforce, or a variant of a
                    // rule whose other form they enforce, is a load error.
                    assert!(rule.enforced_by_types() || stem != rule.id(), "{stem}: {e}");
                }
            }
        }
    }
}

#[test]
fn the_seed_yields_no_violation() {
    let seed = include_str!("../../examples/data/guatemala-2021.json");
    let report = Dossier::from_json_str(seed).unwrap().validate(EcbRates::embedded());
    assert!(report.is_ok(), "{report}");
    assert!(report.is_empty(), "{report}");
}
