//! Offices: leaders act on days they hold office, in the office a fact
//! names, and no single-holder office has two holders at once.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{at, Index, Rule, Violation};
use crate::{Country, Dossier, EventStatus, Excerpt, FieldPath, Leader, LeaderId, Office};

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
        let legs = trip.legs().iter().filter(|l| l.status() != EventStatus::Cancelled);
        let first = legs.clone().map(|l| l.arrival()).min();
        let last = legs
            .map(|l| l.departure().map_or(l.arrival(), |dep| dep.max(l.arrival())))
            .max();
        let uncovered = [first, last]
            .into_iter()
            .flatten()
            .find(|&day| traveller.term_on(day).is_none());
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
        let day = m.date();
        for (j, p) in m.participants().iter().enumerate() {
            let Some(l) = leader(p.leader()) else {
                continue;
            };
            let path = || at("meetings", i).field("participants").index(j);
            if l.term_on(day).is_none() {
                let doing = format!("takes part in meeting `{}`", m.id());
                out.push(Violation::new(
                    Rule::NotInOffice,
                    path().field("leader"),
                    not_in_office(l, &doing, day),
                ));
                continue;
            }
            let Some(role) = p.role() else {
                continue;
            };
            if !l.holds(role.office(), role.country(), day) {
                let held: Vec<String> = l
                    .terms_on(day)
                    .map(|t| Excerpt::new(&t.role().to_string()).to_string())
                    .collect();
                out.push(Violation::new(
                    Rule::RoleNotHeld,
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
    let mut by_office: HashMap<(&Office, Country), Vec<Spell<'_>>> = HashMap::new();
    for (i, l) in d.leaders().iter().enumerate() {
        if has_reversed_term(l) {
            continue;
        }
        for (k, t) in l.terms().iter().enumerate() {
            if !t.office().is_single_holder() {
                continue;
            }
            by_office.entry((t.office(), t.country())).or_default().push(Spell {
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
                    let role = crate::Role::new(office.clone(), country);
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
