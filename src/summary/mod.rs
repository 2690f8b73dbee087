//! Dossier summaries.

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
