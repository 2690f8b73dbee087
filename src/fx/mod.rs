//! Exchange rates: dated reference rates with an explicit missing-rate
//! policy, and provenance for every number.

mod error;
mod rate;
mod source;

pub use error::FxError;
pub use rate::{Derivation, Rate};
pub use source::RateSource;
