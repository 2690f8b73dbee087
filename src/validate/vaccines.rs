//! Vaccines: doses are positive, allocations stay within their pledge and
//! after it, and a batch is counted at one stage only.

use std::collections::HashMap;

use super::{at, grouped, Index, Rule, Violation};
use crate::{Country, DoseStage, Dossier};

pub(super) fn check(d: &Dossier, index: &Index<'_>, out: &mut Vec<Violation>) {
    for (i, p) in d.vaccine_pledges().iter().enumerate() {
        if p.doses() == 0 {
            out.push(Violation::new(
                Rule::DosesNotPositive,
                at("vaccine_pledges", i).field("doses"),
                format!("pledge `{}` is of 0 doses", p.id()),
            ));
        }
    }

    // Doses allocated per pledge, by its place in the list; a sum of u64s
    // cannot overflow a u128 in any list that fits in memory.
    let mut allocated = vec![0u128; d.vaccine_pledges().len()];
    let mut batches: HashMap<(&str, Country, u64), (DoseStage, usize)> = HashMap::new();
    for (j, a) in d.vaccine_allocations().iter().enumerate() {
        let path = || at("vaccine_allocations", j);
        if a.doses() == 0 {
            out.push(Violation::new(
                Rule::DosesNotPositive,
                path().field("doses"),
                format!("allocation `{}` is of 0 doses", a.id()),
            ));
        } else {
            let key = (a.pledge().as_str(), a.recipient(), a.doses());
            let (stage, first) = *batches.entry(key).or_insert((a.stage(), j));
            if stage != a.stage() {
                let other = d.vaccine_allocations().get(first).map_or("?", |x| x.id().as_str());
                out.push(Violation::new(
                    Rule::StageCountedTwice,
                    path().field("stage"),
                    format!(
                        "allocations `{other}` ({stage}) and `{}` ({}) both give {} {} doses from pledge `{}`: \
                         a batch is counted once, at its furthest stage",
                        a.id(),
                        a.stage(),
                        a.recipient().common_name(),
                        grouped(a.doses().into()),
                        a.pledge()
                    ),
                ));
            }
        }
        let Some((i, pledge)) = index.pledge(a.pledge().as_str()) else {
            continue;
        };
        if let Some(sum) = allocated.get_mut(i) {
            *sum = sum.saturating_add(a.doses().into());
        }
        if let Some(day) = a.date().filter(|&day| day < pledge.announced()) {
            out.push(Violation::new(
                Rule::AllocationBeforePledge,
                path().field("date"),
                format!(
                    "allocation `{}` is dated {day}, before pledge `{}` was announced on {}",
                    a.id(),
                    pledge.id(),
                    pledge.announced()
                ),
            ));
        }
    }
    for (i, (p, &sum)) in d.vaccine_pledges().iter().zip(&allocated).enumerate() {
        if sum > u128::from(p.doses()) {
            out.push(Violation::new(
                Rule::AllocationExceedsPledge,
                at("vaccine_pledges", i).field("doses"),
                format!(
                    "allocations from pledge `{}` sum to {} doses, above the {} pledged",
                    p.id(),
                    grouped(sum),
                    grouped(p.doses().into())
                ),
            ));
        }
    }
}
