//! Format 1, `statecraft-dossier/1`: its documents still load, read by
//! the types below where format 2 differs from it and upgraded in memory
//! to what format 2 says ([`Dossier1`] into [`Dossier`]).
//!
//! What format 2 changed:
//!
//! - a term of office named its country as `"country"`: format 2 writes
//!   `"of"` (a country or an organisation);
//! - offices included `"head-of-state"` and `"head-of-government"`, which
//!   name what an office does, not its title: a term in one becomes a term
//!   in an [`Office::Other`] of that name ("Head of State") carrying that
//!   [`Function`]; a meeting role naming one becomes a role naming the
//!   function;
//! - a role named its country as `"country"` (format 2: `"of"`);
//! - a meeting had one day, `"date"`, and one country, `"place"`: format 2
//!   writes `"start"` (and `"end"` for a meeting of several days) and
//!   `"places"`.
//!
//! Everything else of format 1 is read by format 2's own types, which only
//! added to it (a donor that is a bare country code is a country
//! [`Actor`](super::Actor); a vaccine allocation's bare country code is a
//! country [`Area`](super::Area)).

use std::fmt;

use super::{
    Dossier, EventStatus, Function, Funding, Initiative, Leader, LeaderId, Meeting, MeetingId, MeetingKind, Office,
    OfficeRole, Participant, Publication, SourceId, Statistic, Term, Topic, Trip, TripId, VaccineAllocation,
    VaccinePledge,
};
use crate::serde_str::IsoDate;
use crate::{Country, CountryGroup, Excerpt};

crate::serde_strict::strict_serde!(Dossier1, Leader1, Term1, Office1, Meeting1, Participant1, Role1);

/// The format tag of format 1.
pub(super) const FORMAT_1: &str = "statecraft-dossier/1";

/// A format-1 document, as it was.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, rename = "Dossier")]
pub(super) struct Dossier1 {
    format: FormatTag1,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    sources: Vec<Publication>,
    #[serde(default)]
    groups: Vec<CountryGroup>,
    #[serde(default)]
    leaders: Vec<Leader1>,
    #[serde(default)]
    trips: Vec<Trip>,
    #[serde(default)]
    meetings: Vec<Meeting1>,
    #[serde(default)]
    initiatives: Vec<Initiative>,
    #[serde(default)]
    funding: Vec<Funding>,
    #[serde(default)]
    vaccine_pledges: Vec<VaccinePledge>,
    #[serde(default)]
    vaccine_allocations: Vec<VaccineAllocation>,
    #[serde(default)]
    statistics: Vec<Statistic>,
}

/// The `"format"` member of a format-1 document: only
/// `"statecraft-dossier/1"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct FormatTag1;

impl serde::Serialize for FormatTag1 {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(FORMAT_1)
    }
}

impl<'de> serde::Deserialize<'de> for FormatTag1 {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FormatTag1, D::Error> {
        let tag = String::deserialize(d)?;
        if tag == FORMAT_1 {
            Ok(FormatTag1)
        } else {
            Err(serde::de::Error::custom(format_args!(
                "unsupported format `{}`: this reads `{FORMAT_1}`",
                Excerpt::new(&tag)
            )))
        }
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, rename = "Leader")]
struct Leader1 {
    id: LeaderId,
    name: String,
    #[serde(default)]
    terms: Vec<Term1>,
    source: SourceId,
    #[serde(default)]
    reported: Option<IsoDate>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, rename = "Term")]
struct Term1 {
    office: Office1,
    country: Country,
    start: IsoDate,
    #[serde(default)]
    end: Option<IsoDate>,
}

/// Format 1's offices.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case", rename = "Office")]
enum Office1 {
    HeadOfState,
    HeadOfGovernment,
    President,
    VicePresident,
    PrimeMinister,
    Monarch,
    ForeignMinister,
    Minister(String),
    Other(String),
}

impl Office1 {
    /// The office of format 2, and the function format 1 named as an
    /// office.
    fn upgrade(self) -> (Office, Option<Function>) {
        match self {
            Office1::HeadOfState => (Office::Other("Head of State".into()), Some(Function::HeadOfState)),
            Office1::HeadOfGovernment => (
                Office::Other("Head of Government".into()),
                Some(Function::HeadOfGovernment),
            ),
            Office1::President => (Office::President, None),
            Office1::VicePresident => (Office::VicePresident, None),
            Office1::PrimeMinister => (Office::PrimeMinister, None),
            Office1::Monarch => (Office::Monarch, None),
            Office1::ForeignMinister => (Office::ForeignMinister, None),
            Office1::Minister(p) => (Office::Minister(p), None),
            Office1::Other(t) => (Office::Other(t), None),
        }
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, rename = "Meeting")]
struct Meeting1 {
    id: MeetingId,
    #[serde(default)]
    trip: Option<TripId>,
    date: IsoDate,
    place: Country,
    kind: MeetingKind,
    status: EventStatus,
    #[serde(default)]
    participants: Vec<Participant1>,
    #[serde(default)]
    others: Vec<String>,
    #[serde(default)]
    topics: Vec<Topic>,
    #[serde(default)]
    summary: Option<String>,
    source: SourceId,
    #[serde(default)]
    reported: Option<IsoDate>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, rename = "Participant")]
struct Participant1 {
    leader: LeaderId,
    #[serde(default)]
    role: Option<Role1>,
}

#[derive(serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, rename = "Role")]
struct Role1 {
    office: Office1,
    country: Country,
}

impl From<Term1> for Term {
    fn from(t: Term1) -> Term {
        let (office, function) = t.office.upgrade();
        let mut term = Term::new(office, t.country, t.start.into());
        if let Some(f) = function {
            term = term.with_function(f);
        }
        match t.end {
            Some(end) => term.until(end.into()),
            None => term,
        }
    }
}

impl From<Role1> for OfficeRole {
    fn from(r: Role1) -> OfficeRole {
        match r.office.upgrade() {
            (_, Some(function)) => OfficeRole::function(function, r.country),
            (office, None) => OfficeRole::new(office, r.country),
        }
    }
}

impl From<Leader1> for Leader {
    fn from(l: Leader1) -> Leader {
        let mut leader = Leader::new(l.id, l.name, l.source);
        for t in l.terms {
            leader = leader.with_term(t.into());
        }
        match l.reported {
            Some(day) => leader.with_reported(day.into()),
            None => leader,
        }
    }
}

impl From<Meeting1> for Meeting {
    fn from(m: Meeting1) -> Meeting {
        let mut meeting = Meeting::new(m.id, m.date.into(), m.place, m.kind, m.source).with_status(m.status);
        if let Some(trip) = m.trip {
            meeting = meeting.on_trip(trip);
        }
        for p in m.participants {
            let mut participant = Participant::new(p.leader);
            if let Some(role) = p.role {
                participant = participant.as_role(role.into());
            }
            meeting = meeting.with_participant(participant);
        }
        for o in m.others {
            meeting = meeting.with_others(o);
        }
        for t in m.topics {
            meeting = meeting.with_topic(t);
        }
        if let Some(s) = m.summary {
            meeting = meeting.with_summary(s);
        }
        match m.reported {
            Some(day) => meeting.with_reported(day.into()),
            None => meeting,
        }
    }
}

impl From<Dossier1> for Dossier {
    /// The upgrade: the same facts, as format 2 holds them.
    fn from(d: Dossier1) -> Dossier {
        let mut out = Dossier::new();
        if let Some(title) = d.title {
            out = out.with_title(title);
        }
        for x in d.sources {
            out.add(x);
        }
        for x in d.groups {
            out.add(x);
        }
        for x in d.leaders {
            out.add(Leader::from(x));
        }
        for x in d.trips {
            out.add(x);
        }
        for x in d.meetings {
            out.add(Meeting::from(x));
        }
        for x in d.initiatives {
            out.add(x);
        }
        for x in d.funding {
            out.add(x);
        }
        for x in d.vaccine_pledges {
            out.add(x);
        }
        for x in d.vaccine_allocations {
            out.add(x);
        }
        for x in d.statistics {
            out.add(x);
        }
        out
    }
}

impl fmt::Debug for Dossier1 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Dossier1")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Actor;

    #[test]
    fn offices_that_named_functions_become_functions() {
        let json = r#"{"format": "statecraft-dossier/1",
          "leaders": [{"id": "scholz", "name": "Olaf Scholz", "terms": [{"office": "head-of-government", "country": "DE", "start": "2021-12-08"}], "source": "s"}],
          "meetings": [{"id": "m", "date": "2022-01-10", "place": "DE", "kind": "call", "status": "happened",
            "participants": [{"leader": "scholz", "role": {"office": "head-of-government", "country": "DE"}}], "source": "s"}]}"#;
        let d = Dossier::from_json_str(json).unwrap();
        let term = &d.leaders()[0].terms()[0];
        assert_eq!(term.office(), &Office::Other("Head of Government".into()));
        assert_eq!(term.functions(), [Function::HeadOfGovernment]);
        assert_eq!(term.of(), &Actor::Country(Country::DE));
        let m = &d.meetings()[0];
        assert_eq!(
            (m.start(), m.end(), m.places()),
            (m.start(), m.start(), &[Country::DE][..])
        );
        let role = m.participants()[0].role().unwrap();
        assert_eq!(role, &OfficeRole::function(Function::HeadOfGovernment, Country::DE));
        assert!(d.leaders()[0].is_on(role, m.start()));
        // Written as format 2.
        let v2 = d.to_json_string().unwrap();
        assert!(v2.contains("\"format\": \"statecraft-dossier/2\""), "{v2}");
        assert!(
            v2.contains("\"of\": \"DE\"") && v2.contains("\"functions\": [\"head-of-government\"]"),
            "{v2}"
        );
        assert_eq!(Dossier::from_json_str(&v2).unwrap(), d);
    }
}
