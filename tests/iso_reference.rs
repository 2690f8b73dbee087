//! Every country and currency, checked through the public API against the
//! ISO files in `data/`.

use std::collections::BTreeSet;

use statecraft::{Continent, Country, Currency, Subregion};

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

#[test]
fn every_iso_3166_entry_is_a_country_with_its_codes_and_names() {
    let json: serde_json::Value = serde_json::from_str(&read("data/iso3166-1.json")).unwrap();
    let entries = json["3166-1"].as_array().unwrap();
    assert_eq!(entries.len(), 249);
    let mut seen = BTreeSet::new();
    for e in entries {
        let alpha2 = e["alpha_2"].as_str().unwrap();
        let c: Country = alpha2.parse().unwrap();
        assert_eq!(c.alpha2(), alpha2);
        assert_eq!(c.alpha3(), e["alpha_3"].as_str().unwrap());
        assert_eq!(c.numeric(), Some(e["numeric"].as_str().unwrap().parse().unwrap()));
        assert_eq!(c.name(), e["name"].as_str().unwrap());
        assert_eq!(c.official_name(), e.get("official_name").and_then(|v| v.as_str()));
        assert_eq!(c.flag(), e["flag"].as_str().unwrap());
        seen.insert(c);
    }
    let kosovo: Country = "XK".parse().unwrap();
    assert_eq!(
        (kosovo.alpha3(), kosovo.numeric(), kosovo.name()),
        ("XKX", None, "Kosovo")
    );
    seen.insert(kosovo);
    assert_eq!(seen.len(), 250);
    assert_eq!(Country::iter().collect::<BTreeSet<_>>(), seen);
}

#[test]
fn every_country_has_the_m49_region_of_the_table() {
    let csv = read("data/un-m49-regions.csv");
    let mut n = 0;
    for line in csv.lines().skip(1) {
        let cols: Vec<&str> = line.split(',').collect();
        let c: Country = cols[0].parse().unwrap();
        assert_eq!(c.alpha3(), cols[1]);
        assert_eq!(c.continent(), cols[2].parse::<Continent>().unwrap(), "{c}");
        assert_eq!(c.subregion(), cols[3].parse::<Subregion>().unwrap(), "{c}");
        n += 1;
    }
    assert_eq!(n, 250);
    assert_eq!(Country::GT.subregion(), Subregion::CentralAmerica);
    assert_eq!(Subregion::CentralAmerica.countries().count(), 8);
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
        assert_eq!(c.numeric(), tag(block, "CcyNbr").unwrap().parse::<u16>().unwrap());
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
            if !c.is_fund() {
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
    let expected: BTreeSet<Currency> = [
        "BGN", "CYP", "EEK", "HRK", "LTL", "LVL", "MTL", "ROL", "SIT", "SKK", "TRL",
    ]
    .iter()
    .map(|c| c.parse().unwrap())
    .collect();
    assert_eq!(retired, expected);
    assert_eq!(Currency::iter().count(), codes.len() + retired.len());
}

#[test]
fn the_seed_countries_use_the_currencies_the_issue_names() {
    assert_eq!(Country::GT.currencies(), &[Currency::GTQ]);
    assert!(Country::SV.currencies().contains(&Currency::USD));
    assert_eq!(Country::HN.currencies(), &[Currency::HNL]);
    assert_eq!(Country::MX.currencies(), &[Currency::MXN]);
    assert_eq!(Country::US.currencies(), &[Currency::USD]);
    assert_eq!(Country::XK.currencies(), &[Currency::EUR]);
    assert_eq!(Currency::XAU.minor_units(), None);
    assert_eq!(Currency::GBP.symbol(), Some("£"));
}
