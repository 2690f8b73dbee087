//! Errors of aggregation.

use super::ExactSum;
use crate::Currency;

/// Why totals could not be merged, added or read.
///
/// Records that cannot be summed are not errors: they are
/// [`Rejection`](crate::aggregate::Rejection)s, counted and kept with the totals.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AggregateError {
    /// Two aggregators that do not sum the same thing.
    #[error("cannot merge totals {theirs} into totals {ours}")]
    Incompatible {
        /// What the receiving aggregator sums ("in USD by recipient at
        /// each record's date").
        ours: String,
        /// What the other one sums.
        theirs: String,
    },
    /// Sums in different currencies.
    #[error("cannot add {found} to a sum in {expected}")]
    CurrencyMismatch {
        /// The currency of the sum added to.
        expected: Currency,
        /// The currency of the sum added.
        found: Currency,
    },
    /// A sum beyond what it may hold: a total beyond what a `Decimal`
    /// holds at the currency's minor units, or an exact sum beyond
    /// ±5.7 × 10³⁰ units.
    #[error("overflow: {what}")]
    Overflow {
        /// What overflowed.
        what: String,
    },
    /// A dimension the input cannot be grouped by: IATI transactions are
    /// totalled by recipient, donor or year.
    #[error("IATI transactions are totalled by recipient, donor or year, not by {by}")]
    UnsupportedDimension {
        /// The dimension (or pair) asked for.
        by: String,
    },
    /// An exact sum too large to round into a `Decimal`.
    #[error("the sum {sum} does not fit a decimal at {decimal_places} decimal places")]
    OutOfRange {
        /// The exact sum.
        sum: ExactSum,
        /// The decimal places asked for.
        decimal_places: u32,
    },
}
