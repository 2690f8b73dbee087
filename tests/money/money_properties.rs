//! Properties of countries, currencies and money that hold for every value.

use proptest::prelude::*;
use statecraft::money::SymbolContext;
use statecraft::{Count, Country, Currency, Decimal, Money, Qualifier};

fn currency() -> impl Strategy<Value = Currency> {
    let all: Vec<Currency> = Currency::iter().collect();
    proptest::sample::select(all)
}

fn country() -> impl Strategy<Value = Country> {
    let all: Vec<Country> = Country::iter().collect();
    proptest::sample::select(all)
}

/// Any `Decimal`: every mantissa sign and scale.
fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), any::<u32>(), 0u32..=28, any::<bool>()).prop_map(|(lo, hi, scale, neg)| {
        let mantissa = (i128::from(hi) << 64 | i128::from(lo as u64)) & ((1 << 96) - 1);
        let d = Decimal::from_i128_with_scale(mantissa, scale);
        if neg {
            -d
        } else {
            d
        }
    })
}

/// Amounts of a size money has in practice: less than 10^18 in magnitude
/// (a mantissa within ±10^18 at scale 0 to 4), with up to 4 decimals, so
/// that sums of a few of them cannot overflow.
fn amount() -> impl Strategy<Value = Decimal> {
    (-1_000_000_000_000_000_000i64..1_000_000_000_000_000_000i64, 0u32..=4)
        .prop_map(|(m, scale)| Decimal::new(m, scale))
}

/// Half a unit of the fourth significant digit of `x` (`x` >= 0).
fn half_unit_of_fourth_digit(x: Decimal) -> Decimal {
    if x.is_zero() {
        return Decimal::ZERO;
    }
    // k such that 10^k <= x < 10^(k+1).
    let mut k: i32 = 0;
    let mut p = Decimal::ONE;
    if x >= Decimal::ONE {
        while let Some(next) = p.checked_mul(Decimal::TEN) {
            if next > x {
                break;
            }
            p = next;
            k += 1;
        }
    } else {
        while p > x {
            p /= Decimal::TEN;
            k -= 1;
        }
    }
    let e = k - 3; // the fourth digit's power of ten
    if e >= 0 {
        Decimal::from_i128_with_scale(5 * 10i128.pow(e as u32), 1)
    } else {
        Decimal::new(5, ((-e) as u32 + 1).min(28))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn country_display_and_from_str_are_inverses(c in country()) {
        prop_assert_eq!(c.to_string().parse::<Country>(), Ok(c));
    }

    #[test]
    fn currency_display_and_from_str_are_inverses(c in currency()) {
        prop_assert_eq!(c.to_string().parse::<Currency>(), Ok(c));
    }

    #[test]
    fn money_display_and_from_str_are_inverses_scale_included(a in decimal(), c in currency()) {
        let m = Money::new(a, c);
        for text in [m.to_string(), format!("{m:#}")] {
            let back: Money = text.parse().map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
            prop_assert_eq!(back, m);
            prop_assert_eq!(back.amount().scale(), a.scale(), "{}", text);
        }
    }

    #[test]
    fn compact_form_parses_back_within_half_a_unit_of_its_last_digit(a in decimal(), c in currency()) {
        let m = Money::new(a, c);
        let compact = m.to_compact();
        let back: Money = compact.parse().map_err(|e| TestCaseError::fail(format!("{compact}: {e}")))?;
        prop_assert_eq!(back.currency(), c);
        // Four significant digits are kept: the error is at most half a
        // unit of the fourth significant digit of what was written.
        let half_unit = half_unit_of_fourth_digit(back.amount().abs());
        let diff = (back.amount() - a).abs();
        prop_assert!(diff <= half_unit, "{} -> {} is off by {} (half unit {})", m, compact, diff, half_unit);
    }

    #[test]
    fn compact_form_in_a_country_parses_back_there(a in amount(), c in currency(), country in country()) {
        // The symbol chosen for the copy of a country reads back, in that
        // country, as the same currency (`$5m` is MXN in Mexico, USD
        // elsewhere; `Q3` is money in Guatemala).
        let ctx = SymbolContext::published_in(country);
        let m = Money::new(a, c);
        let compact = m.to_compact_in(&ctx);
        let back = Money::parse_in(&compact, &ctx).map_err(|e| TestCaseError::fail(format!("{compact}: {e}")))?;
        prop_assert_eq!(back.currency(), c, "{} in {}", compact, country);
    }

    #[test]
    fn checked_add_is_commutative_and_associative(a in amount(), b in amount(), x in amount(), c in currency()) {
        let (a, b, x) = (Money::new(a, c), Money::new(b, c), Money::new(x, c));
        prop_assert_eq!(a.checked_add(b), b.checked_add(a));
        let left = a.checked_add(b).and_then(|ab| ab.checked_add(x));
        let right = b.checked_add(x).and_then(|bx| a.checked_add(bx));
        prop_assert_eq!(left, right);
    }

    #[test]
    fn checked_arithmetic_never_panics(a in decimal(), b in decimal(), c in currency()) {
        let (m, n) = (Money::new(a, c), Money::new(b, c));
        let _ = m.checked_add(n);
        let _ = m.checked_sub(n);
        let _ = m.checked_mul(b);
        let _ = m.checked_div(b);
        let _ = Money::checked_sum(c, [m, n, m]);
        let _ = m.round();
        let _ = m.to_compact();
    }

    #[test]
    fn the_parts_of_a_split_sum_to_the_whole(
        a in amount(),
        c in currency(),
        weights in proptest::collection::vec(0u32..10_000, 1..12),
    ) {
        prop_assume!(weights.iter().any(|w| *w > 0));
        let whole = Money::new(a, c);
        let weights: Vec<Decimal> = weights.into_iter().map(Decimal::from).collect();
        let parts = whole.allocate(&weights).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(parts.len(), weights.len());
        prop_assert_eq!(Money::checked_sum(c, parts.iter().copied()), Ok(whole));
        // Each part is within one unit of its exact share.
        let dp = c.minor_units().map(u32::from).unwrap_or(a.scale()).max(a.scale());
        let unit = Decimal::new(1, dp);
        let total: Decimal = weights.iter().sum();
        for (p, w) in parts.iter().zip(&weights) {
            let exact = a * w / total;
            prop_assert!((p.amount() - exact).abs() < unit + Decimal::new(1, 20), "{} vs {}", p, exact);
        }
    }

    #[test]
    fn parsing_arbitrary_text_never_panics(s in "\\PC{0,40}") {
        let _ = s.parse::<Money>();
        let _ = s.parse::<Country>();
        let _ = s.parse::<Currency>();
        let _ = s.parse::<Count>();
        let _ = Count::parse_with_unit(&s);
    }

    #[test]
    fn parsing_notation_like_text_never_panics(s in "[-−]?(US|C|A|MX|R)?[$£€¥Q]?[0-9,.]{0,40}[eE]?[0-9]{0,3} ?(k|m|bn|tn|million|billion)? ?[A-Za-z]{0,4}") {
        let _ = s.parse::<Money>();
        let _ = s.parse::<Count>();
    }

    #[test]
    fn count_display_and_from_str_are_inverses(v in any::<u64>(), q in proptest::sample::select(vec![
        Qualifier::Exact, Qualifier::MoreThan, Qualifier::AtLeast, Qualifier::About,
        Qualifier::Approaching, Qualifier::FewerThan, Qualifier::UpTo,
    ])) {
        let c = Count::new(v, q);
        prop_assert_eq!(c.to_string().parse::<Count>(), Ok(c));
    }
}
