//! Loading and writing dossiers: the loader against plain serde_json on
//! the same document, in the same run, and both against an untyped
//! `serde_json::Value` parse, which no change to this crate can speed up
//! or slow down (the yardstick between versions).
//!
//! The model's types refuse by themselves what the format refuses, so
//! plain `serde_json::from_str` is as strict as the loader; the loader
//! adds the path of an error, tracked in a second pass only when the
//! first fails.
//!
//! `cargo bench --bench dossier`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use statecraft::Dossier;

const SEED: &str = include_str!("../examples/data/guatemala-2021.json");

/// The seed's facts, copied `n` times under fresh ids: a dossier of the
/// size of a large dataset.
fn big(n: usize) -> String {
    let seed: serde_json::Value = serde_json::from_str(SEED).expect("the seed is JSON");
    let mut out = seed.clone();
    for key in [
        "leaders",
        "trips",
        "meetings",
        "initiatives",
        "funding",
        "vaccine_pledges",
        "vaccine_allocations",
        "statistics",
    ] {
        let items = seed[key].as_array().expect("a list").clone();
        let all: Vec<serde_json::Value> = (0..n)
            .flat_map(|i| {
                items.iter().map(move |item| {
                    let mut item = item.clone();
                    let id = format!("{}-{i}", item["id"].as_str().expect("an id"));
                    item["id"] = serde_json::Value::String(id);
                    item
                })
            })
            .collect();
        out[key] = serde_json::Value::Array(all);
    }
    serde_json::to_string_pretty(&out).expect("JSON")
}

fn load(c: &mut Criterion) {
    let json = big(200);
    let strict = Dossier::from_json_str(&json).expect("loads");
    let plain: Dossier = serde_json::from_str(&json).expect("loads");
    // Both readers must agree, and read every fact.
    assert_eq!(strict, plain);
    assert_eq!(strict.funding().len(), 400);
    assert_eq!(strict.meetings().len(), 600);

    let mut g = c.benchmark_group("dossier");
    g.throughput(Throughput::Bytes(json.len() as u64));
    g.bench_function("from_json_str (strict, with paths)", |b| {
        b.iter(|| Dossier::from_json_str(black_box(&json)))
    });
    g.bench_function("serde_json::from_str (reference)", |b| {
        b.iter(|| serde_json::from_str::<Dossier>(black_box(&json)))
    });
    // Parsing the same text into an untyped `serde_json::Value`: no type
    // of this crate is involved, so it stays the same from one version to
    // the next and the two figures above can be compared across versions.
    g.bench_function("serde_json::Value (untyped reference)", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&json)))
    });
    g.bench_function("to_json_string", |b| b.iter(|| black_box(&strict).to_json_string()));
    g.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
