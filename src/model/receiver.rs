//! `Receiver`: who receives money or doses: an area, or an organisation.

use std::fmt;

use super::{Actor, Area, AreaId, GroupId, OrganisationId};
use crate::geo::DacRegion;
use crate::geo::{IntermediateRegion, M49Area, Region, Subregion};
use crate::org::OrgRef;
use crate::Country;

/// Who receives money or doses: an [`Area`] (a country, a group, a UN M49
/// area, an OECD DAC region, an area the dossier declares, the world) or
/// an organisation (Gavi, COVAX, UNICEF, one the dossier declares, or one
/// known only by its IATI organisation identifier).
///
/// A funding entry's [`FundingRecipient`](crate::model::FundingRecipient)s, a vaccine
/// allocation's recipient and a tranche's recipient are receivers. An
/// organisation received the money or doses itself ("an initial $2bn to
/// Gavi"); one that only passes them on is a channel (funding `via`, a
/// pledge's [`DoseChannel`](crate::model::DoseChannel)). An organisation stands for no
/// country: summaries never read it as its members or its seat (see
/// [`Dimension`](crate::Dimension)), and rules that look at the countries
/// of a recipient leave it out (`docs/RULES.md`).
///
/// In the JSON format a receiver is written as an [`Area`] is (`"GT"`,
/// `{"country": "GT"}`, `{"m49": "Central America"}`, `"world"`, ...), or
/// as an organisation is in an [`Actor`]: `{"organisation": "gavi"}`
/// (the dossier's own organisation of that id first, then a built-in
/// one), `{"iati": "XM-DAC-47122"}`.
///
/// ```
/// use statecraft::model::{OrganisationId, Receiver};
/// use statecraft::{Area, Country};
///
/// let gavi: Receiver = serde_json::from_str(r#"{"organisation": "gavi"}"#)?;
/// assert_eq!(gavi, Receiver::Organisation(OrganisationId::new("gavi")?));
/// assert_eq!(gavi.to_string(), "Gavi");
/// assert_eq!(gavi.as_area(), None);
///
/// let gt: Receiver = serde_json::from_str(r#""GT""#)?;
/// assert_eq!(gt, Receiver::from(Country::GT));
/// assert_eq!(gt.as_area(), Some(&Area::Country(Country::GT)));
/// assert_eq!(serde_json::to_string(&gt)?, r#"{"country":"GT"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Receiver {
    /// An area: a country, a group, a region, a declared area, the world.
    Area(Area),
    /// An organisation, by id: the dossier's own, else a built-in one.
    Organisation(OrganisationId),
    /// An organisation known only by its IATI organisation identifier,
    /// which no organisation of the registry or the dossier has.
    Iati(OrgRef),
}

impl Receiver {
    /// The area, when the receiver is one.
    pub fn as_area(&self) -> Option<&Area> {
        match self {
            Receiver::Area(a) => Some(a),
            _ => None,
        }
    }

    /// The country, when the receiver is one.
    pub fn as_country(&self) -> Option<Country> {
        self.as_area().and_then(Area::as_country)
    }

    /// The organisation's id, when the receiver is an organisation of the
    /// registry or the dossier.
    pub fn as_organisation(&self) -> Option<&OrganisationId> {
        match self {
            Receiver::Organisation(o) => Some(o),
            _ => None,
        }
    }

    /// The receiver as an [`Actor`], when it is an organisation (of the
    /// registry or the dossier, or known by its IATI identifier only):
    /// the same actor that gives or channels.
    ///
    /// ```
    /// use statecraft::model::{OrganisationId, Receiver};
    /// use statecraft::{Actor, Country};
    ///
    /// let unicef = Receiver::from(OrganisationId::new("unicef")?);
    /// assert_eq!(unicef.to_actor(), Some(Actor::Organisation(OrganisationId::new("unicef")?)));
    /// assert_eq!(Receiver::from(Country::GT).to_actor(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_actor(&self) -> Option<Actor> {
        match self {
            Receiver::Area(_) => None,
            Receiver::Organisation(o) => Some(Actor::Organisation(o.clone())),
            Receiver::Iati(r) => Some(Actor::Iati(r.clone())),
        }
    }
}

impl From<Area> for Receiver {
    fn from(a: Area) -> Receiver {
        Receiver::Area(a)
    }
}

impl From<OrganisationId> for Receiver {
    fn from(o: OrganisationId) -> Receiver {
        Receiver::Organisation(o)
    }
}

impl From<OrgRef> for Receiver {
    fn from(r: OrgRef) -> Receiver {
        Receiver::Iati(r)
    }
}

/// `From` for what makes an [`Area`], through it.
macro_rules! receiver_from_area {
    ($($ty:ty),*) => {
        $(impl From<$ty> for Receiver {
            fn from(x: $ty) -> Receiver {
                Receiver::Area(Area::from(x))
            }
        })*
    };
}

receiver_from_area!(
    Country,
    M49Area,
    Region,
    Subregion,
    IntermediateRegion,
    GroupId,
    DacRegion,
    AreaId
);

impl fmt::Display for Receiver {
    /// An area as [`Area`] writes it, an organisation as [`Actor`] does
    /// (a built-in one by its acronym or name, any other by its id or
    /// identifier: use `Dossier::receiver_name` for the dossier's own).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Receiver::Area(a) => fmt::Display::fmt(a, f),
            Receiver::Organisation(o) => fmt::Display::fmt(&Actor::Organisation(o.clone()), f),
            Receiver::Iati(r) => f.pad(r.as_str()),
        }
    }
}

/// The one-key objects a receiver is read from: [`Area`]'s and two of
/// [`Actor`]'s.
#[derive(serde::Deserialize)]
#[serde(rename_all = "kebab-case", rename = "Receiver")]
enum Form {
    Country(Country),
    Group(GroupId),
    #[serde(alias = "subregion")]
    M49(M49Area),
    DacRegion(DacRegion),
    Declared(AreaId),
    World,
    Organisation(OrganisationId),
    Iati(OrgRef),
}

impl From<Form> for Receiver {
    fn from(form: Form) -> Receiver {
        match form {
            Form::Country(c) => Receiver::Area(Area::Country(c)),
            Form::Group(g) => Receiver::Area(Area::Group(g)),
            Form::M49(a) => Receiver::Area(Area::M49(a)),
            Form::DacRegion(r) => Receiver::Area(Area::DacRegion(r)),
            Form::Declared(a) => Receiver::Area(Area::Declared(a)),
            Form::World => Receiver::Area(Area::World),
            Form::Organisation(o) => Receiver::Organisation(o),
            Form::Iati(r) => Receiver::Iati(r),
        }
    }
}

impl serde::Serialize for Receiver {
    /// An area in [`Area`]'s form (a country as `{"country": "GT"}`), an
    /// organisation as `{"organisation": "gavi"}` or `{"iati": "..."}`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Receiver::Area(a) => serde::Serialize::serialize(a, s),
            Receiver::Organisation(o) => s.serialize_newtype_variant("Receiver", 6, "organisation", o),
            Receiver::Iati(r) => s.serialize_newtype_variant("Receiver", 7, "iati", r),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Receiver {
    /// A bare country code or `"world"`, as [`Area`] reads them, or a
    /// one-key object naming the kind.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Receiver, D::Error> {
        struct ReceiverVisitor;

        impl<'de> serde::de::Visitor<'de> for ReceiverVisitor {
            type Value = Receiver;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a recipient: a country code, \"world\" or an object naming an area or an organisation")
            }

            /// As [`Area`] reads a string: a country code, or `"world"`.
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Receiver, E> {
                <Area as serde::Deserialize>::deserialize(serde::de::value::StrDeserializer::<E>::new(v))
                    .map(Receiver::Area)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Receiver, A::Error> {
                let form = <Form as serde::Deserialize>::deserialize(crate::serde_strict::Strict(
                    serde::de::value::MapAccessDeserializer::new(map),
                ))?;
                Ok(Receiver::from(form))
            }
        }

        d.deserialize_any(ReceiverVisitor)
    }
}

/// Writes a country as its bare code and any other receiver in its own
/// form: the form of a vaccine allocation's recipient, which format 1
/// wrote as a bare code.
pub(crate) fn serialize_bare_country<S: serde::Serializer>(receiver: &Receiver, s: S) -> Result<S::Ok, S::Error> {
    match receiver.as_country() {
        Some(c) => serde::Serialize::serialize(&c, s),
        None => serde::Serialize::serialize(receiver, s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_forms() {
        let org = |id: &str| Receiver::Organisation(OrganisationId::new(id).unwrap());
        let cases = [
            (Receiver::from(Country::GT), r#"{"country":"GT"}"#),
            (
                Receiver::from(GroupId::new("northern-triangle").unwrap()),
                r#"{"group":"northern-triangle"}"#,
            ),
            (
                Receiver::from(IntermediateRegion::CentralAmerica),
                r#"{"m49":"Central America"}"#,
            ),
            (
                Receiver::from(DacRegion::SouthOfSaharaRegional),
                r#"{"dac-region":"289"}"#,
            ),
            (
                Receiver::from(AreaId::new("south-asia").unwrap()),
                r#"{"declared":"south-asia"}"#,
            ),
            (Receiver::Area(Area::World), r#""world""#),
            (org("gavi"), r#"{"organisation":"gavi"}"#),
            (org("our-own-fund"), r#"{"organisation":"our-own-fund"}"#),
            (
                Receiver::Iati(OrgRef::new("GB-COH-213890").unwrap()),
                r#"{"iati":"GB-COH-213890"}"#,
            ),
        ];
        for (receiver, json) in cases {
            assert_eq!(serde_json::to_string(&receiver).unwrap(), json, "{receiver:?}");
            assert_eq!(serde_json::from_str::<Receiver>(json).unwrap(), receiver, "{json}");
        }
        // Read as an area is read: a bare code, format 1's `subregion`, an M49 code.
        for (json, receiver) in [
            (r#""GT""#, Receiver::from(Country::GT)),
            (
                r#"{"subregion":"Central America"}"#,
                Receiver::from(IntermediateRegion::CentralAmerica),
            ),
            (
                r#"{"m49":"419"}"#,
                Receiver::from(Subregion::LatinAmericaAndTheCaribbean),
            ),
            (
                r#"{"dac-region":"South of Sahara, regional"}"#,
                Receiver::from(DacRegion::SouthOfSaharaRegional),
            ),
        ] {
            assert_eq!(serde_json::from_str::<Receiver>(json).unwrap(), receiver, "{json}");
        }
        let errors = [
            (
                r#"{"continent":"Africa"}"#,
                "unknown variant `continent`, expected one of `country`, `group`, `m49`, `subregion`, `dac-region`, \
                 `declared`, `world`, `organisation`, `iati` at line 1 column 12",
            ),
            (
                r#"{"organisation":"Gavi"}"#,
                "invalid id `Gavi`: `G` is not a lowercase letter, digit or hyphen at line 1 column 22",
            ),
            (
                r#"{"organisation":"gavi","country":"GT"}"#,
                "expected the end of the object (it takes exactly one key), found a second key `country` at line 1 \
                 column 32",
            ),
            (
                r#"{"organisation":7}"#,
                "invalid type: integer `7`, expected an id such as \"harris\" at line 1 column 17",
            ),
            (
                r#"{"iati":" "}"#,
                "empty IATI organisation identifier at line 1 column 11",
            ),
            (r#""XX""#, "unknown country `XX` at line 1 column 4"),
            (
                "{}",
                "expected one key naming the kind, found an empty object `{}` at line 1 column 2",
            ),
            (
                "[]",
                "invalid type: sequence, expected a recipient: a country code, \"world\" or an object naming an area \
                 or an organisation at line 1 column 2",
            ),
            (
                "7",
                "invalid type: integer `7`, expected a recipient: a country code, \"world\" or an object naming an \
                 area or an organisation at line 1 column 1",
            ),
        ];
        for (json, msg) in errors {
            assert_eq!(
                serde_json::from_str::<Receiver>(json).unwrap_err().to_string(),
                msg,
                "{json}"
            );
        }
    }

    #[test]
    fn display_names_what_the_crate_knows() {
        assert_eq!(Receiver::from(Country::GT).to_string(), "Guatemala");
        assert_eq!(
            Receiver::from(OrganisationId::new("covax").unwrap()).to_string(),
            "COVAX"
        );
        assert_eq!(Receiver::from(OrganisationId::new("ours").unwrap()).to_string(), "ours");
        assert_eq!(
            Receiver::from(OrgRef::new("XM-DAC-99999").unwrap()).to_string(),
            "XM-DAC-99999"
        );
        assert_eq!(Receiver::Area(Area::World).to_string(), "the world");
        assert_eq!(Receiver::from(Country::GT).as_country(), Some(Country::GT));
        assert_eq!(Receiver::from(OrganisationId::new("gavi").unwrap()).as_country(), None);
    }
}
