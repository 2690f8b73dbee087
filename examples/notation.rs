//! Reads figures as news copy writes them (money, reported pairs, counts,
//! percentages; exact, qualified or as ranges) and writes them back.
//!
//! ```text
//! cargo run --example notation -- '$310m' 'about $4bn' 'more than 178,000 migrants'
//! cargo run --example notation -- --tsv '$310m (£219m)' '3 to 4 million' '1 GBp'
//! cargo run --example notation -- --published-in MX '$5m'
//! ```
//!
//! With no arguments it reads a few figures of the seed article. With
//! `--tsv` it prints one line per argument:
//! `input<TAB>kind<TAB>qualifier<TAB>low<TAB>high<TAB>unit`, where kind is
//! `money`, `count`, `pair`, `percent` or `error`; qualifier is `exact`,
//! the qualifier in kebab-case (`more-than`, `about`, ...) or `range`;
//! low and high are the bounds of the figure as plain decimals in whole
//! units (`about $4bn` is 3500000000 to 4500000000), empty where open;
//! unit is the ISO code of money (the first amount of a pair) or the
//! noun a count counts (empty if none). On error, the fields between are
//! empty and the last is the message.
//!
//! Exit code 0 when every argument reads, 2 otherwise.

use std::ops::Bound;
use std::process::ExitCode;

use statecraft::money::SymbolContext;
use statecraft::notation::{Bounds, Figure, Quantity, Reading};
use statecraft::Country;

fn main() -> ExitCode {
    let mut tsv = false;
    let mut context = SymbolContext::international();
    let mut inputs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--tsv" => tsv = true,
            "--published-in" => match args.next().map(|c| c.parse::<Country>()) {
                Some(Ok(country)) => context = SymbolContext::published_in(country),
                Some(Err(e)) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(2);
                }
                None => {
                    eprintln!("error: --published-in needs a country code");
                    return ExitCode::from(2);
                }
            },
            _ => inputs.push(a),
        }
    }
    if inputs.is_empty() {
        inputs = [
            "$310m (£219m)",
            "25m doses",
            "more than 178,000 migrants",
            "approaching 230,000",
            "more than 40%",
            "Q75k",
            "$1,00,000",
        ]
        .map(String::from)
        .to_vec();
    }
    let mut failed = false;
    for input in &inputs {
        let reading = Reading::parse_in(input, &context);
        if tsv {
            println!("{}", tsv_line(input, &reading));
        } else {
            match &reading {
                Ok(r) => println!("{input:>28}  {:<7}  {r}", r.kind()),
                Err(e) => eprintln!("{e}"),
            }
        }
        failed |= reading.is_err();
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

/// `input kind qualifier low high unit`, tab-separated; tabs and line
/// breaks in the input or the message are written as spaces.
fn tsv_line(input: &str, reading: &Result<Reading<'_>, statecraft::notation::ParseFigureError>) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let fields: [String; 5] = match reading {
        Ok(Reading::Money(m)) => with_bounds("money", m, m.currency().code()),
        Ok(Reading::Pair(p)) => with_bounds("pair", &p.primary(), p.primary().currency().code()),
        Ok(Reading::Count { count, unit }) => with_bounds("count", count, unit.unwrap_or("")),
        Ok(Reading::Percent(p)) => with_bounds("percent", p, ""),
        Ok(_) => [
            "error".into(),
            String::new(),
            String::new(),
            String::new(),
            "unknown figure".into(),
        ],
        Err(e) => [
            "error".into(),
            String::new(),
            String::new(),
            String::new(),
            e.to_string(),
        ],
    };
    let [kind, qualifier, low, high, last] = fields;
    format!("{}\t{kind}\t{qualifier}\t{low}\t{high}\t{}", clean(input), clean(&last))
}

fn with_bounds<T: Quantity + Plain>(kind: &str, figure: &Figure<T>, unit: &str) -> [String; 5] {
    let qualifier = match figure.qualifier() {
        Some(q) => q.as_str().to_string(),
        None => "range".to_string(),
    };
    let b: Bounds<T> = figure.bounds();
    let end = |e: Bound<T>| match e {
        Bound::Included(v) | Bound::Excluded(v) => v.plain(),
        Bound::Unbounded => String::new(),
    };
    [
        kind.to_string(),
        qualifier,
        end(b.low()),
        end(b.high()),
        unit.to_string(),
    ]
}

/// A quantity as a plain decimal in whole units.
trait Plain {
    fn plain(&self) -> String;
}

impl Plain for statecraft::Money {
    fn plain(&self) -> String {
        self.amount().to_string()
    }
}

impl Plain for u64 {
    fn plain(&self) -> String {
        self.to_string()
    }
}

impl Plain for statecraft::Decimal {
    fn plain(&self) -> String {
        self.normalize().to_string()
    }
}
