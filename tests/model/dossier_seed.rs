//! The seed dossier (`examples/data/guatemala-2021.json`): its key facts,
//! through the API.

use statecraft::model::{
    DoseStage, EventStatus, GroupId, InitiativeId, LeaderId, MeetingKind, Metric, Office, PledgeId, SourceId,
    StatisticId, StatisticScope, Topic, TripId, TripNote,
};
use statecraft::{Area, Count, Country, Currency, Decimal, Dossier, FundingStage, Money, NaiveDate, Qualifier};

const JSON: &str = include_str!("../../examples/data/guatemala-2021.json");

fn seed() -> Dossier {
    Dossier::from_json_str(JSON).unwrap()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn id<T>(s: &str) -> statecraft::model::Id<T> {
    statecraft::model::Id::new(s).unwrap()
}

#[test]
fn the_file_is_in_canonical_form() {
    assert_eq!(seed().to_json_string().unwrap(), JSON);
}

#[test]
fn the_source_is_the_article_of_7_june_2021() {
    let dossier = seed();
    let article = dossier.source(&SourceId::new("seed-article").unwrap()).unwrap();
    assert_eq!(article.published(), d("2021-06-07"));
    for (path, fact) in dossier.facts() {
        assert!(
            dossier.source(fact.source()).is_some(),
            "{path}: no source `{}`",
            fact.source()
        );
    }
}

#[test]
fn the_trip_goes_to_guatemala_then_mexico_as_planned() {
    let dossier = seed();
    let trip = dossier.trip(&TripId::new("harris-2021-06").unwrap()).unwrap();
    assert_eq!(trip.traveller(), &id("harris"));
    let legs: Vec<_> = trip
        .legs()
        .iter()
        .map(|l| (l.country(), l.arrival(), l.departure(), l.status()))
        .collect();
    assert_eq!(
        legs,
        [
            (
                Country::GT,
                d("2021-06-06"),
                Some(d("2021-06-07")),
                EventStatus::Happened
            ),
            // Landed in Mexico City late on 2021-06-07.
            (
                Country::MX,
                d("2021-06-07"),
                Some(d("2021-06-08")),
                EventStatus::Planned
            ),
        ]
    );
    // The article names no author; only its analysis box is signed.
    let article = dossier
        .source(&statecraft::model::SourceId::new("seed-article").unwrap())
        .unwrap();
    assert!(article.authors().is_empty());
    assert!(trip.notes().contains(&TripNote::FirstAbroadInOffice));
    assert_eq!(
        trip.topics(),
        [
            Topic::Migration,
            Topic::Corruption,
            Topic::EconomicGrowth,
            Topic::VaccineSharing
        ]
    );
}

#[test]
fn who_met_whom() {
    let dossier = seed();
    let (harris, giammattei, amlo): (LeaderId, LeaderId, LeaderId) =
        (id("harris"), id("giammattei"), id("lopez-obrador"));
    let in_guatemala: Vec<_> = dossier
        .meetings_between(&harris, &giammattei)
        .map(|m| (m.start(), m.places()[0], m.kind().clone(), m.status()))
        .collect();
    assert_eq!(
        in_guatemala,
        [
            (
                d("2021-06-07"),
                Country::GT,
                MeetingKind::BilateralTalks,
                EventStatus::Happened
            ),
            (
                d("2021-06-07"),
                Country::GT,
                MeetingKind::JointNewsConference,
                EventStatus::Happened
            ),
        ]
    );
    let in_mexico: Vec<_> = dossier
        .meetings_between(&harris, &amlo)
        .map(|m| (m.start(), m.places()[0], m.status()))
        .collect();
    assert_eq!(in_mexico, [(d("2021-06-08"), Country::MX, EventStatus::Planned)]);
    assert_eq!(dossier.meetings_between(&giammattei, &amlo).count(), 0);
    assert_eq!(dossier.meetings_on(&id("harris-2021-06")).count(), 3);
}

#[test]
fn every_participant_held_the_office_named_on_the_day() {
    let dossier = seed();
    let mut checked = 0;
    for m in dossier.meetings() {
        for p in m.participants() {
            let leader = dossier.leader(p.leader()).unwrap();
            let term = leader
                .term_on(m.start())
                .unwrap_or_else(|| panic!("{} out of office", leader.name()));
            let role = p.role().unwrap();
            assert_eq!(&term.role(), role);
            assert!(leader.is_on(role, m.start()));
            assert!(leader.holds(role.office().unwrap(), role.of().clone(), m.start()));
            checked += 1;
        }
    }
    assert_eq!(checked, 6);
    let harris = dossier.leader(&id("harris")).unwrap();
    assert!(harris.holds(&Office::VicePresident, Country::US, d("2021-06-07")));
    let biden = dossier.leader(&id("biden")).unwrap();
    assert!(biden.holds(&Office::President, Country::US, d("2021-06-07")));
    let giammattei = dossier.leader(&id("giammattei")).unwrap();
    assert_eq!(giammattei.terms()[0].end(), Some(d("2024-01-14")));
    let amlo = dossier.leader(&id("lopez-obrador")).unwrap();
    assert_eq!(amlo.terms()[0].start(), d("2018-12-01"));
    assert_eq!(amlo.name(), "Andrés Manuel López Obrador");
}

#[test]
fn the_task_force_and_the_commitments() {
    let dossier = seed();
    let tf = dossier
        .initiative(&InitiativeId::new("smuggling-task-force").unwrap())
        .unwrap();
    let agencies: Vec<&str> = tf.agencies().iter().map(|a| a.name()).collect();
    assert_eq!(
        agencies,
        [
            "Department of State",
            "Department of Justice",
            "Department of the Treasury"
        ]
    );
    assert_eq!(tf.announced(), Some(d("2021-06-07")));
    assert_eq!(tf.sponsor().as_country(), Some(Country::US));
    let private = dossier
        .initiative(&InitiativeId::new("private-sector-commitments").unwrap())
        .unwrap();
    assert_eq!(private.partners().unwrap().count(), Count::exact(12));
    assert_eq!(private.partners().unwrap().to_string(), "12 US organisations");
    let corruption: Vec<&str> = dossier.facts_about(Topic::Corruption).map(|f| f.id()).collect();
    assert_eq!(
        corruption,
        ["harris-2021-06", "harris-giammattei-talks", "anti-corruption-agenda"]
    );
    let investment = dossier.initiative(&id("us-investment-pledges")).unwrap();
    for t in [Topic::Agriculture, Topic::Entrepreneurship, Topic::Housing] {
        assert!(investment.topics().contains(&t), "{t}");
    }
    assert!(dossier
        .initiative(&id("young-women-empowerment"))
        .unwrap()
        .topics()
        .contains(&Topic::Gender));
}

#[test]
fn the_funding_is_310m_reported_as_219m_for_the_northern_triangle() {
    let dossier = seed();
    let aid = dossier.funding_item(&id("us-aid-2021-04")).unwrap();
    assert_eq!(
        aid.amount().and_then(|a| a.as_exact()),
        Some(Money::new(Decimal::from(310_000_000), Currency::USD))
    );
    assert_eq!(
        aid.reported_as(),
        [Money::new(Decimal::from(219_000_000), Currency::GBP)]
    );
    assert_eq!(aid.announced(), Some(d("2021-04-26")));
    assert_eq!(aid.rate_date(), Some(d("2021-04-26")));
    assert_eq!(aid.stage(), FundingStage::Announced);
    assert_eq!(
        aid.recipients()[0].area(),
        Some(&Area::Group(GroupId::new("northern-triangle").unwrap()))
    );
    assert!(aid.topics().contains(&Topic::FoodSecurity) && aid.topics().contains(&Topic::DisasterRecovery));
    let nt = dossier
        .countries_in(aid.recipients()[0].area().unwrap(), d("2021-04-26"))
        .unwrap();
    assert_eq!(nt, [Country::GT, Country::HN, Country::SV]);
    for c in [Country::GT, Country::HN, Country::SV] {
        assert_eq!(dossier.funding_for(c).count(), 2, "{c}");
    }
    assert_eq!(dossier.funding_for(Country::MX).count(), 0);

    let next = dossier.funding_item(&id("us-aid-new-round")).unwrap();
    assert!(!next.is_disclosed());
    assert_eq!(next.stage(), FundingStage::Proposed);
}

#[test]
fn the_25m_doses_and_the_1_5m_allocated() {
    let dossier = seed();
    let pledge_id = PledgeId::new("us-covid-25m").unwrap();
    let pledge = dossier.pledge(&pledge_id).unwrap();
    assert_eq!(pledge.doses().as_exact(), Some(25_000_000));
    assert_eq!(pledge.announced(), d("2021-06-03"));
    assert_eq!(pledge.destination(), Some(&Area::World));
    let allocations: Vec<_> = dossier
        .allocations_of(&pledge_id)
        .map(|a| (a.recipient().as_country().unwrap(), a.doses().value(), a.stage()))
        .collect();
    assert_eq!(
        allocations,
        [
            (Country::GT, 500_000, DoseStage::Announced),
            (Country::MX, 1_000_000, DoseStage::Announced)
        ]
    );
    let allocated = dossier.allocated_doses(&pledge_id).unwrap();
    assert_eq!(allocated, 1_500_000);
    assert_eq!(pledge.share_of(allocated).unwrap().to_string(), "6%");
    assert_eq!(dossier.doses_for(Country::MX), Some(1_000_000));
}

#[test]
fn the_figures_beside_the_facts() {
    let dossier = seed();
    let border = dossier
        .statistic(&StatisticId::new("us-border-2021-04").unwrap())
        .unwrap();
    assert_eq!(border.metric(), &Metric::BorderEncounters);
    assert!(matches!(border.scope(), StatisticScope::Border(b) if b.country() == Country::US));
    assert!(border.period().contains(d("2021-04-30")) && !border.period().contains(d("2021-05-01")));
    assert_eq!(border.count(), Count::new(178_000, Qualifier::MoreThan));
    let from_nt = border.breakdowns()[0].count_of(border.count()).unwrap();
    assert_eq!(from_nt.to_string(), "more than 71,200");
    assert_eq!(border.attribution(), Some("US border officials"));

    let covid = dossier.statistic(&id("mexico-covid-deaths")).unwrap();
    assert_eq!(covid.count().to_string(), "approaching 230,000");
    assert_eq!(covid.rank().unwrap().position(), 4);
    assert_eq!(covid.attribution(), Some("Johns Hopkins University"));
}

#[test]
fn every_fact_has_its_day_and_its_leaders() {
    let dossier = seed();
    let harris: LeaderId = id("harris");
    let by_harris: Vec<&str> = dossier
        .facts()
        .map(|(_, f)| f)
        .filter(|f| f.leaders().iter().any(|(l, _)| **l == harris))
        .map(|f| f.id())
        .collect();
    assert_eq!(
        by_harris,
        [
            "harris-2021-06",
            "harris-giammattei-talks",
            "harris-giammattei-press",
            "harris-lopez-obrador",
            "us-investment-pledges",
            "young-women-empowerment",
            "private-sector-commitments",
        ]
    );
    let days: Vec<(String, Option<NaiveDate>)> = dossier
        .facts()
        .map(|(path, f)| (path.to_pointer(), f.date()))
        .filter(|(p, _)| p.starts_with("/vaccine") || p.starts_with("/statistics") || p.starts_with("/trips"))
        .collect();
    assert_eq!(
        days,
        [
            ("/trips/0".to_string(), Some(d("2021-06-06"))),
            ("/vaccine_pledges/0".to_string(), Some(d("2021-06-03"))),
            ("/vaccine_allocations/0".to_string(), Some(d("2021-06-03"))),
            ("/vaccine_allocations/1".to_string(), Some(d("2021-06-03"))),
            ("/statistics/0".to_string(), Some(d("2021-04-30"))),
            ("/statistics/1".to_string(), Some(d("2021-06-07"))),
        ]
    );
    let planned: Vec<&str> = dossier
        .facts()
        .map(|(_, f)| f)
        .filter(|f| f.is_planned())
        .map(|f| f.id())
        .collect();
    assert_eq!(planned, ["harris-lopez-obrador"]);
}
