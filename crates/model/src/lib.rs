//! The shared vocabulary of jixiao: the **document model** that every reader
//! produces, and the **report** types that extraction fills, validation adds
//! findings to, and export writes out.
//!
//! Key design decision: every piece of text in the document model carries a
//! [`Source`] (page and line, sheet and cell, or element path), and every value
//! the later stages produce copies the `Source` it was read from. Provenance is
//! therefore never reconstructed after the fact; it flows with the data.
#![deny(missing_docs)]

pub mod doc;
pub mod facts;
pub mod number;
pub mod report;

pub use doc::{Block, Cell, Document, Format, Line, Paragraph, Source, Table};
pub use facts::{Fact, FactKind, FactRole, FactUnit, Scope, Stated};
pub use number::{MoneyUnit, Printed};
pub use report::{
    Budget, BudgetRow, ColumnProduct, ColumnSum, ColumnTable, DerivedCell, Finding,
    FindingLocation, GroupWeight, LineItem, LineTotal, ReadingDoubt, Report, ReportFields,
    RowProduct, ScoreItem, ScoreTable, Severity, ShareColumn, StatedTotal, Status, Target,
    YearTable,
};
pub use rust_decimal::Decimal;

/// True for a character of the CJK unified ideographs (the Han characters
/// the reports' words are written in), the one test every stage shares.
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The number of days of `month` (1 to 12) in `year`: what an as-of date is
/// read against (`6月30日` ends June) and what the time progress counts.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
