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
mod columns;
mod context;
mod formula;
pub mod interval;
mod parts;
mod prose;
mod restated;
mod scores;

pub use catalogue::{Rule, CATALOGUE};
pub use context::{Check, Operand};
pub use interval::Verdict;

use jixiao_model::{Finding, Report, Severity, Source};

/// Runs every rule of the catalogue on a report.
pub fn check(report: &Report) -> Vec<Finding> {
    run(report, false).0
}

/// Runs every rule and also returns what each one checked: every relation it
/// recognised, with its operands and verdict (holding ones included).
pub fn check_traced(report: &Report) -> (Vec<Finding>, Vec<Check>) {
    run(report, true)
}

/// The rules over a report; the relations checked are kept where asked for,
/// or where a finding may rest on a number read by OCR (its operands tell).
/// Otherwise they are not: a page stating millions of figures would hold
/// millions of them.
fn run(report: &Report, trace: bool) -> (Vec<Finding>, Vec<Check>) {
    // What the report read by OCR, gathered once for every finding.
    let ocr_read: Vec<&Source> = report
        .facts
        .iter()
        .map(|fact| &fact.source)
        .chain(
            report
                .score_tables
                .iter()
                .flat_map(|t| t.items.iter().map(|i| &i.source)),
        )
        .chain(report.budget_rows.iter().map(|r| &r.source))
        .filter(|s| s.ocr_confidence.is_some())
        .collect();
    let ctx = context::Context::new(report, trace || !ocr_read.is_empty());
    let mut findings = Vec::new();
    for rule in CATALOGUE {
        findings.extend((rule.run)(&ctx));
    }
    let checked = ctx.into_checked();
    for f in &mut findings {
        let Some(low) = read_by_ocr(f, &ocr_read, &checked) else {
            continue;
        };
        // A page image read by OCR can misplace a digit or lose a row, with
        // high confidence too: what it gives is checked, never called an error.
        if f.severity == Severity::Error {
            f.severity = Severity::Warning;
        }
        f.message.push_str(if low {
            " (read by OCR with low confidence: verify against the page image)"
        } else {
            " (read by OCR: verify against the page image)"
        });
    }
    (findings, checked)
}

/// Whether the finding rests on text read by OCR (its page was, by the
/// report's OCR'd sources `ocr_read`, or an operand of the relation that failed
/// there was), and if so whether a number it rests on (on its line, or an
/// operand) was read with low confidence.
fn read_by_ocr(f: &Finding, ocr_read: &[&Source], checked: &[Check]) -> Option<bool> {
    let here = |s: &Source| s.page == f.location.page && s.line == f.location.line;
    let operands: Vec<&Source> = checked
        .iter()
        .filter(|c| c.rule == f.rule && c.verdict != Verdict::Consistent && here(&c.stated.source))
        .flat_map(|c| {
            std::iter::once(&c.stated)
                .chain(&c.inputs)
                .map(|o| &o.source)
        })
        .collect();
    let ocr_page = ocr_read.iter().any(|s| s.page == f.location.page);
    let ocr_operand = operands.iter().any(|s| s.ocr_confidence.is_some());
    let low = ocr_read
        .iter()
        .filter(|s| here(s))
        .chain(&operands)
        .any(|s| s.uncertain());
    (ocr_page || ocr_operand).then_some(low)
}
