//! Reported pairs: the seed article's "$310m (£219m)" at the report's date
//! and at the announcement's, with exact deviations.

#![cfg(feature = "ecb-snapshot")]

use statecraft::fx::{
    check_reported, check_reported_with, Derivation, EcbRates, FxError, RateChain, RateTable, DEFAULT_MARGIN_PERCENT,
};
use statecraft::{Decimal, Money, NaiveDate};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn money(s: &str) -> Money {
    s.parse().unwrap()
}

#[test]
fn consistent_at_the_report_date() {
    let c = check_reported(money("$310m"), money("£219m"), day("2021-06-07"), EcbRates::embedded()).unwrap();
    assert_eq!(c.primary(), money("USD 310000000"));
    assert_eq!(c.reported(), money("GBP 219000000"));
    assert_eq!(c.date(), day("2021-06-07"));
    assert_eq!(c.reference().value(), dec("0.7056816313106396974181877981"));
    assert_eq!(
        (c.reference().date(), c.reference().source()),
        (day("2021-06-07"), "ECB")
    );
    assert_eq!(c.reference().derivation(), Derivation::Cross);
    assert_eq!(c.expected().to_string(), "GBP 218761305.7062983061996382174");
    // 219 / 310
    assert_eq!(c.implied_rate(), dec("0.7064516129032258064516129032"));
    // (219000000 − 218761305.706…) × 100 ÷ 218761305.706… = 0.10911175215883784520263476880…
    assert_eq!(c.deviation_percent(), dec("0.1091117521588378452026347681"));
    // ±0.5m of 219m.
    assert_eq!(c.rounding_percent(), dec("0.2283105022831050228310502283"));
    assert_eq!(c.margin_percent(), DEFAULT_MARGIN_PERCENT);
    assert_eq!(c.tolerance_percent(), dec("1.2283105022831050228310502283"));
    assert!(c.is_consistent());
    assert_eq!(
        c.to_string(),
        "£219m for $310m on 2021-06-07 is 0.11% above £218.8m at the ECB rate of 2021-06-07, \
         within ±1.23% (rounding 0.23% + margin 1%): consistent"
    );
    // Even without a margin, the rounding of £219m covers it.
    let strict = check_reported_with(
        money("$310m"),
        money("£219m"),
        day("2021-06-07"),
        EcbRates::embedded(),
        Decimal::ZERO,
    )
    .unwrap();
    assert!(strict.is_consistent());
}

#[test]
fn inconsistent_at_the_announcement_date() {
    let c = check_reported(money("$310m"), money("£219m"), day("2021-04-26"), EcbRates::embedded()).unwrap();
    assert_eq!(c.reference().ratio(), (dec("0.86975"), dec("1.2085")));
    assert_eq!(c.expected().to_string(), "GBP 223105088.95324782788580885395");
    // −1.83997997199788593311018182830…
    assert_eq!(c.deviation_percent(), dec("-1.8399799719978859331101818278"));
    assert!(!c.is_consistent());
    assert_eq!(
        c.to_string(),
        "£219m for $310m on 2021-04-26 is 1.84% below £223.1m at the ECB rate of 2021-04-26, \
         outside ±1.23% (rounding 0.23% + margin 1%): inconsistent"
    );
    // A 2% margin lets it pass.
    let two = check_reported_with(
        money("$310m"),
        money("£219m"),
        day("2021-04-26"),
        EcbRates::embedded(),
        Decimal::TWO,
    )
    .unwrap();
    assert!(two.is_consistent());
    assert_eq!(two.tolerance_percent(), dec("2.2283105022831050228310502283"));
}

#[test]
fn precision_of_the_reported_figure_sets_the_slack() {
    let on = day("2021-06-07");
    let ecb = EcbRates::embedded();
    // £218.8m is given to the nearest 0.1m: ±0.023%, and 218.8 is 0.02% off.
    let c = check_reported_with(money("$310m"), money("£218.8m"), on, ecb, Decimal::ZERO).unwrap();
    assert_eq!(c.rounding_percent(), dec("0.0228519195612431444241316271"));
    assert!(c.is_consistent(), "{c}");
    // £218.7m is 0.028% off: outside ±0.023% without a margin.
    let c = check_reported_with(money("$310m"), money("£218.7m"), on, ecb, Decimal::ZERO).unwrap();
    assert!(!c.is_consistent(), "{c}");
    // £220m is "220m", given to the nearest million like £219m: ±0.5m, ±0.227%.
    let c = check_reported_with(money("$310m"), money("£220m"), on, ecb, Decimal::ZERO).unwrap();
    assert_eq!(c.precision(), dec("1000000"));
    assert_eq!(c.rounding_percent(), dec("0.2272727272727272727272727273"));
    assert!(!c.is_consistent(), "{c}");
    // Negative pairs (a cancelled commitment) check like positive ones.
    let c = check_reported(money("-$310m"), money("-£219m"), on, ecb).unwrap();
    assert_eq!(c.deviation_percent(), dec("0.1091117521588378452026347681"));
}

#[test]
fn the_precision_is_read_as_the_press_writes_amounts() {
    let on = day("2021-06-07");
    let ecb = EcbRates::embedded();
    // (reported, its precision, rounding slack in percent)
    let cases = [
        ("£219m", "1000000", "0.2283105022831050228310502283"),
        ("£220m", "1000000", "0.2272727272727272727272727273"),
        ("£200m", "1000000", "0.25"),
        ("£218.8m", "100000", "0.0228519195612431444241316271"),
        ("£4.5bn", "100000000", "1.1111111111111111111111111111"),
        ("£1bn", "1000000000", "50"),
        ("GBP 1234.56", "0.01", "0.0004050025920165889061689995"),
    ];
    for (reported, precision, slack) in cases {
        let c = check_reported(money("$310m"), money(reported), on, ecb).unwrap();
        assert_eq!(
            (c.precision(), c.rounding_percent()),
            (dec(precision), dec(slack)),
            "{reported}"
        );
    }
    // £200m for $250m: £176.4m expected, 13.4% off; ±0.25% + 1% no longer
    // covers it (read as "nearest 100m", the old slack of ±25% did).
    let c = check_reported(money("$250m"), money("£200m"), on, ecb).unwrap();
    assert_eq!(c.tolerance_percent(), dec("1.25"));
    assert!(!c.is_consistent(), "{c}");
    assert_eq!(
        c.to_string(),
        "£200m for $250m on 2021-06-07 is 13.37% above £176.4m at the ECB rate of 2021-06-07, \
         outside ±1.25% (rounding 0.25% + margin 1%): inconsistent"
    );
    // A precision given by hand.
    let rough = c.clone().with_precision(dec("100000000")).unwrap();
    assert_eq!(
        (rough.precision(), rough.rounding_percent()),
        (dec("100000000"), dec("25"))
    );
    assert!(rough.is_consistent(), "{rough}");
    for bad in ["0", "-1"] {
        let e = c.clone().with_precision(dec(bad)).unwrap_err();
        assert_eq!(e, FxError::InvalidPrecision { precision: dec(bad) });
        assert_eq!(e.to_string(), format!("invalid precision {bad}: it must be positive"));
    }
    // The seed pair: consistent at the report's date, not at the announcement's.
    let c = check_reported(money("$310m"), money("£219m"), on, ecb).unwrap();
    assert!(c.is_consistent(), "{c}");
    assert_eq!(c.deviation_percent(), dec("0.1091117521588378452026347681"));
    let c = check_reported(money("$310m"), money("£219m"), day("2021-04-26"), ecb).unwrap();
    assert!(!c.is_consistent(), "{c}");
    assert_eq!(c.deviation_percent().round_dp(2), dec("-1.84"));
}

#[test]
fn pairs_through_a_chain_and_on_a_weekend() {
    let banguat = RateTable::from_csv("date,base,quote,rate\n2021-06-04,USD,GTQ,7.7237\n".as_bytes()).unwrap();
    let rates = RateChain::new().with(EcbRates::embedded()).with(banguat);
    let c = check_reported(money("$310m"), money("Q2.39bn"), day("2021-06-06"), &rates).unwrap();
    assert_eq!(c.reference().date(), day("2021-06-04"));
    assert_eq!(c.expected().to_string(), "GTQ 2394347000");
    assert!(c.is_consistent(), "{c}");
    assert_eq!(
        c.to_string(),
        "GTQ 2.39bn for $310m on 2021-06-06 is 0.18% below GTQ 2.394bn at the user-supplied rate of 2021-06-04, \
         within ±1.21% (rounding 0.21% + margin 1%): consistent"
    );
}

#[test]
fn uncheckable_pairs_and_missing_rates_are_errors() {
    let on = day("2021-06-07");
    let ecb = EcbRates::embedded();
    let cases = [
        (
            "$310m",
            "$219m",
            "cannot check USD 219000000 against USD 310000000: both amounts are in USD",
        ),
        (
            "$0",
            "£219m",
            "cannot check GBP 219000000 against USD 0: a zero amount implies no rate",
        ),
        (
            "$310m",
            "-£219m",
            "cannot check GBP -219000000 against USD 310000000: the amounts have opposite signs",
        ),
        (
            "$310m",
            "Q2.4bn",
            "no ECB rate for GTQ on 2021-06-07: GTQ is not quoted",
        ),
    ];
    for (primary, reported, msg) in cases {
        let e = check_reported(money(primary), money(reported), on, ecb).unwrap_err();
        assert_eq!(e.to_string(), msg);
    }
    let e = check_reported_with(money("$310m"), money("£219m"), on, ecb, dec("-1")).unwrap_err();
    assert_eq!(e, FxError::InvalidMargin { margin: dec("-1") });
    assert_eq!(e.to_string(), "invalid margin -1%: it must be zero or positive");
}
