//! Errors of exchange rates.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::Currency;

/// Why there is no rate, or no conversion.
///
/// Every variant names the currency and the date concerned and, where it
/// helps, what the source does have.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FxError {
    /// The source never quotes this currency (the ECB has no GTQ).
    #[error("{provider} does not quote {currency}")]
    NotQuoted {
        /// The currency asked for.
        currency: Currency,
        /// The source asked.
        provider: String,
    },
    /// The date is before the first rate the source has for the currency.
    #[error("no {provider} rate for {currency} on {date}: its history starts on {first}")]
    BeforeHistory {
        /// The currency asked for.
        currency: Currency,
        /// The date asked for.
        date: NaiveDate,
        /// The first date with a rate.
        first: NaiveDate,
        /// The source asked.
        provider: String,
    },
    /// The date is more than the allowed staleness after the last rate the
    /// source has at all.
    #[error("no {provider} rate for {currency} on {date}: the {provider} data ends on {last}")]
    AfterHistory {
        /// The currency asked for.
        currency: Currency,
        /// The date asked for.
        date: NaiveDate,
        /// The last date the source has.
        last: NaiveDate,
        /// The source asked.
        provider: String,
    },
    /// The latest rate on or before the date is older than the policy
    /// allows (ISK 2008-12-09..2018, RUB after 2022-03-01).
    #[error(
        "no {provider} rate for {currency} on {date}: the latest, of {latest}, is more than {max_age_days} days old"
    )]
    Stale {
        /// The currency asked for.
        currency: Currency,
        /// The date asked for.
        date: NaiveDate,
        /// The date of the latest rate on or before `date`.
        latest: NaiveDate,
        /// The largest age the policy allows, in days.
        max_age_days: u32,
        /// The source asked.
        provider: String,
    },
    /// No rate published for exactly this date (under the exact-date
    /// policy).
    #[error("no {provider} rate for {currency} published on {date}")]
    NotPublished {
        /// The currency asked for.
        currency: Currency,
        /// The date asked for.
        date: NaiveDate,
        /// The source asked.
        provider: String,
    },
    /// The currency was no longer legal tender on the date.
    #[error("{currency} was retired after {until}: no rate on {date}")]
    Retired {
        /// The retired currency.
        currency: Currency,
        /// The date asked for.
        date: NaiveDate,
        /// Its last day as legal tender.
        until: NaiveDate,
    },
    /// A rate that is zero or negative.
    #[error("invalid {from}/{to} rate {value} on {date}: a rate must be positive")]
    InvalidRate {
        /// The base currency.
        from: Currency,
        /// The quote currency.
        to: Currency,
        /// The date of the rate.
        date: NaiveDate,
        /// The value given.
        value: Decimal,
    },
    /// Money in one currency given to a rate from another.
    #[error("cannot convert {found} at a rate from {expected}")]
    CurrencyMismatch {
        /// The rate's `from` currency.
        expected: Currency,
        /// The money's currency.
        found: Currency,
    },
    /// A result that does not fit a `Decimal`.
    #[error("overflow: {what} does not fit a decimal")]
    Overflow {
        /// What was being computed.
        what: String,
    },
    /// A malformed line in a rates file.
    #[error("line {line}, column {column}: {message}")]
    Parse {
        /// The 1-based line.
        line: u64,
        /// The 1-based column (field).
        column: u64,
        /// What is wrong, quoting the text.
        message: String,
    },
}
