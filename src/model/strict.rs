//! A deserializer wrapper that records where an error happened and reads
//! structs from objects only.
//!
//! serde_json's errors say at which line and column they happened, not in
//! which field. [`deserialize`] wraps any deserializer so that the first
//! error is tagged with the path of the value being read
//! (`funding[0].amount.currency`), in the manner of dtolnay's
//! `serde_path_to_error`.
//!
//! It also closes a door serde leaves open: a derived struct accepts a JSON
//! array in place of an object and reads its fields by position
//! (`["harris", "Kamala Harris", [], "seed"]` as a leader). The dossier
//! format has objects only; the wrapper refuses arrays where a struct is
//! expected, at every depth.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};

use super::FieldPath;

/// A key of an object or the name of an enum variant: borrowed from the
/// type's own list of field or variant names when it is one of them, so
/// that reading a well-formed document allocates nothing for its paths.
type Key = Cow<'static, str>;

/// The field or variant names a type declares (empty when unknown).
type Names = &'static [&'static str];

/// `name` as a [`Key`], borrowed from `names` when it is one of them.
fn key(names: Names, name: &str) -> Key {
    match names.iter().find(|n| **n == name) {
        Some(n) => Cow::Borrowed(n),
        None => Cow::Owned(name.to_owned()),
    }
}

/// The path from the root to the value being read, as a linked list on
/// the stack.
enum Chain<'a> {
    Root,
    Seq { parent: &'a Chain<'a>, index: usize },
    Map { parent: &'a Chain<'a>, key: Option<Key> },
}

impl Chain<'_> {
    fn to_path(&self) -> FieldPath {
        let mut steps = Vec::new();
        let mut at = self;
        loop {
            match at {
                Chain::Root => break,
                Chain::Seq { parent, index } => {
                    steps.push(Err(*index));
                    at = parent;
                }
                Chain::Map { parent, key } => {
                    if let Some(key) = key {
                        steps.push(Ok(key.to_string()));
                    }
                    at = parent;
                }
            }
        }
        steps
            .into_iter()
            .rev()
            .fold(FieldPath::root(), |path, step| match step {
                Ok(key) => path.field(key),
                Err(index) => path.index(index),
            })
    }
}

/// Where the first error happened.
#[derive(Default)]
struct Track {
    path: RefCell<Option<FieldPath>>,
    /// The string the first failing visitor was given, to quote it when
    /// the error does not (chrono's "input is out of range").
    value: RefCell<Option<String>>,
}

impl Track {
    /// Notes the string a failing visitor was given, unless an earlier
    /// failure was noted first.
    fn note_value(&self, v: &str) {
        let mut value = self.value.borrow_mut();
        if value.is_none() {
            *value = Some(v.to_owned());
        }
    }

    /// Records `chain` unless a deeper error was recorded first.
    fn trigger(&self, chain: &Chain<'_>) {
        let mut path = self.path.borrow_mut();
        if path.is_none() {
            *path = Some(chain.to_path());
        }
    }
}

/// Deserializes a `T` from `de`, strictly; on error, also returns the path
/// of the value that failed (the root when the document as a whole did),
/// and the string it held when it was one.
pub(crate) fn deserialize<'de, D, T>(de: D) -> Result<T, (D::Error, FieldPath, Option<String>)>
where
    D: Deserializer<'de>,
    T: de::Deserialize<'de>,
{
    let track = Track::default();
    let result = T::deserialize(Wrap {
        de,
        chain: &Chain::Root,
        track: &track,
    });
    result.map_err(|e| {
        let path = track.path.into_inner().unwrap_or_default();
        (e, path, track.value.into_inner())
    })
}

/// A deserializer, at a place in the document.
struct Wrap<'a, 'b, D> {
    de: D,
    chain: &'a Chain<'a>,
    track: &'b Track,
}

/// A visitor, at a place in the document. For a struct (`is_struct`) it
/// refuses sequences; `names` are the struct's fields or the enum's
/// variants.
struct WrapVisitor<'a, 'b, V> {
    visitor: V,
    chain: &'a Chain<'a>,
    track: &'b Track,
    is_struct: bool,
    names: Names,
}

/// A seed, at a place in the document.
struct WrapSeed<'a, 'b, S> {
    seed: S,
    chain: &'a Chain<'a>,
    track: &'b Track,
}

macro_rules! forward_deserialize {
    ($($method:ident),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            let (chain, track) = (self.chain, self.track);
            self.de
                .$method(WrapVisitor { visitor, chain, track, is_struct: false, names: &[] })
                .inspect_err(|_| track.trigger(chain))
        })*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Wrap<'_, '_, D> {
    type Error = D::Error;

    forward_deserialize!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        let (chain, track) = (self.chain, self.track);
        let visitor = WrapVisitor {
            visitor,
            chain,
            track,
            is_struct: false,
            names: &[],
        };
        self.de
            .deserialize_unit_struct(name, visitor)
            .inspect_err(|_| track.trigger(chain))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        let (chain, track) = (self.chain, self.track);
        let visitor = WrapVisitor {
            visitor,
            chain,
            track,
            is_struct: false,
            names: &[],
        };
        self.de
            .deserialize_newtype_struct(name, visitor)
            .inspect_err(|_| track.trigger(chain))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, D::Error> {
        let (chain, track) = (self.chain, self.track);
        let visitor = WrapVisitor {
            visitor,
            chain,
            track,
            is_struct: false,
            names: &[],
        };
        self.de
            .deserialize_tuple(len, visitor)
            .inspect_err(|_| track.trigger(chain))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let (chain, track) = (self.chain, self.track);
        let visitor = WrapVisitor {
            visitor,
            chain,
            track,
            is_struct: false,
            names: &[],
        };
        self.de
            .deserialize_tuple_struct(name, len, visitor)
            .inspect_err(|_| track.trigger(chain))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let (chain, track) = (self.chain, self.track);
        let visitor = WrapVisitor {
            visitor,
            chain,
            track,
            is_struct: true,
            names: fields,
        };
        self.de
            .deserialize_struct(name, fields, visitor)
            .inspect_err(|_| track.trigger(chain))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let (chain, track) = (self.chain, self.track);
        let visitor = WrapVisitor {
            visitor,
            chain,
            track,
            is_struct: false,
            names: variants,
        };
        self.de
            .deserialize_enum(name, variants, visitor)
            .inspect_err(|_| track.trigger(chain))
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            self.visitor.$method(v)
        })*
    };
}

impl<'de, V: Visitor<'de>> Visitor<'de> for WrapVisitor<'_, '_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    forward_visit!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        let track = self.track;
        self.visitor.visit_str(v).inspect_err(|_| track.note_value(v))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        let track = self.track;
        self.visitor.visit_borrowed_str(v).inspect_err(|_| track.note_value(v))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        let track = self.track;
        let copy = v.clone();
        self.visitor.visit_string(v).inspect_err(|_| track.note_value(&copy))
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_unit()
    }

    fn visit_some<D2: Deserializer<'de>>(self, de: D2) -> Result<V::Value, D2::Error> {
        self.visitor.visit_some(Wrap {
            de,
            chain: self.chain,
            track: self.track,
        })
    }

    fn visit_newtype_struct<D2: Deserializer<'de>>(self, de: D2) -> Result<V::Value, D2::Error> {
        self.visitor.visit_newtype_struct(Wrap {
            de,
            chain: self.chain,
            track: self.track,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        if self.is_struct {
            // An array where an object is expected: refuse it rather than
            // read the fields by position.
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        self.visitor.visit_seq(WrapSeq {
            seq,
            chain: self.chain,
            track: self.track,
            index: 0,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(WrapMap {
            map,
            chain: self.chain,
            track: self.track,
            names: self.names,
            key: None,
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_enum(WrapEnum {
            data,
            chain: self.chain,
            track: self.track,
            names: self.names,
        })
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for WrapSeed<'_, '_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(Wrap {
            de,
            chain: self.chain,
            track: self.track,
        })
    }
}

struct WrapSeq<'a, 'b, A> {
    seq: A,
    chain: &'a Chain<'a>,
    track: &'b Track,
    index: usize,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for WrapSeq<'_, '_, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, A::Error> {
        let chain = Chain::Seq {
            parent: self.chain,
            index: self.index,
        };
        let track = self.track;
        self.index = self.index.saturating_add(1);
        self.seq
            .next_element_seed(WrapSeed {
                seed,
                chain: &chain,
                track,
            })
            .inspect_err(|_| track.trigger(&chain))
    }

    fn size_hint(&self) -> Option<usize> {
        self.seq.size_hint()
    }
}

struct WrapMap<'a, 'b, A> {
    map: A,
    chain: &'a Chain<'a>,
    track: &'b Track,
    names: Names,
    key: Option<Key>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for WrapMap<'_, '_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        self.key = None;
        let captured = RefCell::new(None);
        let result = self.map.next_key_seed(CaptureKey {
            seed,
            key: &captured,
            names: self.names,
        });
        self.key = captured.into_inner();
        result.inspect_err(|_| {
            let chain = Chain::Map {
                parent: self.chain,
                key: self.key.clone(),
            };
            self.track.trigger(&chain);
        })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        let chain = Chain::Map {
            parent: self.chain,
            key: self.key.take(),
        };
        let track = self.track;
        self.map
            .next_value_seed(WrapSeed {
                seed,
                chain: &chain,
                track,
            })
            .inspect_err(|_| track.trigger(&chain))
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

struct WrapEnum<'a, 'b, A> {
    data: A,
    chain: &'a Chain<'a>,
    track: &'b Track,
    names: Names,
}

impl<'de, 'a, 'b, A: EnumAccess<'de>> EnumAccess<'de> for WrapEnum<'a, 'b, A> {
    type Error = A::Error;
    type Variant = WrapVariant<'a, 'b, A::Variant>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self::Variant), A::Error> {
        let captured = RefCell::new(None);
        let (chain, track) = (self.chain, self.track);
        let capture = CaptureKey {
            seed,
            key: &captured,
            names: self.names,
        };
        match self.data.variant_seed(capture) {
            Ok((value, variant)) => Ok((
                value,
                WrapVariant {
                    variant,
                    chain,
                    track,
                    name: captured.into_inner(),
                },
            )),
            Err(e) => {
                track.trigger(chain);
                Err(e)
            }
        }
    }
}

struct WrapVariant<'a, 'b, A> {
    variant: A,
    chain: &'a Chain<'a>,
    track: &'b Track,
    name: Option<Key>,
}

impl<'de, A: VariantAccess<'de>> VariantAccess<'de> for WrapVariant<'_, '_, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        let (chain, track) = (self.chain, self.track);
        self.variant.unit_variant().inspect_err(|_| track.trigger(chain))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let chain = Chain::Map {
            parent: self.chain,
            key: self.name,
        };
        let track = self.track;
        self.variant
            .newtype_variant_seed(WrapSeed {
                seed,
                chain: &chain,
                track,
            })
            .inspect_err(|_| track.trigger(&chain))
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let chain = Chain::Map {
            parent: self.chain,
            key: self.name,
        };
        let track = self.track;
        let visitor = WrapVisitor {
            visitor,
            chain: &chain,
            track,
            is_struct: false,
            names: &[],
        };
        self.variant
            .tuple_variant(len, visitor)
            .inspect_err(|_| track.trigger(&chain))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let chain = Chain::Map {
            parent: self.chain,
            key: self.name,
        };
        let track = self.track;
        let visitor = WrapVisitor {
            visitor,
            chain: &chain,
            track,
            is_struct: true,
            names: fields,
        };
        self.variant
            .struct_variant(fields, visitor)
            .inspect_err(|_| track.trigger(&chain))
    }
}

/// A seed for a map key or enum variant that notes the key's text.
struct CaptureKey<'k, S> {
    seed: S,
    key: &'k RefCell<Option<Key>>,
    names: Names,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for CaptureKey<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(CaptureKeyDe {
            de,
            key: self.key,
            names: self.names,
        })
    }
}

/// The key's deserializer, which hands every visitor a [`CaptureVisitor`].
struct CaptureKeyDe<'k, D> {
    de: D,
    key: &'k RefCell<Option<Key>>,
    names: Names,
}

macro_rules! forward_capture {
    ($($method:ident),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.de.$method(CaptureVisitor { visitor, key: self.key, names: self.names })
        })*
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for CaptureKeyDe<'_, D> {
    type Error = D::Error;

    forward_capture!(
        deserialize_any,
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_option,
        deserialize_unit,
        deserialize_seq,
        deserialize_map,
        deserialize_identifier,
        deserialize_ignored_any,
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_unit_struct(
            name,
            CaptureVisitor {
                visitor,
                key: self.key,
                names: self.names,
            },
        )
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_newtype_struct(
            name,
            CaptureVisitor {
                visitor,
                key: self.key,
                names: self.names,
            },
        )
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_tuple(
            len,
            CaptureVisitor {
                visitor,
                key: self.key,
                names: self.names,
            },
        )
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_tuple_struct(
            name,
            len,
            CaptureVisitor {
                visitor,
                key: self.key,
                names: self.names,
            },
        )
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_struct(
            name,
            fields,
            CaptureVisitor {
                visitor,
                key: self.key,
                names: self.names,
            },
        )
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.de.deserialize_enum(
            name,
            variants,
            CaptureVisitor {
                visitor,
                key: self.key,
                names: self.names,
            },
        )
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// A key visitor that notes string keys before passing them on.
struct CaptureVisitor<'k, V> {
    visitor: V,
    key: &'k RefCell<Option<Key>>,
    names: Names,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for CaptureVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    forward_visit!(
        visit_bool(bool),
        visit_i8(i8),
        visit_i16(i16),
        visit_i32(i32),
        visit_i64(i64),
        visit_i128(i128),
        visit_u8(u8),
        visit_u16(u16),
        visit_u32(u32),
        visit_u64(u64),
        visit_u128(u128),
        visit_f32(f32),
        visit_f64(f64),
        visit_char(char),
        visit_bytes(&[u8]),
        visit_borrowed_bytes(&'de [u8]),
        visit_byte_buf(Vec<u8>),
    );

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        *self.key.borrow_mut() = Some(key(self.names, v));
        self.visitor.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        *self.key.borrow_mut() = Some(key(self.names, v));
        self.visitor.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        *self.key.borrow_mut() = Some(key(self.names, &v));
        self.visitor.visit_string(v)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.visitor.visit_unit()
    }

    fn visit_some<D2: Deserializer<'de>>(self, de: D2) -> Result<V::Value, D2::Error> {
        self.visitor.visit_some(de)
    }

    fn visit_newtype_struct<D2: Deserializer<'de>>(self, de: D2) -> Result<V::Value, D2::Error> {
        self.visitor.visit_newtype_struct(de)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_map(map)
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.visitor.visit_enum(data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        a: u8,
        #[serde(default)]
        b: Option<u8>,
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Choice {
        Plain,
        Wrapped(Inner),
        Fields { x: u8 },
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        list: Vec<Inner>,
        choice: Choice,
        #[serde(default)]
        maybe: Option<Inner>,
    }

    fn load(json: &str) -> Result<Outer, String> {
        let mut de = serde_json::Deserializer::from_str(json);
        deserialize::<_, Outer>(&mut de).map_err(|(e, path, _)| format!("{e} ({path})"))
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let o = load(r#"{"list": [{"a": 1}, {"a": 2, "b": 3}], "choice": {"wrapped": {"a": 4}}, "maybe": {"a": 5}}"#);
        assert_eq!(
            o,
            Ok(Outer {
                list: vec![Inner { a: 1, b: None }, Inner { a: 2, b: Some(3) }],
                choice: Choice::Wrapped(Inner { a: 4, b: None }),
                maybe: Some(Inner { a: 5, b: None }),
            })
        );
        assert_eq!(
            load(r#"{"list": [], "choice": "plain"}"#).map(|o| o.choice),
            Ok(Choice::Plain)
        );
        assert_eq!(
            load(r#"{"list": [], "choice": {"fields": {"x": 1}}}"#).map(|o| o.choice),
            Ok(Choice::Fields { x: 1 })
        );
    }

    #[test]
    fn errors_carry_the_path() {
        let cases = [
            (
                r#"{"list": [{"a": 1}, {"a": 300}], "choice": "plain"}"#,
                "invalid value: integer `300`, expected u8 at line 1 column 29 (list[1].a)",
            ),
            (
                r#"{"list": [{"a": 1, "c": 2}], "choice": "plain"}"#,
                "unknown field `c`, expected `a` or `b` at line 1 column 22 (list[0].c)",
            ),
            (
                r#"{"list": [], "choice": {"wrapped": {"a": "x"}}}"#,
                "invalid type: string \"x\", expected u8 at line 1 column 44 (choice.wrapped.a)",
            ),
            (
                r#"{"list": [], "choice": "plane"}"#,
                "unknown variant `plane`, expected one of `plain`, `wrapped`, `fields` at line 1 column 30 (choice)",
            ),
            (
                r#"{"list": [], "choice": "plain", "maybe": {"b": 1}}"#,
                "missing field `a` at line 1 column 49 (maybe)",
            ),
            (
                r#"{"list": [], "choice": "plain""#,
                "EOF while parsing an object at line 1 column 30 (.)",
            ),
        ];
        for (json, msg) in cases {
            assert_eq!(load(json).unwrap_err(), msg, "{json}");
        }
    }

    #[test]
    fn structs_are_read_from_objects_only() {
        let cases = [
            (
                r#"[[], "plain"]"#,
                "invalid type: sequence, expected struct Outer at line 1 column 1 (.)",
            ),
            (
                r#"{"list": [[1]], "choice": "plain"}"#,
                "invalid type: sequence, expected struct Inner at line 1 column 11 (list[0])",
            ),
            (
                r#"{"list": [], "choice": {"fields": [1]}}"#,
                "invalid type: sequence, expected struct variant Choice::Fields at line 1 column 35 (choice.fields)",
            ),
        ];
        for (json, msg) in cases {
            assert_eq!(load(json).unwrap_err(), msg, "{json}");
        }
    }
}
