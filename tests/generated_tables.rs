//! Regenerates the country and currency tables from `data/` and fails if
//! the checked-in files differ.
//!
//! Run `STATECRAFT_REGENERATE=1 cargo test --test generated_tables` to
//! rewrite them after changing a file in `data/`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "../src/geo/normalize.rs"]
#[allow(dead_code)]
mod normalize;

use normalize::fold_name;

const REGENERATE: &str = "STATECRAFT_REGENERATE";

/// ISO 4217 entities that are not countries (funds, bond units, metals).
const NOT_COUNTRIES: &[&str] = &[
    "ARAB MONETARY FUND",
    "EUROPEAN UNION",
    "INTERNATIONAL MONETARY FUND (IMF)",
    "MEMBER COUNTRIES OF THE AFRICAN DEVELOPMENT BANK GROUP",
    "SISTEMA UNITARIO DE COMPENSACION REGIONAL DE PAGOS \"SUCRE\"",
];

/// ISO 4217 entity names that do not fold to an ISO 3166-1 name.
const ENTITY_OVERRIDES: &[(&str, &str)] = &[
    ("HOLY SEE (THE)", "VA"),
    ("KOREA (THE DEMOCRATIC PEOPLE’S REPUBLIC OF)", "KP"),
    ("KOREA (THE REPUBLIC OF)", "KR"),
    ("MOLDOVA (THE REPUBLIC OF)", "MD"),
];

/// Entries that ISO 3166-1 does not carry.
const KOSOVO: &str = "XK";
const KOSOVO_NAME: &str = "Kosovo";
const KOSOVO_CURRENCY: &str = "EUR";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    let p = root().join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

struct Country {
    alpha2: String,
    alpha3: String,
    numeric: Option<u16>,
    name: String,
    official_name: Option<String>,
    common_name: Option<String>,
    flag: String,
    continent: String,
    subregion: String,
    currencies: Vec<String>,
    aliases: Vec<String>,
}

struct Currency {
    code: String,
    numeric: u16,
    name: String,
    minor_units: Option<u8>,
    fund: bool,
    valid_from: Option<String>,
    valid_until: Option<String>,
    replaced_by: Option<String>,
}

struct IsoEntry {
    entity: String,
    name: String,
    code: String,
    numeric: u16,
    minor_units: Option<u8>,
    fund: bool,
}

fn tag<'a>(block: &'a str, name: &str) -> Option<&'a str> {
    // `<Ccy>` must not match `<CcyNm>`: the name ends at `>` or a space.
    let open = format!("<{name}");
    let start = block
        .match_indices(&open)
        .map(|(i, _)| i)
        .find(|&i| matches!(block.as_bytes().get(i + open.len()), Some(b'>' | b' ')))?;
    let after = &block[start + open.len()..];
    let gt = after.find('>')?;
    let body = &after[gt + 1..];
    let end = body.find(&format!("</{name}>"))?;
    Some(body[..end].trim())
}

fn iso4217() -> Vec<IsoEntry> {
    let xml = read("data/iso4217-list-one.xml");
    let mut out = Vec::new();
    for block in xml.split("<CcyNtry>").skip(1) {
        let block = &block[..block.find("</CcyNtry>").expect("unterminated CcyNtry")];
        let entity = tag(block, "CtryNm").expect("CtryNm").replace('\u{a0}', " ");
        let Some(code) = tag(block, "Ccy") else {
            continue; // "No universal currency"
        };
        let numeric = tag(block, "CcyNbr").expect("CcyNbr").parse().expect("numeric code");
        let minor = tag(block, "CcyMnrUnts").expect("CcyMnrUnts");
        let minor_units = if minor == "N.A." {
            None
        } else {
            Some(minor.parse().expect("minor units"))
        };
        let fund = block.contains("IsFund=\"true\"");
        out.push(IsoEntry {
            entity: entity.trim().to_string(),
            name: tag(block, "CcyNm").expect("CcyNm").to_string(),
            code: code.to_string(),
            numeric,
            minor_units,
            fund,
        });
    }
    out
}

fn currencies(entries: &[IsoEntry]) -> BTreeMap<String, Currency> {
    let mut map: BTreeMap<String, Currency> = BTreeMap::new();
    for e in entries {
        let c = map.entry(e.code.clone()).or_insert_with(|| Currency {
            code: e.code.clone(),
            numeric: e.numeric,
            name: e.name.clone(),
            minor_units: e.minor_units,
            fund: e.fund,
            valid_from: None,
            valid_until: None,
            replaced_by: None,
        });
        assert_eq!(c.numeric, e.numeric, "{}: numeric codes disagree", e.code);
        assert_eq!(c.minor_units, e.minor_units, "{}: minor units disagree", e.code);
        assert_eq!(c.name, e.name, "{}: names disagree", e.code);
    }
    let history = read("data/currency-history.csv");
    let mut rdr = csv::Reader::from_reader(history.as_bytes());
    for row in rdr.records() {
        let row = row.expect("currency-history.csv row");
        let field = |i: usize| Some(row[i].trim()).filter(|s| !s.is_empty()).map(str::to_string);
        let code = row[0].to_string();
        let date = |i: usize| {
            field(i).inspect(|d| {
                assert!(is_date(d), "{code}: bad date `{d}` in data/currency-history.csv");
            })
        };
        match map.get_mut(&code) {
            Some(c) => {
                assert!(field(1).is_none(), "{code} is in ISO 4217 list one; give only dates");
                c.valid_from = date(4);
                c.valid_until = date(5);
                c.replaced_by = field(6);
            }
            None => {
                map.insert(
                    code.clone(),
                    Currency {
                        code: code.clone(),
                        numeric: field(1).expect("numeric").parse().expect("numeric"),
                        name: field(2).expect("name"),
                        minor_units: field(3).map(|m| m.parse().expect("minor units")),
                        fund: false,
                        valid_from: date(4),
                        valid_until: Some(date(5).expect("a retired currency needs valid_until")),
                        replaced_by: field(6),
                    },
                );
            }
        }
    }
    for c in map.values() {
        if let Some(r) = &c.replaced_by {
            assert!(map.contains_key(r), "{} replaced by unknown {r}", c.code);
        }
    }
    map
}

/// Whether `d` is a real calendar date written `YYYY-MM-DD`.
fn is_date(d: &str) -> bool {
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok_and(|p| p.format("%Y-%m-%d").to_string() == d)
}

#[test]
fn only_real_calendar_dates_pass() {
    assert!(is_date("2007-02-28"));
    assert!(is_date("2024-02-29"));
    for bad in [
        "2007-02-30",
        "2023-02-29",
        "2022-13-01",
        "2022-1-1",
        "2022-01-01x",
        "01/01/2022",
    ] {
        assert!(!is_date(bad), "{bad} was accepted");
    }
}

fn countries(entries: &[IsoEntry]) -> BTreeMap<String, Country> {
    let json: serde_json::Value = serde_json::from_str(&read("data/iso3166-1.json")).expect("iso3166-1.json");
    let list = json["3166-1"].as_array().expect("3166-1 array");
    assert_eq!(list.len(), 249, "ISO 3166-1 has 249 entries");
    let s = |v: &serde_json::Value, k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let mut map = BTreeMap::new();
    for v in list {
        let alpha2 = s(v, "alpha_2").expect("alpha_2");
        map.insert(
            alpha2.clone(),
            Country {
                alpha2,
                alpha3: s(v, "alpha_3").expect("alpha_3"),
                numeric: Some(s(v, "numeric").expect("numeric").parse().expect("numeric")),
                name: s(v, "name").expect("name"),
                official_name: s(v, "official_name"),
                common_name: s(v, "common_name"),
                flag: s(v, "flag").expect("flag"),
                continent: String::new(),
                subregion: String::new(),
                currencies: Vec::new(),
                aliases: Vec::new(),
            },
        );
    }
    // Regions; the M49 table also carries Kosovo.
    let m49 = read("data/un-m49-regions.csv");
    let mut rdr = csv::Reader::from_reader(m49.as_bytes());
    for row in rdr.records() {
        let row = row.expect("un-m49-regions.csv row");
        let alpha2 = row[0].to_string();
        if alpha2 == KOSOVO {
            map.insert(
                alpha2.clone(),
                Country {
                    alpha2: alpha2.clone(),
                    alpha3: row[1].to_string(),
                    numeric: None,
                    name: KOSOVO_NAME.to_string(),
                    official_name: None,
                    common_name: None,
                    flag: "\u{1F1FD}\u{1F1F0}".to_string(),
                    continent: String::new(),
                    subregion: String::new(),
                    currencies: vec![KOSOVO_CURRENCY.to_string()],
                    aliases: Vec::new(),
                },
            );
        }
        let c = map
            .get_mut(&alpha2)
            .unwrap_or_else(|| panic!("M49 row for unknown {alpha2}"));
        assert_eq!(c.alpha3, row[1], "{alpha2}: alpha-3 differs between ISO and M49");
        c.continent = row[2].to_string();
        c.subregion = row[3].to_string();
    }
    let mut continent_of: BTreeMap<&str, &str> = BTreeMap::new();
    for c in map.values() {
        assert!(!c.subregion.is_empty(), "{} has no M49 region", c.alpha2);
        // In M49 the continent is the region of the sub-region.
        let continent = *continent_of.entry(&c.subregion).or_insert(&c.continent);
        assert_eq!(
            continent, c.continent,
            "{}: sub-region {} is in {continent}, not {}",
            c.alpha2, c.subregion, c.continent
        );
    }
    // Everyday names.
    let aliases = read("data/country-aliases.csv");
    let mut rdr = csv::Reader::from_reader(aliases.as_bytes());
    for row in rdr.records() {
        let row = row.expect("country-aliases.csv row");
        let c = map
            .get_mut(&row[0])
            .unwrap_or_else(|| panic!("alias for unknown {}", &row[0]));
        if &row[2] == "yes" {
            c.common_name = Some(row[1].to_string());
        }
        c.aliases.push(row[1].to_string());
    }
    // Currencies, from the entities of ISO 4217 list one.
    let mut by_folded: BTreeMap<String, String> = BTreeMap::new();
    for c in map.values() {
        for n in [Some(&c.name), c.official_name.as_ref(), c.common_name.as_ref()]
            .into_iter()
            .flatten()
        {
            by_folded.insert(fold_name(n), c.alpha2.clone());
        }
    }
    for e in entries {
        if NOT_COUNTRIES.contains(&e.entity.as_str()) || e.entity.starts_with("ZZ") || e.fund {
            continue;
        }
        let alpha2 = match ENTITY_OVERRIDES.iter().find(|(n, _)| *n == e.entity) {
            Some((_, a)) => a.to_string(),
            None => by_folded
                .get(&fold_name(&e.entity.replace("(THE)", "")))
                .unwrap_or_else(|| panic!("ISO 4217 entity `{}` matches no country", e.entity))
                .clone(),
        };
        let c = map.get_mut(&alpha2).expect("country");
        if !c.currencies.contains(&e.code) {
            c.currencies.push(e.code.clone());
        }
    }
    map
}

fn variant(name: &str) -> String {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|f| f.to_ascii_uppercase().to_string() + &cs.as_str().to_ascii_lowercase())
                .unwrap_or_default()
        })
        .collect()
}

/// The M49 table says "America"; the UN's own name for the region is
/// "Americas", and so is the variant.
fn continent_variant(name: &str) -> String {
    match name {
        "America" => "Americas".to_string(),
        other => variant(other),
    }
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn opt_lit(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("Some({s:?})"),
        None => "None".to_string(),
    }
}

fn opt_date(d: &Option<String>) -> String {
    match d {
        Some(d) => {
            let p: Vec<u32> = d.split('-').map(|x| x.parse().expect("date")).collect();
            format!("Some(ymd({}, {}, {}))", p[0], p[1], p[2])
        }
        None => "None".to_string(),
    }
}

const HEADER: &str = "// @generated by `STATECRAFT_REGENERATE=1 cargo test --test generated_tables`\n";

fn country_table(countries: &BTreeMap<String, Country>) -> String {
    let mut o = String::new();
    o.push_str(HEADER);
    o.push_str("// from data/iso3166-1.json, data/un-m49-regions.csv, data/country-aliases.csv\n");
    o.push_str("// and data/iso4217-list-one.xml. Do not edit by hand.\n\n");
    o.push_str("use super::country::CountryRecord;\nuse super::region::{Continent, Subregion};\nuse crate::money::Currency;\n\n");
    writeln!(
        o,
        "/// A country or territory: one variant per ISO 3166-1 alpha-2 code ({} entries),",
        countries.len() - 1
    )
    .unwrap();
    o.push_str("/// plus `XK` (Kosovo, a user-assigned code used by IATI and the World Bank).\n");
    o.push_str("///\n/// `Display` and serde use the alpha-2 code; `FromStr` also reads alpha-3\n");
    o.push_str("/// and numeric codes, ISO names and everyday English names (see\n");
    o.push_str("/// [`Country::from_str`](#impl-FromStr-for-Country)).\n///\n");
    o.push_str("/// ```\n/// use statecraft::{Country, Subregion};\n///\n");
    o.push_str("/// let gt: Country = \"Guatemala\".parse()?;\n/// assert_eq!(gt, Country::GT);\n");
    o.push_str("/// assert_eq!(gt.alpha3(), \"GTM\");\n/// assert_eq!(gt.subregion(), Subregion::CentralAmerica);\n");
    o.push_str("/// # Ok::<(), Box<dyn std::error::Error>>(())\n/// ```\n");
    o.push_str(
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, strum::EnumCount)]\n",
    );
    o.push_str("#[non_exhaustive]\npub enum Country {\n");
    for c in countries.values() {
        let num = c.numeric.map(|n| format!(", {n:03}")).unwrap_or_default();
        writeln!(o, "    /// {} ({}{num})", c.name, c.alpha3).unwrap();
        writeln!(o, "    {},", c.alpha2).unwrap();
    }
    o.push_str("}\n\nimpl Country {\n");
    o.push_str("    /// The reference data of this country.\n");
    o.push_str("    pub(super) const fn record(self) -> &'static CountryRecord {\n        match self {\n");
    for c in countries.values() {
        let currencies: Vec<String> = c.currencies.iter().map(|x| format!("Currency::{x}")).collect();
        writeln!(
            o,
            "            Country::{} => &CountryRecord {{ alpha2: {}, alpha3: {}, numeric: {}, name: {}, official_name: {}, common_name: {}, flag: {}, continent: Continent::{}, subregion: Subregion::{}, currencies: &[{}] }},",
            c.alpha2,
            lit(&c.alpha2),
            lit(&c.alpha3),
            c.numeric.map(|n| format!("Some({n})")).unwrap_or_else(|| "None".into()),
            lit(&c.name),
            opt_lit(&c.official_name),
            opt_lit(&c.common_name),
            lit(&c.flag),
            continent_variant(&c.continent),
            variant(&c.subregion),
            currencies.join(", ")
        )
        .unwrap();
    }
    o.push_str("        }\n    }\n\n");
    o.push_str("    /// The country with this alpha-2 code, in upper case.\n");
    o.push_str(
        "    pub(super) const fn from_alpha2_upper(code: [u8; 2]) -> Option<Country> {\n        match &code {\n",
    );
    for c in countries.values() {
        writeln!(o, "            b\"{}\" => Some(Country::{}),", c.alpha2, c.alpha2).unwrap();
    }
    o.push_str("            _ => None,\n        }\n    }\n\n");
    o.push_str("    /// The country with this alpha-3 code, in upper case.\n");
    o.push_str(
        "    pub(super) const fn from_alpha3_upper(code: [u8; 3]) -> Option<Country> {\n        match &code {\n",
    );
    for c in countries.values() {
        writeln!(o, "            b\"{}\" => Some(Country::{}),", c.alpha3, c.alpha2).unwrap();
    }
    o.push_str("            _ => None,\n        }\n    }\n\n");
    o.push_str("    /// The country with this ISO numeric code.\n");
    o.push_str("    pub(super) const fn from_numeric_code(code: u16) -> Option<Country> {\n        match code {\n");
    let mut by_num: Vec<(u16, &str)> = countries
        .values()
        .filter_map(|c| c.numeric.map(|n| (n, c.alpha2.as_str())))
        .collect();
    by_num.sort();
    for (n, a) in by_num {
        writeln!(o, "            {n} => Some(Country::{a}),").unwrap();
    }
    o.push_str("            _ => None,\n        }\n    }\n}\n\n");
    // Name index.
    let mut index: BTreeMap<String, String> = BTreeMap::new();
    for c in countries.values() {
        let names = [Some(&c.name), c.official_name.as_ref(), c.common_name.as_ref()];
        for n in names.into_iter().flatten().chain(c.aliases.iter()) {
            let key = fold_name(n);
            assert!(!key.is_empty(), "{}: name `{n}` folds to nothing", c.alpha2);
            if let Some(prev) = index.insert(key.clone(), c.alpha2.clone()) {
                assert_eq!(prev, c.alpha2, "name key `{key}` is claimed by {prev} and {}", c.alpha2);
            }
        }
    }
    o.push_str("/// Folded names (see `normalize::fold_name`), sorted for binary search.\n");
    writeln!(
        o,
        "pub(super) static NAME_INDEX: [(&str, Country); {}] = [",
        index.len()
    )
    .unwrap();
    for (k, a) in &index {
        writeln!(o, "    ({}, Country::{a}),", lit(k)).unwrap();
    }
    o.push_str("];\n");
    o
}

fn currency_table(currencies: &BTreeMap<String, Currency>) -> String {
    let mut o = String::new();
    o.push_str(HEADER);
    o.push_str("// from data/iso4217-list-one.xml, data/currency-history.csv and\n");
    o.push_str("// data/currency-symbols.csv. Do not edit by hand.\n\n");
    o.push_str("use super::currency::{CurrencyRecord, SymbolUse};\nuse chrono::NaiveDate;\n\n");
    let retired = currencies.values().filter(|c| c.valid_until.is_some()).count();
    writeln!(
        o,
        "/// A currency: one variant per code of ISO 4217 list one ({} codes), plus the",
        currencies.len() - retired
    )
    .unwrap();
    writeln!(
        o,
        "/// {retired} retired currencies that the ECB reference rates quote."
    )
    .unwrap();
    o.push_str("///\n/// `Display`, `FromStr` and serde use the three-letter code.\n///\n");
    o.push_str("/// ```\n/// use statecraft::Currency;\n///\n/// let gbp: Currency = \"gbp\".parse()?;\n");
    o.push_str("/// assert_eq!(gbp, Currency::GBP);\n/// assert_eq!(gbp.numeric(), 826);\n/// assert_eq!(gbp.minor_units(), Some(2));\n");
    o.push_str("/// assert_eq!(gbp.to_string(), \"GBP\");\n/// # Ok::<(), Box<dyn std::error::Error>>(())\n/// ```\n");
    o.push_str(
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, strum::EnumCount)]\n",
    );
    o.push_str("#[non_exhaustive]\npub enum Currency {\n");
    for c in currencies.values() {
        let note = match &c.valid_until {
            Some(d) => format!(", legal tender until {d}"),
            None => String::new(),
        };
        writeln!(o, "    /// {} ({:03}{note})", c.name, c.numeric).unwrap();
        writeln!(o, "    {},", c.code).unwrap();
    }
    o.push_str("}\n\nimpl Currency {\n");
    o.push_str("    /// The reference data of this currency.\n");
    o.push_str("    pub(super) const fn record(self) -> &'static CurrencyRecord {\n        match self {\n");
    for c in currencies.values() {
        writeln!(
            o,
            // A `const` item, because a record holding a `const fn` call
            // (a date) is not promoted to `'static` on its own.
            "            Currency::{} => {{ const R: CurrencyRecord = CurrencyRecord {{ code: {}, numeric: {}, name: {}, minor_units: {}, fund: {}, valid_from: {}, valid_until: {}, replaced_by: {} }}; &R }}",
            c.code,
            lit(&c.code),
            c.numeric,
            lit(&c.name),
            c.minor_units.map(|m| format!("Some({m})")).unwrap_or_else(|| "None".into()),
            c.fund,
            opt_date(&c.valid_from),
            opt_date(&c.valid_until),
            c.replaced_by.as_ref().map(|r| format!("Some(Currency::{r})")).unwrap_or_else(|| "None".into()),
        )
        .unwrap();
    }
    o.push_str("        }\n    }\n\n");
    o.push_str("    /// The currency with this code, in upper case.\n");
    o.push_str("    pub(super) const fn from_code_upper(code: [u8; 3]) -> Option<Currency> {\n        match &code {\n");
    for c in currencies.values() {
        writeln!(o, "            b\"{}\" => Some(Currency::{}),", c.code, c.code).unwrap();
    }
    o.push_str("            _ => None,\n        }\n    }\n\n");
    o.push_str("    /// The currency with this ISO numeric code.\n");
    o.push_str("    pub(super) const fn from_numeric_code(code: u16) -> Option<Currency> {\n        match code {\n");
    let mut by_num: Vec<(u16, &str)> = currencies.values().map(|c| (c.numeric, c.code.as_str())).collect();
    by_num.sort();
    let nums: BTreeSet<u16> = by_num.iter().map(|(n, _)| *n).collect();
    assert_eq!(nums.len(), by_num.len(), "numeric currency codes are not unique");
    for (n, a) in by_num {
        writeln!(o, "            {n} => Some(Currency::{a}),").unwrap();
    }
    o.push_str("            _ => None,\n        }\n    }\n}\n\n");
    // Symbols, longest first so that `US$` is tried before `$`.
    let symbols = read("data/currency-symbols.csv");
    let mut rdr = csv::Reader::from_reader(symbols.as_bytes());
    let mut rows: Vec<(String, String, String)> = Vec::new();
    for row in rdr.records() {
        let row = row.expect("currency-symbols.csv row");
        assert!(currencies.contains_key(&row[1]), "symbol for unknown {}", &row[1]);
        let use_ = match &row[2] {
            "display" => "Display",
            "symbol" => "Symbol",
            "parse" => "Parse",
            other => panic!("unknown symbol use {other}"),
        };
        rows.push((row[0].to_string(), row[1].to_string(), use_.to_string()));
    }
    let mut seen = BTreeSet::new();
    for (s, code, use_) in &rows {
        assert!(seen.insert(s.clone()), "symbol {s} listed twice");
        if use_ != "Parse" {
            let n = rows.iter().filter(|(_, c, u)| c == code && u != "Parse").count();
            assert_eq!(n, 1, "{code} has {n} primary symbols");
        }
    }
    rows.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    o.push_str("/// Currency symbols, longest first.\n");
    writeln!(
        o,
        "pub(super) static SYMBOLS: [(&str, Currency, SymbolUse); {}] = [",
        rows.len()
    )
    .unwrap();
    for (s, c, u) in &rows {
        writeln!(o, "    ({}, Currency::{c}, SymbolUse::{u}),", lit(s)).unwrap();
    }
    o.push_str("];\n\n");
    o.push_str("const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {\n");
    o.push_str("    // Every date above was checked when this file was generated.\n");
    o.push_str("    match NaiveDate::from_ymd_opt(year, month, day) {\n        Some(d) => d,\n        None => NaiveDate::MIN,\n    }\n}\n");
    o
}

fn check(path: &str, generated: String) {
    let full: PathBuf = root().join(path);
    let current = std::fs::read_to_string(&full).unwrap_or_default();
    if current == generated {
        return;
    }
    if std::env::var_os(REGENERATE).is_some() {
        std::fs::write(&full, generated).unwrap_or_else(|e| panic!("cannot write {}: {e}", full.display()));
        return;
    }
    panic!("{path} is out of date with data/: run `{REGENERATE}=1 cargo test --test generated_tables` and commit the result");
}

fn rustfmt(path: &Path, code: String) -> String {
    // The tables are checked in formatted as rustfmt would format them, so
    // that `cargo fmt --check` and this test agree.
    let tmp = std::env::temp_dir().join(format!(
        "statecraft-gen-{}-{}",
        std::process::id(),
        path.file_name().and_then(|f| f.to_str()).unwrap_or("table.rs")
    ));
    std::fs::write(&tmp, &code).expect("write temp file");
    let status = std::process::Command::new("rustfmt")
        .args(["--edition", "2021", "--config-path"])
        .arg(root().join("rustfmt.toml"))
        .arg(&tmp)
        .status()
        .expect("rustfmt is installed with the toolchain");
    assert!(status.success(), "rustfmt failed on generated {}", path.display());
    let out = std::fs::read_to_string(&tmp).expect("read temp file");
    let _ = std::fs::remove_file(&tmp);
    out
}

#[test]
fn generated_tables_match_data() {
    let entries = iso4217();
    let currencies = currencies(&entries);
    let countries = countries(&entries);
    for c in countries.values() {
        for x in &c.currencies {
            assert!(currencies.contains_key(x), "{} uses unknown currency {x}", c.alpha2);
        }
    }
    for (path, code) in [
        ("src/geo/country_table.rs", country_table(&countries)),
        ("src/money/currency_table.rs", currency_table(&currencies)),
    ] {
        let formatted = rustfmt(Path::new(path), code);
        check(path, formatted);
    }
}
