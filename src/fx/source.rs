//! `RateSource`: anything that answers "how many `to` for one `from` on
//! this day".

use std::sync::Arc;

use chrono::NaiveDate;

use super::{FxError, Rate};
use crate::{Currency, Money};

/// A source of dated exchange rates: the ECB history, a table of rates a
/// user supplies, or a chain of those.
///
/// Implementors answer [`rate`](RateSource::rate); [`convert`](RateSource::convert)
/// applies the rate exactly, without rounding. Shared references, `Box`es
/// and `Arc`s of a source are sources too.
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
}

impl<T: RateSource + ?Sized> RateSource for &T {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        (**self).rate(from, to, on)
    }

    fn convert(&self, money: Money, to: Currency, on: NaiveDate) -> Result<Money, FxError> {
        (**self).convert(money, to, on)
    }
}

impl<T: RateSource + ?Sized> RateSource for Box<T> {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        (**self).rate(from, to, on)
    }

    fn convert(&self, money: Money, to: Currency, on: NaiveDate) -> Result<Money, FxError> {
        (**self).convert(money, to, on)
    }
}

impl<T: RateSource + ?Sized> RateSource for Arc<T> {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        (**self).rate(from, to, on)
    }

    fn convert(&self, money: Money, to: Currency, on: NaiveDate) -> Result<Money, FxError> {
        (**self).convert(money, to, on)
    }
}
