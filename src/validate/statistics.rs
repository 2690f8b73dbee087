//! Statistics: the breakdowns of a figure add up to at most all of it.
//! (Counts are unsigned, so a negative count cannot be held.)

use rust_decimal::Decimal;

use super::{at, Rule, Violation};
use crate::{Breakdown, Dossier, Qualifier};

/// The most breakdowns a message lists before it cuts the list short.
const MAX_LISTED: usize = 6;

pub(super) fn check(d: &Dossier, out: &mut Vec<Violation>) {
    for (i, s) in d.statistics().iter().enumerate() {
        let parts = s.breakdowns();
        let at_least = parts
            .iter()
            .map(lower_bound)
            .fold(Decimal::ZERO, Decimal::saturating_add);
        let strictly_more = parts.iter().any(|b| b.qualifier() == Qualifier::MoreThan);
        let over = at_least > Decimal::ONE_HUNDRED || (at_least == Decimal::ONE_HUNDRED && strictly_more);
        if !over {
            continue;
        }
        let mut listed: Vec<String> = parts.iter().take(MAX_LISTED).map(share_words).collect();
        if parts.len() > MAX_LISTED {
            listed.push("…".to_string());
        }
        let bound = if strictly_more {
            "more than "
        } else if parts.iter().any(|b| b.qualifier() != Qualifier::Exact) {
            "at least "
        } else {
            ""
        };
        out.push(Violation::new(
            Rule::BreakdownExceeds100,
            at("statistics", i).field("breakdowns"),
            format!(
                "the breakdowns of statistic `{}` add up to {bound}{}% of it ({}), above 100%",
                s.id(),
                at_least.normalize(),
                listed.join(" + ")
            ),
        ));
    }
}

/// The least share a breakdown can stand for: nothing for "up to" and
/// "fewer than", the figure itself otherwise.
fn lower_bound(b: &Breakdown) -> Decimal {
    match b.qualifier() {
        Qualifier::UpTo | Qualifier::FewerThan => Decimal::ZERO,
        _ => b.share().percent(),
    }
}

/// "more than 40%", "60%".
fn share_words(b: &Breakdown) -> String {
    match b.qualifier() {
        Qualifier::Exact => b.share().to_string(),
        q => format!("{} {}", q.words(), b.share()),
    }
}
