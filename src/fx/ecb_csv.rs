//! Reads the ECB's `eurofxref-hist.csv` format, strictly, straight from
//! bytes.
//!
//! The format: a header `Date,USD,JPY,...,` (every line ends with a comma,
//! leaving an empty last field), then one row per business day,
//! `2021-06-07,1.2162,133.39,...,`, with `N/A` where the ECB published no
//! rate. The ECB ships it newest first; oldest first is read too, and so is
//! any other order, as long as no date repeats.

use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::history::{day_number, Cells, History, MAX_PACKED};
use super::text::{line_feeds, parse_date, parse_rate, quote};
use super::{FxError, ParseErrorKind, Series};
use crate::grammar::csv::{Fields, Split, Splitter};
use crate::grammar::date::iso_date;
use crate::Currency;

/// A data row: its date and line.
struct Row {
    date: NaiveDate,
    line: u64,
}

/// The header: the currency columns, and whether lines end with a comma.
struct Header {
    columns: Vec<Currency>,
    trailing_comma: bool,
    fields: usize,
}

/// Parses a whole file.
pub(super) fn parse(bytes: &[u8], provider: Arc<str>) -> Result<History, FxError> {
    if crate::encoding::is_utf16(bytes) {
        return Err(FxError::parse(1, 1, ParseErrorKind::Utf16));
    }
    let bytes = crate::encoding::strip_bom(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FxError::parse(1, 1, ParseErrorKind::Empty));
    }
    let mut splitter = Splitter::new();
    let (header, mut rest, mut number) = match splitter.split(bytes, true) {
        // The header is the first line.
        Split::Record { text, .. } if text.start > 0 => {
            let found = quote(b"");
            return Err(FxError::parse(1, 1, ParseErrorKind::MissingDateHeader { found }));
        }
        Split::Record { text, end, bad } => {
            if let Some(bad) = bad {
                return Err(bad_quote(bytes.get(text).unwrap_or_default(), &bad, 1));
            }
            let header = parse_header(splitter.fields(), 1)?;
            let rest = bytes.get(end..).unwrap_or_default();
            (header, rest, 1 + line_feeds(bytes.get(..end).unwrap_or_default()))
        }
        Split::End { .. } | Split::Partial { .. } => return Err(FxError::parse(1, 1, ParseErrorKind::Empty)),
    };
    let first_row_line = number;

    // Room for every row, but no more than the bytes can hold: a row has a
    // date and, per column, a comma and at least one character.
    let line_count = usize::try_from(line_feeds(rest))
        .unwrap_or(usize::MAX)
        .saturating_add(1);
    let most_rows = line_count.min(rest.len() / (11 + 2 * header.columns.len()) + 1);
    let mut rows: Vec<Row> = Vec::with_capacity(most_rows);
    let mut cells = Cells::new(header.columns.len(), most_rows);
    while !rest.is_empty() {
        let start = cells.len();
        if let Some((date, used)) = fast_row(rest, &header, &mut cells) {
            rest = rest.get(used..).unwrap_or_default();
            rows.push(Row { date, line: number });
            number += 1;
            continue;
        }
        cells.truncate(start);
        let Split::Record { text, end, bad } = splitter.split(rest, true) else {
            break;
        };
        let line = number + line_feeds(rest.get(..text.start).unwrap_or_default());
        number += line_feeds(rest.get(..end).unwrap_or_default());
        let raw = rest.get(text).unwrap_or_default();
        rest = rest.get(end..).unwrap_or_default();
        if raw.trim_ascii().is_empty() {
            continue;
        }
        if let Some(bad) = bad {
            return Err(bad_quote(raw, &bad, line));
        }
        let date = parse_row(splitter.fields(), line, &header, &mut cells)?;
        rows.push(Row { date, line });
    }
    let order = chronological(&rows)?;
    if order.is_empty() {
        return Err(FxError::parse(first_row_line, 1, ParseErrorKind::NoRows));
    }
    let row_day = rows.iter().map(|r| day(r.date)).collect();
    Ok(History::build(provider, header.columns, cells, row_day, order))
}

/// The error for a badly quoted field of the row `raw` at `line`.
fn bad_quote(raw: &[u8], bad: &crate::grammar::csv::BadQuote, line: u64) -> FxError {
    let text = quote(raw.get(bad.text.clone()).unwrap_or_default());
    FxError::parse(line, bad.field as u64 + 1, ParseErrorKind::Quote { text })
}

/// The day number of a date of a rates file (years 0000 to 9999).
fn day(date: NaiveDate) -> u32 {
    u32::try_from(day_number(date)).unwrap_or(0)
}

/// Parses a regular row at the start of `rest` in one pass: `YYYY-MM-DD`,
/// then for each column a comma and `N/A` or a plain rate (see
/// [`scan_plain`]), the trailing comma if the header has one, and the end
/// of the line. Returns the date and the bytes consumed (the line break
/// included), having pushed the rates; `None` for anything else, which
/// [`parse_row`] reads or refuses.
fn fast_row(rest: &[u8], header: &Header, cells: &mut Cells) -> Option<(NaiveDate, usize)> {
    let date = iso_date(rest.get(..10)?)?;
    let day = day(date);
    let mut i = 10;
    for column in 0..header.columns.len() {
        if rest.get(i) != Some(&b',') {
            return None;
        }
        let (plain, end) = scan_plain(rest, i + 1)?;
        match plain {
            Plain::None => cells.push_none(),
            Plain::Rate { mantissa, scale } => cells.push_plain(column, mantissa, scale, day),
        }
        i = end;
    }
    if header.trailing_comma {
        if rest.get(i) != Some(&b',') {
            return None;
        }
        i += 1;
    }
    match (rest.get(i), rest.get(i + 1)) {
        (None, _) => Some((date, i)),
        (Some(b'\n'), _) => Some((date, i + 1)),
        (Some(b'\r'), Some(b'\n')) => Some((date, i + 2)),
        _ => None,
    }
}

fn parse_header(fields: Fields<'_>, line: u64) -> Result<Header, FxError> {
    let first = fields.get(0).unwrap_or_default().trim_ascii();
    if !first.eq_ignore_ascii_case(b"Date") {
        return Err(FxError::parse(
            line,
            1,
            ParseErrorKind::MissingDateHeader { found: quote(first) },
        ));
    }
    let mut columns: Vec<Currency> = Vec::with_capacity(fields.len());
    let mut trailing_comma = false;
    for (i, field) in fields.iter().enumerate().skip(1) {
        let column = i as u64 + 1;
        let name = field.trim_ascii();
        if name.is_empty() {
            if i + 1 == fields.len() {
                trailing_comma = true;
                continue;
            }
            return Err(FxError::parse(line, column, ParseErrorKind::EmptyColumnName));
        }
        let currency = std::str::from_utf8(name)
            .ok()
            .and_then(Currency::from_code)
            .ok_or_else(|| FxError::parse(line, column, ParseErrorKind::UnknownCurrency { code: quote(name) }))?;
        if currency == Currency::EUR {
            return Err(FxError::parse(line, column, ParseErrorKind::EuroColumn));
        }
        if let Some(j) = columns.iter().position(|c| *c == currency) {
            return Err(FxError::parse(
                line,
                column,
                ParseErrorKind::DuplicateColumn {
                    currency,
                    first_column: j as u64 + 2,
                },
            ));
        }
        columns.push(currency);
    }
    Ok(Header {
        columns,
        trailing_comma,
        fields: fields.len(),
    })
}

/// Parses one data row, appending its rates (none for `N/A`) to `cells`.
fn parse_row(fields: Fields<'_>, number: u64, header: &Header, cells: &mut Cells) -> Result<NaiveDate, FxError> {
    let found = fields.len();
    let field_count = || {
        FxError::parse(
            number,
            found.min(header.fields) as u64 + 1,
            ParseErrorKind::FieldCount {
                expected: header.fields,
                found,
            },
        )
    };
    let date = parse_date(fields.get(0).unwrap_or_default()).map_err(|kind| FxError::parse(number, 1, kind))?;
    for (column, &currency) in header.columns.iter().enumerate() {
        let field = fields.get(column + 1).ok_or_else(field_count)?;
        let rate = any_rate(field, currency).map_err(|kind| FxError::parse(number, column as u64 + 2, kind))?;
        cells.push(column, rate, day(date));
    }
    if header.trailing_comma {
        let field = fields.get(header.fields - 1).ok_or_else(field_count)?;
        if !field.trim_ascii().is_empty() {
            if found > header.fields {
                return Err(field_count());
            }
            return Err(FxError::parse(
                number,
                header.fields as u64,
                ParseErrorKind::TrailingField { text: quote(field) },
            ));
        }
    }
    if found > header.fields {
        return Err(field_count());
    }
    Ok(date)
}

/// A field [`plain_rate`] read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Plain {
    /// `N/A`.
    None,
    /// `mantissa × 10^-scale`, positive, at most [`MAX_PACKED`].
    Rate { mantissa: u64, scale: u32 },
}

/// The common case, fast: `N/A`, or a positive rate of at most 16
/// digits, with at most one inner point (`1.2162`, `136`). `None` for
/// anything else, which [`any_rate`] reads or refuses.
#[cfg(test)]
fn plain_rate(field: &[u8]) -> Option<Plain> {
    scan_plain(field, 0).and_then(|(plain, end)| (end == field.len()).then_some(plain))
}

/// Reads a field as [`plain_rate`] does, from `bytes[start..]` up to the
/// first byte that cannot continue it, in one pass; returns where it
/// stopped.
fn scan_plain(bytes: &[u8], start: usize) -> Option<(Plain, usize)> {
    if bytes.get(start..start + 3) == Some(b"N/A") {
        return Some((Plain::None, start + 3));
    }
    let mut i = start;
    let mut mantissa: u64 = 0;
    let mut point = None;
    while let Some(&b) = bytes.get(i) {
        match b {
            // Wraps only past 19 digits, which the length check refuses.
            b'0'..=b'9' => mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(b - b'0')),
            b'.' if point.is_none() => point = Some(i),
            _ => break,
        }
        i += 1;
    }
    let len = i - start;
    let bare_point = point == Some(start) || point.is_some_and(|p| p + 1 == i);
    if len == 0 || len > 17 || bare_point || mantissa == 0 || mantissa > MAX_PACKED {
        return None;
    }
    let scale = point.map_or(0, |p| i - p - 1) as u32;
    Some((Plain::Rate { mantissa, scale }, i))
}

/// Any field [`plain_rate`] did not take: spaces around it, a sign, many
/// digits; or what is wrong with it.
fn any_rate(field: &[u8], currency: Currency) -> Result<Decimal, ParseErrorKind> {
    if field.trim_ascii() == b"N/A" {
        return Ok(Decimal::ZERO);
    }
    parse_rate(field, Series::Currency(currency))
}

/// The rows' indices in chronological order; an error at the second
/// appearance of a repeated date, or for no rows.
fn chronological(rows: &[Row]) -> Result<Vec<u32>, FxError> {
    let count = u32::try_from(rows.len()).map_err(|_| FxError::TooManyRows { rows: rows.len() })?;
    if rows.windows(2).all(|w| matches!(w, [a, b] if a.date > b.date)) {
        return Ok((0..count).rev().collect());
    }
    let mut order: Vec<u32> = (0..count).collect();
    order.sort_by_key(|&i| rows.get(i as usize).map(|r| (r.date, r.line)));
    for pair in order.windows(2) {
        if let [Some(a), Some(b)] = [pair.first(), pair.get(1)].map(|i| i.and_then(|&i| rows.get(i as usize))) {
            if a.date == b.date {
                return Err(FxError::parse(
                    b.line,
                    1,
                    ParseErrorKind::DuplicateDate {
                        date: b.date,
                        first_line: a.line,
                    },
                ));
            }
        }
    }
    Ok(order)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_rates_take_the_fast_path_and_agree_with_the_full_reader() {
        for text in [
            "1.2162",
            "136",
            "0.585274",
            "20275.17",
            "1836200",
            "0.0001",
            "1234567890123456",
            "1.234567890123456",
        ] {
            let Some(Plain::Rate { mantissa, scale }) = plain_rate(text.as_bytes()) else {
                panic!("{text}")
            };
            let fast = Decimal::from_i128_with_scale(i128::from(mantissa), scale);
            let full = any_rate(text.as_bytes(), Currency::USD).unwrap();
            assert_eq!((fast, fast.scale()), (full, full.scale()), "{text}");
        }
        assert_eq!(plain_rate(b"N/A"), Some(Plain::None));
        // Left to the full reader, which reads or refuses them.
        for text in [
            " 1.2",
            "1.2 ",
            "+1.2",
            "-1.2",
            "0",
            "0.00",
            "1.",
            ".5",
            "1.2.3",
            "",
            "99999999999999999",
            "12345678901234567890",
            "n/a",
        ] {
            assert_eq!(plain_rate(text.as_bytes()), None, "{text}");
        }
        assert_eq!(any_rate(b" N/A ", Currency::USD), Ok(Decimal::ZERO));
        assert_eq!(any_rate(b" 1.2 ", Currency::USD), Ok(Decimal::new(12, 1)));
        assert!(any_rate(b"0", Currency::USD).is_err());
    }
}
