//! Malformed dossier documents, and the exact error each one gets.

use statecraft::model::LoadErrorKind;
use statecraft::Dossier;

/// A small valid document; cases below change one thing in it.
const BASE: &str = r#"{
  "format": "statecraft-dossier/1",
  "sources": [
    {"id": "seed", "title": "A report", "published": "2021-06-07"}
  ],
  "leaders": [
    {
      "id": "giammattei",
      "name": "Alejandro Giammattei",
      "terms": [{"office": "president", "country": "GT", "start": "2020-01-14", "end": "2024-01-14"}],
      "source": "seed"
    }
  ],
  "meetings": [
    {
      "id": "talks",
      "date": "2021-06-07",
      "place": "GT",
      "kind": "bilateral-talks",
      "status": "happened",
      "participants": [{"leader": "giammattei", "role": {"office": "president", "country": "GT"}}],
      "source": "seed"
    }
  ],
  "funding": [
    {
      "id": "aid",
      "donor": "US",
      "recipients": [
        {"area": {"country": "GT"}, "share": "60"},
        {"area": {"group": "northern-triangle"}, "share": "40"}
      ],
      "stage": "announced",
      "amount": {"amount": "310000000", "currency": "USD"},
      "reported_as": [{"amount": "219000000", "currency": "GBP"}],
      "announced": "2021-04-26",
      "source": "seed"
    }
  ],
  "vaccine_pledges": [
    {"id": "doses", "donor": "US", "doses": 25000000, "announced": "2021-06-03", "source": "seed"}
  ],
  "statistics": [
    {
      "id": "border",
      "metric": "border-encounters",
      "scope": {"border": {"of": "US", "with": "MX"}},
      "period": {"month": "2021-04"},
      "count": "more than 178,000",
      "rank": {"position": 1, "order": "highest", "among": "months"},
      "source": "seed"
    }
  ]
}
"#;

/// `BASE` with the first `from` replaced by `to`.
fn edit(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "the base document has no `{from}`");
    BASE.replacen(from, to, 1)
}

#[test]
fn the_base_document_loads() {
    let d = Dossier::from_json_str(BASE).unwrap();
    assert_eq!(d.funding().len(), 1);
    // `null` stands for an absent optional value.
    let with_nulls = edit(r#""end": "2024-01-14""#, r#""end": null"#).replacen(
        r#""announced": "2021-04-26","#,
        r#""announced": null, "value_date": null,"#,
        1,
    );
    let d = Dossier::from_json_str(&with_nulls).unwrap();
    assert_eq!(d.leaders()[0].terms()[0].end(), None);
    assert_eq!(d.funding()[0].announced(), None);
}

#[test]
fn errors_name_what_line_column_and_field() {
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "EOF while parsing a value at line 1 column 0"),
        ("nonsense".into(), "expected ident at line 1 column 2"),
        ("[]".into(), "invalid type: sequence, expected struct Dossier at line 1 column 2"),
        ("{}".into(), "missing field `format` at line 1 column 2"),
        (
            r#"{"format": "statecraft-dossier/3"}"#.into(),
            "unsupported format `statecraft-dossier/3`: this version reads `statecraft-dossier/2` and `statecraft-dossier/1` at line 1 column 33 (/format)",
        ),
        (
            r#"{"format": 1}"#.into(),
            "invalid type: integer `1`, expected the format tag \"statecraft-dossier/2\" at line 1 column 12 (/format)",
        ),
        (
            edit(r#""USD"}"#, r#""XYZ"}"#),
            "unknown currency code `XYZ` at line 34 column 57 (/funding/0/amount/currency)",
        ),
        (
            edit(r#""amount": "310000000""#, r#""amount": 310000000"#),
            "invalid type: integer `310000000`, expected a decimal amount in a string, such as \"310000000\" at line 34 column 36 (/funding/0/amount/amount)",
        ),
        (
            edit(r#""amount": "310000000""#, r#""amount": "$310m""#),
            "invalid amount `$310m`: unexpected `$` before the number at line 34 column 34 (/funding/0/amount/amount)",
        ),
        (
            edit(r#""share": "40""#, r#""share": "140""#),
            "invalid share `140`: above 100% at line 31 column 63 (/funding/0/recipients/1/share)",
        ),
        (
            edit(r#""share": "60""#, r#""share": "-5""#),
            "invalid share `-5`: negative at line 30 column 49 (/funding/0/recipients/0/share)",
        ),
        (
            edit(r#""share": "60""#, r#""share": 60"#),
            "invalid type: integer `60`, expected a percentage in a string, such as \"40\" at line 30 column 47 (/funding/0/recipients/0/share)",
        ),
        (
            edit(r#""sources": ["#, r#""sources": null, "x": ["#),
            "invalid type: null, expected a sequence at line 3 column 17 (/sources)",
        ),
        (
            edit(r#""stage": "announced""#, r#""stage": null"#),
            "invalid type: null, expected enum FundingStage at line 33 column 19 (/funding/0/stage)",
        ),
        (
            edit(r#"{"area": {"country": "GT"}"#, r#"{"area": {"country": "GT", "group": "x"}"#),
            "expected the end of the object (it takes exactly one key), found a second key `group` at line 30 column 42 (/funding/0/recipients/0/area)",
        ),
        (
            edit(r#"{"area": {"country": "GT"}"#, r#"{"area": {}"#),
            "expected one key naming the kind, found an empty object `{}` at line 30 column 19 (/funding/0/recipients/0/area)",
        ),
        (
            edit(r#""id": "giammattei""#, r#""id": "Giammattei""#),
            "invalid id `Giammattei`: `G` is not a lowercase letter, digit or hyphen at line 8 column 24 (/leaders/0/id)",
        ),
        (
            edit(r#""leader": "giammattei""#, r#""leader": "g--m""#),
            "invalid id `g--m`: a hyphen must stand between letters or digits at line 21 column 40 (/meetings/0/participants/0/leader)",
        ),
        (
            edit(r#""office": "president", "country": "GT", "start""#, r#""office": "presdent", "country": "GT", "start""#),
            "unknown variant `presdent`, expected one of `head-of-state`, `head-of-government`, `president`, `vice-president`, `prime-minister`, `monarch`, `foreign-minister`, `minister`, `other` at line 10 column 37 (/leaders/0/terms/0/office)",
        ),
        (
            edit(r#""country": "GT", "start""#, r#""country": "Atlantis", "start""#),
            "unknown country `Atlantis` at line 10 column 61 (/leaders/0/terms/0/country)",
        ),
        (
            edit(r#""end": "2024-01-14""#, r#""end": "2024-02-30""#),
            "invalid value `2024-02-30`: input is out of range at line 10 column 99 (/leaders/0/terms/0/end)",
        ),
        (
            edit(r#""end": "2024-01-14""#, r#""end": "14/01/2024""#),
            "invalid value `14/01/2024`: input contains invalid characters at line 10 column 99 (/leaders/0/terms/0/end)",
        ),
        (
            edit(r#""status": "happened""#, r#""status": "happening""#),
            "unknown variant `happening`, expected one of `happened`, `planned`, `cancelled` at line 20 column 27 (/meetings/0/status)",
        ),
        (
            edit(r#""status": "happened","#, ""),
            "missing field `status` at line 23 column 5 (/meetings/0)",
        ),
        (
            edit(r#""participants": [{"leader": "giammattei", "#, r#""participants": [{"leader": "giammattei", "title": "President", "#),
            "unknown field `title`, expected `leader` or `role` at line 21 column 55 (/meetings/0/participants/0/title)",
        ),
        (
            edit(r#""format": "statecraft-dossier/1","#, r#""format": "statecraft-dossier/1", "version": 1,"#),
            "unknown field `version`, expected one of `format`, `title`, `sources`, `groups`, `leaders`, `trips`, `meetings`, `initiatives`, `funding`, `vaccine_pledges`, `vaccine_allocations`, `statistics` at line 2 column 45 (/version)",
        ),
        (
            edit(r#""doses": 25000000"#, r#""doses": -5"#),
            "invalid value: integer `-5`, expected u64 at line 41 column 46 (/vaccine_pledges/0/doses)",
        ),
        (
            edit(r#""doses": 25000000"#, r#""doses": 2.5e7"#),
            "invalid type: floating point `25000000.0`, expected u64 at line 41 column 49 (/vaccine_pledges/0/doses)",
        ),
        (
            edit(r#""doses": 25000000"#, r#""doses": 18446744073709551616"#),
            "invalid type: floating point `1.8446744073709552e+19`, expected u64 at line 41 column 64 (/vaccine_pledges/0/doses)",
        ),
        (
            edit(r#""count": "more than 178,000""#, r#""count": "lots""#),
            "invalid count `lots`: no digits at line 49 column 21 (/statistics/0/count)",
        ),
        (
            edit(r#""month": "2021-04""#, r#""month": "2021-13""#),
            "invalid month `2021-13`: expected YYYY-MM, such as 2021-04 at line 48 column 35 (/statistics/0/period/month)",
        ),
        (
            edit(r#"{"month": "2021-04"}"#, r#"{"week": "2021-W14"}"#),
            "unknown variant `week`, expected one of `day`, `month`, `year`, `range`, `through` at line 48 column 23 (/statistics/0/period/week)",
        ),
        (
            edit(r#""position": 1"#, r#""position": 0"#),
            "invalid value: integer `0`, expected a nonzero u32 at line 50 column 28 (/statistics/0/rank/position)",
        ),
        (
            edit(r#"{"group": "northern-triangle"}"#, r#"{"continent": "Americas"}"#),
            "unknown variant `continent`, expected one of `country`, `group`, `m49`, `subregion`, `dac-region`, `declared`, `world` at line 31 column 29 (/funding/0/recipients/1/area/continent)",
        ),
        (
            edit(r#""of": "US", "with": "MX""#, r#""of": "US", "to": "MX""#),
            "unknown field `to`, expected `of` or `with` at line 47 column 43 (/statistics/0/scope/border/to)",
        ),
        (
            edit(r#""id": "aid","#, r#""id": "aid", "id": "aid2","#),
            "duplicate field `id` at line 27 column 23 (/funding/0)",
        ),
        (
            edit(r#"{"area": {"country": "GT"}"#, r#"{"area": {"country": "GT", "country": "HN"}"#),
            "expected the end of the object (it takes exactly one key), found a second key `country` at line 30 column 44 (/funding/0/recipients/0/area)",
        ),
        (
            edit(r#"{"area": {"country": "GT"}"#, r#"{"area": ["country", "GT"]"#),
            "invalid type: sequence, expected an area: a country code, \"world\" or an object naming its kind at line 30 column 18 (/funding/0/recipients/0/area)",
        ),
        // A recipient that is an organisation: one of `area`,
        // `organisation` and `iati` in a funding recipient, an organisation's
        // one-key object beside the areas' in an allocation.
        (
            edit(r#"{"area": {"country": "GT"}, "share""#, r#"{"area": {"country": "GT"}, "organisation": "gavi", "share""#),
            "a recipient is one of `area`, `organisation` and `iati`: `area` and `organisation` are both given at line 30 column 74 (/funding/0/recipients/0)",
        ),
        (
            edit(r#"{"area": {"country": "GT"}"#, r#"{"organisation": "Gavi""#),
            "invalid id `Gavi`: `G` is not a lowercase letter, digit or hyphen at line 30 column 31 (/funding/0/recipients/0/organisation)",
        ),
        (
            edit(r#"{"area": {"country": "GT"}"#, r#"{"organisation": ["gavi"]"#),
            "invalid type: sequence, expected an id such as \"harris\" at line 30 column 25 (/funding/0/recipients/0/organisation)",
        ),
        (
            edit(r#"{"area": {"country": "GT"}, "share": "60"}"#, r#"{"share": "60"}"#),
            "a recipient is one of `area`, `organisation` and `iati`: none is given at line 30 column 23 (/funding/0/recipients/0)",
        ),
        (
            edit(ALLOCATIONS_AFTER, &allocation(r#"{"organisation": "covax", "country": "GT"}"#)),
            "expected the end of the object (it takes exactly one key), found a second key `country` at line 43 column 105 (/vaccine_allocations/0/recipient)",
        ),
        (
            edit(ALLOCATIONS_AFTER, &allocation(r#"{"organization": "covax"}"#)),
            "unknown variant `organization`, expected one of `country`, `group`, `m49`, `subregion`, `dac-region`, `declared`, `world`, `organisation`, `iati` at line 43 column 85 (/vaccine_allocations/0/recipient/organization)",
        ),
        (
            edit(ALLOCATIONS_AFTER, &allocation(r#"["organisation", "covax"]"#)),
            "invalid type: sequence, expected a recipient: a country code, \"world\" or an object naming an area or an organisation at line 43 column 71 (/vaccine_allocations/0/recipient)",
        ),
        (
            edit(r#"{"month": "2021-04"}"#, r#"null"#),
            "invalid type: null, expected enum Period at line 48 column 20 (/statistics/0/period)",
        ),
        (
            edit(r#"{"month": "2021-04"}"#, r#"{"range": ["2021-04-01", "2021-04-30"]}"#),
            "invalid type: sequence, expected struct variant Period::Range at line 48 column 27 (/statistics/0/period/range)",
        ),
        (
            edit(r#"{"month": "2021-04"}"#, r#"{"day": "2021-02-30"}"#),
            "invalid value `2021-02-30`: input is out of range at line 48 column 36 (/statistics/0/period/day)",
        ),
        (
            edit(r#"{"amount": "310000000", "currency": "USD"}"#, r#"["310000000", "USD"]"#),
            "invalid type: sequence, expected struct Money at line 34 column 17 (/funding/0/amount)",
        ),
        (
            edit(r#""sources": ["#, r#""groups": [["nt", "Northern Triangle", ["GT"]]], "sources": ["#),
            "invalid type: sequence, expected struct CountryGroup at line 3 column 14 (/groups/0)",
        ),
        (
            edit(r#""format": "statecraft-dossier/1","#, r#""format": "statecraft-dossier/1", "a/b~c": 1,"#),
            "unknown field `a/b~c`, expected one of `format`, `title`, `sources`, `groups`, `leaders`, `trips`, `meetings`, `initiatives`, `funding`, `vaccine_pledges`, `vaccine_allocations`, `statistics` at line 2 column 43 (/a~1b~0c)",
        ),
        (
            r#"{"format": "statecraft-dossier/1", "title": x}"#.into(),
            "expected value at line 1 column 45 (/title)",
        ),
        (
            format!("{BASE}{{}}"),
            "trailing characters at line 55 column 1",
        ),
        (
            BASE.trim_end().trim_end_matches('}').to_string(),
            "EOF while parsing an object at line 54 column 0",
        ),
    ];
    let mut failures = Vec::new();
    for (doc, expected) in &cases {
        // The types are strict by themselves: the loader reads a document
        // plainly first, and tracks the path only when that fails.
        if serde_json::from_str::<Dossier>(doc).is_ok() {
            failures.push(format!("plain serde_json loaded it, expected: {expected}"));
        }
        match Dossier::from_json_str(doc) {
            Ok(_) => failures.push(format!("loaded, expected: {expected}")),
            Err(e) if e.to_string() != *expected => failures.push(format!("got:      {e}\nexpected: {expected}")),
            Err(_) => {}
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// The end of the pledges, where `allocation` adds allocations after them.
const ALLOCATIONS_AFTER: &str = r#""announced": "2021-06-03", "source": "seed"}
  ],"#;

/// The end of the pledges followed by one allocation to `recipient`.
fn allocation(recipient: &str) -> String {
    format!(
        r#"{ALLOCATIONS_AFTER}
  "vaccine_allocations": [{{"id": "a", "pledge": "doses", "recipient": {recipient}, "doses": 5, "stage": "announced", "source": "seed"}}],"#
    )
}

#[test]
fn errors_carry_their_parts() {
    let e = Dossier::from_json_str(&edit(r#""share": "40""#, r#""share": "140""#)).unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::Data);
    assert_eq!((e.line(), e.column()), (31, 63));
    assert_eq!(e.path().to_string(), "/funding/0/recipients/1/share");
    // The cause is serde_json's error, whole.
    let cause = std::error::Error::source(&e).and_then(|c| c.downcast_ref::<serde_json::Error>());
    assert_eq!(
        cause.map(|c| (c.to_string(), c.is_data())),
        Some(("invalid share `140`: above 100% at line 31 column 63".to_string(), true))
    );

    let e = Dossier::from_json_str("{").unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::Truncated);
    let e = Dossier::from_json_str("{]").unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::Syntax);
}

#[test]
fn bytes_that_are_not_utf8_are_an_error() {
    let mut bytes = BASE.as_bytes().to_vec();
    let at = BASE.find("A report").unwrap();
    bytes[at] = 0xff;
    let e = Dossier::from_json_slice(&bytes).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid unicode code point at line 4 column 30 (/sources/0/title)"
    );
}

#[test]
fn a_reader_that_fails_is_a_read_error() {
    struct Broken;
    impl std::io::Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    let e = Dossier::from_json(Broken).unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::Read);
    assert_eq!(e.to_string(), "cannot read the dossier: disk on fire");
    assert!(std::error::Error::source(&e).is_some());
}

#[test]
fn deep_nesting_fails_at_once_without_recursing() {
    let doc = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = Dossier::from_json_str(&doc).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid type: sequence, expected struct Dossier at line 1 column 1"
    );
    let doc = format!(
        r#"{{"format": "statecraft-dossier/1", "title": {}"x"{}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let e = Dossier::from_json_str(&doc).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid type: sequence, expected a string at line 1 column 44 (/title)"
    );
}

#[test]
fn arrays_are_not_read_as_objects() {
    // serde would read a struct from an array, field by field; the format
    // has objects only.
    let doc = edit(
        r#"{"office": "president", "country": "GT", "start": "2020-01-14", "end": "2024-01-14"}"#,
        r#"["president", "GT", "2020-01-14", "2024-01-14"]"#,
    );
    let e = Dossier::from_json_str(&doc).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid type: sequence, expected struct Term at line 10 column 17 (/leaders/0/terms/0)"
    );
    let e = Dossier::from_json_str(r#"["statecraft-dossier/1"]"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid type: sequence, expected struct Dossier at line 1 column 1"
    );
}

/// Every message that names a place in a dossier names it the same way, as
/// a JSON Pointer (`/funding/0/recipients/1/share`), never as
/// `funding[0].recipients[1].share`: load errors, validation violations
/// and the rejections of the summaries.
#[test]
fn every_message_names_its_place_as_a_json_pointer() {
    use statecraft::fx::RateTable;
    use statecraft::{Currency, Dimension, FundingSummary};

    let load = Dossier::from_json_str(&edit(r#""share": "40""#, r#""share": 40"#)).unwrap_err();
    let shares = edit(r#""share": "40""#, r#""share": "30""#);
    let report = Dossier::from_json_str(&shares).unwrap().validate(&RateTable::new());
    let violation = report.errors().next().unwrap();
    // No rate from USD to EUR in an empty table: the funding entry is rejected.
    let totals = FundingSummary::new(RateTable::new(), Currency::EUR, Dimension::Recipient)
        .of(&Dossier::from_json_str(BASE).unwrap())
        .unwrap();
    let rejection = &totals.rejections()[0];

    let cases = [
        (
            load.path().to_pointer(),
            load.to_string(),
            "/funding/0/recipients/1/share",
            "invalid type: integer `40`, expected a percentage in a string, such as \"40\" at line 31 column 60 (/funding/0/recipients/1/share)",
        ),
        (violation.path().to_pointer(), violation.to_string(), "/funding/0/recipients", "error[shares-do-not-sum-to-100] /funding/0/recipients: the shares of funding `aid` sum to 90%, not 100% (within 0.01)"),
        (rejection.path().to_pointer(), rejection.to_string(), "/funding/0", "/funding/0: no user-supplied rate for USD on 2021-04-26: USD is not quoted"),
    ];
    for (pointer, message, want_pointer, want_message) in cases {
        assert_eq!(pointer, want_pointer);
        assert_eq!(message, want_message, "{message}");
        assert!(!message.contains("].") && !message.contains("[0"), "{message}");
    }
}

/// A format-2 document on one line with every date field of every fact:
/// `@` followed by the field's JSON Pointer stands for its date.
const EVERY_DATE: &str = concat!(
    r#"{"format": "statecraft-dossier/2", "#,
    r#""sources": [{"id": "s", "title": "t", "published": "@/sources/0/published"}], "#,
    // One date a group, which the group's own order of dates leaves free.
    r#""groups": [{"id": "g", "name": "G", "since": "@/groups/0/since", "members": ["GT"]}, "#,
    r#"{"id": "h", "name": "H", "members": [{"country": "GT", "from": "@/groups/1/members/0/from"}]}, "#,
    r#"{"id": "k", "name": "K", "members": [{"country": "GT", "until": "@/groups/2/members/0/until"}]}], "#,
    r#""leaders": [{"id": "l", "name": "L", "terms": [{"office": "president", "of": "GT", "#,
    r#""start": "@/leaders/0/terms/0/start", "end": "@/leaders/0/terms/0/end"}], "#,
    r#""source": "s", "reported": "@/leaders/0/reported"}], "#,
    r#""trips": [{"id": "t", "traveller": "l", "legs": [{"country": "GT", "arrival": "@/trips/0/legs/0/arrival", "#,
    r#""departure": "@/trips/0/legs/0/departure", "status": "happened"}], "source": "s", "reported": "@/trips/0/reported"}], "#,
    r#""meetings": [{"id": "m", "start": "@/meetings/0/start", "end": "@/meetings/0/end", "places": ["GT"], "#,
    r#""kind": "bilateral-talks", "status": "happened", "source": "s", "reported": "@/meetings/0/reported"}], "#,
    r#""initiatives": [{"id": "i", "name": "I", "kind": "task-force", "sponsor": "US", "#,
    r#""announced": "@/initiatives/0/announced", "status": "happened", "source": "s", "reported": "@/initiatives/0/reported"}], "#,
    r#""funding": [{"id": "f", "donor": "US", "stage": "announced", "announced": "@/funding/0/announced", "#,
    r#""value_date": "@/funding/0/value_date", "source": "s", "reported": "@/funding/0/reported"}], "#,
    r#""vaccine_pledges": [{"id": "p", "donor": "US", "doses": 5, "announced": "@/vaccine_pledges/0/announced", "#,
    r#""source": "s", "reported": "@/vaccine_pledges/0/reported"}], "#,
    r#""vaccine_allocations": [{"id": "a", "pledge": "p", "recipient": "GT", "doses": 5, "stage": "announced", "#,
    r#""date": "@/vaccine_allocations/0/date", "source": "s", "reported": "@/vaccine_allocations/0/reported"}], "#,
    r#""statistics": ["#,
    r#"{"id": "d", "metric": "deaths", "scope": "world", "period": {"day": "@/statistics/0/period/day"}, "#,
    r#""count": "5", "source": "s", "reported": "@/statistics/0/reported"}, "#,
    r#"{"id": "r", "metric": "deaths", "scope": "world", "#,
    r#""period": {"range": {"start": "@/statistics/1/period/range/start", "end": "@/statistics/1/period/range/end"}}, "#,
    r#""count": "5", "source": "s", "reported": "@/statistics/1/reported"}, "#,
    r#"{"id": "u", "metric": "deaths", "scope": "world", "period": {"through": "@/statistics/2/period/through"}, "#,
    r#""count": "5", "source": "s", "reported": "@/statistics/2/reported"}]}"#,
);

/// A format-1 document with every date field format 1 had.
const EVERY_DATE_1: &str = concat!(
    r#"{"format": "statecraft-dossier/1", "#,
    r#""leaders": [{"id": "l", "name": "L", "terms": [{"office": "president", "country": "GT", "#,
    r#""start": "@/leaders/0/terms/0/start", "end": "@/leaders/0/terms/0/end"}], "#,
    r#""source": "s", "reported": "@/leaders/0/reported"}], "#,
    r#""meetings": [{"id": "m", "date": "@/meetings/0/date", "place": "GT", "kind": "call", "status": "happened", "#,
    r#""source": "s", "reported": "@/meetings/0/reported"}]}"#,
);

/// The JSON Pointers of the dates of a document of `@` dates, in
/// document order.
fn date_fields(template: &str) -> Vec<&str> {
    template
        .split("\"@")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect()
}

/// `template` with `value` (JSON text) at `field` and `2021-06-07` at
/// every other date.
fn with_date(template: &str, field: &str, value: &str) -> String {
    let mut doc = template.replace(&format!("\"@{field}\""), value);
    for other in date_fields(template) {
        doc = doc.replace(&format!("\"@{other}\""), "\"2021-06-07\"");
    }
    doc
}

/// (value in the document, the message before its place): the same in
/// every date field.
const BAD_DATES: [(&str, &str); 6] = [
    ("\"2021-02-30\"", "invalid value `2021-02-30`: input is out of range"),
    (
        "\"14/01/2024\"",
        "invalid value `14/01/2024`: input contains invalid characters",
    ),
    (
        "\"2021-06-07T00:00\"",
        "invalid value `2021-06-07T00:00`: trailing input",
    ),
    (
        "\"2021-6-1\"",
        "invalid value `2021-6-1`: expected a calendar date as YYYY-MM-DD",
    ),
    (
        "\"+2021-06-01\"",
        "invalid value `+2021-06-01`: expected a calendar date as YYYY-MM-DD",
    ),
    (
        "20210607",
        "invalid type: integer `20210607`, expected a formatted date string",
    ),
];

/// Each of [`BAD_DATES`] at each date of `template` gets its message,
/// at its line, column and path.
fn assert_bad_dates_refused(template: &str) {
    for field in date_fields(template) {
        for (value, message) in BAD_DATES {
            let doc = with_date(template, field, value);
            let e = Dossier::from_json_str(&doc).unwrap_err();
            // serde_json's column: the last character of the value.
            let column = doc.find(value).unwrap() + value.len();
            assert_eq!(
                e.to_string(),
                format!("{message} at line 1 column {column} ({field})"),
                "{field} {value}"
            );
            assert_eq!(e.kind(), LoadErrorKind::Data, "{field} {value}");
        }
    }
}

#[test]
fn every_date_field_reads_by_the_one_grammar() {
    let fields = date_fields(EVERY_DATE);
    assert_eq!(fields.len(), 29);
    // Every date field of the format is here: the document loads, and
    // writes back each of them.
    let all = with_date(EVERY_DATE, "", "");
    let written = Dossier::from_json_str(&all).unwrap().to_json_string().unwrap();
    assert_eq!(written.matches("\"2021-06-07\"").count(), fields.len(), "{written}");

    // (value in the document, the date written back)
    let good = [
        ("\"2024-02-29\"", "2024-02-29"),
        ("\" 2021-06-07\\t\"", "2021-06-07"),
        ("\"+10000-01-01\"", "+10000-01-01"),
        ("\"-0001-12-31\"", "-0001-12-31"),
    ];
    let day = "2021-06-07".parse().unwrap();
    for field in fields {
        for (value, date) in good {
            let doc = with_date(EVERY_DATE, field, value);
            let dossier = Dossier::from_json_str(&doc).unwrap_or_else(|e| panic!("{field} {value}: {e}"));
            let json: serde_json::Value = serde_json::from_str(&dossier.to_json_string().unwrap()).unwrap();
            assert_eq!(
                json.pointer(field),
                Some(&serde_json::Value::from(date)),
                "{field} {value}"
            );
            // And a fact's accessors give it.
            for (path, fact) in dossier.facts() {
                let reported = (format!("{path}/reported") == field).then(|| date.parse().unwrap());
                assert_eq!(fact.reported(), reported.or(Some(day)), "{path} {field} {value}");
                assert_eq!(fact.source(), "s");
            }
        }
    }
    assert_bad_dates_refused(EVERY_DATE);
}

#[test]
fn every_date_field_of_format_1_reads_by_the_one_grammar() {
    assert_eq!(date_fields(EVERY_DATE_1).len(), 5);
    let d = Dossier::from_json_str(&with_date(EVERY_DATE_1, "", "")).unwrap();
    assert_eq!(d.meetings()[0].start().to_string(), "2021-06-07");
    assert_bad_dates_refused(EVERY_DATE_1);
}
