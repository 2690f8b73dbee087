//! The funding-records CSV reader: any bytes are records or errors with a
//! location; what reads writes back to itself; nothing is lost when
//! aggregating.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft::fx::{FxError, Rate, RateSource};
use statecraft::records::{Reader, Writer};
use statecraft::{Aggregator, Currency, Decimal, Dimension, NaiveDate};

struct Par;

impl RateSource for Par {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        Rate::new(from, to, Decimal::ONE, on, "par")
    }
}

fuzz_target!(|data: &[u8]| {
    let mut records = Vec::new();
    for item in Reader::new(data) {
        match item {
            Ok(r) => records.push(r),
            Err(e) => {
                // Errors say where, and print without panicking.
                let _ = e.to_string();
            }
        }
    }
    // What was read writes back and reads again to the same records.
    let mut w = Writer::new(Vec::new());
    for r in &records {
        w.write(r).expect("a record that was read can be written");
    }
    let bytes = w.into_inner().expect("writing to memory does not fail");
    let again: Vec<_> = Reader::new(bytes.as_slice()).collect::<Result<_, _>>().expect("written records read back");
    assert_eq!(again, records);
    // Aggregating loses nothing.
    let mut agg = Aggregator::new(Par, Currency::USD, Dimension::Recipient);
    if Reader::new(data).aggregate_into(&mut agg).is_ok() {
        // A total beyond a decimal is an error, never a panic.
        if let Ok(t) = agg.totals() {
            assert_eq!(t.read(), t.aggregated() + t.rejected() + t.undisclosed());
        }
    }
});
