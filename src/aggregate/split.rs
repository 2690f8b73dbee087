//! `Split` and `Recipients`: who receives a flow, and in which shares.

use std::fmt;

use rust_decimal::Decimal;

use crate::Country;

/// The most decimal places a split percentage may have (`33.33333333`).
const MAX_PERCENT_SCALE: u32 = 8;

/// A flow's division among recipient countries by percentage, as IATI
/// records a `recipient-country` list: each share within 0..=100, no
/// country twice, and the shares summing to exactly 100.
///
/// Exactly, not within IATI's 0.01 tolerance: the aggregator apportions
/// `amount × percent / 100` to each country without rounding, so the parts
/// add up to the whole only when the percentages do.
///
/// ```
/// use statecraft::{Country, Decimal, Split};
///
/// let split = Split::new([
///     (Country::GT, Decimal::from(50)),
///     (Country::HN, Decimal::new(3333, 2)),
///     (Country::SV, Decimal::new(1667, 2)),
/// ])?;
/// assert_eq!(split.shares().len(), 3);
/// assert_eq!(split.to_string(), "GT 50%, HN 33.33%, SV 16.67%");
///
/// let e = Split::new([(Country::GT, Decimal::from(50))]).unwrap_err();
/// assert_eq!(e.to_string(), "split percentages sum to 50, not 100");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Split {
    shares: Vec<(Country, Decimal)>,
}

/// Why a list of shares is not a [`Split`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SplitError {
    /// No share at all.
    #[error("a split needs at least one recipient")]
    Empty,
    /// A percentage below 0 or above 100.
    #[error("share of {country} is {percent}%, outside 0..=100")]
    OutOfRange {
        /// The country of the share.
        country: Country,
        /// The percentage given.
        percent: Decimal,
    },
    /// A percentage with more than 8 decimal places.
    #[error("share of {country} is {percent}%, more than 8 decimal places")]
    TooPrecise {
        /// The country of the share.
        country: Country,
        /// The percentage given.
        percent: Decimal,
    },
    /// The same country twice.
    #[error("{0} appears twice in the split")]
    Duplicate(Country),
    /// Percentages that do not add up to 100.
    #[error("split percentages sum to {0}, not 100")]
    Sum(Decimal),
}

impl Split {
    /// A split from `(country, percent)` pairs; order is kept.
    ///
    /// # Errors
    ///
    /// [`SplitError`] when the list is empty, a percentage is outside
    /// 0..=100 or has more than 8 decimal places, a country appears twice,
    /// or the percentages do not sum to exactly 100.
    ///
    /// ```
    /// use statecraft::{Country, Decimal, Split};
    ///
    /// let s = Split::new([(Country::GT, Decimal::from(60)), (Country::HN, Decimal::from(40))])?;
    /// assert_eq!(s.shares()[1], (Country::HN, Decimal::from(40)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(shares: impl IntoIterator<Item = (Country, Decimal)>) -> Result<Split, SplitError> {
        let shares: Vec<(Country, Decimal)> = shares.into_iter().collect();
        if shares.is_empty() {
            return Err(SplitError::Empty);
        }
        let mut sum = Decimal::ZERO;
        let mut seen = [false; <Country as strum::EnumCount>::COUNT];
        for &(country, percent) in &shares {
            if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
                return Err(SplitError::OutOfRange { country, percent });
            }
            if percent.normalize().scale() > MAX_PERCENT_SCALE {
                return Err(SplitError::TooPrecise { country, percent });
            }
            match seen.get_mut(country as usize) {
                Some(s) if *s => return Err(SplitError::Duplicate(country)),
                Some(s) => *s = true,
                None => {}
            }
            // At most 250 shares of at most 100 each: this cannot overflow.
            sum = sum.checked_add(percent).unwrap_or(Decimal::MAX);
        }
        if sum != Decimal::ONE_HUNDRED {
            return Err(SplitError::Sum(sum.normalize()));
        }
        Ok(Split { shares })
    }

    /// The `(country, percent)` pairs, in the order given.
    pub fn shares(&self) -> &[(Country, Decimal)] {
        &self.shares
    }
}

impl fmt::Display for Split {
    /// `GT 50%, HN 33.33%, SV 16.67%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (country, percent)) in self.shares.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{country} {}%", percent.normalize())?;
        }
        Ok(())
    }
}

/// Who receives a flow: one country, or several by [`Split`]. More forms
/// may come (a named group without shares), hence `#[non_exhaustive]`.
///
/// ```
/// use statecraft::{Country, Recipients};
///
/// let r = Recipients::One(Country::GT);
/// assert_eq!(r.countries().collect::<Vec<_>>(), [Country::GT]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Recipients {
    /// The whole amount to one country.
    One(Country),
    /// Shares to several countries.
    Split(Split),
}

impl Recipients {
    /// The recipient countries, in order.
    pub fn countries(&self) -> impl Iterator<Item = Country> + '_ {
        let (one, split) = match self {
            Recipients::One(c) => (Some(*c), None),
            Recipients::Split(s) => (None, Some(s.shares.iter().map(|(c, _)| *c))),
        };
        one.into_iter().chain(split.into_iter().flatten())
    }
}

impl From<Country> for Recipients {
    fn from(c: Country) -> Recipients {
        Recipients::One(c)
    }
}

impl From<Split> for Recipients {
    fn from(s: Split) -> Recipients {
        Recipients::Split(s)
    }
}

impl fmt::Display for Recipients {
    /// The country code, or the split's shares.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Recipients::One(c) => write!(f, "{c}"),
            Recipients::Split(s) => write!(f, "{s}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn errors_are_pinned() {
        use Country::*;
        let cases: Vec<(Vec<(Country, Decimal)>, &str)> = vec![
            (vec![], "a split needs at least one recipient"),
            (vec![(GT, d("101"))], "share of GT is 101%, outside 0..=100"),
            (
                vec![(GT, d("-1")), (HN, d("101"))],
                "share of GT is -1%, outside 0..=100",
            ),
            (
                vec![(GT, d("33.333333333")), (HN, d("66.666666667"))],
                "share of GT is 33.333333333%, more than 8 decimal places",
            ),
            (vec![(GT, d("50")), (GT, d("50"))], "GT appears twice in the split"),
            (
                vec![(GT, d("50")), (HN, d("49.99"))],
                "split percentages sum to 99.99, not 100",
            ),
        ];
        for (shares, message) in cases {
            assert_eq!(Split::new(shares).unwrap_err().to_string(), message);
        }
    }

    #[test]
    fn trailing_zeros_do_not_count_as_precision() {
        let s = Split::new([(Country::GT, d("100.000000000000"))]).unwrap();
        assert_eq!(s.to_string(), "GT 100%");
        let zero = Split::new([(Country::GT, d("100")), (Country::HN, d("0"))]).unwrap();
        assert_eq!(Recipients::from(zero).countries().count(), 2);
    }
}
