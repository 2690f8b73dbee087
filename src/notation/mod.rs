//! Numbers as news copy writes them: grouped digits, magnitudes (`k`,
//! `m`, `bn`, `tn`), counts with qualifiers ("more than 178,000") and
//! ranges ("between 5 and 6 million"), and the exact bounds such figures
//! give the true one. Money notation (`$310m`) builds on this in `money`.
//!
//! - [`Qualifier`]: the words the press qualifies a figure with, each
//!   read as bounds ([`Qualifier::bounds_of`]).
//! - [`Figure`]: a quantity as a report states it, exact, qualified or as
//!   a range; [`Count`] is a figure of a whole number, and a figure of
//!   [`Money`](crate::Money) an amount as reported.
//! - [`Bounds`]: exact lower and upper bounds, and their sound arithmetic
//!   (sums, remainders, shares).

mod bounds;
mod count;
mod figure;
pub(crate) mod number;

pub(crate) use bounds::{add_counts, sealed};
pub use bounds::{Bounds, FigureError, Quantity};
pub use count::{Count, CountErrorKind, ParseCountError, Qualifier};
pub(crate) use figure::words;
pub use figure::Figure;
