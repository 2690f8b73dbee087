//! `Rate`: one exchange rate, with where it came from.

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::FxError;
use crate::{Currency, Money};

/// How a rate was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Derivation {
    /// As published by its source.
    Published,
    /// The exact inverse of a published rate (`1 / rate`).
    Inverse,
    /// A currency into itself: exactly 1.
    Identity,
    /// The product of its [`legs`](Rate::legs), through a pivot currency.
    Cross,
}

/// An exchange rate: how many units of [`to`](Rate::to) one unit of
/// [`from`](Rate::from) buys, as published for [`date`](Rate::date) by
/// [`source`](Rate::source).
///
/// The value is never rounded: a cross rate through the euro is
/// `to_per_eur / from_per_eur` at the full precision of a `Decimal`, and
/// its [`legs`](Rate::legs) show each published rate it was made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rate {
    from: Currency,
    to: Currency,
    value: Decimal,
    date: NaiveDate,
    source: Arc<str>,
    derivation: Derivation,
    legs: Vec<Rate>,
}

impl Rate {
    /// A published rate: one `from` buys `value` of `to`, published for
    /// `date` by `source`.
    ///
    /// # Errors
    ///
    /// [`FxError::InvalidRate`] unless `value` is positive.
    ///
    /// ```
    /// use statecraft::{fx::Rate, Currency, Decimal, NaiveDate};
    ///
    /// let day = NaiveDate::from_ymd_opt(2021, 6, 4).unwrap();
    /// let r = Rate::new(Currency::USD, Currency::GTQ, Decimal::new(77237, 4), day, "Banguat")?;
    /// assert_eq!(r.value().to_string(), "7.7237");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        from: Currency,
        to: Currency,
        value: Decimal,
        date: NaiveDate,
        source: impl Into<Arc<str>>,
    ) -> Result<Rate, FxError> {
        if value <= Decimal::ZERO {
            return Err(FxError::InvalidRate { from, to, date, value });
        }
        Ok(Rate {
            from,
            to,
            value,
            date,
            source: source.into(),
            derivation: Derivation::Published,
            legs: Vec::new(),
        })
    }

    /// The rate of a currency into itself: exactly 1, on `date`.
    pub fn identity(currency: Currency, date: NaiveDate) -> Rate {
        Rate {
            from: currency,
            to: currency,
            value: Decimal::ONE,
            date,
            source: Arc::from("identity"),
            derivation: Derivation::Identity,
            legs: Vec::new(),
        }
    }

    /// Units of `to` for one unit of `from`.
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// The currency converted from.
    pub fn from(&self) -> Currency {
        self.from
    }

    /// The currency converted into.
    pub fn to(&self) -> Currency {
        self.to
    }

    /// The date of the published rate actually used, which can be earlier
    /// than the date asked for (a weekend or holiday takes the last
    /// business day's rate). For a cross rate, the earliest date among its
    /// legs.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The name of the source that answered ("ECB", or the name given to a
    /// rate table). For a cross rate whose legs come from different
    /// sources, their names joined with " + ".
    pub fn source(&self) -> &str {
        &self.source
    }

    /// How the rate was obtained.
    pub fn derivation(&self) -> Derivation {
        self.derivation
    }

    /// Whether the rate was derived (inverted or crossed) rather than
    /// published as it stands.
    pub fn is_derived(&self) -> bool {
        matches!(self.derivation, Derivation::Inverse | Derivation::Cross)
    }

    /// The rates a cross rate was made from, in order (`from` → pivot,
    /// pivot → `to`); empty for a rate that is not a cross.
    pub fn legs(&self) -> &[Rate] {
        &self.legs
    }

    /// The exact inverse: one `to` buys `1 / value` of `from`.
    ///
    /// # Errors
    ///
    /// [`FxError::Overflow`] when `1 / value` does not fit a `Decimal`.
    pub fn inverse(&self) -> Result<Rate, FxError> {
        let value = Decimal::ONE.checked_div(self.value).ok_or(FxError::Overflow {
            what: format!("the inverse of the {}/{} rate {}", self.from, self.to, self.value),
        })?;
        Ok(Rate {
            from: self.to,
            to: self.from,
            value,
            date: self.date,
            source: self.source.clone(),
            derivation: match self.derivation {
                Derivation::Identity => Derivation::Identity,
                _ => Derivation::Inverse,
            },
            legs: Vec::new(),
        })
    }

    /// `money` converted at this rate: the exact product, unrounded.
    ///
    /// # Errors
    ///
    /// [`FxError::CurrencyMismatch`] when `money` is not in
    /// [`from`](Rate::from); [`FxError::Overflow`] when the product does
    /// not fit a `Decimal`.
    pub fn apply(&self, money: Money) -> Result<Money, FxError> {
        if money.currency() != self.from {
            return Err(FxError::CurrencyMismatch {
                expected: self.from,
                found: money.currency(),
            });
        }
        money
            .amount()
            .checked_mul(self.value)
            .map(|amount| Money::new(amount, self.to))
            .ok_or_else(|| FxError::Overflow {
                what: format!("{money} × {} {}/{}", self.value, self.to, self.from),
            })
    }
}

impl fmt::Display for Rate {
    /// `1 USD = 0.7056… GBP (ECB, 2021-06-07)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "1 {} = {} {} ({}, {})",
            self.from, self.value, self.to, self.source, self.date
        )
    }
}
