//! Reported pairs: "$310m (£219m)" agrees at the reference rate of the
//! date the source reported it.

use super::{at, Index, Rule, Violation};
use crate::fx::{check_reported, FxError, RateSource};
use crate::Dossier;

pub(super) fn check<R: RateSource + ?Sized>(d: &Dossier, index: &Index<'_>, rates: &R, out: &mut Vec<Violation>) {
    for (i, f) in d.funding().iter().enumerate() {
        if f.reported_as().is_empty() {
            continue;
        }
        let path = |k: usize| at("funding", i).field("reported_as").index(k);
        let Some(primary) = f.amount() else {
            for (k, reported) in f.reported_as().iter().enumerate() {
                out.push(Violation::new(
                    Rule::ReportedPairUnchecked,
                    path(k),
                    format!(
                        "cannot check {reported:#} reported for funding `{}`: the funding gives no amount",
                        f.id()
                    ),
                ));
            }
            continue;
        };
        // Without a date there is no rate to check at; `unknown-source`
        // reports the missing source.
        let Some(day) = index.report_date(f.source(), f.reported()) else {
            continue;
        };
        for (k, &reported) in f.reported_as().iter().enumerate() {
            // A qualified amount is checked at the figure it states (the
            // pair converts that figure); a range states no one figure.
            if primary.as_range().is_some() {
                out.push(Violation::new(
                    Rule::ReportedPairUnchecked,
                    path(k),
                    format!(
                        "cannot check {reported:#} against {primary:#} for funding `{}` on {day}: the amount is a range",
                        f.id()
                    ),
                ));
                continue;
            }
            match check_reported(primary.value(), reported, day, rates) {
                Ok(pair) if pair.is_consistent() => {}
                Ok(pair) => out.push(Violation::new(
                    Rule::ReportedPairInconsistent,
                    path(k),
                    format!("funding `{}`: {pair}", f.id()),
                )),
                Err(e) => {
                    let why = match e {
                        FxError::UncheckablePair { reason, .. } => reason.to_string(),
                        other => other.to_string(),
                    };
                    out.push(Violation::new(
                        Rule::ReportedPairUnchecked,
                        path(k),
                        format!(
                            "cannot check {reported:#} against {primary:#} for funding `{}` on {day}: {why}",
                            f.id()
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::super::tests_support::{found, found_with};
    use crate::fx::RateTable;
    use crate::{Currency, NaiveDate};

    fn funding(amount: &str, reported: &str, extra: &str) -> String {
        format!(
            r#""funding": [{{"id": "f", "donor": "US", "stage": "announced"{amount}, "reported_as": [{reported}], "source": "s"{extra}}}]"#
        )
    }

    fn table() -> RateTable {
        let mut t = RateTable::named("T");
        let day = NaiveDate::from_ymd_opt(2021, 6, 4).unwrap();
        t.insert(day, Currency::USD, Currency::GTQ, Decimal::new(77237, 4))
            .unwrap();
        t
    }

    const USD: &str = r#", "amount": {"amount": "100000000", "currency": "USD"}"#;

    /// What validation finds on a funding of `amount` reported as `gtq`
    /// quetzales, checked at the rates of [`table`].
    fn found_gtq(amount: &str, gtq: &str, extra: &str) -> Vec<String> {
        let reported = format!(r#"{{"amount": "{gtq}", "currency": "GTQ"}}"#);
        found_with(&funding(amount, &reported, extra), &table())
    }

    const INCONSISTENT: [&str; 1] = ["reported-pair-inconsistent /funding/0/reported_as/0"];

    #[test]
    fn checked_at_the_rate_of_the_report_within_the_tolerance() {
        // USD 100m is GTQ 772.37m: GTQ 772m is 0.05% off, rounding slack 0.06% + 1%.
        assert!(found_gtq(USD, "772000000", "").is_empty());
        // GTQ 750m is 2.9% off, beyond its rounding slack of 0.67% + 1%.
        assert_eq!(found_gtq(USD, "750000000", ""), INCONSISTENT);
        // Reported a week later than the table's rate: too stale, so unchecked.
        assert_eq!(
            found_gtq(USD, "772000000", r#", "reported": "2021-06-12""#),
            ["reported-pair-unchecked /funding/0/reported_as/0"]
        );
    }

    #[test]
    fn an_approximate_amount_is_checked_at_its_figure_a_range_is_not() {
        let about = r#", "amount": {"amount": "100000000", "currency": "USD", "qualifier": "about"}"#;
        assert!(found_gtq(about, "772000000", "").is_empty());
        assert_eq!(found_gtq(about, "750000000", ""), INCONSISTENT);
        let range = r#", "amount": {"between": ["90000000", "100000000"], "currency": "USD"}"#;
        let lists = funding(range, r#"{"amount": "772000000", "currency": "GTQ"}"#, "");
        assert_eq!(
            super::super::tests_support::messages(&lists),
            [
                "reported-pair-unchecked /funding/0/reported_as/0: cannot check GTQ 772,000,000 against between USD \
              90,000,000 and USD 100,000,000 for funding `f` on 2021-06-07: the amount is a range"
            ]
        );
    }

    #[test]
    fn what_cannot_be_checked_is_a_warning() {
        let unchecked = ["reported-pair-unchecked /funding/0/reported_as/0"];
        let no_amount = funding("", r#"{"amount": "5", "currency": "GBP"}"#, "");
        assert_eq!(found(&no_amount), unchecked);
        let zero = funding(
            r#", "amount": {"amount": "0", "currency": "USD"}"#,
            r#"{"amount": "5", "currency": "GTQ"}"#,
            "",
        );
        assert_eq!(found_with(&zero, &table()), unchecked);
        let no_rate = funding(USD, r#"{"amount": "5", "currency": "GBP"}"#, "");
        assert_eq!(found_with(&no_rate, &table()), unchecked);
        // An unknown source leaves no date to check at: only the source is reported.
        let lost =
            funding(USD, r#"{"amount": "5", "currency": "GTQ"}"#, "").replace(r#""source": "s""#, r#""source": "t""#);
        assert_eq!(found_with(&lost, &table()), ["unknown-source /funding/0/source"]);
    }
}
