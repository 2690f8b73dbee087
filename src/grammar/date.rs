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

/// Reads exactly `YYYY-MM-DD`, as [`iso_date`] does, into the day number
/// chrono's `NaiveDate::num_days_from_ce` gives (0001-01-01 is day 1):
/// the same grammar, without building a `NaiveDate`, for the fast path of
/// the funding-records reader (8% of its time went to chrono's calendar
/// arithmetic, measured under callgrind).
#[inline]
pub(crate) fn iso_day(b: &[u8]) -> Option<i32> {
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = b else {
        return None;
    };
    // The eight digits at once: each byte of `x` within `0`..=`9` (the
    // test of simdjson's `is_made_of_eight_digits_fast`).
    let x = u64::from_le_bytes([y0, y1, y2, y3, m0, m1, d0, d1]);
    let high = 0xF0F0_F0F0_F0F0_F0F0u64;
    if (x & high) | ((x.wrapping_add(0x0606_0606_0606_0606) & high) >> 4) != 0x3333_3333_3333_3333 {
        return None;
    }
    let [y0, y1, y2, y3, m0, m1, d0, d1] = (x - 0x3030_3030_3030_3030).to_le_bytes().map(i32::from);
    let year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    let month = m0 * 10 + m1;
    let day = d0 * 10 + d1;
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let length = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day < 1 || day > length {
        return None;
    }
    // Days from 0000-03-01, in 400-year eras (Howard Hinnant's
    // `days_from_civil`), shifted so that 0001-01-01 is day 1.
    // Counted from year -400, so that every year is positive.
    let (y, m) = if month <= 2 {
        (year + 399, month + 9)
    } else {
        (year + 400, month - 3)
    };
    let era = y / 400 - 1;
    let year_of_era = y % 400;
    let day_of_year = (153 * m + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 305)
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

    #[test]
    fn day_numbers_are_chronos() {
        // Every day of four centuries, the ends of the range and leap days.
        let mut d = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap();
        while d < NaiveDate::from_ymd_opt(2201, 1, 1).unwrap() {
            assert_eq!(
                iso_day(d.to_string().as_bytes()),
                Some(chrono::Datelike::num_days_from_ce(&d)),
                "{d}"
            );
            d = d.succ_opt().unwrap();
        }
        for s in [
            "0000-01-01",
            "0000-02-29",
            "0000-03-01",
            "0001-01-01",
            "9999-12-31",
            "2000-02-29",
            "1600-02-29",
        ] {
            let want = iso_date(s.as_bytes()).map(|d| chrono::Datelike::num_days_from_ce(&d));
            assert!(want.is_some(), "{s}");
            assert_eq!(iso_day(s.as_bytes()), want, "{s}");
        }
        for s in [
            "1900-02-29",
            "2100-02-29",
            "2021-02-30",
            "2021-04-31",
            "2021-00-01",
            "2021-13-01",
            "2021-01-00",
        ] {
            assert_eq!(iso_day(s.as_bytes()), None, "{s}");
        }
    }

    proptest::proptest! {
        /// The day number and the date are one grammar: the same texts,
        /// the same day.
        #[test]
        fn iso_day_agrees_with_iso_date(s in "[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9 /+-]{10}") {
            let want = iso_date(s.as_bytes()).map(|d| chrono::Datelike::num_days_from_ce(&d));
            proptest::prop_assert_eq!(iso_day(s.as_bytes()), want);
        }

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
