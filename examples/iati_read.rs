//! Reads IATI activity files and directories on every core and says what
//! became of their transactions; with `--bare`, also times a bare
//! quick-xml pass over the same files, the bound of any XML reader built
//! on it.
//!
//! ```text
//! cargo run --release --example iati_read -- FILE.xml|DIR... [--types 3,4] [--threads N] [--bare]
//! ```
//!
//! On stdout, one line per file: its path and its counts (`read N
//! transactions: A passed, S skipped by type, R rejected (no-currency: a,
//! unreadable-amount: b, unreadable-date: c); P activities
//! percentages-not-100`), then the same for all files. On stderr, the
//! time taken and the speed; a file that cannot be read is named there
//! with the error, and the exit status is 1. Totals in a currency are the
//! aggregator's (`aggregate`), not this example's.

use std::io::BufReader;
use std::process::ExitCode;
use std::time::Instant;

use statecraft::iati::{Counts, FileSet, TypeFilter};

const USAGE: &str = "usage: iati_read FILE.xml|DIR... [--types 3,4] [--threads N] [--bare]";

fn main() -> ExitCode {
    let mut paths = Vec::new();
    let mut types = TypeFilter::default();
    let mut threads = None;
    let mut bare = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--types" => match args.next() {
                Some(t) => types = t.parse().unwrap_or_else(|never| match never {}),
                None => return usage("--types needs a list of codes"),
            },
            "--threads" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => threads = Some(n),
                None => return usage("--threads needs a number"),
            },
            "--bare" => bare = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => paths.push(a),
        }
    }
    if paths.is_empty() {
        return usage("no file given");
    }
    let mut files = match FileSet::new(&paths) {
        Ok(f) => f.types(types),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if let Some(n) = threads {
        files = files.threads(n);
    }
    let bytes: u64 = files
        .files()
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let mb = bytes as f64 / 1e6;

    let started = Instant::now();
    let results = files.fold(|| (), |_, _| (), |_, _| ());
    let took = started.elapsed().as_secs_f64();
    let mut total = Counts::default();
    let mut failed = false;
    for r in &results {
        match &r.result {
            Ok((_, counts)) => {
                println!("{}: {counts}", r.path.display());
                total.merge(counts);
            }
            Err(e) => {
                eprintln!("{e}");
                failed = true;
            }
        }
    }
    println!("all {} files: {total}", results.len());
    eprintln!("reader: {mb:.1} MB in {took:.3} s, {:.0} MB/s", mb / took);

    if bare {
        let started = Instant::now();
        let events = bare_pass(files.files());
        let took_bare = started.elapsed().as_secs_f64();
        eprintln!(
            "bare quick-xml (one thread per file, {events} events): {mb:.1} MB in {took_bare:.3} s, {:.0} MB/s; reader / bare = {:.2}",
            mb / took_bare,
            took / took_bare
        );
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Every event of every file, through quick-xml's buffered reader and
/// nothing else, on as many threads as files (up to the cores).
fn bare_pass(files: &[std::path::PathBuf]) -> u64 {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let cores = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len());
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..cores)
            .map(|_| {
                s.spawn(|| {
                    let mut events = 0u64;
                    while let Some(f) = files.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
                        let Ok(file) = std::fs::File::open(f) else { continue };
                        let mut xml = quick_xml::Reader::from_reader(BufReader::with_capacity(1 << 20, file));
                        let mut buf = Vec::new();
                        loop {
                            match xml.read_event_into(&mut buf) {
                                Ok(quick_xml::events::Event::Eof) | Err(_) => break,
                                Ok(_) => events += 1,
                            }
                            buf.clear();
                        }
                    }
                    events
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or(0)).sum()
    })
}

fn usage(why: &str) -> ExitCode {
    eprintln!("{why}\n{USAGE}");
    ExitCode::from(2)
}
