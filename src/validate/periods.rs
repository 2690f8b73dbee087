//! Periods: every term, leg and statistic range starts before it ends,
//! legs are in travel order, and meetings fall within their trip.

use super::{at, Index, Rule, Violation};
use crate::model::{EventStatus, Leg, Period};
use crate::{Dossier, Trip};

pub(super) fn check(d: &Dossier, index: &Index<'_>, out: &mut Vec<Violation>) {
    for (i, l) in d.leaders().iter().enumerate() {
        for (k, t) in l.terms().iter().enumerate() {
            if let Some(end) = t.end().filter(|&end| end < t.start()) {
                out.push(Violation::new(
                    Rule::TermEndsBeforeStart,
                    at("leaders", i).field("terms").index(k).field("end"),
                    format!(
                        "term of `{}` as {} ends on {end}, before it starts on {}",
                        l.id(),
                        crate::Excerpt::new(&t.role().to_string()),
                        t.start()
                    ),
                ));
            }
        }
    }
    for (i, trip) in d.trips().iter().enumerate() {
        let legs = trip.legs();
        for (k, leg) in legs.iter().enumerate() {
            let path = || at("trips", i).field("legs").index(k);
            if let Some(dep) = leg.departure().filter(|&dep| dep < leg.arrival()) {
                out.push(Violation::new(
                    Rule::LegDepartsBeforeArrival,
                    path().field("departure"),
                    format!(
                        "leg in {} departs on {dep}, before it arrives on {}",
                        leg.country().common_name(),
                        leg.arrival()
                    ),
                ));
            }
            let previous = k.checked_sub(1).and_then(|p| legs.get(p));
            if let Some(prev) = previous {
                if !is_reversed(prev) && !is_reversed(leg) && leg.arrival() < prev.last_day() {
                    out.push(Violation::new(
                        Rule::LegsOutOfOrder,
                        path().field("arrival"),
                        format!(
                            "leg in {} arrives on {}, before the leg before it, in {}, ends on {}",
                            leg.country().common_name(),
                            leg.arrival(),
                            prev.country().common_name(),
                            prev.last_day()
                        ),
                    ));
                }
            }
        }
    }
    for (i, s) in d.statistics().iter().enumerate() {
        if let Period::Range { start, end } = *s.period() {
            if end < start {
                out.push(Violation::new(
                    Rule::PeriodEndsBeforeStart,
                    at("statistics", i).field("period").field("range").field("end"),
                    format!(
                        "statistic `{}` covers a range ending on {end}, before it starts on {start}",
                        s.id()
                    ),
                ));
            }
        }
    }
    for (i, m) in d.meetings().iter().enumerate() {
        if let Some(end) = m.stated_end().filter(|end| *end < m.start()) {
            out.push(Violation::new(
                Rule::MeetingEndsBeforeStart,
                at("meetings", i).field("end"),
                format!("meeting `{}` ends on {end}, before it starts on {}", m.id(), m.start()),
            ));
        }
        let Some(trip) = m.trip().and_then(|t| index.trip(t.as_str())) else {
            continue;
        };
        if has_reversed_leg(trip) {
            continue; // leg-departs-before-arrival says what to fix
        }
        // A meeting held nowhere (a call) is not placed on the trip.
        let (day, places) = (m.start(), m.places());
        if places.is_empty() {
            continue;
        }
        let place = PlaceNames(places);
        // A meeting that is to happen, or did, needs a leg that is too; a
        // cancelled meeting may have been on a cancelled leg.
        let meeting_cancelled = m.status() == EventStatus::Cancelled;
        let mut legs = trip
            .legs()
            .iter()
            .filter(|l| meeting_cancelled || l.status() != EventStatus::Cancelled);
        if legs.clone().any(|l| places.contains(&l.country()) && l.covers(day)) {
            continue;
        }
        let cancelled_there = trip
            .legs()
            .iter()
            .any(|l| l.status() == EventStatus::Cancelled && places.contains(&l.country()) && l.covers(day));
        let message = match (legs.find(|l| l.covers(day)), trip.start(), trip.end()) {
            _ if cancelled_there => format!(
                "meeting in {place} on {day} is on trip `{}`, whose leg in {place} that day was cancelled",
                trip.id(),
            ),
            (Some(elsewhere), _, _) => format!(
                "meeting in {place} on {day} is on trip `{}`, which is in {} that day",
                trip.id(),
                elsewhere.country().common_name()
            ),
            (None, Some(start), Some(end)) => format!(
                "meeting in {place} on {day} is on trip `{}`, which runs {start} to {end} with no leg in {place} that day",
                trip.id(),
            ),
            _ => format!("meeting on {day} is on trip `{}`, which has no legs", trip.id()),
        };
        out.push(Violation::new(
            Rule::MeetingOutsideTrip,
            at("meetings", i).field("start"),
            message,
        ));
    }
}

/// A meeting's places by their everyday names: "Guatemala", "Guatemala or
/// Mexico".
struct PlaceNames<'a>(&'a [crate::Country]);

impl std::fmt::Display for PlaceNames<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, c) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" or ")?;
            }
            f.write_str(c.common_name())?;
        }
        Ok(())
    }
}

/// Whether a leg departs before it arrives.
fn is_reversed(leg: &Leg) -> bool {
    leg.departure().is_some_and(|dep| dep < leg.arrival())
}

/// Whether any leg of the trip departs before it arrives.
pub(super) fn has_reversed_leg(trip: &Trip) -> bool {
    trip.legs().iter().any(is_reversed)
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::{found, leader};

    fn trip(legs: &str) -> String {
        format!(
            r#""leaders": [{}], "trips": [{{"id": "t", "traveller": "h", "legs": [{legs}], "source": "s"}}]"#,
            leader("h", "vice-president", "US", "2021-01-20", None)
        )
    }

    #[test]
    fn a_leg_may_start_the_day_the_previous_one_ends() {
        let legs = r#"{"country": "GT", "arrival": "2021-06-06", "departure": "2021-06-07", "status": "happened"},
                      {"country": "MX", "arrival": "2021-06-07", "status": "happened"},
                      {"country": "HN", "arrival": "2021-06-07", "status": "happened"}"#;
        assert!(found(&trip(legs)).is_empty());
        let legs = r#"{"country": "GT", "arrival": "2021-06-06", "departure": "2021-06-07", "status": "happened"},
                      {"country": "MX", "arrival": "2021-06-06", "status": "happened"}"#;
        assert_eq!(found(&trip(legs)), ["legs-out-of-order /trips/0/legs/1/arrival"]);
    }

    #[test]
    fn a_reversed_leg_is_reported_once() {
        // Neither ordered against its neighbour nor used to place the meeting.
        let legs = r#"{"country": "GT", "arrival": "2021-05-06", "departure": "2021-05-07", "status": "happened"},
                      {"country": "MX", "arrival": "2021-05-08", "departure": "2021-05-01", "status": "happened"}"#;
        let lists = format!(
            r#"{}, "meetings": [{{"id": "m", "trip": "t", "date": "2021-05-05", "place": "MX", "kind": "call", "status": "happened", "source": "s"}}]"#,
            trip(legs)
        );
        assert_eq!(found(&lists), ["leg-departs-before-arrival /trips/0/legs/1/departure"]);
    }

    #[test]
    fn a_meeting_needs_a_leg_in_its_country_on_its_day() {
        let legs = r#"{"country": "GT", "arrival": "2021-06-06", "departure": "2021-06-07", "status": "happened"}"#;
        let meeting = |day: &str, place: &str| {
            format!(
                r#"{}, "meetings": [{{"id": "m", "trip": "t", "date": "{day}", "place": "{place}", "kind": "call", "status": "happened", "source": "s"}}]"#,
                trip(legs)
            )
        };
        assert!(found(&meeting("2021-06-07", "GT")).is_empty());
        assert_eq!(
            found(&meeting("2021-06-07", "MX")),
            ["meeting-outside-trip /meetings/0/start"]
        );
        assert_eq!(
            found(&meeting("2021-06-05", "GT")),
            ["meeting-outside-trip /meetings/0/start"]
        );
        assert_eq!(found(&trip("")).len(), 0);
    }

    #[test]
    fn a_cancelled_leg_covers_only_a_cancelled_meeting() {
        let legs = r#"{"country": "GT", "arrival": "2021-06-06", "departure": "2021-06-07", "status": "cancelled"}"#;
        let meeting = |status: &str| {
            format!(
                r#"{}, "meetings": [{{"id": "m", "trip": "t", "date": "2021-06-07", "place": "GT", "kind": "call", "status": "{status}", "source": "s"}}]"#,
                trip(legs)
            )
        };
        assert!(found(&meeting("cancelled")).is_empty());
        for status in ["happened", "planned"] {
            assert_eq!(
                found(&meeting(status)),
                ["meeting-outside-trip /meetings/0/start"],
                "{status}"
            );
        }
    }

    #[test]
    fn ranges_of_one_day_are_fine() {
        let stat = |start: &str, end: &str| {
            format!(
                r#""statistics": [{{"id": "x", "metric": "refugees", "scope": "world", "period": {{"range": {{"start": "{start}", "end": "{end}"}}}}, "count": "5", "source": "s"}}]"#
            )
        };
        assert!(found(&stat("2021-01-01", "2021-01-01")).is_empty());
        assert_eq!(
            found(&stat("2021-01-02", "2021-01-01")),
            ["period-ends-before-start /statistics/0/period/range/end"]
        );
    }
}
