//! Statistics: the breakdowns of a figure add up to at most all of it.
//! (Counts are unsigned, so a negative count cannot be held.)

use rust_decimal::Decimal;

use super::{at, Rule, Violation};
use crate::model::Breakdown;
use crate::{Dossier, Qualifier};

/// The most breakdowns a message lists before it cuts the list short.
const MAX_LISTED: usize = 6;

pub(super) fn check(d: &Dossier, out: &mut Vec<Violation>) {
    for (i, s) in d.statistics().iter().enumerate() {
        let parts = s.breakdowns();
        let sum =
            |share: fn(&Breakdown) -> Decimal| parts.iter().map(share).fold(Decimal::ZERO, Decimal::saturating_add);
        let strictly_more = parts
            .iter()
            .any(|b| matches!(b.qualifier(), Qualifier::MoreThan | Qualifier::JustOver));
        let above = |total: Decimal| total > Decimal::ONE_HUNDRED || (total == Decimal::ONE_HUNDRED && strictly_more);
        let at_least = sum(lower_bound);
        let (rule, total, bound, tail) = if above(at_least) {
            let bound = if strictly_more {
                "more than "
            } else if parts.iter().any(|b| b.qualifier() != Qualifier::Exact) {
                "at least "
            } else {
                ""
            };
            (Rule::BreakdownExceeds100, at_least, bound, "")
        } else {
            let stated = sum(stated);
            if !above(stated) {
                continue;
            }
            let tail = "; approximate shares may still make it 100% or less";
            (Rule::BreakdownMayExceed100, stated, "about ", tail)
        };
        let mut listed: Vec<String> = parts.iter().take(MAX_LISTED).map(share_words).collect();
        if parts.len() > MAX_LISTED {
            listed.push("…".to_string());
        }
        out.push(Violation::new(
            rule,
            at("statistics", i).field("breakdowns"),
            format!(
                "the breakdowns of statistic `{}` add up to {bound}{}% of it ({}), above 100%{tail}",
                s.id(),
                total.normalize(),
                listed.join(" + ")
            ),
        ));
    }
}

/// The least share a breakdown surely stands for: the figure when it is
/// exact or a floor ("more than", "just over", "at least"); nothing when it is a
/// ceiling ("up to", "fewer than") or an estimate ("about",
/// "approaching"), which may lie below the figure.
fn lower_bound(b: &Breakdown) -> Decimal {
    match b.qualifier() {
        Qualifier::Exact | Qualifier::MoreThan | Qualifier::JustOver | Qualifier::AtLeast => b.share().percent(),
        _ => Decimal::ZERO,
    }
}

/// The share as stated, estimates taken at their figure; ceilings ("up
/// to", "fewer than") still count as nothing.
fn stated(b: &Breakdown) -> Decimal {
    match b.qualifier() {
        Qualifier::UpTo | Qualifier::FewerThan => Decimal::ZERO,
        _ => b.share().percent(),
    }
}

/// "more than 40%", "60%".
fn share_words(b: &Breakdown) -> String {
    match b.qualifier() {
        Qualifier::Exact => format!("{:#}", b.share()),
        q => format!("{} {:#}", q.words(), b.share()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::found;

    fn breakdowns(parts: &[(&str, &str)]) -> String {
        let parts: Vec<String> = parts
            .iter()
            .map(|(share, q)| format!(r#"{{"part": "world", "share": "{share}", "qualifier": "{q}"}}"#))
            .collect();
        format!(
            r#""statistics": [{{"id": "x", "metric": "refugees", "scope": "world", "period": {{"year": 2020}}, "count": "5", "breakdowns": [{}], "source": "s"}}]"#,
            parts.join(", ")
        )
    }

    #[test]
    fn shares_count_at_their_lower_bound() {
        let over = ["breakdown-exceeds-100 /statistics/0/breakdowns"];
        assert!(found(&breakdowns(&[("60", "exact"), ("40", "exact")])).is_empty());
        assert_eq!(found(&breakdowns(&[("60", "exact"), ("40.01", "exact")])), over);
        // "More than 60%" and 40% make more than 100%.
        assert_eq!(found(&breakdowns(&[("60", "more-than"), ("40", "exact")])), over);
        assert_eq!(found(&breakdowns(&[("60", "just-over"), ("40", "exact")])), over);
        // "At least", "about" and "approaching" 60% with 40% may be 100%.
        for q in ["at-least", "about", "approaching"] {
            assert!(found(&breakdowns(&[("60", q), ("40", "exact")])).is_empty(), "{q}");
        }
        assert_eq!(found(&breakdowns(&[("60", "at-least"), ("41", "exact")])), over);
        // "Up to" and "fewer than" shares may be nothing at all.
        for q in ["up-to", "fewer-than"] {
            assert!(found(&breakdowns(&[("90", q), ("90", "exact")])).is_empty(), "{q}");
        }
        assert_eq!(found(&breakdowns(&[("90", "at-least"), ("90", "exact")])), over);
    }

    #[test]
    fn estimates_above_100_are_a_warning_not_an_error() {
        let may = ["breakdown-may-exceed-100 /statistics/0/breakdowns"];
        // "Approaching 60%" and "about 41%" may be 59% and 40%.
        assert_eq!(found(&breakdowns(&[("60", "approaching"), ("41", "about")])), may);
        assert_eq!(found(&breakdowns(&[("90", "about"), ("90", "exact")])), may);
        assert_eq!(found(&breakdowns(&[("60", "about"), ("40", "more-than")])), may);
        assert!(found(&breakdowns(&[("60", "about"), ("40", "exact")])).is_empty());
        // Exact shares alone above 100% are an error, estimates beside them or not.
        assert_eq!(
            found(&breakdowns(&[("70", "exact"), ("40", "exact"), ("5", "about")])),
            ["breakdown-exceeds-100 /statistics/0/breakdowns"]
        );
    }
}
