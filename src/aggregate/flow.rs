//! `Flow`: what the aggregator sums.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::FlowRecipients;
use crate::{Actor, FundingStage, Money};

/// A flow of funds as the [`Aggregator`](crate::Aggregator) sees it: who
/// gives (a country, an organisation, a group, an organisation known by its
/// IATI identifier: an [`Actor`]), who receives (countries or areas, in
/// which shares), at which stage, how much, and the value date that fixes
/// its exchange rate.
///
/// [`records::FundingRecord`](crate::records::FundingRecord), one row of a
/// CRS- or IATI-shaped file, is a flow; any type of yours that can answer
/// these five questions can be aggregated too.
///
/// ```
/// use std::borrow::Cow;
///
/// use statecraft::aggregate::FlowRecipients;
/// use statecraft::{Actor, Country, Flow, FundingStage, Money, NaiveDate};
///
/// struct Grant {
///     day: NaiveDate,
///     to: FlowRecipients,
///     amount: Money,
/// }
///
/// impl Flow for Grant {
///     fn date(&self) -> NaiveDate { self.day }
///     fn donor(&self) -> Cow<'_, Actor> { Cow::Owned(Actor::Country(Country::US)) }
///     fn recipients(&self) -> Cow<'_, FlowRecipients> { Cow::Borrowed(&self.to) }
///     fn stage(&self) -> FundingStage { FundingStage::Committed }
///     fn amount(&self) -> Option<Money> { Some(self.amount) }
/// }
///
/// let g = Grant {
///     day: NaiveDate::from_ymd_opt(2021, 4, 26).unwrap(),
///     to: FlowRecipients::One(Country::GT),
///     amount: "$310m".parse()?,
/// };
/// assert_eq!(g.recipients().countries().next(), Some(Country::GT));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait Flow {
    /// The value date: it fixes the exchange rate, the year and the month.
    fn date(&self) -> NaiveDate;

    /// The giver: a country, an organisation, a group; borrowed when the
    /// flow holds it so, built when it holds it otherwise (a record holds
    /// a donor country).
    fn donor(&self) -> Cow<'_, Actor>;

    /// The receiving country, or countries with their shares: borrowed
    /// when the flow holds them so, built when it holds them otherwise
    /// (a dossier's funding names areas with optional shares).
    fn recipients(&self) -> Cow<'_, FlowRecipients>;

    /// Where the flow is in its lifecycle.
    fn stage(&self) -> FundingStage;

    /// The amount in its own currency; `None` when it was not disclosed
    /// ("a new round of funding"), which is counted, never summed as zero.
    fn amount(&self) -> Option<Money>;
}

impl<T: Flow + ?Sized> Flow for &T {
    fn date(&self) -> NaiveDate {
        (**self).date()
    }

    fn donor(&self) -> Cow<'_, Actor> {
        (**self).donor()
    }

    fn recipients(&self) -> Cow<'_, FlowRecipients> {
        (**self).recipients()
    }

    fn stage(&self) -> FundingStage {
        (**self).stage()
    }

    fn amount(&self) -> Option<Money> {
        (**self).amount()
    }
}
