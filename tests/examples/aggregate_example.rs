//! The `aggregate` example, run as a user would, against the totals that
//! `shared/bench/exact_reference.py` computed for the same records (see
//! `tests/data/README.md`): no Python needed here.

#![cfg(feature = "ecb-snapshot")]

use std::path::{Path, PathBuf};
use std::process::Output;

use statecraft::aggregate::By;
use statecraft::fx::EcbRates;
use statecraft::records::FundingFile;
use statecraft::{Aggregator, CountryGroup, Currency, Decimal, Dimension, NaiveDate};

use crate::example_bin::{self, text};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn run(args: &[&str]) -> Output {
    example_bin::run("aggregate", args)
}

/// A reference file of `key,total` rows as the example writes them: with
/// the count of undisclosed records (none in these files).
fn with_undisclosed(reference: &str) -> String {
    reference.lines().map(|l| format!("{l},0\n")).collect()
}

fn records() -> String {
    data("funding-2000.csv").to_str().unwrap().to_string()
}

#[test]
fn totals_by_recipient_equal_the_exact_reference_to_the_cent() {
    for (code, expected) in [
        ("USD", "funding-2000.usd-by-recipient.csv"),
        ("GBP", "funding-2000.gbp-by-recipient.csv"),
    ] {
        let o = run(&[&records(), "--to", code, "--by", "recipient"]);
        let err = text(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{err}");
        let reference = std::fs::read_to_string(data(expected)).unwrap();
        assert_eq!(
            text(&o.stdout),
            format!("recipient,total,undisclosed\n{}", with_undisclosed(&reference)),
            "{code}"
        );
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(
            lines[0], "read 2000 records: 2000 aggregated, 0 undisclosed, 0 rejected",
            "{err}"
        );
        assert!(
            lines[1].contains(" in 142 groups, converted at the rate of each record's date; "),
            "{err}"
        );
        assert!(lines[1].ends_with(" s"), "{err}");
        // Not a terminal: no progress indicator.
        assert_eq!(lines.len(), 2, "{err}");
    }
}

#[test]
fn an_ecb_file_given_as_rates_gives_the_same_totals() {
    let ecb = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/eurofxref-hist.csv");
    let o = run(&[
        &records(),
        "--to",
        "USD",
        "--rates",
        ecb.to_str().unwrap(),
        "--threads",
        "3",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let reference = std::fs::read_to_string(data("funding-2000.usd-by-recipient.csv")).unwrap();
    assert_eq!(
        text(&o.stdout),
        format!("recipient,total,undisclosed\n{}", with_undisclosed(&reference))
    );
}

#[test]
fn other_dimensions_and_a_fixed_date_agree_with_the_library() {
    let at = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
    for by in [
        "stage",
        "year",
        "subregion",
        "intermediate-region",
        "region,stage",
        "donor,month",
    ] {
        let o = run(&[&records(), "--to", "EUR", "--by", by, "--at", "2021-06-07"]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let mut agg = Aggregator::new(
            EcbRates::embedded(),
            Currency::EUR,
            by.parse::<statecraft::aggregate::By>().unwrap(),
        )
        .at(at);
        FundingFile::open(data("funding-2000.csv"))
            .unwrap()
            .aggregate_into(&mut agg)
            .unwrap();
        let mut expected = Vec::new();
        agg.totals().unwrap().write_csv(&mut expected).unwrap();
        assert_eq!(text(&o.stdout), text(&expected), "{by}");
        assert!(text(&o.stdout).starts_with(&format!("{by},total,undisclosed\n")));
        assert!(text(&o.stderr).contains("converted at the rates of 2021-06-07"));
    }
    let by_stage = run(&[&records(), "--by", "stage"]);
    assert!(
        text(&by_stage.stdout).starts_with("stage,total,undisclosed\npledged,"),
        "{}",
        text(&by_stage.stdout)
    );
}

#[test]
fn by_group_uses_the_built_in_groups() {
    let at = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
    for (arg, by) in [
        ("group", By::new(Dimension::group(CountryGroup::builtin()))),
        (
            "group:northern-triangle,year",
            By::pair(
                Dimension::group(CountryGroup::find("northern-triangle").unwrap()),
                Dimension::Year,
            ),
        ),
    ] {
        let o = run(&[&records(), "--by", arg, "--at", "2021-06-07"]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let mut agg = Aggregator::new(EcbRates::embedded(), Currency::USD, by).at(at);
        FundingFile::open(data("funding-2000.csv"))
            .unwrap()
            .aggregate_into(&mut agg)
            .unwrap();
        let mut expected = Vec::new();
        agg.totals().unwrap().write_csv(&mut expected).unwrap();
        assert_eq!(text(&o.stdout), text(&expected), "{arg}");
    }
    // Each built-in group sums its members' records: the Northern
    // Triangle's total is that of GT, HN and SV, to the cent of rounding.
    let by_group = text(&run(&[&records(), "--by", "group"]).stdout);
    let by_recipient = text(&run(&[&records(), "--by", "recipient"]).stdout);
    let row = |csv: &str, key: &str| -> Decimal {
        csv.lines()
            .find_map(|l| l.strip_prefix(&format!("{key},")))
            .and_then(|rest| rest.split(',').next())
            .unwrap_or_else(|| panic!("no row {key} in {csv}"))
            .parse()
            .unwrap()
    };
    let members: Decimal = ["GT", "HN", "SV"].iter().map(|c| row(&by_recipient, c)).sum();
    assert!((row(&by_group, "Northern Triangle") - members).abs() <= Decimal::new(2, 2));
    assert!(by_group.contains("\n(ungrouped),"), "{by_group}");
}

#[test]
fn rejected_records_are_counted_and_the_first_shown() {
    let dir = std::env::temp_dir().join(format!("statecraft-aggregate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.csv");
    std::fs::write(
        &path,
        "id,date,donor,recipient,stage,amount,currency\n\
         1,2021-06-07,US,GT,committed,100,EUR\n\
         2,2021-06-07,US,GT,committed,100,GTQ\n\
         3,2021-02-30,US,HN,committed,5,USD\n\
         4,2021-06-07,US,SV,announced,,\n\
         5,1998-12-31,US,SV,committed,5,EUR\n",
    )
    .unwrap();
    let o = run(&[path.to_str().unwrap(), "--to", "USD"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    // Salvador's one record has no amount: no total, not 0.00.
    assert_eq!(text(&o.stdout), "recipient,total,undisclosed\nGT,121.62,0\nSV,,1\n");
    let err = text(&o.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[..5],
        [
            "read 5 records: 1 aggregated, 1 undisclosed, 3 rejected (1 unreadable, 2 no-rate)",
            "first rejections:",
            "  line 3: no ECB rate for GTQ on 2021-06-07: GTQ is not quoted",
            "  line 4: column 2 (date): invalid date `2021-02-30`: expected a calendar date as YYYY-MM-DD",
            "  line 6: no ECB rate for USD on 1998-12-31: ECB rates for USD start on 1999-01-04",
        ],
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn unreadable_input_and_bad_arguments_exit_2() {
    let missing = run(&["/nonexistent/funding.csv"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        text(&missing.stderr)
            .starts_with("aggregate: /nonexistent/funding.csv: cannot open `/nonexistent/funding.csv`: "),
        "{}",
        text(&missing.stderr)
    );
    assert!(missing.stdout.is_empty());
    let not_records = run(&[Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("Cargo.toml")
        .to_str()
        .unwrap()]);
    assert_eq!(not_records.status.code(), Some(2));
    assert!(text(&not_records.stderr)
        .contains(": line 1: expected the header `id,date,donor,recipient,stage,amount,currency`, found `[package]`"));
    let usage = "usage: aggregate FILE.csv [--to CODE] [--by DIMENSION[,DIMENSION]] (recipient, donor, region, subregion, intermediate-region, group, group:ID, stage, year, month) [--rates FILE.csv] [--at YYYY-MM-DD] [--threads N] [--format csv|json] [--strict] [--svg FILE.svg]\n       aggregate FILE.xml|DIR... [--to CODE] [--by recipient|donor|year] [--types 3,4] [--rates FILE.csv] [--at YYYY-MM-DD] [--threads N] [--strict]\n";
    for (args, message) in [
        (&["--to", "USD"][..], "aggregate: no input file\n"),
        (&["f.csv", "--to", "XYZ"], "aggregate: --to: unknown currency code `XYZ`\n"),
        (&["f.csv", "--by", "planet"], "aggregate: --by: unknown dimension `planet`: expected recipient, donor, region, subregion, intermediate-region, stage, year or month, or two of them joined by a comma\n"),
        (&["f.csv", "--by", "group:g20"], "aggregate: --by: unknown country group `g20`: built in are northern-triangle, sica, g7 and eu\n"),
        (&["f.csv", "--at", "2021-02-30"], "aggregate: --at: invalid date `2021-02-30`: expected YYYY-MM-DD\n"),
        (&["f.csv", "--threads", "two"], "aggregate: --threads: invalid count `two`\n"),
        (&["f.csv", "--rates"], "aggregate: --rates needs a value\n"),
        (&["f.csv", "--frobnicate"], "aggregate: unknown option `--frobnicate`\n"),
        (&["f.csv", "g.csv"], "aggregate: unexpected argument `g.csv`\n"),
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&o.stderr), format!("{message}{usage}"), "{args:?}");
    }
    let bad_rates = run(&[&records(), "--rates", "/nonexistent/rates.csv"]);
    assert_eq!(bad_rates.status.code(), Some(2));
    assert!(text(&bad_rates.stderr).starts_with("aggregate: cannot open `/nonexistent/rates.csv`: "));
}

#[test]
fn a_table_of_rates_of_ones_own_comes_before_the_ecb() {
    let dir = std::env::temp_dir().join(format!("statecraft-aggregate-rates-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let rates = dir.join("banguat.csv");
    std::fs::write(&rates, "date,base,quote,rate\n2021-06-04,USD,GTQ,7.7237\n").unwrap();
    let records = dir.join("gtq.csv");
    std::fs::write(
        &records,
        "id,date,donor,recipient,stage,amount,currency\n\
         1,2021-06-07,US,GT,committed,77237,GTQ\n\
         2,2021-06-07,US,GT,committed,10,USD\n",
    )
    .unwrap();
    let o = run(&[
        records.to_str().unwrap(),
        "--to",
        "USD",
        "--rates",
        rates.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), "recipient,total,undisclosed\nGT,10010.00,0\n");
    std::fs::remove_dir_all(&dir).unwrap();
}
