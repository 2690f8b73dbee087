//! The floor under aggregating a funding-records file: csv-core splitting
//! every record into its fields, nothing converted, nothing summed, the
//! file read in 256 KiB chunks by as many threads as cores, each on its own
//! byte range aligned to a line (as `records::FundingFile` reads it).
//!
//! ```text
//! cargo bench --bench bare_parse -- FILE.csv [THREADS]
//! ```
//!
//! Prints the records and fields split and the time taken; fails unless
//! every record has the seven fields of the form. Without a file, it splits
//! `tests/data/funding-2000.csv`.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::time::Instant;

/// Splits the records that start within `start..end` of `path`: how many,
/// and how many fields they have in all.
fn split(path: &str, start: u64, end: u64) -> std::io::Result<(u64, u64)> {
    let mut file = File::open(path)?;
    let from = start.saturating_sub(1);
    file.seek(SeekFrom::Start(from))?;
    let mut buf = vec![0u8; 1 << 18];
    let mut reader = csv_core::Reader::new();
    let (mut out, mut ends) = (vec![0u8; 1 << 16], vec![0usize; 64]);
    let (mut records, mut fields) = (0u64, 0u64);
    let (mut pos, mut n) = (from, file.read(&mut buf)?);
    let mut at = 0;
    if start > 0 {
        // The first line is the end of the range before (or the header).
        at = memchr::memchr(b'\n', &buf[..n]).map_or(n, |i| i + 1);
    }
    let (mut nout, mut nend) = (0, 0);
    loop {
        if pos + at as u64 >= end && nend == 0 && nout == 0 {
            return Ok((records, fields));
        }
        if at == n && n > 0 {
            pos += n as u64;
            n = file.read(&mut buf)?;
            at = 0;
        }
        let (result, i, o, e) = reader.read_record(&buf[at..n], &mut out[nout..], &mut ends[nend..]);
        (at, nout, nend) = (at + i, nout + o, nend + e);
        match result {
            csv_core::ReadRecordResult::Record => {
                records += 1;
                fields += nend as u64;
                (nout, nend) = (0, 0);
            }
            csv_core::ReadRecordResult::End => return Ok((records, fields)),
            csv_core::ReadRecordResult::InputEmpty => {}
            csv_core::ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
            csv_core::ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let path = args
        .first()
        .cloned()
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/funding-2000.csv").to_string());
    let threads: u64 = match args.get(1) {
        Some(n) => n.parse()?,
        None => std::thread::available_parallelism().map_or(1, |n| n.get() as u64),
    };
    let len = std::fs::metadata(&path)?.len();
    let started = Instant::now();
    let parts: Vec<std::io::Result<(u64, u64)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|i| {
                let start = len / threads * i;
                let end = if i + 1 == threads { len } else { len / threads * (i + 1) };
                let path = &path;
                scope.spawn(move || split(path, start, end))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a thread panicked"))
            .collect()
    });
    let elapsed = started.elapsed();
    let (mut records, mut fields) = (0, 0);
    for part in parts {
        let (r, f) = part?;
        records += r;
        fields += f;
    }
    assert_eq!(fields, records * 7, "every record, the header included, has 7 fields");
    println!("{records} records, {fields} fields split in {elapsed:.2?} on {threads} threads ({path})");
    Ok(())
}
