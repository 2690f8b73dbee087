//! `Area`: a country, a group of countries, a region, or the world.

use std::fmt;

use super::GroupId;
use crate::{Country, CountryGroup, Subregion};

crate::serde_strict::strict_serde!(Area);

/// Where money, doses or an initiative go, or where a figure comes from: a
/// country, a group of countries (the Northern Triangle), a UN M49
/// sub-region (Central America), or the whole world.
///
/// In the JSON format: `{"country": "GT"}`, `{"group":
/// "northern-triangle"}`, `{"subregion": "Central America"}`, `"world"`.
/// A group is named by id and resolved by the dossier (its own groups
/// first, then the built-in ones).
///
/// ```
/// use statecraft::{Area, Country, GroupId, Subregion};
///
/// let gt = Area::from(Country::GT);
/// assert_eq!(gt.to_string(), "Guatemala");
/// let nt = Area::Group(GroupId::new("northern-triangle")?);
/// assert_eq!(nt.to_string(), "Northern Triangle");
/// assert_eq!(Area::from(Subregion::CentralAmerica).to_string(), "Central America");
/// assert_eq!(serde_json::to_string(&nt)?, r#"{"group":"northern-triangle"}"#);
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
    /// A UN M49 sub-region.
    Subregion(Subregion),
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

impl From<Subregion> for Area {
    fn from(r: Subregion) -> Area {
        Area::Subregion(r)
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
    /// groups), the name of a sub-region, or "the world".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Area::Country(c) => f.pad(c.common_name()),
            Area::Group(g) => match CountryGroup::find(g.as_str()) {
                Some(group) => f.pad(group.name()),
                None => f.pad(g.as_str()),
            },
            Area::Subregion(r) => f.pad(r.name()),
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
                Area::Subregion(Subregion::CentralAmerica),
                r#"{"subregion":"Central America"}"#,
            ),
            (Area::World, r#""world""#),
        ];
        for (area, json) in cases {
            assert_eq!(serde_json::to_string(&area).unwrap(), json);
            assert_eq!(serde_json::from_str::<Area>(json).unwrap(), area);
        }
        let e = serde_json::from_str::<Area>(r#"{"continent":"Americas"}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "unknown variant `continent`, expected one of `country`, `group`, `subregion`, `world` at line 1 column 12"
        );
    }
}
