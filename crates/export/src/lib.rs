//! Export: one report as one line of the output contract's JSON
//! (`../shared/spec/OUTPUT.md`, schema version 1).
//!
//! Key design decision: numbers are written as exact decimals through
//! serde_json's arbitrary-precision numbers, never through `f64`, so
//! `4376099.999999` cannot appear. Provenance travels beside each value
//! (`sources`, `source`), which the contract allows as additions.
#![deny(missing_docs)]

pub mod tables;

use jixiao_model::{Format, Report, Status};
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

/// The contract's schema version.
pub const SCHEMA_VERSION: &str = "1";

/// Identifies the input a report came from.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct SourceInfo {
    /// The path as given on the command line (or as found under a given folder).
    pub path: String,
    /// The detected format; `None` when the file could not even be read.
    pub format: Option<Format>,
    /// SHA-256 of the input bytes, lower-case hex.
    pub sha256: String,
    /// Number of pages, where the input has pages.
    pub pages: Option<u32>,
    /// Which report of the file, from 1.
    pub part: u32,
    /// The first input of the run with the same bytes, when this one repeats it
    /// (a re-download, the same attachment on two sites): its results are that
    /// input's, not computed twice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

/// A failure, as the contract's `error` object.
#[derive(Clone, Debug, Serialize, JsonSchema)]
pub struct ErrorInfo {
    /// Stable code such as `pdf.encrypted`.
    pub code: String,
    /// What happened and what to do.
    pub message: String,
}

/// One line of `reports.ndjson`: the contract's report object. `schemas/`
/// holds its JSON Schema, generated from this type (`jixiao schema`).
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "jixiao report line",
    description = "One report as one line of reports.ndjson (the output contract, schema version 1)."
)]
pub struct ReportLine<'a> {
    /// Always "1" for this contract.
    pub schema_version: &'static str,
    /// The input the report came from.
    pub source: &'a SourceInfo,
    /// How far jixiao got with it.
    pub status: Status,
    /// Why it failed, when it did.
    pub error: Option<&'a ErrorInfo>,
    /// What was extracted and checked (empty for a failed input).
    #[serde(flatten)]
    pub report: &'a Report,
}

/// One line of `reports.ndjson`, as its JSON text: serialized straight from
/// the report, never through a JSON tree (a page stating millions of figures
/// would take gigabytes as one).
pub fn report_line(
    source: &SourceInfo,
    status: Status,
    error: Option<&ErrorInfo>,
    report: Option<&Report>,
) -> String {
    let empty = Report::default();
    let line = ReportLine {
        schema_version: SCHEMA_VERSION,
        source,
        status,
        error,
        report: report.unwrap_or(&empty),
    };
    // Serializing these types cannot fail: no maps with non-string keys, no
    // floats; `null` stands for the impossible.
    serde_json::to_string(&line).unwrap_or_else(|_| "null".to_string())
}

/// The JSON Schema (draft 2020-12) of a report line.
pub fn report_line_schema() -> Value {
    let mut schema =
        serde_json::to_value(schemars::schema_for!(ReportLine<'static>)).unwrap_or(Value::Null);
    numbers_are_numbers(&mut schema);
    schema
}

/// jixiao writes every decimal as a JSON number (exactly, never through a
/// float); the generic decimal schema also allows strings, so narrow it.
fn numbers_are_numbers(v: &mut Value) {
    let mut stack = vec![v];
    while let Some(node) = stack.pop() {
        if let Value::Object(map) = node {
            let is_decimal = map
                .get("pattern")
                .and_then(Value::as_str)
                .is_some_and(|p| p.starts_with("^-?\\d+(\\.\\d+)?"));
            if is_decimal {
                map.remove("pattern");
                if let Some(Value::Array(types)) = map.get_mut("type") {
                    types.retain(|t| t != "string");
                }
            }
            stack.extend(map.values_mut());
        } else if let Value::Array(items) = node {
            stack.extend(items.iter_mut());
        }
    }
}

/// The status a report earns: `partial` when the reader or extractor left
/// warnings or nothing report-like was found, `ok` otherwise.
pub fn status_of(report: &Report) -> Status {
    let found_anything = report.report.title.is_some()
        || !report.score_tables.is_empty()
        || report.report.total_score.is_some();
    if !report.warnings.is_empty() || !found_anything {
        Status::Partial
    } else {
        Status::Ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_model::{Decimal, ScoreItem, ScoreTable};
    use std::str::FromStr;

    #[test]
    fn numbers_are_written_exactly() {
        let mut r = Report::default();
        r.budget.executed = Some(Decimal::from_str("4376100").unwrap());
        r.budget.initial = Some(Decimal::from_str("322971814.8").unwrap());
        r.score_tables.push(ScoreTable {
            items: vec![ScoreItem {
                weight: Some(Decimal::from(5)),
                score: Some(Decimal::from_str("4.99").unwrap()),
                ..ScoreItem::default()
            }],
            ..ScoreTable::default()
        });
        let src = SourceInfo {
            path: "a.txt".into(),
            format: Some(Format::Txt),
            sha256: "00".into(),
            pages: None,
            part: 1,
            duplicate_of: None,
        };
        let line = report_line(&src, Status::Ok, None, Some(&r));
        assert!(line.contains("\"executed\":4376100"), "{line}");
        assert!(line.contains("\"initial\":322971814.8"), "{line}");
        assert!(line.contains("\"score\":4.99"), "{line}");
        assert!(line.contains("\"format\":\"txt\""), "{line}");
        assert!(line.contains("\"schema_version\":\"1\""), "{line}");
    }
}
