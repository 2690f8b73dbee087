//! `Dossier`: a set of sourced facts, with lookups by id and relation.

use chrono::NaiveDate;

use super::{
    Actor, AllocationId, Area, AreaId, DeclaredArea, FactRef, FieldPath, Funding, FundingId, FundingRecipient, GroupId,
    Initiative, InitiativeId, Leader, LeaderId, Meeting, MeetingId, OrganisationId, PledgeId, Publication, Receiver,
    SourceId, Statistic, StatisticId, Topic, Tranche, TrancheId, Trip, TripId, VaccineAllocation, VaccinePledge,
};
use crate::geo::GroupDateError;
use crate::org::Organisation;
use crate::{Country, CountryGroup};

crate::serde_strict::strict_serde!(Dossier);

/// A set of facts about diplomacy and foreign assistance, each citing its
/// source: the sources, the organisations, country groups and areas it
/// declares, leaders, trips, meetings, initiatives, funding, vaccine
/// pledges and allocations, and statistics of one story or one dataset.
///
/// Build one fact by fact with [`Dossier::with`] (or [`Dossier::add`]),
/// or load one from JSON ([`Dossier::from_json`], format in
/// `docs/FORMAT.md`). Load through `from_json` and its siblings: the
/// `Deserialize` impl is as strict with plain `serde_json::from_str` (and
/// serves other serde formats), but only the `from_json` family names the
/// field of an error and skips a byte-order mark. A dossier that loads is well-formed: every value is
/// of the right type and in range. It is not yet consistent: ids may not
/// resolve, dates may contradict each other. Lookups answer `None` for an
/// id that does not resolve, and never panic.
///
/// ```
/// use statecraft::model::{LeaderId, Office, SourceId, Term};
/// use statecraft::{Country, Dossier, Leader, NaiveDate, Publication};
///
/// let day = NaiveDate::from_ymd_opt(2021, 6, 7).ok_or("bad date")?;
/// let seed = SourceId::new("seed")?;
/// let dossier = Dossier::new()
///     .with(Publication::new(seed.clone(), "Kamala Harris in Guatemala", day))
///     .with(Leader::new(LeaderId::new("harris")?, "Kamala Harris", seed)
///         .with_term(Term::new(Office::VicePresident, Country::US, NaiveDate::from_ymd_opt(2021, 1, 20).ok_or("bad date")?)));
/// let harris = dossier.leader(&LeaderId::new("harris")?).ok_or("no leader")?;
/// assert!(harris.holds(&Office::VicePresident, Country::US, day));
/// assert_eq!(dossier.source(harris.source()).map(|s| s.published()), Some(day));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Dossier {
    format: super::json::FormatTag,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    sources: Vec<Publication>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    organisations: Vec<Organisation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    groups: Vec<CountryGroup>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    areas: Vec<DeclaredArea>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    leaders: Vec<Leader>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    trips: Vec<Trip>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    meetings: Vec<Meeting>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    initiatives: Vec<Initiative>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    funding: Vec<Funding>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    vaccine_pledges: Vec<VaccinePledge>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    vaccine_allocations: Vec<VaccineAllocation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    statistics: Vec<Statistic>,
}

/// Anything a dossier holds, to add with [`Dossier::add`] or
/// [`Dossier::with`]. Every fact type converts into it with `From`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DossierEntry {
    /// A source.
    Source(Publication),
    /// An organisation the dossier declares.
    Organisation(Organisation),
    /// A country group.
    Group(CountryGroup),
    /// An area the dossier declares.
    Area(DeclaredArea),
    /// A leader.
    Leader(Leader),
    /// A trip.
    Trip(Trip),
    /// A meeting.
    Meeting(Meeting),
    /// An initiative.
    Initiative(Initiative),
    /// A funding entry.
    Funding(Funding),
    /// A vaccine pledge.
    VaccinePledge(VaccinePledge),
    /// A vaccine allocation.
    VaccineAllocation(VaccineAllocation),
    /// A statistic.
    Statistic(Statistic),
}

macro_rules! entry_from {
    ($($variant:ident),*) => {
        $(impl From<$variant> for DossierEntry {
            fn from(x: $variant) -> DossierEntry {
                DossierEntry::$variant(x)
            }
        })*
    };
}

entry_from!(
    Leader,
    Trip,
    Meeting,
    Initiative,
    Funding,
    VaccinePledge,
    VaccineAllocation,
    Statistic
);

impl From<Publication> for DossierEntry {
    fn from(s: Publication) -> DossierEntry {
        DossierEntry::Source(s)
    }
}

impl From<CountryGroup> for DossierEntry {
    fn from(g: CountryGroup) -> DossierEntry {
        DossierEntry::Group(g)
    }
}

impl From<Organisation> for DossierEntry {
    fn from(o: Organisation) -> DossierEntry {
        DossierEntry::Organisation(o)
    }
}

impl From<DeclaredArea> for DossierEntry {
    fn from(a: DeclaredArea) -> DossierEntry {
        DossierEntry::Area(a)
    }
}

impl Dossier {
    /// An empty dossier.
    pub fn new() -> Dossier {
        Dossier::default()
    }

    /// With a title ("Harris in Guatemala and Mexico, June 2021").
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Dossier {
        self.title = Some(title.into());
        self
    }

    /// With one more entry: a source, group or fact, after those of its
    /// kind already in the dossier.
    #[must_use]
    pub fn with(mut self, entry: impl Into<DossierEntry>) -> Dossier {
        self.add(entry);
        self
    }

    /// Adds an entry after those of its kind already in the dossier.
    pub fn add(&mut self, entry: impl Into<DossierEntry>) -> &mut Dossier {
        match entry.into() {
            DossierEntry::Source(x) => self.sources.push(x),
            DossierEntry::Organisation(x) => self.organisations.push(x),
            DossierEntry::Group(x) => self.groups.push(x),
            DossierEntry::Area(x) => self.areas.push(x),
            DossierEntry::Leader(x) => self.leaders.push(x),
            DossierEntry::Trip(x) => self.trips.push(x),
            DossierEntry::Meeting(x) => self.meetings.push(x),
            DossierEntry::Initiative(x) => self.initiatives.push(x),
            DossierEntry::Funding(x) => self.funding.push(x),
            DossierEntry::VaccinePledge(x) => self.vaccine_pledges.push(x),
            DossierEntry::VaccineAllocation(x) => self.vaccine_allocations.push(x),
            DossierEntry::Statistic(x) => self.statistics.push(x),
        }
        self
    }

    /// The title.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// Every source, in order.
    pub fn sources(&self) -> &[Publication] {
        &self.sources
    }

    /// The source with this id (the first, should ids repeat).
    pub fn source(&self, id: &SourceId) -> Option<&Publication> {
        self.sources.iter().find(|x| x.id() == id)
    }

    /// The organisations the dossier declares.
    pub fn organisations(&self) -> &[Organisation] {
        &self.organisations
    }

    /// The organisation with this id: the dossier's own first, then the
    /// built-in ones ([`Organisation::builtin`]).
    ///
    /// ```
    /// use statecraft::model::OrganisationId;
    /// use statecraft::Dossier;
    ///
    /// let d = Dossier::new();
    /// assert_eq!(d.organisation(&OrganisationId::new("gavi")?).map(|o| o.to_string()), Some("Gavi".into()));
    /// assert!(d.organisation(&OrganisationId::new("nowhere")?).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn organisation(&self, id: &OrganisationId) -> Option<&Organisation> {
        self.organisations
            .iter()
            .find(|o| o.id() == id.as_str())
            .or_else(|| Organisation::find(id.as_str()))
    }

    /// The actor an IATI organisation ref names, with the dossier's own
    /// organisations first (by their IATI identifier, in any case), then
    /// the built-in ones ([`Actor::from_iati`]); a ref neither knows is
    /// kept as [`Actor::Iati`].
    ///
    /// ```
    /// use statecraft::org::{OrgRef, Organisation, OrganisationKind};
    /// use statecraft::{Actor, Dossier};
    ///
    /// let save = Organisation::new("save-uk", "Save the Children UK", OrganisationKind::Ngo)?
    ///     .with_iati(OrgRef::new("GB-COH-213890").ok_or("empty")?);
    /// let d = Dossier::new().with(save);
    /// let r = |s: &str| OrgRef::new(s).ok_or("empty");
    /// assert_eq!(d.actor_from_iati(&r("gb-coh-213890")?).to_string(), "save-uk");
    /// assert_eq!(d.actor_from_iati(&r("XM-DAC-47122")?).to_string(), "Gavi");
    /// assert_eq!(d.actor_from_iati(&r("NL-KVK-27108436")?), Actor::Iati(r("NL-KVK-27108436")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn actor_from_iati(&self, reference: &crate::org::OrgRef) -> Actor {
        let own = self.organisations.iter().find(|o| {
            o.iati_identifier()
                .is_some_and(|id| id.eq_ignore_ascii_case(reference.as_str()))
        });
        match own.and_then(|o| OrganisationId::new(o.id()).ok()) {
            Some(id) => Actor::Organisation(id),
            None => Actor::from_iati(reference),
        }
    }

    /// The groups the dossier defines.
    pub fn groups(&self) -> &[CountryGroup] {
        &self.groups
    }

    /// The areas the dossier declares.
    pub fn areas(&self) -> &[DeclaredArea] {
        &self.areas
    }

    /// The area the dossier declares with this id.
    pub fn declared_area(&self, id: &AreaId) -> Option<&DeclaredArea> {
        self.areas.iter().find(|a| a.id() == id)
    }

    /// Whether the organisation or group an actor names is known (true for
    /// a country, and for an organisation known by its IATI identifier
    /// only).
    pub fn resolves(&self, actor: &Actor) -> bool {
        match actor {
            Actor::Organisation(o) => self.organisation(o).is_some(),
            Actor::Group(g) => self.group(g).is_some(),
            _ => true,
        }
    }

    /// The name of `actor`, with the dossier's own organisations and
    /// groups: "United States", "UNICEF", "G7", "Gavi".
    pub fn actor_name(&self, actor: &Actor) -> String {
        match actor {
            Actor::Organisation(o) => match self.organisation(o) {
                Some(org) => org.to_string(),
                None => o.to_string(),
            },
            Actor::Group(g) => match self.group(g) {
                Some(group) => group.name().to_string(),
                None => g.to_string(),
            },
            other => other.to_string(),
        }
    }

    /// The group with this id: the dossier's own first, then the built-in
    /// ones ([`CountryGroup::builtin`]).
    pub fn group(&self, id: &GroupId) -> Option<&CountryGroup> {
        self.groups
            .iter()
            .find(|g| g.id() == id.as_str())
            .or_else(|| CountryGroup::find(id.as_str()))
    }

    /// Every leader, in order.
    pub fn leaders(&self) -> &[Leader] {
        &self.leaders
    }

    /// The leader with this id.
    pub fn leader(&self, id: &LeaderId) -> Option<&Leader> {
        self.leaders.iter().find(|x| x.id() == id)
    }

    /// Every trip, in order.
    pub fn trips(&self) -> &[Trip] {
        &self.trips
    }

    /// The trip with this id.
    pub fn trip(&self, id: &TripId) -> Option<&Trip> {
        self.trips.iter().find(|x| x.id() == id)
    }

    /// Every meeting, in order.
    pub fn meetings(&self) -> &[Meeting] {
        &self.meetings
    }

    /// The meeting with this id.
    pub fn meeting(&self, id: &MeetingId) -> Option<&Meeting> {
        self.meetings.iter().find(|x| x.id() == id)
    }

    /// The meetings `leader` took part in.
    pub fn meetings_of<'a>(&'a self, leader: &'a LeaderId) -> impl Iterator<Item = &'a Meeting> + 'a {
        self.meetings.iter().filter(move |m| m.includes(leader))
    }

    /// The meetings both `a` and `b` took part in.
    ///
    /// ```
    /// use statecraft::model::LeaderId;
    /// use statecraft::Dossier;
    ///
    /// # let json = include_str!("../../examples/data/guatemala-2021.json");
    /// let dossier = Dossier::from_json_str(json)?;
    /// let (harris, giammattei) = (LeaderId::new("harris")?, LeaderId::new("giammattei")?);
    /// let days: Vec<String> = dossier.meetings_between(&harris, &giammattei).map(|m| m.start().to_string()).collect();
    /// assert_eq!(days, ["2021-06-07", "2021-06-07"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn meetings_between<'a>(&'a self, a: &'a LeaderId, b: &'a LeaderId) -> impl Iterator<Item = &'a Meeting> + 'a {
        self.meetings.iter().filter(move |m| m.includes(a) && m.includes(b))
    }

    /// The meetings that were part of `trip`.
    pub fn meetings_on<'a>(&'a self, trip: &'a TripId) -> impl Iterator<Item = &'a Meeting> + 'a {
        self.meetings.iter().filter(move |m| m.trip() == Some(trip))
    }

    /// Every initiative, in order.
    pub fn initiatives(&self) -> &[Initiative] {
        &self.initiatives
    }

    /// The initiative with this id.
    pub fn initiative(&self, id: &InitiativeId) -> Option<&Initiative> {
        self.initiatives.iter().find(|x| x.id() == id)
    }

    /// Every funding entry, in order.
    pub fn funding(&self) -> &[Funding] {
        &self.funding
    }

    /// The funding entry with this id.
    pub fn funding_item(&self, id: &FundingId) -> Option<&Funding> {
        self.funding.iter().find(|x| x.id() == id)
    }

    /// The funding entries `country` receives from, directly or as a
    /// member of a recipient group (on the funding's date, else as
    /// recorded now), M49 area, declared area or the world. Money to an
    /// organisation is no country's: it is not counted here, whatever the
    /// organisation does with it (see [`funding_to`](Dossier::funding_to)).
    ///
    /// ```
    /// use statecraft::{Country, Dossier};
    ///
    /// # let json = include_str!("../../examples/data/guatemala-2021.json");
    /// let dossier = Dossier::from_json_str(json)?;
    /// let to_honduras: Vec<&str> = dossier.funding_for(Country::HN).map(|f| f.id().as_str()).collect();
    /// assert!(to_honduras.contains(&"us-aid-2021-04"));
    /// assert_eq!(dossier.funding_for(Country::FR).count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn funding_for(&self, country: Country) -> impl Iterator<Item = &Funding> {
        self.funding.iter().filter(move |f| {
            let day = f.rate_date().unwrap_or(NaiveDate::MAX);
            f.recipients()
                .iter()
                .filter_map(FundingRecipient::area)
                .any(|a| self.area_contains(a, country, day).unwrap_or(false))
        })
    }

    /// The funding entries that name `recipient` (an area, a country, an
    /// organisation) as a recipient, as such.
    ///
    /// ```
    /// use statecraft::model::OrganisationId;
    /// use statecraft::Dossier;
    ///
    /// # let json = include_str!("../../examples/data/vaccine-sharing-2021.json");
    /// let dossier = Dossier::from_json_str(json)?;
    /// let to_gavi: Vec<&str> = dossier.funding_to(OrganisationId::new("gavi")?).map(|f| f.id().as_str()).collect();
    /// assert_eq!(to_gavi, ["us-gavi-2021-initial", "us-gavi-2021-additional"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn funding_to(&self, recipient: impl Into<Receiver>) -> impl Iterator<Item = &Funding> {
        let recipient = recipient.into();
        self.funding
            .iter()
            .filter(move |f| f.recipients().iter().any(|r| *r.receiver() == recipient))
    }

    /// Every vaccine pledge, in order.
    pub fn vaccine_pledges(&self) -> &[VaccinePledge] {
        &self.vaccine_pledges
    }

    /// The vaccine pledge with this id.
    pub fn pledge(&self, id: &PledgeId) -> Option<&VaccinePledge> {
        self.vaccine_pledges.iter().find(|x| x.id() == id)
    }

    /// The tranche `id` and the pledge it divides, at any depth of any
    /// pledge's tranches.
    ///
    /// ```
    /// use statecraft::model::TrancheId;
    /// use statecraft::Dossier;
    ///
    /// # let json = include_str!("../../examples/data/guatemala-2021.json");
    /// let dossier = Dossier::from_json_str(json)?;
    /// assert!(dossier.tranche(&TrancheId::new("covax")?).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn tranche(&self, id: &TrancheId) -> Option<(&VaccinePledge, &Tranche)> {
        self.vaccine_pledges.iter().find_map(|p| p.tranche(id).map(|t| (p, t)))
    }

    /// The pledges that are part of `pledge`, directly.
    pub fn parts_of<'a>(&'a self, pledge: &'a PledgeId) -> impl Iterator<Item = &'a VaccinePledge> + 'a {
        self.vaccine_pledges.iter().filter(move |p| p.parent() == Some(pledge))
    }

    /// Every vaccine allocation, in order.
    pub fn vaccine_allocations(&self) -> &[VaccineAllocation] {
        &self.vaccine_allocations
    }

    /// The vaccine allocation with this id.
    pub fn allocation(&self, id: &AllocationId) -> Option<&VaccineAllocation> {
        self.vaccine_allocations.iter().find(|x| x.id() == id)
    }

    /// The allocations from `pledge`.
    pub fn allocations_of<'a>(&'a self, pledge: &'a PledgeId) -> impl Iterator<Item = &'a VaccineAllocation> + 'a {
        self.vaccine_allocations.iter().filter(move |a| a.pledge() == pledge)
    }

    /// The doses allocated from `pledge`, at every stage, as the figures
    /// state them (see [`PledgeSummary`](crate::PledgeSummary) for their
    /// bounds); `None` if the sum overflows a `u64`.
    ///
    /// ```
    /// use statecraft::model::PledgeId;
    /// use statecraft::Dossier;
    ///
    /// # let json = include_str!("../../examples/data/guatemala-2021.json");
    /// let dossier = Dossier::from_json_str(json)?;
    /// assert_eq!(dossier.allocated_doses(&PledgeId::new("us-covid-25m")?), Some(1_500_000));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allocated_doses(&self, pledge: &PledgeId) -> Option<u64> {
        self.allocations_of(pledge)
            .try_fold(0u64, |sum, a| sum.checked_add(a.doses().value()))
    }

    /// The doses allocated to `country` from every pledge, as such (not
    /// its part of doses allocated to an area it is in), as the figures
    /// state them; `None` if the sum overflows a `u64`.
    pub fn doses_for(&self, country: Country) -> Option<u64> {
        self.vaccine_allocations
            .iter()
            .filter(|a| a.recipient().as_country() == Some(country))
            .try_fold(0u64, |sum, a| sum.checked_add(a.doses().value()))
    }

    /// Every statistic, in order.
    pub fn statistics(&self) -> &[Statistic] {
        &self.statistics
    }

    /// The statistic with this id.
    pub fn statistic(&self, id: &StatisticId) -> Option<&Statistic> {
        self.statistics.iter().find(|x| x.id() == id)
    }

    /// The countries in `area` on `date`, sorted: one country, the
    /// members of a group on that date (none for a group the dossier does
    /// not know), of an M49 area or a declared area (none for an unknown
    /// one), or every country. A DAC region has no published member list:
    /// none. `NaiveDate::MAX` asks for a group's members as recorded now.
    ///
    /// # Errors
    ///
    /// [`GroupDateError`] when `area` is a group and `date` is before its
    /// recorded history.
    ///
    /// ```
    /// use statecraft::model::GroupId;
    /// use statecraft::{Area, Country, Dossier, NaiveDate};
    ///
    /// let d = Dossier::new();
    /// let eu = Area::Group(GroupId::new("eu")?);
    /// assert!(d.countries_in(&eu, "2019-06-01".parse()?)?.contains(&Country::GB));
    /// assert!(!d.countries_in(&eu, "2021-06-01".parse()?)?.contains(&Country::GB));
    /// assert!(d.countries_in(&eu, "1990-06-01".parse()?).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn countries_in(&self, area: &Area, date: NaiveDate) -> Result<Vec<Country>, GroupDateError> {
        Ok(match area {
            Area::Country(c) => vec![*c],
            Area::Group(g) => match self.group(g) {
                Some(g) => g.members_on(date)?,
                None => Vec::new(),
            },
            Area::M49(a) => a.countries().collect(),
            Area::Declared(a) => self.declared_area(a).map(|a| a.members().to_vec()).unwrap_or_default(),
            Area::DacRegion(_) => Vec::new(),
            Area::World => Country::iter().collect(),
        })
    }

    /// Whether `country` is in `area` on `date` (see
    /// [`Dossier::countries_in`]).
    ///
    /// # Errors
    ///
    /// [`GroupDateError`] when `area` is a group and `date` is before its
    /// recorded history.
    pub fn area_contains(&self, area: &Area, country: Country, date: NaiveDate) -> Result<bool, GroupDateError> {
        Ok(match area {
            Area::Country(c) => *c == country,
            Area::Group(g) => match self.group(g) {
                Some(g) => g.contains_on(country, date)?,
                None => false,
            },
            Area::M49(a) => a.contains(country),
            Area::Declared(a) => self.declared_area(a).is_some_and(|a| a.contains(country)),
            Area::DacRegion(_) => false,
            Area::World => true,
        })
    }

    /// The name of `receiver`, with the dossier's own groups, areas and
    /// organisations: "Guatemala", "Northern Triangle", "South and
    /// Southeast Asia", "Gavi" ([`area_name`](Dossier::area_name),
    /// [`actor_name`](Dossier::actor_name)).
    ///
    /// ```
    /// use statecraft::org::{Organisation, OrganisationKind};
    /// use statecraft::model::{OrganisationId, Receiver};
    /// use statecraft::{Country, Dossier};
    ///
    /// let d = Dossier::new().with(Organisation::new("fund", "A Fund of Our Own", OrganisationKind::Ngo)?);
    /// assert_eq!(d.receiver_name(&Receiver::from(OrganisationId::new("fund")?)), "A Fund of Our Own");
    /// assert_eq!(d.receiver_name(&Receiver::from(OrganisationId::new("gavi")?)), "Gavi");
    /// assert_eq!(d.receiver_name(&Receiver::from(Country::GT)), "Guatemala");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn receiver_name(&self, receiver: &Receiver) -> String {
        match receiver {
            Receiver::Area(a) => self.area_name(a),
            other => other
                .to_actor()
                .map_or_else(|| other.to_string(), |a| self.actor_name(&a)),
        }
    }

    /// The name of `area`, with the dossier's own group and area names:
    /// "Guatemala", "Northern Triangle", "Central America", "South and
    /// Southeast Asia", "the world".
    pub fn area_name(&self, area: &Area) -> String {
        match area {
            Area::Group(g) => match self.group(g) {
                Some(group) => group.name().to_string(),
                None => g.to_string(),
            },
            Area::Declared(a) => match self.declared_area(a) {
                Some(declared) => declared.name().to_string(),
                None => a.to_string(),
            },
            other => other.to_string(),
        }
    }

    /// Every fact, with where it sits in the JSON format
    /// (`/meetings/1`), in the order of the format: leaders, trips,
    /// meetings, initiatives, funding, vaccine pledges and allocations,
    /// statistics.
    pub fn facts(&self) -> impl Iterator<Item = (FieldPath, FactRef<'_>)> {
        fn at<'a, T>(
            name: &'static str,
            items: &'a [T],
            wrap: fn(&'a T) -> FactRef<'a>,
        ) -> impl Iterator<Item = (FieldPath, FactRef<'a>)> {
            items
                .iter()
                .enumerate()
                .map(move |(i, x)| (FieldPath::root().field(name).index(i), wrap(x)))
        }
        at("leaders", &self.leaders, FactRef::Leader)
            .chain(at("trips", &self.trips, FactRef::Trip))
            .chain(at("meetings", &self.meetings, FactRef::Meeting))
            .chain(at("initiatives", &self.initiatives, FactRef::Initiative))
            .chain(at("funding", &self.funding, FactRef::Funding))
            .chain(at("vaccine_pledges", &self.vaccine_pledges, FactRef::VaccinePledge))
            .chain(at(
                "vaccine_allocations",
                &self.vaccine_allocations,
                FactRef::VaccineAllocation,
            ))
            .chain(at("statistics", &self.statistics, FactRef::Statistic))
    }

    /// The facts tagged with `topic` (vaccine pledges and allocations are
    /// always about vaccine sharing), in the order of [`Dossier::facts`].
    pub fn facts_about(&self, topic: Topic) -> impl Iterator<Item = FactRef<'_>> {
        self.facts()
            .map(|(_, f)| f)
            .filter(move |f| f.topics().contains(&topic))
    }
}
