//! Aggregation: exact totals of flows of funds in one currency, by any
//! dimension, streaming and mergeable; and the summaries of a dossier
//! built on them (funding totals, vaccine doses by group and by pledge,
//! statistic breakdowns as counts).

mod aggregator;
mod apportion;
mod area_recipient;
mod area_split;
mod dimension;
mod error;
mod flow;
pub(crate) mod iati;
mod json;
mod rate_cache;
mod refine;
mod rejection;
mod split;
mod totals;

pub use aggregator::Aggregator;
pub(crate) use aggregator::{Pushed, RateKey, Tally};
pub use area_recipient::AreaRecipient;
pub use area_split::{AreaSplit, AreaSplitError};
pub use dimension::{By, CountryGroups, Dimension, GroupKey, GroupTable, KeyPart, ParseDimensionError};
pub use error::AggregateError;
pub use flow::Flow;
pub(crate) use refine::Refiner;
pub use rejection::{ReaderError, RejectReason, Rejection};
pub use split::{CountrySplit, CountrySplitError, FlowRecipients};
pub use totals::{GroupTotal, Totals};

// Names the engine's files take from their neighbours: the exact
// arithmetic of `money`, the summaries a rejection or the JSON shapes name.
use crate::money::{wide, ExactSum};
use crate::summary::{
    BreakdownCount, DoseGroup, DoseTotals, FactRejection, FundingFlowError, FundingTotals, PledgeSummary, Remainder,
    TrancheSummary,
};
