//! `MissingRatePolicy`: which published rate answers for a day without one.

use chrono::NaiveDate;

use super::{FxError, Series};
use crate::Currency;

/// What a source answers for a date on which it published no rate
/// (weekends, holidays, gaps in a series).
///
/// The default, [`MissingRatePolicy::LatestWithin`] 7 days, takes the
/// latest rate published on or before the date, provided it is at most
/// 7 days old: that bridges every weekend and holiday of the ECB calendar
/// (the longest gap between two publications, over Easter or Christmas, is
/// 5 days: Thursday to Tuesday) but refuses a rate years old: the ECB
/// quoted ISK on 2008-12-09 and next on 2018-02-01, so ISK is answered up
/// to 2008-12-16 and refused from 2008-12-17 to 2018-01-31; RUB, last
/// quoted on 2022-03-01, is answered up to 2022-03-08 and refused from
/// 2022-03-09. [`MissingRatePolicy::ExactDate`] accepts only a rate
/// published for the date itself.
///
/// Under either policy a source never answers with a rate published
/// *after* the date asked for, nor for a currency not yet issued on that
/// date ([`Currency::first_day`]) or already replaced
/// ([`Currency::changeover`]: from then on only its fixed conversion rate
/// is right, see [`FixedRates`](super::FixedRates)).
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::{EcbRates, MissingRatePolicy, RateSource};
/// use statecraft::{Currency, NaiveDate};
///
/// let saturday = NaiveDate::from_ymd_opt(2021, 6, 5).unwrap();
/// let ecb = EcbRates::embedded();
/// assert_eq!(ecb.policy(), MissingRatePolicy::default());
/// let r = ecb.rate(Currency::EUR, Currency::USD, saturday)?;
/// assert_eq!(r.date(), NaiveDate::from_ymd_opt(2021, 6, 4).unwrap()); // Friday's rate
///
/// let exact = ecb.clone().with_policy(MissingRatePolicy::ExactDate);
/// let e = exact.rate(Currency::EUR, Currency::USD, saturday).unwrap_err();
/// assert_eq!(e.to_string(), "no ECB rate for USD published on 2021-06-05 (exact-date policy)");
///
/// // The boundaries of the ISK and RUB gaps stated above.
/// let isk = |y, m, d| ecb.rate(Currency::EUR, Currency::ISK, NaiveDate::from_ymd_opt(y, m, d).unwrap());
/// assert_eq!(isk(2008, 12, 16)?.date(), NaiveDate::from_ymd_opt(2008, 12, 9).unwrap());
/// assert!(isk(2008, 12, 17).is_err() && isk(2018, 1, 31).is_err());
/// assert_eq!(isk(2018, 2, 1)?.date(), NaiveDate::from_ymd_opt(2018, 2, 1).unwrap());
/// let rub = |y, m, d| ecb.rate(Currency::EUR, Currency::RUB, NaiveDate::from_ymd_opt(y, m, d).unwrap());
/// assert_eq!(rub(2022, 3, 8)?.date(), NaiveDate::from_ymd_opt(2022, 3, 1).unwrap());
/// assert!(rub(2022, 3, 9).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MissingRatePolicy {
    /// The latest rate published on or before the date, if it is at most
    /// `max_age_days` days old (0 accepts only the date itself, but reports
    /// an older rate as stale rather than as not published).
    LatestWithin {
        /// The largest age accepted, in days.
        max_age_days: u32,
    },
    /// Only a rate published for exactly the date.
    ExactDate,
}

impl MissingRatePolicy {
    /// The default largest age of a rate: 7 days.
    pub const DEFAULT_MAX_AGE_DAYS: u32 = 7;

    /// The latest rate on or before the date, at most `max_age_days` old.
    ///
    /// ```
    /// use statecraft::fx::MissingRatePolicy;
    ///
    /// assert_eq!(MissingRatePolicy::latest_within(7), MissingRatePolicy::default());
    /// assert_eq!(MissingRatePolicy::latest_within(3).max_age_days(), 3);
    /// ```
    pub const fn latest_within(max_age_days: u32) -> MissingRatePolicy {
        MissingRatePolicy::LatestWithin { max_age_days }
    }

    /// The largest age of a rate this policy accepts, in days (0 for
    /// [`MissingRatePolicy::ExactDate`]).
    pub const fn max_age_days(self) -> u32 {
        match self {
            MissingRatePolicy::LatestWithin { max_age_days } => max_age_days,
            MissingRatePolicy::ExactDate => 0,
        }
    }

    /// Whether a rate `age_days` old answers (for a rate on or before the
    /// date asked for, within the history).
    pub(crate) fn accepts(self, age_days: i64) -> bool {
        match self {
            MissingRatePolicy::LatestWithin { max_age_days } => (0..=i64::from(max_age_days)).contains(&age_days),
            MissingRatePolicy::ExactDate => age_days == 0,
        }
    }

    /// Decides whether a source may answer for `lookup.date` with its
    /// latest rate on or before that date, published on `latest` (`None`
    /// when it has none). Returns the publication date to use.
    pub(crate) fn decide(self, lookup: &Lookup<'_>, latest: Option<NaiveDate>) -> Result<NaiveDate, FxError> {
        let date = lookup.date;
        let provider = || lookup.provider.to_string();
        let max_age_days = self.max_age_days();
        if date < lookup.first {
            return Err(FxError::BeforeHistory {
                series: lookup.series,
                date,
                first: lookup.first,
                provider: provider(),
            });
        }
        if date.signed_duration_since(lookup.last).num_days() > i64::from(max_age_days) {
            return Err(FxError::AfterHistory {
                series: lookup.series,
                date,
                last: lookup.last,
                max_age_days,
                provider: provider(),
            });
        }
        let Some(latest) = latest.filter(|l| *l <= date) else {
            return Err(FxError::BeforeHistory {
                series: lookup.series,
                date,
                first: lookup.first,
                provider: provider(),
            });
        };
        let age = date.signed_duration_since(latest).num_days();
        match self {
            MissingRatePolicy::ExactDate if age != 0 => Err(FxError::NotPublished {
                series: lookup.series,
                date,
                provider: provider(),
            }),
            MissingRatePolicy::LatestWithin { max_age_days } if age > i64::from(max_age_days) => Err(FxError::Stale {
                series: lookup.series,
                date,
                latest,
                max_age_days,
                provider: provider(),
            }),
            _ => Ok(latest),
        }
    }
}

impl Default for MissingRatePolicy {
    /// [`MissingRatePolicy::LatestWithin`] 7 days.
    fn default() -> MissingRatePolicy {
        MissingRatePolicy::latest_within(MissingRatePolicy::DEFAULT_MAX_AGE_DAYS)
    }
}

/// One lookup in one series of one source, as the policy sees it.
pub(crate) struct Lookup<'a> {
    /// The source's name.
    pub(crate) provider: &'a str,
    /// The series looked up.
    pub(crate) series: Series,
    /// The date asked for.
    pub(crate) date: NaiveDate,
    /// The first publication of the series.
    pub(crate) first: NaiveDate,
    /// The last day of the source's data (of any series).
    pub(crate) last: NaiveDate,
}

/// Refuses a currency not yet issued on `date`, or no longer the sole
/// legal tender (replaced, or withdrawn): a market rate for it is wrong.
pub(crate) fn check_legal_tender(currency: Currency, date: NaiveDate, provider: &str) -> Result<(), FxError> {
    if let Some(first) = currency.first_day().filter(|first| date < *first) {
        return Err(FxError::NotYetIssued {
            currency,
            date,
            first,
            provider: provider.to_string(),
        });
    }
    match currency.sole_legal_tender_until() {
        Some(until) if date > until => Err(FxError::Retired {
            currency,
            date,
            until,
            provider: provider.to_string(),
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;

    fn lookup(date: NaiveDate) -> Lookup<'static> {
        Lookup {
            provider: "T",
            series: Series::Currency(Currency::USD),
            date,
            first: day(2021, 1, 4),
            last: day(2021, 6, 30),
        }
    }

    #[test]
    fn latest_within_bridges_gaps_up_to_its_limit_and_never_forward() {
        let p = MissingRatePolicy::default();
        let friday = day(2021, 6, 4);
        assert_eq!(p.decide(&lookup(day(2021, 6, 7)), Some(friday)), Ok(friday));
        assert_eq!(p.decide(&lookup(day(2021, 6, 11)), Some(friday)), Ok(friday));
        let e = p.decide(&lookup(day(2021, 6, 12)), Some(friday)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "no T rate for USD on 2021-06-12: the latest, of 2021-06-04, is 8 days old (at most 7 allowed)"
        );
        // A "latest" after the date is never used.
        assert!(p.decide(&lookup(day(2021, 6, 3)), Some(friday)).is_err());
        let e = p.decide(&lookup(day(2021, 1, 3)), None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "no T rate for USD on 2021-01-03: T rates for USD start on 2021-01-04"
        );
        assert!(p.decide(&lookup(day(2021, 7, 7)), Some(day(2021, 6, 30))).is_ok());
        let e = p.decide(&lookup(day(2021, 7, 8)), Some(day(2021, 6, 30))).unwrap_err();
        assert_eq!(
            e.to_string(),
            "no T rate for USD on 2021-07-08: the T data ends on 2021-06-30, more than 7 days before"
        );
    }

    #[test]
    fn exact_date_takes_only_the_day_itself() {
        let p = MissingRatePolicy::ExactDate;
        let friday = day(2021, 6, 4);
        assert_eq!(p.decide(&lookup(friday), Some(friday)), Ok(friday));
        let e = p.decide(&lookup(day(2021, 6, 5)), Some(friday)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "no T rate for USD published on 2021-06-05 (exact-date policy)"
        );
        assert!(matches!(
            p.decide(&lookup(day(2021, 7, 1)), Some(day(2021, 6, 30))),
            Err(FxError::AfterHistory { .. })
        ));
        // Zero days of age under LatestWithin reports staleness instead.
        let zero = MissingRatePolicy::latest_within(0);
        assert!(matches!(
            zero.decide(&lookup(day(2021, 6, 5)), Some(friday)),
            Err(FxError::Stale { .. })
        ));
    }

    #[test]
    fn retired_currencies_are_refused_after_their_last_day() {
        assert!(check_legal_tender(Currency::CYP, day(2007, 12, 31), "T").is_ok());
        let e = check_legal_tender(Currency::CYP, day(2010, 1, 4), "ECB").unwrap_err();
        assert_eq!(
            e.to_string(),
            "no ECB rate for CYP on 2010-01-04: CYP was retired after 2007-12-31"
        );
        assert!(check_legal_tender(Currency::USD, day(2100, 1, 1), "T").is_ok());
        let e = check_legal_tender(Currency::SLE, day(2021, 6, 7), "T").unwrap_err();
        assert_eq!(
            e.to_string(),
            "no T rate for SLE on 2021-06-07: SLE was first issued on 2022-07-01"
        );
        assert!(check_legal_tender(Currency::SLE, day(2022, 7, 1), "T").is_ok());
        let e = check_legal_tender(Currency::SLL, day(2022, 7, 1), "T").unwrap_err();
        assert_eq!(
            e.to_string(),
            "no T rate for SLL on 2022-07-01: SLL was retired after 2022-06-30"
        );
    }
}
