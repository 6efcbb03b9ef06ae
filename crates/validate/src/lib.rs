//! Validation: re-computes every relation a report states and reports what does
//! not add up (see `../shared/spec/CHECKS.md`).
//!
//! Key design decision: printed numbers are judged as intervals
//! ([`interval`]). A finding is an **error** only when the stated result is
//! impossible even allowing for the rounding of every printed input, and a
//! **warning** when only the straight re-computation differs. The checker reads
//! only the [`Report`]: the facts extraction typed (value, unit, kind, role,
//! scope, source) and the structures it read (tables, formulas, grade bands).
//! A rule that cannot tell what a number means stays silent: an analyst stops
//! trusting a checker the first time it cries wolf.
#![deny(missing_docs)]

mod amounts;
mod budget_table;
mod catalogue;
mod context;
mod formula;
pub mod interval;
mod parts;
mod prose;
mod scores;

pub use catalogue::{Rule, CATALOGUE};
pub use context::{Check, Operand};
pub use interval::Verdict;

use jixiao_model::{Finding, Report};

/// Runs every rule of the catalogue on a report.
pub fn check(report: &Report) -> Vec<Finding> {
    check_traced(report).0
}

/// Runs every rule and also returns what each one checked: every relation it
/// recognised, with its operands and verdict (holding ones included).
pub fn check_traced(report: &Report) -> (Vec<Finding>, Vec<Check>) {
    let ctx = context::Context::new(report);
    let mut findings = Vec::new();
    for rule in CATALOGUE {
        findings.extend((rule.run)(&ctx));
    }
    (findings, ctx.into_checked())
}
