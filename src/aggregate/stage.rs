//! `Stage`: where a flow of funds is in its life, from announcement to
//! disbursement.

use std::fmt;
use std::str::FromStr;

use crate::Excerpt;

/// The stage of a flow of funds, in the order of IATI's transaction
/// lifecycle: announced, pledged, committed, disbursed — or cancelled.
///
/// The CSV form of funding records writes it in lower case (`pledged`);
/// `Display` and `FromStr` are exact inverses. Ordering follows the
/// lifecycle, so totals grouped by stage list announcements first.
///
/// ```
/// use statecraft::Stage;
///
/// let s: Stage = "committed".parse()?;
/// assert_eq!(s, Stage::Committed);
/// assert_eq!(s.to_string(), "committed");
/// assert!(Stage::Pledged < Stage::Disbursed);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, strum::EnumCount)]
#[non_exhaustive]
pub enum Stage {
    /// Made public, with or without an amount, but not yet promised.
    Announced,
    /// Promised by the donor (a pledge), not yet a binding commitment.
    Pledged,
    /// A firm, binding obligation (IATI transaction type 2, CRS commitment).
    Committed,
    /// Paid out (IATI transaction type 3, CRS disbursement).
    Disbursed,
    /// Withdrawn; amounts at this stage are usually negative reductions.
    Cancelled,
}

impl Stage {
    /// The lower-case name, as the CSV form writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Stage::Announced => "announced",
            Stage::Pledged => "pledged",
            Stage::Committed => "committed",
            Stage::Disbursed => "disbursed",
            Stage::Cancelled => "cancelled",
        }
    }

    /// Every stage, in lifecycle order.
    pub fn iter() -> impl Iterator<Item = Stage> {
        <Stage as strum::IntoEnumIterator>::iter()
    }

    /// The stage named by these bytes, in any case, without allocating.
    pub(crate) fn from_bytes(b: &[u8]) -> Option<Stage> {
        Stage::iter().find(|s| s.as_str().as_bytes().eq_ignore_ascii_case(b))
    }
}

/// The error for text that names no [`Stage`].
///
/// ```
/// let e = "paid".parse::<statecraft::Stage>().unwrap_err();
/// assert_eq!(
///     e.to_string(),
///     "unknown stage `paid`: expected announced, pledged, committed, disbursed or cancelled"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown stage `{input}`: expected announced, pledged, committed, disbursed or cancelled")]
pub struct ParseStageError {
    input: Excerpt,
}

impl ParseStageError {
    pub(crate) fn new(input: &str) -> ParseStageError {
        ParseStageError {
            input: Excerpt::new(input),
        }
    }

    /// The text that was not recognised (cut to 60 characters).
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

impl FromStr for Stage {
    type Err = ParseStageError;

    /// Reads the lower-case name that `Display` writes; case-insensitive,
    /// surrounding whitespace ignored.
    ///
    /// # Errors
    ///
    /// [`ParseStageError`] quoting the input when it names no stage.
    ///
    /// ```
    /// use statecraft::Stage;
    ///
    /// assert_eq!(" Disbursed ".parse::<Stage>()?, Stage::Disbursed);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from_str(s: &str) -> Result<Stage, ParseStageError> {
        Stage::from_bytes(s.trim().as_bytes()).ok_or_else(|| ParseStageError::new(s))
    }
}

impl fmt::Display for Stage {
    /// Writes the lower-case name, which [`FromStr`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Stage {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Stage {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Stage, D::Error> {
        crate::serde_str::deserialize_from_str(d, "a funding stage such as \"committed\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_from_str_are_inverses() {
        for s in Stage::iter() {
            assert_eq!(s.to_string().parse::<Stage>().unwrap(), s);
            assert_eq!(Stage::from_bytes(s.as_str().as_bytes()), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(serde_json::from_str::<Stage>(&json).unwrap(), s);
        }
        assert_eq!(Stage::iter().count(), 5);
    }

    #[test]
    fn rejections_quote_the_input() {
        for (input, message) in [
            (
                "",
                "unknown stage ``: expected announced, pledged, committed, disbursed or cancelled",
            ),
            (
                "paid",
                "unknown stage `paid`: expected announced, pledged, committed, disbursed or cancelled",
            ),
        ] {
            assert_eq!(input.parse::<Stage>().unwrap_err().to_string(), message);
        }
        assert_eq!(Stage::from_bytes(b"Pledged"), Some(Stage::Pledged));
        assert_eq!(Stage::from_bytes(b" pledged"), None);
    }
}
