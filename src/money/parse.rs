//! Reading money the way the press writes it.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::currency_table::SYMBOLS;
use super::error::{MoneyErrorKind, ParseMoneyError};
use super::{Currency, Money};
use crate::grammar::decimal::{is_sign, numeral, sign, Grouping};
use crate::notation::number::magnitude;
use crate::{DecimalErrorKind, Excerpt};

impl FromStr for Money {
    type Err = ParseMoneyError;

    /// Reads an amount of money as news copy and data files write it.
    ///
    /// - ISO forms: `USD 310,000,000`, `USD 1,234.56`, `310 million USD`,
    ///   `310000000 USD`, and `Display`'s `USD 310000000.00`.
    /// - Symbols: `$` (USD), `US$`, `£`, `€`, `¥` (JPY), `C$`, `A$`,
    ///   `NZ$`, `HK$`, `S$`, `MX$`, `R$`, `₹`, `₩`, `Q` (GTQ, as written in
    ///   Guatemala) and the others in `data/currency-symbols.csv`.
    /// - Magnitudes, short scale, in any case: `k`/`thousand`,
    ///   `m`/`mn`/`mln`/`million`, `bn`/`bln`/`billion`,
    ///   `tn`/`trillion`, with decimals (`$4.5 billion`, `£0.5m`). The
    ///   result is exact: `$4.5bn` is `USD 4500000000`.
    /// - A leading minus for reductions (`-$5m`, `USD -5`); `−` (U+2212)
    ///   counts as a minus, and a plus may stand where a minus may
    ///   (`+$5m`, `USD +5`). A zero is never negative.
    /// - The number is read as every reader of the crate reads one (see
    ///   [`DecimalErrorKind`]), but for the commas that group thousands.
    /// - Codes are case-insensitive; surrounding whitespace, and spaces
    ///   (including no-break spaces) between the parts, are ignored.
    ///
    /// # Errors
    ///
    /// [`ParseMoneyError`] naming the input and what is wrong: empty, no
    /// currency, unknown code or symbol, trailing text (`$310x`), or what
    /// is wrong with the number ([`MoneyErrorKind::Number`]): no digits,
    /// bad digit grouping (`$1,00,000`), a point without digits on both
    /// sides, two decimal points, exponents (`1e5 USD`), a misplaced sign,
    /// a number too large or too precise for a `Decimal`.
    ///
    /// ```
    /// use statecraft::{Currency, Decimal, Money};
    ///
    /// let m: Money = "£219m".parse()?;
    /// assert_eq!(m, Money::new(Decimal::from(219_000_000), Currency::GBP));
    /// assert_eq!("310 million USD".parse::<Money>()?, "$310m".parse()?);
    /// assert_eq!("Q75k".parse::<Money>()?.to_string(), "GTQ 75000");
    /// assert_eq!("-$5m".parse::<Money>()?.to_string(), "USD -5000000");
    /// assert!("$310x".parse::<Money>().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from_str(s: &str) -> Result<Money, ParseMoneyError> {
        parse(s).map_err(|kind| ParseMoneyError::new(s, kind))
    }
}

fn is_minus(c: char) -> bool {
    c == '-' || c == '−'
}

/// The sign at the start of `s`, if any (whether it is a minus), and the
/// text after it and the spaces that follow.
fn strip_sign(s: &str) -> (Option<bool>, &str) {
    match sign(s) {
        Some((negative, rest)) => (Some(negative), rest.trim_start()),
        None => (None, s),
    }
}

fn parse(s: &str) -> Result<Money, MoneyErrorKind> {
    let t = s.trim();
    if t.is_empty() {
        return Err(MoneyErrorKind::Empty);
    }
    let (outer, t) = strip_sign(t);
    if t.starts_with(is_sign) {
        return Err(DecimalErrorKind::MisplacedSign.into());
    }
    let (currency, body) = match leading_currency(t)? {
        Some((c, rest)) => (Some(c), rest.trim_start()),
        None => (None, t),
    };
    let (inner, body) = if currency.is_some() {
        strip_sign(body)
    } else {
        (None, body)
    };
    if outer.is_some() && inner.is_some() || body.starts_with(is_sign) {
        return Err(DecimalErrorKind::MisplacedSign.into());
    }
    let (value, rest) = numeral(body, Grouping::Thousands)?;
    let (value, rest) = match magnitude(rest) {
        Some((m, rest)) => (value.scaled(m)?, rest),
        None => (value, rest),
    };
    let rest = rest.trim();
    let currency = match currency {
        Some(c) => {
            if !rest.is_empty() {
                return Err(MoneyErrorKind::TrailingText(Excerpt::new(rest)));
            }
            c
        }
        None => trailing_currency(rest)?,
    };
    let amount = value.to_decimal(outer.or(inner) == Some(true))?;
    Ok(Money::new(amount, currency))
}

/// The currency named at the start of `t` by a code or a symbol, and the
/// rest; `None` when `t` starts with a digit.
fn leading_currency(t: &str) -> Result<Option<(Currency, &str)>, MoneyErrorKind> {
    let first = match t.chars().next() {
        Some(c) => c,
        None => return Err(DecimalErrorKind::NoDigits.into()),
    };
    if first.is_ascii_digit() {
        return Ok(None);
    }
    // A code: three ASCII letters that end the word.
    let word_end = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
    let (word, rest) = t.split_at(word_end);
    let next_is_symbol_part = rest.starts_with('$');
    if word.len() == 3 && word.is_ascii() && !next_is_symbol_part {
        return Currency::from_code(word)
            .map(|c| Some((c, rest)))
            .ok_or_else(|| MoneyErrorKind::UnknownCode(Excerpt::new(word)));
    }
    // A symbol, longest first; one that ends in a letter (`Q`) must end
    // the word.
    for (sym, currency, _) in &SYMBOLS {
        if let Some(rest) = t.strip_prefix(sym) {
            let ends_in_letter = sym.chars().last().is_some_and(char::is_alphabetic);
            if ends_in_letter && rest.starts_with(char::is_alphabetic) {
                continue;
            }
            return Ok(Some((*currency, rest)));
        }
    }
    if word.is_empty() {
        let end = t
            .find(|c: char| c.is_ascii_digit() || c.is_whitespace())
            .unwrap_or(t.len());
        Err(MoneyErrorKind::UnknownSymbol(Excerpt::new(t.get(..end).unwrap_or(t))))
    } else {
        // Letters then digits, perhaps with marks between them (`Rs 500`,
        // `NT$500`, `CAD$5`, `HK $5`, `S/ 100`): all before the number
        // is a symbol no currency uses.
        match t.find(|c: char| c.is_ascii_digit() || is_minus(c)) {
            Some(end) => Err(MoneyErrorKind::UnknownSymbol(Excerpt::new(
                t.get(..end).unwrap_or(t).trim_end(),
            ))),
            None => Err(DecimalErrorKind::NoDigits.into()),
        }
    }
}

/// The currency code that follows the number (`310 million USD`).
fn trailing_currency(rest: &str) -> Result<Currency, MoneyErrorKind> {
    if rest.is_empty() {
        return Err(MoneyErrorKind::NoCurrency);
    }
    let end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    let (word, after) = rest.split_at(end);
    if word.is_empty() {
        return Err(MoneyErrorKind::TrailingText(Excerpt::new(rest)));
    }
    let currency = if word.len() == 3 && word.is_ascii() {
        Currency::from_code(word).ok_or_else(|| MoneyErrorKind::UnknownCode(Excerpt::new(word)))?
    } else {
        return Err(MoneyErrorKind::TrailingText(Excerpt::new(rest)));
    };
    if !after.trim().is_empty() {
        return Err(MoneyErrorKind::TrailingText(Excerpt::new(after.trim())));
    }
    Ok(currency)
}

/// Reads a plain decimal (`-1234.50`), the amount form of the JSON and
/// CSV formats: the grammar every reader of numbers shares
/// ([`DecimalErrorKind`]), without grouping, magnitude or currency.
pub(crate) fn plain_decimal(s: &str) -> Result<Decimal, DecimalErrorKind> {
    crate::grammar::decimal::plain(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(amount: &str, c: Currency) -> Money {
        Money::new(amount.parse().unwrap(), c)
    }

    #[test]
    fn notation_cases() {
        let cases = [
            ("USD 310,000,000", m("310000000", Currency::USD)),
            ("USD 1,234.56", m("1234.56", Currency::USD)),
            ("310 million USD", m("310000000", Currency::USD)),
            ("310000000 USD", m("310000000", Currency::USD)),
            ("usd 5", m("5", Currency::USD)),
            ("USD310m", m("310000000", Currency::USD)),
            ("$310m", m("310000000", Currency::USD)),
            ("$310M", m("310000000", Currency::USD)),
            ("US$ 4.5 billion", m("4500000000", Currency::USD)),
            ("$4.5 billion", m("4500000000", Currency::USD)),
            ("£219m", m("219000000", Currency::GBP)),
            ("£0.5m", m("500000", Currency::GBP)),
            ("£218.8m", m("218800000", Currency::GBP)),
            ("€1.2bn", m("1200000000", Currency::EUR)),
            ("¥100", m("100", Currency::JPY)),
            ("C$10k", m("10000", Currency::CAD)),
            ("A$ 3 mn", m("3000000", Currency::AUD)),
            ("MX$2.5tn", m("2500000000000", Currency::MXN)),
            ("R$1", m("1", Currency::BRL)),
            ("Q75k", m("75000", Currency::GTQ)),
            ("Q 1,000", m("1000", Currency::GTQ)),
            ("QAR 5", m("5", Currency::QAR)),
            ("-$5m", m("-5000000", Currency::USD)),
            ("−$5m", m("-5000000", Currency::USD)),
            ("$-5m", m("-5000000", Currency::USD)),
            ("USD -5", m("-5", Currency::USD)),
            ("-5 USD", m("-5", Currency::USD)),
            ("-$0", m("0", Currency::USD)),
            ("  GBP\u{a0}12.50  ", m("12.50", Currency::GBP)),
            ("1.234567891 million EUR", m("1234567.891", Currency::EUR)),
            ("5 MXN", m("5", Currency::MXN)),
        ];
        for (text, want) in cases {
            let got: Money = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(got, want, "{text}");
            assert_eq!(got.amount().scale(), want.amount().scale(), "{text}: scale");
        }
        assert!(!"-$0".parse::<Money>().unwrap().amount().is_sign_negative());
    }

    #[test]
    fn error_messages_are_pinned() {
        let cases = [
            ("", "invalid amount ``: empty"),
            ("   ", "invalid amount `   `: empty"),
            ("$", "invalid amount `$`: no digits"),
            ("USD", "invalid amount `USD`: no digits"),
            ("$m", "invalid amount `$m`: no digits"),
            ("310", "invalid amount `310`: no currency"),
            ("310 million", "invalid amount `310 million`: no currency"),
            ("XYZ 5", "invalid amount `XYZ 5`: unknown currency code `XYZ`"),
            ("5 XYZ", "invalid amount `5 XYZ`: unknown currency code `XYZ`"),
            ("₿5", "invalid amount `₿5`: unknown currency symbol `₿`"),
            ("Rs 500", "invalid amount `Rs 500`: unknown currency symbol `Rs`"),
            ("NT$500", "invalid amount `NT$500`: unknown currency symbol `NT$`"),
            ("CAD$5", "invalid amount `CAD$5`: unknown currency symbol `CAD$`"),
            ("HK $5", "invalid amount `HK $5`: unknown currency symbol `HK $`"),
            ("S/ 100", "invalid amount `S/ 100`: unknown currency symbol `S/`"),
            ("S/. 100", "invalid amount `S/. 100`: unknown currency symbol `S/.`"),
            ("NT$-5", "invalid amount `NT$-5`: unknown currency symbol `NT$`"),
            ("NT$", "invalid amount `NT$`: no digits"),
            ("five dollars", "invalid amount `five dollars`: no digits"),
            ("$1,00,000", "invalid amount `$1,00,000`: bad digit grouping"),
            ("$1,0000", "invalid amount `$1,0000`: bad digit grouping"),
            ("$1.2.3", "invalid amount `$1.2.3`: two decimal points"),
            ("$310x", "invalid amount `$310x`: unexpected `x` after the amount"),
            (
                "$310m dollars",
                "invalid amount `$310m dollars`: unexpected `dollars` after the amount",
            ),
            (
                "310 USD extra",
                "invalid amount `310 USD extra`: unexpected `extra` after the amount",
            ),
            (
                "310 dollars",
                "invalid amount `310 dollars`: unexpected `dollars` after the amount",
            ),
            ("1e5 USD", "invalid amount `1e5 USD`: exponents are not accepted"),
            ("--5 USD", "invalid amount `--5 USD`: misplaced sign"),
            ("-$-5", "invalid amount `-$-5`: misplaced sign"),
            (
                "$99999999999999999999999999999",
                "invalid amount `$99999999999999999999999999999`: too large for a decimal",
            ),
            (
                "$79228162514264337593543950335k",
                "invalid amount `$79228162514264337593543950335k`: too large for a decimal",
            ),
            (
                "$9.9999999999999999999999999999",
                "invalid amount `$9.9999999999999999999999999999`: more significant digits than a decimal holds (28)",
            ),
            (
                "$7.9228162514264337593543950336",
                "invalid amount `$7.9228162514264337593543950336`: more significant digits than a decimal holds (28)",
            ),
            (
                "$1.00000000000000000000000000000",
                "invalid amount `$1.00000000000000000000000000000`: more than 28 decimal places",
            ),
            (
                "$0.00000000000000000000000000001",
                "invalid amount `$0.00000000000000000000000000001`: more than 28 decimal places",
            ),
        ];
        for (text, msg) in cases {
            let e = text.parse::<Money>().unwrap_err();
            assert_eq!(e.to_string(), msg, "{text}");
        }
    }

    #[test]
    fn largest_amounts_parse_exactly() {
        let max: Money = "USD 79228162514264337593543950335".parse().unwrap();
        assert_eq!(max.amount(), Decimal::MAX);
        let min: Money = "-USD 79228162514264337593543950335".parse().unwrap();
        assert_eq!(min.amount(), Decimal::MIN);
        let digits: Money = "$7.9228162514264337593543950335".parse().unwrap();
        assert_eq!(digits.amount().to_string(), "7.9228162514264337593543950335");
    }

    #[test]
    fn a_plus_stands_where_a_minus_may() {
        for text in [
            "+$5m",
            "$+5m",
            "USD +5000000",
            "+5000000 USD",
            "+ $5m",
            "US$ +5 million",
        ] {
            assert_eq!(text.parse::<Money>().unwrap().to_string(), "USD 5000000", "{text}");
        }
        for text in ["+-$5", "-+5 USD", "+$-5", "$+-5", "++5 USD"] {
            assert_eq!(
                text.parse::<Money>().unwrap_err().kind(),
                &MoneyErrorKind::Number(DecimalErrorKind::MisplacedSign),
                "{text}"
            );
        }
    }

    #[test]
    fn the_number_is_read_as_every_reader_reads_it() {
        for (text, kind) in [
            ("$.5m", DecimalErrorKind::BarePoint),
            ("USD 5.", DecimalErrorKind::BarePoint),
            ("USD 1e5", DecimalErrorKind::Exponent),
            ("$m", DecimalErrorKind::NoDigits),
        ] {
            assert_eq!(
                text.parse::<Money>().unwrap_err().kind(),
                &MoneyErrorKind::Number(kind),
                "{text}"
            );
        }
        assert_eq!(plain_decimal("+5"), Ok(Decimal::from(5)));
        assert_eq!(plain_decimal("1,000"), Err(DecimalErrorKind::Grouping));
    }
}
