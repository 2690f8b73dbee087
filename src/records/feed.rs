//! Records of the CSV form into an aggregator: the loop that both the
//! streaming [`Reader`](super::Reader) and the parallel
//! [`FundingFile`](super::FundingFile) run.

use std::io::{self, Read};

use super::error::{RecordError, RecordErrorKind};
use super::input::{Input, Next, MAX_RECORD};
use super::parse::{fast_line, read_record, Row};
use crate::aggregate::RejectReason;
use crate::fx::RateSource;
use crate::Aggregator;

/// How many records are parsed before they are added, a batch at a time.
const BATCH: usize = 256;

/// How many bytes are read between progress reports.
const REPORT_BYTES: u64 = 1 << 22;

/// Adds the records of `input` to `aggregator` and its unreadable records
/// to its rejections, numbered by `input`'s lines, until the input ends or
/// the next record would start at or after `limit` bytes (as
/// [`Input::consumed`] counts them); the blank lines before that record
/// are consumed. Calls `progress` with the bytes read every few MiB and at
/// the end.
///
/// # Errors
///
/// The line being read and the I/O error, when reading fails.
pub(crate) fn feed<R: Read, S: RateSource>(
    input: &mut Input<R>,
    aggregator: &mut Aggregator<S>,
    limit: u64,
    mut progress: impl FnMut(u64),
) -> Result<(), (u64, io::Error)> {
    let mut reported = input.consumed();
    let mut batch: Vec<(u64, Row)> = Vec::with_capacity(BATCH);
    loop {
        if input.consumed() >= limit {
            input.skip_blank_lines().map_err(|e| (input.line(), e))?;
            break;
        }
        // The fast path: plain lines parsed straight from the buffer.
        let mut taken = 0;
        let mut lines = 0;
        let first = input.line();
        let room = usize::try_from(limit.saturating_sub(input.consumed())).unwrap_or(usize::MAX);
        let data = input.buffered();
        while taken < room {
            let Some((row, len)) = data.get(taken..).and_then(fast_line) else {
                break;
            };
            add(&mut batch, aggregator, (first + lines, row));
            taken += len;
            lines += 1;
        }
        input.consume_lines(taken, lines);
        if input.consumed() - reported >= REPORT_BYTES {
            progress(input.consumed() - reported);
            reported = input.consumed();
        }
        if taken > 0 {
            continue;
        }
        // Anything else: more input, or one record the slow way.
        let partial = input.buffered();
        if !input.at_eof() && partial.len() < MAX_RECORD && memchr::memchr(b'\n', partial).is_none() {
            input.refill().map_err(|e| (input.line(), e))?;
            continue;
        }
        input.skip_blank_lines().map_err(|e| (input.line(), e))?;
        if input.consumed() >= limit {
            break;
        }
        let line = input.line();
        let next = input.next_record().map_err(|e| (line, e))?;
        match next {
            Next::End => break,
            Next::TooLong { line } => {
                let e = RecordError::new(None, None, RecordErrorKind::TooLong);
                aggregator.reject(line, RejectReason::from(e));
            }
            Next::Record { line, text, fields } => match read_record(text, fields) {
                Ok(parsed) => add(&mut batch, aggregator, (line, parsed.row)),
                Err((column, kind)) => {
                    let e = RecordError::new(None, column, kind);
                    aggregator.reject(line, RejectReason::from(e));
                }
            },
        }
    }
    aggregator.push_batch(&batch);
    progress(input.consumed() - reported);
    Ok(())
}

/// Adds a row to `batch`, and the batch to `aggregator` once it is full.
#[inline]
fn add<S: RateSource>(batch: &mut Vec<(u64, Row)>, aggregator: &mut Aggregator<S>, row: (u64, Row)) {
    batch.push(row);
    if batch.len() >= BATCH {
        aggregator.push_batch(batch);
        batch.clear();
    }
}
