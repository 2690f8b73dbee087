//! The embedded ECB history: exact values, weekends and holidays, every
//! refusal, cross rates, and an exhaustive comparison with a naive reading
//! of the same file.

#![cfg(feature = "ecb-snapshot")]

use statecraft::fx::{Derivation, EcbRates, FxError, MissingRatePolicy, RateSource, Series};
use statecraft::{Currency, Decimal, Money, NaiveDate};

const CSV: &str = include_str!("../../data/eurofxref-hist.csv");

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn cur(s: &str) -> Currency {
    s.parse().unwrap()
}

fn ecb() -> &'static EcbRates {
    EcbRates::embedded()
}

/// Rates read off the CSV rows by hand (`grep ^DATE data/eurofxref-hist.csv`
/// and counting columns), written as published.
#[test]
fn exact_rates_of_a_dozen_days() {
    let cases = [
        ("1999-01-04", "USD", "1.1789"),
        ("1999-01-04", "JPY", "133.73"),
        ("1999-01-04", "CYP", "0.58231"),
        ("1999-01-04", "TRL", "372274"),
        ("1999-01-05", "GBP", "0.7122"),
        ("2004-12-31", "TRL", "1836200"),
        ("2005-07-01", "RON", "3.603"),
        ("2007-12-31", "CYP", "0.585274"),
        ("2008-09-15", "USD", "1.4151"),
        ("2008-12-09", "ISK", "290"),
        ("2015-01-15", "CHF", "1.028"),
        ("2016-06-24", "GBP", "0.8075"),
        ("2018-02-01", "ISK", "125.01"),
        ("2021-04-26", "USD", "1.2085"),
        ("2021-04-26", "GBP", "0.86975"),
        ("2021-06-04", "USD", "1.2117"),
        ("2021-06-07", "USD", "1.2162"),
        ("2021-06-07", "GBP", "0.85825"),
        ("2021-06-07", "IDR", "17325.1"),
        ("2022-03-01", "RUB", "117.201"),
        ("2024-02-29", "GBP", "0.85655"),
        ("2025-12-31", "BGN", "1.9558"),
        ("2026-10-30", "USD", "1.1172"),
        ("2026-10-30", "ISK", "136"),
        ("2026-10-30", "IDR", "20275.17"),
    ];
    for (date, code, published) in cases {
        let r = ecb().rate(Currency::EUR, cur(code), day(date)).unwrap();
        assert_eq!(r.value().to_string(), published, "{code} on {date}");
        assert_eq!(r.date(), day(date));
        assert_eq!(r.source(), "ECB");
        assert_eq!(r.derivation(), Derivation::Published);
        assert!(r.legs().is_empty());
        // The inverse is exact: published / 1 divided the other way.
        let inv = ecb().rate(cur(code), Currency::EUR, day(date)).unwrap();
        assert_eq!(inv.value(), Decimal::ONE / published.parse::<Decimal>().unwrap());
        assert_eq!(inv.derivation(), Derivation::Inverse);
    }
}

#[test]
fn weekends_and_holidays_take_the_latest_earlier_rate() {
    let cases = [
        ("2021-06-05", "2021-06-04", "1.2117"), // Saturday
        ("2021-06-06", "2021-06-04", "1.2117"), // Sunday
        ("2021-04-02", "2021-04-01", "1.1746"), // Good Friday
        ("2021-04-05", "2021-04-01", "1.1746"), // Easter Monday, 4 days on
        ("2019-05-01", "2019-04-30", "1.1218"), // Labour Day
        ("2019-12-25", "2019-12-24", "1.108"),  // Christmas
        ("2019-12-26", "2019-12-24", "1.108"),  // Boxing Day
        ("2020-01-01", "2019-12-31", "1.1234"), // New Year
        ("2026-11-06", "2026-10-30", "1.1172"), // 7 days after the snapshot's end
    ];
    for (asked, published, usd) in cases {
        let r = ecb().rate(Currency::EUR, Currency::USD, day(asked)).unwrap();
        assert_eq!(
            (r.date(), r.value().to_string().as_str()),
            (day(published), usd),
            "{asked}"
        );
    }
    // The exact-date policy refuses them all.
    let exact = ecb().clone().with_policy(MissingRatePolicy::ExactDate);
    for (asked, _, _) in cases {
        let e = exact.rate(Currency::EUR, Currency::USD, day(asked)).unwrap_err();
        assert!(
            matches!(e, FxError::NotPublished { .. } | FxError::AfterHistory { .. }),
            "{e}"
        );
    }
    assert!(exact.rate(Currency::EUR, Currency::USD, day("2021-06-04")).is_ok());
}

#[test]
fn every_refusal_names_currency_date_and_reason() {
    let cases = [
        (
            "EUR",
            "ISK",
            "2012-05-02",
            "no ECB rate for ISK on 2012-05-02: the latest, of 2008-12-09, is 1240 days old (at most 7 allowed)",
        ),
        (
            "EUR",
            "CYP",
            "2010-01-04",
            "no ECB rate for CYP on 2010-01-04: CYP was retired after 2007-12-31",
        ),
        (
            "EUR",
            "RUB",
            "2023-01-02",
            "no ECB rate for RUB on 2023-01-02: the latest, of 2022-03-01, is 307 days old (at most 7 allowed)",
        ),
        (
            "EUR",
            "RUB",
            "2022-03-09",
            "no ECB rate for RUB on 2022-03-09: the latest, of 2022-03-01, is 8 days old (at most 7 allowed)",
        ),
        (
            "EUR",
            "USD",
            "1998-12-31",
            "no ECB rate for USD on 1998-12-31: ECB rates for USD start on 1999-01-04",
        ),
        (
            "EUR",
            "RON",
            "2005-06-30",
            "no ECB rate for RON on 2005-06-30: RON was first issued on 2005-07-01",
        ),
        (
            "EUR",
            "USD",
            "2026-11-07",
            "no ECB rate for USD on 2026-11-07: the ECB data ends on 2026-10-30, more than 7 days before",
        ),
        (
            "EUR",
            "GTQ",
            "2021-06-07",
            "no ECB rate for GTQ on 2021-06-07: GTQ is not quoted",
        ),
        (
            "EUR",
            "HNL",
            "2021-06-07",
            "no ECB rate for HNL on 2021-06-07: HNL is not quoted",
        ),
        (
            "EUR",
            "BGN",
            "2026-01-02",
            "no ECB rate for BGN on 2026-01-02: BGN was retired after 2025-12-31",
        ),
        (
            "EUR",
            "HRK",
            "2023-01-02",
            "no ECB rate for HRK on 2023-01-02: HRK was retired after 2022-12-31",
        ),
        (
            "EUR",
            "TRL",
            "2005-01-03",
            "no ECB rate for TRL on 2005-01-03: TRL was retired after 2004-12-31",
        ),
        // In a cross or an inverse, the refusal names the currency at fault.
        (
            "USD",
            "GTQ",
            "2021-06-07",
            "no ECB rate for GTQ on 2021-06-07: GTQ is not quoted",
        ),
        (
            "HNL",
            "EUR",
            "2021-06-07",
            "no ECB rate for HNL on 2021-06-07: HNL is not quoted",
        ),
        (
            "ISK",
            "GBP",
            "2012-05-02",
            "no ECB rate for ISK on 2012-05-02: the latest, of 2008-12-09, is 1240 days old (at most 7 allowed)",
        ),
        (
            "GBP",
            "CYP",
            "2010-01-04",
            "no ECB rate for CYP on 2010-01-04: CYP was retired after 2007-12-31",
        ),
        (
            "USD",
            "GBP",
            "2030-01-01",
            "no ECB rate for USD on 2030-01-01: the ECB data ends on 2026-10-30, more than 7 days before",
        ),
    ];
    let dollar = |code: &str| Money::new(Decimal::ONE, cur(code));
    for (from, to, date, msg) in cases {
        let e = ecb().rate(cur(from), cur(to), day(date)).unwrap_err();
        assert_eq!(e.to_string(), msg, "{from}->{to} on {date}");
        // `convert` refuses alike.
        let e = ecb().convert(dollar(from), cur(to), day(date)).unwrap_err();
        assert_eq!(e.to_string(), msg, "convert {from}->{to} on {date}");
    }
    let exact = ecb().clone().with_policy(MissingRatePolicy::ExactDate);
    let e = exact.rate(Currency::USD, Currency::GBP, day("2021-06-05")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "no ECB rate for USD published on 2021-06-05 (exact-date policy)"
    );
    assert_eq!(
        e,
        FxError::NotPublished {
            series: Series::Currency(Currency::USD),
            date: day("2021-06-05"),
            provider: "ECB".into()
        }
    );
}

#[test]
fn staleness_is_bounded_at_seven_days_and_configurable() {
    // RUB's last rate is of 2022-03-01: 7 days on it still answers, 8 days on it does not.
    let r = ecb().rate(Currency::EUR, Currency::RUB, day("2022-03-08")).unwrap();
    assert_eq!(
        (r.date(), r.value().to_string().as_str()),
        (day("2022-03-01"), "117.201")
    );
    let three = ecb().clone().with_policy(MissingRatePolicy::latest_within(3));
    let e = three.rate(Currency::EUR, Currency::RUB, day("2022-03-08")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "no ECB rate for RUB on 2022-03-08: the latest, of 2022-03-01, is 7 days old (at most 3 allowed)"
    );
    // CYP's last day of legal tender, with its last rate.
    let r = ecb().rate(Currency::EUR, Currency::CYP, day("2007-12-31")).unwrap();
    assert_eq!(r.value().to_string(), "0.585274");
    assert!(ecb().rate(Currency::EUR, Currency::CYP, day("2008-01-01")).is_err());
}

#[test]
fn cross_rates_divide_the_published_figures_once_and_show_their_legs() {
    let r = ecb().rate(Currency::USD, Currency::GBP, day("2021-06-07")).unwrap();
    assert_eq!(r.value().to_string(), "0.7056816313106396974181877981");
    assert_eq!(
        r.value(),
        "0.85825".parse::<Decimal>().unwrap() / "1.2162".parse::<Decimal>().unwrap()
    );
    assert_eq!(r.derivation(), Derivation::Cross);
    assert_eq!(r.ratio(), ("0.85825".parse().unwrap(), "1.2162".parse().unwrap()));
    let [usd_eur, eur_gbp] = r.legs() else {
        panic!("two legs")
    };
    assert_eq!(
        (usd_eur.from(), usd_eur.to(), usd_eur.derivation()),
        (Currency::USD, Currency::EUR, Derivation::Inverse)
    );
    assert_eq!(usd_eur.ratio(), (Decimal::ONE, "1.2162".parse().unwrap()));
    assert_eq!(
        (eur_gbp.from(), eur_gbp.to(), eur_gbp.value().to_string()),
        (Currency::EUR, Currency::GBP, "0.85825".into())
    );
    assert_eq!((usd_eur.source(), eur_gbp.source()), ("ECB", "ECB"));
    assert_eq!(
        r.to_string(),
        "1 USD = 0.7056816313106396974181877981 GBP (ECB, 2021-06-07, cross)"
    );

    // Legs of different dates: RUB carried from 2022-03-01, USD of 2022-03-04.
    let r = ecb().rate(Currency::RUB, Currency::USD, day("2022-03-04")).unwrap();
    assert_eq!(r.date(), day("2022-03-01"));
    assert_eq!(r.legs()[0].date(), day("2022-03-01"));
    assert_eq!(r.legs()[1].date(), day("2022-03-04"));

    // The seed article's figure, exactly.
    let gbp = ecb()
        .convert("$310m".parse().unwrap(), Currency::GBP, day("2021-06-07"))
        .unwrap();
    assert_eq!(gbp.to_string(), "GBP 218761305.7062983061996382174");
    assert_eq!(gbp.to_compact(), "£218.8m");
    let gbp = ecb()
        .convert("$310m".parse().unwrap(), Currency::GBP, day("2021-04-26"))
        .unwrap();
    assert_eq!(gbp.to_string(), "GBP 223105088.95324782788580885395");
    assert_eq!(gbp.to_compact(), "£223.1m");

    // A currency into itself is exactly 1, and EUR is the base.
    let r = ecb().rate(Currency::EUR, Currency::EUR, day("2021-06-07")).unwrap();
    assert_eq!((r.value(), r.derivation()), (Decimal::ONE, Derivation::Identity));
}

/// A row of the CSV: its date and each column's rate, if any.
type Row = (NaiveDate, Vec<Option<Decimal>>);

/// A naive reading of the CSV: the columns, and every row in file order.
fn naive_rows() -> (Vec<Currency>, Vec<Row>) {
    let mut lines = CSV.lines();
    let header: Vec<&str> = lines.next().unwrap().trim_end_matches(',').split(',').collect();
    let columns: Vec<Currency> = header[1..].iter().map(|c| cur(c)).collect();
    let rows = lines
        .map(|l| {
            let fields: Vec<&str> = l.trim_end_matches(',').split(',').collect();
            let values = fields[1..]
                .iter()
                .map(|f| (*f != "N/A").then(|| f.parse().unwrap()))
                .collect();
            (day(fields[0]), values)
        })
        .collect();
    (columns, rows)
}

#[test]
fn every_published_rate_is_returned_as_published() {
    let (columns, rows) = naive_rows();
    assert_eq!(ecb().currencies(), columns.as_slice());
    assert_eq!(rows.len(), ecb().dates().len());
    let mut checked = 0;
    for (date, values) in &rows {
        for (&c, v) in columns.iter().zip(values) {
            match (v, ecb().rate(Currency::EUR, c, *date)) {
                (Some(v), Ok(r)) => {
                    assert_eq!(
                        (r.value(), r.value().scale(), r.date()),
                        (*v, v.scale(), *date),
                        "{c} {date}"
                    );
                    checked += 1;
                }
                // A gap: an earlier rate carried forward, or a refusal.
                (None, Ok(r)) => assert!(r.date() < *date, "{c} {date}"),
                (None, Err(_)) => {}
                (Some(_), Err(e)) => panic!("{c} {date}: {e}"),
            }
        }
    }
    assert!(checked > 200_000, "{checked}");
}

/// For every calendar day around the history, the answer of the dense
/// index equals a scan of the rows for the latest rate on or before it.
#[test]
fn every_calendar_day_agrees_with_a_scan() {
    let (columns, mut rows) = naive_rows();
    rows.reverse(); // oldest first
    let last = rows.last().unwrap().0;
    for code in ["USD", "ISK", "RUB", "CYP", "RON", "BGN"] {
        let c = cur(code);
        let col = columns.iter().position(|x| *x == c).unwrap();
        let mut on = day("1998-12-20");
        let mut next = 0;
        let mut latest: Option<(NaiveDate, Decimal)> = None;
        while on <= day("2026-11-15") {
            while next < rows.len() && rows[next].0 <= on {
                if let Some(v) = rows[next].1[col] {
                    latest = Some((rows[next].0, v));
                }
                next += 1;
            }
            let expected = latest.filter(|(d, _)| {
                let age = (on - *d).num_days();
                // Not before its first day, nor from its changeover on.
                let legal = c.first_day().is_none_or(|f| f <= on) && c.changeover().is_none_or(|ch| on < ch);
                age <= 7 && legal && (on - last).num_days() <= 7
            });
            let got = ecb().rate(Currency::EUR, c, on).ok().map(|r| (r.date(), r.value()));
            assert_eq!(got, expected, "{code} on {on}");
            on = on.succ_opt().unwrap();
        }
    }
}

#[test]
fn any_row_order_reads_the_same() {
    let mut lines: Vec<&str> = CSV.lines().collect();
    let header = lines.remove(0);
    let sample = |ecb: &EcbRates| {
        ["1999-01-04", "2008-12-13", "2021-06-06", "2022-03-04", "2026-11-01"]
            .into_iter()
            .flat_map(|d| ["USD", "ISK", "RUB", "CYP"].map(|c| ecb.rate(Currency::EUR, cur(c), day(d))))
            .collect::<Vec<_>>()
    };
    let newest_first = sample(ecb());
    lines.reverse();
    let oldest_first = EcbRates::from_csv(format!("{header}\n{}\n", lines.join("\n")).as_bytes()).unwrap();
    assert_eq!(sample(&oldest_first), newest_first);
    // Interleaved: odd rows first, then even rows.
    let (odd, even): (Vec<_>, Vec<_>) = lines.iter().enumerate().partition(|(i, _)| i % 2 == 1);
    let shuffled: Vec<&str> = odd.into_iter().chain(even).map(|(_, l)| *l).collect();
    let shuffled = EcbRates::from_csv(format!("{header}\r\n{}\r\n", shuffled.join("\r\n")).as_bytes()).unwrap();
    assert_eq!(sample(&shuffled), newest_first);
    assert_eq!(shuffled.first_date(), day("1999-01-04"));
    assert_eq!(shuffled.last_date(), day("2026-10-30"));
}

#[test]
fn convert_is_rate_then_apply() {
    let dates = ["1999-01-04", "2005-07-01", "2012-05-02", "2021-06-06", "2026-11-02"];
    let codes = ["EUR", "USD", "GBP", "JPY", "ISK", "TRL", "KWD", "CYP", "IDR"];
    let amount: Money = "USD 123456789.123".parse().unwrap();
    for date in dates {
        for from in codes {
            for to in codes {
                let m = Money::new(amount.amount(), cur(from));
                let via_rate = ecb().rate(cur(from), cur(to), day(date)).and_then(|r| r.apply(m));
                assert_eq!(ecb().convert(m, cur(to), day(date)), via_rate, "{from}->{to} on {date}");
            }
        }
    }
}

#[test]
fn published_ranges() {
    assert_eq!(
        ecb().published_range(Currency::ISK),
        Some((day("1999-01-04"), day("2026-10-30")))
    );
    assert_eq!(
        ecb().published_range(Currency::BGN),
        Some((day("2000-07-19"), day("2025-12-31")))
    );
    assert_eq!(ecb().published_range(Currency::HNL), None);
    assert_eq!(ecb().published_range(Currency::EUR), None);
}
