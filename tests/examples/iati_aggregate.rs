//! The `aggregate` example on IATI files, run as a user would, against
//! what `iati_reference.py` printed for the same files
//! (`tests/data/iati/reference/`, written by `reference.sh`; no Python is
//! needed here): on every file of `tests/data/iati/`, by recipient, donor
//! and year, for the default types and for every type, stdout is the
//! reference's to the byte and stderr its line. Then what a bad file
//! does to an aggregation of several, and the library's entry point.

#![cfg(feature = "ecb-snapshot")]

use std::path::{Path, PathBuf};
use std::process::Output;

use statecraft::aggregate::{AggregateError, By, GroupKey, KeyPart};
use statecraft::fx::EcbRates;
use statecraft::iati::{FileSet, TypeFilter};
use statecraft::{Aggregator, Currency, Dimension};

use crate::example_bin::{self, text};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/iati")
}

fn run(args: &[&str]) -> Output {
    example_bin::run("aggregate", args)
}

const ALL_TYPES: &str = "1,2,3,4,5,6,7,8,9,10,11,12,13";

/// A temporary directory of this test's own, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("statecraft-iati-aggregate-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, content: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, content).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn prints_what_the_reference_prints_for_every_file() {
    let files = FileSet::new([data()]).unwrap().files().to_vec();
    assert_eq!(files.len(), 25);
    let mut runs = Vec::new();
    for file in &files {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        for by in ["recipient", "donor", "year"] {
            for (types, suffix) in [(None, ""), (Some(ALL_TYPES), "all-types.")] {
                runs.push((file.clone(), stem.clone(), by, types, suffix));
            }
        }
    }
    // Two at a time: each run parses the embedded ECB history.
    let failures: Vec<String> = std::thread::scope(|s| {
        let halves: Vec<_> = runs
            .chunks(runs.len().div_ceil(2))
            .map(|chunk| {
                s.spawn(move || {
                    let mut failures = Vec::new();
                    for (file, stem, by, types, suffix) in chunk {
                        let mut args = vec![file.to_str().unwrap(), "--to", "USD", "--by", by];
                        if let Some(t) = types {
                            args.extend(["--types", t]);
                        }
                        let o = run(&args);
                        let reference = |ext: &str| {
                            std::fs::read_to_string(data().join(format!("reference/{stem}.{suffix}{by}.{ext}")))
                                .unwrap()
                        };
                        let (out, err) = (text(&o.stdout), text(&o.stderr));
                        if o.status.code() != Some(0) || out != reference("csv") || err != reference("stderr") {
                            failures.push(format!(
                                "{stem} {suffix}{by}: exit {:?}\n--- got\n{out}{err}--- want\n{}{}",
                                o.status.code(),
                                reference("csv"),
                                reference("stderr")
                            ));
                        }
                    }
                    failures
                })
            })
            .collect();
        halves.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_directory_is_its_xml_files_summed_together() {
    // The three real files at once: the reference's totals of each, added.
    let real = [
        "dportal-covid19-2.03-part-a",
        "es-maec-indonesia-2.01",
        "gb-dfid-drc-1.01",
    ];
    let scratch = Scratch::new("directory");
    for stem in real {
        std::fs::copy(
            data().join(format!("{stem}.xml")),
            scratch.0.join(format!("{stem}.xml")),
        )
        .unwrap();
    }
    scratch.file("notes.txt", "not read");
    let o = run(&[scratch.0.to_str().unwrap(), "--to", "USD", "--by", "donor"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let mut want: std::collections::BTreeMap<String, statecraft::Decimal> = Default::default();
    for stem in real {
        let csv = std::fs::read_to_string(data().join(format!("reference/{stem}.donor.csv"))).unwrap();
        for line in csv.lines().skip(1) {
            let (key, total) = line.rsplit_once(',').unwrap();
            *want.entry(key.to_string()).or_default() += total.parse::<statecraft::Decimal>().unwrap();
        }
    }
    // No donor appears in two files, so no total was rounded twice.
    let rows: Vec<String> = want.iter().map(|(k, v)| format!("{k},{v:.2}")).collect();
    assert_eq!(text(&o.stdout), format!("donor,total\n{}\n", rows.join("\n")));
    assert_eq!(
        text(&o.stderr),
        "read 1581 transactions: 1159 counted, 422 skipped by type, 0 rejected (no-currency: 0, \
         unreadable-amount: 0, unreadable-date: 0, no-rate: 0); 9 activities percentages-not-100\n"
    );
}

const GOOD: &str = r#"<iati-activities>
 <iati-activity default-currency="EUR"><iati-identifier>XM-1</iati-identifier>
  <recipient-country code="GT"/>
  <transaction><transaction-type code="3"/><value value-date="2021-06-07">100</value></transaction>
 </iati-activity>
</iati-activities>
"#;

/// XM-2 is read whole, then the second transaction of XM-3 closes the
/// wrong element: nothing of the file is summed, XM-2 included.
const BAD: &str = r#"<iati-activities>
 <iati-activity default-currency="EUR"><iati-identifier>XM-2</iati-identifier>
  <recipient-country code="HN"/>
  <transaction><transaction-type code="3"/><value value-date="2021-06-07">7</value></transaction>
 </iati-activity>
 <iati-activity default-currency="EUR"><iati-identifier>XM-3</iati-identifier>
  <transaction><transaction-type code="3"/><value value-date="2021-06-07">5</value></transaction>
  <transaction><transaction-type code="3"/></value></transaction>
 </iati-activity>
</iati-activities>
"#;

#[test]
fn a_malformed_file_is_named_and_left_out_while_the_others_are_summed() {
    let scratch = Scratch::new("malformed");
    let good = scratch.file("a-good.xml", GOOD);
    let bad = scratch.file("b-bad.xml", BAD);
    let also_good = scratch.file("c-good.xml", &GOOD.replace("XM-1", "XM-4").replace("GT", "SV"));
    let o = run(&[
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        also_good.to_str().unwrap(),
        "--by",
        "recipient",
    ]);
    assert_eq!(o.status.code(), Some(1));
    // EUR 100 at 1.2162, in both good files; nothing of the bad one.
    assert_eq!(text(&o.stdout), "recipient,total\nGT,121.62\nSV,121.62\n");
    assert_eq!(
        text(&o.stderr),
        format!(
            "aggregate: `{}`: line 8, byte 466 (activity `XM-3`): `</value>` closes `<transaction>`\n\
             read 2 transactions: 2 counted, 0 skipped by type, 0 rejected (no-currency: 0, \
             unreadable-amount: 0, unreadable-date: 0, no-rate: 0); 0 activities percentages-not-100\n",
            bad.display()
        )
    );
}

#[test]
fn the_library_accounts_for_every_transaction_and_every_file() {
    let scratch = Scratch::new("library");
    let bad = scratch.file("bad.xml", BAD);
    let files = [
        data().join("generated-2000-seed11.xml"),
        bad.clone(),
        data().join("quirks/world-bank-empty-currency.xml"),
        scratch.0.join("missing.xml"),
    ];
    // A file that is not there is an error of FileSet::new, naming it.
    let e = FileSet::new(&files).unwrap_err();
    assert!(
        e.to_string()
            .starts_with(&format!("`{}`: cannot read: ", files[3].display())),
        "{e}"
    );
    for threads in [1, 2, 3] {
        let set = FileSet::new(&files[..3])
            .unwrap()
            .threads(threads)
            .types(TypeFilter::all());
        let rates = EcbRates::embedded().clone().with_legal_tender_check(false);
        let mut agg = Aggregator::new(&rates, Currency::USD, Dimension::Year);
        let summary = set.aggregate_into(&mut agg).unwrap();
        assert_eq!(summary.files, 2);
        assert_eq!(summary.failed.len(), 1);
        assert_eq!(summary.failed[0].file(), Some(bad.as_path()));
        assert_eq!(summary.failed[0].activity(), Some("XM-3"));
        assert_eq!(summary.failed[0].location().map(|l| (l.line, l.offset)), Some((8, 466)));
        assert_eq!(summary.read, summary.counted + summary.skipped + summary.rejected());
        let totals = agg.totals().unwrap();
        // The aggregator saw every transaction the reader passed with an
        // ISO currency: those it summed, and those it had no rate for.
        assert_eq!(totals.aggregated(), summary.counted);
        assert_eq!(totals.rejected(), summary.no_rate - unknown_currencies(&files[..1]));
        assert!(totals.groups().iter().all(|g| g.is_certain()));
        let line = summary.to_string();
        assert!(
            line.starts_with(&format!(
                "read {} transactions: {} counted",
                summary.read, summary.counted
            )),
            "{line}"
        );
        let key = GroupKey::new(KeyPart::Code("2021".into()), None);
        assert!(totals.get(&key).is_some(), "{threads} threads");
    }
}

/// Transactions of the default types and every other whose currency is
/// not an ISO code, in `files` (the generator writes none; counted by hand
/// so that the check above says what it means).
fn unknown_currencies(files: &[PathBuf]) -> u64 {
    let mut n = 0;
    for f in files {
        let mut reader = statecraft::iati::Reader::open(f).unwrap().types(TypeFilter::all());
        for e in reader.by_ref() {
            if let Ok(statecraft::iati::TransactionOutcome::Transaction(t)) = e {
                n += u64::from(t.currency().currency().is_none());
            }
        }
    }
    n
}

#[test]
fn a_retired_currency_is_converted_as_the_ecb_publishes_it() {
    // The ECB last quoted CYP on 2007-12-31; the 7-day policy answers with
    // that rate up to 2008-01-07, as the reference does (its output, pinned
    // here). A legal-tender check would refuse CYP from 2008-01-01.
    let scratch = Scratch::new("retired");
    let xml = r#"<iati-activities>
 <iati-activity default-currency="CYP"><iati-identifier>CY-1</iati-identifier>
  <transaction><transaction-type code="3"/><value value-date="2007-12-31">1000</value></transaction>
  <transaction><transaction-type code="3"/><value value-date="2008-01-07">1000</value></transaction>
  <transaction><transaction-type code="3"/><value value-date="2008-01-08">1000</value></transaction>
 </iati-activity>
</iati-activities>"#;
    let path = scratch.file("cyp.xml", xml);
    let o = run(&[path.to_str().unwrap(), "--by", "year"]);
    assert_eq!(text(&o.stdout), "year,total\n2007,2515.23\n2008,2515.57\n");
    assert_eq!(
        text(&o.stderr),
        "read 3 transactions: 2 counted, 0 skipped by type, 1 rejected (no-currency: 0, unreadable-amount: 0, \
         unreadable-date: 0, no-rate: 1); 0 activities percentages-not-100\n"
    );
    let files = FileSet::new([&path]).unwrap();
    let mut agg = Aggregator::new(EcbRates::embedded(), Currency::USD, Dimension::Year);
    let summary = files.aggregate_into(&mut agg).unwrap();
    assert_eq!((summary.counted, summary.no_rate), (1, 2));
}

#[test]
fn only_recipient_donor_and_year_key_iati_totals() {
    let files = FileSet::new([data().join("gb-dfid-drc-1.01.xml")]).unwrap();
    for by in ["region", "recipient,year", "stage"] {
        let by: By = by.parse().unwrap();
        let mut agg = Aggregator::new(EcbRates::embedded(), Currency::USD, by.clone());
        let e = files.aggregate_into(&mut agg).unwrap_err();
        assert_eq!(e, AggregateError::UnsupportedDimension { by: by.to_string() }, "{by}");
        assert_eq!(
            e.to_string(),
            format!("IATI transactions are totalled by recipient, donor or year, not by {by}")
        );
        assert_eq!(agg.read(), 0);
    }
    let o = run(&[data().join("gb-dfid-drc-1.01.xml").to_str().unwrap(), "--by", "region"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        text(&o.stderr),
        "aggregate: IATI transactions are totalled by recipient, donor or year, not by region\n"
    );
    let o = run(&["a.csv", data().join("gb-dfid-drc-1.01.xml").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).starts_with("aggregate: `a.csv`: IATI files and a CSV file cannot be summed together\n"),
        "{}",
        text(&o.stderr)
    );
    let o = run(&[data().join("../funding-2000.csv").to_str().unwrap(), "--types", "3"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr)
            .starts_with("aggregate: --types selects IATI transaction types: give .xml files or directories\n"),
        "{}",
        text(&o.stderr)
    );
}
