//! `Reader`: the transactions of one IATI activity file, streamed.
//!
//! The file is read in blocks of about a megabyte, each parsed by
//! quick-xml's borrowing reader (no copy per event). A block is cut
//! after the last point outside an activity that it reaches; the rest
//! (at most a part of one activity) is carried into the next block and
//! parsed again there. So memory is a block plus one activity, whatever
//! the size of the file, and an activity is read whole before its
//! transactions are given out (elements after them still apply).

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use quick_xml::events::{BytesStart, Event};

use super::attributes::{read_attributes, Spans};
use super::encoding::{Encoding, Label};
use super::error::{Error, ErrorKind, XmlError};
use super::plain::{self, Token};
use super::transaction::{
    Activity, Counts, DateSource, Reason, Rejected, Share, Skipped, Transaction, TransactionOutcome,
};
use super::{text, CountryCode, CurrencyCode, Location, OrgRef, RecipientCode, RegionCode, TypeCode, TypeFilter};
use crate::Excerpt;

/// Bytes read at a time. Larger blocks gain nothing measurable; an
/// activity larger than a block grows it (doubling) until it fits.
const BLOCK: usize = 1 << 20;

/// Bytes read at a time past the end of a part read whole
/// ([`Reader::part`]): enough for the next activity's start tag.
const TAIL: usize = 16 << 10;

/// The transactions of one IATI activity file (versions 1.0x and 2.0x),
/// streamed: an iterator of one [`TransactionOutcome`] per `<transaction>`, in file
/// order, then `None`; or an [`Error`] where the file stops making sense,
/// after the entries of the activities completed before it.
///
/// Every `<iati-activity>` (no XML namespace) is read, wherever it sits
/// under a root `<iati-activities>`, a bare `<iati-activity>` root or a
/// datastore `<result>` wrapper; what is read of it is listed in the
/// [module documentation](super). Transactions of a type the
/// [`TypeFilter`] does not select (by default 3 and 4, disbursements and
/// expenditure) are [`TransactionOutcome::Skipped`]; the others are checked in this
/// order, the first failure making them [`TransactionOutcome::Rejected`]: currency,
/// amount, date.
///
/// Memory is bounded by about a megabyte plus the largest activity,
/// whatever the size of the file.
///
/// ```
/// use statecraft::iati::{TransactionOutcome, Reader, Recipients};
///
/// let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
/// <iati-activities version="2.03">
///  <iati-activity default-currency="GBP">
///   <iati-identifier>GB-GOV-1-300708</iati-identifier>
///   <transaction>
///    <transaction-type code="3"/>
///    <value value-date="2021-06-07">219000000</value>
///   </transaction>
///   <reporting-org ref="GB-GOV-1"/>
///   <recipient-country code="GT" percentage="60"/>
///   <recipient-country code="HN" percentage="40"/>
///  </iati-activity>
/// </iati-activities>"#;
/// let entries = Reader::new(xml.as_bytes()).collect::<Result<Vec<_>, _>>()?;
/// let TransactionOutcome::Transaction(t) = &entries[0] else { panic!("not summed") };
/// assert_eq!(t.amount().to_string(), "219000000");
/// assert_eq!(t.currency().to_string(), "GBP");
/// assert_eq!(t.donor().map(|d| d.as_str()), Some("GB-GOV-1"));
/// let Recipients::Split(activity) = t.recipients() else { panic!("no split") };
/// let keys: Vec<String> = activity.shares().iter().map(|s| format!("{} {}", s.recipient, s.percentage)).collect();
/// assert_eq!(keys, ["GT 60", "HN 40"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Reader<R> {
    source: R,
    block_size: usize,
    file: Option<PathBuf>,
    started: bool,
    /// Whether `block` holds bytes not parsed yet ([`Reader::part`]).
    preloaded: bool,
    eof: bool,
    encoding: Encoding,
    declared: bool,
    /// Raw bytes, for single-byte encodings (decoded into `block`).
    raw: Vec<u8>,
    /// UTF-8 text; `block[0]` is at `base`.
    block: Vec<u8>,
    base: Mark,
    /// `block[..checked]` has been checked for bad bytes and characters.
    checked: usize,
    /// The first place in `block` that must not be parsed, and why.
    stop: Option<(usize, ErrorKind)>,
    parser: Parser,
    /// Whether activities go through the fast path ([`plain`]).
    plain: bool,
    /// The fast path's room to work in.
    room: plain::Room,
    pending: VecDeque<TransactionOutcome>,
    error: Option<Error>,
    finished: bool,
}

impl<R: Read> Reader<R> {
    /// A reader of `source`, selecting the default types (3 and 4).
    pub fn new(source: R) -> Reader<R> {
        Reader {
            source,
            block_size: BLOCK,
            file: None,
            started: false,
            preloaded: false,
            eof: false,
            encoding: Encoding::Utf8,
            declared: false,
            raw: Vec::new(),
            block: Vec::new(),
            base: Mark::START,
            checked: 0,
            stop: None,
            parser: Parser::new(TypeFilter::default()),
            plain: true,
            room: plain::Room::default(),
            pending: VecDeque::new(),
            error: None,
            finished: false,
        }
    }

    /// Selects the transaction types to pass; the others are skipped.
    pub fn types(mut self, filter: TypeFilter) -> Reader<R> {
        self.parser.filter = filter;
        self
    }

    /// Names the file in errors.
    pub fn named(mut self, file: impl Into<PathBuf>) -> Reader<R> {
        self.file = Some(file.into());
        self
    }

    /// Reads `n` bytes at a time (tests cut the input everywhere).
    #[cfg(test)]
    pub(crate) fn block_size(mut self, n: usize) -> Reader<R> {
        self.block_size = n.max(1);
        self
    }

    /// Reads every activity through quick-xml (tests compare the paths).
    #[cfg(test)]
    pub(crate) fn without_fast_path(mut self) -> Reader<R> {
        self.plain = false;
        self
    }

    /// What has been read so far; complete once the iterator has
    /// returned `None`.
    pub fn counts(&self) -> &Counts {
        &self.parser.counts
    }

    /// A reader of part of a file, from an activity's start tag at
    /// `base` (a byte offset and line) on, in the context (encoding, open
    /// elements) `head` found before the file's first activity; stops
    /// before the first activity at or after `until`. `bytes` are the
    /// part's, already read: `source` goes on after them (to where the
    /// next part starts), and `eof` says the file ends with them.
    pub(crate) fn part(
        source: R,
        head: &Head,
        base: Location,
        until: Option<u64>,
        bytes: Vec<u8>,
        eof: bool,
    ) -> Reader<R> {
        let mut r = Reader::new(source);
        r.started = true;
        r.preloaded = true;
        // Past the part, only the next activity's start tag is read.
        r.block_size = TAIL;
        r.eof = eof;
        r.encoding = head.encoding;
        r.declared = head.declared;
        r.base = Mark {
            pos: 0,
            line: base.line,
            offset: base.offset,
        };
        r.parser.root = Root::Open;
        r.parser.first_event = false;
        r.parser.outer = head.outer.clone();
        r.parser.until = until;
        if r.encoding.is_single_byte() {
            r.append(&bytes);
            r.raw = bytes;
        } else {
            r.block = bytes;
            r.check();
        }
        r
    }

    /// The reader's block, to read the next part into (its memory reused).
    pub(crate) fn into_block(self) -> Vec<u8> {
        self.block
    }

    /// Stops before the first activity at or after file offset `until`.
    pub(crate) fn until(mut self, until: u64) -> Reader<R> {
        self.parser.until = Some(until);
        self
    }

    /// Where it stopped for [`until`](Reader::until) (the offset of an
    /// activity's start tag), and the elements open there; `None` when it
    /// read to the end.
    pub(crate) fn stop(&self) -> Option<(u64, Head)> {
        let offset = self.parser.stopped?;
        Some((
            offset,
            Head {
                encoding: self.encoding,
                declared: self.declared,
                outer: self.parser.outer.clone(),
            },
        ))
    }

    /// Reads the next block and parses it.
    fn advance(&mut self) -> Result<(), Error> {
        if self.preloaded {
            self.preloaded = false;
        } else if self.started {
            self.fill()?;
        } else {
            self.start()?;
        }
        self.parse_block()
    }

    /// Reads the first block: byte-order mark, encoding declaration.
    fn start(&mut self) -> Result<(), Error> {
        self.started = true;
        let mut first = Vec::new();
        // Enough for any XML declaration, however small the blocks.
        let want = self.block_size.max(1024);
        read_up_to(&mut self.source, &mut first, want).map_err(|e| self.io_error(e))?;
        if first.len() < want {
            self.eof = true;
        }
        let at_start = |kind| Error::new(kind).at(Location { offset: 0, line: 1 });
        let bom = if first.starts_with(b"\xEF\xBB\xBF") {
            3
        } else if first.starts_with(b"\xFE\xFF")
            || first.starts_with(b"\xFF\xFE")
            || first.starts_with(b"\0<")
            || first.starts_with(b"<\0")
            || first.starts_with(b"\0\0")
        {
            return Err(self.named_error(at_start(ErrorKind::Utf16)));
        } else {
            0
        };
        let body = first.get(bom..).unwrap_or_default();
        match body.iter().position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n')) {
            None => return Err(self.named_error(at_start(ErrorKind::NoRoot))),
            Some(i) if body.get(i) != Some(&b'<') => {
                let head = body.get(i..).unwrap_or_default();
                let head = head.get(..head.len().min(240)).unwrap_or_default();
                let shown = String::from_utf8_lossy(head);
                let line = shown.lines().next().unwrap_or_default();
                return Err(self.named_error(at_start(ErrorKind::NotXml(Excerpt::new(line)))));
            }
            Some(_) => {}
        }
        if bom > 0 {
            // The byte-order mark says UTF-8, whatever a declaration
            // says (as libxml2 reads it).
            self.declared = true;
        } else if let Some(label) = declared_encoding(body) {
            self.declared = true;
            match Encoding::from_label(&label) {
                Label::Known(e) => self.encoding = e,
                Label::Unsupported => {
                    let kind = ErrorKind::UnsupportedEncoding(Excerpt::new(&label));
                    return Err(self.named_error(at_start(kind)));
                }
            }
        }
        self.base = Mark {
            pos: 0,
            line: 1,
            offset: bom as u64,
        };
        self.append(body);
        Ok(())
    }

    /// Reads the next bytes after what `block` holds: a block, or as much
    /// as `block` already holds when an activity fills it.
    fn fill(&mut self) -> Result<(), Error> {
        let want = self.block_size.max(self.block.len());
        if !self.encoding.is_single_byte() {
            // UTF-8 needs no decoding: read straight into the block.
            let n = read_up_to(&mut self.source, &mut self.block, want).map_err(|e| self.io_error(e))?;
            self.eof = n < want;
            self.check();
            return Ok(());
        }
        let mut raw = std::mem::take(&mut self.raw);
        raw.clear();
        let n = read_up_to(&mut self.source, &mut raw, want).map_err(|e| self.io_error(e))?;
        self.eof = n < want;
        self.append(&raw);
        self.raw = raw;
        Ok(())
    }

    /// Appends raw bytes to `block`, decoded, and checks them.
    fn append(&mut self, raw: &[u8]) {
        if self.encoding.is_single_byte() {
            if let Err(i) = self.encoding.decode_into(raw, &mut self.block) {
                let byte = raw.get(i).copied().unwrap_or_default();
                let kind = ErrorKind::Undecodable {
                    byte,
                    encoding: self.encoding.name(),
                };
                self.stop.get_or_insert((self.block.len(), kind));
            }
        } else {
            self.block.extend_from_slice(raw);
        }
        self.check();
    }

    /// Checks `block[checked..]`: no byte over 0x7F in US-ASCII, no
    /// control character. UTF-8 is checked as the block is parsed
    /// ([`parse_block`](Reader::parse_block)), once.
    fn check(&mut self) {
        let limit = self.stop.as_ref().map_or(self.block.len(), |(p, _)| *p);
        let new = self.block.get(self.checked..limit).unwrap_or_default();
        let mut bad: Option<(usize, ErrorKind)> = None;
        if self.encoding == Encoding::Ascii {
            if let Some(i) = new.iter().position(|&b| b >= 0x80) {
                let kind = ErrorKind::Undecodable {
                    byte: new.get(i).copied().unwrap_or_default(),
                    encoding: self.encoding.name(),
                };
                bad = Some((i, kind));
            }
        }
        let scan = bad.as_ref().map_or(new.len(), |(i, _)| *i);
        if let Some(i) = find_control(new.get(..scan).unwrap_or_default()) {
            let c = new.get(i).copied().unwrap_or_default();
            bad = Some((i, ErrorKind::ForbiddenCharacter(u32::from(c))));
        }
        match bad {
            Some((i, kind)) => self.stop = Some((self.checked + i, kind)),
            None => self.checked += new.len(),
        }
    }

    /// Parses `block` up to the last point outside an activity that it
    /// reaches (all of it at the end of the file), and keeps the rest.
    fn parse_block(&mut self) -> Result<(), Error> {
        let limit = self.stop.as_ref().map_or(self.block.len(), |(p, _)| *p);
        // The block as text, checked for UTF-8 (the part before `checked`
        // again: at most an activity carried from the block before). A
        // bad byte, or a character cut by the end of the file, stops it
        // there; a character cut by the end of the block waits for the
        // next bytes.
        let (text, limit) = match std::str::from_utf8(self.block.get(..limit).unwrap_or_default()) {
            Ok(t) => (t, limit),
            Err(e) => {
                let at = e.valid_up_to();
                let valid = self.block.get(..at).unwrap_or_default();
                let text = std::str::from_utf8(valid).unwrap_or_default();
                if e.error_len().is_some() || self.eof {
                    let kind = ErrorKind::InvalidUtf8 {
                        declared: self.declared,
                    };
                    self.stop = Some((at, kind));
                    (text, at)
                } else {
                    (text, limit)
                }
            }
        };
        let complete = self.eof || self.stop.is_some();
        let data = self.block.get(..limit).unwrap_or_default();
        // The text for the fast path: up to the block's last `>` (no
        // character is cut there), all of it at the end.
        let upto = if complete {
            data.len()
        } else {
            memchr::memrchr(b'>', data).map_or(0, |i| i + 1)
        };
        let text = text.get(..upto.min(text.len())).unwrap_or_default();
        let mut xml = xml_reader(data);
        // `xml` reads `data[shift..]`: it starts again after each activity
        // the fast path reads.
        let mut shift = 0;
        let mut locator = Locator {
            data,
            mark: self.base,
            single_byte: self.encoding.is_single_byte(),
        };
        let mut boundary = self.base;
        let parser = &mut self.parser;
        let pending = &mut self.pending;
        let fail = |kind: ErrorKind, pos: usize, locator: &mut Locator<'_>, parser: &Parser| {
            Error::new(kind).at(locator.seek(pos)).in_activity(parser.identifier())
        };
        loop {
            let start = data.len() - xml.get_ref().len();
            if self.plain && parser.activity.is_none() {
                if let Some(at) = parser.plain_activity_at(text, start) {
                    match parser.read_plain(text, at, &mut locator, pending, &mut self.room) {
                        plain::Outcome::Done(end) => {
                            if parser.stopped.is_some() {
                                self.finished = true;
                                return Ok(());
                            }
                            boundary = locator.seek_mark(end);
                            xml = xml_reader(data.get(end..).unwrap_or_default());
                            shift = end;
                            continue;
                        }
                        plain::Outcome::Short if !complete => break,
                        // Read through quick-xml, from the same place.
                        plain::Outcome::Short | plain::Outcome::Declined => parser.forget_partial(),
                    }
                }
            }
            let event = xml.read_event();
            let end = data.len() - xml.get_ref().len();
            let at_end = end >= data.len();
            // The data ran out in this event: with more, it may read.
            let cut = match &event {
                Ok(Event::Eof) => true,
                Ok(_) => at_end,
                Err(e) => at_end || ran_out(e),
            };
            let event = match event {
                Ok(Event::Eof) | Err(_) if cut && !complete => break,
                Ok(Event::Eof) | Err(_) if cut && self.stop.is_some() => {
                    let (at, kind) = self.stop.take().unwrap_or((limit, ErrorKind::NoRoot));
                    return Err(fail(kind, at, &mut locator, parser));
                }
                Ok(Event::Eof) => {
                    parser
                        .finish()
                        .map_err(|kind| fail(kind, data.len(), &mut locator, parser))?;
                    self.finished = true;
                    return Ok(());
                }
                Err(e) => {
                    let at = shift + pos(xml.error_position());
                    return Err(fail(xml_error(e), at, &mut locator, parser));
                }
                Ok(_) if at_end && !complete => break,
                Ok(event) => event,
            };
            // The events of an activity's content go straight to their
            // handlers (the others through `handle`).
            let handled = match event {
                Event::Start(e) if parser.activity.is_some() => {
                    parser.first_event = false;
                    parser.open(&e, false, start, None, &mut locator, pending)
                }
                Event::Empty(e) if parser.activity.is_some() => {
                    parser.first_event = false;
                    parser.open(&e, true, start, None, &mut locator, pending)
                }
                Event::End(_) if parser.activity.is_some() => {
                    parser.first_event = false;
                    parser.close_in_activity(pending);
                    Ok(())
                }
                Event::Text(_) if parser.activity.is_some() && parser.gathering.is_none() => {
                    parser.first_event = false;
                    Ok(())
                }
                event => parser.handle(event, start, &mut locator, pending),
            };
            handled.map_err(|kind| fail(kind, start, &mut locator, parser))?;
            if parser.activity.is_none() {
                if parser.stopped.is_some() {
                    self.finished = true;
                    return Ok(());
                }
                boundary = locator.seek_mark(end);
            }
        }
        // Keep what follows the boundary for the next block.
        parser.forget_partial();
        self.block.drain(..boundary.pos);
        self.checked = self.checked.saturating_sub(boundary.pos);
        self.base = Mark { pos: 0, ..boundary };
        Ok(())
    }

    fn io_error(&self, e: io::Error) -> Error {
        self.named_error(Error::new(ErrorKind::Io(e)))
    }

    fn named_error(&self, e: Error) -> Error {
        match &self.file {
            Some(f) => e.in_file(f),
            None => e,
        }
    }
}

impl Reader<File> {
    /// Opens the file at `path`; errors name it.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`] when it cannot be opened.
    ///
    /// ```no_run
    /// use statecraft::iati::Reader;
    ///
    /// let mut reader = Reader::open("activities.xml")?;
    /// for entry in reader.by_ref() {
    ///     entry?;
    /// }
    /// println!("{}", reader.counts());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open(path: impl AsRef<Path>) -> Result<Reader<File>, Error> {
        let path = path.as_ref();
        let file = File::open(path).map_err(|e| Error::new(ErrorKind::Io(e)).in_file(path))?;
        Ok(Reader::new(file).named(path))
    }
}

impl<R: Read> Iterator for Reader<R> {
    type Item = Result<TransactionOutcome, Error>;

    fn next(&mut self) -> Option<Result<TransactionOutcome, Error>> {
        loop {
            if let Some(entry) = self.pending.pop_front() {
                return Some(Ok(entry));
            }
            if let Some(e) = self.error.take() {
                return Some(Err(e));
            }
            if self.finished {
                return None;
            }
            if let Err(e) = self.advance() {
                self.finished = true;
                self.error = Some(self.named_error(e));
            }
        }
    }
}

/// What a part of a file needs to know of what comes before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Head {
    encoding: Encoding,
    declared: bool,
    outer: Vec<Outer>,
}

/// Reads until `want` bytes are appended to `out` or the source ends;
/// returns how many were.
fn read_up_to<R: Read>(source: &mut R, out: &mut Vec<u8>, want: usize) -> io::Result<usize> {
    // `read_to_end` grows the buffer as data comes (a small file costs
    // little) and retries interrupted reads.
    source.take(u64::try_from(want).unwrap_or(u64::MAX)).read_to_end(out)
}

/// The `encoding` of an XML declaration at the start of `body`, if it
/// has one.
fn declared_encoding(body: &[u8]) -> Option<String> {
    if !(body.starts_with(b"<?xml") && body.get(5).is_some_and(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))) {
        return None;
    }
    let end = memchr::memmem::find(body, b"?>")?;
    let decl = std::str::from_utf8(body.get(..end + 2)?).ok()?;
    let mut xml = quick_xml::Reader::from_str(decl);
    match xml.read_event() {
        Ok(Event::Decl(d)) => d.encoding().and_then(Result::ok).map(|e| text::strip(&e).to_string()),
        _ => None,
    }
}

/// Where the first control character XML forbids is (all but tab, line
/// feed and carriage return), scanning 64 bytes at a time without
/// branching.
fn find_control(bytes: &[u8]) -> Option<usize> {
    let forbidden = |b: u8| b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r';
    let mut offset = 0;
    for chunk in bytes.chunks(64) {
        if chunk.iter().fold(false, |any, &b| any | forbidden(b)) {
            return chunk.iter().position(|&b| forbidden(b)).map(|i| offset + i);
        }
        offset += chunk.len();
    }
    None
}

/// quick-xml's borrowing reader over `data`, as the reader sets it.
fn xml_reader(data: &[u8]) -> quick_xml::Reader<&[u8]> {
    let mut xml = quick_xml::Reader::from_reader(data);
    let config = xml.config_mut();
    config.allow_unmatched_ends = true; // ends of elements opened before `data`: checked by `Parser`
    config.check_comments = true;
    xml
}

fn pos(p: u64) -> usize {
    usize::try_from(p).unwrap_or(usize::MAX)
}

/// Whether quick-xml stopped because the input ended (inside a tag, a
/// comment, a reference...), not because of what it read.
fn ran_out(e: &quick_xml::Error) -> bool {
    use quick_xml::errors::IllFormedError;
    matches!(
        e,
        quick_xml::Error::Syntax(_)
            | quick_xml::Error::IllFormed(IllFormedError::UnclosedReference | IllFormedError::MissingEndTag(_))
            | quick_xml::Error::Encoding(_)
    )
}

/// quick-xml's error, as this reader names it.
fn xml_error(e: quick_xml::Error) -> ErrorKind {
    use quick_xml::errors::IllFormedError;
    match e {
        quick_xml::Error::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => ErrorKind::MismatchedEnd {
            expected: Excerpt::new(&expected),
            found: Excerpt::new(&found),
        },
        quick_xml::Error::IllFormed(IllFormedError::UnmatchedEndTag(found)) => {
            ErrorKind::UnmatchedEnd(Excerpt::new(&found))
        }
        quick_xml::Error::Encoding(_) => ErrorKind::InvalidUtf8 { declared: true },
        quick_xml::Error::IllFormed(IllFormedError::UnclosedReference) => ErrorKind::LoneAmpersand,
        other => ErrorKind::Xml(XmlError(other)),
    }
}

/// The line feeds in `bytes`, counted in byte-wide lanes 255 bytes at a
/// time (no lane can overflow): vector instructions with no call or set-up,
/// quicker than `memchr`'s count on the short spans between elements.
pub(crate) fn line_feeds(bytes: &[u8]) -> u64 {
    bytes
        .chunks(255)
        .map(|chunk| u64::from(chunk.iter().fold(0u8, |n, &b| n.wrapping_add(u8::from(b == b'\n')))))
        .sum()
}

/// A place in the block and where it is in the file.
#[derive(Clone, Copy, Debug)]
struct Mark {
    pos: usize,
    line: u64,
    offset: u64,
}

impl Mark {
    const START: Mark = Mark {
        pos: 0,
        line: 1,
        offset: 0,
    };
}

/// Turns places in the block into file locations, counting lines (and,
/// for decoded text, characters) incrementally.
struct Locator<'a> {
    /// The block.
    data: &'a [u8],
    mark: Mark,
    single_byte: bool,
}

impl Locator<'_> {
    fn seek_mark(&mut self, to: usize) -> Mark {
        let data = self.data;
        let to = to.min(data.len());
        let (from, upto, forward) = if to >= self.mark.pos {
            (self.mark.pos, to, true)
        } else {
            (to, self.mark.pos, false)
        };
        let span = data.get(from..upto).unwrap_or_default();
        let lines = line_feeds(span);
        // Each character of decoded text was one byte of the file.
        let bytes = if self.single_byte {
            span.iter().filter(|&&b| (b as i8) >= -0x40).count() as u64
        } else {
            span.len() as u64
        };
        if forward {
            self.mark.line += lines;
            self.mark.offset += bytes;
        } else {
            self.mark.line -= lines;
            self.mark.offset -= bytes;
        }
        self.mark.pos = to;
        self.mark
    }

    fn seek(&mut self, to: usize) -> Location {
        let m = self.seek_mark(to);
        Location {
            offset: m.offset,
            line: m.line,
        }
    }
}

/// Where the parser is, outside activities.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Root {
    NotYet,
    Open,
    Closed,
}

/// An element open outside activities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Outer {
    name: Box<str>,
    /// Whether a default namespace is in force inside it.
    namespaced: bool,
}

/// What an element inside an activity is to the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Activity,
    Transaction,
    Identifier,
    ReportingOrg,
    ActivityCountry,
    ActivityRegion,
    TransactionType,
    Value,
    TransactionDate,
    ProviderOrg,
    TransactionCountry,
    TransactionRegion,
    Other,
}

impl Role {
    /// The attributes read of an element in this role.
    fn attributes(self) -> &'static [&'static str] {
        match self {
            Role::Activity => &["default-currency"],
            Role::ReportingOrg | Role::ProviderOrg => &["ref"],
            Role::ActivityCountry => &["code", "percentage"],
            Role::ActivityRegion => &["code", "vocabulary", "percentage"],
            Role::TransactionType => &["code"],
            Role::Value => &["currency", "value-date"],
            Role::TransactionDate => &["iso-date"],
            Role::TransactionCountry => &["code"],
            Role::TransactionRegion => &["code", "vocabulary"],
            Role::Transaction | Role::Identifier | Role::Other => &[],
        }
    }
}

/// An element open inside an activity.
#[derive(Clone, Copy)]
struct Level {
    role: Role,
    namespaced: bool,
}

/// Whose text is being gathered (the text before an element's first
/// child, as lxml's `.text`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gathering {
    Identifier,
    Value,
}

/// A percentage as written.
#[derive(Clone, Copy, Debug)]
enum Percentage {
    Absent,
    Written(rust_decimal::Decimal),
    NotADecimal,
}

/// An activity being read.
struct ActivityDraft {
    at: Location,
    default_currency: Option<CurrencyCode>,
    identifier: Option<Box<str>>,
    identifier_seen: bool,
    reporting_org: Option<OrgRef>,
    reporting_org_seen: bool,
    recipients: Vec<(RecipientCode, Percentage)>,
    transactions: Vec<TransactionDraft>,
}

/// The amount of a transaction, as far as it was read.
#[derive(Clone, Debug)]
enum Amount {
    NoValue,
    Read(rust_decimal::Decimal),
    Unreadable(Reason),
}

/// A date attribute, as far as it was read.
#[derive(Clone, Debug)]
enum DateField {
    Absent,
    Read(chrono::NaiveDate),
    Unreadable(Excerpt),
}

/// A transaction being read: what its first child of each kind said.
struct TransactionDraft {
    at: Location,
    type_seen: bool,
    type_code: Option<TypeCode>,
    value_seen: bool,
    currency: Option<CurrencyCode>,
    amount: Amount,
    value_date: DateField,
    date_seen: bool,
    iso_date: DateField,
    provider_seen: bool,
    provider: Option<OrgRef>,
    country: Option<CountryCode>,
    region: Option<RegionCode>,
}

impl TransactionDraft {
    fn new(at: Location) -> TransactionDraft {
        TransactionDraft {
            at,
            type_seen: false,
            type_code: None,
            value_seen: false,
            currency: None,
            amount: Amount::NoValue,
            value_date: DateField::Absent,
            date_seen: false,
            iso_date: DateField::Absent,
            provider_seen: false,
            provider: None,
            country: None,
            region: None,
        }
    }
}

/// The state machine over quick-xml's events.
struct Parser {
    filter: TypeFilter,
    counts: Counts,
    root: Root,
    first_event: bool,
    outer: Vec<Outer>,
    activity: Option<ActivityDraft>,
    levels: Vec<Level>,
    gathering: Option<Gathering>,
    text: String,
    /// Stop before the first activity that starts at or after this file
    /// offset (a part of a file read by several threads).
    until: Option<u64>,
    /// Where it stopped for `until`.
    stopped: Option<u64>,
    /// The last activity's transaction list, emptied, for the next.
    spare: Vec<TransactionDraft>,
    /// Where the attributes of the tag being read are.
    spans: Spans,
}

impl Parser {
    fn new(filter: TypeFilter) -> Parser {
        Parser {
            filter,
            counts: Counts::default(),
            root: Root::NotYet,
            first_event: true,
            outer: Vec::new(),
            activity: None,
            levels: Vec::new(),
            gathering: None,
            text: String::new(),
            until: None,
            stopped: None,
            spare: Vec::new(),
            spans: Spans::default(),
        }
    }

    /// The identifier of the activity being read, if it was.
    fn identifier(&self) -> Option<&str> {
        self.activity.as_ref().and_then(|a| a.identifier.as_deref())
    }

    /// Drops the activity being read (it will be read again).
    fn forget_partial(&mut self) {
        if let Some(draft) = self.activity.take() {
            self.spare = draft.transactions;
            self.spare.clear();
        }
        self.levels.clear();
        self.gathering = None;
        self.text.clear();
    }

    /// Where an activity the fast path may read starts, if one does at
    /// `text[at..]` after whitespace: an `<iati-activity` start tag in no
    /// namespace, directly under the root or a wrapper.
    fn plain_activity_at(&self, text: &str, at: usize) -> Option<usize> {
        const TAG: &[u8] = b"<iati-activity";
        let bytes = text.as_bytes();
        let rest = bytes.get(at..)?;
        let lt = at + rest.iter().position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))?;
        let tag = bytes.get(lt..)?;
        let plain = self.root == Root::Open
            && tag.starts_with(TAG)
            && matches!(tag.get(TAG.len()), Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/'))
            && !self.namespaced();
        if !plain {
            return None;
        }
        // An `xmlns` would change what the element is: quick-xml reads it.
        let end = memchr::memchr(b'>', tag)?;
        match memchr::memmem::find(tag.get(..end)?, b"xmlns") {
            None => Some(lt),
            Some(_) => None,
        }
    }

    /// Reads the activity at `text[at..]` through the fast path
    /// ([`plain::element`]), handling its events as quick-xml's.
    fn read_plain(
        &mut self,
        text: &str,
        at: usize,
        locator: &mut Locator<'_>,
        out: &mut VecDeque<TransactionOutcome>,
        room: &mut plain::Room,
    ) -> plain::Outcome {
        self.first_event = false;
        plain::element(text, at, room, |token| match token {
            Token::Start(tag) => {
                // Its content is read here only inside an activity (one
                // `until` stopped at, or a namespaced one, is not).
                self.open(&tag.bytes_start(), tag.empty, tag.at, tag.attributes, locator, out)
                    .is_ok()
                    && (self.activity.is_some() || tag.empty)
                    && self.stopped.is_none()
            }
            Token::End => {
                self.close_in_activity(out);
                true
            }
            Token::Text(t) => {
                if self.gathering.is_some() {
                    self.text.push_str(t);
                }
                true
            }
            Token::Ref { name, at } => self
                .handle(
                    Event::GeneralRef(quick_xml::events::BytesRef::new(name)),
                    at,
                    locator,
                    out,
                )
                .is_ok(),
        })
    }

    /// At the end of the file.
    fn finish(&mut self) -> Result<(), ErrorKind> {
        if self.activity.is_some() {
            return Err(ErrorKind::Truncated(Excerpt::new("iati-activity")));
        }
        if let Some(open) = self.outer.last() {
            return Err(ErrorKind::Truncated(Excerpt::new(&open.name)));
        }
        match self.root {
            Root::NotYet => Err(ErrorKind::NoRoot),
            Root::Open | Root::Closed => Ok(()),
        }
    }

    /// Whether a default namespace is in force where the next element
    /// opens.
    fn namespaced(&self) -> bool {
        match self.levels.last() {
            Some(l) => l.namespaced,
            None => self.outer.last().is_some_and(|o| o.namespaced),
        }
    }

    fn handle(
        &mut self,
        event: Event<'_>,
        start: usize,
        locator: &mut Locator<'_>,
        out: &mut VecDeque<TransactionOutcome>,
    ) -> Result<(), ErrorKind> {
        let first = std::mem::replace(&mut self.first_event, false);
        match event {
            Event::Start(e) => self.open(&e, false, start, None, locator, out),
            Event::Empty(e) => self.open(&e, true, start, None, locator, out),
            Event::End(e) => self.close(&e, out),
            Event::Text(t) => self.characters(&t),
            Event::CData(t) => {
                if self.root != Root::Open {
                    return Err(ErrorKind::TextOutsideRoot(Excerpt::new(&t)));
                }
                if self.gathering.is_some() {
                    self.text.push_str(&t);
                }
                Ok(())
            }
            Event::GeneralRef(r) => {
                let ch = resolve_reference(&r)?;
                if self.root != Root::Open {
                    return Err(ErrorKind::TextOutsideRoot(Excerpt::new(&format!("&{};", &*r))));
                }
                if self.gathering.is_some() {
                    self.text.push(ch);
                }
                Ok(())
            }
            Event::Comment(_) | Event::PI(_) => {
                self.end_gathering();
                Ok(())
            }
            Event::Decl(_) if first && start == 0 => Ok(()),
            Event::Decl(_) => Err(ErrorKind::MisplacedDeclaration),
            Event::DocType(_) => Err(ErrorKind::Doctype),
            Event::Eof => Ok(()),
        }
    }

    fn characters(&mut self, t: &str) -> Result<(), ErrorKind> {
        if self.root != Root::Open {
            let t = text::strip(t);
            if !t.is_empty() {
                return Err(ErrorKind::TextOutsideRoot(Excerpt::new(t)));
            }
        } else if self.gathering.is_some() {
            self.text.push_str(t);
        }
        Ok(())
    }

    fn open(
        &mut self,
        e: &BytesStart<'_>,
        empty: bool,
        start: usize,
        read: Option<&Spans>,
        locator: &mut Locator<'_>,
        out: &mut VecDeque<TransactionOutcome>,
    ) -> Result<(), ErrorKind> {
        if self.gathering.is_some() {
            self.end_gathering();
        }
        let name = e.name().into_inner();
        let Some(&parent) = self.levels.last() else {
            return self.open_outside(e, name, empty, start, read, locator, out);
        };
        // The role the element has if it is in no namespace (a prefixed
        // name matches none of the names below).
        let role = child_role(parent.role, name);
        let mut values: [Option<Cow<'_, str>>; 3] = [None, None, None];
        let mut xmlns: Option<Cow<'_, str>> = None;
        read_attributes(e, &mut self.spans, read, role.attributes(), &mut values, &mut xmlns)?;
        let namespaced = xmlns.as_deref().map_or(parent.namespaced, |ns| !ns.is_empty());
        if role == Role::Other || namespaced {
            if !namespaced && name == "iati-activity" {
                return Err(ErrorKind::NestedActivity);
            }
            if !empty {
                self.levels.push(Level {
                    role: Role::Other,
                    namespaced,
                });
            }
            return Ok(());
        }
        let at = if role == Role::Transaction {
            Some(locator.seek(start))
        } else {
            None
        };
        let [a, b, c] = values;
        let gather = self.apply(role, at, empty, a, b, c);
        if !empty {
            self.levels.push(Level { role, namespaced });
            if gather.is_some() {
                self.gathering = gather;
                self.text.clear();
            }
        }
        Ok(())
    }

    /// An element opening outside any activity.
    #[allow(clippy::too_many_arguments)]
    fn open_outside(
        &mut self,
        e: &BytesStart<'_>,
        name: &str,
        empty: bool,
        start: usize,
        read: Option<&Spans>,
        locator: &mut Locator<'_>,
        out: &mut VecDeque<TransactionOutcome>,
    ) -> Result<(), ErrorKind> {
        let role = if name == "iati-activity" {
            Role::Activity
        } else {
            Role::Other
        };
        let mut values: [Option<Cow<'_, str>>; 3] = [None, None, None];
        let mut xmlns: Option<Cow<'_, str>> = None;
        read_attributes(e, &mut self.spans, read, role.attributes(), &mut values, &mut xmlns)?;
        let namespaced = xmlns.as_deref().map_or_else(|| self.namespaced(), |ns| !ns.is_empty());
        let role = if namespaced { Role::Other } else { role };
        let [default_currency, _, _] = values;
        if namespaced && self.root == Root::NotYet {
            return Err(ErrorKind::RootNamespace {
                name: Excerpt::new(name),
                namespace: Excerpt::new(xmlns.as_deref().unwrap_or_default()),
            });
        }
        match self.root {
            Root::Closed => return Err(ErrorKind::SecondRoot(Excerpt::new(name))),
            Root::NotYet => {
                if !matches!(name, "iati-activities" | "iati-activity" | "result") {
                    return Err(ErrorKind::WrongRoot(Excerpt::new(name)));
                }
                self.root = if empty { Root::Closed } else { Root::Open };
            }
            Root::Open => {}
        }
        if role == Role::Activity {
            let at = locator.seek(start);
            if self.until.is_some_and(|until| at.offset >= until) {
                self.stopped = Some(at.offset);
                return Ok(());
            }
            self.activity = Some(ActivityDraft {
                at,
                default_currency: default_currency.as_deref().and_then(CurrencyCode::new),
                identifier: None,
                identifier_seen: false,
                reporting_org: None,
                reporting_org_seen: false,
                recipients: Vec::new(),
                transactions: std::mem::take(&mut self.spare),
            });
            if empty {
                self.end_activity(out);
            } else {
                self.levels.push(Level {
                    role,
                    namespaced: false,
                });
            }
        } else if !empty {
            self.outer.push(Outer {
                name: name.into(),
                namespaced,
            });
        }
        Ok(())
    }

    /// Takes what an element in `role` says (its attributes `a`, `b`,
    /// `c` in the order of [`Role::attributes`]); says whose text to
    /// gather, if any.
    #[allow(clippy::too_many_arguments)]
    fn apply(
        &mut self,
        role: Role,
        at: Option<Location>,
        empty: bool,
        a: Option<Cow<'_, str>>,
        b: Option<Cow<'_, str>>,
        c: Option<Cow<'_, str>>,
    ) -> Option<Gathering> {
        let act = self.activity.as_mut()?;
        let s = |v: &Option<Cow<'_, str>>| -> String { v.as_deref().unwrap_or_default().to_owned() };
        match role {
            Role::Transaction => {
                if let Some(at) = at {
                    act.transactions.push(TransactionDraft::new(at));
                }
            }
            Role::Identifier if !act.identifier_seen => {
                if empty {
                    act.identifier_seen = true;
                } else {
                    return Some(Gathering::Identifier);
                }
            }
            Role::ReportingOrg if !act.reporting_org_seen => {
                act.reporting_org_seen = true;
                act.reporting_org = a.as_deref().and_then(OrgRef::new);
            }
            Role::ActivityCountry => {
                if let Some(code) = a.as_deref().and_then(CountryCode::new) {
                    act.recipients
                        .push((RecipientCode::Country(code), percentage(b.as_deref())));
                }
            }
            Role::ActivityRegion => {
                if let Some(code) = RegionCode::new(&s(&a), &s(&b)) {
                    act.recipients
                        .push((RecipientCode::Region(code), percentage(c.as_deref())));
                }
            }
            _ => {
                let tx = act.transactions.last_mut()?;
                match role {
                    Role::TransactionType if !tx.type_seen => {
                        tx.type_seen = true;
                        let code = text::strip(a.as_deref().unwrap_or_default());
                        tx.type_code = (!code.is_empty()).then(|| TypeCode::from_written(code));
                    }
                    Role::Value if !tx.value_seen => {
                        tx.value_seen = true;
                        tx.currency = a.as_deref().and_then(CurrencyCode::new);
                        tx.amount = Amount::Unreadable(Reason::EmptyValue);
                        tx.value_date = date_field(b.as_deref());
                        return Some(Gathering::Value);
                    }
                    Role::TransactionDate if !tx.date_seen => {
                        tx.date_seen = true;
                        tx.iso_date = date_field(a.as_deref());
                    }
                    Role::ProviderOrg if !tx.provider_seen => {
                        tx.provider_seen = true;
                        tx.provider = a.as_deref().and_then(OrgRef::new);
                    }
                    Role::TransactionCountry if tx.country.is_none() => {
                        tx.country = a.as_deref().and_then(CountryCode::new);
                    }
                    Role::TransactionRegion if tx.region.is_none() => {
                        tx.region = RegionCode::new(&s(&a), &s(&b));
                    }
                    _ => {}
                }
            }
        }
        None
    }

    /// Ends the gathering of an element's text: its first child, or its
    /// end, has come.
    fn end_gathering(&mut self) {
        let Some(g) = self.gathering.take() else { return };
        let Some(act) = self.activity.as_mut() else { return };
        let t = text::strip(&self.text);
        match g {
            Gathering::Identifier => {
                if !act.identifier_seen {
                    act.identifier_seen = true;
                    act.identifier = (!t.is_empty()).then(|| t.into());
                }
            }
            Gathering::Value => {
                if let Some(tx) = act.transactions.last_mut() {
                    tx.amount = match text::parse_decimal(t.as_bytes()) {
                        Ok(d) => Amount::Read(d),
                        Err(_) if t.is_empty() => Amount::Unreadable(Reason::EmptyValue),
                        Err(text::DecimalError::NotADecimal) => {
                            Amount::Unreadable(Reason::NotADecimal(Excerpt::new(t)))
                        }
                        Err(text::DecimalError::TooManyDigits) => {
                            Amount::Unreadable(Reason::TooManyDigits(Excerpt::new(t)))
                        }
                    };
                }
            }
        }
        self.text.clear();
    }

    fn close(
        &mut self,
        e: &quick_xml::events::BytesEnd<'_>,
        out: &mut VecDeque<TransactionOutcome>,
    ) -> Result<(), ErrorKind> {
        if self.activity.is_some() {
            self.close_in_activity(out);
            return Ok(());
        }
        self.end_gathering();
        let name = e.name().into_inner();
        match self.outer.pop() {
            Some(open) if *open.name == *name => {
                if self.outer.is_empty() {
                    self.root = Root::Closed;
                }
                Ok(())
            }
            Some(open) => Err(ErrorKind::MismatchedEnd {
                expected: Excerpt::new(&open.name),
                found: Excerpt::new(name),
            }),
            None => Err(ErrorKind::UnmatchedEnd(Excerpt::new(name))),
        }
    }

    /// The end of an element in an activity (quick-xml checked its name:
    /// the activity and its content are always in one block).
    #[inline]
    fn close_in_activity(&mut self, out: &mut VecDeque<TransactionOutcome>) {
        if self.gathering.is_some() {
            self.end_gathering();
        }
        self.levels.pop();
        if self.levels.is_empty() {
            self.end_activity(out);
        }
    }

    /// Gives out the transactions of the activity just read.
    fn end_activity(&mut self, out: &mut VecDeque<TransactionOutcome>) {
        self.levels.clear();
        let Some(draft) = self.activity.take() else { return };
        if self.outer.is_empty() {
            // A bare <iati-activity> root.
            self.root = Root::Closed;
        }
        let n = draft.recipients.len();
        let mut total = Some(rust_decimal::Decimal::ZERO);
        let shares: Vec<Share> = draft
            .recipients
            .into_iter()
            .map(|(recipient, p)| {
                let percentage = match p {
                    Percentage::Absent if n == 1 => rust_decimal::Decimal::ONE_HUNDRED,
                    Percentage::Written(d) => d,
                    Percentage::Absent | Percentage::NotADecimal => rust_decimal::Decimal::ZERO,
                };
                total = total.and_then(|t| t.checked_add(percentage));
                Share { recipient, percentage }
            })
            .collect();
        let sums_to_100 = !shares.is_empty() && total == Some(rust_decimal::Decimal::ONE_HUNDRED);
        let activity = Arc::new(Activity {
            at: draft.at,
            identifier: draft.identifier,
            default_currency: draft.default_currency,
            reporting_org: draft.reporting_org,
            shares,
            sums_to_100,
        });
        self.counts.activities += 1;
        let mut flagged = false;
        let mut transactions = draft.transactions;
        for tx in transactions.drain(..) {
            let entry = classify(tx, &activity, &self.filter);
            if let TransactionOutcome::Transaction(t) = &entry {
                if t.recipient.is_none() && !activity.shares.is_empty() && !activity.sums_to_100 && !flagged {
                    flagged = true;
                    self.counts.percentages_not_100 += 1;
                }
            }
            self.counts.count(&entry);
            out.push_back(entry);
        }
        self.spare = transactions;
    }
}

/// What becomes of a transaction, checked in the reference's order.
fn classify(tx: TransactionDraft, activity: &Arc<Activity>, filter: &TypeFilter) -> TransactionOutcome {
    let activity = Arc::clone(activity);
    let at = tx.at;
    let type_code = match tx.type_code {
        Some(code) if filter.selects(&code) => code,
        type_code => {
            return TransactionOutcome::Skipped(Skipped {
                activity,
                at,
                type_code,
            })
        }
    };
    let reject = |activity, reason| TransactionOutcome::Rejected(Rejected { activity, at, reason });
    let Some(currency) = tx.currency.or_else(|| activity.default_currency.clone()) else {
        return reject(activity, Reason::NoCurrency);
    };
    let amount = match tx.amount {
        Amount::Read(d) => d,
        Amount::NoValue => return reject(activity, Reason::NoValue),
        Amount::Unreadable(reason) => return reject(activity, reason),
    };
    let (date, date_source) = match (tx.value_date, tx.iso_date) {
        (DateField::Read(d), _) => (d, DateSource::ValueDate),
        (DateField::Unreadable(t), _) => return reject(activity, Reason::BadValueDate(t)),
        (DateField::Absent, DateField::Read(d)) => (d, DateSource::TransactionDate),
        (DateField::Absent, DateField::Unreadable(t)) => return reject(activity, Reason::BadTransactionDate(t)),
        (DateField::Absent, DateField::Absent) => return reject(activity, Reason::NoDate),
    };
    let recipient = match (tx.country, tx.region) {
        (Some(c), _) => Some(RecipientCode::Country(c)),
        (None, Some(r)) => Some(RecipientCode::Region(r)),
        (None, None) => None,
    };
    TransactionOutcome::Transaction(Transaction {
        activity,
        at,
        type_code,
        amount,
        currency,
        date,
        date_source,
        provider: tx.provider,
        recipient,
    })
}

/// The role of an element named `name` in a `parent`.
fn child_role(parent: Role, name: &str) -> Role {
    match (parent, name) {
        (Role::Activity, "transaction") => Role::Transaction,
        (Role::Activity, "iati-identifier") => Role::Identifier,
        (Role::Activity, "reporting-org") => Role::ReportingOrg,
        (Role::Activity, "recipient-country") => Role::ActivityCountry,
        (Role::Activity, "recipient-region") => Role::ActivityRegion,
        (Role::Transaction, "transaction-type") => Role::TransactionType,
        (Role::Transaction, "value") => Role::Value,
        (Role::Transaction, "transaction-date") => Role::TransactionDate,
        (Role::Transaction, "provider-org") => Role::ProviderOrg,
        (Role::Transaction, "recipient-country") => Role::TransactionCountry,
        (Role::Transaction, "recipient-region") => Role::TransactionRegion,
        _ => Role::Other,
    }
}

/// A percentage attribute's value.
fn percentage(written: Option<&str>) -> Percentage {
    match text::strip(written.unwrap_or_default()) {
        "" => Percentage::Absent,
        p => match text::parse_decimal(p.as_bytes()) {
            Ok(d) => Percentage::Written(d),
            Err(_) => Percentage::NotADecimal,
        },
    }
}

/// A date attribute's value.
fn date_field(written: Option<&str>) -> DateField {
    match text::strip(written.unwrap_or_default()) {
        "" => DateField::Absent,
        d => match text::parse_date(d.as_bytes()) {
            Some(date) => DateField::Read(date),
            None => DateField::Unreadable(Excerpt::new(d)),
        },
    }
}

/// A reference in text: one of XML's five entities, or a character.
fn resolve_reference(r: &quick_xml::events::BytesRef<'_>) -> Result<char, ErrorKind> {
    let name: &str = r;
    if name.starts_with('#') {
        return match r.resolve_char_ref() {
            Ok(Some(c)) if text::is_xml_char(c) => Ok(c),
            _ => Err(ErrorKind::InvalidCharRef(Excerpt::new(name))),
        };
    }
    quick_xml::escape::resolve_predefined_entity(name)
        .and_then(|s| s.chars().next())
        .ok_or_else(|| ErrorKind::UnknownEntity(Excerpt::new(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every entry, and the error if any, as text.
    fn read(bytes: &[u8], block: usize) -> Vec<String> {
        Reader::new(bytes)
            .types(TypeFilter::all())
            .block_size(block)
            .map(|e| match e {
                Ok(e) => format!("{e:?}"),
                Err(e) => format!("error: {e}"),
            })
            .collect()
    }

    /// [`read`] with every activity through quick-xml.
    fn read_slow(bytes: &[u8], block: usize) -> Vec<String> {
        Reader::new(bytes)
            .types(TypeFilter::all())
            .block_size(block)
            .without_fast_path()
            .map(|e| match e {
                Ok(e) => format!("{e:?}"),
                Err(e) => format!("error: {e}"),
            })
            .collect()
    }

    fn files(dir: &str) -> Vec<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "xml"))
            .collect();
        files.sort();
        files
    }

    #[test]
    fn the_fast_path_reads_as_quick_xml() {
        let mut all = files("tests/data/iati");
        all.extend(files("tests/data/iati/quirks"));
        all.extend(files("tests/data/iati/examples"));
        all.extend(files("tests/bad_input/iati"));
        for path in all {
            let bytes = std::fs::read(&path).unwrap();
            for block in [BLOCK, 4093, 333] {
                assert_eq!(
                    read(&bytes, block),
                    read_slow(&bytes, block),
                    "{} in blocks of {block}",
                    path.display()
                );
            }
        }
    }

    /// Files of activities made of pieces: plainly written ones, and
    /// every kind of thing the fast path leaves to quick-xml or that
    /// makes a file not well-formed.
    fn activity_files() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "<iati-identifier>X-1</iati-identifier>",
            "<iati-identifier>A &amp; B</iati-identifier>",
            "<reporting-org ref=\"GB-1\" type=\"10\"><narrative>FCDO</narrative></reporting-org>",
            "<recipient-country code=\"GT\" percentage=\"60\"/>",
            "<recipient-region code='289' vocabulary='1' percentage='40' />",
            "<transaction><transaction-type code=\"3\"/><value value-date=\"2021-06-07\">5</value></transaction>",
            "<transaction>",
            "</transaction>",
            "<transaction-type code=\"4\"/>",
            "<value currency='USD' value-date='2021-06-08'>1&#48;</value>",
            "<value>2<!-- c -->3</value>",
            "<value><![CDATA[9]]></value>",
            "<transaction-date iso-date=\"2021-01-01\"/>",
            "<provider-org ref=\"P\"/>",
            "<description><narrative xml:lang=\"en\">A &amp; B &lt; C</narrative></description>",
            "<x xmlns=\"urn:x\"><transaction/></x>",
            "<iati-activity>",
            "</iati-activity>",
            "<a>",
            "</b>",
            "text",
            "\n  ",
            "&bogus;",
            "&",
            "<?pi x?>",
            "<value value-date=\"1\" value-date=\"2\">",
            "<sector code=\"1\"\n percentage=\"5\"/>",
            "<value currency=\"E&#85;R\">",
            "<a b=\"<\"/>",
            "<ns2:x/>",
            "</value>",
        ]);
        let activity = prop::collection::vec(piece, 0..10).prop_map(|p| p.concat());
        let head = prop::sample::select(vec![
            "<iati-activity default-currency=\"EUR\">",
            "<iati-activity default-currency='GBP' xml:lang=\"en\">",
            "<iati-activity xmlns=\"urn:x\">",
            "<iati-activity/>",
            "<result>",
        ]);
        let activities = prop::collection::vec((head, activity), 1..5).prop_map(|acts| {
            acts.into_iter()
                .map(|(head, body)| {
                    let close = if head.ends_with("/>") {
                        ""
                    } else if head == "<result>" {
                        "</result>"
                    } else {
                        "</iati-activity>"
                    };
                    format!(" {head}{body}{close}\n")
                })
                .collect::<String>()
        });
        activities.prop_map(|a| {
            format!("<?xml version=\"1.0\"?>\n<iati-activities version=\"2.03\">\n{a}</iati-activities>\n")
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

        /// The fast path changes nothing: the same entries and the same
        /// error, whatever the blocks.
        #[test]
        fn the_fast_path_changes_nothing(file in activity_files()) {
            for block in [BLOCK, 64] {
                proptest::prop_assert_eq!(read(file.as_bytes(), block), read_slow(file.as_bytes(), block));
            }
        }
    }

    #[test]
    fn any_block_size_reads_the_same() {
        let mut small = files("tests/data/iati/quirks");
        small.extend(files("tests/data/iati/examples"));
        small.extend(files("tests/bad_input/iati"));
        assert!(small.len() > 20);
        for path in small {
            let bytes = std::fs::read(&path).unwrap();
            let whole = read(&bytes, BLOCK);
            for block in [1, 2, 3, 7, 64, 333, 4096] {
                assert_eq!(read(&bytes, block), whole, "{} in blocks of {block}", path.display());
            }
        }
        for path in files("tests/data/iati") {
            let bytes = std::fs::read(&path).unwrap();
            let whole = read(&bytes, BLOCK);
            assert!(!whole.is_empty() && !whole.iter().any(|e| e.starts_with("error")));
            for block in [4093, 65536] {
                assert_eq!(read(&bytes, block), whole, "{} in blocks of {block}", path.display());
            }
        }
    }
}
