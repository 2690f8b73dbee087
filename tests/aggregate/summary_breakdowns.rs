//! Statistic breakdowns as counts, with the qualifiers their share and
//! their total imply, and their places in the dossier.

use statecraft::geo::IntermediateRegion;
use statecraft::model::{Breakdown, CountryBorder, GroupId, Metric, Period, StatisticScope};
use statecraft::summary::BreakdownCount;
use statecraft::{Area, Count, Country, CountryGroup, Dossier, Qualifier, Statistic};

fn statistic(id: &str, count: &str, breakdowns: Vec<Breakdown>) -> Statistic {
    let mut s = Statistic::new(
        id.parse().unwrap(),
        Metric::BorderEncounters,
        StatisticScope::Border(CountryBorder::new(Country::US).with(Country::MX)),
        Period::Month("2021-04".parse().unwrap()),
        count.parse().unwrap(),
        "src".parse().unwrap(),
    );
    for b in breakdowns {
        s = s.with_breakdown(b);
    }
    s
}

fn share(s: &str) -> statecraft::model::Share {
    s.parse().unwrap()
}

#[test]
fn every_breakdown_of_every_statistic_in_order_with_its_place() {
    let nt = Area::Group(GroupId::new("nt").unwrap());
    let dossier = Dossier::new()
        .with(CountryGroup::new("nt", "Northern Triangle", [Country::GT, Country::HN, Country::SV]).unwrap())
        .with(statistic("no-breakdown", "about 5,000", vec![]))
        .with(statistic(
            "arrivals",
            "more than 178,000",
            vec![
                Breakdown::new(nt, share("40")).qualified(Qualifier::MoreThan),
                Breakdown::new(Area::from(Country::MX), share("33.3")),
                Breakdown::new(Area::from(IntermediateRegion::Caribbean), share("1.5")).qualified(Qualifier::FewerThan),
            ],
        ))
        .with(statistic(
            "exact",
            "178,001",
            vec![Breakdown::new(Area::from(Country::GT), share("50"))],
        ));
    let counts = BreakdownCount::all(&dossier).unwrap();
    let got: Vec<(String, String)> = counts.iter().map(|c| (c.path().to_pointer(), c.to_string())).collect();
    let want = [
        (
            "/statistics/1/breakdowns/0",
            "more than 71,200 from the Northern Triangle",
        ),
        // 33.3% of "more than 178,000" is a lower bound, rounded down.
        ("/statistics/1/breakdowns/1", "more than 59,274 from Mexico"),
        // "fewer than" a share of "more than" a total: no bound either way.
        ("/statistics/1/breakdowns/2", "about 2,670 from Caribbean"),
        // Half of an odd exact count is not a whole number: about.
        ("/statistics/2/breakdowns/0", "about 89,000 from Guatemala"),
    ];
    let want: Vec<(String, String)> = want.iter().map(|(p, s)| (p.to_string(), s.to_string())).collect();
    assert_eq!(got, want);
    assert_eq!(counts[1].count(), Count::new(59_274, Qualifier::MoreThan));
    assert_eq!(counts[1].statistic().id().as_str(), "arrivals");
    assert_eq!(counts[3].breakdown().part(), &Area::from(Country::GT));
}

#[test]
fn a_dossier_without_breakdowns_has_no_counts() {
    let dossier = Dossier::new().with(statistic("plain", "approaching 230,000", vec![]));
    assert!(BreakdownCount::all(&dossier).unwrap().is_empty());
    assert!(BreakdownCount::all(&Dossier::new()).unwrap().is_empty());
}

#[test]
fn the_largest_counts_do_not_overflow() {
    let dossier = Dossier::new().with(statistic(
        "max",
        "18446744073709551615",
        vec![
            Breakdown::new(Area::World, share("100")),
            Breakdown::new(Area::World, share("99.99999999")).qualified(Qualifier::UpTo),
        ],
    ));
    let counts: Vec<String> = BreakdownCount::all(&dossier)
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        counts,
        [
            "18,446,744,073,709,551,615 from the world",
            "up to 18,446,744,071,864,877,208 from the world"
        ]
    );
}
