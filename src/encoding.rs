//! The byte-order marks that start text files, shared by every loader.

/// The UTF-8 byte-order mark some spreadsheets and editors write first;
/// every loader skips it.
pub(crate) const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// `bytes` without a leading UTF-8 byte-order mark.
pub(crate) fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes)
}

/// Whether `bytes` start with a UTF-16 byte-order mark (`FF FE` or
/// `FE FF`): text saved as UTF-16, which every loader refuses by name
/// rather than as a garbled header.
pub(crate) fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks() {
        assert_eq!(strip_bom(b"\xEF\xBB\xBFDate"), b"Date");
        assert_eq!(strip_bom(b"Date"), b"Date");
        assert!(!is_utf16(b"Date"));
        assert!(is_utf16(b"\xFF\xFED\x00"));
        assert!(is_utf16(b"\xFE\xFF\x00D"));
        assert!(!is_utf16(b""));
    }
}
