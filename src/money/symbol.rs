//! Currency symbols from CLDR, and the context that reads the ambiguous
//! ones: `$`, `£`, `¥`, `kr`.

use std::fmt;

use super::symbol_table::{country_locales, starting_with, symbols_of, EN, ENGLISH, LOCALES, SYMBOLS};
use super::Currency;
use crate::{Country, Excerpt};

/// One symbol of the generated table: the currencies it stands for, each
/// with the mask of the locales that give it as the symbol and as the
/// narrow symbol, and the default of an ambiguous symbol.
pub(super) struct SymbolEntry {
    pub(super) symbol: &'static str,
    pub(super) currencies: &'static [(Currency, u64, u64)],
    pub(super) default: Option<Currency>,
}

/// A currency symbol as Unicode CLDR gives it in the locales the crate
/// ships (`data/cldr/main/`: English of every region, Spanish, Portuguese,
/// French, German and 13 more languages): `$`, `CA$`, `C$`, `£`, `₹`, `Q`.
///
/// A symbol may stand for one currency ([`is_unique`](CurrencySymbol::is_unique):
/// `CA$`, `₹`, `DM`) or for several (`$` for some thirty dollars and
/// pesos, `kr` for four crowns). [`SymbolContext`] says how an ambiguous
/// one is read.
///
/// ```
/// use statecraft::money::CurrencySymbol;
/// use statecraft::Currency;
///
/// let c = CurrencySymbol::find("C$").ok_or("no such symbol")?;
/// assert_eq!(c.currencies().collect::<Vec<_>>(), [Currency::CAD, Currency::NIO]);
/// assert!(c.locales(Currency::NIO).any(|l| l == "es-NI"));
/// assert_eq!(c.locales(Currency::CAD).collect::<Vec<_>>(), ["nl"]);
/// assert_eq!(c.default_currency(), Some(Currency::NIO));
///
/// let ca = CurrencySymbol::find("CA$").ok_or("no such symbol")?;
/// assert!(ca.is_unique());
/// assert_eq!(ca.default_currency(), Some(Currency::CAD));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy)]
pub struct CurrencySymbol(&'static SymbolEntry);

impl CurrencySymbol {
    fn entry(self) -> &'static SymbolEntry {
        self.0
    }

    /// The symbol written exactly so (`kr` and `Kr` are two symbols).
    pub fn find(symbol: &str) -> Option<CurrencySymbol> {
        SYMBOLS
            .binary_search_by(|e| e.symbol.as_bytes().cmp(symbol.as_bytes()))
            .ok()
            .and_then(|i| SYMBOLS.get(i))
            .map(CurrencySymbol)
    }

    /// Every symbol, in byte order.
    pub fn iter() -> impl Iterator<Item = CurrencySymbol> {
        SYMBOLS.iter().map(CurrencySymbol)
    }

    /// The symbol: `"C$"`.
    pub fn as_str(self) -> &'static str {
        self.entry().symbol
    }

    /// The currencies it stands for in some locale, in code order.
    pub fn currencies(self) -> impl Iterator<Item = Currency> {
        self.entry().currencies.iter().map(|(c, _, _)| *c)
    }

    /// Whether it stands for one currency in every locale.
    pub fn is_unique(self) -> bool {
        self.entry().currencies.len() == 1
    }

    /// Whether it stands for `currency` in some locale.
    pub fn stands_for(self, currency: Currency) -> bool {
        self.entry().currencies.iter().any(|(c, _, _)| *c == currency)
    }

    /// The locales (CLDR's names: `en`, `en-CA`, `es-MX`, `und` for the
    /// root) that give it for `currency`, as its symbol or its narrow
    /// symbol, in name order.
    pub fn locales(self, currency: Currency) -> impl Iterator<Item = &'static str> {
        let mask = self
            .entry()
            .currencies
            .iter()
            .find(|(c, _, _)| *c == currency)
            .map_or(0, |(_, symbol, narrow)| symbol | narrow);
        LOCALES
            .iter()
            .enumerate()
            .filter(move |(i, _)| mask >> i & 1 == 1)
            .map(|(_, l)| *l)
    }

    /// The currency it is read as without a country of publication: the
    /// only one it stands for, or for an ambiguous symbol the default
    /// `data/symbol-defaults.csv` gives (`$` USD, `£` GBP, `¥` JPY, `Rs`
    /// INR, `C$` NIO, `₩` KRW, `₱` PHP); `None` for an ambiguous symbol
    /// with no default (`kr`, `Bs`, `L`, `K`).
    pub fn default_currency(self) -> Option<Currency> {
        let e = self.entry();
        match e.currencies {
            [(only, _, _)] => Some(*only),
            _ => e.default,
        }
    }

    /// Whether it is a single ASCII letter (`Q`, `R`, `L`), which is also
    /// ordinary text ("Q3" is a quarter).
    pub fn is_letter(self) -> bool {
        matches!(self.as_str().as_bytes(), [b] if b.is_ascii_alphabetic())
    }

    /// The symbol English-language copy writes for `currency`: the `en`
    /// locale's symbol, else its narrow one.
    pub(crate) fn english(currency: Currency) -> Option<CurrencySymbol> {
        let pick = |narrow: bool| {
            CurrencySymbol::of(currency).find(|s| {
                let (symbol, narrow_mask) = s.masks(currency);
                (if narrow { narrow_mask } else { symbol }) & EN != 0
            })
        };
        pick(false).or_else(|| pick(true))
    }

    /// The symbols of `currency`.
    pub(crate) fn of(currency: Currency) -> impl Iterator<Item = CurrencySymbol> {
        symbols_of(currency)
            .iter()
            .filter_map(|&i| SYMBOLS.get(usize::from(i)))
            .map(CurrencySymbol)
    }

    /// The masks of the locales that give it for `currency`, as symbol and
    /// as narrow symbol.
    fn masks(self, currency: Currency) -> (u64, u64) {
        self.entry()
            .currencies
            .iter()
            .find(|(c, _, _)| *c == currency)
            .map_or((0, 0), |(_, s, n)| (*s, *n))
    }

    /// The longest symbol that starts `text`, and the rest of `text`. A
    /// symbol that ends in a letter must end the word (`Rs500`, not the
    /// `R` of `Rsx`). Letters that match no symbol as written match one
    /// that differs only in ASCII case (`KSh` for CLDR's `Ksh`).
    pub(crate) fn at_start(text: &str) -> Option<(CurrencySymbol, &str)> {
        let bytes = text.as_bytes();
        // No symbol holds a digit: none reaches past the first one.
        let limit = bytes.iter().position(u8::is_ascii_digit).unwrap_or(bytes.len());
        // The symbols that share the first byte, longest first: compared
        // byte by byte (a binary search per length took ~150 ns here).
        for &i in starting_with(*bytes.first()?) {
            let Some(e) = SYMBOLS.get(usize::from(i)) else { continue };
            let sym = e.symbol.as_bytes();
            if sym.len() > limit || !sym.iter().zip(bytes).all(|(a, b)| a == b) {
                continue;
            }
            let Some(rest) = text.get(sym.len()..) else { continue };
            // A symbol that ends in a letter must end the word.
            let ends_in_letter = e.symbol.chars().last().is_some_and(char::is_alphabetic);
            if ends_in_letter && rest.starts_with(char::is_alphabetic) {
                continue;
            }
            return Some((CurrencySymbol(e), rest));
        }
        let word_end = text.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(text.len());
        let (word, rest) = text.split_at(word_end);
        if word.len() < 2 {
            return None;
        }
        CurrencySymbol::iter()
            .find(|s| s.as_str().eq_ignore_ascii_case(word))
            .map(|s| (s, rest))
    }
}

// Symbols are unique in the table: a symbol is its text.
impl PartialEq for CurrencySymbol {
    fn eq(&self, other: &CurrencySymbol) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for CurrencySymbol {}

impl std::hash::Hash for CurrencySymbol {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for CurrencySymbol {
    fn partial_cmp(&self, other: &CurrencySymbol) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for CurrencySymbol {
    /// In byte order, as the table is sorted.
    fn cmp(&self, other: &CurrencySymbol) -> std::cmp::Ordering {
        self.as_str().as_bytes().cmp(other.as_str().as_bytes())
    }
}

impl fmt::Debug for CurrencySymbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("CurrencySymbol").field(&self.as_str()).finish()
    }
}

impl fmt::Display for CurrencySymbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// How to read currency symbols: the conventions of the copy's country of
/// publication, and defaults a caller sets.
///
/// A symbol is read, in this order:
///
/// 1. as the only currency it stands for, when it is unique (`CA$`, `₹`,
///    `DM`);
/// 2. as the currency the caller set for it with
///    [`with_default`](SymbolContext::with_default);
/// 3. as the country of publication's own currency, when the symbol
///    stands for it (`$` in Mexican copy is the peso, `kr` in Swedish copy
///    the krona, `C$` in Canadian copy the Canadian dollar, `Rs` in
///    Pakistani copy the Pakistani rupee);
/// 4. by the crate's default for the ambiguous symbol
///    ([`CurrencySymbol::default_currency`]: `$` USD, `£` GBP, `¥` JPY,
///    `Rs` INR, `C$` NIO, `₩` KRW, `₱` PHP);
///
/// and is otherwise an error naming the candidates (`kr` with no country:
/// DKK, ISK, NOK or SEK).
///
/// A symbol that is a single ASCII letter (`Q`, `R`, `L`) is also ordinary
/// text: "Q3" is a quarter, not 3 quetzales. It is read as money only when
/// the number has the shape of money (decimals, digit grouping or a
/// magnitude: `Q3.50`, `Q1,000`, `Q75k`, `R273.00`), or when the context
/// says so: the country of publication uses the currency, or the caller
/// set the letter with [`with_default`](SymbolContext::with_default).
///
/// The default context, [`SymbolContext::international`], has no country:
/// it is what [`Money::from_str`](crate::Money) and
/// [`Money::to_compact`](crate::Money::to_compact) use.
///
/// ```
/// use statecraft::money::SymbolContext;
/// use statecraft::{Country, Currency, Money};
///
/// let mexico = SymbolContext::published_in(Country::MX);
/// assert_eq!(Money::parse_in("$5m", &mexico)?.currency(), Currency::MXN);
/// assert_eq!(Money::parse_in("US$5m", &mexico)?.currency(), Currency::USD);
/// assert_eq!("$5m".parse::<Money>()?.currency(), Currency::USD);
///
/// let guatemala = SymbolContext::published_in(Country::GT);
/// assert_eq!(Money::parse_in("Q3", &guatemala)?.to_string(), "GTQ 3");
/// assert!("Q3".parse::<Money>().is_err());
///
/// let nordic = SymbolContext::international().with_default("kr", Currency::SEK)?;
/// assert_eq!(Money::parse_in("kr 100", &nordic)?.currency(), Currency::SEK);
/// assert_eq!(
///     "kr 100".parse::<Money>().unwrap_err().to_string(),
///     "invalid amount `kr 100`: ambiguous currency symbol `kr`: DKK, ISK, NOK or SEK (give a country of publication)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct SymbolContext {
    country: Option<Country>,
    defaults: Vec<(CurrencySymbol, Currency)>,
}

impl SymbolContext {
    /// No country of publication: ambiguous symbols by the crate's
    /// defaults (`$` USD, `£` GBP, `¥` JPY, ...).
    pub const fn international() -> SymbolContext {
        SymbolContext {
            country: None,
            defaults: Vec::new(),
        }
    }

    /// Copy published in `country`: a symbol that stands for one of its
    /// currencies ([`Country::currencies`]) is read as that currency.
    pub fn published_in(country: Country) -> SymbolContext {
        SymbolContext {
            country: Some(country),
            defaults: Vec::new(),
        }
    }

    /// The country of publication, if any.
    pub fn country(&self) -> Option<Country> {
        self.country
    }

    /// The context with `symbol` read as `currency`, before the country of
    /// publication and the crate's defaults (and, for a single letter,
    /// before any number).
    ///
    /// # Errors
    ///
    /// [`SymbolError::Unknown`] when CLDR has no such symbol;
    /// [`SymbolError::NotACandidate`] when it never stands for `currency`.
    ///
    /// ```
    /// use statecraft::money::SymbolContext;
    /// use statecraft::Currency;
    ///
    /// let e = SymbolContext::international().with_default("$", Currency::GTQ).unwrap_err();
    /// assert_eq!(e.to_string(), "currency symbol `$` never stands for GTQ");
    /// ```
    pub fn with_default(mut self, symbol: &str, currency: Currency) -> Result<SymbolContext, SymbolError> {
        let s = CurrencySymbol::find(symbol).ok_or_else(|| SymbolError::Unknown {
            symbol: Excerpt::new(symbol),
        })?;
        if !s.stands_for(currency) {
            return Err(SymbolError::NotACandidate { symbol: s, currency });
        }
        self.defaults.retain(|(d, _)| *d != s);
        self.defaults.push((s, currency));
        Ok(self)
    }

    /// The currency `symbol` is read as, with whether the context vouches
    /// for it (the caller's default or the country's own currency), which
    /// a single letter needs before a plain number.
    pub(crate) fn read(&self, symbol: CurrencySymbol) -> Result<(Currency, bool), SymbolError> {
        if let Some((_, c)) = self.defaults.iter().find(|(s, _)| *s == symbol) {
            return Ok((*c, true));
        }
        if let Some(country) = self.country {
            if let Some(c) = country.currencies().iter().find(|c| symbol.stands_for(**c)) {
                return Ok((*c, true));
            }
        }
        symbol
            .default_currency()
            .map(|c| (c, false))
            .ok_or(SymbolError::Ambiguous { symbol })
    }

    /// The currency `symbol` is read as in this context.
    ///
    /// # Errors
    ///
    /// [`SymbolError::Unknown`] when CLDR has no such symbol;
    /// [`SymbolError::Ambiguous`] when it stands for several currencies
    /// and neither the context nor the crate picks one.
    ///
    /// ```
    /// use statecraft::money::SymbolContext;
    /// use statecraft::{Country, Currency};
    ///
    /// assert_eq!(SymbolContext::published_in(Country::CA).resolve("$")?, Currency::CAD);
    /// assert_eq!(SymbolContext::published_in(Country::CA).resolve("C$")?, Currency::CAD);
    /// assert_eq!(SymbolContext::international().resolve("C$")?, Currency::NIO);
    /// assert_eq!(SymbolContext::published_in(Country::PK).resolve("Rs")?, Currency::PKR);
    /// assert_eq!(SymbolContext::published_in(Country::SE).resolve("kr")?, Currency::SEK);
    /// let e = SymbolContext::international().resolve("kr").unwrap_err();
    /// assert_eq!(e.to_string(), "ambiguous currency symbol `kr`: DKK, ISK, NOK or SEK (give a country of publication)");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve(&self, symbol: &str) -> Result<Currency, SymbolError> {
        let s = CurrencySymbol::find(symbol).ok_or_else(|| SymbolError::Unknown {
            symbol: Excerpt::new(symbol),
        })?;
        self.read(s).map(|(c, _)| c)
    }

    /// The symbol to print for `currency` in compact notation: one that
    /// this context reads back as `currency` and that the press of the
    /// context writes: the country's English locales, its other locales,
    /// then `en`, the symbol before the narrow one; else a symbol unique to
    /// the currency in any English locale. `None` where the code must be
    /// written. A single letter is printed only where the context vouches
    /// for it.
    pub(crate) fn symbol_for(&self, currency: Currency) -> Option<&'static str> {
        let local = self.country.map_or(0, country_locales);
        let tiers = [local & ENGLISH, local & !ENGLISH, EN];
        let mut best: Option<(usize, CurrencySymbol)> = None;
        for s in CurrencySymbol::of(currency) {
            let (symbol, narrow) = s.masks(currency);
            let ranked =
                tiers
                    .iter()
                    .enumerate()
                    .find_map(|(i, mask)| match (symbol & mask != 0, narrow & mask != 0) {
                        (true, _) => Some(2 * i),
                        (false, true) => Some(2 * i + 1),
                        _ => None,
                    });
            let rank = match ranked {
                Some(rank) => rank,
                None if s.is_unique() && (symbol | narrow) & ENGLISH != 0 => 2 * tiers.len(),
                None => continue,
            };
            if best.is_some_and(|(b, _)| b <= rank) {
                continue;
            }
            match self.read(s) {
                Ok((c, vouched)) if c == currency && (vouched || !s.is_letter()) => best = Some((rank, s)),
                _ => {}
            }
        }
        best.map(|(_, s)| s.as_str())
    }
}

/// Why a currency symbol cannot be read as one currency.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SymbolError {
    /// A symbol CLDR does not give any currency.
    #[error("unknown currency symbol `{symbol}`")]
    Unknown {
        /// The text given.
        symbol: Excerpt,
    },
    /// A symbol of several currencies, with no default in the context.
    #[error(
        "ambiguous currency symbol `{symbol}`: {} (give a country of publication)",
        Candidates(*symbol)
    )]
    Ambiguous {
        /// The symbol.
        symbol: CurrencySymbol,
    },
    /// A single letter before a plain number ("Q3"), with no context that
    /// says it is money.
    #[error(
        "`{symbol}` before a plain number is not read as {}: write decimals, digit grouping or a magnitude ({symbol}3.00, {symbol}3k), or give a country of publication",
        Candidates(*symbol)
    )]
    Letter {
        /// The letter.
        symbol: CurrencySymbol,
    },
    /// A default for a symbol that never stands for the currency.
    #[error("currency symbol `{symbol}` never stands for {currency}")]
    NotACandidate {
        /// The symbol.
        symbol: CurrencySymbol,
        /// The currency asked for.
        currency: Currency,
    },
}

/// The currencies of a symbol: "DKK, ISK, NOK or SEK".
struct Candidates(CurrencySymbol);

impl fmt::Display for Candidates {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let all: Vec<Currency> = self.0.currencies().collect();
        for (i, c) in all.iter().enumerate() {
            if i > 0 {
                f.write_str(if i + 1 == all.len() { " or " } else { ", " })?;
            }
            write!(f, "{c}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_every_symbol_stands_for_a_currency() {
        assert!(SYMBOLS
            .windows(2)
            .all(|w| w[0].symbol.as_bytes() < w[1].symbol.as_bytes()));
        for s in CurrencySymbol::iter() {
            assert_eq!(CurrencySymbol::find(s.as_str()), Some(s));
            assert!(s.currencies().next().is_some(), "{s}");
            for c in s.currencies() {
                assert!(CurrencySymbol::of(c).any(|x| x == s), "{s} {c}");
                assert!(s.locales(c).next().is_some(), "{s} {c}");
            }
            if let Some(d) = s.entry().default {
                assert!(!s.is_unique() && s.stands_for(d), "{s}");
            }
        }
    }

    #[test]
    fn the_issue_symbols_read_as_their_currencies() {
        let intl = SymbolContext::international();
        let cases = [
            ("$", Currency::USD),
            ("US$", Currency::USD),
            ("£", Currency::GBP),
            ("€", Currency::EUR),
            ("¥", Currency::JPY),
            ("C$", Currency::NIO),
            ("CA$", Currency::CAD),
            ("A$", Currency::AUD),
            ("AU$", Currency::AUD),
            ("NT$", Currency::TWD),
            ("HK$", Currency::HKD),
            ("R$", Currency::BRL),
            ("₹", Currency::INR),
            ("Rs", Currency::INR),
            ("RM", Currency::MYR),
            ("฿", Currency::THB),
            ("R", Currency::ZAR),
            ("Ksh", Currency::KES),
            ("₦", Currency::NGN),
            ("GH₵", Currency::GHS),
            ("₱", Currency::PHP),
            ("₩", Currency::KRW),
            ("zł", Currency::PLN),
            ("DM", Currency::DEM),
            ("Q", Currency::GTQ),
        ];
        for (s, c) in cases {
            assert_eq!(intl.resolve(s), Ok(c), "{s}");
        }
        for s in ["kr", "Bs", "L", "K"] {
            assert!(matches!(intl.resolve(s), Err(SymbolError::Ambiguous { .. })), "{s}");
        }
        let country = |c| SymbolContext::published_in(c);
        assert_eq!(country(Country::IN).resolve("Rs"), Ok(Currency::INR));
        assert_eq!(country(Country::LK).resolve("Rs"), Ok(Currency::LKR));
        assert_eq!(country(Country::NP).resolve("Rs"), Ok(Currency::NPR));
        assert_eq!(country(Country::CN).resolve("¥"), Ok(Currency::CNY));
        assert_eq!(country(Country::HN).resolve("L"), Ok(Currency::HNL));
        assert_eq!(country(Country::AU).resolve("$"), Ok(Currency::AUD));
        assert_eq!(country(Country::SV).resolve("$"), Ok(Currency::USD));
        assert_eq!(country(Country::GB).resolve("$"), Ok(Currency::USD));
        assert!(country(Country::FI).resolve("kr").is_err());
    }

    #[test]
    fn errors_name_the_candidates() {
        let intl = SymbolContext::international();
        let cases = [
            (intl.resolve("₿").unwrap_err(), "unknown currency symbol `₿`"),
            (
                intl.resolve("L").unwrap_err(),
                "ambiguous currency symbol `L`: HNL or RON (give a country of publication)",
            ),
            (
                intl.clone().with_default("€", Currency::USD).unwrap_err(),
                "currency symbol `€` never stands for USD",
            ),
            (
                intl.clone().with_default("ZZ$", Currency::USD).unwrap_err(),
                "unknown currency symbol `ZZ$`",
            ),
        ];
        for (e, msg) in cases {
            assert_eq!(e.to_string(), msg);
        }
    }

    #[test]
    fn compact_symbols_read_back_in_their_context() {
        let contexts = [
            SymbolContext::international(),
            SymbolContext::published_in(Country::MX),
            SymbolContext::published_in(Country::CA),
            SymbolContext::published_in(Country::GT),
            SymbolContext::published_in(Country::IN),
            SymbolContext::published_in(Country::SE),
        ];
        for ctx in &contexts {
            for c in Currency::iter() {
                if let Some(s) = ctx.symbol_for(c) {
                    assert_eq!(ctx.resolve(s), Ok(c), "{s} for {c} in {:?}", ctx.country());
                }
            }
        }
        let intl = &contexts[0];
        let cases = [
            (Currency::USD, Some("$")),
            (Currency::CAD, Some("CA$")),
            (Currency::NIO, Some("C$")),
            (Currency::JPY, Some("¥")),
            (Currency::CNY, Some("CN¥")),
            (Currency::GTQ, None),
            (Currency::HNL, None),
            (Currency::PKR, None),
            (Currency::SEK, None),
            (Currency::CHF, None),
        ];
        for (c, want) in cases {
            assert_eq!(intl.symbol_for(c), want, "{c}");
        }
        assert_eq!(contexts[1].symbol_for(Currency::MXN), Some("$"));
        assert_eq!(contexts[2].symbol_for(Currency::CAD), Some("$"));
        assert_eq!(contexts[2].symbol_for(Currency::USD), Some("US$"));
        assert_eq!(contexts[3].symbol_for(Currency::GTQ), Some("Q"));
        assert_eq!(contexts[5].symbol_for(Currency::SEK), Some("kr"));
    }
}
