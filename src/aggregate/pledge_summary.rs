//! `PledgeSummary`: how much of a vaccine pledge is allocated, at which
//! stage, and what remains.

use std::fmt;

use super::AggregateError;
use crate::{Count, DoseStage, Dossier, FieldPath, Share, VaccinePledge};

/// One vaccine pledge of a dossier against its allocations: the doses
/// pledged, those allocated (in all and by [`DoseStage`]), the share of
/// the pledge they make, and the [`Remainder`] — what is left to
/// allocate, or by how much the allocations exceed the pledge, which is
/// reported, never a panic or a wrapped-around number.
///
/// ```
/// use statecraft::{Dossier, DoseStage, PledgeSummary, Remainder};
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
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PledgeSummary<'a> {
    pledge: &'a VaccinePledge,
    path: FieldPath,
    allocations: u64,
    by_stage: Vec<(DoseStage, u64)>,
    allocated: u64,
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
    /// of a pledge are those that name its id; an allocation naming no
    /// pledge of the dossier belongs to none (it is still counted by
    /// [`DoseTotals`](crate::DoseTotals)).
    ///
    /// # Errors
    ///
    /// [`AggregateError::Overflow`] when the doses allocated from one
    /// pledge exceed `u64::MAX`, naming the allocation that took them
    /// beyond it.
    pub fn all(dossier: &'a Dossier) -> Result<Vec<PledgeSummary<'a>>, AggregateError> {
        let mut out = Vec::with_capacity(dossier.vaccine_pledges().len());
        for (i, pledge) in dossier.vaccine_pledges().iter().enumerate() {
            let mut by_stage: Vec<(DoseStage, u64)> =
                <DoseStage as strum::IntoEnumIterator>::iter().map(|s| (s, 0)).collect();
            let mut allocated = 0u64;
            let mut allocations = 0u64;
            for (j, a) in dossier.vaccine_allocations().iter().enumerate() {
                if a.pledge() != pledge.id() {
                    continue;
                }
                let beyond = || AggregateError::Overflow {
                    what: format!(
                        "the {} doses at /vaccine_allocations/{j} take the doses allocated from pledge `{}` beyond {}",
                        Count::exact(a.doses()),
                        pledge.id(),
                        Count::exact(u64::MAX)
                    ),
                };
                allocated = allocated.checked_add(a.doses()).ok_or_else(beyond)?;
                // Each stage's count is at most the pledge's: it cannot
                // overflow once the total has not.
                if let Some((_, n)) = by_stage.iter_mut().find(|(s, _)| *s == a.stage()) {
                    *n = n.checked_add(a.doses()).ok_or_else(beyond)?;
                }
                allocations = allocations.saturating_add(1);
            }
            out.push(PledgeSummary {
                pledge,
                path: FieldPath::root().field("vaccine_pledges").index(i),
                allocations,
                by_stage,
                allocated,
            });
        }
        Ok(out)
    }

    /// The pledge.
    pub fn pledge(&self) -> &'a VaccinePledge {
        self.pledge
    }

    /// Where the pledge sits in the dossier: `/vaccine_pledges/0`.
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// The doses pledged.
    pub fn pledged(&self) -> u64 {
        self.pledge.doses()
    }

    /// The doses allocated from the pledge, at every stage.
    pub fn allocated(&self) -> u64 {
        self.allocated
    }

    /// The doses allocated from the pledge at `stage` (stages are
    /// disjoint: they add up to [`allocated`](PledgeSummary::allocated)).
    pub fn allocated_at(&self, stage: DoseStage) -> u64 {
        self.by_stage.iter().find(|(s, _)| *s == stage).map_or(0, |(_, n)| *n)
    }

    /// How many allocations name the pledge.
    pub fn allocations(&self) -> u64 {
        self.allocations
    }

    /// The share of the pledge allocated, exact (1.5m of 25m is 6%);
    /// `None` when the allocations exceed the pledge (see
    /// [`remainder`](PledgeSummary::remainder)) or the pledge is of no
    /// doses.
    pub fn allocated_share(&self) -> Option<Share> {
        self.pledge.share_of(self.allocated).ok()
    }

    /// What is left of the pledge, or by how much the allocations exceed
    /// it.
    pub fn remainder(&self) -> Remainder {
        match self.pledged().checked_sub(self.allocated) {
            Some(left) => Remainder::Unallocated(left),
            None => Remainder::OverAllocated(self.allocated.saturating_sub(self.pledged())),
        }
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
