//! The aggregator's cache of conversion rates, one per (currency, day).
//!
//! Converting ten million records must not ask the rate source ten million
//! times: each distinct (currency, day) is asked once and its answer —
//! the rate, or why there is none — is kept in a dense table per currency,
//! indexed by day.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::wide::{pow10, RATE_SCALE, U256};
use crate::fx::{FxError, RateSource};
use crate::Currency;

/// The widest span of days a per-currency table covers (about 90 years,
/// 512 KiB); days beyond it are kept in a map.
const MAX_SPAN: usize = 1 << 15;

/// The most entries kept outside the tables, wide rates and reasons kept:
/// beyond them, answers are asked again rather than kept, so that the
/// cache stays bounded whatever the dates and rates of the input.
const MAX_KEPT: usize = 1 << 16;

const CURRENCIES: usize = <Currency as strum::EnumCount>::COUNT;

/// A conversion rate as the source gave its value, and how far that
/// value may be from the exact rate (see [`RateSource::rate_ratio`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Rated {
    /// The rate's value.
    pub(crate) factor: Factor,
    /// `None` when the value is the exact rate; else `k` such that the
    /// error of a product `x = amount × value (× share)` against the exact
    /// rate is at most `(|x| >> k) + 1` units of the sum
    /// ([`UNBOUNDED`] when no such `k` is known).
    pub(crate) shift: Option<u8>,
}

/// A [`Rated::shift`] that bounds nothing: the rate's value is 0, so its
/// products say nothing of its error.
pub(crate) const UNBOUNDED: u8 = u8::MAX;

impl Rated {
    /// The rate exactly 1.
    #[cfg(test)]
    pub(crate) const ONE: Rated = Rated {
        factor: Factor::Scaled(ONE_SCALED),
        shift: None,
    };

    /// `value` with its error: none when it is exactly `numerator /
    /// denominator`; else at most one unit of its last decimal place (the
    /// quotient of two decimals to 28 digits), so the error of a product
    /// is at most the product over the value's mantissa, which `shift`
    /// divides by a power of two no larger.
    fn of(value: rust_decimal::Decimal, ratio: Option<(rust_decimal::Decimal, rust_decimal::Decimal)>) -> Rated {
        let exact = ratio.is_some_and(|(n, d)| is_quotient(value, n, d));
        let mantissa = value.mantissa().unsigned_abs();
        let shift = match mantissa {
            _ if exact => None,
            0 => Some(UNBOUNDED),
            // floor(log2(mantissa)), at most 63.
            m => Some(u8::try_from((127 - m.leading_zeros()).min(63)).unwrap_or(0)),
        };
        Rated {
            factor: Factor::of(value),
            shift,
        }
    }
}

/// Whether `q × d = n` exactly (`d` not zero).
fn is_quotient(q: rust_decimal::Decimal, n: rust_decimal::Decimal, d: rust_decimal::Decimal) -> bool {
    if d.is_zero() || (q.is_sign_negative() != (n.is_sign_negative() != d.is_sign_negative()) && !n.is_zero()) {
        return false;
    }
    // q_m d_m 10^-(q_s + d_s) = n_m 10^-n_s, in integers at a common scale.
    let (q_s, d_s, n_s) = (q.scale(), d.scale(), n.scale());
    let left = U256::mul_u128(q.mantissa().unsigned_abs(), d.mantissa().unsigned_abs());
    let right = U256::from_u128(n.mantissa().unsigned_abs());
    let scale = |x: U256, by: u32| {
        x.checked_mul_u128(pow10(by.min(38))?)?
            .checked_mul_u128(pow10(by.saturating_sub(38))?)
    };
    let common = (q_s + d_s).max(n_s);
    match (scale(left, common - (q_s + d_s)), scale(right, common - n_s)) {
        (Some(l), Some(r)) => l == r,
        _ => false,
    }
}

/// A conversion rate, exactly as the source gave it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Factor {
    /// A positive rate `r`, kept as the integer `r × 10²⁸`.
    Scaled(u128),
    /// Any other rate: sign, mantissa and scale of its `Decimal`.
    Wide { negative: bool, mantissa: u128, scale: u32 },
}

/// Exactly 1, at [`RATE_SCALE`].
const ONE_SCALED: u128 = 10_000_000_000_000_000_000_000_000_000;
const ONE: Slot = Slot(ONE_SCALED);

impl Factor {
    /// Exactly 1.
    #[cfg(test)]
    pub(crate) const ONE: Factor = Factor::Scaled(ONE_SCALED);

    fn of(value: rust_decimal::Decimal) -> Factor {
        let mantissa = value.mantissa();
        let scale = value.scale();
        let scaled = RATE_SCALE
            .checked_sub(scale)
            .and_then(pow10)
            .and_then(|p| u128::try_from(mantissa).ok()?.checked_mul(p));
        match scaled {
            Some(s) if mantissa > 0 => Factor::Scaled(s),
            _ => Factor::Wide {
                negative: mantissa < 0,
                mantissa: mantissa.unsigned_abs(),
                scale,
            },
        }
    }

    /// The rate as a `Decimal` (for messages).
    pub(crate) fn to_decimal(self) -> rust_decimal::Decimal {
        let (negative, mut mantissa, mut scale) = match self {
            Factor::Scaled(s) => (false, s, RATE_SCALE),
            Factor::Wide {
                negative,
                mantissa,
                scale,
            } => (negative, mantissa, scale),
        };
        // A scaled rate carries trailing zeros a Decimal may not hold.
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        let signed = i128::try_from(mantissa).map_or(i128::MAX, |m| if negative { -m } else { m });
        rust_decimal::Decimal::try_from_i128_with_scale(signed, scale).unwrap_or(rust_decimal::Decimal::MAX)
    }
}

/// A cache entry packed in 16 bytes, so that the cache of a whole history
/// (16 currencies × 7,000 days) stays small: 0 for not asked yet; a
/// positive rate below 2¹²⁰ as its [`Factor::Scaled`] value, with bit 126
/// set when the value is not the exact rate and its
/// [`shift`](Rated::shift) in bits 120 to 125; with the top bit set, an
/// index into the wide rates or (with bit 126 too) into the reasons there
/// is no rate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Slot(u128);

const TAGGED: u128 = 1 << 127;
const MISSING: u128 = 1 << 126;
const INEXACT: u128 = 1 << 126;
const SHIFT_AT: u32 = 120;
const VALUE: u128 = (1 << SHIFT_AT) - 1;

impl Slot {
    /// The slot of `rated` when it packs in one.
    fn packed(rated: Rated) -> Option<Slot> {
        match (rated.factor, rated.shift) {
            (Factor::Scaled(s), None) if s <= VALUE => Some(Slot(s)),
            (Factor::Scaled(s), Some(k)) if s <= VALUE && k < 64 => Some(Slot(s | INEXACT | u128::from(k) << SHIFT_AT)),
            _ => None,
        }
    }
}

impl Slot {
    const UNKNOWN: Slot = Slot(0);
}

#[derive(Debug)]
struct DayTable {
    first: i32,
    slots: Vec<Slot>,
}

/// Answers and remembers "how many units of the target currency is one
/// unit of this currency worth on this day".
#[derive(Debug)]
pub(crate) struct RateCache {
    target: Currency,
    tables: Vec<Option<DayTable>>,
    far: HashMap<(Currency, i32), Slot>,
    wide: Vec<Rated>,
    errors: Vec<FxError>,
}

impl RateCache {
    pub(crate) fn new(target: Currency) -> RateCache {
        RateCache {
            target,
            tables: (0..CURRENCIES).map(|_| None).collect(),
            far: HashMap::new(),
            wide: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// The rate from `currency` into the target on `date`, asking `rates`
    /// the first time; `Err` holds the index of the reason there is none
    /// (see [`error`](RateCache::error)).
    ///
    /// A currency converted into itself is exactly 1 without asking.
    #[cfg(test)]
    pub(crate) fn factor<R: RateSource + ?Sized>(
        &mut self,
        rates: &R,
        currency: Currency,
        date: NaiveDate,
    ) -> Result<Rated, u32> {
        let slot = self.peek(currency, date);
        self.resolve(rates, currency, || date, slot)
    }

    /// What the cache holds for `currency` on `date`, without asking: a
    /// plain load, so that a batch of them can be in flight at once.
    #[inline]
    pub(crate) fn peek(&self, currency: Currency, date: NaiveDate) -> Slot {
        self.peek_day(currency, date.num_days_from_ce())
    }

    /// [`peek`](RateCache::peek) by day number (`NaiveDate::num_days_from_ce`).
    #[inline]
    pub(crate) fn peek_day(&self, currency: Currency, day: i32) -> Slot {
        if currency == self.target {
            return ONE;
        }
        let table = self.tables.get(currency as usize).and_then(Option::as_ref);
        let near = table.and_then(|t| {
            let at = usize::try_from(i64::from(day) - i64::from(t.first)).ok()?;
            t.slots.get(at).copied()
        });
        match near {
            Some(slot) => slot,
            None => self.far.get(&(currency, day)).copied().unwrap_or(Slot::UNKNOWN),
        }
    }

    /// The rate a [`peek`](RateCache::peek) found, asking `rates` for the
    /// rate of `date()` if it found nothing yet.
    #[inline]
    pub(crate) fn resolve<R: RateSource + ?Sized>(
        &mut self,
        rates: &R,
        currency: Currency,
        date: impl FnOnce() -> NaiveDate,
        slot: Slot,
    ) -> Result<Rated, u32> {
        if slot == Slot::UNKNOWN {
            return self.fill(rates, currency, date());
        }
        let index = u32::try_from(slot.0 & u128::from(u32::MAX)).unwrap_or(u32::MAX);
        if slot.0 & TAGGED == 0 {
            let shift = (slot.0 & INEXACT != 0).then_some((slot.0 >> SHIFT_AT) as u8 & 63);
            Ok(Rated {
                factor: Factor::Scaled(slot.0 & VALUE),
                shift,
            })
        } else if slot.0 & MISSING == 0 {
            self.wide.get(index as usize).copied().ok_or(u32::MAX)
        } else {
            Err(index)
        }
    }

    /// Asks `rates`, keeps the answer (while the cache has room for it)
    /// and returns it.
    #[cold]
    fn fill<R: RateSource + ?Sized>(&mut self, rates: &R, currency: Currency, date: NaiveDate) -> Result<Rated, u32> {
        let day = date.num_days_from_ce();
        match rates.rate_value(currency, self.target, date) {
            Ok(value) => {
                let rated = Rated::of(value, rates.rate_ratio(currency, self.target, date).ok());
                let slot = match Slot::packed(rated) {
                    Some(slot) => Some(slot),
                    None if self.wide.len() < MAX_KEPT => {
                        self.wide.push(rated);
                        Some(Slot(TAGGED | (self.wide.len() - 1) as u128))
                    }
                    None => None,
                };
                if let Some(slot) = slot {
                    self.store(currency, day, slot);
                }
                Ok(rated)
            }
            Err(e) => {
                let index = if self.errors.len() < MAX_KEPT {
                    self.errors.push(e);
                    u32::try_from(self.errors.len() - 1).unwrap_or(u32::MAX)
                } else {
                    u32::MAX
                };
                self.store(currency, day, Slot(TAGGED | MISSING | u128::from(index)));
                Err(index)
            }
        }
    }

    /// Why there is no rate, by the index [`factor`](RateCache::factor)
    /// returned, if it was kept (the source can be asked again otherwise).
    pub(crate) fn error(&self, index: u32) -> Option<&FxError> {
        self.errors.get(index as usize)
    }

    /// Keeps `slot` for `currency` on `day`, in its table or, beyond the
    /// table's span, in the map while it has room.
    fn store(&mut self, currency: Currency, day: i32, slot: Slot) {
        let table = self.tables.get_mut(currency as usize).map(|entry| {
            entry.get_or_insert_with(|| DayTable {
                first: day,
                slots: Vec::new(),
            })
        });
        if let Some(table) = table {
            if table.cover(day) {
                let at = usize::try_from(i64::from(day) - i64::from(table.first)).unwrap_or(usize::MAX);
                if let Some(s) = table.slots.get_mut(at) {
                    *s = slot;
                    return;
                }
            }
        }
        if self.far.len() < MAX_KEPT {
            self.far.insert((currency, day), slot);
        }
    }
}

impl DayTable {
    /// Grows the table to cover `day` unless that would make it span more
    /// than [`MAX_SPAN`] days; whether it covers `day`.
    fn cover(&mut self, day: i32) -> bool {
        let first = i64::from(self.first.min(day));
        let end = (i64::from(self.first) + self.slots.len() as i64).max(i64::from(day) + 1);
        let span = usize::try_from(end - first).unwrap_or(usize::MAX);
        if span > MAX_SPAN {
            return false;
        }
        if span > self.slots.len() {
            // Grow by at least a year, and by half the table, either way:
            // days in random order then copy the table a few times, not
            // once a year of days.
            let least = self.slots.len().div_ceil(2).max(366);
            let prepend = usize::try_from(i64::from(self.first) - first).unwrap_or(0);
            let prepend = if prepend > 0 { prepend.max(least) } else { 0 };
            let append = span.saturating_sub(self.slots.len() + prepend);
            let append = if append > 0 { append.max(least) } else { 0 };
            let total = (self.slots.len() + prepend + append).min(MAX_SPAN);
            let prepend = prepend.min(total - self.slots.len());
            let mut slots = Vec::with_capacity(total);
            slots.resize(prepend, Slot::UNKNOWN);
            slots.append(&mut self.slots);
            slots.resize(total, Slot::UNKNOWN);
            self.slots = slots;
            self.first = i32::try_from(i64::from(self.first) - prepend as i64).unwrap_or(self.first);
        }
        let at = i64::from(day) - i64::from(self.first);
        at >= 0 && (at as usize) < self.slots.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fx::{Rate, Series};
    use rust_decimal::Decimal;
    use std::cell::Cell;

    struct Counting {
        calls: Cell<u32>,
    }

    impl RateSource for Counting {
        fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
            self.calls.set(self.calls.get() + 1);
            if from == Currency::ISK {
                return Err(FxError::NotQuoted {
                    series: Series::Currency(from),
                    date: on,
                    provider: "test".into(),
                });
            }
            Rate::new(from, to, Decimal::new(i64::from(on.day()), 1), on, "test")
        }
    }

    #[test]
    fn asks_once_per_currency_and_day_anywhere_in_time() {
        let source = Counting { calls: Cell::new(0) };
        let mut cache = RateCache::new(Currency::USD);
        let days = [
            (2021, 6, 7),
            (2021, 6, 8),
            (1999, 1, 4),
            (2030, 12, 31),
            (-3000, 1, 1),
            (200_000, 2, 3),
        ];
        for _ in 0..3 {
            for (y, m, d) in days {
                let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
                let f = cache.factor(&source, Currency::EUR, date).unwrap().factor;
                assert_eq!(f.to_decimal(), Decimal::new(i64::from(d), 1), "{date}");
                let e = cache.factor(&source, Currency::ISK, date).unwrap_err();
                assert_eq!(
                    cache.error(e).unwrap().to_string(),
                    format!("no test rate for ISK on {date}: ISK is not quoted")
                );
                assert_eq!(cache.factor(&source, Currency::USD, date), Ok(Rated::ONE));
            }
        }
        // EUR: its value and its fraction (to know whether the value is
        // exact), once per day; ISK: once per day (no rate, no fraction).
        assert_eq!(source.calls.get(), 18);
    }

    #[test]
    fn the_cache_stays_bounded_whatever_the_dates() {
        let source = Counting { calls: Cell::new(0) };
        let mut cache = RateCache::new(Currency::USD);
        let first = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap();
        let n = MAX_KEPT + 1000;
        // The first day starts each table; the others are more than its
        // span later, so none fits in it.
        let days: Vec<NaiveDate> = std::iter::once(first)
            .chain((0..n as u64).map(|i| first + chrono::Days::new(MAX_SPAN as u64 + 1 + i)))
            .collect();
        for _ in 0..2 {
            for d in &days {
                assert_eq!(
                    cache.factor(&source, Currency::EUR, *d).unwrap().factor.to_decimal(),
                    Decimal::new(i64::from(d.day()), 1)
                );
                let e = cache.factor(&source, Currency::ISK, *d).unwrap_err();
                if let Some(e) = cache.error(e) {
                    assert!(e.to_string().ends_with("ISK is not quoted"));
                }
            }
        }
        assert!(cache.far.len() <= MAX_KEPT && cache.errors.len() <= MAX_KEPT);
        assert!(cache.tables.iter().flatten().all(|t| t.slots.len() <= MAX_SPAN));
        // What could not be kept was asked again.
        assert!(source.calls.get() > 2 * n as u32);
    }

    #[test]
    fn a_rate_knows_whether_its_value_is_exact() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert!(is_quotient(d("1.2162"), d("1.2162"), Decimal::ONE));
        assert!(is_quotient(d("0.5"), d("1"), d("2")));
        assert!(is_quotient(d("0.50"), d("1.000"), d("2")));
        assert!(!is_quotient(d("0.5"), d("1"), d("-2")));
        assert!(is_quotient(d("-0.5"), d("1"), d("-2")));
        assert!(!is_quotient(d("0.3333333333333333333333333333"), Decimal::ONE, d("3")));
        assert!(!is_quotient(Decimal::ONE, Decimal::ONE, Decimal::ZERO));
        let gbp_usd = d("1.2162") / d("0.85825");
        assert!(!is_quotient(gbp_usd, d("1.2162"), d("0.85825")));
        // Exact: no shift. Inexact: floor(log2) of the value's mantissa.
        assert_eq!(Rated::of(d("1.2162"), Some((d("1.2162"), Decimal::ONE))).shift, None);
        let rated = Rated::of(gbp_usd, Some((d("1.2162"), d("0.85825"))));
        assert_eq!(rated.shift, Some(63));
        let tiny = d("0.0000000000000000000000001234");
        assert_eq!(Rated::of(tiny, None).shift, Some(10)); // 2^10 <= 1234 < 2^11
        assert_eq!(Rated::of(Decimal::ZERO, None).shift, Some(UNBOUNDED));
        // Packed and unpacked whole.
        for rated in [rated, Rated::of(tiny, None), Rated::ONE] {
            let slot = Slot::packed(rated).unwrap();
            let mut cache = RateCache::new(Currency::USD);
            assert_eq!(
                cache.resolve(
                    &Counting { calls: Cell::new(0) },
                    Currency::GBP,
                    || unreachable!(),
                    slot
                ),
                Ok(rated)
            );
        }
        // Too large to pack: kept wide, exactness and all.
        let huge = Rated::of(d("200000000"), Some((d("400000000"), d("2"))));
        assert_eq!(Slot::packed(huge), None);
        assert_eq!(huge.shift, None);
    }

    #[test]
    fn rates_too_wide_to_scale_are_kept_exactly() {
        assert_eq!(
            Factor::of(Decimal::new(12162, 4)),
            Factor::Scaled(12162 * 10u128.pow(24))
        );
        let huge = Decimal::from_i128_with_scale(79_228_162_514_264_337_593_543_950_335, 0);
        assert_eq!(
            Factor::of(huge),
            Factor::Wide {
                negative: false,
                mantissa: 79_228_162_514_264_337_593_543_950_335,
                scale: 0
            }
        );
        assert_eq!(Factor::of(huge).to_decimal(), huge);
        assert_eq!(Factor::ONE.to_decimal(), Decimal::ONE);
        assert_eq!(Factor::of(Decimal::from(50)).to_decimal(), Decimal::from(50));
    }
}
