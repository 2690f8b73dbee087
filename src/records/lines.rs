//! Lines from any reader, in bounded memory.

use std::io::{self, Read};

/// The longest line kept; longer lines are skipped and reported.
pub(crate) const MAX_LINE: usize = 1 << 20;

/// How much is read at a time.
const CHUNK: usize = 1 << 18;

/// One line, without its line break (`\n` or `\r\n`).
pub(crate) enum Line<'a> {
    Text(&'a [u8]),
    /// A line longer than [`MAX_LINE`], skipped.
    TooLong,
}

/// Splits a reader into lines, holding at most about [`MAX_LINE`] plus a
/// chunk in memory.
pub(crate) struct Lines<R> {
    inner: R,
    buf: Vec<u8>,
    /// Start of the unread data in `buf`.
    pos: usize,
    /// End of the data in `buf`.
    filled: usize,
    /// How far from `pos` no line break was found yet.
    scanned: usize,
    eof: bool,
    /// Bytes consumed (returned lines with their breaks) so far.
    consumed: u64,
}

impl<R: Read> Lines<R> {
    pub(crate) fn new(inner: R) -> Lines<R> {
        Lines {
            inner,
            buf: vec![0; CHUNK],
            pos: 0,
            filled: 0,
            scanned: 0,
            eof: false,
            consumed: 0,
        }
    }

    /// Bytes consumed so far: the offset of the next line from where
    /// reading started.
    pub(crate) fn consumed(&self) -> u64 {
        self.consumed
    }

    /// The bytes read but not consumed yet.
    #[inline]
    pub(crate) fn buffered(&self) -> &[u8] {
        self.buf.get(self.pos..self.filled).unwrap_or_default()
    }

    /// Consumes `n` buffered bytes: whole lines a caller parsed from
    /// [`buffered`](Lines::buffered).
    #[inline]
    pub(crate) fn consume(&mut self, n: usize) {
        let n = n.min(self.filled - self.pos);
        self.pos += n;
        self.consumed += n as u64;
        self.scanned = 0;
    }

    /// Whether everything has been read into the buffer.
    pub(crate) fn at_eof(&self) -> bool {
        self.eof
    }

    /// Reads more into the buffer (the buffered bytes stay, moved to the
    /// front); does nothing at the end of the input.
    ///
    /// # Errors
    ///
    /// Whatever reading returns.
    pub(crate) fn refill(&mut self) -> io::Result<()> {
        if self.eof {
            return Ok(());
        }
        self.scanned = 0;
        self.fill()
    }

    /// The next line, or `None` at the end.
    ///
    /// # Errors
    ///
    /// Whatever reading returns (other than `Interrupted`, retried).
    pub(crate) fn next_line(&mut self) -> io::Result<Option<Line<'_>>> {
        let mut skipping = false;
        let (start, end) = loop {
            let unread = self.buf.get(self.pos..self.filled).unwrap_or_default();
            if let Some(i) = find_newline(unread.get(self.scanned..).unwrap_or_default()) {
                let at = self.pos + self.scanned + i;
                let start = self.pos;
                self.consumed += (at + 1 - start) as u64;
                self.pos = at + 1;
                self.scanned = 0;
                if skipping {
                    return Ok(Some(Line::TooLong));
                }
                break (start, at);
            }
            self.scanned = unread.len();
            if self.eof {
                if self.pos == self.filled {
                    return Ok(if skipping { Some(Line::TooLong) } else { None });
                }
                let start = self.pos;
                self.consumed += (self.filled - start) as u64;
                self.pos = self.filled;
                self.scanned = 0;
                if skipping {
                    return Ok(Some(Line::TooLong));
                }
                break (start, self.filled);
            }
            if self.filled - self.pos >= MAX_LINE {
                // Too long: drop what we have and skip to the next break.
                self.consumed += (self.filled - self.pos) as u64;
                self.pos = 0;
                self.filled = 0;
                self.scanned = 0;
                skipping = true;
            }
            self.fill()?;
        };
        let line = self.buf.get(start..end).unwrap_or_default();
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        Ok(Some(Line::Text(line)))
    }

    /// Reads more, moving unread data to the front and growing the buffer
    /// as a long line needs.
    fn fill(&mut self) -> io::Result<()> {
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
}

/// The index of the first `\n`, eight bytes at a time.
#[inline]
pub(crate) fn find_newline(b: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    const NL: u64 = ONES * b'\n' as u64;
    let mut chunks = b.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word) ^ NL;
        // A zero byte of `v` is a newline; the lowest flagged byte is exact.
        let found = v.wrapping_sub(ONES) & !v & HIGHS;
        if found != 0 {
            return Some(base + (found.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    chunks.remainder().iter().position(|&c| c == b'\n').map(|i| base + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8], chunk: usize) -> Vec<String> {
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(self.1).min(out.len());
                out[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut lines = Lines::new(Trickle(input, chunk));
        let mut out = Vec::new();
        while let Some(line) = lines.next_line().unwrap() {
            out.push(match line {
                Line::Text(t) => String::from_utf8(t.to_vec()).unwrap(),
                Line::TooLong => "<too long>".into(),
            });
        }
        assert_eq!(lines.consumed(), input.len() as u64);
        out
    }

    #[test]
    fn lines_in_any_chunking() {
        for chunk in [1, 2, 7, 1000] {
            assert_eq!(all(b"a\nbb\r\n\nccc", chunk), ["a", "bb", "", "ccc"]);
            assert_eq!(all(b"a\n", chunk), ["a"]);
            assert_eq!(all(b"", chunk), Vec::<String>::new());
        }
    }

    #[test]
    fn long_lines_are_skipped_whole() {
        let mut input = vec![b'x'; MAX_LINE + 10];
        input.extend_from_slice(b"\nok\n");
        assert_eq!(all(&input, 1 << 16), ["<too long>", "ok"]);
        let tail = vec![b'y'; MAX_LINE * 2];
        assert_eq!(all(&tail, 1 << 16), ["<too long>"]);
    }

    #[test]
    fn newline_search_matches_a_plain_search() {
        let text: Vec<u8> = (0..300u32)
            .map(|i| if i % 37 == 36 { b'\n' } else { (i % 251) as u8 })
            .collect();
        for start in 0..text.len() {
            let s = &text[start..];
            assert_eq!(find_newline(s), s.iter().position(|&c| c == b'\n'));
        }
        assert_eq!(find_newline(&[0x0b, 0x8a, 0x0a]), Some(2));
    }
}
