//! Regenerates the reference tables from `data/` and fails if the
//! checked-in files differ:
//!
//! - `src/geo/m49_table.rs`: UN M49 regions, sub-regions and intermediate
//!   regions (`data/m49.csv`);
//! - `src/geo/country_table.rs`: countries (codes and the UN's names from
//!   `data/country-codes.csv`, ISO 3166's short names from the entities of
//!   ISO 4217 list one: see `support/countries.rs`), their M49 areas
//!   (`data/m49.csv`, and CLDR's territory containment for the two
//!   territories M49 leaves out, TW and XK), the everyday name each is
//!   preferably called by (`data/country-aliases.csv`) and currencies
//!   (ISO 4217 list one, in CLDR's order);
//! - `src/money/currency_table.rs`: currencies of ISO 4217 list one and
//!   those of list three withdrawn since 1999, with their kind, first and
//!   last days, changeovers and successors;
//! - `src/money/symbol_table.rs`: currency symbols from CLDR, with the
//!   locales that give each and the defaults of ambiguous ones;
//! - `src/fx/fixed_table.rs`: the euro's irrevocable conversion rates and
//!   the redenominations (`data/fixed-rates.csv`).
//!
//! Run `STATECRAFT_REGENERATE=1 cargo test --test money generated_tables` to
//! rewrite them after changing a file in `data/`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::table_data;

use table_data::{csv_rows, date, element, field, lit, opt_date, read, root, ymd, YMD};

use crate::countries;
use crate::regenerate;

use countries::KOSOVO;

/// The first day of the years whose currencies the crate lists: every
/// currency of ISO 4217 list three withdrawn on or after it is one.
const SINCE_YEAR: i32 = 1999;

/// Whether `d` is a real calendar date written `YYYY-MM-DD`.
fn is_date(d: &str) -> bool {
    NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok_and(|p| p.format("%Y-%m-%d").to_string() == d)
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

// ---------------------------------------------------------------- XML

/// The trimmed text of the first `<name>` element: `<Ccy>` does not
/// match `<CcyNm>`.
fn tag<'a>(block: &'a str, name: &str) -> Option<&'a str> {
    element(block, name).map(str::trim)
}

fn blocks<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    xml.split(&open)
        .skip(1)
        .map(|b| &b[..b.find(&close).unwrap_or_else(|| panic!("unterminated {name}"))])
        .collect()
}

/// One entry of ISO 4217 list one.
struct IsoEntry {
    entity: String,
    name: String,
    code: String,
    numeric: u16,
    minor_units: Option<u8>,
    fund: bool,
}

fn list_one() -> Vec<IsoEntry> {
    let xml = read("data/iso4217-list-one.xml");
    let mut out = Vec::new();
    for block in blocks(&xml, "CcyNtry") {
        let entity = tag(block, "CtryNm").expect("CtryNm").replace('\u{a0}', " ");
        let Some(code) = tag(block, "Ccy") else {
            continue; // "No universal currency"
        };
        let minor = tag(block, "CcyMnrUnts").expect("CcyMnrUnts");
        out.push(IsoEntry {
            entity: entity.trim().to_string(),
            name: tag(block, "CcyNm").expect("CcyNm").to_string(),
            code: code.to_string(),
            numeric: tag(block, "CcyNbr").expect("CcyNbr").parse().expect("numeric code"),
            minor_units: (minor != "N.A.").then(|| minor.parse().expect("minor units")),
            fund: block.contains("IsFund=\"true\""),
        });
    }
    out
}

/// One entry of ISO 4217 list three.
struct HistoricEntry {
    name: String,
    code: String,
    numeric: Option<u16>,
    /// The withdrawal date as SIX writes it: `2008-01`, `2006`, `1989 to 1990`.
    withdrawn: String,
}

impl HistoricEntry {
    /// The year and month of withdrawal, the later end of a range; the
    /// month is 0 when only a year is given.
    fn withdrawal(&self) -> (i32, u32) {
        let last = self.withdrawn.rsplit(" to ").next().unwrap_or(&self.withdrawn).trim();
        let mut parts = last.split('-');
        let year = parts.next().and_then(|y| y.parse().ok()).expect("withdrawal year");
        let month = parts.next().map_or(0, |m| m.parse().expect("withdrawal month"));
        (year, month)
    }
}

fn list_three() -> Vec<HistoricEntry> {
    let xml = read("data/iso4217-list-three.xml");
    blocks(&xml, "HstrcCcyNtry")
        .into_iter()
        .map(|block| HistoricEntry {
            name: tag(block, "CcyNm")
                .expect("CcyNm")
                .replace('\u{a0}', " ")
                .trim()
                .to_string(),
            code: tag(block, "Ccy").expect("Ccy").to_string(),
            numeric: tag(block, "CcyNbr").map(|n| n.parse().expect("numeric code")),
            withdrawn: tag(block, "WthdrwlDt").expect("WthdrwlDt").to_string(),
        })
        .collect()
}

// ---------------------------------------------------------------- CLDR

/// One currency as CLDR says a territory used it.
struct CurrencyUse {
    code: String,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    /// False for CLDR's `_tender: "false"` (funds, index units).
    tender: bool,
}

/// CLDR's supplemental currency data: per territory, the currencies used,
/// most recent first, with their `_from` and `_to` days.
struct CldrCurrencies {
    /// Territory → its currencies, as CLDR lists them.
    regions: BTreeMap<String, Vec<CurrencyUse>>,
    /// Code → minor-unit digits, where CLDR departs from its default.
    digits: BTreeMap<String, u8>,
    default_digits: u8,
}

fn cldr_currencies() -> CldrCurrencies {
    let json: serde_json::Value =
        serde_json::from_str(&read("data/cldr/supplemental/currencyData.json")).expect("currencyData.json");
    let data = &json["supplemental"]["currencyData"];
    let mut regions = BTreeMap::new();
    for (territory, list) in data["region"].as_object().expect("region") {
        let mut uses = Vec::new();
        for entry in list.as_array().expect("region list") {
            for (code, v) in entry.as_object().expect("currency entry") {
                let d = |k: &str| v.get(k).and_then(|x| x.as_str()).map(date);
                let tender = v.get("_tender").and_then(|x| x.as_str()) != Some("false");
                uses.push(CurrencyUse {
                    code: code.clone(),
                    from: d("_from"),
                    to: d("_to"),
                    tender,
                });
            }
        }
        regions.insert(territory.clone(), uses);
    }
    let mut digits = BTreeMap::new();
    let mut default_digits = 2;
    for (code, v) in data["fractions"].as_object().expect("fractions") {
        let n: u8 = v["_digits"].as_str().expect("_digits").parse().expect("digits");
        if code == "DEFAULT" {
            default_digits = n;
        } else {
            digits.insert(code.clone(), n);
        }
    }
    CldrCurrencies {
        regions,
        digits,
        default_digits,
    }
}

impl CldrCurrencies {
    /// The first day CLDR gives `code` as legal tender anywhere.
    fn first_day(&self, code: &str) -> Option<NaiveDate> {
        self.regions
            .values()
            .flatten()
            .filter(|u| u.code == code && u.tender)
            .filter_map(|u| u.from)
            .min()
    }

    /// The last day and the changeover to `successor` that CLDR gives a
    /// withdrawn `code`: the latest `_to` of any territory (read as the
    /// day before when it is the successor's `_from` there, a switch
    /// without overlap), and the earliest `_from` of the successor in a
    /// territory that used `code`.
    fn withdrawal(&self, code: &str, successor: Option<&str>) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let mut last = None;
        let mut changeover = None;
        for uses in self.regions.values() {
            let Some(to) = uses.iter().find(|u| u.code == code).and_then(|u| u.to) else {
                continue;
            };
            let from = successor
                .and_then(|s| uses.iter().find(|u| u.code == s))
                .and_then(|u| u.from);
            let end = if from == Some(to) {
                to.pred_opt().expect("day")
            } else {
                to
            };
            last = last.max(Some(end));
            if let Some(f) = from {
                changeover = Some(changeover.map_or(f, |c: NaiveDate| c.min(f)));
            }
        }
        (last, changeover)
    }

    fn minor_units(&self, code: &str) -> u8 {
        self.digits.get(code).copied().unwrap_or(self.default_digits)
    }
}

/// CLDR's territory containment: region code → the codes it contains.
fn cldr_containment() -> BTreeMap<String, Vec<String>> {
    let json: serde_json::Value = serde_json::from_str(&read("data/cldr/supplemental/territoryContainment.json"))
        .expect("territoryContainment.json");
    json["supplemental"]["territoryContainment"]
        .as_object()
        .expect("territoryContainment")
        .iter()
        .filter_map(|(k, v)| {
            let list = v.get("_contains")?.as_array()?;
            Some((
                k.clone(),
                list.iter().filter_map(|x| x.as_str().map(str::to_string)).collect(),
            ))
        })
        .collect()
}

// ---------------------------------------------------------------- M49

#[derive(Clone)]
struct M49Area {
    code: String,
    name: String,
    /// The code of the area it belongs to (none for regions).
    parent: Option<String>,
}

/// One country or area of `data/m49.csv`: its codes and the codes of its
/// areas.
struct M49Row {
    alpha3: String,
    code: String,
    region: Option<String>,
    subregion: Option<String>,
    intermediate: Option<String>,
}

/// What `data/m49.csv` gives each country or area, and the areas.
struct M49 {
    regions: BTreeMap<String, M49Area>,
    subregions: BTreeMap<String, M49Area>,
    intermediates: BTreeMap<String, M49Area>,
    /// By alpha-2 code.
    countries: BTreeMap<String, M49Row>,
}

fn m49() -> M49 {
    let text = read("data/m49.csv");
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut rdr = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
    let headers: Vec<String> = rdr.headers().expect("header").iter().map(str::to_string).collect();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (rc, rn) = (col("Region Code"), col("Region Name"));
    let (sc, sn) = (col("Sub-region Code"), col("Sub-region Name"));
    let (ic, iname) = (col("Intermediate Region Code"), col("Intermediate Region Name"));
    let (m49c, a2, a3) = (col("M49 Code"), col("ISO-alpha2 Code"), col("ISO-alpha3 Code"));
    let mut out = M49 {
        regions: BTreeMap::new(),
        subregions: BTreeMap::new(),
        intermediates: BTreeMap::new(),
        countries: BTreeMap::new(),
    };
    for row in rdr.records() {
        let row = row.expect("m49.csv row");
        let get = |i: usize| Some(row[i].trim().to_string()).filter(|s| !s.is_empty());
        let area = |code: Option<String>, name: Option<String>, parent: Option<String>| {
            code.map(|code| M49Area {
                code,
                name: name.expect("an area code without a name"),
                parent,
            })
        };
        let region = area(get(rc), get(rn), None);
        let subregion = area(get(sc), get(sn), get(rc));
        let intermediate = area(get(ic), get(iname), get(sc));
        for (map, a) in [
            (&mut out.regions, &region),
            (&mut out.subregions, &subregion),
            (&mut out.intermediates, &intermediate),
        ] {
            if let Some(a) = a {
                let prev = map.entry(a.code.clone()).or_insert_with(|| a.clone());
                assert_eq!((&prev.name, &prev.parent), (&a.name, &a.parent), "M49 area {}", a.code);
            }
        }
        let alpha2 = get(a2).expect("ISO-alpha2");
        let prev = out.countries.insert(
            alpha2.clone(),
            M49Row {
                alpha3: get(a3).expect("ISO-alpha3"),
                code: get(m49c).expect("M49 code"),
                region: get(rc),
                subregion: get(sc),
                intermediate: get(ic),
            },
        );
        assert!(prev.is_none(), "{alpha2} twice in m49.csv");
    }
    out
}

// ---------------------------------------------------------------- currencies

struct Currency {
    code: String,
    numeric: Option<u16>,
    name: String,
    minor_units: Option<u8>,
    fund: bool,
    kind: String,
    first_day: Option<NaiveDate>,
    changeover: Option<NaiveDate>,
    last_day: Option<NaiveDate>,
    successor: Option<String>,
    withdrawn: bool,
}

fn kind_variant(kind: &str) -> &'static str {
    match kind {
        "index-unit" => "IndexUnit",
        "fund" => "Fund",
        "unit-of-account" => "UnitOfAccount",
        "precious-metal" => "PreciousMetal",
        "reserved" => "Reserved",
        other => panic!("unknown currency kind `{other}` in data/currency-kinds.csv"),
    }
}

fn currencies(one: &[IsoEntry], three: &[HistoricEntry], cldr: &CldrCurrencies) -> BTreeMap<String, Currency> {
    let kinds: BTreeMap<String, String> = csv_rows("data/currency-kinds.csv")
        .iter()
        .map(|r| {
            let code = field(r, "code").expect("code").to_string();
            (code, kind_variant(field(r, "kind").expect("kind")).to_string())
        })
        .collect();
    let mut map: BTreeMap<String, Currency> = BTreeMap::new();
    for e in one {
        let c = map.entry(e.code.clone()).or_insert_with(|| Currency {
            code: e.code.clone(),
            numeric: Some(e.numeric),
            name: e.name.clone(),
            minor_units: e.minor_units,
            fund: e.fund,
            kind: kinds.get(&e.code).cloned().unwrap_or_else(|| "Money".into()),
            first_day: cldr.first_day(&e.code),
            changeover: None,
            last_day: None,
            successor: None,
            withdrawn: false,
        });
        assert_eq!(c.numeric, Some(e.numeric), "{}: numeric codes disagree", e.code);
        assert_eq!(c.minor_units, e.minor_units, "{}: minor units disagree", e.code);
        assert_eq!(c.name, e.name, "{}: names disagree", e.code);
        if e.fund {
            assert!(
                matches!(c.kind.as_str(), "Fund" | "IndexUnit"),
                "{} is an ISO fund: data/currency-kinds.csv must say fund or index-unit",
                e.code
            );
        }
        if !countries::is_country_entity(&e.entity) && e.code != "EUR" {
            assert_ne!(c.kind, "Money", "{} of `{}` needs a kind", e.code, e.entity);
        }
    }
    // List three: every code withdrawn since 1999 that list one no longer has.
    let mut by_code: BTreeMap<&str, Vec<&HistoricEntry>> = BTreeMap::new();
    for e in three {
        if !map.contains_key(&e.code) {
            by_code.entry(e.code.as_str()).or_default().push(e);
        }
    }
    let history = csv_rows("data/currency-history.csv");
    let mut seen = BTreeSet::new();
    for row in &history {
        let code = field(row, "code").expect("code");
        assert!(
            seen.insert(code.to_string()),
            "{code} twice in data/currency-history.csv"
        );
        let source = field(row, "source").unwrap_or_else(|| panic!("{code}: no source"));
        let d = |name: &str| field(row, name).map(date);
        if let Some(c) = map.get_mut(code) {
            // A list-one currency whose first day CLDR does not give right.
            for other in ["successor", "changeover", "last_day"] {
                assert!(field(row, other).is_none(), "{code} is in use: give only first_day");
            }
            let first = d("first_day").unwrap_or_else(|| panic!("{code}: no first_day"));
            assert_ne!(c.first_day, Some(first), "{code}: CLDR already gives {first}");
            c.first_day = Some(first);
            continue;
        }
        let entries = by_code
            .get(code)
            .unwrap_or_else(|| panic!("{code} in data/currency-history.csv is not in ISO 4217 list three"));
        let latest = entries.iter().max_by_key(|e| e.withdrawal()).expect("an entry");
        let successor = field(row, "successor").map(str::to_string);
        let last_day = d("last_day").unwrap_or_else(|| panic!("{code}: no last_day"));
        let changeover = d("changeover").or_else(|| successor.as_ref().map(|_| last_day.succ_opt().expect("day")));
        if source == "CLDR" {
            let (cldr_last, cldr_changeover) = cldr.withdrawal(code, successor.as_deref());
            assert_eq!(Some(last_day), cldr_last, "{code}: last_day is not CLDR's");
            if let Some(cc) = cldr_changeover {
                assert_eq!(changeover, Some(cc), "{code}: changeover is not CLDR's");
            }
        }
        let kind = kinds.get(code).cloned().unwrap_or_else(|| "Money".into());
        let minor_units = (kind != "UnitOfAccount").then(|| cldr.minor_units(code));
        map.insert(
            code.to_string(),
            Currency {
                code: code.to_string(),
                numeric: latest.numeric,
                name: latest.name.clone(),
                minor_units,
                fund: false,
                kind,
                first_day: d("first_day").or_else(|| cldr.first_day(code)),
                changeover,
                last_day: Some(last_day),
                successor,
                withdrawn: true,
            },
        );
    }
    for (code, entries) in &by_code {
        let year = entries.iter().map(|e| e.withdrawal().0).max().unwrap_or(0);
        assert_eq!(
            map.contains_key(*code),
            year >= SINCE_YEAR,
            "{code} (withdrawn {year}) must be in data/currency-history.csv exactly when withdrawn since {SINCE_YEAR}"
        );
    }
    for k in kinds.keys() {
        assert!(map.contains_key(k), "data/currency-kinds.csv names unknown {k}");
    }
    for c in map.values() {
        if let (Some(first), Some(last)) = (c.first_day, c.last_day) {
            assert!(first <= last, "{}: first day {first} after last day {last}", c.code);
        }
        if let Some(s) = &c.successor {
            let heir = map
                .get(s)
                .unwrap_or_else(|| panic!("{} replaced by unknown {s}", c.code));
            let changeover = c.changeover.expect("a successor has a changeover");
            if let Some(first) = heir.first_day {
                assert!(
                    first <= changeover,
                    "{} is replaced on {changeover} by {s}, first issued only on {first}",
                    c.code
                );
            }
        }
    }
    map
}

// ---------------------------------------------------------------- countries

struct Country {
    alpha2: String,
    alpha3: String,
    numeric: Option<u16>,
    name: String,
    official_name: Option<String>,
    common_name: String,
    flag: String,
    region: Option<String>,
    subregion: Option<String>,
    intermediate: Option<String>,
    currencies: Vec<String>,
}

/// The name people write where no everyday name is preferred: the short
/// name without ISO's article, "Bahamas" for "Bahamas (the)".
fn without_article(name: &str) -> String {
    name.replace(" (the)", "")
}

fn countries(
    entries: &[IsoEntry],
    currencies: &BTreeMap<String, Currency>,
    m49: &M49,
    cldr: &CldrCurrencies,
) -> BTreeMap<String, Country> {
    let iso = countries::iso_countries();
    let mut map = BTreeMap::new();
    for c in iso.values() {
        map.insert(
            c.alpha2.clone(),
            Country {
                alpha2: c.alpha2.clone(),
                alpha3: c.alpha3.clone(),
                numeric: Some(c.numeric),
                name: c.name.clone(),
                official_name: c.official_name.clone(),
                common_name: without_article(&c.name),
                flag: countries::flag(&c.alpha2),
                region: None,
                subregion: None,
                intermediate: None,
                currencies: Vec::new(),
            },
        );
    }
    map.insert(
        KOSOVO.to_string(),
        Country {
            alpha2: KOSOVO.to_string(),
            alpha3: countries::KOSOVO_ALPHA3.to_string(),
            numeric: None,
            name: countries::KOSOVO_NAME.to_string(),
            official_name: None,
            common_name: countries::KOSOVO_NAME.to_string(),
            flag: countries::flag(KOSOVO),
            region: None,
            subregion: None,
            intermediate: None,
            currencies: Vec::new(),
        },
    );
    // M49 areas: the UN's table, and CLDR's containment for the rest.
    let containment = cldr_containment();
    for c in map.values_mut() {
        match m49.countries.get(&c.alpha2) {
            Some(row) => {
                assert_eq!(
                    c.alpha3, row.alpha3,
                    "{}: alpha-3 differs between ISO and M49",
                    c.alpha2
                );
                assert_eq!(
                    c.numeric.map(|n| format!("{n:03}")).as_ref(),
                    Some(&row.code),
                    "{}: numeric code differs between ISO and M49",
                    c.alpha2
                );
                c.region.clone_from(&row.region);
                c.subregion.clone_from(&row.subregion);
                c.intermediate.clone_from(&row.intermediate);
            }
            None => {
                let in_area = |areas: &BTreeMap<String, M49Area>| {
                    let found: Vec<&String> = areas
                        .keys()
                        .filter(|code| containment.get(*code).is_some_and(|m| m.contains(&c.alpha2)))
                        .collect();
                    assert!(found.len() <= 1, "{} is in several CLDR areas: {found:?}", c.alpha2);
                    found.first().map(|s| s.to_string())
                };
                let subregion = in_area(&m49.subregions)
                    .unwrap_or_else(|| panic!("{} is neither in M49 nor in a CLDR sub-region", c.alpha2));
                c.region.clone_from(&m49.subregions[&subregion].parent);
                c.intermediate = in_area(&m49.intermediates);
                c.subregion = Some(subregion);
            }
        }
    }
    let outside: Vec<&str> = map
        .values()
        .filter(|c| !m49.countries.contains_key(&c.alpha2))
        .map(|c| c.alpha2.as_str())
        .collect();
    assert_eq!(outside, ["TW", "XK"], "the countries M49 leaves out");
    assert_eq!(
        m49.countries.len() + 2,
        map.len(),
        "m49.csv lists a country ISO 3166-1 does not"
    );
    // The everyday name a country is preferably called by.
    for row in csv_rows("data/country-aliases.csv") {
        let alpha2 = field(&row, "alpha2").expect("alpha2");
        let c = map
            .get_mut(alpha2)
            .unwrap_or_else(|| panic!("alias for unknown {alpha2}"));
        if field(&row, "preferred") == Some("yes") {
            c.common_name = field(&row, "name").expect("name").to_string();
        }
    }
    // Currencies, from the entities of ISO 4217 list one.
    let by_entity: BTreeMap<&str, &str> = iso.values().map(|c| (c.entity.as_str(), c.alpha2.as_str())).collect();
    for e in entries {
        if !countries::is_country_entity(&e.entity) {
            continue;
        }
        if currencies.get(&e.code).is_some_and(|c| c.kind != "Money") {
            continue; // funds and index units are not a country's currencies
        }
        let alpha2 = by_entity
            .get(e.entity.as_str())
            .unwrap_or_else(|| panic!("ISO 4217 entity `{}` matches no country", e.entity));
        let c = map.get_mut(*alpha2).expect("country");
        if !c.currencies.contains(&e.code) {
            c.currencies.push(e.code.clone());
        }
    }
    // Kosovo, absent from ISO 4217: the currencies CLDR gives it in use.
    let kosovo = map.get_mut(KOSOVO).expect("XK");
    kosovo.currencies = cldr.regions[KOSOVO]
        .iter()
        .filter(|u| u.tender && u.to.is_none() && currencies.contains_key(&u.code))
        .map(|u| u.code.clone())
        .collect();
    assert_eq!(kosovo.currencies, ["EUR"]);
    // In CLDR's order: the currency in use first (El Salvador: USD, then SVC).
    for c in map.values_mut() {
        let order = cldr.regions.get(&c.alpha2);
        let rank = |code: &String| {
            order
                .and_then(|uses| uses.iter().position(|u| &u.code == code))
                .unwrap_or(usize::MAX)
        };
        c.currencies.sort_by_key(rank);
    }
    map
}

// ---------------------------------------------------------------- symbols

/// One symbol and, per currency, the locales that give it: as the symbol
/// (or its `variant` or `formal` form), or as the narrow symbol.
struct Symbol {
    currencies: BTreeMap<String, (u64, u64)>,
    default: Option<String>,
}

/// Locales by name, sorted, and every symbol of CLDR for a currency of
/// the crate.
fn symbols(currencies: &BTreeMap<String, Currency>) -> (Vec<String>, BTreeMap<String, Symbol>) {
    let dir = root().join("data/cldr/main");
    let mut locales: Vec<String> = std::fs::read_dir(&dir)
        .expect("data/cldr/main")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    locales.sort();
    assert!(locales.len() <= 64, "a locale mask holds 64 locales");
    assert!(locales.contains(&"en".to_string()));
    let mut table: BTreeMap<String, Symbol> = BTreeMap::new();
    for (i, locale) in locales.iter().enumerate() {
        let bit = 1u64 << i;
        let json: serde_json::Value =
            serde_json::from_str(&read(&format!("data/cldr/main/{locale}/currencies.json"))).expect("currencies.json");
        let list = json["main"][locale]["numbers"]["currencies"]
            .as_object()
            .unwrap_or_else(|| panic!("{locale}: no currencies"));
        for (code, v) in list {
            if !currencies.contains_key(code) {
                continue; // withdrawn before 1999
            }
            for (key, narrow) in [
                ("symbol", false),
                ("symbol-alt-variant", false),
                ("symbol-alt-formal", false),
                ("symbol-alt-narrow", true),
            ] {
                let Some(sym) = v.get(key).and_then(|s| s.as_str()) else {
                    continue;
                };
                // A symbol that is a code (the fallback CLDR writes where
                // a locale has none) is read as a code, not a symbol.
                if sym.len() == 3 && sym.bytes().all(|b| b.is_ascii_uppercase()) {
                    continue;
                }
                assert!(
                    !sym.is_empty() && sym.trim() == sym && !sym.bytes().any(|b| b.is_ascii_digit()),
                    "{locale} {code}: unusable symbol `{sym}`"
                );
                let entry = table.entry(sym.to_string()).or_insert_with(|| Symbol {
                    currencies: BTreeMap::new(),
                    default: None,
                });
                let masks = entry.currencies.entry(code.clone()).or_insert((0, 0));
                if narrow {
                    masks.1 |= bit;
                } else {
                    masks.0 |= bit;
                }
            }
        }
    }
    for row in csv_rows("data/symbol-defaults.csv") {
        let sym = field(&row, "symbol").expect("symbol");
        let code = field(&row, "currency").expect("currency");
        assert!(field(&row, "reason").is_some(), "{sym}: no reason");
        let entry = table
            .get_mut(sym)
            .unwrap_or_else(|| panic!("default for `{sym}`, which CLDR does not have"));
        assert!(
            entry.currencies.len() > 1,
            "`{sym}` stands for one currency: it needs no default"
        );
        assert!(entry.currencies.contains_key(code), "`{sym}` never stands for {code}");
        assert!(entry.default.replace(code.to_string()).is_none(), "`{sym}` twice");
    }
    (locales, table)
}

// ---------------------------------------------------------------- fixed rates

struct Fixed {
    from: String,
    to: String,
    rate: String,
    effective: NaiveDate,
    kind: &'static str,
    source: String,
}

fn fixed_rates(currencies: &BTreeMap<String, Currency>) -> Vec<Fixed> {
    let mut out = Vec::new();
    for row in csv_rows("data/fixed-rates.csv") {
        let from = field(&row, "from").expect("from").to_string();
        let to = field(&row, "to").expect("to").to_string();
        let rate = field(&row, "rate").expect("rate").to_string();
        let effective = date(field(&row, "effective").expect("effective"));
        let kind = match field(&row, "kind").expect("kind") {
            "euro" => "Euro",
            "redenomination" => "Redenomination",
            "conversion" => "Conversion",
            "code-change" => "CodeChange",
            other => panic!("unknown kind `{other}` in data/fixed-rates.csv"),
        };
        let c = currencies
            .get(&from)
            .unwrap_or_else(|| panic!("fixed rate of unknown {from}"));
        assert_eq!(
            c.successor.as_deref(),
            Some(to.as_str()),
            "{from}: fixed rate into {to}, not its successor"
        );
        assert_eq!(
            c.changeover,
            Some(effective),
            "{from}: the fixed rate must take effect at the changeover"
        );
        assert!(
            rate.bytes().all(|b| b.is_ascii_digit() || b == b'.') && rate.bytes().filter(|b| *b == b'.').count() <= 1,
            "{from}: rate `{rate}` is not a plain decimal"
        );
        assert!(!out.iter().any(|f: &Fixed| f.from == from), "{from}: two fixed rates");
        out.push(Fixed {
            from,
            to,
            rate,
            effective,
            kind,
            source: field(&row, "source").expect("source").to_string(),
        });
    }
    let euro = out.iter().filter(|f| f.kind == "Euro").count();
    assert_eq!(
        euro, 21,
        "the euro's conversion rates: one per legacy currency of the 21 member states"
    );
    out
}

// ---------------------------------------------------------------- writing

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

fn opt_lit(s: &Option<String>) -> String {
    match s {
        Some(s) => format!("Some({s:?})"),
        None => "None".to_string(),
    }
}

const HEADER: &str = "// @generated by `STATECRAFT_REGENERATE=1 cargo test --test money generated_tables`\n";

fn m49_table(m49: &M49) -> String {
    let mut o = String::new();
    o.push_str(HEADER);
    o.push_str("// from data/m49.csv (UN M49, the UN Statistics Division's overview table).\n");
    o.push_str("// Do not edit by hand.\n\n");
    // (type, doc, areas, parent type)
    type Level<'a> = (&'a str, &'a str, &'a BTreeMap<String, M49Area>, Option<&'a str>);
    let levels: [Level; 3] = [
        (
            "Region",
            "A region of UN M49, the level under the world: Africa, the Americas, Asia,\n/// Europe, Oceania.",
            &m49.regions,
            None,
        ),
        (
            "Subregion",
            "A sub-region of UN M49, the level under the regions: Latin America and the\n/// Caribbean (419), Sub-Saharan Africa (202), Western Europe (155), ...",
            &m49.subregions,
            Some("Region"),
        ),
        (
            "IntermediateRegion",
            "An intermediate region of UN M49, the level under the sub-regions that only\n/// Sub-Saharan Africa and Latin America and the Caribbean have: Central\n/// America (013), Western Africa (011), ...",
            &m49.intermediates,
            Some("Subregion"),
        ),
    ];
    for (ty, doc, areas, parent) in levels {
        let mut sorted: Vec<&M49Area> = areas.values().collect();
        sorted.sort_by(|a, b| a.name.cmp(&b.name));
        writeln!(o, "/// {doc}\n///").unwrap();
        writeln!(o, "/// {} of them; `Display` and serde use the name.", sorted.len()).unwrap();
        o.push_str(
            "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, strum::EnumCount)]\n",
        );
        writeln!(o, "#[non_exhaustive]\npub enum {ty} {{").unwrap();
        for a in &sorted {
            writeln!(o, "    /// {} ({})\n    {},", a.name, a.code, variant(&a.name)).unwrap();
        }
        o.push_str("}\n\n");
        writeln!(o, "impl {ty} {{").unwrap();
        let ret = match parent {
            Some(p) => format!("(&'static str, u16, {p})"),
            None => "(&'static str, u16)".to_string(),
        };
        writeln!(
            o,
            "    /// The name and M49 code{}.\n    pub(super) const fn record(self) -> {ret} {{\n        match self {{",
            if parent.is_some() {
                ", and the area it belongs to"
            } else {
                ""
            }
        )
        .unwrap();
        for a in &sorted {
            let code: u16 = a.code.parse().expect("M49 code");
            let parent_part = match (parent, &a.parent) {
                (Some(p), Some(code)) => {
                    let parent_area = if p == "Region" {
                        &m49.regions[code]
                    } else {
                        &m49.subregions[code]
                    };
                    format!(", {p}::{}", variant(&parent_area.name))
                }
                _ => String::new(),
            };
            writeln!(
                o,
                "            {ty}::{} => ({}, {code}{parent_part}),",
                variant(&a.name),
                lit(&a.name)
            )
            .unwrap();
        }
        o.push_str("        }\n    }\n}\n\n");
    }
    o
}

fn country_table(countries: &BTreeMap<String, Country>, m49: &M49) -> String {
    let name_of = |areas: &BTreeMap<String, M49Area>, code: &Option<String>, ty: &str| match code {
        Some(code) => format!("Some({ty}::{})", variant(&areas[code].name)),
        None => "None".to_string(),
    };
    let mut o = String::new();
    o.push_str(HEADER);
    o.push_str("// from data/country-codes.csv, data/iso4217-list-one.xml, data/cldr/main/en/territories.json,\n");
    o.push_str("// data/cldr/supplemental/codeMappings.json, data/WDICountry.csv, data/m49.csv,\n");
    o.push_str("// data/cldr/supplemental/territoryContainment.json, data/country-aliases.csv and\n");
    o.push_str("// data/cldr/supplemental/currencyData.json. Do not edit by hand.\n\n");
    o.push_str("use super::country::CountryRecord;\nuse super::region::{IntermediateRegion, Region, Subregion};\nuse crate::money::Currency;\n\n");
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
    o.push_str(
        "/// ```\n/// use statecraft::geo::{IntermediateRegion, Subregion};\n/// use statecraft::Country;\n///\n",
    );
    o.push_str("/// let gt: Country = \"Guatemala\".parse()?;\n/// assert_eq!(gt, Country::GT);\n");
    o.push_str("/// assert_eq!(gt.alpha3(), \"GTM\");\n/// assert_eq!(gt.subregion(), Some(Subregion::LatinAmericaAndTheCaribbean));\n");
    o.push_str("/// assert_eq!(gt.intermediate_region(), Some(IntermediateRegion::CentralAmerica));\n");
    o.push_str("/// # Ok::<(), Box<dyn std::error::Error>>(())\n/// ```\n");
    o.push_str(
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, strum::EnumCount)]\n",
    );
    o.push_str("#[non_exhaustive]\npub enum Country {\n");
    for c in countries.values() {
        let num = c.numeric.map(|n| format!(", {n:03}")).unwrap_or_default();
        // Brackets escaped, or rustdoc reads `[Malvinas]` as a link.
        let doc = c.name.replace('[', "\\[").replace(']', "\\]");
        writeln!(o, "    /// {doc} ({}{num})", c.alpha3).unwrap();
        writeln!(o, "    {},", c.alpha2).unwrap();
    }
    o.push_str("}\n\nimpl Country {\n");
    o.push_str("    /// The reference data of this country.\n");
    o.push_str("    pub(super) const fn record(self) -> &'static CountryRecord {\n        match self {\n");
    for c in countries.values() {
        let currencies: Vec<String> = c.currencies.iter().map(|x| format!("Currency::{x}")).collect();
        writeln!(
            o,
            "            Country::{} => &CountryRecord {{ alpha2: {}, alpha3: {}, numeric: {}, name: {}, official_name: {}, common_name: {}, flag: {}, region: {}, subregion: {}, intermediate_region: {}, currencies: &[{}] }},",
            c.alpha2,
            lit(&c.alpha2),
            lit(&c.alpha3),
            c.numeric.map(|n| format!("Some({n})")).unwrap_or_else(|| "None".into()),
            lit(&c.name),
            opt_lit(&c.official_name),
            lit(&c.common_name),
            lit(&c.flag),
            name_of(&m49.regions, &c.region, "Region"),
            name_of(&m49.subregions, &c.subregion, "Subregion"),
            name_of(&m49.intermediates, &c.intermediate, "IntermediateRegion"),
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
    o
}

fn currency_table(currencies: &BTreeMap<String, Currency>) -> String {
    let mut o = String::new();
    o.push_str(HEADER);
    o.push_str("// from data/iso4217-list-one.xml, data/iso4217-list-three.xml, data/currency-history.csv,\n");
    o.push_str("// data/currency-kinds.csv and data/cldr/supplemental/currencyData.json. Do not edit by hand.\n\n");
    o.push_str("use super::currency::{CurrencyKind, CurrencyRecord};\nuse chrono::NaiveDate;\n\n");
    let withdrawn = currencies.values().filter(|c| c.withdrawn).count();
    writeln!(
        o,
        "/// A currency: one variant per code of ISO 4217 list one ({} codes), plus the",
        currencies.len() - withdrawn
    )
    .unwrap();
    writeln!(
        o,
        "/// {withdrawn} codes of list three withdrawn since {SINCE_YEAR}-01-01 (the euro's legacy currencies,"
    )
    .unwrap();
    o.push_str("/// the leones, bolívares, ouguiyas, dobras and others replaced by redenominations).\n");
    o.push_str("///\n/// `Display`, `FromStr` and serde use the three-letter code.\n///\n");
    o.push_str("/// ```\n/// use statecraft::Currency;\n///\n/// let gbp: Currency = \"gbp\".parse()?;\n");
    o.push_str("/// assert_eq!(gbp, Currency::GBP);\n/// assert_eq!(gbp.numeric(), Some(826));\n/// assert_eq!(gbp.minor_units(), Some(2));\n");
    o.push_str("/// assert_eq!(gbp.to_string(), \"GBP\");\n/// # Ok::<(), Box<dyn std::error::Error>>(())\n/// ```\n");
    o.push_str(
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, strum::EnumCount)]\n",
    );
    o.push_str("#[non_exhaustive]\npub enum Currency {\n");
    for c in currencies.values() {
        let num = c
            .numeric
            .map(|n| format!("{n:03}"))
            .unwrap_or_else(|| "no number".into());
        let note = match (c.withdrawn, c.last_day) {
            (true, Some(d)) => format!(", withdrawn after {d}"),
            _ => String::new(),
        };
        writeln!(o, "    /// {} ({num}{note})", c.name).unwrap();
        writeln!(o, "    {},", c.code).unwrap();
    }
    o.push_str("}\n\n");
    // Each record says only what differs from money in use with no
    // history: most currencies are that, and their records stay short.
    o.push_str("/// What a record holds unless it says otherwise: money in use, with no history.\n");
    o.push_str(
        "const IN_USE: CurrencyRecord = CurrencyRecord { code: \"\", numeric: None, name: \"\", minor_units: None, \
         fund: false, kind: CurrencyKind::Money, first_day: None, changeover: None, last_day: None, successor: None, \
         predecessors: &[], withdrawn: false };\n\n",
    );
    o.push_str("impl Currency {\n");
    o.push_str("    /// The reference data of this currency.\n");
    o.push_str("    pub(super) const fn record(self) -> &'static CurrencyRecord {\n        match self {\n");
    for c in currencies.values() {
        let predecessors: Vec<String> = currencies
            .values()
            .filter(|p| p.successor.as_deref() == Some(c.code.as_str()))
            .map(|p| format!("Currency::{}", p.code))
            .collect();
        let mut fields = vec![
            format!("code: {}", lit(&c.code)),
            format!(
                "numeric: {}",
                c.numeric.map(|n| format!("Some({n})")).unwrap_or_else(|| "None".into())
            ),
            format!("name: {}", lit(&c.name)),
            format!(
                "minor_units: {}",
                c.minor_units
                    .map(|m| format!("Some({m})"))
                    .unwrap_or_else(|| "None".into())
            ),
        ];
        let optional = [
            ("fund", c.fund.to_string(), "false"),
            ("kind", format!("CurrencyKind::{}", c.kind), "CurrencyKind::Money"),
            ("first_day", opt_date(c.first_day), "None"),
            ("changeover", opt_date(c.changeover), "None"),
            ("last_day", opt_date(c.last_day), "None"),
            (
                "successor",
                c.successor
                    .as_ref()
                    .map(|r| format!("Some(Currency::{r})"))
                    .unwrap_or_else(|| "None".into()),
                "None",
            ),
            ("predecessors", format!("&[{}]", predecessors.join(", ")), "&[]"),
            ("withdrawn", c.withdrawn.to_string(), "false"),
        ];
        fields.extend(
            optional
                .iter()
                .filter(|(_, value, default)| value != default)
                .map(|(f, v, _)| format!("{f}: {v}")),
        );
        writeln!(
            o,
            // A `const` item, because a record holding a `const fn` call
            // (a date) is not promoted to `'static` on its own.
            "            Currency::{} => {{ const R: CurrencyRecord = CurrencyRecord {{ {}, ..IN_USE }}; &R }}",
            c.code,
            fields.join(", "),
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
    // A number some withdrawn codes share with another: the code in use,
    // else the one withdrawn last.
    let mut by_num: BTreeMap<u16, &Currency> = BTreeMap::new();
    for c in currencies.values() {
        let Some(n) = c.numeric else { continue };
        let better = |old: &Currency| match (old.withdrawn, c.withdrawn) {
            (false, false) => panic!("{} and {} share the number {n}", old.code, c.code),
            (false, true) => false,
            (true, false) => true,
            (true, true) => c.last_day > old.last_day,
        };
        match by_num.get(&n) {
            Some(old) if !better(old) => {}
            _ => {
                by_num.insert(n, c);
            }
        }
    }
    o.push_str("    /// The currency with this ISO numeric code: the one in use, or of several\n");
    o.push_str("    /// withdrawn codes that had the number, the last withdrawn.\n");
    o.push_str("    pub(super) const fn from_numeric_code(code: u16) -> Option<Currency> {\n        match code {\n");
    for (n, c) in by_num {
        writeln!(o, "            {n} => Some(Currency::{}),", c.code).unwrap();
    }
    o.push_str("            _ => None,\n        }\n    }\n}\n\n");
    o.push_str(YMD);
    o
}

fn symbol_table(
    locales: &[String],
    symbols: &BTreeMap<String, Symbol>,
    countries: &BTreeMap<String, Country>,
) -> String {
    let mut o = String::new();
    o.push_str(HEADER);
    o.push_str("// from data/cldr/main/*/currencies.json and data/symbol-defaults.csv. Do not edit by hand.\n\n");
    o.push_str("use super::symbol::SymbolEntry;\nuse super::Currency;\nuse crate::Country;\n\n");
    writeln!(
        o,
        "/// The CLDR locales whose symbols are read, by bit of a locale mask.\npub(super) static LOCALES: [&str; {}] = [",
        locales.len()
    )
    .unwrap();
    for l in locales {
        writeln!(o, "    {},", lit(l)).unwrap();
    }
    o.push_str("];\n\n");
    let bit = |l: &str| 1u64 << locales.iter().position(|x| x == l).expect("locale");
    writeln!(
        o,
        "/// The mask of the locale `en`.\npub(super) const EN: u64 = {:#x};\n",
        bit("en")
    )
    .unwrap();
    let english = locales
        .iter()
        .filter(|l| *l == "en" || l.starts_with("en-"))
        .fold(0u64, |m, l| m | bit(l));
    writeln!(
        o,
        "/// The mask of the English locales (`en`, `en-GB`, ...).\npub(super) const ENGLISH: u64 = {english:#x};\n"
    )
    .unwrap();
    // Symbols sorted by their bytes, for binary search.
    let mut sorted: Vec<(&String, &Symbol)> = symbols.iter().collect();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    writeln!(
        o,
        "/// Every symbol, sorted by its bytes: the currencies it stands for, with the\n/// locales that give it as the symbol and as the narrow symbol, and the\n/// default of an ambiguous one.\npub(super) static SYMBOLS: [SymbolEntry; {}] = [",
        sorted.len()
    )
    .unwrap();
    for (s, sym) in &sorted {
        let cs: Vec<String> = sym
            .currencies
            .iter()
            .map(|(c, (sm, nm))| format!("(Currency::{c}, {sm:#x}, {nm:#x})"))
            .collect();
        writeln!(
            o,
            "    SymbolEntry {{ symbol: {}, currencies: &[{}], default: {} }},",
            lit(s),
            cs.join(", "),
            sym.default
                .as_ref()
                .map_or("None".to_string(), |d| format!("Some(Currency::{d})"))
        )
        .unwrap();
    }
    o.push_str("];\n\n");
    // The symbols by first byte, longest first, for reading a symbol at
    // the start of a text without a search per length.
    let mut by_first: BTreeMap<u8, Vec<usize>> = BTreeMap::new();
    for (i, (s, _)) in sorted.iter().enumerate() {
        by_first.entry(s.as_bytes()[0]).or_default().push(i);
    }
    o.push_str("/// The indices in [`SYMBOLS`] of the symbols that start with `byte`, longest first.\n");
    o.push_str("pub(super) const fn starting_with(byte: u8) -> &'static [u16] {\n    match byte {\n");
    for (b, idx) in &mut by_first {
        idx.sort_by_key(|&i| (std::cmp::Reverse(sorted[i].0.len()), i));
        let list: Vec<String> = idx.iter().map(usize::to_string).collect();
        writeln!(o, "        {b} => &[{}],", list.join(", ")).unwrap();
    }
    o.push_str("        _ => &[],\n    }\n}\n\n");
    // The symbols of each currency, by index into SYMBOLS.
    let mut of: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (_, sym)) in sorted.iter().enumerate() {
        for c in sym.currencies.keys() {
            of.entry(c.as_str()).or_default().push(i);
        }
    }
    o.push_str("/// The indices in [`SYMBOLS`] of the symbols of `currency`.\n");
    o.push_str("pub(super) const fn symbols_of(currency: Currency) -> &'static [u16] {\n    match currency {\n");
    for (c, idx) in &of {
        let list: Vec<String> = idx.iter().map(usize::to_string).collect();
        writeln!(o, "        Currency::{c} => &[{}],", list.join(", ")).unwrap();
    }
    o.push_str("        _ => &[],\n    }\n}\n\n");
    // The locales of each country: those whose region subtag it is.
    let mut by_country: BTreeMap<&str, u64> = BTreeMap::new();
    for l in locales {
        if let Some(region) = l.rsplit('-').next().filter(|r| r.len() == 2 && l.contains('-')) {
            assert!(countries.contains_key(region), "locale {l} of unknown country {region}");
            *by_country
                .entry(countries.get_key_value(region).expect("country").0)
                .or_default() |= bit(l);
        }
    }
    o.push_str("/// The mask of the locales of `country`: those of its region subtag (`es-MX`).\n");
    o.push_str("pub(super) const fn country_locales(country: Country) -> u64 {\n    match country {\n");
    for (c, mask) in &by_country {
        writeln!(o, "        Country::{c} => {mask:#x},").unwrap();
    }
    o.push_str("        _ => 0,\n    }\n}\n");
    o
}

fn fixed_table(fixed: &[Fixed]) -> String {
    let mut o = String::new();
    o.push_str(HEADER);
    o.push_str("// from data/fixed-rates.csv. Do not edit by hand.\n\n");
    o.push_str("use chrono::NaiveDate;\nuse rust_decimal::Decimal;\n\nuse super::fixed::{FixedKind, FixedRate};\nuse crate::Currency;\n\n");
    writeln!(
        o,
        "/// The euro's irrevocable conversion rates and the redenominations, one per\n/// currency replaced: `rate` units of `from` make one `to`.\npub(super) static FIXED: [FixedRate; {}] = [",
        fixed.len()
    )
    .unwrap();
    for f in fixed {
        let (int, frac) = f.rate.split_once('.').unwrap_or((&f.rate, ""));
        let mantissa: u128 = format!("{int}{frac}").parse().expect("rate digits");
        assert!(mantissa > 0 && mantissa < (1 << 96), "{}: rate out of range", f.from);
        let lo = (mantissa & 0xffff_ffff) as u32;
        let mid = ((mantissa >> 32) & 0xffff_ffff) as u32;
        let hi = (mantissa >> 64) as u32;
        writeln!(
            o,
            "    FixedRate {{ from: Currency::{}, to: Currency::{}, rate: Decimal::from_parts({lo}, {mid}, {hi}, false, {}), effective: {}, kind: FixedKind::{}, source: {} }}, // {}",
            f.from,
            f.to,
            frac.len(),
            ymd(f.effective),
            f.kind,
            lit(&f.source),
            f.rate
        )
        .unwrap();
    }
    o.push_str("];\n\n");
    o.push_str(YMD);
    o
}

#[test]
fn generated_tables_match_data() {
    let one = list_one();
    let three = list_three();
    let cldr = cldr_currencies();
    let m49 = m49();
    let currencies = currencies(&one, &three, &cldr);
    let countries = countries(&one, &currencies, &m49, &cldr);
    for c in countries.values() {
        for x in &c.currencies {
            assert!(currencies.contains_key(x), "{} uses unknown currency {x}", c.alpha2);
        }
    }
    let (locales, symbols) = symbols(&currencies);
    let fixed = fixed_rates(&currencies);
    for (path, code) in [
        ("src/geo/m49_table.rs", m49_table(&m49)),
        ("src/geo/country_table.rs", country_table(&countries, &m49)),
        ("src/money/currency_table.rs", currency_table(&currencies)),
        (
            "src/money/symbol_table.rs",
            symbol_table(&locales, &symbols, &countries),
        ),
        ("src/fx/fixed_table.rs", fixed_table(&fixed)),
    ] {
        let name = path.rsplit('/').next().unwrap_or(path);
        regenerate::check(
            path,
            &regenerate::rustfmt(name, &code),
            "cargo test --test money generated_tables",
        );
    }
}
