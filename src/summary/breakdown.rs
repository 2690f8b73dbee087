//! `BreakdownCount`: the count each breakdown of a statistic implies, with
//! its qualifier.

use std::fmt;

use super::AggregateError;
use crate::model::{Breakdown, FieldPath};
use crate::{Area, Count, Dossier, Statistic};

/// The part of a statistic that a breakdown gives as a share, as a count
/// with the qualifier both imply: "more than 40%" of "more than 178,000"
/// arrivals is "more than 71,200 from the Northern Triangle" (see
/// [`Share::of_count`](crate::model::Share::of_count) for how qualifiers combine
/// and which way a fraction is rounded).
///
/// ```
/// use statecraft::summary::BreakdownCount;
/// use statecraft::Dossier;
///
/// # let json = include_str!("../../examples/data/guatemala-2021.json");
/// let dossier = Dossier::from_json_str(json)?;
/// let counts = BreakdownCount::all(&dossier)?;
/// let lines: Vec<String> = counts.iter().map(ToString::to_string).collect();
/// assert_eq!(lines, ["more than 71,200 from the Northern Triangle"]);
/// assert_eq!(counts[0].path().to_pointer(), "/statistics/0/breakdowns/0");
/// assert_eq!(counts[0].statistic().count().to_string(), "more than 178,000");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BreakdownCount<'a> {
    statistic: &'a Statistic,
    breakdown: &'a Breakdown,
    path: FieldPath,
    count: Count,
    place: String,
}

impl<'a> BreakdownCount<'a> {
    /// The count of every breakdown of every statistic of `dossier`, in
    /// order.
    ///
    /// # Errors
    ///
    /// [`AggregateError::Overflow`] when a count does not fit a `u64`
    /// (which a share of at most 100% of a `u64` count cannot make, but
    /// is checked all the same), naming the breakdown.
    pub fn all(dossier: &'a Dossier) -> Result<Vec<BreakdownCount<'a>>, AggregateError> {
        let mut out = Vec::new();
        for (i, statistic) in dossier.statistics().iter().enumerate() {
            for (j, breakdown) in statistic.breakdowns().iter().enumerate() {
                let path = FieldPath::root()
                    .field("statistics")
                    .index(i)
                    .field("breakdowns")
                    .index(j);
                let count = breakdown
                    .count_of(statistic.count())
                    .ok_or_else(|| AggregateError::Overflow {
                        what: format!(
                            "{} of {} at {} does not fit a count",
                            breakdown.share(),
                            statistic.count(),
                            path.to_pointer()
                        ),
                    })?;
                let name = dossier.area_name(breakdown.part());
                let place = match breakdown.part() {
                    Area::Group(_) => format!("the {name}"),
                    _ => name,
                };
                out.push(BreakdownCount {
                    statistic,
                    breakdown,
                    path,
                    count,
                    place,
                });
            }
        }
        Ok(out)
    }

    /// The statistic broken down.
    pub fn statistic(&self) -> &'a Statistic {
        self.statistic
    }

    /// The breakdown.
    pub fn breakdown(&self) -> &'a Breakdown {
        self.breakdown
    }

    /// Where the breakdown sits in the dossier:
    /// `/statistics/0/breakdowns/0`.
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// The count the breakdown implies, with its qualifier: "more than
    /// 71,200".
    pub fn count(&self) -> Count {
        self.count
    }

    /// Where the part comes from, as a sentence names it, with the
    /// dossier's own group names: "the Northern Triangle", "Guatemala",
    /// "Central America", "the world".
    pub fn place(&self) -> &str {
        &self.place
    }
}

impl fmt::Display for BreakdownCount<'_> {
    /// "more than 71,200 from the Northern Triangle".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} from {}", self.count, self.place)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::IntermediateRegion;
    use crate::model::Metric;
    use crate::model::{GroupId, Period, StatisticScope};
    use crate::{Country, CountryGroup, Qualifier};

    #[test]
    fn places_read_as_english() {
        let stat = Statistic::new(
            "s".parse().unwrap(),
            Metric::Refugees,
            StatisticScope::World,
            Period::Year(2021),
            "approaching 1,000".parse().unwrap(),
            "src".parse().unwrap(),
        )
        .with_breakdown(Breakdown::new(Area::from(Country::GT), "12.5".parse().unwrap()))
        .with_breakdown(Breakdown::new(Area::World, "100".parse().unwrap()).qualified(Qualifier::UpTo))
        .with_breakdown(Breakdown::new(
            Area::from(IntermediateRegion::CentralAmerica),
            "33".parse().unwrap(),
        ))
        .with_breakdown(Breakdown::new(
            Area::Group(GroupId::new("andean").unwrap()),
            "10".parse().unwrap(),
        ));
        let andean = CountryGroup::new("andean", "Andean Community", [Country::PE]).unwrap();
        let dossier = Dossier::new().with(andean).with(stat);
        let lines: Vec<String> = BreakdownCount::all(&dossier)
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            lines,
            [
                "approaching 125 from Guatemala",
                "fewer than 1,000 from the world",
                "approaching 330 from Central America",
                "approaching 100 from the Andean Community",
            ]
        );
    }
}
