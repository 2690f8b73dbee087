//! `IoError`: an `io::Error` kept whole inside errors that stay `Clone`.

use std::fmt;
use std::io;
use std::sync::Arc;

/// The `io::Error` a reader or writer returned, kept whole (its kind, its
/// message and its own source) inside the crate's errors, which stay
/// `Clone` and comparable: it is shared, not copied.
///
/// Two `IoError`s are equal when their kinds and messages are.
///
/// ```
/// use std::io;
/// use statecraft::records::{RecordErrorKind, Writer};
///
/// struct Full;
/// impl io::Write for Full {
///     fn write(&mut self, _: &[u8]) -> io::Result<usize> {
///         Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
///     }
///     fn flush(&mut self) -> io::Result<()> {
///         Ok(())
///     }
/// }
///
/// let e = Writer::new(Full).into_inner().err().unwrap();
/// let RecordErrorKind::Io { source, .. } = e.kind() else { panic!("{e}") };
/// assert_eq!(source.kind(), io::ErrorKind::StorageFull);
/// assert_eq!(e.to_string(), "line 1: cannot write: disk full");
/// ```
#[derive(Clone, Debug)]
pub struct IoError(Arc<io::Error>);

impl IoError {
    /// The `io::Error` itself.
    pub fn get_ref(&self) -> &io::Error {
        &self.0
    }

    /// Its kind.
    pub fn kind(&self) -> io::ErrorKind {
        self.0.kind()
    }
}

impl From<io::Error> for IoError {
    fn from(e: io::Error) -> IoError {
        IoError(Arc::new(e))
    }
}

impl AsRef<io::Error> for IoError {
    fn as_ref(&self) -> &io::Error {
        &self.0
    }
}

impl PartialEq for IoError {
    fn eq(&self, other: &IoError) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.kind() == other.kind() && self.0.to_string() == other.0.to_string()
    }
}

impl Eq for IoError {}

impl fmt::Display for IoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for IoError {
    /// The `io::Error`'s own source: an `IoError` is the `io::Error`, shared.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn shares_the_error_and_compares_what_it_says() {
        let e = IoError::from(io::Error::new(io::ErrorKind::NotFound, "no such file"));
        let copy = e.clone();
        assert!(std::ptr::eq(e.get_ref(), copy.get_ref()));
        assert_eq!(
            e,
            IoError::from(io::Error::new(io::ErrorKind::NotFound, "no such file"))
        );
        assert_ne!(e, IoError::from(io::Error::other("no such file")));
        assert_eq!(e.to_string(), "no such file");
        assert!(e.source().is_none());
    }

    #[test]
    fn is_send_sync_static() {
        crate::testing::assert_error::<IoError>();
    }
}
