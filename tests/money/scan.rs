//! The scanner over running text: every figure with its span, never a
//! year, date, time, address or list number, unreadable figures reported.

use proptest::prelude::*;
use statecraft::money::SymbolContext;
use statecraft::scan::Scanner;
use statecraft::Country;

/// `span  kind  text  reading` for each figure found.
fn scan_in(text: &str, context: SymbolContext) -> Vec<String> {
    Scanner::new(context)
        .scan(text)
        .map(|f| {
            let span = f.span();
            assert_eq!(&text[span.clone()], f.text());
            match f.reading() {
                Ok(r) => format!("{}..{} {} `{}` {}", span.start, span.end, r.kind(), f.text(), r),
                Err(e) => format!("{}..{} unreadable `{}` {}", span.start, span.end, f.text(), e),
            }
        })
        .collect()
}

fn scan(text: &str) -> Vec<String> {
    scan_in(text, SymbolContext::international())
}

/// The figures of the notes text the `scan` example documents.
#[test]
fn every_figure_of_the_notes() {
    let text = include_str!("../../examples/data/guatemala-2021-notes.txt");
    assert_eq!(
        scan(text),
        [
            "252..278 count `more than 178,000 migrants` more than 178,000 migrants",
            "339..352 percent `more than 40%` more than 40%",
            "437..451 pair `$310m (£219m)` $310m (£219m)",
            "622..641 count `12 US organisations` 12 US organisations",
            "729..738 count `25m doses` 25,000,000 doses",
            "775..788 count `500,000 doses` 500,000 doses",
            "800..811 count `one million` 1,000,000",
            "857..883 count `approaching 230,000 deaths` approaching 230,000 deaths",
        ]
    );
}

/// The figures of the seed article (../shared/seed/guatemala-trip-article.txt),
/// checked by hand against the article: its nine figures, and nothing
/// else. Left out by design: "more than two decades", "four key items",
/// "the fourth highest", "the past four years" (numbers in words with no
/// magnitude), "Covid-19" (a name), "hundreds of millions" (no number).
/// The article is not part of the crate: the test reads it only where
/// the shared directory exists.
const SEED_FIGURES: [&str; 9] = [
    "count `More than 178,000 migrants` more than 178,000 migrants",
    "percent `more than 40%` more than 40%",
    "pair `$310m (£219m)` $310m (£219m)",
    "count `12 US organisations` 12 US organisations",
    "count `25m doses` 25,000,000 doses",
    "count `500,000` 500,000",
    "count `one million` 1,000,000",
    "count `approaching 230,000` approaching 230,000",
    "count `500,000 doses` 500,000 doses",
];

#[test]
fn every_figure_of_the_seed_article() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seed/guatemala-trip-article.txt");
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let found: Vec<String> = scan(&text)
        .into_iter()
        .map(|line| line.split_once(' ').map(|(_, rest)| rest.to_string()).unwrap())
        .collect();
    assert_eq!(found, SEED_FIGURES);
}

#[test]
fn never_a_year_date_time_address_or_list_number() {
    let text = "\
1. In 2021 the talks moved from 7 June to June 9, 2021, at 10:30 and again at 3pm.
2) The 2019-2020 figures, filed on 2021-06-07 and 07/06/2021, came from
10 Downing Street and 1600 Pennsylvania Avenue; the G7, Covid-19 and the
A320 are names, the 4th a rank, Q3 a quarter, and 3 p.m. a time; 2019-20 a fiscal year.";
    assert_eq!(scan(text), Vec::<String>::new());
}

#[test]
fn figures_beside_the_traps() {
    let text = "In 2021, about $4bn went to 3 to 4 million people; 1,200 doses arrived at 9am.";
    assert_eq!(
        scan(text),
        [
            "9..19 money `about $4bn` about $4bn",
            "28..49 count `3 to 4 million people` between 3,000,000 and 4,000,000 people",
            "51..62 count `1,200 doses` 1,200 doses",
        ]
    );
}

#[test]
fn money_of_every_notation_in_prose() {
    let text = "It pledged €1bn ($1.2bn), then up to $1bn and between £5m and £6m. \
India set aside ₹1.5 lakh crore; Rs 3,600.00 buys little. A coffee is 50p, \
the fare 75c, and 818 million euros went north. Nearly 6 million doses and \
$3-4bn were promised; 1 GBp is a penny.";
    assert_eq!(
        scan(text),
        [
            "11..26 pair `€1bn ($1.2bn)` €1bn ($1.2bn)",
            "33..43 money `up to $1bn` up to $1bn",
            "48..69 money `between £5m and £6m` between £5m and £6m",
            "87..104 money `₹1.5 lakh crore` ₹1.5tn",
            "106..117 money `Rs 3,600.00` ₹3.6k",
            "143..146 money `50p` £0.5",
            "157..160 money `75c` $0.75",
            "166..183 money `818 million euros` €818m",
            "196..218 count `Nearly 6 million doses` approaching 6,000,000 doses",
            "223..229 money `$3-4bn` between $3bn and $4bn",
            "245..250 money `1 GBp` £0.01",
        ]
    );
}

#[test]
fn unreadable_figures_are_reported_with_their_span() {
    let text = "The fund holds $1,00,000 and kr 100 in cash.";
    assert_eq!(
        scan(text),
        [
            "15..24 unreadable `$1,00,000` invalid figure `$1,00,000`: bad digit grouping",
            "29..35 unreadable `kr 100` invalid figure `kr 100`: ambiguous currency symbol `kr`: DKK, ISK, NOK or SEK (give a country of publication)",
        ]
    );
    // Copy from Sweden reads its own crowns.
    assert_eq!(
        scan_in(text, SymbolContext::published_in(Country::SE))[1],
        "29..35 money `kr 100` SEK 100"
    );
}

proptest! {
    /// Any text: figures in order, not overlapping, on character
    /// boundaries, each its own span's text; never a panic.
    #[test]
    fn spans_are_ordered_and_exact(text in "([a-zA-Z$£€₹%(),.:/ -]{0,3}[0-9]{0,4}){0,12}") {
        let mut last = 0;
        for f in Scanner::default().scan(&text) {
            let span = f.span();
            prop_assert!(span.start >= last && span.start < span.end, "{span:?} after {last}");
            prop_assert_eq!(text.get(span.clone()), Some(f.text()));
            last = span.end;
        }
    }
}
