//! The CSV form of funding records: errors pinned, round trips, and the
//! parallel file reader agreeing with the streaming one.

use std::io::Write as _;

use proptest::prelude::*;
use statecraft::aggregate::{CountrySplit, RejectReason};
use statecraft::fx::{FxError, Rate, RateSource, Series};
use statecraft::model::Share;
use statecraft::records::{FundingFile, FundingRecord, Reader, RecordId, Writer, HEADER};
use statecraft::{Aggregator, Country, Currency, Decimal, Dimension, Flow, FundingStage, Money, NaiveDate};

fn read_one(line: &[u8]) -> Result<FundingRecord, String> {
    let mut input = format!("{HEADER}\n").into_bytes();
    input.extend_from_slice(line);
    input.push(b'\n');
    let mut reader = Reader::new(&input[..]);
    let item = reader.next().expect("one item");
    assert!(reader.next().is_none());
    item.map_err(|e| e.to_string())
}

#[test]
fn errors_name_the_line_the_column_and_the_text() {
    let cases: &[(&[u8], &str)] = &[
        (b"1,2021-02-30,US,GT,committed,5,USD", "line 2, column 2 (date): invalid date `2021-02-30`: expected a calendar date as YYYY-MM-DD"),
        (b"1,07/06/2021,US,GT,committed,5,USD", "line 2, column 2 (date): invalid date `07/06/2021`: expected a calendar date as YYYY-MM-DD"),
        (b",2021-06-07,US,GT,committed,5,USD", "line 2, column 1 (id): invalid id ``: empty"),
        (b"1\t2,2021-06-07,US,GT,committed,5,USD", "line 2, column 1 (id): invalid id `1\\t2`: control characters other than line breaks are not allowed"),
        (b"\xff,2021-06-07,US,GT,committed,5,USD", "line 2, column 1 (id): invalid UTF-8 in `\u{fffd}`"),
        (b"1,2021-06-07,ZZ,GT,committed,5,USD", "line 2, column 3 (donor): unknown country code `ZZ`"),
        (b"1,2021-06-07,US,Guatemala,committed,5,USD", "line 2, column 4 (recipient): unknown country code `Guatemala`"),
        (b"1,2021-06-07,US,GT,paid,5,USD", "line 2, column 5 (stage): unknown stage `paid`: expected proposed, announced, pledged, committed, disbursed, reduced or cancelled"),
        (b"1,2021-06-07,US,GT,committed,1e5,USD", "line 2, column 6 (amount): invalid amount `1e5`: exponents are not accepted"),
        (b"1,2021-06-07,US,GT,committed,1.2.3,USD", "line 2, column 6 (amount): invalid amount `1.2.3`: two decimal points"),
        (b"1,2021-06-07,US,GT,committed,-,USD", "line 2, column 6 (amount): invalid amount `-`: no digits"),
        (b"1,2021-06-07,US,GT,committed,$5,USD", "line 2, column 6 (amount): invalid amount `$5`: unexpected `$` before the number"),
        (b"1,2021-06-07,US,GT,committed,5 x,USD", "line 2, column 6 (amount): invalid amount `5 x`: unexpected `x` after the number"),
        (b"1,2021-06-07,US,GT,committed,.5,USD", "line 2, column 6 (amount): invalid amount `.5`: a decimal point needs a digit on each side"),
        (b"1,2021-06-07,US,GT,committed,\"1,000\",USD", "line 2, column 6 (amount): invalid amount `1,000`: digit grouping is not accepted"),
        (b"1,2021-06-07,US,GT,committed,99999999999999999999999999999,USD", "line 2, column 6 (amount): invalid amount `99999999999999999999999999999`: too large for a decimal"),
        (b"1,2021-06-07,US,GT,committed,0.00000000000000000000000000001,USD", "line 2, column 6 (amount): invalid amount `0.00000000000000000000000000001`: more than 28 decimal places"),
        (b"1,2021-06-07,US,GT,committed,5,XYZ", "line 2, column 7 (currency): unknown currency code `XYZ`"),
        (b"1,2021-06-07,US,GT,committed,5,", "line 2, column 7 (currency): amount `5` has no currency"),
        (b"1,2021-06-07,US,GT,committed,1,000,USD", "line 2: expected 7 fields, found 8: `1,2021-06-07,US,GT,committed,1,000,USD`"),
        (b"1,2021-06-07,US,GT,committed,5", "line 2: expected 7 fields, found 6: `1,2021-06-07,US,GT,committed,5`"),
        (b"\"1,2021-06-07,US,GT,committed,5,USD", "line 2, column 1 (id): badly quoted field `\"1,2021-06-07,US,GT,committed,5,USD`"),
        (b"\"1\"2,2021-06-07,US,GT,committed,5,USD", "line 2, column 1 (id): badly quoted field `\"1\"2,2021-06-07,US,GT,committed,5,USD`"),
        (b"1,2021-06-07,US,GT,committed,5,\"USD", "line 2, column 7 (currency): badly quoted field `\"USD`"),
    ];
    for (line, message) in cases {
        assert_eq!(
            read_one(line).unwrap_err(),
            *message,
            "{}",
            String::from_utf8_lossy(line)
        );
    }
}

#[test]
fn what_the_form_allows() {
    let r = read_one(b"\"a, \"\"b\"\"\",2021-06-07,us,gt,Committed,-0.50,usd").unwrap();
    assert_eq!(r.id().as_str(), "a, \"b\"");
    assert_eq!(
        (r.donor().as_country(), r.stage()),
        (Some(Country::US), FundingStage::Committed)
    );
    assert_eq!(r.amount(), Some("USD -0.50".parse().unwrap()));
    // A sign, and spaces around any field but the id.
    let r = read_one(b" a ,2021-06-07, US ,GT,committed, +5 ,USD ").unwrap();
    assert_eq!((r.id().as_str(), r.donor().as_country()), (" a ", Some(Country::US)));
    assert_eq!(r.amount(), Some("USD 5".parse().unwrap()));
    let undisclosed = read_one(b"2,2021-06-07,US,GT,announced,,").unwrap();
    assert_eq!(undisclosed.amount(), None);
    // A currency without an amount is checked, then dropped with it.
    assert_eq!(read_one(b"3,2021-06-07,US,GT,announced,,GBP").unwrap().amount(), None);
    assert_eq!(
        read_one(b"3,2021-06-07,US,GT,announced,,GB").unwrap_err(),
        "line 2, column 7 (currency): unknown currency code `GB`"
    );
}

#[test]
fn header_bom_line_breaks_and_blank_lines() {
    let errors: &[(&[u8], &str)] = &[
        (b"", "line 1: expected the header `id,date,donor,recipient,stage,amount,currency`, found ``"),
        (b"id,date,donor,recipient,stage,amount\n", "line 1: expected the header `id,date,donor,recipient,stage,amount,currency`, found `id,date,donor,recipient,stage,amount`"),
        (b"1,2021-06-07,US,GT,committed,5,USD\n", "line 1: expected the header `id,date,donor,recipient,stage,amount,currency`, found `1,2021-06-07,US,GT,committed,5,USD`"),
    ];
    for (input, message) in errors {
        let mut reader = Reader::new(*input);
        assert_eq!(reader.next().unwrap().unwrap_err().to_string(), *message);
        assert!(reader.next().is_none());
    }
    let input =
        format!("\u{feff}{HEADER}\r\n1,2021-06-07,US,GT,committed,5,USD\r\n\r\n\n2,2021-06-08,US,HN,committed,6,USD");
    let mut reader = Reader::new(input.as_bytes());
    let ids: Vec<String> = reader.by_ref().map(|r| r.unwrap().id().to_string()).collect();
    assert_eq!(ids, ["1", "2"]);
    assert_eq!(reader.line(), 5);
}

#[test]
fn lines_longer_than_a_mebibyte_are_refused_and_skipped() {
    let mut input = format!("{HEADER}\n").into_bytes();
    input.extend(std::iter::repeat_n(b'x', 3 << 20));
    input.extend_from_slice(b"\n1,2021-06-07,US,GT,committed,5,USD\n");
    let items: Vec<_> = Reader::new(&input[..]).collect();
    assert_eq!(items.len(), 2);
    assert_eq!(
        items[0].as_ref().unwrap_err().to_string(),
        "line 2: record longer than 1 MiB"
    );
    assert_eq!(items[1].as_ref().unwrap().id().as_str(), "1");
}

#[test]
fn the_writer_refuses_what_the_form_cannot_hold() {
    let day = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
    let split = CountrySplit::new([
        (Country::GT, Share::from_percent(50).unwrap()),
        (Country::HN, Share::from_percent(50).unwrap()),
    ])
    .unwrap();
    let r = FundingRecord::new(
        "7".parse().unwrap(),
        day,
        Country::US,
        split,
        FundingStage::Pledged,
        None,
    );
    let mut w = Writer::new(Vec::new());
    assert_eq!(
        w.write(&r).unwrap_err().to_string(),
        "line 2: record `7` is not for one country (a split or an area), which the CSV form's recipient column cannot hold"
    );
    let far = NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap();
    let r = FundingRecord::new(
        "8".parse().unwrap(),
        far,
        Country::US,
        Country::GT,
        FundingStage::Pledged,
        None,
    );
    assert_eq!(
        w.write(&r).unwrap_err().to_string(),
        "line 2, column 2 (date): invalid date `+10000-01-01`: expected a calendar date as YYYY-MM-DD"
    );
    assert_eq!(
        String::from_utf8(w.into_inner().unwrap()).unwrap(),
        format!("{HEADER}\n")
    );
}

fn record() -> impl Strategy<Value = FundingRecord> {
    let id = "[^\\p{Cc}]{1,12}".prop_map(|s| s.parse::<RecordId>().unwrap());
    let date = (0i32..=9999, 1u32..=366).prop_filter_map("a day of the year", |(y, d)| NaiveDate::from_yo_opt(y, d));
    let country = (0usize..250).prop_map(|i| Country::iter().nth(i).unwrap());
    let currency = (0usize..150).prop_map(|i| Currency::iter().nth(i).unwrap());
    let amount = prop_oneof![
        Just(None),
        (any::<i128>(), 0u32..=28, currency).prop_map(|(m, s, c)| {
            let d = Decimal::try_from_i128_with_scale(m % 79_228_162_514_264_337_593_543_950_335, s).unwrap();
            Some(Money::new(d, c))
        }),
    ];
    let stage = (0usize..7).prop_map(|i| FundingStage::iter().nth(i).unwrap());
    (id, date, country.clone(), country, stage, amount).prop_map(|(id, date, donor, recipient, stage, amount)| {
        FundingRecord::new(id, date, donor, recipient, stage, amount)
    })
}

proptest! {
    #[test]
    fn writing_then_reading_gives_the_records_back(records in prop::collection::vec(record(), 0..30)) {
        let mut w = Writer::new(Vec::new());
        for r in &records {
            w.write(r).unwrap();
        }
        let bytes = w.into_inner().unwrap();
        let back: Vec<FundingRecord> = Reader::new(&bytes[..]).collect::<Result<_, _>>().unwrap();
        prop_assert_eq!(back, records);
    }

    #[test]
    fn reading_arbitrary_bytes_never_panics(body in prop::collection::vec(any::<u8>(), 0..400)) {
        let mut input = format!("{HEADER}\n").into_bytes();
        input.extend_from_slice(&body);
        for item in Reader::new(&input[..]) {
            if let Err(e) = item {
                prop_assert!(e.line().is_some_and(|l| l >= 2));
            }
        }
    }
}

/// One US dollar per unit of anything, except no rate for GBP in March.
struct Par;

impl RateSource for Par {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        if from == Currency::GBP && chrono::Datelike::month(&on) == 3 {
            return Err(FxError::NotQuoted {
                series: Series::Currency(from),
                date: on,
                provider: "par".into(),
            });
        }
        Rate::new(from, to, Decimal::new(125, 2), on, "par")
    }
}

#[test]
fn a_file_read_in_parallel_gives_what_one_pass_gives() {
    // Enough lines for several parts of at least 1 MiB each, with bad
    // lines, blank lines, quoted ids, CRLF and undisclosed amounts among
    // them, and no final line break.
    let mut text = format!("{HEADER}\r\n");
    let currencies = ["USD", "EUR", "GBP", "JPY"];
    for i in 0..160_000u32 {
        let day = 1 + i % 28;
        let month = 1 + (i / 28) % 12;
        let line = match i % 997 {
            5 => format!("{i},2021-02-30,US,GT,committed,5,USD"),
            6 => String::new(),
            7 => format!("\"q{i},x\",2021-{month:02}-{day:02},FR,HN,pledged,{i}.25,EUR"),
            8 => format!("{i},2021-{month:02}-{day:02},FR,HN,announced,,"),
            9 => format!("{i},2021-{month:02}-{day:02},FR,HN,pledged,12x,EUR"),
            _ => format!(
                "{i},2021-{month:02}-{day:02},{},{},disbursed,{}.{:02},{}",
                ["US", "FR", "JP"][(i % 3) as usize],
                ["GT", "HN", "SV", "MX"][(i % 4) as usize],
                i * 7919 % 1_000_003,
                i % 100,
                currencies[(i % 4) as usize]
            ),
        };
        text.push_str(&line);
        if i + 1 < 160_000 {
            text.push_str(if i % 2 == 0 { "\r\n" } else { "\n" });
        }
    }
    let path = std::env::temp_dir().join(format!("statecraft-records-{}.csv", std::process::id()));
    std::fs::File::create(&path)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let by = || Dimension::Recipient;
    let mut one = Aggregator::new(&Par, Currency::USD, by()).keep_rejections(1000);
    Reader::new(text.as_bytes()).aggregate_into(&mut one).unwrap();
    let one = one.totals().unwrap();
    // Record by record through the iterator: the same sums and counts.
    let mut each = Aggregator::new(&Par, Currency::USD, by());
    let mut reader = Reader::new(text.as_bytes());
    while let Some(item) = reader.next() {
        match item {
            Ok(r) => each.push_at(reader.line(), &r),
            Err(e) => each.reject(e.line().unwrap(), RejectReason::from(e)),
        }
    }
    let each = each.totals().unwrap();
    assert_eq!(each.groups(), one.groups());
    assert_eq!(
        (each.read(), each.aggregated(), each.rejected(), each.undisclosed()),
        (one.read(), one.aggregated(), one.rejected(), one.undisclosed())
    );
    let blank = (0..160_000u32).filter(|i| i % 997 == 6).count() as u64;
    assert_eq!(one.read(), 160_000 - blank);
    assert!(one.rejected() > 400, "{}", one.rejected());
    assert!(one.undisclosed() > 100);
    for threads in [1, 2, 3, 7] {
        let mut agg = Aggregator::new(&Par, Currency::USD, by()).keep_rejections(1000);
        let file = FundingFile::open(&path).unwrap().threads(threads);
        assert_eq!(file.len(), text.len() as u64);
        file.aggregate_into(&mut agg).unwrap();
        assert_eq!(agg.totals().unwrap(), one, "{threads} threads");
    }
    std::fs::remove_file(&path).unwrap();
    let first = &one.rejections()[..3];
    let lines: Vec<String> = first.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "line 7: column 2 (date): invalid date `2021-02-30`: expected a calendar date as YYYY-MM-DD",
            "line 11: column 6 (amount): invalid amount `12x`: unexpected `x` after the number",
            "line 60: no par rate for GBP on 2021-03-03: GBP is not quoted",
        ]
    );
}

#[test]
fn unreadable_files_are_errors() {
    let e = FundingFile::open("/nonexistent/funding.csv").err().unwrap();
    assert!(
        e.to_string().starts_with("cannot open `/nonexistent/funding.csv`: "),
        "{e}"
    );
    let path = std::env::temp_dir().join(format!("statecraft-header-{}.csv", std::process::id()));
    std::fs::write(&path, "id,when\n").unwrap();
    let e = FundingFile::open(&path).err().unwrap();
    assert_eq!(
        e.to_string(),
        "line 1: expected the header `id,date,donor,recipient,stage,amount,currency`, found `id,when`"
    );
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn records_spanning_lines_across_the_cuts_of_a_parallel_read() {
    // Every third id holds line breaks, and long ones now and then, so
    // that the cuts between parts fall inside records: a part that began
    // inside a record is read again from where that record ended.
    let mut text = format!("{HEADER}\n");
    let mut rejected_lines = Vec::new();
    let mut line = 2u64;
    for i in 0..60_000u32 {
        let id = match i % 3 {
            0 if i % 999 == 0 => format!("\"long{i}{}\"", "\n,x".repeat(3000)),
            0 => format!("\"r{i}{}\"", "\nsecond line,\r\n".repeat(8)),
            1 => format!("\"q{i}, \"\"quoted\"\"\""),
            _ => format!("p{i}"),
        };
        let amount = if i % 101 == 5 {
            rejected_lines.push(line);
            "1e5".to_string()
        } else {
            format!("{}.{:02}", i * 37 % 100_003, i % 100)
        };
        text.push_str(&format!(
            "{id},2021-{:02}-{:02},US,{},committed,{amount},USD\n",
            1 + i % 12,
            1 + i % 28,
            ["GT", "HN", "SV"][(i % 3) as usize]
        ));
        line += 1 + id.matches('\n').count() as u64;
    }
    assert!(text.len() > 3 << 20);
    let path = std::env::temp_dir().join(format!("statecraft-multiline-{}.csv", std::process::id()));
    std::fs::write(&path, &text).unwrap();
    let mut one = Aggregator::new(&Par, Currency::USD, Dimension::Recipient).keep_rejections(1000);
    Reader::new(text.as_bytes()).aggregate_into(&mut one).unwrap();
    let one = one.totals().unwrap();
    assert_eq!((one.read(), one.rejected()), (60_000, rejected_lines.len() as u64));
    // Each rejection names the line its record starts on.
    let lines: Vec<u64> = one.rejections().iter().map(|r| r.line()).collect();
    assert_eq!(lines, rejected_lines);
    // The test reads again: for some number of parts, the line break
    // after a cut (where FundingFile starts a part) is inside quotes
    // (after an odd number of quote characters).
    let body = (text.len() - HEADER.len() - 1) as u64;
    let cut_inside = |parts: u64| {
        (1..parts).any(|i| {
            let cut = HEADER.len() + 1 + (body / parts * i) as usize;
            let nl = cut - 1 + text[cut - 1..].find('\n').unwrap();
            text[..nl].matches('"').count() % 2 == 1
        })
    };
    assert!(cut_inside(3) && cut_inside(4));
    for threads in [2, 3, 4] {
        let mut agg = Aggregator::new(&Par, Currency::USD, Dimension::Recipient).keep_rejections(1000);
        FundingFile::open(&path)
            .unwrap()
            .threads(threads)
            .aggregate_into(&mut agg)
            .unwrap();
        assert_eq!(agg.totals().unwrap(), one, "{threads} threads");
    }
    std::fs::remove_file(&path).unwrap();
}
