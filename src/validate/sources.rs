//! Sources: every fact cites a source that exists, and is not dated after
//! the source reported it unless it was still to come.

use chrono::NaiveDate;

use super::{Index, Rule, Violation};
use crate::{Dossier, EventStatus, Excerpt, FactRef, FieldPath, FundingStage, SourceId};

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
        let mut late = |path: FieldPath, what: String, date: NaiveDate| {
            if date > reported.date() {
                out.push(Violation::new(
                    Rule::FactAfterSource,
                    path,
                    format!("{what} {date}, after {}", reported.describe()),
                ));
            }
        };
        match fact {
            FactRef::Leader(l) => {
                let latest = l
                    .terms()
                    .iter()
                    .enumerate()
                    .filter_map(|(k, t)| t.end().map(|end| (end, k, t)))
                    .max_by_key(|(end, _, _)| *end);
                if let Some((end, k, t)) = latest {
                    let what = format!(
                        "the term of `{}` as {} ends on",
                        l.id(),
                        Excerpt::new(&t.role().to_string())
                    );
                    late(path.field("terms").index(k).field("end"), what, end);
                }
            }
            FactRef::Trip(t) => {
                for (k, leg) in t.legs().iter().enumerate() {
                    if leg.status() == EventStatus::Happened {
                        let what = format!("trip `{}` arrived in {} on", t.id(), leg.country().common_name());
                        late(
                            path.clone().field("legs").index(k).field("arrival"),
                            what,
                            leg.arrival(),
                        );
                    }
                }
            }
            FactRef::Meeting(m) => {
                if m.status() == EventStatus::Happened {
                    late(
                        path.field("date"),
                        format!("meeting `{}` happened on", m.id()),
                        m.date(),
                    );
                }
            }
            FactRef::Initiative(x) => {
                if let (false, Some(day)) = (fact.is_planned(), x.announced()) {
                    late(
                        path.field("announced"),
                        format!("initiative `{}` was announced on", x.id()),
                        day,
                    );
                }
            }
            FactRef::Funding(f) => {
                if let (false, Some(day)) = (f.stage() == FundingStage::Proposed, f.announced()) {
                    late(
                        path.field("announced"),
                        format!("funding `{}` was announced on", f.id()),
                        day,
                    );
                }
            }
            FactRef::VaccinePledge(p) => late(
                path.field("announced"),
                format!("pledge `{}` was announced on", p.id()),
                p.announced(),
            ),
            FactRef::VaccineAllocation(a) => {
                if let Some(day) = a.date() {
                    late(path.field("date"), format!("allocation `{}` is dated", a.id()), day);
                }
            }
            FactRef::Statistic(s) => {
                if let Some(end) = s.period().end() {
                    let what = format!("statistic `{}` covers {}, which ends on", s.id(), s.period());
                    late(path.field("period"), what, end);
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
