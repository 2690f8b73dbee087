//! Invariants of conversion on real dates of the embedded ECB snapshot,
//! between the currencies published on each date.

#![cfg(feature = "ecb-snapshot")]

use std::sync::OnceLock;

use proptest::prelude::*;
use statecraft::fx::{EcbRates, RateChain, RateSource, RateTable};
use statecraft::{Currency, Decimal, Money, NaiveDate};

fn ecb() -> &'static EcbRates {
    EcbRates::embedded()
}

fn dates() -> &'static [NaiveDate] {
    static DATES: OnceLock<Vec<NaiveDate>> = OnceLock::new();
    DATES.get_or_init(|| ecb().dates().collect())
}

/// A publication day of the snapshot and the currencies published that day
/// (the euro first).
fn published_on(row: usize) -> (NaiveDate, Vec<Currency>) {
    let on = dates()[row % dates().len()];
    let mut quoted = vec![Currency::EUR];
    quoted.extend(
        ecb()
            .currencies()
            .iter()
            .copied()
            .filter(|&c| ecb().rate(Currency::EUR, c, on).is_ok_and(|r| r.date() == on)),
    );
    (on, quoted)
}

fn pick(quoted: &[Currency], i: usize) -> Currency {
    quoted[i % quoted.len()]
}

/// `|x − y| ≤ 1e-20 × max(|x|, |y|)`.
fn close(x: Decimal, y: Decimal) -> bool {
    let tolerance = Decimal::new(1, 20) * x.abs().max(y.abs());
    (x - y).abs() <= tolerance
}

/// Positive amounts up to 10^15 with up to 4 decimals.
fn amount() -> impl Strategy<Value = Decimal> {
    (1u64..1_000_000_000_000_000, 0u32..=4).prop_map(|(m, scale)| Decimal::new(m as i64, scale))
}

/// A table of GTQ per USD on every publication day from 2020 on, after the ECB.
fn chain() -> &'static RateChain {
    static CHAIN: OnceLock<RateChain> = OnceLock::new();
    CHAIN.get_or_init(|| {
        let mut t = RateTable::named("Banguat");
        for (i, &d) in dates().iter().filter(|d| d.to_string().starts_with("202")).enumerate() {
            let rate = Decimal::new(77237 + (i as i64 % 97), 4);
            t.insert(d, Currency::USD, Currency::GTQ, rate).unwrap();
        }
        RateChain::new().with(ecb()).with(t)
    })
}

proptest! {
    #[test]
    fn a_rate_times_its_reverse_is_one(row in 0usize..10_000, a in 0usize..64, b in 0usize..64) {
        let (on, quoted) = published_on(row);
        let (a, b) = (pick(&quoted, a), pick(&quoted, b));
        let ab = ecb().rate(a, b, on).unwrap();
        let ba = ecb().rate(b, a, on).unwrap();
        prop_assert!(close(ab.value() * ba.value(), Decimal::ONE), "{ab} × {ba}");
        prop_assert_eq!(ab.date(), on);
    }

    #[test]
    fn rates_chain(row in 0usize..10_000, a in 0usize..64, b in 0usize..64, c in 0usize..64) {
        let (on, quoted) = published_on(row);
        let (a, b, c) = (pick(&quoted, a), pick(&quoted, b), pick(&quoted, c));
        let ab = ecb().rate(a, b, on).unwrap().value();
        let bc = ecb().rate(b, c, on).unwrap().value();
        let ac = ecb().rate(a, c, on).unwrap().value();
        prop_assert!(close(ab * bc, ac), "{a}->{b}->{c} on {on}: {ab} × {bc} vs {ac}");
    }

    #[test]
    fn converting_there_and_back_returns_the_amount(
        row in 0usize..10_000, a in 0usize..64, b in 0usize..64, x in amount(),
    ) {
        let (on, quoted) = published_on(row);
        let (a, b) = (pick(&quoted, a), pick(&quoted, b));
        let there = ecb().convert(Money::new(x, a), b, on).unwrap();
        let back = ecb().convert(there, a, on).unwrap();
        prop_assert_eq!(back.currency(), a);
        prop_assert!(close(back.amount(), x), "{x} {a} -> {there} -> {back} on {on}");
    }

    #[test]
    fn conversion_is_linear(
        row in 0usize..10_000, a in 0usize..64, b in 0usize..64, x in amount(), y in amount(),
    ) {
        let (on, quoted) = published_on(row);
        let (a, b) = (pick(&quoted, a), pick(&quoted, b));
        let cx = ecb().convert(Money::new(x, a), b, on).unwrap();
        let cy = ecb().convert(Money::new(y, a), b, on).unwrap();
        let cxy = ecb().convert(Money::new(x + y, a), b, on).unwrap();
        prop_assert!(close(cxy.amount(), cx.amount() + cy.amount()), "{a}->{b} on {on}: {cxy} vs {cx} + {cy}");
    }

    #[test]
    fn convert_equals_rate_then_apply(
        row in 0usize..10_000, a in 0usize..64, b in 0usize..64, x in amount(), days_later in 0u64..7,
    ) {
        let (on, quoted) = published_on(row);
        let on = on + chrono::Days::new(days_later);
        let (a, b) = (pick(&quoted, a), pick(&quoted, b));
        let m = Money::new(x, a);
        prop_assert_eq!(ecb().convert(m, b, on), ecb().rate(a, b, on).and_then(|r| r.apply(m)));
    }

    #[test]
    fn never_a_later_rate_and_never_older_than_a_week(
        row in 0usize..10_000, a in 0usize..64, b in 0usize..64, days_later in 0u64..12,
    ) {
        let (on, quoted) = published_on(row);
        let asked = on + chrono::Days::new(days_later);
        let (a, b) = (pick(&quoted, a), pick(&quoted, b));
        match ecb().rate(a, b, asked) {
            Ok(r) => {
                prop_assert!(r.date() <= asked);
                prop_assert!((asked - r.date()).num_days() <= 7);
                for leg in r.legs() {
                    prop_assert!(leg.date() <= asked && leg.date() >= r.date());
                }
            }
            // Both were published on `on`: within 7 days a refusal is
            // only right for a currency replaced in between (CYP, HRK).
            Err(e) => {
                let retired = [a, b].iter().any(|c| c.changeover().is_some_and(|changeover| asked >= changeover));
                prop_assert!(days_later > 7 || retired, "{a}->{b} on {asked} (both published on {on}): {e}");
            }
        }
    }

    #[test]
    fn crosses_through_a_user_table_round_trip(
        row in 5_375usize..7_126, a in 0usize..64, x in amount(),
    ) {
        let (on, quoted) = published_on(row);
        prop_assume!(on.to_string().starts_with("202"));
        let a = pick(&quoted, a);
        let q = chain().convert(Money::new(x, Currency::GTQ), a, on).unwrap();
        let back = chain().convert(q, Currency::GTQ, on).unwrap();
        prop_assert!(close(back.amount(), x), "{x} GTQ -> {q} -> {back} on {on}");
        let gtq_a = chain().rate(Currency::GTQ, a, on).unwrap().value();
        let a_gtq = chain().rate(a, Currency::GTQ, on).unwrap().value();
        prop_assert!(close(gtq_a * a_gtq, Decimal::ONE));
    }
}
