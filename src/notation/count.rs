//! `Count`: a whole number as the press states it, with its qualifier or
//! as a range; and `Qualifier`, the words the press qualifies figures
//! with.

use std::fmt;
use std::ops::Bound;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::bounds::sealed::{Sealed, Side};
use super::bounds::{FigureError, Quantity};
use super::number::{group_thousands, magnitude, numeral, Grouping, Magnitude, Numeral};
use super::Figure;
use crate::DecimalErrorKind;
use crate::Excerpt;

crate::serde_strict::strict_serde!(Qualifier);

/// How a reported figure relates to the true one: "more than 178,000",
/// "approaching 230,000", "about 6 million".
///
/// Each qualifier gathers the words the press uses for it ("over" is
/// [`Qualifier::MoreThan`], "nearly" [`Qualifier::Approaching`]) and reads
/// as exact bounds of the true figure: see [`Qualifier::bounds_of`] for
/// the reading of each. `Display` writes its first words ("exact" for
/// [`Qualifier::Exact`]); serde writes its kebab-case name (`"more-than"`,
/// `"just-over"`).
///
/// ```
/// use statecraft::Qualifier;
///
/// assert_eq!(Qualifier::MoreThan.to_string(), "more than");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Qualifier {
    /// The figure as given ("500,000").
    #[default]
    Exact,
    /// Strictly above ("more than", "over", "above", "in excess of").
    MoreThan,
    /// Above, by less than half the unit the figure is rounded to ("just
    /// over", "just above").
    JustOver,
    /// At or above ("at least", "no fewer than").
    AtLeast,
    /// Near, on either side ("about", "around", "some", "roughly",
    /// "approximately", "an estimated").
    About,
    /// Just below, and rising ("approaching", "nearly", "almost", "close to").
    Approaching,
    /// Strictly below ("fewer than", "less than", "under", "below").
    FewerThan,
    /// At or below ("up to", "at most", "no more than").
    UpTo,
}

/// The words each qualifier is written with; the first is the one printed.
const QUALIFIER_WORDS: &[(Qualifier, &[&str])] = &[
    (
        Qualifier::JustOver,
        &["just over", "just above", "slightly over", "slightly more than"],
    ),
    (
        Qualifier::MoreThan,
        &["more than", "over", "above", "in excess of", "upwards of"],
    ),
    (
        Qualifier::AtLeast,
        &["at least", "no fewer than", "no less than", "not less than"],
    ),
    (
        Qualifier::About,
        &[
            "about",
            "around",
            "some",
            "roughly",
            "approximately",
            "an estimated",
            "an estimate of",
        ],
    ),
    (
        Qualifier::Approaching,
        &["approaching", "nearly", "almost", "close to", "just under"],
    ),
    (Qualifier::FewerThan, &["fewer than", "less than", "under", "below"]),
    (Qualifier::UpTo, &["up to", "at most", "no more than", "not more than"]),
];

impl Qualifier {
    /// The words printed before the number; empty for [`Qualifier::Exact`].
    ///
    /// ```
    /// use statecraft::{Count, Qualifier};
    ///
    /// assert_eq!(Qualifier::MoreThan.words(), "more than");
    /// assert_eq!(Qualifier::Exact.words(), "");
    /// // "over" is read as more than, and printed as its first words.
    /// assert_eq!("over 5,000".parse::<Count>()?.qualifier().map(Qualifier::words), Some("more than"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn words(self) -> &'static str {
        QUALIFIER_WORDS
            .iter()
            .find(|(q, _)| *q == self)
            .and_then(|(_, w)| w.first().copied())
            .unwrap_or("")
    }

    /// The kebab-case name the JSON format writes: `"exact"`,
    /// `"more-than"`, `"just-over"`, `"at-least"`, `"about"`,
    /// `"approaching"`, `"fewer-than"`, `"up-to"`.
    ///
    /// ```
    /// use statecraft::Qualifier;
    ///
    /// assert_eq!(Qualifier::JustOver.as_str(), "just-over");
    /// assert_eq!(serde_json::to_string(&Qualifier::JustOver)?, "\"just-over\"");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more-than",
            Qualifier::JustOver => "just-over",
            Qualifier::AtLeast => "at-least",
            Qualifier::About => "about",
            Qualifier::Approaching => "approaching",
            Qualifier::FewerThan => "fewer-than",
            Qualifier::UpTo => "up-to",
        }
    }

    /// Reads the qualifier `text` starts with, in any case, and returns
    /// it with the rest of `text` (leading whitespace trimmed):
    /// `"just over 6 million"` is [`Qualifier::JustOver`] and `"6
    /// million"`. Text with no qualifier is [`Qualifier::Exact`] and the
    /// whole of `text`. The words must end before whitespace ("overall"
    /// is not "over"); the longest reading wins ("just under" before
    /// "under"). Readers of other notations (money: `about $4bn`) take
    /// the qualifier off with this, read their number, and make the
    /// figure with [`Figure::new`].
    ///
    /// ```
    /// use statecraft::notation::Figure;
    /// use statecraft::{Money, Qualifier};
    ///
    /// assert_eq!(Qualifier::parse_prefix("Just over 6 million"), (Qualifier::JustOver, "6 million"));
    /// assert_eq!(Qualifier::parse_prefix("nearly  230,000"), (Qualifier::Approaching, "230,000"));
    /// assert_eq!(Qualifier::parse_prefix("overall 5"), (Qualifier::Exact, "overall 5"));
    ///
    /// let (q, rest) = Qualifier::parse_prefix("about $4bn");
    /// let about = Figure::new(rest.parse::<Money>()?, q);
    /// assert_eq!(about.to_compact(), "about $4bn");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_prefix(text: &str) -> (Qualifier, &str) {
        split_qualifier(text.trim_start())
    }

    /// Whether the true figure may be above the stated one, and not below
    /// it: "more than", "just over", "at least".
    pub const fn is_lower_bound(self) -> bool {
        matches!(self, Qualifier::MoreThan | Qualifier::JustOver | Qualifier::AtLeast)
    }

    /// Whether the true figure may be below the stated one.
    pub const fn is_upper_bound(self) -> bool {
        matches!(self, Qualifier::Approaching | Qualifier::FewerThan | Qualifier::UpTo)
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Qualifier::Exact => f.write_str("exact"),
            q => f.write_str(q.words()),
        }
    }
}

/// A whole number of things (doses, people, deaths) as a report states
/// it: a [`Figure`] of a `u64`, exact, with a [`Qualifier`] or as a
/// range.
///
/// `Display` writes the qualifier and the number with thousands
/// separators; `FromStr` reads that and the ways the press writes counts:
/// `500,000`, `1.5 million`, `25m`, `one million`, `more than 178,000`,
/// `just over 6 million`, `between 5 and 6 million` (a magnitude after
/// the second number serves the first too, unless that would put the
/// first above the second), `3–4 million` and `3-4bn` (a dash, en dash or
/// hyphen: the magnitude after the second number is also that of a
/// first number below 1,000 with none of its own, so `5–3m` is refused as
/// inverted and `500,000–1m` is half a million to a million). To read a count followed by what it
/// counts (`25m doses`), use [`Count::parse_with_unit`].
///
/// In JSON a count is that string; an integer is read as an exact count
/// too.
///
/// ```
/// use statecraft::{Count, Qualifier};
///
/// let c: Count = "more than 178,000".parse()?;
/// assert_eq!(c.value(), 178_000);
/// assert_eq!(c.qualifier(), Some(Qualifier::MoreThan));
/// assert_eq!(c.to_string(), "more than 178,000");
/// assert_eq!("1.5 million".parse::<Count>()?.value(), 1_500_000);
/// assert_eq!("between 5 and 6 million".parse::<Count>()?.as_range(), Some((5_000_000, 6_000_000)));
/// assert_eq!("3–4bn".parse::<Count>()?.as_range(), Some((3_000_000_000, 4_000_000_000)));
/// assert!("5–3m".parse::<Count>().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub type Count = Figure<u64>;

impl Quantity for u64 {}

impl Sealed for u64 {
    const COUNTABLE: bool = true;

    fn to_decimal(self) -> Decimal {
        Decimal::from(self)
    }

    fn end(self, end: Bound<Decimal>, side: Side) -> Bound<u64> {
        let (d, included) = match end {
            Bound::Included(d) => (d, true),
            Bound::Excluded(d) => (d, false),
            Bound::Unbounded => {
                return match side {
                    Side::Low => Bound::Included(0),
                    Side::High => Bound::Unbounded,
                }
            }
        };
        if d.is_sign_negative() && !d.is_zero() {
            return Bound::Included(0);
        }
        let whole = match side {
            Side::Low => d.floor(),
            Side::High => d.ceil(),
        };
        match (u64::try_from(whole), side) {
            (Ok(v), _) if included => Bound::Included(v),
            (Ok(v), _) => Bound::Excluded(v),
            (Err(_), Side::Low) => Bound::Excluded(u64::MAX),
            (Err(_), Side::High) => Bound::Unbounded,
        }
    }

    fn is_zero(self) -> bool {
        self == 0
    }

    fn same_unit(self, _: u64) -> Result<(), FigureError> {
        Ok(())
    }

    fn write(self, out: &mut String, _alternate: bool) {
        group_thousands(&self.to_string(), out);
    }
}

impl Figure<u64> {
    /// Reads a count followed by an optional unit: `25m doses` is 25,000,000
    /// with the unit `doses`; `500,000` has none.
    ///
    /// # Errors
    ///
    /// [`ParseCountError`] naming the input: empty, no digits (a qualifier
    /// with no number: `about`), not a whole number (`1.5`), bad digit
    /// grouping, two decimal points, exponents, a negative count, a number
    /// too large for `u64`, or a range with no second number (`between
    /// 5`), whose first number is above its second (`5–3m`) or with a
    /// qualifier (`about 3–4 million`).
    ///
    /// ```
    /// use statecraft::Count;
    ///
    /// let (doses, unit) = Count::parse_with_unit("25m doses")?;
    /// assert_eq!(doses.value(), 25_000_000);
    /// assert_eq!(unit, Some("doses"));
    /// let (range, unit) = Count::parse_with_unit("between 5 and 6 million migrants")?;
    /// assert_eq!((range.as_range(), unit), (Some((5_000_000, 6_000_000)), Some("migrants")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_with_unit(s: &str) -> Result<(Count, Option<&str>), ParseCountError> {
        let err = |kind| ParseCountError {
            input: Excerpt::new(s),
            kind,
        };
        let t = s.trim();
        if t.is_empty() {
            return Err(err(CountErrorKind::Empty));
        }
        let (count, rest) = match strip_word(t, "between") {
            Some(body) => {
                let (first, first_magnitude, rest) = number(body).map_err(err)?;
                let rest = strip_word(rest.trim_start(), "and").ok_or_else(|| err(CountErrorKind::UnfinishedRange))?;
                let (second, second_magnitude, rest) = number(rest).map_err(err)?;
                let high = whole(second, second_magnitude).map_err(err)?;
                // "between 5 and 6 million": the magnitude of the second
                // number serves the first, when it has none of its own and
                // that does not put it above the second.
                let shared = match (first_magnitude, second_magnitude) {
                    (None, Some(m)) => whole(first, Some(m)).ok().filter(|low| *low <= high),
                    _ => None,
                };
                let low = match shared {
                    Some(low) => low,
                    None => whole(first, first_magnitude).map_err(err)?,
                };
                let range = Count::range(low, high).map_err(|_| err(CountErrorKind::InvertedRange { low, high }))?;
                (range, rest)
            }
            None => {
                let (qualifier, body) = split_qualifier(t);
                let (value, magnitude, rest) = number(body).map_err(err)?;
                match range_dash(rest) {
                    // "3–4 million", "3-4bn": the magnitude after the
                    // second number is that of a first below 1,000 with
                    // none of its own, so "5–3m" is inverted and
                    // "500,000–1m" is not.
                    Some(second) => {
                        if qualifier != Qualifier::Exact {
                            return Err(err(CountErrorKind::QualifiedRange(qualifier)));
                        }
                        let (second, second_magnitude, rest) = number(second).map_err(err)?;
                        let high = whole(second, second_magnitude).map_err(err)?;
                        let mantissa = value.to_decimal(false).is_ok_and(|v| v < Decimal::ONE_THOUSAND);
                        let low = whole(value, magnitude.or(second_magnitude.filter(|_| mantissa))).map_err(err)?;
                        let range =
                            Count::range(low, high).map_err(|_| err(CountErrorKind::InvertedRange { low, high }))?;
                        (range, rest)
                    }
                    None => (Count::new(whole(value, magnitude).map_err(err)?, qualifier), rest),
                }
            }
        };
        let rest = rest.trim();
        let unit = if rest.is_empty() {
            None
        } else if rest
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'')
        {
            Some(rest)
        } else {
            return Err(err(CountErrorKind::TrailingText(Excerpt::new(rest))));
        };
        Ok((count, unit))
    }
}

/// `t` after `word` and the whitespace that follows it, when `t` starts
/// with that word (in any case).
fn strip_word<'a>(t: &'a str, word: &str) -> Option<&'a str> {
    let head = t.get(..word.len())?;
    let rest = t.get(word.len()..)?;
    (head.eq_ignore_ascii_case(word) && rest.starts_with(char::is_whitespace)).then(|| rest.trim_start())
}

/// Reads a number at the start of `body`: a numeral or a number word,
/// then an optional magnitude. Returns the numeral, the magnitude and the
/// rest.
fn number(body: &str) -> Result<(Numeral, Option<Magnitude>, &str), CountErrorKind> {
    if body.starts_with(['-', '−']) {
        return Err(CountErrorKind::Negative);
    }
    let (value, rest) = match number_word(body) {
        Some((v, rest)) => (v, rest),
        None => numeral(body, Grouping::Thousands).map_err(CountErrorKind::from)?,
    };
    Ok(match magnitude(rest) {
        Some((m, rest)) => (value, Some(m), rest),
        None => (value, None, rest),
    })
}

/// `value` times `magnitude`, when it is a whole number a `u64` holds.
fn whole(value: Numeral, magnitude: Option<Magnitude>) -> Result<u64, CountErrorKind> {
    let value = match magnitude {
        Some(m) => value.scaled(m).map_err(CountErrorKind::from)?,
        None => value,
    };
    let whole = value.whole().ok_or(CountErrorKind::NotWhole)?;
    u64::try_from(whole).map_err(|_| CountErrorKind::TooLarge)
}

/// Splits a leading qualifier off `t`.
fn split_qualifier(t: &str) -> (Qualifier, &str) {
    for (q, words) in QUALIFIER_WORDS {
        for w in *words {
            if let Some(head) = t.get(..w.len()) {
                let rest = t.get(w.len()..).unwrap_or("");
                if head.eq_ignore_ascii_case(w) && rest.starts_with(char::is_whitespace) {
                    return (*q, rest.trim_start());
                }
            }
        }
    }
    (Qualifier::Exact, t)
}

/// The text after the dash of a range written with one (`-`, `–`),
/// spaces allowed around it, when a digit follows.
fn range_dash(rest: &str) -> Option<&str> {
    let after = rest.trim_start().strip_prefix(['-', '–'])?.trim_start();
    after.starts_with(|c: char| c.is_ascii_digit()).then_some(after)
}

/// Reads a small number written as a word ("one", "a", ... "twelve"),
/// as in "one million" or "a million".
fn number_word(t: &str) -> Option<(Numeral, &str)> {
    const WORDS: [&str; 13] = [
        "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ];
    let end = t.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(t.len());
    let (word, rest) = t.split_at(end);
    let n = WORDS.iter().position(|w| w.eq_ignore_ascii_case(word))?;
    // "a" alone is not a number; it must be followed by a magnitude.
    if n == 0 && magnitude(rest).is_none() {
        return None;
    }
    let mantissa = u128::try_from(n.max(1)).ok()?;
    Some((Numeral { mantissa, scale: 0 }, rest))
}

impl FromStr for Figure<u64> {
    type Err = ParseCountError;

    /// Reads a count with no unit; see [`Count::parse_with_unit`].
    fn from_str(s: &str) -> Result<Count, ParseCountError> {
        match Count::parse_with_unit(s)? {
            (c, None) => Ok(c),
            (_, Some(unit)) => Err(ParseCountError {
                input: Excerpt::new(s),
                kind: CountErrorKind::TrailingText(Excerpt::new(unit)),
            }),
        }
    }
}

impl serde::Serialize for Figure<u64> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Figure<u64> {
    /// Reads a count as a string (`"more than 178,000"`), or an exact
    /// count as a JSON integer (`500000`). A negative number or a
    /// fraction is refused as it is where a `u64` is expected.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
        d.deserialize_any(CountVisitor)
    }
}

struct CountVisitor;

impl serde::de::Visitor<'_> for CountVisitor {
    type Value = Count;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a count such as \"more than 178,000\"")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Count, E> {
        v.parse().map_err(E::custom)
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Count, E> {
        Ok(Count::exact(v))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Count, E> {
        u64::try_from(v)
            .map(Count::exact)
            .map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &"u64"))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Count, E> {
        Err(E::invalid_type(serde::de::Unexpected::Float(v), &"u64"))
    }
}

/// The error for text that is not a count.
///
/// ```
/// let e = "1.5 doses".parse::<statecraft::Count>().unwrap_err();
/// assert_eq!(e.to_string(), "invalid count `1.5 doses`: not a whole number");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid count `{input}`: {kind}")]
pub struct ParseCountError {
    input: Excerpt,
    kind: CountErrorKind,
}

impl ParseCountError {
    /// The text that was not a count (cut to 60 characters).
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// What is wrong with it.
    pub fn kind(&self) -> &CountErrorKind {
        &self.kind
    }
}

/// What is wrong with a count.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CountErrorKind {
    /// Nothing but whitespace.
    #[error("empty")]
    Empty,
    /// A minus sign: counts are never negative.
    #[error("a count cannot be negative")]
    Negative,
    /// A fraction where a whole number is needed (`1.5`, `2.25k`).
    #[error("not a whole number")]
    NotWhole,
    /// More than `u64` holds.
    #[error("too large")]
    TooLarge,
    /// Text after the count that is not a unit.
    #[error("unexpected `{0}` after the number")]
    TrailingText(Excerpt),
    /// A range without `and` and its second number (`between 5`).
    #[error("a range needs `and` and a second number")]
    UnfinishedRange,
    /// A range whose first number is above its second (`between 6 and
    /// 5`).
    #[error("the range's first number, {}, is above its second, {}", Count::exact(*.low), Count::exact(*.high))]
    InvertedRange {
        /// The first number.
        low: u64,
        /// The second number.
        high: u64,
    },
    /// A range written with a dash after a qualifier (`about 3–4
    /// million`): a range states its own bounds.
    #[error("a range (`3–4 million`) takes no qualifier, and this one has `{0}`")]
    QualifiedRange(Qualifier),
    /// What is wrong with the number, as every reader of numbers says it:
    /// no digits (`more than`), bad digit grouping, two decimal points,
    /// an exponent, a misplaced sign (`+5`), ...
    #[error(transparent)]
    Number(DecimalErrorKind),
}

impl From<DecimalErrorKind> for CountErrorKind {
    fn from(e: DecimalErrorKind) -> CountErrorKind {
        match e {
            DecimalErrorKind::TooLarge | DecimalErrorKind::TooManyDigits => CountErrorKind::TooLarge,
            DecimalErrorKind::TooPrecise => CountErrorKind::NotWhole,
            other => CountErrorKind::Number(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_counts_as_the_press_writes_them() {
        let cases = [
            ("500,000", 500_000, Qualifier::Exact),
            ("1.5 million", 1_500_000, Qualifier::Exact),
            ("25m", 25_000_000, Qualifier::Exact),
            ("one million", 1_000_000, Qualifier::Exact),
            ("a million", 1_000_000, Qualifier::Exact),
            ("more than 178,000", 178_000, Qualifier::MoreThan),
            ("More than 178,000", 178_000, Qualifier::MoreThan),
            ("over 40", 40, Qualifier::MoreThan),
            ("approaching 230,000", 230_000, Qualifier::Approaching),
            ("nearly 230,000", 230_000, Qualifier::Approaching),
            ("about 1,000", 1_000, Qualifier::About),
            ("at least 12", 12, Qualifier::AtLeast),
            ("fewer than 5", 5, Qualifier::FewerThan),
            ("up to 2bn", 2_000_000_000, Qualifier::UpTo),
            ("0", 0, Qualifier::Exact),
            ("18446744073709551615", u64::MAX, Qualifier::Exact),
        ];
        for (text, value, q) in cases {
            assert_eq!(text.parse::<Count>(), Ok(Count::new(value, q)), "{text}");
        }
    }

    #[test]
    fn units_are_split_off() {
        assert_eq!(
            Count::parse_with_unit("25m doses"),
            Ok((Count::exact(25_000_000), Some("doses")))
        );
        assert_eq!(
            Count::parse_with_unit("more than 178,000 migrants"),
            Ok((Count::new(178_000, Qualifier::MoreThan), Some("migrants")))
        );
        assert_eq!(
            Count::parse_with_unit("12 US organisations"),
            Ok((Count::exact(12), Some("US organisations")))
        );
    }

    #[test]
    fn errors_are_pinned() {
        let cases = [
            ("", "invalid count ``: empty"),
            ("doses", "invalid count `doses`: no digits"),
            ("more than", "invalid count `more than`: no digits"),
            ("-5", "invalid count `-5`: a count cannot be negative"),
            ("1.5", "invalid count `1.5`: not a whole number"),
            ("1,00,000", "invalid count `1,00,000`: bad digit grouping"),
            ("1.2.3", "invalid count `1.2.3`: two decimal points"),
            ("1e5", "invalid count `1e5`: exponents are not accepted"),
            (
                "18446744073709551616",
                "invalid count `18446744073709551616`: too large",
            ),
            (
                "25m doses",
                "invalid count `25m doses`: unexpected `doses` after the number",
            ),
            (
                "25 (est.)",
                "invalid count `25 (est.)`: unexpected `(est.)` after the number",
            ),
        ];
        for (text, msg) in cases {
            assert_eq!(text.parse::<Count>().unwrap_err().to_string(), msg, "{text}");
        }
    }

    #[test]
    fn reads_every_qualifier_of_the_press() {
        let cases = [
            ("about 6 million", 6_000_000, Qualifier::About),
            ("around 1,000", 1_000, Qualifier::About),
            ("some 500", 500, Qualifier::About),
            ("nearly 230,000", 230_000, Qualifier::Approaching),
            ("almost 25m", 25_000_000, Qualifier::Approaching),
            ("just under 6 million", 6_000_000, Qualifier::Approaching),
            ("more than 1m", 1_000_000, Qualifier::MoreThan),
            ("over one billion", 1_000_000_000, Qualifier::MoreThan),
            ("just over 6 million", 6_000_000, Qualifier::JustOver),
            ("Just Above 6m", 6_000_000, Qualifier::JustOver),
            ("at least 80 million", 80_000_000, Qualifier::AtLeast),
            ("no fewer than 3", 3, Qualifier::AtLeast),
            ("up to 2bn", 2_000_000_000, Qualifier::UpTo),
            ("at most 5", 5, Qualifier::UpTo),
            ("no more than 5", 5, Qualifier::UpTo),
            ("less than 10", 10, Qualifier::FewerThan),
        ];
        for (text, value, q) in cases {
            assert_eq!(text.parse::<Count>(), Ok(Count::new(value, q)), "{text}");
        }
    }

    #[test]
    fn every_word_of_a_qualifier_is_taken_off_as_it() {
        for (q, words) in QUALIFIER_WORDS {
            for w in *words {
                let text = format!("  {} 5m", w.to_uppercase());
                assert_eq!(Qualifier::parse_prefix(&text), (*q, "5m"), "{w}");
                assert_eq!(Qualifier::parse_prefix(&format!("{w}5m")).0, Qualifier::Exact, "{w}");
            }
        }
        assert_eq!(Qualifier::parse_prefix(""), (Qualifier::Exact, ""));
        assert_eq!(Qualifier::parse_prefix("under"), (Qualifier::Exact, "under"));
    }

    #[test]
    fn reads_ranges() {
        let range = |a, b| Count::range(a, b).unwrap();
        let cases = [
            ("between 5 and 6 million", range(5_000_000, 6_000_000)),
            ("between 5m and 6m", range(5_000_000, 6_000_000)),
            ("Between 1,000 AND 2,000", range(1_000, 2_000)),
            // The second number's magnitude would put the first above it.
            ("between 500 and 6 million", range(500, 6_000_000)),
            ("between 1.5 and 2 million", range(1_500_000, 2_000_000)),
            ("between 5 and 5", range(5, 5)),
            ("between 0 and 18446744073709551615", range(0, u64::MAX)),
            // With a dash, the second number's magnitude is the first's.
            ("3–4 million", range(3_000_000, 4_000_000)),
            ("3-4bn", range(3_000_000_000, 4_000_000_000)),
            ("3 – 4m", range(3_000_000, 4_000_000)),
            ("1.5-2 million", range(1_500_000, 2_000_000)),
            ("500,000–1m", range(500_000, 1_000_000)),
            ("5-6", range(5, 6)),
        ];
        for (text, want) in cases {
            assert_eq!(text.parse::<Count>(), Ok(want), "{text}");
        }
        assert_eq!(
            Count::parse_with_unit("between 5 and 6 million doses"),
            Ok((range(5_000_000, 6_000_000), Some("doses")))
        );
    }

    #[test]
    fn range_errors_are_pinned() {
        let cases = [
            ("between 5", "invalid count `between 5`: a range needs `and` and a second number"),
            ("between 5 and", "invalid count `between 5 and`: a range needs `and` and a second number"),
            ("between 5 or 6", "invalid count `between 5 or 6`: a range needs `and` and a second number"),
            ("between and 6", "invalid count `between and 6`: unexpected `and` before the number"),
            (
                "between 6 and 5",
                "invalid count `between 6 and 5`: the range's first number, 6, is above its second, 5",
            ),
            (
                "between 5m and 3m",
                "invalid count `between 5m and 3m`: the range's first number, 5,000,000, is above its second, 3,000,000",
            ),
            ("between -5 and 6", "invalid count `between -5 and 6`: a count cannot be negative"),
            ("between 5 and 6.5", "invalid count `between 5 and 6.5`: not a whole number"),
            ("about", "invalid count `about`: no digits"),
            ("just over", "invalid count `just over`: no digits"),
            ("between", "invalid count `between`: no digits"),
            (
                "5–3m",
                "invalid count `5–3m`: the range's first number, 5,000,000, is above its second, 3,000,000",
            ),
            (
                "500-6m",
                "invalid count `500-6m`: the range's first number, 500,000,000, is above its second, 6,000,000",
            ),
            (
                "about 3–4 million",
                "invalid count `about 3–4 million`: a range (`3–4 million`) takes no qualifier, and this one has `about`",
            ),
            ("5–", "invalid count `5–`: unexpected `–` after the number"),
            ("5--6", "invalid count `5--6`: unexpected `--6` after the number"),
            ("3-4.5", "invalid count `3-4.5`: not a whole number"),
        ];
        for (text, msg) in cases {
            assert_eq!(text.parse::<Count>().unwrap_err().to_string(), msg, "{text}");
        }
    }

    #[test]
    fn every_form_reads_back_from_its_display() {
        let figures = [
            Count::exact(0),
            Count::new(6_000_000, Qualifier::JustOver),
            Count::new(5, Qualifier::FewerThan),
            Count::new(u64::MAX, Qualifier::UpTo),
            Count::range(5_000_000, 6_000_000).unwrap(),
            Count::range(7, 7).unwrap(),
        ];
        for c in figures {
            assert_eq!(c.to_string().parse::<Count>(), Ok(c), "{c}");
            let json = serde_json::to_string(&c).unwrap();
            assert_eq!(serde_json::from_str::<Count>(&json).unwrap(), c, "{json}");
        }
        assert_eq!(
            Count::range(5_000_000, 6_000_000).unwrap().to_string(),
            "between 5,000,000 and 6,000,000"
        );
    }

    #[test]
    fn json_takes_strings_and_whole_numbers() {
        assert_eq!(serde_json::from_str::<Count>("500000").unwrap(), Count::exact(500_000));
        assert_eq!(
            serde_json::from_str::<Count>("\"about 6 million\"").unwrap(),
            Count::new(6_000_000, Qualifier::About)
        );
        let cases = [
            ("-5", "invalid value: integer `-5`, expected u64 at line 1 column 2"),
            (
                "2.5",
                "invalid type: floating point `2.5`, expected u64 at line 1 column 3",
            ),
            (
                "true",
                "invalid type: boolean `true`, expected a count such as \"more than 178,000\" at line 1 column 4",
            ),
            ("\"about\"", "invalid count `about`: no digits at line 1 column 7"),
        ];
        for (json, msg) in cases {
            assert_eq!(
                serde_json::from_str::<Count>(json).unwrap_err().to_string(),
                msg,
                "{json}"
            );
        }
    }

    #[test]
    fn display_groups_thousands_and_reads_back() {
        let c = Count::new(71_200, Qualifier::MoreThan);
        assert_eq!(c.to_string(), "more than 71,200");
        assert_eq!(c.to_string().parse::<Count>(), Ok(c));
        assert_eq!(Count::exact(500_000).to_string(), "500,000");
    }
}
