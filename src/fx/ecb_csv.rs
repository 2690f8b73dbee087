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

use super::history::History;
use super::text::{parse_date, parse_rate, quote, trim};
use super::{FxError, ParseErrorKind, Series};
use crate::Currency;

/// The UTF-8 byte-order mark some spreadsheets write first.
const BOM: &[u8] = b"\xEF\xBB\xBF";

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
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut lines = bytes
        .split(|&b| b == b'\n')
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .zip(1u64..);
    let header_line = lines.next().map(|(l, _)| l).unwrap_or_default();
    if trim(header_line).is_empty() && bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FxError::parse(1, 1, ParseErrorKind::Empty));
    }
    let header = parse_header(header_line)?;
    let width = header.columns.len();

    let mut rows: Vec<Row> = Vec::with_capacity(bytes.len() / 256);
    let mut values: Vec<Decimal> = Vec::with_capacity(bytes.len() / 8);
    for (line, number) in lines {
        if trim(line).is_empty() {
            continue;
        }
        let date = parse_row(line, number, &header, &mut values)?;
        rows.push(Row { date, line: number });
    }
    if rows.is_empty() {
        return Err(FxError::parse(2, 1, ParseErrorKind::NoRows));
    }
    let order = chronological(&rows)?;

    let Some(first) = order.first().and_then(|&i| rows.get(i)).map(|r| r.date) else {
        return Err(FxError::parse(2, 1, ParseErrorKind::NoRows));
    };
    // Offsets fit a u32: a `YYYY` date is at most 10,000 years (3.7m days) from another.
    let offset = |d: NaiveDate| u32::try_from(d.signed_duration_since(first).num_days()).unwrap_or(u32::MAX);
    let days: Vec<u32> = order
        .iter()
        .filter_map(|&i| rows.get(i))
        .map(|r| offset(r.date))
        .collect();
    let row_values: Vec<&[Decimal]> = order
        .iter()
        .filter_map(|&i| values.get(i * width..(i + 1) * width))
        .collect();
    Ok(History::build(
        provider,
        first,
        header.columns,
        days,
        row_values.into_iter(),
    ))
}

fn parse_header(line: &[u8]) -> Result<Header, FxError> {
    let fields: Vec<&[u8]> = line.split(|&b| b == b',').collect();
    let first = fields.first().map(|f| trim(f)).unwrap_or_default();
    if !first.eq_ignore_ascii_case(b"Date") {
        return Err(FxError::parse(
            1,
            1,
            ParseErrorKind::MissingDateHeader { found: quote(first) },
        ));
    }
    let mut columns: Vec<Currency> = Vec::with_capacity(fields.len());
    let mut trailing_comma = false;
    for (i, field) in fields.iter().enumerate().skip(1) {
        let column = i as u64 + 1;
        let name = trim(field);
        if name.is_empty() {
            if i + 1 == fields.len() {
                trailing_comma = true;
                continue;
            }
            return Err(FxError::parse(1, column, ParseErrorKind::EmptyColumnName));
        }
        let currency = std::str::from_utf8(name)
            .ok()
            .and_then(Currency::from_code)
            .ok_or_else(|| FxError::parse(1, column, ParseErrorKind::UnknownCurrency { code: quote(name) }))?;
        if currency == Currency::EUR {
            return Err(FxError::parse(1, column, ParseErrorKind::EuroColumn));
        }
        if let Some(j) = columns.iter().position(|c| *c == currency) {
            return Err(FxError::parse(
                1,
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

/// Parses one data row, appending its rates (zero for `N/A`) to `values`.
fn parse_row(line: &[u8], number: u64, header: &Header, values: &mut Vec<Decimal>) -> Result<NaiveDate, FxError> {
    let field_count = || {
        let found = line.split(|&b| b == b',').count();
        FxError::parse(
            number,
            found.min(header.fields) as u64 + 1,
            ParseErrorKind::FieldCount {
                expected: header.fields,
                found,
            },
        )
    };
    let mut fields = line.split(|&b| b == b',');
    let date_field = trim(fields.next().unwrap_or_default());
    let date = parse_date(date_field).ok_or_else(|| {
        FxError::parse(
            number,
            1,
            ParseErrorKind::BadDate {
                text: quote(date_field),
            },
        )
    })?;
    for (i, &currency) in header.columns.iter().enumerate() {
        let field = trim(fields.next().ok_or_else(field_count)?);
        if field == b"N/A" {
            values.push(Decimal::ZERO);
            continue;
        }
        let rate =
            parse_rate(field, Series::Currency(currency)).map_err(|kind| FxError::parse(number, i as u64 + 2, kind))?;
        values.push(rate);
    }
    if header.trailing_comma {
        let field = trim(fields.next().ok_or_else(field_count)?);
        if !field.is_empty() {
            if fields.next().is_some() {
                return Err(field_count());
            }
            return Err(FxError::parse(
                number,
                header.fields as u64,
                ParseErrorKind::TrailingField { text: quote(field) },
            ));
        }
    }
    if fields.next().is_some() {
        return Err(field_count());
    }
    Ok(date)
}

/// The rows' indices in chronological order; an error at the second
/// appearance of a repeated date.
fn chronological(rows: &[Row]) -> Result<Vec<usize>, FxError> {
    let descending = rows.windows(2).all(|w| matches!(w, [a, b] if a.date > b.date));
    if descending {
        return Ok((0..rows.len()).rev().collect());
    }
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| rows.get(i).map(|r| (r.date, r.line)));
    for pair in order.windows(2) {
        if let [Some(a), Some(b)] = [pair.first(), pair.get(1)].map(|i| i.and_then(|&i| rows.get(i))) {
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
