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
///
/// # Errors
///
/// quick-xml's (a repeated name, a missing `=` or quote), `<` in a
/// value, an unknown entity, a character reference to a character XML
/// forbids.
pub(super) fn read_attributes<'a>(
    e: &'a BytesStart<'_>,
    wanted: &[&str],
    values: &mut [Option<Cow<'a, str>>; 3],
    xmlns: &mut Option<Cow<'a, str>>,
) -> Result<(), ErrorKind> {
    let mut plain = Plain {
        pairs: [("", ""); FEW],
        len: 0,
    };
    if !self::plain(e.attributes_raw(), &mut plain) {
        return read_attributes_checked(e, wanted, values, xmlns);
    }
    for &(key, value) in plain.pairs() {
        keep(key, Cow::Borrowed(value), wanted, values, xmlns);
    }
    Ok(())
}

/// [`read_attributes`] through quick-xml's iterator, with its checks.
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

/// The attributes of a plainly written tag, in order.
struct Plain<'a> {
    pairs: [(&'a str, &'a str); FEW],
    len: usize,
}

impl<'a> Plain<'a> {
    fn pairs(&self) -> &[(&'a str, &'a str)] {
        self.pairs.get(..self.len).unwrap_or_default()
    }
}

/// Bytes of the names [`plain`] reads: ASCII letters, digits, `-_:.`.
const NAME: u128 = {
    let mut mask = 0u128;
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() || matches!(b as u8, b'-' | b'_' | b':' | b'.') {
            mask |= 1 << b;
        }
        b += 1;
    }
    mask
};

/// XML whitespace: space, tab, LF, CR.
const SPACE: u64 = 1 << b' ' | 1 << b'\t' | 1 << b'\n' | 1 << b'\r';

/// Bytes that end a value on [`plain`]'s path (besides its quote, which
/// is also below 64): `&`, `<`, tab, LF, CR.
const NOT_PLAIN: u64 = 1 << b'&' | 1 << b'<' | 1 << b'\t' | 1 << b'\n' | 1 << b'\r';

#[inline]
fn is_name(b: u8) -> bool {
    b < 128 && NAME >> b & 1 != 0
}

#[inline]
fn is_space(b: u8) -> bool {
    b < 64 && SPACE >> b & 1 != 0
}

/// Puts the attributes of `raw` (a start tag after its name) in `out`
/// and returns true if the tag is plainly written: at most [`FEW`] attributes, each after whitespace,
/// named with ASCII letters, digits and `-_:.`, no name twice, `=`
/// (whitespace around it allowed) and a quoted value with no `&`, `<`,
/// tab, CR or LF. Returns false otherwise: quick-xml must read the tag.
///
/// Where it returns true, quick-xml's iterator gives the same pairs and no
/// error, and [`checked_value`] leaves each value as it is.
#[inline(never)]
fn plain<'a>(raw: &'a str, out: &mut Plain<'a>) -> bool {
    let bytes = raw.as_bytes();
    out.len = 0;
    let mut i = 0;
    loop {
        let after_value = i;
        while bytes.get(i).is_some_and(|&b| is_space(b)) {
            i += 1;
        }
        if i >= bytes.len() {
            return true;
        }
        if i == after_value {
            // quick-xml reads `a="1"b="2"`; this path does not.
            return false;
        }
        let key_start = i;
        while bytes.get(i).is_some_and(|&b| is_name(b)) {
            i += 1;
        }
        let key_end = i;
        while bytes.get(i).is_some_and(|&b| is_space(b)) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            return false;
        }
        i += 1;
        while bytes.get(i).is_some_and(|&b| is_space(b)) {
            i += 1;
        }
        let quote = match bytes.get(i) {
            Some(&q @ (b'"' | b'\'')) => q,
            _ => return false,
        };
        let stop = NOT_PLAIN | 1 << quote;
        i += 1;
        let value_start = i;
        while bytes.get(i).is_some_and(|&b| b >= 64 || stop >> b & 1 == 0) {
            i += 1;
        }
        if bytes.get(i) != Some(&quote) {
            return false;
        }
        let (Some(key), Some(value)) = (raw.get(key_start..key_end), raw.get(value_start..i)) else {
            return false;
        };
        if key.is_empty() || out.pairs().iter().any(|&(k, _)| k == key) {
            return false;
        }
        let Some(slot) = out.pairs.get_mut(out.len) else {
            return false; // more than FEW
        };
        *slot = (key, value);
        out.len += 1;
        i += 1;
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

    /// What `read` makes of the tag `<e{raw}>`, as text.
    fn outcome(
        raw: &str,
        read: for<'a> fn(
            &'a BytesStart<'_>,
            &[&str],
            &mut [Option<Cow<'a, str>>; 3],
            &mut Option<Cow<'a, str>>,
        ) -> Result<(), ErrorKind>,
    ) -> String {
        let tag = format!("e{raw}");
        let e = BytesStart::from_content(tag.as_str(), 1);
        let mut values = [None, None, None];
        let mut xmlns = None;
        match read(&e, WANTED, &mut values, &mut xmlns) {
            Ok(()) => format!("{values:?} {xmlns:?}"),
            Err(err) => format!("error: {err}"),
        }
    }

    /// The pairs `plain` gives, if it reads the tag.
    fn plain_pairs(raw: &str) -> Option<Vec<(String, String)>> {
        let mut p = Plain {
            pairs: [("", ""); FEW],
            len: 0,
        };
        plain(raw, &mut p).then(|| p.pairs().iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
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
            (r#" code = 'GT' percentage="60.5" "#, vec![("code", "GT"), ("percentage", "60.5")]),
            (r#" xml:lang="en" ref="" "#, vec![("xml:lang", "en"), ("ref", "")]),
            (" a='\"' b=\"'\"", vec![("a", "\""), ("b", "'")]),
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
            r#" a=1"#,
            r#" a"#,
            r#" a="1"#,
            r#" é="1""#,
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
            assert_eq!(outcome(raw, read_attributes), error, "{raw}");
        }
    }

    /// Attribute text from pieces that make plain tags and every way of
    /// not being one.
    fn raw_attributes() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            " ", "  ", "\t", "\n", "\r\n", "=", " = ", "\"", "'", "code", "percentage", "vocabulary", "xmlns", "xml:lang",
            "a-b", "x_y.z", "é", "GT", "60.5", "&amp;", "&#49;", "&#1;", "&bogus;", "&", "<", ">", "/", "?", "\u{a0}",
            "code=\"GT\"", " code='GT'", " percentage=\"50\"", " xmlns=\"\"", " xmlns=\"urn:x\"", " vocabulary=\"2\"",
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
            prop_assert_eq!(outcome(&raw, read_attributes), outcome(&raw, read_attributes_checked));
        }
    }
}
