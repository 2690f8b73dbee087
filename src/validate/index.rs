//! `Index`: a dossier's ids, looked up in constant time, built once per
//! validation.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::{AreaId, DeclaredArea, GroupId, OrganisationId, SourceId};
use crate::org::Organisation;
use crate::{CountryGroup, Dossier, Leader, Trip, VaccinePledge};

/// The first item of each id, per kind, as the dossier's own lookups
/// resolve them (a repeated id resolves to its first holder).
pub(super) struct Index<'a> {
    sources: HashMap<&'a str, NaiveDate>,
    organisations: HashMap<&'a str, &'a Organisation>,
    groups: HashMap<&'a str, &'a CountryGroup>,
    areas: HashMap<&'a str, &'a DeclaredArea>,
    leaders: HashMap<&'a str, &'a Leader>,
    trips: HashMap<&'a str, &'a Trip>,
    pledges: HashMap<&'a str, (usize, &'a VaccinePledge)>,
}

impl<'a> Index<'a> {
    pub(super) fn new(d: &'a Dossier) -> Index<'a> {
        let mut sources = HashMap::with_capacity(d.sources().len());
        for s in d.sources() {
            sources.entry(s.id().as_str()).or_insert(s.published());
        }
        let mut organisations = HashMap::with_capacity(d.organisations().len());
        for o in d.organisations() {
            organisations.entry(o.id()).or_insert(o);
        }
        let mut groups = HashMap::with_capacity(d.groups().len());
        for g in d.groups() {
            groups.entry(g.id()).or_insert(g);
        }
        let mut areas = HashMap::with_capacity(d.areas().len());
        for a in d.areas() {
            areas.entry(a.id().as_str()).or_insert(a);
        }
        let mut leaders = HashMap::with_capacity(d.leaders().len());
        for l in d.leaders() {
            leaders.entry(l.id().as_str()).or_insert(l);
        }
        let mut trips = HashMap::with_capacity(d.trips().len());
        for t in d.trips() {
            trips.entry(t.id().as_str()).or_insert(t);
        }
        let mut pledges = HashMap::with_capacity(d.vaccine_pledges().len());
        for (i, p) in d.vaccine_pledges().iter().enumerate() {
            pledges.entry(p.id().as_str()).or_insert((i, p));
        }
        Index {
            sources,
            organisations,
            groups,
            areas,
            leaders,
            trips,
            pledges,
        }
    }

    /// The publication date of the source `id`, if it exists.
    pub(super) fn published(&self, id: &SourceId) -> Option<NaiveDate> {
        self.sources.get(id.as_str()).copied()
    }

    /// The date a fact was reported: its own `reported` date, else its
    /// source's publication date.
    pub(super) fn report_date(&self, source: &SourceId, reported: Option<NaiveDate>) -> Option<NaiveDate> {
        reported.or_else(|| self.published(source))
    }

    /// The group `id`: the dossier's own first, then a built-in one.
    pub(super) fn group(&self, id: &GroupId) -> Option<&'a CountryGroup> {
        self.groups
            .get(id.as_str())
            .copied()
            .or_else(|| CountryGroup::find(id.as_str()))
    }

    /// The organisation `id`: the dossier's own first, then a built-in one.
    pub(super) fn organisation(&self, id: &OrganisationId) -> Option<&'a Organisation> {
        self.organisations
            .get(id.as_str())
            .copied()
            .or_else(|| Organisation::find(id.as_str()))
    }

    /// The area `id` the dossier declares.
    pub(super) fn declared_area(&self, id: &AreaId) -> Option<&'a DeclaredArea> {
        self.areas.get(id.as_str()).copied()
    }

    pub(super) fn leader(&self, id: &str) -> Option<&'a Leader> {
        self.leaders.get(id).copied()
    }

    pub(super) fn trip(&self, id: &str) -> Option<&'a Trip> {
        self.trips.get(id).copied()
    }

    /// The pledge `id` and its place in the list.
    pub(super) fn pledge(&self, id: &str) -> Option<(usize, &'a VaccinePledge)> {
        self.pledges.get(id).copied()
    }
}
