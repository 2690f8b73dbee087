//! The `validate` example, run as a user would: its output and its exit
//! codes (0 without errors, 1 with, 2 when the input cannot be read).

#![cfg(feature = "ecb-snapshot")]

use std::path::PathBuf;
use std::process::{Command, Output};

#[path = "support/example_bin.rs"]
mod example_bin;

fn run(args: &[&str]) -> Output {
    Command::new(example_bin::path("validate"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A file under cargo's scratch directory for tests.
fn scratch(name: &str, content: &str) -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn the_seed_is_valid() {
    let o = run(&["examples/data/guatemala-2021.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "0 errors, 0 warnings\n");
    assert!(stderr(&o).is_empty());
}

#[test]
fn errors_exit_1_with_every_violation_and_a_summary() {
    let o = run(&["tests/invalid/currency-not-legal-tender.json"]);
    assert_eq!(o.status.code(), Some(1));
    let expected = std::fs::read_to_string("tests/invalid/currency-not-legal-tender.expected").unwrap();
    assert_eq!(stdout(&o), expected);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "error[currency-not-legal-tender] /funding/0/amount/currency: EUR was not legal tender on 1998-12-31, \
         the value date of funding `eur-1998`: it was first issued on 1999-01-01"
    );
    assert_eq!(lines.last(), Some(&"4 errors, 2 warnings"));
    assert!(stderr(&o).is_empty());
}

#[test]
fn warnings_alone_exit_0() {
    let o = run(&["tests/invalid/reported-pair-unchecked.json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).ends_with("0 errors, 3 warnings\n"), "{}", stdout(&o));
}

#[test]
fn rates_given_make_a_pair_checkable() {
    // The ECB has no quetzal; with Banguat's rate the GTQ pair is checked
    // (and consistent: $310m at 7.7237 is GTQ 2.394bn, reported as 2.4bn).
    let rates = scratch("banguat.csv", "date,base,quote,rate\n2021-06-04,USD,GTQ,7.7237\n");
    let o = run(&["tests/invalid/reported-pair-unchecked.json", "--rates", &rates]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains("GTQ"), "{out}");
    assert!(out.ends_with("0 errors, 2 warnings\n"), "{out}");

    // A rate that makes the reported figure wrong turns the warning into an error.
    let rates = scratch("wrong.csv", "date,base,quote,rate\n2021-06-07,USD,GTQ,9\n");
    let o = run(&["tests/invalid/reported-pair-unchecked.json", "--rates", &rates]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with(
            "error[reported-pair-inconsistent] /funding/0/reported_as/0: funding `aid`: GTQ 2.4bn for $310m on \
             2021-06-07 is 13.98% below GTQ 2.79bn at the wrong.csv rate of 2021-06-07"
        ),
        "{}",
        stdout(&o)
    );
}

#[test]
fn unreadable_input_exits_2_saying_where() {
    let bad = scratch(
        "truncated.json",
        "{\"format\": \"statecraft-dossier/1\",\n  \"sources\": [\n",
    );
    let o = run(&[&bad]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).is_empty());
    assert_eq!(
        stderr(&o),
        format!("validate: {bad}: EOF while parsing a list at line 3 column 0 (/sources)\n")
    );

    let wrong = scratch(
        "wrong-type.json",
        "{\"format\": \"statecraft-dossier/1\",\n  \"sources\": 5}\n",
    );
    let o = run(&[&wrong]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!("validate: {wrong}: invalid type: integer `5`, expected a sequence at line 2 column 14 (/sources)\n")
    );

    let o = run(&["no/such/file.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("validate: cannot read no/such/file.json: "),
        "{}",
        stderr(&o)
    );

    let rates = scratch("bad-rates.csv", "date,base,quote,rate\n2021-06-04,USD,GTQ,x\n");
    let o = run(&["examples/data/guatemala-2021.json", "--rates", &rates]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        format!("validate: {rates}: line 2, column 4: invalid USD/GTQ rate `x`: no digits\n")
    );
}

#[test]
fn bad_arguments_exit_2_with_usage() {
    for args in [
        &[][..],
        &["a.json", "b.json"],
        &["a.json", "--rates"],
        &["--json", "a.json"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).starts_with("validate: "), "{args:?}");
    }
    assert_eq!(
        stderr(&run(&[])),
        "validate: usage: validate FILE.json [--rates FILE.csv] [--format text|json]\n"
    );
}

#[test]
fn help_prints_usage_on_stdout_and_exits_0() {
    for args in [&["--help"][..], &["-h"], &["a.json", "--help"]] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert_eq!(
            stdout(&o),
            "usage: validate FILE.json [--rates FILE.csv] [--format text|json]\n",
            "{args:?}"
        );
        assert_eq!(stderr(&o), "", "{args:?}");
    }
}
