//! `Initiative`: a task force, programme, agenda or commitment a
//! government launches.

use std::fmt;

use chrono::NaiveDate;

use super::{Actor, Area, EventStatus, InitiativeId, LeaderId, SourceId, Topic};
use crate::serde_str::IsoDate;
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    announced: Option<IsoDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    announced_by: Option<LeaderId>,
    status: EventStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    partners: Option<Partners>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    source: SourceId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reported: Option<IsoDate>,
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

    setters! {
        /// With one more agency of the sponsor that runs it.
        fn with_agency(agency: Agency) { agencies.push(agency) }

        /// With one more country, group or region it is aimed at.
        fn with_target(target: Area) { targets.push(target) }

        /// With one more topic.
        fn with_topic(topic: Topic) { topics.push(topic) }

        /// Announced on `date`.
        fn announced_on(date: NaiveDate) { announced = Some(IsoDate(date)) }

        /// Announced by `leader`.
        fn announced_by(leader: LeaderId) { announced_by = Some(leader) }

        /// With `status` (planned: announced as coming, not yet set up).
        fn with_status(status: EventStatus) { status = status }

        /// With its partners ("12 US organisations").
        fn with_partners(partners: Partners) { partners = Some(partners) }

        /// With a description in the dossier's own words.
        fn with_description(description: impl Into<String>) { description = Some(description.into()) }
    }

    getters! {
        /// The id.
        fn id -> &InitiativeId { &id }

        /// The name.
        fn name -> &str { &name }

        /// The kind.
        fn kind -> &InitiativeKind { &kind }

        /// The sponsor: a country, an organisation, a group.
        fn sponsor -> &Actor { &sponsor }

        /// The sponsor's agencies that run it.
        fn agencies -> &[Agency] { &agencies }

        /// The countries, groups or regions it is aimed at.
        fn targets -> &[Area] { &targets }

        /// The topics.
        fn topics -> &[Topic] { &topics }

        /// The day it was announced, when known.
        fn announced -> Option<NaiveDate> { announced.map(NaiveDate::from) }

        /// The leader who announced it, when the source names one.
        fn announcer -> Option<&LeaderId> { announced_by.as_ref() }

        /// Whether it existed at the source's date, or was still planned.
        fn status -> EventStatus { status }

        /// Its partners, when it has any.
        fn partners -> Option<&Partners> { partners.as_ref() }

        /// The description.
        fn description -> Option<&str> { description.as_deref() }
    }

    cited!();
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

    getters! {
        /// How many.
        fn count -> Count { count }

        /// Of what kind: "US organisations".
        fn kind -> &str { &kind }
    }
}

impl fmt::Display for Partners {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.count, self.kind)
    }
}
