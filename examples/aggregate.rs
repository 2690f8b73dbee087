//! Exact totals of a funding-records CSV file in one currency, by any
//! dimension.
//!
//! ```text
//! cargo run --release --example aggregate -- FILE.csv --to USD --by recipient \
//!     [--rates FILE.csv] [--at DATE] [--threads N]
//! ```
//!
//! Reads `FILE.csv` (`id,date,donor,recipient,stage,amount,currency`, as
//! `shared/bench/gen_funding.py` writes it) with one thread per core,
//! converts every record into the `--to` currency at the ECB reference
//! rate of its date (the latest on or before it, at most 7 days old) or of
//! the `--at` date, and writes CSV to stdout: a header (`recipient,total`),
//! then one row per group sorted by key, each total exact and rounded once,
//! half to even, to the currency's minor units.
//!
//! `--by` takes `recipient`, `donor`, `region`, `subregion`,
//! `intermediate-region` (the recipient's UN M49 area at that level:
//! Americas, Latin America and the Caribbean, Central America), `stage`,
//! `year`, `month`, `group` or two of them joined by a comma
//! (`group,year`).
//! `group` sums by the recipient's built-in country group (the first that
//! holds it, of `northern-triangle`, `sica`, `g7` and `eu`; the others
//! as `(ungrouped)`); `group:ID` by one of them (`group:g7`). `--rates`
//! takes either the ECB's `eurofxref-hist.csv` (used instead of the
//! embedded snapshot) or a table `date,base,quote,rate` of your own rates,
//! asked before the ECB's.
//!
//! On stderr: how many records were read, aggregated, undisclosed and
//! rejected, the first rejections with their lines, and the time taken;
//! while it runs, a progress indicator when stderr is a terminal. The exit
//! status is 2 when the input, the rates or the arguments cannot be read,
//! and 1 when a total lies beyond what a decimal holds (no totals are
//! written then).

use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use statecraft::fx::{EcbRates, RateChain, RateSource, RateTable};
use statecraft::records::FundingFile;
use statecraft::{Aggregator, By, CountryGroup, Currency, Dimension, NaiveDate};

const USAGE: &str = "usage: aggregate FILE.csv [--to CODE] [--by DIMENSION[,DIMENSION]] (recipient, donor, region, subregion, intermediate-region, group, group:ID, stage, year, month) [--rates FILE.csv] [--at YYYY-MM-DD] [--threads N]";

struct Args {
    file: String,
    to: Currency,
    by: By,
    rates: Option<String>,
    at: Option<NaiveDate>,
    threads: Option<usize>,
}

fn parse_args() -> Result<Args, String> {
    let mut file = None;
    let mut to = Currency::USD;
    let mut by: By = statecraft::Dimension::Recipient.into();
    let mut rates = None;
    let mut at = None;
    let mut threads = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--to" => to = value("--to")?.parse().map_err(|e| format!("--to: {e}"))?,
            "--by" => by = parse_by(&value("--by")?)?,
            "--rates" => rates = Some(value("--rates")?),
            "--at" => {
                let text = value("--at")?;
                let date = NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                    .map_err(|_| format!("--at: invalid date `{text}`: expected YYYY-MM-DD"))?;
                at = Some(date);
            }
            "--threads" => {
                let text = value("--threads")?;
                let n = text.parse().map_err(|_| format!("--threads: invalid count `{text}`"))?;
                threads = Some(n);
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            path if file.is_none() => file = Some(path.to_string()),
            extra => return Err(format!("unexpected argument `{extra}`")),
        }
    }
    let file = file.ok_or("no input file")?;
    Ok(Args {
        file,
        to,
        by,
        rates,
        at,
        threads,
    })
}

/// `--by`: one or two dimensions, `group` and `group:ID` included.
fn parse_by(text: &str) -> Result<By, String> {
    let dimension = |part: &str| -> Result<Dimension, String> {
        let part = part.trim();
        match part.split_once(':') {
            None if part.eq_ignore_ascii_case("group") => Ok(Dimension::group(CountryGroup::builtin())),
            Some((g, id)) if g.eq_ignore_ascii_case("group") => {
                CountryGroup::find(id.trim()).map(Dimension::group).ok_or_else(|| {
                    format!("--by: unknown country group `{id}`: built in are northern-triangle, sica, g7 and eu")
                })
            }
            _ => part.parse().map_err(|e| format!("--by: {e}")),
        }
    };
    match text.split_once(',') {
        None => Ok(By::new(dimension(text)?)),
        Some((a, b)) => Ok(By::pair(dimension(a)?, dimension(b)?)),
    }
}

/// The embedded ECB rates, an ECB file instead of them, or a table of
/// your own asked before them.
fn rate_source(path: Option<&str>) -> Result<Box<dyn RateSource + Send + Sync>, String> {
    let Some(path) = path else {
        return Ok(Box::new(EcbRates::embedded()));
    };
    let open = || std::fs::File::open(path).map_err(|e| format!("cannot open `{path}`: {e}"));
    let mut first_line = String::new();
    BufReader::new(open()?)
        .read_line(&mut first_line)
        .map_err(|e| format!("cannot read `{path}`: {e}"))?;
    if first_line.trim_start_matches('\u{feff}').starts_with("Date") {
        let ecb = EcbRates::from_csv(open()?).map_err(|e| format!("{path}: {e}"))?;
        Ok(Box::new(ecb))
    } else {
        let table = RateTable::from_csv(open()?).map_err(|e| format!("{path}: {e}"))?;
        Ok(Box::new(RateChain::new().with(table).with(EcbRates::embedded())))
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("aggregate: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let started = Instant::now();
    let rates = match rate_source(args.rates.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("aggregate: {e}");
            return ExitCode::from(2);
        }
    };
    let shown = AtomicU64::new(u64::MAX);
    let mut aggregator = Aggregator::new(&rates, args.to, args.by);
    if let Some(date) = args.at {
        aggregator = aggregator.at(date);
    }
    let mut file = match FundingFile::open(&args.file) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("aggregate: {}: {e}", args.file);
            return ExitCode::from(2);
        }
    };
    if let Some(n) = args.threads {
        file = file.threads(n);
    }
    let terminal = std::io::stderr().is_terminal();
    if terminal {
        file = file.progress(|done, total| {
            let percent = done * 100 / total.max(1);
            if shown.swap(percent, Ordering::Relaxed) != percent {
                eprint!("\r{percent:3}% of {} MB", total / 1_000_000);
            }
        });
    }
    let result = file.aggregate_into(&mut aggregator);
    if terminal {
        eprint!("\r\x1b[K");
    }
    if let Err(e) = result {
        eprintln!("aggregate: {}: {e}", args.file);
        return ExitCode::from(2);
    }
    let totals = match aggregator.totals() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("aggregate: {}: {e}", args.file);
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if let Err(e) = totals.write_csv(&mut out).and_then(|()| out.flush()) {
        eprintln!("aggregate: cannot write the totals: {e}");
        return ExitCode::from(2);
    }
    eprintln!(
        "read {} records: {} aggregated, {} undisclosed, {} rejected",
        totals.read(),
        totals.aggregated(),
        totals.undisclosed(),
        totals.rejected()
    );
    if !totals.rejections().is_empty() {
        eprintln!("first rejections:");
        for r in totals.rejections() {
            eprintln!("  {r}");
        }
    }
    let at = match totals.conversion_date() {
        Some(d) => format!("the rates of {d}"),
        None => "the rate of each record's date".to_string(),
    };
    eprintln!(
        "total {} in {} groups, converted at {at}; {:.2} s",
        totals.total(),
        totals.groups().len(),
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
