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
    /// South Asian: a hundred thousand.
    Lakh,
    /// South Asian: ten million.
    Crore,
    /// South Asian: a lakh of crores, a trillion.
    LakhCrore,
}

impl Magnitude {
    /// The power of ten (short scale).
    pub(crate) const fn exponent(self) -> u32 {
        match self {
            Magnitude::Thousand => 3,
            Magnitude::Million => 6,
            Magnitude::Billion => 9,
            Magnitude::Trillion | Magnitude::LakhCrore => 12,
            Magnitude::Lakh => 5,
            Magnitude::Crore => 7,
        }
    }

    /// Whether it is South Asian (`lakh`, `crore`), whose numbers may be
    /// grouped `1,00,000`.
    pub(crate) const fn is_south_asian(self) -> bool {
        matches!(self, Magnitude::Lakh | Magnitude::Crore | Magnitude::LakhCrore)
    }

    /// The suffix that compact notation prints.
    pub(crate) const fn suffix(self) -> &'static str {
        match self {
            Magnitude::Thousand => "k",
            Magnitude::Million => "m",
            Magnitude::Billion => "bn",
            Magnitude::Trillion => "tn",
            Magnitude::Lakh => " lakh",
            Magnitude::Crore => " crore",
            Magnitude::LakhCrore => " lakh crore",
        }
    }
}

/// Reads an optional magnitude at the start of `s` (after optional
/// whitespace): `k`, `thousand`, `m`, `mn`, `mln`, `million`, `bn`, `bln`,
/// `billion`, `tn`, `trillion` (and plurals), and South Asian `lakh`,
/// `crore` (`cr`) and `lakh crore`, in any case. A magnitude must end the
/// word: the `m` of `MXN` is not one.
pub(crate) fn magnitude(s: &str) -> Option<(Magnitude, &str)> {
    let t = s.trim_start();
    let (word, rest) = split_word(t);
    const WORDS: [(&str, Magnitude); 21] = [
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
        ("lakh", Magnitude::Lakh),
        ("lakhs", Magnitude::Lakh),
        ("lac", Magnitude::Lakh),
        ("crore", Magnitude::Crore),
        ("crores", Magnitude::Crore),
        ("cr", Magnitude::Crore),
        ("trn", Magnitude::Trillion),
    ];
    let m = WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, m)| *m)?;
    if m == Magnitude::Lakh {
        // "1.5 lakh crore": a lakh of crores.
        if let Some((Magnitude::Crore, after)) = magnitude(rest) {
            return Some((Magnitude::LakhCrore, after));
        }
    }
    Some((m, rest))
}

/// The word (letters) at the start of `t`, and the rest.
pub(crate) fn split_word(t: &str) -> (&str, &str) {
    let end = t
        .as_bytes()
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(t.len());
    // A non-ASCII letter continues the word ("crores" is ASCII; "Kč" is
    // not a magnitude either way): stop at the first byte that is not an
    // ASCII letter, unless it starts a letter.
    match t.get(end..).and_then(|r| r.chars().next()) {
        Some(c) if c.is_alphabetic() => {
            let end = t.find(|c: char| !c.is_alphabetic()).unwrap_or(t.len());
            t.split_at(end)
        }
        _ => t.split_at(end),
    }
}

/// Reads a number written in words at the start of `t`: "one" to
/// "twelve", "twenty" and the other tens, "a" and "half a" before a
/// magnitude ("a billion", "half a million"). Returns it and the rest.
/// "a" alone, and "half" without "a" and a magnitude, are not numbers.
pub(crate) fn number_word(t: &str) -> Option<(Numeral, &str)> {
    const NUMBER_WORDS: [(&str, u128); 17] = [
        ("a", 1),
        ("one", 1),
        ("two", 2),
        ("three", 3),
        ("four", 4),
        ("five", 5),
        ("six", 6),
        ("seven", 7),
        ("eight", 8),
        ("nine", 9),
        ("ten", 10),
        ("eleven", 11),
        ("twelve", 12),
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fifty", 50),
    ];
    let first = *t.as_bytes().first()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let (word, rest) = split_word(t);
    let (numeral, rest) = if word.eq_ignore_ascii_case("half") {
        // "half a million": five tenths of a million.
        let after = rest.strip_prefix(' ')?;
        let (a, rest) = split_word(after);
        if !a.eq_ignore_ascii_case("a") {
            return None;
        }
        (Numeral { mantissa: 5, scale: 1 }, rest)
    } else {
        let n = NUMBER_WORDS
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(word))
            .map(|(_, n)| *n)?;
        (Numeral { mantissa: n, scale: 0 }, rest)
    };
    // "a" and "half a" only before a magnitude.
    let bare = word.eq_ignore_ascii_case("a") || word.eq_ignore_ascii_case("half");
    if bare && magnitude(rest).is_none() {
        return None;
    }
    Some((numeral, rest))
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
