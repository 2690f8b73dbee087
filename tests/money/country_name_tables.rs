//! Regenerates the country-name table (`src/geo/name_table.rs`) from the
//! published lists in `data/` and fails if the checked-in file differs.
//!
//! Run `STATECRAFT_REGENERATE=1 cargo test --test money country_name_tables` to
//! rewrite it after changing a file in `data/`.
//!
//! Every name is filed under the key `normalize::name_key` gives it, and
//! every key names one country, a set of candidates (an ambiguous name,
//! listed in `data/country-ambiguous.csv`) or a former name. Where two
//! lists file one key under two countries, the generator stops, unless
//! only names in other languages disagree: then the key is ambiguous.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::PathBuf;

use crate::countries;
use crate::normalize;
use crate::regenerate;

use normalize::{for_each_word, name_key};

const TABLE: &str = "src/geo/name_table.rs";

/// The CLDR locales whose territory names are read as exonyms, with the
/// `Language` variant each becomes: the other five official languages of
/// the UN and the four most-spoken other languages of the EU press.
const EXONYM_LOCALES: [(&str, &str); 9] = [
    ("ar", "Arabic"),
    ("de", "German"),
    ("es", "Spanish"),
    ("fr", "French"),
    ("it", "Italian"),
    ("nl", "Dutch"),
    ("pt", "Portuguese"),
    ("ru", "Russian"),
    ("zh", "Chinese"),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    let p = root().join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

fn csv_rows(path: &str) -> Vec<csv::StringRecord> {
    let text = read(path);
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("{path}: {e}")))
        .collect()
}

/// How a name is listed. When several lists file a key under one country,
/// the first of: a former name, an ISO, UN, World Bank or CLDR name, an
/// acronym, an everyday name, an exonym, says how it was read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Claim {
    Former(Former),
    Listed(&'static str),
    Acronym(String),
    Exonym(&'static str),
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Former {
    successors: Vec<String>,
    changed: String,
    source: String,
}

/// The rank of a name list: ISO first, then the UN, the World Bank, CLDR,
/// and the names written for this crate.
const LISTS: [&str; 6] = ["Iso3166", "Iso3166Official", "UnM49", "WorldBank", "Cldr", "Everyday"];

struct Entry {
    /// The name as its list writes it.
    name: String,
    country: String,
    claim: Claim,
}

#[derive(Default)]
struct Names {
    countries: BTreeSet<String>,
    by_key: BTreeMap<String, Vec<Entry>>,
}

impl Names {
    fn add(&mut self, name: &str, country: &str, claim: Claim) {
        let name = name.trim();
        assert!(
            self.countries.contains(country) || matches!(claim, Claim::Former(_)),
            "`{name}` is filed under unknown country {country}"
        );
        let key = name_key(name);
        assert!(!key.is_empty(), "{country}: `{name}` has an empty key");
        self.by_key.entry(key).or_default().push(Entry {
            name: name.to_string(),
            country: country.to_string(),
            claim,
        });
    }
}

/// The ISO 3166-1 short and official names of each country
/// (`support/countries.rs`); the alpha-2 and alpha-3 codes.
fn iso3166(names: &mut Names) -> BTreeSet<String> {
    let iso = countries::iso_countries();
    names.countries.extend(iso.keys().cloned());
    names.countries.insert(countries::KOSOVO.to_string());
    let mut codes = BTreeSet::from([countries::KOSOVO.to_string(), countries::KOSOVO_ALPHA3.to_string()]);
    for c in iso.values() {
        codes.extend([c.alpha2.clone(), c.alpha3.clone()]);
        names.add(&c.name, &c.alpha2, Claim::Listed("Iso3166"));
        if let Some(o) = &c.official_name {
            names.add(o, &c.alpha2, Claim::Listed("Iso3166Official"));
        }
    }
    codes
}

fn m49(names: &mut Names) {
    let text = read("data/m49.csv");
    let text = text.trim_start_matches('\u{feff}');
    let mut rdr = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
    let headers = rdr.headers().expect("m49 header").clone();
    let col = |h: &str| {
        headers
            .iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("m49.csv has no {h}"))
    };
    let (name, alpha2) = (col("Country or Area"), col("ISO-alpha2 Code"));
    for row in rdr.records() {
        let row = row.expect("m49.csv row");
        names.add(&row[name], &row[alpha2], Claim::Listed("UnM49"));
    }
}

fn world_bank(names: &mut Names) {
    let text = read("data/WDICountry.csv");
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers().expect("WDI header").clone();
    let col = |h: &str| {
        headers
            .iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("WDICountry.csv has no {h}"))
    };
    let (region, alpha2) = (col("Region"), col("2-alpha code"));
    let fields = [col("Short Name"), col("Table Name"), col("Long Name")];
    for row in rdr.records() {
        let row = row.expect("WDICountry.csv row");
        // Aggregates have no region; the Channel Islands (JG) are no
        // ISO 3166-1 entry.
        if row[region].is_empty() || !names.countries.contains(&row[alpha2]) {
            continue;
        }
        for f in fields {
            names.add(&row[f], &row[alpha2], Claim::Listed("WorldBank"));
        }
    }
}

/// CLDR territory names of a locale, for the countries of the table
/// (CLDR also names regions, EU, UN, and pseudo-locales).
fn cldr(locale: &str, countries: &BTreeSet<String>) -> Vec<(String, String)> {
    let json: serde_json::Value = serde_json::from_str(&read(&format!("data/cldr/main/{locale}/territories.json")))
        .unwrap_or_else(|e| panic!("{locale}/territories.json: {e}"));
    let t = json["main"][locale]["localeDisplayNames"]["territories"]
        .as_object()
        .unwrap_or_else(|| panic!("{locale}: no territories"));
    let mut out = Vec::new();
    for (k, v) in t {
        let code = k.split_once("-alt-").map_or(k.as_str(), |(c, _)| c);
        if countries.contains(code) {
            out.push((code.to_string(), v.as_str().expect("name").to_string()));
        }
    }
    out
}

/// CLDR's names in the other languages, except its abbreviations (`EUA`,
/// `VK`, `R.-U.`: in English text they are other words) and the names listed in
/// `data/country-exonym-exclusions.csv` (`Norfolk`, the Dutch name of
/// Norfolk Island, is an English county).
fn exonyms(names: &mut Names) {
    let mut excluded: BTreeSet<(String, String, String)> = csv_rows("data/country-exonym-exclusions.csv")
        .iter()
        .map(|row| {
            assert!(
                !row[3].trim().is_empty(),
                "exonym exclusion `{}` gives no reason",
                &row[0]
            );
            (row[0].to_string(), row[1].to_string(), row[2].to_string())
        })
        .collect();
    for (locale, language) in EXONYM_LOCALES {
        for (code, name) in cldr(locale, &names.countries) {
            let abbreviation = name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_ascii_uppercase());
            if !abbreviation && !excluded.remove(&(name.clone(), code.clone(), locale.to_string())) {
                names.add(&name, &code, Claim::Exonym(language));
            }
        }
    }
    assert!(
        excluded.is_empty(),
        "exonym exclusions that CLDR does not have: {excluded:?}"
    );
}

fn everyday(names: &mut Names) {
    for row in csv_rows("data/country-aliases.csv") {
        names.add(&row[1], &row[0], Claim::Listed("Everyday"));
    }
    for row in csv_rows("data/country-names.csv") {
        assert!(
            !row[2].trim().is_empty(),
            "data/country-names.csv: `{}` cites no source",
            &row[0]
        );
        names.add(&row[0], &row[1], Claim::Listed("Everyday"));
    }
}

/// The alpha-2 codes CLDR aliases to countries that are no ISO 3166-3
/// entry: `UK` is exceptionally reserved for the United Kingdom and was
/// never assigned, so never withdrawn.
const NOT_WITHDRAWN: [&str; 1] = ["UK"];

/// CLDR's territory aliases of withdrawn alpha-2 codes
/// (`data/cldr/supplemental/aliases.json`): `ZR` → CD, `CS` → ME RS, `SU` →
/// the fifteen successors of the USSR; codes of regions (`QU` → EU) and of
/// no country are left out.
fn cldr_territory_aliases(countries: &BTreeSet<String>) -> BTreeMap<String, Vec<String>> {
    let json: serde_json::Value =
        serde_json::from_str(&read("data/cldr/supplemental/aliases.json")).expect("aliases.json");
    let mut out = BTreeMap::new();
    for (code, v) in json["supplemental"]["metadata"]["alias"]["territoryAlias"]
        .as_object()
        .expect("territoryAlias")
    {
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) || NOT_WITHDRAWN.contains(&code.as_str()) {
            continue;
        }
        let mut successors: Vec<String> = v["_replacement"]
            .as_str()
            .expect("_replacement")
            .split_whitespace()
            .map(str::to_string)
            .collect();
        if successors.iter().all(|s| countries.contains(s)) && !countries.contains(code) {
            successors.sort();
            out.insert(code.clone(), successors);
        }
    }
    out
}

/// Former names. Those citing an ISO 3166-3 code (`ISO 3166-3 ZRCD`: the
/// alpha-2 code ZR, withdrawn, and CD, its successor; the rows give ISO's
/// withdrawal date) are checked: every row citing a code gives the same
/// date and successors; the successor is the one the last two letters of
/// the code name (`BYAA`: the alpha-2 code kept), unless ISO split the
/// entry (`HH`) or its successor is itself withdrawn; and where CLDR
/// aliases the withdrawn alpha-2 code, the successors are CLDR's (ISO
/// reused `CS`: CLDR's alias is of the code withdrawn last, CSXX, Serbia
/// and Montenegro, not CSHH, Czechoslovakia). Every CLDR alias of a
/// withdrawn code is cited.
fn former(names: &mut Names) {
    let aliases = cldr_territory_aliases(&names.countries);
    // Code → (date, successors) as the rows citing it give them.
    let mut cited: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for row in csv_rows("data/country-former-names.csv") {
        let (name, changed, source) = (&row[0], &row[2], &row[3]);
        let successors: Vec<String> = row[1].split_whitespace().map(str::to_string).collect();
        assert!(!successors.is_empty(), "former name `{name}` has no successor");
        assert!(
            successors.windows(2).all(|w| w[0] < w[1]),
            "former name `{name}`: list successors in order"
        );
        for s in &successors {
            assert!(
                names.countries.contains(s),
                "former name `{name}`: unknown successor {s}"
            );
        }
        assert!(is_change_date(changed), "former name `{name}`: bad date `{changed}`");
        assert!(!source.trim().is_empty(), "former name `{name}` cites no source");
        if let Some(code) = source.strip_prefix("ISO 3166-3 ") {
            assert!(
                code.len() == 4 && code.bytes().all(|b| b.is_ascii_uppercase()),
                "`{name}` cites `{code}`, no ISO 3166-3 code"
            );
            let (alpha2, tail) = code.split_at(2);
            let expected = if tail == "AA" { alpha2 } else { tail };
            if names.countries.contains(expected) {
                assert_eq!(
                    successors,
                    [expected],
                    "`{name}`: ISO 3166-3 {code} names {expected} as successor"
                );
            } else {
                assert!(successors.len() > 1, "`{name}`: {code} was split; list its successors");
            }
            let entry = (changed.to_string(), successors.clone());
            let first = cited.entry(code.to_string()).or_insert_with(|| entry.clone());
            assert_eq!(*first, entry, "`{name}` and another name of {code} disagree");
        }
        let claim = Claim::Former(Former {
            successors: successors.clone(),
            changed: changed.to_string(),
            source: source.to_string(),
        });
        names.add(name, &successors[0], claim);
    }
    for (alpha2, successors) in &aliases {
        let last = cited
            .iter()
            .filter(|(code, _)| code.starts_with(alpha2.as_str()))
            .max_by_key(|(_, (date, _))| date.as_str())
            .unwrap_or_else(|| panic!("CLDR aliases {alpha2} to {successors:?}: no former name cites it"));
        assert_eq!(
            &last.1 .1, successors,
            "ISO 3166-3 {}: CLDR aliases {alpha2} to {successors:?}",
            last.0
        );
    }
}

/// A change date: `YYYY` or a real `YYYY-MM-DD`.
fn is_change_date(d: &str) -> bool {
    (d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit()))
        || chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok_and(|p| p.format("%Y-%m-%d").to_string() == d)
}

/// Acronyms; one that is also an ISO 3166-1 code would never be read as an
/// acronym, codes coming first.
fn acronyms(names: &mut Names, codes: &BTreeSet<String>) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for row in csv_rows("data/country-acronyms.csv") {
        let (acronym, alpha2, expansion) = (&row[0], &row[1], &row[2]);
        assert!(!row[3].trim().is_empty(), "acronym {acronym} cites no source");
        assert!(
            !codes.contains(&acronym.to_uppercase()),
            "acronym {acronym} is an ISO 3166-1 code"
        );
        out.push((acronym.to_string(), alpha2.to_string(), expansion.to_string()));
        names.add(acronym, alpha2, Claim::Acronym(expansion.to_string()));
    }
    out
}

fn ambiguous() -> BTreeMap<String, (String, Vec<String>)> {
    csv_rows("data/country-ambiguous.csv")
        .iter()
        .map(|row| {
            assert!(
                !row[2].trim().is_empty(),
                "ambiguous name `{}` cites no source",
                &row[0]
            );
            let candidates: Vec<String> = row[1].split_whitespace().map(str::to_string).collect();
            assert!(
                candidates.len() > 1,
                "ambiguous name `{}` needs two candidates",
                &row[0]
            );
            (name_key(&row[0]), (row[0].to_string(), candidates))
        })
        .collect()
}

/// Abbreviated words and other spellings of a word, with the keys of what
/// they may be read as.
fn words() -> Vec<(String, Vec<String>, &'static str)> {
    let mut out: Vec<(String, Vec<String>, &'static str)> = csv_rows("data/country-words.csv")
        .iter()
        .map(|row| {
            assert!(!row[3].trim().is_empty(), "word `{}` cites no source", &row[0]);
            let mut words = Vec::new();
            for_each_word(&row[0], |w| words.push(w.to_string()));
            assert_eq!(words.len(), 1, "`{}` is not one word", &row[0]);
            let reads_as = row[1].split('|').map(name_key).collect();
            let kind = match &row[2] {
                "abbreviation" => "Abbreviation",
                "spelling" => "Spelling",
                other => panic!("word `{}`: unknown kind `{other}`", &row[0]),
            };
            (words.remove(0), reads_as, kind)
        })
        .collect();
    out.sort();
    for w in out.windows(2) {
        assert_ne!(w[0].0, w[1].0, "word `{}` listed twice", w[0].0);
    }
    out
}

fn sovereignty(countries: &BTreeSet<String>) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for row in csv_rows("data/country-sovereignty.csv") {
        assert!(countries.contains(&row[0]) && countries.contains(&row[1]), "{:?}", row);
        assert!(!row[2].trim().is_empty(), "{}: sovereignty cites no source", &row[0]);
        assert!(
            out.insert(row[0].to_string(), row[1].to_string()).is_none(),
            "{} listed twice",
            &row[0]
        );
    }
    out
}

/// One key of the table, decided.
enum Decided {
    One {
        name: String,
        country: String,
        claim: Claim,
    },
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
}

fn decide(
    by_key: BTreeMap<String, Vec<Entry>>,
    ambiguous: &BTreeMap<String, (String, Vec<String>)>,
) -> (BTreeMap<String, Decided>, Vec<String>) {
    let rank = |c: &Claim| match c {
        Claim::Former(_) => 0,
        Claim::Listed("Everyday") => 2 + LISTS.len(),
        Claim::Listed(l) => 1 + LISTS.iter().position(|x| x == l).expect("list"),
        Claim::Acronym(_) => 1 + LISTS.len(),
        Claim::Exonym(_) => 3 + LISTS.len(),
    };
    let mut out = BTreeMap::new();
    let mut clashes = Vec::new();
    for (key, (name, candidates)) in ambiguous {
        let d = Decided::Ambiguous {
            name: name.clone(),
            candidates: candidates.clone(),
        };
        out.insert(key.clone(), d);
    }
    for (key, mut entries) in by_key {
        if let Some((name, candidates)) = ambiguous.get(&key) {
            for e in &entries {
                let ok = candidates.contains(&e.country)
                    || matches!(&e.claim, Claim::Former(f) if f.successors.iter().all(|s| candidates.contains(s)));
                assert!(
                    ok,
                    "`{}` ({}) is not among the candidates of ambiguous `{name}`",
                    e.name, e.country
                );
            }
            continue;
        }
        entries.sort_by_key(|e| rank(&e.claim));
        let countries: BTreeSet<&str> = entries.iter().map(|e| e.country.as_str()).collect();
        if countries.len() > 1 {
            let english: BTreeSet<&str> = entries
                .iter()
                .filter(|e| !matches!(e.claim, Claim::Exonym(_)))
                .map(|e| e.country.as_str())
                .collect();
            match english.len() {
                // English lists agree: a foreign name that says otherwise
                // is left out.
                1 => {
                    let keep = english.into_iter().next().unwrap_or_default().to_string();
                    clashes.push(format!("{key}: {countries:?}, kept {keep}"));
                    entries.retain(|e| e.country == keep);
                }
                0 => {
                    clashes.push(format!("{key}: {countries:?}, ambiguous"));
                    let candidates = countries.iter().map(|c| c.to_string()).collect();
                    out.insert(key, Decided::Ambiguous { name: entries[0].name.clone(), candidates });
                    continue;
                }
                _ => panic!(
                    "name key `{key}` is filed under {english:?}: {:?}; list it in data/country-ambiguous.csv or fix the data",
                    entries.iter().map(|e| (&e.name, &e.country)).collect::<Vec<_>>()
                ),
            }
        }
        let best = entries.swap_remove(0);
        if let Claim::Former(_) = best.claim {
            // A former name must not be a current name of a list.
            let current: Vec<&Entry> = entries
                .iter()
                .filter(|e| matches!(e.claim, Claim::Listed(l) if l.starts_with("Iso3166")))
                .collect();
            assert!(
                current.is_empty(),
                "former name `{}` is a current ISO 3166 name",
                best.name
            );
        }
        out.insert(
            key,
            Decided::One {
                name: best.name,
                country: best.country,
                claim: best.claim,
            },
        );
    }
    (out, clashes)
}

/// The acronym's expansion must name its country.
fn check_acronyms(acronyms: &[(String, String, String)], table: &BTreeMap<String, Decided>) {
    for (acronym, alpha2, expansion) in acronyms {
        match table.get(&name_key(expansion)) {
            Some(Decided::One { country, .. }) => {
                assert_eq!(country, alpha2, "acronym {acronym}: `{expansion}` is {country}")
            }
            _ => panic!("acronym {acronym}: `{expansion}` names no country"),
        }
    }
}

/// Each candidate of an ambiguous name carries it in one of its names.
fn check_ambiguous(ambiguous: &BTreeMap<String, (String, Vec<String>)>, table: &BTreeMap<String, Decided>) {
    for (key, (name, candidates)) in ambiguous {
        for c in candidates {
            let carries = table.iter().any(|(k, d)| {
                k != key && k.contains(key.as_str()) && matches!(d, Decided::One { country, .. } if country == c)
            });
            assert!(carries, "ambiguous `{name}`: no name of {c} contains it");
        }
    }
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn change_date(d: &str) -> String {
    if d.len() == 4 {
        return format!("ChangeDate::Year({d})");
    }
    let p: Vec<u32> = d.split('-').map(|x| x.parse().expect("date")).collect();
    format!("ChangeDate::Day(ymd({}, {}, {}))", p[0], p[1], p[2])
}

fn countries_lit(cs: &[String]) -> String {
    let list: Vec<String> = cs.iter().map(|c| format!("Country::{c}")).collect();
    format!("&[{}]", list.join(", "))
}

fn render(
    table: &BTreeMap<String, Decided>,
    words: &[(String, Vec<String>, &'static str)],
    sovereign: &BTreeMap<String, String>,
) -> String {
    let mut o = String::new();
    o.push_str("// @generated by `STATECRAFT_REGENERATE=1 cargo test --test money country_name_tables`\n");
    o.push_str("// from data/country-codes.csv, data/iso4217-list-one.xml, data/m49.csv,\n");
    o.push_str("// data/WDICountry.csv, data/cldr/main/*/territories.json,\n");
    o.push_str("// data/cldr/supplemental/aliases.json and data/country-*.csv. Do not edit by hand.\n\n");
    o.push_str("use super::names::{ChangeDate, FormerName, Language, NameList};\n");
    o.push_str("use super::resolve::{Listed, Rewrite};\nuse super::Country;\nuse chrono::NaiveDate;\n\n");
    o.push_str("/// Every name, by its key (`normalize::name_key`), sorted for binary search:\n");
    o.push_str("/// the key, the name as listed, and what it names.\n");
    writeln!(
        o,
        "pub(super) static NAMES: [(&str, &str, Listed); {}] = [",
        table.len()
    )
    .unwrap();
    for (key, d) in table {
        let (name, listed) = match d {
            Decided::Ambiguous { name, candidates } => {
                (name, format!("Listed::Ambiguous({})", countries_lit(candidates)))
            }
            Decided::One { name, country, claim } => (
                name,
                match claim {
                    Claim::Listed(l) => format!("Listed::Name(Country::{country}, NameList::{l})"),
                    Claim::Acronym(e) => format!("Listed::Acronym(Country::{country}, {})", lit(e)),
                    Claim::Exonym(l) => format!("Listed::Exonym(Country::{country}, Language::{l})"),
                    Claim::Former(f) => format!(
                        "Listed::Former(FormerName {{ name: {}, successors: {}, changed: {}, source: {} }})",
                        lit(name),
                        countries_lit(&f.successors),
                        change_date(&f.changed),
                        lit(&f.source)
                    ),
                },
            ),
        };
        writeln!(o, "    ({}, {}, {listed}),", lit(key), lit(name)).unwrap();
    }
    o.push_str("];\n\n");
    o.push_str("/// Abbreviated words and other spellings, with the keys of what they may\n");
    o.push_str("/// be read as, sorted.\n");
    writeln!(
        o,
        "pub(super) static WORDS: [(&str, &[&str], Rewrite); {}] = [",
        words.len()
    )
    .unwrap();
    for (a, exps, kind) in words {
        let list: Vec<String> = exps.iter().map(|e| lit(e)).collect();
        writeln!(o, "    ({}, &[{}], Rewrite::{kind}),", lit(a), list.join(", ")).unwrap();
    }
    o.push_str("];\n\n");
    o.push_str("/// The state a dependent territory belongs to or is administered by.\n");
    o.push_str("pub(super) const fn sovereign(c: Country) -> Option<Country> {\n    match c {\n");
    let mut by_state: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (t, s) in sovereign {
        by_state.entry(s).or_default().push(t);
    }
    for (s, ts) in by_state {
        let arms: Vec<String> = ts.iter().map(|t| format!("Country::{t}")).collect();
        writeln!(o, "        {} => Some(Country::{s}),", arms.join(" | ")).unwrap();
    }
    o.push_str("        _ => None,\n    }\n}\n\n");
    o.push_str("const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {\n");
    o.push_str("    // Every date above was checked when this file was generated.\n");
    o.push_str("    match NaiveDate::from_ymd_opt(year, month, day) {\n        Some(d) => d,\n        None => NaiveDate::MIN,\n    }\n}\n");
    o
}

#[test]
fn name_table_matches_data() {
    let mut names = Names::default();
    let codes = iso3166(&mut names);
    m49(&mut names);
    world_bank(&mut names);
    for (code, name) in cldr("en", &names.countries) {
        names.add(&name, &code, Claim::Listed("Cldr"));
    }
    everyday(&mut names);
    former(&mut names);
    let acronyms = acronyms(&mut names, &codes);
    exonyms(&mut names);
    let ambiguous = ambiguous();
    let sovereign = sovereignty(&names.countries);
    let (table, clashes) = decide(names.by_key, &ambiguous);
    for c in &clashes {
        eprintln!("clash: {c}");
    }
    check_acronyms(&acronyms, &table);
    check_ambiguous(&ambiguous, &table);
    let generated = regenerate::rustfmt("name_table.rs", &render(&table, &words(), &sovereign));
    regenerate::check(TABLE, &generated, "cargo test --test money country_name_tables");
}

#[test]
fn names_turn_round_at_their_qualifier() {
    assert_eq!(countries::invert("Korea (the Republic of)"), "the Republic of Korea");
    assert_eq!(
        countries::invert("Tanzania, United Republic of"),
        "United Republic of Tanzania"
    );
    assert_eq!(
        countries::invert("Netherlands (Kingdom of the)"),
        "Kingdom of the Netherlands"
    );
    assert_eq!(countries::invert("Guatemala"), "Guatemala");
}
