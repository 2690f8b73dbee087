//! Reported pairs: "$310m (£219m)" agrees at the reference rate of the
//! date the source reported it.

use super::{at, Index, Rule, Violation};
use crate::fx::{check_reported, FxError, RateSource};
use crate::Dossier;

pub(super) fn check<R: RateSource + ?Sized>(d: &Dossier, index: &Index<'_>, rates: &R, out: &mut Vec<Violation>) {
    for (i, f) in d.funding().iter().enumerate() {
        if f.reported_as().is_empty() {
            continue;
        }
        let path = |k: usize| at("funding", i).field("reported_as").index(k);
        let Some(primary) = f.amount() else {
            for (k, reported) in f.reported_as().iter().enumerate() {
                out.push(Violation::new(
                    Rule::ReportedPairUnchecked,
                    path(k),
                    format!(
                        "cannot check {reported:#} reported for funding `{}`: the funding gives no amount",
                        f.id()
                    ),
                ));
            }
            continue;
        };
        // Without a date there is no rate to check at; `unknown-source`
        // reports the missing source.
        let Some(day) = index.report_date(f.source(), f.reported()) else {
            continue;
        };
        for (k, &reported) in f.reported_as().iter().enumerate() {
            match check_reported(primary, reported, day, rates) {
                Ok(pair) if pair.is_consistent() => {}
                Ok(pair) => out.push(Violation::new(
                    Rule::ReportedPairInconsistent,
                    path(k),
                    format!("funding `{}`: {pair}", f.id()),
                )),
                Err(e) => {
                    let why = match e {
                        FxError::UncheckablePair { reason, .. } => reason,
                        other => other.to_string(),
                    };
                    out.push(Violation::new(
                        Rule::ReportedPairUnchecked,
                        path(k),
                        format!(
                            "cannot check {reported:#} against {primary:#} for funding `{}` on {day}: {why}",
                            f.id()
                        ),
                    ));
                }
            }
        }
    }
}
