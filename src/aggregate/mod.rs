//! Aggregation: exact totals of flows of funds in one currency, by any
//! dimension, streaming and mergeable.

mod aggregator;
mod dimension;
mod error;
mod exact;
mod flow;
mod rate_cache;
mod rejection;
mod split;
mod totals;
mod wide;

pub use aggregator::Aggregator;
pub(crate) use aggregator::{RateKey, Tally};
pub use dimension::{By, CountryGroups, Dimension, GroupKey, GroupTable, KeyPart, ParseDimensionError};
pub use error::AggregateError;
pub use exact::ExactSum;
pub use flow::Flow;
pub use rejection::{RejectReason, Rejection};
pub use split::{Recipients, Split, SplitError};
pub use totals::{GroupTotal, Totals};
