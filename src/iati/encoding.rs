//! The character encodings an IATI file may declare, and the decoding of
//! the single-byte ones into UTF-8 (the only encoding quick-xml reads).
//!
//! IATI files are UTF-8 nearly always; a few publishers declare
//! ISO-8859-1 or windows-1252. Both are one byte per character: a table of
//! 32 entries (windows-1252's 0x80–0x9F; the rest is Latin-1, where a byte
//! is its code point) decodes them, so no encoding library is needed.

/// An encoding this reader decodes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// UTF-8, the default of XML.
    Utf8,
    /// US-ASCII: UTF-8 with no byte above 0x7F.
    Ascii,
    /// ISO-8859-1 (Latin-1): each byte is the code point U+0000–U+00FF.
    Latin1,
    /// windows-1252: Latin-1 except 0x80–0x9F, where five bytes are
    /// undefined.
    Windows1252,
}

/// What a declared encoding name means to this reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Label {
    /// One it decodes.
    Known(Encoding),
    /// One it recognises and does not read (UTF-16, UTF-32, EBCDIC, ...).
    Unsupported,
}

impl Encoding {
    /// The encoding of a declaration's `encoding="..."` (IANA names and
    /// their registered aliases, any case); `None` for a name it does not
    /// know.
    pub(crate) fn from_label(label: &str) -> Label {
        let l = label.to_ascii_lowercase();
        match l.as_str() {
            "utf-8" | "utf8" | "csutf8" => Label::Known(Encoding::Utf8),
            "us-ascii" | "ascii" | "ansi_x3.4-1968" | "iso646-us" | "us" | "iso-ir-6" | "csascii" => {
                Label::Known(Encoding::Ascii)
            }
            "iso-8859-1" | "iso_8859-1" | "iso_8859-1:1987" | "iso8859-1" | "latin1" | "l1" | "iso-ir-100"
            | "ibm819" | "cp819" | "csisolatin1" => Label::Known(Encoding::Latin1),
            "windows-1252" | "cp1252" | "x-cp1252" | "cswindows1252" => Label::Known(Encoding::Windows1252),
            _ => Label::Unsupported,
        }
    }

    /// Whether bytes must be decoded before quick-xml reads them.
    pub(crate) fn is_single_byte(self) -> bool {
        matches!(self, Encoding::Latin1 | Encoding::Windows1252)
    }

    /// The name used in messages.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Ascii => "US-ASCII",
            Encoding::Latin1 => "ISO-8859-1",
            Encoding::Windows1252 => "windows-1252",
        }
    }

    /// Appends `src`, decoded, to `out` as UTF-8 (single-byte encodings
    /// only; other encodings are copied). On a byte the encoding does not
    /// define, appends what came before it and returns its index.
    pub(crate) fn decode_into(self, src: &[u8], out: &mut Vec<u8>) -> Result<(), usize> {
        let mut rest = src;
        let mut done = 0;
        while let Some(i) = rest.iter().position(|&b| b >= 0x80) {
            let (ascii, tail) = rest.split_at(i);
            out.extend_from_slice(ascii);
            let Some((&b, tail)) = tail.split_first() else { break };
            let ch = match self {
                Encoding::Windows1252 if (0x80..0xA0).contains(&b) => {
                    WINDOWS_1252_80_9F.get(usize::from(b - 0x80)).copied().flatten()
                }
                Encoding::Latin1 | Encoding::Windows1252 => Some(char::from(b)),
                Encoding::Utf8 | Encoding::Ascii => None,
            };
            let Some(ch) = ch else {
                return Err(done + i);
            };
            let mut utf8 = [0; 4];
            out.extend_from_slice(ch.encode_utf8(&mut utf8).as_bytes());
            done += i + 1;
            rest = tail;
        }
        out.extend_from_slice(rest);
        Ok(())
    }
}

/// windows-1252 bytes 0x80–0x9F (Unicode's cp1252.TXT; the five
/// undefined bytes are `None`, as libxml2 and Python's codec have them).
const WINDOWS_1252_80_9F: [Option<char>; 32] = [
    Some('\u{20AC}'),
    None,
    Some('\u{201A}'),
    Some('\u{0192}'),
    Some('\u{201E}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02C6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017D}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201C}'),
    Some('\u{201D}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02DC}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203A}'),
    Some('\u{0153}'),
    None,
    Some('\u{017E}'),
    Some('\u{0178}'),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(e: Encoding, b: &[u8]) -> Result<String, usize> {
        let mut out = Vec::new();
        e.decode_into(b, &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn labels() {
        assert_eq!(Encoding::from_label("UTF-8"), Label::Known(Encoding::Utf8));
        assert_eq!(Encoding::from_label("iso-8859-1"), Label::Known(Encoding::Latin1));
        assert_eq!(
            Encoding::from_label("Windows-1252"),
            Label::Known(Encoding::Windows1252)
        );
        assert_eq!(Encoding::from_label("CP1252"), Label::Known(Encoding::Windows1252));
        assert_eq!(Encoding::from_label("US-ASCII"), Label::Known(Encoding::Ascii));
        assert_eq!(Encoding::from_label("UTF-16"), Label::Unsupported);
        assert_eq!(Encoding::from_label("Shift_JIS"), Label::Unsupported);
    }

    #[test]
    fn single_byte_decoding() {
        // Every byte decodes as Python's codecs do (checked with
        // bytes(range(256)).decode('latin-1') and 'cp1252').
        let all: Vec<u8> = (0..=255).collect();
        let latin1 = decode(Encoding::Latin1, &all).unwrap();
        assert_eq!(latin1.chars().count(), 256);
        assert!(latin1.chars().zip(0u32..).all(|(c, i)| c as u32 == i));
        assert_eq!(
            decode(Encoding::Windows1252, b"Cr\xe9dit \x80 \x93x\x94 \x9f"),
            Ok("Crédit € “x” Ÿ".into())
        );
        assert_eq!(decode(Encoding::Latin1, b"\x80\xe9"), Ok("\u{80}é".into()));
        for undefined in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            assert_eq!(decode(Encoding::Windows1252, &[b'a', b'b', undefined, b'c']), Err(2));
        }
        let defined = (0x80u8..=0xFF)
            .filter(|b| ![0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(b))
            .count();
        assert_eq!(defined, 123);
        let mut out = b"kept".to_vec();
        assert_eq!(Encoding::Windows1252.decode_into(b"a\x81", &mut out), Err(1));
        assert_eq!(out, b"kepta");
    }
}
