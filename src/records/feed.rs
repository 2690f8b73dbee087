//! Lines of the CSV form into an aggregator: the loop that both the
//! streaming [`Reader`](super::Reader) and the parallel
//! [`FundingFile`](super::FundingFile) run.

use std::io::{self, Read};

use super::error::{RecordError, RecordErrorKind};
use super::lines::{find_newline, Line, Lines, MAX_LINE};
use super::parse::{fast_line, parse_line, Row};
use crate::fx::RateSource;
use crate::{Aggregator, RejectReason};

/// How many records are parsed before they are added, a batch at a time.
const BATCH: usize = 256;

/// How many bytes are read between progress reports.
const REPORT_BYTES: u64 = 1 << 22;

/// Adds the records of `lines` to `aggregator` and its unreadable lines to
/// its rejections, numbering lines from `line + 1`, until the input ends
/// or the next line would start at or after `limit` bytes (as
/// [`Lines::consumed`] counts them). Blank lines are skipped. Calls
/// `progress` with the bytes read every few MiB and at the end.
///
/// Returns the number of the last line read.
///
/// # Errors
///
/// The line being read and the I/O error, when reading fails.
pub(crate) fn feed<R: Read, S: RateSource>(
    lines: &mut Lines<R>,
    aggregator: &mut Aggregator<S>,
    mut line: u64,
    limit: u64,
    mut progress: impl FnMut(u64),
) -> Result<u64, (u64, io::Error)> {
    let mut reported = lines.consumed();
    let mut batch: Vec<(u64, Row)> = Vec::with_capacity(BATCH);
    while lines.consumed() < limit {
        // The fast path: plain lines parsed straight from the buffer.
        let mut taken = 0;
        let room = usize::try_from(limit - lines.consumed()).unwrap_or(usize::MAX);
        let data = lines.buffered();
        while taken < room {
            let Some((row, len)) = data.get(taken..).and_then(fast_line) else {
                break;
            };
            line += 1;
            taken += len;
            batch.push((line, row));
            if batch.len() == BATCH {
                aggregator.push_batch(&batch);
                batch.clear();
            }
        }
        lines.consume(taken);
        if lines.consumed() - reported >= REPORT_BYTES {
            progress(lines.consumed() - reported);
            reported = lines.consumed();
        }
        if taken > 0 {
            continue;
        }
        // Anything else: more input, or one line the slow way.
        let partial = lines.buffered();
        if !lines.at_eof() && partial.len() < MAX_LINE && find_newline(partial).is_none() {
            lines.refill().map_err(|e| (line + 1, e))?;
            continue;
        }
        match lines.next_line().map_err(|e| (line + 1, e))? {
            None => break,
            Some(Line::TooLong) => {
                line += 1;
                aggregator.reject(line, RejectReason::Invalid(RecordErrorKind::TooLong.to_string()));
            }
            Some(Line::Text([])) => line += 1,
            Some(Line::Text(text)) => {
                line += 1;
                match parse_line(text) {
                    Ok(parsed) => batch.push((line, parsed.row)),
                    Err((column, kind)) => {
                        let e = RecordError::new(None, column, kind);
                        aggregator.reject(line, RejectReason::Invalid(e.without_line()));
                    }
                }
            }
        }
    }
    aggregator.push_batch(&batch);
    progress(lines.consumed() - reported);
    Ok(line)
}
