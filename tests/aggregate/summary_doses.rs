//! Vaccine doses of hand-built dossiers: counts by dimension, pledges
//! against their allocations, over-allocation, overflow and rejections.

use statecraft::aggregate::{By, GroupKey, KeyPart};
use statecraft::model::{AllocationId, DoseStage, OrganisationId, PledgeId, Share};
use statecraft::org::OrgRef;
use statecraft::summary::Remainder;
use statecraft::{
    Actor, Country, CountryGroup, Dimension, DoseTotals, Dossier, NaiveDate, PledgeSummary, VaccineAllocation,
    VaccinePledge,
};

fn pledge(id: &str, doses: u64) -> VaccinePledge {
    VaccinePledge::new(
        PledgeId::new(id).unwrap(),
        Country::US,
        doses,
        "2021-06-03".parse().unwrap(),
        "src".parse().unwrap(),
    )
}

fn allocation(
    id: &str,
    pledge: &str,
    to: Country,
    doses: u64,
    stage: DoseStage,
    date: Option<&str>,
) -> VaccineAllocation {
    let a = VaccineAllocation::new(
        AllocationId::new(id).unwrap(),
        PledgeId::new(pledge).unwrap(),
        to,
        doses,
        stage,
        "src".parse().unwrap(),
    );
    match date {
        Some(d) => a.dated(d.parse::<NaiveDate>().unwrap()),
        None => a,
    }
}

fn show(t: &DoseTotals) -> Vec<String> {
    t.groups()
        .iter()
        .map(|g| format!("{} {} ({})", g.key(), g.doses(), g.allocations()))
        .collect()
}

fn sample() -> Dossier {
    Dossier::new()
        .with(CountryGroup::new("nt", "Northern Triangle", [Country::GT, Country::HN, Country::SV]).unwrap())
        .with(CountryGroup::new("sica-north", "SICA north", [Country::GT, Country::BZ]).unwrap())
        .with(pledge("p1", 1_000_000))
        .with(pledge("p2", 0))
        .with(allocation(
            "a1",
            "p1",
            Country::GT,
            300_000,
            DoseStage::Delivered,
            Some("2021-07-01"),
        ))
        .with(allocation(
            "a2",
            "p1",
            Country::BZ,
            500_000,
            DoseStage::Donated,
            Some("2021-08-15"),
        ))
        .with(allocation("a3", "p1", Country::GT, 400_000, DoseStage::Announced, None))
        .with(allocation(
            "a4",
            "nowhere",
            Country::MX,
            50_000,
            DoseStage::Delivered,
            Some("2021-07-02"),
        ))
}

#[test]
fn doses_count_by_recipient_group_and_stage() {
    let d = sample();
    let by_recipient = DoseTotals::of(&d, Dimension::Recipient).unwrap();
    assert_eq!(show(&by_recipient), ["BZ 500000 (1)", "GT 700000 (2)", "MX 50000 (1)"]);
    assert_eq!(by_recipient.total(), 1_250_000);
    // Guatemala is in both groups: the first listed counts it.
    let by_group = DoseTotals::of(&d, Dimension::group(d.groups())).unwrap();
    assert_eq!(
        show(&by_group),
        [
            "Northern Triangle 700000 (2)",
            "SICA north 500000 (1)",
            "(ungrouped) 50000 (1)"
        ]
    );
    let by_stage = DoseTotals::of(&d, Dimension::Stage).unwrap();
    assert_eq!(
        show(&by_stage),
        ["announced 400000 (1)", "donated 500000 (1)", "delivered 350000 (2)"]
    );
    let pair = DoseTotals::of(&d, By::pair(Dimension::Recipient, Dimension::Stage)).unwrap();
    let key = GroupKey::new(
        KeyPart::Country(Country::GT),
        Some(KeyPart::DoseStage(DoseStage::Delivered)),
    );
    assert_eq!(pair.get(&key).map(|g| g.doses()), Some(300_000));
    let by_subregion = DoseTotals::of(&d, Dimension::Subregion).unwrap();
    assert_eq!(show(&by_subregion), ["Latin America and the Caribbean 1250000 (4)"]);
    let by_intermediate = DoseTotals::of(&d, Dimension::IntermediateRegion).unwrap();
    assert_eq!(show(&by_intermediate), ["Central America 1250000 (4)"]);
}

#[test]
fn doses_to_an_organisation_are_its_own_by_recipient_region_and_group() {
    let covax = OrganisationId::new("covax").unwrap();
    let to_covax = VaccineAllocation::new(
        AllocationId::new("a5").unwrap(),
        PledgeId::new("p1").unwrap(),
        covax.clone(),
        200_000,
        DoseStage::Donated,
        "src".parse().unwrap(),
    );
    let to_iati = VaccineAllocation::new(
        AllocationId::new("a6").unwrap(),
        PledgeId::new("p1").unwrap(),
        OrgRef::new("XM-DAC-99999").unwrap(),
        1,
        DoseStage::Announced,
        "src".parse().unwrap(),
    );
    let d = sample().with(to_covax).with(to_iati);
    let by_recipient = DoseTotals::of(&d, Dimension::Recipient).unwrap();
    assert_eq!(
        show(&by_recipient),
        [
            "BZ 500000 (1)",
            "GT 700000 (2)",
            "MX 50000 (1)",
            "COVAX 200000 (1)",
            "XM-DAC-99999 1 (1)"
        ]
    );
    let key = GroupKey::new(KeyPart::Actor(Actor::Organisation(covax)), None);
    assert_eq!(by_recipient.get(&key).map(|g| g.doses()), Some(200_000));
    assert_eq!(by_recipient.total(), 1_450_001);
    let by_group = DoseTotals::of(&d, Dimension::group(d.groups())).unwrap();
    assert_eq!(
        show(&by_group),
        [
            "COVAX 200000 (1)",
            "XM-DAC-99999 1 (1)",
            "Northern Triangle 700000 (2)",
            "SICA north 500000 (1)",
            "(ungrouped) 50000 (1)"
        ]
    );
    let by_subregion = DoseTotals::of(&d, Dimension::Subregion).unwrap();
    assert_eq!(
        show(&by_subregion),
        [
            "COVAX 200000 (1)",
            "XM-DAC-99999 1 (1)",
            "Latin America and the Caribbean 1250000 (4)"
        ]
    );
    for t in [&by_recipient, &by_group, &by_subregion] {
        assert_eq!((t.total(), t.counted(), t.rejected()), (1_450_001, 6, 0));
    }
    // The pledge counts them as any other allocation.
    let p1 = &PledgeSummary::all(&d).unwrap()[0];
    assert_eq!(p1.allocated(), 1_400_001);
}

#[test]
fn allocations_the_dimension_cannot_place_are_rejected_with_their_place() {
    let d = sample();
    let by_donor = DoseTotals::of(&d, Dimension::Donor).unwrap();
    assert_eq!(show(&by_donor), ["US 1200000 (3)"]);
    let got: Vec<String> = by_donor.rejections().iter().map(ToString::to_string).collect();
    assert_eq!(
        got,
        ["/vaccine_allocations/3/pledge: allocation `a4` is from pledge `nowhere`, which is not in the dossier, so it has no donor"]
    );
    assert_eq!((by_donor.read(), by_donor.counted(), by_donor.rejected()), (4, 3, 1));

    let by_month = DoseTotals::of(&d, Dimension::Month).unwrap();
    assert_eq!(show(&by_month), ["2021-07 350000 (2)", "2021-08 500000 (1)"]);
    let got: Vec<String> = by_month.rejections().iter().map(ToString::to_string).collect();
    assert_eq!(
        got,
        ["/vaccine_allocations/2: allocation `a3` has no date to count it by month"]
    );
    let by_year = DoseTotals::of(&d, By::pair(Dimension::Stage, Dimension::Year)).unwrap();
    assert_eq!(
        by_year.rejections()[0].to_string(),
        "/vaccine_allocations/2: allocation `a3` has no date to count it by year"
    );
}

#[test]
fn over_allocation_is_reported_not_wrapped() {
    let d = sample();
    let pledges = PledgeSummary::all(&d).unwrap();
    let rows: Vec<String> = pledges
        .iter()
        .map(|p| {
            format!(
                "{} {} of {}: {:?}, {}",
                p.pledge().id(),
                p.allocated(),
                p.pledged(),
                p.allocated_share().map(|s| s.to_string()),
                p.remainder()
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "p1 1200000 of 1000000: None, 200,000 allocated beyond the pledge",
            "p2 0 of 0: None, 0 not allocated",
        ]
    );
    let p1 = &pledges[0];
    assert_eq!(p1.remainder(), Remainder::OverAllocated(200_000));
    assert!(p1.remainder().is_over_allocated());
    assert_eq!(p1.allocations(), 3);
    let by_stage: Vec<u64> = [DoseStage::Announced, DoseStage::Donated, DoseStage::Delivered]
        .into_iter()
        .map(|s| p1.allocated_at(s))
        .collect();
    assert_eq!(by_stage, [400_000, 500_000, 300_000]);
    assert_eq!(by_stage.iter().sum::<u64>(), p1.allocated());
    assert_eq!(pledges[1].path().to_pointer(), "/vaccine_pledges/1");
}

#[test]
fn exactly_allocated_and_fractional_shares() {
    let d = Dossier::new()
        .with(pledge("p", 3))
        .with(allocation("a", "p", Country::GT, 1, DoseStage::Announced, None))
        .with(allocation("b", "p", Country::HN, 2, DoseStage::Announced, None));
    let p = &PledgeSummary::all(&d).unwrap()[0];
    assert_eq!(p.remainder(), Remainder::Unallocated(0));
    assert_eq!(p.allocated_share(), Some(Share::HUNDRED));
    let d = Dossier::new()
        .with(pledge("p", 3))
        .with(allocation("a", "p", Country::GT, 1, DoseStage::Announced, None));
    let p = &PledgeSummary::all(&d).unwrap()[0];
    assert_eq!(
        p.allocated_share().map(|s| s.to_exact_string()),
        Some("33.33333333333333333333333333%".to_string()) // to the 28 digits of a Decimal
    );
    // For people, rounded.
    assert_eq!(p.allocated_share().map(|s| s.to_string()), Some("33.33%".to_string()));
}

#[test]
fn overflow_is_an_error_never_a_panic() {
    let d = Dossier::new()
        .with(pledge("p", u64::MAX))
        .with(allocation("a", "p", Country::GT, u64::MAX, DoseStage::Announced, None))
        .with(allocation("b", "p", Country::GT, 1, DoseStage::Delivered, None));
    let e = DoseTotals::of(&d, Dimension::Recipient).unwrap_err();
    assert_eq!(
        e.to_string(),
        "overflow: the 1 doses at /vaccine_allocations/1 take the doses of GT beyond 18,446,744,073,709,551,615"
    );
    let e = DoseTotals::of(&d, Dimension::Stage).unwrap_err();
    assert_eq!(
        e.to_string(),
        "overflow: the 1 doses at /vaccine_allocations/1 take the doses of all groups beyond 18,446,744,073,709,551,615"
    );
    let e = PledgeSummary::all(&d).unwrap_err();
    assert_eq!(
        e.to_string(),
        "overflow: the 1 doses at /vaccine_allocations/1 take the doses allocated from pledge `p` beyond 18,446,744,073,709,551,615"
    );
    // Up to u64::MAX itself, nothing overflows.
    let d = Dossier::new()
        .with(pledge("p", u64::MAX))
        .with(allocation(
            "a",
            "p",
            Country::GT,
            u64::MAX - 1,
            DoseStage::Announced,
            None,
        ))
        .with(allocation("b", "p", Country::HN, 1, DoseStage::Announced, None));
    assert_eq!(DoseTotals::of(&d, Dimension::Stage).unwrap().total(), u64::MAX);
    assert_eq!(
        PledgeSummary::all(&d).unwrap()[0].remainder(),
        Remainder::Unallocated(0)
    );
}
