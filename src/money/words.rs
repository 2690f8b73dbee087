//! The currency after the number: codes (`5m USD`), the currency's name
//! in English, singular or plural (`10 million euros`, `2963yen`, `5
//! billion US dollars`), and minor units (`50p`, `75c`, `50 pence`).

use super::error::MoneyErrorKind;
use super::parse::Mode;
use super::symbol::CurrencySymbol;
use super::{Currency, SymbolContext};
use crate::notation::number::split_word;
use crate::Excerpt;

/// How a currency word is read.
#[derive(Clone, Copy)]
enum Named {
    /// One currency.
    One(Currency),
    /// As this symbol is read in the context (`dollars` as `$`: USD, or
    /// the country of publication's dollar).
    Symbol(&'static str),
    /// The country of publication's currency among these, else the
    /// first (the documented default); `francs` is CHF unless the copy
    /// comes from a country of the CFA franc.
    Among(&'static [Currency]),
    /// A minor unit: a hundredth of the currency `Named` gives.
    Pence,
    /// Cents: a hundredth of the euro in copy from the euro area, else of
    /// the dollar read in the context.
    Cents,
}

/// Names of currencies with the country before them, matched first
/// (`US dollars`, `Hong Kong dollars`, `Swiss francs`).
const PHRASES: &[(&str, Currency)] = &[
    ("pounds sterling", Currency::GBP),
    ("pound sterling", Currency::GBP),
    ("us dollar", Currency::USD),
    ("u.s. dollar", Currency::USD),
    ("american dollar", Currency::USD),
    ("canadian dollar", Currency::CAD),
    ("australian dollar", Currency::AUD),
    ("new zealand dollar", Currency::NZD),
    ("hong kong dollar", Currency::HKD),
    ("singapore dollar", Currency::SGD),
    ("new taiwan dollar", Currency::TWD),
    ("taiwan dollar", Currency::TWD),
    ("mexican peso", Currency::MXN),
    ("argentine peso", Currency::ARS),
    ("chilean peso", Currency::CLP),
    ("colombian peso", Currency::COP),
    ("philippine peso", Currency::PHP),
    ("swiss franc", Currency::CHF),
    ("egyptian pound", Currency::EGP),
    ("indian rupee", Currency::INR),
    ("pakistani rupee", Currency::PKR),
    ("sri lankan rupee", Currency::LKR),
    ("nepalese rupee", Currency::NPR),
    ("japanese yen", Currency::JPY),
    ("chinese yuan", Currency::CNY),
    ("brazilian real", Currency::BRL),
    ("south african rand", Currency::ZAR),
    ("russian rouble", Currency::RUB),
    ("russian ruble", Currency::RUB),
    ("turkish lira", Currency::TRY),
    ("swedish krona", Currency::SEK),
    ("norwegian krone", Currency::NOK),
    ("danish krone", Currency::DKK),
];

const FRANCS: &[Currency] = &[
    Currency::CHF,
    Currency::XOF,
    Currency::XAF,
    Currency::CDF,
    Currency::GNF,
    Currency::RWF,
    Currency::BIF,
    Currency::DJF,
    Currency::KMF,
    Currency::MGA,
    Currency::XPF,
];
const PESOS: &[Currency] = &[
    Currency::MXN,
    Currency::ARS,
    Currency::CLP,
    Currency::COP,
    Currency::PHP,
    Currency::CUP,
    Currency::DOP,
    Currency::UYU,
];
const KRONOR: &[Currency] = &[Currency::SEK, Currency::NOK, Currency::DKK, Currency::ISK];
const DIRHAMS: &[Currency] = &[Currency::AED, Currency::MAD];
const SHILLINGS: &[Currency] = &[Currency::KES, Currency::UGX, Currency::TZS, Currency::SOS];

/// The names of currencies, singular and plural, in byte order of the
/// lower-case word.
const WORDS: &[(&str, Named)] = &[
    ("baht", Named::One(Currency::THB)),
    ("birr", Named::One(Currency::ETB)),
    ("cedi", Named::One(Currency::GHS)),
    ("cedis", Named::One(Currency::GHS)),
    ("cent", Named::Cents),
    ("cents", Named::Cents),
    ("cordoba", Named::One(Currency::NIO)),
    ("cordobas", Named::One(Currency::NIO)),
    ("córdoba", Named::One(Currency::NIO)),
    ("córdobas", Named::One(Currency::NIO)),
    ("dirham", Named::Among(DIRHAMS)),
    ("dirhams", Named::Among(DIRHAMS)),
    ("dollar", Named::Symbol("$")),
    ("dollars", Named::Symbol("$")),
    ("dong", Named::One(Currency::VND)),
    ("euro", Named::One(Currency::EUR)),
    ("euros", Named::One(Currency::EUR)),
    ("forint", Named::One(Currency::HUF)),
    ("franc", Named::Among(FRANCS)),
    ("francs", Named::Among(FRANCS)),
    ("hryvnia", Named::One(Currency::UAH)),
    ("hryvnias", Named::One(Currency::UAH)),
    ("krona", Named::Among(KRONOR)),
    ("krone", Named::Among(&[Currency::NOK, Currency::DKK])),
    ("kroner", Named::Among(&[Currency::NOK, Currency::DKK])),
    ("kronor", Named::Among(KRONOR)),
    ("lempira", Named::One(Currency::HNL)),
    ("lempiras", Named::One(Currency::HNL)),
    ("lira", Named::One(Currency::TRY)),
    ("naira", Named::One(Currency::NGN)),
    ("pence", Named::Pence),
    ("penny", Named::Pence),
    ("peso", Named::Among(PESOS)),
    ("pesos", Named::Among(PESOS)),
    ("pound", Named::Symbol("£")),
    ("pounds", Named::Symbol("£")),
    ("quetzal", Named::One(Currency::GTQ)),
    ("quetzales", Named::One(Currency::GTQ)),
    ("quetzals", Named::One(Currency::GTQ)),
    ("rand", Named::One(Currency::ZAR)),
    ("reais", Named::One(Currency::BRL)),
    ("renminbi", Named::One(Currency::CNY)),
    ("ringgit", Named::One(Currency::MYR)),
    ("riyal", Named::One(Currency::SAR)),
    ("riyals", Named::One(Currency::SAR)),
    ("rouble", Named::One(Currency::RUB)),
    ("roubles", Named::One(Currency::RUB)),
    ("ruble", Named::One(Currency::RUB)),
    ("rubles", Named::One(Currency::RUB)),
    ("rupee", Named::Symbol("Rs")),
    ("rupees", Named::Symbol("Rs")),
    ("rupiah", Named::One(Currency::IDR)),
    ("shekel", Named::One(Currency::ILS)),
    ("shekels", Named::One(Currency::ILS)),
    ("shilling", Named::Among(SHILLINGS)),
    ("shillings", Named::Among(SHILLINGS)),
    ("sterling", Named::One(Currency::GBP)),
    ("taka", Named::One(Currency::BDT)),
    ("won", Named::Symbol("₩")),
    ("yen", Named::Symbol("¥")),
    ("yuan", Named::One(Currency::CNY)),
    ("zloty", Named::One(Currency::PLN)),
    ("zlotys", Named::One(Currency::PLN)),
];

/// The currency named after a number, whether the amount is in its minor
/// unit, and the text after the name; `None` when no currency follows
/// (in [`Mode::Whole`], an error saying what follows instead).
pub(crate) fn trailing_currency<'a>(
    rest: &'a str,
    context: &SymbolContext,
    mode: Mode,
) -> Result<Option<(Currency, bool, &'a str)>, MoneyErrorKind> {
    let whole = mode != Mode::Running;
    let none = |rest: &str| {
        if mode != Mode::Whole {
            Ok(None)
        } else if rest.trim().is_empty() {
            Err(MoneyErrorKind::NoCurrency)
        } else {
            Err(MoneyErrorKind::TrailingText(Excerpt::new(rest.trim())))
        }
    };
    // `50p`, `75c`: a letter right after the number that ends the word.
    let (word, after) = split_word(rest);
    if matches!(word, "p" | "c") {
        let named = if word == "p" { Named::Pence } else { Named::Cents };
        return read(named, word, context).map(|(c, minor)| Some((c, minor, after)));
    }
    let t = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let (word, after) = split_word(t);
    // A code: three letters (capitals only in running text).
    if word.len() == 3 && word.is_ascii() && (whole || word.bytes().all(|b| b.is_ascii_uppercase())) {
        if let Some(currency) = Currency::minor_unit_code(word) {
            return Ok(Some((currency, true, after)));
        }
        if let Some(currency) = Currency::from_code(word) {
            return Ok(Some((currency, false, after)));
        }
        if whole && word.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(MoneyErrorKind::UnknownCode(Excerpt::new(word)));
        }
    }
    // A code of a minor unit (`GBp`) in running text.
    if word.len() == 3 {
        if let Some(currency) = Currency::minor_unit_code(word) {
            return Ok(Some((currency, true, after)));
        }
    }
    // A symbol after the number, as much of Europe writes it (`10 €`,
    // `34.99€`, `1 NT$`); never a single letter, which is ordinary text,
    // nor in running text a word in lower case (`5 kg`).
    let lower_word = !whole && t.starts_with(|c: char| c.is_ascii_lowercase());
    if let Some((symbol, after)) = CurrencySymbol::at_start(t).filter(|_| !lower_word) {
        let letter = symbol.as_str().chars().count() == 1 && symbol.as_str().starts_with(char::is_alphabetic);
        if !letter && !after.starts_with(|c: char| c.is_alphanumeric()) {
            let currency = context.read(symbol).map(|(c, _)| c).map_err(MoneyErrorKind::Symbol)?;
            return Ok(Some((currency, false, after)));
        }
    }
    for (phrase, currency) in PHRASES {
        if let Some(after) = strip_phrase(t, phrase) {
            return Ok(Some((*currency, false, after)));
        }
    }
    let lower = word.to_lowercase();
    match WORDS.binary_search_by(|(w, _)| w.cmp(&lower.as_str())) {
        Ok(i) => match WORDS.get(i) {
            Some((_, named)) => read(*named, word, context).map(|(c, minor)| Some((c, minor, after))),
            None => none(rest),
        },
        Err(_) => none(rest),
    }
}

/// `t` after `phrase` (lower case, singular) and its plural `s`, in any
/// case, when the phrase ends a word there.
fn strip_phrase<'a>(t: &'a str, phrase: &str) -> Option<&'a str> {
    let head = t.get(..phrase.len())?;
    if !head.eq_ignore_ascii_case(phrase) {
        return None;
    }
    let rest = t.get(phrase.len()..)?;
    let rest = match rest.strip_prefix(['s', 'S']) {
        Some(r) => r,
        None => rest,
    };
    (!rest.starts_with(char::is_alphabetic)).then_some(rest)
}

/// The currency a word names in `context`, and whether it is a minor unit.
fn read(named: Named, word: &str, context: &SymbolContext) -> Result<(Currency, bool), MoneyErrorKind> {
    let by_symbol = |symbol: &str| -> Result<Currency, MoneyErrorKind> {
        match CurrencySymbol::find(symbol) {
            Some(s) => context.read(s).map(|(c, _)| c).map_err(MoneyErrorKind::Symbol),
            None => Err(MoneyErrorKind::UnknownSymbol(Excerpt::new(word))),
        }
    };
    match named {
        Named::One(c) => Ok((c, false)),
        Named::Symbol(symbol) => by_symbol(symbol).map(|c| (c, false)),
        Named::Among(candidates) => {
            let own = context
                .country()
                .and_then(|country| country.currencies().iter().copied().find(|c| candidates.contains(c)));
            match own.or(candidates.first().copied()) {
                Some(c) => Ok((c, false)),
                None => Err(MoneyErrorKind::UnknownSymbol(Excerpt::new(word))),
            }
        }
        Named::Pence => by_symbol("£").map(|c| (c, true)),
        Named::Cents => {
            let euro = context
                .country()
                .is_some_and(|country| country.currencies().contains(&Currency::EUR));
            if euro {
                Ok((Currency::EUR, true))
            } else {
                by_symbol("$").map(|c| (c, true))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_sorted_for_the_binary_search() {
        for pair in WORDS.windows(2) {
            if let [(a, _), (b, _)] = pair {
                assert!(a < b, "{a} before {b}");
            }
        }
    }
}
