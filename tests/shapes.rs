//! Invented reports in the shapes real published text takes (`fixtures/shapes/`,
//! written by `scripts/make_shapes.py`): each must give its figures as a person
//! reads them off the page. The expected values were worked out by hand from
//! the fixtures' text.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;
use common::Scratch;

fn reports() -> Vec<Value> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Scratch::new("shapes");
    let status = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .current_dir(&root)
        .args(["extract", "fixtures/shapes", "--quiet", "--out"])
        .arg(&out)
        .status()
        .expect("run jixiao");
    assert_eq!(status.code(), Some(0), "every shape is read");
    let text = std::fs::read_to_string(out.join("reports.ndjson")).expect("reports.ndjson");
    text.lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect()
}

fn of<'a>(all: &'a [Value], stem: &str) -> &'a Value {
    all.iter()
        .find(|r| {
            r["source"]["path"]
                .as_str()
                .is_some_and(|p| p.contains(stem))
        })
        .unwrap_or_else(|| panic!("no report for {stem}"))
}

fn s(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        Value::String(t) => t.clone(),
        Value::Null => "null".into(),
        other => other.to_string(),
    }
}

/// (level1, level2, level3, weight, score) of every score row.
fn rows(r: &Value) -> Vec<(String, String, String, String, String)> {
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

/// The fields asked for of each element of a JSON array, as printed.
fn fields(rows: &Value, names: &[&str]) -> Vec<Vec<String>> {
    rows.as_array()
        .into_iter()
        .flatten()
        .map(|b| names.iter().map(|f| s(&b[*f])).collect())
        .collect()
}

/// Each budget row's label and the fields asked for, as printed in the JSON.
fn budget_rows(r: &Value, names: &[&str]) -> Vec<Vec<String>> {
    fields(&r["budget_rows"], &[&["label"], names].concat())
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

fn row(
    l1: &str,
    l2: &str,
    l3: &str,
    w: &str,
    sc: &str,
) -> (String, String, String, String, String) {
    (l1.into(), l2.into(), l3.into(), w.into(), sc.into())
}

#[test]
fn every_shape() {
    let all = reports();

    // A CMS page whose article lacks its title: taken from the page's metadata.
    let r = of(&all, "cms_title");
    assert_eq!(
        s(&r["report"]["title"]),
        "桐川市河湾区文化馆2024年度免费开放补助资金项目绩效自评报告"
    );
    assert_eq!(s(&r["report"]["fiscal_year"]), "2024");
    assert_eq!(s(&r["report"]["total_score"]), "96.5");
    assert_eq!(s(&r["budget"]["executed"]), "1164000");
    assert!(errors(r).is_empty(), "{:?}", errors(r));

    // 四川's form, in pipes and one cell per line: the budget block under its
    // own columns (its labels' title names the unit), the indicators with
    // their sign and unit columns, 合计 = the block's 10 points + the 90.
    // Its title (`部门预算项目支出绩效自评表`) is one project's, its 实施单位 cell
    // carries a note (`（盖章）`).
    for stem in [
        "sichuan_form.txt",
        "sichuan_form_cells.txt",
        "sichuan_form_unscored.txt",
        "sichuan_form_spaces.txt",
    ] {
        let r = of(&all, stem);
        assert_eq!(s(&r["report"]["kind"]), "project", "{stem}");
        assert_eq!(
            s(&r["report"]["project"]),
            "51000000T000000000001-2023年办公设备购置项目",
            "{stem}"
        );
        assert_eq!(s(&r["report"]["unit"]), "桐川县司法局", "{stem}");
    }
    let sichuan_rows = || {
        vec![
            row("预算执行率", "null", "总额", "10", "9.6"),
            row("产出指标", "数量指标", "购置电脑数量", "30", "30"),
            row("产出指标", "质量指标", "验收合格率", "30", "30"),
            row("效益指标", "社会效益指标", "办公效率提升", "30", "28"),
        ]
    };
    for stem in ["sichuan_form.txt", "sichuan_form_cells.txt"] {
        let r = of(&all, stem);
        assert_eq!(s(&r["budget"]["initial"]), "120000", "{stem}");
        assert_eq!(s(&r["budget"]["adjusted"]), "150000", "{stem}");
        assert_eq!(s(&r["budget"]["executed"]), "144000", "{stem}");
        assert_eq!(rows(r), sichuan_rows(), "{stem}");
        let targets: Vec<(String, String, String)> = r["targets"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| (s(&t["level3"]), s(&t["target"]), s(&t["actual"])))
            .collect();
        assert_eq!(
            targets,
            vec![
                ("购置电脑数量".into(), "≥13台".into(), "13台".into()),
                ("验收合格率".into(), "100%".into(), "100%".into()),
                ("办公效率提升".into(), "明显".into(), "明显".into()),
            ],
            "{stem}"
        );
    }
    assert!(errors(of(&all, "sichuan_form.txt")).is_empty());
    // Its pipes turned into spaces: the empty 度量单位 cell of `定性 明显 明显`
    // left no trace and no column lines up; its rows are the same rows.
    let r = of(&all, "sichuan_form_spaces.txt");
    assert_eq!(s(&r["budget"]["executed"]), "144000");
    assert_eq!(rows(r), sichuan_rows());
    assert!(errors(r).is_empty(), "{:?}", errors(r));
    // The same form unscored, one cell per line with `|` for an empty cell:
    // every row under its columns, 合计 100 the weights' total.
    let r = of(&all, "sichuan_form_unscored");
    assert_eq!(
        rows(r),
        vec![
            row("预算执行率", "null", "总额", "10", "null"),
            row("产出指标", "数量指标", "购置电脑数量", "30", "null"),
            row("产出指标", "质量指标", "验收合格率", "30", "null"),
            row("效益指标", "社会效益指标", "办公效率提升", "30", "null"),
        ]
    );
    let total = &r["score_tables"][0]["stated_total"];
    assert_eq!(
        (s(&total["weight"]), s(&total["score"])),
        ("100".into(), "null".into())
    );
    assert!(errors(r).is_empty(), "{:?}", errors(r));
    // The slip planted in the second rendering: 合计 98.6 for scores giving 97.6.
    assert_eq!(
        errors(of(&all, "sichuan_form_cells")),
        vec![(
            "score.sum".to_string(),
            "98.6".to_string(),
            "97.6".to_string()
        )]
    );

    // A grid of funds pasted as `a | b |` lines: each row's rate checked over
    // its own columns (the planted 91.0 % caught, the others holding), no row
    // taken for the report's budget, no header cell for the project's name;
    // the 其中 opening a sentence lists the sentence before's one level.
    let r = of(&all, "fund_grid");
    assert_eq!(
        errors(r),
        vec![(
            "rate.mismatch".to_string(),
            "91.0".to_string(),
            "90.00".to_string()
        )]
    );
    assert_eq!(
        budget_rows(r, &["adjusted", "executed", "execution_rate_pct"]),
        vec![
            ["校舍维修专项", "5000000", "4500000", "91.0"],
            ["教学设备专项", "3200000", "3120000", "97.5"],
            ["学生资助专项", "1800000", "1800000", "100"],
        ]
    );
    assert_eq!(s(&r["budget"]["adjusted"]), "null");
    assert_eq!(s(&r["budget"]["executed"]), "null");
    assert!(
        !s(&r["report"]["project"]).contains("金额"),
        "{}",
        r["report"]
    );

    // A spending table one cell per line, 合计 under the header, rows listed
    // under numbered rows: the total is the numbered rows' (checked, holding);
    // the slip under 一、基本支出 is the one error, at that row's 执行数.
    let r = of(&all, "nested_rows");
    assert_eq!(
        errors(r),
        vec![(
            "parts.sum".to_string(),
            "114.00".to_string(),
            "114.50".to_string()
        )]
    );
    let items: Vec<String> = r["line_items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| s(&i["name"]))
        .collect();
    assert_eq!(items.len(), 6, "{items:?}");

    // A form one cell per paragraph, its header cells cut in two (`年初` /
    // `预算数`), blank cells a space: every fund row under its own columns.
    let r = of(&all, "split_header_cells");
    assert_eq!(s(&r["budget"]["initial"]), "450000");
    assert_eq!(s(&r["budget"]["adjusted"]), "450000");
    assert_eq!(s(&r["budget"]["executed"]), "378000");
    assert_eq!(s(&r["budget"]["execution_rate_pct"]), "84");
    assert_eq!(
        budget_rows(r, &["executed", "execution_rate_pct"]),
        vec![
            ["年度资金总额", "378000", "84"],
            ["当年财政拨款", "378000", "null"],
        ]
    );
    // Its indicators: a space for an empty cell keeps a row after an empty
    // reason cell (指标2验收合格率) under its columns; `社会效益` / `指标` is one
    // wrapped name; a reason of `0` is nothing to explain.
    assert_eq!(
        rows(r),
        vec![
            row("预算执行率", "null", "年度资金总额", "10", "8"),
            row("产出指标", "数量指标", "维修面积", "20", "20"),
            row("产出指标", "质量指标", "完工率", "10", "10"),
            row("产出指标", "质量指标", "验收合格率", "10", "10"),
            row("效益指标", "社会效益指标", "师生满意度", "30", "28"),
            row("满意度指标", "服务对象满意度指标", "家长满意度", "20", "20"),
        ]
    );
    assert!(errors(r).is_empty(), "{:?}", errors(r));

    // Funds by source with each fund's spending and rate, uses with bare shares,
    // a named rate restated, group scores with their full marks: all consistent.
    let r = of(&all, "funds_and_shares");
    assert_eq!(s(&r["budget"]["executed"]), "4400000");
    assert_eq!(s(&r["report"]["total_score"]), "93.5");
    assert_eq!(
        r["findings"].as_array().map(Vec::len),
        Some(0),
        "{}",
        r["findings"]
    );

    // A department's accounts with a table of two projects by name under its
    // 合计: the table totals them (scope `part`), the budget is the prose's.
    let r = of(&all, "department_accounts");
    assert_eq!(s(&r["budget"]["adjusted"]), "12000000");
    assert_eq!(s(&r["budget"]["executed"]), "11500000");
    let budget_rows = r["budget_rows"].as_array().cloned().unwrap_or_default();
    assert_eq!(budget_rows.len(), 3);
    assert!(
        budget_rows.iter().all(|b| b["scope"] == "part"),
        "{budget_rows:?}"
    );
    assert_eq!(
        r["findings"].as_array().map(Vec::len),
        Some(0),
        "{}",
        r["findings"]
    );

    // Pipes broken over lines: merged 一级/二级 filled down, labels joined.
    let r = of(&all, "pipe_broken");
    assert_eq!(s(&r["report"]["unit"]), "桐川市河湾区档案馆");
    assert_eq!(
        rows(r),
        vec![
            row("投入", "预算编制", "预算编制科学性", "4", "4"),
            row("投入", "预算编制", "基础数据准确性", "2", "2"),
            row("投入", "目标设定", "绩效目标合理性", "5", "4.5"),
            row("投入", "资金管理", "资金到位率", "4", "4"),
        ]
    );
    assert!(errors(r).is_empty(), "{:?}", errors(r));

    // A text layer out of order: the group column named 项目权重, criteria clauses
    // between the rows, a group printed after its middle row's label; the groups'
    // weights (4 = 2 + 2, 10 = 3 + 4 + 3) settle which rows are whose.
    let r = of(&all, "weighted_groups");
    assert_eq!(
        rows(r),
        vec![
            row("项目决策", "null", "立项依据", "2", "2"),
            row("项目决策", "null", "目标设定", "2", "1.5"),
            row("项目管理", "null", "制度建设", "3", "3"),
            row("项目管理", "null", "资金使用", "4", "3.5"),
            row("项目管理", "null", "进度管理", "3", "3"),
        ]
    );
    assert!(errors(r).is_empty(), "{:?}", errors(r));

    // One cell per line, group weights after the group labels, label-amount cells.
    let r = of(&all, "cell_per_line");
    assert_eq!(s(&r["report"]["title"]), "档案数字化项目绩效自评表");
    assert_eq!(s(&r["report"]["unit"]), "桐川市河湾区档案馆");
    assert_eq!(s(&r["budget"]["available"]), "805000");
    assert_eq!(s(&r["budget"]["executed"]), "782500");
    let got = rows(r);
    assert_eq!(got.len(), 6, "{got:?}");
    assert_eq!(got[2], row("项目决策", "决策过程", "决策程序", "7", "6"));
    assert_eq!(got[5], row("项目管理", "组织实施", "管理制度", "12", "11"));
    assert!(errors(r).is_empty(), "{:?}", errors(r));

    // Cells between single spaces: the budget block, then the indicator rows.
    let r = of(&all, "space_rows");
    assert_eq!(s(&r["report"]["title"]), "项目支出绩效自评表(2024年度)");
    assert_eq!(s(&r["report"]["project"]), "河湾区社区养老服务补贴");
    assert_eq!(s(&r["report"]["unit"]), "河湾区养老服务指导中心");
    assert_eq!(s(&r["budget"]["initial"]), "480000");
    assert_eq!(s(&r["budget"]["adjusted"]), "450000");
    assert_eq!(s(&r["budget"]["executed"]), "441000");
    let got = rows(r);
    assert_eq!(
        got[0],
        row("预算执行率", "null", "年度资金总额", "10", "9.8")
    );
    assert_eq!(
        got[2],
        row("产出指标", "质量指标", "补贴发放准确率", "20", "20")
    );
    assert_eq!(got.len(), 5);
    assert!(errors(r).is_empty(), "{:?}", errors(r));

    // Run together: numbers cut where the arithmetic holds.
    let r = of(&all, "run_together");
    assert_eq!(s(&r["report"]["title"]), "绩效目标自评表(2024年度)");
    assert_eq!(s(&r["report"]["project"]), "河湾区农村饮水安全巩固提升工程");
    assert_eq!(s(&r["report"]["unit"]), "河湾区农村供水服务站");
    assert_eq!(s(&r["budget"]["adjusted"]), "300000");
    assert_eq!(s(&r["budget"]["execution_rate_pct"]), "100");
    let got = rows(r);
    assert_eq!(
        got,
        vec![
            row("预算执行率", "null", "年度资金总额", "10", "10"),
            row("产出指标", "数量指标", "改造供水管网", "20", "20"),
            row("产出指标", "质量指标", "工程验收合格率", "20", "20"),
            row("产出指标", "时效指标", "按期完工率", "20", "18"),
            row("效益指标", "社会效益指标", "受益人口数", "20", "20"),
            row("满意度指标", "服务对象满意度指标", "群众满意度", "10", "10"),
        ]
    );
    let targets: Vec<(String, String)> = r["targets"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| (s(&t["target"]), s(&t["actual"])))
        .collect();
    assert_eq!(targets[0], ("≥15公里".to_string(), "≥15公里".to_string()));
    // 总分 90 / 88 is the indicator rows' sum without the budget row: no error.
    assert!(errors(r).is_empty(), "{:?}", errors(r));

    // One cell per line after a 序号 column: one table, the 序号 never a weight.
    let r = of(&all, "numbered_cells");
    assert_eq!(s(&r["report"]["unit"]), "桐川市河湾区统计局");
    assert_eq!(
        rows(r),
        vec![
            row("投入", "预算编制", "预算编制科学性", "10", "9"),
            row("投入", "预算执行", "预算执行率", "10", "10"),
            row("产出", "职责履行", "重点工作完成率", "20", "18"),
        ]
    );
    assert!(errors(r).is_empty(), "{:?}", errors(r));

    // A web page with one paragraph per cell: the same table, the cells' elements kept.
    let r = of(&all, "paragraph_cells");
    assert_eq!(s(&r["report"]["unit"]), "河湾区图书馆");
    assert_eq!(s(&r["report"]["project"]), "图书馆免费开放");
    assert_eq!(
        rows(r),
        vec![
            row("产出指标", "数量指标", "接待读者人次", "30", "30"),
            row("产出指标", "质量指标", "图书完好率", "30", "30"),
            row("满意度指标", "服务对象满意度指标", "读者满意度", "20", "17"),
        ]
    );
    assert!(errors(r).is_empty(), "{:?}", errors(r));

    // Traditional characters with pinyin glosses.
    let r = of(&all, "traditional");
    assert_eq!(s(&r["budget"]["adjusted"]), "860000");
    assert_eq!(s(&r["report"]["kind"]), "project");
    assert_eq!(s(&r["report"]["fiscal_year"]), "2024");

    // Page chrome left out; a change on last year is no whole of its parts.
    let r = of(&all, "web_chrome");
    assert_eq!(
        s(&r["report"]["title"]),
        "2024年度桐川市河湾区档案馆部门(单位)整体支出绩效自评报告"
    );
    assert_eq!(s(&r["report"]["unit"]), "桐川市河湾区档案馆");
    assert_eq!(s(&r["budget"]["initial"]), "1000000");
    assert_eq!(s(&r["budget"]["executed"]), "1183000");
    assert!(errors(r).is_empty(), "{:?}", errors(r));

    // Fund blocks as label-amount lines. The one slip shows twice, as in the real
    // form this shape comes from: 特别扶助's parts give 120.50, not 119.50, and the
    // 合计 block's 本级 29.50 is not 奖励 20.00 + 特别 10.50 = 30.50.
    let r = of(&all, "fund_blocks");
    assert_eq!(s(&r["budget"]["adjusted"]), "3195000");
    let pair = |a: &str, b: &str| ("parts.sum".to_string(), a.to_string(), b.to_string());
    assert_eq!(
        errors(r),
        vec![pair("119.50", "120.50"), pair("29.50", "30.50")]
    );
}

#[test]
fn side_by_side_fund_blocks_are_each_checked_against_their_total() {
    let all = reports();
    let r = of(&all, "side_by_side_funds");
    // The received block's sources fall short of its total while the planned
    // block's same split holds: an error, at the received total.
    let found: Vec<&Value> = r["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["rule"] == "parts.sum")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["severity"], "error");
    assert_eq!(s(&found[0]["stated"]), "842.30");
    assert_eq!(s(&found[0]["computed"]), "840.30");
    let rows = r["budget_rows"].as_array().expect("budget rows");
    let county = rows
        .iter()
        .find(|b| b["label"] == "县财政")
        .expect("县财政 row");
    assert_eq!(s(&county["adjusted"]), "8000000");
    assert_eq!(s(&county["available"]), "7803000");
}

#[test]
fn a_fund_table_between_spaces_reads_every_row_and_its_total_cell_by_cell() {
    let all = reports();
    let r = of(&all, "fund_rates_spaces");
    let got = budget_rows(
        r,
        &["adjusted", "available", "executed", "execution_rate_pct"],
    );
    let want: Vec<Vec<String>> = [
        ["中央资金", "3000000", "3000000", "2856000", "95.20"],
        ["省级资金", "1500000", "1500000", "1425000", "95.00"],
        // Its 支出率 is over the funds received: a row all the same.
        ["县级配套", "500000", "400000", "360000", "90.00"],
        // The 到位率 between 到位数 and 支出数 takes its own column.
        ["合计", "5000000", "4900000", "4641000", "94.71"],
    ]
    .iter()
    .map(|row| row.iter().map(|c| c.to_string()).collect())
    .collect();
    assert_eq!(got, want);
    assert!(errors(r).is_empty(), "{:?}", errors(r));
    // The total's figures keep their own places, not the label's.
    let total = &r["budget_rows"][3];
    assert_eq!(
        total["sources"]["executed"]["chars"],
        serde_json::json!([24, 30])
    );
}

#[test]
fn a_sangong_table_headed_by_years_and_a_summary_by_group_between_spaces() {
    let all = reports();
    let r = of(&all, "sangong_spaces");
    // Columns headed `2024年预算数` are columns, and the caption (`…情况表`) none.
    let items: Vec<(String, String, String)> = r["line_items"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|i| (s(&i["name"]), s(&i["budget"]), s(&i["executed"])))
        .collect();
    assert_eq!(items.len(), 5, "{items:?}");
    assert_eq!(
        items[3],
        (
            "公务用车运行维护费".into(),
            "180000".into(),
            "162000".into()
        )
    );
    // The group summary is a score table of its groups, its 得分率 no score.
    let got = rows(r);
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[1], row("部门管理", "null", "null", "20", "17.50"));
    assert!(errors(r).is_empty(), "{:?}", errors(r));
    assert_eq!(
        s(&r["budget"]["adjusted"]),
        "null",
        "a 三公 row is no budget of the whole"
    );
}

#[test]
fn a_department_form_reads_both_splits_of_its_total() {
    let all = reports();
    let r = of(&all, "department_form_pipes");
    let got = budget_rows(r, &["group", "adjusted", "executed", "execution_rate_pct"]);
    let labels: Vec<&str> = got.iter().map(|row| row[0].as_str()).collect();
    assert_eq!(
        labels,
        [
            "年度资金总额",
            "一般公共预算",
            "政府性基金",
            "其他资金",
            "基本支出",
            "项目支出"
        ]
    );
    // The group cell run into the label is the row's group.
    assert_eq!(got[1][1], "按收入性质分");
    assert_eq!(got[4][1], "按支出性质分");
    assert_eq!(got[5][2..], ["5000000", "4746900", "94.94"]);
    assert!(errors(r).is_empty(), "{:?}", errors(r));
    // Both splits are checked against the total, in every column.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/shapes/department_form_pipes.txt"),
    )
    .expect("fixture");
    let report = jixiao_extract::extract(&jixiao_ingest::read(text.as_bytes()).expect("text"));
    let (_, checks) = jixiao_validate::check_traced(&report);
    for n in ["2 parts", "3 parts"] {
        assert!(
            checks
                .iter()
                .any(|c| c.relation == format!("年度资金总额 全年执行数 = {n}")
                    && c.verdict == jixiao_validate::Verdict::Consistent),
            "{checks:?}"
        );
    }
}

#[test]
fn a_fund_tables_received_rate_is_its_funds_received_over_the_plan() {
    let all = reports();
    let r = of(&all, "fund_rates_spaces");
    let got = budget_rows(r, &["received_rate_pct"]);
    assert_eq!(got[2], ["县级配套", "80.00"]);
    assert_eq!(got[3], ["合计", "98.00"]);
    // Altered beyond rounding, the rate is an error at its cell.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/shapes/fund_rates_spaces.txt"),
    )
    .expect("fixture")
    .replace("40.00 80.00%", "40.00 82.00%");
    let report = jixiao_extract::extract(&jixiao_ingest::read(text.as_bytes()).expect("text"));
    let found: Vec<_> = jixiao_validate::check(&report)
        .into_iter()
        .filter(|f| f.rule == "rate.mismatch")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].message.contains("县级配套 到位率 stated 82.00%"),
        "{}",
        found[0].message
    );
}

#[test]
fn an_indicator_tables_completion_rates_one_cell_per_line_and_a_wide_form_between_spaces() {
    let all = reports();
    // Targets and values in %: every row in its columns, each 完成率 with it.
    let r = of(&all, "indicator_completion_cells");
    let got = fields(
        &r["score_tables"][0]["items"],
        &["level3", "weight", "score", "completion_rate_pct"],
    );
    assert_eq!(got.len(), 6, "{got:?}");
    assert_eq!(got[1], ["验收合格率", "20", "20", "100"]);
    assert_eq!(got[4], ["受益人口", "20", "19.6", "98"]);
    assert!(errors(r).is_empty(), "{:?}", errors(r));
    // 新疆's wide form: last year's value and the rule's text are no columns
    // of this year's; each row once, its weight and score its own.
    // (The 指标值设置依据 beside the target is no part of it: the 完成率 is
    // then judged over the target alone.)
    let r = of(&all, "wide_form_spaces");
    let got = fields(
        &r["score_tables"][0]["items"],
        &["level3", "target", "actual", "score", "completion_rate_pct"],
    );
    assert_eq!(
        got,
        [
            ["补贴发放及时率", "≥95%", "96%", "10", "101.05"],
            ["数据质量提升", "≥90%", "93%", "20", "103.33"],
        ]
    );
    assert!(errors(r).is_empty(), "{:?}", errors(r));
}

#[test]
fn a_scoring_table_with_a_weight_after_each_level_in_pipes_and_one_cell_per_line() {
    let all = reports();
    for stem in [
        "level_weights.txt",
        "level_weights_cells.txt",
        "level_weights_spaces.txt",
    ] {
        let r = of(&all, stem);
        let items = rows(r);
        assert_eq!(items.len(), 14, "{stem}: {items:?}");
        // The 分值 after the 三级指标 is the row's; a reason is no part of the
        // next row's names.
        assert_eq!(
            items[3],
            (
                "部门决策".into(),
                "预算编制".into(),
                "重点支出安排率".into(),
                "6".into(),
                "6".into()
            ),
            "{stem}"
        );
        assert_eq!(items[5].2, "结转结余率", "{stem}");
        // The 分值 after the 一级 and 二级 columns are the groups' weights.
        let groups = fields(
            &r["score_tables"][0]["group_weights"],
            &["level", "name", "weight"],
        );
        for want in [
            ["1", "部门管理", "30"],
            ["2", "预算编制", "12"],
            ["2", "职责履行", "30"],
        ] {
            assert!(
                groups
                    .iter()
                    .any(|g| g[0] == want[0] && g[1].starts_with(want[1]) && g[2] == want[2]),
                "{stem}: {want:?} in {groups:?}"
            );
        }
        // The 合计 row's score is its last number, not a level's 100.
        assert_eq!(
            s(&r["score_tables"][0]["stated_total"]["score"]),
            "92.78",
            "{stem}"
        );
        assert!(errors(r).is_empty(), "{stem}: {:?}", errors(r));
    }
}

#[test]
fn a_tables_balance_and_change_columns_are_the_difference_of_its_two_amounts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/shapes");
    // (Pipes turned into spaces, the first table's 合计 printed under its
    // 序号 and its figures one column short of their own: a row whose
    // name's cell holds a figure takes part in nothing.)
    for (stem, balances, rates) in [
        ("differences.txt", 9, 7),
        ("differences_cells.txt", 9, 7),
        ("differences_spaces.txt", 8, 6),
    ] {
        let text = std::fs::read_to_string(dir.join(stem)).expect("fixture");
        let check = |text: &str| {
            let report =
                jixiao_extract::extract(&jixiao_ingest::read(text.as_bytes()).expect("text"));
            jixiao_validate::check_traced(&report)
        };
        let (findings, checks) = check(&text);
        assert!(findings.is_empty(), "{stem}: {findings:?}");
        // Each row's 结余 / 增减额 and its rate, the totals' too, hold.
        let holding = |rule: &str, words: &[&str]| {
            checks
                .iter()
                .filter(|c| {
                    c.rule == rule
                        && c.verdict == jixiao_validate::Verdict::Consistent
                        && words.iter().any(|w| c.relation.contains(w))
                })
                .count()
        };
        assert_eq!(
            holding("balance.mismatch", &["结余", "增减额"]),
            balances,
            "{stem}: {checks:?}"
        );
        assert_eq!(
            holding("rate.mismatch", &["结余比例", "增减率"]),
            rates,
            "{stem}: {checks:?}"
        );
        // An altered balance, and an altered change rate, are each one error at their cell.
        for (right, wrong, rule, row) in [
            ("26.28", "16.28", "balance.mismatch", "人居环境整治"),
            ("-24.00%", "-14.00%", "rate.mismatch", "公务接待费"),
            ("73.68", "63.68", "balance.mismatch", "合计"),
        ] {
            let (findings, _) = check(&text.replace(right, wrong));
            let errors: Vec<_> = findings
                .iter()
                .filter(|f| f.severity == jixiao_model::Severity::Error)
                .collect();
            assert_eq!(errors.len(), 1, "{stem} with {wrong}: {findings:?}");
            assert_eq!(errors[0].rule, rule, "{stem} with {wrong}");
            assert!(
                errors[0].message.starts_with(row),
                "{stem}: {:?}",
                errors[0]
            );
        }
    }
    // A 增减额 beside a third amount (last year's 决算数) may be of any two: the
    // rows say which (each row's change is the two years' 决算's difference).
    let text = std::fs::read_to_string(dir.join("sangong_spaces.txt")).expect("fixture");
    let report = jixiao_extract::extract(&jixiao_ingest::read(text.as_bytes()).expect("text"));
    let (f, checks) = jixiao_validate::check_traced(&report);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "公务接待费 增减额 |6.30 − 5.16| = 1.14"
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
}

#[test]
fn a_tables_outline_rows_and_its_percent_headed_rates_are_read() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/shapes");
    for stem in [
        "outline_tables.txt",
        "outline_tables_spaces.txt",
        "outline_tables_cells.txt",
    ] {
        let text = std::fs::read_to_string(dir.join(stem)).expect("fixture");
        let check = |text: &str| {
            let report =
                jixiao_extract::extract(&jixiao_ingest::read(text.as_bytes()).expect("text"));
            jixiao_validate::check_traced(&report)
        };
        let (findings, checks) = check(&text);
        assert!(findings.is_empty(), "{stem}: {findings:?}");
        let holds = |relation: &str| {
            checks.iter().any(|c| {
                c.relation.contains(relation) && c.verdict == jixiao_validate::Verdict::Consistent
            })
        };
        // The numbered rows are the total's parts; the unnumbered ones under a
        // numbered row are its own.
        for relation in [
            "一、基本支出 全年预算数 ≥ the 2 rows under it",
            "合计 全年预算数 = the 2 rows above it",
            "合计 2389.45 / 2446.95 = 97.65%",
            "饮水安全巩固提升 265.30 / 280.00 = 94.75%",
            // Under a caption naming its 得分 (`表6 绩效评价得分情况`).
            "4 scores add up to 合计 88.5",
            "产出 得分率 36.2 / 40 = 90.50%",
        ] {
            assert!(holds(relation), "{stem}: {relation} in {checks:?}");
        }
        // Each altered figure is one error, on its row.
        for (right, wrong, rule, row) in [
            ("1,372.80", "1,382.80", "parts.sum", "一、基本支出"),
            ("2,446.95", "2,456.95", "parts.sum", "合计"),
            ("| 97.65", "| 96.65", "rate.mismatch", "合计"),
            (" 97.65", " 96.65", "rate.mismatch", "合计"),
            ("94.75", "96.75", "rate.mismatch", "饮水安全巩固提升"),
            ("36.2", "38.2", "score.sum", ""),
        ] {
            if !text.contains(right) {
                continue;
            }
            let (findings, _) = check(&text.replacen(right, wrong, 1));
            let errors: Vec<_> = findings
                .iter()
                .filter(|f| f.severity == jixiao_model::Severity::Error && f.rule == rule)
                .collect();
            assert!(
                errors.iter().any(|f| f.message.starts_with(row)),
                "{stem} with {wrong}: {findings:?}"
            );
        }
    }
}

#[test]
fn a_table_of_two_years_is_checked_by_its_change_and_its_totals() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/shapes");
    for stem in ["year_tables.txt", "year_tables_spaces.txt"] {
        let text = std::fs::read_to_string(dir.join(stem)).expect("fixture");
        let read = |text: &str| {
            let report =
                jixiao_extract::extract(&jixiao_ingest::read(text.as_bytes()).expect("text"));
            let (findings, checks) = jixiao_validate::check_traced(&report);
            (report, findings, checks)
        };
        let (report, findings, checks) = read(&text);
        assert!(findings.is_empty(), "{stem}: {findings:?}");
        // Two tables of two years; the rates by year and the three years are none.
        assert_eq!(report.year_tables.len(), 2, "{stem}");
        // Their rows are no projects: an earlier year's figure is no budget.
        assert!(
            report.line_items.is_empty(),
            "{stem}: {:?}",
            report.line_items
        );
        let holds = |relation: &str| {
            checks.iter().any(|c| {
                c.relation.contains(relation) && c.verdict == jixiao_validate::Verdict::Consistent
            })
        };
        for relation in [
            "合计 2022年决算数 = 3 rows",
            "合计 2023年决算数 = 3 rows",
            "2.公务用车购置及运行维护费 2023年决算数 ≥ the 2 rows under it",
            "公务用车运行维护费 增减率 |13.18 − 10.11| / 13.18 = 23.29%",
            "本年收入合计 上年数 = 3 rows",
            "其他收入 增减变化 |12.48 − 9.30| = 3.18",
            "本年收入合计 增减率（%） |4267.84 − 4493.32| / 4267.84 = 5.28%",
        ] {
            assert!(holds(relation), "{stem}: {relation} in {checks:?}");
        }
        assert!(
            !checks.iter().filter(|c| c.rule != "rate.bounds").any(|c| [
                "满意度",
                "执行率",
                "基本支出"
            ]
            .iter()
            .any(|w| c.relation.contains(w))),
            "{stem}: rates by year and three years are no year table: {checks:?}"
        );
        // Each altered figure is one error, on its row.
        for (right, wrong, rule, row) in [
            ("31.40", "31.04", "parts.sum", "合计 2022年决算数"),
            ("-23.29%", "-32.29%", "rate.mismatch", "公务用车运行维护费"),
            (
                "27.08",
                "27.80",
                "balance.mismatch",
                "2.公务用车购置及运行维护费",
            ),
            ("4,493.32", "4,439.32", "parts.sum", "本年收入合计 本年数"),
            ("-25.48", "-52.48", "rate.mismatch", "其他收入"),
        ] {
            let (_, findings, _) = read(&text.replacen(right, wrong, 1));
            let errors: Vec<_> = findings
                .iter()
                .filter(|f| f.severity == jixiao_model::Severity::Error && f.rule == rule)
                .collect();
            assert!(
                errors.iter().any(|f| f.message.starts_with(row)),
                "{stem} with {wrong}: {findings:?}"
            );
        }
    }
}

#[test]
fn an_indicator_header_printed_in_two_rows_reads_its_rows_in_every_copy() {
    // `绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分` over `一级指标 | 二级指标 |
    // 三级指标 | 指标性质 | 指标值 | 度量单位`: one header; rows under a merged
    // 一级 print without it (the pipe copy) or lose their empty cells (the spaced
    // one). Before, the pipe copy read `≥` as a 三级 and the spaced one added up
    // three rows, crying wolf on a 总分 that holds.
    let all = reports();
    let expected = vec![
        row("预算执行率", "null", "年度资金总额", "10.00", "9.60"),
        row("产出指标", "数量指标", "养护农村公路里程", "20.00", "20.00"),
        row("产出指标", "质量指标", "路面技术状况优良率", "20", "18.5"),
        row(
            "产出指标",
            "时效指标",
            "养护任务完成及时率",
            "10.00",
            "10.00",
        ),
        row(
            "效益指标",
            "社会效益指标",
            "群众出行条件改善",
            "30.00",
            "28.00",
        ),
        row(
            "满意度指标",
            "服务对象满意度指标",
            "沿线群众满意度",
            "10.00",
            "10.00",
        ),
    ];
    // (And as a web page copies it, rows broken over lines inside their cells.)
    for stem in [
        "two_row_header_pipes",
        "two_row_header_spaces",
        "two_row_header_breaks",
    ] {
        assert_eq!(rows(of(&all, stem)), expected, "{stem}");
    }
    let breaks = of(&all, "two_row_header_breaks");
    assert!(errors(breaks).is_empty(), "{:?}", errors(breaks));
    assert_eq!(
        s(&breaks["budget"]["executed"]),
        "350400",
        "the budget row's header read whole"
    );
    let pipes = of(&all, "two_row_header_pipes");
    assert!(errors(pipes).is_empty(), "{:?}", errors(pipes));
    let targets = fields(&pipes["targets"], &["level3", "target", "actual"]);
    assert_eq!(
        targets[1],
        vec!["路面技术状况优良率", "≥85%", "83%"],
        "the sign, value and unit columns make one target"
    );
    // The spaced copy's planted slip: 总分 97.10 where the rows give 96.10.
    assert_eq!(
        errors(of(&all, "two_row_header_spaces")),
        vec![(
            "score.sum".to_string(),
            "97.10".to_string(),
            "96.10".to_string()
        )]
    );
}

#[test]
fn a_forms_unused_numbered_slots_and_group_weights_on_lines_of_their_own_leave_its_rows_whole() {
    // `指标2：` and `……` after every indicator, `(50分)` alone on a line, a row
    // without 指标值 and 完成值: every row is read, so 总分 holds; before, four
    // rows were read and 总分 cried wolf.
    let all = reports();
    let r = of(&all, "numbered_slots_spaces");
    assert!(errors(r).is_empty(), "{:?}", errors(r));
    let read: Vec<(String, String, String)> = rows(r)
        .into_iter()
        .map(|(_, _, l3, w, s)| (l3, w, s))
        .collect();
    assert_eq!(read.len(), 10, "{read:?}");
    assert!(
        read.contains(&("维护工程验收合格".into(), "10".into(), "8".into())),
        "{read:?}"
    );
    assert!(
        read.contains(&("受益农户满意度".into(), "10".into(), "10".into())),
        "{read:?}"
    );
    assert!(
        read.iter().all(|(l3, ..)| !l3.starts_with("指标")),
        "{read:?}"
    );
    // The planted slip: 总分 90 where the rows give 98.
    assert_eq!(
        errors(of(&all, "numbered_slots_slip")),
        vec![("score.sum".to_string(), "90".to_string(), "98".to_string())]
    );
}
