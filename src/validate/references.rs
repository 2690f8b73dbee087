//! References: ids are unique within their kind, and every id a fact names
//! resolves.

use std::collections::HashMap;

use super::named::{namings, Named, Naming};
use super::{at, Index, Rule, Violation};
use crate::model::{FieldPath, GroupId, LeaderId};
use crate::{Actor, Area, Dossier};

pub(super) fn check(d: &Dossier, index: &Index<'_>, out: &mut Vec<Violation>) {
    duplicates("source", "sources", d.sources().iter().map(|x| x.id().as_str()), out);
    duplicates(
        "organisation",
        "organisations",
        d.organisations().iter().map(|x| x.id()),
        out,
    );
    duplicates("group", "groups", d.groups().iter().map(|x| x.id()), out);
    duplicates("area", "areas", d.areas().iter().map(|x| x.id().as_str()), out);
    duplicates("leader", "leaders", d.leaders().iter().map(|x| x.id().as_str()), out);
    duplicates("trip", "trips", d.trips().iter().map(|x| x.id().as_str()), out);
    duplicates("meeting", "meetings", d.meetings().iter().map(|x| x.id().as_str()), out);
    duplicates(
        "initiative",
        "initiatives",
        d.initiatives().iter().map(|x| x.id().as_str()),
        out,
    );
    duplicates("funding", "funding", d.funding().iter().map(|x| x.id().as_str()), out);
    duplicates(
        "pledge",
        "vaccine_pledges",
        d.vaccine_pledges().iter().map(|x| x.id().as_str()),
        out,
    );
    duplicates(
        "allocation",
        "vaccine_allocations",
        d.vaccine_allocations().iter().map(|x| x.id().as_str()),
        out,
    );
    duplicates(
        "statistic",
        "statistics",
        d.statistics().iter().map(|x| x.id().as_str()),
        out,
    );

    let leader = |id: &LeaderId, role: &str, path: FieldPath, out: &mut Vec<Violation>| {
        if index.leader(id.as_str()).is_none() {
            out.push(Violation::new(
                Rule::UnknownLeader,
                path,
                format!("{role} `{id}` is not a leader of the dossier"),
            ));
        }
    };

    for (i, t) in d.trips().iter().enumerate() {
        leader(t.traveller(), "traveller", at("trips", i).field("traveller"), out);
    }
    for (i, m) in d.meetings().iter().enumerate() {
        if let Some(trip) = m.trip() {
            if index.trip(trip.as_str()).is_none() {
                out.push(Violation::new(
                    Rule::UnknownTrip,
                    at("meetings", i).field("trip"),
                    format!("trip `{trip}` is not a trip of the dossier"),
                ));
            }
        }
        for (j, p) in m.participants().iter().enumerate() {
            let path = at("meetings", i).field("participants").index(j).field("leader");
            leader(p.leader(), "participant", path, out);
        }
    }
    for (i, x) in d.initiatives().iter().enumerate() {
        if let Some(by) = x.announcer() {
            leader(by, "announcer", at("initiatives", i).field("announced_by"), out);
        }
    }
    for (i, f) in d.funding().iter().enumerate() {
        if let Some(by) = f.announcer() {
            leader(by, "announcer", at("funding", i).field("announced_by"), out);
        }
    }
    for (i, p) in d.vaccine_pledges().iter().enumerate() {
        if let Some(by) = p.announcer() {
            leader(by, "announcer", at("vaccine_pledges", i).field("announced_by"), out);
        }
    }
    for (i, a) in d.vaccine_allocations().iter().enumerate() {
        if index.pledge(a.pledge().as_str()).is_none() {
            out.push(Violation::new(
                Rule::UnknownPledge,
                at("vaccine_allocations", i).field("pledge"),
                format!("pledge `{}` is not a vaccine pledge of the dossier", a.pledge()),
            ));
        }
    }

    for Naming { named, path, .. } in namings(d) {
        let unknown_group = |g: &GroupId| {
            Violation::new(
                Rule::UnknownGroup,
                path.clone().field("group"),
                format!("group `{g}` is neither a group of the dossier nor a built-in one"),
            )
        };
        match named {
            Named::Actor(Actor::Organisation(o)) | Named::Organisation(o) if index.organisation(o).is_none() => out
                .push(Violation::new(
                    Rule::UnknownOrganisation,
                    path.field("organisation"),
                    format!("organisation `{o}` is neither an organisation of the dossier nor a built-in one"),
                )),
            Named::Actor(Actor::Group(g)) | Named::Area(Area::Group(g)) | Named::Group(g)
                if index.group(g).is_none() =>
            {
                out.push(unknown_group(g));
            }
            Named::Area(Area::Declared(a)) | Named::Declared(a) if index.declared_area(a).is_none() => {
                out.push(Violation::new(
                    Rule::UnknownArea,
                    path.field("declared"),
                    format!("area `{a}` is not an area the dossier declares"),
                ))
            }
            _ => {}
        }
    }
}

/// Reports every id of `ids` already used by an earlier item of the list.
fn duplicates<'a>(kind: &str, list: &str, ids: impl ExactSizeIterator<Item = &'a str>, out: &mut Vec<Violation>) {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(ids.len());
    for (i, id) in ids.enumerate() {
        match first.get(id) {
            Some(&j) => out.push(Violation::new(
                Rule::DuplicateId,
                at(list, i).field("id"),
                format!("{kind} id `{id}` is used again: first by {}", at(list, j).to_pointer()),
            )),
            None => {
                first.insert(id, i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::found;

    #[test]
    fn repeats_point_at_the_first_holder() {
        let pledge = |id: &str| {
            format!(r#"{{"id": "{id}", "donor": "US", "doses": 5, "announced": "2021-06-03", "source": "s"}}"#)
        };
        let lists = format!(
            r#""vaccine_pledges": [{}, {}, {}, {}]"#,
            pledge("p"),
            pledge("q"),
            pledge("p"),
            pledge("p")
        );
        assert_eq!(
            found(&lists),
            [
                "duplicate-id /vaccine_pledges/2/id",
                "duplicate-id /vaccine_pledges/3/id"
            ]
        );
    }

    #[test]
    fn ids_are_unique_per_kind_only() {
        // A pledge and an allocation may share an id; a dossier group may
        // take a built-in group's id.
        let lists = r#""groups": [{"id": "g7", "name": "Our G7", "members": ["US"]}],
            "vaccine_pledges": [{"id": "x", "donor": "US", "doses": 5, "announced": "2021-06-03", "destination": {"group": "g7"}, "source": "s"}],
            "vaccine_allocations": [{"id": "x", "pledge": "x", "recipient": "US", "doses": 5, "stage": "announced", "source": "s"}]"#;
        assert!(found(lists).is_empty());
    }

    #[test]
    fn recipients_resolve_whether_areas_or_organisations() {
        let lists = r#""organisations": [{"id": "ours", "name": "Ours", "kind": "ngo"}],
            "funding": [{"id": "f", "donor": "US", "recipients": [{"organisation": "ours"}, {"organisation": "gavi"},
                {"organisation": "theirs"}, {"iati": "XM-DAC-99999"}, {"area": {"declared": "nowhere"}}], "stage": "pledged", "source": "s"}],
            "vaccine_pledges": [{"id": "p", "donor": "US", "doses": 10, "announced": "2021-06-03", "source": "s",
                "tranches": [{"id": "t", "recipient": {"group": "nt"}, "tranches": [{"id": "u", "recipient": {"declared": "nowhere"}},
                    {"id": "v", "recipient": {"organisation": "covax"}}, {"id": "w", "recipient": {"organisation": "theirs"}}]}]}],
            "vaccine_allocations": [{"id": "a", "pledge": "p", "recipient": {"organisation": "theirs"}, "doses": 5, "stage": "announced", "source": "s"},
                {"id": "b", "pledge": "p", "recipient": {"iati": "GB-COH-213890"}, "doses": 5, "stage": "announced", "source": "s"}]"#;
        assert_eq!(
            super::super::tests_support::found_v2(lists),
            [
                "unknown-organisation /funding/0/recipients/2/organisation",
                "unknown-area /funding/0/recipients/4/area/declared",
                "unknown-group /vaccine_pledges/0/tranches/0/recipient/group",
                "unknown-area /vaccine_pledges/0/tranches/0/tranches/0/recipient/declared",
                "unknown-organisation /vaccine_pledges/0/tranches/0/tranches/2/recipient/organisation",
                "unknown-organisation /vaccine_allocations/0/recipient/organisation",
            ]
        );
    }

    #[test]
    fn groups_resolve_wherever_an_area_names_one() {
        let lists = r#""initiatives": [{"id": "i", "name": "I", "kind": "agenda", "sponsor": "US", "targets": ["world", {"group": "nt"}], "status": "happened", "source": "s"}],
            "statistics": [{"id": "t", "metric": "refugees", "scope": {"group": "nt"}, "period": {"year": 2020}, "count": "5", "source": "s"}]"#;
        assert_eq!(
            found(lists),
            [
                "unknown-group /initiatives/0/targets/1/group",
                "unknown-group /statistics/0/scope/group"
            ]
        );
    }
}
