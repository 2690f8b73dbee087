//! `Area`: a country, a group of countries, a region, an area a dossier
//! declares, or the world.

use std::fmt;

use super::{AreaId, GroupId};
use crate::geo::DacRegion;
use crate::geo::{IntermediateRegion, M49Area, Region, Subregion};
use crate::slug;
use crate::{Country, CountryGroup};

crate::serde_strict::strict_serde!(DeclaredArea);

/// Where money, doses or an initiative go, or where a figure comes from: a
/// country, a group of countries (the Northern Triangle, on a date), a UN
/// M49 area of any level (the Americas, Latin America and the Caribbean,
/// Central America), an OECD DAC recipient region (IATI's
/// `recipient-region`, vocabulary 1: "South of Sahara, regional"), an area
/// the dossier declares with its member countries ("South and Southeast
/// Asia"), or the whole world.
///
/// Every area but a DAC region knows its member countries
/// (`Dossier::countries_in`); the DAC publishes no member list for its
/// regions, so a DAC region is a recipient of its own, never read as its
/// countries.
///
/// In the JSON format: `{"country": "GT"}` (or the bare code `"GT"`),
/// `{"group": "northern-triangle"}`, `{"m49": "Central America"}` (an M49
/// area by name or code, any level), `{"dac-region": "289"}` (by code or
/// name), `{"declared": "south-asia"}`, `"world"`. A group or declared
/// area is named by id and resolved by the dossier (a group: its own
/// first, then the built-in ones). Files of format 1 wrote `{"subregion":
/// "Central America"}`; it still loads, as the same M49 area (there an
/// intermediate region).
///
/// ```
/// use statecraft::geo::{IntermediateRegion, M49Area};
/// use statecraft::model::GroupId;
/// use statecraft::{Area, Country};
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
/// assert_eq!(serde_json::from_str::<Area>(r#""GT""#)?, gt);
/// let sahara: Area = serde_json::from_str(r#"{"dac-region": "289"}"#)?;
/// assert_eq!(sahara.to_string(), "South of Sahara, regional");
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
    /// An OECD DAC recipient region, by code.
    DacRegion(DacRegion),
    /// An area the dossier declares, by id.
    Declared(AreaId),
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

impl From<DacRegion> for Area {
    fn from(r: DacRegion) -> Area {
        Area::DacRegion(r)
    }
}

impl From<AreaId> for Area {
    fn from(a: AreaId) -> Area {
        Area::Declared(a)
    }
}

impl serde::Serialize for Area {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // The derived (inherent) function.
        Area::serialize(self, s)
    }
}

impl<'de> serde::Deserialize<'de> for Area {
    /// A one-key object or `"world"`, as the derive reads them (through
    /// `serde_strict`), or a bare country code.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Area, D::Error> {
        struct AreaVisitor;

        impl<'de> serde::de::Visitor<'de> for AreaVisitor {
            type Value = Area;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an area: a country code, \"world\" or an object naming its kind")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Area, E> {
                match v {
                    "world" => Ok(Area::World),
                    code => code.parse().map(Area::Country).map_err(E::custom),
                }
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Area, A::Error> {
                Area::deserialize(crate::serde_strict::Strict(
                    serde::de::value::MapAccessDeserializer::new(map),
                ))
            }
        }

        d.deserialize_any(AreaVisitor)
    }
}

/// An area a dossier declares: a name and its member countries ("South
/// and Southeast Asia"; "the Pacific Islands"), for a figure the source
/// gives for a region no list has.
///
/// In the JSON format: `{"id": "south-asia", "name": "South and Southeast
/// Asia", "members": ["IN", "NP", "BD"]}`. Members are kept sorted by
/// alpha-2 code, without repeats.
///
/// ```
/// use statecraft::model::DeclaredArea;
/// use statecraft::Country;
///
/// let a = DeclaredArea::new("andes", "The Andes", [Country::PE, Country::BO, Country::PE])?;
/// assert_eq!(a.members(), [Country::BO, Country::PE]);
/// assert_eq!(a.to_string(), "The Andes");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct DeclaredArea {
    id: AreaId,
    name: String,
    #[serde(deserialize_with = "sorted_countries")]
    members: Vec<Country>,
}

fn sorted_countries<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Country>, D::Error> {
    let mut members = <Vec<Country> as serde::Deserialize>::deserialize(d)?;
    members.sort_unstable();
    members.dedup();
    Ok(members)
}

impl DeclaredArea {
    /// An area with an id (a slug), a name and its members, in any order
    /// and with any repeats.
    ///
    /// # Errors
    ///
    /// [`ParseIdError`](crate::model::ParseIdError) when `id` is not a slug.
    pub fn new(
        id: &str,
        name: impl Into<String>,
        members: impl IntoIterator<Item = Country>,
    ) -> Result<DeclaredArea, crate::model::ParseIdError> {
        slug::parse(id)?;
        let mut members: Vec<Country> = members.into_iter().collect();
        members.sort_unstable();
        members.dedup();
        Ok(DeclaredArea {
            id: AreaId::new(id)?,
            name: name.into(),
            members,
        })
    }

    /// The id.
    pub fn id(&self) -> &AreaId {
        &self.id
    }

    /// The name: "South and Southeast Asia".
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
}

impl fmt::Display for DeclaredArea {
    /// The name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.name)
    }
}

impl fmt::Display for Area {
    /// The everyday name of a country, the name of a built-in group (the id
    /// of any other, and of a declared area: use `Dossier::area_name` for
    /// the dossier's own), the name of an M49 area or DAC region, or "the
    /// world".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Area::Country(c) => f.pad(c.common_name()),
            Area::Group(g) => match CountryGroup::find(g.as_str()) {
                Some(group) => f.pad(group.name()),
                None => f.pad(g.as_str()),
            },
            Area::M49(a) => f.pad(a.name()),
            Area::DacRegion(r) => f.pad(r.name()),
            Area::Declared(a) => f.pad(a.as_str()),
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
            (
                Area::DacRegion(DacRegion::SouthOfSaharaRegional),
                r#"{"dac-region":"289"}"#,
            ),
            (
                Area::Declared(AreaId::new("south-asia").unwrap()),
                r#"{"declared":"south-asia"}"#,
            ),
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
                "unknown variant `continent`, expected one of `country`, `group`, `m49`, `subregion`, `dac-region`, `declared`, `world` at line 1 column 12",
            ),
            (
                r#"{"m49":"Atlantis"}"#,
                "unknown UN M49 area `Atlantis` at line 1 column 17",
            ),
            (r#"{"dac-region":"419"}"#, "unknown OECD DAC region `419` at line 1 column 19"),
            (r#""wrold""#, "unknown country `wrold` at line 1 column 7"),
            (
                "7",
                "invalid type: integer `7`, expected an area: a country code, \"world\" or an object naming its kind at line 1 column 1",
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

    #[test]
    fn declared_areas_sort_their_members_and_refuse_what_is_not_one() {
        let a: DeclaredArea =
            serde_json::from_str(r#"{"id": "pacific", "name": "Pacific Islands", "members": ["TO", "FJ", "TO"]}"#)
                .unwrap();
        assert_eq!(a.members(), [Country::FJ, Country::TO]);
        assert!(a.contains(Country::TO) && !a.contains(Country::AU));
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            r#"{"id":"pacific","name":"Pacific Islands","members":["FJ","TO"]}"#
        );
        let errors = [
            (
                r#"{"id": "Pacific", "name": "P", "members": []}"#,
                "invalid id `Pacific`: `P` is not a lowercase letter, digit or hyphen at line 1 column 16",
            ),
            (
                r#"{"id": "p", "name": "P", "members": ["XX"]}"#,
                "unknown country `XX` at line 1 column 41",
            ),
            (
                r#"{"id": "p", "name": "P"}"#,
                "missing field `members` at line 1 column 24",
            ),
        ];
        for (json, msg) in errors {
            assert_eq!(
                serde_json::from_str::<DeclaredArea>(json).unwrap_err().to_string(),
                msg,
                "{json}"
            );
        }
    }
}
