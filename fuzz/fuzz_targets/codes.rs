//! Country and currency names and codes: any text is a value or an error.
//! A country name is read the same by `FromStr` and `Country::resolve`; an
//! ambiguity lists two or more candidates, in order, and quotes the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft::{Continent, Country, Currency, Subregion};

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
    if let Ok(r) = text.parse::<Subregion>() {
        assert_eq!(r.to_string().parse::<Subregion>(), Ok(r));
    }
    let _ = text.parse::<Continent>();
});
