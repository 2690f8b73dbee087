//! The rate loaders answer any bytes with rates or an error that says
//! where, and never panic: arbitrary bytes, and real files with one byte
//! changed or a span cut out.
#![cfg(feature = "ecb-snapshot")]

use proptest::prelude::*;
use statecraft::fx::{EcbRates, FxError, RateSource, RateTable};
use statecraft::{Currency, NaiveDate};

/// The first rows of the embedded ECB file.
fn ecb_head() -> &'static str {
    let all = include_str!("../../data/eurofxref-hist.csv");
    let end = all.match_indices('\n').nth(3).map_or(all.len(), |(i, _)| i + 1);
    &all[..end]
}

const TABLE: &str = "date,base,quote,rate\n2021-06-04,USD,GTQ,7.7237\n2021-06-07,USD,HNL,23.95\n";

/// Bytes in memory can only be refused as unreadable, and a refusal must
/// say where: a parse error, on a line from 1 to one past the last line
/// of `input` (a header without rows is refused on line 2) and a column
/// from 1, whose message starts `line L, column C: `.
fn located(e: &FxError, input: &[u8]) -> Result<(), String> {
    let FxError::Parse { line, column, .. } = e else {
        return Err(format!("not a parse error: {e:?}"));
    };
    let breaks = input.iter().filter(|&&b| b == b'\n' || b == b'\r').count() as u64;
    let prefix = format!("line {line}, column {column}: ");
    if *line < 1 || *line > breaks + 2 || *column < 1 {
        return Err(format!("no such place in {breaks} line breaks: {e}"));
    }
    if !e.to_string().starts_with(&prefix) || e.to_string().len() == prefix.len() {
        return Err(format!("the message does not start `{prefix}` and say what: {e}"));
    }
    Ok(())
}

fn exercise(rates: &impl RateSource) {
    let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap_or_default();
    for c in [Currency::USD, Currency::GBP, Currency::GTQ, Currency::JPY] {
        if let Ok(r) = rates.rate(c, Currency::EUR, day) {
            assert!(r.date() <= day);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn ecb_loader_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        match EcbRates::from_csv_bytes(&bytes) {
            Ok(r) => exercise(&r),
            Err(e) => located(&e, &bytes).map_err(TestCaseError::fail)?,
        }
        prop_assert_eq!(EcbRates::from_csv(bytes.as_slice()).is_ok(), EcbRates::from_csv_bytes(&bytes).is_ok());
    }

    #[test]
    fn ecb_loader_takes_a_real_file_with_one_byte_changed(at in 0usize..2000, byte in any::<u8>()) {
        let mut bytes = ecb_head().as_bytes().to_vec();
        let at = at % bytes.len();
        bytes[at] = byte;
        match EcbRates::from_csv_bytes(&bytes) {
            Ok(r) => exercise(&r),
            Err(e) => located(&e, &bytes).map_err(TestCaseError::fail)?,
        }
    }

    #[test]
    fn ecb_loader_takes_a_real_file_with_a_span_cut(at in 0usize..2000, len in 1usize..30) {
        let mut bytes = ecb_head().as_bytes().to_vec();
        let at = at % bytes.len();
        let end = (at + len).min(bytes.len());
        bytes.drain(at..end);
        match EcbRates::from_csv_bytes(&bytes) {
            Ok(r) => exercise(&r),
            Err(e) => located(&e, &bytes).map_err(TestCaseError::fail)?,
        }
    }

    #[test]
    fn rate_table_loader_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        match RateTable::from_csv(bytes.as_slice()) {
            Ok(t) => exercise(&t),
            Err(e) => located(&e, &bytes).map_err(TestCaseError::fail)?,
        }
    }

    #[test]
    fn rate_table_loader_takes_a_real_file_with_one_byte_changed(at in 0..TABLE.len(), byte in any::<u8>()) {
        let mut bytes = TABLE.as_bytes().to_vec();
        bytes[at] = byte;
        match RateTable::from_csv(bytes.as_slice()) {
            Ok(t) => exercise(&t),
            Err(e) => located(&e, &bytes).map_err(TestCaseError::fail)?,
        }
    }
}
