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
//!
//! # Making figures from other notations
//!
//! A reader of a notation of its own (money as the press writes it:
//! "about $4bn", "$3-4bn", "between £5m and £6m") makes its figures with
//! three constructors and one helper, and gets the same readings, bounds,
//! JSON and validation as counts do:
//!
//! - [`Qualifier::parse_prefix`] takes the qualifier's words off the text
//!   (`"about $4bn"` → [`Qualifier::About`] and `"$4bn"`);
//! - [`Figure::new`]`(value, qualifier)` for one number, qualified or
//!   not, and [`Figure::exact`]`(value)`;
//! - [`Figure::range`]`(low, high)` for a range, which refuses an
//!   inverted one ("5–3m": [`FigureError::Inverted`]) and amounts in two
//!   currencies ([`FigureError::UnitsDiffer`]).
//!
//! ```
//! use statecraft::notation::{Figure, FigureError};
//! use statecraft::{Currency, Decimal, Money, Qualifier};
//!
//! let usd = |bn: i64| Money::new(Decimal::from(bn * 1_000_000_000), Currency::USD);
//! let gbp = |m: i64| Money::new(Decimal::from(m * 1_000_000), Currency::GBP);
//!
//! // "about $4bn"
//! let (q, rest) = Qualifier::parse_prefix("about $4bn");
//! let about = Figure::new(rest.parse::<Money>()?, q);
//! assert_eq!(about, Figure::new(usd(4), Qualifier::About));
//! assert_eq!(about.bounds().to_compact(), "between $3.5bn and $4.5bn");
//!
//! // "$3-4bn": the reader applies the magnitude to both numbers.
//! let range = Figure::range(usd(3), usd(4))?;
//! assert_eq!(range.to_compact(), "between $3bn and $4bn");
//!
//! // "between £5m and £6m"
//! let between = Figure::range(gbp(5), gbp(6))?;
//! assert_eq!(between.as_range(), Some((gbp(5), gbp(6))));
//! assert_eq!(serde_json::to_string(&between)?, r#"{"between":["5000000","6000000"],"currency":"GBP"}"#);
//!
//! // "£6m-£5m" and "£5m-$6m" are refused.
//! assert!(matches!(Figure::range(gbp(6), gbp(5)), Err(FigureError::Inverted { .. })));
//! assert!(matches!(Figure::range(gbp(5), usd(6)), Err(FigureError::UnitsDiffer { .. })));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod bounds;
mod count;
mod figure;
pub(crate) mod number;

pub(crate) use bounds::{add_counts, sealed};
pub use bounds::{Bounds, FigureError, Quantity};
pub use count::{Count, CountErrorKind, ParseCountError, Qualifier};
pub(crate) use figure::words;
pub use figure::Figure;
