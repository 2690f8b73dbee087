//! Properties of the IATI reader on generated activity files: a
//! well-formed file never fails; every `<transaction>` is read once, in
//! order; what becomes of each is what its parts say (an oracle written
//! from the reference's rules, part by part); and how the file is written
//! (element order, quotes, indentation, comments, CDATA, character
//! references, ISO-8859-1) changes nothing but locations.

use proptest::prelude::*;
use statecraft::iati::{Reader, Recipients, TransactionOutcome};

/// A value as written, and what the reader must make of it.
type Part = (&'static str, Option<&'static str>);

/// Type codes, and the code the default filter (3, 4) passes.
const TYPES: &[Part] = &[
    ("3", Some("3")),
    ("4", Some("4")),
    ("D", Some("3")),
    ("e", Some("4")),
    (" 3 ", Some("3")),
    ("2", None),
    ("C", None),
    ("03", None),
    ("", None),
    ("11", None),
];
/// Currencies, and the code read (None: absent).
const CURRENCIES: &[Part] = &[
    ("USD", Some("USD")),
    ("eur", Some("EUR")),
    (" GBP ", Some("GBP")),
    ("", None),
    ("  ", None),
    ("XYZ", Some("XYZ")),
];
/// Amounts, and the decimal read (None: unreadable).
const AMOUNTS: &[Part] = &[
    ("5", Some("5")),
    ("-1250.50", Some("-1250.50")),
    ("+.5", Some("0.5")),
    (" 7. ", Some("7")),
    ("1,000", None),
    ("1e5", None),
    ("", None),
    ("R&D", None),
];
/// Dates, and the day read (None: unreadable).
const DATES: &[Part] = &[
    ("2021-06-07", Some("2021-06-07")),
    ("2020-02-29Z", Some("2020-02-29")),
    ("1999-01-04+01:00", Some("1999-01-04")),
    ("2021-02-29", None),
    ("31/12/2011", None),
    ("Q1 2011", None),
];
/// Organisation refs, and the ref read (None: empty).
const REFS: &[Part] = &[
    ("GB-GOV-1", Some("GB-GOV-1")),
    (" XM-DAC-41122 ", Some("XM-DAC-41122")),
    ("", None),
    ("AT&T \"x\" <y>", Some("AT&T \"x\" <y>")),
    ("FR-6-État", Some("FR-6-État")),
];
/// Country codes, and the key.
const COUNTRIES: &[Part] = &[("GT", Some("GT")), ("hn", Some("HN")), ("998", Some("998")), ("", None)];

#[derive(Clone, Debug)]
struct Tx {
    type_code: Option<usize>,
    value: Option<(Option<usize>, Option<usize>, Option<usize>)>, // currency, amount, value-date
    date: Option<usize>,
    provider: Option<usize>,
    country: Option<usize>,
}

#[derive(Clone, Debug)]
struct Act {
    default_currency: Option<usize>,
    reporting: Option<usize>,
    countries: Vec<(usize, u8)>,
    transactions: Vec<Tx>,
}

#[derive(Clone, Copy, Debug)]
struct Style {
    quote: char,
    indent: bool,
    transactions_first: bool,
    comments: bool,
    cdata: bool,
    char_refs: bool,
    latin1: bool,
    root: u8,
}

fn pick(pool: &'static [Part]) -> impl Strategy<Value = usize> {
    0..pool.len()
}

fn tx() -> impl Strategy<Value = Tx> {
    (
        prop::option::weighted(0.95, pick(TYPES)),
        prop::option::weighted(
            0.95,
            (
                prop::option::of(pick(CURRENCIES)),
                prop::option::weighted(0.9, pick(AMOUNTS)),
                prop::option::of(pick(DATES)),
            ),
        ),
        prop::option::of(pick(DATES)),
        prop::option::of(pick(REFS)),
        prop::option::weighted(0.3, pick(COUNTRIES)),
    )
        .prop_map(|(type_code, value, date, provider, country)| Tx {
            type_code,
            value,
            date,
            provider,
            country,
        })
}

fn act() -> impl Strategy<Value = Act> {
    (
        prop::option::of(pick(CURRENCIES)),
        prop::option::of(pick(REFS)),
        prop::collection::vec((pick(COUNTRIES), 0u8..=100), 0..4),
        prop::collection::vec(tx(), 0..6),
    )
        .prop_map(|(default_currency, reporting, countries, transactions)| Act {
            default_currency,
            reporting,
            countries,
            transactions,
        })
}

fn style() -> impl Strategy<Value = Style> {
    (
        prop::sample::select(vec!['"', '\'']),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        0u8..3,
    )
        .prop_map(
            |(quote, indent, transactions_first, comments, cdata, char_refs, latin1, root)| Style {
                quote,
                indent,
                transactions_first,
                comments,
                cdata,
                char_refs,
                latin1,
                root,
            },
        )
}

const PLAIN: Style = Style {
    quote: '"',
    indent: false,
    transactions_first: false,
    comments: false,
    cdata: false,
    char_refs: false,
    latin1: false,
    root: 0,
};

fn escape(s: &str, char_refs: bool) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if char_refs && c.is_ascii_digit() => out.push_str(&format!("&#{};", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The file, written in `style`.
fn write(acts: &[Act], style: Style) -> Vec<u8> {
    let q = style.quote;
    let nl = if style.indent { "\n   " } else { "" };
    let attr = |name: &str, pool: &'static [Part], i: Option<usize>| match i {
        Some(i) => format!(" {name}={q}{}{q}", escape(pool[i].0, style.char_refs)),
        None => String::new(),
    };
    let mut body = String::new();
    for a in acts {
        body.push_str(&format!(
            "<iati-activity{}>{nl}",
            attr("default-currency", CURRENCIES, a.default_currency)
        ));
        let mut head = String::new();
        head.push_str(&format!("<iati-identifier>id</iati-identifier>{nl}"));
        if style.comments {
            head.push_str(&format!("<!-- a comment -->{nl}"));
        }
        if let Some(r) = a.reporting {
            head.push_str(&format!("<reporting-org{}/>{nl}", attr("ref", REFS, Some(r))));
        }
        for (c, p) in &a.countries {
            head.push_str(&format!(
                "<recipient-country{} percentage={q}{p}{q}/>{nl}",
                attr("code", COUNTRIES, Some(*c))
            ));
        }
        let mut txs = String::new();
        for t in &a.transactions {
            txs.push_str(&format!("<transaction>{nl}"));
            if let Some(c) = t.provider {
                txs.push_str(&format!("<provider-org{}/>", attr("ref", REFS, Some(c))));
            }
            if let Some(code) = t.type_code {
                txs.push_str(&format!("<transaction-type{}/>", attr("code", TYPES, Some(code))));
            }
            if let Some(d) = t.date {
                txs.push_str(&format!("<transaction-date{}/>", attr("iso-date", DATES, Some(d))));
            }
            if let Some((cur, amount, vd)) = t.value {
                let text = amount.map_or(String::new(), |i| {
                    if style.cdata {
                        format!("<![CDATA[{}]]>", AMOUNTS[i].0)
                    } else {
                        escape(AMOUNTS[i].0, style.char_refs)
                    }
                });
                txs.push_str(&format!(
                    "<value{}{}>{text}</value>",
                    attr("currency", CURRENCIES, cur),
                    attr("value-date", DATES, vd)
                ));
            }
            if let Some(c) = t.country {
                txs.push_str(&format!("<recipient-country{}/>", attr("code", COUNTRIES, Some(c))));
            }
            txs.push_str(&format!("{nl}</transaction>{nl}"));
        }
        if style.transactions_first {
            body.push_str(&txs);
            body.push_str(&head);
        } else {
            body.push_str(&head);
            body.push_str(&txs);
        }
        body.push_str("</iati-activity>\n");
    }
    let encoding = if style.latin1 { "ISO-8859-1" } else { "UTF-8" };
    let doc = match style.root {
        0 => format!("<?xml version=\"1.0\" encoding=\"{encoding}\"?>\n<iati-activities version=\"2.03\">\n{body}</iati-activities>\n"),
        1 => format!("<?xml version=\"1.0\" encoding=\"{encoding}\"?>\n<result><ok>True</ok><iati-activities>\n{body}</iati-activities></result>\n"),
        _ => format!("<?xml version=\"1.0\" encoding=\"{encoding}\"?>\n<iati-activities>\n{body}</iati-activities>"),
    };
    if style.latin1 {
        doc.chars().map(|c| u8::try_from(u32::from(c)).unwrap()).collect()
    } else {
        doc.into_bytes()
    }
}

/// What the reader made of each transaction, without locations.
fn read(bytes: &[u8]) -> Vec<String> {
    let mut reader = Reader::new(bytes);
    let out: Vec<String> = reader
        .by_ref()
        .map(
            |e| match e.unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(bytes))) {
                TransactionOutcome::Transaction(t) => {
                    let to = match t.recipients() {
                        Recipients::Own(r) => r.to_string(),
                        Recipients::Split(a) => {
                            let shares: Vec<String> = a
                                .shares()
                                .iter()
                                .map(|s| format!("{} {}", s.recipient, s.percentage))
                                .collect();
                            shares.join(" + ")
                        }
                        Recipients::Unspecified => "unspecified".into(),
                    };
                    let donor = t.donor().map_or("unspecified".to_string(), |d| d.to_string());
                    format!(
                        "{} {} {} {} from {donor} to {to}",
                        t.type_code(),
                        t.amount(),
                        t.currency(),
                        t.date()
                    )
                }
                TransactionOutcome::Skipped(_) => "skipped".into(),
                TransactionOutcome::Rejected(r) => r.reason.class().key().to_string(),
            },
        )
        .collect();
    let c = reader.counts();
    assert_eq!(c.read, c.transactions + c.skipped + c.rejected());
    assert_eq!(c.read, out.len() as u64);
    out
}

/// What the reference's rules say of each transaction, from its parts.
fn oracle(acts: &[Act]) -> Vec<String> {
    let mut out = Vec::new();
    for a in acts {
        let known: Vec<&(usize, u8)> = a.countries.iter().filter(|(c, _)| COUNTRIES[*c].1.is_some()).collect();
        for t in &a.transactions {
            let Some(code) = t.type_code.and_then(|i| TYPES[i].1) else {
                out.push("skipped".into());
                continue;
            };
            let currency = t
                .value
                .and_then(|(c, _, _)| c.and_then(|c| CURRENCIES[c].1))
                .or(a.default_currency.and_then(|c| CURRENCIES[c].1));
            let Some(currency) = currency else {
                out.push("no-currency".into());
                continue;
            };
            let Some(amount) = t.value.and_then(|(_, a, _)| a.and_then(|a| AMOUNTS[a].1)) else {
                out.push("unreadable-amount".into());
                continue;
            };
            let date = match t.value.and_then(|(_, _, d)| d) {
                Some(d) => DATES[d].1,
                None => t.date.and_then(|d| DATES[d].1),
            };
            let Some(date) = date else {
                out.push("unreadable-date".into());
                continue;
            };
            let donor = t
                .provider
                .and_then(|p| REFS[p].1)
                .or(a.reporting.and_then(|r| REFS[r].1))
                .unwrap_or("unspecified");
            let to = match t.country.and_then(|c| COUNTRIES[c].1) {
                Some(c) => c.to_string(),
                None if known.is_empty() => "unspecified".into(),
                None => {
                    let shares: Vec<String> = known
                        .iter()
                        .map(|(c, p)| format!("{} {p}", COUNTRIES[*c].1.unwrap_or_default()))
                        .collect();
                    shares.join(" + ")
                }
            };
            out.push(format!("{code} {amount} {currency} {date} from {donor} to {to}"));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_transaction_reads_as_its_parts_say(acts in prop::collection::vec(act(), 0..5), style in style()) {
        let plain = read(&write(&acts, PLAIN));
        prop_assert_eq!(&plain, &oracle(&acts));
        prop_assert_eq!(read(&write(&acts, style)), plain);
    }
}

#[test]
fn an_unreadable_value_date_is_not_replaced() {
    // A transaction whose value-date is unreadable is rejected even with a
    // readable transaction date: the reader must not fall back.
    let acts = [Act {
        default_currency: Some(0),
        reporting: None,
        countries: vec![],
        transactions: vec![Tx {
            type_code: Some(0),
            value: Some((None, Some(0), Some(3))),
            date: Some(0),
            provider: None,
            country: None,
        }],
    }];
    assert_eq!(read(&write(&acts, PLAIN)), ["unreadable-date"]);
    assert_eq!(oracle(&acts), ["unreadable-date"]);
}
