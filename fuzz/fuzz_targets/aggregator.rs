//! The aggregator fed arbitrary records, amounts near `Decimal::MAX` and
//! arbitrary rates included: overflow is a rejection, never a panic, and
//! every record is counted once.
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use statecraft::fx::{FxError, Rate, RateSource};
use statecraft::records::{FundingRecord, RecordId};
use statecraft::aggregate::{By, CountrySplit};
use statecraft::model::Share;
use statecraft::{Aggregator, Country, Currency, Decimal, Dimension, FundingStage, Money, NaiveDate};

#[derive(Arbitrary, Debug)]
struct Input {
    rate_mantissa: u128,
    rate_scale: u8,
    records: Vec<Rec>,
    by: (u8, Option<u8>),
}

#[derive(Arbitrary, Debug)]
struct Rec {
    mantissa: u128,
    scale: u8,
    negative: bool,
    currency: u16,
    day: u16,
    donor: u8,
    recipients: Vec<(u8, u8)>,
    stage: u8,
    undisclosed: bool,
}

/// A source that answers one rate for every pair, or refuses.
#[derive(Clone)]
struct Fixed(Decimal);

impl RateSource for Fixed {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        if from == to {
            return Ok(Rate::identity(from, on));
        }
        Rate::new(from, to, self.0, on, "fixed")
    }
}

fn pick<T: Clone>(all: &[T], i: usize) -> T {
    all[i % all.len()].clone()
}

fn decimal(m: u128, scale: u8, negative: bool) -> Decimal {
    let m = (m & ((1u128 << 96) - 1)) as i128;
    let d = Decimal::from_i128_with_scale(m, u32::from(scale % 29));
    if negative {
        -d
    } else {
        d
    }
}

fuzz_target!(|input: Input| {
    let countries: Vec<Country> = Country::iter().collect();
    let currencies: Vec<Currency> = Currency::iter().collect();
    let stages = [FundingStage::Pledged, FundingStage::Committed, FundingStage::Disbursed, FundingStage::Cancelled];
    let dims = [Dimension::Recipient, Dimension::Donor, Dimension::Stage, Dimension::Year, Dimension::Month, Dimension::Subregion, Dimension::IntermediateRegion];
    let by: By = match input.by.1 {
        Some(b) => By::pair(pick(&dims, usize::from(input.by.0)), pick(&dims, usize::from(b))),
        None => By::new(pick(&dims, usize::from(input.by.0))),
    };
    let rate = decimal(input.rate_mantissa, input.rate_scale, false);
    let mut left = Aggregator::new(Fixed(rate), Currency::USD, by.clone()).keep_rejections(usize::MAX);
    let mut right = left.fork();
    let mut one = left.fork();
    let mut backward = left.fork();
    let base = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or(NaiveDate::MIN);
    let n = input.records.len();
    let mut records = Vec::with_capacity(n);
    for (i, r) in input.records.into_iter().enumerate() {
        let date = base.checked_add_days(chrono::Days::new(u64::from(r.day))).unwrap_or(base);
        let amount = (!r.undisclosed)
            .then(|| Money::new(decimal(r.mantissa, r.scale, r.negative), pick(&currencies, usize::from(r.currency))));
        let donor = pick(&countries, usize::from(r.donor));
        let stage = pick(&stages, usize::from(r.stage));
        let id: RecordId = match i.to_string().parse() {
            Ok(id) => id,
            Err(_) => continue,
        };
        let record = if r.recipients.len() > 1 {
            let shares: Vec<(Country, Share)> = r
                .recipients
                .iter()
                .filter_map(|(c, p)| Share::from_percent(p % 101).ok().map(|s| (pick(&countries, usize::from(*c)), s)))
                .collect();
            match CountrySplit::new(shares) {
                Ok(split) => FundingRecord::new(id, date, donor, split, stage, amount),
                Err(_) => FundingRecord::new(id, date, donor, pick(&countries, 0), stage, amount),
            }
        } else {
            let c = r.recipients.first().map(|(c, _)| pick(&countries, usize::from(*c))).unwrap_or(Country::GT);
            FundingRecord::new(id, date, donor, c, stage, amount)
        };
        let line = i as u64 + 1;
        one.push_at(line, &record);
        if i < n / 2 {
            left.push_at(line, &record);
        } else {
            right.push_at(line, &record);
        }
        records.push((line, record));
    }
    for (line, record) in records.iter().rev() {
        backward.push_at(*line, record);
    }
    let t = one.totals();
    if let Ok(t) = &t {
        assert_eq!(t.read(), t.aggregated() + t.rejected() + t.undisclosed());
    }
    // The order of records, and splitting them and merging the parts,
    // change nothing: not the totals, not whether they can be read.
    assert_eq!(backward.totals(), t);
    if let Err(e) = left.merge(right) {
        panic!("parts of one input do not merge: {e}");
    }
    assert_eq!(left.totals(), t);
});
