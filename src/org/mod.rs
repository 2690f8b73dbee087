//! Organisations: the bodies that give, receive, channel and carry aid
//! besides countries, as reference data.
//!
//! - [`Organisation`]: a UN agency, a development bank, a government
//!   agency, an NGO, a partnership such as COVAX, with its IATI
//!   organisation identifier and [`OrganisationKind`]. 64 come built in
//!   ([`Organisation::builtin`], [`Organisation::find`]); a dossier
//!   declares others.
//! - [`DacChannel`]: every OECD DAC channel code (438, from IATI's
//!   `CRSChannelCode` codelist), the published list most aid data names
//!   organisations by: 41122 UNICEF, 47122 Gavi, 44000 the World Bank
//!   Group.
//! - [`OrgRef`]: an organisation identifier as an IATI file writes it
//!   (`XM-DAC-41122`, `GB-GOV-1`), and [`Organisation::from_iati`], which
//!   resolves one to a built-in organisation.
//!
//! The built-in organisations are those the news and aid data name most:
//! UN agencies, the World Bank Group and IMF, the regional development
//! banks (IDB, CABEI, AfDB, ADB, ...), Gavi, the Global Fund, CEPI, the
//! European Commission, the Red Cross, the main NGOs, and national
//! agencies whose IATI identifiers appear in published IATI files (USAID
//! `US-GOV-1`, FCDO `GB-GOV-1`, ...). `data/organisations.csv` lists them
//! with their sources; `data/README.md` says where each list comes from.

mod channel_table;
mod dac_channel;
mod org_ref;
mod organisation;
mod organisation_table;

pub use dac_channel::DacChannel;
pub use org_ref::OrgRef;
pub use organisation::{Organisation, OrganisationKind, ParseOrganisationKindError};
