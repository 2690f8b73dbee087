//! The fields of a rates file (an ECB history or a rate table): dates and
//! rates, read by the grammars every reader of the crate shares
//! ([`crate::grammar`]), and how a refused field is quoted.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{ParseErrorKind, Series};
use crate::grammar::{date, decimal};
use crate::Excerpt;

/// A date written `YYYY-MM-DD` (surrounding whitespace aside), or what
/// is wrong with it.
pub(crate) fn parse_date(field: &[u8]) -> Result<NaiveDate, ParseErrorKind> {
    date::date(field).ok_or_else(|| ParseErrorKind::BadDate { text: quote(field) })
}

/// A positive rate of `series`, or what is wrong with it.
pub(crate) fn parse_rate(field: &[u8], series: Series) -> Result<Decimal, ParseErrorKind> {
    match decimal::plain(&String::from_utf8_lossy(field)) {
        Ok(d) if d > Decimal::ZERO => Ok(d),
        Ok(_) => Err(ParseErrorKind::NonPositiveRate {
            series,
            text: quote(field),
        }),
        Err(kind) => Err(ParseErrorKind::BadRate {
            series,
            text: quote(field),
            kind,
        }),
    }
}

/// Quotes a field of a file that may not be UTF-8.
pub(crate) fn quote(field: &[u8]) -> Excerpt {
    Excerpt::new(&String::from_utf8_lossy(field))
}

/// The number of line feeds in `bytes`.
pub(crate) fn line_feeds(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Currency, DecimalErrorKind};

    #[test]
    fn rates_are_positive_plain_decimals() {
        let usd = Series::Currency(Currency::USD);
        let ok = |s: &str| parse_rate(s.as_bytes(), usd).unwrap();
        assert_eq!(ok("1.2162"), Decimal::new(12162, 4));
        assert_eq!(ok("1.2162").scale(), 4);
        assert_eq!(ok("+2"), Decimal::TWO);
        assert_eq!(ok(" 1.2 "), Decimal::new(12, 1));
        assert_eq!(
            ok("12345678901234567890123456789"),
            "12345678901234567890123456789".parse().unwrap()
        );
        let kind = |s: &[u8]| parse_rate(s, usd).unwrap_err();
        assert!(matches!(kind(b"0"), ParseErrorKind::NonPositiveRate { .. }));
        assert!(matches!(kind(b"-0"), ParseErrorKind::NonPositiveRate { .. }));
        assert!(matches!(
            kind(b"1e5"),
            ParseErrorKind::BadRate {
                kind: DecimalErrorKind::Exponent,
                ..
            }
        ));
        assert_eq!(
            kind(b"7.7\xa3").to_string(),
            "invalid USD rate `7.7\u{fffd}`: unexpected `\u{fffd}` after the number"
        );
    }

    #[test]
    fn dates_are_quoted_as_written() {
        assert_eq!(
            parse_date(b" 2021-06-07 "),
            Ok(NaiveDate::from_ymd_opt(2021, 6, 7).unwrap())
        );
        assert_eq!(
            parse_date(b"2021-02-30").unwrap_err().to_string(),
            "invalid date `2021-02-30`: expected a calendar date as YYYY-MM-DD"
        );
    }
}
