//! Dossier summaries: what the facts of a [`Dossier`](crate::Dossier) add
//! up to, counted exactly on the [`aggregate`](crate::aggregate) engine,
//! each fact it cannot count named by its place in the document.
//!
//! - [`FundingSummary`]: a dossier's funding totalled in one currency by
//!   any dimension, as [`FundingTotals`] (with bounds where amounts are
//!   approximate); each funding entry goes in as a [`FundingFlow`].
//! - [`DoseTotals`]: the vaccine doses allocated, by recipient, group,
//!   stage, donor, year or month, one [`DoseGroup`] per key.
//! - [`PledgeSummary`]: each vaccine pledge against its allocations (share
//!   and [`Remainder`]), and each of its tranches ([`TrancheSummary`]).
//! - [`BreakdownCount`]: the count each breakdown of a statistic implies,
//!   with its qualifier.
//! - [`FactRejection`]: a fact a summary could not count, with its place
//!   as a JSON Pointer (`/funding/3`) and why.
//!
//! ```
//! use statecraft::summary::BreakdownCount;
//! use statecraft::{Dimension, DoseTotals, Dossier, PledgeSummary};
//!
//! # let json = include_str!("../../examples/data/guatemala-2021.json");
//! let dossier = Dossier::from_json_str(json)?;
//! let doses = DoseTotals::of(&dossier, Dimension::Recipient)?;
//! assert_eq!(doses.total(), 1_500_000);
//!
//! let pledge = &PledgeSummary::all(&dossier)?[0];
//! assert_eq!(pledge.remainder().to_string(), "23,500,000 not allocated");
//!
//! let counts = BreakdownCount::all(&dossier)?;
//! assert_eq!(counts[0].path().to_pointer(), "/statistics/0/breakdowns/0");
//! assert_eq!(counts[0].to_string(), "more than 71,200 from the Northern Triangle");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod breakdown;
mod doses;
mod fact_rejection;
mod funding_flow;
mod funding_summary;
mod pledge_summary;

pub use breakdown::BreakdownCount;
pub use doses::{DoseGroup, DoseTotals};
pub use fact_rejection::FactRejection;
pub use funding_flow::{FundingFlow, FundingFlowError};
pub use funding_summary::{FundingSummary, FundingTotals};
pub use pledge_summary::{PledgeSummary, Remainder, TrancheSummary};

// The engine's names the summaries' files take from their parent.
use crate::aggregate::{
    AggregateError, Aggregator, AreaRecipient, AreaSplit, AreaSplitError, By, Dimension, Flow, FlowRecipients,
    GroupKey, GroupTotal, KeyPart, RejectReason, Totals,
};
use crate::money::ExactSum;
