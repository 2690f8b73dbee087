//! A catalogue of bad input, one file per case, with what the crate answers
//! pinned next to it: `tests/bad_input/<kind>/<case>.<ext>` and
//! `<case>.expected`.
//!
//! Kinds: `money`, `count`, `country`, `currency` (the file holds the text
//! given to `FromStr`), `figure` (the text given to `Reading::parse_in`
//! with no country of publication: the kind and the reading), `scan` (a
//! news text given to the scanner: every figure found, with its span), `ecb` (an ECB rates file), `rate_table` (a
//! `date,base,quote,rate` file), `records` (a funding-records file: every
//! record or error, one per line), `dossier` (a dossier in JSON), `iati`
//! (an IATI activity file: every rejected transaction, then the counts or
//! the error that stopped the file). An
//! accepted input is pinned as `ok: ...`, so a case documents what is let
//! through as well as what is refused.
//!
//! `STATECRAFT_REGENERATE=1 cargo test --test examples bad_input` writes the
//! `.expected` files from what the crate answers; review the diff.
//!
//! Then one table: a number gets the same answer, and the same message,
//! in money notation, funding records, rate tables, ECB files and JSON
//! amounts.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use statecraft::fx::{EcbRates, FxError, ParseErrorKind, RateSource, RateTable};
use statecraft::money::SymbolContext;
use statecraft::notation::Reading;
use statecraft::records::{Reader, RecordErrorKind};
use statecraft::scan::Scanner;
use statecraft::{Count, Country, Currency, Decimal, Dossier, Flow, Money, NaiveDate};

fn answer(kind: &str, bytes: &[u8]) -> String {
    let text = || std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8: {e}"));
    let shown = |r: Result<String, String>| match r {
        Ok(v) => format!("ok: {v}"),
        Err(e) => format!("error: {e}"),
    };
    match kind {
        "money" => shown(text().and_then(|t| t.parse::<Money>().map(|m| m.to_string()).map_err(|e| e.to_string()))),
        "count" => shown(text().and_then(|t| t.parse::<Count>().map(|c| c.to_string()).map_err(|e| e.to_string()))),
        "figure" => shown(text().and_then(|t| {
            Reading::parse_in(t, &SymbolContext::international())
                .map(|r| format!("{} {r}", r.kind()))
                .map_err(|e| e.to_string())
        })),
        "scan" => match text() {
            Err(e) => format!("error: {e}"),
            Ok(t) => {
                let mut out = String::new();
                for f in Scanner::default().scan(t) {
                    let span = f.span();
                    match f.reading() {
                        Ok(r) => writeln!(out, "{span:?} {} {r}", r.kind()),
                        Err(e) => writeln!(out, "{span:?} unreadable: {e}"),
                    }
                    .unwrap();
                }
                if out.is_empty() {
                    out.push_str("no figures");
                }
                out.trim_end().to_string()
            }
        },
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
                    Ok(statecraft::iati::TransactionOutcome::Rejected(r)) => writeln!(out, "rejected: {r}").unwrap(),
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

/// What a reader answered for a number: its value, or what is wrong with
/// it (the part of the message every reader shares).
type Answer = Result<Decimal, String>;

/// The number in money notation, after a code: `USD {text}`.
fn notation(text: &str) -> Answer {
    format!("USD {text}")
        .parse::<Money>()
        .map(|m| m.amount())
        .map_err(|e| e.kind().to_string())
}

/// The number as the amount of a funding record, quoted (RFC 4180).
fn records_csv(text: &str) -> Answer {
    let csv = format!(
        "{}\n1,2021-06-07,US,GT,committed,\"{text}\",USD\n",
        statecraft::records::HEADER
    );
    match Reader::new(csv.as_bytes()).next().unwrap() {
        Ok(r) => Ok(r.amount().unwrap().amount()),
        Err(e) => match e.kind() {
            RecordErrorKind::Amount(_, kind) => Err(kind.to_string()),
            _ => panic!("{e}"),
        },
    }
}

/// What a rate reader said: the rate, or what is wrong with the number
/// (a number that is not positive is refused as a rate).
fn rate_answer(r: Result<Decimal, FxError>) -> Answer {
    match r {
        Ok(v) => Ok(v),
        Err(FxError::Parse {
            kind: ParseErrorKind::BadRate { kind, .. },
            ..
        }) => Err(kind.to_string()),
        Err(FxError::Parse {
            kind: ParseErrorKind::NonPositiveRate { .. },
            ..
        }) => Err("a rate must be positive".into()),
        Err(e) => panic!("{e}"),
    }
}

/// The number as the rate of a rate table, quoted.
fn rate_table(text: &str) -> Answer {
    let day = NaiveDate::from_ymd_opt(2021, 6, 4).unwrap();
    let csv = format!("date,base,quote,rate\n2021-06-04,USD,GTQ,\"{text}\"\n");
    rate_answer(RateTable::from_csv(csv.as_bytes()).map(|t| t.rate(Currency::USD, Currency::GTQ, day).unwrap().value()))
}

/// The number as a rate of an ECB file, quoted.
fn ecb_file(text: &str) -> Answer {
    let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
    let csv = format!("Date,USD,\n2021-06-07,\"{text}\",\n");
    rate_answer(EcbRates::from_csv(csv.as_bytes()).map(|e| e.rate(Currency::EUR, Currency::USD, day).unwrap().value()))
}

/// The number as a JSON amount (a string, as the dossier format has it).
fn json_amount(text: &str) -> Answer {
    let json = serde_json::json!({"amount": text, "currency": "USD"});
    match serde_json::from_value::<Money>(json) {
        Ok(m) => Ok(m.amount()),
        Err(e) => {
            let message = e.to_string();
            let prefix = format!("invalid amount `{text}`: ");
            Err(message
                .strip_prefix(&prefix)
                .unwrap_or_else(|| panic!("{message}"))
                .to_string())
        }
    }
}

#[test]
fn a_number_gets_the_same_answer_in_every_format() {
    let ok = |s: &str| -> Answer { Ok(s.parse().unwrap()) };
    let err = |s: &str| -> Answer { Err(s.into()) };
    let positive = || err("a rate must be positive");
    let huge = "99999999999999999999999999999";
    let digits29 = "12345678901234567890123456789";
    let places29 = "0.00000000000000000000000000001";
    // (number, what every format answers, what money notation answers where its own syntax differs)
    let cases: Vec<(&str, Answer, Option<Answer>)> = vec![
        ("5", ok("5"), None),
        ("+5", ok("5"), None),
        ("−5", ok("-5"), None),
        ("-0", ok("0"), None),
        ("-0.00", ok("0.00"), None),
        (" 5", ok("5"), None),
        ("5\t", ok("5"), None),
        ("007.50", ok("7.50"), None),
        (digits29, ok(digits29), None),
        ("1e5", err("exponents are not accepted"), None),
        ("1.2E-3", err("exponents are not accepted"), None),
        // Money notation groups thousands: `USD 1,000` is a thousand dollars.
        ("1,000", err("digit grouping is not accepted"), Some(ok("1000"))),
        (".5", err("a decimal point needs a digit on each side"), None),
        ("5.", err("a decimal point needs a digit on each side"), None),
        ("1.2.3", err("two decimal points"), None),
        ("--5", err("misplaced sign"), None),
        ("+-5", err("misplaced sign"), None),
        ("- 5", err("misplaced sign"), Some(ok("-5"))),
        ("$5", err("unexpected `$` before the number"), None),
        // In money notation, text after the number is after the amount.
        (
            "12x",
            err("unexpected `x` after the number"),
            Some(err("unexpected `x` after the amount")),
        ),
        // Money notation reads number words: `USD seven` is seven dollars.
        ("seven", err("no digits"), Some(ok("7"))),
        (huge, err("too large for a decimal"), None),
        (
            "9.9999999999999999999999999999",
            err("more significant digits than a decimal holds (28)"),
            None,
        ),
        (places29, err("more than 28 decimal places"), None),
    ];
    for (text, want, in_notation) in cases {
        let as_rate = match &want {
            Ok(d) if *d <= Decimal::ZERO => positive(),
            other => other.clone(),
        };
        let same_scale = |got: &Answer| match (got, &want) {
            (Ok(g), Ok(w)) => g.scale() == w.scale(),
            _ => true,
        };
        for (format, got, expected) in [
            (
                "money notation",
                notation(text),
                in_notation.clone().unwrap_or_else(|| want.clone()),
            ),
            ("records CSV", records_csv(text), want.clone()),
            ("rate table", rate_table(text), as_rate.clone()),
            ("ECB file", ecb_file(text), as_rate.clone()),
            ("JSON amount", json_amount(text), want.clone()),
        ] {
            assert_eq!(got, expected, "{format}: {text:?}");
            assert!(
                format == "ECB file" || same_scale(&got),
                "{format}: {text:?}: scale {got:?}"
            );
        }
    }
}
