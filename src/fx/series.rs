//! `Series`: what a source publishes rates for, as named in errors.

use std::fmt;

use crate::Currency;

/// A series of published rates: one currency against a source's base (the
/// ECB publishes units of each currency per euro), or a pair of currencies
/// (a [`RateTable`](super::RateTable) holds `USD/GTQ`).
///
/// Errors name the series that had no usable rate: `ISK` for the ECB's
/// krona series, `USD/GTQ` for a table's pair.
///
/// ```
/// use statecraft::fx::Series;
/// use statecraft::Currency;
///
/// assert_eq!(Series::Currency(Currency::ISK).to_string(), "ISK");
/// assert_eq!(Series::Pair(Currency::USD, Currency::GTQ).to_string(), "USD/GTQ");
/// assert!(Series::Pair(Currency::USD, Currency::GTQ).involves(Currency::GTQ));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Series {
    /// A currency against the source's base currency (the euro for the ECB).
    Currency(Currency),
    /// One `base` buys a number of `quote`: `Pair(USD, GTQ)` is quetzales
    /// per dollar.
    Pair(Currency, Currency),
}

impl Series {
    /// Whether `currency` is the series' currency or one side of its pair.
    pub fn involves(self, currency: Currency) -> bool {
        match self {
            Series::Currency(c) => c == currency,
            Series::Pair(base, quote) => base == currency || quote == currency,
        }
    }
}

impl fmt::Display for Series {
    /// `ISK` for a currency, `USD/GTQ` for a pair.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Series::Currency(c) => write!(f, "{c}"),
            Series::Pair(base, quote) => write!(f, "{base}/{quote}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_a_currency_or_a_pair() {
        assert_eq!(Series::Currency(Currency::RUB).to_string(), "RUB");
        assert_eq!(Series::Pair(Currency::USD, Currency::HNL).to_string(), "USD/HNL");
        assert!(!Series::Currency(Currency::RUB).involves(Currency::EUR));
        assert!(Series::Pair(Currency::USD, Currency::HNL).involves(Currency::USD));
        assert!(!Series::Pair(Currency::USD, Currency::HNL).involves(Currency::GTQ));
    }
}
