//! The second flagship, run as a user would: `vaccine_sharing` prints the
//! 25 million, the COVAX tranche of about 19 million and its regional
//! parts, the direct tranche, COVAX by name and the G7's billion; the
//! `validate` example passes its dossier, and fails it (exit status 1,
//! `tranche-exceeds-parent`) once any regional tranche is raised above
//! the COVAX tranche that holds it.

#![cfg(feature = "ecb-snapshot")]

use std::path::PathBuf;
use std::process::Output;

use statecraft::fx::EcbRates;
use statecraft::model::TrancheId;
use statecraft::{Dossier, PledgeSummary};

use crate::example_bin::run;

const DOSSIER: &str = "examples/data/vaccine-sharing-2021.json";

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json() -> String {
    std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(DOSSIER)).unwrap()
}

#[test]
fn the_briefing_prints_the_story_s_core() {
    let o = run("vaccine_sharing", &[]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().map(str::trim).collect();
    for expected in [
        // The 25 million, part of at least 80 million, and what is left.
        "United States: 25,000,000 Covid-19 doses, announced 2021-06-03 [wh-2021-06-03]",
        "allocated 1,500,000; 23,500,000 not allocated",
        "United States: at least 80,000,000 Covid-19 doses, announced 2021-05-17 [wh-2021-05-17]",
        // The COVAX tranche and its regional parts, approximate.
        "Through COVAX: about 19,000,000 (75%)",
        "South and Central America and the Caribbean: about 6,000,000",
        "South and Southeast Asia: about 7,000,000",
        "Africa, with the African Union: about 5,000,000",
        "→ Guatemala 500,000, announced [seed-article]",
        "allocated 500,000; between 5,000,000 and 6,000,000 not allocated",
        // The direct tranche, and Mexico's allocation in it.
        "Shared directly with regional priorities and partners (bilateral): about 6,000,000 (25%)",
        "→ Mexico 1,000,000, announced [seed-article]",
        // COVAX by name.
        "COVAX (built-in organisation `covax`, a partnership): the channel the pledges call `COVAX`",
        // The G7's billion, its members on the day and the shares sourced.
        "G7 (Canada, Germany, France, United Kingdom, Italy, Japan, United States on 2021-06-13): more than \
         1,000,000,000 doses over the next year",
        "Doses shared directly (the rest is financing): at least 870,000,000",
        "of which United States: 500,000,000 [wh-2021-06-10]",
        "of which United Kingdom: at least 100,000,000 [uk-pmo-2021-06-11]",
        "the members' shares the sources give: at least 600,000,000; the rest of the pledge is not attributed to a member",
        // By channel, region and country.
        "COVAX: at least 598,500,000",
        "bilateral: at least 25,500,000",
        "South and Southeast Asia: about 7,000,000 (between 6,500,000 and 7,500,000), 15 countries; 0 allocated",
        "Guatemala: 500,000",
        "Mexico: 1,000,000",
        // Approximate figures with their qualifier and bounds.
        "tranche us-25m-covax: about 19,000,000 = between 18,500,000 and 19,500,000",
        "its parts, about 6,000,000 + about 7,000,000 + about 5,000,000, sum to between 16,500,000 and 19,500,000",
        // The summit over days, with its host.
        "2021-06-11 to 2021-06-13  United Kingdom: summit, hosted by United Kingdom",
        "Angela Merkel, Chancellor of Germany",
        "Charles Michel, President of the European Council",
        "Ursula von der Leyen, President of the European Commission",
        // The pledge in two currencies.
        "reported as A$2.6bn: consistent: $2bn is A$2.545bn (1 USD = 1.2723 AUD); A$2.6bn is 2.17% above, within \
         ±2.92% allowed",
        "at the ECB rate of 2021-02-19: inconsistent: $4bn is A$5.089bn (1 USD = 1.2723 AUD); A$5.2bn is 2.17% \
         above, within ±1.96% allowed",
        "at the ECB rate of 2021-02-18: consistent: $4bn is A$5.137bn (1 USD = 1.2842 AUD); A$5.2bn is 1.23% \
         above, within ±1.96% allowed",
        "its rate, 1.605 SGD to the dollar, is within 0.06% of the euro's, 1 EUR = 1.6059 SGD on 2021-02-19",
        // Gavi receives the money: a recipient, by name, and a key of the
        // totals by recipient.
        "Gavi: the organisation money for COVAX is given to",
        "United States to Gavi: USD 2,000,000,000 ($2bn), pledged [abc-2021-02-19]",
        "to Gavi: $4bn (2 pledges)",
    ] {
        assert!(lines.contains(&expected), "missing line `{expected}` in:\n{out}");
    }
}

#[test]
fn the_dossier_validates_and_the_library_agrees_with_the_briefing() {
    let o = run("validate", &[DOSSIER]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "0 errors, 0 warnings\n");

    let dossier = Dossier::from_json_str(&json()).unwrap();
    assert!(dossier.validate(EcbRates::embedded()).is_empty());
    let summaries = PledgeSummary::all(&dossier).unwrap();
    let us25 = summaries
        .iter()
        .find(|s| s.pledge().id().as_str() == "us-covid-25m")
        .unwrap();
    assert_eq!((us25.pledged(), us25.allocated()), (25_000_000, 1_500_000));
    let covax = us25
        .tranches()
        .iter()
        .find(|t| t.tranche().id().as_str() == "us-25m-covax")
        .unwrap();
    assert_eq!(
        covax.pledged_bounds().unwrap().to_string(),
        "between 18,500,000 and 19,500,000"
    );
    // Pledges part of others count once, within them: the G7's billion
    // holds the US's 500 million and the UK's 100 million; the US's 25
    // million is within its 80 million.
    assert_eq!(
        PledgeSummary::total_pledged(&summaries).to_string(),
        "more than 1,080,000,000"
    );
    // Round trip.
    assert_eq!(
        Dossier::from_json_str(&dossier.to_json_string().unwrap()).unwrap(),
        dossier
    );
    // The tranches the allocations name are the most specific ones.
    let (_, gt) = dossier
        .tranche(&TrancheId::new("us-25m-covax-americas").unwrap())
        .unwrap();
    assert_eq!(gt.name(), Some("South and Central America and the Caribbean"));
}

#[test]
fn the_file_is_as_the_crate_writes_it() {
    // Like the Guatemala dossier: the file is the writer's output, so that
    // a reader can diff what the crate writes against it.
    // `STATECRAFT_REGENERATE=1` rewrites it (after an edit by hand).
    let written = Dossier::from_json_str(&json()).unwrap().to_json_string().unwrap();
    if written != json() && std::env::var_os("STATECRAFT_REGENERATE").is_some() {
        std::fs::write(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(DOSSIER), &written).unwrap();
        return;
    }
    assert!(
        written == json(),
        "{DOSSIER} is not as the crate writes it: run `STATECRAFT_REGENERATE=1 cargo test --test examples \
         vaccine_sharing_example` and commit the result"
    );
}

/// The dossier with the doses of tranche `id` set to `doses`.
fn raised(id: &str, doses: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(&json()).unwrap();
    fn find<'a>(v: &'a mut serde_json::Value, id: &str) -> Option<&'a mut serde_json::Value> {
        if v.get("id").and_then(|x| x.as_str()) == Some(id) && v.get("doses").is_some() {
            return Some(v);
        }
        match v {
            serde_json::Value::Array(items) => items.iter_mut().find_map(|x| find(x, id)),
            serde_json::Value::Object(map) => map.values_mut().find_map(|x| find(x, id)),
            _ => None,
        }
    }
    let tranche = find(&mut value, id).unwrap();
    tranche["doses"] = serde_json::Value::from(doses);
    value.to_string()
}

#[test]
fn raising_any_regional_tranche_above_its_parent_fails_validation() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    for (region, low) in [
        ("americas", "26,000,000"),
        ("asia", "25,000,000"),
        ("africa", "27,000,000"),
    ] {
        let id = format!("us-25m-covax-{region}");
        let path = dir.join(format!("vaccine-sharing-{region}-raised.json"));
        std::fs::write(&path, raised(&id, "about 20,000,000")).unwrap();
        let o = run("validate", &[path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{region}: {}", stdout(&o));
        assert_eq!(
            stdout(&o),
            format!(
                "error[tranche-exceeds-parent] /vaccine_pledges/1/tranches/0/tranches: the tranches within tranche \
                 `us-25m-covax` sum to between {low} and {} doses (at least {low}), above the about 19,000,000 (at \
                 most 19,500,000) of the tranche\n1 error, 0 warnings\n",
                match region {
                    "americas" => "38,000,000",
                    "asia" => "37,000,000",
                    _ => "39,000,000",
                }
            )
        );
    }
    // Just within: the three parts at the most "about" allows still fit.
    let path = dir.join("vaccine-sharing-within.json");
    std::fs::write(&path, raised("us-25m-covax-asia", "about 7,400,000")).unwrap();
    let o = run("validate", &[path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn bad_arguments_exit_2_saying_what_is_wrong() {
    for (args, message) in [
        (&["--svg"][..], "error: --svg needs a file\n"),
        (
            &["--png", "out.png"][..],
            "error: usage: vaccine_sharing [--svg FILE.svg]\n",
        ),
        (&["extra"][..], "error: usage: vaccine_sharing [--svg FILE.svg]\n"),
    ] {
        let o = run("vaccine_sharing", args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&o.stderr), message, "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}
