//! The seed article as a dossier: Kamala Harris's first trip abroad as
//! vice-president, to Guatemala and Mexico in June 2021.
//!
//! `cargo run --example guatemala_trip` builds the dossier through the
//! typed API, checks that it equals the one in
//! `examples/data/guatemala-2021.json` (exit status 1 if not), and prints
//! a briefing: the trip and who met whom, the agenda by topic, the funding
//! in dollars and pounds at the ECB rate of the report's date (with the
//! verdict on the pair the report gives, "$310m (£219m)") and the totals
//! by recipient, the vaccine doses against the pledge and by group, and
//! the figures quoted beside them, with the counts their breakdowns imply.
//! The totals, doses and counts come from the crate's dossier summaries
//! (`FundingSummary`, `PledgeSummary`, `DoseTotals`, `BreakdownCount`).
//!
//! `cargo run --example guatemala_trip -- --json` prints the typed
//! dossier as JSON instead (how the data file was written).
//! `cargo run --example guatemala_trip -- --svg FILE.svg` prints the
//! briefing and draws its funding by recipient and the pledge's doses by
//! allocation as bar charts in `FILE.svg` (exit status 2, naming the
//! file and the reason, when it cannot be written).

use std::error::Error;
use std::process::ExitCode;

use rust_decimal::prelude::ToPrimitive;
use statecraft::fx::{check_reported, EcbRates, RateSource, ReportedPair};
use statecraft::geo::IntermediateRegion;
use statecraft::model::{
    Agency, AllocationId, Breakdown, CountryBorder, Disease, DoseStage, FactRef, FundingId, FundingRecipient, GroupId,
    InitiativeId, InitiativeKind, LeaderId, Leg, MeetingId, MeetingKind, Metric, Office, OfficeRole, Participant,
    Partners, Period, PledgeId, Rank, RankOrder, SourceId, StatisticId, StatisticScope, Term, Topic, TripId, TripNote,
};
use statecraft::summary::{BreakdownCount, Remainder};
use statecraft::{
    Area, Count, Country, Currency, Decimal, Dimension, DoseTotals, Dossier, Funding, FundingStage, FundingSummary,
    Initiative, Leader, Meeting, NaiveDate, PledgeSummary, Publication, Qualifier, Statistic, Trip, VaccineAllocation,
    VaccinePledge,
};

#[path = "support/chart.rs"]
mod chart;

/// The dossier as the JSON file holds it.
const JSON: &str = include_str!("data/guatemala-2021.json");

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let svg = match args.as_slice() {
        [flag, path] if flag == "--svg" => Some(path.as_str()),
        [flag] if flag == "--svg" => return Err("--svg needs a file".into()),
        _ => None,
    };
    let built = seed_dossier()?;
    if args.first().map(String::as_str) == Some("--json") {
        print!("{}", built.to_json_string()?);
        return Ok(ExitCode::SUCCESS);
    }
    let loaded = Dossier::from_json_str(JSON)?;
    if let Some(difference) = first_difference(&built, &loaded) {
        eprintln!("the typed dossier and examples/data/guatemala-2021.json differ: {difference}");
        return Ok(ExitCode::FAILURE);
    }
    print!("{}", briefing(&loaded)?);
    if let Some(path) = svg {
        chart::write(path, &charts(&loaded)?)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The funding by recipient, in dollars at the rates of the report's
/// date, and each pledge's doses by allocation, with what is left.
fn charts(dossier: &Dossier) -> Result<Vec<chart::BarChart>> {
    let report_date = dossier
        .sources()
        .first()
        .ok_or("the dossier cites no source")?
        .published();
    let usd = FundingSummary::new(EcbRates::embedded(), Currency::USD, Dimension::Recipient)
        .at(report_date)
        .of(dossier)?;
    let t = usd.totals();
    let mut funding = chart::BarChart::new("Funding by recipient, in USD")
        .note(format!(
            "converted at the ECB euro reference rates of {report_date}, the report's date"
        ))
        .note(format!(
            "{} funding entries: {} with a sum, {} with none given, {} left out",
            t.read(),
            t.aggregated(),
            t.undisclosed(),
            t.rejected()
        ));
    for g in usd.groups() {
        funding = funding.total(g.key().first().name_in(dossier), g);
    }
    let mut charts = vec![funding.largest_first(usize::MAX, "recipients")];
    for summary in PledgeSummary::all(dossier)? {
        let p = summary.pledge();
        let disease = p.disease().map(|x| format!("{x} ")).unwrap_or_default();
        let mut doses = chart::BarChart::new(format!(
            "{} pledge of {} {disease}doses, by allocation",
            dossier.actor_name(p.donor()),
            p.doses()
        ))
        .note(format!(
            "announced {}; allocations as this dossier records them",
            p.announced()
        ));
        for a in dossier.allocations_of(p.id()) {
            let n = a.doses().value();
            let share = p.share_of(n).map(|s| format!(" ({s})")).unwrap_or_default();
            doses = doses.bar(
                format!("{} ({})", dossier.receiver_name(a.recipient()), a.stage()),
                n.to_f64(),
                format!("{}{share}", a.doses()),
            );
        }
        if let Remainder::Unallocated(n) = summary.remainder() {
            doses = doses.bar("not allocated", n.to_f64(), Count::exact(n).to_string());
        }
        charts.push(doses.largest_first(usize::MAX, "allocations"));
    }
    Ok(charts)
}

fn d(s: &str) -> Result<NaiveDate> {
    Ok(s.parse()?)
}

/// Every fact of the seed table, through the typed API.
fn seed_dossier() -> Result<Dossier> {
    let article = SourceId::new("seed-article")?;
    let terms = SourceId::new("terms-of-office")?;
    let nt = GroupId::new("northern-triangle")?;
    let (harris, biden, giammattei, amlo) = (
        LeaderId::new("harris")?,
        LeaderId::new("biden")?,
        LeaderId::new("giammattei")?,
        LeaderId::new("lopez-obrador")?,
    );
    let trip = TripId::new("harris-2021-06")?;
    let pledge = PledgeId::new("us-covid-25m")?;
    let vp_us = OfficeRole::new(Office::VicePresident, Country::US);

    let dossier = Dossier::new()
        .with_title("Kamala Harris in Guatemala and Mexico, June 2021")
        // Sources.
        // The article names no author; only its analysis box is signed.
        .with(Publication::new(
            article.clone(),
            "Kamala Harris in Guatemala",
            d("2021-06-07")?,
        ))
        .with(
            Publication::new(
                terms.clone(),
                "Terms of office of the leaders named, compiled from the public record for this dossier",
                d("2026-11-27")?,
            )
            .with_publisher("statecraft"),
        )
        // Groups.
        .with(statecraft::CountryGroup::new(
            nt.as_str(),
            "Northern Triangle",
            [Country::GT, Country::HN, Country::SV],
        )?)
        // Leaders and their terms.
        .with(
            Leader::new(harris.clone(), "Kamala Harris", terms.clone())
                .with_term(Term::new(Office::VicePresident, Country::US, d("2021-01-20")?).until(d("2025-01-20")?)),
        )
        .with(
            Leader::new(biden, "Joe Biden", terms.clone())
                .with_term(Term::new(Office::President, Country::US, d("2021-01-20")?).until(d("2025-01-20")?)),
        )
        .with(
            Leader::new(giammattei.clone(), "Alejandro Giammattei", terms.clone())
                .with_term(Term::new(Office::President, Country::GT, d("2020-01-14")?).until(d("2024-01-14")?)),
        )
        .with(
            Leader::new(amlo.clone(), "Andrés Manuel López Obrador", terms)
                .with_term(Term::new(Office::President, Country::MX, d("2018-12-01")?).until(d("2024-09-30")?)),
        )
        // The trip.
        .with(
            Trip::new(trip.clone(), harris.clone(), article.clone())
                .with_leg(Leg::new(Country::GT, d("2021-06-06")?).departing(d("2021-06-07")?))
                // She landed in Mexico City late on 2021-06-07, after the
                // report; the meeting was the next day.
                .with_leg(
                    Leg::new(Country::MX, d("2021-06-07")?)
                        .departing(d("2021-06-08")?)
                        .planned(),
                )
                .with_purpose(
                    "To look into why people leave Central America for the US border, and to gather what a \
                     strategy against those causes would need",
                )
                .with_topic(Topic::Migration)
                .with_topic(Topic::Corruption)
                .with_topic(Topic::EconomicGrowth)
                .with_topic(Topic::VaccineSharing)
                .with_note(TripNote::FirstAbroadInOffice)
                .with_note(TripNote::FactFinding),
        )
        // Meetings.
        .with(
            Meeting::new(
                MeetingId::new("harris-giammattei-talks")?,
                d("2021-06-07")?,
                Country::GT,
                MeetingKind::BilateralTalks,
                article.clone(),
            )
            .on_trip(trip.clone())
            .with_participant(Participant::new(harris.clone()).as_role(vp_us.clone()))
            .with_participant(
                Participant::new(giammattei.clone()).as_role(OfficeRole::new(Office::President, Country::GT)),
            )
            .with_topic(Topic::Migration)
            .with_topic(Topic::Corruption)
            .with_topic(Topic::EconomicGrowth)
            .with_topic(Topic::VaccineSharing)
            .with_summary("Talks on what drives migration north: corruption, lack of opportunity, the pandemic's toll"),
        )
        .with(
            Meeting::new(
                MeetingId::new("harris-giammattei-press")?,
                d("2021-06-07")?,
                Country::GT,
                MeetingKind::JointNewsConference,
                article.clone(),
            )
            .on_trip(trip.clone())
            .with_participant(Participant::new(harris.clone()).as_role(vp_us.clone()))
            .with_participant(Participant::new(giammattei).as_role(OfficeRole::new(Office::President, Country::GT)))
            .with_topic(Topic::Migration)
            .with_topic(Topic::Trafficking)
            .with_topic(Topic::Investment)
            .with_summary(
                "The vice-president told would-be migrants not to make the journey, and set out the task \
                 force and the investment plans",
            ),
        )
        .with(
            Meeting::new(
                MeetingId::new("harris-lopez-obrador")?,
                d("2021-06-08")?,
                Country::MX,
                MeetingKind::Meeting,
                article.clone(),
            )
            .on_trip(trip)
            .planned()
            .with_participant(Participant::new(harris.clone()).as_role(vp_us))
            .with_participant(Participant::new(amlo).as_role(OfficeRole::new(Office::President, Country::MX)))
            .with_topic(Topic::Migration),
        )
        // Initiatives.
        .with(
            Initiative::new(
                InitiativeId::new("smuggling-task-force")?,
                "Task force against human smuggling and trafficking",
                InitiativeKind::TaskForce,
                Country::US,
                article.clone(),
            )
            .with_agency(Agency::new("Department of State"))
            .with_agency(Agency::new("Department of Justice"))
            .with_agency(Agency::new("Department of the Treasury"))
            .with_target(Area::from(IntermediateRegion::CentralAmerica))
            .with_topic(Topic::Trafficking)
            .with_topic(Topic::Migration)
            .announced_on(d("2021-06-07")?)
            .with_description(
                "Three US departments pool their work to investigate the networks that move people north, \
                 and teach local authorities to run such investigations themselves",
            ),
        )
        .with(
            Initiative::new(
                InitiativeId::new("anti-corruption-agenda")?,
                "Anti-corruption agenda",
                InitiativeKind::Agenda,
                Country::US,
                article.clone(),
            )
            .with_target(Area::Country(Country::GT))
            .with_topic(Topic::Corruption)
            .with_topic(Topic::RuleOfLaw)
            .with_description(
                "A US push against graft in the region, raised with Guatemala; the vice-president had not \
                 yet spoken with the leaders of Honduras or El Salvador",
            ),
        )
        .with(
            Initiative::new(
                InitiativeId::new("us-investment-pledges")?,
                "US investment pledges",
                InitiativeKind::InvestmentCommitment,
                Country::US,
                article.clone(),
            )
            .with_target(Area::Country(Country::GT))
            .with_topic(Topic::EconomicGrowth)
            .with_topic(Topic::Investment)
            .with_topic(Topic::Agriculture)
            .with_topic(Topic::Entrepreneurship)
            .with_topic(Topic::Housing)
            .announced_on(d("2021-06-07")?)
            .announced_by(harris.clone())
            .with_description("US money promised for farming, new businesses and homes people can afford"),
        )
        .with(
            Initiative::new(
                InitiativeId::new("young-women-empowerment")?,
                "Young women's empowerment initiative",
                InitiativeKind::Programme,
                Country::US,
                article.clone(),
            )
            .with_target(Area::Country(Country::GT))
            .with_topic(Topic::Gender)
            .with_topic(Topic::Education)
            .with_topic(Topic::EconomicGrowth)
            .announced_on(d("2021-06-07")?)
            .announced_by(harris.clone())
            .with_description("Schooling and openings for girls and women"),
        )
        .with(
            Initiative::new(
                InitiativeId::new("private-sector-commitments")?,
                "Private-sector commitments for Central America",
                InitiativeKind::PrivateCommitments,
                Country::US,
                article.clone(),
            )
            .with_target(Area::from(IntermediateRegion::CentralAmerica))
            .with_topic(Topic::EconomicGrowth)
            .with_topic(Topic::Jobs)
            .with_partners(Partners::new(Count::exact(12), "US organisations"))
            .announced_by(harris)
            .with_description(
                "Pledges the vice-president won from US companies and organisations to create work and \
                 train workers",
            ),
        )
        // Funding.
        .with(
            Funding::new(
                FundingId::new("us-aid-2021-04")?,
                Country::US,
                FundingStage::Announced,
                article.clone(),
            )
            .with_agency(Agency::new("White House"))
            .with_recipient(FundingRecipient::new(Area::Group(nt.clone())))
            .with_amount("USD 310000000".parse()?)
            .with_reported_as("GBP 219000000".parse()?)
            .announced_on(d("2021-04-26")?)
            .with_value_date(d("2021-04-26")?)
            .with_purpose("Food for those going hungry and rebuilding after disasters")
            .with_topic(Topic::FoodSecurity)
            .with_topic(Topic::DisasterRecovery)
            .with_topic(Topic::EconomicGrowth),
        )
        .with(
            Funding::new(
                FundingId::new("us-aid-new-round")?,
                Country::US,
                FundingStage::Proposed,
                article.clone(),
            )
            .with_recipient(FundingRecipient::new(Area::Group(nt.clone())))
            .with_purpose("A further round of money for the region, on the trip's agenda; no sum given")
            .with_topic(Topic::EconomicGrowth),
        )
        // Vaccines.
        .with(
            VaccinePledge::new(
                pledge.clone(),
                Country::US,
                25_000_000,
                d("2021-06-03")?,
                article.clone(),
            )
            .with_disease(Disease::Covid19)
            .with_destination(Area::World),
        )
        .with(
            VaccineAllocation::new(
                AllocationId::new("us-covid-25m-gt")?,
                pledge.clone(),
                Country::GT,
                500_000,
                DoseStage::Announced,
                article.clone(),
            )
            .dated(d("2021-06-03")?),
        )
        .with(
            VaccineAllocation::new(
                AllocationId::new("us-covid-25m-mx")?,
                pledge,
                Country::MX,
                1_000_000,
                DoseStage::Announced,
                article.clone(),
            )
            .dated(d("2021-06-03")?),
        )
        // Statistics.
        .with(
            Statistic::new(
                StatisticId::new("us-border-2021-04")?,
                Metric::BorderEncounters,
                StatisticScope::Border(CountryBorder::new(Country::US).with(Country::MX)),
                Period::Month("2021-04".parse()?),
                "more than 178,000".parse()?,
                article.clone(),
            )
            .with_breakdown(Breakdown::new(Area::Group(nt), "40".parse()?).qualified(Qualifier::MoreThan))
            .with_rank(
                Rank::new(1, RankOrder::Highest, "monthly totals for over twenty years").ok_or("a rank starts at 1")?,
            )
            .according_to("US border officials")
            .with_topic(Topic::Migration),
        )
        .with(
            Statistic::new(
                StatisticId::new("mexico-covid-deaths")?,
                Metric::CovidDeaths,
                StatisticScope::Country(Country::MX),
                Period::Through(d("2021-06-07")?),
                "approaching 230,000".parse()?,
                article,
            )
            .with_rank(Rank::new(4, RankOrder::Highest, "countries of the world").ok_or("a rank starts at 1")?)
            .according_to("Johns Hopkins University")
            .with_topic(Topic::VaccineSharing)
            .with_topic(Topic::Health),
        );
    Ok(dossier)
}

/// Where two dossiers first differ, by part and position.
fn first_difference(a: &Dossier, b: &Dossier) -> Option<String> {
    fn part<T: PartialEq>(name: &str, x: &[T], y: &[T]) -> Option<String> {
        if x.len() != y.len() {
            return Some(format!("{name}: {} against {} entries", x.len(), y.len()));
        }
        x.iter()
            .zip(y)
            .position(|(p, q)| p != q)
            .map(|i| format!("{name}[{i}] differs"))
    }
    if a.title() != b.title() {
        return Some("the titles differ".to_string());
    }
    part("sources", a.sources(), b.sources())
        .or_else(|| part("groups", a.groups(), b.groups()))
        .or_else(|| part("leaders", a.leaders(), b.leaders()))
        .or_else(|| part("trips", a.trips(), b.trips()))
        .or_else(|| part("meetings", a.meetings(), b.meetings()))
        .or_else(|| part("initiatives", a.initiatives(), b.initiatives()))
        .or_else(|| part("funding", a.funding(), b.funding()))
        .or_else(|| part("vaccine_pledges", a.vaccine_pledges(), b.vaccine_pledges()))
        .or_else(|| part("vaccine_allocations", a.vaccine_allocations(), b.vaccine_allocations()))
        .or_else(|| part("statistics", a.statistics(), b.statistics()))
        .or_else(|| (a != b).then(|| "they differ".to_string()))
}

/// The briefing, as plain text.
fn briefing(dossier: &Dossier) -> Result<String> {
    let mut out = String::new();
    let source = dossier.sources().first().ok_or("the dossier cites no source")?;
    let report_date = source.published();
    out += &format!("{}\n", dossier.title().unwrap_or(source.title()));
    out += &format!("Source: \"{}\", published {}\n", source.title(), report_date);

    trips(dossier, &mut out);
    meetings(dossier, &mut out);
    agenda(dossier, &mut out);
    funding(dossier, &mut out)?;
    vaccines(dossier, &mut out)?;
    figures(dossier, &mut out)?;
    Ok(out)
}

/// The name of a leader and their office on `date`.
fn leader_on(dossier: &Dossier, id: &LeaderId, date: NaiveDate) -> String {
    match dossier.leader(id) {
        Some(leader) => match leader.term_on(date) {
            Some(term) => format!("{}, {}", leader.name(), term.role()),
            None => format!("{} (in no office of record that day)", leader.name()),
        },
        None => format!("{id} (not in the dossier)"),
    }
}

fn trips(dossier: &Dossier, out: &mut String) {
    for trip in dossier.trips() {
        let start = trip.start().unwrap_or(NaiveDate::MIN);
        *out += "\nTHE TRIP\n";
        *out += &leader_on(dossier, trip.traveller(), start);
        let notes: Vec<String> = trip.notes().iter().map(ToString::to_string).collect();
        if !notes.is_empty() {
            *out += &format!(": {}", notes.join(", "));
        }
        out.push('\n');
        if let Some(purpose) = trip.purpose() {
            *out += &format!("Purpose: {purpose}\n");
        }
        for leg in trip.legs() {
            let days = match leg.departure() {
                Some(dep) if dep != leg.arrival() => format!("{} to {}", leg.arrival(), dep),
                _ => leg.arrival().to_string(),
            };
            let planned = if leg.status().is_planned() { " (planned)" } else { "" };
            *out += &format!("  {days:<24}  {}{planned}\n", leg.country().common_name());
        }
    }
}

fn meetings(dossier: &Dossier, out: &mut String) {
    *out += "\nWHO MET WHOM\n";
    for m in dossier.meetings() {
        let planned = if m.status().is_planned() { " (planned)" } else { "" };
        *out += &format!("  {}  {}: {}{planned}\n", m.start(), places(m), m.kind());
        for p in m.participants() {
            *out += &format!("              {}\n", leader_on(dossier, p.leader(), m.start()));
        }
    }
}

fn agenda(dossier: &Dossier, out: &mut String) {
    *out += "\nTHE AGENDA\n";
    let topics: Vec<Topic> = dossier
        .trips()
        .iter()
        .flat_map(|t| t.topics().iter().copied())
        .collect();
    for topic in topics {
        *out += &format!("  {topic}\n");
        for fact in dossier.facts_about(topic) {
            if let Some(line) = describe(dossier, fact) {
                *out += &format!("    - {line}\n");
            }
        }
    }
}

/// One line about a fact, for the agenda.
fn describe(dossier: &Dossier, fact: FactRef<'_>) -> Option<String> {
    Some(match fact {
        FactRef::Meeting(m) => format!("{} in {}, {}", m.kind(), places(m), m.start()),
        FactRef::Initiative(i) => {
            let mut s = format!("{} ({}", i.name(), i.kind());
            if let Some(day) = i.announced() {
                s += &format!(", announced {day}");
            }
            s.push(')');
            if !i.agencies().is_empty() {
                let names: Vec<&str> = i.agencies().iter().map(|a| a.name()).collect();
                s += &format!(": {}", names.join(", "));
            }
            if let Some(p) = i.partners() {
                s += &format!(": commitments from {p}");
            }
            if let Some(desc) = i.description() {
                s += &format!(". {desc}");
            }
            s
        }
        FactRef::Funding(f) => {
            let to: Vec<String> = f
                .recipients()
                .iter()
                .map(|r| dossier.receiver_name(r.receiver()))
                .collect();
            let amount = f.amount().map_or("an undisclosed sum".to_string(), |m| {
                format!("{m:#} ({})", m.to_compact())
            });
            format!("{amount} for the {} ({})", to.join(", "), f.stage())
        }
        FactRef::VaccinePledge(p) => format!("{} doses pledged on {}", p.doses(), p.announced()),
        FactRef::Statistic(s) => format!("{} {}, {}", s.count(), s.metric(), s.period()),
        _ => return None,
    })
}

fn funding(dossier: &Dossier, out: &mut String) -> Result<()> {
    let rates = EcbRates::embedded();
    *out += "\nFUNDING\n";
    for f in dossier.funding() {
        let to: Vec<String> = f
            .recipients()
            .iter()
            .map(|r| dossier.receiver_name(r.receiver()))
            .collect();
        let by = f.agency().map(|a| format!(" ({a})")).unwrap_or_default();
        *out += &format!(
            "  {}{by} to the {}, {}",
            dossier.actor_name(f.donor()),
            to.join(", "),
            f.stage()
        );
        if let Some(day) = f.announced() {
            *out += &format!(" on {day}");
        }
        out.push('\n');
        if let Some(purpose) = f.purpose() {
            *out += &format!("    {purpose}\n");
        }
        let Some(figure) = f.amount() else {
            *out += "    amount: not disclosed\n";
            continue;
        };
        *out += &format!("    amount: {figure:#} ({})\n", figure.to_compact());
        // A reported pair converts the amount the report states.
        let amount = figure.value();
        let report_date = dossier
            .source(f.source())
            .ok_or("funding cites an unknown source")?
            .published();
        for reported in f.reported_as() {
            // The amount in the reported currency at the reference rate of
            // the report's date: exact, then rounded once for display.
            let rate = rates.rate(amount.currency(), reported.currency(), report_date)?;
            let converted = rate.apply(amount)?;
            *out += &format!(
                "    {amount:#} = {:#}   {} = {}\n",
                converted.round(),
                amount.to_compact(),
                converted.to_compact()
            );
            *out += &format!(
                "      at the ECB rate of {}, the report's date: 1 {} = {} {}\n",
                rate.date(),
                rate.from(),
                rate.value().round_dp(6),
                rate.to()
            );
            let check = check_reported(amount, *reported, report_date, rates)?;
            *out += &format!(
                "    reported as {}: {}, {} {} {}, within ±{}%\n",
                reported.to_compact(),
                verdict(&check),
                percent(check.deviation_percent().abs()),
                side(&check),
                check.expected().to_compact(),
                check.tolerance_percent().round_dp(2)
            );
            if let Some(day) = f.rate_date().filter(|d| *d != report_date) {
                let then = check_reported(amount, *reported, day, rates)?;
                *out += &format!(
                    "    at the rate of {day}, the value date, {} was {}: {} is {} {} that, {}\n",
                    amount.to_compact(),
                    then.expected().to_compact(),
                    reported.to_compact(),
                    percent(then.deviation_percent().abs()),
                    side(&then),
                    verdict(&then)
                );
            }
        }
    }
    funding_totals(dossier, out)
}

/// The funding in all, by recipient, in dollars and pounds at the rates of
/// the report's date.
fn funding_totals(dossier: &Dossier, out: &mut String) -> Result<()> {
    let rates = EcbRates::embedded();
    let report_date = dossier
        .sources()
        .first()
        .ok_or("the dossier cites no source")?
        .published();
    let in_all = |currency| {
        FundingSummary::new(rates, currency, Dimension::Recipient)
            .at(report_date)
            .of(dossier)
    };
    let (usd, gbp) = (in_all(Currency::USD)?, in_all(Currency::GBP)?);
    *out += &format!("  In all, by recipient, at the ECB rates of {report_date}:\n");
    for d in usd.groups() {
        let total = d.total();
        *out += &format!(
            "    {}: {total:#} ({})",
            d.key().first().name_in(dossier),
            total.to_compact()
        );
        if let Some(p) = gbp.get(d.key()) {
            *out += &format!(" = {:#} ({})", p.total(), p.total().to_compact());
        }
        match d.undisclosed() {
            0 => {}
            1 => *out += ", and 1 entry with no sum given",
            n => *out += &format!(", and {n} entries with no sum given"),
        }
        out.push('\n');
    }
    for r in usd.rejections() {
        *out += &format!("    left out: {r}\n");
    }
    Ok(())
}

fn verdict(check: &ReportedPair) -> &'static str {
    if check.is_consistent() {
        "consistent"
    } else {
        "inconsistent"
    }
}

fn side(check: &ReportedPair) -> &'static str {
    if check.deviation_percent().is_sign_negative() {
        "below"
    } else {
        "above"
    }
}

/// A percentage to one decimal place: "0.1%".
fn percent(p: Decimal) -> String {
    format!("{}%", p.round_dp(1).normalize())
}

fn vaccines(dossier: &Dossier, out: &mut String) -> Result<()> {
    *out += "\nVACCINES\n";
    for summary in PledgeSummary::all(dossier)? {
        let p = summary.pledge();
        let disease = p.disease().map(|x| format!(" {x}")).unwrap_or_default();
        let to = p
            .destination()
            .map(|a| format!(" for {}", dossier.area_name(a)))
            .unwrap_or_default();
        *out += &format!(
            "  {}: {}{disease} doses{to}, announced {}\n",
            dossier.actor_name(p.donor()),
            p.doses(),
            p.announced()
        );
        for a in dossier.allocations_of(p.id()) {
            let share = p
                .share_of(a.doses().value())
                .map_or("over".to_string(), |s| s.round_dp(1).to_string());
            *out += &format!(
                "    {:<12} {:>12}  {:>4}  {}\n",
                dossier.receiver_name(a.recipient()),
                a.doses().to_string(),
                share,
                a.stage()
            );
        }
        let share = summary
            .allocated_share()
            .map_or("over".to_string(), |s| s.round_dp(1).to_string());
        let rest = match summary.remainder() {
            r @ Remainder::Unallocated(_) => format!("{r} in this dossier"),
            r @ Remainder::OverAllocated(_) => format!("{r}, which no pledge allows"),
        };
        *out += &format!(
            "    {:<12} {:>12}  {:>4}  of the pledge; {rest}\n",
            "allocated",
            Count::exact(summary.allocated()).to_string(),
            share,
        );
    }
    let by_group = DoseTotals::of(dossier, Dimension::group(dossier.groups()))?;
    let groups: Vec<String> = by_group
        .groups()
        .iter()
        .map(|g| {
            let name = match g.key().first() {
                statecraft::aggregate::KeyPart::Ungrouped => "elsewhere".to_string(),
                part => format!("to the {}", part.name_in(dossier)),
            };
            format!("{} {name}", Count::exact(g.doses()))
        })
        .collect();
    if !groups.is_empty() {
        *out += &format!("  By group: {}\n", groups.join("; "));
    }
    Ok(())
}

fn figures(dossier: &Dossier, out: &mut String) -> Result<()> {
    *out += "\nFIGURES\n";
    let counts = BreakdownCount::all(dossier)?;
    for s in dossier.statistics() {
        let scope = match s.scope().area() {
            Some(area) => dossier.area_name(&area),
            None => s.scope().to_string(),
        };
        let at = if matches!(s.scope(), StatisticScope::Border(_)) {
            "at"
        } else {
            "in"
        };
        *out += &format!("  {} {at} {scope}, {}: {}", s.metric(), s.period(), s.count());
        if let Some(who) = s.attribution() {
            *out += &format!(" (figures of {who})");
        }
        out.push('\n');
        if let Some(rank) = s.rank() {
            *out += &format!("    the {rank}\n");
        }
        for b in counts.iter().filter(|c| std::ptr::eq(c.statistic(), s)) {
            let share = match b.breakdown().qualifier() {
                Qualifier::Exact => b.breakdown().share().to_string(),
                q => format!("{} {}", q.words(), b.breakdown().share()),
            };
            *out += &format!("    {share} from {}: {}\n", b.place(), b.count());
        }
    }
    Ok(())
}

/// Where a meeting was held: "Guatemala", "Guatemala and Mexico".
fn places(m: &statecraft::Meeting) -> String {
    let names: Vec<&str> = m.places().iter().map(|c| c.common_name()).collect();
    names.join(" and ")
}
