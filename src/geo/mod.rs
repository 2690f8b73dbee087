//! Places: countries and territories (ISO 3166-1), the UN M49 areas they
//! belong to at every level, the OECD DAC recipient regions aid data
//! names ([`DacRegion`]), and named groups of countries with dated
//! membership ([`CountryGroup`]); reading a country from any of its codes
//! and names, and saying how it was read ([`Country::resolve`]).

mod country;
mod country_table;
mod dac_region;
mod dac_region_table;
mod group;
mod group_table;
mod m49_table;
mod name_table;
mod names;
pub(crate) mod normalize;
mod region;
mod resolve;

pub use country::Country;
pub use dac_region::{DacRegion, ParseDacRegionError};
pub use group::{CountryGroup, DatedGroupError, GroupDateError, Membership, MembershipError};
pub use names::{ChangeDate, FormerName, Language, NameList};
pub use region::{IntermediateRegion, M49Area, M49Level, ParseRegionError, Region, Subregion};
pub use resolve::{ParseCountryError, ParseCountryErrorKind, Reading, Resolution, Rewrite};
