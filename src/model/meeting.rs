//! `Meeting`: who met whom, where, when, and about what.

use std::fmt;

use chrono::NaiveDate;

use super::{Actor, EventStatus, LeaderId, MeetingId, OfficeRole, SourceId, Topic, TripId};
use crate::serde_str::IsoDate;
use crate::Country;

crate::serde_strict::strict_serde!(Meeting, Participant, MeetingKind, Attendance);

/// A meeting between leaders: bilateral talks, a joint news conference, a
/// roundtable, a summit. It spans one day or several, is held in one
/// country or more (or none, for a call), may have a host (a country, an
/// organisation, a group), has participants who attend in person or
/// remotely, a kind, topics, and may belong to a trip; a meeting the
/// source announces but that had not taken place by its date is
/// [planned](EventStatus::Planned).
///
/// In the JSON format: `"start"` and `"end"` (the first and last days; no
/// `end` for one day), `"places"` (countries), `"host"` (an
/// [`Actor`]). Format 1 wrote one day as `"date"` and one country as
/// `"place"`; both upgrade.
///
/// ```
/// use statecraft::model::{Attendance, LeaderId, MeetingId, MeetingKind, Office, OfficeRole, Participant, SourceId};
/// use statecraft::{Country, Meeting, NaiveDate};
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2021, m, day).ok_or("bad date");
/// let talks = Meeting::new(MeetingId::new("gt-talks")?, d(6, 7)?, Country::GT, MeetingKind::BilateralTalks, SourceId::new("seed")?)
///     .with_participant(Participant::new(LeaderId::new("harris")?))
///     .with_participant(Participant::new(LeaderId::new("giammattei")?).as_role(OfficeRole::new(Office::President, Country::GT)));
/// assert!(talks.includes(&LeaderId::new("giammattei")?));
/// assert_eq!(talks.kind().to_string(), "bilateral talks");
///
/// let summit = Meeting::new(MeetingId::new("carbis-bay")?, d(6, 11)?, Country::GB, MeetingKind::Summit, SourceId::new("g7")?)
///     .until(d(6, 13)?)
///     .hosted_by(Country::GB)
///     .with_participant(Participant::new(LeaderId::new("modi")?).attending(Attendance::Remote));
/// assert_eq!(summit.days(), 3);
/// assert!(summit.covers(d(6, 12)?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Meeting {
    id: MeetingId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    trip: Option<TripId>,
    start: IsoDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<IsoDate>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    places: Vec<Country>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    host: Option<Actor>,
    kind: MeetingKind,
    status: EventStatus,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    participants: Vec<Participant>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    others: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    topics: Vec<Topic>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    source: SourceId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reported: Option<IsoDate>,
}

impl Meeting {
    /// A meeting of `kind` on `date` in `place`, that happened, with no
    /// participants yet.
    pub fn new(id: MeetingId, date: NaiveDate, place: Country, kind: MeetingKind, source: SourceId) -> Meeting {
        Meeting {
            id,
            trip: None,
            start: IsoDate(date),
            end: None,
            places: vec![place],
            host: None,
            kind,
            status: EventStatus::Happened,
            participants: Vec::new(),
            others: Vec::new(),
            topics: Vec::new(),
            summary: None,
            source,
            reported: None,
        }
    }

    setters! {
        /// As part of `trip`.
        fn on_trip(trip: TripId) { trip = Some(trip) }

        /// Lasting until `end` (its last day).
        fn until(end: NaiveDate) { end = Some(IsoDate(end)) }
    }

    /// Held in one more country too.
    #[must_use]
    pub fn with_place(mut self, place: Country) -> Meeting {
        if !self.places.contains(&place) {
            self.places.push(place);
        }
        self
    }

    /// Held nowhere in particular: a call, or a meeting held online.
    #[must_use]
    pub fn nowhere(mut self) -> Meeting {
        self.places.clear();
        self
    }

    setters! {
        /// Hosted by `host`.
        fn hosted_by(host: impl Into<Actor>) { host = Some(host.into()) }
    }

    /// Still planned at the source's date.
    #[must_use]
    pub fn planned(self) -> Meeting {
        self.with_status(EventStatus::Planned)
    }

    setters! {
        /// With `status`.
        fn with_status(status: EventStatus) { status = status }

        /// With one more participant.
        fn with_participant(participant: Participant) { participants.push(participant) }

        /// With other participants who are not leaders in the dossier,
        /// described ("business and community leaders").
        fn with_others(others: impl Into<String>) { others.push(others.into()) }

        /// With one more topic.
        fn with_topic(topic: Topic) { topics.push(topic) }

        /// With a summary in the dossier's own words.
        fn with_summary(summary: impl Into<String>) { summary = Some(summary.into()) }
    }

    getters! {
        /// The id.
        fn id -> &MeetingId { &id }

        /// The trip it was part of, if any.
        fn trip -> Option<&TripId> { trip.as_ref() }

        /// The first day.
        fn start -> NaiveDate { start.into() }
    }

    /// The last day (the first, for a meeting of one day).
    pub fn end(&self) -> NaiveDate {
        self.stated_end().unwrap_or(self.start())
    }

    getters! {
        /// The last day as the dossier gives it: `None` for one day.
        fn stated_end -> Option<NaiveDate> { end.map(NaiveDate::from) }
    }

    /// How many days it spans, both ends included (0 when it ends before
    /// it starts, which validation reports).
    pub fn days(&self) -> u64 {
        let span = self.end().signed_duration_since(self.start()).num_days();
        u64::try_from(span).map_or(0, |d| d.saturating_add(1))
    }

    /// Whether `day` is one of its days.
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.start() <= day && day <= self.end()
    }

    getters! {
        /// The countries it was held in (none for a call).
        fn places -> &[Country] { &places }

        /// Who hosted it, when the source says.
        fn host -> Option<&Actor> { host.as_ref() }

        /// The kind.
        fn kind -> &MeetingKind { &kind }

        /// Whether it had happened at the source's date.
        fn status -> EventStatus { status }

        /// The participants who are leaders in the dossier.
        fn participants -> &[Participant] { &participants }
    }

    /// Whether `leader` took part.
    pub fn includes(&self, leader: &LeaderId) -> bool {
        self.participants.iter().any(|p| p.leader() == leader)
    }

    getters! {
        /// The other participants, described.
        fn others -> &[String] { &others }

        /// The topics.
        fn topics -> &[Topic] { &topics }

        /// The summary.
        fn summary -> Option<&str> { summary.as_deref() }
    }

    cited!();
}

/// A leader taking part in a meeting, with the role the source names them
/// in, when it names one ("Guatemalan President Alejandro Giammattei"),
/// in person or remotely.
///
/// In the JSON format: `{"leader": "giammattei", "role": {"office":
/// "president", "of": "GT"}}`, with `"attendance": "remote"` for someone
/// who joined from afar (in person when absent).
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Participant {
    leader: LeaderId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<OfficeRole>,
    #[serde(default, skip_serializing_if = "Attendance::is_in_person")]
    attendance: Attendance,
}

impl Participant {
    /// `leader`, with no role named, in person.
    pub fn new(leader: LeaderId) -> Participant {
        Participant {
            leader,
            role: None,
            attendance: Attendance::InPerson,
        }
    }

    setters! {
        /// The same participant, attending as `attendance` says.
        fn attending(attendance: Attendance) { attendance = attendance }
    }

    getters! {
        /// How they attended.
        fn attendance -> Attendance { attendance }
    }

    setters! {
        /// The same participant, named in `role`.
        fn as_role(role: OfficeRole) { role = Some(role) }
    }

    getters! {
        /// The leader.
        fn leader -> &LeaderId { &leader }

        /// The role the source names them in, if it names one.
        fn role -> Option<&OfficeRole> { role.as_ref() }
    }
}

/// How a participant attended a meeting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Attendance {
    /// In person, in one of the meeting's places.
    #[default]
    InPerson,
    /// Remotely: by video or telephone.
    Remote,
}

impl Attendance {
    /// Whether in person.
    pub fn is_in_person(&self) -> bool {
        *self == Attendance::InPerson
    }
}

impl fmt::Display for Attendance {
    /// "in person", "remotely".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Attendance::InPerson => "in person",
            Attendance::Remote => "remotely",
        })
    }
}

/// What kind of meeting it was.
///
/// In the JSON format: `"bilateral-talks"`, `"joint-news-conference"`,
/// ..., or `{"other": "state dinner"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum MeetingKind {
    /// Talks between two governments.
    BilateralTalks,
    /// A news conference held together.
    JointNewsConference,
    /// A roundtable discussion.
    Roundtable,
    /// A summit of several governments.
    Summit,
    /// A telephone or video call.
    Call,
    /// A meeting the source does not characterise.
    Meeting,
    /// Anything else, described.
    Other(String),
}

impl fmt::Display for MeetingKind {
    /// "bilateral talks", "joint news conference", ...
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            MeetingKind::BilateralTalks => "bilateral talks",
            MeetingKind::JointNewsConference => "joint news conference",
            MeetingKind::Roundtable => "roundtable",
            MeetingKind::Summit => "summit",
            MeetingKind::Call => "call",
            MeetingKind::Meeting => "meeting",
            MeetingKind::Other(s) => s,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OrganisationId;
    use crate::Dossier;

    #[test]
    fn a_summit_spans_days_and_places_with_a_host_and_remote_attendance() {
        let json = r#"{"format": "statecraft-dossier/2",
          "sources": [{"id": "s", "title": "S", "published": "2021-06-14"}],
          "meetings": [{"id": "m", "start": "2021-06-11", "end": "2021-06-13", "places": ["GB", "IE"],
            "host": {"organisation": "who"}, "kind": "summit", "status": "happened",
            "participants": [{"leader": "a", "attendance": "in-person"}, {"leader": "b", "attendance": "remote"}],
            "source": "s"}]}"#;
        let dossier = Dossier::from_json_str(json).unwrap();
        let m = &dossier.meetings()[0];
        let day = |d: u32| NaiveDate::from_ymd_opt(2021, 6, d).unwrap();
        assert_eq!(
            (m.start(), m.end(), m.stated_end(), m.days()),
            (day(11), day(13), Some(day(13)), 3)
        );
        assert_eq!((1..=30).filter(|d| m.covers(day(*d))).collect::<Vec<_>>(), [11, 12, 13]);
        assert_eq!(m.places(), [Country::GB, Country::IE]);
        assert_eq!(
            m.host(),
            Some(&Actor::Organisation(OrganisationId::new("who").unwrap()))
        );
        let attendance: Vec<String> = m
            .participants()
            .iter()
            .map(|p| format!("{} {}", p.leader(), p.attendance()))
            .collect();
        assert_eq!(attendance, ["a in person", "b remotely"]);
        // In person is the default, left out when written; remote is kept.
        let written = dossier.to_json_string().unwrap();
        assert!(
            !written.contains("in-person") && written.contains(r#""attendance": "remote""#),
            "{written}"
        );
        assert_eq!(Dossier::from_json_str(&written).unwrap(), dossier);
    }

    #[test]
    fn one_day_is_one_day_and_a_meeting_ending_before_it_starts_has_none() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2021, 6, d).unwrap();
        let talks = Meeting::new(
            MeetingId::new("t").unwrap(),
            day(7),
            Country::GT,
            MeetingKind::BilateralTalks,
            SourceId::new("s").unwrap(),
        );
        assert_eq!((talks.days(), talks.stated_end()), (1, None));
        let call = talks.clone().nowhere().until(day(6));
        assert_eq!((call.days(), call.places().len()), (0, 0));
        assert!(!call.covers(day(6)) && !call.covers(day(7)));
        assert_eq!(
            talks.with_place(Country::GT).with_place(Country::MX).places(),
            [Country::GT, Country::MX]
        );
    }
}
