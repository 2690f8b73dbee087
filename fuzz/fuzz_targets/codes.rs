//! Country and currency names and codes, UN M49 areas and currency
//! symbols: any text is a value or an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft::{Country, Currency, CurrencySymbol, IntermediateRegion, M49Area, Region, Subregion, SymbolContext};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(c) = text.parse::<Country>() {
        assert_eq!(c.to_string().parse::<Country>(), Ok(c));
    }
    if let Ok(c) = text.parse::<Currency>() {
        assert_eq!(c.to_string().parse::<Currency>(), Ok(c));
    }
    if let Ok(a) = text.parse::<M49Area>() {
        assert_eq!(a.to_string().parse::<M49Area>(), Ok(a));
    }
    let _ = (text.parse::<Region>(), text.parse::<Subregion>(), text.parse::<IntermediateRegion>());
    if let Some(s) = CurrencySymbol::find(text) {
        assert_eq!(s.as_str(), text);
        let _ = SymbolContext::international().resolve(text);
    }
});
