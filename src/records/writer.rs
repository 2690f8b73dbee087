//! `Writer`: funding records in the CSV form.

use std::io::Write;

use super::error::{RecordError, RecordErrorKind, HEADER};
use super::record::FundingRecord;
use crate::aggregate::FlowRecipients;
use crate::{Excerpt, Flow};

/// Writes funding records in the CSV form that [`Reader`](super::Reader)
/// reads: the header, then one record per line (`\n`), ids quoted when
/// they hold a comma, a quote or a line break, amounts exactly as their
/// `Decimal` holds them.
///
/// ```
/// use statecraft::records::{FundingRecord, Reader, Writer};
/// use statecraft::{Country, FundingStage, NaiveDate};
///
/// let record = FundingRecord::new(
///     "a,1".parse()?,
///     NaiveDate::from_ymd_opt(2021, 4, 26).unwrap(),
///     Country::US,
///     Country::GT,
///     FundingStage::Pledged,
///     Some("USD 310000000.00".parse()?),
/// );
/// let mut w = Writer::new(Vec::new());
/// w.write(&record)?;
/// let bytes = w.into_inner()?;
/// assert_eq!(
///     String::from_utf8(bytes.clone())?,
///     "id,date,donor,recipient,stage,amount,currency\n\"a,1\",2021-04-26,US,GT,pledged,310000000.00,USD\n"
/// );
/// let back: Vec<FundingRecord> = Reader::new(&bytes[..]).collect::<Result<_, _>>()?;
/// assert_eq!(back, [record]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Writer<W: Write> {
    out: W,
    header_written: bool,
    line: u64,
    buf: String,
}

impl<W: Write> Writer<W> {
    /// A writer into `out`; the header is written with the first record
    /// (or by [`into_inner`](Writer::into_inner) if there is none).
    /// Writes go straight to `out`: wrap a file in a `BufWriter`.
    pub fn new(out: W) -> Writer<W> {
        Writer {
            out,
            header_written: false,
            line: 1,
            buf: String::new(),
        }
    }

    /// Writes one record.
    ///
    /// # Errors
    ///
    /// [`RecordErrorKind::Split`] for a record split among several
    /// recipients, or whose recipient is not one country (the CSV form has
    /// one recipient column, a country code), or the I/O
    /// error of `out`, with the line being written.
    pub fn write(&mut self, record: &FundingRecord) -> Result<(), RecordError> {
        self.header()?;
        let recipient = match &*record.recipients() {
            FlowRecipients::One(c) => *c,
            // Split, or an area the one recipient column cannot name.
            _ => {
                let id = Excerpt::new(record.id().as_str());
                return Err(RecordError::new(Some(self.line + 1), None, RecordErrorKind::Split(id)));
            }
        };
        self.buf.clear();
        let id = record.id().as_str();
        if id.contains([',', '"', '\n', '\r']) {
            self.buf.push('"');
            self.buf.push_str(&id.replace('"', "\"\""));
            self.buf.push('"');
        } else {
            self.buf.push_str(id);
        }
        let (amount, currency) = match record.amount() {
            Some(m) => (m.amount().to_string(), m.currency().code()),
            None => (String::new(), ""),
        };
        let date = record.date();
        if !(0..=9999).contains(&chrono::Datelike::year(&date)) {
            let text = Excerpt::new(&date.to_string());
            return Err(RecordError::new(
                Some(self.line + 1),
                Some(2),
                RecordErrorKind::Date(text),
            ));
        }
        // A record's donor is a country: its code.
        let donor = record.donor();
        let donor = donor.as_country().map_or_else(|| donor.to_string(), |c| c.to_string());
        let line = format!(",{date},{donor},{recipient},{},{amount},{currency}\n", record.stage());
        self.buf.push_str(&line);
        let start = self.line + 1;
        self.line = start + id.matches('\n').count() as u64;
        self.out
            .write_all(self.buf.as_bytes())
            .map_err(|e| RecordError::io(Some(start), "write", None, e))
    }

    fn header(&mut self) -> Result<(), RecordError> {
        if !self.header_written {
            self.header_written = true;
            self.out
                .write_all(format!("{HEADER}\n").as_bytes())
                .map_err(|e| RecordError::io(Some(1), "write", None, e))?;
        }
        Ok(())
    }

    /// Flushes and returns the output.
    ///
    /// # Errors
    ///
    /// The I/O error of writing the header or flushing.
    pub fn into_inner(mut self) -> Result<W, RecordError> {
        self.header()?;
        self.out.flush().map_err(|e| RecordError::io(None, "flush", None, e))?;
        Ok(self.out)
    }
}
