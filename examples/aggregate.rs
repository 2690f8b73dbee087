//! Exact totals of a funding-records CSV file, or of IATI activity files
//! and directories, in one currency, by any dimension.
//!
//! ```text
//! cargo run --release --example aggregate -- FILE.csv --to USD --by recipient \
//!     [--rates FILE.csv] [--at DATE] [--threads N] \
//!     [--format csv|json] [--strict] [--svg FILE.svg]
//! cargo run --release --example aggregate -- FILE.xml|DIR... --to USD --by recipient|donor|year \
//!     [--types 3,4] [--rates FILE.csv] [--at DATE] [--threads N] [--strict]
//! ```
//!
//! Reads `FILE.csv` (`id,date,donor,recipient,stage,amount,currency`, as
//! `shared/bench/gen_funding.py` writes it) with one thread per core,
//! converts every record into the `--to` currency at the ECB reference
//! rate of its date (the latest on or before it, at most 7 days old) or of
//! the `--at` date, and writes CSV to stdout: a header
//! (`recipient,total,undisclosed`), then one row per group sorted by key,
//! each total exact and rounded once, half to even, to the currency's
//! minor units, with how many of the group's records had no amount; a
//! group where nothing was disclosed has an empty total (`HN,,2`), never
//! `0.00`. `--format json` writes the totals as JSON instead
//! (`statecraft-totals/1`, `docs/FORMAT.md`): the counts (read,
//! aggregated, undisclosed, rejected by reason), the groups and the first
//! rejections with their lines. `--svg FILE.svg` also draws the totals as
//! a horizontal bar chart, largest first.
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
//! rejected (and for which reasons), the first rejections with their
//! lines, and the time taken; while it runs, a progress indicator when
//! stderr is a terminal. The exit status is 2 when the input, the rates
//! or the arguments cannot be read or an output cannot be written; 1 when
//! records were read and none could be summed (every one rejected or
//! without an amount: there is no total, which is not a total of zero),
//! with `--strict` when any record was rejected, and when a total lies
//! beyond what a decimal holds (no totals are written then).
//!
//! # IATI activity files
//!
//! Given `.xml` files or directories (whose `.xml` files are read, in
//! sub-directories too), it sums their transactions as
//! `shared/bench/iati_reference.py` does, on every core: the types of
//! `--types` (by default 3 and 4, disbursements and expenditure; 1.0x
//! letters such as `D,E` too), converted at the ECB rates as the ECB
//! publishes them (a retired currency is converted in the days after its
//! last quote that the 7-day policy bridges, as the reference does), by
//! `recipient` (the transaction's own country or region, else its
//! activity's split by percentage, else `unspecified`), `donor`
//! (`provider-org/@ref`, else `reporting-org/@ref`, else `unspecified`)
//! or `year`. Keys are as the files write them (`GT`,
//! `region:1:298`, `GB-GOV-1`); totals are exact, rounded once, half to
//! even, to cents whatever the currency, as the reference prints them.
//! On stderr, the reference's line: `read N transactions: A counted, S
//! skipped by type, R rejected (no-currency: a, unreadable-amount: b,
//! unreadable-date: c, no-rate: d); P activities percentages-not-100`.
//! A file that is not well-formed XML is left out whole: its error (file,
//! line, byte offset, activity) comes first on stderr, the others are
//! summed and printed, and the exit status is 1; with `--strict`, it is 1
//! too when any transaction was rejected. `--format json` and `--svg` are
//! for funding records.

use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use statecraft::aggregate::{By, KeyPart};
use statecraft::fx::{EcbRates, RateChain, RateSource, RateTable};
use statecraft::iati::{FileSet, TypeFilter};
use statecraft::records::FundingFile;
use statecraft::{Aggregator, CountryGroup, Currency, Dimension, NaiveDate, Totals};

#[path = "support/chart.rs"]
mod chart;

const USAGE: &str = "usage: aggregate FILE.csv [--to CODE] [--by DIMENSION[,DIMENSION]] (recipient, donor, region, subregion, intermediate-region, group, group:ID, stage, year, month) [--rates FILE.csv] [--at YYYY-MM-DD] [--threads N] [--format csv|json] [--strict] [--svg FILE.svg]
       aggregate FILE.xml|DIR... [--to CODE] [--by recipient|donor|year] [--types 3,4] [--rates FILE.csv] [--at YYYY-MM-DD] [--threads N] [--strict]";

/// How many bars a chart shows at most.
const BARS: usize = 25;

struct Args {
    files: Vec<String>,
    /// Whether the input is IATI activity files: `.xml` files or
    /// directories.
    iati: bool,
    to: Currency,
    by: By,
    types: Option<TypeFilter>,
    rates: Option<String>,
    at: Option<NaiveDate>,
    threads: Option<usize>,
    format: Format,
    strict: bool,
    svg: Option<String>,
}

/// What `--format` writes on stdout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Csv,
    Json,
}

impl std::str::FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "csv" => Ok(Format::Csv),
            "json" => Ok(Format::Json),
            _ => Err(format!("--format: unknown format `{s}`: expected `csv` or `json`")),
        }
    }
}

/// Whether `path` has the extension `ext`, in any case.
fn has_extension(path: &str, ext: &str) -> bool {
    Path::new(path).extension().is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

fn parse_args() -> Result<Args, String> {
    let mut files = Vec::new();
    let mut types = None;
    let mut to = Currency::USD;
    let mut by: By = statecraft::Dimension::Recipient.into();
    let mut rates = None;
    let mut at = None;
    let mut threads = None;
    let mut format = Format::Csv;
    let mut strict = false;
    let mut svg = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--to" => to = value("--to")?.parse().map_err(|e| format!("--to: {e}"))?,
            "--by" => by = parse_by(&value("--by")?)?,
            "--types" => types = Some(value("--types")?.parse().unwrap_or_else(|never| match never {})),
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
            "--format" => format = value("--format")?.parse()?,
            "--strict" => strict = true,
            "--svg" => svg = Some(value("--svg")?),
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option `{flag}`")),
            path => files.push(path.to_string()),
        }
    }
    let iati = files.iter().any(|f| Path::new(f).is_dir() || has_extension(f, "xml"));
    match files.as_slice() {
        [] => return Err("no input file".into()),
        [_] => {}
        [_, extra, ..] if !iati => return Err(format!("unexpected argument `{extra}`")),
        _ => {}
    }
    if iati {
        if let Some(csv) = files.iter().find(|f| has_extension(f, "csv")) {
            return Err(format!("`{csv}`: IATI files and a CSV file cannot be summed together"));
        }
        if format == Format::Json || svg.is_some() {
            return Err("--format json and --svg are for funding records: IATI totals are written as CSV".into());
        }
    } else if types.is_some() {
        return Err("--types selects IATI transaction types: give .xml files or directories".into());
    }
    Ok(Args {
        files,
        iati,
        to,
        by,
        types,
        rates,
        at,
        threads,
        format,
        strict,
        svg,
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
/// your own asked before them; for IATI files, the ECB's as published
/// (`published`: no legal-tender check, as the reference reads them).
fn rate_source(path: Option<&str>, published: bool) -> Result<Box<dyn RateSource + Send + Sync>, String> {
    let ecb = |rates: &EcbRates| rates.clone().with_legal_tender_check(!published);
    let Some(path) = path else {
        return Ok(Box::new(ecb(EcbRates::embedded())));
    };
    let open = || std::fs::File::open(path).map_err(|e| format!("cannot open `{path}`: {e}"));
    let mut first_line = String::new();
    BufReader::new(open()?)
        .read_line(&mut first_line)
        .map_err(|e| format!("cannot read `{path}`: {e}"))?;
    if first_line.trim_start_matches('\u{feff}').starts_with("Date") {
        let rates = EcbRates::from_csv(open()?).map_err(|e| format!("{path}: {e}"))?;
        Ok(Box::new(ecb(&rates)))
    } else {
        let table = RateTable::from_csv(open()?).map_err(|e| format!("{path}: {e}"))?;
        Ok(Box::new(RateChain::new().with(table).with(ecb(EcbRates::embedded()))))
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
    let rates = match rate_source(args.rates.as_deref(), args.iati) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("aggregate: {e}");
            return ExitCode::from(2);
        }
    };
    let mut aggregator = Aggregator::new(&rates, args.to, args.by.clone());
    if let Some(date) = args.at {
        aggregator = aggregator.at(date);
    }
    if args.iati {
        return aggregate_iati(&args, aggregator);
    }
    let shown = AtomicU64::new(u64::MAX);
    let path = args.files.first().map_or("", String::as_str);
    let mut file = match FundingFile::open(path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("aggregate: {path}: {e}");
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
        eprintln!("aggregate: {path}: {e}");
        return ExitCode::from(2);
    }
    let totals = match aggregator.totals() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("aggregate: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = write_totals(&totals, args.format) {
        eprintln!("aggregate: cannot write the totals: {e}");
        return ExitCode::from(2);
    }
    if let Some(path) = &args.svg {
        let chart = totals_chart(&totals, args.rates.as_deref());
        if let Err(e) = chart.write(path) {
            eprintln!("aggregate: {e}");
            return ExitCode::from(2);
        }
    }
    eprint!("{}", summary(&totals));
    eprintln!("{:.2} s", started.elapsed().as_secs_f64());
    exit_status(&totals, args.strict)
}

/// Writes the totals on stdout, as CSV or JSON.
fn write_totals(totals: &Totals, format: Format) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match format {
        Format::Csv => totals.write_csv(&mut out)?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, totals)?;
            writeln!(out)?;
        }
    }
    out.flush()
}

/// The counts (with the reasons for rejections), the first rejections and
/// the total, for stderr; the last line waits for the time taken.
fn summary(totals: &Totals) -> String {
    let mut text = format!(
        "read {} records: {} aggregated, {} undisclosed, {} rejected{}\n",
        totals.read(),
        totals.aggregated(),
        totals.undisclosed(),
        totals.rejected(),
        reasons(totals)
    );
    if !totals.rejections().is_empty() {
        text.push_str("first rejections:\n");
        for r in totals.rejections() {
            text.push_str(&format!("  {r}\n"));
        }
    }
    let at = match totals.conversion_date() {
        Some(d) => format!("the rates of {d}"),
        None => "the rate of each record's date".to_string(),
    };
    match totals.disclosed_total() {
        Some(total) => text.push_str(&format!(
            "total {total} in {} groups, converted at {at}; ",
            totals.groups().len()
        )),
        None => text.push_str(&format!(
            "no total in {}: none of the {} records read could be summed; ",
            totals.currency(),
            totals.read()
        )),
    }
    text
}

/// ` (2 no-rate, 1 unreadable)`: the rejections by reason, or nothing.
fn reasons(totals: &Totals) -> String {
    let parts: Vec<String> = totals.rejected_by_reason().map(|(id, n)| format!("{n} {id}")).collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

/// 1 when records were read and none summed, or, with `--strict`, when
/// any was rejected; 0 otherwise.
fn exit_status(totals: &Totals, strict: bool) -> ExitCode {
    if totals.disclosed_total().is_none() {
        // The summary has said so: "no total in USD: none of the 3 ...".
        return ExitCode::FAILURE;
    }
    if strict && totals.rejected() > 0 {
        eprintln!("aggregate: --strict: {} records rejected", totals.rejected());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// The totals as a bar chart, largest first: countries by name, amounts
/// compact (`$310m`), a group with nothing disclosed as its count of
/// undisclosed records.
fn totals_chart(totals: &Totals, rates: Option<&str>) -> chart::BarChart {
    let by: Vec<&str> = totals.by().names().collect();
    let rule = match totals.conversion_date() {
        Some(d) => format!("converted at the rates of {d}"),
        None => "converted at the rate of each record's date (the latest on or before it)".to_string(),
    };
    let source = match rates {
        Some(path) => format!("rates: {path}"),
        None => "ECB euro reference rates".to_string(),
    };
    let mut chart = chart::BarChart::new(format!("Totals by {}, in {}", by.join(" and "), totals.currency()))
        .note(format!("{rule}; {source}"))
        .note(format!(
            "{} records read: {} aggregated, {} undisclosed, {} rejected{}",
            totals.read(),
            totals.aggregated(),
            totals.undisclosed(),
            totals.rejected(),
            reasons(totals)
        ));
    for g in totals.groups() {
        let label: Vec<String> = g
            .key()
            .parts()
            .map(|p| match p {
                KeyPart::Country(c) => c.common_name().to_string(),
                other => other.to_string(),
            })
            .collect();
        chart = chart.total(label.join(", "), g);
    }
    chart.largest_first(BARS, "groups")
}

/// Sums IATI activity files and directories, as `iati_reference.py`
/// does; writes the totals to cents and the reference's line on stderr.
fn aggregate_iati<R: RateSource + Sync>(args: &Args, mut aggregator: Aggregator<R>) -> ExitCode {
    let mut files = match FileSet::new(&args.files) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("aggregate: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(types) = &args.types {
        files = files.types(types.clone());
    }
    if let Some(n) = args.threads {
        files = files.threads(n);
    }
    let summary = match files.aggregate_into(&mut aggregator) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("aggregate: {e}");
            return ExitCode::from(2);
        }
    };
    for e in &summary.failed {
        eprintln!("aggregate: {e}");
    }
    let totals = match aggregator.totals() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("aggregate: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if let Err(e) = totals.write_csv_dp(&mut out, 2).and_then(|()| out.flush()) {
        eprintln!("aggregate: cannot write the totals: {e}");
        return ExitCode::from(2);
    }
    eprintln!("{summary}");
    if !summary.failed.is_empty() {
        return ExitCode::FAILURE;
    }
    if args.strict && summary.rejected() > 0 {
        eprintln!("aggregate: --strict: {} transactions rejected", summary.rejected());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
