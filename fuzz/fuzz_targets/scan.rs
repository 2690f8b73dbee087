//! The scanner over any text: figures in order, not overlapping, on
//! character boundaries, each its span's text; never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft::scan::Scanner;
use statecraft::money::SymbolContext;
use statecraft::Country;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for scanner in [Scanner::default(), Scanner::new(SymbolContext::published_in(Country::GT))] {
        let mut last = 0;
        for found in scanner.scan(text) {
            let span = found.span();
            assert!(span.start >= last && span.start < span.end);
            assert_eq!(text.get(span.clone()), Some(found.text()));
            last = span.end;
        }
    }
});
