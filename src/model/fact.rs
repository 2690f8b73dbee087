//! `FactRef`: any fact of a dossier, borrowed, with what all facts share.

use chrono::NaiveDate;

use super::{
    EventStatus, Funding, Initiative, Leader, LeaderId, Meeting, SourceId, Statistic, Topic, Trip, VaccineAllocation,
    VaccinePledge,
};

/// A fact of a dossier, borrowed: what every fact has in common (an id, a
/// source, the date the source reported it, topics), for code that walks
/// all facts at once, such as checks of sources or an agenda by topic.
///
/// ```
/// use statecraft::model::{FactRef, Topic};
/// use statecraft::Dossier;
///
/// # let json = include_str!("../../examples/data/guatemala-2021.json");
/// let dossier = Dossier::from_json_str(json)?;
/// let about_vaccines: Vec<&str> = dossier
///     .facts_about(Topic::VaccineSharing)
///     .map(|f| f.kind())
///     .collect();
/// assert!(about_vaccines.contains(&"vaccine pledge"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FactRef<'a> {
    /// A leader and their terms.
    Leader(&'a Leader),
    /// A trip.
    Trip(&'a Trip),
    /// A meeting.
    Meeting(&'a Meeting),
    /// An initiative.
    Initiative(&'a Initiative),
    /// A funding entry.
    Funding(&'a Funding),
    /// A vaccine pledge.
    VaccinePledge(&'a VaccinePledge),
    /// A vaccine allocation.
    VaccineAllocation(&'a VaccineAllocation),
    /// A statistic.
    Statistic(&'a Statistic),
}

impl<'a> FactRef<'a> {
    /// The fact's id, as text.
    pub fn id(&self) -> &'a str {
        match self {
            FactRef::Leader(x) => x.id().as_str(),
            FactRef::Trip(x) => x.id().as_str(),
            FactRef::Meeting(x) => x.id().as_str(),
            FactRef::Initiative(x) => x.id().as_str(),
            FactRef::Funding(x) => x.id().as_str(),
            FactRef::VaccinePledge(x) => x.id().as_str(),
            FactRef::VaccineAllocation(x) => x.id().as_str(),
            FactRef::Statistic(x) => x.id().as_str(),
        }
    }

    /// What kind of fact: "leader", "trip", "meeting", "initiative",
    /// "funding", "vaccine pledge", "vaccine allocation", "statistic".
    pub fn kind(&self) -> &'static str {
        match self {
            FactRef::Leader(_) => "leader",
            FactRef::Trip(_) => "trip",
            FactRef::Meeting(_) => "meeting",
            FactRef::Initiative(_) => "initiative",
            FactRef::Funding(_) => "funding",
            FactRef::VaccinePledge(_) => "vaccine pledge",
            FactRef::VaccineAllocation(_) => "vaccine allocation",
            FactRef::Statistic(_) => "statistic",
        }
    }

    /// The source it cites.
    pub fn source(&self) -> &'a SourceId {
        match self {
            FactRef::Leader(x) => x.source(),
            FactRef::Trip(x) => x.source(),
            FactRef::Meeting(x) => x.source(),
            FactRef::Initiative(x) => x.source(),
            FactRef::Funding(x) => x.source(),
            FactRef::VaccinePledge(x) => x.source(),
            FactRef::VaccineAllocation(x) => x.source(),
            FactRef::Statistic(x) => x.source(),
        }
    }

    /// The date the source reported it, when the fact gives one.
    pub fn reported(&self) -> Option<NaiveDate> {
        match self {
            FactRef::Leader(x) => x.reported(),
            FactRef::Trip(x) => x.reported(),
            FactRef::Meeting(x) => x.reported(),
            FactRef::Initiative(x) => x.reported(),
            FactRef::Funding(x) => x.reported(),
            FactRef::VaccinePledge(x) => x.reported(),
            FactRef::VaccineAllocation(x) => x.reported(),
            FactRef::Statistic(x) => x.reported(),
        }
    }

    /// The topics it is tagged with. Vaccine pledges and allocations are
    /// about [`Topic::VaccineSharing`] by nature; leaders have none.
    pub fn topics(&self) -> &'a [Topic] {
        const VACCINES: &[Topic] = &[Topic::VaccineSharing];
        match self {
            FactRef::Leader(_) => &[],
            FactRef::Trip(x) => x.topics(),
            FactRef::Meeting(x) => x.topics(),
            FactRef::Initiative(x) => x.topics(),
            FactRef::Funding(x) => x.topics(),
            FactRef::VaccinePledge(_) | FactRef::VaccineAllocation(_) => VACCINES,
            FactRef::Statistic(x) => x.topics(),
        }
    }

    /// The day the fact is of, for checking it against its source: the
    /// last day of a leader's latest term (none while in office), the
    /// start of a trip, the first day of a meeting, the announcement of an
    /// initiative, funding or pledge, the date of an allocation, the last
    /// day of a statistic's period.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            FactRef::Leader(x) => x.terms().iter().filter_map(|t| t.end()).max(),
            FactRef::Trip(x) => x.start(),
            FactRef::Meeting(x) => Some(x.start()),
            FactRef::Initiative(x) => x.announced(),
            FactRef::Funding(x) => x.announced(),
            FactRef::VaccinePledge(x) => Some(x.announced()),
            FactRef::VaccineAllocation(x) => x.date(),
            FactRef::Statistic(x) => x.period().end(),
        }
    }

    /// The leaders the fact names as taking part: a trip's traveller, a
    /// meeting's participants, whoever announced an initiative, funding
    /// or pledge; with the day they did so, when the fact has one.
    pub fn leaders(&self) -> Vec<(&'a LeaderId, Option<NaiveDate>)> {
        match self {
            FactRef::Trip(x) => vec![(x.traveller(), x.start())],
            FactRef::Meeting(x) => x.participants().iter().map(|p| (p.leader(), Some(x.start()))).collect(),
            FactRef::Initiative(x) => x.announcer().map(|l| (l, x.announced())).into_iter().collect(),
            FactRef::Funding(x) => x.announcer().map(|l| (l, x.announced())).into_iter().collect(),
            FactRef::VaccinePledge(x) => x.announcer().map(|l| (l, Some(x.announced()))).into_iter().collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the fact was still to come at the source's date: a planned
    /// meeting or initiative, or a trip all of whose legs were planned.
    pub fn is_planned(&self) -> bool {
        match self {
            FactRef::Trip(x) => !x.legs().is_empty() && x.legs().iter().all(|l| l.status() == EventStatus::Planned),
            FactRef::Meeting(x) => x.status() == EventStatus::Planned,
            FactRef::Initiative(x) => x.status() == EventStatus::Planned,
            _ => false,
        }
    }
}
