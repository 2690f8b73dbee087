//! Every figure in running text, with its byte span: amounts of money,
//! reported pairs, counts with the noun they count, percentages, each
//! exact, qualified or as a range, and what looks like a figure but does
//! not read as one.
//!
//! ```
//! use statecraft::notation::Reading;
//! use statecraft::scan::Scanner;
//!
//! let text = "On 7 June 2021 the US pledged $310m (£219m) and more than 178,000 migrants came.";
//! let found: Vec<_> = Scanner::default().scan(text).collect();
//! assert_eq!(found.len(), 2);
//! assert_eq!(found[0].text(), "$310m (£219m)");
//! assert!(matches!(found[0].reading(), Ok(Reading::Pair(_))));
//! assert_eq!(found[1].text(), "more than 178,000 migrants");
//! assert_eq!(found[1].span(), 49..75);
//! ```

use std::ops::Range;

use memchr::memmem;

use crate::money::parse::Mode;
use crate::money::SymbolContext;
use crate::notation::number::{number_word, split_word};
use crate::notation::{read_figure, ParseFigureError, Reading, QUALIFIER_WORDS};

/// Reads figures out of running text, with symbols read in a
/// [`SymbolContext`] (the copy's country of publication).
///
/// What it never takes for a figure: a year (a four-digit whole number
/// from 1000 to 2100 with no currency, magnitude or percent sign, and a
/// range of them: `in 2021`, `2019-2020`), a date (a number next to a
/// month's name, `7 June`, `June 7`; `2021-06-07`, `07/06/2021`; a
/// fiscal year, `2019-20`), a time
/// (`10:30`, `3pm`, `3 p.m.`), an address (a number before capitalised
/// words ending in Street, Road, Avenue, ...), a list number (a number
/// that starts a line followed by `.` or `)`), and numbers that are part
/// of a name or an ordinal (`G7`, `Covid-19`, `Q3`, `4th`).
///
/// A figure that starts like money or a number but does not read (`$1,00,000`,
/// `kr 100` with no country) is yielded with its error and span, not
/// skipped.
#[derive(Clone, Debug, Default)]
pub struct Scanner {
    context: SymbolContext,
}

/// A figure found in text: its byte span and its reading, or why it does
/// not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found<'a> {
    span: Range<usize>,
    text: &'a str,
    reading: Result<Reading<'a>, ParseFigureError>,
}

impl<'a> Found<'a> {
    /// The byte range of the figure in the text scanned.
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The figure as written.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The figure read, or the error that says why it is unreadable.
    pub fn reading(&self) -> Result<&Reading<'a>, &ParseFigureError> {
        self.reading.as_ref()
    }

    /// The reading, taken.
    ///
    /// # Errors
    ///
    /// The [`ParseFigureError`] of an unreadable figure.
    pub fn into_reading(self) -> Result<Reading<'a>, ParseFigureError> {
        self.reading
    }
}

impl Scanner {
    /// A scanner reading symbols in `context`.
    pub fn new(context: SymbolContext) -> Scanner {
        Scanner { context }
    }

    /// The figures of `text`, in order.
    pub fn scan<'s, 'a>(&'s self, text: &'a str) -> Scan<'s, 'a> {
        Scan {
            context: &self.context,
            text,
            pos: 0,
            next_word_number: None,
            finder: memmem::Finder::new(b"illion"),
        }
    }
}

/// The iterator of [`Scanner::scan`].
#[derive(Debug)]
pub struct Scan<'s, 'a> {
    context: &'s SymbolContext,
    text: &'a str,
    pos: usize,
    /// Where the next "illion" is at or after `pos` (`None`: not looked
    /// for yet; `Some(len)`: none).
    next_word_number: Option<usize>,
    finder: memmem::Finder<'static>,
}

/// The months' abbreviations, beside their names
/// ([`MONTHS`](crate::model::period::MONTHS)).
const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

const STREETS: [&str; 14] = [
    "Street",
    "St",
    "Road",
    "Rd",
    "Avenue",
    "Ave",
    "Boulevard",
    "Lane",
    "Drive",
    "Place",
    "Square",
    "Way",
    "Court",
    "Terrace",
];

fn is_month(word: &str) -> bool {
    crate::model::period::MONTHS.contains(&word) || MONTH_ABBREVIATIONS.contains(&word)
}

impl<'a> Iterator for Scan<'_, 'a> {
    type Item = Found<'a>;

    fn next(&mut self) -> Option<Found<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        loop {
            let digit = bytes
                .get(self.pos..)?
                .iter()
                .position(u8::is_ascii_digit)
                .map(|i| i + self.pos);
            let word = self.word_number_at_or_after();
            let at = match (digit, word) {
                (Some(d), Some(w)) => d.min(w),
                (Some(d), None) => d,
                (None, Some(w)) => w,
                (None, None) => {
                    self.pos = bytes.len();
                    return None;
                }
            };
            let is_word = Some(at) != digit;
            if !is_word && list_number(text, at) {
                self.advance(at + 1);
                continue;
            }
            let start = if is_word {
                match word_number_start(text, at) {
                    Some(s) => s,
                    None => {
                        self.advance(at + "illion".len());
                        continue;
                    }
                }
            } else {
                match self.figure_start(at) {
                    Some(s) => s,
                    None => {
                        self.advance(skip_token(bytes, at));
                        continue;
                    }
                }
            };
            let start = qualifier_start(text, start).max(self.pos.min(start));
            let Some(from) = text.get(start..) else {
                self.advance(at + 1);
                continue;
            };
            match read_figure(from, self.context, Mode::Running) {
                Ok((reading, rest)) => {
                    let end = text.len().saturating_sub(rest.len());
                    self.advance(end.max(at + 1));
                    if rest.starts_with(|c: char| c.is_alphanumeric()) || not_a_figure(text, start, at, end, &reading) {
                        // An ordinal, a date, a year, a time...
                        self.advance(skip_token(bytes, end.max(at)));
                        continue;
                    }
                    let span = start..end;
                    return Some(Found {
                        text: text.get(span.clone()).unwrap_or_default(),
                        span,
                        reading: Ok(reading),
                    });
                }
                Err(kind) => {
                    let end = skip_token(bytes, at);
                    self.advance(end);
                    let piece = text
                        .get(start..end)
                        .unwrap_or_default()
                        .trim_end_matches(['.', ',', ';', ':', ')']);
                    let end = start + piece.len();
                    if is_time_or_date(text, at) {
                        continue;
                    }
                    return Some(Found {
                        text: piece,
                        span: start..end,
                        reading: Err(ParseFigureError::new(piece, kind)),
                    });
                }
            }
        }
    }
}

impl Scan<'_, '_> {
    fn advance(&mut self, to: usize) {
        if to > self.pos {
            self.pos = to;
        }
        if self.next_word_number.is_some_and(|w| w < self.pos) {
            self.next_word_number = None;
        }
    }

    /// Where the next magnitude word ("million") at or after `pos` is.
    fn word_number_at_or_after(&mut self) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let at = match self.next_word_number {
            Some(at) => at,
            None => {
                let at = self
                    .finder
                    .find(bytes.get(self.pos..).unwrap_or_default())
                    .map_or(bytes.len(), |i| i + self.pos);
                self.next_word_number = Some(at);
                at
            }
        };
        (at < bytes.len()).then_some(at)
    }

    /// Where the figure whose first digit is at `at` starts: at the
    /// currency before it, if one is; `None` when the digits are part of
    /// a name (`G7`, `Covid-19`, `A320`) or a time or a date.
    fn figure_start(&self, at: usize) -> Option<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        let before = bytes.get(..at)?;
        // A number glued to a word (`G7`, `Covid-19`): part of a name,
        // unless the word is a currency (`Q75k`, `RM50`, `US$5m`).
        let attached = before
            .last()
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.' || *b == b',' || *b == b'_');
        let hyphened = before.len() >= 2
            && before.last() == Some(&b'-')
            && before.get(before.len() - 2).is_some_and(u8::is_ascii_alphanumeric);
        if hyphened || before.last().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        if is_time_or_date(text, at) {
            return None;
        }
        // The token before the number, or before one space and the number.
        let token = |end: usize| -> Option<usize> {
            let head = bytes.get(..end)?;
            let from = head
                .iter()
                .rposition(|b| b.is_ascii_whitespace() || matches!(b, b'(' | b'"' | b'\'' | b'[' | b'/'))
                .map_or(0, |i| i + 1);
            (from < end && end - from <= 8).then_some(from)
        };
        let currency_at = |from: usize| -> bool {
            let Some(t) = text.get(from..) else { return false };
            // A word in lower case before a number ("in 2021", "than
            // 178,000") is a currency only as CLDR writes one (`kr`).
            let word = text.get(from..at).unwrap_or_default().trim_end();
            if word.bytes().all(|b| b.is_ascii_lowercase()) && crate::money::CurrencySymbol::find(word).is_none() {
                return false;
            }
            matches!(
                crate::money::parse::read_piece(t, self.context, Mode::Running),
                Ok(p) if p.currency.is_some() && t.len() - p.rest.len() > at - from
            ) || lead_error(t, self.context)
        };
        // Never back into what an earlier figure took.
        let token = |end: usize| token(end).filter(|from| *from >= self.pos);
        if let Some(from) = token(at) {
            if currency_at(from) {
                return Some(from);
            }
            // Glued to a word that is no currency: part of a name. Glued
            // to a mark that is no currency (`~5`, `#5`): the number alone.
            return if attached { None } else { Some(at) };
        }
        if before.last() == Some(&b' ') {
            if let Some(from) = token(at - 1) {
                if currency_at(from) {
                    return Some(from);
                }
            }
        }
        Some(at)
    }
}

/// Whether `t` starts with a currency that fails to read (`kr 100` with
/// no country): a figure, unreadable.
fn lead_error(t: &str, context: &SymbolContext) -> bool {
    // A single letter (`K2`, `L 5`) is ordinary text first.
    let symbol_len = t
        .find(|c: char| c.is_ascii_digit() || c.is_whitespace())
        .unwrap_or(t.len());
    symbol_len > 1
        && matches!(
            crate::money::parse::read_piece(t, context, Mode::Running),
            Err(crate::money::MoneyErrorKind::Symbol(
                crate::money::SymbolError::Ambiguous { .. }
            ))
        )
}

/// The end of the run of non-space bytes from `at`.
fn skip_token(bytes: &[u8], at: usize) -> usize {
    bytes
        .get(at..)
        .and_then(|b| b.iter().position(u8::is_ascii_whitespace))
        .map_or(bytes.len(), |i| i + at)
        .max(at + 1)
}

/// Where a number written in words before the magnitude word at `at`
/// ("one million", "a billion", "half a million") starts.
fn word_number_start(text: &str, at: usize) -> Option<usize> {
    let head = text.get(..at)?;
    let word_start = head.rfind(|c: char| !c.is_ascii_alphabetic()).map_or(0, |i| i + 1);
    let before = text.get(..word_start)?.strip_suffix(' ')?;
    let prev = before.rfind(|c: char| !c.is_ascii_alphabetic()).map_or(0, |i| i + 1);
    // "half a million": two words back.
    if let Some(half) = text.get(..prev).and_then(|b| b.strip_suffix(' ')) {
        let h = half.rfind(|c: char| !c.is_ascii_alphabetic()).map_or(0, |i| i + 1);
        if text
            .get(h..)
            .is_some_and(|t| t.len() > 4 && t.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("half")))
        {
            if let Some(t) = text.get(h..) {
                if number_word(t).is_some() {
                    return Some(h);
                }
            }
        }
    }
    let t = text.get(prev..)?;
    number_word(t).map(|_| prev)
}

/// Moves `start` back over a qualifier ("more than", "nearly") or
/// "between" that ends just before it.
fn qualifier_start(text: &str, start: usize) -> usize {
    let Some(before) = text.get(..start).and_then(|b| b.strip_suffix(' ')) else {
        return start;
    };
    let ends_with = |w: &str| -> Option<usize> {
        let from = before.len().checked_sub(w.len())?;
        let tail = before.get(from..)?;
        let boundary = before.get(..from).is_none_or(|h| !h.ends_with(char::is_alphanumeric));
        (tail.eq_ignore_ascii_case(w) && boundary).then_some(from)
    };
    let mut best = start;
    for (_, words) in QUALIFIER_WORDS {
        for w in *words {
            if let Some(from) = ends_with(w) {
                best = best.min(from);
            }
        }
    }
    if let Some(from) = ends_with("between") {
        best = best.min(from);
    }
    best
}

/// Whether the digits at `at` are a time (`10:30`, `3pm`) or a date
/// (`2021-06-07`, `07/06/2021`).
fn is_time_or_date(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let digits_end = bytes
        .get(at..)
        .and_then(|b| b.iter().position(|c| !c.is_ascii_digit()))
        .map_or(bytes.len(), |i| i + at);
    let after = text.get(digits_end..).unwrap_or_default();
    let mut chars = after.chars();
    match (chars.next(), chars.next()) {
        (Some(':'), Some(c)) if c.is_ascii_digit() => return true,
        (Some('/'), Some(c)) if c.is_ascii_digit() => return true,
        (Some('-'), Some(c)) if c.is_ascii_digit() => {
            // 2021-06-07: a year, then two digits and a dash; 2019-20: a
            // year and the next one's last two digits.
            let b = after.as_bytes();
            let two_digits = b.get(1..3).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
            let ends = !b.get(3).is_some_and(|d| d.is_ascii_alphanumeric());
            if digits_end - at == 4 && two_digits && (b.get(3) == Some(&b'-') || ends) {
                return true;
            }
        }
        _ => {}
    }
    let word = after.trim_start_matches(' ');
    let (w, rest) = split_word(word);
    let w = w.to_ascii_lowercase();
    (w == "am" || w == "pm" || ((w == "a" || w == "p") && rest.starts_with(".m"))) && after.len() - word.len() <= 1
}

/// Whether a reading is a year, a date, an address or a list number
/// rather than a figure.
fn not_a_figure(text: &str, start: usize, at: usize, end: usize, reading: &Reading<'_>) -> bool {
    let written = text.get(at..end).unwrap_or_default();
    let count = match reading {
        Reading::Count { count, .. } => Some(count),
        _ => None,
    };
    let Some(count) = count else { return false };
    // A year: four plain digits from 1000 to 2100, or a range of them.
    let year = |v: u64| (1000..=2100).contains(&v);
    let plain = !written.contains([',', '.'])
        && split_word(written.trim_start_matches(|c: char| c.is_ascii_digit()))
            .0
            .is_empty();
    match count.as_range() {
        Some((a, b)) if year(a) && year(b) && plain => return true,
        None if count.is_exact() && year(count.value()) && plain && written.len() >= 4 => return true,
        _ => {}
    }
    // A date: a month's name before or after.
    let before_word = text
        .get(..start)
        .and_then(|b| b.strip_suffix(' '))
        .map(|b| {
            let i = b.rfind(|c: char| !c.is_ascii_alphabetic()).map_or(0, |i| i + 1);
            b.get(i..).unwrap_or_default()
        })
        .unwrap_or_default();
    if is_month(before_word) {
        return true;
    }
    let after = text.get(end..).unwrap_or_default();
    let after_word = after.strip_prefix(' ').map(|a| split_word(a).0).unwrap_or_default();
    if is_month(after_word) {
        return true;
    }
    // An address: capitalised words ending in Street, Road, ...
    if let Some(mut a) = after.strip_prefix(' ') {
        for _ in 0..3 {
            let (w, rest) = split_word(a);
            if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
                break;
            }
            if STREETS.contains(&w) {
                return true;
            }
            match rest.strip_prefix(' ') {
                Some(r) => a = r,
                None => break,
            }
        }
    }
    false
}

/// Whether the digits at `at` start a line and are followed by `.` or
/// `)` and a space: a list number.
fn list_number(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let line_start = text.get(..at).map_or(0, |b| b.rfind('\n').map_or(0, |i| i + 1));
    if !text.get(line_start..at).is_some_and(|s| s.trim().is_empty()) {
        return false;
    }
    let end = bytes
        .get(at..)
        .and_then(|b| b.iter().position(|c| !c.is_ascii_digit()))
        .map_or(bytes.len(), |i| i + at);
    matches!(
        (bytes.get(end), bytes.get(end + 1)),
        (Some(b'.' | b')'), Some(b' ' | b'\n' | b'\t')) | (Some(b'.' | b')'), None)
    )
}
