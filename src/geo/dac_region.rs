//! OECD DAC recipient regions: the regions IATI's `recipient-region`
//! names with vocabulary 1.

use std::fmt;
use std::str::FromStr;

use super::normalize::fold_name;
use crate::Excerpt;

pub use super::dac_region_table::DacRegion;

impl DacRegion {
    /// The DAC code: 289 for "South of Sahara, regional".
    ///
    /// ```
    /// use statecraft::geo::DacRegion;
    ///
    /// assert_eq!(DacRegion::SouthOfSaharaRegional.code(), 289);
    /// assert_eq!(DacRegion::from_code(789), Some(DacRegion::FarEastAsiaRegional));
    /// assert_eq!(DacRegion::from_code(419), None); // an M49 code, not a DAC one
    /// ```
    pub const fn code(self) -> u16 {
        self.record().0
    }

    /// The name, as the DAC writes it: "South of Sahara, regional".
    pub const fn name(self) -> &'static str {
        self.record().1
    }

    /// Whether IATI marks the code withdrawn (380 "West Indies, regional",
    /// since 2020-05-04).
    pub const fn is_withdrawn(self) -> bool {
        self.record().2
    }

    /// The region with this code.
    pub fn from_code(code: u16) -> Option<DacRegion> {
        DacRegion::iter().find(|r| r.code() == code)
    }

    /// Every region, by code.
    pub fn iter() -> impl Iterator<Item = DacRegion> {
        <DacRegion as strum::IntoEnumIterator>::iter()
    }
}

impl fmt::Display for DacRegion {
    /// The name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

impl FromStr for DacRegion {
    type Err = ParseDacRegionError;

    /// Reads a region by its code (`"289"`) or its name (ignoring case,
    /// punctuation and diacritics: "south of sahara regional").
    ///
    /// # Errors
    ///
    /// [`ParseDacRegionError`] quoting the input when it names no region.
    ///
    /// ```
    /// use statecraft::geo::DacRegion;
    ///
    /// assert_eq!("489".parse::<DacRegion>()?, DacRegion::SouthAmericaRegional);
    /// assert_eq!("Far East Asia, regional".parse::<DacRegion>()?, DacRegion::FarEastAsiaRegional);
    /// let e = "Narnia".parse::<DacRegion>().unwrap_err();
    /// assert_eq!(e.to_string(), "unknown OECD DAC region `Narnia`");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    fn from_str(s: &str) -> Result<DacRegion, ParseDacRegionError> {
        let t = s.trim();
        let found = if !t.is_empty() && t.len() <= 5 && t.bytes().all(|b| b.is_ascii_digit()) {
            t.parse().ok().and_then(DacRegion::from_code)
        } else {
            let key = fold_name(t);
            DacRegion::iter().find(|r| !key.is_empty() && fold_name(r.name()) == key)
        };
        found.ok_or_else(|| ParseDacRegionError { input: Excerpt::new(s) })
    }
}

impl serde::Serialize for DacRegion {
    /// The code, as a string: `"289"`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.code())
    }
}

impl<'de> serde::Deserialize<'de> for DacRegion {
    /// Reads what `FromStr` reads.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<DacRegion, D::Error> {
        crate::serde_str::deserialize_from_str(d, "an OECD DAC region code such as \"289\"")
    }
}

/// The error for a code or name that is no OECD DAC region.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown OECD DAC region `{input}`")]
pub struct ParseDacRegionError {
    input: Excerpt,
}

impl ParseDacRegionError {
    /// The text that was not recognised.
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_reads_back_by_code_and_name() {
        assert_eq!(DacRegion::iter().count(), 26);
        for r in DacRegion::iter() {
            assert_eq!(r.code().to_string().parse::<DacRegion>(), Ok(r));
            assert_eq!(r.name().parse::<DacRegion>(), Ok(r));
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.code()));
            assert_eq!(serde_json::from_str::<DacRegion>(&json).unwrap(), r);
        }
        let withdrawn: Vec<u16> = DacRegion::iter()
            .filter(|r| r.is_withdrawn())
            .map(DacRegion::code)
            .collect();
        assert_eq!(withdrawn, [380]);
        for bad in ["", "0", "2890", "999999", "South", "419"] {
            assert!(bad.parse::<DacRegion>().is_err(), "{bad}");
        }
        assert_eq!(
            serde_json::from_str::<DacRegion>("289").unwrap_err().to_string(),
            "invalid type: integer `289`, expected an OECD DAC region code such as \"289\" at line 1 column 3"
        );
    }
}
