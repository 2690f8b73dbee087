//! `Id<T>`: the typed id of a fact in a dossier.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::str::FromStr;

use super::{
    DeclaredArea, Funding, Initiative, Leader, Meeting, Publication, Statistic, Tranche, Trip, VaccineAllocation,
    VaccinePledge,
};
use crate::org::Organisation;
use crate::slug::{self, ParseIdError};
use crate::CountryGroup;

/// The id of a `T` in a dossier: a readable slug such as `harris`,
/// `giammattei` or `funding-2021-04`, typed by what it names, so that a
/// [`LeaderId`] cannot be passed where a [`SourceId`] is expected.
///
/// An id is lowercase ASCII letters and digits, in runs joined by single
/// hyphens, at most 64 characters; `Display`, `FromStr` and serde all use
/// that text.
///
/// ```
/// use statecraft::model::{LeaderId, SourceId};
///
/// let harris: LeaderId = "harris".parse()?;
/// assert_eq!(harris.as_str(), "harris");
/// assert_eq!(harris, "harris");
/// let source = SourceId::new("seed")?;
/// // let wrong: LeaderId = source; // does not compile: the kinds differ
/// assert_eq!(source.to_string(), "seed");
///
/// let e = LeaderId::new("Harris").unwrap_err();
/// assert_eq!(e.to_string(), "invalid id `Harris`: `H` is not a lowercase letter, digit or hyphen");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Id<T> {
    slug: Box<str>,
    kind: PhantomData<fn() -> T>,
}

/// The id of a [`Publication`].
pub type SourceId = Id<Publication>;
/// The id of a [`CountryGroup`].
pub type GroupId = Id<CountryGroup>;
/// The id of an [`Organisation`]: a built-in one (`unicef`, `covax`) or
/// one the dossier declares.
pub type OrganisationId = Id<Organisation>;
/// The id of an area a dossier declares ([`DeclaredArea`]).
pub type AreaId = Id<DeclaredArea>;
/// The id of a [`Leader`].
pub type LeaderId = Id<Leader>;
/// The id of a [`Trip`].
pub type TripId = Id<Trip>;
/// The id of a [`Meeting`].
pub type MeetingId = Id<Meeting>;
/// The id of an [`Initiative`].
pub type InitiativeId = Id<Initiative>;
/// The id of a [`Funding`] entry.
pub type FundingId = Id<Funding>;
/// The id of a [`VaccinePledge`].
pub type PledgeId = Id<VaccinePledge>;
/// The id of a [`Tranche`] of a vaccine pledge.
pub type TrancheId = Id<Tranche>;
/// The id of a [`VaccineAllocation`].
pub type AllocationId = Id<VaccineAllocation>;
/// The id of a [`Statistic`].
pub type StatisticId = Id<Statistic>;

impl<T> Id<T> {
    /// The id written `slug`.
    ///
    /// # Errors
    ///
    /// [`ParseIdError`] naming the text when it is empty, longer than 64
    /// characters, holds a character other than a lowercase ASCII letter,
    /// a digit or a hyphen, or has a hyphen at an end or next to another.
    ///
    /// ```
    /// use statecraft::model::TripId;
    ///
    /// assert_eq!(TripId::new("harris-2021-06")?.as_str(), "harris-2021-06");
    /// let e = TripId::new("harris--june").unwrap_err();
    /// assert_eq!(e.to_string(), "invalid id `harris--june`: a hyphen must stand between letters or digits");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(slug: &str) -> Result<Id<T>, ParseIdError> {
        slug::parse(slug)?;
        Ok(Id {
            slug: slug.into(),
            kind: PhantomData,
        })
    }

    /// The slug.
    pub fn as_str(&self) -> &str {
        &self.slug
    }
}

impl<T> Clone for Id<T> {
    fn clone(&self) -> Id<T> {
        Id {
            slug: self.slug.clone(),
            kind: PhantomData,
        }
    }
}

impl<T> PartialEq for Id<T> {
    fn eq(&self, other: &Id<T>) -> bool {
        self.slug == other.slug
    }
}

impl<T> Eq for Id<T> {}

impl<T> PartialEq<str> for Id<T> {
    fn eq(&self, other: &str) -> bool {
        &*self.slug == other
    }
}

impl<T> PartialEq<&str> for Id<T> {
    fn eq(&self, other: &&str) -> bool {
        &*self.slug == *other
    }
}

impl<T> PartialOrd for Id<T> {
    fn partial_cmp(&self, other: &Id<T>) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T> Ord for Id<T> {
    fn cmp(&self, other: &Id<T>) -> Ordering {
        self.slug.cmp(&other.slug)
    }
}

impl<T> Hash for Id<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.slug.hash(state);
    }
}

impl<T> Borrow<str> for Id<T> {
    fn borrow(&self) -> &str {
        &self.slug
    }
}

impl<T> AsRef<str> for Id<T> {
    fn as_ref(&self) -> &str {
        &self.slug
    }
}

impl<T> fmt::Debug for Id<T> {
    /// `Id("harris")`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Id").field(&self.slug).finish()
    }
}

impl<T> fmt::Display for Id<T> {
    /// The slug.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.slug)
    }
}

impl<T> FromStr for Id<T> {
    type Err = ParseIdError;

    /// Reads a slug; see [`Id::new`].
    fn from_str(s: &str) -> Result<Id<T>, ParseIdError> {
        Id::new(s)
    }
}

impl<T> TryFrom<&str> for Id<T> {
    type Error = ParseIdError;

    fn try_from(s: &str) -> Result<Id<T>, ParseIdError> {
        Id::new(s)
    }
}

impl<T> serde::Serialize for Id<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.slug)
    }
}

impl<'de, T> serde::Deserialize<'de> for Id<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Id<T>, D::Error> {
        crate::serde_str::deserialize_from_str(d, "an id such as \"harris\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_from_str_are_inverses() {
        for s in ["harris", "a", "2021", "funding-2021-04"] {
            let id: LeaderId = s.parse().unwrap();
            assert_eq!(id.to_string(), s);
            assert_eq!(id.to_string().parse::<LeaderId>().unwrap(), id);
        }
        assert_eq!(format!("{:?}", LeaderId::new("harris").unwrap()), "Id(\"harris\")");
    }

    #[test]
    fn errors_are_pinned() {
        let cases = [
            ("", "invalid id ``: empty"),
            (
                "López",
                "invalid id `López`: `L` is not a lowercase letter, digit or hyphen",
            ),
            (
                "lópez",
                "invalid id `lópez`: `ó` is not a lowercase letter, digit or hyphen",
            ),
            (
                "a b",
                "invalid id `a b`: ` ` is not a lowercase letter, digit or hyphen",
            ),
            ("-a", "invalid id `-a`: a hyphen must stand between letters or digits"),
        ];
        for (s, msg) in cases {
            assert_eq!(SourceId::new(s).unwrap_err().to_string(), msg);
        }
        let long = "x".repeat(65);
        assert_eq!(
            SourceId::new(&long).unwrap_err().to_string(),
            format!("invalid id `{}…`: longer than 64 characters", "x".repeat(60))
        );
    }

    #[test]
    fn serde_goes_through_the_same_check() {
        let id: LeaderId = serde_json::from_str("\"giammattei\"").unwrap();
        assert_eq!(id, "giammattei");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"giammattei\"");
        let e = serde_json::from_str::<LeaderId>("\"Giammattei\"").unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid id `Giammattei`: `G` is not a lowercase letter, digit or hyphen at line 1 column 12"
        );
        let e = serde_json::from_str::<LeaderId>("7").unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid type: integer `7`, expected an id such as \"harris\" at line 1 column 1"
        );
    }
}
