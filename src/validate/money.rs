//! Money: legal tender on the value date, signs by stage, recipient
//! splits that sum to 100, and recipient groups with members.

use rust_decimal::Decimal;

use super::{at, Index, Rule, Violation};
use crate::model::FieldPath;
use crate::{Area, Currency, Dossier, Excerpt, Funding};

/// How far the shares of a split may sum from 100 (IATI rule 3.1.2).
pub(super) const SPLIT_TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

pub(super) fn check(d: &Dossier, index: &Index<'_>, out: &mut Vec<Violation>) {
    for (i, f) in d.funding().iter().enumerate() {
        let path = || at("funding", i);
        legal_tender(f, index, i, out);
        if let Some(m) = f.amount() {
            // The amount stated, or the low end of a range.
            if m.value().is_negative() && !f.stage().allows_negative() {
                let place = match m.as_range() {
                    Some(_) => path().field("amount").field("between").index(0),
                    None => path().field("amount").field("amount"),
                };
                out.push(negative(f, "amount", &format!("{m:#}"), place));
            }
        }
        for (k, m) in f.reported_as().iter().enumerate() {
            if m.is_negative() && !f.stage().allows_negative() {
                let p = path().field("reported_as").index(k).field("amount");
                out.push(negative(f, "reported amount", &format!("{m:#}"), p));
            }
        }
        split(f, i, out);
        for (j, r) in f.recipients().iter().enumerate() {
            let p = || path().field("recipients").index(j).field("area").field("group");
            let what = || format!("receives funding `{}`", f.id());
            if let Some(area) = r.area() {
                empty_group(area, index, what, p, out);
            }
        }
    }
    for (i, p) in d.vaccine_pledges().iter().enumerate() {
        if let Some(area) = p.destination() {
            let path = || at("vaccine_pledges", i).field("destination").field("group");
            let what = || format!("receives the doses of pledge `{}`", p.id());
            empty_group(area, index, what, path, out);
        }
    }
}

/// The amount's currency on the value date, and each reported amount's on
/// the date the source reported it.
fn legal_tender(f: &Funding, index: &Index<'_>, i: usize, out: &mut Vec<Violation>) {
    if let (Some(m), Some(day)) = (f.amount(), f.rate_date()) {
        if !m.currency().is_in_circulation_on(day) {
            let which = if f.value_date().is_some() {
                "value date"
            } else {
                "announcement date"
            };
            out.push(Violation::new(
                Rule::CurrencyNotLegalTender,
                at("funding", i).field("amount").field("currency"),
                format!(
                    "{} was not legal tender on {day}, the {which} of funding `{}`: {}",
                    m.currency(),
                    f.id(),
                    tender_span(m.currency(), day)
                ),
            ));
        }
    }
    let Some(day) = index.report_date(f.source(), f.reported()) else {
        return;
    };
    for (k, m) in f.reported_as().iter().enumerate() {
        if !m.currency().is_in_circulation_on(day) {
            out.push(Violation::new(
                Rule::CurrencyNotLegalTender,
                at("funding", i).field("reported_as").index(k).field("currency"),
                format!(
                    "{} was not legal tender on {day}, the date funding `{}` was reported: {}",
                    m.currency(),
                    f.id(),
                    tender_span(m.currency(), day)
                ),
            ));
        }
    }
}

/// Why `c` was not in circulation on `day`: "it was first issued on
/// 2022-07-01", "it was withdrawn after 2008-01-31, replaced by EUR from
/// 2008-01-01".
fn tender_span(c: Currency, day: chrono::NaiveDate) -> String {
    match (c.first_day(), c.last_day(), c.replaced_by(), c.changeover()) {
        (Some(first), _, _, _) if day < first => format!("it was first issued on {first}"),
        (_, Some(last), Some(heir), Some(changeover)) => {
            format!("it was withdrawn after {last}, replaced by {heir} from {changeover}")
        }
        (_, Some(last), _, _) => format!("it was withdrawn after {last}"),
        _ => "it has no recorded dates".to_string(),
    }
}

fn negative(f: &Funding, what: &str, value: &str, path: FieldPath) -> Violation {
    Violation::new(
        Rule::NegativeAmount,
        path,
        format!(
            "funding `{}` is {} with a negative {what}, {value}: only reduced or cancelled funding is negative",
            f.id(),
            f.stage()
        ),
    )
}

/// IATI 3.1.2: when a split is given, every recipient has a share and the
/// shares sum to 100 within 0.01.
fn split(f: &Funding, i: usize, out: &mut Vec<Violation>) {
    let recipients = f.recipients();
    if recipients.iter().all(|r| r.share().is_none()) {
        return;
    }
    let mut missing = false;
    for (j, r) in recipients.iter().enumerate() {
        if r.share().is_none() {
            missing = true;
            out.push(Violation::new(
                Rule::ShareMissing,
                at("funding", i).field("recipients").index(j),
                format!(
                    "recipient {} of funding `{}` has no share, while other recipients have one",
                    Excerpt::new(&r.receiver().to_string()),
                    f.id()
                ),
            ));
        }
    }
    if missing {
        return;
    }
    let sum = recipients
        .iter()
        .filter_map(|r| r.share())
        .fold(Decimal::ZERO, |sum, s| sum.saturating_add(s.percent()));
    if sum.saturating_sub(Decimal::ONE_HUNDRED).abs() > SPLIT_TOLERANCE {
        out.push(Violation::new(
            Rule::SharesDoNotSumTo100,
            at("funding", i).field("recipients"),
            format!(
                "the shares of funding `{}` sum to {}%, not 100% (within 0.01)",
                f.id(),
                sum.normalize()
            ),
        ));
    }
}

/// Reports a recipient group with no members; `what` and `path` are
/// called only then.
fn empty_group(
    area: &Area,
    index: &Index<'_>,
    what: impl FnOnce() -> String,
    path: impl FnOnce() -> FieldPath,
    out: &mut Vec<Violation>,
) {
    let Area::Group(id) = area else {
        return;
    };
    if let Some(group) = index.group(id).filter(|g| g.is_empty()) {
        out.push(Violation::new(
            Rule::EmptyRecipientGroup,
            path(),
            format!(
                "group `{id}` ({}) {} but has no members",
                Excerpt::new(group.name()),
                what()
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests_support::found;

    fn split(shares: &[&str]) -> String {
        let recipients: Vec<String> = shares
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let share = if s.is_empty() {
                    String::new()
                } else {
                    format!(r#", "share": "{s}""#)
                };
                format!(r#"{{"area": {{"country": "{}"}}{share}}}"#, ["GT", "HN", "SV"][i])
            })
            .collect();
        format!(
            r#""funding": [{{"id": "f", "donor": "US", "recipients": [{}], "stage": "committed", "source": "s"}}]"#,
            recipients.join(", ")
        )
    }

    #[test]
    fn shares_sum_to_100_within_a_hundredth() {
        assert!(found(&split(&["33.33", "33.33", "33.33"])).is_empty());
        assert!(found(&split(&["33.34", "33.34", "33.33"])).is_empty());
        assert!(found(&split(&["100"])).is_empty());
        assert!(found(&split(&["", "", ""])).is_empty());
        let over = ["shares-do-not-sum-to-100 /funding/0/recipients"];
        assert_eq!(found(&split(&["33.33", "33.33", "33.32"])), over);
        assert_eq!(found(&split(&["50", "50.02"])), over);
        assert_eq!(found(&split(&["0"])), over);
        assert_eq!(
            found(&split(&["60", "", "40"])),
            ["share-missing /funding/0/recipients/1"]
        );
    }

    fn amount(stage: &str, amount: &str, currency: &str, dates: &str) -> String {
        format!(
            r#""funding": [{{"id": "f", "donor": "US", "stage": "{stage}", "amount": {{"amount": "{amount}", "currency": "{currency}"}}{dates}, "source": "s"}}]"#
        )
    }

    #[test]
    fn legal_tender_on_the_value_date_else_the_announcement() {
        let on = |d: &str| format!(r#", "value_date": "{d}""#);
        assert!(found(&amount("committed", "5", "EUR", &on("1999-01-01"))).is_empty());
        let wrong = ["currency-not-legal-tender /funding/0/amount/currency"];
        assert_eq!(found(&amount("committed", "5", "EUR", &on("1998-12-31"))), wrong);
        // Kuna and euro circulated together from 2023-01-01 to 2023-01-14.
        assert!(found(&amount("committed", "5", "HRK", &on("2023-01-14"))).is_empty());
        assert_eq!(found(&amount("committed", "5", "HRK", &on("2023-01-15"))), wrong);
        // The redenominated leone from 2022-07-01 only.
        assert_eq!(found(&amount("committed", "5", "SLE", &on("2021-06-07"))), wrong);
        assert!(found(&amount("committed", "5", "SLL", &on("2021-06-07"))).is_empty());
        let announced = r#", "announced": "2008-02-01""#;
        assert_eq!(found(&amount("committed", "5", "CYP", announced)), wrong);
        let both = r#", "announced": "2008-02-01", "value_date": "2008-01-31""#;
        assert!(found(&amount("committed", "5", "CYP", both)).is_empty());
        // Without a date there is nothing to check against.
        assert!(found(&amount("committed", "5", "CYP", "")).is_empty());
    }

    #[test]
    fn a_range_below_zero_is_negative_at_its_low_end() {
        let lists = r#""funding": [{"id": "f", "donor": "US", "stage": "committed", "amount": {"between": ["-5", "10"], "currency": "USD"}, "source": "s"}]"#;
        assert_eq!(
            super::super::tests_support::messages(lists),
            ["negative-amount /funding/0/amount/between/0: funding `f` is committed with a negative amount, between \
              USD -5 and USD 10: only reduced or cancelled funding is negative"]
        );
        let about = r#""funding": [{"id": "f", "donor": "US", "stage": "committed", "amount": {"amount": "-5", "currency": "USD", "qualifier": "about"}, "source": "s"}]"#;
        assert_eq!(found(about), ["negative-amount /funding/0/amount/amount"]);
    }

    #[test]
    fn only_reductions_and_cancellations_are_negative() {
        for stage in ["reduced", "cancelled"] {
            assert!(found(&amount(stage, "-5", "USD", "")).is_empty(), "{stage}");
        }
        for stage in ["proposed", "announced", "pledged", "committed", "disbursed"] {
            assert_eq!(
                found(&amount(stage, "-5", "USD", "")),
                ["negative-amount /funding/0/amount/amount"],
                "{stage}"
            );
            assert!(found(&amount(stage, "-0", "USD", "")).is_empty(), "{stage}");
        }
    }
}
