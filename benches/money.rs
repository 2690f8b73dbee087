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
    assert_eq!(
        "$310m".parse::<Money>().map(|m| m.to_string()).as_deref(),
        Ok("USD 310000000")
    );
    g.throughput(Throughput::Elements(1));
    g.bench_function("$310m", |b| b.iter(|| black_box("$310m").parse::<Money>()));
    assert_eq!("more than 178,000".parse::<Count>().map(|c| c.value()), Ok(178_000));
    g.throughput(Throughput::Elements(1));
    g.bench_function("count with qualifier", |b| {
        b.iter(|| black_box("more than 178,000").parse::<Count>())
    });
    let m = Money::new(Decimal::new(31_000_000_000, 2), Currency::USD);
    assert_eq!(m.to_string(), "USD 310000000.00");
    assert_eq!(display_round_trip(m), Ok(m));
    g.bench_function("money display round trip", |b| {
        b.iter(|| display_round_trip(black_box(m)))
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
    assert_eq!(
        add_chain(&amounts),
        Some(Money::new(Decimal::new(expected, 2), Currency::USD))
    );
    g.bench_function("checked_add chain of 1000", |b| {
        b.iter(|| add_chain(black_box(&amounts)))
    });
    let rate = Decimal::new(70_567_340_897, 11);
    let rounded: Vec<Money> = mul_then_round(&amounts, rate).collect();
    assert_eq!(rounded.len(), amounts.len());
    // 12,345.67 × 0.70567340897 = 8,712.0110349...; 13,354.66 × it = 9,424.0284478...
    assert_eq!(
        rounded.first(),
        Some(&Money::new(Decimal::new(871_201, 2), Currency::USD))
    );
    assert_eq!(
        rounded.last(),
        Some(&Money::new(Decimal::new(942_403, 2), Currency::USD))
    );
    assert!(rounded.iter().all(|m| m.amount().scale() == 2));
    g.bench_function("checked_mul then round, 1000", |b| {
        b.iter(|| mul_then_round(black_box(&amounts), rate).count())
    });
    g.finish();
}

fn display_round_trip(m: Money) -> Result<Money, statecraft::money::ParseMoneyError> {
    m.to_string().parse::<Money>()
}

fn add_chain(amounts: &[Money]) -> Option<Money> {
    let mut total = Money::zero(Currency::USD);
    for m in amounts {
        total = total.checked_add(*m).ok()?;
    }
    Some(total)
}

fn mul_then_round(amounts: &[Money], rate: Decimal) -> impl Iterator<Item = Money> + '_ {
    amounts
        .iter()
        .filter_map(move |m| m.checked_mul(rate).ok())
        .map(Money::round)
}

criterion_group!(benches, parsing, arithmetic);
criterion_main!(benches);
