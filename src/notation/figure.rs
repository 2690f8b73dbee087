//! `Figure`: a quantity as a report states it, exact, qualified ("about 6
//! million") or as a range ("between 5 and 6 million"), and the bounds
//! each reading gives the true figure.

use std::fmt;
use std::ops::Bound;

use rust_decimal::Decimal;

use super::bounds::{bounds_from, less_than, Bounds, FigureError, Quantity};
use super::Qualifier;

/// A quantity as a report states it: exactly (`500,000`), with the
/// press's [`Qualifier`] (`about 6,000,000`, `more than 178,000`, `just
/// over 6,000,000`), or as a range (`between 5,000,000 and 6,000,000`).
/// The quantity is a whole number of things (`Figure<u64>`, which is
/// [`Count`](crate::Count): doses, people) or an amount of
/// [`Money`](crate::Money).
///
/// A figure keeps what the report says, and [`bounds`](Figure::bounds)
/// reads it as exact lower and upper bounds of the true figure, by the
/// reading of each qualifier that [`Qualifier`] documents: about 6
/// million is 5.5 to 6.5 million. An exact figure stays exact: its bounds
/// are the figure itself, and it prints exactly as the number does.
///
/// Issue a figure from text (`"about $4bn"`) with the constructors:
/// [`Figure::new`] for a qualifier and a number, [`Figure::range`] for a
/// range, [`Figure::exact`] for an exact number.
///
/// ```
/// use statecraft::notation::Figure;
/// use statecraft::{Count, Money, Qualifier};
///
/// let covax = Count::new(19_000_000, Qualifier::About);
/// assert_eq!(covax.to_string(), "about 19,000,000");
/// assert_eq!(covax.bounds().to_string(), "between 18,500,000 and 19,500,000");
///
/// let gavi = Figure::new("$4bn".parse::<Money>()?, Qualifier::About);
/// assert_eq!(gavi.to_compact(), "about $4bn");
/// assert_eq!(format!("{:#}", gavi.bounds()), "between USD 3,500,000,000 and USD 4,500,000,000");
///
/// let range = Count::range(5_000_000, 6_000_000)?;
/// assert_eq!(range.to_string(), "between 5,000,000 and 6,000,000");
/// assert!(Count::range(6_000_000, 5_000_000).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Figure<T> {
    value: T,
    form: Form<T>,
}

/// What a figure says beyond its first number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Form<T> {
    /// One number, with its qualifier ([`Qualifier::Exact`] when none).
    Qualified(Qualifier),
    /// A range, up to this number.
    Range(T),
}

impl<T> Figure<T> {
    /// A figure with a qualifier: `about` 6 million, `more than` 178,000.
    /// [`Qualifier::Exact`] makes an exact figure.
    ///
    /// ```
    /// use statecraft::{Count, Qualifier};
    ///
    /// let c = Count::new(178_000, Qualifier::MoreThan);
    /// assert_eq!(c.to_string(), "more than 178,000");
    /// assert_eq!(c, "more than 178,000".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn new(value: T, qualifier: Qualifier) -> Figure<T> {
        Figure {
            value,
            form: Form::Qualified(qualifier),
        }
    }

    /// An exact figure.
    ///
    /// ```
    /// use statecraft::{Count, Qualifier};
    ///
    /// let c = Count::exact(500_000);
    /// assert_eq!(c.qualifier(), Some(Qualifier::Exact));
    /// assert_eq!(c, "500,000".parse()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn exact(value: T) -> Figure<T> {
        Figure::new(value, Qualifier::Exact)
    }

    /// Whether the figure is stated exactly: no qualifier, no range.
    ///
    /// ```
    /// use statecraft::{Count, Qualifier};
    ///
    /// assert!(Count::exact(12).is_exact());
    /// assert!(!Count::new(12, Qualifier::About).is_exact());
    /// ```
    pub const fn is_exact(&self) -> bool {
        matches!(self.form, Form::Qualified(Qualifier::Exact))
    }

    /// How the number relates to the true figure; `None` for a range,
    /// which states two numbers and no qualifier.
    ///
    /// ```
    /// use statecraft::{Count, Qualifier};
    ///
    /// assert_eq!("at least 40".parse::<Count>()?.qualifier(), Some(Qualifier::AtLeast));
    /// assert_eq!("up to 1,000".parse::<Count>()?.qualifier(), Some(Qualifier::UpTo));
    /// assert_eq!("40".parse::<Count>()?.qualifier(), Some(Qualifier::Exact));
    /// assert_eq!("between 40 and 50".parse::<Count>()?.qualifier(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn qualifier(&self) -> Option<Qualifier> {
        match self.form {
            Form::Qualified(q) => Some(q),
            Form::Range(_) => None,
        }
    }
}

impl<T: Copy> Figure<T> {
    /// The number stated, whatever the qualifier; for a range, the first
    /// (lower) of its two numbers (see [`as_range`](Figure::as_range)).
    ///
    /// ```
    /// use statecraft::Count;
    ///
    /// assert_eq!("nearly 25m".parse::<Count>()?.value(), 25_000_000);
    /// assert_eq!("one million".parse::<Count>()?.value(), 1_000_000);
    /// assert_eq!("between 5 and 6 million".parse::<Count>()?.value(), 5_000_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn value(&self) -> T {
        self.value
    }

    /// The number, when the figure is exact.
    pub const fn as_exact(&self) -> Option<T> {
        match self.form {
            Form::Qualified(Qualifier::Exact) => Some(self.value),
            _ => None,
        }
    }

    /// The two numbers of a range, low then high.
    ///
    /// ```
    /// use statecraft::Count;
    ///
    /// let r: Count = "between 5 and 6 million".parse()?;
    /// assert_eq!(r.as_range(), Some((5_000_000, 6_000_000)));
    /// assert_eq!(Count::exact(5).as_range(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn as_range(&self) -> Option<(T, T)> {
        match self.form {
            Form::Range(high) => Some((self.value, high)),
            Form::Qualified(_) => None,
        }
    }
}

impl<T: Quantity> Figure<T> {
    /// A range: the true figure lies from `low` to `high`, both included
    /// ("between 5 and 6 million", "3–4bn").
    ///
    /// # Errors
    ///
    /// [`FigureError::Inverted`] when `low` is above `high` ("5–3m");
    /// [`FigureError::UnitsDiffer`] for amounts in different currencies.
    ///
    /// ```
    /// use statecraft::notation::Figure;
    /// use statecraft::{Count, Money};
    ///
    /// let r = Count::range(3_000_000_000, 4_000_000_000)?;
    /// assert_eq!(r.bounds().to_string(), "between 3,000,000,000 and 4,000,000,000");
    /// let e = Count::range(5_000_000, 3_000_000).unwrap_err();
    /// assert_eq!(e.to_string(), "invalid bounds from 5,000,000 to 3,000,000: the low end is above the high end");
    /// let e = Figure::range("£5m".parse::<Money>()?, "$6m".parse::<Money>()?).unwrap_err();
    /// assert_eq!(e.to_string(), "cannot combine GBP 5,000,000 and USD 6,000,000: the currencies differ");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn range(low: T, high: T) -> Result<Figure<T>, FigureError> {
        Bounds::new(Bound::Included(low), Bound::Included(high))?;
        Ok(Figure {
            value: low,
            form: Form::Range(high),
        })
    }

    /// The exact bounds of the true figure, by the reading of its
    /// qualifier ([`Qualifier::bounds_of`]); a range's two numbers, both
    /// included.
    ///
    /// ```
    /// use statecraft::{Count, Qualifier};
    ///
    /// let nearly: Count = "nearly 230,000".parse()?;
    /// assert_eq!(nearly.bounds().to_string(), "at least 225,000 and fewer than 230,000");
    /// assert_eq!(Count::exact(500_000).bounds().as_exact(), Some(500_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bounds(&self) -> Bounds<T> {
        match self.form {
            Form::Qualified(q) => q.bounds_of(self.value),
            Form::Range(high) => {
                Bounds::new(Bound::Included(self.value), Bound::Included(high)).unwrap_or(Bounds::exact(self.value))
            }
        }
    }
}

impl<T> From<T> for Figure<T> {
    /// The exact figure.
    fn from(value: T) -> Figure<T> {
        Figure::exact(value)
    }
}

impl<T: Default> Default for Figure<T> {
    /// The exact figure of the quantity's default (0).
    fn default() -> Figure<T> {
        Figure::exact(T::default())
    }
}

impl<T: Quantity> fmt::Display for Figure<T> {
    /// The qualifier's words and the number (`about 19,000,000`, `more
    /// than USD 1000000`), or a range (`between 5,000,000 and
    /// 6,000,000`); an exact figure is the number alone. Counts group
    /// their thousands; money is written as its own `Display` writes it,
    /// and `{:#}` groups it too. [`Count`](crate::Count)'s `FromStr`
    /// reads what this writes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = |v: T| {
            let mut s = String::new();
            v.write(&mut s, f.alternate());
            s
        };
        let s = match self.form {
            Form::Qualified(Qualifier::Exact) => n(self.value),
            Form::Qualified(q) => format!("{} {}", words::<T>(q), n(self.value)),
            Form::Range(high) => format!("between {} and {}", n(self.value), n(high)),
        };
        f.pad(&s)
    }
}

/// The words a qualifier is printed with before a `T`: "fewer than" a
/// count, "less than" an amount.
pub(crate) fn words<T: Quantity>(q: Qualifier) -> &'static str {
    match q {
        Qualifier::FewerThan => less_than::<T>(),
        q => q.words(),
    }
}

impl Qualifier {
    /// The exact bounds of the true figure when a report states `value`
    /// with this qualifier.
    ///
    /// Near readings ("about", "approaching", "just over") take the
    /// precision the press writes with: `u`, the unit of the last
    /// non-zero digit of the number (6 million: 1 million; 230,000:
    /// 10,000; 4.5 billion: 100 million; 178,000: 1,000; 7: 1), or of the
    /// digit after it when the number's one significant digit is a 1 (10
    /// million: 1 million; 1 billion: 100 million), which the press
    /// writes for anything from 0.95 to 1.05 of it. A report that rounds
    /// to that digit says the true figure is within half a unit of it:
    ///
    /// | qualifier | words | bounds of `x` |
    /// |---|---|---|
    /// | exact | | `x` |
    /// | about | about, around, some, roughly, approximately, an estimated | `x − u/2` to `x + u/2`, both included |
    /// | approaching | approaching, nearly, almost, close to, just under | `x − u/2` included, to `x` excluded |
    /// | just over | just over, just above, slightly over, slightly more than | `x` excluded, to `x + u/2` included |
    /// | more than | more than, over, above, in excess of, upwards of | `x` excluded, no upper bound |
    /// | at least | at least, no fewer than, no less than, not less than | `x` included, no upper bound |
    /// | fewer than | fewer than, less than, under, below | 0 included, to `x` excluded |
    /// | up to | up to, at most, no more than, not more than | 0 included, to `x` included |
    ///
    /// So about 6 million is 5,500,000 to 6,500,000; nearly 230,000 is
    /// 225,000 up to (not including) 230,000, which holds Mexico's 228,838
    /// Covid-19 deaths that "approaching 230,000" reported on 2021-06-07;
    /// just over 6 million is above 6,000,000 and at most 6,500,000.
    ///
    /// For a count (`u64`), an end that falls between whole numbers moves
    /// outward to the next whole number (about 7 is 6 to 8), and nothing
    /// is below zero. An amount of money keeps its currency and exact
    /// decimals; a negative amount (a reduction) reads as the mirror of
    /// its absolute value ("more than −$5m" is below −$5m). An end beyond
    /// what the quantity holds is left open. A reading that holds no
    /// value ("fewer than 0") holds the number itself.
    ///
    /// ```
    /// use statecraft::Qualifier;
    ///
    /// assert_eq!(Qualifier::About.bounds_of(6_000_000u64).to_string(), "between 5,500,000 and 6,500,000");
    /// assert_eq!(Qualifier::JustOver.bounds_of(6_000_000u64).to_string(), "more than 6,000,000 and up to 6,500,000");
    /// assert_eq!(Qualifier::UpTo.bounds_of(1_000u64).to_string(), "up to 1,000");
    /// assert_eq!(Qualifier::About.bounds_of(7u64).to_string(), "between 6 and 8");
    /// ```
    pub fn bounds_of<T: Quantity>(self, value: T) -> Bounds<T> {
        use Bound::{Excluded, Included, Unbounded};
        if self == Qualifier::Exact {
            return Bounds::exact(value);
        }
        let x = value.to_decimal();
        let negative = x.is_sign_negative() && !x.is_zero();
        let a = x.abs();
        let half = half_unit(a);
        let minus = Included(a.checked_sub(half).unwrap_or(Decimal::MIN));
        let plus = a.checked_add(half).map_or(Unbounded, Included);
        let (low, high) = match self {
            Qualifier::Exact => (Included(a), Included(a)),
            Qualifier::About => (minus, plus),
            Qualifier::Approaching => (minus, Excluded(a)),
            Qualifier::JustOver => (Excluded(a), plus),
            Qualifier::MoreThan => (Excluded(a), Unbounded),
            Qualifier::AtLeast => (Included(a), Unbounded),
            Qualifier::FewerThan => (Included(Decimal::ZERO), Excluded(a)),
            Qualifier::UpTo => (Included(Decimal::ZERO), Included(a)),
        };
        let (low, high) = if negative {
            (negated(high), negated(low))
        } else {
            (low, high)
        };
        bounds_from(value, low, high)
    }
}

/// An end of an interval, negated.
fn negated(end: Bound<Decimal>) -> Bound<Decimal> {
    match end {
        Bound::Included(d) => Bound::Included(-d),
        Bound::Excluded(d) => Bound::Excluded(-d),
        Bound::Unbounded => Bound::Unbounded,
    }
}

/// Half the precision `a` (≥ 0) is written to: half the unit of its last
/// non-zero digit (6,000,000 → 500,000; 230,000 → 5,000; 4.5 → 0.05), or
/// of the digit after it when its only significant digit is a 1
/// (10,000,000 → 500,000; 0.1 → 0.005); 0 → 0.5.
fn half_unit(a: Decimal) -> Decimal {
    let n = a.normalize();
    let mut mantissa = n.mantissa().unsigned_abs();
    let mut zeros = 0u32;
    while mantissa != 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        zeros += 1;
    }
    // The unit is 10^(zeros − scale), a tenth of it for a lone 1; half of
    // it is 5 × 10^(that − 1).
    let exponent = i64::from(zeros) - i64::from(n.scale()) - i64::from(mantissa == 1) - 1;
    match u32::try_from(exponent) {
        // zeros ≤ 28, so 5 × 10^exponent fits a Decimal.
        Ok(e) => Decimal::from_i128_with_scale(5 * 10i128.pow(e.min(27)), 0),
        // A Decimal holds no more than 28 decimals: 5 × 10^-29 is read as
        // 10^-28, which keeps the reading sound.
        Err(_) => match u32::try_from(-exponent) {
            Ok(scale) if scale <= 28 => Decimal::new(5, scale),
            _ => Decimal::new(1, 28),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_qualifier_reads_as_documented() {
        let cases = [
            (Qualifier::Exact, 500_000, "500,000"),
            (Qualifier::About, 6_000_000, "between 5,500,000 and 6,500,000"),
            (Qualifier::About, 230_000, "between 225,000 and 235,000"),
            (Qualifier::About, 10_000_000, "between 9,500,000 and 10,500,000"),
            (Qualifier::About, 19_000_000, "between 18,500,000 and 19,500,000"),
            (Qualifier::About, 7, "between 6 and 8"),
            (Qualifier::About, 0, "up to 1"),
            (
                Qualifier::Approaching,
                230_000,
                "at least 225,000 and fewer than 230,000",
            ),
            (Qualifier::Approaching, 0, "0"),
            (
                Qualifier::JustOver,
                6_000_000,
                "more than 6,000,000 and up to 6,500,000",
            ),
            (Qualifier::MoreThan, 178_000, "more than 178,000"),
            (Qualifier::AtLeast, 80_000_000, "at least 80,000,000"),
            (Qualifier::FewerThan, 5, "fewer than 5"),
            (Qualifier::FewerThan, 0, "0"),
            (Qualifier::UpTo, 1_000, "up to 1,000"),
            (Qualifier::About, u64::MAX, "at least 18,446,744,073,709,551,614"),
            (Qualifier::JustOver, u64::MAX, "more than 18,446,744,073,709,551,615"),
        ];
        for (q, n, text) in cases {
            assert_eq!(q.bounds_of(n).to_string(), text, "{q:?} {n}");
        }
    }

    #[test]
    fn half_units_follow_the_last_non_zero_digit() {
        let cases = [
            ("6000000", "500000"),
            ("230000", "5000"),
            ("178000", "500"),
            ("4500000000", "50000000"),
            ("19000000", "500000"),
            ("7", "0.5"),
            ("0", "0.5"),
            ("4.5", "0.05"),
            ("1234.56", "0.005"),
            // A lone 1 is read to the next digit.
            ("10", "0.5"),
            ("10000000", "500000"),
            ("1000000000", "50000000"),
            ("1", "0.05"),
            ("0.1", "0.005"),
            ("11", "0.5"),
        ];
        for (a, half) in cases {
            assert_eq!(half_unit(a.parse().unwrap()).to_string(), half, "{a}");
        }
        assert_eq!(half_unit(Decimal::new(1, 28)), Decimal::new(1, 28));
        assert_eq!(half_unit(Decimal::new(3, 28)), Decimal::new(1, 28));
        assert_eq!(half_unit(Decimal::new(3, 27)), Decimal::new(5, 28));
        assert_eq!(
            half_unit(Decimal::from_i128_with_scale(10i128.pow(28), 0)),
            Decimal::from_i128_with_scale(5 * 10i128.pow(26), 0)
        );
        assert_eq!(
            half_unit(Decimal::from_i128_with_scale(7 * 10i128.pow(28), 0)),
            Decimal::from_i128_with_scale(5 * 10i128.pow(27), 0)
        );
    }
}
