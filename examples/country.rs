//! Reads country names and codes as lists and news copy write them, and
//! says how each was read.
//!
//! `cargo run --example country -- Zaire 'Russian Fed.' 'Korea' 'Guam (US)'`
//! reads its arguments; with none, one name per line from standard input.
//! Each line of output is tab-separated: the input, then the alpha-2 code,
//! how it was read, the name as its list writes it and the rewritings it
//! took; or `-`, `error` and the message. Exit status 1 if any input was
//! not read.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use statecraft::geo::Rewrite;
use statecraft::Country;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut all_read = true;
    let mut answer = |input: &str| -> io::Result<()> {
        match Country::resolve(input) {
            Ok(r) => {
                let rewrites: Vec<&str> = r
                    .rewrites()
                    .map(|w| match w {
                        Rewrite::Abbreviation => "abbreviation",
                        Rewrite::Spelling => "spelling",
                        Rewrite::Inversion => "inversion",
                        Rewrite::Note => "note",
                        Rewrite::Encoding => "encoding",
                        _ => "other",
                    })
                    .collect();
                let code = r.country().alpha2();
                writeln!(
                    out,
                    "{input}\t{code}\t{}\t{}\t{}",
                    r.reading(),
                    r.listed(),
                    rewrites.join(",")
                )
            }
            Err(e) => {
                all_read = false;
                writeln!(out, "{input}\t-\terror\t{e}")
            }
        }
    };
    let written = if args.is_empty() {
        io::stdin().lock().lines().try_for_each(|line| answer(&line?))
    } else {
        args.iter().try_for_each(|a| answer(a))
    };
    if let Err(e) = written.and_then(|()| out.flush()) {
        eprintln!("country: {e}");
        return ExitCode::from(2);
    }
    if all_read {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
