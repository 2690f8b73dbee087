//! `FieldPath`: where in a dossier document a value sits.

use std::fmt;

/// Where a value sits in a dossier, in the terms of its JSON format:
/// `funding[0].amount.currency`, or as a JSON Pointer (RFC 6901),
/// `/funding/0/amount/currency`.
///
/// Load errors carry one ([`LoadError::path`](crate::LoadError::path)), and
/// so can any check that reports where in a dossier it found something.
///
/// ```
/// use statecraft::FieldPath;
///
/// let p = FieldPath::root().field("funding").index(0).field("recipients").index(1).field("share");
/// assert_eq!(p.to_string(), "funding[0].recipients[1].share");
/// assert_eq!(p.to_pointer(), "/funding/0/recipients/1/share");
/// assert!(FieldPath::root().is_root());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath {
    segments: Vec<PathSegment>,
}

/// One step of a [`FieldPath`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathSegment {
    /// A member of an object: a field, or the tag of an enum value
    /// (`country` in `{"country": "GT"}`).
    Field(String),
    /// An element of an array, from 0.
    Index(usize),
}

impl FieldPath {
    /// The document itself.
    pub fn root() -> FieldPath {
        FieldPath::default()
    }

    /// This path, then the member `name`.
    #[must_use]
    pub fn field(mut self, name: impl Into<String>) -> FieldPath {
        self.segments.push(PathSegment::Field(name.into()));
        self
    }

    /// This path, then the element `index`.
    #[must_use]
    pub fn index(mut self, index: usize) -> FieldPath {
        self.segments.push(PathSegment::Index(index));
        self
    }

    /// The steps, from the root.
    pub fn segments(&self) -> &[PathSegment] {
        &self.segments
    }

    /// Whether this is the document itself.
    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }

    /// The JSON Pointer (RFC 6901): `/funding/0/amount/currency`; `""` for
    /// the root. `~` and `/` in names are written `~0` and `~1`.
    ///
    /// ```
    /// use statecraft::FieldPath;
    ///
    /// assert_eq!(FieldPath::root().field("a/b~c").to_pointer(), "/a~1b~0c");
    /// assert_eq!(FieldPath::root().to_pointer(), "");
    /// ```
    pub fn to_pointer(&self) -> String {
        let mut out = String::new();
        for segment in &self.segments {
            out.push('/');
            match segment {
                PathSegment::Field(name) => out.push_str(&name.replace('~', "~0").replace('/', "~1")),
                PathSegment::Index(i) => out.push_str(&i.to_string()),
            }
        }
        out
    }
}

impl fmt::Display for FieldPath {
    /// `funding[0].amount.currency`; `.` for the root.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.segments.is_empty() {
            return f.write_str(".");
        }
        let mut first = true;
        for segment in &self.segments {
            match segment {
                PathSegment::Field(name) => {
                    if !first {
                        f.write_str(".")?;
                    }
                    f.write_str(name)?;
                }
                PathSegment::Index(i) => write!(f, "[{i}]")?,
            }
            first = false;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_and_pointer_forms() {
        let p = FieldPath::root()
            .field("leaders")
            .index(2)
            .field("terms")
            .index(0)
            .field("end");
        assert_eq!(p.to_string(), "leaders[2].terms[0].end");
        assert_eq!(p.to_pointer(), "/leaders/2/terms/0/end");
        assert_eq!(FieldPath::root().to_string(), ".");
        assert_eq!(FieldPath::root().index(3).to_string(), "[3]");
    }
}
