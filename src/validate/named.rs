//! Every actor and area the facts of a dossier name, with where in the
//! document and on which day, for the checks of references and groups.

use chrono::NaiveDate;

use super::at;
use crate::model::tranche_nodes;
use crate::model::{AreaId, FieldPath, GroupId, OrganisationId, Receiver, StatisticScope};
use crate::{Actor, Area, Dossier};

/// An actor, an area, an organisation or a group a fact names.
pub(super) enum Named<'a> {
    Actor(&'a Actor),
    Area(&'a Area),
    /// A recipient that is an organisation, as such.
    Organisation(&'a OrganisationId),
    /// A statistic's scope, which names a group as such.
    Group(&'a GroupId),
    /// A statistic's scope, which names a declared area as such.
    Declared(&'a AreaId),
}

/// One actor or area named, where, by which fact, and on which day (when
/// the fact has one).
pub(super) struct Naming<'a> {
    pub(super) named: Named<'a>,
    pub(super) path: FieldPath,
    /// The kind and id of the fact: ("funding", "us-aid").
    pub(super) fact: (&'static str, &'a str),
    pub(super) day: Option<NaiveDate>,
}

/// Every actor and area the facts name, in the order of the format:
/// terms' holders, meeting hosts and roles, initiative sponsors and
/// targets, funding donors, channels and recipients, pledge donors,
/// destinations and tranche recipients, allocation recipients, statistic
/// scopes and breakdown parts. A recipient organisation is named at the
/// place of its object (its step `organisation` is the checks' to add);
/// one known by its IATI identifier only names nothing to resolve.
pub(super) fn namings(d: &Dossier) -> Vec<Naming<'_>> {
    let mut out = Vec::new();
    let mut push = |named, path, fact, day| out.push(Naming { named, path, fact, day });
    for (i, l) in d.leaders().iter().enumerate() {
        for (k, t) in l.terms().iter().enumerate() {
            let path = at("leaders", i).field("terms").index(k).field("of");
            push(Named::Actor(t.of()), path, ("leader", l.id().as_str()), Some(t.start()));
        }
    }
    for (i, m) in d.meetings().iter().enumerate() {
        let fact = ("meeting", m.id().as_str());
        if let Some(host) = m.host() {
            push(
                Named::Actor(host),
                at("meetings", i).field("host"),
                fact,
                Some(m.start()),
            );
        }
        for (j, p) in m.participants().iter().enumerate() {
            if let Some(role) = p.role() {
                let path = at("meetings", i)
                    .field("participants")
                    .index(j)
                    .field("role")
                    .field("of");
                push(Named::Actor(role.of()), path, fact, Some(m.start()));
            }
        }
    }
    for (i, x) in d.initiatives().iter().enumerate() {
        let fact = ("initiative", x.id().as_str());
        push(
            Named::Actor(x.sponsor()),
            at("initiatives", i).field("sponsor"),
            fact,
            x.announced(),
        );
        for (j, t) in x.targets().iter().enumerate() {
            push(
                Named::Area(t),
                at("initiatives", i).field("targets").index(j),
                fact,
                x.announced(),
            );
        }
    }
    for (i, f) in d.funding().iter().enumerate() {
        let fact = ("funding", f.id().as_str());
        let day = f.rate_date();
        push(Named::Actor(f.donor()), at("funding", i).field("donor"), fact, day);
        if let Some(via) = f.via() {
            push(Named::Actor(via), at("funding", i).field("via"), fact, day);
        }
        for (j, r) in f.recipients().iter().enumerate() {
            let path = at("funding", i).field("recipients").index(j);
            match r.receiver() {
                Receiver::Area(a) => push(Named::Area(a), path.field("area"), fact, day),
                Receiver::Organisation(o) => push(Named::Organisation(o), path, fact, day),
                _ => {}
            }
        }
    }
    for (i, p) in d.vaccine_pledges().iter().enumerate() {
        let (fact, day) = (("pledge", p.id().as_str()), Some(p.announced()));
        push(
            Named::Actor(p.donor()),
            at("vaccine_pledges", i).field("donor"),
            fact,
            day,
        );
        if let Some(dest) = p.destination() {
            push(
                Named::Area(dest),
                at("vaccine_pledges", i).field("destination"),
                fact,
                day,
            );
        }
        for n in tranche_nodes(p, &at("vaccine_pledges", i)) {
            if let Some(named) = n.tranche.recipient().and_then(receiver) {
                push(named, n.path.field("recipient"), fact, day);
            }
        }
    }
    for (i, a) in d.vaccine_allocations().iter().enumerate() {
        let day = a.date().or_else(|| d.pledge(a.pledge()).map(|p| p.announced()));
        if let Some(named) = receiver(a.recipient()) {
            let path = at("vaccine_allocations", i).field("recipient");
            push(named, path, ("allocation", a.id().as_str()), day);
        }
    }
    for (i, s) in d.statistics().iter().enumerate() {
        let fact = ("statistic", s.id().as_str());
        match s.scope() {
            StatisticScope::Group(g) => push(Named::Group(g), at("statistics", i).field("scope"), fact, None),
            StatisticScope::Declared(a) => push(Named::Declared(a), at("statistics", i).field("scope"), fact, None),
            _ => {}
        }
        for (j, b) in s.breakdowns().iter().enumerate() {
            let path = at("statistics", i).field("breakdowns").index(j).field("part");
            push(Named::Area(b.part()), path, fact, None);
        }
    }
    out
}

/// What a recipient names to resolve: an area, or an organisation.
fn receiver(r: &Receiver) -> Option<Named<'_>> {
    match r {
        Receiver::Area(a) => Some(Named::Area(a)),
        Receiver::Organisation(o) => Some(Named::Organisation(o)),
        _ => None,
    }
}
