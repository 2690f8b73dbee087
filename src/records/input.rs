//! The bytes of a funding-records file from any reader, in bounded
//! memory: plain lines for the fast path, CSV records (split by csv-core,
//! [`crate::grammar::csv`]) for everything else.

use std::io::{self, Read};

use crate::grammar::csv::{Fields, Split, Splitter};

/// The longest record kept; longer records are skipped and reported.
pub(crate) const MAX_RECORD: usize = 1 << 20;

/// How much is read at a time.
const CHUNK: usize = 1 << 18;

/// What [`Input::next_record`] found.
pub(crate) enum Next<'a> {
    /// A record starting on `line`: its text (without its line break),
    /// and its fields, or the index and text of its first badly quoted
    /// field.
    Record {
        line: u64,
        text: &'a [u8],
        fields: Result<Fields<'a>, (usize, &'a [u8])>,
    },
    /// A record starting on `line` longer than [`MAX_RECORD`], skipped up
    /// to the next line break after that.
    TooLong { line: u64 },
    /// The end of the input.
    End,
}

/// A reader's bytes, buffered a chunk at a time, with the line and the
/// byte offset of the next unread byte.
pub(crate) struct Input<R> {
    inner: R,
    buf: Vec<u8>,
    /// Start of the unread data in `buf`.
    pos: usize,
    /// End of the data in `buf`.
    filled: usize,
    eof: bool,
    /// Bytes consumed so far.
    consumed: u64,
    /// The line of the next unread byte.
    line: u64,
    splitter: Splitter,
}

impl<R: Read> Input<R> {
    /// The input of `inner`, whose first byte is on line `line`.
    pub(crate) fn new(inner: R, line: u64) -> Input<R> {
        Input {
            inner,
            buf: vec![0; CHUNK],
            pos: 0,
            filled: 0,
            eof: false,
            consumed: 0,
            line,
            splitter: Splitter::new(),
        }
    }

    /// Bytes consumed so far: the offset of the next unread byte from
    /// where reading started.
    pub(crate) fn consumed(&self) -> u64 {
        self.consumed
    }

    /// The line of the next unread byte.
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// Numbers the next unread byte's line `line`.
    pub(crate) fn set_line(&mut self, line: u64) {
        self.line = line;
    }

    /// The bytes read but not consumed yet.
    #[inline]
    pub(crate) fn buffered(&self) -> &[u8] {
        self.buf.get(self.pos..self.filled).unwrap_or_default()
    }

    /// Consumes the first `n` buffered bytes, `lines` whole lines that a
    /// caller parsed from [`buffered`](Input::buffered).
    #[inline]
    pub(crate) fn consume_lines(&mut self, n: usize, lines: u64) {
        let n = n.min(self.filled - self.pos);
        self.pos += n;
        self.consumed += n as u64;
        self.line += lines;
    }

    /// Consumes the first `n` buffered bytes, counting their line feeds.
    fn consume(&mut self, n: usize) {
        let lines = line_feeds(self.buffered().get(..n).unwrap_or_default());
        self.consume_lines(n, lines);
    }

    /// Whether everything has been read into the buffer.
    pub(crate) fn at_eof(&self) -> bool {
        self.eof
    }

    /// Reads more into the buffer (the buffered bytes stay, moved to the
    /// front, and the buffer grows as a long record needs); does nothing
    /// at the end of the input.
    ///
    /// # Errors
    ///
    /// Whatever reading returns (other than `Interrupted`, retried).
    pub(crate) fn refill(&mut self) -> io::Result<()> {
        if self.eof {
            return Ok(());
        }
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.filled, 0);
            self.filled -= self.pos;
            self.pos = 0;
        }
        if self.buf.len() - self.filled < CHUNK / 2 {
            self.buf.resize(self.buf.len() + CHUNK, 0);
        }
        loop {
            let space = self.buf.get_mut(self.filled..).unwrap_or_default();
            match self.inner.read(space) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(());
                }
                Ok(n) => {
                    self.filled += n;
                    return Ok(());
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// The first line (a header), without its line break, cut to
    /// [`MAX_RECORD`] bytes; `None` for an empty input. The line is
    /// consumed whole.
    ///
    /// # Errors
    ///
    /// Whatever reading returns.
    pub(crate) fn first_line(&mut self) -> io::Result<Option<Vec<u8>>> {
        while !self.eof && self.buffered().len() < MAX_RECORD && memchr::memchr(b'\n', self.buffered()).is_none() {
            self.refill()?;
        }
        let data = self.buffered();
        if data.is_empty() && self.eof {
            return Ok(None);
        }
        let end = memchr::memchr(b'\n', data).unwrap_or(data.len()).min(MAX_RECORD);
        let line = data.get(..end).unwrap_or_default();
        let line = line.strip_suffix(b"\r").unwrap_or(line).to_vec();
        self.skip_line()?;
        Ok(Some(line))
    }

    /// Consumes everything up to and including the next line feed (or to
    /// the end), however long.
    ///
    /// # Errors
    ///
    /// Whatever reading returns.
    pub(crate) fn skip_line(&mut self) -> io::Result<()> {
        loop {
            if let Some(i) = memchr::memchr(b'\n', self.buffered()) {
                self.consume_lines(i + 1, 1);
                return Ok(());
            }
            let all = self.buffered().len();
            self.consume_lines(all, 0);
            if self.eof {
                return Ok(());
            }
            self.refill()?;
        }
    }

    /// Consumes the blank lines (`\n`, `\r\n`, `\r`) that come next.
    ///
    /// # Errors
    ///
    /// Whatever reading returns.
    pub(crate) fn skip_blank_lines(&mut self) -> io::Result<()> {
        loop {
            let blank = self
                .buffered()
                .iter()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .count();
            self.consume(blank);
            if !self.buffered().is_empty() || self.eof {
                return Ok(());
            }
            self.refill()?;
        }
    }

    /// The next record (blank lines before it are skipped), however many
    /// lines it spans.
    ///
    /// # Errors
    ///
    /// Whatever reading returns.
    pub(crate) fn next_record(&mut self) -> io::Result<Next<'_>> {
        loop {
            let data = self.buf.get(self.pos..self.filled).unwrap_or_default();
            match self.splitter.split(data, self.eof) {
                Split::Record { text, end, bad } => {
                    let start = self.pos;
                    let line = self.line + line_feeds(data.get(..text.start).unwrap_or_default());
                    self.consume(end);
                    let text = self.buf.get(start + text.start..start + text.end).unwrap_or_default();
                    let fields = match bad {
                        None => Ok(self.splitter.fields()),
                        Some(bad) => Err((bad.field, text.get(bad.text).unwrap_or_default())),
                    };
                    return Ok(Next::Record { line, text, fields });
                }
                Split::End { blank } => {
                    self.consume(blank);
                    return Ok(Next::End);
                }
                Split::Partial { blank } => {
                    self.consume(blank);
                    if self.buffered().len() >= MAX_RECORD {
                        let line = self.line;
                        let all = self.buffered().len();
                        self.consume(all);
                        self.skip_line()?;
                        return Ok(Next::TooLong { line });
                    }
                    self.refill()?;
                }
            }
        }
    }
}

/// The number of line feeds in `bytes`.
pub(crate) fn line_feeds(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives at most `n` bytes at a time.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(self.1).min(out.len());
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn all(input: &[u8], chunk: usize) -> Vec<(u64, String)> {
        let mut input_ = Input::new(Trickle(input, chunk), 1);
        let mut out = Vec::new();
        loop {
            match input_.next_record().unwrap() {
                Next::Record { line, fields, .. } => out.push((
                    line,
                    match fields {
                        Ok(f) => f
                            .iter()
                            .map(|f| String::from_utf8_lossy(f).into_owned())
                            .collect::<Vec<_>>()
                            .join("|"),
                        Err((i, text)) => format!("bad {i}: {}", String::from_utf8_lossy(text)),
                    },
                )),
                Next::TooLong { line } => out.push((line, "<too long>".into())),
                Next::End => break,
            }
        }
        assert_eq!(input_.consumed(), input.len() as u64);
        out
    }

    fn rec(line: u64, s: &str) -> (u64, String) {
        (line, s.to_string())
    }

    #[test]
    fn records_in_any_chunking() {
        for chunk in [1, 2, 7, 1000] {
            assert_eq!(
                all(b"a\nb,b\r\n\n\"c\nc\",d\nx\"y", chunk),
                [rec(1, "a"), rec(2, "b|b"), rec(4, "c\nc|d"), rec(6, "bad 0: x\"y")]
            );
            assert_eq!(all(b"a\n", chunk), [rec(1, "a")]);
            assert_eq!(all(b"", chunk), []);
            assert_eq!(all(b"\n\r\n", chunk), []);
        }
    }

    #[test]
    fn long_records_are_skipped_to_the_next_line_break() {
        let mut input = vec![b'x'; MAX_RECORD + 10];
        input.extend_from_slice(b"\nok\n");
        assert_eq!(all(&input, 1 << 16), [rec(1, "<too long>"), rec(2, "ok")]);
        let mut open = b"a\n\"".to_vec();
        open.extend(std::iter::repeat_n(b"x,y\n".as_slice(), MAX_RECORD / 3).flatten());
        open.extend_from_slice(b"ok\n");
        // The open quote runs past the limit: reported on its line, and
        // reading goes on from the next line break after that, lines
        // still counted.
        let got = all(&open, 1 << 16);
        assert_eq!(got[..2], [rec(1, "a"), rec(2, "<too long>")]);
        assert!(got[2..got.len() - 1].iter().all(|(_, s)| s == "x|y"));
        assert!(got[2..].windows(2).all(|w| w[1].0 == w[0].0 + 1));
        assert_eq!(got.last(), Some(&rec(2 + (MAX_RECORD / 3) as u64, "ok")));
        let tail = vec![b'y'; MAX_RECORD * 2];
        assert_eq!(all(&tail, 1 << 16), [rec(1, "<too long>")]);
    }

    #[test]
    fn first_lines_and_skips() {
        let mut input = Input::new(Trickle(b"h,1\r\nrest\n", 3), 1);
        assert_eq!(input.first_line().unwrap(), Some(b"h,1".to_vec()));
        assert_eq!((input.line(), input.consumed()), (2, 5));
        input.skip_line().unwrap();
        assert_eq!((input.line(), input.consumed()), (3, 10));
        assert_eq!(input.first_line().unwrap(), None);
    }
}
