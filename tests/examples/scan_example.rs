//! The `notation` and `scan` examples, run as a user would.

#![cfg(feature = "ecb-snapshot")]

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

use crate::example_bin;

fn run(example: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(example_bin::path(example))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// `notation --tsv`: input, kind, qualifier, low, high, unit (or the
/// message), as issue 14 specifies.
#[test]
fn notation_tsv() {
    let inputs = [
        "$310m",
        "about $4bn",
        "more than £200m",
        "up to $1bn",
        "$3-4bn",
        "between £5m and £6m",
        "nearly 6 million doses",
        "3 to 4 million",
        "$310m (£219m)",
        "1 GBp",
        "more than 40%",
        "500,000",
        "$1,00,000",
    ];
    let o = run("notation", &[&["--tsv"][..], &inputs[..]].concat(), None);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stdout(&o),
        "\
$310m\tmoney\texact\t310000000\t310000000\tUSD
about $4bn\tmoney\tabout\t3500000000\t4500000000\tUSD
more than £200m\tmoney\tmore-than\t200000000\t\tGBP
up to $1bn\tmoney\tup-to\t0\t1000000000\tUSD
$3-4bn\tmoney\trange\t3000000000\t4000000000\tUSD
between £5m and £6m\tmoney\trange\t5000000\t6000000\tGBP
nearly 6 million doses\tcount\tapproaching\t5500000\t6000000\tdoses
3 to 4 million\tcount\trange\t3000000\t4000000\t
$310m (£219m)\tpair\texact\t310000000\t310000000\tUSD
1 GBp\tmoney\texact\t0.01\t0.01\tGBP
more than 40%\tpercent\tmore-than\t40\t\t
500,000\tcount\texact\t500000\t500000\t
$1,00,000\terror\t\t\t\tinvalid figure `$1,00,000`: bad digit grouping
"
    );
    let o = run("notation", &["--tsv", "$310m"], None);
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn scan_matches_every_figure_of_the_notes_to_the_dossier() {
    let o = run(
        "scan",
        &[
            "examples/data/guatemala-2021-notes.txt",
            "--dossier",
            "examples/data/guatemala-2021.json",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    let figures = out.lines().filter(|l| !l.starts_with("    ")).count();
    let matched = out.lines().filter(|l| l.trim_start().starts_with("= ")).count();
    assert_eq!((figures, matched), (8, 8), "{out}");
    assert!(!out.contains("not in the dossier"), "{out}");
    assert!(out.contains(
        "checked at the date of source seed-article: £219m for $310m on 2021-06-07 is 0.11% above £218.8m \
         at the ECB rate of 2021-06-07, within ±1.23% (rounding 0.23% + margin 1%): consistent"
    ));
    assert!(out.contains("= statistic us-border-2021-04 (a share of it: more than 40%)"));
    assert!(out.contains("= vaccine allocation us-covid-25m-mx (doses)"));
}

#[test]
fn scan_reads_standard_input_and_says_what_is_not_in_the_dossier() {
    let o = run(
        "scan",
        &["--dossier", "examples/data/guatemala-2021.json"],
        Some("Aid rose to about $4bn, and $1,00,000 went missing."),
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        concat!(
            "     12..22  money    about $4bn  [about $4bn]\n",
            "             not in the dossier\n",
            "     28..37  unread   $1,00,000  [invalid figure `$1,00,000`: bad digit grouping]\n",
        )
    );
    let o = run("scan", &["no/such/file.txt"], None);
    assert_eq!(o.status.code(), Some(2));
}
