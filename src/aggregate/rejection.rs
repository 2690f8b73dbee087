//! `Rejection`: a record the aggregator could not sum, and why.

use std::error::Error;
use std::fmt;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::FundingFlowError;
use crate::fx::FxError;
use crate::geo::GroupDateError;
use crate::model::{AllocationId, PledgeId};
use crate::{Country, Currency, Money};

/// Why a record, or a fact of a dossier, was not summed. Each kind a
/// caller can match on; where one comes from another error, it keeps it
/// (as its field and its [`source`](std::error::Error::source)).
///
/// Each reason has a [`RejectKind`] ([`RejectReason::kind`]), and each kind
/// a stable kebab-case id ([`RejectReason::id`]).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, strum::EnumDiscriminants)]
#[strum_discriminants(
    name(RejectKind),
    derive(
        Hash,
        PartialOrd,
        Ord,
        strum::Display,
        strum::IntoStaticStr,
        strum::VariantNames,
        strum::EnumIter
    ),
    strum(serialize_all = "kebab-case"),
    doc = "The kind of a [`RejectReason`], without its details: what a caller counts or matches rejections by. \
           It prints as its stable kebab-case id (`no-rate`, `too-precise`...), the same as [`RejectReason::id`].",
    non_exhaustive
)]
#[non_exhaustive]
pub enum RejectReason {
    /// A record its reader could not read: the reader's own error, kept
    /// whole (for the CSV form, a
    /// [`records::RecordError`](crate::records::RecordError) naming the
    /// column and the text; its line is the rejection's).
    #[error("{0}")]
    Unreadable(#[source] ReaderError),
    /// No rate for the record's currency on its date.
    #[error("{0}")]
    NoRate(#[source] FxError),
    /// The converted amount, or a total it would join, is beyond what a
    /// total may hold: a `Decimal` at the target's minor units (about
    /// 7.9 × 10²⁶ for a currency with cents).
    #[error(
        "overflow: {amount} at {rate} {target} per {} is beyond the largest {target} amount a decimal holds",
        amount.currency()
    )]
    Overflow {
        /// The amount.
        amount: Money,
        /// The rate it was converted at, in `target` per unit of its
        /// currency.
        rate: Decimal,
        /// The currency of the totals.
        target: Currency,
    },
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
    /// A vaccine allocation to a group, or an area naming one, dated before
    /// the group's recorded history: its members cannot be told.
    #[error("allocation `{allocation}`: {source}")]
    AreaNotKnown {
        /// The allocation.
        allocation: AllocationId,
        /// The group whose recorded history begins after the date.
        source: GroupDateError,
    },
    /// A funding entry of a dossier that is not a flow of funds: no date,
    /// or shares that do not make a split.
    #[error("{0}")]
    Funding(#[source] FundingFlowError),
    /// A vaccine allocation with no date, counted by year or month.
    #[error("allocation `{allocation}` has no date to count it by {by}")]
    Undated {
        /// The allocation.
        allocation: AllocationId,
        /// The dimension that needs a date: `year` or `month`.
        by: &'static str,
    },
    /// A vaccine allocation from a pledge the dossier does not hold,
    /// counted by donor.
    #[error("allocation `{allocation}` is from pledge `{pledge}`, which is not in the dossier, so it has no donor")]
    UnknownPledge {
        /// The allocation.
        allocation: AllocationId,
        /// The pledge it names.
        pledge: PledgeId,
    },
}

impl RejectReason {
    /// The id of every kind of reason, in the order of the variants: what
    /// [`id`](RejectReason::id) returns and JSON reports count rejections
    /// by (`docs/FORMAT.md`). Ids are never renamed or reused.
    ///
    /// ```
    /// use statecraft::aggregate::RejectReason;
    ///
    /// assert_eq!(RejectReason::IDS[1], "no-rate");
    /// ```
    pub const IDS: &'static [&'static str] = <RejectKind as strum::VariantNames>::VARIANTS;
    pub(crate) const NO_RATE: usize = RejectKind::NoRate as usize;
    pub(crate) const OVERFLOW: usize = RejectKind::Overflow as usize;
    pub(crate) const TOO_PRECISE: usize = RejectKind::TooPrecise as usize;

    /// The kind of this reason.
    ///
    /// ```
    /// use statecraft::aggregate::{RejectKind, RejectReason};
    /// use statecraft::{Currency, Money};
    ///
    /// let reason = RejectReason::TooPrecise { amount: Money::zero(Currency::USD) };
    /// assert_eq!(reason.kind(), RejectKind::TooPrecise);
    /// ```
    pub fn kind(&self) -> RejectKind {
        RejectKind::from(self)
    }

    /// The place of this reason's kind in [`RejectReason::IDS`].
    pub(crate) fn index(&self) -> usize {
        self.kind() as usize
    }

    /// The stable kebab-case id of this kind of reason: `no-rate`,
    /// `unreadable`... (every one is in [`RejectReason::IDS`]).
    ///
    /// ```
    /// use statecraft::aggregate::RejectReason;
    /// use statecraft::{Currency, Money};
    ///
    /// let reason = RejectReason::TooPrecise { amount: Money::zero(Currency::USD) };
    /// assert_eq!(reason.id(), "too-precise");
    /// ```
    pub fn id(&self) -> &'static str {
        self.kind().into()
    }
}

/// The error a reader gave for a record it could not read, whatever the
/// reader (the CSV form's [`RecordError`](crate::records::RecordError),
/// or your own): kept whole and shared, so that rejections stay `Clone`.
/// Two are equal when they say the same.
///
/// ```
/// use statecraft::records::{Reader, RecordError, RecordErrorKind};
/// use statecraft::aggregate::RejectReason;
///
/// let csv = "id,date,donor,recipient,stage,amount,currency\n1,2021-06-07,US,ZZ,pledged,5,USD\n";
/// let e: RecordError = Reader::new(csv.as_bytes()).next().unwrap().unwrap_err();
/// let reason = RejectReason::from(e);
/// let RejectReason::Unreadable(read) = &reason else { panic!() };
/// let e = read.downcast_ref::<RecordError>().unwrap();
/// assert!(matches!(e.kind(), RecordErrorKind::Country(_)));
/// assert_eq!(reason.to_string(), "column 4 (recipient): unknown country code `ZZ`");
/// ```
#[derive(Clone, Debug)]
pub struct ReaderError(Arc<dyn Error + Send + Sync + 'static>);

impl ReaderError {
    /// Keeps `error`.
    pub fn new(error: impl Error + Send + Sync + 'static) -> ReaderError {
        ReaderError(Arc::new(error))
    }

    /// The error, if it is a `T`.
    pub fn downcast_ref<T: Error + 'static>(&self) -> Option<&T> {
        self.0.downcast_ref()
    }

    /// The error.
    pub fn get_ref(&self) -> &(dyn Error + Send + Sync + 'static) {
        &*self.0
    }
}

impl PartialEq for ReaderError {
    fn eq(&self, other: &ReaderError) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.0.to_string() == other.0.to_string()
    }
}

impl Eq for ReaderError {}

impl fmt::Display for ReaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Error for ReaderError {
    /// The reader's error's own source: a `ReaderError` is that error,
    /// shared.
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.0.source()
    }
}

/// A record that was not summed: where it was, and why.
///
/// `line` is the line of the file for records read from one (the header
/// is line 1), or the position the caller gave
/// [`Aggregator::push_at`](crate::Aggregator::push_at).
///
/// ```
/// use statecraft::aggregate::{RejectReason, Rejection};
/// use statecraft::{Currency, Decimal};
///
/// let reason = RejectReason::Overflow { amount: "USD 5".parse()?, rate: Decimal::MAX, target: Currency::EUR };
/// let r = Rejection::new(12, reason);
/// assert_eq!(
///     r.to_string(),
///     "line 12: overflow: USD 5 at 79228162514264337593543950335 EUR per USD is beyond the largest EUR amount a decimal holds"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
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

    fn reason() -> RejectReason {
        RejectReason::TooPrecise {
            amount: Money::zero(Currency::USD),
        }
    }

    #[test]
    fn keeps_the_lowest_lines_in_order() {
        let mut kept = Vec::new();
        for line in [9, 3, 7, 1, 8, 2, 3] {
            if would_keep(&kept, 3, line) {
                keep_first(&mut kept, 3, Rejection::new(line, reason()));
            }
        }
        assert_eq!(kept.iter().map(Rejection::line).collect::<Vec<_>>(), [1, 2, 3]);
        let mut none = Vec::new();
        keep_first(&mut none, 0, Rejection::new(1, reason()));
        assert!(none.is_empty());
    }

    #[test]
    fn reasons_keep_their_cause() {
        #[derive(Debug, thiserror::Error)]
        #[error("bad row")]
        struct Bad;
        let reason = RejectReason::Unreadable(ReaderError::new(Bad));
        assert_eq!(reason.to_string(), "bad row");
        let cause = reason.source().and_then(|s| s.downcast_ref::<ReaderError>()).unwrap();
        assert!(cause.downcast_ref::<Bad>().is_some());
        assert_eq!(reason.clone(), reason);
        assert_eq!(RejectReason::Unreadable(ReaderError::new(Bad)), reason);
        crate::testing::assert_error::<RejectReason>();
    }

    #[test]
    fn ids_are_the_published_ones_in_the_order_of_the_kinds() {
        use strum::IntoEnumIterator;
        // docs/FORMAT.md publishes these ids; a JSON report counts by them.
        let published = [
            "unreadable",
            "no-rate",
            "overflow",
            "too-precise",
            "group-not-known",
            "area-not-known",
            "funding",
            "undated",
            "unknown-pledge",
        ];
        assert_eq!(RejectReason::IDS, published);
        for (i, kind) in RejectKind::iter().enumerate() {
            assert_eq!(kind as usize, i);
            assert_eq!(kind.to_string(), published[i]);
        }
        let cases = [
            (reason(), RejectKind::TooPrecise),
            (
                RejectReason::Overflow {
                    amount: Money::zero(Currency::EUR),
                    rate: Decimal::ONE,
                    target: Currency::USD,
                },
                RejectKind::Overflow,
            ),
            (
                RejectReason::NoRate(FxError::from(std::io::Error::other("gone"))),
                RejectKind::NoRate,
            ),
        ];
        for (reason, kind) in cases {
            assert_eq!(reason.kind(), kind);
            assert_eq!(reason.id(), kind.to_string());
            assert_eq!(RejectReason::IDS[reason.index()], reason.id());
        }
        assert_eq!(RejectReason::NO_RATE, 1);
        assert_eq!(RejectReason::OVERFLOW, 2);
        assert_eq!(RejectReason::TOO_PRECISE, 3);
    }
}
