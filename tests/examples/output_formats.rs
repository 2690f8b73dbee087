//! What `validate` and `aggregate` write for other programs (`--format
//! json`, the CSV's `total,undisclosed` pair) and their honest exit codes:
//! run as a user would, outputs pinned.

#![cfg(feature = "ecb-snapshot")]

use std::path::PathBuf;

use serde_json::Value;
use statecraft::fx::{EcbRates, FixedRates, RateChain};
use statecraft::Dossier;

use crate::example_bin::{run, text};

/// A file under cargo's scratch directory for tests.
fn scratch(name: &str, content: &str) -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

const HEADER: &str = "id,date,donor,recipient,stage,amount,currency\n";

#[test]
fn validate_json_of_a_valid_dossier_has_no_violations_and_its_counts() {
    let o = run("validate", &["--format", "json", "examples/data/guatemala-2021.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout),
        "{\n  \"format\": \"statecraft-report/1\",\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"violations\": []\n}\n"
    );
    // The text form is still the default, and `--format text` names it.
    let o = run("validate", &["examples/data/guatemala-2021.json", "--format", "text"]);
    assert_eq!(text(&o.stdout), "0 errors, 0 warnings\n");
}

#[test]
fn validate_json_lists_each_violation_of_every_invalid_file() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/invalid");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        files += 1;
        let o = run("validate", &["--format", "json", path.to_str().unwrap()]);
        if o.status.code() == Some(2) {
            // A dossier that does not load (a type refuses the value): no
            // report, whatever the format; the load error on stderr.
            assert!(o.stdout.is_empty());
            assert!(text(&o.stderr).starts_with("validate: "), "{}", path.display());
            continue;
        }
        // The report at the rates the example asks: fixed by law, then the
        // ECB's (the `.expected` files hold the report at the ECB's alone).
        let rates = RateChain::new().with(FixedRates::new()).with(EcbRates::embedded());
        let dossier = Dossier::from_json_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let expected = dossier.validate(&rates).to_string();
        let json: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(json["format"], "statecraft-report/1");
        let violations = json["violations"].as_array().unwrap();
        // Each violation carries exactly its rule, severity, path and
        // message, and they say what the text form says, line by line.
        let mut lines: Vec<String> = violations
            .iter()
            .map(|v| {
                assert_eq!(v.as_object().unwrap().len(), 4, "{v}");
                format!(
                    "{}[{}] {}: {}",
                    v["severity"].as_str().unwrap(),
                    v["rule"].as_str().unwrap(),
                    v["path"].as_str().unwrap(),
                    v["message"].as_str().unwrap()
                )
            })
            .collect();
        let errors = violations.iter().filter(|v| v["severity"] == "error").count();
        assert_eq!(json["errors"], errors);
        assert_eq!(json["warnings"], violations.len() - errors);
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        lines.push(format!(
            "{}, {}",
            plural(errors, "error"),
            plural(violations.len() - errors, "warning")
        ));
        assert_eq!(lines.join("\n") + "\n", expected, "{}", path.display());
        assert!(!violations.is_empty(), "{}", path.display());
        assert_eq!(
            o.status.code(),
            Some(if errors > 0 { 1 } else { 0 }),
            "{}",
            path.display()
        );
    }
    assert!(files > 20, "{files} files");
}

#[test]
fn validate_refuses_an_unknown_format_listing_the_accepted_ones() {
    for (args, message) in [
        (
            &["--format", "xml", "examples/data/guatemala-2021.json"][..],
            "validate: --format: unknown format `xml`: expected `text` or `json`\n",
        ),
        (
            &["examples/data/guatemala-2021.json", "--format"],
            "validate: --format needs a value: `text` or `json`\n",
        ),
    ] {
        let o = run("validate", args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&o.stderr), message);
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn aggregate_json_carries_the_counts_groups_and_first_rejections() {
    let file = scratch(
        "outputs-mixed.csv",
        &format!(
            "{HEADER}1,2021-06-07,US,GT,committed,100,EUR\n\
             2,2021-06-07,US,GT,committed,100,GTQ\n\
             3,2021-02-30,US,HN,committed,5,USD\n\
             4,2021-06-07,US,SV,announced,,\n\
             5,2021-06-07,US,SV,announced,,\n"
        ),
    );
    let o = run("aggregate", &[&file, "--to", "USD", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let expected = r#"{
  "format": "statecraft-totals/1",
  "currency": "USD",
  "by": [
    "recipient"
  ],
  "conversion_date": null,
  "counts": {
    "read": 5,
    "aggregated": 1,
    "undisclosed": 2,
    "rejected": 2,
    "rejected_by_reason": {
      "unreadable": 1,
      "no-rate": 1
    }
  },
  "total": "121.62",
  "exact_total": "121.62",
  "groups": [
    {
      "key": [
        "GT"
      ],
      "names": [
        "Guatemala"
      ],
      "total": "121.62",
      "exact": "121.62",
      "records": 1,
      "undisclosed": 0
    },
    {
      "key": [
        "SV"
      ],
      "names": [
        "El Salvador"
      ],
      "total": null,
      "exact": "0",
      "records": 0,
      "undisclosed": 2
    }
  ],
  "rejections": [
    {
      "line": 3,
      "reason": "no-rate",
      "message": "no ECB rate for GTQ on 2021-06-07: GTQ is not quoted"
    },
    {
      "line": 4,
      "reason": "unreadable",
      "message": "column 2 (date): invalid date `2021-02-30`: expected a calendar date as YYYY-MM-DD"
    }
  ]
}
"#;
    assert_eq!(text(&o.stdout), expected);
    // The CSV (the default) gives the all-undisclosed group an empty
    // total and its count, never 0.00.
    let o = run("aggregate", &[&file, "--to", "USD"]);
    assert_eq!(text(&o.stdout), "recipient,total,undisclosed\nGT,121.62,0\nSV,,2\n");
    assert!(text(&o.stderr).starts_with(
        "read 5 records: 1 aggregated, 2 undisclosed, 2 rejected (1 unreadable, 1 no-rate)\nfirst rejections:\n"
    ));
}

#[test]
fn aggregate_exits_1_when_nothing_could_be_summed() {
    // A currency the ECB never quoted: every record rejected, no total.
    let gtq = scratch(
        "outputs-gtq.csv",
        &format!(
            "{HEADER}1,2021-06-07,US,GT,committed,100,GTQ\n\
             2,2021-06-08,US,GT,committed,200,GTQ\n\
             3,2021-06-09,US,HN,committed,300,GTQ\n"
        ),
    );
    let o = run("aggregate", &[&gtq, "--to", "USD"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout), "recipient,total,undisclosed\n");
    let err = text(&o.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0],
        "read 3 records: 0 aggregated, 0 undisclosed, 3 rejected (3 no-rate)"
    );
    assert!(
        lines[5].starts_with("no total in USD: none of the 3 records read could be summed; "),
        "{err}"
    );
    // Said once, not again on the way out.
    assert_eq!(err.matches("could be summed").count(), 1, "{err}");
    let json: Value = serde_json::from_slice(&run("aggregate", &[&gtq, "--format", "json"]).stdout).unwrap();
    assert!(json["total"].is_null());
    assert_eq!(json["counts"]["rejected_by_reason"]["no-rate"], 3);
    // Every record without an amount: nothing summed either.
    let undisclosed = scratch(
        "outputs-undisclosed.csv",
        &format!("{HEADER}1,2021-06-07,CA,GT,announced,,\n"),
    );
    let o = run("aggregate", &[&undisclosed]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout), "recipient,total,undisclosed\nGT,,1\n");
    // A header alone reads nothing: nothing is missing, exit 0.
    let empty = scratch("outputs-empty.csv", HEADER);
    let o = run("aggregate", &[&empty]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
}

#[test]
fn aggregate_strict_exits_1_on_any_rejection() {
    let file = scratch(
        "outputs-strict.csv",
        &format!(
            "{HEADER}1,2021-06-07,US,GT,committed,100,EUR\n\
             2,2021-06-07,US,GT,committed,100,GTQ\n"
        ),
    );
    let lenient = run("aggregate", &[&file]);
    assert_eq!(lenient.status.code(), Some(0));
    let strict = run("aggregate", &[&file, "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    assert_eq!(strict.stdout, lenient.stdout);
    let err = text(&strict.stderr);
    assert!(
        err.starts_with("read 2 records: 1 aggregated, 0 undisclosed, 1 rejected (1 no-rate)\n"),
        "{err}"
    );
    assert!(err.ends_with("aggregate: --strict: 1 records rejected\n"), "{err}");
    let clean = scratch(
        "outputs-clean.csv",
        &format!("{HEADER}1,2021-06-07,US,GT,committed,100,EUR\n"),
    );
    assert_eq!(run("aggregate", &[&clean, "--strict"]).status.code(), Some(0));
}

#[test]
fn aggregate_refuses_an_unknown_format_and_an_unwritable_chart() {
    let file = scratch(
        "outputs-one.csv",
        &format!("{HEADER}1,2021-06-07,US,GT,committed,100,EUR\n"),
    );
    let o = run("aggregate", &[&file, "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).starts_with("aggregate: --format: unknown format `xml`: expected `csv` or `json`\nusage: "));
    assert!(o.stdout.is_empty());
    let o = run("aggregate", &[&file, "--svg", "/nonexistent/dir/out.svg"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr),
        "aggregate: cannot write `/nonexistent/dir/out.svg`: No such file or directory (os error 2)\n"
    );
    let o = run("guatemala_trip", &["--svg", "/nonexistent/dir/out.svg"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr),
        "error: cannot write `/nonexistent/dir/out.svg`: No such file or directory (os error 2)\n"
    );
}
