//! `FactRejection`: a fact of a dossier a summary could not count, where
//! it is, and why.

use std::fmt;

use super::RejectReason;
use crate::model::FieldPath;

/// A fact of a dossier that a summary left out: where it sits in the
/// dossier (`/funding/3`, as a JSON Pointer into its JSON form) and why
/// (no rate for its currency on its date, shares that do not add up, no
/// date to group it by).
///
/// ```
/// use statecraft::aggregate::RejectReason;
/// use statecraft::model::FieldPath;
/// use statecraft::summary::{FactRejection, FundingFlowError};
///
/// let path = FieldPath::root().field("funding").index(3);
/// let r = FactRejection::new(path, RejectReason::Funding(FundingFlowError::Undated { id: "x".parse()? }));
/// assert_eq!(r.path().to_pointer(), "/funding/3");
/// assert_eq!(r.to_string(), "/funding/3: funding `x` has neither a value date nor an announcement date");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactRejection {
    path: FieldPath,
    reason: RejectReason,
}

impl FactRejection {
    /// The fact at `path` was left out for `reason`.
    pub fn new(path: FieldPath, reason: RejectReason) -> FactRejection {
        FactRejection { path, reason }
    }

    /// Where the fact (or the part of it at fault) sits in the dossier.
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// Why it was left out.
    pub fn reason(&self) -> &RejectReason {
        &self.reason
    }
}

impl fmt::Display for FactRejection {
    /// `/funding/3: <reason>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.to_pointer(), self.reason)
    }
}
