//! Reading a country from a code or a name, and saying how it was read.
//!
//! A code is read first, without building a name key. A name is looked up
//! by its key (`normalize::name_key`) in the table generated from the
//! published lists (`name_table.rs`). What the table does not hold as
//! written is read by rewriting, in this order, and never by guessing:
//! abbreviated words expanded and other spellings read (`Russian Fed.`,
//! `French Guyana`), a catalogue form turned round (`Congo, Democratic
//! Republic`), and a note dropped when it names the country itself or the
//! state it belongs to (`Guam (US)`, `Hong Kong, China`), or, in brackets
//! or after a comma, is words of one of its names (`Saint Martin
//! (French)`); text garbled by a wrong encoding is decoded last. When
//! readings lead to more than one country the answer is an ambiguity
//! error listing them.

use std::fmt;

use super::name_table::{sovereign, NAMES, WORDS};
use super::names::{FormerName, Language, NameList};
use super::normalize::{for_each_word, name_key, push_key_word, repair_mojibake};
use super::Country;
use crate::Excerpt;

/// What a key of the name table names.
#[derive(Debug)]
pub(super) enum Listed {
    /// A current English name of a country.
    Name(Country, NameList),
    /// An acronym, with what it stands for.
    Acronym(Country, &'static str),
    /// A name in another language.
    Exonym(Country, Language),
    /// A former name.
    Former(FormerName),
    /// A name that more than one country goes by.
    Ambiguous(&'static [Country]),
}

/// How a text was read as a country: the country, and whether by a code
/// or which kind of name.
///
/// `Country::from_str` gives the country alone; [`Country::resolve`] gives
/// this, for callers who need to know that `Zaire` is a former name (and
/// since when), that `Mexiko` is German or that `Russian Fed.` was read by
/// expanding an abbreviation.
///
/// ```
/// use statecraft::geo::{Reading, Rewrite};
/// use statecraft::Country;
///
/// let r = Country::resolve("Russian Fed.")?;
/// assert_eq!(r.country(), Country::RU);
/// assert_eq!(r.listed(), "Russian Federation (the)");
/// assert!(r.rewrites().eq([Rewrite::Abbreviation]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolution {
    country: Country,
    reading: Reading,
    listed: &'static str,
    rewrites: u8,
}

/// Which kind of code or name a text was read as.
///
/// ```
/// use statecraft::geo::{Language, NameList, Reading};
/// use statecraft::Country;
///
/// assert_eq!(Country::resolve("GTM")?.reading(), Reading::Alpha3);
/// assert_eq!(Country::resolve("Guatemala")?.reading(), Reading::Name(NameList::Iso3166));
/// assert_eq!(Country::resolve("Mexiko")?.reading(), Reading::Exonym(Language::German));
/// assert!(matches!(Country::resolve("PRC")?.reading(), Reading::Acronym { .. }));
/// assert!(matches!(Country::resolve("Burma")?.reading(), Reading::Former(_)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reading {
    /// The ISO 3166-1 alpha-2 code (`GT`).
    Alpha2,
    /// The ISO 3166-1 alpha-3 code (`GTM`).
    Alpha3,
    /// The ISO 3166-1 numeric code (`320`).
    Numeric,
    /// A current English name, from the list given.
    Name(NameList),
    /// An acronym (`PRC`), with what it stands for.
    Acronym {
        /// The name the acronym stands for: `People's Republic of China`.
        expansion: &'static str,
    },
    /// The country's name in another language (`Allemagne`).
    Exonym(Language),
    /// A name the country no longer goes by (`Zaire`), read as its
    /// successor.
    Former(&'static FormerName),
    /// A name several countries go by (`Virgin Islands`), narrowed to one
    /// by a note naming the state it belongs to (`Virgin Islands (UK)`).
    Narrowed,
}

impl fmt::Display for Reading {
    /// What the text was: `alpha-3 code`, `World Bank name`, `German
    /// name`, `acronym of People's Republic of China`, `former name (until
    /// 1997-07-14, ISO 3166-3 ZRCD)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reading::Alpha2 => f.write_str("alpha-2 code"),
            Reading::Alpha3 => f.write_str("alpha-3 code"),
            Reading::Numeric => f.write_str("numeric code"),
            Reading::Name(list) => write!(f, "{list}"),
            Reading::Acronym { expansion } => write!(f, "acronym of {expansion}"),
            Reading::Exonym(language) => write!(f, "{language} name"),
            Reading::Former(former) => write!(f, "former name (until {}, {})", former.changed, former.source),
            Reading::Narrowed => f.write_str("ambiguous name narrowed by its note"),
        }
    }
}

/// A rewriting that was needed to read a name.
///
/// ```
/// use statecraft::geo::Rewrite;
/// use statecraft::Country;
///
/// let r = Country::resolve("Guam (US)")?;
/// assert_eq!(r.country(), Country::GU);
/// assert!(r.rewrites().eq([Rewrite::Note]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Rewrite {
    /// Abbreviated words expanded: `Central African Rep.`, `Cayman Isds`.
    Abbreviation,
    /// A word read in its other spelling: `French Guyana` as `French
    /// Guiana`, `Macau` as `Macao`.
    Spelling,
    /// A catalogue form turned round: `Congo, Democratic Republic` read as
    /// `Democratic Republic Congo`.
    Inversion,
    /// A note dropped after it was checked to name the country or the
    /// state it belongs to: `Puerto Rico (United States)`, `Hong Kong,
    /// China`.
    Note,
    /// Text decoded from a wrong encoding: `CÃ´te d'Ivoire`.
    Encoding,
}

const REWRITES: [Rewrite; 5] = [
    Rewrite::Abbreviation,
    Rewrite::Spelling,
    Rewrite::Inversion,
    Rewrite::Note,
    Rewrite::Encoding,
];

const fn bit(r: Rewrite) -> u8 {
    match r {
        Rewrite::Abbreviation => 1,
        Rewrite::Spelling => 2,
        Rewrite::Inversion => 4,
        Rewrite::Note => 8,
        Rewrite::Encoding => 16,
    }
}

impl Resolution {
    /// The country.
    pub fn country(&self) -> Country {
        self.country
    }

    /// How the text was read.
    pub fn reading(&self) -> Reading {
        self.reading
    }

    /// The name as its list writes it (`Russian Federation (the)` for
    /// `Russian Fed.`, `Mexiko`, `Zaire`); for a code, the country's ISO
    /// 3166-1 short name.
    pub fn listed(&self) -> &'static str {
        self.listed
    }

    /// The rewritings it took, in the order of [`Rewrite`]'s variants;
    /// none for a code or a name the lists carry as written.
    pub fn rewrites(&self) -> impl Iterator<Item = Rewrite> + '_ {
        REWRITES.into_iter().filter(|r| self.rewrites & bit(*r) != 0)
    }

    /// The former name it was read as, if it was one.
    pub fn former(&self) -> Option<&'static FormerName> {
        match self.reading {
            Reading::Former(f) => Some(f),
            _ => None,
        }
    }

    fn with(mut self, rewrites: u8) -> Resolution {
        self.rewrites |= rewrites;
        self
    }
}

/// The error for text that names no country, or more than one.
///
/// ```
/// use statecraft::geo::ParseCountryErrorKind;
/// use statecraft::Country;
///
/// let e = "Atlantis".parse::<Country>().unwrap_err();
/// assert_eq!(e.to_string(), "unknown country `Atlantis`");
///
/// let e = "Korea".parse::<Country>().unwrap_err();
/// assert_eq!(e.to_string(), "ambiguous country `Korea`: KP (North Korea) or KR (South Korea)");
/// assert_eq!(e.kind(), &ParseCountryErrorKind::Ambiguous { candidates: vec![Country::KP, Country::KR] });
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseCountryError {
    input: Excerpt,
    kind: ParseCountryErrorKind,
}

/// What is wrong with a country name.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseCountryErrorKind {
    /// No code or known name.
    Unknown,
    /// A name several countries go by (`Korea`, `Congo`, `Guinea`,
    /// `Virgin Islands`); the candidates are in alpha-2 order.
    Ambiguous {
        /// The countries it may name.
        candidates: Vec<Country>,
    },
    /// The name of a country that split (`Czechoslovakia`, `USSR`,
    /// `Netherlands Antilles`); its successors are the candidates.
    Dissolved {
        /// The former name, with its successors and the date.
        former: &'static FormerName,
    },
}

impl ParseCountryError {
    /// The text that was not read (cut to 60 characters).
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// What is wrong with it.
    pub fn kind(&self) -> &ParseCountryErrorKind {
        &self.kind
    }

    /// The countries it may name: the candidates of an ambiguous name, the
    /// successors of a dissolved one; none for an unknown one.
    pub fn candidates(&self) -> &[Country] {
        match &self.kind {
            ParseCountryErrorKind::Unknown => &[],
            ParseCountryErrorKind::Ambiguous { candidates } => candidates,
            ParseCountryErrorKind::Dissolved { former } => former.successors,
        }
    }
}

impl std::error::Error for ParseCountryError {}

impl fmt::Display for ParseCountryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = self;
        match &e.kind {
            ParseCountryErrorKind::Unknown => write!(f, "unknown country `{}`", e.input),
            ParseCountryErrorKind::Ambiguous { candidates } => {
                write!(f, "ambiguous country `{}`: ", e.input)?;
                write_list(f, candidates, "or")
            }
            ParseCountryErrorKind::Dissolved { former } => {
                write!(f, "former country `{}` (until {}): now ", e.input, former.changed)?;
                write_list(f, former.successors, "and")
            }
        }
    }
}

/// `KP (North Korea) or KR (South Korea)`; `A, B or C`.
fn write_list(f: &mut fmt::Formatter<'_>, countries: &[Country], last: &str) -> fmt::Result {
    for (i, c) in countries.iter().enumerate() {
        if i + 1 == countries.len() && i > 0 {
            write!(f, " {last} ")?;
        } else if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{} ({})", c.alpha2(), c.common_name())?;
    }
    Ok(())
}

impl Country {
    /// Reads a country from a code or a name, and says how: see
    /// [`Resolution`] and [`Reading`]. `Country::from_str` is this, keeping
    /// the country alone.
    ///
    /// Read, case-insensitively, with diacritics, punctuation, "the", "of"
    /// and "and" ignored:
    /// - the ISO 3166-1 alpha-2, alpha-3 and numeric codes (`GT`, `GTM`,
    ///   `320`, `0320`);
    /// - the current English names of ISO 3166-1 (short, official and list
    ///   forms: `Bahamas (the)`, `Korea (the Republic of)`), UN M49
    ///   (`China, Hong Kong Special Administrative Region`), the World Bank
    ///   (`Korea, Rep.`, `Commonwealth of Australia`), CLDR (`Congo -
    ///   Kinshasa`) and everyday use (`UK`, `Holland`);
    /// - common acronyms (`PRC`, `DRC`, `UAE`);
    /// - CLDR's names in Arabic, Chinese, Dutch, French, German, Italian,
    ///   Portuguese, Russian and Spanish (`Mexiko`, `Allemagne`, `中国`);
    /// - former names, as their successor (`Zaire`, `Swaziland`, `Burma`);
    /// - with abbreviated words (`Russian Fed.`, `Cayman Isds`), turned
    ///   round (`Congo, Democratic Republic`), or with a note naming the
    ///   country or the state it belongs to (`Guam (US)`, `Hong Kong,
    ///   China`, `Falkland Islands (Malvinas)`).
    ///
    /// # Errors
    ///
    /// [`ParseCountryError`], quoting the input, with its
    /// [`kind`](ParseCountryError::kind): `Unknown`; `Ambiguous` with the
    /// candidates for a name several countries go by (`Korea`, `Congo`,
    /// `Guinea`, `Virgin Islands`, or a rewriting that leads to two);
    /// `Dissolved` for a country that split (`Czechoslovakia`).
    ///
    /// ```
    /// use statecraft::geo::Reading;
    /// use statecraft::Country;
    ///
    /// let r = Country::resolve("Libyan Arab Jamahiriya")?;
    /// assert_eq!(r.country(), Country::LY);
    /// let former = r.former().ok_or("not a former name")?;
    /// assert_eq!(former.changed().to_string(), "2011-08-03");
    ///
    /// let e = Country::resolve("Czechoslovakia").unwrap_err();
    /// assert_eq!(e.candidates(), &[Country::CZ, Country::SK]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve(text: &str) -> Result<Resolution, ParseCountryError> {
        let err = |kind| ParseCountryError {
            input: Excerpt::new(text),
            kind,
        };
        let t = text.trim();
        if let Some(code) = read_code(t) {
            return code.ok_or_else(|| err(ParseCountryErrorKind::Unknown));
        }
        match read(t, Depth::Top) {
            Outcome::One(r) => Ok(r),
            Outcome::Many(candidates) => Err(err(ParseCountryErrorKind::Ambiguous { candidates })),
            Outcome::Dissolved(former) => Err(err(ParseCountryErrorKind::Dissolved { former })),
            Outcome::Nothing => Err(err(ParseCountryErrorKind::Unknown)),
        }
    }
}

/// The country of a code: `Some(None)` for digits that are no numeric
/// code, `None` for text that is not a code (and may be a name).
fn read_code(t: &str) -> Option<Option<Resolution>> {
    let code = |country: Country, reading| Resolution {
        country,
        reading,
        listed: country.name(),
        rewrites: 0,
    };
    let bytes = t.as_bytes();
    if !bytes.is_empty() && bytes.iter().all(u8::is_ascii_digit) {
        let found = t
            .trim_start_matches('0')
            .parse::<u16>()
            .ok()
            .and_then(Country::from_numeric_code);
        return Some(found.map(|c| code(c, Reading::Numeric)));
    }
    match bytes {
        [a, b] => Country::from_alpha2_upper([a.to_ascii_uppercase(), b.to_ascii_uppercase()])
            .map(|c| Some(code(c, Reading::Alpha2))),
        [a, b, c] => {
            Country::from_alpha3_upper([a.to_ascii_uppercase(), b.to_ascii_uppercase(), c.to_ascii_uppercase()])
                .map(|c| Some(code(c, Reading::Alpha3)))
        }
        _ => None,
    }
}

/// What one reading of a text found.
#[derive(Debug)]
enum Outcome {
    One(Resolution),
    Many(Vec<Country>),
    Dissolved(&'static FormerName),
    Nothing,
}

impl Outcome {
    fn with(self, rewrites: u8) -> Outcome {
        match self {
            Outcome::One(r) => Outcome::One(r.with(rewrites)),
            other => other,
        }
    }

    fn found(&self) -> bool {
        !matches!(self, Outcome::Nothing)
    }

    fn countries(&self) -> &[Country] {
        match self {
            Outcome::One(r) => std::slice::from_ref(&r.country),
            Outcome::Many(cs) => cs,
            Outcome::Dissolved(f) => f.successors,
            Outcome::Nothing => &[],
        }
    }

    /// What several readings found together: the one country they agree
    /// on, or all they name.
    fn merge(outcomes: Vec<Outcome>) -> Outcome {
        let mut found = outcomes.into_iter().filter(Outcome::found);
        let Some(first) = found.next() else {
            return Outcome::Nothing;
        };
        let mut countries: Vec<Country> = first.countries().to_vec();
        let mut agree = true;
        for o in found {
            agree &= matches!((&first, &o), (Outcome::One(a), Outcome::One(b)) if a.country == b.country)
                || matches!((&first, &o), (Outcome::Dissolved(a), Outcome::Dissolved(b)) if a == b);
            countries.extend_from_slice(o.countries());
        }
        if agree {
            return first;
        }
        countries.sort();
        countries.dedup();
        Outcome::Many(countries)
    }
}

/// How far a reading may go: a note is dropped only at the top, and a
/// wrong encoding repaired only once.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Depth {
    Top,
    Repaired,
    Part,
}

/// Reads a name: as written, with abbreviations expanded, turned round,
/// without its note, and decoded.
fn read(text: &str, depth: Depth) -> Outcome {
    let found = lookup(&name_key(text));
    if found.found() {
        return found;
    }
    let found = expanded(text);
    if found.found() {
        return found;
    }
    let splits = Parts::all(text);
    for parts in &splits {
        if let Some(turned) = &parts.turned {
            let found = lookup(&name_key(turned));
            if found.found() {
                return found.with(bit(Rewrite::Inversion));
            }
            let found = expanded(turned);
            if found.found() {
                return found.with(bit(Rewrite::Inversion));
            }
        }
    }
    if depth != Depth::Part {
        for parts in &splits {
            let found = with_note(read(parts.base, Depth::Part), parts.note, parts.words);
            if found.found() {
                return found.with(bit(Rewrite::Note));
            }
        }
    }
    if depth == Depth::Top {
        if let Some(decoded) = repair_mojibake(text) {
            return read(&decoded, Depth::Repaired).with(bit(Rewrite::Encoding));
        }
    }
    Outcome::Nothing
}

/// The name table's answer for a key: `Nothing` if it has not the key.
fn lookup(key: &str) -> Outcome {
    let Some((_, listed, what)) = NAMES
        .binary_search_by(|(k, _, _)| (*k).cmp(key))
        .ok()
        .and_then(|i| NAMES.get(i))
    else {
        return Outcome::Nothing;
    };
    let name = |country, reading| {
        Outcome::One(Resolution {
            country,
            reading,
            listed,
            rewrites: 0,
        })
    };
    match what {
        Listed::Name(c, list) => name(*c, Reading::Name(*list)),
        Listed::Acronym(c, expansion) => name(*c, Reading::Acronym { expansion }),
        Listed::Exonym(c, language) => name(*c, Reading::Exonym(*language)),
        Listed::Former(former) => match former.successors {
            [one] => name(*one, Reading::Former(former)),
            _ => Outcome::Dissolved(former),
        },
        Listed::Ambiguous(candidates) => Outcome::Many(candidates.to_vec()),
    }
}

/// The most spellings of one name that its words may be read as.
const MAX_SPELLINGS: usize = 64;

/// The name with its abbreviated words expanded and its other spellings
/// read, every way they may be: `Central African Rep.` as `Central
/// African Republic`, `Macau SAR` as `Macao SAR`.
fn expanded(text: &str) -> Outcome {
    let mut words: Vec<(String, Option<WordForms>)> = Vec::new();
    for_each_word(text, |w| words.push((w.to_string(), word_forms(w))));
    if words.iter().all(|(_, forms)| forms.is_none()) {
        return Outcome::Nothing;
    }
    let mut outcomes = Vec::new();
    // Each combination, counted in mixed radix: a word with forms is read
    // as one of them, or as written (the last digit).
    let mut choice = vec![0usize; words.len()];
    for _ in 0..MAX_SPELLINGS {
        let mut key = String::new();
        let mut rewrites = 0;
        for ((w, forms), &c) in words.iter().zip(&choice) {
            match forms.and_then(|(reads_as, r)| Some((reads_as.get(c)?, r))) {
                Some((form, r)) => {
                    key.push_str(form);
                    rewrites |= bit(r);
                }
                None => push_key_word(&mut key, w),
            }
        }
        if rewrites != 0 {
            outcomes.push(lookup(&key).with(rewrites));
        }
        let mut carried = true;
        for ((_, forms), c) in words.iter().zip(choice.iter_mut()) {
            let digits = forms.map_or(1, |(reads_as, _)| reads_as.len() + 1);
            if *c + 1 < digits {
                *c += 1;
                carried = false;
                break;
            }
            *c = 0;
        }
        if carried {
            break;
        }
    }
    Outcome::merge(outcomes)
}

/// A name with a note: `Guam (US)`, `Korea, Republic of`, `China: Hong Kong
/// SAR`, `US Virgin Islands`.
struct Parts<'a> {
    base: &'a str,
    note: &'a str,
    /// The name turned round, where that is another way to write it:
    /// `Republic of Korea`, `Hong Kong SAR China`.
    turned: Option<String>,
    /// Whether the note may be words of a name rather than a country: not
    /// for a first word, unless abbreviated (`New Guinea` is no Guinea that
    /// is new; `Dem. Congo` is the Democratic Republic).
    words: bool,
}

impl<'a> Parts<'a> {
    /// The ways to read a note in a name, in this order: in brackets at
    /// the end, after a comma, before a colon or a dash; or, for a name
    /// with none of these, its first word.
    fn all(text: &'a str) -> Vec<Parts<'a>> {
        let text = text.trim();
        let turned = |first: &str, second: &str| Some(format!("{second} {first}"));
        let mut out = Vec::new();
        for (open, close) in [('(', ')'), ('[', ']')] {
            if let Some((base, note)) = text.strip_suffix(close).and_then(|inner| inner.rsplit_once(open)) {
                let (base, note) = (base.trim(), note.trim());
                out.push(Parts {
                    base,
                    note,
                    turned: turned(base, note),
                    words: true,
                });
            }
        }
        if let Some((head, tail)) = text.split_once(',') {
            let (base, note) = (head.trim(), tail.trim());
            out.push(Parts {
                base,
                note,
                turned: turned(base, note),
                words: true,
            });
        }
        for sep in [":", " - ", " – "] {
            if let Some((head, tail)) = text.split_once(sep) {
                let (note, base) = (head.trim(), tail.trim());
                out.push(Parts {
                    base,
                    note,
                    turned: turned(note, base),
                    words: true,
                });
            }
        }
        if out.is_empty() {
            if let Some((first, rest)) = text.split_once(char::is_whitespace) {
                // An abbreviated qualifier may be words of a name
                // (`Dem. Congo`); another first word only a country.
                let mut abbreviated = false;
                for_each_word(first, |w| abbreviated = word_forms(w).is_some());
                out.push(Parts {
                    base: rest.trim(),
                    note: first,
                    turned: None,
                    words: abbreviated,
                });
            }
        }
        out.retain(|p| !name_key(p.base).is_empty() && !name_key(p.note).is_empty());
        out
    }
}

/// Keeps what the base names if the note fits it; narrows an ambiguous
/// base to the one candidate the note fits. A note that names a country
/// fits that country and its territories; a note that names none fits a
/// country one of whose names has all its words (unless `words` is false).
/// A note that fits nothing
/// keeps nothing: `Saint Martin (Dutch)` is not read as the French part,
/// `Ireland (United Kingdom)` is not read at all.
fn with_note(base: Outcome, note: &str, words: bool) -> Outcome {
    let noted = note_country(note);
    let fits = |c: Country| match noted {
        Some(n) => c == n || sovereign(c) == Some(n),
        None => words && note_in_a_name(note, c),
    };
    match base {
        Outcome::One(r) if fits(r.country) => Outcome::One(r),
        Outcome::Many(candidates) => {
            let mut fitting = candidates.iter().copied().filter(|c| fits(*c));
            match (fitting.next(), fitting.next()) {
                (Some(c), None) => Outcome::One(Resolution {
                    country: c,
                    reading: Reading::Narrowed,
                    listed: c.name(),
                    rewrites: 0,
                }),
                _ => Outcome::Many(candidates),
            }
        }
        _ => Outcome::Nothing,
    }
}

/// The one country a note names, by code or name: `US`, `Denmark`.
fn note_country(note: &str) -> Option<Country> {
    if let Some(code) = read_code(note) {
        return code.map(|r| r.country);
    }
    match read(note, Depth::Part) {
        Outcome::One(r) => Some(r.country),
        _ => None,
    }
}

/// Whether every word of a note that names no country (abbreviations
/// expanded) is a word of one English name of the country: `French` of
/// `Saint Martin (French part)`, `Dem. Rep.` of `Korea, Democratic
/// People's Republic of`.
fn note_in_a_name(note: &str, country: Country) -> bool {
    let mut words: Vec<Vec<String>> = Vec::new();
    for_each_word(note, |w| {
        let mut key = String::new();
        push_key_word(&mut key, w);
        if key.is_empty() {
            return;
        }
        let forms = word_forms(w).map_or(&[][..], |(reads_as, _)| reads_as);
        let mut alternatives: Vec<String> = forms.iter().map(|e| e.to_string()).collect();
        alternatives.push(key);
        words.push(alternatives);
    });
    if words.is_empty() {
        return false;
    }
    NAMES.iter().any(|(_, name, listed)| {
        let of_country = matches!(listed, Listed::Name(c, _) if *c == country);
        of_country && {
            let mut name_words = Vec::new();
            for_each_word(name, |w| {
                let mut key = String::new();
                push_key_word(&mut key, w);
                name_words.push(key);
            });
            words.iter().all(|alts| alts.iter().any(|a| name_words.contains(a)))
        }
    })
}

/// What a word may be read as (as keys), and the rewriting that is.
type WordForms = (&'static [&'static str], Rewrite);

/// What an abbreviated or variant-spelled word may be read as; `None` for
/// any other word.
fn word_forms(word: &str) -> Option<WordForms> {
    WORDS
        .binary_search_by(|(w, _, _)| (*w).cmp(word))
        .ok()
        .and_then(|i| WORDS.get(i))
        .map(|(_, reads_as, r)| (*reads_as, *r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_sorted_and_names_are_sorted() {
        assert!(WORDS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(NAMES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn every_combination_of_expansions_is_tried() {
        // "fed" has three expansions and "sts" one: eight spellings with
        // the words as written, one of them a name.
        let Outcome::One(r) = expanded("Russian Fed.") else {
            panic!("not read")
        };
        assert_eq!(r.country, Country::RU);
        let Outcome::One(r) = expanded("Micronesia, Fed. Sts.") else {
            panic!("not read")
        };
        assert_eq!(r.country, Country::FM);
        assert!(matches!(expanded("Guatemala"), Outcome::Nothing));
    }

    #[test]
    fn merging_keeps_agreement_and_lists_disagreement() {
        let one = |c| {
            Outcome::One(Resolution {
                country: c,
                reading: Reading::Alpha2,
                listed: "",
                rewrites: 0,
            })
        };
        assert!(matches!(
            Outcome::merge(vec![Outcome::Nothing, one(Country::GT), one(Country::GT)]),
            Outcome::One(r) if r.country == Country::GT
        ));
        assert!(matches!(
            Outcome::merge(vec![one(Country::KR), one(Country::KP)]),
            Outcome::Many(cs) if cs == [Country::KP, Country::KR]
        ));
        assert!(matches!(Outcome::merge(vec![Outcome::Nothing]), Outcome::Nothing));
    }

    #[test]
    fn parts_split_notes_and_catalogue_forms() {
        let split = |t| {
            Parts::all(t)
                .into_iter()
                .map(|p| (p.base, p.note, p.turned))
                .collect::<Vec<_>>()
        };
        let s = |x: &str| Some(x.to_string());
        assert_eq!(split("Guam (US)"), [("Guam", "US", s("US Guam"))]);
        assert_eq!(
            split("Korea, Dem. Rep."),
            [("Korea", "Dem. Rep.", s("Dem. Rep. Korea"))]
        );
        assert_eq!(
            split("China: Hong Kong SAR"),
            [("Hong Kong SAR", "China", s("Hong Kong SAR China"))]
        );
        assert_eq!(
            split("China - Macau (SAR)"),
            [
                ("China - Macau", "SAR", s("SAR China - Macau")),
                ("Macau (SAR)", "China", s("Macau (SAR) China"))
            ]
        );
        assert_eq!(split("U.K. Virgin Islands"), [("Virgin Islands", "U.K.", None)]);
        assert!(split("Guatemala").is_empty());
        assert!(split("(the)").is_empty());
        assert!(split(", x").is_empty());
    }

    #[test]
    fn every_name_of_the_table_reads_as_what_it_names() {
        for (key, listed, what) in &NAMES {
            assert_eq!(name_key(listed), *key, "{listed}");
            let got = Country::resolve(listed);
            match what {
                Listed::Name(c, _) | Listed::Acronym(c, _) | Listed::Exonym(c, _) => {
                    assert_eq!(got.map(|r| r.country()), Ok(*c), "{listed}")
                }
                Listed::Former(f) => match got {
                    Ok(r) => assert_eq!((f.successors, r.former()), (&[r.country()][..], Some(f)), "{listed}"),
                    Err(e) => assert_eq!(e.kind(), &ParseCountryErrorKind::Dissolved { former: f }, "{listed}"),
                },
                Listed::Ambiguous(cs) => assert_eq!(got.map_err(|e| e.candidates().to_vec()), Err(cs.to_vec())),
            }
        }
    }

    #[test]
    fn the_name_table_holds_every_name_of_the_country_table() {
        let aliases = include_str!("../../data/country-aliases.csv");
        let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(aliases.as_bytes())
            .records()
            .map(|r| r.unwrap())
            .collect();
        let mut names: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
        for c in Country::iter() {
            names.extend([c.name(), c.common_name()]);
            names.extend(c.official_name());
        }
        assert!(names.len() > 600);
        for n in names {
            assert!(lookup(&name_key(n)).found(), "`{n}` is not in the name table");
        }
    }
}
