//! `RateChain`: several sources asked in order, crossed through pivots.

use std::fmt;

use chrono::NaiveDate;

use super::policy::check_legal_tender;
use super::{FxError, Rate, RateSource};
use crate::Currency;

/// A source that shares across threads.
type Member = Box<dyn RateSource + Send + Sync>;

/// Several rate sources asked in order, with cross rates between them.
///
/// For a pair, the chain asks each source in turn and takes the first
/// answer. When no single source has the pair, it crosses through a pivot
/// currency, EUR then USD (see [`with_pivots`](RateChain::with_pivots)):
/// `from → pivot` from the first source that has it, then `pivot → to`
/// from the first source that has that, the two possibly from different
/// sources. The cross rate's [`legs`](Rate::legs) show both, each with its
/// source and date; its [`date`](Rate::date) is the earlier of theirs.
///
/// Each source applies its own [`MissingRatePolicy`](super::MissingRatePolicy).
/// When every way fails, the error is the most telling refusal (a stale
/// or retired rate, a date outside a history) or, when every source simply
/// does not quote the pair, [`FxError::NoSource`] listing each source's
/// answer.
///
/// Members are `Send + Sync + 'static` (an owned source, an `Arc`, or a
/// `&'static` reference such as [`EcbRates::embedded`](super::EcbRates::embedded)),
/// so a chain can be shared across threads.
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::{Derivation, EcbRates, RateChain, RateSource, RateTable};
/// use statecraft::{Currency, Decimal, NaiveDate};
///
/// let day = |d| NaiveDate::from_ymd_opt(2021, 6, d).unwrap();
/// let mut banguat = RateTable::named("Banco de Guatemala");
/// banguat.insert(day(4), Currency::USD, Currency::GTQ, Decimal::new(77237, 4))?;
/// let rates = RateChain::new().with(EcbRates::embedded()).with(banguat);
///
/// let r = rates.rate(Currency::GTQ, Currency::GBP, day(7))?;
/// assert_eq!(r.source(), "Banco de Guatemala + ECB");
/// assert_eq!(r.date(), day(4));
/// let [gtq_usd, usd_gbp] = r.legs() else { unreachable!() };
/// assert_eq!((gtq_usd.source(), gtq_usd.derivation()), ("Banco de Guatemala", Derivation::Inverse));
/// assert_eq!((usd_gbp.source(), usd_gbp.date()), ("ECB", day(7)));
/// assert_eq!(r.value(), Decimal::new(85825, 5) / (Decimal::new(77237, 4) * Decimal::new(12162, 4)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct RateChain {
    sources: Vec<Member>,
    pivots: Vec<Currency>,
}

impl RateChain {
    /// An empty chain, with the pivots EUR then USD.
    pub fn new() -> RateChain {
        RateChain {
            sources: Vec::new(),
            pivots: vec![Currency::EUR, Currency::USD],
        }
    }

    /// The chain with `source` asked after the sources it has.
    pub fn with<S: RateSource + Send + Sync + 'static>(mut self, source: S) -> RateChain {
        self.sources.push(Box::new(source));
        self
    }

    /// The chain with other pivot currencies, tried in order (none to
    /// forbid crossing between sources).
    ///
    #[cfg_attr(feature = "ecb-snapshot", doc = "```")]
    #[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
    /// use statecraft::fx::{EcbRates, RateChain, RateSource, RateTable};
    /// use statecraft::{Currency, Decimal, NaiveDate};
    ///
    /// let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
    /// let mut t = RateTable::named("T");
    /// t.insert(day, Currency::USD, Currency::GTQ, Decimal::new(77237, 4))?;
    /// let direct_only = RateChain::new().with(EcbRates::embedded()).with(t).with_pivots([]);
    /// assert!(direct_only.rate(Currency::GTQ, Currency::GBP, day).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_pivots(mut self, pivots: impl IntoIterator<Item = Currency>) -> RateChain {
        self.pivots = pivots.into_iter().collect();
        self
    }

    /// The pivot currencies, in the order they are tried.
    pub fn pivots(&self) -> &[Currency] {
        &self.pivots
    }

    /// The number of sources.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    /// Whether the chain has no sources.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// The first source's answer for the pair itself, or every source's
    /// refusal.
    fn direct(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, Vec<FxError>> {
        let mut refusals = Vec::with_capacity(self.sources.len());
        for source in &self.sources {
            match source.rate(from, to, on) {
                Ok(rate) => return Ok(rate),
                Err(e) => refusals.push(e),
            }
        }
        Err(refusals)
    }
}

impl Default for RateChain {
    fn default() -> RateChain {
        RateChain::new()
    }
}

impl fmt::Debug for RateChain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RateChain")
            .field("sources", &self.sources.len())
            .field("pivots", &self.pivots)
            .finish()
    }
}

impl RateSource for RateChain {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        if from == to {
            // Each source answers a currency into itself, or refuses it
            // when it was no longer legal tender on `on`.
            return match self.direct(from, to, on) {
                Ok(rate) => Ok(rate),
                Err(refusals) => match refusals.into_iter().next() {
                    Some(refusal) => Err(refusal),
                    None => check_legal_tender(from, on, "identity").map(|()| Rate::identity(from, on)),
                },
            };
        }
        let causes = match self.direct(from, to, on) {
            Ok(rate) => return Ok(rate),
            Err(causes) => causes,
        };
        let mut through_pivots = Vec::new();
        for &pivot in &self.pivots {
            if pivot == from || pivot == to {
                continue;
            }
            let first = match self.direct(from, pivot, on) {
                Ok(rate) => rate,
                Err(refusals) => {
                    through_pivots.extend(refusals);
                    continue;
                }
            };
            match self.direct(pivot, to, on) {
                Ok(second) => return Rate::cross(first, second),
                Err(refusals) => through_pivots.extend(refusals),
            }
        }
        // The most telling refusal: a source that knows the currency but
        // has no usable rate for the date, asked for the pair itself, then
        // for a leg; else every source's answer for the pair.
        if let Some(e) = causes.iter().chain(&through_pivots).find(|e| !e.is_not_quoted()) {
            return Err(e.clone());
        }
        let mut causes = causes;
        if causes.len() == 1 {
            if let Some(only) = causes.pop() {
                return Err(only);
            }
        }
        Err(FxError::NoSource {
            from,
            to,
            date: on,
            causes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fx::RateTable;
    use crate::testing::june as day;
    use rust_decimal::Decimal;

    #[test]
    fn is_send_sync() {
        crate::testing::assert_send_sync::<RateChain>();
    }

    #[test]
    fn crosses_within_one_table_through_usd() {
        let mut t = RateTable::named("T");
        t.insert(day(4), Currency::USD, Currency::GTQ, Decimal::new(77237, 4))
            .unwrap();
        t.insert(day(4), Currency::USD, Currency::HNL, Decimal::new(2405, 2))
            .unwrap();
        let chain = RateChain::new().with(t);
        let r = chain.rate(Currency::GTQ, Currency::HNL, day(7)).unwrap();
        assert_eq!(r.value(), Decimal::new(2405, 2) / Decimal::new(77237, 4));
        assert_eq!(r.ratio(), (Decimal::new(2405, 2), Decimal::new(77237, 4)));
        assert_eq!(r.source(), "T");
        assert_eq!(r.legs().len(), 2);
    }

    #[test]
    fn an_empty_chain_says_so() {
        let e = RateChain::new().rate(Currency::USD, Currency::GBP, day(7)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "no rate from USD to GBP on 2021-06-07 in any source: the chain has no sources"
        );
        assert_eq!(
            RateChain::new()
                .rate(Currency::USD, Currency::USD, day(7))
                .unwrap()
                .value(),
            Decimal::ONE
        );
    }
}
