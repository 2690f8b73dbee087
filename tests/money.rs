//! Reference data and money: countries, currencies and their generated
//! tables, country names, money notation and the scanner, exchange rates
//! (the ECB history, rate tables, chains, reported pairs).
//!
//! One test binary (one link step) for the whole flow; each module is one
//! file of `tests/money/`. Modules that need the embedded ECB snapshot say
//! so with `#![cfg(feature = "ecb-snapshot")]` at their top.

#[path = "support/countries.rs"]
mod countries;
#[path = "../src/geo/normalize.rs"]
#[allow(dead_code)]
mod normalize;
#[path = "support/regenerate.rs"]
mod regenerate;
#[path = "support/table_data.rs"]
mod table_data;

#[path = "money/country_name_tables.rs"]
mod country_name_tables;
#[path = "money/fx_ecb.rs"]
mod fx_ecb;
#[path = "money/fx_never_panics.rs"]
mod fx_never_panics;
#[path = "money/fx_parse_errors.rs"]
mod fx_parse_errors;
#[path = "money/fx_properties.rs"]
mod fx_properties;
#[path = "money/fx_reported.rs"]
mod fx_reported;
#[path = "money/fx_sources.rs"]
mod fx_sources;
#[path = "money/generated_actors.rs"]
mod generated_actors;
#[path = "money/generated_tables.rs"]
mod generated_tables;
#[path = "money/iso_reference.rs"]
mod iso_reference;
#[path = "money/money_properties.rs"]
mod money_properties;
#[path = "money/notation_text.rs"]
mod notation_text;
#[path = "money/price_parser_cases.rs"]
mod price_parser_cases;
#[path = "money/scan.rs"]
mod scan;
