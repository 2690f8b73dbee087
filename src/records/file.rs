//! `FundingFile`: a funding-records CSV file, aggregated by several
//! threads at once, each streaming its own part.

use std::fs::File;
use std::io::{Seek, SeekFrom};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::error::{RecordError, RecordErrorKind};
use super::feed::feed;
use super::input::Input;
use super::reader::check_header;
use crate::aggregate::AggregateError;
use crate::aggregate::Tally;
use crate::fx::RateSource;
use crate::Aggregator;

/// Parts smaller than this are not worth a thread.
const MIN_PART: u64 = 1 << 20;

/// A funding-records CSV file (the form [`Reader`](super::Reader)
/// describes) to aggregate with several threads.
///
/// The file is cut into as many byte ranges as threads, each range
/// aligned to the start of a line; each thread streams its range through
/// its own [`fork`](Aggregator::fork) of the aggregator, in chunks, and the
/// parts are merged in file order. A part that began inside a record of
/// the part before (a quoted field holding a line break across the cut)
/// is read again from where that record ended. Memory stays bounded
/// whatever the size of the file, and the result is the same as one pass
/// of a [`Reader`](super::Reader): the same totals, counts and rejections
/// with their lines. Blank lines are skipped, as a `Reader` skips them.
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```no_run")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::EcbRates;
/// use statecraft::records::FundingFile;
/// use statecraft::{Aggregator, Currency, Dimension};
///
/// let mut agg = Aggregator::new(EcbRates::embedded(), Currency::USD, Dimension::Recipient);
/// FundingFile::open("funding.csv")?
///     .progress(|done, total| eprint!("\r{}%", done * 100 / total.max(1)))
///     .aggregate_into(&mut agg)?;
/// agg.totals()?.write_csv(std::io::stdout())?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct FundingFile<'p> {
    path: PathBuf,
    data_start: u64,
    len: u64,
    threads: NonZeroUsize,
    progress: Option<Box<dyn Fn(u64, u64) + Sync + 'p>>,
}

impl<'p> FundingFile<'p> {
    /// Opens `path` and checks its header.
    ///
    /// # Errors
    ///
    /// A [`RecordError`] when the file cannot be opened or read, or its
    /// first line is not the header.
    pub fn open(path: impl AsRef<Path>) -> Result<FundingFile<'p>, RecordError> {
        let path = path.as_ref().to_path_buf();
        let cannot = |action, e| RecordError::io(None, action, Some(path.clone()), e);
        let file = File::open(&path).map_err(|e| cannot("open", e))?;
        let len = file.metadata().map_err(|e| cannot("read", e))?.len();
        let mut input = Input::new(file, 1);
        let header = input.first_line().map_err(|e| cannot("read", e))?;
        check_header(header.as_deref())?;
        let data_start = input.consumed();
        let threads = std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN);
        Ok(FundingFile {
            path,
            data_start,
            len,
            threads,
            progress: None,
        })
    }

    /// The size of the file in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the file holds no record (nothing after the header).
    pub fn is_empty(&self) -> bool {
        self.len <= self.data_start
    }

    /// Uses `n` threads (at least 1; by default as many as the machine
    /// has cores). Small files are read by fewer.
    pub fn threads(mut self, n: usize) -> FundingFile<'p> {
        self.threads = NonZeroUsize::new(n).unwrap_or(NonZeroUsize::MIN);
        self
    }

    /// Calls `report(bytes_done, bytes_total)` from time to time while
    /// aggregating (from the worker threads).
    pub fn progress(mut self, report: impl Fn(u64, u64) + Sync + 'p) -> FundingFile<'p> {
        self.progress = Some(Box::new(report));
        self
    }

    /// Adds every record of the file to `aggregator`, and every unreadable
    /// record to its rejections with its line.
    ///
    /// # Errors
    ///
    /// A [`RecordError`] when the file cannot be read (it may have changed
    /// since [`open`](FundingFile::open)); `aggregator` is then unchanged.
    /// Reading in parts gives the same totals as one pass: sums are exact
    /// however large, and a total beyond a `Decimal` is an error of
    /// [`Aggregator::totals`](crate::Aggregator::totals) either way.
    pub fn aggregate_into<R: RateSource + Sync>(&self, aggregator: &mut Aggregator<R>) -> Result<(), RecordError> {
        let body = self.len.saturating_sub(self.data_start);
        let by_size = usize::try_from(body / MIN_PART).unwrap_or(usize::MAX).max(1);
        let parts = self.threads.get().min(by_size);
        let cuts: Vec<u64> = (0..=parts)
            .map(|i| self.data_start + body / parts as u64 * i as u64)
            .map(|c| c.min(self.len))
            .collect();
        let done = AtomicU64::new(0);
        let rates = aggregator.rates();
        let ranges: Vec<(u64, u64)> = cuts
            .windows(2)
            .enumerate()
            .map(|(i, w)| match w {
                [s, e] if i + 1 < parts => (*s, *e),
                [s, _] => (*s, self.len),
                _ => (self.len, self.len),
            })
            .collect();
        let results: Vec<Result<Part, (u64, std::io::Error)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = ranges
                .iter()
                .map(|&(start, end)| {
                    let worker = Aggregator::from_tally(rates, aggregator.fork_tally());
                    let done = &done;
                    let from = if start > self.data_start {
                        Start::AfterLineBreak(start)
                    } else {
                        Start::At(start)
                    };
                    scope.spawn(move || self.read_part(worker, from, end, Some(done)))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|_| Err((0, std::io::Error::other("a worker thread panicked"))))
                })
                .collect()
        });
        // Number the lines across parts, then merge in file order.
        let mut lines_before = 1u64; // the header
        let mut merged = aggregator.fork_tally();
        let mut stop = self.data_start;
        let cannot_read = |line, e| RecordError::io(Some(line), "read", None, e);
        let cannot_merge = |e: AggregateError| RecordError::new(None, None, RecordErrorKind::Merge(e));
        for (result, &(_, end)) in results.into_iter().zip(&ranges) {
            let mut part = result.map_err(|(line, e)| cannot_read(lines_before + line, e))?;
            if part.first != stop {
                // The part began inside the last record of the part before
                // (a quoted line break across the cut): read it again from
                // where that record ended.
                let worker = Aggregator::from_tally(rates, aggregator.fork_tally());
                part = self
                    .read_part(worker, Start::At(stop), end, None)
                    .map_err(|(line, e)| cannot_read(lines_before + line, e))?;
            }
            part.tally.shift_lines(lines_before);
            lines_before += part.lines;
            stop = part.stop;
            merged.merge(part.tally).map_err(cannot_merge)?;
        }
        aggregator.merge_tally(merged).map_err(cannot_merge)
    }

    /// Aggregates the records that start within `start..end`, reporting
    /// progress to `done` if given.
    fn read_part<R: RateSource>(
        &self,
        mut aggregator: Aggregator<&R>,
        start: Start,
        end: u64,
        done: Option<&AtomicU64>,
    ) -> Result<Part, (u64, std::io::Error)> {
        let mut file = File::open(&self.path).map_err(|e| (1, e))?;
        // After a line break, start one byte early: unless that byte ends
        // a line, the first line read is the tail of the part before's
        // last line.
        let from = match start {
            Start::At(at) => at,
            Start::AfterLineBreak(at) => at.saturating_sub(1),
        };
        file.seek(SeekFrom::Start(from)).map_err(|e| (1, e))?;
        let mut input = Input::new(file, 1);
        if let Start::AfterLineBreak(_) = start {
            input.skip_line().map_err(|e| (1, e))?;
            input.skip_blank_lines().map_err(|e| (1, e))?;
            input.set_line(1);
        }
        let first = from + input.consumed();
        feed(&mut input, &mut aggregator, end.saturating_sub(from), |bytes| {
            if let Some(done) = done {
                self.report(done, bytes);
            }
        })?;
        Ok(Part {
            tally: aggregator.into_tally(),
            lines: input.line() - 1,
            first,
            stop: from + input.consumed(),
        })
    }

    fn report(&self, done: &AtomicU64, bytes: u64) {
        if let Some(report) = &self.progress {
            let total = done.fetch_add(bytes, Ordering::Relaxed) + bytes;
            let body = self.len.saturating_sub(self.data_start);
            report(total.min(body), body);
        }
    }
}

/// Where a part of the file starts.
#[derive(Clone, Copy)]
enum Start {
    /// At this offset, the start of a record (or of the blank lines
    /// before one).
    At(u64),
    /// At the first record after the first line break at or after this
    /// offset less one.
    AfterLineBreak(u64),
}

/// What one worker read.
struct Part {
    tally: Tally,
    /// The line feeds from `first` to `stop`.
    lines: u64,
    /// Where its first record starts (the offset it started at, for the
    /// first part).
    first: u64,
    /// Where it stopped: the start of the first record at or after its
    /// end, or the end of the file.
    stop: u64,
}
