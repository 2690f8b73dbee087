//! Groups: a fact that names a group is dated within the group's recorded
//! history, when its members are known.

use super::named::{namings, Named, Naming};
use super::{Index, Rule, Violation};
use crate::{Actor, Area, Dossier};

pub(super) fn check(d: &Dossier, index: &Index<'_>, out: &mut Vec<Violation>) {
    for Naming { named, path, fact, day } in namings(d) {
        let group = match named {
            Named::Actor(Actor::Group(g)) | Named::Area(Area::Group(g)) | Named::Group(g) => g,
            _ => continue,
        };
        let (Some(day), Some(known)) = (day, index.group(group)) else {
            continue;
        };
        if let Err(e) = known.check_date(day) {
            let (kind, id) = fact;
            out.push(Violation::new(
                Rule::BeforeGroupHistory,
                path.field("group"),
                format!(
                    "{kind} `{id}` names group `{group}` on {day}, before its recorded history (from {})",
                    e.since()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::found_v2;

    #[test]
    fn groups_are_named_within_their_history() {
        let funding = |day: &str| {
            format!(
                r#""funding": [{{"id": "f", "donor": {{"group": "eu"}}, "stage": "announced", "announced": "{day}",
                    "recipients": [{{"area": {{"group": "g7"}}}}], "source": "s"}}]"#
            )
        };
        assert!(found_v2(&funding("2021-06-03")).is_empty());
        assert_eq!(
            found_v2(&funding("1980-01-01")),
            ["before-group-history /funding/0/donor/group"]
        );
        assert_eq!(
            found_v2(&funding("1975-01-01")),
            [
                "before-group-history /funding/0/donor/group",
                "before-group-history /funding/0/recipients/0/area/group",
            ]
        );
        // A tranche's recipient, on its pledge's announcement; an
        // organisation beside it names no group.
        let pledge = |day: &str| {
            format!(
                r#""vaccine_pledges": [{{"id": "p", "donor": "US", "doses": 5, "announced": "{day}", "source": "s",
                    "tranches": [{{"id": "t", "recipient": {{"group": "eu"}}}}, {{"id": "u", "recipient": {{"organisation": "covax"}}}}]}}]"#
            )
        };
        assert!(found_v2(&pledge("2021-06-03")).is_empty());
        assert_eq!(
            found_v2(&pledge("1980-01-01")),
            ["before-group-history /vaccine_pledges/0/tranches/0/recipient/group"]
        );
    }
}
