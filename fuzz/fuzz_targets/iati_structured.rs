//! The IATI reader on XML built from arbitrary parts: every file built
//! here is well-formed, so it must read without error, every
//! `<transaction>` once; arbitrary text goes into names' values, codes,
//! amounts and dates, escaped as XML requires.
#![no_main]

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use statecraft::iati::{Reader, TypeFilter};

#[derive(Arbitrary, Debug)]
enum Root {
    Activities,
    Result,
    Bare,
}

#[derive(Arbitrary, Debug)]
enum Part {
    Identifier(String),
    ReportingOrg(String),
    Country(String, Option<String>),
    Region(String, Option<String>, Option<String>),
    Transaction(Vec<TxPart>),
    Comment(String),
    Foreign(String),
    Narrative(String),
}

#[derive(Arbitrary, Debug)]
enum TxPart {
    Type(String),
    TypeText(String),
    Value(Option<String>, Option<String>, String, bool),
    Date(String),
    Provider(String),
    Country(String),
    Region(String, Option<String>),
    Other(String),
}

#[derive(Arbitrary, Debug)]
struct Doc {
    root: Root,
    activities: Vec<(Option<String>, Vec<Part>)>,
}

fn esc(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML does not allow are left out.
            c if matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..) => {
                out.push(c)
            }
            _ => {}
        }
    }
    out
}

fn attr(name: &str, v: &Option<String>) -> String {
    v.as_ref().map_or(String::new(), |v| format!(" {name}=\"{}\"", esc(v)))
}

fuzz_target!(|doc: Doc| {
    let mut xml = String::from("<?xml version=\"1.0\"?>\n");
    let (open, close) = match doc.root {
        Root::Activities => ("<iati-activities>", "</iati-activities>"),
        Root::Result => ("<result><ok>True</ok><iati-activities>", "</iati-activities></result>"),
        Root::Bare => ("", ""),
    };
    let activities = if matches!(doc.root, Root::Bare) { &doc.activities[..doc.activities.len().min(1)] } else { &doc.activities[..] };
    if activities.is_empty() && matches!(doc.root, Root::Bare) {
        return;
    }
    xml.push_str(open);
    let mut transactions = 0u64;
    for (currency, parts) in activities {
        xml.push_str(&format!("<iati-activity{}>", attr("default-currency", currency)));
        for part in parts {
            match part {
                Part::Identifier(t) => xml.push_str(&format!("<iati-identifier>{}</iati-identifier>", esc(t))),
                Part::ReportingOrg(r) => xml.push_str(&format!("<reporting-org ref=\"{}\"/>", esc(r))),
                Part::Country(c, p) => xml.push_str(&format!("<recipient-country code=\"{}\"{}/>", esc(c), attr("percentage", p))),
                Part::Region(c, v, p) => xml.push_str(&format!(
                    "<recipient-region code=\"{}\"{}{}/>",
                    esc(c),
                    attr("vocabulary", v),
                    attr("percentage", p)
                )),
                Part::Comment(t) => xml.push_str(&format!("<!--{}-->", esc(t).replace('-', "_"))),
                Part::Foreign(t) => xml.push_str(&format!("<x:t xmlns:x=\"urn:x\" x:a=\"{0}\"><transaction>{0}</transaction></x:t>", esc(t))),
                Part::Narrative(t) => xml.push_str(&format!("<title><narrative xml:lang=\"en\">{}</narrative></title>", esc(t))),
                Part::Transaction(tx) => {
                    transactions += 1;
                    xml.push_str("<transaction>");
                    for p in tx {
                        match p {
                            TxPart::Type(c) => xml.push_str(&format!("<transaction-type code=\"{}\"/>", esc(c))),
                            TxPart::TypeText(c) => xml.push_str(&format!("<transaction-type>{}</transaction-type>", esc(c))),
                            TxPart::Value(cur, date, text, cdata) => {
                                let text = if *cdata { format!("<![CDATA[{}]]>", esc(text).replace("]]>", "")) } else { esc(text) };
                                xml.push_str(&format!("<value{}{}>{text}</value>", attr("currency", cur), attr("value-date", date)))
                            }
                            TxPart::Date(d) => xml.push_str(&format!("<transaction-date iso-date=\"{}\"/>", esc(d))),
                            TxPart::Provider(r) => xml.push_str(&format!("<provider-org ref=\"{}\"/>", esc(r))),
                            TxPart::Country(c) => xml.push_str(&format!("<recipient-country code=\"{}\"/>", esc(c))),
                            TxPart::Region(c, v) => xml.push_str(&format!("<recipient-region code=\"{}\"{}/>", esc(c), attr("vocabulary", v))),
                            TxPart::Other(t) => xml.push_str(&format!("<description><narrative>{}</narrative></description>", esc(t))),
                        }
                    }
                    xml.push_str("</transaction>");
                }
            }
        }
        xml.push_str("</iati-activity>\n");
    }
    xml.push_str(close);
    let mut reader = Reader::new(xml.as_bytes()).types(TypeFilter::all());
    for item in reader.by_ref() {
        if let Err(e) = item {
            panic!("{e}\n{xml}");
        }
    }
    let c = reader.counts();
    assert_eq!(c.read, transactions);
    assert_eq!(c.read, c.transactions + c.skipped + c.rejected());
});
