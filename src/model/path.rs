//! `FieldPath`: where in a dossier document a value sits.

use std::fmt;

/// Where a value sits in a dossier, in the terms of its JSON format; it
/// prints as a JSON Pointer (RFC 6901): `/funding/0/amount/currency`.
///
/// Load errors carry one ([`LoadError::path`](crate::LoadError::path)), and
/// so do validation reports and every check that says where in a dossier it
/// found something: one syntax in every message.
///
/// ```
/// use statecraft::model::FieldPath;
///
/// let p = FieldPath::root().field("funding").index(0).field("recipients").index(1).field("share");
/// assert_eq!(p.to_string(), "/funding/0/recipients/1/share");
/// assert!(FieldPath::root().is_root());
/// assert_eq!(FieldPath::root().to_string(), "");
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

    /// The JSON Pointer (RFC 6901) as a string, as `Display` writes it:
    /// `/funding/0/amount/currency`; `""` for the root. `~` and `/` in
    /// names are written `~0` and `~1`.
    ///
    /// ```
    /// use statecraft::model::FieldPath;
    ///
    /// assert_eq!(FieldPath::root().field("a/b~c").to_pointer(), "/a~1b~0c");
    /// assert_eq!(FieldPath::root().to_pointer(), "");
    /// ```
    pub fn to_pointer(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for FieldPath {
    /// The JSON Pointer (RFC 6901): `/funding/0/amount/currency`, with
    /// `~` and `/` in names written `~0` and `~1`; nothing for the root.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in &self.segments {
            f.write_str("/")?;
            match segment {
                PathSegment::Field(name) => {
                    let mut rest = name.as_str();
                    while let Some(at) = rest.find(['~', '/']) {
                        let (plain, special) = rest.split_at(at);
                        f.write_str(plain)?;
                        f.write_str(if special.starts_with('~') { "~0" } else { "~1" })?;
                        rest = special.get(1..).unwrap_or("");
                    }
                    f.write_str(rest)?;
                }
                PathSegment::Index(i) => write!(f, "{i}")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_as_a_json_pointer() {
        let p = FieldPath::root()
            .field("leaders")
            .index(2)
            .field("terms")
            .index(0)
            .field("end");
        assert_eq!(p.to_string(), "/leaders/2/terms/0/end");
        assert_eq!(p.to_pointer(), p.to_string());
        assert_eq!(FieldPath::root().to_string(), "");
        assert_eq!(FieldPath::root().index(3).to_string(), "/3");
        // RFC 6901, section 5: `~` first, so that `~1` in a name stays two
        // characters of the name.
        let cases = [
            ("a/b", "/a~1b"),
            ("m~n", "/m~0n"),
            ("~1", "/~01"),
            ("", "/"),
            ("/~/", "/~1~0~1"),
        ];
        for (name, pointer) in cases {
            assert_eq!(FieldPath::root().field(name).to_string(), pointer, "{name}");
        }
    }
}
