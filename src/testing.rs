//! Helpers the unit tests share (compiled for tests only).

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The day `y-m-d`; a test names only days that exist.
pub(crate) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Day `d` of June 2021, the month of the vaccine-sharing story.
pub(crate) fn june(d: u32) -> NaiveDate {
    day(2021, 6, d)
}

/// The decimal written `s`; a test writes only valid ones.
pub(crate) fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Compiles only when `T` can be sent and shared across threads and
/// holds no borrow: what a caller needs to keep it in a static or move
/// it to a worker.
pub(crate) fn assert_send_sync<T: Send + Sync + 'static>() {}

/// Compiles only when `T` is an error a caller can box, send across
/// threads and keep: `Box<dyn Error + Send + Sync>` and `?` both take it.
pub(crate) fn assert_error<T: std::error::Error + Send + Sync + 'static>() {}
