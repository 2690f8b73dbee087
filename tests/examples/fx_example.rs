//! The `convert` example, run as a user would: its first line, its
//! verdicts and its exit codes.

#![cfg(feature = "ecb-snapshot")]

use std::path::PathBuf;
use std::process::Output;

use crate::example_bin;

fn run(args: &[&str]) -> Output {
    example_bin::run("convert", args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn converts_exactly_and_explains() {
    let o = run(&["$310m", "GBP", "2021-06-07", "--check", "£219m"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "218761305.7062983061996382174 GBP");
    assert_eq!(lines[1], "$310m = £218.8m (GBP 218,761,305.71)");
    assert_eq!(lines[2], "rate: 1 USD = 0.7056816313106396974181877981 GBP (cross)");
    assert_eq!(lines[3], "rate of 2021-06-07, source: ECB");
    assert_eq!(
        lines[4],
        "  leg: 1 USD = 0.8222331853313599736885380694 EUR (ECB, 2021-06-07, inverse of 1 EUR = 1.2162 USD)"
    );
    assert_eq!(lines[5], "  leg: 1 EUR = 0.85825 GBP (ECB, 2021-06-07)");
    assert!(
        lines[6].starts_with("check: £219m for $310m on 2021-06-07 is 0.11% above £218.8m"),
        "{}",
        lines[6]
    );
    assert!(lines[6].ends_with(": consistent"));
    assert!(stderr(&o).is_empty());
}

#[test]
fn an_inconsistent_pair_exits_1() {
    let o = run(&["$310m", "GBP", "2021-04-26", "--check", "£219m"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert_eq!(out.lines().next(), Some("223105088.95324782788580885395 GBP"));
    assert!(out.lines().last().unwrap().ends_with(
        "1.84% below £223.1m at the ECB rate of 2021-04-26, outside ±1.23% (rounding 0.23% + margin 1%): inconsistent"
    ));
}

#[test]
fn crosses_a_rates_file_with_the_ecb() {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("banguat.csv");
    std::fs::write(&path, "date,base,quote,rate\n2021-06-04,USD,GTQ,7.7237\n").unwrap();
    let o = run(&["Q75k", "GBP", "2021-06-07", "--rates", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    // 75000 × 0.85825 ÷ (7.7237 × 1.2162)
    assert_eq!(lines[0], "6852.4311338216110551114213207 GBP");
    assert_eq!(
        lines[3],
        "rate of 2021-06-04 (the latest on or before 2021-06-07), source: banguat.csv + ECB"
    );
    assert!(
        lines[4].contains("(banguat.csv, 2021-06-04, inverse of 1 USD = 7.7237 GTQ)"),
        "{}",
        lines[4]
    );
    assert!(lines[5].contains("(ECB, 2021-06-07, cross)"), "{}", lines[5]);
}

/// The done-when lines of issue 13: rates fixed by law, chained first.
#[test]
fn redenominations_and_euro_conversion_rates_are_fixed_by_law() {
    let lines = |args: &[&str]| {
        let o = run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        stdout(&o).lines().map(str::to_string).collect::<Vec<_>>()
    };
    let sle = lines(&["SLL 1,000,000", "SLE", "2022-07-01"]);
    assert_eq!(sle[0], "1000 SLE");
    assert_eq!(sle[2], "rate: 1 SLL = 0.001 SLE (fixed)");
    assert_eq!(
        sle[4],
        "fixed by law, not a market rate: 1 SLE = 1000 SLL (redenomination from 2022-07-01, Bank of Sierra Leone: \
         the redenominated leone of 2022-07-01)"
    );
    let dem = lines(&["DEM 5m", "EUR", "2003-05-05"]);
    assert_eq!(dem[0], "2556459.4059810924262333638404 EUR");
    assert!(dem[4]
        .contains("1 EUR = 1.95583 DEM (euro conversion rate from 1999-01-01, Council Regulation (EC) No 2866/98"));
    // "DM" is the Mark's symbol; in dollars, the fixed rate then the ECB's.
    let dm = lines(&["DM 5m", "USD", "2003-05-05"]);
    assert_eq!(dm[0], "2867836.1616295894837485875562 USD");
    assert_eq!(
        dm[3],
        "rate of 2003-05-05, source: Council Regulation (EC) No 2866/98 (CELEX 31998R2866) + ECB"
    );
    let hrk = lines(&["HRK 1000", "EUR", "2023-06-01"]);
    assert!(hrk[0].starts_with("132.72"), "{}", hrk[0]);
    assert_eq!(
        hrk[3],
        "rate in force from 2023-01-01, source: Council Regulation (EU) 2022/1208 (CELEX 32022R1208)"
    );
    assert!(hrk[4].contains("1 EUR = 7.53450 HRK"), "{}", hrk[4]);
    // C$ is the córdoba: no source has it, and the error says NIO.
    let o = run(&["C$5m", "USD", "2021-06-07"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no ECB rate for NIO on 2021-06-07: NIO is not quoted"),
        "{}",
        stderr(&o)
    );
    // Before the redenomination there is no new leone.
    let o = run(&["SLE 5", "USD", "2021-06-07"]);
    assert_eq!(
        stderr(&o),
        "convert: no ECB rate for SLE on 2021-06-07: SLE was first issued on 2022-07-01\n"
    );
}

#[test]
fn bad_input_is_one_line_on_stderr_and_exit_2() {
    let bad_file = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bad-rates.csv");
    std::fs::write(&bad_file, "date,base,quote,rate\n2021-06-04,USD,GTQ,7,72\n").unwrap();
    let bad_file = bad_file.to_str().unwrap();
    let cases: [(&[&str], String); 8] = [
        (
            &["$1", "XYZ", "2021-06-07"],
            "convert: unknown currency code `XYZ`".into(),
        ),
        (
            &["$1", "GBP", "2021-13-01"],
            "convert: invalid date `2021-13-01`: expected YYYY-MM-DD".into(),
        ),
        (
            &["1", "GBP", "2021-06-07"],
            "convert: invalid amount `1`: no currency".into(),
        ),
        (
            &["Q75k", "GBP", "2021-06-07"],
            "convert: no rate from GTQ to GBP on 2021-06-07 in any source: no fixed rate for GTQ on 2021-06-07: GTQ is \
             not quoted; no ECB rate for GTQ on 2021-06-07: GTQ is not quoted (give rates for it with --rates FILE.csv)"
                .into(),
        ),
        (
            &["$1", "GBP", "2030-01-01"],
            "convert: no ECB rate for USD on 2030-01-01: the ECB data ends on 2026-10-30, more than 7 days before"
                .into(),
        ),
        (
            &["$1", "GBP", "2021-06-07", "--rates", bad_file],
            format!("convert: {bad_file}: line 2, column 5: expected 4 fields, found 5"),
        ),
        (
            &["$1", "GBP", "2021-06-07", "--check", "lots"],
            "convert: --check: invalid amount `lots`: no digits".into(),
        ),
        (
            &["$1", "GBP"],
            "convert: usage: convert AMOUNT TO DATE [--rates FILE.csv] [--check REPORTED]".into(),
        ),
    ];
    for (args, msg) in cases {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr(&o), format!("{msg}\n"), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}
