//! Every rule: a positive case taken from a real seed report, and a clean
//! counter-example that must stay silent.

use jixiao_model::{Finding, Severity};

mod common;

fn check(text: &str) -> Vec<Finding> {
    let doc = jixiao_ingest::read(text.as_bytes()).expect("readable text");
    let report = jixiao_extract::extract(&doc);
    jixiao_validate::check(&report)
}

fn of<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

fn stated(f: &Finding) -> String {
    f.stated
        .map(|d| d.normalize().to_string())
        .unwrap_or_default()
}

/// Checks `text` (with its trace) as the pipeline does.
fn traced(text: &str) -> (Vec<Finding>, Vec<jixiao_validate::Check>) {
    let doc = jixiao_ingest::read(text.as_bytes()).expect("readable text");
    jixiao_validate::check_traced(&jixiao_extract::extract(&doc))
}

/// `text` raises no finding, and `rule` recognised a relation in it that holds
/// (`relation` in its words); with `right` replaced by `wrong`, `rule` raises
/// exactly one finding, returned.
fn holds_then_fails(rule: &str, relation: &str, text: &str, right: &str, wrong: &str) -> Finding {
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{text}: {f:?}");
    assert!(
        checks.iter().any(|c| c.rule == rule
            && c.relation.contains(relation)
            && c.verdict == jixiao_validate::Verdict::Consistent),
        "{text}: {checks:?}"
    );
    let f = check(&text.replace(right, wrong));
    let hits = of(&f, rule);
    assert_eq!(hits.len(), 1, "{text} with {wrong}: {f:?}");
    hits[0].clone()
}

#[test]
fn every_rule_in_the_catalogue_is_tested_here() {
    let ids: Vec<&str> = jixiao_validate::CATALOGUE.iter().map(|r| r.id).collect();
    let this = include_str!("catalogue.rs");
    for id in ids {
        assert!(
            this.contains(&format!("fn {}", id.replace('.', "_"))),
            "no test for {id}"
        );
    }
}

const TABLE_HEAD: &str = "一级指标\t二级指标\t三级指标\t权重\t得分\n";

#[test]
fn score_sum() {
    // 004 附表: rows add up to 94.0, 合计 says 95.0.
    let bad = format!("{TABLE_HEAD}产出\t产出数量\t实际完成率\t12\t11.0\n\t产出质量\t质量达标率\t6\t6.0\n\t产出时效\t完成及时性\t6\t4.0\n合计得分\t\t\t\t22.0\n");
    let f = check(&bad);
    let hits = of(&f, "score.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
    assert_eq!(stated(hits[0]), "22");
    let good = bad.replace("22.0", "21.0");
    assert!(of(&check(&good), "score.sum").is_empty());
}

#[test]
fn score_total() {
    // 000's conclusion: the groups' scores and the total, and the table's 合计.
    let text = |total: &str| {
        format!("本项目决策部分得分 19 分，过程部分得分 19.99 分，产出部分得分 38.33 分，效益部分得分 20 分，总体评价得分 {total} 分，评价结果为优。\n{TABLE_HEAD}决策\t项目立项\t立项依据充分性\t20\t19\n过程\t资金管理\t资金到位率\t20\t19.99\n产出\t产出数量\t实际完成率\t40\t38.33\n效益\t项目效益\t社会效益\t20\t20\n合计\t\t\t100\t97.32\n")
    };
    assert!(of(&check(&text("97.32")), "score.total").is_empty());
    let f = check(&text("97.42"));
    let hits = of(&f, "score.total");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
    assert_eq!(stated(hits[0]), "97.42");
    // The groups listed before it add up to 97.32 too: parts.sum says so.
    assert!(
        of(&f, "parts.sum").iter().any(|h| stated(h) == "97.42"),
        "{f:?}"
    );
}

#[test]
fn rate_bounds_of_a_share_of_one_set() {
    for (text, right, wrong) in [
        ("共发放问卷400份，受助对象满意度96.5%。", "96.5%", "101.5%"),
        ("救助资金按月足额发放，发放及时率达100%。", "100%", "101%"),
        ("工程验收合格率为98.6%，质量总体良好。", "98.6%", "108.6%"),
    ] {
        let text = format!("二、绩效目标完成情况\n{text}\n");
        let hit = holds_then_fails("rate.bounds", "≤ 100%", &text, right, wrong);
        assert_eq!(hit.severity, Severity::Error);
    }
    // Rates of a plan or a budget may pass all of it; a change is no share;
    // a weight run into its rate (`合格率20100%`) is no slip of one.
    for text in [
        "全年完成培训1,250人次，完成率104.17%。",
        "支出决算为15,486.33万元，完成年初预算的108.60%。",
        "群众满意度较上年提高105%。",
        "质量指标项目验收合格率20100%",
        // (Over an estimated population, residents not registered count.)
        "城乡居民医保参保率102.3%，疫苗接种覆盖率101.5%。",
    ] {
        let (f, _) = traced(&format!("二、绩效目标完成情况\n{text}\n"));
        assert!(f.iter().all(|f| f.rule != "rate.bounds"), "{text}: {f:?}");
    }
}

#[test]
fn score_bounds() {
    let bad = format!("{TABLE_HEAD}过程\t资金管理\t预算执行率\t5\t5.5\n\t\t资金到位率\t5\t5\n");
    assert_eq!(of(&check(&bad), "score.bounds").len(), 1);
    let good = bad.replace("5.5", "4.99");
    assert!(of(&check(&good), "score.bounds").is_empty());
    // In prose, a score beside its own full marks: bracketed after it, named
    // 满分 before a bare 得分, or bracketed after the group's name.
    for text in [
        "其中：项目决策得分16.5分（满分20分），项目效益得分18分（满分20分）。",
        "项目效益指标满分20分，得分18分；项目产出指标满分40分，得分32.35分。",
        "项目效益（20分）得分18分。",
    ] {
        let text = format!("三、评价结论\n经综合评价，该项目绩效评价得分为87.65分。{text}\n");
        let hit = holds_then_fails(
            "score.bounds",
            "18 within its full marks 20",
            &text,
            "得分18分",
            "得分21分",
        );
        assert_eq!(hit.severity, Severity::Error);
    }
    // A score beside another's full marks is not paired with them.
    let (_, checks) = traced("决策指标满分15分，得分12.50分；过程指标满分25分，得分19.85分。\n");
    assert_eq!(
        checks.iter().filter(|c| c.rule == "score.bounds").count(),
        2,
        "{checks:?}"
    );
    // Nor with the next group's, full marks printed before each score:
    // 28 is 预算管理's of 30, not above 履职效能's 25.
    let (f, checks) = traced("其中：预算执行（满分25分）得23分，预算管理（满分30分）得28分，履职效能（满分25分）得23.5分。\n");
    assert!(f.is_empty(), "{f:?}");
    assert_eq!(
        checks.iter().filter(|c| c.rule == "score.bounds").count(),
        3,
        "{checks:?}"
    );
}

#[test]
fn table_conflict() {
    // 004: 完成及时性 5.00 in 表1-3, 4.0 in 附表.
    let t = |s: &str| {
        format!("{TABLE_HEAD}产出\t产出时效\t完成及时性\t6\t{s}\n\t产出成本\t成本节约率\t6\t6\n\t产出质量\t质量达标率\t6\t6\n")
    };
    let bad = format!("表1-3\n{}\n附表\n{}", t("5.00"), t("4.0"));
    let f = check(&bad);
    let hits = of(&f, "table.conflict");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "5");
    let good = format!("表1-3\n{}\n附表\n{}", t("5.00"), t("5.0"));
    assert!(of(&check(&good), "table.conflict").is_empty());
    // Two projects' tables in a department's report share the generic names
    // only (预算执行率): their scores are of two evaluations.
    let project = |name: &str, output: &str, rate: &str| {
        format!("项目名称：{name}\n{TABLE_HEAD}过程\t资金管理\t预算执行率\t10\t{rate}\n产出\t产出数量\t{output}\t10\t10\n")
    };
    let two = format!(
        "{}\n{}",
        project("农村道路养护项目", "养护里程", "9"),
        project("农村饮水安全项目", "供水管网长度", "8")
    );
    assert!(
        of(&check(&two), "table.conflict").is_empty(),
        "{:?}",
        check(&two)
    );
    // The same indicators under two titles are one evaluation's.
    let same = two.replace("供水管网长度", "养护里程");
    assert_eq!(of(&check(&same), "table.conflict").len(), 1);
}

#[test]
fn value_conflict() {
    // 004: 执行数 285.90 once, 258.90 everywhere else.
    let bad = "本项目全年预算数为258.90万元，截至2022年12月底，项目执行数为285.90万元，预算执行率达100%。\n\n本项目年初预算260.00万元，预算执行数258.90万元，执行率达100%。\n\n本项目当年度预算总额258.90万元，实际支出258.90万元。\n";
    let f = check(bad);
    let hits = of(&f, "value.conflict");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "285.9");
    // The rate is judged on the figure stated everywhere else: no rate finding.
    assert!(of(&f, "rate.mismatch").is_empty(), "{f:?}");
    assert!(of(&check(&bad.replace("285.90", "258.90")), "value.conflict").is_empty());
}

#[test]
fn rate_mismatch() {
    // 001: 13.07 / 13.45 = 97.17%, stated 97.20%: inside the rounding interval → warning.
    let text = "我中心2024年度“三公”经费全年预算安排13.45万元，其中，因公出国（境）费预算为5.85万元。“三公”经费实际支出13.07万元，“三公”经费控制率为97.20%。\n";
    let f = check(text);
    let hits = of(&f, "rate.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
    // A transposed rate (forms 01: 899.63 / 912.40 = 98.60%, stated 98.06%) is an error.
    let bad = "本项目全年预算数为912.40万元，全年执行数为899.63万元，执行率为98.06%。\n";
    let hits = check(bad);
    let hits = of(&hits, "rate.mismatch");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].severity, Severity::Error);
    // Clean (001): 58.43 / 62.44 = 93.58%.
    let good = "我中心2024年度日常公用经费全年预算数为62.44万元，日常公用经费决算数为58.43万元，日常公用经费控制率为93.58%。\n";
    assert!(of(&check(good), "rate.mismatch").is_empty());
    // A rate of a named part over the total of its measure (invented); over
    // a total of another measure (`部门总预算`) it is unsure: nothing.
    holds_then_fails(
        "rate.mismatch",
        "412.5 / 468.3 = 88.08%",
        "重点项目支出412.5万元，项目总支出468.3万元，重点支出安排率88.08%。\n",
        "88.08%",
        "86.08%",
    );
    let other = "重点项目支出412.5万元，部门总预算1,200万元，重点支出安排率88.08%。\n";
    assert!(of(&check(other), "rate.mismatch").is_empty());
    // Amounts received from each source are no 到位率 of one another: the
    // rate is over the plan, stated in another paragraph (no finding; 300 /
    // 500 was called an error).
    let sources = "（一）资金安排。该项目总投资1,860万元。\n（二）资金到位。中央资金到位1,000万元，省级资金到位500万元，县级资金到位300万元，共到位1,800万元，资金到位率96.77%。\n";
    assert!(check(sources).is_empty(), "{:?}", check(sources));
    // Several pairs fit a 资金到位率's words (each source's 到位 over its plan):
    // the overall rate (780 / 800) is none of them, and the nearest is only a
    // guess — it may hold, never fail. (500 / 500 and 490 / 500 were errors.)
    let per_source = "2023年度项目预算资金800万元，其中：市级财政资金500万元，区级财政资金300万元。市级资金到位500万元，区级资金到位280万元，资金到位率97.5%。项目实际支出760万元，其中市级资金支出490万元，区级资金支出270万元，预算执行率95%，资金使用率97.44%。\n";
    let (f, checks) = traced(per_source);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.relation == "760 / 800 = 95%"),
        "{checks:?}"
    );
    // A running total over several years is no base of one year's rate
    // (1330 / 3600 was an error; the rate is over the year's 1,400).
    let years = "2021—2023年，该专项累计安排资金3,600万元，其中2021年1,000万元，2022年1,200万元，2023年1,400万元。2023年资金实际支出1,330万元，执行率95%。\n";
    assert!(
        of(&check(years), "rate.mismatch").is_empty(),
        "{:?}",
        check(years)
    );
    // A running total's own rate is over it.
    holds_then_fails(
        "rate.mismatch",
        "950 / 1000 = 95%",
        "该专项累计下达资金1,000万元，累计支出950万元，执行率95%。\n",
        "执行率95%",
        "执行率85%",
    );
    // A full-year budget stated beside what was spent is the rate's base,
    // though another paragraph's budget figure would give the rate (the
    // leniency for plans is for rates over the funds received).
    let beside = "全年预算调整后收入3,015.42万元，较年初增加658.62万元。\n\n全年预算数3,015.42万元，执行数2,968.15万元，预算执行率98.43%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "2968.15 / 3015.42 = 98.43%",
        beside,
        "全年预算数3,015.42",
        "全年预算数3,025.42",
    );
    assert_eq!(hit.severity, Severity::Error);
    // A 支付率 of a project's payments over its contract (invented).
    holds_then_fails(
        "rate.mismatch",
        "256 / 320 = 80%",
        "合同金额320万元，已支付工程进度款256万元，支付率80%。\n",
        "80%",
        "85%",
    );
}

#[test]
fn rate_mismatch_of_a_bare_adjustment_rate_is_the_reports() {
    // 004: the change stated beside the rate, over the report's 年初预算.
    let text = "本项目年初预算数为260.00万元，全年预算数为258.90万元。\n\n本项目资金调整涉及调剂1.10万元至其他科目，预算调整率0.42%，在可控范围内。\n";
    let hit = holds_then_fails("rate.mismatch", "1.10 / 260", text, "0.42%", "0.52%");
    assert_eq!(hit.severity, Severity::Error);
    // No change stated: the budgets' difference, and only ever a warning.
    let text = "本项目年初预算数为260.00万元，全年预算数为258.90万元。\n\n年中根据实际需求调整项目预算，调整率0.42%。\n";
    let hit = holds_then_fails("rate.mismatch", "|258.90 − 260.00|", text, "0.42%", "0.62%");
    assert_eq!(hit.severity, Severity::Warning);
    // Adjustments both ways: which the rate counts is not said, so it is not judged.
    let text = "本部门年初预算1000.00万元，调整后预算1020.00万元。\n\n本年追加预算100.00万元，调减80.00万元，预算调整率18.00%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().all(|c| !c.relation.contains("18.00%")),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_warns_of_a_rate_printed_as_100_over_more_than_the_budget() {
    // Spending over the budget, the rate printed as the scoring rules cap it:
    // a warning (a mistyped figure reads so too), no error.
    let f = check("一、资金情况\n项目预算1,000万元，实际支出1,020万元，超出部分由单位自有资金解决，预算执行率100%。\n");
    let hits = of(&f, "rate.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
    // Any other rate over more than the budget is still judged.
    let f = check("一、资金情况\n项目预算1,000万元，实际支出1,020万元，预算执行率101%。\n");
    assert_eq!(of(&f, "rate.mismatch").len(), 1, "{f:?}");
    // And under the budget a 100% is wrong.
    let f = check("一、资金情况\n项目预算1,000万元，实际支出980万元，预算执行率100%。\n");
    let hits = of(&f, "rate.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
}

#[test]
fn rate_mismatch_leaves_out_what_was_not_done_and_reads_a_move_between_two_years() {
    // `未支付32万元` names 支付 but is no numerator of the 支付率 (two
    // candidates left the rate unread).
    holds_then_fails(
        "rate.mismatch",
        "468 / 500 = 93.6%",
        "二、资金情况\n预算资金500万元中，已支付468万元，未支付32万元，支付率93.6%。\n",
        "支付率93.6%",
        "支付率94.6%",
    );
    // A move from one year's level to another's (`由2022年的…增加到2023年的…`).
    holds_then_fails(
        "rate.mismatch",
        "(13650 − 12500) / 12500 = 9.2%",
        "三、效益情况\n项目区农户人均可支配收入由2022年的12,500元增加到2023年的13,650元，增长9.2%。\n",
        "增长9.2%",
        "增长9.8%",
    );
    holds_then_fails(
        "balance.mismatch",
        "3.2 − 0.8 = 2.4",
        "三、效益情况\n贫困发生率由2019年的3.2%下降到2023年底的0.8%，下降2.4个百分点。\n",
        "下降2.4个",
        "下降2.6个",
    );
    // Years listed before 分别为, each figure its year's, and the change named
    // by both years (`2023年比2022年增长`).
    holds_then_fails(
        "rate.mismatch",
        "|920 − 850| / 850 = 8.24%",
        "二、支出情况\n2022年、2023年项目支出分别为850万元、920万元，2023年比2022年增长8.24%。\n",
        "增长8.24%",
        "增长9.24%",
    );
    // The years the change names must be the figures' (2021 is none of them).
    let (_, checks) = traced(
        "二、支出情况\n2022年、2023年项目支出分别为850万元、920万元，2023年比2021年增长8.24%。\n",
    );
    assert!(
        checks.iter().all(|c| c.rule != "rate.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_of_the_reports_rate_over_a_tables_total_row() {
    // Invented: the report's amounts are printed only in the table's 合计 row;
    // the rate in prose after it is that row's spending over its budget.
    let text = "二、项目资金情况\n| 资金来源 | 预算数（万元） | 到位数（万元） | 执行数（万元） |\n| 中央资金 | 600.00 | 600.00 | 585.20 |\n| 县级资金 | 240.00 | 190.00 | 176.30 |\n| 合计 | 840.00 | 790.00 | 761.50 |\n项目预算执行率为90.65%，资金使用效益良好。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "合计 761.50 / 840.00 = 90.65%",
        text,
        "执行率为90.65%",
        "执行率为91.65%",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Over the funds received (761.50 / 790.00) it holds as well.
    let (f, _) = traced(&text.replace("90.65%", "96.39%"));
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn formula_mismatch_reads_a_ratio_bracketed_after_its_rate() {
    let text =
        "二、项目资金情况\n项目资金执行率为97.75%（195.5/200），资金到位率100%（含上年结转）。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    let ratios: Vec<&str> = checks
        .iter()
        .filter(|c| c.rule == "formula.mismatch")
        .map(|c| c.relation.as_str())
        .collect();
    assert_eq!(ratios.len(), 1, "{checks:?}");
    assert!(ratios[0].contains("195.5/200"), "{ratios:?}");
    let f = check(&text.replace("195.5/200", "196.5/200"));
    assert_eq!(of(&f, "formula.mismatch").len(), 1, "{f:?}");
}

#[test]
fn rate_mismatch_reads_shares_of_a_named_whole_and_changes_after_a_comparison() {
    // `完成预算的80%`: the amount before it over the amount the name names.
    let share = "二、资金情况\n“三公”经费财政拨款支出预算为10.00万元，支出决算为8.00万元，完成预算的80.00%。\n";
    let (f, checks) = traced(share);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.rule == "rate.mismatch"
            && c.verdict == jixiao_validate::Verdict::Consistent
            && c.relation.starts_with("8.00 / 10.00")),
        "{checks:?}"
    );
    let f = check(&share.replace("决算为8.00", "决算为8.50"));
    assert_eq!(of(&f, "rate.mismatch").len(), 1, "{f:?}");
    // A whole named with its two words the other way round (`到位资金` of
    // `资金到位`); none named as what was not (`资金未到位`).
    let text = "截至评价日，资金到位2,214万元，到位率90.00%；实际完成投资2,098.60万元，占到位资金的94.79%。\n";
    holds_then_fails("rate.mismatch", "2098.60 / 2214", text, "94.79%", "95.79%");
    let (_, checks) = traced(&text.replace("资金到位2,214万元，到位率90.00%", "资金未到位246万元"));
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("2098.60 /")),
        "{checks:?}"
    );
    // `与2023年相比，收、支总计各增加…，增长…%`: a change, its clause after the comparison.
    let change = "一、收支情况\n2024年度收、支总计均为1523.26万元。与2023年相比，收、支总计各增加100.00万元，增长7.03%。\n";
    let (f, checks) = traced(change);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.rule == "rate.mismatch"
            && c.verdict == jixiao_validate::Verdict::Consistent
            && c.relation.contains("1523.26 − 100")),
        "{checks:?}"
    );
    let f = check(&change.replace("增长7.03%", "增长7.30%"));
    assert_eq!(of(&f, "rate.mismatch").len(), 1, "{f:?}");
}

#[test]
fn rate_mismatch_of_a_share_naming_its_part_before_its_whole() {
    // `支出决算为年初预算的…%`: the part named, then `为` and the whole.
    let hit = holds_then_fails(
        "rate.mismatch",
        "15486.33 / 14260.00 = 108.60%",
        "2023年度一般公共预算财政拨款支出年初预算为14,260.00万元，支出决算为15,486.33万元，支出决算为年初预算的108.60%。\n",
        "108.60%",
        "109.60%",
    );
    assert_eq!(hit.severity, Severity::Warning);
    // A level after `为` is no share (`执行率为96%`: no `的`).
    assert!(!jixiao_model::facts::of_a_named_whole("预算执行率为"));
}

#[test]
fn rate_mismatch_of_a_completion_rate_with_its_plan_in_brackets_after_it() {
    // Invented: the plan bracketed after the 完成率, over the one count of its
    // unit since the previous percentage.
    holds_then_fails(
        "rate.mismatch",
        "12.4 / 12 = 103.33%",
        "全年完成道路改造18.6公里，占计划20公里的93%；新建排水管网12.4公里，完成率103.33%（计划12公里）。\n",
        "103.33%",
        "113.33%",
    );
    // The plan beside the one other count of its unit (no 实际 / 完成 word).
    holds_then_fails(
        "rate.mismatch",
        "35 / 30 = 116.67%",
        "新建灌溉渠道35公里，计划30公里，完成率116.67%；推广良种面积12万亩，计划10万亩，完成率120%。\n",
        "116.67%",
        "106.67%",
    );
    // So are ten thousands of square metres (`320万平方米`), no 万 of money.
    holds_then_fails(
        "rate.mismatch",
        "20 / (320 − 20) = 6.67%",
        "全年清扫保洁道路面积320万平方米，较上年增加20万平方米，增长6.67%。\n",
        "6.67%",
        "7.67%",
    );
    // Kilograms are a quantity: a yield's growth is checked.
    holds_then_fails(
        "rate.mismatch",
        "(455 − 420) / 420 = 8.33%",
        "项目区粮食亩产由上年的420公斤提高到455公斤，增长8.33%。\n",
        "8.33%",
        "9.33%",
    );
    // A 合格率's bracket may name what was planned to be tested: not its base.
    let (f, checks) = traced("抽检产品120批次，合格率98.33%（计划抽检100批次）。\n");
    assert!(
        f.is_empty() && checks.iter().all(|c| c.rule != "rate.mismatch"),
        "{f:?} {checks:?}"
    );
}

#[test]
fn rate_mismatch_of_a_completion_rate_over_the_plan_a_paragraph_before_states() {
    // Invented, in the shape of an evaluation summary: the plan in the 概况,
    // what was built and its 完成率 sections on, named by the same words
    // before the number, or after it.
    let text = "一、项目概况\n项目计划建成日间照料中心12个，为3,240名困难老年人提供居家养老服务。\n二、产出情况\n全年建成日间照料中心11个，完成率91.67%；为3,186名困难老年人提供居家养老服务，完成率98.33%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "11 / 12 = 91.67%",
        text,
        "91.67%",
        "92.67%",
    );
    assert_eq!(f.severity, Severity::Warning, "the plan is inferred: {f:?}");
    holds_then_fails(
        "rate.mismatch",
        "3186 / 3240 = 98.33%",
        text,
        "3,186名",
        "3,196名",
    );
    // A plan of something else (another noun) is no base.
    let other = text.replace("全年建成日间照料中心11个", "全年新建老年食堂11个");
    let (f, checks) = traced(&other);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.contains("11 / 12")),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_of_a_parts_share_of_its_budget_listed_after_it() {
    // Invented, in the shape of a 三公 paragraph of a 决算 说明: each part's
    // 完成预算的 over its budget, listed under the 预算 in a later sentence.
    let text = "2023年度“三公”经费支出决算为26.84万元，完成预算的83.88%。其中：公务用车购置及运行费支出决算为19.36万元，完成预算的86.43%；公务接待费支出决算为7.48万元，完成预算的77.92%。2023年度“三公”经费预算为32.00万元，其中公务用车购置及运行费22.40万元，公务接待费9.60万元。\n";
    holds_then_fails(
        "rate.mismatch",
        "19.36 / 22.40 = 86.43%",
        text,
        "86.43%",
        "87.43%",
    );
    holds_then_fails(
        "rate.mismatch",
        "7.48 / 9.60 = 77.92%",
        text,
        "77.92%",
        "76.92%",
    );
}

#[test]
fn rate_mismatch_of_a_rate_over_a_base_a_paragraph_before_states() {
    // Invented, in the shape of a project report: the funds in its 概况, their
    // use and its rates in a later section, the base a list's 合计.
    let text = "一、资金安排情况\n2024年省财政下达专项资金2,400万元，市级配套600万元，合计3,000万元。\n二、资金使用情况\n截至2024年12月31日，各县共拨付资金2,850万元，拨付率95.00%；实际支出2,640万元，支出率88.00%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "2850 / 3000 = 95.00%",
        text,
        "2,850万元",
        "2,950万元",
    );
    assert_eq!(f.severity, Severity::Warning, "{f:?}");
    assert!(f.message.contains("2950 / 合计 3000"), "{f:?}");
    holds_then_fails(
        "rate.mismatch",
        "2640 / 3000 = 88.00%",
        text,
        "88.00%",
        "86.00%",
    );
    // Of several bases (the whole and its parts), whichever gives it; none
    // is judged where every base is smaller than what the rate is a share of.
    let text = "一、项目概况\n项目总投资1,200万元，其中中央财政资金720万元、省级财政资金240万元、县级配套资金240万元。\n二、资金使用情况\n已拨付资金1,080万元，资金拨付率90%；已完成投资1,140.50万元，投资完成率95.04%。\n";
    holds_then_fails(
        "rate.mismatch",
        "1080 / 1200 = 90%",
        text,
        "资金拨付率90%",
        "资金拨付率80%",
    );
    holds_then_fails(
        "rate.mismatch",
        "1140.50 / 1200 = 95.04%",
        text,
        "1,140.50",
        "1,150.50",
    );
    let (f, checks) = traced("一、资金安排情况\n市级安排资金810万元。\n二、资金使用情况\n全年共支出资金6,012.60万元，支出率94.24%。\n");
    assert!(f.is_empty() && checks.is_empty(), "{f:?} {checks:?}");
}

#[test]
fn rate_mismatch_reads_a_counts_change_on_last_year_and_judges_a_move_once() {
    // A count's growth rate is its change over last year's count, as an amount's is.
    let text = "二、产出情况\n新增就业岗位120个，较上年增加20个，增长20%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "20 / (120 − 20)",
        text,
        "增长20%",
        "增长25%",
    );
    assert_eq!(f.severity, Severity::Warning, "{f:?}");
    // A move from a stated figure is judged over that figure alone: one finding, named
    // by what moved.
    let moved = "二、产出情况\n参训人数从2022年的320人增加至450人，增加130人，增长40.63%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "(450 − 320) / 320",
        moved,
        "40.63%",
        "45.63%",
    );
    assert!(f.message.contains("to 参训人数 450人"), "{f:?}");
}

#[test]
fn rate_mismatch_pairs_changes_and_rates_listed_respectively() {
    let text = "一、收支情况\n2024年度收入总计1523.26万元，支出总计1500.00万元，与上年相比分别增加100.00万元、80.00万元，增长7.03%、5.63%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    let held: Vec<&str> = checks
        .iter()
        .filter(|c| c.rule == "rate.mismatch" && c.verdict == jixiao_validate::Verdict::Consistent)
        .map(|c| c.relation.as_str())
        .collect();
    assert!(
        held.iter().any(|r| r.starts_with("80.00 / (1500.00")),
        "{held:?}"
    );
    assert!(
        held.iter().any(|r| r.starts_with("100.00 / (1523.26")),
        "{held:?}"
    );
    let f = check(&text.replace("5.63%", "6.63%"));
    assert_eq!(of(&f, "rate.mismatch").len(), 1, "{f:?}");
    // Shares listed respectively, each of its own amount (a false warning
    // before: both were read as shares of the last amount).
    let shares = "一、收支情况\n本年支出1000.00万元，其中基本支出800.00万元、项目支出200.00万元，分别占本年支出的80.00%和20.00%。\n";
    let (f, checks) = traced(shares);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation.starts_with("800.00 / 1000.00 = 80.00%")
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    let f = check(&shares.replace("和20.00%", "和25.00%"));
    assert_eq!(of(&f, "rate.mismatch").len(), 1, "{f:?}");
    // Names listed before 分别为 and as many amounts after it: each its name's.
    let named = "一、资金情况\n本项目年初预算数、全年预算数、全年执行数分别为100.00万元、120.00万元、114.00万元，预算执行率95.00%。\n";
    let (f, checks) = traced(named);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation.starts_with("114.00 / 120.00")
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    let f = check(&named.replace("114.00万元", "110.00万元"));
    assert_eq!(of(&f, "rate.mismatch").len(), 1, "{f:?}");
    // Levels and changes each listed with their names, the levels' under a
    // year (a 决算's words): the changes pair by place all the same.
    let renamed = "二、收入支出决算总体情况说明\n2022年度收入总计、支出总计分别为4125.49万元、4143.91万元，与上年相比，收入总计、支出总计分别减少1267.86万元、2570.97万元，分别下降23.51%、38.29%。\n";
    let slip = holds_then_fails(
        "rate.mismatch",
        "2570.97 / (4143.91 + 2570.97)",
        renamed,
        "38.29%",
        "38.28%",
    );
    assert!(slip.message.contains("6714.88"), "{slip:?}");
    // The unit printed once, after each list's last number.
    let shared = renamed
        .replace("4125.49万元、", "4125.49、")
        .replace("1267.86万元、", "1267.86、")
        .replace("23.51%、", "23.51、");
    holds_then_fails(
        "rate.mismatch",
        "1267.86 / (4125.49 + 1267.86)",
        &shared,
        "23.51、",
        "23.61、",
    );
    // 各 before a verb says it as 分别 does.
    holds_then_fails(
        "rate.mismatch",
        "2570.97 / (4143.91 + 2570.97)",
        &renamed.replace("分别", "各"),
        "38.29%",
        "38.28%",
    );
    // A part's change in a sentence of its own, naming the part: over that
    // part's level, not over the whole the part is listed in.
    let named_part = "“三公”经费情况\n2023年“三公”经费预算为3328万元。其中，因公出国（境）费50万元，公务接待费478万元，公务用车购置及运行费2800万元。同口径比上年减少830万元，下降20%。其中：因公出国（境）费同口径比上年减少9万元，下降15.3%。\n";
    let slip = holds_then_fails(
        "rate.mismatch",
        "9 / (50 + 9)",
        named_part,
        "下降15.3%",
        "下降16.3%",
    );
    assert_eq!(slip.severity, Severity::Warning, "{slip:?}");
    // Its rate may say the comparison again before its direction.
    let again = named_part.replace(
        "。\n",
        "；公务接待费同口径比上年减少38万元，同口径比上年下降7.4%。\n",
    );
    holds_then_fails(
        "rate.mismatch",
        "38 / (478 + 38)",
        &again,
        "下降7.4%",
        "下降8.4%",
    );
    // One level for two changes: which is whose is unsure.
    let (f, checks) = traced(&text.replace("支出总计1500.00万元，", ""));
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("80.00")),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_reads_a_categorys_subtotal_above_the_total_row() {
    // A 小计 closing a category's rows totals them; the 合计 below totals
    // the rows that are no 小计.
    let table = "表1 分项目资金使用情况（单位：万元）\n| 项目类别 | 项目名称 | 预算数 | 支出数 | 执行率 |\n| 防洪工程 | 河道整治 | 680.00 | 662.40 | 97.41% |\n| 防洪工程 | 堤防加固 | 420.00 | 401.86 | 95.68% |\n| 小计 | | 1,100.00 | 1,064.26 | 96.75% |\n| 农村供水 | 管网改造 | 560.00 | 547.32 | 97.74% |\n| 水土保持 | 坡耕地治理 | 500.00 | 472.94 | 94.59% |\n| 合计 | | 2,160.00 | 2,084.52 | 96.51% |\n";
    holds_then_fails(
        "parts.sum",
        "小计 全年执行数 = 2 parts",
        table,
        "1,064.26 | 96.75%",
        "1,074.26 | 96.75%",
    );
    holds_then_fails(
        "parts.sum",
        "合计 全年预算数 = the 4 rows above it",
        table,
        "2,160.00",
        "2,170.00",
    );
}

#[test]
fn parts_sum_reads_group_scores_before_the_total_score() {
    // Each group with its full marks, the clauses running on past `；`.
    let text = "四、评价结论\n项目决策指标满分20分，得分18.0分；项目过程指标满分20分，得分19.0分；项目产出指标满分40分，得分37.0分；项目效益指标满分20分，得分18.0分，综合得分92.0分。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.rule == "parts.sum"
            && c.relation == "综合得分 totals 4 amounts"
            && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    assert_eq!(
        of(
            &check(&text.replace("综合得分92.0", "综合得分93.0")),
            "parts.sum"
        )
        .len(),
        1
    );
    // Scores after as many full marks making the hundred, the groups unnamed.
    holds_then_fails(
        "parts.sum",
        "综合得分 totals 4 amounts",
        "四、评价结论\n本次评价四类指标权重分别为15分、25分、35分、25分，评价得分分别为13.5分、22分、32.8分、21.5分，综合得分89.8分。\n",
        "32.8分",
        "33.8分",
    );
    // Two groups of four are not all of the total: nothing.
    let (_, checks) =
        traced("四、评价结论\n项目产出指标得分37.0分，项目效益指标得分18.0分，综合得分92.0分。\n");
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
    // Groups named before 分别得分, and scores totalled by 合计.
    for text in [
        "四、评价结论\n项目决策、项目过程、项目产出、项目效益分别得分18.0分、19.0分、37.0分、18.0分，总得分92.0分。\n",
        "四、评价结论\n四项一级指标得分分别为18.0分、19.0分、37.0分、18.0分，合计92.0分。\n",
    ] {
        let (f, checks) = traced(text);
        assert!(f.is_empty(), "{f:?}");
        assert!(
            checks.iter().any(|c| c.rule == "parts.sum" && c.verdict == jixiao_validate::Verdict::Consistent),
            "{checks:?}"
        );
        assert_eq!(of(&check(&text.replace("92.0分", "93.0分")), "parts.sum").len(), 1, "{text}");
    }
}

#[test]
fn parts_sum_reads_rows_numbered_under_a_row_of_no_number_in_a_table_and_in_its_dump() {
    // A template's 经费控制情况 block: 三公经费 over its numbered kinds, 2、出国经费
    // left blank, the next list numbered from 1 again under a row of no figures.
    let table = "单位：万元\n\n| 经费控制情况 | 2020年决算数 | 2021年预算数 | 2021年决算数 |\n| 三公经费 | 31.20 | 52.40 | 40.15 |\n| 1、公务用车购置和维护经费 | 14.60 | 30.00 | 28.35 |\n| 其中：公车购置 | | 18.00 | 18.00 |\n| 公车运行维护 | 14.60 | 12.00 | 10.35 |\n| 2、出国经费 | | | |\n| 3、公务接待 | 16.60 | 22.40 | 11.80 |\n| 项目支出： | | | |\n| 1、业务工作专项 | 812.5 | 300 | 640.22 |\n";
    // The same rows as a PDF's text dump runs them together, blank lines between.
    let dump = "基础数据表 单位:万元 经费控制情况 2020年决算数 2021年预算数 2021年决算数 三公经费 31.20 52.40 40.15\n\n1、公务用车购置和维护经费 14.60 30.00 28.35 其中:公车购置 18.00 18.00 公车运行维护 14.60\n\n12.00 10.35\n\n2、出国经费\n\n3、公务接待 16.60\n\n22.40 11.80 项目支出:\n\n1、业务工作专项 812.5\n\n300 640.22\n";
    for text in [table, dump] {
        let f = holds_then_fails(
            "parts.sum",
            "三公经费 全年预算数 = 2 parts",
            text,
            "22.40",
            "23.40",
        );
        assert_eq!(f.severity, Severity::Error, "{f:?}");
        assert!(f.message.contains("3、公务接待 23.40 = 53.40"), "{f:?}");
        // The earlier year's column adds up too, named by its header.
        let f = holds_then_fails(
            "parts.sum",
            "三公经费 2020年决算数 = 2 parts",
            text,
            "16.60",
            "17.60",
        );
        assert!(
            f.message.starts_with("三公经费 2020年决算数 stated 31.20"),
            "{f:?}"
        );
    }
}

#[test]
fn parts_sum_reads_a_projects_numbered_specials_and_a_qizhong_run_under_a_row_of_no_total() {
    // The template's lines between spaces: the 项目支出's numbered 专项 are
    // its parts; 公用经费's 其中 run is some of it (more than it is wrong).
    let text = "经费控制情况 2022年决算数 2023年预算数 2023年决算数\n项目支出: 2,356.20 2,868.40 2,790.55\n1、业务工作专项 412.00 386.00 371.25\n2、运行维护专项 1,944.20 2,482.40 2,419.30\n公用经费 126.30 132.00 128.46\n其中:办公经费 48.20 50.00 47.92\n水费、电费、差旅费 36.40 38.00 37.15\n会议费、培训费 41.70 44.00 43.39\n";
    let f = holds_then_fails(
        "parts.sum",
        "项目支出: 全年预算数 = 2 parts",
        text,
        "386.00",
        "396.00",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    let f = holds_then_fails(
        "parts.sum",
        "公用经费 全年执行数 ≥ the 3 rows under it",
        text,
        "43.39",
        "53.39",
    );
    assert!(f.message.contains("(more than it)"), "{f:?}");
}

#[test]
fn parts_sum_keeps_a_qizhong_run_that_numbers_its_rows_under_its_row() {
    // `其中：1、人员经费`, `2、公用经费`: the run numbers its own rows; they are
    // 基本支出's, and the 合计 is 基本支出 + 项目支出.
    let text = "单位：万元\n\n| 项目 | 年初预算数 | 全年预算数 | 全年执行数 |\n| 合计 | 500 | 520 | 510 |\n| 基本支出 | 300 | 310 | 305 |\n| 其中：1、人员经费 | 200 | 205 | 204 |\n| 2、公用经费 | 100 | 105 | 101 |\n| 项目支出 | 200 | 210 | 205 |\n";
    let f = holds_then_fails(
        "parts.sum",
        "合计 全年预算数 = 2 parts",
        text,
        "| 210 |",
        "| 220 |",
    );
    assert!(f.message.starts_with("合计 全年预算数 stated 520"), "{f:?}");
    let (_, checks) = traced(text);
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "基本支出 全年执行数 ≥ the 2 rows under it"),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_sets_rows_numbered_under_a_row_apart_from_a_totals_parts() {
    // Two breakdowns under one total (by source, then by nature) with 基本支出's
    // own rows numbered under it: the total is 财政拨款 + 其他资金 and 基本支出 +
    // 项目支出, not all six rows (which read so cried wolf).
    let above = "单位：万元\n\n| 项目 | 年初预算数 | 全年预算数 | 全年执行数 |\n| 年度资金总额 | 500 | 520 | 500 |\n| 其中：财政拨款 | 450 | 470 | 455 |\n| 其他资金 | 50 | 50 | 45 |\n| 基本支出 | 300 | 310 | 300 |\n| （1）人员经费 | 200 | 205 | 200 |\n| （2）公用经费 | 100 | 105 | 100 |\n| 项目支出 | 200 | 210 | 200 |\n";
    let f = holds_then_fails(
        "parts.sum",
        "年度资金总额 全年预算数 = 2 parts",
        above,
        "| 项目支出 | 200 | 210 |",
        "| 项目支出 | 200 | 220 |",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    // A 合计 under them totals the rows of no number.
    let below = "单位：万元\n| 支出功能分类 | 上年决算数 | 本年预算数 | 本年决算数 |\n| 一般公共服务支出 | 120.00 | 130.00 | 128.00 |\n| 1、行政运行 | 100.00 | 110.00 | 108.00 |\n| 2、一般行政管理事务 | 20.00 | 20.00 | 20.00 |\n| 社会保障和就业支出 | 40.00 | 45.00 | 44.00 |\n| 1、行政单位离退休 | 25.00 | 30.00 | 29.00 |\n| 2、机关事业单位基本养老保险缴费支出 | 15.00 | 15.00 | 15.00 |\n| 合计 | 160.00 | 175.00 | 172.00 |\n";
    let f = holds_then_fails(
        "parts.sum",
        "合计 全年预算数 = the 2 rows above it",
        below,
        "175.00",
        "176.00",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
}

#[test]
fn parts_sum_reads_a_total_row_whose_merged_label_lost_its_cells() {
    // A pipe rendering prints the 合计 spanning the group and label columns as
    // one cell: its figures are the last columns' (read from the left, each was
    // one column early and both breakdowns cried wolf).
    let text = "单位：万元\n| 项目 | | 年初预算数 | 全年预算数 | 全年执行数 |\n| 合计 | 1000.00 | 1100.00 | 1050.00 |\n| 按收入性质分 | 一般公共预算 | 900.00 | 1000.00 | 960.00 |\n| | 政府性基金预算 | 100.00 | 100.00 | 90.00 |\n| 按支出性质分 | 基本支出 | 600.00 | 620.00 | 610.00 |\n| | 项目支出 | 400.00 | 480.00 | 440.00 |\n";
    let f = holds_then_fails(
        "parts.sum",
        "合计 全年执行数 = 2 parts",
        text,
        "| 440.00 |",
        "| 445.00 |",
    );
    assert!(
        f.message.starts_with("合计 全年执行数 stated 1050.00"),
        "{f:?}"
    );
    // Or the header's label lost the cell it spanned over the group column:
    // the group rows print one cell more.
    let text = text.replace("| 项目 | | 年初预算数", "| 项目 | 年初预算数");
    let f = holds_then_fails(
        "parts.sum",
        "合计 全年执行数 = 2 parts",
        &text,
        "| 440.00 |",
        "| 445.00 |",
    );
    assert!(f.message.contains("(按支出性质分)"), "{f:?}");
    // A form's budget block, the 项目资金 header over two columns: its fund
    // rows' blank marks (`—`) are cells of figures too.
    let form = "项目支出绩效自评表\n| 项目资金（万元） | | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n| 年度资金总额 | 120.00 | 150.00 | 147.00 | 10 | 98.00% | 9.8 |\n| 其中：当年财政拨款 | 120.00 | 150.00 | 147.00 | — | 98.00% | — |\n| 上年结转资金 | 0 | 0 | 0 | — | — | — |\n| 其他资金 | 0 | 0 | 0 | — | — | — |\n";
    let f = holds_then_fails(
        "parts.sum",
        "年度资金总额 全年执行数 = 3 parts",
        form,
        "| 147.00 | — | 98.00% |",
        "| 146.00 | — | 98.00% |",
    );
    assert!(
        f.message
            .starts_with("年度资金总额 全年执行数 stated 147.00"),
        "{f:?}"
    );
    // Rows of as many cells as the header are read as printed, blank cells
    // blank (a cell stream's row of three figures under six columns).
    let (f, _) = traced("项目资金\n| 项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n| 年度资金总额 | 45.00 | 45.00 | 37.80 | 10 | 84% | 8 |\n| 其中：当年财政拨款 | 45.00 | 45.00 | 37.80 | | | |\n");
    assert!(f.is_empty(), "{f:?}");
    // A row cut off where an excerpt ends holds fewer figures than the value
    // columns: they are the first columns' (read from the right, 210 was the
    // 执行数 and the 合计 cried wolf).
    let cut = "单位：万元\n\n| 项目 | 年初预算数 | 全年预算数 | 全年执行数 |\n| 合计 | 500 | 520 | 515 |\n| 基本支出 | 300 | 310 | 305 |\n| 项目支出 | 200 | 210";
    let (f, checks) = traced(cut);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "合计 全年预算数 = 2 parts"
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_cries_no_wolf_over_a_table_an_excerpt_cut_off() {
    let head = "单位：万元\n\n| 项目 | 年初预算数 | 全年预算数 | 全年执行数 |\n| 年度资金总额 | 500 | 520 | 500 |\n| 其中：财政拨款 | 450 | 470 | 455 |\n";
    // Cut inside the last figure (45 → 4): the figures of the document's last
    // row take part in no shortfall (a pipe row's cells say not which is
    // last); an excess is still found.
    let cut = format!("{head}| 其他资金 | 50 | 50 | 4");
    let (f, _) = traced(&cut);
    assert!(f.is_empty(), "{f:?}");
    let f = check(&format!("{head}| 其他资金 | 60 | 50 | 4"));
    assert_eq!(of(&f, "parts.sum").len(), 1, "{f:?}");
    assert!(of(&f, "parts.sum")[0].message.contains("= 510"), "{f:?}");
    // Cut inside the second breakdown (by nature, after the one by source):
    // the first adds up, the rest is no excess.
    let second = format!("{head}| 其他资金 | 50 | 50 | 45 |\n| 基本支出 | 300 | 310 | 300 |\n| （1）人员经费 | 200 | 205 | 200 |\n| （2）公用经费");
    let (f, checks) = traced(&second);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "年度资金总额 全年预算数 = 2 parts"),
        "{checks:?}"
    );
    // A spaces rendering cut inside a row's last figure (`90.`): its two figures
    // are placed where the breakdown adds up, not right-aligned.
    let spaces = "单位：万元\n项目 年初预算数 全年预算数 全年执行数\n合计 1000.00 1100.00 1050.00\n按收入性质分 一般公共预算 900.00 1000.00 960.00\n政府性基金预算 100.00 100.00 90.";
    let (f, _) = traced(spaces);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn tables_an_excerpt_cut_off_say_nothing_of_what_they_lack() {
    // A per-project table's 合计 above its rows, the rows cut off: only an
    // excess would be certain.
    let rows = "| 序号 | 项目名称 | 预算数 | 执行数 |\n| 合计 | | 300.00 | 290.00 |\n| 1 | 项目A | 100.00 | 95.00 |\n| 2 | 项目B | 120";
    let (f, checks) = traced(rows);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.relation == "合计 预算数 = 2 rows"),
        "{checks:?}"
    );
    // A score table cut inside its last group (no 合计, short of full marks):
    // the prose subtotal of that group is not judged against it.
    let scores = "本项目决策部分得分 29 分。\n一级指标\t二级指标\t三级指标\t权重\t得分\n决策\t项目立项\t立项依据充分性\t10\t10\n\t绩效目标\t绩效目标合理性\t10\t9\n\t资金投入\t预算编制科学性\t10\t1";
    let (f, _) = traced(scores);
    assert!(f.is_empty(), "{f:?}");
    // With its 合计 printed it is whole, and the subtotal is judged.
    let whole = format!(
        "{}0\n合计\t\t\t30\t29\n",
        scores.replace("决策部分得分 29 分", "决策部分得分 25 分")
    );
    assert_eq!(
        of(&check(&whole), "prose.subtotal").len(),
        1,
        "{:?}",
        check(&whole)
    );
}

#[test]
fn parts_sum_places_a_row_a_dump_printed_short_where_the_sums_fit() {
    // `3、公务接待 16.60 22.40`: two figures under three columns, its 2021年决算数
    // blank. Read right-aligned they fail two columns; under 2020 and 2021年预算
    // they hold, so that is where they stand, and no placement fits once
    // one is altered.
    let dump = "基础数据表 单位:万元 经费控制情况 2020年决算数 2021年预算数 2021年决算数 三公经费 31.20 52.40 28.35\n\n1、公务用车购置和维护经费 14.60 30.00 28.35\n\n3、公务接待 16.60 22.40\n\n项目支出:\n";
    let f = holds_then_fails(
        "parts.sum",
        "三公经费 2020年决算数 = 2 parts",
        dump,
        "16.60",
        "17.60",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    assert!(f.message.contains("3、公务接待 17.60 = 32.20"), "{f:?}");
    // Which column each figure is under is the checker's choice, not data: the
    // row is output without amounts.
    let doc = jixiao_ingest::read(dump.as_bytes()).expect("readable text");
    let report = jixiao_extract::extract(&doc);
    let row = report
        .budget_rows
        .iter()
        .find(|r| r.label == "3、公务接待")
        .expect("the short row is read");
    assert_eq!((row.adjusted, row.executed), (None, None), "{row:?}");
    assert_eq!(
        report.budget_rows[0].adjusted,
        Some(jixiao_model::Decimal::from(524000))
    );
}

#[test]
fn parts_sum_reads_a_paragraph_opening_on_qizhong_as_the_parts_of_the_one_before() {
    // A web page prints each sentence as a paragraph: the whole stands in the
    // paragraph before; parts listed two measures at a time are two lists.
    let text = "二、预算收支\n2023年度部门年初预算数为8,500.00万元，全年预算数为9,200.00万元，全年执行数为9,016.00万元，预算执行率为98.00%。\n其中：基本支出全年预算6,800.00万元，执行6,750.00万元，执行率99.26%；项目支出全年预算2,400.00万元，执行2,266.00万元，执行率94.42%。\n本单位财政拨款收入总计1516.64万元，与上年相比减少58.49万元，降低3.71%。\n其中：一般公共预算财政拨款收入1486.64万元，政府性基金预算财政拨款收入30.00万元。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    let sums: Vec<&str> = checks
        .iter()
        .filter(|c| c.rule == "parts.sum" && c.verdict == jixiao_validate::Verdict::Consistent)
        .map(|c| c.relation.as_str())
        .collect();
    assert_eq!(
        sums,
        vec![
            "全年预算数 = 2 parts",
            "全年执行数 = 2 parts",
            "本单位财政拨款收入总计 = 2 parts"
        ],
        "{checks:?}"
    );
    let f = check(&text.replace("执行2,266.00", "执行2,296.00"));
    assert!(
        of(&f, "parts.sum")
            .iter()
            .any(|h| h.severity == Severity::Error),
        "{f:?}"
    );
    let f = check(&text.replace("收入30.00", "收入31.00"));
    assert!(!of(&f, "parts.sum").is_empty(), "{f:?}");
}

#[test]
fn rate_mismatch_reads_what_was_done_over_what_was_planned() {
    let text = "三、绩效目标完成情况\n数量指标：计划培训500人次，实际培训520人次，完成率104%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.relation == "520 / 500 = 104%"
            && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    assert_eq!(
        of(&check(&text.replace("520人次", "510人次")), "rate.mismatch").len(),
        1
    );
    // Two counts planned: which is the whole is unsure.
    let (_, checks) = traced(
        "三、绩效目标完成情况\n计划培训500人次、计划走访30户，实际培训520人次，完成率104%。\n",
    );
    assert!(
        !checks.iter().any(|c| c.rule == "rate.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_reads_physical_quantities_as_it_reads_counts() {
    // An indicator in 公里 (or 亩, 吨 …) is planned and achieved like a count,
    // and compared only with its own unit.
    let text =
        "三、绩效目标完成情况\n计划完成农村公路建设120公里，实际完成126.5公里，完成率105.42%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.relation == "126.5 / 120 = 105.42%"
            && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    assert_eq!(
        of(
            &check(&text.replace("126.5公里", "125.5公里")),
            "rate.mismatch"
        )
        .len(),
        1
    );
    // Another unit between them is no whole of the rate.
    let (_, checks) = traced(
        "三、绩效目标完成情况\n计划完成农村公路建设120公里，实际完成126.5亩，完成率105.42%。\n",
    );
    assert!(
        !checks.iter().any(|c| c.rule == "rate.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_reads_a_subjects_rate_over_its_amount_stated_before() {
    let text = "二、资金到位情况\n项目资金共计500万元，其中中央资金300万元、省级资金150万元、县级配套50万元。截至2023年12月31日，中央资金到位300万元，到位率100%；省级资金到位150万元，到位率100%；县级配套到位40万元，到位率80%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "40 / 50 = 80%"
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    let f = check(&text.replace("到位率80%", "到位率90%"));
    assert_eq!(of(&f, "rate.mismatch").len(), 1, "{f:?}");
}

#[test]
fn rate_mismatch_reads_a_givers_funds_named_by_their_kind_and_a_parts_two_amounts() {
    // `县级资金到位` of the `县级配套资金` stated before: one giver's funds.
    let text = "项目总投资2,450万元，其中中央补助资金1,500万元，省级补助资金600万元，县级配套资金350万元。截至2023年12月31日，项目资金到位2,380万元，到位率97.14%，其中县级资金到位280万元，县级资金到位率80%。\n";
    holds_then_fails("rate.mismatch", "280 / 350", text, "到位率80%", "到位率85%");
    // A part's sentence of its plan and its funds received (both the part's).
    let text = "二、资金到位情况\n县级配套资金350万元，实际到位280万元，到位率80%。\n";
    holds_then_fails("rate.mismatch", "280 / 350", text, "到位280", "到位290");
    // Another fund's funds received are no ratio of this one's plan.
    let f = check("二、资金到位情况\n中央资金300万元，省级资金到位150万元，到位率100%。\n");
    assert!(of(&f, "rate.mismatch").is_empty(), "{f:?}");
}

#[test]
fn rate_mismatch_reads_each_places_rate_over_its_share_a_paragraph_before() {
    // The counties' shares in one paragraph, their spending and rates in the
    // next; the whole's rate is its vocabulary's pair (支出 over 安排), though
    // several amounts of the paragraph share its words.
    let text = "（二）项目资金安排及使用情况\n2023年，市财政共安排农村人居环境整治专项资金3,500万元，其中市级资金2,000万元，争取省级资金1,500万元。资金按因素法分配到各县（区），其中A县850万元、B县780万元、C区620万元。截至2023年12月31日，各县（区）累计支出3,286.5万元，资金支出率93.9%。\n其中：A县支出830万元，支出率97.65%；B县支出742.3万元，支出率95.17%；C区支出565.2万元，支出率91.16%。\n";
    holds_then_fails("rate.mismatch", "742.3 / 780", text, "95.17%", "96.17%");
    holds_then_fails("rate.mismatch", "3286.5 / 3500", text, "93.9%", "94.9%");
    // A place named in passing a paragraph before (not listed as a share) may
    // be of another year: nothing is paired with it.
    let passing = "一、以前年度情况\n2022年补助情况为：A县780万元。\n二、本年度情况\nA县支出742.3万元，支出率95.17%。\n";
    let (_, checks) = traced(passing);
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("742.3 / 780")),
        "{checks:?}"
    );
}

#[test]
fn totals_stated_side_by_side_are_no_parts_of_the_last_and_net_assets_are_their_difference() {
    // 资产总计, 负债合计, 净资产合计: three totals, the last the difference of
    // the first two (not their sum, which was a false error).
    let text = "（五）国有资产占用情况\n截至2023年底，资产总计2,568.34万元，负债合计312.40万元，净资产合计2,255.94万元。\n";
    holds_then_fails(
        "balance.mismatch",
        "2568.34 − 312.40 = 2255.94",
        text,
        "2,255.94",
        "2,265.94",
    );
    let (_, checks) = traced(text);
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
}

#[test]
fn rate_mismatch_reads_a_rate_after_the_parts_of_the_reports_spending_as_the_wholes() {
    // The rate follows 项目支出76万元 but is the whole's: 428.15 / 436.82.
    let text = "（三）部门预算及执行情况\n2023年部门预算收入436.82万元，其中一般公共预算拨款426.82万元，上年结转10万元。2023年实际支出428.15万元，其中基本支出352.15万元，项目支出76万元，预算执行率98.02%。\n";
    holds_then_fails("rate.mismatch", "428.15 / 436.82", text, "98.02%", "95.02%");
    // A rate naming the part (`项目支出执行率`), or a bare 执行率 after it, may
    // be the part's: not judged as the whole's.
    for rate in ["项目支出执行率95%", "执行率95%"] {
        let f = check(&text.replace("预算执行率98.02%", rate));
        assert!(of(&f, "rate.mismatch").is_empty(), "{rate}: {f:?}");
    }
}

#[test]
fn rate_mismatch_reads_a_spending_progress_as_a_spending_rate_and_the_balance_in_the_next_clause() {
    // The funds a paragraph before; what is left in the clause after `；`.
    let text = "（一）项目背景\n下达我县衔接资金2,680万元。\n（三）资金使用\n截至2023年12月31日，衔接资金已支出2,598.6万元，支出进度96.96%；结余81.4万元。\n";
    holds_then_fails(
        "rate.mismatch",
        "2598.6 / (2598.6 + 81.4)",
        text,
        "96.96%",
        "95.96%",
    );
    // Beside its budget, a 支出进度 is a 支出率 (序时进度 is time, not money).
    let text = "项目总预算800万元，已支出600万元，支出进度75%。\n";
    holds_then_fails("rate.mismatch", "600 / 800", text, "75%", "78%");
    // What another names as left in the next clause is not this rate's.
    let f = check("A项目已支出600万元，支出率96%；B项目结余20万元。\n");
    assert!(of(&f, "rate.mismatch").is_empty(), "{f:?}");
}

#[test]
fn rate_mismatch_reads_a_share_of_the_years_plan_as_of_the_plan() {
    // 年度计划 names the 计划投资 of the report's year.
    let text = "项目计划投资1,500万元，2023年度完成投资1,230万元，占年度计划的82%。\n";
    holds_then_fails("rate.mismatch", "1230 / 1500", text, "82%", "85%");
    let text = "项目计划投资1,500万元，2023年度完成投资1,230万元，完成年度计划的82%。\n";
    holds_then_fails(
        "rate.mismatch",
        "1230 / 1500",
        text,
        "1,230万元",
        "1,280万元",
    );
}

#[test]
fn rate_mismatch_reads_each_places_rates_stated_respectively_over_the_parts_listed_before() {
    let text = "全市共下达资金5,680万元，其中：甲县1,250万元，乙县980万元，丙区1,630万元，丁县1,820万元。各县（区）资金支出分别为1,200万元、930万元、1,580万元、1,750万元，支出率分别为96.00%、94.90%、96.93%、96.15%。\n";
    holds_then_fails("rate.mismatch", "1580 / 1630", text, "96.93%", "97.93%");
    // Sources listed (中央资金, 省级资金 …) are no places of 各县.
    let sources = text
        .replace("甲县", "中央资金")
        .replace("乙县", "省级资金")
        .replace("丙区", "市级资金")
        .replace("丁县", "县级资金");
    let (_, checks) = traced(&sources);
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("1580 / 1630")),
        "{checks:?}"
    );
    // Not of each place (各): the parts listed are no denominators of the run.
    let (_, checks) = traced(&text.replace("各县（区）资金支出", "资金支出"));
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("1580 / 1630")),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_reads_a_share_of_the_budget_stated_after_its_sentence() {
    let text = "（三）“三公”经费情况\n2023年度“三公”经费财政拨款支出决算为18.64万元，完成预算的82.48%，较上年决算减少3.12万元。2023年度“三公”经费预算22.60万元。\n";
    holds_then_fails("rate.mismatch", "18.64 / 22.60", text, "82.48%", "84.48%");
    // Another thing's budget after it is no whole of it.
    let other = "“三公”经费支出18.64万元，完成预算的82.48%。会议经费预算5万元，实际支出4万元。\n";
    let (f, checks) = traced(other);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("18.64 / ")),
        "{checks:?}"
    );
    // Two budgets after it: which it is of is unsure.
    let two = text.replace(
        "预算22.60万元。",
        "预算22.60万元。“三公”经费调整后预算24.00万元。",
    );
    let (_, checks) = traced(&two);
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("18.64 / ")),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_reads_a_budget_adjusted_to_as_the_adjusted_budget() {
    // `调整预算为520万元` is the budget as adjusted (the level), not the change.
    let text = "三、项目支出情况\n1.城乡环境综合整治项目：年初预算500万元，年中调整预算为520万元，实际支出508.6万元，执行率97.81%。\n";
    holds_then_fails("rate.mismatch", "508.6 / 520", text, "97.81%", "96.81%");
}

#[test]
fn parts_sum_reads_a_member_of_none_in_another_unit_of_money() {
    // `因公出国（境）费用0元` among 万元: nothing is nothing in any unit.
    let hit = holds_then_fails(
        "parts.sum",
        "全年支出 = its 3 parts, all of it",
        "“三公”经费年初预算48.00万元，全年支出41.26万元。其中：公务用车运行维护费26.40万元，公务接待费14.86万元，因公出国（境）费用0元。\n",
        "14.86",
        "15.86",
    );
    assert!(hit.message.contains("因公出国（境）费用 0元"), "{hit:?}");
}

#[test]
fn numbered_items_after_their_total_are_its_parts() {
    let text = "三、项目支出情况\n2023年度本部门共实施项目3个，项目支出预算636.30万元，实际支出605.35万元，执行率95.14%。\n1.数字化城管平台运维项目：预算180万元，实际支出172.35万元，执行率95.75%。\n2.园林绿化养护项目：预算306.3万元，实际支出290万元，执行率94.68%。\n3.市政设施维修项目：预算150万元，实际支出143万元，执行率95.33%。\n四、“三公”经费\n";
    holds_then_fails(
        "parts.sum",
        "实际支出 = its 3 parts, all of it",
        text,
        "实际支出290万元，执行率94.68%",
        "实际支出295万元，执行率96.31%",
    );
    // Items with items of their own under them, or totals that restate the
    // items one by one (三公 by kind, then each kind numbered), are no list.
    let restated = "九、“三公”经费\n“三公”经费预算支出中，因公出国（境）费支出170万元；公务用车运行维护费支出266.8万元；公务接待费支出183.95万元。\n1．因公出国（境）费预算支出170万元，比上年预算减少10万元。\n2．公务用车购置及运行费预算支出266.8万元。其中：\n（1）公务用车购置预算支出0万元。\n（2）公务用车运行维护费预算支出266.8万元。\n3．公务接待费预算支出183.95万元。\n";
    let (f, checks) = traced(restated);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.contains("2 parts")),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_reads_a_rate_of_the_whole_said_outright_over_spending_by_any_name() {
    // 总体 names the whole as 该项目 does; 累计支出 is what was spent.
    let text = "该项目总预算800万元，其中中央资金500万元，省级资金300万元。截至年底累计支出750万元，总体执行率93.75%。\n";
    holds_then_fails("rate.mismatch", "750 / 800", text, "93.75%", "95.75%");
    holds_then_fails(
        "rate.mismatch",
        "750 / 800",
        text,
        "累计支出750",
        "累计支出770",
    );
    // A kind of spending is no numerator of the budget's execution rate.
    let (f, checks) = traced("年度预算500万元，资本性支出120万元，执行率96%。\n");
    assert!(f.is_empty() && checks.is_empty(), "{f:?} {checks:?}");
}

#[test]
fn rate_mismatch_reads_a_counts_bare_share_of_the_count_qizhong_follows() {
    let text = "三、工作开展情况\n全年共召开会议12场，其中视频会议4场，占33.33%；现场会议8场，占66.67%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    let held = checks
        .iter()
        .filter(|c| c.rule == "rate.mismatch" && c.verdict == jixiao_validate::Verdict::Consistent)
        .count();
    assert_eq!(held, 2, "{checks:?}");
    assert_eq!(
        of(&check(&text.replace("66.67%", "68.67%")), "rate.mismatch").len(),
        1
    );
}

#[test]
fn a_paragraph_on_one_project_of_several_is_that_projects() {
    // Each project's 全年预算数 is its own: no conflict between them (a
    // warning before), and each project's rate still checked.
    let text = "三、项目支出情况\n1.耕地地力保护补贴项目：全年预算数800.00万元，执行数800.00万元，执行率100%。\n2.动物防疫项目：全年预算数120.00万元，其中中央资金80.00万元，县级资金40.00万元；执行数114.00万元，执行率95.00%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "value.conflict"),
        "{checks:?}"
    );
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "114.00 / 120.00 = 95.00%"
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    assert_eq!(
        of(
            &check(&text.replace("执行率95.00%", "执行率96.00%")),
            "rate.mismatch"
        )
        .len(),
        1
    );
    // So is a 决算's line of the functional classification (`…（类）…（款）…
    // （项）：支出决算为…`): no restatement of the year's 支出合计 (a warning before).
    let accounts = "三、支出决算情况说明\n2020年本年支出合计4021.94万元，其中：基本支出2719.24万元，占67.61%；项目支出1302.70万元，占32.39%。\n2020年一般公共预算支出决算数为1264.92万元，完成预算59.7%。其中：\n1.社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：支出决算为67.64万元，完成预算89.53%，决算数小于预算数的主要原因是年初预算估算不足。\n";
    let (f, checks) = traced(accounts);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "value.conflict"),
        "{checks:?}"
    );
}

#[test]
fn execution_and_received_rates_may_be_over_the_budget_stated_elsewhere() {
    // 执行率 over the 总投资 a paragraph before, not the funds received beside
    // it (a false error before: 1380 / 1450 = 95.17%); 到位率 over it too.
    let text = "一、项目概况\n本项目总投资1,500.00万元，其中：中央资金900.00万元，省级资金400.00万元，县级配套200.00万元。\n二、资金使用情况\n截至2023年12月31日，项目资金到位1,450.00万元，到位率96.67%。项目实际支出1,380.00万元，预算执行率92.00%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    for relation in ["1450.00 / 1500.00 = 96.67%", "1380.00 / 1500.00 = 92.00%"] {
        assert!(
            checks.iter().any(
                |c| c.relation == relation && c.verdict == jixiao_validate::Verdict::Consistent
            ),
            "{relation}: {checks:?}"
        );
    }
    // A 到位率 no stated budget gives: a warning (which budget is inferred).
    let f = check(&text.replace("到位率96.67%", "到位率98.67%"));
    let hits = of(&f, "rate.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
}

#[test]
fn a_column_adding_up_to_its_total_has_no_subtotal_by_coincidence_and_indicators_split_by_group() {
    // 200 = 150 + 50 reads like a subtotal row; the column adds up to its 合计, so it has none.
    let table = "二、项目资金使用情况\n支出内容 | 预算数(万元) | 实际支出(万元) |\n道路维修 | 600.00 | 580.00 |\n路灯维护 | 200.00 | 190.00 |\n绿化养护 | 150.00 | 140.00 |\n其他 | 50.00 | 40.00 |\n合计 | 1000.00 | 950.00 |\n";
    let (f, checks) = traced(table);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.relation == "合计 预算数 = 4 rows"),
        "{checks:?}"
    );
    // Nor in another column: 190 = 150 + 40 among the spending is no
    // subtotal when the budgets of the same rows add up to theirs, so the
    // spending's 960 against its 合计 950 is judged.
    let slipped = table.replace("| 140.00 |", "| 150.00 |");
    let f = check(&slipped);
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
    // Indicators by 一级 group are all of the indicators when the evaluation
    // framework's four groups are named.
    let counts = "三、评价指标体系\n本次评价共设置三级指标26个，其中决策指标3个、过程指标3个、产出指标12个、效益指标8个。\n";
    let (f, checks) = traced(counts);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation.ends_with("its 4 parts, all of it")),
        "{checks:?}"
    );
    assert_eq!(
        of(&check(&counts.replace("26个", "27个")), "parts.sum").len(),
        1
    );
    // 产出, 效益 and 满意度 alone may have left 决策 and 过程 out: some of
    // them, which may not add up to more.
    let counts = "三、绩效指标完成情况\n本次评价共设置三级指标26个，其中产出指标12个，效益指标8个，满意度指标1个。\n";
    let (f, checks) = traced(counts);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.ends_with("all of it")),
        "{checks:?}"
    );
    assert_eq!(
        of(&check(&counts.replace("12个", "18个")), "parts.sum").len(),
        1
    );
}

#[test]
fn formula_mismatch() {
    let bad = "全年平均执行率 = (51.68%+75.32%+64.51%+97.56%) ÷ 4=72.25%。\n";
    let f = check(bad);
    let hits = of(&f, "formula.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
    assert_eq!(stated(hits[0]), "72.25");
    assert!(of(&check(&bad.replace("72.25", "72.27")), "formula.mismatch").is_empty());
    // Any arithmetic written out with its numbers, not only sums and means.
    for (text, right, wrong) in [
        // D_12: a change over last year, the 32 rounded like any amount.
        (
            "三公经费变动率=(本年度预算数-上年度预算数)÷上年度=(63.46-32)÷32=98.31%。\n",
            "63.46",
            "64.46",
        ),
        // A rate written as a quotient times 100%.
        ("执行率=112.33/116.62×100%=96.32%。\n", "96.32%", "96.82%"),
        // A score as weight times rate.
        ("得分=20×96.32%=19.26分。\n", "19.26", "19.62"),
        // People times a standard, the result in 万元.
        ("补助资金=2130×600=127.8万元。\n", "127.8万", "128.8万"),
    ] {
        holds_then_fails("formula.mismatch", "=", text, right, wrong);
    }
    // A date, a result that runs on, and a unit inside are no formulas.
    for text in [
        "实施期为2021-2023=3年。\n",
        "合计1675.98=932.98+743。\n",
        "共1,250人×800元=100万元。\n",
    ] {
        let (f, checks) = traced(text);
        assert!(
            f.is_empty() && checks.iter().all(|c| c.rule != "formula.mismatch"),
            "{text}: {checks:?}"
        );
    }
}

#[test]
fn parts_sum() {
    // 001's assets, with the whole mistyped.
    let bad = "截至2024年12月31日，资产合计为1102.33万元，其中：流动资产12.67万元，非流动资产1109.66万元。\n";
    let f = check(bad);
    assert_eq!(of(&f, "parts.sum").len(), 1, "{f:?}");
    assert!(of(&check(&bad.replace("1102.33", "1122.33")), "parts.sum").is_empty());
    // Nested lists (001): 其中 基本支出932.98万元，包括 870.54 + 62.44: silent.
    let nested = "2024年我中心部门年初预算支出1675.98万元，其中：基本支出932.98万元，包括人员经费支出870.54万元，公用经费支出62.44万元。\n";
    assert!(of(&check(nested), "parts.sum").is_empty());
    // 002: a list opened by 其中 that runs on past a `；`, parts labelled alike.
    let run_on = "2022年预算收支安排281917.96万元，较2021年预算增加257033.23万元，其中：基本支出增加90.62万元，主要为日常公用经费支出增加；项目支出增加257142.61万元，主要原因为项目结转较大。\n";
    let f = check(run_on);
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "257033.23");
    assert!(of(
        &check(&run_on.replace("257033.23", "257233.23")),
        "parts.sum"
    )
    .is_empty());
    // A run-on list with each part's share beside it: the shares stay with the list.
    let shared = "2023年度收入总计1200万元，其中：财政拨款收入1000万元，占83.33%；事业收入150万元，占12.50%；其他收入50万元，占4.17%。\n";
    holds_then_fails(
        "parts.sum",
        "= 3 parts",
        shared,
        "其他收入50万元",
        "其他收入60万元",
    );
}

#[test]
fn balance_mismatch_counts_a_balance_carried_in() {
    // The year's funds less what was used, plus what was carried in (a false
    // error before: 100 − 95 = 5 against 15).
    let carried = "二、资金情况\n上年结转10.00万元，本年预算100.00万元，本年支出95.00万元，年末结余15.00万元。\n";
    let (f, checks) = traced(carried);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.rule == "balance.mismatch"
            && c.relation == "10.00 + 100.00 − 95.00 = 15.00"
            && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    // Neither reading: an error.
    let f = check(&carried.replace("15.00万元", "18.00万元"));
    assert_eq!(of(&f, "balance.mismatch")[0].severity, Severity::Error);
    // A 决算's identity from 收入: a mismatch is a warning (结余分配 may be left out).
    let accounts = "二、收支情况\n年初结转和结余50.00万元，本年收入1000.00万元，本年支出980.00万元，年末结转和结余70.00万元。\n";
    let (f, checks) = traced(accounts);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.rule == "balance.mismatch"),
        "{checks:?}"
    );
    let f = check(&accounts.replace("70.00万元", "80.00万元"));
    assert_eq!(of(&f, "balance.mismatch")[0].severity, Severity::Warning);
    // Without a balance carried in, 收入 less 支出 is no remainder stated.
    let (_, checks) = traced(
        "二、收支情况\n本年收入1000.00万元，本年支出980.00万元，年末结转和结余20.00万元。\n",
    );
    assert!(
        !checks.iter().any(|c| c.rule == "balance.mismatch"),
        "{checks:?}"
    );
    // A balance carried in is no remainder of the report's budget and
    // spending (126.50 against 4856.32 − 4712.45 was a false error).
    let (f, checks) = traced("二、收支情况\n2023年度收入总计4,856.32万元，其中：年初结转和结余126.50万元，本年收入4,729.82万元。\n2023年全年预算数4,856.32万元，实际支出4,712.45万元，预算执行率97.04%。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "balance.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn balance_mismatch_of_what_was_carried_into_next_year() {
    // What was carried into next year is what was left, in its sentence or
    // against the report's budget and spending.
    holds_then_fails(
        "balance.mismatch",
        "500.00 − 480.00 = 20.00",
        "项目预算500.00万元，实际支出480.00万元，结转下年20.00万元。\n",
        "结转下年20.00",
        "结转下年21.00",
    );
    holds_then_fails(
        "balance.mismatch",
        "5820 − 5416.38 = 403.62",
        "2022年度医疗救助资金绩效评价报告\n2022年共安排医疗救助资金5,820万元。\n\n截至2022年12月31日，共支出医疗救助资金5,416.38万元，资金执行率93.06%，结转下年403.62万元。\n",
        "结转下年403.62",
        "结转下年404.62",
    );
    // What is left of the funds named bare (`项目资金`), not of a use of them.
    holds_then_fails(
        "balance.mismatch",
        "300 − 290 = 10",
        "项目资金300万元，实际支出290万元，剩余10万元结转下年继续使用。\n",
        "剩余10万元",
        "剩余12万元",
    );
    // What is left of a contract after what was paid of it.
    holds_then_fails(
        "balance.mismatch",
        "100 − 95 = 5",
        "合同金额100万元，已支付95万元，剩余5万元质保金待质保期满后支付。\n",
        "剩余5万元",
        "剩余6万元",
    );
    // Each member's balance listed under the balance is a share of it, and
    // splits it, not the spending its members name (`人员经费结余15万元` was
    // an error against 500 − 460; `基本支出结余10万元，项目支出结余30万元` a
    // warning as 实际支出's parts).
    for text in [
        "全年预算500万元，实际支出460万元，结余40万元，结余率8%，包括：人员经费结余15万元，公用经费结余25万元。\n",
        "全年预算500万元，实际支出460万元，执行率92%，其中：基本支出210万元，项目支出250万元；结余40万元，其中基本支出结余10万元，项目支出结余30万元。\n",
    ] {
        let (f, checks) = traced(text);
        assert!(f.is_empty(), "{text}: {f:?}");
        assert!(
            checks.iter().any(|c| c.relation == "结余 = 2 parts"),
            "{checks:?}"
        );
    }
    // A share of what is left: carried beside what was taken back, listed
    // under the balance, or taken back alone — none is the whole remainder
    // (`收回结余5万元` was an error against 500 − 400).
    for text in [
        "项目预算500万元，实际支出400万元，结转下年95万元，收回结余5万元。\n",
        "项目预算500万元，实际支出400万元，结余资金100万元，其中结转下年95万元，收回财政5万元。\n",
        "项目预算500万元，实际支出400万元，结余100万元，收回结余5万元。\n",
    ] {
        let f = check(text);
        assert!(of(&f, "balance.mismatch").is_empty(), "{text}: {f:?}");
    }
}

#[test]
fn balance_mismatch_of_points_off_the_time_progress() {
    // The time progress stated: an error where the points are off.
    let hit = holds_then_fails(
        "balance.mismatch",
        "58.3% below 序时进度 75% by 16.7 points",
        "截至2023年9月底，资金支出进度为58.3%，序时进度75%，低于序时进度16.7个百分点。\n",
        "16.7个百分点",
        "17.7个百分点",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Read off the as-of date, by months (6 / 12) or by days (181 / 365):
    // either holds, and a mismatch is a warning.
    for (points, time) in [("4.8", "50%"), ("4.4", "49.59%")] {
        let text =
            format!("截至2023年6月30日，项目资金支出进度为45.2%，低于序时进度{points}个百分点。\n");
        let hit = holds_then_fails(
            "balance.mismatch",
            &format!("below 序时进度 {time}"),
            &text,
            &format!("{points}个百分点"),
            "5.8个百分点",
        );
        assert_eq!(hit.severity, Severity::Warning);
    }
    // Above it, the other way.
    holds_then_fails(
        "balance.mismatch",
        "above 序时进度",
        "截至2023年10月底，支出进度为88.6%，高于序时进度5.27个百分点。\n",
        "5.27个百分点",
        "6.27个百分点",
    );
    // A pace's words say the way too (`落后于`, `慢于`).
    holds_then_fails(
        "balance.mismatch",
        "52.3% below 序时进度 75%",
        "截至2022年9月底，资金支出进度仅为52.3%，落后于序时进度22.7个百分点。\n",
        "22.7个百分点",
        "23.7个百分点",
    );
    // No date that ends a month, no time progress stated: nothing to judge.
    let (f, checks) = traced("截至2023年9月15日，支出进度为58.3%，低于序时进度16.7个百分点。\n");
    assert!(
        f.is_empty() && checks.iter().all(|c| c.rule != "balance.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn balance_mismatch_reads_percentage_points_between_two_stated_rates() {
    let text = "二、预算执行\n2023年预算执行率为98.5%，比2022年的96.2%提高2.3个百分点。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.relation == "98.5 − 96.2 = 2.3"
            && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    assert_eq!(
        of(&check(&text.replace("2.3个", "3.3个")), "balance.mismatch").len(),
        1
    );
    // Last year's rate not stated: nothing to check, and no rate of change read.
    let (f, checks) = traced("二、预算执行\n本项目预算执行率95%，较上年提高5个百分点。\n");
    assert!(
        f.is_empty() && checks.iter().all(|c| c.rule != "balance.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn balance_mismatch() {
    // 003: 116.62 − 112.33 = 4.29, stated 4.28.
    let text = "上年度资金结余2.20万元，本年度财政收入114.42万元，本年度项目可用资金数共计116.62万元，全年执行数112.33万元，执行率96.32%。\n\n项目按计划执行，实际执行工作中存在4.28万元资金结余，成本节约率3.67%。\n";
    let f = check(text);
    let hits = of(&f, "balance.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "4.28");
    // The prior year's 结余 (2.20) is another quantity: never compared.
    assert!(of(
        &check(&text.replace("4.28万元", "4.29万元")),
        "balance.mismatch"
    )
    .is_empty());
    // A remainder after an amount and what was used of it, in one sentence.
    let text = "项目资金已全部到位，到位资金1500万元，已拨付资金1350万元，资金拨付率90%，剩余150万元待竣工验收后拨付。\n";
    holds_then_fails(
        "balance.mismatch",
        "1500 − 1350 = 150",
        text,
        "剩余150",
        "剩余160",
    );
    // Funds paid out (`发放`) are used too.
    holds_then_fails(
        "balance.mismatch",
        "100 − 99.04 = 0.96",
        "截至年底，资金到位100万元，发放资金99.04万元，结余0.96万元。\n",
        "结余0.96",
        "结余0.86",
    );
    // …and the 拨付率 over them, though `已拨付资金` names 资金 like its denominator.
    holds_then_fails(
        "rate.mismatch",
        "1350 / 1500",
        text,
        "拨付率90%",
        "拨付率92%",
    );
    // A balance carried from last year is not this year's remainder.
    let (f, checks) =
        traced("下达资金100万元，已使用80万元，结余资金30万元（含上年结余10万元）。\n");
    assert!(
        f.is_empty() && checks.iter().all(|c| c.rule != "balance.mismatch"),
        "{f:?} {checks:?}"
    );
    // What is 剩余 after what was 已支出 is the balance too.
    let text = "全年预算250万元，已支出240万元，剩余10万元未支出。\n";
    assert!(check(text).is_empty());
    let hits = check(&text.replace("剩余10", "剩余12"));
    assert_eq!(of(&hits, "balance.mismatch").len(), 1, "{hits:?}");
}

#[test]
fn unit_magnitude() {
    let text = "本年度项目可用资金数共计116.62万元，全年执行数112.33万元。\n\n（1）展位租赁费用：334,560 元；\n\n（2）广告费用：160,000 元；\n\n（3）工作人员差旅费用及其他费用：100,000 万元；\n";
    let f = check(text);
    let hits = of(&f, "unit.magnitude");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "100000");
    assert!(of(
        &check(&text.replace("100,000 万元", "100,000 元")),
        "unit.magnitude"
    )
    .is_empty());
    // Three of the report's amounts that far beyond the budget read: the
    // budget read is a part's (a flattened table's 合计), not three slips.
    let three = text
        .replace("334,560 元", "334,560 万元")
        .replace("160,000 元", "160,000 万元")
        + "\n（4）其他费用：120,000 元；\n";
    let one = text.to_string() + "\n（4）其他费用：120,000 元；\n";
    assert_eq!(of(&check(&one), "unit.magnitude").len(), 1);
    assert!(of(&check(&three), "unit.magnitude").is_empty());
}

#[test]
fn sequence_numbering() {
    let rows = |seqs: &[u32]| {
        let mut t = String::from(
            "| 序号 | 项目名称 | 预算数 | 执行数 | 自评得分 |\n|---|---|---|---|---|\n",
        );
        for s in seqs {
            t.push_str(&format!("| {s} | 项目{s} | 10 | 9 | 95 |\n"));
        }
        t
    };
    let f = check(&rows(&[1, 2, 3, 3, 5]));
    let hits = of(&f, "sequence.numbering");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "3");
    assert!(of(&check(&rows(&[1, 2, 3, 4, 5])), "sequence.numbering").is_empty());
}

/// A self-evaluation form as an HTML table (the budget block, then the
/// indicators), built from the figures of `../shared/forms/01` and `04`.
fn form(budget_rows: &str, indicator_rows: &str, total: &str) -> String {
    let cell = |t: &str| format!("<td>{t}</td>");
    let row = |cells: &[&str]| {
        format!(
            "<tr>{}</tr>",
            cells.iter().map(|c| cell(c)).collect::<String>()
        )
    };
    let mut html =
        String::from("<html><body><p>2023年度项目支出绩效自评表</p><p>金额单位：万元</p><table>");
    html += &row(&[
        "项目名称",
        "家庭经济困难学生资助补助资金",
        "",
        "",
        "",
        "",
        "",
        "",
    ]);
    html += &row(&[
        "",
        "",
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
    ]);
    for line in budget_rows.lines() {
        let cells: Vec<&str> = line.split('|').collect();
        html += &row(&[&["项目资金"][..], &cells[..]].concat());
    }
    html += &row(&[
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ]);
    for line in indicator_rows.lines() {
        let cells: Vec<&str> = line.split('|').collect();
        html += &row(&cells);
    }
    html += &row(&["总分", "", "", "", "", "100", total, ""]);
    html + "</table></body></html>"
}

fn check_html(html: &str) -> Vec<Finding> {
    let doc = jixiao_ingest::read(html.as_bytes()).expect("readable html");
    let report = jixiao_extract::extract(&doc);
    jixiao_validate::check(&report)
}

const FORM01_BUDGET: &str = "年度资金总额|860.00|912.40|899.63|10|98.06%|9.81\n其中：当年财政拨款|860.00|880.00|867.23|—|—|—\n上年结转资金|0.00|32.40|32.40|—|—|—\n其他资金|0.00|0.00|0.00|—|—|—";
const FORM_INDICATORS: &str = "产出指标（60分）|数量指标|资助学生人数|≥1800人|1812人|60|60|\n满意度指标（30分）|服务对象满意度指标|受助学生满意度|≥90%|95.2%|30|30|";

#[test]
fn rate_mismatch_in_a_budget_table_row() {
    // forms/01: 899.63 / 912.40 = 98.60%, printed 98.06%.
    let f = check_html(&form(FORM01_BUDGET, FORM_INDICATORS, "99.81"));
    let hits = of(&f, "rate.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(
        (stated(hits[0]), hits[0].severity),
        ("98.06".to_string(), Severity::Error)
    );
    assert!(hits[0].location.text.contains("年度资金总额"));
    let good = form(
        &FORM01_BUDGET.replace("98.06%|9.81", "98.60%|9.86"),
        FORM_INDICATORS,
        "99.86",
    );
    assert!(of(&check_html(&good), "rate.mismatch").is_empty());
}

#[test]
fn score_rate() {
    // forms/01: 得分 9.81 = 10 × 98.06%; printed 9.91 is not.
    let bad = form(
        &FORM01_BUDGET.replace("|9.81", "|9.91"),
        FORM_INDICATORS,
        "99.91",
    );
    let hits = of(&check_html(&bad), "score.rate")
        .into_iter()
        .cloned()
        .collect::<Vec<_>>();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(
        (stated(&hits[0]), hits[0].computed.map(|d| d.to_string())),
        ("9.91".to_string(), Some("9.81".to_string()))
    );
    assert!(of(
        &check_html(&form(FORM01_BUDGET, FORM_INDICATORS, "99.81")),
        "score.rate"
    )
    .is_empty());
}

#[test]
fn parts_sum_in_a_budget_table() {
    // forms/04: 全年预算数 7,620.68 but both breakdowns give 7,260.68.
    let rows = "年度资金总额|6,927.35|7,620.68|7,072.00|10|92.80%|9.28\n一般公共预算|6,842.35|6,855.68|6,702.15|—|—|—\n政府性基金预算|0.00|320.00|298.60|—|—|—\n其他资金|85.00|85.00|71.25|—|—|—\n基本支出|2,915.40|3,046.82|3,031.57|—|—|—\n项目支出|4,011.95|4,213.86|4,040.43|—|—|—";
    let f = check_html(&form(rows, FORM_INDICATORS, "99.28"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 2, "{f:?}");
    assert!(hits.iter().all(|h| stated(h) == "7620.68"
        && h.computed.map(|d| d.normalize().to_string()) == Some("7260.68".into())));
    assert!(hits.iter().all(|h| h.severity == Severity::Error));
    // The same table with the total printed right: silent, whatever the split.
    let good = rows.replace(
        "7,620.68|7,072.00|10|92.80%|9.28",
        "7,260.68|7,072.00|10|97.40%|9.74",
    );
    assert!(of(
        &check_html(&form(&good, FORM_INDICATORS, "99.74")),
        "parts.sum"
    )
    .is_empty());
}

#[test]
fn parts_sum_and_rate_mismatch_in_a_budget_table_whose_cells_print_their_unit() {
    // An invented form whose amount cells say 万元: read as the bare numbers are.
    let text = "项目支出绩效自评表\n| 项目资金 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n| 年度资金总额 | 320万元 | 356万元 | 341.76万元 | 10 | 96% | 9.6 |\n| 其中：当年财政拨款 | 320万元 | 356万元 | 341.76万元 | — | 96% | — |\n| 上年结转资金 | 0 | 0 | 0 | — | — | — |\n| 其他资金 | 0 | 0 | 0 | — | — | — |\n";
    holds_then_fails(
        "parts.sum",
        "年度资金总额 全年预算数 = 3 parts",
        text,
        "| 356万元 | 341.76万元 | 10",
        "| 365万元 | 341.76万元 | 10",
    );
    let hit = holds_then_fails(
        "rate.mismatch",
        "当年财政拨款 341.76 / 356 = 96%",
        text,
        "| 356万元 | 341.76万元 | — | 96%",
        "| 356万元 | 314.76万元 | — | 96%",
    );
    assert_eq!(hit.severity, Severity::Error);
    // The same form with its cells between spaces, under a `项目名称：…` line
    // (a field and its value, once taken for a header naming the 名称 column).
    let spaced = "项目支出绩效自评表\n项目名称：城区公厕改造提升项目\n项目资金 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额 320万元 356万元 341.76万元 10 96% 9.6\n其中：当年财政拨款 320万元 356万元 341.76万元 — 96% —\n上年结转资金 0 0 0 — — —\n其他资金 0 0 0 — — —\n";
    holds_then_fails(
        "parts.sum",
        "年度资金总额 全年预算数 = 3 parts",
        spaced,
        "356万元 341.76万元 10",
        "365万元 341.76万元 10",
    );
    let hit = holds_then_fails("score.rate", "10 × 96% = 9.6", spaced, "96% 9.6", "96% 8.6");
    // Forms score a rate by bands and deductions too: unless the report says
    // the score is the rate times the full marks, a score off it is a warning.
    assert_eq!(hit.severity, Severity::Warning);
    assert!(hit.message.contains("does not say"), "{hit:?}");
    let said = format!("{spaced}预算执行率得分=执行率×分值。\n");
    let hit = holds_then_fails("score.rate", "10 × 96% = 9.6", &said, "96% 9.6", "96% 8.6");
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn target_missed() {
    // forms/02: 88.7% against ≥90% scored 9.5 of 10 (fine); at 10 of 10 it is a warning.
    let rows = |score: &str| {
        format!("产出指标（60分）|数量指标|资助学生人数|≥1800人|1812人|60|60|\n满意度指标（30分）|服务对象满意度指标|辖区居民满意度|≥90%|88.7%|30|{score}|")
    };
    let f = check_html(&form(
        FORM01_BUDGET.replace("98.06%|9.81", "98.60%|9.86").as_str(),
        &rows("30"),
        "99.86",
    ));
    let hits = of(&f, "target.missed");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
    let f = check_html(&form(
        FORM01_BUDGET.replace("98.06%|9.81", "98.60%|9.86").as_str(),
        &rows("29.5"),
        "99.36",
    ));
    assert!(of(&f, "target.missed").is_empty(), "{f:?}");
}

#[test]
fn prose_deduction() {
    // 000: 权重分合计 40 分，其中…扣 1.67 分，实际得分合计 38.33 分 (altered to 38.83).
    let bad = "产出类指标由7个三级指标构成，权重分合计 40 分，其中“专项规划咨询成果完成及时性”扣 1.67 分，实际得分合计 38.83 分。\n";
    let f = check(bad);
    let hits = of(&f, "prose.deduction");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(
        (stated(hits[0]), hits[0].severity),
        ("38.83".to_string(), Severity::Error)
    );
    assert_eq!(
        hits[0]
            .computed
            .map(|d| d.normalize().to_string())
            .as_deref(),
        Some("38.33")
    );
    assert!(of(&check(&bad.replace("38.83", "38.33")), "prose.deduction").is_empty());
    // 000: 该项扣 1 分，指标满分 3 分，实际得 2 分 — the order of the figures does not matter.
    assert!(of(
        &check("因此，该项扣 1 分，指标满分 3 分，实际得 2 分。\n"),
        "prose.deduction"
    )
    .is_empty());
    assert_eq!(
        of(
            &check("因此，该项扣 1 分，指标满分 3 分，实际得 1 分。\n"),
            "prose.deduction"
        )
        .len(),
        1
    );
    // 000: the full marks in the sentence before (`权重分 20 分。其中…扣…，实际得分…`).
    holds_then_fails(
        "prose.deduction",
        "20 − deductions = 19.99",
        "项目过程类指标由5个三级指标构成，权重分 20 分。其中“预算执行率”扣 0.01 分，实际得分合计 19.99 分。\n",
        "19.99",
        "20.09",
    );
    // Full marks already scored are not the next sentence's.
    let (_, checks) = traced("指标满分 5 分，实际得 5 分。其中“宣传”扣 1 分，实际得 4 分。\n");
    assert!(
        checks.iter().all(|c| c.rule != "prose.deduction"),
        "{checks:?}"
    );
}

const SUBTOTAL_TABLE: &str = "一级指标\t二级指标\t三级指标\t权重\t得分\n决策\t项目立项\t立项依据充分性\t10\t10\n\t绩效目标\t绩效目标合理性\t10\t9\n产出\t产出数量\t实际完成率\t20\t20\n效益\t项目效益\t实施效益\t10\t10\n满意度\t满意度\t服务对象满意度\t10\t9\n合计\t\t\t60\t58\n";

#[test]
fn a_forms_row_that_lost_its_merged_cells_reads_its_target_as_no_name_and_its_rate_as_no_score() {
    // A pipe rendering drops the 一级 cell a row shares with the one above:
    // `≥90%` lands in the 三级 column and `95%` before the weight. A bounded
    // value is no indicator's name, and a rate under 指标值 / 完成值 no weight.
    let text = "项目支出绩效自评表\n| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n| 产出指标 | 数量指标 | 培训人次 | ≥500人次 | 520人次 | 20 | 20 |\n| 质量指标 | 培训合格率 | ≥90% | 95% | 20 | 20 |\n| 时效指标 | 按时完成率 | 100% | 100% | 10 | 10 |\n| 效益指标 | 社会效益指标 | 群众知晓率 | ≥85% | 88% | 20 | 18 |\n| 总分 | | | | | 70 | 68 |\n";
    let f = holds_then_fails(
        "score.sum",
        "4 weights add up to 合计 70",
        text,
        "| 70 | 68 |",
        "| 70 | 69 |",
    );
    assert!(
        f.message.contains("stated 69 but its 4 rows add up to 68"),
        "{f:?}"
    );
}

#[test]
fn a_numbered_rows_lost_merged_cells_leave_its_sequence_number_out_of_its_figures() {
    // A department's form in a pipe rendering: rows sharing a merged 一级 or
    // 二级 cell print fewer cells, read by content; their 序号 is no figure (it
    // had ended the labels before they began, and five rows were lost, so the
    // 合计 was judged against two).
    let text = "2023年度部门整体支出绩效评价自评表\n| 序号 | 一级 指标 | 二级 指标 | 三级 指标 | 指标分值 | 指标解释 | 评分标准 | 自评得分 |\n| 1 | 规划 (15分) | 基础信息 (3分) | 基础信息完整性 | 3 | 预算基础信息是否完整 | 完整得3分 | 3 |\n| 2 | 工作计划 (6分) | 年度工作计划完整性 | 3 | 计划是否完整 | 完整得3分 | 3 |\n| 3 | 年度工作计划明确性 | 3 | 计划是否明确 | 明确得3分 | 2 |\n| 4 | 绩效目标 (6分) | 年度绩效目标合理性 | 4 | 目标是否合理 | 合理得4分 | 4 |\n| 5 | 年度绩效目标明确性 | 2 | 目标是否明确 | 明确得2分 | 2 |\n| 6 | 执行 (20分) | 预算执行 (20分) | 预算执行率 | 10 | 执行数/预算数 | 100%得满分 | 9.5 |\n| 7 | 结转结余率 | 10 | 结余/预算 | 低于5%得满分 | 10 |\n| 合计 | | | | 35 | | | 33.5 |\n";
    let f = holds_then_fails(
        "score.sum",
        "7 scores add up to 合计 33.5",
        text,
        "| 33.5 |",
        "| 34.5 |",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
}

#[test]
fn a_short_row_of_two_labels_naming_no_level1_lost_its_level1_cell() {
    // `| 绩效目标 (10) | 绩效目标合理性 | 5 | … |`: a pipe rendering dropped the
    // merged 决策 cell; 绩效目标 is the 二级 (read as a 一级, 决策 lost half its
    // rows and its weight cried wolf).
    let text = "绩效评价指标体系及评分表\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 得分 |\n| 决策 (20) | 项目立项 (10) | 立项依据充分性 | 5 | 依据充分得5分 | 5 |\n| 立项程序规范性 | 5 | 程序规范得5分 | 4 |\n| 绩效目标 (10) | 绩效目标合理性 | 5 | 合理得5分 | 5 |\n| 绩效指标明确性 | 5 | 明确得5分 | 3 |\n| 过程 (30) | 资金管理 (20) | 资金到位率 | 10 | 到位率×10 | 10 |\n| 预算执行率 | 10 | 执行率×10 | 9.5 |\n| 组织实施 (10) | 管理制度健全性 | 10 | 健全得10分 | 8 |\n| 合计 | 50 | 44.5 |\n";
    let f = holds_then_fails(
        "score.sum",
        "group 决策 weights add up to 20",
        text,
        "| 决策 (20) |",
        "| 决策 (25) |",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    // A department's framework: `预算执行 (10分)` names no 一级 of any framework.
    let text = "部门整体支出绩效评价评分表\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 | 扣分原因 |\n| 投入 (20分) | 预算配置 (10分) | 财政供养人员控制率 | 5 | 5 | |\n| “三公经费”变动率 | 5 | 4.5 | 增长2%，扣0.5分 |\n| 预算执行 (10分) | 预算完成率 | 5 | 5 | |\n| 预算调整率 | 5 | 3 | 调整率12%，扣2分 |\n| 产出 (30分) | 职责履行 (30分) | 重点工作完成率 | 15 | 14 | 1项未完成，扣1分 |\n| 工作质量达标率 | 15 | 15 | |\n| 合计 | | | 50 | 46.5 | |\n";
    let f = holds_then_fails(
        "score.sum",
        "group 投入 weights add up to 20",
        text,
        "| 投入 (20分) |",
        "| 投入 (25分) |",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
}

#[test]
fn a_blank_mark_where_an_indicator_name_stands_names_none() {
    // A text dump moved the cells: `绩效目标` (a 二级 name) read as a 一级 group,
    // `—` where the 三级 name stood. The table is read by a guess, and `—` is
    // no indicator's name.
    let moved = SUBTOTAL_TABLE.replace("\t绩效目标\t绩效目标合理性", "绩效目标\t绩效目标合理性\t—");
    let doc = jixiao_ingest::read(moved.as_bytes()).expect("readable text");
    let report = jixiao_extract::extract(&doc);
    let table = &report.score_tables[0];
    assert!(table.reading_doubt.is_some(), "{table:?}");
    assert!(
        table.items.iter().all(|i| i.level3.as_deref() != Some("—")),
        "{:?}",
        table.items
    );
}

#[test]
fn prose_subtotal() {
    // 000's conclusion: 决策部分得分 19 分 … 效益部分得分 (效益 + 满意度, which it never names).
    let good = format!("{SUBTOTAL_TABLE}\n本项目决策部分得分 19 分，产出部分得分 20 分，效益部分得分 19 分，总体评价得分 58 分。\n");
    assert!(
        of(&check(&good), "prose.subtotal").is_empty(),
        "{:?}",
        check(&good)
    );
    // 18 could be 19 with both printed scores rounded (10 and 9 stand for 9.5 … 10.5
    // and 8.5 … 9.5): a warning; 15 cannot: an error.
    let f = check(&good.replace("决策部分得分 19 分", "决策部分得分 18 分"));
    let hits = of(&f, "prose.subtotal");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(
        (stated(hits[0]), hits[0].severity),
        ("18".to_string(), Severity::Warning)
    );
    let f = check(&good.replace("决策部分得分 19 分", "决策部分得分 15 分"));
    let hits = of(&f, "prose.subtotal");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(
        (stated(hits[0]), hits[0].severity),
        ("15".to_string(), Severity::Error)
    );
    // A qualified name (综合效益) is not the group 效益: silent.
    assert!(of(
        &check(&format!("{SUBTOTAL_TABLE}\n综合效益得分合计为 5 分。\n")),
        "prose.subtotal"
    )
    .is_empty());
}

#[test]
fn grade_threshold() {
    // 002: 得分 ≥ 85 分为优秀，75 ≤ 得分 < 85 分为良好 …; 95.4 分 graded 优秀.
    let scale = "部门整体支出综合绩效评价分为 4 个等级：得分 ≥ 85 分为优秀；$75 \\leq$ 得分 < 85 分为良好；$60 \\leq$ 得分 < 75 分为一般；得分 < 60 分为较差。\n";
    let good =
        format!("{scale}开发区本年度整体支出情况最终得分 95.4 分，综合绩效评价等级为优秀。\n");
    assert!(
        of(&check(&good), "grade.threshold").is_empty(),
        "{:?}",
        check(&good)
    );
    let bad = good.replace("最终得分 95.4 分", "最终得分 82.4 分");
    let f = check(&bad);
    let hits = of(&f, "grade.threshold");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert!(hits[0].message.contains("良好"), "{}", hits[0].message);
    // Without the report's own scale, nothing is assumed.
    assert!(of(
        &check("最终得分 82.4 分，综合绩效评价等级为优秀。\n"),
        "grade.threshold"
    )
    .is_empty());
    // A scale worded after 评价等级 (`评价等级划分为：…`) is no grade stated: the
    // grade is the one given later (`划分为` was taken for it, a false error).
    let worded = "四、评价结论\n评价等级划分为：90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为中，60分以下为差。本项目得分88.5分，等级为良。\n";
    holds_then_fails(
        "grade.threshold",
        "grade 良 for 88.5",
        worded,
        "88.5分",
        "91.5分",
    );
}

#[test]
fn date_fiscal_year() {
    // 004 (FY 2022): 截至2021年12月底 … a figure of the year before.
    let bad = "深圳市福田区总工会2022年度重点项目支出部门评价报告\n\n截至2021年12月底，项目执行数为258.90万元。\n";
    let f = check(bad);
    let hits = of(&f, "date.fiscal_year");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
    // The year under review, and the year after (when reports are written), are fine.
    assert!(of(
        &check(&bad.replace("截至2021年", "截至2022年")),
        "date.fiscal_year"
    )
    .is_empty());
    assert!(of(
        &check(&bad.replace("截至2021年", "截至2023年")),
        "date.fiscal_year"
    )
    .is_empty());
    // A budget is written in the year before the one it plans: its as-of
    // dates are of that year, and only earlier ones are odd.
    let budget = "某区某局2025年部门预算\n\n截至2024年8月31日，本部门共有车辆8辆。\n";
    assert!(of(&check(budget), "date.fiscal_year").is_empty());
    assert_eq!(
        of(
            &check(&budget.replace("截至2024年", "截至2023年")),
            "date.fiscal_year"
        )
        .len(),
        1
    );
}

#[test]
fn count_rows() {
    // 000: 由项目立项、绩效目标、资金投入 3 个二级指标和…6 个三级指标构成 (the list counts).
    let good = "项目决策类指标由项目立项、绩效目标、资金投入 3 个二级指标和立项依据充分性、立项程序规范性、绩效目标合理性、绩效指标明确性、预算编制科学性、资金分配合理性 6 个三级指标构成，权重分合计 20 分。\n";
    assert!(
        of(&check(good), "count.rows").is_empty(),
        "{:?}",
        check(good)
    );
    let f = check(&good.replace("资金投入 3 个二级指标", "资金投入 4 个二级指标"));
    let hits = of(&f, "count.rows");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(
        (stated(hits[0]), hits[0].computed.map(|d| d.to_string())),
        ("4".to_string(), Some("3".to_string()))
    );
    // 003: 设定 3 个一级指标 … 下设 12 个二级指标, against a table of 2 一级 and 3 二级
    // (whole: its 合计 printed; one with none, short of full marks, may be cut off).
    let system = format!("{TABLE_HEAD}产出\t产出数量\t实际完成率\t12\t11.0\n\t产出质量\t质量达标率\t6\t6.0\n效益\t项目效益\t实施效益\t6\t6.0\n合计\t\t\t24\t23.0\n\n评价设定 3 个一级指标，再下设 3 个二级指标。\n");
    let f = check(&system);
    let hits = of(&f, "count.rows");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "3");
    assert!(hits[0].message.contains("一级"), "{}", hits[0].message);
    // A short piece among long names (`财务、法律、建设规划类专业咨询次数`,
    // one name holding 、) with no table to confirm the names: fewer stated
    // than pieces is a warning; more stated than pieces is still an error.
    let held = "项目产出类指标由专项规划咨询项目数、物业服务完成率、财务、法律、建设规划类专业咨询次数、成果验收通过率 4 个三级指标构成。\n";
    let f = check(held);
    let hits = of(&f, "count.rows");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
    let f = check(&held.replace(" 4 个", " 7 个"));
    let hits = of(&f, "count.rows");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
}

#[test]
fn adjustment_mismatch() {
    // 004: 年初预算 260.00 万元，全年预算数 258.90 万元，项目预算调减了 1.10 万元.
    let good = "本项目年初预算 260.00 万元，全年预算数 258.90 万元，项目预算调减了 1.10 万元，资金到位 100%。\n";
    assert!(
        of(&check(good), "adjustment.mismatch").is_empty(),
        "{:?}",
        check(good)
    );
    let f = check(&good.replace("调减了 1.10 万元", "调减了 1.40 万元"));
    let hits = of(&f, "adjustment.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(
        (
            stated(hits[0]),
            hits[0].computed.map(|d| d.normalize().to_string())
        ),
        ("258.9".to_string(), Some("258.6".to_string()))
    );
    // A bare 调整 may go either way: 260.0 and 258.90 with 调整 1.10 is consistent.
    let either = "年初预算金额260.0万元，年中发生资金调整1.10万元，年度实际到位金额258.90万元。\n";
    assert!(of(&check(either), "adjustment.mismatch").is_empty());
    assert_eq!(
        of(
            &check(&either.replace("调整1.10", "调整1.40")),
            "adjustment.mismatch"
        )
        .len(),
        1
    );
}

#[test]
fn prose_indicator() {
    // 003: 预算编制科学性得 5分，资金分配合理性得 5分, against the table's rows.
    let table = format!("{TABLE_HEAD}决策\t资金投入\t预算编制科学性\t5\t5\n\t\t资金分配合理性\t5\t4.5\n\t\t绩效目标合理性\t5\t5\n");
    let good = format!("{table}\n根据打分，预算编制科学性得 5分，资金分配合理性得 4.5分。\n");
    assert!(
        of(&check(&good), "prose.indicator").is_empty(),
        "{:?}",
        check(&good)
    );
    // 4.5 printed whole is 5 (half up), not 4: within rounding, a warning.
    let f = check(&good.replace("资金分配合理性得 4.5分", "资金分配合理性得 4分"));
    let hits = of(&f, "prose.indicator");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(
        (
            stated(hits[0]),
            hits[0].computed.map(|d| d.normalize().to_string())
        ),
        ("4".to_string(), Some("4.5".to_string()))
    );
    assert!(of(
        &check(&good.replace("资金分配合理性得 4.5分", "资金分配合理性得 5分")),
        "prose.indicator"
    )
    .is_empty());
    // Full marks are compared with the weight.
    assert_eq!(
        of(
            &check(&format!("{table}\n预算编制科学性满分 4 分。\n")),
            "prose.indicator"
        )
        .len(),
        1
    );
}

#[test]
fn rate_mismatch_of_counts() {
    // 001: 实际编外人员 14 人 … 在职人员总数 26 人，编外人员控制率为 53.85%.
    let good = "截至 2024 年 12 月 31 日，我中心实际编外人员 14 人（含工勤人员），在职人员总数 26 人，编外人员控制率为 53.85%。\n";
    assert!(
        of(&check(good), "rate.mismatch").is_empty(),
        "{:?}",
        check(good)
    );
    let f = check(&good.replace("编外人员 14 人", "编外人员 15 人"));
    let hits = of(&f, "rate.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(
        (stated(hits[0]), hits[0].severity),
        ("53.85".to_string(), Severity::Error)
    );
    assert_eq!(
        hits[0].computed.map(|d| d.to_string()).as_deref(),
        Some("57.69")
    );
}

#[test]
fn parts_sum_of_a_listed_total() {
    // 003: amounts listed before a 共计 add up to it.
    let total = "上年度资金结余2.20万元，本年度财政收入114.42万元，本年度项目可用资金数共计116.62万元，全年执行数112.33万元。\n";
    assert!(
        of(&check(total), "parts.sum").is_empty(),
        "{:?}",
        check(total)
    );
    let f = check(&total.replace("114.42", "124.42"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(
        hits[0].computed.map(|d| d.to_string()).as_deref(),
        Some("126.62")
    );
    // After 较 (a change), the amounts are not a list of parts: silent.
    assert!(of(
        &check("较上年增加2.20万元，财政收入124.42万元，可用资金共计116.62万元。\n"),
        "parts.sum"
    )
    .is_empty());
}

/// A form whose 得分 column is blank: the scores are unknown (null), not zero,
/// the 总分 row's 分值 is not taken for a score, and no rule fires.
#[test]
fn blank_scores_are_unknown_and_silent() {
    let budget = "年度资金总额|860.00|912.40|899.63|10|98.60%|\n其中：当年财政拨款|860.00|880.00|867.23|—|—|—";
    let indicators = "产出指标（60分）|数量指标|资助学生人数|≥1800人|1812人|60||\n满意度指标（30分）|服务对象满意度指标|受助学生满意度|≥90%|95.2%|30||";
    let html = form(budget, indicators, "");
    let doc = jixiao_ingest::read(html.as_bytes()).expect("readable html");
    let report = jixiao_extract::extract(&doc);
    let items = &report.score_tables[0].items;
    assert_eq!(items.len(), 3);
    assert!(
        items
            .iter()
            .all(|i| i.score.is_none() && i.weight.is_some()),
        "{items:?}"
    );
    assert_eq!(report.report.total_score, None);
    assert_eq!(
        report.score_tables[0]
            .stated_total
            .as_ref()
            .and_then(|t| t.weight)
            .map(|w| w.to_string())
            .as_deref(),
        Some("100")
    );
    let findings = jixiao_validate::check(&report);
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "{findings:?}"
    );
}

// Department-budget publications (部门预算) state funds, reserves and changes on
// last year beside the whole budget; none of them is the whole or a part of it.
// Invented figures in the shape of the real publications.

#[test]
fn value_conflict_of_a_cost_indicator_costing_the_whole_budget() {
    let form = "2023年度项目支出绩效自评表\n| 项目名称 | 某县文化宣传项目 |\n| | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n| 年度资金总额 | 120.00 | 120.00 | 118.40 | 10 | 98.67% | 9.87 |\n| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n| 产出指标 | 数量指标 | 宣传片制作数量 | 2部 | 2部 | 20 | 20 |\n| | 成本指标 | 宣传片制作费 | ≤120万元 | 118.4万元 | 20 | 20 |\n";
    let hit = holds_then_fails(
        "value.conflict",
        "实际完成值 118.4万元 = 执行数 118.4",
        form,
        "118.4万元",
        "119.4万元",
    );
    assert_eq!(hit.severity, Severity::Warning);
    // A cost of less than the whole budget is a part of it: no claim on
    // what was spent.
    let part = form.replace("≤120万元 | 118.4万元", "≤60万元 | 59.4万元");
    let (f, checks) = traced(&part);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().all(|c| c.rule != "value.conflict"),
        "{checks:?}"
    );
}

#[test]
fn value_conflict_compares_only_the_whole_budget() {
    let text = "2025年，本部门支出预算3,210.50万元。本部门支出预算3,210.50万元，国有资本经营预算拨款支出预算0万元，比2024年预算持平。单位预留机动经费预算数为412.30万元。本部门编报绩效目标的项目8个，涉及项目预算资金1,020万元。部门支出预算总额3,210.50万元。\n";
    let f = check(text);
    assert!(of(&f, "value.conflict").is_empty(), "{f:?}");
    // The whole budget stated once differently is still a conflict.
    let bad = text.replace("部门支出预算总额3,210.50", "部门支出预算总额3,201.50");
    let f = check(&bad);
    let hits = of(&f, "value.conflict");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "3201.5");
}

#[test]
fn parts_sum_leaves_changes_on_last_year_out() {
    let text = "2025年，本部门收入预算2,418.60万元，其中：财政拨款收入2,300.00万元，比2024年预算减少512.40万元；其他收入118.60万元。\n";
    let f = check(text);
    assert!(of(&f, "parts.sum").is_empty(), "{f:?}");
    // The parts themselves are still checked: 2,300.00 + 118.60 > 2,408.60.
    let f = check(&text.replace("2,418.60", "2,408.60"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(
        hits[0]
            .computed
            .map(|d| d.normalize().to_string())
            .as_deref(),
        Some("2418.6")
    );
}

#[test]
fn adjustment_mismatch_of_a_budget_named_neither_initial_nor_adjusted() {
    // Invented: a 收入预算 its paragraph goes on to add to and adjust is the
    // 年初 one. Before, its 其中 list ran on into the next sentence (its
    // 上年结转 taken for a member of 年初 + 追加) and the 执行率 was judged over it.
    let text = "2023年部门收入预算总计2,856.40万元，其中：一般公共预算拨款2,716.40万元，政府性基金预算拨款80.00万元，上年结转60.00万元。年度中追加预算312.50万元，调整后预算3,168.90万元。2023年部门支出决算3,050.27万元，预算执行率96.26%。\n";
    holds_then_fails(
        "adjustment.mismatch",
        "2856.40 + 312.50 = 3168.90",
        text,
        "追加预算312.50",
        "追加预算321.50",
    );
    holds_then_fails(
        "rate.mismatch",
        "3050.27 / 3168.90 = 96.26%",
        text,
        "96.26%",
        "97.26%",
    );
    holds_then_fails(
        "parts.sum",
        "2023年部门收入预算 = 3 parts",
        text,
        "上年结转60.00",
        "上年结转70.00",
    );
}

#[test]
fn a_budget_adjusted_to_is_no_change_and_a_parts_figures_restated_are_the_parts() {
    // Invented: `调整为` names the adjusted budget (it was also read as the
    // change, 3980 ± 4573.40); the sentence on 项目资金 restates 项目支出's figures,
    // so its 已支出 and 结余 are no conflict with the report's and no balance of it.
    let text = "部门年初预算3,980.00万元，全年预算调整为4,573.40万元，调增593.40万元，实际支出4,402.35万元，预算执行率96.26%。其中：基本支出预算1,560.20万元，执行1,548.90万元；项目支出预算3,013.20万元，执行2,853.45万元。\n本年度项目资金共计3,013.20万元，已支出2,853.45万元，结余159.75万元。\n";
    let hit = holds_then_fails(
        "adjustment.mismatch",
        "3980.00 + 593.40 = 4573.40",
        text,
        "调增593.40",
        "调增539.40",
    );
    assert_eq!(hit.severity, Severity::Error);
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.contains("159.75")),
        "{checks:?}"
    );
    // 追减 takes away (it was read as nothing, and 年初 + 追加 judged alone);
    // a change in words not known here leaves the changes unsure: no finding.
    let text = "2022年部门整体支出年初预算2,108.62万元，年中追加1,356.20万元，追减86.00万元，调整后预算3,378.82万元。\n";
    holds_then_fails(
        "adjustment.mismatch",
        "2108.62 + 1356.20 − 86.00 = 3378.82",
        text,
        "追减86.00",
        "追减68.00",
    );
    let f = check(&text.replace("追减", "调出"));
    assert!(of(&f, "adjustment.mismatch").is_empty(), "{f:?}");
}

#[test]
fn adjustment_mismatch_adds_up_several_changes_each_with_its_way() {
    let text = "二、项目资金情况\n本项目年初预算100.00万元，年中追加20.00万元，调减10.00万元，全年预算110.00万元。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.rule == "adjustment.mismatch"
            && c.verdict == jixiao_validate::Verdict::Consistent
            && c.relation.contains("100.00 + 20.00 − 10.00")),
        "{checks:?}"
    );
    let f = check(&text.replace("调减10.00", "调减12.00"));
    let hits = of(&f, "adjustment.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(
        hits[0].computed.map(|d| d.normalize().to_string()),
        Some("108".to_string())
    );
    // Parts of one change (其中…) are no further changes, and a change's
    // parts are changes, not the budget they make.
    let parts = "二、项目资金情况\n本项目年初预算100万元，追加20万元，其中中央追加15万元，省级追加5万元，调整后预算120万元。\n";
    let (f, checks) = traced(parts);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.rule == "parts.sum"
            && c.verdict == jixiao_validate::Verdict::Consistent
            && c.relation.contains("2 parts")),
        "{checks:?}"
    );
}

#[test]
fn adjustment_mismatch_is_not_a_change_on_last_year() {
    let text = "2023年度年初预算为820.40万元,全年预算为1,034.10万元,较上年度下降了12.30%,主要是设备购置支出较上年减少了96.00万元。\n";
    let f = check(text);
    assert!(of(&f, "adjustment.mismatch").is_empty(), "{f:?}");
}

#[test]
fn parts_sum_across_fund_blocks() {
    // A 合计 block that totals the blocks after it: its 市级 row is their 市级 rows' sum.
    let text = |city: &str| {
        format!("补助资金合计(万元) 年度预算资金总额): 500.00\n其中:中央补助 300.00\n市级资金 {city}\n本级资金 50.00\n甲类补助资金(万元)\n年度预算资金总额: 320.00\n其中:中央补助 200.00\n市级资金 90.00\n本级资金 30.00\n乙类补助资金(万元)\n年度预算资金总额: 180.00\n其中:中央补助 100.00\n市级资金 60.00\n本级资金 20.00\n")
    };
    // 300 + 150 + 50 = 500 within the block, and 90 + 60 = 150 across: silent.
    let f = check(&text("150.00"));
    assert!(of(&f, "parts.sum").is_empty(), "{f:?}");
    // 300 + 149 + 50 = 499 ≠ 500 within the block, and 149 ≠ 90 + 60 across.
    let f = check(&text("149.00"));
    let across: Vec<&Finding> = of(&f, "parts.sum")
        .into_iter()
        .filter(|x| x.message.contains("blocks it totals"))
        .collect();
    assert_eq!(across.len(), 1, "{f:?}");
    assert_eq!(stated(across[0]), "149");
    assert_eq!(
        across[0]
            .computed
            .map(|d| d.normalize().to_string())
            .as_deref(),
        Some("150")
    );
    // The blocks' own totals are a column too, checked with the rest: a sub-block
    // total mistyped (180 → 181, its parts still 100 + 60 + 20) is found against
    // the head's 500 as well as against its own parts, not lost with the structure.
    let (f, checks) = traced(&text("150.00"));
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "年度预算资金总额 = the blocks it totals"
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    let f = check(&text("150.00").replace("年度预算资金总额: 180.00", "年度预算资金总额: 181.00"));
    let across: Vec<&Finding> = of(&f, "parts.sum")
        .into_iter()
        .filter(|x| x.message.contains("blocks it totals"))
        .collect();
    assert_eq!(across.len(), 1, "{f:?}");
    assert_eq!(stated(across[0]), "500");
    assert_eq!(
        across[0]
            .computed
            .map(|d| d.normalize().to_string())
            .as_deref(),
        Some("501")
    );
}

#[test]
fn parts_sum_of_a_total_under_its_rows() {
    // A list of projects with its 合计 at the bottom, column by column.
    let text = "单位：万元\n项目名称\t年初预算\t调整后预算\t实际支出\t执行率\n办公楼维修\t400.00\t450.00\t435.00\t96.67%\n档案数字化\t50.00\t50.00\t45.00\t90.00%\n合计\t450.00\t500.00\t480.00\t96.00%\n";
    let hit = holds_then_fails(
        "parts.sum",
        "合计 全年执行数 = the 2 rows above it",
        text,
        "\t45.00\t90.00%",
        "\t46.00\t92.00%",
    );
    assert_eq!(stated(&hit), "480");
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn value_conflict_of_a_departments_whole_restated() {
    // In a department's own report, 部门整体支出… is the report's budget.
    let text = "桐川市河湾区档案馆2024年度部门整体支出绩效自评报告\n\n2024年度部门整体支出年初预算为800.00万元，调整后预算为950.00万元。\n\n部门整体支出调整后预算950.00万元，全年支出912.00万元，预算执行率96.00%。\n";
    let hit = holds_then_fails(
        "value.conflict",
        "stated alike",
        text,
        "部门整体支出调整后预算950.00",
        "部门整体支出调整后预算960.00",
    );
    assert_eq!(stated(&hit), "960");
    // In a project's report the same words are its department's, another scope.
    let project = text.replace("部门整体支出绩效自评报告", "档案数字化项目绩效自评报告");
    let f = check(&project.replace(
        "部门整体支出调整后预算950.00",
        "部门整体支出调整后预算960.00",
    ));
    assert!(of(&f, "value.conflict").is_empty(), "{f:?}");
}

#[test]
fn value_conflict_is_silent_on_a_list_of_projects() {
    // A department budget lists each project's figures under the same words.
    let text = "（一）办公楼维修项目，2023年当年预算执行数为120.00万元。\n\n（二）信息化建设项目，2023年当年预算执行数为120.00万元。\n\n（三）档案整理项目，2023年当年预算执行数为86.50万元。\n\n（四）设备购置项目，2023年当年预算执行数为42.00万元。\n";
    let f = check(text);
    assert!(of(&f, "value.conflict").is_empty(), "{f:?}");
}

#[test]
fn amount_product() {
    // Invented in the shape of a subsidy paragraph: 1,250 × 800 元 = 100 万元.
    let text =
        "本年度共资助困难学生1,250人，每人补助标准800元，共计发放100.00万元，资金全部按时到位。\n";
    let bad = text.replace("100.00万元", "110.00万元");
    let f = check(&bad);
    let hits = of(&f, "amount.product");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
    assert_eq!(stated(hits[0]), "110");
    assert!(of(&check(text), "amount.product").is_empty());
    // A standard per head is of a count of heads (1.2万人), not of the towns
    // the sentence counts (5个乡镇 × 100 was a false error before).
    let towns = "项目共涉及5个乡镇，受益群众1.2万人，人均补助100元，共计发放补助资金120万元。\n";
    let (f, checks) = traced(towns);
    assert!(f.is_empty(), "{f:?}");
    let products: Vec<&str> = checks
        .iter()
        .filter(|c| c.rule == "amount.product")
        .map(|c| c.relation.as_str())
        .collect();
    assert_eq!(products, ["1.2万 × 100 = 120"], "{checks:?}");
    // A table of places: each row's amount its count times its standard, in
    // the unit (万元 here) the rows themselves hold in.
    let table = "取暖补贴发放情况表\n| 乡镇 | 补贴户数 | 补贴标准（元/户） | 补贴金额 |\n| 城关镇 | 326 | 1200 | 39.12 |\n| 河口镇 | 214 | 1200 | 25.68 |\n| 白石镇 | 188 | 1500 | 28.20 |\n| 合计 | 728 | — | 93.00 |\n";
    let hit = holds_then_fails(
        "amount.product",
        "河口镇 214 × 1200 = 25.68",
        table,
        "| 214 | 1200 |",
        "| 214 | 1300 |",
    );
    assert_eq!(hit.severity, Severity::Warning);
    assert_eq!(hit.location.line, Some(4));
    // Fewer than two rows holding in any one unit: the amounts may be of
    // something else, nothing is judged.
    let (f, checks) = traced(
        &table
            .replace("| 39.12 |", "| 3.91 |")
            .replace("| 25.68 |", "| 2.57 |")
            .replace("| 93.00 |", "| 34.68 |"),
    );
    assert!(of(&f, "amount.product").is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "amount.product"),
        "{checks:?}"
    );
    // Two counts in one sentence: which one the standard applies to is unsure.
    let two = "资助学生1,250人、教师30人，每人补助标准800元，共计发放110.00万元。\n";
    assert!(of(&check(two), "amount.product").is_empty());
    // The total may come first when it says it is one.
    let first = "本年度发放补贴资金共计48.00万元，惠及1200人，每人400元。\n";
    assert!(check(first).is_empty());
    let f = check(&first.replace("每人400", "每人420"));
    assert_eq!(of(&f, "amount.product").len(), 1, "{f:?}");
    // A count of times paid (人次) counts each month's payment already: a
    // standard per month is paid once per count, not twelve times.
    let monthly =
        "困难残疾人生活补贴按每人每月80元标准发放，全年累计发放48,600人次，发放金额388.80万元。\n";
    let f = holds_then_fails(
        "amount.product",
        "48600 × 80 = 388.8",
        monthly,
        "388.80万元",
        "398.80万元",
    );
    assert_eq!(f.severity, Severity::Warning);
}

#[test]
fn parts_sum_of_a_list_inside_an_item_of_a_list_run_on_past_a_semicolon() {
    // Invented, in the shape of a 三公 paragraph: the 其中 list runs on past
    // `；`, and its second item opens a 其中 list of its own parts.
    let text = "2023年度“三公”经费财政拨款支出决算为26.84万元。其中：因公出国（境）费支出决算为0万元；公务用车购置及运行费支出决算为19.36万元，比上年决算减少2.48万元，其中公务用车购置费0万元，公务用车运行维护费19.36万元；公务接待费支出决算为7.48万元。\n";
    holds_then_fails(
        "parts.sum",
        "公务用车购置及运行费支出决算 = its 2 parts",
        text,
        "运行维护费19.36",
        "运行维护费19.46",
    );
}

#[test]
fn parts_sum_of_a_fund_block_whose_other_rows_are_printed_blank() {
    // Invented, in the shape of a form flattened to one line: the total row,
    // its one part with amounts, the other sources printed with dashes only.
    let text = "项目支出绩效自评表 （2022年度） 项目名称 城乡居民养老保险县级补助资金 主管部门 某某县人力资源和社会保障局 项目资金 （万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 318.50 342.80 336.94 10 98.29% 9.8 其中：当年财政拨款 318.50 342.80 336.94 — — 上年结转资金 — — 其他资金 — — 年度总体目标 预期目标 实际完成情况\n";
    let hit = holds_then_fails(
        "parts.sum",
        "年初预算数 = its one part 当年财政拨款 (上年结转资金, 其他资金 blank)",
        text,
        "年度资金总额 318.50",
        "年度资金总额 319.50",
    );
    assert_eq!(
        hit.severity,
        Severity::Warning,
        "a blank may be unfilled: {hit:?}"
    );
    // A source printed with amounts of its own: two parts, no such relation.
    let (_, checks) = traced(&text.replace("上年结转资金 — —", "上年结转资金 0.00 0.00 0.00 — —"));
    assert!(
        !checks.iter().any(|c| c.relation.contains("blank")),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_of_a_split_as_follows_and_a_rate_over_what_was_allotted() {
    // Invented, in the shape of a fund report from a mirror: the funds allotted
    // from above, split among places `如下：`, and what was paid of them.
    let text = "某县2023年度农业补贴资金绩效自评报告\n一、项目资金情况\n2023年上级下达我县农业补贴资金总额236万元，用于耕地地力保护补贴。资金分配如下：城关镇42万元、河口乡28万元、白石镇35万元、青山乡19万元、新华镇46万元、东风乡22万元、红旗农场44万元。截至2023年12月31日，资金已支付228万元，支付率96.61%。\n";
    holds_then_fails(
        "parts.sum",
        "= 7 parts",
        text,
        "新华镇46万元",
        "新华镇56万元",
    );
    holds_then_fails(
        "rate.mismatch",
        "228 / 236 = 96.61%",
        text,
        "96.61%",
        "95.61%",
    );
    // What was allotted from above, named by no giver, is the whole's.
    holds_then_fails(
        "rate.mismatch",
        "228 / 236 = 96.61%",
        "下达资金236万元。资金已支付228万元，支付率96.61%。\n",
        "96.61%",
        "95.61%",
    );
    // A split as follows of no allotment (`主要指标如下：`) lists no parts.
    let (_, checks) = traced(&text.replace("资金分配如下", "主要情况如下"));
    assert!(
        !checks.iter().any(|c| c.relation.contains("7 parts")),
        "{checks:?}"
    );
}

#[test]
fn score_rate_reads_the_full_marks_in_the_score_headers_formula() {
    // Invented, in the shape of a pipe-rendered 20/80 form: the block's weight
    // stands only in its 得分 header's formula.
    let text = "项目支出绩效自评表\n| 项目资金（万元） | | 预算数 | 执行数 | 执行率 | 得分（20分*执行率） |\n| | 年度财政资金总额 | 480 | 452.64 | 94.30% | 18.86 |\n| 一级指标 | 二级指标 | 三级指标 | 年初目标值 | 实际完成值 | 得分 |\n| 产出指标 | 数量指标 | 改造小区数量 | 12个 | 12个 | 40 |\n| 效益指标 | 社会效益指标 | 居住条件改善 | 明显改善 | 明显改善 | 30 |\n| 满意度指标 | 服务对象满意度 | 居民满意度 | ≥90% | 95% | 9 |\n| 总分 | | | | | 97.86 |\n";
    holds_then_fails(
        "score.rate",
        "20 × 94.30% = 18.86",
        text,
        "| 18.86 |",
        "| 17.86 |",
    );
    holds_then_fails(
        "score.sum",
        "scores add up to 合计 97.86",
        text,
        "| 9 |",
        "| 8 |",
    );
}

#[test]
fn parts_sum_of_a_budget_total_column_with_its_sources_after_it() {
    // Invented, in the shape of a 中央转移支付 form rendered with pipes: the
    // budget's total column first, its sources across after it, a 合计 row
    // over two projects.
    let text = "2024年度农村综合改革转移支付绩效自评表\n| 资金投入情况（万元） | | 年度预算资金总额 | 中央补助 | 市级资金 | 本级资金 |\n| 合计 | | 1,326.40 | 845.00 | 312.60 | 168.80 |\n| 其中：美丽乡村建设 | | 926.40 | 600.00 | 206.40 | 120.00 |\n| 农村公益事业奖补 | | 400.00 | 245.00 | 106.20 | 48.80 |\n| 资金管理情况 | 分配科学性 | 按照因素法分配资金 |\n";
    holds_then_fails(
        "parts.sum",
        "美丽乡村建设 全年预算数 = 3 sources across",
        text,
        "| 600.00 |",
        "| 610.00 |",
    );
    // A row's budget altered breaks both its sources and the 合计's breakdown.
    let (_, checks) = traced(text);
    assert!(
        checks
            .iter()
            .any(|c| c.relation.contains("合计 全年预算数 = 2 parts")
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    let f = check(&text.replace("| 400.00 |", "| 410.00 |"));
    assert_eq!(of(&f, "parts.sum").len(), 2, "{f:?}");
}

#[test]
fn a_department_forms_blocks_side_by_side_are_no_rows_of_its_budget_header() {
    // Invented, in the shape of the 部门整体支出绩效自评表 (tab-separated): under
    // the budget header, 按收入性质分 and 按支出性质分 side by side, one figure
    // each: no column of the header's holds them (a false parts.sum error
    // against the 年初预算数 before).
    let text = "2023年度部门整体支出绩效自评表\n部门名称\t某某市司法局\n年度预算申请（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n年度资金总额\t1,568.20\t1,642.75\t1,611.48\t10\t98.10%\t9.81\n按收入性质分\t按支出性质分\n其中：财政拨款\t1,642.75\t其中：基本支出\t1,286.40\n其他资金\t0\t项目支出\t325.08\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation.contains("1611.48 / 1642.75")),
        "{checks:?}"
    );
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
}

#[test]
fn rate_mismatch_over_the_base_it_names_is_not_a_listed_part_so_named() {
    // Invented: `以到位资金计` names the funds received; the one so named last
    // is a listed part (县级资金到位), not the whole received.
    holds_then_fails(
        "rate.mismatch",
        "2598.32 / 2745 = 94.66%",
        "该项目总投资2,860万元。截至2023年底，累计到位资金2,745万元，其中中央资金1,600万元，省级资金到位700万元，县级资金到位445万元。累计完成投资2,598.32万元，资金支出率94.66%（以到位资金计）。\n",
        "94.66%",
        "95.66%",
    );
}

#[test]
fn parts_sum_of_a_total_score_and_its_groups_in_the_next_paragraph() {
    // Invented, in the shape of an evaluation report's conclusion: the total
    // score ends one paragraph, the four groups with their full marks open the
    // next.
    let text = "二、绩效评价结论\n评价组对项目进行了综合评价，项目综合得分为88.40分，绩效等级为“良”。\n各一级指标得分情况如下：项目决策满分15分，得分13.20分；项目过程满分25分，得分21.50分；项目产出满分35分，得分31.90分；项目效益满分25分，得分21.80分。\n";
    holds_then_fails(
        "parts.sum",
        "项目综合得分 totals 4",
        text,
        "88.40分",
        "89.40分",
    );
}

#[test]
fn a_budget_opened_with_then_adjusted_and_its_balance_rate() {
    // Invented, in the shape of a project report: `年初预算安排…资金` is the
    // budget the year opened with (read as the full-year one before: a false
    // value.conflict), and the 结余率 is a share of what could be spent, not
    // of what was (a false error over 实际支出 before).
    let text = "2023年度农村公路养护专项资金绩效自评报告\n一、项目资金情况\n年初预算安排农村公路养护专项资金680.00万元，年中追加预算120.00万元，调减预算35.00万元，全年预算调整为765.00万元。\n截至2023年12月31日，实际支出742.56万元，预算执行率97.07%，结余资金22.44万元，结余率2.93%。\n";
    holds_then_fails(
        "adjustment.mismatch",
        "680.00 + 120.00 − 35.00 = 765.00",
        text,
        "120.00万元",
        "130.00万元",
    );
    holds_then_fails(
        "rate.mismatch",
        "22.44 / (22.44 + 742.56) = 2.93%",
        text,
        "2.93%",
        "3.93%",
    );
}

#[test]
fn rate_mismatch_of_bare_shares_of_a_budget_with_one_part_mistyped() {
    // Invented, in the shape of a department's 预算执行 paragraph: each
    // quarter's spending as a share of the full-year budget, the first naming
    // it. With one quarter mistyped their sum is none of the report's figures;
    // the other shares still hold over the budget, so the one is caught.
    let text = "二、预算执行情况\n2023年本部门年初预算数为5,862.40万元，年中追加预算426.18万元，调整后预算数为6,288.58万元。截至12月底，本部门实际支出6,104.72万元，预算执行率97.08%。分季度看，第一季度支出1,286.50万元，占全年预算的20.46%；第二季度支出1,512.36万元，占24.05%；第三季度支出1,498.20万元，占23.82%；第四季度支出1,807.66万元，占28.75%。\n";
    holds_then_fails(
        "rate.mismatch",
        "1512.36 / 6288.58 = 24.05%",
        text,
        "1,512.36",
        "1,513.36",
    );
}

#[test]
fn parts_sum_of_rows_under_a_row_reads_a_zero_as_nothing() {
    // Invented, in the shape of a 基础数据表 rendered with pipes: `0` beside
    // figures of two decimals is no rounding of half a unit.
    let text = "部门整体支出绩效评价基础数据表\n| 经费控制情况 | 2022年决算数 | 2023年预算数 | 2023年决算数 |\n| 三公经费 | 21.36 | 24.00 | 19.82 |\n| 1、公务用车购置和维护经费 | 14.20 | 16.00 | 13.46 |\n| 其中：公车购置 | 0 | 0 | 0 |\n| 公车运行维护 | 14.20 | 16.00 | 13.46 |\n| 2、出国经费 | 0 | 0 | 0 |\n| 3、公务接待 | 7.16 | 8.00 | 6.36 |\n";
    let (f, _) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    let f = check(&text.replace("| 公车运行维护 | 14.20", "| 公车运行维护 | 14.30"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "14.2");
}

#[test]
fn parts_sum_of_a_whole_whose_label_joins_its_members() {
    // Invented: `新建和改造…142处` names its two members; listed after 其中,
    // they are all of it.
    let text = "二、产出情况\n全年新建和改造供水工程142处，其中新建集中供水工程38处，改造104处。\n";
    let hit = holds_then_fails("parts.sum", "all of it", text, "改造104处", "改造94处");
    assert_eq!(stated(&hit), "142");
    // People may be counted under both headings: no such list.
    let (_, checks) = traced("全年培训和就业人数1,200人，其中培训800人，就业600人。\n");
    assert!(
        !checks.iter().any(|c| c.relation.contains("all of it")),
        "{checks:?}"
    );
}

#[test]
fn counts_add_up_to_their_stated_total() {
    let text = "年初确定重点项目5个，年中新增3个，共8个项目纳入绩效监控。\n";
    assert!(of(&check(text), "parts.sum").is_empty());
    let f = check(&text.replace("共8个", "共9个"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "9");
}

#[test]
fn a_department_budget_in_the_real_shape_raises_no_error_and_its_shares_are_checked() {
    // Invented figures in the shape of the 部门预算 publications: the whole budget,
    // funds at 0, changes on last year, several projects each with its 执行数,
    // and shares of the 三公经费 whose whole is stated in the sentence before.
    let text = "2025年，本部门收支预算总额4,860.20万元，比2024年预算增加126.40万元。其中：一般公共预算拨款收入4,700.20万元，政府性基金预算拨款收入0万元，国有资本经营预算拨款收入0万元，其他收入160.00万元。\n\n2025年“三公”经费预算数为82.50万元，比2024年预算减少3.20万元。其中：因公出国（境）费0万元，占“三公”经费的0%；公务用车购置及运行维护费60.50万元，占“三公”经费的73.33%；公务接待费22.00万元，占“三公”经费的26.67%。\n\n（一）档案数字化项目，2024年当年预算执行数为310.00万元。\n\n（二）馆舍维修项目，2024年当年预算执行数为95.60万元。\n\n（三）信息系统运维项目，2024年当年预算执行数为48.00万元。\n";
    let doc = jixiao_ingest::read(text.as_bytes()).expect("readable");
    let report = jixiao_extract::extract(&doc);
    let (findings, checks) = jixiao_validate::check_traced(&report);
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "{findings:?}"
    );
    let shares: Vec<_> = checks
        .iter()
        .filter(|c| c.rule == "rate.mismatch" && c.relation.contains("82.5"))
        .collect();
    assert_eq!(shares.len(), 2, "{checks:?}");
    assert!(shares
        .iter()
        .all(|c| c.verdict == jixiao_validate::Verdict::Consistent));
    // A share mistyped is caught, as a warning (the whole a share means may differ).
    let doc = jixiao_ingest::read(text.replace("73.33%", "75.33%").as_bytes()).expect("readable");
    let f = jixiao_validate::check(&jixiao_extract::extract(&doc));
    assert_eq!(of(&f, "rate.mismatch").len(), 1, "{f:?}");
}

#[test]
fn parts_sum_after_the_other_words_that_open_a_list() {
    // 分别为 / 由…组成 open a list of parts as 其中 does.
    for text in [
        "项目总投资600.00万元，由中央资金400.00万元和地方配套资金250.00万元组成。\n",
        "项目总投资600.00万元，中央资金和地方配套资金分别为400.00万元、250.00万元。\n",
        // The sources of an amount stated before them in its sentence.
        "项目总投资600.00万元，资金来源为：中央资金400.00万元、地方配套资金250.00万元。\n",
        "项目总投资600.00万元，资金来源：中央资金400.00万元，地方配套资金250.00万元。\n",
        // The kinds of an amount by a classification.
        "本年支出合计600.00万元，按经济分类：工资福利支出400.00万元，商品和服务支出250.00万元。\n",
    ] {
        let f = check(text);
        let hits = of(&f, "parts.sum");
        assert_eq!(hits.len(), 1, "{text}: {f:?}");
        assert_eq!(stated(hits[0]), "600");
        let clean = text.replace("250.00", "200.00");
        assert!(of(&check(&clean), "parts.sum").is_empty(), "{clean}");
    }
    // 由于 is no list, and 含 in a threshold names no part.
    let text = "10 万元以上（含 10 万元）至 20 万元以下需集体决定，20 万元以上（含 20 万元）需党组决定。\n";
    assert!(of(&check(text), "parts.sum").is_empty());
    let text = "项目总投资600.00万元，由于物价上涨，中央资金400.00万元、地方配套资金250.00万元构成缺口。\n";
    assert!(of(&check(text), "parts.sum").is_empty());
    // Sources under a heading of their own are of no amount the list can see.
    let text = "一、项目概况\n项目实际支出600.00万元。\n（二）资金来源\n资金来源：中央资金400.00万元，地方配套资金250.00万元。\n";
    assert!(
        of(&check(text), "parts.sum").is_empty(),
        "{:?}",
        check(text)
    );
}

#[test]
fn parts_sum_takes_a_bare_zero_beside_figures_with_decimals_as_none() {
    // `因公出国（境）费0万元` is nothing, not anything under half a 万元: a
    // total 0.10 off its parts was only a rounding warning.
    let text = "一、三公经费\n“三公”经费支出18.60万元，其中：因公出国（境）费0万元，公务用车购置及运行费12.30万元，公务接待费6.30万元。\n";
    let hit = holds_then_fails("parts.sum", "all of it", text, "6.30万元", "6.40万元");
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn parts_sum_of_a_column_whose_total_is_cut_against_the_form() {
    // A 部门整体 form printed one cell per line (invented figures): the 支出明细's
    // 计划 column totals the form's 计划安排资金, so it lists the whole, and its
    // 实际 column, whose 合计 is cut off, must add up to the form's 实际支出.
    let text = |spent: &str| {
        format!("一、收支概况\n计划安排资金(万元)\n300.50\n实际到位资金(万元)\n300.50\n实际支出(万元)\n{spent}\n二、年度决算报表支出明细\n支出内容\n计划支出数\n实际支出数\n基本工资\n100.00\n110.10\n办公费\n150.50\n100.15\n差旅费\n50.00\n40.00\n支出合计\n300.50\n250\n")
    };
    let report = |t: &str| {
        let doc = jixiao_ingest::read(t.as_bytes()).expect("readable");
        jixiao_extract::extract(&doc)
    };
    let (findings, checks) = jixiao_validate::check_traced(&report(&text("250.25")));
    assert!(of(&findings, "parts.sum").is_empty(), "{findings:?}");
    let column: Vec<_> = checks
        .iter()
        .filter(|c| c.rule == "parts.sum" && c.relation.contains("executed figure"))
        .collect();
    assert_eq!(column.len(), 1, "{checks:?}");
    assert_eq!(column[0].verdict, jixiao_validate::Verdict::Consistent);
    assert_eq!(column[0].inputs.len(), 3);
    let f = jixiao_validate::check(&report(&text("252.25")));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
    assert_eq!(stated(hits[0]), "252.25");
    // Where the 计划 column's total is not the form's figure, the table may list
    // only part of the whole: no check.
    let part = text("252.25").replace("计划安排资金(万元)\n300.50", "计划安排资金(万元)\n400.50");
    let (f, checks) = jixiao_validate::check_traced(&report(&part));
    assert!(of(&f, "parts.sum").is_empty(), "{f:?}");
    assert!(!checks
        .iter()
        .any(|c| c.relation.contains("executed figure")));
    // With its 合计 printed in full, the 实际 column's total is the form's 实际支出.
    let printed = |spent: &str| text(spent).replace("300.50\n250\n", "300.50\n250.25\n");
    let (f, checks) = jixiao_validate::check_traced(&report(&printed("250.25")));
    assert!(of(&f, "parts.sum").is_empty(), "{f:?}");
    assert!(checks.iter().any(|c| c
        .relation
        .contains("支出合计 row) = the report's executed figure")
        && c.verdict == jixiao_validate::Verdict::Consistent));
    let f = jixiao_validate::check(&report(&printed("251.25")));
    assert!(
        of(&f, "parts.sum")
            .iter()
            .any(|h| stated(h) == "251.25" && h.severity == Severity::Error),
        "{f:?}"
    );
}

#[test]
fn rate_mismatch_of_a_share_that_names_its_part_and_whole() {
    // `A，占 B 的 Y%`: counts and amounts alike (invented figures).
    for (text, right, wrong) in [
        (
            "本单位年末实际在职人员为118人，占核定编制数125人的比率为94.40%。\n",
            "94.40%",
            "95.40%",
        ),
        (
            "2023年项目支出1250.00万元，占部门总支出3125.00万元的40.00%。\n",
            "40.00%",
            "42.00%",
        ),
    ] {
        let hit = holds_then_fails("rate.mismatch", " / ", text, right, wrong);
        assert_eq!(hit.severity, Severity::Error);
    }
    // A share of another whole than the amount after 占 (`占…的比重上升`) is no share.
    let text = "项目支出1250.00万元，占部门总支出3125.00万元的比重上升5.00%。\n";
    assert!(of(&check(text), "rate.mismatch").is_empty());
}

#[test]
fn rate_mismatch_of_counts_named_by_the_rate_and_parts_sum_of_group_scores() {
    // A count rate whose verb names its part (`完成率` of `已完成`), over the 共 count.
    for (text, right, wrong) in [
        (
            "共实施项目12个，已完成10个，完成率83.33%。\n",
            "83.33%",
            "85.33%",
        ),
        (
            "全年共培训学员120人，其中合格学员96人，合格率80.00%。\n",
            "80.00%",
            "82.00%",
        ),
        // Over what should have been (`应资助`).
        (
            "全年资助困难群众参保12,560人，应资助12,600人，资助参保率99.68%。\n",
            "12,560人",
            "12,460人",
        ),
    ] {
        holds_then_fails("rate.mismatch", " / ", text, right, wrong);
    }
    // The part is never its own whole: `共完成10个` over a plan is no such rate.
    assert!(check("共完成10个，计划12个，完成率83.33%。\n").is_empty());
    // A total score's groups listed after 其中 are its parts.
    let text =
        "本项目综合得分92.5分，其中项目决策18分，项目过程19.5分，项目产出35分，项目效益20分。\n";
    let hit = holds_then_fails("parts.sum", "4 parts", text, "35分", "37分");
    assert_eq!(hit.severity, Severity::Error);
    // …also when they open the sentence after the total score.
    let text = "综合评价得分为91.5分，评价等级为“优”。其中：项目决策20分，项目过程18.5分，项目产出33分，项目效益20分。\n";
    holds_then_fails("parts.sum", "4 parts", text, "33分", "35分");
    // Deductions listed after 其中 are no group scores.
    assert!(check("本项目综合得分92.5分，其中项目决策扣2分，项目过程扣0.5分。\n").is_empty());
}

#[test]
fn rate_mismatch_over_funds_received_of_disbursement_and_of_balance() {
    // 执行率 over the funds received (`资金到位`), 拨付率 and 结余率 by their vocabulary.
    for (text, right, wrong) in [
        (
            "本年度项目资金到位300.00万元，实际支出285.00万元，资金执行率95.00%。\n",
            "95.00%",
            "96.00%",
        ),
        (
            "省级补助资金600万元，已拨付450万元，拨付率75%。\n",
            "75%",
            "78%",
        ),
        (
            "（一）资金投入情况：2023年度该项目预算资金85.6万元。（二）资金使用情况：截至年底实际支出资金81.3万元，预算执行率94.98%。\n",
            "94.98%",
            "95.98%",
        ),
        (
            "项目预算资金300.00万元，年末结余15.00万元，结余率5.00%。\n",
            "5.00%",
            "5.50%",
        ),
    ] {
        holds_then_fails("rate.mismatch", " / ", text, right, wrong);
    }
}

#[test]
fn rate_mismatch_of_a_change_on_last_year() {
    // The 部门预算 shape (invented figures): a level, then its change on last
    // year and the growth rate, which is the change over last year's level.
    let text = "1.住房保障（类）支出3301.20万元，主要用于住房公积金支出。与上年相比增加1178.82万元，增长55.54%。\n\n2.一般行政事务管理（项）支出6049.97万元，与上年相比减少392.92万元，减少6.10%。\n";
    let doc = jixiao_ingest::read(text.as_bytes()).expect("readable");
    let (f, checks) = jixiao_validate::check_traced(&jixiao_extract::extract(&doc));
    assert!(f.is_empty(), "{f:?}");
    let rates: Vec<_> = checks
        .iter()
        .filter(|c| c.rule == "rate.mismatch" && c.inputs.len() == 2)
        .collect();
    assert_eq!(rates.len(), 2, "{checks:?}");
    assert!(rates
        .iter()
        .all(|c| c.verdict == jixiao_validate::Verdict::Consistent));
    // A rate on another base is a warning: last year's level is inferred.
    let f = check(&text.replace("6.10%", "5.95%"));
    let hits = of(&f, "rate.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
    // A rate whose word goes against the change is no growth rate of it.
    assert!(check("支出3301.20万元，与上年相比增加1178.82万元，下降5.00%。\n").is_empty());
    // After a list with its shares, a change in a sentence of its own is the whole's.
    let listed = "2023年度收入总计1200万元，其中：财政拨款收入1000万元，占83.33%；事业收入150万元，占12.50%；其他收入50万元，占4.17%。与上年相比增加100万元，增长9.09%。\n";
    holds_then_fails(
        "rate.mismatch",
        "100 / (1200 − 100)",
        listed,
        "9.09%",
        "9.99%",
    );
}

#[test]
fn rate_mismatch_of_both_years_levels() {
    // Both years stated, then the rate (invented figures).
    for (text, right, wrong) in [
        (
            "三公经费支出20.00万元，上年支出25.00万元，下降20.00%。\n",
            "20.00%",
            "22.00%",
        ),
        (
            "该项目2023年预算安排120.00万元，2022年预算安排100.00万元，同比增长20.00%。\n",
            "20.00%",
            "25.00%",
        ),
    ] {
        let hit = holds_then_fails("rate.mismatch", "|", text, right, wrong);
        assert_eq!(hit.severity, Severity::Error);
    }
    // Which year is which unknown: nothing to check.
    assert!(check("A支出20.00万元，B支出25.00万元，下降20.00%。\n").is_empty());
}

#[test]
fn parts_sum_of_a_split_stated_without_a_key() {
    // Every member of the 基本 + 项目支出 split, alike qualified (调整后), with the
    // report's one 调整后 figure stated elsewhere (invented figures).
    let text = |project: &str| {
        format!("调整后基本支出预算为932.98万元，调整后项目支出预算为{project}万元。\n\n部门整体支出年初预算数为1675.98万元，部门整体支出调整后预算为2546.70万元。\n")
    };
    let doc = jixiao_ingest::read(text("1613.72").as_bytes()).expect("readable");
    let (f, checks) = jixiao_validate::check_traced(&jixiao_extract::extract(&doc));
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.rule == "parts.sum"
            && c.stated.number.value.to_string() == "2546.70"
            && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    let f = check(&text("1623.72"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
    // Two 调整后 figures of different value: which is the whole is unsure.
    let two = text("1623.72").replace("年初预算数为1675.98", "调整后预算数为2600.00");
    assert!(of(&check(&two), "parts.sum").is_empty());
}

#[test]
fn parts_sum_of_counts_in_a_split_the_domain_defines() {
    // A department's units by kind (invented figures): a count, split completely.
    let text = "本部门编报的单位共21个。其中:行政单位1个,事业单位20个,其他单位0个。\n";
    let hit = holds_then_fails("parts.sum", "all of it", text, "共21个", "共22个");
    assert_eq!(hit.severity, Severity::Error);
    // Counts after 其中 that name no such split may overlap: no list.
    assert!(check("服务群众1000人，其中残疾人600人，老年人500人。\n").is_empty());
    // Projects by status (invented figures): new and continuing are all of them …
    let text = "全年共实施项目8个，其中：新建项目5个，续建项目3个。\n";
    let hit = holds_then_fails("parts.sum", "all of it", text, "续建项目3个", "续建项目2个");
    assert_eq!(hit.severity, Severity::Error);
    // … but not with another status beside them, which may overlap them.
    let (f, checks) = traced("全年共实施项目12个，其中：新建项目5个，续建项目3个，完工项目6个。\n");
    assert!(f.is_empty() && checks.is_empty(), "{f:?} {checks:?}");
    // A pair that splits whatever it follows (线上 / 线下, 男 / 女, 省内 / 省外).
    for (text, right, wrong) in [
        (
            "全年培训农民2,400人次，其中线上培训1,500人次，线下培训900人次。",
            "线下培训900",
            "线下培训800",
        ),
        (
            "共资助学生1,250名，其中男生620名，女生630名。",
            "女生630",
            "女生640",
        ),
        (
            "接待游客45.6万人次，其中省外游客12.3万人次，省内游客33.3万人次。",
            "33.3万",
            "34.3万",
        ),
        // A last part naming the rest (其他, 其余) leaves nothing out.
        (
            "本年度新增就业岗位350个，其中公益性岗位120个，其他岗位230个。",
            "其他岗位230",
            "其他岗位240",
        ),
    ] {
        let text = format!("二、产出情况\n{text}\n");
        let hit = holds_then_fails("parts.sum", "all of it", &text, right, wrong);
        assert_eq!(hit.severity, Severity::Error);
    }
    // One side alone, or a third heading beside the pair, may be some of it.
    for text in [
        "全年开展培训2,400人次，其中线上1,500人次。",
        "服务群众1,000人，其中男性400人，女性500人，残疾人120人。",
    ] {
        let (f, checks) = traced(&format!("二、产出情况\n{text}\n"));
        assert!(f.is_empty() && checks.is_empty(), "{f:?} {checks:?}");
    }
}

#[test]
fn a_projects_rate_is_judged_on_its_own_amounts_not_the_reports() {
    // Two projects, each with its budget, spending and rate: the second's
    // figures differ from the first's as often as they agree, so they may be
    // another quantity, and its rate is the ratio of its own amounts.
    let text = "（一）办公楼维修项目，全年预算数为120.00万元，执行数为117.60万元，预算执行率为98.00%。\n\n（二）信息化建设项目，全年预算数为100.00万元，执行数为91.00万元，预算执行率为91.00%。\n";
    let f = check(text);
    assert!(of(&f, "rate.mismatch").is_empty(), "{f:?}");
    assert!(f.iter().all(|f| f.severity != Severity::Error), "{f:?}");
    // Its own amounts still re-compute it.
    let f = check(&text.replace("91.00%", "93.00%"));
    assert_eq!(of(&f, "rate.mismatch").len(), 1, "{f:?}");
}

#[test]
fn rate_conflict() {
    // A named rate restated in the conclusion must agree with the analysis.
    let text = "2024年，日常公用经费全年预算数为62.44万元，决算数为58.43万元，日常公用经费控制率为93.58%。\n\n五、存在问题\n\n日常公用经费控制率为93.6%，仍有优化空间。\n";
    let hit = holds_then_fails(
        "rate.conflict",
        "日常公用经费控制率 stated alike 2 times",
        text,
        "93.6%，",
        "93.85%，",
    );
    assert_eq!(stated(&hit), "93.85");
    assert_eq!(hit.severity, Severity::Warning);
    // Another quarter's rate under the same name is another quantity.
    let quarters = "一季度，部门预算支出为329.15万元，季度支出进度为12.92%，季度序时进度25.00%，季度预算执行率为51.68%。\n\n二季度，部门预算支出累计为959.07万元，季度支出进度为37.66%，季度序时进度50.00%，季度预算执行率为75.32%。\n";
    assert!(of(&check(quarters), "rate.conflict").is_empty());
    // A rate named by its measure alone (`分配率`) is each fund's the sentence
    // is about: no restatement (this cried wolf on a 直达资金 report), but a
    // ratio of the funds allocated over the fund's total.
    let funds = "一、直达资金分配情况\n全市直达资金总额75.20亿元，分配率99.5%。其中：中央安排直达资金61.02亿元，分配率99.3%；地方安排直达资金14.18亿元，分配率99.5%。\n县区直达资金合计33.88亿元，已分配33.80亿元，未分配0.08亿元，分配率99.8%。\n";
    assert!(of(&check(funds), "rate.conflict").is_empty());
    let hit = holds_then_fails(
        "rate.mismatch",
        "33.80 / 33.88 = 99.8%",
        funds,
        "已分配33.80亿元",
        "已分配32.80亿元",
    );
    assert_eq!(stated(&hit), "99.8");
}

#[test]
fn a_funds_rate_is_its_own_not_the_projects() {
    // After the project's figures, each fund source with its own spending and
    // rate: the rates are the funds', not the project's 196 / 200.
    let text = "本项目年初预算200.00万元，实际到位资金200.00万元，实际支出196.00万元，预算执行率98.00%。其中：省级资金120.00万元，执行率100%；县级资金80.00万元，实际支出76.00万元，执行率95.00%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation.starts_with("县级资金 76.00 / 80.00")
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    // The fund's rate is still checked on the fund's amounts.
    let f = check(&text.replace("执行率95.00%", "执行率97.00%"));
    let hits = of(&f, "rate.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "97");
    // So are a cost's (`会议费预算`) or a named project's: their 实际支出 are
    // theirs, no restatements of the report's (6.5 against 11.2 was a false
    // value.conflict warning).
    let costs = "会议费预算8万元，实际支出6.5万元，执行率81.25%；培训费预算12万元，实际支出11.2万元，执行率93.33%。\n";
    let (f, checks) = traced(costs);
    assert!(f.is_empty(), "{f:?}");
    for relation in ["6.5 / 8 = 81.25%", "11.2 / 12 = 93.33%"] {
        assert!(
            checks.iter().any(|c| c.relation.ends_with(relation)
                && c.verdict == jixiao_validate::Verdict::Consistent),
            "{relation}: {checks:?}"
        );
    }
    let f = check(&costs.replace("执行率93.33%", "执行率90.33%"));
    assert_eq!(of(&f, "rate.mismatch").len(), 1, "{f:?}");
}

#[test]
fn a_kind_of_spendings_rate_and_a_years_rate_are_not_the_reports() {
    // 基本支出 / 项目支出 each with its own rate; a project's year against its
    // total investment. None of these rates is the department's 1130 / 1200.
    let text = "2024年度本部门全年预算1,200.00万元，实际支出1,130.00万元，预算执行率为94.17%。其中，基本支出预算800.00万元，执行780.00万元，执行率97.50%；项目支出预算400.00万元，执行350.00万元，执行率87.50%。\n\n项目总投资500.00万元，2024年度安排资金120.00万元，实际支出118.00万元，执行率98.33%。\n";
    let f = check(text);
    assert!(of(&f, "rate.mismatch").is_empty(), "{f:?}");
    assert!(f.iter().all(|f| f.severity != Severity::Error), "{f:?}");
    // The department's own rate is still checked.
    let f = check(&text.replace("94.17%", "95.17%"));
    assert_eq!(of(&f, "rate.mismatch").len(), 1, "{f:?}");
}

#[test]
fn group_scores_after_their_full_marks_are_the_parts_of_the_total() {
    // `决策20分得18分`: the 20 is the group's full marks, the 18 what it obtained.
    let text = "项目总分100分，自评得分95分，其中：决策20分得18分，过程20分得19分，产出40分得38分，效益20分得20分。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    let sum = checks
        .iter()
        .find(|c| c.rule == "parts.sum")
        .expect("the total score's parts are checked");
    assert_eq!(sum.inputs.len(), 4, "{sum:?}");
    assert_eq!(sum.verdict, jixiao_validate::Verdict::Consistent);
    // Obtained scores adding up to more than the total are an error.
    let f = check(&text.replace("得19分", "得20分").replace("得18分", "得19分"));
    assert_eq!(of(&f, "parts.sum").len(), 1, "{f:?}");
    // The framework's four groups are all of the total: less is a finding too
    // (integers may each be rounded: 92 is beyond, 94 only a warning).
    let f = check(&text.replace("得19分", "得16分"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
}

#[test]
fn a_saving_rate_is_the_saving_over_the_budget() {
    let text = "政府采购预算300.00万元，实际采购290.00万元，节约资金10.00万元，节约率3.33%。\n";
    let hit = holds_then_fails("rate.mismatch", "10.00 / 300.00", text, "3.33%", "3.53%");
    assert_eq!(stated(&hit), "3.53");
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn a_funds_spending_rate_is_over_the_fund_named_before() {
    // Each fund's spending and rate, after the sources were listed.
    let text = "项目资金来源为中央资金300万元、省级资金100万元、县级配套50万元，共计450万元。截至2023年12月31日，中央资金支出300万元，执行率100%；省级资金支出95万元，执行率95%；县级配套支出45万元，执行率90%。\n\n经自评，本项目得分93.5分，其中决策15分、过程18.5分、产出35分、效益25分。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "95 / 100 = 95%",
        text,
        "执行率95%",
        "执行率92%",
    );
    assert_eq!(stated(&hit), "92");
    // `本项目得分` is the total score its group scores add up to.
    let (_, checks) = traced(text);
    assert!(
        checks
            .iter()
            .any(|c| c.rule == "parts.sum" && c.relation.starts_with("本项目得分")),
        "{checks:?}"
    );
    let f = check(&text.replace("过程18.5分", "过程19.5分"));
    assert_eq!(of(&f, "parts.sum").len(), 1, "{f:?}");
}

#[test]
fn group_scores_with_their_full_marks_beside_them_add_up_to_the_total() {
    let text = "综合得分92.5分，其中：项目决策18分（满分20分），项目过程19分（满分20分），项目产出36.5分（满分40分），项目效益19分（满分20分）。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    let sum = checks
        .iter()
        .find(|c| c.rule == "parts.sum")
        .expect("the group scores are checked");
    assert_eq!(sum.inputs.len(), 4, "the full marks are no parts: {sum:?}");
    let f = check(&text.replace("项目产出36.5分", "项目产出38.5分"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
}

#[test]
fn group_scores_of_a_departments_tou_ru_guan_li_group_are_all_of_the_total() {
    // `投入管理` is the 投入 group (not the 管理 one beside 过程管理): the four
    // groups, each after its full marks, are all of the total.
    let text = "经自评，我局2024年度部门整体支出绩效自评得分为93.5分，评价等级为“优”。其中：投入管理20分，得分19分；过程管理30分，得分28.5分；产出指标30分，得分28分；效益指标20分，得分18分。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    let sum = checks
        .iter()
        .find(|c| c.rule == "parts.sum" && c.relation.contains("totals 4"))
        .expect("the group scores are checked");
    assert_eq!(sum.verdict, jixiao_validate::Verdict::Consistent);
    // (Whole-point scores may each be rounded by half a point: a slip of
    // one is a warning, of two beyond any rounding.)
    let f = check(&text.replace("得分28.5分", "得分29.5分"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
    let f = check(&text.replace("得分28.5分", "得分30.5分"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
}

#[test]
fn parts_sum_of_funds_the_first_of_which_says_gong_ji_of_its_own() {
    // `共计` of the province's funds, then the city's, then their 合计.
    let text = "2023年省级财政下达我市困难残疾人生活补贴资金（以下简称“补贴资金”）共计3,268.80万元，市级配套资金1,089.60万元，合计4,358.40万元。\n";
    holds_then_fails(
        "parts.sum",
        "合计 totals 2 amounts",
        text,
        "合计4,358.40万元",
        "合计4,368.40万元",
    );
    // Totals of their own each (`资产总计…，负债合计…`) still make no list.
    let (_, checks) = traced("资产总计500万元，负债合计200万元，净资产合计300万元。\n");
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
}

#[test]
fn group_scores_whose_full_marks_make_100_are_all_of_the_total_whatever_their_names() {
    // Groups no framework word names all (预算编制, 履职效能), but their full
    // marks 20 + 25 + 30 + 25 are the total's 100: a total above their sum is
    // as wrong as one below it.
    let text = "经自评，部门整体支出绩效评价得分92.5分，评价等级为“优”。其中：预算编制18.5分（满分20分），预算执行23分（满分25分），资产管理28分（满分30分），履职效能23分（满分25分）。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.rule == "parts.sum" && c.relation.contains("all of it")),
        "{checks:?}"
    );
    let f = check(&text.replace("得分92.5分", "得分95.5分"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
    // Full marks printed before each score (`预算编制（满分20分）得18.5分`).
    let before = "经自评，综合得分93分。其中：预算编制（满分20分）得18.5分，预算执行（满分25分）得23分，预算管理（满分30分）得28分，履职效能（满分25分）得23.5分。\n";
    let f = check(&before.replace("综合得分93分", "综合得分96分"));
    assert_eq!(of(&f, "parts.sum").len(), 1, "{f:?}");
    // Marks that make less than 100 may leave a group out: less is silent.
    let some = text.replace("（满分25分）。", "（满分15分）。");
    let f = check(&some.replace("得分92.5分", "得分95.5分"));
    assert!(of(&f, "parts.sum").is_empty(), "{f:?}");
    // Points added beside the groups (`含加分2分`) are no group's.
    let bonus = text.replace("得分92.5分，", "得分94.5分（含加分2分），");
    assert!(of(&check(&bonus), "parts.sum").is_empty());
}

#[test]
fn amount_product_reads_a_standards_own_words_and_the_count_before_its_parts() {
    // 437.24's label runs back over `按每公里3,400元的标准`: it named a
    // standard, and two standards left the sentence unread.
    let text = "完成农村公路养护里程1,286公里，按每公里3,400元的标准安排养护补助437.24万元。\n";
    let hit = holds_then_fails(
        "amount.product",
        "1286 × 3400 = 437.24",
        text,
        "437.24",
        "457.24",
    );
    // Paid at a standard without 共: so far or all of it, a warning.
    assert_eq!(hit.severity, Severity::Warning);
    // Of several counts, the one before the sentence's 其中 is the whole. (A
    // part may be what the standard paid for, `其中危房40户，每户补助1万元`:
    // any count giving the total holds, none is a warning.)
    let text = "新建改建公厕36座，其中新建14座、改建22座，每座补助标准7万元，共计252万元。\n";
    let hit = holds_then_fails("amount.product", "36 × 7 = 252", text, "252万元", "262万元");
    assert_eq!(hit.severity, Severity::Warning);
}

#[test]
fn rate_mismatch_of_funds_received_over_the_total_of_the_funds_listed_before() {
    // No budget named: the 合计 of the sources listed is what was to arrive.
    let text = "项目资金来源为省级专项资金300万元、市级配套资金120万元、县级自筹资金80万元，合计500万元。截至2023年12月31日，实际到位资金486万元，到位率97.2%。\n";
    let hit = holds_then_fails("rate.mismatch", "486 / 500 = 97.2%", text, "97.2%", "99.2%");
    // Which base the report meant is inferred: a warning.
    assert_eq!(hit.severity, Severity::Warning);
}

#[test]
fn staff_at_work_by_kind_of_post_are_parts_of_them() {
    // Counts after 其中 are read only in a split the domain defines (others
    // may overlap): the staff at work by 行政 / 事业 is one.
    let text = "实有在职人员42人，其中行政26人、事业16人；离退休人员18人。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "实有在职人员 = 2 parts",
        text,
        "行政26人",
        "行政29人",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Not people of some other kind listed after 其中.
    let (_, checks) = traced("参训人员42人，其中党员26人、女性16人。\n");
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
}

#[test]
fn balance_mismatch_of_an_adjustment_stated_as_an_amount() {
    // `调整金额` between the budget at the year's start and the adjusted one.
    let text =
        "年初预算4800.00万元，年中调整后预算5260.00万元，调整金额460.00万元，预算调整率9.58%。\n";
    let hit = holds_then_fails(
        "balance.mismatch",
        "5260.00 − 4800.00 = 460.00",
        text,
        "460.00",
        "480.00",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn balance_mismatch_of_a_subjects_budget_named_by_its_last_word() {
    // `项目支出预算调整后` names 支出 (what was used) and 预算 (the whole): its
    // last word says it is the budget, so the 结余 is over it.
    let text = "全年项目支出预算调整后为1303.50万元，实际支出1269.51万元，执行率97.39%，结余资金33.99万元。\n";
    let hit = holds_then_fails(
        "balance.mismatch",
        "1303.50 − 1269.51 = 33.99",
        text,
        "33.99",
        "36.37",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn balance_mismatch_of_a_rate_above_its_target_in_points() {
    // `高于年度目标95%`, `比年度目标95%高`: the target is the base, the
    // points after it the difference.
    for text in [
        "农村自来水普及率达到96.5%，高于年度目标95%1.5个百分点。\n",
        "农村自来水普及率达到96.5%，比年度目标95%高1.5个百分点。\n",
    ] {
        let hit = holds_then_fails(
            "balance.mismatch",
            "96.5 − 95 = 1.5",
            text,
            "1.5个",
            "2.5个",
        );
        assert_eq!(hit.severity, Severity::Error);
    }
    // After `高于上年` the figure is the change itself, no base.
    let (_, checks) = traced("农村自来水普及率为96.5%，高于上年1.2个百分点。\n");
    assert!(
        !checks.iter().any(|c| c.rule == "balance.mismatch"),
        "{checks:?}"
    );
    // No difference stated: the way the words say it went must be possible.
    let text = "满意度调查显示满意度为93.5%，低于目标值95%，扣0.5分，得9.5分。\n";
    let hit = holds_then_fails("balance.mismatch", "93.5 < 95", text, "93.5%", "96.5%");
    assert_eq!(hit.severity, Severity::Error);
    // A clause after `；` opening on its base compares the level the clause
    // before opened on.
    let text = "2023年“三公”经费支出8.46万元，比上年9.12万元减少0.66万元，下降7.24%；比预算10.00万元减少1.54万元。\n";
    let hit = holds_then_fails(
        "balance.mismatch",
        "10.00 − 8.46 = 1.54",
        text,
        "1.54",
        "1.74",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Within the rounding of the printed level it holds.
    let (f, _) = traced("满意度为95.0%，高于目标值95%。\n");
    assert!(of(&f, "balance.mismatch").is_empty(), "{f:?}");
}

#[test]
fn rate_mismatch_of_rates_stated_respectively_over_a_run_of_budgets_a_sentence_before() {
    let text = "本项目年度预算资金900.00万元，分城区段、乡镇段、村级段3个子项目实施，预算分别为420.00万元、315.00万元、165.00万元。截至2023年底，3个子项目分别支出405.30万元、298.62万元、160.08万元，执行率分别为96.50%、94.80%、97.02%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "298.62 / 315.00 = 94.80%",
        text,
        "94.80%",
        "96.80%",
    );
    // Paired across sentences (a 年初 run may stand there): a warning.
    assert_eq!(hit.severity, Severity::Warning);
    // The count of sub-projects says the budgets listed are all of the 900.
    let hit = holds_then_fails(
        "parts.sum",
        "= its 3 parts, all of it",
        text,
        "165.00万元。",
        "105.00万元。",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn a_rate_named_before_a_note_in_brackets_keeps_its_name() {
    // `满意度（…）为96.88%`: the note left the figure with no name, so no
    // rule read it as a 满意度.
    let text = "回收有效问卷192份，其中非常满意150份、满意36份、基本满意6份，满意度（非常满意与满意之和占有效问卷的比例）为96.88%。\n";
    holds_then_fails(
        "rate.mismatch",
        "(150 + 36) / 192 = 96.88%",
        text,
        "96.88%",
        "97.88%",
    );
}

#[test]
fn amount_product_of_a_total_count_beside_a_count_per_period() {
    // `每期45人` beside `共培训270人次`: the total count is stated, so the
    // standard per head is of it.
    let text = "全年组织管水员培训6期，每期45人，共培训270人次，人均培训费用380元，培训费用合计10.26万元。\n";
    holds_then_fails(
        "amount.product",
        "270 × 380 = 10.26",
        text,
        "10.26",
        "11.26",
    );
    // Without it, the heads are per period: no product read.
    let (_, checks) = traced("全年组织培训3期，每期50人，人均补助100元，共计1.5万元。\n");
    assert!(
        !checks.iter().any(|c| c.rule == "amount.product"),
        "{checks:?}"
    );
}

#[test]
fn parts_naming_every_required_member_of_a_split_short_of_their_whole_warn() {
    // 基本 + 项目支出 of 本年支出合计: a 决算 may leave out 经营支出, so a
    // shortfall is no error, but no longer silent either.
    let text = "本年支出合计5118.12万元，其中：基本支出3012.45万元，项目支出2105.67万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "本年支出合计 = 2 parts",
        text,
        "2105.67",
        "1958.27",
    );
    assert_eq!(hit.severity, Severity::Warning);
    // Parts of no split the domain defines may name only some: silent.
    let some = "项目支出2105.67万元，其中：设备购置1012.45万元，维修改造658.20万元。\n";
    assert!(of(&check(some), "parts.sum").is_empty());
}

#[test]
fn rate_mismatch_of_a_rate_over_the_rest_of_what_its_negation_counts() {
    // `合格率` beside `不合格…33批次`: the rest of the batches over them.
    let text = "全年完成食品安全抽检2,360批次，抽检合格率98.6%，不合格批次33批次。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "(2360 − 33) / 2360 = 98.6%",
        text,
        "33批次",
        "43批次",
    );
    assert_eq!(hit.severity, Severity::Error);
    holds_then_fails(
        "rate.mismatch",
        "(12 − 1) / 12 = 91.67%",
        "全年开展培训12期，培训完成率91.67%，未完成1期。\n",
        "91.67%",
        "93.67%",
    );
    // Two other counts: which one the rate is of is unsure.
    let (_, checks) = traced("完成抽检2,360批次，其中食品1,800批次，合格率98.6%，不合格33批次。\n");
    assert!(
        !checks.iter().any(|c| c.relation.contains("− 33")),
        "{checks:?}"
    );
}

#[test]
fn shares_of_amounts_that_are_all_of_a_whole() {
    // Three uses of the money, each with its share; the shares add up to 100%.
    let text = "本项目全年预算130万元，实际支出128.5万元，预算执行率98.85%。\n\n资金使用情况：培训费支出30.2万元，占23.50%；活动经费支出60.8万元，占47.32%；设备购置37.5万元，占29.18%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    let split: Vec<_> = checks
        .iter()
        .filter(|c| c.relation.contains("/ (30.2 + 60.8 + 37.5)"))
        .collect();
    assert_eq!(split.len(), 3, "{checks:?}");
    // A mistyped share is the one finding.
    let f = check(&text.replace("占23.50%", "占24.50%"));
    let hits = of(&f, "rate.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "24.5");
    // A mistyped amount moves the sum: the whole is then the report's own
    // spending that the other shares agree with, and only its share fails.
    let f = check(&text.replace("活动经费支出60.8", "活动经费支出61.8"));
    let hits = of(&f, "rate.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "47.32");
    // Shares that do not make up a whole (another whole, unnamed) are left alone.
    let partial = "资金使用情况：培训费支出30.2万元，占20.00%；活动经费支出60.8万元，占40.00%。\n";
    let (f, checks) = traced(partial);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().all(|c| !c.relation.contains(" / (")),
        "{checks:?}"
    );
}

#[test]
fn a_fund_block_with_blank_sources_is_checked_on_the_filled_one() {
    // One cell per line, two blocks side by side; only one source is filled,
    // the others printed blank (nothing).
    let text = "一、收支概况\n\n计划安排资金(万元)\n\n412.60\n\n实际到位资金(万元)\n\n412.60\n\n其中:中央财政\n\n \n\n其中:中央财政\n\n \n\n自治区财政\n\n \n\n自治区财政\n\n \n\n市县财政\n\n412.60\n\n市县财政\n\n412.60\n\n其它\n\n \n\n其它\n\n \n\n实际支出(万元)\n\n398.20\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    let sums: Vec<_> = checks.iter().filter(|c| c.rule == "parts.sum").collect();
    assert_eq!(sums.len(), 2, "both blocks: {checks:?}");
    assert!(sums.iter().all(|c| c.inputs.len() == 4), "{sums:?}");
    // The filled source no longer the whole of the plan: a finding.
    let bad = text.replacen("市县财政\n\n412.60", "市县财政\n\n402.60", 1);
    let f = check(&bad);
    assert_eq!(of(&f, "parts.sum").len(), 1, "{f:?}");
}

#[test]
fn counted_items_total_is_the_sum_of_the_rows_listed() {
    let text = "我单位对2024年度3个预算项目全面开展绩效自评，共涉及资金355.25万元。绩效自评情况详见下表。\n\n单位:万元\n\n| 序号 | 项目名称 | 项目实施单位 | 预算数 (调整后) | 执行数 (至2024 年底) | 结余交回 财政数 | 自评得分 |\n| --- | --- | --- | --- | --- | --- | --- |\n| 1 | 河湾区道路养护经费 | 河湾区城管局 | 120.5 | 118.2 | 2.3 | 95 |\n| 2 | 河湾区路灯维护经费 | 河湾区城管局 | 34.75 | 34.75 | 0 | 98 |\n| 3 | 河湾区绿化提升工程 | 河湾区城管局 | 200 | 196.4 | 3.6 | 92 |\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation.contains("the 3 rows' 预算数")
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    let f = check(&text.replace("355.25", "356.25"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "356.25");
    // A count of something else: no relation.
    let (f, checks) = traced(&text.replace("3个预算项目", "4个预算项目"));
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().all(|c| !c.relation.contains("rows'")),
        "{checks:?}"
    );
}

#[test]
fn counted_items_spending_and_mean_score_are_the_rows() {
    // Invented, in the shape of a summary table of projects one cell per line
    // with a sentence after it: the budgets' total, what was spent and the
    // mean score, each of the four rows.
    let text = "项目绩效自评结果汇总表\n单位：万元\n序号\n项目名称\n预算金额\n实际支出\n执行率\n自评得分\n1\n城区供水管网改造\n2,850.00\n2,736.48\n96.02%\n92\n2\n污水处理厂提标改造\n4,200.00\n4,032.15\n96.00%\n88.5\n3\n排水防涝设施建设\n1,960.00\n1,884.60\n96.15%\n90\n4\n老旧燃气管道更新\n1,380.00\n1,296.72\n93.97%\n94\n合计\n\n10,390.00\n9,949.95\n95.76%\n\n说明：4个项目预算合计10,390.00万元，实际支出9,949.95万元，平均自评得分91.13分。\n";
    holds_then_fails(
        "parts.sum",
        "4个项目预算 10390.00 = the 4 rows' 预算数",
        text,
        "预算合计10,390.00",
        "预算合计10,400.00",
    );
    holds_then_fails(
        "parts.sum",
        "实际支出 9949.95 = the 4 rows' 执行数",
        text,
        "实际支出9,949.95",
        "实际支出9,959.95",
    );
    holds_then_fails(
        "parts.sum",
        "mean of the 4 rows' scores = 91.13",
        text,
        "91.13分",
        "92.13分",
    );
    // The total row's blank name cell: its percentage places its amounts.
    holds_then_fails(
        "parts.sum",
        "合计 执行数 = 4 rows",
        text,
        "\n9,949.95\n95.76%",
        "\n9,959.95\n95.76%",
    );
}

#[test]
fn a_comparison_that_states_the_earlier_years_level_is_checked_both_ways() {
    // The earlier year's level is in the comparison itself: the change and the
    // rate are the two years' difference, whichever way the words say it goes.
    let text = "一、部门基本情况\n2023年“三公”经费支出18.00万元，较2022年的20.00万元减少2.00万元，下降10.00%，主要是公务接待减少。\n";
    let hit = holds_then_fails(
        "balance.mismatch",
        "20.00 − 18.00",
        text,
        "减少2.00万元",
        "减少2.50万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    assert!(hit.message.contains("20"), "{}", hit.message);
    let hit = holds_then_fails(
        "rate.mismatch",
        "(20.00 − 18.00) / 20.00",
        text,
        "下降10.00%",
        "下降12.00%",
    );
    assert_eq!(hit.severity, Severity::Error);
    // A change whose words go the other way than the levels is wrong by their difference.
    let f = check(&text.replace("减少2.00万元", "增加2.00万元"));
    assert_eq!(of(&f, "balance.mismatch").len(), 1, "{f:?}");
    // A comparison with the budget: what was saved and the rate saved.
    let text =
        "一、项目资金情况\n全年实际支出475.00万元，较预算500.00万元节约25.00万元，节约率5.00%。\n";
    holds_then_fails(
        "balance.mismatch",
        "500.00 − 475.00",
        text,
        "节约25.00万元",
        "节约26.00万元",
    );
    holds_then_fails(
        "rate.mismatch",
        "(500.00 − 475.00) / 500.00",
        text,
        "节约率5.00%",
        "节约率6.00%",
    );
    // Two years' levels are two quantities: no conflict between them.
    let two_years =
        "一、部门基本情况\n2023年支出500.00万元，比上年增长25.00%，2022年支出400.00万元。\n";
    assert!(of(&check(two_years), "value.conflict").is_empty());
}

#[test]
fn rate_mismatch_of_a_rate_stated_before_its_amounts() {
    // The rate first, its two amounts after it in its sentence (or in brackets, a ratio).
    for (text, right, wrong) in [
        (
            "一、项目资金情况\n政府采购执行率为96.00%，实际采购金额480.00万元，采购预算500.00万元。\n",
            "96.00%",
            "97.00%",
        ),
        (
            "一、项目资金情况\n项目资金执行率为95.00%（实际支出475.00万元/调整后预算500.00万元）。\n",
            "95.00%",
            "96.00%",
        ),
    ] {
        let hit = holds_then_fails("rate.mismatch", " / ", text, right, wrong);
        assert_eq!(hit.severity, Severity::Error, "{text}");
    }
}

#[test]
fn rate_mismatch_of_an_adjustment_rate_over_the_change_stated() {
    // No adjusted budget in the sentence: the change stated over the 年初预算.
    let text =
        "一、项目资金情况\n本项目年初预算500.00万元，年中调增50.00万元，预算调整率为10.00%。\n";
    let hit = holds_then_fails("rate.mismatch", "50.00 / 500.00", text, "10.00%", "11.00%");
    assert_eq!(hit.severity, Severity::Error);
    // Two changes (追加 and 调减): which one the rate is of is unsure, so nothing.
    let two = text.replace("年中调增50.00万元", "年中追加60.00万元、调减10.00万元");
    let (f, checks) = traced(&two);
    assert!(
        f.is_empty() && checks.iter().all(|c| c.rule != "rate.mismatch"),
        "{f:?} {checks:?}"
    );
}

#[test]
fn parts_sum_of_a_split_opened_by_its_wholes_name() {
    // `基本支出中，…`: the split of the 基本支出 stated a sentence before, all of it.
    let text = "二、部门整体支出情况\n2023年度部门支出总计1,198.36万元，其中：基本支出865.20万元，项目支出333.16万元。基本支出中，人员经费756.30万元，公用经费108.90万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "基本支出 = its 2 parts, all of it",
        text,
        "公用经费108.90",
        "公用经费98.90",
    );
    assert_eq!(hit.severity, Severity::Error);
    // The name stated with two values before (a budget and what was spent): no whole.
    let two = text.replace(
        "2023年度部门支出总计",
        "年初预算安排基本支出900.00万元。2023年度部门支出总计",
    );
    let (_, checks) = traced(&two);
    assert!(
        checks
            .iter()
            .all(|c| !c.relation.contains("基本支出 = its 2 parts")),
        "{checks:?}"
    );
    // A department's four groups are all of its total score.
    let text = "四、自评结论\n经自评，综合得分92.5分，其中：部门决策18分，部门管理28.5分，部门产出28分，部门效益18分，评价等级为“优”。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "its 4 parts, all of it",
        text,
        "部门效益18分",
        "部门效益15分",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn rate_mismatch_finds_the_denominator_a_rate_names_beyond_its_clause() {
    for (text, relation, right, wrong) in [
        // Each fund's bare 支出 after it, its rate after that.
        (
            "一、资金情况\n中央财政资金300.00万元，支出300.00万元，执行率100.00%；省级资金200.00万元，支出175.00万元，执行率87.50%。\n",
            "175.00 / 200.00",
            "87.50%",
            "88.50%",
        ),
        // The 到位 amount a sentence before, the spending in the rate's own.
        (
            "一、资金情况\n截至2023年12月31日，实际到位资金480.00万元，到位率96.00%；实际支出456.00万元，支出率95.00%。\n",
            "456.00 / 480.00",
            "支出率95.00%",
            "支出率96.00%",
        ),
        // Two amounts, one named as what was used: the other is what it was used of.
        (
            "一、资金情况\n项目资金500.00万元，已使用475.00万元，资金使用率95.00%。\n",
            "475.00 / 500.00",
            "95.00%",
            "96.00%",
        ),
    ] {
        let hit = holds_then_fails("rate.mismatch", relation, text, right, wrong);
        assert_eq!(hit.severity, Severity::Error, "{text}");
    }
    // The denominator beyond the clause must be the only one: with two, nothing.
    let two = "一、资金情况\n计划投资500.00万元，实际到位资金480.00万元，到位率96.00%；实际支出456.00万元，支出率91.20%。\n";
    let (f, _) = traced(two);
    assert!(of(&f, "rate.mismatch").is_empty(), "{f:?}");
}

#[test]
fn shares_and_averages_stated_with_other_words() {
    // `完成Y的Z%`, `为Y的Z%`: the first over the second, as with 占.
    for (text, right, wrong) in [
        (
            "一、产出情况\n共培训农民1,200人次，完成年度目标1,000人次的120.00%。\n",
            "120.00%",
            "121.00%",
        ),
        (
            "一、产出情况\n实际完成投资480.00万元，为计划投资500.00万元的96.00%。\n",
            "96.00%",
            "97.00%",
        ),
    ] {
        let hit = holds_then_fails("rate.mismatch", " / ", text, right, wrong);
        assert_eq!(hit.severity, Severity::Error, "{text}");
    }
    // An average of what was paid out is the amount paid over the count.
    let text = "一、产出情况\n发放补助资金100.00万元，惠及农户1,250户，户均800.00元。\n";
    let hit = holds_then_fails(
        "amount.product",
        "1250 × 800.00",
        text,
        "户均800.00元",
        "户均820.00元",
    );
    assert_eq!(hit.severity, Severity::Error);
    // An average of something else (income gained) is no share of the funds.
    let other = "一、产出情况\n项目资金100.00万元，惠及1,250人，人均增收2,000.00元。\n";
    let (f, checks) = traced(other);
    assert!(
        f.is_empty() && checks.iter().all(|c| c.rule != "amount.product"),
        "{checks:?}"
    );
}

#[test]
fn count_rows_of_things_named_after_their_count() {
    let text = "二、单位基本概况\n下设股室4个,即办公室、预算股、国库股、综合股。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.rule == "count.rows" && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    // One name short: a warning (a name may hold 、 itself), never an error.
    let f = check(&text.replace("股室4个", "股室5个"));
    let hits = of(&f, "count.rows");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
    // A list that ends in 等 names only some.
    let some = check(
        &text
            .replace("综合股。", "综合股等。")
            .replace("股室4个", "股室6个"),
    );
    assert!(of(&some, "count.rows").is_empty(), "{some:?}");
    // The noun after the count (`设5个内设机构,分别为`).
    let noun = "二、单位基本概况\n中心设5个内设机构,分别为:办公室、预算股、国库股、综合股。\n";
    let f = check(noun);
    let hits = of(&f, "count.rows");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "5");
}

#[test]
fn count_rows_of_things_named_before_their_count() {
    // The names after a verb of having, the count after them, a name with
    // 、 inside its brackets, the count in Chinese numerals.
    let text = "二、单位基本概况\n局核定编制30人,内设办公室(财务室、档案室)、规划股、建设股、执法股四个股室。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.rule == "count.rows"
            && c.verdict == jixiao_validate::Verdict::Consistent
            && c.relation.contains("股室 4")),
        "{checks:?}"
    );
    let f = check(&text.replace("四个股室", "五个股室"));
    let hits = of(&f, "count.rows");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
    assert_eq!(stated(hits[0]), "5");
    // A count of another group joined to the names (`A、B和4个专门委员会`),
    // or of things far more than the names (the villages of two towns), is
    // no count of the names.
    for other in [
        "二、单位基本概况\n下设办公厅、研究室和4个专门委员会。\n",
        "二、单位基本概况\n全镇包括城关镇、八一乡32个行政村。\n",
    ] {
        let (f, checks) = traced(other);
        assert!(f.is_empty(), "{f:?}");
        assert!(!checks.iter().any(|c| c.rule == "count.rows"), "{checks:?}");
    }
}

#[test]
fn score_sum_counts_a_budget_block_read_apart_from_its_table() {
    // The indicators first (a page opening inside the form), the budget block
    // after them: 合计 100 = the indicators' 90 + the block's 权重 10.
    let text = "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | 权重 | 得分 |\n产出指标 | 数量指标 | 购置电脑数量 | 13台 | 13台 | 90 | 88 |\n合计 | 100 | 97 |\n预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 |\n总额 | 12.00 | 15.00 | 15.00 | 100.00% | 10 | 9 |\n";
    let (f, checks) = traced(text);
    assert!(of(&f, "score.sum").is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.rule == "score.sum"
            && c.relation.contains("2 scores add up to 合计 97")
            && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    // The block does not make every total hold: 合计 98 is still an error.
    let f = check(&text.replace("合计 | 100 | 97 |", "合计 | 100 | 98 |"));
    let hits = of(&f, "score.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
}

#[test]
fn parts_sum_of_rows_counted_in_a_sentence_without_a_total_word() {
    // `项目3个,争取债券资金1.69亿元` over a table of three projects one cell per
    // paragraph, with a column the vocabulary does not name (债券性质) and a
    // trailing 自评等级: the amount is the rows' total; without 共 it says so
    // less plainly, so a mismatch is a warning.
    let text = "我单位2023年新增专项债券项目3个,争取债券资金1.69亿元。\n\n单位:亿元\n\n项目名称\n\n债券性质\n\n已发债券规模\n\n自评分数\n\n自评等级\n\n城东医院扩建工程\n\n收益专项债券\n\n0.2\n\n95\n\n城西医院新建工程\n\n收益专项债券\n\n1.0\n\n92\n\n城北卫生院改造项目\n\n收益专项债券\n\n0.49\n\n90\n";
    let hit = holds_then_fails(
        "parts.sum",
        "the 3 rows' 预算数",
        text,
        "1.69亿元",
        "1.79亿元",
    );
    assert_eq!(hit.severity, Severity::Warning);
    // With 共 the sentence says it: an error.
    let plain = text.replace("争取债券资金", "共争取债券资金");
    let f = check(&plain.replace("1.69亿元", "1.79亿元"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
    // Flattened onto one line, the table's unit is declared on its own line
    // before its header (after a `填报单位：` that names none): the rows are
    // 亿元, not read as 万元 and far short of the total.
    let flat = text
        .replace("单位:亿元", "填报单位:县卫健局 单位:亿元")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    holds_then_fails("parts.sum", "the 3 rows' 预算数", &flat, "1.0 92", "1.2 92");
}

#[test]
fn rows_counted_after_the_funds_they_went_to_total_them() {
    // `共争取…资金2.52亿元，用于以下3个项目`: the count after its amount, under
    // a column named by the kind of funds with its unit (`债券资金（亿元）`).
    let text = "2023年我县共争取新增专项债券资金2.52亿元，用于以下3个项目，自评结果如下：\n序号\n项目名称\n债券资金（亿元）\n自评分数\n自评等级\n1\n城区供水管网改造工程\n0.85\n96\n优\n2\n乡镇污水处理厂提标改造\n1.20\n92.5\n优\n3\n农村饮水安全巩固提升\n0.47\n88\n良\n";
    let hit = holds_then_fails(
        "parts.sum",
        "the 3 rows' 预算数",
        text,
        "\n1.20\n",
        "\n1.30\n",
    );
    assert_eq!(hit.severity, Severity::Error);
    // A count the funds are not said to have gone to (`另有3个项目在建`) is none.
    let (f, checks) = traced(&text.replace("，用于以下3个项目", "。另有3个项目在建"));
    assert!(f.is_empty(), "{f:?}");
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
}

#[test]
fn parts_sum_of_costs_listed_after_their_total() {
    // A total, then costs (…费) and nothing else in its sentence: parts, some
    // perhaps, so they may only not exceed it.
    let text = "一、项目概况\n工程总投资1007.5万元，设计费2.5万元，监理费3万元，招投标费2万元，施工费1000万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "总投资 = 4 parts",
        text,
        "监理费3万元",
        "监理费5万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    // An amount that is no cost among them (a fund): no list.
    let other = text.replace("招投标费2万元", "中央资金2万元");
    let (_, checks) = traced(&other);
    assert!(
        checks.iter().all(|c| !c.relation.contains("总投资 =")),
        "{checks:?}"
    );
}

#[test]
fn a_standard_per_month_is_paid_for_the_months_the_sentence_states() {
    // Invented: 1,250 × 800 元 × 12 months = 1,200 万元 (read as 1,250 × 800, a
    // false error before).
    let text =
        "一、产出情况\n为全县1,250名乡村医生发放补助，每人每月800元，全年共计发放1200万元。\n";
    let hit = holds_then_fails(
        "amount.product",
        "1250 × 800 × 12",
        text,
        "1200万元",
        "1250万元",
    );
    // Who is paid may change within the year: a warning, never an error.
    assert_eq!(hit.severity, Severity::Warning);
    // The months stated, and the standard written `元/人/月`.
    let months =
        "一、产出情况\n为120名困难群众发放临时救助，500元/人/月，发放3个月，共计18万元。\n";
    holds_then_fails(
        "amount.product",
        "120 × 500 × 3",
        months,
        "共计18万元",
        "共计19万元",
    );
    // Paid per day: how many days is never sure; nothing is judged.
    let daily = "一、产出情况\n为50名护林员发放补助，每人每天100元，共计发放150万元。\n";
    let (f, checks) = traced(daily);
    assert!(
        f.is_empty() && checks.iter().all(|c| c.rule != "amount.product"),
        "{checks:?}"
    );
}

#[test]
fn a_standard_per_head_counts_heads_among_other_counts() {
    // The 3期 is no count of heads: 150人次 × 200元 = 3万元.
    let text = "一、产出情况\n完成培训3期，培训人员150人次，人均培训费200元，共计3万元。\n";
    holds_then_fails("amount.product", "150 × 200", text, "200元", "260元");
    // Several counts of heads: the total's (共计) or the one that gives the
    // amount; none giving it is a warning, which was paid being unsure.
    let total = "一、产出情况\n本年度共计完成农村危房改造120户，其中C级危房80户、D级危房40户，每户补助1.5万元，共计补助资金180万元。\n";
    let hit = holds_then_fails(
        "amount.product",
        "120 × 1.5",
        total,
        "资金180万元",
        "资金190万元",
    );
    assert_eq!(hit.severity, Severity::Warning);
    let some = "一、产出情况\n共有困难群众500人，其中150人享受补助，每人补助1000元，共计15万元。\n";
    holds_then_fails(
        "amount.product",
        "150 × 1000",
        some,
        "共计15万元",
        "共计17万元",
    );
    // Heads per session (`每期50人`) are no total of heads: nothing is judged.
    let per = "一、产出情况\n培训3期，每期50人，人均培训费200元，共计3万元。\n";
    let (f, checks) = traced(per);
    assert!(
        f.is_empty() && checks.iter().all(|c| c.rule != "amount.product"),
        "{checks:?}"
    );
}

#[test]
fn a_survey_rate_is_over_the_returned_or_the_sent() {
    // Invented survey sentences. Over the returned questionnaires:
    let text = "三、效益情况\n满意度调查共发放问卷200份，收回195份，满意185份，满意率94.87%。\n";
    let hit = holds_then_fails("rate.mismatch", "185 / 195", text, "满意185份", "满意188份");
    // Whether the returned or the sent was meant is unsure: a warning.
    assert_eq!(hit.severity, Severity::Warning);
    // A 满意度 over the valid returns, though the sent count says 共: it was
    // 96 / 100 ≠ 97.96%, a false error, before.
    let valid = "三、效益情况\n共发放调查问卷100份，回收有效问卷98份，其中满意及基本满意96份，满意度为97.96%。\n";
    holds_then_fails(
        "rate.mismatch",
        "96 / 98",
        valid,
        "满意度为97.96%",
        "满意度为95.96%",
    );
    // What the verb is not (`不合格`, `未完成`) is no part of the rate.
    let checked = "三、产出情况\n共检查项目20个，其中合格18个，不合格2个，合格率90%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "18 / 20",
        checked,
        "合格率90%",
        "合格率85%",
    );
    assert_eq!(hit.severity, Severity::Error);
    let done =
        "三、产出情况\n项目设定绩效指标15个，其中完成指标13个，未完成指标2个，指标完成率86.67%。\n";
    holds_then_fails("rate.mismatch", "13 / 15", done, "86.67%", "80.00%");
    // Two counts say 满意 (满意, 基本满意): the rate is of either or of both;
    // none giving it is a warning.
    let two = "三、效益情况\n共发放问卷200份，收回195份，满意185份，基本满意8份，满意率98.97%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "(185 + 8) / 195",
        two,
        "满意率98.97%",
        "满意率96.97%",
    );
    assert_eq!(hit.severity, Severity::Warning);
    let one = two.replace("98.97%", "94.87%");
    holds_then_fails(
        "rate.mismatch",
        "185 / 195",
        &one,
        "满意率94.87%",
        "满意率90.87%",
    );
    // Three grades: the rate may be of the first two (非常满意 and 满意).
    let grades = "三、效益情况\n共发放问卷300份，收回300份，其中非常满意210份，满意72份，基本满意12份，不满意6份，满意率94%。\n";
    holds_then_fails(
        "rate.mismatch",
        "(210 + 72) / 300",
        grades,
        "满意率94%",
        "满意率92%",
    );
    // An excess over the plan (`超额完成3个`) is a change, not the count a 完成率
    // is of: 3 / 12 ≠ 125% was a false warning.
    let over = "三、产出情况\n设立示范点15个，较计划的12个超额完成3个，完成率125%。\n";
    let (f, checks) = traced(over);
    assert!(
        f.is_empty() && checks.iter().all(|c| !c.relation.starts_with("3 /")),
        "{f:?} {checks:?}"
    );
}

#[test]
fn an_execution_rate_may_be_over_the_budget_its_changes_made() {
    // Invented: 1,485.60 / (1,200 + 300) = 99.04%, the 1,500 printed nowhere
    // (over the 年初 budget alone, 123.80%, it was a false error).
    let text = "一、部门基本情况\n我局2023年度年初预算为1,200.00万元，年中追加预算300.00万元，年终决算数为1,485.60万元，预算执行率99.04%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "1485.60 / (1200.00 + 300.00)",
        text,
        "1,485.60",
        "1,455.60",
    );
    // Over the 年初 budget or the changed one: which is unsure.
    assert_eq!(hit.severity, Severity::Warning);
    assert!(hit.message.contains("97.04"), "{}", hit.message);
    // The changes stated in a later sentence of the paragraph, both ways:
    // 850 / (800 + 100 − 20) = 96.59% (850 / 800 was a false error).
    let later = "一、部门基本情况\n年初预算为800万元，其中基本支出600万元，项目支出200万元；年中追加100万元，调减20万元；全年实际支出850万元，执行率96.59%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "850 / (800 + 100 − 20)",
        later,
        "执行率96.59%",
        "执行率94.59%",
    );
    assert_eq!(hit.severity, Severity::Warning);
    // A balance carried in adds to what could be spent; a bare 调整 may go
    // either way (both were false errors over the 年初 budget alone).
    let carried =
        "一、部门基本情况\n年初预算100万元，上年结转资金20万元，全年支出114万元，预算执行率95%。\n";
    holds_then_fails(
        "rate.mismatch",
        "114 / (100 + 20)",
        carried,
        "执行率95%",
        "执行率90%",
    );
    let bare = "一、部门基本情况\n年初预算50万元，年中调整10万元，实际支出59万元，执行率98.33%。\n";
    holds_then_fails(
        "rate.mismatch",
        "59 / (50 + 10)",
        bare,
        "执行率98.33%",
        "执行率93.33%",
    );
    // Over the 年初 budget alone it holds too.
    let initial = text.replace("99.04%", "123.80%");
    let (f, checks) = traced(&initial);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "1485.60 / 1200.00 = 123.80%"),
        "{checks:?}"
    );
}

#[test]
fn income_and_spending_stated_apart_are_no_error() {
    // A balanced budget states both alike; a 决算 need not.
    let text = "一、部门基本情况\n收入预算1000万元，支出预算980万元，调整后收入预算1000万元。\n";
    let f = check(text);
    let hits = of(&f, "value.conflict");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
}

#[test]
fn savings_audit_cuts_and_income_less_spending_are_differences() {
    // Invented sentences: what was saved on a budget or a tender, what an
    // audit cut off what was submitted, and a 收支结余 of income less spending.
    for (text, relation, right, wrong) in [
        (
            "政府采购预算金额150万元，中标金额138万元，节约资金12万元。",
            "150 − 138 = 12",
            "节约资金12万元",
            "节约资金15万元",
        ),
        (
            "“三公”经费预算30万元，实际支出25万元，较预算节约5万元。",
            "30 − 25 = 5",
            "节约5万元",
            "节约7万元",
        ),
        (
            "项目审计送审金额320万元，审定金额300万元，审减金额20万元。",
            "320 − 300 = 20",
            "审减金额20万元",
            "审减金额24万元",
        ),
        (
            "2023年部门收入800万元，支出780万元，收支结余20万元。",
            "800 − 780 = 20",
            "结余20万元",
            "结余26万元",
        ),
    ] {
        let text = format!("二、资金使用情况\n{text}\n");
        holds_then_fails("balance.mismatch", relation, &text, right, wrong);
    }
    // Saved against a base of any plan (`较采购预算250万元`): judged once.
    let base = "二、资金使用情况\n本年度完成政府采购项目5个，合同金额共计230万元，较采购预算250万元节约20万元，节约率8%。\n";
    let hit = holds_then_fails(
        "balance.mismatch",
        "250 − 230 = 20",
        base,
        "节约20万元",
        "节约25万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Saved on last year is a change on another year, no remainder.
    let last = "二、资金使用情况\n2023年三公经费预算30万元，实际支出25万元，较上年节约3万元。\n";
    let (f, checks) = traced(last);
    assert!(
        f.is_empty() && checks.iter().all(|c| c.rule != "balance.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn a_scale_sentence_gives_no_total_score() {
    // Invented: the scale names 90分 before the score; the score is 87 and 良
    // is its band (taking 90 for the total was a false error, 优 expected).
    let text = "三、评价结论\n按照规定，评价得分90分（含）以上为优，80（含）-90分为良，60（含）-80分为中，60分以下为差。本项目得分87分，评价等级为良。\n";
    let doc = jixiao_ingest::read(text.as_bytes()).expect("readable");
    let report = jixiao_extract::extract(&doc);
    assert_eq!(
        report.report.total_score,
        Some(jixiao_model::Decimal::from(87))
    );
    assert_eq!(report.report.grade.as_deref(), Some("良"));
    holds_then_fails(
        "grade.threshold",
        "grade 良 for 87",
        text,
        "得分87分",
        "得分92分",
    );
}

#[test]
fn a_forms_group_scores_add_up_to_the_total_stated_after_them() {
    // Invented: each group's marks, then `得分`; the total in a sentence of
    // its own. 48 + 29 + 9.5 + 9.8 = 96.3.
    let text = "三、评价结论\n各项指标得分情况：产出指标50分，得分48分；效益指标30分，得分29分；满意度指标10分，得分9.5分；预算执行率10分，得分9.8分。总得分96.3分。\n";
    holds_then_fails("parts.sum", "总得分", text, "得分29分", "得分26分");
    // Three groups only: not all of the form's, so no total of them.
    let three = "三、评价结论\n产出指标50分，得分48分；效益指标30分，得分29分；满意度指标10分，得分9.5分。总得分96.3分。\n";
    let (f, checks) = traced(three);
    assert!(
        f.is_empty() && checks.iter().all(|c| c.rule != "parts.sum"),
        "{checks:?}"
    );
}

#[test]
fn parts_printed_in_another_unit_of_money_are_summed_in_the_wholes() {
    // Invented: 1.2亿元 = 8000万元 + 4000万元; a part in 元 under a whole in 万元.
    let text = "一、项目概况\n项目总投资1.2亿元，其中中央资金8000万元，地方配套4000万元。\n";
    holds_then_fails(
        "parts.sum",
        "项目总投资 = 2 parts",
        text,
        "4000万元",
        "5000万元",
    );
    let yuan = "一、项目概况\n项目资金共计120万元，其中省级资金1,000,000元，县级配套20万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "项目资金 = 2 parts",
        yuan,
        "配套20万元",
        "配套30万元",
    );
    assert!(hit.message.contains("1000000元"), "{}", hit.message);
    // A whole ten thousand times off its parts in yuan is none of theirs.
    let off = "一、项目概况\n补助标准1500元，其中中央资金1000万元，地方配套500万元。\n";
    let (f, checks) = traced(off);
    assert!(
        f.is_empty() && checks.iter().all(|c| c.rule != "parts.sum"),
        "{checks:?}"
    );
    // A standard per head in 元 after a whole's parts is none of them.
    let per_head = "一、项目概况\n全年共支出培训经费12万元，其中：师资费4万元，住宿费5万元，伙食费3万元，人均培训成本400元。\n";
    let (_, checks) = traced(per_head);
    assert!(
        checks.iter().any(|c| c.relation.ends_with("= 3 parts")),
        "{checks:?}"
    );
}

#[test]
fn a_rate_of_what_was_done_may_be_over_an_equal_count_and_a_standard_over_what_was_paid() {
    // Invented: 办结15件 of 受理15件 is 100%.
    let text = "二、产出情况\n设立举报电话1部，受理投诉15件，办结15件，办结率100%。\n";
    let hit = holds_then_fails("rate.mismatch", "15 / 15", text, "办结率100%", "办结率90%");
    assert_eq!(hit.severity, Severity::Warning);
    // 2,500 × 6,000元 = 1,500万元 paid out, no 共: a warning where it differs.
    let paid = "二、产出情况\n2023年农村低保标准提高到每人每年6000元，全年共保障低保对象2500人，发放低保金1500万元。\n";
    let hit = holds_then_fails(
        "amount.product",
        "2500 × 6000",
        paid,
        "1500万元",
        "1600万元",
    );
    assert_eq!(hit.severity, Severity::Warning);
    // Paid so far is no total.
    let so_far = "二、产出情况\n为全县1,250名乡村医生发放补助，每人800元，已发放80万元。\n";
    let (f, checks) = traced(so_far);
    assert!(
        f.is_empty() && checks.iter().all(|c| c.rule != "amount.product"),
        "{checks:?}"
    );
}

#[test]
fn parts_after_a_full_stop_are_of_the_subjects_amount_that_measures_what_they_do() {
    // Invented, in the 决算 explanation's shape: the 三公 budget and what was
    // spent in one sentence, the spending's parts in the next.
    let text = "七、“三公”经费支出决算情况说明\n2023年度“三公”经费财政拨款支出预算为20.00万元，支出决算为15.60万元，完成预算的78%。其中：因公出国（境）费支出决算为0万元；公务用车购置及运行维护费支出决算为10.20万元；公务接待费支出决算为5.40万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "= its 3 parts, all of it",
        text,
        "接待费支出决算为5.40",
        "接待费支出决算为4.40",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Parts that say nothing of what they measure are the subject's own.
    let budget = "七、“三公”经费支出决算情况说明\n2023年度“三公”经费预算20.00万元，决算15.60万元。其中：因公出国（境）费0万元，公务用车购置及运行维护费12.00万元，公务接待费8.00万元。\n";
    holds_then_fails(
        "parts.sum",
        "预算 = its 3 parts",
        budget,
        "接待费8.00",
        "接待费9.00",
    );
}

#[test]
fn a_rates_denominator_stated_alike_twice_is_no_ambiguity() {
    // Invented: 总投资 and 资金到位 both 3750: over either, 95%.
    let text = "二、资金情况\n项目总投资3750万元，截至2023年12月31日，资金到位3750万元，到位率100%；实际支出3562.5万元，支出率95%。\n";
    holds_then_fails(
        "rate.mismatch",
        "3562.5 / 3750",
        text,
        "支出率95%",
        "支出率90%",
    );
    // Two different ones: which is meant is unsure. Over 总投资 it holds;
    // a rate neither gives is only a warning.
    let two = text.replace(
        "资金到位3750万元，到位率100%",
        "资金到位3600万元，到位率96%",
    );
    let (f, checks) = traced(&two);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.relation == "3562.5 / 3750 = 95%"),
        "{checks:?}"
    );
    let f = check(&two.replace("支出率95%", "支出率90%"));
    let hits = of(&f, "rate.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
}

#[test]
fn a_deduction_sentence_with_a_bare_score_or_bracketed_marks() {
    // Invented: 满分10分，扣0.2分，得9.8分 (a bare 得 is what was obtained).
    let text = "四、评分情况\n预算执行率指标满分10分，因执行率未达100%扣0.2分，得9.8分。\n";
    holds_then_fails(
        "prose.deduction",
        "10 − deductions = 9.8",
        text,
        "得9.8分",
        "得9.5分",
    );
    // The marks bracketed after the indicator's name.
    let bracketed =
        "四、评分情况\n产出数量（20分）：计划完成10项，实际完成9项，完成率90%，扣2分，得18分。\n";
    holds_then_fails(
        "prose.deduction",
        "20 − deductions = 18",
        bracketed,
        "得18分",
        "得17分",
    );
    // A rule of the scale (每低于…扣0.5分) is no deduction made.
    let rule = "四、评分情况\n该指标分值10分，根据评分标准，执行率每低于100%一个百分点扣0.5分，本项目执行率96%，扣2分，得8分。\n";
    holds_then_fails(
        "prose.deduction",
        "10 − deductions = 8",
        rule,
        "得8分",
        "得7分",
    );
}

#[test]
fn a_changes_parts_are_changes_not_the_levels_beside_them() {
    // Invented: the 950 is a part of the 1000, the 90 of the 100; 950 + 90
    // against the 100 was a false error.
    let text = "一、部门收支情况\n部门预算收入1000万元，比上年增加100万元，增长11.1%，其中财政拨款收入950万元，比上年增加90万元，增长10.5%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(checks.iter().all(|c| c.rule != "parts.sum"), "{checks:?}");
    holds_then_fails(
        "rate.mismatch",
        "90 / (950 − 90)",
        text,
        "增长10.5%",
        "增长12.5%",
    );
}

#[test]
fn parallel_clauses_after_a_semicolon_go_on_listing_parts() {
    // Invented: each part opens alike (发放…), with counts beside them.
    let text = "二、产出情况\n全年共发放各类补助资金560.5万元，其中：发放高龄津贴300万元，惠及3000人；发放残疾人补贴260.5万元，惠及2500人。\n";
    holds_then_fails(
        "parts.sum",
        "= 2 parts",
        text,
        "补贴260.5万元",
        "补贴290.5万元",
    );
}

#[test]
fn a_change_with_no_subject_of_its_own_is_of_the_last_level_before_it() {
    // Invented: two comparisons of one 决算数 in a sentence; the second's rate
    // is 2.1 / (12.6 + 2.1).
    let text = "一、“三公”经费情况\n我单位2023年度“三公”经费预算数为18万元，决算数为12.6万元，决算数比预算数减少5.4万元，下降30%，比上年决算数减少2.1万元，下降14.29%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "2.1 / (12.6 + 2.1)",
        text,
        "下降14.29%",
        "下降16.29%",
    );
    assert_eq!(hit.severity, Severity::Warning);
    // A change naming both its levels (决算数比预算数减少5.4万元) is their
    // difference, its rate over the one compared with.
    holds_then_fails(
        "balance.mismatch",
        "18 − 12.6 = 5.4",
        text,
        "减少5.4万元",
        "减少6.4万元",
    );
    holds_then_fails(
        "rate.mismatch",
        "(18 − 12.6) / 18",
        text,
        "下降30%",
        "下降35%",
    );
    // One of a respective list is that list's own (no pairing past it).
    let listed = "一、收支情况\n2024年度收入总计1523.26万元，支出总计1500.00万元，与上年相比分别增加100万元、80万元，增长7.03%、5.63%。\n";
    let (f, _) = traced(listed);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_sentence_opening_on_the_changes_is_of_the_initial_budget_before_it() {
    let text = "一、部门基本情况\n2023年，我局年初预算2,356.80万元，其中基本支出856.80万元，项目支出1,500.00万元。年中追加预算643.20万元，全年预算3,000.00万元。\n";
    let hit = holds_then_fails(
        "adjustment.mismatch",
        "2356.80 + 643.20 = 3000.00",
        text,
        "追加预算643.20",
        "追加预算603.20",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn a_list_after_words_of_its_own_takes_no_whole_from_the_paragraph_before() {
    // Invented: the 分别为 list is the 3笔's, and 人均增收800元 (a standard per
    // head) no whole: reading it so was a false error.
    let text = "一、项目情况\n项目带动脱贫人口和监测对象1.5万人，人均增收800元。\n2023年共下达资金3笔，分别为1月下达1,000万元、5月下达2,000万元、9月下达2,680万元，合计5,680万元。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.relation == "合计 totals 3 amounts"),
        "{checks:?}"
    );
}

#[test]
fn a_cuts_adjustment_rate_may_carry_its_sign() {
    // Invented: 调减25万元 of 500万元 is −5% as well as 5%.
    let text = "一、预算情况\n年初预算500万元，年中调减25万元，预算调整率为-5%。\n";
    holds_then_fails("rate.mismatch", "25 / 500", text, "-5%", "-8%");
    let report = "一、预算情况\n年初预算500万元。调整后预算475万元。预算调整率-5%。\n";
    let (f, checks) = traced(report);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.rule == "rate.mismatch" && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
}

#[test]
fn an_amounts_zhong_opens_its_parts() {
    // Invented: `全年预算9,200.00万元中，` lists the budget's parts.
    let text =
        "一、部门概况\n全年预算9,200.00万元中，基本支出6,500.00万元，项目支出2,700.00万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "全年预算 = 2 parts",
        text,
        "项目支出2,700.00",
        "项目支出2,900.00",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn what_should_have_come_in_is_a_receipt_rates_whole() {
    // Invented: 应到位 is the plan a 到位率 is over; a fund's own clause
    // (县级配套应到位…，实际到位…) keeps its figures apart from another fund's
    // (two 实际到位 were a false value conflict).
    let text =
        "二、资金情况\n项目计划投资500万元，应到位资金500万元，实际到位480万元，到位率96%。\n";
    holds_then_fails("rate.mismatch", "480 / 500", text, "到位率96%", "到位率90%");
    let funds = "二、资金情况\n中央资金应到位300万元，实际到位300万元；县级配套应到位200万元，实际到位180万元，配套资金到位率90%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "180 / 200",
        funds,
        "到位率90%",
        "到位率80%",
    );
    assert!(hit.message.contains("180"), "{}", hit.message);
    assert!(of(&check(funds), "value.conflict").is_empty());
}

#[test]
fn a_tables_spending_rate_may_be_over_the_funds_received() {
    // Invented: a fund table with 到位数 and 支出率; the county's 40 of 40
    // received is 100% (40 / 50 budgeted was a false error), the 合计's 478 of
    // 490 received 97.55%; its 到位率 column is a rate, no amount.
    let text = "（二）项目资金到位及使用情况\n| 资金来源 | 预算数（万元） | 到位数（万元） | 到位率 | 支出数（万元） | 支出率 |\n| 中央资金 | 300.00 | 300.00 | 100% | 290.00 | 96.67% |\n| 省级资金 | 150.00 | 150.00 | 100% | 148.00 | 98.67% |\n| 县级资金 | 50.00 | 40.00 | 80% | 40.00 | 100% |\n| 合计 | 500.00 | 490.00 | 98% | 478.00 | 97.55% |\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "合计 478.00 / 490.00",
        text,
        "97.55%",
        "99.55%",
    );
    assert_eq!(hit.severity, Severity::Error);
    let (_, checks) = traced(text);
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "县级资金 40.00 / 40.00 = 100%"),
        "{checks:?}"
    );
}

#[test]
fn a_tables_rate_with_only_the_initial_budget_is_over_it() {
    let text = "二、项目情况\n| 项目名称 | 年初预算数（万元） | 执行数（万元） | 执行率 |\n| 办公设备购置 | 50.00 | 52.00 | 104% |\n| 信息系统运维 | 30.00 | 30.00 | 100% |\n| 合计 | 80.00 | 82.00 | 102.5% |\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "合计 82.00 / 80.00",
        text,
        "102.5%",
        "101.5%",
    );
    assert!(hit.message.contains("年初预算数"), "{}", hit.message);
}

#[test]
fn rows_numbered_in_a_column_of_their_own_are_nested_by_it() {
    // Invented: 序号 一/1/2/二/1/2 beside the names; the 合计 is of the two
    // top rows, and each top row holds the rows under it.
    let text = "二、项目情况\n| 序号 | 项目名称 | 预算数（万元） | 执行数（万元） | 执行率 |\n| 一 | 基本支出 | 500.00 | 495.00 | 99% |\n| 1 | 工资福利 | 400.00 | 398.00 | 99.5% |\n| 2 | 商品和服务 | 100.00 | 97.00 | 97% |\n| 二 | 项目支出 | 300.00 | 285.00 | 95% |\n| 1 | 专项A | 200.00 | 190.00 | 95% |\n| 2 | 专项B | 100.00 | 95.00 | 95% |\n| | 合计 | 800.00 | 780.00 | 97.5% |\n";
    let hit = holds_then_fails(
        "parts.sum",
        "合计 预算数 = 2 rows",
        text,
        "| 800.00 |",
        "| 810.00 |",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn a_per_project_tables_execution_rates_are_each_rows() {
    let text = "二、项目情况\n| 序号 | 项目名称 | 预算数（万元） | 执行数（万元） | 执行率 |\n| 1 | 专项A | 200.00 | 190.00 | 95% |\n| 2 | 专项B | 100.00 | 95.00 | 95% |\n| | 合计 | 300.00 | 285.00 | 95% |\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "专项B 95.00 / 100.00",
        text,
        "| 95.00 | 95% |",
        "| 95.00 | 97% |",
    );
    assert_eq!(hit.severity, Severity::Error);
    // A 支付率 column may be over what was received: not read as each row's 执行率.
    let paid = text
        .replace("执行率", "支付率")
        .replace("| 95.00 | 95% |", "| 95.00 | 97% |");
    let (f, _) = traced(&paid);
    assert!(of(&f, "rate.mismatch").is_empty(), "{f:?}");
}

#[test]
fn a_qizhong_run_under_a_budget_row_is_no_part_of_the_total() {
    // Invented: 人员经费 and 公用经费 are 基本支出's; 合计 = 基本支出 + 项目支出.
    // All four summed against the 合计 were three false errors.
    let text = "表1 2023年度部门预算执行情况表 单位：元\n| 项目 | 年初预算 | 调整后预算 | 实际支出 | 执行率 |\n| 合计 | 5,000,000.00 | 5,200,000.00 | 5,096,000.00 | 98.00% |\n| 基本支出 | 3,000,000.00 | 3,100,000.00 | 3,069,000.00 | 99.00% |\n| 其中：人员经费 | 2,500,000.00 | 2,600,000.00 | 2,574,000.00 | 99.00% |\n| 公用经费 | 500,000.00 | 500,000.00 | 495,000.00 | 99.00% |\n| 项目支出 | 2,000,000.00 | 2,100,000.00 | 2,027,000.00 | 96.52% |\n";
    let hit = holds_then_fails(
        "parts.sum",
        "合计 年初预算数 = 2 parts",
        text,
        "| 项目支出 | 2,000,000.00",
        "| 项目支出 | 2,100,000.00",
    );
    assert_eq!(hit.severity, Severity::Error);
    // The run is all of its row in every column the others confirm.
    let hit = holds_then_fails(
        "parts.sum",
        "基本支出 全年预算数 ≥ the 2 rows under it",
        text,
        "| 公用经费 | 500,000.00 | 500,000.00",
        "| 公用经费 | 500,000.00 | 400,000.00",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn a_thousands_comma_breaks_no_label_and_a_periods_figure_is_the_base() {
    // Invented: `较上年1,402.3万元增加…` — the comma inside the number had cut the
    // change's label, and `较2022年预算安排450万元` was read as a change, not the base.
    let hit = holds_then_fails(
        "rate.mismatch",
        "(1523.45 − 1402.3) / 1402.3 = 8.64%",
        "一、收支情况\n2023年度收入合计1,523.45万元，较上年1,402.3万元增加121.15万元，增长8.64%。\n",
        "1,402.3万元",
        "1,412.3万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    let hit = holds_then_fails(
        "balance.mismatch",
        "500 − 450 = 50",
        "一、预算安排\n2023年预算安排资金500万元，较2022年预算安排450万元增加50万元，增长11.11%。\n",
        "增加50万元",
        "增加60万元",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn a_change_rate_by_name_carries_its_direction_in_its_sign() {
    // Invented: both years stated, `变动率` signed.
    let text = "三、三公经费\n2023年三公经费支出12.36万元，2022年三公经费支出14.5万元，变动率为-14.76%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "(12.36 − 14.5) / 14.5 = -14.76%",
        text,
        "-14.76%",
        "-15.76%",
    );
    assert_eq!(hit.severity, Severity::Error);
    // A sign against the levels is not read as a size: no finding either way.
    let (f, checks) = traced(&text.replace("-14.76%", "14.76%"));
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.contains("14.5")),
        "{checks:?}"
    );
}

#[test]
fn a_control_rate_is_within_what_was_allowed() {
    // Invented, the 部门整体 indicators: staff over the 编制数, spending over its budget.
    let hit = holds_then_fails(
        "rate.mismatch",
        "43 / 45",
        "一、人员情况\n在职人员编制数45人，实有在职人数43人，在职人员控制率95.56%。\n",
        "95.56%",
        "96.56%",
    );
    assert_eq!(hit.severity, Severity::Error);
    // A 编制使用率 is staff over the posts allowed too (no money used).
    holds_then_fails(
        "rate.mismatch",
        "40 / 42",
        "市残联内设机构5个，下属事业单位2个。编制人数42人，实有在编人员40人，编制使用率95.24%。\n",
        "实有在编人员40人",
        "实有在编人员41人",
    );
    let hit = holds_then_fails(
        "rate.mismatch",
        "82.3 / 86.5",
        "二、公用经费\n2023年公用经费预算安排86.5万元，实际支出公用经费82.3万元，公用经费控制率为95.14%。\n",
        "82.3万元",
        "83.3万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    // A third count (`含借调人员3人`) may be taken out of one: no pair is sure.
    let (f, checks) =
        traced("一、人员情况\n编制数50人，实有53人（含借调人员3人），在职人员控制率100%。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "rate.mismatch"),
        "{checks:?}"
    );
    // A 预算控制率 is an adjustment's share in some indicator sets: no ratio read.
    let (f, checks) = traced(
        "二、预算\n年初预算1200万元，调整后预算1350万元，实际支出1300万元，预算控制率为12.5%。\n",
    );
    assert!(of(&f, "rate.mismatch").is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.contains("12.5%")),
        "{checks:?}"
    );
}

#[test]
fn a_whole_added_up_is_the_reports_whole() {
    // Invented: `合计可用资金` after a carried-in balance is the report's
    // available funds, which the 执行率 is over (it was read as a part's).
    let hit = holds_then_fails(
        "rate.mismatch",
        "225.4 / 230 = 98%",
        "一、资金情况\n上年结转资金30万元，本年预算资金200万元，合计可用资金230万元，实际支出225.4万元，执行率98%。\n",
        "执行率98%",
        "执行率97%",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn a_total_after_parallel_clauses_adds_them_up() {
    // Invented: parallel clauses split by `；`, the total in the last one.
    let text = "一、资金发放\n城市低保对象528人，发放低保金186.24万元；农村低保对象1860人，发放低保金401.76万元，合计发放588万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "合计发放 totals 2 amounts",
        text,
        "186.24万元",
        "196.24万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    // A clause of another amount before them leaves the total's parts unsure.
    let (f, checks) = traced(&text.replace(
        "城市低保对象528人，",
        "全年预算600万元；城市低保对象528人，",
    ));
    assert!(of(&f, "parts.sum").is_empty(), "{f:?}");
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
    let (f, checks) = traced(&text.replace("城市低保对象528人，发放低保金", "城市低保预算"));
    assert!(of(&f, "parts.sum").is_empty(), "{f:?}");
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
    // Of a clause's budget and spending, the one measuring what the total does.
    let hit = holds_then_fails(
        "parts.sum",
        "会议费和培训费合计支出 totals 2 amounts",
        "会议费预算6.00万元，实际支出4.35万元；培训费预算20.00万元，实际支出18.62万元，会议费和培训费合计支出22.97万元。\n",
        "实际支出4.35",
        "实际支出4.85",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn what_is_left_unspent_or_spent_beyond_the_plan_is_a_difference() {
    // Invented: 未执行 is the budget less what was spent; 超支 what was spent
    // less the plan, and its 超支率 over the plan.
    let hit = holds_then_fails(
        "balance.mismatch",
        "500 − 480.5 = 19.5",
        "一、预算执行\n全年预算数为500万元，实际支出数为480.5万元，预算执行率为96.1%，未执行19.5万元。\n",
        "未执行19.5万元",
        "未执行29.5万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    let text =
        "一、投资情况\n项目计划总投资800万元，实际完成投资820万元，超支20万元，超支率2.5%。\n";
    let hit = holds_then_fails(
        "balance.mismatch",
        "820 − 800 = 20",
        text,
        "实际完成投资820万元",
        "实际完成投资830万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    let hit = holds_then_fails("rate.mismatch", "20 / 800", text, "2.5%", "3.5%");
    assert_eq!(hit.severity, Severity::Error);
    // Spending within the plan is no overspend: nothing read.
    let (f, checks) =
        traced("一、投资情况\n项目计划总投资800万元，实际完成投资780万元，超支20万元。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "balance.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn a_comparison_names_its_levels_in_the_sentence_before() {
    // Invented: the base (`年初预算`) and the level (`支出`) stated in the
    // sentence about the subject, the comparison in the next.
    let text = "三、三公经费\n“三公”经费年初预算12.5万元，实际支出9.86万元。“三公”经费支出较年初预算减少2.64万元，下降21.12%。\n";
    let hit = holds_then_fails(
        "balance.mismatch",
        "12.5 − 9.86 = 2.64",
        text,
        "年初预算12.5万元",
        "年初预算13.5万元",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn a_score_rate_is_the_points_over_the_full_marks() {
    // Invented, a third-party report's group summary: 得分 over 满分 per clause.
    let text = "四、评价结论\n决策类指标得分18分（满分20分），得分率90.00%；过程类指标得分17.5分（满分20分），得分率87.50%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "17.5 / 20 = 87.50%",
        text,
        "得分率87.50%",
        "得分率88.50%",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Two full marks in the clause: which one is unsure, nothing read.
    let (f, checks) =
        traced("四、评价结论\n决策类指标满分20分，权重15分，得分13.5分，得分率80%。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "rate.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn a_grade_with_its_band_in_brackets_is_checked_against_it() {
    // Invented: the band of the stated grade alone, in brackets after it.
    let hit = holds_then_fails(
        "grade.threshold",
        "grade 良 for 85.6",
        "五、评价结论\n项目综合评分85.6分，评价等级为“良”（80≤得分<90）。\n",
        "85.6分",
        "95.6分",
    );
    assert_eq!(hit.severity, Severity::Error);
    // A scale in the brackets is a scale, not the band of the grade before it.
    let (f, checks) = traced(
        "五、评价结论\n评价得分92分，评价等级为“优秀”（90分及以上为优秀、80-90分为良好）。\n",
    );
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.relation == "grade 优秀 for 92"),
        "{checks:?}"
    );
    // `总分为100分，实际得分88分`: the 100 is the scale, the score is 88.
    let hit = holds_then_fails(
        "grade.threshold",
        "grade 良好 for 88",
        "五、评价结论\n根据评价指标体系，本次评价总分为100分，实际得分88分，评价等级为良好（80-90分）。\n",
        "实际得分88分",
        "实际得分78分",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn a_summary_by_group_is_a_score_table() {
    // Invented, a third-party report's summary: 一级指标 | 分值 | 得分 | 得分率.
    // The 得分率 column is no score (it was read as one: four bounds errors).
    let text = "四、评价结论\n表4 绩效评价得分情况表\n| 一级指标 | 分值 | 得分 | 得分率 |\n| 决策 | 20 | 18.00 | 90.00% |\n| 过程 | 20 | 17.50 | 87.50% |\n| 产出 | 40 | 36.20 | 90.50% |\n| 效益 | 20 | 16.80 | 84.00% |\n| 合计 | 100 | 88.50 | 88.50% |\n";
    let hit = holds_then_fails(
        "score.sum",
        "4 scores add up to 合计 88.50",
        text,
        "| 17.50 |",
        "| 18.50 |",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn an_unnumbered_qizhong_run_is_under_the_row_before_it() {
    // Invented, the 三公 table of a 部门决算: 其中 购置费 and 运行维护费 are the
    // 公务用车 row's; 合计 is of the three rows not under another.
    let text = "三、“三公”经费情况\n表3 “三公”经费支出情况表 单位：万元\n| 项目 | 2023年预算数 | 2023年决算数 | 2022年决算数 |\n| 合计 | 25.00 | 21.36 | 23.80 |\n| 因公出国（境）费 | 0.00 | 0.00 | 0.00 |\n| 公务用车购置及运行维护费 | 18.00 | 16.20 | 17.50 |\n| 其中：公务用车购置费 | 0.00 | 0.00 | 0.00 |\n| 公务用车运行维护费 | 18.00 | 16.20 | 17.50 |\n| 公务接待费 | 7.00 | 5.16 | 6.30 |\n";
    let hit = holds_then_fails(
        "parts.sum",
        "合计 预算数 = 3 rows",
        text,
        "| 公务接待费 | 7.00 |",
        "| 公务接待费 | 8.00 |",
    );
    assert_eq!(hit.severity, Severity::Error);
    let (_, checks) = traced(text);
    assert!(
        checks.iter().any(|c| c
            .relation
            .contains("公务用车购置及运行维护费 执行数 ≥ the 2 rows under it")),
        "{checks:?}"
    );
}

#[test]
fn a_share_column_is_each_rows_part_of_the_total() {
    // Invented: 占比 of 实际支出 over its 合计 (the column two rows agree on).
    let text = "三、资金使用情况\n表2 项目资金支出明细表 单位：万元\n| 序号 | 支出内容 | 预算数 | 实际支出 | 占比 |\n| 1 | 道路硬化 | 200.00 | 198.50 | 49.75% |\n| 2 | 产业扶持 | 150.00 | 145.20 | 36.39% |\n| 3 | 技能培训 | 60.00 | 55.30 | 13.86% |\n| | 合计 | 410.00 | 399.00 | 100.00% |\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "产业扶持 占比 145.20 / 399.00",
        text,
        "| 145.20 | 36.39% |",
        "| 145.20 | 37.39% |",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Shares no column gives (of some other whole): nothing judged.
    let other = text
        .replace("49.75%", "19.85%")
        .replace("36.39%", "14.52%")
        .replace("13.86%", "5.53%");
    let (f, checks) = traced(&other);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.contains("占比")),
        "{checks:?}"
    );
}

#[test]
fn a_share_of_a_whole_the_change_implies() {
    // Invented, a 部门决算 sentence: the budget is not stated, the change on it is.
    let text = "三、“三公”经费\n2023年度“三公”经费财政拨款支出决算为12.30万元，完成预算的82.00%，比预算减少2.70万元。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "12.30 / (12.30 + 2.70) = 82.00%",
        text,
        "12.30万元",
        "12.40万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Where the budget is stated as the comparison's base, it is the whole,
    // and the change is its difference though a share stands between.
    let stated =
        "三、“三公”经费\n“三公”经费支出6.5万元，完成预算的81.25%，比预算数8万元减少1.5万元。\n";
    let hit = holds_then_fails(
        "balance.mismatch",
        "8 − 6.5 = 1.5",
        stated,
        "减少1.5万元",
        "减少2.5万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    let (_, checks) = traced(stated);
    assert!(
        checks.iter().any(|c| c.relation == "6.5 / 8 = 81.25%"),
        "{checks:?}"
    );
}

#[test]
fn parts_whose_shares_make_all_of_a_stated_whole_add_up_to_it() {
    // Invented: the shares add up to 100%, so the parts are all of the
    // 财政拨款支出 the sentence states before them.
    let text = "二、支出情况\n2023年度财政拨款支出2,100.00万元，主要用于以下方面：一般公共服务支出1,800.00万元，占85.71%；社会保障和就业支出200.00万元，占9.52%；住房保障支出100.00万元，占4.76%。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "2023年度财政拨款支出 = the 3 parts its shares make all of",
        text,
        "支出2,100.00万元",
        "支出2,110.00万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    // A whole of another measure whose 其中 opens them is theirs all the same.
    let hit = holds_then_fails(
        "parts.sum",
        "2023年项目预算资金 = the 3 parts its shares make all of",
        "一、预算\n2023年项目预算资金200万元，其中：设备购置费120万元，占60%；人员培训费50万元，占25%；宣传费30万元，占15%。\n",
        "资金200万元",
        "资金210万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    // A whole of another measure (a budget) before spending parts: not theirs.
    let (f, checks) =
        traced(&text.replace("2023年度财政拨款支出2,100.00万元", "全年预算2,200.00万元"));
    assert!(f.is_empty(), "{f:?}");
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
}

#[test]
fn wan_alone_is_money_where_nothing_follows_it() {
    // Invented: `200万` with no 元; `2.5万人` is a count of people, no amount.
    let hit = holds_then_fails(
        "rate.mismatch",
        "180 / 200 = 90%",
        "一、投资情况\n项目计划投资200万，已完成投资180万，完成率90%。\n",
        "完成率90%",
        "完成率95%",
    );
    assert_eq!(hit.severity, Severity::Error);
    let doc = jixiao_ingest::read("一、效益\n受益群众2.5万人，种植面积3万亩。\n".as_bytes())
        .expect("text");
    let report = jixiao_extract::extract(&doc);
    assert!(
        report.facts.iter().all(|f| f.money().is_none()),
        "{:?}",
        report.facts
    );
}

#[test]
fn a_score_tables_score_rate_column_is_the_score_over_the_weight() {
    // Invented, a third-party report's indicator table with a 得分率 column.
    let text = "附件：绩效评价指标体系及评分表\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 | 得分率 |\n| 决策（10分） | 项目立项 | 立项依据充分性 | 5 | 5 | 100.00% |\n| | | 立项程序规范性 | 5 | 4 | 80.00% |\n| 合计 | | | 10 | 9 | 90.00% |\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "立项程序规范性 得分率 4 / 5 = 80.00%",
        text,
        "| 4 | 80.00% |",
        "| 4 | 85.00% |",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn a_scoring_rules_numbered_points_add_up_to_the_weight() {
    // Invented, in the shape of a 部门整体 self-evaluation table: each numbered
    // requirement of the 评分标准 with its points, together the row's 分值.
    let text = "附表 绩效评价指标评分表\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 得分 |\n| 决策 | 项目立项 | 立项依据充分性 | 4 | 1、符合国家法律法规（1分）；2、与部门职能相符（1分）；3、属于公共财政支持范围（2分）。 | 4 |\n| | | 立项程序规范性 | 3 | 1、按规定程序申请设立得3分；2、程序基本规范得2分；3、程序不规范得0分。 | 3 |\n| 合计 | | | 7 | | 7 |\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(
            |c| c.relation == "立项依据充分性 评分标准 1 + 1 + 2 = 分值 4"
                && c.verdict == jixiao_validate::Verdict::Consistent
        ),
        "{checks:?}"
    );
    // Levels to choose among (one worth the whole weight) are no parts.
    assert!(
        !checks
            .iter()
            .any(|c| c.relation.contains("立项程序规范性 评分标准")),
        "{checks:?}"
    );
    let bad = check(&text.replace("相符（1分）", "相符（2分）"));
    let hits = of(&bad, "score.sum");
    assert_eq!(hits.len(), 1, "{bad:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
}

#[test]
fn a_balance_may_be_left_of_the_budget_or_of_the_funds_received() {
    // Invented: 550 budgeted, 540 received, 528.5 spent, 结余资金 21.5 of the budget.
    let text = "一、资金情况\n项目年初预算500万元，年中追加50万元，调整后预算550万元。截至2023年12月31日，实际到位资金540万元，到位率98.18%；实际支出528.5万元，预算执行率96.09%，结余资金21.5万元。\n";
    let hit = holds_then_fails(
        "balance.mismatch",
        "550 − 528.5 = 21.5",
        text,
        "结余资金21.5万元",
        "结余资金22.5万元",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn spending_added_up_is_what_was_spent_and_the_reports_own_figure_outweighs_a_parts() {
    // Invented: `部门支出合计` is the department's 执行数 (合计 is no connective
    // there, and 支出总计 would be another quantity); the 公用经费 sentence's
    // 实际支出 is a part's and no longer the report's figure.
    let text = "二、收支情况\n2023年度部门年初预算2,100.00万元，年中追加280.50万元，全年预算2,380.50万元。\n2023年度部门支出合计2,326.40万元，预算执行率97.73%，年末结转结余54.10万元。\n公用经费控制率：2023年公用经费预算安排180.00万元，实际支出176.20万元，公用经费控制率为97.89%。\n";
    let doc = jixiao_ingest::read(text.as_bytes()).expect("text");
    let report = jixiao_extract::extract(&doc);
    assert_eq!(
        report
            .budget
            .executed
            .map(|d| d.normalize().to_string())
            .as_deref(),
        Some("23264000")
    );
    let hit = holds_then_fails(
        "balance.mismatch",
        "2380.50 − 2326.40 = 54.10",
        text,
        "结余54.10万元",
        "结余55.10万元",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn a_rate_over_what_was_used_and_what_is_left() {
    // Invented: no amount states the whole; what was paid and what is left make it.
    let hit = holds_then_fails(
        "rate.mismatch",
        "176.5 / (176.5 + 23.5) = 88.25%",
        "一、支付情况\n截至2023年底，项目累计支付资金176.5万元，支付进度88.25%，剩余23.5万元尚未支付。\n",
        "88.25%",
        "89.25%",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Without what is left, a 支付进度 is the share paid of the budget.
    holds_then_fails(
        "rate.mismatch",
        "190.00 / 200.00 = 95.00%",
        "一、支付情况\n项目全年预算200.00万元，截至年底已支付190.00万元，资金支付进度为95.00%。\n",
        "95.00%",
        "96.00%",
    );
    // Over the funds received it does not give, but over spending and balance
    // together it does (a budget of 1500 the sentence implies): no error.
    let text = "一、资金情况\n项目资金到位1,450.00万元，到位率96.67%。项目实际支出1,380.00万元，预算执行率92.00%，资金结余120.00万元。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "1380.00 / (1380.00 + 120.00) = 92.00%"),
        "{checks:?}"
    );
    // Last year's balance is no part of this year's whole.
    let (f, _) = traced("一、资金情况\n本年支出90万元，支出率90%，上年结余资金15万元。\n");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_hedged_figure_is_read_as_approximate_and_raises_no_error() {
    let exact = "三、资金使用情况\n全年发放高龄津贴326.4万元，惠及老年人2750人，人均1200元。\n";
    let all = check(exact);
    let f = of(&all, "amount.product");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].severity, Severity::Error);
    // 约 before it, 左右 after it: 326.4万 / 2750 = 1186.9, about 1200; a bound
    // (最高, 不低于, 以内) is no standard either: no product is judged.
    for hedged in [
        exact.replace("人均1200元", "人均约1200元"),
        exact.replace("人均1200元", "人均1200元左右"),
        exact.replace("人均1200元", "人均最高1200元"),
        exact.replace("人均1200元", "人均不低于1200元"),
        exact.replace("人均1200元", "人均1200元以内"),
    ] {
        let (all, checks) = traced(&hedged);
        assert!(of(&all, "amount.product").is_empty(), "{hedged}: {all:?}");
        assert!(
            checks.iter().all(|c| c.rule != "amount.product"),
            "{hedged}: {checks:?}"
        );
        let doc = jixiao_ingest::read(hedged.as_bytes()).expect("readable text");
        let report = jixiao_extract::extract(&doc);
        let standard = report.facts.iter().find(|f| f.label.contains("人均"));
        assert!(standard.is_some_and(|f| f.approximate), "{hedged}");
    }
    // A hedged figure elsewhere still takes part, at most as a warning.
    let f = check("一、资金情况\n项目预算500万元，实际支出约480万元，预算执行率90%。\n");
    assert!(f.iter().all(|f| f.severity != Severity::Error), "{f:?}");
    // 节约 ends like 约 and hedges nothing.
    let doc = jixiao_ingest::read(
        "三、预算执行\n年初预算12.5万元，实际支出9.8万元，节约2.7万元。\n".as_bytes(),
    )
    .expect("readable text");
    let report = jixiao_extract::extract(&doc);
    let saved = report.facts.iter().find(|f| f.label.contains("节约"));
    assert!(saved.is_some_and(|f| !f.approximate), "{:?}", report.facts);
}

#[test]
fn groups_listed_with_their_marks_score_and_deduction_are_each_checked_and_add_up() {
    // `A满分20分，得分17.5分，扣2.5分；B满分20分，…`: each group's run of figures
    // is its own full marks, score and deduction; the scores are the total's parts.
    let text = "四、评价结论\n项目最终得分87.5分，评价等级为“良”。其中，项目决策指标满分20分，得分17.5分，扣2.5分，主要是绩效目标设置不够细化；项目过程指标满分20分，得分18分，扣2分；项目产出指标满分40分，得分35分，扣5分；项目效益指标满分20分，得分17分，扣3分。\n";
    holds_then_fails(
        "prose.deduction",
        "40 − deductions = 35",
        text,
        "得分35分，扣5分",
        "得分35分，扣6分",
    );
    holds_then_fails(
        "parts.sum",
        "项目最终得分 totals 4 amounts",
        text,
        "最终得分87.5分",
        "最终得分88.5分",
    );
    // Deductions listed as the parts (`决策扣2分，过程扣3分`) are no group scores.
    let (f, checks) =
        traced("四、评价结论\n项目最终得分95分。其中，项目决策扣2分，项目过程扣3分。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
}

#[test]
fn prose_deduction_of_the_total_score_and_the_total_deducted() {
    // The report's total score and, in its paragraph, all the points taken
    // off: the hundred less them.
    let text = "2024年度衔接资金项目绩效自评报告\n本项目自评得分为92分。扣分情况：项目管理扣3分；产出指标扣2分；效益指标扣3分。共扣8分。\n";
    let f = holds_then_fails(
        "prose.deduction",
        "100 − total deductions 8 = 92",
        text,
        "共扣8分",
        "共扣10分",
    );
    // (The hundred not said to be the full marks: a warning.)
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.computed.map(|d| d.to_string()).as_deref(), Some("90"));
    // Said so, beyond rounding: an error.
    let full = text.replace("得分为92分。", "得分为92分（满分100分）。");
    let f = check(&full.replace("共扣8分", "共扣10分"));
    let hits = of(&f, "prose.deduction");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
    // The total deducted said bare right after the score.
    holds_then_fails(
        "prose.deduction",
        "100 − total deductions 14 = 86",
        "某项目绩效自评报告\n经评价，项目得分86分，扣14分，主要扣分点：绩效目标不够细化扣2分，资金支付滞后扣5分，部分产出未完成扣4分，满意度不足扣3分。\n",
        "扣14分",
        "扣16分",
    );
    // The items after it (主要: maybe not all of them) are never more than it.
    holds_then_fails(
        "prose.deduction",
        "4 deductions add up to 14",
        "某项目绩效自评报告\n经评价，项目得分86分，扣14分，主要扣分点：绩效目标不够细化扣2分，资金支付滞后扣5分，部分产出未完成扣4分，满意度不足扣3分。\n",
        "滞后扣5分",
        "滞后扣6.5分",
    );
    let (_, checks) = traced("某项目绩效自评报告\n经评价，项目得分86分，扣14分，主要扣分点：绩效目标不够细化扣2分，资金支付滞后扣4分，部分产出未完成扣4分，满意度不足扣3分。\n");
    assert!(
        !checks
            .iter()
            .any(|c| c.relation.contains("deductions add up")),
        "{checks:?}"
    );
    // Points added back leave the total to them.
    let (_, checks) = traced(&text.replace("共扣8分。", "共扣8分，加分2分。"));
    assert!(
        !checks
            .iter()
            .any(|c| c.relation.contains("total deductions")),
        "{checks:?}"
    );
}

#[test]
fn prose_deduction_reads_points_taken_off_named_kou_fen() {
    holds_then_fails(
        "prose.deduction",
        "100 − deductions = 86.5",
        "五、评价结论\n本次评价满分100分，该项目最终得分86.5分，扣分13.5分，等级为“良”。\n",
        "扣分13.5分",
        "扣分14.5分",
    );
    // The most a criterion may take off is a rule of the scale, not a deduction.
    let (f, checks) =
        traced("五、评价结论\n资金到位率（5分）：每低于1个百分点扣0.5分，最高扣分5分，得5分。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "prose.deduction"),
        "{checks:?}"
    );
}

#[test]
fn amount_product_reads_an_average_of_what_was_spent_and_never_of_a_gain() {
    holds_then_fails(
        "amount.product",
        "1200 × 300 = 36",
        "三、项目实施情况\n本年度共培训新型职业农民1200人次，培训经费支出36万元，人均培训成本300元。\n",
        "人均培训成本300元",
        "人均培训成本310元",
    );
    // What each household gained or saved is no standard the report paid.
    for text in [
        "四、项目效益\n全年共投入资金500万元，惠及农户1250户，户均增收3000元。\n",
        "四、项目效益\n合计培训经费36万元，培训1000人次，人均节约成本50元。\n",
    ] {
        let (f, checks) = traced(text);
        assert!(f.is_empty(), "{text}: {f:?}");
        assert!(
            !checks.iter().any(|c| c.rule == "amount.product"),
            "{text}: {checks:?}"
        );
    }
}

#[test]
fn amount_product_of_a_standard_per_term_over_the_year() {
    // A school year has two terms: 2,000 × 1,000 × 2 (× 1 was an error).
    holds_then_fails(
        "amount.product",
        "2000 × 1000 × 2 = 400",
        "全年为2,000名学生发放助学金，每生每学期1,000元，共发放400万元。\n",
        "共发放400万元",
        "共发放410万元",
    );
}

#[test]
fn amount_product_of_a_standard_per_village_counted_by_ge() {
    // Villages counted `58个行政村`, paid `每村5万元`: the count in 个 that
    // names them, not another one (`5个乡镇`), nor one of no villages.
    holds_then_fails(
        "amount.product",
        "58 × 5.0 = 290",
        "对全县5个乡镇58个行政村开展人居环境整治，每村奖补5.0万元，共计290万元。\n",
        "共计290万元",
        "共计300万元",
    );
    let (_, checks) = traced("对3个乡镇的每村奖补5万元，共计290万元。\n");
    assert!(
        checks.iter().all(|c| c.rule != "amount.product"),
        "{checks:?}"
    );
}

#[test]
fn amount_product_leaves_a_part_of_another_total() {
    // 8,000亩 × 1,500元 is the 总投资; the 财政补助 listed under it is a part
    // of that, no total paid at the standard (it was a warning).
    let (f, checks) = traced("项目单价按每亩1,500元计算，全县共实施8,000亩，总投资1,200万元，其中财政补助960万元，农户自筹240万元。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .all(|c| c.rule != "amount.product" || !c.relation.contains("= 960")),
        "{checks:?}"
    );
}

#[test]
fn amount_product_of_what_was_due_beside_what_was_paid() {
    // `应发放` is the standard times the heads; `实际发放` only what was paid.
    let hit = holds_then_fails(
        "amount.product",
        "2500 × 1200 = 300",
        "补助标准为每人每年1,200元，全年补助对象2,500人，应发放300万元，实际发放298.8万元，发放率99.6%。\n",
        "应发放300万元",
        "应发放310万元",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn amount_product_of_a_per_head_standard_the_funds_were_set_by() {
    // `按人均89元的标准安排`: a standard, exact per head, not an average the
    // total rounds to (261,501 × 89 would round to 89 as an average too).
    let text = "三、资金情况\n2023年基本公共卫生服务补助资金共计2,318.46万元，按人均89元的标准安排，服务常住人口260501人。\n";
    let hit = holds_then_fails(
        "amount.product",
        "260501 × 89 = 2318.46",
        text,
        "260501人",
        "261501人",
    );
    assert_eq!(hit.severity, jixiao_model::Severity::Error, "{hit:?}");
    // An average (`人均`, no standard it was set by) still rounds as printed.
    let average =
        "三、资金情况\n2023年补助资金共计2,318.46万元，服务常住人口261501人，人均89元。\n";
    let (f, _) = traced(average);
    assert!(of(&f, "amount.product").is_empty(), "{f:?}");
}

#[test]
fn amount_product_reads_parallel_clauses_each_with_its_own_standard() {
    // Two standards in one sentence, each with its count and total in clauses
    // of its own (`；` between); a count per month under a standard per month.
    let text = "一、项目基本情况\n2023年全市城市低保对象月均保障2,350人，保障标准为每人每月780元，全年发放城市低保金2,199.60万元；农村低保对象月均保障6,120人，保障标准为每人每月560元，全年发放农村低保金4,112.64万元。\n";
    holds_then_fails(
        "amount.product",
        "2350 × 780 × 12 = 2199.60",
        text,
        "2,350人",
        "2,450人",
    );
    holds_then_fails(
        "amount.product",
        "6120 × 560 × 12 = 4112.64",
        text,
        "每人每月560元",
        "每人每月580元",
    );
    // Clauses sharing one standard stay one reading (no clause has its own).
    let (_, checks) =
        traced("一、项目基本情况\n城市低保对象2,350人，农村低保对象6,120人；每人每月780元。\n");
    assert!(
        !checks.iter().any(|c| c.rule == "amount.product"),
        "{checks:?}"
    );
}

#[test]
fn amount_product_of_a_standard_per_student_per_day() {
    holds_then_fails(
        "amount.product",
        "9600 × 5 × 200 = 960.00",
        "二、项目产出情况\n全县共有38所学校实施营养改善计划，惠及学生9,600人，按每生每天5元标准、全年200天计算，需补助资金960.00万元。\n",
        "9,600人",
        "9,800人",
    );
}

#[test]
fn rate_mismatch_never_pairs_two_parts_of_one_list() {
    // The 到位率 is 4,320 over the 总投资 4,500; the sources listed under the
    // 总投资 (中央 2,700, 省级 900) are no ratio of it.
    let text = "二、项目资金情况\n项目总投资4,500.00万元，其中中央资金2,700.00万元，省级资金900.00万元，县级配套900.00万元。截至评价日，到位资金4,320.00万元，资金到位率96.00%，其中中央资金2,700.00万元已全部到位，省级资金到位900.00万元，县级配套到位720.00万元。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks
            .iter()
            .any(|c| c.relation.starts_with("900.00 / 2700.00")),
        "{checks:?}"
    );
    holds_then_fails(
        "rate.mismatch",
        "4320.00 / 4500.00 = 96.00%",
        text,
        "资金到位率96.00%",
        "资金到位率98.00%",
    );
}

#[test]
fn rate_mismatch_reads_the_total_of_the_titles_fund_and_another_source_as_the_budget() {
    // The title's fund allotted by one giver, then another source and their
    // 合计: the 合计 is the budget the spending is over, not the first part.
    let text = "某市2023年度文化惠民工程专项资金绩效自评报告\n（二）资金投入及使用情况\n2023年市级财政安排文化惠民工程专项资金800.00万元，省级补助资金200.00万元，合计1,000.00万元。全年支出985.60万元，执行率98.56%。\n";
    holds_then_fails(
        "rate.mismatch",
        "985.60 / 1000.00 = 98.56%",
        text,
        "执行率98.56%",
        "执行率97.56%",
    );
}

#[test]
fn rate_mismatch_of_a_change_past_the_base_of_a_share() {
    // `完成年初预算32.00万元的83.88%` names the share's base, not the level the
    // change after it (`比上年决算数减少3.52万元`) is of: 26.84 + 3.52 last year.
    let text = "（二）“三公”经费支出情况\n2023年度“三公”经费决算支出26.84万元，完成年初预算32.00万元的83.88%，比上年决算数减少3.52万元，下降11.59%。\n";
    holds_then_fails(
        "rate.mismatch",
        "3.52 / (26.84 + 3.52) = 11.59%",
        text,
        "下降11.59%",
        "下降12.59%",
    );
}

#[test]
fn rate_mismatch_of_a_staff_rate_over_the_counts_named_before_it() {
    // `在职人员控制率` in a sentence of its own: the count named 在职人员 (a part
    // of 实有人数) over the 编制数 (not its 行政编制, a part of it).
    let text = "（一）部门人员情况\n截至2023年末，本单位编制数65人，其中行政编制15人、事业编制50人；实有人数71人，其中在职人员58人、离退休人员13人。在职人员控制率89.23%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "58 / 65 = 89.23%",
        text,
        "编制数65人",
        "编制数66人",
    );
    assert_eq!(
        hit.computed.map(|c| c.normalize().to_string()),
        Some("87.88".into()),
        "{hit:?}"
    );
}

#[test]
fn rate_mismatch_reads_a_verbs_rate_as_done_over_planned() {
    holds_then_fails(
        "rate.mismatch",
        "585 / 600 = 97.5%",
        "三、资金使用情况\n全年计划发放补助资金600万元，实际发放585万元，发放率97.5%。\n",
        "实际发放585万元",
        "实际发放575万元",
    );
    // Funds paid out over the funds the project needed, stated in its 概况.
    holds_then_fails(
        "rate.mismatch",
        "99.04 / 100 = 99.04%",
        "一、项目概况\n每人每年补助标准800元，共需资金100万元。\n二、项目资金使用情况\n截至2023年12月31日，资金到位100万元，到位率100%；实际资助学生1,238人，发放资金99.04万元，资金发放率99.04%。\n",
        "发放资金99.04万元",
        "发放资金98.04万元",
    );
    // Two amounts naming the verb, neither of them as done: which is which is unsure.
    let (f, checks) = traced(
        "三、资金使用情况\n计划发放补助资金600万元，其中计划发放省级资金300万元，发放率97.5%。\n",
    );
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "rate.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn amount_product_reads_counts_in_ten_thousands_and_per_mu_standards() {
    // 31.67万亩 × 90元 = 2850.3万元 straight; the count is rounded, so
    // 2850.36 is within it and raises nothing.
    let text = "三、资金使用情况\n本年度共发放耕地地力保护补贴资金2,850.36万元，补贴面积31.67万亩，每亩补贴90元。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.rule == "amount.product" && c.relation == "31.67万 × 90 = 2850.36"),
        "{checks:?}"
    );
    let f = check(&text.replace("2,850.36", "2,950.36"));
    assert_eq!(of(&f, "amount.product").len(), 1, "{f:?}");
    assert_eq!(of(&f, "amount.product")[0].severity, Severity::Error);
    // A monthly standard (`人均月领取`) without its months is read for no total.
    let (f, checks) = traced(
        "三、资金使用情况\n共发放城乡居民养老金1.2亿元，领取人数10万人，人均月领取100元。\n",
    );
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "amount.product"),
        "{checks:?}"
    );
}

#[test]
fn standards_per_different_units_in_one_sentence_each_take_their_own_count() {
    // 每亩105元 goes with the 万亩, 户均 with the 户: both of the one amount paid.
    let text = "一、基本情况\n2023年我县耕地地力保护补贴面积12.65万亩，补贴标准为每亩105元，发放补贴资金1,328.25万元，涉及农户28,640户，户均补贴463.77元。\n";
    holds_then_fails(
        "amount.product",
        "28640 × 463.77 = 1328.25",
        text,
        "户均补贴463.77元",
        "户均补贴473.77元",
    );
    holds_then_fails(
        "amount.product",
        "12.65万 × 105 = 1328.25",
        text,
        "每亩105元",
        "每亩115元",
    );
    // Two standards per the same unit: which count each is of is unsure.
    let (f, checks) = traced("一、基本情况\n补贴面积12.65万亩，每亩补贴105元，其中每亩种粮补贴35元，发放补贴资金1,328.25万元。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "amount.product"),
        "{checks:?}"
    );
}

#[test]
fn compensation_paid_at_a_standard_per_mu_is_its_product_in_traditional_characters_too() {
    // 生态效益补偿 is paid at a standard per 亩, as a subsidy is; a mirror's
    // traditional characters read as the simplified ones.
    let text = "關於2023年度林業改革發展資金績效自評報告\n三、績效目標完成情況\n管護公益林面積86.5萬畝，每畝補償標準15元，補償資金1,297.5萬元。\n";
    holds_then_fails(
        "amount.product",
        "86.5万 × 15 = 1297.5",
        text,
        "1,297.5萬元",
        "1,397.5萬元",
    );
}

#[test]
fn a_per_project_total_printed_in_the_seq_column_totals_the_rows_above() {
    // 合计 merged over 序号 and 项目名称 prints in the first cell, the name cell empty.
    let rows = [
        ("1", "县道养护", "320.00", "312.50", "97.66%"),
        ("2", "乡道养护", "180.00", "176.40", "98.00%"),
        ("3", "村道养护", "100.00", "95.00", "95.00%"),
    ];
    let pipes: String = rows
        .iter()
        .map(|(n, name, b, e, r)| format!("| {n} | {name} | {b} | {e} | {r} |\n"))
        .collect();
    let spaces: String = rows
        .iter()
        .map(|(n, name, b, e, r)| format!("{n} {name} {b} {e} {r}\n"))
        .collect();
    for text in [
        format!("二、资金使用情况\n表2 资金使用情况表（单位：万元）\n| 序号 | 项目名称 | 预算数 | 实际支出 | 执行率 |\n{pipes}| 合计 | | 600.00 | 583.90 | 97.32% |\n"),
        format!("二、资金使用情况\n表2 资金使用情况表（单位：万元）\n序号 项目名称 预算数 实际支出 执行率\n{spaces}合计 600.00 583.90 97.32%\n"),
    ] {
        holds_then_fails(
            "parts.sum",
            "合计 执行数 = 3 rows",
            &text,
            "583.90",
            "593.90",
        );
    }
}

#[test]
fn a_per_project_totals_rate_is_its_totals_ratio_beside_a_column_of_no_role() {
    // A 结余 column the vocabulary has no role for: the total fills it too,
    // so its 执行率 lands in its own column.
    let text = "二、资金使用情况\n表2 资金使用情况表（单位：万元）\n序号 项目名称 预算数 实际支出 结余 执行率\n1 县道养护 320.00 312.50 7.50 97.66%\n2 乡道养护 180.00 176.40 3.60 98.00%\n3 村道养护 100.00 95.00 5.00 95.00%\n合计 600.00 583.90 16.10 97.32%\n";
    holds_then_fails(
        "rate.mismatch",
        "合计 583.90 / 600.00 = 97.32%",
        text,
        "16.10 97.32%",
        "16.10 96.32%",
    );
}

#[test]
fn an_indicators_completion_rate_is_what_it_achieved_over_its_target() {
    let text = "四、绩效指标完成情况\n| 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 完成率 | 分值 | 得分 |\n| 产出指标 | 数量指标 | 改造农村危房 | ≥300户 | 312户 | 104% | 10 | 10 |\n| 产出指标 | 质量指标 | 验收合格率 | ≥95% | 98% | 100% | 10 | 10 |\n| 产出指标 | 成本指标 | 户均补助标准 | ≤2万元 | 1.8万元 | 111.11% | 10 | 10 |\n| 效益指标 | 社会效益 | 受益人口 | ≥1000人 | 980人 | 98% | 10 | 9.8 |\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    // Each of the usual readings holds: the ratio, 100% for a target met
    // (98% of ≥95%), the target over the value for a ceiling.
    let completions = checks
        .iter()
        .filter(|c| c.rule == "rate.mismatch" && c.relation.contains("完成率"))
        .filter(|c| c.verdict == jixiao_validate::Verdict::Consistent)
        .count();
    assert_eq!(completions, 4, "{checks:?}");
    let f = check(&text.replace("| 312户 | 104% |", "| 312户 | 105% |"));
    let hits = of(&f, "rate.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
    // A ceiling's rate is written several ways: a wrong one only warns.
    let f = check(&text.replace("| 111.11% |", "| 120% |"));
    let hits = of(&f, "rate.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
}

/// A pipe table's cells, one per line (a Word or web table copied as text).
fn one_cell_per_line(pipes: &str) -> String {
    pipes
        .lines()
        .flat_map(|l| {
            if l.starts_with('|') {
                l.trim_matches('|')
                    .split('|')
                    .map(|c| c.trim().to_string())
                    .collect::<Vec<_>>()
            } else {
                vec![l.to_string()]
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn an_indicator_table_one_cell_per_line_with_percent_values_is_read_in_its_columns() {
    // Targets and values in % (`100%`, `≥90%`) once took the score columns'
    // places: four scores above their weights, all false.
    let text = one_cell_per_line(
        "四、绩效指标完成情况\n| 一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 完成率 | 分值 | 得分 |\n| 产出指标 | 数量指标 | 改造农村危房 | ≥300户 | 312户 | 104% | 10 | 10 |\n| 产出指标 | 质量指标 | 验收合格率 | ≥95% | 98% | 100% | 10 | 10 |\n| 产出指标 | 质量指标 | 资金使用合规率 | 100% | 100% | 100% | 10 | 10 |\n| 效益指标 | 社会效益 | 群众满意度 | ≥90% | 96% | 96% | 10 | 10 |\n| 效益指标 | 可持续影响 | 受益人口 | ≥1000人 | 980人 | 98% | 10 | 9.8 |\n",
    );
    let (f, checks) = traced(&text);
    assert!(f.is_empty(), "{f:?}");
    let completions = checks
        .iter()
        .filter(|c| {
            c.relation.contains("完成率") && c.verdict == jixiao_validate::Verdict::Consistent
        })
        .count();
    assert_eq!(completions, 5, "{checks:?}");
}

#[test]
fn a_group_summary_one_cell_per_line_keeps_its_deduction_and_rate_columns() {
    // `扣分` and `得分率` head columns the vocabulary has no role for; the
    // numbered caption above (`（一）评价得分`) heads none.
    let text = one_cell_per_line(
        "三、评价结论\n（一）评价得分\n| 一级指标 | 分值 | 得分 | 扣分 | 得分率 |\n| 决策 | 20 | 18 | 2 | 90.00% |\n| 过程 | 20 | 17.5 | 2.5 | 87.50% |\n| 产出 | 30 | 27 | 3 | 90.00% |\n| 效益 | 30 | 26 | 4 | 86.67% |\n| 合计 | 100 | 88.5 | 11.5 | 88.50% |\n",
    );
    holds_then_fails(
        "rate.mismatch",
        "过程 得分率 17.5 / 20 = 87.50%",
        &text,
        "87.50%",
        "85.50%",
    );
    let (_, checks) = traced(&text);
    assert!(
        checks
            .iter()
            .any(|c| c.rule == "score.sum" && c.relation.contains("4 scores add up to 合计 88.5")),
        "{checks:?}"
    );
}

#[test]
fn a_wide_indicator_form_reads_this_years_value_not_last_years_nor_its_basis() {
    // The Xinjiang form's columns: 指标值设置依据 and 指标赋分规则 are text
    // about a value; 上年完成值 is last year's, not what was achieved.
    let header = "一级指标 二级指标 三级指标 指标值 指标值设置依据 上年完成值 指标分值权重 指标赋分规则 佐证资料 指标实际完成值 完成率 指标得分 偏差原因分析及改进措施";
    let rows = [
        "产出指标 时效指标 补贴发放及时率 ≥95% 计划标准 98% 10 完成得满分 发放记录 96% 101.05% 10 无",
        "效益指标 社会效益指标 数据质量提升 ≥90% 行业标准 92% 20 完成得满分 统计报表 93% 103.33% 20 无",
    ];
    let pipes = |line: &str| format!("| {} |", line.split(' ').collect::<Vec<_>>().join(" | "));
    let text = format!(
        "年度绩效指标完成情况\n{}\n{}\n",
        pipes(header),
        rows.map(pipes).join("\n")
    );
    let (f, checks) = traced(&text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation.ends_with("完成率 96% / ≥95% = 101.05%")
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    // Between spaces, each row's weight and score are its own.
    let spaced = format!("年度绩效指标完成情况\n{header}\n{}\n", rows.join("\n"));
    let doc = jixiao_ingest::read(spaced.as_bytes()).expect("readable text");
    let report = jixiao_extract::extract(&doc);
    let items: Vec<(Option<String>, Option<jixiao_model::Decimal>)> = report
        .score_tables
        .iter()
        .flat_map(|t| &t.items)
        .map(|i| (i.level3.clone(), i.weight))
        .collect();
    assert_eq!(
        items,
        [
            (Some("补贴发放及时率".to_string()), Some(10.into())),
            (Some("数据质量提升".to_string()), Some(20.into())),
        ]
    );
}

#[test]
fn a_share_column_last_in_the_header_is_a_column_in_every_rendering() {
    // `占比` last in the header: between spaces or one cell per line it was
    // read as a row of its own (占比 1.00万元), and the 合计 then fell short.
    let pipes = "二、资金使用明细\n| 序号 | 支出内容 | 金额（万元） | 占比 |\n| 1 | 道路硬化 | 198.50 | 39.70% |\n| 2 | 产业扶持 | 145.20 | 29.04% |\n| 3 | 技能培训 | 55.30 | 11.06% |\n| 合计 | | 399.00 | 79.80% |\n";
    let spaces = common::cells_between_spaces(pipes);
    for text in [pipes.to_string(), spaces, one_cell_per_line(pipes)] {
        holds_then_fails(
            "parts.sum",
            "合计 预算数 = 3 rows",
            &text,
            "399.00",
            "389.00",
        );
    }
}

#[test]
fn a_group_weight_cut_from_its_name_weighs_no_group() {
    // Between spaces `项目过程 (20分)` comes apart: the `(20分)` alone was read
    // as a nameless 二级 group of the first three rows, a false error.
    let text = "三、评价结论\n一级指标 二级指标 三级指标 指标值 分值 得分\n项目过程 (20分) 资金管理 资金到位率 100% 4 4\n预算执行率 100% 6 5.9\n资金使用合规性 合规 4 4\n组织实施 管理制度健全性 健全 3 3\n制度执行有效性 有效 3 3\n合计 20 19.9\n";
    holds_then_fails(
        "score.sum",
        "score table 1: 5 scores add up to 合计 19.9",
        text,
        "合计 20 19.9",
        "合计 20 18.9",
    );
}

#[test]
fn a_formula_in_brackets_after_a_header_cell_is_its_tail_not_a_column() {
    // `得分 (20分*执行率)` between spaces: the bracket was read as a 执行率
    // column, the row's 19.55 lost, and the form's 总分 fell 19.55 short.
    let text = "预算执行情况(万元) (20分) 预算数(A) 执行数(B) 执行率(B/A) 得分 (20分*执行率)\n年度财政资金总额 200 195.5 97.75% 19.55\n";
    holds_then_fails(
        "score.rate",
        "年度财政资金总额 20 × 97.75% = 19.55",
        text,
        "97.75% 19.55",
        "97.75% 18.55",
    );
}

#[test]
fn a_group_short_of_its_weight_is_an_error_only_where_every_row_was_read() {
    let table = |total: &str| {
        format!("三、评价结论\n| 一级指标 | 三级指标 | 分值 | 得分 |\n| 决策（20分） | 立项依据充分性 | 5 | 5 |\n| | 绩效目标合理性 | 10 | 9 |\n| 产出（80分） | 数量 | 40 | 40 |\n| | 质量 | 40 | 38 |\n{total}")
    };
    // The 合计's weight is the rows': 决策's 15 of 20 is short for certain.
    let f = check(&table("| 合计 | | 95 | 92 |\n"));
    let groups: Vec<&Finding> = of(&f, "score.sum")
        .into_iter()
        .filter(|x| x.message.contains("group 决策"))
        .collect();
    assert_eq!(groups.len(), 1, "{f:?}");
    assert_eq!(groups[0].severity, Severity::Error);
    // A 合计 the rows do not make: a row may be lost in the reading.
    let f = check(&table("| 合计 | | 100 | 92 |\n"));
    let groups: Vec<&Finding> = of(&f, "score.sum")
        .into_iter()
        .filter(|x| x.message.contains("group 决策"))
        .collect();
    assert_eq!(groups.len(), 1, "{f:?}");
    assert_eq!(groups[0].severity, Severity::Warning);
}

#[test]
fn a_rows_name_after_a_reason_column_opens_the_next_row() {
    // Between spaces, the last column (偏差原因分析) took the next row's name
    // and its values were lost: the 总分 then fell short, a false error.
    let text = "三、绩效指标\n一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n产出指标 数量指标 道路机扫保洁面积 ≥185万平方米 188.6万平方米 8 8\n公厕保洁管护座数 46座 46座 6 6\n生活垃圾清运量 ≥21000吨 21486吨 6 6\n质量指标 道路保洁质量考核达标率 ≥95% 96.8% 10 10\n总分 30 30\n";
    holds_then_fails(
        "score.sum",
        "score table 1: 4 scores add up to 合计 30",
        text,
        "总分 30 30",
        "总分 30 29",
    );
}

#[test]
fn a_level_moved_from_one_figure_to_another_by_what_the_sentence_states() {
    // Invented sentences: `由A提高到B，提高N个百分点` (two rates, points), money
    // that fell `由…减少到…` with its change and rate, and counts `从…增加至…`.
    for (text, rule, relation, right, wrong) in [
        (
            "农村卫生厕所普及率由上年的78.5%提高到86.2%，提高7.7个百分点。",
            "balance.mismatch",
            "86.2 − 78.5 = 7.7",
            "提高7.7个",
            "提高8.7个",
        ),
        (
            "公用经费支出由上年的120万元减少到100万元，减少20万元，下降16.67%。",
            "balance.mismatch",
            "120 − 100 = 20",
            "减少20万元",
            "减少25万元",
        ),
        (
            "家庭医生签约率由上年的92.0%提升至98.5%，提升6.5个百分点。",
            "balance.mismatch",
            "98.5 − 92.0 = 6.5",
            "提升6.5个",
            "提升7.5个",
        ),
        (
            "参训人数从2022年的320人增加至450人，增加130人，增长40.63%。",
            "rate.mismatch",
            "(450 − 320) / 320 = 40.63%",
            "增长40.63%",
            "增长42.63%",
        ),
        // A later year's clause of the move alone, after the earlier year's figure.
        (
            "2022年预算执行率92.5%，2023年进一步提高至96.8%，提高4.3个百分点。",
            "balance.mismatch",
            "96.8 − 92.5 = 4.3",
            "提高4.3个",
            "提高5.3个",
        ),
        (
            "2022年受益人数1,200人，2023年增加到1,560人，增加360人，增长30%。",
            "rate.mismatch",
            "(1560 − 1200) / 1200 = 30%",
            "增长30%",
            "增长35%",
        ),
    ] {
        let text = format!("二、绩效目标完成情况\n{text}\n");
        holds_then_fails(rule, relation, &text, right, wrong);
    }
    // 130 / 320 = 40.625%: printed half up, 40.63% is exact, not a rounding.
    let (f, checks) = traced("参训人数从2022年的320人增加至450人，增长40.63%。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(checks
        .iter()
        .any(|c| c.verdict == jixiao_validate::Verdict::Consistent));
    // The words of the change going against the move's: not about it.
    let (f, checks) = traced("普及率由上年的78.5%提高到86.2%，下降7.7个百分点。\n");
    assert!(f.is_empty() && checks.is_empty(), "{f:?} {checks:?}");
    // A plan for a later year is no move that happened: nothing is read.
    let (f, checks) = traced("2023年预算执行率96.8%，2024年计划提高到98%，提高1.2个百分点。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.contains("98 − 96.8")),
        "{checks:?}"
    );
}

#[test]
fn shares_of_a_total_named_another_way_and_splits_run_on_into_their_first_member() {
    // `占总支出的` over `支出合计`; `基本支出中人员经费…` with no comma after 中;
    // 编制 split into 行政 and 事业; 回收率 of questionnaires; 调增比例; a change
    // `比预算数减少` whose subject is the sentence's last level.
    for (text, rule, relation, right, wrong) in [
        (
            "2023年度支出合计3790.15万元，其中基本支出1268.37万元，占总支出的33.46%。",
            "rate.mismatch",
            "1268.37 / 3790.15 = 33.46%",
            "33.46%",
            "35.46%",
        ),
        (
            "基本支出1268.37万元。基本支出中人员经费1102.56万元，公用经费165.81万元。",
            "parts.sum",
            "its 2 parts, all of it",
            "公用经费165.81",
            "公用经费175.81",
        ),
        (
            "安排补助资金1,268.40万元，其中中央资金1,014.72万元，县级配套资金253.68万元，县级配套比例20%。",
            "rate.mismatch",
            "253.68 / 1268.40 = 20%",
            "配套比例20%",
            "配套比例25%",
        ),
        (
            "年末编制人数68人，其中行政编制21人、事业编制47人。",
            "parts.sum",
            "年末编制人数 = 2 parts",
            "事业编制47人",
            "事业编制48人",
        ),
        (
            "全年累计保障城乡低保对象3215人，其中城市低保对象862人，农村低保对象2353人。",
            "parts.sum",
            "its 2 parts, all of it",
            "农村低保对象2353人",
            "农村低保对象2253人",
        ),
        (
            "共发放问卷500份，收回有效问卷486份，回收率97.2%。",
            "rate.mismatch",
            "486 / 500 = 97.2%",
            "回收率97.2%",
            "回收率95.2%",
        ),
        (
            "年初预算5862.35万元，年中调增456.55万元，调增比例7.79%。",
            "rate.mismatch",
            "456.55 / 5862.35 = 7.79%",
            "7.79%",
            "8.79%",
        ),
        (
            "“三公”经费预算数为28.50万元，实际支出21.36万元，比预算数减少7.14万元。",
            "balance.mismatch",
            "28.50 − 21.36 = 7.14",
            "减少7.14万元",
            "减少6.14万元",
        ),
    ] {
        let text = format!("二、部门整体支出情况\n{text}\n");
        holds_then_fails(rule, relation, &text, right, wrong);
    }
    // A 编制 count's other figures after 其中 (people, not posts) are no split.
    let (f, _) = traced("年末编制人数68人，其中在职人员65人，退休人员32人。\n");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_budget_adjusted_compared_with_the_one_at_the_years_start_named_by_a_word_of_it() {
    // `比年初增加`, `较年初预算增加` over a 年初预算收入 stated before (in the
    // sentence, or the one before): the adjusted budget against it.
    for text in [
        "年初预算1,256.38万元，调整后预算1,412.56万元，比年初增加156.18万元。",
        "年初预算收入为1,256.38万元。全年预算调整后为1,412.56万元，较年初预算增加156.18万元。",
        "年初预算收入为1,256.38万元，全年预算调整后为1,412.56万元，较年初预算增加156.18万元。",
    ] {
        let text = format!("二、部门预算收支情况\n{text}\n");
        let hit = holds_then_fails(
            "balance.mismatch",
            "1412.56 − 1256.38 = 156.18",
            &text,
            "增加156.18",
            "增加158.18",
        );
        assert_eq!(hit.severity, Severity::Error);
    }
    // A balance at the year's end `比年初增加` is of the balance at its start,
    // not of the budget: nothing is compared.
    let (f, checks) = traced("二、部门预算收支情况\n年初预算收入为1,256.38万元，年末结转结余为12.56万元，比年初增加6.18万元。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "balance.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn group_scores_after_the_total_or_marked_in_brackets_are_its_parts() {
    // Invented: the four groups' scores in the sentence after the total score,
    // with their full marks before each; and with the marks in brackets before
    // 得, the total after them as `合计得分`.
    for (text, right, wrong) in [
        (
            "经评价，该专项资金绩效评价得分为82.35分，评价等级为“良”。各项指标得分情况如下：决策指标满分15分，得分12.50分；过程指标满分25分，得分19.85分；产出指标满分35分，得分30.00分；效益指标满分25分，得分20.00分。",
            "得分为82.35分",
            "得分为83.35分",
        ),
        (
            "评价得分82.35分。决策指标得分12.50分，过程指标得分19.85分，产出指标得分30.00分，效益指标得分20.00分。",
            "过程指标得分19.85分",
            "过程指标得分18.85分",
        ),
        (
            "项目决策（15分）得12.50分，项目过程（25分）得19.85分，项目产出（35分）得30.00分，项目效益（25分）得20.00分，合计得分82.35分。",
            "合计得分82.35分",
            "合计得分85.35分",
        ),
    ] {
        let text = format!("三、评价结论\n{text}\n");
        holds_then_fails("parts.sum", "totals 4 amounts", &text, right, wrong);
    }
    // Three groups only: no sum is read.
    let (f, checks) = traced(
        "评价得分82.35分。决策指标得分12.50分，过程指标得分19.85分，产出指标得分30.00分。\n",
    );
    assert!(f.is_empty() && checks.is_empty(), "{f:?} {checks:?}");
}

#[test]
fn a_survey_rate_after_qizhong_counts_over_the_sentence_before() {
    holds_then_fails(
        "rate.mismatch",
        "1068 / 1152 = 92.71%",
        "四、满意度\n共发放问卷1200份，回收有效问卷1152份。其中对改造效果表示满意的1068份，满意度为92.71%。\n",
        "满意度为92.71%",
        "满意度为93.71%",
    );
}

#[test]
fn an_average_investment_per_unit_is_the_total_over_the_units() {
    for (text, relation, right) in [
        (
            "项目总投资1,860万元，建设高标准农田1.2万亩，亩均投资1,550元。",
            "1.2万 × 1550 = 1860",
            "投资1,550元",
        ),
        (
            "项目总投资1860万元，建设高标准农田12000亩，每亩投资1550元。",
            "12000 × 1550 = 1860",
            "投资1550元",
        ),
    ] {
        let text = format!("一、项目概况\n{text}\n");
        holds_then_fails("amount.product", relation, &text, right, "投资1750元");
    }
}

#[test]
fn a_sentence_naming_its_own_whole_opens_a_list_of_its_own() {
    // Invented, a 决算's shape: the 其中 of 收入总计 stops at the full stop, and
    // `本年收入中，` lists parts of 本年收入 (was one list of four: a false error).
    let text = "一、部门整体支出情况\n2023年本部门收入总计1,235.68万元，其中：本年收入1,180.20万元，上年结转55.48万元。本年收入中，财政拨款收入1,150.20万元，其他收入30.00万元。\n";
    let f = holds_then_fails(
        "parts.sum",
        "本年收入 = 2 parts",
        text,
        "其他收入30.00万元",
        "其他收入60.00万元",
    );
    assert_eq!(stated(&f), "1180.2");
    holds_then_fails(
        "parts.sum",
        "2023年本部门收入总计 = 2 parts",
        text,
        "上年结转55.48万元",
        "上年结转75.48万元",
    );
    // `主要用于：` lists some of the whole's uses.
    holds_then_fails(
        "parts.sum",
        "部门项目支出 = 4 parts",
        "二、项目支出情况\n部门项目支出371.96万元，主要用于：办公楼维修改造项目120.00万元，信息化建设项目85.60万元，业务培训项目45.36万元，其他项目121.00万元。\n",
        "其他项目121.00万元",
        "其他项目131.00万元",
    );
}

#[test]
fn parts_listed_each_with_its_change_are_parts_of_the_level_before() {
    // Invented, a 部门预算's shape: each part with its change on last year, the
    // list running on past `；`, a part's own 其中 inside it. The changes are
    // none of the members, so the three levels are all of the 三公.
    let text = "三、“三公”经费预算情况说明\n2025年“三公”经费预算数为15.60万元，比2024年预算减少2.40万元，下降13.33%。其中：因公出国（境）费0万元，与上年持平；公务接待费3.60万元，比上年减少0.40万元；公务用车购置及运行费12.00万元，比上年减少2.00万元，其中公务用车购置费0万元，公务用车运行费12.00万元。\n";
    let f = holds_then_fails(
        "parts.sum",
        "= its 3 parts, all of it",
        text,
        "公务接待费3.60万元",
        "公务接待费5.60万元",
    );
    assert_eq!(stated(&f), "15.6");
}

#[test]
fn funds_by_place_with_a_spending_rate_are_line_items() {
    // Invented: funds given to each 乡镇, what it spent and its 支出率, in pipes
    // and one cell per line; each row's rate, the 合计's and the columns' sums.
    let pipes = "表3 2023年各乡镇项目资金分配及使用情况\n单位：万元\n| 序号 | 乡镇 | 下达资金 | 实际支出 | 支出率 |\n| 1 | 城关镇 | 320.00 | 312.50 | 97.66% |\n| 2 | 河口乡 | 185.60 | 185.60 | 100.00% |\n| 3 | 石桥镇 | 246.80 | 230.15 | 93.25% |\n| 合计 | | 752.40 | 728.25 | 96.79% |\n";
    let cells: String = pipes
        .lines()
        .flat_map(|l| match l.starts_with('|') {
            true => l.trim_matches('|').split('|').map(str::trim).collect(),
            false => vec![l],
        })
        .map(|c| format!("{c}\n"))
        .collect();
    for text in [pipes.to_string(), cells] {
        holds_then_fails(
            "rate.mismatch",
            "石桥镇 230.15 / 246.80 = 93.25%",
            &text,
            "93.25%",
            "95.25%",
        );
        holds_then_fails("parts.sum", "预算数 = 3 rows", &text, "752.40", "762.40");
    }
}

#[test]
fn figures_stated_respectively_are_judged_figure_by_figure() {
    // Invented, a multi-year evaluation: runs of 分别 figures, each rate its
    // year's spending over its year's budget.
    let text = "二、资金情况\n2021—2023年，项目年初预算分别为1,200万元、1,350万元和1,420万元，实际支出分别为1,110万元、1,293万元和1,394万元，执行率分别为92.50%、95.78%和98.17%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "1293 / 1350 = 95.78%",
        text,
        "95.78%",
        "97.78%",
    );
    assert_eq!(stated(&f), "97.78");
    // Funds received stated too: a rate over them holds (no false error).
    let (f, checks) = traced("二、资金情况\n三年预算分别为1,200万元、1,350万元和1,420万元，到位资金分别为1,200万元、1,300万元和1,420万元，实际支出分别为1,110万元、1,293万元和1,394万元，执行率分别为92.50%、99.46%和98.17%。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.relation == "1293 / 1300 = 99.46%"),
        "{checks:?}"
    );
    // Two rates of one name, one last year's, and the points between them.
    holds_then_fails(
        "balance.mismatch",
        "98.2 − 95.8 = 2.4",
        "二、资金情况\n本年度预算执行率98.2%，上年预算执行率95.8%，提高2.4个百分点。\n",
        "提高2.4个",
        "提高3.4个",
    );
    // The earlier of two years, named by the year alone (`2022年为`).
    holds_then_fails(
        "balance.mismatch",
        "97.56 − 95.12 = 2.44",
        "二、资金情况\n2023年部门预算执行率97.56%，2022年为95.12%，提高2.44个百分点。\n",
        "提高2.44个",
        "提高2.64个",
    );
    // Two years of two measures are no change of one.
    let (f, checks) = traced(
        "二、资金情况\n2023年部门预算执行率97.56%，2022年满意度95.12%，提高2.44个百分点。\n",
    );
    assert!(
        f.is_empty() && checks.iter().all(|c| c.rule != "balance.mismatch"),
        "{f:?} {checks:?}"
    );
}

#[test]
fn a_budget_adjusted_to_a_figure_and_a_rate_of_another_part_are_read_as_such() {
    // Invented, a province's department report: `全年预算调整为` states the
    // adjusted budget (the rate is over it, not over the 年初 one: was a false
    // error), and `项目支出执行率` after 基本支出 and 项目支出 is no rate of
    // 基本支出 (was a false error: 5597.82 / 3298.40).
    let text = "一、部门概况\n2023年部门年初预算8,652.35万元。全年预算调整为9,120.48万元，调增468.13万元。\n2023年度部门实际支出8,896.22万元，预算执行率97.54%。其中基本支出3,298.40万元，项目支出5,597.82万元，项目支出执行率95.26%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "8896.22 / 9120.48 = 97.54%",
        text,
        "97.54%",
        "99.54%",
    );
    assert_eq!(stated(&f), "99.54");
    let (_, checks) = traced(text);
    assert!(
        checks.iter().all(|c| !c.relation.contains("3298.40 = ")),
        "{checks:?}"
    );
}

#[test]
fn an_average_cost_holds_where_the_total_over_the_count_rounds_to_it() {
    // 548.20万元 / 126公里 = 4.3508 → 4.35: no rounding warning (126 × 4.35 =
    // 548.10 is the average's rounding, not the total's).
    let text = "三、重点项目\n1.乡村道路养护项目：预算安排560.00万元，实际支出548.20万元，执行率97.89%，完成道路养护126公里，每公里养护成本4.35万元。\n";
    let f = holds_then_fails(
        "amount.product",
        "126 × 4.35 = 548.20",
        text,
        "成本4.35万元",
        "成本4.65万元",
    );
    assert_eq!(f.severity, Severity::Error);
    // 结余率 over the year's income, the balance carried in no numerator.
    holds_then_fails(
        "rate.mismatch",
        "163.43 / 4562.18 = 3.58%",
        "二、预算执行\n2022年度部门收入决算数为4,562.18万元，其中上年结转结余312.40万元；年末结转结余163.43万元，结余率3.58%。\n",
        "结余率3.58%",
        "结余率4.58%",
    );
}

#[test]
fn a_count_per_unit_of_another_count_times_it_is_the_total() {
    for (text, relation, right, wrong) in [
        (
            "全年共开展培训12期，每期培训90人次，共培训1,080人次。",
            "12 × 90 = 1080",
            "共培训1,080人次",
            "共培训1,180人次",
        ),
        (
            "全年举办活动15场，参与群众2,350人次，场均156.7人次。",
            "15 × 156.7 = 2350",
            "场均156.7人次",
            "场均166.7人次",
        ),
        (
            "项目覆盖32个村，每个村配备保洁员2名，共配备保洁员64名。",
            "32 × 2 = 64",
            "共配备保洁员64名",
            "共配备保洁员66名",
        ),
        // 均 after its unit with a verb behind it; a total in ten-thousands is
        // rounded as printed (86 × 372 = 31,992 ≈ 3.2万).
        (
            "全年共举办各类文化活动86场次，参与群众32000人次，场均参与372人次。",
            "86 × 372 = 32000",
            "场均参与372人次",
            "场均参与382人次",
        ),
        (
            "全年共举办各类文化活动86场次，参与群众3.2万人次，场均372人次。",
            "86 × 372 = 3.2万",
            "3.2万人次",
            "3.5万人次",
        ),
    ] {
        let text = format!("二、产出情况\n{text}\n");
        holds_then_fails("amount.product", relation, &text, right, wrong);
    }
    // `每个村` over a count of something else (`活动8个`): no product.
    let (f, checks) =
        traced("二、产出情况\n开展活动8个，每个村配备保洁员2名，共配备保洁员64名。\n");
    assert!(f.is_empty() && checks.is_empty(), "{f:?} {checks:?}");
}

#[test]
fn parts_naming_no_measure_after_a_budget_and_its_spending_may_be_of_either() {
    // The 三公 parts after a sentence stating its budget and then its spending
    // may be of either: they hold where they add up to one (the spending here),
    // and are wrong only where they add up to neither.
    let text = "三、“三公”经费情况\n2023年“三公”经费预算12.00万元，实际支出9.86万元，较预算减少2.14万元，下降17.83%。其中公务接待费3.26万元，公务用车运行维护费6.60万元，因公出国（境）费0万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "实际支出 = its 3 parts",
        text,
        "接待费3.26",
        "接待费4.26",
    );
    // 公务用车运行维护费 names 公务用车 by a piece: a 购置费 may be left out of
    // the list, so short of the budget is a warning; named whole, an error.
    assert_eq!(hit.severity, Severity::Warning);
    assert!(hit.message.contains("piece"), "{hit:?}");
    let whole = text.replace("公务用车运行维护费", "公务用车购置及运行维护费");
    let hit = holds_then_fails(
        "parts.sum",
        "实际支出 = its 3 parts",
        &whole,
        "接待费3.26",
        "接待费4.26",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Named by both its pieces (a 决算's words), 公务用车 is all there: an error.
    let pieces = "七、财政拨款“三公”经费支出决算情况说明\n2023年度财政拨款“三公”经费支出决算为18.50万元，其中：因公出国（境）费0万元，公务用车购置费8.00万元，公务用车运行维护费6.30万元，公务接待费4.20万元。\n";
    let hit = holds_then_fails("parts.sum", "all of it", pieces, "4.20万元", "4.10万元");
    assert_eq!(hit.severity, Severity::Error, "{hit:?}");
    // Right after the budget, in its sentence, they are the budget's.
    let text = "三、“三公”经费情况\n2023年“三公”经费预算12.00万元，其中公务接待费4.00万元，公务用车运行维护费8.00万元，因公出国（境）费0万元。\n";
    holds_then_fails("parts.sum", "all of it", text, "8.00万元", "9.00万元");
    // 次均 is a standard per time as 每次 is.
    let text = "四、产出情况\n临时救助项目共救助困难群众2,156人次，支出救助资金323.40万元，次均救助1,500元。\n";
    holds_then_fails(
        "amount.product",
        "2156 × 1500",
        text,
        "次均救助1,500元",
        "次均救助1,600元",
    );
}

#[test]
fn parts_naming_a_measure_are_of_the_level_of_it_not_of_a_remainder_after_it() {
    // The 其中 sentence lists what was disbursed, by kind: parts of 已拨付资金,
    // not of the 剩余 stated between.
    let text = "一、资金使用\n截至2023年12月31日，已拨付资金4,612.80万元，资金拨付率94.91%；剩余247.20万元因项目尚未完成验收未拨付。其中产业发展类项目拨付3,215.60万元，基础设施类项目拨付1,286.40万元，其他项目拨付110.80万元。\n";
    holds_then_fails(
        "parts.sum",
        "已拨付资金 = 3 parts",
        text,
        "拨付110.80",
        "拨付150.80",
    );
}

#[test]
fn a_standard_per_unit_is_no_part_of_a_total() {
    // 每个乡镇建设1个 is per township, not one more 示范点 to add to 8.
    let (f, _) =
        traced("二、产出情况\n项目覆盖8个乡镇，每个乡镇建设1个示范点，共计建成示范点8个。\n");
    assert!(of(&f, "parts.sum").is_empty(), "{f:?}");
}

#[test]
fn uses_opening_a_sentence_are_parts_of_the_spending_of_the_sentence_before() {
    // The sentence before states what was spent and what was left: what the
    // money was 用于 is the spending's.
    let text = "二、项目资金使用情况\n截至2023年12月31日，项目实际支出768.4万元，预算执行率96.05%，结余31.6万元。资金主要用于：绿化养护外包服务费612.5万元，苗木补植费98.6万元，设备购置及维修费57.3万元。\n";
    holds_then_fails(
        "parts.sum",
        "项目实际支出 = 3 parts",
        text,
        "98.6万元",
        "108.6万元",
    );
}

#[test]
fn a_table_whose_rows_are_named_by_their_kind_adds_up_to_its_total() {
    // `补贴类别` names the rows as `项目名称` would.
    let text = "表1 补贴发放情况\n单位：元\n| 序号 | 补贴类别 | 发放人数 | 发放金额 |\n| 1 | 80-89周岁高龄津贴 | 1,820 | 1,092,000 |\n| 2 | 90-99周岁高龄津贴 | 312 | 374,400 |\n| 3 | 百岁老人长寿补贴 | 4 | 24,000 |\n| | 合计 | | 1,490,400 |\n";
    holds_then_fails(
        "parts.sum",
        "合计 预算数 = 3 rows",
        text,
        "| 1,490,400 |",
        "| 1,499,400 |",
    );
}

#[test]
fn a_rows_amount_is_its_standard_times_its_count_times_its_months() {
    let text = "表1 补贴发放情况\n单位：元\n| 序号 | 补贴类别 | 发放标准（元/人/月） | 发放人数 | 发放月数 | 发放金额 |\n| 1 | 80-89周岁高龄津贴 | 50 | 1,820 | 12 | 1,092,000 |\n| 2 | 90-99周岁高龄津贴 | 100 | 312 | 12 | 374,400 |\n| | 合计 | | | | 1,466,400 |\n";
    let hit = holds_then_fails(
        "amount.product",
        "100 × 312 × 12 = 374400",
        &text.replace("| 1,466,400 |", "| |"),
        "| 374,400 |",
        "| 384,400 |",
    );
    assert_eq!(hit.severity, Severity::Error);
    // A monthly standard without the months paid: the product is unread.
    let (_, checks) = traced(&text.replace("| 发放月数 ", "| 备注 "));
    assert!(
        !checks.iter().any(|c| c.rule == "amount.product"),
        "{checks:?}"
    );
}

#[test]
fn a_sentence_opening_on_another_year_states_that_years_figures() {
    // 2022's spending is no mistyped 2023 spending.
    let text = "2023年度农村环境整治项目绩效自评报告\n一、项目基本情况\n2022年项目预算800万元，实际支出760万元，执行率95%。2023年项目预算900万元，实际支出873万元，执行率97%。\n";
    let f = check(text);
    assert!(of(&f, "value.conflict").is_empty(), "{f:?}");
}

#[test]
fn a_surveys_answers_by_degree_on_one_scale_are_all_of_its_valid_questionnaires() {
    // 满意 is inside every other degree's name; each is read as its own degree.
    let text = "2023年度群众满意度调查报告\n本次调查共发放问卷200份，回收有效问卷192份，回收率96%。其中非常满意120份，满意60份，基本满意10份，不满意2份。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "回收有效问卷 = its 4 parts, all of it",
        text,
        "基本满意10份",
        "基本满意8份",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Degrees of no one scale (满意 left out between 非常满意 and 不满意) are
    // only some of the answers: fewer than all is no error.
    // More than all of them is.
    let some = text.replace("满意60份，基本满意10份", "基本满意10份");
    assert!(check(&some).is_empty(), "{some}");
    let f = check(&some.replace("基本满意10份", "基本满意80份"));
    assert_eq!(of(&f, "parts.sum").len(), 1, "{f:?}");
    // Answers that are no degree (未作答) make no split; nor do two questions'
    // answers (满意 of 服务态度, 满意 of 办事效率), each all the people asked.
    for other in [
        "本次调查共回收问卷200份，其中满意150份，基本满意30份，不满意10份，未作答10份。",
        "本次共调查群众300人，其中对服务态度满意的280人，对办事效率满意的270人。",
    ] {
        let (f, checks) = traced(&format!("2023年度群众满意度调查报告\n{other}\n"));
        assert!(f.is_empty(), "{other}: {f:?}");
        assert!(
            !checks.iter().any(|c| c.rule == "parts.sum"),
            "{other}: {checks:?}"
        );
    }
}

#[test]
fn a_counts_share_naming_its_whole_is_over_the_count_so_named() {
    let text = "2023年度群众满意度调查报告\n本次调查收回问卷150份，有效问卷148份，其中满意138份，占有效问卷的93.24%。\n";
    holds_then_fails(
        "rate.mismatch",
        "138 / 148 = 93.24%",
        text,
        "93.24%",
        "92.24%",
    );
    // Named as the total of what it counts.
    holds_then_fails(
        "rate.mismatch",
        "138 / 148 = 93.24%",
        &text.replace("占有效问卷的", "占有效问卷总数的"),
        "93.24%",
        "92.24%",
    );
}

#[test]
fn kinds_opening_the_sentence_after_their_whole_are_its_parts() {
    // `按支出功能分类：` opens the sentence; its parts run on past `；`.
    let text = "2023年度部门整体支出绩效自评报告\n2023年度本部门总支出2,345.67万元。按支出功能分类：一般公共服务支出1,890.12万元；社会保障和就业支出255.43万元；卫生健康支出120.08万元；住房保障支出80.04万元。\n";
    holds_then_fails(
        "parts.sum",
        "总支出 = 4 parts",
        text,
        "2,345.67",
        "2,355.67",
    );
    // Not after words of its own (`2023年度按支出功能分类：` after 2022's figure).
    let other = "2023年度部门整体支出绩效自评报告\n2022年度支出2,100.00万元。2023年度按支出功能分类：一般公共服务支出1,500.00万元，教育支出480.00万元。\n";
    let (f, checks) = traced(other);
    assert!(f.is_empty(), "{f:?}");
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
}

#[test]
fn the_changes_beside_all_of_a_wholes_parts_add_up_to_its_change() {
    // 人员经费 and 公用经费 are all of 基本支出 by definition, this year and last.
    let text = "2023年度部门决算情况说明\n基本支出356.82万元，比上年增加25.60万元，其中：人员经费318.46万元，比上年增加20.10万元；公用经费38.36万元，比上年增加5.50万元。\n";
    holds_then_fails(
        "parts.sum",
        "比上年增加 = its 2 parts, all of it",
        text,
        "增加5.50万元",
        "增加6.50万元",
    );
    // Other parts adding up to this year's whole may leave out a category
    // gone since last year, whose fall is in the whole's change alone: the
    // parts' falls are some of the whole's fall, and rises are left alone.
    let falls = "2023年度部门决算情况说明\n收入合计1,254.80万元，比上年减少112.45万元。其中：财政拨款收入1,200.30万元，比上年减少100.45万元；其他收入54.50万元，比上年减少12.00万元。\n";
    let (f, checks) = traced(falls);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.rule == "parts.sum" && c.relation.contains("比上年减少 = 2 parts")),
        "{checks:?}"
    );
    let f = check(&falls.replace("减少12.00万元", "减少13.00万元"));
    assert_eq!(of(&f, "parts.sum").len(), 1, "{f:?}");
    let rises = falls.replace("减少", "增加");
    let (_, checks) = traced(&rises);
    assert!(
        !checks.iter().any(|c| c.relation.contains("增加 = ")),
        "{checks:?}"
    );
    // Changes of two ways, or on another base (比年初预算), are no such sum.
    for other in [
        text.replace("比上年增加5.50万元", "比上年减少5.50万元"),
        text.replace("比上年增加20.10万元", "比年初预算增加20.10万元"),
    ] {
        let (f, checks) = traced(&other);
        assert!(f.is_empty(), "{other}: {f:?}");
        assert!(
            !checks.iter().any(|c| c.relation.contains("增加 = ")),
            "{other}: {checks:?}"
        );
    }
}

#[test]
fn what_is_left_unspent_or_saved_is_the_difference_by_more_names() {
    for (text, relation, right, wrong) in [
        // 资金总额 is all the funds there were.
        ("项目资金总额500万元，已支出480万元，结余20万元。", "500 − 480 = 20", "结余20万元", "结余21万元"),
        // 未执行部分 is what was not spent.
        ("年度预算资金总额为150万元，全年实际执行132.45万元，未执行部分17.55万元已按规定收回财政。", "150 − 132.45 = 17.55", "17.55", "18.55"),
        // 实际完成投资 is what was spent of the budget; 节约 the rest.
        ("项目总预算320万元，实际完成投资318.6万元，节约资金1.4万元。", "320 − 318.6 = 1.4", "1.4万元", "2.4万元"),
    ] {
        let text = format!("2023年度项目绩效自评报告\n{text}\n");
        holds_then_fails("balance.mismatch", relation, &text, right, wrong);
    }
    // 节约率 is what was saved over the plan.
    let text = "2023年度项目绩效自评报告\n项目计划投资1,200万元，实际完成投资1,180万元，节约资金20万元，节约率1.67%。\n";
    holds_then_fails("rate.mismatch", "20 / 1200 = 1.67%", text, "1.67%", "1.87%");
}

#[test]
fn sources_after_a_by_kind_phrase_are_parts_of_the_amount_before() {
    // `按资金来源分，` opens the sources as `资金来源为：` does.
    let text = "2023年度项目绩效自评报告\n本年度共投入资金856.3万元，按资金来源分，中央财政补助资金600万元，省级财政补助资金200万元，县级财政配套资金56.3万元。\n";
    holds_then_fails(
        "parts.sum",
        "本年度共投入资金 = 3 parts",
        text,
        "856.3",
        "846.3",
    );
}

#[test]
fn indicators_met_in_full_in_part_and_not_are_all_of_them() {
    let text = "2023年度项目绩效自评报告\n本项目共设置绩效指标15个，其中完成13个，基本完成1个，未完成1个。\n";
    holds_then_fails(
        "parts.sum",
        "绩效指标 = its 3 parts, all of it",
        text,
        "基本完成1个",
        "基本完成2个",
    );
    // 全部完成 beside 未完成 may leave out those met in part: only some.
    let some =
        "2023年度项目绩效自评报告\n本项目共设置绩效指标15个，其中全部完成12个，未完成2个。\n";
    assert!(check(some).is_empty(), "{:?}", check(some));
    let f = check(&some.replace("全部完成12个", "全部完成14个"));
    assert_eq!(of(&f, "parts.sum").len(), 1, "{f:?}");
}

#[test]
fn a_groups_weight_against_rows_its_label_may_not_head_settles_nothing() {
    // 效益指标's label printed a row late (a text dump moves merged cells): the
    // row above it is read into 产出指标, whose first three rows make its 30.
    let text = "项目绩效自评表\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n| 产出指标（30分） | 数量指标 | 培训人次 | 10 | 10 |\n| | 质量指标 | 培训合格率 | 10 | 10 |\n| | 时效指标 | 按时完成率 | 10 | 10 |\n| | | 带动就业人数 | 10 | 10 |\n| 效益指标（20分） | 社会效益指标 | 群众知晓率 | 10 | 10 |\n| 合计 | | | 50 | 50 |\n";
    let f = check(text);
    assert!(
        !of(&f, "score.sum")
            .iter()
            .any(|x| x.message.contains("group")),
        "{f:?}"
    );
    // Rows that make the group's weight in no way are its own error.
    let wrong = text
        .replace("| 按时完成率 | 10 | 10 |", "| 按时完成率 | 12 | 10 |")
        .replace("| 合计 | | | 50 | 50 |", "| 合计 | | | 52 | 50 |");
    let f = check(&wrong);
    assert!(
        of(&f, "score.sum")
            .iter()
            .any(|x| x.message.contains("group 产出指标 is weighted 30")),
        "{f:?}"
    );
}

#[test]
fn a_totals_weight_under_the_first_levels_weight_column_makes_the_rows_complete() {
    // 部门整体 index table: a 分值 after each level, the 合计's 100 under the
    // first. Every row read, as the 合计 proves: a group weighted more than its
    // rows is an error, no longer a warning that a row may be missing.
    let text = "部门整体支出绩效评价指标表\n| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 评价标准 | 得分 |\n| 投入 | 20 | 预算配置 | 20 | 在职人员控制率 | 10 | 符合得满分 | 10 |\n|  |  |  |  | 三公经费变动率 | 10 | 符合得满分 | 9 |\n| 过程 | 80 | 预算执行 | 50 | 预算完成率 | 30 | 符合得满分 | 28 |\n|  |  |  |  | 结转结余率 | 20 | 符合得满分 | 20 |\n|  |  | 预算管理 | 30 | 管理制度健全性 | 30 | 符合得满分 | 30 |\n| 合计 | 100 |  |  |  |  |  | 97 |\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.rule == "score.sum"
            && c.relation.contains("合计 100")
            && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    let f = check(&text.replace("| 过程 | 80 |", "| 过程 | 81 |"));
    let group = of(&f, "score.sum")
        .into_iter()
        .find(|x| x.message.contains("group 过程 is weighted 81"))
        .cloned();
    assert_eq!(group.map(|g| g.severity), Some(Severity::Error), "{f:?}");
}

#[test]
fn a_run_together_tables_failed_sum_is_a_warning_for_its_reading_is_a_guess() {
    // Every cell run together (a page's text with no separators): where each
    // number ends is the reader's guess, so a failed sum may be its own.
    let text = "绩效目标自评表(2023年度)绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施产出指标(60分)数量指标培训人数20≥100人120人20质量指标培训合格率20≥90%95%20时效指标完成及时率20100%100%20满意度指标(40分)服务对象满意度指标群众满意度40≥90%96%40总分100100\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.rule == "score.sum" && c.relation.contains("4 scores add up to 合计 100")),
        "{checks:?}"
    );
    let f = check(&text.replace("总分100100", "总分10090"));
    let hits = of(&f, "score.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
    assert!(hits[0].message.contains("ran together"), "{f:?}");
    // The same table with its cells apart is read for sure: an error.
    let apart = "绩效目标自评表(2023年度)\n一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分\n产出指标(60分) 数量指标 培训人数 20 ≥100人 120人 20\n质量指标 培训合格率 20 ≥90% 95% 20\n时效指标 完成及时率 20 100% 100% 20\n满意度指标(40分) 服务对象满意度指标 群众满意度 40 ≥90% 96% 40\n总分 100 90\n";
    let f = check(apart);
    assert!(
        of(&f, "score.sum")
            .iter()
            .any(|x| x.severity == Severity::Error),
        "{f:?}"
    );
}

#[test]
fn a_standard_level2_name_read_as_a_level1_group_makes_the_tables_sums_warnings() {
    // `时效指标` is never a 一级: read as one, the form's cells were moved (a
    // text dump of a form with wrapped cells), so a failed sum may be the
    // reader's.
    let text = "项目支出绩效自评表\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n| 产出指标 | 数量指标 | 培训人次 | 20 | 20 |\n| 时效指标 | 及时率 | 按时完成率 | 20 | 18 |\n| 合计 | | | 40 | 38 |\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.rule == "score.sum" && c.relation.contains("add up to 合计 38")),
        "{checks:?}"
    );
    let f = check(&text.replace("| 40 | 38 |", "| 40 | 36 |"));
    let hits = of(&f, "score.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
    assert!(hits[0].message.contains("二级 name"), "{f:?}");
    // In its own column it is read for sure: the same sum is an error.
    let placed = text
        .replace("| 时效指标 | 及时率 |", "| | 时效指标 |")
        .replace("| 40 | 38 |", "| 40 | 36 |");
    let f = check(&placed);
    assert_eq!(
        of(&f, "score.sum")
            .iter()
            .map(|x| x.severity)
            .collect::<Vec<_>>(),
        [Severity::Error],
        "{f:?}"
    );
    // A 一级 name read as a 二级 under another 一级 (`决策` over `产出`): the same.
    let moved = "评分表\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n| 决策 | 项目立项 | 立项依据充分性 | 10 | 10 |\n| 决策 | 产出 | 实际完成率 | 20 | 18 |\n| 合计 | | | 30 | 26 |\n";
    let f = check(moved);
    let hits = of(&f, "score.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning, "{f:?}");
    let f = check(&moved.replace("| 决策 | 产出 |", "| 产出 | 产出数量 |"));
    assert_eq!(of(&f, "score.sum")[0].severity, Severity::Error, "{f:?}");
}

#[test]
fn a_departments_report_grades_itself_beside_its_total_and_each_project_in_its_sentence() {
    let text = "2023年度部门整体支出绩效自评报告\n评价得分90分及以上为优秀，80（含）-90分为良好，60（含）-80分为中，60分以下为差。经自评，部门整体支出绩效自评得分为92.5分，等级为优秀。\n（一）高标准农田建设项目。项目全年预算数680万元，实际支出652.8万元，预算执行率96%，自评得分86分，评价等级为良好。\n（二）农村人居环境整治项目。项目全年预算数300万元，实际支出276万元，预算执行率92%，自评得分78分，评价等级为中。\n";
    let (f, checks) = traced(text);
    // A project's 良好 was taken for the department's and judged against its 92.5.
    assert!(f.is_empty(), "{f:?}");
    for relation in [
        "grade 优秀 for 92.5",
        "grade 良好 for 86",
        "grade 中 for 78",
    ] {
        assert!(
            checks.iter().any(|c| c.rule == "grade.threshold"
                && c.relation == relation
                && c.verdict == jixiao_validate::Verdict::Consistent),
            "{relation}: {checks:?}"
        );
    }
    let hit = holds_then_fails(
        "grade.threshold",
        "grade 中 for 78",
        text,
        "自评得分78分",
        "自评得分88分",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Group scores before the total in its sentence are not what it grades.
    let groups = "评价得分90分及以上为优秀，80（含）-90分为良好，60（含）-80分为中，60分以下为差。本项目决策部分得分19分，过程部分得分19.99分，产出部分得分38.33分，效益部分得分20分，总体评价得分97.32分，评价结果为优。\n";
    let (f, checks) = traced(groups);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.relation == "grade 优 for 97.32"),
        "{checks:?}"
    );
}

#[test]
fn another_years_rate_is_not_over_the_reports_figures() {
    let text = "2023年度部门整体支出绩效自评报告\n2022年部门预算执行率为93.5%，2023年部门预算执行率为97.2%，较上年提高3.7个百分点。\n2023年全年预算数1,500万元，实际支出1,458万元，预算执行率97.2%。\n";
    // 93.5% is 2022's: judged against the report's 1458 / 1500 it was a false error.
    let hit = holds_then_fails(
        "rate.mismatch",
        "1458 / 1500 = 97.2%",
        text,
        "2023年部门预算执行率为97.2%",
        "2023年部门预算执行率为96.2%",
    );
    assert_eq!(hit.severity, Severity::Error);
    let (_, checks) = traced(text);
    assert!(
        !checks.iter().any(|c| c.relation.contains("= 93.5%")),
        "{checks:?}"
    );
}

#[test]
fn a_department_naming_itself_is_the_whole_and_a_named_works_figures_are_its_own() {
    let text = "2023年度区水利局部门整体支出绩效自评报告\n一、预算执行情况\n2023年区水利局全年预算数2,680.50万元，实际支出2,598.32万元，预算执行率96.93%。\n农村饮水安全巩固提升工程年初预算300万元，实际支出300万元，执行率100%。\n";
    // 区水利局's 全年预算数 is the report's; the 工程's 执行率 is of its own
    // amounts, not the department's (a false error).
    holds_then_fails(
        "rate.mismatch",
        "2598.32 / 2680.50 = 96.93%",
        text,
        "预算执行率96.93%",
        "预算执行率95.93%",
    );
    holds_then_fails(
        "rate.mismatch",
        "300 / 300 = 100%",
        text,
        "执行率100%",
        "执行率90%",
    );
    // The 工程's 年初预算 is none of the department's budget.
    let doc = jixiao_ingest::read(text.as_bytes()).expect("readable text");
    let report = jixiao_extract::extract(&doc);
    assert_eq!(report.budget.initial, None, "{:?}", report.budget);
    assert_eq!(
        report.budget.adjusted,
        Some(jixiao_model::Decimal::from(26_805_000))
    );
}

#[test]
fn a_departments_total_is_not_judged_against_a_projects_table() {
    let table = "| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n| 决策 | 项目立项 | 立项依据充分性 | 20 | 20 |\n| 过程 | 资金管理 | 预算执行率 | 20 | 19 |\n| 产出 | 产出数量 | 养护里程 | 30 | 30 |\n| 效益 | 满意度 | 服务对象满意度 | 30 | 27 |\n| 合计 | | | 100 | 96 |\n";
    let department = format!("2023年度部门整体支出绩效自评报告\n经自评，部门整体支出绩效自评得分为92.5分。\n（一）农村道路养护项目\n{table}");
    let f = check(&department);
    assert!(of(&f, "score.total").is_empty(), "{f:?}");
    // A project's report is scored by its own table.
    let project = format!("2023年度农村道路养护项目绩效自评报告\n经自评，项目绩效自评得分为92.5分。\n（一）农村道路养护项目\n{table}");
    let f = check(&project);
    assert_eq!(of(&f, "score.total").len(), 1, "{f:?}");
    // Nor its groups' subtotals, unless the sentence names the project.
    let subtotals = format!("2023年度部门整体支出绩效自评报告\n部门整体支出绩效自评得分为92.5分，其中决策类指标得分18分，产出类指标得分28分。\n（一）农村道路养护项目\n{table}");
    let f = check(&subtotals);
    assert!(of(&f, "prose.subtotal").is_empty(), "{f:?}");
    let named = subtotals.replace("，其中决策类", "。农村道路养护项目决策类");
    let f = check(&named);
    assert!(
        of(&f, "prose.subtotal")
            .iter()
            .any(|x| x.message.contains("产出类指标得分 stated 28")),
        "{f:?}"
    );
}

#[test]
fn a_groups_subtotal_row_is_no_indicator() {
    let text = "项目绩效评价得分表\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n| 决策 | 项目立项 | 立项依据充分性 | 5 | 4 |\n| | 绩效目标 | 绩效目标合理性 | 5 | 5 |\n| 小计 | | | 10 | 9 |\n| 过程 | 资金管理 | 预算执行率 | 10 | 9.5 |\n| 过程小计 | | | 10 | 9.5 |\n| 产出 | 产出数量 | 完成率 | 40 | 38 |\n| 效益 | 满意度 | 服务对象满意度 | 40 | 36 |\n| 合计 | | | 100 | 92.5 |\n";
    // Counted as rows, the subtotals made the 合计 look 18.5 short.
    holds_then_fails(
        "score.sum",
        "5 scores add up to 合计 92.5",
        text,
        "| 100 | 92.5 |",
        "| 100 | 93.5 |",
    );
}

#[test]
fn a_per_project_tables_subtotals_total_their_group_and_the_total_leaves_them_out() {
    let text = "2023年度县财政局部门整体支出绩效自评报告\n| 序号 | 项目名称 | 预算数（万元） | 执行数（万元） |\n| 1 | 财政信息化建设 | 300 | 295.5 |\n| 2 | 乡镇财政所运转 | 450 | 440 |\n| | 小计 | 750 | 735.5 |\n| 3 | 预算绩效评价 | 200 | 180.1 |\n| 4 | 国库集中支付改革 | 180 | 175 |\n| | 小计 | 380 | 355.1 |\n| | 合计 | 1,130 | 1,090.6 |\n";
    // Counted as rows, the 小计 made the 合计 look half its rows' sum.
    holds_then_fails(
        "parts.sum",
        "合计 预算数 = 4 rows",
        text,
        "| 合计 | 1,130 |",
        "| 合计 | 1,150 |",
    );
    holds_then_fails(
        "parts.sum",
        "小计 执行数 = 2 rows",
        text,
        "| 小计 | 380 | 355.1 |",
        "| 小计 | 380 | 365.1 |",
    );
}

#[test]
fn subtotals_printed_above_their_rows_total_the_rows_after_them() {
    // Each group's 小计 heads its items (and the 合计 the whole table): read as
    // closing the rows above, every 小计 was another group's sum (errors).
    let text = "2023年度支出明细表\n| 序号 | 支出项目 | 预算数（万元） | 实际支出（万元） |\n| | 合计 | 515.50 | 504.45 |\n| 1 | 人员经费小计 | 420.00 | 414.30 |\n| | 工资福利支出 | 380.00 | 376.10 |\n| | 对个人和家庭的补助 | 40.00 | 38.20 |\n| 2 | 公用经费小计 | 95.50 | 90.15 |\n| | 办公费 | 60.00 | 58.35 |\n| | 差旅费 | 20.50 | 17.40 |\n| | 维修（护）费 | 15.00 | 14.40 |\n";
    holds_then_fails(
        "parts.sum",
        "人员经费小计 预算数 = 2 rows",
        text,
        "| 人员经费小计 | 420.00 |",
        "| 人员经费小计 | 421.00 |",
    );
    holds_then_fails(
        "parts.sum",
        "公用经费小计 执行数 = 3 rows",
        text,
        "| 公用经费小计 | 95.50 | 90.15 |",
        // (Its rows run to the excerpt's end: only rows beyond it are sure.)
        "| 公用经费小计 | 95.50 | 89.65 |",
    );
    holds_then_fails(
        "parts.sum",
        "合计 预算数 = 5 rows",
        text,
        "| 合计 | 515.50 |",
        "| 合计 | 514.50 |",
    );
    // A 合计 above subtotals printed below their rows totals all of them.
    let closing = "2023年度支出明细表\n| 序号 | 支出项目 | 预算数（万元） | 实际支出（万元） |\n| | 合计 | 515.50 | 504.45 |\n| | 工资福利支出 | 380.00 | 376.10 |\n| | 对个人和家庭的补助 | 40.00 | 38.20 |\n| 1 | 人员经费小计 | 420.00 | 414.30 |\n| | 办公费 | 60.00 | 58.35 |\n| | 差旅费 | 20.50 | 17.40 |\n| | 维修（护）费 | 15.00 | 14.40 |\n| 2 | 公用经费小计 | 95.50 | 90.15 |\n";
    holds_then_fails(
        "parts.sum",
        "合计 执行数 = 5 rows",
        closing,
        "| 合计 | 515.50 | 504.45 |",
        "| 合计 | 515.50 | 503.45 |",
    );
}

#[test]
fn a_basic_data_tables_blocks_of_names_over_figures_check_their_rates() {
    // 部门整体支出绩效评价基础数据表: each block a row of names (its caption
    // first) over a row of figures. The 执行 block's caption `预算执行` names no
    // column of its own; the 调整率 is over the 年初 budget.
    let text = "部门整体支出绩效评价基础数据表\n单位：万元\n| 预算调整 | 年初预算数 | 调整后预算数 | 调整率 | |\n| | 1,640.00 | 1,812.20 | 10.50% | |\n| 预算执行 | 调整后预算数 | 决算数 | 执行率 | |\n| | 1,812.20 | 1,745.35 | 96.31% | |\n";
    holds_then_fails(
        "rate.mismatch",
        "调整率 |1812.20 − 1640.00| / 1640.00 = 10.50%",
        text,
        "| 10.50% |",
        "| 11.50% |",
    );
    holds_then_fails(
        "rate.mismatch",
        "1745.35 / 1812.20 = 96.31%",
        text,
        "| 1,745.35 |",
        "| 1,755.35 |",
    );
}

#[test]
fn a_list_after_a_figure_of_no_unit_has_no_whole_before_it() {
    // Two lines of a form joined into one paragraph: the second line's 其中
    // follows its whole printed without a unit (`220.50`); the amount ending
    // the first line (`本级64.00万元`) is no whole of it.
    let text = "资金投入情况（万元）\n奖励扶助资金：672.00，其中中央512.00万元、市级96.00万元、本级64.00万元\n特别扶助资金：220.50，其中中央168.00万元、市级31.50万元、本级21.00万元\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
    // Its unit printed, the figure is the whole.
    holds_then_fails(
        "parts.sum",
        "特别扶助资金 = 3 parts",
        &text.replace("220.50，", "220.50万元，"),
        "市级31.50万元",
        "市级32.50万元",
    );
}

#[test]
fn staff_counted_list_after_list_in_one_sentence_each_add_up() {
    // Three 其中 lists of people, clause after clause: each clause's count is
    // the next list's whole, no part of the list before it.
    let text = "（二）人员情况。年末编制人数64人，其中行政编制11人、事业编制53人；实有在职人数60人，其中行政人员10人、事业人员50人；离退休人员32人，其中离休2人、退休30人。\n";
    holds_then_fails(
        "parts.sum",
        "实有在职人数 = 2 parts",
        text,
        "事业人员50人",
        "事业人员52人",
    );
    holds_then_fails(
        "parts.sum",
        "离退休人员 = its 2 parts, all of it",
        text,
        "退休30人。",
        "退休31人。",
    );
}

#[test]
fn a_tasks_description_beside_its_name_is_no_label_of_its_row() {
    // 年度主要任务 | 任务名称 | 主要内容 | …: the description (`完成3座小（2）型…`)
    // read as the row's label looked numbered, the rows after it its parts.
    let text = "部门整体支出绩效自评表\n| 年度主要任务 | 任务名称 | 主要内容 | 预算数（万元） | 执行数（万元） | 执行率 |\n| | 小型水库除险加固 | 完成3座小（2）型水库除险加固 | 360.00 | 352.40 | 97.89% |\n| | 河道综合治理 | 治理河道12公里 | 540.00 | 516.80 | 95.70% |\n| | 农村饮水工程维护 | 维修养护供水工程26处 | 120.00 | 120.00 | 100.00% |\n| | 合计 | | 1,020.00 | 989.20 | 96.98% |\n";
    holds_then_fails(
        "parts.sum",
        "合计 全年执行数 = the 3 rows above it",
        text,
        "| 1,020.00 | 989.20 |",
        "| 1,020.00 | 999.20 |",
    );
}

#[test]
fn a_plan_exceeded_and_counted_as_100_percent_met_is_only_a_warning() {
    // `计划培训500人，实际培训526人，完成率100%`: the forms cap a completion
    // rate at 100%, so the reading is unsure; below 100% it is an error.
    let text = "（一）产出指标完成情况\n计划培训农民500人，实际培训526人，完成率100%；计划建设示范基地10个，实际建成10个，完成率100%。\n";
    let f = check(text);
    let hits = of(&f, "rate.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
    let f = check(&text.replace("实际培训526人", "实际培训486人"));
    let hits = of(&f, "rate.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
}

#[test]
fn a_count_names_what_it_counts_after_its_measure_word() {
    // `对全县32个项目开展…，其中“优”的26个…`: the whole is named after the
    // number; departments are graded as projects are.
    for text in [
        "一、总体情况\n2023年对全县32个项目开展重点绩效评价，其中评价等级为“优”的26个，“良”的5个，“中”的1个。\n",
        "一、总体情况\n我市32个市直部门开展了部门整体支出绩效自评，其中自评等级为“优”的26个，“良”的5个，“中”的1个。\n",
    ] {
        holds_then_fails("parts.sum", "= 3 parts", text, "“良”的5个", "“良”的7个");
    }
}

#[test]
fn a_lone_total_figure_may_be_the_weights_total() {
    // A page of two forms, its excerpt opening at the first form's indicators:
    // that form's budget block (10 分) is above the cut, and its `合计 | 100 |`
    // prints one figure, which the stream reader puts under 得分. The next
    // form's budget block scored 8.5: 90 + 8.5 is no 100, but 90 + 10 is.
    let text = "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |\n产出指标 | 数量指标 | 培训人次 | ≥ | 300 | 人次 | 320 | 90 | 90 | ||\n合计 | 100 | |||||||||\n评价结论 | 按计划完成培训任务。 | |||||||||\n部门预算项目支出绩效自评表(2023年度) | ||||||||||\n项目名称 | 某县农业技术推广培训项目 | |||||||||\n预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | 预算执行率 | 权重 | 得分 | 原因 | ||\n总额 | 12.00 | 12.00 | 10.20 | 85.00% | 10 | 8.5 | 资金结余。 | |||\n其中:财政资金 | 12.00 | 12.00 | 10.20 | 85.00% | / | / | ||||\n";
    let f = check(text);
    assert!(of(&f, "score.sum").is_empty(), "{f:?}");
    // A figure that is neither reading's total is an error.
    let f = check(&text.replace("合计 | 100 |", "合计 | 96 |"));
    assert_eq!(of(&f, "score.sum").len(), 1, "{f:?}");
}

#[test]
fn a_laid_out_form_whose_indentation_was_lost_is_read_cell_by_cell() {
    // A `pdftotext -layout` form copied from a web page with each line's
    // leading spaces stripped: by position its figures fell two to a column
    // (and 年初预算数 took the label); in order, under a header that lost its
    // blank cell over the labels, they are the columns'.
    let text = "2024年度部门整体支出绩效自评表\n\n填报日期：2025年3月1日                  金额单位：万元\n\n年初预算数    全年预算数    全年执行数    分值     执行率      得分\n\n年度资金总额            1,520.00      1,684.30      1,598.72      10      94.92%      9.49\n\n年度预算执                 一般公共预算     1,520.00      1,604.30      1,521.10      —       94.81%       —\n\n行情况（万  按收入性质分  政府性基金预算      0.00         80.00        77.62       —       97.03%       —\n\n按支出性质分     基本支出       610.40      628.15      626.90      —       99.80%       —\n\n项目支出       909.60      1,056.15      971.82      —       92.02%       —\n\n预期目标                                              实际完成情况\n";
    holds_then_fails(
        "rate.mismatch",
        "年度资金总额 1598.72 / 1684.30 = 94.92%",
        text,
        "94.92%",
        "94.29%",
    );
    holds_then_fails(
        "parts.sum",
        "年度资金总额 全年预算数 = 2 parts",
        text,
        "1,604.30",
        "1,640.30",
    );
}

#[test]
fn a_stray_pipe_in_a_page_flattened_onto_one_line_separates_no_cells() {
    // A web page's text run onto one line, its language switch `简体版| 繁体版`
    // first: split at that pipe only, the line held two "cells" of hundreds of
    // words and no table was read from it.
    let text = "简体版| 繁体版 无障碍 当前位置:首页 > 信息公开 > 财政信息 某县档案馆部门整体支出绩效评价自评报告 2021-03-02 09:00     来源:某县档案馆 附件1: 部门整体支出绩效评价自评报告 (2020年度) 一、收支概况 计划安排资金(万元) 326.50 实际支出(万元) 301.27 二、年度决算报表支出明细 支出内容 计划支出数 实际支出数 基本工资 120.30 118.62 津贴补贴 64.20 63.85 办公费 38.00 31.40 印刷费 22.00 19.95 差旅费 15.00 9.20 档案数字化加工费 67.00 58.25 支出合计 326.50 301.27 三、部门整体支出绩效情况";
    holds_then_fails(
        "parts.sum",
        "支出合计 执行数 = 6 rows",
        text,
        "印刷费 22.00 19.95",
        "印刷费 22.00 19.59",
    );
}

#[test]
fn a_total_row_cut_inside_its_last_figure_still_totals_its_whole_columns() {
    // An excerpt of one line ends inside the 合计's last figure (`301` of
    // 301.27): that figure says nothing, but the 计划 figure before it is
    // printed whole and under its column (the row holds a figure for each).
    let text = "某县档案馆部门整体支出绩效评价自评报告 二、年度决算报表支出明细 支出内容 计划支出数 实际支出数 基本工资 120.30 118.62 津贴补贴 64.20 63.85 办公费 38.00 31.40 印刷费 22.00 19.95 差旅费 15.00 9.20 档案数字化加工费 67.00 58.25 支出合计 326.50 301";
    holds_then_fails(
        "parts.sum",
        "支出合计 预算数 = 6 rows",
        text,
        "印刷费 22.00",
        "印刷费 22.50",
    );
}

#[test]
fn the_budget_is_read_from_a_total_row_printed_with_more_cells_than_its_header() {
    // The merged 项目资金（万元） cell printed in the total row's line (a pipe
    // rendering, or a laid-out form whose indentation was lost): read by the
    // header's column numbers, 年初预算数 was the label and every figure one
    // column off (全年预算数 860.00, 执行率 10%).
    let text = "2023年度项目支出绩效自评表\n金额单位：万元\n| | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n| 项目资金（万元） | 年度资金总额 | 860.00 | 912.40 | 899.63 | 10 | 98.60% | 9.86 |\n| 其中：当年财政拨款 | 860.00 | 880.00 | 867.23 | — | — | — |\n| 上年结转资金 | 0.00 | 32.40 | 32.40 | — | — | — |\n";
    let doc = jixiao_ingest::read(text.as_bytes()).expect("readable text");
    let budget = jixiao_extract::extract(&doc).budget;
    let d = |s: &str| s.parse::<jixiao_model::Decimal>().ok();
    assert_eq!(
        (budget.initial, budget.adjusted, budget.executed),
        (
            Some(jixiao_model::Decimal::from(8_600_000)),
            Some(jixiao_model::Decimal::from(9_124_000)),
            Some(jixiao_model::Decimal::from(8_996_300))
        ),
        "{budget:?}"
    );
    assert_eq!(budget.execution_rate_pct, d("98.60"), "{budget:?}");
}

#[test]
fn a_change_on_last_year_between_two_years_levels_stated_is_their_difference() {
    // Last year's level stated nearer the change than this year's: the rate
    // was judged over (150 − 36.5) as if 150 were this year's, a false warning.
    let text = "2023年项目支出186.5万元，2022年项目支出150万元，较上年增加36.5万元，增长24.33%。\n";
    holds_then_fails(
        "balance.mismatch",
        "186.5 − 150 = 36.5",
        text,
        "较上年增加36.5万元",
        "较上年增加35.6万元",
    );
    holds_then_fails(
        "rate.mismatch",
        "(186.5 − 150) / 150 = 24.33%",
        text,
        "增长24.33%",
        "增长23.43%",
    );
}

#[test]
fn a_received_rate_is_over_the_reports_own_budget_whatever_its_words() {
    // `项目资金总额` names no plan by the words of one (预算, 计划, 总投资): the
    // 到位率 was judged over the only one that did, a 采购预算 (a false warning).
    let text = "项目资金总额200万元，资金来源：中央财政补助120万元、省级财政补助50万元、县级配套30万元。\n截至2023年12月31日，项目资金到位200万元，到位率100%；实际支出186.5万元，预算执行率93.25%。\n项目采购预算160万元，实际采购金额152万元，采购执行率95%。\n";
    holds_then_fails(
        "rate.mismatch",
        "200 / 200 = 100%",
        text,
        "到位率100%",
        "到位率98%",
    );
}

#[test]
fn a_balance_rate_is_what_is_left_over_the_whole() {
    // No amount of its sentence states the whole: what was paid and what is
    // left make it, and a 结余率 is the rest's share of it (it was judged as the
    // paid share, 95% against a stated 5%: a false error).
    let text = "截至年底，资金支付1,187.5万元，支付率95%，结余资金62.5万元，结余率5%。\n";
    holds_then_fails(
        "rate.mismatch",
        "62.5 / (62.5 + 1187.5) = 5%",
        text,
        "结余率5%",
        "结余率6%",
    );
}

#[test]
fn group_marks_making_the_full_hundred_are_no_scores_of_a_lower_total() {
    // A sentence of the framework's full marks, then the total in a sentence of
    // its own: the marks were read as the groups' scores (100 against 88.6,
    // a false error). The groups' scores after the total still make it.
    let text = "本次评价采用百分制，其中决策指标20分，过程指标20分，产出指标30分，效益指标30分。评价得分88.6分，其中决策18分、过程17.6分、产出27分、效益26分，评价等级为良。\n";
    holds_then_fails(
        "parts.sum",
        "评价得分 = its 4 parts",
        text,
        "产出27分",
        "产出28分",
    );
}

#[test]
fn a_change_after_a_list_is_on_the_whole_its_parts_add_up_to() {
    // The list under `预算28.5万元，实际支出24.16万元` adds up to the spending:
    // the change after it is on that, not on the budget stated first (the rate
    // was judged over 28.5 + 3.12, a false warning).
    let text = "2023年“三公”经费预算28.5万元，实际支出24.16万元，较预算节约4.34万元。其中公务接待费6.36万元，公务用车运行维护费17.8万元，因公出国（境）费0万元。与上年相比，“三公”经费支出减少3.12万元，下降11.44%。\n";
    holds_then_fails(
        "rate.mismatch",
        "3.12 / (24.16 + 3.12) = 11.44%",
        text,
        "下降11.44%",
        "下降12.44%",
    );
}

#[test]
fn a_rate_that_names_its_base_is_over_that_amount() {
    // `（以到位资金计）`: past the `；` the rate's clause holds only what was
    // paid, and the plan and the funds received were both bases its words
    // allow: it was judged over neither.
    let text = "项目计划总投资1,560万元。截至2023年12月31日，项目资金到位1,326万元，资金到位率85%；已支付1,218.6万元，资金支付率91.9%（以到位资金计）。\n";
    holds_then_fails(
        "rate.mismatch",
        "1218.6 / 1326 = 91.9%",
        text,
        "资金支付率91.9%",
        "资金支付率78.1%",
    );
}

#[test]
fn the_reports_rate_is_over_the_budget_it_was_read_from_and_a_bare_rate_after_a_part_is_the_parts()
{
    // `市本级就业补助资金预算总额`: 本级 read as a fund made the report's own
    // budget a part's, and its 预算执行率 was judged over nothing. Once it is
    // judged, the bare 执行率 after each item's spending must not be taken
    // for the whole's (four false errors).
    let text = "2023年市本级就业补助资金预算总额为3,456.78万元，其中：中央补助资金2,100万元，省级补助资金856.78万元，市级配套资金500万元。\n截至2023年12月31日，实际支出3,210.45万元，预算执行率为92.87%。分项目看，职业培训补贴支出1,150.2万元，执行率95.85%；社会保险补贴支出930.25万元，执行率94.88%。\n";
    holds_then_fails(
        "rate.mismatch",
        "3210.45 / 3456.78 = 92.87%",
        text,
        "预算执行率为92.87%",
        "预算执行率为93.87%",
    );
}

#[test]
fn a_tables_columns_named_by_their_year_and_a_bare_word_are_read() {
    // `2023年预算 | 2023年决算`: 预算 alone named a column only undated, so the
    // table of 三公经费 was read as nothing and its 合计 went unchecked.
    let text = "“三公”经费支出情况（单位：万元）\n| 项目 | 2023年预算 | 2023年决算 |\n| 合计 | 18.00 | 15.62 |\n| 公务接待费 | 5.00 | 3.86 |\n| 公务用车运行维护费 | 13.00 | 11.76 |\n";
    holds_then_fails(
        "parts.sum",
        "合计 预算数 = 2 rows",
        text,
        "| 5.00 | 3.86 |",
        "| 6.00 | 3.86 |",
    );
}

#[test]
fn a_budget_adjustment_column_between_the_budgets_before_and_after_is_the_change() {
    // `年初预算 | 调整预算 | 全年预算`: 调整预算 there is what changed the
    // budget (412.35 + 2,350.60 = 2,762.95), which went unread.
    let text = "表1 部门预算执行情况表（单位：万元）\n| 项目 | 年初预算 | 调整预算 | 全年预算 | 实际支出 | 执行率 |\n| 合计 | 2,350.60 | 412.35 | 2,762.95 | 2,690.18 | 97.37% |\n| 基本支出 | 1,120.40 | 35.20 | 1,155.60 | 1,150.33 | 99.54% |\n| 项目支出 | 1,230.20 | 377.15 | 1,607.35 | 1,539.85 | 95.80% |\n";
    holds_then_fails(
        "adjustment.mismatch",
        "基本支出 1120.40 + (35.20) = 1155.60",
        text,
        "| 35.20 |",
        "| 53.20 |",
    );
}

#[test]
fn an_items_rate_is_over_its_budget_stated_under_its_name_in_a_paragraph_before() {
    // The items' budgets under 资金安排, their spending and rates under 资金使用:
    // each rate was judged over nothing.
    let text = "（一）资金安排情况\n按资金用途分，职业培训补贴1,200万元，社会保险补贴980.5万元。\n（二）资金使用情况\n分项目看，职业培训补贴支出1,150.2万元，执行率95.85%；社会保险补贴支出930.25万元，执行率94.88%。\n";
    holds_then_fails(
        "rate.mismatch",
        "社会保险补贴 930.25 / 980.5 = 94.88%",
        text,
        "执行率94.88%",
        "执行率98.44%",
    );
}

#[test]
fn a_forms_budget_rows_keep_their_blank_cells_under_their_columns() {
    // The national form with its title rows in the table: the header, on the
    // fifth row, was not looked for there, so the rows were read again from
    // their cells without the blanks, and 上年结转资金's blank 年初预算数 took
    // its 全年预算数 (a false parts.sum). Printed between spaces the blank is
    // lost for good: which column each figure is under is then the sums' choice.
    let piped = "| 项目支出绩效自评表 |\n| （2023年度） |\n| 项目名称 | 乡村道路养护项目 |\n| 主管部门 | 县交通运输局 | 实施单位 | 县公路养护中心 |\n| 项目资金（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n|  | 年度资金总额 | 642.80 | 642.80 | 611.37 | 10 | 95.11% | 9.51 |\n|  | 其中：当年财政拨款 | 642.80 | 514.24 | 482.81 | — | — | — |\n|  | 上年结转资金 |  | 128.56 | 128.56 | — | — | — |\n|  | 其他资金 |  |  |  | — | — | — |\n";
    let spaced = common::cells_between_spaces(piped);
    for text in [piped, spaced.as_str()] {
        let f = holds_then_fails(
            "parts.sum",
            "年度资金总额 全年预算数 = 2 parts",
            text,
            "514.24",
            "541.24",
        );
        assert_eq!(f.severity, Severity::Error, "{text}: {f:?}");
    }
    // The grid says where the blank is: the row's amounts are data.
    let doc = jixiao_ingest::read(piped.as_bytes()).expect("readable text");
    let report = jixiao_extract::extract(&doc);
    let carried = report
        .budget_rows
        .iter()
        .find(|r| r.label == "上年结转资金")
        .expect("the row is read");
    assert_eq!(
        (carried.initial, carried.adjusted),
        (None, Some(jixiao_model::Decimal::from(1285600))),
        "{carried:?}"
    );
}

#[test]
fn a_forms_funds_by_source_across_have_their_total_as_the_budget() {
    // `中央 | 省级 | 本级 | 合计 | 执行数 | 分值 | 执行率 | 得分` over one unlabelled
    // row: no budget was read, so the block's 10 points were missing from
    // the score table and its 合计 100 cried wolf against the rows' 90.
    let piped = "| 项目资金（万元） | 中央 | 省级 | 本级 | 合计 | 执行数 | 分值 | 执行率 | 得分 |\n|  | 300.00 | 120.00 | 80.00 | 500.00 | 468.20 | 10 | 93.64% | 9.36 |\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n| 产出指标 | 数量指标 | 改造里程 | 50 | 48 |\n| 效益指标 | 社会效益指标 | 通行条件改善 | 30 | 30 |\n| 满意度指标 | 满意度指标 | 群众满意度 | 10 | 9 |\n| 总分 |  |  | 100 | 96.36 |\n";
    let spaced = common::cells_between_spaces(piped);
    for text in [piped, spaced.as_str()] {
        let f = holds_then_fails(
            "rate.mismatch",
            "468.20 / 500.00 = 93.64%",
            text,
            "468.20",
            "486.20",
        );
        assert_eq!(f.severity, Severity::Error, "{text}: {f:?}");
        let (_, checks) = traced(text);
        assert!(
            checks.iter().any(|c| c.rule == "score.sum"
                && c.relation.contains("weights add up to 合计 100")
                && c.verdict == jixiao_validate::Verdict::Consistent),
            "{text}: {checks:?}"
        );
        // And the sources add up to their 合计.
        let f = holds_then_fails(
            "parts.sum",
            "年度资金总额 全年预算数 = 3 sources across",
            text,
            "120.00",
            "102.00",
        );
        assert_eq!(f.severity, Severity::Error, "{text}: {f:?}");
    }
}

#[test]
fn a_forms_part_rows_run_together_are_cut_as_the_sums_allow() {
    // Cells run together with no separator: only the total row was read (its
    // rate tells its cuts); the 其中 rows were left out, and once read, their
    // runs (`65.1265.12`) had other cuts (`6 | 5.12 | 65.12`) than the ones
    // that add up. Every cut is the checker's to place; an altered figure is
    // then the one the finding names, in its own column.
    let glued = "项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分年度资金总额480.00545.12532.801097.74%9.77其中：当年财政拨款480.00480.00467.68———上年结转资金65.1265.12———\n";
    let f = holds_then_fails(
        "parts.sum",
        "年度资金总额 全年执行数 = 2 parts",
        glued,
        "480.00467.68",
        "480.00476.68",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    assert!(
        f.message.contains("全年执行数") && f.message.contains("476.68 + "),
        "{f:?}"
    );
    // A short row between spaces: its figures under the later columns where
    // the sums say no more (the finding is of the column altered).
    let spaced = "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额 480.00 545.12 532.80 10 97.74% 9.77\n其中：当年财政拨款 480.00 480.00 467.68 — — —\n上年结转资金 65.12 65.12 — — —\n";
    let f = holds_then_fails(
        "parts.sum",
        "年度资金总额 全年预算数 = 2 parts",
        spaced,
        "480.00 467.68",
        "480.00 476.68",
    );
    assert!(f.message.contains("全年执行数"), "{f:?}");
}

#[test]
fn score_bounds_reads_a_score_above_its_weight_in_a_row_between_spaces() {
    // Cells between spaces: a row scored above its weight was no reading at
    // all, so its weight went missing and the sums cried a false shortfall
    // of weights (`its 3 rows add up to 80`) instead of the slip.
    let text = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n产出指标 数量指标 改造里程 ≥100公里 120公里 20 20\n质量指标 验收合格率 ≥95% 98% 20 18\n效益指标 社会效益指标 通行条件改善 明显 明显 30 30\n满意度指标 满意度指标 群众满意度 ≥90% 95% 30 28\n总分 100 96\n";
    let (f, _) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    let f = check(&text.replace("120公里 20 20", "120公里 20 21"));
    assert_eq!(of(&f, "score.bounds").len(), 1, "{f:?}");
    assert!(
        !f.iter().any(|x| x.message.contains("weight stated")),
        "{f:?}"
    );
    // One cell per line, a blank line between rows: the reading with the one
    // slip is kept over one with many scores above their weights.
    let cells: String = text
        .lines()
        .map(|l| l.split(' ').collect::<Vec<_>>().join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n");
    let f = check(&cells.replace("120公里\n20\n20", "120公里\n20\n21"));
    assert_eq!(of(&f, "score.bounds").len(), 1, "{f:?}");
}

#[test]
fn rate_mismatch_takes_the_reports_budget_beside_a_yearly_opening_one() {
    // `项目资金总额…，全年执行…，资金执行率…，年初预算为…`: the rate's words named
    // only 年初预算 as a budget, so the rate was judged over it (a false error
    // of 115%); 项目资金总额 is the report's budget and the rate's base.
    let text =
        "项目资金总额860.00万元，全年执行812.34万元，资金执行率94.46%，年初预算为700.00万元。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "812.34 / 860.00 = 94.46%",
        text,
        "94.46%",
        "96.46%",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
}

#[test]
fn rate_mismatch_judges_a_balance_rate_stated_beside_the_balance_alone_over_the_budget() {
    // `项目结余资金…，结余率…` with the budget stated a paragraph before: the
    // rate was read as a part's and judged over nothing.
    let text = "该项目全年预算数为860.00万元，截至年底实际支付812.34万元，执行率94.46%。\n项目结余资金47.66万元，结余率5.54%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "47.66 / 860.00 = 5.54%",
        text,
        "结余率5.54%",
        "结余率6.54%",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
}

#[test]
fn parts_sum_reads_funds_listed_after_a_sentence_of_the_budget_and_its_spending() {
    // `其中：中央资金…、省级资金…、县本级资金…` opening its own paragraph after a
    // sentence stating the budget, the spending and the 年初预算: no one level
    // was the whole, so the sources went unread. They name no measure: of the
    // budget. (Wrapped, the list's line holds amounts: no title, it runs on.)
    let text = "项目资金总额860.00万元，全年执行812.34万元，资金执行率94.46%，年初预算为700.00万元。\n其中：中央资金516.00万元、省级资金215.00万元、县本级\n资金129.00万元。\n";
    let f = holds_then_fails(
        "parts.sum",
        "项目资金总额 = 3 parts",
        text,
        "省级资金215.00",
        "省级资金251.00",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
}

#[test]
fn a_years_level_its_last_years_and_a_bare_change_are_a_comparison_and_a_whole() {
    // `…支出15.03万元，上年为7.09万元，增加7.94万元。其中…`: the change named by
    // its direction alone after last year's level was no comparison, and the
    // parts after the sentence found two levels and no whole.
    let text = "2023年“三公”经费支出15.03万元，上年为7.09万元，增加7.94万元。其中公务接待费2.30万元、公务用车运行维护费12.73万元。\n";
    let f = holds_then_fails(
        "balance.mismatch",
        "15.03 − 7.09 = 7.94",
        text,
        "增加7.94",
        "增加7.49",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    let f = holds_then_fails(
        "parts.sum",
        "“三公”经费支出 = 2 parts",
        text,
        "接待费2.30",
        "接待费3.20",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
}

#[test]
fn parts_sum_reads_funds_listed_after_the_funds_received_and_paid() {
    // `到位资金…，已支付…` then `其中：中央资金…、省级资金…`: no budget stated, the
    // sources are of the funds received.
    let text = "截至年底，项目到位资金600.00万元，已支付548.40万元，支付率91.40%。\n其中：中央资金360.00万元、省级资金120.00万元、县本级资金120.00万元。\n";
    let f = holds_then_fails(
        "parts.sum",
        "项目到位资金 = 3 parts",
        text,
        "省级资金120.00",
        "省级资金210.00",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
}

#[test]
fn a_forms_row_flattened_into_prose_is_no_list_and_its_run_keeps_its_separators() {
    // A form flattened onto one line with its amounts printing their unit:
    // `其中：当年财政拨款378.17万元 302.54万元 288.50万元` read as prose made
    // the row's columns a list of parts of the 执行数 before it (a false error).
    let flat = "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额 378.17万元 378.17万元 364.14万元 10 96.29% 9.63 其中：当年财政拨款 378.17万元 302.54万元 288.50万元 — — — 上年结转资金 75.63万元 75.64万元 — — —\n";
    let (f, _) = traced(flat);
    assert!(f.iter().all(|x| x.severity != Severity::Error), "{f:?}");
    // Cells run together with thousands separated: `1,355.271,355.27…` cut at
    // its groups, the rate tells the cuts (so the score is judged by them).
    let glued = "项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分年度资金总额1,355.271,355.271,297.811095.76%9.58\n";
    let (f, checks) = traced(glued);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.rule == "rate.mismatch"
            && c.relation.contains("1297.81 / 1355.27 = 95.76%")
            && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    let f = check(&glued.replace("%9.58", "%9.85"));
    assert_eq!(of(&f, "score.rate").len(), 1, "{f:?}");
}

#[test]
fn a_forms_rows_run_together_one_per_line_are_read_as_one_run() {
    // A page's text layer that lost the gaps between cells but kept its
    // lines: each row is too short to tell by itself that its cells ran
    // together, so the form went unread. A run of such lines is told as one.
    let rows = "项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分\n年度资金总额480.00545.12532.801097.74%9.77\n其中：当年财政拨款480.00480.00467.68———\n上年结转资金65.1265.12———\n";
    let f = holds_then_fails(
        "parts.sum",
        "年度资金总额 全年执行数 = 2 parts",
        rows,
        "480.00467.68",
        "480.00476.68",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    // One cell per line, words or a number alone, is no row run together.
    let cells =
        "一级指标\n二级指标\n三级指标\n分值\n得分\n决策\n目标设定\n目标明确\n6\n5\n合计\n6\n5\n";
    let (f, checks) = traced(cells);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation.contains("scores add up to 合计 5")),
        "{checks:?}"
    );
}

#[test]
fn a_funds_across_total_and_amounts_with_their_unit_run_together_are_cut_as_the_sums_allow() {
    // Funds by source across: the one row under the header has no label, so
    // no row opened at its run of digits and the block went unread.
    let across = "项目名称饮水工程\n项目资金（万元）中央省级本级合计执行数分值执行率得分\n1323.13551.30330.782205.212010.051091%9.10\n年度总体目标预期目标实际完成情况\n";
    let f = holds_then_fails(
        "parts.sum",
        "年度资金总额 全年预算数 = 3 sources across",
        across,
        "551.30330.78",
        "561.30330.78",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    // Amounts printed with their unit: `75.63万元` is one amount, never
    // `7` under one column and `5.63万元` under the next.
    let units = "项目名称饮水工程\n项目资金（万元）年初预算数全年预算数全年执行数分值执行率得分\n年度资金总额378.17万元378.17万元364.14万元1096.29%9.63\n其中：当年财政拨款378.17万元302.54万元288.51万元———\n上年结转资金75.63万元75.63万元———\n其他资金———\n";
    let f = holds_then_fails(
        "parts.sum",
        "年度资金总额 全年执行数 = 2 parts",
        units,
        "302.54万元288.51万元",
        "302.54万元298.51万元",
    );
    assert!(f.message.contains("298.51"), "{f:?}");
}

#[test]
fn a_department_forms_rows_run_together_are_read_clause_by_clause() {
    // A 部门整体 form whose cells ran together, row by row. Its labels' amounts
    // are one figure each to the cent; its 支出明细's first row follows the
    // header's last column name (`实际支出数劳务费`); its 合计's two amounts
    // run together (`1000.50800.40`); and a scoring rule's own numbers
    // (`得5分，每降低1个百分点扣0.5分`) stay inside its clause, with `不得分`
    // and `预算执行率` no column names.
    let form = "部门整体支出绩效评价自评表\n一、收支概况\n计划安排资金（万元）1000.50实际到位资金（万元）1000.50\n其中：中央财政200.00其中：中央财政200.00\n市县财政800.50市县财政800.50\n实际支出（万元）800.40\n二、年度决算报表支出明细\n支出内容（经济科目）计划支出数实际支出数\n劳务费600.30500.20\n办公费400.20300.20\n支出合计1000.50800.40\n三、绩效指标评分\n序号一级指标二级指标三级指标指标分值评分标准自评得分\n1规划(20分)基础信息(20分)基础信息完整性5基础信息完整性达到目标的得5分，每降低1个百分点扣0.5分，扣完为止。5\n2年度工作计划明确性15符合要求的得15分，否则不得分。15\n3执行(80分)预算执行(80分)预算执行率80符合要求的得80分，否则不得分。70\n总分10090\n";
    // Alike with a space before a weight's bracket, and a formula's numbers
    // in the clause (`×100%，`).
    let spaced = form.replace("规划(20分)", "规划 (20分)").replace(
        "2年度工作计划明确性15",
        "2年度工作计划明确性15计划明确性=（实际完成数/计划数）×100%，用以反映计划情况。",
    );
    for text in [form, spaced.as_str()] {
        let (f, checks) = traced(text);
        assert!(f.is_empty(), "{f:?}");
        for relation in [
            "实际到位资金） 实际到位数 = 2 parts",
            "合计 执行数 = 2 rows",
            "group 规划 weights add up to 20",
            "3 scores add up to 合计 90",
        ] {
            assert!(
                checks.iter().any(|c| c.relation.contains(relation)),
                "{relation}: {checks:?}"
            );
        }
    }
    // An altered row is found, as a warning: the rows' figures were cut
    // from digits run together, so the reading may be the sum's fault.
    let f = check(&form.replace("办公费400.20300.20", "办公费400.20310.20"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning, "{f:?}");
    assert!(hits[0].message.contains("810.40"), "{f:?}");
    let f = check(&form.replace("扣完为止。5\n", "扣完为止。4\n"));
    assert!(!of(&f, "score.sum").is_empty(), "{f:?}");
}

#[test]
fn rate_mismatch_of_an_adjustment_rate_over_a_budget_moved_from_one_figure_to_another() {
    // `由年初的…调整为…`: the figure moved to was taken for the change, and
    // the rate judged as it over the report's budget (a false error).
    let text = "一、基本情况\n本年预算由年初的1371.63万元调整为1413.05万元，预算调整率为3.02%。\n应到位资金1413.05万元，实际到位资金1400.00万元，资金到位率99.08%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "(1413.05 − 1371.63) / 1371.63 = 3.02%",
        text,
        "调整率为3.02%",
        "调整率为3.12%",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    assert!(f.message.contains("= 3.02%"), "{f:?}");
}

#[test]
fn parts_sum_reads_counts_a_total_counts_all_of_and_shares_a_bare_share_inherits_its_whole() {
    // `全年共实施项目15个` after the year's counts totals them: 共 before the
    // counting's own words, not only at the label's end.
    let counts = "一、基本情况\n年初计划实施项目12个，年中新增3个，全年共实施项目15个。\n";
    let f = holds_then_fails(
        "parts.sum",
        "全年共实施项目 totals 2 amounts",
        counts,
        "新增3个",
        "新增4个",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    // 共 inside a word counts nothing.
    let (_, checks) = traced("一、基本情况\n新建图书室12个，改建3个，公共文化设施15个。\n");
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
    // A bare `占` after a share that named its whole in the sentence.
    let shares = "一、基本情况\n本年支出合计3000.00万元。基本支出1000.00万元，占支出合计的33.33%，项目支出2000.00万元，占66.67%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "2000.00 / 3000.00 = 66.67%",
        shares,
        "占66.67%",
        "占67.67%",
    );
    assert!(f.message.contains("= 66.67%"), "{f:?}");
}

#[test]
fn a_funds_across_row_printed_with_its_unit_is_read_in_a_grid_and_in_a_stream() {
    // `236.40万元` in every amount cell: the grid took the last source's
    // amount for the row's label, the stream read no row; the row's 10 points
    // then went missing and the table's 合计 100 cried wolf against 90.
    let rows = [
        [
            "项目资金（万元）",
            "中央",
            "省级",
            "本级",
            "合计",
            "执行数",
            "分值",
            "执行率",
            "得分",
        ],
        [
            "",
            "236.40万元",
            "98.50万元",
            "59.10万元",
            "394.00万元",
            "382.42万元",
            "10",
            "97.06%",
            "9.71",
        ],
    ];
    let scores = [
        ["", "一级指标", "二级指标", "三级指标", "分值", "得分"],
        ["", "产出指标（60分）", "数量指标", "覆盖人数", "60", "58"],
        [
            "",
            "满意度指标（30分）",
            "满意度",
            "受益群众满意度",
            "30",
            "30",
        ],
        ["总分", "", "", "", "100", "97.71"],
    ];
    let pipe = |r: &[&str]| format!("| {} |\n", r.join(" | "));
    let spaced = |r: &[&str]| {
        format!(
            "{}\n",
            r.iter()
                .filter(|c| !c.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ")
        )
    };
    for line in [&pipe as &dyn Fn(&[&str]) -> String, &spaced] {
        let text: String = std::iter::once("项目名称 饮水工程\n".to_string())
            .chain(rows.iter().map(|r| line(r)))
            .chain(scores.iter().map(|r| line(r)))
            .collect();
        let f = holds_then_fails(
            "parts.sum",
            "年度资金总额 全年预算数 = 3 sources across",
            &text,
            "98.50万元",
            "99.50万元",
        );
        assert_eq!(f.severity, Severity::Error, "{text}: {f:?}");
        let (_, checks) = traced(&text);
        assert!(
            checks
                .iter()
                .any(|c| c.relation.contains("weights add up to 合计 100")
                    && c.verdict == jixiao_validate::Verdict::Consistent),
            "{text}: {checks:?}"
        );
    }
}

#[test]
fn a_row_flattened_into_a_line_gives_its_figures_no_role_and_commas_run_together_keep_their_amounts(
) {
    // `支出合计 8831.70万元 7310.01万元` read as prose made 8831.70 (the 计划
    // column's) the report's spending, and the table's own 执行数 then cried
    // wolf against it.
    let spaced = "一、收支概况\n计划安排资金（万元） 8831.70万元 实际到位资金（万元） 8831.70万元\n实际支出（万元） 7310.01万元\n二、年度决算报表支出明细\n支出内容（经济科目） 计划支出数 实际支出数\n住房公积金 1330.35万元 1104.19万元\n公务接待费 7501.35万元 6205.82万元\n支出合计 8831.70万元 7310.01万元\n";
    let (f, checks) = traced(spaced);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c
            .relation
            .contains("its 支出合计 row) = the report's executed figure")),
        "{checks:?}"
    );
    // Rows run together with thousands separators: each figure to the cent.
    let glued = "一、收支概况\n计划安排资金（万元）8,831.70实际到位资金（万元）8,831.70\n实际支出（万元）7,310.01\n二、年度决算报表支出明细\n支出内容（经济科目）计划支出数实际支出数\n住房公积金1,330.351,104.19\n公务接待费7,501.356,205.82\n支出合计8,831.707,310.01\n";
    let f = holds_then_fails(
        "parts.sum",
        "合计 执行数 = 2 rows",
        glued,
        "7,501.356,205.82",
        "7,501.356,215.82",
    );
    assert!(f.message.contains("7320.01"), "{f:?}");
}

#[test]
fn rate_mismatch_reads_spending_named_by_its_bare_verb() {
    // `全年预算500.00万元，执行480.00万元，执行率96.00%`: `执行` alone named no
    // spending, so the rate went unjudged.
    let text = "一、评价结论\n全年预算500.00万元，执行480.00万元，执行率96.00%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "480.00 / 500.00 = 96.00%",
        text,
        "执行480.00万元",
        "执行490.00万元",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
}

#[test]
fn a_department_form_run_together_whole_is_read_by_its_numbering_and_its_twin_cells() {
    // A 部门整体 form whose text layer lost every gap and line end: each row's
    // 序号 follows the previous row's score (`扣完为止。4.52年度…`: 4.5, row 2),
    // the two fund blocks side by side print each source twice, blank ones
    // as two names in a row (`省级财政省级财政市县财政`), and a numbered
    // heading runs into the field before it (`…自评一、收支概况`).
    let form = "部门整体支出绩效评价自评表\n评价方式：部门（单位）绩效评价自评一、收支概况计划安排资金（万元）1000.50实际到位资金（万元）990.50其中：中央财政200.00其中：中央财政190.00省级财政省级财政市县财政800.50市县财政800.50实际支出（万元）800.40二、年度决算报表支出明细支出内容（经济科目）计划支出数实际支出数劳务费600.30500.20办公费400.20300.20支出合计1000.50800.40三、绩效指标评分序号一级指标二级指标三级指标指标分值评分标准自评得分1规划(20分)基础信息(20分)基础信息完整性5基础信息完整性达到目标的得5分，每降低1个百分点扣0.5分，扣完为止。4.52年度工作计划明确性15符合要求的得15分，否则不得分。153执行(80分)预算执行(80分)预算执行率80符合要求的得80分，否则不得分。70总分10089.5\n";
    let (f, checks) = traced(form);
    assert!(f.is_empty(), "{f:?}");
    for relation in [
        "实际到位资金） 实际到位数 = 3 parts",
        "合计 执行数 = 2 rows",
        "group 规划 weights add up to 20",
        "3 scores add up to 合计 89.5",
    ] {
        assert!(
            checks.iter().any(|c| c.relation.contains(relation)),
            "{relation}: {checks:?}"
        );
    }
    // Row 2's score read whole from its run (`153`: 15, row 3).
    let f = check(&form.replace("否则不得分。153执行", "否则不得分。143执行"));
    assert!(!of(&f, "score.sum").is_empty(), "{f:?}");
    // A received source altered is found against its block's total.
    let f = check(&form.replace("中央财政190.00", "中央财政180.00"));
    assert!(!of(&f, "parts.sum").is_empty(), "{f:?}");
}

#[test]
fn an_initial_budget_listed_as_a_part_of_the_whole_is_the_reports_own() {
    // `全年预算X，其中年初预算Y，年中追加Z`: the budget at the year's start is a
    // stage of the whole budget, listed as its part; it is the report's 年初预算
    // (stated once more elsewhere) and, with what was added, gives the whole.
    let text = "一、项目概况\n本项目年初预算3572.65万元，调整后全年预算4465.81万元，实际支出4423.38万元。\n全年预算4465.81万元，其中年初预算3572.65万元，年中追加893.16万元。\n";
    let f = holds_then_fails(
        "adjustment.mismatch",
        "3572.65 + 893.16 = 4465.81",
        text,
        "年中追加893.16",
        "年中追加903.16",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    // The same quantity stated twice with two values: one is mistyped.
    let f = check(&text.replace("其中年初预算3572.65", "其中年初预算3582.65"));
    assert_eq!(of(&f, "value.conflict").len(), 1, "{f:?}");
    // A fund's own 年初预算 after 其中 is the fund's, not the report's; so is
    // that of a whole the report does not own (`专项资金全年预算`).
    for fund in [
        "一、项目概况\n本项目年初预算3572.65万元，调整后全年预算4465.81万元。\n中央资金2000.00万元，其中年初预算1500.00万元，年中追加500.00万元。\n",
        "一、部门预算情况\n2023年部门年初预算1000.00万元，调整后预算1300.00万元。\n专项资金全年预算600万元，其中年初预算450万元。\n",
    ] {
        let (f, _) = traced(fund);
        assert!(f.is_empty(), "{f:?}");
    }
}

#[test]
fn parts_sum_finds_parts_printed_for_sure_above_their_whole_beside_a_row_printed_short() {
    // A 其中 row printed with fewer figures than the columns (`上年结转资金 0 0`
    // under 年初 / 全年 / 执行): where its figures go is a guess, so no
    // column's sum is known; but the part printed for sure in a column
    // already exceeds the whole, whatever the short row holds there.
    let form = "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分\n年度资金总额 700.82 700.82 686.87 10 98% 9.80\n其中：当年财政拨款 700.82 700.82 686.87 — — —\n上年结转资金 0 0 — — —\n其他资金 — — —\n";
    let (f, checks) = traced(form);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation.contains("年度资金总额 全年执行数 = 2 parts")),
        "{checks:?}"
    );
    let f = check(&form.replace("当年财政拨款 700.82 700.82", "当年财政拨款 700.82 701.82"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error, "{f:?}");
    assert!(hits[0].message.contains("701.82"), "{f:?}");
    // Short of the whole is no error: the blank part may be what is missing.
    let f = check(&form.replace("当年财政拨款 700.82 700.82", "当年财政拨款 700.82 690.82"));
    assert!(
        of(&f, "parts.sum")
            .iter()
            .all(|h| h.severity != Severity::Error),
        "{f:?}"
    );
}

#[test]
fn a_funds_across_row_run_together_with_whole_amounts_is_cut_within_its_columns_ranges() {
    // `491.40204.75122.8581981910100.00%10.00`: sources to the cent, the
    // 合计 and 执行数 whole (819, 819), then 分值 10, 执行率 100.00%, 得分 10.00.
    // Cut anywhere the digits allow, the readings are too many to keep; a
    // weight over 100 or a rate of 1000 % and more is none of them.
    let form = "项目支出绩效自评表\n项目资金（万元）中央省级本级合计执行数分值执行率得分\n491.40204.75122.8581981910100.00%10.00\n年度总体目标预期目标实际完成情况\n";
    let (f, checks) = traced(form);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation.contains("819 / 819 = 100.00%")),
        "{checks:?}"
    );
    let f = check(&form.replace("491.40204.75", "492.40204.75"));
    assert_eq!(of(&f, "parts.sum").len(), 1, "{f:?}");
}

#[test]
fn a_report_flattened_onto_one_line_is_read_as_prose_and_a_flattened_tables_total_closes_its_list()
{
    // A whole report on one line: its title's `#` first, tabs of its table of
    // contents and of a score table inside, a double space somewhere. No
    // heading, tabbed row or laid-out row holds so much: it is prose.
    let filler = "项目组严格按照评价方案开展工作，收集资料并进行现场核查。".repeat(40);
    let text = format!(
        "# 某县农业技术推广项目绩效评价报告 目录\t一、基本情况\t2 {filler}本项目全年预算100.00万元，实际支出95.00万元，预算执行率95.00%。  评分情况如下：一级指标\t二级指标\t分值\t得分 项目决策 (20分)\t项目立项\t10\t10 项目过程 (20分)\t资金管理\t10\t9 产出指标 (40分)\t数量\t40\t40 效益指标 (20分)\t效益\t20\t20 合计\t\t100\t97 项目决策类指标由2个二级指标构成，权重分合计 20 分，实际得分合计 19 分。\n"
    );
    let f = holds_then_fails(
        "rate.mismatch",
        "95.00 / 100.00 = 95.00%",
        &text,
        "预算执行率95.00%",
        "预算执行率96.00%",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    // The groups' weights before the table's 合计 are no parts of the 20 after it.
    let (f, checks) = traced(&text);
    assert!(of(&f, "parts.sum").is_empty(), "{f:?}");
    assert!(
        !checks
            .iter()
            .any(|c| c.relation.contains("权重分合计 totals")),
        "{checks:?}"
    );
}

#[test]
fn score_rate_in_prose_where_the_report_says_the_score_is_the_rate_times_the_full_marks() {
    let rule = "二、评分说明\n预算执行率指标按“执行率×分值”计分。\n";
    let said = format!("{rule}本项目全年预算438.41万元，实际支出437.61万元，项目资金执行率为99.82%。指标满分5分，实际得4.99分。\n");
    let f = holds_then_fails(
        "score.rate",
        "5 × 99.82% = 4.99",
        &said,
        "实际得4.99分",
        "实际得4.89分",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    // In one sentence too.
    let one = format!("{rule}项目支出预算执行率为96.50%，该指标分值10分，得分9.65分。\n");
    holds_then_fails(
        "score.rate",
        "10 × 96.50% = 9.65",
        &one,
        "得分9.65分",
        "得分9.85分",
    );
    // A 完成率 is scored by whether it met its target as often: not judged.
    let (f, checks) = traced(&format!(
        "{rule}项目完成率为98.00%，该指标分值10分，得分10分。\n"
    ));
    assert!(
        f.is_empty() && !checks.iter().any(|c| c.rule == "score.rate"),
        "{f:?} {checks:?}"
    );
    // Where the report does not say so, prose scores may come from bands or
    // deductions: nothing is judged.
    let unsaid = one.replace("预算执行率指标按“执行率×分值”计分。\n", "");
    let (f, checks) = traced(&unsaid.replace("得分9.65分", "得分9.85分"));
    assert!(of(&f, "score.rate").is_empty(), "{f:?}");
    assert!(!checks.iter().any(|c| c.rule == "score.rate"), "{checks:?}");
}

#[test]
fn amount_product_of_heads_per_session_totals_attendances() {
    holds_then_fails(
        "amount.product",
        "12 × 50 = 600",
        "一、项目实施情况\n全年完成培训12期，每期50人，共培训600人次。\n",
        "共培训600人次",
        "共培训620人次",
    );
}

#[test]
fn a_departments_index_table_with_each_levels_weight_in_a_column_and_short_rules_is_read_row_by_row(
) {
    // `一级指标 分值 二级指标 分值 三级指标 分值 评价标准 得分`, rules as short as
    // names (`合规得满分`, `100%计满分`): a rule that scores is no name, so no
    // row's group is a rule and no group's weight is another's.
    let spaced = "部门整体支出绩效评价指标表\n一级指标 分值 二级指标 分值 三级指标 分值 评价标准 得分\n投入 16 预算配置 16 在职人员控制率 8 以100%为标准，每超过一个百分点扣0.5分 8\n三公经费变动率 8 三公经费变动率≤0，计8分 6\n过程 34 预算执行 16 预算完成率 8 100%计满分 8\n预算控制率 8 预算控制率=0，计8分 7\n预算管理 18 管理制度健全性 10 制度健全得满分 9\n资金使用合规性 8 合规得满分 8\n合计 50 46\n";
    let (f, checks) = traced(spaced);
    assert!(f.is_empty(), "{f:?}");
    for relation in [
        "group 预算管理 weights add up to 18",
        "group 过程 weights add up to 34",
        "6 scores add up to 合计 46",
    ] {
        assert!(
            checks.iter().any(|c| c.relation.contains(relation)),
            "{relation}: {checks:?}"
        );
    }
    let f = check(&spaced.replace("资金使用合规性 8 合规得满分", "资金使用合规性 9 合规得满分"));
    let hits = of(&f, "score.sum");
    assert!(
        hits.iter()
            .any(|h| h.message.contains("预算管理") && h.severity == Severity::Error),
        "{f:?}"
    );
    // The same rows run together, one per line, under a header run together.
    let run = "部门整体支出绩效评价指标表\n一级指标分值二级指标分值三级指标分值评价标准得分\n投入18预算配置18在职人员控制率3及时得满分，否则不得分3\n三公经费变动率8以100%为标准，每超过一个百分点扣0.5分6\n重点支出安排率7合规得满分6\n合计1815\n";
    let (f, checks) = traced(run);
    assert!(f.is_empty(), "{f:?}");
    for relation in [
        "group 投入 weights add up to 18",
        "3 scores add up to 合计 15",
    ] {
        assert!(
            checks.iter().any(|c| c.relation.contains(relation)),
            "{relation}: {checks:?}"
        );
    }
    let f = check(&run.replace("合规得满分6", "合规得满分5"));
    assert!(!of(&f, "score.sum").is_empty(), "{f:?}");
}

#[test]
fn a_change_column_beside_three_dated_columns_is_the_change_between_the_two_it_prints_in_every_row()
{
    // `2022年决算 | 2023年预算 | 2023年决算 | 增减额 | 增减率`: which two the
    // change is between, the rows say (here the two years' 决算, not this
    // year's budget and spending); then each row's change and rate are judged.
    let table = "2023年度三公经费支出情况\n| 项目 | 2022年决算 | 2023年预算 | 2023年决算 | 增减额 | 增减率 |\n| 合计 | 45.60 | 42.00 | 38.50 | -7.10 | -15.57% |\n| 因公出国（境）费 | 0 | 0 | 0 | 0 | 0 |\n| 公务接待费 | 12.30 | 10.00 | 8.90 | -3.40 | -27.64% |\n| 公务用车购置及运行维护费 | 33.30 | 32.00 | 29.60 | -3.70 | -11.11% |\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "公务接待费 增减率 |12.30 − 8.90| / 12.30 = 27.64%",
        table,
        "-3.40 | -27.64%",
        "-3.40 | -26.64%",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    // Where no two columns' difference is the change in every row but one,
    // no change is judged.
    let unexplained = table
        .replace("| -7.10 |", "| -3.50 |")
        .replace("| -3.70 |", "| -2.00 |");
    let (f, checks) = traced(&unexplained);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.contains("增减额")),
        "{checks:?}"
    );
}

#[test]
fn balance_mismatch_of_a_saving_on_a_purchase_under_its_budget() {
    holds_then_fails(
        "balance.mismatch",
        "100.00 − 95.00 = 5.00",
        "一、资金管理\n政府采购预算100.00万元，实际采购95.00万元，节约资金5.00万元。\n",
        "节约资金5.00万元",
        "节约资金6.00万元",
    );
    // Saved on an investment, named by what was saved.
    holds_then_fails(
        "balance.mismatch",
        "800 − 760 = 40",
        "一、资金管理\n项目计划投资800万元，实际完成投资760万元，投资完成率95%，节约投资40万元。\n",
        "节约投资40万元",
        "节约投资41万元",
    );
}

#[test]
fn a_form_one_cell_per_line_without_its_empty_cells_is_read_under_its_columns() {
    // A 四川-style form copied one cell per line, its empty cells gone (no
    // 度量单位 for a qualitative indicator, no 未完成原因): the indicators'
    // 权重 and 得分 are read as such, not their 指标值 and 完成值, and with the
    // budget row's weight the rows add up to the 合计.
    let cells = [
        "预算执行情况(10分)",
        "年初预算",
        "调整后预算数",
        "预算执行数",
        "预算执行率",
        "权重",
        "得分",
        "",
        "总额",
        "20.00",
        "25.00",
        "24.00",
        "96.00%",
        "10",
        "9.6",
        "",
        "绩效指标(90分)",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "完成值",
        "权重",
        "得分",
        "未完成原因分析",
        "",
        "产出指标",
        "数量指标",
        "购置档案柜数量",
        "≥",
        "24",
        "个",
        "24",
        "30",
        "30",
        "",
        "产出指标",
        "质量指标",
        "验收合格率",
        "=",
        "100",
        "%",
        "100",
        "30",
        "30",
        "",
        "效益指标",
        "社会效益指标",
        "档案管理规范化",
        "定性",
        "明显",
        "明显",
        "30",
        "28",
        "",
        "合计",
        "100",
        "97.6",
        "",
    ];
    let text = cells.map(|c| format!("{c}\n")).concat();
    holds_then_fails(
        "score.sum",
        "4 weights add up to 合计 100",
        &text,
        "合计\n100\n",
        "合计\n110\n",
    );
}

#[test]
fn a_forms_score_table_one_cell_per_line_is_read_with_all_its_rows_and_its_total() {
    // A form copied one cell per line, its empty cells gone, 二级 and 一级
    // printed once per group: all eight indicator rows and the 总分 are read
    // (another reading took four rows and no total, and nothing was checked).
    let cells = [
        "预算执行情况(万元) (20分)",
        "预算数(A)",
        "执行数(B)",
        "执行率(B/A)",
        "得分 (20分*执行率)",
        "年度财政资金总额",
        "120",
        "117.3",
        "97.75%",
        "19.55",
        "年度绩效目标1 (80分)",
        "一级指标",
        "二级指标",
        "三级指标",
        "年初目标值(A)",
        "实际完成值(B)",
        "得分",
        "产出指标",
        "数量指标",
        "完成排水管网普查",
        "完成1项普查",
        "完成1项普查",
        "10",
        "质量指标",
        "通过专家验收",
        "通过",
        "通过",
        "10",
        "时效指标",
        "年底前完成普查",
        "12月份完成",
        "完成",
        "10",
        "成本指标",
        "普查及报告编制费",
        "120万",
        "117.3万元",
        "10",
        "效益指标",
        "经济效益 指标",
        "统筹管网改造谋划",
        "统筹管网改造谋划",
        "完成",
        "10",
        "社会效益 指标",
        "减少城市内涝",
        "减少城市内涝",
        "完成",
        "10",
        "生态效益 指标",
        "改善水环境",
        "改善水环境",
        "完成",
        "10",
        "满意度指标",
        "满意度指标",
        "群众满意度",
        "满意",
        "完成",
        "10",
        "总分",
        "99.55分",
    ];
    let text = cells.map(|c| format!("{c}\n")).concat();
    holds_then_fails(
        "score.sum",
        "9 scores add up to 合计 99.55",
        &text,
        "99.55分",
        "98.55分",
    );
}

#[test]
fn a_rate_over_one_of_several_bases_its_words_name_holds_over_any_and_warns_over_none() {
    // A 支出率 after a plan (计划总投资, its parts listed) and the funds
    // received: over either. Over the funds received it holds; a rate neither
    // gives is a warning (which base the report meant it does not say).
    let text = "一、项目资金情况\n2023年该项目计划总投资2,860.00万元，其中：中央补助资金1,500.00万元，省级补助资金800.00万元，市级配套资金360.00万元，县级自筹资金200.00万元。截至2023年12月31日，项目资金实际到位2,745.60万元，资金到位率96.00%；实际支出2,598.32万元，资金支出率94.64%，结余资金147.28万元。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "2598.32 / 2745.60 = 94.64%",
        text,
        "支出率94.64%",
        "支出率94.74%",
    );
    assert_eq!(hit.severity, Severity::Warning);
    // Over the plan it holds as well.
    let over_plan = text.replace("支出率94.64%", "支出率90.85%");
    let (f, checks) = traced(&over_plan);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "2598.32 / 2860.00 = 90.85%"),
        "{checks:?}"
    );
}

#[test]
fn amounts_listed_each_after_its_count_are_the_parts_of_the_amount_before() {
    // `其中工程类合同6份，金额2,318.40万元；服务类合同2份，金额94.40万元`: the
    // list opens on a count, but its amounts are the parts of the 合同金额合计
    // (the counts, right before each amount, are then the count's parts).
    let text = "三、项目管理情况\n项目共涉及采购合同8份，合同金额合计2,412.80万元，其中工程类合同6份，金额2,318.40万元；服务类合同2份，金额94.40万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "合同金额 = 2 parts",
        text,
        "金额94.40万元",
        "金额96.40万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    holds_then_fails(
        "parts.sum",
        "项目共涉及采购合同 = its 2 parts",
        text,
        "合同8份",
        "合同9份",
    );
}

#[test]
fn a_shares_change_on_last_years_stated_share_and_an_average_of_what_was_reimbursed() {
    // A rate that reads as a share (`报销比例`) compared with last year's
    // stated after 较上年的: the points it moved by are their difference.
    let text =
        "三、绩效目标完成情况\n政策范围内住院费用报销比例为65.2%，较上年的63.8%提高1.4个百分点。\n";
    holds_then_fails(
        "balance.mismatch",
        "65.2 − 63.8 = 1.4",
        text,
        "提高1.4个",
        "提高1.6个",
    );
    // An average per time of what was reimbursed (报销, like 发放 or 支付, is
    // money paid out): the count times it is the amount.
    let text = "三、绩效目标完成情况\n全年住院报销12,365人次，报销金额8,964.25万元，次均报销7,249.70元。\n";
    holds_then_fails(
        "amount.product",
        "12365 × 7249.70 = 8964.25",
        text,
        "次均报销7,249.70元",
        "次均报销7,349.70元",
    );
}

#[test]
fn a_bare_share_is_of_a_whole_stated_before_it_not_of_the_spending_after() {
    // `其他收入153.45万元，占1.77%` in clauses after `占收入合计的`: of the income
    // listed, not of the 支出合计 the next sentence states (over which an
    // altered 1.78% happened to hold).
    let text = "二、部门整体支出情况\n2023年度收入合计8,652.37万元。其中：财政拨款收入7,986.52万元，占收入合计的92.30%；事业收入512.40万元，占5.92%；其他收入153.45万元，占1.77%。\n2023年度支出合计8,598.14万元，其中：基本支出3,215.68万元，项目支出5,382.46万元。\n";
    holds_then_fails(
        "rate.mismatch",
        "153.45 / 8652.37 = 1.77%",
        text,
        "占1.77%",
        "占1.78%",
    );
}

#[test]
fn a_moves_change_named_by_its_gain_and_parts_after_a_whole_beside_its_standard() {
    // `由建设前的420公斤提高到465公斤，亩均增产45公斤，增幅10.71%`: the
    // change is stated as what was gained (增产), in the levels' unit.
    let text = "二、绩效目标实现情况\n项目区粮食亩产由建设前的420公斤提高到465公斤，亩均增产45公斤，增幅10.71%。\n";
    holds_then_fails(
        "balance.mismatch",
        "465 − 420 = 45",
        text,
        "增产45公斤",
        "增产48公斤",
    );
    holds_then_fails(
        "rate.mismatch",
        "(465 − 420) / 420 = 10.71%",
        text,
        "增幅10.71%",
        "增幅11.71%",
    );
    // A sentence of the whole and its standard per unit, then `其中：`: the
    // parts are of the whole, not of the standard.
    let text = "一、基本情况\n项目计划建设高标准农田1.2万亩，总投资1,860.00万元，亩均投资1,550元。其中：田间道路工程投资520.80万元，灌溉与排水工程投资896.40万元，土地平整工程投资442.80万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "总投资 = 3 parts",
        text,
        "442.80万元",
        "452.80万元",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn parts_after_a_sentence_that_only_counts_them_and_a_standard_per_any_counted_thing() {
    // `共计1,500万元。资金分配到8个乡镇，其中：…`: the key's sentence states no
    // amount before it (a count only), so its parts are of the sentence
    // before, of the one amount there that says it totals.
    let text = "一、项目资金情况\n2023年省级下达专项资金1,200万元，县级配套资金300万元，共计1,500万元。资金分配到8个乡镇，其中：城关镇240万元、河西镇210万元、东坝镇195万元、南山乡180万元、北岭乡175万元、龙潭镇190万元、青石乡150万元、白沙镇160万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "共计 = 8 parts",
        text,
        "东坝镇195万元",
        "东坝镇205万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    // `每辆8.5万元`: a standard per vehicle, as per head or per household.
    let text = "二、绩效目标完成情况\n新增垃圾转运车辆18辆，每辆8.5万元，共计153万元。\n";
    holds_then_fails(
        "amount.product",
        "18 × 8.5 = 153",
        text,
        "共计153万元",
        "共计163万元",
    );
}

#[test]
fn rates_of_as_many_projects_as_counted_are_over_the_projects_listed_before() {
    // `3个项目分别支出…，执行率分别为…` after a 预算总额 listed by project: each
    // rate over its own project's budget, in order (the spending run named by
    // its verb after 分别, its count the list's).
    let text = "二、项目资金执行情况\n2023年我局共实施项目3个，预算总额2,465.30万元，分别为：学生营养改善计划项目1,268.50万元、农村义务教育校舍维修改造项目856.80万元、教师培训项目340.00万元。截至年底，3个项目分别支出1,236.42万元、812.65万元、318.26万元，合计支出2,367.33万元，执行率分别为97.47%、94.85%、93.61%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "812.65 / 856.80 = 94.85%",
        text,
        "94.85%",
        "95.85%",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Counted otherwise (2 of the 3): no pairing by order.
    let (_, checks) = traced(&text.replace("截至年底，3个项目", "截至年底，2个项目"));
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("812.65 /")),
        "{checks:?}"
    );
}

#[test]
fn a_rate_before_its_wholes_parts_and_an_execution_rate_over_a_named_plan() {
    // `到位1,197万元，到位率95%，其中中央资金840万元…，省级资金到位294万元`: the
    // amounts after 其中 are parts of what came before, not the rate's terms
    // (294 / 840 was taken for it, a false error).
    let text = "一、项目概况\n项目总投资1,260.00万元，其中：中央补助资金840.00万元，省级补助资金294.00万元，县级配套资金126.00万元。\n二、资金情况\n截至年底，项目资金实际到位1,197.00万元，资金到位率95.00%，其中中央资金840.00万元全部到位，省级资金到位294.00万元，县级配套到位63.00万元。\n项目实际支出1,152.30万元，预算执行率91.45%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "1197.00 / 1260.00 = 95.00%",
        text,
        "到位率95.00%",
        "到位率96.00%",
    );
    assert!(hit.message.contains("1197.00"), "{}", hit.message);
    // With no budget stated but the funds received, the execution rate may be
    // over the plan the report names (项目总投资): over neither, an error.
    let hit = holds_then_fails(
        "rate.mismatch",
        "1152.30 / 1260.00 = 91.45%",
        text,
        "执行率91.45%",
        "执行率92.45%",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn a_clause_besides_a_list_is_no_part_and_a_standard_named_by_what_it_paid() {
    // `；另有退休人员37人`: what is besides the staff listed is no part of them.
    for sep in ["；", "，"] {
        let text = format!("一、基本情况\n年末实有在职人员81人，其中行政人员61人，事业人员20人{sep}另有退休人员37人。\n");
        let hit = holds_then_fails(
            "parts.sum",
            "年末实有在职人员 = 2 parts",
            &text,
            "事业人员20人",
            "事业人员24人",
        );
        assert_eq!(hit.severity, Severity::Error);
    }
    // `按每人300元的标准资助，支出…`: the verb after the standard names the
    // bare spending that follows as what was paid at it (a warning where it
    // differs: all of it, or some?).
    let text =
        "二、资金使用\n资助参加城乡居民医保37,284人，按每人300元的标准资助，支出1,118.52万元。\n";
    holds_then_fails(
        "amount.product",
        "37284 × 300 = 1118.52",
        text,
        "1,118.52万元",
        "1,128.52万元",
    );
    // A standard naming its unit (亩均) is per the one count of it the
    // paragraph states before its sentence.
    let text = "一、基本情况\n新建高标准农田2.5万亩，项目区涉及3个乡镇。项目批复总投资3,750万元，亩均投资1,500元。\n";
    holds_then_fails(
        "amount.product",
        "2.5万 × 1500 = 3750",
        text,
        "亩均投资1,500元",
        "亩均投资1,600元",
    );
    // An average gain times the households is the total of that gain stated.
    let text = "三、效益\n受益农户5,230户，户均增收620元，合计增收324.26万元。\n";
    holds_then_fails(
        "amount.product",
        "5230 × 620 = 324.26",
        text,
        "户均增收620元",
        "户均增收650元",
    );
}

#[test]
fn a_rate_over_the_base_it_names_stated_a_paragraph_before() {
    let text = "二、资金使用\n已完成投资3,420万元，占批复总投资的91.20%。\n已支付工程款2,943万元，支付率86.05%（按已完成投资计），剩余工程款待审计后支付。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "2943 / 3420 = 86.05%",
        text,
        "86.05%",
        "87.05%",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Two amounts so named before: which is unsure, none judged.
    let two = text.replace(
        "已完成投资3,420万元，",
        "已完成投资3,420万元，上年已完成投资1,200万元，",
    );
    let (_, checks) = traced(&two);
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("2943 /")),
        "{checks:?}"
    );
}

#[test]
fn spending_named_with_its_kind_of_funds_and_a_total_score_after_its_scale() {
    // `实际支出补助资金` is what was spent; `项目总预算` the budget.
    let text = "一、项目概况\n项目总预算4,236.00万元，按照每平方米100元的标准安排补助资金。\n二、资金使用\n全年实际支出补助资金3,812.40万元，预算执行率90.00%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "3812.40 / 4236.00 = 90.00%",
        text,
        "执行率90.00%",
        "执行率91.00%",
    );
    assert_eq!(hit.severity, Severity::Error);
    // `本次评价采用百分制，综合评分87.35分`: the scale's clause does not make
    // the score's a statement of the scale.
    let text = "四、评价结论\n本次评价采用百分制，综合评分87.35分，评价等级为“良”。\n表2 评分情况\n| 一级指标 | 分值 | 得分 |\n| 决策 | 15 | 13.50 |\n| 过程 | 25 | 22.10 |\n| 产出 | 35 | 30.75 |\n| 效益 | 25 | 21.00 |\n| 合计 | 100 | 87.35 |\n";
    assert!(check(text).is_empty(), "{:?}", check(text));
    let f = check(&text.replace("综合评分87.35分", "综合评分87.45分"));
    let hits = of(&f, "score.total");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
    // A clause about the scale alone states no score.
    let scale = text.replace("综合评分87.35分", "满分100分");
    assert!(of(&check(&scale), "score.total").is_empty());
}

#[test]
fn balance_mismatch_of_a_level_more_or_fewer_than_its_plan() {
    // `比计划1,200个多220个`: more than the base, by the difference.
    let text = "三、绩效情况\n新增停车位1,420个，比计划1,200个多220个。\n";
    let hit = holds_then_fails(
        "balance.mismatch",
        "1420 − 1200 = 220",
        text,
        "多220个",
        "多230个",
    );
    assert_eq!(hit.severity, Severity::Error);
    let text = "三、绩效情况\n新增停车位1,180个，比计划1,200个少20个。\n";
    holds_then_fails(
        "balance.mismatch",
        "1200 − 1180 = 20",
        text,
        "少20个",
        "少30个",
    );
}

#[test]
fn a_change_naming_its_subject_after_a_list_is_of_that_subject() {
    // `…，公用经费412.12万元；公用经费较上年减少25.68万元，下降5.87%`: of
    // 公用经费, not of the list's whole 基本支出 (a false warning).
    let text = "二、预算执行\n基本支出3,268.42万元，其中人员经费2,856.30万元，公用经费412.12万元；公用经费较上年减少25.68万元，下降5.87%。\n";
    holds_then_fails(
        "rate.mismatch",
        "25.68 / (412.12 + 25.68) = 5.87%",
        text,
        "下降5.87%",
        "下降6.87%",
    );
}

#[test]
fn a_survey_named_before_its_sample_and_parts_opened_by_ju_ti_wei() {
    // `满意度调查有效样本1,200份`: the survey's sample, not the satisfied.
    let text = "三、效益\n学生及家长满意度调查有效样本1,200份，满意1,146份，满意度95.50%。\n";
    // (Which count a survey's rate is over is read, not stated: a warning.)
    let hit = holds_then_fails(
        "rate.mismatch",
        "1146 / 1200 = 95.50%",
        text,
        "满意1,146份",
        "满意1,156份",
    );
    assert!(hit.message.contains("1200"), "{}", hit.message);
    // `具体为：` opens the parts of the level before, as `其中：` does.
    let text = "二、资金使用\n全年支出1,702.18万元。具体为：职业培训补贴支出386.50万元，社会保险补贴支出528.36万元，公益性岗位补贴支出462.00万元，创业担保贷款贴息支出215.32万元，就业见习补贴支出110.00万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "全年支出 = 5 parts",
        text,
        "支出528.36万元",
        "支出538.36万元",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn a_split_opening_a_sentence_is_of_the_whole_not_of_its_listed_sources() {
    // `按项目类型分，…` after a sentence stating the whole and its own 其中
    // list: of the whole, the sources being parts of it already.
    let text = "一、基本情况\n2023年共安排衔接资金项目52个，总投资6,840.00万元，其中财政衔接资金5,920.00万元，整合其他涉农资金920.00万元。按项目类型分，产业发展类项目28个，投资4,116.00万元，占60.18%；基础设施类项目19个，投资2,186.00万元，占31.96%；就业帮扶类项目5个，投资538.00万元，占7.87%。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "总投资 = 3 parts",
        text,
        "投资2,186.00万元",
        "投资2,286.00万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    let (_, checks) = traced(text);
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "2186.00 / 6840.00 = 31.96%"),
        "{checks:?}"
    );
}

#[test]
fn a_standard_per_the_count_before_it_per_day_for_the_days_stated_and_a_rate_over_its_bracket() {
    // Of several counts, the one right before the standard is what it is per
    // (a warning where it fails: which count is read).
    let text = "三、绩效目标完成情况\n发放创业担保贷款1.28亿元，扶持创业人员512人，人均贷款25万元，带动就业1,536人。\n";
    holds_then_fails(
        "amount.product",
        "512 × 25 = 1.28",
        text,
        "人均贷款25万元",
        "人均贷款26万元",
    );
    // A standard per day times the days its sentence states.
    let text = "一、项目概况\n受益学生21,350人，按照每生每天5元的标准，全年按200天计算，应安排膳食补助资金2,135.00万元。\n";
    holds_then_fails(
        "amount.product",
        "21350 × 5 × 200 = 2135.00",
        text,
        "按200天计算",
        "按210天计算",
    );
    // Two numbers of days: which is unsure, none read.
    let (_, checks) = traced(&text.replace("全年按200天计算", "全年按200天计算（寒暑假30天除外）"));
    assert!(
        !checks.iter().any(|c| c.rule == "amount.product"),
        "{checks:?}"
    );
    // A rate over the count in brackets right after it (a warning where it
    // fails: a bracket may name a plan).
    let text = "二、产出\n65岁以上老年人健康管理3.12万人，健康管理率72.56%（老年人口4.30万人）。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "3.12 / 4.30 = 72.56%",
        text,
        "72.56%",
        "74.56%",
    );
    assert_eq!(hit.severity, Severity::Warning);
}

#[test]
fn spending_named_with_its_funds_is_the_reports_own_and_its_rate_is_over_it() {
    // `支出救助资金2,574.36万元，资金执行率96.06%` beside a table whose 合计
    // states the same: the prose amount is the report's spending, so a slip
    // in it is caught by the rate beside it (it was read as a part's, and the
    // rate judged over the table's 合计 alone).
    let text = "一、项目概况\n2023年度全县医疗救助资金预算安排2,680.00万元。全年共救助困难群众18,426人次，支出救助资金2,574.36万元，资金执行率96.06%。\n二、资金使用情况\n| 项目 | 预算数 | 支出数 | 执行率 |\n| 住院救助 | 2,480.00 | 2,396.72 | 96.64% |\n| 临时救助 | 200.00 | 177.64 | 88.82% |\n| 合计 | 2,680.00 | 2,574.36 | 96.06% |\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "2574.36 / 2680.00 = 96.06%",
        text,
        "支出救助资金2,574.36万元",
        "支出救助资金2,584.36万元",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn a_total_of_spending_after_a_budget_and_its_spending_adds_no_budget() {
    // `培训费预算20万元，实际支出18.62万元，…合计支出22.97万元`: the budget is no
    // part of a total of spending (20 + 18.62 was a false error).
    let text = "三、会议费、培训费\n会议费预算6.00万元，实际支出4.35万元；培训费预算20.00万元，实际支出18.62万元，会议费和培训费合计支出22.97万元。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    // (What each clause spent is: 4.35 + 18.62.)
    let totals: Vec<Vec<String>> = checks
        .iter()
        .filter(|c| c.relation.contains("totals"))
        .map(|c| {
            c.inputs
                .iter()
                .map(|i| i.number.value.to_string())
                .collect()
        })
        .collect();
    assert_eq!(totals, vec![vec!["4.35", "18.62"]], "{checks:?}");
    // Amounts of one measure before the total still add up to it.
    let text = "三、会议费、培训费\n会议费支出4.35万元，培训费支出18.62万元，合计支出22.97万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "totals 2 amounts",
        text,
        "培训费支出18.62万元",
        "培训费支出19.62万元",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn a_sentence_opening_on_a_levels_name_and_its_zhong_lists_that_levels_parts() {
    // `本年收入中，财政拨款收入…；其他收入…`: the parts of 本年收入 stated in the
    // sentence before (itself a part of 收入总计), not of the 总计.
    let text = "二、收入情况\n2023年度收入总计6,842.57万元，其中：上年结转结余326.40万元，本年收入6,516.17万元。本年收入中，财政拨款收入6,298.35万元，占本年收入的96.66%；其他收入217.82万元，占3.34%。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "本年收入 = 2 parts",
        text,
        "其他收入217.82万元",
        "其他收入227.82万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    let (_, checks) = traced(text);
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "217.82 / 6516.17 = 3.34%"),
        "{checks:?}"
    );
    // A name stated nowhere before opens nothing.
    let (_, checks) = traced(&text.replace("本年收入中", "本期收入中"));
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("本期收入")),
        "{checks:?}"
    );
}

#[test]
fn never_cry_wolf_on_what_was_done_beside_what_was_not_the_economys_money_or_a_pair_over_all() {
    // `建成…38座，完成率95.00%，未完成的2座`: done over done and not (38 / 40),
    // not (38 − 2) / 38 (a false error).
    let text = "三、绩效目标完成情况\n建成污水处理设施38座，完成率95.00%，未完成的2座因选址调整延至次年建成。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "38 / (38 + 2) = 95.00%",
        text,
        "完成率95.00%",
        "完成率97.00%",
    );
    assert_eq!(hit.severity, Severity::Error);
    // `旅游总收入286.5亿元` beside a budget of millions: the economy's, no slip of unit.
    let text = "二、项目情况\n旅游发展专项全年预算1,200万元，实际支出1,176万元，执行率98.00%。全年接待游客2,865.4万人次；旅游总收入286.5亿元，同比增长15.2%，人均消费1,000元。\n";
    assert!(
        of(&check(text), "unit.magnitude").is_empty(),
        "{:?}",
        check(text)
    );
    // A pair over 100% is no pair of a rate stated under it.
    let text = "一、资金情况\n省财政下达专项资金3,200万元，市级配套800万元。各县（区）共拨付资金3,768万元，拨付率94.20%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("3768 / 3200")),
        "{checks:?}"
    );
}

#[test]
fn a_completion_rate_over_the_goal_stated_sections_before() {
    // The goals name the plan; the results what was done and its 完成率.
    let text = "一、项目绩效目标\n全年完成农村公路日常养护1,150公里，实施路面修复工程38.6公里。\n二、绩效目标完成情况\n1.数量指标：完成日常养护1,100公里，完成率95.65%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "1100 / 1150 = 95.65%",
        text,
        "完成率95.65%",
        "完成率97.65%",
    );
    assert_eq!(hit.severity, Severity::Warning);
    // Goals of two values for the same words: which is unsure, none read.
    let two = text.replace(
        "实施路面修复工程38.6公里。",
        "实施路面修复工程38.6公里。\n其中上半年完成日常养护600公里。",
    );
    let (_, checks) = traced(&two);
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("1100 /")),
        "{checks:?}"
    );
}

#[test]
fn a_rate_of_change_by_name_is_of_the_two_years_the_sentence_before_states() {
    // A PDF's ASCII `.` ends a sentence between words; the rate opening the
    // next names the subject of both levels before it.
    let text = "2018年度本单位预算安排三公经费总额为63.46万元,而2017年度预算安排的三公经费总额为32万元.本单位三公经费变动率为98.31%。\n";
    holds_then_fails(
        "rate.mismatch",
        "(63.46 − 32) / 32 = 98.31%",
        text,
        "变动率为98.31%",
        "变动率为96.31%",
    );
    holds_then_fails(
        "rate.mismatch",
        "(63.46 − 32) / 32 = 98.31%",
        text,
        "总额为63.46万元",
        "总额为64.46万元",
    );
    // Named by the way it went: a 下降率 is last year's less this year's.
    let down =
        "本年度“三公”经费支出32万元，上年“三公”经费支出63.46万元。“三公”经费下降率为49.57%。\n";
    holds_then_fails(
        "rate.mismatch",
        "|32 − 63.46| / 63.46",
        down,
        "49.57%",
        "47.57%",
    );
    // A rate of change is never a part over its whole (32 / 63.46 was one),
    // and one naming another subject is not of these levels.
    let other = "2018年度“三公”经费总额为63.46万元，2017年度“三公”经费总额为32万元。会议费增长率为98.31%。\n";
    let (f, checks) = traced(other);
    assert!(f.is_empty(), "{f:?}");
    assert!(checks.is_empty(), "{checks:?}");
}

#[test]
fn formula_mismatch_reads_a_signed_result_and_judges_a_change_by_its_size() {
    // A fall is printed with its sign: the formula is read, and checked.
    let text = "“三公”经费变动率=（18.6-21.4）÷21.4×100%=-13.08%。\n";
    holds_then_fails(
        "formula.mismatch",
        "（18.6-21.4）÷21.4×100%=-13.08%",
        text,
        "=-13.08%",
        "=-15.08%",
    );
    // Written as the earlier less the later, or unsigned, the size is what
    // the formula states: no error over the sign alone.
    for sign in [
        "（21.4-18.6）÷21.4×100%=-13.08%",
        "（18.6-21.4）÷21.4×100%=13.08%",
    ] {
        let (f, checks) = traced(&format!("“三公”经费变动率={sign}。\n"));
        assert!(f.is_empty(), "{sign}: {f:?}");
        assert_eq!(checks.len(), 1, "{sign}: {checks:?}");
    }
}

#[test]
fn formula_mismatch_reads_the_amounts_a_formula_restates_from_its_sentence() {
    // The amounts stated, then the formula over them: another value for one
    // of them stated before is one amount stated two ways.
    let text = "2023年“三公”经费预算数为18.6万元，2022年“三公”经费预算数为21.4万元，“三公”经费变动率=（18.6-21.4）÷21.4×100%=-13.08%。\n";
    let hit = holds_then_fails(
        "formula.mismatch",
        "restates its sentence's 2 amounts",
        text,
        "预算数为18.6万元",
        "预算数为18.7万元",
    );
    assert_eq!(stated(&hit), "18.7");
    // The sentence before, where the formula's own states none before it.
    let before = "2018年度本单位预算安排三公经费总额为63.46万元，而2017年度预算安排的三公经费总额为32万元。本单位三公经费变动率=(本年度三公经费预算数-上年度三公经费预算数)÷上年度=(63.46-32)÷32=98.31%。\n";
    holds_then_fails(
        "formula.mismatch",
        "restates its sentence's 2 amounts",
        before,
        "总额为32万元",
        "总额为33万元",
    );
    // A formula over an amount stated elsewhere (the 执行数 of another
    // paragraph) restates nothing here: a near figure of its sentence is
    // another quantity.
    let other = "本年度执行数1,802.17万元。\n年初预算1,800.00万元，调整后预算1,865.42万元，执行率=1,802.17÷1,865.42×100%=96.61%。\n";
    let (f, checks) = traced(other);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.contains("restates")),
        "{checks:?}"
    );
    // Nor is a figure far from the formula's number the same amount.
    let far = "全年预算数1,865.42万元，实际支出1,802.17万元，结余率=63.25÷1,865.42×100%=3.39%。\n";
    assert!(check(far).is_empty(), "{:?}", check(far));
}

#[test]
fn formula_mismatch_warns_only_where_a_restated_amount_is_near_but_no_typo() {
    // 1,800.00 stated, 1,802.17 in the formula and nowhere else: near, yet
    // no slip of a digit, so perhaps another quantity (the 执行数).
    let text =
        "年初预算1,800.00万元，调整后预算1,865.42万元，执行率=1,802.17÷1,865.42×100%=96.61%。\n";
    let f = check(text);
    let hits = of(&f, "formula.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
    // Short figures a digit apart (150, 155) may be two quantities by chance.
    let short = "年初预算150万元，调整后预算160万元，支出率=155÷160×100%=96.88%。\n";
    let f = check(short);
    assert_eq!(of(&f, "formula.mismatch").len(), 1, "{f:?}");
    assert_eq!(of(&f, "formula.mismatch")[0].severity, Severity::Warning);
    // One digit apart is one amount typed two ways: an error.
    let typo = text.replace("1,800.00", "1,802.77");
    let f = check(&typo);
    let hits = of(&f, "formula.mismatch");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
}

#[test]
fn a_table_no_reading_knows_adds_up_to_its_total_row_and_its_shares_are_of_it() {
    let table = "学段\t学生人数（人）\t补助标准（元/生·年）\t补助金额（万元）\t占比（%）\n小学\t3,200\t1,000\t320.00\t47.06\n初中\t1,800\t1,250\t225.00\t33.09\n高中\t900\t1,500\t135.00\t19.85\n合计\t5,900\t—\t680.00\t100.00\n";
    let text = format!("某县学生资助项目绩效自评报告\n\n各学段资助情况如下：\n\n{table}\n");
    // A cell of a column whose other column adds up: an error.
    let hit = holds_then_fails(
        "parts.sum",
        "合计 学生人数（人） = its 3 rows",
        &text,
        "初中\t1,800",
        "初中\t1,810",
    );
    assert_eq!(hit.severity, Severity::Error);
    holds_then_fails(
        "parts.sum",
        "合计 补助金额（万元） = its 3 rows",
        &text,
        "680.00\t100.00",
        "681.00\t100.00",
    );
    // A share, over the column of amounts left of it.
    let hit = holds_then_fails(
        "rate.mismatch",
        "初中 225.00 / 合计 680.00 = 33.09%",
        &text,
        "33.09",
        "33.19",
    );
    assert_eq!(hit.severity, Severity::Error);
    // The standard (a rate per student) adds up to nothing; rows numbered at
    // two levels are no one column of parts.
    let (_, checks) = traced(&text);
    assert!(
        !checks.iter().any(|c| c.relation.contains("补助标准")),
        "{checks:?}"
    );
    let nested = "项目\t金额（万元）\t人数（人）\n一、基本支出\t300.00\t12\n1.人员经费\t200.00\t12\n2.公用经费\t100.00\t0\n合计\t300.00\t12\n";
    let (f, checks) = traced(&format!("某单位报告\n\n{nested}\n"));
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.contains("rows")),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_warns_where_counts_naming_kinds_of_the_whole_do_not_make_it() {
    // Kinds of what the whole counts, in its own words: most often all of it.
    let text =
        "（二）项目绩效目标。完成农村危房改造412户，其中C级危房改造289户，D级危房改造123户。\n";
    for wrong in ["改造411户，其中", "改造415户，其中"] {
        let hit = holds_then_fails(
            "parts.sum",
            "完成农村危房改造 = 2 kinds of it",
            text,
            "改造412户，其中",
            wrong,
        );
        assert_eq!(hit.severity, Severity::Warning);
    }
    // Counts after 其中 under other words may overlap: none is a kind; nor
    // does a whole stated as about (约为) say what its kinds make.
    let (_, checks) = traced("服务对象5000人，其中老年人500人，残疾人300人。\n");
    assert!(checks.is_empty(), "{checks:?}");
    let about =
        "规划建筑面积约为13459平方米，其中地上建筑面积为8013平方米，地下建筑面积为5356平方米。\n";
    let (f, checks) = traced(about);
    assert!(f.is_empty() && checks.is_empty(), "{f:?} {checks:?}");
}

#[test]
fn formula_mismatch_reads_the_arithmetic_bracketed_after_an_amount() {
    // Numbers with their units, the product the amount was computed as.
    let text = "其中：C级危房改造补助支出867万元（289户×3万元），D级危房改造补助支出307.50万元（123户×2.5万元）。\n";
    holds_then_fails(
        "formula.mismatch",
        "289×3=867万元",
        text,
        "（289户",
        "（290户",
    );
    holds_then_fails(
        "formula.mismatch",
        "123×2.5=307.50万元",
        text,
        "307.50万元",
        "310.50万元",
    );
    // Operands in 元 beside a result in 万元; per month times months.
    let yuan =
        "发放补贴5.28万元（120人×440元/人）。发放补贴52,790.40元（120人×36.66元/月×12个月）。\n";
    holds_then_fails(
        "formula.mismatch",
        "120×36.66×12",
        yuan,
        "36.66元",
        "38.66元",
    );
    // A bracket of words is a note, a dash a range: no arithmetic.
    for note in [
        "其中中央资金300万元（含以前年度结转50万元）。\n",
        "下达资金300万元（1-6月）。\n",
    ] {
        let (f, checks) = traced(note);
        assert!(
            f.is_empty() && checks.is_empty(),
            "{note}: {f:?} {checks:?}"
        );
    }
}

#[test]
fn rate_mismatch_reads_a_part_in_brackets_after_its_rate_over_the_count_before() {
    // The bracket names what the rate's verb says was done; the whole is the
    // paragraph's one count of its unit before the rate.
    let text =
        "数量指标：完成危房改造412户，完成率100%；时效指标：按期完成率98.54%（406户按期完成）。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "406 / 412 = 98.54%",
        text,
        "（406户",
        "（400户",
    );
    assert_eq!(hit.severity, Severity::Warning);
    // Two counts of the unit before it: which is the whole is unsure.
    let two = text.replace("数量指标：", "全县农户5,000户。数量指标：");
    let (_, checks) = traced(&two);
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("406 /")),
        "{checks:?}"
    );
    // A bracket the rate's verb does not name is no part of it.
    let (_, checks) = traced("共检查企业200家，按期整改率95%（190家企业）。\n");
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("190 /")),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_warns_where_the_groups_making_the_total_score_mark_no_100() {
    let text = "项目自评得分93分，等级为“优”。其中项目决策15分（满分15分），过程管理18分（满分20分），产出指标38分（满分40分），效益指标22分（满分25分）。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "the 4 groups' full marks = 100",
        text,
        "（满分20分）",
        "（满分21分）",
    );
    assert_eq!(hit.severity, Severity::Warning);
    // Marks of another scale (120 points) are no slip.
    let scale = text
        .replace("（满分15分）", "（满分20分）")
        .replace("（满分20分）", "（满分30分）")
        .replace("（满分25分）", "（满分35分）");
    let (f, checks) = traced(&scale);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.contains("full marks")),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_reads_each_places_paid_and_spent_shares_in_a_table_of_places() {
    // `市别 | 下达资金 | 已拨付 | 拨付率 | 已支出 | 支出率`: what each place was
    // paid is its funds received, 拨付率 their rate; 已支出 what it spent.
    let text = "二、资金分配\n\
市别\t下达资金（万元）\t已拨付（万元）\t拨付率\t已支出（万元）\t支出率\n\
东市\t1,200\t1,200\t100.00%\t1,140\t95.00%\n\
西市\t900\t864\t96.00%\t810\t90.00%\n\
南市\t600\t600\t100.00%\t588\t98.00%\n\
合计\t2,700\t2,664\t98.67%\t2,538\t94.00%\n";
    holds_then_fails(
        "rate.mismatch",
        "西市 到位率 864 / 900 = 96.00%",
        text,
        "864\t96.00%",
        "864\t98.00%",
    );
    holds_then_fails(
        "rate.mismatch",
        "西市 810 / 900 = 90.00%",
        text,
        "810\t90.00%",
        "810\t92.00%",
    );
    let hit = holds_then_fails(
        "parts.sum",
        "合计 实际到位数 = the 3 rows above it",
        text,
        "2,664\t98.67%",
        "2,674\t98.67%",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn rate_mismatch_reads_fairly_satisfied_counts_as_no_comparison() {
    // 比较满意 is "fairly satisfied", not a comparison: the count is a level.
    holds_then_fails(
        "rate.mismatch",
        "456 / 480 = 95%",
        "三、满意度\n共发放问卷500份，回收有效问卷480份，满意及比较满意的456份，满意度95%。\n",
        "95%。",
        "97%。",
    );
}

#[test]
fn rate_mismatch_reads_the_fund_the_title_names_as_the_whole() {
    // In a report on one fund, that fund named bare is the report's whole;
    // a giver's part of it stays a part.
    let text = "某县2023年度困难群众救助补助资金绩效自评报告\n\n一、资金情况\n救助补助资金到位860.00万元；已支出817.00万元，支出率95.00%。\n";
    holds_then_fails(
        "rate.mismatch",
        "817.00 / 860.00 = 95.00%",
        text,
        "95.00%",
        "97.00%",
    );
    let (_, checks) = traced(&text.replace("救助补助资金到位", "中央救助补助资金到位"));
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("817.00 /")),
        "{checks:?}"
    );
    // Untitled, the fund's name may be one source of the funds: nothing paired.
    let (_, checks) = traced(&text.replace("某县2023年度困难群众救助补助资金绩效自评报告\n\n", ""));
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("817.00 /")),
        "{checks:?}"
    );
}

#[test]
fn adjustment_mismatch_reads_the_project_the_title_names_as_the_whole() {
    // `2023年初预算安排X项目资金` in a `X项目…绩效自评报告`: the report's own
    // project at the start of the year, adjusted in the same sentence.
    let text = "城乡环卫一体化项目2023年度绩效自评报告\n（二）预算调整情况\n2023年初预算安排城乡环卫一体化项目资金1,200.00万元，年中追加300.00万元，调减50.00万元，调整后预算1,450.00万元，预算调整率20.83%。\n";
    holds_then_fails(
        "adjustment.mismatch",
        "1200.00 + 300.00 − 50.00 = 1450.00",
        text,
        "追加300.00",
        "追加320.00",
    );
    holds_then_fails(
        "rate.mismatch",
        "(1450.00 − 1200.00) / 1200.00 = 20.83%",
        text,
        "20.83%",
        "22.83%",
    );
    // Another project's budget is a part of the report's: nothing adjusted.
    let (_, checks) = traced(&text.replace("安排城乡环卫一体化项目资金", "安排垃圾分类项目资金"));
    assert!(
        !checks.iter().any(|c| c.rule == "adjustment.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_reads_group_scores_of_a_total_naming_spending() {
    // `部门整体支出…得分`: a score's label names what was scored, no measure
    // of money its parts must share.
    let hit = holds_then_fails(
        "parts.sum",
        "部门整体支出绩效自评得分 = 4 parts",
        "五、自评结论\n部门整体支出绩效自评得分94分，其中预算执行情况19分、预算管理情况18分、绩效目标完成情况38分、部门履职效益19分。\n",
        "部门履职效益19分",
        "部门履职效益29分",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn rate_mismatch_reads_a_carried_balances_rate_in_its_own_paragraph() {
    // `结转结余率` speaks of the whole as `结转结余` does: over the report's budget.
    let text = "三、部门整体绩效\n1.预算执行率。年初预算数3,420.00万元，全年预算数3,856.72万元，实际支出3,790.16万元，预算执行率98.27%。\n2.结转结余率。年末结转结余66.56万元，结转结余率1.73%。\n";
    holds_then_fails(
        "rate.mismatch",
        "66.56 / 3856.72 = 1.73%",
        text,
        "1.73%",
        "1.83%",
    );
}

#[test]
fn balance_mismatch_reads_points_above_a_target_value() {
    holds_then_fails(
        "balance.mismatch",
        "70.5 − 70 = 0.5",
        "三、产出\n住院费用报销比例达到70.5%，比目标值70%高出0.5个百分点。\n",
        "0.5个",
        "1.5个",
    );
}

#[test]
fn rate_mismatch_reads_a_count_done_as_a_share_of_its_plan_above_it() {
    // What was done may exceed the plan it is a share of.
    holds_then_fails(
        "rate.mismatch",
        "32 / 30 = 106.67%",
        "三、产出\n全年计划新建特色产业基地30个，实际建成32个，完成计划的106.67%。\n",
        "106.67%",
        "116.67%",
    );
}

#[test]
fn parts_sum_takes_no_part_of_a_list_run_on_past_semicolons_for_the_next_lists_whole() {
    // The list opening the next paragraph is of the funds, not of the last
    // source the paragraph before listed.
    let text = "一、资金情况\n县财政共安排补助资金2,450万元。其中中央资金1,715万元，占70%；省级资金490万元，占20%；县级资金245万元，占10%。\n资金主要用于：校舍改造1,260万元，设备购置680万元，寄宿制学校生活设施510万元。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("县级资金")),
        "{checks:?}"
    );
    assert!(
        checks.iter().any(|c| c.relation == "245 / 2450 = 10%"
            && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_reads_funds_a_giver_allotted_to_the_titles_fund_as_its_budget() {
    // `县财政共安排…补助资金`: allotted by a giver, the fund the title names.
    let text = "某县2023年度义务教育能力提升补助资金绩效自评报告\n\n一、基本情况\n2023年，县财政共安排义务教育能力提升补助资金2,450万元。\n二、资金使用\n全年实际支出2,352万元，执行率96%。\n";
    holds_then_fails(
        "rate.mismatch",
        "2352 / 2450 = 96%",
        text,
        "执行率96%",
        "执行率98%",
    );
    // Spent under the fund's name, a bare 支出率 in its own paragraph is over it.
    let spent = "某市2023年度就业补助资金绩效自评报告\n\n一、资金安排情况\n2023年全市共筹集就业补助资金6,380万元。\n二、资金支出情况\n全年共支出就业补助资金6,012.60万元，支出率94.24%。\n";
    holds_then_fails(
        "rate.mismatch",
        "6012.60 / 6380 = 94.24%",
        spent,
        "94.24%",
        "96.24%",
    );
    // One giver's allotment listed beside another's is no budget of the whole.
    let (f, _) = traced("某市2023年度农村人居环境整治专项资金绩效自评报告\n\n一、基本情况\n2022年省财政下达我市农村人居环境整治专项资金3,200万元，市级配套800万元，合计4,000万元。\n二、资金使用\n全年实际支出3,516万元，支出率87.90%。\n");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn rate_mismatch_reads_a_counts_share_of_the_whole_named_by_what_it_counts() {
    holds_then_fails(
        "rate.mismatch",
        "21 / 48 = 43.75%",
        "三、绩效目标完成情况\n全县共有义务教育学校48所，本年度改造薄弱学校21所，占全县学校数的43.75%。\n",
        "43.75%",
        "45.75%",
    );
}

#[test]
fn balance_mismatch_warns_where_the_years_balances_do_not_carry_over() {
    // Carried in + came in − spent = carried out; a 决算 may also distribute
    // balances it does not state, so only a warning.
    let text = "二、部门收支情况\n2023年度年初结转和结余资金126.40万元。本年收入合计5,862.35万元，其中：财政拨款收入5,640.15万元，其他收入222.20万元。本年支出合计5,785.92万元。年末结转和结余资金202.83万元。\n";
    let hit = holds_then_fails(
        "balance.mismatch",
        "126.40 + 5862.35 − 5785.92 = 202.83",
        text,
        "202.83",
        "212.83",
    );
    assert_eq!(hit.severity, Severity::Warning);
    // A project's balance is none of the year's account.
    let (_, checks) = traced(&text.replace("年末结转和结余资金", "项目年末结余资金"));
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("126.40 +")),
        "{checks:?}"
    );
    // In two paragraphs, income and spending each with its totals.
    let two = "二、部门收支情况
2023年度收入总计3,268.54万元，其中本年收入合计3,105.20万元，年初结转和结余163.34万元。
2023年度支出总计3,268.54万元，其中本年支出合计3,042.86万元，年末结转和结余225.68万元。
";
    holds_then_fails(
        "balance.mismatch",
        "163.34 + 3105.20 − 3042.86 = 225.68",
        two,
        "年末结转和结余225.68",
        "年末结转和结余235.68",
    );
}

#[test]
fn parts_sum_reads_a_total_closing_the_list_its_key_opened() {
    // `包括：A…，B…，C…，合计…`: the 合计 totals what the key listed.
    holds_then_fails(
        "parts.sum",
        "合计 totals 3 amounts",
        "三、资金使用情况\n项目支出主要包括：工作室运行补助234万元，法律援助办案补贴157.68万元，宣传及培训86.62万元，合计478.30万元。\n",
        "86.62万元",
        "96.62万元",
    );
    // Within a 其中 list of a larger whole, that 合计 is the listed parts' own
    // sum, never one more part of the whole.
    let (f, _) = traced("三、资金使用情况\n支出合计500万元，其中：工作室运行补助234万元，法律援助办案补贴157.68万元，宣传及培训86.62万元，合计478.30万元。\n");
    assert!(of(&f, "parts.sum").is_empty(), "{f:?}");
}

#[test]
fn balance_mismatch_reads_a_deviation_as_the_completion_rates_distance_from_100() {
    let text = "二、绩效目标完成情况\n③法律援助案件办结数：目标值1,800件，实际完成1,752件，完成率97.33%，偏离度2.67%；\n";
    let hit = holds_then_fails(
        "balance.mismatch",
        "|100 − 97.33| = 2.67",
        text,
        "偏离度2.67%",
        "偏离度3.67%",
    );
    assert_eq!(hit.severity, Severity::Error);
    // A rate printed 100% may be capped: its deviation is left alone.
    let (_, checks) = traced("二、绩效\n新建基地完成率100%，偏离度6.67%。\n");
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("|100")),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_reads_the_completion_rates_of_a_table_of_targets_alone() {
    // `指标名称 | 年度目标值 | 实际完成值 | 完成率`, no scores: each row's
    // 完成率 is what it achieved over its target.
    let text = "二、主要产出指标完成情况\n指标名称\t年度目标值\t实际完成值\t完成率\n新建集中供水工程（处）\t12\t12\t100.00%\n改造供水管网（公里）\t86.5\t82.3\t95.14%\n新增受益人口（人）\t18,600\t19,250\t103.49%\n";
    holds_then_fails(
        "rate.mismatch",
        "改造供水管网（公里） 完成率 82.3 / 86.5 = 95.14%",
        text,
        "95.14%",
        "97.14%",
    );
    let hit = holds_then_fails(
        "rate.mismatch",
        "新建集中供水工程（处） 完成率 12 / 12 = 100.00%",
        text,
        "\t12\t12\t",
        "\t13\t12\t",
    );
    assert_eq!(hit.severity, Severity::Error);
}

#[test]
fn value_conflict_reads_an_amount_restated_in_brackets_in_another_unit() {
    let hit = holds_then_fails(
        "value.conflict",
        "1256760元 = 125.68万元",
        "一、项目概况\n区级财政安排补贴资金1,256,760元（125.68万元），用于缴费补贴。\n",
        "125.68万元",
        "126.68万元",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Cut short rather than rounded is how some writers convert.
    let (f, checks) = traced("一、项目概况\n补贴资金1,256,760元(125.67万元)。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "1256760元 = 125.67万元"),
        "{checks:?}"
    );
    // A bracket saying something more is no restatement.
    let (_, checks) = traced("一、项目概况\n补贴资金1,256,760元（含上年结转12.50万元）。\n");
    assert!(
        !checks.iter().any(|c| c.rule == "value.conflict"),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_reads_a_counts_share_of_a_count_named_in_full_paragraphs_before() {
    let text = "一、项目概况\n全区参保缴费人数10,473人，人均补贴标准120元。\n二、存在问题\n部分参保人员中断缴费，导致93人未能享受补贴，占参保缴费人数的0.89%。\n";
    holds_then_fails(
        "rate.mismatch",
        "93 / 10473 = 0.89%",
        text,
        "0.89%",
        "0.99%",
    );
}

#[test]
fn never_cry_wolf_on_the_titles_fund_allotted_in_other_years() {
    // Earlier years' allotments of the fund are no budget of this year's.
    let text = "某县2023年度农村公路养护补助资金绩效自评报告\n\n一、项目基本情况\n2021年省财政下达农村公路养护补助资金500万元，2022年下达农村公路养护补助资金600万元，2023年下达农村公路养护补助资金720万元。\n二、资金使用情况\n截至2023年12月31日，农村公路养护补助资金实际支出698.40万元，执行率97%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.relation == "698.40 / 720 = 97%"),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_reads_a_subsidy_paid_in_yuan_over_a_budget_in_wan() {
    // 实际发放 is what a subsidy spent; a budget in 万元 is the same money as
    // spending in 元, scaled.
    let text = "某区2023年度城乡居民养老保险缴费补贴资金绩效自评报告\n\n一、项目概况\n2023年度区级财政安排城乡居民养老保险缴费补贴资金125.68万元。\n二、资金使用\n截至2023年12月31日，实际发放补贴1,245,600元，执行率99.11%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "1245600 / 125.68 = 99.11%",
        text,
        "99.11%",
        "98.11%",
    );
    assert!(hit.message.contains("1245600元 /"), "{}", hit.message);
}

#[test]
fn never_cry_wolf_on_a_years_change_after_a_running_total_of_the_years() {
    // `2023年资金较2022年增加`: the year names the level stated for it, never
    // the running total of the years whose sentence mentions it.
    let text = "一、项目概况\n2021—2023年，市财政累计安排专项资金4,350万元，其中2021年1,300万元，2022年1,450万元，2023年1,600万元。2023年资金较2022年增加150万元，增长10.34%。\n";
    holds_then_fails(
        "balance.mismatch",
        "1600 − 1450 = 150",
        text,
        "增加150万元",
        "增加160万元",
    );
}

#[test]
fn never_cry_wolf_on_a_figure_of_thousands_placed_in_a_rate_column() {
    // A table with a count column before its amounts, one cell per line: a
    // reading that places the 合计's amounts one column short leaves no rate.
    let text = "二、资金分配\n\n支持方向\n项目数（个）\n安排资金（万元）\n实际支出（万元）\n执行率\n\n蔬菜基地建设\n12\n780\n756.60\n97.00%\n\n畜禽标准化养殖\n8\n520\n499.20\n96.00%\n\n合计\n20\n1,300\n1,255.80\n96.60%\n";
    let f = check(text);
    assert!(of(&f, "rate.mismatch").is_empty(), "{f:?}");
}

#[test]
fn never_cry_wolf_on_a_savings_rate_or_a_years_income_named_by_its_opener() {
    // A 节约率 is what was saved over the budget, never what was spent.
    let saved = "三、预算执行情况\n“三公”经费预算15.00万元，实际支出12.36万元，较预算节约2.64万元，节约率17.60%。\n";
    let (f, _) = traced(saved);
    assert!(f.is_empty(), "{f:?}");
    // `本年收入中，` / `本年支出中，` open the parts of the year's own 合计, not of
    // the 总计 that adds the balances carried to it.
    let text = "二、部门收支情况\n2023年度收入总计3,268.54万元，其中本年收入合计3,105.20万元，年初结转和结余163.34万元。本年收入中，财政拨款收入2,986.40万元，占96.17%；其他收入118.80万元，占3.83%。\n2023年度支出总计3,268.54万元，其中本年支出合计3,042.86万元，年末结转和结余225.68万元。本年支出中，基本支出856.42万元，占28.15%；项目支出2,186.44万元，占71.85%。\n";
    holds_then_fails(
        "rate.mismatch",
        "856.42 / 3042.86 = 28.15%",
        text,
        "占28.15%",
        "占29.15%",
    );
    holds_then_fails(
        "rate.mismatch",
        "2986.40 / 3105.20 = 96.17%",
        text,
        "占96.17%",
        "占97.17%",
    );
}

#[test]
fn never_cry_wolf_on_a_numbered_programmes_budget_beside_the_departments() {
    // `4.营养改善计划：年初预算…` is that programme's, as `1.学生资助项目：` is.
    let text = "一、部门预算安排情况\n2023年部门年初预算12,860.50万元。\n二、重点项目预算执行情况\n1.学生资助项目：年初预算1,250.00万元，调整后预算1,318.60万元，实际支出1,298.60万元，执行率98.48%。\n2.营养改善计划：年初预算1,420.00万元，调整后预算1,465.20万元，实际支出1,465.20万元，执行率100%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "1465.20 / 1465.20 = 100%"),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_reads_counts_by_class_after_qizhong_as_kinds() {
    // `X类项目`: a classification, each project in one class.
    let hit = holds_then_fails(
        "parts.sum",
        "资金安排项目 = 3 kinds of it",
        "一、资金下达情况\n资金安排项目86个，其中产业发展类项目52个、基础设施类项目28个、就业帮扶类项目6个。\n",
        "基础设施类项目28个",
        "基础设施类项目38个",
    );
    assert_eq!(hit.severity, Severity::Warning);
}

#[test]
fn parts_sum_reads_counts_by_grade_of_one_scale_as_kinds() {
    // `国家级 / 省级 / 市级`, `一等 / 二等`: grades of one scale, the thing graded
    // left to the whole; an amount after them is the sentence's next clause.
    let hit = holds_then_fails(
        "parts.sum",
        "完成文物保护修缮工程 = 3 kinds of it",
        "完成文物保护修缮工程14处，其中国家级4处，省级6处，市级4处。\n",
        "省级6处",
        "省级7处",
    );
    assert_eq!(hit.severity, Severity::Warning);
    holds_then_fails(
        "parts.sum",
        "实际资助学生 = 2 kinds of it",
        "实际资助学生1,238人，其中一等助学金412人、二等助学金826人，发放资金99.04万元。\n",
        "826人",
        "816人",
    );
    // `中` of `中型` is a grade's head, not a leftover `其中`.
    holds_then_fails(
        "parts.sum",
        "全县共有水库 = 3 kinds of it",
        "全县共有水库36座，其中大型水库2座、中型水库9座、小型水库25座。\n",
        "小型水库25座",
        "小型水库26座",
    );
    // Heads of no one scale (`新建 / 改建`) may overlap: no kinds.
    let (_, checks) = traced("新建改建公厕12座，其中新建5座、改建7座。\n");
    assert!(checks.is_empty(), "{checks:?}");
}

#[test]
fn rate_mismatch_reads_a_forms_cells_printed_one_per_line() {
    // A form copied from a web page, each cell on its own line: names above
    // their figures, the unit in the block's caption.
    let text = "2023年度驻镇帮镇扶村资金绩效自评表\n\n资金下达情况（万元）\n\n省级资金\n\n1,500.00\n\n市级资金\n\n300.00\n\n县级资金\n\n200.00\n\n合计\n\n2,000.00\n\n资金到位情况（万元）\n\n实际到位\n\n2,000.00\n\n到位率\n\n100.00%\n\n资金支出情况（万元）\n\n实际支出\n\n1,846.50\n\n支出率\n\n92.33%\n";
    let f = holds_then_fails("rate.mismatch", "1846.50", text, "92.33%", "93.33%");
    assert_eq!(stated(&f), "93.33");
    // The parts and their 合计 are one sentence's list too.
    let f = holds_then_fails(
        "parts.sum",
        "合计 totals 3",
        text,
        "\n300.00\n",
        "\n310.00\n",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    // The finding points at the total's own line, not the caption's.
    assert_eq!(f.location.line, Some(19), "{f:?}");
}

#[test]
fn rate_mismatch_reads_a_line_of_names_over_a_line_of_figures() {
    // A base-data table printed one row per line: each line of names with
    // the figures under them on the next line.
    let text = "部门整体支出绩效评价基础数据表\n填报单位：某县水利局 单位：万元\n财政供养人员情况 编制数 2023年实际在职人数 控制率\n42 40 95.24%\n预算调整 年初预算 本年追加 全年预算\n3,210.60 576.40 3,787.00\n预算完成率 全年预算 年末结转 决算数 完成率\n3,787.00 42.80 3,744.20 98.87%\n";
    let f = holds_then_fails("rate.mismatch", "40", text, "42 40", "42 41");
    assert_eq!(stated(&f), "95.24");
    let f = holds_then_fails("rate.mismatch", "3744.20", text, "3,744.20", "3,754.20");
    assert_eq!(stated(&f), "98.87");
    let f = holds_then_fails("adjustment.mismatch", "576.40", text, "576.40", "586.40");
    assert_eq!(f.location.line, Some(6), "{f:?}");
    // Figures under figures are a table's rows, which pair with no names.
    let rows = "项目 年初预算 全年预算\n120.00 135.50\n98.00 99.00\n";
    let doc = jixiao_ingest::read(rows.as_bytes()).expect("readable text");
    assert!(jixiao_extract::extract(&doc).facts.is_empty());
}

#[test]
fn rate_mismatch_of_a_payment_rate_over_the_funds_received() {
    let text = "某旗2023年度中央财政农业生产发展资金绩效自评报告\n一、项目基本情况\n2023年，我旗共收到中央财政农业生产发展资金2,460万元。\n二、资金使用情况\n截至2023年12月31日，资金已支付2,382.6万元，支付率96.85%。\n";
    let f = holds_then_fails("rate.mismatch", "2382.6 / 2460", text, "96.85%", "97.85%");
    assert_eq!(stated(&f), "97.85");
}

#[test]
fn parts_sum_of_funds_split_by_a_verb_after_respectively() {
    let text = "农机购置与应用补贴共补贴机具1,046台，兑付资金520万元，补贴资金分别兑付至：巴彦镇86万元、新华镇142万元、团结乡98万元、民主乡114万元、胜利镇80万元。\n";
    let f = holds_then_fails(
        "parts.sum",
        "兑付资金 = 5 parts",
        text,
        "新华镇142",
        "新华镇152",
    );
    assert_eq!(stated(&f), "520");
}

#[test]
fn amount_product_of_a_standard_stated_before_its_count() {
    // The standard's own 每 makes the count after it per nothing else.
    let text = "耕地地力保护补贴按照每亩79元的标准发放至200,000亩耕地承包户，共计1,580万元。\n";
    let f = holds_then_fails(
        "amount.product",
        "200000 × 79",
        text,
        "1,580万元",
        "1,590万元",
    );
    assert_eq!(stated(&f), "1590");
    // A count per something else still is no total's: `培训3期，每期50人`.
    let per = "共培训3期，每期50人，按照每人800元的标准发放补贴12万元。\n";
    let (_, checks) = traced(per);
    assert!(
        !checks.iter().any(|c| c.rule == "amount.product"),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_of_a_change_after_a_list_is_of_the_lists_whole() {
    let text = "“三公”经费支出0.85万元，其中公务接待费0.85万元，公务用车运行维护费0万元，比上年减少0.32万元，下降27.35%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "0.32 / (0.85 + 0.32)",
        text,
        "27.35%",
        "28.35%",
    );
    // Last year's level is inferred, so the finding is a warning.
    assert_eq!(f.severity, Severity::Warning, "{f:?}");
}

#[test]
fn rate_mismatch_of_a_payment_rate_after_the_funds_received_in_its_paragraph() {
    // The rate's sentence states the report's spending alone before it; the
    // funds received an earlier sentence states are its base.
    let text =
        "截至评价日，项目到位资金495万元，资金到位率75%；已支付资金470.37万元，支付率95.02%。\n";
    let f = holds_then_fails("rate.mismatch", "470.37 / 495", text, "95.02%", "96.02%");
    assert_eq!(stated(&f), "96.02");
}

#[test]
fn amount_product_of_an_average_over_the_total_its_paragraph_states_before() {
    let text = "一、项目概况\n该项目总投资660万元，其中中央、省配套资金495万元，市级配套资金99万元，区级配套资金66万元。项目建设高标准农田0.44万亩，亩均投资1,500元。\n";
    let f = holds_then_fails(
        "amount.product",
        "0.44万 × 1500 = 660",
        text,
        "0.44万亩",
        "0.46万亩",
    );
    assert_eq!(stated(&f), "660");
    // Of another measure (亩均产量), no total of investment is its product.
    let (_, checks) = traced(&text.replace("亩均投资1,500元", "亩均增收1,500元"));
    assert!(
        !checks.iter().any(|c| c.rule == "amount.product"),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_of_a_rows_total_column_in_a_table_no_reader_knows() {
    let grid = "一、资金下达情况\n我市按因素法分配至各县（区），具体如下（单位：万元）：\n| 县（区） | 一事一议 | 试点试验 | 美丽乡村 | 合计 |\n| 甲县 | 620 | 300 | 120 | 1,040 |\n| 乙县 | 540 | 260 | 110 | 910 |\n| 丙区 | 560 | 240 | 110 | 910 |\n| 合计 | 1,720 | 800 | 340 | 2,860 |\n";
    // A slip in a row's 合计 breaks its row and its column: both are found,
    // errors where other rows and columns add up.
    let row_found = |text: &str, row: &str, wrong: &str| -> Finding {
        let (f, checks) = traced(text);
        assert!(f.is_empty(), "{f:?}");
        let relation = format!("{row} 合计 = its 3 columns");
        assert!(
            checks.iter().any(
                |c| c.relation == relation && c.verdict == jixiao_validate::Verdict::Consistent
            ),
            "{checks:?}"
        );
        let f = check(&text.replacen(wrong, &format!("{wrong}0"), 1));
        let hits: Vec<&Finding> = of(&f, "parts.sum")
            .into_iter()
            .filter(|f| f.message.starts_with(&format!("{row} 合计 stated")))
            .collect();
        assert_eq!(hits.len(), 1, "{f:?}");
        hits[0].clone()
    };
    let f = row_found(grid, "乙县", "910");
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    // The same table printed one cell per line is read as that grid.
    let cells: String = grid
        .lines()
        .flat_map(|l| {
            let cells: Vec<&str> = l
                .split('|')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            if cells.len() > 1 {
                cells
            } else {
                vec![l]
            }
        })
        .map(|c| format!("{c}\n\n"))
        .collect();
    let f = row_found(&cells, "甲县", "1,040");
    // At the row's own 合计 cell.
    assert_eq!(f.location.line, Some(23), "{f:?}");
}

#[test]
fn rate_mismatch_of_a_forms_amounts_printed_with_wan_alone() {
    let text = "项目支出绩效自评表\n| 项目资金 (万元) | | 预算数 | 执行数 | 执行率 | 分值 | 得分 |\n| | 年度财政资金总额 | 150万 | 143.4万元 | 95.6% | 20 | 19.12 |\n";
    let f = holds_then_fails("rate.mismatch", "143.4", text, "150万", "160万");
    assert_eq!(stated(&f), "95.6");
}

#[test]
fn rate_mismatch_of_a_forms_rate_over_its_blocks_of_two_stages() {
    // A form's budget block and its spending block, each a 合计 with its
    // sources, then the rate alone in its cell.
    let text = "某区2023年度中央财政农业经营主体能力提升资金绩效自评表\n| 项目名称 | 农业经营主体能力提升资金 |\n| 资金情况(万元) | 年度资金总额: | 合计 | 856.00 |\n| | 其中:中央补助 | 612.00 |\n| | 市级资金 | 180.00 |\n| | 本级资金 | 64.00 |\n| 资金使用情况(万元) | 实际支出 | 合计 | 829.40 |\n| | 其中:中央补助 | 598.60 |\n| | 市级资金 | 172.50 |\n| | 本级资金 | 58.30 |\n| 资金支出率 | 96.89% |\n";
    let f = holds_then_fails("rate.mismatch", "829.40 / 856.00", text, "96.89%", "97.89%");
    assert_eq!(stated(&f), "97.89");
    // The spending block is read as spending, its sum as its own.
    let f = holds_then_fails("parts.sum", "全年执行数", text, "172.50", "182.50");
    assert!(f.message.contains("829.4"), "{f:?}");
}

#[test]
fn parts_sum_and_rate_mismatch_of_a_budget_block_printed_sources_across_stages_down() {
    // A form's block with the funds' sources across and the stages down, a
    // row per line, in pipes, and flattened with the rest of the form onto
    // one line: turned round, its 合计 adds up its sources and the
    // 执行率 is its 实际支出 over its 调整后预算.
    let rows = [
        "资金来源（万元） 中央 省级 县级 其他 合计",
        "年初预算 0 120 380 — 500",
        "调整后预算 0 120 412.5 — 532.5",
        "实际支出 0 118.6 401.25 — 519.85",
    ];
    let lines = format!(
        "某县财政预算支出项目绩效目标自评表\n{}\n预算执行率 97.62%\n单位负责人：某某\n",
        rows.join("\n")
    );
    let pipes = format!(
        "某县财政预算支出项目绩效目标自评表\n{}\n| 预算执行率 | 97.62% |\n单位负责人：某某\n",
        rows.iter()
            .map(|r| format!("| {} |", r.replace(' ', " | ")))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let flat = format!(
        "某县财政预算支出项目绩效目标自评表 项目名称 某县道路养护项目 {} 预算执行率 97.62% 项目权重 评价内容 分值 自评分\n单位负责人：某某\n",
        rows.join(" ")
    );
    // (Flattened, the rate's label starts after the block's row of figures.)
    for text in [&lines, &pipes, &flat] {
        let f = holds_then_fails("parts.sum", "合计 全年执行数", text, "401.25", "402.25");
        assert_eq!(stated(&f), "519.85", "{text}");
        let f = holds_then_fails("rate.mismatch", "519.85 / 532.5", text, "97.62%", "96.62%");
        assert_eq!(stated(&f), "96.62", "{text}");
    }
}

#[test]
fn score_sum_reads_a_row_whose_cells_name_columns_as_the_tables_row() {
    // `预算执行 执行率 预算执行率 …` names three header words, but it prints as
    // many cells as the header above has columns, figures among them: a row.
    let text = "项目名称：2023年城区公共绿地养护项目\n项目绩效目标表\n一级指标 二级指标 三级指标 指标值 完成值 权重 得分\n产出指标 数量指标 绿地养护面积 ≥185万平方米 188.6万平方米 20 20\n产出指标 质量指标 苗木成活率 ≥95% 96.8% 15 15\n产出指标 时效指标 养护及时率 100% 98% 10 9\n产出指标 成本指标 每平方米养护成本 ≤4.5元 4.32元 5 5\n效益指标 社会效益指标 市民休闲环境改善 明显 明显 15 14\n效益指标 生态效益指标 绿化覆盖率 ≥42% 42.6% 15 15\n满意度指标 服务对象满意度指标 市民满意度 ≥90% 93.2% 10 9\n预算执行 执行率 预算执行率 100% 96.00% 10 9.6\n合计 100 96.6\n";
    holds_then_fails(
        "score.sum",
        "8 scores add up to 合计 96.6",
        text,
        "10 9.6\n",
        "10 8.6\n",
    );
    holds_then_fails(
        "score.sum",
        "8 weights add up to 合计 100",
        text,
        "合计 100 ",
        "合计 90 ",
    );
}

#[test]
fn parts_sum_of_a_one_cell_per_line_total_under_the_column_it_totals() {
    // A table copied one cell per line loses its blank cells: `合计` and one
    // figure, under the money column whose rows it totals, not the scores.
    let text = "2023年度新增地方政府专项债券项目绩效自评情况\n序号\n项目名称\n债券资金（亿元）\n自评得分\n自评等级\n1\n某镇污水处理厂扩建工程\n0.85\n93.5\n优\n2\n城区老旧管网改造工程\n1.20\n88\n良\n3\n产业园区基础设施建设项目\n0.65\n91\n优\n合计\n2.70\n注：自评等级90分（含）以上为优，80分（含）至90分为良。\n";
    let hit = holds_then_fails("parts.sum", "= 3 rows", text, "\n0.85\n", "\n0.95\n");
    assert_eq!(
        hit.stated.map(|s| s.normalize().to_string()),
        Some("2.7".into()),
        "{hit:?}"
    );
    assert_eq!(
        hit.computed.map(|c| c.normalize().to_string()),
        Some("2.8".into())
    );
}

#[test]
fn parts_sum_of_a_part_split_again_in_the_sentence_naming_it() {
    // `其中在职人员1,042人…。在职人员中，行政人员12人，事业人员1,030人`: a part of
    // one list is the whole of the next, named by the sentence it opens.
    let text = "（一）人员情况\n年末实有人数1,286人，其中在职人员1,042人、退休人员244人。在职人员中，行政人员12人，事业人员1,030人。\n";
    holds_then_fails(
        "parts.sum",
        "其中在职人员 = 2 parts",
        text,
        "事业人员1,030人",
        "事业人员1,040人",
    );
}

#[test]
fn parts_sum_of_pairs_naming_their_measure_only_on_the_second() {
    // Each part's budget named bare, then `支出…`: the bare ones are of the
    // budget the sentence before states, the others of its spending.
    let text = "（一）资金情况\n2023年河长制工作专项经费预算安排150.00万元，实际支出146.82万元，预算执行率97.88%。其中：河道保洁经费85.00万元，支出85.00万元；水质监测经费40.00万元，支出38.62万元；宣传培训经费25.00万元，支出23.20万元。\n";
    holds_then_fails(
        "parts.sum",
        "预算安排 = 3 parts",
        text,
        "宣传培训经费25.00",
        "宣传培训经费35.00",
    );
    holds_then_fails(
        "parts.sum",
        "实际支出 = 3 parts",
        text,
        "支出23.20",
        "支出33.20",
    );
}

#[test]
fn score_sum_of_a_pipe_form_flattened_onto_one_line() {
    // A pipe form run onto one line: its budget row prints its amounts with
    // their units, `150万` with the 元 left out, and is the first row of the
    // score table; the prose reader takes no label across a cell border.
    let text = "项目支出绩效自评表 | 项目资金 (万元) | | 预算数 | 执行数 | 执行率 | 分值 | 得分 | | | 年度财政资金总额 | 150万 | 143.4万元 | 95.6% | 20 | 19.12 | | 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | | | 产出指标 | 数量指标 | 培训人次 | 1000人次 | 1046人次 | 40 | 40 | | | | 成本指标 | 人均培训成本 | ≤1500元 | 1371元 | 20 | 20 | | | 满意度指标 | 服务对象满意度 | 参训人员满意度 | ≥90% | 95.1% | 20 | 18 | | 总分 | | | | | | 100 | 97.12 |\n";
    let f = holds_then_fails(
        "score.sum",
        "4 scores add up to 合计 97.12",
        text,
        "| 40 | 40 |",
        "| 40 | 39 |",
    );
    assert_eq!(stated(&f), "97.12");
    let f = holds_then_fails(
        "rate.mismatch",
        "143.4 / 150 = 95.6%",
        text,
        "95.6%",
        "96.6%",
    );
    assert_eq!(stated(&f), "96.6");
}

#[test]
fn score_total_of_a_forms_total_printed_alone_after_its_label() {
    // `自评总分 98.65` on a line of its own under a form's rows, groups with
    // their weights in their names: the form's total, and its last group
    // judged because the rows make that total.
    let text = "项目权重 评价内容 分值 自评分\n项目决策(10分) 决策依据 4 4 绩效目标 6 6\n项目管理(20分) 资金到位 5 5 预算执行 10 9.65 财务管理 5 5\n项目产出(40分) 维修工程数量 20 20 工程验收合格率 20 20\n项目效益(30分) 受益人口 20 20 满意度 10 9\n自评总分 98.65\n";
    let f = holds_then_fails(
        "score.total",
        "total score 98.65",
        text,
        "自评总分 98.65",
        "自评总分 97.65",
    );
    assert_eq!(stated(&f), "97.65");
    let f = holds_then_fails(
        "score.sum",
        "group 项目效益 weights add up to 30",
        text,
        "满意度 10 9",
        "满意度 11 9",
    );
    assert_eq!(stated(&f), "30");
}

#[test]
fn rate_mismatch_cries_no_wolf_over_a_row_whose_share_stands_under_an_amount() {
    // A form laid out in columns of spaces (a PDF's text with its layout):
    // the header's `年度预算数(万元)` titles the row labels and heads no
    // figures, so a row read against the header puts its 96.00% under 预算执行数
    // and its 10 分 under 执行率 (96 / 12 = 800% was called an error). A share
    // under an amount's column says the row's cells are not under their own.
    let text = "部门预算项目支出绩效自评表(2023年度)\n预算执行情况(10分)   年度预算数(万元)   年初预算   调整后预算数   预算执行数   预算执行率   权重   得分   原因\n总额   12.00   15.00   14.40   96.00%   10   9.6   1.执行率按执行数除以调整后预算数计算.\n其中:财政资金   12.00   15.00   14.40   96.00%   /   /\n单位资金   0.00   0.00   0.00   0.00%   /   /\n评价结论 项目按计划完成。\n";
    let f = check(text);
    assert!(f.iter().all(|f| f.severity != Severity::Error), "{f:?}");
}

#[test]
fn rate_mismatch_cries_no_wolf_over_a_rate_a_wrap_cut_at_a_lines_end() {
    // A form wrapped at a width (a PDF's text layer) cut its header and its
    // budget row: 100.00% became `10` / `0.00%`. The `10` ending the line,
    // under 执行率, may be cut there (10% against 260 / 260 was called an
    // error). Unwrapped, a wrong rate errs.
    let head = "    项目名称 农田水利设施维护经费\n    主管部门 实施单位 河湾区农业农村局\n    项目资金\n    (万元)\n    年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A\n) 得分\n";
    let wrapped = format!("{head}    年度资金总额: 260.00 260.00 260.00 10 10\n0.00% 10\n     其中:本年财政拨款 260.00 260.00 260.00 - \n-\n");
    let f = check(&wrapped);
    assert!(of(&f, "rate.mismatch").is_empty(), "{f:?}");
    let whole = format!("{head}    年度资金总额: 260.00 260.00 260.00 10 90.00% 10\n     其中:本年财政拨款 260.00 260.00 260.00 - -\n");
    let f = check(&whole);
    assert_eq!(of(&f, "rate.mismatch").len(), 1, "{f:?}");
}

#[test]
fn amount_product_of_an_average_per_a_count_stated_with_a_classifier_before_it() {
    // `覆盖行政村115个；开展文化礼堂活动1,380场次，平均每村12场次`: the 村 are
    // counted with a classifier in the clause before, a semicolon apart.
    let text =
        "更新农家书屋图书46,000册，覆盖行政村115个；开展文化礼堂活动1,380场次，平均每村12场次。\n";
    let f = holds_then_fails(
        "amount.product",
        "115 × 12 = 1380",
        text,
        "平均每村12场次",
        "平均每村13场次",
    );
    assert_eq!(stated(&f), "1380");
}

#[test]
fn rate_mismatch_takes_a_stated_budget_over_what_was_spent_and_is_left() {
    // The report states its full-year budget: the execution rate is over it,
    // not over spending plus balance (which hardly moves with the spending).
    let text = "项目年初预算13,800.96万元，全年预算调整为14,026.30万元。\n截至2023年12月31日，实际到位资金14,026.30万元；实际支出13,912.58万元，预算执行率99.19%，结余113.72万元。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "13912.58 / 14026.30",
        text,
        "实际支出13,912.58万元",
        "实际支出14,012.58万元",
    );
    assert_eq!(stated(&hit), "99.19");
    assert_eq!(hit.severity, Severity::Error);
    // Where no budget is stated, the two make the whole.
    let text = "截至2023年12月31日，项目资金到位1450万元；实际支出1380万元，预算执行率92%，资金结余120万元。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.rule == "rate.mismatch" && c.relation.contains("1380 / (1380 + 120)")),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_reads_sources_of_a_budget_adjusted_to_its_level_and_stops_at_a_new_sentence() {
    // `调整为` states the level the budget was adjusted to: its sources are its parts.
    let text = "项目年初预算13,800.96万元，全年预算调整为14,026.30万元，调增225.34万元。资金来源包括：中央补助资金9,818.41万元，省级补助资金2,805.26万元，县级配套资金1,402.63万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "全年预算调整 = 3 parts",
        text,
        "省级补助资金2,805.26",
        "省级补助资金2,815.26",
    );
    assert_eq!(stated(&hit), "14026.3");
    // A 决算's income parts end at their sentence: the balance carried in,
    // stated after a full stop, is no part of the year's income.
    let text = "本年收入合计2,218.16万元，其中：一般公共预算财政拨款收入2,095.40万元；事业收入86.20万元；其他收入36.56万元。年初结转和结余138.32万元。\n";
    holds_then_fails(
        "parts.sum",
        "本年收入合计 = 3 parts",
        text,
        "事业收入86.20",
        "事业收入87.20",
    );
}

#[test]
fn value_conflict_cries_no_wolf_over_the_years_first_budget_restated_before_its_adjustment() {
    // The 概况's unqualified total is the 年初 budget the next paragraph restates
    // and adjusts: no second full-year budget.
    let text = "2023年度城乡居民基本医疗保险财政补助资金绩效自评报告\n一、项目基本情况\n（一）项目概况\n为保障城乡居民基本医疗需求，2023年县财政安排城乡居民基本医疗保险财政补助资金。全县参保人数为215,640人，人均财政补助标准640元，补助资金总额13,800.96万元。\n（二）资金投入和使用情况\n项目年初预算13,800.96万元，全年预算调整为14,026.30万元，调增225.34万元，调整率1.63%。资金来源包括：中央补助资金9,818.41万元，省级补助资金2,805.26万元，县级配套资金1,402.63万元。截至2023年12月31日，实际到位资金14,026.30万元，到位率100%；实际支出13,912.58万元，预算执行率99.19%，结余113.72万元。\n";
    let doc = jixiao_ingest::read(text.as_bytes()).expect("readable text");
    let report = jixiao_extract::extract(&doc);
    let yuan = |wan: &str| {
        wan.parse::<jixiao_model::Decimal>()
            .ok()
            .map(|d| d * jixiao_model::Decimal::from(10_000))
    };
    assert_eq!(report.budget.initial, yuan("13800.96"));
    assert_eq!(report.budget.adjusted, yuan("14026.30"));
    let f = jixiao_validate::check(&report);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn rate_mismatch_reads_the_rate_column_of_a_block_of_sources_across_and_stages_down() {
    // Pipes around blank cells: the 执行率 column only the last stage fills.
    let text = "2023年度项目支出绩效自评表\n| 项目资金（万元） | 资金来源 | 中央 | 省级 | 县级 | 合计 | 执行率 |\n| | 年初预算数 | 150.00 | 60.00 | 40.00 | 250.00 | |\n| | 全年预算数 | 150.00 | 60.00 | 52.00 | 262.00 | |\n| | 全年执行数 | 150.00 | 58.20 | 45.60 | 253.80 | 96.87% |\n| 年度总体目标 | 完成32处农村供水工程维修养护。 | | | | | |\n";
    let hit = holds_then_fails("rate.mismatch", "253.80 / 262.00", text, "96.87%", "97.87%");
    assert_eq!(stated(&hit), "97.87");
    holds_then_fails(
        "parts.sum",
        "合计 全年预算数 = 3 parts",
        text,
        "| 52.00 |",
        "| 53.00 |",
    );
}

#[test]
fn parts_sum_reads_two_qizhong_runs_of_a_table_one_cell_per_line_each_under_its_row() {
    let cells = [
        "单位：万元",
        "项目",
        "计划安排数",
        "资金到位数",
        "实际支出数",
        "基本支出",
        "412.36",
        "412.36",
        "405.18",
        "其中：人员经费",
        "356.20",
        "356.20",
        "352.74",
        "公用经费",
        "56.16",
        "56.16",
        "52.44",
        "项目支出",
        "288.50",
        "276.30",
        "251.62",
        "其中：文化惠民工程",
        "120.00",
        "120.00",
        "112.40",
        "全民健身设施",
        "98.50",
        "86.30",
        "79.82",
        "非遗保护传承",
        "70.00",
        "70.00",
        "59.40",
        "合计",
        "700.86",
        "688.66",
        "656.80",
    ];
    let text = cells.join("\n\n") + "\n";
    holds_then_fails(
        "parts.sum",
        "合计 预算数 = 2 rows",
        &text,
        "合计\n\n700.86",
        "合计\n\n701.86",
    );
    let hit = holds_then_fails(
        "parts.sum",
        "基本支出 预算数 ≥ the 2 rows under it",
        &text,
        "公用经费\n\n56.16",
        "公用经费\n\n57.16",
    );
    assert_eq!(stated(&hit), "412.36");
    holds_then_fails(
        "parts.sum",
        "项目支出 执行数 ≥ the 3 rows under it",
        &text,
        "79.82",
        "89.82",
    );
}

#[test]
fn rate_mismatch_reads_bare_shares_after_a_first_naming_its_whole() {
    let text = "截至2023年12月31日，累计支出5,136.42万元。资金支出主要用于：建安工程费4,618.25万元，占支出总额的89.91%；工程建设其他费312.67万元，占6.09%；预备费205.50万元，占4.00%。\n";
    let hit = holds_then_fails("rate.mismatch", "312.67", text, "占6.09%", "占6.19%");
    assert_eq!(stated(&hit), "6.19");
    holds_then_fails(
        "rate.mismatch",
        "4618.25",
        text,
        "占支出总额的89.91%",
        "占支出总额的88.91%",
    );
    // Two shares to two decimals, one holding over the amounts' sum: the other
    // is of that sum too.
    let two = "2023年全镇一般公共预算收入完成3,268万元，为年初预算3,100万元的105.42%。其中：税收收入2,415万元，占73.90%；非税收入853万元，占26.10%。\n";
    holds_then_fails("rate.mismatch", "2415", two, "占73.90%", "占74.00%");
    // Some uses only, over a larger whole: their shares are no split of their sum.
    let some = "资金支出主要用于：设备购置费3,000.00万元，占支出总额的60.00%；安装费1,500.00万元，占30.00%；监理费400.00万元，占8.00%。\n";
    let (f, _) = traced(some);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn rate_mismatch_reads_a_numbered_table_of_places_with_what_each_received() {
    // A 序号 column makes no list of line items of a table that prints what was
    // received: its 拨付率 and 支出率 columns are read as a budget table's.
    let text = "单位：万元\n| 序号 | 乡镇 | 下达资金 | 已拨付 | 拨付率 | 已支出 | 支出率 |\n| 1 | 城关镇 | 86.00 | 86.00 | 100.00% | 82.30 | 95.70% |\n| 2 | 河口镇 | 64.50 | 60.20 | 93.33% | 55.40 | 85.89% |\n| 3 | 新华乡 | 52.30 | 52.30 | 100.00% | 52.30 | 100.00% |\n| 4 | 石桥乡 | 47.20 | 45.00 | 95.34% | 41.80 | 88.56% |\n| 合计 | | 250.00 | 243.50 | 97.40% | 231.80 | 92.72% |\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "河口镇 到位率 60.20 / 64.50",
        text,
        "93.33%",
        "94.33%",
    );
    assert_eq!(stated(&hit), "94.33");
    holds_then_fails(
        "parts.sum",
        "合计 实际到位数 = the 4 rows above it",
        text,
        "| 45.00 |",
        "| 46.00 |",
    );
}

#[test]
fn rate_mismatch_reads_a_base_stated_in_brackets_right_after_the_rate() {
    let text = "2023年度实际支出13,852.66万元。其中：基本支出4,215.38万元，执行率98.62%（基本支出预算4,274.32万元）；项目支出9,637.28万元，执行率95.43%（项目支出预算10,098.68万元）。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "4215.38 / 4274.32",
        text,
        "98.62%",
        "97.62%",
    );
    assert_eq!(stated(&hit), "97.62");
    holds_then_fails(
        "rate.mismatch",
        "9637.28 / 10098.68",
        text,
        "10,098.68",
        "10,198.68",
    );
    // A bracket of another amount (what is left) gives the rate no base.
    let other = "其中：基本支出4,215.38万元，执行率98.62%（结余58.94万元）。\n";
    let (f, checks) = traced(other);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks
            .iter()
            .any(|c| c.relation.contains("4215.38 / 58.94")),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_reads_group_scores_in_brackets_after_their_full_marks() {
    // `产出指标50分（得分47分）`: the marks outside, the score in the bracket.
    let text = "项目自评得分93分，其中：预算执行率10分（得分9.84分），产出指标50分（得分47分），效益指标30分（得分27.16分），满意度指标10分（得分9分）。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "项目自评得分 = its 4 parts",
        text,
        "得分27.16分",
        "得分28.16分",
    );
    assert_eq!(stated(&hit), "93");
}

#[test]
fn parts_sum_reads_a_total_taking_in_an_amount_stated_a_paragraph_before() {
    let text = "2023年全镇一般公共预算收入完成3,268万元，为年初预算3,100万元的105.42%。\n上级补助收入6,120万元，上年结转412万元，调入资金180万元，收入总计9,980万元。\n";
    holds_then_fails(
        "parts.sum",
        "收入总计 totals 4 amounts",
        text,
        "上年结转412",
        "上年结转422",
    );
    // Far short of its total, with no amount before to make up the rest: a
    // total may take in what the excerpt does not show, a warning.
    let short = "上级补助收入6,120万元，上年结转412万元，调入资金180万元，收入总计9,980万元。\n";
    let f = check(short);
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
}

#[test]
fn parts_sum_reads_a_total_pointing_back_at_the_numbered_items_before_it() {
    let text = "二、项目资金使用情况\n（一）农村道路建设项目：年初预算320.00万元，全年预算350.00万元，实际支出342.60万元，执行率97.89%。\n（二）小型水利设施维修项目：年初预算180.00万元，全年预算180.00万元，实际支出165.30万元，执行率91.83%。\n（三）村级公益设施补助项目：年初预算100.00万元，全年预算96.00万元，实际支出96.00万元，执行率100%。\n以上三个项目全年预算合计626.00万元，实际支出合计603.90万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "实际支出合计 = its 3 parts",
        text,
        "603.90",
        "613.90",
    );
    assert_eq!(stated(&hit), "613.9");
    holds_then_fails(
        "parts.sum",
        "全年预算 = its 3 parts",
        text,
        "全年预算350.00",
        "全年预算340.00",
    );
    // Items numbered out of order (no item 1) point back at nothing.
    let gap = text.replace("（一）农村道路", "（四）农村道路");
    let (_, checks) = traced(&gap);
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
}

#[test]
fn amount_product_takes_the_count_in_the_standards_own_unit() {
    // 人均 is per 人: the clause's 28,460人, not the 38,652人次 of the whole.
    let text = "全年共救助困难群众38,652人次，其中：资助参加城乡居民医保28,460人，资助金额1,092.84万元，人均资助384元；门诊救助1,236人次，救助金额184.30万元。\n";
    let hit = holds_then_fails(
        "amount.product",
        "28460 × 384",
        text,
        "1,092.84",
        "1,102.84",
    );
    assert_eq!(stated(&hit), "1102.84");
}

#[test]
fn parts_sum_judges_a_total_above_its_rows_where_prose_follows_the_table() {
    // A 合计 above its rows is only sure to exceed them where the excerpt may
    // end inside the table; a sentence after it says the table ended whole.
    let table = "单位：万元\n| 项目 | 2022年决算数 | 2023年预算数 | 2023年决算数 |\n| 合计 | 36.52 | 40.10 | 33.18 |\n| 因公出国（境）费 | 0.00 | 0.00 | 0.00 |\n| 公务用车运行维护费 | 28.30 | 30.00 | 26.42 |\n| 公务接待费 | 8.22 | 10.00 | 6.76 |\n";
    let f = check(table);
    assert!(of(&f, "parts.sum").is_empty(), "{f:?}");
    let text = format!("{table}2023年“三公”经费决算33.18万元，比上年减少3.34万元。\n");
    let f = check(&text);
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(stated(hits[0]), "40.1");
}

#[test]
fn parts_sum_reads_a_second_breakdown_of_the_whole_the_sentence_before_broke_down() {
    let text = "2023年共落实各类学生资助资金1,468.52万元，资助学生12,856人次。按资金来源分，中央资金986.40万元，省级资金312.36万元，市县资金169.76万元。按学段分，学前教育资助168.30万元（3,366人次），义务教育阶段生活补助523.75万元（6,985人次），普通高中国家助学金486.00万元（2,430人次），中职国家助学金290.47万元（75人次）。\n";
    let hit = holds_then_fails("parts.sum", "= 4 parts", text, "486.00万元", "496.00万元");
    assert_eq!(stated(&hit), "1468.52");
}

#[test]
fn rate_mismatch_reads_a_change_opening_its_paragraph_of_a_level_named_before() {
    let text = "（三）部门支出情况\n2023年度本部门支出合计3,256.74万元，其中：基本支出2,108.36万元，项目支出1,148.38万元。\n与上年相比，支出合计增加186.42万元，增长6.07%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "186.42 / (3256.74 − 186.42)",
        text,
        "增长6.07%",
        "增长6.17%",
    );
    assert_eq!(stated(&hit), "6.17");
    // Named twice before: unsure which, no relation.
    let twice = text.replace("（三）部门支出情况", "上年支出合计3,070.32万元。");
    let (f, checks) = traced(&twice);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.contains("186.42 /")),
        "{checks:?}"
    );
}

#[test]
fn balance_mismatch_reads_the_titles_fund_received_by_the_reporting_body() {
    // `我县共收到…转移支付资金` in a report on that fund is the report's whole:
    // what is left of it after spending is its balance.
    let text = "2023年度农村综合改革转移支付资金绩效自评报告\n2023年我县共收到农村综合改革转移支付资金856万元。\n截至2023年12月31日，已支出资金812.5万元，结余43.5万元。\n";
    let hit = holds_then_fails(
        "balance.mismatch",
        "856 − 812.5",
        text,
        "结余43.5",
        "结余44.5",
    );
    assert_eq!(stated(&hit), "44.5");
}

#[test]
fn rate_mismatch_reads_a_level_dated_the_year_its_change_compares_with_as_the_base() {
    let text = "截至2023年12月底，实际支出1,296.40万元。2022年该项目实际支出1,105.60万元，2023年较2022年增加190.80万元，增长17.26%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "190.80 / 1105.60",
        text,
        "增长17.26%",
        "增长17.56%",
    );
    assert_eq!(stated(&hit), "17.56");
    // Last year's figure is no second statement of this year's spending.
    let (f, _) = traced(text);
    assert!(of(&f, "value.conflict").is_empty(), "{f:?}");
}

#[test]
fn rate_mismatch_reads_what_was_done_over_what_should_have_been() {
    let text = "2023年县财政安排农村改厕奖补资金372.60万元。\n按照每户1,800元标准，应拨付奖补资金368.28万元，实际拨付362.16万元，拨付率98.34%。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "362.16 / 368.28",
        text,
        "拨付率98.34%",
        "拨付率98.64%",
    );
    assert_eq!(stated(&hit), "98.64");
}

#[test]
fn rate_mismatch_reads_a_rate_of_counts_over_the_counts_its_words_name_sections_before() {
    let text = "一、部门概况\n核定事业编制25名，年末实有在编人员23名，编外聘用人员6名；退休人员11名。\n三、绩效指标完成情况\n人员控制率92.00%；公用经费控制率97.61%（公用经费预算53.54万元，实际支出52.26万元）。\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "23 / 25",
        text,
        "人员控制率92.00%",
        "人员控制率93.00%",
    );
    assert_eq!(hit.severity, Severity::Warning);
    // A rate of money is no rate of those counts.
    let (_, checks) = traced(text);
    assert!(!checks.iter().any(|c| c.relation.contains("23 / 25") && c.stated.number.value.to_string() == "97.61"), "{checks:?}");
}

#[test]
fn parts_sum_reads_a_forms_fields_one_per_line_in_the_unit_of_their_heading() {
    // `全年预算数（A）：892.50` under `资金投入情况（万元）`: each line a field
    // and its figure, in the heading's unit; the sources after the rate may
    // be of the budget or of what was spent, and add up to the budget.
    let text = "资金投入情况（万元）\n全年预算数（A）：892.50\n全年执行数（B）：880.10\n执行率（B/A）：98.61%\n其中：中央补助：680.00\n市级资金：127.50\n本级资金：85.00\n";
    holds_then_fails(
        "rate.mismatch",
        "880.10 / 892.50 = 98.61%",
        text,
        "（B）：880.10",
        "（B）：870.10",
    );
    let hit = holds_then_fails(
        "parts.sum",
        "全年预算数 = 3 parts",
        text,
        "市级资金：127.50",
        "市级资金：137.50",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Sources adding up to what was spent hold too; to neither, they fail.
    let spent = "资金投入情况（万元）\n全年预算数（A）：892.50\n全年执行数（B）：880.10\n执行率（B/A）：98.61%\n其中：中央补助：680.00\n市级资金：115.10\n本级资金：85.00\n";
    holds_then_fails(
        "parts.sum",
        "全年执行数 = 3 parts",
        spent,
        "本级资金：85.00",
        "本级资金：95.00",
    );
    // Several fields on one line, spaced apart.
    let line = "项目资金（万元）\n全年预算数：1,380.00  全年执行数：1,352.40  执行率：98.00%\n";
    holds_then_fails(
        "rate.mismatch",
        "1352.40 / 1380.00 = 98.00%",
        line,
        "1,352.40",
        "1,362.40",
    );
}

#[test]
fn balance_mismatch_of_the_years_budget_where_the_one_at_its_start_is_stated_too() {
    // 年初 and 全年 budgets both named 预算: what is left is of the year's.
    let text = "年初预算数500.00万元，全年预算数520.00万元，全年执行数498.00万元，执行率95.77%，结余资金22.00万元。\n";
    let hit = holds_then_fails(
        "balance.mismatch",
        "520.00 − 498.00 = 22.00",
        text,
        "结余资金22.00",
        "结余资金24.00",
    );
    assert_eq!(hit.severity, Severity::Error);
    // What is left of the budget at the year's start is no error.
    let (f, _) = traced(
        "年初预算数500.00万元，全年预算数520.00万元，全年执行数498.00万元，结余资金2.00万元。\n",
    );
    assert!(of(&f, "balance.mismatch").is_empty(), "{f:?}");
}

#[test]
fn parts_sum_takes_no_whole_across_a_count_between_it_and_the_key() {
    // Field lines written out as one sentence: the 其中 sources follow a count,
    // another subject, and the amount before it is not their whole.
    let text = "资金投入情况（万元）\n项目编号：2023001258\n全年预算数：520.00\n全年执行数：498.00\n执行率：95.77%\n分值：10\n得分：9.58\n结余资金：22.00\n培训人次：3200\n其中：中央资金：300.00\n省级资金：120.00\n县级资金：100.00\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.rule == "balance.mismatch" && c.relation.contains("520.00 − 498.00")),
        "{checks:?}"
    );
    // The score, its full marks and the count under the money caption are no money.
    let doc = jixiao_ingest::read(text.as_bytes()).expect("readable text");
    let report = jixiao_extract::extract(&doc);
    let money: Vec<String> = report
        .facts
        .iter()
        .filter(|f| f.yuan.is_some())
        .map(|f| f.label.clone())
        .collect();
    assert!(
        !money
            .iter()
            .any(|l| ["分值", "得分", "培训人次", "项目编号"].contains(&l.as_str())),
        "{money:?}"
    );
}

#[test]
fn parts_sum_reads_each_of_a_forms_fields_broken_down_in_its_own_clause() {
    // The budget and what was spent each broken down by source, field by
    // field: the second 其中 opens the next field's list, and the rate after
    // it is the project's, not a source's.
    let text = "项目资金（万元）：\n全年预算数：300.00\n其中：财政资金：280.00\n其他资金：20.00\n全年执行数：295.50\n其中：财政资金：277.50\n其他资金：18.00\n执行率：98.50%\n";
    holds_then_fails(
        "parts.sum",
        "全年预算数 = 2 parts",
        text,
        "其他资金：20.00",
        "其他资金：25.00",
    );
    holds_then_fails(
        "parts.sum",
        "全年执行数 = 2 parts",
        text,
        "其他资金：18.00",
        "其他资金：28.00",
    );
    holds_then_fails(
        "rate.mismatch",
        "295.50 / 300.00 = 98.50%",
        text,
        "98.50%",
        "96.50%",
    );
}

#[test]
fn value_conflict_reads_fields_under_a_caption_naming_a_part_as_the_parts() {
    // `“三公”经费（万元）` over its own 全年预算数 / 全年执行数: no other
    // statement of the department's.
    let text = "年度预算执行情况（万元）\n全年预算数：4,105.36\n全年执行数：4,012.77\n执行率：97.74%\n“三公”经费（万元）\n全年预算数：18.60\n全年执行数：15.24\n其中：公务接待费：3.12\n公务用车运行维护费：12.12\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.rule == "parts.sum" && c.relation.contains("全年执行数 = 2 parts")),
        "{checks:?}"
    );
    // The department's own figures stated twice alike are still compared.
    let f = check(
        &format!("{text}全年预算数4,105.36万元，全年执行数4,012.77万元。\n")
            .replace("4,012.77万元", "4,112.77万元"),
    );
    assert!(!of(&f, "value.conflict").is_empty(), "{f:?}");
}

#[test]
fn balance_mismatch_of_two_years_rates_a_clause_apart_or_one_in_brackets() {
    // Last year's rate closing the clause before this year's, then the change.
    let text =
        "2022年部门预算执行率为96.00%；2023年部门预算执行率为98.33%，较上年提高2.33个百分点。\n";
    let hit = holds_then_fails(
        "balance.mismatch",
        "98.33 − 96.00 = 2.33",
        text,
        "2.33个",
        "3.33个",
    );
    assert_eq!(hit.severity, Severity::Error);
    // Last year's rate in brackets after the words naming it.
    let text = "本年度预算执行率为98.33%，比上年度（96.00%）提高了2.33个百分点。\n";
    holds_then_fails(
        "balance.mismatch",
        "98.33 − 96.00 = 2.33",
        text,
        "（96.00%）",
        "（95.00%）",
    );
    // Another measure in the clause before is no last year's level.
    let (_, checks) = traced(
        "2022年部门预算执行率为96.00%；2023年群众满意度为98.33%，较上年提高2.33个百分点。\n",
    );
    assert!(
        !checks.iter().any(|c| c.relation.contains("98.33 − 96.00")),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_ends_a_list_where_the_sentence_moves_on_to_the_next_stage_of_the_budget() {
    // After the budget's sources comes what was spent of it and what is left:
    // the 结余 is no source.
    let text = "全年预算数500.00万元，其中：中央资金300.00万元，省级资金200.00万元，全年执行数480.00万元，结余20.00万元。\n";
    let hit = holds_then_fails(
        "parts.sum",
        "全年预算数 = 2 parts",
        text,
        "省级资金200.00",
        "省级资金210.00",
    );
    assert_eq!(hit.severity, Severity::Error);
    let (_, checks) = traced(text);
    assert!(
        checks
            .iter()
            .any(|c| c.rule == "balance.mismatch" && c.relation.contains("500.00 − 480.00")),
        "{checks:?}"
    );
}

#[test]
fn value_conflict_reads_alike_field_blocks_under_captions_of_their_own_as_several_subjects() {
    // Two projects' fields, each block under its own caption: no one figure
    // stated twice, and each block's rate over its own amounts.
    let text = "项目一：A项目（万元）\n全年预算数：120.00\n全年执行数：118.00\n执行率：98.33%\n项目二：B项目（万元）\n全年预算数：80.00\n全年执行数：76.00\n执行率：95.00%\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "value.conflict"),
        "{checks:?}"
    );
    holds_then_fails(
        "rate.mismatch",
        "76.00 / 80.00 = 95.00%",
        text,
        "全年执行数：76.00",
        "全年执行数：77.00",
    );
}

#[test]
fn parts_sum_reads_each_breakdown_under_a_heading_row_of_its_own() {
    // `按收入性质分` and `按支出性质分` on rows of their own, each opening a
    // 其中 run: two breakdowns of one total, not one of four rows.
    let text = "| 年度预算安排（万元） | 年初预算数 | 全年预算数 | 全年执行数 |\n\
                | 年度总金额 | 1,264.30 | 1,388.56 | 1,352.04 |\n\
                | 按收入性质分 | | | |\n\
                | 其中：一般公共预算 | 1,214.30 | 1,338.56 | 1,302.04 |\n\
                | 政府性基金预算 | 50.00 | 50.00 | 50.00 |\n\
                | 按支出性质分 | | | |\n\
                | 其中：基本支出 | 862.40 | 901.36 | 901.36 |\n\
                | 项目支出 | 401.90 | 487.20 | 450.68 |\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    let sums = checks
        .iter()
        .filter(|c| {
            c.rule == "parts.sum"
                && c.relation.contains("年度总金额")
                && c.relation.contains("2 parts")
        })
        .count();
    assert_eq!(sums, 6, "{checks:?}");
    let hit = check(&text.replace("| 项目支出 | 401.90", "| 项目支出 | 402.90"));
    assert_eq!(of(&hit, "parts.sum").len(), 1, "{hit:?}");
}

#[test]
fn rate_mismatch_of_a_projects_line_is_over_the_funds_its_own_sentence_names() {
    // Each project's 支出进度 over its own 债券资金, not over the batch's 共计.
    let text = "共发行专项债券3批次，共计86,500万元。其中第一批32,000万元，第二批28,500万元，第三批26,000万元。\n\
                市第二人民医院新院区建设项目：债券资金30,000万元，已支出29,100万元，支出进度97.00%；\n";
    let hit = holds_then_fails(
        "rate.mismatch",
        "29100 / 30000 = 97.00%",
        text,
        "支出进度97.00%",
        "支出进度98.00%",
    );
    assert_eq!(hit.severity, Severity::Warning);
}

#[test]
fn rate_mismatch_of_numbered_items_named_by_what_they_fund() {
    // `2.幼儿资助：` names an item as `1.…运转补助：` does: its 预算 is the
    // item's, the 执行率 over it.
    let text = "实际支出886.40万元，资金执行率96.35%。\n\
                1.普惠性幼儿园运转补助：预算520万元，支出512.80万元，执行率98.62%；\n\
                2.幼儿资助：预算300万元，支出288.60万元，执行率96.20%；\n\
                3.教师培训：预算100万元，支出85.00万元，执行率85.00%。\n";
    holds_then_fails(
        "rate.mismatch",
        "288.60 / 300 = 96.20%",
        text,
        "执行率96.20%",
        "执行率97.20%",
    );
    holds_then_fails(
        "rate.mismatch",
        "85.00 / 100 = 85.00%",
        text,
        "执行率85.00%",
        "执行率86.00%",
    );
}

#[test]
fn score_sum_of_a_table_headed_by_the_bare_word_for_indicators() {
    let text = "综合评价得分91.3分。各项指标得分情况如下：\n指标 分值 得分 得分率\n决策 15 14 93.33%\n过程 25 22.5 90.00%\n产出 35 32.8 93.71%\n效益 25 22 88.00%\n合计 100 91.3 91.30%\n";
    holds_then_fails(
        "score.sum",
        "4 scores add up to 合计 91.3",
        text,
        "过程 25 22.5",
        "过程 25 23.5",
    );
}

#[test]
fn parts_sum_of_kinds_counted_after_a_sentence_stating_what_was_done() {
    // `其中` opening the next sentence lists the kinds of the count done, not
    // of the one planned.
    let text = "全年计划培训高素质农民600人，实际培训620人，完成率103.33%。其中经营管理型210人，专业生产型290人，技能服务型120人。\n";
    holds_then_fails(
        "parts.sum",
        "实际培训 = 3 kinds of it",
        text,
        "技能服务型120人",
        "技能服务型130人",
    );
    // Kinds named by heads of one to three characters are grades as before;
    // people under headings that are no classification are not summed.
    let (_, checks) = traced(
        "全年实际培训高素质农民620人。其中青年农民210人，返乡创业人员290人，女性农民120人。\n",
    );
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
}

#[test]
fn amount_product_of_a_standard_whose_count_an_earlier_section_states() {
    // The 公里 done in the 产出 section, the standard and what was spent in
    // the 成本 one.
    let text = "（一）产出\n全年完成农村公路日常养护里程3,260公里，占养护总里程3,412公里的95.55%。\n（二）成本\n每公里日常养护成本4,500元，日常养护支出1,467.00万元。\n";
    let hit = holds_then_fails(
        "amount.product",
        "3260 × 4500 = 1467.00",
        text,
        "1,467.00万元",
        "1,477.00万元",
    );
    // (Which count it is per is inferred: a warning.)
    assert_eq!(hit.severity, Severity::Warning);
    // A plan naming it stands for what was done, stated beside it.
    let text = "1.数量指标：计划完成农村户厕改造1,500户，实际完成1,526户，完成率101.73%。\n4.成本指标：户厕改造户均补助2,000元，实际补助305.20万元。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.rule == "amount.product" && c.relation.contains("1526 × 2000")),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_of_sources_after_their_key_whatever_their_names_say_of_how_they_came() {
    // `省级下达补助资金` names how the funds came (下达), yet after `资金来源为：`
    // it is one of the investment's sources.
    let text = "一、项目资金情况\n本项目总投资1,580万元，资金来源为：省级下达补助资金900万元，县级配套资金680万元。\n";
    holds_then_fails(
        "parts.sum",
        "本项目总投资 = 2 parts",
        text,
        "县级配套资金680",
        "县级配套资金690",
    );
    // Without the key, what was released of a plan is no part of it.
    let (_, checks) = traced(
        "一、项目资金情况\n计划总投资1,580万元，其中省级补助资金900万元，县级配套资金680万元，2023年下达省级资金300万元。\n",
    );
    assert!(
        !checks
            .iter()
            .any(|c| c.rule == "parts.sum" && c.relation.contains("3 parts")),
        "{checks:?}"
    );
}

#[test]
fn amount_product_of_a_standard_per_square_metre() {
    let text = "项目计划对全县18所学校实施校舍维修改造，改造面积26,500平方米，总投资1,855万元，每平方米改造成本700元。\n";
    holds_then_fails(
        "amount.product",
        "26500 × 700 = 1855",
        text,
        "26,500平方米",
        "27,500平方米",
    );
}

#[test]
fn balance_mismatch_of_a_sentence_opening_on_last_years_level() {
    // The comparison opens its own sentence; this year's level opened the one
    // before (its parts listed after it).
    let text = "一、收入情况\n2023年度本单位收入合计1,426.58万元，其中财政拨款收入1,380.26万元，其他收入46.32万元。与2022年度的1,352.40万元相比，增加74.18万元，增长5.49%。\n";
    holds_then_fails(
        "balance.mismatch",
        "1426.58 − 1352.40 = 74.18",
        text,
        "增加74.18",
        "增加75.18",
    );
    holds_then_fails(
        "rate.mismatch",
        "(1426.58 − 1352.40) / 1352.40 = 5.49%",
        text,
        "增长5.49%",
        "增长6.49%",
    );
}

#[test]
fn parts_sum_of_deductions_and_the_deduction_they_total() {
    let text = "四、评价结论\n评价组逐项评分，决策指标扣1分，过程指标扣1.5分，产出指标扣2分，效益指标扣0.5分，共扣5分，综合得分95分。\n";
    holds_then_fails(
        "parts.sum",
        "共扣 totals 4 amounts",
        text,
        "过程指标扣1.5分",
        "过程指标扣2.5分",
    );
    // Scores and deductions together make no list.
    let (_, checks) =
        traced("四、评价结论\n决策指标扣1分，过程指标扣1.5分，产出指标得分38分，共扣2.5分。\n");
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
}

#[test]
fn rate_mismatch_of_funds_received_is_no_ratio_of_what_was_spent() {
    // A form's 资金到位率 beside its 全年执行数 and 全年预算数: what was spent
    // is no measure of what arrived (a false error).
    let f = check("资金情况：全年预算数96.00万元，全年执行数92.16万元，资金到位率100%。\n");
    assert!(of(&f, "rate.mismatch").is_empty(), "{f:?}");
    // What arrived is: over the budget.
    holds_then_fails(
        "rate.mismatch",
        "96.00 / 96.00 = 100%",
        "全年预算数96.00万元，实际到位96.00万元，全年执行数92.16万元，资金到位率100%。\n",
        "资金到位率100%",
        "资金到位率98%",
    );
}

#[test]
fn score_sum_of_each_groups_subtotal_row_closing_its_rows() {
    let text = "| 一级指标 | 二级指标 | 分值 | 得分 |\n\
                | 决策 | 目标设定 | 6 | 6 |\n\
                | | 预算编制 | 8 | 7 |\n\
                | 小计 | | 14 | 13 |\n\
                | 过程 | 预算执行 | 14 | 13.2 |\n\
                | | 预算管理 | 10 | 9 |\n\
                | | 资产管理 | 6 | 5.5 |\n\
                | 小计 | | 30 | 27.7 |\n\
                | 产出 | 职责履行 | 36 | 34 |\n\
                | 小计 | | 36 | 34 |\n\
                | 效益 | 履职效益 | 20 | 18.5 |\n\
                | 小计 | | 20 | 18.5 |\n\
                | 合计 | | 100 | 93.2 |\n";
    holds_then_fails(
        "score.sum",
        "group 过程's 3 scores add up to 小计 27.7",
        text,
        "| 30 | 27.7 |",
        "| 30 | 28.7 |",
    );
    holds_then_fails(
        "score.sum",
        "group 决策's 2 weights add up to 小计 14",
        text,
        "| 14 | 13 |",
        "| 15 | 13 |",
    );
    // A 小计 printed above its group's rows is not judged against the rows
    // of the group before it.
    let leading = "| 一级指标 | 二级指标 | 分值 | 得分 |\n\
                   | 小计 | | 14 | 13 |\n\
                   | 决策 | 目标设定 | 6 | 6 |\n\
                   | | 预算编制 | 8 | 7 |\n\
                   | 小计 | | 30 | 27.7 |\n\
                   | 过程 | 预算执行 | 14 | 13.2 |\n\
                   | | 预算管理 | 16 | 14.5 |\n";
    let (f, checks) = traced(leading);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.contains("小计")),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_of_income_by_source_then_what_was_carried_over_clause_by_clause() {
    // A department budget's income: sources in `；` clauses, the last what was
    // carried over (no 收入 in its name); a change on last year's budget in
    // the first clause is no part.
    let text = "一、收支预算总体情况\n2024年收入预算总计5,632.18万元，其中：一般公共预算拨款收入5,218.40万元，比2023年预算增加312.56万元；政府性基金预算拨款收入0万元；事业收入286.00万元；上年结转127.78万元。\n";
    holds_then_fails(
        "parts.sum",
        "2024年收入预算 = 4 parts",
        text,
        "上年结转127.78",
        "上年结转137.78",
    );
}

#[test]
fn parts_sum_of_amounts_in_clauses_that_state_points_and_counts_first() {
    // Projects by score band: each clause's points and count before its
    // amount, the amounts the list.
    let text = "本部门2023年共有12个项目开展绩效自评，涉及资金3,486.20万元。其中：自评得分90分（含）以上的项目9个，涉及资金2,986.40万元；80（含）-90分的项目2个，涉及资金412.80万元；80分以下的项目1个，涉及资金87.00万元。\n";
    holds_then_fails(
        "parts.sum",
        "涉及资金 = 3 parts",
        text,
        "涉及资金412.80",
        "涉及资金422.80",
    );
}

#[test]
fn amount_product_of_funds_set_by_a_standard_is_the_budget_its_sentence_states() {
    // `按每校每年9万元标准安排`: the budget is 52 schools × 9万元.
    let text =
        "项目预算资金468万元，用于全区52所中小学、幼儿园购买安保服务，按每校每年9万元标准安排。\n";
    holds_then_fails(
        "amount.product",
        "52 × 9 = 468",
        text,
        "预算资金468万元",
        "预算资金478万元",
    );
    // 按 after the fund's name opens the standard all the same.
    let text = "2023年基本公共卫生服务补助资金按人均89元标准安排，全县常住人口41.26万人，应安排资金3,672.14万元。\n";
    holds_then_fails(
        "amount.product",
        "41.26万 × 89 = 3672.14",
        text,
        "应安排资金3,672.14",
        "应安排资金3,692.14",
    );
}

#[test]
fn parts_sum_of_people_each_period_in_a_total_of_person_times() {
    let text = "春季学期补助1,046人，秋季学期补助1,078人，合计2,124人次。\n";
    holds_then_fails(
        "parts.sum",
        "合计 totals 2 amounts",
        text,
        "秋季学期补助1,078人",
        "秋季学期补助1,088人",
    );
    // People are no total of person-times.
    let (_, checks) = traced("春季学期补助1,046人次，秋季学期补助1,078人次，合计2,124人。\n");
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
}

#[test]
fn parts_sum_of_a_subtotal_column_left_of_its_parts_after_a_seq_column() {
    // `序号 | 地区 | 小计 | …`: the names in the second column, the 小计 the
    // first of the summed ones, a part's blank cell nothing allotted.
    let grid = "资金下达情况（单位：万元）\n| 序号 | 地区 | 小计 | 一般项目 | 重点项目 | 绩效奖励 |\n| 合计 | | 1,460 | 760 | 300 | 400 |\n| 1 | 市本级 | 180 | 180 | | |\n| 2 | 甲县 | 640 | 300 | 140 | 200 |\n| 3 | 乙县 | 640 | 280 | 160 | 200 |\n";
    let (f, checks) = traced(grid);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "甲县 小计 = its 3 columns"
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    // (The slip breaks the 小计 column's sum too.)
    let f = check(&grid.replace("| 640 | 300", "| 650 | 300"));
    let row: Vec<&Finding> = of(&f, "parts.sum")
        .into_iter()
        .filter(|f| f.message.starts_with("甲县 小计 stated 650"))
        .collect();
    assert_eq!(row.len(), 1, "{f:?}");
    assert_eq!(row[0].severity, Severity::Error, "{f:?}");
    // Each column against the 合计 row as well.
    let (_, checks) = traced(grid);
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "合计 一般项目 = its 3 rows"
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_of_a_subtotal_column_printed_one_cell_per_line_its_blanks_lost() {
    // A web table copied one cell per line: units under the names, `合  计`
    // spaced out, a row's blank cells gone, the page cut in a row.
    let text = "下达情况如下：\n\n序号\n\n地  区\n\n小计\n\n一般项目\n\n(万元)\n\n重点项目\n\n(万元)\n\n绩效奖励\n\n(万元)\n\n合  计\n\n1460\n\n760\n\n300\n\n400\n\n1\n\n市本级\n\n180\n\n180\n\n2\n\n甲县\n\n640\n\n300\n";
    let f = holds_then_fails(
        "parts.sum",
        "合计 小计 = its 3 columns",
        text,
        "\n1460\n",
        "\n1490\n",
    );
    assert_eq!(stated(&f), "1490");
    // A row short of figures is placed by guess, its 小计 first: its sum
    // still holds; the columns, placed by guess, are not summed; the last
    // row, cut off, is not read.
    let (_, checks) = traced(text);
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("甲县")),
        "{checks:?}"
    );
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "市本级 小计 = its 3 columns"
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    assert!(
        !checks.iter().any(|c| c.relation.contains("= its 2 rows")),
        "{checks:?}"
    );
}

#[test]
fn score_sum_of_the_group_a_cut_table_ends_in_never_more_than_its_weight() {
    // The table stops in its last group (an excerpt's end): rows past the
    // cut may be missing from it, but none can make it weigh more.
    let text = "一级指标\t二级指标\t三级指标\t分值\t得分\n决策（20分）\t项目立项（8分）\t立项依据充分性\t4\t4\n\t\t立项程序规范性\t4\t4\n\t绩效目标（12分）\t绩效目标合理性\t6\t6\n\t\t绩效指标明确性\t6\t5\n过程（30分）\t资金管理（18分）\t资金到位率\t6\t6\n\t\t预算执行率\t6\t5\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(
            |c| c.relation.contains("group 绩效目标 weights add up to 12")
                && c.verdict == jixiao_validate::Verdict::Consistent
        ),
        "{checks:?}"
    );
    let f = check(&text.replace("绩效指标明确性\t6\t5", "绩效指标明确性\t7\t5"));
    let hits: Vec<&Finding> = of(&f, "score.sum")
        .into_iter()
        .filter(|f| f.message.contains("group 绩效目标 is weighted 12"))
        .collect();
    assert_eq!(hits.len(), 1, "{f:?}");
    // 过程 is cut off: 12 of its 30 read say nothing; 18 of 资金管理's
    // 12 rows would be too many whatever was cut.
    let (_, checks) = traced(text);
    assert!(
        !checks
            .iter()
            .any(|c| c.relation.contains("group 过程") || c.relation.contains("group 资金管理")),
        "{checks:?}"
    );
    let f = check(&text.replace("资金管理（18分）", "资金管理（10分）"));
    let hits: Vec<&Finding> = of(&f, "score.sum")
        .into_iter()
        .filter(|f| f.message.contains("group 资金管理 is weighted 10"))
        .collect();
    assert_eq!(hits.len(), 1, "{f:?}");
}

#[test]
fn score_sum_of_the_group_a_table_ends_in_where_another_table_opens() {
    // A form's 项目决策 / 项目管理 table, then its 项目年度目标 table opening on
    // 产出: the first ended, it was not cut, so its last group short of its
    // weight is told (a warning: no 合计 proves every row was read).
    let text = "一级指标\t二级指标\t三级指标\t分值\t得分\n决策（20分）\t项目立项（8分）\t立项依据充分性\t4\t4\n\t\t立项程序规范性\t4\t4\n\t绩效目标（12分）\t绩效目标合理性\t6\t6\n\t\t绩效指标明确性\t6\t5\n过程（12分）\t资金管理（12分）\t资金到位率\t6\t6\n\t\t预算执行率\t6\t5\n\n项目年度目标1：产出与效益\n\n一级指标\t二级指标\t三级指标\t分值\t得分\n产出（40分）\t数量指标（20分）\t完成里程\t20\t20\n\t质量指标（20分）\t验收合格率\t20\t20\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation.contains("group 过程 weights add up to 12")
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    let f = check(&text.replace("过程（12分）", "过程（14分）"));
    let hits: Vec<&Finding> = of(&f, "score.sum")
        .into_iter()
        .filter(|f| f.message.contains("group 过程 is weighted 14"))
        .collect();
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
    // The second table ends the text: its last group may be cut there.
    let (_, checks) = traced(text);
    assert!(
        !checks.iter().any(|c| c.relation.contains("group 质量指标")),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_of_a_department_is_over_neither_a_named_fund_nor_a_budget_book() {
    // A department's rate with no budget stated: a fund named at its
    // sentence's head (`基本公共卫生服务补助资金…共安排资金`) is that fund's, and
    // `一般公共预算财政拨款收入` a revenue of one budget book, no plan.
    let text = "某县卫生健康局2023年度部门整体支出绩效评价报告\n2023年度收入合计8,642.37万元。其中：一般公共预算财政拨款收入7,985.20万元，政府性基金预算财政拨款收入420.00万元，其他收入237.17万元。\n2023年度支出合计8,519.84万元。其中：基本支出2,364.15万元，项目支出6,155.69万元。\n基本公共卫生服务补助资金按人均89元标准安排，服务常住人口28.6万人，共安排资金2,545.40万元。\n部门预算执行率98.58%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.rule == "amount.product"
            && c.relation.contains("2545.40")
            && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    assert!(
        !checks.iter().any(|c| c.rule == "rate.mismatch"),
        "{checks:?}"
    );
    // Its budget stated, the rate is over it.
    let f = holds_then_fails(
        "rate.mismatch",
        "8519.84 / 8642.37",
        &text.replace("2023年度收入合计", "2023年度调整后预算"),
        "执行率98.58%",
        "执行率99.58%",
    );
    assert_eq!(stated(&f), "99.58");
}

#[test]
fn rate_mismatch_over_the_total_of_a_projects_funds_by_giver_of_what_was_paid_out() {
    // The funds listed by who gave them, and their 合计: the project's budget;
    // `全市共发放两项补贴` what it paid out.
    let text = "2023年度残疾人两项补贴资金绩效评价报告\n2023年省级财政下达我市残疾人补贴资金3,268.80万元，市级配套资金1,089.60万元，合计4,358.40万元。\n截至2023年12月31日，全市共发放两项补贴4,296.52万元，预算执行率98.58%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "4296.52 / 4358.40",
        text,
        "执行率98.58%",
        "执行率97.58%",
    );
    assert_eq!(stated(&f), "97.58");
    // Funds of two years are no one year's budget.
    let years = text.replace("市级配套资金", "2022年市级配套资金");
    let (_, checks) = traced(&years);
    assert!(
        !checks.iter().any(|c| c.rule == "rate.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_of_a_department_forms_main_tasks_block_under_its_own_header() {
    // The national 部门整体支出绩效自评表 printed as one table: the funds, then
    // the 年度主要任务 block with a header over two rows (总额 | 财政拨款 |
    // 其他资金 under 预算金额). Each task's 总额 is its two sources; each
    // column adds up to the 合计.
    let text = "部门整体支出绩效自评表\n| 年度预算申请（万元） | 资金来源 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n| | 年度资金总额 | 1,530.00 | 1,742.60 | 1,698.35 | 10 | 97.46% | 9.75 |\n| 年度主要任务 | 任务名称 | 主要内容 | 预算金额（万元） | | |\n| | | | 总额 | 财政拨款 | 其他资金 |\n| | 不动产登记 | 全年办理不动产登记业务 | 86.50 | 86.50 | 0 |\n| | 耕地保护 | 完成耕地保护目标任务 | 312.40 | 252.40 | 60.00 |\n| | 地质灾害防治 | 开展地质灾害隐患排查 | 148.30 | 88.30 | 60.00 |\n| | 合计 | | 547.20 | 427.20 | 120.00 |\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    for relation in [
        "耕地保护 总额 = its 2 columns",
        "合计 财政拨款 = its 3 rows",
    ] {
        assert!(
            checks.iter().any(|c| c.relation.contains(relation)
                && c.verdict == jixiao_validate::Verdict::Consistent),
            "{relation}: {checks:?}"
        );
    }
    let f = check(&text.replace("| 312.40 | 252.40 |", "| 312.40 | 262.40 |"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 2, "{f:?}");
    assert!(hits.iter().all(|h| h.severity == Severity::Error), "{f:?}");
    // The block alone, its header over two rows, reads the same.
    let block: String = text.lines().skip(3).map(|l| format!("{l}\n")).collect();
    let (_, checks) = traced(&block);
    assert!(
        checks
            .iter()
            .any(|c| c.relation.contains("耕地保护 总额 = its 2 columns")),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_of_a_table_printed_a_row_per_line_between_spaces() {
    // A PDF's text: the header over two lines, a column of words between the
    // rows' names and their figures, the 合计 row short of that column.
    let text = "部门整体支出绩效自评表\n年度主要任务 任务名称 主要内容 预算金额（万元）\n总额 财政拨款 其他资金\n不动产登记 全年办理不动产登记业务 86.50 86.50 0\n耕地保护 完成耕地保护目标任务 312.40 252.40 60.00\n地质灾害防治 开展地质灾害隐患排查 148.30 88.30 60.00\n合计 547.20 427.20 120.00\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation.contains("合计 其他资金 = its 3 rows")
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    // The 合计 row's 其他资金 is then wrong twice: down its column, across its row.
    let f = check(&text.replace("合计 547.20 427.20 120.00", "合计 547.20 427.20 130.00"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 2, "{f:?}");
    assert!(hits.iter().all(|h| h.severity == Severity::Error), "{f:?}");
    // Rows of other widths are no such table.
    let ragged = text.replace("88.30 60.00", "88.30");
    let (_, checks) = traced(&ragged);
    assert!(!checks.iter().any(|c| c.rule == "parts.sum"), "{checks:?}");
}

#[test]
fn rate_mismatch_of_staff_counted_at_the_years_end_over_the_establishment() {
    // `年末在职人员` is the 在职人员 of the 在职人员控制率, said when.
    for count in ["年末在职人员", "2023年底在职人员", "在职人员"] {
        let text = format!(
            "某局部门整体支出绩效自评报告\n{count}46人，编制数50人，在职人员控制率92.00%。\n"
        );
        let f = holds_then_fails(
            "rate.mismatch",
            "46 / 50",
            &text,
            "控制率92.00%",
            "控制率93.00%",
        );
        assert_eq!(stated(&f), "93");
    }
    // At the year's start, it may be another count than the rate's.
    let (_, checks) = traced(
        "某局部门整体支出绩效自评报告\n年初在职人员46人，编制数50人，在职人员控制率92.00%。\n",
    );
    assert!(
        !checks.iter().any(|c| c.rule == "rate.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_of_an_adjustment_rate_over_the_budget_before_the_change() {
    // No 年初预算 stated: the adjusted budget less the increase is it.
    let text = "年中调增预算90万元，调整后预算1,890万元，预算调整率5.00%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "90 / (1890 − 90)",
        text,
        "调整率5.00%",
        "调整率5.10%",
    );
    assert_eq!(stated(&f), "5.1");
    // A cut: the adjusted budget plus it.
    holds_then_fails(
        "rate.mismatch",
        "90 / (1710 + 90)",
        "年中调减预算90万元，调整后预算1,710万元，预算调整率5.00%。\n",
        "调整率5.00%",
        "调整率5.30%",
    );
    // `调整` says no direction: nothing is judged.
    let (_, checks) = traced("年中调整预算90万元，调整后预算1,890万元，预算调整率5.00%。\n");
    assert!(
        !checks.iter().any(|c| c.rule == "rate.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_of_a_departments_key_spending_share() {
    // 重点支出安排率: the key projects' spending over all project spending,
    // though both labels say 项目支出.
    let text = "4.重点支出安排率。重点项目支出2,105.30万元，项目支出总额2,380.60万元，重点支出安排率88.44%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "2105.30 / 2380.60",
        text,
        "安排率88.44%",
        "安排率89.44%",
    );
    assert_eq!(stated(&f), "89.44");
}

#[test]
fn rate_mismatch_of_a_department_over_its_spending_said_bare_not_a_parts() {
    // `2024年部门支出` is the department's spending; `执行2,538.06万元` after
    // `项目支出预算` is the projects' (it made a false 52.59% error).
    let text = "某市文化和旅游局2024年度部门整体支出绩效自评报告\n2024年部门收入预算4,826.50万元。\n2024年部门支出4,690.28万元，预算执行率97.18%。\n本年度实施项目5个，项目支出预算2,640.00万元，执行2,538.06万元。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "4690.28 / 4826.50",
        text,
        "执行率97.18%",
        "执行率96.18%",
    );
    assert_eq!(stated(&f), "96.18");
    // Without the department's own spending, the projects' is none of it.
    let (f, checks) = traced(&text.replace("2024年部门支出4,690.28万元，", ""));
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "rate.mismatch"),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_of_another_years_rate_only_over_its_own_sentence() {
    // `2022年度预算执行率为96.54%` after this year's figures is last year's
    // rate: over this year's amounts it was a false error.
    let text = "某区教育局2023年度部门整体支出绩效自评报告\n2023年度全年预算41,775.85万元，全年支出40,862.33万元，预算执行率97.81%。2022年度预算执行率为96.54%。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.contains("96.54")),
        "{checks:?}"
    );
    // With its own year's amounts beside it, it is judged over them.
    let own = text.replace(
        "2022年度预算执行率为96.54%",
        "2022年度全年预算1,000万元，全年支出965.40万元，预算执行率96.54%",
    );
    let f = holds_then_fails(
        "rate.mismatch",
        "965.40 / 1000",
        &own,
        "执行率96.54%",
        "执行率97.54%",
    );
    assert_eq!(stated(&f), "97.54");
}

#[test]
fn rate_mismatch_of_projects_a_department_lists_by_name_with_spending_said_bare() {
    // `2.义务教育薄弱环节改善与能力提升：全年预算…` names a project (no word of
    // the report's own measures): its figures are its own, no restatement
    // of the department's budget (a false value.conflict); `支出` said bare
    // is what it spent.
    let text = "某区教育局2023年度部门整体支出绩效自评报告\n全年预算41,775.85万元，全年支出40,862.33万元，预算执行率97.81%。\n二、重点项目执行情况\n1.学前教育发展专项：全年预算1,260万元，支出1,198.76万元，执行率95.14%。\n2.义务教育薄弱环节改善与能力提升：全年预算3,480万元，支出3,425.10万元，执行率98.42%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "3425.10 / 3480",
        text,
        "执行率98.42%",
        "执行率97.42%",
    );
    assert_eq!(stated(&f), "97.42");
    // A heading naming the report's own measure is no project.
    let own = text.replace("2.义务教育薄弱环节改善与能力提升：", "2.预算执行情况：");
    let (_, checks) = traced(&own);
    assert!(
        checks.iter().any(|c| c.rule == "value.conflict"),
        "the budget restated is compared: {checks:?}"
    );
}

#[test]
fn parts_sum_of_items_a_paragraph_numbers_yi_shi_er_shi_against_the_reports_figures() {
    // 一是 / 二是 / 三是, each with what was allotted and spent: parts of the
    // report's budget and spending stated before them (some of them: what
    // the funds were mainly used for may leave some out).
    let text = "2023年度公共文化服务体系建设专项资金绩效评价报告\n2023年市财政安排公共文化服务体系建设专项资金2,400万元。截至2023年12月31日，实际支出2,268.50万元。\n资金主要用于以下三个方面：一是基层综合性文化服务中心建设，安排1,200万元，支出1,152.00万元；二是送戏下乡和公益演出，安排680万元，支出640.50万元；三是公共图书馆和文化馆免费开放补助，安排520万元，支出476.00万元。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation.contains("实际支出 = 3 parts")
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    let f = check(&text.replace("支出640.50万元", "支出650.50万元"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Error);
    // Short of the whole: some may be left out (a warning where the
    // remainder is small enough to look mistyped).
    let f = check(&text.replace("支出640.50万元", "支出630.50万元"));
    let hits = of(&f, "parts.sum");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
}

#[test]
fn parts_sum_of_a_glued_forms_breakdown_ends_where_another_tables_words_run_in() {
    // A department form with every space and rule gone: the 按支出性质分 rows,
    // then the 年度主要任务 block run into a row's label after its blank marks.
    // That label was read as a third part of the breakdown (two false errors).
    let text = "部门整体支出绩效自评表（2023年度）年度预算申请（万元）资金来源年初预算数全年预算数全年执行数分值执行率得分年度资金总额1,530.001,742.601,698.351097.46%9.75按收入性质分其中：一般公共预算1,410.001,622.601,578.35———政府性基金拨款120.00120.00120.00———按支出性质分其中：基本支出986.001,012.401,012.40———项目支出544.00730.20685.95———年度主要任务任务名称主要内容预算金额（万元）总额财政拨款其他资金不动产登记全年办理不动产登记业务86.5086.500耕地保护完成耕地保护目标任务312.40252.4060.00\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation.contains("全年执行数 = 2 parts")
                && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
    // Nor is prose citing a document, its date's digits taken for figures,
    // a row of the form's funds (two false errors too).
    let cited = "项目支出绩效自评表(2023年度)项目名称农村供水运行维护补助主管部门某县水利局实施单位某县水利局项目资金(万元)资金来源年初预算数全年预算数全年执行数分值权重执行率得分年度资金总额8.403.203.2010100.00%10其中:当年财政拨款8.403.203.20---其他资金0.000.000.00---年度总体目标总体目标总体目标完成情况1.根据《关于下达农村供水运行维护补助资金的通知》在2023年12月31日前完成36处供水工程维修养护。\n";
    let (f, checks) = traced(cited);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks.iter().any(|c| c.relation.contains("全年执行数")
            && c.verdict == jixiao_validate::Verdict::Consistent),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_of_a_change_on_last_year_over_the_level_dated_last_year() {
    // `2023年同类资金…` is last year's level of a `2024年较上年增加` change: the
    // rate is over it (a warning said over 6735.20 − 107.36 before).
    let text = "2023年同类资金6,735.20万元，2024年较上年增加107.36万元，增长1.59%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "107.36 / 6735.20",
        text,
        "增长1.59%",
        "增长1.69%",
    );
    assert_eq!(stated(&f), "1.69");
}

#[test]
fn spending_said_bare_of_a_part_is_none_of_the_reports() {
    // `共支出504万元` after a standard per head is that service's spending:
    // it took the report's `executed` while the whole's went unread.
    let text = "关于2023年度居家养老服务补助资金绩效自评的报告\n2023年共安排居家养老服务补助资金560万元。\n全年为4,200名老年人提供居家养老服务，每人每月服务补贴100元，共支出504万元。\n";
    let doc = jixiao_ingest::read(text.as_bytes()).expect("readable text");
    let report = jixiao_extract::extract(&doc);
    assert_eq!(report.budget.executed, None, "{:?}", report.budget);
    assert!(report.budget.adjusted.is_some(), "{:?}", report.budget);
    // Its product is still checked.
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.rule == "amount.product" && c.relation.contains("504")),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_of_prose_spending_over_the_budget_a_forms_block_prints() {
    // The plan and the funds received printed only in the form's 收支概况
    // block, one cell per line; the spending and its rate in prose.
    let text = "一、收支概况\n计划安排资金(万元)\n260.00\n实际到位资金(万元)\n260.00\n其中:中央财政\n20.00\n其中:中央财政\n20.00\n市县财政\n240.00\n市县财政\n240.00\n二、部门整体支出绩效情况\n本年度实际支出247.13万元，预算执行率95.05%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "本年度实际支出 247.13 / 260.00",
        text,
        "执行率95.05%",
        "执行率96.05%",
    );
    assert_eq!(stated(&f), "96.05");
}

#[test]
fn rate_mismatch_of_a_wide_forms_completion_rate_its_target_and_actual_read_apart() {
    // 新疆's wide form, a row per line with single spaces: the words of the
    // 指标值设置依据 and 佐证资料 columns beside a target and an actual with
    // their units are those columns' cells, not part of the values.
    let text = "一级指标 二级指标 三级指标 指标值 指标值设置依据 上年完成值 指标分值权重 指标赋分规则 佐证资料 指标实际完成值 完成率 指标得分 偏差原因分析及改进措施\n产出指标 数量指标 养护里程 ≥860公里 计划 842公里 20 按完成比例计分 养护台账 872公里 101.40% 20 无\n质量指标 优良路率 ≥75% 行业标准 73% 15 按完成比例计分 检测报告 72% 96.00% 14.4 部分路段老化\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "养护里程 完成率 872公里 / ≥860公里",
        text,
        "养护台账 872公里",
        "养护台账 882公里",
    );
    assert_eq!(stated(&f), "101.4");
}

#[test]
fn score_sum_of_a_table_headed_by_the_national_forms_caption_and_closed_by_one_subtotal() {
    // `绩效指标` alone over the indicators' column (no row under it naming
    // 一级 / 二级 / 三级), one 小计 under all the rows.
    let text = "二、绩效目标完成情况\n| 绩效指标 | 年度目标 | 实际完成 | 得分 | 分值 |\n| 购买服务项目数 | 15个 | 15个 | 10 | 10 |\n| 服务质量合格率 | ≥95% | 97.3% | 10 | 10 |\n| 资金支付及时率 | ≥95% | 93.3% | 8 | 10 |\n| 小计 | | | 28 | 30 |\n";
    let f = holds_then_fails(
        "score.sum",
        "the table's 3 scores add up to 小计 28",
        text,
        "| 28 | 30 |",
        "| 26 | 30 |",
    );
    assert_eq!(f.location.line, Some(6), "{f:?}");
    // Under the national form's two-row header the caption is no column.
    let two_rows = "| 绩效指标 | | | 年度指标值 | 实际完成值 | 分值 | 得分 |\n| 一级指标 | 二级指标 | 三级指标 | | | | |\n| 产出指标 | 数量指标 | 购买服务项目数 | 15个 | 15个 | 10 | 10 |\n| | 质量指标 | 服务质量合格率 | ≥95% | 97.3% | 10 | 10 |\n";
    let doc = jixiao_ingest::read(two_rows.as_bytes()).expect("readable text");
    let r = jixiao_extract::extract(&doc);
    let items = &r.score_tables[0].items;
    assert_eq!(
        items[1].level3.as_deref(),
        Some("服务质量合格率"),
        "{items:?}"
    );
    assert_eq!(items[1].level2.as_deref(), Some("质量指标"), "{items:?}");
}

#[test]
fn score_rate_of_a_row_whose_rule_scores_it_by_its_completion() {
    // 新疆's wide form: the row's own 指标赋分规则 says 按完成比例计分, so its
    // 得分 is its 分值 × min(完成率, 100%).
    let text = "一级指标 二级指标 三级指标 指标值 指标值设置依据 上年完成值 指标分值权重 指标赋分规则 佐证资料 指标实际完成值 完成率 指标得分 偏差原因分析及改进措施\n产出指标 数量指标 养护里程 ≥860公里 计划 842公里 20 按完成比例计分 养护台账 872公里 101.40% 20 无\n质量指标 优良路率 ≥75% 行业标准 73% 15 按完成比例计分 检测报告 72% 96.00% 14.4 部分路段老化\n";
    let f = holds_then_fails(
        "score.rate",
        "优良路率 15 × 完成率 96.00% = 14.4",
        text,
        "96.00% 14.4",
        "96.00% 13.4",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    // A row scored otherwise (`完成得满分`) is no product.
    let (_, checks) = traced(&text.replace("按完成比例计分 检测报告", "完成得满分 检测报告"));
    assert!(
        !checks
            .iter()
            .any(|c| c.relation.contains("优良路率 15 × 完成率")),
        "{checks:?}"
    );
}

#[test]
fn score_rate_of_an_execution_rate_row_whose_rule_scores_it_by_the_rate() {
    // A third-party report's score table: the 预算执行率 row's own 评分标准
    // says `执行率×4` (its 分值), so its 得分 is 4 × the report's 95.59%.
    let text = "一、资金使用情况\n安排资金1,536.00万元，实际支出1,468.32万元，预算执行率95.59%。\n\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 评分标准 | 得分 |\n| 过程 | 资金管理 | 资金到位率 | 4 | 到位率×4 | 4 |\n| | | 预算执行率 | 4 | 执行率×4 | 3.82 |\n| | 组织实施 | 制度执行有效性 | 4 | 有效得4分 | 3 |\n";
    let f = holds_then_fails(
        "score.rate",
        "预算执行率 4 × 执行率 95.59% = 3.82",
        text,
        "执行率×4 | 3.82",
        "执行率×4 | 3.92",
    );
    assert_eq!(f.severity, Severity::Error, "{f:?}");
    // Also said with the word for its full marks.
    holds_then_fails(
        "score.rate",
        "预算执行率 4 × 执行率 95.59% = 3.82",
        &text.replace("执行率×4 |", "分值×预算执行率 |"),
        "预算执行率 | 3.82",
        "预算执行率 | 3.92",
    );
    // Another figure after the sign is another rule (`执行率×40%`), and a row
    // scored otherwise no product.
    for other in ["执行率×40%+时效×60%", "执行率≥95%得满分"] {
        let (_, checks) = traced(&text.replace("执行率×4 |", &format!("{other} |")));
        assert!(
            !checks.iter().any(|c| c.rule == "score.rate"),
            "{other}: {checks:?}"
        );
    }
}

#[test]
fn spending_said_bare_opening_its_sentence_is_the_reports_even_flattened() {
    // `全年共支出552万元，资金执行率98.57%`: spending said bare after when it
    // was, opening its sentence, is the whole's. Flattened onto one line with
    // its headings, the title and the headings run into the sentences: the
    // rate was judged over a service's 504 (`共支出` after its standard).
    let lines = "关于2023年度居家养老服务补助资金绩效自评的报告\n一、基本情况\n2023年共安排居家养老服务补助资金560万元。全年为4,200名老年人提供居家养老服务，每人每月服务补贴100元，共支出504万元；为120个站点拨付运营补贴，每个站点4,000元，共支出48万元。\n二、资金使用情况\n全年共支出552万元，资金执行率98.57%，结余8万元。\n";
    let flat = lines.split('\n').collect::<Vec<_>>().join(" ");
    for text in [lines, flat.as_str()] {
        let doc = jixiao_ingest::read(text.as_bytes()).expect("readable text");
        let report = jixiao_extract::extract(&doc);
        assert_eq!(
            report.budget.executed,
            Some(jixiao_model::Decimal::from(5_520_000)),
            "{text}: {:?}",
            report.budget
        );
        assert_eq!(
            report.report.title.as_deref(),
            Some("关于2023年度居家养老服务补助资金绩效自评的报告")
        );
        let f = holds_then_fails(
            "rate.mismatch",
            // (Over 552 + 结余 8 where the budget is a paragraph away.)
            "552 / ",
            text,
            "资金执行率98.57%",
            "资金执行率97.57%",
        );
        assert_eq!(stated(&f), "97.57");
    }
}

#[test]
fn a_heading_run_into_a_sentence_names_no_part_of_its_figure() {
    // `二、部门预算执行情况2024年度年初预算…` (a copy that lost its line
    // breaks): the budget is the department's, not a part named
    // `部门预算执行情况…`.
    let text = "某区教育局2024年度部门整体支出绩效自评报告 一、部门预算执行情况 2024年度年初预算3,200.00万元，全年预算3,450.00万元，全年支出3,312.00万元，预算执行率96.00%。";
    let doc = jixiao_ingest::read(text.as_bytes()).expect("readable text");
    let report = jixiao_extract::extract(&doc);
    let initial = report
        .facts
        .iter()
        .find(|f| f.number.value == jixiao_model::Decimal::new(320_000, 2))
        .expect("the 年初预算 read");
    assert_eq!(initial.label, "2024年度年初预算");
    assert_eq!(initial.scope, jixiao_model::Scope::Report);
    assert_eq!(
        report.budget.initial,
        Some(jixiao_model::Decimal::from(32_000_000)),
        "{:?}",
        report.budget
    );
    let f = holds_then_fails(
        "rate.mismatch",
        "3312.00 / 3450.00",
        text,
        "预算执行率96.00%",
        "预算执行率95.00%",
    );
    assert_eq!(stated(&f), "95");
}

#[test]
fn parts_listed_after_a_total_are_of_the_total_or_of_equal_levels() {
    // `…共计3,268.80万元，市级配套资金1,089.60万元，合计4,358.40万元。其中：…`:
    // the 其中 after a 合计 lists the total's parts by another split (the
    // giver's 共计 and the 合计 left it unsure which was the whole).
    let text = "2023年两项补贴资金绩效评价报告\n2023年省级财政下达两项补贴资金共计3,268.80万元，市级配套资金1,089.60万元，合计4,358.40万元。其中：困难残疾人生活补贴2,179.20万元，重度残疾人护理补贴2,179.20万元。\n";
    let f = holds_then_fails(
        "parts.sum",
        "合计 = 2 parts",
        text,
        "护理补贴2,179.20",
        "护理补贴2,189.20",
    );
    assert_eq!(stated(&f), "4358.4");
    // `全年预算865.40万元，支出865.40万元，执行率100%。其中：…`: of two levels
    // of one value, whichever is meant, the parts add up to it.
    let text = "某区教育局2023年度部门整体支出绩效自评报告\n3.学生资助补助经费：全年预算865.40万元，支出865.40万元，执行率100%。其中：家庭经济困难学生生活补助612.30万元，免学杂费253.10万元。\n";
    let f = holds_then_fails(
        "parts.sum",
        "= 2 parts",
        text,
        "生活补助612.30",
        "生活补助622.30",
    );
    assert_eq!(stated(&f), "865.4");
}

#[test]
fn parts_sum_of_the_groups_full_marks_stated_before_each_score() {
    // `其中：投入管理20分，得分19分；…` and `决策指标满分15分，得分13分；…`: the
    // groups' points before each score named 得分 alone are its full marks,
    // which make the hundred.
    for text in [
        "某局2024年度部门整体支出绩效自评报告\n经自评，我局2024年度部门整体支出绩效自评得分为93.5分。其中：投入管理20分，得分19分；过程管理30分，得分28.5分；产出指标30分，得分28分；效益指标20分，得分18分。\n",
        "某市2023年公共文化服务体系建设专项资金绩效评价报告\n本次评价采用百分制，综合得分84.2分，等级为“良”。其中决策指标满分15分，得分13分；过程指标满分25分，得分20.5分；产出指标满分35分，得分30.2分；效益指标满分25分，得分20.5分。\n",
    ] {
        let (f, checks) = traced(text);
        assert!(f.is_empty(), "{f:?}");
        assert!(
            checks
                .iter()
                .any(|c| c.relation == "the 4 groups' full marks = 100"
                    && c.verdict == jixiao_validate::Verdict::Consistent),
            "{checks:?}"
        );
        let wrong = text.replacen("20分，得分", "21分，得分", 1).replacen("满分15分", "满分16分", 1);
        let f = check(&wrong);
        assert!(
            of(&f, "parts.sum")
                .iter()
                .any(|f| f.message.contains("full marks") && f.severity == Severity::Warning),
            "{f:?}"
        );
    }
}

#[test]
fn parts_sum_of_deductions_listed_before_their_total() {
    // The deductions listed before `共扣` add up to it; a deduction's 其中
    // lists its own parts.
    let text = "2024年度乡村振兴衔接资金项目绩效自评报告\n本项目自评得分为92分。扣分情况：项目管理扣3分，其中资金拨付不及时扣2分，档案资料不完整扣1分；产出指标扣2分；效益指标扣3分。共扣8分。\n";
    let f = holds_then_fails(
        "parts.sum",
        "共扣 totals 3 amounts",
        text,
        "产出指标扣2分",
        "产出指标扣3分",
    );
    assert_eq!(stated(&f), "8");
    let f = holds_then_fails(
        "parts.sum",
        "项目管理扣 = 2 parts",
        text,
        "档案资料不完整扣1分",
        "档案资料不完整扣2分",
    );
    assert_eq!(stated(&f), "3");
    // A deduction's details in brackets, or a 其中 the sentence runs on past
    // into the next group, leave the list unsure: no sum.
    for unsure in [
        "本项目自评得分为92分。扣分情况：项目管理扣3分（资金拨付不及时扣2分，档案资料不完整扣1分）；产出指标扣2分；效益指标扣3分。共扣8分。\n",
        "本项目自评得分为92分。扣分情况：项目管理扣3分，其中资金拨付不及时扣2分，档案资料不完整扣1分，产出指标扣2分；效益指标扣3分。共扣8分。\n",
    ] {
        let (f, checks) = traced(unsure);
        assert!(f.is_empty(), "{f:?}");
        assert!(
            !checks.iter().any(|c| c.relation.contains("共扣 totals")),
            "{checks:?}"
        );
    }
}

#[test]
fn amount_product_of_a_count_and_a_standard_over_the_amount_named_before() {
    // The amounts by kind in one paragraph, who was paid and at what standard
    // in the next: each standard is of the one amount before it naming what
    // its count counts (a warning: all of it, or what was paid so far?).
    let text = "某县2023年城乡困难群众救助资金绩效自评报告\n全年共支出救助资金1,466.04万元。其中：城乡低保金1,320.84万元，临时救助金145.20万元。\n全年共救助城乡低保对象12,230人，月人均补助90元；临时救助2,420人次，次均救助600元。\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    for relation in ["12230 × 90 × 12 = 1320.84", "2420 × 600 = 145.20"] {
        assert!(
            checks.iter().any(|c| c.rule == "amount.product"
                && c.relation == relation
                && c.verdict == jixiao_validate::Verdict::Consistent),
            "{relation}: {checks:?}"
        );
    }
    let f = check(&text.replace("次均救助600元", "次均救助610元"));
    let hits = of(&f, "amount.product");
    assert_eq!(hits.len(), 1, "{f:?}");
    assert_eq!(hits[0].severity, Severity::Warning);
    // An amount naming nothing the count counts is no total of it.
    let other = text.replace("临时救助金145.20万元", "特困人员供养金145.20万元");
    let (_, checks) = traced(&other);
    assert!(
        !checks.iter().any(|c| c.relation.starts_with("2420 × 600")),
        "{checks:?}"
    );
}

#[test]
fn two_years_compared_dated_past_a_run_in_heading_or_by_their_sentence() {
    // `2023年全年预算数…，预算执行率94.19%；2022年预算执行率为92.36%，同比提高
    // 1.83个百分点`: this year's rate is dated by its sentence's opening year.
    let text = "某县农业农村局2023年度部门整体支出绩效评价报告\n2023年全年预算数6,482.35万元，执行数6,105.82万元，预算执行率94.19%；2022年预算执行率为92.36%，同比提高1.83个百分点。\n";
    let f = holds_then_fails(
        "balance.mismatch",
        "94.19 − 92.36 = 1.83",
        text,
        "提高1.83个百分点",
        "提高1.93个百分点",
    );
    assert_eq!(stated(&f), "1.93");
    // Flattened, a heading runs into this year's label (`三、“三公”经费2023年
    // “三公”经费支出`): the change was read as on this year's 17.92 (a false
    // warning) until the year inside the label dated it.
    let text = "某县农业农村局2023年度部门整体支出绩效评价报告 三、“三公”经费 2023年“三公”经费支出15.86万元，2022年为17.92万元，同比减少2.06万元，下降11.50%。";
    let f = holds_then_fails(
        "rate.mismatch",
        "(17.92 − 15.86) / 17.92",
        text,
        "下降11.50%",
        "下降12.50%",
    );
    assert_eq!(stated(&f), "12.5");
}

#[test]
fn parts_sum_of_counts_listed_each_with_its_amount() {
    // No amount states the whole: the counts the 其中 lists, each with its
    // amount, are parts of the count before it (all of it: the last is 其他).
    let text = "某县农业农村局2023年度部门整体支出绩效评价报告\n全年共实施项目42个，其中：农业产业发展项目18个，资金2,365.40万元；农村基础设施项目15个，资金1,482.62万元；其他项目9个，资金631.50万元。\n";
    let f = holds_then_fails(
        "parts.sum",
        "全年共实施项目 = its 3 parts",
        text,
        "农村基础设施项目15个",
        "农村基础设施项目16个",
    );
    assert_eq!(stated(&f), "42");
    // Short of the whole too: the last part is the rest.
    let f = check(&text.replace("农村基础设施项目15个", "农村基础设施项目14个"));
    assert_eq!(of(&f, "parts.sum").len(), 1, "{f:?}");
}

#[test]
fn parts_sum_of_the_four_quarters_spending() {
    // The four quarters' spending, each once and in order, are all of the
    // year's, the report's own figure of it stated before them.
    let text = "某区2024年老旧小区改造项目绩效自评报告\n调整后预算3,200万元。截至2024年12月31日，实际支出3,104.32万元，预算执行率97.01%。\n分季度看，一季度支出620.50万元，二季度支出812.36万元，三季度支出905.14万元，四季度支出766.32万元。\n";
    let f = holds_then_fails(
        "parts.sum",
        "实际支出 = its 4 parts",
        text,
        "三季度支出905.14",
        "三季度支出895.14",
    );
    assert_eq!(stated(&f), "3104.32");
    // Running totals by quarter are no parts.
    let running = text
        .replace("一季度支出", "一季度累计支出")
        .replace("二季度支出", "二季度累计支出")
        .replace("三季度支出", "三季度累计支出")
        .replace("四季度支出", "四季度累计支出");
    let (_, checks) = traced(&running);
    assert!(
        !checks.iter().any(|c| c.relation.contains("4 parts")),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_of_a_staff_rate_whose_sentence_counts_only_its_base() {
    // `…；离退休人员54人。编制数135人，在职人员控制率94.81%`: the staff
    // counted a sentence before (实有) over the 编制数 of its own sentence.
    let text = "某县教育局2023年度部门整体支出绩效自评报告\n年末实有人数128人，其中：行政人员36人，事业人员92人；离退休人员54人。编制数135人，在职人员控制率94.81%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "128 / 135 = 94.81%",
        text,
        "年末实有人数128人",
        "年末实有人数130人",
    );
    assert_eq!(f.severity, Severity::Warning);
}

#[test]
fn amount_product_of_an_average_over_the_fund_its_words_name_before() {
    // `人均财政补助680.04元` over the count in its sentence and the fund
    // named so a paragraph before (a warning where it fails).
    let text = "关于2024年度城乡居民基本医疗保险财政补助资金绩效自评的报告\n2024年全市共下达城乡居民医保财政补助资金18,640.00万元。\n全市参保人数共计27.41万人，人均财政补助680.04元。\n";
    let f = holds_then_fails(
        "amount.product",
        "27.41万 × 680.04 = 18640.00",
        text,
        "人均财政补助680.04元",
        "人均财政补助690.04元",
    );
    assert_eq!(f.severity, Severity::Warning);
    // The same standard paid to two counts: the amount may be of both.
    let (f, checks) = traced("某区2023年退休职工节日慰问项目绩效自评报告\n全年共发放慰问金258.90万元。\n春节为2,130名退休职工每人发放慰问金600元，中秋为2,185名退休职工每人发放慰问金600元。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "amount.product"),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_of_a_balance_rate_in_a_paragraph_of_its_own() {
    // `结余率为4.80%。` on its own: the report's one balance over its budget.
    let text = "某区2023年社区养老服务中心运营补助项目绩效自评报告\n项目全年预算资金260.00万元，实际支出247.52万元，结余资金12.48万元。\n结余率为4.80%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "12.48 / 260.00 = 4.80%",
        text,
        "结余率为4.80%",
        "结余率为4.90%",
    );
    assert_eq!(stated(&f), "4.9");
}

#[test]
fn count_rows_of_places_listed_each_with_its_amount() {
    // `分配至3个县区，分别为：甲县…万元、乙县…万元、丙区…万元`: the count
    // against the names listed with their amounts (a warning).
    let text = "关于2024年度城乡居民医保财政补助资金绩效自评的报告\n2024年全市共下达城乡居民医保财政补助资金18,640.00万元，按参保人数分配至3个县区，分别为：甲县7,456.00万元、乙县6,524.00万元、丙区4,660.00万元。\n";
    let f = holds_then_fails(
        "count.rows",
        "3 listed",
        text,
        "分配至3个县区",
        "分配至4个县区",
    );
    assert_eq!(f.severity, Severity::Warning);
}

#[test]
fn another_years_execution_is_none_of_a_budget_publications() {
    // A 2024 部门预算 publication lists each project's 2023 execution: none
    // of it is the year's spending (it won the vote before).
    let text = "某区民政局2024年部门预算公开说明\n2024年收入预算总计6,850.40万元。\n1.最低生活保障项目：2024年预算3,260.00万元，2023年当年预算执行数3,108.42万元。\n";
    let doc = jixiao_ingest::read(text.as_bytes()).expect("readable text");
    let report = jixiao_extract::extract(&doc);
    assert_eq!(report.budget.executed, None, "{:?}", report.budget);
    // Flattened, its title is read off the front (`…部门预算公开说明 一、…`),
    // and with it the as-of date of the year before is a budget's, no slip.
    let flat = "某市生态环境局2024年部门预算情况说明 一、收支预算总体情况 2024年收入预算总计12,486.30万元。 七、国有资产占用情况 截至2023年12月31日，本部门共有车辆12辆。";
    let doc = jixiao_ingest::read(flat.as_bytes()).expect("readable text");
    let report = jixiao_extract::extract(&doc);
    assert_eq!(
        report.report.title.as_deref(),
        Some("某市生态环境局2024年部门预算情况说明")
    );
    assert!(check(flat).is_empty(), "{:?}", check(flat));
}

#[test]
fn rate_mismatch_of_one_funds_rate_over_that_funds_own_amounts() {
    // A rate naming a fund (`县级配套到位率`) is that fund's: 720 of the 960
    // planned, not 到位资金 over 总投资 (a warning before).
    let plan =
        "项目总投资4,800万元。资金来源：中央补助2,880万元，省级补助960万元，县级配套960万元。\n";
    holds_then_fails(
        "rate.mismatch",
        "720 / 960 = 75%",
        &format!("{plan}截至评价时点，到位资金4,560万元，其中：中央补助2,880万元，省级补助960万元，县级配套720万元，县级配套到位率75%。\n"),
        "到位率75%",
        "到位率78%",
    );
    // A rate after one fund's spending is that fund's (`省级资金支出…，支出进度92%`
    // was judged over the whole 2,220 and warned of twice).
    let text = "省级下达专项资金1,850万元，市级配套资金370万元，合计2,220万元。\n累计支出1,998万元，支出进度90%。其中：省级资金支出1,702万元，支出进度92%；市级资金支出296万元，支出进度80%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "1702 / 1850 = 92%",
        text,
        "支出进度92%",
        "支出进度95%",
    );
    assert!(f.message.contains("1850"), "{}", f.message);
    let (_, checks) = traced(text);
    assert!(
        checks.iter().any(|c| c.relation == "296 / 370 = 80%"),
        "{checks:?}"
    );
    // Named by no amount of its own before it: unjudged, not the whole's.
    let (f, checks) = traced("合计2,220万元，累计支出1,998万元。省级资金支出进度92%。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.relation.ends_with("= 92%")),
        "{checks:?}"
    );
}

#[test]
fn amount_product_reads_a_standard_raised_to_a_level_as_a_standard() {
    // The level a standard per head was raised to is no total paid at the
    // other standard the sentence names (900 was judged as 11770 × 7200).
    let (f, _) = traced("全年累计保障城乡低保对象11,770人。\n\n城市低保标准由每人每月860元提高到900元，提高40元，增幅4.65%；农村低保标准由每人每年7,200元提高到7,560元，增幅5%。\n");
    assert!(of(&f, "amount.product").is_empty(), "{f:?}");
}

#[test]
fn rate_mismatch_leaves_the_funds_of_a_part_counted_in_a_list() {
    // `安排资金` right after a count listed under 其中 is that category's, not
    // the report's budget (the 96.01% spending rate was an error over 4,212).
    holds_then_fails(
        "rate.mismatch",
        "6221.76 / 6480 = 96.01%",
        "2023年全区共安排衔接资金6,480万元，其中中央资金3,888万元、省级资金1,620万元、区级资金972万元。\n共实施项目86个，其中产业发展类项目52个，安排资金4,212万元；基础设施类项目28个，安排资金1,944万元；就业帮扶类项目6个，安排资金324万元。\n截至2023年12月31日，已支出资金6,221.76万元，支出率96.01%。\n",
        "支出率96.01%",
        "支出率97.01%",
    );
}

#[test]
fn balance_mismatch_of_what_was_spent_beyond_an_items_budget() {
    // `超预算` is what was spent beyond the budget (7.58 − 7.00), no part of
    // the budgets listed (26.50 was an error against 3.00 + 16.50 + 7.00 + 0.58).
    let text = "“三公”经费预算数为26.50万元，决算数为22.84万元。其中：因公出国（境）费预算3.00万元，决算0万元；公务用车购置及运行维护费预算16.50万元，决算15.26万元；公务接待费预算7.00万元，决算7.58万元，超预算0.58万元。\n";
    holds_then_fails(
        "balance.mismatch",
        "7.58 − 7.00 = 0.58",
        text,
        "超预算0.58",
        "超预算0.68",
    );
    let (_, checks) = traced(text);
    assert!(
        checks.iter().any(|c| c.rule == "parts.sum"
            && c.inputs.len() == 3
            && c.stated.number.value.to_string() == "26.50"),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_of_a_sum_of_money_named_after_its_amounts() {
    // `项目资金总额` after the funds allotted and arranged is their sum, and
    // the report's budget (1,280 allotted from above was, and 1,600 a
    // value.conflict warning).
    let text = "2023年上级下达补助资金1,280万元，县级统筹安排320万元，项目资金总额1,600万元。\n截至2023年12月31日，项目实际支出1,512万元，预算执行率94.50%，结余88万元。\n";
    holds_then_fails(
        "parts.sum",
        "项目资金总额 totals 2 amounts",
        text,
        "县级统筹安排320",
        "县级统筹安排330",
    );
    let (_, checks) = traced(text);
    assert!(
        checks.iter().any(|c| c.relation == "1600 − 1512 = 88"),
        "{checks:?}"
    );
    // A budget beside what was spent of it is no list of one total.
    let (f, _) = traced("培训费预算20万元，实际支出18.62万元，资金总额38.62万元。\n");
    assert!(of(&f, "parts.sum").is_empty(), "{f:?}");
}

#[test]
fn rate_mismatch_leaves_a_funds_rate_where_the_fund_was_adjusted_in_the_year() {
    // 255.8 of 236 + 24 added mid-year: over the 年初 236 it was an error.
    let text = "2023年专项资金年初预算386万元，其中动物防疫补助236万元，畜禽粪污资源化利用补助150万元。年中追加动物防疫补助24万元，调整后预算410万元。\n全年实际支出398.5万元，执行率97.20%。其中动物防疫补助支出255.8万元，执行率98.38%；畜禽粪污资源化利用补助支出142.7万元，执行率95.13%。\n";
    holds_then_fails(
        "rate.mismatch",
        "142.7 / 150 = 95.13%",
        text,
        "执行率95.13%",
        "执行率96.13%",
    );
    let (_, checks) = traced(text);
    assert!(
        !checks.iter().any(|c| c.relation.contains("255.8 / 236")),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_of_a_listed_parts_rate_over_that_parts_own_amount() {
    // A listed part's rate right after it, alone in its clause, is over the
    // amount stated before naming that part (`专项债券拨付2,400万元，拨付率80%`
    // over `地方政府专项债券3,000万元`; a warning over 总投资 before).
    let text = "项目总投资9,820万元，其中中央补助资金4,910万元，地方政府专项债券3,000万元，区级财政1,910万元。\n截至2023年12月31日，已拨付资金8,838万元，拨付率90%；其中中央补助资金拨付4,910万元，拨付率100%；专项债券拨付2,400万元，拨付率80%；区级财政拨付1,528万元，拨付率80%。\n";
    holds_then_fails(
        "rate.mismatch",
        "2400 / 3000 = 80%",
        text,
        "专项债券拨付2,400",
        "专项债券拨付2,500",
    );
    let (_, checks) = traced(text);
    assert!(
        checks.iter().any(|c| c.relation == "1528 / 1910 = 80%"),
        "{checks:?}"
    );
    // A fund named by two source words (`县级自筹`) is over the amount naming both.
    holds_then_fails(
        "rate.mismatch",
        "392 / 490 = 80%",
        "资金来源：中央水利发展资金1,470万元，省级配套490万元，县级自筹490万元。\n截至2023年底，中央资金到位1,470万元，到位率100%；省级配套到位490万元，到位率100%；县级自筹到位392万元，到位率80%。\n",
        "到位率80%",
        "到位率85%",
    );
}

#[test]
fn rate_mismatch_of_spending_over_the_titles_fund_stated_in_total() {
    // The title's fund named bare with its total (`…补助资金共计15,680万元`) is
    // the report's budget where nothing else names one: the 执行率 after the
    // year's spending is over it (it was judged over nothing).
    holds_then_fails(
        "rate.mismatch",
        "15210.4 / 15680 = 97.01%",
        "某市2022年度困难群众救助补助资金绩效评价报告\n2022年困难群众救助补助资金共计15,680万元，其中中央10,976万元，省级2,352万元，市县2,352万元。\n全年共支出15,210.4万元，执行率97.01%。\n",
        "执行率97.01%",
        "执行率97.51%",
    );
    // `共支出` after a clause of when alone is the whole's spending.
    holds_then_fails(
        "rate.mismatch",
        "4205.38 / 4286.50 = 98.11%",
        "某县民政局2023年度困难群众救助补助资金绩效自评报告\n2023年困难群众救助补助资金共计4,286.50万元。\n截至2023年12月31日，共支出4,205.38万元，资金执行率98.11%。\n",
        "共支出4,205.38",
        "共支出4,225.38",
    );
    // A fund the title does not name is no budget of the report's.
    let (_, checks) = traced("某县2023年度农业生产发展资金绩效自评报告\n2023年困难群众救助补助资金共计4,286.50万元。\n截至2023年12月31日，共支出4,205.38万元，资金执行率98.11%。\n");
    assert!(
        !checks
            .iter()
            .any(|c| c.relation.starts_with("4205.38 / 4286.50")),
        "{checks:?}"
    );
}

#[test]
fn amount_product_of_a_total_said_by_ji_alone() {
    // `，计43万元`: a clause of 计 alone says the total paid at the standard.
    let text = "发放一次性创业补贴86人，每人5,000元，计43万元；发放求职创业补贴1,240人，每人1,500元，计186万元。\n";
    holds_then_fails(
        "amount.product",
        "86 × 5000 = 43",
        text,
        "计43万元",
        "计45万元",
    );
    let (_, checks) = traced(text);
    assert!(
        checks.iter().any(|c| c.relation == "1240 × 1500 = 186"),
        "{checks:?}"
    );
}

#[test]
fn amount_product_of_a_count_in_ge_named_before_it() {
    // `示范村54个`: the noun before a count in 个 names what it counts.
    holds_then_fails(
        "amount.product",
        "54 × 100 = 5400",
        "三年累计安排5,400万元，共建设示范村54个，每村补助100万元。\n",
        "示范村54个",
        "示范村56个",
    );
    // People counted by 名 are the heads a count per head is per.
    holds_then_fails(
        "amount.product",
        "2150 × 60 = 12.9万",
        "全年为2,150名老年人提供上门服务，累计服务12.9万人次，人均60人次。\n",
        "人均60人次",
        "人均62人次",
    );
}

#[test]
fn parts_sum_of_parts_opening_a_sentence_after_a_budget_and_its_spending() {
    // A 其中 opening the sentence after `预算…，实际支出…` lists parts naming no
    // measure: of the spending, the budget their alternative (it was no list).
    let text = "项目预算420万元，实际支出411.36万元，执行率97.94%。其中户厕改造补助183.12万元，公厕建设228.24万元。\n";
    holds_then_fails(
        "parts.sum",
        "实际支出 = 2 parts",
        text,
        "公厕建设228.24",
        "公厕建设238.24",
    );
    // Adding up to the budget instead holds as well.
    let (f, _) = traced(&text.replace("公厕建设228.24", "公厕建设236.88"));
    assert!(of(&f, "parts.sum").is_empty(), "{f:?}");
}

#[test]
fn rate_mismatch_of_a_change_after_the_sources_in_brackets_is_the_amounts_before_them() {
    // `安排…860万元（中央资金516万元，…，县级资金172万元），比上年增加120万元，
    // 增长16.22%`: the change is 860's, not the bracketed 172's (a warning).
    holds_then_fails(
        "rate.mismatch",
        "120 / (860 − 120) = 16.22%",
        "2023年安排校舍维修资金860万元（中央资金516万元，省级资金172万元，县级资金172万元），比上年增加120万元，增长16.22%。\n",
        "增长16.22%",
        "增长17.22%",
    );
}

#[test]
fn rate_mismatch_of_a_kind_of_spendings_rate_over_its_budget_named_alike() {
    // `项目支出8,408.48万元，执行率97.48%` listed under the year's spending is
    // over `项目支出8,625.70万元` budgeted (it was judged by nothing).
    let text = "2023年部门预算总额9,862.50万元，其中基本支出1,236.80万元，项目支出8,625.70万元。\n全年支出9,645.28万元，预算执行率97.80%。其中基本支出1,236.80万元，执行率100%；项目支出8,408.48万元，执行率97.48%。\n";
    holds_then_fails(
        "rate.mismatch",
        "8408.48 / 8625.70 = 97.48%",
        text,
        "执行率97.48%",
        "执行率96.48%",
    );
    // Last year's amount of that name is no base of this year's rate.
    let (f, checks) = traced("2022年项目支出8,500万元。\n2023年全年支出9,645.28万元。其中基本支出1,236.80万元；项目支出8,408.48万元，执行率97.48%。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks
            .iter()
            .any(|c| c.relation.starts_with("8408.48 / 8500")),
        "{checks:?}"
    );
}

#[test]
fn amount_product_of_the_funds_a_standard_needs() {
    // `需安排资金` after a standard the funds are set by (按…标准) is what the
    // standard makes: 18,600 × 5 × 200 days (judged by nothing before).
    holds_then_fails(
        "amount.product",
        "18600 × 5 × 200 = 1860",
        "按照每生每天5元标准，全年按200天计算，全县受益学生18,600人，需安排资金1,860万元，其中中央资金1,860万元。\n",
        "受益学生18,600人",
        "受益学生18,800人",
    );
}

#[test]
fn parts_sum_of_a_line_items_table_after_another_copied_one_cell_per_line() {
    // `项目 / 计划 / 实际` heads a second table after a first one's rows: its
    // rows were read as the first table's (a false error of 644.20 vs 471.30).
    // (A line after the table: the excerpt's last figure may be cut short.)
    let cells = |s: &str| s.split(' ').collect::<Vec<_>>().join("\n\n") + "\n";
    let text = cells("项目 计划安排 实际到位 实际支出 收入合计 486.52 486.52 471.30 其中：财政拨款 476.52 476.52 461.30 其他收入 10.00 10.00 10.00 支出明细 项目 计划 实际 工资福利支出 298.40 298.40 商品和服务支出 96.12 84.36 对个人和家庭的补助 62.00 60.54 资本性支出 30.00 28.00 支出合计 486.52 471.30 填报人：张明");
    holds_then_fails(
        "parts.sum",
        "支出合计 执行数 = 4 rows",
        &text,
        "84.36",
        "85.36",
    );
}

#[test]
fn parts_sum_of_a_row_whose_qizhong_run_runs_on_to_a_row_beside_it() {
    // `项目支出` / `其中：业务工作专项` / `运行维护专项` / `公用经费` /
    // `其中：办公经费` …: the mark carries on past 项目支出's two parts, which
    // alone add up to it; 公用经费 heads the rest (all six were its parts).
    let text = "经费控制情况 2022年决算数 2023年预算数 2023年决算数\n项目支出 1,856.30 2,120.00 2,036.72\n其中：业务工作专项 386.30 420.00 401.52\n运行维护专项 1,470.00 1,700.00 1,635.20\n公用经费 96.50 92.00 88.64\n其中：办公经费 32.10 30.00 28.90\n水费、电费、差旅费 38.40 36.00 35.24\n会议费、培训费 26.00 26.00 24.50\n";
    let (f, checks) = traced(text);
    assert!(f.is_empty(), "{f:?}");
    let holding = |relation: &str| {
        checks.iter().any(|c| {
            c.relation.contains(relation) && c.verdict == jixiao_validate::Verdict::Consistent
        })
    };
    assert!(
        holding("公用经费 全年预算数 ≥ the 3 rows under it"),
        "{checks:?}"
    );
    // A slip in one column of the row's own parts is judged there.
    let f = holds_then_fails(
        "parts.sum",
        "项目支出 全年执行数 ≥ the 2 rows under it",
        text,
        "386.30 420.00",
        "386.30 421.00",
    );
    assert_eq!(stated(&f), "2120", "{f:?}");
    assert!(f.message.contains("= 2121.00"), "{}", f.message);
}

#[test]
fn rate_mismatch_of_the_titles_fund_allotted_by_one_giver() {
    // `省级财政安排…专项资金6,500万元` is the report's budget (the title's
    // fund); the spending and rate right after it were left a part's.
    let text = "某省2023年度中小学教师培训专项资金绩效自评报告\n2023年省级财政安排中小学教师培训专项资金6,500万元，实际支出6,318.50万元，预算执行率97.21%。\n按培训项目分，骨干教师培训2,600万元，支出2,546.20万元；乡村教师培训2,400万元，支出2,358.30万元；校长培训1,500万元，支出1,414.00万元。\n";
    holds_then_fails(
        "rate.mismatch",
        "6318.50 / 6500 = 97.21%",
        text,
        "97.21%",
        "97.31%",
    );
    // `按培训项目分，` opening the paragraph right after lists its parts.
    holds_then_fails(
        "parts.sum",
        "实际支出 = 3 parts",
        text,
        "支出2,358.30",
        "支出2,368.30",
    );
    // Under a heading of its own, a key lists no parts of the paragraph above.
    let (_, checks) = traced(&text.replace("\n按培训项目分", "\n二、分项情况\n按培训项目分"));
    assert!(
        !checks.iter().any(|c| c.relation.contains("= 3 parts")),
        "{checks:?}"
    );
}

#[test]
fn adjustment_mismatch_of_a_budget_adjusted_upwards_in_words() {
    // `年中调整增加` is a rise of the budget (it was an unknown change word,
    // which left the sentence unjudged).
    holds_then_fails(
        "adjustment.mismatch",
        "68426.30 + 4318.52 = 72744.82",
        "某县教育局2023年度部门整体支出绩效自评报告\n2023年部门年初预算68,426.30万元，年中调整增加4,318.52万元，全年预算72,744.82万元。全年支出71,862.15万元，预算执行率98.79%。\n",
        "调整增加4,318.52",
        "调整增加4,418.52",
    );
}

#[test]
fn rate_mismatch_of_a_share_named_by_its_part_or_of_a_part_alone_under_qizhong() {
    // `新能源车辆占比` is the share of the part named so before it, of the
    // whole before its 其中 (a count); `机械化清扫率` names its part less the
    // noun of what it measures (面积). Both were judged by nothing.
    holds_then_fails(
        "rate.mismatch",
        "1136 / 1420 = 80.00%",
        "运营车辆1,420辆，其中新能源车辆1,136辆，新能源车辆占比80.00%。全年客运量1.86亿人次。\n",
        "占比80.00%",
        "占比81.00%",
    );
    holds_then_fails(
        "rate.mismatch",
        "1000 / 1250 = 80%",
        "全区道路清扫保洁面积1,250万平方米，其中机械化清扫面积1,000万平方米，机械化清扫率80%。\n",
        "1,000万平方米",
        "1,050万平方米",
    );
    // A share of money after the one part 其中 names: of the amount before it.
    holds_then_fails(
        "rate.mismatch",
        "600 / 1000 = 60%",
        "项目资金1,000万元，其中中央资金600万元，占60%。\n",
        "占60%",
        "占66%",
    );
    // A rate of more than the part's name is another ratio (covered of whom?).
    let (_, checks) = traced("受益人口3,000人，其中脱贫人口1,200人，脱贫人口覆盖率100%。\n");
    assert!(checks.is_empty(), "{checks:?}");
}

#[test]
fn rate_mismatch_of_a_use_rate_over_the_funds_there_were_to_spend() {
    // `资金使用率` after `上年结转…，2023年下达资金…，当年可用资金…`: what was
    // spent over the funds available. It was judged as 下达 over 可用 (its
    // words share 资金; 下达 names a base, never what was used), a false
    // error, and then over the 下达 budget alone.
    let text = "一、资金情况\n上年结转资金48.60万元，2023年下达资金236.00万元，当年可用资金284.60万元。全年支出资金262.35万元，资金使用率92.18%，结转下年22.25万元。\n二、产出情况\n维修管网83.6公里。\n";
    holds_then_fails(
        "rate.mismatch",
        "262.35 / 284.60 = 92.18%",
        text,
        "使用率92.18%",
        "使用率93.18%",
    );
}

#[test]
fn parts_sum_of_a_total_score_over_numbered_paragraphs_of_its_groups() {
    // `综合得分87.6分…具体得分情况如下：` and then one numbered paragraph per
    // group of the framework, each opening on its marks and score: the groups'
    // scores are the total's parts (judged by nothing before).
    let text = "五、综合评价情况及评价结论\n经评价，该项目综合得分87.6分，评价等级为“良”。具体得分情况如下：\n（一）项目决策（20分），得分17.5分。其中项目立项5分，得5分；绩效目标8分，得6.5分；资金投入7分，得6分。\n（二）项目过程（20分），得分17分。其中资金管理10分，得8.5分；组织实施10分，得8.5分。\n（三）项目产出（30分），得分27.6分。\n（四）项目效益（30分），得分25.5分。\n六、存在的问题\n";
    holds_then_fails(
        "parts.sum",
        "该项目综合得分 totals 4 amounts",
        text,
        "得分27.6分",
        "得分28.6分",
    );
    // And a group's indicators, each scored after its marks, add up to no
    // more than the group's score.
    holds_then_fails("parts.sum", "得分 = 3 parts", text, "得6.5分", "得7.5分");
    // Not a paragraph under a heading of its own, nor one that is no group's.
    let (_, checks) =
        traced(&text.replace("具体得分情况如下：\n", "具体得分情况如下：\n二、各项得分\n"));
    assert!(
        !checks
            .iter()
            .any(|c| c.relation.contains("totals 4 amounts")),
        "{checks:?}"
    );
}

#[test]
fn rate_mismatch_of_a_count_done_over_what_should_have_been_named_inside_its_label() {
    // `全县城乡居民医保应参保人数…，实际参保…，参保率…`: both counts name the
    // rate's verb (参保), the first as what should have been (应参保): it is
    // the whole, wherever its 应 stands in the label (judged by nothing).
    holds_then_fails(
        "rate.mismatch",
        "57.45 / 58.62 = 98.00%",
        "一、基本情况\n2023年全县城乡居民医保应参保人数58.62万人，实际参保57.45万人，参保率98.00%。\n",
        "参保率98.00%",
        "参保率98.10%",
    );
}

#[test]
fn parts_sum_of_funds_released_in_as_many_batches_as_counted() {
    // `分两批下达：第一批…；第二批…`: the batches are all of the funds (their
    // number is stated), the list running on past `；` by its ordinals.
    let text = "一、资金下达情况\n2023年市级财政安排企业技术改造专项资金3,600万元，分两批下达：第一批2,100万元于6月下达，支持项目28个；第二批1,500万元于10月下达，支持项目19个。\n";
    holds_then_fails(
        "parts.sum",
        "= its 2 parts, all of it",
        text,
        "资金3,600万元",
        "资金3,700万元",
    );
    // As many batches as counted only: one named of two is some of them.
    let (f, checks) = traced("项目资金1,200万元，分两次拨付，第一次拨付600万元。\n");
    assert!(f.is_empty() && checks.is_empty(), "{f:?} {checks:?}");
}

#[test]
fn rate_mismatch_of_an_overall_execution_rate() {
    // `综合执行率` is the whole's rate as `总体执行率` is (it was a part's,
    // judged by nothing).
    holds_then_fails(
        "rate.mismatch",
        "1677.05 / 1720.00 = 97.50%",
        "三、重点项目\n以上3个重点项目全年预算合计1,720.00万元，执行1,677.05万元，综合执行率97.50%。\n",
        "综合执行率97.50%",
        "综合执行率96.50%",
    );
}

#[test]
fn prose_deduction_of_a_total_taken_in_the_evaluation() {
    // `评价过程中共扣9.5分，其中：…`: a total deduction after words of where it
    // was taken is the total (it had to be the label alone); a group's
    // (`部门决策共扣…`) is not.
    let text = "三、评价结论\n经评价，部门整体支出绩效评价得分为90.5分，等级为“优”。评价过程中共扣9.5分，其中：部门决策扣1.5分，部门管理扣3分，部门产出扣2分，部门效益扣3分。\n";
    holds_then_fails(
        "prose.deduction",
        "4 deductions add up to 9.5",
        text,
        "部门产出扣2分",
        "部门产出扣3分",
    );
    let (f, checks) = traced("部门决策共扣2分，其中立项扣1分，目标扣1分；部门管理扣3分。\n");
    assert!(f.is_empty(), "{f:?}");
    assert!(
        !checks.iter().any(|c| c.rule == "prose.deduction"),
        "{checks:?}"
    );
}

#[test]
fn parts_sum_of_a_column_of_spending_named_by_its_amount() {
    // `预算金额 | 执行金额`: both ended on 金额 and were read as budgets, so the
    // second column, its 合计 and every row's rate were judged by nothing.
    let text = "某市2023年度专项资金绩效自评情况汇总表\n单位：万元\n序号\t专项资金名称\t主管部门\t预算金额\t执行金额\t执行率\t自评得分\n1\t中小企业发展专项\t市工信局\t1,200.00\t1,152.00\t96.00%\t92\n2\t文化旅游发展专项\t市文旅局\t860.00\t774.00\t90.00%\t86.5\n3\t科技创新专项\t市科技局\t2,400.00\t2,376.00\t99.00%\t95\n合计\t\t\t4,460.00\t4,302.00\t96.46%\n填报单位：市财政局\n";
    holds_then_fails(
        "parts.sum",
        "合计 全年执行数 = the 3 rows above it",
        text,
        "4,302.00",
        "4,312.00",
    );
    holds_then_fails(
        "rate.mismatch",
        "774.00 / 860.00 = 90.00%",
        text,
        "90.00%",
        "91.00%",
    );
}

#[test]
fn never_cry_wolf_on_sources_listed_after_the_balance() {
    // `项目结余资金277.24万元，结余率5.04%。按资金来源分，中央财政…`: the sources
    // split the funds, not what is left of them (a false error of 5,500.74
    // against 277.24, in one paragraph and across two).
    let text = "本项目年初预算5000万元，调整后全年预算5500.74万元，实际支出5223.50万元，预算执行率为94.96%。项目结余资金277.24万元，结余率5.04%。按资金来源分，中央财政2750.37万元，占50.00%；省级财政1650.22万元，占30.00%；县级财政1100.15万元，占20.00%。\n";
    for text in [
        text.to_string(),
        text.replace("。项目结余", "。\n项目结余")
            .replace("。按资金", "。\n按资金"),
    ] {
        let (f, _) = traced(&text);
        assert!(of(&f, "parts.sum").is_empty(), "{text}: {f:?}");
    }
    // What is left split by what is left is read.
    holds_then_fails(
        "parts.sum",
        "结余资金 = 2 parts",
        "项目结余资金80万元。其中中央资金结余50万元，省级资金结余30万元。\n",
        "结余30万元",
        "结余40万元",
    );
}

#[test]
fn parts_sum_of_uses_after_what_was_left() {
    // `…结余资金12.52万元。资金主要用于：…`: the uses were read as parts of what
    // was left (a false error of 372.48 against 12.52), in one paragraph and
    // under a heading of their own; they are parts of what was spent.
    let text = "本年度森林防火专项资金预算为385.00万元，截至年底实际支出372.48万元，预算执行率为96.75%，结余资金12.52万元。资金主要用于：购置防火物资设备146.20万元，扑火队员补助128.60万元，防火宣传38.40万元，防火通道维护59.28万元。\n";
    for text in [
        text.to_string(),
        text.replace("。资金主要", "。\n二、资金使用情况\n资金主要"),
    ] {
        holds_then_fails(
            "parts.sum",
            "实际支出 = 4 parts",
            &text,
            "防火宣传38.40",
            "防火宣传48.40",
        );
    }
    // What is left and planned for uses in its own sentence is their whole.
    holds_then_fails(
        "parts.sum",
        "结余资金 = 2 parts",
        "实际支出372.48万元，结余资金12.52万元，拟用于：防火物资补充8.52万元，宣传4.00万元。\n",
        "宣传4.00",
        "宣传5.00",
    );
}

#[test]
fn parts_sum_of_spending_with_what_was_left_listed_beside() {
    // `2022年支出…，其中基本支出…，项目支出…，结余结转37.38万元`: what is left
    // is besides what was spent (a false error: 1,268.45 against 1,231.07),
    // unless the whole is the 支出总计 that takes it in.
    let text = "2022年预算收入1,268.45万元。2022年支出1,231.07万元，其中基本支出688.34万元，项目支出542.73万元，结余结转37.38万元。\n";
    let wrong = holds_then_fails(
        "parts.sum",
        "2022年支出 = 2 parts",
        text,
        "基本支出688.34",
        "基本支出698.34",
    );
    assert_eq!(wrong.severity, Severity::Error);
    // A 支出 that is the 支出总计 takes it in.
    holds_then_fails(
        "parts.sum",
        "2022年支出 = 3 parts",
        &text.replace("支出1,231.07", "支出1,268.45"),
        "项目支出542.73",
        "项目支出552.73",
    );
    holds_then_fails(
        "parts.sum",
        "支出总计 = 2 parts",
        "2023年度部门支出总计6,482.35万元，其中：本年支出6,105.82万元，年末结转和结余376.53万元。\n",
        "376.53",
        "386.53",
    );
}

#[test]
fn rate_mismatch_of_one_fund_paid() {
    // `中央资金已支付1,856.40万元，支付率92.82%`: one fund's payments, over that
    // fund's amount (it was a warning over the project's 总投资).
    let text = "项目总投资3,200万元，其中中央财政补助资金2,000万元，企业自筹1,200万元。截至评价时点，中央资金已支付1,856.40万元，支付率92.82%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "1856.40 / 2000 = 92.82%",
        text,
        "92.82%",
        "93.82%",
    );
    assert_eq!(f.severity, Severity::Error);
}

#[test]
fn rate_mismatch_of_a_table_of_payments() {
    // `下达资金 | 已支付 | 支付率`: the payments column named no stage (its
    // 合计 and every row's rate were judged by nothing); with no column of
    // funds received, the 支付率 is over the funds given.
    let text = "2023年度乡村振兴衔接资金分项目执行表\n序号 项目名称 下达资金(万元) 已支付(万元) 支付率\n1 产业路硬化 320.00 318.40 99.50%\n2 光伏帮扶电站运维 86.00 80.84 94.00%\n3 小额信贷贴息 145.60 145.60 100.00%\n合计 551.60 544.84 98.77%\n";
    holds_then_fails(
        "rate.mismatch",
        "80.84 / 86.00 = 94.00%",
        text,
        "94.00%",
        "95.00%",
    );
    holds_then_fails(
        "parts.sum",
        "合计 执行数 = 3 rows",
        text,
        "544.84",
        "545.84",
    );
}

#[test]
fn rate_mismatch_of_a_column_of_what_was_actually_executed() {
    // `年初预算 | 调整预算 | 调整后预算 | 实际执行 | 执行率`: `实际执行` named no
    // column, so neither its rows' rates nor its 合计 were judged.
    let text = "预算执行情况表(单位:万元)\n项目 年初预算 调整预算 调整后预算 实际执行 执行率\n一、基本支出 356.42 18.60 375.02 372.81 99.41%\n二、项目支出 620.00 -45.00 575.00 548.36 95.37%\n合计 976.42 -26.40 950.02 921.17 96.96%\n";
    holds_then_fails(
        "rate.mismatch",
        "548.36 / 575.00 = 95.37%",
        text,
        "548.36",
        "558.36",
    );
}

#[test]
fn parts_sum_of_a_list_printed_a_clause_a_line() {
    // `其中：…资金3,512.80万元；` / `…经费486.50万元；` / `…资金629.00万元。`: each
    // line ended a paragraph at its `；`, and funds named 资金 and 经费 were not
    // alike, so the list was read as nothing.
    let text = "2023年度公共卫生服务补助资金绩效自评\n资金总额：4,628.30万元。\n其中：基本公共卫生服务补助资金3,512.80万元；\n重大传染病防控经费486.50万元；\n医疗服务与保障能力提升资金629.00万元。\n资金执行：已支出4,410.26万元，执行率95.29%。\n";
    holds_then_fails("parts.sum", "资金总额 = 3 parts", text, "486.50", "496.50");
    // Each clause keeps the line it was printed on.
    let f = check(&text.replace("486.50", "496.50"));
    let doc = jixiao_ingest::read(text.as_bytes()).expect("readable text");
    let report = jixiao_extract::extract(&doc);
    let fund = report
        .facts
        .iter()
        .find(|m| m.label.contains("防控经费"))
        .expect("the second clause's amount");
    assert_eq!(fund.source.line, Some(4), "{f:?}");
}

#[test]
fn amount_product_of_a_column_counted_by_its_unit() {
    // `补助标准(万元/个) | 社区数(个) | 补助金额(万元)`: a count named by its unit
    // (not 人数 / 户数 / 数量) was no column of what the standard pays for.
    let text = "2023年度城市社区专项补助资金使用情况\n社区名称 补助标准(万元/个) 社区数(个) 补助金额(万元)\n城区街道 20 12 240\n新城街道 15 8 120\n老城街道 10 6 60\n合计 — 26 420\n";
    holds_then_fails(
        "amount.product",
        "新城街道 8 × 15 = 120",
        text,
        "新城街道 15 8",
        "新城街道 16 8",
    );
    // A standard's own unit (`万元/个`) names no count.
    assert!(!jixiao_extract::vocab::names_a_count_paid_for(
        "补助标准(万元/个)"
    ));
}

#[test]
fn parts_sum_of_unnumbered_items_a_total_points_back_at() {
    // `以上三项合计资助8,230人次，资助资金845.60万元`: the three paragraphs right
    // before it, unnumbered, are its parts — counts and amounts of no measure
    // word alike; each item's own count × standard is read too.
    let text = "某县2023年度学生资助资金绩效评价报告\n学前教育资助：资助幼儿1,260人次，资助标准每生每年1,000元，资助资金126.00万元。\n义务教育家庭经济困难学生生活补助：资助4,820人次，资助资金289.60万元。\n普通高中国家助学金：资助2,150人次，资助标准每生每年2,000元，资助资金430.00万元。\n以上三项合计资助8,230人次，资助资金845.60万元。\n";
    holds_then_fails(
        "parts.sum",
        "资助资金 = its 3 parts, all of it",
        text,
        "289.60",
        "299.60",
    );
    holds_then_fails(
        "parts.sum",
        "以上三项合计资助 = its 3 parts, all of it",
        text,
        "4,820",
        "4,830",
    );
    holds_then_fails(
        "amount.product",
        "2150 × 2000 = 430.00",
        text,
        "2,150人次，资助标准",
        "2,160人次，资助标准",
    );
    // As many as it counts: `以上两项` takes the two right before it.
    let (_, checks) = traced(&text.replace("以上三项", "以上两项"));
    assert!(
        checks
            .iter()
            .any(|c| c.rule == "parts.sum" && c.relation.contains("资助资金 = its 2 parts")),
        "{checks:?}"
    );
}

#[test]
fn date_fiscal_year_only_of_a_year_stated() {
    // No `年度` anywhere: the plain years name the year reviewed, but not one
    // planned ahead (`计划2024年完工`), which made the 2023 as-of date look old.
    let text = "项目实施情况\n该项目计划投资2,450万元，分三期实施：一期工程投资860万元，已于2022年完工；二期工程投资920万元，已于2023年6月完工；三期工程投资670万元，计划2024年完工。截至2023年底，累计完成投资1,780万元，占计划投资的72.65%。\n";
    let doc = jixiao_ingest::read(text.as_bytes()).expect("readable text");
    let report = jixiao_extract::extract(&doc);
    assert_ne!(report.report.fiscal_year, Some(2024));
    assert!(of(&check(text), "date.fiscal_year").is_empty());
    // A year guessed from plain years at all is no year stated: an excerpt of
    // a 2024 budget (`2024年政府采购预算…`) may count its cars at 2023's end.
    let excerpt = "五、政府采购情况\n2024年政府采购预算总额428.60万元。\n六、国有资产占用情况\n截至2023年12月31日，本部门共有车辆6辆。\n";
    assert!(of(&check(excerpt), "date.fiscal_year").is_empty());
    // Stated as `2024年度`, the year is the report's and the date a year old.
    let stated = excerpt.replace("2024年政府采购", "2024年度政府采购");
    let hits = of(&check(&stated), "date.fiscal_year").len();
    assert_eq!(hits, 1);
    let doc = jixiao_ingest::read(stated.as_bytes()).expect("readable text");
    let at = jixiao_extract::extract(&doc)
        .report
        .sources
        .get("fiscal_year")
        .cloned();
    assert_eq!(at.and_then(|s| s.line), Some(2));
}

#[test]
fn rate_mismatch_of_a_part_named_by_its_rate() {
    // `…其中基本支出执行率100%，项目支出执行率94.88%` after the parts of the
    // budget and of the spending: each part's spending over its budget (read
    // as nothing before).
    let text = "二、部门预算执行情况\n2023年本部门全年预算数为3,862.17万元，其中：基本支出预算1,526.40万元，项目支出预算2,335.77万元。全年执行数为3,742.55万元，其中：基本支出1,526.40万元，项目支出2,216.15万元。预算执行率96.90%，其中基本支出执行率100%，项目支出执行率94.88%。\n";
    let f = holds_then_fails(
        "rate.mismatch",
        "2216.15 / 2335.77 = 94.88%",
        text,
        "项目支出执行率94.88%",
        "项目支出执行率95.88%",
    );
    assert_eq!(f.severity, Severity::Error);
    // Named with its measure too.
    holds_then_fails(
        "rate.mismatch",
        "2216.15 / 2335.77 = 94.88%",
        &text.replace("项目支出执行率", "项目支出预算执行率"),
        "项目支出预算执行率94.88%",
        "项目支出预算执行率95.88%",
    );
}

#[test]
fn balance_mismatch_of_the_totals_in_and_out() {
    // A department's account balances: its 收入总计 and 支出总计 (预算总计,
    // 决算总计) in one sentence are one sum (read as nothing before).
    let text = "一、收入支出决算总体情况\n2023年度收入总计2,846.73万元，支出总计2,846.73万元。与2022年度相比，收、支总计各减少124.52万元，下降4.19%。\n";
    let f = holds_then_fails(
        "balance.mismatch",
        "收入总计 2846.73 = 支出总计 2846.73",
        text,
        "支出总计2,846.73",
        "支出总计2,856.73",
    );
    assert_eq!(f.severity, Severity::Error);
    holds_then_fails(
        "balance.mismatch",
        "收入总计 3286.54 = 支出总计 3286.54",
        "2024年收入预算总计3,286.54万元，支出预算总计3,286.54万元，与2023年相比，收、支预算总计各增加156.32万元。\n",
        "支出预算总计3,286.54",
        "支出预算总计3,296.54",
    );
    // Not of two books, nor the year's own income and spending (合计), nor
    // where the report does not change them together (a loose 总计).
    for text in [
        "财政拨款收入总计2,846.73万元，支出总计2,900.00万元，收、支总计各减少12万元。\n",
        "本年收入合计2,612.40万元，本年支出合计2,598.17万元，收、支总计各减少12万元。\n",
        "2024年度收入总计1523.26万元，支出总计1500.00万元，与上年相比分别增加100万元、80万元。\n",
    ] {
        let (f, checks) = traced(text);
        assert!(of(&f, "balance.mismatch").is_empty(), "{f:?}");
        assert!(
            !checks.iter().any(|c| c.relation.contains("支出总计")),
            "{checks:?}"
        );
    }
}

#[test]
fn rate_mismatch_of_aid_paid_out_as_spending() {
    // `累计发放低保金5,286.42万元，资金支出率97.90%`: aid paid out is what was
    // spent of the funds listed a paragraph before (no numerator was named).
    let text = "项目名称：2023年度农村低保资金\n资金来源：中央补助资金3,600.00万元，省级补助资金1,200.00万元，县级配套资金600.00万元，共计5,400.00万元。\n资金支出：累计发放低保金5,286.42万元，资金支出率97.90%；结余113.58万元，结转下年使用。\n";
    holds_then_fails(
        "rate.mismatch",
        "5286.42 / 5400.00 = 97.90%",
        text,
        "97.90%",
        "98.90%",
    );
}

#[test]
fn rate_mismatch_of_a_share_of_the_total_of_a_named_fund() {
    // `占衔接资金总额的61.00%` a paragraph after `共下达衔接资金5,260万元`: the
    // total of 衔接资金 is the figure named so (no figure was named `…总额`).
    let text = "（一）资金下达情况\n2023年共下达衔接资金5,260万元，其中：中央衔接资金3,120万元，省级衔接资金1,340万元，区级衔接资金800万元。\n（二）资金使用情况\n用于产业发展的资金3,208.60万元，占衔接资金总额的61.00%。\n";
    holds_then_fails(
        "rate.mismatch",
        "3208.60 / 5260 = 61.00%",
        text,
        "61.00%",
        "62.00%",
    );
    // Money at large (`占资金总额的`) names no one figure so.
    let (_, checks) = traced(&text.replace("占衔接资金总额的", "占资金总额的"));
    assert!(
        !checks.iter().any(|c| c.relation.contains("3208.60 / 5260")),
        "{checks:?}"
    );
}
