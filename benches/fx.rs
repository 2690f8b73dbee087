//! Exchange-rate benchmarks: loading the embedded ECB snapshot, and
//! converting a million (date, pair, amount) triples. Each compares with a
//! reference measured in the same run, and checks its results.
//!
//! `cargo bench --bench fx`

use std::collections::{BTreeMap, HashMap};
use std::hint::black_box;
use std::str::FromStr;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use statecraft::fx::{EcbRates, RateSource};
use statecraft::{Currency, Decimal, Money, NaiveDate};

const SNAPSHOT: &[u8] = include_bytes!("../data/eurofxref-hist.csv");

/// Conversions per iteration of the conversion benchmarks.
const TRIPLES: usize = 1_000_000;

/// Currencies the ECB quotes on every day of the snapshot.
const QUOTED: [Currency; 18] = [
    Currency::EUR,
    Currency::USD,
    Currency::JPY,
    Currency::GBP,
    Currency::CHF,
    Currency::SEK,
    Currency::DKK,
    Currency::NOK,
    Currency::CZK,
    Currency::HUF,
    Currency::PLN,
    Currency::AUD,
    Currency::CAD,
    Currency::HKD,
    Currency::KRW,
    Currency::NZD,
    Currency::SGD,
    Currency::ZAR,
];

/// The reference loader: the `csv` crate, `NaiveDate::parse_from_str`
/// and `Decimal::from_str` on every field, keeping nothing. Returns the
/// number of rates read.
fn reference_load(bytes: &[u8]) -> usize {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(bytes);
    let mut n = 0;
    for record in reader.records() {
        let record = record.unwrap();
        let mut fields = record.iter();
        let date = NaiveDate::parse_from_str(fields.next().unwrap(), "%Y-%m-%d").unwrap();
        black_box(date);
        for f in fields {
            if f != "N/A" && !f.is_empty() {
                black_box(Decimal::from_str(f).unwrap());
                n += 1;
            }
        }
    }
    n
}

fn load(c: &mut Criterion) {
    let ecb = EcbRates::from_csv_bytes(SNAPSHOT).unwrap();
    let on = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
    assert_eq!(ecb.dates().len(), 7126);
    // The same answers as the embedded snapshot, on every day of a month.
    for day in 1..=31 {
        let on = NaiveDate::from_ymd_opt(2020, 1, day).unwrap();
        assert_eq!(
            ecb.rate(Currency::USD, Currency::JPY, on),
            EcbRates::embedded().rate(Currency::USD, Currency::JPY, on)
        );
    }
    assert_eq!(
        ecb.rate(Currency::EUR, Currency::USD, on).unwrap().value(),
        Decimal::new(12162, 4)
    );
    let rates = reference_load(SNAPSHOT);
    assert_eq!(rates, 221_702);

    let mut group = c.benchmark_group("load");
    group.throughput(Throughput::Bytes(SNAPSHOT.len() as u64));
    // What `EcbRates::embedded()` does on first use.
    group.bench_function("EcbRates::from_csv_bytes(embedded snapshot)", |b| {
        b.iter(|| {
            let ecb = EcbRates::from_csv_bytes(black_box(SNAPSHOT)).unwrap();
            assert_eq!(ecb.last_date(), NaiveDate::from_ymd_opt(2026, 10, 30).unwrap());
            ecb
        })
    });
    // The same from a reader, which first copies it into memory.
    group.bench_function("EcbRates::from_csv(reader over the snapshot)", |b| {
        b.iter(|| {
            let ecb = EcbRates::from_csv(black_box(SNAPSHOT)).unwrap();
            assert_eq!(ecb.dates().len(), 7126);
            ecb
        })
    });
    group.bench_function("reference: csv + Decimal::from_str, nothing stored", |b| {
        b.iter(|| assert_eq!(reference_load(black_box(SNAPSHOT)), rates))
    });
    group.finish();
}

/// A million (date, from, to, amount) triples, the same on every run:
/// any calendar day of the snapshot (weekends and holidays included), any
/// two of the always-quoted currencies, amounts up to 10^10 with cents.
fn triples() -> Vec<(NaiveDate, Money, Currency)> {
    let first = NaiveDate::from_ymd_opt(1999, 1, 4).unwrap();
    let days = (NaiveDate::from_ymd_opt(2026, 10, 30).unwrap() - first).num_days() as u64 + 1;
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..TRIPLES)
        .map(|_| {
            let on = first + chrono::Days::new(next() % days);
            let from = QUOTED[(next() % QUOTED.len() as u64) as usize];
            let to = QUOTED[(next() % QUOTED.len() as u64) as usize];
            let amount = Decimal::new((next() % 1_000_000_000_000) as i64, 2);
            (on, Money::new(amount, from), to)
        })
        .collect()
}

/// The snapshot read naively for checking: each publication day's rates
/// per euro, by currency.
fn naive_rates() -> BTreeMap<NaiveDate, HashMap<Currency, Decimal>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(SNAPSHOT);
    let mut records = reader.records().map(Result::unwrap);
    let header = records.next().unwrap();
    let columns: Vec<Option<Currency>> = header.iter().skip(1).map(|c| Currency::from_str(c).ok()).collect();
    records
        .map(|record| {
            let on = NaiveDate::parse_from_str(&record[0], "%Y-%m-%d").unwrap();
            let rates = columns
                .iter()
                .zip(record.iter().skip(1))
                .filter_map(|(c, f)| Some(((*c)?, Decimal::from_str(f).ok()?)))
                .collect();
            (on, rates)
        })
        .collect()
}

/// `money` in `to` on `on`, computed naively from the CSV: each currency's
/// latest rate per euro on or before `on` (at most 7 days old), then
/// amount × to-per-euro ÷ from-per-euro.
fn naive_convert(
    rates: &BTreeMap<NaiveDate, HashMap<Currency, Decimal>>,
    on: NaiveDate,
    money: Money,
    to: Currency,
) -> Money {
    let per_eur = |c: Currency| {
        if c == Currency::EUR {
            return Decimal::ONE;
        }
        let (day, rate) = rates
            .range(..=on)
            .rev()
            .find_map(|(day, r)| Some((*day, *r.get(&c)?)))
            .unwrap();
        assert!((on - day).num_days() <= 7, "{c} on {on}: latest of {day}");
        rate
    };
    let amount = if money.currency() == to {
        money.amount()
    } else {
        let product = money.amount().checked_mul(per_eur(to)).unwrap();
        product.checked_div(per_eur(money.currency())).unwrap()
    };
    Money::new(amount.normalize(), to)
}

/// A checksum of amounts, exact to the last digit of each.
fn checksum(amounts: impl Iterator<Item = Money>) -> u64 {
    amounts.fold(0xcbf2_9ce4_8422_2325, |h, m| {
        let d = m.amount().normalize();
        let h = (h ^ d.mantissa() as u64 ^ (d.mantissa() >> 64) as u64).wrapping_mul(0x100_0000_01b3);
        (h ^ u64::from(d.scale())).wrapping_mul(0x100_0000_01b3)
    })
}

fn convert(c: &mut Criterion) {
    let ecb = EcbRates::embedded();
    let triples = triples();
    // Every triple converts to what the CSV read naively gives, and `rate`
    // then `apply` gives the same: all 1M of them, with a checksum.
    let naive = naive_rates();
    let expected: Vec<Money> = triples
        .iter()
        .map(|(on, money, to)| naive_convert(&naive, *on, *money, *to))
        .collect();
    for ((on, money, to), want) in triples.iter().zip(&expected) {
        let got = ecb.convert(*money, *to, *on).unwrap();
        assert_eq!(
            (got.amount().normalize(), got.currency()),
            (want.amount(), *to),
            "{money} in {to} on {on}"
        );
    }
    let sum = checksum(expected.iter().copied());
    assert_eq!(
        sum,
        checksum(triples.iter().map(|(on, m, to)| ecb.convert(*m, *to, *on).unwrap()))
    );
    assert_eq!(
        sum,
        checksum(
            triples
                .iter()
                .map(|(on, m, to)| ecb.rate(m.currency(), *to, *on).unwrap().apply(*m).unwrap())
        )
    );
    let aid = Money::new(Decimal::from(310_000_000), Currency::USD);
    let on = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
    assert_eq!(
        ecb.convert(aid, Currency::GBP, on).unwrap().amount().to_string(),
        "218761305.7062983061996382174"
    );

    // The arithmetic floor: the same multiplication and division, with the
    // per-euro rates looked up beforehand.
    let looked_up: Vec<(Decimal, Decimal, Decimal)> = triples
        .iter()
        .map(|(on, money, to)| {
            let per_eur = |c: Currency| ecb.rate(Currency::EUR, c, *on).unwrap().value();
            (money.amount(), per_eur(*to), per_eur(money.currency()))
        })
        .collect();

    let mut group = c.benchmark_group("convert 1M triples");
    group.throughput(Throughput::Elements(TRIPLES as u64));
    group.sample_size(10);
    group.bench_function("EcbRates::convert", |b| {
        b.iter(|| {
            let mut ok = 0usize;
            for (on, money, to) in &triples {
                ok += usize::from(black_box(ecb.convert(*money, *to, *on)).is_ok());
            }
            assert_eq!(ok, TRIPLES);
        })
    });
    // The same triples in date order, as a dossier's or a ledger's often
    // come: the rates of nearby days share cache lines.
    let mut by_date = triples.clone();
    by_date.sort_by_key(|(on, _, _)| *on);
    group.bench_function("EcbRates::convert, triples in date order", |b| {
        b.iter(|| {
            let mut ok = 0usize;
            for (on, money, to) in &by_date {
                ok += usize::from(black_box(ecb.convert(*money, *to, *on)).is_ok());
            }
            assert_eq!(ok, TRIPLES);
        })
    });
    group.bench_function("EcbRates::rate + Rate::apply (with legs)", |b| {
        b.iter(|| {
            let mut ok = 0usize;
            for (on, money, to) in &triples {
                let r = ecb.rate(money.currency(), *to, *on).and_then(|r| r.apply(*money));
                ok += usize::from(black_box(r).is_ok());
            }
            assert_eq!(ok, TRIPLES);
        })
    });
    group.bench_function("reference: amount × to ÷ from only", |b| {
        b.iter(|| {
            let mut ok = 0usize;
            for (amount, to, from) in &looked_up {
                let r = amount.checked_mul(*to).and_then(|p| p.checked_div(*from));
                ok += usize::from(black_box(r).is_some());
            }
            assert_eq!(ok, TRIPLES);
        })
    });
    group.finish();
}

criterion_group!(benches, load, convert);
criterion_main!(benches);
