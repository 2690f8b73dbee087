//! `Currency`: ISO 4217 currencies in use, and those withdrawn since 1999,
//! with the days each was in circulation.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::symbol::CurrencySymbol;
use crate::Excerpt;

pub use super::currency_table::Currency;

/// The reference data of one currency, generated from `data/`.
pub(super) struct CurrencyRecord {
    pub(super) code: &'static str,
    pub(super) numeric: Option<u16>,
    pub(super) name: &'static str,
    pub(super) minor_units: Option<u8>,
    pub(super) fund: bool,
    pub(super) kind: CurrencyKind,
    pub(super) first_day: Option<NaiveDate>,
    pub(super) changeover: Option<NaiveDate>,
    pub(super) last_day: Option<NaiveDate>,
    pub(super) successor: Option<Currency>,
    pub(super) predecessors: &'static [Currency],
    pub(super) withdrawn: bool,
}

/// What a code of ISO 4217 stands for: money, or a fund, an index unit, a
/// unit of account, a precious metal, or a code reserved by ISO.
///
/// Only [`Money`](CurrencyKind::Money) is a country's currency
/// ([`Country::currencies`](crate::Country::currencies) lists no other).
/// The kinds come from ISO 4217 (its `IsFund` mark and its names) as
/// `data/currency-kinds.csv` records them.
///
/// ```
/// use statecraft::money::CurrencyKind;
/// use statecraft::Currency;
///
/// assert_eq!(Currency::USD.kind(), CurrencyKind::Money);
/// assert_eq!(Currency::CLF.kind(), CurrencyKind::IndexUnit);
/// assert_eq!(Currency::UYW.kind(), CurrencyKind::IndexUnit);
/// assert_eq!(Currency::USN.kind(), CurrencyKind::Fund);
/// assert_eq!(Currency::XDR.kind(), CurrencyKind::UnitOfAccount);
/// assert_eq!(Currency::XAU.kind(), CurrencyKind::PreciousMetal);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum CurrencyKind {
    /// A currency: money that is, or was, legal tender somewhere.
    Money,
    /// A fund code: a settlement variant of a currency (USN, the US dollar
    /// next day; CHE and CHW, the WIR Bank's euro and franc).
    Fund,
    /// An index unit: a unit of account indexed to prices, wages or another
    /// currency (CLF, COU, MXV, UYI, UYW, BOV).
    IndexUnit,
    /// A supranational unit of account (XDR, the IMF's special drawing
    /// right; XUA; XSU; the ECU; the bond-market units XBA to XBD).
    UnitOfAccount,
    /// A precious metal, by the troy ounce (XAU, XAG, XPD, XPT).
    PreciousMetal,
    /// A code ISO reserves: XTS for testing, XXX for no currency.
    Reserved,
}

impl Currency {
    /// The ISO 4217 alphabetic code: `"USD"`.
    ///
    /// ```
    /// assert_eq!(statecraft::Currency::GTQ.code(), "GTQ");
    /// ```
    pub const fn code(self) -> &'static str {
        self.record().code
    }

    /// The ISO 4217 numeric code: `Some(840)` for the US dollar; `None`
    /// for the three withdrawn codes ISO gave no number (XFO, XFU, XRE).
    ///
    /// ```
    /// use statecraft::Currency;
    ///
    /// assert_eq!(Currency::USD.numeric(), Some(840));
    /// assert_eq!(Currency::SLL.numeric(), Some(694));
    /// assert_eq!(Currency::XFO.numeric(), None);
    /// ```
    pub const fn numeric(self) -> Option<u16> {
        self.record().numeric
    }

    /// The English name, as ISO 4217 writes it: `"Pound Sterling"`; for a
    /// withdrawn currency, as list three writes it: `"Old Leu"`.
    ///
    /// ```
    /// use statecraft::Currency;
    ///
    /// assert_eq!(Currency::GBP.name(), "Pound Sterling");
    /// assert_eq!(Currency::ROL.name(), "Old Leu");
    /// ```
    pub const fn name(self) -> &'static str {
        self.record().name
    }

    /// The number of digits after the decimal point of the minor unit:
    /// `Some(2)` for USD, `Some(0)` for JPY, `Some(3)` for KWD, and `None`
    /// where ISO 4217 says "N.A." (gold, SDRs, the testing code). ISO's
    /// list three gives none for withdrawn currencies: theirs are CLDR's
    /// (`Some(0)` for the lira, `Some(2)` for the Deutsche Mark).
    ///
    /// ```
    /// use statecraft::Currency;
    ///
    /// assert_eq!(Currency::USD.minor_units(), Some(2));
    /// assert_eq!(Currency::JPY.minor_units(), Some(0));
    /// assert_eq!(Currency::ITL.minor_units(), Some(0));
    /// assert_eq!(Currency::XAU.minor_units(), None);
    /// ```
    pub const fn minor_units(self) -> Option<u8> {
        self.record().minor_units
    }

    /// Whether ISO 4217 list one marks this code as a fund (`IsFund`: BOV,
    /// CHE, CHW, CLF, COU, MXV, USN, UYI). [`kind`](Currency::kind) says
    /// what each is, and also marks UYW, which ISO does not.
    ///
    /// ```
    /// use statecraft::Currency;
    ///
    /// assert!("USN".parse::<Currency>()?.is_fund());
    /// assert!(Currency::CLF.is_fund());
    /// assert!(!Currency::USD.is_fund());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn is_fund(self) -> bool {
        self.record().fund
    }

    /// What the code stands for: money, a fund, an index unit, ...
    pub const fn kind(self) -> CurrencyKind {
        self.record().kind
    }

    /// The symbol English-language copy writes, where CLDR's English locale
    /// gives one: its symbol (`$` for USD, `CA$` for CAD, `£` for GBP), or
    /// else its narrow symbol (`C$` for NIO, `Q` for GTQ, `L` for HNL).
    /// `None` where CLDR gives only the code.
    ///
    /// A symbol need not name one currency: see [`CurrencySymbol`] for the
    /// currencies each stands for, and [`Money::to_compact`](crate::Money::to_compact)
    /// for when one is printed.
    ///
    /// ```
    /// use statecraft::Currency;
    ///
    /// assert_eq!(Currency::GBP.symbol(), Some("£"));
    /// assert_eq!(Currency::CAD.symbol(), Some("CA$"));
    /// assert_eq!(Currency::NIO.symbol(), Some("C$"));
    /// assert_eq!(Currency::GTQ.symbol(), Some("Q"));
    /// assert_eq!(Currency::CHF.symbol(), None);
    /// ```
    pub fn symbol(self) -> Option<&'static str> {
        CurrencySymbol::english(self).map(CurrencySymbol::as_str)
    }

    /// Every symbol CLDR gives this currency in any of the crate's
    /// locales, in byte order.
    ///
    /// ```
    /// use statecraft::Currency;
    ///
    /// let symbols: Vec<&str> = Currency::CAD.symbols().map(|s| s.as_str()).collect();
    /// assert!(symbols.contains(&"CA$") && symbols.contains(&"$") && symbols.contains(&"C$"));
    /// ```
    pub fn symbols(self) -> impl Iterator<Item = CurrencySymbol> {
        CurrencySymbol::of(self)
    }

    /// The first day the currency was legal tender, as CLDR's currency
    /// data gives it (corrected where `data/currency-history.csv` says so):
    /// 1999-01-01 for the euro, 2022-07-01 for the redenominated leone
    /// (SLE). `None` where no date is recorded (funds, units of account).
    ///
    /// ```
    /// use statecraft::{Currency, NaiveDate};
    ///
    /// assert_eq!(Currency::EUR.first_day(), NaiveDate::from_ymd_opt(1999, 1, 1));
    /// assert_eq!(Currency::SLE.first_day(), NaiveDate::from_ymd_opt(2022, 7, 1));
    /// assert_eq!(Currency::RON.first_day(), NaiveDate::from_ymd_opt(2005, 7, 1));
    /// assert_eq!(Currency::XDR.first_day(), None);
    /// ```
    pub const fn first_day(self) -> Option<NaiveDate> {
        self.record().first_day
    }

    /// The last day a withdrawn currency was legal tender, a period of
    /// dual circulation included: 2008-01-31 for the Cyprus pound, which
    /// circulated beside the euro from 2008-01-01; 2023-01-14 for the kuna;
    /// 2023-12-31 for the old leone (SLL). `None` for a currency in use.
    ///
    /// Days come from CLDR's currency data, or where CLDR is wrong or has
    /// none, from the source `data/currency-history.csv` names (the ECB for
    /// the euro changeovers of Slovakia, Estonia, Latvia and Lithuania).
    /// Where no source gives a day, the last day of the withdrawal month of
    /// ISO 4217 list three.
    ///
    /// ```
    /// use statecraft::{Currency, NaiveDate};
    ///
    /// assert_eq!(Currency::CYP.last_day(), NaiveDate::from_ymd_opt(2008, 1, 31));
    /// assert_eq!(Currency::HRK.last_day(), NaiveDate::from_ymd_opt(2023, 1, 14));
    /// assert_eq!(Currency::USD.last_day(), None);
    /// ```
    pub const fn last_day(self) -> Option<NaiveDate> {
        self.record().last_day
    }

    /// The day a withdrawn currency's successor took its place as the
    /// currency of account: 2008-01-01 for the Cyprus pound, 1999-01-01
    /// for the Deutsche Mark (its notes circulated until 2002), 2022-07-01
    /// for the old leone. From that day it was no longer the
    /// [sole legal tender](Currency::is_sole_legal_tender_on). `None`
    /// for a currency in use, or withdrawn without a successor.
    ///
    /// ```
    /// use statecraft::{Currency, NaiveDate};
    ///
    /// assert_eq!(Currency::CYP.changeover(), NaiveDate::from_ymd_opt(2008, 1, 1));
    /// assert_eq!(Currency::DEM.changeover(), NaiveDate::from_ymd_opt(1999, 1, 1));
    /// assert_eq!(Currency::EUR.changeover(), None);
    /// ```
    pub const fn changeover(self) -> Option<NaiveDate> {
        self.record().changeover
    }

    /// The currency that replaced a withdrawn one: the euro for CYP, RON
    /// for ROL, SLE for SLL. `None` for a currency in use, or one withdrawn
    /// without a successor (a fund code).
    ///
    /// ```
    /// use statecraft::Currency;
    ///
    /// assert_eq!(Currency::CYP.replaced_by(), Some(Currency::EUR));
    /// assert_eq!("ROL".parse::<Currency>()?.replaced_by(), Some(Currency::RON));
    /// assert_eq!(Currency::EUR.replaced_by(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn replaced_by(self) -> Option<Currency> {
        self.record().successor
    }

    /// The withdrawn currencies this one replaced: the euro's legacy
    /// currencies for EUR, SLL for SLE.
    ///
    /// ```
    /// use statecraft::Currency;
    ///
    /// assert_eq!(Currency::SLE.replaced(), &[Currency::SLL]);
    /// assert!(Currency::EUR.replaced().contains(&Currency::HRK));
    /// ```
    pub const fn replaced(self) -> &'static [Currency] {
        self.record().predecessors
    }

    /// Whether ISO 4217 has withdrawn the code (it is in list three, no
    /// longer in list one).
    ///
    /// ```
    /// use statecraft::Currency;
    ///
    /// assert!(Currency::HRK.is_retired());
    /// assert!("SLL".parse::<Currency>()?.is_retired());
    /// assert!(!Currency::EUR.is_retired());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn is_retired(self) -> bool {
        self.record().withdrawn
    }

    /// Whether the currency was in circulation as legal tender on `date`,
    /// alone or beside another: from its [first day](Currency::first_day)
    /// to its [last day](Currency::last_day), as far as they are recorded.
    /// The Cyprus pound was, on 2008-01-15, beside the euro; the
    /// redenominated leone was not yet on 2021-06-07.
    ///
    /// ```
    /// use statecraft::{Currency, NaiveDate};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert!(Currency::CYP.is_in_circulation_on(day(2008, 1, 15)));
    /// assert!(!Currency::CYP.is_in_circulation_on(day(2008, 2, 1)));
    /// assert!(!Currency::SLE.is_in_circulation_on(day(2021, 6, 7)));
    /// assert!(Currency::SLL.is_in_circulation_on(day(2021, 6, 7)));
    /// ```
    pub fn is_in_circulation_on(self, date: NaiveDate) -> bool {
        let r = self.record();
        r.first_day.is_none_or(|first| first <= date) && r.last_day.is_none_or(|last| date <= last)
    }

    /// Whether the currency was the sole legal tender wherever it
    /// circulated on `date`: in circulation, before its own
    /// [changeover](Currency::changeover), and outside the dual
    /// circulation of any currency it [replaced](Currency::replaced).
    ///
    /// The Cyprus pound was until 2007-12-31; on 2008-01-15 neither it nor
    /// the euro was (Cyprus pounds still circulated in Cyprus). The old
    /// leone (SLL) was until 2022-06-30.
    ///
    /// ```
    /// use statecraft::{Currency, NaiveDate};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert!(Currency::CYP.is_sole_legal_tender_on(day(2007, 12, 31)));
    /// assert!(!Currency::CYP.is_sole_legal_tender_on(day(2008, 1, 15)));
    /// assert!(!Currency::EUR.is_sole_legal_tender_on(day(2008, 1, 15)));
    /// assert!(Currency::EUR.is_sole_legal_tender_on(day(2008, 2, 1)));
    /// assert!(!Currency::SLE.is_sole_legal_tender_on(day(2023, 6, 1)));
    /// assert!(Currency::SLE.is_sole_legal_tender_on(day(2024, 1, 1)));
    /// ```
    pub fn is_sole_legal_tender_on(self, date: NaiveDate) -> bool {
        self.is_in_circulation_on(date)
            && self.record().changeover.is_none_or(|c| date < c)
            && !self.replaced().iter().any(|p| {
                let r = p.record();
                r.changeover.is_some_and(|c| c <= date) && r.last_day.is_some_and(|l| date <= l)
            })
    }

    /// Whether the currency was legal tender on `date`; the same answer as
    /// [`is_in_circulation_on`](Currency::is_in_circulation_on), which
    /// counts dual circulation.
    #[deprecated(
        since = "0.2.0",
        note = "use `is_in_circulation_on` (legal tender, alone or beside another) or `is_sole_legal_tender_on`"
    )]
    pub fn is_legal_tender_on(self, date: NaiveDate) -> bool {
        self.is_in_circulation_on(date)
    }

    /// The first day the currency was legal tender.
    #[deprecated(since = "0.2.0", note = "use `first_day`")]
    pub const fn valid_from(self) -> Option<NaiveDate> {
        self.first_day()
    }

    /// The last day a withdrawn currency was the sole legal tender: the
    /// day before its [changeover](Currency::changeover), or its
    /// [last day](Currency::last_day) when it had no successor.
    #[deprecated(since = "0.2.0", note = "use `changeover` or `last_day`")]
    pub fn valid_until(self) -> Option<NaiveDate> {
        self.sole_legal_tender_until()
    }

    /// The last day a withdrawn currency was the sole legal tender: the day
    /// before its changeover, or its last day when it had no successor.
    /// Market rates for it end there: after that, only a fixed conversion
    /// rate is right (see `fx::FixedRates`).
    pub(crate) fn sole_legal_tender_until(self) -> Option<NaiveDate> {
        let r = self.record();
        match r.changeover {
            Some(c) => c.pred_opt(),
            None => r.last_day,
        }
    }

    /// The currency with this ISO numeric code: the one in use, or of
    /// several withdrawn codes that had the number, the last withdrawn.
    ///
    /// ```
    /// use statecraft::Currency;
    ///
    /// assert_eq!(Currency::from_numeric(826), Some(Currency::GBP));
    /// assert_eq!(Currency::from_numeric(694), Some(Currency::SLL));
    /// assert_eq!(Currency::from_numeric(891), Some(Currency::CSD)); // YUM had it before
    /// assert_eq!(Currency::from_numeric(1), None);
    /// ```
    pub const fn from_numeric(code: u16) -> Option<Currency> {
        Currency::from_numeric_code(code)
    }

    /// Every currency, in code order.
    pub fn iter() -> impl Iterator<Item = Currency> {
        <Currency as strum::IntoEnumIterator>::iter()
    }

    /// The currency with this code: three ASCII letters, any case; not a
    /// code of a minor unit ([`Currency::minor_unit_code`]: `GBp` is
    /// pence, not pounds).
    pub(crate) fn from_code(code: &str) -> Option<Currency> {
        match code.as_bytes() {
            [a, b, c] if Currency::minor_unit_code(code).is_none() => {
                Currency::from_code_upper([a.to_ascii_uppercase(), b.to_ascii_uppercase(), c.to_ascii_uppercase()])
            }
            _ => None,
        }
    }

    /// The currency whose minor unit `code` names, as markets write them:
    /// `GBX`, or the country's two letters and a lower-case letter for the
    /// unit (`GBp` pence, `ZAc` cents, `ILa` agorot) when one currency in
    /// use has a code with those two letters. Read as the currency, such a
    /// code would be a hundred times too much.
    pub(crate) fn minor_unit_code(code: &str) -> Option<Currency> {
        match code.as_bytes() {
            [a, b, c] if a.is_ascii_uppercase() && b.is_ascii_uppercase() && c.is_ascii_lowercase() => {
                let mut same = Currency::iter().filter(|x| {
                    x.code().as_bytes().starts_with(&[*a, *b])
                        && !x.is_retired()
                        && x.kind() == CurrencyKind::Money
                        && x.minor_units().is_some_and(|m| m > 0)
                });
                match (same.next(), same.next()) {
                    (Some(only), None) => Some(only),
                    _ => None,
                }
            }
            b"GBX" => Some(Currency::GBP),
            _ => None,
        }
    }
}

/// After an unknown three-letter code, the codes that share its first two
/// letters (by ISO 4217's convention, a country's alpha-2 code), each
/// withdrawn one with its last day: "; codes starting SL: SLE, SLL
/// (withdrawn after 2023-12-31)"; or for the code of a minor unit, whose
/// it is: "; it is the minor unit of GBP".
pub(crate) struct SameCountryCodes<'a>(pub(crate) &'a str);

impl fmt::Display for SameCountryCodes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(c) = Currency::minor_unit_code(self.0) {
            return write!(f, "; it is the minor unit of {c}");
        }
        let bytes = self.0.as_bytes();
        let [a, b, _] = bytes else { return Ok(()) };
        if !(a.is_ascii_alphabetic() && b.is_ascii_alphabetic()) {
            return Ok(());
        }
        let prefix = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
        let mut first = true;
        for c in Currency::iter().filter(|c| c.code().as_bytes().starts_with(&prefix)) {
            if first {
                write!(
                    f,
                    "; codes starting {}{}: ",
                    char::from(prefix[0]),
                    char::from(prefix[1])
                )?;
                first = false;
            } else {
                f.write_str(", ")?;
            }
            f.write_str(c.code())?;
            if let (true, Some(last)) = (c.is_retired(), c.last_day()) {
                write!(f, " (withdrawn after {last})")?;
            }
        }
        Ok(())
    }
}

/// The error for text that is not a known currency code. When ISO 4217
/// has codes for the same country (the same first two letters), the
/// message names them.
///
/// ```
/// let e = "XYZ".parse::<statecraft::Currency>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown currency code `XYZ`");
/// let e = "SLX".parse::<statecraft::Currency>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown currency code `SLX`; codes starting SL: SLE, SLL (withdrawn after 2023-12-31)");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown currency code `{input}`{}", SameCountryCodes(input.as_str().trim()))]
pub struct ParseCurrencyError {
    input: Excerpt,
}

impl ParseCurrencyError {
    pub(crate) fn new(input: &str) -> ParseCurrencyError {
        ParseCurrencyError {
            input: Excerpt::new(input),
        }
    }

    /// The text that was not recognised (cut to 60 characters).
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

impl FromStr for Currency {
    type Err = ParseCurrencyError;

    /// Reads an ISO 4217 code in any case, ignoring surrounding
    /// whitespace: `"USD"`, `"usd"`; the codes withdrawn since 1999 too
    /// (`"SLL"`, `"DEM"`).
    ///
    /// # Errors
    ///
    /// [`ParseCurrencyError`] naming the input (and the codes of its
    /// country, if any) when it is not a known code.
    fn from_str(s: &str) -> Result<Currency, ParseCurrencyError> {
        Currency::from_code(s.trim()).ok_or_else(|| ParseCurrencyError::new(s))
    }
}

impl fmt::Display for Currency {
    /// Writes the code, which [`FromStr`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for Currency {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> serde::Deserialize<'de> for Currency {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Currency, D::Error> {
        crate::serde_str::deserialize_from_str(d, "an ISO 4217 currency code")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::day;

    #[test]
    fn codes_round_trip_in_any_case() {
        for c in Currency::iter() {
            assert_eq!(c.to_string().parse::<Currency>(), Ok(c));
            assert_eq!(c.code().to_lowercase().parse::<Currency>(), Ok(c));
            if let Some(n) = c.numeric() {
                let by_number = Currency::from_numeric(n).unwrap();
                assert!(by_number == c || by_number.code() != c.code() && c.is_retired(), "{c}");
            }
        }
    }

    #[test]
    fn withdrawn_currencies_carry_their_days() {
        // (currency, changeover, last day, successor)
        let cases = [
            (Currency::CYP, day(2008, 1, 1), day(2008, 1, 31), Currency::EUR),
            (Currency::MTL, day(2008, 1, 1), day(2008, 1, 31), Currency::EUR),
            (Currency::SIT, day(2007, 1, 1), day(2007, 1, 14), Currency::EUR),
            (Currency::SKK, day(2009, 1, 1), day(2009, 1, 16), Currency::EUR),
            (Currency::EEK, day(2011, 1, 1), day(2011, 1, 14), Currency::EUR),
            (Currency::LVL, day(2014, 1, 1), day(2014, 1, 14), Currency::EUR),
            (Currency::LTL, day(2015, 1, 1), day(2015, 1, 15), Currency::EUR),
            (Currency::HRK, day(2023, 1, 1), day(2023, 1, 14), Currency::EUR),
            (Currency::BGN, day(2026, 1, 1), day(2026, 1, 31), Currency::EUR),
            (Currency::FRF, day(1999, 1, 1), day(2002, 2, 17), Currency::EUR),
            (Currency::ROL, day(2005, 7, 1), day(2006, 12, 31), Currency::RON),
            (Currency::TRL, day(2005, 1, 1), day(2005, 12, 31), Currency::TRY),
            (Currency::SLL, day(2022, 7, 1), day(2023, 12, 31), Currency::SLE),
            (Currency::VEF, day(2018, 8, 20), day(2018, 8, 19), Currency::VES),
            (Currency::MRO, day(2018, 1, 1), day(2018, 6, 30), Currency::MRU),
            (Currency::STD, day(2018, 1, 1), day(2017, 12, 31), Currency::STN),
            (Currency::BYR, day(2016, 7, 1), day(2016, 12, 31), Currency::BYN),
            (Currency::CUC, day(2021, 1, 1), day(2021, 6, 1), Currency::CUP),
            (Currency::ANG, day(2025, 3, 31), day(2025, 6, 30), Currency::XCG),
            (Currency::ZWL, day(2024, 4, 5), day(2024, 8, 31), Currency::ZWG),
        ];
        for (c, changeover, last, heir) in cases {
            assert!(c.is_retired(), "{c}");
            assert_eq!(c.changeover(), Some(changeover), "{c}");
            assert_eq!(c.last_day(), Some(last), "{c}");
            assert_eq!(c.replaced_by(), Some(heir), "{c}");
            assert!(heir.replaced().contains(&c), "{heir} replaced {c}");
            assert!(c.is_in_circulation_on(last));
            assert!(!c.is_in_circulation_on(last.succ_opt().unwrap()));
            let before = changeover.pred_opt().unwrap();
            assert!(
                c.is_sole_legal_tender_on(before) || !c.is_in_circulation_on(before),
                "{c}"
            );
            assert!(!c.is_sole_legal_tender_on(changeover), "{c}");
            assert!(heir.is_in_circulation_on(changeover), "{heir} on {changeover}");
            assert!(heir.first_day().is_none_or(|f| f <= changeover));
        }
    }

    #[test]
    fn every_withdrawn_currency_is_in_circulation_only_within_its_days() {
        for c in Currency::iter().filter(|c| c.is_retired()) {
            let last = c.last_day().unwrap_or_else(|| panic!("{c} has no last day"));
            assert!(!c.is_in_circulation_on(last.succ_opt().unwrap()), "{c}");
            assert!(!c.is_sole_legal_tender_on(last.succ_opt().unwrap()), "{c}");
            match c.first_day() {
                Some(first) => {
                    assert!(c.is_in_circulation_on(first), "{c}");
                    assert!(!c.is_in_circulation_on(first.pred_opt().unwrap()), "{c}");
                }
                None => assert!(c.is_in_circulation_on(last)),
            }
        }
        assert_eq!(Currency::iter().filter(|c| c.is_retired()).count(), 65);
    }

    #[test]
    fn unknown_codes_name_the_codes_of_their_country() {
        let cases = [
            ("XYZ", "unknown currency code `XYZ`"),
            ("", "unknown currency code ``"),
            ("US", "unknown currency code `US`"),
            ("USDD", "unknown currency code `USDD`"),
            ("U$D", "unknown currency code `U$D`"),
            ("€", "unknown currency code `€`"),
            ("GBp", "unknown currency code `GBp`; it is the minor unit of GBP"),
            ("GBX", "unknown currency code `GBX`; it is the minor unit of GBP"),
            (
                "hrx",
                "unknown currency code `hrx`; codes starting HR: HRK (withdrawn after 2023-01-14)",
            ),
            (
                "VEX",
                "unknown currency code `VEX`; codes starting VE: VEB (withdrawn after 2008-06-30), VED, VEF (withdrawn after 2018-08-19), VES",
            ),
        ];
        for (bad, msg) in cases {
            assert_eq!(bad.parse::<Currency>().unwrap_err().to_string(), msg);
        }
    }

    #[test]
    fn serde_uses_the_code() {
        assert_eq!(serde_json::to_string(&Currency::GTQ).unwrap(), r#""GTQ""#);
        assert_eq!(serde_json::from_str::<Currency>(r#""gtq""#).unwrap(), Currency::GTQ);
        assert_eq!(serde_json::from_str::<Currency>(r#""SLL""#).unwrap(), Currency::SLL);
        let e = serde_json::from_str::<Currency>(r#""XYZ""#).unwrap_err();
        assert_eq!(e.to_string(), "unknown currency code `XYZ` at line 1 column 5");
    }
}
