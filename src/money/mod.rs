//! Money: ISO 4217 currencies and exact amounts, with news notation, the
//! currency symbols of CLDR, and exact sums.
//!
//! - [`Currency`]: every ISO 4217 list-one code and those withdrawn since
//!   1999, with the days each was in circulation ([`CurrencyKind`]: money,
//!   fund, index unit, ...).
//! - [`Money`]: an exact [`Decimal`] amount in one
//!   currency; checked arithmetic ([`MoneyError`]), explicit rounding
//!   ([`RoundingStrategy`]), news notation in and out (`$310m`,
//!   [`ParseMoneyError`] when it does not read).
//! - [`CurrencySymbol`] and [`SymbolContext`]: the symbols of CLDR, and
//!   how an ambiguous one (`$`, `kr`) is read where a text is published.
//! - [`ExactSum`]: a sum of converted amounts at 46 decimal places, in
//!   256-bit integers, rounded once at the end: what every total of the
//!   [`Aggregator`](crate::Aggregator) is made from.
//!
//! ```
//! use statecraft::money::ExactSum;
//! use statecraft::{Currency, Money};
//!
//! let aid: Money = "$310m".parse()?;
//! assert_eq!(aid.to_string(), "USD 310000000");
//! assert_eq!(aid.checked_div(3.into())?.round().to_compact(), "$103.3m");
//!
//! let third: ExactSum = Money::new("0.005".parse()?, Currency::USD).into();
//! let sum = third.checked_add(third)?.checked_add(third)?;
//! assert_eq!(sum.to_string(), "USD 0.015");
//! assert_eq!(sum.round()?.to_string(), "USD 0.02"); // half to even, once
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod allocate;
mod amount;
mod compact;
mod currency;
mod currency_table;
mod error;
mod exact;
mod figure;
pub(crate) mod parse;
mod symbol;
mod symbol_table;
pub(crate) mod wide;
mod words;

pub use amount::Money;
pub use currency::{Currency, CurrencyKind, ParseCurrencyError};
pub use error::{MoneyError, MoneyErrorKind, Operation, ParseMoneyError};
pub use exact::ExactSum;
pub(crate) use parse::plain_decimal;
pub use rust_decimal::RoundingStrategy;
pub use symbol::{CurrencySymbol, SymbolContext, SymbolError};

use rust_decimal::Decimal;

/// The serde form of [`Money`]: the amount as a string, so that no digit
/// is lost to a float: `{"amount": "310000000", "currency": "USD"}`.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, rename = "Money")]
struct MoneyRepr<A> {
    amount: A,
    currency: Currency,
}

impl serde::Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        MoneyRepr {
            amount: DecimalString(self.amount()),
            currency: self.currency(),
        }
        .serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Money {
    /// Reads `{"amount": "310000000", "currency": "USD"}`. The amount must
    /// be a string holding a plain decimal (`-1234.50`), read as every
    /// reader of the crate reads one ([`DecimalErrorKind`](crate::DecimalErrorKind)):
    /// no number (which JSON readers turn into floats), grouping,
    /// magnitude or exponent.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        let repr = MoneyRepr::<PlainDecimal>::deserialize(crate::serde_strict::Strict(d))?;
        Ok(Money::new(repr.amount.0, repr.currency))
    }
}

struct DecimalString(Decimal);

impl serde::Serialize for DecimalString {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// A decimal read from a string by [`plain_decimal`].
pub(crate) struct PlainDecimal(pub(crate) Decimal);

impl std::str::FromStr for PlainDecimal {
    type Err = ParseMoneyError;

    fn from_str(s: &str) -> Result<PlainDecimal, ParseMoneyError> {
        plain_decimal(s)
            .map(PlainDecimal)
            .map_err(|kind| ParseMoneyError::new(s, kind.into()))
    }
}

impl<'de> serde::Deserialize<'de> for PlainDecimal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<PlainDecimal, D::Error> {
        crate::serde_str::deserialize_from_str(d, "a decimal amount in a string, such as \"310000000\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_is_lossless_and_strict() {
        let m = Money::new("310000000.10".parse().unwrap(), Currency::USD);
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, r#"{"amount":"310000000.10","currency":"USD"}"#);
        let back: Money = serde_json::from_str(&json).unwrap();
        assert_eq!(back, m);
        assert_eq!(back.amount().scale(), 2);
        let errors = [
            (r#"{"amount":310000000,"currency":"USD"}"#, "invalid type: integer `310000000`, expected a decimal amount in a string, such as \"310000000\" at line 1 column 19"),
            (r#"{"amount":"1e5","currency":"USD"}"#, "invalid amount `1e5`: exponents are not accepted at line 1 column 15"),
            (r#"{"amount":"5","currency":"XYZ"}"#, "unknown currency code `XYZ` at line 1 column 30"),
            (r#"{"amount":"5","currency":"USD","note":1}"#, "unknown field `note`, expected `amount` or `currency` at line 1 column 37"),
            (r#"{"amount":"5"}"#, "missing field `currency` at line 1 column 14"),
        ];
        for (json, msg) in errors {
            let e = serde_json::from_str::<Money>(json).unwrap_err();
            assert_eq!(e.to_string(), msg, "{json}");
        }
    }
}
