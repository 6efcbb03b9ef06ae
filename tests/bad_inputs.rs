//! `fixtures/bad/` (written by `scripts/make_fixtures.py`): each file gets its
//! documented outcome, and the batch holding them all finishes with a line for
//! every file.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// (file, status, error code or "", a word the warning or message must hold)
const OUTCOMES: &[(&str, &str, &str, &str)] = &[
    ("corrupt.pdf", "failed", "pdf.corrupt", "download it again"),
    ("csv_named.xlsx", "partial", "", "named .xlsx"),
    ("cyclic.pdf", "failed", "pdf.corrupt", "page tree"),
    ("empty.txt", "failed", "input.empty", "empty"),
    ("encrypted.pdf", "failed", "pdf.encrypted", "password"),
    ("gb18030_no_bom.txt", "ok", "", ""),
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
    ("truncated.pdf", "failed", "pdf.corrupt", "truncated"),
    ("two_thousand_pages.pdf", "partial", "", "no report found"),
    ("utf16.txt", "ok", "", ""),
];

#[test]
fn every_bad_input_gets_its_outcome_and_the_batch_finishes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = std::env::temp_dir().join(format!("jixiao-bad-{}", std::process::id()));
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
