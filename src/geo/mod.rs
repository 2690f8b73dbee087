//! Places: countries and territories (ISO 3166-1) and the UN M49 regions
//! they belong to, and named groups of countries.

mod country;
mod country_table;
mod group;
pub(crate) mod normalize;
mod region;

pub use country::{Country, ParseCountryError};
pub use group::CountryGroup;
pub use region::{Continent, ParseRegionError, Subregion};
