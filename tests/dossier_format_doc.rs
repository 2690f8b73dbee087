//! Every JSON example in `docs/FORMAT.md` is read by the type it shows.

#[path = "support/dossier_strategy.rs"]
mod strategy;

use std::collections::BTreeSet;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde::de::DeserializeOwned;
use statecraft::{
    CountryGroup, Dossier, Funding, Initiative, Leader, Meeting, Partners, Source, Statistic, Trip, VaccineAllocation,
    VaccinePledge,
};

const FORMAT_MD: &str = include_str!("../docs/FORMAT.md");

fn reads_as<T: DeserializeOwned>(json: &str) -> bool {
    serde_json::from_str::<T>(json).is_ok()
}

#[test]
fn every_example_block_is_a_valid_value() {
    let blocks: Vec<&str> = FORMAT_MD
        .split("```json\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert!(blocks.len() >= 12, "only {} examples", blocks.len());
    for block in blocks {
        let ok = Dossier::from_json_str(block).is_ok()
            || reads_as::<Source>(block)
            || reads_as::<CountryGroup>(block)
            || reads_as::<Leader>(block)
            || reads_as::<Trip>(block)
            || reads_as::<Meeting>(block)
            || reads_as::<Initiative>(block)
            || reads_as::<Partners>(block)
            || reads_as::<Funding>(block)
            || reads_as::<VaccinePledge>(block)
            || reads_as::<VaccineAllocation>(block)
            || reads_as::<Statistic>(block);
        assert!(ok, "no type reads this example:\n{block}");
    }
}

#[test]
fn every_field_written_is_documented() {
    let mut keys = BTreeSet::new();
    let seed = Dossier::from_json_str(include_str!("../examples/data/guatemala-2021.json")).unwrap();
    collect_keys(&serde_json::to_value(&seed).unwrap(), &mut keys);
    // Generated dossiers fill in every optional field and enum variant.
    let mut runner = TestRunner::deterministic();
    for _ in 0..200 {
        let d = strategy::dossier().new_tree(&mut runner).unwrap().current();
        collect_keys(&serde_json::to_value(&d).unwrap(), &mut keys);
    }
    assert!(keys.len() > 60, "only {} keys", keys.len());
    for key in keys {
        let named = FORMAT_MD.contains(&format!("`{key}`")) || FORMAT_MD.contains(&format!("\"{key}\""));
        assert!(named, "`{key}` is not in docs/FORMAT.md");
    }
}

fn collect_keys(v: &serde_json::Value, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                collect_keys(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_keys(v, out)),
        _ => {}
    }
}
