//! Bounded quotations of user input for error messages.

use std::fmt;

/// The longest stretch of input, in characters, that an error quotes.
const MAX_CHARS: usize = 60;

/// A piece of user input quoted in an error message.
///
/// Errors name the text that caused them, but a scraped page can put a
/// megabyte into one field; an `Excerpt` keeps the first 60 characters and
/// marks the cut with `…`, so that messages stay readable and bounded.
/// Characters that would not show (control characters, a byte-order mark,
/// zero-width spaces) are written as escapes: `\u{feff}GT`.
///
/// ```
/// use statecraft::Excerpt;
///
/// assert_eq!(Excerpt::new("Atlantis").to_string(), "Atlantis");
/// let long = "x".repeat(100);
/// assert_eq!(Excerpt::new(&long).to_string().chars().count(), 61);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Excerpt(String);

impl Excerpt {
    /// Quotes `input`, cut to its first 60 characters.
    pub fn new(input: &str) -> Excerpt {
        let mut s = String::with_capacity(input.len().min(4 * MAX_CHARS) + 3);
        let mut chars = input.chars();
        for ch in chars.by_ref().take(MAX_CHARS) {
            if is_invisible(ch) {
                s.extend(ch.escape_default());
            } else {
                s.push(ch);
            }
        }
        if chars.next().is_some() {
            s.push('…');
        }
        Excerpt(s)
    }

    /// The quoted text, `…` included when it was cut.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether a character would not show in a message: control characters,
/// the byte-order mark, zero-width and directional marks, line and
/// paragraph separators, the soft hyphen.
fn is_invisible(ch: char) -> bool {
    ch.is_control()
        || matches!(ch, '\u{feff}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{ad}')
}

impl fmt::Display for Excerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Excerpt {
    fn from(s: &str) -> Excerpt {
        Excerpt::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_short_input_and_cuts_long_input_on_a_char_boundary() {
        assert_eq!(Excerpt::new("").as_str(), "");
        assert_eq!(Excerpt::new("£219m").as_str(), "£219m");
        let long: String = "€".repeat(61);
        let e = Excerpt::new(&long);
        assert_eq!(e.as_str(), format!("{}…", "€".repeat(60)));
        let exact: String = "a".repeat(60);
        assert_eq!(Excerpt::new(&exact).as_str(), exact);
    }

    #[test]
    fn escapes_what_would_not_show() {
        assert_eq!(Excerpt::new("\u{feff}GT").as_str(), "\\u{feff}GT");
        assert_eq!(Excerpt::new("a\tb\nc\u{0}").as_str(), "a\\tb\\nc\\u{0}");
        assert_eq!(Excerpt::new("zero\u{200b}width").as_str(), "zero\\u{200b}width");
        assert_eq!(Excerpt::new("Côte d’Ivoire £ €").as_str(), "Côte d’Ivoire £ €");
    }
}
