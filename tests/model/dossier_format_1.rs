//! Format 1 still loads: the seed dossier as format 1 wrote it
//! (`tests/data/dossier/guatemala-2021.v1.json`, a copy of
//! `examples/data/guatemala-2021.json` before it moved to format 2) reads
//! as the same dossier as the example in format 2, and is written as it.

use statecraft::geo::Region;
use statecraft::model::{AreaId, Function, FundingRecipient, GroupId, Office, OfficeRole, OrganisationId, Receiver};
use statecraft::{Actor, Area, Country, Dossier};

const V1: &str = include_str!("../data/dossier/guatemala-2021.v1.json");
const V2: &str = include_str!("../../examples/data/guatemala-2021.json");
const VACCINE_SHARING: &str = include_str!("../../examples/data/vaccine-sharing-2021.json");

#[test]
fn the_fixture_is_format_1_and_the_example_format_2() {
    assert!(V1.starts_with("{\n  \"format\": \"statecraft-dossier/1\",\n"));
    assert!(V2.starts_with("{\n  \"format\": \"statecraft-dossier/2\",\n"));
}

#[test]
fn format_1_upgrades_to_the_same_dossier() {
    let upgraded = Dossier::from_json_str(V1).unwrap();
    let current = Dossier::from_json_str(V2).unwrap();
    assert_eq!(upgraded, current);
    // Writers write format 2: the upgrade, saved, is the example byte for byte.
    assert_eq!(upgraded.to_json_string().unwrap(), V2);
    assert_eq!(Dossier::from_json(V1.as_bytes()).unwrap(), current);
    assert_eq!(Dossier::from_json_slice(V1.as_bytes()).unwrap(), current);
}

#[test]
fn what_format_1_wrote_reads_as_format_2_means_it() {
    let d = Dossier::from_json_str(V1).unwrap();
    let harris = &d.leaders()[0].terms()[0];
    assert_eq!(
        (harris.office(), harris.of()),
        (&Office::VicePresident, &Actor::Country(Country::US))
    );
    let talks = &d.meetings()[0];
    assert_eq!(talks.places(), [Country::GT]);
    assert_eq!(talks.start(), talks.end());
    assert_eq!(
        talks.participants()[1].role(),
        Some(&OfficeRole::new(Office::President, Country::GT))
    );
    // The defaults of the offices apply to upgraded terms too.
    let giammattei = &d.leaders()[2];
    assert!(giammattei.carries(Function::HeadOfState, Country::GT, talks.start()));
    assert_eq!(d.funding()[0].donor(), &Actor::Country(Country::US));
}

#[test]
fn errors_in_format_1_are_where_format_1_has_them() {
    let cases = [
        (
            V1.replacen(r#""place": "GT""#, r#""place": "XX""#, 1),
            "unknown country `XX` at line 107 column 19 (/meetings/0/place)",
        ),
        (
            V1.replacen(r#""country": "US""#, r#""of": "US""#, 1),
            "unknown field `of`, expected one of `office`, `country`, `start`, `end` at line 31 column 14 (/leaders/0/terms/0/of)",
        ),
        (
            V1.replacen(r#""date": "2021-06-07""#, r#""start": "2021-06-07""#, 1),
            "unknown field `start`, expected one of `id`, `trip`, `date`, `place`, `kind`, `status`, `participants`, `others`, `topics`, `summary`, `source`, `reported` at line 106 column 13 (/meetings/0/start)",
        ),
    ];
    for (json, msg) in cases {
        assert_eq!(Dossier::from_json_str(&json).unwrap_err().to_string(), msg);
    }
    // Cut short after its tag, a format-1 document is still read as one.
    let cut = &V1[..V1.len() / 2];
    let e = Dossier::from_json_str(cut).unwrap_err();
    assert_eq!(e.kind(), statecraft::model::LoadErrorKind::Truncated, "{e}");
}

#[cfg(feature = "ecb-snapshot")]
#[test]
fn format_1_validates_as_it_did() {
    let d = Dossier::from_json_str(V1).unwrap();
    let report = d.validate(statecraft::fx::EcbRates::embedded());
    assert!(report.is_ok(), "{report}");
}

/// Every recipient a dossier names: funding recipients, then tranche
/// recipients, then allocation recipients, in the document's order.
fn recipients(d: &Dossier) -> (Vec<FundingRecipient>, Vec<Receiver>, Vec<Receiver>) {
    let funding = d
        .funding()
        .iter()
        .flat_map(|f| f.recipients().iter().cloned())
        .collect();
    let mut tranches = Vec::new();
    for p in d.vaccine_pledges() {
        let mut stack: Vec<&statecraft::model::Tranche> = p.tranches().iter().rev().collect();
        while let Some(t) = stack.pop() {
            tranches.extend(t.recipient().cloned());
            stack.extend(t.tranches().iter().rev());
        }
    }
    let allocations = d.vaccine_allocations().iter().map(|a| a.recipient().clone()).collect();
    (funding, tranches, allocations)
}

#[test]
fn recipients_written_before_organisations_could_receive_read_as_the_areas_they_were() {
    let nt = FundingRecipient::new(Area::Group(GroupId::new("northern-triangle").unwrap()));
    let gt_mx = vec![Receiver::from(Country::GT), Receiver::from(Country::MX)];
    for (name, json) in [("format 1", V1), ("format 2", V2)] {
        let (funding, tranches, allocations) = recipients(&Dossier::from_json_str(json).unwrap());
        assert_eq!(funding, [nt.clone(), nt.clone()], "{name}");
        assert!(tranches.is_empty(), "{name}");
        assert_eq!(allocations, gt_mx, "{name}");
        assert!(funding.iter().all(|r| r.area().is_some()));
    }
    // The second flagship: its tranches' areas and its allocations' countries
    // as they were; only its money to Gavi now names Gavi as recipient
    // (it named Gavi as the channel).
    let d = Dossier::from_json_str(VACCINE_SHARING).unwrap();
    let (funding, tranches, allocations) = recipients(&d);
    let gavi = FundingRecipient::from(OrganisationId::new("gavi").unwrap());
    assert_eq!(funding, [gavi.clone(), gavi]);
    assert!(d.funding().iter().all(|f| f.via().is_none()));
    let declared = |id: &str| Receiver::from(AreaId::new(id).unwrap());
    let mut expected = vec![
        declared("south-and-central-america-and-the-caribbean"),
        declared("south-and-southeast-asia"),
        Receiver::from(Region::Africa),
    ];
    use Country::*;
    expected.extend([MX, CA, KR, PS, UA, XK, HT, GE, EG, JO, IN, IQ, YE].map(Receiver::from));
    assert_eq!(tranches, expected);
    assert_eq!(allocations, gt_mx);
    // And each is written back as it was read.
    assert_eq!(d.to_json_string().unwrap(), VACCINE_SHARING);
    assert_eq!(Dossier::from_json_str(V2).unwrap().to_json_string().unwrap(), V2);
}
