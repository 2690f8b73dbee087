//! `RateTable`: rates a user supplies, such as a central bank's.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::policy::{check_legal_tender, Lookup};
use super::text::{line_feeds, parse_date, parse_rate, quote};
use super::{FxError, MissingRatePolicy, ParseErrorKind, Rate, RateSource, Series};
use crate::grammar::csv::{Fields, Split, Splitter};
use crate::Currency;

/// The header a rate table file must start with.
const HEADER: &str = "date,base,quote,rate";

/// The name of a table that was not given one. A source's name reads as
/// an adjective in messages ("no ECB rate for GTQ", "at the Banco de
/// Guatemala rate of 2021-06-04"), so the default is one too.
const DEFAULT_NAME: &str = "user-supplied";

/// Dated rates a user supplies for pairs no reference source quotes: GTQ
/// per USD from the Banco de Guatemala, HNL per USD from the Banco Central
/// de Honduras.
///
/// Each entry says that on a date one `base` bought `rate` of `quote`. A
/// table answers a pair it holds in either direction: as entered, or as
/// the exact inverse, marked [`Derivation::Inverse`](super::Derivation).
/// (When both directions are entered, the one published later answers,
/// the pair as entered on a tie.) It does not cross pairs: put it in a
/// [`RateChain`](super::RateChain) for that. Which entry answers for a date
/// is up to the [`MissingRatePolicy`], as for the ECB; the table's name is
/// the [`source`](Rate::source) of its rates.
///
/// ```
/// use statecraft::fx::{Derivation, RateSource, RateTable};
/// use statecraft::{Currency, Decimal, NaiveDate};
///
/// let day = |d| NaiveDate::from_ymd_opt(2021, 6, d).unwrap();
/// let mut banguat = RateTable::named("Banco de Guatemala");
/// banguat.insert(day(4), Currency::USD, Currency::GTQ, Decimal::new(77237, 4))?;
///
/// let r = banguat.rate(Currency::GTQ, Currency::USD, day(7))?;
/// assert_eq!(r.derivation(), Derivation::Inverse);
/// assert_eq!(r.date(), day(4));
/// assert_eq!(r.source(), "Banco de Guatemala");
/// assert_eq!(r.value(), Decimal::ONE / Decimal::new(77237, 4));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct RateTable {
    name: Arc<str>,
    policy: MissingRatePolicy,
    /// Rates by pair as entered, then by date.
    pairs: BTreeMap<(Currency, Currency), BTreeMap<NaiveDate, Decimal>>,
}

impl RateTable {
    /// An empty table named "user-supplied"; name it
    /// after whoever publishes its rates with [`named`](RateTable::named)
    /// or [`with_name`](RateTable::with_name).
    pub fn new() -> RateTable {
        RateTable::named(DEFAULT_NAME)
    }

    /// An empty table whose rates give `name` as their source.
    ///
    /// ```
    /// let t = statecraft::fx::RateTable::named("Banco Central de Honduras");
    /// assert_eq!(t.name(), "Banco Central de Honduras");
    /// assert!(t.is_empty());
    /// ```
    pub fn named(name: impl Into<Arc<str>>) -> RateTable {
        RateTable {
            name: name.into(),
            policy: MissingRatePolicy::default(),
            pairs: BTreeMap::new(),
        }
    }

    /// A table named "user-supplied" read from CSV; see
    /// [`read_csv`](RateTable::read_csv).
    ///
    /// # Errors
    ///
    /// As [`read_csv`](RateTable::read_csv).
    ///
    /// ```
    /// use statecraft::fx::RateTable;
    ///
    /// let t = RateTable::from_csv("date,base,quote,rate\n2021-06-04,USD,GTQ,7.7237\n".as_bytes())?;
    /// assert_eq!(t.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_csv<R: Read>(reader: R) -> Result<RateTable, FxError> {
        let mut table = RateTable::new();
        table.read_csv(reader)?;
        Ok(table)
    }

    /// Adds the rates of a CSV file with the header `date,base,quote,rate`:
    /// on `date` (`YYYY-MM-DD`), one `base` bought `rate` (a plain positive
    /// decimal) of `quote` (ISO 4217 codes). Rows may come in any order;
    /// fields may be quoted (RFC 4180), and spaces around them are
    /// ignored. Returns the number of rates added. Either every row is
    /// added or, on an error, none.
    ///
    /// # Errors
    ///
    /// [`FxError::Parse`] with the line, the column and the offending
    /// text for: an empty file, another header, a row with other than
    /// four fields, a bad date, an unknown currency, the same currency as
    /// base and quote, a rate that is not a positive decimal, a pair and
    /// date given twice or already in the table, a badly quoted field.
    /// [`FxError::Io`] when the reader fails.
    ///
    /// ```
    /// use statecraft::fx::RateTable;
    ///
    /// let mut t = RateTable::named("Banguat");
    /// let csv = "date,base,quote,rate\n2021-06-04,USD,GTQ,7.7237\n2021-06-07,USD,GTQ,seven\n";
    /// let e = t.read_csv(csv.as_bytes()).unwrap_err();
    /// assert_eq!(e.to_string(), "line 3, column 4: invalid USD/GTQ rate `seven`: no digits");
    /// assert!(t.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read_csv<R: Read>(&mut self, mut reader: R) -> Result<usize, FxError> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes)?;
        if crate::encoding::is_utf16(&bytes) {
            return Err(FxError::parse(1, 1, ParseErrorKind::Utf16));
        }
        let mut rest = crate::encoding::strip_bom(&bytes);
        let mut splitter = Splitter::new();
        let mut number = 1;
        let mut header_seen = false;
        let mut rows: Vec<(NaiveDate, Currency, Currency, Decimal)> = Vec::new();
        let mut lines: HashMap<(NaiveDate, Currency, Currency), u64> = HashMap::new();
        while let Split::Record { text, end, bad } = splitter.split(rest, true) {
            let line = number + line_feeds(rest.get(..text.start).unwrap_or_default());
            number += line_feeds(rest.get(..end).unwrap_or_default());
            let raw = rest.get(text).unwrap_or_default();
            rest = rest.get(end..).unwrap_or_default();
            if let Some(bad) = bad {
                let text = quote(raw.get(bad.text).unwrap_or_default());
                return Err(FxError::parse(
                    line,
                    bad.field as u64 + 1,
                    ParseErrorKind::Quote { text },
                ));
            }
            let fields = splitter.fields();
            if !header_seen {
                header_seen = true;
                check_header(fields, line)?;
                continue;
            }
            if raw.trim_ascii().is_empty() {
                continue;
            }
            let (date, base, quote, rate) = parse_record(fields, line)?;
            let series = Series::Pair(base, quote);
            if let Some(&first_line) = lines.get(&(date, base, quote)) {
                return Err(FxError::parse(
                    line,
                    1,
                    ParseErrorKind::DuplicateRate {
                        series,
                        date,
                        first_line,
                    },
                ));
            }
            if self.pairs.get(&(base, quote)).is_some_and(|s| s.contains_key(&date)) {
                return Err(FxError::parse(line, 1, ParseErrorKind::AlreadyInTable { series, date }));
            }
            lines.insert((date, base, quote), line);
            rows.push((date, base, quote, rate));
        }
        if !header_seen {
            return Err(FxError::parse(1, 1, ParseErrorKind::Empty));
        }
        let added = rows.len();
        for (date, base, quote, rate) in rows {
            self.pairs.entry((base, quote)).or_default().insert(date, rate);
        }
        Ok(added)
    }

    /// Adds one rate: on `date`, one `base` bought `rate` of `quote`.
    ///
    /// # Errors
    ///
    /// [`FxError::SameCurrency`] when `base == quote`,
    /// [`FxError::InvalidRate`] unless `rate` is positive,
    /// [`FxError::DuplicateRate`] when the table has this pair and date.
    ///
    /// ```
    /// use statecraft::fx::RateTable;
    /// use statecraft::{Currency, Decimal, NaiveDate};
    ///
    /// let day = NaiveDate::from_ymd_opt(2021, 6, 4).unwrap();
    /// let mut t = RateTable::named("Banguat");
    /// t.insert(day, Currency::USD, Currency::GTQ, Decimal::new(77237, 4))?;
    /// let e = t.insert(day, Currency::USD, Currency::GTQ, Decimal::new(77, 1)).unwrap_err();
    /// assert_eq!(e.to_string(), "duplicate Banguat rate for USD/GTQ on 2021-06-04");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn insert(&mut self, date: NaiveDate, base: Currency, quote: Currency, rate: Decimal) -> Result<(), FxError> {
        if base == quote {
            return Err(FxError::SameCurrency { currency: base, date });
        }
        if rate <= Decimal::ZERO {
            return Err(FxError::InvalidRate {
                from: base,
                to: quote,
                date,
                value: rate,
            });
        }
        let series = self.pairs.entry((base, quote)).or_default();
        if series.contains_key(&date) {
            return Err(FxError::DuplicateRate {
                series: Series::Pair(base, quote),
                date,
                provider: self.name.to_string(),
            });
        }
        series.insert(date, rate);
        Ok(())
    }

    /// The same rates under another name, which its rates give as their
    /// source and its refusals quote.
    ///
    /// ```
    /// use statecraft::fx::{RateSource, RateTable};
    /// use statecraft::{Currency, NaiveDate};
    ///
    /// let csv = "date,base,quote,rate\n2021-06-04,USD,GTQ,7.7237\n";
    /// let t = RateTable::from_csv(csv.as_bytes())?;
    /// assert_eq!(t.name(), "user-supplied");
    /// let t = t.with_name("Banguat");
    /// let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
    /// assert_eq!(t.rate(Currency::USD, Currency::GTQ, day)?.source(), "Banguat");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_name(mut self, name: impl Into<Arc<str>>) -> RateTable {
        self.name = name.into();
        self
    }

    /// The same rates under another missing-rate policy.
    pub fn with_policy(mut self, policy: MissingRatePolicy) -> RateTable {
        self.policy = policy;
        self
    }

    /// The missing-rate policy in force.
    pub fn policy(&self) -> MissingRatePolicy {
        self.policy
    }

    /// The name its rates give as their source.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The number of rates.
    pub fn len(&self) -> usize {
        self.pairs.values().map(BTreeMap::len).sum()
    }

    /// Whether the table has no rates.
    pub fn is_empty(&self) -> bool {
        self.pairs.values().all(BTreeMap::is_empty)
    }

    /// The pairs it holds, `(base, quote)` as entered.
    pub fn pairs(&self) -> impl Iterator<Item = (Currency, Currency)> + '_ {
        self.pairs.iter().filter(|(_, s)| !s.is_empty()).map(|(p, _)| *p)
    }

    /// The last date of any rate in the table.
    fn last_date(&self) -> Option<NaiveDate> {
        self.pairs.values().filter_map(|s| s.keys().next_back()).max().copied()
    }

    fn quotes(&self, currency: Currency) -> bool {
        self.pairs().any(|(b, q)| b == currency || q == currency)
    }
}

impl Default for RateTable {
    fn default() -> RateTable {
        RateTable::new()
    }
}

impl RateSource for RateTable {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        let provider = &*self.name;
        check_legal_tender(from, on, provider)?;
        check_legal_tender(to, on, provider)?;
        if from == to {
            return Ok(Rate::identity(from, on));
        }
        let direct = self.pairs.get(&(from, to)).filter(|s| !s.is_empty());
        let inverse = self.pairs.get(&(to, from)).filter(|s| !s.is_empty());
        let (Some(last), true) = (self.last_date(), direct.is_some() || inverse.is_some()) else {
            let series = match [from, to].into_iter().find(|c| !self.quotes(*c)) {
                Some(absent) => Series::Currency(absent),
                None => Series::Pair(from, to),
            };
            return Err(FxError::NotQuoted {
                series,
                date: on,
                provider: provider.to_string(),
            });
        };
        let first = |s: Option<&BTreeMap<NaiveDate, Decimal>>| s.and_then(|s| s.keys().next().copied());
        let (d, i) = (latest_on(direct, on), latest_on(inverse, on));
        let use_inverse = match (d, i) {
            (Some((dd, _)), Some((id, _))) => id > dd,
            (None, Some(_)) => true,
            _ => false,
        };
        let (base, quote, chosen) = if use_inverse { (to, from, i) } else { (from, to, d) };
        let series = if direct.is_some() {
            Series::Pair(from, to)
        } else {
            Series::Pair(to, from)
        };
        let first = match (first(direct), first(inverse)) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b).unwrap_or(on),
        };
        let lookup = Lookup {
            provider,
            series,
            date: on,
            first,
            last,
        };
        let date = self.policy.decide(&lookup, chosen.map(|(d, _)| d))?;
        let Some((_, value)) = chosen else {
            return Err(FxError::BeforeHistory {
                series,
                date: on,
                first,
                provider: provider.to_string(),
            });
        };
        let rate = Rate::new(base, quote, value, date, self.name.clone())?;
        if use_inverse {
            rate.inverse()
        } else {
            Ok(rate)
        }
    }
}

/// The latest rate of a series on or before `on`.
fn latest_on(series: Option<&BTreeMap<NaiveDate, Decimal>>, on: NaiveDate) -> Option<(NaiveDate, Decimal)> {
    series.and_then(|s| s.range(..=on).next_back()).map(|(d, v)| (*d, *v))
}

fn check_header(fields: Fields<'_>, line: u64) -> Result<(), FxError> {
    let found: Vec<&[u8]> = fields.iter().map(<[u8]>::trim_ascii).collect();
    let expected: Vec<&[u8]> = HEADER.split(',').map(str::as_bytes).collect();
    let matches = found.len() == expected.len() && found.iter().zip(&expected).all(|(f, e)| f.eq_ignore_ascii_case(e));
    if matches {
        return Ok(());
    }
    if found.iter().all(|f| f.is_empty()) {
        return Err(FxError::parse(line, 1, ParseErrorKind::Empty));
    }
    let found = found
        .iter()
        .map(|f| String::from_utf8_lossy(f))
        .collect::<Vec<_>>()
        .join(",");
    Err(FxError::parse(
        line,
        1,
        ParseErrorKind::BadHeader {
            expected: HEADER,
            found: crate::Excerpt::new(&found),
        },
    ))
}

fn parse_record(fields: Fields<'_>, line: u64) -> Result<(NaiveDate, Currency, Currency, Decimal), FxError> {
    if fields.len() != 4 {
        return Err(FxError::parse(
            line,
            fields.len().min(4) as u64 + 1,
            ParseErrorKind::FieldCount {
                expected: 4,
                found: fields.len(),
            },
        ));
    }
    let field = |i: usize| fields.get(i).unwrap_or_default();
    let date = parse_date(field(0)).map_err(|kind| FxError::parse(line, 1, kind))?;
    let currency = |i: usize| {
        std::str::from_utf8(field(i).trim_ascii())
            .ok()
            .and_then(Currency::from_code)
            .ok_or_else(|| {
                FxError::parse(
                    line,
                    i as u64 + 1,
                    ParseErrorKind::UnknownCurrency { code: quote(field(i)) },
                )
            })
    };
    let base = currency(1)?;
    let quote_currency = currency(2)?;
    if base == quote_currency {
        return Err(FxError::parse(line, 3, ParseErrorKind::SameCurrency { currency: base }));
    }
    let rate =
        parse_rate(field(3), Series::Pair(base, quote_currency)).map_err(|kind| FxError::parse(line, 4, kind))?;
    Ok((date, base, quote_currency, rate))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::june as day;

    #[test]
    fn is_send_sync() {
        fn check<T: Send + Sync + Clone + 'static>() {}
        check::<RateTable>();
    }

    #[test]
    fn the_later_direction_answers_and_ties_go_to_the_pair_as_asked() {
        let mut t = RateTable::named("T");
        t.insert(day(1), Currency::USD, Currency::GTQ, Decimal::new(77, 1))
            .unwrap();
        t.insert(day(3), Currency::GTQ, Currency::USD, Decimal::new(13, 2))
            .unwrap();
        let r = t.rate(Currency::USD, Currency::GTQ, day(2)).unwrap();
        assert_eq!(r.value(), Decimal::new(77, 1));
        let r = t.rate(Currency::USD, Currency::GTQ, day(4)).unwrap();
        assert_eq!(r.value(), Decimal::ONE / Decimal::new(13, 2));
        assert_eq!(r.date(), day(3));
        t.insert(day(3), Currency::USD, Currency::GTQ, Decimal::new(78, 1))
            .unwrap();
        let r = t.rate(Currency::USD, Currency::GTQ, day(4)).unwrap();
        assert_eq!(r.value(), Decimal::new(78, 1));
        let r = t.rate(Currency::GTQ, Currency::USD, day(4)).unwrap();
        assert_eq!(r.value(), Decimal::new(13, 2));
        assert_eq!(t.len(), 3);
    }

    #[test]
    fn refusals_name_the_table_the_series_and_the_date() {
        let mut t = RateTable::named("Banguat");
        t.insert(day(4), Currency::USD, Currency::GTQ, Decimal::new(77237, 4))
            .unwrap();
        t.insert(day(4), Currency::USD, Currency::HNL, Decimal::new(2405, 2))
            .unwrap();
        let cases = [
            (Currency::GTQ, Currency::GBP, day(7), "no Banguat rate for GBP on 2021-06-07: GBP is not quoted"),
            (
                Currency::GTQ,
                Currency::HNL,
                day(7),
                "no Banguat rate for GTQ/HNL on 2021-06-07: GTQ/HNL is not quoted",
            ),
            (
                Currency::GTQ,
                Currency::USD,
                day(3),
                "no Banguat rate for USD/GTQ on 2021-06-03: Banguat rates for USD/GTQ start on 2021-06-04",
            ),
            (
                Currency::GTQ,
                Currency::USD,
                day(12),
                "no Banguat rate for USD/GTQ on 2021-06-12: the Banguat data ends on 2021-06-04, more than 7 days before",
            ),
        ];
        for (from, to, on, msg) in cases {
            assert_eq!(t.rate(from, to, on).unwrap_err().to_string(), msg);
        }
        let empty = RateTable::new();
        assert_eq!(
            empty
                .rate(Currency::USD, Currency::GTQ, day(4))
                .unwrap_err()
                .to_string(),
            "no user-supplied rate for USD on 2021-06-04: USD is not quoted"
        );
        let e = t
            .insert(day(4), Currency::USD, Currency::USD, Decimal::ONE)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid USD/USD rate on 2021-06-04: base and quote are the same currency"
        );
        let e = t
            .insert(day(4), Currency::USD, Currency::NIO, Decimal::ZERO)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid USD/NIO rate 0 on 2021-06-04: a rate must be positive"
        );
    }
}
