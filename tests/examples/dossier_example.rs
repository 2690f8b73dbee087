//! The flagship example runs, agrees with its JSON file, and prints the
//! briefing a reader wants.

#![cfg(feature = "ecb-snapshot")]

use std::process::Command;

fn briefing() -> String {
    let out = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", "guatemala_trip"])
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "exit {:?}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn the_briefing_has_the_key_lines() {
    let text = briefing();
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    for expected in [
        "Kamala Harris, Vice-President of the United States: first trip abroad in office, fact-finding",
        "2021-06-06 to 2021-06-07  Guatemala",
        "2021-06-07 to 2021-06-08  Mexico (planned)",
        "2021-06-07  Guatemala: bilateral talks",
        "2021-06-07  Guatemala: joint news conference",
        "2021-06-08  Mexico: meeting (planned)",
        "Alejandro Giammattei, President of Guatemala",
        "Andrés Manuel López Obrador, President of Mexico",
        "migration and the border",
        "corruption",
        "economic growth",
        "vaccine sharing",
        "USD 310,000,000 = GBP 218,761,305.71   $310m = £218.8m",
        "at the ECB rate of 2021-06-07, the report's date: 1 USD = 0.705682 GBP",
        "reported as £219m: consistent, 0.1% above £218.8m, within ±1.23%",
        "at the rate of 2021-04-26, the value date, $310m was £223.1m: £219m is 1.8% below that, inconsistent",
        "amount: not disclosed",
        "In all, by recipient, at the ECB rates of 2021-06-07:",
        "Northern Triangle: USD 310,000,000.00 ($310m) = GBP 218,761,305.71 (£218.8m), and 1 entry with no sum given",
        "- USD 310,000,000 ($310m) for the Northern Triangle (announced)",
        "By group: 500,000 to the Northern Triangle; 1,000,000 elsewhere",
        "Guatemala         500,000    2%  announced",
        "Mexico          1,000,000    4%  announced",
        "allocated       1,500,000    6%  of the pledge; 23,500,000 not allocated in this dossier",
        "more than 40% from the Northern Triangle: more than 71,200",
        "Covid-19 deaths in Mexico, to 2021-06-07: approaching 230,000 (figures of Johns Hopkins University)",
        "the fourth highest among countries of the world",
    ] {
        assert!(lines.contains(&expected), "no line `{expected}` in:\n{text}");
    }
    assert!(!text.contains("Some("), "debug output in:\n{text}");
    assert!(!text.contains("Id("), "debug output in:\n{text}");
}

/// The whole briefing, as it was before model v2 (issue 12) merged
/// (commit 8670842): the move of the dossier to format 2, organisations,
/// areas, approximate figures and tranches changed none of it. A change
/// to the briefing updates `tests/data/guatemala_trip.txt` with it.
#[test]
fn the_briefing_is_unchanged_since_before_model_v2() {
    let expected = include_str!("../data/guatemala_trip.txt");
    let text = briefing();
    if text != expected {
        let line = text
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .map_or(text.lines().count().min(expected.lines().count()), |i| i);
        panic!(
            "the briefing differs from tests/data/guatemala_trip.txt from line {}:\n{text}",
            line + 1
        );
    }
}
