//! `Organisation`: a body that is not a country, as reference data.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use super::organisation_table::{BUILTIN, BY_REF};
use super::{DacChannel, OrgRef};
use crate::slug::{self, ParseIdError};
use crate::{Country, Excerpt};

/// An organisation: a UN agency, a development bank, a government
/// department or agency, an NGO, a foundation, a partnership, with its
/// name, acronym, [`OrganisationKind`], IATI organisation identifier
/// where it has one, OECD DAC channel codes where it is on that list, and
/// seat.
///
/// 64 come built in ([`Organisation::builtin`], by id with
/// [`Organisation::find`], by an IATI ref with
/// [`Organisation::from_iati`]), generated from IATI's `CRSChannelCode`
/// codelist and a short hand-kept list for what it lacks (COVAX, national
/// agencies by their IATI identifiers); a dossier declares others
/// (`Dossier::organisation`). The id is a slug (`unicef`, `gavi`,
/// `world-bank`, `usaid`).
///
/// `Display` writes the acronym, else the name.
///
/// ```
/// use statecraft::org::{Organisation, OrganisationKind};
///
/// let unicef = Organisation::find("unicef").ok_or("no such organisation")?;
/// assert_eq!(unicef.name(), "United Nations Children’s Fund");
/// assert_eq!(unicef.to_string(), "UNICEF");
/// assert_eq!(unicef.kind(), OrganisationKind::UnAgency);
/// assert_eq!(unicef.iati_identifier(), Some("XM-DAC-41122"));
///
/// let usaid = Organisation::from_iati("US-GOV-1").ok_or("unknown ref")?;
/// assert_eq!(usaid.id(), "usaid");
/// assert_eq!(Organisation::from_iati("47122").map(Organisation::id), Some("gavi"));
///
/// let mine = Organisation::new("sica-secretariat", "General Secretariat of SICA", OrganisationKind::Multilateral)?
///     .with_acronym("SG-SICA")
///     .with_seat(statecraft::Country::SV);
/// assert_eq!(mine.to_string(), "SG-SICA");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Organisation {
    id: Cow<'static, str>,
    name: Cow<'static, str>,
    acronym: Option<Cow<'static, str>>,
    kind: OrganisationKind,
    iati: Option<Cow<'static, str>>,
    channels: Cow<'static, [u32]>,
    seat: Option<Country>,
}

impl Organisation {
    /// An organisation with an id (a slug such as `sica-secretariat`), a
    /// name and a kind; no acronym, identifier, channel or seat yet.
    ///
    /// # Errors
    ///
    /// [`ParseIdError`] when `id` is not a slug: lowercase ASCII letters
    /// and digits joined by single hyphens, at most 64 characters.
    ///
    /// ```
    /// use statecraft::org::{Organisation, OrganisationKind};
    ///
    /// let e = Organisation::new("SICA", "SICA", OrganisationKind::Multilateral).unwrap_err();
    /// assert_eq!(e.to_string(), "invalid id `SICA`: `S` is not a lowercase letter, digit or hyphen");
    /// ```
    pub fn new(id: &str, name: impl Into<String>, kind: OrganisationKind) -> Result<Organisation, ParseIdError> {
        slug::parse(id)?;
        Ok(Organisation {
            id: Cow::Owned(id.to_string()),
            name: Cow::Owned(name.into()),
            acronym: None,
            kind,
            iati: None,
            channels: Cow::Borrowed(&[]),
            seat: None,
        })
    }

    /// A built-in organisation (the generated table's).
    #[allow(clippy::too_many_arguments)]
    pub(super) const fn constant(
        id: &'static str,
        name: &'static str,
        acronym: Option<&'static str>,
        kind: OrganisationKind,
        iati: Option<&'static str>,
        channels: &'static [u32],
        seat: Option<Country>,
    ) -> Organisation {
        Organisation {
            id: Cow::Borrowed(id),
            name: Cow::Borrowed(name),
            acronym: match acronym {
                Some(a) => Some(Cow::Borrowed(a)),
                None => None,
            },
            kind,
            iati: match iati {
                Some(a) => Some(Cow::Borrowed(a)),
                None => None,
            },
            channels: Cow::Borrowed(channels),
            seat,
        }
    }

    /// With an acronym or short name ("UNICEF").
    #[must_use]
    pub fn with_acronym(mut self, acronym: impl Into<String>) -> Organisation {
        self.acronym = Some(Cow::Owned(acronym.into()));
        self
    }

    /// With its IATI organisation identifier.
    #[must_use]
    pub fn with_iati(mut self, identifier: OrgRef) -> Organisation {
        self.iati = Some(Cow::Owned(identifier.as_str().to_string()));
        self
    }

    /// With one more OECD DAC channel code it is listed under (the first
    /// is its own).
    #[must_use]
    pub fn with_channel(mut self, channel: DacChannel) -> Organisation {
        self.channels.to_mut().push(channel.code());
        self
    }

    /// With its seat.
    #[must_use]
    pub fn with_seat(mut self, seat: Country) -> Organisation {
        self.seat = Some(seat);
        self
    }

    /// The built-in organisations, in the order of
    /// `data/organisations.csv`.
    ///
    /// ```
    /// let ids: Vec<&str> = statecraft::org::Organisation::builtin().iter().map(|o| o.id()).collect();
    /// assert!(ids.contains(&"covax") && ids.contains(&"world-bank") && ids.contains(&"fcdo"));
    /// ```
    pub fn builtin() -> &'static [Organisation] {
        BUILTIN
    }

    /// The built-in organisation with this id.
    pub fn find(id: &str) -> Option<&'static Organisation> {
        BUILTIN.iter().find(|o| o.id == id)
    }

    /// The built-in organisation an IATI organisation ref names, in any
    /// case: its identifier (`XM-DAC-41122`, `US-GOV-1`), another ref it
    /// is known by (`GB-1` is the former DFID's, `XM-DAC-928` WHO's), or
    /// one of its DAC channel codes, as `XM-DAC-<code>` or bare (`41122`,
    /// as IATI 1.0x files write it). `None` for any other ref, a DAC
    /// category code (`22000`) among them.
    ///
    /// ```
    /// use statecraft::org::Organisation;
    ///
    /// for (r, id) in [("XM-DAC-41122", "unicef"), ("xm-dac-41122", "unicef"), ("GB-GOV-1", "fcdo"), ("XM-DAC-928", "who"), ("44000", "world-bank")] {
    ///     assert_eq!(Organisation::from_iati(r).map(|o| o.id()), Some(id));
    /// }
    /// assert!(Organisation::from_iati("GB-COH-213890").is_none());
    /// ```
    pub fn from_iati(reference: &str) -> Option<&'static Organisation> {
        let r = reference.trim_matches(|c| matches!(c, ' ' | '\t' | '\r' | '\n'));
        let i = BY_REF.binary_search_by(|(key, _)| cmp_ascii_uppercase(key, r)).ok()?;
        let (_, index) = BY_REF.get(i)?;
        BUILTIN.get(usize::from(*index))
    }

    /// The id: `"unicef"`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The name: `"United Nations Children’s Fund"`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The acronym or short name, when it has one: `"UNICEF"`.
    pub fn acronym(&self) -> Option<&str> {
        self.acronym.as_deref()
    }

    /// What kind of body it is.
    pub fn kind(&self) -> OrganisationKind {
        self.kind
    }

    /// Its IATI organisation identifier: its own where the sources give it
    /// (`US-GOV-1`), else the one IATI's rules build from its DAC channel
    /// code (`XM-DAC-41122`); `None` when it has neither.
    pub fn iati_identifier(&self) -> Option<&str> {
        self.iati.as_deref()
    }

    /// The OECD DAC channels it is listed under, its own first (WHO has
    /// four: assessed, core voluntary, its response plan, non-core).
    pub fn channels(&self) -> impl Iterator<Item = DacChannel> + '_ {
        self.channels.iter().filter_map(|c| DacChannel::from_code(*c))
    }

    /// The country of its seat, when known.
    pub fn seat(&self) -> Option<Country> {
        self.seat
    }
}

/// Orders `key` (upper-case ASCII) against `text` upper-cased.
fn cmp_ascii_uppercase(key: &str, text: &str) -> std::cmp::Ordering {
    key.bytes().cmp(text.bytes().map(|b| b.to_ascii_uppercase()))
}

impl fmt::Display for Organisation {
    /// The acronym, else the name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.acronym().unwrap_or(self.name()))
    }
}

/// What kind of body an organisation is, after the OECD DAC's categories
/// of channels and IATI's organisation types.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum OrganisationKind {
    /// An intergovernmental body that is neither a UN entity nor a bank
    /// (the IMF, the European Commission, Gavi, the African Union).
    Multilateral,
    /// A multilateral development bank (the World Bank Group, IDB, CABEI).
    DevelopmentBank,
    /// A UN agency, fund or programme (UNICEF, WHO, WFP).
    UnAgency,
    /// A government department or agency (USAID, FCDO).
    Government,
    /// A non-governmental organisation (the Red Cross, Oxfam).
    Ngo,
    /// A private foundation (the Gates Foundation).
    Foundation,
    /// A public-private partnership or network (CEPI, COVAX).
    Partnership,
    /// A company or other private-sector body.
    Private,
}

impl OrganisationKind {
    /// The word used in the JSON format and by `FromStr`: `un-agency`.
    pub const fn as_str(self) -> &'static str {
        match self {
            OrganisationKind::Multilateral => "multilateral",
            OrganisationKind::DevelopmentBank => "development-bank",
            OrganisationKind::UnAgency => "un-agency",
            OrganisationKind::Government => "government",
            OrganisationKind::Ngo => "ngo",
            OrganisationKind::Foundation => "foundation",
            OrganisationKind::Partnership => "partnership",
            OrganisationKind::Private => "private",
        }
    }

    /// Every kind.
    pub fn iter() -> impl Iterator<Item = OrganisationKind> {
        <OrganisationKind as strum::IntoEnumIterator>::iter()
    }
}

impl fmt::Display for OrganisationKind {
    /// The word of the JSON format.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for OrganisationKind {
    type Err = ParseOrganisationKindError;

    /// Reads the word [`OrganisationKind::as_str`] writes.
    ///
    /// # Errors
    ///
    /// [`ParseOrganisationKindError`] quoting the text.
    fn from_str(s: &str) -> Result<OrganisationKind, ParseOrganisationKindError> {
        OrganisationKind::iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| ParseOrganisationKindError { input: Excerpt::new(s) })
    }
}

/// The error for text that is no [`OrganisationKind`].
///
/// ```
/// let e = "agency".parse::<statecraft::org::OrganisationKind>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown organisation kind `agency`: expected multilateral, development-bank, un-agency, government, ngo, foundation, partnership or private");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown organisation kind `{input}`: expected multilateral, development-bank, un-agency, government, ngo, foundation, partnership or private")]
pub struct ParseOrganisationKindError {
    input: Excerpt,
}

/// The serde form: `{"id": "sica-secretariat", "name": "General
/// Secretariat of SICA", "acronym": "SG-SICA", "kind": "multilateral",
/// "iati": "XI-IATI-...", "dac": [47000], "seat": "SV"}`; all but `id`,
/// `name` and `kind` optional.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, rename = "Organisation")]
struct Repr<I> {
    id: I,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    acronym: Option<String>,
    kind: OrganisationKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iati: Option<OrgRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    dac: Vec<Channel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    seat: Option<Country>,
}

/// A DAC channel code, read as a number the list holds.
#[derive(serde::Serialize)]
#[serde(transparent)]
struct Channel(u32);

impl<'de> serde::Deserialize<'de> for Channel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Channel, D::Error> {
        let code = u32::deserialize(d)?;
        DacChannel::from_code(code)
            .map(|c| Channel(c.code()))
            .ok_or_else(|| serde::de::Error::custom(format_args!("unknown OECD DAC channel code `{code}`")))
    }
}

impl serde::Serialize for Organisation {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Repr {
            id: self.id(),
            name: self.name().to_string(),
            acronym: self.acronym().map(str::to_string),
            kind: self.kind,
            iati: self.iati_identifier().and_then(OrgRef::new),
            dac: self.channels.iter().map(|c| Channel(*c)).collect(),
            seat: self.seat,
        }
        .serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Organisation {
    /// Reads the serde form; the id must be a slug, and DAC codes must be
    /// on the list.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Organisation, D::Error> {
        let repr = Repr::<slug::Slug>::deserialize(crate::serde_strict::Strict(d))?;
        Ok(Organisation {
            id: Cow::Owned(repr.id.0),
            name: Cow::Owned(repr.name),
            acronym: repr.acronym.map(Cow::Owned),
            kind: repr.kind,
            iati: repr.iati.map(|r| Cow::Owned(r.as_str().to_string())),
            channels: Cow::Owned(repr.dac.into_iter().map(|c| c.0).collect()),
            seat: repr.seat,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_organisations_are_well_formed() {
        let mut ids = std::collections::BTreeSet::new();
        for o in Organisation::builtin() {
            assert_eq!(slug::check(o.id()), Ok(()), "{}", o.id());
            assert!(ids.insert(o.id()), "{} twice", o.id());
            assert_eq!(Organisation::find(o.id()), Some(o));
            if let Some(r) = o.iati_identifier() {
                assert_eq!(Organisation::from_iati(r), Some(o), "{r}");
            }
            for c in o.channels() {
                assert_eq!(Organisation::from_iati(&c.iati_identifier()), Some(o));
                assert_eq!(Organisation::from_iati(&c.code().to_string()), Some(o));
                assert!(!c.is_withdrawn());
            }
            assert!(o.iati_identifier().is_some() || o.id() == "covax", "{}", o.id());
        }
        assert_eq!(ids.len(), 64);
        let keys: Vec<&str> = BY_REF.iter().map(|(k, _)| *k).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "BY_REF is sorted");
    }

    #[test]
    fn the_organisations_the_news_names_are_built_in() {
        let cases = [
            ("unicef", "XM-DAC-41122", OrganisationKind::UnAgency),
            ("gavi", "XM-DAC-47122", OrganisationKind::Multilateral),
            ("world-bank", "XM-DAC-44000", OrganisationKind::DevelopmentBank),
            ("imf", "XM-DAC-43000", OrganisationKind::Multilateral),
            ("idb", "XM-DAC-46012", OrganisationKind::DevelopmentBank),
            ("cabei", "XM-DAC-46007", OrganisationKind::DevelopmentBank),
            ("global-fund", "XM-DAC-47045", OrganisationKind::Multilateral),
            ("usaid", "US-GOV-1", OrganisationKind::Government),
            ("fcdo", "GB-GOV-1", OrganisationKind::Government),
            ("who", "XM-DAC-928", OrganisationKind::UnAgency),
        ];
        for (id, iati, kind) in cases {
            let o = Organisation::find(id).unwrap();
            assert_eq!((o.iati_identifier(), o.kind()), (Some(iati), kind), "{id}");
        }
        let wb = Organisation::find("world-bank").unwrap();
        assert_eq!((wb.name(), wb.acronym()), ("World Bank Group", Some("WB")));
        let covax = Organisation::find("covax").unwrap();
        assert_eq!(
            (covax.kind(), covax.iati_identifier()),
            (OrganisationKind::Partnership, None)
        );
        assert_eq!(Organisation::from_iati("GB-1").map(Organisation::id), Some("dfid"));
        assert_eq!(Organisation::from_iati("22000"), None);
        assert_eq!(Organisation::from_iati(""), None);
    }

    #[test]
    fn kinds_read_back_what_they_write() {
        for k in OrganisationKind::iter() {
            assert_eq!(k.as_str().parse::<OrganisationKind>(), Ok(k));
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{k}\""));
        }
    }

    #[test]
    fn serde_round_trips_and_checks() {
        let json = r#"{"id":"sg-sica","name":"General Secretariat of SICA","acronym":"SG-SICA","kind":"multilateral","dac":[47000],"seat":"SV"}"#;
        let o: Organisation = serde_json::from_str(json).unwrap();
        assert_eq!(o.channels().map(DacChannel::code).collect::<Vec<_>>(), [47000]);
        assert_eq!(serde_json::to_string(&o).unwrap(), json);
        let errors = [
            (
                r#"{"id":"SG","name":"x","kind":"ngo"}"#,
                "invalid id `SG`: `S` is not a lowercase letter, digit or hyphen at line 1 column 10",
            ),
            (
                r#"{"id":"sg","name":"x","kind":"agency"}"#,
                "unknown variant `agency`, expected one of `multilateral`, `development-bank`, `un-agency`, `government`, `ngo`, `foundation`, `partnership`, `private` at line 1 column 37",
            ),
            (
                r#"{"id":"sg","name":"x","kind":"ngo","dac":[12345]}"#,
                "unknown OECD DAC channel code `12345` at line 1 column 48",
            ),
            (
                r#"{"id":"sg","name":"x","kind":"ngo","iati":" "}"#,
                "empty IATI organisation identifier at line 1 column 45",
            ),
            (
                r#"{"id":"sg","name":"x","kind":"ngo","size":3}"#,
                "unknown field `size`, expected one of `id`, `name`, `acronym`, `kind`, `iati`, `dac`, `seat` at line 1 column 41",
            ),
        ];
        for (json, msg) in errors {
            assert_eq!(
                serde_json::from_str::<Organisation>(json).unwrap_err().to_string(),
                msg,
                "{json}"
            );
        }
    }
}
