//! Aggregation: the streaming aggregator and its funding records (CSV),
//! IATI files read and totalled, and the summaries of dossiers (funding,
//! doses, tranches, breakdowns).
//!
//! One test binary (one link step) for the whole flow; each module is one
//! file of `tests/aggregate/`. Modules that need the embedded ECB snapshot
//! say so with `#![cfg(feature = "ecb-snapshot")]` at their top.

#[path = "aggregate/aggregate_actors.rs"]
mod aggregate_actors;
#[path = "aggregate/aggregate_properties.rs"]
mod aggregate_properties;
#[path = "aggregate/aggregate_totals.rs"]
mod aggregate_totals;
#[path = "aggregate/iati_aggregate_properties.rs"]
mod iati_aggregate_properties;
#[path = "aggregate/iati_properties.rs"]
mod iati_properties;
#[path = "aggregate/iati_reader.rs"]
mod iati_reader;
#[path = "aggregate/records_csv.rs"]
mod records_csv;
#[path = "aggregate/summary_breakdowns.rs"]
mod summary_breakdowns;
#[path = "aggregate/summary_doses.rs"]
mod summary_doses;
#[path = "aggregate/summary_funding.rs"]
mod summary_funding;
#[path = "aggregate/summary_properties.rs"]
mod summary_properties;
#[path = "aggregate/summary_seed.rs"]
mod summary_seed;
#[path = "aggregate/summary_tranches.rs"]
mod summary_tranches;
