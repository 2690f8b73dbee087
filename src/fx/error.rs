//! Errors of exchange rates: refusals, arithmetic and rates files.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::Series;
use crate::{Currency, DecimalErrorKind, Excerpt, IoError, Money};

/// Why there is no rate, no conversion, or no rates file.
///
/// A refusal names the source, the currency (or pair) and the date asked
/// for, and says why: the source does not quote it, the date is outside
/// the history, the latest rate is too old for the
/// [`MissingRatePolicy`](super::MissingRatePolicy), the currency was
/// retired. A malformed rates file gives [`FxError::Parse`] with the line,
/// the column and the offending text.
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::{EcbRates, FxError, RateSource};
/// use statecraft::{Currency, NaiveDate};
///
/// let day = NaiveDate::from_ymd_opt(2012, 5, 2).unwrap();
/// let e = EcbRates::embedded().rate(Currency::EUR, Currency::ISK, day).unwrap_err();
/// assert!(matches!(e, FxError::Stale { .. }));
/// assert_eq!(
///     e.to_string(),
///     "no ECB rate for ISK on 2012-05-02: the latest, of 2008-12-09, is 1240 days old (at most 7 allowed)"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FxError {
    /// The source never quotes this currency or pair (the ECB has no GTQ).
    #[error("no {provider} rate for {series} on {date}: {series} is not quoted")]
    NotQuoted {
        /// The currency or pair asked for.
        series: Series,
        /// The date asked for.
        date: NaiveDate,
        /// The source asked.
        provider: String,
    },
    /// The date is before the first rate the source has for the series
    /// (anything before 1999-01-04 for the ECB; RON before 2005-07-01).
    #[error("no {provider} rate for {series} on {date}: {provider} rates for {series} start on {first}")]
    BeforeHistory {
        /// The currency or pair asked for.
        series: Series,
        /// The date asked for.
        date: NaiveDate,
        /// The first date with a rate for the series.
        first: NaiveDate,
        /// The source asked.
        provider: String,
    },
    /// The date is more than the policy's maximum age after the last day
    /// of the source's data (for the embedded ECB snapshot, 2026-10-30).
    #[error(
        "no {provider} rate for {series} on {date}: the {provider} data ends on {last}, more than {max_age_days} days before"
    )]
    AfterHistory {
        /// The currency or pair asked for.
        series: Series,
        /// The date asked for.
        date: NaiveDate,
        /// The last date the source has any rate for.
        last: NaiveDate,
        /// The largest age the policy allows, in days.
        max_age_days: u32,
        /// The source asked.
        provider: String,
    },
    /// The latest rate on or before the date is older than the policy
    /// allows (under the default 7 days, at the ECB: ISK from 2008-12-17
    /// to 2018-01-31, after its rate of 2008-12-09; RUB from 2022-03-09,
    /// after its last rate, of 2022-03-01).
    #[error(
        "no {provider} rate for {series} on {date}: the latest, of {latest}, is {} days old (at most {max_age_days} allowed)",
        .date.signed_duration_since(*.latest).num_days()
    )]
    Stale {
        /// The currency or pair asked for.
        series: Series,
        /// The date asked for.
        date: NaiveDate,
        /// The date of the latest rate on or before `date`.
        latest: NaiveDate,
        /// The largest age the policy allows, in days.
        max_age_days: u32,
        /// The source asked.
        provider: String,
    },
    /// No rate published for exactly this date, under
    /// [`MissingRatePolicy::ExactDate`](super::MissingRatePolicy::ExactDate).
    #[error("no {provider} rate for {series} published on {date} (exact-date policy)")]
    NotPublished {
        /// The currency or pair asked for.
        series: Series,
        /// The date asked for.
        date: NaiveDate,
        /// The source asked.
        provider: String,
    },
    /// The currency was no longer the sole legal tender on the date (CYP
    /// from 2008-01-01, when the euro replaced it), so no market rate for
    /// it can be right: only its fixed conversion rate
    /// ([`FixedRates`](super::FixedRates)).
    #[error("no {provider} rate for {currency} on {date}: {currency} was retired after {until}")]
    Retired {
        /// The retired currency.
        currency: Currency,
        /// The date asked for.
        date: NaiveDate,
        /// Its last day as the sole legal tender (the day before its
        /// changeover, or its last day when it had no successor).
        until: NaiveDate,
        /// The source asked.
        provider: String,
    },
    /// The currency was not yet issued on the date (SLE before 2022-07-01).
    #[error("no {provider} rate for {currency} on {date}: {currency} was first issued on {first}")]
    NotYetIssued {
        /// The currency.
        currency: Currency,
        /// The date asked for.
        date: NaiveDate,
        /// Its first day as legal tender.
        first: NaiveDate,
        /// The source asked.
        provider: String,
    },
    /// No source of a [`RateChain`](super::RateChain) had the pair, directly
    /// or through a pivot currency; `causes` holds each source's answer for
    /// the pair itself.
    #[error("no rate from {from} to {to} on {date} in any source{}", Causes(causes))]
    NoSource {
        /// The currency converted from.
        from: Currency,
        /// The currency converted into.
        to: Currency,
        /// The date asked for.
        date: NaiveDate,
        /// Why each source refused, in the chain's order.
        causes: Vec<FxError>,
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
    /// A rate of a currency into itself.
    #[error("invalid {currency}/{currency} rate on {date}: base and quote are the same currency")]
    SameCurrency {
        /// The currency given as both base and quote.
        currency: Currency,
        /// The date of the rate.
        date: NaiveDate,
    },
    /// A rate of a currency into itself other than 1
    /// ([`Rate::new`](super::Rate::new)).
    #[error("invalid {currency}/{currency} rate {value} on {date}: a currency into itself is exactly 1")]
    SelfRateNotOne {
        /// The currency given as both base and quote.
        currency: Currency,
        /// The date of the rate.
        date: NaiveDate,
        /// The value given.
        value: Decimal,
    },
    /// A second rate for a series and date a source already has.
    #[error("duplicate {provider} rate for {series} on {date}")]
    DuplicateRate {
        /// The pair.
        series: Series,
        /// The date.
        date: NaiveDate,
        /// The source.
        provider: String,
    },
    /// Money in one currency given to a rate from another, or two rates
    /// that do not chain (`USD→EUR` then `GBP→JPY`).
    #[error("cannot convert {found} at a rate from {expected}")]
    CurrencyMismatch {
        /// The currency the rate converts from.
        expected: Currency,
        /// The currency given.
        found: Currency,
    },
    /// A result that does not fit a `Decimal`.
    #[error("overflow: {what} does not fit a decimal")]
    Overflow {
        /// What was being computed (`USD 5 × 1.2 GBP/USD`, `the inverse
        /// of the USD/GTQ rate 0`).
        what: String,
    },
    /// A malformed rates file.
    #[error("line {line}, column {column}: {kind}")]
    Parse {
        /// The 1-based line.
        line: u64,
        /// The 1-based column (field number).
        column: u64,
        /// What is wrong, quoting the text.
        kind: ParseErrorKind,
    },
    /// The rates could not be read: the I/O error of the reader.
    #[error("cannot read rates: {source}")]
    Io {
        /// The error.
        source: IoError,
    },
    /// A rates file with more rows than a history holds.
    #[error("cannot read rates: {rows} rows are more than a history holds ({})", u32::MAX)]
    TooManyRows {
        /// How many rows the file has.
        rows: usize,
    },
    /// A reported pair that cannot be checked (same currency, a zero
    /// amount, amounts of opposite signs).
    #[error("cannot check {reported} against {primary}: {reason}")]
    UncheckablePair {
        /// The amount as first stated.
        primary: Money,
        /// The amount reported beside it.
        reported: Money,
        /// Why.
        reason: Uncheckable,
    },
    /// A negative margin for [`check_reported_with`](super::check_reported_with).
    #[error("invalid margin {margin}%: it must be zero or positive")]
    InvalidMargin {
        /// The margin given, in percent.
        margin: Decimal,
    },
    /// A precision for [`ReportedPair::with_precision`](super::ReportedPair::with_precision)
    /// that is zero or negative.
    #[error("invalid precision {precision}: it must be positive")]
    InvalidPrecision {
        /// The precision given.
        precision: Decimal,
    },
}

impl FxError {
    /// Whether the error says the source does not know the currency or
    /// pair at all, as opposed to knowing it but having no usable rate
    /// for the date (stale, retired, outside the history).
    pub fn is_not_quoted(&self) -> bool {
        matches!(self, FxError::NotQuoted { .. } | FxError::NoSource { .. })
    }

    pub(crate) fn parse(line: u64, column: u64, kind: ParseErrorKind) -> FxError {
        FxError::Parse { line, column, kind }
    }
}

impl From<std::io::Error> for FxError {
    fn from(e: std::io::Error) -> FxError {
        FxError::Io { source: e.into() }
    }
}

/// Why a reported pair cannot be checked against a rate
/// ([`FxError::UncheckablePair`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum Uncheckable {
    /// Both amounts are in this currency.
    #[error("both amounts are in {0}")]
    SameCurrency(Currency),
    /// One amount is zero, which implies no rate.
    #[error("a zero amount implies no rate")]
    Zero,
    /// One amount is negative and the other positive.
    #[error("the amounts have opposite signs")]
    OppositeSigns,
}

/// Writes the causes of [`FxError::NoSource`] after a colon, `; `-separated.
struct Causes<'a>(&'a [FxError]);

impl fmt::Display for Causes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str(": the chain has no sources");
        }
        for (i, cause) in self.0.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { "; " })?;
            write!(f, "{cause}")?;
        }
        Ok(())
    }
}

/// What is wrong in a rates file (an ECB history or a rate table), as
/// carried by [`FxError::Parse`] with the line and column.
///
/// ```
/// use statecraft::fx::{EcbRates, FxError, ParseErrorKind};
///
/// let csv = "Date,USD,\n2021-06-07,1.2x,\n";
/// let e = EcbRates::from_csv(csv.as_bytes()).unwrap_err();
/// assert!(matches!(e, FxError::Parse { line: 2, column: 2, kind: ParseErrorKind::BadRate { .. } }));
/// assert_eq!(e.to_string(), "line 2, column 2: invalid USD rate `1.2x`: unexpected `x` after the number");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// Nothing at all, not even a header.
    #[error("empty file: expected a header row")]
    Empty,
    /// A file saved as UTF-16 (it starts with a UTF-16 byte-order mark).
    #[error("the file is UTF-16; expected UTF-8")]
    Utf16,
    /// An ECB file whose first column is not `Date`.
    #[error("expected `Date` as the first column, found `{found}`")]
    MissingDateHeader {
        /// The first header field.
        found: Excerpt,
    },
    /// A rate table whose header is not the one expected.
    #[error("expected the header `{expected}`, found `{found}`")]
    BadHeader {
        /// The header required.
        expected: &'static str,
        /// The header line found.
        found: Excerpt,
    },
    /// A header field with no name (other than the ECB's trailing one).
    #[error("empty column name")]
    EmptyColumnName,
    /// A currency code that is not ISO 4217 (nor a retired code the ECB
    /// quoted).
    #[error("unknown currency `{code}`")]
    UnknownCurrency {
        /// The code found.
        code: Excerpt,
    },
    /// A euro column in an ECB file, whose rates are all per euro.
    #[error("`EUR` cannot be a column: rates are per euro")]
    EuroColumn,
    /// The same currency in two columns.
    #[error("duplicate column `{currency}` (also column {first_column})")]
    DuplicateColumn {
        /// The currency.
        currency: Currency,
        /// The column where it first appears.
        first_column: u64,
    },
    /// A header and nothing else (an ECB file needs at least one day).
    #[error("no rates after the header")]
    NoRows,
    /// A row with more or fewer fields than the header.
    #[error("expected {expected} fields, found {found}")]
    FieldCount {
        /// The number of fields of the header.
        expected: usize,
        /// The number of fields of the row.
        found: usize,
    },
    /// Text in the empty field the ECB's trailing comma leaves.
    #[error("unexpected `{text}` after the last column")]
    TrailingField {
        /// The text found.
        text: Excerpt,
    },
    /// A date that is not `YYYY-MM-DD` or not in the calendar (the date
    /// grammar every reader of the crate shares).
    #[error("invalid date `{text}`: {EXPECTED_DATE}")]
    BadDate {
        /// The text found.
        text: Excerpt,
    },
    /// A rate that is not a plain decimal (`1.2162`; `N/A` in ECB files),
    /// and what is wrong with it as every reader of numbers says it.
    #[error("invalid {series} rate `{text}`: {kind}")]
    BadRate {
        /// The currency or pair of the column or row.
        series: Series,
        /// The text found.
        text: Excerpt,
        /// What is wrong with it.
        kind: DecimalErrorKind,
    },
    /// A rate of zero or below.
    #[error("invalid {series} rate `{text}`: a rate must be positive")]
    NonPositiveRate {
        /// The currency or pair of the column or row.
        series: Series,
        /// The text found.
        text: Excerpt,
    },
    /// A date that appears twice in an ECB file.
    #[error("duplicate date {date} (first on line {first_line})")]
    DuplicateDate {
        /// The date.
        date: NaiveDate,
        /// The line of its first appearance.
        first_line: u64,
    },
    /// A pair and date that appear twice in a rate table.
    #[error("duplicate {series} rate for {date} (first on line {first_line})")]
    DuplicateRate {
        /// The pair.
        series: Series,
        /// The date.
        date: NaiveDate,
        /// The line of its first appearance.
        first_line: u64,
    },
    /// A pair and date the table held before the file was read.
    #[error("the table already has a {series} rate for {date}")]
    AlreadyInTable {
        /// The pair.
        series: Series,
        /// The date.
        date: NaiveDate,
    },
    /// A row whose base and quote are the same currency.
    #[error("base and quote are both {currency}")]
    SameCurrency {
        /// The currency.
        currency: Currency,
    },
    /// A field that opens a quote and does not close it, has text after
    /// the closing quote, or holds a quote without being quoted.
    #[error("badly quoted field `{text}`")]
    Quote {
        /// The field (for a quoted one, from its start to the end of the
        /// row).
        text: Excerpt,
    },
}

/// What a refused date is said to miss, in every reader.
const EXPECTED_DATE: &str = crate::grammar::date::EXPECTED;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_error, day};

    #[test]
    fn messages_name_source_series_date_and_reason() {
        let ecb = || "ECB".to_string();
        let cases = [
            (
                FxError::NotQuoted {
                    series: Series::Currency(Currency::GTQ),
                    date: day(2021, 6, 7),
                    provider: ecb(),
                },
                "no ECB rate for GTQ on 2021-06-07: GTQ is not quoted",
            ),
            (
                FxError::Stale {
                    series: Series::Currency(Currency::RUB),
                    date: day(2023, 1, 2),
                    latest: day(2022, 3, 1),
                    max_age_days: 7,
                    provider: ecb(),
                },
                "no ECB rate for RUB on 2023-01-02: the latest, of 2022-03-01, is 307 days old (at most 7 allowed)",
            ),
            (
                FxError::NoSource {
                    from: Currency::GTQ,
                    to: Currency::HNL,
                    date: day(2021, 6, 7),
                    causes: vec![],
                },
                "no rate from GTQ to HNL on 2021-06-07 in any source: the chain has no sources",
            ),
            (
                FxError::NoSource {
                    from: Currency::GTQ,
                    to: Currency::HNL,
                    date: day(2021, 6, 7),
                    causes: vec![
                        FxError::NotQuoted {
                            series: Series::Currency(Currency::GTQ),
                            date: day(2021, 6, 7),
                            provider: ecb(),
                        },
                        FxError::NotQuoted {
                            series: Series::Pair(Currency::GTQ, Currency::HNL),
                            date: day(2021, 6, 7),
                            provider: "Banguat".into(),
                        },
                    ],
                },
                "no rate from GTQ to HNL on 2021-06-07 in any source: no ECB rate for GTQ on 2021-06-07: GTQ is not \
                 quoted; no Banguat rate for GTQ/HNL on 2021-06-07: GTQ/HNL is not quoted",
            ),
        ];
        for (e, msg) in cases {
            assert_eq!(e.to_string(), msg);
        }
    }

    #[test]
    fn errors_are_send_sync_static() {
        assert_error::<FxError>();
        assert_error::<ParseErrorKind>();
        assert_error::<Uncheckable>();
    }

    #[test]
    fn io_errors_keep_their_cause() {
        use std::error::Error as _;
        let e = FxError::from(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "cut short"));
        assert_eq!(e.to_string(), "cannot read rates: cut short");
        let cause = e.source().and_then(|s| s.downcast_ref::<IoError>()).unwrap();
        assert_eq!(cause.kind(), std::io::ErrorKind::UnexpectedEof);
        assert_eq!(e.clone(), e);
        assert_eq!(
            FxError::TooManyRows { rows: 1 << 33 }.to_string(),
            "cannot read rates: 8589934592 rows are more than a history holds (4294967295)"
        );
    }
}
