//! `Share`: a percentage between 0 and 100.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::money::MoneyError;
use crate::{Count, Excerpt, Money, Qualifier};

/// A percentage from 0 to 100 inclusive, exact: the part of a funding
/// entry one recipient gets, or the part of a figure that comes from one
/// place ("more than 40% from the Northern Triangle").
///
/// A `Share` cannot be negative or above 100: the checked constructors and
/// serde refuse such values. It is a [`Decimal`] number of percent, never a
/// float, and is never rounded unless asked ([`Share::round_dp`]).
///
/// `Display` writes the percentage without trailing zeros and with a `%`
/// (`40%`, `33.5%`); `FromStr` reads that, with or without the `%`. Serde
/// writes the number of percent as a string (`"40"`), which no JSON reader
/// can turn into a float, and reads it through the same checks as
/// `FromStr`.
///
/// ```
/// use statecraft::model::Share;
/// use statecraft::Decimal;
///
/// let s: Share = "40%".parse()?;
/// assert_eq!(s.percent(), Decimal::from(40));
/// assert_eq!(s.to_string(), "40%");
/// assert_eq!(Share::from_ratio(Decimal::from(1_500_000), Decimal::from(25_000_000))?.to_string(), "6%");
///
/// let e = "140%".parse::<Share>().unwrap_err();
/// assert_eq!(e.to_string(), "invalid share `140%`: above 100%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Share(Decimal);

impl Share {
    /// Nothing: 0%.
    pub const ZERO: Share = Share(Decimal::ZERO);
    /// Everything: 100%.
    pub const HUNDRED: Share = Share(Decimal::ONE_HUNDRED);

    /// The share of `percent` percent.
    ///
    /// # Errors
    ///
    /// [`ShareError`] when `percent` is negative or above 100.
    ///
    /// ```
    /// use statecraft::model::Share;
    /// use statecraft::Decimal;
    ///
    /// assert_eq!(Share::new(Decimal::new(125, 1))?.to_string(), "12.5%");
    /// assert!(Share::new(Decimal::from(-1)).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(percent: Decimal) -> Result<Share, ShareError> {
        let err = |kind| ShareError {
            input: Excerpt::new(&percent.to_string()),
            kind,
        };
        if percent.is_sign_negative() && !percent.is_zero() {
            Err(err(ShareErrorKind::Negative))
        } else if percent > Decimal::ONE_HUNDRED {
            Err(err(ShareErrorKind::AboveHundred))
        } else {
            Ok(Share(percent))
        }
    }

    /// The share of `percent` whole percent, for literals.
    ///
    /// # Errors
    ///
    /// [`ShareError`] when `percent` is above 100.
    ///
    /// ```
    /// use statecraft::model::Share;
    ///
    /// assert_eq!(Share::from_percent(40)?.to_string(), "40%");
    /// assert!(Share::from_percent(101).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_percent(percent: u8) -> Result<Share, ShareError> {
        Share::new(Decimal::from(percent))
    }

    /// The share `part` makes of `whole`: `part / whole × 100`, exact to
    /// the 28 digits of a `Decimal`.
    ///
    /// # Errors
    ///
    /// [`ShareError`] when `whole` is zero, or the ratio is negative or
    /// above 100% (the part exceeds the whole).
    ///
    /// ```
    /// use statecraft::model::Share;
    /// use statecraft::Decimal;
    ///
    /// let s = Share::from_ratio(Decimal::from(500_000), Decimal::from(25_000_000))?;
    /// assert_eq!(s.to_string(), "2%");
    /// let e = Share::from_ratio(Decimal::from(3), Decimal::from(2)).unwrap_err();
    /// assert_eq!(e.to_string(), "invalid share `3/2`: above 100%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_ratio(part: Decimal, whole: Decimal) -> Result<Share, ShareError> {
        let err = |kind| ShareError {
            input: Excerpt::new(&format!("{part}/{whole}")),
            kind,
        };
        if whole.is_zero() {
            return Err(err(ShareErrorKind::ZeroWhole));
        }
        let percent = part
            .checked_div(whole)
            .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED))
            .ok_or_else(|| err(ShareErrorKind::AboveHundred))?;
        Share::new(percent).map_err(|e| err(e.kind))
    }

    /// The number of percent: 40 for 40%.
    pub fn percent(self) -> Decimal {
        self.0
    }

    /// The share as a fraction of one: 0.4 for 40%.
    pub fn fraction(self) -> Decimal {
        // Dividing by 100 only moves the decimal point; it cannot fail for
        // a value of at most 100.
        self.0.checked_div(Decimal::ONE_HUNDRED).unwrap_or(Decimal::ZERO)
    }

    /// Rounded half-even to `dp` decimal places: `33.333…%` to `33.3%`.
    pub fn round_dp(self, dp: u32) -> Share {
        Share(self.0.round_dp(dp))
    }

    /// This share of `money`, exact and unrounded.
    ///
    /// # Errors
    ///
    /// [`MoneyError::Overflow`] when the product does not fit a `Decimal`.
    ///
    /// ```
    /// use statecraft::model::Share;
    /// use statecraft::Money;
    ///
    /// let total: Money = "$310m".parse()?;
    /// let part = "25%".parse::<Share>()?.of_money(total)?;
    /// assert_eq!(part.to_compact(), "$77.5m");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of_money(self, money: Money) -> Result<Money, MoneyError> {
        money.checked_mul(self.fraction())
    }

    /// This share of a reported count, as a count with the qualifier both
    /// imply: "more than 40%" of "more than 178,000" is "more than 71,200".
    ///
    /// `qualifier` is the share's own ("more than" 40%). Two lower bounds
    /// make a lower bound and two upper bounds an upper bound; an exact
    /// figure keeps the other's qualifier; anything else is "about". A
    /// fractional result is rounded towards the bound (down for "more
    /// than", up for "fewer than") and half-even for "about"; an exact
    /// figure with a fractional part becomes "about". `None` when the
    /// result does not fit a `u64`.
    ///
    /// Of a range, an exact share is a range, its ends moved outward to
    /// whole numbers (40% of between 5 and 6 million is between 2 and 2.4
    /// million); a share that is a lower bound ("more than 40%") gives
    /// more than its share of the low end, one that is an upper bound its
    /// share of the high end, and "about" a share its share of the middle.
    ///
    /// The result is a figure as the press would state it: "40% of about 6
    /// million" is "about 2,400,000", whose own reading is narrower than
    /// the product's. For bounds that hold every true value of the part,
    /// scale the count's bounds:
    /// [`count.bounds().scaled(share.fraction())`](crate::notation::Bounds::scaled).
    ///
    /// ```
    /// use statecraft::model::Share;
    /// use statecraft::{Count, Qualifier};
    ///
    /// let arrivals: Count = "more than 178,000".parse()?;
    /// let share: Share = "40".parse()?;
    /// let part = share.of_count(Qualifier::MoreThan, arrivals).ok_or("overflow")?;
    /// assert_eq!(part.to_string(), "more than 71,200");
    /// let about: Count = "about 6 million".parse()?;
    /// assert_eq!(about.bounds().scaled(share.fraction()).to_string(), "between 2,200,000 and 2,600,000");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of_count(self, qualifier: Qualifier, count: Count) -> Option<Count> {
        let times = |n: u64| Decimal::from(n).checked_mul(self.fraction());
        let whole = |d: Decimal| u64::try_from(d).ok();
        let Some(count_qualifier) = count.qualifier() else {
            let (low, high) = count.as_range()?;
            let (low, high) = (times(low)?, times(high)?);
            return match qualifier {
                Qualifier::Exact => Count::range(whole(low.floor())?, whole(high.ceil())?).ok(),
                Qualifier::MoreThan | Qualifier::JustOver => Some(Count::new(whole(low.floor())?, Qualifier::MoreThan)),
                Qualifier::AtLeast => Some(Count::new(whole(low.floor())?, Qualifier::AtLeast)),
                Qualifier::UpTo => Some(Count::new(whole(high.ceil())?, Qualifier::UpTo)),
                Qualifier::FewerThan | Qualifier::Approaching => {
                    Some(Count::new(whole(high.ceil())?, Qualifier::FewerThan))
                }
                _ => {
                    let middle = low.checked_add(high)?.checked_div(Decimal::TWO)?;
                    Some(Count::new(whole(middle.round())?, Qualifier::About))
                }
            };
        };
        let product = times(count.value())?;
        let combined = combine(qualifier, count_qualifier);
        let (value, combined) = if product.fract().is_zero() {
            (product, combined)
        } else {
            match combined {
                Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::JustOver => (product.floor(), combined),
                Qualifier::FewerThan | Qualifier::UpTo | Qualifier::Approaching => (product.ceil(), combined),
                _ => (product.round(), Qualifier::About),
            }
        };
        Some(Count::new(whole(value)?, combined))
    }
}

/// The qualifier of a product of two qualified figures.
fn combine(a: Qualifier, b: Qualifier) -> Qualifier {
    match (a, b) {
        (Qualifier::Exact, q) | (q, Qualifier::Exact) => q,
        (x, y) if x == y => x,
        (x, y) if x.is_lower_bound() && y.is_lower_bound() => {
            // "more than" × "at least" is strictly more.
            Qualifier::MoreThan
        }
        (x, y) if x.is_upper_bound() && y.is_upper_bound() => {
            if x == Qualifier::UpTo && y == Qualifier::UpTo {
                Qualifier::UpTo
            } else {
                Qualifier::FewerThan
            }
        }
        _ => Qualifier::About,
    }
}

impl Share {
    /// The exact percentage, every digit, no trailing zeros: `8.33333333333333333333333333%`
    /// (what `{:#}` writes).
    ///
    /// ```
    /// use statecraft::model::Share;
    /// use statecraft::Decimal;
    ///
    /// let twelfth = Share::from_ratio(Decimal::ONE, Decimal::from(12))?;
    /// assert_eq!(twelfth.to_string(), "8.33%");
    /// assert_eq!(twelfth.to_exact_string(), "8.33333333333333333333333333%");
    /// assert_eq!(format!("{twelfth:#}"), twelfth.to_exact_string());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_exact_string(self) -> String {
        format!("{}%", self.0.normalize())
    }

    /// The percentage as people read it: rounded half away from zero to
    /// two decimal places, without trailing zeros; `<0.01%` and `>99.99%`
    /// for shares that are not 0 or 100 but would round to them.
    fn to_rounded_string(self) -> String {
        let rounded = self
            .0
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        if rounded.is_zero() && !self.0.is_zero() {
            "<0.01%".to_string()
        } else if rounded == Decimal::ONE_HUNDRED && self.0 != Decimal::ONE_HUNDRED {
            ">99.99%".to_string()
        } else {
            format!("{}%", rounded.normalize())
        }
    }
}

impl fmt::Display for Share {
    /// For people: `40%`, `12.5%`, `8.33%`: the percentage rounded half
    /// away from zero to two decimal places, without trailing zeros
    /// (`<0.01%` and `>99.99%` for shares that are not 0 or 100 but would
    /// round to them). `{:#}` writes the exact value
    /// ([`to_exact_string`](Share::to_exact_string)); JSON holds it too.
    ///
    /// ```
    /// use statecraft::model::Share;
    /// use statecraft::Decimal;
    ///
    /// assert_eq!(Share::new(Decimal::new(125, 1))?.to_string(), "12.5%");
    /// assert_eq!(Share::new(Decimal::new(2, 3))?.to_string(), "<0.01%");
    /// assert_eq!(Share::new(Decimal::new(99_999, 3))?.to_string(), ">99.99%");
    /// assert_eq!(format!("{:#}", Share::new(Decimal::new(99_999, 3))?), "99.999%");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            f.pad(&self.to_exact_string())
        } else {
            f.pad(&self.to_rounded_string())
        }
    }
}

impl FromStr for Share {
    type Err = ShareError;

    /// Reads a plain decimal number of percent, with or without a `%`
    /// (`40`, `40%`, `12.5 %`).
    ///
    /// # Errors
    ///
    /// [`ShareError`] naming the text: not a number, negative or above 100.
    fn from_str(s: &str) -> Result<Share, ShareError> {
        let err = |kind| ShareError {
            input: Excerpt::new(s),
            kind,
        };
        let body = s.trim();
        let body = body.strip_suffix('%').map(str::trim_end).unwrap_or(body);
        let percent = crate::money::plain_decimal(body).map_err(|_| err(ShareErrorKind::NotANumber))?;
        Share::new(percent).map_err(|e| err(e.kind))
    }
}

impl serde::Serialize for Share {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Share {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Share, D::Error> {
        crate::serde_str::deserialize_from_str(d, "a percentage in a string, such as \"40\"")
    }
}

/// The error for a percentage that is not a share.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid share `{input}`: {kind}")]
pub struct ShareError {
    input: Excerpt,
    kind: ShareErrorKind,
}

impl ShareError {
    /// The text or value refused (cut to 60 characters).
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// What is wrong with it.
    pub fn kind(&self) -> &ShareErrorKind {
        &self.kind
    }
}

/// What is wrong with a share.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ShareErrorKind {
    /// Below zero.
    #[error("negative")]
    Negative,
    /// Above 100%.
    #[error("above 100%")]
    AboveHundred,
    /// Not a plain decimal number.
    #[error("not a number")]
    NotANumber,
    /// A ratio over zero.
    #[error("division by zero")]
    ZeroWhole,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(s: &str) -> Share {
        s.parse().unwrap()
    }

    #[test]
    fn display_and_from_str_are_inverses() {
        for s in ["0%", "40%", "12.5%", "100%", "0.01%", "33.333333333333333333333333333%"] {
            assert_eq!(share(s).to_exact_string(), s);
            assert_eq!(format!("{:#}", share(s)), s);
        }
        assert_eq!(share("40"), share("40%"));
        assert_eq!(share(" 12.50 % ").to_string(), "12.5%");
        assert_eq!(share("-0"), Share::ZERO);
    }

    #[test]
    fn display_rounds_for_people() {
        for (exact, shown) in [
            ("0", "0%"),
            ("100", "100%"),
            ("40", "40%"),
            ("12.5", "12.5%"),
            ("8.333333333333333333333333333", "8.33%"),
            ("66.666666666666666666666666667", "66.67%"),
            ("0.005", "0.01%"),
            ("0.004999", "<0.01%"),
            ("99.995", "100%"),
            ("99.99499", "99.99%"),
            ("99.995", "100%"),
            ("99.9951", "100%"),
            ("2.345", "2.35%"),
            ("2.355", "2.36%"),
        ] {
            let s = share(exact);
            let want = if shown == "100%" && exact != "100" {
                ">99.99%"
            } else {
                shown
            };
            assert_eq!(s.to_string(), want, "{exact}");
            assert_eq!(format!("{s:>8}"), format!("{want:>8}"), "pads");
        }
        // The exact value in JSON.
        let twelfth = Share::from_ratio(Decimal::ONE, Decimal::from(12)).unwrap();
        assert_eq!(
            serde_json::to_string(&twelfth).unwrap(),
            "\"8.333333333333333333333333330\""
        );
        assert_eq!(twelfth.to_exact_string(), "8.33333333333333333333333333%");
    }

    #[test]
    fn errors_are_pinned() {
        let cases = [
            ("-1", "invalid share `-1`: negative"),
            ("100.01", "invalid share `100.01`: above 100%"),
            ("forty", "invalid share `forty`: not a number"),
            ("", "invalid share ``: not a number"),
            ("%", "invalid share `%`: not a number"),
            ("1e2", "invalid share `1e2`: not a number"),
            ("more than 40%", "invalid share `more than 40%`: not a number"),
        ];
        for (s, msg) in cases {
            assert_eq!(s.parse::<Share>().unwrap_err().to_string(), msg);
        }
        assert_eq!(
            Share::from_ratio(Decimal::ONE, Decimal::ZERO).unwrap_err().to_string(),
            "invalid share `1/0`: division by zero"
        );
        assert_eq!(
            Share::from_ratio(Decimal::NEGATIVE_ONE, Decimal::TWO)
                .unwrap_err()
                .to_string(),
            "invalid share `-1/2`: negative"
        );
        assert_eq!(
            Share::from_ratio(Decimal::MAX, Decimal::new(1, 20))
                .unwrap_err()
                .to_string(),
            "invalid share `79228162514264337593543950335/0.00000000000000000001`: above 100%"
        );
    }

    #[test]
    fn serde_is_a_checked_string() {
        assert_eq!(serde_json::to_string(&share("12.5")).unwrap(), "\"12.5\"");
        assert_eq!(serde_json::from_str::<Share>("\"40\"").unwrap(), share("40"));
        let cases = [
            ("\"101\"", "invalid share `101`: above 100% at line 1 column 5"),
            (
                "40",
                "invalid type: integer `40`, expected a percentage in a string, such as \"40\" at line 1 column 2",
            ),
        ];
        for (json, msg) in cases {
            assert_eq!(serde_json::from_str::<Share>(json).unwrap_err().to_string(), msg);
        }
    }

    #[test]
    fn shares_of_counts_keep_their_bounds() {
        let q = Qualifier::MoreThan;
        let cases = [
            ("40", q, "more than 178,000", "more than 71,200"),
            ("40", Qualifier::Exact, "178,000", "71,200"),
            ("40", Qualifier::Exact, "approaching 230,000", "approaching 92,000"),
            ("33", q, "more than 10", "more than 3"),
            ("33", Qualifier::FewerThan, "under 10", "fewer than 4"),
            ("33", Qualifier::Exact, "10", "about 3"),
            ("40", q, "approaching 1,000", "about 400"),
            ("40", Qualifier::AtLeast, "more than 10", "more than 4"),
            ("40", Qualifier::UpTo, "up to 10", "up to 4"),
            (
                "100",
                Qualifier::Exact,
                "18446744073709551615",
                "18,446,744,073,709,551,615",
            ),
        ];
        for (s, sq, count, expected) in cases {
            let got = share(s).of_count(sq, count.parse().unwrap()).unwrap();
            assert_eq!(got.to_string(), expected, "{s} {sq:?} {count}");
        }
    }

    #[test]
    fn shares_of_ranges_are_ranges_or_bounds() {
        let range: Count = "between 5,000,000 and 6,000,000".parse().unwrap();
        let cases = [
            ("40", Qualifier::Exact, "between 2,000,000 and 2,400,000"),
            ("33", Qualifier::Exact, "between 1,650,000 and 1,980,000"),
            ("40", Qualifier::MoreThan, "more than 2,000,000"),
            ("40", Qualifier::JustOver, "more than 2,000,000"),
            ("40", Qualifier::AtLeast, "at least 2,000,000"),
            ("40", Qualifier::UpTo, "up to 2,400,000"),
            ("40", Qualifier::Approaching, "fewer than 2,400,000"),
            ("40", Qualifier::About, "about 2,200,000"),
        ];
        for (s, q, expected) in cases {
            assert_eq!(share(s).of_count(q, range).unwrap().to_string(), expected, "{s} {q:?}");
        }
        let odd: Count = "between 1 and 2".parse().unwrap();
        assert_eq!(
            share("50").of_count(Qualifier::Exact, odd).unwrap().to_string(),
            "between 0 and 1"
        );
    }
}
