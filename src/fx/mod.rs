//! Exchange rates: dated reference rates with an explicit missing-rate
//! policy, and provenance for every number.
//!
//! - [`RateSource`]: anything that answers "how many `to` for one `from`
//!   on this day" with a [`Rate`] that says which date, which source, how
//!   it was derived and, for a cross rate, from which legs.
//! - [`EcbRates`]: the European Central Bank's euro reference rates, read
//!   from its `eurofxref-hist.csv` or embedded (1999-01-04 to 2026-10-30).
//! - [`RateTable`]: rates you supply (GTQ per USD from the Banco de
//!   Guatemala), read from `date,base,quote,rate` CSV or inserted.
//! - [`FixedRates`]: the rates fixed by law, not by a market: the euro's
//!   irrevocable conversion rates (1 EUR = 1.95583 DEM) and the
//!   redenominations (1 SLE = 1,000 SLL), each naming the law that set it.
//! - [`RateChain`]: sources asked in order, crossed through EUR or USD when
//!   no single one has the pair.
//! - [`MissingRatePolicy`]: which published rate answers for a weekend, a
//!   holiday, a gap: by default the latest on or before the date, at most
//!   7 days old.
//! - [`check_reported`]: whether "$310m (£219m)" agrees with the reference
//!   rate of the report's date, as a [`ReportedPair`].
//!
#![cfg_attr(feature = "ecb-snapshot", doc = "```")]
#![cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
//! use statecraft::fx::{EcbRates, RateChain, RateSource, RateTable, check_reported};
//! use statecraft::{Currency, Money, NaiveDate};
//!
//! let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
//! let banguat = RateTable::from_csv("date,base,quote,rate\n2021-06-04,USD,GTQ,7.7237\n".as_bytes())?;
//! let rates = RateChain::new().with(EcbRates::embedded()).with(banguat);
//!
//! let aid: Money = "$310m".parse()?;
//! assert_eq!(rates.convert(aid, Currency::GBP, day)?.to_compact(), "£218.8m");
//! assert_eq!(rates.convert(aid, Currency::GTQ, day)?.to_compact(), "GTQ 2.394bn");
//! assert!(check_reported(aid, "£219m".parse()?, day, &rates)?.is_consistent());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod chain;
mod ecb;
mod ecb_csv;
mod error;
mod fixed;
mod fixed_table;
mod history;
mod policy;
mod rate;
mod reported;
mod series;
mod source;
mod table;
mod text;

pub use chain::RateChain;
pub use ecb::EcbRates;
pub use error::{FxError, ParseErrorKind, Uncheckable};
pub use fixed::{FixedKind, FixedRate, FixedRates};
pub use policy::MissingRatePolicy;
pub use rate::{Derivation, Rate};
pub use reported::{check_reported, check_reported_with, ReportedPair, DEFAULT_MARGIN_PERCENT};
pub use series::Series;
pub use source::RateSource;
pub use table::RateTable;
