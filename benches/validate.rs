//! Validating dossiers of growing size (1,604, 16,004 and 160,004 facts):
//! the time per fact stays within a small factor when validation is linear
//! (ids are hashed once per kind; no check scans all facts per fact), as
//! it does for loading the same document, the reference in the same run.
//! Past the CPU caches both become bound by memory.
//!
//! `cargo bench --bench validate`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput};
use serde_json::Value;
use statecraft::fx::EcbRates;
use statecraft::Dossier;

const SEED: &str = include_str!("../examples/data/guatemala-2021.json");

/// The seed's sources, groups and leaders, and its other facts copied `n`
/// times under fresh ids, with the references between them (a meeting's
/// trip, an allocation's pledge) renamed alike: a consistent dossier of
/// the size of a large dataset.
fn big(n: usize) -> String {
    let seed: Value = serde_json::from_str(SEED).expect("the seed is JSON");
    let mut out = seed.clone();
    let renamed = |v: &Value, i: usize| Value::String(format!("{}-{i}", v.as_str().expect("an id")));
    for key in [
        "trips",
        "meetings",
        "initiatives",
        "funding",
        "vaccine_pledges",
        "vaccine_allocations",
        "statistics",
    ] {
        let items = seed[key].as_array().expect("a list").clone();
        let all: Vec<Value> = (0..n)
            .flat_map(|i| {
                items.iter().map(move |item| {
                    let mut item = item.clone();
                    item["id"] = renamed(&item["id"], i);
                    for reference in ["trip", "pledge"] {
                        if let Some(id) = item.get(reference).cloned() {
                            item[reference] = renamed(&id, i);
                        }
                    }
                    item
                })
            })
            .collect();
        out[key] = Value::Array(all);
    }
    serde_json::to_string(&out).expect("JSON")
}

fn validate(c: &mut Criterion) {
    let ecb = EcbRates::embedded();
    let mut g = c.benchmark_group("validate");
    g.sampling_mode(SamplingMode::Flat).sample_size(10);
    for n in [100, 1000, 10_000] {
        let json = big(n);
        let dossier = Dossier::from_json_str(&json).expect("loads");
        let facts = dossier.facts().count();
        assert_eq!(facts, 4 + 16 * n);
        // A fast wrong answer cannot pass: the copies are as consistent
        // as the seed, and one broken copy is found.
        assert!(dossier.validate(ecb).is_empty());
        let broken =
            Dossier::from_json_str(&json.replacen("\"doses\":500000", "\"doses\":25000000", 1)).expect("loads");
        assert_eq!(broken.validate(ecb).error_count(), 1);

        g.throughput(Throughput::Elements(facts as u64));
        g.bench_with_input(BenchmarkId::new("Dossier::validate", facts), &dossier, |b, d| {
            b.iter(|| black_box(d).validate(ecb))
        });
        g.bench_with_input(
            BenchmarkId::new("Dossier::from_json_str (reference)", facts),
            &json,
            |b, j| b.iter(|| Dossier::from_json_str(black_box(j))),
        );
    }
    g.finish();
}

criterion_group!(benches, validate);
criterion_main!(benches);
