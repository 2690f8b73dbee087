//! Totals by donor and recipient when donors are organisations, groups or
//! IATI identifiers and recipients are areas; totals by groups whose
//! membership changes, on each record's date.

use std::borrow::Cow;

use statecraft::aggregate::{AreaRecipient, By, CountrySplit, FlowRecipients, KeyPart, RejectReason};
use statecraft::fx::{FxError, Rate, RateSource};
use statecraft::geo::DacRegion;
use statecraft::iati::{RecipientCode, RegionCode};
use statecraft::model::{GroupId, OrganisationId};
use statecraft::org::OrgRef;
use statecraft::{
    Actor, Aggregator, Area, Country, CountryGroup, Currency, Decimal, Dimension, Dossier, Flow, FundingStage, Money,
    NaiveDate,
};

/// One of anything buys one dollar.
#[derive(Clone, Copy)]
struct Par;

impl RateSource for Par {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        Rate::new(from, to, Decimal::ONE, on, "par")
    }
}

/// A transaction as IATI phase 2 will hand it over: a donor actor, areas.
struct Transaction {
    day: NaiveDate,
    donor: Actor,
    to: FlowRecipients,
    amount: Option<Money>,
}

impl Flow for Transaction {
    fn date(&self) -> NaiveDate {
        self.day
    }
    fn donor(&self) -> Cow<'_, Actor> {
        Cow::Borrowed(&self.donor)
    }
    fn recipients(&self) -> Cow<'_, FlowRecipients> {
        Cow::Borrowed(&self.to)
    }
    fn stage(&self) -> FundingStage {
        FundingStage::Disbursed
    }
    fn amount(&self) -> Option<Money> {
        self.amount
    }
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn usd(s: &str) -> Option<Money> {
    Some(Money::new(s.parse().unwrap(), Currency::USD))
}

fn org(r: &str) -> Actor {
    Actor::from_iati(&OrgRef::new(r).unwrap())
}

fn rows(agg: &Aggregator<Par>) -> Vec<String> {
    agg.totals()
        .unwrap()
        .groups()
        .iter()
        .map(|g| format!("{} {} {} {}", g.key(), g.exact(), g.records(), g.undisclosed()))
        .collect()
}

fn split(shares: &[(Country, &str)]) -> FlowRecipients {
    FlowRecipients::Split(CountrySplit::new(shares.iter().map(|(c, s)| (*c, s.parse().unwrap()))).unwrap())
}

#[test]
fn donors_of_every_kind_are_keys_as_they_are_named() {
    let day = d("2021-06-07");
    let flows = [
        Transaction {
            day,
            donor: Actor::Country(Country::US),
            to: FlowRecipients::One(Country::GT),
            amount: usd("100"),
        },
        Transaction {
            day,
            donor: org("XM-DAC-41122"),
            to: FlowRecipients::One(Country::GT),
            amount: usd("40"),
        },
        Transaction {
            day,
            donor: org("41122"),
            to: split(&[(Country::GT, "25"), (Country::HN, "75")]),
            amount: usd("8"),
        },
        Transaction {
            day,
            donor: org("GB-COH-213890"),
            to: FlowRecipients::One(Country::SV),
            amount: usd("3"),
        },
        Transaction {
            day,
            donor: Actor::Group(GroupId::new("g7").unwrap()),
            to: FlowRecipients::Unnamed,
            amount: usd("1000"),
        },
        Transaction {
            day,
            donor: org("US-GOV-1"),
            to: FlowRecipients::One(Country::HN),
            amount: None,
        },
    ];
    let mut by_donor = Aggregator::new(Par, Currency::USD, Dimension::Donor);
    let mut by_pair = Aggregator::new(Par, Currency::USD, By::pair(Dimension::Donor, Dimension::Recipient));
    for f in &flows {
        by_donor.push(f);
        by_pair.push(f);
    }
    assert_eq!(
        rows(&by_donor),
        [
            "US USD 100 1 0",
            "UNICEF USD 48 2 0",
            "USAID USD 0 0 1",
            "G7 USD 1000 1 0",
            "GB-COH-213890 USD 3 1 0",
        ]
    );
    assert_eq!(
        rows(&by_pair),
        [
            "US,GT USD 100 1 0",
            "UNICEF,GT USD 42 2 0",
            "UNICEF,HN USD 6 1 0",
            "USAID,HN USD 0 0 1",
            "G7,(unnamed) USD 1000 1 0",
            "GB-COH-213890,SV USD 3 1 0",
        ]
    );
    // The same flows by recipient: the donor does not matter, and an
    // organisation's split is exact, as a country's.
    let mut by_recipient = Aggregator::new(Par, Currency::USD, Dimension::Recipient);
    for f in &flows {
        by_recipient.push(f);
    }
    assert_eq!(
        rows(&by_recipient),
        [
            "GT USD 142 3 0",
            "HN USD 6 1 1",
            "SV USD 3 1 0",
            "(unnamed) USD 1000 1 0",
        ]
    );
    let totals = by_donor.totals().unwrap();
    assert_eq!(totals.total().to_string(), "USD 1151.00");
    let key = statecraft::aggregate::GroupKey::new(KeyPart::Actor(org("XM-DAC-41122")), None);
    assert_eq!(
        totals.get(&key).map(|g| g.total().to_string()),
        Some("USD 48.00".into())
    );
}

#[test]
fn keyed_donors_merge_as_one_pass() {
    let day = d("2021-06-07");
    let flows: Vec<Transaction> = (0..12)
        .map(|i| Transaction {
            day,
            donor: match i % 3 {
                0 => Actor::Country(Country::US),
                1 => org("XM-DAC-47122"),
                _ => org(&format!("XI-TEST-{}", i % 2)),
            },
            to: split(&[(Country::GT, "33.33333333"), (Country::HN, "66.66666667")]),
            amount: usd(&format!("{}.01", i + 1)),
        })
        .collect();
    let by = By::pair(Dimension::Donor, Dimension::Recipient);
    let mut whole = Aggregator::new(Par, Currency::USD, by.clone());
    let (mut a, mut b) = (whole.fork(), whole.fork());
    for (i, f) in flows.iter().enumerate() {
        whole.push(f);
        if i % 2 == 0 {
            a.push(f)
        } else {
            b.push(f)
        }
    }
    a.merge(b).unwrap();
    assert_eq!(a.totals().unwrap().groups(), whole.totals().unwrap().groups());
    assert_eq!(a.totals().unwrap().exact_total(), whole.totals().unwrap().exact_total());
}

#[test]
fn recipients_are_keyed_as_the_areas_they_are() {
    let day = d("2021-06-07");
    let dossier = Dossier::new();
    let area = |a: Area| FlowRecipients::Area(AreaRecipient::resolve(&dossier, [a], day).unwrap().unwrap());
    // What an IATI transaction names: a DAC region, an M49 area, a country.
    let sahara = RegionCode::new("289", "1").unwrap().area().unwrap();
    let lac = RegionCode::new("419", "2").unwrap().area().unwrap();
    assert_eq!(sahara, Area::DacRegion(DacRegion::SouthOfSaharaRegional));
    let flows = [
        Transaction {
            day,
            donor: org("XM-DAC-41122"),
            to: area(sahara),
            amount: usd("5"),
        },
        Transaction {
            day,
            donor: org("XM-DAC-41122"),
            to: area(lac),
            amount: usd("7"),
        },
        Transaction {
            day,
            donor: org("XM-DAC-41122"),
            to: FlowRecipients::One(Country::GT),
            amount: usd("11"),
        },
    ];
    let mut by_recipient = Aggregator::new(Par, Currency::USD, Dimension::Recipient);
    let mut by_subregion = Aggregator::new(Par, Currency::USD, Dimension::Subregion);
    for f in &flows {
        by_recipient.push(f);
        by_subregion.push(f);
    }
    assert_eq!(
        rows(&by_recipient),
        [
            "GT USD 11 1 0",
            "Latin America and the Caribbean USD 7 1 0",
            "South of Sahara, regional USD 5 1 0",
        ]
    );
    // A DAC region has no member list: it stays its own key.
    assert_eq!(
        rows(&by_subregion),
        [
            "Latin America and the Caribbean USD 18 2 0",
            "South of Sahara, regional USD 5 1 0",
        ]
    );
    let gt = RecipientCode::Country(statecraft::iati::CountryCode::new("GT").unwrap());
    assert_eq!(gt.area(), Some(Area::Country(Country::GT)));
}

#[test]
fn a_country_in_several_areas_of_one_recipient_counts_once() {
    let dossier = Dossier::new();
    let nt = Area::Group(GroupId::new("northern-triangle").unwrap());
    let ca = Area::from(statecraft::geo::IntermediateRegion::CentralAmerica);
    let r = AreaRecipient::resolve(&dossier, [nt, ca, Area::from(Country::GT)], d("2021-06-07"))
        .unwrap()
        .unwrap();
    assert_eq!(r.countries().len(), 8, "{:?}", r.countries());
    assert_eq!(r.countries().iter().filter(|c| **c == Country::GT).count(), 1);
}

#[test]
fn groups_are_taken_on_each_records_date() {
    let eu = CountryGroup::find("eu").unwrap().clone();
    let by = Dimension::group(&[eu]);
    let mut agg = Aggregator::new(Par, Currency::USD, by);
    let flow = |day: &str, to: Country, amount: &str| Transaction {
        day: d(day),
        donor: Actor::Country(Country::US),
        to: FlowRecipients::One(to),
        amount: usd(amount),
    };
    for f in [
        flow("2019-06-01", Country::GB, "1"),
        flow("2020-01-31", Country::GB, "2"),
        flow("2020-02-01", Country::GB, "4"),
        flow("2013-06-30", Country::HR, "8"),
        flow("2013-07-01", Country::HR, "16"),
        flow("1990-01-01", Country::FR, "32"),
        flow("1990-01-01", Country::US, "64"),
    ] {
        agg.push(&f);
    }
    let totals = agg.totals().unwrap();
    let rows: Vec<String> = totals
        .groups()
        .iter()
        .map(|g| format!("{} {}", g.key(), g.exact()))
        .collect();
    assert_eq!(rows, ["European Union USD 19", "(ungrouped) USD 12"]);
    assert_eq!(totals.rejected(), 2);
    let reasons: Vec<String> = totals.rejections().iter().map(ToString::to_string).collect();
    assert_eq!(
        reasons,
        [
            "line 6: the group of FR cannot be told: 1990-01-01 is before the recorded history of group `eu` (from 1993-11-01)",
            "line 7: the group of US cannot be told: 1990-01-01 is before the recorded history of group `eu` (from 1993-11-01)",
        ]
    );
    assert!(matches!(
        totals.rejections()[0].reason(),
        RejectReason::GroupNotKnown {
            country: Country::FR,
            ..
        }
    ));
}

#[test]
fn the_first_group_that_holds_a_country_wins_whatever_later_ones_knew() {
    // The Northern Triangle has no recorded start; SICA's starts in 2013.
    // Guatemala is in the first whatever the date; France's group in 2010
    // cannot be told, since SICA's members then are not recorded.
    let by = Dimension::group(CountryGroup::builtin());
    let mut agg = Aggregator::new(Par, Currency::USD, by);
    for (to, day) in [
        (Country::GT, "2010-01-01"),
        (Country::FR, "2010-01-01"),
        (Country::FR, "2014-01-01"),
    ] {
        agg.push(&Transaction {
            day: d(day),
            donor: Actor::Country(Country::US),
            to: FlowRecipients::One(to),
            amount: usd("1"),
        });
    }
    let totals = agg.totals().unwrap();
    let rows: Vec<String> = totals
        .groups()
        .iter()
        .map(|g| format!("{} {}", g.key(), g.exact()))
        .collect();
    assert_eq!(rows, ["G7 USD 1", "Northern Triangle USD 1"]);
    assert_eq!(totals.rejected(), 1);
}

#[test]
fn organisation_ids_resolve_through_the_dossier_first() {
    let mine =
        statecraft::org::Organisation::new("unicef", "Our UNICEF", statecraft::org::OrganisationKind::Ngo).unwrap();
    let dossier = Dossier::new().with(mine);
    let unicef = Actor::Organisation(OrganisationId::new("unicef").unwrap());
    assert_eq!(dossier.actor_name(&unicef), "Our UNICEF");
    assert_eq!(Dossier::new().actor_name(&unicef), "UNICEF");
    assert_eq!(KeyPart::Actor(unicef).name_in(&dossier), "Our UNICEF");
}

#[test]
fn doses_to_areas_are_counted_as_the_areas_they_are() {
    let json = r#"{"format": "statecraft-dossier/2",
      "sources": [{"id": "s", "title": "S", "published": "2021-06-07"}],
      "areas": [{"id": "south-asia", "name": "South and Southeast Asia", "members": ["BD", "IN", "NP"]}],
      "vaccine_pledges": [
        {"id": "us", "donor": "US", "doses": 25000000, "announced": "2021-06-03", "source": "s"},
        {"id": "covax", "donor": {"organisation": "covax"}, "doses": 1000000, "announced": "2021-06-03", "source": "s"}],
      "vaccine_allocations": [
        {"id": "asia", "pledge": "us", "recipient": {"declared": "south-asia"}, "doses": 7000000, "stage": "announced", "source": "s"},
        {"id": "africa", "pledge": "us", "recipient": {"m49": "Africa"}, "doses": 5000000, "stage": "announced", "source": "s"},
        {"id": "gt", "pledge": "us", "recipient": "GT", "doses": 500000, "stage": "announced", "source": "s"},
        {"id": "hn", "pledge": "covax", "recipient": "HN", "doses": 1000, "stage": "delivered", "source": "s"}]}"#;
    let dossier = Dossier::from_json_str(json).unwrap();
    let count = |by: By| -> Vec<String> {
        statecraft::DoseTotals::of(&dossier, by)
            .unwrap()
            .groups()
            .iter()
            .map(|g| format!("{} {}", g.key().first().name_in(&dossier), g.doses()))
            .collect()
    };
    assert_eq!(
        count(Dimension::Recipient.into()),
        [
            "Guatemala 500000",
            "Honduras 1000",
            "Africa 5000000",
            "South and Southeast Asia 7000000"
        ]
    );
    assert_eq!(count(Dimension::Donor.into()), ["United States 12500000", "COVAX 1000"]);
    // The declared area's countries share no sub-region with Africa's; by
    // sub-region South Asia is one key (its countries share "Southern
    // Asia"), Africa its own (its countries do not share one).
    assert_eq!(
        count(Dimension::Subregion.into()),
        [
            "Latin America and the Caribbean 501000",
            "Southern Asia 7000000",
            "Africa 5000000"
        ]
    );
}

#[test]
fn doses_before_a_groups_history_are_rejected_not_guessed() {
    let json = r#"{"format": "statecraft-dossier/2",
      "sources": [{"id": "s", "title": "S", "published": "2021-06-07"}],
      "vaccine_pledges": [
        {"id": "us", "donor": "US", "doses": 25000000, "announced": "2021-06-03", "source": "s"}],
      "vaccine_allocations": [
        {"id": "eu-early", "pledge": "us", "recipient": {"group": "eu"}, "doses": 7, "stage": "announced", "date": "1990-01-01", "source": "s"},
        {"id": "fr-early", "pledge": "us", "recipient": "FR", "doses": 5, "stage": "announced", "date": "1990-01-01", "source": "s"},
        {"id": "eu", "pledge": "us", "recipient": {"group": "eu"}, "doses": 3, "stage": "announced", "date": "2021-06-10", "source": "s"}]}"#;
    let dossier = Dossier::from_json_str(json).unwrap();
    let eu = CountryGroup::find("eu").unwrap().clone();
    let totals = statecraft::DoseTotals::of(&dossier, By::from(Dimension::group(&[eu]))).unwrap();
    let rows: Vec<String> = totals
        .groups()
        .iter()
        .map(|g| format!("{} {}", g.key().first().name_in(&dossier), g.doses()))
        .collect();
    assert_eq!(rows, ["European Union 3"]);
    let reasons: Vec<String> = totals.rejections().iter().map(ToString::to_string).collect();
    assert_eq!(
        reasons,
        [
            "/vaccine_allocations/0/recipient: allocation `eu-early`: 1990-01-01 is before the recorded history of group `eu` (from 1993-11-01)",
            "/vaccine_allocations/1/recipient: the group of FR cannot be told: 1990-01-01 is before the recorded history of group `eu` (from 1993-11-01)",
        ]
    );
    assert!(matches!(
        totals.rejections()[0].reason(),
        RejectReason::AreaNotKnown { allocation, source } if allocation.as_str() == "eu-early" && source.group() == "eu"
    ));
}
