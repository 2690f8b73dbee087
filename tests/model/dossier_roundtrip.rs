//! The JSON format round-trips every dossier, and loading never panics.

use crate::strategy;

use proptest::prelude::*;
use statecraft::model::LoadErrorKind;
use statecraft::Dossier;

const SEED: &str = include_str!("../../examples/data/guatemala-2021.json");

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_dossier_reads_back_equal(d in strategy::dossier()) {
        let json = d.to_json_string().unwrap();
        let back = Dossier::from_json_str(&json);
        prop_assert!(back.is_ok(), "{}\n{json}", back.unwrap_err());
        let back = back.unwrap();
        prop_assert_eq!(&back, &d);
        // Writing is deterministic: the same dossier, the same text.
        prop_assert_eq!(back.to_json_string().unwrap(), json);
    }

    #[test]
    fn every_value_survives_compact_json_too(d in strategy::dossier()) {
        let compact = serde_json::to_string(&d).unwrap();
        prop_assert_eq!(Dossier::from_json_str(&compact).unwrap(), d);
    }

    #[test]
    fn any_bytes_load_or_fail_with_a_position(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Err(e) = Dossier::from_json_slice(&bytes) {
            prop_assert!(e.line() >= 1 || bytes.is_empty(), "{e}");
            prop_assert!(e.to_string().contains(" at line "), "{e}");
        }
    }

    #[test]
    fn any_text_loads_or_fails_with_a_position(text in any::<String>()) {
        if let Err(e) = Dossier::from_json_str(&text) {
            prop_assert!(e.to_string().contains(" at line "), "{e}");
        }
    }

    #[test]
    fn any_json_value_loads_or_fails_with_a_position(text in json_like()) {
        if let Err(e) = Dossier::from_json_str(&text) {
            prop_assert!(e.to_string().contains(" at line "), "{e}");
        }
    }

    #[test]
    fn the_seed_with_one_byte_changed_loads_or_fails_cleanly(at in 0..SEED.len(), byte in any::<u8>()) {
        let mut bytes = SEED.as_bytes().to_vec();
        bytes[at] = byte;
        if let Err(e) = Dossier::from_json_slice(&bytes) {
            prop_assert!(e.line() >= 1, "{e}");
        }
    }

    #[test]
    fn the_seed_with_a_span_removed_loads_or_fails_cleanly(at in 0..SEED.len(), len in 1usize..40) {
        let mut bytes = SEED.as_bytes().to_vec();
        let end = (at + len).min(bytes.len());
        bytes.drain(at..end);
        if let Err(e) = Dossier::from_json_slice(&bytes) {
            prop_assert!(e.line() >= 1, "{e}");
        }
    }

    #[test]
    fn every_strict_prefix_of_the_seed_is_truncated(at in 0..SEED.trim_end().len()) {
        let prefix = &SEED.as_bytes()[..at];
        let e = Dossier::from_json_slice(prefix).unwrap_err();
        prop_assert_eq!(e.kind(), LoadErrorKind::Truncated, "{}", e);
    }
}

/// Text made of the seed's own tokens, shuffled: mostly JSON, often close
/// to a dossier, so that loading gets deep before it fails.
fn json_like() -> impl Strategy<Value = String> {
    let tokens: Vec<&'static str> = vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"format\"",
        "\"statecraft-dossier/1\"",
        "\"funding\"",
        "\"id\"",
        "\"a\"",
        "\"donor\"",
        "\"US\"",
        "\"stage\"",
        "\"announced\"",
        "\"amount\"",
        "\"310000000\"",
        "\"currency\"",
        "\"USD\"",
        "\"source\"",
        "\"s\"",
        "\"recipients\"",
        "\"area\"",
        "\"world\"",
        "\"share\"",
        "\"40\"",
        "0",
        "-1",
        "1e400",
        "null",
        "true",
        "\"2021-06-07\"",
        "\"leaders\"",
        "\"terms\"",
        "\"office\"",
        "\"president\"",
    ];
    prop::collection::vec(proptest::sample::select(tokens), 0..60).prop_map(|t| t.concat())
}
