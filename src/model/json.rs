//! The JSON format of a dossier (`statecraft-dossier/1`): loading with
//! errors that say where, and writing.

use std::fmt;
use std::io;

use super::{Dossier, FieldPath};
use crate::Excerpt;

/// The version tag every dossier document opens with.
const FORMAT: &str = "statecraft-dossier/1";

/// The `"format"` member of a dossier document: only
/// `"statecraft-dossier/1"` is read.
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
                        "unsupported format `{}`: this version reads `{FORMAT}`",
                        Excerpt::new(v)
                    )))
                }
            }
        }

        d.deserialize_str(TagVisitor)
    }
}

impl Dossier {
    /// The format tag this version reads and writes:
    /// `"statecraft-dossier/1"`.
    pub const FORMAT: &'static str = FORMAT;

    /// Reads a dossier from JSON in the `statecraft-dossier/1` format
    /// (`docs/FORMAT.md`). The whole input is read first; a `BufReader` is
    /// not needed.
    ///
    /// # Errors
    ///
    /// [`LoadError`] when the input cannot be read, is not JSON, or is not
    /// a dossier: a missing or unknown field, a value of the wrong type,
    /// an unknown country or currency code, an id that is not a slug, a
    /// share above 100%, an unsupported format version. The error names
    /// the line, the column and the field. Loading never panics, whatever
    /// the input.
    ///
    /// ```
    /// use statecraft::Dossier;
    ///
    /// let json = r#"{"format": "statecraft-dossier/1", "title": "Empty"}"#;
    /// let d = Dossier::from_json(json.as_bytes())?;
    /// assert_eq!(d.title(), Some("Empty"));
    ///
    /// let bad = r#"{"format": "statecraft-dossier/1", "funding": [{"id": "f", "donor": "US", "stage": "announced",
    ///   "amount": {"amount": "310000000", "currency": "XYZ"}, "source": "s"}]}"#;
    /// let e = Dossier::from_json(bad.as_bytes()).unwrap_err();
    /// assert_eq!(e.to_string(), "unknown currency code `XYZ` at line 2, column 53 (funding[0].amount.currency)");
    /// assert_eq!((e.line(), e.column()), (2, 53));
    /// assert_eq!(e.path().to_pointer(), "/funding/0/amount/currency");
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
    /// let e = Dossier::from_json_str(r#"{"format": "statecraft-dossier/1", "leaders": [["harris"]]}"#).unwrap_err();
    /// assert_eq!(e.to_string(), "invalid type: sequence, expected struct Leader at line 1, column 48 (leaders[0])");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json_str(json: &str) -> Result<Dossier, LoadError> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        read(serde_json::Deserializer::from_str(json), json.as_bytes())
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
    /// let e = Dossier::from_json_slice(b"{\"format\": \"statecraft-dossier/1\", \"title\": \"\xff\"}").unwrap_err();
    /// assert_eq!(e.to_string(), "invalid unicode code point at line 1, column 46 (title)");
    /// ```
    pub fn from_json_slice(json: &[u8]) -> Result<Dossier, LoadError> {
        let json = without_bom(json)?;
        read(serde_json::Deserializer::from_slice(json), json)
    }

    /// Writes the dossier as pretty-printed JSON in the
    /// `statecraft-dossier/1` format, with a final newline. Empty lists
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
    /// assert_eq!(String::from_utf8(out)?, "{\n  \"format\": \"statecraft-dossier/1\",\n  \"title\": \"Empty\"\n}\n");
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

/// Reads a whole document from `de`, strictly, with the path of any error.
fn read<'de, R: serde_json::de::Read<'de>>(
    mut de: serde_json::Deserializer<R>,
    input: &[u8],
) -> Result<Dossier, LoadError> {
    let dossier: Dossier = super::strict::deserialize(&mut de).map_err(|(e, path, value)| {
        LoadError::from_json(&e, path)
            .quoting(value.as_deref())
            .explained(input)
    })?;
    de.end().map_err(|e| LoadError::from_json(&e, FieldPath::root()))?;
    Ok(dossier)
}

/// What serde_json's bare "expected value" met at `line` and `column`:
/// the token found there, and what it means for a one-key object (the
/// form of a choice such as `{"country": "GT"}`).
fn found_instead(input: &[u8], line: usize, column: usize) -> Option<String> {
    let text = input.split(|&b| b == b'\n').nth(line.checked_sub(1)?)?;
    let at = column.checked_sub(1)?;
    let here = *text.get(at)?;
    let rest = text.get(at..)?;
    if here == b'"' {
        // The end of a one-key object's value: something follows it.
        let next = rest.iter().skip(1).find(|b| !b.is_ascii_whitespace())?;
        return Some(format!(
            "expected the end of the object (it takes exactly one key), found `{}`",
            char::from(*next)
        ));
    }
    if here == b'}' {
        let before = text.get(..at)?.iter().rev().find(|b| !b.is_ascii_whitespace());
        if before == Some(&b'{') {
            return Some("expected one key naming the kind, found an empty object `{}`".into());
        }
    }
    let token: Vec<u8> = rest
        .iter()
        .take_while(|b| !matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\r'))
        .take(24)
        .copied()
        .collect();
    let token = if token.is_empty() { vec![here] } else { token };
    Some(format!(
        "expected a value of this field's kind, found `{}`",
        crate::Excerpt::new(&String::from_utf8_lossy(&token))
    ))
}

/// `json` without a leading UTF-8 byte-order mark (which RFC 8259 lets a
/// reader ignore), or the error for a document in UTF-16.
fn without_bom(json: &[u8]) -> Result<&[u8], LoadError> {
    if crate::encoding::is_utf16(json) {
        return Err(LoadError::encoding("the document is UTF-16; the format is UTF-8"));
    }
    Ok(crate::encoding::strip_bom(json))
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
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if want(c) {
            return Some(i);
        }
    }
    None
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
    let mut in_string = false;
    let mut escaped = false;
    for c in array.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
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
/// `Display` gives the message, the line and column, and the field:
/// ``unknown currency code `XYZ` at line 41, column 23
/// (funding[0].amount.currency)``. The field path is left out when the
/// problem is with the document as a whole.
///
/// ```
/// use statecraft::{Dossier, LoadErrorKind};
///
/// let e = Dossier::from_json_str("{\"format\": \"statecraft-dossier/1\",\n  \"titel\": \"x\"}").unwrap_err();
/// assert_eq!(e.kind(), LoadErrorKind::Data);
/// assert_eq!(e.message(), "unknown field `titel`, expected one of `format`, `title`, `sources`, `groups`, `leaders`, `trips`, `meetings`, `initiatives`, `funding`, `vaccine_pledges`, `vaccine_allocations`, `statistics`");
/// assert_eq!((e.line(), e.column(), e.path().to_string()), (2, 9, "titel".to_string()));
/// assert_eq!(Dossier::from_json_str("{").unwrap_err().kind(), LoadErrorKind::Truncated);
/// ```
#[derive(Debug)]
pub struct LoadError {
    kind: LoadErrorKind,
    message: String,
    line: usize,
    column: usize,
    path: FieldPath,
    source: Option<io::Error>,
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source.as_ref().map(|e| e as _)
    }
}

/// What kind of problem stopped a load.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// The input could not be read.
    Read,
    /// The input is not JSON.
    Syntax,
    /// The input ends before the document does.
    Truncated,
    /// The input is JSON, but not a dossier of this format.
    Data,
}

impl LoadError {
    /// Input that is not UTF-8 text as a whole (UTF-16), at line 1,
    /// column 1.
    fn encoding(message: &str) -> LoadError {
        LoadError {
            kind: LoadErrorKind::Syntax,
            message: message.to_string(),
            line: 1,
            column: 1,
            path: FieldPath::root(),
            source: None,
        }
    }

    fn read(e: io::Error) -> LoadError {
        LoadError {
            kind: LoadErrorKind::Read,
            message: e.to_string(),
            line: 0,
            column: 0,
            path: FieldPath::root(),
            source: Some(e),
        }
    }

    fn from_json(e: &serde_json::Error, path: FieldPath) -> LoadError {
        use serde_json::error::Category;
        let kind = match e.classify() {
            Category::Io => LoadErrorKind::Read,
            Category::Syntax => LoadErrorKind::Syntax,
            Category::Eof => LoadErrorKind::Truncated,
            Category::Data => LoadErrorKind::Data,
        };
        let full = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let message = full.strip_suffix(&suffix).unwrap_or(&full).to_string();
        LoadError {
            kind,
            message,
            line: e.line(),
            column: e.column(),
            path,
            source: None,
        }
    }

    /// Quotes the string value that failed when the message does not
    /// already: ``invalid value `2021-02-30`: input is out of range``.
    fn quoting(mut self, value: Option<&str>) -> LoadError {
        if let Some(v) = value {
            let quoted = crate::Excerpt::new(v);
            if !self.message.contains(&format!("`{quoted}`")) {
                self.message = format!("invalid value `{quoted}`: {}", self.message);
            }
        }
        self
    }

    /// Says what was found where serde_json says only "expected value".
    fn explained(mut self, input: &[u8]) -> LoadError {
        if self.message == "expected value" {
            if let Some(m) = found_instead(input, self.line, self.column) {
                self.message = m;
            }
        }
        self
    }

    /// What kind of problem it is.
    pub fn kind(&self) -> LoadErrorKind {
        self.kind
    }

    /// What is wrong, without the position: ``unknown currency code `XYZ` ``.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The line, from 1 (0 when the input could not be read).
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column, from 1, in bytes (0 when the input could not be read,
    /// or when it ended early: the error stands just after the last line's
    /// end).
    pub fn column(&self) -> usize {
        self.column
    }

    /// The field, in the terms of the format (root for the document as a
    /// whole).
    pub fn path(&self) -> &FieldPath {
        &self.path
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind == LoadErrorKind::Read {
            return write!(f, "cannot read the dossier: {}", self.message);
        }
        write!(f, "{} at line {}, column {}", self.message, self.line, self.column)?;
        if !self.path.is_root() {
            write!(f, " ({})", self.path)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
