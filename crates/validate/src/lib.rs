//! Validation: re-computes every relation a report states and reports what does
//! not add up (see `../shared/spec/CHECKS.md`).
//!
//! Key design decision: printed numbers are judged as intervals
//! ([`interval`]). A finding is an **error** only when the stated result is
//! impossible even allowing for the rounding of every printed input, and a
//! **warning** when only the straight re-computation differs. Relations in
//! prose are found from the vocabulary of the labels and the structure of the
//! sentence, and a rule that cannot tell what a number means stays silent: an
//! analyst stops trusting a checker the first time it cries wolf.
#![deny(missing_docs)]

mod budget_table;
mod interval;
mod prose;
mod rules;

pub use rules::{Rule, CATALOGUE};

use jixiao_model::{Document, Finding, Report};

/// Runs every rule of the catalogue on a report.
pub fn check(doc: &Document, report: &Report) -> Vec<Finding> {
    let ctx = rules::Context::new(doc, report);
    let mut findings = Vec::new();
    for rule in CATALOGUE {
        findings.extend((rule.run)(&ctx));
    }
    findings
}
