//! The per-file pipeline and the batch around it.

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use crate::line::ReportJson;
use jixiao_export::{report_line, status_of, ErrorInfo, SourceInfo};
use jixiao_model::{Report, Status};
use sha2::{Digest, Sha256};

/// Expands inputs: files as given, folders walked recursively in name order.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    Ok(walk_inputs(inputs, false)?.0)
}

/// Files a folder walk leaves out, by what they are, with a count each: not
/// documents (jixiao's own outputs, JSON), or images, which need OCR.
pub type Skipped = std::collections::BTreeMap<&'static str, usize>;

/// The inputs to read and, for folders, what was left out. A file named on the
/// command line (or in a manifest) is always read.
/// Images are documents only when they are to be read by OCR (`ocr`).
pub fn walk_inputs(inputs: &[PathBuf], ocr: bool) -> Result<(Vec<PathBuf>, Skipped), String> {
    let mut out = Vec::new();
    let mut skipped = Skipped::new();
    for input in inputs {
        // `@list.txt`: a manifest naming one input per line (`#` starts a comment).
        if let Some(manifest) = input.to_str().and_then(|s| s.strip_prefix('@')) {
            let text = fs::read_to_string(manifest)
                .map_err(|e| format!("cannot read manifest {manifest}: {e}"))?;
            let listed: Vec<PathBuf> = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(PathBuf::from)
                .collect();
            let (files, more) = walk_inputs(&listed, ocr)?;
            out.extend(files);
            for (k, n) in more {
                *skipped.entry(k).or_default() += n;
            }
            continue;
        }
        if input.is_dir() {
            walk(input, &mut out, &mut skipped, ocr)
                .map_err(|e| format!("cannot read folder {}: {e}", input.display()))?;
        } else if input.exists() {
            out.push(input.clone());
        } else {
            return Err(format!("{}: no such file or folder", input.display()));
        }
    }
    Ok((out, skipped))
}

/// The names scans and photos come under.
const IMAGE_EXTENSIONS: &[&str] = &["jpg", "jpeg", "png", "tif", "tiff", "bmp", "gif", "webp"];

/// Why a file met in a folder is not a document to read, if it is not.
fn not_a_document(path: &Path, ocr: bool) -> Option<&'static str> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let stem = name.split('.').next().unwrap_or("");
    match ext.as_deref() {
        Some("ndjson") => Some("jixiao outputs (.ndjson)"),
        Some("parquet") => Some("jixiao tables (.parquet)"),
        Some("csv") if jixiao_export::tables::table_names().contains(&stem) => {
            Some("jixiao tables (.csv)")
        }
        Some("json") => Some(".json files"),
        Some(e) if IMAGE_EXTENSIONS.contains(&e) && !ocr => {
            Some("images (scans: read them with --ocr)")
        }
        _ => None,
    }
}

fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    skipped: &mut Skipped,
    ocr: bool,
) -> std::io::Result<()> {
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
            walk(&path, out, skipped, ocr)?;
        } else if let Some(what) = not_a_document(&path, ocr) {
            *skipped.entry(what).or_default() += 1;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Everything one input yields: its report lines and the processed report
/// (for `check`).
pub struct Processed {
    pub lines: Vec<ReportJson>,
    pub reports: Vec<(Status, Option<Report>)>,
}

/// Runs one file through ingest → extract → validate, never panicking: a panic
/// inside a stage becomes that file's `failed` line.
pub fn process_file(path: &Path) -> Processed {
    match fs::read(path) {
        Ok(bytes) => process_bytes(path, bytes, &jixiao_ingest::Limits::default()),
        Err(e) => unreadable(path, &e),
    }
}

/// The one `failed` line of an input: `sha256` and `format` where known.
pub fn failed(
    path: &Path,
    format: Option<jixiao_model::Format>,
    sha256: String,
    code: &str,
    message: String,
) -> Processed {
    let src = SourceInfo {
        path: path.display().to_string(),
        format,
        sha256,
        pages: None,
        part: 1,
        duplicate_of: None,
    };
    let err = ErrorInfo {
        code: code.to_string(),
        message,
    };
    Processed {
        lines: vec![ReportJson::new(report_line(
            &src,
            Status::Failed,
            Some(&err),
            None,
        ))],
        reports: vec![(Status::Failed, None)],
    }
}

/// The `failed` line of a file that could not be read at all.
pub fn unreadable(path: &Path, e: &std::io::Error) -> Processed {
    failed(
        path,
        None,
        String::new(),
        "input.unreadable",
        format!("cannot read the file: {e}; check the path and permissions"),
    )
}

/// SHA-256 of the input bytes, lower-case hex: the key of a document in every output.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Runs one file's bytes through the stages (see [`process_file`]).
/// The bytes are given to the readers, which free them as early as they can.
pub fn process_bytes(path: &Path, bytes: Vec<u8>, limits: &jixiao_ingest::Limits) -> Processed {
    let display = path.display().to_string();
    let sha256 = sha256_hex(&bytes);
    let format = Some(jixiao_ingest::detect_format(&bytes));
    let outcome = catch_unwind(AssertUnwindSafe(move || {
        let file = jixiao_pipeline::read_reports(bytes, limits)?;
        Ok::<_, jixiao_ingest::IngestError>((file.pages, file.reports))
    }));
    let failure = |code: &str, message: String| failed(path, format, sha256.clone(), code, message);
    let misnamed = misnamed(path, format);
    match outcome {
        Ok(Ok((pages, reports))) => {
            let mut processed = Processed { lines: Vec::new(), reports: Vec::new() };
            for (k, mut report) in reports.into_iter().enumerate() {
                report.warnings.extend(misnamed.clone());
                let status = status_of(&report);
                let src = SourceInfo { path: display.clone(), format, sha256: sha256.clone(), pages, part: k as u32 + 1, duplicate_of: None };
                processed.lines.push(ReportJson::new(report_line(&src, status, None, Some(&report))));
                processed.reports.push((status, Some(report)));
            }
            processed
        }
        Ok(Err(e)) => failure(e.code, e.message),
        Err(_) => failure(
            "internal.panic",
            format!(
                "jixiao hit an internal error on this file{}; the rest of the batch was processed — please report the file to the maintainers",
                LAST_PANIC
                    .with(|p| p.borrow_mut().take())
                    .map(|at| format!(" ({at})"))
                    .unwrap_or_default()
            ),
        ),
    }
}

thread_local! {
    /// Where the last panic on this thread happened, for its file's line.
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// A panic hook that prints nothing: every panic ends as its file's line (a
/// third-party parser's as a damaged file, jixiao's own as `internal.panic`
/// saying where), so stderr stays for the run's summary. Set by the binary
/// unless `RUST_BACKTRACE` asks for the default report.
pub fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{what} at {at}")));
    }));
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
        "docx" => Format::Docx,
        "rtf" => Format::Rtf,
        "wps" => Format::Doc,
        "ofd" => Format::Ofd,
        e if IMAGE_EXTENSIONS.contains(&e) => Format::Image,
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
