//! Hand-written readers of the two kinds of field a rates file holds:
//! `YYYY-MM-DD` dates and plain decimals, straight from bytes.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{ParseErrorKind, Series};
use crate::Excerpt;

/// The most digits a rate may have (significant digits, and decimals).
const MAX_DIGITS: u32 = 28;

/// A date written `YYYY-MM-DD`, or `None`.
pub(crate) fn parse_date(field: &[u8]) -> Option<NaiveDate> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *field else {
        return None;
    };
    let year = digits(&[y1, y2, y3, y4])?;
    let month = digits(&[m1, m2])?;
    let day = digits(&[d1, d2])?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit()
            .then(|| acc.checked_mul(10)?.checked_add(u32::from(b - b'0')))
            .flatten()
    })
}

/// Why a field is not a decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DecimalError {
    /// Not digits with at most one inner point.
    NotADecimal,
    /// More than 28 significant digits or decimal places.
    TooPrecise,
}

/// A plain decimal: an optional sign, digits, and optionally a point
/// followed by digits (`1.2162`, `136`, `-0.5`). No exponent, grouping or
/// bare point (`1.`, `.5`). Built straight into a `Decimal` from its
/// mantissa and scale.
pub(crate) fn parse_decimal(field: &[u8]) -> Result<Decimal, DecimalError> {
    let (negative, body) = match field.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, field),
    };
    let mut mantissa: u128 = 0;
    let mut significant: u32 = 0;
    let mut int_digits: u32 = 0;
    let mut scale: u32 = 0;
    let mut point = false;
    for &b in body {
        match b {
            b'0'..=b'9' => {
                if mantissa != 0 || b != b'0' {
                    significant = significant.saturating_add(1);
                    if significant > MAX_DIGITS {
                        return Err(DecimalError::TooPrecise);
                    }
                }
                mantissa = mantissa
                    .checked_mul(10)
                    .and_then(|m| m.checked_add(u128::from(b - b'0')))
                    .ok_or(DecimalError::TooPrecise)?;
                if point {
                    scale = scale.saturating_add(1);
                    if scale > MAX_DIGITS {
                        return Err(DecimalError::TooPrecise);
                    }
                } else {
                    int_digits = int_digits.saturating_add(1);
                }
            }
            b'.' if !point => point = true,
            _ => return Err(DecimalError::NotADecimal),
        }
    }
    if int_digits == 0 || (point && scale == 0) {
        return Err(DecimalError::NotADecimal);
    }
    let signed = i128::try_from(mantissa).map_err(|_| DecimalError::TooPrecise)?;
    let signed = if negative { -signed } else { signed };
    Decimal::try_from_i128_with_scale(signed, scale).map_err(|_| DecimalError::TooPrecise)
}

/// A positive rate of `series`, or what is wrong with it.
pub(crate) fn parse_rate(field: &[u8], series: Series) -> Result<Decimal, ParseErrorKind> {
    match parse_decimal(field) {
        Ok(d) if d > Decimal::ZERO => Ok(d),
        Ok(_) => Err(ParseErrorKind::NonPositiveRate {
            series,
            text: quote(field),
        }),
        Err(DecimalError::NotADecimal) => Err(ParseErrorKind::BadRate {
            series,
            text: quote(field),
        }),
        Err(DecimalError::TooPrecise) => Err(ParseErrorKind::RateTooPrecise {
            series,
            text: quote(field),
        }),
    }
}

/// Quotes a field of a file that may not be UTF-8.
pub(crate) fn quote(field: &[u8]) -> Excerpt {
    Excerpt::new(&String::from_utf8_lossy(field))
}

/// `bytes` without surrounding ASCII spaces and tabs.
pub(crate) fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t'))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|b| !matches!(b, b' ' | b'\t'))
        .map_or(start, |i| i + 1);
    bytes.get(start..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_strict_yyyy_mm_dd() {
        assert_eq!(parse_date(b"2021-06-07"), NaiveDate::from_ymd_opt(2021, 6, 7));
        assert_eq!(parse_date(b"2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        for bad in [
            &b"2021-6-07"[..],
            b"2021-06-7",
            b"2021/06/07",
            b"07-06-2021",
            b"2021-13-01",
            b"2023-02-29",
            b"2021-06-07 ",
            b"",
            b"2021-0a-07",
        ] {
            assert_eq!(parse_date(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn decimals_are_plain_and_exact() {
        let ok = |s: &str| parse_decimal(s.as_bytes()).unwrap();
        assert_eq!(ok("1.2162"), Decimal::new(12162, 4));
        assert_eq!(ok("1.2162").scale(), 4);
        assert_eq!(ok("136"), Decimal::from(136));
        assert_eq!(ok("0.85825"), Decimal::new(85825, 5));
        assert_eq!(ok("-0.5"), Decimal::new(-5, 1));
        assert_eq!(ok("+2"), Decimal::TWO);
        assert_eq!(ok("00012.50"), Decimal::new(1250, 2));
        assert_eq!(ok("20275.17"), Decimal::new(2027517, 2));
        assert_eq!(
            ok("1234567890123456789012345678"),
            "1234567890123456789012345678".parse().unwrap()
        );
        assert_eq!(ok("0.0000000000000000000000000001"), Decimal::new(1, 28));
        for (bad, e) in [
            ("", DecimalError::NotADecimal),
            ("-", DecimalError::NotADecimal),
            ("1.", DecimalError::NotADecimal),
            (".5", DecimalError::NotADecimal),
            ("1.2.3", DecimalError::NotADecimal),
            ("1,5", DecimalError::NotADecimal),
            ("1e5", DecimalError::NotADecimal),
            ("N/A", DecimalError::NotADecimal),
            (" 1", DecimalError::NotADecimal),
            ("--1", DecimalError::NotADecimal),
            ("12345678901234567890123456789", DecimalError::TooPrecise),
            ("0.00000000000000000000000000001", DecimalError::TooPrecise),
        ] {
            assert_eq!(parse_decimal(bad.as_bytes()), Err(e), "{bad}");
        }
    }

    #[test]
    fn agrees_with_decimal_from_str() {
        for s in [
            "1.1789",
            "133.73",
            "372274",
            "0.58231",
            "20275.17",
            "9.39356394",
            "0.0001",
        ] {
            let mine = parse_decimal(s.as_bytes()).unwrap();
            let theirs: Decimal = s.parse().unwrap();
            assert_eq!(mine, theirs);
            assert_eq!(mine.scale(), theirs.scale());
        }
    }

    #[test]
    fn trims_spaces_and_tabs_only() {
        assert_eq!(trim(b"  1.2 \t"), b"1.2");
        assert_eq!(trim(b"   "), b"");
        assert_eq!(trim(b""), b"");
        assert_eq!(trim(b"\r1"), b"\r1");
    }
}
