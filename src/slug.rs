//! The grammar of ids: short, readable slugs such as `harris`,
//! `northern-triangle` or `funding-2021-04`.
//!
//! Shared by the ids of dossier facts (`model`) and of country groups
//! (`geo`), so that both read and refuse the same text.

use crate::Excerpt;

/// The longest id, in bytes (all of them ASCII).
pub(crate) const MAX_LEN: usize = 64;

/// What is wrong with a would-be id (of a dossier fact or a country group).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdErrorKind {
    /// Nothing at all.
    #[error("empty")]
    Empty,
    /// More than 64 characters.
    #[error("longer than 64 characters")]
    TooLong,
    /// A character other than a lowercase ASCII letter, a digit or a hyphen.
    #[error("`{0}` is not a lowercase letter, digit or hyphen")]
    BadChar(char),
    /// A hyphen at either end or next to another.
    #[error("a hyphen must stand between letters or digits")]
    BadHyphen,
}

/// The error for text that is not an id.
///
/// ```
/// let e = "Harris".parse::<statecraft::model::LeaderId>().unwrap_err();
/// assert_eq!(e.to_string(), "invalid id `Harris`: `H` is not a lowercase letter, digit or hyphen");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid id `{input}`: {kind}")]
pub struct ParseIdError {
    input: Excerpt,
    kind: IdErrorKind,
}

impl ParseIdError {
    /// The text that was not an id (cut to 60 characters).
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// What is wrong with it.
    pub fn kind(&self) -> &IdErrorKind {
        &self.kind
    }
}

/// Checks `s` as [`check`] does, with an error that quotes it.
pub(crate) fn parse(s: &str) -> Result<(), ParseIdError> {
    check(s).map_err(|kind| ParseIdError {
        input: Excerpt::new(s),
        kind,
    })
}

/// An id read through the slug grammar, for serde forms that keep ids as
/// strings (country groups, organisations).
pub(crate) struct Slug(pub(crate) String);

impl<'de> serde::Deserialize<'de> for Slug {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Slug, D::Error> {
        let s = <String as serde::Deserialize>::deserialize(d)?;
        parse(&s).map_err(serde::de::Error::custom)?;
        Ok(Slug(s))
    }
}

/// Checks that `s` is a slug: lowercase ASCII letters and digits, in runs
/// joined by single hyphens, at most 64 characters.
pub(crate) fn check(s: &str) -> Result<(), IdErrorKind> {
    if s.is_empty() {
        return Err(IdErrorKind::Empty);
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(IdErrorKind::BadChar(c));
    }
    if s.len() > MAX_LEN {
        return Err(IdErrorKind::TooLong);
    }
    if s.starts_with('-') || s.ends_with('-') || s.contains("--") {
        return Err(IdErrorKind::BadHyphen);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_runs_joined_by_single_hyphens() {
        for ok in ["harris", "a", "task-force-2021", "2021-06-07", &"x".repeat(64)] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
        let cases = [
            ("", IdErrorKind::Empty),
            ("Harris", IdErrorKind::BadChar('H')),
            ("lópez", IdErrorKind::BadChar('ó')),
            ("a b", IdErrorKind::BadChar(' ')),
            ("a_b", IdErrorKind::BadChar('_')),
            ("-a", IdErrorKind::BadHyphen),
            ("a-", IdErrorKind::BadHyphen),
            ("a--b", IdErrorKind::BadHyphen),
        ];
        for (s, kind) in cases {
            assert_eq!(check(s), Err(kind), "{s}");
        }
        assert_eq!(check(&"x".repeat(65)), Err(IdErrorKind::TooLong));
    }
}
