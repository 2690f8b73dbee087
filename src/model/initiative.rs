//! `Initiative`: a task force, programme, agenda or commitment a
//! government launches.

use std::fmt;

use chrono::NaiveDate;

use super::{Actor, Area, EventStatus, InitiativeId, LeaderId, SourceId, Topic};
use crate::Count;

crate::serde_strict::strict_serde!(Initiative, InitiativeKind, Partners);

/// Something a government sets up or commits to beyond a single sum of
/// money: a multi-agency task force, an investment commitment, a
/// programme, an agenda, commitments secured from private partners.
///
/// ```
/// use statecraft::geo::IntermediateRegion;
/// use statecraft::model::{Agency, InitiativeId, InitiativeKind, SourceId, Topic};
/// use statecraft::{Area, Country, Initiative};
///
/// let tf = Initiative::new(InitiativeId::new("task-force")?, "Anti-smuggling task force", InitiativeKind::TaskForce, Country::US, SourceId::new("seed")?)
///     .with_agency(Agency::new("Department of State"))
///     .with_agency(Agency::new("Department of Justice"))
///     .with_target(Area::from(IntermediateRegion::CentralAmerica))
///     .with_topic(Topic::Trafficking);
/// assert_eq!(tf.agencies().len(), 2);
/// assert_eq!(tf.kind().to_string(), "task force");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Initiative {
    id: InitiativeId,
    name: String,
    kind: InitiativeKind,
    sponsor: Actor,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    agencies: Vec<Agency>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    targets: Vec<Area>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    topics: Vec<Topic>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::json::optional_date"
    )]
    announced: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    announced_by: Option<LeaderId>,
    status: EventStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    partners: Option<Partners>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    source: SourceId,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::json::optional_date"
    )]
    reported: Option<NaiveDate>,
}

impl Initiative {
    /// An initiative of `kind`, named `name`, sponsored by `sponsor` (a
    /// country, an organisation, a group), that exists at the source's
    /// date.
    pub fn new(
        id: InitiativeId,
        name: impl Into<String>,
        kind: InitiativeKind,
        sponsor: impl Into<Actor>,
        source: SourceId,
    ) -> Initiative {
        Initiative {
            id,
            name: name.into(),
            kind,
            sponsor: sponsor.into(),
            agencies: Vec::new(),
            targets: Vec::new(),
            topics: Vec::new(),
            announced: None,
            announced_by: None,
            status: EventStatus::Happened,
            partners: None,
            description: None,
            source,
            reported: None,
        }
    }

    /// With one more agency of the sponsor that runs it.
    #[must_use]
    pub fn with_agency(mut self, agency: Agency) -> Initiative {
        self.agencies.push(agency);
        self
    }

    /// With one more country, group or region it is aimed at.
    #[must_use]
    pub fn with_target(mut self, target: Area) -> Initiative {
        self.targets.push(target);
        self
    }

    /// With one more topic.
    #[must_use]
    pub fn with_topic(mut self, topic: Topic) -> Initiative {
        self.topics.push(topic);
        self
    }

    /// Announced on `date`.
    #[must_use]
    pub fn announced_on(mut self, date: NaiveDate) -> Initiative {
        self.announced = Some(date);
        self
    }

    /// Announced by `leader`.
    #[must_use]
    pub fn announced_by(mut self, leader: LeaderId) -> Initiative {
        self.announced_by = Some(leader);
        self
    }

    /// With `status` (planned: announced as coming, not yet set up).
    #[must_use]
    pub fn with_status(mut self, status: EventStatus) -> Initiative {
        self.status = status;
        self
    }

    /// With its partners ("12 US organisations").
    #[must_use]
    pub fn with_partners(mut self, partners: Partners) -> Initiative {
        self.partners = Some(partners);
        self
    }

    /// With a description in the dossier's own words.
    #[must_use]
    pub fn with_description(mut self, description: impl Into<String>) -> Initiative {
        self.description = Some(description.into());
        self
    }

    /// With the date the source reported it, when it differs from the
    /// source's date.
    #[must_use]
    pub fn with_reported(mut self, date: NaiveDate) -> Initiative {
        self.reported = Some(date);
        self
    }

    /// The id.
    pub fn id(&self) -> &InitiativeId {
        &self.id
    }

    /// The name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The kind.
    pub fn kind(&self) -> &InitiativeKind {
        &self.kind
    }

    /// The sponsor: a country, an organisation, a group.
    pub fn sponsor(&self) -> &Actor {
        &self.sponsor
    }

    /// The sponsor's agencies that run it.
    pub fn agencies(&self) -> &[Agency] {
        &self.agencies
    }

    /// The countries, groups or regions it is aimed at.
    pub fn targets(&self) -> &[Area] {
        &self.targets
    }

    /// The topics.
    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// The day it was announced, when known.
    pub fn announced(&self) -> Option<NaiveDate> {
        self.announced
    }

    /// The leader who announced it, when the source names one.
    pub fn announcer(&self) -> Option<&LeaderId> {
        self.announced_by.as_ref()
    }

    /// Whether it existed at the source's date, or was still planned.
    pub fn status(&self) -> EventStatus {
        self.status
    }

    /// Its partners, when it has any.
    pub fn partners(&self) -> Option<&Partners> {
        self.partners.as_ref()
    }

    /// The description.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
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

/// What kind of initiative.
///
/// In the JSON format: `"task-force"`, `"investment-commitment"`, ..., or
/// `{"other": "trade mission"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum InitiativeKind {
    /// A body of several agencies with one task.
    TaskForce,
    /// A government's commitment to invest in sectors or places.
    InvestmentCommitment,
    /// Commitments secured from companies and organisations.
    PrivateCommitments,
    /// A programme with its own aims and budget.
    Programme,
    /// An agenda or policy pursued with partners.
    Agenda,
    /// A partnership between governments.
    Partnership,
    /// Anything else, described.
    Other(String),
}

impl fmt::Display for InitiativeKind {
    /// "task force", "investment commitment", ...
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            InitiativeKind::TaskForce => "task force",
            InitiativeKind::InvestmentCommitment => "investment commitment",
            InitiativeKind::PrivateCommitments => "private commitments",
            InitiativeKind::Programme => "programme",
            InitiativeKind::Agenda => "agenda",
            InitiativeKind::Partnership => "partnership",
            InitiativeKind::Other(s) => s,
        })
    }
}

/// A government body: "Department of State", "Department of the
/// Treasury", "White House". Serde writes the name as a string.
///
/// ```
/// use statecraft::model::Agency;
///
/// assert_eq!(Agency::new("Department of Justice").name(), "Department of Justice");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Agency(String);

impl Agency {
    /// The agency called `name`.
    pub fn new(name: impl Into<String>) -> Agency {
        Agency(name.into())
    }

    /// The name.
    pub fn name(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Agency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

/// The partners of an initiative, counted as the source counts them:
/// "12 US organisations".
///
/// In the JSON format: `{"count": "12", "kind": "US organisations"}`.
///
/// ```
/// use statecraft::model::Partners;
/// use statecraft::Count;
///
/// let p = Partners::new(Count::exact(12), "US organisations");
/// assert_eq!(p.to_string(), "12 US organisations");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Partners {
    count: Count,
    kind: String,
}

impl Partners {
    /// `count` partners of `kind`.
    pub fn new(count: Count, kind: impl Into<String>) -> Partners {
        Partners {
            count,
            kind: kind.into(),
        }
    }

    /// How many.
    pub fn count(&self) -> Count {
        self.count
    }

    /// Of what kind: "US organisations".
    pub fn kind(&self) -> &str {
        &self.kind
    }
}

impl fmt::Display for Partners {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.count, self.kind)
    }
}
