//! Notation parsing and checked arithmetic.
//!
//! `cargo bench --bench money`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use statecraft::{Count, Currency, Decimal, Money};

const NOTATION: [(&str, &str); 8] = [
    ("$310m", "USD 310000000"),
    ("£219m", "GBP 219000000"),
    ("USD 1,234,567.89", "USD 1234567.89"),
    ("310 million USD", "USD 310000000"),
    ("US$ 4.5 billion", "USD 4500000000"),
    ("€1.2bn", "EUR 1200000000"),
    ("Q75k", "GTQ 75000"),
    ("-$5m", "USD -5000000"),
];

fn parsing(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Elements(NOTATION.len() as u64));
    // A fast wrong answer must not pass.
    for (text, exact) in NOTATION {
        assert_eq!(text.parse::<Money>().map(|m| m.to_string()).as_deref(), Ok(exact));
    }
    g.bench_function("money notation (8 forms)", |b| {
        b.iter(|| {
            for (text, _) in NOTATION {
                black_box(black_box(text).parse::<Money>().ok());
            }
        })
    });
    assert_eq!("more than 178,000".parse::<Count>().map(|c| c.value()), Ok(178_000));
    g.throughput(Throughput::Elements(1));
    g.bench_function("count with qualifier", |b| {
        b.iter(|| black_box("more than 178,000").parse::<Count>())
    });
    g.bench_function("money display round trip", |b| {
        let m = Money::new(Decimal::new(31_000_000_000, 2), Currency::USD);
        b.iter(|| black_box(m).to_string().parse::<Money>())
    });
    g.finish();
}

fn arithmetic(c: &mut Criterion) {
    let mut g = c.benchmark_group("arithmetic");
    let amounts: Vec<Money> = (0..1000)
        .map(|i| Money::new(Decimal::new(1_234_567 + i * 101, 2), Currency::USD))
        .collect();
    let expected: i64 = (0..1000).map(|i| 1_234_567 + i * 101).sum();
    assert_eq!(
        Money::checked_sum(Currency::USD, amounts.iter().copied()).map(|m| m.amount()),
        Ok(Decimal::new(expected, 2))
    );
    g.throughput(Throughput::Elements(amounts.len() as u64));
    g.bench_function("checked_sum of 1000", |b| {
        b.iter(|| Money::checked_sum(Currency::USD, black_box(&amounts).iter().copied()))
    });
    g.bench_function("checked_add chain of 1000", |b| {
        b.iter(|| {
            let mut total = Money::zero(Currency::USD);
            for m in black_box(&amounts) {
                total = match total.checked_add(*m) {
                    Ok(t) => t,
                    Err(_) => return None,
                };
            }
            Some(total)
        })
    });
    let rate = Decimal::new(70_567_340_897, 11);
    g.bench_function("checked_mul then round, 1000", |b| {
        b.iter(|| {
            black_box(&amounts)
                .iter()
                .filter_map(|m| m.checked_mul(rate).ok())
                .map(Money::round)
                .count()
        })
    });
    g.finish();
}

criterion_group!(benches, parsing, arithmetic);
criterion_main!(benches);
