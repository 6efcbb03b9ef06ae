//! The rule catalogue. Each rule has a stable id, a one-line description and
//! its severity logic; `jixiao rules` prints this table. A rule is found by its
//! id's family: `score.*` in `scores`, budget amounts and rates in `amounts`,
//! `parts.sum` in `parts`, `formula.mismatch` in `formula`, sentences about
//! scores in `prose`, budget-table rows in `budget_table`.

use jixiao_model::Finding;

use crate::context::Context;
use crate::{amounts, budget_table, formula, parts, prose, restated, scores};

/// One rule of the catalogue.
pub struct Rule {
    /// Stable id, e.g. `rate.mismatch`.
    pub id: &'static str,
    /// What it checks, in one line.
    pub description: &'static str,
    /// How it decides between error and warning.
    pub severity: &'static str,
    pub(crate) run: fn(&Context) -> Vec<Finding>,
}

/// Every rule, in the order they run.
pub const CATALOGUE: &[Rule] = &[
    Rule {
        id: "score.sum",
        description: "a score table's rows add up to its stated 合计 (scores and weights), with the form's budget block (预算执行率 10 分) where the 合计 counts it, and each group's weights to the group's printed weight",
        severity: "error when impossible even with every printed score rounded; warning when only the straight sum differs",
        run: scores::score_sum,
    },
    Rule {
        id: "score.total",
        description: "the total score the report states (总体评价得分 …, 自评总分) is the total of its score table over the full 100 points (in a department's report, not of a table titled by one of its projects)",
        severity: "error when no full score table of the report can give it even with rounding; warning when only the rounding differs",
        run: scores::score_total,
    },
    Rule {
        id: "score.bounds",
        description: "every score lies between 0 and its weight; in prose, a score stated beside its own full marks (得分18分（满分20分）, 满分20分，得分18分) is within them",
        severity: "error",
        run: scores::score_bounds,
    },
    Rule {
        id: "rate.bounds",
        description: "a rate that is a share of one set of things (满意度, 及时率, 合格率, 回收率 …) is at most 100%, in prose and in a score table's 实际完成值; rates of a plan or a budget (完成率, 执行率, 到位率) or over an estimated population (覆盖率, 参保率) may pass it",
        severity: "error (a warning where the figure is stated as approximate)",
        run: prose::shares_within_the_whole,
    },
    Rule {
        id: "table.conflict",
        description: "an indicator scored in two tables of one evaluation (every indicator of the smaller table in the larger, their 合计 alike where both print one) gets the same weight and score in both",
        severity: "error",
        run: scores::table_conflict,
    },
    Rule {
        id: "value.conflict",
        description: "one budget quantity (年初预算, 调整后预算, 到位, 执行数) stated with different values in different places; an amount restated right after it in brackets in another unit (1,256,760元（125.68万元）) that its rounding (or cutting short) does not give; a form's 成本指标 whose 年度指标值 is the whole budget, its 实际完成值 what was spent (a warning)",
        severity: "error; the value stated most often is taken as the report's, the others are reported",
        run: amounts::value_conflict,
    },
    Rule {
        id: "rate.conflict",
        description: "one named rate (日常公用经费控制率, 编外人员控制率) stated with different values in different places, for the same period; a rate whose name says only 预算执行率, targets and bounds (不低于90%) take no part",
        severity: "error when the other value is stated more often; warning on a tie (one of the two is mistyped)",
        run: restated::rate_conflict,
    },
    Rule {
        id: "rate.mismatch",
        description: "a stated rate (执行率, 控制率, 到位率 …) agrees with the two amounts it is the ratio of, in prose and in budget-table rows; a share that names both (A，占 B 的 Y%) is A / B; a growth rate after a change on last year (支出X万元，与上年相比增加Y万元，增长Z%) is Y over X − Y (X + Y for a fall), X never an amount in brackets the change stands outside of (860万元（中央资金516万元，…），比上年增加120万元); one after both years' levels (上年支出25万元，…下降20%) is their difference over last year's, as is one after a move (由120万元减少到100万元，下降16.67%); a share of a total named another way (占总支出的 over 支出合计); a table of places' 拨付率 / 支出率 columns (市别 | 下达资金 | 已拨付 | 拨付率 | 已支出 | 支出率), a table of targets' 完成率 column with no scores, a count done as a share of its plan above 100% (完成计划的106.67%), a 结转结余率 or bare 支出率 beside the report's spending alone over the report's budget; a rate of which no pair was found over a base its words name (or a list's whole) stated before its numerator, in the paragraphs before too, a warning where none gives it; a 完成率 over the plan an earlier paragraph states for the same thing (计划建成…12个 … 建成…11个，完成率91.67%), a warning where it fails; a part's 完成预算的 over its budget listed after it under the 预算 (其中公务用车购置及运行费22.40万元); a budget table's 调整率 column over its row's 年初 budget (年初预算数 | 调整后预算数 | 调整率); a 调整率 after the one change and the adjusted budget, no 年初 stated (调增90万元，调整后预算1,890万元), over the adjusted less the increase (plus a cut); a rate of one source of the funds (`县级配套到位率`, or one after that fund's amount alone in its clause: `省级资金支出1,702万元，支出进度92%`) over that fund's own amount stated before it (every source word of its name: `县级自筹`), and a listed part's rate right after it alone in its clause (`专项债券拨付2,400万元，拨付率80%`) over the amount naming that part (`项目支出8,408.48万元，执行率97.48%` over `项目支出8,625.70万元` budgeted; never another year's) (an error where it fails), a warning where several are and none gives it, never over the whole's; an execution rate named by a part (`其中基本支出执行率100%，项目支出执行率94.88%`) over that part's spending and budget listed under the report's before it in the paragraph; a fund's spending rate over its one amount named alike before it, unless the fund was adjusted in the year (`年中追加动物防疫补助24万元`: which level it is over is unsure)",
        severity: "error when outside the interval of the re-computation; warning when only the rounding differs, for a growth rate (last year's level is inferred, not stated), and for a rate printed as 100% over more than its budget (scoring rules cap it so)",
        run: amounts::rate_mismatch,
    },
    Rule {
        id: "score.rate",
        description: "a score driven by a rate in the same row (预算执行 得分 = 分值 × min(执行率, 100%)) agrees with it; so does one stated in prose with its full marks and its 执行率 (in its sentence or the one before), in a report that says its score is that product; a score table's row whose own rule scores it by its completion (按完成比例计分: 分值 × min(完成率, 100%)) or, a 执行率 row, by the report's one execution rate (执行率×4, 分值×执行率)",
        severity: "error when outside the interval of the re-computation and the report says the score is that product (得分 (20分*执行率), 得分=执行率×分值); warning where it does not (forms also score a rate by bands or deductions), or when only the rounding differs",
        run: budget_table::rate_driven_scores,
    },
    Rule {
        id: "prose.deduction",
        description: "a sentence's full marks less its deductions equal the score it states (满分 3 分 … 扣 1 分 … 实际得 2 分); the report's total score is the hundred less the total deductions its paragraph states (得分为92分。…共扣8分; or said bare right after it: 得分86分，扣14分), and a total deducted stated before the items it lists (扣14分，主要扣分点：…扣2分，…) is never less than they add up to, a warning unless it says the hundred is the full marks",
        severity: "error when outside the interval of the re-computation; warning when only the rounding differs",
        run: prose::deductions,
    },
    Rule {
        id: "prose.indicator",
        description: "an indicator's score or full marks stated in prose (资金分配合理性得 5 分) agrees with its row in the score tables",
        severity: "error when no table row can give it; warning when only the rounding differs",
        run: prose::indicators,
    },
    Rule {
        id: "prose.subtotal",
        description: "a group subtotal stated in prose (决策部分得分 19 分) equals the score table's rows of that group",
        severity: "error when no score table of the report can give it; warning when only the rounding differs",
        run: prose::subtotals,
    },
    Rule {
        id: "grade.threshold",
        description: "the stated grade is the one the report's own scale gives its total (得分 ≥ 85 分为优秀 …)",
        severity: "error; silent unless the report states at least two bands",
        run: prose::grade_threshold,
    },
    Rule {
        id: "adjustment.mismatch",
        description: "an adjusted budget equals the initial one less a cut (调减) or plus a rise (调增, 调整增加) stated in the same sentence, several added up (追加…，调减…), or printed in a budget table's 年中增减 / 调整数 column",
        severity: "error when outside the interval of the re-computation; warning when only the rounding differs",
        run: prose::adjustments,
    },
    Rule {
        id: "count.rows",
        description: "a stated count of indicators (由A、B、C 3 个二级指标…; 设置 17 个三级指标) agrees with the list it names, or with the score table; a count of other things with their names, after it (直属事业单位10个,即A、B、…) or before it (共设A、B、…12个内设机构, Chinese numerals too), agrees with the names",
        severity: "error for indicators; warning for other things' names (a name may hold 、 itself)",
        run: prose::counts,
    },
    Rule {
        id: "date.fiscal_year",
        description: "an as-of date (截至 YYYY 年) before the fiscal year under review, where the report states that year (in its title or as `YYYY年度`; not one guessed from plain years)",
        severity: "warning: often a figure carried over from the year before",
        run: prose::dates,
    },
    Rule {
        id: "target.missed",
        description: "an indicator whose 实际完成值 misses its 年度指标值 (≥90% vs 88.7%) still scores full marks",
        severity: "warning: the form allows it when the miss is explained, but an auditor should look",
        run: scores::target_missed,
    },
    Rule {
        id: "formula.mismatch",
        description: "an arithmetic formula written out in the text, e.g. (a+b+c+d)÷4=r, computes to its stated result, and a rate followed by the division it was computed as in brackets (97.75%（195.5/200）); a formula's numbers are the amounts its sentence (or the one right before) states before it",
        severity: "error when outside the interval of the re-computation; warning when only the rounding differs; an amount restated apart from the formula is an error where the two are a digit's slip apart, else a warning",
        run: formula::formula_mismatch,
    },
    Rule {
        id: "parts.sum",
        description: "parts listed after 其中/包括 do not add up to more than the whole; a budget table's breakdowns (其中, 按收入性质分 …), a form's funds by source printed across (中央 | 省级 | 本级 before their 合计), a per-project table's columns and those of a table no reading knows (学段 | 学生人数 | 补助金额) add up to their 合计 (above or below them; where rows are numbered with 其中 rows under them, the numbered rows add up to it and the rows under each are its parts); a column whose 合计 is cut off adds up to the report's own figure for it (实际支出) when the other column totals the report's figure for that one (计划安排资金), so the table lists the whole; every member of a split stated alike qualified without a key (调整后基本支出预算…，调整后项目支出预算…) is a list of parts of the report's one figure so qualified; a sentence counting exactly the report's listed rows and stating their total (78个预算项目，共涉及资金178179.54万元) is their column's sum, what it says was spent right after that total the 执行数 column's, and a 平均 score it states the mean of the rows' scores; a fund block whose one part has amounts and whose other rows are printed blank (上年结转资金 — —) has that part as all of it (a warning where it falls short); costs listed right after a total (总投资…，设计费…，监理费…) do not exceed it; a total score's four framework groups (决策, 过程, 产出, 效益) are all of it",
        severity: "error when the parts exceed the whole even with every printed amount rounded, or fall short of it when they name every member of a split the domain defines (人员经费 + 公用经费 = 基本支出, 流动 + 非流动资产, the three 三公经费, 行政 + 事业 + 其他单位 counted); in a table, error when a column breaks the split the other columns agree on; any other shorter list is a warning when less than 1% short (a mistyped figure more likely than a part left out), else silent (其中 may name only some parts)",
        run: parts::parts_sum,
    },
    Rule {
        id: "amount.product",
        description: "an amount stated as a count times a standard (补助 1,250 人，每人 800 元，共计 100 万元) equals their product; so does an amount paid out and its average over the count (发放资金100万元，惠及1,250户，户均800元), and what was due beside what was paid (应发放300万元，实际发放298.8万元: the standard makes what was due), and a count per unit of another count (培训12期，每期90人次，共1,080人次; an average 场均 where the total over the count rounds to it); a standard per month times a count of times paid (每人每月80元，全年累计发放48,600人次) is paid once per count; a table's rows (乡镇 | 补贴户数 | 补贴标准（元/户）| 补贴金额) each their count times their standard, in the unit most rows hold in; the level a standard was raised to (标准由每人每月860元提高到900元) is a standard, no total; a clause of 计 alone says a total (86人，每人5,000元，计43万元); a count in 个 is of the noun right after it or, none there, of the noun ending its words (示范村54个，每村补助100万元); the funds a standard the funds are set by needs (按照每生每天5元标准，…，需安排资金1,860万元) are its product",
        severity: "error when outside the interval of the re-computation; warning when only the rounding differs",
        run: amounts::products,
    },
    Rule {
        id: "balance.mismatch",
        description: "a stated difference equals the difference of its two stated amounts: a 结余 (balance), available funds (or a contract's amount, or the funds named bare: 项目资金) minus spending (so is what was carried into next year, 结转下年, unless listed under the balance or beside another remainder; what was taken back, 收回结余, may be a share and is not judged), plus a balance carried in where the sentence states one (上年结转 / 年初结转和结余 + 本年预算 or 收入 − 支出; from 收入 a mismatch is a warning); a 净资产, 资产 minus 负债; a department's 支出总计 (预算总计, 决算总计) equal to its 收入总计 stated in one sentence, of one book and year, where its paragraph changes them together (收、支总计各减少124.52万元); a change on an earlier year that states that year's level (较2022年的20万元减少2万元) or follows both years' levels (2023年支出186.5万元，2022年支出150万元，较上年增加36.5万元), or a move from one figure to another (由上年的78.5%提高到86.2%，提高7.7个百分点), or points above a target value (比目标值70%高出0.5个百分点), the two figures' difference, its way included; a progress's points off the time progress (低于序时进度16.7个百分点), against the 序时进度 its sentence states or, as a warning, the share of the year its as-of date has passed (截至9月底: 9 / 12 by months or 273 / 365 by days); a 偏离度 right after its 完成率, that rate's distance from 100% (none beside 100%, which may be capped); the year's account, 年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余 (a warning: a 决算 may distribute balances it does not state); what was spent beyond a plan (超支, 超预算), the spending minus the plan",
        severity: "error when outside the interval of the re-computation; warning when only the rounding differs",
        run: amounts::balance_mismatch,
    },
    Rule {
        id: "unit.magnitude",
        description: "an amount whose unit makes it absurd beside the project's total budget (e.g. 万元 among 元)",
        severity: "error when the amount exceeds a hundred times the report's largest budget figure; none where three or more do (the budget read is then a part's), nor for what the economy made or moved (旅游总收入, 产值, 贷款)",
        run: amounts::unit_magnitude,
    },
    Rule {
        id: "sequence.numbering",
        description: "序号 in a per-project table run 1, 2, 3 … without repeats or gaps",
        severity: "warning",
        run: scores::sequence_numbering,
    },
];
