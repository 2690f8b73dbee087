//! `Period` and `YearMonth`: the time a figure covers.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use crate::Excerpt;

crate::serde_strict::strict_serde!(Period);

/// A calendar month: `2021-04`.
///
/// `Display` and `FromStr` use ISO 8601's `YYYY-MM`, and so does serde.
///
/// ```
/// use statecraft::model::YearMonth;
/// use statecraft::NaiveDate;
///
/// let april: YearMonth = "2021-04".parse()?;
/// assert_eq!(april.first_day(), NaiveDate::from_ymd_opt(2021, 4, 1).ok_or("bad date")?);
/// assert_eq!(april.last_day(), NaiveDate::from_ymd_opt(2021, 4, 30).ok_or("bad date")?);
/// assert_eq!(april.to_string(), "2021-04");
/// assert_eq!(april.name(), "April 2021");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    first: NaiveDate,
}

/// The English names of the months, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl YearMonth {
    /// Month `month` (1 to 12) of `year`, or `None` when there is no such
    /// month in the range of dates.
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|first| YearMonth { first })
    }

    /// The month `date` falls in.
    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth {
            first: date.with_day(1).unwrap_or(date),
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.first.year()
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        self.first.month()
    }

    /// The first day.
    pub fn first_day(self) -> NaiveDate {
        self.first
    }

    /// The last day.
    pub fn last_day(self) -> NaiveDate {
        let next = if self.month() == 12 {
            NaiveDate::from_ymd_opt(self.year().saturating_add(1), 1, 1)
        } else {
            NaiveDate::from_ymd_opt(self.year(), self.month().saturating_add(1), 1)
        };
        next.and_then(|n| n.pred_opt()).unwrap_or(NaiveDate::MAX)
    }

    /// Whether `date` falls in the month.
    pub fn contains(self, date: NaiveDate) -> bool {
        YearMonth::of(date) == self
    }

    /// The English name: "April 2021".
    pub fn name(self) -> String {
        let month = usize::try_from(self.month())
            .ok()
            .and_then(|m| m.checked_sub(1))
            .and_then(|i| MONTHS.get(i))
            .copied()
            .unwrap_or("?");
        format!("{month} {}", self.year())
    }
}

impl fmt::Display for YearMonth {
    /// `2021-04`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.first.format("%Y-%m").to_string())
    }
}

impl FromStr for YearMonth {
    type Err = ParseYearMonthError;

    /// Reads `YYYY-MM`; a year outside 0000..=9999 is written with a sign
    /// and at least four digits (`+10000-01`, `-0001-12`), as ISO 8601's
    /// expanded form and `NaiveDate` write it.
    ///
    /// # Errors
    ///
    /// [`ParseYearMonthError`] quoting the text when it is not a year, a
    /// hyphen and a two-digit month from 01 to 12.
    fn from_str(s: &str) -> Result<YearMonth, ParseYearMonthError> {
        let err = || ParseYearMonthError { input: Excerpt::new(s) };
        let (signed, rest) = match s.strip_prefix(['+', '-']) {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let (y, m) = rest.split_once('-').ok_or_else(err)?;
        let year_ok = if signed { y.len() >= 4 } else { y.len() == 4 };
        if !year_ok || m.len() != 2 || !y.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let year: i32 = y.parse().map_err(|_| err())?;
        let year = if s.starts_with('-') {
            year.checked_neg().ok_or_else(err)?
        } else {
            year
        };
        let month: u32 = m.parse().map_err(|_| err())?;
        YearMonth::new(year, month).ok_or_else(err)
    }
}

impl serde::Serialize for YearMonth {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for YearMonth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<YearMonth, D::Error> {
        crate::serde_str::deserialize_from_str(d, "a month such as \"2021-04\"")
    }
}

/// The error for text that is not a `YYYY-MM` month.
///
/// ```
/// let e = "2021-13".parse::<statecraft::model::YearMonth>().unwrap_err();
/// assert_eq!(e.to_string(), "invalid month `2021-13`: expected YYYY-MM, such as 2021-04");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid month `{input}`: expected YYYY-MM, such as 2021-04")]
pub struct ParseYearMonthError {
    input: Excerpt,
}

impl ParseYearMonthError {
    /// The text that was not a month.
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

/// The time a figure covers: a day, a month, a year, a range of days, or
/// everything up to a day (a cumulative toll).
///
/// In the JSON format: `{"day": "2021-06-07"}`, `{"month": "2021-04"}`,
/// `{"year": 2021}`, `{"range": {"start": "2021-01-01", "end":
/// "2021-03-31"}}`, `{"through": "2021-06-07"}`.
///
/// ```
/// use statecraft::model::Period;
/// use statecraft::NaiveDate;
///
/// let april = Period::Month("2021-04".parse()?);
/// let day = NaiveDate::from_ymd_opt(2021, 4, 15).ok_or("bad date")?;
/// assert!(april.contains(day));
/// assert_eq!(april.to_string(), "April 2021");
/// assert_eq!(Period::Through(day).to_string(), "to 2021-04-15");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Period {
    /// One day.
    #[serde(deserialize_with = "crate::serde_str::date")]
    Day(NaiveDate),
    /// One calendar month.
    Month(YearMonth),
    /// One calendar year.
    Year(i32),
    /// From `start` to `end`, both included.
    Range {
        /// The first day.
        #[serde(deserialize_with = "crate::serde_str::date")]
        start: NaiveDate,
        /// The last day.
        #[serde(deserialize_with = "crate::serde_str::date")]
        end: NaiveDate,
    },
    /// Everything up to and including a day: a cumulative total.
    #[serde(deserialize_with = "crate::serde_str::date")]
    Through(NaiveDate),
}

impl Period {
    /// The first day, or `None` for a cumulative period, which has no
    /// start (or a year out of the range of dates).
    pub fn start(&self) -> Option<NaiveDate> {
        match *self {
            Period::Day(d) => Some(d),
            Period::Month(m) => Some(m.first_day()),
            Period::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Period::Range { start, .. } => Some(start),
            Period::Through(_) => None,
        }
    }

    /// The last day (or `None` for a year out of the range of dates).
    pub fn end(&self) -> Option<NaiveDate> {
        match *self {
            Period::Day(d) | Period::Through(d) => Some(d),
            Period::Month(m) => Some(m.last_day()),
            Period::Year(y) => NaiveDate::from_ymd_opt(y, 12, 31),
            Period::Range { end, .. } => Some(end),
        }
    }

    /// Whether `date` falls within the period.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start().is_none_or(|s| s <= date) && self.end().is_some_and(|e| date <= e)
    }
}

impl fmt::Display for Period {
    /// "2021-06-07", "April 2021", "2021", "2021-01-01 to 2021-03-31",
    /// "to 2021-06-07".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Day(d) => write!(f, "{d}"),
            Period::Month(m) => f.write_str(&m.name()),
            Period::Year(y) => write!(f, "{y}"),
            Period::Range { start, end } => write!(f, "{start} to {end}"),
            Period::Through(d) => write!(f, "to {d}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_round_trip_and_refuse_junk() {
        for s in [
            "2021-04",
            "1999-12",
            "0001-01",
            "0000-01",
            "-0001-12",
            "+10000-01",
            "-262143-01",
            "+262142-12",
        ] {
            assert_eq!(s.parse::<YearMonth>().unwrap().to_string(), s);
        }
        for s in [
            "2021-4",
            "21-04",
            "2021-00",
            "2021-13",
            "2021/04",
            "",
            "+202-04",
            "2021-04-01",
            "10000-01",
            "+-2021-01",
            "+262143-01",
            "-99999999999-01",
        ] {
            assert!(s.parse::<YearMonth>().is_err(), "{s}");
        }
        let dec: YearMonth = "2020-12".parse().unwrap();
        assert_eq!(dec.last_day().to_string(), "2020-12-31");
        let feb: YearMonth = "2024-02".parse().unwrap();
        assert_eq!(feb.last_day().to_string(), "2024-02-29");
    }

    #[test]
    fn period_serde_forms() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let cases = [
            (Period::Day(d("2021-06-07")), r#"{"day":"2021-06-07"}"#),
            (Period::Month("2021-04".parse().unwrap()), r#"{"month":"2021-04"}"#),
            (Period::Year(2021), r#"{"year":2021}"#),
            (
                Period::Range {
                    start: d("2021-01-01"),
                    end: d("2021-03-31"),
                },
                r#"{"range":{"start":"2021-01-01","end":"2021-03-31"}}"#,
            ),
            (Period::Through(d("2021-06-07")), r#"{"through":"2021-06-07"}"#),
        ];
        for (p, json) in cases {
            assert_eq!(serde_json::to_string(&p).unwrap(), json);
            assert_eq!(serde_json::from_str::<Period>(json).unwrap(), p);
        }
        let e =
            serde_json::from_str::<Period>(r#"{"range":{"start":"2021-01-01","end":"2021-03-31","x":1}}"#).unwrap_err();
        assert!(e.to_string().starts_with("unknown field `x`"), "{e}");
    }
}
