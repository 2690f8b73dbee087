//! What a country name can be: the list it comes from, the language of an
//! exonym, a former name and the date it changed.

use std::fmt;

use chrono::NaiveDate;

use super::Country;

/// The published list an English country name comes from.
///
/// When several lists carry a name, the first of this order is reported:
/// ISO, then the UN, the World Bank, CLDR, and the names this crate keeps.
///
/// ```
/// use statecraft::geo::{NameList, Reading};
/// use statecraft::Country;
///
/// let r = Country::resolve("Korea, Rep.")?;
/// assert_eq!(r.reading(), Reading::Name(NameList::WorldBank));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum NameList {
    /// An ISO 3166-1 English short name, in ISO's list form with its
    /// article (`Guatemala`, `Bahamas (the)`, `Korea (the Republic of)`).
    /// The key leaves out "the" and the brackets, so the comma forms of
    /// older lists (`Korea, Republic of`) read as these.
    Iso3166,
    /// An official name as the UN's terminology database gives it, which
    /// ISO 3166-1 takes over (`Republic of Guatemala`).
    Iso3166Official,
    /// A UN M49 name (`China, Hong Kong Special Administrative Region`).
    UnM49,
    /// A World Bank name: short, table or long (`Korea, Rep.`,
    /// `Commonwealth of Australia`).
    WorldBank,
    /// A CLDR English territory name or variant (`Congo - Kinshasa`,
    /// `Czech Republic`).
    Cldr,
    /// An everyday English name this crate keeps (`UK`, `Holland`).
    Everyday,
}

impl fmt::Display for NameList {
    /// What the list is: `ISO 3166-1 short name`, `World Bank name`, ...
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NameList::Iso3166 => "ISO 3166-1 short name",
            NameList::Iso3166Official => "ISO 3166-1 official name",
            NameList::UnM49 => "UN M49 name",
            NameList::WorldBank => "World Bank name",
            NameList::Cldr => "CLDR English name",
            NameList::Everyday => "everyday English name",
        })
    }
}

/// The language of a country name that is not English: the languages whose
/// CLDR territory names the resolver reads.
///
/// ```
/// use statecraft::geo::{Language, Reading};
/// use statecraft::Country;
///
/// let r = Country::resolve("Allemagne")?;
/// assert_eq!(r.country(), Country::DE);
/// assert_eq!(r.reading(), Reading::Exonym(Language::French));
/// assert_eq!(Language::French.tag(), "fr");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Language {
    /// Arabic (`ar`).
    Arabic,
    /// Chinese, simplified script (`zh`).
    Chinese,
    /// Dutch (`nl`).
    Dutch,
    /// French (`fr`).
    French,
    /// German (`de`).
    German,
    /// Italian (`it`).
    Italian,
    /// Portuguese (`pt`).
    Portuguese,
    /// Russian (`ru`).
    Russian,
    /// Spanish (`es`).
    Spanish,
}

impl Language {
    /// The BCP 47 language tag, which names the CLDR locale: `"fr"`.
    pub const fn tag(self) -> &'static str {
        match self {
            Language::Arabic => "ar",
            Language::Chinese => "zh",
            Language::Dutch => "nl",
            Language::French => "fr",
            Language::German => "de",
            Language::Italian => "it",
            Language::Portuguese => "pt",
            Language::Russian => "ru",
            Language::Spanish => "es",
        }
    }
}

impl fmt::Display for Language {
    /// The language's English name: `French`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// When a name stopped being the country's: a day, or only the year where
/// the source gives no more.
///
/// ```
/// use statecraft::geo::ChangeDate;
/// use statecraft::NaiveDate;
///
/// assert_eq!(ChangeDate::Year(1977).to_string(), "1977");
/// let d = ChangeDate::Day(NaiveDate::from_ymd_opt(1997, 7, 14).ok_or("date")?);
/// assert_eq!(d.to_string(), "1997-07-14");
/// assert_eq!(d.year(), 1997);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeDate {
    /// The day.
    Day(NaiveDate),
    /// The year, where the source gives no day.
    Year(i32),
}

impl ChangeDate {
    /// The year of the change.
    pub fn year(self) -> i32 {
        match self {
            ChangeDate::Day(d) => chrono::Datelike::year(&d),
            ChangeDate::Year(y) => y,
        }
    }
}

impl fmt::Display for ChangeDate {
    /// `1997-07-14`, or `1977` for a year.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChangeDate::Day(d) => write!(f, "{d}"),
            ChangeDate::Year(y) => write!(f, "{y}"),
        }
    }
}

/// A name a country no longer goes by, with its successor(s), the date
/// it changed and where that is recorded.
///
/// For a code that ISO 3166-3 withdrew (`Zaire`, `Burma`, `East Timor`)
/// the date is the withdrawal's and the source its four-letter code
/// (`ISO 3166-3 ZRCD`); for a renaming that kept the code (`Swaziland`,
/// `Libyan Arab Jamahiriya`) it is the day the new name took effect, with
/// the act that made it. A country that split has several successors
/// (`Czechoslovakia`: CZ and SK) and is not read as any of them.
///
/// ```
/// use statecraft::geo::{ChangeDate, Reading};
/// use statecraft::Country;
///
/// let r = Country::resolve("Zaire")?;
/// assert_eq!(r.country(), Country::CD);
/// let Reading::Former(former) = r.reading() else { panic!("not a former name") };
/// assert_eq!(former.name(), "Zaire");
/// assert_eq!(former.changed().to_string(), "1997-07-14");
/// assert_eq!(former.source(), "ISO 3166-3 ZRCD");
/// assert_eq!(former.successors(), &[Country::CD]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FormerName {
    pub(super) name: &'static str,
    pub(super) successors: &'static [Country],
    pub(super) changed: ChangeDate,
    pub(super) source: &'static str,
}

impl FormerName {
    /// The former name as its source writes it: `"Zaire, Republic of"`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The countries that took its place: one for a renaming, several
    /// for a split, in alpha-2 order.
    pub fn successors(&self) -> &'static [Country] {
        self.successors
    }

    /// When the name stopped being current.
    pub fn changed(&self) -> ChangeDate {
        self.changed
    }

    /// Where the change is recorded: `"ISO 3166-3 ZRCD"`, or the act.
    pub fn source(&self) -> &'static str {
        self.source
    }
}
