//! Figures as the press writes them, read whole: money notation of every
//! region, qualified and ranged amounts, reported pairs, counts with their
//! unit, percentages; and the errors, pinned.

use statecraft::money::SymbolContext;
use statecraft::notation::{Figure, MoneyPair, Reading};
use statecraft::{Count, Country, Currency, Decimal, Money, Qualifier};

fn money(amount: &str, c: Currency) -> Money {
    Money::new(amount.parse().unwrap(), c)
}

#[test]
fn money_as_the_press_writes_it() {
    use Currency::*;
    let cases = [
        // Codes before and after, symbols and prefixes.
        ("USD 5m", "5000000", USD),
        ("5m USD", "5000000", USD),
        ("US$5m", "5000000", USD),
        ("$US4 billion", "4000000000", USD),
        ("Rs 3,600.00", "3600.00", INR),
        ("RM50", "50", MYR),
        ("NT$ 1,160", "1160", TWD),
        ("AU$ 1,175", "1175", AUD),
        ("CA$1.23", "1.23", CAD),
        ("฿ 3.39", "3.39", THB),
        ("R273.00", "273.00", ZAR),
        ("S$6.42bn", "6420000000", SGD),
        ("A$5.2bn", "5200000000", AUD),
        // Currency words after the number.
        ("10 million euros", "10000000", EUR),
        ("818 million euros", "818000000", EUR),
        ("5 billion dollars", "5000000000", USD),
        ("2 francs", "2", CHF),
        ("2963yen", "2963", JPY),
        ("2963 yen", "2963", JPY),
        ("1 yuan", "1", CNY),
        ("1 pound", "1", GBP),
        ("3 pounds sterling", "3", GBP),
        ("20 Swiss francs", "20", CHF),
        ("4 million Mexican pesos", "4000000", MXN),
        // Number words and magnitudes.
        ("one million dollars", "1000000", USD),
        ("a billion euros", "1000000000", EUR),
        ("half a million pounds", "500000", GBP),
        ("$1.2 trillion", "1200000000000", USD),
        ("$5k", "5000", USD),
        ("$5mn", "5000000", USD),
        ("$5tn", "5000000000000", USD),
        // South Asian.
        ("₹1.5 lakh crore", "1500000000000", INR),
        ("Rs 20,000 crore", "200000000000", INR),
        ("₹1,00,000", "100000", INR),
        ("Rs 2.5 lakh", "250000", INR),
        // Minor units: a hundredth, never the currency itself.
        ("1 GBp", "0.01", GBP),
        ("GBX 150", "1.50", GBP),
        ("50p", "0.50", GBP),
        ("75c", "0.75", USD),
        ("50 pence", "0.50", GBP),
    ];
    for (text, amount, currency) in cases {
        let got: Money = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(got, money(amount, currency), "{text}");
    }
}

#[test]
fn ambiguous_symbols_and_words_follow_the_country_of_publication() {
    let ca = SymbolContext::published_in(Country::CA);
    let mx = SymbolContext::published_in(Country::MX);
    let au = SymbolContext::published_in(Country::AU);
    let ie = SymbolContext::published_in(Country::IE);
    let se = SymbolContext::published_in(Country::SE);
    let pk = SymbolContext::published_in(Country::PK);
    let cases = [
        ("5 billion dollars", &ca, Currency::CAD),
        ("$5m", &mx, Currency::MXN),
        ("5 million pesos", &mx, Currency::MXN),
        ("$5m", &au, Currency::AUD),
        ("$US5m", &au, Currency::USD),
        ("75c", &ie, Currency::EUR),
        ("kr 100", &se, Currency::SEK),
        ("100 kronor", &se, Currency::SEK),
        ("Rs 20,000 crore", &pk, Currency::PKR),
        ("500 rupees", &pk, Currency::PKR),
    ];
    for (text, context, want) in cases {
        let got = Money::parse_in(text, context).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(got.currency(), want, "{text}");
    }
    // The caller's default comes before the crate's.
    let nok = SymbolContext::international()
        .with_default("kr", Currency::NOK)
        .unwrap();
    assert_eq!(Money::parse_in("kr 100", &nok).unwrap().currency(), Currency::NOK);
}

#[test]
fn qualified_and_ranged_money() {
    let usd = |s: &str| s.parse::<Money>().unwrap();
    let cases = [
        ("about $4bn", Figure::new(usd("$4bn"), Qualifier::About)),
        ("more than £200m", Figure::new(usd("£200m"), Qualifier::MoreThan)),
        ("up to $1bn", Figure::new(usd("$1bn"), Qualifier::UpTo)),
        ("nearly €2bn", Figure::new(usd("€2bn"), Qualifier::Approaching)),
        ("$3-4bn", Figure::range(usd("$3bn"), usd("$4bn")).unwrap()),
        ("$3–4bn", Figure::range(usd("$3bn"), usd("$4bn")).unwrap()),
        ("$3bn-$4bn", Figure::range(usd("$3bn"), usd("$4bn")).unwrap()),
        ("between £5m and £6m", Figure::range(usd("£5m"), usd("£6m")).unwrap()),
        ("between £5 and £6m", Figure::range(usd("£5m"), usd("£6m")).unwrap()),
        ("3 to 4 million euros", Figure::range(usd("€3m"), usd("€4m")).unwrap()),
        ("£500,000-1m", Figure::range(usd("£500000"), usd("£1m")).unwrap()),
    ];
    for (text, want) in cases {
        let got: Figure<Money> = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(got, want, "{text}");
    }
}

#[test]
fn counts_with_qualifiers_ranges_and_units() {
    let any = SymbolContext::international();
    let cases = [
        (
            "nearly 6 million doses",
            Count::new(6_000_000, Qualifier::Approaching),
            Some("doses"),
        ),
        ("just over 6 million", Count::new(6_000_000, Qualifier::JustOver), None),
        ("3 to 4 million", Count::range(3_000_000, 4_000_000).unwrap(), None),
        ("178,000 migrants", Count::exact(178_000), Some("migrants")),
        ("25m doses", Count::exact(25_000_000), Some("doses")),
        ("230,000 deaths", Count::exact(230_000), Some("deaths")),
        ("half a million", Count::exact(500_000), None),
    ];
    for (text, count, unit) in cases {
        assert_eq!(
            Reading::parse_in(text, &any),
            Ok(Reading::Count { count, unit }),
            "{text}"
        );
    }
    // Count's own reader takes "to" ranges too.
    assert_eq!(
        "3 to 4 million".parse::<Count>().unwrap(),
        Count::range(3_000_000, 4_000_000).unwrap()
    );
}

#[test]
fn percentages() {
    let any = SymbolContext::international();
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    let cases = [
        ("40%", Figure::exact(d("40"))),
        ("more than 40%", Figure::new(d("40"), Qualifier::MoreThan)),
        ("about 2.5 per cent", Figure::new(d("2.5"), Qualifier::About)),
        ("12 percent", Figure::exact(d("12"))),
        ("3-4%", Figure::range(d("3"), d("4")).unwrap()),
    ];
    for (text, want) in cases {
        assert_eq!(Reading::parse_in(text, &any), Ok(Reading::Percent(want)), "{text}");
    }
}

#[test]
fn pairs_in_one_string() {
    let cases = [
        ("$310m (£219m)", "$310m", "£219m"),
        ("£548m (US$711m)", "£548m", "$711m"),
        ("$3.5billion (£2.47bn)", "$3.5bn", "£2.47bn"),
        ("€1bn ($1.2bn)", "€1bn", "$1.2bn"),
    ];
    for (text, primary, reported) in cases {
        let pair: MoneyPair = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(pair.primary().value(), primary.parse::<Money>().unwrap(), "{text}");
        assert_eq!(pair.reported().value(), reported.parse::<Money>().unwrap(), "{text}");
    }
}

#[cfg(feature = "ecb-snapshot")]
#[test]
fn a_pair_is_checked_at_the_reference_rate() {
    use statecraft::fx::EcbRates;
    use statecraft::NaiveDate;
    let pair: MoneyPair = "$310m (£219m)".parse().unwrap();
    let report = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
    assert!(pair.check(report, EcbRates::embedded()).unwrap().is_consistent());
    let announced = NaiveDate::from_ymd_opt(2021, 4, 26).unwrap();
    assert!(!pair.check(announced, EcbRates::embedded()).unwrap().is_consistent());
    // "$3.5billion (£2.47bn)" in June 2021: the rate was about 0.71.
    let pair: MoneyPair = "$3.5billion (£2.47bn)".parse().unwrap();
    assert!(pair.check(report, EcbRates::embedded()).unwrap().is_consistent());
}

#[test]
fn errors_quote_the_input() {
    let any = SymbolContext::international();
    let cases = [
        ("", "invalid figure ``: empty"),
        ("about", "invalid figure `about`: no digits"),
        ("$1,00,000", "invalid figure `$1,00,000`: bad digit grouping"),
        ("1,00,000 doses", "invalid figure `1,00,000 doses`: bad digit grouping"),
        ("1.5 doses", "invalid figure `1.5 doses`: a count must be a whole number"),
        ("between £5m", "invalid figure `between £5m`: a range needs a second number"),
        ("about $3-4bn", "invalid figure `about $3-4bn`: a range cannot be qualified (`about`)"),
        (
            "£6m-£5m",
            "invalid figure `£6m-£5m`: invalid bounds from GBP 6,000,000 to GBP 5,000,000: the low end is above the high end",
        ),
        (
            "£5m-$6m",
            "invalid figure `£5m-$6m`: cannot combine GBP 5,000,000 and USD 6,000,000: the currencies differ",
        ),
        (
            "kr 100",
            "invalid figure `kr 100`: ambiguous currency symbol `kr`: DKK, ISK, NOK or SEK (give a country of publication)",
        ),
        ("5 XYZ", "invalid figure `5 XYZ`: unknown currency code `XYZ`"),
        ("$310m (£219m", "invalid figure `$310m (£219m`: unexpected `(£219m` after the amount"),
        ("-5 doses", "invalid figure `-5 doses`: misplaced sign"),
        ("1e5 doses", "invalid figure `1e5 doses`: exponents are not accepted"),
    ];
    for (text, msg) in cases {
        let e = Reading::parse_in(text, &any).unwrap_err();
        assert_eq!(e.to_string(), msg, "{text}");
        assert!(e.input() == text, "{text}");
    }
    let e = "5 million".parse::<Figure<Money>>().unwrap_err();
    assert_eq!(e.to_string(), "invalid figure `5 million`: no currency");
    let e = "$5m".parse::<MoneyPair>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid figure `$5m`: not a pair of amounts such as `$310m (£219m)`"
    );
    let e = "$5m (£4m)".parse::<Figure<Money>>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid figure `$5m (£4m)`: unexpected `(£4m)` after the amount"
    );
}

mod properties {
    use proptest::prelude::*;
    use statecraft::money::SymbolContext;
    use statecraft::notation::{Figure, Reading};
    use statecraft::{Currency, Decimal, Money, Qualifier};

    fn amount() -> impl Strategy<Value = Money> {
        let currency = prop_oneof![
            Just(Currency::USD),
            Just(Currency::GBP),
            Just(Currency::EUR),
            Just(Currency::INR)
        ];
        (1u64..10_000_000_000_000, 0u32..3, currency)
            .prop_map(|(n, scale, c)| Money::new(Decimal::new(n as i64, scale), c))
    }

    fn qualifier() -> impl Strategy<Value = Qualifier> {
        prop_oneof![
            Just(Qualifier::Exact),
            Just(Qualifier::About),
            Just(Qualifier::MoreThan),
            Just(Qualifier::JustOver),
            Just(Qualifier::AtLeast),
            Just(Qualifier::Approaching),
            Just(Qualifier::FewerThan),
            Just(Qualifier::UpTo),
        ]
    }

    proptest! {
        /// What compact notation writes for a qualified amount reads back
        /// as that qualifier and the compact amount.
        #[test]
        fn qualified_compact_reads_back(m in amount(), q in qualifier()) {
            let compact: Money = m.to_compact().parse().unwrap();
            let written = Figure::new(m, q).to_compact();
            let back: Figure<Money> = written.parse().unwrap();
            prop_assert_eq!(back, Figure::new(compact, q), "{}", written);
        }

        /// A range written in compact notation reads back as the range of
        /// its compact ends.
        #[test]
        fn ranges_read_back(a in amount(), b in amount()) {
            let b = Money::new(b.amount(), a.currency());
            let (low, high) = if a.amount() <= b.amount() { (a, b) } else { (b, a) };
            let (cl, ch): (Money, Money) = (low.to_compact().parse().unwrap(), high.to_compact().parse().unwrap());
            prop_assume!(cl.amount() <= ch.amount());
            let written = Figure::range(low, high).unwrap().to_compact();
            let back: Figure<Money> = written.parse().unwrap();
            prop_assert_eq!(back, Figure::range(cl, ch).unwrap(), "{}", written);
        }

        /// Any text is a reading or an error quoting it; never a panic.
        #[test]
        fn any_text_reads_or_fails(text in "[a-zA-Z$£€₹%(),.:/ -]{0,4}[0-9,.]{0,6}[a-z $£()%-]{0,8}[0-9]{0,3}[a-z )]{0,6}") {
            match Reading::parse_in(&text, &SymbolContext::international()) {
                Ok(Reading::Money(m)) => prop_assert!(m.bounds().contains(m.value()) || m.qualifier().is_some_and(|q| q.is_lower_bound() || q == Qualifier::FewerThan || q == Qualifier::Approaching)),
                Ok(_) => {}
                Err(e) => prop_assert!(e.to_string().starts_with("invalid figure `")),
            }
        }
    }
}
