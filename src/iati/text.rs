//! The small grammars of IATI values: XML whitespace, xsd:decimal and
//! xsd:date, as `iati_reference.py` reads them.
//!
//! The crate's other readers take a plain decimal (`-1234.50`) and a bare
//! `YYYY-MM-DD` from year 0; IATI's schema types are wider and narrower:
//! xsd:decimal also allows a plus sign, `5.` and `.5`, and xsd:date a
//! time zone (`2021-06-07Z`, `2021-06-07+02:00`) but no year 0. So these
//! are written once here rather than bent into the others.

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// `s` without XML whitespace (space, tab, CR, LF) at either end.
#[inline]
pub(crate) fn strip(s: &str) -> &str {
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let bytes = s.as_bytes();
    let start = bytes.iter().position(|b| !space(b)).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(|b| !space(b)).map_or(start, |i| i + 1);
    // Both ends are next to ASCII bytes (or the ends of `s`): char boundaries.
    s.get(start..end).unwrap_or_default()
}

/// `s` upper-cased as Python's `str.upper` does it (full Unicode case
/// mapping), without allocating when it already is.
pub(crate) fn upper(s: &str) -> Box<str> {
    if s.is_ascii() {
        let mut b = s.to_owned();
        b.make_ascii_uppercase();
        b.into_boxed_str()
    } else {
        s.to_uppercase().into_boxed_str()
    }
}

/// XML 1.0's `Char`.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Why a decimal was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DecimalError {
    /// Not `[+-]?(digits[.digits]|.digits)`.
    NotADecimal,
    /// A decimal, but with more significant digits (or decimal places,
    /// trailing zeros aside) than a `Decimal` holds.
    TooManyDigits,
}

/// Reads xsd:decimal text (already stripped): `[+-]?(digits[.digits]|.digits)`,
/// with no exponent, grouping or other text, exactly. The scale is the
/// number of decimals written (`5.50` has scale 2) unless trailing zeros
/// must go to fit a `Decimal`. A zero is never negative.
pub(crate) fn parse_decimal(s: &[u8]) -> Result<Decimal, DecimalError> {
    let (negative, body) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, s),
    };
    let (int, frac) = match body.iter().position(|&b| b == b'.') {
        Some(dot) => (
            body.get(..dot).unwrap_or_default(),
            Some(body.get(dot + 1..).unwrap_or_default()),
        ),
        None => (body, None),
    };
    let frac_digits = frac.unwrap_or_default();
    let all_digits = |d: &[u8]| d.iter().all(u8::is_ascii_digit);
    if !all_digits(int) || !all_digits(frac_digits) || (int.is_empty() && frac_digits.is_empty()) {
        return Err(DecimalError::NotADecimal);
    }
    // Most amounts have at most 18 digits: a u64 holds them, and
    // `Decimal::from_i128_with_scale`'s u128 path is not needed.
    if int.len() + frac_digits.len() <= 18 {
        let mantissa = int
            .iter()
            .chain(frac_digits)
            .fold(0u64, |m, &d| m * 10 + u64::from(d - b'0'));
        let signed = i64::try_from(mantissa).map_err(|_| DecimalError::TooManyDigits)?;
        let scale = u32::try_from(frac_digits.len()).map_err(|_| DecimalError::TooManyDigits)?;
        let mut value = Decimal::try_new(if negative { -signed } else { signed }, scale)
            .map_err(|_| DecimalError::TooManyDigits)?;
        if value.is_zero() {
            value.set_sign_positive(true);
        }
        return Ok(value);
    }
    let build = |frac: &[u8]| -> Option<Decimal> {
        let scale = u32::try_from(frac.len()).ok()?;
        let mut mantissa: u128 = 0;
        for &d in int.iter().skip_while(|&&d| d == b'0').chain(frac) {
            mantissa = mantissa.checked_mul(10)?.checked_add(u128::from(d - b'0'))?;
        }
        let signed = i128::try_from(mantissa).ok()?;
        let mut value = Decimal::try_from_i128_with_scale(if negative { -signed } else { signed }, scale).ok()?;
        if value.is_zero() {
            value.set_sign_positive(true);
        }
        Some(value)
    };
    build(frac_digits)
        .or_else(|| {
            let trimmed = frac_digits.len() - frac_digits.iter().rev().take_while(|&&d| d == b'0').count();
            build(frac_digits.get(..trimmed).unwrap_or_default())
        })
        .ok_or(DecimalError::TooManyDigits)
}

/// Reads xsd:date text (already stripped): `YYYY-MM-DD`, a real calendar
/// day from year 1, optionally followed by a time zone (`Z`, `+hh:mm`,
/// `-hh:mm`) that is ignored.
pub(crate) fn parse_date(s: &[u8]) -> Option<NaiveDate> {
    let (date, zone) = s.split_at_checked(10)?;
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = date else {
        return None;
    };
    let zone_ok = match zone {
        [] | [b'Z'] => true,
        [b'+' | b'-', h0, h1, b':', n0, n1] => [h0, h1, n0, n1].iter().all(|c| c.is_ascii_digit()),
        _ => false,
    };
    if !zone_ok {
        return None;
    }
    let digit = |c: u8| c.is_ascii_digit().then(|| i32::from(c - b'0'));
    let year = digit(y0)? * 1000 + digit(y1)? * 100 + digit(y2)? * 10 + digit(y3)?;
    let month = digit(m0)? * 10 + digit(m1)?;
    let day = digit(d0)? * 10 + digit(d1)?;
    if year == 0 {
        return None;
    }
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Result<String, DecimalError> {
        parse_decimal(s.as_bytes()).map(|d| d.to_string())
    }

    #[test]
    fn decimals_as_xsd_writes_them() {
        for (s, want) in [
            ("5", "5"),
            ("-5", "-5"),
            ("+5", "5"),
            ("5.", "5"),
            (".5", "0.5"),
            ("-.5", "-0.5"),
            ("+.5", "0.5"),
            ("007.10", "7.10"),
            ("-0", "0"),
            ("-0.00", "0.00"),
            ("-6141275.41", "-6141275.41"),
            ("79228162514264337593543950335", "79228162514264337593543950335"),
            ("0.0000000000000000000000000001", "0.0000000000000000000000000001"),
            // Trailing zeros go only when a Decimal cannot hold them.
            ("1.000000000000000000000000000000", "1"),
            ("00000000000000000000000000000000000000000001", "1"),
        ] {
            assert_eq!(dec(s), Ok(want.to_string()), "{s}");
        }
        for s in [
            "", "+", "-", ".", "+.", "1,000", "1e5", "NaN", "1_000", "5 ", " 5", "--5", "1.2.3", "٣", "0x10",
        ] {
            assert_eq!(dec(s), Err(DecimalError::NotADecimal), "{s}");
        }
        for s in [
            "79228162514264337593543950336",
            "0.00000000000000000000000000001",
            "1.00000000000000000000000000001",
        ] {
            assert_eq!(dec(s), Err(DecimalError::TooManyDigits), "{s}");
        }
        assert!(!parse_decimal(b"-0").unwrap().is_sign_negative());
    }

    #[test]
    fn dates_as_xsd_writes_them() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        for (s, want) in [
            ("2021-06-07", d(2021, 6, 7)),
            ("2021-06-07Z", d(2021, 6, 7)),
            ("2021-06-07+02:00", d(2021, 6, 7)),
            ("2021-06-07-99:99", d(2021, 6, 7)),
            ("2020-02-29", d(2020, 2, 29)),
            ("0001-01-01", d(1, 1, 1)),
        ] {
            assert_eq!(parse_date(s.as_bytes()), want, "{s}");
        }
        for s in [
            "",
            "2021-02-29",
            "2021-13-01",
            "0000-01-01",
            "2021-6-07",
            "2021-06-07T00:00:00",
            "2021-06-07z",
            "2021-06-07+0200",
            "2021-06-07 ",
            "31/12/2011",
            "Total for 2011 Quarter 1",
            "２０２１-06-07",
        ] {
            assert_eq!(parse_date(s.as_bytes()), None, "{s}");
        }
    }

    #[test]
    fn whitespace_and_case() {
        assert_eq!(strip(" \t\r\nGT \n"), "GT");
        assert_eq!(strip("\u{a0}GT"), "\u{a0}GT", "a no-break space is not XML whitespace");
        assert_eq!(&*upper("gt"), "GT");
        assert_eq!(&*upper("straße"), "STRASSE");
    }
}
