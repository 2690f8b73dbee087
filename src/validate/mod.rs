//! Validation: every way the facts of a dossier contradict each other or
//! the reference data, found in one pass by [`Dossier::validate`], each
//! with a stable rule id and its place in the document.
//!
//! - [`Rule`]: every check, with a stable id (`allocation-exceeds-pledge`)
//!   and its [`Severity`]; `docs/RULES.md` lists them.
//! - [`Report`]: every [`Violation`] found: its rule, its severity, where
//!   in the document as a JSON Pointer (`/vaccine_pledges/0/doses`) and a
//!   message naming the values; as text or as JSON.
//!
//! ```
//! use statecraft::fx::RateTable;
//! use statecraft::{Dossier, Rule, Severity};
//!
//! let json = r#"{"format": "statecraft-dossier/2",
//!   "sources": [{"id": "s", "title": "A report", "published": "2021-06-07"}],
//!   "vaccine_pledges": [{"id": "p", "donor": "US", "doses": 100, "announced": "2021-06-03", "source": "s"}],
//!   "vaccine_allocations": [{"id": "a", "pledge": "p", "recipient": "GT", "doses": 150,
//!     "stage": "announced", "source": "s"}]}"#;
//! let report = Dossier::from_json_str(json)?.validate(&RateTable::new());
//! let v = report.errors().next().ok_or("no error")?;
//! assert_eq!((v.rule(), v.severity()), (Rule::AllocationExceedsPledge, Severity::Error));
//! assert_eq!(v.path().to_pointer(), "/vaccine_pledges/0/doses");
//! assert_eq!(v.rule().id(), "allocation-exceeds-pledge");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod groups;
mod index;
mod money;
mod named;
mod offices;
mod periods;
mod references;
mod report;
mod reported;
mod rule;
mod sources;
mod statistics;
mod tranches;
mod vaccines;

pub use report::{ParseSeverityError, Report, Severity, Violation};
pub use rule::{ParseRuleError, Rule};

use crate::fx::RateSource;
use crate::model::FieldPath;
use crate::Dossier;
use index::Index;

impl Dossier {
    /// Checks the dossier against every [`Rule`] and reports every
    /// violation, never stopping at the first: references resolve and ids
    /// are unique; groups are named within their recorded history; periods
    /// are ordered and meetings fall within their trip; leaders hold office
    /// (and the office or function they are named by) on the days they
    /// act; facts are not dated
    /// after their sources; amounts are in legal tender, signed by their
    /// stage and split into shares that sum to 100; reported pairs agree
    /// at the reference rate of the report's date (`rates`); vaccine
    /// allocations stay within their pledges and tranches, and tranches
    /// within their parents; statistics' breakdowns stay within 100%.
    /// Approximate figures are judged by their bounds: a violation is
    /// reported only when the figures, whatever the true numbers within
    /// their bounds, cannot all be true. `docs/RULES.md` lists every rule.
    ///
    /// Ids are indexed once, so validation takes time linear in the size
    /// of the dossier (plus one rate lookup per reported amount). It never
    /// panics, whatever the dossier.
    ///
    #[cfg_attr(feature = "ecb-snapshot", doc = "```")]
    #[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
    /// use statecraft::fx::EcbRates;
    /// use statecraft::{Dossier, Rule};
    ///
    /// # let seed = include_str!("../../examples/data/guatemala-2021.json");
    /// let dossier = Dossier::from_json_str(seed)?;
    /// assert!(dossier.validate(EcbRates::embedded()).is_ok());
    ///
    /// // The same story with Guatemala's 500,000 doses written as 24,500,001.
    /// let wrong = Dossier::from_json_str(&seed.replace("\"doses\": 500000", "\"doses\": 24500001"))?;
    /// let report = wrong.validate(EcbRates::embedded());
    /// assert!(!report.is_ok());
    /// let v = report.errors().next().ok_or("no error")?;
    /// assert_eq!(v.rule(), Rule::AllocationExceedsPledge);
    /// assert_eq!(v.path().to_pointer(), "/vaccine_pledges/0/doses");
    /// assert_eq!(
    ///     v.message(),
    ///     "allocations from pledge `us-covid-25m` sum to 25,500,001 doses, above the 25,000,000 pledged"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate<R: RateSource + ?Sized>(&self, rates: &R) -> Report {
        let index = Index::new(self);
        let mut out = Vec::new();
        references::check(self, &index, &mut out);
        groups::check(self, &index, &mut out);
        periods::check(self, &index, &mut out);
        offices::check(self, &index, &mut out);
        sources::check(self, &index, &mut out);
        money::check(self, &index, &mut out);
        reported::check(self, &index, rates, &mut out);
        vaccines::check(self, &index, &mut out);
        tranches::check(self, &index, &mut out);
        statistics::check(self, &mut out);
        Report::new(out)
    }
}

/// The path of item `i` of the list `list`: `/funding/3`.
fn at(list: &str, i: usize) -> FieldPath {
    FieldPath::root().field(list).index(i)
}

/// Small dossiers for the unit tests of each check.
#[cfg(test)]
mod tests_support {
    use crate::fx::{RateSource, RateTable};
    use crate::Dossier;

    /// A dossier of `format` (1 or 2) with one source, `s`, published on
    /// 2021-06-07, and the lists in `lists` (JSON members, without braces).
    fn dossier(format: u8, lists: &str) -> Dossier {
        let json = format!(
            r#"{{"format": "statecraft-dossier/{format}",
                "sources": [{{"id": "s", "title": "S", "published": "2021-06-07"}}]{}{lists}}}"#,
            if lists.is_empty() { "" } else { ", " }
        );
        Dossier::from_json_str(&json).unwrap_or_else(|e| panic!("{e}\n{json}"))
    }

    /// The violations of a format-1 dossier of `lists` (see [`dossier`]),
    /// as `rule-id /path` lines.
    pub(crate) fn found(lists: &str) -> Vec<String> {
        found_with(lists, &RateTable::new())
    }

    /// As [`found`], checking reported pairs at `rates`.
    pub(crate) fn found_with(lists: &str, rates: &dyn RateSource) -> Vec<String> {
        lines(&dossier(1, lists), rates, false)
    }

    /// As [`found`], for a dossier of format 2.
    pub(crate) fn found_v2(lists: &str) -> Vec<String> {
        lines(&dossier(2, lists), &RateTable::new(), false)
    }

    /// `rule-id /path: message` for each violation of the lists, with no rates.
    pub(crate) fn messages(lists: &str) -> Vec<String> {
        lines(&dossier(1, lists), &RateTable::new(), true)
    }

    /// As [`messages`], for a dossier of format 2.
    pub(crate) fn messages_v2(lists: &str) -> Vec<String> {
        lines(&dossier(2, lists), &RateTable::new(), true)
    }

    /// `rule-id /path`, and `: message` when asked, per violation.
    fn lines(d: &Dossier, rates: &dyn RateSource, with_message: bool) -> Vec<String> {
        d.validate(rates)
            .iter()
            .map(|v| match with_message {
                true => format!("{} {}: {}", v.rule(), v.path().to_pointer(), v.message()),
                false => format!("{} {}", v.rule(), v.path().to_pointer()),
            })
            .collect()
    }

    /// A leader `id` holding `office` of `country` from `start` to `end`.
    pub(crate) fn leader(id: &str, office: &str, country: &str, start: &str, end: Option<&str>) -> String {
        let end = end.map(|e| format!(r#", "end": "{e}""#)).unwrap_or_default();
        format!(
            r#"{{"id": "{id}", "name": "{id}", "terms": [{{"office": "{office}", "country": "{country}", "start": "{start}"{end}}}], "source": "s"}}"#
        )
    }
}
