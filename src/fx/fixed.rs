//! `FixedRates`: the exchange rates fixed by law, not by a market: the
//! euro's irrevocable conversion rates and the redenominations.

use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::fixed_table::FIXED;
use super::{FxError, Rate, RateSource, Series};
use crate::Currency;

/// The name refusals give the source ("no fixed rate for ...").
const PROVIDER: &str = "fixed";

/// What fixed a rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FixedKind {
    /// An irrevocable conversion rate of a currency into the euro, set by
    /// a Council Regulation (1 EUR = 1.95583 DEM).
    Euro,
    /// A redenomination: the same money with zeros struck off (1 SLE =
    /// 1,000 SLL).
    Redenomination,
    /// A legal conversion into another currency (25,000 sucres to the US
    /// dollar in Ecuador; the ECU into the euro at par).
    Conversion,
    /// A new code for the same money (YUM to CSD, CSD to RSD).
    CodeChange,
}

impl fmt::Display for FixedKind {
    /// `euro conversion rate`, `redenomination`, `conversion`, `code change`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FixedKind::Euro => "euro conversion rate",
            FixedKind::Redenomination => "redenomination",
            FixedKind::Conversion => "conversion",
            FixedKind::CodeChange => "code change",
        })
    }
}

/// One rate fixed by law: from its [`effective`](FixedRate::effective)
/// day on, [`rate`](FixedRate::rate) units of the withdrawn currency
/// [`from`](FixedRate::from) make one of its successor
/// [`to`](FixedRate::to), for good.
///
/// ```
/// use statecraft::fx::{FixedKind, FixedRates};
/// use statecraft::{Currency, Decimal, NaiveDate};
///
/// let dem = FixedRates::find(Currency::DEM).ok_or("no rate")?;
/// assert_eq!((dem.to(), dem.rate()), (Currency::EUR, Decimal::new(195583, 5)));
/// assert_eq!(dem.effective(), NaiveDate::from_ymd_opt(1999, 1, 1).ok_or("date")?);
/// assert_eq!(dem.kind(), FixedKind::Euro);
/// assert_eq!(dem.source(), "Council Regulation (EC) No 2866/98 (CELEX 31998R2866)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FixedRate {
    pub(super) from: Currency,
    pub(super) to: Currency,
    pub(super) rate: Decimal,
    pub(super) effective: NaiveDate,
    pub(super) kind: FixedKind,
    pub(super) source: &'static str,
}

impl FixedRate {
    /// The withdrawn currency.
    pub fn from(&self) -> Currency {
        self.from
    }

    /// The currency that replaced it.
    pub fn to(&self) -> Currency {
        self.to
    }

    /// Units of [`from`](FixedRate::from) for one [`to`](FixedRate::to),
    /// as the law writes it (`7.53450` kuna to the euro).
    pub fn rate(&self) -> Decimal {
        self.rate
    }

    /// The first day the rate applies.
    pub fn effective(&self) -> NaiveDate {
        self.effective
    }

    /// What fixed it.
    pub fn kind(&self) -> FixedKind {
        self.kind
    }

    /// The law or authority that fixed it, as `data/README.md` cites it.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// The rate as a [`Rate`] from `from` to `to` (exactly
    /// `1 ÷ rate`), or the other way (`rate`).
    fn as_rate(&self, forward: bool) -> Result<Rate, FxError> {
        let fraction = if forward {
            (Decimal::ONE, self.rate)
        } else {
            (self.rate, Decimal::ONE)
        };
        let (from, to) = if forward {
            (self.from, self.to)
        } else {
            (self.to, self.from)
        };
        Rate::fixed(from, to, fraction, self.effective, self.source)
    }
}

impl fmt::Display for FixedRate {
    /// `1 EUR = 1.95583 DEM (euro conversion rate from 1999-01-01, Council
    /// Regulation (EC) No 2866/98 (CELEX 31998R2866))`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "1 {} = {} {} ({} from {}, {})",
            self.to, self.rate, self.from, self.kind, self.effective, self.source
        )
    }
}

/// The exchange rates fixed by law, as a [`RateSource`]: the euro's
/// irrevocable conversion rates (the Council Regulations: 1 EUR = 1.95583
/// DEM from 1999-01-01, 7.53450 HRK from 2023-01-01, ...) and the
/// redenominations (1 SLE = 1,000 SLL from 2022-07-01, 1 VES = 100,000 VEF
/// from 2018-08-20, ...), `data/fixed-rates.csv`.
///
/// A fixed rate applies from its effective day on, for good: Deutsche
/// Marks converted in 2003 convert at 1.95583, though the Mark was
/// withdrawn in 2002; before that day there is none. Rates chain along
/// successors (VEB to VES through VEF, both redenominations) and across a
/// common successor (DEM to FRF through the euro); each
/// [`Rate`] is [`Derivation::Fixed`](super::Derivation::Fixed) (a chain of
/// them a cross with fixed legs), and its [`source`](Rate::source) names
/// the law. For any other pair (DEM to USD) it answers
/// [`FxError::NotQuoted`]: put it in a [`RateChain`](super::RateChain)
/// before the market sources, which crosses through the euro.
///
#[cfg_attr(feature = "ecb-snapshot", doc = "```")]
#[cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/// use statecraft::fx::{Derivation, EcbRates, FixedRates, RateChain, RateSource};
/// use statecraft::{Currency, Money, NaiveDate};
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let fixed = FixedRates::new();
///
/// let r = fixed.rate(Currency::HRK, Currency::EUR, day(2023, 6, 1)?)?;
/// assert_eq!((r.derivation(), r.source()), (Derivation::Fixed, "Council Regulation (EU) 2022/1208 (CELEX 32022R1208)"));
/// assert_eq!(r.apply("HRK 1000".parse()?)?.round().to_string(), "EUR 132.72");
///
/// let sle = fixed.convert("SLL 1,000,000".parse()?, Currency::SLE, day(2022, 7, 1)?)?;
/// assert_eq!(sle.to_string(), "SLE 1000");
///
/// let e = fixed.rate(Currency::SLL, Currency::SLE, day(2021, 6, 7)?).unwrap_err();
/// assert_eq!(e.to_string(), "no fixed rate for SLL/SLE on 2021-06-07: fixed rates for SLL/SLE start on 2022-07-01");
///
/// let rates = RateChain::new().with(FixedRates::new()).with(EcbRates::embedded());
/// let usd = rates.rate(Currency::DEM, Currency::USD, day(2003, 5, 5)?)?;
/// assert_eq!(usd.source(), "Council Regulation (EC) No 2866/98 (CELEX 31998R2866) + ECB");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FixedRates;

impl FixedRates {
    /// The rates of `data/fixed-rates.csv`, built into the crate.
    pub const fn new() -> FixedRates {
        FixedRates
    }

    /// Every fixed rate: the euro's, then the other conversions and the
    /// redenominations, as `data/fixed-rates.csv` lists them.
    pub fn iter() -> impl ExactSizeIterator<Item = &'static FixedRate> {
        FIXED.iter()
    }

    /// The fixed rate of a withdrawn currency into its successor, if the
    /// law fixed one.
    pub fn find(from: Currency) -> Option<&'static FixedRate> {
        FIXED.iter().find(|f| f.from == from)
    }

    /// The fixed links from `currency` to its successor, its successor's,
    /// and so on.
    fn path(currency: Currency) -> impl Iterator<Item = &'static FixedRate> {
        let mut next = Some(currency);
        std::iter::from_fn(move || {
            let link = FixedRates::find(next?)?;
            next = Some(link.to);
            Some(link)
        })
        .take(FIXED.len())
    }

    /// The rate along `links` (each from one currency to the next), all in
    /// force on `on`: one fixed rate, or a cross of them.
    fn along(links: &[&'static FixedRate], forward: bool, on: NaiveDate, series: Series) -> Result<Rate, FxError> {
        let mut rate: Option<Rate> = None;
        let ordered: Vec<&FixedRate> = if forward {
            links.to_vec()
        } else {
            links.iter().rev().copied().collect()
        };
        for link in ordered {
            if on < link.effective {
                return Err(FxError::BeforeHistory {
                    series: Series::Pair(link.from, link.to),
                    date: on,
                    first: link.effective,
                    provider: PROVIDER.to_string(),
                });
            }
            let step = link.as_rate(forward)?;
            rate = Some(match rate {
                None => step,
                Some(before) => Rate::cross(before, step)?,
            });
        }
        rate.ok_or_else(|| FxError::NotQuoted {
            series,
            date: on,
            provider: PROVIDER.to_string(),
        })
    }
}

impl RateSource for FixedRates {
    fn rate(&self, from: Currency, to: Currency, on: NaiveDate) -> Result<Rate, FxError> {
        let series = Series::Pair(from, to);
        let linked = |c: Currency| FIXED.iter().any(|f| f.from == c || f.to == c);
        // Name the currency the law fixed nothing for, else the pair.
        let unquoted = match (linked(from), linked(to)) {
            (false, _) => Series::Currency(from),
            (true, false) => Series::Currency(to),
            (true, true) => series,
        };
        let not_quoted = || FxError::NotQuoted {
            series: unquoted,
            date: on,
            provider: PROVIDER.to_string(),
        };
        if from == to {
            return Err(not_quoted());
        }
        let up: Vec<&FixedRate> = FixedRates::path(from).collect();
        let down: Vec<&FixedRate> = FixedRates::path(to).collect();
        // `to` succeeds `from`, or the other way.
        if let Some(n) = up.iter().position(|l| l.to == to) {
            return FixedRates::along(up.get(..=n).unwrap_or(&[]), true, on, series);
        }
        if let Some(n) = down.iter().position(|l| l.to == from) {
            return FixedRates::along(down.get(..=n).unwrap_or(&[]), false, on, series);
        }
        // Both lead to a common successor (DEM and FRF to EUR).
        for (i, link) in up.iter().enumerate() {
            if let Some(j) = down.iter().position(|l| l.to == link.to) {
                let first = FixedRates::along(up.get(..=i).unwrap_or(&[]), true, on, series)?;
                let second = FixedRates::along(down.get(..=j).unwrap_or(&[]), false, on, series)?;
                return Rate::cross(first, second);
            }
        }
        Err(not_quoted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fx::Derivation;
    use crate::testing::{day, dec};
    use crate::Money;

    #[test]
    fn the_euro_rates_are_the_council_regulations() {
        let cases = [
            (Currency::ATS, "13.7603", day(1999, 1, 1)),
            (Currency::BEF, "40.3399", day(1999, 1, 1)),
            (Currency::DEM, "1.95583", day(1999, 1, 1)),
            (Currency::ESP, "166.386", day(1999, 1, 1)),
            (Currency::FIM, "5.94573", day(1999, 1, 1)),
            (Currency::FRF, "6.55957", day(1999, 1, 1)),
            (Currency::IEP, "0.787564", day(1999, 1, 1)),
            (Currency::ITL, "1936.27", day(1999, 1, 1)),
            (Currency::LUF, "40.3399", day(1999, 1, 1)),
            (Currency::NLG, "2.20371", day(1999, 1, 1)),
            (Currency::PTE, "200.482", day(1999, 1, 1)),
            (Currency::GRD, "340.750", day(2001, 1, 1)),
            (Currency::SIT, "239.640", day(2007, 1, 1)),
            (Currency::CYP, "0.585274", day(2008, 1, 1)),
            (Currency::MTL, "0.429300", day(2008, 1, 1)),
            (Currency::SKK, "30.1260", day(2009, 1, 1)),
            (Currency::EEK, "15.6466", day(2011, 1, 1)),
            (Currency::LVL, "0.702804", day(2014, 1, 1)),
            (Currency::LTL, "3.45280", day(2015, 1, 1)),
            (Currency::HRK, "7.53450", day(2023, 1, 1)),
            (Currency::BGN, "1.95583", day(2026, 1, 1)),
        ];
        for (c, rate, from) in cases {
            let f = FixedRates::find(c).unwrap();
            assert_eq!(
                (f.to(), f.rate().to_string(), f.effective(), f.kind()),
                (Currency::EUR, rate.to_string(), from, FixedKind::Euro),
                "{c}"
            );
            assert_eq!(f.effective(), c.changeover().unwrap(), "{c}");
            assert!(f.source().starts_with("Council Regulation"), "{c}");
        }
        assert_eq!(
            FixedRates::iter().filter(|f| f.kind() == FixedKind::Euro).count(),
            cases.len()
        );
    }

    #[test]
    fn the_issue_redenominations_are_exact() {
        let cases = [
            (Currency::VEB, Currency::VEF, "1000", day(2008, 1, 1)),
            (Currency::VEF, Currency::VES, "100000", day(2018, 8, 20)),
            (Currency::MRO, Currency::MRU, "10", day(2018, 1, 1)),
            (Currency::STD, Currency::STN, "1000", day(2018, 1, 1)),
            (Currency::BYR, Currency::BYN, "10000", day(2016, 7, 1)),
            (Currency::SLL, Currency::SLE, "1000", day(2022, 7, 1)),
            (Currency::ROL, Currency::RON, "10000", day(2005, 7, 1)),
            (Currency::TRL, Currency::TRY, "1000000", day(2005, 1, 1)),
            (Currency::GHC, Currency::GHS, "10000", day(2007, 7, 1)),
            (Currency::AZM, Currency::AZN, "5000", day(2006, 1, 1)),
            (Currency::MZM, Currency::MZN, "1000", day(2006, 7, 1)),
            (Currency::ZMK, Currency::ZMW, "1000", day(2013, 1, 1)),
        ];
        for (from, to, rate, effective) in cases {
            let f = FixedRates::find(from).unwrap();
            assert_eq!((f.to(), f.rate(), f.effective()), (to, dec(rate), effective), "{from}");
            assert_eq!(f.kind(), FixedKind::Redenomination);
            let r = FixedRates.rate(from, to, effective).unwrap();
            assert_eq!(r.derivation(), Derivation::Fixed);
            assert_eq!(r.ratio(), (Decimal::ONE, dec(rate)));
            let big = Money::new(dec(rate), from);
            assert_eq!(r.apply(big).unwrap(), Money::new(Decimal::ONE, to), "{from}");
            let back = FixedRates.rate(to, from, effective).unwrap();
            assert_eq!(back.value(), dec(rate));
            assert_eq!(back.inverse().unwrap(), r);
            assert!(FixedRates.rate(from, to, effective.pred_opt().unwrap()).is_err());
        }
    }

    #[test]
    fn rates_chain_along_successors_and_across_a_common_one() {
        let on = day(2019, 1, 2);
        let veb_ves = FixedRates.rate(Currency::VEB, Currency::VES, on).unwrap();
        assert_eq!(veb_ves.derivation(), Derivation::Cross);
        assert_eq!(veb_ves.ratio(), (Decimal::ONE, dec("100000000")));
        assert_eq!(veb_ves.legs().len(), 2);
        let e = FixedRates
            .rate(Currency::VEB, Currency::VES, day(2010, 1, 1))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "no fixed rate for VEF/VES on 2010-01-01: fixed rates for VEF/VES start on 2018-08-20"
        );
        let dem_frf = FixedRates.rate(Currency::DEM, Currency::FRF, day(2003, 5, 5)).unwrap();
        assert_eq!(dem_frf.ratio(), (dec("6.55957"), dec("1.95583")));
        assert_eq!(
            dem_frf.source(),
            "Council Regulation (EC) No 2866/98 (CELEX 31998R2866)"
        );
        let hrk_dem = FixedRates.rate(Currency::HRK, Currency::DEM, day(2023, 6, 1)).unwrap();
        assert_eq!(
            hrk_dem.source(),
            "Council Regulation (EU) 2022/1208 (CELEX 32022R1208) + Council Regulation (EC) No 2866/98 (CELEX 31998R2866)"
        );
        let e = FixedRates
            .rate(Currency::HRK, Currency::DEM, day(2022, 6, 1))
            .unwrap_err();
        assert!(matches!(e, FxError::BeforeHistory { .. }));
        for (a, b) in [
            (Currency::DEM, Currency::USD),
            (Currency::USD, Currency::GBP),
            (Currency::EUR, Currency::EUR),
        ] {
            let e = FixedRates.rate(a, b, on).unwrap_err();
            assert!(e.is_not_quoted(), "{a} {b}: {e}");
        }
        assert_eq!(
            FixedRates
                .rate(Currency::DEM, Currency::USD, on)
                .unwrap_err()
                .to_string(),
            "no fixed rate for DEM/USD on 2019-01-02: DEM/USD is not quoted"
        );
        // NIO has no fixed rate at all.
        assert_eq!(
            FixedRates
                .rate(Currency::NIO, Currency::USD, on)
                .unwrap_err()
                .to_string(),
            "no fixed rate for NIO on 2019-01-02: NIO is not quoted"
        );
    }

    #[test]
    fn the_done_when_conversions() {
        let m = |s: &str| s.parse::<Money>().unwrap();
        let dem = FixedRates.convert(m("DEM 5m"), Currency::EUR, day(2003, 5, 5)).unwrap();
        assert!(dem.amount().to_string().starts_with("2556459.40"), "{dem}");
        let dm = FixedRates.convert(m("DM 5m"), Currency::EUR, day(2003, 5, 5)).unwrap();
        assert_eq!(dm, dem);
        let hrk = FixedRates
            .convert(m("HRK 1000"), Currency::EUR, day(2023, 6, 1))
            .unwrap();
        assert!(hrk.amount().to_string().starts_with("132.72"), "{hrk}");
        let sle = FixedRates
            .convert(m("SLL 1,000,000"), Currency::SLE, day(2022, 7, 1))
            .unwrap();
        assert_eq!(sle.amount().to_string(), "1000");
    }
}
