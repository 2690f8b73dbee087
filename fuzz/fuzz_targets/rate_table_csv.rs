//! The rate-table loader (`date,base,quote,rate`): any bytes are a table or
//! an error with a location; what loads answers lookups without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft::fx::{RateSource, RateTable};
use statecraft::{Decimal, Money, NaiveDate};

fuzz_target!(|data: &[u8]| {
    let Ok(table) = RateTable::from_csv(data) else { return };
    let pairs: Vec<_> = table.pairs().collect();
    for (base, quote) in pairs {
        for day in [NaiveDate::MIN, NaiveDate::from_ymd_opt(2021, 6, 7).unwrap_or(NaiveDate::MIN), NaiveDate::MAX] {
            if let Ok(r) = table.rate(base, quote, day) {
                assert!(r.value() > Decimal::ZERO);
                assert!(r.date() <= day, "never a later rate");
                let _ = table.convert(Money::new(Decimal::MAX, base), quote, day);
                let _ = table.rate(quote, base, day);
            }
        }
    }
});
