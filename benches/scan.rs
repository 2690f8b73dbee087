//! The scanner over news text, against a plain regex pass over the same
//! text in the same run (issue 14: at least 50 MB/s on one core).
//!
//! `cargo bench --bench scan`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use regex::Regex;
use statecraft::scan::Scanner;

/// About 1 MB of news copy: the notes text and paragraphs of prose with
/// the figures, dates, times and names news carries, repeated.
fn corpus() -> String {
    let notes = include_str!("../examples/data/guatemala-2021-notes.txt");
    let prose = "\
The ministers met in Brussels on 14 March 2022 and agreed on a package of about $4bn, \
of which more than £200m comes from London and between €5m and €6m from Dublin. \
Officials said the money (roughly 0.2% of the bloc's budget) would reach 3 to 4 million \
people by the end of 2023. At 9:30 the G7 envoys, who had flown in from Covid-19 talks, \
heard that nearly 6 million doses had been shipped, and that 178,000 migrants had crossed \
in April alone. The Indian delegation set out ₹1.5 lakh crore of spending; its finance \
ministry's statement ran to 12 pages. Few of those present expected a deal before the \
summer, and fewer still thought the pledges would be kept in full; the last round, in \
2019, had delivered less than half of what was promised, according to a report by the \
Overseas Development Institute published in its 4th annual review.\n\n";
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        text.push_str(notes);
        text.push_str(prose);
        text.push_str(prose);
    }
    text
}

fn scanning(c: &mut Criterion) {
    let text = corpus();
    let scanner = Scanner::default();
    let figures = scanner.scan(&text).count();
    let unreadable = scanner.scan(&text).filter(|f| f.reading().is_err()).count();
    // A fast wrong answer must not pass: every figure of each repetition,
    // none unreadable.
    let reps = text.matches("Notes on the vice-president").count();
    assert_eq!(unreadable, 0);
    assert_eq!(figures, reps * (8 + 2 * 9), "{figures} figures in {reps} repetitions");
    // The baseline: one regex pass for things shaped like figures.
    let re = Regex::new(r"(?:[$£€¥₹]|\b[A-Z]{3} ?)?\d[\d,]*(?:\.\d+)?(?: ?(?:k|m|bn|million|billion|lakh crore|%))?")
        .unwrap();
    assert!(re.find_iter(&text).count() > figures);

    let mut g = c.benchmark_group("scan");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("scanner (1 MB of news text)", |b| {
        b.iter(|| scanner.scan(black_box(&text)).count())
    });
    g.bench_function("plain regex pass (same text)", |b| {
        b.iter(|| re.find_iter(black_box(&text)).count())
    });
    g.finish();
}

criterion_group!(benches, scanning);
criterion_main!(benches);
