//! `EventStatus`: whether an event happened or was still to come.

use std::fmt;

crate::serde_strict::strict_serde!(EventStatus);

/// Whether an event (a leg of a trip, a meeting, the launch of an
/// initiative) had happened by the date of the source that reports it.
///
/// News reports mix the two: a visitor has already held talks in one
/// capital and is due in another a few days later. A planned event is a
/// fact about an intention, and may be dated after its source.
///
/// ```
/// use statecraft::model::EventStatus;
///
/// assert_eq!(EventStatus::default(), EventStatus::Happened);
/// assert_eq!(EventStatus::Planned.to_string(), "planned");
/// assert!(EventStatus::Planned.is_planned());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum EventStatus {
    /// It took place on or before the source's date.
    #[default]
    Happened,
    /// Announced or scheduled, not yet held at the source's date.
    Planned,
    /// Announced, then called off.
    Cancelled,
}

impl EventStatus {
    /// The word used in the JSON format and in `Display`.
    pub const fn as_str(self) -> &'static str {
        match self {
            EventStatus::Happened => "happened",
            EventStatus::Planned => "planned",
            EventStatus::Cancelled => "cancelled",
        }
    }

    /// Whether the event was still to come.
    pub const fn is_planned(self) -> bool {
        matches!(self, EventStatus::Planned)
    }
}

impl fmt::Display for EventStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_uses_the_display_words() {
        for s in [EventStatus::Happened, EventStatus::Planned, EventStatus::Cancelled] {
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{s}\""));
        }
    }
}
