//! Reported pairs: "$310m (£219m)" checked against the reference rate.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{FxError, Rate, RateSource, Uncheckable};
use crate::Money;

/// The margin [`check_reported`] allows for the press using another
/// provider's rate, or another day's: 1 (percent).
pub const DEFAULT_MARGIN_PERCENT: Decimal = Decimal::ONE;

/// A pair of amounts reported together ("$310m (£219m)") checked against
/// the reference rate of the report's date.
///
/// The deviation is how far the reported amount lies from the primary
/// amount converted at the reference rate, in percent of the latter
/// (signed: negative when the reported amount is lower). The tolerance is
/// the rounding slack of the reported figure plus a margin for the press
/// using other providers' rates ([`DEFAULT_MARGIN_PERCENT`], 1%, unless
/// given to [`check_reported_with`]). The pair is consistent when the
/// deviation is within the tolerance.
///
/// # The precision of the reported figure
///
/// The rounding slack is half a unit of the reported figure's
/// [`precision`](ReportedPair::precision), read as the press writes
/// amounts: in the largest news unit the amount reaches (trillion,
/// billion, million, thousand — the units of [`Money::to_compact`] — or
/// 1), to the last digit written in that unit. Trailing zeros of that
/// number are written digits:
///
/// | reported | read as | precision | slack |
/// |---|---|---|---|
/// | £219m, £220m, £200m | 219, 220, 200 million | £1m | ±£0.5m (±0.23%, ±0.23%, ±0.25%) |
/// | £218.8m | 218.8 million | £0.1m | ±£0.05m |
/// | $4.5bn | 4.5 billion | $0.1bn | ±$0.05bn |
/// | £1bn | 1 billion | £1bn | ±£0.5bn (±50%) |
/// | GBP 1234.56 | 1.23456 thousand | £0.01 | ±£0.005 |
///
/// When a report says more about its precision ("about £200m", to the
/// nearest £10m), set it with [`with_precision`](ReportedPair::with_precision).
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::{EcbRates, check_reported};
/// use statecraft::{Money, NaiveDate};
///
/// let (usd, gbp): (Money, Money) = ("$310m".parse()?, "£219m".parse()?);
/// let report = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
/// let check = check_reported(usd, gbp, report, EcbRates::embedded())?;
/// assert!(check.is_consistent());
/// assert_eq!(check.deviation_percent().round_dp(2).to_string(), "0.11");
/// assert_eq!(check.tolerance_percent().round_dp(2).to_string(), "1.23");
/// assert_eq!(check.expected().to_compact(), "£218.8m");
///
/// let announcement = NaiveDate::from_ymd_opt(2021, 4, 26).unwrap();
/// let check = check_reported(usd, gbp, announcement, EcbRates::embedded())?;
/// assert!(!check.is_consistent());
/// assert_eq!(check.deviation_percent().round_dp(2).to_string(), "-1.84");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportedPair {
    primary: Money,
    reported: Money,
    date: NaiveDate,
    reference: Rate,
    expected: Money,
    implied_rate: Decimal,
    deviation_percent: Decimal,
    precision: Decimal,
    rounding_percent: Decimal,
    margin_percent: Decimal,
}

/// Checks `reported` (the conversion a report gives, £219m) against
/// `primary` (the amount it converts, $310m) at the rate `rates` give for
/// `on` (the date of the report), with the default margin of 1%.
///
/// # Errors
///
/// As [`check_reported_with`].
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::{EcbRates, check_reported};
/// use statecraft::NaiveDate;
///
/// let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
/// let check = check_reported("$310m".parse()?, "£219m".parse()?, day, EcbRates::embedded())?;
/// assert_eq!(
///     check.to_string(),
///     "£219m for $310m on 2021-06-07 is 0.11% above £218.8m at the ECB rate of 2021-06-07, \
///      within ±1.23% (rounding 0.23% + margin 1%): consistent"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_reported<R: RateSource + ?Sized>(
    primary: Money,
    reported: Money,
    on: NaiveDate,
    rates: &R,
) -> Result<ReportedPair, FxError> {
    check_reported_with(primary, reported, on, rates, DEFAULT_MARGIN_PERCENT)
}

/// [`check_reported`] with a margin of `margin_percent` percent (0 allows
/// only the rounding of the reported figure).
///
/// # Errors
///
/// [`FxError::UncheckablePair`] when the amounts are in the same currency,
/// either is zero, or their signs differ; [`FxError::InvalidMargin`] for a
/// negative margin; whatever `rates` answers when it has no rate for the
/// pair on `on`; [`FxError::Overflow`] when the arithmetic does not fit a
/// `Decimal`.
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::{EcbRates, check_reported_with};
/// use statecraft::{Decimal, NaiveDate};
///
/// let day = NaiveDate::from_ymd_opt(2021, 4, 26).unwrap();
/// let (usd, gbp) = ("$310m".parse()?, "£219m".parse()?);
/// let lenient = check_reported_with(usd, gbp, day, EcbRates::embedded(), Decimal::TWO)?;
/// assert!(lenient.is_consistent());
///
/// let e = check_reported_with(usd, usd, day, EcbRates::embedded(), Decimal::ONE).unwrap_err();
/// assert_eq!(e.to_string(), "cannot check USD 310000000 against USD 310000000: both amounts are in USD");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_reported_with<R: RateSource + ?Sized>(
    primary: Money,
    reported: Money,
    on: NaiveDate,
    rates: &R,
    margin_percent: Decimal,
) -> Result<ReportedPair, FxError> {
    let uncheckable = |reason| FxError::UncheckablePair {
        primary,
        reported,
        reason,
    };
    if primary.currency() == reported.currency() {
        return Err(uncheckable(Uncheckable::SameCurrency(primary.currency())));
    }
    if primary.is_zero() || reported.is_zero() {
        return Err(uncheckable(Uncheckable::Zero));
    }
    if primary.is_negative() != reported.is_negative() {
        return Err(uncheckable(Uncheckable::OppositeSigns));
    }
    if margin_percent < Decimal::ZERO {
        return Err(FxError::InvalidMargin { margin: margin_percent });
    }
    let reference = rates.rate(primary.currency(), reported.currency(), on)?;
    let expected = reference.apply(primary)?;
    let overflow = |what: &str| FxError::Overflow {
        what: format!("the {what} of {reported} against {primary}"),
    };
    let implied_rate = reported
        .amount()
        .checked_div(primary.amount())
        .ok_or_else(|| overflow("implied rate"))?;
    let deviation_percent = reported
        .amount()
        .checked_sub(expected.amount())
        .and_then(|d| d.checked_mul(Decimal::ONE_HUNDRED))
        .and_then(|d| d.checked_div(expected.amount()))
        .ok_or_else(|| overflow("deviation"))?;
    let precision = precision(reported.amount()).ok_or_else(|| overflow("precision"))?;
    let rounding_percent =
        rounding_percent_for(reported.amount(), precision).ok_or_else(|| overflow("rounding slack"))?;
    Ok(ReportedPair {
        primary,
        reported,
        date: on,
        reference,
        expected,
        implied_rate,
        deviation_percent,
        precision,
        rounding_percent,
        margin_percent,
    })
}

/// The magnitude units news copy reads amounts in, largest first: those
/// of [`Money::to_compact`] (trillion, billion, million, thousand), then 1.
const NEWS_UNITS: [Decimal; 5] = [
    Decimal::from_parts(3_567_587_328, 232, 0, false, 0), // 10^12
    Decimal::from_parts(1_000_000_000, 0, 0, false, 0),
    Decimal::from_parts(1_000_000, 0, 0, false, 0),
    Decimal::ONE_THOUSAND,
    Decimal::ONE,
];

/// The precision a reported amount is written to, as the press writes
/// it: the amount is read in the largest news unit it reaches (trillion,
/// billion, million, thousand, or 1) and is given to its last written
/// digit in that unit. `219000000` is "219m", so ±0.5m, like `220000000`
/// ("220m") and `200000000` ("200m"); `218800000` ("218.8m") is ±0.05m;
/// `1000000000` ("1bn") is ±0.5bn; `1234.56` ("1.23456k") is ±0.005.
fn precision(amount: Decimal) -> Option<Decimal> {
    let amount = amount.abs().normalize();
    let news_unit = NEWS_UNITS.into_iter().find(|u| amount >= *u).unwrap_or(Decimal::ONE);
    let last_digit = if amount.scale() > 0 {
        Decimal::new(1, amount.scale())
    } else {
        let mut mantissa = amount.mantissa();
        let mut unit = Decimal::ONE;
        while mantissa != 0 && mantissa % 10 == 0 && unit < news_unit {
            mantissa /= 10;
            unit = unit.checked_mul(Decimal::TEN)?;
        }
        unit
    };
    Some(last_digit.min(news_unit))
}

/// Half of `precision`, in percent of `amount`.
fn rounding_percent_for(amount: Decimal, precision: Decimal) -> Option<Decimal> {
    precision.checked_mul(Decimal::from(50))?.checked_div(amount.abs())
}

impl ReportedPair {
    /// The amount as first stated ($310m).
    pub fn primary(&self) -> Money {
        self.primary
    }

    /// The amount reported beside it (£219m).
    pub fn reported(&self) -> Money {
        self.reported
    }

    /// The date the pair was checked at (the report's).
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The reference rate used, with its own date, source and legs.
    pub fn reference(&self) -> &Rate {
        &self.reference
    }

    /// The primary amount converted at the reference rate, unrounded.
    pub fn expected(&self) -> Money {
        self.expected
    }

    /// The rate the pair implies: reported ÷ primary.
    pub fn implied_rate(&self) -> Decimal {
        self.implied_rate
    }

    /// How far the reported amount lies from the expected one, in percent
    /// of the expected one; negative when it is lower. Unrounded.
    pub fn deviation_percent(&self) -> Decimal {
        self.deviation_percent
    }

    /// The unit the reported figure is taken to be given to, in its
    /// currency: 1000000 for £219m, £220m or £200m, 100000 for £218.8m,
    /// 1000000000 for £1bn (see [the table above](ReportedPair#the-precision-of-the-reported-figure)),
    /// or what [`with_precision`](ReportedPair::with_precision) set.
    pub fn precision(&self) -> Decimal {
        self.precision
    }

    /// The rounding slack of the reported figure, in percent: half its
    /// [`precision`](ReportedPair::precision), relative to it (£219m:
    /// ±0.5m in 219m, 0.228…%).
    pub fn rounding_percent(&self) -> Decimal {
        self.rounding_percent
    }

    /// The same check with the reported figure taken as given to the
    /// nearest `precision` (in its currency) rather than the precision
    /// read from how it is written: "about £200m", known to be rounded to
    /// the nearest £10m, is `with_precision(10_000_000)`.
    ///
    /// # Errors
    ///
    /// [`FxError::InvalidPrecision`] unless `precision` is positive;
    /// [`FxError::Overflow`] when the slack does not fit a `Decimal`.
    ///
    #[cfg_attr(feature = "ecb-snapshot", doc = "```")]
    #[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
    /// use statecraft::fx::{EcbRates, check_reported};
    /// use statecraft::{Decimal, NaiveDate};
    ///
    /// let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
    /// let check = check_reported("$250m".parse()?, "£200m".parse()?, day, EcbRates::embedded())?;
    /// assert_eq!(check.precision(), Decimal::new(1_000_000, 0));
    /// assert!(!check.is_consistent()); // £176.4m expected: 13% off
    /// let rough = check.with_precision(Decimal::new(100_000_000, 0))?;
    /// assert_eq!(rough.rounding_percent().to_string(), "25");
    /// assert!(rough.is_consistent());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_precision(self, precision: Decimal) -> Result<ReportedPair, FxError> {
        if precision <= Decimal::ZERO {
            return Err(FxError::InvalidPrecision { precision });
        }
        let rounding_percent =
            rounding_percent_for(self.reported.amount(), precision).ok_or_else(|| FxError::Overflow {
                what: format!("the rounding slack of {} to the nearest {precision}", self.reported),
            })?;
        Ok(ReportedPair {
            precision,
            rounding_percent,
            ..self
        })
    }

    /// The margin allowed for other providers' rates, in percent.
    pub fn margin_percent(&self) -> Decimal {
        self.margin_percent
    }

    /// The tolerance: rounding slack plus margin, in percent.
    pub fn tolerance_percent(&self) -> Decimal {
        self.rounding_percent.saturating_add(self.margin_percent)
    }

    /// Whether the deviation is within the tolerance.
    pub fn is_consistent(&self) -> bool {
        self.deviation_percent.abs() <= self.tolerance_percent()
    }
}

impl fmt::Display for ReportedPair {
    /// `£219m for $310m on 2021-06-07 is 0.11% above £218.8m at the ECB
    /// rate of 2021-06-07, within ±1.23% (rounding 0.23% + margin 1%):
    /// consistent`; percentages rounded to two decimals for display only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pct = |d: Decimal| d.round_dp(2).normalize();
        let deviation = pct(self.deviation_percent.abs());
        let side = if self.deviation_percent.is_sign_negative() {
            "below"
        } else {
            "above"
        };
        write!(
            f,
            "{} for {} on {} is {deviation}% {side} {} at the {} rate of {}, {} ±{}% (rounding {}% + margin {}%): {}",
            self.reported.to_compact(),
            self.primary.to_compact(),
            self.date,
            self.expected.to_compact(),
            self.reference.source(),
            self.reference.date(),
            if self.is_consistent() { "within" } else { "outside" },
            pct(self.tolerance_percent()),
            pct(self.rounding_percent),
            pct(self.margin_percent),
            if self.is_consistent() {
                "consistent"
            } else {
                "inconsistent"
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::dec;

    #[test]
    fn precision_is_the_last_written_digit_in_the_news_unit() {
        let cases = [
            ("219000000", "1000000"),
            ("220000000", "1000000"),
            ("200000000", "1000000"),
            ("218800000", "100000"),
            ("218.80", "0.1"),
            ("4500000000", "100000000"),
            ("1000000000", "1000000000"),
            ("-1000000000", "1000000000"),
            ("1000000000000", "1000000000000"),
            ("1000000000000000", "1000000000000"),
            ("1234.56", "0.01"),
            ("1234", "1"),
            ("1200", "100"),
            ("75000", "1000"),
            ("5", "1"),
            ("0.003", "0.001"),
            ("0.5", "0.1"),
        ];
        for (amount, unit) in cases {
            assert_eq!(precision(dec(amount)), Some(dec(unit)), "{amount}");
        }
        assert_eq!(
            rounding_percent_for(dec("219000000"), dec("1000000")),
            Some(dec("50000000") / dec("219000000"))
        );
        assert_eq!(rounding_percent_for(dec("-5"), dec("1")), Some(dec("10")));
        assert_eq!(rounding_percent_for(Decimal::MAX, Decimal::MAX), None);
    }
}
