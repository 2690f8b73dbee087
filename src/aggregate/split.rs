//! `CountrySplit` and `FlowRecipients`: who receives a flow, and in which shares.

use std::fmt;

use rust_decimal::Decimal;

use super::{AreaRecipient, AreaSplit};
use crate::model::Share;
use crate::Country;

/// The most decimal places a split percentage may have (`33.33333333`).
const MAX_PERCENT_SCALE: u32 = 8;

/// A flow's division among recipient countries by [`Share`], as IATI
/// records a `recipient-country` list with percentages: no country twice,
/// and the shares summing to exactly 100%.
///
/// Exactly, not within IATI's 0.01 tolerance: the aggregator apportions
/// `amount × percent / 100` to each country without rounding, so the parts
/// add up to the whole only when the percentages do.
///
/// ```
/// use statecraft::aggregate::CountrySplit;
/// use statecraft::Country;
///
/// let split = CountrySplit::new([
///     (Country::GT, "50%".parse()?),
///     (Country::HN, "33.33%".parse()?),
///     (Country::SV, "16.67%".parse()?),
/// ])?;
/// assert_eq!(split.shares().len(), 3);
/// assert_eq!(split.to_string(), "GT 50%, HN 33.33%, SV 16.67%");
///
/// let e = CountrySplit::new([(Country::GT, "50%".parse()?)]).unwrap_err();
/// assert_eq!(e.to_string(), "split shares sum to 50%, not 100%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CountrySplit {
    shares: Vec<(Country, Share)>,
}

/// Why a list of shares is not a [`CountrySplit`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CountrySplitError {
    /// No share at all.
    #[error("a split needs at least one recipient")]
    Empty,
    /// A percentage with more than 8 decimal places.
    #[error("share of {country} is {share:#}, more than 8 decimal places")]
    TooPrecise {
        /// The country of the share.
        country: Country,
        /// The share given.
        share: Share,
    },
    /// The same country twice.
    #[error("{0} appears twice in the split")]
    Duplicate(Country),
    /// Shares that do not add up to 100%.
    #[error("split shares sum to {0}%, not 100%")]
    Sum(Decimal),
}

impl CountrySplit {
    /// A split from `(country, share)` pairs; order is kept.
    ///
    /// # Errors
    ///
    /// [`CountrySplitError`] when the list is empty, a share has more than 8
    /// decimal places of a percent, a country appears twice, or the shares
    /// do not sum to exactly 100%.
    ///
    /// ```
    /// use statecraft::aggregate::CountrySplit;
    /// use statecraft::model::Share;
    /// use statecraft::Country;
    ///
    /// let s = CountrySplit::new([(Country::GT, Share::from_percent(60)?), (Country::HN, Share::from_percent(40)?)])?;
    /// assert_eq!(s.shares()[1], (Country::HN, Share::from_percent(40)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(shares: impl IntoIterator<Item = (Country, Share)>) -> Result<CountrySplit, CountrySplitError> {
        let shares: Vec<(Country, Share)> = shares.into_iter().collect();
        if shares.is_empty() {
            return Err(CountrySplitError::Empty);
        }
        let mut sum = Decimal::ZERO;
        let mut seen = [false; <Country as strum::EnumCount>::COUNT];
        for &(country, share) in &shares {
            let percent = share.percent();
            if percent.normalize().scale() > MAX_PERCENT_SCALE {
                return Err(CountrySplitError::TooPrecise { country, share });
            }
            match seen.get_mut(country as usize) {
                Some(s) if *s => return Err(CountrySplitError::Duplicate(country)),
                Some(s) => *s = true,
                None => {}
            }
            // At most 250 shares of at most 100 each: this cannot overflow.
            sum = sum.checked_add(percent).unwrap_or(Decimal::MAX);
        }
        if sum != Decimal::ONE_HUNDRED {
            return Err(CountrySplitError::Sum(sum.normalize()));
        }
        Ok(CountrySplit { shares })
    }

    /// The `(country, share)` pairs, in the order given.
    pub fn shares(&self) -> &[(Country, Share)] {
        &self.shares
    }
}

impl fmt::Display for CountrySplit {
    /// `GT 50%, HN 33.33%, SV 16.67%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (country, share)) in self.shares.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{country} {share:#}")?;
        }
        Ok(())
    }
}

/// Who receives a flow: one country, several by [`CountrySplit`], or, as a
/// dossier names them, an area that is not one country, areas by share,
/// or no one named.
///
/// ```
/// use statecraft::aggregate::FlowRecipients;
/// use statecraft::Country;
///
/// let r = FlowRecipients::One(Country::GT);
/// assert_eq!(r.countries().collect::<Vec<_>>(), [Country::GT]);
/// assert_eq!(FlowRecipients::Unnamed.to_string(), "(unnamed)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FlowRecipients {
    /// The whole amount to one country.
    One(Country),
    /// Shares to several countries, summing to exactly 100%.
    Split(CountrySplit),
    /// The whole amount to an area as it stands (a group, a sub-region,
    /// the world), to an organisation, or to several named together
    /// without shares: never split among their countries.
    Area(AreaRecipient),
    /// Shares to areas (or countries), summing to 100% within 0.01,
    /// apportioned in proportion to the shares given.
    Shares(AreaSplit),
    /// No recipient named ("the US will give $4bn"): summed under
    /// [`KeyPart::Unnamed`](crate::aggregate::KeyPart::Unnamed) by every recipient
    /// dimension.
    Unnamed,
}

impl FlowRecipients {
    /// The recipient countries, in order: for an area, the countries it
    /// stands for.
    pub fn countries(&self) -> impl Iterator<Item = Country> + '_ {
        let (one, split, areas, shares) = match self {
            FlowRecipients::One(c) => (Some(*c), None, None, None),
            FlowRecipients::Split(s) => (None, Some(s.shares.iter().map(|(c, _)| *c)), None, None),
            FlowRecipients::Area(a) => (None, None, Some(a.countries().iter().copied()), None),
            FlowRecipients::Shares(s) => (
                None,
                None,
                None,
                Some(s.parts().iter().flat_map(|(a, _)| a.countries().iter().copied())),
            ),
            FlowRecipients::Unnamed => (None, None, None, None),
        };
        one.into_iter()
            .chain(split.into_iter().flatten())
            .chain(areas.into_iter().flatten())
            .chain(shares.into_iter().flatten())
    }
}

impl From<Country> for FlowRecipients {
    fn from(c: Country) -> FlowRecipients {
        FlowRecipients::One(c)
    }
}

impl From<CountrySplit> for FlowRecipients {
    fn from(s: CountrySplit) -> FlowRecipients {
        FlowRecipients::Split(s)
    }
}

impl From<AreaRecipient> for FlowRecipients {
    fn from(a: AreaRecipient) -> FlowRecipients {
        FlowRecipients::Area(a)
    }
}

impl From<AreaSplit> for FlowRecipients {
    fn from(s: AreaSplit) -> FlowRecipients {
        FlowRecipients::Shares(s)
    }
}

impl fmt::Display for FlowRecipients {
    /// The country code, the area's name, or the split's shares;
    /// `(unnamed)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FlowRecipients::One(c) => write!(f, "{c}"),
            FlowRecipients::Split(s) => write!(f, "{s}"),
            FlowRecipients::Area(a) => write!(f, "{a}"),
            FlowRecipients::Shares(s) => write!(f, "{s}"),
            FlowRecipients::Unnamed => f.write_str("(unnamed)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(s: &str) -> Share {
        Share::new(s.parse().unwrap()).unwrap()
    }

    #[test]
    fn errors_are_pinned() {
        use Country::*;
        let cases: Vec<(Vec<(Country, Share)>, &str)> = vec![
            (vec![], "a split needs at least one recipient"),
            (
                vec![(GT, share("33.333333333")), (HN, share("66.666666667"))],
                "share of GT is 33.333333333%, more than 8 decimal places",
            ),
            (
                vec![(GT, share("50")), (GT, share("50"))],
                "GT appears twice in the split",
            ),
            (
                vec![(GT, share("50")), (HN, share("49.99"))],
                "split shares sum to 99.99%, not 100%",
            ),
        ];
        for (shares, message) in cases {
            assert_eq!(CountrySplit::new(shares).unwrap_err().to_string(), message);
        }
    }

    #[test]
    fn trailing_zeros_do_not_count_as_precision() {
        let s = CountrySplit::new([(Country::GT, share("100.000000000000"))]).unwrap();
        assert_eq!(s.shares()[0].1.percent(), Decimal::ONE_HUNDRED);
        let zero = CountrySplit::new([(Country::GT, share("100")), (Country::HN, share("0"))]).unwrap();
        assert_eq!(FlowRecipients::from(zero).countries().count(), 2);
    }
}
