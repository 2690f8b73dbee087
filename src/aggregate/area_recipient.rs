//! `AreaRecipient`: a recipient that is not one country, resolved for
//! grouping.

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;

use super::KeyPart;
use crate::geo::GroupDateError;
use crate::model::Receiver;
use crate::{Area, Country, Dossier};

/// A recipient as a dossier names it, resolved against the dossier's
/// groups and areas on a date: one [`Receiver`] (a country, a group, an
/// M49 area, a DAC region, a declared area, the world, or an
/// organisation) or several named together, with the countries they stand
/// for, each counted once however many of the areas it is in. An
/// organisation stands for no country.
///
/// The aggregator never splits such a recipient among its countries: a
/// flow to the Northern Triangle is not a third to each of its members
/// unless the source says so. By recipient it is its own key
/// ([`key`](AreaRecipient::key)); by M49 area or named group it takes
/// the key all its countries share, when they share one and it names no
/// organisation (see [`Dimension`](crate::Dimension)).
///
/// ```
/// use statecraft::aggregate::{AreaRecipient, KeyPart};
/// use statecraft::model::{GroupId, OrganisationId, Receiver};
/// use statecraft::{Actor, Area, Country, Dossier};
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
/// // An organisation: its own key, the actor it is, standing for no country.
/// let gavi = OrganisationId::new("gavi")?;
/// let to_gavi = AreaRecipient::resolve(&dossier, [Receiver::from(gavi.clone())], day)?.ok_or("no one")?;
/// assert_eq!(to_gavi.key(), KeyPart::Actor(Actor::Organisation(gavi.clone())));
/// assert!(to_gavi.countries().is_empty());
/// let both = AreaRecipient::resolve(&dossier, [Receiver::from(Country::GT), Receiver::from(gavi)], day)?.ok_or("no one")?;
/// assert_eq!((both.key().to_string(), both.countries()), ("GT + Gavi".to_string(), &[Country::GT][..]));
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
    receivers: Vec<Receiver>,
    /// Sorted, without repeats.
    countries: Vec<Country>,
    /// The dossier's name of the receiver, when the recipient is one
    /// group, declared area or organisation.
    name: Option<Arc<str>>,
}

impl AreaRecipient {
    /// The recipient `receivers` name together (areas, countries,
    /// organisations), resolved in `dossier` on `date`: a group by the
    /// dossier's own groups first, then the built-in ones, with its members
    /// that day (an unknown group, or declared area, stands for no country
    /// and is named by its id; an organisation stands for no country). The
    /// order of `receivers` does not matter and repeats count once;
    /// `Ok(None)` when there is none.
    ///
    /// # Errors
    ///
    /// [`GroupDateError`] when a receiver is a group and `date` is before
    /// its recorded history.
    pub fn resolve<R: Into<Receiver>>(
        dossier: &Dossier,
        receivers: impl IntoIterator<Item = R>,
        date: NaiveDate,
    ) -> Result<Option<AreaRecipient>, GroupDateError> {
        let mut receivers: Vec<Receiver> = receivers.into_iter().map(Into::into).collect();
        receivers.sort();
        receivers.dedup();
        if receivers.is_empty() {
            return Ok(None);
        }
        let mut countries: Vec<Country> = Vec::new();
        for area in receivers.iter().filter_map(Receiver::as_area) {
            countries.extend(dossier.countries_in(area, date)?);
        }
        countries.sort_unstable();
        countries.dedup();
        let name = match receivers.as_slice() {
            [one @ (Receiver::Area(Area::Group(_) | Area::Declared(_)) | Receiver::Organisation(_))] => {
                Some(Arc::from(dossier.receiver_name(one)))
            }
            _ => None,
        };
        Ok(Some(AreaRecipient {
            receivers,
            countries,
            name,
        }))
    }

    /// The receivers, sorted: areas first, then organisations.
    pub fn receivers(&self) -> &[Receiver] {
        &self.receivers
    }

    /// The countries the areas stand for, sorted (empty for a group the
    /// dossier does not know or that has no member, and for an
    /// organisation).
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// Whether an organisation is among the receivers: then the countries
    /// do not account for the whole recipient.
    pub fn names_organisation(&self) -> bool {
        self.receivers.iter().any(|r| r.as_area().is_none())
    }

    /// The group's name, when the recipient is one group: "Northern
    /// Triangle".
    pub fn group_name(&self) -> Option<&str> {
        match self.receivers.as_slice() {
            [Receiver::Area(Area::Group(_))] => self.name.as_deref(),
            _ => None,
        }
    }

    /// The recipient's key by recipient: [`KeyPart::Country`] for one
    /// country, [`KeyPart::Area`] for one other area, [`KeyPart::Actor`]
    /// for one organisation, [`KeyPart::Areas`] for several.
    pub fn key(&self) -> KeyPart {
        match self.receivers.as_slice() {
            [Receiver::Area(Area::Country(c))] => KeyPart::Country(*c),
            [Receiver::Area(area)] => KeyPart::Area(area.clone()),
            [one] => one.to_actor().map_or(KeyPart::Unnamed, KeyPart::Actor),
            several => KeyPart::Areas(Arc::from(several)),
        }
    }
}

impl fmt::Display for AreaRecipient {
    /// As its [`key`](AreaRecipient::key), with a group's, declared
    /// area's or organisation's own name: `GT`, `Northern Triangle`,
    /// `GT + MX`, `Gavi`.
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
        assert_eq!(AreaRecipient::resolve(&dossier, [] as [Area; 0], day), Ok(None));
        let one = AreaRecipient::resolve(&dossier, [Area::from(Country::GT), Area::from(Country::GT)], day)
            .unwrap()
            .unwrap();
        assert_eq!(one.key(), KeyPart::Country(Country::GT));
    }
}
