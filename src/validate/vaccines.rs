//! Vaccines: doses are positive, allocations stay within their pledge and
//! after it, and a batch is counted at one stage only.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::tranches::{least, most};
use super::{at, Index, Rule, Violation};
use crate::model::{DoseStage, Receiver};
use crate::notation::{add_counts, Bounds};
use crate::{Area, Count, Country, Dossier};

pub(super) fn check(d: &Dossier, index: &Index<'_>, out: &mut Vec<Violation>) {
    for (i, p) in d.vaccine_pledges().iter().enumerate() {
        if allows_no_dose(p.doses()) {
            out.push(Violation::new(
                Rule::DosesNotPositive,
                at("vaccine_pledges", i).field("doses"),
                format!("pledge `{}` is of {} doses", p.id(), p.doses()),
            ));
        }
    }

    // Doses allocated per pledge, by its place in the list.
    let mut allocated = vec![Bounds::exact(0u64); d.vaccine_pledges().len()];
    let mut batches: HashMap<(&str, &Receiver, Count), (DoseStage, usize)> = HashMap::new();
    for (j, a) in d.vaccine_allocations().iter().enumerate() {
        let path = || at("vaccine_allocations", j);
        if allows_no_dose(a.doses()) {
            out.push(Violation::new(
                Rule::DosesNotPositive,
                path().field("doses"),
                format!("allocation `{}` is of {} doses", a.id(), a.doses()),
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
                        d.receiver_name(a.recipient()),
                        a.doses(),
                        a.pledge()
                    ),
                ));
            }
        }
        let Some((i, pledge)) = index.pledge(a.pledge().as_str()) else {
            continue;
        };
        if let Some(sum) = allocated.get_mut(i) {
            *sum = add_counts(*sum, a.doses().bounds());
        }
        // An organisation as recipient stands for no country: whatever it
        // does with the doses, they are not placed outside the destination.
        if let (Some(dest), Some(recipient)) = (pledge.destination(), a.recipient().as_area()) {
            let day = a.date().unwrap_or(pledge.announced());
            if let Some(outside) = outside(d, recipient, dest, day) {
                out.push(Violation::new(
                    Rule::RecipientOutsideDestination,
                    path().field("recipient"),
                    format!(
                        "allocation `{}` gives doses to {}, but pledge `{}` is for {}, which {outside} was not in on {day}",
                        a.id(),
                        d.area_name(recipient),
                        pledge.id(),
                        d.area_name(dest)
                    ),
                ));
            }
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
    for (i, (p, sum)) in d.vaccine_pledges().iter().zip(&allocated).enumerate() {
        let pledged = p.doses().bounds();
        if sum.is_above(&pledged) {
            out.push(Violation::new(
                Rule::AllocationExceedsPledge,
                at("vaccine_pledges", i).field("doses"),
                format!(
                    "allocations from pledge `{}` sum to {sum} doses{}, above the {} pledged",
                    p.id(),
                    least(sum),
                    most(&p.doses().to_string(), &pledged)
                ),
            ));
        }
    }
}

/// Whether a number of doses is surely none: 0, or fewer than 1.
fn allows_no_dose(doses: Count) -> bool {
    matches!(
        doses.bounds().high(),
        std::ops::Bound::Included(0) | std::ops::Bound::Excluded(0 | 1)
    )
}

/// A country of `recipient` that is not in `destination` on `day`, by its
/// everyday name; `None` when all are, or when either area's countries
/// cannot be told (a DAC region; a group or declared area the dossier does
/// not know, or a group's members before its history, which other rules
/// report).
fn outside(d: &Dossier, recipient: &Area, destination: &Area, day: NaiveDate) -> Option<&'static str> {
    let unknown = |area: &Area| match area {
        Area::Group(g) => d.group(g).is_none(),
        Area::Declared(a) => d.declared_area(a).is_none(),
        Area::DacRegion(_) => true,
        _ => false,
    };
    if unknown(recipient) || unknown(destination) || *destination == Area::World {
        return None;
    }
    let countries = d.countries_in(recipient, day).ok()?;
    let within = |c: &Country| d.area_contains(destination, *c, day).unwrap_or(true);
    countries.iter().find(|c| !within(c)).map(|c| c.common_name())
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::found;

    fn pledge(doses: u64, allocations: &[(u64, &str, &str)]) -> String {
        let allocations: Vec<String> = allocations
            .iter()
            .enumerate()
            .map(|(i, (n, to, stage))| {
                format!(
                    r#"{{"id": "a{i}", "pledge": "p", "recipient": "{to}", "doses": {n}, "stage": "{stage}", "date": "2021-06-03", "source": "s"}}"#
                )
            })
            .collect();
        format!(
            r#""vaccine_pledges": [{{"id": "p", "donor": "US", "doses": {doses}, "announced": "2021-06-03", "source": "s"}}],
               "vaccine_allocations": [{}]"#,
            allocations.join(", ")
        )
    }

    #[test]
    fn allocations_may_use_up_the_pledge_but_not_more() {
        assert!(found(&pledge(10, &[(4, "GT", "announced"), (6, "MX", "delivered")])).is_empty());
        assert_eq!(
            found(&pledge(10, &[(4, "GT", "announced"), (7, "MX", "delivered")])),
            ["allocation-exceeds-pledge /vaccine_pledges/0/doses"]
        );
    }

    #[test]
    fn approximate_allocations_exceed_a_pledge_only_surely() {
        let about = |n: &str| format!("\"about {n}\"");
        let lists =
            pledge(10_000_000, &[]).replace("\"doses\": 10000000", &format!("\"doses\": {}", about("10,000,000")));
        let with = |allocations: &str| lists.replace("\"vaccine_allocations\": []", allocations);
        let one = |doses: &str| {
            format!(
                r#""vaccine_allocations": [{{"id": "a", "pledge": "p", "recipient": "GT", "doses": {doses}, "stage": "announced", "source": "s"}}]"#
            )
        };
        // About 10 million is at most 10.5 million; about 11 million at
        // least 10.5 million.
        assert!(super::super::tests_support::found(&with(&one("10500000"))).is_empty());
        assert!(super::super::tests_support::found(&with(&one(&about("11,000,000")))).is_empty());
        assert_eq!(
            super::super::tests_support::messages(&with(&one(&about("12,000,000")))),
            [
                "allocation-exceeds-pledge /vaccine_pledges/0/doses: allocations from pledge `p` sum to between \
              11,500,000 and 12,500,000 doses (at least 11,500,000), above the about 10,000,000 (at most 10,500,000) \
              pledged"
            ]
        );
        assert_eq!(
            super::super::tests_support::messages(&with(&one("\"fewer than 1\""))),
            ["doses-not-positive /vaccine_allocations/0/doses: allocation `a` is of fewer than 1 doses"]
        );
    }

    #[test]
    fn sums_do_not_overflow() {
        let max = u64::MAX;
        let lists = pledge(max, &[(max, "GT", "announced"), (max, "MX", "announced")]);
        assert_eq!(found(&lists), ["allocation-exceeds-pledge /vaccine_pledges/0/doses"]);
    }

    #[test]
    fn a_batch_at_two_stages_is_a_warning_two_at_one_is_not() {
        assert!(found(&pledge(10, &[(2, "GT", "announced"), (2, "GT", "announced")])).is_empty());
        assert!(found(&pledge(10, &[(2, "GT", "announced"), (3, "GT", "delivered")])).is_empty());
        assert!(found(&pledge(10, &[(2, "GT", "announced"), (2, "MX", "delivered")])).is_empty());
        assert_eq!(
            found(&pledge(
                10,
                &[(2, "GT", "announced"), (2, "GT", "donated"), (2, "GT", "delivered")]
            )),
            [
                "stage-counted-twice /vaccine_allocations/1/stage",
                "stage-counted-twice /vaccine_allocations/2/stage"
            ]
        );
    }

    #[test]
    fn an_organisation_as_recipient_is_in_no_destination_and_outside_none() {
        let lists = r#""vaccine_pledges": [{"id": "p", "donor": "US", "doses": 10, "announced": "2021-06-03",
                "destination": {"m49": "Africa"}, "source": "s"}],
            "vaccine_allocations": [
                {"id": "a", "pledge": "p", "recipient": {"organisation": "covax"}, "doses": 4, "stage": "announced", "source": "s"},
                {"id": "b", "pledge": "p", "recipient": {"iati": "XM-DAC-99999"}, "doses": 4, "stage": "announced", "source": "s"},
                {"id": "c", "pledge": "p", "recipient": "GT", "doses": 1, "stage": "announced", "source": "s"},
                {"id": "d", "pledge": "p", "recipient": {"organisation": "covax"}, "doses": 4, "stage": "delivered", "source": "s"}]"#;
        assert_eq!(
            super::super::tests_support::messages_v2(lists),
            [
                "allocation-exceeds-pledge /vaccine_pledges/0/doses: allocations from pledge `p` sum to 13 doses, above the 10 pledged",
                "recipient-outside-destination /vaccine_allocations/2/recipient: allocation `c` gives doses to Guatemala, but \
                 pledge `p` is for Africa, which Guatemala was not in on 2021-06-03",
                "stage-counted-twice /vaccine_allocations/3/stage: allocations `a` (announced) and `d` (delivered) both give \
                 COVAX 4 doses from pledge `p`: a batch is counted once, at its furthest stage",
            ]
        );
    }

    #[test]
    fn an_allocation_may_be_dated_the_day_of_its_pledge() {
        let lists = pledge(10, &[(2, "GT", "announced")]);
        assert!(found(&lists).is_empty());
        let before = lists.replace(r#""date": "2021-06-03""#, r#""date": "2021-06-02""#);
        assert_eq!(found(&before), ["allocation-before-pledge /vaccine_allocations/0/date"]);
    }
}
