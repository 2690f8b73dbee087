//! `History`: ECB reference rates stored densely by day, for O(1) lookups.

use std::fmt;
use std::sync::Arc;

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use strum::EnumCount;

use super::FxError;
use crate::Currency;

/// A day offset that marks "no rate yet".
const NONE: u32 = u32::MAX;

/// A column index that marks "not a column".
const NO_COLUMN: u8 = u8::MAX;

/// The latest rate of one currency published on or before one row's day.
#[derive(Clone, Copy)]
pub(super) struct Cell {
    /// The rate.
    pub(super) value: Decimal,
    /// The day it was published, as an offset from the first day; [`NONE`]
    /// before the currency's first rate.
    pub(super) day: u32,
}

impl Cell {
    pub(super) const EMPTY: Cell = Cell {
        value: Decimal::ZERO,
        day: NONE,
    };
}

/// Rates per euro for a set of currencies, one row per publication day.
///
/// Storage is dense in two steps, both O(1): `day_row` maps every calendar
/// day from the first to the last publication to the latest row on or
/// before it; `cells` holds, for every row and currency, the latest rate
/// published on or before that row's day (carried forward over `N/A`)
/// with its publication day. A lookup is two indexed reads, whatever the
/// date. Memory: 4 bytes per calendar day and 20 per row and currency
/// (5.8 MB for the embedded 1999-2026 snapshot).
pub(super) struct History {
    pub(super) provider: Arc<str>,
    pub(super) first: NaiveDate,
    pub(super) last: NaiveDate,
    columns: Vec<Currency>,
    /// For each currency (by discriminant), its column, or [`NO_COLUMN`].
    column_of: Vec<u8>,
    /// For each day offset from `first` to `last`, the latest row on or
    /// before it.
    day_row: Vec<u32>,
    /// For each row, its day offset.
    row_day: Vec<u32>,
    /// Row-major, `row_day.len() × columns.len()`.
    cells: Vec<Cell>,
    /// For each column, the day offsets of its first and last rate.
    ranges: Vec<Option<(u32, u32)>>,
    /// Set only for the embedded snapshot, should it fail to parse.
    pub(super) failure: Option<FxError>,
}

impl History {
    /// Builds the storage from rows in chronological order: `days` holds
    /// each row's day offset from `first` (strictly increasing, starting
    /// at 0), `rows` yields each row's rates per euro in column order,
    /// zero for none.
    pub(super) fn build<'a>(
        provider: Arc<str>,
        first: NaiveDate,
        columns: Vec<Currency>,
        days: Vec<u32>,
        rows: impl Iterator<Item = &'a [Decimal]>,
    ) -> History {
        let width = columns.len();
        let mut column_of = vec![NO_COLUMN; Currency::COUNT];
        for (i, c) in columns.iter().enumerate() {
            if let (Some(slot), Ok(i)) = (column_of.get_mut(*c as usize), u8::try_from(i)) {
                *slot = i;
            }
        }
        let last_day = days.last().copied().unwrap_or(0);
        let mut day_row = Vec::with_capacity(last_day as usize + 1);
        for (row, pair) in days.windows(2).enumerate() {
            if let [start, next] = *pair {
                day_row.extend(std::iter::repeat_n(row as u32, (next - start) as usize));
            }
        }
        day_row.push(days.len().saturating_sub(1) as u32);

        let mut cells = Vec::with_capacity(days.len() * width);
        let mut latest = vec![Cell::EMPTY; width];
        let mut ranges: Vec<Option<(u32, u32)>> = vec![None; width];
        for (&day, values) in days.iter().zip(rows) {
            for ((cell, range), &value) in latest.iter_mut().zip(ranges.iter_mut()).zip(values) {
                if !value.is_zero() {
                    *cell = Cell { value, day };
                    *range = Some(range.map_or((day, day), |(first, _)| (first, day)));
                }
            }
            cells.extend_from_slice(&latest);
        }
        History {
            provider,
            first,
            last: first.checked_add_days(Days::new(u64::from(last_day))).unwrap_or(first),
            columns,
            column_of,
            day_row,
            row_day: days,
            cells,
            ranges,
            failure: None,
        }
    }

    /// A history that answers every lookup with `failure`.
    pub(super) fn failed(provider: Arc<str>, failure: FxError) -> History {
        History {
            provider,
            first: NaiveDate::MIN,
            last: NaiveDate::MIN,
            columns: Vec::new(),
            column_of: Vec::new(),
            day_row: Vec::new(),
            row_day: Vec::new(),
            cells: Vec::new(),
            ranges: Vec::new(),
            failure: Some(failure),
        }
    }

    /// The currencies quoted, in column order.
    pub(super) fn columns(&self) -> &[Currency] {
        &self.columns
    }

    /// The column of `currency` and the first and last day it has a rate,
    /// if it has any.
    pub(super) fn series(&self, currency: Currency) -> Option<(usize, NaiveDate, NaiveDate)> {
        let column = usize::from(*self.column_of.get(currency as usize)?);
        let (first, last) = (*self.ranges.get(column)?)?;
        Some((column, self.date(first), self.date(last)))
    }

    /// The latest rate in `column` published on or before `on`, with its
    /// day; `None` when there is none.
    pub(super) fn latest(&self, column: usize, on: NaiveDate) -> Option<(Decimal, NaiveDate)> {
        let offset = u64::try_from(on.signed_duration_since(self.first).num_days()).ok()?;
        let row = match usize::try_from(offset).ok().and_then(|o| self.day_row.get(o)) {
            Some(&row) => row as usize,
            None => self.row_day.len().checked_sub(1)?,
        };
        let cell = self.cells.get(row * self.columns.len() + column)?;
        (cell.day != NONE).then(|| (cell.value, self.date(cell.day)))
    }

    /// Every publication day, in order.
    pub(super) fn dates(&self) -> impl ExactSizeIterator<Item = NaiveDate> + '_ {
        self.row_day.iter().map(|&d| self.date(d))
    }

    fn date(&self, offset: u32) -> NaiveDate {
        self.first
            .checked_add_days(Days::new(u64::from(offset)))
            .unwrap_or(self.last)
    }
}

impl fmt::Debug for History {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("History")
            .field("provider", &self.provider)
            .field("first", &self.first)
            .field("last", &self.last)
            .field("days", &self.row_day.len())
            .field("currencies", &self.columns)
            .field("failure", &self.failure)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn carries_rates_forward_over_gaps_and_missing_values() {
        let d = |v: i64| Decimal::new(v, 1);
        // Mon 0, Tue 1, Fri 4, next Mon 7; USD every day, ISK missing on Fri.
        let rows: Vec<Vec<Decimal>> = vec![
            vec![d(11), d(0)],
            vec![d(12), d(1400)],
            vec![d(13), Decimal::ZERO],
            vec![d(14), d(1410)],
        ];
        let h = History::build(
            Arc::from("T"),
            day(2021, 6, 7),
            vec![Currency::USD, Currency::ISK],
            vec![0, 1, 4, 7],
            rows.iter().map(Vec::as_slice),
        );
        assert_eq!(h.last, day(2021, 6, 14));
        let (usd, first, last) = h.series(Currency::USD).unwrap();
        assert_eq!((first, last), (day(2021, 6, 7), day(2021, 6, 14)));
        let (isk, first, _) = h.series(Currency::ISK).unwrap();
        assert_eq!(first, day(2021, 6, 8));
        assert_eq!(h.latest(usd, day(2021, 6, 6)), None);
        assert_eq!(h.latest(usd, day(2021, 6, 7)), Some((d(11), day(2021, 6, 7))));
        assert_eq!(h.latest(usd, day(2021, 6, 10)), Some((d(12), day(2021, 6, 8))));
        assert_eq!(h.latest(usd, day(2021, 6, 13)), Some((d(13), day(2021, 6, 11))));
        assert_eq!(h.latest(usd, day(2030, 1, 1)), Some((d(14), day(2021, 6, 14))));
        assert_eq!(h.latest(isk, day(2021, 6, 7)), None);
        assert_eq!(h.latest(isk, day(2021, 6, 12)), Some((d(1400), day(2021, 6, 8))));
        assert_eq!(h.series(Currency::GBP), None);
        assert_eq!(h.dates().count(), 4);
    }
}
