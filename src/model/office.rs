//! `Office`, the `Function`s an office carries, and the `OfficeRole` a report
//! names someone in.

use std::fmt;

use super::office_table::{Of, DEFAULTS};
use super::Actor;
use crate::org::Organisation;
use crate::{Country, CountryGroup};

crate::serde_strict::strict_serde!(Office, Function);

/// An office, by its title: President, Prime Minister, Chancellor,
/// Premier, King, Queen, Emir, Secretary-General, Vice-President, a
/// minister of a portfolio, or any other title. Whose office it is (a
/// country's, or an organisation's: the President of the European
/// Commission) is the [`Term`](super::Term)'s or the [`OfficeRole`]'s.
///
/// What the office does is its [`Function`]s: the President of the
/// United States is head of state and head of government, the German
/// Chancellor head of government ([`Office::default_functions`]).
///
/// In the JSON format the named offices are strings (`"president"`,
/// `"chancellor"`, `"secretary-general"`), a minister is `{"minister":
/// "finance"}` (the portfolio), and any other office `{"other": "Secretary
/// of Homeland Security"}`. Format 1's `"head-of-state"` and
/// `"head-of-government"`, which named a function rather than a title,
/// upgrade to an [`Office::Other`] of that name carrying that function.
///
/// ```
/// use statecraft::model::Office;
///
/// assert_eq!(Office::VicePresident.to_string(), "Vice-President");
/// assert_eq!(Office::SecretaryGeneral.to_string(), "Secretary-General");
/// assert_eq!(Office::Minister("finance".into()).to_string(), "Minister of Finance");
/// assert_eq!(serde_json::to_string(&Office::Chancellor)?, r#""chancellor""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Office {
    /// President (of a country, or of an organisation's executive).
    President,
    /// Vice-president.
    VicePresident,
    /// Prime minister.
    PrimeMinister,
    /// Chancellor (Germany, Austria).
    Chancellor,
    /// Premier (China's State Council; a province or state).
    Premier,
    /// King.
    King,
    /// Queen (regnant).
    Queen,
    /// Emir.
    Emir,
    /// A monarch, where the source does not give the title.
    Monarch,
    /// Secretary-General (of the United Nations, of NATO, ...).
    SecretaryGeneral,
    /// Minister of foreign affairs (a US Secretary of State).
    ForeignMinister,
    /// Minister of a portfolio ("finance", "the interior").
    Minister(String),
    /// Any other office, by its title.
    Other(String),
}

impl Office {
    /// The title, capitalised as in a byline: "Vice-President",
    /// "Minister of Finance".
    pub fn title(&self) -> String {
        match self {
            Office::President => "President".to_string(),
            Office::VicePresident => "Vice-President".to_string(),
            Office::PrimeMinister => "Prime Minister".to_string(),
            Office::Chancellor => "Chancellor".to_string(),
            Office::Premier => "Premier".to_string(),
            Office::King => "King".to_string(),
            Office::Queen => "Queen".to_string(),
            Office::Emir => "Emir".to_string(),
            Office::Monarch => "Monarch".to_string(),
            Office::SecretaryGeneral => "Secretary-General".to_string(),
            Office::ForeignMinister => "Foreign Minister".to_string(),
            Office::Minister(portfolio) => format!("Minister of {}", capitalise_words(portfolio)),
            Office::Other(title) => title.clone(),
        }
    }

    /// Whether one person at a time holds the office in a country or
    /// organisation: every named office does; of an [`Office::Other`] the
    /// crate cannot tell, and answers `false`.
    pub fn is_single_holder(&self) -> bool {
        !matches!(self, Office::Other(_))
    }

    /// The functions the office of `of` carries when a term states none:
    /// those of `data/office-functions.csv`, where each is sourced from a
    /// constitution or an official page (the President of the United
    /// States, of Guatemala, of Mexico; the Chancellor of Germany; the
    /// Prime Minister of the United Kingdom, Japan, France, Italy; the
    /// President of the European Commission; the Secretary-General of the
    /// United Nations, ...), and foreign affairs for a foreign minister,
    /// whose title says it. Empty for any other office: a dossier states
    /// the functions of a term where it needs them.
    ///
    /// ```
    /// use statecraft::model::{Function, Office};
    /// use statecraft::{Actor, Country};
    ///
    /// assert_eq!(Office::Chancellor.default_functions(&Actor::from(Country::DE)), [Function::HeadOfGovernment]);
    /// assert_eq!(Office::PrimeMinister.default_functions(&Actor::from(Country::GB)), [Function::HeadOfGovernment]);
    /// assert_eq!(
    ///     Office::President.default_functions(&Actor::from(Country::US)),
    ///     [Function::HeadOfState, Function::HeadOfGovernment]
    /// );
    /// assert!(Office::President.default_functions(&Actor::from(Country::DE)).is_empty()); // not sourced here
    /// ```
    pub fn default_functions(&self, of: &Actor) -> &'static [Function] {
        if *self == Office::ForeignMinister {
            return &[Function::ForeignAffairs];
        }
        DEFAULTS
            .iter()
            .find(|(office, holder, _)| {
                office == self
                    && match (holder, of) {
                        (Of::Country(c), Actor::Country(d)) => c == d,
                        (Of::Organisation(o), Actor::Organisation(id)) => *o == id.as_str(),
                        _ => false,
                    }
            })
            .map_or(&[], |(_, _, functions)| *functions)
    }
}

/// "the interior" → "the Interior"; words after the first "the"/"and"/
/// "of" stay lowercase.
fn capitalise_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if matches!(word, "the" | "and" | "of" | "for") {
            out.push_str(word);
            continue;
        }
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

impl fmt::Display for Office {
    /// The title.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.title())
    }
}

/// What an office does, whatever its title: heads the state, the
/// government or an organisation, or holds a portfolio. A report naming
/// "the head of government of Germany" names whoever holds an office
/// carrying [`Function::HeadOfGovernment`] of Germany that day: the
/// Chancellor.
///
/// In the JSON format: `"head-of-state"`, `"head-of-government"`,
/// `"foreign-affairs"`, ...
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, serde::Serialize, serde::Deserialize,
)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Function {
    /// Head of state.
    HeadOfState,
    /// Head of government.
    HeadOfGovernment,
    /// Head of an organisation (the UN Secretary-General, the President of
    /// the European Commission).
    HeadOfOrganisation,
    /// Foreign affairs.
    ForeignAffairs,
    /// Finance.
    Finance,
    /// Defence.
    Defence,
    /// The interior.
    Interior,
    /// Trade.
    Trade,
    /// International development.
    Development,
    /// Health.
    Health,
}

impl Function {
    /// The words used in the JSON format: `head-of-government`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Function::HeadOfState => "head-of-state",
            Function::HeadOfGovernment => "head-of-government",
            Function::HeadOfOrganisation => "head-of-organisation",
            Function::ForeignAffairs => "foreign-affairs",
            Function::Finance => "finance",
            Function::Defence => "defence",
            Function::Interior => "interior",
            Function::Trade => "trade",
            Function::Development => "development",
            Function::Health => "health",
        }
    }

    /// The function in words, as a report names a person by it: "head of
    /// government", "minister of foreign affairs".
    pub const fn description(self) -> &'static str {
        match self {
            Function::HeadOfState => "head of state",
            Function::HeadOfGovernment => "head of government",
            Function::HeadOfOrganisation => "head",
            Function::ForeignAffairs => "minister of foreign affairs",
            Function::Finance => "minister of finance",
            Function::Defence => "minister of defence",
            Function::Interior => "minister of the interior",
            Function::Trade => "minister of trade",
            Function::Development => "minister of development",
            Function::Health => "minister of health",
        }
    }

    /// Every function.
    pub fn iter() -> impl Iterator<Item = Function> {
        <Function as strum::IntoEnumIterator>::iter()
    }
}

impl fmt::Display for Function {
    /// The description: "head of government".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.description())
    }
}

/// What a report names a person as: an office of a country or
/// organisation ("Guatemalan President Alejandro Giammattei"), or a
/// function ("the head of government of Germany"), checked against the
/// terms they hold on the day.
///
/// In the JSON format: `{"office": "president", "of": "GT"}` or
/// `{"function": "head-of-government", "of": "DE"}`, with `of` an
/// [`Actor`]. Format 1 wrote `"country"` for `of`, and named the functions
/// head of state and head of government as offices; both upgrade.
///
/// ```
/// use statecraft::model::{Function, Office, OfficeRole, OrganisationId};
/// use statecraft::{Actor, Country};
///
/// assert_eq!(OfficeRole::new(Office::VicePresident, Country::US).to_string(), "Vice-President of the United States");
/// assert_eq!(OfficeRole::function(Function::HeadOfGovernment, Country::DE).to_string(), "head of government of Germany");
/// let ec = Actor::Organisation(OrganisationId::new("european-commission")?);
/// assert_eq!(OfficeRole::new(Office::President, ec).to_string(), "President of the European Commission");
/// assert_eq!(
///     serde_json::to_string(&OfficeRole::function(Function::HeadOfState, Country::GB))?,
///     r#"{"function":"head-of-state","of":"GB"}"#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OfficeRole {
    title: Title,
    of: Actor,
}

/// What a role names: an office, or a function.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Title {
    Office(Office),
    Function(Function),
}

impl OfficeRole {
    /// `office` of `of` (a country, an organisation, a group).
    pub fn new(office: Office, of: impl Into<Actor>) -> OfficeRole {
        OfficeRole {
            title: Title::Office(office),
            of: of.into(),
        }
    }

    /// Whoever carries `function` for `of`.
    pub fn function(function: Function, of: impl Into<Actor>) -> OfficeRole {
        OfficeRole {
            title: Title::Function(function),
            of: of.into(),
        }
    }

    /// The office, when the role names one.
    pub fn office(&self) -> Option<&Office> {
        match &self.title {
            Title::Office(o) => Some(o),
            Title::Function(_) => None,
        }
    }

    /// The function, when the role names one.
    pub fn named_function(&self) -> Option<Function> {
        match &self.title {
            Title::Function(f) => Some(*f),
            Title::Office(_) => None,
        }
    }

    /// Whose office or function it is.
    pub fn of(&self) -> &Actor {
        &self.of
    }

    /// The country, when the role is a country's.
    pub fn country(&self) -> Option<Country> {
        self.of.as_country()
    }
}

impl fmt::Display for OfficeRole {
    /// "President of Guatemala", "Prime Minister of the Netherlands",
    /// "head of government of Germany", "Secretary-General of the United
    /// Nations"; an [`Office::Other`] reads "Secretary of State, United
    /// States".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (name, the) = holder_name(&self.of);
        let of = if the { format!("the {name}") } else { name.clone() };
        let s = match &self.title {
            Title::Office(Office::Other(title)) => format!("{title}, {name}"),
            Title::Office(office) => format!("{} of {of}", office.title()),
            Title::Function(function) => format!("{} of {of}", function.description()),
        };
        f.pad(&s)
    }
}

/// The name of an office's holder country or organisation, and whether it
/// takes "the" after "of".
fn holder_name(of: &Actor) -> (String, bool) {
    match of {
        Actor::Country(c) => (c.common_name().to_string(), takes_the(c.common_name())),
        Actor::Organisation(o) => match Organisation::find(o.as_str()) {
            Some(org) => (org.name().to_string(), true),
            None => (o.to_string(), false),
        },
        Actor::Group(g) => match CountryGroup::find(g.as_str()) {
            Some(group) => (group.name().to_string(), true),
            None => (g.to_string(), false),
        },
        Actor::Iati(r) => (r.to_string(), false),
    }
}

/// Whether a country's name takes "the" after "of": the United States,
/// the Netherlands, the Dominican Republic, the Solomon Islands.
fn takes_the(name: &str) -> bool {
    const PLURALS: &[&str] = &[
        "Netherlands",
        "Philippines",
        "Bahamas",
        "Maldives",
        "Comoros",
        "Seychelles",
        "Gambia",
        "Holy See",
    ];
    name.starts_with("United ")
        || name.ends_with("Republic")
        || name.ends_with("Islands")
        || name.ends_with("Emirates")
        || PLURALS.contains(&name)
}

/// The serde form of an [`OfficeRole`].
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, rename = "Role")]
struct RoleRepr {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    office: Option<Office>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    function: Option<Function>,
    of: Actor,
}

impl serde::Serialize for OfficeRole {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (office, function) = match &self.title {
            Title::Office(o) => (Some(o.clone()), None),
            Title::Function(f) => (None, Some(*f)),
        };
        RoleRepr {
            office,
            function,
            of: self.of.clone(),
        }
        .serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for OfficeRole {
    /// Reads `office` or `function`, exactly one, and `of`.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<OfficeRole, D::Error> {
        const FIELDS: &[&str] = &["office", "function", "of"];
        crate::serde_strict::checked(d, "Role", FIELDS, |r: RoleRepr| match (r.office, r.function) {
            (Some(office), None) => Ok(OfficeRole::new(office, r.of)),
            (None, Some(function)) => Ok(OfficeRole::function(function, r.of)),
            (Some(_), Some(_)) => Err("a role names an office or a function, not both"),
            (None, None) => Err("a role names an office or a function: neither is given"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OrganisationId;

    #[test]
    fn titles_and_roles() {
        let cases = [
            (
                Office::President,
                Actor::from(Country::US),
                "President of the United States",
            ),
            (
                Office::PrimeMinister,
                Actor::from(Country::NL),
                "Prime Minister of the Netherlands",
            ),
            (
                Office::ForeignMinister,
                Actor::from(Country::DO),
                "Foreign Minister of the Dominican Republic",
            ),
            (
                Office::Minister("the interior".into()),
                Actor::from(Country::FR),
                "Minister of the Interior of France",
            ),
            (
                Office::Minister("finance and trade".into()),
                Actor::from(Country::GT),
                "Minister of Finance and Trade of Guatemala",
            ),
            (
                Office::Other("Secretary of State".into()),
                Actor::from(Country::US),
                "Secretary of State, United States",
            ),
            (Office::Chancellor, Actor::from(Country::DE), "Chancellor of Germany"),
            (
                Office::SecretaryGeneral,
                Actor::Organisation(OrganisationId::new("un").unwrap()),
                "Secretary-General of the United Nations",
            ),
            (
                Office::President,
                Actor::Organisation(OrganisationId::new("sg-sica").unwrap()),
                "President of sg-sica",
            ),
        ];
        for (office, of, text) in cases {
            assert_eq!(OfficeRole::new(office, of).to_string(), text);
        }
        assert_eq!(
            OfficeRole::function(
                Function::HeadOfOrganisation,
                Actor::Organisation(OrganisationId::new("who").unwrap())
            )
            .to_string(),
            "head of the World Health Organization"
        );
    }

    #[test]
    fn office_serde_forms() {
        let cases = [
            (Office::President, r#""president""#),
            (Office::SecretaryGeneral, r#""secretary-general""#),
            (Office::Minister("finance".into()), r#"{"minister":"finance"}"#),
            (Office::Other("Governor".into()), r#"{"other":"Governor"}"#),
        ];
        for (office, json) in cases {
            assert_eq!(serde_json::to_string(&office).unwrap(), json);
            assert_eq!(serde_json::from_str::<Office>(json).unwrap(), office);
        }
        for f in Function::iter() {
            assert_eq!(serde_json::to_string(&f).unwrap(), format!("\"{}\"", f.as_str()));
        }
    }

    #[test]
    fn roles_name_an_office_or_a_function() {
        let ok = [
            r#"{"office":"president","of":"GT"}"#,
            r#"{"function":"head-of-government","of":"DE"}"#,
            r#"{"office":"president","of":{"organisation":"european-commission"}}"#,
        ];
        for json in ok {
            let role: OfficeRole = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&role).unwrap(), json);
        }
        let errors = [
            (
                r#"{"office":"president","function":"head-of-state","of":"GT"}"#,
                "a role names an office or a function, not both at line 1 column 59",
            ),
            (
                r#"{"of":"GT"}"#,
                "a role names an office or a function: neither is given at line 1 column 11",
            ),
            (r#"{"office":"president"}"#, "missing field `of` at line 1 column 22"),
            (
                r#"{"office":"president","country":"GT"}"#,
                "unknown field `country`, expected one of `office`, `function`, `of` at line 1 column 31",
            ),
        ];
        for (json, msg) in errors {
            assert_eq!(
                serde_json::from_str::<OfficeRole>(json).unwrap_err().to_string(),
                msg,
                "{json}"
            );
        }
    }

    #[test]
    fn default_functions_are_the_sourced_ones() {
        let us = Actor::from(Country::US);
        assert_eq!(Office::VicePresident.default_functions(&us), []);
        assert_eq!(
            Office::ForeignMinister.default_functions(&us),
            [Function::ForeignAffairs]
        );
        assert_eq!(
            Office::King.default_functions(&Actor::from(Country::GB)),
            [Function::HeadOfState]
        );
        let un = Actor::Organisation(OrganisationId::new("un").unwrap());
        assert_eq!(
            Office::SecretaryGeneral.default_functions(&un),
            [Function::HeadOfOrganisation]
        );
        assert_eq!(Office::President.default_functions(&un), []);
    }
}
