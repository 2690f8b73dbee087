//! The streaming engine: exact totals of flows of funds in one currency,
//! by any dimension, mergeable across threads and machines.
//!
//! - [`Aggregator`]: sums [`Flow`]s (a funding record, an IATI
//!   transaction, a dossier's funding entry, any type of yours) converted
//!   at each flow's value date, or one fixed date, through any
//!   [`RateSource`](crate::fx::RateSource); `fork` and `merge` split the
//!   work.
//! - [`Dimension`] and [`By`]: what totals are grouped by (recipient,
//!   donor, M49 region at any level, named group on each record's date
//!   through [`CountryGroups`], stage, year, month, or a pair), each group
//!   keyed by a [`GroupKey`] of [`KeyPart`]s.
//! - [`FlowRecipients`]: who receives a flow: one country, countries by
//!   [`CountrySplit`], an area as it stands ([`AreaRecipient`]) or areas
//!   by share ([`AreaSplit`]), apportioned exactly.
//! - [`Totals`]: what was summed, one [`GroupTotal`] per group, each
//!   rounded once from its [`ExactSum`], with the counts (read =
//!   aggregated + undisclosed + rejected) and the first [`Rejection`]s,
//!   each with its line and [`RejectReason`].
//!
//! The summaries of a dossier built on this engine (funding totals,
//! vaccine doses, pledges against allocations) are in
//! [`summary`](crate::summary).
//!
//! ```
//! use statecraft::aggregate::{CountrySplit, FlowRecipients, GroupKey, KeyPart};
//! use statecraft::fx::RateTable;
//! use statecraft::records::FundingRecord;
//! use statecraft::{Aggregator, Country, Currency, Dimension, FundingStage};
//!
//! // GBP at 1.25 dollars on the day; USD needs no rate.
//! let rates = RateTable::from_csv("date,base,quote,rate\n2021-06-07,GBP,USD,1.25\n".as_bytes())?;
//! let mut agg = Aggregator::new(rates, Currency::USD, Dimension::Recipient);
//! let day = "2021-06-07".parse()?;
//! let halves = CountrySplit::new([(Country::GT, "50%".parse()?), (Country::HN, "50%".parse()?)])?;
//! agg.push(&FundingRecord::new("1".parse()?, day, Country::US, Country::GT, FundingStage::Pledged, Some("$310m".parse()?)));
//! agg.push(&FundingRecord::new("2".parse()?, day, Country::GB, FlowRecipients::Split(halves), FundingStage::Committed, Some("£2m".parse()?)));
//! agg.push(&FundingRecord::new("3".parse()?, day, Country::DE, Country::SV, FundingStage::Disbursed, Some("€1m".parse()?)));
//!
//! let totals = agg.totals()?;
//! let gt = GroupKey::new(KeyPart::Country(Country::GT), None);
//! assert_eq!(totals.get(&gt).map(|g| g.total().to_string()), Some("USD 311250000.00".into()));
//! assert_eq!((totals.read(), totals.aggregated(), totals.rejected()), (3, 2, 1)); // no EUR rate
//! assert_eq!(totals.rejections()[0].line(), 3);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

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
pub use rejection::{ReaderError, RejectKind, RejectReason, Rejection};
pub use split::{CountrySplit, CountrySplitError, FlowRecipients};
pub use totals::{GroupTotal, Totals};

// Names the engine's files take from their neighbours: the exact
// arithmetic of `money`, the summaries a rejection or the JSON shapes name.
use crate::money::{wide, ExactSum};
use crate::summary::{
    BreakdownCount, DoseGroup, DoseTotals, FactRejection, FundingFlowError, FundingTotals, PledgeSummary, Remainder,
    TrancheSummary,
};
