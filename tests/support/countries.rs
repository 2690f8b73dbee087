//! The ISO 3166-1 countries as both table generators read them from
//! `data/`: their codes and the UN's names from `country-codes.csv`,
//! ISO 3166's own short names from the entity names of ISO 4217 list one,
//! and the flag each code spells.
//!
//! Include with `#[path = "support/countries.rs"] mod countries;` in a test
//! that also has `mod normalize` (`src/geo/normalize.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use super::normalize::{for_each_word, name_key};

/// ISO 4217 entities that are not countries: funds, unions and the
/// settlement system SUCRE (bond units, metals and test codes are the
/// `ZZ` entities).
pub const NOT_COUNTRIES: &[&str] = &[
    "ARAB MONETARY FUND",
    "EUROPEAN UNION",
    "INTERNATIONAL MONETARY FUND (IMF)",
    "MEMBER COUNTRIES OF THE AFRICAN DEVELOPMENT BANK GROUP",
    "SISTEMA UNITARIO DE COMPENSACION REGIONAL DE PAGOS \"SUCRE\"",
];

/// Whether an ISO 4217 entity name is an ISO 3166 country.
pub fn is_country_entity(entity: &str) -> bool {
    !NOT_COUNTRIES.contains(&entity) && !entity.starts_with("ZZ")
}

/// The entry ISO 3166-1 does not carry: Kosovo, by the user-assigned code
/// the World Bank and IATI use.
pub const KOSOVO: &str = "XK";
pub const KOSOVO_ALPHA3: &str = "XKX";
pub const KOSOVO_NAME: &str = "Kosovo";

/// The UN members whose UNTERM names `country-codes.csv` leaves empty: their
/// official name is the World Bank's long name (`WDICountry.csv`), which
/// is UNTERM's formal name without its article ("Republic of Côte
/// d'Ivoire", "Republic of Türkiye").
const OFFICIAL_FROM_WORLD_BANK: [&str; 2] = ["CI", "TR"];

/// One ISO 3166-1 entry.
pub struct IsoCountry {
    pub alpha2: String,
    pub alpha3: String,
    pub numeric: u16,
    /// ISO 3166's English short name, in ISO's list form: "Bahamas (the)",
    /// "Korea (the Republic of)", "Bolivia (Plurinational State of)".
    pub name: String,
    /// The upper-case ISO 4217 entity name the short name is written from.
    pub entity: String,
    /// The UN's formal name without its leading article ("Republic of
    /// Guatemala"); `None` where the UN gives none or it is the short name.
    pub official_name: Option<String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    let p = root().join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// The flag emoji of an alpha-2 code: its two letters as regional
/// indicator symbols.
pub fn flag(alpha2: &str) -> String {
    assert!(
        alpha2.len() == 2 && alpha2.bytes().all(|b| b.is_ascii_uppercase()),
        "no flag for `{alpha2}`"
    );
    alpha2
        .bytes()
        .map(|b| char::from_u32(0x1F1E6 + u32::from(b - b'A')).expect("regional indicator"))
        .collect()
}

/// The rows of a CSV file in `data/`, by column name.
fn csv_rows(path: &str) -> Vec<BTreeMap<String, String>> {
    let text = read(path);
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .map(|row| row.unwrap_or_else(|e| panic!("{path}: {e}")))
        .collect()
}

/// UNTERM's names carry footnote marks: `Holy See (the) *` (a non-member
/// observer state), `Cook Islands (the) **` (UN membership not sought).
fn unmarked(name: &str) -> &str {
    name.trim_end_matches(['*', ' '])
}

/// The entity names of ISO 4217 list one that are countries, once each.
fn iso4217_entities() -> BTreeSet<String> {
    let xml = read("data/iso4217-list-one.xml");
    xml.split("<CtryNm>")
        .skip(1)
        .map(|b| {
            let end = b.find("</CtryNm>").expect("CtryNm");
            b[..end].replace('\u{a0}', " ").trim().to_string()
        })
        .filter(|e| is_country_entity(e))
        .collect()
}

/// CLDR's English names, by territory code (variants included).
fn cldr_english() -> BTreeMap<String, Vec<String>> {
    let json: serde_json::Value =
        serde_json::from_str(&read("data/cldr/main/en/territories.json")).expect("en/territories.json");
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (k, v) in json["main"]["en"]["localeDisplayNames"]["territories"]
        .as_object()
        .expect("territories")
    {
        let code = k.split_once("-alt-").map_or(k.as_str(), |(c, _)| c);
        out.entry(code.to_string())
            .or_default()
            .push(v.as_str().expect("name").to_string());
    }
    out
}

/// CLDR's alpha-3 and numeric code of each territory.
fn cldr_codes() -> BTreeMap<String, (String, Option<u16>)> {
    let json: serde_json::Value =
        serde_json::from_str(&read("data/cldr/supplemental/codeMappings.json")).expect("codeMappings.json");
    json["supplemental"]["codeMappings"]
        .as_object()
        .expect("codeMappings")
        .iter()
        .filter_map(|(k, v)| {
            let alpha3 = v.get("_alpha3")?.as_str()?.to_string();
            let numeric = v
                .get("_numeric")
                .and_then(|n| n.as_str())
                .map(|n| n.parse().expect("numeric"));
            Some((k.clone(), (alpha3, numeric)))
        })
        .collect()
}

/// The World Bank's long name of each economy, by alpha-2 code.
fn world_bank_long_names() -> BTreeMap<String, String> {
    csv_rows("data/WDICountry.csv")
        .into_iter()
        .map(|row| (row["2-alpha code"].clone(), row["Long Name"].clone()))
        .collect()
}

/// The words of a name and the text between them: "Côte d'Ivoire" is
/// `Côte`, ` `, `d`, `'`, `Ivoire`.
fn tokens(name: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    for (i, ch) in name.char_indices() {
        let word_char = ch.is_alphanumeric();
        if i > start && word_char != in_word {
            out.push(&name[start..i]);
            start = i;
        }
        in_word = word_char;
    }
    if start < name.len() {
        out.push(&name[start..]);
    }
    out
}

fn is_word(token: &str) -> bool {
    token.chars().next().is_some_and(char::is_alphanumeric)
}

/// A word in lower case without its diacritics: `TÜRKİYE` and `Türkiye`
/// are both `turkiye`.
fn fold_word(word: &str) -> String {
    let mut out = String::new();
    for_each_word(word, |w| out.push_str(w));
    out
}

/// How the UN and CLDR write the words of country names.
struct Casing {
    /// Words of two letters or more that some name writes in lower case
    /// after its first word: "da" (Tristan da Cunha), "part" (Sint Maarten
    /// (Dutch part)), "the", "of", "and".
    lower: BTreeSet<String>,
    /// Each folded word as the first name that has it writes it.
    any: BTreeMap<String, String>,
}

impl Casing {
    fn new<'a>(names: impl IntoIterator<Item = &'a String>) -> Casing {
        let mut lower = BTreeSet::new();
        let mut any = BTreeMap::new();
        // A name in capitals says nothing of case.
        for name in names.into_iter().filter(|n| n.chars().any(char::is_lowercase)) {
            for (i, w) in tokens(name).into_iter().filter(|t| is_word(t)).enumerate() {
                let folded = fold_word(w);
                if i > 0 && w.chars().count() > 1 && w.chars().all(char::is_lowercase) {
                    lower.insert(folded.clone());
                }
                any.entry(folded).or_insert_with(|| w.to_string());
            }
        }
        Casing { lower, any }
    }

    /// An upper-case ISO 4217 entity name written as ISO 3166 writes it
    /// in lower case: "KOREA (THE REPUBLIC OF)" as "Korea (the Republic
    /// of)", "SAINT HELENA, ASCENSION AND TRISTAN DA CUNHA" as "Saint
    /// Helena, Ascension and Tristan da Cunha". Each word as the country's
    /// own UN names write it, else in lower case where any name writes it
    /// so, else as the country's other names, then any name write it, else
    /// capitalised; a typographic apostrophe as a straight one.
    fn write(&self, entity: &str, unterm: &Casing, own: &Casing) -> String {
        let mut out = String::new();
        let mut first = true;
        for token in tokens(entity) {
            if !is_word(token) {
                out.push_str(&token.replace('’', "'"));
                continue;
            }
            let folded = fold_word(token);
            let word = unterm
                .any
                .get(&folded)
                .cloned()
                .or_else(|| (!first && self.lower.contains(&folded)).then(|| folded.clone()))
                .or_else(|| own.any.get(&folded).cloned())
                .or_else(|| self.any.get(&folded).cloned())
                .unwrap_or_else(|| {
                    let lower = token.to_lowercase();
                    let mut cs = lower.chars();
                    cs.next()
                        .map(|f| f.to_uppercase().chain(cs).collect())
                        .unwrap_or_default()
                });
            let word = match word.chars().next() {
                Some(f) if first => f.to_uppercase().chain(word.chars().skip(1)).collect(),
                _ if ["the", "of", "and"].contains(&folded.as_str()) => folded,
                _ => word,
            };
            out.push_str(&word);
            first = false;
        }
        out
    }
}

/// "Korea (the Republic of)" as "the Republic of Korea"; "Tanzania, United
/// Republic of" as "United Republic of Tanzania"; any other name as it is.
pub fn invert(name: &str) -> String {
    if let Some(open) = name.rfind(" (") {
        if let Some(inner) = name[open + 2..].strip_suffix(')') {
            return format!("{inner} {}", &name[..open]);
        }
    }
    match name.split_once(", ") {
        Some((head, tail)) => format!("{tail} {head}"),
        None => name.to_string(),
    }
}

/// The 249 ISO 3166-1 entries, by alpha-2 code, checked: the codes against
/// CLDR's code mappings, every ISO 4217 entity against exactly one entry,
/// and each short name against the UN's (the same words, in ISO's order
/// or the UN's: "Korea (the Republic of)", "Republic of Korea (the)").
pub fn iso_countries() -> BTreeMap<String, IsoCountry> {
    let rows = csv_rows("data/country-codes.csv");
    assert_eq!(rows.len(), 249, "ISO 3166-1 has 249 entries");
    let cldr_names = cldr_english();
    let cldr_codes = cldr_codes();
    let long_names = world_bank_long_names();
    let col = |row: &BTreeMap<String, String>, c: &str| -> Option<String> {
        let v = row
            .get(c)
            .unwrap_or_else(|| panic!("country-codes.csv has no column {c}"));
        Some(unmarked(v.trim()).to_string()).filter(|s| !s.is_empty())
    };
    // Every name each entry goes by in the UN's, the datahub's and CLDR's
    // lists, to match ISO 4217's entities and to write them in case.
    let mut names: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for row in &rows {
        let alpha2 = col(row, "ISO3166-1-Alpha-2").expect("alpha-2");
        let unterm: Vec<String> = ["UNTERM English Short", "UNTERM English Formal"]
            .iter()
            .filter_map(|c| col(row, c))
            .collect();
        let mut other: Vec<String> = ["official_name_en", "CLDR display name", "ISO4217-currency_country_name"]
            .iter()
            .filter_map(|c| col(row, c))
            .collect();
        other.extend(cldr_names.get(&alpha2).into_iter().flatten().cloned());
        assert!(
            names.insert(alpha2.clone(), (unterm, other)).is_none(),
            "{alpha2} twice"
        );
    }
    let casing = Casing::new(
        names
            .values()
            .flat_map(|(u, o)| u.iter().chain(o))
            .chain(cldr_names.values().flatten()),
    );
    // Each entity, by the key of a name of exactly one entry.
    let mut entities: BTreeMap<String, String> = BTreeMap::new();
    for entity in iso4217_entities() {
        let key = name_key(&entity);
        let found: BTreeSet<&String> = names
            .iter()
            .filter(|(_, (u, o))| u.iter().chain(o).any(|n| name_key(n) == key))
            .map(|(a, _)| a)
            .collect();
        assert_eq!(found.len(), 1, "ISO 4217 entity `{entity}` names {found:?}");
        let alpha2 = found.into_iter().next().expect("one").clone();
        if let Some(prev) = entities.insert(alpha2.clone(), entity.clone()) {
            panic!("{alpha2} is both `{prev}` and `{entity}` in ISO 4217 list one");
        }
    }
    let mut out = BTreeMap::new();
    for row in &rows {
        let alpha2 = col(row, "ISO3166-1-Alpha-2").expect("alpha-2");
        let alpha3 = col(row, "ISO3166-1-Alpha-3").expect("alpha-3");
        let numeric: u16 = col(row, "ISO3166-1-numeric")
            .expect("numeric")
            .parse()
            .expect("numeric code");
        assert_eq!(
            cldr_codes.get(&alpha2),
            Some(&(alpha3.clone(), Some(numeric))),
            "{alpha2}: CLDR's codes differ"
        );
        let entity = entities
            .remove(&alpha2)
            .unwrap_or_else(|| panic!("{alpha2} is no entity of ISO 4217 list one"));
        let (unterm, other) = &names[&alpha2];
        let name = casing.write(&entity, &Casing::new(unterm), &Casing::new(other));
        assert_eq!(
            name_key(&name),
            name_key(&entity),
            "{alpha2}: `{name}` is not `{entity}`"
        );
        if let Some(short) = col(row, "UNTERM English Short") {
            let key = name_key(&short);
            assert!(
                key == name_key(&name) || key == name_key(&invert(&name)),
                "{alpha2}: ISO's `{name}` is not the UN's `{short}`"
            );
        }
        let formal = match col(row, "UNTERM English Formal") {
            Some(f) => {
                assert!(
                    !OFFICIAL_FROM_WORLD_BANK.contains(&alpha2.as_str()),
                    "{alpha2} has UNTERM names now"
                );
                Some(f)
            }
            None if OFFICIAL_FROM_WORLD_BANK.contains(&alpha2.as_str()) => Some(
                long_names
                    .get(&alpha2)
                    .unwrap_or_else(|| panic!("{alpha2} has no World Bank long name"))
                    .clone(),
            ),
            None => None,
        };
        let official_name = formal
            .map(|f| f.strip_prefix("the ").unwrap_or(&f).to_string())
            .filter(|f| *f != name);
        out.insert(
            alpha2.clone(),
            IsoCountry {
                alpha2,
                alpha3,
                numeric,
                name,
                entity,
                official_name,
            },
        );
    }
    out
}
