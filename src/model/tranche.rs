//! `Tranche`: a part of a vaccine pledge, by channel, area or country,
//! itself divided into parts.

use super::{DoseChannel, FieldPath, Receiver, Share, TrancheId, VaccinePledge};
use crate::notation::Bounds;
use crate::Count;

crate::serde_strict::strict_serde!(Tranche);

/// A part of a [`VaccinePledge`]: the doses that go through one channel
/// (COVAX, bilateral), to one area, one country or one organisation (a
/// [`Receiver`]), stated as doses (approximately, as the press gives
/// them: "about 19 million"), as a share of the part it belongs to
/// ("75%"), both, or neither (a country named with no figure). A tranche
/// divides into tranches of its own, so a pledge is a tree: the US's first 25 million doses are about 19 million
/// through COVAX — about 6 million for South and Central America, 7
/// million for Asia, 5 million for Africa — and about 6 million shared
/// directly.
///
/// Allocations name the most specific tranche they belong to
/// ([`VaccineAllocation::in_tranche`](crate::VaccineAllocation::in_tranche));
/// summaries roll each dose up through its tranches once
/// ([`PledgeSummary::tranches`](crate::PledgeSummary::tranches)).
/// Tranche ids are unique within the dossier. A tranche belongs to its
/// pledge and cites the pledge's source; a part of a pledge announced
/// apart, with its own date and source, is a pledge of its own, part of
/// the larger ([`VaccinePledge::part_of`]).
///
/// ```
/// use statecraft::geo::Region;
/// use statecraft::model::{DoseChannel, PledgeId, Share, SourceId, Tranche, TrancheId};
/// use statecraft::{Area, Count, Country, NaiveDate, Qualifier, VaccinePledge};
///
/// let about = |n| Count::new(n, Qualifier::About);
/// let covax = Tranche::new(TrancheId::new("us-25m-covax")?)
///     .through(DoseChannel::Covax)
///     .with_doses(about(19_000_000))
///     .with_share(Share::from_percent(75)?)
///     .with_tranche(Tranche::new(TrancheId::new("us-25m-covax-asia")?).to(Area::from(Region::Asia)).with_doses(about(7_000_000)));
/// let day = NaiveDate::from_ymd_opt(2021, 6, 3).ok_or("bad date")?;
/// let pledge = VaccinePledge::new(PledgeId::new("us-25m")?, Country::US, 25_000_000, day, SourceId::new("wh")?)
///     .with_tranche(covax);
/// let names: Vec<&str> = pledge.tranches().iter().flat_map(|t| t.tranches()).map(|t| t.id().as_str()).collect();
/// assert_eq!(names, ["us-25m-covax-asia"]);
/// assert_eq!(pledge.tranche(&TrancheId::new("us-25m-covax-asia")?).and_then(|t| t.doses()), Some(about(7_000_000)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Tranche {
    id: TrancheId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    channel: Option<DoseChannel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    recipient: Option<Receiver>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::vaccine::optional_doses_json"
    )]
    doses: Option<Count>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    share: Option<Share>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tranches: Vec<Tranche>,
}

impl Tranche {
    /// A tranche with nothing said of it yet.
    pub fn new(id: TrancheId) -> Tranche {
        Tranche {
            id,
            name: None,
            channel: None,
            recipient: None,
            doses: None,
            share: None,
            tranches: Vec::new(),
        }
    }

    /// With a name, in the dossier's words ("South and Central America").
    #[must_use]
    pub fn named(mut self, name: impl Into<String>) -> Tranche {
        self.name = Some(name.into());
        self
    }

    /// Through `channel`.
    #[must_use]
    pub fn through(mut self, channel: DoseChannel) -> Tranche {
        self.channel = Some(channel);
        self
    }

    /// For `recipient`: an area, a country or an organisation.
    #[must_use]
    pub fn to(mut self, recipient: impl Into<Receiver>) -> Tranche {
        self.recipient = Some(recipient.into());
        self
    }

    /// Of `doses`, as the source states them.
    #[must_use]
    pub fn with_doses(mut self, doses: Count) -> Tranche {
        self.doses = Some(doses);
        self
    }

    /// Of `share` of the part it belongs to (the pledge, or the tranche it
    /// is in).
    #[must_use]
    pub fn with_share(mut self, share: Share) -> Tranche {
        self.share = Some(share);
        self
    }

    /// With one more tranche within it.
    #[must_use]
    pub fn with_tranche(mut self, tranche: Tranche) -> Tranche {
        self.tranches.push(tranche);
        self
    }

    /// The id.
    pub fn id(&self) -> &TrancheId {
        &self.id
    }

    /// The name, when given.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The channel, when given.
    pub fn channel(&self) -> Option<DoseChannel> {
        self.channel
    }

    /// The area, country or organisation the doses go to, when given.
    pub fn recipient(&self) -> Option<&Receiver> {
        self.recipient.as_ref()
    }

    /// The doses, as the source states them, when it does.
    pub fn doses(&self) -> Option<Count> {
        self.doses
    }

    /// The share of the part it belongs to, when the source gives one.
    pub fn share(&self) -> Option<Share> {
        self.share
    }

    /// The tranches within it, in order.
    pub fn tranches(&self) -> &[Tranche] {
        &self.tranches
    }
}

/// A tranche of a pledge's tree, flattened: the tranche, the place of its
/// parent in the same list (`None` under the pledge itself), its path in
/// the document, and the bounds of the doses it holds.
#[derive(Clone, Debug)]
pub(crate) struct Node<'a> {
    pub(crate) tranche: &'a Tranche,
    pub(crate) parent: Option<usize>,
    pub(crate) path: FieldPath,
    /// Its own figure when it states one, else its share of the part it
    /// belongs to (the tranche that holds it, or the pledge) when that
    /// part's doses are known; `None` when neither is given.
    pub(crate) pledged: Option<Bounds<u64>>,
}

/// Every tranche of `pledge` (at `path`), parents before their children,
/// depth first in the document's order.
pub(crate) fn nodes<'a>(pledge: &'a VaccinePledge, path: &FieldPath) -> Vec<Node<'a>> {
    fn walk<'a>(
        tranches: &'a [Tranche],
        parent: Option<usize>,
        whole: Option<Bounds<u64>>,
        path: &FieldPath,
        out: &mut Vec<Node<'a>>,
    ) {
        for (i, t) in tranches.iter().enumerate() {
            let here = path.clone().field("tranches").index(i);
            let pledged = match (t.doses, t.share, whole) {
                (Some(doses), _, _) => Some(doses.bounds()),
                (None, Some(share), Some(whole)) => Some(whole.scaled(share.fraction())),
                _ => None,
            };
            out.push(Node {
                tranche: t,
                parent,
                path: here.clone(),
                pledged,
            });
            let me = out.len().saturating_sub(1);
            walk(&t.tranches, Some(me), pledged, &here, out);
        }
    }
    let mut out = Vec::new();
    walk(pledge.tranches(), None, Some(pledge.doses().bounds()), path, &mut out);
    out
}
