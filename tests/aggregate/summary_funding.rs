//! Funding totals of hand-built dossiers: splits, group keys, stages,
//! undisclosed amounts, and rejections that name their place.

use statecraft::aggregate::{By, GroupKey, KeyPart};
use statecraft::fx::{FxError, Rate, RateSource, Series};
use statecraft::geo::IntermediateRegion;
use statecraft::model::{FundingRecipient, GroupId, OrganisationId, Receiver, Share};
use statecraft::money::ExactSum;
use statecraft::org::{OrgRef, Organisation, OrganisationKind};
use statecraft::summary::{FundingFlow, FundingTotals};
use statecraft::{
    Actor, Aggregator, Area, Country, CountryGroup, Currency, Decimal, Dimension, Dossier, Funding, FundingStage,
    FundingSummary, Money, NaiveDate,
};

/// One pound is 1.25 dollars and one euro 1.2, every day; no rate for ISK.
struct Fixed;

impl RateSource for Fixed {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        let per_usd = |c: Currency| match c {
            Currency::USD => Ok(Decimal::ONE),
            Currency::GBP => Ok(Decimal::new(125, 2)),
            Currency::EUR => Ok(Decimal::new(12, 1)),
            other => Err(FxError::NotQuoted {
                series: Series::Currency(other),
                date: on,
                provider: "fixed".into(),
            }),
        };
        let value = per_usd(from)?
            .checked_div(per_usd(to)?)
            .ok_or(FxError::Overflow { what: "rate".into() })?;
        Rate::new(from, to, value, on, "fixed")
    }
}

fn group(id: &str) -> Area {
    Area::Group(GroupId::new(id).unwrap())
}

/// A funding entry: recipients with optional shares, an optional amount,
/// an optional value date.
fn funding(
    id: &str,
    stage: FundingStage,
    recipients: &[(Area, Option<&str>)],
    amount: Option<&str>,
    date: Option<&str>,
) -> Funding {
    let mut f = Funding::new(id.parse().unwrap(), Country::US, stage, "src".parse().unwrap());
    for (area, share) in recipients {
        let mut r = FundingRecipient::new(area.clone());
        if let Some(s) = share {
            r = r.with_share(s.parse::<Share>().unwrap());
        }
        f = f.with_recipient(r);
    }
    if let Some(a) = amount {
        f = f.with_amount(a.parse().unwrap());
    }
    if let Some(d) = date {
        f = f.with_value_date(d.parse().unwrap());
    }
    f
}

fn dossier(entries: impl IntoIterator<Item = Funding>) -> Dossier {
    let mut d = Dossier::new()
        .with(
            CountryGroup::new(
                "northern-triangle",
                "Northern Triangle",
                [Country::GT, Country::HN, Country::SV],
            )
            .unwrap(),
        )
        .with(CountryGroup::new("ca4", "CA-4", [Country::GT, Country::HN, Country::SV, Country::NI]).unwrap());
    for f in entries {
        d.add(f);
    }
    d
}

fn usd(d: &Dossier, by: impl Into<By>) -> FundingTotals {
    FundingSummary::new(Fixed, Currency::USD, by).of(d).unwrap()
}

/// `key exact-total rounded-total records+undisclosed` per group.
fn rows(t: &FundingTotals) -> Vec<String> {
    t.groups()
        .iter()
        .map(|g| format!("{} {} {}+{}", g.key(), g.total(), g.records(), g.undisclosed()))
        .collect()
}

fn exact_sum_of_groups(t: &FundingTotals) -> ExactSum {
    t.groups()
        .iter()
        .try_fold(ExactSum::zero(t.totals().currency()), |s, g| s.checked_add(g.exact()))
        .unwrap()
}

const DAY: Option<&str> = Some("2021-06-07");

#[test]
fn shares_summing_to_99_995_are_apportioned_exactly() {
    let d = dossier([funding(
        "split",
        FundingStage::Committed,
        &[(Country::GT.into(), Some("50")), (Country::HN.into(), Some("49.995"))],
        Some("USD 100000000"),
        DAY,
    )]);
    let t = usd(&d, Dimension::Recipient);
    // 100m × 50 / 99.995 and 100m × 49.995 / 99.995, not 50m and 49.995m.
    assert_eq!(rows(&t), ["GT USD 50002500.13 1+0", "HN USD 49997499.87 1+0"]);
    assert_eq!(exact_sum_of_groups(&t), t.totals().exact_total());
    assert_eq!(t.totals().exact_total().to_string(), "USD 100000000");
    let gt = t.get(&GroupKey::new(KeyPart::Country(Country::GT), None)).unwrap();
    assert!(gt
        .exact()
        .to_string()
        .starts_with("USD 50002500.1250062503125156257812890644532226"));
}

#[test]
fn shares_to_groups_and_countries_are_converted_then_apportioned() {
    let d = dossier([funding(
        "mixed",
        FundingStage::Pledged,
        &[
            (group("northern-triangle"), Some("60")),
            (Country::MX.into(), Some("40")),
        ],
        Some("GBP 10m"),
        DAY,
    )]);
    let t = usd(&d, Dimension::Recipient);
    assert_eq!(
        rows(&t),
        ["MX USD 5000000.00 1+0", "Northern Triangle USD 7500000.00 1+0"]
    );
    // By M49 area the two parts meet again: every country of the
    // Northern Triangle, and Mexico, lies in Central America, and in Latin
    // America and the Caribbean.
    assert_eq!(
        rows(&usd(&d, Dimension::IntermediateRegion)),
        ["Central America USD 12500000.00 1+0"]
    );
    assert_eq!(
        rows(&usd(&d, Dimension::Subregion)),
        ["Latin America and the Caribbean USD 12500000.00 1+0"]
    );
}

#[test]
fn group_keys_follow_the_documented_rule() {
    let d = dossier([
        // A country in two of the dossier's groups counts in the first listed.
        funding(
            "gt",
            FundingStage::Committed,
            &[(Country::GT.into(), None)],
            Some("USD 1"),
            DAY,
        ),
        // A country in the second group only.
        funding(
            "ni",
            FundingStage::Committed,
            &[(Country::NI.into(), None)],
            Some("USD 2"),
            DAY,
        ),
        // A group named as recipient is keyed by its own name, overlap or not.
        funding(
            "ca4",
            FundingStage::Committed,
            &[(group("ca4"), None)],
            Some("USD 4"),
            DAY,
        ),
        // A built-in group the dossier does not define, by its name.
        funding(
            "sica",
            FundingStage::Committed,
            &[(group("sica"), None)],
            Some("USD 8"),
            DAY,
        ),
        // Several countries without shares: the group they all fall in.
        funding(
            "gt-hn",
            FundingStage::Committed,
            &[(Country::GT.into(), None), (Country::HN.into(), None)],
            Some("USD 16"),
            DAY,
        ),
        // Several that share no group: the list as it stands.
        funding(
            "gt-ni",
            FundingStage::Committed,
            &[(Country::GT.into(), None), (Country::NI.into(), None)],
            Some("USD 32"),
            DAY,
        ),
        funding(
            "world",
            FundingStage::Committed,
            &[(Area::World, None)],
            Some("USD 64"),
            DAY,
        ),
        funding(
            "fr",
            FundingStage::Committed,
            &[(Country::FR.into(), None)],
            Some("USD 128"),
            DAY,
        ),
        funding("none", FundingStage::Committed, &[], Some("USD 256"), DAY),
    ]);
    let by_group = usd(&d, Dimension::group(d.groups()));
    assert_eq!(
        rows(&by_group),
        [
            "CA-4 USD 6.00 2+0",
            "Central American Integration System USD 8.00 1+0",
            "Northern Triangle USD 17.00 2+0",
            "(ungrouped) USD 128.00 1+0",
            "the world USD 64.00 1+0",
            "GT + NI USD 32.00 1+0",
            "(unnamed) USD 256.00 1+0",
        ]
    );
    assert_eq!(by_group.total().to_string(), "USD 511.00");
    assert_eq!(exact_sum_of_groups(&by_group), by_group.totals().exact_total());

    let by_recipient = usd(&d, Dimension::Recipient);
    assert_eq!(
        rows(&by_recipient),
        [
            "FR USD 128.00 1+0",
            "GT USD 1.00 1+0",
            "NI USD 2.00 1+0",
            "ca4 USD 4.00 1+0",
            "Central American Integration System USD 8.00 1+0",
            "the world USD 64.00 1+0",
            "GT + HN USD 16.00 1+0",
            "GT + NI USD 32.00 1+0",
            "(unnamed) USD 256.00 1+0",
        ]
    );
    let ca4 = GroupKey::new(KeyPart::Area(group("ca4")), None);
    assert_eq!(
        by_recipient.get(&ca4).map(|g| g.total().to_string()),
        Some("USD 4.00".into())
    );
    let pair = GroupKey::new(
        KeyPart::Areas(vec![Country::GT.into(), Country::HN.into()].into()),
        None,
    );
    assert!(by_recipient.get(&pair).is_some());
}

/// A funding entry to `recipients`: areas and organisations, with
/// optional shares.
fn funding_to(id: &str, recipients: &[(Receiver, Option<&str>)], amount: &str) -> Funding {
    let mut f = Funding::new(
        id.parse().unwrap(),
        Country::US,
        FundingStage::Pledged,
        "src".parse().unwrap(),
    )
    .with_amount(amount.parse().unwrap())
    .with_value_date(DAY.unwrap().parse().unwrap());
    for (to, share) in recipients {
        let mut r = FundingRecipient::from(to.clone());
        if let Some(s) = share {
            r = r.with_share(s.parse::<Share>().unwrap());
        }
        f = f.with_recipient(r);
    }
    f
}

#[test]
fn an_organisation_is_a_recipient_of_its_own_by_every_recipient_dimension() {
    let org = |id: &str| Receiver::from(OrganisationId::new(id).unwrap());
    let own = Organisation::new("vaccine-fund", "A Vaccine Fund", OrganisationKind::Ngo).unwrap();
    let iati = Receiver::from(OrgRef::new("XM-DAC-99999").unwrap());
    let d = dossier([
        funding_to("gavi", &[(org("gavi"), None)], "USD 1"),
        funding_to("gavi-again", &[(org("gavi"), None)], "USD 2"),
        funding_to("own", &[(org("vaccine-fund"), None)], "USD 4"),
        funding_to("iati", &[(iati, None)], "USD 8"),
        // Named together without shares: the list as it stands, never the
        // country's area.
        funding_to(
            "gt-and-unicef",
            &[(Country::GT.into(), None), (org("unicef"), None)],
            "USD 16",
        ),
        // By shares: each part where its recipient is.
        funding_to(
            "split",
            &[(Country::GT.into(), Some("75")), (org("unicef"), Some("25"))],
            "USD 32",
        ),
        funding_to("gt", &[(Country::GT.into(), None)], "USD 64"),
    ])
    .with(own);
    let by_recipient = usd(&d, Dimension::Recipient);
    assert_eq!(
        rows(&by_recipient),
        [
            "GT USD 88.00 2+0",
            "Gavi USD 3.00 2+0",
            "UNICEF USD 8.00 1+0",
            "vaccine-fund USD 4.00 1+0",
            "XM-DAC-99999 USD 8.00 1+0",
            "GT + UNICEF USD 16.00 1+0",
        ]
    );
    let gavi = GroupKey::new(
        KeyPart::Actor(Actor::Organisation(OrganisationId::new("gavi").unwrap())),
        None,
    );
    assert_eq!(
        by_recipient.get(&gavi).map(|g| g.total().to_string()),
        Some("USD 3.00".into())
    );
    // Read with the dossier's names: its own organisation by its name.
    let names: Vec<String> = by_recipient
        .groups()
        .iter()
        .map(|g| g.key().first().name_in(&d))
        .collect();
    assert_eq!(
        names,
        [
            "Guatemala",
            "Gavi",
            "UNICEF",
            "A Vaccine Fund",
            "XM-DAC-99999",
            "Guatemala + UNICEF"
        ]
    );
    // By region and by group an organisation is in no area: its own key,
    // as a DAC region is; never the area of a country named beside it,
    // never ungrouped, never dropped.
    let organisations = [
        "Gavi USD 3.00 2+0",
        "UNICEF USD 8.00 1+0",
        "vaccine-fund USD 4.00 1+0",
        "XM-DAC-99999 USD 8.00 1+0",
    ];
    let by_region = usd(&d, Dimension::Region);
    assert_eq!(rows(&by_region)[..4], organisations);
    assert_eq!(
        rows(&by_region)[4..],
        ["Americas USD 88.00 2+0", "GT + UNICEF USD 16.00 1+0"]
    );
    let by_group = usd(&d, Dimension::group(d.groups()));
    assert_eq!(rows(&by_group)[..4], organisations);
    assert_eq!(
        rows(&by_group)[4..],
        ["Northern Triangle USD 88.00 2+0", "GT + UNICEF USD 16.00 1+0"]
    );
    for t in [&by_recipient, &by_region, &by_group] {
        assert_eq!(t.total().to_string(), "USD 127.00");
        assert_eq!(exact_sum_of_groups(t), t.totals().exact_total());
        assert!(t.rejections().is_empty());
    }
    // A missing share names the organisation.
    let d = dossier([funding_to(
        "half",
        &[(Country::GT.into(), Some("50")), (org("unicef"), None)],
        "USD 1",
    )]);
    let t = usd(&d, Dimension::Recipient);
    assert_eq!(
        t.rejections().iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["/funding/0/recipients/1: recipient UNICEF of funding `half` has no share, while other recipients have one"]
    );
}

#[test]
fn stages_and_pairs_of_dimensions() {
    let d = dossier([
        funding(
            "a",
            FundingStage::Pledged,
            &[(group("northern-triangle"), None)],
            Some("USD 100"),
            Some("2020-12-31"),
        ),
        funding(
            "b",
            FundingStage::Disbursed,
            &[(group("northern-triangle"), None)],
            Some("EUR 50"),
            DAY,
        ),
        funding(
            "c",
            FundingStage::Reduced,
            &[(Country::GT.into(), None)],
            Some("USD -20"),
            DAY,
        ),
        funding(
            "d",
            FundingStage::Disbursed,
            &[(Country::GT.into(), None)],
            Some("GBP 8"),
            DAY,
        ),
    ]);
    assert_eq!(
        rows(&usd(&d, Dimension::Stage)),
        [
            "pledged USD 100.00 1+0",
            "disbursed USD 70.00 2+0",
            "reduced USD -20.00 1+0"
        ]
    );
    assert_eq!(
        rows(&usd(&d, By::pair(Dimension::Stage, Dimension::Recipient))),
        [
            "pledged,Northern Triangle USD 100.00 1+0",
            "disbursed,GT USD 10.00 1+0",
            "disbursed,Northern Triangle USD 60.00 1+0",
            "reduced,GT USD -20.00 1+0",
        ]
    );
    assert_eq!(
        rows(&usd(&d, By::pair(Dimension::Year, Dimension::group(d.groups())))),
        [
            "2020,Northern Triangle USD 100.00 1+0",
            "2021,Northern Triangle USD 50.00 3+0", // 60 - 20 + 10
        ]
    );
}

#[test]
fn undisclosed_amounts_are_counted_in_their_groups_never_summed() {
    let d = dossier([
        funding(
            "a",
            FundingStage::Proposed,
            &[(group("northern-triangle"), None)],
            None,
            None,
        ),
        funding(
            "b",
            FundingStage::Proposed,
            &[(group("northern-triangle"), None)],
            None,
            DAY,
        ),
        funding(
            "c",
            FundingStage::Proposed,
            &[
                (group("northern-triangle"), Some("50")),
                (Country::GT.into(), Some("50")),
            ],
            None,
            DAY,
        ),
        funding(
            "d",
            FundingStage::Committed,
            &[(Country::GT.into(), None)],
            Some("USD 5"),
            DAY,
        ),
    ]);
    let t = usd(&d, Dimension::Recipient);
    assert_eq!(rows(&t), ["GT USD 5.00 1+1", "Northern Triangle USD 0.00 0+3"]);
    let c = t.totals();
    assert_eq!((c.read(), c.aggregated(), c.undisclosed(), c.rejected()), (4, 1, 3, 0));
    // A split counts once in each group it reaches, but once in all.
    assert_eq!(
        rows(&usd(&d, Dimension::group(d.groups()))),
        ["Northern Triangle USD 5.00 1+3"]
    );
}

#[test]
fn rejections_name_their_place_and_reason() {
    let d = dossier([
        funding(
            "fine",
            FundingStage::Committed,
            &[(Country::GT.into(), None)],
            Some("USD 1"),
            DAY,
        ),
        funding(
            "krona",
            FundingStage::Committed,
            &[(Country::GT.into(), None)],
            Some("ISK 1000"),
            DAY,
        ),
        funding(
            "undated",
            FundingStage::Committed,
            &[(Country::GT.into(), None)],
            Some("USD 2"),
            None,
        ),
        funding(
            "half-shared",
            FundingStage::Committed,
            &[(group("northern-triangle"), Some("60")), (Country::MX.into(), None)],
            Some("USD 3"),
            DAY,
        ),
        funding(
            "ninety",
            FundingStage::Committed,
            &[(Country::GT.into(), Some("60")), (Country::HN.into(), Some("30"))],
            Some("USD 4"),
            DAY,
        ),
        funding(
            "twice",
            FundingStage::Committed,
            &[(Country::GT.into(), Some("50")), (Country::GT.into(), Some("50"))],
            Some("USD 5"),
            DAY,
        ),
        funding(
            "precise",
            FundingStage::Committed,
            &[
                (Country::GT.into(), Some("33.333333333")),
                (Country::HN.into(), Some("66.666666667")),
            ],
            Some("USD 6"),
            DAY,
        ),
    ]);
    let t = usd(&d, Dimension::Recipient);
    let got: Vec<String> = t.rejections().iter().map(ToString::to_string).collect();
    assert_eq!(
        got,
        [
            "/funding/1: no fixed rate for ISK on 2021-06-07: ISK is not quoted",
            "/funding/2: funding `undated` has neither a value date nor an announcement date",
            "/funding/3/recipients/1: recipient Mexico of funding `half-shared` has no share, while other recipients have one",
            "/funding/4/recipients: the recipients of funding `ninety`: split shares sum to 90%, not 100% (within 0.01)",
            "/funding/5/recipients: the recipients of funding `twice`: GT appears twice in the split",
            "/funding/6/recipients: the recipients of funding `precise`: share of GT is 33.333333333%, more than 8 decimal places",
        ]
    );
    assert_eq!(t.rejections()[1].path().to_string(), "/funding/2");
    assert_eq!(rows(&t), ["GT USD 1.00 1+0"]);
    let c = t.totals();
    assert_eq!((c.read(), c.aggregated(), c.undisclosed(), c.rejected()), (7, 1, 0, 6));

    // With a fixed date, the undated entry converts at it.
    let at = FundingSummary::new(Fixed, Currency::USD, Dimension::Recipient)
        .at("2021-06-07".parse().unwrap())
        .of(&d)
        .unwrap();
    assert_eq!(rows(&at), ["GT USD 3.00 2+0"]);
    assert_eq!(at.rejections().len(), 5);
}

#[cfg(feature = "ecb-snapshot")]
#[test]
fn a_rate_source_that_refuses_names_its_reason() {
    let d = dossier([funding(
        "krona",
        FundingStage::Committed,
        &[(Country::IS.into(), None)],
        Some("ISK 1000"),
        Some("2012-05-02"),
    )]);
    let t = FundingSummary::new(
        statecraft::fx::EcbRates::embedded(),
        Currency::USD,
        Dimension::Recipient,
    )
    .of(&d)
    .unwrap();
    assert_eq!(
        t.rejections()[0].to_string(),
        "/funding/0: no ECB rate for ISK on 2012-05-02: the latest, of 2008-12-09, is 1240 days old (at most 7 allowed)"
    );
}

#[test]
fn a_funding_flow_joins_records_in_any_aggregator() {
    use statecraft::records::FundingRecord;
    let d = dossier([funding(
        "to-nt",
        FundingStage::Committed,
        &[(group("northern-triangle"), None)],
        Some("GBP 100"),
        DAY,
    )]);
    let mut agg = Aggregator::new(Fixed, Currency::USD, Dimension::group(d.groups()));
    agg.push(&FundingFlow::new(&d, &d.funding()[0]).unwrap());
    let day: NaiveDate = "2021-06-07".parse().unwrap();
    let amount: Money = "USD 1".parse().unwrap();
    agg.push(&FundingRecord::new(
        "r1".parse().unwrap(),
        day,
        Country::US,
        Country::SV,
        FundingStage::Committed,
        Some(amount),
    ));
    let totals = agg.totals().unwrap();
    let nt = GroupKey::new(KeyPart::Group("Northern Triangle".into()), None);
    assert_eq!(
        totals.get(&nt).map(|g| (g.total().to_string(), g.records())),
        Some(("USD 126.00".into(), 2))
    );
    // By M49 area, M49 has no Northern Triangle: Central America holds it.
    let mut by_subregion = Aggregator::new(Fixed, Currency::USD, Dimension::IntermediateRegion);
    by_subregion.push(&FundingFlow::new(&d, &d.funding()[0]).unwrap());
    let ca = GroupKey::new(KeyPart::M49(IntermediateRegion::CentralAmerica.into()), None);
    assert_eq!(
        by_subregion.totals().unwrap().get(&ca).map(|g| g.total().to_string()),
        Some("USD 125.00".into())
    );
}
