//! `Totals`: what an aggregator has summed, by group, with its counts.

use std::io;

use chrono::NaiveDate;

use super::{By, ExactSum, GroupKey, RejectReason, Rejection};
use crate::{Currency, Money};

/// The total of one group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupTotal {
    key: GroupKey,
    total: Money,
    exact: ExactSum,
    records: u64,
    undisclosed: u64,
    certain: bool,
}

impl GroupTotal {
    pub(crate) fn new(key: GroupKey, total: Money, exact: ExactSum, records: u64, undisclosed: u64) -> GroupTotal {
        GroupTotal {
            key,
            total,
            exact,
            records,
            undisclosed,
            certain: true,
        }
    }

    pub(crate) fn with_certainty(mut self, certain: bool) -> GroupTotal {
        self.certain = certain;
        self
    }

    /// Whether [`total`](GroupTotal::total) is certainly the total at the
    /// exact rates, rounded half to even.
    ///
    /// A cross rate such as GBP→USD through the euro, `1.2162 / 0.85825`,
    /// is summed at its value to 28 significant digits; the exact total
    /// differs from [`exact`](GroupTotal::exact) by less than a bound the
    /// aggregator keeps, and rounding is certain unless a midpoint lies
    /// within that bound: in practice only when the exact total *is* a
    /// midpoint (GBP 64.36875 on 2021-06-07 is exactly USD 91.215, which
    /// rounds to 91.22, while the rate to 28 digits gives 91.2149…).
    /// [`FileSet::aggregate_into`](crate::iati::FileSet::aggregate_into)
    /// recomputes such totals exactly, in a second pass; other inputs
    /// leave them as summed, and say so here.
    pub fn is_certain(&self) -> bool {
        self.certain
    }

    /// The group.
    pub fn key(&self) -> &GroupKey {
        &self.key
    }

    /// The total, rounded once, half to even, to the currency's minor
    /// units; zero when nothing in the group was disclosed (which
    /// [`disclosed_total`](GroupTotal::disclosed_total) tells apart).
    pub fn total(&self) -> Money {
        self.total
    }

    /// The total, or `None` when nothing in this group was disclosed: every
    /// flow in it had no amount ([`records`](GroupTotal::records) is 0),
    /// so there is no total to give, not a total of zero.
    ///
    #[cfg_attr(feature = "ecb-snapshot", doc = "```")]
    #[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
    /// use statecraft::fx::EcbRates;
    /// use statecraft::records::Reader;
    /// use statecraft::{Aggregator, Currency, Dimension};
    ///
    /// let csv = "id,date,donor,recipient,stage,amount,currency\n1,2021-06-07,US,HN,announced,,\n";
    /// let mut agg = Aggregator::new(EcbRates::embedded(), Currency::USD, Dimension::Recipient);
    /// Reader::new(csv.as_bytes()).aggregate_into(&mut agg)?;
    /// let totals = agg.totals()?;
    /// let honduras = totals.groups().first().ok_or("no group")?;
    /// assert_eq!((honduras.disclosed_total(), honduras.undisclosed()), (None, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn disclosed_total(&self) -> Option<Money> {
        (self.records > 0).then_some(self.total)
    }

    /// The total before rounding.
    pub fn exact(&self) -> ExactSum {
        self.exact
    }

    /// How many flows were summed into this group (a flow split among
    /// several recipients counts once in each group it reaches).
    pub fn records(&self) -> u64 {
        self.records
    }

    /// How many flows without an amount fall in this group.
    pub fn undisclosed(&self) -> u64 {
        self.undisclosed
    }
}

/// Totals by group, in one currency, with the count of every flow read
/// and the first rejections; from [`Aggregator::totals`](crate::Aggregator::totals).
///
/// The counts account for every flow:
/// `read() == aggregated() + rejected() + undisclosed()`.
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::EcbRates;
/// use statecraft::records::Reader;
/// use statecraft::aggregate::{By, GroupKey, KeyPart};
/// use statecraft::{Aggregator, Country, Currency, Dimension};
///
/// let csv = "id,date,donor,recipient,stage,amount,currency\n\
///            1,2021-06-07,US,GT,committed,100,EUR\n\
///            2,2021-06-07,US,GT,disbursed,50,EUR\n\
///            3,2021-06-07,US,HN,announced,,\n";
/// let by = By::pair(Dimension::Recipient, Dimension::Stage);
/// let mut agg = Aggregator::new(EcbRates::embedded(), Currency::USD, by);
/// Reader::new(csv.as_bytes()).aggregate_into(&mut agg)?;
/// let totals = agg.totals()?;
///
/// let key = GroupKey::new(KeyPart::Country(Country::GT), Some(KeyPart::Stage(statecraft::FundingStage::Committed)));
/// assert_eq!(totals.get(&key).map(|g| g.total().to_string()), Some("USD 121.62".into()));
/// assert_eq!(totals.total().to_string(), "USD 182.43"); // 150 × 1.2162
/// assert_eq!((totals.read(), totals.aggregated(), totals.undisclosed()), (3, 2, 1));
///
/// let mut csv_out = Vec::new();
/// totals.write_csv(&mut csv_out)?;
/// assert_eq!(
///     String::from_utf8(csv_out)?,
///     "recipient,stage,total,undisclosed\nGT,committed,121.62,0\nGT,disbursed,60.81,0\nHN,announced,,1\n"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Totals {
    // Built by the aggregator (`Tally::totals`), read here.
    pub(crate) currency: Currency,
    pub(crate) by: By,
    pub(crate) at: Option<NaiveDate>,
    pub(crate) groups: Vec<GroupTotal>,
    pub(crate) total: Money,
    pub(crate) exact: ExactSum,
    /// Read, aggregated, rejected, undisclosed.
    pub(crate) counts: [u64; 4],
    pub(crate) rejected_by: [u64; RejectReason::IDS.len()],
    pub(crate) rejections: Vec<Rejection>,
}

impl Totals {
    /// The currency of every total.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// What the totals are grouped by.
    pub fn by(&self) -> &By {
        &self.by
    }

    /// The fixed date of the rates, or `None` when each flow was converted
    /// at its own value date.
    pub fn conversion_date(&self) -> Option<NaiveDate> {
        self.at
    }

    /// One total per group that received a flow, sorted by key.
    pub fn groups(&self) -> &[GroupTotal] {
        &self.groups
    }

    /// The total of one group.
    pub fn get(&self, key: &GroupKey) -> Option<&GroupTotal> {
        self.groups
            .binary_search_by(|g| g.key.cmp(key))
            .ok()
            .and_then(|i| self.groups.get(i))
    }

    /// The total of everything, rounded once. It can differ from the sum of
    /// the rounded group totals by their rounding; the exact sums agree.
    /// Zero when nothing could be summed, which
    /// [`disclosed_total`](Totals::disclosed_total) tells apart.
    pub fn total(&self) -> Money {
        self.total
    }

    /// The total of everything before rounding: exactly the sum of the
    /// groups' [`exact`](GroupTotal::exact) totals.
    pub fn exact_total(&self) -> ExactSum {
        self.exact
    }

    /// Flows read (pushed, or records of a file, header excluded).
    pub fn read(&self) -> u64 {
        self.counts[0]
    }

    /// Flows converted and summed.
    pub fn aggregated(&self) -> u64 {
        self.counts[1]
    }

    /// Records rejected.
    pub fn rejected(&self) -> u64 {
        self.counts[2]
    }

    /// Flows without an amount: counted, not summed.
    pub fn undisclosed(&self) -> u64 {
        self.counts[3]
    }

    /// The total of everything, or `None` when no flow was summed although
    /// some were read: every one was rejected or undisclosed, so the total
    /// could not be computed (it is not zero). `Some(zero)` when nothing
    /// was read.
    pub fn disclosed_total(&self) -> Option<Money> {
        (self.aggregated() > 0 || self.read() == 0).then_some(self.total)
    }

    /// How many records were rejected for each kind of reason, by
    /// [`RejectReason::id`], in the order of [`RejectReason::IDS`]; only
    /// the reasons that occurred. Their counts add up to
    /// [`rejected`](Totals::rejected).
    ///
    #[cfg_attr(feature = "ecb-snapshot", doc = "```")]
    #[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
    /// use statecraft::fx::EcbRates;
    /// use statecraft::records::Reader;
    /// use statecraft::{Aggregator, Currency, Dimension};
    ///
    /// let csv = "id,date,donor,recipient,stage,amount,currency\n\
    ///            1,2021-06-07,US,GT,pledged,5,GTQ\n\
    ///            2,2021-06-07,US,ZZ,pledged,5,USD\n";
    /// let mut agg = Aggregator::new(EcbRates::embedded(), Currency::USD, Dimension::Recipient);
    /// Reader::new(csv.as_bytes()).aggregate_into(&mut agg)?;
    /// let totals = agg.totals()?;
    /// let by: Vec<(&str, u64)> = totals.rejected_by_reason().collect();
    /// assert_eq!(by, [("unreadable", 1), ("no-rate", 1)]);
    /// assert_eq!(totals.disclosed_total(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rejected_by_reason(&self) -> impl Iterator<Item = (&'static str, u64)> + '_ {
        RejectReason::IDS
            .iter()
            .zip(self.rejected_by)
            .filter(|&(_, n)| n > 0)
            .map(|(&id, n)| (id, n))
    }

    /// The first rejections, by line (10 unless the aggregator was told
    /// otherwise).
    pub fn rejections(&self) -> &[Rejection] {
        &self.rejections
    }

    /// Writes the totals as CSV: a header of the dimension names,
    /// `total` and `undisclosed` (`recipient,total,undisclosed`), then one
    /// row per group in key order: its total at the currency's minor units
    /// and how many of its flows had no amount (`GT,1234.50,0`). A group
    /// where nothing was disclosed has an empty total (`HN,,1`), never
    /// `0.00`.
    ///
    /// # Errors
    ///
    /// Whatever writing to `out` returns.
    pub fn write_csv(&self, out: impl io::Write) -> io::Result<()> {
        self.write_rows(out, true, |g| Ok(g.disclosed_total()))
    }

    /// Writes the totals as CSV in the form `iati_reference.py` prints
    /// them: a header of the dimension names and `total`
    /// (`recipient,total`), then one row per group in key order, its total
    /// rounded once, half to even, from its exact sum to `decimal_places`
    /// (at most 28) rather than to the currency's minor units (the
    /// reference prints cents whatever the currency). There is no
    /// `undisclosed` column (IATI transactions have amounts); a group
    /// where nothing was disclosed has an empty total.
    ///
    /// # Errors
    ///
    /// Whatever writing to `out` returns; an error of kind
    /// [`InvalidData`](io::ErrorKind::InvalidData) wrapping the
    /// [`AggregateError::OutOfRange`](super::AggregateError::OutOfRange)
    /// of a total that a `Decimal` does not hold at that many places
    /// (the rows before it are written).
    ///
    /// ```
    /// use statecraft::fx::{FxError, Rate, RateSource};
    /// use statecraft::records::FundingRecord;
    /// use statecraft::{Aggregator, Country, Currency, Decimal, Dimension, FundingStage, NaiveDate};
    ///
    /// struct Yen;
    /// impl RateSource for Yen {
    ///     fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
    ///         Rate::new(from, to, Decimal::new(13319, 2), on, "fixed")
    ///     }
    /// }
    /// let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
    /// let grant = FundingRecord::new("1".parse()?, day, Country::US, Country::GT, FundingStage::Disbursed, Some("USD 10.005".parse()?));
    /// let mut agg = Aggregator::new(Yen, Currency::JPY, Dimension::Recipient);
    /// agg.push(&grant);
    /// let totals = agg.totals()?;
    /// let (mut yen, mut cents) = (Vec::new(), Vec::new());
    /// totals.write_csv(&mut yen)?;
    /// totals.write_csv_dp(&mut cents, 2)?;
    /// assert_eq!(String::from_utf8(yen)?, "recipient,total,undisclosed\nGT,1333,0\n"); // 1332.56595
    /// assert_eq!(String::from_utf8(cents)?, "recipient,total\nGT,1332.57\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_csv_dp(&self, out: impl io::Write, decimal_places: u32) -> io::Result<()> {
        self.write_rows(out, false, |g| {
            if g.records == 0 {
                return Ok(None);
            }
            g.exact
                .round_dp(decimal_places, rust_decimal::RoundingStrategy::MidpointNearestEven)
                .map(Some)
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
        })
    }

    /// Writes the header, then each group's key and `total(group)` (empty
    /// for `None`), and its count of undisclosed flows if `undisclosed`.
    fn write_rows(
        &self,
        mut out: impl io::Write,
        undisclosed: bool,
        total: impl Fn(&GroupTotal) -> io::Result<Option<Money>>,
    ) -> io::Result<()> {
        let mut line = String::new();
        for name in self.by.names() {
            line.push_str(name);
            line.push(',');
        }
        line.push_str(if undisclosed { "total,undisclosed\n" } else { "total\n" });
        out.write_all(line.as_bytes())?;
        for g in &self.groups {
            line.clear();
            for part in g.key.parts() {
                push_field(&mut line, &part.to_string());
                line.push(',');
            }
            if let Some(total) = total(g)? {
                line.push_str(&total.amount().to_string());
            }
            if undisclosed {
                line.push(',');
                line.push_str(&g.undisclosed.to_string());
            }
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
        Ok(())
    }
}

/// Appends `field`, quoted as RFC 4180 asks when it holds a comma, a quote
/// or a line break.
fn push_field(line: &mut String, field: &str) {
    if field.contains([',', '"', '\n', '\r']) {
        line.push('"');
        line.push_str(&field.replace('"', "\"\""));
        line.push('"');
    } else {
        line.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut s = String::new();
        push_field(&mut s, "Northern Triangle");
        s.push(',');
        push_field(&mut s, "Korea, \"South\"");
        assert_eq!(s, "Northern Triangle,\"Korea, \"\"South\"\"\"");
    }
}
