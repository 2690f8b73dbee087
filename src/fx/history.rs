//! `History`: ECB reference rates stored densely by day, for O(1) lookups.

use std::fmt;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use strum::EnumCount;

use super::FxError;
use crate::Currency;

/// A column index that marks "not a column".
const NO_COLUMN: u8 = u8::MAX;

/// Day numbers count from 0000-01-01 (day 0), so that every date a rates
/// file can hold (years 0000 to 9999) has a small non-negative number.
const EPOCH_FROM_CE: i64 = -365;

/// The flag of a packed rate that is an index into the wide rates.
const WIDE: u64 = 1 << 63;

/// The largest mantissa packed in place: 55 bits, every decimal of up to
/// 16 digits.
pub(super) const MAX_PACKED: u64 = (1 << 55) - 1;

/// The longest span, in calendar days, always indexed by day: 40,000 days,
/// about 109 years (160 KB of index), four times the ECB's history.
pub(super) const DENSE_SPAN_DAYS: u64 = 40_000;

/// Beyond [`DENSE_SPAN_DAYS`], a history is indexed by day only while it
/// has a publication for at least one day in this many: the index then
/// costs at most 4 bytes × 16 per row, next to the 12 bytes per row and
/// currency of its rates.
pub(super) const DENSE_DAYS_PER_ROW: u64 = 16;

/// Whether a history of `rows` publications over `span_days` calendar
/// days gets the per-day index (O(1) lookups) rather than a binary search
/// over its publications (O(log rows)).
fn is_dense(span_days: u64, rows: usize) -> bool {
    span_days <= DENSE_SPAN_DAYS.max((rows as u64).saturating_mul(DENSE_DAYS_PER_ROW))
}

/// The day number of `date` (see [`EPOCH_FROM_CE`]).
pub(super) fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - EPOCH_FROM_CE
}

/// The date of a day number.
fn date_of(day: u32) -> Option<NaiveDate> {
    let ce = i64::from(day).checked_add(EPOCH_FROM_CE)?;
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(ce).ok()?)
}

/// One rate and the day it was published, in 12 bytes: the rate packed in
/// 64 bits (zero for none; a mantissa of up to 55 bits shifted left by 8
/// over its scale; or [`WIDE`] and an index into the rates too long for
/// that, none of which the ECB publishes), and the day number.
type Cell = [u32; 3];

/// The rates of a file as it is read, row after row, one cell per column,
/// with the cells without a rate and each column's first and last day.
#[derive(Default)]
pub(super) struct Cells {
    cells: Vec<Cell>,
    wide: Vec<Decimal>,
    /// The indices of the cells without a rate, in the order pushed.
    gaps: Vec<u32>,
    /// For each column, the day numbers of its first and last rate.
    ranges: Vec<Option<(u32, u32)>>,
}

impl Cells {
    pub(super) fn new(width: usize, rows: usize) -> Cells {
        Cells {
            cells: Vec::with_capacity(rows * width),
            wide: Vec::new(),
            gaps: Vec::new(),
            ranges: vec![None; width],
        }
    }

    /// No rate.
    pub(super) fn push_none(&mut self) {
        self.gaps.push(self.cells.len() as u32);
        self.cells.push([0; 3]);
    }

    /// In `column`, a positive rate `mantissa × 10^-scale` published on
    /// `day`, `mantissa` at most [`MAX_PACKED`] and `scale` at most 28.
    pub(super) fn push_plain(&mut self, column: usize, mantissa: u64, scale: u32, day: u32) {
        self.push_packed(column, mantissa << 8 | u64::from(scale), day);
    }

    /// In `column`, a rate published on `day`, or none for zero.
    pub(super) fn push(&mut self, column: usize, rate: Decimal, day: u32) {
        let mantissa = u64::try_from(rate.mantissa()).ok().filter(|m| *m <= MAX_PACKED);
        match mantissa {
            _ if rate.is_zero() => self.push_none(),
            Some(m) => self.push_plain(column, m, rate.scale(), day),
            None => {
                self.push_packed(column, WIDE | self.wide.len() as u64, day);
                self.wide.push(rate);
            }
        }
    }

    fn push_packed(&mut self, column: usize, packed: u64, day: u32) {
        self.cells.push([packed as u32, (packed >> 32) as u32, day]);
        if let Some(range) = self.ranges.get_mut(column) {
            *range = Some(range.map_or((day, day), |(first, last)| (first.min(day), last.max(day))));
        }
    }

    pub(super) fn len(&self) -> usize {
        self.cells.len()
    }

    /// Drops the cells pushed after the first `len` (a row read again: the
    /// ranges are unaffected, as the same rates are pushed again).
    pub(super) fn truncate(&mut self, len: usize) {
        self.cells.truncate(len);
        let kept = self.gaps.partition_point(|&g| (g as usize) < len);
        self.gaps.truncate(kept);
    }

    /// The rate of a cell and its day; `None` for none.
    fn unpack(&self, [lo, hi, day]: Cell) -> Option<Found> {
        let packed = u64::from(hi) << 32 | u64::from(lo);
        let value = if packed == 0 {
            return None;
        } else if packed & WIDE != 0 {
            *self.wide.get(usize::try_from(packed & !WIDE).ok()?)?
        } else {
            Decimal::try_from_i128_with_scale(i128::from(packed >> 8), (packed & 0xFF) as u32).ok()?
        };
        Some(Found { value, day })
    }
}

/// Rates per euro for a set of currencies, one row per publication day.
///
/// The cells stay in the rows of the file, where the parser put them, but
/// each absent rate is filled, in date order, with the latest one published
/// before it (carried forward over `N/A` and gaps). `day_row` maps every
/// calendar day from the first to the last publication to the row of the
/// latest publication on or before it. A lookup is then two indexed reads,
/// whatever the date. Memory: 4 bytes per calendar day and 12 per row and
/// currency (3.5 MB for the embedded 1999-2026 snapshot). A sparse history
/// (longer than [`DENSE_SPAN_DAYS`] and with fewer than one publication
/// in [`DENSE_DAYS_PER_ROW`] days: a file with one row in year 1 and one
/// in 9999) gets no `day_row`, and a lookup searches `order` instead, so
/// that memory stays proportional to the file.
pub(super) struct History {
    pub(super) provider: Arc<str>,
    pub(super) first: NaiveDate,
    pub(super) last: NaiveDate,
    /// The day numbers of `first` and `last`.
    first_day: u32,
    last_day: u32,
    columns: Vec<Currency>,
    /// For each currency (by discriminant), its column, or [`NO_COLUMN`].
    column_of: Vec<u8>,
    /// Row-major, rows in file order: the latest rate on or before the
    /// row's day, and its day.
    cells: Cells,
    /// The rows in date order.
    order: Vec<u32>,
    /// The day number of each row.
    row_day: Vec<u32>,
    /// For each day from `first` to `last`, the row of the latest
    /// publication on or before it; empty for a sparse history.
    day_row: Vec<u32>,
    /// For each column, the day numbers of its first and last rate.
    ranges: Vec<Option<(u32, u32)>>,
    /// Set only for the embedded snapshot, should it fail to parse.
    pub(super) failure: Option<FxError>,
}

/// The latest rate on or before a day, as found by [`History::latest`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Found {
    /// The rate per euro.
    pub(super) value: Decimal,
    /// The day number of its publication.
    pub(super) day: u32,
}

/// A currency's column and the day numbers of its first and last rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Column {
    pub(super) index: usize,
    pub(super) first: u32,
    pub(super) last: u32,
}

impl History {
    /// Builds the storage from `cells` (`row_day.len()` rows of
    /// `columns.len()` cells, in file order), given each row's day number
    /// and the rows in date order (`order`: days strictly increasing).
    pub(super) fn build(
        provider: Arc<str>,
        columns: Vec<Currency>,
        mut cells: Cells,
        row_day: Vec<u32>,
        order: Vec<u32>,
    ) -> History {
        let width = columns.len();
        let mut column_of = vec![NO_COLUMN; Currency::COUNT];
        for (i, c) in columns.iter().enumerate() {
            if let (Some(slot), Ok(i)) = (column_of.get_mut(*c as usize), u8::try_from(i)) {
                *slot = i;
            }
        }
        let day = |row: u32| row_day.get(row as usize).copied().unwrap_or(0);
        let first_day = order.first().map_or(0, |&r| day(r));
        let last_day = order.last().map_or(0, |&r| day(r));

        let span_days = u64::from(last_day.saturating_sub(first_day)) + 1;
        let mut day_row = Vec::new();
        if is_dense(span_days, order.len()) {
            day_row.reserve_exact(span_days as usize);
            for pair in order.windows(2) {
                if let [row, next] = *pair {
                    day_row.extend(std::iter::repeat_n(row, day(next).saturating_sub(day(row)) as usize));
                }
            }
            day_row.extend(order.last());
        }

        // Fill each gap, in date order, with the cell of the row before.
        let mut rank = vec![0u32; row_day.len()];
        for (r, &row) in (0u32..).zip(&order) {
            if let Some(slot) = rank.get_mut(row as usize) {
                *slot = r;
            }
        }
        let rank_of = |gap: u32| rank.get(gap as usize / width.max(1)).copied().unwrap_or(0);
        let mut gaps = std::mem::take(&mut cells.gaps);
        if gaps.first().map(|&g| rank_of(g)) > gaps.last().map(|&g| rank_of(g)) {
            gaps.reverse(); // newest first, as the ECB writes
        }
        if !gaps.is_sorted_by_key(|&g| rank_of(g)) {
            gaps.sort_by_key(|&g| (rank_of(g), g));
        }
        for gap in gaps {
            let (row, column) = (gap as usize / width.max(1), gap as usize % width.max(1));
            let before = rank
                .get(row)
                .and_then(|&r| r.checked_sub(1))
                .and_then(|r| order.get(r as usize));
            let carried = before
                .and_then(|&b| cells.cells.get(b as usize * width + column))
                .copied();
            if let (Some(carried), Some(cell)) = (carried, cells.cells.get_mut(gap as usize)) {
                *cell = carried;
            }
        }
        let ranges = std::mem::take(&mut cells.ranges);
        History {
            provider,
            first: date_of(first_day).unwrap_or(NaiveDate::MIN),
            last: date_of(last_day).unwrap_or(NaiveDate::MIN),
            first_day,
            last_day,
            columns,
            column_of,
            cells,
            order,
            row_day,
            day_row,
            ranges,
            failure: None,
        }
    }

    /// A history that answers every lookup with `failure`.
    #[cfg_attr(not(feature = "ecb-snapshot"), allow(dead_code))]
    pub(super) fn failed(provider: Arc<str>, failure: FxError) -> History {
        History {
            provider,
            first: NaiveDate::MIN,
            last: NaiveDate::MIN,
            first_day: 0,
            last_day: 0,
            columns: Vec::new(),
            column_of: Vec::new(),
            cells: Cells::default(),
            order: Vec::new(),
            row_day: Vec::new(),
            day_row: Vec::new(),
            ranges: Vec::new(),
            failure: Some(failure),
        }
    }

    /// The currencies quoted, in column order.
    pub(super) fn columns(&self) -> &[Currency] {
        &self.columns
    }

    /// The day number of the last publication.
    pub(super) fn last_day(&self) -> u32 {
        self.last_day
    }

    /// The date of a day number (of a publication of this history).
    pub(super) fn date(&self, day: u32) -> NaiveDate {
        date_of(day).unwrap_or(self.last)
    }

    /// The column of `currency`, if it has any rate.
    pub(super) fn column(&self, currency: Currency) -> Option<Column> {
        let index = usize::from(*self.column_of.get(currency as usize)?);
        let (first, last) = (*self.ranges.get(index)?)?;
        Some(Column { index, first, last })
    }

    /// The latest rate in `column` published on or before day number
    /// `day`; `None` when there is none.
    pub(super) fn latest(&self, column: usize, day: i64) -> Option<Found> {
        let row = if self.day_row.is_empty() {
            self.row_on_or_before(day)?
        } else {
            let offset = usize::try_from(day - i64::from(self.first_day)).ok()?;
            match self.day_row.get(offset) {
                Some(&row) => row,
                None => *self.order.last()?,
            }
        };
        let cell = *self.cells.cells.get(row as usize * self.columns.len() + column)?;
        self.cells.unpack(cell)
    }

    /// The row of the latest publication on or before day number `day`,
    /// by binary search (for a sparse history, without `day_row`).
    fn row_on_or_before(&self, day: i64) -> Option<u32> {
        let row_day = |r: u32| i64::from(self.row_day.get(r as usize).copied().unwrap_or(0));
        let after = self.order.partition_point(|&r| row_day(r) <= day);
        self.order.get(after.checked_sub(1)?).copied()
    }

    /// Every publication day, in order.
    pub(super) fn dates(&self) -> impl ExactSizeIterator<Item = NaiveDate> + '_ {
        self.order
            .iter()
            .map(|&r| self.date(self.row_day.get(r as usize).copied().unwrap_or(0)))
    }
}

impl fmt::Debug for History {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("History")
            .field("provider", &self.provider)
            .field("first", &self.first)
            .field("last", &self.last)
            .field("days", &self.order.len())
            .field("currencies", &self.columns)
            .field("failure", &self.failure)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;

    #[test]
    fn day_numbers_cover_every_four_digit_year() {
        assert_eq!(day_number(day(0, 1, 1)), 0);
        assert_eq!(date_of(0), Some(day(0, 1, 1)));
        let n = day_number(day(9999, 12, 31));
        assert_eq!(date_of(u32::try_from(n).unwrap()), Some(day(9999, 12, 31)));
        assert_eq!(day_number(day(2021, 6, 8)) - day_number(day(2021, 6, 7)), 1);
    }

    #[test]
    fn carries_rates_forward_over_gaps_and_missing_values() {
        let d = |v: i64| Decimal::new(v, 1);
        let n = |d: u32| u32::try_from(day_number(day(2021, 6, d))).unwrap();
        // Newest first, as the ECB writes: Mon 14, Fri 11, Tue 8, Mon 7;
        // USD every day, ISK missing on Fri and Mon 7.
        let mut cells = Cells::new(2, 4);
        for (i, (v, on)) in [
            (14, 14),
            (1410, 14),
            (13, 11),
            (0, 11),
            (12, 8),
            (1400, 8),
            (11, 7),
            (0, 7),
        ]
        .into_iter()
        .enumerate()
        {
            cells.push(i % 2, d(v), n(on));
        }
        let h = History::build(
            Arc::from("T"),
            vec![Currency::USD, Currency::ISK],
            cells,
            vec![n(14), n(11), n(8), n(7)],
            vec![3, 2, 1, 0],
        );
        assert_eq!((h.first, h.last), (day(2021, 6, 7), day(2021, 6, 14)));
        let usd = h.column(Currency::USD).unwrap();
        assert_eq!((usd.first, usd.last), (n(7), n(14)));
        let isk = h.column(Currency::ISK).unwrap();
        assert_eq!((isk.first, isk.last), (n(8), n(14)));
        let found = |v, on| {
            Some(Found {
                value: d(v),
                day: n(on),
            })
        };
        let at = |on: u32| i64::from(n(on));
        assert_eq!(h.latest(usd.index, at(7) - 1), None);
        assert_eq!(h.latest(usd.index, at(7)), found(11, 7));
        assert_eq!(h.latest(usd.index, at(10)), found(12, 8));
        assert_eq!(h.latest(usd.index, at(13)), found(13, 11));
        assert_eq!(h.latest(usd.index, at(14) + 5000), found(14, 14));
        assert_eq!(h.latest(isk.index, at(7)), None);
        assert_eq!(h.latest(isk.index, at(12)), found(1400, 8));
        assert_eq!(h.column(Currency::GBP), None);
        assert_eq!(h.date(n(11)), day(2021, 6, 11));
        assert_eq!(
            h.dates().collect::<Vec<_>>(),
            [day(2021, 6, 7), day(2021, 6, 8), day(2021, 6, 11), day(2021, 6, 14)]
        );
    }

    /// USD on the days given (ascending), 1.0, 1.1, ... in order.
    fn history_on(days: &[NaiveDate]) -> History {
        let n = |d: &NaiveDate| u32::try_from(day_number(*d)).unwrap();
        let mut cells = Cells::new(1, days.len());
        for (i, d) in days.iter().enumerate() {
            cells.push(0, Decimal::new(10 + i as i64, 1), n(d));
        }
        History::build(
            Arc::from("T"),
            vec![Currency::USD],
            cells,
            days.iter().map(n).collect(),
            (0..days.len() as u32).collect(),
        )
    }

    #[test]
    fn a_sparse_history_is_searched_not_indexed_by_day() {
        // Two rows 9999 years apart: a per-day index would take 14.6 MB.
        let h = history_on(&[day(1, 1, 1), day(1, 1, 2), day(9999, 12, 31)]);
        assert!(h.day_row.is_empty());
        let at = |d: NaiveDate| h.latest(0, day_number(d)).map(|f| (f.value, h.date(f.day)));
        assert_eq!(at(day(0, 12, 31)), None);
        assert_eq!(at(day(1, 1, 1)), Some((Decimal::new(10, 1), day(1, 1, 1))));
        assert_eq!(at(day(1, 1, 2)), Some((Decimal::new(11, 1), day(1, 1, 2))));
        assert_eq!(at(day(5000, 6, 1)), Some((Decimal::new(11, 1), day(1, 1, 2))));
        assert_eq!(at(day(9999, 12, 31)), Some((Decimal::new(12, 1), day(9999, 12, 31))));
        // A dense one of the same shape answers alike, day by day.
        let days = [day(2000, 1, 3), day(2000, 1, 4), day(2000, 1, 7), day(2000, 1, 17)];
        let dense = history_on(&days);
        assert_eq!(dense.day_row.len(), 15);
        for offset in -3..20 {
            let d = day_number(day(2000, 1, 3)) + offset;
            assert_eq!(
                dense
                    .row_on_or_before(d)
                    .and_then(|r| dense.cells.unpack(dense.cells.cells[r as usize])),
                dense.latest(0, d),
                "{offset}"
            );
        }
    }

    #[test]
    fn only_long_thin_histories_are_sparse() {
        assert!(is_dense(1, 1));
        assert!(is_dense(DENSE_SPAN_DAYS, 2));
        assert!(!is_dense(DENSE_SPAN_DAYS + 1, 2));
        assert!(is_dense(
            DENSE_SPAN_DAYS * 10,
            (DENSE_SPAN_DAYS * 10 / DENSE_DAYS_PER_ROW) as usize
        ));
        assert!(!is_dense(3_652_059, 2));
    }

    #[test]
    fn packs_short_rates_in_place_and_keeps_long_ones_aside() {
        let mut cells = Cells::new(1, 6);
        let long: Decimal = "1.23456789012345678901234567".parse().unwrap();
        let cases = [
            Decimal::new(12162, 4),
            Decimal::from(372274),
            Decimal::new(MAX_PACKED as i64, 28),
            long,
            Decimal::new(MAX_PACKED as i64 + 1, 3),
        ];
        for (i, d) in cases.iter().enumerate() {
            cells.push(0, *d, i as u32);
        }
        cells.push(0, Decimal::ZERO, 9);
        for (i, d) in cases.iter().enumerate() {
            let got = cells.unpack(cells.cells[i]).unwrap();
            assert_eq!((got.value, got.value.scale(), got.day), (*d, d.scale(), i as u32));
        }
        assert_eq!(cells.wide.len(), 2);
        assert_eq!(cells.ranges, [Some((0, 4))]);
        assert_eq!(cells.gaps, [5]);
        assert_eq!(cells.unpack(cells.cells[5]), None);
    }
}
