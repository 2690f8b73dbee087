//! `FundingRecord`: one row of a CRS- or IATI-shaped funding file.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use crate::aggregate::FlowRecipients;
use crate::{Actor, Country, Excerpt, Flow, FundingStage, Money};

/// The identifier of a funding record, as its source gives it (a CRS row
/// number, an IATI transaction reference).
///
/// Any non-empty text without control characters other than line breaks
/// (a tab, a NUL), which the CSV form carries quoted; `Display` and
/// `FromStr` are exact inverses.
///
/// ```
/// use statecraft::records::RecordId;
///
/// let id: RecordId = "XM-DAC-41114-2021-001".parse()?;
/// assert_eq!(id.as_str(), "XM-DAC-41114-2021-001");
/// assert_eq!("".parse::<RecordId>().unwrap_err().to_string(), "invalid record id ``: empty");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId(String);

/// The error for text that is not a [`RecordId`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid record id `{input}`: {why}")]
pub struct ParseRecordIdError {
    input: Excerpt,
    why: &'static str,
}

impl RecordId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// An id from text that passed [`check`](RecordId::check).
    pub(crate) fn from_checked(s: String) -> RecordId {
        RecordId(s)
    }

    /// Why `s` is not an id, if it is not.
    pub(crate) fn check(s: &str) -> Result<(), &'static str> {
        if s.is_empty() {
            Err("empty")
        } else if s.chars().any(|c| c.is_control() && c != '\n' && c != '\r') {
            Err("control characters other than line breaks are not allowed")
        } else {
            Ok(())
        }
    }
}

impl FromStr for RecordId {
    type Err = ParseRecordIdError;

    /// Takes the text as it is (no trimming).
    ///
    /// # Errors
    ///
    /// [`ParseRecordIdError`] for empty text or text with control
    /// characters other than line breaks.
    fn from_str(s: &str) -> Result<RecordId, ParseRecordIdError> {
        RecordId::check(s).map_err(|why| ParseRecordIdError {
            input: Excerpt::new(s),
            why,
        })?;
        Ok(RecordId(s.to_string()))
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One flow of funds as flat files carry it, in the shape of CRS and IATI
/// transaction rows: id, value date, donor, recipient (or a split among
/// several), stage, and amount in its currency — or no amount, when it was
/// not disclosed.
///
/// It is a [`Flow`], so an [`Aggregator`](crate::Aggregator) sums it.
/// [`Reader`](super::Reader) and [`Writer`](super::Writer) read and write
/// its CSV form.
///
/// ```
/// use statecraft::records::FundingRecord;
/// use statecraft::{Country, Flow, FundingStage, NaiveDate};
///
/// let r = FundingRecord::new(
///     "1".parse()?,
///     NaiveDate::from_ymd_opt(2021, 4, 26).unwrap(),
///     Country::US,
///     Country::GT,
///     FundingStage::Pledged,
///     Some("USD 310000000".parse()?),
/// );
/// assert_eq!(r.recipients().countries().next(), Some(Country::GT));
/// assert_eq!(r.amount().unwrap().to_compact(), "$310m");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FundingRecord {
    id: RecordId,
    date: NaiveDate,
    donor: Country,
    recipients: FlowRecipients,
    stage: FundingStage,
    amount: Option<Money>,
}

impl FundingRecord {
    /// A record; `recipients` is a [`Country`] or a
    /// [`CountrySplit`](crate::aggregate::CountrySplit), and `amount` is `None` when undisclosed.
    pub fn new(
        id: RecordId,
        date: NaiveDate,
        donor: Country,
        recipients: impl Into<FlowRecipients>,
        stage: FundingStage,
        amount: Option<Money>,
    ) -> FundingRecord {
        FundingRecord {
            id,
            date,
            donor,
            recipients: recipients.into(),
            stage,
            amount,
        }
    }

    /// The record's id.
    pub fn id(&self) -> &RecordId {
        &self.id
    }
}

impl Flow for FundingRecord {
    fn date(&self) -> NaiveDate {
        self.date
    }

    fn donor(&self) -> Cow<'_, Actor> {
        Cow::Owned(Actor::Country(self.donor))
    }

    fn recipients(&self) -> Cow<'_, FlowRecipients> {
        Cow::Borrowed(&self.recipients)
    }

    fn stage(&self) -> FundingStage {
        self.stage
    }

    fn amount(&self) -> Option<Money> {
        self.amount
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_refuse_control_characters() {
        for (input, message) in [
            ("", "invalid record id ``: empty"),
            (
                "a\tb",
                "invalid record id `a\\tb`: control characters other than line breaks are not allowed",
            ),
            (
                "a\u{0}",
                "invalid record id `a\\u{0}`: control characters other than line breaks are not allowed",
            ),
        ] {
            assert_eq!(input.parse::<RecordId>().unwrap_err().to_string(), message);
        }
        for ok in ["1", " spaced ", "Ünïcode, with \"quotes\"", "a\nb", "a\r\nb"] {
            assert_eq!(ok.parse::<RecordId>().unwrap().to_string(), ok);
        }
    }
}
