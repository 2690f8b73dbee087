//! `Report`, `Violation` and `Severity`: what validation found, and where.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use super::Rule;
use crate::model::{FieldPath, PathSegment};
use crate::Excerpt;

/// How grave a violation is.
///
/// An error is a contradiction: the facts cannot all be true. A warning is
/// something that could not be checked, or is likely but not certainly
/// wrong. [`Report::is_ok`] is true when there is no error. Errors order
/// above warnings.
///
/// ```
/// use statecraft::Severity;
///
/// assert_eq!(Severity::Error.to_string(), "error");
/// assert_eq!("warning".parse::<Severity>()?, Severity::Warning);
/// assert!(Severity::Error > Severity::Warning);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Could not be checked, or likely wrong.
    Warning,
    /// A contradiction.
    Error,
}

impl Severity {
    /// The word used in `Display`: `"error"`, `"warning"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = ParseSeverityError;

    /// Reads `error` or `warning`.
    ///
    /// # Errors
    ///
    /// [`ParseSeverityError`] quoting any other text.
    fn from_str(s: &str) -> Result<Severity, ParseSeverityError> {
        match s {
            "error" => Ok(Severity::Error),
            "warning" => Ok(Severity::Warning),
            _ => Err(ParseSeverityError { input: Excerpt::new(s) }),
        }
    }
}

impl serde::Serialize for Severity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Severity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Severity, D::Error> {
        crate::serde_str::deserialize_from_str(d, "\"error\" or \"warning\"")
    }
}

/// The error for text that is not a severity.
///
/// ```
/// let e = "fatal".parse::<statecraft::Severity>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown severity `fatal`: expected `error` or `warning`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown severity `{input}`: expected `error` or `warning`")]
pub struct ParseSeverityError {
    input: Excerpt,
}

impl ParseSeverityError {
    /// The text that was not a severity.
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

/// One way a dossier breaks a [`Rule`]: which rule, where in the document
/// (a [`FieldPath`], printed as a JSON Pointer such as
/// `/funding/0/recipients/1/share`), and a message naming the values
/// involved.
///
/// `Display` writes one line: `severity[rule-id] path: message`.
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::EcbRates;
/// use statecraft::{Dossier, Rule, Severity};
///
/// let json = r#"{"format": "statecraft-dossier/1",
///   "sources": [{"id": "s", "title": "A report", "published": "2021-06-07"}],
///   "vaccine_pledges": [{"id": "p", "donor": "US", "doses": 0, "announced": "2021-06-03", "source": "s"}]}"#;
/// let report = Dossier::from_json_str(json)?.validate(EcbRates::embedded());
/// let v = report.iter().next().ok_or("no violation")?;
/// assert_eq!(v.rule(), Rule::DosesNotPositive);
/// assert_eq!(v.severity(), Severity::Error);
/// assert_eq!(v.path().to_pointer(), "/vaccine_pledges/0/doses");
/// assert_eq!(v.message(), "pledge `p` is of 0 doses");
/// assert_eq!(v.to_string(), "error[doses-not-positive] /vaccine_pledges/0/doses: pledge `p` is of 0 doses");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Violation {
    rule: Rule,
    path: FieldPath,
    message: String,
}

impl Violation {
    /// A violation of `rule` at `path`. Control characters in the message
    /// (from names and titles in the dossier) are escaped, so that it
    /// stays on one line.
    pub(crate) fn new(rule: Rule, path: FieldPath, message: impl Into<String>) -> Violation {
        let mut message: String = message.into();
        if message.chars().any(char::is_control) {
            message = message
                .chars()
                .map(|c| {
                    if c.is_control() {
                        c.escape_default().to_string()
                    } else {
                        c.to_string()
                    }
                })
                .collect();
        }
        Violation { rule, path, message }
    }

    /// The rule broken.
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// The rule's severity.
    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }

    /// Where in the dossier: `/funding/0/recipients/1/share` as a JSON
    /// Pointer ([`FieldPath::to_pointer`]).
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// What is wrong, naming the values involved; one line (control
    /// characters from the dossier's text are escaped).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Violation {
    /// `error[allocation-exceeds-pledge] /vaccine_pledges/0/doses: allocations from ...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}] {}: {}",
            self.severity(),
            self.rule,
            self.path.to_pointer(),
            self.message
        )
    }
}

/// Everything [`Dossier::validate`](crate::Dossier::validate) found: every
/// violation of every rule, never only the first, in the order of the
/// document: by list in the format's order, then by the rest of the path
/// (place in the list, then, within one item, the field path segment by
/// segment: field names alphabetically, indices by number, a path before
/// the longer paths it begins), then by rule for violations at one path.
///
/// `Display` writes one violation per line and a summary line
/// (`1 error, 2 warnings`).
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::EcbRates;
/// use statecraft::{Dossier, Severity};
///
/// # let json = include_str!("../../examples/data/guatemala-2021.json");
/// let report = Dossier::from_json_str(json)?.validate(EcbRates::embedded());
/// assert!(report.is_ok());
/// assert_eq!(report.count(Severity::Error), 0);
/// assert_eq!(report.to_string(), "0 errors, 0 warnings\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    violations: Vec<Violation>,
}

impl Report {
    /// A report of `violations`, put in the order of the document.
    pub(crate) fn new(mut violations: Vec<Violation>) -> Report {
        violations.sort_by(|a, b| document_order(&a.path, &b.path).then(a.rule.cmp(&b.rule)));
        Report { violations }
    }

    /// Whether no violation is an error (warnings are allowed).
    pub fn is_ok(&self) -> bool {
        self.errors().next().is_none()
    }

    /// Whether there is no violation at all, not even a warning.
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// The number of violations.
    pub fn len(&self) -> usize {
        self.violations.len()
    }

    /// Every violation, in the order of the document.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// Every violation, in the order of the document.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.violations.iter()
    }

    /// The violations that are errors.
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.of_severity(Severity::Error)
    }

    /// The violations that are warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Violation> {
        self.of_severity(Severity::Warning)
    }

    /// The violations of `severity`.
    pub fn of_severity(&self, severity: Severity) -> impl Iterator<Item = &Violation> {
        self.violations.iter().filter(move |v| v.severity() == severity)
    }

    /// The violations of `rule`.
    ///
    #[cfg_attr(feature = "ecb-snapshot", doc = "```")]
    #[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
    /// use statecraft::fx::EcbRates;
    /// use statecraft::{Dossier, Rule};
    ///
    /// let json = r#"{"format": "statecraft-dossier/1",
    ///   "sources": [{"id": "s", "title": "A", "published": "2021-06-07"}, {"id": "s", "title": "B", "published": "2021-06-08"}]}"#;
    /// let report = Dossier::from_json_str(json)?.validate(EcbRates::embedded());
    /// let paths: Vec<String> = report.of_rule(Rule::DuplicateId).map(|v| v.path().to_pointer()).collect();
    /// assert_eq!(paths, ["/sources/1/id"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of_rule(&self, rule: Rule) -> impl Iterator<Item = &Violation> {
        self.violations.iter().filter(move |v| v.rule == rule)
    }

    /// The number of violations of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.of_severity(severity).count()
    }

    /// The number of errors.
    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    /// The number of warnings.
    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.violations.iter()
    }
}

impl IntoIterator for Report {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.violations.into_iter()
    }
}

impl fmt::Display for Report {
    /// One violation per line, then `N errors, M warnings`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for v in &self.violations {
            writeln!(f, "{v}")?;
        }
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        writeln!(
            f,
            "{}, {}",
            plural(self.error_count(), "error"),
            plural(self.warning_count(), "warning")
        )
    }
}

impl serde::Serialize for Violation {
    /// `{"rule": "doses-not-positive", "severity": "error", "path":
    /// "/vaccine_pledges/0/doses", "message": "..."}` (`docs/FORMAT.md`).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Violation", 4)?;
        st.serialize_field("rule", &self.rule)?;
        st.serialize_field("severity", &self.severity())?;
        st.serialize_field("path", &self.path.to_pointer())?;
        st.serialize_field("message", &self.message)?;
        st.end()
    }
}

impl Report {
    /// The `format` tag of a report written as JSON.
    pub const FORMAT: &'static str = "statecraft-report/1";
}

impl serde::Serialize for Report {
    /// `{"format": "statecraft-report/1", "errors": 1, "warnings": 0,
    /// "violations": [...]}`, the violations in the order of the document
    /// (`docs/FORMAT.md`).
    ///
    #[cfg_attr(feature = "ecb-snapshot", doc = "```")]
    #[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
    /// use statecraft::fx::EcbRates;
    /// use statecraft::Dossier;
    ///
    /// let json = r#"{"format": "statecraft-dossier/1",
    ///   "sources": [{"id": "s", "title": "A report", "published": "2021-06-07"}],
    ///   "vaccine_pledges": [{"id": "p", "donor": "US", "doses": 0, "announced": "2021-06-03", "source": "s"}]}"#;
    /// let report = Dossier::from_json_str(json)?.validate(EcbRates::embedded());
    /// assert_eq!(
    ///     serde_json::to_string(&report)?,
    ///     r#"{"format":"statecraft-report/1","errors":1,"warnings":0,"violations":[{"rule":"doses-not-positive","severity":"error","path":"/vaccine_pledges/0/doses","message":"pledge `p` is of 0 doses"}]}"#
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Report", 4)?;
        st.serialize_field("format", Report::FORMAT)?;
        st.serialize_field("errors", &self.error_count())?;
        st.serialize_field("warnings", &self.warning_count())?;
        st.serialize_field("violations", &self.violations)?;
        st.end()
    }
}

/// The lists of a dossier document, in the order of the format.
const LISTS: [&str; 10] = [
    "sources",
    "groups",
    "leaders",
    "trips",
    "meetings",
    "initiatives",
    "funding",
    "vaccine_pledges",
    "vaccine_allocations",
    "statistics",
];

/// Orders paths as the document does: by list in the format's order, then
/// by the rest of the path.
fn document_order(a: &FieldPath, b: &FieldPath) -> Ordering {
    let rank = |p: &FieldPath| match p.segments().first() {
        Some(PathSegment::Field(name)) => LISTS.iter().position(|l| l == name).unwrap_or(LISTS.len()),
        _ => LISTS.len(),
    };
    rank(a)
        .cmp(&rank(b))
        .then_with(|| a.segments().get(1..).cmp(&b.segments().get(1..)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(list: &str, i: usize) -> FieldPath {
        FieldPath::root().field(list).index(i)
    }

    #[test]
    fn orders_by_document_then_rule() {
        let report = Report::new(vec![
            Violation::new(Rule::NegativeAmount, at("funding", 1), "b"),
            Violation::new(Rule::UnknownSource, at("leaders", 0).field("source"), "a"),
            Violation::new(Rule::DuplicateId, at("funding", 0).field("id"), "c"),
            Violation::new(Rule::ConcurrentOfficeHolders, at("leaders", 0).field("source"), "d"),
            Violation::new(Rule::DuplicateId, at("funding", 10).field("id"), "e"),
        ]);
        let order: Vec<&str> = report.iter().map(Violation::message).collect();
        assert_eq!(order, ["d", "a", "c", "b", "e"]);
        assert!(!report.is_ok());
        assert_eq!((report.error_count(), report.warning_count(), report.len()), (4, 1, 5));
    }

    #[test]
    fn within_one_item_orders_by_field_path() {
        let leader = || at("leaders", 0);
        let report = Report::new(vec![
            Violation::new(Rule::NotInOffice, leader().field("terms").index(1).field("end"), "d"),
            Violation::new(Rule::UnknownSource, leader().field("source"), "a2"),
            Violation::new(
                Rule::FactAfterSource,
                leader().field("terms").index(0).field("start"),
                "c",
            ),
            Violation::new(Rule::DuplicateId, leader().field("id"), "a"),
            Violation::new(Rule::ConcurrentOfficeHolders, leader().field("terms").index(0), "b"),
        ]);
        let order: Vec<&str> = report.iter().map(Violation::message).collect();
        // `id` < `source` < `terms`; `terms/0` < `terms/0/start` < `terms/1/end`.
        assert_eq!(order, ["a", "a2", "b", "c", "d"]);
    }

    #[test]
    fn display_counts_in_words() {
        let one = Report::new(vec![Violation::new(
            Rule::StageCountedTwice,
            at("vaccine_allocations", 1),
            "x",
        )]);
        assert!(one.is_ok());
        assert!(!one.is_empty());
        assert_eq!(
            one.to_string(),
            "warning[stage-counted-twice] /vaccine_allocations/1: x\n0 errors, 1 warning\n"
        );
        assert_eq!(Report::default().to_string(), "0 errors, 0 warnings\n");
    }

    #[test]
    fn messages_stay_on_one_line() {
        let v = Violation::new(Rule::RoleNotHeld, at("meetings", 0), "named Adviser\non\t2021");
        assert_eq!(v.message(), "named Adviser\\non\\t2021");
        assert_eq!(v.to_string().lines().count(), 1);
    }

    #[test]
    fn severity_round_trips() {
        for s in [Severity::Error, Severity::Warning] {
            assert_eq!(s.to_string().parse::<Severity>().unwrap(), s);
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(serde_json::from_str::<Severity>(&json).unwrap(), s);
        }
        assert_eq!(
            "Error".parse::<Severity>().unwrap_err().to_string(),
            "unknown severity `Error`: expected `error` or `warning`"
        );
    }
}
