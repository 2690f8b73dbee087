//! Errors of money arithmetic and parsing.

use std::fmt;

use rust_decimal::Decimal;

use super::currency::SameCountryCodes;
use super::symbol::SymbolError;
use super::{Currency, Money};
use crate::{DecimalErrorKind, Excerpt};

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
/// use statecraft::money::MoneyError;
/// use statecraft::Money;
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
#[error("invalid amount `{}`: {}", .0.input, .0.kind)]
pub struct ParseMoneyError(Box<Parts>);

/// What a [`ParseMoneyError`] holds, boxed so that the error stays one
/// pointer wide.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Parts {
    input: Excerpt,
    kind: MoneyErrorKind,
}

impl ParseMoneyError {
    pub(crate) fn new(input: &str, kind: MoneyErrorKind) -> ParseMoneyError {
        ParseMoneyError(Box::new(Parts {
            input: Excerpt::new(input),
            kind,
        }))
    }

    /// The text that was not an amount (cut to 60 characters).
    pub fn input(&self) -> &str {
        self.0.input.as_str()
    }

    /// What is wrong with it.
    pub fn kind(&self) -> &MoneyErrorKind {
        &self.0.kind
    }
}

/// What is wrong with an amount of money: with the notation around the
/// number (its currency, the text after it), or with the number itself,
/// as every reader of numbers says it ([`DecimalErrorKind`]).
///
/// ```
/// use statecraft::money::MoneyErrorKind;
/// use statecraft::{DecimalErrorKind, Money};
///
/// let e = "$1.2.3".parse::<Money>().unwrap_err();
/// assert_eq!(e.kind(), &MoneyErrorKind::Number(DecimalErrorKind::TwoDecimalPoints));
/// let e = "310 million".parse::<Money>().unwrap_err();
/// assert_eq!(e.kind(), &MoneyErrorKind::NoCurrency);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyErrorKind {
    /// Nothing but whitespace.
    #[error("empty")]
    Empty,
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
    /// Text after the amount (its number, magnitude and currency).
    #[error("unexpected `{0}` after the amount")]
    TrailingText(Excerpt),
    /// What is wrong with the number: no digits (`$m`), a misplaced sign
    /// (`--$5`), bad digit grouping (`$1,00,000`), two decimal points, an
    /// exponent (`1e5 USD`), more than a `Decimal` holds, ...
    #[error(transparent)]
    Number(DecimalErrorKind),
    /// A currency symbol that cannot be read as one currency: ambiguous
    /// with no default in the context (`kr`), or a single letter before a
    /// plain number (`Q3`).
    #[error(transparent)]
    Symbol(SymbolError),
    /// A range with no second number ("between £5m").
    #[error("a range needs a second number")]
    UnfinishedRange,
    /// A range with a qualifier ("about $3-4bn"), which no bounds read.
    #[error("a range cannot be qualified (`{0}`)")]
    QualifiedRange(crate::Qualifier),
    /// A range whose ends cannot be bounds: inverted ("£6m-£5m") or in
    /// two currencies ("£5m-$6m").
    #[error(transparent)]
    Range(crate::notation::FigureError),
    /// No amount in parentheses after the first: not a pair.
    #[error("not a pair of amounts such as `$310m (£219m)`")]
    NotAPair,
    /// A count that is not a whole number ("1.5 doses").
    #[error("a count must be a whole number")]
    NotWhole,
}

impl From<DecimalErrorKind> for MoneyErrorKind {
    fn from(e: DecimalErrorKind) -> MoneyErrorKind {
        MoneyErrorKind::Number(e)
    }
}
