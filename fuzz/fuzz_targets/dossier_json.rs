//! The dossier JSON loader, then validation: any bytes are a dossier or a
//! load error with line, column and field; a dossier that loads validates
//! without panicking, and writes back to an equal dossier.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statecraft::fx::EcbRates;
use statecraft::Dossier;

fuzz_target!(|data: &[u8]| {
    match Dossier::from_json_slice(data) {
        Ok(d) => {
            let report = d.validate(EcbRates::embedded());
            let _ = report.to_string();
            let json = d.to_json_string().expect("a loaded dossier writes");
            let back = Dossier::from_json_str(&json).expect("what is written loads");
            assert_eq!(back, d);
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
