//! `VaccinePledge` and `VaccineAllocation`: doses promised, and where
//! they go.

use std::fmt;

use chrono::NaiveDate;

use super::{Actor, AllocationId, Area, LeaderId, PledgeId, Receiver, Share, ShareError, SourceId, Tranche, TrancheId};
use crate::serde_str::IsoDate;
use crate::Count;

crate::serde_strict::strict_serde!(
    VaccinePledge,
    VaccineAllocation,
    DoseStage,
    DoseChannel,
    Disease,
    VaccineProduct
);

/// A donor's promise of vaccine doses: "the US will share 25m doses with
/// the rest of the world".
///
/// What goes to whom is recorded as [`VaccineAllocation`]s that name the
/// pledge; the allocations of a pledge should never add up to more than
/// it. The doses are a [`Count`] as the source states them: exact
/// (`25,000,000`), qualified (`at least 80,000,000`) or a range. A pledge
/// divides into [`Tranche`]s (by channel, area or country), and may be
/// part of a larger pledge ([`VaccinePledge::part_of`]: the first 25
/// million of at least 80 million), so that summaries count each dose
/// once.
///
/// ```
/// use statecraft::model::{Disease, PledgeId, SourceId};
/// use statecraft::{Area, Country, NaiveDate, VaccinePledge};
///
/// let day = NaiveDate::from_ymd_opt(2021, 6, 3).ok_or("bad date")?;
/// let pledge = VaccinePledge::new(PledgeId::new("us-25m")?, Country::US, 25_000_000, day, SourceId::new("seed")?)
///     .with_disease(Disease::Covid19)
///     .with_destination(Area::World);
/// assert_eq!(pledge.share_of(1_500_000)?.to_string(), "6%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct VaccinePledge {
    id: PledgeId,
    donor: Actor,
    #[serde(serialize_with = "doses_json")]
    doses: Count,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    part_of: Option<PledgeId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    disease: Option<Disease>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    product: Option<VaccineProduct>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    channel: Option<DoseChannel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    destination: Option<Area>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tranches: Vec<Tranche>,
    announced: IsoDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    announced_by: Option<LeaderId>,
    source: SourceId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reported: Option<IsoDate>,
}

impl VaccinePledge {
    /// A pledge of exactly `doses` by `donor` (a country, an organisation,
    /// a group), announced on `announced` (see
    /// [`with_doses`](VaccinePledge::with_doses) for an approximate figure).
    pub fn new(
        id: PledgeId,
        donor: impl Into<Actor>,
        doses: u64,
        announced: NaiveDate,
        source: SourceId,
    ) -> VaccinePledge {
        VaccinePledge {
            id,
            donor: donor.into(),
            doses: Count::exact(doses),
            part_of: None,
            disease: None,
            product: None,
            channel: None,
            destination: None,
            tranches: Vec::new(),
            announced: IsoDate(announced),
            announced_by: None,
            source,
            reported: None,
        }
    }

    setters! {
        /// Of `doses` as the source states them ("at least 80 million"),
        /// in place of the exact number given to [`new`](VaccinePledge::new).
        ///
        /// ```
        /// use statecraft::model::{PledgeId, SourceId};
        /// use statecraft::{Count, Country, NaiveDate, Qualifier, VaccinePledge};
        ///
        /// let day = NaiveDate::from_ymd_opt(2021, 6, 3).ok_or("bad date")?;
        /// let p = VaccinePledge::new(PledgeId::new("us-80m")?, Country::US, 80_000_000, day, SourceId::new("wh")?)
        ///     .with_doses(Count::new(80_000_000, Qualifier::AtLeast));
        /// assert_eq!(p.doses().to_string(), "at least 80,000,000");
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        fn with_doses(doses: Count) { doses = doses }

        /// Part of the larger pledge `whole`: its doses are among the whole's,
        /// and summaries count them once, under the whole.
        fn part_of(whole: PledgeId) { part_of = Some(whole) }

        /// With one more tranche.
        fn with_tranche(tranche: Tranche) { tranches.push(tranche) }

        /// Against `disease`.
        fn with_disease(disease: Disease) { disease = Some(disease) }

        /// Of one product.
        fn with_product(product: VaccineProduct) { product = Some(product) }

        /// Through one channel.
        fn with_channel(channel: DoseChannel) { channel = Some(channel) }

        /// For `area` ([`Area::World`] for "the rest of the world").
        fn with_destination(area: Area) { destination = Some(area) }

        /// Announced by `leader`.
        fn announced_by(leader: LeaderId) { announced_by = Some(leader) }
    }

    getters! {
        /// The id.
        fn id -> &PledgeId { &id }

        /// The donor: a country, an organisation, a group.
        fn donor -> &Actor { &donor }

        /// The doses promised, as the source states them.
        fn doses -> Count { doses }

        /// The larger pledge this one is part of, when it is.
        fn parent -> Option<&PledgeId> { part_of.as_ref() }

        /// The tranches the pledge divides into (each may divide further).
        fn tranches -> &[Tranche] { &tranches }
    }

    /// The tranche `id`, at any depth.
    pub fn tranche(&self, id: &TrancheId) -> Option<&Tranche> {
        let mut stack: Vec<&Tranche> = self.tranches.iter().collect();
        while let Some(t) = stack.pop() {
            if t.id() == id {
                return Some(t);
            }
            stack.extend(t.tranches());
        }
        None
    }

    getters! {
        /// The disease, when given.
        fn disease -> Option<&Disease> { disease.as_ref() }

        /// The product, when the pledge is of one.
        fn product -> Option<&VaccineProduct> { product.as_ref() }

        /// The channel, when the pledge goes through one.
        fn channel -> Option<DoseChannel> { channel }

        /// Where the doses are to go, when given.
        fn destination -> Option<&Area> { destination.as_ref() }

        /// The day of the announcement.
        fn announced -> NaiveDate { announced.into() }

        /// The leader who announced it, when the source names one.
        fn announcer -> Option<&LeaderId> { announced_by.as_ref() }
    }

    /// The share `doses` make of this pledge: 1,500,000 of 25,000,000 is
    /// 6%. Of an approximate pledge, the share of the number it states
    /// (the first of a range).
    ///
    /// # Errors
    ///
    /// [`ShareError`] when the pledge is of no doses, or `doses` exceeds it.
    pub fn share_of(&self, doses: u64) -> Result<Share, ShareError> {
        Share::from_ratio(doses.into(), self.doses.value().into())
    }

    cited!();
}

/// Doses from a pledge for one recipient (a country, an area: a region, a
/// group, an area the dossier declares; or an organisation that receives
/// them itself: a [`Receiver`]), at one stage: announced, donated or
/// delivered. In the JSON format a country recipient is its bare code
/// (`"recipient": "GT"`), any other an [`Area`] object or an
/// organisation's (`{"organisation": "covax"}`). Stages are disjoint, as
/// in Our World in Data's donation data: a dose is counted at the furthest
/// stage it has reached, never at two. The doses are a [`Count`] as the source states them; an
/// allocation names the most specific [`Tranche`] of its pledge it
/// belongs to, when the pledge has tranches.
///
/// ```
/// use statecraft::model::{AllocationId, DoseStage, PledgeId, SourceId};
/// use statecraft::{Count, Country, VaccineAllocation};
///
/// let a = VaccineAllocation::new(AllocationId::new("us-25m-gt")?, PledgeId::new("us-25m")?, Country::GT, 500_000, DoseStage::Announced, SourceId::new("seed")?);
/// assert_eq!(a.doses(), Count::exact(500_000));
/// assert_eq!(a.stage().to_string(), "announced");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct VaccineAllocation {
    id: AllocationId,
    pledge: PledgeId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tranche: Option<TrancheId>,
    #[serde(serialize_with = "super::receiver::serialize_bare_country")]
    recipient: Receiver,
    #[serde(serialize_with = "doses_json")]
    doses: Count,
    stage: DoseStage,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    channel: Option<DoseChannel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<IsoDate>,
    source: SourceId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reported: Option<IsoDate>,
}

impl VaccineAllocation {
    /// Exactly `doses` from `pledge` for `recipient` (a country, an area
    /// or an organisation), at `stage` (see
    /// [`with_doses`](VaccineAllocation::with_doses) for an approximate
    /// figure).
    pub fn new(
        id: AllocationId,
        pledge: PledgeId,
        recipient: impl Into<Receiver>,
        doses: u64,
        stage: DoseStage,
        source: SourceId,
    ) -> VaccineAllocation {
        VaccineAllocation {
            id,
            pledge,
            tranche: None,
            recipient: recipient.into(),
            doses: Count::exact(doses),
            stage,
            channel: None,
            date: None,
            source,
            reported: None,
        }
    }

    setters! {
        /// Of `doses` as the source states them ("about 1 million"), in place
        /// of the exact number given to [`new`](VaccineAllocation::new).
        fn with_doses(doses: Count) { doses = doses }

        /// In the tranche `tranche` of its pledge: the most specific one the
        /// doses belong to.
        fn in_tranche(tranche: TrancheId) { tranche = Some(tranche) }

        /// Through `channel`.
        fn with_channel(channel: DoseChannel) { channel = Some(channel) }

        /// Reaching its stage on `date` (announced, donated or delivered that
        /// day).
        fn dated(date: NaiveDate) { date = Some(IsoDate(date)) }
    }

    getters! {
        /// The id.
        fn id -> &AllocationId { &id }

        /// The pledge the doses come from.
        fn pledge -> &PledgeId { &pledge }

        /// The tranche of the pledge the doses belong to, when given.
        fn tranche -> Option<&TrancheId> { tranche.as_ref() }

        /// The recipient: a country, an area or an organisation.
        fn recipient -> &Receiver { &recipient }

        /// The doses, as the source states them.
        fn doses -> Count { doses }

        /// The stage.
        fn stage -> DoseStage { stage }

        /// The channel, when given.
        fn channel -> Option<DoseChannel> { channel }

        /// The day the doses reached their stage, when given.
        fn date -> Option<NaiveDate> { date.map(NaiveDate::from) }
    }

    cited!();
}

/// Writes doses as the format does: an exact number as a JSON integer (as
/// format 1 wrote every number of doses), any other figure as its string
/// (`"about 19,000,000"`). [`Count`]'s own `Deserialize` reads both.
fn doses_json<S: serde::Serializer>(doses: &Count, s: S) -> Result<S::Ok, S::Error> {
    match doses.as_exact() {
        Some(n) => s.serialize_u64(n),
        None => serde::Serialize::serialize(doses, s),
    }
}

/// [`doses_json`] for optional doses (absent ones are skipped).
pub(super) fn optional_doses_json<S: serde::Serializer>(doses: &Option<Count>, s: S) -> Result<S::Ok, S::Error> {
    match doses {
        Some(d) => doses_json(d, s),
        None => s.serialize_none(),
    }
}

/// How far allocated doses have gone; disjoint stages, after Our World in
/// Data: pledged = announced + donated + delivered.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, serde::Serialize, serde::Deserialize,
)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DoseStage {
    /// Promised to the country, not yet handed over.
    Announced,
    /// Handed over (shipped or released), not yet arrived.
    Donated,
    /// Arrived in the country.
    Delivered,
}

impl DoseStage {
    /// The word used in the JSON format and in `Display`.
    pub const fn as_str(self) -> &'static str {
        match self {
            DoseStage::Announced => "announced",
            DoseStage::Donated => "donated",
            DoseStage::Delivered => "delivered",
        }
    }
}

impl fmt::Display for DoseStage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// How doses travel: through the COVAX facility, or directly from
/// government to government.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case", rename = "Channel")]
#[non_exhaustive]
pub enum DoseChannel {
    /// Through COVAX.
    Covax,
    /// Government to government.
    Bilateral,
}

impl fmt::Display for DoseChannel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            DoseChannel::Covax => "COVAX",
            DoseChannel::Bilateral => "bilateral",
        })
    }
}

/// The disease a vaccine is against.
///
/// In the JSON format: `"covid-19"`, ..., or `{"other": "dengue"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Disease {
    /// Covid-19.
    #[serde(rename = "covid-19")]
    Covid19,
    /// Influenza.
    Influenza,
    /// Measles.
    Measles,
    /// Polio.
    Polio,
    /// Mpox.
    Mpox,
    /// Cholera.
    Cholera,
    /// Ebola.
    Ebola,
    /// Any other, by name.
    Other(String),
}

impl fmt::Display for Disease {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            Disease::Covid19 => "Covid-19",
            Disease::Influenza => "influenza",
            Disease::Measles => "measles",
            Disease::Polio => "polio",
            Disease::Mpox => "mpox",
            Disease::Cholera => "cholera",
            Disease::Ebola => "Ebola",
            Disease::Other(s) => s,
        })
    }
}

/// A vaccine product.
///
/// In the JSON format: `"pfizer-biontech"`, `"moderna"`, ..., or
/// `{"other": "Soberana 02"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum VaccineProduct {
    /// Pfizer-BioNTech (Comirnaty).
    #[serde(rename = "pfizer-biontech")]
    PfizerBioNTech,
    /// Moderna (Spikevax).
    Moderna,
    /// Oxford-AstraZeneca (Vaxzevria).
    #[serde(rename = "oxford-astrazeneca")]
    OxfordAstraZeneca,
    /// Johnson & Johnson's Janssen.
    Janssen,
    /// Novavax.
    Novavax,
    /// Sinopharm.
    Sinopharm,
    /// Sinovac (CoronaVac).
    Sinovac,
    /// Sputnik V.
    #[serde(rename = "sputnik-v")]
    SputnikV,
    /// Covaxin.
    Covaxin,
    /// Any other, by name.
    Other(String),
}

impl fmt::Display for VaccineProduct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            VaccineProduct::PfizerBioNTech => "Pfizer-BioNTech",
            VaccineProduct::Moderna => "Moderna",
            VaccineProduct::OxfordAstraZeneca => "Oxford-AstraZeneca",
            VaccineProduct::Janssen => "Janssen",
            VaccineProduct::Novavax => "Novavax",
            VaccineProduct::Sinopharm => "Sinopharm",
            VaccineProduct::Sinovac => "Sinovac",
            VaccineProduct::SputnikV => "Sputnik V",
            VaccineProduct::Covaxin => "Covaxin",
            VaccineProduct::Other(s) => s,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_names() {
        assert_eq!(serde_json::to_string(&Disease::Covid19).unwrap(), "\"covid-19\"");
        assert_eq!(
            serde_json::to_string(&VaccineProduct::PfizerBioNTech).unwrap(),
            "\"pfizer-biontech\""
        );
        assert_eq!(
            serde_json::to_string(&VaccineProduct::SputnikV).unwrap(),
            "\"sputnik-v\""
        );
        for s in <DoseStage as strum::IntoEnumIterator>::iter() {
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{s}\""));
        }
    }

    #[test]
    fn recipients_of_allocations_and_tranches_in_and_out() {
        let allocation = |recipient: &str| {
            format!(r#"{{"id":"a","pledge":"p","recipient":{recipient},"doses":5,"stage":"announced","source":"s"}}"#)
        };
        let tranche = |recipient: &str| format!(r#"{{"id":"t","recipient":{recipient}}}"#);
        let org = |id: &str| Receiver::Organisation(crate::model::OrganisationId::new(id).unwrap());
        // (written, read as), a country bare in an allocation only.
        let cases = [
            (r#""GT""#, r#"{"country":"GT"}"#, Receiver::from(crate::Country::GT)),
            (r#""world""#, r#""world""#, Receiver::Area(Area::World)),
            (
                r#"{"m49":"Africa"}"#,
                r#"{"m49":"Africa"}"#,
                Receiver::from(crate::geo::Region::Africa),
            ),
            (
                r#"{"organisation":"covax"}"#,
                r#"{"organisation":"covax"}"#,
                org("covax"),
            ),
            (
                r#"{"iati":"XM-DAC-47122"}"#,
                r#"{"iati":"XM-DAC-47122"}"#,
                Receiver::Iati(crate::org::OrgRef::new("XM-DAC-47122").unwrap()),
            ),
        ];
        for (in_allocation, in_tranche, receiver) in cases {
            let a: VaccineAllocation = serde_json::from_str(&allocation(in_allocation)).unwrap();
            assert_eq!(a.recipient(), &receiver);
            assert_eq!(serde_json::to_string(&a).unwrap(), allocation(in_allocation));
            let t: Tranche = serde_json::from_str(&tranche(in_tranche)).unwrap();
            assert_eq!(t.recipient(), Some(&receiver));
            assert_eq!(serde_json::to_string(&t).unwrap(), tranche(in_tranche));
            // Either form reads in either place.
            let a: VaccineAllocation = serde_json::from_str(&allocation(in_tranche)).unwrap();
            assert_eq!(a.recipient(), &receiver);
        }
        assert_eq!(
            serde_json::from_str::<Tranche>(&tranche(r#"{"organisation":"covax","m49":"Africa"}"#))
                .unwrap_err()
                .to_string(),
            "expected the end of the object (it takes exactly one key), found a second key `m49` at line 1 column 51"
        );
    }

    #[test]
    fn share_of_a_pledge() {
        let p = VaccinePledge::new(
            "p".parse().unwrap(),
            crate::Country::US,
            25_000_000,
            "2021-06-03".parse().unwrap(),
            "s".parse().unwrap(),
        );
        assert_eq!(p.share_of(500_000).unwrap().to_string(), "2%");
        assert_eq!(p.share_of(25_000_000).unwrap(), Share::HUNDRED);
        assert_eq!(
            p.share_of(25_000_001).unwrap_err().to_string(),
            "invalid share `25000001/25000000`: above 100%"
        );
    }
}
