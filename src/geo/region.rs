//! UN M49 areas at every level: the world, regions, sub-regions and
//! intermediate regions, with M49's own names and codes.
//!
//! M49 nests three levels under the world: 5 regions (019 Americas), 17
//! sub-regions (419 Latin America and the Caribbean), and 7 intermediate
//! regions, which only Sub-Saharan Africa and Latin America and the
//! Caribbean are divided into (013 Central America, 011 Western Africa).
//! Antarctica (010) is in none of them. Two territories the crate lists are
//! not in M49: Taiwan and Kosovo, which take the sub-region CLDR's
//! territory containment gives them (Eastern Asia, Southern Europe).

use std::fmt;
use std::str::FromStr;

use super::normalize::fold_name;
use crate::{Country, Excerpt};

pub use super::m49_table::{IntermediateRegion, Region, Subregion};

/// The level of an [`M49Area`]: the world, a region, a sub-region or an
/// intermediate region.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum M49Level {
    /// The world (001).
    World,
    /// A region ([`Region`]: Africa, the Americas, ...).
    Region,
    /// A sub-region ([`Subregion`]: Latin America and the Caribbean, ...).
    Subregion,
    /// An intermediate region ([`IntermediateRegion`]: Central America, ...).
    IntermediateRegion,
}

impl M49Level {
    /// The level's name as M49 writes it: "World", "Region", "Sub-region",
    /// "Intermediate Region".
    pub const fn name(self) -> &'static str {
        match self {
            M49Level::World => "World",
            M49Level::Region => "Region",
            M49Level::Subregion => "Sub-region",
            M49Level::IntermediateRegion => "Intermediate Region",
        }
    }
}

impl fmt::Display for M49Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An area of UN M49 at any level: the world, a [`Region`], a
/// [`Subregion`] or an [`IntermediateRegion`], with its code, name, level,
/// parent and member countries.
///
/// `Display` and serde write the name; `FromStr` reads a name of any level
/// (case, punctuation and diacritics aside) or a code (`"013"`, `"13"`).
///
/// ```
/// use statecraft::geo::{IntermediateRegion, M49Area, M49Level, Subregion};
/// use statecraft::Country;
///
/// let ca: M49Area = "Central America".parse()?;
/// assert_eq!(ca, M49Area::from(IntermediateRegion::CentralAmerica));
/// assert_eq!((ca.m49(), ca.level()), (13, M49Level::IntermediateRegion));
/// assert_eq!(ca.parent(), Some(M49Area::from(Subregion::LatinAmericaAndTheCaribbean)));
/// assert!(ca.contains(Country::GT) && !ca.contains(Country::CU));
/// assert_eq!("419".parse::<M49Area>()?.name(), "Latin America and the Caribbean");
/// assert_eq!(M49Area::World.countries().count(), 250);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum M49Area {
    /// The world (001): every country, Antarctica included.
    World,
    /// A region.
    Region(Region),
    /// A sub-region.
    Subregion(Subregion),
    /// An intermediate region.
    IntermediateRegion(IntermediateRegion),
}

/// The M49 code of the world.
const WORLD_CODE: u16 = 1;

impl M49Area {
    /// The name, as M49 writes it: "Latin America and the Caribbean".
    pub const fn name(self) -> &'static str {
        match self {
            M49Area::World => "World",
            M49Area::Region(r) => r.name(),
            M49Area::Subregion(s) => s.name(),
            M49Area::IntermediateRegion(i) => i.name(),
        }
    }

    /// The M49 numeric code: 1 for the world, 419 for Latin America and the
    /// Caribbean, 13 for Central America (M49 writes it `013`).
    pub const fn m49(self) -> u16 {
        match self {
            M49Area::World => WORLD_CODE,
            M49Area::Region(r) => r.m49(),
            M49Area::Subregion(s) => s.m49(),
            M49Area::IntermediateRegion(i) => i.m49(),
        }
    }

    /// The level.
    pub const fn level(self) -> M49Level {
        match self {
            M49Area::World => M49Level::World,
            M49Area::Region(_) => M49Level::Region,
            M49Area::Subregion(_) => M49Level::Subregion,
            M49Area::IntermediateRegion(_) => M49Level::IntermediateRegion,
        }
    }

    /// The area it belongs to, one level up; `None` for the world.
    ///
    /// ```
    /// use statecraft::geo::{M49Area, Region, Subregion};
    ///
    /// let lac = M49Area::from(Subregion::LatinAmericaAndTheCaribbean);
    /// assert_eq!(lac.parent(), Some(M49Area::from(Region::Americas)));
    /// assert_eq!(M49Area::from(Region::Americas).parent(), Some(M49Area::World));
    /// assert_eq!(M49Area::World.parent(), None);
    /// ```
    pub const fn parent(self) -> Option<M49Area> {
        match self {
            M49Area::World => None,
            M49Area::Region(_) => Some(M49Area::World),
            M49Area::Subregion(s) => Some(M49Area::Region(s.region())),
            M49Area::IntermediateRegion(i) => Some(M49Area::Subregion(i.subregion())),
        }
    }

    /// Whether `country` is in the area (at any depth below it).
    pub fn contains(self, country: Country) -> bool {
        match self {
            M49Area::World => true,
            M49Area::Region(r) => country.region() == Some(r),
            M49Area::Subregion(s) => country.subregion() == Some(s),
            M49Area::IntermediateRegion(i) => country.intermediate_region() == Some(i),
        }
    }

    /// The countries in the area, in alpha-2 order.
    pub fn countries(self) -> impl Iterator<Item = Country> {
        Country::iter().filter(move |c| self.contains(*c))
    }

    /// Every area: the world, then the regions, sub-regions and
    /// intermediate regions, each by name.
    ///
    /// ```
    /// assert_eq!(statecraft::geo::M49Area::iter().count(), 1 + 5 + 17 + 7);
    /// ```
    pub fn iter() -> impl Iterator<Item = M49Area> {
        std::iter::once(M49Area::World)
            .chain(Region::iter().map(M49Area::Region))
            .chain(Subregion::iter().map(M49Area::Subregion))
            .chain(IntermediateRegion::iter().map(M49Area::IntermediateRegion))
    }

    /// The area with this M49 code.
    ///
    /// ```
    /// use statecraft::geo::{IntermediateRegion, M49Area};
    ///
    /// assert_eq!(M49Area::from_m49(13), Some(M49Area::from(IntermediateRegion::CentralAmerica)));
    /// assert_eq!(M49Area::from_m49(320), None); // Guatemala is a country
    /// ```
    pub fn from_m49(code: u16) -> Option<M49Area> {
        M49Area::iter().find(|a| a.m49() == code)
    }
}

impl Region {
    /// The name, as M49 writes it: "Americas".
    ///
    /// ```
    /// use statecraft::geo::Region;
    /// use statecraft::Country;
    ///
    /// assert_eq!(Country::GT.region().map(Region::name), Some("Americas"));
    /// ```
    pub const fn name(self) -> &'static str {
        self.record().0
    }

    /// The M49 numeric code: 19 for the Americas (M49 writes it `019`).
    pub const fn m49(self) -> u16 {
        self.record().1
    }

    /// Every region, by name.
    pub fn iter() -> impl Iterator<Item = Region> {
        <Region as strum::IntoEnumIterator>::iter()
    }

    /// The sub-regions of this region, by name.
    pub fn subregions(self) -> impl Iterator<Item = Subregion> {
        Subregion::iter().filter(move |s| s.region() == self)
    }

    /// The countries in this region, in alpha-2 order.
    ///
    /// ```
    /// use statecraft::geo::Region;
    /// use statecraft::Country;
    ///
    /// let oceania: Vec<Country> = Region::Oceania.countries().collect();
    /// assert!(oceania.contains(&Country::AU) && oceania.contains(&Country::NR));
    /// ```
    pub fn countries(self) -> impl Iterator<Item = Country> {
        M49Area::Region(self).countries()
    }
}

impl Subregion {
    /// The name, as M49 writes it: "South-eastern Asia".
    ///
    /// ```
    /// use statecraft::geo::Subregion;
    /// use statecraft::Country;
    ///
    /// assert_eq!(Country::VN.subregion().map(Subregion::name), Some("South-eastern Asia"));
    /// assert_eq!("south eastern asia".parse::<Subregion>()?.name(), "South-eastern Asia");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn name(self) -> &'static str {
        self.record().0
    }

    /// The M49 numeric code: 419 for Latin America and the Caribbean.
    ///
    /// ```
    /// use statecraft::geo::Subregion;
    /// use statecraft::Country;
    ///
    /// assert_eq!(Subregion::LatinAmericaAndTheCaribbean.m49(), 419);
    /// assert_eq!(Country::GT.subregion().map(Subregion::m49), Some(419));
    /// ```
    pub const fn m49(self) -> u16 {
        self.record().1
    }

    /// The region this sub-region belongs to.
    pub const fn region(self) -> Region {
        self.record().2
    }

    /// Every sub-region, by name.
    pub fn iter() -> impl Iterator<Item = Subregion> {
        <Subregion as strum::IntoEnumIterator>::iter()
    }

    /// The intermediate regions it is divided into, by name (none for most
    /// sub-regions).
    ///
    /// ```
    /// use statecraft::geo::{IntermediateRegion, Subregion};
    ///
    /// let lac: Vec<_> = Subregion::LatinAmericaAndTheCaribbean.intermediate_regions().collect();
    /// assert_eq!(lac, [IntermediateRegion::Caribbean, IntermediateRegion::CentralAmerica, IntermediateRegion::SouthAmerica]);
    /// assert_eq!(Subregion::WesternEurope.intermediate_regions().count(), 0);
    /// ```
    pub fn intermediate_regions(self) -> impl Iterator<Item = IntermediateRegion> {
        IntermediateRegion::iter().filter(move |i| i.subregion() == self)
    }

    /// The countries in this sub-region, in alpha-2 order.
    ///
    /// ```
    /// use statecraft::geo::Subregion;
    /// use statecraft::Country;
    ///
    /// let anz: Vec<Country> = "Australia and New Zealand".parse::<Subregion>()?.countries().collect();
    /// assert_eq!(anz, [Country::AU, Country::CC, Country::CX, Country::HM, Country::NF, Country::NZ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn countries(self) -> impl Iterator<Item = Country> {
        M49Area::Subregion(self).countries()
    }
}

impl IntermediateRegion {
    /// The name, as M49 writes it: "Central America".
    pub const fn name(self) -> &'static str {
        self.record().0
    }

    /// The M49 numeric code: 13 for Central America (M49 writes it `013`).
    pub const fn m49(self) -> u16 {
        self.record().1
    }

    /// The sub-region it belongs to: Latin America and the Caribbean for
    /// Central America.
    pub const fn subregion(self) -> Subregion {
        self.record().2
    }

    /// The region it belongs to.
    pub const fn region(self) -> Region {
        self.subregion().region()
    }

    /// Every intermediate region, by name.
    pub fn iter() -> impl Iterator<Item = IntermediateRegion> {
        <IntermediateRegion as strum::IntoEnumIterator>::iter()
    }

    /// The countries in it, in alpha-2 order.
    ///
    /// ```
    /// use statecraft::geo::IntermediateRegion;
    /// use statecraft::Country;
    ///
    /// let central: Vec<Country> = IntermediateRegion::CentralAmerica.countries().collect();
    /// assert_eq!(central, [Country::BZ, Country::CR, Country::GT, Country::HN, Country::MX, Country::NI, Country::PA, Country::SV]);
    /// ```
    pub fn countries(self) -> impl Iterator<Item = Country> {
        M49Area::IntermediateRegion(self).countries()
    }
}

impl From<Region> for M49Area {
    fn from(r: Region) -> M49Area {
        M49Area::Region(r)
    }
}

impl From<Subregion> for M49Area {
    fn from(s: Subregion) -> M49Area {
        M49Area::Subregion(s)
    }
}

impl From<IntermediateRegion> for M49Area {
    fn from(i: IntermediateRegion) -> M49Area {
        M49Area::IntermediateRegion(i)
    }
}

/// The error for a name or code that is no UN M49 area (of the level
/// asked for).
///
/// ```
/// let e = "Atlantis".parse::<statecraft::geo::M49Area>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown UN M49 area `Atlantis`");
/// let e = "Central America".parse::<statecraft::geo::Subregion>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown UN M49 sub-region `Central America` (it is an intermediate region)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown UN M49 {kind} `{input}`{}", Found(*.found))]
pub struct ParseRegionError {
    kind: &'static str,
    input: Excerpt,
    found: Option<M49Level>,
}

/// Writes " (it is an intermediate region)" after an area of another level.
struct Found(Option<M49Level>);

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(M49Level::World) => f.write_str(" (it is the world)"),
            Some(level) => write!(f, " (it is {})", with_article(level)),
            None => Ok(()),
        }
    }
}

fn with_article(level: M49Level) -> &'static str {
    match level {
        M49Level::World => "the world",
        M49Level::Region => "a region",
        M49Level::Subregion => "a sub-region",
        M49Level::IntermediateRegion => "an intermediate region",
    }
}

impl ParseRegionError {
    /// The text that was not recognised.
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// The level of the area the text names, when it names one of another
    /// level than the one asked for.
    pub fn found(&self) -> Option<M49Level> {
        self.found
    }
}

/// Reads an area of any level by name or code. "America" (as some tables
/// write the region) is the Americas.
fn lookup(s: &str) -> Option<M49Area> {
    let t = s.trim();
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok().and_then(M49Area::from_m49);
    }
    let key = fold_name(t);
    if key.is_empty() {
        return None;
    }
    if key == "america" {
        return Some(M49Area::Region(Region::Americas));
    }
    M49Area::iter().find(|a| fold_name(a.name()) == key)
}

fn parse_level<T>(s: &str, kind: &'static str, pick: impl Fn(M49Area) -> Option<T>) -> Result<T, ParseRegionError> {
    let found = lookup(s);
    found.and_then(&pick).ok_or_else(|| ParseRegionError {
        kind,
        input: Excerpt::new(s),
        found: found.map(M49Area::level),
    })
}

impl FromStr for M49Area {
    type Err = ParseRegionError;

    /// Reads an area of any level by its M49 name (ignoring case,
    /// punctuation and diacritics: "south eastern asia") or its code
    /// (`"013"`, `"13"`, `"001"` for the world).
    ///
    /// # Errors
    ///
    /// [`ParseRegionError`] quoting the input when it names no area.
    fn from_str(s: &str) -> Result<M49Area, ParseRegionError> {
        parse_level(s, "area", Some)
    }
}

impl FromStr for Region {
    type Err = ParseRegionError;

    /// Reads a region by name or code: "Americas" (or "America"), "019".
    ///
    /// # Errors
    ///
    /// [`ParseRegionError`] quoting the input, and saying so when it names
    /// an area of another level.
    fn from_str(s: &str) -> Result<Region, ParseRegionError> {
        parse_level(s, "region", |a| match a {
            M49Area::Region(r) => Some(r),
            _ => None,
        })
    }
}

impl FromStr for Subregion {
    type Err = ParseRegionError;

    /// Reads a sub-region by name or code: "Latin America and the
    /// Caribbean", "419".
    ///
    /// # Errors
    ///
    /// [`ParseRegionError`] quoting the input, and saying so when it names
    /// an area of another level ("Central America" is an intermediate
    /// region).
    fn from_str(s: &str) -> Result<Subregion, ParseRegionError> {
        parse_level(s, "sub-region", |a| match a {
            M49Area::Subregion(r) => Some(r),
            _ => None,
        })
    }
}

impl FromStr for IntermediateRegion {
    type Err = ParseRegionError;

    /// Reads an intermediate region by name or code: "Central America",
    /// "013".
    ///
    /// # Errors
    ///
    /// [`ParseRegionError`] quoting the input, and saying so when it names
    /// an area of another level.
    fn from_str(s: &str) -> Result<IntermediateRegion, ParseRegionError> {
        parse_level(s, "intermediate region", |a| match a {
            M49Area::IntermediateRegion(r) => Some(r),
            _ => None,
        })
    }
}

macro_rules! name_display_and_serde {
    ($($ty:ty => $expecting:literal),* $(,)?) => {$(
        impl fmt::Display for $ty {
            /// The name, which `FromStr` reads back.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.name())
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$ty, D::Error> {
                crate::serde_str::deserialize_from_str(d, $expecting)
            }
        }
    )*};
}

name_display_and_serde! {
    M49Area => "a UN M49 area name or code",
    Region => "a UN M49 region name",
    Subregion => "a UN M49 sub-region name",
    IntermediateRegion => "a UN M49 intermediate region name",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes_round_trip_and_codes_are_unique() {
        let mut codes = std::collections::BTreeSet::new();
        for a in M49Area::iter() {
            assert_eq!(a.to_string().parse::<M49Area>(), Ok(a));
            assert_eq!(a.m49().to_string().parse::<M49Area>(), Ok(a));
            assert_eq!(format!("{:03}", a.m49()).parse::<M49Area>(), Ok(a));
            assert!(codes.insert(a.m49()), "{a} shares its M49 code");
            assert!(a.countries().next().is_some(), "{a} has no country");
            if let Some(parent) = a.parent() {
                assert!(a.countries().all(|c| parent.contains(c)), "{a} outside {parent}");
                assert!(parent.level() < a.level());
            }
        }
        for r in Region::iter() {
            assert_eq!(r.to_string().parse::<Region>(), Ok(r));
        }
        for s in Subregion::iter() {
            assert_eq!(s.to_string().parse::<Subregion>(), Ok(s));
        }
        for i in IntermediateRegion::iter() {
            assert_eq!(i.to_string().parse::<IntermediateRegion>(), Ok(i));
        }
    }

    #[test]
    fn errors_quote_the_input_and_name_the_level_found() {
        let cases = [
            (
                "Atlantis".parse::<M49Area>().unwrap_err(),
                "unknown UN M49 area `Atlantis`",
            ),
            ("".parse::<M49Area>().unwrap_err(), "unknown UN M49 area ``"),
            ("999".parse::<M49Area>().unwrap_err(), "unknown UN M49 area `999`"),
            (
                "Central America".parse::<Subregion>().unwrap_err(),
                "unknown UN M49 sub-region `Central America` (it is an intermediate region)",
            ),
            (
                "419".parse::<IntermediateRegion>().unwrap_err(),
                "unknown UN M49 intermediate region `419` (it is a sub-region)",
            ),
            (
                "World".parse::<Region>().unwrap_err(),
                "unknown UN M49 region `World` (it is the world)",
            ),
            (
                "Africa".parse::<Subregion>().unwrap_err(),
                "unknown UN M49 sub-region `Africa` (it is a region)",
            ),
        ];
        for (e, msg) in cases {
            assert_eq!(e.to_string(), msg);
        }
        assert_eq!("America".parse::<Region>(), Ok(Region::Americas));
    }

    #[test]
    fn every_country_is_in_the_areas_above_its_own() {
        for c in Country::iter() {
            if let Some(i) = c.intermediate_region() {
                assert_eq!(c.subregion(), Some(i.subregion()), "{c}");
            }
            assert_eq!(c.region(), c.subregion().map(Subregion::region), "{c}");
        }
        assert_eq!(Country::AQ.region(), None);
        assert_eq!(Country::NR.subregion(), Some(Subregion::Micronesia));
    }
}
