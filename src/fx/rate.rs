//! `Rate`: one exchange rate, with where it came from.

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::FxError;
use crate::{Currency, Money};

/// How a rate was obtained.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Derivation {
    /// As published by its source.
    Published,
    /// The exact inverse of a published rate (`1 / rate`).
    Inverse,
    /// A currency into itself: exactly 1.
    Identity,
    /// Through a pivot currency, from its two [`legs`](Rate::legs).
    Cross,
    /// Fixed by law, not by a market: an irrevocable conversion rate
    /// (1 EUR = 1.95583 DEM) or a redenomination (1 SLE = 1,000 SLL), in
    /// either direction. Its [`source`](Rate::source) names the law or
    /// the authority (see [`FixedRates`](super::FixedRates)).
    Fixed,
}

impl fmt::Display for Derivation {
    /// `published`, `inverse`, `identity`, `cross`, `fixed`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Derivation::Published => "published",
            Derivation::Inverse => "inverse",
            Derivation::Identity => "identity",
            Derivation::Cross => "cross",
            Derivation::Fixed => "fixed",
        })
    }
}

/// An exchange rate: how many units of [`to`](Rate::to) one unit of
/// [`from`](Rate::from) buys, as published for [`date`](Rate::date) by
/// [`source`](Rate::source).
///
/// A rate is never rounded beyond what a `Decimal` holds. It keeps the
/// exact fraction of published figures it stands for
/// ([`ratio`](Rate::ratio)): a cross rate through the euro is
/// `to_per_eur / from_per_eur`, computed in one division at the full
/// precision of a `Decimal` (28 significant digits or more), not as the
/// product of a rounded inverse; [`apply`](Rate::apply) multiplies before
/// it divides, so a conversion is as exact as a `Decimal` allows. Its
/// [`legs`](Rate::legs) show each rate it was made from, with their own
/// sources and dates.
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::{EcbRates, RateSource};
/// use statecraft::{Currency, Money, NaiveDate};
///
/// let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
/// let r = EcbRates::embedded().rate(Currency::USD, Currency::GBP, day)?;
/// assert_eq!(r.value().to_string(), "0.7056816313106396974181877981"); // 0.85825 / 1.2162
/// assert_eq!(r.legs().len(), 2);
/// let gbp = r.apply("$310m".parse::<Money>()?)?;
/// assert_eq!(gbp.to_string(), "GBP 218761305.7062983061996382174");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rate {
    from: Currency,
    to: Currency,
    value: Decimal,
    numerator: Decimal,
    denominator: Decimal,
    date: NaiveDate,
    source: Arc<str>,
    derivation: Derivation,
    legs: Vec<Rate>,
}

impl Rate {
    /// A published rate: one `from` buys `value` of `to`, published for
    /// `date` by `source`.
    ///
    /// # Errors
    ///
    /// [`FxError::InvalidRate`] unless `value` is positive;
    /// [`FxError::SelfRateNotOne`] when `from == to` and `value` is not 1.
    ///
    /// ```
    /// use statecraft::fx::Rate;
    /// use statecraft::{Currency, Decimal, NaiveDate};
    ///
    /// let day = NaiveDate::from_ymd_opt(2021, 6, 4).unwrap();
    /// let r = Rate::new(Currency::USD, Currency::GTQ, Decimal::new(77237, 4), day, "Banguat")?;
    /// assert_eq!(r.value().to_string(), "7.7237");
    /// assert_eq!(r.to_string(), "1 USD = 7.7237 GTQ (Banguat, 2021-06-04)");
    ///
    /// let e = Rate::new(Currency::USD, Currency::USD, Decimal::TWO, day, "Banguat").unwrap_err();
    /// assert_eq!(e.to_string(), "invalid USD/USD rate 2 on 2021-06-04: a currency into itself is exactly 1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        from: Currency,
        to: Currency,
        value: Decimal,
        date: NaiveDate,
        source: impl Into<Arc<str>>,
    ) -> Result<Rate, FxError> {
        if value <= Decimal::ZERO {
            return Err(FxError::InvalidRate { from, to, date, value });
        }
        if from == to && value != Decimal::ONE {
            return Err(FxError::SelfRateNotOne {
                currency: from,
                date,
                value,
            });
        }
        Ok(Rate {
            from,
            to,
            value,
            numerator: value,
            denominator: Decimal::ONE,
            date,
            source: source.into(),
            derivation: Derivation::Published,
            legs: Vec::new(),
        })
    }

    /// The rate of a currency into itself: exactly 1, on `date`.
    ///
    /// ```
    /// use statecraft::fx::{Derivation, Rate};
    /// use statecraft::{Currency, Decimal, NaiveDate};
    ///
    /// let r = Rate::identity(Currency::GTQ, NaiveDate::from_ymd_opt(2021, 6, 7).unwrap());
    /// assert_eq!(r.value(), Decimal::ONE);
    /// assert_eq!(r.derivation(), Derivation::Identity);
    /// ```
    pub fn identity(currency: Currency, date: NaiveDate) -> Rate {
        Rate {
            from: currency,
            to: currency,
            value: Decimal::ONE,
            numerator: Decimal::ONE,
            denominator: Decimal::ONE,
            date,
            source: Arc::from("identity"),
            derivation: Derivation::Identity,
            legs: Vec::new(),
        }
    }

    /// A rate fixed by law: one `from` buys `numerator ÷ denominator` of
    /// `to` (the exact fraction the law states, `1 ÷ 1.95583` for DEM to
    /// EUR), in force from `date`, as `source` enacted it.
    pub(crate) fn fixed(
        from: Currency,
        to: Currency,
        (numerator, denominator): (Decimal, Decimal),
        date: NaiveDate,
        source: &'static str,
    ) -> Result<Rate, FxError> {
        let value = quotient(numerator, denominator).ok_or_else(|| FxError::Overflow {
            what: format!("the fixed {from}/{to} rate {numerator} ÷ {denominator}"),
        })?;
        if value <= Decimal::ZERO {
            return Err(FxError::InvalidRate { from, to, date, value });
        }
        Ok(Rate {
            from,
            to,
            value,
            numerator,
            denominator,
            date,
            source: Arc::from(source),
            derivation: Derivation::Fixed,
            legs: Vec::new(),
        })
    }

    /// The cross rate `first.from() → second.to()` through the pivot
    /// `first.to() == second.from()`: the exact fraction of the legs'
    /// published figures, divided once. Its date is the earlier of the
    /// legs' dates, its source their sources joined with ` + ` (once
    /// each), and its legs are `first` and `second`.
    ///
    /// # Errors
    ///
    /// [`FxError::CurrencyMismatch`] when the legs do not meet at one
    /// pivot currency; [`FxError::Overflow`] when the value does not fit
    /// a `Decimal`.
    ///
    /// ```
    /// use statecraft::fx::{Derivation, Rate};
    /// use statecraft::{Currency, Decimal, NaiveDate};
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2021, 6, d).unwrap();
    /// let usd_gtq = Rate::new(Currency::USD, Currency::GTQ, Decimal::new(77237, 4), day(4), "Banguat")?;
    /// let eur_usd = Rate::new(Currency::EUR, Currency::USD, Decimal::new(12162, 4), day(7), "ECB")?;
    /// let eur_gtq = Rate::cross(eur_usd, usd_gtq)?;
    /// assert_eq!(eur_gtq.value().to_string(), "9.39356394");
    /// assert_eq!(eur_gtq.date(), day(4));
    /// assert_eq!(eur_gtq.source(), "ECB + Banguat");
    /// assert_eq!(eur_gtq.derivation(), Derivation::Cross);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cross(first: Rate, second: Rate) -> Result<Rate, FxError> {
        if first.to != second.from {
            return Err(FxError::CurrencyMismatch {
                expected: first.to,
                found: second.from,
            });
        }
        let what = || FxError::Overflow {
            what: format!(
                "the {}/{} cross rate through {} on {}",
                first.from, second.to, first.to, second.date
            ),
        };
        let numerator = product(first.numerator, second.numerator).ok_or_else(what)?;
        let denominator = product(first.denominator, second.denominator).ok_or_else(what)?;
        let value = quotient(numerator, denominator).ok_or_else(what)?;
        let source = join_sources(&first.source, &second.source);
        // A fixed leg holds every day from its effective day on: it does
        // not age the cross. Of fixed legs only, the cross holds from the
        // later effective day.
        let date = match (first.is_fixed(), second.is_fixed()) {
            (true, true) => first.date.max(second.date),
            (true, false) => second.date,
            (false, true) => first.date,
            (false, false) => first.date.min(second.date),
        };
        Ok(Rate {
            from: first.from,
            to: second.to,
            value,
            numerator,
            denominator,
            date,
            source,
            derivation: Derivation::Cross,
            legs: vec![first, second],
        })
    }

    /// Units of `to` for one unit of `from`.
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// The exact rate as a fraction of published figures,
    /// `(numerator, denominator)`: `(7.7237, 1)` for a published rate,
    /// `(1, 7.7237)` for its inverse, `(0.85825, 1.2162)` for USD→GBP
    /// through the euro. [`value`](Rate::value) is their quotient, to the
    /// precision of a `Decimal`.
    ///
    #[cfg_attr(feature = "ecb-snapshot", doc = "```")]
    #[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
    /// use statecraft::fx::{EcbRates, RateSource};
    /// use statecraft::{Currency, Decimal, NaiveDate};
    ///
    /// let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
    /// let r = EcbRates::embedded().rate(Currency::USD, Currency::GBP, day)?;
    /// assert_eq!(r.ratio(), (Decimal::new(85825, 5), Decimal::new(12162, 4)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ratio(&self) -> (Decimal, Decimal) {
        (self.numerator, self.denominator)
    }

    /// The currency converted from.
    pub fn from(&self) -> Currency {
        self.from
    }

    /// The currency converted into.
    pub fn to(&self) -> Currency {
        self.to
    }

    /// The date of the published rate actually used, which can be earlier
    /// than the date asked for (a weekend or holiday takes the last
    /// business day's rate); for a [fixed](Derivation::Fixed) rate, the day
    /// it took effect. For a cross rate, the earliest date among its legs,
    /// leaving out fixed legs, which do not age (a cross of fixed legs
    /// only: the latest day one took effect).
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The name of the source that answered ("ECB", the name given to a
    /// rate table, or for a [fixed](Derivation::Fixed) rate the law that
    /// set it: "Council Regulation (EC) No 2866/98 (CELEX 31998R2866)").
    /// For a cross rate whose legs come from different sources, their
    /// names joined with " + ".
    pub fn source(&self) -> &str {
        &self.source
    }

    /// How the rate was obtained.
    pub fn derivation(&self) -> Derivation {
        self.derivation
    }

    /// Whether the rate was derived (inverted or crossed) rather than
    /// published as it stands.
    pub fn is_derived(&self) -> bool {
        matches!(self.derivation, Derivation::Inverse | Derivation::Cross)
    }

    /// Whether the law fixed the rate, not a market: a
    /// [fixed](Derivation::Fixed) rate, or a cross of fixed rates only
    /// (VEB to VES through two redenominations).
    pub fn is_fixed(&self) -> bool {
        match self.derivation {
            Derivation::Fixed => true,
            Derivation::Cross => !self.legs.is_empty() && self.legs.iter().all(Rate::is_fixed),
            _ => false,
        }
    }

    /// The rates a cross rate was made from, in order (`from` → pivot,
    /// pivot → `to`), each with its own source, date and derivation (a leg
    /// can itself be a cross); empty for a rate that is not a cross.
    pub fn legs(&self) -> &[Rate] {
        &self.legs
    }

    /// The exact inverse: one `to` buys `1 / value` of `from` (the
    /// inverse of a published rate is marked [`Derivation::Inverse`]; the
    /// inverse of an inverse is the published rate again; the inverse of a
    /// cross is the cross of the inverted legs, in reverse order).
    ///
    /// # Errors
    ///
    /// [`FxError::Overflow`] when `1 / value` does not fit a `Decimal`.
    ///
    /// ```
    /// use statecraft::fx::{Derivation, Rate};
    /// use statecraft::{Currency, Decimal, NaiveDate};
    ///
    /// let day = NaiveDate::from_ymd_opt(2021, 6, 4).unwrap();
    /// let usd_gtq = Rate::new(Currency::USD, Currency::GTQ, Decimal::new(8, 0), day, "Banguat")?;
    /// let gtq_usd = usd_gtq.inverse()?;
    /// assert_eq!(gtq_usd.value(), Decimal::new(125, 3));
    /// assert_eq!(gtq_usd.derivation(), Derivation::Inverse);
    /// assert_eq!(gtq_usd.inverse()?, usd_gtq);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn inverse(&self) -> Result<Rate, FxError> {
        let overflow = || FxError::Overflow {
            what: format!("the inverse of the {}/{} rate {}", self.from, self.to, self.value),
        };
        let (derivation, legs, value) = match self.derivation {
            Derivation::Identity => (Derivation::Identity, Vec::new(), Decimal::ONE),
            Derivation::Published => (
                Derivation::Inverse,
                Vec::new(),
                quotient(self.denominator, self.numerator).ok_or_else(overflow)?,
            ),
            Derivation::Inverse => (Derivation::Published, Vec::new(), self.denominator),
            // The law fixes a parity both ways.
            Derivation::Fixed => (
                Derivation::Fixed,
                Vec::new(),
                quotient(self.denominator, self.numerator).ok_or_else(overflow)?,
            ),
            Derivation::Cross => {
                let legs = self
                    .legs
                    .iter()
                    .rev()
                    .map(Rate::inverse)
                    .collect::<Result<Vec<_>, _>>()?;
                let value = quotient(self.denominator, self.numerator).ok_or_else(overflow)?;
                (Derivation::Cross, legs, value)
            }
        };
        Ok(Rate {
            from: self.to,
            to: self.from,
            value,
            numerator: self.denominator,
            denominator: self.numerator,
            date: self.date,
            source: self.source.clone(),
            derivation,
            legs,
        })
    }

    /// `money` converted at this rate, unrounded: `amount × numerator ÷
    /// denominator` of the exact [`ratio`](Rate::ratio), multiplied before
    /// it is divided, so that the result is as exact as a `Decimal`
    /// allows; trailing zeros are dropped.
    ///
    /// # Errors
    ///
    /// [`FxError::CurrencyMismatch`] when `money` is not in
    /// [`from`](Rate::from); [`FxError::Overflow`] when the result does
    /// not fit a `Decimal`.
    ///
    /// ```
    /// use statecraft::fx::Rate;
    /// use statecraft::{Currency, Decimal, Money, NaiveDate};
    ///
    /// let day = NaiveDate::from_ymd_opt(2021, 6, 4).unwrap();
    /// let r = Rate::new(Currency::USD, Currency::GTQ, Decimal::new(77237, 4), day, "Banguat")?;
    /// assert_eq!(r.apply("$1m".parse()?)?.to_string(), "GTQ 7723700");
    /// assert_eq!(r.inverse()?.apply("Q7,723,700".parse::<Money>()?)?.to_string(), "USD 1000000");
    /// assert!(r.apply("£1".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&self, money: Money) -> Result<Money, FxError> {
        if money.currency() != self.from {
            return Err(FxError::CurrencyMismatch {
                expected: self.from,
                found: money.currency(),
            });
        }
        convert_exact(money.amount(), self.numerator, self.denominator)
            .map(|amount| Money::new(amount, self.to))
            .ok_or_else(|| FxError::Overflow {
                what: format!("{money} × {} {}/{}", self.value, self.to, self.from),
            })
    }
}

/// `amount × numerator ÷ denominator`, multiplying first, so that the
/// only rounding is the division's (when the product fits, as it does for
/// any amount below 10^20 at published rates); when it does not,
/// `amount × (numerator ÷ denominator)`. Trailing zeros dropped.
pub(crate) fn convert_exact(amount: Decimal, numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    let exact = amount.checked_mul(numerator).and_then(|p| {
        if is_one(denominator) {
            Some(p)
        } else {
            p.checked_div(denominator)
        }
    });
    exact
        .or_else(|| amount.checked_mul(quotient(numerator, denominator)?))
        .map(|d| d.normalize())
}

/// Whether `d` is 1 written without decimals (as the crate writes the
/// denominator of a published rate), without a full comparison.
fn is_one(d: Decimal) -> bool {
    d.scale() == 0 && d.mantissa() == 1
}

/// `numerator ÷ denominator` to the precision of a `Decimal`; `None` when
/// it does not fit or the denominator is zero.
pub(crate) fn quotient(numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    if is_one(denominator) {
        return Some(numerator);
    }
    numerator.checked_div(denominator)
}

/// `a × b`, exact when the exact product fits a `Decimal` (it does for any
/// two published rates), else rounded to 28 digits; normalized. `None` on
/// overflow.
pub(crate) fn product(a: Decimal, b: Decimal) -> Option<Decimal> {
    if a == Decimal::ONE {
        return Some(b);
    }
    if b == Decimal::ONE {
        return Some(a);
    }
    a.checked_mul(b).map(|p| p.normalize())
}

/// `a + b`, each name once, in order of first appearance.
fn join_sources(a: &Arc<str>, b: &Arc<str>) -> Arc<str> {
    if a == b {
        return a.clone();
    }
    let mut names: Vec<&str> = a.split(" + ").collect();
    for name in b.split(" + ") {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    Arc::from(names.join(" + "))
}

impl fmt::Display for Rate {
    /// `1 USD = 0.7056816313106396974181877981 GBP (ECB, 2021-06-07, cross)`;
    /// a published rate leaves out its derivation.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "1 {} = {} {} ({}, {}",
            self.from, self.value, self.to, self.source, self.date
        )?;
        if self.derivation != Derivation::Published {
            write!(f, ", {}", self.derivation)?;
        }
        f.write_str(")")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{dec, june as day};

    fn eur(to: Currency, value: &str) -> Rate {
        Rate::new(Currency::EUR, to, dec(value), day(7), "ECB").unwrap()
    }

    #[test]
    fn a_cross_through_the_euro_is_one_division_of_the_published_figures() {
        let usd_eur = eur(Currency::USD, "1.2162").inverse().unwrap();
        let usd_gbp = Rate::cross(usd_eur, eur(Currency::GBP, "0.85825")).unwrap();
        assert_eq!(usd_gbp.ratio(), (dec("0.85825"), dec("1.2162")));
        assert_eq!(usd_gbp.value(), dec("0.85825") / dec("1.2162"));
        assert_eq!(usd_gbp.source(), "ECB");
        assert_eq!(usd_gbp.date(), day(7));
        assert_eq!(usd_gbp.legs()[0].derivation(), Derivation::Inverse);
        assert_eq!(usd_gbp.legs()[1].derivation(), Derivation::Published);
        // Multiplying first: 310m × 0.85825 = 266057500 exactly, then one division.
        let gbp = usd_gbp.apply(Money::new(dec("310000000"), Currency::USD)).unwrap();
        assert_eq!(gbp.amount(), dec("266057500") / dec("1.2162"));
        // 266057500 / 1.2162 = 218761305.70629830619963821739845..., correctly rounded.
        assert_eq!(gbp.amount().to_string(), "218761305.7062983061996382174");
        // The product of the rounded inverse and the rate would differ in the last places.
        let naive = dec("310000000") * ((Decimal::ONE / dec("1.2162")) * dec("0.85825"));
        assert_ne!(naive, gbp.amount());
    }

    #[test]
    fn inverse_of_a_cross_reverses_and_inverts_its_legs() {
        let usd_eur = eur(Currency::USD, "1.2162").inverse().unwrap();
        let usd_gbp = Rate::cross(usd_eur, eur(Currency::GBP, "0.85825")).unwrap();
        let gbp_usd = usd_gbp.inverse().unwrap();
        assert_eq!(gbp_usd.from(), Currency::GBP);
        assert_eq!(gbp_usd.value(), dec("1.2162") / dec("0.85825"));
        assert_eq!(gbp_usd.legs()[0].from(), Currency::GBP);
        assert_eq!(gbp_usd.legs()[0].derivation(), Derivation::Inverse);
        assert_eq!(gbp_usd.legs()[1].to(), Currency::USD);
        assert_eq!(gbp_usd.legs()[1].derivation(), Derivation::Published);
        assert_eq!(gbp_usd.inverse().unwrap(), usd_gbp);
    }

    #[test]
    fn legs_must_meet_at_a_pivot() {
        let e = Rate::cross(eur(Currency::USD, "1.2"), eur(Currency::GBP, "0.8")).unwrap_err();
        assert_eq!(e.to_string(), "cannot convert EUR at a rate from USD");
    }

    #[test]
    fn sources_are_joined_once_each() {
        let a: Arc<str> = Arc::from("Banguat");
        let b: Arc<str> = Arc::from("ECB");
        assert_eq!(&*join_sources(&a, &b), "Banguat + ECB");
        let ab = join_sources(&a, &b);
        assert_eq!(&*join_sources(&ab, &b), "Banguat + ECB");
        assert_eq!(&*join_sources(&b, &ab), "ECB + Banguat");
    }

    #[test]
    fn invalid_and_overflowing_rates_are_errors() {
        assert!(matches!(
            Rate::new(Currency::USD, Currency::GBP, Decimal::ZERO, day(7), "T"),
            Err(FxError::InvalidRate { .. })
        ));
        let tiny = Rate::new(Currency::USD, Currency::GBP, Decimal::new(1, 28), day(7), "T").unwrap();
        // The smallest positive decimal has an inverse that fits: 10^28.
        assert_eq!(
            tiny.inverse().unwrap().value(),
            Decimal::from_i128_with_scale(10i128.pow(28), 0)
        );
        let huge = Rate::new(Currency::USD, Currency::GBP, Decimal::MAX, day(7), "T").unwrap();
        let e = huge.apply(Money::new(Decimal::TEN, Currency::USD)).unwrap_err();
        assert!(e.to_string().starts_with("overflow: USD 10 × "), "{e}");
    }
}
