//! The IATI reader against `iati_reference.py`, on every file of
//! `tests/data/iati/` (real publishers' files, IATI's own examples, one
//! generated file, and one small file per quirk of real data): the
//! reader's counts must equal the reference's stderr line, for the
//! default types and for every type; and what it yields for each quirk
//! file is pinned next to it (`quirks/NAME.expected`;
//! `STATECRAFT_REGENERATE=1` rewrites them: review the diff).
//!
//! The reference's outputs were written by `tests/data/iati/reference.sh`
//! (see `tests/data/iati/README.md`); no Python is needed here.
//!
//! The reference counts a transaction only when an exchange rate exists
//! for it (`no-rate` otherwise), and an activity as
//! percentages-not-100 only for transactions it counted. The reader does
//! not convert, so to compare whole lines this test asks the crate's
//! `EcbRates` (same file, same 7-day policy) whether a rate exists: it
//! sums nothing. Totals are the aggregator's, tested when it reads IATI.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::Datelike as _;
use statecraft::fx::{EcbRates, RateSource};
use statecraft::iati::{
    CurrencyCode, FileSet, Reader, Recipients, Transaction, TransactionOutcome, TypeFilter, UNSPECIFIED,
};
use statecraft::Currency;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/iati")
}

fn ecb() -> &'static EcbRates {
    static RATES: OnceLock<EcbRates> = OnceLock::new();
    RATES.get_or_init(|| {
        let file = std::fs::File::open(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/eurofxref-hist.csv")).unwrap();
        EcbRates::from_csv(file).unwrap()
    })
}

/// Whether the reference finds a rate to USD for `t`.
fn has_usd_rate(t: &Transaction) -> bool {
    match t.currency() {
        CurrencyCode::Iso(Currency::USD) => true,
        CurrencyCode::Iso(c) => ecb().rate(*c, Currency::USD, t.date()).is_ok(),
        CurrencyCode::Other(_) => false,
    }
}

/// The reference's stderr line, from the reader's entries and the rate
/// question above.
fn stderr_line(entries: &[TransactionOutcome]) -> String {
    let (mut read, mut counted, mut skipped, mut no_rate) = (0, 0, 0, 0);
    let (mut no_currency, mut amount, mut date) = (0, 0, 0);
    let mut flagged = std::collections::BTreeSet::new();
    for e in entries {
        read += 1;
        match e {
            TransactionOutcome::Transaction(t) if has_usd_rate(t) => {
                counted += 1;
                if let Recipients::Split(a) = t.recipients() {
                    if !a.sums_to_100() {
                        flagged.insert(a.location().offset);
                    }
                }
            }
            TransactionOutcome::Transaction(_) => no_rate += 1,
            TransactionOutcome::Skipped(_) => skipped += 1,
            TransactionOutcome::Rejected(r) => match r.reason.class().key() {
                "no-currency" => no_currency += 1,
                "unreadable-amount" => amount += 1,
                _ => date += 1,
            },
        }
    }
    format!(
        "read {read} transactions: {counted} counted, {skipped} skipped by type, {} rejected \
         (no-currency: {no_currency}, unreadable-amount: {amount}, unreadable-date: {date}, no-rate: {no_rate}); \
         {} activities percentages-not-100",
        no_currency + amount + date + no_rate,
        flagged.len()
    )
}

fn xml_files() -> Vec<PathBuf> {
    let files = FileSet::new([data()]).unwrap().files().to_vec();
    assert_eq!(files.len(), 25, "{files:?}");
    files
}

fn read_all(path: &Path, types: TypeFilter) -> Vec<TransactionOutcome> {
    let mut reader = Reader::open(path).unwrap().types(types);
    let entries: Vec<TransactionOutcome> = reader
        .by_ref()
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{e}"));
    let c = reader.counts();
    assert_eq!(c.read, entries.len() as u64);
    assert_eq!(c.read, c.transactions + c.skipped + c.rejected(), "{}", path.display());
    entries
}

/// Calls `check(entries, by, reference)` for every file, both type
/// filters and every dimension, `reference(ext)` being the path of the
/// reference's output for them (`reference/STEM.[all-types.]BY.EXT`);
/// collects what it reports.
fn against_references(check: impl Fn(&[TransactionOutcome], &str, &dyn Fn(&str) -> PathBuf) -> Option<String>) {
    let mut failures = Vec::new();
    for path in xml_files() {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        for (types, suffix) in [(TypeFilter::default(), ""), (TypeFilter::all(), "all-types.")] {
            let entries = read_all(&path, types);
            for by in ["recipient", "donor", "year"] {
                let reference = |ext: &str| data().join(format!("reference/{stem}.{suffix}{by}.{ext}"));
                if let Some(why) = check(&entries, by, &reference) {
                    failures.push(format!("{stem} {suffix}{by}:\n{why}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn counts_equal_the_references_on_every_file() {
    against_references(|entries, _, reference| {
        let want = std::fs::read_to_string(reference("stderr")).unwrap();
        let got = stderr_line(entries);
        (want.trim_end() != got).then(|| format!("  want {}\n   got {got}", want.trim_end()))
    });
}

#[test]
fn the_real_files_hold_what_their_readme_says() {
    let files = FileSet::new([data()]).unwrap().threads(2);
    let results = files.fold(|| (), |_, _| (), |_, _| ());
    let line = |name: &str| {
        let r = results.iter().find(|r| r.path.ends_with(name)).unwrap();
        let (_, counts) = r.result.as_ref().unwrap();
        (
            counts.activities,
            counts.read,
            counts.transactions,
            counts.skipped,
            counts.percentages_not_100,
        )
    };
    assert_eq!(line("gb-dfid-drc-1.01.xml"), (205, 815, 681, 134, 0));
    assert_eq!(line("es-maec-indonesia-2.01.xml"), (83, 216, 108, 108, 9));
    assert_eq!(line("dportal-covid19-2.03-part-a.xml"), (181, 550, 370, 180, 0));
    assert!(results.iter().all(|r| r.result.is_ok()));
}

/// The keys a dimension lists for `entries` (those the reference counts:
/// with a rate), spelt by the reader's types.
fn keys(entries: &[TransactionOutcome], by: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for t in entries.iter().filter_map(|e| match e {
        TransactionOutcome::Transaction(t) if has_usd_rate(t) => Some(t),
        _ => None,
    }) {
        match by {
            "recipient" => match t.recipients() {
                Recipients::Own(r) => {
                    keys.insert(r.to_string());
                }
                Recipients::Split(a) => keys.extend(a.shares().iter().map(|s| s.recipient.to_string())),
                Recipients::Unspecified => {
                    keys.insert(UNSPECIFIED.to_string());
                }
            },
            "donor" => {
                keys.insert(t.donor().map_or(UNSPECIFIED.to_string(), |d| d.to_string()));
            }
            _ => {
                keys.insert(format!("{:04}", t.date().year()));
            }
        }
    }
    keys
}

#[test]
fn keys_are_spelt_as_the_references() {
    against_references(|entries, by, reference| {
        let csv = std::fs::read(reference("csv")).unwrap();
        let mut rows = csv::Reader::from_reader(csv.as_slice());
        assert_eq!(rows.headers().unwrap().iter().collect::<Vec<_>>(), [by, "total"]);
        let want: BTreeSet<String> = rows.records().map(|r| r.unwrap()[0].to_string()).collect();
        let got = keys(entries, by);
        (want != got).then(|| format!("  want {want:?}\n   got {got:?}"))
    });
}

/// One line per entry, saying everything the reader yields of it.
fn describe(entries: &[TransactionOutcome]) -> String {
    let mut out = String::new();
    let mut last_activity = None;
    for e in entries {
        let a = e.activity();
        if last_activity != Some(a.location()) {
            last_activity = Some(a.location());
            let shares: Vec<String> = a
                .shares()
                .iter()
                .map(|s| format!("{} {}%", s.recipient, s.percentage))
                .collect();
            writeln!(
                out,
                "activity at {}: id {}, default currency {}, reporting-org {}, split [{}]{}",
                a.location(),
                a.identifier().unwrap_or("-"),
                a.default_currency().map_or("-".into(), |c| c.to_string()),
                a.reporting_org().map_or("-", |r| r.as_str()),
                shares.join(", "),
                if a.sums_to_100() || a.shares().is_empty() {
                    ""
                } else {
                    " (not 100)"
                },
            )
            .unwrap();
        }
        match e {
            TransactionOutcome::Transaction(t) => {
                let to = match t.recipients() {
                    Recipients::Own(r) => format!("own {r}"),
                    Recipients::Split(_) => "split".into(),
                    Recipients::Unspecified => "unspecified".into(),
                };
                writeln!(
                    out,
                    "  {}: type {}, {} {} on {} ({:?}), donor {}, to {to}",
                    t.location(),
                    t.type_code(),
                    t.amount(),
                    t.currency(),
                    t.date(),
                    t.date_source(),
                    t.donor().map_or("unspecified", |d| d.as_str()),
                )
                .unwrap();
            }
            TransactionOutcome::Skipped(s) => writeln!(
                out,
                "  {}: skipped, type {}",
                s.at,
                s.type_code.as_ref().map_or("none".into(), |c| c.to_string())
            )
            .unwrap(),
            TransactionOutcome::Rejected(r) => writeln!(out, "  rejected: {r}").unwrap(),
        }
    }
    out
}

#[test]
fn each_quirk_reads_as_pinned() {
    let regenerate = std::env::var_os("STATECRAFT_REGENERATE").is_some();
    let mut failures = Vec::new();
    let quirks = FileSet::new([data().join("quirks")]).unwrap();
    assert_eq!(quirks.files().len(), 16);
    for path in quirks.files() {
        let mut reader = Reader::open(path).unwrap().types(TypeFilter::all());
        let entries: Vec<TransactionOutcome> = reader.by_ref().collect::<Result<_, _>>().unwrap();
        let got = format!("{}{}\n", describe(&entries), reader.counts());
        let expected = path.with_extension("expected");
        if regenerate {
            std::fs::write(&expected, &got).unwrap();
        } else if std::fs::read_to_string(&expected).unwrap_or_default() != got {
            failures.push(format!("{}:\n{got}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn transaction_types_are_the_codelists() {
    use statecraft::iati::TransactionType;
    let xml = std::fs::read_to_string(data().join("../iati-codelists/TransactionType.xml")).unwrap();
    let mut listed = Vec::new();
    for item in xml.split("<codelist-item>").skip(1) {
        let code = item
            .split("<code>")
            .nth(1)
            .and_then(|s| s.split("</code>").next())
            .unwrap();
        let name = item
            .split("<narrative>")
            .nth(1)
            .and_then(|s| s.split("</narrative>").next())
            .unwrap();
        listed.push((code.parse::<u8>().unwrap(), name.to_string()));
    }
    let ours: Vec<(u8, String)> = TransactionType::iter()
        .map(|t| (t.code(), t.name().to_string()))
        .collect();
    assert_eq!(ours, listed);
}
