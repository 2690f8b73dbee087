//! Amounts of money as reports state them: `Figure<Money>` ("about
//! $4bn", "between £5m and £6m") and `Bounds<Money>`, with their compact
//! notation and JSON form.

use std::ops::Bound;

use rust_decimal::Decimal;

use super::{Currency, DecimalString, Money, PlainDecimal};
use crate::notation::sealed::{Sealed, Side};
use crate::notation::{words, Bounds, Figure, FigureError, Qualifier, Quantity};
use crate::Excerpt;

impl Quantity for Money {}

impl Sealed for Money {
    const COUNTABLE: bool = false;

    fn to_decimal(self) -> Decimal {
        self.amount()
    }

    fn end(self, end: Bound<Decimal>, _: Side) -> Bound<Money> {
        match end {
            Bound::Included(d) => Bound::Included(Money::new(d, self.currency())),
            Bound::Excluded(d) => Bound::Excluded(Money::new(d, self.currency())),
            Bound::Unbounded => Bound::Unbounded,
        }
    }

    fn is_zero(self) -> bool {
        Money::is_zero(self)
    }

    fn same_unit(self, other: Money) -> Result<(), FigureError> {
        if self.currency() == other.currency() {
            Ok(())
        } else {
            Err(FigureError::UnitsDiffer {
                left: Excerpt::new(&format!("{self:#}")),
                right: Excerpt::new(&format!("{other:#}")),
            })
        }
    }

    fn write(self, out: &mut String, alternate: bool) {
        if alternate {
            out.push_str(&format!("{self:#}"));
        } else {
            out.push_str(&self.to_string());
        }
    }
}

impl Figure<Money> {
    /// The currency of the amount (of both ends of a range).
    ///
    /// ```
    /// use statecraft::notation::Figure;
    /// use statecraft::{Currency, Money, Qualifier};
    ///
    /// let f = Figure::new("£219m".parse::<Money>()?, Qualifier::About);
    /// assert_eq!(f.currency(), Currency::GBP);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn currency(&self) -> Currency {
        self.value().currency()
    }

    /// Writes the figure in news notation, each amount as
    /// [`Money::to_compact`] writes it: `$310m`, `about $4bn`, `less than
    /// £5m`, `between $3bn and $4bn`. Display only: compact notation
    /// rounds to four significant digits.
    ///
    /// ```
    /// use statecraft::notation::Figure;
    /// use statecraft::{Money, Qualifier};
    ///
    /// let usd = |s: &str| s.parse::<Money>();
    /// assert_eq!(Figure::exact(usd("$310m")?).to_compact(), "$310m");
    /// assert_eq!(Figure::new(usd("$1bn")?, Qualifier::FewerThan).to_compact(), "less than $1bn");
    /// assert_eq!(Figure::range(usd("$3bn")?, usd("$4bn")?)?.to_compact(), "between $3bn and $4bn");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_compact(&self) -> String {
        match (self.qualifier(), self.as_range()) {
            (_, Some((low, high))) => format!("between {} and {}", low.to_compact(), high.to_compact()),
            (Some(Qualifier::Exact) | None, None) => self.value().to_compact(),
            (Some(q), None) => format!("{} {}", words::<Money>(q), self.value().to_compact()),
        }
    }
}

impl Bounds<Money> {
    /// Writes the bounds in news notation, as their `Display` does but
    /// with each amount as [`Money::to_compact`] writes it: `more than
    /// $1.5bn`, `between $3.5bn and $4.5bn`. Display only: compact
    /// notation rounds to four significant digits.
    ///
    /// ```
    /// use statecraft::notation::Figure;
    /// use statecraft::{Money, Qualifier};
    ///
    /// let about = Figure::new("$4bn".parse::<Money>()?, Qualifier::About);
    /// let total = about.bounds().checked_add(Figure::exact("$310m".parse::<Money>()?).bounds())?;
    /// assert_eq!(total.to_compact(), "between $3.81bn and $4.81bn");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_compact(&self) -> String {
        // The bounds' own words, with each amount in compact notation: the
        // amounts are the only parts of `Display` that hold digits.
        let mut text = self.to_string();
        for end in [self.low(), self.high()] {
            if let Bound::Included(m) | Bound::Excluded(m) = end {
                text = text.replacen(&m.to_string(), &m.to_compact(), 1);
            }
        }
        text
    }
}

/// The JSON form of an amount as reported: a Money object, with a
/// `qualifier` when not exact, or a range in `between`.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(
    deny_unknown_fields,
    rename = "Money",
    bound(deserialize = "A: serde::Deserialize<'de>")
)]
struct FigureRepr<A> {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount: Option<A>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    between: Option<(A, A)>,
    currency: Currency,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    qualifier: Option<Qualifier>,
}

impl serde::Serialize for Figure<Money> {
    /// `{"amount": "310000000", "currency": "USD"}` as [`Money`] for an
    /// exact amount; with `"qualifier": "about"` (the qualifier's
    /// kebab-case name) for a qualified one; `{"between": ["3000000000",
    /// "4000000000"], "currency": "USD"}` for a range.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let repr = match (self.as_range(), self.qualifier()) {
            (Some((low, high)), _) => FigureRepr {
                amount: None,
                between: Some((DecimalString(low.amount()), DecimalString(high.amount()))),
                currency: self.currency(),
                qualifier: None,
            },
            (None, q) => FigureRepr {
                amount: Some(DecimalString(self.value().amount())),
                between: None,
                currency: self.currency(),
                qualifier: q.filter(|q| *q != Qualifier::Exact),
            },
        };
        repr.serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Figure<Money> {
    /// Reads what `Serialize` writes: a [`Money`] object, with an optional
    /// `qualifier` (`"exact"` is the same as none), or a range in
    /// `between` with no qualifier. Amounts are plain decimals in strings,
    /// as for [`Money`]. An object only: an array is refused.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Figure<Money>, D::Error> {
        const FIELDS: &[&str] = &["amount", "between", "currency", "qualifier"];
        d.deserialize_struct("Money", FIELDS, FigureVisitor)
    }
}

/// Reads the object, then checks that its fields make one figure, within
/// the visitor, so that an error has the place of the object.
struct FigureVisitor;

impl<'de> serde::de::Visitor<'de> for FigureVisitor {
    type Value = Figure<Money>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("struct Money")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Figure<Money>, A::Error> {
        use serde::de::Error;
        use serde::Deserialize;
        let repr = FigureRepr::<PlainDecimal>::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
        let money = |a: PlainDecimal| Money::new(a.0, repr.currency);
        match (repr.amount, repr.between, repr.qualifier) {
            (Some(a), None, q) => Ok(Figure::new(money(a), q.unwrap_or_default())),
            (None, Some((low, high)), None | Some(Qualifier::Exact)) => {
                Figure::range(money(low), money(high)).map_err(A::Error::custom)
            }
            (None, Some(_), Some(q)) => Err(A::Error::custom(format_args!(
                "a range (`between`) takes no qualifier, and this one has `{}`",
                q.as_str()
            ))),
            (Some(_), Some(_), _) => Err(A::Error::custom(
                "an amount is either `amount` or a range in `between`, not both",
            )),
            (None, None, _) => Err(A::Error::missing_field("amount")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd(s: &str) -> Money {
        s.parse().unwrap()
    }

    #[test]
    fn json_forms_round_trip() {
        let cases = [
            (
                Figure::exact(usd("USD 310000000")),
                r#"{"amount":"310000000","currency":"USD"}"#,
            ),
            (
                Figure::new(usd("USD 4000000000"), Qualifier::About),
                r#"{"amount":"4000000000","currency":"USD","qualifier":"about"}"#,
            ),
            (
                Figure::new(usd("USD 1.50"), Qualifier::JustOver),
                r#"{"amount":"1.50","currency":"USD","qualifier":"just-over"}"#,
            ),
            (
                Figure::range(usd("USD 3000000000"), usd("USD 4000000000")).unwrap(),
                r#"{"between":["3000000000","4000000000"],"currency":"USD"}"#,
            ),
        ];
        for (figure, json) in cases {
            assert_eq!(serde_json::to_string(&figure).unwrap(), json);
            let back: Figure<Money> = serde_json::from_str(json).unwrap();
            assert_eq!(back, figure);
        }
        let exact: Figure<Money> =
            serde_json::from_str(r#"{"amount":"5","currency":"USD","qualifier":"exact"}"#).unwrap();
        assert_eq!(exact, Figure::exact(usd("USD 5")));
    }

    #[test]
    fn json_errors_are_pinned() {
        let cases = [
            (
                r#"{"currency":"USD","qualifier":"about"}"#,
                "missing field `amount` at line 1 column 38",
            ),
            (
                r#"{"amount":"5","between":["1","2"],"currency":"USD"}"#,
                "an amount is either `amount` or a range in `between`, not both at line 1 column 51",
            ),
            (
                r#"{"between":["1","2"],"currency":"USD","qualifier":"about"}"#,
                "a range (`between`) takes no qualifier, and this one has `about` at line 1 column 58",
            ),
            (
                r#"{"between":["5000000","3000000"],"currency":"USD"}"#,
                "invalid bounds from USD 5,000,000 to USD 3,000,000: the low end is above the high end at line 1 column 50",
            ),
            (
                r#"{"between":["5"],"currency":"USD"}"#,
                "invalid length 1, expected a tuple of size 2 at line 1 column 16",
            ),
            (
                r#"{"amount":"5","currency":"USD","qualifier":"around"}"#,
                "unknown variant `around`, expected one of `exact`, `more-than`, `just-over`, `at-least`, `about`, `approaching`, `fewer-than`, `up-to` at line 1 column 51",
            ),
            (
                r#"["5","USD"]"#,
                "invalid type: sequence, expected struct Money at line 1 column 1",
            ),
            (
                r#"{"amount":"5","currency":"USD","note":"x"}"#,
                "unknown field `note`, expected one of `amount`, `between`, `currency`, `qualifier` at line 1 column 37",
            ),
        ];
        for (json, message) in cases {
            let e = serde_json::from_str::<Figure<Money>>(json).unwrap_err();
            assert_eq!(e.to_string(), message, "{json}");
        }
    }

    #[test]
    fn amounts_read_as_bounds_in_their_currency() {
        let about = Figure::new(usd("$4.5bn"), Qualifier::About).bounds();
        assert_eq!(about.to_string(), "between USD 4450000000 and USD 4550000000");
        assert_eq!(about.to_compact(), "between $4.45bn and $4.55bn");
        let cut = Figure::new(usd("-$5m"), Qualifier::MoreThan).bounds();
        assert_eq!(cut.to_string(), "less than USD -5000000");
        assert!(cut.contains(usd("-$6m")) && !cut.contains(usd("-$4m")));
        let up_to = Figure::new(usd("$1bn"), Qualifier::UpTo).bounds();
        assert_eq!(up_to.to_compact(), "up to $1bn");
        assert!(!up_to.contains(Money::new(Decimal::ONE, Currency::GBP)));
        let e = about.checked_add(Bounds::exact(Money::new(Decimal::ONE, Currency::GBP)));
        assert_eq!(
            e.unwrap_err().to_string(),
            "cannot combine USD 4,450,000,000 and GBP 1: the currencies differ"
        );
        // Near the end of a Decimal, the upper end is left open.
        let huge = Figure::new(Money::new(Decimal::MAX, Currency::USD), Qualifier::About).bounds();
        assert_eq!(huge.high(), Bound::Unbounded);
    }
}
