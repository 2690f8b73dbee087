//! `EcbRates`: the European Central Bank's euro reference rates.

use std::io::Read;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::history::{day_number, Column, History};
use super::policy::{check_legal_tender, Lookup};
use super::rate::{convert_exact, product, quotient};
use super::{ecb_csv, FxError, MissingRatePolicy, Rate, RateSource, Series};
use crate::{Currency, Money};

/// The name every ECB rate gives as its source.
const PROVIDER: &str = "ECB";

/// The European Central Bank's euro foreign exchange reference rates: for
/// each business day, how many units of each of its currencies one euro
/// buys.
///
/// Read a history in the ECB's `eurofxref-hist.csv` format with
/// [`EcbRates::from_csv`], or use the snapshot shipped in the crate,
/// 1999-01-04 to 2026-10-30, with [`EcbRates::embedded`] (feature
/// `ecb-snapshot`, on by default). Lookups are O(1) whatever the date:
/// every calendar day of the history maps straight to the latest rate
/// published on or before it.
///
/// As a [`RateSource`] it answers any pair of its currencies and the euro:
/// `EUR→X` as published, `X→EUR` as its exact inverse, and `X→Y` as the
/// cross `Y per EUR ÷ X per EUR`, whose [`legs`](Rate::legs) are `X→EUR`
/// and `EUR→Y`. Which published rate answers for a date is up to the
/// [`MissingRatePolicy`] (by default the latest on or before the date, at
/// most 7 days old); it refuses, naming the currency, the date and the
/// reason, currencies it never quotes (GTQ, HNL), retired currencies
/// after their last day (CYP after 2007-12-31), stale series (ISK, whose
/// last rate before the gap is of 2008-12-09, from 2008-12-17 to
/// 2018-01-31; RUB, last quoted on 2022-03-01, from 2022-03-09: under the
/// default policy a rate answers for 7 days after its date), and dates
/// outside its history. A currency into itself is exactly 1 on any date
/// it is legal tender ([`Derivation::Identity`](super::Derivation::Identity)).
///
/// `EcbRates` is cheap to clone (the rates are shared) and `Send + Sync`.
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::{EcbRates, RateSource};
/// use statecraft::{Currency, Money, NaiveDate};
///
/// let ecb = EcbRates::embedded();
/// let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
///
/// let usd = ecb.rate(Currency::EUR, Currency::USD, day)?;
/// assert_eq!(usd.value().to_string(), "1.2162");
///
/// let gbp = ecb.convert("$310m".parse::<Money>()?, Currency::GBP, day)?;
/// assert_eq!(gbp.round().to_string(), "GBP 218761305.71");
/// assert_eq!(gbp.to_compact(), "£218.8m");
///
/// let e = ecb.rate(Currency::USD, Currency::GTQ, day).unwrap_err();
/// assert_eq!(e.to_string(), "no ECB rate for GTQ on 2021-06-07: GTQ is not quoted");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct EcbRates {
    history: Arc<History>,
    policy: MissingRatePolicy,
    /// Whether a currency is refused outside its days of legal tender.
    legal_tender: bool,
}

impl EcbRates {
    /// Reads rates in the format of the ECB's `eurofxref-hist.csv`: a
    /// header `Date,USD,JPY,...` naming ISO 4217 currencies (the retired
    /// ones the ECB quoted, like CYP, included), then one row per day,
    /// `YYYY-MM-DD` and a rate per euro for each column, or `N/A`. Every
    /// line may end with a comma, as the ECB's do. Rows may come newest
    /// first (as the ECB ships them), oldest first, or in any order; blank
    /// lines and spaces around fields are ignored, and so is a UTF-8
    /// byte-order mark.
    ///
    /// # Memory and speed
    ///
    /// The rates take 12 bytes per row and currency. For O(1) lookups, a
    /// history also gets an index of 4 bytes per calendar day from its
    /// first date to its last (40 KB for 27 years), unless that span is
    /// longer than 40,000 days (about 109 years) *and* the file has fewer
    /// than one row per 16 days: such a sparse history (a row in year 1
    /// and another in 9999, which would need 14.6 MB of index) is
    /// searched by date instead, in O(log rows), so memory stays
    /// proportional to the file.
    ///
    /// # Errors
    ///
    /// [`FxError::Parse`] with the line, the column and the offending
    /// text for: an empty file, a first column other than `Date`, an
    /// unknown, repeated or `EUR` currency column, a header with nothing
    /// after it, a row with a wrong number of fields, a date that is not
    /// `YYYY-MM-DD`, a repeated date, a rate that is not a plain positive
    /// decimal that a `Decimal` holds. [`FxError::Io`] when the reader
    /// fails.
    ///
    /// ```
    /// use statecraft::fx::{EcbRates, RateSource};
    /// use statecraft::{Currency, NaiveDate};
    ///
    /// let csv = "Date,USD,GBP,\n2021-06-07,1.2162,0.85825,\n2021-06-04,1.2117,0.8569,\n";
    /// let ecb = EcbRates::from_csv(csv.as_bytes())?;
    /// let sunday = NaiveDate::from_ymd_opt(2021, 6, 6).unwrap();
    /// let r = ecb.rate(Currency::EUR, Currency::GBP, sunday)?;
    /// assert_eq!(r.value().to_string(), "0.8569");
    /// assert_eq!(r.date(), NaiveDate::from_ymd_opt(2021, 6, 4).unwrap());
    ///
    /// let e = EcbRates::from_csv("Date,USD,\n2021-06-07,1.2162,\n2021-06-07,1.2117,\n".as_bytes()).unwrap_err();
    /// assert_eq!(e.to_string(), "line 3, column 1: duplicate date 2021-06-07 (first on line 2)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_csv<R: Read>(mut reader: R) -> Result<EcbRates, FxError> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes)?;
        EcbRates::from_csv_bytes(&bytes)
    }

    /// Reads rates in the format of [`EcbRates::from_csv`] from bytes
    /// already in memory (an `include_bytes!` of your own snapshot, a
    /// downloaded body), without copying them first. Memory and speed as
    /// for [`EcbRates::from_csv`]: the per-day index is bounded.
    ///
    /// # Errors
    ///
    /// As [`EcbRates::from_csv`], but for [`FxError::Io`].
    ///
    /// ```
    /// use statecraft::fx::EcbRates;
    ///
    /// let ecb = EcbRates::from_csv_bytes(b"Date,USD,\n2021-06-07,1.2162,\n")?;
    /// assert_eq!(ecb.dates().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_csv_bytes(bytes: &[u8]) -> Result<EcbRates, FxError> {
        Ok(EcbRates {
            history: Arc::new(ecb_csv::parse(bytes, Arc::from(PROVIDER))?),
            policy: MissingRatePolicy::default(),
            legal_tender: true,
        })
    }

    /// The ECB reference rates from 1999-01-04 to 2026-10-30 shipped in
    /// the crate (`data/eurofxref-hist.csv`), parsed on first use (in a
    /// few milliseconds) and shared afterwards, with the default
    /// [`MissingRatePolicy`]. Clone it to change the policy.
    ///
    /// The snapshot is checked by the crate's tests; should it ever fail to
    /// parse, every lookup returns the parse error (see
    /// [`EcbRates::try_embedded`]) rather than panicking.
    ///
    /// ```
    /// use statecraft::fx::EcbRates;
    /// use statecraft::{Currency, NaiveDate};
    ///
    /// let ecb = EcbRates::embedded();
    /// assert_eq!(ecb.first_date(), NaiveDate::from_ymd_opt(1999, 1, 4).unwrap());
    /// assert_eq!(ecb.last_date(), NaiveDate::from_ymd_opt(2026, 10, 30).unwrap());
    /// assert_eq!(ecb.currencies().len(), 41);
    /// assert!(ecb.currencies().contains(&Currency::CYP));
    /// ```
    #[cfg(feature = "ecb-snapshot")]
    #[cfg_attr(docsrs, doc(cfg(feature = "ecb-snapshot")))]
    pub fn embedded() -> &'static EcbRates {
        use std::sync::OnceLock;
        static FALLBACK: OnceLock<EcbRates> = OnceLock::new();
        match EcbRates::try_embedded() {
            Ok(ecb) => ecb,
            Err(e) => FALLBACK.get_or_init(|| EcbRates {
                history: Arc::new(History::failed(Arc::from(PROVIDER), e)),
                policy: MissingRatePolicy::default(),
                legal_tender: true,
            }),
        }
    }

    /// The embedded snapshot, as [`EcbRates::embedded`], or the error it
    /// failed to parse with.
    ///
    /// # Errors
    ///
    /// The [`FxError::Parse`] of the embedded file, should it be corrupt
    /// (the crate's tests rule this out).
    ///
    /// ```
    /// let ecb = statecraft::fx::EcbRates::try_embedded()?;
    /// assert_eq!(ecb.dates().len(), 7126);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "ecb-snapshot")]
    #[cfg_attr(docsrs, doc(cfg(feature = "ecb-snapshot")))]
    pub fn try_embedded() -> Result<&'static EcbRates, FxError> {
        use std::sync::OnceLock;
        static SNAPSHOT: &[u8] = include_bytes!("../../data/eurofxref-hist.csv");
        static EMBEDDED: OnceLock<Result<EcbRates, FxError>> = OnceLock::new();
        EMBEDDED
            .get_or_init(|| EcbRates::from_csv_bytes(SNAPSHOT))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The same rates under another missing-rate policy.
    ///
    #[cfg_attr(feature = "ecb-snapshot", doc = "```")]
    #[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
    /// use statecraft::fx::{EcbRates, MissingRatePolicy};
    ///
    /// let strict = EcbRates::embedded().clone().with_policy(MissingRatePolicy::ExactDate);
    /// assert_eq!(strict.policy(), MissingRatePolicy::ExactDate);
    /// ```
    pub fn with_policy(mut self, policy: MissingRatePolicy) -> EcbRates {
        self.policy = policy;
        self
    }

    /// The missing-rate policy in force.
    pub fn policy(&self) -> MissingRatePolicy {
        self.policy
    }

    /// The same rates, refusing a currency outside its days of legal
    /// tender (`true`, the default: the rate of a currency before it was
    /// issued or after it was replaced is wrong) or not (`false`: the
    /// rates as the ECB's file holds them, under the missing-rate policy
    /// alone, as `iati_reference.py` reads them). Only retired
    /// currencies tell the two apart, in the days after their last quote
    /// that the policy bridges: CYP on 2008-01-02, SIT on 2007-01-03.
    ///
    #[cfg_attr(feature = "ecb-snapshot", doc = "```")]
    #[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
    /// use statecraft::fx::{EcbRates, RateSource};
    /// use statecraft::{Currency, NaiveDate};
    ///
    /// let day = NaiveDate::from_ymd_opt(2008, 1, 2).unwrap();
    /// let ecb = EcbRates::embedded();
    /// assert!(ecb.legal_tender_check());
    /// assert_eq!(
    ///     ecb.rate(Currency::EUR, Currency::CYP, day).unwrap_err().to_string(),
    ///     "no ECB rate for CYP on 2008-01-02: CYP was retired after 2007-12-31"
    /// );
    /// let published = ecb.clone().with_legal_tender_check(false);
    /// let r = published.rate(Currency::EUR, Currency::CYP, day)?;
    /// assert_eq!((r.value().to_string(), r.date().to_string()), ("0.585274".into(), "2007-12-31".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_legal_tender_check(mut self, check: bool) -> EcbRates {
        self.legal_tender = check;
        self
    }

    /// Whether a currency is refused outside its days of legal tender
    /// (see [`with_legal_tender_check`](EcbRates::with_legal_tender_check)).
    pub fn legal_tender_check(&self) -> bool {
        self.legal_tender
    }

    /// Refuses `currency` on `on` if it was not legal tender then and the
    /// check is on.
    fn check_legal_tender(&self, currency: Currency, on: NaiveDate) -> Result<(), FxError> {
        if self.legal_tender {
            check_legal_tender(currency, on, &self.history.provider)
        } else {
            Ok(())
        }
    }

    /// The first publication day.
    pub fn first_date(&self) -> NaiveDate {
        self.history.first
    }

    /// The last publication day.
    pub fn last_date(&self) -> NaiveDate {
        self.history.last
    }

    /// The currencies quoted (the columns of the file, without the euro),
    /// in the file's order.
    pub fn currencies(&self) -> &[Currency] {
        self.history.columns()
    }

    /// Every publication day, oldest first.
    ///
    #[cfg_attr(feature = "ecb-snapshot", doc = "```")]
    #[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
    /// use statecraft::fx::EcbRates;
    /// use statecraft::NaiveDate;
    ///
    /// let days: Vec<NaiveDate> = EcbRates::embedded().dates().take(2).collect();
    /// assert_eq!(days[1], NaiveDate::from_ymd_opt(1999, 1, 5).unwrap());
    /// ```
    pub fn dates(&self) -> impl ExactSizeIterator<Item = NaiveDate> + '_ {
        self.history.dates()
    }

    /// The first and last day on which `currency` has a published rate;
    /// `None` for a currency never quoted.
    ///
    #[cfg_attr(feature = "ecb-snapshot", doc = "```")]
    #[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
    /// use statecraft::fx::EcbRates;
    /// use statecraft::{Currency, NaiveDate};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let ecb = EcbRates::embedded();
    /// assert_eq!(ecb.published_range(Currency::RUB), Some((day(2005, 4, 1), day(2022, 3, 1))));
    /// assert_eq!(ecb.published_range(Currency::GTQ), None);
    /// ```
    pub fn published_range(&self, currency: Currency) -> Option<(NaiveDate, NaiveDate)> {
        let history = &*self.history;
        history
            .column(currency)
            .map(|c| (history.date(c.first), history.date(c.last)))
    }

    /// The units of `currency` per euro that answer for `on` under the
    /// policy, with the day number of their publication.
    fn per_euro(&self, currency: Currency, on: NaiveDate) -> Result<(Decimal, u32), FxError> {
        let history = &*self.history;
        if let Some(e) = &history.failure {
            return Err(e.clone());
        }
        self.check_legal_tender(currency, on)?;
        let column = history.column(currency);
        if let Some(column) = column {
            // The common case in integer days: within the series, within the
            // history (plus the policy's bridge), with a recent enough rate.
            let day = day_number(on);
            let max_age = i64::from(self.policy.max_age_days());
            let in_range = day >= i64::from(column.first) && day <= i64::from(history.last_day()) + max_age;
            if in_range {
                if let Some(found) = history.latest(column.index, day) {
                    if self.policy.accepts(day - i64::from(found.day)) {
                        return Ok((found.value, found.day));
                    }
                }
            }
        }
        Err(self.refusal(currency, on, column))
    }

    /// Why there is no rate for `currency` on `on`: the policy's verdict on
    /// the latest rate on or before that date.
    #[cold]
    fn refusal(&self, currency: Currency, on: NaiveDate, column: Option<Column>) -> FxError {
        let history = &*self.history;
        let provider = &*history.provider;
        let series = Series::Currency(currency);
        let Some(column) = column else {
            return FxError::NotQuoted {
                series,
                date: on,
                provider: provider.to_string(),
            };
        };
        let first = history.date(column.first);
        let latest = history.latest(column.index, day_number(on));
        let lookup = Lookup {
            provider,
            series,
            date: on,
            first,
            last: history.last,
        };
        match self.policy.decide(&lookup, latest.map(|found| history.date(found.day))) {
            Err(e) => e,
            // Unreachable: the fast path accepts whatever the policy does.
            Ok(_) => FxError::BeforeHistory {
                series,
                date: on,
                first,
                provider: provider.to_string(),
            },
        }
    }

    /// The published `EUR→currency` rate that answers for `on`.
    fn published(&self, currency: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        let (value, day) = self.per_euro(currency, on)?;
        Rate::new(
            Currency::EUR,
            currency,
            value,
            self.history.date(day),
            self.history.provider.clone(),
        )
    }
}

impl RateSource for EcbRates {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        if from == to {
            self.check_legal_tender(from, on)?;
            return Ok(Rate::identity(from, on));
        }
        if from == Currency::EUR {
            return self.published(to, on);
        }
        let from_eur = self.published(from, on)?.inverse()?;
        if to == Currency::EUR {
            return Ok(from_eur);
        }
        Rate::cross(from_eur, self.published(to, on)?)
    }

    /// The same result as `self.rate(...).map(|r| r.value())`, without
    /// building the [`Rate`], its inverse and its legs: for a cross rate,
    /// the one division `to_per_eur / from_per_eur` that
    /// [`Rate::cross`] makes.
    fn rate_value(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Decimal, FxError> {
        if from == to || from == Currency::EUR || to == Currency::EUR {
            return self.rate(from, to, on).map(|r| r.value());
        }
        // Whatever `rate` says of a case this shortcut does not cover.
        let slow = || self.rate(from, to, on).map(|r| r.value());
        let (from_per_eur, _) = self.per_euro(from, on)?;
        if from_per_eur <= Decimal::ZERO {
            return slow();
        }
        let (to_per_eur, _) = self.per_euro(to, on)?;
        // What `rate` computes: the cross's numerator over its denominator.
        // (It inverts the first leg first, which cannot fail for a positive
        // rate: the smallest, 10⁻²⁸, has an inverse below `Decimal::MAX`.)
        let value = product(Decimal::ONE, to_per_eur)
            .zip(product(from_per_eur, Decimal::ONE))
            .and_then(|(numerator, denominator)| quotient(numerator, denominator));
        match value {
            Some(v) if to_per_eur > Decimal::ZERO => Ok(v),
            _ => slow(),
        }
    }

    /// The same fraction as `self.rate(...).map(|r| r.ratio())`, without
    /// building the [`Rate`]: `(to_per_eur, from_per_eur)`, each 1 for the
    /// euro.
    fn rate_ratio(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<(Decimal, Decimal), FxError> {
        if from == to {
            return self.rate(from, to, on).map(|r| r.ratio());
        }
        let per_euro = |c: Currency| {
            if c == Currency::EUR {
                Ok(Decimal::ONE)
            } else {
                self.per_euro(c, on).map(|(v, _)| v)
            }
        };
        let (from_per_eur, to_per_eur) = (per_euro(from)?, per_euro(to)?);
        Ok((to_per_eur, from_per_eur))
    }

    /// The same result as `self.rate(...)?.apply(money)`, without building
    /// the [`Rate`] and its legs.
    fn convert(&self, money: Money, to: Currency, on: NaiveDate) -> Result<Money, FxError> {
        let from = money.currency();
        let (numerator, denominator) = if from == to {
            self.check_legal_tender(from, on)?;
            (Decimal::ONE, Decimal::ONE)
        } else if from == Currency::EUR {
            (self.per_euro(to, on)?.0, Decimal::ONE)
        } else {
            let from_per_eur = self.per_euro(from, on)?.0;
            if to == Currency::EUR {
                (Decimal::ONE, from_per_eur)
            } else {
                (self.per_euro(to, on)?.0, from_per_eur)
            }
        };
        convert_exact(money.amount(), numerator, denominator)
            .map(|amount| Money::new(amount, to))
            .ok_or_else(|| FxError::Overflow {
                what: format!(
                    "{money} × {} {to}/{from}",
                    quotient(numerator, denominator).unwrap_or_default()
                ),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;

    #[test]
    fn is_send_sync_and_cheap_to_clone() {
        fn check<T: Send + Sync + Clone + 'static>() {}
        check::<EcbRates>();
    }

    #[test]
    #[cfg(feature = "ecb-snapshot")]
    fn the_embedded_snapshot_parses() {
        let ecb = EcbRates::try_embedded().unwrap();
        assert_eq!(ecb.dates().len(), 7126);
        assert_eq!(ecb.first_date(), day(1999, 1, 4));
        assert_eq!(ecb.last_date(), day(2026, 10, 30));
        assert!(std::ptr::eq(ecb, EcbRates::embedded()));
    }

    #[test]
    fn a_failed_snapshot_answers_with_its_error() {
        let e = FxError::parse(1, 1, super::super::ParseErrorKind::Empty);
        let broken = EcbRates {
            history: Arc::new(History::failed(Arc::from(PROVIDER), e.clone())),
            policy: MissingRatePolicy::default(),
            legal_tender: true,
        };
        assert_eq!(
            broken.rate(Currency::EUR, Currency::USD, day(2021, 6, 7)),
            Err(e.clone())
        );
        let m = Money::new(Decimal::ONE, Currency::USD);
        assert_eq!(broken.convert(m, Currency::GBP, day(2021, 6, 7)), Err(e));
    }

    /// `rate_value` answers exactly what `rate(...).map(|r| r.value())`
    /// does (value, scale and error), for every pair of a history's
    /// currencies, the euro and an unquoted and a retired one, on days
    /// before, within and after it, weekends and stale stretches included.
    /// `rate_ratio`, normalized.
    fn ratio(ecb: &EcbRates, from: Currency, to: Currency, on: NaiveDate) -> Result<(Decimal, Decimal), FxError> {
        ecb.rate_ratio(from, to, on)
            .map(|(n, d)| (n.normalize(), d.normalize()))
    }

    /// The ratio of `rate`, normalized.
    fn ratio_of(ecb: &EcbRates, from: Currency, to: Currency, on: NaiveDate) -> Result<(Decimal, Decimal), FxError> {
        ecb.rate(from, to, on).map(|r| {
            let (n, d) = r.ratio();
            (n.normalize(), d.normalize())
        })
    }

    #[test]
    fn rate_value_is_the_value_of_rate() {
        let csv = "Date,USD,GBP,JPY,CYP,ISK,\n\
                   2021-06-07,1.2162,0.85825,133.39,N/A,146.1,\n\
                   2021-06-04,1.2117,0.8569,133.1,N/A,N/A,\n\
                   2021-05-20,1.2,0.86,133.3,N/A,N/A,\n\
                   2007-12-31,1.4721,0.7334,164.93,0.585274,91.2,\n";
        let ecb = EcbRates::from_csv(csv.as_bytes()).unwrap();
        let currencies = [
            Currency::EUR,
            Currency::USD,
            Currency::GBP,
            Currency::JPY,
            Currency::CYP,
            Currency::ISK,
            Currency::GTQ,
        ];
        let mut days = vec![day(1999, 1, 1), day(2007, 12, 31), day(2008, 1, 2), day(2030, 1, 1)];
        days.extend((0..40).map(|i| day(2021, 5, 15) + chrono::Days::new(i)));
        for on in days {
            for from in currencies {
                for to in currencies {
                    let want = ecb.rate(from, to, on).map(|r| r.value());
                    let got = ecb.rate_value(from, to, on);
                    assert_eq!(got, want, "{from}→{to} on {on}");
                    if let (Ok(g), Ok(w)) = (got, want) {
                        assert_eq!(g.scale(), w.scale(), "{from}→{to} on {on}");
                    }
                    assert_eq!(
                        ratio_of(&ecb, from, to, on),
                        ratio(&ecb, from, to, on),
                        "{from}→{to} on {on}"
                    );
                }
            }
        }
    }

    #[test]
    #[cfg(feature = "ecb-snapshot")]
    fn rate_value_is_the_value_of_rate_in_the_snapshot() {
        let ecb = EcbRates::embedded();
        let mut on = day(1998, 12, 25);
        while on < day(2026, 11, 10) {
            for &from in ecb.currencies() {
                for to in [Currency::USD, Currency::GBP, Currency::EUR] {
                    let want = ecb.rate(from, to, on).map(|r| r.value());
                    assert_eq!(ecb.rate_value(from, to, on), want, "{from}→{to} on {on}");
                    assert_eq!(
                        ratio_of(ecb, from, to, on),
                        ratio(ecb, from, to, on),
                        "{from}→{to} on {on}"
                    );
                }
            }
            on = on + chrono::Days::new(5);
        }
    }
}
