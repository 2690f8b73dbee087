//! User rate tables and chains of sources: provenance of every leg, the
//! order sources are asked in, crosses across sources, and sharing.

#![cfg(feature = "ecb-snapshot")]

use std::sync::Arc;

use statecraft::fx::{Derivation, EcbRates, FxError, MissingRatePolicy, Rate, RateChain, RateSource, RateTable};
use statecraft::{Currency, Decimal, Money, NaiveDate};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

const BANGUAT: &str = "date,base,quote,rate\n2021-06-04,USD,GTQ,7.7237\n2021-06-07,USD,HNL,24.0507\n";

fn banguat() -> RateTable {
    let mut t = RateTable::named("Banco de Guatemala");
    t.read_csv(BANGUAT.as_bytes()).unwrap();
    t
}

fn chain() -> RateChain {
    RateChain::new().with(EcbRates::embedded()).with(banguat())
}

#[test]
fn a_table_answers_its_pairs_both_ways_with_exact_inverses() {
    let t = banguat();
    let r = t.rate(Currency::USD, Currency::GTQ, day("2021-06-07")).unwrap();
    assert_eq!(
        (r.value(), r.date(), r.source()),
        (dec("7.7237"), day("2021-06-04"), "Banco de Guatemala")
    );
    assert_eq!(r.derivation(), Derivation::Published);
    assert!(!r.is_derived());
    let inv = t.rate(Currency::GTQ, Currency::USD, day("2021-06-07")).unwrap();
    assert_eq!(inv.derivation(), Derivation::Inverse);
    assert!(inv.is_derived());
    assert_eq!(inv.value().to_string(), "0.1294716262930978676023149527");
    assert_eq!(inv.value(), Decimal::ONE / dec("7.7237"));
    assert_eq!(inv.ratio(), (Decimal::ONE, dec("7.7237")));
    // Converting there and back returns the amount to the last of 29 digits:
    // each way rounds once, to the precision of a `Decimal`.
    let q: Money = "Q75k".parse().unwrap();
    let usd = t.convert(q, Currency::USD, day("2021-06-07")).unwrap();
    assert_eq!(usd.to_string(), "USD 9710.371971982340070173621451");
    assert_eq!(usd.amount(), dec("75000") / dec("7.7237"));
    let back = t.convert(usd, Currency::GTQ, day("2021-06-07")).unwrap();
    assert_eq!(back.amount(), dec("75000.000000000000000000000001"));
    // The same missing-rate policy as the ECB.
    let exact = banguat().with_policy(MissingRatePolicy::ExactDate);
    assert_eq!(
        exact
            .rate(Currency::GTQ, Currency::USD, day("2021-06-07"))
            .unwrap_err()
            .to_string(),
        "no Banco de Guatemala rate for USD/GTQ published on 2021-06-07 (exact-date policy)"
    );
}

#[test]
fn a_table_refuses_retired_currencies() {
    let mut t = RateTable::named("Old");
    t.insert(day("2007-12-28"), Currency::CYP, Currency::USD, dec("1.7"))
        .unwrap();
    assert!(t.rate(Currency::CYP, Currency::USD, day("2007-12-31")).is_ok());
    assert_eq!(
        t.rate(Currency::USD, Currency::CYP, day("2008-01-02"))
            .unwrap_err()
            .to_string(),
        "no Old rate for CYP on 2008-01-02: CYP was retired after 2007-12-31"
    );
}

#[test]
fn a_retired_currency_into_itself_is_refused_by_every_source() {
    let (live, retired) = (day("2007-12-31"), day("2010-01-04"));
    let table = RateTable::named("Old");
    let sources: [(&dyn RateSource, &str); 4] = [
        (EcbRates::embedded(), "ECB"),
        (&table, "Old"),
        (&chain(), "ECB"),
        (&RateChain::new(), "identity"),
    ];
    for (source, provider) in sources {
        let r = source.rate(Currency::CYP, Currency::CYP, live).unwrap();
        assert_eq!((r.value(), r.derivation()), (Decimal::ONE, Derivation::Identity));
        let e = source.rate(Currency::CYP, Currency::CYP, retired).unwrap_err();
        assert!(matches!(e, FxError::Retired { .. }), "{e:?}");
        assert_eq!(
            e.to_string(),
            format!("no {provider} rate for CYP on 2010-01-04: CYP was retired after 2007-12-31")
        );
        let cyp = Money::new(dec("5"), Currency::CYP);
        assert_eq!(source.convert(cyp, Currency::CYP, live).unwrap(), cyp);
        assert_eq!(source.convert(cyp, Currency::CYP, retired).unwrap_err(), e);
        // A currency in use is its own rate on any date.
        assert!(source.rate(Currency::GTQ, Currency::GTQ, retired).is_ok());
    }
}

#[test]
fn a_rate_of_a_currency_into_itself_must_be_one() {
    let on = day("2021-06-04");
    let e = Rate::new(Currency::USD, Currency::USD, dec("7.7237"), on, "Banguat").unwrap_err();
    assert!(matches!(e, FxError::SelfRateNotOne { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        "invalid USD/USD rate 7.7237 on 2021-06-04: a currency into itself is exactly 1"
    );
    assert_eq!(
        Rate::new(Currency::USD, Currency::USD, dec("1.000"), on, "Banguat")
            .unwrap()
            .value(),
        Decimal::ONE
    );
}

#[test]
fn gtq_to_gbp_crosses_the_table_and_the_ecb_through_usd() {
    let r = chain().rate(Currency::GTQ, Currency::GBP, day("2021-06-07")).unwrap();
    assert_eq!(r.derivation(), Derivation::Cross);
    assert_eq!(r.source(), "Banco de Guatemala + ECB");
    assert_eq!(r.date(), day("2021-06-04"));
    let [gtq_usd, usd_gbp] = r.legs() else {
        panic!("two legs")
    };
    assert_eq!((gtq_usd.from(), gtq_usd.to()), (Currency::GTQ, Currency::USD));
    assert_eq!(
        (gtq_usd.source(), gtq_usd.date(), gtq_usd.derivation()),
        ("Banco de Guatemala", day("2021-06-04"), Derivation::Inverse)
    );
    assert_eq!((usd_gbp.from(), usd_gbp.to()), (Currency::USD, Currency::GBP));
    assert_eq!(
        (usd_gbp.source(), usd_gbp.date(), usd_gbp.derivation()),
        ("ECB", day("2021-06-07"), Derivation::Cross)
    );
    // One division of the published figures: 0.85825 / (7.7237 × 1.2162).
    assert_eq!(r.ratio(), (dec("0.85825"), dec("9.39356394")));
    assert_eq!(r.value().to_string(), "0.0913657484509548140681522843");
    let gbp = chain()
        .convert("Q75k".parse().unwrap(), Currency::GBP, day("2021-06-07"))
        .unwrap();
    assert_eq!(gbp.to_string(), "GBP 6852.4311338216110551114213207");
    assert_eq!(gbp.amount(), dec("64368.75") / dec("9.39356394"));

    // And back: GBP→GTQ is the inverse cross, ECB leg first.
    let back = chain().rate(Currency::GBP, Currency::GTQ, day("2021-06-07")).unwrap();
    assert_eq!(back.source(), "ECB + Banco de Guatemala");
    assert_eq!(back.ratio(), (dec("9.39356394"), dec("0.85825")));
    assert_eq!(back.legs()[1].derivation(), Derivation::Published);
}

#[test]
fn sources_are_asked_in_order() {
    let mut own = RateTable::named("Own");
    own.insert(day("2021-06-07"), Currency::EUR, Currency::USD, dec("1.2"))
        .unwrap();
    let own_first = RateChain::new().with(own.clone()).with(EcbRates::embedded());
    let r = own_first.rate(Currency::EUR, Currency::USD, day("2021-06-07")).unwrap();
    assert_eq!((r.value(), r.source()), (dec("1.2"), "Own"));
    let ecb_first = RateChain::new().with(EcbRates::embedded()).with(own);
    let r = ecb_first.rate(Currency::EUR, Currency::USD, day("2021-06-07")).unwrap();
    assert_eq!((r.value(), r.source()), (dec("1.2162"), "ECB"));
    // A later source fills what an earlier one refuses as stale.
    let mut isk = RateTable::named("Central Bank of Iceland");
    isk.insert(day("2012-05-02"), Currency::EUR, Currency::ISK, dec("166.5"))
        .unwrap();
    let r = RateChain::new()
        .with(EcbRates::embedded())
        .with(isk)
        .rate(Currency::ISK, Currency::EUR, day("2012-05-02"))
        .unwrap();
    assert_eq!(
        (r.source(), r.derivation()),
        ("Central Bank of Iceland", Derivation::Inverse)
    );
}

#[test]
fn chain_refusals_give_the_most_telling_reason() {
    let cases = [
        // The table knows USD/GTQ, but its rate is too old for the date.
        (
            "GTQ",
            "GBP",
            "2021-06-12",
            "no Banco de Guatemala rate for USD/GTQ on 2021-06-12: the latest, of 2021-06-04, is 8 days old (at most 7 allowed)",
        ),
        // Or the table's data ends too long before the date.
        (
            "GTQ",
            "GBP",
            "2021-06-20",
            "no Banco de Guatemala rate for USD/GTQ on 2021-06-20: the Banco de Guatemala data ends on 2021-06-07, more than 7 days before",
        ),
        // Nobody quotes NIO at all.
        (
            "NIO",
            "GBP",
            "2021-06-07",
            "no rate from NIO to GBP on 2021-06-07 in any source: no ECB rate for NIO on 2021-06-07: NIO is not quoted; \
             no Banco de Guatemala rate for NIO on 2021-06-07: NIO is not quoted",
        ),
        ("CYP", "GTQ", "2010-01-04", "no ECB rate for CYP on 2010-01-04: CYP was retired after 2007-12-31"),
        (
            "ISK",
            "GTQ",
            "2012-05-02",
            "no ECB rate for ISK on 2012-05-02: the latest, of 2008-12-09, is 1240 days old (at most 7 allowed)",
        ),
        (
            "GTQ",
            "HNL",
            "2021-06-01",
            "no Banco de Guatemala rate for USD/GTQ on 2021-06-01: Banco de Guatemala rates for USD/GTQ start on 2021-06-04",
        ),
    ];
    for (from, to, date, msg) in cases {
        let e = chain()
            .rate(from.parse().unwrap(), to.parse().unwrap(), day(date))
            .unwrap_err();
        assert_eq!(e.to_string(), msg, "{from}->{to} on {date}");
    }
    // One source: its own refusal, not a list.
    let only = RateChain::new().with(EcbRates::embedded());
    let e = only.rate(Currency::GTQ, Currency::GBP, day("2021-06-07")).unwrap_err();
    assert_eq!(e.to_string(), "no ECB rate for GTQ on 2021-06-07: GTQ is not quoted");
    let e = chain()
        .rate(Currency::NIO, Currency::GBP, day("2021-06-07"))
        .unwrap_err();
    assert!(matches!(e, FxError::NoSource { ref causes, .. } if causes.len() == 2));
}

#[test]
fn gtq_to_hnl_crosses_within_the_table_through_usd() {
    let r = chain().rate(Currency::GTQ, Currency::HNL, day("2021-06-07")).unwrap();
    assert_eq!(r.source(), "Banco de Guatemala");
    assert_eq!(r.ratio(), (dec("24.0507"), dec("7.7237")));
    assert_eq!(r.date(), day("2021-06-04"));
    assert_eq!(r.legs()[0].to(), Currency::USD);
}

#[test]
fn members_can_be_owned_shared_boxed_or_static() {
    let shared: Arc<RateTable> = Arc::new(banguat());
    let boxed: Box<dyn RateSource + Send + Sync> = Box::new(banguat());
    let c = RateChain::new()
        .with(EcbRates::embedded())
        .with(shared.clone())
        .with(boxed)
        .with(EcbRates::embedded().clone());
    assert_eq!(c.len(), 4);
    assert_eq!(c.pivots(), [Currency::EUR, Currency::USD]);
    assert!(c.rate(Currency::GTQ, Currency::JPY, day("2021-06-07")).is_ok());
    // A chain is a source too, and nests.
    let outer = RateChain::new().with(c);
    assert!(outer.rate(Currency::HNL, Currency::GTQ, day("2021-06-07")).is_ok());
}

#[test]
fn a_chain_is_shared_across_threads() {
    let rates = Arc::new(chain());
    let on = day("2021-06-07");
    let results: Vec<Money> = std::thread::scope(|s| {
        let handles: Vec<_> = ["USD 310000000", "GTQ 75000", "HNL 1000000", "EUR 5"]
            .map(|m| {
                let rates = Arc::clone(&rates);
                s.spawn(move || rates.convert(m.parse().unwrap(), Currency::GBP, on).unwrap())
            })
            .into_iter()
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(results[0].to_string(), "GBP 218761305.7062983061996382174");
    assert_eq!(results[3].amount(), dec("4.29125"));
    fn send_sync<T: Send + Sync>(_: &T) {}
    send_sync(&rates);
}

#[test]
fn rates_built_by_hand_cross_like_sourced_ones() {
    let usd_gtq = Rate::new(
        Currency::USD,
        Currency::GTQ,
        dec("7.7237"),
        day("2021-06-04"),
        "Banguat",
    )
    .unwrap();
    let via_chain = chain().rate(Currency::GBP, Currency::GTQ, day("2021-06-07")).unwrap();
    let gbp_usd = EcbRates::embedded()
        .rate(Currency::GBP, Currency::USD, day("2021-06-07"))
        .unwrap();
    let by_hand = Rate::cross(gbp_usd, usd_gtq).unwrap();
    assert_eq!(by_hand.value(), via_chain.value());
    assert_eq!(by_hand.ratio(), via_chain.ratio());
}
