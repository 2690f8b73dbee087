//! `Aggregator`: exact totals of flows, streaming and mergeable.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

use super::apportion::apportion;
use super::area_split::weight;
use super::rate_cache::{Factor, RateCache, Rated, Slot, UNBOUNDED};
use super::rejection::{keep_first, would_keep};
use super::wide::{pow10, WideSum, I256, RATE_SCALE, SUM_SCALE, U256};
use super::{
    AggregateError, AreaRecipient, By, ExactSum, Flow, FlowRecipients, GroupKey, GroupTable, GroupTotal, RejectReason,
    Rejection, Totals,
};
use crate::fx::{FxError, RateSource, Series};
use crate::{Actor, Country, Currency, FundingStage, Money};

/// How many rejections an aggregator keeps by default.
const DEFAULT_KEPT: usize = 10;

/// The decimal places an amount and its share may have together: the sum
/// scale less the 28 places of a rate.
const AMOUNT_SCALE: u32 = SUM_SCALE - RATE_SCALE;

/// Sums flows of funds into exact totals in one currency, grouped by a
/// [`By`], one flow at a time.
///
/// Each flow is converted at the rate of its value date (or of one date
/// you fix with [`at`](Aggregator::at)) from any [`RateSource`], apportioned
/// among its recipients by its [`CountrySplit`](crate::aggregate::CountrySplit) (or
/// [`AreaSplit`](crate::aggregate::AreaSplit)), and added to its group exactly. A
/// recipient that is not one country (a group a dossier names, a
/// sub-region, the world) is summed as it stands, never split among its
/// countries (see [`Dimension`](crate::Dimension)).
/// Memory grows with the number of groups, not of flows: a group holds one
/// exact sum, and a rate is asked once per currency and day and cached in
/// 16 bytes per currency and day of the input's range (1.8 MB for 16
/// currencies over 19 years), within fixed bounds whatever the input.
///
/// Nothing is lost. Every flow pushed is counted as read and is then
/// either aggregated, undisclosed (no amount: counted per group, never
/// summed as zero) or rejected with its line and reason (no rate for that
/// date, unreadable, a converted amount beyond what a `Decimal` holds);
/// the first rejections are kept.
///
/// [`merge`](Aggregator::merge) combines two aggregators with the same
/// result as one pass over both inputs (given the same rates), so that
/// work can be split across threads or machines. Sums are exact however
/// large they grow on the way, so neither the order of flows nor how they
/// are split changes a total, or whether it can be read (see
/// [`totals`](Aggregator::totals)).
///
/// # What "exact" means
///
/// The rate is the `Decimal` the source returns (for the ECB, a cross rate
/// `target_per_eur / currency_per_eur` carries 28 significant digits).
/// Each product `amount × rate × share / 100` is computed exactly, in
/// 256-bit integers at 46 decimal places, and the sums of these products
/// are exact. Each total is rounded once, when read, half to even to the
/// target currency's minor units.
///
/// ```
/// use statecraft::fx::{FxError, Rate, RateSource};
/// use statecraft::records::FundingRecord;
/// use statecraft::{Aggregator, Country, Currency, Decimal, Dimension, FundingStage, NaiveDate};
///
/// /// One pound buys 1.25 dollars, every day.
/// struct Fixed;
/// impl RateSource for Fixed {
///     fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
///         Rate::new(from, to, Decimal::new(125, 2), on, "fixed")
///     }
/// }
///
/// let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
/// let mut agg = Aggregator::new(Fixed, Currency::USD, Dimension::Recipient);
/// for (id, to, amount) in [("1", Country::GT, "GBP 100"), ("2", Country::HN, "USD 10.005"), ("3", Country::GT, "GBP 0.01")] {
///     let record = FundingRecord::new(id.parse()?, day, Country::US, to, FundingStage::Committed, Some(amount.parse()?));
///     agg.push(&record);
/// }
/// let totals = agg.totals()?;
/// assert_eq!(totals.read(), 3);
/// let rows: Vec<String> = totals.groups().iter().map(|g| format!("{} {}", g.key(), g.total())).collect();
/// assert_eq!(rows, ["GT USD 125.01", "HN USD 10.00"]); // 125.0125 and 10.005, half to even
/// assert_eq!(totals.total().to_string(), "USD 135.02"); // 135.0175
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Aggregator<R> {
    rates: R,
    tally: Tally,
}

/// Everything an aggregator holds but its rate source.
#[derive(Debug)]
pub(crate) struct Tally {
    target: Currency,
    /// The largest and smallest sums that round into a `Decimal` at the
    /// target's minor units: a flow converted beyond them is rejected, and
    /// a total beyond them cannot be read.
    limit: (I256, I256),
    by: By,
    /// Whether `by` groups by donor: a donor that is no country is then
    /// keyed by key, not by code.
    by_donor: bool,
    /// The groups of `by`, when some country's group cannot be told on
    /// some days: a flow to it then is rejected.
    gaps: Option<Arc<GroupTable>>,
    at: Option<NaiveDate>,
    keep: usize,
    cache: RateCache,
    groups: Groups,
    /// Groups whose key has an area as it stands (or a group no table
    /// names, or a donor that is no country), or that a reader keyed
    /// (IATI's codes): kept by key rather than by code.
    keyed: KeyedCells,
    total: WideSum,
    /// The spread of `total` (see [`Cell::spread`]).
    total_spread: U256,
    read: u64,
    aggregated: u64,
    rejected: u64,
    /// Rejections by reason, indexed as [`RejectReason::IDS`].
    rejected_by: [u64; RejectReason::IDS.len()],
    undisclosed: u64,
    rejections: Vec<Rejection>,
}

/// The cells of the groups kept by key, each at a slot (its index, in
/// the order the keys were met). A slot is kept for a key before its
/// group is made (when a flow is first summed into it).
#[derive(Clone, Debug, Default)]
struct KeyedCells {
    slots: Vec<(GroupKey, Option<Cell>)>,
    index: HashMap<GroupKey, usize>,
}

impl KeyedCells {
    /// The slot of `key`, kept if it is new.
    fn slot(&mut self, key: &GroupKey) -> usize {
        if let Some(&slot) = self.index.get(key) {
            return slot;
        }
        let slot = self.slots.len();
        self.slots.push((key.clone(), None));
        self.index.insert(key.clone(), slot);
        slot
    }

    /// The cell at `slot`, made if it is new.
    fn at(&mut self, slot: usize) -> Option<&mut Cell> {
        self.slots
            .get_mut(slot)
            .map(|(_, cell)| cell.get_or_insert_with(Cell::default))
    }

    /// The cell of `key`, made if it is new.
    fn entry(&mut self, key: &GroupKey) -> Option<&mut Cell> {
        let slot = self.slot(key);
        self.at(slot)
    }

    /// The cell of `key`, if it was made.
    fn get_mut(&mut self, key: &GroupKey) -> Option<&mut Cell> {
        let slot = *self.index.get(key)?;
        self.slots.get_mut(slot).and_then(|(_, cell)| cell.as_mut())
    }

    /// The groups made, with their cells.
    fn cells(&self) -> impl Iterator<Item = (&GroupKey, &Cell)> {
        self.slots.iter().filter_map(|(key, cell)| Some((key, cell.as_ref()?)))
    }
}

/// The running total of one group.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Cell {
    sum: WideSum,
    records: u64,
    undisclosed: u64,
    /// How far `sum` may be from the sum at the exact rates (in units of
    /// the sum): the error of the rates' values (see [`Rated::shift`]).
    spread: U256,
}

impl Cell {
    fn is_used(&self) -> bool {
        self.records > 0 || self.undisclosed > 0
    }

    /// Adds another cell of the same group.
    fn merge(&mut self, theirs: Cell) {
        self.sum.add_sum(theirs.sum);
        self.records = self.records.saturating_add(theirs.records);
        self.undisclosed = self.undisclosed.saturating_add(theirs.undisclosed);
        self.spread = self.spread.saturating_add(theirs.spread);
    }

    /// Adds a part `value`, converted at `rated`.
    #[inline]
    fn add(&mut self, value: I256, rated: Rated) {
        self.sum.add(value);
        if rated.shift.is_some() {
            self.spread = self.spread.saturating_add(spread(value, rated));
        }
    }
}

/// The largest error of `value`, a product at the rate of `rated`, against
/// the product at the exact rate.
#[inline]
fn spread(value: I256, rated: Rated) -> U256 {
    match rated.shift {
        None => U256::ZERO,
        Some(UNBOUNDED) => U256::MAX,
        Some(k) => value.sign_magnitude().1.shr(u32::from(k)).saturating_add(U256::ONE),
    }
}

/// Running totals by key code: a table when the keys are few and known, a
/// map otherwise.
#[derive(Clone, Debug)]
enum Groups {
    Dense(Vec<Cell>),
    Sparse(HashMap<u64, Cell, BuildHasherDefault<CodeHasher>>),
}

impl Groups {
    fn new(by: &By) -> Groups {
        match by.dense_len() {
            Some(n) => Groups::Dense(vec![Cell::default(); n]),
            None => Groups::Sparse(HashMap::default()),
        }
    }

    #[inline]
    fn cell(&mut self, code: u64) -> Option<&mut Cell> {
        match self {
            Groups::Dense(v) => usize::try_from(code).ok().and_then(|i| v.get_mut(i)),
            Groups::Sparse(m) => Some(m.entry(code).or_default()),
        }
    }

    fn used(&self) -> Vec<(u64, Cell)> {
        match self {
            Groups::Dense(v) => (0u64..)
                .zip(v.iter())
                .filter(|(_, c)| c.is_used())
                .map(|(i, c)| (i, *c))
                .collect(),
            Groups::Sparse(m) => m.iter().filter(|(_, c)| c.is_used()).map(|(k, c)| (*k, *c)).collect(),
        }
    }
}

/// What a batch of flows tells the aggregator beyond [`Flow`], computed
/// when each flow is read.
pub(crate) trait RateKey {
    /// What its rate is looked up by: its currency and the day number of
    /// its date, `None` when it has no amount.
    fn rate_key(&self) -> Option<(Currency, i32)>;

    /// Its recipient, when that is one country.
    fn one_recipient(&self) -> Option<Country>;
}

/// A multiplicative hasher for key codes (which are small integers).
#[derive(Default)]
struct CodeHasher(u64);

impl Hasher for CodeHasher {
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// What became of a flow pushed with [`Tally::push_slotted`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pushed {
    /// Converted and summed.
    Summed,
    /// Rejected: no rate for its currency on its date.
    NoRate,
    /// Rejected: a product beyond what a total holds, or too precise to
    /// sum exactly.
    Beyond,
}

/// Why one product could not be formed.
enum ProductError {
    Overflow,
    TooPrecise,
}

/// Where a part of a flow is summed: a slot of the groups by code, or,
/// for a key no code stands for, a group of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Target {
    Code(u64),
    Key(Box<GroupKey>),
}

impl<R: RateSource> Aggregator<R> {
    /// An empty aggregator converting into `target` through `rates`,
    /// grouping by `by` (a [`Dimension`](crate::Dimension) or a pair), at
    /// each flow's value date.
    pub fn new(rates: R, target: Currency, by: impl Into<By>) -> Aggregator<R> {
        let by = by.into();
        Aggregator {
            rates,
            tally: Tally::empty(
                target,
                limit(target),
                by.uses_donor(),
                by.groups_with_gaps(),
                by,
                None,
                DEFAULT_KEPT,
            ),
        }
    }

    /// Converts every flow at the rate of `date` instead of its own value
    /// date (to report in "today's dollars").
    pub fn at(mut self, date: NaiveDate) -> Aggregator<R> {
        self.tally.at = Some(date);
        self
    }

    /// Keeps the `n` rejections with the lowest lines (10 by default).
    pub fn keep_rejections(mut self, n: usize) -> Aggregator<R> {
        self.tally.keep = n;
        self.tally.rejections.truncate(n);
        self
    }

    /// An empty aggregator that sums the same way, through a clone of this
    /// one's rate source: one per thread, to [`merge`](Aggregator::merge)
    /// back. With a shared reference as the source (`&rates`, which is
    /// what `EcbRates::embedded()` gives), the clone is free.
    pub fn fork(&self) -> Aggregator<R>
    where
        R: Clone,
    {
        Aggregator {
            rates: self.rates.clone(),
            tally: self.tally.fork(),
        }
    }

    /// The rate source.
    pub(crate) fn rates(&self) -> &R {
        &self.rates
    }

    /// An aggregator of `tally`, converting through `rates`.
    pub(crate) fn from_tally(rates: R, tally: Tally) -> Aggregator<R> {
        Aggregator { rates, tally }
    }

    /// Everything but the rate source (and its borrow).
    pub(crate) fn into_tally(self) -> Tally {
        self.tally
    }

    /// An empty tally that sums as this aggregator does.
    pub(crate) fn fork_tally(&self) -> Tally {
        self.tally.fork()
    }

    /// Takes the rates this aggregator has looked up (leaving none), to
    /// give to another fork of the same aggregator on the same thread
    /// ([`with_cache`](Aggregator::with_cache)).
    pub(crate) fn take_cache(&mut self) -> RateCache {
        let empty = RateCache::new(self.tally.target);
        std::mem::replace(&mut self.tally.cache, empty)
    }

    /// Uses the rates another fork of the same aggregator looked up.
    pub(crate) fn with_cache(mut self, cache: RateCache) -> Aggregator<R> {
        self.tally.cache = cache;
        self
    }

    /// The currency totals are in.
    pub fn currency(&self) -> Currency {
        self.tally.target
    }

    /// What totals are grouped by.
    pub fn by(&self) -> &By {
        &self.tally.by
    }

    /// The fixed conversion date, if one was set with
    /// [`at`](Aggregator::at).
    pub fn conversion_date(&self) -> Option<NaiveDate> {
        self.tally.at
    }

    /// Flows pushed and records rejected so far.
    pub fn read(&self) -> u64 {
        self.tally.read
    }

    /// Flows summed so far.
    pub fn aggregated(&self) -> u64 {
        self.tally.aggregated
    }

    /// Records rejected so far.
    pub fn rejected(&self) -> u64 {
        self.tally.rejected
    }

    /// Flows without an amount so far.
    pub fn undisclosed(&self) -> u64 {
        self.tally.undisclosed
    }

    /// Adds one flow, at position `read() + 1` (see
    /// [`push_at`](Aggregator::push_at)).
    pub fn push(&mut self, flow: &impl Flow) {
        let line = self.tally.read.saturating_add(1);
        self.push_at(line, flow);
    }

    /// Adds one flow found at `line` (of a file, or any position the
    /// caller numbers flows by; rejections carry it).
    ///
    /// The flow is converted and summed, counted as undisclosed, or
    /// rejected; it is never an error.
    #[inline]
    pub fn push_at(&mut self, line: u64, flow: &impl Flow) {
        self.tally.push_at(&self.rates, line, flow);
    }

    /// Counts a record that could not be read as rejected at `line`, with
    /// `reason`.
    pub fn reject(&mut self, line: u64, reason: RejectReason) {
        self.tally.reject(line, reason);
    }

    /// Adds everything `other` has summed, counted and rejected, with the
    /// same result as if this aggregator had been pushed `other`'s flows
    /// too. `other` may use another rate source (see
    /// [`fork`](Aggregator::fork)).
    ///
    /// # Errors
    ///
    /// [`AggregateError::Incompatible`] when `other` converts into another
    /// currency, at another date or groups by something else; `self` is
    /// then unchanged. Sums never overflow here: a total too large for a
    /// `Decimal` is an error of [`totals`](Aggregator::totals), whatever
    /// the order in which parts were merged.
    ///
    /// ```
    /// use statecraft::fx::{FxError, Rate, RateSource};
    /// use statecraft::records::FundingRecord;
    /// use statecraft::{Aggregator, Country, Currency, Decimal, Dimension, FundingStage, NaiveDate};
    ///
    /// struct Par;
    /// impl RateSource for Par {
    ///     fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
    ///         Rate::new(from, to, Decimal::ONE, on, "par")
    ///     }
    /// }
    ///
    /// let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
    /// let grant = |id: &str, to, amount: &str| -> Result<FundingRecord, Box<dyn std::error::Error>> {
    ///     Ok(FundingRecord::new(id.parse()?, day, Country::US, to, FundingStage::Disbursed, Some(amount.parse()?)))
    /// };
    /// let rates = Par;
    /// let mut all = Aggregator::new(&rates, Currency::USD, Dimension::Recipient);
    /// let (mut a, mut b) = (all.fork(), all.fork());
    /// std::thread::scope(|s| {
    ///     s.spawn(|| a.push(&grant("1", Country::GT, "EUR 10").unwrap()));
    ///     s.spawn(|| b.push(&grant("2", Country::GT, "GBP 5.50").unwrap()));
    /// });
    /// all.merge(a)?;
    /// all.merge(b)?;
    /// assert_eq!(all.totals()?.total().to_string(), "USD 15.50");
    ///
    /// let in_euros = Aggregator::new(&rates, Currency::EUR, Dimension::Recipient);
    /// assert_eq!(
    ///     all.merge(in_euros).unwrap_err().to_string(),
    ///     "cannot merge totals in EUR by recipient at each record's date into totals in USD by recipient at each record's date"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merge<S: RateSource>(&mut self, other: Aggregator<S>) -> Result<(), AggregateError> {
        self.tally.merge(other.tally)
    }

    /// Adds a batch of flows with their lines, as [`push_at`](Aggregator::push_at)
    /// each would, faster.
    pub(crate) fn push_batch<F: Flow + RateKey>(&mut self, batch: &[(u64, F)]) {
        self.tally.push_batch(&self.rates, batch);
    }

    /// [`push_slotted`](Aggregator::push_slotted) by key.
    #[cfg(test)]
    pub(crate) fn push_keyed(
        &mut self,
        line: u64,
        money: Money,
        date: NaiveDate,
        parts: &[(GroupKey, Option<Decimal>)],
    ) -> Pushed {
        let slots: Vec<(usize, Option<Decimal>)> = parts.iter().map(|(k, p)| (self.slot(k), *p)).collect();
        self.push_slotted(line, money, date, &slots)
    }

    /// The slot of the group of `key` (see [`Tally::slot`]).
    pub(crate) fn slot(&mut self, key: &GroupKey) -> usize {
        self.tally.slot(key)
    }

    /// The key of a slot (see [`Tally::slot_key`]).
    pub(crate) fn slot_key(&self, slot: usize) -> Option<&GroupKey> {
        self.tally.slot_key(slot)
    }

    /// Adds a flow whose groups its reader has slotted (see
    /// [`Tally::push_slotted`]).
    #[inline]
    pub(crate) fn push_slotted(
        &mut self,
        line: u64,
        money: Money,
        date: NaiveDate,
        parts: &[(usize, Option<Decimal>)],
    ) -> Pushed {
        self.tally.push_slotted(&self.rates, line, money, date, parts)
    }

    /// The groups whose total is not certainly rounded right at each of
    /// `places` decimal places (see [`Tally::uncertain`]).
    pub(crate) fn uncertain(&self, places: &[u32]) -> Vec<GroupKey> {
        self.tally.uncertain(places)
    }

    /// Replaces a group's sum by its sum at the exact rates (see
    /// [`Tally::settle`]).
    pub(crate) fn settle(&mut self, key: &GroupKey, sum: I256) {
        self.tally.settle(key, sum);
    }

    /// Merges a tally (see [`merge`](Aggregator::merge)).
    pub(crate) fn merge_tally(&mut self, other: Tally) -> Result<(), AggregateError> {
        self.tally.merge(other)
    }

    /// The totals so far: one row per group, sorted by key, each rounded
    /// half to even to the target's minor units, with the counts and the
    /// first rejections.
    ///
    /// # Errors
    ///
    /// [`AggregateError::Overflow`] when a total (of a group, or of
    /// everything) lies beyond what a `Decimal` holds at the target's
    /// minor units (±79,228,162,514,264,337,593,543,950,335 cents for
    /// USD). Each flow alone is within that range (a flow beyond it is
    /// rejected when pushed), and sums are exact however large they grow
    /// on the way, so whether a total can be read depends only on the
    /// flows, never on their order.
    ///
    /// ```
    /// use statecraft::fx::{FxError, Rate, RateSource};
    /// use statecraft::records::FundingRecord;
    /// use statecraft::{Aggregator, Country, Currency, Decimal, Dimension, FundingStage, Money, NaiveDate};
    ///
    /// struct Par;
    /// impl RateSource for Par {
    ///     fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
    ///         Rate::new(from, to, Decimal::ONE, on, "par")
    ///     }
    /// }
    ///
    /// let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
    /// let huge = Money::new(Decimal::MAX / Decimal::from(200), Currency::USD); // 3.96 × 10²⁶ dollars
    /// let grant = |id: &str, amount: Money| -> Result<FundingRecord, Box<dyn std::error::Error>> {
    ///     Ok(FundingRecord::new(id.parse()?, day, Country::US, Country::GT, FundingStage::Disbursed, Some(amount)))
    /// };
    /// let mut agg = Aggregator::new(Par, Currency::USD, Dimension::Recipient);
    /// agg.push(&grant("1", huge)?);
    /// agg.push(&grant("2", huge)?);
    /// assert_eq!(
    ///     agg.totals().unwrap_err().to_string(),
    ///     "overflow: the total of GT exceeds the largest USD amount a decimal holds at 2 decimal places"
    /// );
    /// agg.push(&grant("3", -huge)?); // a reduction brings it back
    /// assert_eq!(agg.totals()?.total(), huge.round());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn totals(&self) -> Result<Totals, AggregateError> {
        self.tally.totals()
    }
}

impl Tally {
    /// A tally of these settings that has read nothing.
    fn empty(
        target: Currency,
        limit: (I256, I256),
        by_donor: bool,
        gaps: Option<Arc<GroupTable>>,
        by: By,
        at: Option<NaiveDate>,
        keep: usize,
    ) -> Tally {
        Tally {
            target,
            limit,
            groups: Groups::new(&by),
            keyed: KeyedCells::default(),
            by_donor,
            gaps,
            by,
            at,
            keep,
            cache: RateCache::new(target),
            total: WideSum::ZERO,
            total_spread: U256::ZERO,
            read: 0,
            aggregated: 0,
            rejected: 0,
            rejected_by: [0; RejectReason::IDS.len()],
            undisclosed: 0,
            rejections: Vec::new(),
        }
    }

    /// An empty tally of the same settings, to sum a part of the input
    /// apart and merge it back.
    fn fork(&self) -> Tally {
        Tally::empty(
            self.target,
            self.limit,
            self.by_donor,
            self.gaps.clone(),
            self.by.clone(),
            self.at,
            self.keep,
        )
    }

    #[inline]
    pub(crate) fn push_at<R: RateSource + ?Sized>(&mut self, rates: &R, line: u64, flow: &impl Flow) {
        let slot = self.peek(flow);
        self.push_with(rates, line, flow, None, slot);
    }

    /// Adds a batch of flows with their lines: the same as pushing each in
    /// turn, but the rates of the whole batch are looked up first, so that
    /// the memory loads overlap instead of waiting one after another.
    pub(crate) fn push_batch<R: RateSource + ?Sized, F: Flow + RateKey>(&mut self, rates: &R, batch: &[(u64, F)]) {
        const WIDTH: usize = 64;
        let at = self.at.map(|d| d.num_days_from_ce());
        for chunk in batch.chunks(WIDTH) {
            // Few instructions per flow, so that many loads are in flight.
            let mut slots = [Slot::default(); WIDTH];
            for (slot, (_, flow)) in slots.iter_mut().zip(chunk) {
                if let Some((currency, day)) = flow.rate_key() {
                    *slot = self.cache.peek_day(currency, at.unwrap_or(day));
                }
            }
            for (slot, (line, flow)) in slots.iter().zip(chunk) {
                self.push_with(rates, *line, flow, flow.one_recipient(), *slot);
            }
        }
    }

    #[inline]
    fn peek(&self, flow: &impl Flow) -> Slot {
        match flow.amount() {
            Some(money) => self
                .cache
                .peek(money.currency(), self.at.unwrap_or_else(|| flow.date())),
            None => Slot::default(),
        }
    }

    /// Adds one flow; `one` is its recipient when the caller knows it is a
    /// single country (saving the [`Flow::recipients`] call), `slot` what
    /// the cache holds for its rate.
    #[inline]
    fn push_with<R: RateSource + ?Sized>(
        &mut self,
        rates: &R,
        line: u64,
        flow: &impl Flow,
        one: Option<Country>,
        slot: Slot,
    ) {
        if let Some(table) = &self.gaps {
            let day = flow.date();
            let unknown = flow
                .recipients()
                .countries()
                .find_map(|c| table.unknown_on(c, day).map(|e| (c, e)));
            if let Some((country, source)) = unknown {
                self.reject(line, RejectReason::GroupNotKnown { country, source });
                return;
            }
        }
        self.read = self.read.saturating_add(1);
        // The date is built only where it counts: for keys by year, month
        // or dated group, and to ask for a rate the cache does not hold.
        let date = if self.by.uses_date() {
            flow.date()
        } else {
            NaiveDate::MIN
        };
        let (donor, stage) = (flow.donor(), flow.stage());
        // A donor that is no country is keyed by key when it is a key.
        let (code, keyed) = match &*donor {
            Actor::Country(c) => (*c as u32, false),
            _ => (0, self.by_donor),
        };
        let Some(money) = flow.amount() else {
            self.undisclosed = self.undisclosed.saturating_add(1);
            let recipients = flow.recipients();
            let targets: Vec<Target> = match (&*recipients, keyed) {
                (r @ (FlowRecipients::One(_) | FlowRecipients::Split(_)), _) => {
                    parts(r, |c| self.country_target(&donor, code, keyed, c, stage, date))
                        .into_iter()
                        .map(|(target, _)| target)
                        .collect()
                }
                (r, _) => self
                    .area_parts(r, &donor, code, keyed, stage, date)
                    .into_iter()
                    .map(|(t, _)| t)
                    .collect(),
            };
            for target in distinct(targets) {
                if let Some(cell) = self.cell_of(&target) {
                    cell.undisclosed = cell.undisclosed.saturating_add(1);
                }
            }
            return;
        };
        let rated = match self
            .cache
            .resolve(rates, money.currency(), || self.at.unwrap_or_else(|| flow.date()), slot)
        {
            Ok(f) => f,
            Err(i) => {
                self.reject_no_rate(rates, line, money.currency(), self.at.unwrap_or_else(|| flow.date()), i);
                return;
            }
        };
        let result = match (one, keyed) {
            (Some(recipient), false) => self.add_one(money, rated, self.by.code(code, recipient, stage, date)),
            _ => self.add_to_recipients(money, rated, &flow.recipients(), (&donor, code, keyed), (stage, date)),
        };
        self.count(line, money, rated.factor, result);
    }

    /// Counts a flow with no rate for `currency` on `on` as rejected, and
    /// keeps the reason if it is among the first.
    #[cold]
    fn reject_no_rate<R: RateSource + ?Sized>(
        &mut self,
        rates: &R,
        line: u64,
        currency: Currency,
        on: NaiveDate,
        error: u32,
    ) {
        if would_keep(&self.rejections, self.keep, line) {
            // The reason was kept, or the source is asked again.
            let reason = match self.cache.error(error) {
                Some(e) => RejectReason::NoRate(e.clone()),
                None => match rates.rate(currency, self.target, on) {
                    Err(e) => RejectReason::NoRate(e),
                    Ok(_) => RejectReason::NoRate(FxError::NotQuoted {
                        series: Series::Pair(currency, self.target),
                        date: on,
                        provider: "the rate source (which answered later)".into(),
                    }),
                },
            };
            keep_first(&mut self.rejections, self.keep, Rejection::new(line, reason));
        }
        self.count_rejection(RejectReason::NO_RATE);
    }

    /// Counts a converted flow as aggregated, or as rejected with the
    /// reason its products could not be formed; whether it was summed.
    #[inline]
    fn count(&mut self, line: u64, money: Money, factor: Factor, result: Result<(), ProductError>) -> bool {
        match result {
            Ok(()) => {
                self.aggregated = self.aggregated.saturating_add(1);
                true
            }
            Err(e) => {
                if would_keep(&self.rejections, self.keep, line) {
                    let reason = match e {
                        ProductError::TooPrecise => RejectReason::TooPrecise { amount: money },
                        ProductError::Overflow => RejectReason::Overflow {
                            amount: money,
                            rate: factor.to_decimal(),
                            target: self.target,
                        },
                    };
                    keep_first(&mut self.rejections, self.keep, Rejection::new(line, reason));
                }
                self.count_rejection(match e {
                    ProductError::TooPrecise => RejectReason::TOO_PRECISE,
                    ProductError::Overflow => RejectReason::OVERFLOW,
                });
                false
            }
        }
    }

    /// Adds a converted flow to its recipients, as they are: `code` is the
    /// donor's code, or `keyed` when it is keyed by key.
    fn add_to_recipients(
        &mut self,
        money: Money,
        rated: Rated,
        recipients: &FlowRecipients,
        (donor, code, keyed): (&Actor, u32, bool),
        (stage, date): (FundingStage, NaiveDate),
    ) -> Result<(), ProductError> {
        match (recipients, keyed) {
            (FlowRecipients::One(recipient), false) => {
                self.add_one(money, rated, self.by.code(code, *recipient, stage, date))
            }
            (split @ (FlowRecipients::One(_) | FlowRecipients::Split(_)), _) => {
                let parts = parts(split, |c| self.country_target(donor, code, keyed, c, stage, date));
                self.add_split(money, rated, &parts)
            }
            (areas, _) => {
                let parts = self.area_parts(areas, donor, code, keyed, stage, date);
                self.add_apportioned(money, rated, parts)
            }
        }
    }

    pub(crate) fn reject(&mut self, line: u64, reason: RejectReason) {
        self.read = self.read.saturating_add(1);
        self.count_rejection(reason.index());
        if would_keep(&self.rejections, self.keep, line) {
            keep_first(&mut self.rejections, self.keep, Rejection::new(line, reason));
        }
    }

    /// Counts a rejection for the reason at `index` of [`RejectReason::IDS`].
    fn count_rejection(&mut self, index: usize) {
        self.rejected = self.rejected.saturating_add(1);
        if let Some(n) = self.rejected_by.get_mut(index) {
            *n = n.saturating_add(1);
        }
    }

    /// `value` when it lies within what a total may be: a converted flow
    /// beyond it is rejected, whatever the totals so far.
    #[inline]
    fn within(&self, value: I256) -> Result<I256, ProductError> {
        if value <= self.limit.0 && value >= self.limit.1 {
            Ok(value)
        } else {
            Err(ProductError::Overflow)
        }
    }

    #[inline]
    fn add_one(&mut self, money: Money, rated: Rated, code: u64) -> Result<(), ProductError> {
        let value = self.within(product(money.amount(), rated.factor, None)?)?;
        let cell = self.groups.cell(code).ok_or(ProductError::Overflow)?;
        cell.add(value, rated);
        cell.records = cell.records.saturating_add(1);
        self.add_to_total(value, rated);
        Ok(())
    }

    /// Adds a part `value`, converted at `rated`, to the total of
    /// everything.
    #[inline]
    fn add_to_total(&mut self, value: I256, rated: Rated) {
        self.total.add(value);
        if rated.shift.is_some() {
            self.total_spread = self.total_spread.saturating_add(spread(value, rated));
        }
    }

    fn add_split(
        &mut self,
        money: Money,
        rated: Rated,
        shares: &[(Target, Option<Decimal>)],
    ) -> Result<(), ProductError> {
        // Form every part and check it before changing any sum.
        let mut parts: Vec<(&Target, I256)> = Vec::with_capacity(shares.len());
        for (target, percent) in shares {
            let value = self.within(product(money.amount(), rated.factor, *percent)?)?;
            match parts.iter_mut().find(|(t, _)| *t == target) {
                Some((_, v)) => *v = self.within(v.checked_add(value).ok_or(ProductError::Overflow)?)?,
                None => parts.push((target, value)),
            }
        }
        for (target, value) in parts {
            if let Some(cell) = self.cell_of(target) {
                cell.add(value, rated);
                cell.records = cell.records.saturating_add(1);
                self.add_to_total(value, rated);
            }
        }
        Ok(())
    }

    /// The slot of the group of `key` in this tally, made if it is new:
    /// flows pushed with [`push_slotted`](Tally::push_slotted) name their
    /// groups by it, so that a reader that keys its flows once finds
    /// their groups without hashing a key per flow.
    pub(crate) fn slot(&mut self, key: &GroupKey) -> usize {
        self.keyed.slot(key)
    }

    /// The key of a [`slot`](Tally::slot).
    pub(crate) fn slot_key(&self, slot: usize) -> Option<&GroupKey> {
        self.keyed.slots.get(slot).map(|(key, _)| key)
    }

    /// Adds a flow whose groups its reader has keyed (an IATI
    /// transaction), each group named by its [`slot`](Tally::slot):
    /// `money`, converted at the rate of `date` (or of the fixed date),
    /// goes to each group of `parts`, all of it for `None`, `amount ×
    /// percent / 100` for a percent. A slot may be listed more than once;
    /// a percent of 0 still lists its group. A group is made when a flow
    /// is first summed into it.
    pub(crate) fn push_slotted<R: RateSource + ?Sized>(
        &mut self,
        rates: &R,
        line: u64,
        money: Money,
        date: NaiveDate,
        parts: &[(usize, Option<Decimal>)],
    ) -> Pushed {
        self.read = self.read.saturating_add(1);
        let on = self.at.unwrap_or(date);
        let slot = self.cache.peek(money.currency(), on);
        let rated = match self.cache.resolve(rates, money.currency(), || on, slot) {
            Ok(f) => f,
            Err(i) => {
                self.reject_no_rate(rates, line, money.currency(), on, i);
                return Pushed::NoRate;
            }
        };
        let result = self.add_slotted(money, rated, parts);
        if self.count(line, money, rated.factor, result) {
            Pushed::Summed
        } else {
            Pushed::Beyond
        }
    }

    /// Adds the parts of a slotted flow.
    fn add_slotted(
        &mut self,
        money: Money,
        rated: Rated,
        parts: &[(usize, Option<Decimal>)],
    ) -> Result<(), ProductError> {
        let amount = money.amount();
        // Check every part before changing any sum, then form them again
        // (cheaper than keeping them).
        if parts.len() > 1 {
            for (_, percent) in parts {
                self.within(product(amount, rated.factor, *percent)?)?;
            }
        }
        for (i, (slot, percent)) in parts.iter().enumerate() {
            let value = product(amount, rated.factor, *percent)?;
            let value = if parts.len() == 1 { self.within(value)? } else { value };
            let first = !parts.iter().take(i).any(|(s, _)| s == slot);
            if let Some(cell) = self.keyed.at(*slot) {
                cell.add(value, rated);
                if first {
                    cell.records = cell.records.saturating_add(1);
                }
            }
            self.add_to_total(value, rated);
        }
        Ok(())
    }

    /// Where a flow's part going to the country `recipient` is summed: by
    /// code, or, for a donor keyed by key, by its key.
    #[inline]
    fn country_target(
        &self,
        donor: &Actor,
        code: u32,
        keyed: bool,
        recipient: Country,
        stage: FundingStage,
        date: NaiveDate,
    ) -> Target {
        if keyed {
            self.target_of(self.by.key_of_country(donor, recipient, stage, date))
        } else {
            Target::Code(self.by.code(code, recipient, stage, date))
        }
    }

    /// The target of `key`: its code when it has one.
    fn target_of(&self, key: GroupKey) -> Target {
        match self.by.encode(&key) {
            Some(code) => Target::Code(code),
            None => Target::Key(Box::new(key)),
        }
    }

    /// The parts of a flow to areas (or to no one named): where each is
    /// summed, and its weight.
    fn area_parts(
        &self,
        recipients: &FlowRecipients,
        donor: &Actor,
        code: u32,
        keyed: bool,
        stage: FundingStage,
        date: NaiveDate,
    ) -> Vec<(Target, u64)> {
        let target = |r: Option<&AreaRecipient>| self.target_of(self.by.key_of_area(donor, r, stage, date));
        let country = |c: Country| self.country_target(donor, code, keyed, c, stage, date);
        match recipients {
            FlowRecipients::Area(a) => vec![(target(Some(a)), 1)],
            FlowRecipients::Shares(s) => s
                .parts()
                .iter()
                .zip(s.weights())
                .map(|((a, _), w)| (target(Some(a)), w))
                .collect(),
            FlowRecipients::One(c) => vec![(country(*c), 1)],
            FlowRecipients::Split(s) => s
                .shares()
                .iter()
                .map(|(c, share)| (country(*c), weight(*share)))
                .collect(),
            FlowRecipients::Unnamed => vec![(target(None), 1)],
        }
    }

    /// The cell of a target, made when it is first used.
    fn cell_of(&mut self, target: &Target) -> Option<&mut Cell> {
        match target {
            Target::Code(code) => self.groups.cell(*code),
            Target::Key(key) => {
                // A key is cloned once, when its group is made.
                self.keyed.entry(key)
            }
        }
    }

    /// Converts `money` and apportions it among `parts` by their weights,
    /// so that the parts add up to the converted whole exactly.
    fn add_apportioned(&mut self, money: Money, rated: Rated, parts: Vec<(Target, u64)>) -> Result<(), ProductError> {
        let whole = self.within(product(money.amount(), rated.factor, None)?)?;
        // Each part is within its share of the whole's error, so within
        // the whole's.
        let whole_spread = spread(whole, rated);
        let weights: Vec<u64> = parts.iter().map(|(_, w)| *w).collect();
        let values = apportion(whole, &weights).ok_or(ProductError::Overflow)?;
        // Form every part (each within the whole) before changing any sum.
        let mut merged: Vec<(Target, I256)> = Vec::with_capacity(parts.len());
        for ((target, _), value) in parts.into_iter().zip(values) {
            match merged.iter_mut().find(|(t, _)| *t == target) {
                Some((_, v)) => *v = v.checked_add(value).ok_or(ProductError::Overflow)?,
                None => merged.push((target, value)),
            }
        }
        for (target, value) in merged {
            if let Some(cell) = self.cell_of(&target) {
                cell.sum.add(value);
                cell.spread = cell.spread.saturating_add(whole_spread);
                cell.records = cell.records.saturating_add(1);
                self.total.add(value);
            }
        }
        self.total_spread = self.total_spread.saturating_add(whole_spread);
        Ok(())
    }

    pub(crate) fn merge(&mut self, other: Tally) -> Result<(), AggregateError> {
        if self.target != other.target || self.by != other.by || self.at != other.at {
            return Err(AggregateError::Incompatible {
                ours: self.describe(),
                theirs: other.describe(),
            });
        }
        // Exact sums: merging cannot overflow, in any order.
        for (code, theirs) in other.groups.used() {
            if let Some(cell) = self.groups.cell(code) {
                cell.merge(theirs);
            }
        }
        for (key, theirs) in other.keyed.cells() {
            if let Some(cell) = self.keyed.entry(key) {
                cell.merge(*theirs);
            }
        }
        self.total.add_sum(other.total);
        self.total_spread = self.total_spread.saturating_add(other.total_spread);
        self.read = self.read.saturating_add(other.read);
        self.aggregated = self.aggregated.saturating_add(other.aggregated);
        self.rejected = self.rejected.saturating_add(other.rejected);
        for (mine, theirs) in self.rejected_by.iter_mut().zip(other.rejected_by) {
            *mine = mine.saturating_add(theirs);
        }
        self.undisclosed = self.undisclosed.saturating_add(other.undisclosed);
        for r in other.rejections {
            keep_first(&mut self.rejections, self.keep, r);
        }
        Ok(())
    }

    /// The groups whose sum is not certainly the sum at the exact rates
    /// rounded half to even at each of `places` decimal places (at most
    /// 28): a sum within its spread of a midpoint. Those beyond what a
    /// total holds are left out (reading them fails anyway).
    pub(crate) fn uncertain(&self, places: &[u32]) -> Vec<GroupKey> {
        let certain_at_all = |cell: &Cell| {
            cell.spread.is_zero()
                || cell.sum.within(self.limit).is_none_or(|sum| {
                    places
                        .iter()
                        .all(|dp| certain(sum, cell.spread, SUM_SCALE - (*dp).min(28)))
                })
        };
        self.groups
            .used()
            .into_iter()
            .filter(|(_, cell)| !certain_at_all(cell))
            .filter_map(|(code, _)| self.by.decode(code))
            .chain(
                self.keyed
                    .cells()
                    .filter(|(_, cell)| !certain_at_all(cell))
                    .map(|(key, _)| key.clone()),
            )
            .collect()
    }

    /// Replaces the sum of the group of `key` by `sum`, its sum at the
    /// exact rates (exact, or off by less than a unit on the side that
    /// rounds as the exact sum does at every number of places); the total
    /// of everything moves by as much.
    pub(crate) fn settle(&mut self, key: &GroupKey, sum: I256) {
        let cell = match self.by.encode(key) {
            Some(code) => self.groups.cell(code),
            None => self.keyed.get_mut(key),
        };
        let Some(cell) = cell else { return };
        let Some(old) = cell.sum.within(self.limit) else { return };
        let (negative, magnitude) = old.sign_magnitude();
        let Some(minus_old) = I256::from_sign_magnitude(!negative, magnitude) else {
            return;
        };
        cell.sum = WideSum::ZERO;
        cell.sum.add(sum);
        cell.spread = U256::ZERO;
        self.total.add(minus_old);
        self.total.add(sum);
    }

    fn describe(&self) -> String {
        let at = match self.at {
            Some(d) => format!("at the rates of {d}"),
            None => "at each record's date".to_string(),
        };
        format!("in {} by {} {at}", self.target, self.by)
    }

    /// Moves the lines of the kept rejections down by `lines` (for a part
    /// of a file read from its middle).
    pub(crate) fn shift_lines(&mut self, lines: u64) {
        for r in &mut self.rejections {
            r.shift(lines);
        }
    }

    fn totals(&self) -> Result<Totals, AggregateError> {
        let places = self.target.minor_units().unwrap_or(0);
        let overflow = |of: String| AggregateError::Overflow {
            what: format!(
                "{of} exceeds the largest {} amount a decimal holds at {places} decimal places",
                self.target
            ),
        };
        // A sum within `limit` rounds into a Decimal at the target's minor
        // units: rounding cannot fail here.
        let exact = |sum: I256| {
            let exact = ExactSum::from_raw(sum, self.target);
            (exact.round().unwrap_or(Money::zero(self.target)), exact)
        };
        // In key order, so that the first total out of range is named
        // whatever the order of the groups in memory.
        let mut cells: Vec<(GroupKey, Cell)> = self
            .groups
            .used()
            .into_iter()
            .filter_map(|(code, cell)| Some((self.by.decode(code)?, cell)))
            .chain(self.keyed.cells().map(|(key, cell)| (key.clone(), *cell)))
            .collect();
        cells.sort_by(|a, b| a.0.cmp(&b.0));
        let mut groups = Vec::with_capacity(cells.len());
        let drop = self.target.minor_units().map(|dp| SUM_SCALE - u32::from(dp).min(28));
        for (key, cell) in cells {
            let Some(sum) = cell.sum.within(self.limit) else {
                return Err(overflow(format!("the total of {key}")));
            };
            let (total, exact) = exact(sum);
            let certain = drop.map_or(cell.spread.is_zero(), |drop| certain(sum, cell.spread, drop));
            groups.push(GroupTotal::new(key, total, exact, cell.records, cell.undisclosed).with_certainty(certain));
        }
        let Some(sum) = self.total.within(self.limit) else {
            return Err(overflow("the total of everything".into()));
        };
        let (total, exact) = exact(sum);
        Ok(Totals {
            currency: self.target,
            by: self.by.clone(),
            at: self.at,
            groups,
            total,
            exact,
            counts: [self.read, self.aggregated, self.rejected, self.undisclosed],
            rejected_by: self.rejected_by,
            rejections: self.rejections.clone(),
        })
    }
}

/// Whether every sum within `spread` of `sum` rounds, half to even, as
/// `sum` does when `drop` decimal places are dropped.
fn certain(sum: I256, spread: U256, drop: u32) -> bool {
    if spread.is_zero() {
        return true;
    }
    let bounds = I256::from_sign_magnitude(false, spread)
        .zip(I256::from_sign_magnitude(true, spread))
        .and_then(|(up, down)| sum.checked_add(up).zip(sum.checked_add(down)));
    // Rounding is monotonic: the ends round alike only if all between do.
    bounds.is_some_and(|(high, low)| {
        high.round(drop, RoundingStrategy::MidpointNearestEven)
            == low.round(drop, RoundingStrategy::MidpointNearestEven)
    })
}

/// The bounds of a total in `target`: ±(2⁹⁶ − 1) units of its last
/// decimal place, the most a `Decimal` holds at its minor units.
fn limit(target: Currency) -> (I256, I256) {
    const DECIMAL_MAX_MANTISSA: u128 = (1 << 96) - 1;
    let places = SUM_SCALE - u32::from(target.minor_units().unwrap_or(0)).min(28);
    let max = pow10(places.min(38))
        .zip(pow10(places.saturating_sub(38)))
        .and_then(|(a, b)| {
            U256::from_u128(DECIMAL_MAX_MANTISSA)
                .checked_mul_u128(a)?
                .checked_mul_u128(b)
        });
    // 2^96 × 10^46 < 2^249: always some.
    let max = max
        .and_then(|m| I256::from_sign_magnitude(false, m))
        .unwrap_or(I256::ZERO);
    let (_, magnitude) = max.sign_magnitude();
    let min = I256::from_sign_magnitude(true, magnitude).unwrap_or(I256::ZERO);
    (max, min)
}

/// The parts of a flow: `(target, percent)` per recipient (no percent for
/// a single recipient).
fn parts(recipients: &FlowRecipients, target: impl Fn(Country) -> Target) -> Vec<(Target, Option<Decimal>)> {
    match recipients {
        FlowRecipients::One(c) => vec![(target(*c), None)],
        FlowRecipients::Split(s) => s
            .shares()
            .iter()
            .map(|(c, p)| (target(*c), Some(p.percent())))
            .collect(),
        // Flows to areas go through `Tally::area_parts`.
        _ => Vec::new(),
    }
}

/// The targets without repeats, in first-seen order.
fn distinct(codes: impl IntoIterator<Item = Target>) -> Vec<Target> {
    let mut out: Vec<Target> = Vec::new();
    for c in codes {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// `amount × factor (× percent / 100)` as an exact integer at
/// [`SUM_SCALE`].
#[inline]
fn product(amount: Decimal, factor: Factor, percent: Option<Decimal>) -> Result<I256, ProductError> {
    let negative = amount.is_sign_negative();
    let m = amount.mantissa().unsigned_abs();
    let scale = amount.scale();
    // The common case: a whole rate scaled to 28 places and no split.
    if let (Factor::Scaled(f), None) = (factor, percent) {
        if let Some(m) = AMOUNT_SCALE
            .checked_sub(scale)
            .and_then(pow10)
            .and_then(|p| m.checked_mul(p))
        {
            return I256::from_sign_magnitude(negative, U256::mul_u128(m, f)).ok_or(ProductError::Overflow);
        }
    }
    product_general(negative, m, scale, factor, percent)
}

fn product_general(
    negative: bool,
    m: u128,
    scale: u32,
    factor: Factor,
    percent: Option<Decimal>,
) -> Result<I256, ProductError> {
    let (f_negative, f, f_scale) = match factor {
        Factor::Scaled(f) => (false, f, RATE_SCALE),
        Factor::Wide {
            negative,
            mantissa,
            scale,
        } => (negative, mantissa, scale),
    };
    // A percent p is the fraction p / 100: two more decimal places. (A
    // negative one comes only from a keyed flow: IATI files may write
    // one.)
    let (p_negative, p, p_scale) = match percent {
        Some(p) => (p.is_sign_negative(), p.mantissa().unsigned_abs(), p.scale() + 2),
        None => (false, 1, 0),
    };
    let (mut m, mut scale) = (m, scale);
    let (mut f, mut f_scale) = (f, f_scale);
    let (mut p, mut p_scale) = (p, p_scale);
    // Drop trailing zeros until the product's scale fits the sum's.
    while scale + f_scale + p_scale > SUM_SCALE {
        if scale > 0 && m % 10 == 0 {
            (m, scale) = (m / 10, scale - 1);
        } else if f_scale > 0 && f % 10 == 0 {
            (f, f_scale) = (f / 10, f_scale - 1);
        } else if p_scale > 0 && p % 10 == 0 {
            (p, p_scale) = (p / 10, p_scale - 1);
        } else {
            return Err(ProductError::TooPrecise);
        }
    }
    let widen = SUM_SCALE - (scale + f_scale + p_scale);
    let magnitude = U256::from_u128(m)
        .checked_mul_u128(f)
        .and_then(|x| x.checked_mul_u128(p))
        .and_then(|x| x.checked_mul_u128(pow10(widen.min(38))?))
        .and_then(|x| x.checked_mul_u128(pow10(widen.saturating_sub(38))?))
        .ok_or(ProductError::Overflow)?;
    let negative = (negative != f_negative) != p_negative && !magnitude.is_zero();
    I256::from_sign_magnitude(negative, magnitude).ok_or(ProductError::Overflow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::KeyPart;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn exact(v: I256) -> String {
        ExactSum::from_raw(v, Currency::USD).to_string()
    }

    fn scaled(rate: &str) -> Factor {
        let r = d(rate);
        Factor::Scaled(r.mantissa() as u128 * 10u128.pow(RATE_SCALE - r.scale()))
    }

    #[test]
    fn a_negative_percent_turns_the_product_round() {
        let ok = |a: &str, p: &str| exact(product(d(a), scaled("1.5"), Some(d(p))).ok().unwrap());
        assert_eq!(ok("100", "-10"), "USD -15");
        assert_eq!(ok("-100", "-10"), "USD 15");
        assert_eq!(ok("-100", "0"), "USD 0");
    }

    #[test]
    fn products_are_exact() {
        let ok = |a: &str, f: Factor, p: Option<&str>| exact(product(d(a), f, p.map(d)).ok().unwrap());
        assert_eq!(ok("4281638.70", scaled("1.2162"), None), "USD 5207328.98694");
        assert_eq!(
            ok("-0.01", scaled("0.0000000000000000000000000001"), None),
            "USD -0.000000000000000000000000000001"
        );
        assert_eq!(ok("100", scaled("1.5"), Some("33.33333333")), "USD 49.999999995");
        assert_eq!(
            ok("0.000000000000000001", Factor::ONE, None),
            "USD 0.000000000000000001"
        );
        let wide = Factor::Wide {
            negative: false,
            mantissa: 3,
            scale: 0,
        };
        assert_eq!(ok("2.5", wide, Some("50")), "USD 3.75");
        assert_eq!(ok("1.000000000000000000000", scaled("0.5"), None), "USD 0.5");
    }

    struct Par;

    impl RateSource for Par {
        fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<crate::fx::Rate, FxError> {
            crate::fx::Rate::new(from, to, Decimal::ONE, on, "par")
        }
    }

    struct ToAreas(FlowRecipients, Option<Money>);

    impl Flow for ToAreas {
        fn date(&self) -> NaiveDate {
            NaiveDate::from_ymd_opt(2021, 6, 7).unwrap()
        }
        fn donor(&self) -> std::borrow::Cow<'_, Actor> {
            std::borrow::Cow::Owned(Actor::Country(Country::US))
        }
        fn recipients(&self) -> std::borrow::Cow<'_, FlowRecipients> {
            std::borrow::Cow::Borrowed(&self.0)
        }
        fn stage(&self) -> FundingStage {
            FundingStage::Committed
        }
        fn amount(&self) -> Option<Money> {
            self.1
        }
    }

    #[test]
    fn areas_are_summed_by_key_counted_when_undisclosed_and_merged() {
        use crate::aggregate::AreaSplit;
        use crate::aggregate::KeyPart;
        use crate::model::GroupId;
        use crate::{Area, Dimension, Dossier};
        let dossier = Dossier::new();
        let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
        let area = |a: Area| AreaRecipient::resolve(&dossier, [a], day).unwrap().unwrap();
        let nt = Area::Group(GroupId::new("northern-triangle").unwrap());
        let thirds = AreaSplit::new([
            (area(nt.clone()), "33.33".parse().unwrap()),
            (area(Area::from(Country::MX)), "33.33".parse().unwrap()),
            (area(Area::World), "33.33".parse().unwrap()),
        ])
        .unwrap();
        let flows = [
            ToAreas(FlowRecipients::Area(area(nt.clone())), Some("USD 10".parse().unwrap())),
            ToAreas(FlowRecipients::Shares(thirds), Some("USD 100".parse().unwrap())),
            ToAreas(FlowRecipients::Unnamed, Some("USD 1".parse().unwrap())),
            ToAreas(FlowRecipients::Area(area(Area::World)), None),
        ];
        let mut one = Aggregator::new(Par, Currency::USD, Dimension::Recipient);
        let (mut a, mut b) = (
            Aggregator::new(Par, Currency::USD, Dimension::Recipient),
            Aggregator::new(Par, Currency::USD, Dimension::Recipient),
        );
        for (i, f) in flows.iter().enumerate() {
            one.push(f);
            if i % 2 == 0 {
                a.push(f)
            } else {
                b.push(f)
            }
        }
        a.merge(b).unwrap();
        let totals = one.totals().unwrap();
        let rows: Vec<String> = totals
            .groups()
            .iter()
            .map(|g| format!("{} {} {} {}", g.key(), g.exact(), g.records(), g.undisclosed()))
            .collect();
        // 99.99% given: thirds of the whole, the last unit to the first.
        let third = format!("33.{}", "3".repeat(46));
        assert_eq!(
            rows,
            [
                format!("MX USD {third} 1 0"),
                format!("Northern Triangle USD 43.{}4 2 0", "3".repeat(45)),
                format!("the world USD {third} 1 1"),
                "(unnamed) USD 1 1 0".to_string(),
            ]
        );
        assert_eq!(totals.exact_total().to_string(), "USD 111");
        assert_eq!(a.totals().unwrap().groups(), totals.groups());
        assert_eq!(a.totals().unwrap().total(), totals.total());
        let nt_key = GroupKey::new(KeyPart::Area(nt), None);
        assert_eq!(
            totals.get(&nt_key).map(|g| g.total().to_string()),
            Some("USD 43.33".into())
        );
    }

    /// A source whose rate is a fraction: `rate_value` its quotient to 28
    /// digits, `rate_ratio` the fraction itself.
    struct Fraction(Decimal, Decimal);

    impl RateSource for Fraction {
        fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<crate::fx::Rate, FxError> {
            crate::fx::Rate::new(from, to, self.0 / self.1, on, "fraction")
        }
        fn rate_ratio(&self, _: Currency, _: Currency, _: NaiveDate) -> Result<(Decimal, Decimal), FxError> {
            Ok((self.0, self.1))
        }
    }

    fn rational(d: Decimal) -> num_rational::BigRational {
        num_rational::BigRational::new(d.mantissa().into(), num_bigint::BigInt::from(10u8).pow(d.scale()))
    }

    fn big(v: I256) -> num_bigint::BigInt {
        let (negative, magnitude) = v.sign_magnitude();
        let n: num_bigint::BigInt = magnitude.to_digits().parse().unwrap();
        if negative {
            -n
        } else {
            n
        }
    }

    proptest::proptest! {
        /// The spread of every group bounds how far its sum is from the
        /// sum at the exact rate; exact rates leave no spread.
        #[test]
        fn the_spread_bounds_the_distance_to_the_exact_sum(
            flows in proptest::collection::vec((-10i64.pow(15)..10i64.pow(15), 0u32..8, proptest::option::of(0u32..10_000)), 1..12),
            (n, n_scale, d, d_scale) in (1u64..10u64.pow(9), 0u32..9, 1u64..10u64.pow(9), 0u32..9),
        ) {
            use num_traits::Signed;
            let rates = Fraction(Decimal::new(n as i64, n_scale), Decimal::new(d as i64, d_scale));
            let exact_rate = rational(rates.0) / rational(rates.1);
            let mut agg = Aggregator::new(&rates, Currency::USD, crate::Dimension::Recipient);
            let keys = [GroupKey::new(KeyPart::Code("A".into()), None), GroupKey::new(KeyPart::Code("B".into()), None)];
            let mut exact = num_rational::BigRational::from_integer(0.into());
            let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
            for (mantissa, scale, percent) in flows {
                let amount = Decimal::new(mantissa, scale);
                let percent = percent.map(|p| Decimal::new(i64::from(p), 2));
                let parts = [(keys[0].clone(), percent), (keys[1].clone(), None)];
                let money = Money::new(amount, Currency::GBP);
                if agg.push_keyed(1, money, day, &parts[..1]) == Pushed::Summed {
                    let share = percent.map_or(num_rational::BigRational::from_integer(1.into()), |p| rational(p) / num_rational::BigRational::from_integer(100.into()));
                    exact += rational(amount) * share * &exact_rate;
                }
            }
            let cell = agg.tally.keyed.get_mut(&keys[0]).copied().unwrap_or_default();
            let sum = cell.sum.within(agg.tally.limit).unwrap();
            let scale = num_rational::BigRational::from_integer(num_bigint::BigInt::from(10u8).pow(SUM_SCALE));
            let distance = (num_rational::BigRational::from_integer(big(sum)) - exact * scale).abs();
            let spread: num_bigint::BigInt = cell.spread.to_digits().parse().unwrap();
            proptest::prop_assert!(distance <= num_rational::BigRational::from_integer(spread.clone()), "{distance} > {spread}");
            let quotient_is_exact = rational(rates.0 / rates.1) == exact_rate;
            proptest::prop_assert_eq!(cell.spread.is_zero(), quotient_is_exact || cell.records == 0);
        }
    }

    #[test]
    fn a_total_near_a_midpoint_is_uncertain_until_settled() {
        // GBP 64.36875 at 1.2162 / 0.85825 is exactly USD 91.215.
        let rates = Fraction(Decimal::new(12162, 4), Decimal::new(85825, 5));
        let mut agg = Aggregator::new(&rates, Currency::USD, crate::Dimension::Recipient);
        let sv = GroupKey::new(KeyPart::Code("SV".into()), None);
        let gt = GroupKey::new(KeyPart::Code("GT".into()), None);
        let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
        let gbp = |s: &str| Money::new(d(s), Currency::GBP);
        agg.push_keyed(1, gbp("64.36875"), day, &[(sv.clone(), None)]);
        agg.push_keyed(2, gbp("100"), day, &[(gt.clone(), None)]);
        let totals = agg.totals().unwrap();
        let row = |k: &GroupKey| totals.get(k).map(|g| (g.total().to_string(), g.is_certain()));
        assert_eq!(row(&sv), Some(("USD 91.21".into(), false)));
        assert_eq!(row(&gt), Some(("USD 141.71".into(), true)));
        assert_eq!(agg.uncertain(&[2]), std::slice::from_ref(&sv));
        // Certain at units and at 3 places, where 91.215 is no midpoint.
        assert!(agg.uncertain(&[0, 3]).is_empty());
        let exact = U256::mul_u128(91_215, pow10(38).unwrap()).checked_mul_u128(pow10(5).unwrap());
        let exact = I256::from_sign_magnitude(false, exact.unwrap()).unwrap();
        agg.settle(&sv, exact);
        let totals = agg.totals().unwrap();
        assert_eq!(
            totals.get(&sv).map(|g| (g.total().to_string(), g.is_certain())),
            Some(("USD 91.22".into(), true))
        );
        assert_eq!(totals.exact_total().to_string().get(..14), Some("USD 232.921961"));
        assert!(agg.uncertain(&[2]).is_empty());
    }

    #[test]
    fn certainty_is_judged_at_the_places_asked() {
        let at = |s: &str| {
            let v = d(s);
            let m = U256::from_u128(v.mantissa().unsigned_abs());
            let places = SUM_SCALE - v.scale();
            let m = m.checked_mul_u128(pow10(places.min(38)).unwrap()).unwrap();
            let m = m.checked_mul_u128(pow10(places - places.min(38)).unwrap()).unwrap();
            I256::from_sign_magnitude(v.is_sign_negative(), m).unwrap()
        };
        let one = U256::ONE;
        // A unit (10^-46) either side of 2.665 straddles the midpoint.
        assert!(!certain(at("2.665"), one, SUM_SCALE - 2));
        assert!(certain(at("2.665"), U256::ZERO, SUM_SCALE - 2));
        assert!(certain(at("2.6649"), one, SUM_SCALE - 2));
        assert!(certain(at("2.665"), one, SUM_SCALE - 3));
        assert!(!certain(at("-0.005"), one, SUM_SCALE - 2));
        assert!(!certain(at("1"), U256::MAX, SUM_SCALE - 2));
    }

    #[test]
    fn products_beyond_the_sum_fail_without_panicking() {
        let max = Decimal::MAX;
        let huge = Factor::Wide {
            negative: false,
            mantissa: u128::from(u64::MAX),
            scale: 0,
        };
        assert!(matches!(product(max, huge, None), Err(ProductError::Overflow)));
        let tiny = d("0.0000000000000000000000000001");
        assert!(matches!(
            product(tiny, scaled("0.1234567890123456789012345679"), None),
            Err(ProductError::TooPrecise)
        ));
        // Trailing zeros of the rate make room.
        assert!(product(tiny, scaled("1.2162"), None).is_ok());
        assert!(matches!(
            product(
                d("0.123456789012345678"),
                scaled("0.1234567890123456789012345679"),
                Some(d("33.3"))
            ),
            Err(ProductError::TooPrecise)
        ));
    }
}
