//! Apportioning an exact sum by integer weights, so that the parts add up
//! to the whole exactly.

use super::wide::{I256, U256};

/// `whole` divided in proportion to `weights`: part `i` is
/// `whole × weights[i] / Σ weights`, rounded down to the last unit of the
/// sum (10⁻⁴⁶), and the units left over go one each to the parts with the
/// largest remainders (the first of equal ones), so that the parts add up
/// to `whole` exactly and each is within one unit of its exact value. A
/// negative whole is apportioned by its magnitude and each part negated.
///
/// `None` when the weights are all zero or sum beyond a `u64`.
pub(crate) fn apportion(whole: I256, weights: &[u64]) -> Option<Vec<I256>> {
    let total = weights.iter().try_fold(0u64, |sum, w| sum.checked_add(*w))?;
    if total == 0 {
        return None;
    }
    let (negative, magnitude) = whole.sign_magnitude();
    let (q, r) = magnitude.div_rem_u64(total);
    let (r, total) = (u128::from(r), u128::from(total));
    let mut parts: Vec<U256> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(u128, usize)> = Vec::with_capacity(weights.len());
    let mut left = r;
    for (i, w) in weights.iter().enumerate() {
        let w = u128::from(*w);
        // r < total < 2^64 and w <= total: r × w < 2^128.
        let spread = r.checked_mul(w)?;
        let (extra, remainder) = (spread / total, spread % total);
        // q × w <= magnitude × w / total <= magnitude.
        let part = q.checked_mul_u128(w)?.checked_add(U256::from_u128(extra))?;
        left = left.checked_sub(extra)?;
        parts.push(part);
        remainders.push((remainder, i));
    }
    // Σ extra = Σ floor(r × w / total) >= r − (number of parts), so fewer
    // units are left over than there are parts.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, i) in remainders.iter().take(usize::try_from(left).ok()?) {
        let part = parts.get_mut(i)?;
        *part = part.checked_add(U256::from_u128(1))?;
    }
    parts
        .into_iter()
        .map(|p| I256::from_sign_magnitude(negative, p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn i(x: i128) -> I256 {
        I256::from_sign_magnitude(x < 0, U256::from_u128(x.unsigned_abs())).unwrap()
    }

    fn sum(parts: &[I256]) -> I256 {
        parts.iter().fold(I256::ZERO, |s, p| s.checked_add(*p).unwrap())
    }

    #[test]
    fn parts_add_up_and_the_largest_remainders_take_the_rest() {
        assert_eq!(apportion(i(100), &[1, 1, 1]).unwrap(), [i(34), i(33), i(33)]);
        assert_eq!(apportion(i(-100), &[1, 1, 1]).unwrap(), [i(-34), i(-33), i(-33)]);
        assert_eq!(apportion(i(10), &[1, 2]).unwrap(), [i(3), i(7)]);
        assert_eq!(apportion(i(7), &[0, 5]).unwrap(), [i(0), i(7)]);
        assert_eq!(apportion(i(0), &[3, 4]).unwrap(), [i(0), i(0)]);
        // 99.995% given: each share's proportion of it, not of 100.
        let parts = apportion(i(99_995), &[5_000_000_000, 4_999_500_000]).unwrap();
        assert_eq!(parts, [i(50_000), i(49_995)]);
        assert!(apportion(i(1), &[0, 0]).is_none());
        assert!(apportion(i(1), &[u64::MAX, 1]).is_none());
        assert!(apportion(i(1), &[]).is_none());
    }

    #[test]
    fn the_widest_wholes_apportion_without_overflow() {
        let max = I256::from_sign_magnitude(false, U256::mul_u128(u128::MAX, u128::MAX >> 2)).unwrap();
        let weights = [u64::MAX / 3, u64::MAX / 3, u64::MAX / 3];
        let parts = apportion(max, &weights).unwrap();
        assert_eq!(sum(&parts), max);
    }

    proptest! {
        #[test]
        fn parts_always_add_up_to_the_whole(whole in any::<i128>(), weights in prop::collection::vec(0u64..=10_000_000_000, 1..8)) {
            prop_assume!(weights.iter().any(|w| *w > 0));
            let parts = apportion(i(whole), &weights).unwrap();
            prop_assert_eq!(parts.len(), weights.len());
            prop_assert_eq!(sum(&parts), i(whole));
            // Each part is within one unit of whole × w / Σ w.
            let total: u128 = weights.iter().map(|w| u128::from(*w)).sum();
            for (p, w) in parts.iter().zip(&weights) {
                let exact = U256::mul_u128(whole.unsigned_abs(), u128::from(*w));
                let (floor, _) = exact.div_rem_u64(total as u64);
                let (_, magnitude) = p.sign_magnitude();
                prop_assert!(magnitude == floor || Some(magnitude) == floor.checked_add(U256::from_u128(1)));
                if *w == 0 {
                    prop_assert!(p.is_zero());
                }
            }
        }
    }
}
