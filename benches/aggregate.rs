//! In-memory aggregation at the ECB rates of each record's date:
//! nanoseconds per record, from records already in memory and from their
//! CSV text.
//!
//! `cargo bench --bench aggregate`
//!
//! End-to-end figures on a 10-million-record file, against polars, are
//! measured with `/usr/bin/time -v` (see the README).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use statecraft::aggregate::FlowRecipients;
use statecraft::fx::{EcbRates, RateSource};
use statecraft::model::OrganisationId;
use statecraft::records::{FundingRecord, Reader, Writer};
use statecraft::{
    Actor, Aggregator, Country, Currency, Decimal, Dimension, Flow, FundingStage, Money, NaiveDate, Totals,
};

const RECORDS: usize = 200_000;

/// The same records the benchmark generator writes: random days of 2008 to
/// 2026, donors, recipients and stages, 16 currencies, log-uniform amounts.
fn records() -> Vec<FundingRecord> {
    let currencies = [
        "EUR", "USD", "GBP", "JPY", "CHF", "CAD", "AUD", "SEK", "NOK", "DKK", "MXN", "BRL", "KRW", "ZAR", "PLN", "CZK",
    ]
    .map(|c| c.parse::<Currency>().unwrap());
    let countries: Vec<Country> = Country::iter().collect();
    let first = NaiveDate::from_ymd_opt(2008, 1, 2).unwrap();
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move |n: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n
    };
    (0..RECORDS)
        .map(|i| {
            let date = first + chrono::Days::new(next(6_877));
            let currency = currencies[next(16) as usize];
            let cents = 100_000 + next(100_000_000_000) as i64;
            let scale = u32::from(currency.minor_units().unwrap_or(0));
            FundingRecord::new(
                i.to_string().parse().unwrap(),
                date,
                countries[next(30) as usize],
                countries[next(150) as usize],
                FundingStage::iter().nth(2 + next(3) as usize).unwrap(),
                Some(Money::new(Decimal::new(cents, scale), currency)),
            )
        })
        .collect()
}

/// A record whose donor may be an organisation, as IATI transactions
/// are: the donor of every third is one of ten organisations.
struct Grant {
    record: FundingRecord,
    donor: Actor,
}

impl Flow for Grant {
    fn date(&self) -> NaiveDate {
        self.record.date()
    }
    fn donor(&self) -> std::borrow::Cow<'_, Actor> {
        std::borrow::Cow::Borrowed(&self.donor)
    }
    fn recipients(&self) -> std::borrow::Cow<'_, FlowRecipients> {
        self.record.recipients()
    }
    fn stage(&self) -> FundingStage {
        self.record.stage()
    }
    fn amount(&self) -> Option<Money> {
        self.record.amount()
    }
}

fn grants(records: &[FundingRecord]) -> Vec<Grant> {
    let orgs = [
        "unicef",
        "gavi",
        "world-bank",
        "imf",
        "idb",
        "who",
        "wfp",
        "undp",
        "usaid",
        "fcdo",
    ]
    .map(|o| Actor::Organisation(OrganisationId::new(o).unwrap()));
    records
        .iter()
        .enumerate()
        .map(|(i, r)| Grant {
            record: r.clone(),
            donor: match i % 3 {
                0 => orgs[(i / 3) % orgs.len()].clone(),
                _ => r.donor().into_owned(),
            },
        })
        .collect()
}

fn aggregate(records: &[FundingRecord]) -> Totals {
    let mut agg = Aggregator::new(EcbRates::embedded(), Currency::USD, Dimension::Recipient);
    for r in records {
        agg.push(r);
    }
    agg.totals().unwrap()
}

fn benches(c: &mut Criterion) {
    let records = records();
    let mut csv = Writer::new(Vec::new());
    for r in &records {
        csv.write(r).unwrap();
    }
    let csv = csv.into_inner().unwrap();

    // A fast wrong answer must not pass: the total of everything is the
    // sum of every record converted on its own, to the cent.
    let mut expected = Decimal::ZERO;
    for r in &records {
        let m = statecraft::Flow::amount(r).unwrap();
        expected += EcbRates::embedded()
            .convert(m, Currency::USD, statecraft::Flow::date(r))
            .unwrap()
            .amount();
    }
    let expected = Money::new(expected, Currency::USD).round();
    let totals = aggregate(&records);
    assert_eq!(totals.total(), expected);
    assert_eq!((totals.read(), totals.aggregated()), (RECORDS as u64, RECORDS as u64));
    let mut from_csv = Aggregator::new(EcbRates::embedded(), Currency::USD, Dimension::Recipient);
    Reader::new(&csv[..]).aggregate_into(&mut from_csv).unwrap();
    assert_eq!(from_csv.totals().unwrap(), totals);

    let mut g = c.benchmark_group("aggregate");
    g.throughput(Throughput::Elements(RECORDS as u64));
    g.sample_size(20);
    // A fresh aggregator each time: its first pass asks the ECB rates once
    // per (currency, day), about 90,000 times for these records.
    g.bench_function("push 200k records by recipient, new rates", |b| {
        b.iter(|| black_box(aggregate(black_box(&records))))
    });
    // The same aggregator again and again: every rate is cached, as for
    // nearly every record of a large file.
    let mut warm = Aggregator::new(EcbRates::embedded(), Currency::USD, Dimension::Recipient);
    let mut passes = 0u64;
    g.bench_function("push 200k records by recipient, cached rates", |b| {
        b.iter(|| {
            for r in black_box(&records) {
                warm.push(r);
            }
            passes += 1;
        })
    });
    assert_eq!(warm.read(), passes * RECORDS as u64);
    assert_eq!(warm.aggregated(), warm.read());
    // By donor, every rate cached: donors that are countries are coded,
    // organisations keyed by name.
    let by_donor = |flows: &[Grant]| {
        let mut agg = Aggregator::new(EcbRates::embedded(), Currency::USD, Dimension::Donor);
        for f in flows {
            agg.push(f);
        }
        agg
    };
    let all_countries: Vec<Grant> = records
        .iter()
        .map(|r| Grant {
            record: r.clone(),
            donor: r.donor().into_owned(),
        })
        .collect();
    let with_organisations = grants(&records);
    let totals = by_donor(&with_organisations).totals().unwrap();
    assert_eq!(totals.total(), expected);
    assert_eq!(totals.groups().len(), 30 + 10);
    let mut warm_countries = by_donor(&all_countries);
    g.bench_function("push 200k records by donor, cached rates", |b| {
        b.iter(|| {
            for f in black_box(&all_countries) {
                warm_countries.push(f);
            }
        })
    });
    let mut warm_organisations = by_donor(&with_organisations);
    g.bench_function(
        "push 200k records by donor, a third from organisations, cached rates",
        |b| {
            b.iter(|| {
                for f in black_box(&with_organisations) {
                    warm_organisations.push(f);
                }
            })
        },
    );
    g.bench_function("read 200k CSV lines and aggregate", |b| {
        b.iter_batched(
            || Aggregator::new(EcbRates::embedded(), Currency::USD, Dimension::Recipient),
            |mut agg| {
                Reader::new(black_box(&csv[..])).aggregate_into(&mut agg).unwrap();
                black_box(agg.totals().unwrap())
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(aggregate_benches, benches);
criterion_main!(aggregate_benches);
