//! Numbers as news copy writes them: grouped digits, magnitudes (`k`,
//! `m`, `bn`, `tn`), and counts with qualifiers ("more than 178,000").
//! Money notation (`$310m`) builds on this in `money`.

mod count;
pub(crate) mod number;

pub use count::{Count, CountErrorKind, ParseCountError, Qualifier};
