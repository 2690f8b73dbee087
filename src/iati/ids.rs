//! The identifiers an IATI file writes, typed but not resolved:
//! organisation refs, country and region codes, currency codes. Each
//! keeps what the file wrote (stripped of XML whitespace, upper-cased
//! where `iati_reference.py` upper-cases) and spells the key the
//! reference prints.

use std::fmt;

use crate::geo::DacRegion;
use crate::geo::M49Area;
use crate::{Area, Country, Currency};

/// An organisation identifier as written in `@ref`: the crate's
/// [`org::OrgRef`](crate::org::OrgRef), which
/// [`Organisation::from_iati`](crate::org::Organisation::from_iati)
/// resolves to a built-in organisation.
pub use crate::org::OrgRef;

/// A `recipient-country/@code` as written, stripped and upper-cased: an
/// ISO 3166-1 alpha-2 code nearly always (`GT`), but files also hold
/// region codes used as countries (`998`) and codes no list has. Never
/// empty.
///
/// ```
/// use statecraft::iati::CountryCode;
///
/// assert_eq!(CountryCode::new(" gt ").map(|c| c.to_string()), Some("GT".into()));
/// assert_eq!(CountryCode::new("998").map(|c| c.to_string()), Some("998".into()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode(Box<str>);

impl CountryCode {
    /// The code of an attribute value; `None` when empty once stripped.
    pub fn new(written: &str) -> Option<CountryCode> {
        let s = super::text::strip(written);
        (!s.is_empty()).then(|| CountryCode(super::text::upper(s)))
    }

    /// The code, upper-cased.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CountryCode {
    /// The code: the recipient key `iati_reference.py` prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A `recipient-region`: its code as written (stripped, case kept) in a
/// vocabulary (`1` OECD DAC, the default; `2` UN M49; `99` the
/// reporting organisation's own).
///
/// ```
/// use statecraft::iati::RegionCode;
///
/// let r = RegionCode::new("289", "").ok_or("empty")?;
/// assert_eq!((r.vocabulary(), r.code()), ("1", "289"));
/// assert_eq!(r.to_string(), "region:1:289");
/// assert_eq!(RegionCode::new("419", " 2 ").map(|r| r.to_string()), Some("region:2:419".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RegionCode {
    vocabulary: Box<str>,
    code: Box<str>,
}

impl RegionCode {
    /// The region of a `code` and a `vocabulary` attribute value (empty
    /// or absent: `1`); `None` when the code is empty once stripped.
    pub fn new(code: &str, vocabulary: &str) -> Option<RegionCode> {
        let code = super::text::strip(code);
        if code.is_empty() {
            return None;
        }
        let vocabulary = match super::text::strip(vocabulary) {
            "" => "1",
            v => v,
        };
        Some(RegionCode {
            vocabulary: vocabulary.into(),
            code: code.into(),
        })
    }

    /// The vocabulary, as written (`1` when none was).
    pub fn vocabulary(&self) -> &str {
        &self.vocabulary
    }

    /// The code, as written.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The area the region names, where its vocabulary is one the crate
    /// reads: `1` (OECD DAC) names a [`DacRegion`], `2` (UN M49) an
    /// [`M49Area`] of any level (`419`, `013`, `001` for the world). `None`
    /// for another vocabulary (`99`, the reporting organisation's own) or a
    /// code the vocabulary does not have.
    ///
    /// ```
    /// use statecraft::geo::DacRegion;
    /// use statecraft::iati::RegionCode;
    /// use statecraft::geo::Subregion;
    /// use statecraft::Area;
    ///
    /// let sahara = RegionCode::new("289", "1").ok_or("empty")?;
    /// assert_eq!(sahara.area(), Some(Area::DacRegion(DacRegion::SouthOfSaharaRegional)));
    /// let lac = RegionCode::new("419", "2").ok_or("empty")?;
    /// assert_eq!(lac.area(), Some(Area::from(Subregion::LatinAmericaAndTheCaribbean)));
    /// assert_eq!(RegionCode::new("419", "1").and_then(|r| r.area()), None); // no DAC region 419
    /// assert_eq!(RegionCode::new("A1", "99").and_then(|r| r.area()), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn area(&self) -> Option<Area> {
        let numeric = || -> Option<u16> {
            let c = self.code.as_ref();
            (!c.is_empty() && c.len() <= 5 && c.bytes().all(|b| b.is_ascii_digit()))
                .then(|| c.parse().ok())
                .flatten()
        };
        match &*self.vocabulary {
            "1" => DacRegion::from_code(numeric()?).map(Area::DacRegion),
            "2" => M49Area::from_m49(numeric()?).map(|a| match a {
                M49Area::World => Area::World,
                other => Area::M49(other),
            }),
            _ => None,
        }
    }
}

impl fmt::Display for RegionCode {
    /// `region:VOCABULARY:CODE`: the recipient key `iati_reference.py`
    /// prints.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "region:{}:{}", self.vocabulary, self.code)
    }
}

/// A recipient as a file names it: a country code or a region.
///
/// Its `Display` is the key `iati_reference.py` prints (`GT`,
/// `region:1:289`); a transaction with no recipient at all has the key
/// [`UNSPECIFIED`](super::UNSPECIFIED).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecipientCode {
    /// A `recipient-country`.
    Country(CountryCode),
    /// A `recipient-region`.
    Region(RegionCode),
}

impl RecipientCode {
    /// The area the recipient names: a country its code names (alpha-2 as
    /// IATI writes it, or any code [`Country`] reads), or the area of a
    /// region ([`RegionCode::area`]). `None` when the crate does not know
    /// the code.
    ///
    /// ```
    /// use statecraft::iati::{CountryCode, RecipientCode};
    /// use statecraft::{Area, Country};
    ///
    /// let gt = RecipientCode::Country(CountryCode::new("GT").ok_or("empty")?);
    /// assert_eq!(gt.area(), Some(Area::Country(Country::GT)));
    /// let other = RecipientCode::Country(CountryCode::new("998").ok_or("empty")?);
    /// assert_eq!(other.area(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn area(&self) -> Option<Area> {
        match self {
            RecipientCode::Country(c) => c.as_str().parse::<Country>().ok().map(Area::Country),
            RecipientCode::Region(r) => r.area(),
        }
    }
}

impl fmt::Display for RecipientCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecipientCode::Country(c) => c.fmt(f),
            RecipientCode::Region(r) => r.fmt(f),
        }
    }
}

/// A currency code as written (`value/@currency`, else the activity's
/// `@default-currency`), stripped and upper-cased: an ISO 4217 code the
/// crate knows, or any other text, kept (a rate source has no rate for
/// it).
///
/// ```
/// use statecraft::iati::CurrencyCode;
/// use statecraft::Currency;
///
/// assert_eq!(CurrencyCode::new(" gbp"), Some(CurrencyCode::Iso(Currency::GBP)));
/// assert_eq!(CurrencyCode::new("US DOLLAR").map(|c| c.to_string()), Some("US DOLLAR".into()));
/// assert_eq!(CurrencyCode::new(""), None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CurrencyCode {
    /// A code of ISO 4217 (current or retired) the crate knows.
    Iso(Currency),
    /// Any other code, upper-cased.
    Other(Box<str>),
}

impl CurrencyCode {
    /// The code of an attribute value; `None` when empty once stripped.
    pub fn new(written: &str) -> Option<CurrencyCode> {
        let s = super::text::strip(written);
        if s.is_empty() {
            return None;
        }
        // Currency::from_code takes the three ASCII letters in any case.
        Some(match Currency::from_code(s) {
            Some(c) => CurrencyCode::Iso(c),
            None => CurrencyCode::Other(super::text::upper(s)),
        })
    }

    /// The ISO currency, if the code is one.
    pub fn currency(&self) -> Option<Currency> {
        match self {
            CurrencyCode::Iso(c) => Some(*c),
            CurrencyCode::Other(_) => None,
        }
    }
}

impl fmt::Display for CurrencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CurrencyCode::Iso(c) => f.write_str(c.code()),
            CurrencyCode::Other(s) => f.write_str(s),
        }
    }
}
