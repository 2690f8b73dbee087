//! The grammar of each kind of token the crate reads, written once and
//! used by every reader: a decimal number ([`decimal`]), a date
//! ([`date`]), and the fields of a CSV record ([`csv`]).
//!
//! Every format reads its numbers, dates and CSV fields here, so that the
//! same text gets the same answer and the same message in money notation,
//! funding records, rate tables, ECB files and JSON amounts. A reader may
//! put a faster path in front (the funding-records and ECB loaders do, for
//! the plain rows that make up nearly all of a file), but only as a
//! prefilter that a property test holds to the same answers.

pub(crate) mod csv;
pub(crate) mod date;
pub(crate) mod decimal;

pub use decimal::DecimalErrorKind;
