//! Scans (issue 16): `fixtures/scans/` holds image renditions of the seeds and
//! forms made by `scripts/make_scans.py`. Without OCR a scan fails with what to
//! do; with it (`cargo test -p jixiao --features ocr --test ocr`, Tesseract
//! with chi_sim and pdftoppm installed) it is read, and nothing read by OCR is
//! ever called an error.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod common;
use common::Scratch;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn extract(args: &[&str], tag: &str) -> (Option<i32>, String, Vec<Value>) {
    let out = Scratch::new(&format!("ocr-{tag}"));
    let run = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(root())
        .arg("extract")
        .args(args)
        .args(["--quiet", "--out"])
        .arg(&out)
        .output()
        .expect("run jixiao");
    let lines = std::fs::read_to_string(out.join("reports.ndjson"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    (
        run.status.code(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
        lines,
    )
}

#[test]
fn without_ocr_a_scan_says_to_add_it() {
    let (_, _, lines) = extract(
        &[
            "fixtures/scans/01_qinglan_xuesheng_zizhu.png",
            "fixtures/scans/004_b2ed8c0ce722cc71.pdf",
        ],
        "plain",
    );
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["error"]["code"], "image.needs_ocr");
    assert_eq!(lines[1]["error"]["code"], "pdf.no_text_layer");
    for l in &lines {
        let message = l["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains("--ocr"), "{message}");
    }
    if !cfg!(feature = "ocr") {
        // A build without the engine refuses the flag and says how to get it.
        let (code, err, _) = extract(
            &["--ocr", "fixtures/scans/01_qinglan_xuesheng_zizhu.png"],
            "refused",
        );
        assert_eq!(code, Some(2));
        assert!(err.contains("--features ocr"), "{err}");
    }
}

/// A recogniser (PP-OCR's files where jixiao looks for them, else Tesseract
/// with its Chinese model) and pdftoppm, or why not.
fn engine() -> Result<(), String> {
    if !cfg!(feature = "ocr") {
        return Err(
            "built without the `ocr` feature (cargo test -p jixiao --features ocr --test ocr)"
                .into(),
        );
    }
    Command::new("pdftoppm")
        .arg("-v")
        .output()
        .map_err(|e| format!("pdftoppm not installed ({e}): apt-get install -y poppler-utils"))?;
    let ppocr = [
        std::env::var_os("JIXIAO_PPOCR").map(PathBuf::from),
        Some(PathBuf::from("/usr/local/share/jixiao/ppocr")),
    ]
    .into_iter()
    .flatten()
    .any(|dir| dir.join("rec.onnx").is_file());
    if ppocr {
        return Ok(());
    }
    let langs = Command::new("tesseract")
        .arg("--list-langs")
        .output()
        .map_err(|e| {
            format!("neither PP-OCR (sh scripts/install_ppocr.sh) nor tesseract is installed ({e})")
        })?;
    if !String::from_utf8_lossy(&langs.stdout).contains("chi_sim") {
        return Err(
            "tesseract has no chi_sim model (apt-get install -y tesseract-ocr-chi-sim), and PP-OCR is not installed (sh scripts/install_ppocr.sh)".into(),
        );
    }
    Ok(())
}

#[test]
fn a_scanned_form_is_read_and_never_cries_wolf() {
    if let Err(why) = engine() {
        eprintln!("skipped: {why}");
        return;
    }
    let (code, err, lines) = extract(
        &[
            "--ocr",
            "fixtures/scans/01_qinglan_xuesheng_zizhu.png",
            "fixtures/scans/04_binhe_weijian_bumen.tif",
        ],
        "read",
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(lines.len(), 2);
    for l in &lines {
        assert_eq!(l["source"]["format"], "image");
        assert_ne!(l["status"], "failed", "{l}");
        // Every finding on OCR'd numbers is a warning that says to check the page.
        for f in l["findings"].as_array().into_iter().flatten() {
            assert_ne!(f["severity"], "error", "{f}");
        }
    }
    // The TIFF (two pages, G4): its title and year as gold has them, read with
    // the confidence OCR gave them.
    let tif = &lines[1];
    assert_eq!(tif["source"]["pages"], 2);
    let title = tif["report"]["title"].as_str().unwrap_or_default();
    assert!(title.ends_with("2023年度部门整体支出绩效自评表"), "{title}");
    assert_eq!(tif["report"]["fiscal_year"], 2023);
    assert_eq!(tif["report"]["kind"], "department");
    let confidence = &tif["report"]["sources"]["title"]["ocr_confidence"];
    assert!(
        confidence.as_u64().is_some_and(|c| c <= 100),
        "{confidence}"
    );
}
