//! The facts of a dossier: sources, actors and areas, leaders and their
//! terms and offices, trips and meetings, initiatives, funding, vaccine
//! pledges and allocations, statistics; and their JSON format (and the
//! upgrade of format 1 documents, `v1`).

#[macro_use]
mod accessors;
mod actor;
mod area;
mod dossier;
mod fact;
mod funding;
mod id;
mod initiative;
mod json;
mod leader;
mod meeting;
mod office;
mod office_table;
mod path;
pub(crate) mod period;
mod receiver;
mod share;
mod source;
mod statistic;
mod status;
mod topic;
mod tranche;
mod trip;
mod v1;
mod vaccine;

pub use actor::Actor;
pub use area::{Area, DeclaredArea};
pub use dossier::{Dossier, Entry};
pub use fact::FactRef;
pub use funding::{Funding, FundingStage, Recipient};
pub use id::{
    AllocationId, AreaId, FundingId, GroupId, Id, InitiativeId, LeaderId, MeetingId, OrganisationId, PledgeId,
    SourceId, StatisticId, TrancheId, TripId,
};
pub use initiative::{Agency, Initiative, InitiativeKind, Partners};
pub use json::{LoadError, LoadErrorKind};
pub use leader::{Leader, Term};
pub use meeting::{Attendance, Meeting, MeetingKind, Participant};
pub use office::{Function, Office, Role};
pub use path::{FieldPath, PathSegment};
pub use period::{ParseYearMonthError, Period, YearMonth};
pub use receiver::Receiver;
pub use share::{Share, ShareError, ShareErrorKind};
pub use source::Source;
pub use statistic::{Border, Breakdown, Metric, Rank, RankOrder, Scope, Statistic};
pub use status::EventStatus;
pub use topic::{ParseTopicError, Topic};
pub use tranche::Tranche;
pub(crate) use tranche::{nodes as tranche_nodes, Node as TrancheNode};
pub use trip::{Leg, Trip, TripNote};
pub use vaccine::{Channel, Disease, DoseStage, VaccineAllocation, VaccinePledge, VaccineProduct};
