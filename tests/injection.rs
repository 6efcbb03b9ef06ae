//! Error injection: take clean relations of the seed reports (gold's
//! `consistent` lists), alter one printed number beyond rounding, and see that
//! a finding about it appears. Prints the catch rate; asserts the relations
//! the catalogue covers are all caught and nothing is flagged before the change.

use std::path::Path;

use jixiao_model::Finding;

fn findings(text: &str) -> Vec<Finding> {
    let doc = jixiao_ingest::read(text.as_bytes()).expect("readable");
    let report = jixiao_extract::extract(&doc);
    jixiao_validate::check(&doc, &report)
}

fn fixture(stem: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let name = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .find(|n| n.starts_with(stem) && n.ends_with(".txt"))
        .unwrap();
    std::fs::read_to_string(dir.join(name)).unwrap()
}

/// (seed, relation from gold `consistent`, printed text, altered text, covered by the catalogue)
const CASES: &[(&str, &str, &str, &str, bool)] = &[
    (
        "000",
        "437.61 / 438.41 = 99.82%",
        "项目资金执行率为 99.82%",
        "项目资金执行率为 99.52%",
        true,
    ),
    (
        "000",
        "table 合计 = sum of rows",
        "合计⇥⇥⇥⇥100⇥97.32",
        "合计⇥⇥⇥⇥100⇥97.62",
        true,
    ),
    (
        "000",
        "score 4.99 = 5 x 99.82%",
        "⇥⇥预算执行率⇥100%⇥5⇥4.99",
        "⇥⇥预算执行率⇥100%⇥5⇥4.49",
        true,
    ),
    (
        "000",
        "40 - 1.67 = 38.33",
        "实际得分合计 38.33 分",
        "实际得分合计 37.33 分",
        true,
    ),
    (
        "001",
        "58.43 / 62.44 = 93.58%",
        "日常公用经费控制率为 93.58%。不符合",
        "日常公用经费控制率为 93.28%。不符合",
        true,
    ),
    (
        "001",
        "2484.56 / 2546.70 = 97.56%",
        "总执行率为 97.56%",
        "总执行率为 97.86%",
        true,
    ),
    (
        "001",
        "12.67 + 1109.66 = 1122.33",
        "资产合计为 1122.33 万元",
        "资产合计为 1102.33 万元",
        true,
    ),
    (
        "001",
        "870.54 + 62.44 = 932.98",
        "其中：基本支出932.98万元",
        "其中：基本支出902.98万元",
        true,
    ),
    (
        "001",
        "997.71 / 1009.59 = 98.82%",
        "政府采购执行率为 98.82%",
        "政府采购执行率为 98.52%",
        false,
    ),
    (
        "001",
        "14 / 26 = 53.85%",
        "在职人员总数 26 人，编外人员控制率为 53.85%",
        "在职人员总数 26 人，编外人员控制率为 58.35%",
        true,
    ),
    (
        "002",
        "30934.63 + 8129.21 + 242854.12 = 281917.96",
        "2022年预算收入281917.96万元",
        "2022年预算收入281817.96万元",
        true,
    ),
    (
        "002",
        "1664.84 + 280253.12 = 281917.96",
        "2022年支出预算281917.96万元",
        "2022年支出预算281907.96万元",
        true,
    ),
    (
        "002",
        "90.62 + 257142.61 = 257233.23",
        "较2021年预算增加257233.23万元",
        "较2021年预算增加257033.23万元",
        true,
    ),
    (
        "003",
        "112.33 / 116.62 = 96.32%",
        "\n行率 96.32%",
        "\n行率 96.82%",
        true,
    ),
    (
        "003",
        "table 合计 = sum of rows",
        "100 97.80",
        "100 98.30",
        true,
    ),
    (
        "003",
        "2.20 + 114.42 = 116.62",
        "本年度财政收入 114.42 万元",
        "本年度财政收入 124.42 万元",
        true,
    ),
    (
        "004",
        "表1-3 合计 = 95",
        "合计⇥⇥⇥95.00",
        "合计⇥⇥⇥95.50",
        true,
    ),
    (
        "004",
        "260.00 - 1.10 = 258.90",
        "年中发生资金调整1.10万元",
        "年中发生资金调整1.40万元",
        true,
    ),
];

#[test]
fn altered_clean_relations_are_caught() {
    let mut caught = 0;
    let mut missed = Vec::new();
    for (seed, relation, from, to, covered) in CASES {
        let original = fixture(seed).replace('\t', "⇥");
        assert!(
            original.contains(from),
            "{seed}: the text no longer has {from:?}"
        );
        let before = findings(&original.replace('⇥', "\t"));
        let after = findings(&original.replacen(from, to, 1).replace('⇥', "\t"));
        let new: Vec<&Finding> = after
            .iter()
            .filter(|f| {
                !before
                    .iter()
                    .any(|b| b.rule == f.rule && b.stated == f.stated && b.location == f.location)
            })
            .collect();
        if new.is_empty() {
            missed.push(format!("{seed}: {relation}"));
            assert!(
                !covered,
                "{seed}: altering {relation} ({from} → {to}) raised no finding"
            );
        } else {
            caught += 1;
        }
    }
    println!(
        "error injection: caught {caught} of {} altered relations; missed: {missed:?}",
        CASES.len()
    );
    assert!(
        caught * 100 >= CASES.len() * 75,
        "catch rate fell below 75%"
    );
}
