//! `Reader`: funding records from the CSV form, streaming.

use std::io::Read;

use super::error::{RecordError, RecordErrorKind, HEADER};
use super::feed::feed;
use super::input::{Input, Next};
use super::parse::{read_record, Parsed};
use super::record::{FundingRecord, RecordId};
use crate::fx::RateSource;
use crate::{Aggregator, Excerpt, Flow};

/// Reads funding records from their CSV form, one at a time, from any
/// reader (a file, standard input, a decompressor), in bounded memory.
///
/// The form is `id,date,donor,recipient,stage,amount,currency`, header
/// required, one record per line (`\n` or `\r\n`), as
/// `shared/bench/gen_funding.py` writes it. Fields may be quoted (RFC
/// 4180: commas and line breaks inside quotes are text, `""` is a quote),
/// so a record may span lines; a quote anywhere else is an error.
///
/// - `id`: any text without control characters other than line breaks.
/// - `date`: the value date, `YYYY-MM-DD`.
/// - `donor`, `recipient`: ISO 3166-1 alpha-2 codes (`XK` for Kosovo).
/// - `stage`: a [`FundingStage`](crate::FundingStage) by its word:
///   `proposed`, `announced`, `pledged`, `committed`, `disbursed`,
///   `reduced` or `cancelled`.
/// - `amount`: a plain decimal in major units (`-1234.50`), at any
///   precision a `Decimal` holds; empty when undisclosed.
/// - `currency`: an ISO 4217 code; it may be empty only when the amount
///   is (an undisclosed amount has no currency: one given is checked, then
///   dropped).
///
/// Codes and stages are read in any case. Spaces around a field are
/// ignored, but for the id's, which is taken as it is. Dates and amounts
/// are read as every reader of the crate reads them (`+5` and `-0` are
/// amounts; `.5`, `1e5` and `1,000` are not: see
/// [`DecimalErrorKind`](crate::DecimalErrorKind)). A UTF-8 byte order
/// mark before the header is allowed, and blank lines are skipped.
///
/// Each item is a record or an error naming the line (where the record
/// starts), the column and the text. An error in a record does not stop
/// the reader; an unreadable header or input ends it after its error.
///
/// ```
/// use statecraft::records::Reader;
/// use statecraft::{Country, Flow};
///
/// let csv = "\
/// id,date,donor,recipient,stage,amount,currency
/// 1,2021-04-26,US,GT,pledged,310000000,USD
/// 2,2021-06-07,US,HN,announced,,
/// 3,2021-06-07,US,SV,committed,12x,USD
/// ";
/// let mut reader = Reader::new(csv.as_bytes());
/// let first = reader.next().unwrap()?;
/// assert_eq!(first.recipients().countries().next(), Some(Country::GT));
/// assert_eq!(reader.next().unwrap()?.amount(), None);
/// let e = reader.next().unwrap().unwrap_err();
/// assert_eq!(e.to_string(), "line 4, column 6 (amount): invalid amount `12x`: unexpected `x` after the number");
/// assert!(reader.next().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Reader<R> {
    input: Input<R>,
    line: u64,
    state: State,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Header,
    Records,
    Done,
}

impl<R: Read> Reader<R> {
    /// A reader of the records in `input`. It reads in chunks; wrapping
    /// `input` in a `BufReader` adds nothing.
    pub fn new(input: R) -> Reader<R> {
        Reader {
            input: Input::new(input, 1),
            line: 0,
            state: State::Header,
        }
    }

    /// The line of the record (or error) returned last, where it starts;
    /// the header is line 1.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Adds every record to `aggregator`, and every unreadable record to
    /// its rejections with its line, until the end of the input.
    ///
    /// # Errors
    ///
    /// A [`RecordError`] when the header is wrong or the input cannot be
    /// read; records already added stay added.
    ///
    /// ```
    /// use statecraft::fx::{FxError, Rate, RateSource};
    /// use statecraft::records::Reader;
    /// use statecraft::{Aggregator, Currency, Decimal, Dimension, NaiveDate};
    ///
    /// struct Par;
    /// impl RateSource for Par {
    ///     fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
    ///         Rate::new(from, to, Decimal::ONE, on, "par")
    ///     }
    /// }
    ///
    /// let csv = "id,date,donor,recipient,stage,amount,currency\n\
    ///            1,2021-04-26,US,GT,pledged,1.5,USD\n\
    ///            2,2021-04-26,US,GT,pledged,2,EUR\n\
    ///            3,2021-04-31,US,GT,pledged,2,EUR\n";
    /// let mut agg = Aggregator::new(Par, Currency::USD, Dimension::Recipient);
    /// Reader::new(csv.as_bytes()).aggregate_into(&mut agg)?;
    /// let totals = agg.totals()?;
    /// assert_eq!(totals.total().to_string(), "USD 3.50");
    /// assert_eq!((totals.read(), totals.aggregated(), totals.rejected()), (3, 2, 1));
    /// assert_eq!(
    ///     totals.rejections()[0].to_string(),
    ///     "line 4: column 2 (date): invalid date `2021-04-31`: expected a calendar date as YYYY-MM-DD"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn aggregate_into<S: RateSource>(mut self, aggregator: &mut Aggregator<S>) -> Result<(), RecordError> {
        if self.state == State::Header {
            self.header()?;
        }
        if self.state == State::Records {
            self.state = State::Done;
            feed(&mut self.input, aggregator, u64::MAX, |_| {})
                .map_err(|(line, e)| RecordError::io(Some(line), "read", None, e))?;
            self.line = self.input.line();
        }
        Ok(())
    }

    fn header(&mut self) -> Result<(), RecordError> {
        self.line = 1;
        self.state = State::Done;
        match self.input.first_line() {
            Err(e) => Err(RecordError::io(Some(1), "read", None, e)),
            Ok(line) => {
                check_header(line.as_deref())?;
                self.state = State::Records;
                Ok(())
            }
        }
    }
}

/// Checks the header line (a UTF-8 byte order mark before it is allowed).
pub(crate) fn check_header(line: Option<&[u8]>) -> Result<(), RecordError> {
    let text = line.unwrap_or_default();
    if crate::encoding::is_utf16(text) {
        return Err(RecordError::new(Some(1), None, RecordErrorKind::Utf16));
    }
    let text = crate::encoding::strip_bom(text);
    if text == HEADER.as_bytes() {
        Ok(())
    } else {
        let found = Excerpt::new(&String::from_utf8_lossy(text));
        Err(RecordError::new(Some(1), None, RecordErrorKind::Header(found)))
    }
}

/// A parsed line as an owned record.
fn to_record(parsed: Parsed<'_>) -> FundingRecord {
    FundingRecord::new(
        RecordId::from_checked(parsed.id.into_owned()),
        parsed.row.date(),
        parsed.row.donor,
        parsed.row.recipient,
        parsed.row.stage,
        parsed.row.amount,
    )
}

impl<R: Read> Iterator for Reader<R> {
    type Item = Result<FundingRecord, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.state == State::Header {
            if let Err(e) = self.header() {
                return Some(Err(e));
            }
        }
        if self.state != State::Records {
            return None;
        }
        let next = match self.input.next_record() {
            Ok(next) => next,
            Err(e) => {
                self.state = State::Done;
                return Some(Err(RecordError::io(Some(self.input.line()), "read", None, e)));
            }
        };
        match next {
            Next::End => {
                self.state = State::Done;
                None
            }
            Next::TooLong { line } => {
                self.line = line;
                Some(Err(RecordError::new(Some(line), None, RecordErrorKind::TooLong)))
            }
            Next::Record { line, text, fields } => {
                self.line = line;
                Some(
                    read_record(text, fields)
                        .map(to_record)
                        .map_err(|(column, kind)| RecordError::new(Some(line), column, kind)),
                )
            }
        }
    }
}
