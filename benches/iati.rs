//! The IATI reader against quick-xml alone, over the same bytes in the
//! same run, and the aggregation of the same file by recipient in USD:
//! megabytes per second on one core.
//!
//! `cargo bench --bench iati`
//!
//! The input is `tests/data/iati/generated-2000-seed11.xml` (written by
//! the project's `gen_iati.py`, 2,000 transactions) with its activities
//! repeated 10 times: 20,000 transactions, 9.3 MB, written once to
//! `target/`. Each reader's result is checked, so a fast wrong answer
//! fails. Whole-file figures (the 1-million-transaction file, peak
//! memory) come from the `iati_read` example under `/usr/bin/time -v`:
//! see the README.

use std::hint::black_box;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use quick_xml::events::Event;
use statecraft::fx::EcbRates;
use statecraft::iati::{Counts, FileSet, Reader};
use statecraft::{Aggregator, Currency, Dimension};

const REPEAT: usize = 10;

/// The generated file with its activities repeated, in `target/`.
fn input() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("target/iati-bench-20k.xml");
    if !path.exists() {
        let one = std::fs::read_to_string(root.join("tests/data/iati/generated-2000-seed11.xml")).unwrap();
        let start = one.find(" <iati-activity ").unwrap();
        let end = one.rfind("</iati-activities>").unwrap();
        let mut out = String::with_capacity(one.len() * REPEAT);
        out.push_str(&one[..start]);
        for _ in 0..REPEAT {
            out.push_str(&one[start..end]);
        }
        out.push_str(&one[end..]);
        std::fs::write(&path, out).unwrap();
    }
    path
}

fn read(bytes: &[u8]) -> Counts {
    let mut reader = Reader::new(bytes);
    for entry in reader.by_ref() {
        black_box(entry.unwrap());
    }
    *reader.counts()
}

/// Every event, through quick-xml's borrowing reader and nothing else.
fn bare_slice(bytes: &[u8]) -> u64 {
    let mut xml = quick_xml::Reader::from_reader(bytes);
    let mut events = 0;
    loop {
        match xml.read_event().unwrap() {
            Event::Eof => return events,
            e => {
                black_box(e);
                events += 1;
            }
        }
    }
}

/// Every event, through quick-xml's buffered reader (its usual streaming
/// use) and nothing else.
fn bare_buffered(bytes: &[u8]) -> u64 {
    let mut xml = quick_xml::Reader::from_reader(BufReader::with_capacity(1 << 20, bytes));
    let mut buf = Vec::new();
    let mut events = 0;
    loop {
        match xml.read_event_into(&mut buf).unwrap() {
            Event::Eof => return events,
            e => {
                black_box(e);
                events += 1;
            }
        }
        buf.clear();
    }
}

fn bench(c: &mut Criterion) {
    let path = input();
    let bytes = std::fs::read(&path).unwrap();
    let counts = read(&bytes);
    // The reference's counts of the one file (tests/data/iati/reference/),
    // times the repeats: read 2000, skipped 711, rejected 3; passed 1286
    // (1266 counted + 20 with no rate).
    assert_eq!(
        (counts.read, counts.skipped, counts.rejected(), counts.transactions),
        (
            2000 * REPEAT as u64,
            711 * REPEAT as u64,
            3 * REPEAT as u64,
            1286 * REPEAT as u64
        )
    );
    let events = bare_slice(&bytes);
    assert_eq!(bare_buffered(&bytes), events);

    let mut g = c.benchmark_group("iati");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.sample_size(20);
    g.bench_function("reader", |b| b.iter(|| assert_eq!(read(&bytes), counts)));
    g.bench_function("quick-xml borrowing, events only", |b| {
        b.iter(|| assert_eq!(bare_slice(&bytes), events))
    });
    g.bench_function("quick-xml buffered, events only", |b| {
        b.iter(|| assert_eq!(bare_buffered(&bytes), events))
    });
    let files = FileSet::new([&path]).unwrap().threads(1);
    g.bench_function("file set, from disk", |b| {
        b.iter(|| {
            let r = files.fold(|| (), |_, e| drop(black_box(e)), |_, _| ());
            assert_eq!(r[0].result.as_ref().map(|(_, c)| *c).ok(), Some(counts));
        })
    });
    // The ECB history of the crate, as the reference reads it.
    let ecb = std::fs::File::open(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/eurofxref-hist.csv")).unwrap();
    let rates = EcbRates::from_csv(ecb).unwrap().with_legal_tender_check(false);
    g.bench_function("aggregate by recipient in USD, from disk", |b| {
        b.iter(|| {
            let mut agg = Aggregator::new(&rates, Currency::USD, Dimension::Recipient);
            let summary = files.aggregate_into(&mut agg).unwrap();
            // The reference's counted and no-rate, times the repeats.
            assert_eq!(
                (summary.counted, summary.no_rate),
                (1266 * REPEAT as u64, 20 * REPEAT as u64)
            );
            black_box(agg.totals().unwrap());
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
