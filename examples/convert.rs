//! Converts an amount at the reference rate of a date, exactly, and says
//! where the number came from.
//!
//! ```text
//! cargo run --example convert -- AMOUNT TO DATE [--rates FILE.csv] [--check REPORTED]
//! cargo run --example convert -- '$310m' GBP 2021-06-07 --check '£219m'
//! cargo run --example convert -- 'Q75k' GBP 2021-06-07 --rates banguat.csv
//! ```
//!
//! AMOUNT is news notation or `CODE amount` (`$310m`, `Q75k`, `USD 1,234.56`,
//! `DM 5m`, `SLL 1,000,000`); TO an ISO 4217 code; DATE `YYYY-MM-DD`. Rates
//! come from the rates fixed by law (the euro's irrevocable conversion
//! rates and the redenominations, asked first: `HRK 1000` is EUR 132.72 at
//! 7.53450 on any day from 2023-01-01), then `--rates` (a
//! `date,base,quote,rate` CSV), then the ECB history embedded in the crate,
//! crossed through EUR or USD when no one source has the pair.
//!
//! ```text
//! cargo run --example convert -- 'SLL 1,000,000' SLE 2022-07-01
//! cargo run --example convert -- 'DEM 5m' USD 2003-05-05
//! ```
//!
//! Line 1 of the output is the exact, unrounded result, `<decimal> <CODE>`;
//! the lines after it are for people: the compact and rounded forms, the
//! rate, its date and source, each leg of a cross rate, each rate fixed by
//! law (the law, and that it is not a market rate), and with `--check` the
//! verdict on the reported pair. Exit status: 0 on success, 1 when
//! `--check` finds the pair inconsistent, 2 on bad input (one line on
//! stderr).

use std::fmt::Write as _;
use std::fs::File;
use std::path::Path;
use std::process::ExitCode;

use statecraft::fx::{check_reported, Derivation, EcbRates, FixedRates, Rate, RateChain, RateSource, RateTable};
use statecraft::{Currency, Decimal, Money, NaiveDate};

const USAGE: &str = "usage: convert AMOUNT TO DATE [--rates FILE.csv] [--check REPORTED]";

/// What the command line asks for.
struct Request {
    amount: Money,
    to: Currency,
    on: NaiveDate,
    rates: Option<String>,
    check: Option<Money>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok((report, consistent)) => {
            print!("{report}");
            if consistent {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(message) => {
            eprintln!("convert: {message}");
            ExitCode::from(2)
        }
    }
}

/// The report, and whether a checked pair (if any) is consistent.
fn run(args: &[String]) -> Result<(String, bool), String> {
    let request = parse_args(args)?;
    let mut rates = RateChain::new().with(FixedRates::new());
    if let Some(path) = &request.rates {
        rates = rates.with(read_table(path)?);
    }
    let rates = rates.with(EcbRates::embedded());

    let rate = rates
        .rate(request.amount.currency(), request.to, request.on)
        .map_err(|e| match (&request.rates, e.is_not_quoted()) {
            (None, true) => format!("{e} (give rates for it with --rates FILE.csv)"),
            _ => e.to_string(),
        })?;
    let result = rate.apply(request.amount).map_err(|e| e.to_string())?;

    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(w, "{} {}", result.amount(), result.currency());
    let _ = writeln!(
        w,
        "{} = {} ({:#})",
        request.amount.to_compact(),
        result.to_compact(),
        result.round()
    );
    let _ = writeln!(
        w,
        "rate: 1 {} = {} {} ({})",
        rate.from(),
        rate.value(),
        rate.to(),
        rate.derivation()
    );
    if rate.is_fixed() {
        let _ = writeln!(w, "rate in force from {}, source: {}", rate.date(), rate.source());
    } else {
        let asked = if rate.date() == request.on {
            String::new()
        } else {
            format!(" (the latest on or before {})", request.on)
        };
        let _ = writeln!(w, "rate of {}{asked}, source: {}", rate.date(), rate.source());
    }
    write_legs(w, &rate, 1);
    write_fixed(w, &rate);
    let mut consistent = true;
    if let Some(reported) = request.check {
        let check = check_reported(request.amount, reported, request.on, &rates).map_err(|e| e.to_string())?;
        let _ = writeln!(w, "check: {check}");
        consistent = check.is_consistent();
    }
    Ok((out, consistent))
}

fn parse_args(args: &[String]) -> Result<Request, String> {
    let mut positional = Vec::new();
    let mut rates = None;
    let mut check = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--rates" => rates = Some(it.next().ok_or("--rates needs a file")?.clone()),
            "--check" => check = Some(it.next().ok_or("--check needs an amount")?.clone()),
            "-h" | "--help" => return Err(USAGE.to_string()),
            s if s.starts_with("--") => return Err(format!("unknown option `{s}`; {USAGE}")),
            _ => positional.push(arg.as_str()),
        }
    }
    let [amount, to, date] = positional[..] else {
        return Err(USAGE.to_string());
    };
    let amount: Money = amount.parse().map_err(|e| format!("{e}"))?;
    let to: Currency = to.parse().map_err(|e| format!("{e}"))?;
    let on: NaiveDate = date
        .parse()
        .map_err(|_| format!("invalid date `{date}`: expected YYYY-MM-DD"))?;
    let check = check
        .map(|c| c.parse::<Money>().map_err(|e| format!("--check: {e}")))
        .transpose()?;
    Ok(Request {
        amount,
        to,
        on,
        rates,
        check,
    })
}

/// A rate table named after its file.
fn read_table(path: &str) -> Result<RateTable, String> {
    let file = File::open(path).map_err(|e| format!("cannot open {path}: {e}"))?;
    let name = Path::new(path).file_name().map_or(path.into(), |n| n.to_string_lossy());
    let mut table = RateTable::named(name.as_ref());
    table.read_csv(file).map_err(|e| format!("{path}: {e}"))?;
    Ok(table)
}

/// Each rate fixed by law that `rate` is, or is made from: what fixed it,
/// and that it is not a market rate.
fn write_fixed(out: &mut String, rate: &Rate) {
    if rate.derivation() == Derivation::Fixed {
        // A fixed rate links a withdrawn currency and its successor.
        let law = [rate.from(), rate.to()]
            .into_iter()
            .filter_map(FixedRates::find)
            .find(|l| l.to() == rate.to() || l.to() == rate.from());
        if let Some(law) = law {
            let _ = writeln!(out, "fixed by law, not a market rate: {law}");
        }
    }
    for leg in rate.legs() {
        write_fixed(out, leg);
    }
}

/// Each leg of a cross rate, indented by depth, with its own legs.
fn write_legs(out: &mut String, rate: &Rate, depth: usize) {
    for leg in rate.legs() {
        let how = match (leg.derivation(), leg.ratio()) {
            (Derivation::Published, _) => String::new(),
            (Derivation::Inverse, (numerator, published)) if numerator == Decimal::ONE => {
                format!(", inverse of 1 {} = {published} {}", leg.to(), leg.from())
            }
            (derivation, _) => format!(", {derivation}"),
        };
        let _ = writeln!(
            out,
            "{}leg: 1 {} = {} {} ({}, {}{how})",
            "  ".repeat(depth),
            leg.from(),
            leg.value(),
            leg.to(),
            leg.source(),
            leg.date()
        );
        write_legs(out, leg, depth + 1);
    }
}
