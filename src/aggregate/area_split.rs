//! `AreaSplit`: a flow's division among recipient areas by share, as
//! sources give it (within IATI's 0.01 of 100%).

use std::fmt;

use rust_decimal::Decimal;

use super::{AreaRecipient, KeyPart};
use crate::model::Share;

/// The most decimal places a split percentage may have (`33.33333333`).
const MAX_PERCENT_SCALE: u32 = 8;

/// How far from 100% the shares of a split may sum (IATI rule 3.1.2).
const TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// A flow's division among recipients by [`Share`], where a recipient may
/// be any [`AreaRecipient`] (a country, a group, a sub-region, the world,
/// an organisation) and the shares sum to 100% within 0.01, as IATI
/// allows (rule 3.1.2).
///
/// The aggregator apportions the converted amount in proportion to the
/// shares given: each part is `whole × share / Σ shares`, so that shares
/// of 33.33%, 33.33% and 33.33% (99.99%) divide the whole into three equal
/// parts, never 99.99% of it. Each part is exact to the 46th decimal place
/// (the last unit of an exact sum), and the parts add up to the whole
/// exactly.
///
/// ```
/// use statecraft::aggregate::{AreaRecipient, AreaSplit};
/// use statecraft::model::GroupId;
/// use statecraft::{Area, Country, Dossier};
///
/// let dossier = Dossier::new();
/// let day = "2021-06-07".parse()?;
/// let area = |a: Area| AreaRecipient::resolve(&dossier, [a], day).ok().flatten().ok_or("no area");
/// let split = AreaSplit::new([
///     (area(Area::Group(GroupId::new("northern-triangle")?))?, "66.665".parse()?),
///     (area(Area::from(Country::MX))?, "33.33".parse()?),
/// ])?;
/// assert_eq!(split.to_string(), "Northern Triangle 66.665%, MX 33.33%");
///
/// let e = AreaSplit::new([(area(Area::from(Country::MX))?, "99.98".parse()?)]).unwrap_err();
/// assert_eq!(e.to_string(), "split shares sum to 99.98%, not 100% (within 0.01)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AreaSplit {
    parts: Vec<(AreaRecipient, Share)>,
}

/// Why a list of shares is not an [`AreaSplit`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AreaSplitError {
    /// No share at all.
    #[error("a split needs at least one recipient")]
    Empty,
    /// A percentage with more than 8 decimal places.
    #[error("share of {recipient} is {share:#}, more than 8 decimal places")]
    TooPrecise {
        /// The recipient of the share.
        recipient: KeyPart,
        /// The share given.
        share: Share,
    },
    /// The same recipient twice.
    #[error("{0} appears twice in the split")]
    Duplicate(KeyPart),
    /// Shares that do not sum to 100% within 0.01.
    #[error("split shares sum to {0}%, not 100% (within 0.01)")]
    Sum(Decimal),
}

impl AreaSplit {
    /// A split from `(recipient, share)` pairs; order is kept.
    ///
    /// # Errors
    ///
    /// [`AreaSplitError`] when the list is empty, a share has more than 8
    /// decimal places of a percent, a recipient appears twice, or the
    /// shares sum to less than 99.99% or more than 100.01%.
    ///
    /// ```
    /// use statecraft::aggregate::{AreaRecipient, AreaSplit};
    /// use statecraft::model::Share;
    /// use statecraft::{Area, Country, Dossier};
    ///
    /// let gt = AreaRecipient::resolve(&Dossier::new(), [Area::from(Country::GT)], "2021-06-07".parse()?)?.ok_or("no area")?;
    /// let e = AreaSplit::new([(gt.clone(), Share::from_percent(50)?), (gt, Share::from_percent(50)?)]).unwrap_err();
    /// assert_eq!(e.to_string(), "GT appears twice in the split");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(parts: impl IntoIterator<Item = (AreaRecipient, Share)>) -> Result<AreaSplit, AreaSplitError> {
        let parts: Vec<(AreaRecipient, Share)> = parts.into_iter().collect();
        if parts.is_empty() {
            return Err(AreaSplitError::Empty);
        }
        let mut sum = Decimal::ZERO;
        for (i, (recipient, share)) in parts.iter().enumerate() {
            if share.percent().normalize().scale() > MAX_PERCENT_SCALE {
                return Err(AreaSplitError::TooPrecise {
                    recipient: recipient.key(),
                    share: *share,
                });
            }
            if parts
                .iter()
                .take(i)
                .any(|(r, _)| r.receivers() == recipient.receivers())
            {
                return Err(AreaSplitError::Duplicate(recipient.key()));
            }
            sum = sum.saturating_add(share.percent());
        }
        if sum.saturating_sub(Decimal::ONE_HUNDRED).abs() > TOLERANCE {
            return Err(AreaSplitError::Sum(sum.normalize()));
        }
        Ok(AreaSplit { parts })
    }

    /// The `(recipient, share)` pairs, in the order given.
    pub fn parts(&self) -> &[(AreaRecipient, Share)] {
        &self.parts
    }

    /// The sum of the shares given (99.99 to 100.01).
    pub fn sum(&self) -> Share {
        let sum = self
            .parts
            .iter()
            .fold(Decimal::ZERO, |s, (_, share)| s.saturating_add(share.percent()));
        // A share cannot exceed 100: at 100.01, 100 is the nearest share.
        Share::new(sum.min(Decimal::ONE_HUNDRED)).unwrap_or(Share::HUNDRED)
    }

    /// Each share in units of 10⁻⁸ percent, the weights it is apportioned
    /// by (at most 10¹⁰ each, as [`new`](AreaSplit::new) checked).
    pub(crate) fn weights(&self) -> Vec<u64> {
        self.parts.iter().map(|(_, share)| weight(*share)).collect()
    }
}

/// `share` in units of 10⁻⁸ percent; 0 for a share more precise than that
/// (which [`AreaSplit::new`] refuses).
pub(crate) fn weight(share: Share) -> u64 {
    let p = share.percent().normalize();
    MAX_PERCENT_SCALE
        .checked_sub(p.scale())
        .and_then(|s| 10u64.checked_pow(s))
        .and_then(|scale| u64::try_from(p.mantissa()).ok()?.checked_mul(scale))
        .unwrap_or(0)
}

impl fmt::Display for AreaSplit {
    /// `Northern Triangle 60%, MX 40%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (recipient, share)) in self.parts.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{recipient} {share:#}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Area, Country, Dossier};

    fn to(c: Country) -> AreaRecipient {
        AreaRecipient::resolve(&Dossier::new(), [Area::from(c)], chrono::NaiveDate::MAX)
            .unwrap()
            .unwrap()
    }

    fn share(s: &str) -> Share {
        s.parse().unwrap()
    }

    #[test]
    fn errors_are_pinned() {
        use Country::*;
        let cases: Vec<(Vec<(AreaRecipient, Share)>, &str)> = vec![
            (vec![], "a split needs at least one recipient"),
            (
                vec![(to(GT), share("33.333333333")), (to(HN), share("66.666666667"))],
                "share of GT is 33.333333333%, more than 8 decimal places",
            ),
            (
                vec![(to(GT), share("50")), (to(GT), share("50"))],
                "GT appears twice in the split",
            ),
            (
                vec![(to(GT), share("50")), (to(HN), share("49.989"))],
                "split shares sum to 99.989%, not 100% (within 0.01)",
            ),
            (
                vec![(to(GT), share("50")), (to(HN), share("50.0101"))],
                "split shares sum to 100.0101%, not 100% (within 0.01)",
            ),
        ];
        for (parts, message) in cases {
            assert_eq!(AreaSplit::new(parts).unwrap_err().to_string(), message);
        }
    }

    #[test]
    fn the_tolerance_is_inclusive() {
        for (a, b) in [("50", "49.99"), ("50", "50.01"), ("33.33333333", "66.66666667")] {
            let s = AreaSplit::new([(to(Country::GT), share(a)), (to(Country::HN), share(b))]).unwrap();
            assert_eq!(s.parts().len(), 2);
        }
        let s = AreaSplit::new([(to(Country::GT), share("50")), (to(Country::HN), share("50.01"))]).unwrap();
        assert_eq!(s.sum(), Share::HUNDRED);
        let s = AreaSplit::new([(to(Country::GT), share("99.995"))]).unwrap();
        assert_eq!(s.sum(), share("99.995"));
    }

    #[test]
    fn weights_are_hundred_millionths_of_a_percent() {
        assert_eq!(weight(share("100")), 10_000_000_000);
        assert_eq!(weight(share("33.33333333")), 3_333_333_333);
        assert_eq!(weight(share("0.00000001")), 1);
        assert_eq!(weight(share("12.50000000000")), 1_250_000_000);
        assert_eq!(weight(Share::ZERO), 0);
    }
}
