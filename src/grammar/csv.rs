//! CSV records as RFC 4180 writes them: split by csv-core, then held to
//! the RFC strictly.
//!
//! csv-core splits a record into fields: `,` between fields, a record
//! ended by `\n`, `\r\n` or `\r`, fields optionally in double quotes,
//! within which commas and line breaks are text and `""` is a quote. It
//! never refuses anything: it reads `a"b` and `"a"b` as best it can. The
//! files the crate reads are data, where such a field is a mistake to
//! report rather than guess at, so [`Splitter`] then checks that the
//! record's text is exactly its fields written back (each as it is, or
//! quoted with its quotes doubled) and names the first field that is not.
//! That check is the only CSV logic here; the splitting is csv-core's.
//!
//! Funding records, rate tables and ECB files all read their records
//! here (funding records and ECB files put a fast path for plain rows in
//! front, which a property test holds to the same answers).

use std::ops::Range;

/// Splits CSV records, one at a time, from the start of a byte slice.
pub(crate) struct Splitter {
    core: csv_core::Reader,
    /// The fields of the last record, one after the other.
    out: Vec<u8>,
    /// Where each field of the last record ends in `out`.
    ends: Vec<usize>,
    /// How many fields the last record has.
    fields: usize,
}

/// What [`Splitter::split`] found at the start of its input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Split {
    /// A record: `input[text]` is its text, `input[..end]` everything it
    /// used (the blank lines before it and its line break included). Its
    /// fields are [`Splitter::fields`], or `bad` names the first field
    /// that is not correctly quoted.
    Record {
        text: Range<usize>,
        end: usize,
        bad: Option<BadQuote>,
    },
    /// The input ends within a record (never at the end of the input):
    /// `input[..blank]` are blank lines that can be consumed meanwhile.
    Partial { blank: usize },
    /// No record: the input holds only blank lines, `input[..blank]`,
    /// and ends.
    End { blank: usize },
}

/// A field that is not correctly quoted: a quote inside an unquoted field
/// (`a"b`), text after a closing quote (`"a"b`), or no closing quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BadQuote {
    /// The field's index (0 for the first).
    pub(crate) field: usize,
    /// The text to quote in the error, within the record's text: the
    /// field, or for a quoted field, from its start to the end of the
    /// record.
    pub(crate) text: Range<usize>,
}

impl Splitter {
    pub(crate) fn new() -> Splitter {
        Splitter {
            core: csv_core::Reader::new(),
            out: vec![0; 256],
            ends: vec![0; 16],
            fields: 0,
        }
    }

    /// Splits the record at the start of `input`, after any blank lines.
    /// `eof` says that nothing follows `input`; otherwise a record that
    /// may continue past its end is [`Split::Partial`].
    pub(crate) fn split(&mut self, input: &[u8], eof: bool) -> Split {
        self.fields = 0;
        let blank = input.iter().take_while(|&&b| b == b'\n' || b == b'\r').count();
        let body = input.get(blank..).unwrap_or_default();
        if body.is_empty() {
            return if eof {
                Split::End { blank }
            } else {
                Split::Partial { blank }
            };
        }
        self.core.reset();
        // A fresh reader drops a UTF-8 byte-order mark before its first
        // record; a record's own text keeps it (loaders strip the file's).
        let _ = self.core.read_record(b"\n", &mut self.out, &mut self.ends);
        let (mut nin, mut nout, mut nend) = (0usize, 0usize, 0usize);
        loop {
            let rest = body.get(nin..).unwrap_or_default();
            if rest.is_empty() && !eof {
                return Split::Partial { blank };
            }
            let out = self.out.get_mut(nout..).unwrap_or_default();
            let ends = self.ends.get_mut(nend..).unwrap_or_default();
            let (result, i, o, e) = self.core.read_record(rest, out, ends);
            nin += i;
            nout += o;
            nend += e;
            match result {
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull => self.out.resize(self.out.len() * 2, 0),
                csv_core::ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                csv_core::ReadRecordResult::Record => break,
                csv_core::ReadRecordResult::End => return Split::End { blank },
            }
        }
        // The record ends with its line break, `\r\n` whole: a `\r` last
        // in an input that goes on may be the first half.
        let mut end = nin;
        if body.get(end.wrapping_sub(1)) == Some(&b'\r') {
            match body.get(end) {
                Some(b'\n') => end += 1,
                None if !eof => return Split::Partial { blank },
                _ => {}
            }
        }
        self.fields = nend;
        // csv-core ends a record at a line break outside quotes, so only
        // that line break is set aside here, never a field's own.
        let text = body.get(..end).unwrap_or_default();
        let text = text.get(..terminator_start(text)).unwrap_or_default();
        let bad = self.check(text);
        Split::Record {
            text: blank..blank + text.len(),
            end: blank + end,
            bad,
        }
    }

    /// The fields of the record last split.
    pub(crate) fn fields(&self) -> Fields<'_> {
        Fields {
            out: &self.out,
            ends: self.ends.get(..self.fields).unwrap_or_default(),
        }
    }

    /// Checks that `text` is the fields of the last record written back,
    /// each as it is (without quotes) or quoted with its quotes doubled.
    fn check(&self, text: &[u8]) -> Option<BadQuote> {
        let mut at = 0;
        let count = self.fields;
        for (i, field) in self.fields().iter().enumerate() {
            let start = at;
            let bad = |end: usize| {
                Some(BadQuote {
                    field: i,
                    text: start..end,
                })
            };
            if text.get(at) == Some(&b'"') {
                at += 1;
                for &b in field {
                    let want: &[u8] = if b == b'"' { b"\"\"" } else { std::slice::from_ref(&b) };
                    if text.get(at..at + want.len()) != Some(want) {
                        return bad(text.len());
                    }
                    at += want.len();
                }
                if text.get(at) != Some(&b'"') {
                    return bad(text.len());
                }
                at += 1;
                if i + 1 < count && text.get(at) != Some(&b',') || i + 1 == count && at != text.len() {
                    return bad(text.len());
                }
            } else {
                let end = at + field.len();
                if text.get(at..end) != Some(field) || field.contains(&b'"') {
                    let stop = text.get(at..).and_then(|t| t.iter().position(|&b| b == b','));
                    return bad(stop.map_or(text.len(), |p| at + p));
                }
                at = end;
            }
            at += 1; // the comma
        }
        None
    }
}

/// Where the line break that ends `record` starts (its length if none).
fn terminator_start(record: &[u8]) -> usize {
    match record {
        [.., b'\r', b'\n'] => record.len() - 2,
        [.., b'\n' | b'\r'] => record.len() - 1,
        _ => record.len(),
    }
}

/// The fields of a record.
#[derive(Clone, Copy)]
pub(crate) struct Fields<'a> {
    out: &'a [u8],
    ends: &'a [usize],
}

impl<'a> Fields<'a> {
    /// How many fields.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// Field `i`.
    pub(crate) fn get(&self, i: usize) -> Option<&'a [u8]> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { *self.ends.get(i - 1)? };
        self.out.get(start..end)
    }

    /// The fields in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &'a [u8]> + 'a {
        let (out, ends) = (self.out, self.ends);
        (0..ends.len()).filter_map(move |i| Fields { out, ends }.get(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every record of `input` as the splitter reads it: its fields, or
    /// the first badly quoted field's index and text; with the line
    /// (1-based, counting `\n`) where it starts.
    /// A record's fields, or its first badly quoted field and its text.
    type Read = Result<Vec<Vec<u8>>, (usize, Vec<u8>)>;

    fn records(input: &[u8]) -> Vec<(u64, Read)> {
        let mut s = Splitter::new();
        let mut out = Vec::new();
        let mut at = 0;
        let mut line = 1u64;
        loop {
            let rest = &input[at..];
            match s.split(rest, true) {
                Split::Record { text, end, bad } => {
                    let start = line + rest[..text.start].iter().filter(|&&b| b == b'\n').count() as u64;
                    let r = match bad {
                        None => Ok(s.fields().iter().map(<[u8]>::to_vec).collect()),
                        Some(b) => Err((b.field, rest[text.start..][b.text].to_vec())),
                    };
                    out.push((start, r));
                    line += rest[..end].iter().filter(|&&b| b == b'\n').count() as u64;
                    at += end;
                }
                Split::End { .. } => return out,
                Split::Partial { .. } => unreachable!("eof"),
            }
        }
    }

    fn ok(fields: &[&str]) -> Read {
        Ok(fields.iter().map(|f| f.as_bytes().to_vec()).collect())
    }

    #[test]
    fn records_fields_and_lines() {
        assert_eq!(
            records(b"a,b\n\n\"c\nd\",\"e\"\"f\"\r\ng,\r\n"),
            [(1, ok(&["a", "b"])), (3, ok(&["c\nd", "e\"f"])), (5, ok(&["g", ""]))]
        );
        assert_eq!(records(b"a"), [(1, ok(&["a"]))]);
        assert_eq!(records(b"\n\r\n"), []);
        assert_eq!(records(b"x\ry\n"), [(1, ok(&["x"])), (1, ok(&["y"]))]);
        assert_eq!(records("\u{feff}a\n".as_bytes()), [(1, ok(&["\u{feff}a"]))]);
    }

    #[test]
    fn bad_quotes_are_named() {
        let bad = |field: usize, text: &str| Err((field, text.as_bytes().to_vec()));
        assert_eq!(records(b"a\"b,c\n"), [(1, bad(0, "a\"b"))]);
        assert_eq!(records(b"x,\"a\"b,c\n"), [(1, bad(1, "\"a\"b,c"))]);
        assert_eq!(records(b"x,\"open,c\nd\n"), [(1, bad(1, "\"open,c\nd"))]);
        assert_eq!(records(b"\"a\" ,b\n"), [(1, bad(0, "\"a\" ,b"))]);
        assert_eq!(records(b"a,\"\"\n"), [(1, ok(&["a", ""]))]);
    }

    #[test]
    fn partial_records_wait_for_more() {
        let mut s = Splitter::new();
        assert_eq!(s.split(b"\na,\"b\n", false), Split::Partial { blank: 1 });
        assert_eq!(s.split(b"a,b", false), Split::Partial { blank: 0 });
        assert_eq!(s.split(b"a,b\r", false), Split::Partial { blank: 0 });
        assert_eq!(s.split(b"\n\n", false), Split::Partial { blank: 2 });
        assert_eq!(
            s.split(b"a,b\r\nc", false),
            Split::Record {
                text: 0..3,
                end: 5,
                bad: None
            }
        );
        assert_eq!(
            s.split(b"a,b", true),
            Split::Record {
                text: 0..3,
                end: 3,
                bad: None
            }
        );
    }

    /// CSV-ish text: fields of letters, commas, quotes and line breaks.
    fn csvish() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(prop::sample::select(&b"ab,\"\n\r \xef"[..]), 0..60)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Record by record, the fields and lines of the `csv` crate: the
        /// splitter refuses only what it reads otherwise than as written
        /// (a quote out of place), and then names a field.
        #[test]
        fn agrees_with_the_csv_crate(input in csvish()) {
            let ours = records(&input);
            let mut theirs = Vec::new();
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(input.as_slice());
            for r in reader.byte_records() {
                let r = r.unwrap();
                // The csv crate places a record where its blank lines
                // start; the splitter names the line its text starts on.
                let at = usize::try_from(r.position().unwrap().byte()).unwrap();
                let blank = input[at..].iter().take_while(|&&b| b == b'\n' || b == b'\r').count();
                let line = 1 + input[..at + blank].iter().filter(|&&b| b == b'\n').count() as u64;
                theirs.push((line, r.iter().map(<[u8]>::to_vec).collect::<Vec<_>>()));
            }
            prop_assert_eq!(ours.len(), theirs.len(), "{:?}", String::from_utf8_lossy(&input));
            for ((line, ours), (their_line, fields)) in ours.iter().zip(&theirs) {
                prop_assert_eq!(line, their_line);
                match ours {
                    Ok(mine) => prop_assert_eq!(mine, fields),
                    Err((field, _)) => prop_assert!(
                        *field < fields.len() && input.contains(&b'"'),
                        "{:?}", String::from_utf8_lossy(&input)
                    ),
                }
            }
        }

        /// Fields written the way RFC 4180 writes them read back as they
        /// were, whatever they hold.
        #[test]
        fn reads_back_what_is_written(rows in prop::collection::vec(prop::collection::vec("[a-z,\"\n\r ]{0,6}", 1..5), 1..5)) {
            let mut text = Vec::new();
            for row in &rows {
                let fields: Vec<String> = row
                    .iter()
                    .map(|f| {
                        if f.contains([',', '"', '\n', '\r']) || f.is_empty() {
                            format!("\"{}\"", f.replace('"', "\"\""))
                        } else {
                            f.clone()
                        }
                    })
                    .collect();
                text.extend_from_slice(fields.join(",").as_bytes());
                text.extend_from_slice(b"\r\n");
            }
            let back: Vec<Vec<String>> = records(&text)
                .into_iter()
                .map(|(_, r)| r.unwrap().into_iter().map(|f| String::from_utf8(f).unwrap()).collect())
                .collect();
            prop_assert_eq!(back, rows);
        }
    }
}
