//! Reported pairs: "$310m (£219m)" checked against the reference rate.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{FxError, Rate, RateSource};
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
/// the rounding slack of the reported figure (£219m is given to the
/// nearest million, so it stands for anything within ±0.5m: ±0.23%) plus
/// a margin for the press using other providers' rates
/// ([`DEFAULT_MARGIN_PERCENT`], 1%, unless given to
/// [`check_reported_with`]). The pair is consistent when the deviation is
/// within the tolerance.
///
/// ```
/// use statecraft::{fx::{check_reported, EcbRates}, Money, NaiveDate};
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
/// ```
/// use statecraft::{fx::{check_reported, EcbRates}, NaiveDate};
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
/// ```
/// use statecraft::{fx::{check_reported_with, EcbRates}, Decimal, NaiveDate};
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
    let uncheckable = |reason: String| FxError::UncheckablePair {
        primary,
        reported,
        reason,
    };
    if primary.currency() == reported.currency() {
        return Err(uncheckable(format!("both amounts are in {}", primary.currency())));
    }
    if primary.is_zero() || reported.is_zero() {
        return Err(uncheckable("a zero amount implies no rate".to_string()));
    }
    if primary.is_negative() != reported.is_negative() {
        return Err(uncheckable("the amounts have opposite signs".to_string()));
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
    let rounding_percent = rounding_percent(reported.amount()).ok_or_else(|| overflow("rounding slack"))?;
    Ok(ReportedPair {
        primary,
        reported,
        date: on,
        reference,
        expected,
        implied_rate,
        deviation_percent,
        rounding_percent,
        margin_percent,
    })
}

/// Half a unit of the last significant digit of `amount`, in percent of
/// it: `219000000` is given to the nearest million, so ±0.5m, 0.228…%;
/// `218.8` to the nearest tenth.
fn rounding_percent(amount: Decimal) -> Option<Decimal> {
    let amount = amount.abs().normalize();
    let unit = if amount.scale() > 0 {
        Decimal::new(1, amount.scale())
    } else {
        let mut mantissa = amount.mantissa();
        let mut unit = Decimal::ONE;
        while mantissa != 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            unit = unit.checked_mul(Decimal::TEN)?;
        }
        unit
    };
    unit.checked_mul(Decimal::from(50))?.checked_div(amount)
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

    /// The rounding slack of the reported figure, in percent: half a unit
    /// of its last significant digit, relative to it (trailing zeros of a
    /// whole number are taken as not significant: £220m is read as given
    /// to the nearest ten million).
    pub fn rounding_percent(&self) -> Decimal {
        self.rounding_percent
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

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rounding_slack_comes_from_the_last_significant_digit() {
        assert_eq!(
            rounding_percent(dec("219000000")),
            Some(dec("50000000") / dec("219000000"))
        );
        assert_eq!(
            rounding_percent(dec("218800000")),
            Some(dec("5000000") / dec("218800000"))
        );
        assert_eq!(rounding_percent(dec("218.8")), Some(dec("5") / dec("218.8")));
        assert_eq!(rounding_percent(dec("218.80")), Some(dec("5") / dec("218.8")));
        assert_eq!(rounding_percent(dec("-5")), Some(dec("10")));
        assert_eq!(rounding_percent(dec("1")), Some(dec("50")));
        assert_eq!(rounding_percent(dec("0.003")), Some(dec("0.05") / dec("0.003")));
    }
}
