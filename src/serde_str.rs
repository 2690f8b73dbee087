//! Serde support for types that travel as strings and are read through
//! their `FromStr`, so that a value that cannot be parsed cannot be
//! deserialized either.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};

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
