//! Validates a dossier: prints every violation of every rule, then a
//! summary line.
//!
//! ```text
//! cargo run --example validate -- FILE.json [--rates FILE.csv] [--format text|json]
//! cargo run --example validate -- examples/data/guatemala-2021.json
//! cargo run --example validate -- --format json examples/data/guatemala-2021.json
//! ```
//!
//! Each violation is one line, `severity[rule-id] /json/pointer: message`
//! (`docs/RULES.md` lists the rules); the last line counts them (`1 error,
//! 0 warnings`). `--format json` prints the report as one JSON object
//! instead (`statecraft-report/1`, `docs/FORMAT.md`): the counts of
//! errors and warnings and the violations, each with its rule, severity,
//! path and message. Reported pairs are checked at the ECB reference rates
//! embedded in the crate, then at `--rates` (a `date,base,quote,rate` CSV)
//! for the pairs the ECB does not quote, crossed through EUR or USD.
//!
//! Exit status: 0 when there is no error (warnings allowed), 1 when there
//! is at least one, 2 when the dossier or the rates cannot be read or
//! parsed (one line on stderr, with the line and column) or an option is
//! not understood (an unknown `--format` names the accepted ones). `--help` prints
//! the usage on stdout and exits 0.

use std::fs::File;
use std::path::Path;
use std::process::ExitCode;

use statecraft::fx::{EcbRates, RateChain, RateTable};
use statecraft::Dossier;

const USAGE: &str = "usage: validate FILE.json [--rates FILE.csv] [--format text|json]";

/// What `--format` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok((report, ok)) => {
            print!("{report}");
            if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(message) => {
            eprintln!("validate: {message}");
            ExitCode::from(2)
        }
    }
}

/// The report, and whether it has no error; the usage, and `true`, for
/// `--help`.
fn run(args: &[String]) -> Result<(String, bool), String> {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        return Ok((format!("{USAGE}\n"), true));
    }
    let (file, rates_file, format) = parse_args(args)?;
    let bytes = std::fs::read(&file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let dossier = Dossier::from_json_slice(&bytes).map_err(|e| format!("{file}: {e}"))?;
    let mut rates = RateChain::new().with(EcbRates::embedded());
    if let Some(path) = &rates_file {
        rates = rates.with(read_table(path)?);
    }
    let report = dossier.validate(&rates);
    Ok((render(&report, format)?, report.is_ok()))
}

/// The report as text (one violation a line, then the counts) or JSON.
fn render(report: &statecraft::Report, format: Format) -> Result<String, String> {
    match format {
        Format::Text => Ok(report.to_string()),
        Format::Json => serde_json::to_string_pretty(report)
            .map(|json| json + "\n")
            .map_err(|e| format!("cannot write the report as JSON: {e}")),
    }
}

fn parse_args(args: &[String]) -> Result<(String, Option<String>, Format), String> {
    let mut file = None;
    let mut rates = None;
    let mut format = Format::Text;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--rates" => rates = Some(it.next().ok_or("--rates needs a file")?.clone()),
            "--format" => {
                format = match it.next().map(String::as_str) {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some(other) => {
                        return Err(format!("--format: unknown format `{other}`: expected `text` or `json`"))
                    }
                    None => return Err("--format needs a value: `text` or `json`".into()),
                }
            }
            s if s.starts_with("--") => return Err(format!("unknown option `{s}`; {USAGE}")),
            _ if file.is_none() => file = Some(arg.clone()),
            _ => return Err(USAGE.to_string()),
        }
    }
    Ok((file.ok_or(USAGE)?, rates, format))
}

/// A rate table named after its file.
fn read_table(path: &str) -> Result<RateTable, String> {
    let file = File::open(path).map_err(|e| format!("cannot open {path}: {e}"))?;
    let name = Path::new(path).file_name().map_or(path.into(), |n| n.to_string_lossy());
    let mut table = RateTable::named(name.as_ref());
    table.read_csv(file).map_err(|e| format!("{path}: {e}"))?;
    Ok(table)
}
