//! `FundingSummary` and `FundingTotals`: a dossier's funding, totalled in
//! one currency by any dimension.

use std::ops::Bound;

use chrono::NaiveDate;
use rust_decimal::RoundingStrategy;

use super::funding_flow::recipients_of;
use super::{
    AggregateError, Aggregator, By, FactRejection, FundingFlow, FundingFlowError, GroupKey, GroupTotal, RejectReason,
    Totals,
};
use crate::fx::RateSource;
use crate::model::FieldPath;
use crate::notation::Bounds;
use crate::{Currency, Dossier, Money};

/// How to total a dossier's funding: in which currency, through which
/// rates, grouped by what, and at whose dates.
///
/// [`of`](FundingSummary::of) pushes every funding entry of a dossier, as
/// a [`FundingFlow`], through an [`Aggregator`], so that a dossier's totals
/// are exact exactly as a file's are:
///
/// - each amount is converted at the rate of its value date (else its
///   announcement date), or of the one date you fix with
///   [`at`](FundingSummary::at), and summed exactly; totals are rounded
///   once, half to even, when read;
/// - recipients are apportioned by their shares, or kept as the source
///   names them (a group, a sub-region, a list) when it gives none: see
///   [`FundingFlow`] and [`Dimension`](crate::Dimension);
/// - undisclosed amounts are counted in their group, never summed as
///   zero;
/// - nothing is dropped: an entry that cannot be summed (no rate for its
///   currency on its date, no date at all, shares that do not add up) is
///   a [`FactRejection`] naming its place in the dossier;
/// - an approximate amount ("about $4bn", "$3-4bn") is summed as the
///   amount it states (the first of a range), and its bounds are carried:
///   [`FundingTotals::bounds`] and [`FundingTotals::total_bounds`] hold
///   the bounds of each total, each end converted and summed exactly as
///   the totals are, then rounded outward (down for the lower, up for the
///   upper end). A total of exact amounts has exact bounds.
///
/// By named group, use the dossier's own groups:
/// `Dimension::group(dossier.groups())`. A country recipient then falls in
/// the first of the dossier's groups that holds it (a country in two
/// groups counts in the first listed only, so that the groups' totals add
/// up to the total of everything); a group named as recipient is keyed by
/// its own name, whether or not it overlaps another; any other area is
/// keyed by the group all its countries share, or as it stands.
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::EcbRates;
/// use statecraft::aggregate::{GroupKey, KeyPart};
/// use statecraft::model::GroupId;
/// use statecraft::{Area, Currency, Dimension, Dossier, FundingSummary, NaiveDate};
///
/// # let json = include_str!("../../examples/data/guatemala-2021.json");
/// let dossier = Dossier::from_json_str(json)?;
/// let nt = GroupKey::new(KeyPart::Area(Area::Group(GroupId::new("northern-triangle")?)), None);
///
/// let usd = FundingSummary::new(EcbRates::embedded(), Currency::USD, Dimension::Recipient).of(&dossier)?;
/// let to_nt = usd.get(&nt).ok_or("no total")?;
/// assert_eq!(to_nt.total().to_string(), "USD 310000000.00");
/// assert_eq!((to_nt.records(), to_nt.undisclosed()), (1, 1)); // "a new round of funding": no sum given
///
/// let report = NaiveDate::from_ymd_opt(2021, 6, 7).ok_or("bad date")?;
/// let gbp = FundingSummary::new(EcbRates::embedded(), Currency::GBP, Dimension::Recipient).at(report).of(&dossier)?;
/// assert_eq!(gbp.total().to_string(), "GBP 218761305.71");
/// assert!(gbp.rejections().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct FundingSummary<R> {
    rates: R,
    target: Currency,
    by: By,
    at: Option<NaiveDate>,
}

impl<R: RateSource> FundingSummary<R> {
    /// Totals in `target`, converted through `rates` at each entry's value
    /// date, grouped by `by` (a [`Dimension`](crate::Dimension) or a pair).
    pub fn new(rates: R, target: Currency, by: impl Into<By>) -> FundingSummary<R> {
        FundingSummary {
            rates,
            target,
            by: by.into(),
            at: None,
        }
    }

    /// Converts every entry at the rates of `date` instead of its own (as
    /// [`Aggregator::at`]): a report's figures at the report's date. Entries
    /// are still grouped by year and month by their own dates.
    #[must_use]
    pub fn at(mut self, date: NaiveDate) -> FundingSummary<R> {
        self.at = Some(date);
        self
    }

    /// The totals of `dossier`'s funding entries.
    ///
    /// An entry with neither a value date nor an announcement date is
    /// rejected when its date is needed: to convert its amount (unless a
    /// date is fixed with [`at`](FundingSummary::at)), or to group it by
    /// year or month. An undisclosed one is otherwise counted in its group.
    ///
    /// # Errors
    ///
    /// [`AggregateError::Overflow`] when a total lies beyond what a
    /// `Decimal` holds at the target's minor units (see
    /// [`Aggregator::totals`]).
    pub fn of(&self, dossier: &Dossier) -> Result<FundingTotals, AggregateError> {
        let entries = dossier.funding();
        let mut agg = self.aggregator(entries.len());
        // The ends of approximate amounts, summed apart: only when there
        // are some, so that exact dossiers cost what they did.
        let approximate = entries.iter().any(|f| f.amount().is_some_and(|a| !a.is_exact()));
        let mut ends = approximate.then(|| [(); 4].map(|()| self.aggregator(0)));
        // The place of each rejection more precise than the entry itself.
        let mut places: Vec<(u64, FieldPath)> = Vec::new();
        for (i, funding) in entries.iter().enumerate() {
            let line = u64::try_from(i).unwrap_or(u64::MAX);
            let path = entry_path(i);
            // Groups are resolved on the entry's own date, else as now.
            let members_on = funding.rate_date().unwrap_or(NaiveDate::MAX);
            let recipients = match recipients_of(dossier, funding, members_on) {
                Ok(r) => r,
                Err(e) => {
                    let place = match &e {
                        FundingFlowError::ShareMissing { index, .. } => path.field("recipients").index(*index),
                        _ => path.field("recipients"),
                    };
                    places.push((line, place));
                    agg.reject(line, RejectReason::Funding(e));
                    continue;
                }
            };
            let date = match funding.rate_date() {
                Some(date) => date,
                None if self.by.uses_date() || (funding.is_disclosed() && self.at.is_none()) => {
                    let e = FundingFlowError::Undated {
                        id: funding.id().clone(),
                    };
                    agg.reject(line, RejectReason::Funding(e));
                    continue;
                }
                // No rate is looked up for it and no key depends on it.
                None => self.at.unwrap_or(NaiveDate::MIN),
            };
            if let Some([low, high, open_low, open_high]) = ends.as_mut() {
                let bounds = funding.amount().map(|a| a.bounds());
                for (ends, open, end) in [
                    (low, open_low, bounds.map(|b| b.low())),
                    (high, open_high, bounds.map(|b| b.high())),
                ] {
                    let amount = match end {
                        Some(Bound::Included(m) | Bound::Excluded(m)) => Some(m),
                        // Marked where it falls (or rejected, as the
                        // amount stated is), and left out of the ends.
                        Some(Bound::Unbounded) => {
                            let stated = funding.amount().map(|a| a.value());
                            open.push_at(
                                line,
                                &FundingFlow::with_parts(funding, date, recipients.clone(), stated),
                            );
                            None
                        }
                        None => None,
                    };
                    ends.push_at(
                        line,
                        &FundingFlow::with_parts(funding, date, recipients.clone(), amount),
                    );
                }
            }
            let stated = funding.amount().map(|a| a.value());
            agg.push_at(line, &FundingFlow::with_parts(funding, date, recipients, stated));
        }
        let totals = agg.totals()?;
        let (bounds, total_bounds) = match ends {
            None => (
                totals.groups().iter().map(|g| Bounds::exact(g.total())).collect(),
                Bounds::exact(totals.total()),
            ),
            Some(ends) => {
                let [low, high, open_low, open_high] = ends.map(|a| a.totals());
                let (low, high, open_low, open_high) = (low?, high?, open_low?, open_high?);
                let mut bounds = Vec::with_capacity(totals.groups().len());
                for g in totals.groups() {
                    let key = g.key();
                    let is_open = |t: &Totals| t.get(key).is_some_and(|o| o.records() > 0);
                    bounds.push(outward(
                        g.total(),
                        low.get(key).map(|t| t.exact()),
                        high.get(key).map(|t| t.exact()),
                        is_open(&open_low),
                        is_open(&open_high),
                    )?);
                }
                let total = outward(
                    totals.total(),
                    Some(low.exact_total()),
                    Some(high.exact_total()),
                    open_low.aggregated() > 0,
                    open_high.aggregated() > 0,
                )?;
                (bounds, total)
            }
        };
        let rejections = totals
            .rejections()
            .iter()
            .map(|r| {
                let path = match places.iter().find(|(line, _)| *line == r.line()) {
                    Some((_, place)) => place.clone(),
                    None => entry_path(usize::try_from(r.line()).unwrap_or(usize::MAX)),
                };
                FactRejection::new(path, r.reason().clone())
            })
            .collect();
        Ok(FundingTotals {
            totals,
            rejections,
            bounds,
            total_bounds,
        })
    }

    /// An aggregator in the summary's currency, grouping and date, keeping
    /// `keep` rejections.
    fn aggregator(&self, keep: usize) -> Aggregator<&R> {
        let agg = Aggregator::new(&self.rates, self.target, self.by.clone()).keep_rejections(keep);
        match self.at {
            Some(date) => agg.at(date),
            None => agg,
        }
    }
}

/// The bounds of a total from the exact sums of its ends (`None`: the
/// group received no flow there), rounded outward to the currency's minor
/// units, or open where a flow left them open; exactly `stated` when the
/// ends agree.
fn outward(
    stated: Money,
    low: Option<super::ExactSum>,
    high: Option<super::ExactSum>,
    open_low: bool,
    open_high: bool,
) -> Result<Bounds<Money>, AggregateError> {
    if !open_low && !open_high && low == high {
        return Ok(Bounds::exact(stated));
    }
    let end = |sum: Option<super::ExactSum>, open: bool, strategy| -> Result<Bound<Money>, AggregateError> {
        Ok(match sum {
            Some(s) if !open => Bound::Included(s.round_with(strategy)?),
            Some(_) => Bound::Unbounded,
            None => Bound::Included(stated),
        })
    };
    let low = end(low, open_low, RoundingStrategy::ToNegativeInfinity)?;
    let high = end(high, open_high, RoundingStrategy::ToPositiveInfinity)?;
    // The ends of each flow are in order, and so are their sums, rounded
    // apart; should apportioning at 46 decimals ever break a tie the other
    // way, the bounds are left open rather than wrong.
    Ok(Bounds::new(low, high).unwrap_or_else(|_| open_bounds()))
}

/// Bounds open at both ends.
fn open_bounds() -> Bounds<Money> {
    Bounds::new(Bound::Unbounded, Bound::Unbounded).unwrap_or(Bounds::exact(Money::zero(Currency::XXX)))
}

/// `/funding/i`.
fn entry_path(i: usize) -> FieldPath {
    FieldPath::root().field("funding").index(i)
}

/// A dossier's funding totals, from [`FundingSummary::of`]: the
/// aggregator's [`Totals`], and every entry left out with its place in
/// the dossier.
///
/// The counts account for every entry: `read` (the dossier's funding
/// entries) = `aggregated` + `undisclosed` + `rejected`.
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::EcbRates;
/// use statecraft::aggregate::{GroupKey, KeyPart};
/// use statecraft::{Currency, Dimension, Dossier, FundingStage, FundingSummary};
///
/// # let json = include_str!("../../examples/data/guatemala-2021.json");
/// let dossier = Dossier::from_json_str(json)?;
/// let by_stage = FundingSummary::new(EcbRates::embedded(), Currency::USD, Dimension::Stage).of(&dossier)?;
/// let rows: Vec<String> = by_stage
///     .groups()
///     .iter()
///     .map(|g| format!("{}: {} (+{} undisclosed)", g.key(), g.total(), g.undisclosed()))
///     .collect();
/// assert_eq!(rows, ["proposed: USD 0.00 (+1 undisclosed)", "announced: USD 310000000.00 (+0 undisclosed)"]);
/// let t = by_stage.totals();
/// assert_eq!((t.read(), t.aggregated(), t.undisclosed(), t.rejected()), (2, 1, 1, 0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundingTotals {
    totals: Totals,
    rejections: Vec<FactRejection>,
    /// The bounds of each group's total, in the order of the groups.
    bounds: Vec<Bounds<Money>>,
    total_bounds: Bounds<Money>,
}

impl FundingTotals {
    /// The totals, with the counts. Their own
    /// [`rejections`](Totals::rejections) number the funding entries from
    /// 0 as lines; [`FundingTotals::rejections`] names their places.
    pub fn totals(&self) -> &Totals {
        &self.totals
    }

    /// The totals, without the rejections' places.
    pub fn into_totals(self) -> Totals {
        self.totals
    }

    /// One total per group that received an entry, sorted by key.
    pub fn groups(&self) -> &[GroupTotal] {
        self.totals.groups()
    }

    /// The total of one group.
    pub fn get(&self, key: &GroupKey) -> Option<&GroupTotal> {
        self.totals.get(key)
    }

    /// The total of everything, rounded once. An approximate amount counts
    /// as the amount it states (the first of a range): see
    /// [`total_bounds`](FundingTotals::total_bounds).
    pub fn total(&self) -> Money {
        self.totals.total()
    }

    /// The bounds of the total of one group: exactly its total when every
    /// amount in it is exact, else the bounds the amounts' figures give
    /// it, rounded outward to the currency's minor units.
    ///
    #[cfg_attr(feature = "ecb-snapshot", doc = "```")]
    #[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
    /// use statecraft::fx::EcbRates;
    /// use statecraft::notation::Figure;
    /// use statecraft::aggregate::{GroupKey, KeyPart};
    /// use statecraft::model::FundingRecipient;
    /// use statecraft::{Country, Currency, Dimension, Dossier, Funding, FundingStage, FundingSummary, Money, Qualifier};
    ///
    /// let gavi = Funding::new("us-gavi".parse()?, Country::US, FundingStage::Pledged, "s".parse()?)
    ///     .with_recipient(FundingRecipient::new(Country::CH.into()))
    ///     .with_amount_figure(Figure::new("$4bn".parse::<Money>()?, Qualifier::About))
    ///     .announced_on("2021-02-19".parse()?);
    /// let aid = Funding::new("us-aid".parse()?, Country::US, FundingStage::Announced, "s".parse()?)
    ///     .with_recipient(FundingRecipient::new(Country::CH.into()))
    ///     .with_amount("$310m".parse()?)
    ///     .announced_on("2021-04-26".parse()?);
    /// let d = Dossier::new().with(gavi).with(aid);
    /// let t = FundingSummary::new(EcbRates::embedded(), Currency::USD, Dimension::Recipient).of(&d)?;
    /// let ch = GroupKey::new(KeyPart::Country(Country::CH), None);
    /// assert_eq!(t.get(&ch).map(|g| g.total().to_compact()), Some("$4.31bn".into()));
    /// assert_eq!(t.bounds(&ch).map(|b| b.to_compact()), Some("between $3.81bn and $4.81bn".into()));
    /// assert_eq!(t.total_bounds(), t.bounds(&ch).ok_or("no bounds")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bounds(&self, key: &GroupKey) -> Option<Bounds<Money>> {
        let i = self.groups().binary_search_by(|g| g.key().cmp(key)).ok()?;
        self.bounds.get(i).copied()
    }

    /// The bounds of the total of everything, as [`bounds`](FundingTotals::bounds)
    /// gives them for a group.
    pub fn total_bounds(&self) -> Bounds<Money> {
        self.total_bounds
    }

    /// Every entry left out, in the dossier's order, with its place
    /// (`/funding/3`, or `/funding/3/recipients/1` for a missing share) and
    /// why.
    pub fn rejections(&self) -> &[FactRejection] {
        &self.rejections
    }
}
