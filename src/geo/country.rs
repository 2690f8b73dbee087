//! `Country`: ISO 3166-1 countries and territories, with Kosovo.

use std::fmt;
use std::str::FromStr;

use super::region::{IntermediateRegion, Region, Subregion};
use super::resolve::ParseCountryError;
use crate::Currency;

pub use super::country_table::Country;

/// The reference data of one country, generated from `data/`.
pub(super) struct CountryRecord {
    pub(super) alpha2: &'static str,
    pub(super) alpha3: &'static str,
    pub(super) numeric: Option<u16>,
    pub(super) name: &'static str,
    pub(super) official_name: Option<&'static str>,
    pub(super) common_name: &'static str,
    pub(super) flag: &'static str,
    pub(super) region: Option<Region>,
    pub(super) subregion: Option<Subregion>,
    pub(super) intermediate_region: Option<IntermediateRegion>,
    pub(super) currencies: &'static [Currency],
}

impl Country {
    /// The ISO 3166-1 alpha-2 code: `"GT"`.
    ///
    /// ```
    /// assert_eq!(statecraft::Country::GT.alpha2(), "GT");
    /// ```
    pub const fn alpha2(self) -> &'static str {
        self.record().alpha2
    }

    /// The ISO 3166-1 alpha-3 code: `"GTM"` (`"XKX"` for Kosovo, as the
    /// World Bank and IATI write it).
    ///
    /// ```
    /// assert_eq!(statecraft::Country::GT.alpha3(), "GTM");
    /// ```
    pub const fn alpha3(self) -> &'static str {
        self.record().alpha3
    }

    /// The ISO 3166-1 numeric code: `Some(320)` for Guatemala; `None` for
    /// Kosovo, which has none.
    ///
    /// ```
    /// use statecraft::Country;
    ///
    /// assert_eq!(Country::GT.numeric(), Some(320));
    /// assert_eq!(Country::XK.numeric(), None);
    /// ```
    pub const fn numeric(self) -> Option<u16> {
        self.record().numeric
    }

    /// The ISO 3166-1 English short name, as ISO writes it in its list,
    /// with the article in brackets: `"Guatemala"`, `"Bahamas (the)"`,
    /// `"Bolivia (Plurinational State of)"`. For the name to print in
    /// running text, see [`common_name`](Country::common_name).
    ///
    /// ```
    /// use statecraft::Country;
    ///
    /// assert_eq!(Country::GT.name(), "Guatemala");
    /// assert_eq!(Country::BS.name(), "Bahamas (the)");
    /// assert_eq!(Country::BO.name(), "Bolivia (Plurinational State of)");
    /// ```
    pub const fn name(self) -> &'static str {
        self.record().name
    }

    /// The official name, as the UN's terminology database (UNTERM) gives
    /// it and ISO 3166-1 takes it over, without its leading article:
    /// `Some("Republic of Guatemala")`. `None` for territories, which have
    /// none, and where it is the short name (Australia).
    ///
    /// ```
    /// use statecraft::Country;
    ///
    /// assert_eq!(Country::GT.official_name(), Some("Republic of Guatemala"));
    /// assert_eq!(Country::US.official_name(), Some("United States of America"));
    /// assert_eq!(Country::AU.official_name(), None);
    /// assert_eq!(Country::AW.official_name(), None);
    /// ```
    pub const fn official_name(self) -> Option<&'static str> {
        self.record().official_name
    }

    /// The name people write: the everyday English name where it differs
    /// from the ISO short name ("Bolivia", "South Korea", "United
    /// States"), otherwise the ISO short name without ISO's article
    /// ("Bahamas" for "Bahamas (the)").
    ///
    /// ```
    /// use statecraft::Country;
    ///
    /// assert_eq!(Country::KR.common_name(), "South Korea");
    /// assert_eq!(Country::BS.common_name(), "Bahamas");
    /// assert_eq!(Country::GT.common_name(), "Guatemala");
    /// ```
    pub const fn common_name(self) -> &'static str {
        self.record().common_name
    }

    /// The flag emoji: `"🇬🇹"`, the two regional-indicator letters of the
    /// alpha-2 code.
    ///
    /// ```
    /// use statecraft::Country;
    ///
    /// assert_eq!(Country::GT.flag(), "🇬🇹");
    /// assert_eq!(Country::XK.flag(), "\u{1F1FD}\u{1F1F0}");
    /// assert_eq!("Honduras".parse::<Country>()?.flag(), "🇭🇳");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn flag(self) -> &'static str {
        self.record().flag
    }

    /// The UN M49 region: the Americas for Guatemala. `None` for
    /// Antarctica, which M49 puts in no region.
    ///
    /// ```
    /// use statecraft::geo::Region;
    /// use statecraft::Country;
    ///
    /// assert_eq!(Country::GT.region(), Some(Region::Americas));
    /// assert_eq!("Christmas Island".parse::<Country>()?.region(), Some(Region::Oceania));
    /// assert_eq!(Country::AQ.region(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn region(self) -> Option<Region> {
        self.record().region
    }

    /// The UN M49 sub-region: Latin America and the Caribbean (419) for
    /// Guatemala, Micronesia (057) for Nauru. `None` for Antarctica.
    ///
    /// Taiwan and Kosovo, which M49 does not list, are in the sub-region
    /// CLDR's territory containment gives them: Eastern Asia and Southern
    /// Europe.
    ///
    /// ```
    /// use statecraft::geo::Subregion;
    /// use statecraft::Country;
    ///
    /// assert_eq!(Country::GT.subregion(), Some(Subregion::LatinAmericaAndTheCaribbean));
    /// assert_eq!(Country::NR.subregion(), Some(Subregion::Micronesia));
    /// assert_eq!(Country::XK.subregion(), Some(Subregion::SouthernEurope));
    /// ```
    pub const fn subregion(self) -> Option<Subregion> {
        self.record().subregion
    }

    /// The UN M49 intermediate region, where M49 has one: Central America
    /// (013) for Guatemala. `None` for most countries: only Sub-Saharan
    /// Africa and Latin America and the Caribbean are divided into
    /// intermediate regions.
    ///
    /// ```
    /// use statecraft::geo::IntermediateRegion;
    /// use statecraft::Country;
    ///
    /// assert_eq!(Country::GT.intermediate_region(), Some(IntermediateRegion::CentralAmerica));
    /// assert_eq!(Country::KE.intermediate_region(), Some(IntermediateRegion::EasternAfrica));
    /// assert_eq!(Country::FR.intermediate_region(), None);
    /// ```
    pub const fn intermediate_region(self) -> Option<IntermediateRegion> {
        self.record().intermediate_region
    }

    /// The currencies ISO 4217 list one gives the country, without its
    /// funds and index units (BOV, CLF, UYW, ...; see
    /// [`Currency::kind`]), in the order CLDR lists them for the
    /// territory: the currency in use first (El Salvador: the US dollar,
    /// in use since 2001-01-01, then the colón). Kosovo, which ISO 4217 does
    /// not list, has the currency CLDR gives it in use, the euro.
    ///
    /// ```
    /// use statecraft::{Country, Currency};
    ///
    /// assert_eq!(Country::GT.currencies(), &[Currency::GTQ]);
    /// assert_eq!(Country::SV.currencies(), &[Currency::USD, Currency::SVC]);
    /// assert_eq!(Country::UY.currencies(), &[Currency::UYU]);
    /// assert_eq!(Country::AQ.currencies(), &[]);
    /// ```
    pub const fn currencies(self) -> &'static [Currency] {
        self.record().currencies
    }

    /// The country with this ISO numeric code.
    ///
    /// ```
    /// use statecraft::Country;
    ///
    /// assert_eq!(Country::from_numeric(320), Some(Country::GT));
    /// assert_eq!(Country::from_numeric(999), None);
    /// ```
    pub const fn from_numeric(code: u16) -> Option<Country> {
        Country::from_numeric_code(code)
    }

    /// Every country, in alpha-2 order (250 of them: ISO 3166-1 and XK).
    ///
    /// ```
    /// assert_eq!(statecraft::Country::iter().count(), 250);
    /// ```
    pub fn iter() -> impl Iterator<Item = Country> {
        <Country as strum::IntoEnumIterator>::iter()
    }
}

impl FromStr for Country {
    type Err = ParseCountryError;

    /// Reads a country from a code or a name: [`Country::resolve`], which
    /// lists what it reads and also says how it read it, keeping the
    /// country alone. Codes and names are read case-insensitively; names
    /// ignore diacritics, punctuation, "the", "of" and "and", and read "St"
    /// as "Saint".
    ///
    /// # Errors
    ///
    /// [`ParseCountryError`], quoting the input, when it names no country
    /// or more than one (`Korea`, `Congo`: see
    /// [`ParseCountryErrorKind`](crate::geo::ParseCountryErrorKind)).
    ///
    /// ```
    /// use statecraft::Country;
    ///
    /// for text in ["GT", "gtm", "320", "0320", "Guatemala", "Republic of Guatemala"] {
    ///     assert_eq!(text.parse::<Country>()?, Country::GT);
    /// }
    /// assert_eq!("UK".parse::<Country>()?, Country::GB);
    /// assert_eq!("Côte d’Ivoire".parse::<Country>()?, Country::CI);
    /// assert_eq!("Russian Fed.".parse::<Country>()?, Country::RU);
    /// assert_eq!("Zaire".parse::<Country>()?, Country::CD);
    /// assert!("Congo".parse::<Country>().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from_str(s: &str) -> Result<Country, ParseCountryError> {
        Country::resolve(s).map(|r| r.country())
    }
}

impl fmt::Display for Country {
    /// Writes the alpha-2 code, which [`FromStr`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.alpha2())
    }
}

impl serde::Serialize for Country {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.alpha2())
    }
}

impl<'de> serde::Deserialize<'de> for Country {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Country, D::Error> {
        crate::serde_str::deserialize_from_str(d, "an ISO 3166-1 country code")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_names_resolve() {
        let cases = [
            ("United States", Country::US),
            ("United States of America", Country::US),
            ("the US", Country::US),
            ("U.S.", Country::US),
            ("UK", Country::GB),
            ("Britain", Country::GB),
            ("Vietnam", Country::VN),
            ("Viet Nam", Country::VN),
            ("Russia", Country::RU),
            ("South Korea", Country::KR),
            ("North Korea", Country::KP),
            ("Bolivia", Country::BO),
            ("Tanzania", Country::TZ),
            ("Iran", Country::IR),
            ("Syria", Country::SY),
            ("Turkey", Country::TR),
            ("Türkiye", Country::TR),
            ("Czech Republic", Country::CZ),
            ("DR Congo", Country::CD),
            ("El Salvador", Country::SV),
            ("Honduras", Country::HN),
            ("Mexico", Country::MX),
            ("Kosovo", Country::XK),
            ("XKX", Country::XK),
            ("The Gambia", Country::GM),
            ("Gambia, The", Country::GM),
            ("Bahamas, The", Country::BS),
            ("St Helena", Country::SH),
            ("St. Helena", Country::SH),
            ("St Kitts and Nevis", Country::KN),
            ("St. Lucia", Country::LC),
            ("St Vincent", Country::VC),
            ("St Martin", Country::MF),
            ("St Barts", Country::BL),
            ("St Pierre and Miquelon", Country::PM),
            ("Bosnia-Herzegovina", Country::BA),
            ("Trinidad", Country::TT),
            ("Antigua", Country::AG),
            ("Sao Tome", Country::ST),
            ("São Tomé", Country::ST),
            ("Turks and Caicos", Country::TC),
            ("Republic of Ireland", Country::IE),
            ("Congo Republic", Country::CG),
            ("Myanmar (Burma)", Country::MM),
            ("Vatican City State", Country::VA),
            ("Faroes", Country::FO),
            ("Hong Kong SAR", Country::HK),
            ("Macao SAR", Country::MO),
            ("Palestinian Authority", Country::PS),
            ("Occupied Palestinian Territory", Country::PS),
            ("Korea, South", Country::KR),
            ("Korea, North", Country::KP),
            ("S. Korea", Country::KR),
            ("N. Korea", Country::KP),
            // World Bank names.
            ("Korea, Rep.", Country::KR),
            ("Korea, Dem. People's Rep.", Country::KP),
            ("Egypt, Arab Rep.", Country::EG),
            ("Iran, Islamic Rep.", Country::IR),
            ("Congo, Dem. Rep.", Country::CD),
            ("Congo, Rep.", Country::CG),
            ("Yemen, Rep.", Country::YE),
            ("Venezuela, RB", Country::VE),
            ("Micronesia, Fed. Sts.", Country::FM),
            ("Hong Kong SAR, China", Country::HK),
            ("Macao SAR, China", Country::MO),
            ("Lao PDR", Country::LA),
            ("West Bank and Gaza", Country::PS),
            ("St. Martin (French part)", Country::MF),
        ];
        for (text, want) in cases {
            assert_eq!(text.parse::<Country>(), Ok(want), "{text}");
        }
    }

    #[test]
    fn codes_of_every_kind_resolve_for_every_country() {
        for c in Country::iter() {
            assert_eq!(c.alpha2().parse::<Country>(), Ok(c));
            assert_eq!(c.alpha2().to_lowercase().parse::<Country>(), Ok(c));
            assert_eq!(c.alpha3().parse::<Country>(), Ok(c));
            if let Some(n) = c.numeric() {
                assert_eq!(n.to_string().parse::<Country>(), Ok(c));
                assert_eq!(format!("{n:04}").parse::<Country>(), Ok(c));
            }
        }
    }

    #[test]
    fn every_name_of_a_country_reads_back_unless_another_shares_it() {
        for c in Country::iter() {
            let mut names = vec![c.name(), c.common_name()];
            names.extend(c.official_name());
            for name in names {
                match name.parse::<Country>() {
                    Ok(read) => assert_eq!(read, c, "{name}"),
                    // "Congo" (CG) and "Guinea" (GN) are also what news
                    // copy calls CD, GQ, GW and PG.
                    Err(e) => assert!(e.candidates().contains(&c), "{name}: {e}"),
                }
            }
        }
        assert!("Congo".parse::<Country>().is_err());
        assert!("Guinea".parse::<Country>().is_err());
    }

    #[test]
    fn serde_uses_the_alpha2_code_and_reads_through_from_str() {
        assert_eq!(serde_json::to_string(&Country::GT).unwrap(), r#""GT""#);
        assert_eq!(serde_json::from_str::<Country>(r#""GT""#).unwrap(), Country::GT);
        assert_eq!(serde_json::from_str::<Country>(r#""Guatemala""#).unwrap(), Country::GT);
        let e = serde_json::from_str::<Country>(r#""Atlantis""#).unwrap_err();
        assert_eq!(e.to_string(), "unknown country `Atlantis` at line 1 column 10");
        let e = serde_json::from_str::<Country>("320").unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid type: integer `320`, expected an ISO 3166-1 country code at line 1 column 3"
        );
    }

    #[test]
    fn rejections_name_the_input() {
        for bad in [
            "Atlantis",
            "",
            "   ",
            "ZZ",
            "ZZZ",
            "999",
            "0",
            "99999999999999999999",
            "G T",
        ] {
            let e = bad.parse::<Country>().unwrap_err();
            assert_eq!(e.to_string(), format!("unknown country `{bad}`"));
            assert_eq!(e.input(), bad);
        }
    }
}
