//! `Topic`: the items of a diplomatic agenda.

use std::fmt;
use std::str::FromStr;

use crate::Excerpt;

crate::serde_strict::strict_serde!(Topic);

/// An item on a diplomatic agenda, which meetings, trips, initiatives,
/// funding and figures are tagged with: the seed article's four are
/// migration and the border, corruption, economic growth and vaccine
/// sharing.
///
/// Each topic has an id, used in the JSON format (`"vaccine-sharing"`),
/// and a label, written by `Display` ("vaccine sharing"); `FromStr` reads
/// either, in any case.
///
/// ```
/// use statecraft::model::Topic;
///
/// let t: Topic = "Migration and the border".parse()?;
/// assert_eq!(t, Topic::Migration);
/// assert_eq!(t.id(), "migration");
/// assert_eq!(t.to_string(), "migration and the border");
/// assert_eq!("vaccine-sharing".parse::<Topic>()?, Topic::VaccineSharing);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, serde::Serialize, serde::Deserialize,
)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Topic {
    /// Migration, asylum and the border.
    Migration,
    /// Corruption and anti-corruption.
    Corruption,
    /// Economic growth and opportunity.
    EconomicGrowth,
    /// Sharing vaccine doses.
    VaccineSharing,
    /// Human trafficking and smuggling, of people and drugs.
    Trafficking,
    /// Security, policing and violence.
    Security,
    /// Climate change and its effects.
    Climate,
    /// Public and private investment.
    Investment,
    /// Gender equality and the empowerment of women and girls.
    Gender,
    /// Food security and hunger.
    FoodSecurity,
    /// Recovery from disasters (hurricanes, earthquakes).
    DisasterRecovery,
    /// Public health, pandemics.
    Health,
    /// Trade.
    Trade,
    /// Human rights.
    HumanRights,
    /// The rule of law and the independence of courts and prosecutors.
    RuleOfLaw,
    /// Agriculture.
    Agriculture,
    /// Entrepreneurship and small business.
    Entrepreneurship,
    /// Housing.
    Housing,
    /// Education.
    Education,
    /// Jobs and job training.
    Jobs,
    /// Energy.
    Energy,
}

/// Each topic's id and label.
const NAMES: &[(Topic, &str, &str)] = &[
    (Topic::Migration, "migration", "migration and the border"),
    (Topic::Corruption, "corruption", "corruption"),
    (Topic::EconomicGrowth, "economic-growth", "economic growth"),
    (Topic::VaccineSharing, "vaccine-sharing", "vaccine sharing"),
    (Topic::Trafficking, "trafficking", "trafficking and smuggling"),
    (Topic::Security, "security", "security"),
    (Topic::Climate, "climate", "climate change"),
    (Topic::Investment, "investment", "investment"),
    (Topic::Gender, "gender", "gender equality"),
    (Topic::FoodSecurity, "food-security", "food security"),
    (Topic::DisasterRecovery, "disaster-recovery", "disaster recovery"),
    (Topic::Health, "health", "public health"),
    (Topic::Trade, "trade", "trade"),
    (Topic::HumanRights, "human-rights", "human rights"),
    (Topic::RuleOfLaw, "rule-of-law", "rule of law"),
    (Topic::Agriculture, "agriculture", "agriculture"),
    (Topic::Entrepreneurship, "entrepreneurship", "entrepreneurship"),
    (Topic::Housing, "housing", "housing"),
    (Topic::Education, "education", "education"),
    (Topic::Jobs, "jobs", "jobs and training"),
    (Topic::Energy, "energy", "energy"),
];

impl Topic {
    /// The id of the JSON format: `"economic-growth"`.
    pub fn id(self) -> &'static str {
        NAMES.iter().find(|(t, _, _)| *t == self).map_or("", |(_, id, _)| id)
    }

    /// The label: `"economic growth"`.
    pub fn label(self) -> &'static str {
        NAMES.iter().find(|(t, _, _)| *t == self).map_or("", |(_, _, l)| l)
    }

    /// Every topic, in declaration order.
    pub fn iter() -> impl Iterator<Item = Topic> {
        <Topic as strum::IntoEnumIterator>::iter()
    }
}

impl fmt::Display for Topic {
    /// The label.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.label())
    }
}

impl FromStr for Topic {
    type Err = ParseTopicError;

    /// Reads an id or a label, ignoring case and surrounding space.
    ///
    /// # Errors
    ///
    /// [`ParseTopicError`] naming the text when it is no topic.
    fn from_str(s: &str) -> Result<Topic, ParseTopicError> {
        let t = s.trim();
        NAMES
            .iter()
            .find(|(_, id, label)| id.eq_ignore_ascii_case(t) || label.eq_ignore_ascii_case(t))
            .map(|(topic, _, _)| *topic)
            .ok_or_else(|| ParseTopicError { input: Excerpt::new(s) })
    }
}

/// The error for text that names no topic.
///
/// ```
/// let e = "weather".parse::<statecraft::model::Topic>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown topic `weather`");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown topic `{input}`")]
pub struct ParseTopicError {
    input: Excerpt,
}

impl ParseTopicError {
    /// The text that was not recognised.
    pub fn input(&self) -> &str {
        self.input.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_topic_has_names_that_round_trip() {
        assert_eq!(NAMES.len(), Topic::iter().count());
        for t in Topic::iter() {
            assert!(!t.id().is_empty() && !t.label().is_empty(), "{t:?}");
            assert_eq!(t.to_string().parse::<Topic>(), Ok(t));
            assert_eq!(t.id().parse::<Topic>(), Ok(t));
            assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{}\"", t.id()));
        }
    }
}
