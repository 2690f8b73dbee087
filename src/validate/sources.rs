//! Sources: every fact cites a source that exists, and is not dated after
//! the source reported it unless it was still to come.

use chrono::NaiveDate;

use super::{Index, Rule, Violation};
use crate::model::{EventStatus, FactRef, FieldPath, SourceId};
use crate::{Dossier, Excerpt, FundingStage};

pub(super) fn check(d: &Dossier, index: &Index<'_>, out: &mut Vec<Violation>) {
    for (path, fact) in d.facts() {
        let source = fact.source();
        let Some(published) = index.published(source) else {
            out.push(Violation::new(
                Rule::UnknownSource,
                path.field("source"),
                format!(
                    "{} `{}` cites source `{source}`, which is not a source of the dossier",
                    fact.kind(),
                    fact.id()
                ),
            ));
            continue;
        };
        let reported = Reported {
            source,
            published,
            reported: fact.reported(),
        };
        // Paths and messages are built only for a violation.
        let mut late = |date: NaiveDate, at: &dyn Fn() -> (FieldPath, String)| {
            if date > reported.date() {
                let (path, what) = at();
                out.push(Violation::new(
                    Rule::FactAfterSource,
                    path,
                    format!("{what} {date}, after {}", reported.describe()),
                ));
            }
        };
        match fact {
            FactRef::Leader(l) => {
                // A term's end after the source's date is the end it was
                // scheduled to have (a fixed inauguration day), not a fact
                // after the source: only starts are checked.
                for (k, t) in l.terms().iter().enumerate() {
                    late(t.start(), &|| {
                        let role = Excerpt::new(&t.role().to_string());
                        let what = format!("the term of `{}` as {role} starts on", l.id());
                        (path.clone().field("terms").index(k).field("start"), what)
                    });
                }
            }
            FactRef::Trip(t) => {
                for (k, leg) in t.legs().iter().enumerate() {
                    if leg.status() == EventStatus::Happened {
                        late(leg.arrival(), &|| {
                            let what = format!("trip `{}` arrived in {} on", t.id(), leg.country().common_name());
                            (path.clone().field("legs").index(k).field("arrival"), what)
                        });
                    }
                }
            }
            FactRef::Meeting(m) => {
                if m.status() == EventStatus::Happened {
                    late(m.start(), &|| {
                        (path.clone().field("start"), format!("meeting `{}` happened on", m.id()))
                    });
                }
            }
            FactRef::Initiative(x) => {
                if let (false, Some(day)) = (fact.is_planned(), x.announced()) {
                    late(day, &|| {
                        (
                            path.clone().field("announced"),
                            format!("initiative `{}` was announced on", x.id()),
                        )
                    });
                }
            }
            FactRef::Funding(f) => {
                if let (false, Some(day)) = (f.stage() == FundingStage::Proposed, f.announced()) {
                    late(day, &|| {
                        (
                            path.clone().field("announced"),
                            format!("funding `{}` was announced on", f.id()),
                        )
                    });
                }
            }
            FactRef::VaccinePledge(p) => late(p.announced(), &|| {
                (
                    path.clone().field("announced"),
                    format!("pledge `{}` was announced on", p.id()),
                )
            }),
            FactRef::VaccineAllocation(a) => {
                if let Some(day) = a.date() {
                    late(day, &|| {
                        (path.clone().field("date"), format!("allocation `{}` is dated", a.id()))
                    });
                }
            }
            FactRef::Statistic(s) => {
                if let Some(end) = s.period().end() {
                    late(end, &|| {
                        let what = format!("statistic `{}` covers {}, which ends on", s.id(), s.period());
                        (path.clone().field("period"), what)
                    });
                }
            }
        }
    }
}

/// When a fact was reported: its own `reported` date, else its source's
/// publication date.
struct Reported<'a> {
    source: &'a SourceId,
    published: NaiveDate,
    reported: Option<NaiveDate>,
}

impl Reported<'_> {
    fn date(&self) -> NaiveDate {
        self.reported.unwrap_or(self.published)
    }

    fn describe(&self) -> String {
        match self.reported {
            Some(day) => format!("its source `{}` reported it on {day}", self.source),
            None => format!("its source `{}` was published on {}", self.source, self.published),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::found;

    fn meeting(day: &str, status: &str, reported: &str) -> String {
        format!(
            r#""meetings": [{{"id": "m", "date": "{day}", "place": "GT", "kind": "call", "status": "{status}", "source": "s"{reported}}}]"#
        )
    }

    #[test]
    fn what_was_still_to_come_may_follow_its_source() {
        assert!(found(&meeting("2021-06-07", "happened", "")).is_empty());
        assert_eq!(
            found(&meeting("2021-06-08", "happened", "")),
            ["fact-after-source /meetings/0/start"]
        );
        assert!(found(&meeting("2021-06-08", "planned", "")).is_empty());
        assert!(found(&meeting("2021-06-08", "cancelled", "")).is_empty());
        let proposed =
            r#""funding": [{"id": "f", "donor": "US", "stage": "proposed", "announced": "2021-07-01", "source": "s"}]"#;
        assert!(found(proposed).is_empty());
        let announced = proposed.replace("proposed", "announced");
        assert_eq!(found(&announced), ["fact-after-source /funding/0/announced"]);
    }

    #[test]
    fn a_reported_date_stands_for_the_source_date() {
        let later = r#", "reported": "2021-06-09""#;
        assert!(found(&meeting("2021-06-09", "happened", later)).is_empty());
        assert_eq!(
            found(&meeting("2021-06-10", "happened", later)),
            ["fact-after-source /meetings/0/start"]
        );
        let earlier = r#", "reported": "2021-06-01""#;
        assert_eq!(
            found(&meeting("2021-06-05", "happened", earlier)),
            ["fact-after-source /meetings/0/start"]
        );
    }

    #[test]
    fn a_term_may_be_scheduled_to_end_after_its_source() {
        let leader = |start: &str, end: &str| {
            format!(
                r#""leaders": [{{"id": "h", "name": "H", "terms": [{{"office": "vice-president", "country": "US", "start": "{start}", "end": "{end}"}}], "source": "s"}}]"#
            )
        };
        // The source is of 2021-06-07: a term ending in 2025 was scheduled to.
        assert!(found(&leader("2021-01-20", "2025-01-20")).is_empty());
        assert!(found(&leader("2021-01-20", "2021-06-07")).is_empty());
        assert_eq!(
            found(&leader("2021-06-08", "2025-01-20")),
            ["fact-after-source /leaders/0/terms/0/start"]
        );
    }

    #[test]
    fn a_statistic_ends_with_its_period() {
        let stat = |period: &str| {
            format!(
                r#""statistics": [{{"id": "x", "metric": "refugees", "scope": "world", "period": {period}, "count": "5", "source": "s"}}]"#
            )
        };
        assert!(found(&stat(r#"{"through": "2021-06-07"}"#)).is_empty());
        assert!(found(&stat(r#"{"month": "2021-05"}"#)).is_empty());
        assert_eq!(
            found(&stat(r#"{"month": "2021-06"}"#)),
            ["fact-after-source /statistics/0/period"]
        );
        assert_eq!(
            found(&stat(r#"{"year": 2021}"#)),
            ["fact-after-source /statistics/0/period"]
        );
    }

    #[test]
    fn a_missing_source_is_reported_once() {
        let lists =
            r#""vaccine_pledges": [{"id": "p", "donor": "US", "doses": 5, "announced": "2099-01-01", "source": "t"}]"#;
        assert_eq!(found(lists), ["unknown-source /vaccine_pledges/0/source"]);
    }
}
