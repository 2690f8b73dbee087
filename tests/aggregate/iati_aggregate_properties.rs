//! IATI totals on generated files (files the crate has never seen)
//! against an independent exact computation of `iati_reference.py`'s
//! rules: the ECB history read here from `data/eurofxref-hist.csv` with
//! its own small parser, every amount, percentage and rate an exact
//! fraction of big integers, each total rounded once, half to even, to
//! cents. The generator mixes what real files hold (types as codes and
//! 1.0x letters, empty and lower-case attributes, splits that do not sum
//! to 100, currencies the ECB never or no longer quotes, dates outside
//! its history, unreadable amounts and dates) with amounts chosen so that
//! a converted transaction is exactly half a cent: there the rate's value
//! to 28 digits is not enough, and the aggregator must settle the total
//! exactly.

#![cfg(feature = "ecb-snapshot")]

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use proptest::prelude::*;
use statecraft::fx::EcbRates;
use statecraft::iati::{FileSet, TypeFilter};
use statecraft::{Aggregator, Currency, Dimension};

// ---------------------------------------------------------------- oracle

/// `[+-]?(digits[.digits]|.digits)`, exactly (the reference's xsd:decimal).
fn decimal(s: &str) -> Option<BigRational> {
    let (negative, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) || (int.is_empty() && frac.is_empty()) {
        return None;
    }
    let mantissa: BigInt = format!("0{int}{frac}").parse().ok()?;
    let value = BigRational::new(mantissa, BigInt::from(10u8).pow(frac.len() as u32));
    Some(if negative { -value } else { value })
}

/// XML whitespace stripped.
fn strip(s: &str) -> &str {
    s.trim_matches([' ', '\t', '\r', '\n'])
}

/// `YYYY-MM-DD`, a real day, with an optional xsd time zone.
fn date(s: &str) -> Option<NaiveDate> {
    let (day, zone) = (s.get(..10)?, s.get(10..)?);
    let zone_ok = zone.is_empty()
        || zone == "Z"
        || (zone.len() == 6
            && matches!(zone.as_bytes()[0], b'+' | b'-')
            && zone.as_bytes()[3] == b':'
            && zone
                .bytes()
                .enumerate()
                .all(|(i, b)| i == 0 || i == 3 || b.is_ascii_digit()));
    let b = day.as_bytes();
    let shape = b.iter().enumerate().all(|(i, c)| {
        if i == 4 || i == 7 {
            *c == b'-'
        } else {
            c.is_ascii_digit()
        }
    });
    if !zone_ok || !shape {
        return None;
    }
    let year: i32 = day[..4].parse().ok()?;
    (year > 0).then_some(())?;
    NaiveDate::from_ymd_opt(year, day[5..7].parse().ok()?, day[8..10].parse().ok()?)
}

/// The ECB history: units per euro, by currency, oldest first.
struct Ecb(HashMap<String, Vec<(NaiveDate, BigRational)>>);

fn ecb() -> &'static Ecb {
    static ECB: OnceLock<Ecb> = OnceLock::new();
    ECB.get_or_init(|| {
        let text =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/eurofxref-hist.csv")).unwrap();
        let mut lines = text.lines();
        let header: Vec<String> = lines.next().unwrap().split(',').map(|h| h.trim().to_string()).collect();
        let mut series: HashMap<String, Vec<(NaiveDate, BigRational)>> = HashMap::new();
        for line in lines.filter(|l| !l.trim().is_empty()) {
            let mut cells = line.split(',');
            let day = NaiveDate::parse_from_str(cells.next().unwrap().trim(), "%Y-%m-%d").unwrap();
            for (currency, cell) in header.iter().skip(1).zip(cells) {
                let cell = cell.trim();
                if !currency.is_empty() && !cell.is_empty() && cell != "N/A" {
                    series
                        .entry(currency.clone())
                        .or_default()
                        .push((day, decimal(cell).unwrap()));
                }
            }
        }
        for s in series.values_mut() {
            s.sort_by_key(|(d, _)| *d);
        }
        Ecb(series)
    })
}

impl Ecb {
    /// Units of `currency` per euro on `day`: the latest on or before it,
    /// at most 7 days old; the euro is 1.
    fn per_eur(&self, currency: &str, day: NaiveDate) -> Option<BigRational> {
        if currency == "EUR" {
            return Some(BigRational::one());
        }
        let series = self.0.get(currency)?;
        let i = series.partition_point(|(d, _)| *d <= day).checked_sub(1)?;
        let (published, rate) = &series[i];
        ((day - *published).num_days() <= 7).then(|| rate.clone())
    }

    /// Units of `to` for one `from` on `day`.
    fn factor(&self, from: &str, to: &str, day: NaiveDate) -> Option<BigRational> {
        if from == to {
            return Some(BigRational::one());
        }
        Some(self.per_eur(to, day)? / self.per_eur(from, day)?)
    }
}

/// The reference's totals (`KEY,TOTAL` lines, sorted) and stderr line for
/// `acts`, by `by`, in `target`.
fn oracle(acts: &[Act], by: &str, target: &str, all_types: bool) -> (String, String) {
    let letters = [("IF", "1"), ("C", "2"), ("D", "3"), ("E", "4")];
    let mut totals: BTreeMap<String, BigRational> = BTreeMap::new();
    let (mut read, mut counted, mut skipped) = (0, 0, 0);
    let (mut no_currency, mut amount_bad, mut date_bad, mut no_rate, mut not100) = (0, 0, 0, 0, 0);
    for a in acts {
        let default_currency = a.default_currency.map(|c| strip(c).to_uppercase()).unwrap_or_default();
        let reporter = a.reporting.map(strip).unwrap_or_default();
        let mut flagged = false;
        for t in &a.txs {
            read += 1;
            let code = strip(t.type_code.unwrap_or_default()).to_uppercase();
            let code = letters
                .iter()
                .find(|(l, _)| *l == code)
                .map_or(code.as_str(), |(_, n)| n)
                .to_string();
            let selected = if all_types {
                (1..=13).any(|n| n.to_string() == code)
            } else {
                code == "3" || code == "4"
            };
            if t.type_code.is_none() || !selected {
                skipped += 1;
                continue;
            }
            // The currency and the value date are attributes of the value.
            let (value_currency, value_date) = match t.value {
                Some(_) => (t.currency, t.value_date.as_deref()),
                None => (None, None),
            };
            let mut currency = value_currency.map(|c| strip(c).to_uppercase()).unwrap_or_default();
            if currency.is_empty() {
                currency = default_currency.clone();
            }
            if currency.is_empty() {
                no_currency += 1;
                continue;
            }
            let Some(amount) = t.value.as_deref().and_then(|v| decimal(strip(v))) else {
                amount_bad += 1;
                continue;
            };
            let raw_date = match value_date.map(strip) {
                Some(d) if !d.is_empty() => d,
                _ => t.tx_date.as_deref().map(strip).unwrap_or_default(),
            };
            let Some(day) = date(raw_date) else {
                date_bad += 1;
                continue;
            };
            let Some(factor) = ecb().factor(&currency, target, day) else {
                no_rate += 1;
                continue;
            };
            counted += 1;
            let converted = amount * factor;
            let own = t
                .country
                .map(|c| strip(c).to_uppercase())
                .filter(|c| !c.is_empty())
                .or_else(|| t.region.and_then(|r| region_key(r.0, r.1)));
            let split = activity_split(a);
            if own.is_none() && !split.0.is_empty() && !split.1 && !flagged {
                flagged = true;
                not100 += 1;
            }
            let mut add = |key: String, v: BigRational| *totals.entry(key).or_insert_with(BigRational::zero) += v;
            match by {
                "recipient" => match own {
                    Some(key) => add(key, converted),
                    None if split.0.is_empty() => add("unspecified".into(), converted),
                    None => {
                        for (key, share) in split.0 {
                            add(key, &converted * share);
                        }
                    }
                },
                "donor" => {
                    let provider = t.provider.map(strip).unwrap_or_default();
                    let key = [provider, reporter]
                        .into_iter()
                        .find(|k| !k.is_empty())
                        .unwrap_or("unspecified");
                    add(key.to_string(), converted);
                }
                _ => add(format!("{:04}", day.year()), converted),
            }
        }
    }
    let mut csv = format!("{by},total\n");
    for (key, total) in totals {
        let key = if key.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", key.replace('"', "\"\""))
        } else {
            key
        };
        csv.push_str(&format!("{key},{}\n", cents(&total)));
    }
    let line = format!(
        "read {read} transactions: {counted} counted, {skipped} skipped by type, {} rejected \
         (no-currency: {no_currency}, unreadable-amount: {amount_bad}, unreadable-date: {date_bad}, no-rate: {no_rate}); \
         {not100} activities percentages-not-100",
        no_currency + amount_bad + date_bad + no_rate
    );
    (csv, line)
}

/// `region:VOCAB:CODE`, or nothing for an empty code.
fn region_key(code: &str, vocabulary: Option<&str>) -> Option<String> {
    let code = strip(code);
    let vocabulary = match vocabulary.map(strip) {
        Some(v) if !v.is_empty() => v,
        _ => "1",
    };
    (!code.is_empty()).then(|| format!("region:{vocabulary}:{code}"))
}

/// The activity's recipients with their shares (percentage / 100), and
/// whether the percentages sum to exactly 100.
fn activity_split(a: &Act) -> (Vec<(String, BigRational)>, bool) {
    let keyed: Vec<(String, Option<&str>)> = a
        .recipients
        .iter()
        .filter_map(|r| match r {
            Recipient::Country(code, pct) => {
                let code = strip(code).to_uppercase();
                (!code.is_empty()).then_some((code, *pct))
            }
            Recipient::Region(code, vocabulary, pct) => region_key(code, *vocabulary).map(|k| (k, *pct)),
        })
        .collect();
    let n = keyed.len();
    let mut total = BigRational::zero();
    let shares = keyed
        .into_iter()
        .map(|(key, pct)| {
            let pct = match pct.map(strip) {
                None | Some("") if n == 1 => BigRational::from_integer(100.into()),
                None | Some("") => BigRational::zero(),
                Some(p) => decimal(p).unwrap_or_else(BigRational::zero),
            };
            total += &pct;
            (key, pct / BigRational::from_integer(100.into()))
        })
        .collect();
    (shares, total == BigRational::from_integer(100.into()))
}

/// Rounded half to even to cents, `-0.00` as `0.00`.
fn cents(x: &BigRational) -> String {
    let y = x * BigRational::from_integer(100.into());
    let floor = y.floor().to_integer();
    let rest = &y - BigRational::from_integer(floor.clone());
    let half = BigRational::new(1.into(), 2.into());
    let odd = (&floor % BigInt::from(2)) != BigInt::zero();
    let n = if rest > half || (rest == half && odd) {
        floor + 1
    } else {
        floor
    };
    let sign = if n.is_negative() { "-" } else { "" };
    let n = n.abs();
    let (units, hundredths) = (&n / BigInt::from(100), &n % BigInt::from(100));
    format!("{sign}{units}.{hundredths:0>2}")
}

// ------------------------------------------------------------- generator

#[derive(Clone, Debug)]
enum Recipient {
    Country(&'static str, Option<&'static str>),
    Region(&'static str, Option<&'static str>, Option<&'static str>),
}

#[derive(Clone, Debug)]
enum Amount {
    Text(String),
    /// An amount that converts to exactly `(2k + 1) × o / 200` units of the
    /// target, `o` the odd part of the target's rate's mantissa: half a
    /// cent, exactly, whatever the rate's 28-digit value says.
    Tie(u32),
}

#[derive(Clone, Debug)]
struct Tx {
    type_code: Option<&'static str>,
    currency: Option<&'static str>,
    amount: Option<Amount>,
    value_date: Option<String>,
    tx_date: Option<String>,
    provider: Option<&'static str>,
    country: Option<&'static str>,
    region: Option<(&'static str, Option<&'static str>)>,
    /// The amount's text, once ties are worked out.
    value: Option<String>,
}

#[derive(Clone, Debug)]
struct Act {
    default_currency: Option<&'static str>,
    reporting: Option<&'static str>,
    recipients: Vec<Recipient>,
    txs: Vec<Tx>,
}

const TYPES: &[&str] = &["3", "4", "D", "e", " 4 ", "2", "C", "11", ""];
const CURRENCIES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CHF", "ISK", "RUB", "CYP", "BGN", "XOF", "gbp", " usd ", "", "US$",
];
const REFS: &[&str] = &["GB-GOV-1", "XM-DAC-41122", " zz-9 ", "", "A,B \"q\"", "Ünï & <co>"];
const COUNTRIES: &[&str] = &["GT", "hn", "998", "", " sv "];
const REGIONS: &[(&str, Option<&str>)] = &[("298", None), ("289", Some("2")), ("", Some("1")), ("R1", Some(" "))];
const PERCENTAGES: &[&str] = &[
    "", "100", "50", "33.33", "12.5", "abc", "-10", "0", "66.67", "200", " 25 ",
];
const BAD_AMOUNTS: &[&str] = &["1,000", "1e5", "", "abc", "- 5", "."];
const TARGETS: &[&str] = &["USD", "EUR", "GBP", "JPY"];

fn day_text() -> impl Strategy<Value = String> {
    let first = NaiveDate::from_ymd_opt(1998, 12, 20).unwrap();
    prop_oneof![
        8 => (0u64..10_200, 0u8..3).prop_map(move |(d, form)| {
            let day = (first + chrono::Days::new(d)).format("%Y-%m-%d").to_string();
            match form {
                0 => day,
                1 => format!("{day}Z"),
                _ => format!(" {day} "),
            }
        }),
        1 => prop::sample::select(vec!["2021-02-29", "31/12/2011", "", "Q1 2011", "2021-06-07T00:00"]).prop_map(String::from),
    ]
}

fn amount() -> impl Strategy<Value = Amount> {
    prop_oneof![
        6 => (any::<bool>(), 0u64..2_000_000_000, 0u32..5, any::<u32>()).prop_map(|(neg, int, places, frac)| {
            let sign = if neg { "-" } else { "" };
            let frac = if places == 0 {
                String::new()
            } else {
                format!(".{:0>width$}", frac % 10u32.pow(places), width = places as usize)
            };
            Amount::Text(format!("{sign}{int}{frac}"))
        }),
        3 => (0u32..50).prop_map(Amount::Tie),
        1 => prop::sample::select(BAD_AMOUNTS).prop_map(|s| Amount::Text(s.to_string())),
    ]
}

fn tx() -> impl Strategy<Value = Tx> {
    (
        prop::option::weighted(0.95, prop::sample::select(TYPES)),
        prop::option::weighted(0.4, prop::sample::select(CURRENCIES)),
        prop::option::weighted(0.97, amount()),
        prop::option::weighted(0.9, day_text()),
        prop::option::weighted(0.5, day_text()),
        prop::option::weighted(0.4, prop::sample::select(REFS)),
        prop::option::weighted(0.2, prop::sample::select(COUNTRIES)),
        prop::option::weighted(0.1, prop::sample::select(REGIONS)),
    )
        .prop_map(
            |(type_code, currency, amount, value_date, tx_date, provider, country, region)| Tx {
                type_code,
                currency,
                amount,
                value_date,
                tx_date,
                provider,
                country,
                region,
                value: None,
            },
        )
}

fn recipient() -> impl Strategy<Value = Recipient> {
    prop_oneof![
        3 => (prop::sample::select(COUNTRIES), prop::option::weighted(0.8, prop::sample::select(PERCENTAGES)))
            .prop_map(|(c, p)| Recipient::Country(c, p)),
        1 => (prop::sample::select(REGIONS), prop::option::weighted(0.8, prop::sample::select(PERCENTAGES)))
            .prop_map(|((c, v), p)| Recipient::Region(c, v, p)),
    ]
}

fn act() -> impl Strategy<Value = Act> {
    (
        prop::option::weighted(0.9, prop::sample::select(CURRENCIES)),
        prop::option::weighted(0.9, prop::sample::select(REFS)),
        prop::collection::vec(recipient(), 0..4),
        prop::collection::vec(tx(), 0..6),
    )
        .prop_map(|(default_currency, reporting, recipients, txs)| Act {
            default_currency,
            reporting,
            recipients,
            txs,
        })
}

/// Works out the text of every amount for `target`: a tie becomes the
/// decimal that converts to exactly half a cent on the transaction's own
/// currency and day (a plain amount where there is no rate).
fn settle_amounts(acts: &mut [Act], target: &str) {
    for a in acts {
        let default_currency = a.default_currency.map(|c| strip(c).to_uppercase()).unwrap_or_default();
        for t in &mut a.txs {
            t.value = t.amount.as_ref().map(|amount| match amount {
                Amount::Text(s) => s.clone(),
                Amount::Tie(k) => {
                    let currency = match t.currency.map(|c| strip(c).to_uppercase()) {
                        Some(c) if !c.is_empty() => c,
                        _ => default_currency.clone(),
                    };
                    let day = match t.value_date.as_deref().map(strip) {
                        Some(d) if !d.is_empty() => date(d),
                        _ => t.tx_date.as_deref().and_then(|d| date(strip(d))),
                    };
                    match day.and_then(|d| Some((ecb().per_eur(target, d)?, ecb().factor(&currency, target, d)?))) {
                        Some((target_per_eur, factor)) => {
                            // The odd part of the target rate's numerator.
                            let mut odd = target_per_eur.numer().clone();
                            while (&odd % BigInt::from(2)).is_zero() && !odd.is_zero() {
                                odd /= 2;
                            }
                            let half_cents = BigRational::new(odd * BigInt::from(2 * k + 1), BigInt::from(200));
                            finite_decimal(&(half_cents / factor)).unwrap_or_else(|| "0.005".into())
                        }
                        None => "0.005".into(),
                    }
                }
            });
        }
    }
}

/// The decimal of `x` when its denominator has no prime but 2 and 5 and
/// it has at most 12 decimal places.
fn finite_decimal(x: &BigRational) -> Option<String> {
    let mut scaled = x.clone();
    for places in 0..=12usize {
        if scaled.is_integer() {
            let n = scaled.to_integer();
            let digits = n.abs().to_string();
            let digits = format!("{digits:0>width$}", width = places + 1);
            let (int, frac) = digits.split_at(digits.len() - places);
            let sign = if n.is_negative() { "-" } else { "" };
            return Some(if places == 0 {
                format!("{sign}{int}")
            } else {
                format!("{sign}{int}.{frac}")
            });
        }
        scaled *= BigRational::from_integer(10.into());
    }
    None
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn write(acts: &[Act]) -> String {
    let attr = |name: &str, v: Option<&str>| v.map_or(String::new(), |v| format!(" {name}=\"{}\"", escape(v)));
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities version=\"2.03\">\n");
    for (i, a) in acts.iter().enumerate() {
        xml.push_str(&format!(
            " <iati-activity{}>\n",
            attr("default-currency", a.default_currency)
        ));
        xml.push_str(&format!("  <iati-identifier>XM-{i}</iati-identifier>\n"));
        if let Some(r) = a.reporting {
            xml.push_str(&format!("  <reporting-org{}/>\n", attr("ref", Some(r))));
        }
        for r in &a.recipients {
            match r {
                Recipient::Country(c, p) => xml.push_str(&format!(
                    "  <recipient-country{}{}/>\n",
                    attr("code", Some(c)),
                    attr("percentage", *p)
                )),
                Recipient::Region(c, v, p) => xml.push_str(&format!(
                    "  <recipient-region{}{}{}/>\n",
                    attr("code", Some(c)),
                    attr("vocabulary", *v),
                    attr("percentage", *p)
                )),
            }
        }
        for t in &a.txs {
            xml.push_str("  <transaction>");
            if let Some(code) = t.type_code {
                xml.push_str(&format!("<transaction-type{}/>", attr("code", Some(code))));
            }
            if let Some(p) = t.provider {
                xml.push_str(&format!("<provider-org{}/>", attr("ref", Some(p))));
            }
            if let Some(d) = &t.tx_date {
                xml.push_str(&format!("<transaction-date{}/>", attr("iso-date", Some(d))));
            }
            if let Some(v) = &t.value {
                xml.push_str(&format!(
                    "<value{}{}>{}</value>",
                    attr("currency", t.currency),
                    attr("value-date", t.value_date.as_deref()),
                    escape(v)
                ));
            }
            if let Some(c) = t.country {
                xml.push_str(&format!("<recipient-country{}/>", attr("code", Some(c))));
            }
            if let Some((c, v)) = t.region {
                xml.push_str(&format!(
                    "<recipient-region{}{}/>",
                    attr("code", Some(c)),
                    attr("vocabulary", v)
                ));
            }
            xml.push_str("</transaction>\n");
        }
        xml.push_str(" </iati-activity>\n");
    }
    xml.push_str("</iati-activities>\n");
    xml
}

// ----------------------------------------------------------------- tests

fn scratch_file(name: &str, xml: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("statecraft-iati-properties-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, xml).unwrap();
    path
}

/// What the crate prints for `path`: the totals as CSV at cents and the
/// summary line.
fn aggregate(path: &Path, by: Dimension, target: &str, all_types: bool, threads: usize) -> (String, String) {
    let types = if all_types {
        TypeFilter::all()
    } else {
        TypeFilter::default()
    };
    let files = FileSet::new([path]).unwrap().types(types).threads(threads);
    let rates = EcbRates::embedded().clone().with_legal_tender_check(false);
    let mut agg = Aggregator::new(&rates, target.parse::<Currency>().unwrap(), by);
    let summary = files.aggregate_into(&mut agg).unwrap();
    assert!(summary.failed.is_empty());
    assert_eq!(summary.read, summary.counted + summary.skipped + summary.rejected());
    let totals = agg.totals().unwrap();
    assert!(totals.groups().iter().all(|g| g.is_certain()), "{totals:?}");
    let mut csv = Vec::new();
    totals.write_csv_dp(&mut csv, 2).unwrap();
    (String::from_utf8(csv).unwrap(), summary.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn totals_are_the_exact_totals_of_the_reference_rules(
        mut acts in prop::collection::vec(act(), 0..6),
        target in prop::sample::select(TARGETS),
        all_types in prop::bool::weighted(0.3),
        threads in 1usize..3,
    ) {
        settle_amounts(&mut acts, target);
        let path = scratch_file("generated.xml", &write(&acts));
        for (by, name) in [(Dimension::Recipient, "recipient"), (Dimension::Donor, "donor"), (Dimension::Year, "year")] {
            let got = aggregate(&path, by, target, all_types, threads);
            let want = oracle(&acts, name, target, all_types);
            prop_assert_eq!(got, want, "by {} in {}\n{}", name, target, write(&acts));
        }
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn a_converted_amount_of_exactly_half_a_cent_rounds_to_even() {
    // GBP 64.36875 on 2021-06-07 is exactly USD 91.215 (× 1.2162 / 0.85825):
    // 91.22, half to even. The rate to 28 digits, 1.417069618409554325662685698,
    // gives 91.2149999…, which rounds down: the aggregator must see that it
    // cannot tell, and settle the total exactly. GBP 10 and 11.45625 on the
    // same day are a half cent together (30.405 → 30.40) and neither alone.
    let xml = r#"<iati-activities>
 <iati-activity default-currency="GBP"><reporting-org ref="GB-1"/><recipient-country code="SV"/>
  <transaction><transaction-type code="3"/><value value-date="2021-06-07">64.36875</value></transaction>
 </iati-activity>
 <iati-activity default-currency="GBP"><reporting-org ref="GB-2"/><recipient-country code="HN"/>
  <transaction><transaction-type code="3"/><value value-date="2021-06-07">10</value></transaction>
  <transaction><transaction-type code="3"/><value value-date="2021-06-07">11.45625</value></transaction>
 </iati-activity>
 <iati-activity default-currency="GBP"><reporting-org ref="GB-3"/><recipient-country code="GT"/>
  <transaction><transaction-type code="3"/><value value-date="2021-06-07">100.00</value></transaction>
 </iati-activity>
</iati-activities>"#;
    let path = scratch_file("half-cents.xml", xml);
    for threads in [1, 2] {
        let (csv, _) = aggregate(&path, Dimension::Recipient, "USD", false, threads);
        assert_eq!(csv, "recipient,total\nGT,141.71\nHN,30.40\nSV,91.22\n");
        let (csv, _) = aggregate(&path, Dimension::Year, "USD", false, threads);
        // 91.215 + 30.405 + 141.706961840955… = 263.326961…
        assert_eq!(csv, "year,total\n2021,263.33\n");
    }
    let acts = half_cent_activities();
    assert_eq!(
        oracle(&acts, "recipient", "USD", false).0,
        "recipient,total\nGT,141.71\nHN,30.40\nSV,91.22\n"
    );
}

/// The three activities of the test above, as the generator's model.
fn half_cent_activities() -> Vec<Act> {
    let tx = |amount: &str| Tx {
        type_code: Some("3"),
        currency: None,
        amount: None,
        value_date: Some("2021-06-07".into()),
        tx_date: None,
        provider: None,
        country: None,
        region: None,
        value: Some(amount.into()),
    };
    let act = |country: &'static str, txs: Vec<Tx>| Act {
        default_currency: Some("GBP"),
        reporting: None,
        recipients: vec![Recipient::Country(country, None)],
        txs,
    };
    vec![
        act("SV", vec![tx("64.36875")]),
        act("HN", vec![tx("10"), tx("11.45625")]),
        act("GT", vec![tx("100.00")]),
    ]
}
