//! Pledges divided into tranches, and pledges part of larger ones: each
//! level of the tree summed once, approximate figures carried as bounds,
//! the whole consistent by validation, and funding totals with the bounds
//! of approximate amounts.
//!
//! The dossier is shaped like the US's sharing of its first 25 million
//! doses (2021-06-03); the allocations in it are made up for the test.

use statecraft::aggregate::{GroupKey, KeyPart};
use statecraft::fx::RateTable;
use statecraft::model::{DoseChannel, DoseStage, PledgeId, TrancheId};
use statecraft::summary::Remainder;
use statecraft::{Country, Currency, Dimension, DoseTotals, Dossier, FundingSummary, PledgeSummary};

const DOSSIER: &str = r#"{
  "format": "statecraft-dossier/1",
  "sources": [{"id": "wh", "title": "A fact sheet", "published": "2021-06-03"}],
  "vaccine_pledges": [
    {"id": "us-80m", "donor": "US", "doses": "at least 80,000,000", "announced": "2021-06-03", "source": "wh"},
    {
      "id": "us-25m",
      "donor": "US",
      "doses": 25000000,
      "part_of": "us-80m",
      "tranches": [
        {
          "id": "covax",
          "channel": "covax",
          "doses": "about 19,000,000",
          "share": "75",
          "tranches": [
            {"id": "covax-americas", "recipient": {"m49": "419"}, "doses": "about 6,000,000"},
            {"id": "covax-asia", "recipient": {"m49": "142"}, "doses": "about 7,000,000"},
            {"id": "covax-africa", "recipient": {"m49": "002"}, "doses": "about 5,000,000"}
          ]
        },
        {
          "id": "direct",
          "channel": "bilateral",
          "share": "25",
          "tranches": [
            {"id": "direct-mx", "recipient": {"country": "MX"}},
            {"id": "direct-ca", "recipient": {"country": "CA"}}
          ]
        }
      ],
      "announced": "2021-06-03",
      "source": "wh"
    }
  ],
  "vaccine_allocations": [
    {"id": "mx", "pledge": "us-25m", "tranche": "direct-mx", "recipient": "MX", "doses": 1000000, "stage": "delivered", "source": "wh"},
    {"id": "ca", "pledge": "us-25m", "tranche": "direct-ca", "recipient": "CA", "doses": "about 1,000,000", "stage": "announced", "source": "wh"},
    {"id": "gt", "pledge": "us-25m", "tranche": "covax-americas", "recipient": "GT", "doses": "just over 500,000", "stage": "announced", "source": "wh"},
    {"id": "hn", "pledge": "us-25m", "tranche": "covax-americas", "recipient": "HN", "doses": "between 100,000 and 200,000", "stage": "donated", "source": "wh"}
  ],
  "funding": [
    {"id": "gavi", "donor": "US", "stage": "pledged", "recipients": [{"area": "world"}],
     "amount": {"amount": "4000000000", "currency": "USD", "qualifier": "about"}, "announced": "2021-02-19", "source": "wh"},
    {"id": "range", "donor": "GB", "stage": "pledged", "recipients": [{"area": "world"}],
     "amount": {"between": ["3000000000", "4000000000"], "currency": "USD"}, "announced": "2021-06-03", "source": "wh"},
    {"id": "open", "donor": "DE", "stage": "pledged", "recipients": [{"area": {"country": "GT"}}],
     "amount": {"amount": "1000000", "currency": "USD", "qualifier": "more-than"}, "announced": "2021-06-03", "source": "wh"}
  ]
}"#;

fn dossier() -> Dossier {
    Dossier::from_json_str(DOSSIER).unwrap()
}

#[test]
fn the_dossier_is_consistent_and_round_trips() {
    let d = dossier();
    let report = d.validate(&RateTable::new());
    assert!(report.is_empty(), "{report}");
    let back = Dossier::from_json_str(&d.to_json_string().unwrap()).unwrap();
    assert_eq!(back, d);
    let (pledge, tranche) = d.tranche(&TrancheId::new("covax-asia").unwrap()).unwrap();
    assert_eq!(pledge.id().as_str(), "us-25m");
    assert_eq!(tranche.doses().map(|c| c.to_string()), Some("about 7,000,000".into()));
    let whole = PledgeId::new("us-80m").unwrap();
    let parts: Vec<&str> = d.parts_of(&whole).map(|p| p.id().as_str()).collect();
    assert_eq!(parts, ["us-25m"]);
}

#[test]
fn every_level_is_summed_once_with_its_bounds() {
    let d = dossier();
    let all = PledgeSummary::all(&d).unwrap();
    let [whole, first] = &all[..] else {
        panic!("two pledges")
    };

    // The 25m: every allocation, once; the figures as stated, and bounds.
    assert_eq!(
        (first.pledged(), first.allocated(), first.allocations()),
        (25_000_000, 2_600_000, 4)
    );
    assert_eq!(
        first.allocated_bounds().to_string(),
        "more than 2,550,000 and up to 2,800,000"
    );
    assert_eq!(first.remainder(), Remainder::Unallocated(22_400_000));
    assert_eq!(
        first.unallocated().to_string(),
        "at least 22,200,000 and fewer than 22,450,000"
    );
    assert_eq!(first.allocated_at(DoseStage::Delivered), 1_000_000);
    assert_eq!(
        first.allocated_bounds_at(DoseStage::Donated).to_string(),
        "between 100,000 and 200,000"
    );

    // The 80m holds the 25m's allocations too.
    assert_eq!((whole.allocated(), whole.allocations()), (2_600_000, 4));
    assert_eq!(whole.allocated_bounds(), first.allocated_bounds());
    assert_eq!(whole.unallocated().to_string(), "at least 77,200,000");
    // Each dose pledged once: the 25m is within the 80m.
    assert_eq!(PledgeSummary::total_pledged(&all).to_string(), "at least 80,000,000");
    assert_eq!(PledgeSummary::total_pledged(&all[1..]).to_string(), "25,000,000");

    let rows: Vec<String> = first
        .tranches()
        .iter()
        .map(|t| {
            let name = t.tranche().id().as_str();
            let pledged = t.pledged_bounds().map_or("not given".into(), |b| b.to_string());
            let left = t.unallocated().map_or("?".into(), |b| b.to_string());
            format!(
                "{name}: {pledged}; allocated {} ({}); left {left}",
                t.allocated(),
                t.allocated_bounds()
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            "covax: between 18,500,000 and 19,500,000; allocated 600000 (more than 600,000 and up to 750,000); \
             left at least 17,750,000 and fewer than 18,900,000",
            "covax-americas: between 5,500,000 and 6,500,000; allocated 600000 (more than 600,000 and up to \
             750,000); left at least 4,750,000 and fewer than 5,900,000",
            "covax-asia: between 6,500,000 and 7,500,000; allocated 0 (0); left between 6,500,000 and 7,500,000",
            "covax-africa: between 4,500,000 and 5,500,000; allocated 0 (0); left between 4,500,000 and 5,500,000",
            "direct: 6,250,000; allocated 2000000 (between 1,950,000 and 2,050,000); left between 4,200,000 and \
             4,300,000",
            "direct-mx: not given; allocated 1000000 (1,000,000); left ?",
            "direct-ca: not given; allocated 1000000 (between 950,000 and 1,050,000); left ?",
        ]
    );
    let tranches = first.tranches();
    assert_eq!(tranches[0].tranche().channel(), Some(DoseChannel::Covax));
    assert_eq!(tranches[1].parent(), Some(0));
    assert_eq!(tranches[4].parent(), None);
    assert_eq!(
        tranches[2].path().to_pointer(),
        "/vaccine_pledges/1/tranches/0/tranches/1"
    );
}

#[test]
fn dose_totals_carry_bounds_by_recipient() {
    let d = dossier();
    let t = DoseTotals::of(&d, Dimension::Recipient).unwrap();
    let rows: Vec<String> = t
        .groups()
        .iter()
        .map(|g| format!("{} {} {}", g.key(), g.doses(), g.bounds()))
        .collect();
    assert_eq!(
        rows,
        [
            "CA 1000000 between 950,000 and 1,050,000",
            "GT 500000 more than 500,000 and up to 550,000",
            "HN 100000 between 100,000 and 200,000",
            "MX 1000000 1,000,000",
        ]
    );
    assert_eq!(t.total(), 2_600_000);
    assert_eq!(t.total_bounds().to_string(), "more than 2,550,000 and up to 2,800,000");
}

#[test]
fn funding_totals_carry_the_bounds_of_approximate_amounts() {
    let d = dossier();
    let t = FundingSummary::new(RateTable::new(), Currency::USD, Dimension::Recipient)
        .of(&d)
        .unwrap();
    let world = GroupKey::new(KeyPart::Area(statecraft::Area::World), None);
    let gt = GroupKey::new(KeyPart::Country(Country::GT), None);
    // Stated: about $4bn and $3-4bn (its first number); bounds: 3.5 to 4.5
    // and 3 to 4 billion.
    assert_eq!(t.get(&world).map(|g| g.total().to_compact()), Some("$7bn".into()));
    assert_eq!(
        t.bounds(&world).map(|b| b.to_compact()),
        Some("between $6.5bn and $8.5bn".into())
    );
    assert_eq!(t.bounds(&gt).map(|b| b.to_compact()), Some("at least $1m".into()));
    assert_eq!(t.total_bounds().to_compact(), "at least $6.501bn");
    // Exact amounts keep exact bounds.
    let json = DOSSIER
        .replace(r#", "qualifier": "about""#, "")
        .replace(r#", "qualifier": "more-than""#, "")
        .replace(
            r#""between": ["3000000000", "4000000000"]"#,
            r#""amount": "3000000000""#,
        );
    let exact = FundingSummary::new(RateTable::new(), Currency::USD, Dimension::Recipient)
        .of(&Dossier::from_json_str(&json).unwrap())
        .unwrap();
    assert_eq!(
        exact.bounds(&world).and_then(|b| b.as_exact()).map(|m| m.to_compact()),
        Some("$7bn".into())
    );
    assert_eq!(exact.total_bounds().as_exact(), Some(exact.total()));
}

#[test]
fn an_approximate_amount_left_out_leaves_no_bound_open() {
    // "More than £1m" with no rate for pounds is left out, and so is its
    // open end.
    let json = DOSSIER.replace(
        r#"{"amount": "1000000", "currency": "USD", "qualifier": "more-than"}"#,
        r#"{"amount": "1000000", "currency": "GBP", "qualifier": "more-than"}"#,
    );
    let d = Dossier::from_json_str(&json).unwrap();
    let t = FundingSummary::new(RateTable::new(), Currency::USD, Dimension::Recipient)
        .of(&d)
        .unwrap();
    assert_eq!(t.rejections().len(), 1);
    assert_eq!(t.rejections()[0].path().to_pointer(), "/funding/2");
    assert_eq!(t.total_bounds().to_compact(), "between $6.5bn and $8.5bn");
}

#[test]
fn summaries_as_json_carry_tranches_stages_and_open_bounds() {
    let d = dossier();
    let summaries = PledgeSummary::all(&d).unwrap();
    let json = serde_json::to_value(&summaries).unwrap();
    let p = &json[1];
    assert_eq!(p["pledge"], "us-25m");
    assert_eq!(p["path"], "/vaccine_pledges/1");
    assert_eq!(p["allocations"], 4);
    let tranches = p["tranches"].as_array().unwrap();
    assert_eq!(tranches.len(), 7);
    let covax_americas = &tranches[1];
    assert_eq!(covax_americas["tranche"], "covax-americas");
    assert!(covax_americas["name"].is_null());
    assert_eq!(covax_americas["path"], "/vaccine_pledges/1/tranches/0/tranches/0");
    assert_eq!(covax_americas["parent"], 0);
    assert_eq!(covax_americas["allocations"], 2);
    // Just over 500,000 announced, and 100,000 to 200,000 donated (as
    // stated: its low end; the bounds keep the range).
    assert_eq!(
        covax_americas["allocated_by_stage"],
        serde_json::json!({"announced": 500000, "donated": 100000})
    );
    // "Just over 500,000": the low end excluded.
    let gt = summaries[1].tranches()[1].allocated_bounds_at(DoseStage::Announced);
    let gt = serde_json::to_value(gt).unwrap();
    assert_eq!(
        gt,
        serde_json::json!({"low": 500000, "low_included": false, "high": 550000, "high_included": true})
    );
    // "At least 80,000,000": the high end open, `null`.
    assert_eq!(
        json[0]["pledged_bounds"],
        serde_json::json!({"low": 80000000, "low_included": true, "high": null, "high_included": false})
    );
    // A tranche stating no figure has no pledged bounds, nor a remainder.
    let direct_mx = tranches.iter().find(|t| t["tranche"] == "direct-mx").unwrap();
    assert!(direct_mx["parent"].is_number());
    let doses = serde_json::to_value(DoseTotals::of(&d, Dimension::Recipient).unwrap()).unwrap();
    assert_eq!(doses["format"], "statecraft-dose-totals/1");
    assert_eq!(
        doses["counts"],
        serde_json::json!({"read": 4, "counted": 4, "rejected": 0})
    );
    let names: Vec<&str> = doses["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["names"][0].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Canada", "Guatemala", "Honduras", "Mexico"]);
}
