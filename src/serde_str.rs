//! Serde support for types that travel as strings and are read through
//! their `FromStr`, so that a value that cannot be parsed cannot be
//! deserialized either; and [`IsoDate`], the dossier format's date, read
//! by the crate's one date grammar.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use crate::Excerpt;

/// Deserializes a `T` from a string through `T::from_str`; the error is
/// `T::Err`'s message.
pub(crate) fn deserialize_from_str<'de, D, T>(d: D, expecting: &'static str) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: fmt::Display,
{
    struct StrVisitor<T> {
        expecting: &'static str,
        marker: PhantomData<T>,
    }

    impl<T> Visitor<'_> for StrVisitor<T>
    where
        T: FromStr,
        T::Err: fmt::Display,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.expecting)
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            v.parse().map_err(E::custom)
        }
    }

    d.deserialize_str(StrVisitor {
        expecting,
        marker: PhantomData,
    })
}

/// A day as the dossier format writes it, `"2021-06-07"`: the field type
/// of every date a dossier holds (but those of the public enum
/// `Period`, read through [`date`]), so that a date field needs no serde
/// attribute of its own (an optional one: `Option<IsoDate>`, with
/// `default` and `skip_serializing_if` as any optional field).
///
/// It is read by the crate's one date grammar
/// ([`crate::grammar::date::date`]: `YYYY-MM-DD`, surrounding whitespace
/// ignored) and written as chrono writes a `NaiveDate`. A day before year
/// 0 or after 9999, which chrono writes in ISO 8601's expanded form
/// (`"+10000-01-01"`, `"-0001-12-31"`), is read back in exactly that form,
/// so that every dossier reads back what it writes. Anything else is
/// refused, quoting the value: ``invalid value `2021-02-30`: input is out
/// of range`` in chrono's words where chrono refuses it too, else
/// ``invalid value `2021-6-7`: expected a calendar date as YYYY-MM-DD``.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct IsoDate(pub(crate) NaiveDate);

impl IsoDate {
    /// Reads `text`, as [`IsoDate`] says; the error is the message after
    /// ``invalid value `…`: ``.
    fn parse(text: &str) -> Result<NaiveDate, Refusal> {
        if let Some(day) = crate::grammar::date::date(text.as_bytes()) {
            return Ok(day);
        }
        // What chrono reads beyond the grammar is taken only when it is a
        // day outside years 0 to 9999, written as chrono writes it.
        let trimmed = text.trim();
        match trimmed.parse::<NaiveDate>() {
            Err(e) => Err(Refusal::Chrono(e)),
            Ok(day) if !(0..=9999).contains(&chrono::Datelike::year(&day)) && day.to_string() == trimmed => Ok(day),
            Ok(_) => Err(Refusal::Grammar),
        }
    }
}

/// Why a text is not a date: chrono's reason where chrono refuses it too.
enum Refusal {
    Chrono(chrono::ParseError),
    Grammar,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Chrono(e) => e.fmt(f),
            Refusal::Grammar => f.write_str(crate::grammar::date::EXPECTED),
        }
    }
}

impl From<IsoDate> for NaiveDate {
    fn from(day: IsoDate) -> NaiveDate {
        day.0
    }
}

impl serde::Serialize for IsoDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&self.0, s)
    }
}

impl<'de> serde::Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<IsoDate, D::Error> {
        struct DateVisitor;

        impl de::Visitor<'_> for DateVisitor {
            type Value = IsoDate;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a formatted date string")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<IsoDate, E> {
                IsoDate::parse(v)
                    .map(IsoDate)
                    .map_err(|e| E::custom(format_args!("invalid value `{}`: {e}", Excerpt::new(v))))
            }
        }

        d.deserialize_str(DateVisitor)
    }
}

/// Reads an [`IsoDate`] into a `NaiveDate`, for a date field whose type
/// is public (the days of `Period`).
pub(crate) fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    IsoDate::deserialize(d).map(NaiveDate::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize, serde::Serialize)]
    #[serde(deny_unknown_fields)]
    struct Day {
        day: IsoDate,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        maybe: Option<IsoDate>,
    }

    #[test]
    fn dates_read_by_the_one_grammar_and_written_as_read() {
        // (value in the document, the date it reads as, as written back)
        let cases = [
            (r#""2021-06-07""#, "2021-06-07"),
            (r#""2024-02-29""#, "2024-02-29"),
            (r#""0000-01-01""#, "0000-01-01"),
            (r#""9999-12-31""#, "9999-12-31"),
            (r#"" 2021-06-07\t""#, "2021-06-07"),
            // Outside years 0 to 9999, as chrono writes them.
            (r#""+10000-01-01""#, "+10000-01-01"),
            (r#""-0001-12-31""#, "-0001-12-31"),
            (r#""+262142-12-31""#, "+262142-12-31"),
        ];
        for (value, written) in cases {
            let json = format!(r#"{{"day": {value}, "maybe": {value}}}"#);
            let read: Day = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(read.day.0.to_string(), written, "{json}");
            assert_eq!(read.maybe, Some(read.day), "{json}");
            assert_eq!(
                serde_json::to_string(&read).unwrap(),
                format!(r#"{{"day":"{written}","maybe":"{written}"}}"#)
            );
            // chrono's own serde writes the same text.
            assert_eq!(serde_json::to_string(&read.day.0).unwrap(), format!("\"{written}\""));
        }
        for absent in [r#"{"day": "2021-06-07"}"#, r#"{"day": "2021-06-07", "maybe": null}"#] {
            let read: Day = serde_json::from_str(absent).unwrap();
            assert_eq!(read.maybe, None);
            assert_eq!(serde_json::to_string(&read).unwrap(), r#"{"day":"2021-06-07"}"#);
        }
    }

    #[test]
    fn dates_are_quoted_in_their_errors() {
        // (value, message) in both a required and an optional field.
        let cases = [
            ("\"2021-02-30\"", "invalid value `2021-02-30`: input is out of range"),
            ("\"2021-13-01\"", "invalid value `2021-13-01`: input is out of range"),
            (
                "\"7 June\"",
                "invalid value `7 June`: input contains invalid characters",
            ),
            ("\"2021-06\"", "invalid value `2021-06`: premature end of input"),
            (
                "\"2021-06-07T00:00\"",
                "invalid value `2021-06-07T00:00`: trailing input",
            ),
            ("\"\"", "invalid value ``: premature end of input"),
            // What chrono reads and the grammar does not.
            (
                "\"2021-6-7\"",
                "invalid value `2021-6-7`: expected a calendar date as YYYY-MM-DD",
            ),
            (
                "\"+2021-06-07\"",
                "invalid value `+2021-06-07`: expected a calendar date as YYYY-MM-DD",
            ),
            (
                "\"2021 -06-07\"",
                "invalid value `2021 -06-07`: expected a calendar date as YYYY-MM-DD",
            ),
            (
                "\"10000-01-01\"",
                "invalid value `10000-01-01`: input contains invalid characters",
            ),
            (
                "\"+010000-01-01\"",
                "invalid value `+010000-01-01`: expected a calendar date as YYYY-MM-DD",
            ),
            (
                "20210607",
                "invalid type: integer `20210607`, expected a formatted date string",
            ),
            ("true", "invalid type: boolean `true`, expected a formatted date string"),
        ];
        for (value, message) in cases {
            for (json, column) in [
                (format!(r#"{{"day": {value}}}"#), 8 + value.len()),
                (
                    format!(r#"{{"day": "2021-06-07", "maybe": {value}}}"#),
                    31 + value.len(),
                ),
            ] {
                assert_eq!(
                    serde_json::from_str::<Day>(&json).unwrap_err().to_string(),
                    format!("{message} at line 1 column {column}"),
                    "{json}"
                );
            }
        }
    }

    proptest::proptest! {
        /// Every day chrono can hold is written and read back.
        #[test]
        fn every_day_reads_back(
            days in chrono::Datelike::num_days_from_ce(&NaiveDate::MIN)..=chrono::Datelike::num_days_from_ce(&NaiveDate::MAX)
        ) {
            let day = IsoDate(NaiveDate::from_num_days_from_ce_opt(days).unwrap());
            let json = serde_json::to_string(&day).unwrap();
            proptest::prop_assert_eq!(serde_json::from_str::<IsoDate>(&json).unwrap(), day);
        }

        /// What the grammar reads is read as the grammar reads it; beyond
        /// it, only a day outside years 0 to 9999, exactly as written.
        #[test]
        fn agrees_with_the_grammar(s in "[ +-]?[0-9]{1,6}-[0-9]{1,2}-[0-9]{1,2} ?") {
            let ours = IsoDate::parse(&s).ok();
            match crate::grammar::date::date(s.as_bytes()) {
                Some(day) => proptest::prop_assert_eq!(ours, Some(day)),
                None => {
                    let expanded = |day: NaiveDate| {
                        !(0..=9999).contains(&chrono::Datelike::year(&day)) && day.to_string() == s.trim()
                    };
                    proptest::prop_assert!(ours.is_none_or(expanded), "{:?} read as {:?}", s, ours);
                }
            }
        }
    }
}
