//! The IATI reader on any bytes: entries or one error with a location,
//! never a panic; every transaction accounted for.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft::iati::{TransactionOutcome, Reader, TypeFilter};

fuzz_target!(|data: &[u8]| {
    for types in [TypeFilter::default(), TypeFilter::all()] {
        let mut reader = Reader::new(data).types(types);
        let mut entries = 0u64;
        let mut errors = 0;
        for item in reader.by_ref() {
            match item {
                Ok(e) => {
                    entries += 1;
                    if let TransactionOutcome::Rejected(r) = &e {
                        let _ = r.to_string();
                    }
                }
                Err(e) => {
                    // An error is last, and says where.
                    errors += 1;
                    assert!(e.location().is_some(), "{e}");
                    let _ = e.to_string();
                }
            }
        }
        assert!(errors <= 1);
        let c = reader.counts();
        assert_eq!(c.read, entries);
        assert_eq!(c.read, c.transactions + c.skipped + c.rejected());
    }
});
