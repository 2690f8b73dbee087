//! `Rejection`: a record the aggregator could not sum, and why.

use std::fmt;

use crate::fx::FxError;
use crate::geo::GroupDateError;
use crate::{Country, Money};

/// Why a record was not summed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RejectReason {
    /// The record could not be read (a reader's message, with the column
    /// and the text).
    #[error("{0}")]
    Invalid(String),
    /// No rate for the record's currency on its date.
    #[error("{0}")]
    NoRate(FxError),
    /// The converted amount, or a total it would join, is beyond what a
    /// total may hold: a `Decimal` at the target's minor units (about
    /// 7.9 × 10²⁶ for a currency with cents).
    #[error("overflow: {0}")]
    Overflow(String),
    /// An amount whose decimal places, with those of its split share, are
    /// more than the 18 an exact sum keeps.
    #[error("{amount} has too many decimal places to sum exactly (at most 18 with its share)")]
    TooPrecise {
        /// The amount.
        amount: Money,
    },
    /// A record whose recipient's group, by which it is grouped, cannot be
    /// told: the record is dated before the recorded history of a group.
    #[error("the group of {country} cannot be told: {source}")]
    GroupNotKnown {
        /// The recipient country.
        country: Country,
        /// The group whose recorded history begins after the date.
        source: GroupDateError,
    },
}

/// A record that was not summed: where it was, and why.
///
/// `line` is the line of the file for records read from one (the header
/// is line 1), or the position the caller gave
/// [`Aggregator::push_at`](crate::Aggregator::push_at).
///
/// ```
/// use statecraft::{RejectReason, Rejection};
///
/// let r = Rejection::new(12, RejectReason::Invalid("column 2 (date): invalid date `2021-02-30`".into()));
/// assert_eq!(r.to_string(), "line 12: column 2 (date): invalid date `2021-02-30`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    line: u64,
    reason: RejectReason,
}

impl Rejection {
    /// A rejection of the record at `line`.
    pub fn new(line: u64, reason: RejectReason) -> Rejection {
        Rejection { line, reason }
    }

    /// The line (or position) of the record.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Why it was not summed.
    pub fn reason(&self) -> &RejectReason {
        &self.reason
    }

    pub(crate) fn shift(&mut self, lines: u64) {
        self.line = self.line.saturating_add(lines);
    }
}

impl fmt::Display for Rejection {
    /// `line 12: <reason>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// Keeps the `limit` rejections with the lowest lines, in line order.
pub(crate) fn keep_first(kept: &mut Vec<Rejection>, limit: usize, r: Rejection) {
    if kept.len() >= limit && kept.last().is_none_or(|last| last.line <= r.line) {
        return;
    }
    let at = kept.partition_point(|k| k.line <= r.line);
    kept.insert(at, r);
    kept.truncate(limit);
}

/// Whether a rejection at `line` would be kept (so its reason is worth
/// building).
pub(crate) fn would_keep(kept: &[Rejection], limit: usize, line: u64) -> bool {
    kept.len() < limit || kept.last().is_some_and(|last| line < last.line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_lowest_lines_in_order() {
        let mut kept = Vec::new();
        for line in [9, 3, 7, 1, 8, 2, 3] {
            if would_keep(&kept, 3, line) {
                keep_first(&mut kept, 3, Rejection::new(line, RejectReason::Invalid(String::new())));
            }
        }
        assert_eq!(kept.iter().map(Rejection::line).collect::<Vec<_>>(), [1, 2, 3]);
        let mut none = Vec::new();
        keep_first(&mut none, 0, Rejection::new(1, RejectReason::Invalid(String::new())));
        assert!(none.is_empty());
    }
}
