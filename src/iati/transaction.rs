//! What the reader yields: one [`TransactionOutcome`] per `<transaction>`, each with
//! the [`Activity`] it belongs to.

use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{CurrencyCode, OrgRef, RecipientCode, TypeCode};
use crate::Excerpt;

/// The key of a transaction with no recipient at all, as
/// `iati_reference.py` prints it.
pub const UNSPECIFIED: &str = "unspecified";

/// Where something is in a file: the byte offset (from 0, in the file's
/// own bytes whatever its encoding) of its first byte (the `<` of an
/// element), and its line (from 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Location {
    /// The byte offset, from 0.
    pub offset: u64,
    /// The line, from 1.
    pub line: u64,
}

impl fmt::Display for Location {
    /// `line 12, byte 3456`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, byte {}", self.line, self.offset)
    }
}

/// One `<iati-activity>`: what its transactions take from it.
///
/// Read whole before its transactions are yielded, so that elements after
/// the transactions (a `reporting-org` or `recipient-country` written
/// last) still apply.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Activity {
    pub(crate) at: Location,
    pub(crate) identifier: Option<Box<str>>,
    pub(crate) default_currency: Option<CurrencyCode>,
    pub(crate) reporting_org: Option<OrgRef>,
    pub(crate) shares: Vec<Share>,
    pub(crate) sums_to_100: bool,
}

impl Activity {
    /// Where its start tag is: its offset identifies it within its file.
    pub fn location(&self) -> Location {
        self.at
    }

    /// The text of its first `iati-identifier`, stripped; `None` when
    /// absent or empty.
    pub fn identifier(&self) -> Option<&str> {
        self.identifier.as_deref()
    }

    /// Its `@default-currency`, stripped and upper-cased; `None` when
    /// absent or empty.
    pub fn default_currency(&self) -> Option<&CurrencyCode> {
        self.default_currency.as_ref()
    }

    /// The `@ref` of its first `reporting-org`; `None` when absent or
    /// empty.
    pub fn reporting_org(&self) -> Option<&OrgRef> {
        self.reporting_org.as_ref()
    }

    /// Its recipient countries and regions with their percentages, in
    /// document order: those with an empty `@code` left out; a percentage
    /// absent or empty is 100 for a sole recipient and 0 among several,
    /// one that is not a decimal is 0. (So is one with more significant
    /// digits than a `Decimal` holds, 28: the reference would read it.)
    pub fn shares(&self) -> &[Share] {
        &self.shares
    }

    /// Whether the percentages of [`shares`](Activity::shares) add up to
    /// exactly 100 (false when there are none).
    pub fn sums_to_100(&self) -> bool {
        self.sums_to_100
    }
}

/// A recipient of an activity and its percentage, as the activity gives
/// it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Share {
    /// The country or region.
    pub recipient: RecipientCode,
    /// Its percentage (after the defaults: see [`Activity::shares`]);
    /// a transaction gives it `amount × percentage / 100`.
    pub percentage: Decimal,
}

/// Who receives a transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recipients<'a> {
    /// The transaction's own `recipient-country` (or, without one,
    /// `recipient-region`): 100%.
    Own(&'a RecipientCode),
    /// The activity's split, with whether it sums to 100.
    Split(&'a Activity),
    /// No recipient anywhere: the key [`UNSPECIFIED`].
    Unspecified,
}

/// Which attribute a transaction's date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateSource {
    /// `value/@value-date`.
    ValueDate,
    /// `transaction-date/@iso-date` (no value date was given).
    TransactionDate,
}

/// A transaction that passed the reader's checks: of a selected type,
/// with a currency, a readable amount and a readable date. Whether a rate
/// exists for it is the aggregator's question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transaction {
    pub(crate) activity: Arc<Activity>,
    pub(crate) at: Location,
    pub(crate) type_code: TypeCode,
    pub(crate) amount: Decimal,
    pub(crate) currency: CurrencyCode,
    pub(crate) date: NaiveDate,
    pub(crate) date_source: DateSource,
    pub(crate) provider: Option<OrgRef>,
    pub(crate) recipient: Option<RecipientCode>,
}

impl Transaction {
    /// The activity it belongs to.
    pub fn activity(&self) -> &Arc<Activity> {
        &self.activity
    }

    /// Where its `<transaction>` start tag is.
    pub fn location(&self) -> Location {
        self.at
    }

    /// Its type.
    pub fn type_code(&self) -> &TypeCode {
        &self.type_code
    }

    /// The first `value` element's text, exactly (xsd:decimal).
    pub fn amount(&self) -> Decimal {
        self.amount
    }

    /// `value/@currency`, else the activity's `@default-currency`.
    pub fn currency(&self) -> &CurrencyCode {
        &self.currency
    }

    /// `value/@value-date`, else `transaction-date/@iso-date`: the date
    /// of its exchange rate and of its year.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// Which attribute [`date`](Transaction::date) came from.
    pub fn date_source(&self) -> DateSource {
        self.date_source
    }

    /// The `@ref` of its first `provider-org`, if not empty.
    pub fn provider(&self) -> Option<&OrgRef> {
        self.provider.as_ref()
    }

    /// The donor: the provider, else the activity's reporting
    /// organisation; `None` is the key [`UNSPECIFIED`].
    pub fn donor(&self) -> Option<&OrgRef> {
        self.provider.as_ref().or(self.activity.reporting_org.as_ref())
    }

    /// Its own recipient: the first `recipient-country` with a code, else
    /// the first `recipient-region` with one.
    pub fn recipient(&self) -> Option<&RecipientCode> {
        self.recipient.as_ref()
    }

    /// Who receives it: its own recipient (100%), else its activity's
    /// split, else nobody named.
    pub fn recipients(&self) -> Recipients<'_> {
        match (&self.recipient, self.activity.shares.is_empty()) {
            (Some(r), _) => Recipients::Own(r),
            (None, false) => Recipients::Split(&self.activity),
            (None, true) => Recipients::Unspecified,
        }
    }
}

/// A transaction of a type that is not summed (or with no type).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The activity it belongs to.
    pub activity: Arc<Activity>,
    /// Where its `<transaction>` start tag is.
    pub at: Location,
    /// Its type, `None` when its first `transaction-type` has no `@code`
    /// (a code written as element text is not read) or it has none.
    pub type_code: Option<TypeCode>,
}

/// A transaction of a selected type that cannot be summed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// The activity it belongs to.
    pub activity: Arc<Activity>,
    /// Where its `<transaction>` start tag is.
    pub at: Location,
    /// Why.
    pub reason: Reason,
}

impl fmt::Display for Rejected {
    /// `line 12, byte 3456 (activity `ID`): REASON`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.at)?;
        if let Some(id) = self.activity.identifier() {
            write!(f, " (activity `{}`)", Excerpt::new(id))?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// Why a transaction of a selected type cannot be summed, checked in
/// this order.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Reason {
    /// Neither `value/@currency` nor the activity's `@default-currency`.
    #[error("no currency: neither `value/@currency` nor the activity's `@default-currency`")]
    NoCurrency,
    /// No `value` element.
    #[error("unreadable amount: no `value` element")]
    NoValue,
    /// A `value` with no text.
    #[error("unreadable amount: `value` is empty")]
    EmptyValue,
    /// Text that is not an xsd:decimal (`1,250.00`, `1e5`).
    #[error("unreadable amount `{0}`: not a decimal")]
    NotADecimal(Excerpt),
    /// A decimal with more significant digits than a `Decimal` holds (28).
    #[error("unreadable amount `{0}`: more digits than a decimal holds")]
    TooManyDigits(Excerpt),
    /// A `value/@value-date` that is not a date (it is not replaced by
    /// the transaction date).
    #[error("unreadable date `{0}` in `value/@value-date`")]
    BadValueDate(Excerpt),
    /// A `transaction-date/@iso-date` that is not a date.
    #[error("unreadable date `{0}` in `transaction-date/@iso-date`")]
    BadTransactionDate(Excerpt),
    /// Neither a value date nor a transaction date.
    #[error("unreadable date: neither `value/@value-date` nor `transaction-date/@iso-date`")]
    NoDate,
}

impl Reason {
    /// Which of `iati_reference.py`'s three reader reasons this is.
    pub fn class(&self) -> ReasonClass {
        match self {
            Reason::NoCurrency => ReasonClass::NoCurrency,
            Reason::NoValue | Reason::EmptyValue | Reason::NotADecimal(_) | Reason::TooManyDigits(_) => {
                ReasonClass::UnreadableAmount
            }
            Reason::BadValueDate(_) | Reason::BadTransactionDate(_) | Reason::NoDate => ReasonClass::UnreadableDate,
        }
    }
}

/// The reasons as `iati_reference.py` counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReasonClass {
    /// `no-currency`.
    NoCurrency,
    /// `unreadable-amount`.
    UnreadableAmount,
    /// `unreadable-date`.
    UnreadableDate,
}

impl ReasonClass {
    /// The name in the reference's counts: `no-currency`,
    /// `unreadable-amount`, `unreadable-date`.
    pub fn key(self) -> &'static str {
        match self {
            ReasonClass::NoCurrency => "no-currency",
            ReasonClass::UnreadableAmount => "unreadable-amount",
            ReasonClass::UnreadableDate => "unreadable-date",
        }
    }
}

/// What became of one `<transaction>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TransactionOutcome {
    /// To be summed.
    Transaction(Transaction),
    /// Of a type not summed.
    Skipped(Skipped),
    /// Of a summed type, but unreadable.
    Rejected(Rejected),
}

impl TransactionOutcome {
    /// The activity of the transaction.
    pub fn activity(&self) -> &Arc<Activity> {
        match self {
            TransactionOutcome::Transaction(t) => &t.activity,
            TransactionOutcome::Skipped(s) => &s.activity,
            TransactionOutcome::Rejected(r) => &r.activity,
        }
    }

    /// Where the `<transaction>` start tag is.
    pub fn location(&self) -> Location {
        match self {
            TransactionOutcome::Transaction(t) => t.at,
            TransactionOutcome::Skipped(s) => s.at,
            TransactionOutcome::Rejected(r) => r.at,
        }
    }
}

/// How many transactions were read, and what became of them: `read =
/// transactions + skipped + rejected`, always.
///
/// ```
/// use statecraft::iati::{Counts, Reader};
///
/// let xml = r#"<iati-activities><iati-activity default-currency="EUR">
///   <transaction><transaction-type code="3"/><value value-date="2021-06-07">5</value></transaction>
///   <transaction><transaction-type code="2"/><value value-date="2021-06-07">5</value></transaction>
///   <transaction><transaction-type code="4"/><value value-date="2021-06-07">1,000</value></transaction>
/// </iati-activity></iati-activities>"#;
/// let mut reader = Reader::new(xml.as_bytes());
/// for entry in reader.by_ref() {
///     entry?;
/// }
/// assert_eq!(
///     reader.counts().to_string(),
///     "read 3 transactions: 1 passed, 1 skipped by type, 1 rejected \
///      (no-currency: 0, unreadable-amount: 1, unreadable-date: 0); 0 activities percentages-not-100"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Counts {
    /// Activities read.
    pub activities: u64,
    /// `<transaction>` elements read.
    pub read: u64,
    /// Transactions that passed ([`TransactionOutcome::Transaction`]).
    pub transactions: u64,
    /// Transactions skipped by type.
    pub skipped: u64,
    /// Rejected: no currency.
    pub no_currency: u64,
    /// Rejected: unreadable amount.
    pub unreadable_amount: u64,
    /// Rejected: unreadable date.
    pub unreadable_date: u64,
    /// Activities whose recipient percentages do not sum to 100 and whose
    /// split was used by at least one transaction that passed. (The
    /// reference counts those used by a transaction it summed: the same
    /// number unless some of them have no exchange rate.)
    pub percentages_not_100: u64,
}

impl Counts {
    /// Transactions rejected, for any reason.
    pub fn rejected(&self) -> u64 {
        self.no_currency + self.unreadable_amount + self.unreadable_date
    }

    /// Adds `other`'s counts to these.
    pub fn merge(&mut self, other: &Counts) {
        self.activities += other.activities;
        self.read += other.read;
        self.transactions += other.transactions;
        self.skipped += other.skipped;
        self.no_currency += other.no_currency;
        self.unreadable_amount += other.unreadable_amount;
        self.unreadable_date += other.unreadable_date;
        self.percentages_not_100 += other.percentages_not_100;
    }

    pub(crate) fn count(&mut self, entry: &TransactionOutcome) {
        self.read += 1;
        match entry {
            TransactionOutcome::Transaction(_) => self.transactions += 1,
            TransactionOutcome::Skipped(_) => self.skipped += 1,
            TransactionOutcome::Rejected(r) => match r.reason.class() {
                ReasonClass::NoCurrency => self.no_currency += 1,
                ReasonClass::UnreadableAmount => self.unreadable_amount += 1,
                ReasonClass::UnreadableDate => self.unreadable_date += 1,
            },
        }
    }
}

impl fmt::Display for Counts {
    /// The reader's part of `iati_reference.py`'s stderr line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "read {} transactions: {} passed, {} skipped by type, {} rejected \
             (no-currency: {}, unreadable-amount: {}, unreadable-date: {}); {} activities percentages-not-100",
            self.read,
            self.transactions,
            self.skipped,
            self.rejected(),
            self.no_currency,
            self.unreadable_amount,
            self.unreadable_date,
            self.percentages_not_100
        )
    }
}
