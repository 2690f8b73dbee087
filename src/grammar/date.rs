//! The one grammar of a date: `YYYY-MM-DD`, a day of the calendar.
//!
//! Four digits of year (0000 to 9999), two of month, two of day, joined
//! by `-`, naming a day that exists (`2024-02-29`, never `2021-02-30`).
//! Nothing else: no other separator, no missing zero (`2021-6-7`), no
//! time. Surrounding whitespace is ignored. Funding records, rate tables
//! and ECB files read their dates here, and refuse the same texts with
//! the same message.

use chrono::NaiveDate;

/// What every refusal of a date says after quoting it.
pub(crate) const EXPECTED: &str = "expected a calendar date as YYYY-MM-DD";

/// Reads exactly `YYYY-MM-DD` (ten bytes, no whitespace): the fast form,
/// for readers that test a row's shape in one pass.
#[inline]
pub(crate) fn iso_date(b: &[u8]) -> Option<NaiveDate> {
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = b else {
        return None;
    };
    let digit = |c: u8| c.is_ascii_digit().then(|| u32::from(c - b'0'));
    let year = digit(y0)? * 1000 + digit(y1)? * 100 + digit(y2)? * 10 + digit(y3)?;
    let month = digit(m0)? * 10 + digit(m1)?;
    let day = digit(d0)? * 10 + digit(d1)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// Reads a date field: [`iso_date`] once surrounding whitespace is set
/// aside.
pub(crate) fn date(field: &[u8]) -> Option<NaiveDate> {
    iso_date(field).or_else(|| iso_date(std::str::from_utf8(field).ok()?.trim().as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_calendar_days_as_yyyy_mm_dd() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(date(b"2021-06-07"), day(2021, 6, 7));
        assert_eq!(date(b"2024-02-29"), day(2024, 2, 29));
        assert_eq!(date(b"0000-01-01"), day(0, 1, 1));
        assert_eq!(date(b"9999-12-31"), day(9999, 12, 31));
        assert_eq!(date(b" 2021-06-07\t"), day(2021, 6, 7));
        assert_eq!(date("\u{a0}2021-06-07".as_bytes()), day(2021, 6, 7));
        assert_eq!(iso_date(b" 2021-06-07"), None);
        for bad in [
            "2023-02-29",
            "2021-02-30",
            "2021-13-01",
            "2021-00-10",
            "2021-01-00",
            "2021-1-01",
            "2021-6-7",
            "21-01-01",
            "2021/01/01",
            "07-06-2021",
            "2021-0a-07",
            "+2021-06-07",
            "2021-06-07T00:00",
            "",
            "2021-06-07 x",
        ] {
            assert_eq!(date(bad.as_bytes()), None, "{bad}");
        }
        assert_eq!(date(b"2021-06-0\xff"), None);
    }

    proptest::proptest! {
        /// Every date chrono prints in years 0 to 9999 reads back.
        #[test]
        fn reads_back_what_chrono_prints(days in -365i32..=3_652_059) {
            let d = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
            proptest::prop_assert_eq!(date(d.to_string().as_bytes()), Some(d));
        }

        /// Whatever it reads, chrono reads the same from the same text.
        #[test]
        fn agrees_with_chrono(s in "[0-9]{4}-[0-9]{2}-[0-9]{2}") {
            let theirs = NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok();
            proptest::prop_assert_eq!(date(s.as_bytes()), theirs);
        }
    }
}
