//! `DoseTotals`: a dossier's allocated vaccine doses, counted by any
//! dimension.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::{AggregateError, AreaRecipient, By, Dimension, FactRejection, GroupKey, KeyPart, RejectReason};
use crate::model::{FieldPath, Receiver, YearMonth};
use crate::notation::{add_counts, Bounds};
use crate::{Actor, Area, Count, Dossier, VaccineAllocation};

/// The vaccine doses a dossier allocates, counted exactly by a
/// [`Dimension`] or a pair: by recipient, by the recipient's sub-region or
/// named group, by [`DoseStage`](crate::model::DoseStage) (keys
/// [`KeyPart::DoseStage`]), by the donor of the pledge the doses come
/// from, or by the year or month of the allocation's date.
///
/// A recipient that is not one country (a region, a group, a declared
/// area, an organisation) is keyed as funding's are (see [`Dimension`]):
/// never split among its countries; doses to an organisation (COVAX) are
/// keyed by the organisation by every recipient dimension, counted in the
/// total, never put in an area or dropped. Groups are taken on the
/// allocation's date, else its pledge's announcement date; an allocation
/// dated before a group's recorded history is a [`FactRejection`].
///
/// Counts are `u64`, added with checks: a total beyond `u64::MAX` is an
/// error, never a wrap-around or a panic. Each count is the sum of the
/// figures as the sources state them (a range counts its first number),
/// exact when they are; [`DoseGroup::bounds`] and
/// [`DoseTotals::total_bounds`] carry the bounds the figures give the
/// true sum ("about 6 million" + "about 7 million" is between 12 and 14
/// million). An allocation the dimension
/// cannot place (by donor, when its pledge is not in the dossier; by year
/// or month, when it has no date) is a [`FactRejection`]; every other is
/// counted in exactly one group, so the groups add up to
/// [`total`](DoseTotals::total).
///
/// By named group, use the dossier's own groups,
/// `Dimension::group(dossier.groups())`: a country in several falls in
/// the first listed, as for funding.
///
/// ```
/// use statecraft::aggregate::{By, GroupKey, KeyPart};
/// use statecraft::model::DoseStage;
/// use statecraft::{Country, Dimension, DoseTotals, Dossier};
///
/// # let json = include_str!("../../examples/data/guatemala-2021.json");
/// let dossier = Dossier::from_json_str(json)?;
/// let by_recipient = DoseTotals::of(&dossier, Dimension::Recipient)?;
/// let rows: Vec<String> = by_recipient.groups().iter().map(|g| format!("{} {}", g.key(), g.doses())).collect();
/// assert_eq!(rows, ["GT 500000", "MX 1000000"]);
/// assert_eq!(by_recipient.total(), 1_500_000);
///
/// let by_group = DoseTotals::of(&dossier, Dimension::group(dossier.groups()))?;
/// let nt = GroupKey::new(KeyPart::Group("Northern Triangle".into()), None);
/// assert_eq!(by_group.get(&nt).map(|g| g.doses()), Some(500_000));
///
/// let by_stage = DoseTotals::of(&dossier, By::pair(Dimension::Stage, Dimension::Recipient))?;
/// let key = GroupKey::new(KeyPart::DoseStage(DoseStage::Announced), Some(KeyPart::Country(Country::MX)));
/// assert_eq!(by_stage.get(&key).map(|g| g.doses()), Some(1_000_000));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoseTotals {
    by: By,
    groups: Vec<DoseGroup>,
    total: u64,
    total_bounds: Bounds<u64>,
    read: u64,
    counted: u64,
    rejections: Vec<FactRejection>,
}

/// The doses of one group of a [`DoseTotals`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoseGroup {
    key: GroupKey,
    doses: u64,
    bounds: Bounds<u64>,
    allocations: u64,
}

impl DoseGroup {
    /// The group.
    pub fn key(&self) -> &GroupKey {
        &self.key
    }

    /// The doses allocated to it, as the figures state them.
    pub fn doses(&self) -> u64 {
        self.doses
    }

    /// The bounds of the doses allocated to it: the sum of the bounds of
    /// each figure; exactly [`doses`](DoseGroup::doses) when every figure
    /// is exact.
    pub fn bounds(&self) -> Bounds<u64> {
        self.bounds
    }

    /// How many allocations it counts.
    pub fn allocations(&self) -> u64 {
        self.allocations
    }
}

impl DoseTotals {
    /// Counts the doses of every allocation of `dossier`, grouped by `by`.
    ///
    /// # Errors
    ///
    /// [`AggregateError::Overflow`] when the doses of a group, or of all
    /// groups, exceed `u64::MAX` (18,446,744,073,709,551,615); the message
    /// names the allocation that took them beyond it.
    pub fn of(dossier: &Dossier, by: impl Into<By>) -> Result<DoseTotals, AggregateError> {
        let by = by.into();
        let mut groups: BTreeMap<GroupKey, (u64, Bounds<u64>, u64)> = BTreeMap::new();
        let mut total = 0u64;
        let mut total_bounds = Bounds::exact(0);
        let mut counted = 0u64;
        let mut rejections = Vec::new();
        let allocations = dossier.vaccine_allocations();
        for (i, a) in allocations.iter().enumerate() {
            let path = FieldPath::root().field("vaccine_allocations").index(i);
            let key = match key_of(dossier, &by, a, &path) {
                Ok(key) => key,
                Err(rejection) => {
                    rejections.push(rejection);
                    continue;
                }
            };
            let beyond = |of: &str| AggregateError::Overflow {
                what: format!(
                    "the {} doses at {} take {of} beyond {}",
                    a.doses(),
                    path.to_pointer(),
                    Count::exact(u64::MAX)
                ),
            };
            let group = groups.entry(key.clone()).or_insert((0, Bounds::exact(0), 0));
            let doses = group
                .0
                .checked_add(a.doses().value())
                .ok_or_else(|| beyond(&format!("the doses of {key}")))?;
            total = total
                .checked_add(a.doses().value())
                .ok_or_else(|| beyond("the doses of all groups"))?;
            let bounds = a.doses().bounds();
            *group = (doses, add_counts(group.1, bounds), group.2.saturating_add(1));
            total_bounds = add_counts(total_bounds, bounds);
            counted = counted.saturating_add(1);
        }
        Ok(DoseTotals {
            by,
            groups: groups
                .into_iter()
                .map(|(key, (doses, bounds, allocations))| DoseGroup {
                    key,
                    doses,
                    bounds,
                    allocations,
                })
                .collect(),
            total,
            total_bounds,
            read: u64::try_from(allocations.len()).unwrap_or(u64::MAX),
            counted,
            rejections,
        })
    }

    /// What the doses are grouped by.
    pub fn by(&self) -> &By {
        &self.by
    }

    /// One count per group that received doses, sorted by key.
    pub fn groups(&self) -> &[DoseGroup] {
        &self.groups
    }

    /// The count of one group.
    pub fn get(&self, key: &GroupKey) -> Option<&DoseGroup> {
        self.groups
            .binary_search_by(|g| g.key.cmp(key))
            .ok()
            .and_then(|i| self.groups.get(i))
    }

    /// The doses of every allocation counted, as the figures state them:
    /// the sum of the groups.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// The bounds of the doses of every allocation counted: the sum of the
    /// groups' bounds.
    ///
    /// ```
    /// use statecraft::model::{AllocationId, DoseStage, PledgeId};
    /// use statecraft::{Count, Country, Dimension, DoseTotals, Dossier, Qualifier, VaccineAllocation};
    ///
    /// let about = |id: &str, to, n| -> Result<VaccineAllocation, Box<dyn std::error::Error>> {
    ///     Ok(VaccineAllocation::new(AllocationId::new(id)?, PledgeId::new("p")?, to, n, DoseStage::Announced, "s".parse()?)
    ///         .with_doses(Count::new(n, Qualifier::About)))
    /// };
    /// let d = Dossier::new().with(about("a", Country::MX, 6_000_000)?).with(about("b", Country::IN, 7_000_000)?);
    /// let t = DoseTotals::of(&d, Dimension::Recipient)?;
    /// assert_eq!(t.total(), 13_000_000);
    /// assert_eq!(t.total_bounds().to_string(), "between 12,000,000 and 14,000,000");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn total_bounds(&self) -> Bounds<u64> {
        self.total_bounds
    }

    /// The dossier's allocations: counted + rejected.
    pub fn read(&self) -> u64 {
        self.read
    }

    /// The allocations counted.
    pub fn counted(&self) -> u64 {
        self.counted
    }

    /// The allocations the dimension could not place.
    pub fn rejected(&self) -> u64 {
        u64::try_from(self.rejections.len()).unwrap_or(u64::MAX)
    }

    /// Every allocation left out, in the dossier's order, with its place
    /// and why.
    pub fn rejections(&self) -> &[FactRejection] {
        &self.rejections
    }
}

/// The key of allocation `a` (at `path`), or why it has none.
fn key_of(dossier: &Dossier, by: &By, a: &VaccineAllocation, path: &FieldPath) -> Result<GroupKey, FactRejection> {
    let mut parts = by.dimensions().map(|d| part_of(dossier, d, a, path));
    let first = parts.next().unwrap_or(Ok(KeyPart::Unnamed))?;
    let second = parts.next().transpose()?;
    Ok(GroupKey::new(first, second))
}

fn part_of(
    dossier: &Dossier,
    d: &Dimension,
    a: &VaccineAllocation,
    path: &FieldPath,
) -> Result<KeyPart, FactRejection> {
    let day = a
        .date()
        .or_else(|| dossier.pledge(a.pledge()).map(|p| p.announced()))
        .unwrap_or(NaiveDate::MAX);
    let rejected = |reason| FactRejection::new(path.clone().field("recipient"), reason);
    let recipient = match a.recipient() {
        Receiver::Area(Area::Country(c)) => {
            if let Dimension::Group(t) = d {
                if let Some(source) = t.unknown_on(*c, day) {
                    return Err(rejected(RejectReason::GroupNotKnown { country: *c, source }));
                }
            }
            d.recipient_part(*c, day)
        }
        other => {
            let r = AreaRecipient::resolve(dossier, [other.clone()], day).map_err(|source| {
                rejected(RejectReason::AreaNotKnown {
                    allocation: a.id().clone(),
                    source,
                })
            })?;
            if let (Dimension::Group(t), Some(r)) = (d, &r) {
                if let Some((country, source)) = r
                    .countries()
                    .iter()
                    .find_map(|c| t.unknown_on(*c, day).map(|e| (*c, e)))
                {
                    return Err(rejected(RejectReason::GroupNotKnown { country, source }));
                }
            }
            d.recipient_part_of_area(r.as_ref(), day)
        }
    };
    if let Some(part) = recipient {
        return Ok(part);
    }
    let undated = || {
        FactRejection::new(
            path.clone(),
            RejectReason::Undated {
                allocation: a.id().clone(),
                by: d.name(),
            },
        )
    };
    Ok(match d {
        Dimension::Donor => KeyPart::donor(donor_of(dossier, a).ok_or_else(|| {
            FactRejection::new(
                path.clone().field("pledge"),
                RejectReason::UnknownPledge {
                    allocation: a.id().clone(),
                    pledge: a.pledge().clone(),
                },
            )
        })?),
        Dimension::Stage => KeyPart::DoseStage(a.stage()),
        Dimension::Year => KeyPart::Year(a.date().ok_or_else(undated)?.year()),
        Dimension::Month => KeyPart::Month(YearMonth::of(a.date().ok_or_else(undated)?)),
        // Recipient, sub-region and group are answered above.
        _ => KeyPart::Unnamed,
    })
}

fn donor_of<'d>(dossier: &'d Dossier, a: &VaccineAllocation) -> Option<&'d Actor> {
    dossier.pledge(a.pledge()).map(|p| p.donor())
}
