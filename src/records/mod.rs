//! Funding records in flat files: the CSV form of CRS- and IATI-shaped
//! transaction rows (`id,date,donor,recipient,stage,amount,currency`),
//! read and written streaming, and aggregated in parallel.
//!
//! - [`FundingRecord`]: one row, a [`Flow`](crate::Flow) the
//!   [`Aggregator`](crate::Aggregator) sums.
//! - [`Reader`]: records from any `io::Read`, one at a time, each error
//!   naming its line, column and text.
//! - [`Writer`]: records into any `io::Write`, in the form `Reader` reads.
//! - [`FundingFile`]: a file aggregated by several threads, each streaming
//!   its own part, in bounded memory.
//!
//! ```
//! use statecraft::records::{Reader, HEADER};
//!
//! let csv = format!("{HEADER}\n1,2021-04-26,US,GT,pledged,310000000,USD\n");
//! let records = Reader::new(csv.as_bytes()).collect::<Result<Vec<_>, _>>()?;
//! assert_eq!(records.len(), 1);
//! assert_eq!(records[0].id().as_str(), "1");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;
mod feed;
mod file;
mod input;
mod parse;
mod reader;
mod record;
mod writer;

pub use error::{RecordError, RecordErrorKind, HEADER};
pub use file::FundingFile;
pub use reader::Reader;
pub use record::{FundingRecord, ParseRecordIdError, RecordId};
pub use writer::Writer;
