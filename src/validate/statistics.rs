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
        // "At least", "about" and "approaching" 60% with 40% may be 100%.
        for q in ["at-least", "about", "approaching"] {
            assert!(found(&breakdowns(&[("60", q), ("40", "exact")])).is_empty(), "{q}");
        }
        // "Up to" and "fewer than" shares may be nothing at all.
        for q in ["up-to", "fewer-than"] {
            assert!(found(&breakdowns(&[("90", q), ("90", "exact")])).is_empty(), "{q}");
        }
        assert_eq!(found(&breakdowns(&[("90", "about"), ("90", "exact")])), over);
    }
}
