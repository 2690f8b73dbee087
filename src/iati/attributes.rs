//! The attributes of a start tag, read and checked as quick-xml reads
//! them, with a fast path for plainly written tags.
//!
//! Every attribute of every element is checked (the file must be
//! well-formed), though the reader keeps the values of a few. quick-xml's
//! attribute iterator costs about 300 instructions an attribute (it walks
//! the tag byte by byte through iterator adaptors, and its check for
//! repeated names allocates a list per tag): on the generated 1M file,
//! with 10 attributes a transaction, that was a fifth of the reader's
//! instructions. Nearly every tag of a real file is plain (`name="value"`
//! pairs separated by whitespace, names of ASCII letters, digits and
//! `-_:.`, values with no reference, `<` or whitespace other than space),
//! so [`plain`] reads those by hand in one pass; any other tag goes to
//! quick-xml's iterator, whose answer (and error) is the reader's. A
//! property test checks that the two agree wherever [`plain`] answers.

use std::borrow::Cow;
use std::ops::Range;

use quick_xml::events::attributes::Attribute;
use quick_xml::events::BytesStart;
use quick_xml::XmlVersion;

use super::error::{ErrorKind, XmlError};
use super::text;
use crate::Excerpt;

/// The most attributes [`plain`] reads (more go to quick-xml).
const FEW: usize = 8;

/// Reads the attributes of `e`: the values of the names in `wanted` go
/// to the same places in `values`, an `xmlns` to `xmlns`. Values have
/// their references resolved and their whitespace normalized (XML 1.0).
/// `spans` is room to work in, kept from tag to tag.
///
/// # Errors
///
/// quick-xml's (a repeated name, a missing `=` or quote), `<` in a
/// value, an unknown entity, a character reference to a character XML
/// forbids.
///
/// `read`, when given, holds the attributes of `e` already found (the
/// fast path finds them while finding where the tag ends).
#[inline(always)]
pub(super) fn read_attributes<'a>(
    e: &'a BytesStart<'_>,
    spans: &mut Spans,
    read: Option<&Spans>,
    wanted: &[&str],
    values: &mut [Option<Cow<'a, str>>; 3],
    xmlns: &mut Option<Cow<'a, str>>,
) -> Result<(), ErrorKind> {
    let raw = e.attributes_raw();
    let (plain, spans) = match read {
        Some(read) => (true, read),
        None => (spans.read(raw), &*spans),
    };
    if plain && wanted.is_empty() && !spans.xmlns {
        return Ok(()); // most tags
    }
    take_values(e, raw, plain, spans, wanted, values, xmlns)
}

/// The values [`read_attributes`] keeps, from `spans` if the tag is
/// `plain`, else through quick-xml's iterator.
#[inline(never)]
fn take_values<'a>(
    e: &'a BytesStart<'_>,
    raw: &'a str,
    plain: bool,
    spans: &Spans,
    wanted: &[&str],
    values: &mut [Option<Cow<'a, str>>; 3],
    xmlns: &mut Option<Cow<'a, str>>,
) -> Result<(), ErrorKind> {
    if !plain {
        return read_attributes_checked(e, wanted, values, xmlns);
    }
    for (key, value) in spans.spans() {
        if let (Some(key), Some(value)) = (raw.get(key.clone()), raw.get(value.clone())) {
            keep(key, Cow::Borrowed(value), wanted, values, xmlns);
        }
    }
    Ok(())
}

/// [`read_attributes`] through quick-xml's iterator, with its checks.
#[cold]
#[inline(never)]
fn read_attributes_checked<'a>(
    e: &'a BytesStart<'_>,
    wanted: &[&str],
    values: &mut [Option<Cow<'a, str>>; 3],
    xmlns: &mut Option<Cow<'a, str>>,
) -> Result<(), ErrorKind> {
    for attr in e.attributes() {
        let attr = attr.map_err(|e| ErrorKind::Xml(XmlError(e.into())))?;
        let key = attr.key.into_inner();
        let value = checked_value(attr, key)?;
        keep(key, value, wanted, values, xmlns);
    }
    Ok(())
}

/// Keeps an attribute's value if its name is wanted.
#[inline]
fn keep<'a>(
    key: &str,
    value: Cow<'a, str>,
    wanted: &[&str],
    values: &mut [Option<Cow<'a, str>>; 3],
    xmlns: &mut Option<Cow<'a, str>>,
) {
    if key == "xmlns" {
        *xmlns = Some(value);
    } else if let Some(slot) = wanted.iter().position(|&k| k == key).and_then(|i| values.get_mut(i)) {
        *slot = Some(value);
    }
}

/// Where the names and values of a plainly written tag's attributes are
/// in its attribute text, in order.
#[derive(Clone, Debug, Default)]
pub(super) struct Spans {
    spans: [(Range<usize>, Range<usize>); FEW],
    len: usize,
    /// Whether one of the names is `xmlns`.
    xmlns: bool,
}

impl Spans {
    pub(super) fn spans(&self) -> &[(Range<usize>, Range<usize>)] {
        self.spans.get(..self.len).unwrap_or_default()
    }
}

/// The index of the first byte of `bytes` at or after `from` that is
/// not XML whitespace; `bytes.len()` if there is none.
#[inline(always)]
fn skip_space(bytes: &[u8], from: usize) -> usize {
    match bytes.get(from..) {
        Some(rest) => {
            from + rest
                .iter()
                .position(|&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                .unwrap_or(rest.len())
        }
        None => bytes.len(),
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The bytes of `x` that are zero, marked by their high bit; the lowest
/// mark is exact (a borrow may mark bytes above it).
#[inline(always)]
fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// The index of the first byte of `bytes` at or after `from` that is `a`,
/// `b`, `c` or below 0x20 (tab, LF, CR: the reader has refused other
/// control characters before); `bytes.len()` if there is none.
///
/// It reads eight bytes at a time (SWAR): names and values are a third
/// of the generated file's bytes, and this took attribute reading from
/// 14 to 3 instructions a byte.
#[inline(always)]
pub(super) fn find_stop(bytes: &[u8], from: usize, a: u8, b: u8, c: u8) -> usize {
    let (wa, wb, wc) = (ONES * u64::from(a), ONES * u64::from(b), ONES * u64::from(c));
    let len = bytes.len();
    let mut i = from;
    while i < len {
        let x = match bytes.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
            Some(w) => u64::from_le_bytes(w),
            None => {
                // Fewer than 8 bytes left: the last 8 bytes, shifted, with
                // bytes that stop nothing above the end.
                let n = len - i;
                let last = len
                    .checked_sub(8)
                    .and_then(|s| bytes.get(s..))
                    .and_then(|w| <[u8; 8]>::try_from(w).ok());
                let x = match last {
                    Some(w) => u64::from_le_bytes(w) >> (8 * (8 - n)),
                    None => bytes
                        .get(i..)
                        .unwrap_or_default()
                        .iter()
                        .rev()
                        .fold(0u64, |x, &b| x << 8 | u64::from(b)),
                };
                x | (ONES * u64::from(b'A')) << (8 * n)
            }
        };
        let control = x.wrapping_sub(ONES * 0x20) & !x & HIGHS;
        let marks = zero_bytes(x ^ wa) | zero_bytes(x ^ wb) | zero_bytes(x ^ wc) | control;
        if marks != 0 {
            return (i + (marks.trailing_zeros() / 8) as usize).min(len);
        }
        i += 8;
    }
    len
}

/// Whether a byte may be in a name the fast paths read: not XML
/// whitespace or another control character, nor `= > " ' < & /` (so
/// that a name never hides where quick-xml ends a tag).
#[inline(always)]
fn is_name_byte(b: u8) -> bool {
    b > b' ' && !matches!(b, b'=' | b'>' | b'"' | b'\'' | b'<' | b'&' | b'/')
}

/// The end of the name that starts at `from`: the first byte that is
/// not one [`is_name_byte`] takes, or `bytes.len()`.
#[inline(always)]
pub(super) fn name_end(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    from + rest.iter().position(|&b| !is_name_byte(b)).unwrap_or(rest.len())
}

/// How [`Spans::scan`] ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Scanned {
    /// Not plainly written: quick-xml must read it.
    NotPlain,
    /// Plain attribute text, read to its end.
    Raw,
    /// A plain tag, read to the `>` at `gt` (after a `/` if `empty`).
    Tag { gt: usize, empty: bool },
}

impl Spans {
    /// Finds the attributes of `raw` (a start tag after its name) and
    /// returns true if the tag is plainly written: at most [`FEW`]
    /// attributes, each after whitespace, no name twice, a name of
    /// bytes [`is_name_byte`] takes, `=` (whitespace around it allowed) and a quoted
    /// value with no `&`, `<`, tab, CR or LF. Returns false otherwise:
    /// quick-xml must read the tag.
    ///
    /// Where it returns true, quick-xml's iterator gives the same pairs
    /// and no error, and [`checked_value`] leaves each value as it is.
    #[inline(never)]
    fn read(&mut self, raw: &str) -> bool {
        self.scan(raw.as_bytes(), 0, false) == Scanned::Raw
    }

    /// Finds the attributes of the start tag whose name ends at `from`
    /// in `bytes`, and where the tag ends: [`Scanned::Tag`] if it is
    /// plainly written (as [`read`](Spans::read) says) and ends with `>`
    /// or `/>` after its last value (whitespace allowed before them).
    /// The spans are then relative to `from` (to quick-xml's attribute
    /// text), and the `>` is the one quick-xml ends the tag at: outside
    /// values, names hold no quote.
    #[inline]
    pub(super) fn read_tag(&mut self, bytes: &[u8], from: usize) -> Scanned {
        self.scan(bytes, from, true)
    }

    #[inline(always)]
    fn scan(&mut self, bytes: &[u8], from: usize, tag: bool) -> Scanned {
        let len = bytes.len();
        self.len = 0;
        self.xmlns = false;
        let mut i = from;
        loop {
            // Whitespace before a name: one space, usually.
            let key_start = if bytes.get(i) == Some(&b' ') && bytes.get(i + 1).is_some_and(|&b| is_name_byte(b)) {
                i + 1
            } else {
                let k = skip_space(bytes, i);
                if tag {
                    match bytes.get(k) {
                        Some(b'>') => return Scanned::Tag { gt: k, empty: false },
                        Some(b'/') if bytes.get(k + 1) == Some(&b'>') => {
                            return Scanned::Tag { gt: k + 1, empty: true }
                        }
                        None => return Scanned::NotPlain,
                        Some(_) => {}
                    }
                } else if k == len {
                    return Scanned::Raw;
                }
                if k == i {
                    return Scanned::NotPlain;
                }
                k
            };
            let key_end = name_end(bytes, key_start);
            if key_end == key_start {
                return Scanned::NotPlain;
            }
            let open = if bytes.get(key_end) == Some(&b'=') {
                key_end + 1
            } else {
                let eq = skip_space(bytes, key_end);
                if bytes.get(eq) != Some(&b'=') {
                    return Scanned::NotPlain;
                }
                eq + 1
            };
            let open = match bytes.get(open) {
                Some(b'"' | b'\'') => open,
                _ => skip_space(bytes, open),
            };
            let quote = match bytes.get(open) {
                Some(&q @ (b'"' | b'\'')) => q,
                _ => return Scanned::NotPlain,
            };
            let close = find_stop(bytes, open + 1, quote, b'&', b'<');
            if bytes.get(close) != Some(&quote) {
                return Scanned::NotPlain;
            }
            let key_len = key_end - key_start;
            let (key, value) = (key_start - from..key_end - from, open + 1 - from..close - from);
            for (k, _) in self.spans() {
                if k.end - k.start == key_len
                    && bytes.get(k.start + from..k.end + from) == bytes.get(key_start..key_end)
                {
                    return Scanned::NotPlain;
                }
            }
            self.xmlns |= key_len == 5 && bytes.get(key_start..key_end) == Some(b"xmlns");
            let Some(slot) = self.spans.get_mut(self.len) else {
                return Scanned::NotPlain;
            };
            *slot = (key, value);
            self.len += 1;
            i = close + 1;
            if !tag && i == len {
                return Scanned::Raw;
            }
        }
    }
}

/// An attribute's value with its references resolved and its whitespace
/// normalized (XML 1.0); refuses `<`, unknown entities and forbidden
/// characters. Borrowed when there is nothing to resolve or normalize.
fn checked_value<'a>(attr: Attribute<'a>, key: &str) -> Result<Cow<'a, str>, ErrorKind> {
    if !attr
        .value
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'\t' | b'\r' | b'\n'))
    {
        return Ok(attr.value);
    }
    if attr.value.contains('<') {
        return Err(ErrorKind::LessThanInAttribute(Excerpt::new(key)));
    }
    let value = attr.normalized_value(XmlVersion::Implicit1_0).map_err(|e| match e {
        quick_xml::Error::Escape(quick_xml::escape::EscapeError::UnrecognizedEntity(_, name)) => {
            ErrorKind::UnknownEntity(Excerpt::new(&name))
        }
        quick_xml::Error::Escape(quick_xml::escape::EscapeError::InvalidCharRef(_)) => {
            ErrorKind::InvalidCharRef(Excerpt::new(&attr.value))
        }
        quick_xml::Error::Escape(quick_xml::escape::EscapeError::UnterminatedEntity(_)) => ErrorKind::LoneAmpersand,
        other => ErrorKind::Xml(XmlError(other)),
    })?;
    if let Some(c) = value.chars().find(|&c| !text::is_xml_char(c)) {
        return Err(ErrorKind::ForbiddenCharacter(u32::from(c)));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const WANTED: &[&str] = &["code", "percentage", "vocabulary"];

    /// What `read_attributes` (`fast`) or `read_attributes_checked`
    /// makes of the tag `<e{raw}>`, as text.
    fn outcome(raw: &str, fast: bool) -> String {
        let tag = format!("e{raw}");
        let e = BytesStart::from_content(tag.as_str(), 1);
        let mut values = [None, None, None];
        let mut xmlns = None;
        let read = if fast {
            read_attributes(&e, &mut Spans::default(), None, WANTED, &mut values, &mut xmlns)
        } else {
            read_attributes_checked(&e, WANTED, &mut values, &mut xmlns)
        };
        match read {
            Ok(()) => format!("{values:?} {xmlns:?}"),
            Err(err) => format!("error: {err}"),
        }
    }

    /// The pairs the fast path gives, if it reads the tag.
    fn plain_pairs(raw: &str) -> Option<Vec<(String, String)>> {
        let mut spans = Spans::default();
        spans.read(raw).then(|| {
            spans
                .spans()
                .iter()
                .map(|(k, v)| (raw[k.clone()].to_string(), raw[v.clone()].to_string()))
                .collect()
        })
    }

    /// quick-xml's pairs (values as written), or its error.
    fn quick_xml_pairs(raw: &str) -> Result<Vec<(String, String)>, String> {
        let tag = format!("e{raw}");
        let e = BytesStart::from_content(tag.as_str(), 1);
        e.attributes()
            .map(|a| {
                a.map(|a| (a.key.into_inner().to_string(), a.value.to_string()))
                    .map_err(|e| e.to_string())
            })
            .collect()
    }

    #[test]
    fn plain_tags_are_read_by_hand() {
        for (raw, pairs) in [
            ("", vec![]),
            (" ", vec![]),
            (r#" code="GT""#, vec![("code", "GT")]),
            (
                r#" code = 'GT' percentage="60.5" "#,
                vec![("code", "GT"), ("percentage", "60.5")],
            ),
            (r#" xml:lang="en" ref="" "#, vec![("xml:lang", "en"), ("ref", "")]),
            (" a='\"' b=\"'\"", vec![("a", "\""), ("b", "'")]),
            (r#" é="1" xml:lang="2""#, vec![("é", "1"), ("xml:lang", "2")]),
        ] {
            let want: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
            assert_eq!(plain_pairs(raw), Some(want.clone()), "{raw}");
            assert_eq!(quick_xml_pairs(raw), Ok(want), "{raw}");
        }
        for raw in [
            r#" code="A" code="B""#,
            r#" code="A&amp;B""#,
            r#" code="A<B""#,
            " code=\"A\tB\"",
            r#" a="1"b="2""#,
            // quick-xml's names are whatever comes before `=` or space;
            // a quote in one is left to it.
            r#" a"b="2""#,
            r#" a>b="2""#,
            r#" a=1"#,
            r#" a"#,
            r#" a="1"#,
            r#" a="1" b="2" c="3" d="4" e="5" f="6" g="7" h="8" i="9""#,
        ] {
            assert_eq!(plain_pairs(raw), None, "{raw}");
        }
    }

    #[test]
    fn errors_are_quick_xmls() {
        for (raw, error) in [
            (
                r#" a="1" b="2" c="3" d="4" e="5" f="6" g="7" h="8" i="9" a="10""#,
                "error: error while parsing attribute: position 56: duplicated attribute, previous declaration at position 2",
            ),
            (
                r#" code="A" code="B"#,
                "error: error while parsing attribute: position 11: duplicated attribute, previous declaration at position 2",
            ),
            (r#" code="A<B""#, "error: `<` in the value of attribute `code`"),
            (r#" ref="AT&T""#, "error: `&` that starts no reference (write `&amp;`)"),
        ] {
            assert_eq!(outcome(raw, true), error, "{raw}");
        }
    }

    /// Attribute text from pieces that make plain tags and every way of
    /// not being one.
    fn raw_attributes() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            " ",
            "  ",
            "\t",
            "\n",
            "\r\n",
            "=",
            " = ",
            "\"",
            "'",
            "code",
            "percentage",
            "vocabulary",
            "xmlns",
            "xml:lang",
            "a-b",
            "x_y.z",
            "é",
            "GT",
            "60.5",
            "&amp;",
            "&#49;",
            "&#1;",
            "&bogus;",
            "&",
            "<",
            ">",
            "/",
            "?",
            "\u{a0}",
            "code=\"GT\"",
            " code='GT'",
            " percentage=\"50\"",
            " xmlns=\"\"",
            " xmlns=\"urn:x\"",
            " vocabulary=\"2\"",
        ]);
        prop::collection::vec(piece, 0..12).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn the_fast_path_agrees_with_quick_xml(raw in raw_attributes()) {
            if let Some(pairs) = plain_pairs(&raw) {
                prop_assert_eq!(quick_xml_pairs(&raw), Ok(pairs));
            }
            prop_assert_eq!(outcome(&raw, true), outcome(&raw, false));
        }
    }
}
