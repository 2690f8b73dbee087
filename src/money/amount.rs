//! `Money`: an exact amount in one currency, with checked arithmetic.

use std::fmt;
use std::ops::Neg;

use rust_decimal::{Decimal, RoundingStrategy};

use super::error::{MoneyError, Operation};
use super::Currency;
use crate::notation::number::group_thousands;

/// An exact amount of money in one currency.
///
/// The amount is a [`Decimal`]: never a float, never rounded behind your
/// back. Arithmetic is checked (`checked_add`, `checked_sub`,
/// `checked_mul`, `checked_div`, [`Money::checked_sum`]) and returns a
/// [`MoneyError`] for mixed currencies, overflow or division by zero; no
/// operator that could panic is implemented. Round explicitly with
/// [`Money::round`] (half-even to the currency's minor units) or
/// [`Money::round_with`].
///
/// Text goes both ways: `Display` writes `USD 310000000.00`, which
/// `FromStr` reads back to an equal value with the same scale, and
/// `FromStr` also reads news notation (`$310m`, `£219m`, `310 million
/// USD`; see [`Money::from_str`](#impl-FromStr-for-Money)).
/// [`Money::to_compact`] writes news notation. The alternate form `{:#}`
/// groups thousands: `USD 310,000,000.00`.
///
/// ```
/// use statecraft::{Currency, Decimal, Money};
///
/// let aid: Money = "$310m".parse()?;
/// assert_eq!(aid, Money::new(Decimal::from(310_000_000), Currency::USD));
/// assert_eq!(aid.to_string(), "USD 310000000");
/// assert_eq!(format!("{aid:#}"), "USD 310,000,000");
/// assert_eq!(aid.to_compact(), "$310m");
///
/// let third = aid.checked_div(Decimal::from(3))?;
/// assert_eq!(third.round().to_string(), "USD 103333333.33");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Money {
    amount: Decimal,
    currency: Currency,
}

impl Money {
    /// An amount in a currency, exactly as given (scale included).
    ///
    /// ```
    /// use statecraft::{Currency, Decimal, Money};
    ///
    /// let m = Money::new(Decimal::new(123456, 2), Currency::GBP);
    /// assert_eq!(m.to_string(), "GBP 1234.56");
    /// ```
    pub const fn new(amount: Decimal, currency: Currency) -> Money {
        Money { amount, currency }
    }

    /// Zero in a currency.
    ///
    /// ```
    /// use statecraft::{Currency, Money};
    ///
    /// let nothing = Money::zero(Currency::EUR);
    /// assert!(nothing.is_zero());
    /// assert_eq!(nothing, "EUR 0".parse::<Money>()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn zero(currency: Currency) -> Money {
        Money {
            amount: Decimal::ZERO,
            currency,
        }
    }

    /// The amount, exactly as given or read, scale included.
    ///
    /// ```
    /// use statecraft::{Decimal, Money};
    ///
    /// let m: Money = "£218.8m".parse()?;
    /// assert_eq!(m.amount(), Decimal::from(218_800_000));
    /// assert_eq!("USD 12.50".parse::<Money>()?.amount().to_string(), "12.50");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn amount(self) -> Decimal {
        self.amount
    }

    /// The currency.
    ///
    /// ```
    /// use statecraft::{Currency, Money};
    ///
    /// assert_eq!("£219m".parse::<Money>()?.currency(), Currency::GBP);
    /// assert_eq!("Q75k".parse::<Money>()?.currency(), Currency::GTQ);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn currency(self) -> Currency {
        self.currency
    }

    /// Whether the amount is zero, at any scale and either sign.
    ///
    /// ```
    /// use statecraft::Money;
    ///
    /// assert!("USD 0.00".parse::<Money>()?.is_zero());
    /// assert!("-$0".parse::<Money>()?.is_zero());
    /// assert!(!"$0.01".parse::<Money>()?.is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn is_zero(self) -> bool {
        self.amount.is_zero()
    }

    /// Whether the amount is below zero (a reduction or cancellation); a
    /// zero is never negative.
    ///
    /// ```
    /// use statecraft::Money;
    ///
    /// assert!("-$5m".parse::<Money>()?.is_negative());
    /// assert!(!"$5m".parse::<Money>()?.is_negative());
    /// assert!(!"-$0".parse::<Money>()?.is_negative());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_negative(self) -> bool {
        self.amount.is_sign_negative() && !self.amount.is_zero()
    }

    /// The absolute amount, in the same currency.
    ///
    /// ```
    /// use statecraft::Money;
    ///
    /// let cut: Money = "-$5m".parse()?;
    /// assert_eq!(cut.abs(), "$5m".parse()?);
    /// assert_eq!(cut.abs().abs(), cut.abs());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn abs(self) -> Money {
        Money {
            amount: self.amount.abs(),
            currency: self.currency,
        }
    }

    fn same_currency(self, other: Money, operation: Operation) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                operation,
                left: self.currency,
                right: other.currency,
            })
        }
    }

    /// `self + other`, exactly.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] when the currencies differ,
    /// [`MoneyError::Overflow`] when the sum does not fit a `Decimal`.
    ///
    /// ```
    /// use statecraft::Money;
    ///
    /// let a: Money = "USD 1.10".parse()?;
    /// let b: Money = "USD 2.205".parse()?;
    /// assert_eq!(a.checked_add(b)?.to_string(), "USD 3.305");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other, Operation::Add)?;
        self.amount
            .checked_add(other.amount)
            .map(|amount| Money {
                amount,
                currency: self.currency,
            })
            .ok_or(MoneyError::Overflow {
                operation: Operation::Add,
                left: self,
                right: other.amount,
            })
    }

    /// `self - other`, exactly.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] when the currencies differ,
    /// [`MoneyError::Overflow`] when the difference does not fit.
    ///
    /// ```
    /// use statecraft::Money;
    ///
    /// let pledged: Money = "$25m".parse()?;
    /// let paid: Money = "$1.5m".parse()?;
    /// assert_eq!(pledged.checked_sub(paid)?.to_compact(), "$23.5m");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(other, Operation::Subtract)?;
        self.amount
            .checked_sub(other.amount)
            .map(|amount| Money {
                amount,
                currency: self.currency,
            })
            .ok_or(MoneyError::Overflow {
                operation: Operation::Subtract,
                left: self,
                right: other.amount,
            })
    }

    /// `self × factor`, exactly (as far as 28 significant digits allow;
    /// `Decimal` keeps the result exact whenever it fits).
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] when the product does not fit.
    ///
    /// ```
    /// use statecraft::{Decimal, Money};
    ///
    /// let m: Money = "$310m".parse()?;
    /// let share = m.checked_mul(Decimal::new(40, 2))?;
    /// assert_eq!(share.to_compact(), "$124m");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_mul(self, factor: Decimal) -> Result<Money, MoneyError> {
        self.amount
            .checked_mul(factor)
            .map(|amount| Money {
                amount,
                currency: self.currency,
            })
            .ok_or(MoneyError::Overflow {
                operation: Operation::Multiply,
                left: self,
                right: factor,
            })
    }

    /// `self ÷ divisor`, to the 28 significant digits a `Decimal` holds,
    /// unrounded otherwise.
    ///
    /// # Errors
    ///
    /// [`MoneyError::DivisionByZero`] for a zero divisor,
    /// [`MoneyError::Overflow`] when the quotient does not fit.
    ///
    /// ```
    /// use statecraft::{Decimal, Money};
    ///
    /// let m: Money = "$10".parse()?;
    /// assert!(m.checked_div(Decimal::ZERO).is_err());
    /// assert_eq!(m.checked_div(Decimal::from(4))?.amount(), Decimal::new(25, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_div(self, divisor: Decimal) -> Result<Money, MoneyError> {
        if divisor.is_zero() {
            return Err(MoneyError::DivisionByZero { dividend: self });
        }
        self.amount
            .checked_div(divisor)
            .map(|amount| Money {
                amount,
                currency: self.currency,
            })
            .ok_or(MoneyError::Overflow {
                operation: Operation::Divide,
                left: self,
                right: divisor,
            })
    }

    /// The exact sum of `amounts`, all in `currency`; zero for none.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] at the first amount in another
    /// currency, [`MoneyError::Overflow`] when a partial sum does not fit.
    ///
    /// ```
    /// use statecraft::{Currency, Money};
    ///
    /// let parts = ["$1.5m", "$500k", "$25"].map(|s| s.parse::<Money>());
    /// let parts = parts.into_iter().collect::<Result<Vec<_>, _>>()?;
    /// let total = Money::checked_sum(Currency::USD, parts)?;
    /// assert_eq!(total.to_string(), "USD 2000025");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_sum<I>(currency: Currency, amounts: I) -> Result<Money, MoneyError>
    where
        I: IntoIterator<Item = Money>,
    {
        let mut total = Money::zero(currency);
        for m in amounts {
            total.same_currency(m, Operation::Sum)?;
            total.amount = total.amount.checked_add(m.amount).ok_or(MoneyError::Overflow {
                operation: Operation::Sum,
                left: total,
                right: m.amount,
            })?;
        }
        Ok(total)
    }

    /// Rounds to the currency's minor units, half to even (banker's
    /// rounding), and writes that many decimals: `USD 2.675` becomes
    /// `USD 2.68`, `USD 2.665` becomes `USD 2.66`, `USD 5` becomes
    /// `USD 5.00`. A currency without minor units (XAU) is left as it is.
    ///
    /// ```
    /// use statecraft::Money;
    ///
    /// let m: Money = "USD 2.665".parse()?;
    /// assert_eq!(m.round().to_string(), "USD 2.66");
    /// let m: Money = "JPY 1234.5".parse()?;
    /// assert_eq!(m.round().to_string(), "JPY 1234");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn round(self) -> Money {
        self.round_with(RoundingStrategy::MidpointNearestEven)
    }

    /// Rounds to the currency's minor units with the given strategy.
    ///
    /// ```
    /// use statecraft::money::RoundingStrategy;
    /// use statecraft::Money;
    ///
    /// let m: Money = "USD 2.665".parse()?;
    /// assert_eq!(m.round_with(RoundingStrategy::MidpointAwayFromZero).to_string(), "USD 2.67");
    /// assert_eq!(m.round_with(RoundingStrategy::ToZero).to_string(), "USD 2.66");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn round_with(self, strategy: RoundingStrategy) -> Money {
        let Some(dp) = self.currency.minor_units() else {
            return self;
        };
        let dp = u32::from(dp);
        let rounded = self.amount.round_dp_with_strategy(dp, strategy);
        Money {
            amount: with_scale_at_least(rounded, dp),
            currency: self.currency,
        }
    }

    /// Writes the amount with its thousands grouped: `310,000,000.00`.
    pub(crate) fn write_grouped_amount(self, out: &mut String) {
        let s = self.amount.to_string();
        let (sign, digits) = match s.strip_prefix('-') {
            Some(rest) => ("-", rest),
            None => ("", s.as_str()),
        };
        let (int, frac) = match digits.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (digits, None),
        };
        out.push_str(sign);
        group_thousands(int, out);
        if let Some(f) = frac {
            out.push('.');
            out.push_str(f);
        }
    }
}

/// Pads `d` with trailing zeros up to `scale` decimals when that fits;
/// never changes its value.
fn with_scale_at_least(d: Decimal, scale: u32) -> Decimal {
    let current = d.scale();
    if current >= scale {
        return d;
    }
    let widened = 10i128
        .checked_pow(scale - current)
        .and_then(|p| d.mantissa().checked_mul(p))
        .and_then(|m| Decimal::try_from_i128_with_scale(m, scale).ok());
    widened.unwrap_or(d)
}

impl Neg for Money {
    type Output = Money;

    /// The opposite amount; it cannot overflow.
    fn neg(self) -> Money {
        Money {
            amount: -self.amount,
            currency: self.currency,
        }
    }
}

impl fmt::Display for Money {
    /// Writes `USD 310000000.00`: the code, a space and the amount with
    /// its scale. `{:#}` groups thousands: `USD 310,000,000.00`. Both
    /// forms parse back to an equal `Money`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(24);
        s.push_str(self.currency.code());
        s.push(' ');
        if f.alternate() {
            self.write_grouped_amount(&mut s);
        } else {
            s.push_str(&self.amount.to_string());
        }
        f.pad(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd(s: &str) -> Money {
        Money::new(s.parse().unwrap(), Currency::USD)
    }

    #[test]
    fn arithmetic_errors_are_values_not_panics() {
        let max = Money::new(Decimal::MAX, Currency::USD);
        let e = max.checked_add(usd("1")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "overflow: USD 79228162514264337593543950335 + 1 does not fit a decimal"
        );
        assert!(matches!(
            Money::new(Decimal::MIN, Currency::USD).checked_sub(usd("1")),
            Err(MoneyError::Overflow { .. })
        ));
        assert!(matches!(
            max.checked_mul(Decimal::TWO),
            Err(MoneyError::Overflow { .. })
        ));
        assert!(matches!(
            max.checked_div(Decimal::new(1, 1)),
            Err(MoneyError::Overflow { .. })
        ));
        assert_eq!(
            usd("1").checked_div(Decimal::ZERO).unwrap_err().to_string(),
            "cannot divide USD 1 by zero"
        );
        let gbp = Money::new(Decimal::ONE, Currency::GBP);
        assert_eq!(
            usd("1").checked_sub(gbp).unwrap_err().to_string(),
            "cannot subtract USD and GBP: currencies differ"
        );
        assert_eq!(
            Money::checked_sum(Currency::USD, [usd("1"), gbp])
                .unwrap_err()
                .to_string(),
            "cannot sum USD and GBP: currencies differ"
        );
        assert!(matches!(
            Money::checked_sum(Currency::USD, [max, max]),
            Err(MoneyError::Overflow { .. })
        ));
    }

    #[test]
    fn rounding_is_half_even_by_default_and_pads_to_minor_units() {
        assert_eq!(usd("2.665").round(), usd("2.66"));
        assert_eq!(usd("2.675").round(), usd("2.68"));
        assert_eq!(usd("-2.675").round(), usd("-2.68"));
        assert_eq!(usd("5").round().to_string(), "USD 5.00");
        assert_eq!(usd("0.005").round().to_string(), "USD 0.00");
        let kwd = Money::new("1.23456".parse().unwrap(), Currency::KWD);
        assert_eq!(kwd.round().to_string(), "KWD 1.235");
        let xau = Money::new("1.23456".parse().unwrap(), Currency::XAU);
        assert_eq!(xau.round(), xau);
        // Too large to pad: the value is kept, with the scale it has.
        let big = Money::new(Decimal::MAX, Currency::USD);
        assert_eq!(big.round(), big);
    }

    #[test]
    fn grouped_display() {
        assert_eq!(format!("{:#}", usd("310000000.00")), "USD 310,000,000.00");
        assert_eq!(format!("{:#}", usd("-1234.5")), "USD -1,234.5");
        assert_eq!(format!("{:#}", usd("999")), "USD 999");
    }
}
