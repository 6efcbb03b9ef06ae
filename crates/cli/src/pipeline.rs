//! The per-file pipeline and the batch around it.

use std::fs;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use jixiao_export::{report_line, status_of, ErrorInfo, SourceInfo};
use jixiao_model::{Report, Status};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Counts of outcomes in a batch.
#[derive(Default, Debug)]
pub struct Summary {
    pub ok: usize,
    pub partial: usize,
    pub failed: usize,
}

impl Summary {
    pub fn total(&self) -> usize {
        self.ok + self.partial + self.failed
    }
}

/// Expands inputs: files as given, folders walked recursively in name order.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            walk(input, &mut out)
                .map_err(|e| format!("cannot read folder {}: {e}", input.display()))?;
        } else if input.exists() {
            out.push(input.clone());
        } else {
            return Err(format!("{}: no such file or folder", input.display()));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Everything one input yields: its report lines and the processed report
/// (for `check`).
pub struct Processed {
    pub lines: Vec<Value>,
    pub reports: Vec<(Status, Option<Report>)>,
}

/// Runs one file through ingest → extract → validate, never panicking: a panic
/// inside a stage becomes that file's `failed` line.
pub fn process_file(path: &Path) -> Processed {
    let display = path.display().to_string();
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let src = SourceInfo {
                path: display,
                format: None,
                sha256: String::new(),
                pages: None,
                part: 1,
            };
            let err = ErrorInfo {
                code: "input.unreadable".into(),
                message: format!("cannot read the file: {e}; check the path and permissions"),
            };
            return Processed {
                lines: vec![report_line(&src, Status::Failed, Some(&err), None)],
                reports: vec![(Status::Failed, None)],
            };
        }
    };
    let sha256 = hex(&Sha256::digest(&bytes));
    let format = Some(jixiao_ingest::detect_format(&bytes));
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let doc = jixiao_ingest::read(&bytes)?;
        let reports: Vec<Report> = jixiao_extract::parts::split_reports(&doc)
            .iter()
            .map(|part| {
                let mut report = jixiao_extract::extract(part);
                report.findings = jixiao_validate::check(part, &report);
                report
            })
            .collect();
        Ok::<_, jixiao_ingest::IngestError>((doc.pages, reports))
    }));
    let failure = |error: ErrorInfo| {
        let src = SourceInfo {
            path: display.clone(),
            format,
            sha256: sha256.clone(),
            pages: None,
            part: 1,
        };
        Processed {
            lines: vec![report_line(&src, Status::Failed, Some(&error), None)],
            reports: vec![(Status::Failed, None)],
        }
    };
    let misnamed = misnamed(path, format);
    match outcome {
        Ok(Ok((pages, reports))) => {
            let reports: Vec<Report> = reports
                .into_iter()
                .map(|mut r| {
                    r.warnings.extend(misnamed.clone());
                    r
                })
                .collect();
            let mut processed = Processed { lines: Vec::new(), reports: Vec::new() };
            for (k, report) in reports.into_iter().enumerate() {
                let status = status_of(&report);
                let src = SourceInfo { path: display.clone(), format, sha256: sha256.clone(), pages, part: k as u32 + 1 };
                processed.lines.push(report_line(&src, status, None, Some(&report)));
                processed.reports.push((status, Some(report)));
            }
            processed
        }
        Ok(Err(e)) => failure(ErrorInfo { code: e.code.to_string(), message: e.message }),
        Err(_) => failure(ErrorInfo {
            code: "internal.panic".into(),
            message: "jixiao hit an internal error on this file; the rest of the batch was processed — please report the file to the maintainers".into(),
        }),
    }
}

/// A warning when the file's name says one format and its bytes another (the
/// bytes decide how it is read; the name only explains a surprise).
fn misnamed(path: &Path, format: Option<jixiao_model::Format>) -> Option<String> {
    use jixiao_model::Format;
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    let named = match ext.as_str() {
        "pdf" => Format::Pdf,
        "xlsx" | "xls" | "ods" | "xlsm" => Format::Xlsx,
        "html" | "htm" | "shtml" => Format::Html,
        "txt" => Format::Txt,
        _ => return None,
    };
    let found = format?;
    let same = found == named || (named == Format::Txt && found == Format::Md);
    (!same).then(|| {
        format!(
            "the file is named .{ext} but holds {}; it was read as {}",
            found.as_str(),
            found.as_str()
        )
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Extracts every input into `<out>/reports.ndjson`, written to a temporary
/// file and renamed so a crash never leaves half a file behind.
pub fn extract_all(inputs: &[PathBuf], out: &Path, quiet: bool) -> Result<Summary, String> {
    let files = expand_inputs(inputs)?;
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let final_path = out.join("reports.ndjson");
    let tmp_path = out.join(".reports.ndjson.tmp");
    let mut file = fs::File::create(&tmp_path)
        .map_err(|e| format!("cannot write {}: {e}", tmp_path.display()))?;
    let mut summary = Summary::default();
    for path in &files {
        let processed = process_file(path);
        for (line, (status, _)) in processed.lines.iter().zip(&processed.reports) {
            match status {
                Status::Ok => summary.ok += 1,
                Status::Partial => summary.partial += 1,
                Status::Failed => summary.failed += 1,
            }
            if !quiet && *status == Status::Failed {
                let err = line.get("error").map(|e| e.to_string()).unwrap_or_default();
                eprintln!("failed: {}: {err}", path.display());
            }
            writeln!(file, "{line}")
                .map_err(|e| format!("cannot write {}: {e}", tmp_path.display()))?;
        }
    }
    file.sync_all().map_err(|e| e.to_string())?;
    fs::rename(&tmp_path, &final_path)
        .map_err(|e| format!("cannot move the output into place: {e}"))?;
    Ok(summary)
}
