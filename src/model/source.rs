//! `Publication`: where a fact comes from.

use chrono::NaiveDate;

use super::SourceId;
use crate::serde_str::IsoDate;

crate::serde_strict::strict_serde!(Publication);

/// A report, article or record that facts cite: every fact in a dossier
/// names the source it comes from.
///
/// `published` is the date of publication; for a database or register
/// consulted rather than published, the date of the version consulted.
/// A fact's date is checked against it: what a source reports as having
/// happened cannot be later than the source.
///
/// ```
/// use statecraft::model::SourceId;
/// use statecraft::{NaiveDate, Publication};
///
/// let day = NaiveDate::from_ymd_opt(2021, 6, 7).ok_or("bad date")?;
/// let s = Publication::new(SourceId::new("seed")?, "Kamala Harris in Guatemala", day)
///     .with_author("Will Grant")
///     .with_url("https://example.org/harris-guatemala");
/// assert_eq!(s.published(), day);
/// assert_eq!(s.authors(), ["Will Grant"]);
/// assert_eq!(s.publisher(), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, rename = "Source")]
pub struct Publication {
    id: SourceId,
    title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    publisher: Option<String>,
    published: IsoDate,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    authors: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

impl Publication {
    /// A source with its id, title and date of publication.
    pub fn new(id: SourceId, title: impl Into<String>, published: NaiveDate) -> Publication {
        Publication {
            id,
            title: title.into(),
            publisher: None,
            published: IsoDate(published),
            authors: Vec::new(),
            url: None,
        }
    }

    /// With the outlet or body that published it.
    #[must_use]
    pub fn with_publisher(mut self, publisher: impl Into<String>) -> Publication {
        self.publisher = Some(publisher.into());
        self
    }

    /// With one more author, in byline order.
    #[must_use]
    pub fn with_author(mut self, author: impl Into<String>) -> Publication {
        self.authors.push(author.into());
        self
    }

    /// With the address it can be read at.
    #[must_use]
    pub fn with_url(mut self, url: impl Into<String>) -> Publication {
        self.url = Some(url.into());
        self
    }

    /// The id facts cite it by.
    pub fn id(&self) -> &SourceId {
        &self.id
    }

    /// The title or headline.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The outlet or body that published it, when known.
    pub fn publisher(&self) -> Option<&str> {
        self.publisher.as_deref()
    }

    /// The date of publication (or of the version consulted).
    pub fn published(&self) -> NaiveDate {
        self.published.into()
    }

    /// The authors, in byline order; empty when there is no byline.
    pub fn authors(&self) -> &[String] {
        &self.authors
    }

    /// The address, when it has one.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
}
