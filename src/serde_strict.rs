//! What serde's derive cannot refuse by itself: an array in place of an
//! object, and enum values that serde_json only answers with a bare
//! "expected value".
//!
//! - A derived struct reads a JSON array too, field by field, by position
//!   (`["president", "GT", "2020-01-14"]` as a term of office; serde issue
//!   1587, left open because compact binary formats need it). The dossier
//!   format has objects only.
//! - serde_json reads an enum as a string or a one-key object, and says
//!   only "expected value" for `null`, for an empty object `{}` and for an
//!   object with a second key (`{"country": "GT", "group": "x"}`).
//!
//! [`Strict`] closes both, one level deep: a type's own `Deserialize` puts
//! it around the deserializer it is given, so that its struct is read from
//! an object only ([`ObjectOnly`]) and its enum through [`Choice`], which
//! names what it found. Nested values go through their own types'
//! `Deserialize`, which do the same; there is no deserializer proxy, and
//! the path of an error is serde_path_to_error's.
//!
//! The model's types derive serde with `#[serde(remote = "Self")]`, which
//! makes the derived code inherent functions, and [`strict_serde!`] writes
//! the trait impls around them. Those inherent functions are public
//! (`Funding::deserialize`) and shadow the trait's in a path call: call
//! the trait (`<Funding as Deserialize>::deserialize`, `serde_json::from_str`)
//! to read strictly. Formats that are not human-readable
//! (bincode, postcard) read structs from sequences by design and cannot
//! describe themselves to [`Choice`]: for them `Strict` steps aside.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, Error as _, MapAccess, VariantAccess, Visitor};
use serde::forward_to_deserialize_any;

use crate::Excerpt;

/// Writes `Serialize` and `Deserialize` for types that derive both with
/// `#[serde(remote = "Self")]`: serializing is the derived code's,
/// deserializing goes through [`Strict`].
macro_rules! strict_serde {
    ($($ty:ty),+ $(,)?) => {$(
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                // The derived (inherent) function, not this trait method.
                <$ty>::serialize(self, s)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                <$ty>::deserialize($crate::serde_strict::Strict(d))
            }
        }
    )+};
}
pub(crate) use strict_serde;

/// A deserializer, one level deep, that reads a struct from an object only
/// and an enum through [`Choice`].
///
/// Derived code calls `deserialize_struct` or `deserialize_enum` on it and
/// nothing else; any other call goes to the wrapped deserializer's
/// `deserialize_any`.
pub(crate) struct Strict<D>(pub(crate) D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        if self.0.is_human_readable() {
            let visitor = ObjectOnly {
                visitor,
                name: Some(name),
            };
            self.0.deserialize_struct(name, fields, visitor)
        } else {
            self.0.deserialize_struct(name, fields, visitor)
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        if self.0.is_human_readable() {
            self.0.deserialize_any(Choice { visitor, name })
        } else {
            self.0.deserialize_enum(name, variants, visitor)
        }
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map identifier ignored_any
    }
}

/// Reads a struct as `R` (a derived form with `deny_unknown_fields`) from
/// an object only, then makes a `T` of it with `check`, whose error is
/// raised inside the object's visitor: serde_json then gives it the line
/// and column of the object's end, and serde_path_to_error its path, as
/// for any other error of the value.
pub(crate) fn checked<'de, D, R, T, E>(
    d: D,
    name: &'static str,
    fields: &'static [&'static str],
    check: impl FnOnce(R) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    R: serde::Deserialize<'de>,
    E: fmt::Display,
{
    struct Checked<R, F> {
        name: &'static str,
        check: F,
        form: std::marker::PhantomData<fn() -> R>,
    }

    impl<'de, R, T, E, F> Visitor<'de> for Checked<R, F>
    where
        R: serde::Deserialize<'de>,
        F: FnOnce(R) -> Result<T, E>,
        E: fmt::Display,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "struct {}", self.name)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            let form = R::deserialize(de::value::MapAccessDeserializer::new(map))?;
            (self.check)(form).map_err(A::Error::custom)
        }
    }

    Strict(d).deserialize_struct(
        name,
        fields,
        Checked {
            name,
            check,
            form: std::marker::PhantomData,
        },
    )
}

/// A struct's visitor that takes an object only: an array, or anything
/// else, is "invalid type: sequence, expected struct Term".
struct ObjectOnly<V> {
    visitor: V,
    /// The struct's name in the format (`#[serde(rename)]` included), or
    /// `None` to say what the derived visitor says ("struct variant
    /// Period::Range").
    name: Option<&'static str>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for ObjectOnly<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name {
            Some(name) => write!(f, "struct {name}"),
            None => self.visitor.expecting(f),
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(map)
    }
}

/// An enum's visitor: a string names a unit variant (`"announced"`), an
/// object of exactly one key names a variant and holds its value
/// (`{"country": "GT"}`). Anything else is "invalid type: null, expected
/// enum Area".
struct Choice<V> {
    visitor: V,
    name: &'static str,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Choice<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        self.visitor.visit_enum(de::value::StrDeserializer::new(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<V::Value, A::Error> {
        let value = self.visitor.visit_enum(OneKey {
            map: &mut map,
            name: self.name,
        })?;
        match map.next_key::<String>()? {
            None => Ok(value),
            Some(key) => Err(A::Error::custom(format_args!(
                "expected the end of the object (it takes exactly one key), found a second key `{}`",
                Excerpt::new(&key)
            ))),
        }
    }
}

/// The variant named by the one key of an object, and its value.
struct OneKey<'m, A> {
    map: &'m mut A,
    name: &'static str,
}

impl<'de, A: MapAccess<'de>> EnumAccess<'de> for OneKey<'_, A> {
    type Error = A::Error;
    type Variant = Self;

    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), A::Error> {
        match self.map.next_key_seed(seed)? {
            Some(variant) => Ok((variant, self)),
            None => Err(A::Error::custom(
                "expected one key naming the kind, found an empty object `{}`",
            )),
        }
    }
}

impl<'de, A: MapAccess<'de>> VariantAccess<'de> for OneKey<'_, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.map.next_value()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.map.next_value_seed(seed)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(TupleSeed { len, visitor })
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(StructSeed {
            name: self.name,
            fields,
            visitor,
        })
    }
}

/// The value of a struct variant, read from an object only.
struct StructSeed<V> {
    name: &'static str,
    fields: &'static [&'static str],
    visitor: V,
}

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for StructSeed<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let visitor = ObjectOnly {
            visitor: self.visitor,
            name: None,
        };
        d.deserialize_struct(self.name, self.fields, visitor)
    }
}

/// The value of a tuple variant.
struct TupleSeed<V> {
    len: usize,
    visitor: V,
}

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for TupleSeed<V> {
    type Value = V::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        d.deserialize_tuple(self.len, self.visitor)
    }
}

#[cfg(test)]
mod tests {
    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(remote = "Self", deny_unknown_fields)]
    struct Inner {
        a: u8,
        #[serde(default)]
        b: Option<u8>,
    }

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(remote = "Self", rename_all = "kebab-case")]
    enum Choice {
        Plain,
        Wrapped(Inner),
        Fields { x: u8 },
        Pair(u8, u8),
    }

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    #[serde(remote = "Self", deny_unknown_fields)]
    struct Outer {
        list: Vec<Inner>,
        choice: Choice,
        #[serde(default)]
        maybe: Option<Choice>,
    }

    strict_serde!(Inner, Choice, Outer);

    /// A format that is not human-readable, as bincode or postcard: a
    /// `serde_json::Value` that says so.
    struct Compact(serde_json::Value);

    impl<'de> serde::Deserializer<'de> for Compact {
        type Error = serde_json::Error;

        fn deserialize_any<V: serde::de::Visitor<'de>>(self, v: V) -> Result<V::Value, serde_json::Error> {
            self.0.deserialize_any(v)
        }

        fn deserialize_enum<V: serde::de::Visitor<'de>>(
            self,
            name: &'static str,
            variants: &'static [&'static str],
            v: V,
        ) -> Result<V::Value, serde_json::Error> {
            self.0.deserialize_enum(name, variants, v)
        }

        fn is_human_readable(&self) -> bool {
            false
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
            unit_struct newtype_struct seq tuple tuple_struct map struct identifier ignored_any
        }
    }

    #[test]
    fn formats_that_are_not_human_readable_are_read_as_serde_reads_them() {
        let inner = <Inner as serde::Deserialize>::deserialize(Compact(serde_json::json!([1, 2])));
        assert_eq!(inner.map_err(|e| e.to_string()), Ok(Inner { a: 1, b: Some(2) }));
        let human = <Inner as serde::Deserialize>::deserialize(serde_json::json!([1, 2]));
        assert_eq!(
            human.map_err(|e| e.to_string()),
            Err("invalid type: sequence, expected struct Inner".to_string())
        );
        let plain = <Choice as serde::Deserialize>::deserialize(Compact(serde_json::json!("plain")));
        assert_eq!(plain.map_err(|e| e.to_string()), Ok(Choice::Plain));
    }

    fn load(json: &str) -> Result<Outer, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_what_serde_json_reads_and_writes() {
        let o = Outer {
            list: vec![Inner { a: 1, b: None }, Inner { a: 2, b: Some(3) }],
            choice: Choice::Wrapped(Inner { a: 4, b: None }),
            maybe: Some(Choice::Fields { x: 5 }),
        };
        let json = r#"{"list":[{"a":1,"b":null},{"a":2,"b":3}],"choice":{"wrapped":{"a":4,"b":null}},"maybe":{"fields":{"x":5}}}"#;
        assert_eq!(serde_json::to_string(&o).unwrap(), json);
        assert_eq!(load(json), Ok(o));
        let with = |choice: &str| load(&format!(r#"{{"list": [], "choice": {choice}}}"#)).map(|o| o.choice);
        assert_eq!(with(r#""plain""#), Ok(Choice::Plain));
        assert_eq!(with(r#"{"plain": null}"#), Ok(Choice::Plain));
        assert_eq!(with(r#"{"pair": [1, 2]}"#), Ok(Choice::Pair(1, 2)));
        let value = serde_json::json!({"list": [{"a": 1}], "choice": {"fields": {"x": 2}}, "maybe": null});
        assert_eq!(
            serde_json::from_value::<Outer>(value).map_err(|e| e.to_string()),
            Ok(Outer {
                list: vec![Inner { a: 1, b: None }],
                choice: Choice::Fields { x: 2 },
                maybe: None
            })
        );
    }

    #[test]
    fn structs_are_read_from_objects_only() {
        let cases = [
            (
                r#"[[], "plain"]"#,
                "invalid type: sequence, expected struct Outer at line 1 column 1",
            ),
            (
                r#"{"list": [[1]], "choice": "plain"}"#,
                "invalid type: sequence, expected struct Inner at line 1 column 11",
            ),
            (
                r#"{"list": [], "choice": {"fields": [1]}}"#,
                "invalid type: sequence, expected struct variant Choice::Fields at line 1 column 35",
            ),
        ];
        for (json, msg) in cases {
            assert_eq!(load(json).unwrap_err(), msg, "{json}");
        }
        let value = serde_json::json!({"list": [[1]], "choice": "plain"});
        assert_eq!(
            serde_json::from_value::<Outer>(value).unwrap_err().to_string(),
            "invalid type: sequence, expected struct Inner"
        );
    }

    #[test]
    fn a_choice_is_a_string_or_an_object_of_one_key() {
        let cases = [
            ("null", "invalid type: null, expected enum Choice at line 1 column 27"),
            ("7", "invalid type: integer `7`, expected enum Choice at line 1 column 24"),
            ("{}", "expected one key naming the kind, found an empty object `{}` at line 1 column 25"),
            (
                r#"{"plain": null, "wrapped": {"a": 1}}"#,
                "expected the end of the object (it takes exactly one key), found a second key `wrapped` at line 1 column 48",
            ),
            (
                r#"{"plain": null, "plain": null}"#,
                "expected the end of the object (it takes exactly one key), found a second key `plain` at line 1 column 46",
            ),
            (
                r#""plane""#,
                "unknown variant `plane`, expected one of `plain`, `wrapped`, `fields`, `pair` at line 1 column 30",
            ),
            (
                r#"{"plane": 1}"#,
                "unknown variant `plane`, expected one of `plain`, `wrapped`, `fields`, `pair` at line 1 column 31",
            ),
            (
                r#""wrapped""#,
                "invalid type: unit variant, expected newtype variant at line 1 column 32",
            ),
            (r#"{"plain": 1}"#, "invalid type: integer `1`, expected unit at line 1 column 34"),
        ];
        let mut failures = Vec::new();
        for (choice, msg) in cases {
            let json = format!(r#"{{"list": [], "choice": {choice}}}"#);
            let got = load(&json).unwrap_err();
            if got != msg {
                failures.push(format!("{json}\n  got:      {got}\n  expected: {msg}"));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }
}
