//! A proptest strategy for *consistent* dossiers: every id resolves and is
//! unique, periods are ordered, meetings fall within their trip's legs,
//! leaders hold office whenever they act and no office has two holders,
//! facts precede their sources unless still to come, amounts are legal tender and signed by
//! their stage, shares sum to 100, reported amounts are the exact
//! conversion at the rate table generated beside the dossier, allocations
//! stay within half their pledge (a sixteenth of pledge 0, which divides
//! into tranches with approximate figures and shares, and has a pledge
//! part of it), and breakdowns within 99%.
//!
//! Leaders hold one office each (leader 0 is a President), of distinct
//! countries, in several terms: split by recesses (days nobody acts on,
//! between two terms), sometimes by a handover to themselves on the next
//! day, the last one open or scheduled to end after every source. Some
//! trips and meetings are planned after their source; some facts carry a
//! `reported` date after their own.
//!
//! Beyond that, the first items are rich enough for every rule to be
//! broken by one change (`tests/model/validate_properties.rs`): at least two
//! leaders; trip 0 has two or more legs, strictly apart, the first one
//! happened; meeting 0 is on trip 0, not cancelled, with a participant;
//! funding 0 has an amount, two or more recipients with shares, and a
//! reported amount; pledge 0 has an allocation, in its bilateral tranche
//! (its second, "up to" a quarter of it); the last pledge is part of
//! pledge 0; there is a statistic.
//!
//! Entropy comes from a vector of numbers drawn by a cursor, so that
//! shrinking the numbers shrinks the dossier.
//!
//! Include with `#[path = "support/consistent_dossier.rs"] mod consistent;`.

#![allow(dead_code)]

use proptest::prelude::*;
use statecraft::fx::{RateSource, RateTable};
use statecraft::geo::{M49Area, Region};
use statecraft::model::{
    Breakdown, DoseChannel, DoseStage, EventStatus, FundingRecipient, GroupId, InitiativeKind, LeaderId, Leg,
    MeetingKind, Metric, Office, OfficeRole, OrganisationId, Participant, Period, Share, SourceId, StatisticScope,
    Term, Tranche, YearMonth,
};
use statecraft::{
    Area, Count, Country, CountryGroup, Currency, Decimal, Dossier, Funding, FundingStage, Initiative, Leader, Meeting,
    Money, NaiveDate, Publication, Qualifier, Statistic, Trip, VaccineAllocation, VaccinePledge,
};

/// The currencies of amounts and reported amounts: legal tender all
/// through the window of events, and in the generated rate table.
pub const CURRENCIES: [Currency; 5] = [
    Currency::USD,
    Currency::EUR,
    Currency::GBP,
    Currency::JPY,
    Currency::CHF,
];

/// Events fall from 2000-01-01 to 2020-12-31, except planned ones, which
/// may follow their source; sources are published from 2021-01-01 to
/// 2024-12-31; terms start on 1990-01-01, and the last one is open or
/// ends on 2030-12-31.
pub fn first_event() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap()
}
pub fn last_event() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 12, 31).unwrap()
}
pub fn term_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(1990, 1, 1).unwrap()
}
pub fn scheduled_end() -> NaiveDate {
    NaiveDate::from_ymd_opt(2030, 12, 31).unwrap()
}

fn days(n: u32) -> chrono::Days {
    chrono::Days::new(u64::from(n))
}

/// The end of the first recess that meets `from..=to`, if any.
fn recess_in(recesses: &[(NaiveDate, NaiveDate)], from: NaiveDate, to: NaiveDate) -> Option<NaiveDate> {
    recesses
        .iter()
        .find(|(start, end)| *start <= to && from <= *end)
        .map(|r| r.1)
}

/// A consistent dossier and the rates its reported amounts were computed
/// at.
#[derive(Clone, Debug)]
pub struct Consistent {
    pub dossier: Dossier,
    pub rates: RateTable,
}

pub fn consistent_dossier() -> impl Strategy<Value = Consistent> {
    prop::collection::vec(any::<u32>(), 64..400).prop_map(|numbers| build(&mut Dice { numbers, at: 0 }))
}

/// A cursor over the drawn numbers; it wraps around when they run out.
struct Dice {
    numbers: Vec<u32>,
    at: usize,
}

impl Dice {
    fn next(&mut self) -> u32 {
        let n = self.numbers.get(self.at % self.numbers.len()).copied().unwrap_or(0);
        self.at += 1;
        n
    }
    /// From `lo` to `hi`, both included.
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.next() % (hi - lo + 1)
    }
    fn coin(&mut self) -> bool {
        self.next() % 2 == 1
    }
    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.next() as usize % items.len()].clone()
    }
    /// A day from `from` to `to`, both included.
    fn day(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let span = (to - from).num_days() as u32;
        from + chrono::Days::new(u64::from(self.range(0, span)))
    }
    /// A day from `from` on (to `to`, unless a recess pushes it past) on
    /// which leaders are in office.
    fn free_day(&mut self, recesses: &[(NaiveDate, NaiveDate)], from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let mut day = self.day(from, to);
        while let Some(end) = recess_in(recesses, day, day) {
            day = end + days(1);
        }
        day
    }
    fn status(&mut self) -> EventStatus {
        self.pick(&[EventStatus::Happened, EventStatus::Planned, EventStatus::Cancelled])
    }
    /// `k` distinct countries.
    fn countries(&mut self, k: usize) -> Vec<Country> {
        let all: Vec<Country> = Country::iter().collect();
        self.countries_of(&all, k)
    }
    /// `k` distinct countries of `pool` (all of them, when it holds fewer).
    fn countries_of(&mut self, pool: &[Country], k: usize) -> Vec<Country> {
        let k = k.min(pool.len());
        let mut out = Vec::with_capacity(k);
        while out.len() < k {
            let c = self.pick(pool);
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }
    /// `k` parts of `total` hundredths of a percent (at least `k`), each
    /// at least 1, summing to `total` exactly.
    fn parts(&mut self, k: usize, total: i64) -> Vec<Share> {
        if k == 0 {
            return Vec::new();
        }
        let weights: Vec<i64> = (0..k).map(|_| i64::from(self.range(1, 100))).collect();
        let sum: i64 = weights.iter().sum();
        let spare = total - k as i64;
        let mut hundredths: Vec<i64> = weights.iter().map(|w| 1 + spare * w / sum).collect();
        let rest = total - hundredths.iter().sum::<i64>();
        *hundredths.last_mut().unwrap() += rest;
        hundredths
            .into_iter()
            .map(|h| Share::new(Decimal::new(h, 2)).unwrap())
            .collect()
    }
}

fn id<T>(kind: &str, i: usize) -> statecraft::model::Id<T> {
    format!("{kind}-{i}").parse().unwrap()
}

fn build(dice: &mut Dice) -> Consistent {
    let mut d = Dossier::new();

    // Sources, and a rate for every pair of currencies on each one's date.
    let mut rates = RateTable::named("generated");
    let n_sources = dice.range(1, 2) as usize;
    let mut published: Vec<NaiveDate> = Vec::new();
    for i in 0..n_sources {
        let day = dice.day(
            NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
        );
        d.add(Publication::new(id("source", i), format!("Source {i}"), day));
        let new = !published.contains(&day);
        published.push(day);
        if new {
            for (a, base) in CURRENCIES.iter().enumerate() {
                for quote in &CURRENCIES[a + 1..] {
                    let rate = Decimal::new(i64::from(dice.range(1, 2_000_000)), dice.range(0, 4));
                    rates.insert(day, *base, *quote, rate).unwrap();
                }
            }
        }
    }
    let sources: Vec<SourceId> = (0..n_sources).map(|i| id("source", i)).collect();

    // Groups, never empty.
    let n_groups = dice.range(0, 2) as usize;
    let mut groups: Vec<GroupId> = vec!["northern-triangle".parse().unwrap(), "g7".parse().unwrap()];
    for i in 0..n_groups {
        let k = dice.range(1, 4) as usize;
        let members = dice.countries(k);
        d.add(CountryGroup::new(&format!("group-{i}"), format!("Group {i}"), members).unwrap());
        groups.push(id("group", i));
    }
    let area = |dice: &mut Dice| -> Area {
        match dice.range(0, 3) {
            0 => Area::Country(dice.countries(1)[0]),
            1 => Area::Group(dice.pick(&groups)),
            2 => Area::M49(dice.pick(&M49Area::iter().collect::<Vec<_>>())),
            _ => Area::World,
        }
    };

    // Recesses: spans of days between two terms of every leader, on which
    // nobody acts; at most one in 2001-2009 and one in 2011-2019.
    let mut recesses: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for r in 0..dice.range(0, 2) as i32 {
        let start = dice.day(
            NaiveDate::from_ymd_opt(2001 + 10 * r, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2009 + 10 * r, 12, 31).unwrap(),
        );
        recesses.push((start, start + days(dice.range(0, 30))));
    }

    // Leaders: one office each (leader 0 a President) of distinct
    // countries, in terms from 1990-01-01 split by the recesses and
    // sometimes handed over to themselves on the next day; the last term
    // open or scheduled to end after every source.
    let n_leaders = dice.range(2, 4) as usize;
    let homes = dice.countries(n_leaders);
    let leaders: Vec<LeaderId> = (0..n_leaders).map(|i| id("leader", i)).collect();
    let mut offices: Vec<Office> = Vec::new();
    for (i, home) in homes.iter().enumerate() {
        let office = if i == 0 {
            Office::President
        } else {
            dice.pick(&[
                Office::President,
                Office::VicePresident,
                Office::PrimeMinister,
                Office::ForeignMinister,
                Office::Other("Special Envoy".to_string()),
            ])
        };
        let mut leader = Leader::new(leaders[i].clone(), format!("Leader {i}"), dice.pick(&sources));
        let mut start = term_start();
        let mut ends: Vec<(NaiveDate, NaiveDate)> = recesses.iter().map(|&(a, b)| (a - days(1), b + days(1))).collect();
        if dice.coin() {
            let handover = dice.day(ends.last().map_or(start, |r| r.1), last_event());
            ends.push((handover, handover + days(1)));
        }
        for (end, next) in ends {
            leader = leader.with_term(Term::new(office.clone(), *home, start).until(end));
            start = next;
        }
        let mut last = Term::new(office.clone(), *home, start);
        if dice.coin() {
            last = last.until(scheduled_end());
        }
        leader = leader.with_term(last);
        if dice.coin() {
            leader = leader.with_reported(dice.day(NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(), scheduled_end()));
        }
        d.add(leader);
        offices.push(office);
    }

    // Trips: legs strictly apart, in order, clear of recesses (and of the
    // day before each); trip 0 has two or more and its first happened.
    // A later trip may be planned after its source.
    let n_trips = dice.range(1, 2) as usize;
    let mut trip_legs: Vec<Vec<Leg>> = Vec::new();
    for i in 0..n_trips {
        let n_legs = dice.range(if i == 0 { 2 } else { 1 }, 3) as usize;
        let si = dice.range(0, n_sources as u32 - 1) as usize;
        let future = i > 0 && dice.coin();
        let mut day = if future {
            published[si] + days(dice.range(1, 60))
        } else {
            dice.day(first_event(), NaiveDate::from_ymd_opt(2020, 6, 30).unwrap())
        };
        let mut legs = Vec::new();
        let mut trip = Trip::new(id("trip", i), dice.pick(&leaders), sources[si].clone());
        for k in 0..n_legs {
            let stay = dice.range(0, 3);
            let status = if i == 0 && k == 0 {
                EventStatus::Happened
            } else if future {
                dice.pick(&[EventStatus::Planned, EventStatus::Cancelled])
            } else {
                dice.status()
            };
            while let Some(end) = recess_in(&recesses, day - days(1), day + days(stay)) {
                day = end + days(2);
            }
            let mut leg = Leg::new(dice.countries(1)[0], day).with_status(status);
            if stay > 0 || dice.coin() {
                leg = leg.departing(day + days(stay));
            }
            day = leg.last_day() + days(dice.range(1, 5));
            trip = trip.with_leg(leg.clone());
            legs.push(leg);
        }
        if !future && dice.coin() {
            trip = trip.with_reported(day + days(dice.range(0, 30)));
        }
        d.add(trip);
        trip_legs.push(legs);
    }

    // Meetings: meeting 0 on trip 0, not cancelled, with a participant.
    let n_meetings = dice.range(1, 3) as usize;
    for i in 0..n_meetings {
        let on_trip = if i == 0 {
            Some(0)
        } else {
            dice.coin().then(|| dice.range(0, n_trips as u32 - 1) as usize)
        };
        let mut status = if i == 0 {
            dice.pick(&[EventStatus::Happened, EventStatus::Planned])
        } else {
            dice.status()
        };
        let si = dice.range(0, n_sources as u32 - 1) as usize;
        let (date, place) = match on_trip {
            Some(t) => {
                let mut leg = dice.pick(&trip_legs[t]);
                // A cancelled leg covers only a cancelled meeting; trip 0's
                // first leg happened.
                if leg.status() == EventStatus::Cancelled {
                    if i == 0 {
                        leg = trip_legs[0][0].clone();
                    } else {
                        status = EventStatus::Cancelled;
                    }
                }
                (dice.day(leg.arrival(), leg.last_day()), leg.country())
            }
            // Planned after its source, or on a day leaders are in office.
            None if i > 0 && dice.coin() => {
                status = dice.pick(&[EventStatus::Planned, EventStatus::Cancelled]);
                (published[si] + days(dice.range(1, 400)), dice.countries(1)[0])
            }
            None => (
                dice.free_day(&recesses, first_event(), last_event()),
                dice.countries(1)[0],
            ),
        };
        // Only what was still to come may follow its source.
        if date > published[si] && status == EventStatus::Happened {
            status = EventStatus::Planned;
        }
        let mut m =
            Meeting::new(id("meeting", i), date, place, MeetingKind::Meeting, sources[si].clone()).with_status(status);
        if date <= last_event() && dice.coin() {
            m = m.with_reported(dice.day(NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(), scheduled_end()));
        }
        if let Some(t) = on_trip {
            m = m.on_trip(id("trip", t));
        }
        let n_parts = dice.range(if i == 0 { 1 } else { 0 }, n_leaders as u32) as usize;
        let first = dice.range(0, n_leaders as u32 - 1) as usize;
        for k in 0..n_parts {
            let who = (first + k) % n_leaders;
            let mut p = Participant::new(leaders[who].clone());
            if dice.coin() {
                p = p.as_role(OfficeRole::new(offices[who].clone(), homes[who]));
            }
            m = m.with_participant(p);
        }
        d.add(m);
    }

    // Initiatives.
    for i in 0..dice.range(0, 2) as usize {
        let mut x = Initiative::new(
            id("initiative", i),
            format!("Initiative {i}"),
            InitiativeKind::Programme,
            dice.countries(1)[0],
            dice.pick(&sources),
        )
        .with_status(dice.status());
        if dice.coin() {
            x = x.announced_on(dice.free_day(&recesses, first_event(), last_event()));
        }
        if dice.coin() {
            x = x.announced_by(dice.pick(&leaders));
        }
        for _ in 0..dice.range(0, 2) {
            x = x.with_target(area(dice));
        }
        d.add(x);
    }

    // Funding: funding 0 is disclosed, split and reported in another
    // currency.
    let n_funding = dice.range(1, 3) as usize;
    for i in 0..n_funding {
        let stage = dice.pick(&FundingStage::iter().collect::<Vec<_>>());
        let si = dice.range(0, n_sources as u32 - 1) as usize;
        let mut f = Funding::new(id("funding", i), dice.countries(1)[0], stage, sources[si].clone());
        let n_recipients = dice.range(if i == 0 { 2 } else { 0 }, 4) as usize;
        let shares = if i == 0 || dice.coin() {
            dice.parts(n_recipients, 10_000)
        } else {
            Vec::new()
        };
        for k in 0..n_recipients {
            // The first an area (the mutations change it), any other
            // an area or an organisation of the registry.
            let mut r = match k > 0 && dice.range(0, 3) == 0 {
                true => FundingRecipient::from(
                    dice.pick(&["gavi", "unicef", "covax"].map(|o| o.parse::<OrganisationId>().unwrap())),
                ),
                false => FundingRecipient::new(area(dice)),
            };
            if let Some(s) = shares.get(k) {
                r = r.with_share(*s);
            }
            f = f.with_recipient(r);
        }
        if dice.coin() {
            f = f.announced_on(dice.free_day(&recesses, first_event(), last_event()));
        }
        if dice.coin() {
            f = f.with_value_date(dice.day(first_event(), last_event()));
        }
        if dice.coin() {
            f = f.announced_by(dice.pick(&leaders));
        }
        if i == 0 || dice.coin() {
            let mut amount = Decimal::new(
                i64::from(dice.range(1, u32::MAX)) * i64::from(dice.range(1, 1000)),
                dice.range(0, 2),
            );
            if stage.allows_negative() && dice.coin() {
                amount = -amount;
            }
            let currency = dice.pick(&CURRENCIES);
            let money = Money::new(amount, currency);
            f = f.with_amount(money);
            let day = published[si];
            let n_reported = dice.range(if i == 0 { 1 } else { 0 }, 2) as usize;
            let others: Vec<Currency> = CURRENCIES.iter().copied().filter(|c| *c != currency).collect();
            let first = dice.range(0, 3) as usize;
            for k in 0..n_reported {
                let to = others[(first + k) % others.len()];
                f = f.with_reported_as(rates.convert(money, to, day).unwrap());
            }
        }
        d.add(f);
    }

    // Pledges, and allocations to distinct countries within half of each,
    // and within its destination when it has one. Pledge 0 is of k million
    // doses (8 ≤ k ≤ 999) in two tranches: about k/4 million through COVAX
    // (25%), split in half to an area and a country with no figure, and up
    // to k/4 million bilateral (25%); its allocations stay within a
    // sixteenth of it, the first in the bilateral tranche, the others in
    // the COVAX one. A last pledge, of about a tenth of pledge 0, is part
    // of it.
    let n_pledges = dice.range(1, 2) as usize;
    let mut n_allocations = 0;
    let mut first_pledge = None;
    for i in 0..n_pledges {
        let (doses, budget) = if i == 0 {
            let millions = u64::from(dice.range(8, 999));
            let doses = millions * 1_000_000;
            (doses, doses / 16)
        } else {
            let doses = u64::from(dice.range(2, u32::MAX));
            (doses, doses / 2)
        };
        let announced = dice.free_day(&recesses, first_event(), NaiveDate::from_ymd_opt(2020, 6, 30).unwrap());
        let mut p = VaccinePledge::new(
            id("pledge", i),
            dice.countries(1)[0],
            doses,
            announced,
            dice.pick(&sources),
        );
        if i == 0 {
            let quarter = doses / 4_000_000 * 1_000_000;
            let area = Area::from(dice.pick(&[M49Area::from(Region::Asia), M49Area::from(Region::Africa)]));
            let covax = Tranche::new(id("tranche", 0))
                .through(DoseChannel::Covax)
                .with_doses(Count::new(quarter, Qualifier::About))
                .with_share(Share::from_percent(25).unwrap())
                .with_tranche(
                    Tranche::new(id("tranche", 2))
                        .to(area)
                        .with_share(Share::from_percent(50).unwrap()),
                )
                .with_tranche(Tranche::new(id("tranche", 3)).to(Area::from(dice.countries(1)[0])));
            let bilateral = Tranche::new(id("tranche", 1))
                .through(DoseChannel::Bilateral)
                .with_doses(Count::new(quarter, Qualifier::UpTo))
                .with_share(Share::from_percent(25).unwrap());
            p = p.with_tranche(covax).with_tranche(bilateral);
            first_pledge = Some((doses, announced));
        }
        let mut pool: Vec<Country> = Country::iter().collect();
        if dice.coin() {
            let destination = area(dice);
            let within = d.countries_in(&destination, NaiveDate::MAX).unwrap();
            if !within.is_empty() {
                pool = within;
                p = p.with_destination(destination);
            }
        }
        if dice.coin() {
            p = p.announced_by(dice.pick(&leaders));
        }
        if dice.coin() {
            p = p.with_reported(dice.day(NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(), scheduled_end()));
        }
        d.add(p);
        let k = (dice.range(if i == 0 { 1 } else { 0 }, 3) as u64).min(budget) as usize;
        let k = k.min(pool.len());
        for (j, to) in dice.countries_of(&pool, k).into_iter().enumerate() {
            let each = 1 + u64::from(dice.next()) % (budget / k as u64);
            let stage = dice.pick(&[DoseStage::Announced, DoseStage::Donated, DoseStage::Delivered]);
            let mut a = VaccineAllocation::new(
                id("allocation", n_allocations),
                id("pledge", i),
                to,
                each,
                stage,
                dice.pick(&sources),
            );
            if i == 0 {
                a = a.in_tranche(id("tranche", if j == 0 { 1 } else { 2 + j % 2 }));
            }
            if dice.coin() {
                a = a.dated(dice.day(announced, last_event()));
            }
            if dice.coin() {
                a = a.with_reported(dice.day(NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(), scheduled_end()));
            }
            d.add(a);
            n_allocations += 1;
        }
    }
    if let Some((doses, announced)) = first_pledge {
        let tenth = (doses / 10_000_000).max(1) * 1_000_000;
        let part = VaccinePledge::new(
            id("pledge", n_pledges),
            Country::US,
            tenth,
            announced,
            dice.pick(&sources),
        )
        .with_doses(Count::new(tenth, Qualifier::About))
        .part_of(id("pledge", 0));
        d.add(part);
    }

    // Statistics, with breakdowns within 99%.
    let n_statistics = dice.range(1, 2) as usize;
    for i in 0..n_statistics {
        let day = dice.day(first_event(), last_event());
        let period = match dice.range(0, 4) {
            0 => Period::Day(day),
            1 => Period::Month(YearMonth::of(day)),
            2 => Period::Year(dice.range(2000, 2020) as i32),
            3 => Period::Range {
                start: dice.day(first_event(), day),
                end: day,
            },
            _ => Period::Through(day),
        };
        let scope = if dice.coin() {
            StatisticScope::from(area(dice))
        } else {
            StatisticScope::World
        };
        let mut s = Statistic::new(
            id("statistic", i),
            Metric::Refugees,
            scope,
            period,
            Count::new(u64::from(dice.next()), Qualifier::About),
            dice.pick(&sources),
        );
        if dice.coin() {
            s = s.with_reported(dice.day(NaiveDate::from_ymd_opt(2021, 1, 1).unwrap(), scheduled_end()));
        }
        let k = dice.range(0, 3) as usize;
        let total = i64::from(dice.range(k as u32, 9_900));
        for share in dice.parts(k, total) {
            let q = dice.pick(&[
                Qualifier::Exact,
                Qualifier::MoreThan,
                Qualifier::About,
                Qualifier::Approaching,
                Qualifier::UpTo,
            ]);
            s = s.with_breakdown(Breakdown::new(area(dice), share).qualified(q));
        }
        d.add(s);
    }

    Consistent { dossier: d, rates }
}
