//! Errors of money arithmetic and parsing.

use std::fmt;

use rust_decimal::Decimal;

use super::currency::SameCountryCodes;
use super::symbol::SymbolError;
use super::{Currency, Money};
use crate::Excerpt;

/// An arithmetic operation on [`Money`], as named in errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Operation {
    /// `checked_add`.
    Add,
    /// `checked_sub`.
    Subtract,
    /// `checked_mul`.
    Multiply,
    /// `checked_div`.
    Divide,
    /// `checked_sum`.
    Sum,
}

impl Operation {
    /// The operator sign: `+`, `-`, `×`, `÷`; `+` for a sum.
    pub const fn symbol(self) -> &'static str {
        match self {
            Operation::Add | Operation::Sum => "+",
            Operation::Subtract => "-",
            Operation::Multiply => "×",
            Operation::Divide => "÷",
        }
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Operation::Add => "add",
            Operation::Subtract => "subtract",
            Operation::Multiply => "multiply",
            Operation::Divide => "divide",
            Operation::Sum => "sum",
        })
    }
}

/// The error of checked money arithmetic. Arithmetic never panics and
/// never rounds: it returns the exact result or one of these.
///
/// ```
/// use statecraft::{Money, MoneyError};
///
/// let usd: Money = "$5".parse()?;
/// let gbp: Money = "£5".parse()?;
/// let e = usd.checked_add(gbp).unwrap_err();
/// assert_eq!(e.to_string(), "cannot add USD and GBP: currencies differ");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// The two amounts are in different currencies.
    #[error("cannot {operation} {left} and {right}: currencies differ")]
    CurrencyMismatch {
        /// The operation attempted.
        operation: Operation,
        /// The currency of the left-hand amount (or of the sum).
        left: Currency,
        /// The currency of the right-hand amount.
        right: Currency,
    },
    /// The result does not fit a `Decimal` (about ±7.9 × 10²⁸).
    #[error("overflow: {left} {} {right} does not fit a decimal", operation.symbol())]
    Overflow {
        /// The operation attempted.
        operation: Operation,
        /// The amount operated on.
        left: Money,
        /// The other operand.
        right: Decimal,
    },
    /// Weights that cannot split an amount.
    #[error("cannot allocate: {reason}")]
    InvalidWeights {
        /// What is wrong with the weights.
        reason: &'static str,
    },
    /// Division by zero.
    #[error("cannot divide {dividend} by zero")]
    DivisionByZero {
        /// The amount that was to be divided.
        dividend: Money,
    },
}

/// The error for text that is not an amount of money.
///
/// ```
/// let e = "$1,00,000".parse::<statecraft::Money>().unwrap_err();
/// assert_eq!(e.to_string(), "invalid amount `$1,00,000`: bad digit grouping");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid amount `{input}`: {kind}")]
pub struct ParseMoneyError {
    input: Excerpt,
    kind: MoneyErrorKind,
}

impl ParseMoneyError {
    pub(crate) fn new(input: &str, kind: MoneyErrorKind) -> ParseMoneyError {
        ParseMoneyError {
            input: Excerpt::new(input),
            kind,
        }
    }

    /// The text that was not an amount (cut to 60 characters).
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// What is wrong with it.
    pub fn kind(&self) -> &MoneyErrorKind {
        &self.kind
    }
}

/// What is wrong with an amount of money.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyErrorKind {
    /// Nothing but whitespace.
    #[error("empty")]
    Empty,
    /// No number.
    #[error("no digits")]
    NoDigits,
    /// A number without a currency code or symbol.
    #[error("no currency")]
    NoCurrency,
    /// A three-letter code that is not in ISO 4217 (the message names the
    /// codes of the same country, if any).
    #[error("unknown currency code `{code}`{similar}", code = .0, similar = SameCountryCodes(.0.as_str()))]
    UnknownCode(Excerpt),
    /// A symbol that no currency uses.
    #[error("unknown currency symbol `{0}`")]
    UnknownSymbol(Excerpt),
    /// Commas that do not group digits in threes (`1,00,000`).
    #[error("bad digit grouping")]
    BadGrouping,
    /// A second decimal point.
    #[error("two decimal points")]
    TwoDecimalPoints,
    /// Scientific notation (`1e5`).
    #[error("exponents are not accepted")]
    Exponent,
    /// Two signs, or a sign in the wrong place.
    #[error("misplaced sign")]
    MisplacedSign,
    /// More than a `Decimal` holds (about 7.9 × 10²⁸).
    #[error("too large for a decimal")]
    TooLarge,
    /// More than 28 digits after the decimal point.
    #[error("more than 28 decimal places")]
    TooPrecise,
    /// More significant digits than a `Decimal` holds: 28, or 29 below
    /// about 7.9 (`$9.9999999999999999999999999999`).
    #[error("more significant digits than a decimal holds (28)")]
    TooManyDigits,
    /// Text after the amount.
    #[error("unexpected `{0}` after the amount")]
    TrailingText(Excerpt),
    /// A currency symbol that cannot be read as one currency: ambiguous
    /// with no default in the context (`kr`), or a single letter before a
    /// plain number (`Q3`).
    #[error(transparent)]
    Symbol(SymbolError),
    /// The code of a minor unit (`GBp`, `GBX`: pence), which is never read
    /// as the currency itself.
    #[error("`{code}` is the minor unit of {currency}: amounts in minor units are not read")]
    MinorUnit {
        /// The code given.
        code: Excerpt,
        /// The currency whose minor unit it is.
        currency: Currency,
    },
}

impl From<crate::notation::number::NumeralError> for MoneyErrorKind {
    fn from(e: crate::notation::number::NumeralError) -> MoneyErrorKind {
        use crate::notation::number::NumeralError as N;
        match e {
            N::NoDigits => MoneyErrorKind::NoDigits,
            N::BadGrouping => MoneyErrorKind::BadGrouping,
            N::TwoDecimalPoints => MoneyErrorKind::TwoDecimalPoints,
            N::Exponent => MoneyErrorKind::Exponent,
            N::TooLarge => MoneyErrorKind::TooLarge,
            N::TooPrecise => MoneyErrorKind::TooPrecise,
            N::TooManyDigits => MoneyErrorKind::TooManyDigits,
        }
    }
}
