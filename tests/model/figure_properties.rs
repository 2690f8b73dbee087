//! Properties of approximate figures and their bounds: every reading
//! holds its figure's stated number where it should, bounds arithmetic is
//! sound (for any true values within each operand's bounds, the true
//! result lies within the bounds of the result, as printed), a tranche
//! tree's roll-up is the sum of its leaves, and a dossier's funding bounds
//! hold its true total.

use crate::strategy;

use std::ops::Bound;

use proptest::prelude::*;
use statecraft::fx::RateTable;
use statecraft::model::{AllocationId, DoseStage, FundingRecipient, PledgeId, Tranche, TrancheId};
use statecraft::notation::{Bounds, Figure};
use statecraft::{
    Count, Country, Currency, Decimal, Dimension, Dossier, Funding, FundingStage, FundingSummary, Money, NaiveDate,
    PledgeSummary, Qualifier, VaccineAllocation, VaccinePledge,
};

use strategy::qualifier;

/// Numbers as the press rounds them (a few significant digits and
/// zeros), small ones, and ones near the end of `u64`.
fn number() -> impl Strategy<Value = u64> {
    prop_oneof![
        4 => (1u64..1000, 0u32..13).prop_map(|(m, e)| m * 10u64.pow(e)),
        2 => 0u64..100,
        1 => any::<u64>(),
        1 => (0u64..3).prop_map(|k| u64::MAX - k),
    ]
}

fn count() -> impl Strategy<Value = Count> {
    prop_oneof![
        4 => (number(), qualifier()).prop_map(|(v, q)| Count::new(v, q)),
        1 => (number(), number()).prop_map(|(a, b)| Count::range(a.min(b), a.max(b)).unwrap()),
    ]
}

/// A value within `b`, chosen by `pick` (a fraction of the way across it,
/// or, above an open end, a distance past the low end). `None` when `b`
/// holds no `u64` there.
fn within(b: &Bounds<u64>, pick: (u32, u64)) -> Option<u64> {
    let low = match b.low() {
        Bound::Included(v) => v,
        Bound::Excluded(v) => v.checked_add(1)?,
        Bound::Unbounded => 0,
    };
    let high = match b.high() {
        Bound::Included(v) => v,
        Bound::Excluded(v) => v.checked_sub(1)?,
        Bound::Unbounded => low.saturating_add(pick.1),
    };
    if high < low {
        return None;
    }
    let span = u128::from(high - low);
    let offset = span * u128::from(pick.0) / u128::from(u32::MAX);
    Some(low + u64::try_from(offset).unwrap())
}

/// Reads bounds back from their `Display`, independently of the crate:
/// `(low, low included, high, high included)`, `None` for an open end.
fn printed(text: &str) -> (Option<u128>, bool, Option<u128>, bool) {
    let n = |s: &str| -> u128 { s.trim().replace(',', "").parse().unwrap() };
    if let Some(rest) = text.strip_prefix("between ") {
        let (a, b) = rest.split_once(" and ").unwrap();
        return (Some(n(a)), true, Some(n(b)), true);
    }
    let (first, second) = match text.split_once(" and ") {
        Some((a, b)) => (a, Some(b)),
        None => (text, None),
    };
    let mut out = (Some(0), true, None, true);
    for part in std::iter::once(first).chain(second) {
        if let Some(v) = part.strip_prefix("more than ") {
            out.0 = Some(n(v));
            out.1 = false;
        } else if let Some(v) = part.strip_prefix("at least ") {
            out.0 = Some(n(v));
        } else if let Some(v) = part.strip_prefix("up to ") {
            out.2 = Some(n(v));
        } else if let Some(v) = part.strip_prefix("fewer than ") {
            out.2 = Some(n(v));
            out.3 = false;
        } else {
            let v = n(part);
            out = (Some(v), true, Some(v), true);
        }
    }
    out
}

fn printed_holds(text: &str, v: u128) -> bool {
    let (low, low_in, high, high_in) = printed(text);
    let above = low.is_none_or(|l| if low_in { v >= l } else { v > l });
    let below = high.is_none_or(|h| if high_in { v <= h } else { v < h });
    above && below
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_reading_is_ordered_and_holds_what_it_should(c in count()) {
        let b = c.bounds();
        // Never empty: the crate's own check, and one value at least.
        prop_assert!(Bounds::new(b.low(), b.high()).is_ok(), "{c}: {b:?}");
        let v = c.value();
        let holds_stated = match c.qualifier() {
            Some(Qualifier::Exact | Qualifier::About | Qualifier::AtLeast | Qualifier::UpTo) | None => true,
            Some(_) => false,
        };
        if holds_stated {
            prop_assert!(b.contains(v), "{c} does not hold {v}: {b}");
        }
        if let Some((low, high)) = c.as_range() {
            prop_assert_eq!((b.low(), b.high()), (Bound::Included(low), Bound::Included(high)));
        }
        if c.is_exact() {
            prop_assert_eq!(b.as_exact(), Some(v));
            prop_assert_eq!(b.to_string(), c.to_string());
        }
        // What is printed is what the bounds hold.
        for probe in [v.saturating_sub(1), v, v.saturating_add(1)] {
            prop_assert_eq!(printed_holds(&b.to_string(), probe.into()), b.contains(probe), "{} / {}", b, probe);
        }
    }

    #[test]
    fn sums_of_bounds_hold_every_sum_of_true_values(
        figures in prop::collection::vec(count(), 1..6),
        picks in prop::collection::vec((any::<u32>(), 0u64..1_000_000_000), 6),
    ) {
        let sum = figures
            .iter()
            .try_fold(Bounds::exact(0u64), |acc, f| acc.checked_add(f.bounds()))
            .unwrap();
        let truths: Option<Vec<u64>> = figures.iter().zip(&picks).map(|(f, p)| within(&f.bounds(), *p)).collect();
        if let Some(truths) = truths {
            let total: u128 = truths.iter().map(|&t| u128::from(t)).sum();
            prop_assert!(printed_holds(&sum.to_string(), total), "{total} not in {sum}");
            if let Ok(total) = u64::try_from(total) {
                prop_assert!(sum.contains(total), "{total} not in {sum:?}");
            }
        }
        // The sum of exact figures is exact.
        if figures.iter().all(|f| f.is_exact()) {
            let exact: u128 = figures.iter().map(|f| u128::from(f.value())).sum();
            match u64::try_from(exact) {
                Ok(e) => prop_assert_eq!(sum.as_exact(), Some(e)),
                Err(_) => prop_assert_eq!(sum.high(), Bound::Unbounded),
            }
        }
    }

    #[test]
    fn remainders_and_shares_hold_their_true_values(
        a in count(),
        b in count(),
        picks in ((any::<u32>(), 0u64..1_000_000_000), (any::<u32>(), 0u64..1_000_000_000)),
        percent in 0u32..=10_000,
    ) {
        let left = a.bounds().saturating_sub(b.bounds()).unwrap();
        let share = Decimal::new(i64::from(percent), 4); // 0 to 1, in ten-thousandths
        let scaled = a.bounds().scaled(share);
        if let (Some(x), Some(y)) = (within(&a.bounds(), picks.0), within(&b.bounds(), picks.1)) {
            prop_assert!(left.contains(x.saturating_sub(y)), "{x} − {y} not in {left}");
            // The true share of x is a real number; the bounds hold it.
            let part = Decimal::from(x) * share;
            let holds_low = match scaled.low() {
                Bound::Included(l) => Decimal::from(l) <= part,
                Bound::Excluded(l) => Decimal::from(l) < part,
                Bound::Unbounded => true,
            };
            let holds_high = match scaled.high() {
                Bound::Included(h) => part <= Decimal::from(h),
                Bound::Excluded(h) => part < Decimal::from(h),
                Bound::Unbounded => true,
            };
            prop_assert!(holds_low && holds_high, "{share} of {x} = {part} not in {scaled}");
        }
    }

    #[test]
    fn money_sums_hold_their_true_values(
        parts in prop::collection::vec((1i64..1_000_000_000, 0u32..3, qualifier()), 1..5),
        picks in prop::collection::vec(0u32..=1000, 5),
    ) {
        let figures: Vec<Figure<Money>> = parts
            .iter()
            .map(|&(m, scale, q)| Figure::new(Money::new(Decimal::new(m, scale), Currency::USD), q))
            .collect();
        let sum = figures
            .iter()
            .try_fold(Bounds::exact(Money::zero(Currency::USD)), |acc, f| acc.checked_add(f.bounds()))
            .unwrap();
        // A true value within each: across a finite interval, or past an
        // open end; an excluded end is stepped over by a cent.
        let cent = Decimal::new(1, 2);
        let mut total = Decimal::ZERO;
        for (f, &p) in figures.iter().zip(&picks) {
            let b = f.bounds();
            let low = match b.low() {
                Bound::Included(m) => m.amount(),
                Bound::Excluded(m) => m.amount() + cent / Decimal::from(1000),
                Bound::Unbounded => f.value().amount() - Decimal::from(p),
            };
            let high = match b.high() {
                Bound::Included(m) => m.amount(),
                Bound::Excluded(m) => m.amount() - cent / Decimal::from(1000),
                Bound::Unbounded => low + Decimal::from(p),
            };
            let t = low + (high - low) * Decimal::from(p) / Decimal::from(1000);
            prop_assert!(b.contains(Money::new(t, Currency::USD)), "{t} not in {b}");
            total += t;
        }
        prop_assert!(sum.contains(Money::new(total, Currency::USD)), "{total} not in {sum}");
    }
}

/// A tree of tranches: `shape[k]` is the parent of tranche `k + 1` (an
/// index among those before it, or none for a tranche of the pledge).
fn tree(shape: &[Option<usize>]) -> Vec<Tranche> {
    fn build(k: usize, shape: &[Option<usize>]) -> Tranche {
        let mut t = Tranche::new(TrancheId::new(&format!("t{k}")).unwrap());
        for (j, parent) in shape.iter().enumerate() {
            if *parent == Some(k) {
                t = t.with_tranche(build(j, shape));
            }
        }
        t
    }
    (0..shape.len())
        .filter(|&k| shape[k].is_none())
        .map(|k| build(k, shape))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_tranche_trees_roll_up_is_the_sum_of_its_leaves(
        parents in prop::collection::vec(any::<prop::sample::Index>(), 1..12),
        roots in prop::collection::vec(any::<bool>(), 12),
        allocations in prop::collection::vec((any::<prop::sample::Index>(), count(), 0usize..3), 0..20),
    ) {
        // Tranche k's parent is one before it, or none.
        let shape: Vec<Option<usize>> = parents
            .iter()
            .enumerate()
            .map(|(k, ix)| if k == 0 || roots[k] { None } else { Some(ix.index(k)) })
            .collect();
        let n = shape.len();
        let is_leaf = |k: usize| !shape.contains(&Some(k));
        let leaves: Vec<usize> = (0..n).filter(|&k| is_leaf(k)).collect();
        let day = NaiveDate::from_ymd_opt(2021, 6, 3).unwrap();
        let mut pledge = VaccinePledge::new(PledgeId::new("p").unwrap(), Country::US, 0, day, "s".parse().unwrap())
            .with_doses(Count::new(25_000_000, Qualifier::AtLeast));
        for t in tree(&shape) {
            pledge = pledge.with_tranche(t);
        }
        let mut d = Dossier::new().with(pledge);
        // Each allocation in a leaf tranche.
        let mut in_leaf: Vec<(usize, Count, DoseStage)> = Vec::new();
        for (i, (leaf, doses, stage)) in allocations.iter().enumerate() {
            let k = leaves[leaf.index(leaves.len())];
            let stage = [DoseStage::Announced, DoseStage::Donated, DoseStage::Delivered][*stage];
            let a = VaccineAllocation::new(
                AllocationId::new(&format!("a{i}")).unwrap(),
                PledgeId::new("p").unwrap(),
                Country::MX,
                doses.value(),
                stage,
                "s".parse().unwrap(),
            )
            .with_doses(*doses)
            .in_tranche(TrancheId::new(&format!("t{k}")).unwrap());
            d.add(a);
            in_leaf.push((k, *doses, stage));
        }
        let Ok(summaries) = PledgeSummary::all(&d) else {
            // Stated sums beyond u64::MAX are an error, never a wrap.
            let stated: u128 = in_leaf.iter().map(|(_, c, _)| u128::from(c.value())).sum();
            prop_assert!(stated > u128::from(u64::MAX));
            return Ok(());
        };
        let summary = &summaries[0];
        let tranches = summary.tranches();
        prop_assert_eq!(tranches.len(), n);
        // The leaves under each tranche, through the parents the summary gives.
        let under = |node: usize, leaf: usize| {
            let mut at = Some(leaf);
            while let Some(k) = at {
                if k == node {
                    return true;
                }
                at = tranches[k].parent();
            }
            false
        };
        let index_of = |k: usize| {
            tranches.iter().position(|t| t.tranche().id().as_str() == format!("t{k}")).unwrap()
        };
        let add = |acc: Bounds<u64>, c: &Count| acc.checked_add(c.bounds()).unwrap();
        for node in 0..n {
            let i = index_of(node);
            let mine: Vec<&(usize, Count, DoseStage)> =
                in_leaf.iter().filter(|(leaf, _, _)| under(i, index_of(*leaf))).collect();
            let expected = mine.iter().fold(Bounds::exact(0), |acc, (_, c, _)| add(acc, c));
            prop_assert_eq!(tranches[i].allocated_bounds(), expected, "t{}", node);
            let stated: u64 = mine.iter().map(|(_, c, _)| c.value()).sum();
            prop_assert_eq!(tranches[i].allocated(), stated);
            prop_assert_eq!(tranches[i].allocations(), mine.len() as u64);
            // And it is its children's sum: roll-up once, no double count.
            let children = (0..n).filter(|&c| tranches[c].parent() == Some(i));
            let from_children = children.fold(Bounds::exact(0), |acc, c| {
                acc.checked_add(tranches[c].allocated_bounds()).unwrap()
            });
            if !is_leaf(node) {
                prop_assert_eq!(from_children, expected);
            }
            let by_stage = [DoseStage::Announced, DoseStage::Donated, DoseStage::Delivered]
                .into_iter()
                .fold(Bounds::exact(0), |acc, s| acc.checked_add(tranches[i].allocated_bounds_at(s)).unwrap());
            prop_assert_eq!(by_stage, expected);
        }
        let all = in_leaf.iter().fold(Bounds::exact(0), |acc, (_, c, _)| add(acc, c));
        prop_assert_eq!(summary.allocated_bounds(), all);
    }

    #[test]
    fn funding_bounds_hold_the_true_total(
        amounts in prop::collection::vec((1i64..1_000_000_000_000, 0u32..3, qualifier(), 0u32..=1000), 1..6),
    ) {
        let mut d = Dossier::new();
        let mut truths = Decimal::ZERO;
        let tiny = Decimal::new(1, 6);
        for (i, &(m, scale, q, p)) in amounts.iter().enumerate() {
            let figure = Figure::new(Money::new(Decimal::new(m, scale), Currency::USD), q);
            let b = figure.bounds();
            // A true value within the figure's bounds.
            let low = match b.low() {
                Bound::Included(l) => l.amount(),
                Bound::Excluded(l) => l.amount() + tiny,
                Bound::Unbounded => unreachable!("a positive amount has a lower end"),
            };
            let high = match b.high() {
                Bound::Included(h) => h.amount(),
                Bound::Excluded(h) => h.amount() - tiny,
                Bound::Unbounded => low + Decimal::from(1_000_000),
            };
            let truth = low + (high - low) * Decimal::from(p) / Decimal::from(1000);
            prop_assert!(b.contains(Money::new(truth, Currency::USD)));
            truths += truth;
            let f = Funding::new(format!("f{i}").parse().unwrap(), Country::US, FundingStage::Pledged, "s".parse().unwrap())
                .with_recipient(FundingRecipient::new(Country::GT.into()))
                .with_amount_figure(figure)
                .announced_on(NaiveDate::from_ymd_opt(2021, 2, 19).unwrap());
            d.add(f);
        }
        let t = FundingSummary::new(RateTable::new(), Currency::USD, Dimension::Recipient).of(&d).unwrap();
        let b = t.total_bounds();
        prop_assert!(b.contains(Money::new(truths, Currency::USD)), "{truths} not in {b}");
        if amounts.iter().all(|a| a.2 == Qualifier::Exact) {
            prop_assert_eq!(b.as_exact(), Some(t.total()));
        }
        prop_assert_eq!(t.groups().len(), 1);
        prop_assert_eq!(Some(b), t.bounds(t.groups()[0].key()));
    }
}
