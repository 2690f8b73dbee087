//! Errors of reading and writing funding records.

use std::fmt;
use std::io;

use crate::{Excerpt, MoneyErrorKind};

/// The header line the CSV form of funding records starts with.
pub const HEADER: &str = "id,date,donor,recipient,stage,amount,currency";

/// The fields of the CSV form, in order (column 1 is `id`).
pub(crate) const FIELDS: [&str; 7] = ["id", "date", "donor", "recipient", "stage", "amount", "currency"];

/// A record, or a file, that could not be read or written: where, and
/// what is wrong, quoting the text.
///
/// ```
/// use statecraft::records::Reader;
///
/// let csv = "id,date,donor,recipient,stage,amount,currency\n7,2021-02-30,US,GT,committed,5,USD\n";
/// let e = Reader::new(csv.as_bytes()).next().unwrap().unwrap_err();
/// assert_eq!(
///     e.to_string(),
///     "line 2, column 2 (date): invalid date `2021-02-30`: expected a calendar date as YYYY-MM-DD"
/// );
/// assert_eq!((e.line(), e.column()), (Some(2), Some(2)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}{kind}", Location(*line, *column))]
pub struct RecordError {
    line: Option<u64>,
    column: Option<u64>,
    kind: RecordErrorKind,
}

/// What is wrong with a record or a file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RecordErrorKind {
    /// The first line is not the header.
    #[error("expected the header `{HEADER}`, found `{0}`")]
    Header(Excerpt),
    /// A file saved as UTF-16 (it starts with a UTF-16 byte-order mark).
    #[error("the file is UTF-16; expected UTF-8")]
    Utf16,
    /// A line with too few or too many fields.
    #[error("expected 7 fields, found {found}: `{line}`")]
    FieldCount {
        /// How many fields the line has.
        found: usize,
        /// The line.
        line: Excerpt,
    },
    /// A field that opens a quote and does not close it, or has text after
    /// the closing quote.
    #[error("badly quoted field `{0}`")]
    Quote(Excerpt),
    /// Bytes that are not UTF-8: the text, with each bad sequence shown
    /// as `\u{fffd}`.
    #[error("invalid UTF-8 in `{0}`")]
    Utf8(Excerpt),
    /// A line longer than 1 MiB.
    #[error("line longer than 1 MiB")]
    TooLong,
    /// An empty or otherwise unusable id.
    #[error("invalid id `{0}`: {1}")]
    Id(Excerpt, &'static str),
    /// Not a calendar date as `YYYY-MM-DD`.
    #[error("invalid date `{0}`: expected a calendar date as YYYY-MM-DD")]
    Date(Excerpt),
    /// Not an ISO 3166-1 alpha-2 code.
    #[error("unknown country code `{0}`")]
    Country(Excerpt),
    /// Not a stage.
    #[error("unknown stage `{0}`: expected proposed, announced, pledged, committed, disbursed, reduced or cancelled")]
    Stage(Excerpt),
    /// Not a plain decimal amount.
    #[error("invalid amount `{0}`: {1}")]
    Amount(Excerpt, MoneyErrorKind),
    /// Not an ISO 4217 code.
    #[error("unknown currency code `{0}`")]
    Currency(Excerpt),
    /// An amount without a currency.
    #[error("amount `{0}` has no currency")]
    NoCurrency(Excerpt),
    /// A record the CSV form cannot hold: split among several recipients,
    /// or given to an area (a group, a region, the world) rather than to
    /// one country.
    #[error(
        "record `{0}` is not for one country (a split or an area), which the CSV form's recipient column cannot hold"
    )]
    Split(Excerpt),
    /// The input could not be read, or the output written.
    #[error("{0}")]
    Io(String),
    /// The parts of a file read in parallel could not be merged.
    #[error("cannot merge the parts of the file: {0}")]
    Merge(crate::AggregateError),
}

struct Location(Option<u64>, Option<u64>);

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.0 {
            write!(f, "line {line}")?;
            f.write_str(if self.1.is_some() { ", " } else { ": " })?;
        }
        if let Some(column) = self.1 {
            let name = column.checked_sub(1).and_then(|i| FIELDS.get(usize::try_from(i).ok()?));
            match name {
                Some(name) => write!(f, "column {column} ({name}): ")?,
                None => write!(f, "column {column}: ")?,
            }
        }
        Ok(())
    }
}

impl RecordError {
    pub(crate) fn new(line: Option<u64>, column: Option<u64>, kind: RecordErrorKind) -> RecordError {
        RecordError { line, column, kind }
    }

    pub(crate) fn io(line: Option<u64>, context: &str, e: &io::Error) -> RecordError {
        RecordError::new(line, None, RecordErrorKind::Io(format!("{context}: {e}")))
    }

    /// The 1-based line (the header is line 1), when the error has one.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The 1-based column (field), when the error is in one field.
    pub fn column(&self) -> Option<u64> {
        self.column
    }

    /// What is wrong.
    pub fn kind(&self) -> &RecordErrorKind {
        &self.kind
    }

    /// The message without its line: `column 2 (date): invalid date ...`,
    /// for a [`Rejection`](crate::Rejection), which carries the line.
    pub(crate) fn without_line(&self) -> String {
        format!("{}{}", Location(None, self.column), self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_name_the_field() {
        let e = RecordError::new(
            Some(4),
            Some(6),
            RecordErrorKind::Amount(Excerpt::new("1e5"), MoneyErrorKind::Exponent),
        );
        assert_eq!(
            e.to_string(),
            "line 4, column 6 (amount): invalid amount `1e5`: exponents are not accepted"
        );
        assert_eq!(
            e.without_line(),
            "column 6 (amount): invalid amount `1e5`: exponents are not accepted"
        );
        let e = RecordError::new(
            Some(9),
            None,
            RecordErrorKind::FieldCount {
                found: 6,
                line: Excerpt::new("1,2021-06-07,US,GT,pledged,5"),
            },
        );
        assert_eq!(
            e.to_string(),
            "line 9: expected 7 fields, found 6: `1,2021-06-07,US,GT,pledged,5`"
        );
        assert_eq!(
            e.without_line(),
            "expected 7 fields, found 6: `1,2021-06-07,US,GT,pledged,5`"
        );
        let e = RecordError::new(None, None, RecordErrorKind::Io("cannot open `x.csv`: not found".into()));
        assert_eq!(e.to_string(), "cannot open `x.csv`: not found");
    }
}
