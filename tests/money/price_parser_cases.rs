//! price-parser's test cases (BSD-3-Clause, kept as data in
//! `tests/data/price-parser/` with its licence) that a news reader would
//! write, read as figures: the measurement of `tests/peers/price_parser.py`
//! without Python. Which cases are in scope, and the currency and amount
//! each means, are the script's (`out_of_scope`, `iso`, `expected`).

use statecraft::money::SymbolContext;
use statecraft::notation::Reading;
use statecraft::Decimal;

#[test]
fn price_parser_cases_a_news_reader_writes() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/price-parser/cases.tsv");
    let mut rows = csv::ReaderBuilder::new().delimiter(b'\t').from_path(path).unwrap();
    let headers = rows.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (text, scope, iso, expected) = (col("price_raw"), col("out_of_scope"), col("iso"), col("expected"));
    let (mut total, mut in_scope, mut right, mut misses) = (0, 0, 0, Vec::new());
    let any = SymbolContext::international();
    for row in rows.records() {
        let row = row.unwrap();
        total += 1;
        if !row[scope].is_empty() {
            continue;
        }
        in_scope += 1;
        let want: Decimal = row[expected].parse().unwrap();
        let money = match Reading::parse_in(&row[text], &any) {
            Ok(Reading::Money(m)) => m.as_exact(),
            Ok(Reading::Pair(p)) => p.primary().as_exact(),
            _ => None,
        };
        if money.is_some_and(|m| m.currency().code() == &row[iso] && m.amount() == want) {
            right += 1;
        } else {
            misses.push(row[text].trim().to_string());
        }
    }
    assert_eq!((total, in_scope), (1176, 270));
    // The two misses: `KD`, the Kuwaiti dinar as Gulf copy writes it, is
    // no symbol of CLDR.
    assert_eq!(misses, ["423.923 KD", "1 KD"]);
    assert_eq!(right, 268, "{right} of {in_scope}");
    assert!(right * 100 >= in_scope * 98);
}
