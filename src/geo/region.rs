//! UN M49 regions: continents and sub-regions.

use std::fmt;
use std::str::FromStr;

use super::normalize::fold_name;
use crate::{Country, Excerpt};

/// A continent, as the UN M49 standard groups the world.
///
/// ```
/// use statecraft::{Continent, Country};
///
/// assert_eq!(Country::GT.continent(), Continent::Americas);
/// assert_eq!(Continent::Americas.m49(), 19);
/// assert_eq!("Americas".parse::<Continent>()?, Continent::Americas);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter)]
#[non_exhaustive]
pub enum Continent {
    /// Africa (M49 002).
    Africa,
    /// The Americas (M49 019).
    Americas,
    /// Antarctica (M49 010; a country or area, not an M49 region).
    Antarctica,
    /// Asia (M49 142).
    Asia,
    /// Europe (M49 150).
    Europe,
    /// Oceania (M49 009).
    Oceania,
}

impl Continent {
    /// The English name, as the UN writes it: "Americas".
    ///
    /// ```
    /// use statecraft::{Continent, Country};
    ///
    /// assert_eq!(Continent::Americas.name(), "Americas");
    /// assert_eq!(Country::KE.continent().name(), "Africa");
    /// assert_eq!(Continent::Oceania.name().parse::<Continent>()?, Continent::Oceania);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Continent::Africa => "Africa",
            Continent::Americas => "Americas",
            Continent::Antarctica => "Antarctica",
            Continent::Asia => "Asia",
            Continent::Europe => "Europe",
            Continent::Oceania => "Oceania",
        }
    }

    /// The UN M49 numeric code.
    ///
    /// ```
    /// use statecraft::Continent;
    ///
    /// assert_eq!(Continent::Africa.m49(), 2);
    /// assert_eq!("Europe".parse::<Continent>()?.m49(), 150);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn m49(self) -> u16 {
        match self {
            Continent::Africa => 2,
            Continent::Americas => 19,
            Continent::Antarctica => 10,
            Continent::Asia => 142,
            Continent::Europe => 150,
            Continent::Oceania => 9,
        }
    }

    /// Every continent.
    pub fn iter() -> impl Iterator<Item = Continent> {
        <Continent as strum::IntoEnumIterator>::iter()
    }

    /// The countries on this continent, in alpha-2 order.
    ///
    /// ```
    /// use statecraft::{Continent, Country};
    ///
    /// let antarctica: Vec<Country> = Continent::Antarctica.countries().collect();
    /// assert_eq!(antarctica, [Country::AQ]);
    /// let oceania: Vec<Country> = "Oceania".parse::<Continent>()?.countries().collect();
    /// assert!(oceania.contains(&Country::AU) && oceania.contains(&Country::CX));
    /// assert!(oceania.windows(2).all(|w| w[0] < w[1]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn countries(self) -> impl Iterator<Item = Country> {
        Country::iter().filter(move |c| c.continent() == self)
    }
}

/// A UN M49 sub-region: "Central America", "Western Africa", ...
///
/// ```
/// use statecraft::{Continent, Country, Subregion};
///
/// let central: Vec<Country> = Subregion::CentralAmerica.countries().collect();
/// assert_eq!(central.len(), 8);
/// assert!(central.contains(&Country::GT));
/// assert_eq!(Subregion::CentralAmerica.continent(), Continent::Americas);
/// assert_eq!(Subregion::CentralAmerica.to_string(), "Central America");
/// assert_eq!("central america".parse::<Subregion>()?, Subregion::CentralAmerica);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter)]
#[non_exhaustive]
pub enum Subregion {
    /// Antarctica (M49 010).
    Antarctica,
    /// Australia and New Zealand (M49 053).
    AustraliaAndNewZealand,
    /// Caribbean (M49 029).
    Caribbean,
    /// Central America (M49 013).
    CentralAmerica,
    /// Central Asia (M49 143).
    CentralAsia,
    /// Eastern Africa (M49 014).
    EasternAfrica,
    /// Eastern Asia (M49 030).
    EasternAsia,
    /// Eastern Europe (M49 151).
    EasternEurope,
    /// Melanesia (M49 054).
    Melanesia,
    /// Micronesia (M49 057).
    Micronesia,
    /// Middle Africa (M49 017).
    MiddleAfrica,
    /// Northern Africa (M49 015).
    NorthernAfrica,
    /// Northern America (M49 021).
    NorthernAmerica,
    /// Northern Europe (M49 154).
    NorthernEurope,
    /// Polynesia (M49 061).
    Polynesia,
    /// South America (M49 005).
    SouthAmerica,
    /// South-eastern Asia (M49 035).
    SouthEasternAsia,
    /// Southern Africa (M49 018).
    SouthernAfrica,
    /// Southern Asia (M49 034).
    SouthernAsia,
    /// Southern Europe (M49 039).
    SouthernEurope,
    /// Western Africa (M49 011).
    WesternAfrica,
    /// Western Asia (M49 145).
    WesternAsia,
    /// Western Europe (M49 155).
    WesternEurope,
}

impl Subregion {
    /// The English name, as the UN writes it: "South-eastern Asia".
    ///
    /// ```
    /// use statecraft::{Country, Subregion};
    ///
    /// assert_eq!(Country::VN.subregion().name(), "South-eastern Asia");
    /// assert_eq!("south eastern asia".parse::<Subregion>()?.name(), "South-eastern Asia");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn name(self) -> &'static str {
        self.record().0
    }

    /// The UN M49 numeric code: 13 for Central America.
    ///
    /// ```
    /// use statecraft::{Country, Subregion};
    ///
    /// assert_eq!(Subregion::CentralAmerica.m49(), 13);
    /// assert_eq!("Australia and New Zealand".parse::<Subregion>()?.m49(), 53);
    /// assert_eq!(Country::GT.subregion().m49(), 13);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn m49(self) -> u16 {
        self.record().1
    }

    /// The continent this sub-region belongs to.
    pub const fn continent(self) -> Continent {
        self.record().2
    }

    const fn record(self) -> (&'static str, u16, Continent) {
        use Continent as C;
        match self {
            Subregion::Antarctica => ("Antarctica", 10, C::Antarctica),
            Subregion::AustraliaAndNewZealand => ("Australia and New Zealand", 53, C::Oceania),
            Subregion::Caribbean => ("Caribbean", 29, C::Americas),
            Subregion::CentralAmerica => ("Central America", 13, C::Americas),
            Subregion::CentralAsia => ("Central Asia", 143, C::Asia),
            Subregion::EasternAfrica => ("Eastern Africa", 14, C::Africa),
            Subregion::EasternAsia => ("Eastern Asia", 30, C::Asia),
            Subregion::EasternEurope => ("Eastern Europe", 151, C::Europe),
            Subregion::Melanesia => ("Melanesia", 54, C::Oceania),
            Subregion::Micronesia => ("Micronesia", 57, C::Oceania),
            Subregion::MiddleAfrica => ("Middle Africa", 17, C::Africa),
            Subregion::NorthernAfrica => ("Northern Africa", 15, C::Africa),
            Subregion::NorthernAmerica => ("Northern America", 21, C::Americas),
            Subregion::NorthernEurope => ("Northern Europe", 154, C::Europe),
            Subregion::Polynesia => ("Polynesia", 61, C::Oceania),
            Subregion::SouthAmerica => ("South America", 5, C::Americas),
            Subregion::SouthEasternAsia => ("South-eastern Asia", 35, C::Asia),
            Subregion::SouthernAfrica => ("Southern Africa", 18, C::Africa),
            Subregion::SouthernAsia => ("Southern Asia", 34, C::Asia),
            Subregion::SouthernEurope => ("Southern Europe", 39, C::Europe),
            Subregion::WesternAfrica => ("Western Africa", 11, C::Africa),
            Subregion::WesternAsia => ("Western Asia", 145, C::Asia),
            Subregion::WesternEurope => ("Western Europe", 155, C::Europe),
        }
    }

    /// Every sub-region.
    pub fn iter() -> impl Iterator<Item = Subregion> {
        <Subregion as strum::IntoEnumIterator>::iter()
    }

    /// The countries in this sub-region, in alpha-2 order; every one of
    /// them is on this sub-region's [`continent`](Subregion::continent).
    ///
    /// ```
    /// use statecraft::{Country, Subregion};
    ///
    /// let anz: Vec<Country> = "Australia and New Zealand".parse::<Subregion>()?.countries().collect();
    /// assert_eq!(anz, [Country::AU, Country::CC, Country::CX, Country::HM, Country::NF, Country::NZ]);
    /// assert!(anz.iter().all(|c| c.continent() == Subregion::AustraliaAndNewZealand.continent()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn countries(self) -> impl Iterator<Item = Country> {
        Country::iter().filter(move |c| c.subregion() == self)
    }
}

/// The error for a continent or sub-region name that is not known.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} `{input}`")]
pub struct ParseRegionError {
    kind: &'static str,
    input: Excerpt,
}

impl ParseRegionError {
    /// The text that was not recognised.
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

impl fmt::Display for Continent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Subregion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Continent {
    type Err = ParseRegionError;

    /// Reads a continent name, case-insensitively; "America" (as the M49
    /// table of `country_converter` spells it) is read as the Americas.
    fn from_str(s: &str) -> Result<Continent, ParseRegionError> {
        let key = fold_name(s);
        if key == "america" {
            return Ok(Continent::Americas);
        }
        Continent::iter()
            .find(|c| fold_name(c.name()) == key && !key.is_empty())
            .ok_or_else(|| ParseRegionError {
                kind: "continent",
                input: Excerpt::new(s),
            })
    }
}

impl FromStr for Subregion {
    type Err = ParseRegionError;

    /// Reads a sub-region name, case-insensitively and ignoring
    /// punctuation: "South-eastern Asia", "south eastern asia".
    fn from_str(s: &str) -> Result<Subregion, ParseRegionError> {
        let key = fold_name(s);
        Subregion::iter()
            .find(|r| fold_name(r.name()) == key && !key.is_empty())
            .ok_or_else(|| ParseRegionError {
                kind: "sub-region",
                input: Excerpt::new(s),
            })
    }
}

impl serde::Serialize for Continent {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Continent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Continent, D::Error> {
        crate::serde_str::deserialize_from_str(d, "a continent name")
    }
}

impl serde::Serialize for Subregion {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for Subregion {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Subregion, D::Error> {
        crate::serde_str::deserialize_from_str(d, "a UN M49 sub-region name")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_codes_are_unique() {
        let mut codes = std::collections::BTreeSet::new();
        for r in Subregion::iter() {
            assert_eq!(r.to_string().parse::<Subregion>(), Ok(r));
            assert!(codes.insert(r.m49()), "{r} shares its M49 code");
            assert!(r.countries().next().is_some(), "{r} has no country");
        }
        for c in Continent::iter() {
            assert_eq!(c.to_string().parse::<Continent>(), Ok(c));
            assert!(codes.insert(c.m49()) || c == Continent::Antarctica);
        }
    }

    #[test]
    fn unknown_names_are_errors_that_quote_the_input() {
        let e = "Atlantis".parse::<Subregion>().unwrap_err();
        assert_eq!(e.to_string(), "unknown sub-region `Atlantis`");
        let e = "".parse::<Continent>().unwrap_err();
        assert_eq!(e.to_string(), "unknown continent ``");
    }

    #[test]
    fn every_country_is_on_the_continent_of_its_subregion() {
        for c in Country::iter() {
            assert_eq!(c.continent(), c.subregion().continent(), "{c}");
        }
        // The territories the source table had on another continent.
        for c in [Country::BV, Country::GS] {
            assert_eq!(c.continent(), Continent::Americas, "{c}");
        }
        for c in [Country::HM, Country::CX, Country::CC] {
            assert_eq!(c.continent(), Continent::Oceania, "{c}");
        }
        assert_eq!(Continent::Antarctica.countries().collect::<Vec<_>>(), [Country::AQ]);
    }
}
