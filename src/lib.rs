/*!
A typed, sourced model of diplomacy and foreign assistance as the news
reports it: countries, currencies and exact amounts of money, read from and
written in the notation of news copy (`$310m`, `£219m`, `more than
178,000`), and the facts of a story (leaders and their terms, trips and
meetings, initiatives, funding, vaccine pledges, statistics) held in a
[`Dossier`] where every fact cites its source.

Newsrooms checking a story's figures, aid analysts tracking pledges against
delivery and researchers assembling datasets use it to hold facts in types
a compiler checks: a [`Country`] is one of the 249 ISO 3166-1 entries or
Kosovo, a [`Currency`] one of ISO 4217's, and [`Money`] an exact
[`Decimal`] amount in one currency whose arithmetic never panics and never
rounds behind your back.

# Example

```
use statecraft::geo::IntermediateRegion;
use statecraft::{Count, Country, Currency, Decimal, Money};

// Where: "Guatemala", "GTM", "320" and "GT" all name the same country.
let gt: Country = "Guatemala".parse()?;
assert_eq!(gt, Country::GT);
assert_eq!(gt.intermediate_region(), Some(IntermediateRegion::CentralAmerica));
assert_eq!(gt.currencies(), &[Currency::GTQ]);

// How much: news notation in, exact decimals out.
let aid: Money = "$310m".parse()?;
assert_eq!(aid.amount(), Decimal::from(310_000_000));
let split = aid.checked_div(Decimal::from(3))?.round();
assert_eq!(split.to_string(), "USD 103333333.33");
assert_eq!(split.to_compact(), "$103.3m");

// How many: counts keep their qualifier.
let arrivals: Count = "more than 178,000".parse()?;
assert_eq!(arrivals.value(), 178_000);
assert_eq!(arrivals.to_string(), "more than 178,000");
# Ok::<(), Box<dyn std::error::Error>>(())
```

# Where things are

The root holds the types of every day: [`Country`], [`Currency`],
[`Money`], [`Decimal`], [`NaiveDate`], [`Count`], the [`Dossier`] and
its facts, the validation [`Report`], the [`Aggregator`] and its
[`Totals`], the dossier summaries. The rest lives in a module named for
its place in the flow of data, from reference data to totals:

| module | what it holds |
| --- | --- |
| [`geo`] | countries, M49 areas, DAC regions, country groups with dated membership |
| [`org`] | organisations and OECD DAC channel codes, as reference data |
| [`money`] | currencies, exact amounts, currency symbols, exact sums ([`money::ExactSum`]) |
| [`notation`] | figures as the press writes them: counts, qualifiers, ranges, bounds |
| [`scan`] | every figure of a running text, with its span |
| [`fx`] | dated exchange rates and where they come from |
| [`model`] | the facts of a dossier, their ids, and their JSON format |
| [`validate`] | the rules a dossier must keep, and the report of what breaks them |
| [`aggregate`] | the streaming engine: flows, dimensions, exact totals, rejections |
| [`summary`] | what a dossier's facts add up to: funding, doses, pledges, breakdowns |
| [`records`] | funding records in CSV, read, written and aggregated in parallel |
| [`iati`] | IATI activity files, streamed and aggregated |

Every message that names a place in a dossier names it as a JSON
Pointer (`/vaccine_pledges/0/doses`, [`model::FieldPath`]): load errors,
validation reports and the summaries' rejections alike.

# Overview

- [`Country`]: every ISO 3166-1 country and territory, plus `XK`
  (Kosovo). Codes (alpha-2, alpha-3, numeric), ISO short and official
  names, everyday names, the UN M49 areas at every level ([`geo::Region`],
  [`geo::Subregion`], [`geo::IntermediateRegion`], any of them as an [`geo::M49Area`]),
  and the currencies ISO 4217 lists for it, the one in use first.
  [`Country::resolve`] reads any name the lists and the press give a
  country (`Korea, Rep.`, `Russian Fed.`, `Zaire`, `Mexiko`) and says how
  ([`geo::Resolution`]).
- [`Currency`]: every ISO 4217 list-one code plus every code of list three
  withdrawn since 1999 (the euro's legacy currencies, SLL, VEF, MRO, ...),
  with the first and last day each was in circulation, its changeover and
  successor. Numeric code, name, minor units, [`money::CurrencyKind`] (money,
  fund, index unit, ...), and its symbols from CLDR ([`money::CurrencySymbol`];
  ambiguous ones such as `$` are read in a [`money::SymbolContext`]).
- [`Money`]: an exact amount in a currency. Checked arithmetic
  ([`money::MoneyError`]), explicit rounding ([`Money::round`], half-even by
  default), a lossless `Display`/`FromStr` pair, news notation in
  (`FromStr`) and out ([`Money::to_compact`]).
- [`Count`] and [`Qualifier`]: whole numbers as the press states them
  ("approaching 230,000", "between 5 and 6 million"). Any reported
  quantity, a count or an amount of money, is a [`notation::Figure`]:
  exact, qualified or a range, read as exact [`notation::Bounds`] of the
  true figure by a documented reading of each qualifier
  ([`Qualifier::bounds_of`]: about 6 million is 5.5 to 6.5 million), with
  sound arithmetic ("more than 1m" and 500,000 are more than 1.5m).
- [`CountryGroup`]: named sets of countries with dated membership, as
  data (the Northern Triangle: GT, HN, SV; the EU with every enlargement
  and the UK until 2020-01-31; the G7, the G8, SICA: built in, each date
  sourced; a dossier defines its own), asked for on a date
  ([`CountryGroup::members_on`]). [`geo::DacRegion`]: the OECD DAC
  recipient regions of IATI's `recipient-region`.
- [`org`]: organisations as reference data: [`org::Organisation`] (64 built
  in, UN agencies, development banks, Gavi, COVAX, national agencies, with
  their IATI organisation identifiers; [`org::Organisation::from_iati`]
  resolves an IATI ref) and every OECD DAC channel code
  ([`org::DacChannel`]).
- [`fx`]: dated exchange rates that say where they came from. A
  [`fx::RateSource`] answers with a [`fx::Rate`] carrying the date of the
  rate actually used, its source and, for a cross rate, its legs.
  [`fx::EcbRates`] holds the ECB reference rates (embedded from
  1999-01-04 to 2026-10-30), [`fx::RateTable`] the rates you supply,
  [`fx::RateChain`] asks several in order and crosses between them, under
  an explicit [`fx::MissingRatePolicy`]. [`fx::FixedRates`] holds the
  euro's irrevocable conversion rates and the redenominations (1,000 SLL
  = 1 SLE), and chains with the others. [`fx::check_reported`] checks a
  reported pair such as "$310m (£219m)".
- [`scan`]: every figure of a news text with its byte span (money,
  reported pairs, counts with their noun, percentages, qualified or as
  ranges), never a year, date, time, address or list number;
  [`notation::Reading`] reads one figure, [`notation::MoneyPair`] a pair
  in one string ("$310m (£219m)"), checked at a date's reference rate.
- [`Aggregator`]: exact totals of flows of funds ([`Flow`]) in one
  currency, by recipient (a country or an area), donor (any [`Actor`]),
  M49 region, sub-region or intermediate region, named group (on each
  record's date), [`FundingStage`], year, month or a pair of these
  ([`aggregate::By`]), through any rate source, streaming
  and mergeable; [`Totals`] account for every record read (aggregated,
  undisclosed or rejected with its line). [`records`] reads and writes
  the CSV form of funding records and aggregates a file on every core.
- [`iati`]: real aid data in. IATI activity files (1.0x and 2.0x)
  streamed in bounded memory, one [`iati::TransactionOutcome`] per transaction as the
  project's reference reads it, files and directories on every core
  ([`iati::FileSet`]), and summed by the aggregator in one currency by
  recipient, donor or year, to the cent of the reference
  ([`iati::FileSet::aggregate_into`], [`iati::Summary`]).
- Dossier summaries, on the aggregator: [`FundingSummary`] totals a
  dossier's funding in one currency by any dimension ([`summary::FundingFlow`]:
  recipients as [`aggregate::AreaRecipient`]s, kept as the source names them or
  apportioned exactly by an [`aggregate::AreaSplit`]); [`DoseTotals`] counts vaccine
  doses by recipient, group, stage or any dimension; [`PledgeSummary`]
  sets each pledge against its allocations (share and [`summary::Remainder`]),
  and each of its tranches ([`summary::TrancheSummary`]), rolled up once, with
  bounds where figures are approximate;
  [`summary::BreakdownCount`] turns a statistic's breakdowns into counts with their
  qualifier. Whatever cannot be counted is a [`summary::FactRejection`] naming its
  place in the dossier (`/funding/3`).

The facts of a story live in a [`Dossier`], each citing a [`Publication`] by
its [`model::SourceId`] and naming others by typed ids ([`Id<T>`](model::Id): a
[`model::LeaderId`] is not a [`model::SourceId`]):

- [`Actor`]: who gives, channels, hosts, sponsors or holds an office: a
  country, an organisation ([`model::OrganisationId`]: built in or declared in
  the dossier), a group acting jointly, or an organisation known only by
  its IATI identifier. [`Area`]: where a figure is from, and who
  receives: a country, a group, an M49 area, a DAC region, an area the
  dossier declares ([`model::DeclaredArea`]), the world. An organisation
  can receive too: a recipient is a [`model::Receiver`], an area or an
  organisation.
- [`Leader`] with [`model::Term`]s in an [`model::Office`] of a country or organisation,
  carrying [`model::Function`]s (head of state, head of government, ...: stated,
  or the office's sourced defaults); [`Leader::holds`] and
  [`Leader::carries`] say whether they held an office or a function on a
  day.
- [`Trip`] (legs by country, [planned](model::EventStatus) or happened) and
  [`Meeting`] (one day or several, in one country or more, a host,
  [`model::Participant`]s attending in person or remotely ([`model::Attendance`]) and
  named in an [`model::OfficeRole`], [`model::MeetingKind`], [`model::Topic`]s).
- [`Initiative`]: a task force, programme, agenda or commitment, with its
  sponsor, [`model::Agency`]s, targets and [`model::Partners`].
- [`Funding`]: donor, the channel it goes through, [`model::FundingRecipient`]s with optional [`model::Share`]s, a
  [`FundingStage`], an amount that may be undisclosed, the same amount as
  reported in other currencies, and the value date that fixes its rate.
- [`VaccinePledge`] (doses as a [`Count`], exact or approximate, by a
  country, an organisation or a group, divided into [`model::Tranche`]s by
  channel, area or country, and possibly part of a larger pledge) and
  [`VaccineAllocation`]s from it (to a country or an area), by
  [`model::DoseStage`], in the most specific tranche.
- [`Statistic`]: a [`model::Metric`] over a [`model::StatisticScope`] and [`model::Period`], a count with
  its qualifier, [`model::Breakdown`]s and a [`model::Rank`].

[`Dossier::from_json`] and [`Dossier::to_json`] read and write the
versioned JSON format `statecraft-dossier/2` (every field is listed in
`docs/FORMAT.md`); documents of format 1 still load, upgraded in memory. A
load error names the line, the column and the field ([`LoadError`]). `cargo run --example guatemala_trip` shows the seed
article as a dossier and a briefing drawn from it.

A dossier that loads is well-formed, not yet consistent.
[`Dossier::validate`] checks it against every [`Rule`] (references,
groups named within their recorded history, periods, offices and
functions held, sources, money, reported pairs at the reference rate of
the report's date, vaccine allocations, statistics) and returns a
[`Report`] of every [`Violation`]: its rule's stable id, its [`Severity`],
where in the document (`/funding/0/recipients/1/share`) and a message
naming the values (`docs/RULES.md` lists the rules; `cargo run --example
validate -- FILE.json` prints them).

Every parser answers with a value or an error that quotes the input (cut
to 60 characters, see [`Excerpt`]) and says what is wrong; none panics.
The next section lists what each refuses.

# Bad input

Whatever arrives, each reader answers with a value or an error that says
what is wrong and where; none panics, none overflows silently, none reads
nonsense as a number. Every case below has a file in `tests/bad_input/`
with the answer pinned next to it, and each reader is fuzzed (`fuzz/`).
Throughout, a text quoted in an error is cut to 60 characters and shows
invisible characters as escapes (`` `\u{feff}GT` ``). Every reader reads
a number, a date and a CSV record by the same grammar, so the same text
gets the same answer and the same message in each: `+5` is 5 and `1e5`
is refused with [`DecimalErrorKind::Exponent`] in money notation, funding
records, rate tables, ECB files and JSON amounts alike (money notation
adds its own syntax around the number: a currency, a magnitude, commas
grouping thousands).

| input | read by | refused, with the error's kind | let through |
| --- | --- | --- | --- |
| money notation | [`Money::from_str`](Money#impl-FromStr-for-Money) → [`money::ParseMoneyError`] | empty; no digits (`$m`); no currency (`310 million`); unknown code (`XYZ 5`, naming the codes of its country: `SLX 5`) or symbol (`₿5`, `CAD$500`, `HK $5`, a leading byte-order mark); an ambiguous symbol with no default and no country of publication (`kr 100`); a single letter before a plain number (`Q3`); bad grouping (`$1,00,000`, `$1,0000`); a point without a digit on each side (`$.5m`); two decimal points; exponents (`1e5 USD`); a second or misplaced sign (`--$5`, `+-$5`); trailing text (`$310x`, a zero-width space); more than a `Decimal` holds (`$79228162514264337593543950336`, `$99999999999999999tn`); more significant digits than it holds (`$9.9999999999999999999999999999`); more than 28 decimals | surrounding and inner whitespace, no-break spaces included; codes in any case; minor units as hundredths (`GBp 150` is GBP 1.50, `50p`, `75c`); withdrawn currencies (`CYP 5`, `DM 5m`: legal tender is [`Dossier::validate`]'s business); `-$0` read as zero; a plus where a minus may stand (`+$5m`, `USD +5`) |
| figures in one string | [`notation::Reading::parse_in`], `Figure<Money>` and [`notation::MoneyPair`] `FromStr` → [`notation::ParseFigureError`] | what money notation refuses; a range with no second number (`between £5m`), inverted (`£6m-£5m`), in two currencies (`£5m-$6m`) or qualified (`about $3-4bn`); a count that is not a whole number (`1.5 doses`) or is negative; text after the figure (`$310m (£219m`) | counts with the noun they count; percentages (`40%`, `40 per cent`); ranges with `-`, `–`, `to`, `between ... and` |
| running text | [`scan::Scanner::scan`] → [`scan::Found`] | nothing: a figure that starts like one and does not read is yielded with its [`notation::ParseFigureError`] and span (`$1,00,000`, `kr 100` with no country) | years, dates, times, addresses, list numbers, numbers in names and ordinals, which are not figures and are not yielded |
| counts | [`Count::from_str`](Count#impl-FromStr-for-Count) → [`notation::ParseCountError`] | empty; no digits (a qualifier alone: `more than`, `just over`); any minus, `-0` included; fractions (`1.5`, `1.2345k`); bad grouping; exponents; more than `u64` holds; a unit (`25m doses`: read those with [`Count::parse_with_unit`]); a range with no second number (`between 5`), whose first is above its second (`between 6 million and 5 million`, `5–3m`) or with a qualifier (`about 3–4 million`) | qualifiers (`more than`, `approaching`, `just over`, `at most`, ...), magnitudes, number words (`one million`), ranges (`between 5 and 6 million`, `3–4 million`, `3-4bn`) |
| countries | [`Country::from_str`](Country#impl-FromStr-for-Country) and [`Country::resolve`] → [`geo::ParseCountryError`] ([`geo::ParseCountryErrorKind`]) | anything that is not a code or a known name: `Atlantis`, `99999`, `000`, `G\tT`, a leading byte-order mark, a note naming another state (`Saint Martin (Netherlands)`) or nothing (`Georgia (US state)`); names several countries go by (`Korea`, `Congo`, `Guinea`: the candidates listed); a country that split (`Czechoslovakia`: its successors) | codes and names in any case, zero-padded numeric codes (`0320`), everyday and former names (`UK`, `Zaire`), abbreviations (`Russian Fed.`), other languages (`Mexiko`), text garbled by a wrong encoding (`CÃ´te d'Ivoire`) |
| currencies | [`Currency::from_str`](Currency#impl-FromStr-for-Currency) → [`money::ParseCurrencyError`] | anything but a three-letter ISO 4217 code: `XYZ`, `US`, `£`; the code of a minor unit (`GBp`) | any case; codes withdrawn since 1999 (`HRK`, `SLL`) |
| ECB rate files | [`fx::EcbRates::from_csv`] → [`fx::FxError::Parse`] (line, column, [`fx::ParseErrorKind`]) | an empty file or a header alone; no `Date` first column; unknown, repeated or euro columns; UTF-16 or invalid UTF-8; badly quoted fields; rows with too few or too many fields (a truncated last row); dates not in the calendar (`2021-02-30`) or repeated; rates that are empty, not plain decimals (`1.2e0`, `.5`: the [`DecimalErrorKind`] says why), zero, negative, `-0`, or more than a `Decimal` holds | a UTF-8 byte-order mark, CRLF line ends, a missing final newline, rows in any order, `N/A`, quoted fields, spaces around fields, `+1.2162` |
| rate tables | [`fx::RateTable::from_csv`] → [`fx::FxError::Parse`] | a header other than `date,base,quote,rate` (a repeated column included); UTF-16; badly quoted fields; truncated rows; bad dates; unknown currencies; a base equal to its quote; rates empty, not plain decimals, zero, negative, `-0` or too long; the same pair twice on a day | a byte-order mark; a header alone (an empty table); quoted fields, spaces around fields, `+7.7237` |
| funding records | [`records::Reader`] → [`records::RecordError`] (line, column, field, [`records::RecordErrorKind`]) | a first line other than the header (a repeated column included); UTF-16; then, record by record, going on after each: wrong field counts (a truncated last line), bad quoting (a quote never closed, text after a closing quote), invalid UTF-8, control characters other than line breaks in ids, bad dates, unknown countries, stages or currencies, empty required fields, amounts with grouping, exponents, a bare point, too many digits or decimals; records longer than 1 MiB | a byte-order mark, CRLF; quoted fields, line breaks in a quoted id (one record over several lines, its errors on the line it starts); spaces around fields but the id; an empty amount and currency (an undisclosed amount, counted, never summed as zero); `-0.00` read as zero; `+5` |
| dossiers (JSON) | [`Dossier::from_json`] → [`LoadError`] (line, column, JSON Pointer, [`model::LoadErrorKind`], serde_json's error as its source) | empty or truncated documents; syntax errors and trailing text; UTF-16; invalid UTF-8; a missing or other `format`; unknown or repeated fields (a format-1 field in a format-2 document among them); arrays where objects belong; an empty object or a second key where a one-key choice belongs (`{"country": "GT"}`); `null` where a value is required; wrong types (an amount as a number, which JSON readers turn into floats); dates not in the calendar or not written `YYYY-MM-DD` (quoted: `` invalid value `2021-02-30` ``, `` invalid value `2021-6-1` ``); ids that are not slugs; shares outside 0..=100; negative or oversized counts; a qualifier with no number (`"doses": "about"`, an amount with a `qualifier` and no `amount`); inverted ranges (`"between 5m and 3m"`, `{"between": ["4000000000", "3000000000"], ...}`); a range with a qualifier; unknown actor kinds, DAC channel codes, DAC regions, functions and attendances; a role naming both an office and a function; group memberships that end before they start, are dated before the group's `since`, or overlap | a UTF-8 byte-order mark; `null` for an absent optional value; doses and counts as integers or as the press writes them; documents of format 1 (upgraded) |
| IATI activity files | [`iati::Reader`] → [`iati::Error`] (file, line, byte offset, activity, [`iati::ErrorKind`]) | truncated files, unclosed or mismatched tags, unknown entities, a lone `&`, `<` in an attribute, repeated or unquoted attributes, `--` in comments; a DOCTYPE (no entity is ever expanded); a root other than `iati-activities`, `iati-activity` or `result`, or one in a namespace; a second root, text outside it; bytes not in the declared encoding, control characters; UTF-16, undeclared or unsupported encodings; not XML at all. Then, transaction by transaction, going on after each: no currency, unreadable amounts and dates ([`iati::Rejected`]) | ISO-8859-1 and windows-1252; a UTF-8 byte-order mark; foreign namespaces and attributes; empty attributes (as absent); 1.0x letter codes in any file |
| funding records to sum | [`Aggregator`] → [`aggregate::Rejection`] | amounts whose conversion or sum would leave a `Decimal` (near `Decimal::MAX`), or need more than 46 decimals; dates with no rate; all counted as rejected with line and reason, never a panic | |

A dossier that loads can still contradict itself: that is
[`Dossier::validate`]'s part (`docs/RULES.md`).

# Crate features

- `ecb-snapshot` (default): embeds the European Central Bank's reference
  rates from 1999-01-04 to 2026-10-30 for dated currency conversion
  ([`fx::EcbRates::embedded`]; 1.9 MB of CSV in the binary, parsed on
  first use). Without it, read a history with [`fx::EcbRates::from_csv`].

# Cookbook

Read amounts as the press writes them:

```
use statecraft::Money;

for (text, exact) in [
    ("$4.5 billion", "USD 4500000000"),
    ("£0.5m", "GBP 500000"),
    ("310 million USD", "USD 310000000"),
    ("USD 1,234.56", "USD 1234.56"),
    ("Q75k", "GTQ 75000"),
    ("-$5m", "USD -5000000"),
] {
    assert_eq!(text.parse::<Money>()?.to_string(), exact);
}
# Ok::<(), Box<dyn std::error::Error>>(())
```

Refuse what is not money, saying why:

```
use statecraft::Money;

let e = "$1,00,000".parse::<Money>().unwrap_err();
assert_eq!(e.to_string(), "invalid amount `$1,00,000`: bad digit grouping");
let e = "310 million".parse::<Money>().unwrap_err();
assert_eq!(e.to_string(), "invalid amount `310 million`: no currency");
```

Convert at the rate of a date, exactly, and see which rate was used:

*/
// Examples that need the embedded ECB rates are ignored without the
// `ecb-snapshot` feature (`cargo test --no-default-features`).
#![cfg_attr(feature = "ecb-snapshot", doc = "```")]
#![cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/*!use statecraft::fx::{EcbRates, RateSource};
use statecraft::{Currency, Money, NaiveDate};

let sunday = NaiveDate::from_ymd_opt(2021, 6, 6).unwrap();
let ecb = EcbRates::embedded();
let gbp = ecb.convert("$310m".parse::<Money>()?, Currency::GBP, sunday)?;
assert_eq!(gbp.round().to_string(), "GBP 219228356.85");
let rate = ecb.rate(Currency::USD, Currency::GBP, sunday)?;
assert_eq!(rate.date(), NaiveDate::from_ymd_opt(2021, 6, 4).unwrap()); // Friday's
assert_eq!(rate.legs().len(), 2); // USD→EUR, EUR→GBP
# Ok::<(), Box<dyn std::error::Error>>(())
```

Check the pair a report gives, at the report's date:

*/
#![cfg_attr(feature = "ecb-snapshot", doc = "```")]
#![cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/*!use statecraft::fx::{check_reported, EcbRates};
use statecraft::NaiveDate;

let report = NaiveDate::from_ymd_opt(2021, 6, 7).unwrap();
let check = check_reported("$310m".parse()?, "£219m".parse()?, report, EcbRates::embedded())?;
assert!(check.is_consistent()); // 0.11% off, within ±1.23%
# Ok::<(), Box<dyn std::error::Error>>(())
```

Refuse a rate that would be wrong, saying why:

*/
#![cfg_attr(feature = "ecb-snapshot", doc = "```")]
#![cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/*!use statecraft::fx::{EcbRates, RateSource};
use statecraft::{Currency, NaiveDate};

let day = NaiveDate::from_ymd_opt(2010, 1, 4).unwrap();
let e = EcbRates::embedded().rate(Currency::EUR, Currency::CYP, day).unwrap_err();
assert_eq!(e.to_string(), "no ECB rate for CYP on 2010-01-04: CYP was retired after 2007-12-31");
```

Load a dossier and ask who met whom, in which office:

```
use statecraft::model::LeaderId;
use statecraft::Dossier;

# let json = include_str!("../examples/data/guatemala-2021.json");
let dossier = Dossier::from_json_str(json)?;
let harris = LeaderId::new("harris")?;
for meeting in dossier.meetings_of(&harris) {
    for p in meeting.participants().iter().filter(|p| p.leader() != &harris) {
        let leader = dossier.leader(p.leader()).ok_or("unknown leader")?;
        let office = leader.term_on(meeting.start()).map(|t| t.role().to_string());
        println!("{}: {} ({})", meeting.start(), leader.name(), office.unwrap_or_default());
    }
}
# Ok::<(), Box<dyn std::error::Error>>(())
```

Refuse a malformed document, saying where:

```
use statecraft::Dossier;

let json = r#"{"format": "statecraft-dossier/1",
  "vaccine_pledges": [{"id": "p", "donor": "US", "doses": -5, "announced": "2021-06-03", "source": "s"}]}"#;
let e = Dossier::from_json_str(json).unwrap_err();
assert_eq!(e.to_string(), "invalid value: integer `-5`, expected u64 at line 2 column 60 (/vaccine_pledges/0/doses)");
```

Total funding records by recipient in one currency, at the rate of each
record's date, to the cent:

*/
#![cfg_attr(feature = "ecb-snapshot", doc = "```")]
#![cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/*!use statecraft::fx::EcbRates;
use statecraft::records::Reader;
use statecraft::{Aggregator, Currency, Dimension};

let csv = "\
id,date,donor,recipient,stage,amount,currency
1,2021-04-26,US,GT,pledged,310000000,USD
2,2021-06-07,GB,GT,committed,219000000,GBP
3,2021-06-07,DE,HN,disbursed,,
4,2021-06-07,DE,SV,disbursed,12x,EUR
";
let mut agg = Aggregator::new(EcbRates::embedded(), Currency::USD, Dimension::Recipient);
Reader::new(csv.as_bytes()).aggregate_into(&mut agg)?;
let totals = agg.totals()?;
let rows: Vec<String> = totals.groups().iter().map(|g| format!("{} {}", g.key(), g.total())).collect();
assert_eq!(rows, ["GT USD 620338246.43", "HN USD 0.00"]); // 310m + 219m × 1.2162 / 0.85825
assert_eq!((totals.aggregated(), totals.undisclosed(), totals.rejected()), (2, 1, 1));
assert_eq!(
    totals.rejections()[0].to_string(),
    "line 5: column 6 (amount): invalid amount `12x`: unexpected `x` after the number"
);
# Ok::<(), Box<dyn std::error::Error>>(())
```

Validate a dossier, and see every contradiction with where and why:

*/
#![cfg_attr(feature = "ecb-snapshot", doc = "```")]
#![cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/*!use statecraft::{fx::EcbRates, Dossier, Rule};

let json = r#"{"format": "statecraft-dossier/1",
  "sources": [{"id": "report", "title": "A report", "published": "2021-06-07"}],
  "funding": [{"id": "aid", "donor": "US", "stage": "announced", "announced": "2021-04-26",
    "recipients": [{"area": {"country": "GT"}, "share": "60"}, {"area": {"country": "HN"}, "share": "30"}],
    "amount": {"amount": "310000000", "currency": "USD"},
    "reported_as": [{"amount": "219000000", "currency": "GBP"}], "source": "report"}],
  "vaccine_pledges": [{"id": "us-covid-25m", "donor": "US", "doses": 25000000,
    "announced": "2021-06-03", "source": "report"}],
  "vaccine_allocations": [{"id": "gt", "pledge": "us-covid-25m", "recipient": "GT",
    "doses": 26000000, "stage": "announced", "source": "report"}]}"#;
let report = Dossier::from_json_str(json)?.validate(EcbRates::embedded());
assert!(!report.is_ok());
assert_eq!(
    report.to_string(),
    "error[shares-do-not-sum-to-100] /funding/0/recipients: the shares of funding `aid` sum to 90%, not 100% (within 0.01)\n\
     error[allocation-exceeds-pledge] /vaccine_pledges/0/doses: allocations from pledge `us-covid-25m` \
     sum to 26,000,000 doses, above the 25,000,000 pledged\n\
     2 errors, 0 warnings\n"
);
// The £219m beside the $310m agrees at the ECB rate of the report's date: no violation.
assert_eq!(report.of_rule(Rule::ReportedPairInconsistent).count(), 0);
# Ok::<(), Box<dyn std::error::Error>>(())
```

Sum up a dossier: funding by recipient in one currency, doses against
the pledge, and the counts a statistic's breakdown implies:

*/
#![cfg_attr(feature = "ecb-snapshot", doc = "```")]
#![cfg_attr(not(feature = "ecb-snapshot"), doc = "```ignore")]
/*!use statecraft::fx::EcbRates;
use statecraft::summary::BreakdownCount;
use statecraft::{Currency, Dimension, Dossier, FundingSummary, NaiveDate, PledgeSummary};

# let json = include_str!("../examples/data/guatemala-2021.json");
let dossier = Dossier::from_json_str(json)?;
let report = NaiveDate::from_ymd_opt(2021, 6, 7).ok_or("bad date")?;
let funding = FundingSummary::new(EcbRates::embedded(), Currency::GBP, Dimension::group(dossier.groups()))
    .at(report)
    .of(&dossier)?;
let rows: Vec<String> = funding
    .groups()
    .iter()
    .map(|g| format!("{}: {} and {} undisclosed", g.key(), g.total(), g.undisclosed()))
    .collect();
assert_eq!(rows, ["Northern Triangle: GBP 218761305.71 and 1 undisclosed"]);

let pledge = &PledgeSummary::all(&dossier)?[0];
assert_eq!(pledge.allocated_share().map(|s| s.to_string()), Some("6%".into()));
assert_eq!(pledge.remainder().to_string(), "23,500,000 not allocated");

let counts = BreakdownCount::all(&dossier)?;
assert_eq!(counts[0].to_string(), "more than 71,200 from the Northern Triangle");
# Ok::<(), Box<dyn std::error::Error>>(())
```

Keep the press's approximate figures, and add them soundly:

```
use statecraft::notation::Figure;
use statecraft::{Count, Money, Qualifier};

let regions: Vec<Count> = ["about 6 million", "about 7 million", "about 5 million"]
    .iter()
    .map(|s| s.parse())
    .collect::<Result<_, _>>()?;
let sum = regions.iter().try_fold(Count::exact(0).bounds(), |acc, c| acc.checked_add(c.bounds()))?;
assert_eq!(sum.to_string(), "between 16,500,000 and 19,500,000");
let covax: Count = "about 19,000,000".parse()?;
assert!(!sum.is_above(&covax.bounds())); // the parts may well make the whole

let more: Count = "more than 1,000,000".parse()?;
assert_eq!(more.bounds().checked_add(Count::exact(500_000).bounds())?.to_string(), "more than 1,500,000");

let gavi = Figure::new("$4bn".parse::<Money>()?, Qualifier::About);
assert_eq!(gavi.bounds().to_compact(), "between $3.5bn and $4.5bn");
# Ok::<(), Box<dyn std::error::Error>>(())
```

Sum without losing a cent, and round once at the end:

```
use statecraft::{Currency, Money};

let parts: Vec<Money> = ["USD 0.10", "USD 0.20", "USD 0.005"]
    .iter()
    .map(|s| s.parse())
    .collect::<Result<_, _>>()?;
let total = Money::checked_sum(Currency::USD, parts)?;
assert_eq!(total.to_string(), "USD 0.305");
assert_eq!(total.round().to_string(), "USD 0.30"); // half to even
# Ok::<(), Box<dyn std::error::Error>>(())
```
*/

#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)
)]

pub mod aggregate;
mod encoding;
mod excerpt;
pub mod fx;
pub mod geo;
mod grammar;
pub mod iati;
mod io_error;
pub mod model;
pub mod money;
pub mod notation;
pub mod org;
pub mod records;
pub mod scan;
mod serde_str;
mod serde_strict;
mod slug;
pub mod summary;
#[cfg(test)]
mod testing;
pub mod validate;

pub use aggregate::{Aggregator, Dimension, Flow, Totals};
pub use chrono::NaiveDate;
pub use excerpt::Excerpt;
pub use geo::{Country, CountryGroup};
pub use grammar::DecimalErrorKind;
pub use io_error::IoError;
pub use model::{
    Actor, Area, Dossier, Funding, FundingStage, Initiative, Leader, LoadError, Meeting, Publication, Statistic, Trip,
    VaccineAllocation, VaccinePledge,
};
pub use money::{Currency, Money};
pub use notation::{Count, Qualifier};
pub use rust_decimal::Decimal;
pub use summary::{DoseTotals, FundingSummary, PledgeSummary};
pub use validate::{Report, Rule, Severity, Violation};

/// The README's examples, compiled and run as doctests so that they stay
/// true.
#[cfg(all(doctest, feature = "ecb-snapshot"))]
#[doc = include_str!("../README.md")]
struct ReadmeExamples;
