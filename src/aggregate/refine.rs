//! `Refiner`: the exact totals of the few groups an aggregator cannot
//! round with certainty, from a second pass over the same flows.
//!
//! The aggregator sums each flow at its rate's value, a `Decimal` of 28
//! significant digits, and keeps for each group a bound on how far that
//! sum may be from the sum at the exact rates (a cross rate is a fraction
//! of two published figures, `1.2162 / 0.85825`). A total whose bound
//! straddles a rounding midpoint is recomputed here: the flows of its
//! group, pushed again, are summed per exact rate as exact decimals, and
//! the sum of `amount × numerator / denominator` over those rates is
//! formed as an exact fraction of big integers.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use rust_decimal::Decimal;

use super::wide::{pow10, I256, SUM_SCALE, U256};
use super::{Aggregator, GroupKey};
use crate::fx::RateSource;
use crate::{Currency, Money};

/// The decimal places of the exact sums of `amount × percent / 100`: a
/// `Decimal` amount has at most 28, a percent at most 28 plus 2.
const PART_SCALE: u32 = 58;

/// Collects, for the groups it was given, the flows an aggregator summed,
/// exactly, and settles their totals in that aggregator.
#[derive(Debug)]
pub(crate) struct Refiner {
    keys: HashSet<GroupKey>,
    target: Currency,
    at: Option<NaiveDate>,
    /// Per group and (currency, day of the rate): the exact sum of
    /// `amount × percent / 100`, in units of 10^-[`PART_SCALE`].
    sums: HashMap<(GroupKey, Currency, NaiveDate), BigInt>,
}

impl Refiner {
    /// A refiner of the groups `keys` of `aggregator`'s totals.
    pub(crate) fn new<R>(aggregator: &Aggregator<R>, keys: impl IntoIterator<Item = GroupKey>) -> Refiner
    where
        R: RateSource,
    {
        Refiner {
            keys: keys.into_iter().collect(),
            target: aggregator.currency(),
            at: aggregator.conversion_date(),
            sums: HashMap::new(),
        }
    }

    /// Adds a flow the aggregator summed (see
    /// [`Aggregator::push_slotted`]): `money` of `date`, to `parts`.
    pub(crate) fn add(&mut self, money: Money, date: NaiveDate, parts: &[(GroupKey, Option<Decimal>)]) {
        let on = self.at.unwrap_or(date);
        for (key, percent) in parts {
            if !self.keys.contains(key) {
                continue;
            }
            let part = exact_part(money.amount(), *percent);
            let sum = self.sums.entry((key.clone(), money.currency(), on)).or_default();
            *sum += part;
        }
    }

    /// Adds what another refiner of the same groups collected.
    pub(crate) fn merge(&mut self, other: Refiner) {
        for (k, v) in other.sums {
            *self.sums.entry(k).or_default() += v;
        }
    }

    /// Sets the sum of each group in `aggregator` to its sum at the exact
    /// rates (see [`Aggregator::settle`]), asking the aggregator's rate
    /// source for each rate's fraction. A group it cannot settle (no flow
    /// of it came back, a rate the source no longer gives, a sum beyond
    /// 256 bits) keeps its sum, and stays uncertain.
    pub(crate) fn settle<R: RateSource>(self, aggregator: &mut Aggregator<R>) {
        let mut totals: HashMap<GroupKey, Option<BigRational>> = HashMap::new();
        let mut ratios: HashMap<(Currency, NaiveDate), Option<(Decimal, Decimal)>> = HashMap::new();
        for ((key, currency, on), sum) in self.sums {
            let ratio = *ratios.entry((currency, on)).or_insert_with(|| {
                if currency == self.target {
                    Some((Decimal::ONE, Decimal::ONE))
                } else {
                    aggregator.rates().rate_ratio(currency, self.target, on).ok()
                }
            });
            let total = totals.entry(key).or_insert_with(|| Some(BigRational::zero()));
            *total = match (total.take(), ratio) {
                (Some(t), Some((n, d))) if !d.is_zero() => Some(t + in_sum_units(sum, n, d)),
                _ => None,
            };
        }
        for (key, total) in totals {
            if let Some(sum) = total.and_then(|t| to_sum(&t)) {
                aggregator.settle(&key, sum);
            }
        }
    }
}

/// `amount × percent / 100` (all of it for `None`) in units of
/// 10^-[`PART_SCALE`], exactly.
fn exact_part(amount: Decimal, percent: Option<Decimal>) -> BigInt {
    let (p, p_scale) = match percent {
        Some(p) => (BigInt::from(p.mantissa()), p.scale() + 2),
        None => (BigInt::one(), 0),
    };
    let scale = amount.scale() + p_scale;
    BigInt::from(amount.mantissa()) * p * pow10_big(PART_SCALE.saturating_sub(scale))
}

/// `sum × 10^-PART_SCALE × n / d` in units of the aggregator's sums
/// (10^-[`SUM_SCALE`]).
fn in_sum_units(sum: BigInt, n: Decimal, d: Decimal) -> BigRational {
    // n = n_m 10^-n_s and d = d_m 10^-d_s, so the value in units is
    // sum × n_m × 10^d_s / (d_m × 10^(PART_SCALE - SUM_SCALE + n_s)).
    let numer = sum * BigInt::from(n.mantissa()) * pow10_big(d.scale());
    let denom = BigInt::from(d.mantissa()) * pow10_big(PART_SCALE - SUM_SCALE + n.scale());
    BigRational::new(numer, denom)
}

/// `10^n`.
fn pow10_big(n: u32) -> BigInt {
    let ten18 = BigInt::from(pow10(18).unwrap_or(1));
    let mut p = BigInt::one();
    let mut left = n;
    while left >= 18 {
        p *= &ten18;
        left -= 18;
    }
    p * BigInt::from(pow10(left).unwrap_or(1))
}

/// The sum of units that stands for `t`: `t` itself when it is a whole
/// number of units; else the unit below it, or the one above when that
/// one below is a multiple of 5 × 10^17 units (a midpoint or a round
/// number at 28 places or fewer), so that the sum lies on the side of
/// every such point that `t` lies on, and rounds as `t` does at any number
/// of places up to 28. `None` beyond 256 bits.
fn to_sum(t: &BigRational) -> Option<I256> {
    let floor = t.floor().to_integer();
    let grid = BigInt::from(5u8) * pow10_big(SUM_SCALE - 29);
    let sum = if !t.is_integer() && (&floor % &grid).is_zero() {
        floor + 1
    } else {
        floor
    };
    let negative = sum.is_negative();
    let (_, limbs) = sum.abs().to_u64_digits();
    if limbs.len() > 4 {
        return None;
    }
    let mut padded = [0u64; 4];
    for (slot, limb) in padded.iter_mut().zip(limbs) {
        *slot = limb;
    }
    I256::from_sign_magnitude(negative, U256::from_limbs(padded))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(t: &BigRational) -> String {
        let (negative, magnitude) = to_sum(t).unwrap().sign_magnitude();
        format!("{}{}", if negative { "-" } else { "" }, magnitude.to_digits())
    }

    #[test]
    fn a_sum_rounds_as_the_exact_total_at_every_place() {
        let r = |n: i64, d: i64| BigRational::new(n.into(), d.into());
        // Whole units stay as they are.
        assert_eq!(units(&r(7, 1)), "7");
        assert_eq!(units(&r(-7, 1)), "-7");
        // Between two units: the one below...
        assert_eq!(units(&r(22, 3)), "7");
        assert_eq!(units(&r(-22, 3)), "-8");
        // ...unless that one is a midpoint or round at 28 places or
        // fewer (a multiple of 5 × 10^17 units): then the one above.
        let grid = 5 * 10i64.pow(17);
        assert_eq!(units(&r(3 * grid * 3 + 1, 3)), (3 * grid + 1).to_string());
        assert_eq!(units(&r(-(3 * grid * 3) - 1, 3)), (-3 * grid - 1).to_string());
        assert_eq!(units(&r(-(3 * grid * 3) + 1, 3)), (-3 * grid + 1).to_string());
    }

    #[test]
    fn parts_are_exact_in_their_units() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let part = |a: &str, p: Option<&str>| exact_part(d(a), p.map(d)).to_string();
        assert_eq!(part("1.5", None), format!("15{}", "0".repeat(57)));
        assert_eq!(part("-2", Some("12.5")), format!("-25{}", "0".repeat(56)));
        // The smallest amount and percent a Decimal holds: exactly 1 unit.
        assert_eq!(
            part("0.0000000000000000000000000001", Some("0.0000000000000000000000000001")),
            "1"
        );
        // 3 at 1.2162 / 0.85825, in units of 10^-46.
        let sum = in_sum_units(BigInt::from(3) * pow10_big(PART_SCALE), d("1.2162"), d("0.85825"));
        assert_eq!(
            sum,
            BigRational::new(BigInt::from(364_860) * pow10_big(46), BigInt::from(85_825))
        );
    }
}
