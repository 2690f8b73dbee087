//! The `validate` example, run as a user would: its output and its exit
//! codes (0 without errors, 1 with, 2 when the input cannot be read),
//! and the rates it checks reported pairs at: fixed by law, then
//! `--rates`, then the ECB's.

#![cfg(feature = "ecb-snapshot")]

use std::path::PathBuf;
use std::process::Output;

use crate::example_bin;

fn run(args: &[&str]) -> Output {
    example_bin::run("validate", args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A file under cargo's scratch directory for tests, in a folder of its
/// own: `fx_example` writes files of the same names in the same binary.
fn scratch(name: &str, content: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("validate_example");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
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
    // The library's report at the ECB rates alone (the `.expected` file)
    // cannot check the kuna pairs of 2023; the example asks the rates
    // fixed by law first, so it checks both: `hrk-2023`'s is consistent
    // at 7.53450, `usd-2021`'s is not, and the two warnings go.
    let ecb_only = std::fs::read_to_string("tests/invalid/currency-not-legal-tender.expected").unwrap();
    let unchecked: Vec<&str> = ecb_only
        .lines()
        .filter(|l| l.starts_with("warning[reported-pair-unchecked]"))
        .collect();
    assert_eq!(unchecked.len(), 2, "{ecb_only}");
    let mut expected: Vec<&str> = ecb_only
        .lines()
        .filter(|l| !unchecked.contains(l) && !l.ends_with(" warnings"))
        .collect();
    let inconsistent = "error[reported-pair-inconsistent] /funding/3/reported_as/0: funding `usd-2021`: kn 1.5bn for \
                        $310m on 2023-02-01 is 30.04% below kn 2.144bn at the ECB + Council Regulation (EU) \
                        2022/1208 (CELEX 32022R1208) rate of 2023-02-01, outside ±4.33% (rounding 3.33% + margin \
                        1%): inconsistent";
    expected.insert(3, inconsistent);
    expected.push("5 errors, 0 warnings");
    let out = stdout(&o);
    assert_eq!(out.lines().collect::<Vec<_>>(), expected);
    assert_eq!(
        expected[0],
        "error[currency-not-legal-tender] /funding/0/amount/currency: EUR was not legal tender on 1998-12-31, \
         the value date of funding `eur-1998`: it was first issued on 1999-01-01"
    );
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

/// A dossier whose one funding entry, EUR 1,000,000, a report of
/// 2023-01-10 printed in kuna as `reported`.
fn kuna_dossier(reported: &str) -> String {
    format!(
        r#"{{
  "format": "statecraft-dossier/2",
  "sources": [{{ "id": "report", "title": "A report", "published": "2023-01-10" }}],
  "funding": [{{
    "id": "aid",
    "donor": "DE",
    "stage": "announced",
    "amount": {{ "amount": "1000000", "currency": "EUR" }},
    "reported_as": [{{ "amount": "{reported}", "currency": "HRK" }}],
    "announced": "2023-01-10",
    "source": "report"
  }}]
}}"#
    )
}

#[test]
fn a_pair_in_a_currency_the_euro_replaced_is_checked_at_the_fixed_rate() {
    // Croatia joined the euro on 2023-01-01 at 7.53450 kuna; the ECB
    // stopped quoting HRK, but the kuna stayed legal tender to 2023-01-14.
    let right = scratch("kuna-right.json", &kuna_dossier("7534500"));
    let o = run(&[&right]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "0 errors, 0 warnings\n");

    let off = scratch("kuna-off.json", &kuna_dossier("7700000"));
    let o = run(&[&off]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        "error[reported-pair-inconsistent] /funding/0/reported_as/0: funding `aid`: kn 7.7m for €1m on 2023-01-10 \
         is 2.2% above kn 7.534m at the Council Regulation (EU) 2022/1208 (CELEX 32022R1208) rate of \
         2023-01-01, outside ±1.65% (rounding 0.65% + margin 1%): inconsistent\n1 error, 0 warnings\n"
    );

    // The fixed rate is asked before a table given with --rates.
    let rates = scratch("kuna.csv", "date,base,quote,rate\n2023-01-10,EUR,HRK,7.7\n");
    let o = run(&[&right, "--rates", &rates]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
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
