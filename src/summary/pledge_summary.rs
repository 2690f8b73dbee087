//! `PledgeSummary` and `TrancheSummary`: how much of a vaccine pledge, and
//! of each of its tranches, is allocated, at which stage, and what
//! remains.

use std::collections::HashMap;
use std::fmt;

use super::AggregateError;
use crate::model::{tranche_nodes, TrancheNode};
use crate::model::{DoseStage, FieldPath, Share, Tranche};
use crate::notation::{add_counts, Bounds};
use crate::{Count, Dossier, VaccineAllocation, VaccinePledge};

/// One vaccine pledge of a dossier against its allocations: the doses
/// pledged, those allocated (in all and by [`DoseStage`]), the share of
/// the pledge they make, and the [`Remainder`] — what is left to
/// allocate, or by how much the allocations exceed the pledge, which is
/// reported, never a panic or a wrapped-around number.
///
/// Summaries roll up once. A pledge's allocations are those that name it
/// and those of the pledges that are part of it (at any depth:
/// [`VaccinePledge::part_of`]); each of its [`Tranche`]s has its own
/// [`TrancheSummary`], holding the allocations that name it or a tranche
/// within it. So every dose is counted once at each level it belongs to,
/// and [`PledgeSummary::total_pledged`] counts a pledge that is part of
/// another only within the other.
///
/// The numbers (`pledged`, `allocated`, ...) are the figures as the
/// sources state them, exact when they are exact (a range counts its
/// first number); the `*_bounds` methods carry the bounds those figures
/// give the true numbers.
///
/// ```
/// use statecraft::model::DoseStage;
/// use statecraft::summary::Remainder;
/// use statecraft::{Dossier, PledgeSummary};
///
/// # let json = include_str!("../../examples/data/guatemala-2021.json");
/// let dossier = Dossier::from_json_str(json)?;
/// let pledges = PledgeSummary::all(&dossier)?;
/// let p = pledges.first().ok_or("no pledge")?;
/// assert_eq!((p.pledged(), p.allocated()), (25_000_000, 1_500_000));
/// assert_eq!(p.allocated_at(DoseStage::Announced), 1_500_000);
/// assert_eq!(p.allocated_share().map(|s| s.to_string()), Some("6%".into()));
/// assert_eq!(p.remainder(), Remainder::Unallocated(23_500_000));
/// assert_eq!(p.remainder().to_string(), "23,500,000 not allocated");
/// assert_eq!(p.unallocated().as_exact(), Some(23_500_000));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PledgeSummary<'a> {
    pledge: &'a VaccinePledge,
    path: FieldPath,
    tally: Tally,
    tranches: Vec<TrancheSummary<'a>>,
}

/// The doses of the allocations counted at one level: as stated, and
/// their bounds, in all and by stage.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Tally {
    allocations: u64,
    allocated: u64,
    bounds: Bounds<u64>,
    by_stage: Vec<(DoseStage, u64, Bounds<u64>)>,
}

impl Tally {
    fn new() -> Tally {
        Tally {
            allocations: 0,
            allocated: 0,
            bounds: Bounds::exact(0),
            by_stage: <DoseStage as strum::IntoEnumIterator>::iter()
                .map(|s| (s, 0, Bounds::exact(0)))
                .collect(),
        }
    }

    /// Counts `a` (at `place`) at this level, whose name is `of`.
    fn add(&mut self, a: &VaccineAllocation, place: &FieldPath, of: &dyn Fn() -> String) -> Result<(), AggregateError> {
        let doses = a.doses();
        let beyond = || AggregateError::Overflow {
            what: format!(
                "the {doses} doses at {place} take the doses allocated from {} beyond {}",
                of(),
                Count::exact(u64::MAX)
            ),
        };
        self.allocated = self.allocated.checked_add(doses.value()).ok_or_else(beyond)?;
        self.bounds = add_counts(self.bounds, doses.bounds());
        // Each stage's count is at most the total: it cannot overflow once
        // the total has not.
        if let Some((_, n, b)) = self.by_stage.iter_mut().find(|(s, _, _)| *s == a.stage()) {
            *n = n.checked_add(doses.value()).ok_or_else(beyond)?;
            *b = add_counts(*b, doses.bounds());
        }
        self.allocations = self.allocations.saturating_add(1);
        Ok(())
    }

    fn at(&self, stage: DoseStage) -> (u64, Bounds<u64>) {
        self.by_stage
            .iter()
            .find(|(s, _, _)| *s == stage)
            .map_or((0, Bounds::exact(0)), |(_, n, b)| (*n, *b))
    }
}

/// The accessors of a summary's [`Tally`], the same for a pledge and a
/// tranche: `$from` says where the allocations are counted ("from the
/// pledge"), `$level` names the level ("the pledge").
macro_rules! tally_accessors {
    ($from:literal, $level:literal) => {
        #[doc = concat!("The doses allocated ", $from, ", at every stage, as the figures state them.")]
        pub fn allocated(&self) -> u64 {
            self.tally.allocated
        }

        #[doc = concat!("The bounds of the doses allocated ", $from, ", at every stage.")]
        pub fn allocated_bounds(&self) -> Bounds<u64> {
            self.tally.bounds
        }

        #[doc = concat!("The doses allocated ", $from, " at `stage` (stages are disjoint: they add up to")]
        /// [`allocated`](Self::allocated)).
        pub fn allocated_at(&self, stage: DoseStage) -> u64 {
            self.tally.at(stage).0
        }

        #[doc = concat!("The bounds of the doses allocated ", $from, " at `stage`.")]
        pub fn allocated_bounds_at(&self, stage: DoseStage) -> Bounds<u64> {
            self.tally.at(stage).1
        }

        #[doc = concat!("How many allocations count in ", $level, ".")]
        pub fn allocations(&self) -> u64 {
            self.tally.allocations
        }
    };
}

/// What remains of a pledge once its allocations are counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Remainder {
    /// Doses pledged and not yet allocated (0 when the pledge is fully
    /// allocated).
    Unallocated(u64),
    /// The allocations exceed the pledge by this many doses.
    OverAllocated(u64),
}

impl Remainder {
    /// Whether the allocations exceed the pledge.
    pub fn is_over_allocated(self) -> bool {
        matches!(self, Remainder::OverAllocated(_))
    }

    /// What remains of `pledged` once `allocated` is taken from it.
    fn of(pledged: u64, allocated: u64) -> Remainder {
        match pledged.checked_sub(allocated) {
            Some(left) => Remainder::Unallocated(left),
            None => Remainder::OverAllocated(allocated.saturating_sub(pledged)),
        }
    }
}

impl fmt::Display for Remainder {
    /// `23,500,000 not allocated`, `500,000 allocated beyond the pledge`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Remainder::Unallocated(n) => write!(f, "{} not allocated", Count::exact(*n)),
            Remainder::OverAllocated(n) => write!(f, "{} allocated beyond the pledge", Count::exact(*n)),
        }
    }
}

impl<'a> PledgeSummary<'a> {
    /// The summary of every pledge of `dossier`, in order. The allocations
    /// of a pledge are those that name its id, and those of the pledges
    /// part of it; an allocation naming no pledge of the dossier belongs
    /// to none (it is still counted by [`DoseTotals`](crate::DoseTotals)).
    /// An allocation counts in the tranche it names (and the tranches that
    /// hold it), when that is a tranche of its pledge.
    ///
    /// # Errors
    ///
    /// [`AggregateError::Overflow`] when the doses allocated from one
    /// pledge or tranche exceed `u64::MAX`, naming the allocation that
    /// took them beyond it.
    pub fn all(dossier: &'a Dossier) -> Result<Vec<PledgeSummary<'a>>, AggregateError> {
        let pledges = dossier.vaccine_pledges();
        // The pledges each pledge is part of, by place; the first of an id.
        let mut place: HashMap<&str, usize> = HashMap::with_capacity(pledges.len());
        for (i, p) in pledges.iter().enumerate() {
            place.entry(p.id().as_str()).or_insert(i);
        }
        let mut out: Vec<PledgeSummary<'a>> = Vec::with_capacity(pledges.len());
        for (i, pledge) in pledges.iter().enumerate() {
            let path = FieldPath::root().field("vaccine_pledges").index(i);
            let nodes = tranche_nodes(pledge, &path);
            out.push(PledgeSummary {
                pledge,
                tranches: nodes
                    .into_iter()
                    .map(|n: TrancheNode<'a>| TrancheSummary {
                        pledge,
                        tranche: n.tranche,
                        path: n.path,
                        parent: n.parent,
                        pledged: n.pledged,
                        tally: Tally::new(),
                    })
                    .collect(),
                path,
                tally: Tally::new(),
            });
        }
        for (j, a) in dossier.vaccine_allocations().iter().enumerate() {
            let Some(&own) = place.get(a.pledge().as_str()) else {
                continue;
            };
            let at = FieldPath::root().field("vaccine_allocations").index(j);
            // The pledge named, then each pledge it is part of, once each
            // (a cycle of `part_of` stops where it closes).
            let mut seen: Vec<usize> = Vec::new();
            let mut next = Some(own);
            while let Some(i) = next.filter(|i| !seen.contains(i)) {
                seen.push(i);
                let Some(summary) = out.get_mut(i) else { break };
                let id = summary.pledge.id().clone();
                summary.tally.add(a, &at, &|| format!("pledge `{id}`"))?;
                next = summary.pledge.parent().and_then(|p| place.get(p.as_str()).copied());
            }
            // The tranche named, and those that hold it, in its own pledge.
            let Some(summary) = out.get_mut(own) else { continue };
            let mut node = a
                .tranche()
                .and_then(|t| summary.tranches.iter().position(|s| s.tranche.id() == t));
            while let Some(k) = node {
                let Some(t) = summary.tranches.get_mut(k) else { break };
                let id = t.tranche.id().clone();
                t.tally.add(a, &at, &|| format!("tranche `{id}`"))?;
                node = t.parent;
            }
        }
        Ok(out)
    }

    /// The doses pledged by every pledge of `summaries` that is not part
    /// of another one of them: the pledges of one donor, or of a
    /// dossier, with each dose counted once. A pledge part of one not in
    /// `summaries` counts; pledges part of each other in a cycle (which
    /// validation reports) count in none.
    ///
    /// ```
    /// use statecraft::model::{PledgeId, SourceId};
    /// use statecraft::{Count, Country, Dossier, NaiveDate, PledgeSummary, Qualifier, VaccinePledge};
    ///
    /// let day = NaiveDate::from_ymd_opt(2021, 6, 3).ok_or("bad date")?;
    /// let pledge = |id: &str, n| -> Result<VaccinePledge, Box<dyn std::error::Error>> {
    ///     Ok(VaccinePledge::new(PledgeId::new(id)?, Country::US, n, day, SourceId::new("wh")?))
    /// };
    /// let d = Dossier::new()
    ///     .with(pledge("us-80m", 80_000_000)?.with_doses(Count::new(80_000_000, Qualifier::AtLeast)))
    ///     .with(pledge("us-25m", 25_000_000)?.part_of(PledgeId::new("us-80m")?))
    ///     .with(pledge("us-pfizer", 500_000_000)?);
    /// let all = PledgeSummary::all(&d)?;
    /// assert_eq!(PledgeSummary::total_pledged(&all).to_string(), "at least 580,000,000");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn total_pledged(summaries: &[PledgeSummary<'_>]) -> Bounds<u64> {
        summaries
            .iter()
            .filter(|s| {
                s.pledge
                    .parent()
                    .is_none_or(|whole| summaries.iter().all(|o| o.pledge.id() != whole))
            })
            .fold(Bounds::exact(0), |sum, s| add_counts(sum, s.pledged_bounds()))
    }

    /// The pledge.
    pub fn pledge(&self) -> &'a VaccinePledge {
        self.pledge
    }

    /// Where the pledge sits in the dossier: `/vaccine_pledges/0`.
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// The doses pledged, as the pledge states them (see
    /// [`pledged_bounds`](PledgeSummary::pledged_bounds)).
    pub fn pledged(&self) -> u64 {
        self.pledge.doses().value()
    }

    /// The bounds of the doses pledged.
    pub fn pledged_bounds(&self) -> Bounds<u64> {
        self.pledge.doses().bounds()
    }

    tally_accessors!("from the pledge", "the pledge");

    /// The share of the pledge allocated, exact (1.5m of 25m is 6%);
    /// `None` when the allocations exceed the pledge (see
    /// [`remainder`](PledgeSummary::remainder)) or the pledge is of no
    /// doses.
    pub fn allocated_share(&self) -> Option<Share> {
        self.pledge.share_of(self.tally.allocated).ok()
    }

    /// What is left of the pledge, or by how much the allocations exceed
    /// it, as the figures state them.
    pub fn remainder(&self) -> Remainder {
        Remainder::of(self.pledged(), self.tally.allocated)
    }

    /// The bounds of the doses pledged and not allocated (never below
    /// zero: over-allocation is [`remainder`](PledgeSummary::remainder)'s
    /// and validation's to report).
    pub fn unallocated(&self) -> Bounds<u64> {
        unallocated(self.pledged_bounds(), self.tally.bounds)
    }

    /// The summary of each tranche of the pledge, parents before their
    /// children, in the document's order.
    pub fn tranches(&self) -> &[TrancheSummary<'a>] {
        &self.tranches
    }
}

/// `pledged` less `allocated`, for counts.
fn unallocated(pledged: Bounds<u64>, allocated: Bounds<u64>) -> Bounds<u64> {
    // Counts have one unit: the subtraction cannot fail.
    pledged.saturating_sub(allocated).unwrap_or(pledged)
}

/// One tranche of a pledge against the allocations in it: the doses it
/// holds (stated, or its share of the part it belongs to), those
/// allocated in it and in the tranches within it, by stage, and what
/// remains.
///
/// ```
/// use statecraft::model::{AllocationId, DoseChannel, DoseStage, PledgeId, Share, SourceId, Tranche, TrancheId};
/// use statecraft::{Count, Country, Dossier, NaiveDate, PledgeSummary, Qualifier, VaccineAllocation, VaccinePledge};
///
/// let day = NaiveDate::from_ymd_opt(2021, 6, 3).ok_or("bad date")?;
/// let direct = Tranche::new(TrancheId::new("direct")?)
///     .through(DoseChannel::Bilateral)
///     .with_share(Share::from_percent(25)?)
///     .with_tranche(Tranche::new(TrancheId::new("direct-mx")?).to(Country::MX));
/// let pledge = VaccinePledge::new(PledgeId::new("us-25m")?, Country::US, 25_000_000, day, SourceId::new("wh")?).with_tranche(direct);
/// let mx = VaccineAllocation::new(AllocationId::new("mx")?, PledgeId::new("us-25m")?, Country::MX, 1_000_000, DoseStage::Announced, SourceId::new("wh")?)
///     .in_tranche(TrancheId::new("direct-mx")?);
/// let d = Dossier::new().with(pledge).with(mx);
/// let summary = &PledgeSummary::all(&d)?[0];
/// let [direct, to_mexico] = summary.tranches() else { return Err("two tranches".into()) };
/// assert_eq!(direct.pledged_bounds().map(|b| b.to_string()), Some("6,250,000".into()));
/// assert_eq!(direct.allocated(), 1_000_000); // rolled up from Mexico's tranche
/// assert_eq!(direct.unallocated().map(|b| b.to_string()), Some("5,250,000".into()));
/// assert_eq!(to_mexico.pledged_bounds(), None); // no figure given
/// assert_eq!(to_mexico.parent(), Some(0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrancheSummary<'a> {
    pledge: &'a VaccinePledge,
    tranche: &'a Tranche,
    path: FieldPath,
    parent: Option<usize>,
    pledged: Option<Bounds<u64>>,
    tally: Tally,
}

impl<'a> TrancheSummary<'a> {
    /// The tranche.
    pub fn tranche(&self) -> &'a Tranche {
        self.tranche
    }

    /// The pledge it divides.
    pub fn pledge(&self) -> &'a VaccinePledge {
        self.pledge
    }

    /// Where the tranche sits in the dossier:
    /// `/vaccine_pledges/0/tranches/1/tranches/0`.
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// The place, in [`PledgeSummary::tranches`], of the tranche it is
    /// in; `None` for a tranche of the pledge itself.
    pub fn parent(&self) -> Option<usize> {
        self.parent
    }

    /// The bounds of the doses the tranche holds: its own figure when it
    /// states one, else its share of the part it belongs to (the pledge,
    /// or the tranche it is in) when that part's doses are known; `None`
    /// when neither is given.
    pub fn pledged_bounds(&self) -> Option<Bounds<u64>> {
        self.pledged
    }

    tally_accessors!("in the tranche and the tranches within it", "the tranche");

    /// The bounds of the doses the tranche holds and no allocation takes
    /// (never below zero); `None` when its doses are not known.
    pub fn unallocated(&self) -> Option<Bounds<u64>> {
        self.pledged_bounds().map(|p| unallocated(p, self.tally.bounds))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remainders_read_as_english() {
        assert_eq!(Remainder::Unallocated(0).to_string(), "0 not allocated");
        assert_eq!(
            Remainder::OverAllocated(1_500_000).to_string(),
            "1,500,000 allocated beyond the pledge"
        );
        assert!(Remainder::OverAllocated(1).is_over_allocated());
        assert!(!Remainder::Unallocated(1).is_over_allocated());
    }
}
