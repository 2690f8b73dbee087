//! Transaction types: IATI's 13 codes, the 1.0x letters, and the filter
//! that says which types are summed.

use std::fmt;
use std::str::FromStr;

/// A transaction type of IATI's TransactionType codelist (2.03).
///
/// IATI 1.0x wrote them as letters (`D` for a disbursement); 2.0x as
/// numbers. Files mix them whatever version they declare, so both are
/// read everywhere: see [`TypeCode::from_written`].
///
/// ```
/// use statecraft::iati::TransactionType;
///
/// let d = TransactionType::Disbursement;
/// assert_eq!((d.code(), d.letter(), d.name()), (3, Some("D"), "Disbursement"));
/// assert_eq!(TransactionType::from_code(11), Some(TransactionType::IncomingCommitment));
/// assert_eq!(d.to_string(), "3");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter)]
#[non_exhaustive]
pub enum TransactionType {
    /// 1, `IF`: funds received for use on the activity.
    IncomingFunds = 1,
    /// 2, `C`: a firm, written obligation to provide funds ("Commitment"
    /// in 1.0x).
    OutgoingCommitment = 2,
    /// 3, `D`: outgoing funds placed at the disposal of a recipient.
    Disbursement = 3,
    /// 4, `E`: outgoing funds spent on goods and services for the activity.
    Expenditure = 4,
    /// 5, `IR`: interest paid on a loan or line of credit.
    InterestPayment = 5,
    /// 6, `LR`: principal repaid.
    LoanRepayment = 6,
    /// 7, `R`: a disbursement covering funds already spent by the recipient.
    Reimbursement = 7,
    /// 8, `QP`: outgoing funds that buy equity.
    PurchaseOfEquity = 8,
    /// 9, `QS`: incoming funds from the sale of equity.
    SaleOfEquity = 9,
    /// 10, `CG`: a commitment to underwrite a third party's loan.
    CreditGuarantee = 10,
    /// 11: a firm obligation reported by the recipient.
    IncomingCommitment = 11,
    /// 12: indicative, non-binding advice of an intended outgoing commitment.
    OutgoingPledge = 12,
    /// 13: indicative, non-binding advice of an intended incoming commitment.
    IncomingPledge = 13,
}

/// The 1.0x letters, in code order (1 to 10).
const LETTERS: [&str; 10] = ["IF", "C", "D", "E", "IR", "LR", "R", "QP", "QS", "CG"];

impl TransactionType {
    /// The numeric code, 1 to 13.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The 1.0x letter code, for types 1 to 10.
    pub fn letter(self) -> Option<&'static str> {
        LETTERS.get(usize::from(self.code()).wrapping_sub(1)).copied()
    }

    /// The codelist's English name ("Outgoing Commitment").
    pub fn name(self) -> &'static str {
        match self {
            TransactionType::IncomingFunds => "Incoming Funds",
            TransactionType::OutgoingCommitment => "Outgoing Commitment",
            TransactionType::Disbursement => "Disbursement",
            TransactionType::Expenditure => "Expenditure",
            TransactionType::InterestPayment => "Interest Payment",
            TransactionType::LoanRepayment => "Loan Repayment",
            TransactionType::Reimbursement => "Reimbursement",
            TransactionType::PurchaseOfEquity => "Purchase of Equity",
            TransactionType::SaleOfEquity => "Sale of Equity",
            TransactionType::CreditGuarantee => "Credit Guarantee",
            TransactionType::IncomingCommitment => "Incoming Commitment",
            TransactionType::OutgoingPledge => "Outgoing Pledge",
            TransactionType::IncomingPledge => "Incoming Pledge",
        }
    }

    /// The type of a numeric code.
    pub fn from_code(code: u8) -> Option<TransactionType> {
        <TransactionType as strum::IntoEnumIterator>::iter().find(|t| t.code() == code)
    }

    /// Every type, in code order.
    pub fn iter() -> impl Iterator<Item = TransactionType> {
        <TransactionType as strum::IntoEnumIterator>::iter()
    }
}

impl fmt::Display for TransactionType {
    /// The numeric code (`3`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code())
    }
}

/// A transaction's type as its file writes it: one of the 13 types, or
/// another code kept as written (`03`, `99`), which no default filter
/// selects.
///
/// ```
/// use statecraft::iati::{TransactionType, TypeCode};
///
/// assert_eq!(TypeCode::from_written("d"), TypeCode::Known(TransactionType::Disbursement));
/// assert_eq!(TypeCode::from_written("4"), TypeCode::Known(TransactionType::Expenditure));
/// assert_eq!(TypeCode::from_written("03").to_string(), "03");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TypeCode {
    /// A code of the codelist (a number 1–13 or a 1.0x letter).
    Known(TransactionType),
    /// Any other code, stripped of XML whitespace, as written.
    Other(Box<str>),
}

impl TypeCode {
    /// The type of a code attribute's value (already stripped, not
    /// empty): a 1.0x letter in any case (`IF`, `C`, `D`, `E`, `IR`, `LR`,
    /// `R`, `QP`, `QS`, `CG`), or a number written exactly as the
    /// codelist does (`3`; `03` and `3.0` are other codes).
    pub fn from_written(code: &str) -> TypeCode {
        let known = match code.as_bytes() {
            [a] if a.is_ascii_digit() && *a != b'0' => TransactionType::from_code(a - b'0'),
            [b'1', b] if (b'0'..=b'3').contains(b) => TransactionType::from_code(10 + (b - b'0')),
            _ => {
                // Python's `str.upper` maps a few non-ASCII letters to
                // ASCII ones (`ı` to `I`): compare what it gives.
                let upper = if code.is_ascii() {
                    code.into()
                } else {
                    code.to_uppercase()
                };
                LETTERS
                    .iter()
                    .zip(1u8..)
                    .find(|(l, _)| l.eq_ignore_ascii_case(&upper))
                    .and_then(|(_, c)| TransactionType::from_code(c))
            }
        };
        match known {
            Some(t) => TypeCode::Known(t),
            None => TypeCode::Other(code.into()),
        }
    }
}

impl fmt::Display for TypeCode {
    /// The numeric code of a known type, else the code as written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TypeCode::Known(t) => t.fmt(f),
            TypeCode::Other(s) => f.write_str(s),
        }
    }
}

/// The transaction types that are summed; a transaction of any other type
/// (or with no type) is skipped.
///
/// The default is disbursements and expenditure (`3,4`). Parsing reads a
/// comma-separated list of codes and letters as `--types` does (`"D, E,3"`
/// is `3,4`); a code outside the codelist selects transactions that carry
/// exactly that code.
///
/// ```
/// use statecraft::iati::{TransactionType, TypeCode, TypeFilter};
///
/// let f: TypeFilter = "D, E,3".parse()?;
/// assert_eq!(f, TypeFilter::default());
/// assert!(f.selects(&TypeCode::Known(TransactionType::Expenditure)));
/// assert!(!f.selects(&TypeCode::Known(TransactionType::OutgoingCommitment)));
/// assert_eq!(TypeFilter::all().to_string(), "1,2,3,4,5,6,7,8,9,10,11,12,13");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TypeFilter {
    /// Bit `n` set: type code `n` selected.
    known: u16,
    /// Other codes selected, sorted.
    other: Vec<Box<str>>,
}

impl TypeFilter {
    /// Selects nothing.
    pub fn none() -> TypeFilter {
        TypeFilter {
            known: 0,
            other: Vec::new(),
        }
    }

    /// Selects every type of the codelist.
    pub fn all() -> TypeFilter {
        TransactionType::iter().fold(TypeFilter::none(), TypeFilter::with)
    }

    /// Also selects `t`.
    pub fn with(mut self, t: TransactionType) -> TypeFilter {
        self.known |= 1 << t.code();
        self
    }

    /// Whether transactions of type `code` are summed.
    #[inline]
    pub fn selects(&self, code: &TypeCode) -> bool {
        match code {
            TypeCode::Known(t) => self.known & (1 << t.code()) != 0,
            TypeCode::Other(s) => self.other.binary_search(s).is_ok(),
        }
    }

    /// The selected codes, known types first in code order.
    pub fn codes(&self) -> impl Iterator<Item = TypeCode> + '_ {
        TransactionType::iter()
            .filter(|t| self.known & (1 << t.code()) != 0)
            .map(TypeCode::Known)
            .chain(self.other.iter().map(|s| TypeCode::Other(s.clone())))
    }
}

impl Default for TypeFilter {
    /// Disbursements and expenditure (`3,4`): money that went out.
    fn default() -> TypeFilter {
        TypeFilter::none()
            .with(TransactionType::Disbursement)
            .with(TransactionType::Expenditure)
    }
}

impl FromStr for TypeFilter {
    type Err = std::convert::Infallible;

    /// Reads `3,4` or `D, E`: codes separated by commas, each trimmed,
    /// empty ones ignored.
    fn from_str(s: &str) -> Result<TypeFilter, Self::Err> {
        let mut filter = TypeFilter::none();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match TypeCode::from_written(part) {
                TypeCode::Known(t) => filter = filter.with(t),
                TypeCode::Other(o) => {
                    if let Err(at) = filter.other.binary_search(&o) {
                        filter.other.insert(at, o);
                    }
                }
            }
        }
        Ok(filter)
    }
}

impl fmt::Display for TypeFilter {
    /// The codes, comma-separated (`3,4`): what `FromStr` reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, code) in self.codes().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            code.fmt(f)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_letters() {
        for t in TransactionType::iter() {
            assert_eq!(TypeCode::from_written(&t.code().to_string()), TypeCode::Known(t));
            if let Some(l) = t.letter() {
                assert_eq!(TypeCode::from_written(l), TypeCode::Known(t));
                assert_eq!(TypeCode::from_written(&l.to_lowercase()), TypeCode::Known(t));
            }
        }
        assert_eq!(TransactionType::iter().count(), 13);
        assert_eq!(
            TypeCode::from_written("ıf"),
            TypeCode::Known(TransactionType::IncomingFunds)
        );
        assert_eq!(TransactionType::IncomingCommitment.letter(), None);
        assert_eq!(TransactionType::CreditGuarantee.letter(), Some("CG"));
        for other in ["0", "03", "3.0", "14", "99", "x", "DD", "Disbursement", "+3", "١"] {
            assert_eq!(TypeCode::from_written(other), TypeCode::Other(other.into()), "{other}");
        }
    }

    #[test]
    fn filters() {
        let f: TypeFilter = " 3 ,,4,".parse().unwrap();
        assert_eq!(f, TypeFilter::default());
        assert_eq!(f.to_string(), "3,4");
        let odd: TypeFilter = "x,14,c".parse().unwrap();
        assert_eq!(odd.to_string(), "2,14,x");
        assert!(odd.selects(&TypeCode::Other("x".into())));
        assert!(!odd.selects(&TypeCode::Other("X".into())));
        assert_eq!(odd.to_string().parse::<TypeFilter>().unwrap(), odd);
        assert_eq!("".parse::<TypeFilter>().unwrap(), TypeFilter::none());
        assert_eq!(
            TypeFilter::all().to_string().parse::<TypeFilter>().unwrap(),
            TypeFilter::all()
        );
    }
}
