//! Dossiers: the JSON format (load errors, format 1, the documented
//! examples, round trips), the seed dossier, approximate figures, and
//! validation (its rules, their documentation, the `tests/invalid/`
//! catalogue and its properties).
//!
//! One test binary (one link step) for the whole flow; each module is one
//! file of `tests/model/`. Modules that need the embedded ECB snapshot say
//! so with `#![cfg(feature = "ecb-snapshot")]` at their top.

#[path = "support/consistent_dossier.rs"]
mod consistent;
#[path = "support/dossier_strategy.rs"]
mod strategy;

#[path = "model/dossier_format_1.rs"]
mod dossier_format_1;
#[path = "model/dossier_format_doc.rs"]
mod dossier_format_doc;
#[path = "model/dossier_load_errors.rs"]
mod dossier_load_errors;
#[path = "model/dossier_roundtrip.rs"]
mod dossier_roundtrip;
#[path = "model/dossier_seed.rs"]
mod dossier_seed;
#[path = "model/figure_properties.rs"]
mod figure_properties;
#[path = "model/validate_invalid.rs"]
mod validate_invalid;
#[path = "model/validate_properties.rs"]
mod validate_properties;
#[path = "model/validate_rules_doc.rs"]
mod validate_rules_doc;
