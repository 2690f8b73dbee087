//! `Leader`, the `Term`s they serve and the `Office` each term is in.

use std::fmt;

use chrono::NaiveDate;

use super::{LeaderId, SourceId};
use crate::Country;

crate::serde_strict::strict_serde!(Leader, Term, Office, Role);

/// A person who holds, or held, public office: a president, a minister.
///
/// Their [`Term`]s say which office of which country they held from when
/// to when; [`Leader::holds`] answers whether they held one on a given
/// day, which is how a dossier checks that the president someone met was
/// president that day.
///
/// ```
/// use statecraft::{Country, Leader, LeaderId, NaiveDate, Office, SourceId, Term};
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("bad date");
/// let giammattei = Leader::new(LeaderId::new("giammattei")?, "Alejandro Giammattei", SourceId::new("terms")?)
///     .with_term(Term::new(Office::President, Country::GT, d(2020, 1, 14)?).until(d(2024, 1, 14)?));
/// assert!(giammattei.holds(&Office::President, Country::GT, d(2021, 6, 7)?));
/// assert!(!giammattei.holds(&Office::President, Country::GT, d(2024, 6, 7)?));
/// let term = giammattei.term_on(d(2021, 6, 7)?).ok_or("no term")?;
/// assert_eq!(term.role().to_string(), "President of Guatemala");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Leader {
    id: LeaderId,
    name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    terms: Vec<Term>,
    source: SourceId,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::json::optional_date"
    )]
    reported: Option<NaiveDate>,
}

impl Leader {
    /// A leader with an id, a name as reports write it, and the source of
    /// what the dossier says about them (their terms).
    pub fn new(id: LeaderId, name: impl Into<String>, source: SourceId) -> Leader {
        Leader {
            id,
            name: name.into(),
            terms: Vec::new(),
            source,
            reported: None,
        }
    }

    /// With one more term of office.
    #[must_use]
    pub fn with_term(mut self, term: Term) -> Leader {
        self.terms.push(term);
        self
    }

    /// With the date the source reported these facts, when it differs
    /// from the source's date.
    #[must_use]
    pub fn with_reported(mut self, date: NaiveDate) -> Leader {
        self.reported = Some(date);
        self
    }

    /// The id.
    pub fn id(&self) -> &LeaderId {
        &self.id
    }

    /// The name: "Alejandro Giammattei".
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Every term, in the order given.
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// The terms that cover `date`.
    pub fn terms_on(&self, date: NaiveDate) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(move |t| t.covers(date))
    }

    /// The first term that covers `date`, if any.
    pub fn term_on(&self, date: NaiveDate) -> Option<&Term> {
        self.terms_on(date).next()
    }

    /// Whether the leader held `office` of `country` on `date`.
    ///
    /// Offices are matched as recorded: a President of the United States
    /// holds [`Office::President`], not [`Office::HeadOfState`], unless a
    /// term says so.
    pub fn holds(&self, office: &Office, country: Country, date: NaiveDate) -> bool {
        self.terms_on(date).any(|t| t.office == *office && t.country == country)
    }

    /// The source of what the dossier says about the leader.
    pub fn source(&self) -> &SourceId {
        &self.source
    }

    /// The date the source reported it, when given.
    pub fn reported(&self) -> Option<NaiveDate> {
        self.reported
    }
}

/// A spell in one office of one country, from its first day to its last
/// (open while the holder is in office).
///
/// ```
/// use statecraft::{Country, NaiveDate, Office, Term};
///
/// let start = NaiveDate::from_ymd_opt(2021, 1, 20).ok_or("bad date")?;
/// let t = Term::new(Office::VicePresident, Country::US, start);
/// assert!(t.is_open());
/// assert!(t.covers(start));
/// assert!(!t.covers(start.pred_opt().ok_or("bad date")?));
/// assert_eq!(t.to_string(), "Vice-President of the United States, from 2021-01-20");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Term {
    office: Office,
    country: Country,
    #[serde(deserialize_with = "super::json::date")]
    start: NaiveDate,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::json::optional_date"
    )]
    end: Option<NaiveDate>,
}

impl Term {
    /// A term in `office` of `country` from `start`, still open.
    pub fn new(office: Office, country: Country, start: NaiveDate) -> Term {
        Term {
            office,
            country,
            start,
            end: None,
        }
    }

    /// The same term, ending on `end` (its last day in office).
    #[must_use]
    pub fn until(mut self, end: NaiveDate) -> Term {
        self.end = Some(end);
        self
    }

    /// The office.
    pub fn office(&self) -> &Office {
        &self.office
    }

    /// The country whose office it is.
    pub fn country(&self) -> Country {
        self.country
    }

    /// The first day.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The last day, or `None` while the term is open.
    pub fn end(&self) -> Option<NaiveDate> {
        self.end
    }

    /// Whether the term has no end yet.
    pub fn is_open(&self) -> bool {
        self.end.is_none()
    }

    /// Whether `date` falls within the term, both ends included.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|end| date <= end)
    }

    /// The office and country: "President of Guatemala".
    pub fn role(&self) -> Role {
        Role::new(self.office.clone(), self.country)
    }
}

impl fmt::Display for Term {
    /// "President of Guatemala, 2020-01-14 to 2024-01-14"; an open term
    /// reads "…, from 2021-01-20".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end {
            Some(end) => write!(f, "{}, {} to {}", self.role(), self.start, end),
            None => write!(f, "{}, from {}", self.role(), self.start),
        }
    }
}

/// An office of government.
///
/// In the JSON format the named offices are strings (`"president"`,
/// `"vice-president"`), a minister is `{"minister": "finance"}` (the
/// portfolio), and any other office `{"other": "Secretary of Homeland
/// Security"}`.
///
/// ```
/// use statecraft::Office;
///
/// assert_eq!(Office::VicePresident.to_string(), "Vice-President");
/// assert_eq!(Office::Minister("finance".into()).to_string(), "Minister of Finance");
/// assert_eq!(serde_json::to_string(&Office::VicePresident)?, r#""vice-president""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Office {
    /// Head of state, where the title is neither president nor monarch
    /// (a governor-general, a regent).
    HeadOfState,
    /// Head of government, where the title is not prime minister (a
    /// chancellor, a premier).
    HeadOfGovernment,
    /// President.
    President,
    /// Vice-president.
    VicePresident,
    /// Prime minister.
    PrimeMinister,
    /// Monarch: king, queen, emir, sultan.
    Monarch,
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
            Office::HeadOfState => "Head of State".to_string(),
            Office::HeadOfGovernment => "Head of Government".to_string(),
            Office::President => "President".to_string(),
            Office::VicePresident => "Vice-President".to_string(),
            Office::PrimeMinister => "Prime Minister".to_string(),
            Office::Monarch => "Monarch".to_string(),
            Office::ForeignMinister => "Foreign Minister".to_string(),
            Office::Minister(portfolio) => format!("Minister of {}", capitalise_words(portfolio)),
            Office::Other(title) => title.clone(),
        }
    }

    /// Whether one person at a time holds the office in a country: every
    /// named office does; of an [`Office::Other`] the crate cannot tell,
    /// and answers `false`.
    pub fn is_single_holder(&self) -> bool {
        !matches!(self, Office::Other(_))
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

/// An office of a country: what a term is held in, and what a report may
/// name a participant as ("Guatemalan President Alejandro Giammattei").
///
/// ```
/// use statecraft::{Country, Office, Role};
///
/// assert_eq!(Role::new(Office::VicePresident, Country::US).to_string(), "Vice-President of the United States");
/// assert_eq!(Role::new(Office::President, Country::MX).to_string(), "President of Mexico");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Role {
    office: Office,
    country: Country,
}

impl Role {
    /// `office` of `country`.
    pub fn new(office: Office, country: Country) -> Role {
        Role { office, country }
    }

    /// The office.
    pub fn office(&self) -> &Office {
        &self.office
    }

    /// The country.
    pub fn country(&self) -> Country {
        self.country
    }
}

impl fmt::Display for Role {
    /// "President of Guatemala", "Prime Minister of the Netherlands"; an
    /// [`Office::Other`] reads "Secretary of State, United States".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = self.country.common_name();
        let s = match &self.office {
            Office::Other(title) => format!("{title}, {name}"),
            office if takes_the(name) => format!("{} of the {name}", office.title()),
            office => format!("{} of {name}", office.title()),
        };
        f.pad(&s)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn terms_cover_both_ends() {
        let t = Term::new(Office::President, Country::GT, d("2020-01-14")).until(d("2024-01-14"));
        assert!(!t.covers(d("2020-01-13")));
        assert!(t.covers(d("2020-01-14")));
        assert!(t.covers(d("2024-01-14")));
        assert!(!t.covers(d("2024-01-15")));
        assert_eq!(t.to_string(), "President of Guatemala, 2020-01-14 to 2024-01-14");
    }

    #[test]
    fn holds_matches_office_country_and_day() {
        let amlo = Leader::new("amlo".parse().unwrap(), "AMLO", "s".parse().unwrap())
            .with_term(Term::new(Office::President, Country::MX, d("2018-12-01")).until(d("2024-09-30")));
        assert!(amlo.holds(&Office::President, Country::MX, d("2021-06-08")));
        assert!(!amlo.holds(&Office::President, Country::GT, d("2021-06-08")));
        assert!(!amlo.holds(&Office::PrimeMinister, Country::MX, d("2021-06-08")));
        assert!(!amlo.holds(&Office::President, Country::MX, d("2024-10-01")));
        assert_eq!(amlo.term_on(d("2025-01-01")), None);
    }

    #[test]
    fn titles_and_roles() {
        let cases = [
            (Office::President, Country::US, "President of the United States"),
            (Office::PrimeMinister, Country::NL, "Prime Minister of the Netherlands"),
            (
                Office::ForeignMinister,
                Country::DO,
                "Foreign Minister of the Dominican Republic",
            ),
            (
                Office::Minister("the interior".into()),
                Country::FR,
                "Minister of the Interior of France",
            ),
            (
                Office::Minister("finance and trade".into()),
                Country::GT,
                "Minister of Finance and Trade of Guatemala",
            ),
            (
                Office::Other("Secretary of State".into()),
                Country::US,
                "Secretary of State, United States",
            ),
            (Office::HeadOfGovernment, Country::DE, "Head of Government of Germany"),
        ];
        for (office, country, text) in cases {
            assert_eq!(Role::new(office, country).to_string(), text);
        }
    }

    #[test]
    fn office_serde_forms() {
        let cases = [
            (Office::President, r#""president""#),
            (Office::HeadOfState, r#""head-of-state""#),
            (Office::Minister("finance".into()), r#"{"minister":"finance"}"#),
            (Office::Other("Governor".into()), r#"{"other":"Governor"}"#),
        ];
        for (office, json) in cases {
            assert_eq!(serde_json::to_string(&office).unwrap(), json);
            assert_eq!(serde_json::from_str::<Office>(json).unwrap(), office);
        }
    }
}
