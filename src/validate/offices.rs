//! Offices: leaders act on days they hold office, in the office or
//! function a fact names, and no single-holder office has two holders at
//! once.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{at, Index, Rule, Violation};
use crate::model::{EventStatus, FieldPath, LeaderId, Office};
use crate::{Actor, Dossier, Excerpt, Leader};

/// The most terms a message lists before it cuts the list short.
const MAX_TERMS_LISTED: usize = 3;

pub(super) fn check(d: &Dossier, index: &Index<'_>, out: &mut Vec<Violation>) {
    // A leader with a reversed term is judged by `term-ends-before-start`
    // alone: every check here would only repeat that mistake.
    let leader = |id: &LeaderId| index.leader(id.as_str()).filter(|l| !has_reversed_term(l));

    for (i, trip) in d.trips().iter().enumerate() {
        let Some(traveller) = leader(trip.traveller()) else {
            continue;
        };
        let spans = in_office(traveller);
        let uncovered = trip
            .legs()
            .iter()
            .filter(|l| l.status() != EventStatus::Cancelled)
            .filter_map(|l| {
                first_uncovered(
                    &spans,
                    l.arrival(),
                    l.departure().map_or(l.arrival(), |dep| dep.max(l.arrival())),
                )
            })
            .min();
        if let Some(day) = uncovered {
            out.push(Violation::new(
                Rule::NotInOffice,
                at("trips", i).field("traveller"),
                not_in_office(traveller, &format!("travels on trip `{}`", trip.id()), day),
            ));
        }
    }

    for (i, m) in d.meetings().iter().enumerate() {
        if m.status() == EventStatus::Cancelled {
            continue;
        }
        // Every day of the meeting; a reversed one is judged by
        // `meeting-ends-before-start` alone, on its first day here.
        let day = m.start();
        let last = m.end().max(day);
        for (j, p) in m.participants().iter().enumerate() {
            let Some(l) = leader(p.leader()) else {
                continue;
            };
            let path = || at("meetings", i).field("participants").index(j);
            if let Some(out_of_office) = first_uncovered(&in_office(l), day, last) {
                let doing = format!("takes part in meeting `{}`", m.id());
                out.push(Violation::new(
                    Rule::NotInOffice,
                    path().field("leader"),
                    not_in_office(l, &doing, out_of_office),
                ));
                continue;
            }
            let Some(role) = p.role() else {
                continue;
            };
            if !l.is_on(role, day) {
                // Named by a function, the terms say which they carry.
                let (rule, with_functions) = match role.office() {
                    Some(_) => (Rule::RoleNotHeld, false),
                    None => (Rule::FunctionNotHeld, true),
                };
                let held: Vec<String> = l
                    .terms_on(day)
                    .map(|t| match with_functions {
                        true => Excerpt::new(&term_named(t)).to_string(),
                        false => Excerpt::new(&t.role().to_string()).to_string(),
                    })
                    .collect();
                out.push(Violation::new(
                    rule,
                    path().field("role"),
                    format!(
                        "`{}` is named {} at meeting `{}` on {day}, but holds {} that day",
                        l.id(),
                        Excerpt::new(&role.to_string()),
                        m.id(),
                        held.join(" and ")
                    ),
                ));
            }
        }
    }

    let mut announcement = |list: &str, i: usize, what: (&str, &str), by: Option<&LeaderId>, day: Option<NaiveDate>| {
        let (Some(l), Some(day)) = (by.and_then(leader), day) else {
            return;
        };
        if l.term_on(day).is_none() {
            let (kind, id) = what;
            out.push(Violation::new(
                Rule::NotInOffice,
                at(list, i).field("announced_by"),
                not_in_office(l, &format!("announces {kind} `{id}`"), day),
            ));
        }
    };
    for (i, x) in d.initiatives().iter().enumerate() {
        let what = ("initiative", x.id().as_str());
        announcement("initiatives", i, what, x.announcer(), x.announced());
    }
    for (i, x) in d.funding().iter().enumerate() {
        announcement("funding", i, ("funding", x.id().as_str()), x.announcer(), x.announced());
    }
    for (i, x) in d.vaccine_pledges().iter().enumerate() {
        let what = ("pledge", x.id().as_str());
        announcement("vaccine_pledges", i, what, x.announcer(), Some(x.announced()));
    }

    concurrent_holders(d, out);
}

/// A term's office and holder, with the functions it carries: "Prime
/// Minister of the United Kingdom (head of government)", "Vice-President
/// of the United States (no function recorded)".
fn term_named(t: &crate::model::Term) -> String {
    let mut s = t.role().to_string();
    for (k, f) in t.functions().iter().enumerate() {
        s.push_str(if k == 0 { " (" } else { ", " });
        let _ = write!(s, "{f}");
    }
    if t.functions().is_empty() {
        s.push_str(" (no function recorded)");
    } else {
        s.push(')');
    }
    s
}

/// "`harris` travels on trip `x` on 2020-01-01 but holds no office that
/// day (terms: Vice-President of the United States, 2021-01-20 to ...)".
fn not_in_office(l: &Leader, doing: &str, day: NaiveDate) -> String {
    let mut s = format!("`{}` {doing} on {day} but holds no office that day", l.id());
    if l.terms().is_empty() {
        s.push_str(" (no terms recorded)");
        return s;
    }
    s.push_str(" (terms: ");
    for (k, t) in l.terms().iter().take(MAX_TERMS_LISTED).enumerate() {
        if k > 0 {
            s.push_str("; ");
        }
        let _ = write!(s, "{}", Excerpt::new(&t.to_string()));
    }
    if l.terms().len() > MAX_TERMS_LISTED {
        s.push_str("; …");
    }
    s.push(')');
    s
}

/// The days a leader holds some office, as disjoint spans sorted by start
/// and not touching (terms that overlap or follow on the next day are
/// merged); an open term runs to `NaiveDate::MAX`.
fn in_office(l: &Leader) -> Vec<(NaiveDate, NaiveDate)> {
    let mut terms: Vec<(NaiveDate, NaiveDate)> = l
        .terms()
        .iter()
        .map(|t| (t.start(), t.end().unwrap_or(NaiveDate::MAX)))
        .collect();
    terms.sort_unstable();
    let mut spans: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(terms.len());
    for (start, end) in terms {
        match spans.last_mut() {
            // `succ_opt` is `None` only for `NaiveDate::MAX`, which nothing follows.
            Some(last) if last.1.succ_opt().is_none_or(|next| start <= next) => last.1 = last.1.max(end),
            _ => spans.push((start, end)),
        }
    }
    spans
}

/// The first day from `first` to `last` that no span covers, if any: one
/// step per span, however long the days.
fn first_uncovered(spans: &[(NaiveDate, NaiveDate)], first: NaiveDate, last: NaiveDate) -> Option<NaiveDate> {
    let mut day = first;
    for &(start, end) in spans {
        if end < day {
            continue;
        }
        if start > day {
            return Some(day);
        }
        day = end.succ_opt()?;
        if day > last {
            return None;
        }
    }
    Some(day)
}

fn has_reversed_term(l: &Leader) -> bool {
    l.terms().iter().any(|t| t.end().is_some_and(|end| end < t.start()))
}

/// A term in a single-holder office, for the sweep below.
struct Spell<'a> {
    start: NaiveDate,
    /// The last day; `NaiveDate::MAX` while open.
    end: NaiveDate,
    leader: &'a LeaderId,
    path: (usize, usize),
}

/// Warns where two people hold one single-holder office of a country on
/// more than a handover day: terms grouped by office, sorted by start, and
/// swept once, each compared with the one reaching furthest before it.
fn concurrent_holders(d: &Dossier, out: &mut Vec<Violation>) {
    let mut by_office: HashMap<(&Office, &Actor), Vec<Spell<'_>>> = HashMap::new();
    for (i, l) in d.leaders().iter().enumerate() {
        if has_reversed_term(l) {
            continue;
        }
        for (k, t) in l.terms().iter().enumerate() {
            if !t.office().is_single_holder() {
                continue;
            }
            by_office.entry((t.office(), t.of())).or_default().push(Spell {
                start: t.start(),
                end: t.end().unwrap_or(NaiveDate::MAX),
                leader: l.id(),
                path: (i, k),
            });
        }
    }
    let mut found = Vec::new();
    for ((office, country), mut spells) in by_office {
        spells.sort_by(|a, b| a.start.cmp(&b.start).then(a.path.cmp(&b.path)));
        let mut reach: Option<&Spell<'_>> = None;
        for s in &spells {
            if let Some(r) = reach {
                if r.leader != s.leader && s.start < r.end {
                    let until = r.end.min(s.end);
                    let span = if until == NaiveDate::MAX {
                        format!("from {} on", s.start)
                    } else {
                        format!("from {} to {until}", s.start)
                    };
                    let role = crate::model::OfficeRole::new(office.clone(), country.clone());
                    found.push(Violation::new(
                        Rule::ConcurrentOfficeHolders,
                        term_path(s.path),
                        format!(
                            "`{}` and `{}` both hold {} {span}",
                            s.leader,
                            r.leader,
                            Excerpt::new(&role.to_string())
                        ),
                    ));
                }
                if s.end <= r.end {
                    continue;
                }
            }
            reach = Some(s);
        }
    }
    out.extend(found);
}

fn term_path((i, k): (usize, usize)) -> FieldPath {
    at("leaders", i).field("terms").index(k)
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{found, leader};

    #[test]
    fn a_handover_day_is_not_two_holders() {
        let two = |end: &str, start: &str| {
            format!(
                r#""leaders": [{}, {}]"#,
                leader("a", "president", "GT", "2016-01-14", Some(end)),
                leader("b", "president", "GT", start, None)
            )
        };
        assert!(found(&two("2020-01-14", "2020-01-14")).is_empty());
        assert!(found(&two("2020-01-13", "2020-01-14")).is_empty());
        assert_eq!(
            found(&two("2020-01-15", "2020-01-14")),
            ["concurrent-office-holders /leaders/1/terms/0"]
        );
    }

    #[test]
    fn only_single_holder_offices_of_one_country_clash() {
        let lists = format!(
            r#""leaders": [{}, {}, {}, {}, {}]"#,
            leader("a", "president", "GT", "2020-01-14", None),
            leader("b", "president", "HN", "2020-01-14", None),
            r#"{"id": "c", "name": "c", "terms": [{"office": {"other": "Adviser"}, "country": "GT", "start": "2020-01-01"}], "source": "s"}"#,
            r#"{"id": "d", "name": "d", "terms": [{"office": {"other": "Adviser"}, "country": "GT", "start": "2020-01-01"}], "source": "s"}"#,
            r#"{"id": "a2", "name": "a", "terms": [{"office": "president", "country": "GT", "start": "2019-01-01"}, {"office": "president", "country": "GT", "start": "2019-06-01"}], "source": "s"}"#
        );
        // a2's own two terms do not clash with each other; they clash with a.
        assert_eq!(found(&lists), ["concurrent-office-holders /leaders/0/terms/0"]);
    }

    #[test]
    fn what_is_not_taking_part_is_not_checked() {
        // A cancelled meeting, a trip of cancelled legs, an undated
        // announcement, an unknown leader.
        let lists = format!(
            r#""leaders": [{}],
            "trips": [{{"id": "t", "traveller": "a", "legs": [{{"country": "GT", "arrival": "2019-06-06", "status": "cancelled"}}], "source": "s"}}],
            "meetings": [{{"id": "m", "date": "2019-06-07", "place": "GT", "kind": "call", "status": "cancelled", "participants": [{{"leader": "a"}}], "source": "s"}}],
            "initiatives": [{{"id": "i", "name": "I", "kind": "agenda", "sponsor": "US", "announced_by": "a", "status": "happened", "source": "s"}}],
            "funding": [{{"id": "f", "donor": "US", "stage": "announced", "announced": "2019-01-01", "announced_by": "nobody", "source": "s"}}]"#,
            leader("a", "president", "GT", "2020-01-14", None)
        );
        assert_eq!(found(&lists), ["unknown-leader /funding/0/announced_by"]);
    }

    #[test]
    fn a_role_is_checked_only_when_in_office() {
        let meeting = |day: &str, office: &str| {
            format!(
                r#""leaders": [{}], "meetings": [{{"id": "m", "date": "{day}", "place": "GT", "kind": "call", "status": "happened",
                    "participants": [{{"leader": "a", "role": {{"office": "{office}", "country": "GT"}}}}], "source": "s"}}]"#,
                leader("a", "president", "GT", "2020-01-14", None)
            )
        };
        assert!(found(&meeting("2020-01-14", "president")).is_empty());
        assert_eq!(
            found(&meeting("2020-01-14", "prime-minister")),
            ["role-not-held /meetings/0/participants/0/role"]
        );
        assert_eq!(
            found(&meeting("2020-01-13", "prime-minister")),
            ["not-in-office /meetings/0/participants/0/leader"]
        );
    }

    #[test]
    fn a_trip_is_checked_on_its_first_and_last_day() {
        let trip = |last: &str| {
            format!(
                r#""leaders": [{}], "trips": [{{"id": "t", "traveller": "a", "legs": [
                    {{"country": "MX", "arrival": "2019-12-30", "departure": "2019-12-31", "status": "happened"}},
                    {{"country": "US", "arrival": "{last}", "status": "happened"}}], "source": "s"}}]"#,
                leader("a", "president", "GT", "2016-01-14", Some("2020-01-14"))
            )
        };
        assert!(found(&trip("2020-01-14")).is_empty());
        assert_eq!(found(&trip("2020-01-15")), ["not-in-office /trips/0/traveller"]);
    }

    fn two_terms(first_end: &str, second_start: &str, legs: &str) -> String {
        format!(
            r#""leaders": [{{"id": "a", "name": "a", "terms": [
                {{"office": "president", "country": "GT", "start": "{second_start}"}},
                {{"office": "president", "country": "GT", "start": "2016-01-14", "end": "{first_end}"}}], "source": "s"}}],
              "trips": [{{"id": "t", "traveller": "a", "legs": [{legs}], "source": "s"}}]"#
        )
    }

    #[test]
    fn a_trip_is_checked_on_every_day_of_its_legs() {
        let legs = r#"{"country": "MX", "arrival": "2019-12-30", "departure": "2020-01-10", "status": "happened"}"#;
        // Out of office from 2020-01-05 to 2020-01-06, in the middle of the leg.
        let gap = two_terms("2020-01-04", "2020-01-07", legs);
        assert_eq!(found(&gap), ["not-in-office /trips/0/traveller"]);
        let report = super::super::tests_support::messages(&gap);
        assert!(report[0].contains("on 2020-01-05 but holds no office"), "{report:?}");
        // Terms that follow on the next day, or overlap, leave no gap.
        assert!(found(&two_terms("2020-01-06", "2020-01-07", legs)).is_empty());
        assert!(found(&two_terms("2020-01-09", "2020-01-07", legs)).is_empty());
        // A cancelled leg over the gap is not travelled.
        let cancelled = r#"{"country": "MX", "arrival": "2019-12-30", "departure": "2020-01-04", "status": "happened"},
            {"country": "HN", "arrival": "2020-01-05", "departure": "2020-01-06", "status": "cancelled"},
            {"country": "SV", "arrival": "2020-01-07", "status": "happened"}"#;
        assert!(found(&two_terms("2020-01-04", "2020-01-07", cancelled)).is_empty());
    }

    #[test]
    fn days_at_the_ends_of_the_calendar_neither_hang_nor_panic() {
        let (min, max) = (chrono::NaiveDate::MIN, chrono::NaiveDate::MAX);
        let legs = format!(r#"{{"country": "MX", "arrival": "{min}", "departure": "{max}", "status": "planned"}}"#);
        let lists = |first_end: &str, second_start: &str| {
            format!(
                r#""leaders": [{{"id": "a", "name": "a", "terms": [
                    {{"office": "president", "country": "GT", "start": "{min}", "end": "{first_end}"}},
                    {{"office": "president", "country": "GT", "start": "{second_start}", "end": "{max}"}}], "source": "s"}}],
                  "trips": [{{"id": "t", "traveller": "a", "legs": [{legs}], "source": "s"}}]"#
            )
        };
        let covered = super::super::tests_support::messages(&lists("2000-01-01", "2000-01-02"));
        assert!(covered.iter().all(|m| !m.starts_with("not-in-office")), "{covered:?}");
        let gap = super::super::tests_support::messages(&lists("2000-01-01", "2000-01-03"));
        assert!(
            gap.iter()
                .any(|m| m.starts_with("not-in-office") && m.contains("on 2000-01-02 ")),
            "{gap:?}"
        );
        let end = super::super::tests_support::messages(&lists(&max.to_string(), &max.to_string()));
        assert!(end.iter().all(|m| !m.starts_with("not-in-office")), "{end:?}");
    }

    #[test]
    fn a_meeting_of_several_days_is_checked_on_each() {
        use super::super::tests_support::messages_v2;
        let summit = |end: &str| {
            format!(
                r#""leaders": [{{"id": "a", "name": "a", "terms": [{{"office": "prime-minister", "of": "GB", "start": "2019-07-24", "end": "2021-06-02"}}], "source": "s"}}],
                "meetings": [{{"id": "m", "start": "2021-06-01", "end": "{end}", "places": ["GB"], "kind": "summit", "status": "happened",
                    "participants": [{{"leader": "a", "role": {{"function": "head-of-government", "of": "GB"}}}}], "source": "s"}}]"#
            )
        };
        assert!(messages_v2(&summit("2021-06-02")).is_empty());
        assert_eq!(
            messages_v2(&summit("2021-06-03")),
            ["not-in-office /meetings/0/participants/0/leader: `a` takes part in meeting `m` on 2021-06-03 but holds no office that day (terms: Prime Minister of the United Kingdom, 2019-07-24 to 2021-06-…)"]
        );
    }
}
