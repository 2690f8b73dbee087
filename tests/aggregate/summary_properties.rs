//! Properties of the dossier summaries: funding totals over any grouping
//! add up exactly to every disclosed amount converted; dose counts add up
//! to the doses allocated; the order of facts changes nothing; a dossier's
//! flows merge like any others.

use proptest::prelude::*;
use proptest::sample::select;
use statecraft::aggregate::{By, KeyPart};
use statecraft::fx::{FxError, Rate, RateSource};
use statecraft::geo::{IntermediateRegion, Membership, Subregion};
use statecraft::model::{
    AllocationId, DoseStage, FundingRecipient, GroupId, OrganisationId, PledgeId, Receiver, Share,
};
use statecraft::money::ExactSum;
use statecraft::org::{OrgRef, Organisation, OrganisationKind};
use statecraft::summary::{FundingFlow, FundingTotals, Remainder};
use statecraft::{
    Actor, Aggregator, Area, Country, CountryGroup, Currency, Decimal, Dimension, DoseTotals, Dossier, Funding,
    FundingStage, FundingSummary, Money, NaiveDate, PledgeSummary, VaccineAllocation, VaccinePledge,
};

/// Rates with few digits, so that `amount × rate` is exact in a `Decimal`
/// and the expected total can be computed without the aggregator.
#[derive(Clone, Copy)]
struct Simple;

fn per_usd(c: Currency) -> Decimal {
    match c {
        Currency::EUR => Decimal::new(1_2162, 4),
        Currency::GBP => Decimal::new(1_41, 2),
        Currency::JPY => Decimal::new(91, 4),
        _ => Decimal::ONE,
    }
}

impl RateSource for Simple {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        assert_eq!(to, Currency::USD, "the properties total in dollars");
        Rate::new(from, to, per_usd(from), on, "simple")
    }
}

const COUNTRIES: [Country; 8] = [
    Country::GT,
    Country::HN,
    Country::SV,
    Country::MX,
    Country::US,
    Country::FR,
    Country::DE,
    Country::NI,
];

fn groups() -> Vec<CountryGroup> {
    vec![
        CountryGroup::new("nt", "Northern Triangle", [Country::GT, Country::HN, Country::SV]).unwrap(),
        // Overlaps the first: Guatemala counts in the first listed.
        CountryGroup::new("gt-mx", "Guatemala and Mexico", [Country::GT, Country::MX]).unwrap(),
        CountryGroup::new("fr-de", "France and Germany", [Country::FR, Country::DE]).unwrap(),
        // Membership that changes over the years the funding spans: Mexico
        // joins, Nicaragua leaves and comes back.
        CountryGroup::dated(
            "shifting",
            "Shifting",
            None,
            [
                Membership::new(Country::MX).from(NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()),
                Membership::new(Country::NI).until(NaiveDate::from_ymd_opt(2018, 6, 30).unwrap()),
                Membership::new(Country::NI).from(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()),
            ],
        )
        .unwrap(),
    ]
}

/// A donor: often a country, else an organisation (built in or not), a
/// group, an organisation known by its IATI identifier.
fn donor() -> impl Strategy<Value = Actor> {
    prop_oneof![
        4 => select(COUNTRIES.to_vec()).prop_map(Actor::Country),
        1 => select(vec!["unicef", "gavi", "nobody"]).prop_map(|o| Actor::Organisation(OrganisationId::new(o).unwrap())),
        1 => select(vec!["g7", "eu", "nt"]).prop_map(|g| Actor::Group(GroupId::new(g).unwrap())),
        1 => select(vec!["GB-COH-213890", "XM-DAC-99999"]).prop_map(|r| Actor::Iati(OrgRef::new(r).unwrap())),
    ]
}

/// A recipient: mostly an area, else an organisation (built in, the
/// dossier's own, one nobody declares, one known by its IATI identifier).
fn receiver() -> impl Strategy<Value = Receiver> {
    prop_oneof![
        5 => area().prop_map(Receiver::Area),
        1 => select(vec![
            Receiver::from(OrganisationId::new("gavi").unwrap()),
            Receiver::from(OrganisationId::new("own-fund").unwrap()),
            Receiver::from(OrganisationId::new("nobody").unwrap()),
            Receiver::from(OrgRef::new("XM-DAC-99999").unwrap()),
        ]),
    ]
}

fn area() -> impl Strategy<Value = Area> {
    let group = |id: &str| Area::Group(GroupId::new(id).unwrap());
    prop_oneof![
        6 => select(COUNTRIES.to_vec()).prop_map(Area::from),
        // The dossier's groups, a built-in one, and one nobody defines.
        3 => select(vec![group("nt"), group("gt-mx"), group("fr-de"), group("sica"), group("unknown")]),
        1 => select(vec![
            Area::from(IntermediateRegion::CentralAmerica),
            Area::from(Subregion::WesternEurope),
            Area::from(Subregion::LatinAmericaAndTheCaribbean),
        ]),
        1 => Just(Area::World),
    ]
}

/// Shares in thousandths of a percent summing to `target` (100, or within
/// 0.01 of it).
fn shares(n: usize) -> impl Strategy<Value = Vec<Share>> {
    let target = select(vec![100_000i64, 99_995, 100_010, 99_990, 100_000]);
    (prop::collection::vec(0i64..=100_000, n), target).prop_map(move |(cuts, target)| {
        let target = if n == 1 { target.min(100_000) } else { target };
        let mut left = target;
        let mut parts = Vec::with_capacity(n);
        for (i, c) in cuts.iter().enumerate() {
            let s = if i + 1 == n { left } else { c % (left + 1) };
            left -= s;
            parts.push(s);
        }
        // No share above 100%: the last one's excess goes to the first.
        if let [first, .., last] = parts.as_mut_slice() {
            let excess = (*last - 100_000).max(0);
            *last -= excess;
            *first += excess;
        }
        parts
            .into_iter()
            .map(|s| Share::new(Decimal::new(s, 3)).unwrap())
            .collect()
    })
}

fn recipients() -> impl Strategy<Value = Vec<FundingRecipient>> {
    prop_oneof![
        1 => Just(Vec::new()),
        5 => prop::collection::vec(receiver(), 1..4)
            .prop_map(|areas| areas.into_iter().map(FundingRecipient::from).collect()),
        4 => prop::collection::btree_set(receiver(), 1..5).prop_flat_map(|areas| {
            let areas: Vec<Receiver> = areas.into_iter().collect();
            let n = areas.len();
            shares(n).prop_map(move |shares| {
                areas
                    .iter()
                    .zip(shares)
                    .map(|(a, s)| FundingRecipient::from(a.clone()).with_share(s))
                    .collect()
            })
        }),
    ]
}

fn funding() -> impl Strategy<Value = Funding> {
    let amount = prop_oneof![
        1 => Just(None),
        4 => (-1_000_000_000_000i64..1_000_000_000_000, 0u32..=2, select(vec![Currency::USD, Currency::EUR, Currency::GBP, Currency::JPY]))
            .prop_map(|(m, scale, c)| Some(Money::new(Decimal::new(m, scale), c))),
    ];
    // Within the recorded history of the built-in SICA (from 2013-06-27).
    let date = (2014i32..2030, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap());
    let stage = select(FundingStage::iter().collect::<Vec<_>>());
    (donor(), recipients(), stage, amount, date).prop_map(|(donor, recipients, stage, amount, date)| {
        let mut f = Funding::new("f".parse().unwrap(), donor, stage, "src".parse().unwrap()).with_value_date(date);
        for r in recipients {
            f = f.with_recipient(r);
        }
        if let Some(a) = amount {
            f = f.with_amount(a);
        }
        f
    })
}

fn dossier_of(funding: &[Funding]) -> Dossier {
    let mut d = Dossier::new().with(Organisation::new("own-fund", "Our Fund", OrganisationKind::Ngo).unwrap());
    for g in groups() {
        d.add(g);
    }
    for f in funding {
        d.add(f.clone());
    }
    d
}

/// The groupings the properties try, with the dossier's groups.
fn bys() -> Vec<By> {
    let group = || Dimension::group(&groups());
    vec![
        Dimension::Recipient.into(),
        Dimension::Region.into(),
        Dimension::Subregion.into(),
        Dimension::IntermediateRegion.into(),
        group().into(),
        Dimension::Stage.into(),
        Dimension::Donor.into(),
        Dimension::Year.into(),
        By::pair(group(), Dimension::Stage),
        By::pair(Dimension::Month, Dimension::Recipient),
        By::pair(Dimension::Donor, Dimension::Recipient),
        By::pair(group(), Dimension::Donor),
    ]
}

fn summary(d: &Dossier, by: &By) -> FundingTotals {
    FundingSummary::new(Simple, Currency::USD, by.clone()).of(d).unwrap()
}

/// Every group as `key exact records undisclosed`, and the counts.
fn shape(t: &FundingTotals) -> (Vec<String>, [u64; 4]) {
    let groups = t
        .groups()
        .iter()
        .map(|g| format!("{} {} {} {}", g.key(), g.exact(), g.records(), g.undisclosed()))
        .collect();
    let c = t.totals();
    (groups, [c.read(), c.aggregated(), c.undisclosed(), c.rejected()])
}

fn shuffled<T: Clone>(items: &[T], seed: u64) -> Vec<T> {
    let mut out = items.to_vec();
    let mut x = seed | 1;
    for i in (1..out.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.swap(i, (x % (i as u64 + 1)) as usize);
    }
    out
}

fn allocation() -> impl Strategy<Value = VaccineAllocation> {
    let stage = select(vec![DoseStage::Announced, DoseStage::Donated, DoseStage::Delivered]);
    let date =
        prop::option::of((2021i32..2023, 1u32..=12).prop_map(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1).unwrap()));
    let to = prop_oneof![
        4 => select(COUNTRIES.to_vec()).prop_map(Receiver::from),
        1 => receiver(),
    ];
    (
        select(vec!["p0", "p1", "p2", "gone"]),
        to,
        0u64..1_000_000_000_000,
        stage,
        date,
    )
        .prop_map(|(pledge, to, doses, stage, date)| {
            let a = VaccineAllocation::new(
                AllocationId::new("a").unwrap(),
                PledgeId::new(pledge).unwrap(),
                to,
                doses,
                stage,
                "src".parse().unwrap(),
            );
            match date {
                Some(d) => a.dated(d),
                None => a,
            }
        })
}

fn doses_dossier(pledged: &[u64], allocations: &[VaccineAllocation]) -> Dossier {
    let mut d = Dossier::new();
    for g in groups() {
        d.add(g);
    }
    for (i, doses) in pledged.iter().enumerate() {
        d.add(VaccinePledge::new(
            PledgeId::new(&format!("p{i}")).unwrap(),
            Country::US,
            *doses,
            "2021-06-03".parse().unwrap(),
            "src".parse().unwrap(),
        ));
    }
    for a in allocations {
        d.add(a.clone());
    }
    d
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn totals_over_any_grouping_are_every_disclosed_amount_converted_exactly(
        funding in prop::collection::vec(funding(), 0..25),
    ) {
        let d = dossier_of(&funding);
        let mut expected = ExactSum::zero(Currency::USD);
        let mut disclosed = 0u64;
        for f in &funding {
            if let Some(m) = f.amount().map(|a| a.value()) {
                let usd = Money::new(m.amount().checked_mul(per_usd(m.currency())).unwrap(), Currency::USD);
                expected = expected.checked_add(ExactSum::from(usd)).unwrap();
                disclosed += 1;
            }
        }
        for by in bys() {
            let t = summary(&d, &by);
            prop_assert!(t.rejections().is_empty(), "{by}: {:?}", t.rejections());
            let over_groups = t
                .groups()
                .iter()
                .try_fold(ExactSum::zero(Currency::USD), |s, g| s.checked_add(g.exact()))
                .unwrap();
            prop_assert_eq!(over_groups, expected, "{}", by);
            prop_assert_eq!(t.totals().exact_total(), expected, "{}", by);
            let c = t.totals();
            prop_assert_eq!((c.read(), c.aggregated(), c.undisclosed()), (funding.len() as u64, disclosed, funding.len() as u64 - disclosed));
        }
        // An organisation stands for no country: whatever else a flow
        // names, its part is keyed by the organisation alike by recipient,
        // by M49 area and by group, never put in an area or dropped.
        let orgs = [
            Actor::Organisation(OrganisationId::new("gavi").unwrap()),
            Actor::Organisation(OrganisationId::new("own-fund").unwrap()),
            Actor::Organisation(OrganisationId::new("nobody").unwrap()),
            Actor::Iati(OrgRef::new("XM-DAC-99999").unwrap()),
        ];
        let follow: Vec<By> = vec![
            Dimension::Recipient.into(),
            Dimension::Region.into(),
            Dimension::Subregion.into(),
            Dimension::IntermediateRegion.into(),
            Dimension::group(&groups()).into(),
        ];
        let by_recipient = summary(&d, &follow[0]);
        for org in orgs {
            let key = statecraft::aggregate::GroupKey::new(KeyPart::Actor(org.clone()), None);
            let of = |t: &FundingTotals| t.get(&key).map(|g| (g.exact(), g.records(), g.undisclosed()));
            let alone = funding
                .iter()
                .filter(|f| !f.recipients().is_empty() && f.recipients().iter().all(|r| r.receiver().to_actor() == Some(org.clone())))
                .count() as u64;
            let counted = of(&by_recipient).map_or(0, |(_, records, undisclosed)| records + undisclosed);
            prop_assert!(counted >= alone, "{}: {} < {}", org, counted, alone);
            for by in &follow[1..] {
                prop_assert_eq!(of(&summary(&d, by)), of(&by_recipient), "{} by {}", org, by);
            }
        }
        // By a dimension that gives each entry one key, every entry counts
        // in exactly one group.
        for by in [By::new(Dimension::Donor), By::new(Dimension::Stage), By::new(Dimension::Year)] {
            let t = summary(&d, &by);
            let records: u64 = t.groups().iter().map(|g| g.records()).sum();
            let undisclosed: u64 = t.groups().iter().map(|g| g.undisclosed()).sum();
            prop_assert_eq!((records, undisclosed), (disclosed, funding.len() as u64 - disclosed));
        }
    }

    #[test]
    fn the_order_of_funding_entries_does_not_matter(
        funding in prop::collection::vec(funding(), 0..25),
        seed in any::<u64>(),
    ) {
        let d = dossier_of(&funding);
        let e = dossier_of(&shuffled(&funding, seed));
        for by in bys() {
            prop_assert_eq!(shape(&summary(&d, &by)), shape(&summary(&e, &by)), "{}", by);
        }
    }

    #[test]
    fn a_dossiers_flows_split_anywhere_and_merged_are_one_pass(
        funding in prop::collection::vec(funding(), 0..25),
        cut in any::<prop::sample::Index>(),
    ) {
        let d = dossier_of(&funding);
        let flows: Vec<FundingFlow<'_>> = d.funding().iter().map(|f| FundingFlow::new(&d, f).unwrap()).collect();
        let cut = cut.index(flows.len() + 1);
        for by in bys() {
            let mut whole = Aggregator::new(Simple, Currency::USD, by.clone());
            let (mut head, mut tail) = (whole.fork(), whole.fork());
            for (i, f) in flows.iter().enumerate() {
                whole.push_at(i as u64, f);
                if i < cut { head.push_at(i as u64, f) } else { tail.push_at(i as u64, f) }
            }
            head.merge(tail).unwrap();
            prop_assert_eq!(head.totals(), whole.totals(), "{}", by);
        }
    }

    #[test]
    fn dose_counts_add_up_to_the_doses_allocated_in_any_order(
        pledged in prop::collection::vec(0u64..3_000_000_000_000, 0..3),
        allocations in prop::collection::vec(allocation(), 0..30),
        seed in any::<u64>(),
    ) {
        let d = doses_dossier(&pledged, &allocations);
        let e = doses_dossier(&pledged, &shuffled(&allocations, seed));
        let all: u64 = allocations.iter().map(|a| a.doses().value()).sum();
        for by in [
            By::new(Dimension::Recipient),
            By::new(Dimension::group(d.groups())),
            By::new(Dimension::Subregion),
            By::new(Dimension::IntermediateRegion),
            By::new(Dimension::Stage),
            By::new(Dimension::Donor),
            By::new(Dimension::Month),
            By::pair(Dimension::Stage, Dimension::Recipient),
        ] {
            let t = DoseTotals::of(&d, by.clone()).unwrap();
            let over_groups: u64 = t.groups().iter().map(|g| g.doses()).sum();
            prop_assert_eq!(over_groups, t.total(), "{}", by);
            prop_assert_eq!(t.read(), t.counted() + t.rejected());
            let rejected: u64 = allocations
                .iter()
                .filter(|a| match by.to_string().as_str() {
                    "donor" => !["p0", "p1", "p2"][..pledged.len()].contains(&a.pledge().as_str()),
                    "month" => a.date().is_none(),
                    _ => false,
                })
                .map(|a| a.doses().value())
                .sum();
            prop_assert_eq!(t.total() + rejected, all, "{}", by);
            let u = DoseTotals::of(&e, by.clone()).unwrap();
            prop_assert_eq!(t.groups(), u.groups(), "{}", by);
            prop_assert_eq!(t.total(), u.total());
        }
        for p in PledgeSummary::all(&d).unwrap() {
            let stages: u64 = [DoseStage::Announced, DoseStage::Donated, DoseStage::Delivered]
                .into_iter()
                .map(|s| p.allocated_at(s))
                .sum();
            prop_assert_eq!(stages, p.allocated());
            match p.remainder() {
                Remainder::Unallocated(left) => prop_assert_eq!(p.allocated() + left, p.pledged()),
                Remainder::OverAllocated(over) => {
                    prop_assert!(over > 0);
                    prop_assert_eq!(p.pledged() + over, p.allocated());
                    prop_assert!(p.allocated_share().is_none());
                }
            }
        }
    }
}
