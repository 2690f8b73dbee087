//! `Meeting`: who met whom, where, when, and about what.

use std::fmt;

use chrono::NaiveDate;

use super::{EventStatus, LeaderId, MeetingId, Role, SourceId, Topic, TripId};
use crate::Country;

crate::serde_strict::strict_serde!(Meeting, Participant, MeetingKind);

/// A meeting between leaders: bilateral talks, a joint news conference, a
/// roundtable. It has a day, a place, participants, a kind, topics, and
/// may belong to a trip; a meeting the source announces but that had not
/// taken place by its date is [planned](EventStatus::Planned).
///
/// ```
/// use statecraft::{Country, LeaderId, Meeting, MeetingId, MeetingKind, NaiveDate, Office, Participant, Role, SourceId};
///
/// let day = NaiveDate::from_ymd_opt(2021, 6, 7).ok_or("bad date")?;
/// let talks = Meeting::new(MeetingId::new("gt-talks")?, day, Country::GT, MeetingKind::BilateralTalks, SourceId::new("seed")?)
///     .with_participant(Participant::new(LeaderId::new("harris")?))
///     .with_participant(Participant::new(LeaderId::new("giammattei")?).as_role(Role::new(Office::President, Country::GT)));
/// assert!(talks.includes(&LeaderId::new("giammattei")?));
/// assert_eq!(talks.kind().to_string(), "bilateral talks");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Meeting {
    id: MeetingId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    trip: Option<TripId>,
    #[serde(deserialize_with = "super::json::date")]
    date: NaiveDate,
    place: Country,
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
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::json::optional_date"
    )]
    reported: Option<NaiveDate>,
}

impl Meeting {
    /// A meeting of `kind` on `date` in `place`, that happened, with no
    /// participants yet.
    pub fn new(id: MeetingId, date: NaiveDate, place: Country, kind: MeetingKind, source: SourceId) -> Meeting {
        Meeting {
            id,
            trip: None,
            date,
            place,
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

    /// As part of `trip`.
    #[must_use]
    pub fn on_trip(mut self, trip: TripId) -> Meeting {
        self.trip = Some(trip);
        self
    }

    /// Still planned at the source's date.
    #[must_use]
    pub fn planned(self) -> Meeting {
        self.with_status(EventStatus::Planned)
    }

    /// With `status`.
    #[must_use]
    pub fn with_status(mut self, status: EventStatus) -> Meeting {
        self.status = status;
        self
    }

    /// With one more participant.
    #[must_use]
    pub fn with_participant(mut self, participant: Participant) -> Meeting {
        self.participants.push(participant);
        self
    }

    /// With other participants who are not leaders in the dossier,
    /// described ("business and community leaders").
    #[must_use]
    pub fn with_others(mut self, others: impl Into<String>) -> Meeting {
        self.others.push(others.into());
        self
    }

    /// With one more topic.
    #[must_use]
    pub fn with_topic(mut self, topic: Topic) -> Meeting {
        self.topics.push(topic);
        self
    }

    /// With a summary in the dossier's own words.
    #[must_use]
    pub fn with_summary(mut self, summary: impl Into<String>) -> Meeting {
        self.summary = Some(summary.into());
        self
    }

    /// With the date the source reported it, when it differs from the
    /// source's date.
    #[must_use]
    pub fn with_reported(mut self, date: NaiveDate) -> Meeting {
        self.reported = Some(date);
        self
    }

    /// The id.
    pub fn id(&self) -> &MeetingId {
        &self.id
    }

    /// The trip it was part of, if any.
    pub fn trip(&self) -> Option<&TripId> {
        self.trip.as_ref()
    }

    /// The day.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The country it took place in.
    pub fn place(&self) -> Country {
        self.place
    }

    /// The kind.
    pub fn kind(&self) -> &MeetingKind {
        &self.kind
    }

    /// Whether it had happened at the source's date.
    pub fn status(&self) -> EventStatus {
        self.status
    }

    /// The participants who are leaders in the dossier.
    pub fn participants(&self) -> &[Participant] {
        &self.participants
    }

    /// Whether `leader` took part.
    pub fn includes(&self, leader: &LeaderId) -> bool {
        self.participants.iter().any(|p| p.leader() == leader)
    }

    /// The other participants, described.
    pub fn others(&self) -> &[String] {
        &self.others
    }

    /// The topics.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// The summary.
    pub fn summary(&self) -> Option<&str> {
        self.summary.as_deref()
    }

    /// The source.
    pub fn source(&self) -> &SourceId {
        &self.source
    }

    /// The date the source reported it, when given.
    pub fn reported(&self) -> Option<NaiveDate> {
        self.reported
    }
}

/// A leader taking part in a meeting, with the role the source names them
/// in, when it names one ("Guatemalan President Alejandro Giammattei").
///
/// In the JSON format: `{"leader": "giammattei", "role": {"office":
/// "president", "country": "GT"}}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Participant {
    leader: LeaderId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<Role>,
}

impl Participant {
    /// `leader`, with no role named.
    pub fn new(leader: LeaderId) -> Participant {
        Participant { leader, role: None }
    }

    /// The same participant, named in `role`.
    #[must_use]
    pub fn as_role(mut self, role: Role) -> Participant {
        self.role = Some(role);
        self
    }

    /// The leader.
    pub fn leader(&self) -> &LeaderId {
        &self.leader
    }

    /// The role the source names them in, if it names one.
    pub fn role(&self) -> Option<&Role> {
        self.role.as_ref()
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
