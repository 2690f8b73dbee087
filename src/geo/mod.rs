//! Places: countries and territories (ISO 3166-1), the UN M49 areas they
//! belong to at every level, and named groups of countries.

mod country;
mod country_table;
mod group;
mod m49_table;
pub(crate) mod normalize;
mod region;

pub use country::{Country, ParseCountryError};
pub use group::CountryGroup;
pub use region::{IntermediateRegion, M49Area, M49Level, ParseRegionError, Region, Subregion};
