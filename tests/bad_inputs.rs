//! `fixtures/bad/` (written by `scripts/make_fixtures.py`): each file gets its
//! documented outcome, and the batch holding them all finishes with a line for
//! every file.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;
use common::Scratch;

/// (file, status, error code or "", a word the warning or message must hold)
const OUTCOMES: &[(&str, &str, &str, &str)] = &[
    ("corrupt.ofd", "failed", "ofd.corrupt", "re-download"),
    ("corrupt.pdf", "failed", "pdf.corrupt", "download it again"),
    ("csv_named.xlsx", "partial", "", "named .xlsx"),
    ("cyclic.pdf", "failed", "pdf.corrupt", "page tree"),
    (
        "deep_nesting.html",
        "failed",
        "html.too_deep",
        "--max-depth",
    ),
    ("empty.txt", "failed", "input.empty", "empty"),
    ("encrypted.doc", "failed", "doc.encrypted", "password"),
    ("encrypted.pdf", "failed", "pdf.encrypted", "password"),
    ("gb18030_no_bom.txt", "ok", "", ""),
    ("malformed.docx", "failed", "docx.corrupt", "re-save"),
    ("no_report.html", "partial", "", "no report found"),
    (
        "not_a_workbook.xlsx",
        "failed",
        "xlsx.corrupt",
        "re-download",
    ),
    (
        "password_protected.xlsx",
        "failed",
        "xlsx.encrypted",
        "password",
    ),
    ("random_bytes.pdf", "failed", "input.unrecognized", "binary"),
    ("scanned.pdf", "failed", "pdf.no_text_layer", "OCR"),
    ("truncated.doc", "failed", "ole.corrupt", "re-download"),
    ("truncated.docx", "failed", "docx.corrupt", "re-download"),
    ("truncated.pdf", "failed", "pdf.corrupt", "truncated"),
    ("two_thousand_pages.pdf", "partial", "", "no report found"),
    ("utf16.txt", "ok", "", ""),
    ("zip_bomb.docx", "failed", "docx.too_large", "zip bomb"),
    ("zip_bomb.xlsx", "failed", "xlsx.too_large", "zip bomb"),
];

#[test]
fn every_bad_input_gets_its_outcome_and_the_batch_finishes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Scratch::new("bad");
    let status = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(&root)
        .args(["extract", "fixtures/bad", "--quiet", "--out"])
        .arg(&out)
        .status()
        .expect("run");
    assert_eq!(status.code(), Some(1), "some inputs failed: exit 1");
    let text = std::fs::read_to_string(out.join("reports.ndjson")).expect("output");
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), OUTCOMES.len());
    for (line, (file, status, code, word)) in lines.iter().zip(OUTCOMES) {
        let path = line["source"]["path"].as_str().unwrap_or("");
        assert!(path.ends_with(file), "{path} vs {file}");
        assert_eq!(line["status"], *status, "{file}");
        assert_eq!(
            line["error"]["code"].as_str().unwrap_or(""),
            *code,
            "{file}"
        );
        let said = format!("{} {}", line["error"]["message"], line["warnings"]);
        assert!(said.contains(word), "{file}: {said}");
    }
    let by_name = |name: &str| {
        lines
            .iter()
            .find(|l| {
                l["source"]["path"]
                    .as_str()
                    .is_some_and(|p| p.ends_with(name))
            })
            .expect("line")
    };
    // Text in GB18030 without a BOM and UTF-16 read as Chinese, not mojibake.
    assert_eq!(
        by_name("gb18030_no_bom.txt")["report"]["title"],
        "项目支出绩效评价报告"
    );
    assert_eq!(
        by_name("gb18030_no_bom.txt")["budget"]["executed"].as_f64(),
        Some(980000.0)
    );
    assert_eq!(
        by_name("utf16.txt")["report"]["title"],
        "项目支出绩效评价报告"
    );
    // Every page of a 2,000-page file is read.
    assert_eq!(by_name("two_thousand_pages.pdf")["source"]["pages"], 2000);
}

/// A 50 MB page (made here, not committed): over a lowered --max-bytes it is
/// refused before it is read; the limit's flag is named.
#[test]
fn an_input_over_the_size_limit_is_refused_unread() {
    let dir = Scratch::new("big");
    let page = dir.join("big.html");
    let para = "<p>本项目年初预算100.00万元，执行数98.00万元，执行率98.00%。</p>\n";
    let body = para.repeat(50 * 1024 * 1024 / para.len());
    std::fs::write(&page, format!("<html><body>{body}</body></html>")).expect("write");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = dir.join("out");
    let status = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(&root)
        .arg("extract")
        .arg(&page)
        .args(["--max-bytes", "20", "--quiet", "--out"])
        .arg(&out)
        .status()
        .expect("run");
    assert_eq!(status.code(), Some(1));
    let line: Value = serde_json::from_str(
        std::fs::read_to_string(out.join("reports.ndjson"))
            .expect("output")
            .lines()
            .next()
            .expect("a line"),
    )
    .expect("JSON");
    assert_eq!(line["error"]["code"], "input.too_large");
    assert!(line["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("--max-bytes")));
}
