//! `Area`: a country, a group of countries, a region, or the world.

use std::fmt;

use super::GroupId;
use crate::{Country, CountryGroup, IntermediateRegion, M49Area, Region, Subregion};

crate::serde_strict::strict_serde!(Area);

/// Where money, doses or an initiative go, or where a figure comes from: a
/// country, a group of countries (the Northern Triangle), a UN M49 area of
/// any level (the Americas, Latin America and the Caribbean, Central
/// America), or the whole world.
///
/// In the JSON format: `{"country": "GT"}`, `{"group":
/// "northern-triangle"}`, `{"m49": "Central America"}` (an M49 area by
/// name or code, any level), `"world"`. A group is named by id and
/// resolved by the dossier (its own groups first, then the built-in ones).
/// Files of format 1 wrote `{"subregion": "Central America"}`; it still
/// loads, as the same M49 area (there an intermediate region).
///
/// ```
/// use statecraft::{Area, Country, GroupId, IntermediateRegion, M49Area};
///
/// let gt = Area::from(Country::GT);
/// assert_eq!(gt.to_string(), "Guatemala");
/// let nt = Area::Group(GroupId::new("northern-triangle")?);
/// assert_eq!(nt.to_string(), "Northern Triangle");
/// let ca = Area::from(IntermediateRegion::CentralAmerica);
/// assert_eq!(ca.to_string(), "Central America");
/// assert_eq!(serde_json::to_string(&nt)?, r#"{"group":"northern-triangle"}"#);
/// assert_eq!(serde_json::to_string(&ca)?, r#"{"m49":"Central America"}"#);
/// assert_eq!(serde_json::from_str::<Area>(r#"{"subregion":"Central America"}"#)?, ca);
/// assert_eq!(serde_json::from_str::<Area>(r#"{"m49":"013"}"#)?, ca);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Area {
    /// One country.
    Country(Country),
    /// A group of countries, by id.
    Group(GroupId),
    /// A UN M49 area: a region, a sub-region or an intermediate region
    /// (or the world, which [`Area::World`] also is). Read from
    /// `{"m49": ...}`, or from `{"subregion": ...}` as format 1 wrote it.
    #[serde(alias = "subregion")]
    M49(M49Area),
    /// Every country.
    World,
}

impl Area {
    /// The country, when the area is one.
    pub fn as_country(&self) -> Option<Country> {
        match self {
            Area::Country(c) => Some(*c),
            _ => None,
        }
    }
}

impl From<Country> for Area {
    fn from(c: Country) -> Area {
        Area::Country(c)
    }
}

impl From<M49Area> for Area {
    fn from(a: M49Area) -> Area {
        Area::M49(a)
    }
}

impl From<Region> for Area {
    fn from(r: Region) -> Area {
        Area::M49(M49Area::Region(r))
    }
}

impl From<Subregion> for Area {
    fn from(s: Subregion) -> Area {
        Area::M49(M49Area::Subregion(s))
    }
}

impl From<IntermediateRegion> for Area {
    fn from(i: IntermediateRegion) -> Area {
        Area::M49(M49Area::IntermediateRegion(i))
    }
}

impl From<GroupId> for Area {
    fn from(g: GroupId) -> Area {
        Area::Group(g)
    }
}

impl fmt::Display for Area {
    /// The everyday name of a country, the name of a built-in group (the id
    /// of any other: use `Dossier::area_name` for the dossier's own
    /// groups), the name of an M49 area, or "the world".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Area::Country(c) => f.pad(c.common_name()),
            Area::Group(g) => match CountryGroup::find(g.as_str()) {
                Some(group) => f.pad(group.name()),
                None => f.pad(g.as_str()),
            },
            Area::M49(a) => f.pad(a.name()),
            Area::World => f.pad("the world"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_forms() {
        let cases = [
            (Area::Country(Country::GT), r#"{"country":"GT"}"#),
            (
                Area::from(IntermediateRegion::CentralAmerica),
                r#"{"m49":"Central America"}"#,
            ),
            (
                Area::from(Subregion::LatinAmericaAndTheCaribbean),
                r#"{"m49":"Latin America and the Caribbean"}"#,
            ),
            (Area::World, r#""world""#),
        ];
        for (area, json) in cases {
            assert_eq!(serde_json::to_string(&area).unwrap(), json);
            assert_eq!(serde_json::from_str::<Area>(json).unwrap(), area);
        }
        // Format 1 wrote sub-regions, and intermediate regions, as `subregion`.
        for (json, area) in [
            (
                r#"{"subregion":"Central America"}"#,
                Area::from(IntermediateRegion::CentralAmerica),
            ),
            (
                r#"{"subregion":"Western Europe"}"#,
                Area::from(Subregion::WesternEurope),
            ),
            (r#"{"m49":"419"}"#, Area::from(Subregion::LatinAmericaAndTheCaribbean)),
        ] {
            assert_eq!(serde_json::from_str::<Area>(json).unwrap(), area, "{json}");
        }
        let errors = [
            (
                r#"{"continent":"Americas"}"#,
                "unknown variant `continent`, expected one of `country`, `group`, `m49`, `subregion`, `world` at line 1 column 12",
            ),
            (
                r#"{"m49":"Atlantis"}"#,
                "unknown UN M49 area `Atlantis` at line 1 column 17",
            ),
        ];
        for (json, msg) in errors {
            assert_eq!(
                serde_json::from_str::<Area>(json).unwrap_err().to_string(),
                msg,
                "{json}"
            );
        }
    }
}
