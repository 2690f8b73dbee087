//! `CountryGroup`: a named set of countries with dated membership, as
//! data.

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;

use super::group_table::BUILTIN;
use crate::serde_str::IsoDate;
use crate::slug::{self, ParseIdError};
use crate::{Country, Excerpt};

/// A named set of countries that reports treat as one: the Northern
/// Triangle (Guatemala, Honduras, El Salvador), the G7, the EU.
///
/// Membership is dated: each [`Membership`] has a first and a last day,
/// either open, and a group may have a start of its recorded history
/// (the EU's is 1993-11-01, when the Maastricht Treaty founded it).
/// Membership is asked for on a date ([`CountryGroup::members_on`],
/// [`CountryGroup::contains_on`]); a date before the recorded history is
/// an error ([`GroupDateError`]), not "not a member": the group's members
/// then are not known.
///
/// Groups are data, not code: a dossier defines the groups it needs (see
/// `Dossier::group`), and a few well-known ones come built in
/// ([`CountryGroup::builtin`], generated from `data/groups.csv`, where
/// every date cites its source). Areas of the UN M49 standard are not
/// groups; they are [`M49Area`](crate::geo::M49Area)s.
///
/// A group may be empty (a dossier can name a group it has not filled in
/// yet); validation reports an empty group that receives funding.
///
/// ```
/// use statecraft::{Country, CountryGroup, NaiveDate};
///
/// let d = |s: &str| s.parse::<NaiveDate>();
/// let eu = CountryGroup::find("eu").ok_or("no such group")?;
/// assert!(eu.contains_on(Country::GB, d("2020-01-31")?)?);
/// assert!(!eu.contains_on(Country::GB, d("2020-02-01")?)?);
/// assert!(!eu.contains_on(Country::HR, d("2013-06-30")?)?);
/// assert_eq!(eu.members_on(d("2021-06-13")?)?.len(), 27);
/// assert_eq!(eu.members_on(d("2019-06-13")?)?.len(), 28);
/// let e = eu.members_on(d("1990-01-01")?).unwrap_err();
/// assert_eq!(e.to_string(), "1990-01-01 is before the recorded history of group `eu` (from 1993-11-01)");
///
/// let nt = CountryGroup::find("northern-triangle").ok_or("no such group")?;
/// assert_eq!(nt.members(), [Country::GT, Country::HN, Country::SV]);
///
/// let mine = CountryGroup::new("andean", "Andean Community", [Country::PE, Country::BO, Country::CO, Country::EC])?;
/// assert_eq!(mine.members(), [Country::BO, Country::CO, Country::EC, Country::PE]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CountryGroup {
    id: Cow<'static, str>,
    name: Cow<'static, str>,
    since: Option<NaiveDate>,
    /// Sorted by country, then first day.
    memberships: Cow<'static, [Membership]>,
}

/// One country's membership of a [`CountryGroup`], from its first day to
/// its last, both included; an open first day is the start of the
/// group's recorded history, an open last day means still a member.
///
/// ```
/// use statecraft::{Country, NaiveDate};
/// use statecraft::geo::Membership;
///
/// let uk = Membership::new(Country::GB).until("2020-01-31".parse()?);
/// assert!(uk.covers("2020-01-31".parse()?));
/// assert!(!uk.covers("2020-02-01".parse()?));
/// assert_eq!(uk.to_string(), "GB until 2020-01-31");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Membership {
    country: Country,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
}

impl Membership {
    /// `country`, a member for the whole of the group's recorded history.
    pub fn new(country: Country) -> Membership {
        Membership {
            country,
            from: None,
            until: None,
        }
    }

    /// A built-in membership (the generated table's).
    pub(super) const fn constant(country: Country, from: Option<NaiveDate>, until: Option<NaiveDate>) -> Membership {
        Membership { country, from, until }
    }

    /// The same membership, starting on `date` (its first day).
    #[must_use]
    pub fn from(mut self, date: NaiveDate) -> Membership {
        self.from = Some(date);
        self
    }

    /// The same membership, ending on `date` (its last day).
    #[must_use]
    pub fn until(mut self, date: NaiveDate) -> Membership {
        self.until = Some(date);
        self
    }

    /// The member.
    pub fn country(&self) -> Country {
        self.country
    }

    /// The first day, when it is not the start of the group's recorded
    /// history.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.from
    }

    /// The last day, or `None` while the country is a member.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.until
    }

    /// Whether `date` falls within the membership, both ends included.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

impl fmt::Display for Membership {
    /// `GB`, `HR from 2013-07-01`, `GB until 2020-01-31`, `RU from
    /// 1997-06-20 until 2014-03-23`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.country)?;
        if let Some(from) = self.from {
            write!(f, " from {from}")?;
        }
        if let Some(until) = self.until {
            write!(f, " until {until}")?;
        }
        Ok(())
    }
}

/// Why a group's membership could not be told on a date: the date is
/// before the group's recorded history.
///
/// ```
/// use statecraft::{Country, CountryGroup};
///
/// let g7 = CountryGroup::find("g7").ok_or("no such group")?;
/// let e = g7.contains_on(Country::CA, "1970-01-01".parse()?).unwrap_err();
/// assert_eq!((e.group(), e.since().to_string()), ("g7", "1975-11-15".to_string()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{date} is before the recorded history of group `{group}` (from {since})")]
pub struct GroupDateError {
    group: Excerpt,
    date: NaiveDate,
    since: NaiveDate,
}

impl GroupDateError {
    /// `date` is before the recorded history of `group` (its id), which
    /// begins on `since`.
    pub(crate) fn new(group: &str, date: NaiveDate, since: NaiveDate) -> GroupDateError {
        GroupDateError {
            group: Excerpt::new(group),
            date,
            since,
        }
    }

    /// The group's id.
    pub fn group(&self) -> &str {
        self.group.as_str()
    }

    /// The date asked about.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The first day of the group's recorded history.
    pub fn since(&self) -> NaiveDate {
        self.since
    }
}

/// Why memberships do not make a group.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MembershipError {
    /// A membership that ends before it starts.
    #[error("membership of {country} ends on {until}, before it starts on {from}")]
    EndsBeforeStart {
        /// The member.
        country: Country,
        /// The first day given.
        from: NaiveDate,
        /// The last day given.
        until: NaiveDate,
    },
    /// A membership that starts, or ends, before the group's recorded
    /// history.
    #[error("membership of {country} is dated {date}, before the group's recorded history (from {since})")]
    BeforeHistory {
        /// The member.
        country: Country,
        /// The date given.
        date: NaiveDate,
        /// The first day of the recorded history.
        since: NaiveDate,
    },
    /// Two memberships of one country that share a day.
    #[error("memberships of {country} overlap: {first} and {second}")]
    Overlap {
        /// The member.
        country: Country,
        /// The earlier membership.
        first: Membership,
        /// The later one.
        second: Membership,
    },
}

impl CountryGroup {
    /// A group with an id (a slug such as `northern-triangle`), a name and
    /// its members for the whole of its (unbounded) recorded history, in
    /// any order and with any repeats.
    ///
    /// # Errors
    ///
    /// [`ParseIdError`] when `id` is not a slug: lowercase ASCII letters
    /// and digits joined by single hyphens, at most 64 characters.
    ///
    /// ```
    /// use statecraft::{Country, CountryGroup};
    ///
    /// let g = CountryGroup::new("pair", "A pair", [Country::MX, Country::GT, Country::MX])?;
    /// assert_eq!(g.members(), [Country::GT, Country::MX]);
    /// let e = CountryGroup::new("Pair", "A pair", []).unwrap_err();
    /// assert_eq!(e.to_string(), "invalid id `Pair`: `P` is not a lowercase letter, digit or hyphen");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: &str,
        name: impl Into<String>,
        members: impl IntoIterator<Item = Country>,
    ) -> Result<CountryGroup, ParseIdError> {
        slug::parse(id)?;
        let mut memberships: Vec<Membership> = members.into_iter().map(Membership::new).collect();
        memberships.sort_unstable();
        memberships.dedup();
        Ok(CountryGroup {
            id: Cow::Owned(id.to_string()),
            name: Cow::Owned(name.into()),
            since: None,
            memberships: Cow::Owned(memberships),
        })
    }

    /// A group with dated memberships and, when given, the first day of
    /// its recorded history.
    ///
    /// # Errors
    ///
    /// [`DatedGroupError`] when `id` is not a slug, a membership ends
    /// before it starts or is dated before the recorded history, or two
    /// memberships of one country share a day.
    ///
    /// ```
    /// use statecraft::{Country, CountryGroup, NaiveDate};
    /// use statecraft::geo::Membership;
    ///
    /// let d = |s: &str| s.parse::<NaiveDate>();
    /// let quad = CountryGroup::dated("quad", "Quad", Some(d("2007-05-25")?), [
    ///     Membership::new(Country::US), Membership::new(Country::JP), Membership::new(Country::IN),
    ///     Membership::new(Country::AU).until(d("2008-02-05")?),
    ///     Membership::new(Country::AU).from(d("2017-11-12")?),
    /// ])?;
    /// assert_eq!(quad.members_on(d("2010-01-01")?)?, [Country::IN, Country::JP, Country::US]);
    /// assert_eq!(quad.members().len(), 4);
    /// let e = CountryGroup::dated("x", "X", Some(d("2007-05-25")?), [Membership::new(Country::US).from(d("2000-01-01")?)]).unwrap_err();
    /// assert_eq!(e.to_string(), "membership of US is dated 2000-01-01, before the group's recorded history (from 2007-05-25)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn dated(
        id: &str,
        name: impl Into<String>,
        since: Option<NaiveDate>,
        memberships: impl IntoIterator<Item = Membership>,
    ) -> Result<CountryGroup, DatedGroupError> {
        slug::parse(id)?;
        let mut memberships: Vec<Membership> = memberships.into_iter().collect();
        memberships.sort_unstable();
        memberships.dedup();
        check_memberships(since, &memberships)?;
        Ok(CountryGroup {
            id: Cow::Owned(id.to_string()),
            name: Cow::Owned(name.into()),
            since,
            memberships: Cow::Owned(memberships),
        })
    }

    /// A built-in group; memberships sorted and well formed, the id a slug
    /// (a test checks every built-in group).
    pub(super) const fn constant(
        id: &'static str,
        name: &'static str,
        since: Option<NaiveDate>,
        memberships: &'static [Membership],
    ) -> CountryGroup {
        CountryGroup {
            id: Cow::Borrowed(id),
            name: Cow::Borrowed(name),
            since,
            memberships: Cow::Borrowed(memberships),
        }
    }

    /// The groups that come with the crate, each membership dated and
    /// sourced in `data/groups.csv`:
    ///
    /// | id | name | members | recorded from |
    /// | --- | --- | --- | --- |
    /// | `northern-triangle` | Northern Triangle | GT, HN, SV | (always) |
    /// | `sica` | Central American Integration System | BZ, CR, DO, GT, HN, NI, PA, SV | 2013-06-27, when the Dominican Republic became a full member |
    /// | `g7` | G7 | FR, US, GB, DE, JP, IT; CA from 1976-06-27 | 1975-11-15 (Rambouillet) |
    /// | `g8` | G8 | the G7's seven; RU until 2014-03-23 | 1997-06-20 (Denver) |
    /// | `eu` | European Union | the twelve of 1993, each enlargement since (1995, 2004, 2007, 2013); GB until 2020-01-31 | 1993-11-01 (Maastricht) |
    ///
    /// ```
    /// let ids: Vec<&str> = statecraft::CountryGroup::builtin().iter().map(|g| g.id()).collect();
    /// assert_eq!(ids, ["northern-triangle", "sica", "g7", "g8", "eu"]);
    /// ```
    pub fn builtin() -> &'static [CountryGroup] {
        BUILTIN
    }

    /// The built-in group with this id.
    ///
    /// ```
    /// use statecraft::CountryGroup;
    ///
    /// assert_eq!(CountryGroup::find("g7").map(|g| g.members().len()), Some(7));
    /// assert!(CountryGroup::find("g20").is_none());
    /// ```
    pub fn find(id: &str) -> Option<&'static CountryGroup> {
        BUILTIN.iter().find(|g| g.id == id)
    }

    /// The id: `"northern-triangle"`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The name: `"Northern Triangle"`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The first day of the recorded history, when the group has one.
    pub fn since(&self) -> Option<NaiveDate> {
        self.since
    }

    /// Every membership, by country and first day.
    pub fn memberships(&self) -> &[Membership] {
        &self.memberships
    }

    /// The members now, as recorded: the countries whose membership has
    /// not ended, sorted by alpha-2 code.
    pub fn members(&self) -> Vec<Country> {
        let mut out: Vec<Country> = self
            .memberships
            .iter()
            .filter(|m| m.until.is_none())
            .map(|m| m.country)
            .collect();
        out.dedup();
        out
    }

    /// The members on `date`, sorted by alpha-2 code.
    ///
    /// # Errors
    ///
    /// [`GroupDateError`] when `date` is before the group's recorded
    /// history.
    pub fn members_on(&self, date: NaiveDate) -> Result<Vec<Country>, GroupDateError> {
        self.check_date(date)?;
        let mut out: Vec<Country> = self
            .memberships
            .iter()
            .filter(|m| m.covers(date))
            .map(|m| m.country)
            .collect();
        out.dedup();
        Ok(out)
    }

    /// Whether `country` is a member now, as recorded.
    pub fn contains(&self, country: Country) -> bool {
        self.memberships_of(country).any(|m| m.until.is_none())
    }

    /// Whether `country` was a member on `date`.
    ///
    /// # Errors
    ///
    /// [`GroupDateError`] when `date` is before the group's recorded
    /// history.
    pub fn contains_on(&self, country: Country, date: NaiveDate) -> Result<bool, GroupDateError> {
        self.check_date(date)?;
        Ok(self.memberships_of(country).any(|m| m.covers(date)))
    }

    /// Whether membership changes over time: some membership has a first
    /// or last day.
    pub fn is_dated(&self) -> bool {
        self.memberships.iter().any(|m| m.from.is_some() || m.until.is_some())
    }

    /// The days on which membership changes: each first day, and each day
    /// after a last day, sorted, without repeats.
    pub fn changes(&self) -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = self
            .memberships
            .iter()
            .flat_map(|m| m.from.into_iter().chain(m.until.and_then(|u| u.succ_opt())))
            .collect();
        days.sort_unstable();
        days.dedup();
        days
    }

    /// Whether the group has no member at any time.
    pub fn is_empty(&self) -> bool {
        self.memberships.is_empty()
    }

    fn memberships_of(&self, country: Country) -> impl Iterator<Item = &Membership> {
        let start = self.memberships.partition_point(|m| m.country < country);
        self.memberships
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(move |m| m.country == country)
    }

    /// `Ok` unless `date` is before the recorded history.
    pub fn check_date(&self, date: NaiveDate) -> Result<(), GroupDateError> {
        match self.since {
            Some(since) if date < since => Err(GroupDateError {
                group: Excerpt::new(&self.id),
                date,
                since,
            }),
            _ => Ok(()),
        }
    }
}

/// The memberships of one group, sorted, checked: each in order, within
/// the recorded history, none overlapping another of its country.
fn check_memberships(since: Option<NaiveDate>, memberships: &[Membership]) -> Result<(), MembershipError> {
    for m in memberships {
        if let (Some(from), Some(until)) = (m.from, m.until) {
            if until < from {
                return Err(MembershipError::EndsBeforeStart {
                    country: m.country,
                    from,
                    until,
                });
            }
        }
        if let Some(since) = since {
            if let Some(date) = m.from.or(m.until).filter(|d| *d < since) {
                return Err(MembershipError::BeforeHistory {
                    country: m.country,
                    date,
                    since,
                });
            }
        }
    }
    for pair in memberships.windows(2) {
        if let [a, b] = pair {
            // Sorted by first day (open first): b starts after a ends.
            let apart = a.until.is_some_and(|u| b.from.is_some_and(|f| u < f));
            if a.country == b.country && !apart {
                return Err(MembershipError::Overlap {
                    country: a.country,
                    first: *a,
                    second: *b,
                });
            }
        }
    }
    Ok(())
}

/// Why a dated group could not be made: its id, or its memberships.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DatedGroupError {
    /// The id is not a slug.
    #[error(transparent)]
    Id(#[from] ParseIdError),
    /// The memberships are not well formed.
    #[error(transparent)]
    Membership(#[from] MembershipError),
}

impl fmt::Display for CountryGroup {
    /// The name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.name)
    }
}

/// The serde form: `{"id": "quad", "name": "Quad", "since": "2007-05-25",
/// "members": ["US", "JP", {"country": "AU", "from": "2017-11-12"}]}`: a
/// member is a country code (a member for the whole recorded history) or
/// an object with `country` and an optional `from` and `until`; `since` is
/// optional.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, rename = "CountryGroup")]
struct GroupRepr<I> {
    id: I,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    since: Option<IsoDate>,
    members: Vec<MemberRepr>,
}

/// A member as the format writes it: a code, or an object with dates.
enum MemberRepr {
    Always(Country),
    Dated(DatedMember),
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, rename = "Membership")]
struct DatedMember {
    country: Country,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<IsoDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    until: Option<IsoDate>,
}

impl serde::Serialize for MemberRepr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            MemberRepr::Always(c) => c.serialize(s),
            MemberRepr::Dated(m) => m.serialize(s),
        }
    }
}

impl<'de> serde::Deserialize<'de> for MemberRepr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<MemberRepr, D::Error> {
        struct MemberVisitor;

        impl<'de> serde::de::Visitor<'de> for MemberVisitor {
            type Value = MemberRepr;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a country code or a membership with `country`, `from` and `until`")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<MemberRepr, E> {
                v.parse().map(MemberRepr::Always).map_err(E::custom)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<MemberRepr, A::Error> {
                DatedMember::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(MemberRepr::Dated)
            }
        }

        d.deserialize_any(MemberVisitor)
    }
}

use serde::Deserialize as _;

impl serde::Serialize for CountryGroup {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        GroupRepr {
            id: self.id(),
            name: self.name().to_string(),
            since: self.since.map(IsoDate),
            members: self
                .memberships
                .iter()
                .map(|m| match (m.from, m.until) {
                    (None, None) => MemberRepr::Always(m.country),
                    (from, until) => MemberRepr::Dated(DatedMember {
                        country: m.country,
                        from: from.map(IsoDate),
                        until: until.map(IsoDate),
                    }),
                })
                .collect(),
        }
        .serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for CountryGroup {
    /// Reads the serde form; the id must be a slug, memberships are
    /// sorted and deduplicated as [`CountryGroup::dated`] does, and
    /// refused as it refuses them.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<CountryGroup, D::Error> {
        const FIELDS: &[&str] = &["id", "name", "since", "members"];
        crate::serde_strict::checked(d, "CountryGroup", FIELDS, |repr: GroupRepr<slug::Slug>| {
            let memberships = repr.members.into_iter().map(|m| match m {
                MemberRepr::Always(c) => Membership::new(c),
                MemberRepr::Dated(m) => Membership {
                    country: m.country,
                    from: m.from.map(NaiveDate::from),
                    until: m.until.map(NaiveDate::from),
                },
            });
            CountryGroup::dated(&repr.id.0, repr.name, repr.since.map(NaiveDate::from), memberships)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn builtin_groups_are_well_formed() {
        let mut ids = std::collections::BTreeSet::new();
        for g in CountryGroup::builtin() {
            assert_eq!(slug::check(g.id()), Ok(()), "{}", g.id());
            assert!(ids.insert(g.id()), "{} twice", g.id());
            assert!(g.memberships().windows(2).all(|w| w[0] < w[1]), "{} unsorted", g.id());
            assert!(!g.is_empty());
            let rebuilt =
                CountryGroup::dated(g.id(), g.name(), g.since(), g.memberships().iter().rev().copied()).unwrap();
            assert_eq!(&rebuilt, g);
        }
        let eu = CountryGroup::find("eu").unwrap();
        assert_eq!(eu.members().len(), 27);
        assert!(!eu.contains(Country::GB));
        assert_eq!(eu.members_on(d("1993-11-01")).unwrap().len(), 12);
        assert_eq!(eu.members_on(d("1995-01-01")).unwrap().len(), 15);
        assert_eq!(eu.members_on(d("2004-05-01")).unwrap().len(), 25);
        assert_eq!(eu.members_on(d("2007-01-01")).unwrap().len(), 27);
        assert_eq!(eu.members_on(d("2013-07-01")).unwrap().len(), 28);
        assert_eq!(eu.members_on(d("2020-02-01")).unwrap().len(), 27);
        assert_eq!(
            eu.changes(),
            [
                d("1995-01-01"),
                d("2004-05-01"),
                d("2007-01-01"),
                d("2013-07-01"),
                d("2020-02-01")
            ]
        );
        let g8 = CountryGroup::find("g8").unwrap();
        assert!(g8.contains_on(Country::RU, d("2014-03-23")).unwrap());
        assert!(!g8.contains_on(Country::RU, d("2014-03-24")).unwrap());
        assert!(g8.contains_on(Country::RU, d("1997-06-20")).unwrap());
        assert!(g8.contains_on(Country::RU, d("1997-06-19")).is_err());
        let g7 = CountryGroup::find("g7").unwrap();
        assert!(!g7.contains_on(Country::CA, d("1975-11-15")).unwrap());
        assert!(g7.contains_on(Country::CA, d("1976-06-27")).unwrap());
        assert!(!g7.contains(Country::RU));
        let nt = CountryGroup::find("northern-triangle").unwrap();
        assert_eq!(nt.members_on(NaiveDate::MIN).unwrap(), nt.members());
        assert!(!nt.is_dated() && eu.is_dated());
    }

    #[test]
    fn memberships_are_checked() {
        let gb = Membership::new(Country::GB);
        let cases = [
            (
                vec![gb.from(d("2000-01-02")).until(d("2000-01-01"))],
                None,
                "membership of GB ends on 2000-01-01, before it starts on 2000-01-02",
            ),
            (
                vec![gb.until(d("1990-01-01"))],
                Some(d("1993-11-01")),
                "membership of GB is dated 1990-01-01, before the group's recorded history (from 1993-11-01)",
            ),
            (
                vec![gb.until(d("2000-01-01")), gb.from(d("2000-01-01"))],
                None,
                "memberships of GB overlap: GB until 2000-01-01 and GB from 2000-01-01",
            ),
            (
                vec![gb, gb.from(d("2000-01-01"))],
                None,
                "memberships of GB overlap: GB and GB from 2000-01-01",
            ),
        ];
        for (list, since, msg) in cases {
            assert_eq!(CountryGroup::dated("x", "X", since, list).unwrap_err().to_string(), msg);
        }
        let ok = CountryGroup::dated("x", "X", None, [gb.until(d("2000-01-01")), gb.from(d("2000-01-02"))]).unwrap();
        assert!(ok.contains_on(Country::GB, d("2000-01-01")).unwrap());
        assert!(ok.contains_on(Country::GB, d("2000-01-02")).unwrap());
        assert_eq!(ok.members(), [Country::GB]);
    }

    #[test]
    fn serde_round_trips_and_normalises_members() {
        let json = r#"{"id":"nt","name":"NT","members":["SV","GT","HN","GT"]}"#;
        let g: CountryGroup = serde_json::from_str(json).unwrap();
        assert_eq!(g.members(), [Country::GT, Country::HN, Country::SV]);
        let back = serde_json::to_string(&g).unwrap();
        assert_eq!(back, r#"{"id":"nt","name":"NT","members":["GT","HN","SV"]}"#);
        let dated =
            r#"{"id":"quad","name":"Quad","since":"2007-05-25","members":[{"country":"AU","from":"2017-11-12"},"US"]}"#;
        let g: CountryGroup = serde_json::from_str(dated).unwrap();
        assert_eq!(serde_json::to_string(&g).unwrap(), dated);
        assert!(g.contains_on(Country::AU, d("2017-11-12")).unwrap());
        let errors = [
            (
                r#"{"id":"NT","name":"NT","members":[]}"#,
                "invalid id `NT`: `N` is not a lowercase letter, digit or hyphen at line 1 column 10",
            ),
            (
                r#"{"id":"nt","name":"NT","members":["XX"]}"#,
                "unknown country `XX` at line 1 column 38",
            ),
            (
                r#"{"id":"nt","name":"NT","members":[],"size":3}"#,
                "unknown field `size`, expected one of `id`, `name`, `since`, `members` at line 1 column 42",
            ),
            (
                r#"{"id":"nt","name":"NT","members":[{"country":"GT","form":"2000-01-01"}]}"#,
                "unknown field `form`, expected one of `country`, `from`, `until` at line 1 column 56",
            ),
            (
                r#"{"id":"nt","name":"NT","since":"2000-01-01","members":[{"country":"GT","until":"1999-12-31"}]}"#,
                "membership of GT is dated 1999-12-31, before the group's recorded history (from 2000-01-01) at line 1 column 94",
            ),
            (
                r#"{"id":"nt","name":"NT","members":[7]}"#,
                "invalid type: integer `7`, expected a country code or a membership with `country`, `from` and `until` at line 1 column 35",
            ),
        ];
        for (json, msg) in errors {
            assert_eq!(
                serde_json::from_str::<CountryGroup>(json).unwrap_err().to_string(),
                msg,
                "{json}"
            );
        }
    }
}
