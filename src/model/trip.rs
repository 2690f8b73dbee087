//! `Trip`: a journey abroad, leg by leg.

use std::fmt;

use chrono::NaiveDate;

use super::{EventStatus, LeaderId, SourceId, Topic, TripId};
use crate::serde_str::IsoDate;
use crate::Country;

crate::serde_strict::strict_serde!(Trip, Leg, TripNote);

/// A leader's journey abroad, in the spirit of CAMEO's "make a visit"
/// (042) and "host a visit" (043) events: who travelled, to which
/// countries on which days, why, and how the trip was marked (a first
/// trip abroad in office).
///
/// Each [`Leg`] says whether it had happened or was still planned at the
/// date of the source: "arrived in Guatemala on Sunday, will visit Mexico
/// on Tuesday".
///
/// ```
/// use statecraft::model::{LeaderId, Leg, SourceId, Topic, TripId, TripNote};
/// use statecraft::{Country, NaiveDate, Trip};
///
/// let d = |m, day| NaiveDate::from_ymd_opt(2021, m, day).ok_or("bad date");
/// let trip = Trip::new(TripId::new("harris-2021-06")?, LeaderId::new("harris")?, SourceId::new("seed")?)
///     .with_leg(Leg::new(Country::GT, d(6, 6)?).departing(d(6, 7)?))
///     .with_leg(Leg::new(Country::MX, d(6, 8)?).departing(d(6, 8)?).planned())
///     .with_note(TripNote::FirstAbroadInOffice)
///     .with_topic(Topic::Migration);
/// assert_eq!(trip.start(), Some(d(6, 6)?));
/// assert_eq!(trip.end(), Some(d(6, 8)?));
/// assert_eq!(trip.leg_on(d(6, 7)?).map(|l| l.country()), Some(Country::GT));
/// assert!(trip.legs()[1].status().is_planned());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Trip {
    id: TripId,
    traveller: LeaderId,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    legs: Vec<Leg>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    topics: Vec<Topic>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    notes: Vec<TripNote>,
    source: SourceId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reported: Option<IsoDate>,
}

impl Trip {
    /// A trip by `traveller`, with no legs yet.
    pub fn new(id: TripId, traveller: LeaderId, source: SourceId) -> Trip {
        Trip {
            id,
            traveller,
            legs: Vec::new(),
            purpose: None,
            topics: Vec::new(),
            notes: Vec::new(),
            source,
            reported: None,
        }
    }

    setters! {
        /// With one more leg, in travel order.
        fn with_leg(leg: Leg) { legs.push(leg) }

        /// With its purpose, in the dossier's own words.
        fn with_purpose(purpose: impl Into<String>) { purpose = Some(purpose.into()) }

        /// With one more agenda topic.
        fn with_topic(topic: Topic) { topics.push(topic) }

        /// With one more note ("first trip abroad in office").
        fn with_note(note: TripNote) { notes.push(note) }
    }

    getters! {
        /// The id.
        fn id -> &TripId { &id }

        /// Who travelled.
        fn traveller -> &LeaderId { &traveller }

        /// The legs, in travel order.
        fn legs -> &[Leg] { &legs }
    }

    /// The leg under way on `date`: the first whose stay covers it.
    pub fn leg_on(&self, date: NaiveDate) -> Option<&Leg> {
        self.legs.iter().find(|l| l.covers(date))
    }

    /// The first day: the earliest arrival.
    pub fn start(&self) -> Option<NaiveDate> {
        self.legs.iter().map(Leg::arrival).min()
    }

    /// The last day: the latest departure or, for a leg with no departure
    /// date, arrival.
    pub fn end(&self) -> Option<NaiveDate> {
        self.legs.iter().map(Leg::last_day).max()
    }

    getters! {
        /// The purpose, in the dossier's own words.
        fn purpose -> Option<&str> { purpose.as_deref() }

        /// The agenda topics.
        fn topics -> &[Topic] { &topics }

        /// The notes.
        fn notes -> &[TripNote] { &notes }
    }

    cited!();
}

/// A stay in one country during a trip: arrival, departure (unknown for a
/// stay the source does not date the end of), and whether it had happened
/// at the source's date.
///
/// In the JSON format: `{"country": "MX", "arrival": "2021-06-08",
/// "departure": "2021-06-08", "status": "planned"}`.
///
/// ```
/// use statecraft::model::Leg;
/// use statecraft::{Country, NaiveDate};
///
/// let d = |day| NaiveDate::from_ymd_opt(2021, 6, day).ok_or("bad date");
/// let gt = Leg::new(Country::GT, d(6)?).departing(d(7)?);
/// assert!(gt.covers(d(7)?) && !gt.covers(d(8)?));
/// let mx = Leg::new(Country::MX, d(8)?).planned();
/// assert_eq!(mx.last_day(), d(8)?);
/// assert_eq!(mx.status().to_string(), "planned");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", deny_unknown_fields)]
pub struct Leg {
    country: Country,
    arrival: IsoDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    departure: Option<IsoDate>,
    status: EventStatus,
}

impl Leg {
    /// A stay in `country` from `arrival`, that happened.
    pub fn new(country: Country, arrival: NaiveDate) -> Leg {
        Leg {
            country,
            arrival: IsoDate(arrival),
            departure: None,
            status: EventStatus::Happened,
        }
    }

    setters! {
        /// The same stay, leaving on `departure`.
        fn departing(departure: NaiveDate) { departure = Some(IsoDate(departure)) }
    }

    /// The same stay, still planned at the source's date.
    #[must_use]
    pub fn planned(self) -> Leg {
        self.with_status(EventStatus::Planned)
    }

    setters! {
        /// The same stay, with `status`.
        fn with_status(status: EventStatus) { status = status }
    }

    getters! {
        /// The country.
        fn country -> Country { country }

        /// The day of arrival.
        fn arrival -> NaiveDate { arrival.into() }

        /// The day of departure, when known.
        fn departure -> Option<NaiveDate> { departure.map(NaiveDate::from) }
    }

    /// The last day of the stay: the departure, or the arrival when the
    /// departure is not known.
    pub fn last_day(&self) -> NaiveDate {
        self.departure().unwrap_or(self.arrival())
    }

    /// Whether `date` falls within the stay, arrival and departure days
    /// included.
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.arrival() <= date && date <= self.last_day()
    }

    getters! {
        /// Whether it had happened at the source's date.
        fn status -> EventStatus { status }
    }
}

/// Something a report notes about a trip.
///
/// In the JSON format: `"first-abroad-in-office"`, `"fact-finding"`, ...,
/// or `{"other": "first visit by a vice-president since 2015"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(remote = "Self", rename_all = "kebab-case")]
#[non_exhaustive]
pub enum TripNote {
    /// The traveller's first trip abroad in their current office.
    FirstAbroadInOffice,
    /// The traveller's first visit in office to the country of a leg.
    FirstVisitInOffice,
    /// A trip to gather information and listen, not to sign agreements.
    FactFinding,
    /// A state visit, at the invitation of the host head of state.
    StateVisit,
    /// An official or working visit.
    WorkingVisit,
    /// Anything else, in the dossier's own words.
    Other(String),
}

impl fmt::Display for TripNote {
    /// "first trip abroad in office", "fact-finding", ...
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            TripNote::FirstAbroadInOffice => "first trip abroad in office",
            TripNote::FirstVisitInOffice => "first visit in office",
            TripNote::FactFinding => "fact-finding",
            TripNote::StateVisit => "state visit",
            TripNote::WorkingVisit => "working visit",
            TripNote::Other(s) => s,
        })
    }
}
