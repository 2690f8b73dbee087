//! Places: countries and territories (ISO 3166-1), the UN M49 areas they
//! belong to at every level, and named groups of countries; reading a
//! country from any of its codes and names, and saying how it was read
//! ([`Country::resolve`]).

mod country;
mod country_table;
mod group;
mod m49_table;
mod name_table;
mod names;
pub(crate) mod normalize;
mod region;
mod resolve;

pub use country::Country;
pub use group::CountryGroup;
pub use names::{ChangeDate, FormerName, Language, NameList};
pub use region::{IntermediateRegion, M49Area, M49Level, ParseRegionError, Region, Subregion};
pub use resolve::{ParseCountryError, ParseCountryErrorKind, Reading, Resolution, Rewrite};
