//! The fields of a funding record: bytes in, typed fields out, without
//! intermediate strings. A fast path reads the plain lines nearly every
//! file is made of straight from the buffer; every other record is split
//! by csv-core and read field by field here, with the crate's grammars.

use std::borrow::Cow;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::error::{RecordErrorKind, FIELDS};
use super::record::RecordId;
use crate::aggregate::FlowRecipients;
use crate::aggregate::RateKey;
use crate::grammar::csv::Fields;
use crate::grammar::date::{date as parse_date, iso_day};
use crate::grammar::decimal::plain;
use crate::{Actor, Country, Currency, Excerpt, Flow, FundingStage, Money};

/// One line's fields, parsed; the id is borrowed from the line.
#[derive(Clone, Debug)]
pub(crate) struct Parsed<'a> {
    pub(crate) id: Cow<'a, str>,
    pub(crate) row: Row,
}

/// The fields of a record after the id: a flow, in 28 bytes (a batch of
/// them is written and read for every record of a file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    /// The value date, as `NaiveDate::num_days_from_ce` numbers it (the
    /// rate lookup's key; the date itself is built only when asked).
    pub(crate) day: i32,
    pub(crate) donor: Country,
    pub(crate) recipient: Country,
    pub(crate) stage: FundingStage,
    pub(crate) amount: Option<Money>,
}

impl RateKey for Row {
    #[inline]
    fn rate_key(&self) -> Option<(Currency, i32)> {
        self.amount.map(|m| (m.currency(), self.day))
    }

    #[inline]
    fn one_recipient(&self) -> Option<Country> {
        Some(self.recipient)
    }
}

impl Flow for Row {
    #[inline]
    fn date(&self) -> NaiveDate {
        // A day read from a calendar date is one chrono builds back.
        NaiveDate::from_num_days_from_ce_opt(self.day).unwrap_or_default()
    }

    #[inline]
    fn donor(&self) -> Cow<'_, Actor> {
        Cow::Owned(Actor::Country(self.donor))
    }

    #[inline]
    fn recipients(&self) -> Cow<'_, FlowRecipients> {
        Cow::Owned(FlowRecipients::One(self.recipient))
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

/// Reads a record that csv-core split (see
/// [`Input::next_record`](super::input::Input::next_record)): `text` is
/// the record as written (without its line break), quoted in a
/// field-count error; `fields` its fields, or its first badly quoted
/// field's index and text.
pub(crate) fn read_record<'a>(
    text: &[u8],
    fields: Result<Fields<'a>, (usize, &[u8])>,
) -> Result<Parsed<'a>, LineError> {
    match fields {
        Ok(fields) => parse_record(text, fields),
        Err((i, bad)) => Err((u64::try_from(i + 1).ok(), RecordErrorKind::Quote(excerpt(bad)))),
    }
}

/// Reads the fields of a record; `text` is quoted in a field-count error.
fn parse_record<'a>(text: &[u8], fields: Fields<'a>) -> Result<Parsed<'a>, LineError> {
    let field = |i| fields.get(i).unwrap_or_default();
    if fields.len() != FIELDS.len() {
        return Err((None, field_count(fields.len(), text)));
    }
    let id = parse_id(field(0))?;
    let rest = [field(1), field(2), field(3), field(4), field(5), field(6)];
    parse_rest(Cow::Borrowed(id), rest)
}

/// Parses the fields after the id, each without the whitespace around it.
fn parse_rest<'a>(id: Cow<'a, str>, fields: [&[u8]; 6]) -> Result<Parsed<'a>, LineError> {
    let [date, donor, recipient, stage, amount, currency] = fields;
    let date = parse_date(date).ok_or_else(|| (Some(2), RecordErrorKind::Date(excerpt(date))))?;
    let donor = country(donor.trim_ascii()).ok_or_else(|| (Some(3), RecordErrorKind::Country(excerpt(donor))))?;
    let recipient =
        country(recipient.trim_ascii()).ok_or_else(|| (Some(4), RecordErrorKind::Country(excerpt(recipient))))?;
    let stage = funding_stage(stage.trim_ascii()).ok_or_else(|| (Some(5), RecordErrorKind::Stage(excerpt(stage))))?;
    let currency_code = if currency.trim_ascii().is_empty() {
        None
    } else {
        let code = self::currency(currency.trim_ascii());
        Some(code.ok_or_else(|| (Some(7), RecordErrorKind::Currency(excerpt(currency))))?)
    };
    let amount = if amount.trim_ascii().is_empty() {
        None
    } else {
        let value = parse_amount(amount).map_err(|kind| (Some(6), kind))?;
        let currency = currency_code.ok_or_else(|| (Some(7), RecordErrorKind::NoCurrency(excerpt(amount))))?;
        Some(Money::new(value, currency))
    };
    Ok(Parsed {
        id,
        row: Row {
            day: date.num_days_from_ce(),
            donor,
            recipient,
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
/// `None` means "not taken here": the caller reads the record the slow
/// way ([`read_record`]), which accepts the same lines (with the same
/// result) and explains the others. A line without a break in `data` is
/// never taken.
#[inline]
pub(crate) fn fast_line(data: &[u8]) -> Option<(Row, usize)> {
    // id: printable ASCII other than quote and comma.
    let mut comma = 0;
    loop {
        match ID_BYTES.get(usize::from(*data.get(comma)?)) {
            Some(0) => comma += 1,
            Some(1) => break,
            _ => return None,
        }
    }
    if comma == 0 {
        return None;
    }
    let rest = data.get(comma + 1..)?;
    let (date, rest) = rest.split_first_chunk::<10>()?;
    let day = iso_day(date)?;
    let [b',', d0, d1, b',', r0, r1, b',', rest @ ..] = rest else {
        return None;
    };
    let donor = country_code(*d0, *d1)?;
    let recipient = country_code(*r0, *r1)?;
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
        [a, b, c, rest @ ..] if a.is_ascii_uppercase() => (Some(currency_code(*a, *b, *c)?), rest),
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
        day,
        donor,
        recipient,
        stage,
        amount,
    };
    Some((row, len))
}

/// How the fast path takes each byte of an id: 0 within it (printable
/// ASCII), 1 its end (a comma), 2 not taken (a quote, a control
/// character, anything not ASCII).
// Built at compile time: an index out of bounds would fail the build.
#[allow(clippy::indexing_slicing)]
static ID_BYTES: [u8; 256] = {
    let mut table = [2u8; 256];
    let mut b = b' ';
    while b <= b'~' {
        table[b as usize] = 0;
        b += 1;
    }
    table[b',' as usize] = 1;
    table[b'"' as usize] = 2;
    table
};

/// The amount field and its comma, in one pass: `Some(None)` for an empty
/// field, `Some(Some(d))` for `-?[0-9]+(\.[0-9]+)?` of at most 19 digits,
/// `None` for anything else.
#[inline]
fn fast_amount(b: &[u8]) -> Option<(Option<Decimal>, &[u8])> {
    let negative = b.first() == Some(&b'-');
    let start = usize::from(negative);
    // Digits wrap past 19 of them, which the length check then refuses.
    let digits = |mut i: usize, mut m: u64| {
        while let Some(d) = b.get(i).map(|c| c.wrapping_sub(b'0')).filter(|d| *d < 10) {
            m = m.wrapping_mul(10).wrapping_add(u64::from(d));
            i += 1;
        }
        (i, m)
    };
    let (whole_end, mut mantissa) = digits(start, 0);
    let mut end = whole_end;
    if b.get(end) == Some(&b'.') {
        (end, mantissa) = digits(end + 1, mantissa);
        if end == whole_end + 1 {
            return None;
        }
    }
    if b.get(end) != Some(&b',') {
        return None;
    }
    let rest = b.get(end + 1..)?;
    let whole = whole_end - start;
    if whole == 0 {
        // An empty field (an undisclosed amount), or a sign or point alone.
        return (end == 0).then_some((None, rest));
    }
    let scale = end.saturating_sub(whole_end + 1);
    if whole + scale > 19 {
        return None;
    }
    let (lo, mid) = (mantissa as u32, (mantissa >> 32) as u32);
    let d = Decimal::from_parts(lo, mid, 0, negative && mantissa != 0, scale as u32);
    Some((Some(d), rest))
}

/// Quotes a field's bytes in an error.
fn excerpt(b: &[u8]) -> Excerpt {
    Excerpt::new(&String::from_utf8_lossy(b))
}

/// A plain decimal (`-1234.50`), read by the crate's one decimal grammar
/// ([`crate::grammar::decimal`]), which also names what is wrong.
pub(crate) fn parse_amount(b: &[u8]) -> Result<Decimal, RecordErrorKind> {
    let text = std::str::from_utf8(b).map_err(|_| not_utf8(b))?;
    plain(text).map_err(|kind| RecordErrorKind::Amount(Excerpt::new(text), kind))
}

/// A funding stage by its word (`committed`), any case.
pub(crate) fn funding_stage(b: &[u8]) -> Option<FundingStage> {
    FundingStage::iter().find(|s| s.as_str().as_bytes().eq_ignore_ascii_case(b))
}

/// An ISO 3166-1 alpha-2 code, any case.
#[inline]
pub(crate) fn country(b: &[u8]) -> Option<Country> {
    let &[a, b] = b else { return None };
    country_code(a, b)
}

/// The country of the code `ab`, any case.
#[inline(always)]
fn country_code(a: u8, b: u8) -> Option<Country> {
    static TABLE: OnceLock<Box<[Option<Country>; 26 * 26]>> = OnceLock::new();
    let index = letter(a)? * 26 + letter(b)?;
    let table = TABLE.get_or_init(|| code_table(Country::iter().map(|c| (c.alpha2(), c))));
    table.get(index).copied().flatten()
}

/// An ISO 4217 code, any case.
#[inline]
pub(crate) fn currency(b: &[u8]) -> Option<Currency> {
    let &[a, b, c] = b else { return None };
    currency_code(a, b, c)
}

/// The currency of the code `abc`, any case.
#[inline(always)]
fn currency_code(a: u8, b: u8, c: u8) -> Option<Currency> {
    static TABLE: OnceLock<Box<[Option<Currency>; 26 * 26 * 26]>> = OnceLock::new();
    let index = (letter(a)? * 26 + letter(b)?) * 26 + letter(c)?;
    let table = TABLE.get_or_init(|| code_table(Currency::iter().map(|c| (c.code(), c))));
    table.get(index).copied().flatten()
}

/// A table of the values of `codes` (of two or three letters), indexed by
/// the letters' places in the alphabet.
#[cold]
fn code_table<T: Copy, const N: usize>(codes: impl Iterator<Item = (&'static str, T)>) -> Box<[Option<T>; N]> {
    let mut table = Box::new([None; N]);
    for (code, value) in codes {
        let index = code.bytes().try_fold(0, |i, c| Some(i * 26 + letter(c)?));
        if let Some(slot) = index.and_then(|i| table.get_mut(i)) {
            *slot = Some(value);
        }
    }
    table
}

/// A letter's place in the alphabet, any case.
#[inline]
fn letter(c: u8) -> Option<usize> {
    let i = (c | 0x20).wrapping_sub(b'a');
    (i < 26).then_some(usize::from(i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::csv::{Split, Splitter};
    use proptest::prelude::*;

    /// The first record of `line` read the slow way.
    fn parse_line(line: &[u8]) -> Result<Row, LineError> {
        let mut splitter = Splitter::new();
        let Split::Record { text, bad, .. } = splitter.split(line, true) else {
            panic!("no record in {line:?}");
        };
        let raw = &line[text];
        let fields = match bad {
            None => Ok(splitter.fields()),
            Some(b) => Err((b.field, &raw[b.text])),
        };
        read_record(raw, fields).map(|p| p.row)
    }

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
                let mut splitter = Splitter::new();
                let split = splitter.split(&line, true);
                prop_assert!(matches!(split, Split::Record { end, .. } if end == len), "{:?}", split);
                let parsed = parse_line(&line);
                prop_assert!(parsed.is_ok(), "{:?}: {:?}", String::from_utf8_lossy(&line), parsed.err());
                prop_assert_eq!(parsed.ok(), Some(row));
            }
        }
    }

    #[test]
    fn fast_amounts_agree_with_the_grammar() {
        for s in [
            "0",
            "-0",
            "5",
            "4281638.70",
            "-12.5",
            "1234567890123456789",
            "9999999999999999999",
            "0.000000000000000001",
            "007.10",
            "-0.00",
        ] {
            let want = plain(s).unwrap();
            let field = format!("{s},USD");
            let (got, rest) = fast_amount(field.as_bytes()).unwrap();
            let got = got.unwrap();
            assert_eq!((got, got.scale(), rest), (want, want.scale(), &b"USD"[..]), "{s}");
            assert!(!got.is_sign_negative() || !got.is_zero(), "{s}");
        }
        assert_eq!(fast_amount(b",USD"), Some((None, &b"USD"[..])));
        // Left to the grammar, which reads some and refuses the rest.
        for s in [
            "-",
            ".5",
            "5.",
            "-.5",
            "1.2.3",
            "+5",
            " 5",
            "1e5",
            "--1",
            "5-",
            "12345678901234567890",
            "1234567890.1234567890",
            "99999999999999999999999",
        ] {
            assert_eq!(fast_amount(format!("{s},").as_bytes()), None, "{s}");
        }
        assert_eq!(fast_amount(b"5"), None, "no comma");
    }

    proptest! {
        /// Whatever the fast path takes, the grammar reads the same.
        #[test]
        fn fast_amounts_are_the_grammars(s in "-?[0-9]{0,12}(\\.[0-9]{0,12})?|[-+. 0-9e]{0,8}") {
            if let Some((Some(d), _)) = fast_amount(format!("{s},").as_bytes()) {
                let want = plain(&s).unwrap();
                prop_assert_eq!((d, d.scale()), (want, want.scale()));
            }
        }
    }

    #[test]
    fn rows_stay_small() {
        // A batch of them is written and read for every record of a file.
        assert!(std::mem::size_of::<Row>() <= 32, "{}", std::mem::size_of::<Row>());
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
        assert_eq!(p.amount, Some("USD 5".parse().unwrap()));
        let e = parse_line(br#""open,2021-06-07,US,GT,committed,5,USD"#).unwrap_err();
        assert_eq!(e.0, Some(1));
        let e = parse_line(br#"a"b,2021-06-07,US,GT,committed,5,USD"#).unwrap_err();
        assert_eq!(e.1.to_string(), "badly quoted field `a\"b`");
        let e = parse_line(br#""a"x,2021-06-07,US,GT,committed,5,USD"#).unwrap_err();
        assert_eq!(
            e.1.to_string(),
            "badly quoted field `\"a\"x,2021-06-07,US,GT,committed,5,USD`"
        );
        let e = parse_line(b"1,2021-06-07,US,GT,committed,5,\"USD\" \n").unwrap_err();
        assert_eq!(
            (e.0, e.1.to_string()),
            (Some(7), "badly quoted field `\"USD\" `".into())
        );
    }

    #[test]
    fn fields_other_than_the_id_are_read_without_surrounding_spaces() {
        let p = parse_line(b" a ,\t2021-06-07 , US, gt ,Committed , +5 , usd\n").unwrap();
        assert_eq!(p.date(), NaiveDate::from_ymd_opt(2021, 6, 7).unwrap());
        assert_eq!((p.donor, p.recipient), (Country::US, Country::GT));
        assert_eq!(p.amount, Some("USD 5".parse().unwrap()));
        let p = parse_line(b"a,2021-06-07,US,GT,committed,  ,  \n").unwrap();
        assert_eq!(p.amount, None);
        let e = parse_line(b"a,2021-06-07,US, ZZ,committed,5,USD\n").unwrap_err();
        assert_eq!((e.0, e.1.to_string()), (Some(4), "unknown country code ` ZZ`".into()));
    }

    #[test]
    fn a_quoted_id_may_span_lines() {
        let line = b"\"a\nb\",2021-06-07,US,GT,committed,5,USD\n";
        assert!(fast_line(line).is_none());
        let mut splitter = Splitter::new();
        let Split::Record { text, bad: None, .. } = splitter.split(line, true) else {
            panic!()
        };
        let p = read_record(&line[text], Ok(splitter.fields())).unwrap();
        assert_eq!(p.id, "a\nb");
    }
}
