//! Compact news notation: `$310m`, `£218.8m`, `€1.2bn`, `GTQ 75k`.

use rust_decimal::{Decimal, RoundingStrategy};

use super::{Money, SymbolContext};
use crate::notation::number::Magnitude;

/// The most significant digits compact notation keeps.
const SIGNIFICANT_DIGITS: u32 = 4;

const MAGNITUDES: [Magnitude; 4] = [
    Magnitude::Trillion,
    Magnitude::Billion,
    Magnitude::Million,
    Magnitude::Thousand,
];

impl Money {
    /// Writes the amount as news copy does: at most four significant
    /// digits, trailing zeros trimmed, a magnitude suffix (`k`, `m`, `bn`,
    /// `tn`), and the currency as a symbol only where a reader with no
    /// country of publication takes it for this currency
    /// ([`SymbolContext::international`]): a symbol unique to it (`CA$`,
    /// `HK$`, `€`, `₹`, `CN¥`), or an ambiguous one whose default it is
    /// (`$` for USD, `£` for GBP, `¥` for JPY, `C$` for NIO), as English
    /// locales of CLDR write it; otherwise the code (`GTQ 75k`, `SGD 5m`:
    /// the quetzal's `Q` is also ordinary text, the Singapore dollar's `$`
    /// reads as USD). A symbol ending in a letter is followed by a space
    /// (`Rs 5m` in Pakistani copy).
    ///
    /// Rounding to four digits is half to even. The result parses back
    /// ([`Money::from_str`](#impl-FromStr-for-Money)) to the same currency
    /// and to within half a unit of its last digit.
    ///
    /// ```
    /// use statecraft::Money;
    ///
    /// let compact = |s: &str| s.parse::<Money>().map(|m| m.to_compact());
    /// assert_eq!(compact("USD 310000000")?, "$310m");
    /// assert_eq!(compact("GBP 218761305.71")?, "£218.8m");
    /// assert_eq!(compact("EUR 1200000000")?, "€1.2bn");
    /// assert_eq!(compact("GTQ 75000")?, "GTQ 75k");
    /// assert_eq!(compact("CAD 5000000")?, "CA$5m");
    /// assert_eq!(compact("NIO 5000000")?, "C$5m");
    /// assert_eq!(compact("USD -5000000")?, "-$5m");
    /// assert_eq!(compact("USD 999960")?, "$1m");
    /// assert_eq!(compact("USD 12.345")?, "$12.34");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_compact(&self) -> String {
        self.to_compact_in(&SymbolContext::international())
    }

    /// Writes the amount as [`to_compact`](Money::to_compact) does, with
    /// the symbol the press of `context` writes and reads back as this
    /// currency (the country's own locales first): `$5m` for MXN in Mexican
    /// copy, `US$5m` for USD in Canadian copy, `Q75k` in Guatemalan copy;
    /// otherwise the code.
    ///
    /// ```
    /// use statecraft::money::SymbolContext;
    /// use statecraft::{Country, Money};
    ///
    /// let mxn: Money = "MXN 5000000".parse()?;
    /// assert_eq!(mxn.to_compact(), "MX$5m");
    /// assert_eq!(mxn.to_compact_in(&SymbolContext::published_in(Country::MX)), "$5m");
    /// let usd: Money = "USD 5000000".parse()?;
    /// assert_eq!(usd.to_compact_in(&SymbolContext::published_in(Country::CA)), "US$5m");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_compact_in(&self, context: &SymbolContext) -> String {
        let amount = self.amount();
        let abs = amount.abs();
        let (value, suffix) = compact_digits(abs);
        let mut out = String::with_capacity(16);
        if amount.is_sign_negative() && !value.is_zero() {
            out.push('-');
        }
        match context.symbol_for(self.currency()) {
            Some(sym) => {
                out.push_str(sym);
                if sym.ends_with(|c: char| c.is_alphabetic()) {
                    out.push(' ');
                }
            }
            None => {
                out.push_str(self.currency().code());
                out.push(' ');
            }
        }
        out.push_str(&value.normalize().to_string());
        out.push_str(suffix);
        out
    }
}

/// Splits a non-negative amount into its leading digits (rounded to four
/// significant digits) and a magnitude suffix.
fn compact_digits(abs: Decimal) -> (Decimal, &'static str) {
    for (i, m) in MAGNITUDES.iter().enumerate() {
        let unit = pow10(m.exponent());
        if abs >= unit {
            let scaled = shift_point(abs, m.exponent());
            let rounded = round_significant(scaled);
            // 999.96k rounds to 1000k: carry into the next magnitude.
            if rounded >= Decimal::ONE_THOUSAND && i > 0 {
                if let Some(bigger) = MAGNITUDES.get(i - 1) {
                    return (round_significant(shift_point(rounded, 3)), bigger.suffix());
                }
            }
            return (rounded, m.suffix());
        }
    }
    let rounded = round_significant(abs);
    if rounded >= Decimal::ONE_THOUSAND {
        return (round_significant(shift_point(rounded, 3)), Magnitude::Thousand.suffix());
    }
    (rounded, "")
}

fn pow10(e: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(e), 0)
}

/// `d / 10^e`, exactly: only the scale changes, or the mantissa is
/// divided when the scale would pass 28.
fn shift_point(d: Decimal, e: u32) -> Decimal {
    let scale = d.scale() + e;
    if scale <= 28 {
        let mut out = d;
        // `set_scale` only fails above 28, excluded above.
        if out.set_scale(scale).is_ok() {
            return out;
        }
    }
    d.checked_div(pow10(e)).unwrap_or(d)
}

/// Rounds to four significant digits, half to even.
fn round_significant(d: Decimal) -> Decimal {
    if d.is_zero() {
        return d;
    }
    // Count the digits before the point, or the zeros after it.
    let int_digits = integer_digits(d);
    if int_digits > SIGNIFICANT_DIGITS {
        // 123456.789 keeps 1235 × 10²: round the shifted value to an
        // integer, then shift back. `d` is below 10²⁹, so nothing overflows.
        let k = int_digits - SIGNIFICANT_DIGITS;
        let kept = shift_point(d, k).round_dp_with_strategy(0, RoundingStrategy::MidpointNearestEven);
        return kept.checked_mul(pow10(k)).unwrap_or(d);
    }
    let dp = if int_digits > 0 {
        SIGNIFICANT_DIGITS.saturating_sub(int_digits)
    } else {
        leading_fraction_zeros(d) + SIGNIFICANT_DIGITS
    };
    d.round_dp_with_strategy(dp.min(28), RoundingStrategy::MidpointNearestEven)
}

fn integer_digits(d: Decimal) -> u32 {
    let int = d.trunc().abs();
    let mut n = 0;
    let mut p = Decimal::ONE;
    while int >= p {
        n += 1;
        match p.checked_mul(Decimal::TEN) {
            Some(next) => p = next,
            None => break,
        }
    }
    n
}

fn leading_fraction_zeros(d: Decimal) -> u32 {
    let mut zeros = 0;
    let mut x = d.abs();
    while x < Decimal::new(1, 1) && zeros < 28 {
        match x.checked_mul(Decimal::TEN) {
            Some(next) => x = next,
            None => break,
        }
        zeros += 1;
    }
    zeros
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;

    fn compact(amount: &str, c: Currency) -> String {
        Money::new(amount.parse().unwrap(), c).to_compact()
    }

    #[test]
    fn compact_cases() {
        let cases = [
            ("310000000", Currency::USD, "$310m"),
            ("218761305.70629830619963821", Currency::GBP, "£218.8m"),
            ("223100000", Currency::GBP, "£223.1m"),
            ("1200000000", Currency::EUR, "€1.2bn"),
            ("75000", Currency::GTQ, "GTQ 75k"),
            ("25000000", Currency::USD, "$25m"),
            ("1500000", Currency::USD, "$1.5m"),
            ("999", Currency::USD, "$999"),
            ("1000", Currency::USD, "$1k"),
            ("999960", Currency::USD, "$1m"),
            ("999949", Currency::USD, "$999.9k"),
            ("999.96", Currency::USD, "$1k"),
            ("999999999999999", Currency::USD, "$1000tn"),
            ("123456789000000000", Currency::USD, "$123500tn"),
            ("0", Currency::USD, "$0"),
            ("-0.00001", Currency::USD, "-$0.00001"),
            ("-0", Currency::USD, "$0"),
            ("0.000012345", Currency::JPY, "¥0.00001234"),
            ("12.345", Currency::USD, "$12.34"),
            ("12.355", Currency::USD, "$12.36"),
            ("-5000000", Currency::USD, "-$5m"),
            ("5000", Currency::HNL, "HNL 5k"),
            ("5000", Currency::CAD, "CA$5k"),
            ("5000", Currency::NIO, "C$5k"),
            ("5000", Currency::DEM, "DEM 5k"),
            ("5000", Currency::SGD, "SGD 5k"),
            ("5000", Currency::CNY, "CN¥5k"),
            ("79228162514264337593543950335", Currency::USD, "$79230000000000000tn"),
            (
                "0.0000000000000000000000000001",
                Currency::USD,
                "$0.0000000000000000000000000001",
            ),
        ];
        for (amount, c, want) in cases {
            assert_eq!(compact(amount, c), want, "{amount} {c}");
        }
    }
}
