//! Figures as running text writes them: money, reported pairs, counts
//! with their unit noun and percentages, each exact, qualified or as a
//! range. One reader serves [`Reading::parse_in`] (a whole string), the
//! `FromStr` of `Figure<Money>` and [`MoneyPair`], and the
//! [scanner](crate::scan).

use std::fmt;
use std::ops::Bound;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::bounds::sealed::{Sealed, Side};
use super::bounds::{FigureError, Quantity};
use super::number::split_word;
use super::{Count, Figure, Qualifier};
use crate::fx::{check_reported, FxError, RateSource, ReportedPair};
use crate::money::parse::{read_piece, Mode, Piece};
use crate::money::{MoneyErrorKind, SymbolContext};
use crate::{Excerpt, Money};

/// A figure read from text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reading<'a> {
    /// An amount of money: `$310m`, `about $4bn`, `$3-4bn`.
    Money(Figure<Money>),
    /// An amount with its conversion in parentheses: `$310m (£219m)`.
    Pair(MoneyPair),
    /// A count, with the noun it counts if one follows: `178,000
    /// migrants`, `25m doses`, `one million`.
    Count {
        /// The count.
        count: Count,
        /// The noun after it (`migrants`, `US organisations`).
        unit: Option<&'a str>,
    },
    /// A percentage, in percent: `40%`, `more than 40 per cent`, `3-4%`.
    Percent(Figure<Decimal>),
}

/// Two amounts reported together, the second converting the first:
/// `$310m (£219m)`, `£548m (US$711m)`, `€1bn ($1.2bn)`.
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::EcbRates;
/// use statecraft::notation::MoneyPair;
/// use statecraft::NaiveDate;
///
/// let pair: MoneyPair = "$310m (£219m)".parse()?;
/// assert_eq!(pair.to_string(), "$310m (£219m)");
/// let day = NaiveDate::from_ymd_opt(2021, 6, 7).ok_or("date")?;
/// assert!(pair.check(day, EcbRates::embedded())?.is_consistent());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MoneyPair {
    primary: Figure<Money>,
    reported: Figure<Money>,
}

impl MoneyPair {
    /// The amount stated first ($310m).
    pub fn primary(&self) -> Figure<Money> {
        self.primary
    }

    /// Its conversion, in parentheses (£219m).
    pub fn reported(&self) -> Figure<Money> {
        self.reported
    }

    /// Reads a pair as [`Money::parse_in`] reads each amount.
    ///
    /// # Errors
    ///
    /// [`ParseFigureError`] quoting `s`: what is wrong with either amount,
    /// or no amount in parentheses after the first.
    pub fn parse_in(s: &str, context: &SymbolContext) -> Result<MoneyPair, ParseFigureError> {
        match Reading::parse_in(s, context)? {
            Reading::Pair(p) => Ok(p),
            _ => Err(ParseFigureError::new(s, MoneyErrorKind::NotAPair)),
        }
    }

    /// Checks the conversion against the reference rate of `on` (the
    /// report's date), as [`check_reported`] does; a qualified or ranged
    /// amount is checked by its first number.
    ///
    /// # Errors
    ///
    /// As [`check_reported`].
    pub fn check<R: RateSource + ?Sized>(&self, on: NaiveDate, rates: &R) -> Result<ReportedPair, FxError> {
        check_reported(self.primary.value(), self.reported.value(), on, rates)
    }
}

impl FromStr for MoneyPair {
    type Err = ParseFigureError;

    /// Reads `$310m (£219m)`; see [`MoneyPair::parse_in`].
    fn from_str(s: &str) -> Result<MoneyPair, ParseFigureError> {
        MoneyPair::parse_in(s, &SymbolContext::international())
    }
}

impl fmt::Display for MoneyPair {
    /// Each amount in compact notation: `$310m (£219m)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.primary.to_compact(), self.reported.to_compact())
    }
}

impl FromStr for Figure<Money> {
    type Err = ParseFigureError;

    /// Reads an amount as the press states it: `about $4bn`, `more than
    /// £200m`, `up to $1bn`, `$3-4bn`, `between £5m and £6m`, `3 to 4
    /// million euros`; each amount as [`Money::from_str`] reads it.
    ///
    /// # Errors
    ///
    /// [`ParseFigureError`] quoting the input: what is wrong with an
    /// amount, a range with no second amount, inverted, in two currencies
    /// or qualified, no currency, or text after the figure.
    ///
    /// ```
    /// use statecraft::notation::Figure;
    /// use statecraft::{Money, Qualifier};
    ///
    /// let f: Figure<Money> = "about $4bn".parse()?;
    /// assert_eq!((f.qualifier(), f.value().to_compact()), (Some(Qualifier::About), "$4bn".into()));
    /// let r: Figure<Money> = "between £5m and £6m".parse()?;
    /// assert_eq!(r.to_compact(), "between £5m and £6m");
    /// assert_eq!("$3-4bn".parse::<Figure<Money>>()?.to_compact(), "between $3bn and $4bn");
    /// let e = "£6m-£5m".parse::<Figure<Money>>().unwrap_err();
    /// assert_eq!(e.to_string(), "invalid figure `£6m-£5m`: invalid bounds from GBP 6,000,000 to GBP 5,000,000: the low end is above the high end");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from_str(s: &str) -> Result<Figure<Money>, ParseFigureError> {
        Figure::<Money>::parse_in(s, &SymbolContext::international())
    }
}

impl Figure<Money> {
    /// Reads an amount as [`FromStr`](#impl-FromStr-for-Figure<Money>)
    /// does, with symbols read in `context`.
    ///
    /// # Errors
    ///
    /// As `FromStr`.
    ///
    /// ```
    /// use statecraft::notation::Figure;
    /// use statecraft::money::SymbolContext;
    /// use statecraft::{Country, Currency, Money};
    ///
    /// let f = Figure::<Money>::parse_in("nearly 5 billion dollars", &SymbolContext::published_in(Country::CA))?;
    /// assert_eq!(f.currency(), Currency::CAD);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_in(s: &str, context: &SymbolContext) -> Result<Figure<Money>, ParseFigureError> {
        match Reading::parse_in(s, context)? {
            Reading::Money(m) => Ok(m),
            Reading::Pair(_) => Err(ParseFigureError::new(
                s,
                MoneyErrorKind::TrailingText(Excerpt::new(after_paren(s))),
            )),
            _ => Err(ParseFigureError::new(s, MoneyErrorKind::NoCurrency)),
        }
    }
}

/// The text from the opening parenthesis on.
fn after_paren(s: &str) -> &str {
    s.find('(').and_then(|i| s.get(i..)).unwrap_or(s)
}

impl<'a> Reading<'a> {
    /// Reads `s` as one figure: money, a pair, a count with an optional
    /// unit noun, or a percentage.
    ///
    /// # Errors
    ///
    /// [`ParseFigureError`] quoting `s`.
    ///
    /// ```
    /// use statecraft::notation::Reading;
    /// use statecraft::money::SymbolContext;
    /// use statecraft::{Count, Qualifier};
    ///
    /// let any = SymbolContext::international();
    /// let r = Reading::parse_in("nearly 6 million doses", &any)?;
    /// assert_eq!(r, Reading::Count { count: Count::new(6_000_000, Qualifier::Approaching), unit: Some("doses") });
    /// assert!(matches!(Reading::parse_in("$310m (£219m)", &any)?, Reading::Pair(_)));
    /// assert!(matches!(Reading::parse_in("more than 40%", &any)?, Reading::Percent(_)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_in(s: &'a str, context: &SymbolContext) -> Result<Reading<'a>, ParseFigureError> {
        let t = s.trim();
        if t.is_empty() {
            return Err(ParseFigureError::new(s, MoneyErrorKind::Empty));
        }
        let (reading, rest) = read_figure(t, context, Mode::Figure).map_err(|k| ParseFigureError::new(s, k))?;
        let rest = rest.trim();
        if !rest.is_empty() {
            return Err(ParseFigureError::new(
                s,
                MoneyErrorKind::TrailingText(Excerpt::new(rest)),
            ));
        }
        Ok(reading)
    }

    /// The kind of figure: `money`, `pair`, `count` or `percent`.
    pub fn kind(&self) -> &'static str {
        match self {
            Reading::Money(_) => "money",
            Reading::Pair(_) => "pair",
            Reading::Count { .. } => "count",
            Reading::Percent(_) => "percent",
        }
    }
}

impl fmt::Display for Reading<'_> {
    /// Money and pairs in compact notation, counts as [`Count`] writes
    /// them with their unit, percentages with `%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reading::Money(m) => f.write_str(&m.to_compact()),
            Reading::Pair(p) => write!(f, "{p}"),
            Reading::Count { count, unit: Some(u) } => write!(f, "{count} {u}"),
            Reading::Count { count, unit: None } => write!(f, "{count}"),
            Reading::Percent(p) => write!(f, "{p}%"),
        }
    }
}

/// The error for text that is not a figure.
///
/// ```
/// use statecraft::notation::Figure;
/// use statecraft::Money;
///
/// let e = "between £5m".parse::<Figure<Money>>().unwrap_err();
/// assert_eq!(e.to_string(), "invalid figure `between £5m`: a range needs a second number");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid figure `{input}`: {kind}")]
pub struct ParseFigureError {
    input: Excerpt,
    kind: MoneyErrorKind,
}

impl ParseFigureError {
    pub(crate) fn new(input: &str, kind: MoneyErrorKind) -> ParseFigureError {
        ParseFigureError {
            input: Excerpt::new(input),
            kind,
        }
    }

    /// The text that was not a figure (cut to 60 characters).
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// What is wrong with it.
    pub fn kind(&self) -> &MoneyErrorKind {
        &self.kind
    }
}

/// `t` after `word` and the spaces that follow it, in any case.
fn strip_word<'a>(t: &'a str, word: &str) -> Option<&'a str> {
    let head = t.get(..word.len())?;
    let rest = t.get(word.len()..)?;
    (head.eq_ignore_ascii_case(word) && rest.starts_with(char::is_whitespace)).then(|| rest.trim_start())
}

/// The text after a range's separator (`-`, `–`, `to`), when a number or
/// a currency follows it.
fn range_separator(rest: &str) -> Option<&str> {
    let t = rest.trim_start_matches(' ');
    let after = match t.strip_prefix(['-', '–']) {
        Some(after) => after.trim_start_matches(' '),
        None => strip_word(t, "to")?,
    };
    let first = after.chars().next()?;
    (!first.is_whitespace() && !first.is_ascii_alphabetic() || first.is_ascii_uppercase()).then_some(after)
}

/// Reads one figure at the start of `t` (its qualifier, currency or
/// number), and returns it with the text after it.
pub(crate) fn read_figure<'a>(
    t: &'a str,
    context: &SymbolContext,
    mode: Mode,
) -> Result<(Reading<'a>, &'a str), MoneyErrorKind> {
    let (qualifier, body) = Qualifier::parse_prefix(t);
    let piece = |t| read_piece(t, context, mode);
    let (first, second) = match strip_word(body, "between") {
        Some(body) => {
            let first = piece(body)?;
            let rest = strip_word(first.rest.trim_start(), "and").ok_or(MoneyErrorKind::UnfinishedRange)?;
            let second = piece(rest)?;
            (first, Some(second))
        }
        None => {
            let first = piece(body)?;
            let second = match range_separator(first.rest) {
                Some(after) => match piece(after) {
                    Ok(second) => Some(second),
                    // "3-4" in running text is a range only when the
                    // second number reads.
                    Err(e) if mode != Mode::Running => return Err(e),
                    Err(_) => None,
                },
                None => None,
            };
            (first, second)
        }
    };
    if second.is_some() && qualifier != Qualifier::Exact {
        return Err(MoneyErrorKind::QualifiedRange(qualifier));
    }
    let last = second.unwrap_or(first);
    // A money figure: a currency named at either end.
    if first.currency.is_some() || last.currency.is_some() {
        let figure = money_figure(qualifier, first, second)?;
        let rest = last.rest;
        // A conversion in parentheses: "$310m (£219m)".
        let open = rest.trim_start_matches(' ');
        if let Some(inner) = open.strip_prefix('(') {
            let converted = read_figure(inner.trim_start(), context, Mode::Running);
            if let Ok((Reading::Money(reported), after)) = converted {
                if let Some(after) = after.trim_start().strip_prefix(')') {
                    if reported.currency() != figure.currency() {
                        let pair = MoneyPair {
                            primary: figure,
                            reported,
                        };
                        return Ok((Reading::Pair(pair), after));
                    }
                }
            }
        }
        return Ok((Reading::Money(figure), rest));
    }
    // A percentage.
    if let Some(rest) = percent_sign(last.rest) {
        let (low, high) = (
            decimal(&first, second.as_ref())?,
            second.as_ref().map(|s| decimal(s, None)).transpose()?,
        );
        let figure = match high {
            Some(high) => Figure::range(low, high).map_err(MoneyErrorKind::Range)?,
            None => Figure::new(low, qualifier),
        };
        return Ok((Reading::Percent(figure), rest));
    }
    // A count, and the noun it counts.
    let low = whole(&first, second.as_ref())?;
    let count = match second {
        Some(second) => {
            let high = whole(&second, None)?;
            Count::range(low, high).map_err(MoneyErrorKind::Range)?
        }
        None => Count::new(low, qualifier),
    };
    let (unit, rest) = unit_noun(last.rest, mode);
    Ok((Reading::Count { count, unit }, rest))
}

/// The magnitude of a range's second number serves the first when it has
/// none of its own and is below 1,000 ("3-4bn", "between 5 and 6
/// million").
fn shared_magnitude(first: &Piece<'_>, second: Option<&Piece<'_>>) -> Piece<'static> {
    let mut p = Piece { rest: "", ..*first };
    if let Some(s) = second {
        let small = first.value.to_decimal(false).is_ok_and(|v| v < Decimal::ONE_THOUSAND);
        if first.magnitude.is_none() && small {
            p.magnitude = s.magnitude;
        }
    }
    p
}

fn money_figure(
    qualifier: Qualifier,
    first: Piece<'_>,
    second: Option<Piece<'_>>,
) -> Result<Figure<Money>, MoneyErrorKind> {
    match second {
        None => Ok(Figure::new(first.money(None)?, qualifier)),
        Some(second) => {
            let fallback = |p: &Piece<'_>| p.currency.map(|c| (c, p.minor));
            let high = second.money(fallback(&first))?;
            let low = shared_magnitude(&first, Some(&second)).money(fallback(&second))?;
            Figure::range(low, high).map_err(MoneyErrorKind::Range)
        }
    }
}

/// The value of a piece with no currency, with the magnitude it shares.
fn decimal(first: &Piece<'_>, second: Option<&Piece<'_>>) -> Result<Decimal, MoneyErrorKind> {
    let p = shared_magnitude(first, second);
    let value = match p.magnitude {
        Some(m) => p.value.scaled(m)?,
        None => p.value,
    };
    Ok(value.to_decimal(p.negative)?)
}

/// The value of a piece as a count.
fn whole(first: &Piece<'_>, second: Option<&Piece<'_>>) -> Result<u64, MoneyErrorKind> {
    if first.negative {
        return Err(crate::DecimalErrorKind::MisplacedSign.into());
    }
    if first.indian && !first.magnitude.is_some_and(|m| m.is_south_asian()) {
        return Err(crate::DecimalErrorKind::BadGrouping.into());
    }
    let d = decimal(first, second)?;
    if d.fract() != Decimal::ZERO {
        return Err(MoneyErrorKind::NotWhole);
    }
    u64::try_from(d).map_err(|_| crate::DecimalErrorKind::TooLarge.into())
}

/// The text after a percent sign or the words "per cent", "percent".
fn percent_sign(rest: &str) -> Option<&str> {
    if let Some(after) = rest.strip_prefix('%') {
        return Some(after);
    }
    let t = rest.strip_prefix(' ')?;
    for words in ["per cent", "percent"] {
        if let Some(head) = t.get(..words.len()) {
            let after = t.get(words.len()..).unwrap_or("");
            if head.eq_ignore_ascii_case(words) && !after.starts_with(char::is_alphabetic) {
                return Some(after);
            }
        }
    }
    None
}

/// Words that follow a number without being what it counts.
const NOT_UNITS: &[&str] = &[
    "a", "about", "after", "against", "ago", "and", "are", "as", "at", "be", "been", "before", "but", "by", "for",
    "from", "had", "has", "have", "in", "into", "is", "it", "of", "on", "or", "out", "over", "per", "so", "than",
    "that", "the", "their", "them", "then", "they", "this", "those", "to", "up", "was", "were", "which", "who", "will",
    "with", "would",
];

/// The noun a count counts: the next word in lower case (`migrants`),
/// after an acronym if one comes first (`US organisations`). In a whole
/// string, all the rest when it is words.
fn unit_noun(rest: &str, mode: Mode) -> (Option<&str>, &str) {
    if mode != Mode::Running {
        let t = rest.trim();
        if !t.is_empty()
            && t.chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'')
        {
            return (Some(t), "");
        }
        return (None, rest);
    }
    let Some(t) = rest.strip_prefix(' ') else {
        return (None, rest);
    };
    let noun = |w: &str| w.starts_with(|c: char| c.is_lowercase()) && !NOT_UNITS.contains(&w);
    let (word, after) = split_word(t);
    let acronym = word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase());
    if acronym {
        if let Some(t2) = after.strip_prefix(' ') {
            let (next, after2) = split_word(t2);
            if noun(next) {
                let len = t.len() - after2.len();
                return (t.get(..len), after2);
            }
        }
        return (None, rest);
    }
    if noun(word) {
        return (Some(word), after);
    }
    (None, rest)
}

impl Quantity for Decimal {}

impl Sealed for Decimal {
    const COUNTABLE: bool = false;

    fn to_decimal(self) -> Decimal {
        self
    }

    fn end(self, end: Bound<Decimal>, _: Side) -> Bound<Decimal> {
        end
    }

    fn is_zero(self) -> bool {
        Decimal::is_zero(&self)
    }

    fn same_unit(self, _: Decimal) -> Result<(), FigureError> {
        Ok(())
    }

    fn write(self, out: &mut String, _alternate: bool) {
        out.push_str(&self.normalize().to_string());
    }
}
