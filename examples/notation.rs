//! Reads amounts and counts as news copy writes them, and writes them back.
//!
//! `cargo run --example notation -- '$310m' '£219m' 'more than 178,000'`
//! (with no arguments it reads a few figures of the seed article).

use std::process::ExitCode;

use statecraft::{Count, Money};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let inputs: Vec<String> = if args.is_empty() {
        [
            "$310m",
            "£219m",
            "25m doses",
            "more than 178,000",
            "approaching 230,000",
            "Q75k",
            "$1,00,000",
        ]
        .map(String::from)
        .to_vec()
    } else {
        args
    };
    let mut failed = false;
    for input in &inputs {
        match input.parse::<Money>() {
            Ok(m) => println!("{input:>22}  money  {m:#}  ({})", m.to_compact()),
            Err(money_err) => match Count::parse_with_unit(input) {
                Ok((c, unit)) => println!(
                    "{input:>22}  count  {c}{}",
                    unit.map(|u| format!(" {u}")).unwrap_or_default()
                ),
                Err(_) => {
                    eprintln!("{money_err}");
                    failed = true;
                }
            },
        }
    }
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}
