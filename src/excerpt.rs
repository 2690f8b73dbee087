//! Bounded quotations of user input for error messages.

use std::fmt;

/// The longest stretch of input, in characters, that an error quotes.
const MAX_CHARS: usize = 60;

/// A piece of user input quoted in an error message.
///
/// Errors name the text that caused them, but a scraped page can put a
/// megabyte into one field; an `Excerpt` keeps the first 60 characters and
/// marks the cut with `…`, so that messages stay readable and bounded.
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
        match input.char_indices().nth(MAX_CHARS) {
            Some((cut, _)) => {
                let mut s = String::with_capacity(cut + 3);
                s.push_str(input.get(..cut).unwrap_or(input));
                s.push('…');
                Excerpt(s)
            }
            None => Excerpt(input.to_string()),
        }
    }

    /// The quoted text, `…` included when it was cut.
    pub fn as_str(&self) -> &str {
        &self.0
    }
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
}
