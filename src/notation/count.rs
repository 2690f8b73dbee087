//! `Count`: a whole number as the press states it, with its qualifier.

use std::fmt;
use std::str::FromStr;

use super::number::{group_thousands, magnitude, numeral, Grouping};
use crate::DecimalErrorKind;
use crate::Excerpt;

crate::serde_strict::strict_serde!(Qualifier);

/// How a reported figure relates to the true one: "more than 178,000",
/// "approaching 230,000".
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
    /// At or above ("at least").
    AtLeast,
    /// Near, on either side ("about", "around", "some", "roughly",
    /// "approximately", "an estimated").
    About,
    /// Just below, and rising ("approaching", "nearly", "almost", "close to").
    Approaching,
    /// Strictly below ("fewer than", "less than", "under", "below").
    FewerThan,
    /// At or below ("up to").
    UpTo,
}

/// The words each qualifier is written with; the first is the one printed.
const QUALIFIER_WORDS: &[(Qualifier, &[&str])] = &[
    (
        Qualifier::MoreThan,
        &["more than", "over", "above", "in excess of", "upwards of"],
    ),
    (Qualifier::AtLeast, &["at least"]),
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
    (Qualifier::UpTo, &["up to"]),
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
    /// assert_eq!("over 5,000".parse::<Count>()?.qualifier().words(), "more than");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn words(self) -> &'static str {
        QUALIFIER_WORDS
            .iter()
            .find(|(q, _)| *q == self)
            .and_then(|(_, w)| w.first().copied())
            .unwrap_or("")
    }

    /// Whether the true figure may be above the stated one.
    pub const fn is_lower_bound(self) -> bool {
        matches!(self, Qualifier::MoreThan | Qualifier::AtLeast)
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
/// it: a value and a [`Qualifier`].
///
/// `Display` writes the qualifier and the number with thousands
/// separators; `FromStr` reads that and the ways the press writes counts:
/// `500,000`, `1.5 million`, `25m`, `one million`, `more than 178,000`.
/// To read a count followed by what it counts (`25m doses`), use
/// [`Count::parse_with_unit`].
///
/// ```
/// use statecraft::{Count, Qualifier};
///
/// let c: Count = "more than 178,000".parse()?;
/// assert_eq!(c.value(), 178_000);
/// assert_eq!(c.qualifier(), Qualifier::MoreThan);
/// assert_eq!(c.to_string(), "more than 178,000");
/// assert_eq!("1.5 million".parse::<Count>()?.value(), 1_500_000);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Count {
    value: u64,
    qualifier: Qualifier,
}

impl Count {
    /// A count with a qualifier.
    ///
    /// ```
    /// use statecraft::{Count, Qualifier};
    ///
    /// let c = Count::new(178_000, Qualifier::MoreThan);
    /// assert_eq!(c.to_string(), "more than 178,000");
    /// assert_eq!(c, "more than 178,000".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn new(value: u64, qualifier: Qualifier) -> Count {
        Count { value, qualifier }
    }

    /// An exact count.
    ///
    /// ```
    /// use statecraft::{Count, Qualifier};
    ///
    /// let c = Count::exact(500_000);
    /// assert_eq!(c.qualifier(), Qualifier::Exact);
    /// assert_eq!(c, "500,000".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn exact(value: u64) -> Count {
        Count {
            value,
            qualifier: Qualifier::Exact,
        }
    }

    /// The number stated, whatever the qualifier.
    ///
    /// ```
    /// use statecraft::Count;
    ///
    /// assert_eq!("nearly 25m".parse::<Count>()?.value(), 25_000_000);
    /// assert_eq!("one million".parse::<Count>()?.value(), 1_000_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn value(self) -> u64 {
        self.value
    }

    /// How the number relates to the true figure.
    ///
    /// ```
    /// use statecraft::{Count, Qualifier};
    ///
    /// assert_eq!("at least 40".parse::<Count>()?.qualifier(), Qualifier::AtLeast);
    /// assert_eq!("up to 1,000".parse::<Count>()?.qualifier(), Qualifier::UpTo);
    /// assert_eq!("40".parse::<Count>()?.qualifier(), Qualifier::Exact);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn qualifier(self) -> Qualifier {
        self.qualifier
    }

    /// Reads a count followed by an optional unit: `25m doses` is 25,000,000
    /// with the unit `doses`; `500,000` has none.
    ///
    /// # Errors
    ///
    /// [`ParseCountError`] naming the input: empty, no digits, not a whole
    /// number (`1.5`), bad digit grouping, two decimal points, exponents,
    /// a negative count, or a number too large for `u64`.
    ///
    /// ```
    /// use statecraft::Count;
    ///
    /// let (doses, unit) = Count::parse_with_unit("25m doses")?;
    /// assert_eq!(doses.value(), 25_000_000);
    /// assert_eq!(unit, Some("doses"));
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
        let (qualifier, body) = split_qualifier(t);
        if body.starts_with(['-', '−']) {
            return Err(err(CountErrorKind::Negative));
        }
        let (value, rest) = match number_word(body) {
            Some((v, rest)) => (v, rest),
            None => {
                let (n, rest) = numeral(body, Grouping::Thousands).map_err(|e| err(CountErrorKind::from(e)))?;
                (n, rest)
            }
        };
        let (value, rest) = match magnitude(rest) {
            Some((m, rest)) => (value.scaled(m).map_err(|e| err(CountErrorKind::from(e)))?, rest),
            None => (value, rest),
        };
        let whole = value.whole().ok_or_else(|| err(CountErrorKind::NotWhole))?;
        let value = u64::try_from(whole).map_err(|_| err(CountErrorKind::TooLarge))?;
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
        Ok((Count { value, qualifier }, unit))
    }
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

/// Reads a small number written as a word ("one", "a", ... "twelve"),
/// as in "one million" or "a million".
fn number_word(t: &str) -> Option<(super::number::Numeral, &str)> {
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
    Some((super::number::Numeral { mantissa, scale: 0 }, rest))
}

impl FromStr for Count {
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

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::new();
        if self.qualifier != Qualifier::Exact {
            s.push_str(self.qualifier.words());
            s.push(' ');
        }
        group_thousands(&self.value.to_string(), &mut s);
        f.pad(&s)
    }
}

impl serde::Serialize for Count {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Count {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
        crate::serde_str::deserialize_from_str(d, "a count such as \"more than 178,000\"")
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
    fn display_groups_thousands_and_reads_back() {
        let c = Count::new(71_200, Qualifier::MoreThan);
        assert_eq!(c.to_string(), "more than 71,200");
        assert_eq!(c.to_string().parse::<Count>(), Ok(c));
        assert_eq!(Count::exact(500_000).to_string(), "500,000");
    }
}
