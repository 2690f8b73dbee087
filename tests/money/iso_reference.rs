//! Every country and currency, checked through the public API against the
//! ISO, UN, World Bank and CLDR files in `data/`.

use std::collections::BTreeSet;

use statecraft::geo::{IntermediateRegion, M49Area, Region, Subregion};
use statecraft::money::CurrencyKind;
use statecraft::{Country, Currency, NaiveDate};

fn read(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn tag<'a>(block: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}");
    let start = block
        .match_indices(&open)
        .map(|(i, _)| i)
        .find(|&i| matches!(block.as_bytes().get(i + open.len()), Some(b'>' | b' ')))?;
    let body = &block[start..];
    let body = &body[body.find('>')? + 1..];
    Some(body[..body.find(&format!("</{name}>"))?].trim())
}

/// A name in capitals as ISO 4217 writes its entities: `Türkiye` and
/// `TÜRKİYE`, `Lao People's` and `LAO PEOPLE’S` are the same.
fn capitals(name: &str) -> String {
    name.to_uppercase().replace('İ', "I").replace('’', "'")
}

#[test]
fn every_iso_3166_entry_is_a_country_with_its_codes_and_names() {
    let text = read("data/country-codes.csv");
    let rows: Vec<std::collections::BTreeMap<String, String>> = csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 249);
    // ISO 3166's short names in capitals, as ISO 4217 list one names its
    // entities.
    let xml = read("data/iso4217-list-one.xml");
    let entities: BTreeSet<String> = xml
        .split("<CtryNm>")
        .skip(1)
        .map(|b| capitals(b[..b.find("</CtryNm>").unwrap()].replace('\u{a0}', " ").trim()))
        .collect();
    let wdi = read("data/WDICountry.csv");
    let long_names: std::collections::BTreeMap<String, String> = csv::Reader::from_reader(wdi.as_bytes())
        .deserialize::<std::collections::BTreeMap<String, String>>()
        .map(Result::unwrap)
        .map(|r| (r["2-alpha code"].clone(), r["Long Name"].clone()))
        .collect();
    let mut seen = BTreeSet::new();
    let mut names = BTreeSet::new();
    for row in &rows {
        let alpha2 = row["ISO3166-1-Alpha-2"].as_str();
        let c: Country = alpha2.parse().unwrap();
        assert_eq!(c.alpha2(), alpha2);
        assert_eq!(c.alpha3(), row["ISO3166-1-Alpha-3"]);
        assert_eq!(c.numeric(), Some(row["ISO3166-1-numeric"].parse().unwrap()));
        assert!(entities.contains(&capitals(c.name())), "{c}: {}", c.name());
        assert!(names.insert(capitals(c.name())), "{c}: {} twice", c.name());
        // The UN's formal name without its article; the World Bank's long
        // name for the two UN members whose UNTERM names the file lacks.
        let formal = match row["UNTERM English Formal"].trim_end_matches(['*', ' ']) {
            "" if ["CI", "TR"].contains(&alpha2) => long_names[alpha2].as_str(),
            f => f.strip_prefix("the ").unwrap_or(f),
        };
        let official = Some(formal).filter(|f| !f.is_empty() && *f != c.name());
        assert_eq!(c.official_name(), official, "{c}");
        let flag: String = alpha2
            .chars()
            .map(|l| char::from_u32(0x1F1E6 + (l as u32 - 'A' as u32)).unwrap())
            .collect();
        assert_eq!(c.flag(), flag);
        seen.insert(c);
    }
    let kosovo: Country = "XK".parse().unwrap();
    assert_eq!(
        (kosovo.alpha3(), kosovo.numeric(), kosovo.name(), kosovo.flag()),
        ("XKX", None, "Kosovo", "🇽🇰")
    );
    seen.insert(kosovo);
    assert_eq!(seen.len(), 250);
    assert_eq!(Country::iter().collect::<BTreeSet<_>>(), seen);
}

#[test]
fn short_names_are_written_as_iso_3166_writes_them() {
    for (c, name) in [
        (Country::BS, "Bahamas (the)"),
        (Country::BO, "Bolivia (Plurinational State of)"),
        (Country::KR, "Korea (the Republic of)"),
        (Country::LA, "Lao People's Democratic Republic (the)"),
        (Country::CI, "Côte d'Ivoire"),
        (Country::TR, "Türkiye"),
        (Country::TZ, "Tanzania, United Republic of"),
        (Country::SH, "Saint Helena, Ascension and Tristan da Cunha"),
        (Country::MF, "Saint Martin (French part)"),
        (Country::SX, "Sint Maarten (Dutch part)"),
        (Country::HM, "Heard Island and McDonald Islands"),
        (Country::VI, "Virgin Islands (U.S.)"),
        (Country::FK, "Falkland Islands (the) [Malvinas]"),
        (Country::GW, "Guinea-Bissau"),
        (Country::IM, "Isle of Man"),
    ] {
        assert_eq!(c.name(), name);
    }
    for (c, official) in [
        (Country::GT, Some("Republic of Guatemala")),
        (Country::CI, Some("Republic of Côte d'Ivoire")),
        (Country::TR, Some("Republic of Türkiye")),
        (Country::US, Some("United States of America")),
        (Country::VA, Some("Holy See")),
        (Country::AU, None),
        (Country::AW, None),
    ] {
        assert_eq!(c.official_name(), official, "{c}");
    }
    for (c, common) in [
        (Country::BS, "Bahamas"),
        (Country::US, "United States"),
        (Country::GB, "United Kingdom"),
        (Country::KR, "South Korea"),
        (Country::LA, "Laos"),
    ] {
        assert_eq!(c.common_name(), common, "{c}");
    }
}

#[test]
fn every_country_has_the_m49_areas_of_the_un_table_at_every_level() {
    let text = read("data/m49.csv");
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut seen = BTreeSet::new();
    for row in rdr.records() {
        let row = row.unwrap();
        let get = |i: usize| Some(&row[i]).filter(|s| !s.is_empty());
        let c: Country = row[10].parse().unwrap();
        assert_eq!(c.alpha3(), &row[11], "{c}");
        assert_eq!(c.numeric().map(|n| format!("{n:03}")).as_deref(), Some(&row[9]), "{c}");
        // Each level by code and by name, as the UN writes them.
        let area = |code: Option<&str>, name: Option<&str>| {
            code.map(|code| {
                let a: M49Area = code.parse().unwrap();
                assert_eq!(Some(a.name()), name, "{c}: {code}");
                a
            })
        };
        assert_eq!(c.region().map(M49Area::from), area(get(2), get(3)), "{c}: region");
        assert_eq!(
            c.subregion().map(M49Area::from),
            area(get(4), get(5)),
            "{c}: sub-region"
        );
        assert_eq!(
            c.intermediate_region().map(M49Area::from),
            area(get(6), get(7)),
            "{c}: intermediate region"
        );
        assert!(seen.insert(c), "{c} twice");
    }
    assert_eq!(seen.len(), 248);
    // The two M49 leaves out, by CLDR's territory containment.
    let json: serde_json::Value =
        serde_json::from_str(&read("data/cldr/supplemental/territoryContainment.json")).unwrap();
    let contains = |area: &str, c: &str| {
        json["supplemental"]["territoryContainment"][area]["_contains"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x == c)
    };
    for (c, subregion) in [
        (Country::TW, Subregion::EasternAsia),
        (Country::XK, Subregion::SouthernEurope),
    ] {
        assert!(!seen.contains(&c));
        assert!(contains(&format!("{:03}", subregion.m49()), c.alpha2()), "{c}");
        assert_eq!(c.subregion(), Some(subregion), "{c}");
        assert_eq!(c.region(), Some(subregion.region()), "{c}");
        assert_eq!(c.intermediate_region(), None, "{c}");
        seen.insert(c);
    }
    assert_eq!(Country::iter().collect::<BTreeSet<_>>(), seen);
    // The issue's cases.
    assert_eq!(Country::NR.subregion(), Some(Subregion::Micronesia));
    assert_eq!(Country::GT.subregion(), Some(Subregion::LatinAmericaAndTheCaribbean));
    assert_eq!(
        Country::GT.intermediate_region(),
        Some(IntermediateRegion::CentralAmerica)
    );
    assert_eq!(Country::GT.region(), Some(Region::Americas));
    assert_eq!((Country::AQ.region(), Country::AQ.subregion()), (None, None));
    assert_eq!(IntermediateRegion::CentralAmerica.countries().count(), 8);
    assert_eq!(Subregion::SubSaharanAfrica.m49(), 202);
}

#[test]
fn every_iso_4217_code_is_a_currency_with_its_number_name_and_minor_units() {
    let xml = read("data/iso4217-list-one.xml");
    let mut codes = BTreeSet::new();
    let mut checked_countries = 0;
    for block in xml.split("<CcyNtry>").skip(1) {
        let Some(code) = tag(block, "Ccy") else { continue };
        let c: Currency = code.parse().unwrap();
        assert_eq!(c.code(), code);
        assert_eq!(c.numeric(), Some(tag(block, "CcyNbr").unwrap().parse::<u16>().unwrap()));
        assert_eq!(c.name(), tag(block, "CcyNm").unwrap());
        let minor = tag(block, "CcyMnrUnts").unwrap();
        assert_eq!(
            c.minor_units(),
            if minor == "N.A." {
                None
            } else {
                Some(minor.parse().unwrap())
            },
            "{code}"
        );
        assert_eq!(c.is_fund(), block.contains("IsFund=\"true\""));
        assert!(!c.is_retired(), "{code} is in list one");
        codes.insert(c);
        // The entity, where it names a country, lists the currency.
        let entity = tag(block, "CtryNm").unwrap().replace(" (THE)", "");
        if let Ok(country) = entity.parse::<Country>() {
            if c.kind() == CurrencyKind::Money {
                assert!(country.currencies().contains(&c), "{country} should list {code}");
                checked_countries += 1;
            }
        }
    }
    assert_eq!(codes.len(), 178);
    assert!(
        checked_countries > 240,
        "only {checked_countries} entities matched a country"
    );
    let retired: BTreeSet<Currency> = Currency::iter().filter(|c| c.is_retired()).collect();
    assert_eq!(retired.len(), 65);
    assert_eq!(Currency::iter().count(), codes.len() + retired.len());
}

/// The year of withdrawal of a list-three entry (`2008-01`, `2006`,
/// `1989 to 1990`): the later end.
fn withdrawal_year(date: &str) -> i32 {
    date.rsplit(" to ").next().unwrap()[..4].parse().unwrap()
}

#[test]
fn every_currency_of_list_three_withdrawn_since_1999_parses_and_circulates_only_within_its_days() {
    let xml = read("data/iso4217-list-three.xml");
    let list_one = read("data/iso4217-list-one.xml");
    let mut withdrawn = BTreeSet::new();
    for block in xml.split("<HstrcCcyNtry>").skip(1) {
        let code = tag(block, "Ccy").unwrap();
        let year = withdrawal_year(tag(block, "WthdrwlDt").unwrap());
        if list_one.contains(&format!("<Ccy>{code}</Ccy>")) {
            continue; // a name or entity change of a code still in use
        }
        let parsed = code.parse::<Currency>();
        if year < 1999 {
            // Withdrawn earlier, unless another entity used it since.
            continue;
        }
        let c = parsed.unwrap_or_else(|e| panic!("{code} withdrawn in {year}: {e}"));
        assert!(c.is_retired(), "{code}");
        assert_eq!(c.numeric(), tag(block, "CcyNbr").map(|n| n.parse().unwrap()), "{code}");
        assert_eq!(
            format!("{code} 5").parse::<statecraft::Money>().map(|m| m.currency()),
            Ok(c)
        );
        let last = c.last_day().unwrap_or_else(|| panic!("{code} has no last day"));
        assert!(
            last.format("%Y").to_string().parse::<i32>().unwrap() >= 1998,
            "{code}: {last}"
        );
        assert!(c.is_in_circulation_on(last), "{code}");
        assert!(!c.is_in_circulation_on(last.succ_opt().unwrap()), "{code}");
        if let Some(first) = c.first_day() {
            assert!(!c.is_in_circulation_on(first.pred_opt().unwrap()), "{code}");
        }
        if let Some(heir) = c.replaced_by() {
            let changeover = c.changeover().unwrap();
            assert!(heir.is_in_circulation_on(changeover), "{heir} on {changeover}");
            assert!(!c.is_sole_legal_tender_on(changeover), "{code}");
        }
        withdrawn.insert(c);
    }
    assert_eq!(withdrawn.len(), 65);
    assert_eq!(withdrawn, Currency::iter().filter(|c| c.is_retired()).collect());
    // The issue's cases.
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert!(Currency::CYP.is_in_circulation_on(day(2008, 1, 15)));
    assert!(!Currency::CYP.is_sole_legal_tender_on(day(2008, 1, 15)));
    assert!(!Currency::SLE.is_in_circulation_on(day(2021, 6, 7)));
    assert!(Currency::SLL.is_in_circulation_on(day(2021, 6, 7)));
    assert_eq!(Currency::HRK.last_day(), Some(day(2023, 1, 14)));
    assert_eq!(Currency::SLE.first_day(), Some(day(2022, 7, 1)));
}

#[test]
fn funds_and_index_units_are_marked_and_no_country_lists_them() {
    for (code, kind) in [
        ("UYW", CurrencyKind::IndexUnit),
        ("UYI", CurrencyKind::IndexUnit),
        ("CLF", CurrencyKind::IndexUnit),
        ("COU", CurrencyKind::IndexUnit),
        ("BOV", CurrencyKind::IndexUnit),
        ("MXV", CurrencyKind::IndexUnit),
        ("USN", CurrencyKind::Fund),
        ("CHE", CurrencyKind::Fund),
        ("CHW", CurrencyKind::Fund),
        ("XDR", CurrencyKind::UnitOfAccount),
        ("XAU", CurrencyKind::PreciousMetal),
        ("XXX", CurrencyKind::Reserved),
        ("USD", CurrencyKind::Money),
        ("DEM", CurrencyKind::Money),
    ] {
        assert_eq!(code.parse::<Currency>().unwrap().kind(), kind, "{code}");
    }
    for country in Country::iter() {
        for c in country.currencies() {
            assert_eq!(c.kind(), CurrencyKind::Money, "{country} lists {c}");
            assert!(!c.is_retired(), "{country} lists {c}");
        }
    }
}

#[test]
fn the_seed_countries_use_the_currencies_the_issue_names() {
    assert_eq!(Country::GT.currencies(), &[Currency::GTQ]);
    // The currency in use first: the US dollar since 2001-01-01 (CLDR).
    assert_eq!(Country::SV.currencies(), &[Currency::USD, Currency::SVC]);
    assert_eq!(Country::UY.currencies(), &[Currency::UYU]);
    assert_eq!(Country::CL.currencies(), &[Currency::CLP]);
    assert_eq!(Country::HN.currencies(), &[Currency::HNL]);
    assert_eq!(Country::MX.currencies(), &[Currency::MXN]);
    assert_eq!(Country::US.currencies(), &[Currency::USD]);
    assert_eq!(Country::XK.currencies(), &[Currency::EUR]);
    assert_eq!(Currency::XAU.minor_units(), None);
    assert_eq!(Currency::GBP.symbol(), Some("£"));
}
