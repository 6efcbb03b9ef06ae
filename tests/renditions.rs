//! The same report in three formats must read the same. `fixtures/html/` and
//! `fixtures/xlsx/` hold the seed reports as a government article page and as a
//! workbook (written by `scripts/make_fixtures.py`); each must give the text
//! rendition's report: the same fields, budget, score rows and error findings.
//! `fixtures/multi/` holds several forms in one file: one report per form.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;
use common::Scratch;

fn extract(inputs: &[&str]) -> Vec<Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Scratch::new("renditions");
    let status = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(&root)
        .arg("extract")
        .args(inputs)
        .args(["--quiet", "--out"])
        .arg(&out)
        .status()
        .expect("run jixiao");
    assert!(status.code().is_some());
    let text = std::fs::read_to_string(out.join("reports.ndjson")).expect("reports.ndjson");
    text.lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect()
}

const SEEDS: &[&str] = &[
    "000_868f1396b9022fea",
    "001_12e2cba4e18ab476",
    "002_5aab0cc1f9b30d75",
    "003_e1b1609340a3be44",
    "004_b2ed8c0ce722cc71",
];

fn rows(r: &Value) -> Vec<(String, String, String, String, String)> {
    let s = |v: &Value| v.to_string();
    r["score_tables"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| t["items"].as_array().cloned().unwrap_or_default())
        .map(|i| {
            (
                s(&i["level1"]),
                s(&i["level2"]),
                s(&i["level3"]),
                s(&i["weight"]),
                s(&i["score"]),
            )
        })
        .collect()
}

fn errors(r: &Value) -> Vec<(String, String)> {
    let mut e: Vec<(String, String)> = r["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["severity"] == "error")
        .map(|f| (f["rule"].to_string(), f["stated"].to_string()))
        .collect();
    e.sort();
    e
}

fn same_report(ext: &str) {
    same_report_in(ext, ext, ext);
}

/// Compares `fixtures/<dir>/<stem>.<ext>` (detected as `detected`) with the text.
fn same_report_in(dir: &str, ext: &str, detected: &str) {
    for stem in SEEDS {
        let got = extract(&[
            &format!("fixtures/{stem}.txt"),
            &format!("fixtures/{dir}/{stem}.{ext}"),
        ]);
        let (text, other) = (&got[0], &got[1]);
        let ctx = format!("{stem}.{ext}");
        assert_eq!(other["status"], "ok", "{ctx}: {}", other["warnings"]);
        assert_eq!(other["source"]["format"], detected, "{ctx}");
        for field in [
            "title",
            "unit",
            "project",
            "kind",
            "fiscal_year",
            "total_score",
            "grade",
        ] {
            assert_eq!(
                other["report"][field], text["report"][field],
                "{ctx}: report.{field}"
            );
        }
        for field in [
            "initial",
            "adjusted",
            "available",
            "executed",
            "execution_rate_pct",
        ] {
            assert_eq!(
                other["budget"][field], text["budget"][field],
                "{ctx}: budget.{field}"
            );
        }
        // Score rows: the same weights and scores in the same order; names may
        // differ where a one-cell-per-line dump is read from paragraphs.
        let (a, b) = (rows(text), rows(other));
        assert_eq!(a.len(), b.len(), "{ctx}: score rows");
        let numbers = |v: &[(String, String, String, String, String)]| {
            v.iter()
                .map(|r| (r.3.clone(), r.4.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(numbers(&a), numbers(&b), "{ctx}: weights and scores");
        let same = a.iter().zip(&b).filter(|(x, y)| x == y).count();
        assert!(
            same * 10 >= a.len() * 9,
            "{ctx}: only {same} of {} rows named alike",
            a.len()
        );
        assert_eq!(
            other["line_items"].as_array().map(Vec::len),
            text["line_items"].as_array().map(Vec::len),
            "{ctx}: line items"
        );
        assert_eq!(errors(other), errors(text), "{ctx}: error findings");
    }
}

#[test]
fn html_renditions_read_like_the_text() {
    same_report("html");
}

#[test]
fn xlsx_renditions_read_like_the_text() {
    same_report("xlsx");
}

/// PDFs made three ways (reportlab with the predefined-CMap STSong-Light, with an
/// embedded TrueType subset, and a Word document converted by LibreOffice): ruled
/// tables with merged cells, tables broken across pages with the header repeated.
#[test]
fn pdf_renditions_read_like_the_text() {
    for maker in ["stsong", "ttf", "libreoffice"] {
        same_report_in(&format!("pdf/{maker}"), "pdf", "pdf");
    }
}

/// A GBK page says so in its meta tag; its text comes out right.
#[test]
fn gbk_page_is_decoded() {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/html/000_868f1396b9022fea.html"),
    )
    .expect("fixture");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is meant to be GBK"
    );
    let r = &extract(&["fixtures/html/000_868f1396b9022fea.html"])[0];
    assert!(
        r["report"]["title"]
            .as_str()
            .is_some_and(|t| t.contains("香蜜湖")),
        "{}",
        r["report"]
    );
    // Locations are element paths.
    let src = &r["score_tables"][0]["items"][0]["source"]["element"];
    assert!(src.as_str().is_some_and(|e| e.contains("/tr[")), "{src}");
}

/// A workbook holding only a score table: the table, its total, and the title,
/// unit and year from the title row.
#[test]
fn score_sheet_alone() {
    let r = &extract(&["fixtures/xlsx/score_sheet/004_b2ed8c0ce722cc71_评分表.xlsx"])[0];
    assert_eq!(r["report"]["unit"], "深圳市福田区总工会");
    assert_eq!(r["report"]["fiscal_year"], 2022);
    assert!(r["report"]["title"]
        .as_str()
        .is_some_and(|t| t.ends_with("评分表")));
    let table = &r["score_tables"][0];
    assert_eq!(table["items"].as_array().map(Vec::len), Some(17));
    assert_eq!(table["stated_total"]["score"].as_f64(), Some(95.0));
    assert!(table["items"][0]["source"]["cell"]
        .as_str()
        .is_some_and(|c| c.starts_with("评分表!")));
}

/// Several forms in one file: one report line per form, numbered by part.
#[test]
fn several_forms_in_one_file() {
    let got = extract(&[
        "fixtures/multi/two_project_forms.txt",
        "fixtures/multi/two_department_forms.xlsx",
    ]);
    let summary: Vec<(String, u64, String, String)> = got
        .iter()
        .map(|r| {
            (
                r["source"]["path"]
                    .as_str()
                    .unwrap_or("")
                    .rsplit('/')
                    .next()
                    .unwrap_or("")
                    .to_string(),
                r["source"]["part"].as_u64().unwrap_or(0),
                r["report"]["unit"].to_string(),
                r["report"]["total_score"].to_string(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "two_project_forms.txt".to_string(),
                1,
                "\"青岚县学生资助管理中心\"".to_string(),
                "99.61".to_string()
            ),
            (
                "two_project_forms.txt".to_string(),
                2,
                "\"望江街道城市管理办公室\"".to_string(),
                "98.34".to_string()
            ),
            (
                "two_department_forms.xlsx".to_string(),
                1,
                "\"桐川市滨河区卫生健康局\"".to_string(),
                "97.82".to_string()
            ),
            (
                "two_department_forms.xlsx".to_string(),
                2,
                "\"青岚县农业农村局\"".to_string(),
                "89.78".to_string()
            ),
        ]
    );
    // Each form is checked on its own: the planted errors stay with their form.
    assert_eq!(
        errors(&got[0]),
        [("\"rate.mismatch\"".to_string(), "98.06".to_string())]
    );
    assert!(errors(&got[1]).is_empty());
    assert_eq!(errors(&got[2]).len(), 3);
    assert!(errors(&got[3]).is_empty());
}
