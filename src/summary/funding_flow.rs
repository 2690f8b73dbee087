//! `FundingFlow`: a dossier's funding entry as a flow the aggregator sums.

use std::borrow::Cow;

use chrono::NaiveDate;

use super::{AreaRecipient, AreaSplit, AreaSplitError, Flow, FlowRecipients};
use crate::geo::GroupDateError;
use crate::model::{FundingId, Receiver};
use crate::{Actor, Area, Dossier, Excerpt, Funding, FundingStage, Money};

/// A funding entry of a [`Dossier`] as a [`Flow`]: its value date (else
/// its announcement date, as [`Funding::rate_date`]), donor, stage and
/// amount (`None` when undisclosed; for an approximate amount, the one it
/// states, the first of a range), and its recipients resolved against the
/// dossier's groups and areas on that date.
///
/// Recipients become [`FlowRecipients`] by these rules:
///
/// - no recipient: [`FlowRecipients::Unnamed`];
/// - no shares: one country is [`FlowRecipients::One`]; one other area (a
///   group, a sub-region, the world), an organisation (Gavi), or several
///   recipients, is [`FlowRecipients::Area`], the recipient or the list *as
///   it stands*: the crate does not invent a split the source does not
///   give, so $310m to the Northern Triangle is not a third each to
///   Guatemala, Honduras and El Salvador;
/// - shares: every recipient must have one, and they must sum to 100%
///   within 0.01 (IATI rule 3.1.2); [`FlowRecipients::Shares`], apportioned
///   exactly in proportion to the shares given (see [`AreaSplit`]).
///
/// Push it into any [`Aggregator`](crate::Aggregator), with records of
/// your own if you like; [`FundingSummary`](crate::FundingSummary) does
/// so for a whole dossier and names each rejection by its place in the
/// dossier.
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::EcbRates;
/// use statecraft::aggregate::{GroupKey, KeyPart};
/// use statecraft::model::GroupId;
/// use statecraft::summary::FundingFlow;
/// use statecraft::{Aggregator, Area, Currency, Dimension, Dossier, Flow};
///
/// # let json = include_str!("../../examples/data/guatemala-2021.json");
/// let dossier = Dossier::from_json_str(json)?;
/// let aid = dossier.funding().first().ok_or("no funding")?;
/// let flow = FundingFlow::new(&dossier, aid)?;
/// assert_eq!(flow.recipients().to_string(), "Northern Triangle");
///
/// let mut agg = Aggregator::new(EcbRates::embedded(), Currency::EUR, Dimension::Recipient);
/// agg.push(&flow);
/// let nt = GroupKey::new(KeyPart::Area(Area::Group(GroupId::new("northern-triangle")?)), None);
/// assert_eq!(agg.totals()?.get(&nt).map(|g| g.total().to_string()), Some("EUR 256516342.57".into())); // $310m / 1.2085, the ECB rate of 2021-04-26
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FundingFlow<'a> {
    funding: &'a Funding,
    date: NaiveDate,
    recipients: FlowRecipients,
    amount: Option<Money>,
}

/// Why a funding entry is not a [`FundingFlow`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FundingFlowError {
    /// No date to fix the exchange rate (or the year) by.
    #[error("funding `{id}` has neither a value date nor an announcement date")]
    Undated {
        /// The funding entry.
        id: FundingId,
    },
    /// Some recipients have a share and this one has none.
    #[error("recipient {recipient} of funding `{id}` has no share, while other recipients have one")]
    ShareMissing {
        /// The funding entry.
        id: FundingId,
        /// The recipient's position in the entry's list, from 0.
        index: usize,
        /// The recipient's name.
        recipient: Excerpt,
    },
    /// Shares that do not make a split.
    #[error("the recipients of funding `{id}`: {source}")]
    Split {
        /// The funding entry.
        id: FundingId,
        /// What is wrong with the shares.
        source: AreaSplitError,
    },
    /// A recipient group whose members on the entry's date are not known.
    #[error("the recipients of funding `{id}`: {source}")]
    Group {
        /// The funding entry.
        id: FundingId,
        /// The date before the group's recorded history.
        source: GroupDateError,
    },
}

impl<'a> FundingFlow<'a> {
    /// The flow of `funding`, an entry of `dossier`.
    ///
    /// # Errors
    ///
    /// [`FundingFlowError`] when the entry has neither a value date nor an
    /// announcement date, or gives shares for some recipients but not all,
    /// or shares that do not sum to 100% within 0.01, or names a group as
    /// recipient before the group's recorded history.
    ///
    /// ```
    /// use statecraft::model::{FundingRecipient, Share};
    /// use statecraft::summary::FundingFlow;
    /// use statecraft::{Area, Country, Dossier, Funding, FundingStage};
    ///
    /// let f = Funding::new("grant".parse()?, Country::US, FundingStage::Committed, "s".parse()?)
    ///     .with_recipient(FundingRecipient::new(Area::from(Country::GT)).with_share(Share::from_percent(60)?))
    ///     .with_recipient(FundingRecipient::new(Area::from(Country::HN)).with_share(Share::from_percent(30)?))
    ///     .announced_on("2021-06-07".parse()?);
    /// let e = FundingFlow::new(&Dossier::new(), &f).unwrap_err();
    /// assert_eq!(e.to_string(), "the recipients of funding `grant`: split shares sum to 90%, not 100% (within 0.01)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(dossier: &Dossier, funding: &'a Funding) -> Result<FundingFlow<'a>, FundingFlowError> {
        let date = funding.rate_date().ok_or_else(|| FundingFlowError::Undated {
            id: funding.id().clone(),
        })?;
        let recipients = recipients_of(dossier, funding, date)?;
        Ok(FundingFlow {
            funding,
            date,
            recipients,
            amount: funding.amount().map(|a| a.value()),
        })
    }

    /// A flow of `amount` for `funding`, with `recipients` already
    /// resolved, dated `date` (which, for an entry with no date of its
    /// own, the caller makes sure nothing reads).
    pub(crate) fn with_parts(
        funding: &'a Funding,
        date: NaiveDate,
        recipients: FlowRecipients,
        amount: Option<Money>,
    ) -> FundingFlow<'a> {
        FundingFlow {
            funding,
            date,
            recipients,
            amount,
        }
    }

    /// The funding entry.
    pub fn funding(&self) -> &'a Funding {
        self.funding
    }
}

impl Flow for FundingFlow<'_> {
    fn date(&self) -> NaiveDate {
        self.date
    }

    fn donor(&self) -> Cow<'_, Actor> {
        Cow::Borrowed(self.funding.donor())
    }

    fn recipients(&self) -> Cow<'_, FlowRecipients> {
        Cow::Borrowed(&self.recipients)
    }

    fn stage(&self) -> FundingStage {
        self.funding.stage()
    }

    fn amount(&self) -> Option<Money> {
        self.amount
    }
}

/// The recipients of `funding`, resolved in `dossier` on `date` by the
/// rules of [`FundingFlow`].
pub(crate) fn recipients_of(
    dossier: &Dossier,
    funding: &Funding,
    date: NaiveDate,
) -> Result<FlowRecipients, FundingFlowError> {
    let group = |source| FundingFlowError::Group {
        id: funding.id().clone(),
        source,
    };
    let list = funding.recipients();
    if list.iter().all(|r| r.share().is_none()) {
        let receivers = list.iter().map(|r| r.receiver().clone());
        return Ok(match AreaRecipient::resolve(dossier, receivers, date).map_err(group)? {
            None => FlowRecipients::Unnamed,
            Some(a) => match a.receivers() {
                [Receiver::Area(Area::Country(c))] => FlowRecipients::One(*c),
                _ => FlowRecipients::Area(a),
            },
        });
    }
    let mut parts = Vec::with_capacity(list.len());
    for (index, r) in list.iter().enumerate() {
        let Some(share) = r.share() else {
            return Err(FundingFlowError::ShareMissing {
                id: funding.id().clone(),
                index,
                recipient: Excerpt::new(&dossier.receiver_name(r.receiver())),
            });
        };
        // One area always resolves.
        if let Some(a) = AreaRecipient::resolve(dossier, [r.receiver().clone()], date).map_err(group)? {
            parts.push((a, share));
        }
    }
    AreaSplit::new(parts)
        .map(FlowRecipients::Shares)
        .map_err(|source| FundingFlowError::Split {
            id: funding.id().clone(),
            source,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::IntermediateRegion;
    use crate::model::FundingRecipient;
    use crate::model::{GroupId, Share};
    use crate::Country;

    fn funding(recipients: &[(Area, Option<&str>)]) -> Funding {
        let mut f = Funding::new(
            "f".parse().unwrap(),
            crate::Country::US,
            FundingStage::Committed,
            "s".parse().unwrap(),
        );
        for (area, share) in recipients {
            let mut r = FundingRecipient::new(area.clone());
            if let Some(s) = share {
                r = r.with_share(s.parse::<Share>().unwrap());
            }
            f = f.with_recipient(r);
        }
        f
    }

    #[test]
    fn recipients_resolve_by_the_documented_rules() {
        let d = Dossier::new();
        let nt = Area::Group(GroupId::new("northern-triangle").unwrap());
        let gt = Area::from(Country::GT);
        let ca = Area::from(IntermediateRegion::CentralAmerica);
        let day = NaiveDate::MAX;
        let shown = |list: &[(Area, Option<&str>)]| recipients_of(&d, &funding(list), day).map(|r| r.to_string());
        assert_eq!(shown(&[]), Ok("(unnamed)".into()));
        assert_eq!(shown(&[(gt.clone(), None)]), Ok("GT".into()));
        assert!(matches!(
            recipients_of(&d, &funding(&[(gt.clone(), None)]), day),
            Ok(FlowRecipients::One(Country::GT))
        ));
        assert_eq!(shown(&[(nt.clone(), None)]), Ok("Northern Triangle".into()));
        assert_eq!(
            shown(&[(nt.clone(), None), (gt.clone(), None)]),
            Ok("GT + Northern Triangle".into())
        );
        assert_eq!(shown(&[(gt.clone(), None), (gt.clone(), None)]), Ok("GT".into()));
        assert_eq!(shown(&[(ca.clone(), Some("100"))]), Ok("Central America 100%".into()));
        assert_eq!(
            shown(&[(nt.clone(), Some("60")), (gt.clone(), Some("39.995"))]),
            Ok("Northern Triangle 60%, GT 39.995%".into())
        );
    }

    #[test]
    fn errors_are_pinned() {
        let d = Dossier::new();
        let nt = Area::Group(GroupId::new("northern-triangle").unwrap());
        let gt = Area::from(Country::GT);
        let cases = [
            (
                vec![(nt.clone(), Some("60")), (gt.clone(), None)],
                "recipient Guatemala of funding `f` has no share, while other recipients have one",
            ),
            (
                vec![(nt.clone(), Some("60")), (gt.clone(), Some("39.98"))],
                "the recipients of funding `f`: split shares sum to 99.98%, not 100% (within 0.01)",
            ),
            (
                vec![(gt.clone(), Some("60")), (gt.clone(), Some("40"))],
                "the recipients of funding `f`: GT appears twice in the split",
            ),
        ];
        for (list, message) in cases {
            assert_eq!(
                recipients_of(&d, &funding(&list), NaiveDate::MAX)
                    .unwrap_err()
                    .to_string(),
                message
            );
        }
        let undated = funding(&[(gt, None)]);
        assert_eq!(
            FundingFlow::new(&d, &undated).unwrap_err().to_string(),
            "funding `f` has neither a value date nor an announcement date"
        );
    }
}
