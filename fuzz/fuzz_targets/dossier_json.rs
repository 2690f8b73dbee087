//! The dossier JSON loader, then validation and the dose summaries: any
//! bytes are a dossier or a load error with line, column and field; a
//! dossier that loads validates and sums up its pledges, tranches and
//! doses without panicking, and writes back to an equal dossier.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft::fx::EcbRates;
use statecraft::{Dimension, DoseTotals, Dossier, PledgeSummary};

fuzz_target!(|data: &[u8]| {
    match Dossier::from_json_slice(data) {
        Ok(d) => {
            let report = d.validate(EcbRates::embedded());
            let _ = report.to_string();
            if let Ok(pledges) = PledgeSummary::all(&d) {
                let _ = PledgeSummary::total_pledged(&pledges).to_string();
                for p in &pledges {
                    let _ = (p.unallocated(), p.tranches().iter().map(|t| t.unallocated()).count());
                }
            }
            let _ = DoseTotals::of(&d, Dimension::Recipient).map(|t| t.total_bounds().to_string());
            let json = d.to_json_string().expect("a loaded dossier writes");
            let back = Dossier::from_json_str(&json).expect("what is written loads");
            assert_eq!(back, d);
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
