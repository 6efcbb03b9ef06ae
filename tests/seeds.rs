//! Runs the real binary on the bundled fixtures and checks figures a person
//! checked by hand against the seed reports.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

mod common;
use common::Scratch;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run_extract(inputs: &[&str]) -> Vec<Value> {
    let out = Scratch::new("test");
    let status = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(root())
        .arg("extract")
        .args(inputs)
        .arg("--out")
        .arg(&out)
        .arg("--quiet")
        .status()
        .expect("run jixiao");
    assert!(status.code().is_some(), "jixiao was killed");
    let text = std::fs::read_to_string(out.join("reports.ndjson")).expect("reports.ndjson written");
    text.lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

fn by_stem<'a>(reports: &'a [Value], stem: &str) -> &'a Value {
    reports
        .iter()
        .find(|r| {
            r["source"]["path"]
                .as_str()
                .is_some_and(|p| p.contains(stem))
        })
        .unwrap_or_else(|| panic!("no report for {stem}"))
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or(f64::NAN)
}

fn items(r: &Value) -> Vec<&Value> {
    r["score_tables"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["items"].as_array().unwrap().iter())
        .collect()
}

#[test]
fn seed_000_project_report() {
    let reports = run_extract(&["fixtures/000_868f1396b9022fea.txt"]);
    let r = by_stem(&reports, "000_");
    assert_eq!(r["status"], "ok");
    assert_eq!(
        r["report"]["title"],
        "深圳市福田区香蜜湖片区建设发展事务中心2023年度重点项目绩效评价报告"
    );
    assert_eq!(r["report"]["kind"], "project");
    assert_eq!(num(&r["report"]["total_score"]), 97.32);
    assert_eq!(r["report"]["grade"], "优");
    // 万元 → 元 exactly.
    assert_eq!(r["budget"]["initial"].to_string(), "4464100");
    assert_eq!(r["budget"]["executed"].to_string(), "4376100");
    assert_eq!(num(&r["budget"]["execution_rate_pct"]), 99.82);
    let rows = items(r);
    assert_eq!(rows.len(), 20);
    // The first row after the page break printed 绩效目标 beside 立项程序规范性;
    // the report's own outline puts it under 项目立项.
    let row = rows
        .iter()
        .find(|i| i["level3"] == "立项程序规范性")
        .unwrap();
    assert_eq!(row["level2"], "项目立项");
    assert_eq!(
        rows.iter()
            .find(|i| i["level3"] == "绩效目标合理性")
            .unwrap()["level2"],
        "绩效目标"
    );
    assert_eq!(r["targets"].as_array().unwrap().len(), 8);
    // Provenance: the row knows its line.
    assert!(row["source"]["line"].as_u64().is_some());
}

#[test]
fn seed_002_department_line_items() {
    let reports = run_extract(&["fixtures/002_5aab0cc1f9b30d75.txt"]);
    let r = by_stem(&reports, "002_");
    assert_eq!(
        r["report"]["title"],
        "河北鹿泉经济开发区管理委员会2022年度整体支出绩效自评报告"
    );
    assert_eq!(r["report"]["kind"], "department");
    assert_eq!(r["report"]["grade"], "优秀");
    let lines = r["line_items"].as_array().unwrap();
    assert_eq!(lines.len(), 78, "the four pipe blocks are one table");
    let row74 = lines.iter().find(|l| l["seq"] == "74").unwrap();
    assert_eq!(row74["budget"].to_string(), "300000000");
    assert_eq!(row74["executed"].to_string(), "87554770.84");
    assert_eq!(lines.iter().filter(|l| l["seq"] == "23").count(), 2);
}

#[test]
fn seed_003_cell_per_line_table() {
    let reports = run_extract(&["fixtures/003_e1b1609340a3be44.txt"]);
    let r = by_stem(&reports, "003_");
    let rows = items(r);
    assert_eq!(rows.len(), 17);
    let names: Vec<&str> = rows.iter().map(|i| i["level3"].as_str().unwrap()).collect();
    assert_eq!(
        &names[..4],
        [
            "立项依据充分性",
            "立项程序规范性",
            "绩效目标合理性",
            "绩效指标明确性"
        ]
    );
    assert_eq!(rows[7]["score"].to_string(), "4.8");
    assert_eq!(rows[15]["level1"], "效益");
    assert_eq!(r["budget"]["available"].to_string(), "1166200");
    assert_eq!(
        r["report"]["unit"],
        "深圳市深汕特别合作区科技创新和经济服务局"
    );
    assert_eq!(
        r["score_tables"][0]["stated_total"]["score"].to_string(),
        "97.80"
    );
}

#[test]
fn seed_004_two_tables_and_a_mistyped_figure() {
    let reports = run_extract(&["fixtures/004_b2ed8c0ce722cc71.txt"]);
    let r = by_stem(&reports, "004_");
    // 285.90 is stated once, 258.90 everywhere else.
    assert_eq!(r["budget"]["executed"].to_string(), "2589000");
    let tables = r["score_tables"].as_array().unwrap();
    assert_eq!(tables.len(), 2);
    // 表1-3: 绩效指标明确性 sits under 过程 (20)/资金投入 (8) after the page
    // break; the weights (决策 20 = 6 + 6 + 8) put it back under 绩效目标.
    let t1 = tables[0]["items"].as_array().unwrap();
    let row = t1.iter().find(|i| i["level3"] == "绩效指标明确性").unwrap();
    assert_eq!(
        (row["level1"].as_str(), row["level2"].as_str()),
        (Some("决策"), Some("绩效目标"))
    );
    // 附表's shifted columns are read by content and named after 表1-3.
    let t2 = tables[1]["items"].as_array().unwrap();
    assert_eq!(t2.len(), 17);
    let timely = t2.iter().find(|i| i["level3"] == "完成及时性").unwrap();
    assert_eq!(num(&timely["score"]), 4.0);
    assert_eq!(num(&tables[1]["stated_total"]["score"]), 95.0);
}

#[test]
fn a_folder_gives_one_line_per_file_in_order() {
    let reports = run_extract(&["fixtures"]);
    let paths: Vec<&str> = reports
        .iter()
        .map(|r| r["source"]["path"].as_str().unwrap())
        .collect();
    let mut sorted = paths.clone();
    // Folders are walked in name order, component by component.
    sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    assert_eq!(paths, sorted);
    assert!(paths.len() >= 5);
    for r in &reports {
        assert_eq!(r["schema_version"], "1");
        assert_eq!(r["source"]["sha256"].as_str().map(str::len), Some(64));
    }
}

#[test]
fn check_trace_lists_the_relations_found_holding() {
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["check", "--trace"])
        .arg(root().join("fixtures/001_12e2cba4e18ab476.txt"))
        .output()
        .expect("run jixiao check");
    let text = String::from_utf8_lossy(&out.stdout);
    // The seed's stated budget split by nature (its parts, read across a full
    // stop), its 基本支出 by economic kind (all of it), traced as holding.
    for relation in [
        "holds [parts.sum] 2024年我中心部门年初预算支出 = 2 parts (line 70)",
        "holds [parts.sum] 基本支出 = its 2 parts, all of it (line 70)",
        "holds [rate.mismatch] 2484.56 / 2546.70 = 97.56% (line 206)",
    ] {
        assert!(text.contains(relation), "missing `{relation}` in:\n{text}");
    }
}
