//! `Actor`: who gives, channels, hosts, sponsors or holds an office: a
//! country, an organisation or a group acting jointly.

use std::fmt;

use super::{GroupId, OrganisationId};
use crate::org::{OrgRef, Organisation};
use crate::{Country, CountryGroup};

/// Who acts: a country, an organisation (UNICEF, COVAX, USAID, one a
/// dossier declares), a group of countries acting jointly (the G7), or an
/// organisation known only by the IATI identifier a file gives it.
///
/// Facts name an actor wherever someone gives (a funding donor, a pledge's
/// donor), channels (funding `via`), hosts (a meeting), sponsors (an
/// initiative) or governs (whose office a term is).
///
/// In the JSON format a bare string is a country code, so that
/// `"donor": "US"` means what it did in format 1; other actors are a
/// one-key object: `{"organisation": "covax"}`, `{"group": "g7"}`,
/// `{"country": "US"}` (the same as `"US"`), `{"iati": "XM-DAC-12345"}`.
/// Organisations and groups are named by id and resolved by the dossier
/// (its own first, then the built-in ones).
///
/// ```
/// use statecraft::model::GroupId;
/// use statecraft::{Actor, Country};
/// use statecraft::org::OrgRef;
///
/// let us = Actor::from(Country::US);
/// assert_eq!(serde_json::to_string(&us)?, r#""US""#);
/// let g7: Actor = serde_json::from_str(r#"{"group": "g7"}"#)?;
/// assert_eq!(g7, Actor::Group(GroupId::new("g7")?));
/// assert_eq!(g7.to_string(), "G7");
///
/// // An IATI ref: a built-in organisation where the registry knows it, else kept as written.
/// let unicef = Actor::from_iati(&OrgRef::new("XM-DAC-41122").ok_or("empty")?);
/// assert_eq!(serde_json::to_string(&unicef)?, r#"{"organisation":"unicef"}"#);
/// let other = Actor::from_iati(&OrgRef::new("GB-COH-213890").ok_or("empty")?);
/// assert_eq!(other.to_string(), "GB-COH-213890");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Actor {
    /// A country.
    Country(Country),
    /// An organisation, by id.
    Organisation(OrganisationId),
    /// A group of countries acting jointly, by id.
    Group(GroupId),
    /// An organisation known only by its IATI organisation identifier,
    /// which no organisation of the registry or the dossier has.
    Iati(OrgRef),
}

impl Actor {
    /// The actor an IATI organisation ref names: the built-in organisation
    /// it resolves to ([`Organisation::from_iati`]), else the ref itself,
    /// kept as [`Actor::Iati`].
    pub fn from_iati(reference: &OrgRef) -> Actor {
        match Organisation::from_iati(reference.as_str()).and_then(|o| OrganisationId::new(o.id()).ok()) {
            Some(id) => Actor::Organisation(id),
            None => Actor::Iati(reference.clone()),
        }
    }

    /// The country, when the actor is one.
    pub fn as_country(&self) -> Option<Country> {
        match self {
            Actor::Country(c) => Some(*c),
            _ => None,
        }
    }

    /// The organisation's id, when the actor is one.
    pub fn as_organisation(&self) -> Option<&OrganisationId> {
        match self {
            Actor::Organisation(o) => Some(o),
            _ => None,
        }
    }

    /// The group's id, when the actor is one.
    pub fn as_group(&self) -> Option<&GroupId> {
        match self {
            Actor::Group(g) => Some(g),
            _ => None,
        }
    }
}

impl From<Country> for Actor {
    fn from(c: Country) -> Actor {
        Actor::Country(c)
    }
}

impl From<OrganisationId> for Actor {
    fn from(o: OrganisationId) -> Actor {
        Actor::Organisation(o)
    }
}

impl From<GroupId> for Actor {
    fn from(g: GroupId) -> Actor {
        Actor::Group(g)
    }
}

impl fmt::Display for Actor {
    /// A country by its everyday name, a built-in organisation by its
    /// acronym or name, a built-in group by its name, anything else by its
    /// id or identifier (use `Dossier::actor_name` for the dossier's own).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Actor::Country(c) => f.pad(c.common_name()),
            Actor::Organisation(o) => match Organisation::find(o.as_str()) {
                Some(org) => write!(f, "{org}"),
                None => f.pad(o.as_str()),
            },
            Actor::Group(g) => match CountryGroup::find(g.as_str()) {
                Some(group) => f.pad(group.name()),
                None => f.pad(g.as_str()),
            },
            Actor::Iati(r) => f.pad(r.as_str()),
        }
    }
}

impl serde::Serialize for Actor {
    /// A country as its bare code, anything else as a one-key object.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Actor::Country(c) => serde::Serialize::serialize(c, s),
            // The derived (inherent) function.
            other => Actor::serialize(other, s),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Actor {
    /// A bare string is a country code; an object names the kind by its
    /// one key.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Actor, D::Error> {
        struct ActorVisitor;

        impl<'de> serde::de::Visitor<'de> for ActorVisitor {
            type Value = Actor;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a country code or an object naming an organisation, a group or an IATI identifier")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Actor, E> {
                v.parse().map(Actor::Country).map_err(E::custom)
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Actor, A::Error> {
                Actor::deserialize(crate::serde_strict::Strict(
                    serde::de::value::MapAccessDeserializer::new(map),
                ))
            }
        }

        d.deserialize_any(ActorVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_forms() {
        let cases = [
            (Actor::Country(Country::US), r#""US""#),
            (
                Actor::Organisation(OrganisationId::new("covax").unwrap()),
                r#"{"organisation":"covax"}"#,
            ),
            (Actor::Group(GroupId::new("g7").unwrap()), r#"{"group":"g7"}"#),
            (
                Actor::Iati(OrgRef::new("GB-COH-213890").unwrap()),
                r#"{"iati":"GB-COH-213890"}"#,
            ),
        ];
        for (actor, json) in cases {
            assert_eq!(serde_json::to_string(&actor).unwrap(), json);
            assert_eq!(serde_json::from_str::<Actor>(json).unwrap(), actor);
        }
        assert_eq!(
            serde_json::from_str::<Actor>(r#"{"country":"GT"}"#).unwrap(),
            Actor::Country(Country::GT)
        );
        let errors = [
            (r#""XX""#, "unknown country `XX` at line 1 column 4"),
            (
                r#"{"continent":"Africa"}"#,
                "unknown variant `continent`, expected one of `country`, `organisation`, `group`, `iati` at line 1 column 12",
            ),
            (
                r#"{"organisation":"UNICEF"}"#,
                "invalid id `UNICEF`: `U` is not a lowercase letter, digit or hyphen at line 1 column 24",
            ),
            (
                r#"{"group":"g7","country":"US"}"#,
                "expected the end of the object (it takes exactly one key), found a second key `country` at line 1 column 23",
            ),
            ("7", "invalid type: integer `7`, expected a country code or an object naming an organisation, a group or an IATI identifier at line 1 column 1"),
            ("{}", "expected one key naming the kind, found an empty object `{}` at line 1 column 2"),
        ];
        for (json, msg) in errors {
            assert_eq!(
                serde_json::from_str::<Actor>(json).unwrap_err().to_string(),
                msg,
                "{json}"
            );
        }
    }

    #[test]
    fn display_names_what_the_crate_knows() {
        let org = |id: &str| Actor::Organisation(OrganisationId::new(id).unwrap());
        assert_eq!(Actor::Country(Country::US).to_string(), "United States");
        assert_eq!(org("unicef").to_string(), "UNICEF");
        assert_eq!(org("mine").to_string(), "mine");
        assert_eq!(Actor::Group(GroupId::new("eu").unwrap()).to_string(), "European Union");
        let fcdo = Actor::from_iati(&OrgRef::new("GB-GOV-1").unwrap());
        assert_eq!(fcdo, org("fcdo"));
    }
}
