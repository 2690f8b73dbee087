//! IATI transactions into the aggregator: [`FileSet::aggregate_into`]
//! and the [`Summary`] of what became of every transaction.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use chrono::Datelike;
use rust_decimal::Decimal;

use super::rate_cache::RateCache;
use super::{AggregateError, Aggregator, By, Dimension, GroupKey, KeyPart, Pushed, Refiner, Tally};
use crate::fx::RateSource;
use crate::iati::{
    Activity, Counts, Error, FileSet, OrgRef, RecipientCode, Recipients, Transaction, TransactionOutcome, UNSPECIFIED,
};
use crate::Money;

/// What became of every `<transaction>` of an IATI aggregation
/// ([`FileSet::aggregate_into`]), counted as `iati_reference.py` counts
/// them, and the files that could not be read.
///
/// `read = counted + skipped + rejected()`, always. Its `Display` is the
/// reference's stderr line:
///
/// ```text
/// read 216 transactions: 108 counted, 108 skipped by type, 0 rejected (no-currency: 0, unreadable-amount: 0, unreadable-date: 0, no-rate: 0); 9 activities percentages-not-100
/// ```
///
/// with `beyond-decimal: N` after `no-rate` when some transaction's
/// converted amount could not be summed exactly (see
/// [`beyond_decimal`](Summary::beyond_decimal)), which the reference
/// never reports.
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct Summary {
    /// Files read whole (their transactions are in the totals).
    pub files: u64,
    /// `<transaction>` elements read, in the files read whole.
    pub read: u64,
    /// Transactions converted and summed.
    pub counted: u64,
    /// Transactions of a type not summed (or with no type).
    pub skipped: u64,
    /// Rejected: neither `value/@currency` nor `@default-currency`.
    pub no_currency: u64,
    /// Rejected: no `value`, or text that is not an xsd:decimal.
    pub unreadable_amount: u64,
    /// Rejected: no date, or one that is not an xsd:date.
    pub unreadable_date: u64,
    /// Rejected: no rate for the currency on the date (or a currency
    /// code that is not ISO 4217's).
    pub no_rate: u64,
    /// Rejected: a converted amount beyond what a total holds (a
    /// `Decimal` at the target's minor units), or with more decimal
    /// places, with its percentage, than an exact sum keeps (18); the
    /// reference, in unbounded decimals, sums these.
    pub beyond_decimal: u64,
    /// Activities whose recipient percentages do not sum to exactly 100
    /// and whose split was used by at least one counted transaction.
    pub percentages_not_100: u64,
    /// The files that could not be read, each error naming the file, the
    /// line and byte offset, and the activity. Nothing of such a file is
    /// in the totals or in the counts above.
    pub failed: Vec<Error>,
}

impl Summary {
    /// Transactions rejected, for any reason.
    pub fn rejected(&self) -> u64 {
        self.no_currency + self.unreadable_amount + self.unreadable_date + self.no_rate + self.beyond_decimal
    }

    /// Adds what became of the transactions the reader passed in one file.
    fn add_outcomes(&mut self, outcomes: Outcomes) {
        self.counted += outcomes.counted;
        self.no_rate += outcomes.no_rate;
        self.beyond_decimal += outcomes.beyond_decimal;
        self.percentages_not_100 += outcomes.percentages_not_100;
    }

    /// Adds what the reader counted in one file.
    fn add_read(&mut self, counts: &Counts) {
        self.files += 1;
        self.read += counts.read;
        self.skipped += counts.skipped;
        self.no_currency += counts.no_currency;
        self.unreadable_amount += counts.unreadable_amount;
        self.unreadable_date += counts.unreadable_date;
    }
}

impl fmt::Display for Summary {
    /// `iati_reference.py`'s stderr line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "read {} transactions: {} counted, {} skipped by type, {} rejected \
             (no-currency: {}, unreadable-amount: {}, unreadable-date: {}, no-rate: {}",
            self.read,
            self.counted,
            self.skipped,
            self.rejected(),
            self.no_currency,
            self.unreadable_amount,
            self.unreadable_date,
            self.no_rate,
        )?;
        if self.beyond_decimal > 0 {
            write!(f, ", beyond-decimal: {}", self.beyond_decimal)?;
        }
        write!(f, "); {} activities percentages-not-100", self.percentages_not_100)
    }
}

impl FileSet {
    /// Sums the transactions of every file into `aggregator`, as
    /// `iati_reference.py` does, on every core; returns what became of
    /// each transaction and the files that could not be read.
    ///
    /// Each transaction the reader passes (see [`crate::iati`]: a selected
    /// type, a currency, a readable amount and date) is converted at the
    /// rate of its date (or of the aggregator's fixed date) from the
    /// aggregator's rate source, and summed exactly by the aggregator's
    /// dimension, keyed as the reference keys it ([`KeyPart::Code`]):
    ///
    /// - [`Dimension::Recipient`]: the transaction's own recipient
    ///   (`GT`, `region:1:298`) takes all of it; else each of its
    ///   activity's recipient countries and regions takes `amount ×
    ///   percentage / 100`, exactly, whatever the percentages sum to
    ///   (an activity whose split does not sum to 100 is counted once in
    ///   [`Summary::percentages_not_100`]); else `unspecified`.
    /// - [`Dimension::Donor`]: `provider-org/@ref`, else the activity's
    ///   `reporting-org/@ref`, else `unspecified`. Not split.
    /// - [`Dimension::Year`]: the year of the transaction's date, four
    ///   digits (`2021`). Not split.
    ///
    /// Codes are kept as written, not resolved to the crate's countries
    /// or organisations. The [`Totals`](crate::Totals) are the
    /// aggregator's: exact, each rounded once, half to even. Its counts
    /// cover the transactions it was given (those with an ISO 4217
    /// currency that the reader passed); the [`Summary`] accounts for
    /// every `<transaction>`: `read = counted + skipped + rejected()`.
    ///
    /// A file that is not well-formed (see [`iati::Error`](crate::iati::Error))
    /// is left out whole, its transactions neither summed nor counted,
    /// and its error is in [`Summary::failed`]; the other files are
    /// summed. The result does not depend on the number of threads or
    /// on how files are cut into parts.
    ///
    /// `iati_reference.py` converts with the ECB's rates as published:
    /// to use them so for a retired currency in the days after its last
    /// quote, give the aggregator
    /// [`EcbRates::with_legal_tender_check(false)`](crate::fx::EcbRates::with_legal_tender_check).
    ///
    /// # Errors
    ///
    /// [`AggregateError::UnsupportedDimension`] when the aggregator
    /// groups by anything but recipient, donor or year (nothing is read
    /// then).
    ///
    #[cfg_attr(feature = "ecb-snapshot", doc = "```")]
    #[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
    /// use statecraft::fx::EcbRates;
    /// use statecraft::iati::FileSet;
    /// use statecraft::{Aggregator, Currency, Dimension};
    ///
    /// let files = FileSet::new(["tests/data/iati/es-maec-indonesia-2.01.xml"])?;
    /// let mut agg = Aggregator::new(EcbRates::embedded(), Currency::USD, Dimension::Recipient);
    /// let summary = files.aggregate_into(&mut agg)?;
    /// assert!(summary.failed.is_empty());
    /// assert_eq!(
    ///     summary.to_string(),
    ///     "read 216 transactions: 108 counted, 108 skipped by type, 0 rejected (no-currency: 0, \
    ///      unreadable-amount: 0, unreadable-date: 0, no-rate: 0); 9 activities percentages-not-100"
    /// );
    /// let mut csv = Vec::new();
    /// agg.totals()?.write_csv_dp(&mut csv, 2)?;
    /// assert_eq!(String::from_utf8(csv)?, "recipient,total\nID,-38788127.05\nregion:1:789,0.00\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn aggregate_into<R: RateSource + Sync>(
        &self,
        aggregator: &mut Aggregator<R>,
    ) -> Result<Summary, AggregateError> {
        let key_by = KeyBy::of(aggregator.by())?;
        let mut summary = Summary::default();
        let mut parts: Vec<(Tally, Outcomes)> = Vec::new();
        let mut read: Vec<Option<Counts>> = Vec::new();
        for file in self.pass(aggregator, key_by, None) {
            match file {
                Ok(file) => {
                    summary.add_read(&file.counts);
                    read.push(Some(file.counts));
                    parts.push((file.tally, file.outcomes));
                }
                Err(e) => {
                    summary.failed.push(e);
                    read.push(None);
                }
            }
        }
        for (tally, outcomes) in parts {
            aggregator.merge_tally(tally)?;
            summary.add_outcomes(outcomes);
        }
        // Totals within their spread of a midpoint (at the target's minor
        // units, or at cents, as the reference prints them): a second
        // pass sums their flows exactly, from the files read the same way
        // both times.
        let places: Vec<u32> = aggregator
            .currency()
            .minor_units()
            .map(u32::from)
            .into_iter()
            .chain([2])
            .collect();
        let uncertain = aggregator.uncertain(&places);
        if !uncertain.is_empty() {
            let mut refiner = Refiner::new(aggregator, uncertain.iter().cloned());
            for (file, first) in self.pass(aggregator, key_by, Some(&uncertain)).into_iter().zip(&read) {
                if let Ok(FileSums {
                    refiner: Some(part),
                    counts,
                    ..
                }) = file
                {
                    if Some(counts) == *first {
                        refiner.merge(part);
                    }
                }
            }
            // A group it cannot settle (a file changed between the
            // passes) keeps its sum, and says so: `GroupTotal::is_certain`.
            refiner.settle(aggregator);
        }
        Ok(summary)
    }

    /// Reads every file into a fork of `aggregator`, refining the groups
    /// of `refine` if given: one result per file.
    fn pass<R: RateSource + Sync>(
        &self,
        aggregator: &Aggregator<R>,
        key_by: KeyBy,
        refine: Option<&[GroupKey]>,
    ) -> Vec<Result<FileSums, Error>> {
        let rates = aggregator.rates();
        // The rates a thread looked up go from each part it reads to the next.
        let init = |cache: &mut Option<RateCache>| Worker {
            aggregator: match cache.take() {
                Some(cache) => Aggregator::from_tally(rates, aggregator.fork_tally()).with_cache(cache),
                None => Aggregator::from_tally(rates, aggregator.fork_tally()),
            },
            keys: Keys::new(key_by),
            unspecified: None,
            parts: Vec::new(),
            parts_of: None,
            key_parts: Vec::new(),
            counts: Outcomes::default(),
            flagged: None,
            refiner: refine.map(|keys| Refiner::new(aggregator, keys.iter().cloned())),
        };
        let step = |w: &mut Worker<'_, R>, entry: TransactionOutcome| {
            if let TransactionOutcome::Transaction(t) = entry {
                w.push(&t);
            }
        };
        let done = |cache: &mut Option<RateCache>, w: &mut Worker<'_, R>| *cache = Some(w.aggregator.take_cache());
        self.fold_with(|| None, init, step, done, Worker::merge)
            .into_iter()
            .map(|file| {
                file.result.map(|(worker, counts)| FileSums {
                    tally: worker.aggregator.into_tally(),
                    outcomes: worker.counts,
                    refiner: worker.refiner,
                    counts,
                })
            })
            .collect()
    }
}

/// What one pass summed of one file.
struct FileSums {
    tally: Tally,
    outcomes: Outcomes,
    refiner: Option<Refiner>,
    counts: Counts,
}

/// What IATI totals are keyed by.
#[derive(Clone, Copy, Debug)]
enum KeyBy {
    Recipient,
    Donor,
    Year,
}

/// The keys of one dimension, each made once per thread, by the slot of
/// their group in the thread's aggregator.
#[derive(Debug)]
enum Keys {
    Recipient(HashMap<RecipientCode, usize>),
    Donor(HashMap<OrgRef, usize>),
    Year(HashMap<i32, usize>),
}

impl KeyBy {
    fn of(by: &By) -> Result<KeyBy, AggregateError> {
        let mut dimensions = by.dimensions();
        match (dimensions.next(), dimensions.next()) {
            (Some(Dimension::Recipient), None) => Ok(KeyBy::Recipient),
            (Some(Dimension::Donor), None) => Ok(KeyBy::Donor),
            (Some(Dimension::Year), None) => Ok(KeyBy::Year),
            _ => Err(AggregateError::UnsupportedDimension { by: by.to_string() }),
        }
    }
}

impl Keys {
    fn new(by: KeyBy) -> Keys {
        match by {
            KeyBy::Recipient => Keys::Recipient(HashMap::new()),
            KeyBy::Donor => Keys::Donor(HashMap::new()),
            KeyBy::Year => Keys::Year(HashMap::new()),
        }
    }
}

/// A key of one part.
fn key(text: &str) -> GroupKey {
    GroupKey::new(KeyPart::Code(Arc::from(text)), None)
}

/// What one thread sums of one part of a file.
struct Worker<'r, R> {
    aggregator: Aggregator<&'r R>,
    keys: Keys,
    /// The slot of `unspecified`, once met.
    unspecified: Option<usize>,
    /// The parts of the transaction being pushed, by slot (kept to
    /// reuse).
    parts: Vec<(usize, Option<Decimal>)>,
    /// The activity whose split `parts` holds, if it does: its next
    /// transactions take it as it is.
    parts_of: Option<Arc<Activity>>,
    /// `parts` by key, for the refiner.
    key_parts: Vec<(GroupKey, Option<Decimal>)>,
    counts: Outcomes,
    /// The last activity counted in `percentages_not_100` (its
    /// transactions come one after another).
    flagged: Option<Arc<Activity>>,
    /// In a second pass, what the groups being refined take.
    refiner: Option<Refiner>,
}

/// What became of the transactions the reader passed.
#[derive(Clone, Copy, Debug, Default)]
struct Outcomes {
    counted: u64,
    no_rate: u64,
    beyond_decimal: u64,
    percentages_not_100: u64,
}

impl Outcomes {
    fn add(&mut self, other: Outcomes) {
        self.counted += other.counted;
        self.no_rate += other.no_rate;
        self.beyond_decimal += other.beyond_decimal;
        self.percentages_not_100 += other.percentages_not_100;
    }
}

impl<R: RateSource> Worker<'_, R> {
    fn push(&mut self, t: &Transaction) {
        let Some(currency) = t.currency().currency() else {
            self.counts.no_rate += 1;
            return;
        };
        let Worker {
            aggregator,
            keys,
            unspecified,
            parts,
            parts_of,
            ..
        } = self;
        let mut unspecified = || *unspecified.get_or_insert_with(|| aggregator.slot(&key(UNSPECIFIED)));
        let one = match keys {
            Keys::Recipient(codes) => match t.recipients() {
                Recipients::Own(r) => intern(codes, aggregator, r, |r| key(&r.to_string())),
                Recipients::Unspecified => unspecified(),
                Recipients::Split(activity) => {
                    if !parts_of.as_ref().is_some_and(|a| Arc::ptr_eq(a, t.activity())) {
                        parts.clear();
                        for share in activity.shares() {
                            let slot = intern(codes, aggregator, &share.recipient, |r| key(&r.to_string()));
                            parts.push((slot, Some(share.percentage)));
                        }
                        *parts_of = Some(Arc::clone(t.activity()));
                    }
                    usize::MAX
                }
            },
            Keys::Donor(refs) => match t.donor() {
                Some(donor) => intern(refs, aggregator, donor, |d| key(d.as_str())),
                None => unspecified(),
            },
            Keys::Year(years) => intern(years, aggregator, &t.date().year(), |y| key(&format!("{y:04}"))),
        };
        if one != usize::MAX {
            *parts_of = None;
            parts.clear();
            parts.push((one, None));
        }
        let money = Money::new(t.amount(), currency);
        let pushed = aggregator.push_slotted(t.location().line, money, t.date(), parts);
        if let (Pushed::Summed, Some(refiner)) = (pushed, &mut self.refiner) {
            self.key_parts.clear();
            self.key_parts.extend(
                parts
                    .iter()
                    .filter_map(|(slot, percent)| Some((aggregator.slot_key(*slot)?.clone(), *percent))),
            );
            refiner.add(money, t.date(), &self.key_parts);
        }
        match pushed {
            Pushed::Summed => {
                self.counts.counted += 1;
                self.flag(t);
            }
            Pushed::NoRate => self.counts.no_rate += 1,
            Pushed::Beyond => self.counts.beyond_decimal += 1,
        }
    }

    /// Counts `t`'s activity in `percentages_not_100` if its split was
    /// used and does not sum to 100, once.
    fn flag(&mut self, t: &Transaction) {
        let Recipients::Split(activity) = t.recipients() else {
            return;
        };
        if activity.sums_to_100() || self.flagged.as_ref().is_some_and(|f| Arc::ptr_eq(f, t.activity())) {
            return;
        }
        self.counts.percentages_not_100 += 1;
        self.flagged = Some(Arc::clone(t.activity()));
    }

    /// Adds a later part's sums and counts.
    fn merge(&mut self, later: Worker<'_, R>) {
        // Forks of one aggregator sum alike: merging them cannot fail.
        let _ = self.aggregator.merge_tally(later.aggregator.into_tally());
        self.counts.add(later.counts);
        if let (Some(mine), Some(theirs)) = (&mut self.refiner, later.refiner) {
            mine.merge(theirs);
        }
    }
}

/// The slot of the key of `code` in `keys`, made by `make` the first time.
fn intern<K, R>(
    keys: &mut HashMap<K, usize>,
    aggregator: &mut Aggregator<R>,
    code: &K,
    make: impl FnOnce(&K) -> GroupKey,
) -> usize
where
    K: Clone + Eq + std::hash::Hash,
    R: RateSource,
{
    if let Some(&slot) = keys.get(code) {
        return slot;
    }
    let slot = aggregator.slot(&make(code));
    keys.insert(code.clone(), slot);
    slot
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::iati::TypeFilter;
    use crate::{Currency, Decimal, NaiveDate};

    /// A rate of 1.2162 / 0.85825 for GBP (USD per GBP through the euro),
    /// 1 for USD.
    struct Gbp;

    impl RateSource for Gbp {
        fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<crate::fx::Rate, crate::fx::FxError> {
            crate::fx::Rate::new(from, to, Decimal::new(12162, 4) / Decimal::new(85825, 5), on, "test")
        }
        fn rate_ratio(&self, _: Currency, _: Currency, _: NaiveDate) -> Result<(Decimal, Decimal), crate::fx::FxError> {
            Ok((Decimal::new(12162, 4), Decimal::new(85825, 5)))
        }
    }

    /// 300 activities, each with a disbursement of GBP 21.45625 (exactly
    /// USD 30.405) and a commitment, to a country, a region, or both half
    /// and half in turn, from seven reporting organisations in turn.
    fn file(dir: &std::path::Path) -> std::path::PathBuf {
        let mut xml = String::from("<iati-activities>\n");
        for i in 0..300 {
            let recipients = match i % 3 {
                0 => "<recipient-country code=\"GT\"/>".to_string(),
                1 => "<recipient-region code=\"298\"/>".to_string(),
                _ => "<recipient-country code=\"GT\" percentage=\"50\"/><recipient-region code=\"298\" percentage=\"50\"/>".to_string(),
            };
            xml.push_str(&format!(
                " <iati-activity default-currency=\"GBP\"><iati-identifier>A-{i}</iati-identifier>\
                 <reporting-org ref=\"R-{}\"/>{recipients}\
                 <transaction><transaction-type code=\"3\"/><value value-date=\"2021-06-07\">21.45625</value></transaction>\
                 <transaction><transaction-type code=\"2\"/><value value-date=\"2021-06-07\">1</value></transaction>\
                 </iati-activity>\n",
                i % 7
            ));
        }
        xml.push_str("</iati-activities>\n");
        let path = dir.join("ties.xml");
        std::fs::write(&path, xml).unwrap();
        path
    }

    fn csv(files: &FileSet, by: Dimension) -> (String, String) {
        let mut agg = Aggregator::new(Gbp, Currency::USD, by);
        let summary = files.aggregate_into(&mut agg).unwrap();
        let totals = agg.totals().unwrap();
        assert!(totals.groups().iter().all(|g| g.is_certain()));
        let mut out = Vec::new();
        totals.write_csv_dp(&mut out, 2).unwrap();
        (String::from_utf8(out).unwrap(), summary.to_string())
    }

    #[test]
    fn parts_and_the_second_pass_give_the_totals_of_one_pass() {
        let dir = std::env::temp_dir().join(format!("statecraft-iati-parts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = file(&dir);
        let whole = FileSet::new([&path]).unwrap().threads(1).types(TypeFilter::default());
        let (recipients, line) = csv(&whole, Dimension::Recipient);
        // 100 × 30.405 each for GT and region 298 on their own, and 100
        // halves of 30.405 each: 4560.75 exactly.
        assert_eq!(recipients, "recipient,total\nGT,4560.75\nregion:1:298,4560.75\n");
        assert_eq!(
            line,
            "read 600 transactions: 300 counted, 300 skipped by type, 0 rejected (no-currency: 0, \
             unreadable-amount: 0, unreadable-date: 0, no-rate: 0); 0 activities percentages-not-100"
        );
        // By donor, R-0 to R-6 take 43 or 42 transactions of 30.405: a
        // half cent each odd count (43 × 30.405 = 1307.415 → 1307.42).
        let (donors, _) = csv(&whole, Dimension::Donor);
        assert!(donors.contains("R-0,1307.42\n"), "{donors}");
        assert!(donors.contains("R-6,1277.01\n"), "{donors}");
        for (threads, part) in [(2, 20_000), (3, 5_000), (4, 1_000)] {
            let files = FileSet::new([&path]).unwrap().threads(threads).min_part(part);
            for by in [Dimension::Recipient, Dimension::Donor, Dimension::Year] {
                assert_eq!(
                    csv(&files, by.clone()),
                    csv(&whole, by.clone()),
                    "{threads} threads, parts of {part}"
                );
            }
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
