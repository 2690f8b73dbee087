//! `Funding`: money a donor announces, pledges, commits or pays.

use std::fmt;

use chrono::NaiveDate;

use super::{Actor, Agency, Area, FundingId, LeaderId, OrganisationId, Receiver, Share, SourceId, Topic};
use crate::notation::Figure;
use crate::org::OrgRef;
use crate::serde_str::IsoDate;
use crate::Money;

crate::serde_strict::strict_serde!(Funding, FundingStage);

/// Money from a donor to recipients, at one stage of its life: proposed,
/// announced, pledged, committed, disbursed (IATI's lifecycle), reduced or
/// cancelled.
///
/// The donor is an [`Actor`]: a country, an organisation, a group acting
/// jointly. Recipients are areas (countries, groups, regions, ...) or
/// organisations that receive the money themselves ("an initial $2bn to
/// Gavi"), each with its share when the source splits the amount; an
/// organisation the money goes through on its way to others (COVAX, a UN
/// agency: IATI's `receiver-org` when it passes the money on) is the
/// channel, `via`.
///
/// The amount is optional, because an undisclosed sum is a fact too ("a
/// new round of funding"), and is kept as the source states it: exact
/// ("$310m"), qualified ("about $4bn") or a range ("$3-4bn"), a
/// [`Figure`] of [`Money`]. The same amount as the source also reports it
/// in other currencies ("$310m (£219m)") is kept beside it, so the pair can
/// be checked against reference rates. The *value date* fixes the rate the
/// amount converts at (IATI's `value-date`); when it is not given, the
/// announcement date stands in ([`Funding::rate_date`]).
///
/// ```
/// use statecraft::model::{FundingId, FundingRecipient, GroupId, SourceId};
/// use statecraft::{Area, Country, Funding, FundingStage, Money, NaiveDate};
///
/// let day = NaiveDate::from_ymd_opt(2021, 4, 26).ok_or("bad date")?;
/// let aid = Funding::new(FundingId::new("aid-2021-04")?, Country::US, FundingStage::Announced, SourceId::new("seed")?)
///     .with_recipient(FundingRecipient::new(Area::Group(GroupId::new("northern-triangle")?)))
///     .with_amount("$310m".parse()?)
///     .with_reported_as("£219m".parse()?)
///     .announced_on(day);
/// assert_eq!(aid.amount().map(|m| m.to_compact()), Some("$310m".to_string()));
/// assert!(aid.amount().is_some_and(|m| m.is_exact()));
/// assert_eq!(aid.rate_date(), Some(day));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Funding {
    id: FundingId,
    donor: Actor,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    agency: Option<Agency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    via: Option<Actor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    recipients: Vec<FundingRecipient>,
    stage: FundingStage,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    amount: Option<Figure<Money>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    reported_as: Vec<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    announced: Option<IsoDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    announced_by: Option<LeaderId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    value_date: Option<IsoDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    topics: Vec<Topic>,
    source: SourceId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reported: Option<IsoDate>,
}

impl Funding {
    /// Funding from `donor` (a country, an organisation, a group) at
    /// `stage`, amount undisclosed, no recipient yet.
    pub fn new(id: FundingId, donor: impl Into<Actor>, stage: FundingStage, source: SourceId) -> Funding {
        Funding {
            id,
            donor: donor.into(),
            agency: None,
            via: None,
            recipients: Vec::new(),
            stage,
            amount: None,
            reported_as: Vec::new(),
            announced: None,
            announced_by: None,
            value_date: None,
            purpose: None,
            topics: Vec::new(),
            source,
            reported: None,
        }
    }

    setters! {
        /// With the donor's agency that announced or extends it.
        fn with_agency(agency: Agency) { agency = Some(agency) }

        /// Going through `channel` on its way to the recipients (COVAX, a UN
        /// agency).
        fn through(channel: impl Into<Actor>) { via = Some(channel.into()) }

        /// With one more recipient.
        fn with_recipient(recipient: FundingRecipient) { recipients.push(recipient) }

        /// With the amount, exactly as the source gives it.
        fn with_amount(amount: Money) { amount = Some(Figure::exact(amount)) }

        /// With the amount as the source states it, approximately or as a
        /// range ("about $4bn", "between £5m and £6m").
        ///
        /// ```
        /// use statecraft::notation::Figure;
        /// use statecraft::{Country, Funding, FundingStage, Money, Qualifier};
        ///
        /// let gavi = Funding::new("us-gavi".parse()?, Country::US, FundingStage::Pledged, "s".parse()?)
        ///     .with_amount_figure(Figure::new("$4bn".parse::<Money>()?, Qualifier::About));
        /// assert_eq!(gavi.amount().map(|a| a.to_compact()), Some("about $4bn".to_string()));
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        fn with_amount_figure(amount: Figure<Money>) { amount = Some(amount) }

        /// With the same amount as the source also reports it, in another
        /// currency ("£219m" beside "$310m").
        fn with_reported_as(amount: Money) { reported_as.push(amount) }

        /// Announced on `date`.
        fn announced_on(date: NaiveDate) { announced = Some(IsoDate(date)) }

        /// Announced by `leader`.
        fn announced_by(leader: LeaderId) { announced_by = Some(leader) }

        /// With the date that fixes its exchange rate.
        fn with_value_date(date: NaiveDate) { value_date = Some(IsoDate(date)) }

        /// With its purpose, in the dossier's own words.
        fn with_purpose(purpose: impl Into<String>) { purpose = Some(purpose.into()) }

        /// With one more topic.
        fn with_topic(topic: Topic) { topics.push(topic) }
    }

    getters! {
        /// The id.
        fn id -> &FundingId { &id }

        /// The donor: a country, an organisation, a group.
        fn donor -> &Actor { &donor }

        /// The channel the money goes through, when the source names one.
        fn via -> Option<&Actor> { via.as_ref() }

        /// The donor's agency, when named.
        fn agency -> Option<&Agency> { agency.as_ref() }

        /// The recipients, each with its share when the source splits it.
        fn recipients -> &[FundingRecipient] { &recipients }

        /// The stage.
        fn stage -> FundingStage { stage }

        /// The amount as the source states it, or `None` when the source does
        /// not disclose it.
        fn amount -> Option<Figure<Money>> { amount }

        /// Whether the amount is known.
        fn is_disclosed -> bool { amount.is_some() }

        /// The same amount as reported in other currencies.
        fn reported_as -> &[Money] { &reported_as }

        /// The day it was announced, when known.
        fn announced -> Option<NaiveDate> { announced.map(NaiveDate::from) }

        /// The leader who announced it, when the source names one.
        fn announcer -> Option<&LeaderId> { announced_by.as_ref() }

        /// The value date, when given.
        fn value_date -> Option<NaiveDate> { value_date.map(NaiveDate::from) }
    }

    /// The date whose rate converts the amount: the value date, else the
    /// announcement date.
    pub fn rate_date(&self) -> Option<NaiveDate> {
        self.value_date().or(self.announced())
    }

    getters! {
        /// The purpose.
        fn purpose -> Option<&str> { purpose.as_deref() }

        /// The topics.
        fn topics -> &[Topic] { &topics }
    }

    cited!();
}

/// A recipient of funding: an area or an organisation (a [`Receiver`]),
/// with its percentage of the amount when the source splits it.
///
/// In the JSON format an area is `{"area": {"country": "GT"}, "share":
/// "60"}`, an organisation `{"organisation": "gavi"}` (the dossier's own
/// first, then a built-in one) or `{"iati": "XM-DAC-47122"}`: exactly one
/// of `area`, `organisation` and `iati`, and `share` when there is one.
///
/// ```
/// use statecraft::model::{FundingRecipient, OrganisationId, Share};
/// use statecraft::{Area, Country};
///
/// let r = FundingRecipient::new(Area::from(Country::GT)).with_share(Share::from_percent(60)?);
/// assert_eq!(serde_json::to_string(&r)?, r#"{"area":{"country":"GT"},"share":"60"}"#);
///
/// let gavi = FundingRecipient::from(OrganisationId::new("gavi")?);
/// assert_eq!(serde_json::to_string(&gavi)?, r#"{"organisation":"gavi"}"#);
/// assert_eq!(gavi.area(), None);
/// assert_eq!(gavi.receiver().to_string(), "Gavi");
///
/// let e = serde_json::from_str::<FundingRecipient>(r#"{"area": "GT", "organisation": "gavi"}"#).unwrap_err();
/// assert_eq!(e.to_string(), "a recipient is one of `area`, `organisation` and `iati`: `area` and `organisation` are both given at line 1 column 38");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FundingRecipient {
    receiver: Receiver,
    share: Option<Share>,
}

impl FundingRecipient {
    /// `area`, with no split given (see [`From`] for an organisation).
    pub fn new(area: Area) -> FundingRecipient {
        FundingRecipient::from(Receiver::Area(area))
    }

    setters! {
        /// The same recipient, receiving `share` of the amount.
        fn with_share(share: Share) { share = Some(share) }
    }

    /// Who receives: an area or an organisation.
    pub fn receiver(&self) -> &Receiver {
        &self.receiver
    }

    /// The area that receives, when the recipient is one (`None` for an
    /// organisation).
    pub fn area(&self) -> Option<&Area> {
        self.receiver.as_area()
    }

    getters! {

        /// The share of the amount, when the source gives one.
        fn share -> Option<Share> { share }
    }
}

impl From<Receiver> for FundingRecipient {
    /// The receiver, with no split given.
    fn from(receiver: Receiver) -> FundingRecipient {
        FundingRecipient { receiver, share: None }
    }
}

impl From<Area> for FundingRecipient {
    fn from(area: Area) -> FundingRecipient {
        FundingRecipient::from(Receiver::Area(area))
    }
}

impl From<OrganisationId> for FundingRecipient {
    fn from(organisation: OrganisationId) -> FundingRecipient {
        FundingRecipient::from(Receiver::Organisation(organisation))
    }
}

impl From<OrgRef> for FundingRecipient {
    fn from(reference: OrgRef) -> FundingRecipient {
        FundingRecipient::from(Receiver::Iati(reference))
    }
}

/// The serde form of a [`FundingRecipient`].
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, rename = "Recipient")]
struct RecipientRepr {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    area: Option<Area>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    organisation: Option<OrganisationId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iati: Option<OrgRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    share: Option<Share>,
}

impl serde::Serialize for FundingRecipient {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut repr = RecipientRepr {
            area: None,
            organisation: None,
            iati: None,
            share: self.share,
        };
        match &self.receiver {
            Receiver::Area(a) => repr.area = Some(a.clone()),
            Receiver::Organisation(o) => repr.organisation = Some(o.clone()),
            Receiver::Iati(r) => repr.iati = Some(r.clone()),
        }
        serde::Serialize::serialize(&repr, s)
    }
}

impl<'de> serde::Deserialize<'de> for FundingRecipient {
    /// Reads exactly one of `area`, `organisation` and `iati`, and `share`.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FundingRecipient, D::Error> {
        const FIELDS: &[&str] = &["area", "organisation", "iati", "share"];
        crate::serde_strict::checked(d, "Recipient", FIELDS, |r: RecipientRepr| {
            let given: Vec<(&str, Receiver)> = [
                r.area.map(|a| ("area", Receiver::Area(a))),
                r.organisation.map(|o| ("organisation", Receiver::Organisation(o))),
                r.iati.map(|i| ("iati", Receiver::Iati(i))),
            ]
            .into_iter()
            .flatten()
            .collect();
            match given.as_slice() {
                [(_, receiver)] => Ok(FundingRecipient {
                    receiver: receiver.clone(),
                    share: r.share,
                }),
                [] => Err("a recipient is one of `area`, `organisation` and `iati`: none is given".to_string()),
                [(a, _), (b, _), ..] => Err(format!(
                    "a recipient is one of `area`, `organisation` and `iati`: `{a}` and `{b}` are both given"
                )),
            }
        })
    }
}

/// The stage of a funding entry, after IATI's transaction lifecycle.
///
/// Stages are facts about a point in time: an announcement may never be
/// committed, and a commitment may be reduced (a negative amount) or
/// cancelled.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, serde::Serialize, serde::Deserialize,
)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FundingStage {
    /// Under discussion; not yet announced ("a new round of funding").
    Proposed,
    /// Announced publicly, with no formal pledge.
    Announced,
    /// Pledged: a formal promise, not yet binding (IATI transaction type 12,
    /// outgoing pledge).
    Pledged,
    /// Committed: a binding agreement (IATI 2, outgoing commitment).
    Committed,
    /// Paid out (IATI 3, disbursement).
    Disbursed,
    /// A commitment reduced; the amount is the (negative) change.
    Reduced,
    /// Called off.
    Cancelled,
}

impl FundingStage {
    /// The word used in the JSON format and in `Display`.
    pub const fn as_str(self) -> &'static str {
        match self {
            FundingStage::Proposed => "proposed",
            FundingStage::Announced => "announced",
            FundingStage::Pledged => "pledged",
            FundingStage::Committed => "committed",
            FundingStage::Disbursed => "disbursed",
            FundingStage::Reduced => "reduced",
            FundingStage::Cancelled => "cancelled",
        }
    }

    /// The IATI transaction type code of the stage, where IATI has one:
    /// 12 (outgoing pledge), 2 (outgoing commitment), 3 (disbursement).
    ///
    /// ```
    /// use statecraft::FundingStage;
    ///
    /// assert_eq!(FundingStage::Committed.iati_transaction_type(), Some(2));
    /// assert_eq!(FundingStage::Announced.iati_transaction_type(), None);
    /// ```
    pub const fn iati_transaction_type(self) -> Option<u8> {
        match self {
            FundingStage::Pledged => Some(12),
            FundingStage::Committed | FundingStage::Reduced => Some(2),
            FundingStage::Disbursed => Some(3),
            _ => None,
        }
    }

    /// Whether an amount at this stage may be negative: only a reduction
    /// or a cancellation takes money away.
    pub const fn allows_negative(self) -> bool {
        matches!(self, FundingStage::Reduced | FundingStage::Cancelled)
    }

    /// Every stage, in lifecycle order.
    pub fn iter() -> impl Iterator<Item = FundingStage> {
        <FundingStage as strum::IntoEnumIterator>::iter()
    }
}

impl fmt::Display for FundingStage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_words_match_serde() {
        for s in FundingStage::iter() {
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{s}\""));
        }
    }

    #[test]
    fn recipient_forms() {
        let gt = FundingRecipient::new(Area::Country(crate::Country::GT));
        let gavi = FundingRecipient::from(OrganisationId::new("gavi").unwrap());
        let sixty = crate::model::Share::from_percent(60).unwrap();
        let cases = [
            (gt.clone(), r#"{"area":{"country":"GT"}}"#),
            (gt.with_share(sixty), r#"{"area":{"country":"GT"},"share":"60"}"#),
            (
                FundingRecipient::new(Area::World).with_share(sixty),
                r#"{"area":"world","share":"60"}"#,
            ),
            (gavi.clone(), r#"{"organisation":"gavi"}"#),
            (gavi.with_share(sixty), r#"{"organisation":"gavi","share":"60"}"#),
            (
                FundingRecipient::from(OrgRef::new("XM-DAC-99999").unwrap()),
                r#"{"iati":"XM-DAC-99999"}"#,
            ),
        ];
        for (recipient, json) in cases {
            assert_eq!(serde_json::to_string(&recipient).unwrap(), json);
            assert_eq!(
                serde_json::from_str::<FundingRecipient>(json).unwrap(),
                recipient,
                "{json}"
            );
        }
        // Format 1's bare country code in `area` still reads.
        assert_eq!(
            serde_json::from_str::<FundingRecipient>(r#"{"area": "GT"}"#).unwrap(),
            FundingRecipient::new(Area::Country(crate::Country::GT))
        );
        let errors = [
            (
                r#"{"area": "GT", "organisation": "gavi"}"#,
                "a recipient is one of `area`, `organisation` and `iati`: `area` and `organisation` are both given \
                 at line 1 column 38",
            ),
            (
                r#"{"organisation": "gavi", "iati": "XM-DAC-47122", "share": "5"}"#,
                "a recipient is one of `area`, `organisation` and `iati`: `organisation` and `iati` are both given \
                 at line 1 column 62",
            ),
            (
                r#"{"share": "60"}"#,
                "a recipient is one of `area`, `organisation` and `iati`: none is given at line 1 column 15",
            ),
            (
                r#"{"area": {"organisation": "gavi"}}"#,
                "unknown variant `organisation`, expected one of `country`, `group`, `m49`, `subregion`, \
                 `dac-region`, `declared`, `world` at line 1 column 24",
            ),
            (
                r#"{"organisation": "Gavi"}"#,
                "invalid id `Gavi`: `G` is not a lowercase letter, digit or hyphen at line 1 column 23",
            ),
            (
                r#"{"organisation": {"id": "gavi"}}"#,
                "invalid type: map, expected an id such as \"harris\" at line 1 column 17",
            ),
            (
                r#"{"organisation": "gavi", "via": "US"}"#,
                "unknown field `via`, expected one of `area`, `organisation`, `iati`, `share` at line 1 column 30",
            ),
            (
                r#""gavi""#,
                "invalid type: string \"gavi\", expected struct Recipient at line 1 column 6",
            ),
        ];
        for (json, msg) in errors {
            assert_eq!(
                serde_json::from_str::<FundingRecipient>(json).unwrap_err().to_string(),
                msg,
                "{json}"
            );
        }
    }

    #[test]
    fn rate_date_prefers_the_value_date() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let f = Funding::new(
            "f".parse().unwrap(),
            crate::Country::US,
            FundingStage::Committed,
            "s".parse().unwrap(),
        );
        assert_eq!(f.rate_date(), None);
        let f = f.announced_on(d("2021-04-26"));
        assert_eq!(f.rate_date(), Some(d("2021-04-26")));
        assert_eq!(f.with_value_date(d("2021-05-01")).rate_date(), Some(d("2021-05-01")));
    }
}
