//! `Currency`: ISO 4217 currencies, with the retired ones the ECB quoted.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::currency_table::SYMBOLS;
use crate::Excerpt;

pub use super::currency_table::Currency;

/// The reference data of one currency, generated from `data/`.
pub(super) struct CurrencyRecord {
    pub(super) code: &'static str,
    pub(super) numeric: u16,
    pub(super) name: &'static str,
    pub(super) minor_units: Option<u8>,
    pub(super) fund: bool,
    pub(super) valid_from: Option<NaiveDate>,
    pub(super) valid_until: Option<NaiveDate>,
    pub(super) replaced_by: Option<Currency>,
}

/// How a currency symbol may be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SymbolUse {
    /// The currency's symbol, unambiguous enough to print in compact form.
    Display,
    /// The currency's customary symbol, read when parsing but not printed
    /// in compact form (`Q` for the quetzal).
    Symbol,
    /// An alternative symbol, only read when parsing (`US$`).
    Parse,
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

    /// The ISO 4217 numeric code: `840` for the US dollar.
    ///
    /// ```
    /// assert_eq!(statecraft::Currency::USD.numeric(), 840);
    /// ```
    pub const fn numeric(self) -> u16 {
        self.record().numeric
    }

    /// The ISO 4217 English name: `"Pound Sterling"`.
    ///
    /// ```
    /// assert_eq!(statecraft::Currency::GBP.name(), "Pound Sterling");
    /// ```
    pub const fn name(self) -> &'static str {
        self.record().name
    }

    /// The number of digits after the decimal point of the minor unit:
    /// `Some(2)` for USD, `Some(0)` for JPY, `Some(3)` for KWD, and `None`
    /// where ISO 4217 says "N.A." (gold, SDRs, the testing code).
    ///
    /// ```
    /// use statecraft::Currency;
    ///
    /// assert_eq!(Currency::USD.minor_units(), Some(2));
    /// assert_eq!(Currency::JPY.minor_units(), Some(0));
    /// assert_eq!(Currency::XAU.minor_units(), None);
    /// ```
    pub const fn minor_units(self) -> Option<u8> {
        self.record().minor_units
    }

    /// Whether ISO 4217 marks this code as a fund (BOV, CLF, USN, ...)
    /// rather than a currency.
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

    /// The customary symbol, where one is listed in `data/currency-symbols.csv`:
    /// `Some("$")` for USD, `Some("£")` for GBP, `Some("Q")` for GTQ.
    ///
    /// ```
    /// use statecraft::Currency;
    ///
    /// assert_eq!(Currency::GBP.symbol(), Some("£"));
    /// assert_eq!(Currency::GTQ.symbol(), Some("Q"));
    /// assert_eq!(Currency::HNL.symbol(), None);
    /// ```
    pub fn symbol(self) -> Option<&'static str> {
        SYMBOLS
            .iter()
            .find(|(_, c, u)| *c == self && *u != SymbolUse::Parse)
            .map(|(s, _, _)| *s)
    }

    /// The symbol to print in compact news notation: only a symbol that
    /// readers take for this currency alone (`$`, `£`, `€`, `¥`, `C$`,
    /// ...); `None` where the code reads better (`GTQ 75k`).
    pub(crate) fn display_symbol(self) -> Option<&'static str> {
        SYMBOLS
            .iter()
            .find(|(_, c, u)| *c == self && *u == SymbolUse::Display)
            .map(|(s, _, _)| *s)
    }

    /// The first day the currency was legal tender, where it is recorded
    /// (`data/currency-history.csv`): 1999-01-01 for the euro. `None` where
    /// no date is recorded, which is most currencies.
    ///
    /// ```
    /// use statecraft::{Currency, NaiveDate};
    ///
    /// assert_eq!(Currency::EUR.valid_from(), NaiveDate::from_ymd_opt(1999, 1, 1));
    /// assert_eq!(Currency::RON.valid_from(), NaiveDate::from_ymd_opt(2005, 7, 1));
    /// assert_eq!(Currency::USD.valid_from(), None);
    /// ```
    pub const fn valid_from(self) -> Option<NaiveDate> {
        self.record().valid_from
    }

    /// The last day a retired currency was the sole legal tender, before
    /// the changeover to its successor: 2007-12-31 for the Cyprus pound,
    /// 2022-12-31 for the kuna. `None` for a currency in use.
    ///
    /// A period of dual circulation after the changeover is not counted:
    /// kuna notes and coins were still accepted in payment alongside the
    /// euro until 2023-01-14, but from 2023-01-01 prices, accounts and
    /// contracts were in euros, so the kuna's last day is 2022-12-31. Nor
    /// is the time after it during which old notes could be exchanged at a
    /// bank. [`is_legal_tender_on`](Currency::is_legal_tender_on) counts
    /// the same way.
    ///
    /// ```
    /// use statecraft::{Currency, NaiveDate};
    ///
    /// assert_eq!(Currency::HRK.valid_until(), NaiveDate::from_ymd_opt(2022, 12, 31));
    /// assert_eq!(Currency::USD.valid_until(), None);
    /// ```
    pub const fn valid_until(self) -> Option<NaiveDate> {
        self.record().valid_until
    }

    /// The currency that replaced a retired one: the euro for CYP, RON for
    /// ROL. `None` for a currency in use.
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
        self.record().replaced_by
    }

    /// Whether the currency has been withdrawn (it has a
    /// [`valid_until`](Currency::valid_until) date).
    ///
    /// ```
    /// use statecraft::Currency;
    ///
    /// assert!(Currency::HRK.is_retired());
    /// assert!("bgn".parse::<Currency>()?.is_retired());
    /// assert!(!Currency::EUR.is_retired());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn is_retired(self) -> bool {
        self.record().valid_until.is_some()
    }

    /// Whether the currency was legal tender on `date`, as far as the
    /// recorded dates tell: the euro from 1999-01-01, the Cyprus pound
    /// until 2007-12-31.
    ///
    /// ```
    /// use statecraft::{Currency, NaiveDate};
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert!(Currency::CYP.is_legal_tender_on(day(2007, 12, 31)));
    /// assert!(!Currency::CYP.is_legal_tender_on(day(2008, 1, 1)));
    /// assert!(!Currency::EUR.is_legal_tender_on(day(1998, 12, 31)));
    /// ```
    pub fn is_legal_tender_on(self, date: NaiveDate) -> bool {
        let r = self.record();
        r.valid_from.is_none_or(|from| from <= date) && r.valid_until.is_none_or(|until| date <= until)
    }

    /// The currency with this ISO numeric code.
    ///
    /// ```
    /// use statecraft::Currency;
    ///
    /// assert_eq!(Currency::from_numeric(826), Some(Currency::GBP));
    /// assert_eq!(Currency::from_numeric(1), None);
    /// ```
    pub const fn from_numeric(code: u16) -> Option<Currency> {
        Currency::from_numeric_code(code)
    }

    /// Every currency, in code order.
    pub fn iter() -> impl Iterator<Item = Currency> {
        <Currency as strum::IntoEnumIterator>::iter()
    }

    /// The currency with this code: three ASCII letters, any case.
    pub(crate) fn from_code(code: &str) -> Option<Currency> {
        match code.as_bytes() {
            [a, b, c] => {
                Currency::from_code_upper([a.to_ascii_uppercase(), b.to_ascii_uppercase(), c.to_ascii_uppercase()])
            }
            _ => None,
        }
    }
}

/// The error for text that is not a known currency code.
///
/// ```
/// let e = "XYZ".parse::<statecraft::Currency>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown currency code `XYZ`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown currency code `{input}`")]
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
    /// whitespace: `"USD"`, `"usd"`.
    ///
    /// # Errors
    ///
    /// [`ParseCurrencyError`] naming the input when it is not a known code.
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

    #[test]
    fn codes_round_trip_in_any_case() {
        for c in Currency::iter() {
            assert_eq!(c.to_string().parse::<Currency>(), Ok(c));
            assert_eq!(c.code().to_lowercase().parse::<Currency>(), Ok(c));
            assert_eq!(Currency::from_numeric(c.numeric()), Some(c));
        }
    }

    #[test]
    fn retired_currencies_carry_their_last_day() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let cases = [
            (Currency::CYP, day(2007, 12, 31)),
            (Currency::MTL, day(2007, 12, 31)),
            (Currency::SIT, day(2006, 12, 31)),
            (Currency::SKK, day(2008, 12, 31)),
            (Currency::EEK, day(2010, 12, 31)),
            (Currency::LVL, day(2013, 12, 31)),
            (Currency::LTL, day(2014, 12, 31)),
            (Currency::HRK, day(2022, 12, 31)),
            (Currency::BGN, day(2025, 12, 31)),
            (Currency::ROL, day(2005, 6, 30)),
            (Currency::TRL, day(2004, 12, 31)),
        ];
        for (c, last) in cases {
            assert_eq!(c.valid_until(), Some(last), "{c}");
            assert!(c.is_retired());
            assert!(c.is_legal_tender_on(last));
            assert!(!c.is_legal_tender_on(last.succ_opt().unwrap()));
            let heir = c.replaced_by().unwrap();
            assert!(heir.is_legal_tender_on(last.succ_opt().unwrap()), "{heir} after {c}");
        }
    }

    #[test]
    fn serde_uses_the_code() {
        assert_eq!(serde_json::to_string(&Currency::GTQ).unwrap(), r#""GTQ""#);
        assert_eq!(serde_json::from_str::<Currency>(r#""gtq""#).unwrap(), Currency::GTQ);
        let e = serde_json::from_str::<Currency>(r#""XYZ""#).unwrap_err();
        assert_eq!(e.to_string(), "unknown currency code `XYZ` at line 1 column 5");
    }

    #[test]
    fn rejections_name_the_input() {
        for bad in ["XYZ", "", "US", "USDD", "U$D", "€"] {
            assert_eq!(
                bad.parse::<Currency>().unwrap_err().to_string(),
                format!("unknown currency code `{bad}`")
            );
        }
    }
}
