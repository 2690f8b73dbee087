//! The aggregator's results: totals by every dimension, counts,
//! rejections with their messages pinned, and the CSV it writes.

use statecraft::aggregate::{By, CountrySplit, GroupKey, KeyPart, RejectReason};
use statecraft::fx::{FxError, Rate, RateSource, Series};
use statecraft::geo::IntermediateRegion;
use statecraft::money::ExactSum;
use statecraft::records::FundingRecord;
use statecraft::{Aggregator, Country, Currency, Decimal, Dimension, FundingStage, Money, NaiveDate};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// EUR buys 1.2 USD until 2021-06-30 and 1.1 after; GBP 1.4 always; XAU
/// an absurd 50 octillion; no rate for ISK; a 28-place rate for CHF.
struct Rates;

impl RateSource for Rates {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        let value = match from {
            Currency::EUR if on <= day(2021, 6, 30) => Decimal::new(12, 1),
            Currency::EUR => Decimal::new(11, 1),
            Currency::GBP => Decimal::new(14, 1),
            Currency::XAU => Decimal::from(50),
            Currency::CHF => "1.0987654321098765432109876543".parse().unwrap(),
            _ => {
                return Err(FxError::Stale {
                    series: Series::Currency(from),
                    date: on,
                    latest: day(2008, 12, 9),
                    max_age_days: 7,
                    provider: "test".into(),
                })
            }
        };
        Rate::new(from, to, value, on, "test")
    }
}

fn rec(
    id: u32,
    date: NaiveDate,
    donor: Country,
    to: Country,
    stage: FundingStage,
    amount: Option<&str>,
) -> FundingRecord {
    FundingRecord::new(
        id.to_string().parse().unwrap(),
        date,
        donor,
        to,
        stage,
        amount.map(|a| a.parse().unwrap()),
    )
}

fn sample() -> Vec<FundingRecord> {
    use Country::*;
    use FundingStage::*;
    vec![
        rec(1, day(2021, 4, 26), US, GT, Pledged, Some("USD 310000000")),
        rec(2, day(2021, 6, 7), US, HN, Committed, Some("EUR 100.005")),
        rec(3, day(2021, 7, 1), FR, GT, Disbursed, Some("EUR 100")),
        rec(4, day(2021, 7, 1), FR, SV, Announced, None),
        rec(5, day(2022, 1, 3), GB, MX, Disbursed, Some("GBP 0.01")),
        rec(6, day(2022, 1, 3), GB, MX, Disbursed, Some("ISK 1000")),
        rec(7, day(2022, 2, 1), US, FR, Cancelled, Some("USD -5")),
    ]
}

fn totals(by: impl Into<By>) -> statecraft::Totals {
    let mut agg = Aggregator::new(Rates, Currency::USD, by);
    for r in sample() {
        agg.push(&r);
    }
    agg.totals().unwrap()
}

fn rows(t: &statecraft::Totals) -> Vec<String> {
    t.groups()
        .iter()
        .map(|g| {
            format!(
                "{} {} ({} + {} undisclosed)",
                g.key(),
                g.total().amount(),
                g.records(),
                g.undisclosed()
            )
        })
        .collect()
}

#[test]
fn totals_by_every_dimension() {
    let nt = || Dimension::group(&[("Northern Triangle", [Country::GT, Country::HN, Country::SV])]);
    let cases: Vec<(By, Vec<&str>)> = vec![
        (
            Dimension::Recipient.into(),
            vec![
                "FR -5.00 (1 + 0 undisclosed)",
                "GT 310000110.00 (2 + 0 undisclosed)",
                "HN 120.01 (1 + 0 undisclosed)",
                "MX 0.01 (1 + 0 undisclosed)",
                "SV 0.00 (0 + 1 undisclosed)",
            ],
        ),
        (
            Dimension::Donor.into(),
            vec![
                "FR 110.00 (1 + 1 undisclosed)",
                "GB 0.01 (1 + 0 undisclosed)",
                "US 310000115.01 (3 + 0 undisclosed)",
            ],
        ),
        (
            Dimension::Subregion.into(),
            vec![
                "Latin America and the Caribbean 310000230.02 (4 + 1 undisclosed)",
                "Western Europe -5.00 (1 + 0 undisclosed)",
            ],
        ),
        (
            Dimension::IntermediateRegion.into(),
            vec![
                "Central America 310000230.02 (4 + 1 undisclosed)",
                "(ungrouped) -5.00 (1 + 0 undisclosed)",
            ],
        ),
        (
            Dimension::Region.into(),
            vec![
                "Americas 310000230.02 (4 + 1 undisclosed)",
                "Europe -5.00 (1 + 0 undisclosed)",
            ],
        ),
        (
            nt().into(),
            vec![
                "Northern Triangle 310000230.01 (3 + 1 undisclosed)",
                "(ungrouped) -4.99 (2 + 0 undisclosed)",
            ],
        ),
        (
            Dimension::Stage.into(),
            vec![
                "announced 0.00 (0 + 1 undisclosed)",
                "pledged 310000000.00 (1 + 0 undisclosed)",
                "committed 120.01 (1 + 0 undisclosed)",
                "disbursed 110.01 (2 + 0 undisclosed)",
                "cancelled -5.00 (1 + 0 undisclosed)",
            ],
        ),
        (
            Dimension::Year.into(),
            vec![
                "2021 310000230.01 (3 + 1 undisclosed)",
                "2022 -4.99 (2 + 0 undisclosed)",
            ],
        ),
        (
            Dimension::Month.into(),
            vec![
                "2021-04 310000000.00 (1 + 0 undisclosed)",
                "2021-06 120.01 (1 + 0 undisclosed)",
                "2021-07 110.00 (1 + 1 undisclosed)",
                "2022-01 0.01 (1 + 0 undisclosed)",
                "2022-02 -5.00 (1 + 0 undisclosed)",
            ],
        ),
        (
            By::pair(Dimension::Donor, Dimension::Year),
            vec![
                "FR,2021 110.00 (1 + 1 undisclosed)",
                "GB,2022 0.01 (1 + 0 undisclosed)",
                "US,2021 310000120.01 (2 + 0 undisclosed)",
                "US,2022 -5.00 (1 + 0 undisclosed)",
            ],
        ),
    ];
    for (by, expected) in cases {
        let t = totals(by.clone());
        assert_eq!(rows(&t), expected, "{by}");
        assert_eq!(
            (t.read(), t.aggregated(), t.rejected(), t.undisclosed()),
            (7, 5, 1, 1),
            "{by}"
        );
        // 310000000 + 120.006 + 110 + 0.014 - 5, rounded once.
        assert_eq!(t.total().to_string(), "USD 310000225.02", "{by}");
        assert_eq!(t.exact_total().to_string(), "USD 310000225.02", "{by}");
    }
}

#[test]
fn rejections_carry_their_line_and_reason() {
    let t = totals(Dimension::Recipient);
    let r: Vec<String> = t.rejections().iter().map(ToString::to_string).collect();
    assert_eq!(
        r,
        ["line 6: no test rate for ISK on 2022-01-03: the latest, of 2008-12-09, is 4773 days old (at most 7 allowed)"]
    );
    assert!(matches!(
        t.rejections()[0].reason(),
        RejectReason::NoRate(FxError::Stale { .. })
    ));
}

#[test]
fn overflow_and_excess_precision_are_rejections_not_panics() {
    let max = Decimal::MAX.to_string();
    let at = |id: u32, amount: &str| {
        rec(
            id,
            day(2021, 1, 4),
            Country::US,
            Country::GT,
            FundingStage::Disbursed,
            Some(amount),
        )
    };
    let records = [
        at(1, "USD 500000000000000000000000000"),
        at(2, "USD 300000000000000000000000000"),
        at(3, &format!("XAU {max}")),
        at(4, "CHF 0.0000000000000000001"),
        at(5, "USD 1"),
    ];
    let mut agg = Aggregator::new(Rates, Currency::USD, Dimension::Recipient);
    for r in &records {
        agg.push(r);
    }
    // Each of the first two is within range; together they are not.
    assert_eq!((agg.read(), agg.aggregated(), agg.rejected()), (5, 3, 2));
    assert_eq!(
        agg.totals().unwrap_err().to_string(),
        "overflow: the total of GT exceeds the largest USD amount a decimal holds at 2 decimal places"
    );
    // A reduction brings the total back within range, exactly.
    agg.push(&at(6, "USD -300000000000000000000000000"));
    let t = agg.totals().unwrap();
    assert_eq!((t.read(), t.aggregated(), t.rejected()), (6, 4, 2));
    assert_eq!(t.total().to_string(), "USD 500000000000000000000000001.00");
    let reasons: Vec<String> = t.rejections().iter().map(ToString::to_string).collect();
    assert_eq!(
        reasons,
        [
            "line 3: overflow: XAU 79228162514264337593543950335 at 50 USD per XAU is beyond the largest USD amount a decimal holds",
            "line 4: CHF 0.0000000000000000001 has too many decimal places to sum exactly (at most 18 with its share)",
        ]
    );
    // The largest total is kept: 2^96 - 1 cents; a cent more is an error
    // until a cent less comes, in whatever order.
    let max_cents = "USD 792281625142643375935439503.35";
    for order in [
        ["USD -0.01", "USD 0.01", "USD 0.01"],
        ["USD 0.01", "USD 0.01", "USD -0.01"],
    ] {
        let mut agg = Aggregator::new(Rates, Currency::USD, Dimension::Recipient);
        agg.push(&at(1, max_cents));
        for (i, a) in order.iter().enumerate() {
            agg.push(&at(i as u32 + 2, a));
        }
        assert_eq!(agg.rejected(), 0);
        assert!(agg.totals().is_err());
        agg.push(&at(5, "USD -0.01"));
        assert_eq!(agg.totals().unwrap().total().to_string(), max_cents);
    }
    agg = Aggregator::new(Rates, Currency::USD, Dimension::Recipient);
    agg.push(&at(1, "USD 800000000000000000000000000"));
    assert_eq!(agg.rejected(), 1);
    // Merging never overflows: the merged total is as large as one pass.
    let one = || {
        let mut a = Aggregator::new(Rates, Currency::USD, Dimension::Recipient);
        a.push(&records[0]);
        a
    };
    let mut a = one();
    a.merge(one()).unwrap();
    assert_eq!(
        a.totals().unwrap_err().to_string(),
        "overflow: the total of GT exceeds the largest USD amount a decimal holds at 2 decimal places"
    );
    a.merge(one()).unwrap();
    let mut back = one();
    back.push(&at(9, "USD -1500000000000000000000000000"));
    // -1.5e27 alone is beyond the range: rejected, so the merge still overflows.
    assert_eq!(back.rejected(), 1);
    a.merge(back).unwrap();
    assert!(a.totals().is_err());
    let mut reduce = Aggregator::new(Rates, Currency::USD, Dimension::Recipient);
    for i in 0..4 {
        reduce.push(&at(10 + i, "USD -500000000000000000000000000"));
    }
    a.merge(reduce).unwrap();
    assert_eq!(a.totals().unwrap().total().to_string(), "USD 0.00");
}

#[test]
fn splits_are_apportioned_exactly_and_counted_once_per_group() {
    let split = CountrySplit::new([
        (Country::GT, "33.3333%".parse().unwrap()),
        (Country::HN, "33.3333%".parse().unwrap()),
        (Country::SV, "33.3334%".parse().unwrap()),
    ])
    .unwrap();
    let r = FundingRecord::new(
        "s".parse().unwrap(),
        day(2021, 6, 7),
        Country::US,
        split,
        FundingStage::Committed,
        Some("USD 100".parse().unwrap()),
    );
    let mut agg = Aggregator::new(Rates, Currency::USD, Dimension::Recipient);
    agg.push(&r);
    let t = agg.totals().unwrap();
    assert_eq!(
        rows(&t),
        [
            "GT 33.33 (1 + 0 undisclosed)",
            "HN 33.33 (1 + 0 undisclosed)",
            "SV 33.33 (1 + 0 undisclosed)"
        ]
    );
    assert_eq!(t.groups()[2].exact().to_string(), "USD 33.3334");
    assert_eq!(t.total().to_string(), "USD 100.00");
    let mut agg = Aggregator::new(Rates, Currency::USD, Dimension::IntermediateRegion);
    agg.push(&r);
    assert_eq!(
        rows(&agg.totals().unwrap()),
        ["Central America 100.00 (1 + 0 undisclosed)"]
    );
}

#[test]
fn converting_at_one_date() {
    let mut agg = Aggregator::new(Rates, Currency::USD, Dimension::Year).at(day(2021, 7, 1));
    for r in sample() {
        agg.push(&r);
    }
    assert_eq!(agg.conversion_date(), Some(day(2021, 7, 1)));
    let t = agg.totals().unwrap();
    // Every EUR at 1.1: 310000000 + 110.0055 + 110 + 0.014 - 5.
    assert_eq!(t.total().to_string(), "USD 310000215.02");
    assert_eq!(t.conversion_date(), Some(day(2021, 7, 1)));
}

#[test]
fn merging_refuses_different_sums() {
    let base = || Aggregator::new(Rates, Currency::USD, Dimension::Recipient);
    let cases = [
        (
            Aggregator::new(Rates, Currency::USD, Dimension::Donor),
            "cannot merge totals in USD by donor at each record's date into totals in USD by recipient at each record's date",
        ),
        (
            base().at(day(2021, 1, 4)),
            "cannot merge totals in USD by recipient at the rates of 2021-01-04 into totals in USD by recipient at each record's date",
        ),
    ];
    for (other, message) in cases {
        let mut a = base();
        assert_eq!(a.merge(other).unwrap_err().to_string(), message);
    }
    let groups = |name: &str| Dimension::group(&[(name.to_string(), vec![Country::GT])]);
    let mut a = Aggregator::new(Rates, Currency::USD, groups("A"));
    assert!(a.merge(Aggregator::new(Rates, Currency::USD, groups("B"))).is_err());
    assert!(a.merge(Aggregator::new(Rates, Currency::USD, groups("A"))).is_ok());
}

#[test]
fn keeps_as_many_rejections_as_asked() {
    let bad = rec(
        1,
        day(2022, 1, 3),
        Country::GB,
        Country::MX,
        FundingStage::Disbursed,
        Some("ISK 1"),
    );
    for keep in [0, 1, 3] {
        let mut agg = Aggregator::new(Rates, Currency::USD, Dimension::Recipient).keep_rejections(keep);
        for line in (1..=5).rev() {
            agg.push_at(line, &bad);
        }
        let t = agg.totals().unwrap();
        assert_eq!(t.rejected(), 5);
        let lines: Vec<u64> = t.rejections().iter().map(|r| r.line()).collect();
        assert_eq!(lines, (1..=keep as u64).collect::<Vec<_>>());
    }
}

#[test]
fn totals_as_csv() {
    let groups = Dimension::group(&[("Triangle, Northern", [Country::GT, Country::HN, Country::SV])]);
    let t = totals(By::pair(groups, Dimension::Stage));
    let mut out = Vec::new();
    t.write_csv(&mut out).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "group,stage,total,undisclosed\n\
         \"Triangle, Northern\",announced,,1\n\
         \"Triangle, Northern\",pledged,310000000.00,0\n\
         \"Triangle, Northern\",committed,120.01,0\n\
         \"Triangle, Northern\",disbursed,110.00,0\n\
         (ungrouped),disbursed,0.01,0\n\
         (ungrouped),cancelled,-5.00,0\n"
    );
    let key = GroupKey::new(
        KeyPart::Group("Triangle, Northern".into()),
        Some(KeyPart::Stage(FundingStage::Pledged)),
    );
    assert_eq!(
        t.get(&key).unwrap().total(),
        "USD 310000000.00".parse::<Money>().unwrap()
    );
    let mut agg = Aggregator::new(Rates, Currency::JPY, Dimension::IntermediateRegion);
    agg.push(&rec(
        1,
        day(2021, 1, 4),
        Country::US,
        Country::GT,
        FundingStage::Pledged,
        Some("JPY 2.5"),
    ));
    let t = agg.totals().unwrap();
    let mut out = Vec::new();
    t.write_csv(&mut out).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "intermediate-region,total,undisclosed\nCentral America,2,0\n"
    );
    assert_eq!(
        t.groups()[0].key().first(),
        &KeyPart::M49(IntermediateRegion::CentralAmerica.into())
    );
    assert_eq!(t.exact_total(), ExactSum::from("JPY 2.5".parse::<Money>().unwrap()));
}

#[test]
fn aggregators_and_their_results_cross_threads() {
    fn send<T: Send>() {}
    fn sync<T: Sync>() {}
    send::<Aggregator<&'static Rates>>();
    sync::<Aggregator<Rates>>();
    send::<statecraft::Totals>();
    sync::<statecraft::Totals>();
    send::<statecraft::records::RecordError>();
    sync::<statecraft::records::FundingFile<'static>>();
}
