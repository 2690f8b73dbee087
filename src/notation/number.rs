//! The numerals of news copy: `310`, `1,234.56`, `4.5 billion`, `25m`.

/// A non-negative numeral read from text: `mantissa / 10^scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Numeral {
    pub(crate) mantissa: u128,
    pub(crate) scale: u32,
}

/// The largest mantissa a `Decimal` holds: 2^96 - 1.
pub(crate) const DECIMAL_MAX_MANTISSA: u128 = (1 << 96) - 1;

/// The largest scale a `Decimal` holds.
pub(crate) const DECIMAL_MAX_SCALE: u32 = 28;

/// What is wrong with a numeral.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumeralError {
    /// No digit where the number should start.
    NoDigits,
    /// Commas that do not group digits in threes (`1,00,000`).
    BadGrouping,
    /// A second decimal point (`1.2.3`).
    TwoDecimalPoints,
    /// Scientific notation (`1e5`).
    Exponent,
    /// A whole part larger than a `Decimal` holds.
    TooLarge,
    /// A value within a `Decimal`'s range, but with more significant
    /// digits than its 96-bit mantissa holds (28 or 29).
    TooManyDigits,
    /// More than 28 digits after the point.
    TooPrecise,
}

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

/// Reads a numeral at the start of `s`: digits, optionally grouped in
/// threes by commas, then optionally a point and more digits. Returns it
/// and the rest of `s`.
pub(crate) fn numeral(s: &str) -> Result<(Numeral, &str), NumeralError> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut mantissa: u128 = 0;
    let mut scale: u32 = 0;
    let push = |d: u8, m: &mut u128| -> Result<(), NumeralError> {
        *m = m
            .checked_mul(10)
            .and_then(|x| x.checked_add(u128::from(d - b'0')))
            .filter(|x| *x <= DECIMAL_MAX_MANTISSA)
            .ok_or(NumeralError::TooLarge)?;
        Ok(())
    };
    // Integer part.
    let mut group_len = 0usize;
    let mut grouped = false;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                push(c, &mut mantissa)?;
                group_len += 1;
                if grouped && group_len > 3 {
                    return Err(NumeralError::BadGrouping);
                }
            }
            b',' if b.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                // A comma between digits groups thousands: the first group
                // has one to three digits, every later group exactly three.
                if i == 0 || group_len == 0 || group_len > 3 || (grouped && group_len != 3) {
                    return Err(NumeralError::BadGrouping);
                }
                grouped = true;
                group_len = 0;
            }
            _ => break,
        }
        i += 1;
    }
    if i == 0 {
        return Err(NumeralError::NoDigits);
    }
    if grouped && group_len != 3 {
        return Err(NumeralError::BadGrouping);
    }
    // Fractional part.
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        // The whole part fits, so a mantissa that overflows here means
        // more significant digits than a `Decimal` holds, unless there are
        // more decimal places than it holds, which is said first.
        let mut too_many_digits = false;
        while let Some(&c) = b.get(i) {
            if !c.is_ascii_digit() {
                break;
            }
            if !too_many_digits && push(c, &mut mantissa).is_err() {
                too_many_digits = true;
            }
            scale = scale.saturating_add(1);
            i += 1;
        }
        if scale > DECIMAL_MAX_SCALE {
            return Err(NumeralError::TooPrecise);
        }
        if too_many_digits {
            return Err(NumeralError::TooManyDigits);
        }
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            return Err(NumeralError::TwoDecimalPoints);
        }
    }
    // What may not follow.
    match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(b'e' | b'E'), Some(d), _) if d.is_ascii_digit() => return Err(NumeralError::Exponent),
        (Some(b'e' | b'E'), Some(b'+' | b'-'), Some(d)) if d.is_ascii_digit() => return Err(NumeralError::Exponent),
        (Some(b','), Some(d), _) if d.is_ascii_digit() => return Err(NumeralError::BadGrouping),
        _ => {}
    }
    let rest = s.get(i..).unwrap_or("");
    Ok((Numeral { mantissa, scale }, rest))
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
    pub(crate) fn scaled(self, m: Magnitude) -> Result<Numeral, NumeralError> {
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
            .ok_or(NumeralError::TooLarge)?;
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

    fn num(s: &str) -> Result<(u128, u32, &str), NumeralError> {
        numeral(s).map(|(n, rest)| (n.mantissa, n.scale, rest))
    }

    #[test]
    fn reads_grouped_and_plain_numerals() {
        assert_eq!(num("310"), Ok((310, 0, "")));
        assert_eq!(num("310,000,000 USD"), Ok((310_000_000, 0, " USD")));
        assert_eq!(num("1,234.56"), Ok((123_456, 2, "")));
        assert_eq!(num("0.5m"), Ok((5, 1, "m")));
        assert_eq!(num("1234567.00"), Ok((123_456_700, 2, "")));
        assert_eq!(num("12, 3"), Ok((12, 0, ", 3")));
        assert_eq!(num("5."), Ok((5, 0, ".")));
    }

    #[test]
    fn rejects_malformed_numerals() {
        assert_eq!(num("1,00,000"), Err(NumeralError::BadGrouping));
        assert_eq!(num("1,0000"), Err(NumeralError::BadGrouping));
        assert_eq!(num("1234,567"), Err(NumeralError::BadGrouping));
        assert_eq!(num("1,23"), Err(NumeralError::BadGrouping));
        assert_eq!(num("1.5,000"), Err(NumeralError::BadGrouping));
        assert_eq!(num("1.2.3"), Err(NumeralError::TwoDecimalPoints));
        assert_eq!(num("1e5"), Err(NumeralError::Exponent));
        assert_eq!(num("1.5E-3"), Err(NumeralError::Exponent));
        assert_eq!(num("x"), Err(NumeralError::NoDigits));
        assert_eq!(num(""), Err(NumeralError::NoDigits));
        assert_eq!(num(&"9".repeat(30)), Err(NumeralError::TooLarge));
        assert_eq!(num(&format!("0.{}", "0".repeat(29))), Err(NumeralError::TooPrecise));
    }

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
            Err(NumeralError::TooLarge)
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
