//! Errors of reading and writing funding records.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::{DecimalErrorKind, Excerpt, IoError};

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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordError(Box<Parts>);

/// What a [`RecordError`] holds, boxed so that the error stays one
/// pointer wide.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Parts {
    line: Option<u64>,
    column: Option<u64>,
    kind: RecordErrorKind,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", Location(self.0.line, self.0.column), self.0.kind)
    }
}

impl std::error::Error for RecordError {
    /// The cause of the kind: the I/O error, or the merge error.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.0.kind)
    }
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
    /// A field that opens a quote and does not close it, has text after
    /// the closing quote, or holds a quote without being quoted.
    #[error("badly quoted field `{0}`")]
    Quote(Excerpt),
    /// Bytes that are not UTF-8: the text, with each bad sequence shown
    /// as `\u{fffd}`.
    #[error("invalid UTF-8 in `{0}`")]
    Utf8(Excerpt),
    /// A record longer than 1 MiB (a quote that is never closed makes
    /// one): it is skipped up to the next line break after that.
    #[error("record longer than 1 MiB")]
    TooLong,
    /// An empty or otherwise unusable id.
    #[error("invalid id `{0}`: {1}")]
    Id(Excerpt, &'static str),
    /// Not a calendar date as `YYYY-MM-DD` (the date grammar every reader
    /// of the crate shares).
    #[error("invalid date `{0}`: {EXPECTED_DATE}")]
    Date(Excerpt),
    /// Not an ISO 3166-1 alpha-2 code.
    #[error("unknown country code `{0}`")]
    Country(Excerpt),
    /// Not a stage.
    #[error("unknown stage `{0}`: expected proposed, announced, pledged, committed, disbursed, reduced or cancelled")]
    Stage(Excerpt),
    /// Not a plain decimal amount: the text, and what is wrong with it as
    /// every reader of numbers says it.
    #[error("invalid amount `{0}`: {1}")]
    Amount(Excerpt, DecimalErrorKind),
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
    /// The input could not be read, or the output written: what was being
    /// done (`open`, `read`, `write`, `flush`), to which file if it is
    /// one, and the I/O error itself.
    #[error("cannot {action}{}: {source}", Path(path.as_ref()))]
    Io {
        /// What was being done: `open`, `read`, `write` or `flush`.
        action: &'static str,
        /// The file, when the error is about one by name.
        path: Option<PathBuf>,
        /// The error.
        #[source]
        source: IoError,
    },
    /// The parts of a file read in parallel could not be merged.
    #[error("cannot merge the parts of the file: {0}")]
    Merge(#[source] crate::aggregate::AggregateError),
}

/// What a refused date is said to miss, in every reader.
const EXPECTED_DATE: &str = crate::grammar::date::EXPECTED;

/// Writes `` ` `path` `` for a file named in an error, nothing otherwise.
struct Path<'a>(Option<&'a PathBuf>);

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(p) => write!(f, " `{}`", p.display()),
            None => Ok(()),
        }
    }
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
        RecordError(Box::new(Parts { line, column, kind }))
    }

    /// An I/O error while doing `action` (`read`, `write`, ...).
    pub(crate) fn io(line: Option<u64>, action: &'static str, path: Option<PathBuf>, e: io::Error) -> RecordError {
        RecordError::new(
            line,
            None,
            RecordErrorKind::Io {
                action,
                path,
                source: e.into(),
            },
        )
    }

    /// The 1-based line (the header is line 1), when the error has one:
    /// for a record, the line it starts on.
    pub fn line(&self) -> Option<u64> {
        self.0.line
    }

    /// The 1-based column (field), when the error is in one field.
    pub fn column(&self) -> Option<u64> {
        self.0.column
    }

    /// What is wrong.
    pub fn kind(&self) -> &RecordErrorKind {
        &self.0.kind
    }

    /// The same error without its line (the line a
    /// [`Rejection`](crate::aggregate::Rejection) carries): `column 2 (date): invalid
    /// date ...`.
    pub(crate) fn without_line(mut self) -> RecordError {
        self.0.line = None;
        self
    }
}

impl From<RecordError> for crate::aggregate::RejectReason {
    /// A record the CSV form could not read, as a rejection's reason: the
    /// error kept whole, its line set aside (the rejection carries it).
    fn from(e: RecordError) -> crate::aggregate::RejectReason {
        crate::aggregate::RejectReason::Unreadable(crate::aggregate::ReaderError::new(e.without_line()))
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
            RecordErrorKind::Amount(Excerpt::new("1e5"), DecimalErrorKind::Exponent),
        );
        assert_eq!(
            e.to_string(),
            "line 4, column 6 (amount): invalid amount `1e5`: exponents are not accepted"
        );
        assert_eq!(
            e.clone().without_line().to_string(),
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
            e.without_line().to_string(),
            "expected 7 fields, found 6: `1,2021-06-07,US,GT,pledged,5`"
        );
    }

    #[test]
    fn io_errors_keep_their_cause() {
        use std::error::Error as _;
        let not_found = || io::Error::new(io::ErrorKind::NotFound, "not found");
        let e = RecordError::io(None, "open", Some("x.csv".into()), not_found());
        assert_eq!(e.to_string(), "cannot open `x.csv`: not found");
        let cause = e.source().and_then(|s| s.downcast_ref::<IoError>()).unwrap();
        assert_eq!(cause.kind(), io::ErrorKind::NotFound);
        let e = RecordError::io(Some(3), "read", None, not_found());
        assert_eq!(e.to_string(), "line 3: cannot read: not found");
        assert!(matches!(
            e.kind(),
            RecordErrorKind::Io {
                action: "read",
                path: None,
                ..
            }
        ));
    }

    #[test]
    fn errors_are_small_send_sync_static() {
        crate::testing::assert_error::<RecordError>();
        assert_eq!(std::mem::size_of::<RecordError>(), std::mem::size_of::<usize>());
    }
}
