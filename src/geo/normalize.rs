//! Folding of country names for lookup.
//!
//! This file is also compiled into the `money` test binary
//! (`tests/money.rs`), whose `generated_tables` and `country_name_tables`
//! build the name tables from `data/`; it must stay free of `crate::` imports so that both sides fold
//! names with the very same code.

/// Folds a country name to its lookup key: lowercase ASCII letters and
/// digits only, Latin diacritics removed, a leading "the" and a trailing
/// ", The" dropped, a leading "St" or "St." read as "saint", and "&" read
/// as "and".
///
/// "Côte d'Ivoire", "cote d ivoire" and "COTE D'IVOIRE" all fold to
/// `cotedivoire`; "The Gambia", "Gambia, The" and "Gambia" all fold to
/// `gambia`; "St. Lucia" and "Saint Lucia" both fold to `saintlucia`.
pub(crate) fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let name = strip_trailing_article(name);
    let mut words = name.split_whitespace().peekable();
    if let Some(first) = words.peek() {
        if first.eq_ignore_ascii_case("the") {
            words.next();
        }
    }
    if let Some(first) = words.peek() {
        if first.eq_ignore_ascii_case("st") || first.eq_ignore_ascii_case("st.") {
            words.next();
            out.push_str("saint");
        }
    }
    for word in words {
        for ch in word.chars() {
            match fold_char(ch) {
                Some(base) => out.push_str(base),
                None if ch.is_ascii_alphanumeric() => out.push(ch.to_ascii_lowercase()),
                None => {}
            }
        }
    }
    out
}

/// The name without a trailing ", The" (as in "Gambia, The", the way
/// lists sorted by name write the article); any other name as it is.
fn strip_trailing_article(name: &str) -> &str {
    let trimmed = name.trim_end();
    let Some(head) = trimmed.len().checked_sub(3).and_then(|i| trimmed.get(..i)) else {
        return name;
    };
    let is_the = trimmed.get(head.len()..).is_some_and(|t| t.eq_ignore_ascii_case("the"));
    match head.trim_end().strip_suffix(',') {
        Some(rest) if is_the && !rest.trim().is_empty() => rest,
        _ => name,
    }
}

/// Maps `&` to "and" and a Latin letter with a diacritic to its lowercase
/// ASCII base letter(s); `None` for any other character.
fn fold_char(ch: char) -> Option<&'static str> {
    Some(match ch {
        '&' => "and",
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => "i",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => "s",
        'ß' => "ss",
        'ţ' | 'ț' | 'ť' | 'Ţ' | 'Ț' | 'Ť' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        'ð' | 'Ð' | 'đ' | 'Đ' => "d",
        'þ' | 'Þ' => "th",
        'ł' | 'Ł' => "l",
        'ğ' | 'Ğ' => "g",
        'ř' | 'Ř' => "r",
        _ => return None,
    })
}

/// Words that a name key leaves out: the English article and joiners, so
/// that ISO's list form "Korea (the Republic of)", the catalogue form
/// "Korea, Republic of" and "Bosnia & Herzegovina" meet "Republic of Korea"
/// and "Bosnia and Herzegovina" halfway.
const SKIPPED_WORDS: [&str; 3] = ["the", "of", "and"];

/// Calls `f` with each word of `name`, folded: lowercase, Latin diacritics
/// removed (see [`fold_name`]), letters of other scripts kept in lowercase;
/// words end at whitespace and punctuation, but full stops and apostrophes
/// are dropped inside a word, so "U.S." is the word `us`, "People's" is
/// `peoples` and "Rep." is `rep`.
pub(crate) fn for_each_word(name: &str, mut f: impl FnMut(&str)) {
    let mut word = String::with_capacity(32);
    for ch in name.chars() {
        if ch.is_ascii_alphanumeric() {
            word.push(ch.to_ascii_lowercase());
            continue;
        }
        if is_elided(ch) {
            continue;
        }
        if let Some(base) = fold_char(ch) {
            word.push_str(base);
        } else if ch.is_alphanumeric() {
            word.extend(ch.to_lowercase());
        } else if !word.is_empty() {
            f(&word);
            word.clear();
        }
    }
    if !word.is_empty() {
        f(&word);
    }
}

/// Full stops, apostrophes and the marks that stand in for them.
fn is_elided(ch: char) -> bool {
    matches!(ch, '.' | '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´')
}

/// Appends one folded word to a name key: the skipped words are left out,
/// and "St" and the Dutch "Sint" are read as "Saint" (`Sint Maarten`, `St.
/// Maarten`; `Saint Eustatius` for ISO's `Sint Eustatius`).
pub(crate) fn push_key_word(key: &mut String, word: &str) {
    if SKIPPED_WORDS.contains(&word) {
        return;
    }
    key.push_str(if word == "st" || word == "sint" { "saint" } else { word });
}

/// The lookup key of a country name: its words (see [`for_each_word`])
/// joined, without "the", "of" and "and", with "St" and "Sint" read as
/// "Saint".
///
/// "Korea (the Republic of)", "Korea, Republic of" and "KOREA, REPUBLIC
/// OF" all give `korearepublic`; "Côte d’Ivoire" gives `cotedivoire`;
/// "中国" stays `中国`.
pub(crate) fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for_each_word(name, |w| push_key_word(&mut key, w));
    key
}

/// Text that was UTF-8, read as Windows-1252 or Latin-1 and written out
/// again as UTF-8 ("CÃ´te d'Ivoire"), decoded back ("Côte d'Ivoire"), up
/// to twice; `None` when the text does not decode so, which is the case
/// for any text whose non-ASCII characters are not all such debris.
pub(crate) fn repair_mojibake(text: &str) -> Option<String> {
    let mut current = text.to_owned();
    let mut repaired = false;
    for _ in 0..2 {
        let Some(bytes) = single_byte_encoding(&current) else {
            break;
        };
        match String::from_utf8(bytes) {
            Ok(decoded) if decoded != current => {
                current = decoded;
                repaired = true;
            }
            _ => break,
        }
    }
    repaired.then_some(current)
}

/// The bytes that `text` would have been in Windows-1252 (Latin-1 for
/// the bytes 0x80 to 0x9F that Windows-1252 leaves unassigned), or `None`
/// if a character is in neither.
fn single_byte_encoding(text: &str) -> Option<Vec<u8>> {
    text.chars()
        .map(|ch| match u8::try_from(u32::from(ch)) {
            Ok(b) => Some(b),
            Err(_) => windows_1252_byte(ch),
        })
        .collect()
}

/// The Windows-1252 byte of a character outside Latin-1.
fn windows_1252_byte(ch: char) -> Option<u8> {
    Some(match ch {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::fold_name;

    #[test]
    fn folds_case_diacritics_punctuation_and_article() {
        assert_eq!(fold_name("Côte d'Ivoire"), "cotedivoire");
        assert_eq!(fold_name("COTE D’IVOIRE"), "cotedivoire");
        assert_eq!(fold_name("The Gambia"), "gambia");
        assert_eq!(fold_name("  the   Bahamas "), "bahamas");
        assert_eq!(fold_name("Korea, Republic of"), "korearepublicof");
        assert_eq!(fold_name("Bosnia & Herzegovina"), "bosniaandherzegovina");
        assert_eq!(fold_name("Åland Islands"), "alandislands");
        assert_eq!(fold_name("Türkiye"), "turkiye");
        assert_eq!(fold_name("Theland"), "theland");
        assert_eq!(fold_name(""), "");
    }

    #[test]
    fn reads_st_as_saint_and_drops_a_trailing_the() {
        assert_eq!(fold_name("St Helena"), "sainthelena");
        assert_eq!(fold_name("st. Lucia"), "saintlucia");
        assert_eq!(fold_name("ST. KITTS AND NEVIS"), "saintkittsandnevis");
        assert_eq!(fold_name("Stone Island"), "stoneisland");
        assert_eq!(fold_name("Gambia, The"), "gambia");
        assert_eq!(fold_name("Bahamas,the "), "bahamas");
        assert_eq!(fold_name("Bahamas, THE"), "bahamas");
        assert_eq!(fold_name("Bathe"), "bathe");
        assert_eq!(fold_name("Gambia the"), "gambiathe");
        assert_eq!(fold_name(", The"), "the");
    }

    use super::{name_key, repair_mojibake};

    #[test]
    fn name_keys_meet_across_list_forms() {
        for (a, b) in [
            ("Korea (the Republic of)", "Korea, Republic of"),
            ("KOREA (THE REPUBLIC OF)", "korea republic"),
            ("Bahamas (the)", "The Bahamas"),
            ("Bahamas, The", "bahamas"),
            ("Bosnia & Herzegovina", "Bosnia and Herzegovina"),
            ("Bosnia Herzegovina", "Bosnia-Herzegovina"),
            ("Côte d’Ivoire", "COTE D'IVOIRE"),
            ("St. Lucia", "Saint Lucia"),
            ("Lao People's Democratic Republic", "Lao People s Democratic Republic"),
            ("Co\u{302}te d'Ivoire", "Cote d'Ivoire"),
        ] {
            assert_eq!(name_key(a), name_key(b), "{a} / {b}");
        }
        assert_eq!(name_key("Korea (the Republic of)"), "korearepublic");
        assert_eq!(name_key("U.S. Virgin Islands"), "usvirginislands");
        assert_eq!(name_key("Isle of Man"), "isleman");
        assert_eq!(name_key("中国"), "中国");
        assert_eq!(name_key("Мексика"), "мексика");
        assert_eq!(name_key("Stone Island"), "stoneisland");
        assert_eq!(name_key("Sint Maarten"), name_key("St. Maarten"));
        assert_eq!(name_key("Sint Eustatius"), "sainteustatius");
        assert_eq!(name_key(""), "");
        assert_eq!(name_key("the of and"), "");
        assert_ne!(name_key("Korea"), name_key("Korea, Republic of"));
    }

    #[test]
    fn mojibake_is_decoded_and_honest_text_left_alone() {
        assert_eq!(repair_mojibake("CÃ´te d'Ivoire").as_deref(), Some("Côte d'Ivoire"));
        assert_eq!(repair_mojibake("RÃ©union").as_deref(), Some("Réunion"));
        assert_eq!(repair_mojibake("CuraÃ§ao").as_deref(), Some("Curaçao"));
        assert_eq!(repair_mojibake("Cote dâ€™Ivoire").as_deref(), Some("Cote d’Ivoire"));
        // Encoded twice.
        assert_eq!(repair_mojibake("RÃƒÂ©union").as_deref(), Some("Réunion"));
        for honest in [
            "Côte d'Ivoire",
            "Åland Islands",
            "São Tomé",
            "Türkiye",
            "中国",
            "Mexico",
            "",
        ] {
            assert_eq!(repair_mojibake(honest), None, "{honest}");
        }
    }
}
