//! Serde support for types that travel as strings and are read through
//! their `FromStr`, so that a value that cannot be parsed cannot be
//! deserialized either.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::de::{self, Deserializer, Visitor};

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

/// Reads a date of the format, `"2021-06-07"`, as chrono reads it; the
/// error quotes the value, which chrono's does not: ``invalid value
/// `2021-02-30`: input is out of range``.
pub(crate) fn date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    struct DateVisitor;

    impl de::Visitor<'_> for DateVisitor {
        type Value = NaiveDate;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a formatted date string")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
            v.parse()
                .map_err(|e| E::custom(format_args!("invalid value `{}`: {e}", Excerpt::new(v))))
        }
    }

    d.deserialize_str(DateVisitor)
}

/// [`date`], for a date that may be absent or `null`.
pub(crate) fn optional_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    struct Date(NaiveDate);

    impl<'de> serde::Deserialize<'de> for Date {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
            date(d).map(Date)
        }
    }

    Ok(<Option<Date> as serde::Deserialize>::deserialize(d)?.map(|Date(day)| day))
}
