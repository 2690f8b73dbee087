//! `Leader` and the `Term`s they serve.

use std::fmt;

use chrono::NaiveDate;

use super::{Actor, Function, LeaderId, Office, OfficeRole, SourceId};
use crate::serde_str::IsoDate;
use crate::Country;

crate::serde_strict::strict_serde!(Leader, Term);

/// A person who holds, or held, public office: a president, a minister.
///
/// Their [`Term`]s say which office of which country or organisation they
/// held from when to when, and the functions it carried; [`Leader::holds`]
/// answers whether they held an office on a given day and
/// [`Leader::carries`] whether they carried a function, which is how a
/// dossier checks that the president someone met was president that day,
/// and that "the head of government of Germany" was the Chancellor.
///
/// ```
/// use statecraft::model::{Function, LeaderId, Office, SourceId, Term};
/// use statecraft::{Country, Leader, NaiveDate};
///
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).ok_or("bad date");
/// let giammattei = Leader::new(LeaderId::new("giammattei")?, "Alejandro Giammattei", SourceId::new("terms")?)
///     .with_term(Term::new(Office::President, Country::GT, d(2020, 1, 14)?).until(d(2024, 1, 14)?));
/// assert!(giammattei.holds(&Office::President, Country::GT, d(2021, 6, 7)?));
/// assert!(!giammattei.holds(&Office::President, Country::GT, d(2024, 6, 7)?));
/// assert!(giammattei.carries(Function::HeadOfState, Country::GT, d(2021, 6, 7)?));
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reported: Option<IsoDate>,
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

    setters! {
        /// With one more term of office.
        fn with_term(term: Term) { terms.push(term) }
    }

    getters! {
        /// The id.
        fn id -> &LeaderId { &id }

        /// The name: "Alejandro Giammattei".
        fn name -> &str { &name }

        /// Every term, in the order given.
        fn terms -> &[Term] { &terms }
    }

    /// The terms that cover `date`.
    pub fn terms_on(&self, date: NaiveDate) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(move |t| t.covers(date))
    }

    /// The first term that covers `date`, if any.
    pub fn term_on(&self, date: NaiveDate) -> Option<&Term> {
        self.terms_on(date).next()
    }

    /// Whether the leader held `office` of `of` (a country, an
    /// organisation) on `date`.
    ///
    /// Offices are matched by title: a Chancellor does not hold
    /// [`Office::PrimeMinister`]; ask [`Leader::carries`] for a function.
    pub fn holds(&self, office: &Office, of: impl Into<Actor>, date: NaiveDate) -> bool {
        let of = of.into();
        self.terms_on(date).any(|t| t.office == *office && t.of == of)
    }

    /// Whether the leader carried `function` for `of` on `date`: held a
    /// term whose [functions](Term::functions) include it.
    ///
    /// ```
    /// use statecraft::model::{Function, Office, Term};
    /// use statecraft::{Country, Leader, NaiveDate};
    ///
    /// let day = NaiveDate::from_ymd_opt(2021, 6, 13).ok_or("bad date")?;
    /// let merkel = Leader::new("merkel".parse()?, "Angela Merkel", "terms".parse()?)
    ///     .with_term(Term::new(Office::Chancellor, Country::DE, NaiveDate::from_ymd_opt(2005, 11, 22).ok_or("bad date")?));
    /// assert!(merkel.carries(Function::HeadOfGovernment, Country::DE, day));
    /// assert!(!merkel.carries(Function::HeadOfState, Country::DE, day));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn carries(&self, function: Function, of: impl Into<Actor>, date: NaiveDate) -> bool {
        let of = of.into();
        self.terms_on(date).any(|t| t.of == of && t.carries(function))
    }

    /// Whether the leader was what `role` names on `date`: held its office,
    /// or carried its function, for its country or organisation.
    pub fn is_on(&self, role: &OfficeRole, date: NaiveDate) -> bool {
        match (role.office(), role.named_function()) {
            (Some(office), _) => self.holds(office, role.of().clone(), date),
            (None, Some(function)) => self.carries(function, role.of().clone(), date),
            (None, None) => false,
        }
    }

    cited!();
}

/// A spell in one office of one country or organisation, from its first
/// day to its last (open while the holder is in office), and the
/// functions the office carried then.
///
/// The functions are the term's own where the dossier states them
/// (`"functions": ["head-of-government"]`), else the office's defaults
/// ([`Office::default_functions`], sourced per office and country).
///
/// In the JSON format: `{"office": "chancellor", "of": "DE", "start":
/// "2005-11-22", "end": "2021-12-08"}`, with `of` an [`Actor`] and
/// `functions` optional. Format 1 wrote `"country"` for `of`.
///
/// ```
/// use statecraft::model::{Function, Office, Term};
/// use statecraft::{Country, NaiveDate};
///
/// let start = NaiveDate::from_ymd_opt(2021, 1, 20).ok_or("bad date")?;
/// let t = Term::new(Office::VicePresident, Country::US, start);
/// assert!(t.is_open());
/// assert!(t.covers(start));
/// assert!(!t.covers(start.pred_opt().ok_or("bad date")?));
/// assert_eq!(t.to_string(), "Vice-President of the United States, from 2021-01-20");
///
/// let pm = Term::new(Office::PrimeMinister, Country::CA, start).with_function(Function::HeadOfGovernment);
/// assert!(pm.carries(Function::HeadOfGovernment));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Term {
    office: Office,
    of: Actor,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    functions: Vec<Function>,
    start: IsoDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<IsoDate>,
}

impl Term {
    /// A term in `office` of `of` (a country, an organisation) from
    /// `start`, still open, carrying the office's default functions.
    pub fn new(office: Office, of: impl Into<Actor>, start: NaiveDate) -> Term {
        Term {
            office,
            of: of.into(),
            functions: Vec::new(),
            start: IsoDate(start),
            end: None,
        }
    }

    /// The same term, carrying `function` (with any stated before it)
    /// instead of the office's defaults.
    #[must_use]
    pub fn with_function(mut self, function: Function) -> Term {
        if !self.functions.contains(&function) {
            self.functions.push(function);
        }
        self
    }

    setters! {
        /// The same term, ending on `end` (its last day in office).
        fn until(end: NaiveDate) { end = Some(IsoDate(end)) }
    }

    getters! {
        /// The office.
        fn office -> &Office { &office }

        /// Whose office it is: a country, an organisation.
        fn of -> &Actor { &of }

        /// The country whose office it is, when it is a country's.
        fn country -> Option<Country> { of.as_country() }
    }

    /// The functions the office carries in this term: those the dossier
    /// states, else the office's defaults ([`Office::default_functions`]).
    pub fn functions(&self) -> &[Function] {
        if self.functions.is_empty() {
            self.office.default_functions(&self.of)
        } else {
            &self.functions
        }
    }

    getters! {
        /// The functions the dossier states for the term (none: the office's
        /// defaults apply).
        fn stated_functions -> &[Function] { &functions }
    }

    /// Whether the office carries `function` in this term.
    pub fn carries(&self, function: Function) -> bool {
        self.functions().contains(&function)
    }

    getters! {
        /// The first day.
        fn start -> NaiveDate { start.into() }

        /// The last day, or `None` while the term is open.
        fn end -> Option<NaiveDate> { end.map(NaiveDate::from) }

        /// Whether the term has no end yet.
        fn is_open -> bool { end.is_none() }
    }

    /// Whether `date` falls within the term, both ends included.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start() <= date && self.end().is_none_or(|end| date <= end)
    }

    /// The office and whose it is: "President of Guatemala".
    pub fn role(&self) -> OfficeRole {
        OfficeRole::new(self.office.clone(), self.of.clone())
    }
}

impl fmt::Display for Term {
    /// "President of Guatemala, 2020-01-14 to 2024-01-14"; an open term
    /// reads "…, from 2021-01-20".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.end() {
            Some(end) => write!(f, "{}, {} to {}", self.role(), self.start(), end),
            None => write!(f, "{}, from {}", self.role(), self.start()),
        }
    }
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
    fn functions_are_stated_or_the_offices_defaults() {
        let johnson = Leader::new("johnson".parse().unwrap(), "Boris Johnson", "s".parse().unwrap())
            .with_term(Term::new(Office::PrimeMinister, Country::GB, d("2019-07-24")).until(d("2022-09-06")));
        let day = d("2021-06-13");
        assert!(johnson.carries(Function::HeadOfGovernment, Country::GB, day));
        assert!(!johnson.carries(Function::HeadOfState, Country::GB, day));
        assert!(johnson.is_on(&OfficeRole::function(Function::HeadOfGovernment, Country::GB), day));
        assert!(!johnson.is_on(&OfficeRole::new(Office::President, Country::GB), day));
        // A stated function replaces the defaults.
        let t = Term::new(Office::PrimeMinister, Country::GB, day).with_function(Function::Finance);
        assert_eq!(t.functions(), [Function::Finance]);
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"office":"prime-minister","of":"GB","functions":["finance"],"start":"2021-06-13"}"#
        );
    }
}
