//! `docs/RULES.md` lists every rule, with the id, severity, summary and
//! IATI rule the code gives it, and nothing else.

use statecraft::Rule;

const RULES: &str = include_str!("../../docs/RULES.md");

#[test]
fn every_rule_has_its_row() {
    for rule in Rule::iter() {
        let row = format!(
            "| `{}` | {} | {} | {} |",
            rule.id(),
            rule.severity(),
            rule.summary(),
            rule.iati().unwrap_or("—")
        );
        assert!(RULES.lines().any(|l| l == row), "docs/RULES.md lacks the row\n{row}");
    }
}

#[test]
fn every_row_is_a_rule() {
    let rows: Vec<&str> = RULES
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| l.trim_start_matches("| `").split('`').next().unwrap())
        .collect();
    assert_eq!(rows.len(), Rule::iter().count());
    for id in rows {
        assert!(
            id.parse::<Rule>().is_ok(),
            "docs/RULES.md lists `{id}`, which is no rule"
        );
    }
}
