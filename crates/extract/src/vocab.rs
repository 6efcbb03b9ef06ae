//! The words reports use: header names of table columns, and the Ministry of
//! Finance's common indicator framework (共性指标框架, 财预〔2020〕10号), which most
//! score tables follow and which serves as a last-resort prior when a page
//! break has scrambled a table's parent cells.

/// What a table column holds, from its header text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// 一级指标.
    Level1,
    /// 二级指标.
    Level2,
    /// 三级指标.
    Level3,
    /// 指标值 / 年度指标值.
    Target,
    /// 实际完成值.
    Actual,
    /// 权重 / 分值.
    Weight,
    /// 得分.
    Score,
    /// 指标解释 / 评分标准 / 偏差原因: prose about the row.
    Description,
    /// 序号.
    Seq,
    /// 项目名称.
    Name,
    /// 年初预算.
    Initial,
    /// 预算数 / 全年预算 / 调整后预算.
    Budget,
    /// 实际到位 / 可用资金.
    Available,
    /// 年中增减 / 调整数: what the year changed the 年初预算 by, signed.
    Adjustment,
    /// 执行数 / 预算执行.
    Executed,
    /// 执行率.
    Rate,
    /// 指标性质: the sign a target is read with (≥, ≤, =, 定性), printed in a
    /// column of its own by some provinces' forms.
    Sign,
    /// 度量单位: the unit of a target and its actual value, in a column of its own.
    Unit,
    /// A column the vocabulary does not name (`债券性质`), between columns it
    /// does: kept so the cells after it stay under their own headers.
    Other,
    /// An amount of an earlier year than the header's latest (`2017年决算数`
    /// beside `2018年预算数 | 2018年决算数`): no figure of the budget, read for
    /// the checker's column sums only.
    EarlierYear,
}

impl Role {
    /// A column of money (a budget, funds received, spending or a change of
    /// the budget), not a rate, a weight or a score.
    pub fn is_amount(self) -> bool {
        matches!(
            self,
            Role::Initial
                | Role::Budget
                | Role::Executed
                | Role::Available
                | Role::Adjustment
                | Role::EarlierYear
        )
    }

    /// A column of the indicators' hierarchy: 一级, 二级 or 三级.
    pub fn is_level(self) -> bool {
        matches!(self, Role::Level1 | Role::Level2 | Role::Level3)
    }
}

/// A header printed in two rows, its merged cells' names above and their
/// columns' below (`绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分` over `一级指标 |
/// 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位`): the upper row scores but
/// names no level, the lower names the levels and no score. Returns how many of
/// the upper row's columns (roles in order) the lower row spells out: the one
/// header is the lower row's columns, then the upper row's from there on.
/// (Tables and token streams alike merge the rows so.)
pub fn spelled_out(upper: &[Role], lower: &[Role]) -> Option<usize> {
    let two_rows = upper.contains(&Role::Score)
        && !upper.iter().any(|r| r.is_level())
        && lower.iter().any(|r| r.is_level())
        && !lower.contains(&Role::Score);
    two_rows.then(|| {
        upper
            .iter()
            .rposition(|r| lower.contains(r))
            .map_or(0, |k| k + 1)
    })
}

/// The signs that bound a target's number (`≥` `13` `台`): a target is read
/// with its sign.
pub const BOUNDING_SIGNS: &[&str] = &["≥", "≤", ">", "<", "＞", "＜", ">=", "<="];

/// Everything a form's 指标性质 column holds: a bounding sign, `=`, or words
/// for how the target is judged. None of them is a target or an actual value.
pub fn is_target_sign(text: &str) -> bool {
    BOUNDING_SIGNS.contains(&text) || matches!(text, "=" | "＝" | "定性" | "定量" | "正向" | "反向")
}

/// Classifies a header cell. Order matters: `实际完成值` before `指标值`, `执行率`
/// before `执行`, `年初预算` before `预算`.
pub fn header_role(text: &str) -> Option<Role> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    // 年度预算执行情况（万元） titles a block; it names no column.
    // (Nor does a table's caption: `绩效评价得分情况表`.)
    if t.is_empty()
        || t.chars().count() > 24
        || t.contains("执行情况")
        || (t.ends_with('表') && t.chars().count() >= 4)
    {
        return None;
    }
    let has = |w: &str| t.contains(w);
    // Last year's figures (`上年完成值`, `上年决算数`) are no column of this
    // year's: what was carried over from it (`上年结转`) is.
    if ["上年", "去年", "往年", "上一年"].iter().any(|w| has(w)) && !has("结转") && !has("结余")
    {
        return None;
    }
    // `预算金额(万元)`: the unit after a column's name is no part of it.
    let bare = without_unit(&t);
    Some(if has("一级指标") {
        Role::Level1
    } else if has("二级指标") {
        Role::Level2
    } else if has("三级指标")
        || matches!(
            t.as_str(),
            "指标名称"
                | "指标"
                | "评价指标"
                | "指标内容"
                | "评价内容"
                | "考核内容"
                | "考核指标"
                | "绩效指标名称"
        )
    {
        // Forms without the 一/二/三级 words name their indicator column so.
        Role::Level3
    } else if has("指标性质") || has("指标方向") || t == "符号" {
        Role::Sign
    } else if has("度量单位") || has("计量单位") || has("指标单位") {
        Role::Unit
    } else if has("依据") || has("规则") || has("佐证") {
        // `指标值设置依据`, `指标赋分规则`, `佐证资料`: text about a value, no value.
        Role::Description
    } else if has("实际完成") || has("完成值") || has("实际值") {
        Role::Actual
    } else if has("指标值") || has("目标值") {
        Role::Target
    } else if has("解释")
        || has("说明")
        // `年度主要任务 | 任务名称 | 主要内容 | 预算数`: what a task is, no name of it.
        || has("主要内容")
        || has("具体内容")
        || has("评分标准")
        || has("评价标准")
        || has("评分依据")
        || has("评价要点")
        || has("偏差原因")
        || has("未完成原因")
        || has("评分细则")
        || t.ends_with("原因")
        || t.ends_with("理由")
        || has("原因分析")
        || has("原因说明")
    {
        Role::Description
    } else if has("权重") || has("分值") || has("满分") || has("标准分") {
        Role::Weight
    } else if (has("得分") || t == "评分" || has("自评分")) && !has("得分率") {
        // (得分率 is the score over the weight, no score.)
        Role::Score
    } else if t == "序号" || t == "编号" {
        Role::Seq
    } else if has("项目名称")
        || t == "预算项目"
        || t == "项目"
        || t.starts_with("支出内容")
        || t.starts_with("支出项目")
        // Funds by place or unit: `乡镇 | 下达资金 | 实际支出`.
        || matches!(bare, "乡镇" | "乡镇（街道）" | "地区" | "县区" | "区县" | "单位名称" | "市州")
        // `市别`, `县别`: the place each row is.
        || (bare.ends_with('别') && bare.chars().count() <= 3)
        // A row's kind of spending or aid: `补贴类别`, `支出类别`.
        || (bare.ends_with("类别") && !has("指标") && bare.chars().count() <= 6)
    {
        Role::Name
    } else if (has("增减")
        || has("调整数")
        || has("调整额")
        || has("调整金额")
        || has("调剂数")
        || t == "调整"
        || has("追加")
        || has("调增")
        || has("调减"))
        && !has("后")
        && !has("率")
    {
        // 调整后预算 is the budget; 年中增减 what changed it.
        Role::Adjustment
    } else if has("计划") && (has("支出") || has("安排") || has("金额") || has("投资")) {
        // 计划支出数 is the budget of a spending line, not what was spent.
        Role::Budget
    } else if ["下达", "分配", "安排"].iter().any(|w| has(w))
        && ["资金", "金额"].iter().any(|w| bare.ends_with(w))
        && !has("率")
    {
        // What each place or project was given: `下达资金`, `分配金额`.
        Role::Budget
    } else if has("执行率")
        || has("资金使用率")
        || has("支出率")
        || has("支付率")
        // `决算数占调整后预算比例（%）`: what was spent as a share of the budget.
        || ((has("比例") || has("占")) && (has("决算") || has("执行")) && has("预算"))
    {
        // What was spent over the budget, by any of its names.
        Role::Rate
    } else if (has("到位") || has("可用资金") || names_paid_out(bare)) && !has("率") {
        // (到位率 is a rate of the funds, no amount of them.)
        Role::Available
    } else if has("年初预算") {
        Role::Initial
    } else if has("执行数")
        // `预算金额 | 执行金额`: what was spent, named by its amount too.
        || has("执行金额")
        || has("执行额")
        || has("支出金额")
        || has("预算执行")
        || has("支出数")
        || has("实际支出")
        || has("已支出")
        || has("累计支出")
        || has("决算")
        // `实际使用情况`: what was used of the funds, a stage of them.
        || has("实际使用")
        // `实际执行`, `全年执行`; `已支付`, `实际支付`: what was spent or paid.
        || matches!(undated(bare), "实际执行" | "全年执行" | "累计执行")
        || has("已支付")
        || has("实际支付")
    {
        Role::Executed
    } else if has("预算数") || has("全年预算") || has("调整后预算") || undated(bare) == "预算"
    {
        Role::Budget
    } else if has("预算") && bare.ends_with("总额") && !has("执行") {
        // `年度预算资金总额`: the budget, heading the sources across after it.
        Role::Budget
    } else if bare.ends_with("规模") || bare.ends_with("金额") {
        // `截至2023年底已发债券规模`, `合同金额`: an amount each row is given.
        Role::Budget
    } else if names_the_funds_given(&t, bare) {
        Role::Budget
    } else if matches!(bare, "计划" | "计划数") {
        // `项目 | 计划 | 实际`: a line's plan and what was spent of it.
        Role::Budget
    } else if matches!(bare, "实际" | "实际数") {
        Role::Executed
    } else {
        return None;
    })
}

/// `债券资金（亿元）`, `补助资金（万元）`: a column of the funds each row was given,
/// named by their kind and printed in money. (Not a form's block of the
/// project's funds, `项目资金（万元）`; not a source's share of them,
/// `中央资金`, nor what became of them: `结余资金`.)
fn names_the_funds_given(t: &str, bare: &str) -> bool {
    const KINDS: &[&str] = &[
        "债券资金",
        "补助资金",
        "补贴资金",
        "奖补资金",
        "奖励资金",
        "救助资金",
        "专项资金",
        "衔接资金",
    ];
    KINDS.iter().any(|k| bare.ends_with(k))
        && bare.chars().count() <= 6
        && bare != t
        && ["元）", "元)"].iter().any(|w| t.ends_with(w))
        && !jixiao_model::facts::names_fund_source(bare)
        && ![
            "结余", "结转", "节约", "支出", "使用", "执行", "配套", "自筹", "到位", "拨付", "收回",
            "上年", "其他", "社会",
        ]
        .iter()
        .any(|w| bare.contains(w))
}

/// A column of what a place or project was paid of what it was given
/// (`已拨付`, `拨付资金`): its funds received. (Only a column's name ending
/// so: a row's `镇级拨付公司运营费` names spending.)
fn names_paid_out(name: &str) -> bool {
    ["拨付", "拨付数", "拨付资金", "拨付金额", "拨付额"]
        .iter()
        .any(|w| name.ends_with(w))
        && name.chars().count() <= 6
}

/// A column of standards per unit, in 元 (`补贴标准（元/户）`, `单价（元）`):
/// what a row's count is paid at.
pub fn names_a_standard(header: &str) -> bool {
    (header.contains("标准") || header.contains("单价")) && header.contains('元')
}

/// A column of what a standard is paid for (`发放人数`, `补贴户数`, `数量`,
/// or a count named by its unit: `社区数（个）`, `补贴面积（亩）`).
pub fn names_a_count_paid_for(header: &str) -> bool {
    const COUNTED: &[&str] = &[
        "个", "人", "户", "所", "处", "家", "村", "辆", "台", "套", "亩",
    ];
    let unit = header
        .strip_suffix([')', '）'])
        .and_then(|head| head.rsplit_once(['(', '（']))
        .map(|(_, unit)| unit);
    ["人数", "户数", "人次", "数量"]
        .iter()
        .any(|w| header.contains(w))
        || unit.is_some_and(|u| COUNTED.contains(&u))
}

/// The rate columns of the funds received: `到位率`, `拨付率`.
pub const RECEIVED_RATES: &[&str] = &["到位率", "拨付率"];

/// A column's name without the year it opens on (`2023年预算` → `预算`).
fn undated(name: &str) -> &str {
    let digits = name.len() - name.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &name[digits..];
    match rest
        .strip_prefix("年度")
        .or_else(|| rest.strip_prefix('年'))
    {
        Some(rest) if digits == 4 => rest,
        _ => name,
    }
}

/// A header cell's name without the unit printed after it in brackets
/// (`预算金额(万元)` → `预算金额`, `增减率（%）` → `增减率`).
pub fn without_unit(text: &str) -> &str {
    text.strip_suffix([')', '）'])
        .and_then(|head| head.rsplit_once(['(', '（']))
        .map_or(text, |(name, _)| name)
}

/// A header cell naming an amount in a year: the year (a named year, or −1
/// for 上年 and 0 for 本年) and the amount it names with the year and the unit
/// taken off (`2022年决算数（万元）` → 2022, `决算数`). Rates and shares are no
/// amounts (their years' figures add up to nothing).
pub fn year_amount(text: &str) -> Option<(i64, String)> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let bare = without_unit(&t);
    let (year, rest) = if let Some(rest) = ["上年度", "上年", "上一年度", "上一年"]
        .iter()
        .find_map(|w| bare.strip_prefix(w))
    {
        (-1, rest)
    } else if let Some(rest) = ["本年度", "本年"].iter().find_map(|w| bare.strip_prefix(w)) {
        (0, rest)
    } else {
        let digits = bare.get(..4)?;
        let year: i64 = digits.parse().ok().filter(|y| (1990..=2100).contains(y))?;
        let rest = bare[4..]
            .strip_prefix("年度")
            .or_else(|| bare[4..].strip_prefix('年'))?;
        (year, rest)
    };
    let amount = rest.is_empty()
        || ["数", "额", "支出", "收入", "决算", "预算", "资金", "经费"]
            .iter()
            .any(|w| rest.ends_with(w));
    let rate = ["率", "比例", "比重", "占", "%", "目标", "指标", "完成"]
        .iter()
        .any(|w| rest.contains(w));
    (amount && !rate).then(|| (year, rest.to_string()))
}

/// The common framework: (一级, 二级, 三级) as the Ministry of Finance names them.
/// Reports rename the 一级 (`决策` / `项目决策`) more often than the rest.
pub const FRAMEWORK: &[(&str, &str, &str)] = &[
    ("决策", "项目立项", "立项依据充分性"),
    ("决策", "项目立项", "立项程序规范性"),
    ("决策", "绩效目标", "绩效目标合理性"),
    ("决策", "绩效目标", "绩效指标明确性"),
    ("决策", "资金投入", "预算编制科学性"),
    ("决策", "资金投入", "资金分配合理性"),
    ("过程", "资金管理", "资金到位率"),
    ("过程", "资金管理", "预算执行率"),
    ("过程", "资金管理", "资金使用合规性"),
    ("过程", "组织实施", "管理制度健全性"),
    ("过程", "组织实施", "制度执行有效性"),
    ("产出", "产出数量", "实际完成率"),
    ("产出", "产出质量", "质量达标率"),
    ("产出", "产出时效", "完成及时性"),
    ("产出", "产出成本", "成本节约率"),
];

/// Words that name a report's total score (`总体评价得分 97.32 分`), in the
/// order the conclusion's reader tries them.
pub const TOTAL_SCORE_LABELS: &[&str] = &[
    "总得分",
    "总分",
    "综合得分",
    "总体评价得分",
    "评价得分",
    "自评得分",
    "最终得分",
    "总体得分",
    "综合评分",
    "综合评价得分",
    "项目得分",
];

/// A part's name after the `其中：` that opens a breakdown (`其中：当年财政拨款`
/// → `当年财政拨款`), if the label opens with it.
pub fn after_qizhong(label: &str) -> Option<&str> {
    label
        .strip_prefix("其中")
        .map(|rest| rest.trim_start_matches(['：', ':', '，', ',']))
}

/// A row label that a text dump ran into the label before it, a row of no
/// figures (`项目支出:1、业务工作专项`, `2、出国经费3、公务接待`,
/// `公用经费其中:办公经费`): the last label, where a numbered label or a
/// `其中：` opens after a word; else the label whole.
pub fn last_run_on_label(label: &str) -> &str {
    let opens_a_label = |rest: &str| {
        // Not a list of numbers (`1、2月`).
        jixiao_model::doc::heading_rank(rest)
            .is_some_and(|(_, title)| !title.starts_with(|c: char| c.is_ascii_digit()))
            || ["其中：", "其中:"].iter().any(|w| rest.starts_with(w))
    };
    label
        .char_indices()
        .skip(2)
        .filter(|&(at, _)| {
            let before = label[..at].chars().next_back();
            before.is_some_and(|c| !c.is_ascii() || c == ':') && opens_a_label(&label[at..])
        })
        // A 其中 before the numbered label is its own (`其中：1、人员经费`).
        .map(|(at, _)| {
            let head = &label[..at];
            let qizhong = ["其中：", "其中:"].iter().find(|w| head.ends_with(*w));
            &label[qizhong.map_or(at, |w| at - w.len())..]
        })
        .last()
        .unwrap_or(label)
}

/// A standard 二级 name of the forms' framework or the reports' that is
/// never a 一级 (`成本指标` is one in the newer forms).
pub fn names_a_level2_only(name: &str) -> bool {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let bare = name.split(['(', '（']).next().unwrap_or_default();
    bare != "成本指标"
        && (FORM_FRAMEWORK.iter().any(|(_, level2)| *level2 == bare)
            || FRAMEWORK.iter().any(|(_, level2, _)| *level2 == bare))
}

/// A 一级 name of the frameworks (a project's, a department's) that is never a 二级 (`产出`, `效益指标`;
/// not `项目效益` or `满意度指标`, which some forms print as 二级): under
/// another 一级, a text dump moved the cells.
pub fn names_a_level1_only(name: &str) -> bool {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    let bare = name.split(['(', '（']).next().unwrap_or_default();
    [
        "决策",
        "过程",
        "产出",
        "效益",
        // A department's framework.
        "投入",
        "效果",
        "项目决策",
        "项目过程",
        "项目产出",
        "产出指标",
        "效益指标",
    ]
    .contains(&bare)
}

/// Row labels that mark a table's total row.
pub fn is_total_label(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(
        t.as_str(),
        "合计" | "总计" | "总分" | "合计得分" | "得分合计" | "总得分" | "合计分数" | "总分值"
    ) || ((t.ends_with("合计") || t.ends_with("总计")) && t.chars().count() <= 6)
}

/// Labels of a group's subtotal row (`小计`, `决策小计`): the sum of the rows
/// above it, no indicator of its own.
pub fn is_subtotal_label(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    t.ends_with("小计") && t.chars().count() <= 8
}

/// Labels that stand for "no indicator here" in target tables.
pub fn is_placeholder(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(t.as_str(), "不适用" | "无" | "/" | "—" | "-" | "——" | "")
}

/// The self-evaluation forms' indicator framework (财预〔2020〕10号 附件):
/// which 一级 each standard 二级 belongs to.
pub const FORM_FRAMEWORK: &[(&str, &str)] = &[
    ("产出指标", "数量指标"),
    ("产出指标", "质量指标"),
    ("产出指标", "时效指标"),
    ("产出指标", "成本指标"),
    ("效益指标", "经济效益指标"),
    ("效益指标", "社会效益指标"),
    ("效益指标", "生态效益指标"),
    ("效益指标", "可持续影响指标"),
    ("满意度指标", "服务对象满意度指标"),
];

#[cfg(test)]
mod tests {
    #[test]
    fn a_lower_header_row_spells_out_the_upper_rows_first_columns() {
        use Role::*;
        // 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 over 一级 | 二级 | 三级 |
        // 指标性质 | 指标值 | 度量单位: the lower row spells out 年度指标值 (the
        // upper's second column), so 实际完成值 on follow the lower's.
        let upper = [Other, Target, Actual, Weight, Score];
        let lower = [Level1, Level2, Level3, Sign, Target, Unit];
        assert_eq!(spelled_out(&upper, &lower), Some(2));
        // Two headers each whole (the lower scores too), or an upper row that
        // names a level: no two-row header.
        assert_eq!(spelled_out(&upper, &[Level1, Level3, Score]), None);
        assert_eq!(spelled_out(&[Level1, Score], &lower), None);
    }

    use super::*;

    #[test]
    fn a_label_run_into_the_one_before_is_the_last() {
        assert_eq!(
            last_run_on_label("项目支出:1、业务工作专项"),
            "1、业务工作专项"
        );
        assert_eq!(last_run_on_label("2、出国经费3、公务接待"), "3、公务接待");
        assert_eq!(last_run_on_label("公用经费其中:办公经费"), "其中:办公经费");
        assert_eq!(
            last_run_on_label("基本支出其中：1、人员经费"),
            "其中：1、人员经费"
        );
        for whole in [
            "1、公务用车购置和维护经费",
            "水费、电费、差旅费",
            "2022年1、2月支出",
            "其中：人员经费",
            "其中：1、人员经费",
        ] {
            assert_eq!(last_run_on_label(whole), whole);
        }
    }

    #[test]
    fn a_column_of_a_years_amount_names_its_year_and_measure() {
        let of = |t: &str| year_amount(t);
        assert_eq!(
            of("2022年决算数（万元）"),
            Some((2022, "决算数".to_string()))
        );
        assert_eq!(of("2023年度 预算数"), Some((2023, "预算数".to_string())));
        assert_eq!(of("上年数"), Some((-1, "数".to_string())));
        assert_eq!(of("本年决算数"), Some((0, "决算数".to_string())));
        assert_eq!(of("2023年"), Some((2023, String::new())));
        // Rates, shares and targets by year add up to nothing.
        for t in [
            "2022年执行率",
            "2023年占比",
            "2023年目标值",
            "2022年完成值",
            "上年结转",
        ] {
            assert_eq!(of(t), None, "{t}");
        }
    }

    #[test]
    fn an_adjustment_column_is_not_the_adjusted_budget() {
        assert_eq!(header_role("年中增减"), Some(Role::Adjustment));
        assert_eq!(header_role("调整数（万元）"), Some(Role::Adjustment));
        assert_eq!(header_role("调整后预算"), Some(Role::Budget));
        assert_eq!(header_role("调整率"), None);
        assert_eq!(header_role("年初预算"), Some(Role::Initial));
        // A column of the funds each row was given, by their kind, in money;
        // not a form's block of the project's funds, a source's share or a balance.
        assert_eq!(header_role("实际使用情况"), Some(Role::Executed));
        assert_eq!(header_role("主要内容"), Some(Role::Description));
        assert_eq!(header_role("债券资金（亿元）"), Some(Role::Budget));
        assert_eq!(header_role("补助资金(万元)"), Some(Role::Budget));
        assert_eq!(header_role("补助资金"), None);
        assert_eq!(header_role("项目资金（万元）"), None);
        assert_eq!(header_role("中央补助资金（万元）"), None);
        assert_eq!(header_role("结余专项资金（万元）"), None);
    }

    #[test]
    fn spending_as_a_share_of_the_budget_is_a_rate_not_the_spending() {
        assert_eq!(header_role("决算数占调整后预算比例（%）"), Some(Role::Rate));
        assert_eq!(header_role("执行数占预算比例"), Some(Role::Rate));
        assert_eq!(header_role("决算数"), Some(Role::Executed));
        // A column named by its year and the bare word (`2023年预算`).
        assert_eq!(header_role("2023年预算"), Some(Role::Budget));
        assert_eq!(header_role("2023年度预算（万元）"), Some(Role::Budget));
        assert_eq!(header_role("预算编制"), None);
        // A share of the table's total budget is no rate of spending.
        assert_eq!(header_role("占预算比例"), None);
    }
}
