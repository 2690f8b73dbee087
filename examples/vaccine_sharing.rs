//! The second story: how the United States shared its first 25 million
//! Covid-19 doses (2021-06-03), and the G7's pledge at Carbis Bay
//! (2021-06-11 to 2021-06-13) of commitments equal to over a billion.
//!
//! `cargo run --example vaccine_sharing` loads
//! `examples/data/vaccine-sharing-2021.json` (every fact cites its public
//! source and date), validates it (exit status 1 on any error), and
//! prints a briefing: the summit and who came; each pledge divided into
//! its tranches and allocations, with what each level leaves unallocated
//! (`PledgeSummary`, `TrancheSummary`); the doses by channel, by region
//! and by country; the G7's total and the members' shares the sources
//! give; every approximate figure with its qualifier and the bounds it
//! stands for; and the US's $4bn for COVAX, given to Gavi, in dollars and
//! as the Australian press converted it, with the verdict on each pair
//! printed (`fx::check_reported` at the ECB rates).
//!
//! `cargo run --example vaccine_sharing -- --svg FILE.svg` prints the
//! briefing and draws, as bar charts one under another in `FILE.svg`, the
//! doses by channel, the COVAX tranche's regions, the doses allocated by
//! country, and the $4bn for COVAX with the pair ABC News printed for it
//! (exit status 2, naming the file and the reason, when it cannot be
//! written; any other argument is exit status 2 with the usage). A bar of an approximate figure ("about 6,000,000") is drawn
//! at the stated figure and labelled with its qualifier; a total known
//! only as bounds ("at least 598,500,000") is drawn at its lower bound.
//!
//! How the dossier holds the story, and why:
//!
//! - The 25 million is a pledge `part_of` the "at least 80 million"
//!   (announced 2021-05-17), so summaries count its doses once, within
//!   it. Its tranches are the fact sheet's: about 19 million (75%)
//!   through COVAX, about 6 million (25%) shared directly; figures the
//!   fact sheet gives as "approximately" stay "about".
//! - The COVAX tranche's regions are the fact sheet's lists, not M49
//!   areas: "South and Central America" names Caribbean countries too
//!   (Haiti, the other CARICOM members, the Dominican Republic) and not
//!   Mexico, which M49's Latin America and the Caribbean (419) holds and
//!   which the fact sheet puts in the direct tranche; its "Asia" is South
//!   and Southeast Asia with Taiwan and Papua New Guinea, and M49's Asia
//!   (142) holds Japan, China and the Gulf. So both are areas the dossier
//!   declares, with the countries named (CARICOM's fifteen members for
//!   "other CARICOM countries"). The Pacific Islands are named as a whole,
//!   with no list, and are left out of the area's members. Africa's
//!   countries were to be chosen with the African Union: that tranche is
//!   M49's Africa (002).
//! - The direct tranche has one tranche, with no figure, for each country
//!   the fact sheet names; "UN frontline workers" are no area and are
//!   left out.
//! - The seed article's Guatemala 500,000 and Mexico 1,000,000 are
//!   allocations in the tranche whose list names the country: Guatemala
//!   in the South and Central American COVAX tranche, Mexico in the
//!   direct one.
//! - The G7's "over 1 billion" is a pledge of the group `g7`; the US's
//!   500 million Pfizer-BioNTech doses and the UK's "at least 100
//!   million" are pledges part of it. No other member's share is in
//!   these sources, so the rest stays unattributed; whether the US's 80
//!   million is counted within the billion the sources do not say, so it
//!   is not made part of it.
//! - The UK's 100 million divides by channel (80% through COVAX, the
//!   remaining 20% bilaterally); its "5 million in the coming weeks" is a
//!   part of it announced the same day, not a third tranche, so that the
//!   channels still sum to the whole.
//! - The $4bn for COVAX is two pledges of $2bn, each to Gavi, its
//!   recipient (Gavi receives the money and runs COVAX's Advance Market
//!   Commitment with it): the initial contribution, cited to ABC News
//!   (Australia), which printed it as
//!   "$US2 billion ($2.6 billion)" (validation checks the pair at the
//!   rate of the report's date: consistent), and the further $2bn through
//!   2022, cited to the White House.
//!
//! Where a figure is not in a source, the dossier leaves it out: the
//! G7's other members' shares, the doses per country of the regional
//! tranches (the fact sheet names the countries, not their doses).

use std::error::Error;
use std::ops::Bound;
use std::process::ExitCode;

use rust_decimal::prelude::ToPrimitive;

use statecraft::fx::{check_reported, EcbRates, RateSource, ReportedPair};
use statecraft::model::{DoseChannel, Receiver};
use statecraft::notation::Bounds;
use statecraft::org::Organisation;
use statecraft::summary::TrancheSummary;
use statecraft::{
    Actor, Area, Count, Currency, Decimal, Dimension, DoseTotals, Dossier, FundingSummary, Money, NaiveDate,
    PledgeSummary, VaccinePledge,
};

#[path = "support/chart.rs"]
mod chart;

/// The dossier.
const JSON: &str = include_str!("data/vaccine-sharing-2021.json");

/// Pairs the press printed for the whole $4bn, which the dossier holds as
/// two pledges of $2bn (the initial contribution and the further one).
/// ABC News (Australia), 2021-02-19,
/// <https://www.abc.net.au/news/2021-02-19/joe-biden-us-pledge-billions-who-covax-vaccine-efforts/13171336>:
/// "$US4 billion ($5.2 billion)", in Australian dollars. The Straits
/// Times (Reuters), 2021-02-19,
/// <https://www.straitstimes.com/world/united-states/biden-to-pledge-us4-billion-to-covax-vaccine-programme-at-g-7-meeting>:
/// "US$4 billion (S$6.42 billion)", in Singapore dollars.
const PRESS_PAIRS: [(&str, &str, &str); 2] = [
    ("ABC News (Australia)", "USD 4000000000", "AUD 5200000000"),
    ("The Straits Times (Reuters)", "USD 4000000000", "SGD 6420000000"),
];

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
        [] => None,
        [flag, path] if flag == "--svg" => Some(path.as_str()),
        [flag] if flag == "--svg" => return Err("--svg needs a file".into()),
        _ => return Err("usage: vaccine_sharing [--svg FILE.svg]".into()),
    };
    let dossier = Dossier::from_json_str(JSON)?;
    let report = dossier.validate(EcbRates::embedded());
    if !report.is_ok() {
        eprint!("examples/data/vaccine-sharing-2021.json is not consistent:\n{report}");
        return Ok(ExitCode::FAILURE);
    }
    print!("{}", briefing(&dossier)?);
    if let Some(path) = svg {
        chart::write(path, &charts(&dossier)?)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The charts of `--svg`: the doses by channel, the COVAX tranche's
/// regions, the doses allocated by country, and the money for COVAX.
fn charts(dossier: &Dossier) -> Result<Vec<chart::BarChart>> {
    let summaries = PledgeSummary::all(dossier)?;
    let stated = "a bar of an approximate figure is drawn at the stated figure (about 6,000,000 at 6,000,000)";

    let mut channels = chart::BarChart::new("Covid-19 doses pledged, by channel")
        .note("each pledge's channels, a dose counted once")
        .note("a total known only as bounds is drawn at its lower bound");
    for (channel, sum, _) in channel_totals(dossier, &summaries)? {
        channels = channels.bar(channel.to_string(), lower(sum), sum.to_string());
    }

    let mut regions = chart::BarChart::new("Covid-19 doses, by region (tranches for an area)");
    let mut divided: Vec<String> = Vec::new();
    for (s, t, area) in regional_tranches(&summaries) {
        let p = s.pledge();
        let whole = match t.parent().and_then(|k| s.tranches().get(k)) {
            Some(up) => {
                let up = up.tranche();
                let doses = up.doses().map(|c| format!(" of {c}")).unwrap_or_default();
                format!("\"{}\"{doses}", up.name().unwrap_or(up.id().as_str()))
            }
            None => "the pledge".to_string(),
        };
        let line = format!(
            "{whole}, of the {} pledge of {} announced {}",
            donor(dossier, p),
            p.doses(),
            p.announced()
        );
        if !divided.contains(&line) {
            divided.push(line);
        }
        let (value, text) = match t.tranche().doses() {
            Some(doses) => (doses.value().to_f64(), doses.to_string()),
            None => (None, "no figure given".to_string()),
        };
        regions = regions.bar(dossier.area_name(area), value, text);
    }
    for line in divided {
        regions = regions.note(line);
    }
    regions = regions.note(stated);

    let totals = DoseTotals::of(dossier, Dimension::Recipient)?;
    let mut countries = chart::BarChart::new("Covid-19 doses allocated, by country").note(format!(
        "allocations the dossier records: {} in all",
        totals.total_bounds()
    ));
    for g in totals.groups() {
        countries = countries.bar(
            g.key().first().name_in(dossier),
            lower(g.bounds()),
            g.bounds().to_string(),
        );
    }

    let mut money = chart::BarChart::new("Money for COVAX, in USD")
        .note("reported pairs checked at the ECB reference rate of the report's date");
    let rates = EcbRates::embedded();
    let mut total: Option<Money> = None;
    for f in dossier.funding() {
        let Some(figure) = f.amount() else { continue };
        let amount = figure.value();
        if amount.currency() != Currency::USD {
            return Err(format!(
                "funding `{}` is in {}: the chart draws dollars",
                f.id(),
                amount.currency()
            )
            .into());
        }
        let via = through(dossier, f);
        let source = dossier.source(f.source()).ok_or("funding cites an unknown source")?;
        let report_date = source.published();
        let mut text = format!("{}, {}", amount.to_compact(), f.stage());
        for reported in f.reported_as() {
            let check = check_reported(amount, *reported, report_date, rates)?;
            text += &format!("; printed as {}: {}", reported.to_compact(), consistency(&check));
        }
        money = money.bar(
            format!(
                "{}{via} ({}, {report_date})",
                dossier.actor_name(f.donor()),
                source.publisher().unwrap_or(f.source().as_str())
            ),
            amount.amount().to_f64(),
            text,
        );
        total = Some(match total {
            Some(t) => t.checked_add(amount)?,
            None => amount,
        });
    }
    if let Some(total) = total {
        let (outlet, primary, reported) = press_pairs(total)?
            .into_iter()
            .find(|(_, _, reported)| reported.currency() == Currency::AUD)
            .ok_or("no pair in Australian dollars")?;
        let mut verdicts = Vec::new();
        for day in ["2021-02-19", "2021-02-18"] {
            let check = check_reported(primary, reported, d(day)?, rates)?;
            verdicts.push(format!("{} at the ECB rate of {day}", consistency(&check)));
        }
        money = money
            .bar(
                "in all",
                total.amount().to_f64(),
                format!("{} (printed as {})", total.to_compact(), reported.to_compact()),
            )
            .note(format!(
                "{outlet} printed the whole as {} ({}): {}",
                primary.to_compact(),
                reported.to_compact(),
                verdicts.join(", ")
            ));
    }
    Ok(vec![channels, regions, countries, money])
}

/// Where a bar of `bounds` ends: its lower bound (none when it is open
/// below).
fn lower(bounds: Bounds<u64>) -> Option<f64> {
    match bounds.low() {
        Bound::Included(v) | Bound::Excluded(v) => v.to_f64(),
        Bound::Unbounded => None,
    }
}

fn d(s: &str) -> Result<NaiveDate> {
    Ok(s.parse()?)
}

/// The briefing, as plain text.
fn briefing(dossier: &Dossier) -> Result<String> {
    let mut out = String::new();
    out += &format!("{}\n", dossier.title().unwrap_or("Sharing vaccine doses"));
    out += "Sources:\n";
    for s in dossier.sources() {
        let by = s.publisher().map(|p| format!("{p}, ")).unwrap_or_default();
        out += &format!("  [{}] {by}\"{}\", {}\n", s.id(), s.title(), s.published());
    }
    summit(dossier, &mut out);
    channels_named(dossier, &mut out)?;
    let summaries = PledgeSummary::all(dossier)?;
    pledges(dossier, &summaries, &mut out);
    by_channel(dossier, &summaries, &mut out)?;
    by_region(dossier, &summaries, &mut out)?;
    by_country(dossier, &mut out)?;
    g7(dossier, &summaries, &mut out)?;
    approximate(dossier, &mut out)?;
    money(dossier, &mut out)?;
    Ok(out)
}

/// The summit: its days, place, host and who attended.
fn summit(dossier: &Dossier, out: &mut String) {
    *out += "\nTHE SUMMIT\n";
    for m in dossier.meetings() {
        let days = if m.end() == m.start() {
            m.start().to_string()
        } else {
            format!("{} to {}", m.start(), m.end())
        };
        let places: Vec<&str> = m.places().iter().map(|c| c.common_name()).collect();
        let host = m
            .host()
            .map(|h| format!(", hosted by {}", dossier.actor_name(h)))
            .unwrap_or_default();
        *out += &format!("  {days}  {}: {}{host}\n", places.join(" and "), m.kind());
        for p in m.participants() {
            let who = match dossier.leader(p.leader()) {
                Some(leader) => match leader.term_on(m.start()) {
                    // An organisation's name is the dossier's to give (the
                    // European Council is declared in it).
                    Some(term) if term.of().as_organisation().is_some() => {
                        let of = term
                            .of()
                            .as_organisation()
                            .and_then(|id| dossier.organisation(id))
                            .map_or_else(|| dossier.actor_name(term.of()), |o| o.name().to_string());
                        format!("{}, {} of the {of}", leader.name(), term.office())
                    }
                    Some(term) => format!("{}, {}", leader.name(), term.role()),
                    None => format!("{} (in no office of record that day)", leader.name()),
                },
                None => format!("{} (not in the dossier)", p.leader()),
            };
            *out += &format!("    {who}\n");
        }
        if let Some(summary) = m.summary() {
            *out += &format!("  {summary}\n");
        }
    }
}

/// COVAX and Gavi by name, from the built-in registry of organisations:
/// COVAX as the channel the pledges name, and the bodies the money goes
/// to (as recipient) or through (as channel).
fn channels_named(dossier: &Dossier, out: &mut String) -> Result<()> {
    *out += "\nTHE CHANNELS\n";
    let covax = Organisation::find("covax").ok_or("COVAX is not in the registry")?;
    *out += &format!(
        "  {} (built-in organisation `{}`, a {}): the channel the pledges call `{}`\n",
        covax.name(),
        covax.id(),
        covax.kind(),
        DoseChannel::Covax
    );
    let mut named: Vec<String> = Vec::new();
    for f in dossier.funding() {
        let to = f.recipients().iter().filter_map(|r| r.receiver().to_actor());
        let bodies = to
            .map(|a| (a, "the organisation money for COVAX is given to"))
            .chain(f.via().map(|v| (v.clone(), "the body money for COVAX goes through")));
        for (body, role) in bodies {
            let name = dossier.actor_name(&body);
            let line = format!("  {name}: {role}\n");
            if !named.contains(&line) {
                *out += &line;
                named.push(line);
            }
        }
    }
    Ok(())
}

/// Whose doses: the donor's name.
fn donor(dossier: &Dossier, p: &VaccinePledge) -> String {
    dossier.actor_name(p.donor())
}

/// Each pledge, with the pledges part of it beneath it, its tranches and
/// their allocations, and what each level leaves unallocated.
fn pledges(dossier: &Dossier, summaries: &[PledgeSummary<'_>], out: &mut String) {
    *out += "\nPLEDGE → TRANCHE → ALLOCATION\n";
    let tops = summaries
        .iter()
        .filter(|s| s.pledge().parent().is_none_or(|whole| dossier.pledge(whole).is_none()));
    for s in tops {
        pledge_tree(dossier, summaries, s, 1, out);
    }
}

fn pledge_tree(
    dossier: &Dossier,
    summaries: &[PledgeSummary<'_>],
    s: &PledgeSummary<'_>,
    depth: usize,
    out: &mut String,
) {
    let p = s.pledge();
    let pad = "  ".repeat(depth);
    let what: String = [
        p.disease().map(ToString::to_string),
        p.product().map(ToString::to_string),
    ]
    .into_iter()
    .flatten()
    .map(|w| format!(" {w}"))
    .collect();
    let through = p.channel().map(|c| format!(" through {c}")).unwrap_or_default();
    *out += &format!(
        "{pad}{}: {}{what} doses{through}, announced {} [{}]\n",
        donor(dossier, p),
        p.doses(),
        p.announced(),
        p.source()
    );
    for t in s.tranches() {
        tranche_line(dossier, s, t, depth + 1, out);
    }
    for a in dossier.allocations_of(p.id()).filter(|a| a.tranche().is_none()) {
        *out += &format!(
            "{pad}  → {} {}, {}\n",
            dossier.receiver_name(a.recipient()),
            a.doses(),
            a.stage()
        );
    }
    *out += &format!(
        "{pad}  allocated {}; {}\n",
        s.allocated_bounds(),
        describe_rest(s.unallocated())
    );
    let parts: Vec<&PledgeSummary<'_>> = summaries
        .iter()
        .filter(|o| o.pledge().parent() == Some(p.id()))
        .collect();
    if !parts.is_empty() {
        *out += &format!("{pad}  of which, announced apart:\n");
    }
    for part in parts {
        pledge_tree(dossier, summaries, part, depth + 2, out);
    }
}

fn describe_rest(rest: Bounds<u64>) -> String {
    format!("{rest} not allocated")
}

/// One tranche: its name, channel, recipient, figure, its allocations,
/// and what it leaves unallocated, at its depth in the tree.
fn tranche_line(dossier: &Dossier, s: &PledgeSummary<'_>, t: &TrancheSummary<'_>, depth: usize, out: &mut String) {
    let tranche = t.tranche();
    // Depth of a tranche: one more than the tranche it is in.
    let mut level = depth;
    let mut up = t.parent();
    while let Some(k) = up {
        level += 1;
        up = s.tranches().get(k).and_then(TrancheSummary::parent);
    }
    let pad = "  ".repeat(level);
    let mut label = match (tranche.name(), tranche.recipient()) {
        (Some(name), _) => name.to_string(),
        (None, Some(to)) => dossier.receiver_name(to),
        (None, None) => tranche.id().to_string(),
    };
    if let Some(channel) = tranche.channel() {
        let named = label.to_lowercase().contains(&channel.to_string().to_lowercase());
        if !named {
            label += &format!(" ({channel})");
        }
    }
    let figure = match (tranche.doses(), tranche.share(), t.pledged_bounds()) {
        (Some(doses), Some(share), _) => format!("{doses} ({share})"),
        (Some(doses), None, _) => doses.to_string(),
        (None, Some(share), Some(b)) => format!("{share}: {b}"),
        (None, Some(share), None) => share.to_string(),
        (None, None, _) => "no figure given".to_string(),
    };
    *out += &format!("{pad}{label}: {figure}\n");
    for a in dossier
        .allocations_of(s.pledge().id())
        .filter(|a| a.tranche() == Some(tranche.id()))
    {
        *out += &format!(
            "{pad}  → {} {}, {} [{}]\n",
            dossier.receiver_name(a.recipient()),
            a.doses(),
            a.stage(),
            a.source()
        );
    }
    if t.allocations() > 0 {
        let rest = t.unallocated().map_or("its size unknown".to_string(), describe_rest);
        *out += &format!("{pad}  allocated {}; {rest}\n", t.allocated_bounds());
    }
}

/// Whether `p` is divided by channel: its own channel, or a channel on
/// one of its tranches of the first level.
fn channelled(p: &VaccinePledge) -> bool {
    p.channel().is_some() || p.tranches().iter().any(|t| t.channel().is_some())
}

/// The doses by channel: each pledge's first-level tranches by their
/// channel, or the pledge itself when it names one. A pledge part of one
/// already divided by channel is not counted again.
fn by_channel(dossier: &Dossier, summaries: &[PledgeSummary<'_>], out: &mut String) -> Result<()> {
    *out += "\nDOSES BY CHANNEL (each pledge's channels; a dose counted once)\n";
    for (channel, sum, lines) in channel_totals(dossier, summaries)? {
        *out += &format!("  {channel}: {sum}\n");
        for line in lines {
            *out += &format!("    {line}\n");
        }
    }
    Ok(())
}

/// A channel, its doses, and a line for each donor's part ("United
/// States between 18,500,000 and 19,500,000").
type ChannelTotal = (DoseChannel, Bounds<u64>, Vec<String>);

/// Each channel's doses, in the order the channels first appear.
fn channel_totals(dossier: &Dossier, summaries: &[PledgeSummary<'_>]) -> Result<Vec<ChannelTotal>> {
    let mut totals: Vec<ChannelTotal> = Vec::new();
    for s in summaries {
        let p = s.pledge();
        let mut up = p.parent().and_then(|w| dossier.pledge(w));
        let mut seen = 0;
        let mut counted_above = false;
        while let Some(whole) = up.filter(|_| seen < dossier.vaccine_pledges().len()) {
            counted_above |= channelled(whole);
            up = whole.parent().and_then(|w| dossier.pledge(w));
            seen += 1;
        }
        if counted_above {
            continue;
        }
        let parts: Vec<(DoseChannel, Bounds<u64>)> = match p.channel() {
            Some(c) => vec![(c, s.pledged_bounds())],
            None => s
                .tranches()
                .iter()
                .filter(|t| t.parent().is_none())
                .filter_map(|t| t.tranche().channel().zip(t.pledged_bounds()))
                .collect(),
        };
        for (channel, doses) in parts {
            let line = format!("{} {doses}", donor(dossier, p));
            match totals.iter_mut().find(|(c, _, _)| *c == channel) {
                Some((_, sum, lines)) => {
                    *sum = sum.checked_add(doses)?;
                    lines.push(line);
                }
                None => totals.push((channel, doses, vec![line])),
            }
        }
    }
    Ok(totals)
}

/// The tranches for a region (an area other than one country), with the
/// countries it holds.
fn by_region(dossier: &Dossier, summaries: &[PledgeSummary<'_>], out: &mut String) -> Result<()> {
    *out += "\nDOSES BY REGION (tranches for an area)\n";
    for (s, t, area) in regional_tranches(summaries) {
        let countries = dossier.countries_in(area, s.pledge().announced())?;
        let doses = t.pledged_bounds().map_or("no figure".to_string(), |b| {
            let stated = t.tranche().doses().map(|c| c.to_string()).unwrap_or_default();
            format!("{stated} ({b})")
        });
        *out += &format!(
            "  {}: {doses}, {} countries; {} allocated\n",
            dossier.area_name(area),
            countries.len(),
            t.allocated_bounds()
        );
    }
    Ok(())
}

/// Every tranche for a region (an area other than one country), with
/// the pledge it divides and its area.
fn regional_tranches<'s, 'd>(
    summaries: &'s [PledgeSummary<'d>],
) -> impl Iterator<Item = (&'s PledgeSummary<'d>, &'s TrancheSummary<'d>, &'d Area)> {
    summaries.iter().flat_map(|s| {
        s.tranches().iter().filter_map(move |t| {
            let area = t
                .tranche()
                .recipient()
                .and_then(Receiver::as_area)
                .filter(|a| a.as_country().is_none())?;
            Some((s, t, area))
        })
    })
}

/// The doses allocated by country, and the countries the tranches name
/// with no figure.
fn by_country(dossier: &Dossier, out: &mut String) -> Result<()> {
    *out += "\nDOSES BY COUNTRY (allocations)\n";
    let totals = DoseTotals::of(dossier, Dimension::Recipient)?;
    for g in totals.groups() {
        *out += &format!("  {}: {}\n", g.key().first().name_in(dossier), g.bounds());
    }
    *out += &format!("  in all: {}\n", totals.total_bounds());
    for p in dossier.vaccine_pledges() {
        for t in p.tranches() {
            let unfigured: Vec<String> = t
                .tranches()
                .iter()
                .filter(|c| c.doses().is_none() && c.share().is_none())
                .filter_map(|c| c.recipient().and_then(Receiver::as_country))
                .map(|c| c.common_name().to_string())
                .collect();
            if !unfigured.is_empty() {
                *out += &format!(
                    "  named with no figure, in \"{}\": {}\n",
                    t.name().unwrap_or(t.id().as_str()),
                    unfigured.join(", ")
                );
            }
        }
    }
    Ok(())
}

/// The G7's pledge: its members on the day, the total, the part shared
/// directly, and the members' pledges the sources count in it.
fn g7(dossier: &Dossier, summaries: &[PledgeSummary<'_>], out: &mut String) -> Result<()> {
    *out += "\nTHE G7\n";
    for s in summaries {
        let p = s.pledge();
        let Actor::Group(group) = p.donor() else { continue };
        let members = dossier.countries_in(&Area::Group(group.clone()), p.announced())?;
        let names: Vec<&str> = members.iter().map(|c| c.common_name()).collect();
        *out += &format!(
            "  {} ({} on {}): {} doses over the next year\n",
            dossier.actor_name(p.donor()),
            names.join(", "),
            p.announced(),
            p.doses()
        );
        for t in s.tranches() {
            if let (Some(name), Some(doses)) = (t.tranche().name(), t.tranche().doses()) {
                *out += &format!("    {name}: {doses}\n");
            }
        }
        let mut parts = Bounds::exact(0u64);
        for part in dossier.parts_of(p.id()) {
            *out += &format!(
                "    of which {}: {} [{}]\n",
                donor(dossier, part),
                part.doses(),
                part.source()
            );
            parts = parts.checked_add(part.doses().bounds())?;
        }
        *out += &format!(
            "    the members' shares the sources give: {parts}; the rest of the pledge is not attributed to a member\n"
        );
    }
    Ok(())
}

/// Every approximate figure of the pledges, with its qualifier and bounds,
/// and the sum of the COVAX tranche's regional parts against it.
fn approximate(dossier: &Dossier, out: &mut String) -> Result<()> {
    *out += "\nAPPROXIMATE FIGURES (as the sources give them, and the bounds they stand for)\n";
    let show = |what: String, c: Count, out: &mut String| {
        let bounds = c.bounds();
        if bounds.is_exact() {
            return;
        }
        if bounds.to_string() == c.to_string() {
            *out += &format!("  {what}: {c} (no upper bound)\n");
        } else {
            *out += &format!("  {what}: {c} = {bounds}\n");
        }
    };
    for p in dossier.vaccine_pledges() {
        show(format!("{} {}", donor(dossier, p), p.id()), p.doses(), out);
        let mut stack: Vec<&statecraft::model::Tranche> = p.tranches().iter().collect();
        while let Some(t) = stack.pop() {
            if let Some(c) = t.doses() {
                show(format!("  tranche {}", t.id()), c, out);
            }
            let parts: Vec<Count> = t
                .tranches()
                .iter()
                .filter_map(statecraft::model::Tranche::doses)
                .collect();
            if parts.len() > 1 && parts.len() == t.tranches().len() {
                let mut sum = Bounds::exact(0u64);
                for c in &parts {
                    sum = sum.checked_add(c.bounds())?;
                }
                let words: Vec<String> = parts.iter().map(ToString::to_string).collect();
                *out += &format!("    its parts, {}, sum to {sum}\n", words.join(" + "));
            }
            stack.extend(t.tranches().iter().rev());
        }
    }
    Ok(())
}

/// The money for COVAX, and the pairs the press printed for it.
fn money(dossier: &Dossier, out: &mut String) -> Result<()> {
    *out += "\nMONEY FOR COVAX, AS REPORTED\n";
    let rates = EcbRates::embedded();
    let mut total: Option<Money> = None;
    for f in dossier.funding() {
        let Some(figure) = f.amount() else { continue };
        let amount = figure.value();
        let via = through(dossier, f);
        *out += &format!(
            "  {}{via}: {figure:#} ({}), {} [{}]\n",
            dossier.actor_name(f.donor()),
            amount.to_compact(),
            f.stage(),
            f.source()
        );
        if let Some(purpose) = f.purpose() {
            *out += &format!("    {purpose}\n");
        }
        let report_date = dossier
            .source(f.source())
            .ok_or("funding cites an unknown source")?
            .published();
        for reported in f.reported_as() {
            let check = check_reported(amount, *reported, report_date, rates)?;
            *out += &format!("    reported as {}: {}\n", reported.to_compact(), verdict(&check));
        }
        total = Some(match total {
            Some(t) => t.checked_add(amount)?,
            None => amount,
        });
    }
    let Some(total) = total else { return Ok(()) };
    *out += &format!("  in all: {total:#} ({})\n", total.to_compact());
    // By recipient: an organisation is a recipient of its own.
    let by_recipient = FundingSummary::new(rates, Currency::USD, Dimension::Recipient).of(dossier)?;
    for g in by_recipient.groups() {
        *out += &format!(
            "  to {}: {} ({} pledges)\n",
            g.key().first().name_in(dossier),
            g.total().to_compact(),
            g.records()
        );
    }
    *out += "  The whole, as the press printed it on 2021-02-19:\n";
    for (outlet, primary, reported) in press_pairs(total)? {
        *out += &format!("    {outlet}: {} ({})\n", primary.to_compact(), reported.to_compact());
        for day in ["2021-02-19", "2021-02-18"] {
            let check = check_reported(primary, reported, d(day)?, rates)?;
            *out += &format!("      at the ECB rate of {day}: {}\n", verdict(&check));
        }
        // A figure far off may be another pair's rate: the euro's.
        let implied = reported
            .amount()
            .checked_div(primary.amount())
            .ok_or("a pair of zero")?;
        let euro = rates.rate(Currency::EUR, reported.currency(), d("2021-02-19")?)?;
        let off = (implied - euro.value()).abs() / euro.value() * Decimal::ONE_HUNDRED;
        if off < Decimal::ONE {
            *out += &format!(
                "      its rate, {} {} to the dollar, is within {} of the euro's, 1 EUR = {} {} on {}\n",
                implied.round_dp(4).normalize(),
                reported.currency(),
                percent(off),
                euro.value().round_dp(4),
                euro.to(),
                euro.date()
            );
        }
    }
    Ok(())
}

/// " to Gavi", " through UNICEF": whom a funding entry is given to, and
/// the body it goes through, when the dossier names them.
fn through(dossier: &Dossier, f: &statecraft::Funding) -> String {
    let to: Vec<String> = f
        .recipients()
        .iter()
        .map(|r| dossier.receiver_name(r.receiver()))
        .collect();
    let to = if to.is_empty() {
        String::new()
    } else {
        format!(" to {}", to.join(" and "))
    };
    let via = f
        .via()
        .map(|v| format!(" through {}", dossier.actor_name(v)))
        .unwrap_or_default();
    to + &via
}

/// [`PRESS_PAIRS`] read, each checked to be for `total`, the dossier's.
fn press_pairs(total: Money) -> Result<Vec<(&'static str, Money, Money)>> {
    let mut pairs = Vec::new();
    for (outlet, primary, reported) in PRESS_PAIRS {
        let (primary, reported): (Money, Money) = (primary.parse()?, reported.parse()?);
        if primary != total {
            return Err(format!("{outlet}'s pair is for {primary:#}, not the dossier's {total:#}").into());
        }
        pairs.push((outlet, primary, reported));
    }
    Ok(pairs)
}

/// "consistent: USD 2bn is AUD 2.58bn (2.6bn is 0.8% above), within ±2.5%".
fn verdict(check: &ReportedPair) -> String {
    let word = consistency(check);
    let side = if check.deviation_percent().is_sign_negative() {
        "below"
    } else {
        "above"
    };
    format!(
        "{word}: {} is {} (1 {} = {} {}); {} is {} {side}, within ±{}% allowed",
        check.primary().to_compact(),
        check.expected().to_compact(),
        check.reference().from(),
        check.reference().value().round_dp(4),
        check.reference().to(),
        check.reported().to_compact(),
        percent(check.deviation_percent().abs()),
        check.tolerance_percent().round_dp(2)
    )
}

/// "consistent" or "inconsistent".
fn consistency(check: &ReportedPair) -> &'static str {
    if check.is_consistent() {
        "consistent"
    } else {
        "inconsistent"
    }
}

/// A percentage to two decimal places: "2.17%".
fn percent(p: Decimal) -> String {
    format!("{}%", p.round_dp(2).normalize())
}
