//! Format 1 still loads: the seed dossier as format 1 wrote it
//! (`tests/data/dossier/guatemala-2021.v1.json`, a copy of
//! `examples/data/guatemala-2021.json` before it moved to format 2) reads
//! as the same dossier as the example in format 2, and is written as it.

use statecraft::{Actor, Country, Dossier, Function, Office, Role};

const V1: &str = include_str!("../data/dossier/guatemala-2021.v1.json");
const V2: &str = include_str!("../../examples/data/guatemala-2021.json");

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
        Some(&Role::new(Office::President, Country::GT))
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
    assert_eq!(e.kind(), statecraft::LoadErrorKind::Truncated, "{e}");
}

#[cfg(feature = "ecb-snapshot")]
#[test]
fn format_1_validates_as_it_did() {
    let d = Dossier::from_json_str(V1).unwrap();
    let report = d.validate(statecraft::fx::EcbRates::embedded());
    assert!(report.is_ok(), "{report}");
}
