//! The one grammar of a decimal number.
//!
//! A *plain decimal* is how data files and JSON amounts write a number:
//!
//! ```text
//! plain   = sign? digit+ ("." digit+)?       surrounding whitespace ignored
//! sign    = "-" | "+" | "−" (U+2212)
//! ```
//!
//! read exactly into a `Decimal` (`-0` is zero, and the scale is kept:
//! `12.50` has two decimal places). It is refused, each time with the
//! same [`DecimalErrorKind`], when it is empty, has no digits, text
//! before or after the number, a second or misplaced sign, a point
//! without a digit on each side (`.5`, `5.`), a second point, digits
//! grouped by commas (`1,000`), an exponent (`1e5`), more than a
//! `Decimal` holds (about 7.9 × 10²⁸), more significant digits than its
//! 96-bit mantissa holds, or more than 28 decimal places.
//!
//! Money notation reads the same numerals (its sign, currency and
//! magnitude around them are its own), with one difference: commas may
//! group thousands there (`USD 1,234.56`), [`Grouping::Thousands`].

use rust_decimal::Decimal;

use crate::Excerpt;

/// The largest mantissa a `Decimal` holds: 2^96 - 1.
pub(crate) const DECIMAL_MAX_MANTISSA: u128 = (1 << 96) - 1;

/// The largest scale a `Decimal` holds.
pub(crate) const DECIMAL_MAX_SCALE: u32 = 28;

/// What is wrong with a number, in every format that reads one: money
/// notation, funding-record amounts, rates in rate tables and ECB files,
/// JSON amounts.
///
/// ```
/// use statecraft::money::MoneyErrorKind;
/// use statecraft::DecimalErrorKind;
///
/// let e = "USD 1e5".parse::<statecraft::Money>().unwrap_err();
/// assert_eq!(e.kind(), &MoneyErrorKind::Number(DecimalErrorKind::Exponent));
/// assert_eq!(e.to_string(), "invalid amount `USD 1e5`: exponents are not accepted");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum DecimalErrorKind {
    /// Nothing but whitespace.
    #[error("empty")]
    Empty,
    /// No digit at all (`-`, `N/A`, `seven`).
    #[error("no digits")]
    NoDigits,
    /// Text before the first digit (`$5` where a plain number belongs).
    #[error("unexpected `{0}` before the number")]
    LeadingText(Excerpt),
    /// A second sign, or a sign apart from its digits (`--5`, `+-5`,
    /// `- 5`).
    #[error("misplaced sign")]
    MisplacedSign,
    /// A decimal point without a digit before or after it (`.5`, `5.`).
    #[error("a decimal point needs a digit on each side")]
    BarePoint,
    /// A second decimal point (`1.2.3`).
    #[error("two decimal points")]
    TwoDecimalPoints,
    /// Digits grouped by commas where a plain number belongs (`1,000`).
    #[error("digit grouping is not accepted")]
    Grouping,
    /// Commas that do not group digits in threes (`1,00,000`), in money
    /// notation, which groups thousands.
    #[error("bad digit grouping")]
    BadGrouping,
    /// Scientific notation (`1e5`, `1.2E-3`).
    #[error("exponents are not accepted")]
    Exponent,
    /// More than a `Decimal` holds (about 7.9 × 10²⁸).
    #[error("too large for a decimal")]
    TooLarge,
    /// More significant digits than a `Decimal` holds: 28, or 29 below
    /// about 7.9 (`9.9999999999999999999999999999`).
    #[error("more significant digits than a decimal holds (28)")]
    TooManyDigits,
    /// More than 28 digits after the decimal point.
    #[error("more than 28 decimal places")]
    TooPrecise,
    /// Text after the number (`12x`, `5 USD` where a plain number
    /// belongs).
    #[error("unexpected `{0}` after the number")]
    TrailingText(Excerpt),
}

/// A non-negative numeral: `mantissa / 10^scale`, within what a
/// `Decimal` holds (`mantissa` at most [`DECIMAL_MAX_MANTISSA`], `scale`
/// at most [`DECIMAL_MAX_SCALE`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Numeral {
    pub(crate) mantissa: u128,
    pub(crate) scale: u32,
}

impl Numeral {
    /// The value, negated when `negative` (a zero is never negative).
    pub(crate) fn to_decimal(self, negative: bool) -> Result<Decimal, DecimalErrorKind> {
        let mantissa = i128::try_from(self.mantissa).map_err(|_| DecimalErrorKind::TooLarge)?;
        let signed = if negative { -mantissa } else { mantissa };
        Decimal::try_from_i128_with_scale(signed, self.scale).map_err(|_| DecimalErrorKind::TooLarge)
    }
}

/// Whether commas may group the digits of the whole part in threes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Grouping {
    /// A plain number: a comma between digits is [`DecimalErrorKind::Grouping`].
    Refused,
    /// Money and count notation: `1,234,567.89`.
    Thousands,
    /// South Asian notation as well as thousands: `1,00,000`,
    /// `1,50,00,000` (a last group of three, two-digit groups before it).
    Indian,
}

/// Whether `c` is a sign: `-`, `+` or `−` (U+2212, the typographic minus).
pub(crate) fn is_sign(c: char) -> bool {
    matches!(c, '-' | '+' | '−')
}

/// The sign at the start of `s`, if any: whether it is a minus, and the
/// text after it.
pub(crate) fn sign(s: &str) -> Option<(bool, &str)> {
    let c = s.chars().next().filter(|&c| is_sign(c))?;
    Some((c != '+', s.get(c.len_utf8()..).unwrap_or_default()))
}

/// Reads a plain decimal (see the module documentation).
///
/// # Errors
///
/// What is wrong with it.
pub(crate) fn plain(s: &str) -> Result<Decimal, DecimalErrorKind> {
    let t = s.trim();
    if t.is_empty() {
        return Err(DecimalErrorKind::Empty);
    }
    let (negative, body) = match sign(t) {
        Some((_, rest)) if rest.starts_with(char::is_whitespace) => return Err(DecimalErrorKind::MisplacedSign),
        Some((negative, rest)) => (negative, rest),
        None => (false, t),
    };
    let (numeral, rest) = numeral(body, Grouping::Refused)?;
    if !rest.is_empty() {
        return Err(DecimalErrorKind::TrailingText(Excerpt::new(rest.trim_start())));
    }
    numeral.to_decimal(negative)
}

/// Reads an unsigned numeral at the start of `s`: digits (grouped in
/// threes by commas under [`Grouping::Thousands`]), then optionally a
/// point and more digits. Returns it and the rest of `s`, which starts
/// with neither a digit, a point, an exponent nor a grouping comma.
///
/// # Errors
///
/// What is wrong with the numeral.
pub(crate) fn numeral(s: &str, grouping: Grouping) -> Result<(Numeral, &str), DecimalErrorKind> {
    let b = s.as_bytes();
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if !digit_at(0) {
        return Err(not_a_numeral(s));
    }
    let mut i = 0;
    let mut mantissa: u128 = 0;
    let push = |d: u8, m: &mut u128| -> Result<(), DecimalErrorKind> {
        *m = m
            .checked_mul(10)
            .and_then(|x| x.checked_add(u128::from(d - b'0')))
            .filter(|x| *x <= DECIMAL_MAX_MANTISSA)
            .ok_or(DecimalErrorKind::TooLarge)?;
        Ok(())
    };
    // The whole part.
    let mut group_len = 0usize;
    let mut grouped = false;
    // Whether every group between the first and the current one has
    // three digits (thousands) or two (South Asian notation).
    let (mut threes, mut twos) = (true, grouping == Grouping::Indian);
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                push(c, &mut mantissa)?;
                group_len += 1;
                if grouped && group_len > 3 {
                    return Err(DecimalErrorKind::BadGrouping);
                }
            }
            b',' if digit_at(i + 1) => {
                // A comma between digits groups thousands: the first group
                // has one to three digits, every later group exactly three
                // (in South Asian notation, two but for the last).
                if grouping == Grouping::Refused {
                    return Err(DecimalErrorKind::Grouping);
                }
                if grouped {
                    threes &= group_len == 3;
                    twos &= group_len == 2;
                }
                if group_len > 3 || !(threes || twos) {
                    return Err(DecimalErrorKind::BadGrouping);
                }
                grouped = true;
                group_len = 0;
            }
            _ => break,
        }
        i += 1;
    }
    if grouped && group_len != 3 {
        return Err(DecimalErrorKind::BadGrouping);
    }
    // The fractional part.
    let mut scale: u32 = 0;
    if b.get(i) == Some(&b'.') {
        if !digit_at(i + 1) {
            return Err(DecimalErrorKind::BarePoint);
        }
        i += 1;
        // The whole part fits, so a mantissa that overflows here means
        // more significant digits than a `Decimal` holds, unless there are
        // more decimal places than it holds, which is said first.
        let mut too_many_digits = false;
        while let Some(&c) = b.get(i) {
            if !c.is_ascii_digit() {
                break;
            }
            if !too_many_digits && push(c, &mut mantissa).is_err() {
                too_many_digits = true;
            }
            scale = scale.saturating_add(1);
            i += 1;
        }
        if scale > DECIMAL_MAX_SCALE {
            return Err(DecimalErrorKind::TooPrecise);
        }
        if too_many_digits {
            return Err(DecimalErrorKind::TooManyDigits);
        }
        if b.get(i) == Some(&b'.') && digit_at(i + 1) {
            return Err(DecimalErrorKind::TwoDecimalPoints);
        }
    }
    // What may not follow.
    match (b.get(i), b.get(i + 1)) {
        (Some(b'e' | b'E'), Some(b'0'..=b'9')) => return Err(DecimalErrorKind::Exponent),
        (Some(b'e' | b'E'), Some(b'+' | b'-')) if digit_at(i + 2) => return Err(DecimalErrorKind::Exponent),
        (Some(b','), Some(b'0'..=b'9')) if grouping == Grouping::Refused => return Err(DecimalErrorKind::Grouping),
        (Some(b','), Some(b'0'..=b'9')) => return Err(DecimalErrorKind::BadGrouping),
        _ => {}
    }
    let rest = s.get(i..).unwrap_or_default();
    Ok((Numeral { mantissa, scale }, rest))
}

/// Why `s`, which does not start with a digit, is not a numeral.
#[cold]
fn not_a_numeral(s: &str) -> DecimalErrorKind {
    let b = s.as_bytes();
    if b.first() == Some(&b'.') && b.get(1).is_some_and(u8::is_ascii_digit) {
        return DecimalErrorKind::BarePoint;
    }
    if s.starts_with(is_sign) {
        return DecimalErrorKind::MisplacedSign;
    }
    match s.find(|c: char| c.is_ascii_digit()) {
        Some(at) => DecimalErrorKind::LeadingText(Excerpt::new(s.get(..at).unwrap_or(s).trim_end())),
        None => DecimalErrorKind::NoDigits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str, g: Grouping) -> Result<(u128, u32, &str), DecimalErrorKind> {
        numeral(s, g).map(|(n, rest)| (n.mantissa, n.scale, rest))
    }

    #[test]
    fn numerals_grouped_and_plain() {
        use Grouping::{Refused, Thousands};
        assert_eq!(num("310", Refused), Ok((310, 0, "")));
        assert_eq!(num("310,000,000 USD", Thousands), Ok((310_000_000, 0, " USD")));
        assert_eq!(num("1,234.56", Thousands), Ok((123_456, 2, "")));
        assert_eq!(num("0.5m", Refused), Ok((5, 1, "m")));
        assert_eq!(num("1234567.00", Refused), Ok((123_456_700, 2, "")));
        assert_eq!(num("12, 3", Thousands), Ok((12, 0, ", 3")));
        assert_eq!(num("007", Refused), Ok((7, 0, "")));
        for (s, e) in [
            ("1,00,000", DecimalErrorKind::BadGrouping),
            ("1,0000", DecimalErrorKind::BadGrouping),
            ("1234,567", DecimalErrorKind::BadGrouping),
            ("1,23", DecimalErrorKind::BadGrouping),
            ("1.5,000", DecimalErrorKind::BadGrouping),
            ("1.2.3", DecimalErrorKind::TwoDecimalPoints),
            ("1e5", DecimalErrorKind::Exponent),
            ("1.5E-3", DecimalErrorKind::Exponent),
            ("x", DecimalErrorKind::NoDigits),
            ("", DecimalErrorKind::NoDigits),
            ("5.", DecimalErrorKind::BarePoint),
            (".5", DecimalErrorKind::BarePoint),
        ] {
            assert_eq!(num(s, Thousands), Err(e), "{s}");
        }
        assert_eq!(num("1,000", Refused), Err(DecimalErrorKind::Grouping));
        assert_eq!(num("1.5,000", Refused), Err(DecimalErrorKind::Grouping));
        assert_eq!(num(&"9".repeat(30), Refused), Err(DecimalErrorKind::TooLarge));
        assert_eq!(
            num(&format!("0.{}", "0".repeat(29)), Refused),
            Err(DecimalErrorKind::TooPrecise)
        );
    }

    #[test]
    fn plain_decimals_and_what_is_wrong_with_them() {
        let ok = |s: &str| {
            let d = plain(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            (d.to_string(), d.scale())
        };
        assert_eq!(ok("310000000"), ("310000000".into(), 0));
        assert_eq!(ok("-12.50"), ("-12.50".into(), 2));
        assert_eq!(ok("+5"), ("5".into(), 0));
        assert_eq!(ok("−5"), ("-5".into(), 0));
        assert_eq!(ok("-0.00"), ("0.00".into(), 2));
        assert_eq!(ok(" 5 "), ("5".into(), 0));
        assert_eq!(ok("\u{a0}5\t"), ("5".into(), 0));
        assert_eq!(
            ok("12345678901234567890123456789"),
            ("12345678901234567890123456789".into(), 0)
        );
        assert_eq!(
            ok("0.0000000000000000000000000001"),
            ("0.0000000000000000000000000001".into(), 28)
        );
        assert_eq!(ok("79228162514264337593543950335"), (Decimal::MAX.to_string(), 0));
        assert_eq!(ok("-79228162514264337593543950335"), (Decimal::MIN.to_string(), 0));
        assert!(!plain("-0").unwrap().is_sign_negative());
        let x = |s: &str| Excerpt::new(s);
        for (s, e) in [
            ("", DecimalErrorKind::Empty),
            ("  ", DecimalErrorKind::Empty),
            ("-", DecimalErrorKind::NoDigits),
            ("+", DecimalErrorKind::NoDigits),
            ("N/A", DecimalErrorKind::NoDigits),
            ("seven", DecimalErrorKind::NoDigits),
            ("$5", DecimalErrorKind::LeadingText(x("$"))),
            ("USD 5", DecimalErrorKind::LeadingText(x("USD"))),
            ("--5", DecimalErrorKind::MisplacedSign),
            ("+-5", DecimalErrorKind::MisplacedSign),
            ("- 5", DecimalErrorKind::MisplacedSign),
            ("x-5", DecimalErrorKind::LeadingText(x("x-"))),
            (".5", DecimalErrorKind::BarePoint),
            ("-.5", DecimalErrorKind::BarePoint),
            ("5.", DecimalErrorKind::BarePoint),
            ("5.x", DecimalErrorKind::BarePoint),
            ("1.2.3", DecimalErrorKind::TwoDecimalPoints),
            ("1,000", DecimalErrorKind::Grouping),
            ("1e5", DecimalErrorKind::Exponent),
            ("1.2e0", DecimalErrorKind::Exponent),
            ("1E+5", DecimalErrorKind::Exponent),
            ("99999999999999999999999999999", DecimalErrorKind::TooLarge),
            ("79228162514264337593543950336", DecimalErrorKind::TooLarge),
            ("9.9999999999999999999999999999", DecimalErrorKind::TooManyDigits),
            ("0.00000000000000000000000000001", DecimalErrorKind::TooPrecise),
            ("1.00000000000000000000000000000", DecimalErrorKind::TooPrecise),
            ("12x", DecimalErrorKind::TrailingText(x("x"))),
            ("5 USD", DecimalErrorKind::TrailingText(x("USD"))),
            ("5-", DecimalErrorKind::TrailingText(x("-"))),
            ("1e", DecimalErrorKind::TrailingText(x("e"))),
            ("5\u{200b}", DecimalErrorKind::TrailingText(x("\u{200b}"))),
        ] {
            assert_eq!(plain(s), Err(e), "{s:?}");
        }
    }

    #[test]
    fn messages_are_pinned() {
        for (s, msg) in [
            ("", "empty"),
            ("-", "no digits"),
            ("$5", "unexpected `$` before the number"),
            ("--5", "misplaced sign"),
            (".5", "a decimal point needs a digit on each side"),
            ("1.2.3", "two decimal points"),
            ("1,000", "digit grouping is not accepted"),
            ("1e5", "exponents are not accepted"),
            ("99999999999999999999999999999", "too large for a decimal"),
            (
                "9.9999999999999999999999999999",
                "more significant digits than a decimal holds (28)",
            ),
            ("0.00000000000000000000000000001", "more than 28 decimal places"),
            ("12x", "unexpected `x` after the number"),
        ] {
            assert_eq!(plain(s).unwrap_err().to_string(), msg, "{s}");
        }
        assert_eq!(
            numeral("1,00,000", Grouping::Thousands).unwrap_err().to_string(),
            "bad digit grouping"
        );
    }

    proptest::proptest! {
        /// Whatever `Decimal` prints, the grammar reads back exactly,
        /// scale included.
        #[test]
        fn reads_back_what_decimal_prints(m in proptest::num::i128::ANY, scale in 0u32..=28) {
            let m = m % (DECIMAL_MAX_MANTISSA as i128 + 1);
            let d = Decimal::from_i128_with_scale(m, scale);
            let back = plain(&d.to_string()).unwrap();
            proptest::prop_assert_eq!((back, back.scale()), (d, d.scale()));
        }

        /// Any text is read or refused, never a panic; what is read is
        /// what `Decimal` itself reads from the same text.
        #[test]
        fn agrees_with_decimal_from_str(s in "[ +\\-−0-9.,eE]{0,34}") {
            if let Ok(d) = plain(&s) {
                let t = s.trim().replacen('−', "-", 1);
                let theirs: Decimal = t.parse().unwrap();
                proptest::prop_assert_eq!((d, d.scale()), (theirs, theirs.scale()));
            }
        }
    }
}
