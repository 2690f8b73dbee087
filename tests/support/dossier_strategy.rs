//! proptest strategies for dossiers and every value in them.
//!
//! Generated dossiers are well-formed (every value is in its type's range)
//! but not consistent: ids need not resolve, dates need not be in order.
//! Include with `#[path = "support/dossier_strategy.rs"] mod strategy;`.

#![allow(dead_code)]

use chrono::Datelike as _;
use proptest::prelude::*;
use proptest::sample::select;
use statecraft::geo::{DacRegion, M49Area, Membership};
use statecraft::model::{
    Agency, Attendance, Breakdown, CountryBorder, DeclaredArea, Disease, DoseChannel, DoseStage, EventStatus, Function,
    FundingRecipient, Id, InitiativeKind, Leg, MeetingKind, Metric, Office, OfficeRole, Participant, Partners, Period,
    Rank, RankOrder, Receiver, Share, StatisticScope, Term, Topic, Tranche, TripNote, VaccineProduct, YearMonth,
};
use statecraft::notation::Figure;
use statecraft::org::{DacChannel, OrgRef, Organisation, OrganisationKind};
use statecraft::{
    Actor, Area, Count, Country, CountryGroup, Currency, Decimal, Dossier, Funding, FundingStage, Initiative, Leader,
    Meeting, Money, NaiveDate, Publication, Qualifier, Statistic, Trip, VaccineAllocation, VaccinePledge,
};

/// An id: mostly one of a small pool (`a`, `b`, `c`), so that references
/// often resolve and the checks behind them run; else any slug of one to
/// three runs.
pub fn id<T>() -> impl Strategy<Value = Id<T>> {
    prop_oneof![
        3 => select(vec!["a", "b", "c"]).prop_map(String::from),
        1 => "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}",
    ]
    .prop_map(|s| Id::new(&s).expect("the pattern makes slugs"))
}

/// A number of doses, often at the ends of `u64`.
pub fn doses() -> impl Strategy<Value = u64> {
    prop_oneof![
        any::<u64>(),
        select(vec![0, 1, u64::MAX - 1, u64::MAX]),
        (u64::MAX / 2 - 2..=u64::MAX / 2 + 2),
    ]
}

/// Text, including quotes, backslashes, control characters and non-ASCII.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,12}",
        any::<String>(),
        Just("Andrés Manuel López Obrador".to_string()),
        Just("\"quoted\" \\ back\u{0}slash\n\t".to_string()),
    ]
}

/// Any date chrono can represent, from year -262143 to 262142, often
/// within days of either end.
pub fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        (0i32..800_000).prop_filter_map("in range", |n| NaiveDate::from_num_days_from_ce_opt(700_000 + n)),
        (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
            .prop_filter_map("in range", NaiveDate::from_num_days_from_ce_opt),
        (0u64..3).prop_map(|n| NaiveDate::MIN + chrono::Days::new(n)),
        (0u64..3).prop_map(|n| NaiveDate::MAX - chrono::Days::new(n)),
    ]
}

pub fn country() -> impl Strategy<Value = Country> {
    select(Country::iter().collect::<Vec<_>>())
}

pub fn currency() -> impl Strategy<Value = Currency> {
    select(Currency::iter().collect::<Vec<_>>())
}

pub fn m49_area() -> impl Strategy<Value = M49Area> {
    select(M49Area::iter().collect::<Vec<_>>())
}

pub fn topic() -> impl Strategy<Value = Topic> {
    select(Topic::iter().collect::<Vec<_>>())
}

pub fn qualifier() -> impl Strategy<Value = Qualifier> {
    select(vec![
        Qualifier::Exact,
        Qualifier::MoreThan,
        Qualifier::JustOver,
        Qualifier::AtLeast,
        Qualifier::About,
        Qualifier::Approaching,
        Qualifier::FewerThan,
        Qualifier::UpTo,
    ])
}

pub fn status() -> impl Strategy<Value = EventStatus> {
    select(vec![
        EventStatus::Happened,
        EventStatus::Planned,
        EventStatus::Cancelled,
    ])
}

/// Any `Decimal`: every 96-bit mantissa, sign and scale.
pub fn decimal() -> impl Strategy<Value = Decimal> {
    (any::<u64>(), any::<u32>(), 0u32..=28, any::<bool>()).prop_map(|(lo, hi, scale, neg)| {
        let mantissa = (i128::from(hi) << 64) | i128::from(lo);
        let d = Decimal::from_i128_with_scale(mantissa, scale);
        if neg {
            -d
        } else {
            d
        }
    })
}

pub fn money() -> impl Strategy<Value = Money> {
    (decimal(), currency()).prop_map(|(a, c)| Money::new(a, c))
}

/// A share from 0 to 100: hundredths written at several scales (12.5,
/// 12.50, 12.500), any decimal within range, and both ends.
pub fn share() -> impl Strategy<Value = Share> {
    prop_oneof![
        (0i64..=10_000, 0u32..=3).prop_map(|(n, extra)| {
            let d = Decimal::new(n * 10i64.pow(extra), 2 + extra);
            Share::new(d).expect("at most 100")
        }),
        decimal().prop_filter_map("within 0..=100", |d| Share::new(d.abs() % Decimal::ONE_HUNDRED).ok()),
        Just(Share::ZERO),
        Just(Share::HUNDRED),
    ]
}

/// A count: any number with any qualifier, or a range of two numbers.
pub fn count() -> impl Strategy<Value = Count> {
    prop_oneof![
        3 => (any::<u64>(), qualifier()).prop_map(|(v, q)| Count::new(v, q)),
        1 => (any::<u64>(), any::<u64>()).prop_map(|(a, b)| Count::range(a.min(b), a.max(b)).expect("in order")),
    ]
}

/// A number of doses as a figure: mostly exact, else as [`count`] makes
/// them.
pub fn dose_figure() -> impl Strategy<Value = Count> {
    prop_oneof![
        3 => doses().prop_map(Count::exact),
        2 => count(),
    ]
}

/// An amount as reported: mostly exact, else qualified or a range in one
/// currency.
pub fn money_figure() -> impl Strategy<Value = Figure<Money>> {
    prop_oneof![
        3 => money().prop_map(Figure::exact),
        1 => (money(), qualifier()).prop_map(|(m, q)| Figure::new(m, q)),
        1 => (decimal(), decimal(), currency()).prop_map(|(a, b, c)| {
            Figure::range(Money::new(a.min(b), c), Money::new(a.max(b), c)).expect("in order, one currency")
        }),
    ]
}

pub fn office() -> impl Strategy<Value = Office> {
    prop_oneof![
        Just(Office::President),
        Just(Office::VicePresident),
        Just(Office::PrimeMinister),
        Just(Office::Chancellor),
        Just(Office::Premier),
        Just(Office::King),
        Just(Office::Queen),
        Just(Office::Emir),
        Just(Office::Monarch),
        Just(Office::SecretaryGeneral),
        Just(Office::ForeignMinister),
        text().prop_map(Office::Minister),
        text().prop_map(Office::Other),
    ]
}

pub fn function() -> impl Strategy<Value = Function> {
    select(Function::iter().collect::<Vec<_>>())
}

/// An IATI organisation identifier: a built-in one's, or any text that is
/// not blank.
pub fn org_ref() -> impl Strategy<Value = OrgRef> {
    prop_oneof![
        select(vec!["XM-DAC-41122", "US-GOV-1", "GB-COH-213890"]).prop_map(String::from),
        "[A-Z]{2}-[A-Z]{2,4}-[0-9]{1,8}",
        text(),
    ]
    .prop_filter_map("not blank", |s| OrgRef::new(&s))
}

/// An actor: often a country, else an organisation (often a built-in
/// one), a group or an IATI identifier.
pub fn actor() -> impl Strategy<Value = Actor> {
    prop_oneof![
        3 => country().prop_map(Actor::Country),
        1 => prop_oneof![
            select(vec!["unicef", "covax", "usaid", "european-commission", "un"]).prop_map(|s| Id::new(s).expect("slug")),
            id(),
        ]
        .prop_map(Actor::Organisation),
        1 => prop_oneof![select(vec!["g7", "eu"]).prop_map(|s| Id::new(s).expect("slug")), id()].prop_map(Actor::Group),
        1 => org_ref().prop_map(Actor::Iati),
    ]
}

pub fn dac_region() -> impl Strategy<Value = DacRegion> {
    select(DacRegion::iter().collect::<Vec<_>>())
}

pub fn area() -> impl Strategy<Value = Area> {
    prop_oneof![
        country().prop_map(Area::Country),
        id().prop_map(Area::Group),
        m49_area().prop_map(Area::M49),
        dac_region().prop_map(Area::DacRegion),
        id().prop_map(Area::Declared),
        Just(Area::World),
    ]
}

/// Who receives: mostly an area, else an organisation (often a built-in
/// one, else any id) or an organisation known by its IATI identifier.
pub fn receiver() -> impl Strategy<Value = Receiver> {
    prop_oneof![
        4 => area().prop_map(Receiver::Area),
        1 => prop_oneof![
            select(vec!["gavi", "covax", "unicef", "world-bank"]).prop_map(|s| Id::new(s).expect("slug")),
            id(),
        ]
        .prop_map(Receiver::Organisation),
        1 => org_ref().prop_map(Receiver::Iati),
    ]
}

pub fn scope() -> impl Strategy<Value = StatisticScope> {
    prop_oneof![
        area().prop_map(StatisticScope::from),
        (country(), proptest::option::of(country())).prop_map(|(c, w)| {
            let b = CountryBorder::new(c);
            StatisticScope::Border(match w {
                Some(n) => b.with(n),
                None => b,
            })
        }),
    ]
}

pub fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        date().prop_map(Period::Day),
        date().prop_map(|d| Period::Month(YearMonth::of(d))),
        any::<i32>().prop_map(Period::Year),
        (date(), date()).prop_map(|(start, end)| Period::Range { start, end }),
        date().prop_map(Period::Through),
    ]
}

pub fn source() -> impl Strategy<Value = Publication> {
    (
        id(),
        text(),
        date(),
        proptest::option::of(text()),
        prop::collection::vec(text(), 0..3),
        proptest::option::of(text()),
    )
        .prop_map(|(id, title, published, publisher, authors, url)| {
            let mut s = Publication::new(id, title, published);
            if let Some(p) = publisher {
                s = s.with_publisher(p);
            }
            for a in authors {
                s = s.with_author(a);
            }
            if let Some(u) = url {
                s = s.with_url(u);
            }
            s
        })
}

/// A group: members for its whole history, or dated memberships (each
/// country once, in order, after a start of history when there is one).
pub fn group() -> impl Strategy<Value = CountryGroup> {
    let member = (country(), proptest::option::of(date()), proptest::option::of(date()));
    (
        "[a-z]{1,10}",
        text(),
        prop::collection::vec(member, 0..6),
        any::<bool>(),
    )
        .prop_map(|(id, name, members, with_history)| {
            let mut seen = std::collections::BTreeSet::new();
            let memberships: Vec<Membership> = members
                .into_iter()
                .filter(|(c, _, _)| seen.insert(*c))
                .map(|(c, a, b)| {
                    let m = Membership::new(c);
                    match (a, b) {
                        (Some(a), Some(b)) => m.from(a.min(b)).until(a.max(b)),
                        (Some(a), None) => m.from(a),
                        (None, Some(b)) => m.until(b),
                        (None, None) => m,
                    }
                })
                .collect();
            let earliest = memberships.iter().filter_map(|m| m.first_day().or(m.last_day())).min();
            let since = if with_history { earliest } else { None };
            CountryGroup::dated(&id, name, since, memberships).expect("well formed")
        })
}

pub fn organisation() -> impl Strategy<Value = Organisation> {
    (
        "[a-z]{1,10}",
        text(),
        select(OrganisationKind::iter().collect::<Vec<_>>()),
        proptest::option::of(text()),
        proptest::option::of(org_ref()),
        prop::collection::vec(select(DacChannel::iter().collect::<Vec<_>>()), 0..3),
        proptest::option::of(country()),
    )
        .prop_map(|(id, name, kind, acronym, iati, channels, seat)| {
            let mut o = Organisation::new(&id, name, kind).expect("a slug");
            if let Some(a) = acronym {
                o = o.with_acronym(a);
            }
            if let Some(r) = iati {
                o = o.with_iati(r);
            }
            for c in channels {
                o = o.with_channel(c);
            }
            if let Some(s) = seat {
                o = o.with_seat(s);
            }
            o
        })
}

pub fn declared_area() -> impl Strategy<Value = DeclaredArea> {
    ("[a-z]{1,10}", text(), prop::collection::vec(country(), 0..6))
        .prop_map(|(id, name, members)| DeclaredArea::new(&id, name, members).expect("a slug"))
}

pub fn term() -> impl Strategy<Value = Term> {
    (
        office(),
        actor(),
        date(),
        proptest::option::of(date()),
        prop::collection::vec(function(), 0..3),
    )
        .prop_map(|(o, of, start, end, functions)| {
            let mut t = Term::new(o, of, start);
            for f in functions {
                t = t.with_function(f);
            }
            match end {
                Some(e) => t.until(e),
                None => t,
            }
        })
}

pub fn leader() -> impl Strategy<Value = Leader> {
    (
        id(),
        text(),
        prop::collection::vec(term(), 0..3),
        id(),
        proptest::option::of(date()),
    )
        .prop_map(|(id, name, terms, source, reported)| {
            let mut l = Leader::new(id, name, source);
            for t in terms {
                l = l.with_term(t);
            }
            if let Some(r) = reported {
                l = l.with_reported(r);
            }
            l
        })
}

pub fn leg() -> impl Strategy<Value = Leg> {
    (country(), date(), proptest::option::of(date()), status()).prop_map(|(c, a, d, s)| {
        let l = Leg::new(c, a).with_status(s);
        match d {
            Some(d) => l.departing(d),
            None => l,
        }
    })
}

pub fn trip_note() -> impl Strategy<Value = TripNote> {
    prop_oneof![
        Just(TripNote::FirstAbroadInOffice),
        Just(TripNote::FirstVisitInOffice),
        Just(TripNote::FactFinding),
        Just(TripNote::StateVisit),
        Just(TripNote::WorkingVisit),
        text().prop_map(TripNote::Other),
    ]
}

pub fn trip() -> impl Strategy<Value = Trip> {
    (
        (id(), id(), id()),
        prop::collection::vec(leg(), 0..3),
        proptest::option::of(text()),
        prop::collection::vec(topic(), 0..3),
        prop::collection::vec(trip_note(), 0..3),
        proptest::option::of(date()),
    )
        .prop_map(|((id, traveller, source), legs, purpose, topics, notes, reported)| {
            let mut t = Trip::new(id, traveller, source);
            for l in legs {
                t = t.with_leg(l);
            }
            if let Some(p) = purpose {
                t = t.with_purpose(p);
            }
            for x in topics {
                t = t.with_topic(x);
            }
            for n in notes {
                t = t.with_note(n);
            }
            if let Some(r) = reported {
                t = t.with_reported(r);
            }
            t
        })
}

pub fn meeting_kind() -> impl Strategy<Value = MeetingKind> {
    prop_oneof![
        Just(MeetingKind::BilateralTalks),
        Just(MeetingKind::JointNewsConference),
        Just(MeetingKind::Roundtable),
        Just(MeetingKind::Summit),
        Just(MeetingKind::Call),
        Just(MeetingKind::Meeting),
        text().prop_map(MeetingKind::Other),
    ]
}

pub fn role() -> impl Strategy<Value = OfficeRole> {
    prop_oneof![
        (office(), actor()).prop_map(|(o, of)| OfficeRole::new(o, of)),
        (function(), actor()).prop_map(|(f, of)| OfficeRole::function(f, of)),
    ]
}

pub fn participant() -> impl Strategy<Value = Participant> {
    (id(), proptest::option::of(role()), any::<bool>()).prop_map(|(l, role, remote)| {
        let mut p = Participant::new(l);
        if let Some(r) = role {
            p = p.as_role(r);
        }
        if remote {
            p = p.attending(Attendance::Remote);
        }
        p
    })
}

pub fn meeting() -> impl Strategy<Value = Meeting> {
    (
        (id(), date(), country(), meeting_kind(), id(), status()),
        proptest::option::of(id()),
        prop::collection::vec(participant(), 0..4),
        prop::collection::vec(text(), 0..2),
        prop::collection::vec(topic(), 0..3),
        proptest::option::of(text()),
        proptest::option::of(date()),
        (
            proptest::option::of(date()),
            prop::collection::vec(country(), 0..3),
            any::<bool>(),
            proptest::option::of(actor()),
        ),
    )
        .prop_map(
            |(
                (id, day, place, kind, source, st),
                trip,
                ps,
                others,
                topics,
                summary,
                reported,
                (end, more, nowhere, host),
            )| {
                let mut m = Meeting::new(id, day, place, kind, source).with_status(st);
                if nowhere {
                    m = m.nowhere();
                }
                for c in more {
                    m = m.with_place(c);
                }
                if let Some(e) = end {
                    m = m.until(e);
                }
                if let Some(h) = host {
                    m = m.hosted_by(h);
                }
                if let Some(t) = trip {
                    m = m.on_trip(t);
                }
                for p in ps {
                    m = m.with_participant(p);
                }
                for o in others {
                    m = m.with_others(o);
                }
                for t in topics {
                    m = m.with_topic(t);
                }
                if let Some(s) = summary {
                    m = m.with_summary(s);
                }
                if let Some(r) = reported {
                    m = m.with_reported(r);
                }
                m
            },
        )
}

pub fn initiative_kind() -> impl Strategy<Value = InitiativeKind> {
    prop_oneof![
        Just(InitiativeKind::TaskForce),
        Just(InitiativeKind::InvestmentCommitment),
        Just(InitiativeKind::PrivateCommitments),
        Just(InitiativeKind::Programme),
        Just(InitiativeKind::Agenda),
        Just(InitiativeKind::Partnership),
        text().prop_map(InitiativeKind::Other),
    ]
}

pub fn initiative() -> impl Strategy<Value = Initiative> {
    (
        (id(), text(), initiative_kind(), actor(), id(), status()),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(area(), 0..3),
        prop::collection::vec(topic(), 0..3),
        (proptest::option::of(date()), proptest::option::of(id())),
        proptest::option::of((count(), text())),
        proptest::option::of(text()),
        proptest::option::of(date()),
    )
        .prop_map(
            |(
                (id, name, kind, sponsor, source, st),
                agencies,
                targets,
                topics,
                (announced, by),
                partners,
                desc,
                rep,
            )| {
                let mut i = Initiative::new(id, name, kind, sponsor, source).with_status(st);
                if let Some(l) = by {
                    i = i.announced_by(l);
                }
                for a in agencies {
                    i = i.with_agency(Agency::new(a));
                }
                for t in targets {
                    i = i.with_target(t);
                }
                for t in topics {
                    i = i.with_topic(t);
                }
                if let Some(a) = announced {
                    i = i.announced_on(a);
                }
                if let Some((c, k)) = partners {
                    i = i.with_partners(Partners::new(c, k));
                }
                if let Some(d) = desc {
                    i = i.with_description(d);
                }
                if let Some(r) = rep {
                    i = i.with_reported(r);
                }
                i
            },
        )
}

pub fn stage() -> impl Strategy<Value = FundingStage> {
    select(FundingStage::iter().collect::<Vec<_>>())
}

pub fn recipient() -> impl Strategy<Value = FundingRecipient> {
    (receiver(), proptest::option::of(share())).prop_map(|(a, s)| {
        let r = FundingRecipient::from(a);
        match s {
            Some(s) => r.with_share(s),
            None => r,
        }
    })
}

pub fn funding() -> impl Strategy<Value = Funding> {
    (
        (id(), actor(), stage(), id(), proptest::option::of(actor())),
        proptest::option::of(text()),
        prop::collection::vec(recipient(), 0..4),
        proptest::option::of(money_figure()),
        prop::collection::vec(money(), 0..3),
        (
            proptest::option::of(date()),
            proptest::option::of(date()),
            proptest::option::of(id()),
        ),
        proptest::option::of(text()),
        prop::collection::vec(topic(), 0..3),
        proptest::option::of(date()),
    )
        .prop_map(
            |(
                (id, donor, st, source, via),
                agency,
                recipients,
                amount,
                reported_as,
                (ann, vd, by),
                purpose,
                topics,
                rep,
            )| {
                let mut f = Funding::new(id, donor, st, source);
                if let Some(v) = via {
                    f = f.through(v);
                }
                if let Some(l) = by {
                    f = f.announced_by(l);
                }
                if let Some(a) = agency {
                    f = f.with_agency(Agency::new(a));
                }
                for r in recipients {
                    f = f.with_recipient(r);
                }
                if let Some(m) = amount {
                    f = f.with_amount_figure(m);
                }
                for m in reported_as {
                    f = f.with_reported_as(m);
                }
                if let Some(d) = ann {
                    f = f.announced_on(d);
                }
                if let Some(d) = vd {
                    f = f.with_value_date(d);
                }
                if let Some(p) = purpose {
                    f = f.with_purpose(p);
                }
                for t in topics {
                    f = f.with_topic(t);
                }
                if let Some(r) = rep {
                    f = f.with_reported(r);
                }
                f
            },
        )
}

pub fn disease() -> impl Strategy<Value = Disease> {
    prop_oneof![
        Just(Disease::Covid19),
        Just(Disease::Influenza),
        Just(Disease::Measles),
        Just(Disease::Polio),
        Just(Disease::Mpox),
        Just(Disease::Cholera),
        Just(Disease::Ebola),
        text().prop_map(Disease::Other),
    ]
}

pub fn product() -> impl Strategy<Value = VaccineProduct> {
    prop_oneof![
        Just(VaccineProduct::PfizerBioNTech),
        Just(VaccineProduct::Moderna),
        Just(VaccineProduct::OxfordAstraZeneca),
        Just(VaccineProduct::Janssen),
        Just(VaccineProduct::Novavax),
        Just(VaccineProduct::Sinopharm),
        Just(VaccineProduct::Sinovac),
        Just(VaccineProduct::SputnikV),
        Just(VaccineProduct::Covaxin),
        text().prop_map(VaccineProduct::Other),
    ]
}

pub fn channel() -> impl Strategy<Value = DoseChannel> {
    select(vec![DoseChannel::Covax, DoseChannel::Bilateral])
}

/// A tranche with every field filled in or left out, and up to two levels
/// of tranches within it.
pub fn tranche() -> impl Strategy<Value = Tranche> {
    let leaf = (
        id(),
        proptest::option::of(text()),
        proptest::option::of(channel()),
        proptest::option::of(receiver()),
        proptest::option::of(dose_figure()),
        proptest::option::of(share()),
    )
        .prop_map(|(id, name, channel, to, doses, share)| {
            let mut t = Tranche::new(id);
            if let Some(n) = name {
                t = t.named(n);
            }
            if let Some(c) = channel {
                t = t.through(c);
            }
            if let Some(a) = to {
                t = t.to(a);
            }
            if let Some(d) = doses {
                t = t.with_doses(d);
            }
            if let Some(s) = share {
                t = t.with_share(s);
            }
            t
        });
    leaf.prop_recursive(2, 6, 3, |inner| {
        (inner.clone(), prop::collection::vec(inner, 0..3))
            .prop_map(|(t, within)| within.into_iter().fold(t, Tranche::with_tranche))
    })
}

pub fn pledge() -> impl Strategy<Value = VaccinePledge> {
    (
        (id(), actor(), dose_figure(), date(), id()),
        proptest::option::of(disease()),
        proptest::option::of(product()),
        proptest::option::of(channel()),
        (proptest::option::of(area()), proptest::option::of(id())),
        proptest::option::of(date()),
        (proptest::option::of(id()), prop::collection::vec(tranche(), 0..3)),
    )
        .prop_map(
            |((id, donor, doses, day, source), dis, prod, ch, (dest, by), rep, (part_of, tranches))| {
                let mut p = VaccinePledge::new(id, donor, doses.value(), day, source).with_doses(doses);
                if let Some(whole) = part_of {
                    p = p.part_of(whole);
                }
                for t in tranches {
                    p = p.with_tranche(t);
                }
                if let Some(l) = by {
                    p = p.announced_by(l);
                }
                if let Some(x) = dis {
                    p = p.with_disease(x);
                }
                if let Some(x) = prod {
                    p = p.with_product(x);
                }
                if let Some(x) = ch {
                    p = p.with_channel(x);
                }
                if let Some(x) = dest {
                    p = p.with_destination(x);
                }
                if let Some(r) = rep {
                    p = p.with_reported(r);
                }
                p
            },
        )
}

pub fn dose_stage() -> impl Strategy<Value = DoseStage> {
    select(vec![DoseStage::Announced, DoseStage::Donated, DoseStage::Delivered])
}

pub fn allocation() -> impl Strategy<Value = VaccineAllocation> {
    (
        (id(), id(), receiver(), dose_figure(), dose_stage(), id()),
        proptest::option::of(channel()),
        proptest::option::of(date()),
        proptest::option::of(date()),
        proptest::option::of(id()),
    )
        .prop_map(|((id, pledge, to, doses, st, source), ch, day, rep, tranche)| {
            let mut a = VaccineAllocation::new(id, pledge, to, doses.value(), st, source).with_doses(doses);
            if let Some(t) = tranche {
                a = a.in_tranche(t);
            }
            if let Some(c) = ch {
                a = a.with_channel(c);
            }
            if let Some(d) = day {
                a = a.dated(d);
            }
            if let Some(r) = rep {
                a = a.with_reported(r);
            }
            a
        })
}

pub fn metric() -> impl Strategy<Value = Metric> {
    prop_oneof![
        Just(Metric::BorderEncounters),
        Just(Metric::CovidDeaths),
        Just(Metric::CovidCases),
        Just(Metric::Refugees),
        Just(Metric::InternallyDisplaced),
        Just(Metric::Deaths),
        text().prop_map(Metric::Other),
    ]
}

pub fn statistic() -> impl Strategy<Value = Statistic> {
    (
        (id(), metric(), scope(), period(), count(), id()),
        prop::collection::vec((area(), share(), qualifier()), 0..3),
        proptest::option::of((1u32.., any::<bool>(), text())),
        proptest::option::of(text()),
        prop::collection::vec(topic(), 0..3),
        proptest::option::of(date()),
    )
        .prop_map(|((id, m, sc, p, c, source), breakdowns, rank, who, topics, rep)| {
            let mut s = Statistic::new(id, m, sc, p, c, source);
            for (a, sh, q) in breakdowns {
                s = s.with_breakdown(Breakdown::new(a, sh).qualified(q));
            }
            if let Some((pos, high, among)) = rank {
                let order = if high { RankOrder::Highest } else { RankOrder::Lowest };
                s = s.with_rank(Rank::new(pos, order, among).expect("position from 1"));
            }
            if let Some(w) = who {
                s = s.according_to(w);
            }
            for t in topics {
                s = s.with_topic(t);
            }
            if let Some(r) = rep {
                s = s.with_reported(r);
            }
            s
        })
}

/// A whole dossier, with up to three entries of each kind.
pub fn dossier() -> impl Strategy<Value = Dossier> {
    let v = |n| 0..=n;
    (
        proptest::option::of(text()),
        prop::collection::vec(source(), v(2)),
        (
            prop::collection::vec(organisation(), v(2)),
            prop::collection::vec(group(), v(2)),
            prop::collection::vec(declared_area(), v(2)),
        ),
        prop::collection::vec(leader(), v(3)),
        prop::collection::vec(trip(), v(2)),
        prop::collection::vec(meeting(), v(3)),
        prop::collection::vec(initiative(), v(2)),
        prop::collection::vec(funding(), v(3)),
        prop::collection::vec(pledge(), v(2)),
        prop::collection::vec(allocation(), v(3)),
        prop::collection::vec(statistic(), v(2)),
    )
        .prop_map(
            |(
                title,
                sources,
                (organisations, groups, areas),
                leaders,
                trips,
                meetings,
                initiatives,
                funding,
                pledges,
                allocations,
                stats,
            )| {
                let mut d = Dossier::new();
                if let Some(t) = title {
                    d = d.with_title(t);
                }
                sources.into_iter().for_each(|x| {
                    d.add(x);
                });
                organisations.into_iter().for_each(|x| {
                    d.add(x);
                });
                groups.into_iter().for_each(|x| {
                    d.add(x);
                });
                areas.into_iter().for_each(|x| {
                    d.add(x);
                });
                leaders.into_iter().for_each(|x| {
                    d.add(x);
                });
                trips.into_iter().for_each(|x| {
                    d.add(x);
                });
                meetings.into_iter().for_each(|x| {
                    d.add(x);
                });
                initiatives.into_iter().for_each(|x| {
                    d.add(x);
                });
                funding.into_iter().for_each(|x| {
                    d.add(x);
                });
                pledges.into_iter().for_each(|x| {
                    d.add(x);
                });
                allocations.into_iter().for_each(|x| {
                    d.add(x);
                });
                stats.into_iter().for_each(|x| {
                    d.add(x);
                });
                d
            },
        )
}
