//! The fast path over a plainly written element: the same events as
//! quick-xml's, for the part of XML that nearly every activity of a real
//! file is written in, or a refusal.
//!
//! quick-xml spends about 27 ns an event on the generated file (its state
//! machine, a UTF-8 check of every event's bytes, a copy of every start
//! tag's name for the end-name check): more than all the reader does with
//! the events. The reader checks the whole block for UTF-8 and forbidden
//! characters once, before any parsing, so an element whose text is
//! already known to be good can be cut into events with a few scans:
//! [`element`] reads start, empty and end tags, text and references,
//! matching end names as quick-xml does, and gives the same events
//! quick-xml would. Anything else (a comment, CDATA, a processing
//! instruction, an end name that does not match, a reference that is not
//! `&name;`) makes it stop with [`Outcome::Declined`]: the reader then
//! reads the element again through quick-xml, which gives its answer or
//! its error. So the fast path never decides whether a file is
//! well-formed: it only reads what is.

use std::ops::Range;

use super::attributes::{find_stop, name_end, Scanned, Spans};

/// One event of an element read by [`element`], as quick-xml would give
/// it.
#[derive(Clone, Copy, Debug)]
pub(super) enum Token<'a> {
    /// A start tag.
    Start(StartTag<'a>),
    /// The end tag of the innermost open element (its name matched).
    End,
    /// Text up to markup or a reference.
    Text(&'a str),
    /// A reference `&name;` (the name without `&` and `;`); `at` is the
    /// offset of its `&`.
    Ref { name: &'a str, at: usize },
}

/// A start tag (`empty`: `<x/>`): what quick-xml's `BytesStart` holds
/// (the tag without `<`, `/` and `>`) and the length of its name. `at`
/// is the offset of its `<`.
#[derive(Clone, Copy, Debug)]
pub(super) struct StartTag<'a> {
    pub(super) content: &'a str,
    pub(super) name_len: usize,
    pub(super) empty: bool,
    pub(super) at: usize,
    /// Its attributes, found while finding its end, when it is plainly
    /// written (see [`Spans::read_tag`]).
    pub(super) attributes: Option<&'a Spans>,
}

impl<'a> StartTag<'a> {
    /// The tag as quick-xml gives it.
    pub(super) fn bytes_start(&self) -> quick_xml::events::BytesStart<'a> {
        quick_xml::events::BytesStart::from_content(self.content, self.name_len)
    }
}

/// How [`element`] stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    /// The element ended: the offset after its end tag.
    Done(usize),
    /// The text ran out before the element ended.
    Short,
    /// Something quick-xml must read, or the caller declined a token.
    Declined,
}

/// Room for [`element`] to work in, kept from call to call.
#[derive(Debug, Default)]
pub(super) struct Room {
    /// The names of the open elements.
    names: Vec<Range<usize>>,
    spans: Spans,
}

/// Reads the element whose start tag begins at `text[at]` (a `<`) to its
/// end tag, giving each event to `each` in document order; `each`
/// returns false to stop (then [`Outcome::Declined`]).
#[inline]
pub(super) fn element(text: &str, at: usize, room: &mut Room, mut each: impl FnMut(Token<'_>) -> bool) -> Outcome {
    let bytes = text.as_bytes();
    let Room { names, spans } = room;
    names.clear();
    let mut i = at;
    loop {
        let Some(&b) = bytes.get(i) else { return Outcome::Short };
        match b {
            b'<' => match bytes.get(i + 1) {
                None => return Outcome::Short,
                Some(b'/') => {
                    // Quotes count in an end tag too (quick-xml reads
                    // `</a x=">">` as one tag).
                    let Some(gt) = tag_end(bytes, i + 2) else {
                        return Outcome::Short;
                    };
                    let name = bytes.get(i + 2..gt);
                    match names.pop() {
                        Some(open) if bytes.get(open.clone()) == name => {}
                        _ => return Outcome::Declined,
                    }
                    if !each(Token::End) {
                        return Outcome::Declined;
                    }
                    i = gt + 1;
                    if names.is_empty() {
                        return Outcome::Done(i);
                    }
                }
                Some(b'!' | b'?') => return Outcome::Declined,
                Some(_) => {
                    // A name, then plain attributes to `>` or `/>`: read
                    // in one pass; else as quick-xml finds the end.
                    let name = name_end(bytes, i + 1);
                    let plain = match bytes.get(name) {
                        Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/') if name > i + 1 => spans.read_tag(bytes, name),
                        _ => Scanned::NotPlain,
                    };
                    let (gt, attributes) = match plain {
                        Scanned::Tag { gt, .. } => (gt, Some(&*spans)),
                        Scanned::NotPlain | Scanned::Raw => match tag_end(bytes, i + 1) {
                            Some(gt) => (gt, None),
                            None => return Outcome::Short,
                        },
                    };
                    let Some(inner) = text.get(i + 1..gt) else {
                        return Outcome::Declined;
                    };
                    let (content, empty) = match inner.strip_suffix('/') {
                        Some(c) => (c, true),
                        None => (inner, false),
                    };
                    // A plain tag's name ends where quick-xml's does: at
                    // whitespace, `>` or `/>`.
                    let name_len = match attributes {
                        Some(_) => name - (i + 1),
                        None => content
                            .bytes()
                            .position(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
                            .unwrap_or(content.len()),
                    };
                    if name_len == 0 {
                        return Outcome::Declined;
                    }
                    if !each(Token::Start(StartTag {
                        content,
                        name_len,
                        empty,
                        at: i,
                        attributes,
                    })) {
                        return Outcome::Declined;
                    }
                    if !empty {
                        names.push(i + 1..i + 1 + name_len);
                    }
                    i = gt + 1;
                    if names.is_empty() {
                        return Outcome::Done(i);
                    }
                }
            },
            b'&' => {
                let rest = bytes.get(i + 1..).unwrap_or_default();
                let Some(semi) = memchr::memchr3(b';', b'&', b'<', rest) else {
                    return Outcome::Short;
                };
                let name = text.get(i + 1..i + 1 + semi);
                match (rest.get(semi), name) {
                    (Some(b';'), Some(name)) if !name.is_empty() => {
                        if !each(Token::Ref { name, at: i }) {
                            return Outcome::Declined;
                        }
                    }
                    _ => return Outcome::Declined,
                }
                i += semi + 2;
            }
            _ => {
                let rest = bytes.get(i..).unwrap_or_default();
                // Mostly a line break and indentation before a tag.
                let space = rest
                    .iter()
                    .position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
                    .unwrap_or(rest.len());
                let n = match rest.get(space) {
                    Some(b'<' | b'&') => space,
                    _ => match memchr::memchr2(b'<', b'&', rest) {
                        Some(n) => n,
                        None => return Outcome::Short,
                    },
                };
                if let Some(t) = text.get(i..i + n) {
                    if !each(Token::Text(t)) {
                        return Outcome::Declined;
                    }
                }
                i += n;
            }
        }
    }
}

/// The offset of the `>` that ends a tag whose content starts at `from`:
/// the first one outside quotes, as quick-xml finds it.
#[inline]
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    loop {
        // Stops also at tab, CR and LF (the block has no other control
        // characters): skipped.
        let j = find_stop(bytes, i, b'>', b'"', b'\'');
        match bytes.get(j) {
            None => return None,
            Some(b'>') => return Some(j),
            Some(&q @ (b'"' | b'\'')) => {
                let close = memchr::memchr(q, bytes.get(j + 1..)?)?;
                i = j + close + 2;
            }
            Some(_) => i = j + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use quick_xml::events::Event;

    /// The events [`element`] gives for the element at the start of
    /// `text`, as text, with how it stopped.
    fn fast(text: &str) -> (Vec<String>, Outcome) {
        let mut out = Vec::new();
        let outcome = element(text, 0, &mut Room::default(), |t| {
            out.push(match t {
                Token::Start(tag) => {
                    let StartTag {
                        content,
                        name_len,
                        empty,
                        at,
                        attributes,
                    } = tag;
                    if let Some(spans) = attributes {
                        // The attributes found are quick-xml's.
                        let raw = &content[name_len..];
                        let found: Vec<(&str, &str)> = spans
                            .spans()
                            .iter()
                            .map(|(k, v)| (&raw[k.clone()], &raw[v.clone()]))
                            .collect();
                        let e = tag.bytes_start();
                        let want: Vec<(String, String)> = e
                            .attributes()
                            .map(|a| a.map(|a| (a.key.into_inner().to_string(), a.value.to_string())))
                            .collect::<Result<_, _>>()
                            .unwrap();
                        let want: Vec<(&str, &str)> = want.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                        assert_eq!(found, want, "{content}");
                    }
                    format!("{} {content:?} {name_len} @{at}", if empty { "empty" } else { "start" })
                }
                Token::End => "end".to_string(),
                Token::Text(t) => format!("text {t:?}"),
                Token::Ref { name, at } => format!("ref {name:?} @{at}"),
            });
            true
        });
        (out, outcome)
    }

    /// quick-xml's events over the same element, through its end (or
    /// its first error), in the same notation.
    fn slow(text: &str) -> (Vec<String>, Result<usize, String>) {
        let mut xml = quick_xml::Reader::from_str(text);
        xml.config_mut().check_comments = true;
        let mut out = Vec::new();
        let mut depth = 0usize;
        loop {
            let at = xml.buffer_position() as usize;
            let event = match xml.read_event() {
                Ok(e) => e,
                Err(e) => return (out, Err(e.to_string())),
            };
            match event {
                Event::Start(e) | Event::Empty(e) if e.name().into_inner().is_empty() => {
                    return (out, Err("empty name".into()))
                }
                Event::Start(e) => {
                    depth += 1;
                    out.push(format!("start {:?} {} @{at}", &*e, e.name().into_inner().len()));
                }
                Event::Empty(e) => out.push(format!("empty {:?} {} @{at}", &*e, e.name().into_inner().len())),
                Event::End(_) => {
                    out.push("end".to_string());
                    depth -= 1;
                }
                Event::Text(t) => out.push(format!("text {:?}", &*t)),
                Event::GeneralRef(r) => out.push(format!("ref {:?} @{at}", &*r)),
                Event::Eof => return (out, Err("eof".into())),
                other => return (out, Err(format!("{other:?}"))),
            }
            if depth == 0 {
                return (out, Ok(xml.buffer_position() as usize));
            }
        }
    }

    #[test]
    fn plain_elements_give_quick_xmls_events() {
        for text in [
            r#"<a/>"#,
            r#"<a b="1" c='>'>x&amp;y<d/><e f="'"></e></a>"#,
            "<a>\n <b x=\"1\">t</b>\n</a>tail",
            r#"<iati-activity default-currency="EUR"><value value-date="2021-06-07">5</value></iati-activity>"#,
            "<a\tb='1'\n/>",
            r#"<a/b></a/b>"#,
        ] {
            let (events, outcome) = fast(text);
            let (want, end) = slow(text);
            match outcome {
                Outcome::Done(n) => {
                    assert_eq!(events, want, "{text}");
                    assert_eq!(Ok(n), end, "{text}");
                }
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn what_quick_xml_must_read_is_declined() {
        for text in [
            "<a><!-- c --></a>",
            "<a><![CDATA[x]]></a>",
            "<a><?pi x?></a>",
            "<a></b>",
            "<a></a >",
            "<a>&;</a>",
            "<a>& b</a>",
            "<a>&b<</a>",
            "< a/>",
            "<>",
        ] {
            assert_eq!(fast(text).1, Outcome::Declined, "{text}");
        }
        for text in ["<a>", "<a", "<a b='>", "<a>&amp", "<a></a", "<a>text"] {
            assert_eq!(fast(text).1, Outcome::Short, "{text}");
        }
    }

    /// Element-ish text from pieces that make plain elements and every
    /// way of not being one.
    fn xmlish() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "<a>",
            "</a>",
            "<b x='1'>",
            "</b>",
            "<c/>",
            "<c />",
            "</c>",
            "<a/b>",
            "</a/b>",
            "</a >",
            "text",
            " ",
            "\n",
            "\t",
            "&amp;",
            "&#49;",
            "&bogus;",
            "&",
            ";",
            "<",
            ">",
            "/",
            "\"",
            "'",
            "=",
            " y=\"2\"",
            "<!-- c -->",
            "<![CDATA[d]]>",
            "<f g=\"1\" h='2' />",
            "<f g=\"1\"h='2'>",
            "<f g = \"&amp;\">",
            "</f>",
            "<f g=\"1\" g=\"2\"/>",
            "<f a\"b=\"1\">",
            "<f\tg=\"<\"/>",
            "<a\"b c\">",
            "</a\"b>",
            "<?p?>",
            "é",
            "<d e='>' f=\"'\">",
            "</d>",
            "<e\n/>",
        ]);
        prop::collection::vec(piece, 0..16).prop_map(|p| format!("<a>{}", p.concat()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// Wherever the fast path reads an element through, quick-xml
        /// reads it through too, with the same events, to the same end;
        /// where the text ends first, quick-xml does not read it through.
        #[test]
        fn the_fast_path_agrees_with_quick_xml(text in xmlish()) {
            let (events, outcome) = fast(&text);
            let (want, end) = slow(&text);
            match outcome {
                Outcome::Done(n) => {
                    prop_assert_eq!(events, want);
                    prop_assert_eq!(Ok(n), end);
                }
                Outcome::Short => prop_assert!(end.is_err(), "{:?}", end),
                Outcome::Declined => {}
            }
        }
    }
}
