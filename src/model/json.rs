//! The JSON format of a dossier (`statecraft-dossier/2`): loading with
//! errors that say where, and writing. Documents of format 1 load too,
//! upgraded in memory (`super::v1`).
//!
//! The strictness is serde's: `deny_unknown_fields` on every struct, the
//! derive's own refusal of a repeated field, amounts, shares and dates
//! (`crate::serde_str::IsoDate`) read from strings only by their types,
//! objects only and one-key choices by
//! `crate::serde_strict`. serde_path_to_error finds where an error is.

use std::fmt;
use std::io;

use serde::de;

use super::{Dossier, FieldPath};
use crate::Excerpt;

/// The version tag every dossier document opens with.
const FORMAT: &str = "statecraft-dossier/2";

/// The `"format"` member of a dossier document: only
/// `"statecraft-dossier/2"` is read (format 1 is read by `super::v1`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct FormatTag;

impl serde::Serialize for FormatTag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(FORMAT)
    }
}

impl<'de> serde::Deserialize<'de> for FormatTag {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FormatTag, D::Error> {
        struct TagVisitor;

        impl serde::de::Visitor<'_> for TagVisitor {
            type Value = FormatTag;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "the format tag \"{FORMAT}\"")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<FormatTag, E> {
                if v == FORMAT {
                    Ok(FormatTag)
                } else {
                    Err(E::custom(format_args!(
                        "unsupported format `{}`: this version reads `{FORMAT}` and `{}`",
                        Excerpt::new(v),
                        super::v1::FORMAT_1
                    )))
                }
            }
        }

        d.deserialize_str(TagVisitor)
    }
}

impl Dossier {
    /// The format tag this version writes, and reads with that of format
    /// 1: `"statecraft-dossier/2"`.
    pub const FORMAT: &'static str = FORMAT;

    /// Reads a dossier from JSON in the `statecraft-dossier/2` format
    /// (`docs/FORMAT.md`), or in format 1, `statecraft-dossier/1`, which is
    /// upgraded in memory: the same facts as format 2 holds them (a term's
    /// `country` is its `of`, a meeting's `date` and `place` its `start`
    /// and `places`, the offices head of state and head of government are
    /// functions). Errors in a format-1 document are reported where format
    /// 1 has them; paths of validation are those of the upgraded dossier,
    /// as format 2 writes it. The whole input is read first; a `BufReader` is
    /// not needed.
    ///
    /// # Errors
    ///
    /// [`LoadError`] when the input cannot be read, is not JSON, or is not
    /// a dossier: a missing or unknown field, a value of the wrong type,
    /// an unknown country or currency code, an id that is not a slug, a
    /// share above 100%, an unsupported format version. The error names
    /// the line, the column and the field, as a JSON Pointer. Loading never
    /// panics, whatever the input.
    ///
    /// ```
    /// use statecraft::Dossier;
    ///
    /// let json = r#"{"format": "statecraft-dossier/2", "title": "Empty"}"#;
    /// let d = Dossier::from_json(json.as_bytes())?;
    /// assert_eq!(d.title(), Some("Empty"));
    /// let old = r#"{"format": "statecraft-dossier/1", "title": "Empty"}"#;
    /// assert_eq!(Dossier::from_json(old.as_bytes())?, d);
    ///
    /// let bad = r#"{"format": "statecraft-dossier/2", "funding": [{"id": "f", "donor": "US", "stage": "announced",
    ///   "amount": {"amount": "310000000", "currency": "XYZ"}, "source": "s"}]}"#;
    /// let e = Dossier::from_json(bad.as_bytes()).unwrap_err();
    /// assert_eq!(e.to_string(), "unknown currency code `XYZ` at line 2 column 53 (/funding/0/amount/currency)");
    /// assert_eq!((e.line(), e.column()), (2, 53));
    /// assert_eq!(e.path().to_string(), "/funding/0/amount/currency");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json<R: io::Read>(mut reader: R) -> Result<Dossier, LoadError> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(LoadError::read)?;
        Dossier::from_json_slice(&bytes)
    }

    /// Reads a dossier from JSON text; see [`Dossier::from_json`].
    ///
    /// # Errors
    ///
    /// [`LoadError`], as [`Dossier::from_json`].
    ///
    /// ```
    /// use statecraft::Dossier;
    ///
    /// # let json = include_str!("../../examples/data/guatemala-2021.json");
    /// let dossier = Dossier::from_json_str(json)?;
    /// assert_eq!(dossier.meetings().len(), 3);
    /// let e = Dossier::from_json_str(r#"{"format": "statecraft-dossier/2", "leaders": [["harris"]]}"#).unwrap_err();
    /// assert_eq!(e.to_string(), "invalid type: sequence, expected struct Leader at line 1 column 48 (/leaders/0)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json_str(json: &str) -> Result<Dossier, LoadError> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        read(|| serde_json::Deserializer::from_str(json))
    }

    /// Reads a dossier from JSON bytes; see [`Dossier::from_json`].
    ///
    /// # Errors
    ///
    /// [`LoadError`], as [`Dossier::from_json`]; bytes that are not UTF-8
    /// are an error too.
    ///
    /// ```
    /// use statecraft::Dossier;
    ///
    /// let e = Dossier::from_json_slice(b"{\"format\": \"statecraft-dossier/2\", \"title\": \"\xff\"}").unwrap_err();
    /// assert_eq!(e.to_string(), "invalid unicode code point at line 1 column 46 (/title)");
    /// ```
    pub fn from_json_slice(json: &[u8]) -> Result<Dossier, LoadError> {
        if crate::encoding::is_utf16(json) {
            return Err(LoadError::new(LoadErrorKind::Syntax, Cause::Utf16, FieldPath::root()));
        }
        let json = crate::encoding::strip_bom(json);
        read(|| serde_json::Deserializer::from_slice(json))
    }

    /// Writes the dossier as pretty-printed JSON in the
    /// `statecraft-dossier/2` format, with a final newline. Empty lists
    /// and absent values are left out; [`Dossier::from_json`] reads the
    /// result back to an equal dossier.
    ///
    /// # Errors
    ///
    /// The writer's I/O errors.
    ///
    /// ```
    /// use statecraft::Dossier;
    ///
    /// let mut out = Vec::new();
    /// Dossier::new().with_title("Empty").to_json(&mut out)?;
    /// assert_eq!(String::from_utf8(out)?, "{\n  \"format\": \"statecraft-dossier/2\",\n  \"title\": \"Empty\"\n}\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json<W: io::Write>(&self, mut writer: W) -> io::Result<()> {
        let pretty = serde_json::to_string_pretty(self)?;
        writer.write_all(inline_scalar_arrays(&pretty).as_bytes())?;
        writer.write_all(b"\n")
    }

    /// The dossier as a string of pretty-printed JSON; see
    /// [`Dossier::to_json`].
    ///
    /// # Errors
    ///
    /// None in practice: every value of a dossier has a JSON form. The
    /// `Result` is that of the underlying writer.
    ///
    /// ```
    /// use statecraft::Dossier;
    ///
    /// # let json = include_str!("../../examples/data/guatemala-2021.json");
    /// let dossier = Dossier::from_json_str(json)?;
    /// assert_eq!(dossier.to_json_string()?, json);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json_string(&self) -> io::Result<String> {
        let mut out = Vec::new();
        self.to_json(&mut out)?;
        String::from_utf8(out).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
    }
}

/// Reads a whole document from the deserializers `new` makes, with the
/// path of any error.
///
/// The types refuse by themselves what the format refuses, so a plain
/// read gives the same dossier or the same error as one through
/// serde_path_to_error; only the path needs the latter, which copies every
/// key it passes into a `String` (loading the 4.9 MB document of
/// `benches/dossier.rs` took 4.4 ms through it against 3.0 ms without, a
/// ratio of 1.47 where the old hand-written tracker had 1.30). So a
/// document is read plainly, and read again with the path tracked only
/// when it fails.
///
/// A document that is not of format 2 is looked at once more for its
/// format tag: one of format 1 is read as such and upgraded.
fn read<'de, R: serde_json::de::Read<'de>>(
    new: impl Fn() -> serde_json::Deserializer<R>,
) -> Result<Dossier, LoadError> {
    match read_as::<Dossier, R>(&new) {
        Ok(dossier) => Ok(dossier),
        // A document of format 1: its errors are format 1's.
        Err(_) if is_format_1(&new) => read_as::<super::v1::Dossier1, R>(&new).map(Dossier::from),
        Err(e) => Err(e),
    }
}

/// Whether the document's `format` member says format 1. The members
/// before it are skipped, the rest is not read: a format-1 document cut
/// short after its tag is still one.
fn is_format_1<'de, R: serde_json::de::Read<'de>>(new: impl Fn() -> serde_json::Deserializer<R>) -> bool {
    use std::cell::RefCell;

    /// Reads members up to `format` and keeps its value, then stops the
    /// read with an error (the rest of the document is no concern here).
    struct Seek<'c>(&'c RefCell<Option<String>>);

    impl<'de> de::Visitor<'de> for Seek<'_> {
        type Value = ();

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a dossier")
        }

        fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<String>()? {
                if key == "format" {
                    *self.0.borrow_mut() = Some(map.next_value()?);
                    return Err(de::Error::custom("found"));
                }
                map.next_value::<de::IgnoredAny>()?;
            }
            Ok(())
        }
    }

    let found = RefCell::new(None);
    let _stopped = de::Deserializer::deserialize_map(&mut new(), Seek(&found));
    found.into_inner().is_some_and(|tag| tag == super::v1::FORMAT_1)
}

/// Reads a whole document as a `T`, with the path of any error.
fn read_as<'de, T: serde::Deserialize<'de>, R: serde_json::de::Read<'de>>(
    new: impl Fn() -> serde_json::Deserializer<R>,
) -> Result<T, LoadError> {
    let mut de = new();
    // The trait's `deserialize`, not the derived inherent one (see
    // `crate::serde_strict`).
    let e = match T::deserialize(&mut de).and_then(|d| de.end().map(|()| d)) {
        Ok(value) => return Ok(value),
        Err(e) => e,
    };
    match serde_path_to_error::deserialize::<_, T>(&mut new()) {
        Err(tracked) => {
            let path = field_path(tracked.path());
            Err(LoadError::json(tracked.into_inner(), path))
        }
        // Only the end of the document was wrong (trailing characters).
        Ok(_) => Err(LoadError::json(e, FieldPath::root())),
    }
}

/// serde_path_to_error's path as a [`FieldPath`]. A key that is not a
/// string (`Unknown`) cannot occur in JSON; it is left out.
fn field_path(path: &serde_path_to_error::Path) -> FieldPath {
    use serde_path_to_error::Segment;
    path.iter().fold(FieldPath::root(), |p, segment| match segment {
        Segment::Seq { index } => p.index(*index),
        Segment::Map { key } | Segment::Enum { variant: key } => p.field(key.as_str()),
        Segment::Unknown => p,
    })
}

/// Puts each array that holds no object or array on one line:
/// `"members": ["GT", "HN", "SV"]` rather than one element a line.
///
/// `pretty` is serde_json's pretty output, in which whitespace outside
/// strings is layout only.
fn inline_scalar_arrays(pretty: &str) -> String {
    let mut out = String::with_capacity(pretty.len());
    let mut rest = pretty;
    while let Some(open) = find_outside_strings(rest, |c| c == '[') {
        let (head, tail) = rest.split_at(open);
        out.push_str(head);
        match scalar_array_end(tail) {
            Some(end) => {
                let (array, after) = tail.split_at(end);
                push_inline(array, &mut out);
                rest = after;
            }
            None => {
                out.push('[');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// The byte offset of the first character outside a string literal that
/// matches `want`.
fn find_outside_strings(s: &str, want: impl Fn(char) -> bool) -> Option<usize> {
    let mut strings = Strings::default();
    s.char_indices()
        .find(|&(_, c)| !strings.holds(c) && want(c))
        .map(|(i, _)| i)
}

/// Tells, one character after another, which characters of JSON text
/// belong to a string literal, its quotes included.
#[derive(Default)]
struct Strings {
    in_string: bool,
    escaped: bool,
}

impl Strings {
    /// Whether `c`, the next character, belongs to a string literal.
    fn holds(&mut self, c: char) -> bool {
        if self.in_string {
            match (self.escaped, c) {
                (true, _) => self.escaped = false,
                (false, '\\') => self.escaped = true,
                (false, '"') => self.in_string = false,
                _ => {}
            }
            true
        } else {
            self.in_string = c == '"';
            self.in_string
        }
    }
}

/// For `s` starting with `[`: the offset just past its `]` when the array
/// holds no object or array.
fn scalar_array_end(s: &str) -> Option<usize> {
    let inner = s.get(1..)?;
    let at = find_outside_strings(inner, |c| matches!(c, '[' | ']' | '{'))?;
    match inner.get(at..)?.chars().next()? {
        ']' => Some(at + 2),
        _ => None,
    }
}

/// Writes an array of scalars on one line, one space after each comma.
fn push_inline(array: &str, out: &mut String) {
    let mut strings = Strings::default();
    for c in array.chars() {
        if strings.holds(c) {
            out.push(c);
        } else if c == ',' {
            out.push_str(", ");
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
}

/// Why a dossier could not be loaded, and where.
///
/// `Display` gives serde_json's message with its line and column, then
/// the place as a JSON Pointer (RFC 6901), the syntax of every path in
/// this crate: ``unknown currency code `XYZ` at line 41 column 23
/// (/funding/0/amount/currency)``. The pointer is left out when the
/// problem is with the document as a whole. The cause, serde_json's error
/// or the reader's `io::Error`, is the [`source`](std::error::Error::source).
///
/// ```
/// use statecraft::model::LoadErrorKind;
/// use statecraft::Dossier;
///
/// let e = Dossier::from_json_str("{\"format\": \"statecraft-dossier/2\",\n  \"titel\": \"x\"}").unwrap_err();
/// assert_eq!(e.kind(), LoadErrorKind::Data);
/// assert_eq!(e.to_string(), "unknown field `titel`, expected one of `format`, `title`, `sources`, `organisations`, `groups`, `areas`, `leaders`, `trips`, `meetings`, `initiatives`, `funding`, `vaccine_pledges`, `vaccine_allocations`, `statistics` at line 2 column 9 (/titel)");
/// assert_eq!((e.line(), e.column(), e.path().to_string()), (2, 9, "/titel".to_string()));
/// let cause = std::error::Error::source(&e).and_then(|c| c.downcast_ref::<serde_json::Error>());
/// assert_eq!(cause.map(|c| c.line()), Some(2));
/// assert_eq!(Dossier::from_json_str("{").unwrap_err().kind(), LoadErrorKind::Truncated);
/// ```
#[derive(Debug)]
pub struct LoadError(Box<Detail>);

#[derive(Debug)]
struct Detail {
    kind: LoadErrorKind,
    cause: Cause,
    path: FieldPath,
}

/// What stopped a load, kept whole.
#[derive(Debug, thiserror::Error)]
enum Cause {
    #[error("cannot read the dossier: {0}")]
    Read(#[source] io::Error),
    #[error("{0}")]
    Json(#[source] serde_json::Error),
    #[error("the document is UTF-16; the format is UTF-8 at line 1 column 1")]
    Utf16,
}

/// What kind of problem stopped a load.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// The input could not be read.
    Read,
    /// The input is not JSON (or not UTF-8).
    Syntax,
    /// The input ends before the document does.
    Truncated,
    /// The input is JSON, but not a dossier of this format.
    Data,
}

impl LoadError {
    fn new(kind: LoadErrorKind, cause: Cause, path: FieldPath) -> LoadError {
        LoadError(Box::new(Detail { kind, cause, path }))
    }

    fn read(e: io::Error) -> LoadError {
        LoadError::new(LoadErrorKind::Read, Cause::Read(e), FieldPath::root())
    }

    fn json(e: serde_json::Error, path: FieldPath) -> LoadError {
        use serde_json::error::Category;
        let kind = match e.classify() {
            Category::Io => LoadErrorKind::Read,
            Category::Syntax => LoadErrorKind::Syntax,
            Category::Eof => LoadErrorKind::Truncated,
            Category::Data => LoadErrorKind::Data,
        };
        LoadError::new(kind, Cause::Json(e), path)
    }

    /// What kind of problem it is.
    pub fn kind(&self) -> LoadErrorKind {
        self.0.kind
    }

    /// The line, from 1 (0 when the input could not be read).
    pub fn line(&self) -> usize {
        match &self.0.cause {
            Cause::Read(_) => 0,
            Cause::Json(e) => e.line(),
            Cause::Utf16 => 1,
        }
    }

    /// The column, from 1, in bytes (0 when the input could not be read,
    /// or when it ended early: the error stands just after the last line's
    /// end).
    pub fn column(&self) -> usize {
        match &self.0.cause {
            Cause::Read(_) => 0,
            Cause::Json(e) => e.column(),
            Cause::Utf16 => 1,
        }
    }

    /// The place of the error in the document (the root for the document
    /// as a whole); it prints as a JSON Pointer.
    pub fn path(&self) -> &FieldPath {
        &self.0.path
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.cause.fmt(f)?;
        if !self.0.path.is_root() {
            write!(f, " ({})", self.0.path)?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.0.cause)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_errors_travel_light() {
        fn send_sync_static<T: Send + Sync + 'static>() {}
        send_sync_static::<LoadError>();
        assert_eq!(std::mem::size_of::<LoadError>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn scalar_arrays_go_on_one_line() {
        let pretty = "{\n  \"a\": [\n    \"x\",\n    \"y, [z]\\\"\"\n  ],\n  \"b\": [\n    {\n      \"c\": [\n        1,\n        2\n      ]\n    }\n  ],\n  \"d\": []\n}";
        let expected =
            "{\n  \"a\": [\"x\", \"y, [z]\\\"\"],\n  \"b\": [\n    {\n      \"c\": [1, 2]\n    }\n  ],\n  \"d\": []\n}";
        assert_eq!(inline_scalar_arrays(pretty), expected);
        let v: serde_json::Value = serde_json::from_str(&inline_scalar_arrays(pretty)).unwrap();
        let w: serde_json::Value = serde_json::from_str(pretty).unwrap();
        assert_eq!(v, w);
    }
}
