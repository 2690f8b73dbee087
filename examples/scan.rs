//! Finds every figure in a news text: amounts of money, reported pairs,
//! counts with what they count, percentages, each with its byte span and
//! its reading.
//!
//! ```text
//! cargo run --example scan -- examples/data/guatemala-2021-notes.txt
//! cargo run --example scan -- examples/data/guatemala-2021-notes.txt --dossier examples/data/guatemala-2021.json
//! echo 'Aid rose to about $4bn.' | cargo run --example scan
//! cargo run --example scan -- --published-in MX notes.txt   # `$` is the peso
//! ```
//!
//! With `--dossier FILE.json`, each figure is matched to the dossier fact
//! that states it (a funding amount or its reported conversion, vaccine
//! doses, a statistic's count or share, an initiative's partners), or
//! "not in the dossier"; every pair ("$310m (£219m)") is checked at the
//! ECB rate of the date its dossier source was published.
//!
//! Exit codes: 0 when every figure reads, 1 when some figure is
//! unreadable, 2 when the input cannot be read.

use std::io::Read as _;
use std::process::ExitCode;

use statecraft::fx::EcbRates;
use statecraft::money::SymbolContext;
use statecraft::notation::{Figure, MoneyPair, Reading};
use statecraft::scan::Scanner;
use statecraft::{Count, Country, Decimal, Dossier, Money};

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut path, mut dossier_path, mut context) = (None, None, SymbolContext::international());
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dossier" => dossier_path = Some(args.next().ok_or("--dossier needs a file")?),
            "--published-in" => {
                let code = args.next().ok_or("--published-in needs a country code")?;
                context = SymbolContext::published_in(code.parse::<Country>()?);
            }
            "-h" | "--help" => {
                println!("usage: scan [FILE] [--dossier FILE.json] [--published-in CC]");
                return Ok(ExitCode::SUCCESS);
            }
            _ if path.is_none() => path = Some(a),
            _ => return Err(format!("unexpected argument `{a}`").into()),
        }
    }
    let text = match &path {
        Some(p) => std::fs::read_to_string(p).map_err(|e| format!("cannot read {p}: {e}"))?,
        None => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s)?;
            s
        }
    };
    let dossier = match &dossier_path {
        Some(p) => {
            let json = std::fs::read_to_string(p).map_err(|e| format!("cannot read {p}: {e}"))?;
            Some(Dossier::from_json_str(&json).map_err(|e| format!("{p}: {e}"))?)
        }
        None => None,
    };
    let mut unreadable = 0;
    for found in Scanner::new(context).scan(&text) {
        let span = found.span();
        let at = format!("{}..{}", span.start, span.end);
        match found.reading() {
            Ok(reading) => {
                println!("{at:>11}  {:<8} {}  [{}]", reading.kind(), found.text(), reading);
                if let Some(d) = &dossier {
                    for line in in_dossier(d, reading) {
                        println!("{:>11}  {line}", "");
                    }
                }
            }
            Err(e) => {
                unreadable += 1;
                println!("{at:>11}  {:<8} {}  [{e}]", "unread", found.text());
            }
        }
    }
    Ok(if unreadable > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What the dossier says of a figure: the facts that state it, and the
/// check of a pair; or "not in the dossier".
fn in_dossier(d: &Dossier, reading: &Reading<'_>) -> Vec<String> {
    let mut out = Vec::new();
    match reading {
        Reading::Money(m) => money_facts(d, m, &mut out),
        Reading::Pair(p) => pair_facts(d, p, &mut out),
        Reading::Count { count, .. } => count_facts(d, count, &mut out),
        Reading::Percent(p) => percent_facts(d, p, &mut out),
        _ => {}
    }
    if out.is_empty() {
        out.push("not in the dossier".to_string());
    }
    out
}

fn money_facts(d: &Dossier, m: &Figure<Money>, out: &mut Vec<String>) {
    for f in d.funding() {
        if f.amount().is_some_and(|a| a.value() == m.value()) {
            out.push(format!("= funding {} (amount)", f.id()));
        } else if f.reported_as().contains(&m.value()) {
            out.push(format!("= funding {} (as reported)", f.id()));
        }
    }
}

fn pair_facts(d: &Dossier, p: &MoneyPair, out: &mut Vec<String>) {
    for f in d.funding() {
        let amount = f.amount().is_some_and(|a| a.value() == p.primary().value());
        if !amount {
            continue;
        }
        let reported = f.reported_as().contains(&p.reported().value());
        out.push(format!(
            "= funding {} (amount{})",
            f.id(),
            if reported {
                ", and its conversion as reported"
            } else {
                "; the conversion is not the dossier's"
            }
        ));
        if let Some(source) = d.source(f.source()) {
            match p.check(source.published(), EcbRates::embedded()) {
                Ok(check) => out.push(format!("checked at the date of source {}: {check}", source.id())),
                Err(e) => out.push(format!("cannot check at the date of source {}: {e}", source.id())),
            }
        }
    }
    if out.is_empty() {
        money_facts(d, &p.primary(), out);
    }
}

fn count_facts(d: &Dossier, c: &Count, out: &mut Vec<String>) {
    let same = |x: Count| x.value() == c.value();
    for s in d.statistics() {
        if same(s.count()) {
            out.push(format!("= statistic {} (count: {})", s.id(), s.count()));
        }
    }
    for p in d.vaccine_pledges() {
        if same(p.doses()) {
            out.push(format!("= vaccine pledge {} (doses)", p.id()));
        }
    }
    for a in d.vaccine_allocations() {
        if same(a.doses()) {
            out.push(format!("= vaccine allocation {} (doses)", a.id()));
        }
    }
    for i in d.initiatives() {
        if let Some(p) = i.partners() {
            if same(p.count()) {
                out.push(format!(
                    "= initiative {} (partners: {} {})",
                    i.id(),
                    p.count(),
                    p.kind()
                ));
            }
        }
    }
}

fn percent_facts(d: &Dossier, p: &Figure<Decimal>, out: &mut Vec<String>) {
    for s in d.statistics() {
        for b in s.breakdowns() {
            if b.share().percent() == p.value() && Some(b.qualifier()) == p.qualifier() {
                out.push(format!(
                    "= statistic {} (a share of it: {} {}%)",
                    s.id(),
                    b.qualifier(),
                    p.value()
                ));
            }
        }
    }
}
