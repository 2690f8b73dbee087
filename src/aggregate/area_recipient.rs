//! `AreaRecipient`: a recipient that is not one country, resolved for
//! grouping.

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;

use super::KeyPart;
use crate::geo::GroupDateError;
use crate::{Area, Country, Dossier};

/// A recipient as a dossier names it, resolved against the dossier's
/// groups and areas on a date: one area (a country, a group, an M49 area,
/// a DAC region, a declared area or the world) or several named together,
/// with the countries they stand for, each counted once however many of
/// the areas it is in.
///
/// The aggregator never splits such a recipient among its countries: a
/// flow to the Northern Triangle is not a third to each of its members
/// unless the source says so. By recipient it is its own key
/// ([`key`](AreaRecipient::key)); by M49 area or named group it takes
/// the key all its countries share, when they share one (see
/// [`Dimension`](crate::Dimension)).
///
/// ```
/// use statecraft::aggregate::{AreaRecipient, KeyPart};
/// use statecraft::model::GroupId;
/// use statecraft::{Area, Country, Dossier};
///
/// let dossier = Dossier::new();
/// let day = "2021-06-07".parse()?;
/// let nt = AreaRecipient::resolve(&dossier, [Area::Group(GroupId::new("northern-triangle")?)], day)?.ok_or("no area")?;
/// assert_eq!(nt.countries(), &[Country::GT, Country::HN, Country::SV]);
/// assert_eq!(nt.group_name(), Some("Northern Triangle"));
/// assert_eq!(nt.key().to_string(), "Northern Triangle");
///
/// let pair = AreaRecipient::resolve(&dossier, [Area::from(Country::MX), Area::from(Country::GT)], day)?.ok_or("no area")?;
/// assert_eq!(pair.key().to_string(), "GT + MX");
/// let gt = AreaRecipient::resolve(&dossier, [Area::from(Country::GT)], day)?.ok_or("no area")?;
/// assert_eq!(gt.key(), KeyPart::Country(Country::GT));
///
/// // Members on the day: the EU of 2019 had the UK, that of 2021 not.
/// let eu = [Area::Group(GroupId::new("eu")?)];
/// let in_2019 = AreaRecipient::resolve(&dossier, eu.clone(), "2019-06-07".parse()?)?.ok_or("no area")?;
/// assert_eq!((in_2019.countries().len(), in_2019.countries().contains(&Country::GB)), (28, true));
/// assert!(AreaRecipient::resolve(&dossier, eu, "1990-01-01".parse()?).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct AreaRecipient {
    /// Sorted, without repeats, never empty.
    areas: Vec<Area>,
    /// Sorted, without repeats.
    countries: Vec<Country>,
    /// The dossier's name of the area, when the recipient is one group or
    /// declared area.
    name: Option<Arc<str>>,
}

impl AreaRecipient {
    /// The recipient `areas` name together, resolved in `dossier` on
    /// `date`: a group by the dossier's own groups first, then the built-in
    /// ones, with its members that day (an unknown group, or declared area,
    /// stands for no country and is named by its id). The order of `areas`
    /// does not matter and repeats count once; `Ok(None)` when there is no
    /// area.
    ///
    /// # Errors
    ///
    /// [`GroupDateError`] when an area is a group and `date` is before its
    /// recorded history.
    pub fn resolve(
        dossier: &Dossier,
        areas: impl IntoIterator<Item = Area>,
        date: NaiveDate,
    ) -> Result<Option<AreaRecipient>, GroupDateError> {
        let mut areas: Vec<Area> = areas.into_iter().collect();
        areas.sort();
        areas.dedup();
        if areas.is_empty() {
            return Ok(None);
        }
        let mut countries: Vec<Country> = Vec::new();
        for a in &areas {
            countries.extend(dossier.countries_in(a, date)?);
        }
        countries.sort_unstable();
        countries.dedup();
        let name = match areas.as_slice() {
            [area @ (Area::Group(_) | Area::Declared(_))] => Some(Arc::from(dossier.area_name(area))),
            _ => None,
        };
        Ok(Some(AreaRecipient { areas, countries, name }))
    }

    /// The areas, sorted.
    pub fn areas(&self) -> &[Area] {
        &self.areas
    }

    /// The countries the areas stand for, sorted (empty for a group the
    /// dossier does not know or that has no member).
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// The group's name, when the recipient is one group: "Northern
    /// Triangle".
    pub fn group_name(&self) -> Option<&str> {
        match self.areas.as_slice() {
            [Area::Group(_)] => self.name.as_deref(),
            _ => None,
        }
    }

    /// The recipient's key by recipient: [`KeyPart::Country`] for one
    /// country, [`KeyPart::Area`] for one other area, [`KeyPart::Areas`]
    /// for several.
    pub fn key(&self) -> KeyPart {
        match self.areas.as_slice() {
            [Area::Country(c)] => KeyPart::Country(*c),
            [area] => KeyPart::Area(area.clone()),
            areas => KeyPart::Areas(Arc::from(areas)),
        }
    }
}

impl fmt::Display for AreaRecipient {
    /// As its [`key`](AreaRecipient::key), with a group's or declared
    /// area's own name: `GT`, `Northern Triangle`, `GT + MX`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.name {
            Some(name) => f.write_str(name),
            None => write!(f, "{}", self.key()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::IntermediateRegion;
    use crate::model::GroupId;
    use crate::CountryGroup;

    #[test]
    fn resolves_groups_of_the_dossier_first() {
        let own = CountryGroup::new("northern-triangle", "Triángulo Norte", [Country::GT, Country::HN]).unwrap();
        let dossier = Dossier::new().with(own);
        let nt = Area::Group(GroupId::new("northern-triangle").unwrap());
        let day = NaiveDate::MAX;
        let r = AreaRecipient::resolve(&dossier, [nt.clone()], day).unwrap().unwrap();
        assert_eq!(r.countries(), &[Country::GT, Country::HN]);
        assert_eq!(r.group_name(), Some("Triángulo Norte"));
        assert_eq!(r.to_string(), "Triángulo Norte");
        assert_eq!(r.key(), KeyPart::Area(nt));

        let unknown = Area::Group(GroupId::new("andean").unwrap());
        let r = AreaRecipient::resolve(&dossier, [unknown.clone()], day)
            .unwrap()
            .unwrap();
        assert!(r.countries().is_empty());
        assert_eq!(r.group_name(), Some("andean"));
        assert_eq!(r.key().to_string(), "andean");
    }

    #[test]
    fn several_areas_are_sorted_and_deduplicated() {
        let dossier = Dossier::new();
        let day = NaiveDate::MAX;
        let r = AreaRecipient::resolve(
            &dossier,
            [
                Area::World,
                Area::from(Country::MX),
                Area::from(IntermediateRegion::CentralAmerica),
                Area::from(Country::MX),
            ],
            day,
        )
        .unwrap()
        .unwrap();
        assert_eq!(r.key().to_string(), "MX + Central America + the world");
        assert_eq!(r.countries().len(), Country::iter().count());
        assert!(r.group_name().is_none());
        assert_eq!(AreaRecipient::resolve(&dossier, [], day), Ok(None));
        let one = AreaRecipient::resolve(&dossier, [Area::from(Country::GT), Area::from(Country::GT)], day)
            .unwrap()
            .unwrap();
        assert_eq!(one.key(), KeyPart::Country(Country::GT));
    }
}
