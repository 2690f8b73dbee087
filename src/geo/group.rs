//! `CountryGroup`: a named set of countries, as data.

use std::borrow::Cow;
use std::fmt;

use crate::slug::{self, ParseIdError};
use crate::Country;

/// A named set of countries that reports treat as one: the Northern
/// Triangle (Guatemala, Honduras, El Salvador), the G7, the EU.
///
/// Groups are data, not code: a dossier defines the groups it needs (see
/// `Dossier::group`), and a few well-known ones come built in
/// ([`CountryGroup::builtin`]). Areas of the UN M49 standard are not
/// groups; they are [`M49Area`](crate::M49Area)s (regions, sub-regions,
/// intermediate regions).
///
/// Members are kept sorted by alpha-2 code, without repeats. A group may be
/// empty (a dossier can name a group it has not filled in yet); validation
/// reports an empty group that receives funding.
///
/// ```
/// use statecraft::{Country, CountryGroup};
///
/// let nt = CountryGroup::find("northern-triangle").ok_or("no such group")?;
/// assert_eq!(nt.name(), "Northern Triangle");
/// assert_eq!(nt.members(), &[Country::GT, Country::HN, Country::SV]);
/// assert!(nt.contains(Country::HN));
///
/// let mine = CountryGroup::new("andean", "Andean Community", [Country::PE, Country::BO, Country::CO, Country::EC])?;
/// assert_eq!(mine.members(), &[Country::BO, Country::CO, Country::EC, Country::PE]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CountryGroup {
    id: Cow<'static, str>,
    name: Cow<'static, str>,
    members: Cow<'static, [Country]>,
}

/// The groups that come built in, with sorted members.
///
/// Membership changes over time; each group holds its members on the date
/// its documentation gives.
const BUILTIN: &[CountryGroup] = &[
    CountryGroup::constant(
        "northern-triangle",
        "Northern Triangle",
        &[Country::GT, Country::HN, Country::SV],
    ),
    CountryGroup::constant(
        "sica",
        "Central American Integration System",
        &[
            Country::BZ,
            Country::CR,
            Country::DO,
            Country::GT,
            Country::HN,
            Country::NI,
            Country::PA,
            Country::SV,
        ],
    ),
    CountryGroup::constant(
        "g7",
        "G7",
        &[
            Country::CA,
            Country::DE,
            Country::FR,
            Country::GB,
            Country::IT,
            Country::JP,
            Country::US,
        ],
    ),
    CountryGroup::constant(
        "eu",
        "European Union",
        &[
            Country::AT,
            Country::BE,
            Country::BG,
            Country::CY,
            Country::CZ,
            Country::DE,
            Country::DK,
            Country::EE,
            Country::ES,
            Country::FI,
            Country::FR,
            Country::GR,
            Country::HR,
            Country::HU,
            Country::IE,
            Country::IT,
            Country::LT,
            Country::LU,
            Country::LV,
            Country::MT,
            Country::NL,
            Country::PL,
            Country::PT,
            Country::RO,
            Country::SE,
            Country::SI,
            Country::SK,
        ],
    ),
];

impl CountryGroup {
    /// A group with an id (a slug such as `northern-triangle`), a name and
    /// its members, in any order and with any repeats.
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
    /// assert_eq!(g.members(), &[Country::GT, Country::MX]);
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
        let mut members: Vec<Country> = members.into_iter().collect();
        members.sort_unstable();
        members.dedup();
        Ok(CountryGroup {
            id: Cow::Owned(id.to_string()),
            name: Cow::Owned(name.into()),
            members: Cow::Owned(members),
        })
    }

    /// A built-in group; `members` must be sorted and the id a slug (a
    /// test checks every built-in group).
    const fn constant(id: &'static str, name: &'static str, members: &'static [Country]) -> CountryGroup {
        CountryGroup {
            id: Cow::Borrowed(id),
            name: Cow::Borrowed(name),
            members: Cow::Borrowed(members),
        }
    }

    /// The groups that come with the crate:
    ///
    /// | id | name | members |
    /// | --- | --- | --- |
    /// | `northern-triangle` | Northern Triangle | GT, HN, SV |
    /// | `sica` | Central American Integration System | BZ, CR, DO, GT, HN, NI, PA, SV (its eight member states) |
    /// | `g7` | G7 | CA, DE, FR, GB, IT, JP, US |
    /// | `eu` | European Union | the 27 member states since 2020-02-01 |
    ///
    /// ```
    /// let ids: Vec<&str> = statecraft::CountryGroup::builtin().iter().map(|g| g.id()).collect();
    /// assert_eq!(ids, ["northern-triangle", "sica", "g7", "eu"]);
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

    /// The members, sorted by alpha-2 code.
    pub fn members(&self) -> &[Country] {
        &self.members
    }

    /// Whether `country` is a member.
    pub fn contains(&self, country: Country) -> bool {
        self.members.binary_search(&country).is_ok()
    }

    /// Whether the group has no member.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

impl fmt::Display for CountryGroup {
    /// The name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.name)
    }
}

/// The serde form: `{"id": "northern-triangle", "name": "Northern
/// Triangle", "members": ["GT", "HN", "SV"]}`.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, rename = "CountryGroup")]
struct GroupRepr<I> {
    id: I,
    name: String,
    members: Vec<Country>,
}

/// A group id read through the slug grammar.
struct GroupId(String);

impl<'de> serde::Deserialize<'de> for GroupId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<GroupId, D::Error> {
        let s = String::deserialize(d)?;
        slug::parse(&s).map_err(serde::de::Error::custom)?;
        Ok(GroupId(s))
    }
}

impl serde::Serialize for CountryGroup {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        GroupRepr {
            id: self.id(),
            name: self.name().to_string(),
            members: self.members().to_vec(),
        }
        .serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for CountryGroup {
    /// Reads the serde form; the id must be a slug, and the members are
    /// sorted and deduplicated as [`CountryGroup::new`] does.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<CountryGroup, D::Error> {
        let repr = GroupRepr::<GroupId>::deserialize(crate::serde_strict::Strict(d))?;
        CountryGroup::new(&repr.id.0, repr.name, repr.members).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_groups_are_well_formed() {
        let mut ids = std::collections::BTreeSet::new();
        for g in CountryGroup::builtin() {
            assert_eq!(slug::check(g.id()), Ok(()), "{}", g.id());
            assert!(ids.insert(g.id()), "{} twice", g.id());
            assert!(g.members().windows(2).all(|w| w[0] < w[1]), "{} unsorted", g.id());
            assert!(!g.is_empty());
            let rebuilt = CountryGroup::new(g.id(), g.name(), g.members().iter().rev().copied()).unwrap();
            assert_eq!(&rebuilt, g);
        }
        assert_eq!(CountryGroup::find("eu").unwrap().members().len(), 27);
        assert!(!CountryGroup::find("eu").unwrap().contains(Country::GB));
    }

    #[test]
    fn serde_round_trips_and_normalises_members() {
        let json = r#"{"id":"nt","name":"NT","members":["SV","GT","HN","GT"]}"#;
        let g: CountryGroup = serde_json::from_str(json).unwrap();
        assert_eq!(g.members(), &[Country::GT, Country::HN, Country::SV]);
        let back = serde_json::to_string(&g).unwrap();
        assert_eq!(back, r#"{"id":"nt","name":"NT","members":["GT","HN","SV"]}"#);
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
                "unknown field `size`, expected one of `id`, `name`, `members` at line 1 column 42",
            ),
        ];
        for (json, msg) in errors {
            assert_eq!(serde_json::from_str::<CountryGroup>(json).unwrap_err().to_string(), msg);
        }
    }
}
