//! `OrgRef`: an organisation identifier as an IATI file writes it.

use std::fmt;

use super::Organisation;

/// An organisation identifier as written in an IATI file's `@ref`
/// (`GB-GOV-1`, `XM-DAC-41122`, `44000`), stripped of XML whitespace,
/// never empty. It names an organisation the crate may or may not know:
/// [`Organisation::from_iati`](super::Organisation::from_iati) resolves it.
///
/// ```
/// use statecraft::org::OrgRef;
///
/// let r = OrgRef::new(" GB-GOV-1\n").ok_or("empty")?;
/// assert_eq!(r.as_str(), "GB-GOV-1");
/// assert_eq!(OrgRef::new(" "), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrgRef(Box<str>);

impl OrgRef {
    /// The ref of an attribute value; `None` when it is empty once
    /// stripped of XML whitespace (an empty `ref=""` counts as absent).
    pub fn new(written: &str) -> Option<OrgRef> {
        let s = written.trim_matches(|c| matches!(c, ' ' | '\t' | '\r' | '\n'));
        (!s.is_empty()).then(|| OrgRef(s.into()))
    }

    /// The identifier.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The built-in organisation the identifier names
    /// ([`Organisation::from_iati`]).
    ///
    /// ```
    /// use statecraft::org::OrgRef;
    ///
    /// let fcdo = OrgRef::new("GB-GOV-1").ok_or("empty")?;
    /// assert_eq!(fcdo.organisation().map(|o| o.id()), Some("fcdo"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn organisation(&self) -> Option<&'static Organisation> {
        Organisation::from_iati(&self.0)
    }
}

impl fmt::Display for OrgRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl serde::Serialize for OrgRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for OrgRef {
    /// Reads an identifier; one that is empty once stripped is an error.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<OrgRef, D::Error> {
        struct RefVisitor;

        impl serde::de::Visitor<'_> for RefVisitor {
            type Value = OrgRef;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an IATI organisation identifier such as \"XM-DAC-41122\"")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<OrgRef, E> {
                OrgRef::new(v).ok_or_else(|| E::custom("empty IATI organisation identifier"))
            }
        }

        d.deserialize_str(RefVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_reads_through_new() {
        let r: OrgRef = serde_json::from_str("\" US-GOV-1 \"").unwrap();
        assert_eq!(r.as_str(), "US-GOV-1");
        assert_eq!(serde_json::to_string(&r).unwrap(), "\"US-GOV-1\"");
        assert_eq!(
            serde_json::from_str::<OrgRef>("\"\\n\"").unwrap_err().to_string(),
            "empty IATI organisation identifier at line 1 column 4"
        );
    }
}
