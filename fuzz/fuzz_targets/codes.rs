//! Country and currency names and codes, UN M49 areas and currency
//! symbols: any text is a value or an error. A country name is read the
//! same by `FromStr` and `Country::resolve`; an ambiguity lists two or more
//! candidates, in order, and quotes the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft::geo::{IntermediateRegion, M49Area, Region, Subregion};
use statecraft::money::{CurrencySymbol, SymbolContext};
use statecraft::{Country, Currency};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match Country::resolve(text) {
        Ok(r) => {
            let c = r.country();
            assert_eq!(text.parse::<Country>(), Ok(c));
            assert_eq!(c.to_string().parse::<Country>(), Ok(c));
            assert!(!r.listed().is_empty());
            if let Some(former) = r.former() {
                assert_eq!(former.successors(), &[c]);
            }
        }
        Err(e) => {
            assert_eq!(text.parse::<Country>(), Err(e.clone()));
            let candidates = e.candidates();
            assert!(candidates.is_empty() || candidates.len() >= 2);
            assert!(candidates.windows(2).all(|w| w[0] < w[1]));
            assert!(e.to_string().contains(&format!("`{}`", e.input())));
        }
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
