//! `ExactSum`: a total of converted amounts, before any rounding.

use std::cmp::Ordering;
use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

use super::wide::{pow10, I256, SUM_SCALE, U256};
use crate::aggregate::AggregateError;
use crate::{Currency, Money};

/// The most decimal places a `Decimal` holds.
const DECIMAL_MAX_SCALE: u32 = 28;

/// An exact sum of money: every product `amount × rate × share` added
/// without rounding, to 46 decimal places.
///
/// 46 places hold any such product exactly: a rate carries at most 28
/// decimal places (a `Decimal`), an amount and a split share at most 18
/// between them. The range is ±5.7 × 10³⁰ units, beyond any `Decimal`.
/// Rounding happens only when you ask for a [`Money`]:
/// [`round`](ExactSum::round) is half to even at the currency's minor
/// units.
///
/// ```
/// use statecraft::money::ExactSum;
/// use statecraft::{Currency, Money};
///
/// let a = ExactSum::from("USD 0.125".parse::<Money>()?);
/// let b = ExactSum::from("USD 0.010".parse::<Money>()?);
/// let sum = a.checked_add(b)?;
/// assert_eq!(sum.to_string(), "USD 0.135");
/// assert_eq!(sum.round()?.to_string(), "USD 0.14"); // half to even
/// assert_eq!(ExactSum::zero(Currency::USD).round()?.to_string(), "USD 0.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExactSum {
    value: I256,
    currency: Currency,
}

impl ExactSum {
    /// Nothing, in `currency`.
    pub const fn zero(currency: Currency) -> ExactSum {
        ExactSum {
            value: I256::ZERO,
            currency,
        }
    }

    pub(crate) const fn from_raw(value: I256, currency: Currency) -> ExactSum {
        ExactSum { value, currency }
    }

    /// The currency of the sum.
    pub const fn currency(self) -> Currency {
        self.currency
    }

    /// Whether the sum is exactly zero.
    pub const fn is_zero(self) -> bool {
        self.value.is_zero()
    }

    /// Whether the sum is below zero.
    pub const fn is_negative(self) -> bool {
        self.value.is_negative()
    }

    /// `self + other`, exactly.
    ///
    /// # Errors
    ///
    /// [`AggregateError::CurrencyMismatch`] for sums in different
    /// currencies, [`AggregateError::Overflow`] beyond ±5.7 × 10³⁰.
    ///
    /// ```
    /// use statecraft::money::ExactSum;
    /// use statecraft::{Currency, Money};
    ///
    /// let usd = ExactSum::from("USD 1".parse::<Money>()?);
    /// let gbp = ExactSum::from("GBP 1".parse::<Money>()?);
    /// assert_eq!(usd.checked_add(gbp).unwrap_err().to_string(), "cannot add GBP to a sum in USD");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_add(self, other: ExactSum) -> Result<ExactSum, AggregateError> {
        if self.currency != other.currency {
            return Err(AggregateError::CurrencyMismatch {
                expected: self.currency,
                found: other.currency,
            });
        }
        self.value
            .checked_add(other.value)
            .map(|value| ExactSum { value, ..self })
            .ok_or_else(|| AggregateError::Overflow {
                what: format!("{self} + {other} exceeds the range of exact sums"),
            })
    }

    /// Rounded half to even to the currency's minor units (to as many
    /// places as a `Decimal` holds for a currency without minor units).
    ///
    /// # Errors
    ///
    /// [`AggregateError::OutOfRange`] when the rounded sum does not fit a
    /// `Decimal` (beyond about 7.9 × 10²⁸ / 10^minor units).
    pub fn round(self) -> Result<Money, AggregateError> {
        self.round_with(RoundingStrategy::MidpointNearestEven)
    }

    /// Rounded with `strategy` to the currency's minor units.
    ///
    /// # Errors
    ///
    /// As [`round`](ExactSum::round).
    ///
    /// ```
    /// use statecraft::money::{ExactSum, RoundingStrategy};
    /// use statecraft::Money;
    ///
    /// let s = ExactSum::from("USD 2.665".parse::<Money>()?);
    /// assert_eq!(s.round_with(RoundingStrategy::MidpointAwayFromZero)?.to_string(), "USD 2.67");
    /// assert_eq!(s.round_with(RoundingStrategy::ToZero)?.to_string(), "USD 2.66");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn round_with(self, strategy: RoundingStrategy) -> Result<Money, AggregateError> {
        match self.currency.minor_units() {
            Some(dp) => self.round_dp(u32::from(dp), strategy),
            None => (0..=DECIMAL_MAX_SCALE)
                .rev()
                .find_map(|dp| self.round_dp(dp, strategy).ok())
                .map(|m| Money::new(m.amount().normalize(), self.currency))
                .ok_or_else(|| self.out_of_range(0)),
        }
    }

    /// Rounded with `strategy` to `dp` decimal places (at most 28).
    ///
    /// # Errors
    ///
    /// [`AggregateError::OutOfRange`] when the result does not fit a
    /// `Decimal`.
    pub fn round_dp(self, dp: u32, strategy: RoundingStrategy) -> Result<Money, AggregateError> {
        let dp = dp.min(DECIMAL_MAX_SCALE);
        let (negative, magnitude) = self.value.round(SUM_SCALE - dp, strategy);
        let amount = magnitude
            .to_u128()
            .and_then(|m| i128::try_from(m).ok())
            .and_then(|m| Decimal::try_from_i128_with_scale(if negative { -m } else { m }, dp).ok())
            .ok_or_else(|| self.out_of_range(dp))?;
        Ok(Money::new(amount, self.currency))
    }

    fn out_of_range(self, dp: u32) -> AggregateError {
        AggregateError::OutOfRange {
            sum: self,
            decimal_places: dp,
        }
    }
}

impl From<Money> for ExactSum {
    /// The amount, exactly: any `Decimal` fits 46 decimal places.
    fn from(money: Money) -> ExactSum {
        let amount = money.amount();
        let magnitude = pow10(SUM_SCALE.saturating_sub(amount.scale()).min(38))
            .and_then(|p| U256::from_u128(amount.mantissa().unsigned_abs()).checked_mul_u128(p))
            .and_then(|m| {
                // A scale of 0..=7 needs 10^39..=10^46: one more factor.
                let rest = SUM_SCALE.saturating_sub(amount.scale()).saturating_sub(38);
                m.checked_mul_u128(pow10(rest)?)
            })
            .and_then(|m| I256::from_sign_magnitude(amount.is_sign_negative(), m));
        // |mantissa| < 2^96 and 10^46 < 2^153: the product is below 2^249.
        ExactSum {
            value: magnitude.unwrap_or(I256::ZERO),
            currency: money.currency(),
        }
    }
}

impl PartialOrd for ExactSum {
    /// Sums in the same currency compare by value; sums in different
    /// currencies do not compare.
    fn partial_cmp(&self, other: &ExactSum) -> Option<Ordering> {
        (self.currency == other.currency).then(|| self.value.cmp(&other.value))
    }
}

impl fmt::Display for ExactSum {
    /// `USD 1234.5678`: the code and every significant digit, no trailing
    /// zeros after the point.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (negative, magnitude) = self.value.sign_magnitude();
        let digits = magnitude.to_digits();
        let scale = SUM_SCALE as usize;
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (int, frac) = padded.split_at(padded.len() - scale);
        let frac = frac.trim_end_matches('0');
        let sign = if negative { "-" } else { "" };
        write!(f, "{} {sign}{int}", self.currency)?;
        if !frac.is_empty() {
            write!(f, ".{frac}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        s.parse().unwrap()
    }

    #[test]
    fn any_money_converts_exactly_and_rounds_back() {
        for s in [
            "USD 0",
            "USD -0.01",
            "USD 2.665",
            "JPY 1234.5",
            "USD 0.0000000000000000000000000001",
        ] {
            let e = ExactSum::from(m(s));
            assert_eq!(e.round().unwrap(), m(s).round(), "{s}");
        }
        let max = Money::new(Decimal::MAX, Currency::JPY);
        assert_eq!(ExactSum::from(max).round().unwrap(), max);
        let min = Money::new(Decimal::MIN, Currency::JPY);
        assert_eq!(ExactSum::from(min).round().unwrap(), min);
        assert_eq!(ExactSum::from(min).to_string(), "JPY -79228162514264337593543950335");
        assert_eq!(ExactSum::from(m("USD -0.5")).to_string(), "USD -0.5");
    }

    #[test]
    fn out_of_range_is_an_error_not_a_panic() {
        let max = ExactSum::from(Money::new(Decimal::MAX, Currency::USD));
        assert_eq!(
            max.round().unwrap_err().to_string(),
            "the sum USD 79228162514264337593543950335 does not fit a decimal at 2 decimal places"
        );
        let mut big = max;
        let mut overflowed = None;
        for _ in 0..200 {
            match big.checked_add(big) {
                Ok(b) => big = b,
                Err(e) => {
                    overflowed = Some(e);
                    break;
                }
            }
        }
        assert!(overflowed.unwrap().to_string().starts_with("overflow: USD "));
    }

    #[test]
    fn without_minor_units_keeps_what_fits() {
        let gold = ExactSum::from(m("XAU 1.25"));
        assert_eq!(gold.round().unwrap().to_string(), "XAU 1.25");
        assert!(gold > ExactSum::zero(Currency::XAU));
        assert_eq!(gold.partial_cmp(&ExactSum::zero(Currency::USD)), None);
    }
}
