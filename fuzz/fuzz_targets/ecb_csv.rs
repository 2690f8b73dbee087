//! The ECB `eurofxref-hist.csv` loader: any bytes are rates or an error
//! with a location; what loads answers lookups without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft::fx::{EcbRates, RateSource};
use statecraft::{Currency, Money};

fuzz_target!(|data: &[u8]| {
    let from_bytes = EcbRates::from_csv_bytes(data);
    let from_reader = EcbRates::from_csv(data);
    // The two entry points agree on what they accept.
    assert_eq!(from_bytes.is_ok(), from_reader.is_ok());
    if let Ok(rates) = from_bytes {
        let first = rates.first_date();
        let last = rates.last_date();
        assert!(first <= last);
        for day in [first, last, first.pred_opt().unwrap_or(first), last.succ_opt().unwrap_or(last)] {
            for &c in rates.currencies() {
                if let Ok(r) = rates.rate(c, Currency::EUR, day) {
                    assert!(r.date() <= day, "never a later rate");
                    let _ = rates.convert(Money::new(r.value(), c), Currency::USD, day);
                }
            }
        }
    }
});
