//! Aggregation: exact totals of flows of funds in one currency, by any
//! dimension, streaming and mergeable; and the summaries of a dossier
//! built on them (funding totals, vaccine doses by group and by pledge,
//! statistic breakdowns as counts).

mod aggregator;
mod apportion;
mod area_recipient;
mod area_split;
mod breakdown;
mod dimension;
mod doses;
mod error;
mod exact;
mod fact_rejection;
mod flow;
mod funding_flow;
mod funding_summary;
mod iati;
mod json;
mod pledge_summary;
mod rate_cache;
mod refine;
mod rejection;
mod split;
mod totals;
mod wide;

pub use aggregator::Aggregator;
pub(crate) use aggregator::{Pushed, RateKey, Tally};
pub use area_recipient::AreaRecipient;
pub use area_split::{AreaSplit, AreaSplitError};
pub use breakdown::BreakdownCount;
pub use dimension::{By, CountryGroups, Dimension, GroupKey, GroupTable, KeyPart, ParseDimensionError};
pub use doses::{DoseGroup, DoseTotals};
pub use error::AggregateError;
pub use exact::ExactSum;
pub use fact_rejection::FactRejection;
pub use flow::Flow;
pub use funding_flow::{FundingFlow, FundingFlowError};
pub use funding_summary::{FundingSummary, FundingTotals};
pub use iati::Summary as IatiSummary;
pub use pledge_summary::{PledgeSummary, Remainder, TrancheSummary};
pub(crate) use refine::Refiner;
pub use rejection::{ReaderError, RejectReason, Rejection};
pub use split::{Recipients, Split, SplitError};
pub use totals::{GroupTotal, Totals};
