//! IATI activity files in: the transactions of the International Aid
//! Transparency Initiative's XML standard (versions 1.0x and 2.0x),
//! streamed in bounded memory, on every core.
//!
//! Every major donor, UN agency and development bank publishes its aid
//! activities in IATI's XML. This module reads them as
//! `iati_reference.py` (the project's exact reference) does, one [`TransactionOutcome`]
//! per `<transaction>`:
//!
//! - [`Reader`]: one file (or any `io::Read`), streamed: an iterator of
//!   entries, with [`Counts`] of what became of them.
//! - [`FileSet`]: files and whole directories, read on every core, each
//!   file's entries folded into a value of yours.
//! - [`Transaction`]: a transaction to sum, with its [`Activity`]: type,
//!   amount, currency, date, donor, recipients.
//! - [`FileSet::aggregate_into`]: the transactions of files and
//!   directories summed by an [`Aggregator`](crate::Aggregator), exactly as
//!   `iati_reference.py` sums them, with a [`Summary`] of every
//!   transaction and the files that could not be read.
//!
//! # What is read
//!
//! Of each `<iati-activity>` (in no XML namespace, anywhere under a root
//! `<iati-activities>`, as a bare root, or in a datastore `<result>`):
//! `@default-currency`, the first `iati-identifier`'s text, the first
//! `reporting-org/@ref`, every `recipient-country` (`@code`,
//! `@percentage`) and `recipient-region` (`@code`, `@vocabulary`,
//! `@percentage`), and its `transaction` children. Elements may come in
//! any order: an activity is read whole before its transactions are
//! given out. Of each transaction, the first of each of its children:
//!
//! | what | from | as |
//! | --- | --- | --- |
//! | type | `transaction-type/@code` | a [`TypeCode`]: 2.0x codes 1–13, the 1.0x letters `IF C D E IR LR R QP QS CG` (any case) as 1–10 in any file; a code written as element text is not read (the transaction is skipped) |
//! | currency | `value/@currency`, else the activity's `@default-currency` | a [`CurrencyCode`], upper-cased |
//! | amount | `value`'s text | an exact [`Decimal`](crate::Decimal) (xsd:decimal: `5`, `-5.`, `+.5`; no exponent or grouping) |
//! | date | `value/@value-date`, else `transaction-date/@iso-date` | a `NaiveDate` (xsd:date, time zone ignored); a value date that is present but unreadable is not replaced |
//! | donor | `provider-org/@ref`, else the activity's `reporting-org/@ref` | an [`OrgRef`], unresolved |
//! | recipients | the first `recipient-country/@code`, else `recipient-region`, else the activity's split | [`Recipients`] of [`RecipientCode`]s |
//!
//! Attribute values and the amount are stripped of XML whitespace; an
//! attribute empty after that counts as absent (the World Bank's
//! `currency=""` falls back to the default currency).
//!
//! Then, in this order: a transaction whose type the [`TypeFilter`] does
//! not select (by default 3 and 4, disbursements and expenditure) is
//! [`TransactionOutcome::Skipped`]; one with no currency, an unreadable amount or an
//! unreadable date is [`TransactionOutcome::Rejected`] with its [`Reason`]; the others
//! are [`TransactionOutcome::Transaction`]. `read = transactions + skipped + rejected`,
//! always. Whether a rate exists for a transaction is the aggregator's
//! question, not the reader's: [`FileSet::aggregate_into`] sums the
//! transactions in one currency, by recipient, donor or year, as the
//! reference does, and its [`Summary`] counts those with no rate.
//!
//! Not read (yet): budgets, planned disbursements, sectors, participating
//! organisations, receiver organisations, locations, results, and the
//! narratives; a transaction's own `sector` and `aid-type`; the
//! organisation standard (`<iati-organisations>` files are refused as a
//! wrong root).
//!
//! # Identifiers
//!
//! Codes and refs are kept as the file writes them, typed but not
//! resolved to the crate's countries or organisations: an [`OrgRef`]
//! (`GB-GOV-1`), a [`CountryCode`] (`GT`, or `998` where a region code was
//! used as a country), a [`RegionCode`] (vocabulary and code). Each prints
//! the key of the reference's output: `GT`, `region:1:289`, and
//! [`UNSPECIFIED`] where no recipient or donor is named. Each resolves on
//! request: [`OrgRef::organisation`] (and [`Actor::from_iati`](crate::Actor::from_iati),
//! which keeps a ref the registry does not know as its identifier) to a
//! built-in organisation, [`RecipientCode::area`] and [`RegionCode::area`]
//! to a country, an OECD DAC region (vocabulary 1) or a UN M49 area
//! (vocabulary 2).
//!
//! # Files that are not right
//!
//! A transaction that cannot be summed does not stop the file. A file
//! that is not well-formed XML does: truncated, with mismatched or
//! unclosed tags, unknown entities, bytes not in its encoding or control
//! characters, a DOCTYPE (refused whole, so no entity is ever expanded,
//! fetched or read), a root other than `iati-activities`,
//! `iati-activity` or `result`, or not XML at all. The [`Error`] names
//! the file, the byte offset and line, and the activity's
//! `iati-identifier` when it had been read.
//!
//! Encodings: UTF-8 (XML's default), US-ASCII, and the single-byte
//! ISO-8859-1 and windows-1252 that some publishers declare, decoded
//! exactly (windows-1252's five undefined bytes are errors); UTF-16 and
//! other encodings are refused by name.
//!
//! # Example
//!
//! ```
//! use statecraft::iati::{TransactionOutcome, Reader, Recipients, TypeFilter};
//!
//! let xml = r#"<iati-activities version="1.01">
//!   <iati-activity default-currency="GBP">
//!     <reporting-org ref="GB-1"/>
//!     <recipient-country code="CD"/>
//!     <transaction>
//!       <transaction-type code="D"/>
//!       <value value-date="2012-03-31">-1500.50</value>
//!     </transaction>
//!     <transaction>
//!       <transaction-type code="C"/>
//!       <value value-date="2011-04-01">250000</value>
//!     </transaction>
//!   </iati-activity>
//! </iati-activities>"#;
//! let mut reader = Reader::new(xml.as_bytes()).types(TypeFilter::all());
//! for entry in reader.by_ref() {
//!     if let TransactionOutcome::Transaction(t) = entry? {
//!         let Recipients::Split(a) = t.recipients() else { continue };
//!         println!("{} {} {} to {}", t.date(), t.amount(), t.currency(), a.shares()[0].recipient);
//!     }
//! }
//! assert_eq!(reader.counts().transactions, 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod attributes;
mod codes;
mod encoding;
mod error;
mod files;
mod ids;
mod plain;
mod reader;
mod text;
mod transaction;

pub use crate::aggregate::iati::Summary;
pub use codes::{TransactionType, TypeCode, TypeFilter};
pub use error::{Error, ErrorKind, XmlError};
pub use files::{FileResult, FileSet};
pub use ids::{CountryCode, CurrencyCode, OrgRef, RecipientCode, RegionCode};
pub use reader::Reader;
pub use transaction::{
    Activity, Counts, DateSource, Location, Reason, ReasonClass, Recipients, Rejected, Share, Skipped, Transaction,
    TransactionOutcome, UNSPECIFIED,
};
