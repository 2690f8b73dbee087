//! Every output example in `docs/FORMAT.md` (a block fenced as
//! ```` ```json output ````) is exactly what the crate writes for the
//! input its section names: the shapes documented are the shapes written.

#![cfg(feature = "ecb-snapshot")]

use statecraft::fx::EcbRates;
use statecraft::records::Reader;
use statecraft::summary::BreakdownCount;
use statecraft::{Aggregator, Currency, Dimension, DoseTotals, Dossier, FundingSummary, NaiveDate, PledgeSummary};

const FORMAT_MD: &str = include_str!("../../docs/FORMAT.md");
const SEED: &str = include_str!("../../examples/data/guatemala-2021.json");

fn pretty(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap() + "\n"
}

/// What the crate writes for the inputs the sections name.
fn outputs() -> Vec<(&'static str, String)> {
    let seed = Dossier::from_json_str(SEED).unwrap();
    let invalid = Dossier::from_json_str(include_str!("../invalid/duplicate-id.json")).unwrap();
    let csv = "id,date,donor,recipient,stage,amount,currency\n\
               1,2021-06-07,US,GT,committed,100,EUR\n\
               2,2021-06-07,US,GT,committed,100,GTQ\n\
               3,2021-06-07,US,SV,announced,,\n";
    let mut agg = Aggregator::new(EcbRates::embedded(), Currency::USD, Dimension::Recipient);
    Reader::new(csv.as_bytes()).aggregate_into(&mut agg).unwrap();
    let report_date = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
    let funding = FundingSummary::new(EcbRates::embedded(), Currency::USD, Dimension::Recipient)
        .at(report_date)
        .of(&seed)
        .unwrap();
    let pledges = PledgeSummary::all(&seed).unwrap();
    vec![
        ("report", pretty(&invalid.validate(EcbRates::embedded()))),
        ("totals", pretty(&agg.totals().unwrap())),
        ("funding totals", pretty(&funding)),
        (
            "dose totals",
            pretty(&DoseTotals::of(&seed, Dimension::Recipient).unwrap()),
        ),
        ("pledge summary", pretty(&pledges[0])),
        ("breakdown counts", pretty(&BreakdownCount::all(&seed).unwrap())),
    ]
}

#[test]
fn every_output_example_is_what_the_crate_writes() {
    let blocks: Vec<&str> = FORMAT_MD
        .split("```json output\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    let outputs = outputs();
    if std::env::var_os("STATECRAFT_PRINT_OUTPUTS").is_some() {
        for (name, json) in &outputs {
            println!("== {name}\n{json}");
        }
    }
    assert_eq!(blocks.len(), outputs.len(), "one example a section");
    for ((name, json), block) in outputs.iter().zip(blocks) {
        assert_eq!(block, json, "the {name} example");
    }
}
