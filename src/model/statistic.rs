//! `Statistic`: a figure quoted beside the facts, with its qualifier,
//! breakdown and rank.

use std::fmt;
use std::num::NonZeroU32;

use super::{Area, AreaId, GroupId, Period, Share, SourceId, StatisticId, Topic};
use crate::geo::DacRegion;
use crate::geo::M49Area;
use crate::serde_str::IsoDate;
use crate::{Count, Country, Qualifier};

crate::serde_strict::strict_serde!(
    Statistic,
    Metric,
    StatisticScope,
    CountryBorder,
    Breakdown,
    Rank,
    RankOrder
);

/// A figure a report quotes: a month's border encounters, "more than
/// 178,000", of which "more than 40%" came from the Northern Triangle; a
/// country's covid toll, "approaching 230,000" and fourth in the world.
///
/// It has a [`Metric`], a [`StatisticScope`] (where), a [`Period`] (when), a
/// [`Count`] with its qualifier, optional [`Breakdown`]s of where the
/// figure comes from, an optional [`Rank`], and who it is attributed to.
///
/// ```
/// use statecraft::model::{Breakdown, CountryBorder, GroupId, Metric, Period, Share, SourceId, StatisticId, StatisticScope};
/// use statecraft::{Area, Country, Qualifier, Statistic};
///
/// let arrivals = Statistic::new(
///     StatisticId::new("border-april")?,
///     Metric::BorderEncounters,
///     StatisticScope::Border(CountryBorder::new(Country::US).with(Country::MX)),
///     Period::Month("2021-04".parse()?),
///     "more than 178,000".parse()?,
///     SourceId::new("seed")?,
/// )
/// .with_breakdown(Breakdown::new(Area::Group(GroupId::new("northern-triangle")?), "40".parse()?).qualified(Qualifier::MoreThan));
/// let part = arrivals.breakdowns()[0].count_of(arrivals.count()).ok_or("overflow")?;
/// assert_eq!(part.to_string(), "more than 71,200");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Statistic {
    id: StatisticId,
    metric: Metric,
    scope: StatisticScope,
    period: Period,
    count: Count,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    breakdowns: Vec<Breakdown>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rank: Option<Rank>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    according_to: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    topics: Vec<Topic>,
    source: SourceId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reported: Option<IsoDate>,
}

impl Statistic {
    /// `count` of `metric` in `scope` over `period`.
    pub fn new(
        id: StatisticId,
        metric: Metric,
        scope: StatisticScope,
        period: Period,
        count: Count,
        source: SourceId,
    ) -> Statistic {
        Statistic {
            id,
            metric,
            scope,
            period,
            count,
            breakdowns: Vec::new(),
            rank: None,
            according_to: None,
            topics: Vec::new(),
            source,
            reported: None,
        }
    }

    setters! {
        /// With one more breakdown.
        fn with_breakdown(breakdown: Breakdown) { breakdowns.push(breakdown) }

        /// With its rank.
        fn with_rank(rank: Rank) { rank = Some(rank) }

        /// Attributed to `who` ("US border officials").
        fn according_to(who: impl Into<String>) { according_to = Some(who.into()) }

        /// With one more topic.
        fn with_topic(topic: Topic) { topics.push(topic) }
    }

    getters! {
        /// The id.
        fn id -> &StatisticId { &id }

        /// What is counted.
        fn metric -> &Metric { &metric }

        /// Where.
        fn scope -> &StatisticScope { &scope }

        /// When.
        fn period -> &Period { &period }

        /// The figure, with its qualifier.
        fn count -> Count { count }

        /// The parts of the figure that come from given places.
        fn breakdowns -> &[Breakdown] { &breakdowns }

        /// The rank, when the source gives one.
        fn rank -> Option<&Rank> { rank.as_ref() }

        /// Who the figure is attributed to.
        fn attribution -> Option<&str> { according_to.as_deref() }

        /// The topics.
        fn topics -> &[Topic] { &topics }
    }

    cited!();
}

/// What a statistic counts.
///
/// In the JSON format: `"border-encounters"`, `"covid-deaths"`, ..., or
/// `{"other": "asylum applications"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Metric {
    /// People arriving at or stopped at a border (US CBP "encounters").
    BorderEncounters,
    /// Deaths from Covid-19.
    CovidDeaths,
    /// Confirmed cases of Covid-19.
    CovidCases,
    /// Refugees.
    Refugees,
    /// People displaced within their country.
    InternallyDisplaced,
    /// Deaths, of any cause the source names in the statistic's context.
    Deaths,
    /// Anything else, named.
    Other(String),
}

impl fmt::Display for Metric {
    /// "border encounters", "Covid-19 deaths", ...
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Metric::BorderEncounters => "border encounters",
            Metric::CovidDeaths => "Covid-19 deaths",
            Metric::CovidCases => "Covid-19 cases",
            Metric::Refugees => "refugees",
            Metric::InternallyDisplaced => "internally displaced people",
            Metric::Deaths => "deaths",
            Metric::Other(s) => s,
        })
    }
}

/// Where a statistic applies: an [`Area`], or a border.
///
/// In the JSON format, as [`Area`], plus `{"border": {"of": "US", "with":
/// "MX"}}`.
///
/// ```
/// use statecraft::model::{CountryBorder, StatisticScope};
/// use statecraft::{Area, Country};
///
/// let border = StatisticScope::Border(CountryBorder::new(Country::US).with(Country::MX));
/// assert_eq!(border.to_string(), "the US border with Mexico");
/// assert_eq!(border.area(), None);
/// assert_eq!(StatisticScope::from(Area::from(Country::MX)).area(), Some(Area::Country(Country::MX)));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case", rename = "Scope")]
#[non_exhaustive]
pub enum StatisticScope {
    /// One country.
    Country(Country),
    /// A group of countries, by id.
    Group(GroupId),
    /// A UN M49 area of any level (`{"m49": ...}`; format 1's
    /// `{"subregion": ...}` still loads).
    #[serde(alias = "subregion")]
    M49(M49Area),
    /// An OECD DAC recipient region, by code.
    DacRegion(DacRegion),
    /// An area the dossier declares, by id.
    Declared(AreaId),
    /// The world.
    World,
    /// A country's border.
    Border(CountryBorder),
}

impl StatisticScope {
    /// The scope as an area, unless it is a border.
    pub fn area(&self) -> Option<Area> {
        match self {
            StatisticScope::Country(c) => Some(Area::Country(*c)),
            StatisticScope::Group(g) => Some(Area::Group(g.clone())),
            StatisticScope::M49(a) => Some(Area::M49(*a)),
            StatisticScope::DacRegion(r) => Some(Area::DacRegion(*r)),
            StatisticScope::Declared(a) => Some(Area::Declared(a.clone())),
            StatisticScope::World => Some(Area::World),
            StatisticScope::Border(_) => None,
        }
    }
}

impl From<Area> for StatisticScope {
    fn from(area: Area) -> StatisticScope {
        match area {
            Area::Country(c) => StatisticScope::Country(c),
            Area::Group(g) => StatisticScope::Group(g),
            Area::M49(a) => StatisticScope::M49(a),
            Area::DacRegion(r) => StatisticScope::DacRegion(r),
            Area::Declared(a) => StatisticScope::Declared(a),
            Area::World => StatisticScope::World,
        }
    }
}

impl fmt::Display for StatisticScope {
    /// As [`Area`]; a border reads "the US border" or "the US–Mexico
    /// border".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatisticScope::Border(b) => b.fmt(f),
            other => match other.area() {
                Some(a) => a.fmt(f),
                None => Ok(()),
            },
        }
    }
}

/// A country's border, or its border with one neighbour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields, rename = "Border")]
pub struct CountryBorder {
    of: Country,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    with: Option<Country>,
}

impl CountryBorder {
    /// The border of `country`, all of it.
    pub fn new(country: Country) -> CountryBorder {
        CountryBorder {
            of: country,
            with: None,
        }
    }

    setters! {
        /// The stretch shared with `neighbour`.
        fn with(neighbour: Country) { with = Some(neighbour) }
    }

    getters! {
        /// The country whose border it is.
        fn country -> Country { of }

        /// The neighbour, when the border is the stretch with one.
        fn neighbour -> Option<Country> { with }
    }
}

impl fmt::Display for CountryBorder {
    /// "the US border with Mexico", "the Guatemala border".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let of = match self.of {
            Country::US => "US",
            Country::GB => "UK",
            c => c.common_name(),
        };
        match self.with {
            Some(n) => write!(f, "the {of} border with {}", n.common_name()),
            None => write!(f, "the {of} border"),
        }
    }
}

/// The part of a figure that comes from one place: "more than 40% from
/// the Northern Triangle".
///
/// In the JSON format: `{"part": {"group": "northern-triangle"}, "share":
/// "40", "qualifier": "more-than"}` (the qualifier is left out when
/// exact).
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Breakdown {
    part: Area,
    share: Share,
    #[serde(default, skip_serializing_if = "is_exact")]
    qualifier: Qualifier,
}

fn is_exact(q: &Qualifier) -> bool {
    *q == Qualifier::Exact
}

impl Breakdown {
    /// Exactly `share` of the figure comes from `part`.
    pub fn new(part: Area, share: Share) -> Breakdown {
        Breakdown {
            part,
            share,
            qualifier: Qualifier::Exact,
        }
    }

    setters! {
        /// The same, with the share qualified ("more than" 40%).
        fn qualified(qualifier: Qualifier) { qualifier = qualifier }
    }

    getters! {
        /// Where the part comes from.
        fn part -> &Area { &part }

        /// Its share of the figure.
        fn share -> Share { share }

        /// How the share is qualified.
        fn qualifier -> Qualifier { qualifier }
    }

    /// The part as a count of `total`: "more than 40%" of "more than
    /// 178,000" is "more than 71,200" (see [`Share::of_count`]).
    pub fn count_of(&self, total: Count) -> Option<Count> {
        self.share.of_count(self.qualifier, total)
    }
}

impl fmt::Display for Breakdown {
    /// "more than 40% from the Northern Triangle".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let share = match self.qualifier {
            Qualifier::Exact => self.share.to_string(),
            q => format!("{} {}", q.words(), self.share),
        };
        match &self.part {
            Area::Group(_) => write!(f, "{share} from the {}", self.part),
            part => write!(f, "{share} from {part}"),
        }
    }
}

/// Where a figure ranks: fourth among the countries of the world, or the
/// largest monthly figure for twenty years and more.
///
/// In the JSON format: `{"position": 4, "order": "highest", "among":
/// "countries of the world"}`.
///
/// ```
/// use statecraft::model::{Rank, RankOrder};
///
/// let r = Rank::new(4, RankOrder::Highest, "countries of the world").ok_or("zero")?;
/// assert_eq!(r.to_string(), "fourth highest among countries of the world");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Rank {
    position: NonZeroU32,
    order: RankOrder,
    among: String,
}

impl Rank {
    /// `position` (from 1) in `order` among `among`; `None` for position 0.
    pub fn new(position: u32, order: RankOrder, among: impl Into<String>) -> Option<Rank> {
        Some(Rank {
            position: NonZeroU32::new(position)?,
            order,
            among: among.into(),
        })
    }

    getters! {
        /// The position, from 1.
        fn position -> u32 { position.get() }

        /// Highest or lowest.
        fn order -> RankOrder { order }

        /// What the figure is compared with.
        fn among -> &str { &among }
    }
}

impl fmt::Display for Rank {
    /// "highest among ...", "fourth highest among ...", "12th lowest among ...".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const WORDS: [&str; 10] = [
            "", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        ];
        let n = self.position.get();
        let ordinal = match usize::try_from(n)
            .ok()
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| WORDS.get(i))
        {
            Some(w) => (*w).to_string(),
            None => {
                let suffix = match (n % 10, n % 100) {
                    (_, 11..=13) => "th",
                    (1, _) => "st",
                    (2, _) => "nd",
                    (3, _) => "rd",
                    _ => "th",
                };
                format!("{n}{suffix}")
            }
        };
        let order = match self.order {
            RankOrder::Highest => "highest",
            RankOrder::Lowest => "lowest",
        };
        if ordinal.is_empty() {
            write!(f, "{order} among {}", self.among)
        } else {
            write!(f, "{ordinal} {order} among {}", self.among)
        }
    }
}

/// Which end a rank counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
pub enum RankOrder {
    /// From the highest.
    Highest,
    /// From the lowest.
    Lowest,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breakdowns_name_their_part_with_one_article() {
        let share = Share::from_percent(40).unwrap();
        let b = Breakdown::new(Area::World, share).qualified(Qualifier::MoreThan);
        assert_eq!(b.to_string(), "more than 40% from the world");
        let b = Breakdown::new(Area::Country(crate::Country::GT), share);
        assert_eq!(b.to_string(), "40% from Guatemala");
    }

    #[test]
    fn ranks_read_as_english() {
        let cases = [
            (1, "highest among x"),
            (4, "fourth highest among x"),
            (11, "11th highest among x"),
            (21, "21st highest among x"),
            (112, "112th highest among x"),
            (23, "23rd highest among x"),
        ];
        for (n, text) in cases {
            assert_eq!(Rank::new(n, RankOrder::Highest, "x").unwrap().to_string(), text);
        }
        assert!(Rank::new(0, RankOrder::Highest, "x").is_none());
    }

    #[test]
    fn borders_and_breakdowns_read_as_english() {
        assert_eq!(
            CountryBorder::new(Country::US).with(Country::MX).to_string(),
            "the US border with Mexico"
        );
        let b = Breakdown::new(Area::Country(Country::GT), "12.5".parse().unwrap());
        assert_eq!(b.to_string(), "12.5% from Guatemala");
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(json, r#"{"part":{"country":"GT"},"share":"12.5"}"#);
    }

    #[test]
    fn scope_serde_forms() {
        let s = StatisticScope::Border(CountryBorder::new(Country::US).with(Country::MX));
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"{"border":{"of":"US","with":"MX"}}"#);
        assert_eq!(serde_json::from_str::<StatisticScope>(&json).unwrap(), s);
        assert_eq!(serde_json::to_string(&StatisticScope::World).unwrap(), r#""world""#);
    }
}
