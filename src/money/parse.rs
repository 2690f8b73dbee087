//! Reading money the way the press writes it.

use std::str::FromStr;

use rust_decimal::Decimal;

use super::error::{MoneyErrorKind, ParseMoneyError};
use super::symbol::{CurrencySymbol, SymbolContext, SymbolError};
use super::{Currency, Money};
use crate::grammar::decimal::{is_sign, numeral, sign, Grouping};
use crate::notation::number::{magnitude, number_word, Magnitude, Numeral};
use crate::{DecimalErrorKind, Excerpt};

impl FromStr for Money {
    type Err = ParseMoneyError;

    /// Reads an amount of money as news copy and data files write it.
    ///
    /// - ISO forms: `USD 310,000,000`, `USD 1,234.56`, `310 million USD`,
    ///   `310000000 USD`, and `Display`'s `USD 310000000.00`.
    /// - Symbols, as Unicode CLDR gives them ([`CurrencySymbol`]): `$`,
    ///   `US$`, `£`, `€`, `¥`, `CA$`, `C$` (the córdoba), `A$`, `HK$`,
    ///   `NT$`, `R$`, `₹`, `Rs`, `₩`, `DM`, `Q` (GTQ), ... An ambiguous
    ///   symbol is read by the crate's default (`$` USD, `£` GBP, `¥` JPY,
    ///   `Rs` INR); a single letter (`Q`, `R`) only before a number with
    ///   decimals, grouping or a magnitude (`Q75k`, `R273.00`): see
    ///   [`SymbolContext`], and [`Money::parse_in`] to read copy of a
    ///   given country.
    ///   The press's own prefixes too: `$US`, `$A`, `$NZ` (Australian
    ///   copy), `AU$`, `CAN$`, `S$`; and a symbol after the number (`10 €`).
    /// - The currency's name after the number, singular or plural, in
    ///   English: `10 million euros`, `5 billion US dollars`, `2963yen`,
    ///   `2 francs`, `1 pound`, `40 million quetzales`; an ambiguous name
    ///   as its symbol is read (`dollars` as `$`, `rupees` as `Rs`), or
    ///   the country of publication's currency, else a default (`francs`
    ///   CHF, `pesos` MXN, `kronor` SEK).
    /// - Minor units, as hundredths: `50p`, `50 pence`, `75c`, `99 cents`
    ///   (of the dollar read in the context, of the euro in euro-area
    ///   copy), and market codes `GBp`/`GBX` (`1 GBp` is GBP 0.01),
    ///   `ZAc`, `ILa`: never a hundred times too much.
    /// - Magnitudes, short scale, in any case: `k`/`thousand`,
    ///   `m`/`mn`/`mln`/`million`, `bn`/`bln`/`billion`,
    ///   `tn`/`trillion`, with decimals (`$4.5 billion`, `£0.5m`); South
    ///   Asian `lakh`, `crore` and `lakh crore` (`₹1.5 lakh crore`, `Rs
    ///   20,000 crore`). The result is exact: `$4.5bn` is `USD
    ///   4500000000`.
    /// - Number words before a magnitude or a currency: `one million
    ///   dollars`, `a billion euros`, `half a million pounds`.
    /// - A leading minus for reductions (`-$5m`, `USD -5`); `−` (U+2212)
    ///   counts as a minus, and a plus may stand where a minus may
    ///   (`+$5m`, `USD +5`). A zero is never negative.
    /// - The number is read as every reader of the crate reads one (see
    ///   [`DecimalErrorKind`]), but for the commas that group thousands,
    ///   or in South Asian notation (`₹1,00,000`) for the rupees and the
    ///   taka, or before `lakh` and `crore`.
    /// - Codes are case-insensitive; surrounding whitespace, and spaces
    ///   (including no-break spaces) between the parts, are ignored.
    ///
    /// # Errors
    ///
    /// [`ParseMoneyError`] naming the input and what is wrong: empty, no
    /// currency, unknown code or symbol, trailing text (`$310x`), an
    /// ambiguous symbol with no default (`kr 100`), a letter before a plain
    /// number (`Q3`), or what is wrong with the number
    /// ([`MoneyErrorKind::Number`]): no digits, bad digit grouping
    /// (`$1,00,000`), a point without digits on both sides, two decimal
    /// points, exponents (`1e5 USD`), a misplaced sign, a number too large
    /// or too precise for a `Decimal`.
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
        Money::parse_in(s, &INTERNATIONAL)
    }
}

/// The context of [`Money::from_str`].
static INTERNATIONAL: SymbolContext = SymbolContext::international();

impl Money {
    /// Reads an amount as [`Money::from_str`] does, with currency symbols
    /// read in `context`: the copy's country of publication, and defaults
    /// the caller set (see [`SymbolContext`]).
    ///
    /// # Errors
    ///
    /// As [`Money::from_str`].
    ///
    /// ```
    /// use statecraft::money::SymbolContext;
    /// use statecraft::{Country, Currency, Money};
    ///
    /// let mexico = SymbolContext::published_in(Country::MX);
    /// assert_eq!(Money::parse_in("$5m", &mexico)?.to_string(), "MXN 5000000");
    /// let canada = SymbolContext::published_in(Country::CA);
    /// assert_eq!(Money::parse_in("C$5m", &canada)?.currency(), Currency::CAD);
    /// assert_eq!("C$5m".parse::<Money>()?.currency(), Currency::NIO);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse_in(s: &str, context: &SymbolContext) -> Result<Money, ParseMoneyError> {
        parse(s, context).map_err(|kind| ParseMoneyError::new(s, kind))
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

fn parse(s: &str, context: &SymbolContext) -> Result<Money, MoneyErrorKind> {
    let t = s.trim();
    if t.is_empty() {
        return Err(MoneyErrorKind::Empty);
    }
    let piece = read_piece(t, context, Mode::Whole)?;
    let rest = piece.rest.trim();
    if !rest.is_empty() {
        return Err(MoneyErrorKind::TrailingText(Excerpt::new(rest)));
    }
    piece.money(None)
}

/// How much a reader may leave unread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The text is one amount: a number with no currency is an error, and
    /// codes are read in any case.
    Whole,
    /// The text is one figure (an amount, or a count with its unit): as
    /// `Whole`, but a number with no currency is read as a count.
    Figure,
    /// The text runs on: the amount ends where its notation does, a
    /// number may have no currency (a count), a code after the number is
    /// read only in capitals ("5 top" is not five pa'anga), and a single
    /// letter before a plain number is not money.
    Running,
}

/// One amount read from the start of a text: its currency (if any was
/// named), its number and magnitude, and the text after it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Piece<'a> {
    /// The currency named before or after the number.
    pub(crate) currency: Option<Currency>,
    /// Whether the amount is in the currency's minor unit (`50p`, `GBp`).
    pub(crate) minor: bool,
    /// The number as written.
    pub(crate) value: Numeral,
    /// Its magnitude, if any.
    pub(crate) magnitude: Option<Magnitude>,
    /// A minus sign before it.
    pub(crate) negative: bool,
    /// Whether the digits use South Asian grouping (`1,00,000`) only.
    pub(crate) indian: bool,
    /// The text after the amount.
    pub(crate) rest: &'a str,
}

impl Piece<'_> {
    /// The amount, in the currency named or else `fallback`'s (the
    /// currency of the other end of a range, and whether it is in minor
    /// units: "3 to 4 million euros").
    pub(crate) fn money(&self, fallback: Option<(Currency, bool)>) -> Result<Money, MoneyErrorKind> {
        let (currency, minor) = match (self.currency, fallback) {
            (Some(c), _) => (c, self.minor),
            (None, Some(f)) => f,
            (None, None) => return Err(MoneyErrorKind::NoCurrency),
        };
        if self.indian && !(south_asian(currency) || self.magnitude.is_some_and(Magnitude::is_south_asian)) {
            return Err(DecimalErrorKind::BadGrouping.into());
        }
        let value = match self.magnitude {
            Some(m) => self.value.scaled(m)?,
            None => self.value,
        };
        let mut amount = value.to_decimal(self.negative)?;
        if minor {
            let digits = currency.minor_units().unwrap_or(2);
            let scale = amount.scale() + u32::from(digits);
            if scale > 28 {
                return Err(DecimalErrorKind::TooPrecise.into());
            }
            amount.set_scale(scale).map_err(|_| DecimalErrorKind::TooPrecise)?;
        }
        Ok(Money::new(amount, currency))
    }
}

/// Currencies whose press groups digits the South Asian way.
fn south_asian(c: Currency) -> bool {
    matches!(
        c,
        Currency::INR | Currency::PKR | Currency::NPR | Currency::LKR | Currency::BDT
    )
}

/// Reads one amount at the start of `t` (which starts with its sign,
/// currency or number): see [`Money::from_str`].
pub(crate) fn read_piece<'a>(t: &'a str, context: &SymbolContext, mode: Mode) -> Result<Piece<'a>, MoneyErrorKind> {
    let (outer, t) = strip_sign(t);
    if t.starts_with(is_sign) {
        return Err(DecimalErrorKind::MisplacedSign.into());
    }
    // A number in words ("one million") names no currency.
    let lead = if number_word(t).is_some() {
        None
    } else {
        leading_currency(t, context)?
    };
    let body = match &lead {
        Some(lead) => lead.rest.trim_start(),
        None => t,
    };
    let (inner, body) = if lead.is_some() { strip_sign(body) } else { (None, body) };
    if outer.is_some() && inner.is_some() || body.starts_with(is_sign) {
        return Err(DecimalErrorKind::MisplacedSign.into());
    }
    let (value, rest, indian, worded) = match number_word(body) {
        Some((value, rest)) => (value, rest, false, true),
        None => match numeral(body, Grouping::Thousands) {
            Ok((value, rest)) => (value, rest, false, false),
            // In running text a point after the number ends the sentence.
            Err(DecimalErrorKind::BarePoint) if mode == Mode::Running => {
                let end = body.find('.').unwrap_or(body.len());
                let (value, _) = numeral(body.get(..end).unwrap_or(body), Grouping::Thousands)?;
                (value, body.get(end..).unwrap_or_default(), false, false)
            }
            Err(DecimalErrorKind::BadGrouping) => {
                let (value, rest) = numeral(body, Grouping::Indian)?;
                (value, rest, true, false)
            }
            Err(e) => return Err(e.into()),
        },
    };
    let digits = body.get(..body.len().saturating_sub(rest.len())).unwrap_or(body);
    let (magnitude, rest) = match magnitude(rest) {
        Some((m, rest)) => (Some(m), rest),
        None => (None, rest),
    };
    if let Some(Lead {
        letter: Some(symbol), ..
    }) = lead
    {
        // A single letter is money before a number shaped like money.
        if magnitude.is_none() && !worded && !digits.contains(['.', ',']) {
            return Err(MoneyErrorKind::Symbol(SymbolError::Letter { symbol }));
        }
    }
    let (currency, minor, rest) = match lead {
        Some(lead) => (Some(lead.currency), lead.minor, rest),
        None => match super::words::trailing_currency(rest, context, mode)? {
            Some((currency, minor, rest)) => (Some(currency), minor, rest),
            None => (None, false, rest),
        },
    };
    Ok(Piece {
        currency,
        minor,
        value,
        magnitude,
        negative: outer.or(inner) == Some(true),
        indian,
        rest,
    })
}

/// The currency named before the number.
struct Lead<'a> {
    currency: Currency,
    /// The text after the code or symbol.
    rest: &'a str,
    /// A single-letter symbol the context does not vouch for, which is
    /// money only before a number shaped like money.
    letter: Option<CurrencySymbol>,
    /// A code of the currency's minor unit (`GBp`, `GBX`).
    minor: bool,
}

/// The currency named at the start of `t` by a code or a symbol, and the
/// rest; `None` when `t` starts with a digit.
fn leading_currency<'a>(t: &'a str, context: &SymbolContext) -> Result<Option<Lead<'a>>, MoneyErrorKind> {
    let first = match t.chars().next() {
        Some(c) => c,
        None => return Err(DecimalErrorKind::NoDigits.into()),
    };
    if first.is_ascii_digit() {
        return Ok(None);
    }
    let symbol = |s: CurrencySymbol, rest: &'a str| {
        // A symbol followed by a point that starts no number is part of a
        // longer symbol no currency uses (`S/.`).
        let mut after = rest.chars();
        if after.next() == Some('.') && !after.next().is_some_and(|c| c.is_ascii_digit()) {
            let end = t
                .find(|c: char| c.is_ascii_digit() || c.is_whitespace())
                .unwrap_or(t.len());
            return Err(MoneyErrorKind::UnknownSymbol(Excerpt::new(t.get(..end).unwrap_or(t))));
        }
        let (currency, vouched) = context.read(s).map_err(MoneyErrorKind::Symbol)?;
        let letter = (s.is_letter() && !vouched).then_some(s);
        Ok(Some(Lead {
            currency,
            rest,
            letter,
            minor: false,
        }))
    };
    // A code: three ASCII letters that end the word.
    let word_end = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
    let (word, rest) = t.split_at(word_end);
    let next_is_symbol_part = rest.starts_with('$');
    if word.len() == 3 && word.is_ascii() && !next_is_symbol_part {
        if let Some(currency) = Currency::minor_unit_code(word) {
            return Ok(Some(Lead {
                currency,
                rest,
                letter: None,
                minor: true,
            }));
        }
        if let Some(currency) = Currency::from_code(word) {
            return Ok(Some(Lead {
                currency,
                rest,
                letter: None,
                minor: false,
            }));
        }
        // Three letters that are a symbol, not a code (`Ksh`).
        return match CurrencySymbol::at_start(t) {
            Some((s, rest)) => symbol(s, rest),
            None => Err(MoneyErrorKind::UnknownCode(Excerpt::new(word))),
        };
    }
    if let Some((currency, rest)) = press_prefix(t) {
        return Ok(Some(Lead {
            currency,
            rest,
            letter: None,
            minor: false,
        }));
    }
    if let Some((s, rest)) = CurrencySymbol::at_start(t) {
        return symbol(s, rest);
    }
    if word.is_empty() {
        let end = t
            .find(|c: char| c.is_ascii_digit() || c.is_whitespace())
            .unwrap_or(t.len());
        Err(MoneyErrorKind::UnknownSymbol(Excerpt::new(t.get(..end).unwrap_or(t))))
    } else {
        // Letters then digits, perhaps with marks between them (`CAD$5`,
        // `HK $5`): all before the number is a symbol no currency uses.
        match t.find(|c: char| c.is_ascii_digit() || is_minus(c)) {
            Some(end) => Err(MoneyErrorKind::UnknownSymbol(Excerpt::new(
                t.get(..end).unwrap_or(t).trim_end(),
            ))),
            None => Err(DecimalErrorKind::NoDigits.into()),
        }
    }
}

/// Prefixes the press writes that CLDR has no symbol for: Australian
/// copy's `$US` and `$A`, `$NZ`, and `AU$`, `CAN$`, `S$`; each before a
/// number or a space.
fn press_prefix(t: &str) -> Option<(Currency, &str)> {
    const PREFIXES: [(&str, Currency); 7] = [
        ("S$", Currency::SGD),
        ("$US", Currency::USD),
        ("$NZ", Currency::NZD),
        ("$A", Currency::AUD),
        ("AU$", Currency::AUD),
        ("CAN$", Currency::CAD),
        ("US $", Currency::USD),
    ];
    PREFIXES.iter().find_map(|(p, c)| {
        let rest = t.strip_prefix(p)?;
        rest.starts_with(|c: char| c.is_ascii_digit() || c.is_whitespace())
            .then_some((*c, rest))
    })
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
            ("C$10k", m("10000", Currency::NIO)),
            ("CA$10k", m("10000", Currency::CAD)),
            ("NT$500", m("500", Currency::TWD)),
            ("NT$-5", m("-5", Currency::TWD)),
            ("HK$5", m("5", Currency::HKD)),
            ("Rs 500", m("500", Currency::INR)),
            ("RM50", m("50", Currency::MYR)),
            ("฿ 3.39", m("3.39", Currency::THB)),
            ("KSh 1,000", m("1000", Currency::KES)),
            ("Ksh1,000", m("1000", Currency::KES)),
            ("R273.00", m("273.00", Currency::ZAR)),
            ("DM 5m", m("5000000", Currency::DEM)),
            ("DEM 5m", m("5000000", Currency::DEM)),
            ("SLL 1,000,000", m("1000000", Currency::SLL)),
            ("Q3.50", m("3.50", Currency::GTQ)),
            ("S/ 100", m("100", Currency::PEN)),
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
            // Minor units: a hundredth, never the currency itself.
            ("GBp 5", m("0.05", Currency::GBP)),
            ("1 GBp", m("0.01", Currency::GBP)),
            ("GBX 150", m("1.50", Currency::GBP)),
            ("ZAc 100", m("1.00", Currency::ZAR)),
            ("ILa 100", m("1.00", Currency::ILS)),
            ("50p", m("0.50", Currency::GBP)),
            ("75c", m("0.75", Currency::USD)),
            ("50 pence", m("0.50", Currency::GBP)),
            ("99 cents", m("0.99", Currency::USD)),
            // Currency words after the number.
            ("310 dollars", m("310", Currency::USD)),
            ("10 million euros", m("10000000", Currency::EUR)),
            ("5 billion dollars", m("5000000000", Currency::USD)),
            ("5 billion US dollars", m("5000000000", Currency::USD)),
            ("2 francs", m("2", Currency::CHF)),
            ("1 franc", m("1", Currency::CHF)),
            ("2963yen", m("2963", Currency::JPY)),
            ("2963 yen", m("2963", Currency::JPY)),
            ("1 yuan", m("1", Currency::CNY)),
            ("1 pound", m("1", Currency::GBP)),
            ("3 Hong Kong dollars", m("3", Currency::HKD)),
            ("40 million quetzales", m("40000000", Currency::GTQ)),
            ("1.2 trillion rupees", m("1200000000000", Currency::INR)),
            // Number words.
            ("one million dollars", m("1000000", Currency::USD)),
            ("a billion euros", m("1000000000", Currency::EUR)),
            ("half a million pounds", m("500000", Currency::GBP)),
            ("$ one million", m("1000000", Currency::USD)),
            // South Asian magnitudes and grouping.
            ("₹1.5 lakh crore", m("1500000000000", Currency::INR)),
            ("Rs 20,000 crore", m("200000000000", Currency::INR)),
            ("Rs 1,00,000", m("100000", Currency::INR)),
            ("₹1,50,00,000", m("15000000", Currency::INR)),
            ("₹5 lakh", m("500000", Currency::INR)),
            // Prefixes of the press.
            ("Rs 3,600.00", m("3600.00", Currency::INR)),
            ("NT$ 1,160", m("1160", Currency::TWD)),
            ("AU$ 1,175", m("1175", Currency::AUD)),
            ("CA$1.23", m("1.23", Currency::CAD)),
            ("S$6.42bn", m("6420000000", Currency::SGD)),
            ("A$5.2bn", m("5200000000", Currency::AUD)),
            ("$US4 billion", m("4000000000", Currency::USD)),
            ("$A5m", m("5000000", Currency::AUD)),
            ("CAN$1.23", m("1.23", Currency::CAD)),
            ("5m USD", m("5000000", Currency::USD)),
            ("US$5m", m("5000000", Currency::USD)),
            ("USD 5m", m("5000000", Currency::USD)),
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
            ("CAD$5", "invalid amount `CAD$5`: unknown currency symbol `CAD$`"),
            ("HK $5", "invalid amount `HK $5`: unknown currency symbol `HK $`"),
            ("S/. 100", "invalid amount `S/. 100`: unknown currency symbol `S/.`"),
            ("NT$", "invalid amount `NT$`: no digits"),
            ("fifteen dollars", "invalid amount `fifteen dollars`: no digits"),
            (
                "Q3",
                "invalid amount `Q3`: `Q` before a plain number is not read as GTQ: write decimals, digit grouping or a magnitude (Q3.00, Q3k), or give a country of publication",
            ),
            (
                "R 5",
                "invalid amount `R 5`: `R` before a plain number is not read as ZAR: write decimals, digit grouping or a magnitude (R3.00, R3k), or give a country of publication",
            ),
            (
                "kr 100",
                "invalid amount `kr 100`: ambiguous currency symbol `kr`: DKK, ISK, NOK or SEK (give a country of publication)",
            ),
            (
                "L 5k",
                "invalid amount `L 5k`: ambiguous currency symbol `L`: HNL or RON (give a country of publication)",
            ),
            (
                "SLX 5",
                "invalid amount `SLX 5`: unknown currency code `SLX`; codes starting SL: SLE, SLL (withdrawn after 2023-12-31)",
            ),
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
    fn a_context_reads_its_own_symbols() {
        let mx = SymbolContext::published_in(crate::Country::MX);
        let gt = SymbolContext::published_in(crate::Country::GT);
        let za = SymbolContext::published_in(crate::Country::ZA);
        let sek = SymbolContext::international()
            .with_default("kr", Currency::SEK)
            .unwrap();
        let cases = [
            ("$5m", &mx, m("5000000", Currency::MXN)),
            ("US$5m", &mx, m("5000000", Currency::USD)),
            ("Q3", &gt, m("3", Currency::GTQ)),
            ("$3", &gt, m("3", Currency::USD)),
            ("R5", &za, m("5", Currency::ZAR)),
            ("kr 100", &sek, m("100", Currency::SEK)),
        ];
        for (text, ctx, want) in cases {
            assert_eq!(Money::parse_in(text, ctx), Ok(want), "{text}");
        }
        let e = Money::parse_in("Q3", &mx).unwrap_err();
        assert!(matches!(e.kind(), MoneyErrorKind::Symbol(SymbolError::Letter { .. })));
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
