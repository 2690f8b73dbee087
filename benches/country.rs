//! Reading countries: codes against names, and names that take rewriting.
//!
//! `cargo bench --bench country`
//!
//! Each benchmark reads one text; the codes are the baseline the issue
//! asks to keep fast (`Country::from_str` on a code never builds a name
//! key).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use statecraft::Country;

/// Text, what it reads as (`None`: refused), and the benchmark's name.
const CASES: [(&str, Option<Country>, &str); 12] = [
    ("GT", Some(Country::GT), "code: alpha-2"),
    ("GTM", Some(Country::GT), "code: alpha-3"),
    ("320", Some(Country::GT), "code: numeric"),
    ("Guatemala", Some(Country::GT), "name: ISO short name"),
    (
        "United Kingdom of Great Britain and Northern Ireland",
        Some(Country::GB),
        "name: long official name",
    ),
    ("Mexiko", Some(Country::MX), "name: exonym"),
    ("Zaire", Some(Country::CD), "name: former name"),
    ("Russian Fed.", Some(Country::RU), "rewritten: abbreviation"),
    ("Hong Kong, China", Some(Country::HK), "rewritten: note checked"),
    (
        "Korea, Dem. Rep.",
        Some(Country::KP),
        "rewritten: ambiguous name narrowed by words",
    ),
    ("Korea", None, "refused: ambiguous"),
    ("Atlantis", None, "refused: unknown"),
];

fn country(c: &mut Criterion) {
    let mut g = c.benchmark_group("country");
    for (text, want, name) in CASES {
        // A fast wrong answer must not pass.
        assert_eq!(text.parse::<Country>().ok(), want, "{text}");
        g.bench_function(name, |b| b.iter(|| black_box(text).parse::<Country>()));
    }
    g.finish();
}

criterion_group!(benches, country);
criterion_main!(benches);
