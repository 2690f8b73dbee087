//! `DacChannel`: an OECD DAC channel code.

use std::fmt;

use super::channel_table::{Record, CHANNELS};

/// A channel of delivery in the OECD DAC's list (IATI's `CRSChannelCode`
/// codelist): the code aid data names a body by when it carries or
/// receives aid, such as 41122 (United Nations Children's Fund), 47122
/// (Global Alliance for Vaccines and Immunization) or 44000 (World Bank
/// Group). Codes form a tree: 41000 (United Nations agency, fund or
/// commission) holds 41100, which holds 41122. The upper codes are
/// categories ("Donor country-based NGO", 22000), which IATI files also use
/// as refs for bodies they do not name.
///
/// Every one of the list's 438 codes is known, 29 of them withdrawn.
/// `Display` writes the code.
///
/// ```
/// use statecraft::org::DacChannel;
///
/// let unicef = DacChannel::from_code(41122).ok_or("no such channel")?;
/// assert_eq!(unicef.name(), "United Nations Children’s Fund");
/// assert_eq!(unicef.parent().map(DacChannel::code), Some(41100));
/// assert_eq!(unicef.iati_identifier(), "XM-DAC-41122");
/// assert_eq!(DacChannel::from_iati("XM-DAC-41122"), Some(unicef));
/// assert_eq!(DacChannel::from_iati("41122"), Some(unicef));
/// assert!(DacChannel::from_code(22000).is_some_and(DacChannel::is_category));
/// assert_eq!(DacChannel::from_code(12345), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DacChannel {
    /// An index into `CHANNELS`, whose order is the codes' order.
    index: u16,
}

/// The prefix of identifiers IATI builds from DAC codes (registration
/// agency `XM-DAC`, "OECD Development Assistance Committee").
const XM_DAC: &str = "XM-DAC-";

impl DacChannel {
    /// The channel with this code.
    pub fn from_code(code: u32) -> Option<DacChannel> {
        let index = CHANNELS.binary_search_by_key(&code, |r| r.code).ok()?;
        Some(DacChannel {
            index: u16::try_from(index).ok()?,
        })
    }

    /// The channel an IATI ref names: `XM-DAC-41122` (IATI's identifier for
    /// a body on the DAC list) or the bare code `41122` (as IATI 1.0x files
    /// write it), in any case, around any XML whitespace.
    pub fn from_iati(reference: &str) -> Option<DacChannel> {
        let r = reference.trim_matches(|c| matches!(c, ' ' | '\t' | '\r' | '\n'));
        let code = match r.get(..XM_DAC.len()) {
            Some(prefix) if prefix.eq_ignore_ascii_case(XM_DAC) => r.get(XM_DAC.len()..)?,
            _ => r,
        };
        if code.is_empty() || code.len() > 5 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        DacChannel::from_code(code.parse().ok()?)
    }

    fn record(self) -> &'static Record {
        // Built from an index into the table only.
        CHANNELS.get(usize::from(self.index)).unwrap_or(&FALLBACK)
    }

    /// The code: 41122.
    pub fn code(self) -> u32 {
        self.record().code
    }

    /// The name, in English, as the list writes it.
    pub fn name(self) -> &'static str {
        self.record().name
    }

    /// The channel it sits under; `None` for the six top categories
    /// (10000 public sector, 20000 NGOs, 30000 partnerships, 40000
    /// multilaterals, 50000 others, 60000 private sector) and 90000.
    pub fn parent(self) -> Option<DacChannel> {
        self.record().parent.and_then(DacChannel::from_code)
    }

    /// Whether IATI marks the code withdrawn.
    pub fn is_withdrawn(self) -> bool {
        self.record().withdrawn
    }

    /// Whether other codes sit under it: a category of bodies, not one
    /// body ("Donor country-based NGO").
    pub fn is_category(self) -> bool {
        self.record().category
    }

    /// The IATI organisation identifier IATI's rules build from the code:
    /// `XM-DAC-41122`.
    pub fn iati_identifier(self) -> String {
        format!("{XM_DAC}{}", self.code())
    }

    /// Every channel, by code.
    pub fn iter() -> impl Iterator<Item = DacChannel> {
        (0..CHANNELS.len()).filter_map(|i| {
            Some(DacChannel {
                index: u16::try_from(i).ok()?,
            })
        })
    }
}

/// Never read: every `DacChannel` indexes the table.
const FALLBACK: Record = Record {
    code: 0,
    parent: None,
    name: "",
    withdrawn: false,
    category: false,
};

impl fmt::Display for DacChannel {
    /// The code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_list_is_known() {
        assert_eq!(DacChannel::iter().count(), 438);
        assert_eq!(DacChannel::iter().filter(|c| c.is_withdrawn()).count(), 29);
        for c in DacChannel::iter() {
            assert_eq!(DacChannel::from_code(c.code()), Some(c));
            assert_eq!(DacChannel::from_iati(&c.iati_identifier()), Some(c));
            if let Some(p) = c.parent() {
                assert!(p.is_category(), "{c}'s parent {p}");
            }
        }
        let codes: Vec<u32> = DacChannel::iter().map(DacChannel::code).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn iati_refs_are_read_in_any_case_and_nothing_else_is() {
        let gavi = DacChannel::from_code(47122);
        assert_eq!(DacChannel::from_iati("xm-dac-47122"), gavi);
        assert_eq!(DacChannel::from_iati(" 47122\n"), gavi);
        for bad in [
            "",
            "XM-DAC-",
            "XM-DAC-4712a",
            "XM-DAC-471222",
            "GB-GOV-1",
            "+47122",
            "XM-DAC--47122",
            "4712 2",
        ] {
            assert_eq!(DacChannel::from_iati(bad), None, "{bad}");
        }
        assert_eq!(
            DacChannel::from_code(44000).map(DacChannel::name),
            Some("World Bank Group (WB)")
        );
    }
}
