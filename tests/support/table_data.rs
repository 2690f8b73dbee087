//! Reading `data/` for the generators of checked-in tables
//! (`tests/money/generated_tables.rs`, `tests/money/generated_actors.rs`), and writing
//! the Rust literals they generate.
//!
//! Include with `#[path = "support/table_data.rs"] mod table_data;`.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};

/// The crate's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The file at `path` (from the crate root), as text.
pub fn read(path: &str) -> String {
    let p = root().join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// A real calendar date written `YYYY-MM-DD`; anything else stops the
/// generator.
pub fn date(d: &str) -> NaiveDate {
    NaiveDate::parse_from_str(d, "%Y-%m-%d")
        .ok()
        .filter(|p| p.format("%Y-%m-%d").to_string() == d)
        .unwrap_or_else(|| panic!("bad date `{d}`"))
}

/// The rows of the CSV file at `path`, each a map from header to trimmed
/// value.
pub fn csv_rows(path: &str) -> Vec<BTreeMap<String, String>> {
    let text = read(path);
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers().expect("header").clone();
    rdr.records()
        .map(|row| {
            let row = row.unwrap_or_else(|e| panic!("{path}: {e}"));
            headers
                .iter()
                .zip(row.iter())
                .map(|(h, v)| (h.to_string(), v.trim().to_string()))
                .collect()
        })
        .collect()
}

/// The value of `name` in `row`, unless empty.
pub fn field<'a>(row: &'a BTreeMap<String, String>, name: &str) -> Option<&'a str> {
    row.get(name).map(String::as_str).filter(|s| !s.is_empty())
}

/// The text of the first `<name>` element of `block` (not matching a
/// longer name such as `<names>`).
pub fn element<'a>(block: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let start = block
        .match_indices(&open)
        .map(|(i, _)| i)
        .find(|&i| matches!(block.as_bytes().get(i + open.len()), Some(b'>' | b' ')))?;
    let after = &block[start + open.len()..];
    let gt = after.find('>')?;
    let body = &after[gt + 1..];
    let end = body.find(&format!("</{name}>"))?;
    Some(&body[..end])
}

/// A string literal.
pub fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// A call of the generated tables' `ymd`.
pub fn ymd(d: NaiveDate) -> String {
    format!("ymd({}, {}, {})", d.year(), d.month(), d.day())
}

/// `Some(ymd(...))` or `None`.
pub fn opt_date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "None".to_string(), |d| format!("Some({})", ymd(d)))
}

/// The `ymd` function every table with dates ends with.
pub const YMD: &str = "const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    // Every date above was checked when this file was generated.
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(d) => d,
        None => NaiveDate::MIN,
    }
}
";
