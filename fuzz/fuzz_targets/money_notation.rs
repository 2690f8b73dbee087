//! Money notation and counts: any text is a value or an error, never a
//! panic; what parses prints back to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft::{Count, Money};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(m) = text.parse::<Money>() {
        // Display and FromStr are inverses, scale included.
        let shown = m.to_string();
        let back: Money = shown.parse().expect("Display output parses");
        assert_eq!(back, m);
        assert_eq!(back.amount().scale(), m.amount().scale());
        let grouped: Money = format!("{m:#}").parse().expect("grouped Display output parses");
        assert_eq!(grouped, m);
        // The compact form parses, in the same currency.
        let compact: Money = m.to_compact().parse().expect("compact output parses");
        assert_eq!(compact.currency(), m.currency());
        let _ = m.round();
    }
    if let Ok((c, _unit)) = Count::parse_with_unit(text) {
        let back: Count = c.to_string().parse().expect("count Display output parses");
        assert_eq!(back, c);
        // Its bounds are never empty, and hold a range's ends.
        let b = c.bounds();
        assert!(statecraft::notation::Bounds::new(b.low(), b.high()).is_ok());
        if let Some((low, high)) = c.as_range() {
            assert!(b.contains(low) && b.contains(high));
        }
    }
});
