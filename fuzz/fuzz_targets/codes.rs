//! Country and currency names and codes: any text is a value or an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft::{Continent, Country, Currency, Subregion};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(c) = text.parse::<Country>() {
        assert_eq!(c.to_string().parse::<Country>(), Ok(c));
    }
    if let Ok(c) = text.parse::<Currency>() {
        assert_eq!(c.to_string().parse::<Currency>(), Ok(c));
    }
    if let Ok(r) = text.parse::<Subregion>() {
        assert_eq!(r.to_string().parse::<Subregion>(), Ok(r));
    }
    let _ = text.parse::<Continent>();
});
