//! The invented self-evaluation forms (`fixtures/forms/`, copied from
//! `../shared/forms/`), each in three renditions — layout text as `pdftotext
//! -layout` prints it, an HTML article (GBK or UTF-8) and an XLSX sheet — must
//! give the same report: the figures below were checked by hand against the
//! forms' README.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;
use common::Scratch;

fn extract(input: &str) -> Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Scratch::new("forms");
    let status = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(&root)
        .args(["extract", input, "--quiet", "--out"])
        .arg(&out)
        .status()
        .expect("run jixiao");
    assert!(status.code().is_some());
    let text = std::fs::read_to_string(out.join("reports.ndjson")).expect("reports.ndjson");
    serde_json::from_str(text.lines().next().expect("one line")).expect("JSON")
}

fn s(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        Value::String(t) => t.clone(),
        Value::Null => "null".into(),
        other => other.to_string(),
    }
}

fn errors(r: &Value) -> Vec<(String, String, String)> {
    r["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["severity"] == "error")
        .map(|f| (s(&f["rule"]), s(&f["stated"]), s(&f["computed"])))
        .collect()
}

/// (stem, unit, total, executed yuan, items incl. the budget row, grade, the errors expected as (rule, stated, computed)).
type Expect = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    usize,
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

const FORMS: &[Expect] = &[
    (
        "01_qinglan_xuesheng_zizhu",
        "青岚县学生资助管理中心",
        "99.61",
        "8996300",
        11,
        "null",
        &[("rate.mismatch", "98.06", "98.60")],
    ),
    (
        "02_binhe_wangjiang_baojie",
        "望江街道城市管理办公室",
        "98.34",
        "14739200",
        12,
        "优",
        &[],
    ),
    (
        "04_binhe_weijian_bumen",
        "桐川市滨河区卫生健康局",
        "97.82",
        "70720000",
        14,
        "null",
        &[
            ("parts.sum", "7620.68", "7260.68"),
            ("parts.sum", "7620.68", "7260.68"),
            ("score.sum", "97.82", "97.28"),
        ],
    ),
    (
        "05_qinglan_nongye_bumen",
        "青岚县农业农村局",
        "89.78",
        "38646800",
        13,
        "良",
        &[],
    ),
];

fn check_rendition(ext: &str) {
    for (stem, unit, total, executed, items, grade, expected) in FORMS {
        let r = extract(&format!("fixtures/forms/{stem}.{ext}"));
        let ctx = format!("{stem}.{ext}");
        assert_eq!(r["status"], "ok", "{ctx}: {}", r["warnings"]);
        assert_eq!(s(&r["report"]["unit"]), *unit, "{ctx}");
        assert_eq!(s(&r["report"]["total_score"]), *total, "{ctx}");
        assert_eq!(s(&r["report"]["grade"]), *grade, "{ctx}");
        assert_eq!(s(&r["budget"]["executed"]), *executed, "{ctx}");
        let table = &r["score_tables"][0]["items"];
        assert_eq!(
            table.as_array().map(Vec::len),
            Some(*items),
            "{ctx}: {table}"
        );
        // The budget-execution row opens the table; the last indicator is a 满意度 one.
        assert_eq!(
            (s(&table[0]["level1"]), s(&table[0]["weight"])),
            ("预算执行率".to_string(), "10".to_string()),
            "{ctx}"
        );
        assert_eq!(s(&table[items - 1]["level1"]), "满意度指标", "{ctx}");
        assert_eq!(
            s(&table[items - 1]["level2"]),
            "服务对象满意度指标",
            "{ctx}"
        );
        let mut got = errors(&r);
        got.sort();
        let mut want: Vec<(String, String, String)> = expected
            .iter()
            .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
            .collect();
        want.sort();
        assert_eq!(got, want, "{ctx}");
    }
}

#[test]
fn layout_text_forms() {
    check_rendition("txt");
}

#[test]
fn html_forms() {
    check_rendition("html");
}

#[test]
fn xlsx_forms() {
    check_rendition("xlsx");
}

/// Every value keeps its place: a line for text, an element path for HTML, a cell for XLSX.
#[test]
fn sources_name_the_place_in_each_format() {
    let src = |ext: &str| {
        extract(&format!("fixtures/forms/04_binhe_weijian_bumen.{ext}"))["report"]["sources"]
            ["total_score"]
            .clone()
    };
    assert!(src("txt")["line"].as_u64().is_some(), "{}", src("txt"));
    assert!(
        src("html")["element"]
            .as_str()
            .is_some_and(|e| e.contains("td")),
        "{}",
        src("html")
    );
    assert!(
        src("xlsx")["cell"]
            .as_str()
            .is_some_and(|c| c.contains('!')),
        "{}",
        src("xlsx")
    );
}

/// The same form as a legacy .xls and an OpenDocument .ods (calamine reads both;
/// neither keeps number formats there, so the 执行率 cell is a bare fraction).
#[test]
fn xls_and_ods_forms() {
    for ext in ["xls", "ods"] {
        let r = extract(&format!(
            "fixtures/xlsx/formats/02_binhe_wangjiang_baojie.{ext}"
        ));
        assert_eq!(r["status"], "ok", "{ext}: {}", r["warnings"]);
        assert_eq!(s(&r["report"]["unit"]), "望江街道城市管理办公室", "{ext}");
        assert_eq!(s(&r["report"]["total_score"]), "98.34", "{ext}");
        assert_eq!(
            r["score_tables"][0]["items"].as_array().map(Vec::len),
            Some(12),
            "{ext}"
        );
        let rate = r["budget"]["execution_rate_pct"].as_f64().unwrap_or(0.0);
        assert!((rate - 98.36).abs() < 0.01, "{ext}: rate {rate}");
        assert!(errors(&r).is_empty(), "{ext}: {:?}", errors(&r));
    }
}
