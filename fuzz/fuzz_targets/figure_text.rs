//! Figures read whole (`Reading::parse_in`, `Figure<Money>`,
//! `MoneyPair`): any text is a value or an error quoting it, never a
//! panic; a figure's bounds are never empty and hold what it states.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft::notation::{Bounds, Figure, MoneyPair, Reading};
use statecraft::money::SymbolContext;
use statecraft::{Country, Money};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for context in [SymbolContext::international(), SymbolContext::published_in(Country::IN)] {
        match Reading::parse_in(text, &context) {
            Ok(Reading::Money(m)) => {
                let b = m.bounds();
                assert!(Bounds::new(b.low(), b.high()).is_ok());
                if let Some((low, high)) = m.as_range() {
                    assert!(b.contains(low) && b.contains(high));
                    assert_eq!(low.currency(), high.currency());
                }
            }
            Ok(Reading::Pair(p)) => assert_ne!(p.primary().currency(), p.reported().currency()),
            Ok(Reading::Count { count, unit }) => {
                let b = count.bounds();
                assert!(Bounds::new(b.low(), b.high()).is_ok());
                if let Some(u) = unit {
                    assert!(text.contains(u));
                }
            }
            Ok(_) => {}
            Err(e) => assert!(e.to_string().starts_with("invalid figure `")),
        }
    }
    let _ = text.parse::<Figure<Money>>();
    let _ = text.parse::<MoneyPair>();
});
