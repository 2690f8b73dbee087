//! Places: countries and territories (ISO 3166-1) and the UN M49 regions
//! they belong to.

mod country;
mod country_table;
pub(crate) mod normalize;
mod region;

pub use country::{Country, ParseCountryError};
pub use region::{Continent, ParseRegionError, Subregion};
