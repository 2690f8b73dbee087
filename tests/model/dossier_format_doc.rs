//! Every JSON example in `docs/FORMAT.md` is read by the type it shows.

use crate::strategy;

use std::collections::BTreeSet;

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
use serde::de::DeserializeOwned;
use statecraft::model::{DeclaredArea, Partners, Term};
use statecraft::org::Organisation;
use statecraft::{
    CountryGroup, Dossier, Funding, Initiative, Leader, Meeting, Publication, Statistic, Trip, VaccineAllocation,
    VaccinePledge,
};

const FORMAT_MD: &str = include_str!("../../docs/FORMAT.md");

fn reads_as<T: DeserializeOwned>(json: &str) -> bool {
    serde_json::from_str::<T>(json).is_ok()
}

/// The two flagship dossiers.
const GUATEMALA: &str = include_str!("../../examples/data/guatemala-2021.json");
const VACCINE_SHARING: &str = include_str!("../../examples/data/vaccine-sharing-2021.json");

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
            || reads_as::<Publication>(block)
            || reads_as::<CountryGroup>(block)
            || reads_as::<Organisation>(block)
            || reads_as::<DeclaredArea>(block)
            || reads_as::<Term>(block)
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
    for example in [GUATEMALA, VACCINE_SHARING] {
        let d = Dossier::from_json_str(example).unwrap();
        collect_keys(&serde_json::to_value(&d).unwrap(), &mut keys);
    }
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

/// The field names in the first table of each `## ` section of
/// FORMAT.md: `section -> fields`.
fn documented_fields() -> std::collections::BTreeMap<String, BTreeSet<String>> {
    let mut out = std::collections::BTreeMap::new();
    for section in FORMAT_MD.split("\n## ").skip(1) {
        let title = section.lines().next().unwrap().trim().to_string();
        let mut fields = BTreeSet::new();
        let mut in_table = false;
        for line in section.lines().skip(1) {
            if line.starts_with("| field |") {
                in_table = true;
                continue;
            }
            if in_table {
                let Some(row) = line.strip_prefix('|') else { break };
                let first = row.split('|').next().unwrap();
                for name in first.split('`').skip(1).step_by(2) {
                    fields.insert(name.to_string());
                }
            }
        }
        out.insert(title, fields);
    }
    out
}

#[test]
fn each_type_documents_exactly_the_fields_it_has() {
    let sections = documented_fields();
    let lists = [
        ("sources", "Source"),
        ("organisations", "Organisation"),
        ("groups", "CountryGroup"),
        ("areas", "DeclaredArea"),
        ("leaders", "Leader"),
        ("trips", "Trip"),
        ("meetings", "Meeting"),
        ("initiatives", "Initiative"),
        ("funding", "Funding"),
        ("vaccine_pledges", "VaccinePledge"),
        ("vaccine_allocations", "VaccineAllocation"),
        ("statistics", "Statistic"),
    ];
    // The fields each type writes, over the seed and generated dossiers
    // (which fill in every optional field).
    let mut seen: std::collections::BTreeMap<&str, BTreeSet<String>> = std::collections::BTreeMap::new();
    let mut runner = TestRunner::deterministic();
    let examples = [GUATEMALA, VACCINE_SHARING].map(|json| Dossier::from_json_str(json).unwrap());
    let generated = (0..200).map(|_| strategy::dossier().new_tree(&mut runner).unwrap().current());
    for d in examples.into_iter().chain(generated) {
        let v = serde_json::to_value(&d).unwrap();
        let root = v.as_object().unwrap();
        seen.entry("The document").or_default().extend(root.keys().cloned());
        for (list, section) in lists {
            for item in root.get(list).and_then(|l| l.as_array()).into_iter().flatten() {
                seen.entry(section)
                    .or_default()
                    .extend(item.as_object().unwrap().keys().cloned());
            }
        }
    }
    for (section, keys) in &seen {
        let documented = sections
            .get(*section)
            .unwrap_or_else(|| panic!("no section `{section}`"));
        // "The document" lists the facts' common fields in a second table.
        let common: BTreeSet<String> = ["source".to_string(), "reported".to_string()].into();
        for key in keys {
            assert!(
                documented.contains(key) || (*section != "The document" && common.contains(key)),
                "`{key}` of {section} is not in its table in docs/FORMAT.md"
            );
        }
        for field in documented {
            assert!(
                keys.contains(field),
                "{section}'s table in docs/FORMAT.md lists `{field}`, which it never writes"
            );
        }
    }
}
