//! The per-file pipeline as a library: bytes in, the file's reports out, every
//! stage in order (read, split into the reports a file holds, extract, check).
//! The `jixiao` binary, the fuzz targets, the benchmark and the tests all call
//! [`read_reports`], so the code they exercise is the code users run.
#![deny(missing_docs)]

use jixiao_ingest::{IngestError, Limits};
use jixiao_model::Report;

/// What one file gives: its page count (where it has pages) and its reports,
/// each checked.
pub struct FileReports {
    /// Number of pages, where the input has pages.
    pub pages: Option<u32>,
    /// One report per form or report the file holds, in order.
    pub reports: Vec<Report>,
}

/// Reads one file's bytes into its checked reports. A file that cannot be
/// read fails with a typed error naming what to do. Given the bytes (not a
/// borrow), a reader may free them once it no longer needs them.
pub fn read_reports<'a>(
    bytes: impl Into<std::borrow::Cow<'a, [u8]>>,
    limits: &Limits,
) -> Result<FileReports, IngestError> {
    let doc = jixiao_ingest::read_with(bytes, limits)?;
    let reports = jixiao_extract::parts::split_reports(&doc)
        .into_iter()
        .map(|part| {
            let mut report = jixiao_extract::extract(&part);
            report.findings = jixiao_validate::check(&report);
            report
        })
        .collect();
    Ok(FileReports {
        pages: doc.pages,
        reports,
    })
}
