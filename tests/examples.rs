//! The examples run as a user would (their output, exit status and
//! charts), the bad-input catalogue, and the documented output formats.
//!
//! One test binary (one link step) for them all; each module is one file
//! of `tests/examples/`. Modules that need the embedded ECB snapshot say
//! so with `#![cfg(feature = "ecb-snapshot")]` at their top.

#[path = "support/example_bin.rs"]
mod example_bin;

#[path = "examples/aggregate_example.rs"]
mod aggregate_example;
#[path = "examples/bad_input.rs"]
mod bad_input;
#[path = "examples/charts.rs"]
mod charts;
#[path = "examples/country_names.rs"]
mod country_names;
#[path = "examples/dossier_example.rs"]
mod dossier_example;
#[path = "examples/fx_example.rs"]
mod fx_example;
#[path = "examples/iati_aggregate.rs"]
mod iati_aggregate;
#[path = "examples/output_format_doc.rs"]
mod output_format_doc;
#[path = "examples/output_formats.rs"]
mod output_formats;
#[path = "examples/scan_example.rs"]
mod scan_example;
#[path = "examples/vaccine_sharing_example.rs"]
mod vaccine_sharing_example;
#[path = "examples/validate_example.rs"]
mod validate_example;
