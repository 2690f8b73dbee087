//! Grouping dimensions: what totals are broken down by.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use super::AreaRecipient;
use crate::geo::GroupDateError;
use crate::geo::{IntermediateRegion, M49Area, M49Level, Region, Subregion};
use crate::model::{DoseStage, Receiver, YearMonth};
use crate::{Actor, Area, Country, CountryGroup, Dossier, Excerpt, FundingStage};

/// Named groups of countries, for grouping totals by [`Dimension::Group`]
/// ("Northern Triangle": GT, HN, SV).
///
/// Each country belongs to at most one group on a day, so that the totals
/// of all groups add up to the total of everything; countries in no group
/// are totalled under [`KeyPart::Ungrouped`]. Implemented for
/// [`CountryGroup`]s and lists of them (a dossier's groups, or
/// [`CountryGroup::builtin`]), lists of `(name, countries)` (in a list, the
/// first group that holds a country wins), maps from country to name, and
/// closures.
///
/// Membership may change over time ([`CountryGroup`]s have dated
/// memberships): [`group_on`](CountryGroups::group_on) answers for a day,
/// and [`changes`](CountryGroups::changes) says on which days the answer
/// may change. Totals by group put each record in the group its recipient
/// was in on the record's date, and reject a record whose recipient's
/// group cannot be told that day (a date before a group's recorded
/// history, when that group comes before any that holds the country).
///
/// ```
/// use statecraft::aggregate::CountryGroups;
/// use statecraft::Country;
///
/// let groups = [("Northern Triangle", &[Country::GT, Country::HN, Country::SV][..])];
/// assert_eq!(groups.group_of(Country::HN), Some("Northern Triangle"));
/// assert_eq!(groups.group_of(Country::MX), None);
/// ```
pub trait CountryGroups {
    /// The name of the group `country` belongs to, if any (now, for
    /// groups whose membership changes).
    fn group_of(&self, country: Country) -> Option<&str>;

    /// The name of the group `country` belonged to on `date`, if any; by
    /// default [`group_of`](CountryGroups::group_of), for groups whose
    /// membership never changes.
    ///
    /// # Errors
    ///
    /// [`GroupDateError`] when it cannot be told: `date` is before the
    /// recorded history of a group that would be asked.
    fn group_on(&self, country: Country, date: NaiveDate) -> Result<Option<&str>, GroupDateError> {
        let _ = date;
        Ok(self.group_of(country))
    }

    /// The days on which [`group_on`](CountryGroups::group_on) may answer
    /// otherwise than the day before; none by default.
    fn changes(&self) -> Vec<NaiveDate> {
        Vec::new()
    }
}

impl<S: AsRef<str>, C: AsRef<[Country]>> CountryGroups for [(S, C)] {
    fn group_of(&self, country: Country) -> Option<&str> {
        self.iter()
            .find(|(_, members)| members.as_ref().contains(&country))
            .map(|(name, _)| name.as_ref())
    }
}

impl<S: AsRef<str>, C: AsRef<[Country]>, const N: usize> CountryGroups for [(S, C); N] {
    fn group_of(&self, country: Country) -> Option<&str> {
        self.as_slice().group_of(country)
    }
}

impl<S: AsRef<str>, C: AsRef<[Country]>> CountryGroups for Vec<(S, C)> {
    fn group_of(&self, country: Country) -> Option<&str> {
        self.as_slice().group_of(country)
    }
}

impl<S: AsRef<str>, H> CountryGroups for HashMap<Country, S, H>
where
    H: std::hash::BuildHasher,
{
    fn group_of(&self, country: Country) -> Option<&str> {
        self.get(&country).map(AsRef::as_ref)
    }
}

impl<S: AsRef<str>> CountryGroups for BTreeMap<Country, S> {
    fn group_of(&self, country: Country) -> Option<&str> {
        self.get(&country).map(AsRef::as_ref)
    }
}

impl CountryGroups for CountryGroup {
    fn group_of(&self, country: Country) -> Option<&str> {
        self.contains(country).then(|| self.name())
    }

    fn group_on(&self, country: Country, date: NaiveDate) -> Result<Option<&str>, GroupDateError> {
        Ok(self.contains_on(country, date)?.then(|| self.name()))
    }

    /// Each day membership changes, and the first day of the recorded
    /// history.
    fn changes(&self) -> Vec<NaiveDate> {
        let mut days = CountryGroup::changes(self);
        days.extend(self.since());
        days.sort_unstable();
        days.dedup();
        days
    }
}

impl CountryGroups for [CountryGroup] {
    fn group_of(&self, country: Country) -> Option<&str> {
        self.iter().find_map(|g| g.group_of(country))
    }

    /// The first group, in order, that holds `country` on `date`; an error
    /// when a group asked before it is found has no record of that day.
    fn group_on(&self, country: Country, date: NaiveDate) -> Result<Option<&str>, GroupDateError> {
        for g in self {
            if let Some(name) = g.group_on(country, date)? {
                return Ok(Some(name));
            }
        }
        Ok(None)
    }

    fn changes(&self) -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = self.iter().flat_map(CountryGroups::changes).collect();
        days.sort_unstable();
        days.dedup();
        days
    }
}

/// Arrays and vectors of groups answer as their slice does.
macro_rules! groups_as_slice {
    ($([$($generics:tt)*] $groups:ty),+) => {$(
        impl<$($generics)*> CountryGroups for $groups {
            fn group_of(&self, country: Country) -> Option<&str> {
                self.as_slice().group_of(country)
            }

            fn group_on(&self, country: Country, date: NaiveDate) -> Result<Option<&str>, GroupDateError> {
                self.as_slice().group_on(country, date)
            }

            fn changes(&self) -> Vec<NaiveDate> {
                self.as_slice().changes()
            }
        }
    )+};
}

groups_as_slice!([const N: usize] [CountryGroup; N], [] Vec<CountryGroup>);

impl<F: Fn(Country) -> Option<&'static str>> CountryGroups for F {
    fn group_of(&self, country: Country) -> Option<&str> {
        self(country)
    }
}

/// A [`CountryGroups`] resolved once into a table by country (and, for
/// countries whose group changes, by day).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupTable {
    /// Sorted.
    names: Vec<Arc<str>>,
    /// Per country (by variant index): the index of its group in `names`,
    /// `names.len()` when it is in none, or [`DATED`] when its group
    /// changes over time (then see `dated`).
    of: Vec<u32>,
    /// Per country whose group changes: from which day it is in which
    /// group (or none, or an unknown one: an index from `names.len() + 1`,
    /// into `unknown`), in order of days; empty for the others.
    dated: Vec<Vec<(NaiveDate, u32)>>,
    /// Why a group could not be told: the group whose recorded history had
    /// not begun, and when it begins.
    unknown: Vec<(Box<str>, NaiveDate)>,
}

/// The mark of a country whose group changes over time.
const DATED: u32 = u32::MAX;

impl GroupTable {
    fn new(groups: &(impl CountryGroups + ?Sized)) -> GroupTable {
        let epochs: Vec<NaiveDate> = std::iter::once(NaiveDate::MIN)
            .chain(groups.changes().into_iter().filter(|d| *d > NaiveDate::MIN))
            .collect();
        // Each country's group at the start of each epoch.
        let found: Vec<Vec<Result<Option<&str>, GroupDateError>>> = Country::iter()
            .map(|c| epochs.iter().map(|e| groups.group_on(c, *e)).collect())
            .collect();
        let sorted: BTreeSet<&str> = found
            .iter()
            .flatten()
            .filter_map(|r| r.clone().ok().flatten())
            .collect();
        let names: Vec<Arc<str>> = sorted.into_iter().map(Arc::from).collect();
        let none = u32::try_from(names.len()).unwrap_or(u32::MAX - 1);
        let mut unknown: Vec<(Box<str>, NaiveDate)> = Vec::new();
        let mut index = |answer: &Result<Option<&str>, GroupDateError>| match answer {
            Ok(name) => name
                .and_then(|n| names.binary_search_by(|x| (**x).cmp(n)).ok())
                .and_then(|i| u32::try_from(i).ok())
                .unwrap_or(none),
            Err(e) => {
                let k = match unknown.iter().position(|(g, s)| **g == *e.group() && *s == e.since()) {
                    Some(k) => k,
                    None => {
                        unknown.push((e.group().into(), e.since()));
                        unknown.len() - 1
                    }
                };
                none.saturating_add(1)
                    .saturating_add(u32::try_from(k).unwrap_or(u32::MAX))
            }
        };
        let mut of = Vec::with_capacity(found.len());
        let mut dated = Vec::with_capacity(found.len());
        for per_epoch in &found {
            let mut spans: Vec<(NaiveDate, u32)> = Vec::new();
            for (day, answer) in epochs.iter().zip(per_epoch) {
                let i = index(answer);
                if spans.last().is_none_or(|(_, last)| *last != i) {
                    spans.push((*day, i));
                }
            }
            match spans.as_slice() {
                [(_, i)] if *i <= none => {
                    of.push(*i);
                    dated.push(Vec::new());
                }
                _ => {
                    of.push(DATED);
                    dated.push(spans);
                }
            }
        }
        GroupTable {
            names,
            of,
            dated,
            unknown,
        }
    }

    /// The group names, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.names.iter().map(|n| &**n)
    }

    /// Why the group of `country` on `date` cannot be told, if it cannot:
    /// the date is before the recorded history of a group asked.
    pub fn unknown_on(&self, country: Country, date: NaiveDate) -> Option<GroupDateError> {
        let i = self.index_on(country, date);
        let k = i.checked_sub(self.none())?.checked_sub(1)?;
        let (group, since) = self.unknown.get(k as usize)?;
        Some(GroupDateError::new(group, date, *since))
    }

    /// Whether some country's group cannot be told on some day.
    fn has_unknown(&self) -> bool {
        !self.unknown.is_empty()
    }

    /// The index of the group `country` is in on `date` (an index past
    /// `none()` when it cannot be told).
    #[inline]
    fn index_on(&self, country: Country, date: NaiveDate) -> u32 {
        match self.of.get(country as usize).copied() {
            Some(DATED) => {
                let spans = self.dated.get(country as usize).map_or(&[][..], Vec::as_slice);
                let after = spans.partition_point(|(start, _)| *start <= date);
                after
                    .checked_sub(1)
                    .and_then(|k| spans.get(k))
                    .map_or(self.none(), |(_, i)| *i)
            }
            Some(i) => i,
            None => self.none(),
        }
    }

    fn none(&self) -> u32 {
        u32::try_from(self.names.len()).unwrap_or(u32::MAX - 1)
    }
}

/// One way to break totals down.
///
/// Country dimensions other than [`Donor`](Dimension::Donor) follow the
/// recipient: a flow split among several recipients is apportioned to
/// each recipient's key by its share.
///
/// The three M49 dimensions key a recipient by its UN M49 area at one
/// level ([`KeyPart::M49`]): [`Region`](Dimension::Region) (the Americas),
/// [`Subregion`](Dimension::Subregion) (Latin America and the Caribbean)
/// or [`IntermediateRegion`](Dimension::IntermediateRegion) (Central
/// America). A country with no area at that level (Antarctica; most
/// countries have no intermediate region) is keyed [`KeyPart::Ungrouped`].
///
/// A recipient that is not one country ([`AreaRecipient`]: a group, an
/// M49 area, the world, an organisation, or several named together
/// without shares) is never split among its countries. By
/// [`Recipient`](Dimension::Recipient) it is its own key
/// ([`KeyPart::Area`], [`KeyPart::Actor`] for an organisation,
/// [`KeyPart::Areas`]). By an M49 dimension or [`Group`](Dimension::Group)
/// it takes the key all its countries share, when they share one (the
/// Northern Triangle lies in Central America, and in Latin America and
/// the Caribbean), and is its own key otherwise; an M49 area of the
/// dimension's level is keyed as itself, and by `Group` a named group as
/// recipient is keyed by its name ([`KeyPart::Group`]). An organisation
/// stands for no country, so that a recipient naming one (Gavi, or "GT +
/// Gavi") is its own key by every recipient dimension, as a DAC region or
/// an unknown group is: never put in an area, never
/// [`Ungrouped`](KeyPart::Ungrouped), never dropped. A flow that names no
/// recipient is keyed [`KeyPart::Unnamed`] by every recipient dimension.
///
/// ```
/// use statecraft::{Country, Dimension};
///
/// let d: Dimension = "intermediate-region".parse()?;
/// assert_eq!(d, Dimension::IntermediateRegion);
/// assert_eq!(d.name(), "intermediate-region");
///
/// let nt = Dimension::group(&[("Northern Triangle", [Country::GT, Country::HN, Country::SV])]);
/// assert_eq!(nt.name(), "group");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Dimension {
    /// The recipient country.
    Recipient,
    /// The donor country.
    Donor,
    /// The recipient's UN M49 region ([`Country::region`]).
    Region,
    /// The recipient's UN M49 sub-region ([`Country::subregion`]).
    Subregion,
    /// The recipient's UN M49 intermediate region
    /// ([`Country::intermediate_region`]).
    IntermediateRegion,
    /// The recipient's named group (see [`Dimension::group`]).
    Group(Arc<GroupTable>),
    /// The stage.
    Stage,
    /// The year of the value date.
    Year,
    /// The year and month of the value date.
    Month,
}

impl Dimension {
    /// Groups by the recipient's named group, as `groups` assigns them.
    /// The groups are read once, here, into a table by country.
    pub fn group(groups: &(impl CountryGroups + ?Sized)) -> Dimension {
        Dimension::Group(Arc::new(GroupTable::new(groups)))
    }

    /// The column name: `recipient`, `donor`, `region`, `subregion`,
    /// `intermediate-region`, `group`, `stage`, `year` or `month`.
    pub fn name(&self) -> &'static str {
        match self {
            Dimension::Recipient => "recipient",
            Dimension::Donor => "donor",
            Dimension::Region => "region",
            Dimension::Subregion => "subregion",
            Dimension::IntermediateRegion => "intermediate-region",
            Dimension::Group(_) => "group",
            Dimension::Stage => "stage",
            Dimension::Year => "year",
            Dimension::Month => "month",
        }
    }

    /// The M49 level of an M49 dimension.
    fn m49_level(&self) -> Option<M49Level> {
        match self {
            Dimension::Region => Some(M49Level::Region),
            Dimension::Subregion => Some(M49Level::Subregion),
            Dimension::IntermediateRegion => Some(M49Level::IntermediateRegion),
            _ => None,
        }
    }

    /// How many distinct keys there can be, when that is small and known
    /// (countries, M49 areas of a level and none, groups, stages); `None`
    /// for dates.
    fn cardinality(&self) -> Option<u64> {
        let n = match self {
            Dimension::Recipient | Dimension::Donor => <Country as strum::EnumCount>::COUNT,
            Dimension::Region | Dimension::Subregion | Dimension::IntermediateRegion => {
                self.m49_level().map_or(0, m49_count) as usize + 1
            }
            Dimension::Group(t) => t.names.len() + 1,
            Dimension::Stage => FundingStage::iter().count(),
            Dimension::Year | Dimension::Month => return None,
        };
        u64::try_from(n).ok()
    }

    /// The key of a flow's part going to `recipient`, as a number below
    /// 2³²; `donor` is the donor country's code (read only by
    /// [`Dimension::Donor`], which codes country donors alone).
    #[inline]
    fn code(&self, donor: u32, recipient: Country, stage: FundingStage, date: NaiveDate) -> u32 {
        match self {
            Dimension::Recipient => recipient as u32,
            Dimension::Donor => donor,
            Dimension::Region => recipient.region().map_or(m49_count(M49Level::Region), |r| r as u32),
            Dimension::Subregion => recipient
                .subregion()
                .map_or(m49_count(M49Level::Subregion), |s| s as u32),
            Dimension::IntermediateRegion => recipient
                .intermediate_region()
                .map_or(m49_count(M49Level::IntermediateRegion), |i| i as u32),
            Dimension::Group(t) => t.index_on(recipient, date),
            Dimension::Stage => stage as u32,
            // chrono's years lie within ±262,143, so these stay below 2^26.
            Dimension::Year => year_code(date.year()),
            Dimension::Month => year_code(date.year()).wrapping_mul(12).wrapping_add(date.month0()),
        }
    }

    /// The key part that `code` stands for.
    fn decode(&self, code: u32) -> Option<KeyPart> {
        let i = code as usize;
        Some(match self {
            Dimension::Recipient | Dimension::Donor => KeyPart::Country(Country::iter().nth(i)?),
            Dimension::Region | Dimension::Subregion | Dimension::IntermediateRegion => {
                let level = self.m49_level()?;
                if code == m49_count(level) {
                    KeyPart::Ungrouped
                } else {
                    KeyPart::M49(m49_areas(level).nth(i)?)
                }
            }
            Dimension::Group(t) => match t.names.get(i) {
                Some(name) => KeyPart::Group(name.clone()),
                None => KeyPart::Ungrouped,
            },
            Dimension::Stage => KeyPart::Stage(FundingStage::iter().nth(i)?),
            Dimension::Year => KeyPart::Year(year_of_code(code)),
            Dimension::Month => KeyPart::Month(YearMonth::new(year_of_code(code / 12), code % 12 + 1)?),
        })
    }

    /// The code of `part`, when it is one of the keys this dimension codes
    /// (the inverse of [`decode`](Dimension::decode)); `None` for any other
    /// part, which is then kept by key.
    fn encode(&self, part: &KeyPart) -> Option<u32> {
        let code = match (self, part) {
            (Dimension::Recipient | Dimension::Donor, KeyPart::Country(c)) => *c as u32,
            (Dimension::Region, KeyPart::M49(M49Area::Region(r))) => *r as u32,
            (Dimension::Subregion, KeyPart::M49(M49Area::Subregion(s))) => *s as u32,
            (Dimension::IntermediateRegion, KeyPart::M49(M49Area::IntermediateRegion(i))) => *i as u32,
            (Dimension::Region | Dimension::Subregion | Dimension::IntermediateRegion, KeyPart::Ungrouped) => {
                m49_count(self.m49_level()?)
            }
            (Dimension::Group(t), KeyPart::Group(name)) => {
                u32::try_from(t.names.binary_search_by(|n| (**n).cmp(&**name)).ok()?).ok()?
            }
            (Dimension::Group(t), KeyPart::Ungrouped) => t.none(),
            (Dimension::Stage, KeyPart::Stage(s)) => *s as u32,
            (Dimension::Year, KeyPart::Year(y)) => year_code(*y),
            (Dimension::Month, KeyPart::Month(m)) => year_code(m.year())
                .wrapping_mul(12)
                .wrapping_add(m.month().wrapping_sub(1)),
            _ => return None,
        };
        // Years beyond what a code holds would come back as others.
        (self.decode(code).as_ref() == Some(part)).then_some(code)
    }

    /// The key part of a flow's part going to `recipient`, an area that is
    /// not one country (or, for `None`, no named recipient).
    fn part_of_area(
        &self,
        donor: &Actor,
        recipient: Option<&AreaRecipient>,
        stage: FundingStage,
        date: NaiveDate,
    ) -> KeyPart {
        if let Some(part) = self.recipient_part_of_area(recipient, date) {
            return part;
        }
        match self {
            Dimension::Donor => KeyPart::donor(donor),
            Dimension::Stage => KeyPart::Stage(stage),
            Dimension::Year => KeyPart::Year(date.year()),
            Dimension::Month => KeyPart::Month(YearMonth::of(date)),
            // The recipient's dimensions are answered above.
            _ => KeyPart::Unnamed,
        }
    }

    /// The key part, on `date`, of `recipient`, an area that is not one
    /// country (or, for `None`, no named recipient), for a dimension that
    /// follows the recipient (recipient, M49 area, group); `None` for the
    /// others.
    pub(crate) fn recipient_part_of_area(&self, recipient: Option<&AreaRecipient>, date: NaiveDate) -> Option<KeyPart> {
        Some(match (self, recipient) {
            (
                Dimension::Recipient
                | Dimension::Region
                | Dimension::Subregion
                | Dimension::IntermediateRegion
                | Dimension::Group(_),
                None,
            ) => KeyPart::Unnamed,
            (Dimension::Recipient, Some(r)) => r.key(),
            (Dimension::Region | Dimension::Subregion | Dimension::IntermediateRegion, Some(r)) => {
                let Some(level) = self.m49_level() else {
                    return Some(r.key());
                };
                match r.receivers() {
                    [Receiver::Area(Area::M49(a))] if a.level() == level => KeyPart::M49(*a),
                    _ if r.names_organisation() => r.key(),
                    _ => shared(r.countries(), |c| m49_area(level, c))
                        .map_or_else(|| r.key(), |a| a.map_or(KeyPart::Ungrouped, KeyPart::M49)),
                }
            }
            (Dimension::Group(t), Some(r)) => match (r.receivers(), r.group_name()) {
                ([Receiver::Area(Area::Group(_))], Some(name)) => KeyPart::Group(Arc::from(name)),
                _ if r.names_organisation() => r.key(),
                _ => shared(r.countries(), |c| t.index_on(c, date))
                    .and_then(|i| self.decode(i))
                    .unwrap_or_else(|| r.key()),
            },
            _ => return None,
        })
    }

    /// The key part of a flow's part going to the country `recipient`.
    fn part_of_country(&self, donor: &Actor, recipient: Country, stage: FundingStage, date: NaiveDate) -> KeyPart {
        match self.recipient_part(recipient, date) {
            Some(part) => part,
            None => self.part_of_area(donor, None, stage, date),
        }
    }

    /// The key part of `recipient` on `date` for a dimension that follows
    /// the recipient (recipient, M49 area, group); `None` for the others.
    pub(crate) fn recipient_part(&self, recipient: Country, date: NaiveDate) -> Option<KeyPart> {
        Some(match self {
            Dimension::Recipient => KeyPart::Country(recipient),
            Dimension::Region | Dimension::Subregion | Dimension::IntermediateRegion => {
                m49_area(self.m49_level()?, recipient).map_or(KeyPart::Ungrouped, KeyPart::M49)
            }
            Dimension::Group(t) => match t.names.get(t.index_on(recipient, date) as usize) {
                Some(name) => KeyPart::Group(name.clone()),
                None => KeyPart::Ungrouped,
            },
            _ => return None,
        })
    }

    /// Whether keys depend on the value date: by year or month, or by
    /// groups whose membership is dated.
    fn uses_date(&self) -> bool {
        match self {
            Dimension::Year | Dimension::Month => true,
            Dimension::Group(t) => t.of.contains(&DATED),
            _ => false,
        }
    }
}

/// The value `of` gives every country of `countries`, when there is at
/// least one country and they all give the same.
fn shared<T: PartialEq>(countries: &[Country], of: impl Fn(Country) -> T) -> Option<T> {
    let (first, rest) = countries.split_first()?;
    let value = of(*first);
    rest.iter().all(|c| of(*c) == value).then_some(value)
}

/// The number of M49 areas of `level`, which is also the code of "none".
fn m49_count(level: M49Level) -> u32 {
    let n = match level {
        M49Level::World => 1,
        M49Level::Region => <Region as strum::EnumCount>::COUNT,
        M49Level::Subregion => <Subregion as strum::EnumCount>::COUNT,
        M49Level::IntermediateRegion => <IntermediateRegion as strum::EnumCount>::COUNT,
    };
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The M49 areas of `level`, in the order of their codes (by name).
fn m49_areas(level: M49Level) -> Box<dyn Iterator<Item = M49Area>> {
    match level {
        M49Level::World => Box::new(std::iter::once(M49Area::World)),
        M49Level::Region => Box::new(Region::iter().map(M49Area::Region)),
        M49Level::Subregion => Box::new(Subregion::iter().map(M49Area::Subregion)),
        M49Level::IntermediateRegion => Box::new(IntermediateRegion::iter().map(M49Area::IntermediateRegion)),
    }
}

/// The M49 area of `level` that `country` is in.
fn m49_area(level: M49Level, country: Country) -> Option<M49Area> {
    match level {
        M49Level::World => Some(M49Area::World),
        M49Level::Region => country.region().map(M49Area::Region),
        M49Level::Subregion => country.subregion().map(M49Area::Subregion),
        M49Level::IntermediateRegion => country.intermediate_region().map(M49Area::IntermediateRegion),
    }
}

const YEAR_BIAS: i64 = 1 << 20;

fn year_code(year: i32) -> u32 {
    u32::try_from(i64::from(year) + YEAR_BIAS).unwrap_or(0)
}

fn year_of_code(code: u32) -> i32 {
    i32::try_from(i64::from(code) - YEAR_BIAS).unwrap_or(0)
}

/// The error for text that names no [`Dimension`] or [`By`].
///
/// ```
/// let e = "planet".parse::<statecraft::aggregate::By>().unwrap_err();
/// assert_eq!(
///     e.to_string(),
///     "unknown dimension `planet`: expected recipient, donor, region, subregion, intermediate-region, stage, year or month, or two of them joined by a comma"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown dimension `{input}`: expected recipient, donor, region, subregion, intermediate-region, stage, year or month, or two of them joined by a comma"
)]
pub struct ParseDimensionError {
    input: Excerpt,
}

impl FromStr for Dimension {
    type Err = ParseDimensionError;

    /// Reads a dimension's [`name`](Dimension::name), except `group`, which
    /// needs its groups (see [`Dimension::group`]).
    ///
    /// # Errors
    ///
    /// [`ParseDimensionError`] quoting the input.
    fn from_str(s: &str) -> Result<Dimension, ParseDimensionError> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "recipient" => Dimension::Recipient,
            "donor" => Dimension::Donor,
            "region" => Dimension::Region,
            "subregion" => Dimension::Subregion,
            "intermediate-region" => Dimension::IntermediateRegion,
            "stage" => Dimension::Stage,
            "year" => Dimension::Year,
            "month" => Dimension::Month,
            _ => return Err(ParseDimensionError { input: Excerpt::new(s) }),
        })
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What totals are grouped by: one [`Dimension`], or a pair (recipient and
/// year, donor and stage, ...).
///
/// ```
/// use statecraft::aggregate::By;
/// use statecraft::Dimension;
///
/// let by: By = "recipient,year".parse()?;
/// assert_eq!(by, By::pair(Dimension::Recipient, Dimension::Year));
/// assert_eq!(by.names().collect::<Vec<_>>(), ["recipient", "year"]);
/// assert_eq!(By::from(Dimension::Stage).to_string(), "stage");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct By {
    first: Dimension,
    second: Option<Dimension>,
    /// For a pair whose keys fit a dense table: the number of keys of the
    /// second dimension, the stride of the first.
    stride: Option<u64>,
}

impl By {
    /// Grouped by one dimension.
    pub fn new(dimension: Dimension) -> By {
        By {
            first: dimension,
            second: None,
            stride: None,
        }
    }

    /// Grouped by a pair of dimensions.
    pub fn pair(first: Dimension, second: Dimension) -> By {
        let mut by = By {
            first,
            second: Some(second),
            stride: None,
        };
        if by.dense_len().is_some() {
            by.stride = by.second.as_ref().and_then(Dimension::cardinality);
        }
        by
    }

    /// The dimensions, in order.
    pub fn dimensions(&self) -> impl Iterator<Item = &Dimension> {
        std::iter::once(&self.first).chain(self.second.as_ref())
    }

    /// The column names, in order (`recipient`, `year`).
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.dimensions().map(Dimension::name)
    }

    /// The number of slots a dense table of keys needs, when it is small
    /// enough to allocate up front.
    pub(crate) fn dense_len(&self) -> Option<usize> {
        const MAX_DENSE: u64 = 1 << 16;
        let a = self.first.cardinality()?;
        let n = match &self.second {
            None => a,
            Some(second) => a.checked_mul(second.cardinality()?)?,
        };
        if n <= MAX_DENSE {
            usize::try_from(n).ok()
        } else {
            None
        }
    }

    /// The key of a flow's part going to `recipient`: a slot index when
    /// the keys are dense, else the two codes side by side. `donor` is the
    /// donor country's code (`country as u32`); a donor that is no country
    /// is keyed by [`key_of_country`](By::key_of_country) instead when
    /// [`uses_donor`](By::uses_donor).
    #[inline]
    pub(crate) fn code(&self, donor: u32, recipient: Country, stage: FundingStage, date: NaiveDate) -> u64 {
        let a = u64::from(self.first.code(donor, recipient, stage, date));
        match &self.second {
            None => a,
            Some(second) => self.combine(a, u64::from(second.code(donor, recipient, stage, date))),
        }
    }

    /// The code of a pair from the codes of its parts.
    #[inline]
    fn combine(&self, a: u64, b: u64) -> u64 {
        match self.stride {
            Some(n) => a * n + b,
            None => a << 32 | b,
        }
    }

    /// The code of `key`, when every part of it is coded (the inverse of
    /// [`decode`](By::decode)); `None` for a key with an area as it stands
    /// or a group no table names, which the aggregator keeps by key.
    pub(crate) fn encode(&self, key: &GroupKey) -> Option<u64> {
        let a = u64::from(self.first.encode(&key.first)?);
        match (&self.second, &key.second) {
            (None, None) => Some(a),
            (Some(second), Some(part)) => Some(self.combine(a, u64::from(second.encode(part)?))),
            _ => None,
        }
    }

    /// The key of a flow's part going to `recipient`, an area that is not
    /// one country (or, for `None`, no named recipient).
    pub(crate) fn key_of_area(
        &self,
        donor: &Actor,
        recipient: Option<&AreaRecipient>,
        stage: FundingStage,
        date: NaiveDate,
    ) -> GroupKey {
        GroupKey {
            first: self.first.part_of_area(donor, recipient, stage, date),
            second: self
                .second
                .as_ref()
                .map(|d| d.part_of_area(donor, recipient, stage, date)),
        }
    }

    /// The key of a flow's part going to the country `recipient`, for a
    /// donor of any kind.
    pub(crate) fn key_of_country(
        &self,
        donor: &Actor,
        recipient: Country,
        stage: FundingStage,
        date: NaiveDate,
    ) -> GroupKey {
        GroupKey {
            first: self.first.part_of_country(donor, recipient, stage, date),
            second: self
                .second
                .as_ref()
                .map(|d| d.part_of_country(donor, recipient, stage, date)),
        }
    }

    /// Whether keys depend on the value date (by year or month, or by
    /// groups whose membership is dated).
    pub(crate) fn uses_date(&self) -> bool {
        self.dimensions().any(Dimension::uses_date)
    }

    /// Whether one of the dimensions is the donor.
    pub(crate) fn uses_donor(&self) -> bool {
        self.dimensions().any(|d| *d == Dimension::Donor)
    }

    /// The table of a group dimension whose groups cannot be told on some
    /// days: a flow to a country then cannot be keyed.
    pub(crate) fn groups_with_gaps(&self) -> Option<Arc<GroupTable>> {
        self.dimensions().find_map(|d| match d {
            Dimension::Group(t) if t.has_unknown() => Some(t.clone()),
            _ => None,
        })
    }

    /// The key that `code` stands for.
    pub(crate) fn decode(&self, code: u64) -> Option<GroupKey> {
        match &self.second {
            None => Some(GroupKey {
                first: self.first.decode(u32::try_from(code).ok()?)?,
                second: None,
            }),
            Some(second) => {
                let (a, b) = match self.stride {
                    Some(n) if n > 0 => (code / n, code % n),
                    _ => (code >> 32, code & u64::from(u32::MAX)),
                };
                Some(GroupKey {
                    first: self.first.decode(u32::try_from(a).ok()?)?,
                    second: Some(second.decode(u32::try_from(b).ok()?)?),
                })
            }
        }
    }
}

impl From<Dimension> for By {
    fn from(d: Dimension) -> By {
        By::new(d)
    }
}

impl FromStr for By {
    type Err = ParseDimensionError;

    /// Reads one dimension name or two joined by a comma
    /// (`recipient,year`).
    ///
    /// # Errors
    ///
    /// [`ParseDimensionError`] quoting the input.
    fn from_str(s: &str) -> Result<By, ParseDimensionError> {
        let err = || ParseDimensionError { input: Excerpt::new(s) };
        match s.split_once(',') {
            None => s.parse().map(By::new).map_err(|_| err()),
            Some((a, b)) => Ok(By::pair(a.parse().map_err(|_| err())?, b.parse().map_err(|_| err())?)),
        }
    }
}

impl fmt::Display for By {
    /// The column names joined by a comma, which [`FromStr`] reads back
    /// (except for groups).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.first.name())?;
        if let Some(second) = &self.second {
            write!(f, ",{}", second.name())?;
        }
        Ok(())
    }
}

/// One part of a [`GroupKey`].
///
/// Parts order as their dimension does: countries by code, actors that
/// are no country (organisations, as donors or recipients; groups acting
/// jointly) by kind and id, M49 areas and groups by name
/// ([`Ungrouped`](KeyPart::Ungrouped) last), stages in lifecycle order, years and months in time; areas as they stand come
/// after the countries, sub-regions and groups they do not fall in, and
/// [`Unnamed`](KeyPart::Unnamed) last.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum KeyPart {
    /// A recipient or donor country.
    Country(Country),
    /// A donor that is not a country: an organisation (an IATI one the
    /// registry does not know, by its identifier), a group; or an
    /// organisation as recipient.
    Actor(Actor),
    /// A UN M49 area (of the level of the dimension).
    M49(M49Area),
    /// A named group.
    Group(Arc<str>),
    /// Countries in no named group, or in no M49 area of the dimension's
    /// level (Antarctica; by intermediate region, most countries).
    Ungrouped,
    /// A stage.
    Stage(FundingStage),
    /// A year.
    Year(i32),
    /// A month of a year.
    Month(YearMonth),
    /// A recipient that is not one country, as it stands: a group, an M49
    /// area or the world, never split among its countries.
    Area(Area),
    /// Several recipients named together without shares, as they stand
    /// (sorted, at least two): areas and organisations.
    Areas(Arc<[Receiver]>),
    /// No recipient named.
    Unnamed,
    /// The stage of vaccine doses.
    DoseStage(DoseStage),
    /// A code or identifier as its source writes it, not resolved to the
    /// crate's countries, areas or organisations: the keys of IATI totals
    /// (a recipient `GT`, `998` or `region:1:298`, an organisation ref
    /// `GB-GOV-1`, a year `2021`, or `unspecified`), in the spelling of
    /// `iati_reference.py`. Codes order by their characters.
    Code(Arc<str>),
}

impl KeyPart {
    /// The part of a donor: a country as [`KeyPart::Country`], any other
    /// actor as [`KeyPart::Actor`].
    pub fn donor(donor: &Actor) -> KeyPart {
        match donor {
            Actor::Country(c) => KeyPart::Country(*c),
            other => KeyPart::Actor(other.clone()),
        }
    }

    /// The part as `dossier` names it, for a reader: a country by its
    /// everyday name, an area with the dossier's own group names
    /// ([`Dossier::area_name`]), anything else as `Display` writes it.
    ///
    /// ```
    /// use statecraft::aggregate::KeyPart;
    /// use statecraft::model::GroupId;
    /// use statecraft::{Area, Country, CountryGroup, Dossier};
    ///
    /// let dossier = Dossier::new().with(CountryGroup::new("nt", "Triángulo Norte", [Country::GT, Country::HN, Country::SV])?);
    /// let nt = KeyPart::Area(Area::Group(GroupId::new("nt")?));
    /// assert_eq!(nt.to_string(), "nt");
    /// assert_eq!(nt.name_in(&dossier), "Triángulo Norte");
    /// assert_eq!(KeyPart::Country(Country::GT).name_in(&dossier), "Guatemala");
    /// assert_eq!(KeyPart::Areas(vec![Country::MX.into(), Area::World.into()].into()).name_in(&dossier), "Mexico + the world");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name_in(&self, dossier: &Dossier) -> String {
        match self {
            KeyPart::Country(c) => c.common_name().to_string(),
            KeyPart::Actor(a) => dossier.actor_name(a),
            KeyPart::Area(a) => dossier.area_name(a),
            KeyPart::Areas(areas) => areas
                .iter()
                .map(|a| dossier.receiver_name(a))
                .collect::<Vec<_>>()
                .join(" + "),
            other => other.to_string(),
        }
    }
}

impl fmt::Display for KeyPart {
    /// `GT`, a donor that is no country by its name (`UNICEF`, `G7`, an
    /// unknown IATI organisation by its identifier), `Central America`,
    /// `Northern Triangle`, `(ungrouped)`,
    /// `committed`, `2021`, `2021-06`; an area as it stands by its name
    /// (`Northern Triangle`, `the world`; a group the crate does not build
    /// in, by its id), several as `GT + Northern Triangle`, `(unnamed)`;
    /// dose stages as `announced`; a code as written (`region:1:298`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyPart::Country(c) => write!(f, "{c}"),
            KeyPart::Actor(a) => write!(f, "{a}"),
            KeyPart::M49(a) => write!(f, "{a}"),
            KeyPart::Group(name) => f.write_str(name),
            KeyPart::Ungrouped => f.write_str("(ungrouped)"),
            KeyPart::Stage(s) => write!(f, "{s}"),
            KeyPart::Year(y) => write!(f, "{y}"),
            KeyPart::Month(m) => write!(f, "{m}"),
            KeyPart::Area(a) => write_area(f, a),
            KeyPart::Areas(areas) => {
                for (i, a) in areas.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" + ")?;
                    }
                    match a {
                        Receiver::Area(area) => write_area(f, area)?,
                        other => write!(f, "{other}")?,
                    }
                }
                Ok(())
            }
            KeyPart::Unnamed => f.write_str("(unnamed)"),
            KeyPart::DoseStage(s) => write!(f, "{s}"),
            KeyPart::Code(code) => f.write_str(code),
        }
    }
}

/// An area in a key: a country by its code, as [`KeyPart::Country`]
/// writes it, anything else by its name.
fn write_area(f: &mut fmt::Formatter<'_>, area: &Area) -> fmt::Result {
    match area {
        Area::Country(c) => write!(f, "{c}"),
        other => write!(f, "{other}"),
    }
}

/// The key of one group of totals: one part per dimension of the
/// [`By`].
///
/// ```
/// use statecraft::aggregate::{GroupKey, KeyPart};
/// use statecraft::Country;
///
/// let k = GroupKey::new(KeyPart::Country(Country::GT), Some(KeyPart::Year(2021)));
/// assert_eq!(k.to_string(), "GT,2021");
/// assert_eq!(k.parts().count(), 2);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GroupKey {
    first: KeyPart,
    second: Option<KeyPart>,
}

impl GroupKey {
    /// A key of one part, or two.
    pub fn new(first: KeyPart, second: Option<KeyPart>) -> GroupKey {
        GroupKey { first, second }
    }

    /// The part of the first dimension.
    pub fn first(&self) -> &KeyPart {
        &self.first
    }

    /// The part of the second dimension, for a pair.
    pub fn second(&self) -> Option<&KeyPart> {
        self.second.as_ref()
    }

    /// The parts, in order.
    pub fn parts(&self) -> impl Iterator<Item = &KeyPart> {
        std::iter::once(&self.first).chain(self.second.as_ref())
    }
}

impl fmt::Display for GroupKey {
    /// The parts joined by a comma.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.first)?;
        if let Some(second) = &self.second {
            write!(f, ",{second}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// One dimension of each kind, a group of three countries among them.
    fn every_dimension() -> [Dimension; 9] {
        let nt = Dimension::group(&[("Northern Triangle", vec![Country::GT, Country::HN, Country::SV])]);
        [
            Dimension::Recipient,
            Dimension::Donor,
            Dimension::Region,
            Dimension::Subregion,
            Dimension::IntermediateRegion,
            nt,
            Dimension::Stage,
            Dimension::Year,
            Dimension::Month,
        ]
    }

    #[test]
    fn codes_decode_to_their_keys() {
        let dims = every_dimension();
        let m49 = |a: Option<M49Area>| a.map_or(KeyPart::Ungrouped, KeyPart::M49);
        for (date, recipient) in [
            (day(2021, 6, 7), Country::GT),
            (day(-44, 3, 15), Country::MX),
            (day(2021, 6, 7), Country::FR),
            (day(2021, 6, 7), Country::AQ),
        ] {
            for a in &dims {
                for b in dims.iter().map(Some).chain([None]) {
                    let by = match b {
                        Some(b) => By::pair(a.clone(), b.clone()),
                        None => By::new(a.clone()),
                    };
                    let code = by.code(Country::US as u32, recipient, FundingStage::Committed, date);
                    let key = by.decode(code).unwrap();
                    let expect = |d: &Dimension| match d {
                        Dimension::Recipient => KeyPart::Country(recipient),
                        Dimension::Donor => KeyPart::Country(Country::US),
                        Dimension::Region => m49(recipient.region().map(M49Area::from)),
                        Dimension::Subregion => m49(recipient.subregion().map(M49Area::from)),
                        Dimension::IntermediateRegion => m49(recipient.intermediate_region().map(M49Area::from)),
                        Dimension::Group(_) if recipient == Country::GT => KeyPart::Group("Northern Triangle".into()),
                        Dimension::Group(_) => KeyPart::Ungrouped,
                        Dimension::Stage => KeyPart::Stage(FundingStage::Committed),
                        Dimension::Year => KeyPart::Year(date.year()),
                        Dimension::Month => KeyPart::Month(YearMonth::of(date)),
                    };
                    assert_eq!(key.first(), &expect(a), "{by}");
                    assert_eq!(key.second(), b.map(expect).as_ref(), "{by}");
                }
            }
        }
    }

    #[test]
    fn group_names_are_sorted_and_the_first_listing_wins() {
        let groups = [
            ("Northern Triangle", vec![Country::GT, Country::HN, Country::SV]),
            (
                "Central America",
                vec![Country::GT, Country::BZ, Country::CR, Country::PA],
            ),
        ];
        let d = Dimension::group(&groups);
        let Dimension::Group(t) = &d else { panic!() };
        assert_eq!(t.names().collect::<Vec<_>>(), ["Central America", "Northern Triangle"]);
        let day = NaiveDate::MAX;
        assert_eq!(t.index_on(Country::GT, day), 1);
        assert_eq!(t.index_on(Country::BZ, day), 0);
        assert_eq!(t.index_on(Country::FR, day), 2);
        let closure = Dimension::group(&|c: Country| (c == Country::GT).then_some("Guatemala alone"));
        let Dimension::Group(t) = &closure else { panic!() };
        assert_eq!((t.index_on(Country::GT, day), t.index_on(Country::FR, day)), (0, 1));
        assert_eq!(closure.decode(0), Some(KeyPart::Group("Guatemala alone".into())));
        assert_eq!(closure.decode(1), Some(KeyPart::Ungrouped));
    }

    #[test]
    fn country_groups_of_the_model_group_too() {
        let d = Dimension::group(CountryGroup::builtin());
        let by = By::new(d);
        let code = by.code(
            Country::US as u32,
            Country::HN,
            FundingStage::Committed,
            day(2021, 6, 7),
        );
        assert_eq!(by.decode(code).unwrap().to_string(), "Northern Triangle");
        let nt = CountryGroup::find("northern-triangle").unwrap();
        assert_eq!(nt.group_of(Country::SV), Some("Northern Triangle"));
        assert_eq!(nt.group_of(Country::MX), None);
    }

    #[test]
    fn parse_errors_are_pinned() {
        let msg = |s: &str| s.parse::<By>().unwrap_err().to_string();
        let tail = "expected recipient, donor, region, subregion, intermediate-region, stage, year or month, or two of them joined by a comma";
        assert_eq!(msg("group"), format!("unknown dimension `group`: {tail}"));
        assert_eq!(msg("recipient,"), format!("unknown dimension `recipient,`: {tail}"));
        assert_eq!(msg("a,b,c"), format!("unknown dimension `a,b,c`: {tail}"));
        assert_eq!(" Year ".parse::<By>().unwrap(), By::new(Dimension::Year));
        for s in [
            "recipient",
            "donor,stage",
            "month,subregion",
            "region",
            "intermediate-region,year",
        ] {
            assert_eq!(s.parse::<By>().unwrap().to_string(), s);
        }
    }

    #[test]
    fn keys_encode_back_to_their_codes() {
        let dims = every_dimension();
        let days = [
            day(2021, 6, 7),
            day(-44, 3, 15),
            NaiveDate::MIN,
            NaiveDate::MAX,
            day(2021, 6, 7),
        ];
        for a in &dims {
            for b in dims.iter().map(Some).chain([None]) {
                let by = match b {
                    Some(b) => By::pair(a.clone(), b.clone()),
                    None => By::new(a.clone()),
                };
                for (&date, recipient) in
                    days.iter()
                        .zip([Country::GT, Country::MX, Country::FR, Country::SV, Country::AQ])
                {
                    let code = by.code(Country::US as u32, recipient, FundingStage::Reduced, date);
                    let key = by.decode(code).unwrap();
                    assert_eq!(by.encode(&key), Some(code), "{by} {key}");
                }
            }
        }
        let by = By::new(Dimension::Year);
        assert_eq!(by.encode(&GroupKey::new(KeyPart::Year(i32::MIN), None)), None);
        assert_eq!(
            by.encode(&GroupKey::new(KeyPart::Year(2021), Some(KeyPart::Year(2021)))),
            None
        );
        let by = By::new(Dimension::Recipient);
        assert_eq!(by.encode(&GroupKey::new(KeyPart::Area(Area::World), None)), None);
        assert_eq!(
            by.encode(&GroupKey::new(KeyPart::M49(IntermediateRegion::Caribbean.into()), None)),
            None
        );
        let by = By::new(Dimension::Subregion);
        assert_eq!(
            by.encode(&GroupKey::new(KeyPart::M49(IntermediateRegion::Caribbean.into()), None)),
            None
        );
        let by = By::new(Dimension::group(&[("Northern Triangle", [Country::GT])]));
        assert_eq!(by.encode(&GroupKey::new(KeyPart::Group("SICA".into()), None)), None);
        assert_eq!(by.encode(&GroupKey::new(KeyPart::Ungrouped, None)), Some(1));
    }

    #[test]
    fn areas_take_the_key_their_countries_share_or_stand_as_they_are() {
        use crate::model::GroupId;
        use crate::Dossier;
        let dossier = Dossier::new();
        let area = |areas: Vec<Receiver>| {
            AreaRecipient::resolve(&dossier, areas, day(2021, 6, 7))
                .unwrap()
                .unwrap()
        };
        let nt = Area::Group(GroupId::new("northern-triangle").unwrap());
        let groups = Dimension::group(&[("Triangle", vec![Country::GT, Country::HN, Country::SV])]);
        let part = |d: &Dimension, r: Option<&AreaRecipient>| {
            d.part_of_area(&Actor::Country(Country::US), r, FundingStage::Pledged, day(2021, 6, 7))
                .to_string()
        };
        let lac = "Latin America and the Caribbean";
        let ca = IntermediateRegion::CentralAmerica;
        let cases = [
            (
                vec![nt.clone()],
                ["Northern Triangle", lac, "Central America", "Northern Triangle"],
            ),
            (
                vec![Area::from(Country::GT), Area::from(Country::HN)],
                ["GT + HN", lac, "Central America", "Triangle"],
            ),
            (
                vec![Area::from(Country::FR), Area::from(Country::DE)],
                ["DE + FR", "Western Europe", "(ungrouped)", "(ungrouped)"],
            ),
            (
                vec![Area::from(Country::GT), Area::from(Country::MX)],
                ["GT + MX", lac, "Central America", "GT + MX"],
            ),
            (
                vec![Area::from(Country::GT), Area::from(Country::CU)],
                ["CU + GT", lac, "CU + GT", "CU + GT"],
            ),
            (
                vec![Area::from(Country::GT), Area::from(Country::US)],
                ["GT + US", "GT + US", "GT + US", "GT + US"],
            ),
            (
                vec![Area::from(ca)],
                ["Central America", lac, "Central America", "Central America"],
            ),
            (
                vec![Area::from(Subregion::LatinAmericaAndTheCaribbean)],
                [lac, lac, lac, lac],
            ),
            (vec![Area::World], ["the world", "the world", "the world", "the world"]),
            (
                vec![Area::Group(GroupId::new("nowhere").unwrap())],
                ["nowhere", "nowhere", "nowhere", "nowhere"],
            ),
        ];
        let gavi = Receiver::from(crate::model::OrganisationId::new("gavi").unwrap());
        let iati = Receiver::from(crate::org::OrgRef::new("XM-DAC-99999").unwrap());
        let cases = cases
            .into_iter()
            .map(|(areas, keys)| (areas.into_iter().map(Receiver::from).collect(), keys))
            .chain([
                // An organisation stands for no country: its own key by
                // every recipient dimension, alone or beside countries.
                (vec![gavi.clone()], ["Gavi", "Gavi", "Gavi", "Gavi"]),
                (
                    vec![iati],
                    ["XM-DAC-99999", "XM-DAC-99999", "XM-DAC-99999", "XM-DAC-99999"],
                ),
                (
                    vec![gavi.clone(), Receiver::from(Country::GT), Receiver::from(Country::HN)],
                    ["GT + HN + Gavi", "GT + HN + Gavi", "GT + HN + Gavi", "GT + HN + Gavi"],
                ),
                (vec![gavi, Receiver::from(nt.clone())], ["Northern Triangle + Gavi"; 4]),
            ]);
        for (areas, [by_recipient, by_subregion, by_intermediate, by_group]) in cases {
            let r = area(areas);
            assert_eq!(part(&Dimension::Recipient, Some(&r)), by_recipient, "{r}");
            assert_eq!(part(&Dimension::Subregion, Some(&r)), by_subregion, "{r}");
            assert_eq!(part(&Dimension::IntermediateRegion, Some(&r)), by_intermediate, "{r}");
            assert_eq!(part(&groups, Some(&r)), by_group, "{r}");
            assert_eq!(part(&Dimension::Donor, Some(&r)), "US");
            assert_eq!(part(&Dimension::Stage, Some(&r)), "pledged");
            assert_eq!(part(&Dimension::Month, Some(&r)), "2021-06");
        }
        for d in [
            Dimension::Recipient,
            Dimension::Region,
            Dimension::Subregion,
            Dimension::IntermediateRegion,
            groups,
        ] {
            assert_eq!(
                d.part_of_area(
                    &Actor::Country(Country::US),
                    None,
                    FundingStage::Pledged,
                    day(2021, 6, 7)
                ),
                KeyPart::Unnamed
            );
        }
        assert_eq!(part(&Dimension::Year, None), "2021");
    }

    #[test]
    fn new_key_parts_display_and_order() {
        let areas: Arc<[Receiver]> = Arc::from([
            Receiver::from(Country::GT),
            Receiver::from(IntermediateRegion::Caribbean),
            Receiver::from(crate::model::OrganisationId::new("gavi").unwrap()),
        ]);
        assert_eq!(KeyPart::Areas(areas.clone()).to_string(), "GT + Caribbean + Gavi");
        assert_eq!(KeyPart::Area(Area::World).to_string(), "the world");
        assert_eq!(KeyPart::Unnamed.to_string(), "(unnamed)");
        assert_eq!(KeyPart::DoseStage(DoseStage::Delivered).to_string(), "delivered");
        let mut parts = [
            KeyPart::Unnamed,
            KeyPart::Areas(areas),
            KeyPart::Area(Area::World),
            KeyPart::Ungrouped,
            KeyPart::Country(Country::MX),
        ];
        parts.sort();
        assert_eq!(parts.first(), Some(&KeyPart::Country(Country::MX)));
        assert_eq!(parts.last(), Some(&KeyPart::Unnamed));
    }

    #[test]
    fn dense_tables_only_for_small_known_key_sets() {
        assert_eq!(By::new(Dimension::Recipient).dense_len(), Some(250));
        assert_eq!(
            By::pair(Dimension::Recipient, Dimension::Donor).dense_len(),
            Some(62_500)
        );
        assert_eq!(By::new(Dimension::Year).dense_len(), None);
        assert_eq!(By::pair(Dimension::Stage, Dimension::Month).dense_len(), None);
    }
}
