//! Properties of the aggregator: merging, splitting, ordering and
//! counting never change a total, and totals agree with an independent
//! exact computation.

use chrono::Datelike;
use proptest::prelude::*;
use statecraft::aggregate::{By, CountrySplit, FlowRecipients};
use statecraft::fx::{FxError, Rate, RateSource, Series};
use statecraft::model::Share;
use statecraft::money::ExactSum;
use statecraft::records::FundingRecord;
use statecraft::{Aggregator, Country, Currency, Decimal, Dimension, Flow, FundingStage, Money, NaiveDate, Totals};

/// Rates made up from the currency and the day: `to_per_x / from_per_x`,
/// quotients with 28 significant digits as a cross rate has. ISK has no
/// rate at all, GBP none on the 13th of a month.
struct Synthetic;

fn per_unit(c: Currency, on: NaiveDate) -> Result<Decimal, FxError> {
    if c == Currency::ISK || (c == Currency::GBP && on.day() == 13) {
        return Err(FxError::NotQuoted {
            series: Series::Currency(c),
            date: on,
            provider: "synthetic".into(),
        });
    }
    Ok(Decimal::new(
        i64::from(c.numeric().unwrap_or(999)) * 1000 + i64::from(on.ordinal()),
        3,
    ))
}

impl RateSource for Synthetic {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        let value = per_unit(to, on)?
            .checked_div(per_unit(from, on)?)
            .ok_or(FxError::Overflow { what: "rate".into() })?;
        Rate::new(from, to, value, on, "synthetic")
    }
}

/// Rates with few digits, so that `amount × rate` fits a `Decimal` exactly
/// and an independent sum in `Decimal` is exact too.
struct Simple;

impl RateSource for Simple {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        let value = match from {
            Currency::EUR => Decimal::new(1_2162, 4),
            Currency::GBP => Decimal::new(1_41, 2),
            Currency::JPY => Decimal::new(91, 4),
            _ => Decimal::ONE,
        };
        Rate::new(from, to, value, on, "simple")
    }
}

const COUNTRIES: [Country; 6] = [
    Country::GT,
    Country::HN,
    Country::SV,
    Country::MX,
    Country::US,
    Country::FR,
];
const CURRENCIES: [Currency; 5] = [
    Currency::USD,
    Currency::EUR,
    Currency::GBP,
    Currency::JPY,
    Currency::ISK,
];

fn split() -> impl Strategy<Value = FlowRecipients> {
    (0usize..6, 1usize..6, 0u32..=10_000).prop_map(|(first, n, cut)| {
        let n = n.min(COUNTRIES.len() - first).max(1);
        let countries = &COUNTRIES[first..first + n];
        if n == 1 {
            return FlowRecipients::One(countries[0]);
        }
        // The first share takes cut/100 %, the rest share the remainder
        // evenly, the last taking what is left over: exactly 100.
        let head = Decimal::new(i64::from(cut), 2);
        let rest = Decimal::ONE_HUNDRED - head;
        let each = (rest / Decimal::from(n as u64 - 1)).round_dp(4);
        let mut shares = vec![(countries[0], head)];
        let mut used = head;
        for (i, c) in countries.iter().enumerate().skip(1) {
            let share = if i == n - 1 { Decimal::ONE_HUNDRED - used } else { each };
            used += share;
            shares.push((*c, share));
        }
        let shares = shares.into_iter().map(|(c, p)| (c, Share::new(p).unwrap()));
        FlowRecipients::Split(CountrySplit::new(shares).unwrap())
    })
}

fn record() -> impl Strategy<Value = FundingRecord> {
    let date = (2000i32..2026, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
    let amount = prop_oneof![
        1 => Just(None),
        9 => (any::<i64>(), 0u32..=4, 0usize..CURRENCIES.len())
            .prop_map(|(m, scale, c)| Some(Money::new(Decimal::new(m % 1_000_000_000_000, scale), CURRENCIES[c]))),
    ];
    let recipients = prop_oneof![
        4 => (0usize..COUNTRIES.len()).prop_map(|i| FlowRecipients::One(COUNTRIES[i])),
        1 => split(),
    ];
    let stage = (0usize..7).prop_map(|i| FundingStage::iter().nth(i).unwrap());
    (date, 0usize..COUNTRIES.len(), recipients, stage, amount).prop_map(|(date, donor, recipients, stage, amount)| {
        FundingRecord::new("r".parse().unwrap(), date, COUNTRIES[donor], recipients, stage, amount)
    })
}

fn by() -> impl Strategy<Value = By> {
    let dims = || {
        prop_oneof![
            Just(Dimension::Recipient),
            Just(Dimension::Donor),
            Just(Dimension::Region),
            Just(Dimension::Subregion),
            Just(Dimension::IntermediateRegion),
            Just(Dimension::group(&[(
                "Northern Triangle",
                [Country::GT, Country::HN, Country::SV]
            )])),
            Just(Dimension::Stage),
            Just(Dimension::Year),
            Just(Dimension::Month),
        ]
    };
    prop_oneof![
        dims().prop_map(By::new),
        (dims(), dims()).prop_map(|(a, b)| By::pair(a, b))
    ]
}

/// One aggregator over `records`, each pushed at its index + 1 as line.
fn pass<'a>(by: &By, records: impl IntoIterator<Item = (usize, &'a FundingRecord)>) -> Aggregator<&'static Synthetic> {
    let mut agg = Aggregator::new(&Synthetic, Currency::USD, by.clone()).keep_rejections(5);
    for (i, r) in records {
        agg.push_at(i as u64 + 1, r);
    }
    agg
}

fn totals(agg: &Aggregator<&'static Synthetic>) -> Totals {
    agg.totals().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn splitting_anywhere_and_merging_is_one_pass(
        records in prop::collection::vec(record(), 0..120),
        cut in any::<prop::sample::Index>(),
        by in by(),
    ) {
        let whole = pass(&by, records.iter().enumerate());
        let cut = cut.index(records.len() + 1);
        let mut head = pass(&by, records.iter().enumerate().take(cut));
        let tail = pass(&by, records.iter().enumerate().skip(cut));
        head.merge(tail).unwrap();
        prop_assert_eq!(totals(&head), totals(&whole));
    }

    #[test]
    fn merge_is_commutative_and_associative(
        a in prop::collection::vec(record(), 0..40),
        b in prop::collection::vec(record(), 0..40),
        c in prop::collection::vec(record(), 0..40),
        by in by(),
    ) {
        // Distinct lines across the three parts.
        let part = |rs: &[FundingRecord], offset: usize| pass(&by, rs.iter().enumerate().map(move |(i, r)| (i + offset, r)));
        let (oa, ob, oc) = (0, 1000, 2000);
        let mut ab = part(&a, oa);
        ab.merge(part(&b, ob)).unwrap();
        let mut ba = part(&b, ob);
        ba.merge(part(&a, oa)).unwrap();
        prop_assert_eq!(totals(&ab), totals(&ba));

        let mut ab_c = part(&a, oa);
        ab_c.merge(part(&b, ob)).unwrap();
        ab_c.merge(part(&c, oc)).unwrap();
        let mut bc = part(&b, ob);
        bc.merge(part(&c, oc)).unwrap();
        let mut a_bc = part(&a, oa);
        a_bc.merge(bc).unwrap();
        prop_assert_eq!(totals(&ab_c), totals(&a_bc));
    }

    #[test]
    fn order_does_not_matter(
        records in prop::collection::vec(record(), 0..120),
        seed in any::<u64>(),
        by in by(),
    ) {
        let mut shuffled: Vec<(usize, &FundingRecord)> = records.iter().enumerate().collect();
        // A Fisher-Yates shuffle driven by the seed.
        let mut x = seed | 1;
        for i in (1..shuffled.len()).rev() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(totals(&pass(&by, shuffled)), totals(&pass(&by, records.iter().enumerate())));
    }

    #[test]
    fn every_record_is_counted_and_groups_sum_to_the_total(
        records in prop::collection::vec(record(), 0..120),
        by in by(),
    ) {
        let t = totals(&pass(&by, records.iter().enumerate()));
        prop_assert_eq!(t.read(), records.len() as u64);
        prop_assert_eq!(t.read(), t.aggregated() + t.rejected() + t.undisclosed());
        let undisclosed = records.iter().filter(|r| r.amount().is_none()).count() as u64;
        prop_assert_eq!(t.undisclosed(), undisclosed);
        let no_rate = records.iter().filter(|r| {
            r.amount().is_some_and(|m| per_unit(m.currency(), r.date()).is_err() && m.currency() != Currency::USD)
        });
        let no_rate = no_rate.count() as u64;
        prop_assert_eq!(t.rejected(), no_rate);
        // Every rejection counted by its reason, not only those kept.
        let by_reason: Vec<(&str, u64)> = t.rejected_by_reason().collect();
        let expected: Vec<(&str, u64)> = if no_rate > 0 { vec![("no-rate", no_rate)] } else { vec![] };
        prop_assert_eq!(by_reason, expected);
        // Nothing summed although something was read: no total.
        prop_assert_eq!(t.disclosed_total().is_none(), t.read() > 0 && t.aggregated() == 0);
        for g in t.groups() {
            prop_assert_eq!(g.disclosed_total().is_none(), g.records() == 0);
        }
        prop_assert!(t.rejections().len() <= 5);
        prop_assert!(t.rejections().windows(2).all(|w| w[0].line() < w[1].line()));
        let mut sum = ExactSum::zero(Currency::USD);
        for g in t.groups() {
            sum = sum.checked_add(g.exact()).unwrap();
            prop_assert_eq!(g.total(), g.exact().round().unwrap());
        }
        prop_assert_eq!(sum, t.exact_total());
        prop_assert_eq!(t.total(), t.exact_total().round().unwrap());
    }

    #[test]
    fn splits_apportion_exactly_whatever_the_dimension(records in prop::collection::vec(record(), 0..80)) {
        let exact = |d: Dimension| totals(&pass(&By::new(d), records.iter().enumerate())).exact_total();
        let by_recipient = exact(Dimension::Recipient);
        prop_assert_eq!(exact(Dimension::Donor), by_recipient);
        prop_assert_eq!(exact(Dimension::Region), by_recipient);
        prop_assert_eq!(exact(Dimension::Subregion), by_recipient);
        prop_assert_eq!(exact(Dimension::IntermediateRegion), by_recipient);
        prop_assert_eq!(exact(Dimension::Month), by_recipient);
    }

    /// Amounts up to the largest a `Decimal` holds, of both signs: running
    /// sums pass the limit and come back. A record beyond the limit on its
    /// own is rejected; whether the totals can be read, and what they are,
    /// depends only on the records, never on their order or on how they
    /// were split and merged (a fuzzer found the order mattering once).
    #[test]
    fn totals_near_the_decimal_limit_do_not_depend_on_order(
        amounts in prop::collection::vec(
            (prop_oneof![9 => 0u128..=((1u128 << 96) - 1) / 100, 1 => 0u128..(1u128 << 96)], any::<bool>()),
            1..40,
        ),
        cut in any::<prop::sample::Index>(),
    ) {
        let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
        let signed: Vec<i128> = amounts.iter().map(|&(m, negative)| if negative { -(m as i128) } else { m as i128 }).collect();
        let records: Vec<FundingRecord> = signed
            .iter()
            .enumerate()
            .map(|(i, &m)| {
                let money = Money::new(Decimal::try_from_i128_with_scale(m, 0).unwrap(), Currency::USD);
                FundingRecord::new(i.to_string().parse().unwrap(), day, Country::US, Country::GT, FundingStage::Disbursed, Some(money))
            })
            .collect();
        let run = |part: &mut dyn Iterator<Item = (usize, &FundingRecord)>| {
            let mut agg = Aggregator::new(Simple, Currency::USD, Dimension::Recipient).keep_rejections(100);
            for (i, r) in part {
                agg.push_at(i as u64 + 1, r);
            }
            agg
        };
        let forward = run(&mut records.iter().enumerate()).totals();
        let backward = run(&mut records.iter().enumerate().rev()).totals();
        let cut = cut.index(records.len() + 1);
        let mut head = run(&mut records.iter().enumerate().take(cut));
        head.merge(run(&mut records.iter().enumerate().skip(cut))).unwrap();
        let merged = head.totals();
        prop_assert_eq!(&forward, &backward);
        prop_assert_eq!(&forward, &merged);
        // Independently: in cents, a total holds at most 2^96 - 1.
        let max_cents = (1i128 << 96) - 1;
        let kept: Vec<i128> = signed.iter().copied().filter(|m| m.abs() * 100 <= max_cents).collect();
        let sum: i128 = kept.iter().sum();
        match forward {
            Ok(t) => {
                prop_assert!(sum.abs() * 100 <= max_cents);
                prop_assert_eq!(t.total().amount(), Decimal::try_from_i128_with_scale(sum, 0).unwrap());
                prop_assert_eq!(t.aggregated(), kept.len() as u64);
                prop_assert_eq!(t.rejected(), (signed.len() - kept.len()) as u64);
            }
            Err(e) => {
                prop_assert!(sum.abs() * 100 > max_cents, "{}", e);
                prop_assert_eq!(
                    e.to_string(),
                    "overflow: the total of GT exceeds the largest USD amount a decimal holds at 2 decimal places"
                );
            }
        }
    }

    #[test]
    fn totals_equal_an_independent_decimal_sum(
        amounts in prop::collection::vec((-10_000_000_000i64..10_000_000_000, 0u32..=2, 0usize..4), 0..200),
    ) {
        let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
        let mut agg = Aggregator::new(Simple, Currency::USD, Dimension::Recipient);
        let mut expected = Decimal::ZERO;
        for (i, (m, scale, c)) in amounts.iter().enumerate() {
            let money = Money::new(Decimal::new(*m, *scale), CURRENCIES[*c]);
            let r = FundingRecord::new(i.to_string().parse().unwrap(), day, Country::US, Country::GT, FundingStage::Disbursed, Some(money));
            agg.push(&r);
            let rate = Simple.rate(money.currency(), Currency::USD, day).unwrap().value();
            // |amount| < 10^8 and rates have 4 places: every product and
            // sum fits a Decimal exactly.
            expected += money.amount() * rate;
        }
        let t = agg.totals().unwrap();
        prop_assert_eq!(t.total(), Money::new(expected, Currency::USD).round());
        prop_assert_eq!(t.exact_total(), ExactSum::from(Money::new(expected, Currency::USD)));
    }
}
