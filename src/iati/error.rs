//! `Error`: why a file could not be read, and where.

use std::fmt;
use std::path::{Path, PathBuf};

use super::Location;
use crate::Excerpt;

/// A file that cannot be read on: not XML, not well-formed, refused
/// (a DOCTYPE), or not an IATI activity file. Reading stops there; the
/// error names the file, the byte offset and line, and the activity whose
/// `iati-identifier` had been read, when there was one.
///
/// A transaction that cannot be summed is not an error: it is an
/// [`TransactionOutcome::Rejected`](super::TransactionOutcome::Rejected) and reading goes on.
///
/// ```
/// use statecraft::iati::{ErrorKind, Reader};
///
/// let xml = "<iati-activities><iati-activity><iati-identifier>GB-1-1</iati-identifier>\n<transaction></value></iati-activity></iati-activities>";
/// let e = Reader::new(xml.as_bytes()).collect::<Result<Vec<_>, _>>().unwrap_err();
/// assert_eq!(e.to_string(), "line 2, byte 87 (activity `GB-1-1`): `</value>` closes `<transaction>`");
/// assert!(matches!(e.kind(), ErrorKind::MismatchedEnd { .. }));
/// ```
#[derive(Debug)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Debug)]
struct Inner {
    file: Option<PathBuf>,
    at: Option<Location>,
    activity: Option<Box<str>>,
    kind: ErrorKind,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error {
            inner: Box::new(Inner {
                file: None,
                at: None,
                activity: None,
                kind,
            }),
        }
    }

    pub(crate) fn at(mut self, at: Location) -> Error {
        self.inner.at = Some(at);
        self
    }

    pub(crate) fn in_activity(mut self, identifier: Option<&str>) -> Error {
        self.inner.activity = identifier.map(Into::into);
        self
    }

    pub(crate) fn in_file(mut self, file: &Path) -> Error {
        self.inner.file = Some(file.to_path_buf());
        self
    }

    /// The file, when the reader was given its path.
    pub fn file(&self) -> Option<&Path> {
        self.inner.file.as_deref()
    }

    /// Where in the file: the byte offset and line of the problem.
    pub fn location(&self) -> Option<Location> {
        self.inner.at
    }

    /// The `iati-identifier` of the activity being read, if it had been.
    pub fn activity(&self) -> Option<&str> {
        self.inner.activity.as_deref()
    }

    /// What is wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }
}

impl fmt::Display for Error {
    /// `` `FILE`: line L, byte B (activity `ID`): WHAT ``, each part
    /// present when known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sep = "";
        if let Some(file) = &self.inner.file {
            write!(f, "`{}`", file.display())?;
            sep = ": ";
        }
        if let Some(at) = self.inner.at {
            write!(f, "{sep}{at}")?;
            sep = ": ";
        }
        if let Some(id) = &self.inner.activity {
            let id = Excerpt::new(id);
            if sep.is_empty() {
                write!(f, "activity `{id}`")?;
            } else {
                write!(f, " (activity `{id}`)")?;
            }
            sep = ": ";
        }
        write!(f, "{sep}{}", self.inner.kind)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.inner.kind)
    }
}

/// What is wrong with a file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Io(#[source] std::io::Error),
    /// The first thing in the file is not markup.
    #[error("not XML: the file starts with `{0}`")]
    NotXml(Excerpt),
    /// Nothing but whitespace, comments or a declaration: no root element.
    #[error("no root element")]
    NoRoot,
    /// A UTF-16 or UTF-32 file (by its byte-order mark or its zero bytes).
    #[error("UTF-16 and UTF-32 are not read: save the file as UTF-8")]
    Utf16,
    /// An `encoding` this reader does not decode.
    #[error("unsupported encoding `{0}` (UTF-8, US-ASCII, ISO-8859-1 and windows-1252 are read)")]
    UnsupportedEncoding(Excerpt),
    /// A byte the declared encoding does not define.
    #[error("byte 0x{byte:02X} is not {encoding}")]
    Undecodable {
        /// The byte.
        byte: u8,
        /// The declared encoding.
        encoding: &'static str,
    },
    /// Bytes that are not UTF-8, in a file that declares UTF-8 or no
    /// encoding at all (XML's default).
    #[error("invalid UTF-8{}", if *declared { "" } else { " (the file declares no encoding, so it must be UTF-8)" })]
    InvalidUtf8 {
        /// Whether the file declares its encoding.
        declared: bool,
    },
    /// A character XML does not allow (a control character other than
    /// tab, line feed and carriage return).
    #[error("character U+{0:04X} is not allowed in XML")]
    ForbiddenCharacter(u32),
    /// A document type declaration. It is refused whole: IATI files have
    /// none, and refusing it means no entity is ever expanded, fetched or
    /// read from a file.
    #[error("DOCTYPE refused: entity declarations are not read (IATI files have none)")]
    Doctype,
    /// An entity reference other than XML's five (`&lt;` `&gt;` `&amp;`
    /// `&apos;` `&quot;`) and character references.
    #[error("unknown entity `&{0};`")]
    UnknownEntity(Excerpt),
    /// A character reference to a character XML does not allow, or not a
    /// number.
    #[error("invalid character reference `&{0};`")]
    InvalidCharRef(Excerpt),
    /// An `&` that starts no reference (`AT&T` for `AT&amp;T`).
    #[error("`&` that starts no reference (write `&amp;`)")]
    LoneAmpersand,
    /// A `<` inside an attribute value.
    #[error("`<` in the value of attribute `{0}`")]
    LessThanInAttribute(Excerpt),
    /// The root element is not one an activity file has.
    #[error("root element `{0}` is not `iati-activities`, `iati-activity` or a datastore `result`")]
    WrongRoot(Excerpt),
    /// The root element is in an XML namespace (IATI's elements have none).
    #[error("root element `{name}` is in namespace `{namespace}`: IATI elements have none")]
    RootNamespace {
        /// The element.
        name: Excerpt,
        /// Its namespace.
        namespace: Excerpt,
    },
    /// A second element after the root element has closed.
    #[error("a second root element `{0}`")]
    SecondRoot(Excerpt),
    /// Text outside the root element.
    #[error("text `{0}` outside the root element")]
    TextOutsideRoot(Excerpt),
    /// An XML declaration (`<?xml ...?>`) other than at the very start.
    #[error("XML declaration not at the start of the file")]
    MisplacedDeclaration,
    /// An `iati-activity` inside another.
    #[error("`iati-activity` inside another `iati-activity`")]
    NestedActivity,
    /// An end tag that does not close the element open there.
    #[error("`</{found}>` closes `<{expected}>`")]
    MismatchedEnd {
        /// The element open there.
        expected: Excerpt,
        /// The end tag's name.
        found: Excerpt,
    },
    /// An end tag when no element is open.
    #[error("`</{0}>` closes nothing")]
    UnmatchedEnd(Excerpt),
    /// The file ends inside an element (it was cut short).
    #[error("the file ends inside `<{0}>`: truncated?")]
    Truncated(Excerpt),
    /// Any other XML error, as quick-xml reports it: unclosed tags,
    /// comments or attribute values, bad attribute syntax, a repeated
    /// attribute.
    #[error(transparent)]
    Xml(XmlError),
}

/// An XML error found by quick-xml, kept whole.
#[derive(Debug, thiserror::Error)]
#[error(transparent)]
pub struct XmlError(pub(crate) quick_xml::Error);
