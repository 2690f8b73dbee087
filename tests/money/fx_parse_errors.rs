//! Rates files: every error pinned with its line, column and text, and the
//! variations of the format that are accepted.

use statecraft::fx::{EcbRates, FxError, ParseErrorKind, RateSource, RateTable};
use statecraft::{Currency, NaiveDate};

fn ecb_error(input: &[u8]) -> String {
    EcbRates::from_csv(input).unwrap_err().to_string()
}

fn table_error(input: &[u8]) -> String {
    RateTable::from_csv(input).unwrap_err().to_string()
}

#[test]
fn ecb_file_errors() {
    let cases: &[(&[u8], &str)] = &[
        (b"", "line 1, column 1: empty file: expected a header row"),
        (b"\n\r\n  \n", "line 1, column 1: empty file: expected a header row"),
        (
            b"Datum,USD,\n",
            "line 1, column 1: expected `Date` as the first column, found `Datum`",
        ),
        (
            b"USD,GBP,\n",
            "line 1, column 1: expected `Date` as the first column, found `USD`",
        ),
        (
            b"\nDate,USD,\n",
            "line 1, column 1: expected `Date` as the first column, found ``",
        ),
        (b"Date,USD,XYZ,\n", "line 1, column 3: unknown currency `XYZ`"),
        (
            b"Date,USD,US Dollar,\n",
            "line 1, column 3: unknown currency `US Dollar`",
        ),
        (
            b"Date,USD,\xff\xfe,\n",
            "line 1, column 3: unknown currency `\u{fffd}\u{fffd}`",
        ),
        (
            b"Date,USD,EUR,\n",
            "line 1, column 3: `EUR` cannot be a column: rates are per euro",
        ),
        (
            b"Date,USD,GBP,USD,\n",
            "line 1, column 4: duplicate column `USD` (also column 2)",
        ),
        (b"Date,USD,,GBP,\n", "line 1, column 3: empty column name"),
        (b"Date,USD,\n", "line 2, column 1: no rates after the header"),
        (b"Date,USD,\n\n\n", "line 2, column 1: no rates after the header"),
        (
            b"Date,USD,\n2021-06-07,1.2162\n",
            "line 2, column 3: expected 3 fields, found 2",
        ),
        (
            b"Date,USD,\n2021-06-07\n",
            "line 2, column 2: expected 3 fields, found 1",
        ),
        (
            b"Date,USD,\n2021-06-07,1.2162,0.8,\n",
            "line 2, column 4: expected 3 fields, found 4",
        ),
        (
            b"Date,USD,\n2021-06-07,1.2162,x\n",
            "line 2, column 3: unexpected `x` after the last column",
        ),
        (
            b"Date,USD\n2021-06-07,1.2162,\n",
            "line 2, column 3: expected 2 fields, found 3",
        ),
        (
            b"Date,USD,\n2021-6-7,1.2162,\n",
            "line 2, column 1: invalid date `2021-6-7`: expected a calendar date as YYYY-MM-DD",
        ),
        (
            b"Date,USD,\n2021-02-30,1.2162,\n",
            "line 2, column 1: invalid date `2021-02-30`: expected a calendar date as YYYY-MM-DD",
        ),
        (
            b"Date,USD,\n07/06/2021,1.2162,\n",
            "line 2, column 1: invalid date `07/06/2021`: expected a calendar date as YYYY-MM-DD",
        ),
        (
            b"Date,USD,\n,1.2162,\n",
            "line 2, column 1: invalid date ``: expected a calendar date as YYYY-MM-DD",
        ),
        (
            b"Date,USD,\n2021-06-07,1.2.3,\n",
            "line 2, column 2: invalid USD rate `1.2.3`: two decimal points",
        ),
        (
            b"Date,USD,\n2021-06-07,,\n",
            "line 2, column 2: invalid USD rate ``: empty",
        ),
        (
            b"Date,USD,\n2021-06-07,n/a,\n",
            "line 2, column 2: invalid USD rate `n/a`: no digits",
        ),
        (
            b"Date,USD,\n2021-06-07,1.2e3,\n",
            "line 2, column 2: invalid USD rate `1.2e3`: exponents are not accepted",
        ),
        (
            b"Date,USD,\n2021-06-07,\xff,\n",
            "line 2, column 2: invalid USD rate `\u{fffd}`: no digits",
        ),
        (
            b"Date,USD,\n2021-06-07,-1.2162,\n",
            "line 2, column 2: invalid USD rate `-1.2162`: a rate must be positive",
        ),
        (
            b"Date,USD,\n2021-06-07,0.000,\n",
            "line 2, column 2: invalid USD rate `0.000`: a rate must be positive",
        ),
        (
            b"Date,USD,\n2021-06-07,1.00000000000000000000000000001,\n",
            "line 2, column 2: invalid USD rate `1.00000000000000000000000000001`: more than 28 decimal places",
        ),
        (
            b"Date,USD,GBP,\n2021-06-07,1.2162,0.85825,\n2021-06-04,1.2117,0.8569x,\n",
            "line 3, column 3: invalid GBP rate `0.8569x`: unexpected `x` after the number",
        ),
        (
            b"Date,USD,\n2021-06-07,1.2,\n2021-06-04,1.1,\n2021-06-07,1.3,\n",
            "line 4, column 1: duplicate date 2021-06-07 (first on line 2)",
        ),
        (
            b"Date,USD,\n2021-06-04,1.1,\n\n2021-06-04,1.1,\n",
            "line 4, column 1: duplicate date 2021-06-04 (first on line 2)",
        ),
    ];
    for (input, msg) in cases {
        assert_eq!(ecb_error(input), *msg, "{}", String::from_utf8_lossy(input));
    }
}

#[test]
fn ecb_errors_carry_their_position_and_kind() {
    let e = EcbRates::from_csv(&b"Date,USD,XYZ,\n"[..]).unwrap_err();
    let FxError::Parse { line, column, kind } = e else {
        panic!("{e:?}")
    };
    assert_eq!((line, column), (1, 3));
    assert!(matches!(kind, ParseErrorKind::UnknownCurrency { code } if code.as_str() == "XYZ"));
    let long = format!("Date,USD,\n2021-06-07,{},\n", "9".repeat(100));
    let e = EcbRates::from_csv(long.as_bytes()).unwrap_err().to_string();
    assert_eq!(
        e,
        format!(
            "line 2, column 2: invalid USD rate `{}…`: too large for a decimal",
            "9".repeat(60)
        )
    );
}

#[test]
fn ecb_format_variations_that_are_read() {
    let day = |d| NaiveDate::from_ymd_opt(2021, 6, d).unwrap();
    let inputs: &[&[u8]] = &[
        b"Date,USD,GBP,\n2021-06-07,1.2162,0.85825,\n2021-06-04,1.2117,0.8569,\n",
        b"Date,USD,GBP,\n2021-06-04,1.2117,0.8569,\n2021-06-07,1.2162,0.85825,\n",
        b"Date,USD,GBP\n2021-06-07,1.2162,0.85825\n2021-06-04,1.2117,0.8569",
        b"Date,USD,GBP,\r\n2021-06-07,1.2162,0.85825,\r\n2021-06-04,1.2117,0.8569,\r\n",
        b"\xEF\xBB\xBFDate, USD, GBP,\n2021-06-07, 1.2162, 0.85825,\n\n2021-06-04, 1.2117, 0.8569,\n\n",
        b"date,usd,gbp,\n2021-06-07,1.2162,0.85825,\n2021-06-04,1.2117,0.8569,\n",
    ];
    for input in inputs {
        let ecb = EcbRates::from_csv(*input).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(input)));
        let r = ecb.rate(Currency::USD, Currency::GBP, day(6)).unwrap();
        assert_eq!(r.ratio(), ("0.8569".parse().unwrap(), "1.2117".parse().unwrap()));
        assert_eq!(r.date(), day(4));
        assert_eq!((ecb.first_date(), ecb.last_date()), (day(4), day(7)));
    }
    // Long rates (beyond 16 digits) are kept exactly, spaces and signs read.
    let ecb = EcbRates::from_csv(&b"Date,USD,GBP\n2021-06-07,1.2345678901234567890123,+0.85825\n"[..]).unwrap();
    let r = ecb.rate(Currency::EUR, Currency::USD, day(7)).unwrap();
    assert_eq!(r.value().to_string(), "1.2345678901234567890123");
    assert_eq!(
        ecb.rate(Currency::EUR, Currency::GBP, day(7))
            .unwrap()
            .value()
            .to_string(),
        "0.85825"
    );
    // N/A carries the previous rate forward; a header-only column is never quoted.
    let ecb = EcbRates::from_csv(&b"Date,USD,HRK,\n2021-06-07,N/A,N/A,\n2021-06-04,1.2117,N/A,\n"[..]).unwrap();
    assert_eq!(ecb.rate(Currency::EUR, Currency::USD, day(7)).unwrap().date(), day(4));
    assert_eq!(
        ecb.rate(Currency::EUR, Currency::HRK, day(7)).unwrap_err().to_string(),
        "no ECB rate for HRK on 2021-06-07: HRK is not quoted"
    );
}

#[test]
fn ecb_dates_ten_thousand_years_apart_are_read_and_answered() {
    // Two rows spanning years 1 to 9999 (a per-day index would take
    // 14.6 MB): read, and answered like any other history, for a currency
    // that existed (the US dollar from 1792).
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let ecb = EcbRates::from_csv(&b"Date,USD,\n9999-12-31,2,\n1800-01-01,1,\n0001-01-01,0.5,\n"[..]).unwrap();
    assert_eq!((ecb.first_date(), ecb.last_date()), (ymd(1, 1, 1), ymd(9999, 12, 31)));
    let usd = |on| {
        ecb.rate(Currency::EUR, Currency::USD, on)
            .map(|r| (r.value().to_string(), r.date()))
    };
    assert_eq!(usd(ymd(1800, 1, 8)).unwrap(), ("1".to_string(), ymd(1800, 1, 1)));
    assert_eq!(
        usd(ymd(1, 1, 8)).unwrap_err().to_string(),
        "no ECB rate for USD on 0001-01-08: USD was first issued on 1792-01-01"
    );
    assert_eq!(usd(ymd(9999, 12, 31)).unwrap(), ("2".to_string(), ymd(9999, 12, 31)));
    assert_eq!(
        usd(ymd(5000, 1, 1)).unwrap_err().to_string(),
        "no ECB rate for USD on 5000-01-01: the latest, of 1800-01-01, is 1168776 days old (at most 7 allowed)"
    );
}

#[test]
fn ecb_read_failure() {
    struct Broken;
    impl std::io::Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    assert_eq!(
        EcbRates::from_csv(Broken).unwrap_err().to_string(),
        "cannot read rates: disk on fire"
    );
    assert_eq!(
        RateTable::from_csv(Broken).unwrap_err().to_string(),
        "cannot read rates: disk on fire"
    );
}

#[test]
fn rate_table_errors() {
    let h = "date,base,quote,rate\n";
    let row = |rest: &str| format!("{h}{rest}");
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "line 1, column 1: empty file: expected a header row"),
        ("\n\n".into(), "line 1, column 1: empty file: expected a header row"),
        (
            "date,base,quote\n".into(),
            "line 1, column 1: expected the header `date,base,quote,rate`, found `date,base,quote`",
        ),
        (
            "Date,USD,GBP,\n".into(),
            "line 1, column 1: expected the header `date,base,quote,rate`, found `Date,USD,GBP,`",
        ),
        (
            row("2021-06-04,USD,GTQ\n"),
            "line 2, column 4: expected 4 fields, found 3",
        ),
        (
            row("2021-06-04,USD,GTQ,7,7\n"),
            "line 2, column 5: expected 4 fields, found 5",
        ),
        (
            row("2021-13-04,USD,GTQ,7.7237\n"),
            "line 2, column 1: invalid date `2021-13-04`: expected a calendar date as YYYY-MM-DD",
        ),
        (
            row("2021-06-04,US,GTQ,7.7237\n"),
            "line 2, column 2: unknown currency `US`",
        ),
        (
            row("2021-06-04,USD,XYZ,7.7237\n"),
            "line 2, column 3: unknown currency `XYZ`",
        ),
        (
            row("2021-06-04,USD,usd,1\n"),
            "line 2, column 3: base and quote are both USD",
        ),
        (
            row("2021-06-04,USD,GTQ,seven\n"),
            "line 2, column 4: invalid USD/GTQ rate `seven`: no digits",
        ),
        (
            row("2021-06-04,USD,GTQ,-7.7\n"),
            "line 2, column 4: invalid USD/GTQ rate `-7.7`: a rate must be positive",
        ),
        (
            row("2021-06-04,USD,GTQ,0\n"),
            "line 2, column 4: invalid USD/GTQ rate `0`: a rate must be positive",
        ),
        (
            row("2021-06-04,USD,GTQ,7.7237\n2021-06-07,USD,GTQ,7.7\n2021-06-04,USD,GTQ,7.72\n"),
            "line 4, column 1: duplicate USD/GTQ rate for 2021-06-04 (first on line 2)",
        ),
    ];
    for (input, msg) in cases {
        assert_eq!(table_error(input.as_bytes()), msg, "{input}");
    }
    assert_eq!(
        table_error(b"date,base,quote,rate\n\xff,USD,GTQ,7\n"),
        "line 2, column 1: invalid date `\u{fffd}`: expected a calendar date as YYYY-MM-DD"
    );
}

#[test]
fn rate_table_reads_are_all_or_nothing_and_check_the_table() {
    let day = NaiveDate::from_ymd_opt(2021, 6, 4).unwrap();
    let mut t = RateTable::named("Banguat");
    t.insert(day, Currency::USD, Currency::GTQ, "7.7237".parse().unwrap())
        .unwrap();
    let csv = "date,base,quote,rate\n2021-06-03,USD,GTQ,7.72\n2021-06-04,USD,GTQ,7.7237\n";
    assert_eq!(
        t.read_csv(csv.as_bytes()).unwrap_err().to_string(),
        "line 3, column 1: the table already has a USD/GTQ rate for 2021-06-04"
    );
    assert_eq!(t.len(), 1);
    // Header in any case, spaces, quotes, blank lines, a byte-order mark, CRLF.
    let csv = "\u{feff}Date, Base, Quote, Rate\r\n\r\n2021-06-03, usd ,\"GTQ\", 7.72 \r\n2021-06-03,USD,HNL,24.05\r\n";
    assert_eq!(t.read_csv(csv.as_bytes()).unwrap(), 2);
    assert_eq!(t.len(), 3);
    assert_eq!(
        t.pairs().collect::<Vec<_>>(),
        [(Currency::USD, Currency::GTQ), (Currency::USD, Currency::HNL)]
    );
    let r = t
        .rate(
            Currency::USD,
            Currency::GTQ,
            NaiveDate::from_ymd_opt(2021, 6, 3).unwrap(),
        )
        .unwrap();
    assert_eq!(r.value().to_string(), "7.72");
}
