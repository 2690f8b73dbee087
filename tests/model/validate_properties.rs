//! Properties of validation: it never panics and points only at what is
//! in the document; a consistent dossier has no violation; breaking one
//! invariant of a consistent dossier yields exactly the rule of that
//! invariant.

use crate::consistent;
use crate::strategy;

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::{json, Value};
use statecraft::fx::RateChain;
use statecraft::{Count, Decimal, Dossier, NaiveDate, Qualifier, Report, Rule, Severity};

/// The checks every report passes, whatever the dossier.
fn check_report(d: &Dossier, report: &Report) -> Result<(), TestCaseError> {
    prop_assert_eq!(report.is_ok(), report.errors().next().is_none());
    prop_assert_eq!(report.error_count() + report.warning_count(), report.len());
    prop_assert_eq!(report.count(Severity::Error), report.errors().count());
    let doc: Value = serde_json::from_str(&d.to_json_string().unwrap()).unwrap();
    for v in report {
        prop_assert_eq!(v.severity(), v.rule().severity());
        prop_assert!(!v.rule().enforced_by_types(), "{}", v);
        // Every violation points at a value that is in the document.
        let pointer = v.path().to_pointer();
        prop_assert!(doc.pointer(&pointer).is_some(), "{} points at nothing", v);
        prop_assert!(!v.message().is_empty());
    }
    let lines = report.to_string().lines().count();
    prop_assert_eq!(lines, report.len() + 1);
    Ok(())
}

fn rules(report: &Report) -> BTreeSet<Rule> {
    report.iter().map(|v| v.rule()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn validation_never_panics_and_points_into_the_document(d in strategy::dossier()) {
        let report = d.validate(&RateChain::new());
        check_report(&d, &report)?;
        #[cfg(feature = "ecb-snapshot")]
        {
            let with_ecb = d.validate(statecraft::fx::EcbRates::embedded());
            check_report(&d, &with_ecb)?;
            // Rates only decide reported pairs: every other finding is the same.
            let others = |r: &Report| -> Vec<String> {
                r.iter()
                    .filter(|v| !matches!(v.rule(), Rule::ReportedPairInconsistent | Rule::ReportedPairUnchecked))
                    .map(|v| v.to_string())
                    .collect()
            };
            prop_assert_eq!(others(&report), others(&with_ecb));
        }
    }

    #[test]
    fn a_consistent_dossier_has_no_violation(c in consistent::consistent_dossier()) {
        let report = c.dossier.validate(&c.rates);
        prop_assert!(report.is_empty(), "{}\n{}", report, c.dossier.to_json_string().unwrap());
        // The same, read back from its JSON.
        let back = Dossier::from_json_str(&c.dossier.to_json_string().unwrap()).unwrap();
        prop_assert!(back.validate(&c.rates).is_empty());
    }

    #[test]
    fn breaking_one_invariant_yields_exactly_its_rule(c in consistent::consistent_dossier()) {
        let doc: Value = serde_json::from_str(&c.dossier.to_json_string().unwrap()).unwrap();
        let mut broken = BTreeSet::new();
        for (rule, mutate) in mutations() {
            let mut changed = doc.clone();
            let path = mutate(&mut changed);
            let text = serde_json::to_string_pretty(&changed).unwrap();
            let d = Dossier::from_json_str(&text).unwrap();
            let report = d.validate(&c.rates);
            prop_assert_eq!(rules(&report), BTreeSet::from([rule]), "{}\n{}", report, text);
            prop_assert!(
                report.iter().any(|v| v.path().to_pointer() == path),
                "{} not at {}:\n{}", rule, path, report
            );
            broken.insert(rule);
        }
        // Every rule that can be broken is broken by one mutation.
        let breakable: BTreeSet<Rule> = Rule::iter().filter(|r| !r.enforced_by_types()).collect();
        prop_assert_eq!(broken, breakable);
    }
}

/// A change to a consistent dossier's JSON, returning the path the
/// violation is expected at.
type Mutation = fn(&mut Value) -> String;

fn day(v: &Value) -> NaiveDate {
    v.as_str().unwrap().parse().unwrap()
}

fn shift(v: &Value, days: i64) -> Value {
    json!((day(v) + chrono::Duration::days(days)).to_string())
}

/// The place in `leaders` of the leader `id`.
fn leader_index(doc: &Value, id: &Value) -> usize {
    doc["leaders"]
        .as_array()
        .unwrap()
        .iter()
        .position(|l| l["id"] == *id)
        .unwrap()
}

fn push(v: &mut Value, item: Value) -> usize {
    let list = v.as_array_mut().unwrap();
    list.push(item);
    list.len() - 1
}

fn mutations() -> Vec<(Rule, Mutation)> {
    vec![
        (Rule::DuplicateId, |d| {
            let again = d["sources"][0].clone();
            format!("/sources/{}/id", push(&mut d["sources"], again))
        }),
        (Rule::UnknownLeader, |d| {
            d["trips"][0]["traveller"] = json!("nobody");
            "/trips/0/traveller".into()
        }),
        (Rule::UnknownTrip, |d| {
            d["meetings"][0]["trip"] = json!("nowhere");
            "/meetings/0/trip".into()
        }),
        (Rule::UnknownPledge, |d| {
            d["vaccine_allocations"][0]["pledge"] = json!("nothing");
            "/vaccine_allocations/0/pledge".into()
        }),
        (Rule::UnknownGroup, |d| {
            d["funding"][0]["recipients"][0]["area"] = json!({"group": "nowhere"});
            "/funding/0/recipients/0/area/group".into()
        }),
        (Rule::UnknownOrganisation, |d| {
            d["funding"][0]["via"] = json!({"organisation": "nobody"});
            "/funding/0/via/organisation".into()
        }),
        (Rule::UnknownOrganisation, |d| {
            let at = push(
                &mut d["funding"][0]["recipients"],
                json!({"organisation": "nobody", "share": "0"}),
            );
            format!("/funding/0/recipients/{at}/organisation")
        }),
        (Rule::UnknownArea, |d| {
            d["funding"][0]["recipients"][0]["area"] = json!({"declared": "nowhere"});
            "/funding/0/recipients/0/area/declared".into()
        }),
        (Rule::BeforeGroupHistory, |d| {
            let groups = d.as_object_mut().unwrap().entry("groups").or_insert(json!([]));
            push(
                groups,
                json!({"id": "future", "name": "Future", "since": "2099-01-01", "members": ["FR"]}),
            );
            d["meetings"][0]["host"] = json!({"group": "future"});
            "/meetings/0/host/group".into()
        }),
        (Rule::MeetingEndsBeforeStart, |d| {
            let before = shift(&d["meetings"][0]["start"], -1);
            d["meetings"][0]["end"] = before;
            "/meetings/0/end".into()
        }),
        (Rule::RecipientOutsideDestination, |d| {
            let pledge = pledge_index(d, &d["vaccine_allocations"][0]["pledge"].clone());
            let elsewhere = if d["vaccine_allocations"][0]["recipient"] == "FR" {
                "DE"
            } else {
                "FR"
            };
            d["vaccine_pledges"][pledge]["destination"] = json!({"country": elsewhere});
            "/vaccine_allocations/0/recipient".into()
        }),
        (Rule::TermEndsBeforeStart, |d| {
            d["leaders"][0]["terms"][0]["end"] = json!("1989-12-31");
            "/leaders/0/terms/0/end".into()
        }),
        (Rule::LegDepartsBeforeArrival, |d| {
            let leg = &mut d["trips"][0]["legs"][0];
            leg["departure"] = shift(&leg["arrival"], -1);
            "/trips/0/legs/0/departure".into()
        }),
        (Rule::LegsOutOfOrder, |d| {
            d["trips"][0]["legs"].as_array_mut().unwrap().swap(0, 1);
            "/trips/0/legs/1/arrival".into()
        }),
        (Rule::PeriodEndsBeforeStart, |d| {
            d["statistics"][0]["period"] = json!({"range": {"start": "2010-01-02", "end": "2010-01-01"}});
            "/statistics/0/period/range/end".into()
        }),
        (Rule::MeetingOutsideTrip, |d| {
            let before = shift(&d["trips"][0]["legs"][0]["arrival"], -1);
            d["meetings"][0]["start"] = before;
            "/meetings/0/start".into()
        }),
        (Rule::NotInOffice, |d| {
            let i = leader_index(d, &d["trips"][0]["traveller"].clone());
            // One term, over before any event and before its source.
            let mut term = d["leaders"][i]["terms"][0].clone();
            term["start"] = json!("1980-01-01");
            term["end"] = json!("1980-12-31");
            d["leaders"][i]["terms"] = json!([term]);
            "/trips/0/traveller".into()
        }),
        (Rule::RoleNotHeld, |d| {
            let i = leader_index(d, &d["meetings"][0]["participants"][0]["leader"].clone());
            let of = d["leaders"][i]["terms"][0]["of"].clone();
            d["meetings"][0]["participants"][0]["role"] = json!({"office": "monarch", "of": of});
            "/meetings/0/participants/0/role".into()
        }),
        (Rule::FunctionNotHeld, |d| {
            let i = leader_index(d, &d["meetings"][0]["participants"][0]["leader"].clone());
            let of = d["leaders"][i]["terms"][0]["of"].clone();
            d["meetings"][0]["participants"][0]["role"] = json!({"function": "head-of-organisation", "of": of});
            "/meetings/0/participants/0/role".into()
        }),
        (Rule::ConcurrentOfficeHolders, |d| {
            // Leader 0 is a President; its last term runs past every event.
            let term = d["leaders"][0]["terms"].as_array().unwrap().last().unwrap().clone();
            format!("/leaders/1/terms/{}", push(&mut d["leaders"][1]["terms"], term))
        }),
        (Rule::UnknownSource, |d| {
            d["statistics"][0]["source"] = json!("nowhere");
            "/statistics/0/source".into()
        }),
        (Rule::FactAfterSource, |d| {
            d["statistics"][0]["period"] = json!({"day": "2099-01-01"});
            "/statistics/0/period".into()
        }),
        (Rule::CurrencyNotLegalTender, |d| {
            let f = &mut d["funding"][0];
            f["amount"]["currency"] = json!("EUR");
            f["value_date"] = json!("1998-12-31");
            f.as_object_mut().unwrap().remove("reported_as");
            "/funding/0/amount/currency".into()
        }),
        (Rule::NegativeAmount, |d| {
            let f = &mut d["funding"][0];
            f["stage"] = json!("committed");
            f["amount"]["amount"] = json!("-1000");
            f.as_object_mut().unwrap().remove("reported_as");
            "/funding/0/amount/amount".into()
        }),
        (Rule::SharesDoNotSumTo100, |d| {
            push(
                &mut d["funding"][0]["recipients"],
                json!({"area": {"country": "FR"}, "share": "10"}),
            );
            "/funding/0/recipients".into()
        }),
        (Rule::ShareMissing, |d| {
            d["funding"][0]["recipients"][0]
                .as_object_mut()
                .unwrap()
                .remove("share");
            "/funding/0/recipients/0".into()
        }),
        (Rule::EmptyRecipientGroup, |d| {
            let groups = d.as_object_mut().unwrap().entry("groups").or_insert(json!([]));
            push(groups, json!({"id": "vacant", "name": "Vacant", "members": []}));
            d["funding"][0]["recipients"][0]["area"] = json!({"group": "vacant"});
            "/funding/0/recipients/0/area/group".into()
        }),
        (Rule::ReportedPairInconsistent, |d| {
            let amount = &mut d["funding"][0]["reported_as"][0]["amount"];
            let x: Decimal = amount.as_str().unwrap().parse().unwrap();
            let wrong = x.checked_mul(Decimal::TWO).unwrap_or(x / Decimal::TWO);
            *amount = json!(wrong.to_string());
            "/funding/0/reported_as/0".into()
        }),
        (Rule::ReportedPairUnchecked, |d| {
            d["funding"][0]["reported_as"][0]["currency"] = json!("GTQ");
            "/funding/0/reported_as/0".into()
        }),
        (Rule::DosesNotPositive, |d| {
            d["vaccine_allocations"][0]["doses"] = json!(0);
            "/vaccine_allocations/0/doses".into()
        }),
        (Rule::AllocationExceedsPledge, |d| {
            let mut extra = d["vaccine_allocations"][0].clone();
            let pledge = pledge_index(d, &extra["pledge"]);
            extra["id"] = json!("extra");
            extra["doses"] = d["vaccine_pledges"][pledge]["doses"].clone();
            // In no tranche, so that only the pledge is exceeded.
            extra.as_object_mut().unwrap().remove("tranche");
            push(&mut d["vaccine_allocations"], extra);
            format!("/vaccine_pledges/{pledge}/doses")
        }),
        (Rule::StageCountedTwice, |d| {
            let mut extra = d["vaccine_allocations"][0].clone();
            extra["id"] = json!("extra");
            extra["stage"] = json!(if extra["stage"] == "delivered" {
                "donated"
            } else {
                "delivered"
            });
            format!(
                "/vaccine_allocations/{}/stage",
                push(&mut d["vaccine_allocations"], extra)
            )
        }),
        (Rule::AllocationBeforePledge, |d| {
            let pledge = pledge_index(d, &d["vaccine_allocations"][0]["pledge"].clone());
            let before = shift(&d["vaccine_pledges"][pledge]["announced"], -1);
            d["vaccine_allocations"][0]["date"] = before;
            "/vaccine_allocations/0/date".into()
        }),
        (Rule::UnknownTranche, |d| {
            d["vaccine_allocations"][0]["tranche"] = json!("nowhere");
            "/vaccine_allocations/0/tranche".into()
        }),
        (Rule::PledgePartOfItself, |d| {
            let pledges = d["vaccine_pledges"].as_array_mut().unwrap();
            let (i, part) = pledges
                .iter_mut()
                .enumerate()
                .find(|(_, p)| p.get("part_of").is_some())
                .unwrap();
            part["part_of"] = part["id"].clone();
            format!("/vaccine_pledges/{i}/part_of")
        }),
        (Rule::TrancheExceedsParent, |d| {
            // The bilateral tranche alone above the whole pledge.
            let pledge = &mut d["vaccine_pledges"][0];
            let doses = pledge["doses"].as_u64().unwrap();
            pledge["tranches"][1]["doses"] = json!(doses + 1);
            "/vaccine_pledges/0/tranches".into()
        }),
        (Rule::TrancheSharesExceed100, |d| {
            // With no upper bound on the pledge, only the shares can tell.
            let pledge = &mut d["vaccine_pledges"][0];
            let doses = pledge["doses"].as_u64().unwrap();
            pledge["doses"] = json!(Count::new(doses, Qualifier::AtLeast).to_string());
            pledge["tranches"][0]["share"] = json!("60");
            pledge["tranches"][1]["share"] = json!("60");
            "/vaccine_pledges/0/tranches".into()
        }),
        (Rule::AllocationExceedsTranche, |d| {
            // The first allocation is in the bilateral tranche, "up to" a
            // quarter of the pledge.
            let up_to: Count = d["vaccine_pledges"][0]["tranches"][1]["doses"]
                .as_str()
                .unwrap()
                .parse()
                .unwrap();
            d["vaccine_allocations"][0]["doses"] = json!(up_to.value() + 1);
            "/vaccine_pledges/0/tranches/1/doses".into()
        }),
        (Rule::BreakdownExceeds100, |d| {
            let s = d["statistics"][0].as_object_mut().unwrap();
            let parts = s.entry("breakdowns").or_insert(json!([]));
            push(parts, json!({"part": {"country": "FR"}, "share": "100"}));
            push(parts, json!({"part": {"country": "DE"}, "share": "1"}));
            "/statistics/0/breakdowns".into()
        }),
        (Rule::BreakdownMayExceed100, |d| {
            // Estimates only: the sure shares stay as they were, within 99%.
            let s = d["statistics"][0].as_object_mut().unwrap();
            let parts = s.entry("breakdowns").or_insert(json!([]));
            push(
                parts,
                json!({"part": {"country": "FR"}, "share": "100", "qualifier": "about"}),
            );
            push(
                parts,
                json!({"part": {"country": "DE"}, "share": "1", "qualifier": "approaching"}),
            );
            "/statistics/0/breakdowns".into()
        }),
    ]
}

fn pledge_index(doc: &Value, id: &Value) -> usize {
    doc["vaccine_pledges"]
        .as_array()
        .unwrap()
        .iter()
        .position(|p| p["id"] == *id)
        .unwrap()
}

#[test]
fn an_empty_chain_only_leaves_pairs_unchecked() {
    // The seed's one reported pair cannot be checked without rates: a
    // warning, not an error.
    let seed = include_str!("../../examples/data/guatemala-2021.json");
    let report = Dossier::from_json_str(seed).unwrap().validate(&RateChain::new());
    assert!(report.is_ok());
    let lines: Vec<String> = report.iter().map(|v| v.to_string()).collect();
    assert_eq!(
        lines,
        [
            "warning[reported-pair-unchecked] /funding/0/reported_as/0: cannot check GBP 219,000,000 against \
          USD 310,000,000 for funding `us-aid-2021-04` on 2021-06-07: no rate from USD to GBP on 2021-06-07 in \
          any source: the chain has no sources"
        ]
    );
}
