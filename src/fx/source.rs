//! `RateSource`: anything that answers "how many `to` for one `from` on
//! this day".

use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{FxError, Rate};
use crate::{Currency, Money};

/// A source of dated exchange rates: the ECB history, a table of rates a
/// user supplies, or a chain of those.
///
/// Implementors answer [`rate`](RateSource::rate); [`convert`](RateSource::convert)
/// applies the rate exactly, without rounding, and
/// [`rate_value`](RateSource::rate_value) gives only its value; a source
/// may answer these two faster than through a [`Rate`]. Shared
/// references, `Box`es and `Arc`s of a source are sources too.
pub trait RateSource {
    /// The rate for one `from` in `to` on `on`, under the source's
    /// missing-rate policy. The rate says which date it was published for
    /// (which may be earlier than `on`), which source answered, and for a
    /// cross rate, its legs.
    ///
    /// # Errors
    ///
    /// [`FxError`] naming the currency, the date and why there is no rate.
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError>;

    /// `money` in `to` at the rate of `on`: the exact product, unrounded.
    ///
    /// # Errors
    ///
    /// Whatever [`rate`](RateSource::rate) returns, or
    /// [`FxError::Overflow`] when the product does not fit a `Decimal`.
    fn convert(&self, money: Money, to: Currency, on: NaiveDate) -> Result<Money, FxError> {
        self.rate(money.currency(), to, on)?.apply(money)
    }

    /// The [`value`](Rate::value) of [`rate`](RateSource::rate)`(from, to,
    /// on)`, or its error, without the rest of the [`Rate`] (its date,
    /// source and legs): what the [`Aggregator`](crate::Aggregator) asks
    /// once per currency and day. A source that overrides it must answer
    /// exactly as `rate` would.
    ///
    /// # Errors
    ///
    /// Whatever [`rate`](RateSource::rate) returns.
    fn rate_value(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Decimal, FxError> {
        self.rate(from, to, on).map(|r| r.value())
    }

    /// The [`ratio`](Rate::ratio) of [`rate`](RateSource::rate)`(from, to,
    /// on)`: the exact rate as a fraction of published figures, of which
    /// [`rate_value`](RateSource::rate_value) is the quotient to a
    /// `Decimal`'s 28 digits. The [`Aggregator`](crate::Aggregator) asks
    /// it once per currency and day to know whether that quotient is
    /// exact, and to recompute exactly a total it cannot otherwise round
    /// with certainty. A source that overrides it must answer with the
    /// same fraction (or an equal one) as `rate` would.
    ///
    /// # Errors
    ///
    /// Whatever [`rate`](RateSource::rate) returns.
    fn rate_ratio(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<(Decimal, Decimal), FxError> {
        self.rate(from, to, on).map(|r| r.ratio())
    }
}

/// A shared reference, a `Box` or an `Arc` of a source answers as the
/// source does: every method is forwarded, so that a source's faster
/// `convert`, `rate_value` and `rate_ratio` are kept behind the pointer.
macro_rules! forward_rate_source {
    ($($pointer:ty),+) => {$(
        impl<T: RateSource + ?Sized> RateSource for $pointer {
            fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
                (**self).rate(from, to, on)
            }

            fn convert(&self, money: Money, to: Currency, on: NaiveDate) -> Result<Money, FxError> {
                (**self).convert(money, to, on)
            }

            fn rate_value(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Decimal, FxError> {
                (**self).rate_value(from, to, on)
            }

            fn rate_ratio(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<(Decimal, Decimal), FxError> {
                (**self).rate_ratio(from, to, on)
            }
        }
    )+};
}

forward_rate_source!(&T, Box<T>, Arc<T>);
