//! `Bounds`: the exact lower and upper bounds a reported figure gives the
//! true one, and their arithmetic.

use std::cmp::Ordering;
use std::fmt;
use std::ops::Bound;

use rust_decimal::Decimal;

use crate::Excerpt;

/// A quantity a report can state approximately: a whole number of things
/// (`u64`: doses, people) or an amount of [`Money`](crate::Money).
///
/// The trait is sealed: the crate reads [`Figure`](super::Figure)s and
/// does [`Bounds`] arithmetic for these two, and for nothing else.
pub trait Quantity: sealed::Sealed {}

pub(crate) mod sealed {
    use std::fmt;
    use std::ops::Bound;

    use rust_decimal::Decimal;

    use super::FigureError;

    /// Which end of an interval a value is.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Side {
        Low,
        High,
    }

    /// What [`Quantity`](super::Quantity) needs, kept out of the public
    /// interface.
    pub trait Sealed: Copy + PartialEq + fmt::Debug {
        /// Whether the quantity counts things ("fewer than") or measures
        /// an amount ("less than").
        const COUNTABLE: bool;

        /// The value as a decimal, exactly.
        fn to_decimal(self) -> Decimal;

        /// An end of an interval computed in decimals, as an end of this
        /// quantity's intervals, in the unit of `self`: a count moves an
        /// end that falls between whole numbers outward to the next whole
        /// number, never goes below zero, and leaves its upper end open
        /// beyond `u64::MAX`.
        fn end(self, end: Bound<Decimal>, side: Side) -> Bound<Self>;

        /// Whether the value is zero.
        fn is_zero(self) -> bool;

        /// `Ok` when `other` is in the same unit (currency) as `self`.
        fn same_unit(self, other: Self) -> Result<(), FigureError>;

        /// Writes the value: a count with its thousands grouped
        /// (`178,000`), money as its `Display` does (`{:#}` groups).
        fn write(self, out: &mut String, alternate: bool);
    }
}

use sealed::Side;

/// The exact lower and upper bounds of a quantity: where the true figure
/// lies when a report gives "more than 1m", "about 6 million" or "between
/// 5 and 6 million". Each end is [`Bound::Included`], [`Bound::Excluded`]
/// or [`Bound::Unbounded`] (open: the report sets no limit on that side).
///
/// A `Bounds` is never empty, and both ends of money bounds are in one
/// currency: [`Bounds::new`] refuses anything else, and every operation
/// keeps it so. Arithmetic is sound and never panics: for any true values
/// within the bounds of each operand, the true result lies within the
/// bounds of the result. An end that would leave what the quantity holds
/// (`u64::MAX` doses, a `Decimal`'s range) is left open rather than
/// wrapped or clamped into a lie; a count's lower end never goes below
/// zero.
///
/// `Display` writes the bounds as the press would: `1,500,000`, `more
/// than 1,500,000`, `between 5,500,000 and 6,500,000`, `up to 1,000`.
///
/// ```
/// use statecraft::notation::Bounds;
/// use statecraft::{Count, Qualifier};
///
/// // "more than 1m" and exactly 500,000 make more than 1.5m.
/// let more_than: Count = "more than 1,000,000".parse()?;
/// let sum = more_than.bounds().checked_add(Bounds::exact(500_000))?;
/// assert_eq!(sum.to_string(), "more than 1,500,000");
/// assert!(sum.contains(1_500_001) && !sum.contains(1_500_000));
///
/// let about = Count::new(6_000_000, Qualifier::About).bounds();
/// assert_eq!(about.to_string(), "between 5,500,000 and 6,500,000");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Bounds<T> {
    low: Bound<T>,
    high: Bound<T>,
}

impl<T: Copy + serde::Serialize> serde::Serialize for Bounds<T> {
    /// `{"low": 1000000, "low_included": false, "high": null,
    /// "high_included": false}` for "more than 1m": each end's value (a
    /// count as a number, money as `{"amount", "currency"}`), `null` where
    /// the end is open, and whether the value itself is allowed
    /// (`docs/FORMAT.md`).
    ///
    /// ```
    /// use statecraft::notation::Bounds;
    ///
    /// let b = Bounds::exact(500_000u64);
    /// assert_eq!(
    ///     serde_json::to_string(&b)?,
    ///     r#"{"low":500000,"low_included":true,"high":500000,"high_included":true}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let end = |b: Bound<T>| match b {
            Bound::Included(v) => (Some(v), true),
            Bound::Excluded(v) => (Some(v), false),
            Bound::Unbounded => (None, false),
        };
        let (low, low_included) = end(self.low);
        let (high, high_included) = end(self.high);
        let mut st = s.serialize_struct("Bounds", 4)?;
        st.serialize_field("low", &low)?;
        st.serialize_field("low_included", &low_included)?;
        st.serialize_field("high", &high)?;
        st.serialize_field("high_included", &high_included)?;
        st.end()
    }
}

impl<T: Copy> Bounds<T> {
    /// The bounds of an exact figure: `value` and nothing else.
    ///
    /// ```
    /// use statecraft::notation::Bounds;
    ///
    /// let b = Bounds::exact(500_000u64);
    /// assert_eq!(b.as_exact(), Some(500_000));
    /// assert_eq!(b.to_string(), "500,000");
    /// ```
    pub const fn exact(value: T) -> Bounds<T> {
        Bounds {
            low: Bound::Included(value),
            high: Bound::Included(value),
        }
    }

    /// The lower end.
    pub const fn low(&self) -> Bound<T> {
        self.low
    }

    /// The upper end.
    pub const fn high(&self) -> Bound<T> {
        self.high
    }

    /// The one value the bounds allow, when they allow one only.
    pub fn as_exact(&self) -> Option<T>
    where
        T: PartialEq,
    {
        match (self.low, self.high) {
            (Bound::Included(a), Bound::Included(b)) if a == b => Some(a),
            _ => None,
        }
    }

    /// Whether the bounds allow one value only.
    pub fn is_exact(&self) -> bool
    where
        T: PartialEq,
    {
        self.as_exact().is_some()
    }
}

impl<T: Quantity> Bounds<T> {
    /// Bounds from `low` to `high`.
    ///
    /// # Errors
    ///
    /// [`FigureError::Inverted`] when no value lies between the ends (the
    /// low end above the high end, or both at one value and one of them
    /// excluded); [`FigureError::UnitsDiffer`] when the ends are amounts
    /// in different currencies.
    ///
    /// ```
    /// use std::ops::Bound;
    /// use statecraft::notation::Bounds;
    ///
    /// let b = Bounds::new(Bound::Excluded(10u64), Bound::Included(20))?;
    /// assert_eq!(b.to_string(), "more than 10 and up to 20");
    /// let e = Bounds::new(Bound::Included(5_000_000u64), Bound::Included(3_000_000)).unwrap_err();
    /// assert_eq!(e.to_string(), "invalid bounds from 5,000,000 to 3,000,000: the low end is above the high end");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(low: Bound<T>, high: Bound<T>) -> Result<Bounds<T>, FigureError> {
        if let (Some(a), Some(b)) = (value_of(low), value_of(high)) {
            a.same_unit(b)?;
            let empty = match a.to_decimal().cmp(&b.to_decimal()) {
                Ordering::Greater => true,
                Ordering::Equal => !matches!((low, high), (Bound::Included(_), Bound::Included(_))),
                Ordering::Less => false,
            };
            if empty {
                return Err(FigureError::Inverted {
                    low: Excerpt::new(&written(a)),
                    high: Excerpt::new(&written(b)),
                });
            }
        }
        Ok(Bounds { low, high })
    }

    /// Whether `value` lies within the bounds. An amount in another
    /// currency never does.
    ///
    /// ```
    /// use statecraft::{Count, Qualifier};
    ///
    /// let nearly = Count::new(230_000, Qualifier::Approaching).bounds();
    /// assert!(nearly.contains(228_838) && !nearly.contains(230_000));
    /// ```
    pub fn contains(&self, value: T) -> bool {
        let unit = |end: Bound<T>| value_of(end).is_none_or(|v| v.same_unit(value).is_ok());
        if !unit(self.low) || !unit(self.high) {
            return false;
        }
        let v = value.to_decimal();
        let above_low = match self.low {
            Bound::Included(a) => v >= a.to_decimal(),
            Bound::Excluded(a) => v > a.to_decimal(),
            Bound::Unbounded => true,
        };
        let below_high = match self.high {
            Bound::Included(b) => v <= b.to_decimal(),
            Bound::Excluded(b) => v < b.to_decimal(),
            Bound::Unbounded => true,
        };
        above_low && below_high
    }

    /// Whether every value within these bounds is above every value
    /// within `other`: a sum of allocations that is surely more than its
    /// pledge. Amounts in different currencies are never above each
    /// other.
    ///
    /// ```
    /// use statecraft::{Count, Qualifier};
    ///
    /// let pledge = Count::new(19_000_000, Qualifier::About).bounds(); // 18.5m to 19.5m
    /// assert!(Count::new(19_500_000, Qualifier::MoreThan).bounds().is_above(&pledge));
    /// assert!(!Count::exact(19_500_000).bounds().is_above(&pledge));
    /// ```
    pub fn is_above(&self, other: &Bounds<T>) -> bool {
        let (Some(a), Some(b)) = (value_of(self.low), value_of(other.high)) else {
            return false;
        };
        if a.same_unit(b).is_err() {
            return false;
        }
        let (a, b) = (a.to_decimal(), b.to_decimal());
        match (self.low, other.high) {
            (Bound::Included(_), Bound::Included(_)) => a > b,
            _ => a >= b,
        }
    }

    /// The bounds of a sum: for any values within `self` and within
    /// `other`, their sum lies within the result. Included ends add up to
    /// an included end, an excluded one makes the sum's end excluded, and
    /// an open one leaves it open.
    ///
    /// # Errors
    ///
    /// [`FigureError::UnitsDiffer`] for amounts in different currencies.
    /// Nothing else: an end beyond what the quantity holds is left open
    /// (for a lower end, "more than" the largest value it holds).
    ///
    /// ```
    /// use statecraft::{Count, Qualifier};
    ///
    /// let covax = [6_000_000, 7_000_000, 5_000_000].map(|n| Count::new(n, Qualifier::About).bounds());
    /// let sum = covax[0].checked_add(covax[1])?.checked_add(covax[2])?;
    /// assert_eq!(sum.to_string(), "between 16,500,000 and 19,500,000");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn checked_add(self, other: Bounds<T>) -> Result<Bounds<T>, FigureError> {
        let Some(like) = self.same_unit_as(&other)? else {
            return Ok(open());
        };
        let low = combine(self.low, other.low, Decimal::checked_add, Side::Low);
        let high = combine(self.high, other.high, Decimal::checked_add, Side::High);
        Ok(bounds_from(like, low, high))
    }

    /// The bounds of what is left of `self` once `other` is taken away:
    /// for any values within each, their difference lies within the
    /// result. For a count, the result saturates at zero (what is left of
    /// a pledge is never fewer than no doses; over-allocation is for
    /// validation to report).
    ///
    /// # Errors
    ///
    /// [`FigureError::UnitsDiffer`] for amounts in different currencies.
    ///
    /// ```
    /// use statecraft::notation::Bounds;
    /// use statecraft::{Count, Qualifier};
    ///
    /// let direct = Count::new(6_000_000, Qualifier::About).bounds();
    /// let left = direct.saturating_sub(Bounds::exact(1_500_000))?;
    /// assert_eq!(left.to_string(), "between 4,000,000 and 5,000,000");
    /// assert_eq!(Bounds::exact(1u64).saturating_sub(Bounds::exact(2))?.to_string(), "0");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn saturating_sub(self, other: Bounds<T>) -> Result<Bounds<T>, FigureError> {
        let Some(like) = self.same_unit_as(&other)? else {
            return Ok(open());
        };
        let low = combine(self.low, other.high, Decimal::checked_sub, Side::Low);
        let high = combine(self.high, other.low, Decimal::checked_sub, Side::High);
        Ok(bounds_from(like, low, high))
    }

    /// The bounds scaled by an exact factor (a share of a pledge as a
    /// fraction of one, 0.75 for 75%): each end multiplied, a count's
    /// ends moved outward to whole numbers. A negative factor swaps the
    /// ends.
    ///
    /// ```
    /// use statecraft::{Count, Decimal, Qualifier};
    ///
    /// let pledge = Count::new(80_000_000, Qualifier::AtLeast).bounds();
    /// let quarter = pledge.scaled(Decimal::new(25, 2));
    /// assert_eq!(quarter.to_string(), "at least 20,000,000");
    /// ```
    pub fn scaled(self, factor: Decimal) -> Bounds<T> {
        let Some(like) = value_of(self.low).or(value_of(self.high)) else {
            return self;
        };
        let times = |end: Bound<T>, side: Side| match end {
            Bound::Unbounded => Bound::Unbounded,
            Bound::Included(v) | Bound::Excluded(v) => {
                let product = v.to_decimal().checked_mul(factor);
                let end = match end {
                    Bound::Included(_) => Bound::Included,
                    _ => Bound::Excluded,
                };
                match product {
                    Some(p) => end(p),
                    None => overflowed(side, v.to_decimal().is_sign_negative() != factor.is_sign_negative()),
                }
            }
        };
        if factor.is_sign_negative() && !factor.is_zero() {
            bounds_from(like, times(self.high, Side::Low), times(self.low, Side::High))
        } else {
            bounds_from(like, times(self.low, Side::Low), times(self.high, Side::High))
        }
    }

    /// A value of `self` or `other`, in their one unit; `None` when both
    /// are open at both ends (and so name no unit).
    fn same_unit_as(&self, other: &Bounds<T>) -> Result<Option<T>, FigureError> {
        let mine = value_of(self.low).or(value_of(self.high));
        let theirs = value_of(other.low).or(value_of(other.high));
        match (mine, theirs) {
            (Some(a), Some(b)) => a.same_unit(b).map(|()| Some(a)),
            (Some(a), None) | (None, Some(a)) => Ok(Some(a)),
            (None, None) => Ok(None),
        }
    }
}

/// The bounds of a sum of counts: [`Bounds::checked_add`], which cannot
/// fail for counts (they have one unit).
pub(crate) fn add_counts(a: Bounds<u64>, b: Bounds<u64>) -> Bounds<u64> {
    // Exact counts, the common case, add as numbers.
    if let (Some(x), Some(y)) = (a.as_exact(), b.as_exact()) {
        if let Some(sum) = x.checked_add(y) {
            return Bounds::exact(sum);
        }
    }
    a.checked_add(b).unwrap_or(open())
}

/// Bounds open at both ends.
const fn open<T>() -> Bounds<T> {
    Bounds {
        low: Bound::Unbounded,
        high: Bound::Unbounded,
    }
}

/// Bounds from decimal ends, in the unit of `like`: never empty (an
/// interval that holds no value of the quantity, such as "fewer than 0"
/// doses, holds its low end only).
pub(crate) fn bounds_from<T: Quantity>(like: T, low: Bound<Decimal>, high: Bound<Decimal>) -> Bounds<T> {
    let low = like.end(low, Side::Low);
    let high = like.end(high, Side::High);
    match Bounds::new(low, high) {
        Ok(b) => b,
        Err(_) => match value_of(low).or(value_of(high)) {
            Some(v) => Bounds::exact(v),
            None => open(),
        },
    }
}

/// The value at an end, unless it is open.
fn value_of<T: Copy>(end: Bound<T>) -> Option<T> {
    match end {
        Bound::Included(v) | Bound::Excluded(v) => Some(v),
        Bound::Unbounded => None,
    }
}

/// The end of a sum or difference of two ends: open when either is,
/// included when both are, else excluded.
fn combine<T: Quantity>(
    a: Bound<T>,
    b: Bound<T>,
    op: fn(Decimal, Decimal) -> Option<Decimal>,
    side: Side,
) -> Bound<Decimal> {
    let (x, y) = match (value_of(a), value_of(b)) {
        (Some(x), Some(y)) => (x.to_decimal(), y.to_decimal()),
        _ => return Bound::Unbounded,
    };
    let included = matches!((a, b), (Bound::Included(_), Bound::Included(_)));
    match op(x, y) {
        Some(v) if included => Bound::Included(v),
        Some(v) => Bound::Excluded(v),
        // Out of a Decimal's range: a sum or difference overflows only
        // when its operands push the same way, so on the side of `x`.
        None => overflowed(side, x.is_sign_negative()),
    }
}

/// The end that stands for a result beyond a `Decimal`'s range, on the
/// `negative` or positive side: open on the side it went out, and just
/// within the range on the other.
fn overflowed(side: Side, negative: bool) -> Bound<Decimal> {
    match (side, negative) {
        (Side::Low, false) => Bound::Excluded(Decimal::MAX),
        (Side::High, true) => Bound::Excluded(Decimal::MIN),
        _ => Bound::Unbounded,
    }
}

/// `value` as `Display` writes it.
pub(crate) fn written<T: Quantity>(value: T) -> String {
    let mut s = String::new();
    value.write(&mut s, true);
    s
}

/// "fewer than" a count, "less than" an amount.
pub(crate) fn less_than<T: Quantity>() -> &'static str {
    if T::COUNTABLE {
        "fewer than"
    } else {
        "less than"
    }
}

impl<T: Quantity> fmt::Display for Bounds<T> {
    /// `500,000`; `more than 1,500,000`; `at least 80,000,000`; `up to
    /// 1,000`; `fewer than 5`; `between 5,500,000 and 6,500,000`; `more
    /// than 10 and up to 20`. Money as its own `Display` writes it (`{:#}`
    /// groups thousands): `between USD 3500000000 and USD 4500000000`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let alternate = f.alternate();
        let n = |v: T| {
            let mut s = String::new();
            v.write(&mut s, alternate);
            s
        };
        let from_zero = match self.low {
            Bound::Unbounded => true,
            Bound::Included(v) => v.is_zero(),
            Bound::Excluded(_) => false,
        };
        let less = less_than::<T>();
        let s = match (self.low, self.high) {
            (Bound::Included(a), Bound::Included(b)) if a == b => n(a),
            (Bound::Unbounded, Bound::Unbounded) => "any amount".to_string(),
            (Bound::Excluded(a), Bound::Unbounded) => format!("more than {}", n(a)),
            (Bound::Included(a), Bound::Unbounded) => format!("at least {}", n(a)),
            (_, Bound::Included(b)) if from_zero => format!("up to {}", n(b)),
            (_, Bound::Excluded(b)) if from_zero => format!("{less} {}", n(b)),
            (Bound::Included(a), Bound::Included(b)) => format!("between {} and {}", n(a), n(b)),
            (Bound::Excluded(a), Bound::Included(b)) => format!("more than {} and up to {}", n(a), n(b)),
            (Bound::Included(a), Bound::Excluded(b)) => format!("at least {} and {less} {}", n(a), n(b)),
            (Bound::Excluded(a), Bound::Excluded(b)) => format!("more than {} and {less} {}", n(a), n(b)),
            // An open low end is from zero (answered above).
            (Bound::Unbounded, _) => "any amount".to_string(),
        };
        f.pad(&s)
    }
}

/// Why figures or bounds cannot be formed or combined.
#[derive(Clone, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum FigureError {
    /// A range or bounds whose low end is above its high end ("5–3m"),
    /// or that hold no value at all.
    #[error("invalid bounds from {low} to {high}: the low end is above the high end")]
    Inverted {
        /// The low end, as written.
        low: Excerpt,
        /// The high end, as written.
        high: Excerpt,
    },
    /// Amounts in different currencies, which no bounds can hold together.
    #[error("cannot combine {left} and {right}: the currencies differ")]
    UnitsDiffer {
        /// The first amount.
        left: Excerpt,
        /// The second amount.
        right: Excerpt,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Count, Qualifier};

    fn b(low: Bound<u64>, high: Bound<u64>) -> Bounds<u64> {
        Bounds::new(low, high).unwrap()
    }

    #[test]
    fn display_reads_as_the_press_writes() {
        use Bound::{Excluded as X, Included as I, Unbounded as U};
        let cases = [
            (b(I(5), I(5)), "5"),
            (b(X(1_500_000), U), "more than 1,500,000"),
            (b(I(80), U), "at least 80"),
            (b(I(0), I(1_000)), "up to 1,000"),
            (b(I(0), X(5)), "fewer than 5"),
            (b(I(5), I(6)), "between 5 and 6"),
            (b(X(5), I(6)), "more than 5 and up to 6"),
            (b(I(5), X(6)), "at least 5 and fewer than 6"),
            (b(X(5), X(7)), "more than 5 and fewer than 7"),
            (b(I(0), U), "at least 0"),
        ];
        for (bounds, text) in cases {
            assert_eq!(bounds.to_string(), text);
        }
        assert_eq!(format!("{:>8}", Bounds::exact(5u64)), "       5");
    }

    #[test]
    fn empty_bounds_are_refused() {
        use Bound::{Excluded as X, Included as I};
        for (low, high) in [(I(6), I(5)), (X(5), I(5)), (I(5), X(5)), (X(5), X(5))] {
            assert_eq!(
                Bounds::new(low, high).unwrap_err().to_string(),
                "invalid bounds from 5 to 5: the low end is above the high end".replace(
                    "from 5 to 5",
                    &format!("from {} to {}", if low == I(6) { 6 } else { 5 }, 5)
                )
            );
        }
    }

    #[test]
    fn sums_carry_inclusion_and_open_ends() {
        use Bound::{Excluded as X, Included as I, Unbounded as U};
        let sum = |x: Bounds<u64>, y: Bounds<u64>| x.checked_add(y).unwrap();
        assert_eq!(sum(b(X(1_000_000), U), Bounds::exact(500_000)), b(X(1_500_000), U));
        assert_eq!(sum(b(I(1), I(2)), b(I(3), X(4))), b(I(4), X(6)));
        assert_eq!(sum(Bounds::exact(2), Bounds::exact(3)), Bounds::exact(5));
        // Beyond u64::MAX: more than the largest, open above.
        assert_eq!(sum(Bounds::exact(u64::MAX), Bounds::exact(1)), b(X(u64::MAX), U));
        assert_eq!(sum(b(I(0), I(u64::MAX)), Bounds::exact(1)), b(I(1), U));
    }

    #[test]
    fn remainders_saturate_at_zero_for_counts() {
        use Bound::{Excluded as X, Included as I, Unbounded as U};
        let sub = |x: Bounds<u64>, y: Bounds<u64>| x.saturating_sub(y).unwrap();
        assert_eq!(sub(Bounds::exact(25), Bounds::exact(15)), Bounds::exact(10));
        assert_eq!(sub(b(I(18), I(19)), b(I(0), I(1))), b(I(17), I(19)));
        assert_eq!(sub(b(I(10), U), b(X(2), I(3))), b(I(7), U));
        assert_eq!(sub(Bounds::exact(1), Bounds::exact(2)), Bounds::exact(0));
        assert_eq!(sub(Bounds::exact(5), b(I(0), U)), b(I(0), I(5)));
    }

    #[test]
    fn shares_scale_outward_to_whole_numbers() {
        use Bound::{Excluded as X, Included as I, Unbounded as U};
        let third = Decimal::ONE / Decimal::from(3);
        assert_eq!(Bounds::exact(10u64).scaled(third), b(I(3), I(4)));
        assert_eq!(b(X(10), U).scaled(Decimal::new(5, 1)), b(X(5), U));
        assert_eq!(Bounds::exact(10u64).scaled(Decimal::ZERO), Bounds::exact(0));
        assert_eq!(b(I(u64::MAX), I(u64::MAX)).scaled(Decimal::TWO), b(X(u64::MAX), U));
    }

    #[test]
    fn above_means_surely_above() {
        use Bound::{Excluded as X, Included as I, Unbounded as U};
        let pledge = Count::new(19_000_000, Qualifier::About).bounds();
        assert!(b(X(19_500_000), U).is_above(&pledge));
        assert!(b(I(19_500_001), U).is_above(&pledge));
        assert!(!b(I(19_500_000), U).is_above(&pledge));
        assert!(b(I(5), I(6)).is_above(&b(I(0), X(5))));
        assert!(!b(I(0), U).is_above(&b(I(0), I(0))));
        assert!(!pledge.is_above(&b(I(0), U)));
    }
}
