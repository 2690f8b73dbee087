//! The CSV line parser of funding records: bytes in, typed fields out,
//! without intermediate strings.

use std::borrow::Cow;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::error::{RecordErrorKind, FIELDS};
use super::record::RecordId;
use crate::aggregate::RateKey;
use crate::money::plain_decimal;
use crate::{Actor, Country, Currency, Excerpt, Flow, FundingStage, Money, Recipients};

/// One line's fields, parsed; the id is borrowed from the line.
#[derive(Clone, Debug)]
pub(crate) struct Parsed<'a> {
    pub(crate) id: Cow<'a, str>,
    pub(crate) row: Row,
}

/// The fields of a line after the id: a flow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) date: NaiveDate,
    /// `date.num_days_from_ce()`, for the rate lookup.
    pub(crate) day: i32,
    pub(crate) donor: Country,
    pub(crate) recipients: Recipients,
    pub(crate) stage: FundingStage,
    pub(crate) amount: Option<Money>,
}

impl RateKey for Row {
    #[inline]
    fn rate_key(&self) -> Option<(Currency, i32)> {
        self.amount.map(|m| (m.currency(), self.day))
    }
}

impl Flow for Row {
    #[inline]
    fn date(&self) -> NaiveDate {
        self.date
    }

    #[inline]
    fn donor(&self) -> Cow<'_, Actor> {
        Cow::Owned(Actor::Country(self.donor))
    }

    #[inline]
    fn recipients(&self) -> Cow<'_, Recipients> {
        Cow::Borrowed(&self.recipients)
    }

    #[inline]
    fn stage(&self) -> FundingStage {
        self.stage
    }

    #[inline]
    fn amount(&self) -> Option<Money> {
        self.amount
    }
}

/// What is wrong with a line, and in which 1-based column if in one.
pub(crate) type LineError = (Option<u64>, RecordErrorKind);

/// Parses one line (without its line break).
#[inline]
pub(crate) fn parse_line(line: &[u8]) -> Result<Parsed<'_>, LineError> {
    if line.contains(&b'"') {
        let fields = split_quoted(line)?;
        let [id, date, donor, recipient, stage, amount, currency] = fields.as_slice() else {
            return Err((None, field_count(fields.len(), line)));
        };
        let id = Cow::Owned(parse_id(id)?.to_string());
        return parse_rest(id, [&**date, &**donor, &**recipient, &**stage, &**amount, &**currency]);
    }
    let mut fields: [&[u8]; 7] = [&[]; 7];
    let mut n = 0usize;
    for field in line.split(|&b| b == b',') {
        if let Some(slot) = fields.get_mut(n) {
            *slot = field;
        }
        n += 1;
    }
    if n != FIELDS.len() {
        return Err((None, field_count(n, line)));
    }
    let [id, date, donor, recipient, stage, amount, currency] = fields;
    parse_rest(
        Cow::Borrowed(parse_id(id)?),
        [date, donor, recipient, stage, amount, currency],
    )
}

/// Parses the fields after the id.
#[inline]
fn parse_rest<'a>(id: Cow<'a, str>, fields: [&[u8]; 6]) -> Result<Parsed<'a>, LineError> {
    let [date, donor, recipient, stage, amount, currency] = fields;
    let date = parse_date(date).ok_or_else(|| (Some(2), RecordErrorKind::Date(excerpt(date))))?;
    let donor = country(donor).ok_or_else(|| (Some(3), RecordErrorKind::Country(excerpt(donor))))?;
    let recipient = country(recipient).ok_or_else(|| (Some(4), RecordErrorKind::Country(excerpt(recipient))))?;
    let stage = funding_stage(stage).ok_or_else(|| (Some(5), RecordErrorKind::Stage(excerpt(stage))))?;
    let currency_code = if currency.is_empty() {
        None
    } else {
        Some(self::currency(currency).ok_or_else(|| (Some(7), RecordErrorKind::Currency(excerpt(currency))))?)
    };
    let amount = if amount.is_empty() {
        None
    } else {
        let value = parse_amount(amount).map_err(|kind| (Some(6), kind))?;
        let currency = currency_code.ok_or_else(|| (Some(7), RecordErrorKind::NoCurrency(excerpt(amount))))?;
        Some(Money::new(value, currency))
    };
    Ok(Parsed {
        id,
        row: Row {
            date,
            day: date.num_days_from_ce(),
            donor,
            recipients: Recipients::One(recipient),
            stage,
            amount,
        },
    })
}

/// A line with `found` fields, quoted.
#[cold]
fn field_count(found: usize, line: &[u8]) -> RecordErrorKind {
    RecordErrorKind::FieldCount {
        found,
        line: Excerpt::new(&String::from_utf8_lossy(line)),
    }
}

/// Bytes that are not UTF-8, quoted with each bad sequence replaced.
#[cold]
fn not_utf8(bytes: &[u8]) -> RecordErrorKind {
    RecordErrorKind::Utf8(Excerpt::new(&String::from_utf8_lossy(bytes)))
}

fn parse_id(id: &[u8]) -> Result<&str, LineError> {
    let text = std::str::from_utf8(id).map_err(|_| (Some(1), not_utf8(id)))?;
    RecordId::check(text).map_err(|why| (Some(1), RecordErrorKind::Id(Excerpt::new(text), why)))?;
    Ok(text)
}

/// Parses the line at the start of `data` when it has the plain shape
/// nearly every line has (an ASCII id without quotes, then exact fields),
/// in one pass over its bytes, line break included; returns the row and
/// the length of the line with its break.
///
/// `None` means "not taken here": the caller finds the line's end and
/// calls [`parse_line`], which accepts the same lines (with the same
/// result) and explains the others. A line without a break in `data` is
/// never taken.
#[inline]
pub(crate) fn fast_line(data: &[u8]) -> Option<(Row, usize)> {
    // id: printable ASCII other than quote and comma.
    let comma = data
        .iter()
        .position(|&b| !(b' '..=b'~').contains(&b) || b == b'"' || b == b',')?;
    if comma == 0 || data.get(comma) != Some(&b',') {
        return None;
    }
    let rest = data.get(comma + 1..)?;
    let (date, rest) = rest.split_first_chunk::<10>()?;
    let date = parse_date(date)?;
    let [b',', d0, d1, b',', r0, r1, b',', rest @ ..] = rest else {
        return None;
    };
    let donor = country(&[*d0, *d1])?;
    let recipient = country(&[*r0, *r1])?;
    let (stage, rest) = match rest {
        [b'p', b'l', ..] => (FundingStage::Pledged, rest.strip_prefix(b"pledged,")?),
        [b'c', b'o', ..] => (FundingStage::Committed, rest.strip_prefix(b"committed,")?),
        [b'd', ..] => (FundingStage::Disbursed, rest.strip_prefix(b"disbursed,")?),
        [b'a', ..] => (FundingStage::Announced, rest.strip_prefix(b"announced,")?),
        [b'c', b'a', ..] => (FundingStage::Cancelled, rest.strip_prefix(b"cancelled,")?),
        [b'p', b'r', ..] => (FundingStage::Proposed, rest.strip_prefix(b"proposed,")?),
        [b'r', ..] => (FundingStage::Reduced, rest.strip_prefix(b"reduced,")?),
        _ => return None,
    };
    let (amount, rest) = fast_amount(rest)?;
    let (currency, rest) = match rest {
        [a, b, c, rest @ ..] if a.is_ascii_uppercase() => (Some(self::currency(&[*a, *b, *c])?), rest),
        _ => (None, rest),
    };
    let tail = match rest {
        [b'\n', ..] => 1,
        [b'\r', b'\n', ..] => 2,
        _ => return None,
    };
    let amount = match (amount, currency) {
        (None, _) => None,
        (Some(value), Some(currency)) => Some(Money::new(value, currency)),
        (Some(_), None) => return None,
    };
    let len = data.len() - rest.len() + tail;
    let row = Row {
        date,
        day: date.num_days_from_ce(),
        donor,
        recipients: Recipients::One(recipient),
        stage,
        amount,
    };
    Some((row, len))
}

/// The amount field and its comma, in one pass: `Some(None)` for an empty
/// field, `Some(Some(d))` for what [`fast_decimal`] takes, `None` for
/// anything else.
#[inline]
fn fast_amount(b: &[u8]) -> Option<(Option<Decimal>, &[u8])> {
    let (negative, digits) = match b.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, b),
    };
    let mut mantissa: u64 = 0;
    let mut count = 0u32;
    let mut scale: Option<u32> = None;
    for (i, &c) in digits.iter().enumerate() {
        match c {
            b'0'..=b'9' if count < 19 => {
                // 19 digits stay below 10^19 < 2^64.
                mantissa = mantissa * 10 + u64::from(c - b'0');
                count += 1;
                scale = scale.map(|s| s + 1);
            }
            b'.' if scale.is_none() && count > 0 => scale = Some(0),
            b',' => {
                let rest = digits.get(i + 1..)?;
                return match (count, scale, negative) {
                    (0, None, false) => Some((None, rest)),
                    (0, _, _) | (_, Some(0), _) => None,
                    _ => {
                        let (lo, mid) = (mantissa as u32, (mantissa >> 32) as u32);
                        let d = Decimal::from_parts(lo, mid, 0, negative && mantissa != 0, scale.unwrap_or(0));
                        Some((Some(d), rest))
                    }
                };
            }
            _ => return None,
        }
    }
    None
}

/// Quotes a field's bytes in an error.
fn excerpt(b: &[u8]) -> Excerpt {
    Excerpt::new(&String::from_utf8_lossy(b))
}

/// Splits a line with quoted fields (RFC 4180: a quoted field may hold
/// commas, and `""` for a quote).
fn split_quoted(line: &[u8]) -> Result<Vec<Cow<'_, [u8]>>, LineError> {
    let mut fields = Vec::new();
    let mut rest = line;
    loop {
        let column = u64::try_from(fields.len() + 1).ok();
        if let Some(body) = rest.strip_prefix(b"\"") {
            let mut value = Vec::new();
            let mut i = 0;
            loop {
                match (body.get(i), body.get(i + 1)) {
                    (Some(b'"'), Some(b'"')) => {
                        value.push(b'"');
                        i += 2;
                    }
                    (Some(b'"'), next) => {
                        fields.push(Cow::Owned(value));
                        match next {
                            None => return Ok(fields),
                            Some(b',') => {
                                rest = body.get(i + 2..).unwrap_or_default();
                                break;
                            }
                            Some(_) => return Err((column, RecordErrorKind::Quote(excerpt(rest)))),
                        }
                    }
                    (Some(&b), _) => {
                        value.push(b);
                        i += 1;
                    }
                    (None, _) => return Err((column, RecordErrorKind::Quote(excerpt(rest)))),
                }
            }
        } else {
            let end = rest.iter().position(|&b| b == b',');
            let field = rest.get(..end.unwrap_or(rest.len())).unwrap_or_default();
            if field.contains(&b'"') {
                return Err((column, RecordErrorKind::Quote(excerpt(field))));
            }
            fields.push(Cow::Borrowed(field));
            match end {
                Some(e) => rest = rest.get(e + 1..).unwrap_or_default(),
                None => return Ok(fields),
            }
        }
    }
}

/// `YYYY-MM-DD`, a real calendar day.
#[inline]
pub(crate) fn parse_date(b: &[u8]) -> Option<NaiveDate> {
    let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = b else {
        return None;
    };
    let digit = |c: u8| c.is_ascii_digit().then(|| u32::from(c - b'0'));
    let year = digit(y0)? * 1000 + digit(y1)? * 100 + digit(y2)? * 10 + digit(y3)?;
    let month = digit(m0)? * 10 + digit(m1)?;
    let day = digit(d0)? * 10 + digit(d1)?;
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// A plain decimal (`-1234.50`), read straight into a `Decimal`; anything
/// the fast path does not take is read by the crate's strict
/// plain-decimal parser, which also names what is wrong.
#[inline]
pub(crate) fn parse_amount(b: &[u8]) -> Result<Decimal, RecordErrorKind> {
    if let Some(d) = fast_decimal(b) {
        return Ok(d);
    }
    let text = std::str::from_utf8(b).map_err(|_| not_utf8(b))?;
    plain_decimal(text).map_err(|kind| RecordErrorKind::Amount(Excerpt::new(text), kind))
}

/// `-?[0-9]+(\.[0-9]+)?` with at most 19 digits; `None` for anything else.
#[inline]
fn fast_decimal(b: &[u8]) -> Option<Decimal> {
    let (negative, digits) = match b.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 20 {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut count = 0u32;
    let mut scale = None;
    for (i, &c) in digits.iter().enumerate() {
        match c {
            b'0'..=b'9' if count < 19 => {
                // 19 digits stay below 10^19 < 2^64.
                mantissa = mantissa * 10 + u64::from(c - b'0');
                count += 1;
            }
            b'.' if scale.is_none() && i > 0 && i + 1 < digits.len() => scale = Some(digits.len() - i - 1),
            _ => return None,
        }
    }
    let scale = u32::try_from(scale.unwrap_or(0)).ok()?;
    let lo = mantissa as u32;
    let mid = (mantissa >> 32) as u32;
    Some(Decimal::from_parts(lo, mid, 0, negative && mantissa != 0, scale))
}

/// A funding stage by its word (`committed`), any case.
pub(crate) fn funding_stage(b: &[u8]) -> Option<FundingStage> {
    FundingStage::iter().find(|s| s.as_str().as_bytes().eq_ignore_ascii_case(b))
}

/// An ISO 3166-1 alpha-2 code, any case.
#[inline]
pub(crate) fn country(b: &[u8]) -> Option<Country> {
    static TABLE: OnceLock<Vec<Option<Country>>> = OnceLock::new();
    let &[a, b] = b else { return None };
    let index = letter(a)? * 26 + letter(b)?;
    let table = TABLE.get_or_init(|| {
        let mut t = vec![None; 26 * 26];
        for c in Country::iter() {
            if let &[a, b] = c.alpha2().as_bytes() {
                if let Some(slot) = letter(a).and_then(|a| t.get_mut(a * 26 + letter(b)?)) {
                    *slot = Some(c);
                }
            }
        }
        t
    });
    table.get(index).copied().flatten()
}

/// An ISO 4217 code, any case.
#[inline]
pub(crate) fn currency(b: &[u8]) -> Option<Currency> {
    static TABLE: OnceLock<Vec<Option<Currency>>> = OnceLock::new();
    let &[a, b, c] = b else { return None };
    let index = (letter(a)? * 26 + letter(b)?) * 26 + letter(c)?;
    let table = TABLE.get_or_init(|| {
        let mut t = vec![None; 26 * 26 * 26];
        for cur in Currency::iter() {
            if let &[a, b, c] = cur.code().as_bytes() {
                let i = letter(a).and_then(|a| Some((a * 26 + letter(b)?) * 26 + letter(c)?));
                if let Some(slot) = i.and_then(|i| t.get_mut(i)) {
                    *slot = Some(cur);
                }
            }
        }
        t
    });
    table.get(index).copied().flatten()
}

/// A letter's place in the alphabet, any case.
#[inline]
fn letter(c: u8) -> Option<usize> {
    let u = c.to_ascii_uppercase();
    u.is_ascii_uppercase().then(|| usize::from(u - b'A'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Lines near the plain shape: each field valid, or now and then
    /// subtly not.
    fn near_plain_line() -> impl Strategy<Value = Vec<u8>> {
        fn field(good: &'static [&'static str], bad: &'static [&'static str]) -> BoxedStrategy<&'static str> {
            prop_oneof![6 => prop::sample::select(good), 1 => prop::sample::select(bad)].boxed()
        }
        (
            field(&["1", "a b", "x~y"], &["", "é", "1\t", "\"q\"", "id,1", "x\"y"]),
            field(
                &["2021-06-07", "2024-02-29", "0000-01-01"],
                &["2023-02-29", "2021-6-07", "2021-06-07 ", "2021-13-01"],
            ),
            field(&["US", "us", "Gt"], &["ZZ", "U", "USA", "X1", ""]),
            field(&["GT", "gT", "XK"], &["QQ", "", "G", "GTM"]),
            field(
                &[
                    "pledged",
                    "committed",
                    "disbursed",
                    "announced",
                    "cancelled",
                    "proposed",
                    "reduced",
                ],
                &[
                    "Pledged",
                    "pledge",
                    "cancel",
                    "commit",
                    "disbursed ",
                    "",
                    "propose",
                    "reduce",
                ],
            ),
            field(
                &["", "5", "-5", "-0", "0.50", "1234567890123456789", "007"],
                &["12345678901234567890", "1.", ".5", "-", "1.2.3", "1e5", "5 ", "--5"],
            ),
            field(&["USD", "JPY", "usd"], &["XYZ", "", "US", "USDX", "usd "]),
            field(&["\n", "\r\n"], &["\r\r\n", ",\n", "", " \n"]),
            prop::option::weighted(0.2, (any::<prop::sample::Index>(), any::<u8>())),
        )
            .prop_map(|(id, date, donor, recipient, stage, amount, currency, end, mutation)| {
                let mut line = format!("{id},{date},{donor},{recipient},{stage},{amount},{currency}{end}").into_bytes();
                if let Some((at, byte)) = mutation {
                    let i = at.index(line.len());
                    line[i] = byte;
                }
                line
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn the_fast_path_takes_only_what_the_strict_parser_takes(line in near_plain_line()) {
            if let Some((row, len)) = fast_line(&line) {
                let text = &line[..len];
                let text = text.strip_suffix(b"\n").unwrap();
                let text = text.strip_suffix(b"\r").unwrap_or(text);
                let parsed = parse_line(text);
                prop_assert!(parsed.is_ok(), "{:?}: {:?}", String::from_utf8_lossy(&line), parsed.err());
                prop_assert_eq!(parsed.ok().map(|p| p.row), Some(row));
            }
        }
    }

    #[test]
    fn fast_amounts_agree_with_the_strict_parser() {
        for s in [
            "0",
            "-0",
            "5",
            "4281638.70",
            "-12.5",
            "1234567890123456789",
            "9999999999999999999",
            "12345678901234567890",
            "0.0000000000000000001",
            "007.10",
            "18446744073709551615",
        ] {
            let want = plain_decimal(s).unwrap();
            let got = parse_amount(s.as_bytes()).unwrap();
            assert_eq!((got, got.scale()), (want, want.scale()), "{s}");
            assert!(!got.is_sign_negative() || !got.is_zero(), "{s}");
        }
        for s in ["", "-", ".5", "5.", "1.2.3", "1,000", "+5", " 5", "1e5", "--1", "5-"] {
            assert!(fast_decimal(s.as_bytes()).is_none(), "{s}");
            assert!(parse_amount(s.as_bytes()).is_err(), "{s}");
            if !s.contains(',') {
                assert_eq!(
                    fast_amount(format!("{s},").as_bytes()).map(|(d, _)| d),
                    s.is_empty().then_some(None)
                );
            }
        }
        for s in ["0", "-0", "5", "4281638.70", "-12.5", "1234567890123456789", "007.10"] {
            let field = format!("{s},USD");
            let (d, rest) = fast_amount(field.as_bytes()).unwrap();
            assert_eq!(d, Some(plain_decimal(s).unwrap()));
            assert_eq!(d.map(|d| d.scale()), Some(plain_decimal(s).unwrap().scale()));
            assert_eq!(rest, b"USD");
        }
    }

    #[test]
    fn plain_lines_take_the_fast_path() {
        let cases: [(&[u8], usize, FundingStage, Option<&str>); 3] = [
            (
                b"1,2021-06-07,US,GT,committed,4281638.70,USD\n",
                44,
                FundingStage::Committed,
                Some("USD 4281638.70"),
            ),
            (
                b"a b,2021-06-07,us,GT,pledged,-5,JPY\r\nnext",
                37,
                FundingStage::Pledged,
                Some("JPY -5"),
            ),
            (
                b"7,2021-06-07,US,XK,announced,,\nnext",
                31,
                FundingStage::Announced,
                None,
            ),
        ];
        for (line, length, stage, amount) in cases {
            let (row, len) = fast_line(line).unwrap();
            assert_eq!(len, length, "{}", String::from_utf8_lossy(line));
            assert_eq!((row.donor, row.stage), (Country::US, stage));
            assert_eq!(row.amount, amount.map(|a| a.parse().unwrap()));
        }
        assert!(
            fast_line(b"1,2021-06-07,US,GT,committed,5,USD").is_none(),
            "no line break yet"
        );
    }

    #[test]
    fn dates_are_calendar_days() {
        assert_eq!(parse_date(b"2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        for bad in [
            "2023-02-29",
            "2021-13-01",
            "2021-00-10",
            "2021-1-01",
            "21-01-01",
            "2021/01/01",
            "2021-01-01 ",
        ] {
            assert_eq!(parse_date(bad.as_bytes()), None, "{bad}");
        }
    }

    #[test]
    fn codes_are_looked_up_in_any_case() {
        assert_eq!(country(b"GT"), Some(Country::GT));
        assert_eq!(country(b"xk"), Some(Country::XK));
        assert_eq!(country(b"ZZ"), None);
        assert_eq!(country(b"G1"), None);
        assert_eq!(country(b"GTM"), None);
        assert_eq!(currency(b"usd"), Some(Currency::USD));
        assert_eq!(currency(b"XYZ"), None);
        for c in Country::iter() {
            assert_eq!(country(c.alpha2().as_bytes()), Some(c));
        }
        for c in Currency::iter() {
            assert_eq!(currency(c.code().as_bytes()), Some(c));
        }
    }

    #[test]
    fn quoted_fields() {
        let p = parse_line(br#""a, ""b""",2021-06-07,US,GT,committed,5,USD"#).unwrap();
        assert_eq!(p.id, "a, \"b\"");
        let e = parse_line(br#""open,2021-06-07,US,GT,committed,5,USD"#).unwrap_err();
        assert_eq!(e.0, Some(1));
        let e = parse_line(br#"a"b,2021-06-07,US,GT,committed,5,USD"#).unwrap_err();
        assert_eq!(e.1.to_string(), "badly quoted field `a\"b`");
        let e = parse_line(br#""a"x,2021-06-07,US,GT,committed,5,USD"#).unwrap_err();
        assert_eq!(
            e.1.to_string(),
            "badly quoted field `\"a\"x,2021-06-07,US,GT,committed,5,USD`"
        );
    }
}
