//! `fixtures/bad/` (written by `scripts/make_fixtures.py`): each file gets its
//! documented outcome, and the batch holding them all finishes with a line for
//! every file.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// (file, status, error code or "", a word the warning or message must hold)
const OUTCOMES: &[(&str, &str, &str, &str)] = &[
    ("csv_named.xlsx", "partial", "", "named .xlsx"),
    ("empty.txt", "failed", "input.empty", "empty"),
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
    // Text in GB18030 without a BOM and UTF-16 read as Chinese, not mojibake.
    assert_eq!(lines[2]["report"]["title"], "项目支出绩效评价报告");
    assert_eq!(lines[2]["budget"]["executed"].as_f64(), Some(980000.0));
    assert_eq!(lines[6]["report"]["title"], "项目支出绩效评价报告");
}
