//! The numerals of news copy: `310`, `1,234.56`, `4.5 billion`, `25m`.

use crate::grammar::decimal::DECIMAL_MAX_MANTISSA;
pub(crate) use crate::grammar::decimal::{numeral, Grouping, Numeral};
use crate::DecimalErrorKind;

/// A magnitude word or suffix: `k`, `m`, `bn`, `trillion`, ...
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Magnitude {
    Thousand,
    Million,
    Billion,
    Trillion,
}

impl Magnitude {
    /// The power of ten (short scale).
    pub(crate) const fn exponent(self) -> u32 {
        match self {
            Magnitude::Thousand => 3,
            Magnitude::Million => 6,
            Magnitude::Billion => 9,
            Magnitude::Trillion => 12,
        }
    }

    /// The suffix that compact notation prints.
    pub(crate) const fn suffix(self) -> &'static str {
        match self {
            Magnitude::Thousand => "k",
            Magnitude::Million => "m",
            Magnitude::Billion => "bn",
            Magnitude::Trillion => "tn",
        }
    }
}

/// Reads an optional magnitude at the start of `s` (after optional
/// whitespace): `k`, `thousand`, `m`, `mn`, `mln`, `million`, `bn`, `bln`,
/// `billion`, `tn`, `trillion` (and plurals), in any case. A magnitude must end the word:
/// the `m` of `MXN` is not one.
pub(crate) fn magnitude(s: &str) -> Option<(Magnitude, &str)> {
    let t = s.trim_start();
    let end = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
    let (word, rest) = t.split_at(end);
    const WORDS: [(&str, Magnitude); 14] = [
        ("k", Magnitude::Thousand),
        ("thousand", Magnitude::Thousand),
        ("m", Magnitude::Million),
        ("mn", Magnitude::Million),
        ("mln", Magnitude::Million),
        ("million", Magnitude::Million),
        ("millions", Magnitude::Million),
        ("bn", Magnitude::Billion),
        ("bln", Magnitude::Billion),
        ("billion", Magnitude::Billion),
        ("billions", Magnitude::Billion),
        ("tn", Magnitude::Trillion),
        ("trillion", Magnitude::Trillion),
        ("trillions", Magnitude::Trillion),
    ];
    let m = WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, m)| *m)?;
    Some((m, rest))
}

impl Numeral {
    /// Multiplies by the magnitude, exactly: `4.5` billion is
    /// `4500000000` (scale 0), `1.234567891` million is `1234567.891`.
    pub(crate) fn scaled(self, m: Magnitude) -> Result<Numeral, DecimalErrorKind> {
        let e = m.exponent();
        if self.scale >= e {
            return Ok(Numeral {
                mantissa: self.mantissa,
                scale: self.scale - e,
            });
        }
        let factor = 10u128.pow(e - self.scale);
        let mantissa = self
            .mantissa
            .checked_mul(factor)
            .filter(|x| *x <= DECIMAL_MAX_MANTISSA)
            .ok_or(DecimalErrorKind::TooLarge)?;
        Ok(Numeral { mantissa, scale: 0 })
    }

    /// The value as a whole number, if it is one (`1.50` with scale 2 is
    /// not; `150` is).
    pub(crate) fn whole(self) -> Option<u128> {
        let p = 10u128.checked_pow(self.scale)?;
        (self.mantissa % p == 0).then(|| self.mantissa / p)
    }
}

/// Writes the digits of `int` grouped in threes with commas: `178,000`.
pub(crate) fn group_thousands(int: &str, out: &mut String) {
    let n = int.len();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magnitudes_end_their_word() {
        assert_eq!(magnitude("m"), Some((Magnitude::Million, "")));
        assert_eq!(magnitude(" billion USD"), Some((Magnitude::Billion, " USD")));
        assert_eq!(magnitude("MXN"), None);
        assert_eq!(magnitude("Bn"), Some((Magnitude::Billion, "")));
        assert_eq!(magnitude(""), None);
    }

    #[test]
    fn scaling_is_exact() {
        let n = |m, s| Numeral { mantissa: m, scale: s };
        assert_eq!(n(45, 1).scaled(Magnitude::Billion), Ok(n(4_500_000_000, 0)));
        assert_eq!(n(1_234_567_891, 9).scaled(Magnitude::Million), Ok(n(1_234_567_891, 3)));
        assert_eq!(
            n(DECIMAL_MAX_MANTISSA, 0).scaled(Magnitude::Thousand),
            Err(DecimalErrorKind::TooLarge)
        );
        assert_eq!(n(150, 2).whole(), None);
        assert_eq!(n(1500, 2).whole(), Some(15));
    }

    #[test]
    fn groups_thousands() {
        for (i, want) in [
            ("0", "0"),
            ("999", "999"),
            ("1000", "1,000"),
            ("178000", "178,000"),
            ("1234567", "1,234,567"),
        ] {
            let mut s = String::new();
            group_thousands(i, &mut s);
            assert_eq!(s, want);
        }
    }
}
