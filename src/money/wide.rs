//! Fixed-width 256-bit integers: the exact accumulators of the aggregator.
//!
//! A record converted into the target currency is `amount × rate (× share)`:
//! three decimals of up to 96 bits each. Their product is kept exactly as
//! an integer count of 10⁻⁴⁶ units of the target currency (see
//! [`SUM_SCALE`]), and sums of such products are exact two's-complement
//! additions with overflow checks. Nothing here rounds; rounding happens
//! once, in [`I256::round`], when a total is read.

use std::cmp::Ordering;

use rust_decimal::RoundingStrategy;

/// The decimal scale of every exact sum: a sum `s` stands for `s × 10⁻⁴⁶`.
///
/// 28 digits for the rate (the most a `Decimal` carries) plus 18 for the
/// amount and the split share together; the range left over, ±5.7 × 10³⁰
/// units, is wider than any `Decimal` total.
pub(crate) const SUM_SCALE: u32 = 46;

/// The scale the rate cache normalizes rates to: a rate `r` is kept as the
/// integer `r × 10²⁸` when that fits a `u128`.
pub(crate) const RATE_SCALE: u32 = 28;

/// Powers of ten that fit a `u128` (10⁰ ..= 10³⁸).
// Indexing in a const initializer is checked by the compiler: an index out
// of bounds fails the build, it cannot panic at run time.
#[allow(clippy::indexing_slicing)]
const POW10: [u128; 39] = {
    let mut t = [1u128; 39];
    let mut i = 1;
    while i < 39 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// `10^n` when it fits a `u128` (`n <= 38`).
pub(crate) fn pow10(n: u32) -> Option<u128> {
    POW10.get(n as usize).copied()
}

/// An unsigned 256-bit integer, four little-endian 64-bit limbs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct U256([u64; 4]);

const fn lo(x: u128) -> u64 {
    x as u64
}

const fn hi(x: u128) -> u64 {
    (x >> 64) as u64
}

impl U256 {
    pub(crate) const ZERO: U256 = U256([0; 4]);
    pub(crate) const ONE: U256 = U256([1, 0, 0, 0]);
    pub(crate) const MAX: U256 = U256([u64::MAX; 4]);

    /// `self + o`, or [`U256::MAX`] when it does not fit.
    #[inline]
    pub(crate) fn saturating_add(self, o: U256) -> U256 {
        self.checked_add(o).unwrap_or(U256::MAX)
    }

    /// `self >> k` for `k` below 64.
    #[inline]
    pub(crate) const fn shr(self, k: u32) -> U256 {
        let k = k % 64;
        if k == 0 {
            return self;
        }
        let [a0, a1, a2, a3] = self.0;
        U256([
            a0 >> k | a1 << (64 - k),
            a1 >> k | a2 << (64 - k),
            a2 >> k | a3 << (64 - k),
            a3 >> k,
        ])
    }

    /// The integer of four 64-bit limbs, least significant first.
    pub(crate) const fn from_limbs(limbs: [u64; 4]) -> U256 {
        U256(limbs)
    }

    pub(crate) const fn from_u128(x: u128) -> U256 {
        U256([lo(x), hi(x), 0, 0])
    }

    /// The full product of two `u128`s; it cannot overflow.
    pub(crate) const fn mul_u128(a: u128, b: u128) -> U256 {
        let (a0, a1) = (lo(a) as u128, hi(a) as u128);
        let (b0, b1) = (lo(b) as u128, hi(b) as u128);
        let p00 = a0 * b0;
        let p01 = a0 * b1;
        let p10 = a1 * b0;
        let p11 = a1 * b1;
        let mid = (hi(p00) as u128) + (lo(p01) as u128) + (lo(p10) as u128);
        let mid2 = (hi(p01) as u128) + (hi(p10) as u128) + (lo(p11) as u128) + (hi(mid) as u128);
        // The full product is below 2^256, so this cannot carry out.
        let top = hi(p11).wrapping_add(hi(mid2));
        U256([lo(p00), lo(mid), lo(mid2), top])
    }

    /// `self × m` and the limb that overflowed out of 256 bits.
    const fn mul_u64(self, m: u64) -> (U256, u64) {
        let [x0, x1, x2, x3] = self.0;
        let m = m as u128;
        let t0 = (x0 as u128) * m;
        let t1 = (x1 as u128) * m + (hi(t0) as u128);
        let t2 = (x2 as u128) * m + (hi(t1) as u128);
        let t3 = (x3 as u128) * m + (hi(t2) as u128);
        (U256([lo(t0), lo(t1), lo(t2), lo(t3)]), hi(t3))
    }

    /// `self × m`, or `None` when it does not fit 256 bits.
    pub(crate) fn checked_mul_u128(self, m: u128) -> Option<U256> {
        let (low, over_low) = self.mul_u64(lo(m));
        let (high, over_high) = self.mul_u64(hi(m));
        let [h0, h1, h2, h3] = high.0;
        if over_low != 0 || over_high != 0 || h3 != 0 {
            return None;
        }
        low.checked_add(U256([0, h0, h1, h2]))
    }

    /// `self + o` and whether it carried out of 256 bits.
    pub(crate) const fn overflowing_add(self, o: U256) -> (U256, bool) {
        let [a0, a1, a2, a3] = self.0;
        let [b0, b1, b2, b3] = o.0;
        let (r0, c0) = a0.overflowing_add(b0);
        let (r1, c1) = carrying_add(a1, b1, c0);
        let (r2, c2) = carrying_add(a2, b2, c1);
        let (r3, c3) = carrying_add(a3, b3, c2);
        (U256([r0, r1, r2, r3]), c3)
    }

    pub(crate) fn checked_add(self, o: U256) -> Option<U256> {
        match self.overflowing_add(o) {
            (r, false) => Some(r),
            (_, true) => None,
        }
    }

    const fn wrapping_neg(self) -> U256 {
        let [a0, a1, a2, a3] = self.0;
        U256([!a0, !a1, !a2, !a3]).overflowing_add(U256([1, 0, 0, 0])).0
    }

    pub(crate) const fn is_zero(self) -> bool {
        let [a0, a1, a2, a3] = self.0;
        a0 | a1 | a2 | a3 == 0
    }

    const fn top_bit(self) -> bool {
        let [_, _, _, a3] = self.0;
        a3 >> 63 == 1
    }

    const fn is_odd(self) -> bool {
        let [a0, _, _, _] = self.0;
        a0 & 1 == 1
    }

    /// `(self / d, self % d)`; `d` must not be zero.
    pub(crate) const fn div_rem_u64(self, d: u64) -> (U256, u64) {
        let [a0, a1, a2, a3] = self.0;
        let d = d as u128;
        let n3 = a3 as u128;
        let (q3, r) = (n3 / d, n3 % d);
        let n2 = (r << 64) | a2 as u128;
        let (q2, r) = (n2 / d, n2 % d);
        let n1 = (r << 64) | a1 as u128;
        let (q1, r) = (n1 / d, n1 % d);
        let n0 = (r << 64) | a0 as u128;
        let (q0, r) = (n0 / d, n0 % d);
        (U256([q0 as u64, q1 as u64, q2 as u64, q3 as u64]), r as u64)
    }

    /// The value when it fits a `u128`.
    pub(crate) const fn to_u128(self) -> Option<u128> {
        let [a0, a1, a2, a3] = self.0;
        if a2 | a3 == 0 {
            Some((a1 as u128) << 64 | a0 as u128)
        } else {
            None
        }
    }

    /// Decimal digits, most significant first (`"0"` for zero).
    pub(crate) fn to_digits(self) -> String {
        const CHUNK: u64 = 10_000_000_000_000_000_000; // 10^19
        let mut chunks = Vec::new();
        let mut n = self;
        while !n.is_zero() {
            let (q, r) = n.div_rem_u64(CHUNK);
            chunks.push(r);
            n = q;
        }
        let mut out = String::new();
        for (i, c) in chunks.iter().rev().enumerate() {
            if i == 0 {
                out.push_str(&c.to_string());
            } else {
                out.push_str(&format!("{c:019}"));
            }
        }
        if out.is_empty() {
            out.push('0');
        }
        out
    }
}

impl PartialOrd for U256 {
    #[inline]
    fn partial_cmp(&self, other: &U256) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for U256 {
    #[inline]
    fn cmp(&self, other: &U256) -> Ordering {
        let [a0, a1, a2, a3] = self.0;
        let [b0, b1, b2, b3] = other.0;
        (a3, a2, a1, a0).cmp(&(b3, b2, b1, b0))
    }
}

const fn carrying_add(a: u64, b: u64, carry: bool) -> (u64, bool) {
    let (s, c1) = a.overflowing_add(b);
    let (s, c2) = s.overflowing_add(carry as u64);
    (s, c1 || c2)
}

/// A signed 256-bit integer in two's complement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct I256(U256);

impl I256 {
    pub(crate) const ZERO: I256 = I256(U256::ZERO);

    /// `±magnitude`, or `None` when the magnitude is 2²⁵⁵ or more.
    pub(crate) const fn from_sign_magnitude(negative: bool, magnitude: U256) -> Option<I256> {
        if magnitude.top_bit() {
            return None;
        }
        Some(I256(if negative { magnitude.wrapping_neg() } else { magnitude }))
    }

    pub(crate) const fn is_negative(self) -> bool {
        self.0.top_bit()
    }

    pub(crate) const fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// The sign and the magnitude.
    pub(crate) const fn sign_magnitude(self) -> (bool, U256) {
        if self.is_negative() {
            (true, self.0.wrapping_neg())
        } else {
            (false, self.0)
        }
    }

    /// `self + o`, or `None` on overflow.
    #[inline]
    pub(crate) const fn checked_add(self, o: I256) -> Option<I256> {
        let (sum, _) = self.0.overflowing_add(o.0);
        let (a, b, s) = (self.0.top_bit(), o.0.top_bit(), sum.top_bit());
        if a == b && s != a {
            None
        } else {
            Some(I256(sum))
        }
    }

    /// The value divided by `10^drop`, rounded with `strategy`: the sign and
    /// the rounded magnitude.
    pub(crate) fn round(self, drop: u32, strategy: RoundingStrategy) -> (bool, U256) {
        let (negative, magnitude) = self.sign_magnitude();
        if drop == 0 {
            return (negative, magnitude);
        }
        // Drop all but the last digit, remembering whether anything non-zero
        // was dropped; the last dropped digit then decides the midpoint.
        let mut q = magnitude;
        let mut sticky = false;
        let mut left = drop - 1;
        while left > 0 {
            let k = left.min(19);
            let (nq, r) = q.div_rem_u64(10u64.pow(k));
            sticky |= r != 0;
            q = nq;
            left -= k;
        }
        let (q, digit) = q.div_rem_u64(10);
        let inexact = digit != 0 || sticky;
        let odd = q.is_odd();
        let above_half = digit > 5 || (digit == 5 && sticky);
        let at_half = digit == 5 && !sticky;
        #[allow(deprecated)]
        let away = match strategy {
            RoundingStrategy::MidpointNearestEven | RoundingStrategy::BankersRounding => above_half || (at_half && odd),
            RoundingStrategy::MidpointAwayFromZero | RoundingStrategy::RoundHalfUp => above_half || at_half,
            RoundingStrategy::MidpointTowardZero | RoundingStrategy::RoundHalfDown => above_half,
            RoundingStrategy::ToZero | RoundingStrategy::RoundDown => false,
            RoundingStrategy::AwayFromZero | RoundingStrategy::RoundUp => inexact,
            RoundingStrategy::ToNegativeInfinity => inexact && negative,
            RoundingStrategy::ToPositiveInfinity => inexact && !negative,
        };
        let rounded = if away {
            // q < 2^256 / 10, so adding one cannot overflow.
            q.overflowing_add(U256::from_u128(1)).0
        } else {
            q
        };
        (negative && !rounded.is_zero(), rounded)
    }
}

/// An exact running sum of [`I256`] values that never overflows: the low
/// 256 bits in two's complement and the number of times the sum wrapped
/// past them (`value = wraps × 2²⁵⁶ + low`).
///
/// Addition is exact, associative and commutative, so a sum does not
/// depend on the order of its terms, however large the partial sums on
/// the way. The wrap count moves by at most one per addition: it cannot
/// overflow before 2⁶³ additions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WideSum {
    low: I256,
    wraps: i64,
}

impl WideSum {
    pub(crate) const ZERO: WideSum = WideSum {
        low: I256::ZERO,
        wraps: 0,
    };

    /// Adds `v`.
    #[inline]
    pub(crate) fn add(&mut self, v: I256) {
        let (sum, _) = self.low.0.overflowing_add(v.0);
        let (a, b, s) = (self.low.0.top_bit(), v.0.top_bit(), sum.top_bit());
        if a == b && s != a {
            // Both terms had the sign of `v` and the sum left the range.
            self.wraps = self.wraps.wrapping_add(if b { -1 } else { 1 });
        }
        self.low = I256(sum);
    }

    /// Adds another sum.
    #[inline]
    pub(crate) fn add_sum(&mut self, o: WideSum) {
        self.add(o.low);
        self.wraps = self.wraps.wrapping_add(o.wraps);
    }

    /// The sum when it lies within `min..=max`.
    #[inline]
    pub(crate) fn within(self, (max, min): (I256, I256)) -> Option<I256> {
        (self.wraps == 0 && self.low <= max && self.low >= min).then_some(self.low)
    }
}

impl PartialOrd for I256 {
    #[inline]
    fn partial_cmp(&self, other: &I256) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for I256 {
    #[inline]
    fn cmp(&self, other: &I256) -> Ordering {
        match (self.is_negative(), other.is_negative()) {
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            // Same sign: two's complement orders like unsigned.
            _ => self.0.cmp(&other.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn u(x: u128) -> U256 {
        U256::from_u128(x)
    }

    fn i(x: i128) -> I256 {
        I256::from_sign_magnitude(x < 0, u(x.unsigned_abs())).unwrap()
    }

    #[test]
    fn products_and_digits() {
        assert_eq!(U256::mul_u128(u128::MAX, u128::MAX).to_digits(), {
            // (2^128 - 1)^2
            "115792089237316195423570985008687907852589419931798687112530834793049593217025"
        });
        assert_eq!(U256::mul_u128(0, 5).to_digits(), "0");
        let ten38 = pow10(38).unwrap();
        assert_eq!(U256::mul_u128(ten38, ten38).to_digits(), format!("1{}", "0".repeat(76)));
        assert!(U256::mul_u128(ten38, ten38).checked_mul_u128(10).is_some());
        assert!(U256::mul_u128(ten38, ten38).checked_mul_u128(100).is_none());
        assert_eq!(
            u(7).checked_mul_u128(ten38).unwrap().to_digits(),
            format!("7{}", "0".repeat(38))
        );
        assert_eq!(pow10(39), None);
    }

    #[test]
    fn shifts_and_saturation() {
        let x = U256::mul_u128(u128::MAX, 12345);
        for k in [0, 1, 7, 63] {
            let (q, _) = x.div_rem_u64(1 << k);
            assert_eq!(x.shr(k), q, "{k}");
        }
        assert_eq!(U256::MAX.saturating_add(U256::ONE), U256::MAX);
        assert_eq!(u(2).saturating_add(U256::ONE), u(3));
    }

    #[test]
    fn signed_addition_detects_overflow() {
        let max = I256(U256([u64::MAX, u64::MAX, u64::MAX, u64::MAX >> 1]));
        assert!(max.checked_add(i(1)).is_none());
        assert_eq!(max.checked_add(i(-1)).unwrap().checked_add(i(1)), Some(max));
        let min = max.checked_add(i(1)).map_or(I256(U256([0, 0, 0, 1 << 63])), |x| x);
        assert!(min.checked_add(i(-1)).is_none());
        assert_eq!(i(-5).checked_add(i(3)), Some(i(-2)));
        assert!(I256::from_sign_magnitude(false, U256([0, 0, 0, 1 << 63])).is_none());
    }

    #[test]
    fn rounding_strategies_match_decimal() {
        use rust_decimal::Decimal;
        let strategies = [
            RoundingStrategy::MidpointNearestEven,
            RoundingStrategy::MidpointAwayFromZero,
            RoundingStrategy::MidpointTowardZero,
            RoundingStrategy::ToZero,
            RoundingStrategy::AwayFromZero,
            RoundingStrategy::ToNegativeInfinity,
            RoundingStrategy::ToPositiveInfinity,
        ];
        for v in [
            -2675i128, -2665, -2660, -2651, -5, 0, 5, 15, 25, 2650, 2651, 2665, 2675, 2699,
        ] {
            for s in strategies {
                for drop in [1u32, 2, 3] {
                    let (neg, mag) = i(v).round(drop, s);
                    let got = mag.to_u128().unwrap() as i128 * if neg { -1 } else { 1 };
                    let want = Decimal::new(v as i64, drop).round_dp_with_strategy(0, s).mantissa();
                    assert_eq!(got, want, "{v} drop {drop} {s:?}");
                }
            }
        }
    }

    #[test]
    fn wide_sums_pass_the_end_of_the_range_and_come_back() {
        let max = I256(U256([u64::MAX, u64::MAX, u64::MAX, u64::MAX >> 1]));
        let range = (max, I256(U256([0, 0, 0, 1 << 63])));
        let mut s = WideSum::ZERO;
        s.add(max);
        s.add(max);
        assert_eq!(s.within(range), None);
        s.add(I256::from_sign_magnitude(true, max.sign_magnitude().1).unwrap());
        assert_eq!(s.within(range), Some(max));
        let mut t = WideSum::ZERO;
        for _ in 0..3 {
            t.add(range.1);
        }
        assert_eq!(t.within(range), None);
        let mut back = WideSum::ZERO;
        for _ in 0..3 {
            back.add(max);
            back.add(i(1));
        }
        t.add_sum(back);
        assert_eq!(t.within(range), Some(I256::ZERO));
    }

    proptest! {
        #[test]
        fn mul_matches_u128_where_it_fits(a in any::<u64>(), b in any::<u64>()) {
            let p = U256::mul_u128(a as u128, b as u128);
            prop_assert_eq!(p.to_u128(), Some(a as u128 * b as u128));
            prop_assert_eq!(u(a as u128).checked_mul_u128(b as u128), Some(p));
        }

        #[test]
        fn mul_is_commutative_and_div_inverts_it(a in any::<u128>(), b in any::<u128>(), d in 1u64..) {
            let p = U256::mul_u128(a, b);
            prop_assert_eq!(p, U256::mul_u128(b, a));
            prop_assert_eq!(u(a).checked_mul_u128(b), Some(p));
            let (q, r) = p.div_rem_u64(d);
            prop_assert!(r < d);
            let back = q.checked_mul_u128(d as u128).and_then(|x| x.checked_add(u(r as u128)));
            prop_assert_eq!(back, Some(p));
        }

        #[test]
        fn signed_sums_match_i128(a in any::<i64>(), b in any::<i64>()) {
            let s = i(a as i128).checked_add(i(b as i128)).unwrap();
            prop_assert_eq!(s, i(a as i128 + b as i128));
            prop_assert_eq!(i(a as i128).cmp(&i(b as i128)), a.cmp(&b));
        }

        #[test]
        fn wide_sums_are_exact_in_any_order(xs in proptest::collection::vec(-(1i128 << 120)..(1i128 << 120), 0..64)) {
            // Each term is x × 2¹³⁰: partial sums leave the range of an
            // I256 often, the whole does when |Σx| ≥ 2¹²⁵.
            let scaled = |x: i128| {
                let m = U256::mul_u128(x.unsigned_abs(), 1 << 127).checked_mul_u128(8).unwrap();
                I256::from_sign_magnitude(x < 0, m)
            };
            let full = (I256(U256([u64::MAX, u64::MAX, u64::MAX, u64::MAX >> 1])), I256(U256([0, 0, 0, 1 << 63])));
            let mut forward = WideSum::ZERO;
            for &x in &xs {
                forward.add(scaled(x).unwrap());
            }
            let mut backward = WideSum::ZERO;
            let (a, b) = xs.split_at(xs.len() / 2);
            let mut half = WideSum::ZERO;
            for &x in b.iter().rev() {
                half.add(scaled(x).unwrap());
            }
            for &x in a.iter().rev() {
                backward.add(scaled(x).unwrap());
            }
            backward.add_sum(half);
            prop_assert_eq!(forward, backward);
            let total: i128 = xs.iter().sum();
            prop_assert_eq!(forward.within(full), scaled(total));
        }

        #[test]
        fn digits_match_u128(a in any::<u128>()) {
            prop_assert_eq!(u(a).to_digits(), a.to_string());
        }
    }
}
