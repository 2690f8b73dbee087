//! Splitting an amount into parts that add up to it exactly.

use rust_decimal::{Decimal, RoundingStrategy};

use super::error::MoneyError;
use super::Money;

impl Money {
    /// Splits the amount in proportion to `weights` (percentages, shares,
    /// head counts: any non-negative numbers with a positive sum), into
    /// parts at the currency's minor units whose sum is exactly the amount.
    ///
    /// Each part is the exact proportional share rounded toward zero; the
    /// units left over go, one each, to the parts that lost the most to
    /// rounding (the largest-remainder method), earlier parts first on
    /// ties. So every part is within one minor unit of its exact share,
    /// and nothing is created or lost. An amount with more decimals than
    /// the currency's minor units (or a currency without minor units) is
    /// split at its own scale.
    ///
    /// # Errors
    ///
    /// [`MoneyError::InvalidWeights`] when there are no weights, a weight
    /// is negative, or they sum to zero; [`MoneyError::Overflow`] when an
    /// intermediate product does not fit a `Decimal`.
    ///
    /// ```
    /// use statecraft::{Decimal, Money};
    ///
    /// let aid: Money = "USD 100".parse()?;
    /// let thirds = aid.allocate(&[Decimal::ONE, Decimal::ONE, Decimal::ONE])?;
    /// let shown: Vec<String> = thirds.iter().map(|m| m.to_string()).collect();
    /// assert_eq!(shown, ["USD 33.34", "USD 33.33", "USD 33.33"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allocate(self, weights: &[Decimal]) -> Result<Vec<Money>, MoneyError> {
        let invalid = |reason: &'static str| MoneyError::InvalidWeights { reason };
        if weights.is_empty() {
            return Err(invalid("no weights"));
        }
        if weights.iter().any(|w| w.is_sign_negative() && !w.is_zero()) {
            return Err(invalid("a weight is negative"));
        }
        let overflow = |right| MoneyError::Overflow {
            operation: super::Operation::Multiply,
            left: self,
            right,
        };
        let mut total_weight = Decimal::ZERO;
        for w in weights {
            total_weight = total_weight.checked_add(*w).ok_or(overflow(*w))?;
        }
        if total_weight.is_zero() {
            return Err(invalid("the weights sum to zero"));
        }
        let dp = self
            .currency()
            .minor_units()
            .map(u32::from)
            .unwrap_or(self.amount().scale())
            .max(self.amount().scale());
        let unit = Decimal::new(1, dp);
        let amount = self.amount();
        // Exact shares, truncated to the unit; remember what was cut.
        let mut parts: Vec<Decimal> = Vec::with_capacity(weights.len());
        let mut cut: Vec<Decimal> = Vec::with_capacity(weights.len());
        for w in weights {
            let share = amount
                .checked_mul(*w)
                .and_then(|x| x.checked_div(total_weight))
                .ok_or(overflow(*w))?;
            let truncated = share.round_dp_with_strategy(dp, RoundingStrategy::ToZero);
            cut.push((share - truncated).abs());
            parts.push(truncated);
        }
        let mut assigned = Decimal::ZERO;
        for p in &parts {
            assigned = assigned.checked_add(*p).ok_or(overflow(*p))?;
        }
        // What is left is a whole number of units, at most one per part
        // (up to the last digit a `Decimal` quotient can be off by).
        let left = amount.checked_sub(assigned).ok_or(overflow(assigned))?;
        let step = if left.is_sign_negative() { -unit } else { unit };
        let mut order: Vec<usize> = (0..parts.len()).collect();
        order.sort_by(|&a, &b| cut.get(b).cmp(&cut.get(a)).then(a.cmp(&b)));
        let mut remaining = left;
        for i in order.iter().cycle() {
            if remaining.is_zero() || remaining.abs() < unit {
                break;
            }
            if let Some(p) = parts.get_mut(*i) {
                *p = p.checked_add(step).ok_or(overflow(step))?;
            }
            remaining -= step;
        }
        Ok(parts.into_iter().map(|p| Money::new(p, self.currency())).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn splits_exactly_with_largest_remainders() {
        let m = Money::new(d("310000000"), Currency::USD);
        let parts = m.allocate(&[d("40"), d("35"), d("25")]).unwrap();
        let shown: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
        assert_eq!(shown, ["USD 124000000", "USD 108500000", "USD 77500000"]);

        let m = Money::new(d("0.05"), Currency::USD);
        let parts = m.allocate(&[d("1"), d("1"), d("1")]).unwrap();
        let shown: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
        assert_eq!(shown, ["USD 0.02", "USD 0.02", "USD 0.01"]);

        let m = Money::new(d("-10"), Currency::JPY);
        let parts = m.allocate(&[d("1"), d("2")]).unwrap();
        let shown: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
        assert_eq!(shown, ["JPY -3", "JPY -7"]);

        // More decimals than the currency's minor units: split at the amount's scale.
        let m = Money::new(d("0.005"), Currency::USD);
        let parts = m.allocate(&[d("1"), d("1")]).unwrap();
        let shown: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
        assert_eq!(shown, ["USD 0.003", "USD 0.002"]);

        let m = Money::new(d("7"), Currency::USD);
        let parts = m.allocate(&[d("0"), d("1")]).unwrap();
        assert_eq!(
            parts,
            [Money::new(d("0"), Currency::USD), Money::new(d("7"), Currency::USD)]
        );
    }

    #[test]
    fn bad_weights_are_errors() {
        let m = Money::new(d("1"), Currency::USD);
        let msg = |w: &[Decimal]| m.allocate(w).unwrap_err().to_string();
        assert_eq!(msg(&[]), "cannot allocate: no weights");
        assert_eq!(msg(&[d("1"), d("-1")]), "cannot allocate: a weight is negative");
        assert_eq!(msg(&[d("0"), d("0")]), "cannot allocate: the weights sum to zero");
        let big = Money::new(Decimal::MAX, Currency::USD);
        assert!(matches!(
            big.allocate(&[Decimal::MAX, Decimal::MAX]),
            Err(MoneyError::Overflow { .. })
        ));
    }
}
