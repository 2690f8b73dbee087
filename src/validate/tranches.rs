//! Tranches and parts of pledges: the tranches within a pledge or a
//! tranche, and the pledges part of a larger one, stay within it; the
//! shares of tranches stay within 100%; allocations stay within their
//! tranche; every tranche and larger pledge named resolves, and no pledge
//! is part of itself.

use std::collections::HashMap;
use std::ops::Bound;

use rust_decimal::Decimal;

use super::money::SPLIT_TOLERANCE;
use super::{at, Index, Rule, Violation};
use crate::model::{tranche_nodes, FieldPath, TrancheNode};
use crate::notation::{add_counts, Bounds};
use crate::Dossier;

pub(super) fn check(d: &Dossier, index: &Index<'_>, out: &mut Vec<Violation>) {
    let trees: Vec<Vec<TrancheNode<'_>>> = d
        .vaccine_pledges()
        .iter()
        .enumerate()
        .map(|(i, p)| tranche_nodes(p, &at("vaccine_pledges", i)))
        .collect();
    duplicate_ids(&trees, out);
    for (i, (p, nodes)) in d.vaccine_pledges().iter().zip(&trees).enumerate() {
        let whole = Part {
            name: format!("pledge `{}`", p.id()),
            path: at("vaccine_pledges", i),
            figure: p.doses().to_string(),
            bounds: Some(p.doses().bounds()),
        };
        within_parts(&whole, nodes, out);
    }
    allocations(d, index, &trees, out);
    larger_pledges(d, index, out);
}

/// A pledge or a tranche, as a whole its parts must stay within.
struct Part {
    /// "pledge `us-25m`", "tranche `covax`".
    name: String,
    path: FieldPath,
    /// Its figure, as written: "about 19,000,000", "25% of its part
    /// (6,250,000)".
    figure: String,
    /// The doses it holds, when known.
    bounds: Option<Bounds<u64>>,
}

impl Part {
    fn of(n: &TrancheNode<'_>) -> Part {
        let t = n.tranche;
        let figure = match (t.doses(), t.share(), n.pledged) {
            (Some(doses), _, _) => doses.to_string(),
            (None, Some(share), Some(b)) => format!("{b} ({share:#} of its part)"),
            _ => String::new(),
        };
        Part {
            name: format!("tranche `{}`", t.id()),
            path: n.path.clone(),
            figure,
            bounds: n.pledged,
        }
    }
}

/// The least a part stands for when it states nothing: what its own
/// tranches hold; and their shares. Checks the parts within the pledge and
/// within each tranche.
fn within_parts(pledge: &Part, nodes: &[TrancheNode<'_>], out: &mut Vec<Violation>) {
    // What each tranche holds for its parent's sum: its figure, else at
    // least its own tranches. Children follow their parents, so the
    // nodes are taken from the last.
    let mut inner = vec![Bounds::exact(0u64); nodes.len()];
    let mut shares = vec![Decimal::ZERO; nodes.len()];
    let mut counted = vec![Bounds::exact(0u64); nodes.len()];
    let mut top = Bounds::exact(0u64);
    let mut top_shares = Decimal::ZERO;
    for (k, n) in nodes.iter().enumerate().rev() {
        let held = inner.get(k).copied().unwrap_or(Bounds::exact(0));
        let own = n.pledged.unwrap_or_else(|| at_least(held));
        if let Some(c) = counted.get_mut(k) {
            *c = own;
        }
        let share = n.tranche.share().map_or(Decimal::ZERO, |s| s.percent());
        let (sum, sum_shares) = match n.parent.and_then(|p| inner.get_mut(p).zip(shares.get_mut(p))) {
            Some((sum, s)) => (sum, s),
            None => (&mut top, &mut top_shares),
        };
        *sum = add_counts(*sum, own);
        *sum_shares = sum_shares.saturating_add(share);
    }
    check_whole(pledge, top, top_shares, !nodes.iter().any(|n| n.parent.is_none()), out);
    for (k, n) in nodes.iter().enumerate() {
        let has_children = nodes.iter().any(|c| c.parent == Some(k));
        if let (Some(sum), Some(s)) = (inner.get(k), shares.get(k)) {
            check_whole(&Part::of(n), *sum, *s, !has_children, out);
        }
    }
}

/// Bounds from `held`'s lower end up, open above.
fn at_least(held: Bounds<u64>) -> Bounds<u64> {
    Bounds::new(held.low(), Bound::Unbounded).unwrap_or(held)
}

/// Reports the parts of `whole` when their doses or shares exceed it.
fn check_whole(whole: &Part, parts: Bounds<u64>, shares: Decimal, no_parts: bool, out: &mut Vec<Violation>) {
    if no_parts {
        return;
    }
    let place = || whole.path.clone().field("tranches");
    if let Some(bounds) = whole.bounds.filter(|b| parts.is_above(b)) {
        out.push(Violation::new(
            Rule::TrancheExceedsParent,
            place(),
            format!(
                "the tranches within {} sum to {parts} doses{}, above the {} of the {}",
                whole.name,
                least(&parts),
                most(&whole.figure, &bounds),
                kind(&whole.name)
            ),
        ));
    }
    if shares > Decimal::ONE_HUNDRED.saturating_add(SPLIT_TOLERANCE) {
        out.push(Violation::new(
            Rule::TrancheSharesExceed100,
            place(),
            format!(
                "the shares of the tranches within {} sum to {}%, above 100% (within 0.01)",
                whole.name,
                shares.normalize()
            ),
        ));
    }
}

/// "pledge" or "tranche", from a part's name.
fn kind(name: &str) -> &str {
    name.split(' ').next().unwrap_or(name)
}

/// What a message says after a sum of doses: unless the sum is exact or
/// open above (and so says it itself), the least it allows: ` (at least
/// 19,600,000)` after `between 19,600,000 and 21,000,000 doses`.
pub(super) fn least(sum: &Bounds<u64>) -> String {
    match (sum.low(), sum.high()) {
        _ if sum.is_exact() => String::new(),
        (_, Bound::Unbounded) | (Bound::Unbounded, _) => String::new(),
        (Bound::Included(v), _) => format!(" (at least {})", Bounds::exact(v)),
        (Bound::Excluded(v), _) => format!(" (more than {})", Bounds::exact(v)),
    }
}

/// A whole as a message gives it: its figure, and, unless it is exact,
/// the most it allows: `about 19,000,000 (at most 19,500,000)`.
pub(super) fn most(figure: &str, bounds: &Bounds<u64>) -> String {
    match bounds.high() {
        _ if bounds.is_exact() => figure.to_string(),
        Bound::Included(v) => format!("{figure} (at most {})", Bounds::exact(v)),
        Bound::Excluded(v) => format!("{figure} (fewer than {})", Bounds::exact(v)),
        Bound::Unbounded => figure.to_string(),
    }
}

/// Tranche ids are unique in the dossier: the second and later holders
/// of an id are reported.
fn duplicate_ids(trees: &[Vec<TrancheNode<'_>>], out: &mut Vec<Violation>) {
    let mut first: HashMap<&str, &FieldPath> = HashMap::new();
    for n in trees.iter().flatten() {
        let id = n.tranche.id().as_str();
        match first.get(id) {
            Some(earlier) => out.push(Violation::new(
                Rule::DuplicateId,
                n.path.clone().field("id"),
                format!("tranche id `{id}` is used again: first by {earlier}"),
            )),
            None => {
                first.insert(id, &n.path);
            }
        }
    }
}

/// The tranche each allocation names is one of its pledge's, and the
/// allocations in a tranche and within it stay within what it holds.
fn allocations(d: &Dossier, index: &Index<'_>, trees: &[Vec<TrancheNode<'_>>], out: &mut Vec<Violation>) {
    let mut allocated: Vec<Vec<Bounds<u64>>> = trees.iter().map(|t| vec![Bounds::exact(0); t.len()]).collect();
    for (j, a) in d.vaccine_allocations().iter().enumerate() {
        let (Some(id), Some((i, pledge))) = (a.tranche(), index.pledge(a.pledge().as_str())) else {
            continue;
        };
        let nodes = trees.get(i).map_or(&[][..], Vec::as_slice);
        let Some(k) = nodes.iter().position(|n| n.tranche.id() == id) else {
            let elsewhere = d
                .tranche(id)
                .map(|(p, _)| format!(", but of pledge `{}`", p.id()))
                .unwrap_or_default();
            out.push(Violation::new(
                Rule::UnknownTranche,
                at("vaccine_allocations", j).field("tranche"),
                format!(
                    "tranche `{id}` of allocation `{}` is not a tranche of its pledge `{}`{elsewhere}",
                    a.id(),
                    pledge.id()
                ),
            ));
            continue;
        };
        let Some(sums) = allocated.get_mut(i) else { continue };
        let mut node = Some(k);
        while let Some(k) = node {
            if let Some(sum) = sums.get_mut(k) {
                *sum = add_counts(*sum, a.doses().bounds());
            }
            node = nodes.get(k).and_then(|n| n.parent);
        }
    }
    for (nodes, sums) in trees.iter().zip(&allocated) {
        for (n, sum) in nodes.iter().zip(sums) {
            let Some(held) = n.pledged.filter(|held| sum.is_above(held)) else {
                continue;
            };
            let part = Part::of(n);
            let field = if n.tranche.doses().is_some() { "doses" } else { "share" };
            out.push(Violation::new(
                Rule::AllocationExceedsTranche,
                n.path.clone().field(field),
                format!(
                    "allocations in {} sum to {sum} doses{}, above the {} it holds",
                    part.name,
                    least(sum),
                    most(&part.figure, &held)
                ),
            ));
        }
    }
}

/// The larger pledge each pledge names resolves, no pledge is part of
/// itself, and the pledges part of one stay within it.
fn larger_pledges(d: &Dossier, index: &Index<'_>, out: &mut Vec<Violation>) {
    let pledges = d.vaccine_pledges();
    let mut parts = vec![Bounds::exact(0u64); pledges.len()];
    let mut has_parts = vec![false; pledges.len()];
    for (i, p) in pledges.iter().enumerate() {
        let Some(whole) = p.parent() else { continue };
        let place = || at("vaccine_pledges", i).field("part_of");
        let Some((w, _)) = index.pledge(whole.as_str()) else {
            out.push(Violation::new(
                Rule::UnknownPledge,
                place(),
                format!("pledge `{whole}` is not a vaccine pledge of the dossier"),
            ));
            continue;
        };
        if let (Some(sum), Some(has)) = (parts.get_mut(w), has_parts.get_mut(w)) {
            *sum = add_counts(*sum, p.doses().bounds());
            *has = true;
        }
        // Up the chain of larger pledges: back here is a cycle.
        let mut chain = vec![p.id().as_str()];
        let mut next = Some(w);
        while let Some((k, q)) = next.and_then(|k| pledges.get(k).map(|q| (k, q))) {
            if k == i {
                chain.push(q.id().as_str());
                out.push(Violation::new(
                    Rule::PledgePartOfItself,
                    place(),
                    format!("pledge `{}` is part of itself: {}", p.id(), chain.join(" → ")),
                ));
                break;
            }
            if chain.contains(&q.id().as_str()) {
                break; // a cycle further up, reported at its own pledges
            }
            chain.push(q.id().as_str());
            next = q.parent().and_then(|id| index.pledge(id.as_str())).map(|(k, _)| k);
        }
    }
    for (w, (p, (sum, has))) in pledges.iter().zip(parts.iter().zip(&has_parts)).enumerate() {
        let bounds = p.doses().bounds();
        if *has && sum.is_above(&bounds) {
            out.push(Violation::new(
                Rule::TrancheExceedsParent,
                at("vaccine_pledges", w).field("doses"),
                format!(
                    "the pledges part of pledge `{}` sum to {sum} doses{}, above the {} of the pledge",
                    p.id(),
                    least(sum),
                    most(&p.doses().to_string(), &bounds)
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::messages;

    fn pledge(extra: &str, tranches: &str) -> String {
        format!(
            r#""vaccine_pledges": [{{"id": "p", "donor": "US", "doses": 25000000, "announced": "2021-06-03", "source": "s"{extra}, "tranches": [{tranches}]}}]"#
        )
    }

    fn allocation(id: &str, tranche: &str, doses: &str) -> String {
        format!(
            r#"{{"id": "{id}", "pledge": "p", "tranche": "{tranche}", "recipient": "MX", "doses": {doses}, "stage": "announced", "source": "s"}}"#
        )
    }

    const US_25M: &str = r#"
        {"id": "covax", "channel": "covax", "doses": "about 19,000,000", "share": "75", "tranches": [
            {"id": "latam", "recipient": {"m49": "419"}, "doses": "about 6,000,000"},
            {"id": "asia", "recipient": {"m49": "142"}, "doses": "about 7,000,000"},
            {"id": "africa", "recipient": {"m49": "002"}, "doses": "about 5,000,000"}]},
        {"id": "direct", "channel": "bilateral", "doses": "about 6,000,000", "share": "25", "tranches": [
            {"id": "mx", "recipient": {"country": "MX"}},
            {"id": "ca", "recipient": {"country": "CA"}}]}"#;

    #[test]
    fn the_us_first_25_million_is_consistent() {
        let lists = format!(
            r#"{}, "vaccine_allocations": [{}, {}]"#,
            pledge("", US_25M),
            allocation("a", "mx", "1000000"),
            allocation("b", "latam", r#""about 500,000""#)
        );
        assert!(messages(&lists).is_empty(), "{:#?}", messages(&lists));
    }

    #[test]
    fn a_regional_tranche_above_its_parent() {
        let lists = pledge("", &US_25M.replace("about 7,000,000", "about 11,000,000"));
        assert_eq!(
            messages(&lists),
            [
                "tranche-exceeds-parent /vaccine_pledges/0/tranches/0/tranches: the tranches within tranche `covax` \
              sum to between 20,500,000 and 23,500,000 doses (at least 20,500,000), above the about 19,000,000 \
              (at most 19,500,000) of the tranche"
                    .to_string()
            ]
        );
        // Exactly at the most the parent allows is not above it.
        assert!(messages(&pledge("", &US_25M.replace("about 7,000,000", "about 10,000,000"))).is_empty());
    }

    #[test]
    fn tranches_above_the_pledge_and_shares_above_100() {
        let lists = pledge(
            "",
            &US_25M
                .replace(r#""share": "25""#, r#""share": "26""#)
                .replace("about 6,000,000\", \"share\"", "7,000,000\", \"share\""),
        );
        assert_eq!(
            messages(&lists),
            [
                "tranche-exceeds-parent /vaccine_pledges/0/tranches: the tranches within pledge `p` sum to between \
                 25,500,000 and 26,500,000 doses (at least 25,500,000), above the 25,000,000 of the pledge",
                "tranche-shares-exceed-100 /vaccine_pledges/0/tranches: the shares of the tranches within pledge `p` \
                 sum to 101%, above 100% (within 0.01)"
            ]
        );
    }

    #[test]
    fn a_tranche_with_no_figure_holds_at_least_its_parts() {
        let tranches =
            r#"{"id": "direct", "tranches": [{"id": "mx", "doses": 20000000}, {"id": "ca", "doses": 6000000}]}"#;
        assert_eq!(
            messages(&pledge("", tranches)),
            [
                "tranche-exceeds-parent /vaccine_pledges/0/tranches: the tranches within pledge `p` sum to at least \
              26,000,000 doses, above the 25,000,000 of the pledge"
                    .to_string()
            ]
        );
    }

    #[test]
    fn allocations_stay_within_their_tranche() {
        let lists = format!(
            r#"{}, "vaccine_allocations": [{}, {}]"#,
            pledge("", US_25M),
            allocation("a", "latam", "5000000"),
            allocation("b", "latam", r#""more than 1,500,000""#)
        );
        assert_eq!(
            messages(&lists),
            [
                "allocation-exceeds-tranche /vaccine_pledges/0/tranches/0/tranches/0/doses: allocations in tranche \
              `latam` sum to more than 6,500,000 doses, above the about 6,000,000 (at most \
              6,500,000) it holds"
                    .to_string()
            ]
        );
        // A share of the parent: 10% of 25,000,000.
        let share = r#"{"id": "tenth", "share": "10"}"#;
        let lists = format!(
            r#"{}, "vaccine_allocations": [{}]"#,
            pledge("", share),
            allocation("a", "tenth", "2500001")
        );
        assert_eq!(
            messages(&lists),
            [
                "allocation-exceeds-tranche /vaccine_pledges/0/tranches/0/share: allocations in tranche `tenth` sum \
              to 2,500,001 doses, above the 2,500,000 (10% of its part) it holds"
                    .to_string()
            ]
        );
    }

    #[test]
    fn tranches_resolve_and_their_ids_are_unique() {
        let lists = format!(
            r#"{}, "vaccine_allocations": [{}, {}]"#,
            pledge("", r#"{"id": "a", "recipient": {"group": "nowhere"}}, {"id": "a"}"#),
            allocation("x", "b", "1"),
            allocation("y", "a", "1")
        );
        assert_eq!(
            messages(&lists),
            [
                "unknown-group /vaccine_pledges/0/tranches/0/recipient/group: group `nowhere` is neither a group \
                 of the dossier nor a built-in one",
                "duplicate-id /vaccine_pledges/0/tranches/1/id: tranche id `a` is used again: first by \
                 /vaccine_pledges/0/tranches/0",
                "unknown-tranche /vaccine_allocations/0/tranche: tranche `b` of allocation `x` is not a tranche of \
                 its pledge `p`"
            ]
        );
    }

    #[test]
    fn larger_pledges_resolve_hold_their_parts_and_are_not_their_own_parts() {
        let pledge = |id: &str, doses: &str, part_of: &str| {
            format!(
                r#"{{"id": "{id}", "donor": "US", "doses": {doses}, "part_of": "{part_of}", "announced": "2021-06-03", "source": "s"}}"#
            )
        };
        let lists = format!(
            r#""vaccine_pledges": [{}, {}, {}, {}, {}]"#,
            r#"{"id": "us-80m", "donor": "US", "doses": "at least 80,000,000", "announced": "2021-06-03", "source": "s"}"#,
            pledge("us-25m", "25000000", "us-80m"),
            pledge("a", "1", "b"),
            pledge("b", "1", "a"),
            pledge("c", "1", "nowhere")
        );
        assert_eq!(
            messages(&lists),
            [
                "pledge-part-of-itself /vaccine_pledges/2/part_of: pledge `a` is part of itself: a → b → a",
                "pledge-part-of-itself /vaccine_pledges/3/part_of: pledge `b` is part of itself: b → a → b",
                "unknown-pledge /vaccine_pledges/4/part_of: pledge `nowhere` is not a vaccine pledge of the dossier"
            ]
        );
        let lists = format!(
            r#""vaccine_pledges": [{}, {}, {}]"#,
            r#"{"id": "g7", "donor": "US", "doses": "about 1,000,000,000", "announced": "2021-06-03", "source": "s"}"#,
            pledge("us", "1600000000", "g7"),
            pledge("gb", "\"at least 100,000,000\"", "g7")
        );
        assert_eq!(
            messages(&lists),
            [
                "tranche-exceeds-parent /vaccine_pledges/0/doses: the pledges part of pledge `g7` sum to at least \
              1,700,000,000 doses, above the about 1,000,000,000 (at most 1,050,000,000) of the pledge"
                    .to_string()
            ]
        );
    }
}
