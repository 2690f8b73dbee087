//! `Rule`: what validation checks, each with a stable kebab-case id.

use std::fmt;
use std::str::FromStr;

use super::Severity;
use crate::Excerpt;

/// A rule a consistent dossier keeps, as [`Dossier::validate`](crate::Dossier::validate)
/// checks it.
///
/// Each rule has a stable kebab-case [`id`](Rule::id) (`allocation-exceeds-pledge`)
/// that reports print and tools can filter on: ids are never renamed or
/// reused, and `Display`/`FromStr` write and read exactly that id. Each has a
/// fixed [`severity`](Rule::severity): an error is a contradiction, a
/// warning something that could not be judged or is likely, but not
/// certainly, wrong. Rules follow the IATI validator where it has one
/// ([`iati`](Rule::iati)). `docs/RULES.md` lists them all.
///
/// Two rules hold in every dossier that loads: each share is within
/// 0..=100 ([`Rule::ShareOutOfRange`], IATI 12.1.1) and counts are not
/// negative ([`Rule::NegativeCount`]). A [`Share`](crate::model::Share) and a
/// [`Count`](crate::Count) cannot hold another value, so the loader
/// refuses one with its line and column, and validation never reports
/// these rules. They keep their ids so that the list of rules is the
/// whole of what a consistent dossier keeps;
/// [`enforced_by_types`](Rule::enforced_by_types) says which they are.
///
/// ```
/// use statecraft::{Rule, Severity};
///
/// let rule: Rule = "allocation-exceeds-pledge".parse()?;
/// assert_eq!(rule, Rule::AllocationExceedsPledge);
/// assert_eq!(rule.to_string(), "allocation-exceeds-pledge");
/// assert_eq!(rule.severity(), Severity::Error);
/// assert_eq!(Rule::SharesDoNotSumTo100.iati(), Some("3.1.2"));
///
/// let e = "no-such-rule".parse::<Rule>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown rule `no-such-rule`");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter)]
#[non_exhaustive]
pub enum Rule {
    // References ----------------------------------------------------------
    /// `duplicate-id` (error): ids are unique within their kind; the second
    /// and later sources, groups, leaders, trips, meetings, initiatives,
    /// funding entries, pledges, allocations or statistics with an id
    /// already used are reported at their `id`. (A dossier group may reuse
    /// the id of a built-in group: its own comes first.)
    DuplicateId,
    /// `unknown-leader` (error): every leader a fact names resolves: a
    /// trip's `traveller`, a meeting participant's `leader`, the
    /// `announced_by` of an initiative, funding entry or pledge.
    UnknownLeader,
    /// `unknown-trip` (error): the `trip` of a meeting resolves.
    UnknownTrip,
    /// `unknown-pledge` (error): every pledge a fact names resolves: the
    /// `pledge` of a vaccine allocation, the `part_of` of a pledge.
    UnknownPledge,
    /// `unknown-group` (error): every area or actor that names a group
    /// resolves to one of the dossier's groups or a built-in one: funding
    /// recipients, donors and channels, initiative targets and sponsors,
    /// pledge donors and destinations, allocation recipients, meeting
    /// hosts, terms' and roles' holders, statistic scopes and breakdown
    /// parts.
    UnknownGroup,
    /// `unknown-organisation` (error): every actor or recipient that names
    /// an organisation resolves to one the dossier declares or a built-in
    /// one ([`org::Organisation::builtin`](crate::org::Organisation::builtin)):
    /// funding donors, channels and recipients, pledge donors, tranche and
    /// allocation recipients, initiative sponsors, meeting hosts, the
    /// holders of terms and roles. (An organisation known only by its IATI
    /// identifier, `{"iati": ...}`, names none.)
    UnknownOrganisation,
    /// `unknown-area` (error): every area that names a declared area
    /// resolves to one the dossier declares.
    UnknownArea,
    /// `before-group-history` (error): a fact that names a group (as a
    /// donor, recipient, destination, target, sponsor or host) is not dated
    /// before the group's recorded history, when its members are not
    /// known: funding by its value date (else announcement), a pledge by
    /// its announcement, an allocation by its date, an initiative by its
    /// announcement, a meeting by its first day.
    BeforeGroupHistory,

    // Periods -------------------------------------------------------------
    /// `term-ends-before-start` (error): a term of office does not end
    /// before it starts (IATI 11.1.2, 11.1.3: start ≤ end). A leader with
    /// such a term is not checked by the office rules, which could only
    /// repeat the mistake.
    TermEndsBeforeStart,
    /// `leg-departs-before-arrival` (error): a leg of a trip does not end
    /// (depart) before it starts (arrive) (IATI 11.1.2, 11.1.3). A trip's
    /// own first and last days are its legs' earliest arrival and latest
    /// departure, so this is also the trip's start ≤ end. Meetings on a trip
    /// with such a leg are not checked against its legs.
    LegDepartsBeforeArrival,
    /// `legs-out-of-order` (error): legs are in travel order: each arrives
    /// on or after the day the one before it departs (or, without a
    /// departure, arrives). A leg that departs before it arrives is not
    /// ordered against its neighbours.
    LegsOutOfOrder,
    /// `period-ends-before-start` (error): the range a statistic covers
    /// does not end before it starts (IATI 11.1.2, 11.1.3).
    PeriodEndsBeforeStart,
    /// `meeting-ends-before-start` (error): a meeting's last day is not
    /// before its first (IATI 11.1.2, 11.1.3).
    MeetingEndsBeforeStart,
    /// `meeting-outside-trip` (error): a meeting on a trip falls on a day
    /// one of the trip's legs in the meeting's country covers. A cancelled
    /// leg covers only a cancelled meeting.
    MeetingOutsideTrip,

    // Offices -------------------------------------------------------------
    /// `not-in-office` (error): every leader who takes part in a trip
    /// (on every day of its legs, cancelled legs aside), a meeting (not a
    /// cancelled one) or an announcement (when it is dated) holds a term
    /// covering that day. An announcement with no date is not checked.
    NotInOffice,
    /// `role-not-held` (error): where a meeting names a participant's
    /// office, the participant holds that office of that country or
    /// organisation on the meeting's first day. Reported only when some
    /// term covers the day (else `not-in-office` says it).
    RoleNotHeld,
    /// `function-not-held` (error): where a meeting names a participant by
    /// a function ("the head of government of Germany"), the participant
    /// holds a term of that country or organisation carrying it on the
    /// meeting's first day: a function the term states, else one its office
    /// carries by default ([`Office::default_functions`](crate::model::Office::default_functions)).
    /// Reported only when some term covers the day.
    FunctionNotHeld,
    /// `concurrent-office-holders` (warning): two people do not hold the
    /// same single-holder office of one country at once. A handover day
    /// (one term ends on the day the next starts) is not an overlap; an
    /// [`Office::Other`](crate::model::Office::Other) is not known to have a single
    /// holder and is not checked.
    ConcurrentOfficeHolders,

    // Sources -------------------------------------------------------------
    /// `unknown-source` (error): the source a fact cites exists.
    UnknownSource,
    /// `fact-after-source` (error): a fact is not dated after the date its
    /// source reported it (its `reported` date, else the source's
    /// `published`), unless it was still to come: a planned or cancelled
    /// meeting or leg, a planned initiative, proposed funding. The date
    /// checked is the one [`FactRef::date`](crate::model::FactRef::date) gives,
    /// except for a trip, the arrival of each leg that happened, and a
    /// leader, the start of each term: a term's end after the source's
    /// date is the end it was scheduled to have, not a later fact.
    FactAfterSource,

    // Money ---------------------------------------------------------------
    /// `currency-not-legal-tender` (error): a funding amount's currency was
    /// legal tender on its value date (the `value_date`, else the
    /// announcement date; not checked without either), and each reported
    /// amount's on the date the source reported it, dual circulation
    /// counted ([`Currency::is_in_circulation_on`](crate::Currency::is_in_circulation_on)):
    /// EUR before 1999-01-01, SLE before 2022-07-01, CYP after 2008-01-31
    /// or HRK after 2023-01-14 are errors.
    CurrencyNotLegalTender,
    /// `negative-amount` (error): an amount, or an amount reported beside
    /// it, is negative only when the funding is reduced or cancelled (IATI:
    /// sign is a rule of the stage).
    NegativeAmount,
    /// `share-out-of-range` (error, enforced by types): each share is
    /// within 0..=100 (IATI 12.1.1). A [`Share`](crate::model::Share) cannot hold
    /// another value and the loader refuses one, so validation never
    /// reports this rule.
    ShareOutOfRange,
    /// `shares-do-not-sum-to-100` (error): when the recipients of a funding
    /// entry have shares, they sum to 100 within 0.01 (IATI 3.1.2).
    SharesDoNotSumTo100,
    /// `share-missing` (error): when some recipients of a funding entry
    /// have a share, all do (IATI 3.1.2 needs every part of a split).
    ShareMissing,
    /// `empty-recipient-group` (error): a group that receives funding or a
    /// pledge's doses has at least one member.
    EmptyRecipientGroup,

    // Reported pairs ------------------------------------------------------
    /// `reported-pair-inconsistent` (error): each amount reported beside a
    /// funding amount agrees with it at the reference rate of the date the
    /// source reported it, within the tolerance of
    /// [`fx::check_reported`](crate::fx::check_reported) (rounding slack of
    /// the reported figure plus 1%).
    ReportedPairInconsistent,
    /// `reported-pair-unchecked` (warning): a reported amount could not be
    /// checked: no rate source covers the pair on that date, the pair
    /// cannot imply a rate (same currency, a zero amount, opposite signs),
    /// or the funding gives no amount to check it against.
    ReportedPairUnchecked,

    // Vaccines ------------------------------------------------------------
    /// `doses-not-positive` (error): a pledge or allocation is of at least
    /// one dose: its figure allows one ("fewer than 1" does not).
    /// (Negative doses cannot be held: the loader refuses them.)
    DosesNotPositive,
    /// `allocation-exceeds-pledge` (error): the allocations from a pledge,
    /// at every stage, never sum above it: the least their figures allow
    /// is not above the most the pledge's allows ("about 19 million" is at
    /// most 19.5 million).
    AllocationExceedsPledge,
    /// `stage-counted-twice` (warning): stages are disjoint, a dose is
    /// counted once, at the furthest stage it reached. Each allocation has
    /// exactly one stage, so the type keeps a batch from being at two; what
    /// it cannot keep out is the same batch recorded twice: two allocations
    /// from one pledge to one country of the same number of doses at
    /// different stages. Two real batches of the same size look the same,
    /// hence a warning: record each batch once, at its furthest stage.
    StageCountedTwice,
    /// `allocation-before-pledge` (error): an allocation is not dated
    /// before the pledge it comes from was announced.
    AllocationBeforePledge,
    /// `unknown-tranche` (error): the `tranche` an allocation names is a
    /// tranche of its pledge, at any depth. (Tranche ids are unique in the
    /// dossier: `duplicate-id` reports a repeat.)
    UnknownTranche,
    /// `pledge-part-of-itself` (error): a pledge is not part of itself,
    /// directly or through the pledges it is part of (`part_of`). Each
    /// pledge on such a cycle is reported, at its `part_of`; summaries
    /// count the pledges of a cycle in no total.
    PledgePartOfItself,
    /// `tranche-exceeds-parent` (error): the tranches within a pledge or
    /// a tranche are, together, no more than it: the least their figures
    /// allow is not above the most the parent's allows. A tranche with no
    /// figure of its own stands for at least its own tranches; one with a
    /// share, for that share of its parent. Reported at the parent's
    /// `tranches`. The pledges that are part of a larger pledge likewise,
    /// reported at the larger pledge's `doses`.
    TrancheExceedsParent,
    /// `tranche-shares-exceed-100` (error): the shares of the tranches
    /// within one pledge or tranche sum to at most 100% (within 0.01, as
    /// IATI 3.1.2 allows a split). Reported at the parent's `tranches`.
    TrancheSharesExceed100,
    /// `allocation-exceeds-tranche` (error): the allocations in a tranche
    /// and in the tranches within it never sum above the doses the tranche
    /// holds (its figure, or its share of its parent): the least their
    /// figures allow is not above the most the tranche's allows. Reported
    /// at the tranche's `doses` (or `share`).
    AllocationExceedsTranche,
    /// `recipient-outside-destination` (error): when a pledge names where
    /// its doses go, each allocation from it goes there: its recipient's
    /// countries all lie within the destination, a group's members taken
    /// on the allocation's date (else the pledge's). Not checked where
    /// either is a DAC region, whose countries no list gives, nor for an
    /// organisation as recipient, which stands for no country.
    RecipientOutsideDestination,

    // Statistics ----------------------------------------------------------
    /// `negative-count` (error, enforced by types): counts are not
    /// negative. A [`Count`](crate::Count) is unsigned and the loader
    /// refuses a negative one, so validation never reports this rule.
    NegativeCount,
    /// `breakdown-exceeds-100` (error): the breakdown shares of a statistic
    /// sum to at most 100%, counting only the shares that are a sure lower
    /// bound: exact, "more than", "just over" and "at least" ones ("more
    /// than" and "just over" push a sum of exactly 100 above it). Estimates ("about", "approaching")
    /// and ceilings ("up to", "fewer than") count as 0. Parts are read as
    /// disjoint.
    BreakdownExceeds100,
    /// `breakdown-may-exceed-100` (warning): the breakdown shares of a
    /// statistic, estimates ("about", "approaching") taken at their
    /// figure, sum to at most 100%. Reported only when the sure shares
    /// alone do not (else `breakdown-exceeds-100` says it): "approaching
    /// 60%" and "about 41%" read as 101%, but may be 59% and 40%.
    BreakdownMayExceed100,

    // Figures -------------------------------------------------------------
    /// `bounds-inverted` (error, enforced by types): a range's low end is
    /// not above its high end ("5–3m"), wherever a figure is a range
    /// (doses, counts, amounts). A [`Figure`](crate::notation::Figure)
    /// cannot hold such a range and the loader refuses one, so validation
    /// never reports this rule.
    BoundsInverted,
}

impl Rule {
    /// The stable kebab-case id: `"allocation-exceeds-pledge"`.
    pub const fn id(self) -> &'static str {
        match self {
            Rule::DuplicateId => "duplicate-id",
            Rule::UnknownLeader => "unknown-leader",
            Rule::UnknownTrip => "unknown-trip",
            Rule::UnknownPledge => "unknown-pledge",
            Rule::UnknownGroup => "unknown-group",
            Rule::UnknownOrganisation => "unknown-organisation",
            Rule::UnknownArea => "unknown-area",
            Rule::BeforeGroupHistory => "before-group-history",
            Rule::TermEndsBeforeStart => "term-ends-before-start",
            Rule::LegDepartsBeforeArrival => "leg-departs-before-arrival",
            Rule::LegsOutOfOrder => "legs-out-of-order",
            Rule::PeriodEndsBeforeStart => "period-ends-before-start",
            Rule::MeetingEndsBeforeStart => "meeting-ends-before-start",
            Rule::MeetingOutsideTrip => "meeting-outside-trip",
            Rule::NotInOffice => "not-in-office",
            Rule::RoleNotHeld => "role-not-held",
            Rule::FunctionNotHeld => "function-not-held",
            Rule::ConcurrentOfficeHolders => "concurrent-office-holders",
            Rule::UnknownSource => "unknown-source",
            Rule::FactAfterSource => "fact-after-source",
            Rule::CurrencyNotLegalTender => "currency-not-legal-tender",
            Rule::NegativeAmount => "negative-amount",
            Rule::ShareOutOfRange => "share-out-of-range",
            Rule::SharesDoNotSumTo100 => "shares-do-not-sum-to-100",
            Rule::ShareMissing => "share-missing",
            Rule::EmptyRecipientGroup => "empty-recipient-group",
            Rule::ReportedPairInconsistent => "reported-pair-inconsistent",
            Rule::ReportedPairUnchecked => "reported-pair-unchecked",
            Rule::DosesNotPositive => "doses-not-positive",
            Rule::AllocationExceedsPledge => "allocation-exceeds-pledge",
            Rule::StageCountedTwice => "stage-counted-twice",
            Rule::AllocationBeforePledge => "allocation-before-pledge",
            Rule::UnknownTranche => "unknown-tranche",
            Rule::PledgePartOfItself => "pledge-part-of-itself",
            Rule::TrancheExceedsParent => "tranche-exceeds-parent",
            Rule::TrancheSharesExceed100 => "tranche-shares-exceed-100",
            Rule::AllocationExceedsTranche => "allocation-exceeds-tranche",
            Rule::RecipientOutsideDestination => "recipient-outside-destination",
            Rule::NegativeCount => "negative-count",
            Rule::BreakdownExceeds100 => "breakdown-exceeds-100",
            Rule::BreakdownMayExceed100 => "breakdown-may-exceed-100",
            Rule::BoundsInverted => "bounds-inverted",
        }
    }

    /// How grave a breach is: an error for a contradiction, a warning for
    /// what could not be checked or is only likely wrong.
    pub const fn severity(self) -> Severity {
        match self {
            Rule::ConcurrentOfficeHolders
            | Rule::ReportedPairUnchecked
            | Rule::StageCountedTwice
            | Rule::BreakdownMayExceed100 => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// What the rule checks, in one line (as `docs/RULES.md` lists it).
    pub const fn summary(self) -> &'static str {
        match self {
            Rule::DuplicateId => "ids are unique within their kind",
            Rule::UnknownLeader => "every leader a fact names resolves",
            Rule::UnknownTrip => "the trip of a meeting resolves",
            Rule::UnknownPledge => "every pledge an allocation or a pledge names resolves",
            Rule::UnknownGroup => "every group an area or actor names resolves",
            Rule::UnknownOrganisation => "every organisation an actor or a recipient names resolves",
            Rule::UnknownArea => "every declared area an area names resolves",
            Rule::BeforeGroupHistory => "a fact naming a group is not dated before its recorded history",
            Rule::TermEndsBeforeStart => "a term does not end before it starts",
            Rule::LegDepartsBeforeArrival => "a leg does not depart before it arrives",
            Rule::LegsOutOfOrder => "each leg arrives on or after the previous one departs",
            Rule::PeriodEndsBeforeStart => "a statistic's range does not end before it starts",
            Rule::MeetingEndsBeforeStart => "a meeting does not end before it starts",
            Rule::MeetingOutsideTrip => "a meeting on a trip falls within a leg in its country",
            Rule::NotInOffice => "a leader taking part holds a term covering the day",
            Rule::RoleNotHeld => "a participant holds the office the meeting names them in",
            Rule::FunctionNotHeld => "a participant carries the function the meeting names them by",
            Rule::ConcurrentOfficeHolders => "no two people hold one single-holder office at once",
            Rule::UnknownSource => "the source a fact cites exists",
            Rule::FactAfterSource => "a fact is not dated after its source, unless still to come",
            Rule::CurrencyNotLegalTender => "an amount's currency was legal tender on its value date",
            Rule::NegativeAmount => "amounts are negative only when reduced or cancelled",
            Rule::ShareOutOfRange => "each share is within 0..=100 (enforced by types)",
            Rule::SharesDoNotSumTo100 => "recipient shares sum to 100 within 0.01",
            Rule::ShareMissing => "when some recipients have a share, all do",
            Rule::EmptyRecipientGroup => "a recipient group has at least one member",
            Rule::ReportedPairInconsistent => "a reported amount agrees at the rate of the report's date",
            Rule::ReportedPairUnchecked => "a reported amount could not be checked",
            Rule::DosesNotPositive => "a pledge or allocation is of at least one dose",
            Rule::AllocationExceedsPledge => "allocations from a pledge never sum above it",
            Rule::StageCountedTwice => "a batch of doses is counted at one stage only",
            Rule::AllocationBeforePledge => "an allocation is not dated before its pledge",
            Rule::UnknownTranche => "the tranche of an allocation is a tranche of its pledge",
            Rule::PledgePartOfItself => "a pledge is not part of itself, directly or through others",
            Rule::TrancheExceedsParent => "the tranches within a pledge or tranche sum to no more than it",
            Rule::TrancheSharesExceed100 => "the shares of the tranches within one part sum to at most 100%",
            Rule::AllocationExceedsTranche => "allocations in a tranche never sum above it",
            Rule::RecipientOutsideDestination => "an allocation's recipient lies within its pledge's destination",
            Rule::NegativeCount => "counts are not negative (enforced by types)",
            Rule::BreakdownExceeds100 => "breakdown shares sum to at most 100%",
            Rule::BreakdownMayExceed100 => "breakdown shares, estimates at their figure, sum to at most 100%",
            Rule::BoundsInverted => "a range's low end is not above its high end (enforced by types)",
        }
    }

    /// The IATI Standard rule it follows, where there is one: `"3.1.2"`
    /// (percentages sum to 100), `"12.1.1"` (a percentage is within
    /// 0..=100), `"11.1.2, 11.1.3"` (start before end).
    pub const fn iati(self) -> Option<&'static str> {
        match self {
            Rule::TermEndsBeforeStart
            | Rule::LegDepartsBeforeArrival
            | Rule::PeriodEndsBeforeStart
            | Rule::MeetingEndsBeforeStart => Some("11.1.2, 11.1.3"),
            Rule::ShareOutOfRange => Some("12.1.1"),
            Rule::SharesDoNotSumTo100 | Rule::ShareMissing => Some("3.1.2"),
            _ => None,
        }
    }

    /// Whether the model's types make the rule impossible to break in a
    /// dossier that loads, so that validation never reports it:
    /// [`Rule::ShareOutOfRange`], [`Rule::NegativeCount`] and
    /// [`Rule::BoundsInverted`].
    ///
    /// ```
    /// use statecraft::Rule;
    ///
    /// let never: Vec<&str> = Rule::iter().filter(|r| r.enforced_by_types()).map(|r| r.id()).collect();
    /// assert_eq!(never, ["share-out-of-range", "negative-count", "bounds-inverted"]);
    /// ```
    pub const fn enforced_by_types(self) -> bool {
        matches!(self, Rule::ShareOutOfRange | Rule::NegativeCount | Rule::BoundsInverted)
    }

    /// Every rule, grouped by subject as `docs/RULES.md` lists them.
    pub fn iter() -> impl Iterator<Item = Rule> {
        <Rule as strum::IntoEnumIterator>::iter()
    }
}

impl fmt::Display for Rule {
    /// The id.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.id())
    }
}

impl FromStr for Rule {
    type Err = ParseRuleError;

    /// Reads a rule id, exactly as [`Rule::id`] writes it.
    ///
    /// # Errors
    ///
    /// [`ParseRuleError`] quoting the text when it is no rule's id.
    fn from_str(s: &str) -> Result<Rule, ParseRuleError> {
        Rule::iter()
            .find(|r| r.id() == s)
            .ok_or_else(|| ParseRuleError { input: Excerpt::new(s) })
    }
}

impl serde::Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> serde::Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Rule, D::Error> {
        crate::serde_str::deserialize_from_str(d, "a rule id such as \"allocation-exceeds-pledge\"")
    }
}

/// The error for text that is no rule's id.
///
/// ```
/// let e = "Duplicate-Id".parse::<statecraft::Rule>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown rule `Duplicate-Id`");
/// assert_eq!(e.input(), "Duplicate-Id");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule `{input}`")]
pub struct ParseRuleError {
    input: Excerpt,
}

impl ParseRuleError {
    /// The text that was not a rule id.
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for rule in Rule::iter() {
            let id = rule.id();
            assert!(seen.insert(id), "{id} twice");
            assert_eq!(id.parse::<Rule>().unwrap(), rule);
            assert_eq!(rule.to_string(), id);
            assert!(
                id.split('-')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "{id}"
            );
            let json = serde_json::to_string(&rule).unwrap();
            assert_eq!(json, format!("\"{id}\""));
            assert_eq!(serde_json::from_str::<Rule>(&json).unwrap(), rule);
        }
        assert_eq!(seen.len(), 42);
    }

    #[test]
    fn ids_are_pinned() {
        // Ids are an interface: renaming one breaks users' filters.
        let ids: Vec<&str> = Rule::iter().map(Rule::id).collect();
        assert_eq!(
            ids,
            [
                "duplicate-id",
                "unknown-leader",
                "unknown-trip",
                "unknown-pledge",
                "unknown-group",
                "unknown-organisation",
                "unknown-area",
                "before-group-history",
                "term-ends-before-start",
                "leg-departs-before-arrival",
                "legs-out-of-order",
                "period-ends-before-start",
                "meeting-ends-before-start",
                "meeting-outside-trip",
                "not-in-office",
                "role-not-held",
                "function-not-held",
                "concurrent-office-holders",
                "unknown-source",
                "fact-after-source",
                "currency-not-legal-tender",
                "negative-amount",
                "share-out-of-range",
                "shares-do-not-sum-to-100",
                "share-missing",
                "empty-recipient-group",
                "reported-pair-inconsistent",
                "reported-pair-unchecked",
                "doses-not-positive",
                "allocation-exceeds-pledge",
                "stage-counted-twice",
                "allocation-before-pledge",
                "unknown-tranche",
                "pledge-part-of-itself",
                "tranche-exceeds-parent",
                "tranche-shares-exceed-100",
                "allocation-exceeds-tranche",
                "recipient-outside-destination",
                "negative-count",
                "breakdown-exceeds-100",
                "breakdown-may-exceed-100",
                "bounds-inverted",
            ]
        );
        let warnings: Vec<&str> = Rule::iter()
            .filter(|r| r.severity() == Severity::Warning)
            .map(Rule::id)
            .collect();
        assert_eq!(
            warnings,
            [
                "concurrent-office-holders",
                "reported-pair-unchecked",
                "stage-counted-twice",
                "breakdown-may-exceed-100"
            ]
        );
    }

    #[test]
    fn unknown_ids_are_quoted() {
        for s in ["", "duplicate_id", "DUPLICATE-ID", " duplicate-id"] {
            assert_eq!(
                s.parse::<Rule>().unwrap_err().to_string(),
                format!("unknown rule `{s}`")
            );
        }
        let e = serde_json::from_str::<Rule>("\"nope\"").unwrap_err();
        assert_eq!(e.to_string(), "unknown rule `nope` at line 1 column 6");
    }
}
