//! The facts of a story, held in a [`Dossier`] where every fact cites its
//! source, and their JSON format (`statecraft-dossier/2`, `docs/FORMAT.md`;
//! documents of format 1 still load).
//!
//! - Who: [`Actor`] (a country, an organisation, a group, an IATI
//!   organisation) and [`Area`] (a country, a group, an M49 area, a DAC
//!   region, an area the dossier declares as a [`DeclaredArea`], the
//!   world); [`Leader`]s with [`Term`]s in an [`Office`] carrying
//!   [`Function`]s, named in an [`OfficeRole`].
//! - What happened: [`Trip`]s with [`Leg`]s, [`Meeting`]s with
//!   [`Participant`]s, [`Initiative`]s.
//! - Money and doses: [`Funding`] to [`FundingRecipient`]s with optional
//!   [`Share`]s at a [`FundingStage`]; [`VaccinePledge`]s divided into
//!   [`Tranche`]s by [`DoseChannel`] or area, and [`VaccineAllocation`]s
//!   from them at a [`DoseStage`].
//! - Figures: [`Statistic`]s, a [`Metric`] over a [`StatisticScope`] (an
//!   area or a [`CountryBorder`]) and a [`Period`], with [`Breakdown`]s and
//!   a [`Rank`].
//! - Where they come from: each fact cites a [`Publication`] by its
//!   [`SourceId`]; facts name each other by typed ids ([`Id<T>`](Id): a
//!   [`LeaderId`] is not a [`SourceId`]); anything a dossier holds is a
//!   [`DossierEntry`].
//! - Where in the document: a [`FieldPath`], printed as a JSON Pointer
//!   (`/funding/0/amount`) in every message: load errors
//!   ([`LoadError`]), validation reports, summaries.
//!
//! ```
//! use statecraft::model::{FundingRecipient, Publication, SourceId};
//! use statecraft::{Area, Country, Dossier, Funding, FundingStage, NaiveDate};
//!
//! let day = NaiveDate::from_ymd_opt(2021, 4, 26).ok_or("bad date")?;
//! let source = SourceId::new("state-dept")?;
//! let dossier = Dossier::new()
//!     .with(Publication::new(source.clone(), "US aid to Central America", day))
//!     .with(
//!         Funding::new("us-aid".parse()?, Country::US, FundingStage::Announced, source)
//!             .announced_on(day)
//!             .with_amount("$310m".parse()?)
//!             .with_recipient(FundingRecipient::new(Area::from(Country::GT))),
//!     );
//! let back = Dossier::from_json_str(&dossier.to_json_string()?)?;
//! assert_eq!(back, dossier);
//!
//! let e = Dossier::from_json_str(r#"{"format": "statecraft-dossier/2", "funding": [{"id": 5}]}"#).unwrap_err();
//! assert_eq!(e.path().to_pointer(), "/funding/0/id");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

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

pub use crate::slug::{IdErrorKind, ParseIdError};
pub use actor::Actor;
pub use area::{Area, DeclaredArea};
pub use dossier::{Dossier, DossierEntry};
pub use fact::FactRef;
pub use funding::{Funding, FundingRecipient, FundingStage};
pub use id::{
    AllocationId, AreaId, FundingId, GroupId, Id, InitiativeId, LeaderId, MeetingId, OrganisationId, PledgeId,
    SourceId, StatisticId, TrancheId, TripId,
};
pub use initiative::{Agency, Initiative, InitiativeKind, Partners};
pub use json::{LoadError, LoadErrorKind};
pub use leader::{Leader, Term};
pub use meeting::{Attendance, Meeting, MeetingKind, Participant};
pub use office::{Function, Office, OfficeRole};
pub use path::{FieldPath, PathSegment};
pub use period::{ParseYearMonthError, Period, YearMonth};
pub use receiver::Receiver;
pub use share::{Share, ShareError, ShareErrorKind};
pub use source::Publication;
pub use statistic::{Breakdown, CountryBorder, Metric, Rank, RankOrder, Statistic, StatisticScope};
pub use status::EventStatus;
pub use topic::{ParseTopicError, Topic};
pub use tranche::Tranche;
pub(crate) use tranche::{nodes as tranche_nodes, Node as TrancheNode};
pub use trip::{Leg, Trip, TripNote};
pub use vaccine::{Disease, DoseChannel, DoseStage, VaccineAllocation, VaccinePledge, VaccineProduct};
