//! The report: what jixiao extracts from one document, plus the findings of the
//! checker. Field names follow the output contract (`../shared/spec/OUTPUT.md`);
//! provenance is added beside each value (`sources`, `source`), never instead of it.
//!
//! All amounts are [`Decimal`]s in yuan (元); scores and weights are decimals as
//! printed. Floats never touch a number a user will read.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::Serialize;

use crate::doc::Source;
use crate::facts::{Fact, Scope, Stated};
use crate::number::{MoneyUnit, Printed};

/// How far extraction got with a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The report was read.
    Ok,
    /// Read, but something was missing or unreadable (see `warnings`).
    Partial,
    /// Nothing could be read (see `error`).
    Failed,
}

/// The report-level fields (`report` in the contract).
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct ReportFields {
    /// The report's title, e.g. `…2023年度重点项目绩效评价报告`.
    pub title: Option<String>,
    /// The reporting organisation (实施单位 / 部门名称).
    pub unit: Option<String>,
    /// The evaluated project (项目名称), for project reports.
    pub project: Option<String>,
    /// `project` (项目支出) or `department` (部门整体支出).
    pub kind: Option<String>,
    /// The fiscal year evaluated.
    pub fiscal_year: Option<i32>,
    /// The total score as stated.
    pub total_score: Option<Decimal>,
    /// The grade as stated (优/良/中/差, 优秀/良好/一般/较差 …).
    pub grade: Option<String>,
    /// Where each field was read, by field name.
    pub sources: BTreeMap<String, Source>,
}

/// The budget figures (`budget` in the contract), in yuan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct Budget {
    /// 年初预算.
    pub initial: Option<Decimal>,
    /// 调整后预算 / 全年预算.
    pub adjusted: Option<Decimal>,
    /// 实际到位 / 可用资金.
    pub available: Option<Decimal>,
    /// 执行数 / 实际支出.
    pub executed: Option<Decimal>,
    /// 执行率 as stated, in percent.
    pub execution_rate_pct: Option<Decimal>,
    /// Where each figure was read, by field name.
    pub sources: BTreeMap<String, Source>,
    /// Each amount as the winning statement printed it, by field name: its
    /// precision bounds what the checker may conclude from it.
    #[serde(skip)]
    pub printed: BTreeMap<String, (Printed, MoneyUnit)>,
}

/// The 一级 name the national self-evaluation forms give the budget-execution
/// score (财预〔2020〕10号 附件: 项目资金 … 分值 / 执行率 / 得分): a score row so
/// named opens a form's score table.
pub const BUDGET_EXECUTION: &str = "预算执行率";

/// One row of a score table (评分表).
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct ScoreItem {
    /// 一级指标, without a weight suffix such as `(20分)`.
    pub level1: Option<String>,
    /// 二级指标.
    pub level2: Option<String>,
    /// 三级指标.
    pub level3: Option<String>,
    /// 指标值 / 年度指标值, where the table has one.
    pub target: Option<String>,
    /// 实际完成值, where the table has one.
    pub actual: Option<String>,
    /// 权重 / 分值.
    pub weight: Option<Decimal>,
    /// 得分; `None` when blank (not scored), never zero by default.
    pub score: Option<Decimal>,
    /// 得分率 (the score over the weight) as printed, in percent, where the
    /// table prints such a column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_rate_pct: Option<Decimal>,
    /// 完成率 (what was achieved over the target) as printed, in percent,
    /// where the table prints such a column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_rate_pct: Option<Decimal>,
    /// The row's scoring rule as printed (评分标准), for the checker.
    #[serde(skip)]
    #[schemars(skip)]
    pub criteria: Option<String>,
    /// Where the row is.
    pub source: Source,
    /// Where the weight and the score were read (their cells), by field name,
    /// where the reading knows it.
    pub sources: BTreeMap<String, Source>,
}

impl ScoreItem {
    /// Where a field (`weight`, `score`) was read: its cell, or else the row.
    pub fn source_of(&self, field: &str) -> &Source {
        self.sources.get(field).unwrap_or(&self.source)
    }
}

/// A table's own stated total (合计 / 总分 row).
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct StatedTotal {
    /// The stated total weight.
    pub weight: Option<Decimal>,
    /// The stated total score.
    pub score: Option<Decimal>,
    /// Its 得分率 as printed, with its cell, where the table has that column
    /// (for the checker).
    #[serde(skip)]
    pub score_rate: Option<(Decimal, Source)>,
    /// The row printed one figure, read as the score: an unfilled form's
    /// `合计 | 100` is its weights' total, so the figure's column is a guess
    /// (for the checker).
    #[serde(skip)]
    #[schemars(skip)]
    pub lone_figure: bool,
    /// Where the total row is.
    pub source: Source,
}

/// A group weight printed in a header cell, e.g. `决策 (20)` or `产出指标（50分）`.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct GroupWeight {
    /// 1 for 一级, 2 for 二级.
    pub level: u8,
    /// The group's name.
    pub name: String,
    /// The printed weight.
    pub weight: Decimal,
    /// Where the header cell is.
    pub source: Source,
}

/// A scoring table (评分表), in document order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct ScoreTable {
    /// The caption above the table, if any.
    pub title: Option<String>,
    /// The rows.
    pub items: Vec<ScoreItem>,
    /// The table's 合计 row, if any.
    pub stated_total: Option<StatedTotal>,
    /// Group weights printed in the table's header cells.
    pub group_weights: Vec<GroupWeight>,
    /// Its groups' 小计 rows, each after the rows it sums (for the checker).
    #[serde(skip)]
    #[schemars(skip)]
    pub subtotals: Vec<Subtotal>,
    /// Where the table starts.
    pub source: Source,
    /// Why the table's reading is a guess, if it is: a sum it fails is then
    /// no certain error (the checker's to weigh; not in the output).
    #[serde(skip)]
    #[schemars(skip)]
    pub reading_doubt: Option<ReadingDoubt>,
}

/// A group's 小计 row in a score table: what the rows since the one before
/// (or the table's first) add up to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Subtotal {
    /// The rows it sums: a range of `ScoreTable::items`.
    pub rows: (usize, usize),
    /// Its weight as printed.
    pub weight: Option<Decimal>,
    /// Its score as printed.
    pub score: Option<Decimal>,
    /// Where the row is.
    pub source: Source,
}

/// What makes a score table's reading a guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadingDoubt {
    /// Some numbers were cut from digits run together (`完成10质量指标`).
    DigitsRunTogether,
    /// A standard 二级 name (`时效指标`) was read as a 一级 group, or a 一级
    /// name (`产出`) as a 二级 under another: a text dump moved the form's
    /// cells, so its rows may be under the wrong groups.
    LevelsOutOfPlace,
    /// Figures between its rows fit no row read (`Table::figures_unread`).
    FiguresUnread,
}

/// A performance target row (绩效目标 / 指标值 table).
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct Target {
    /// 一级指标.
    pub level1: Option<String>,
    /// 二级指标.
    pub level2: Option<String>,
    /// 三级指标.
    pub level3: Option<String>,
    /// 年度指标值 as printed.
    pub target: Option<String>,
    /// 实际完成值 as printed.
    pub actual: Option<String>,
    /// Where the row is.
    pub source: Source,
    /// The row's 完成率 as printed, and its cell, for the checker: in a table
    /// of targets alone (a score table's rows carry theirs).
    #[serde(skip)]
    #[schemars(skip)]
    pub completion_rate: Option<(Decimal, Source)>,
}

/// A per-project row of a department report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct LineItem {
    /// 序号 as printed.
    pub seq: Option<String>,
    /// 项目名称.
    pub name: Option<String>,
    /// 预算数, in yuan.
    pub budget: Option<Decimal>,
    /// 执行数, in yuan.
    pub executed: Option<Decimal>,
    /// 自评得分.
    pub score: Option<Decimal>,
    /// 执行率 as printed, in percent, where the table prints it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub execution_rate_pct: Option<Decimal>,
    /// The amounts as printed (budget, executed), in the table's unit, with
    /// their cells: their scale is the printed precision, for the checker.
    #[serde(skip)]
    pub printed: [Option<(Decimal, Source)>; 2],
    /// The 执行率's cell.
    #[serde(skip)]
    pub rate_source: Option<Source>,
    /// 占比 (the row's share of the table's total) as printed, in percent,
    /// where the table prints such a column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_pct: Option<Decimal>,
    /// The 占比's cell.
    #[serde(skip)]
    pub share_source: Option<Source>,
    /// Cells the row derives from its two amounts (结余, 增减额, 增减率), as
    /// printed, for the checker.
    #[serde(skip)]
    pub derived: Vec<DerivedCell>,
    /// What makes the row's 预算数 where the table prints it: a standard per
    /// unit, a count and the months paid, for the checker.
    #[serde(skip)]
    pub product: Option<RowProduct>,
    /// Where the row is.
    pub source: Source,
}

/// A row's amount as a standard per unit times a count (times the months a
/// monthly standard was paid for): `发放标准（元/人/月） | 发放人数 | 发放月数 |
/// 发放金额`, each as printed with its cell.
#[derive(Clone, Debug, PartialEq)]
pub struct RowProduct {
    /// The standard per unit.
    pub standard: (Decimal, Source),
    /// The money unit its header names (`元/人/月`).
    pub standard_unit: MoneyUnit,
    /// The count it is paid for.
    pub count: (Decimal, Source),
    /// The months, for a monthly standard.
    pub months: Option<(Decimal, Source)>,
    /// The unit the row's amount is printed in.
    pub amount_unit: MoneyUnit,
}

/// A cell a per-project row derives from its 预算数 and 执行数: their
/// difference (`结余` = 预算 − 执行, `增减额` = 执行 − 预算; read by size, as
/// tables sign it either way) or that difference over the 预算数 (`结余率`,
/// `增减率`), as printed in the table's unit.
#[derive(Clone, Debug, PartialEq)]
pub struct DerivedCell {
    /// The column's header as printed (`结余`, `增减额`, `增减率`).
    pub header: String,
    /// A rate in percent over the 预算数 (else an amount).
    pub rate: bool,
    /// The value as printed: its scale is the printed precision.
    pub value: Decimal,
    /// The cell.
    pub source: Source,
}

/// The 合计 row of a per-project table: what its rows' columns add up to.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LineTotal {
    /// The row's label (`合计`, `支出合计`).
    pub label: String,
    /// 预算数 and 执行数 as printed, in the table's unit, with their cells.
    pub printed: [Option<(Decimal, Source)>; 2],
    /// The unit the amounts were printed in (`万元`, `元`).
    pub printed_unit: String,
    /// The rows it totals: a range of `Report::line_items`.
    pub rows: (usize, usize),
    /// Rows of the range listed under another of its rows (`一、基本支出`, then
    /// `其中：人员经费`, `公用经费`): (that row, the rows under it). The total
    /// is the sum of the other rows; the rows under one are parts of it.
    pub nested: Vec<(usize, Vec<usize>)>,
    /// Its 执行率 as printed, with its cell, where the table has that column.
    pub rate: Option<(Decimal, Source)>,
    /// Its cells derived from its two amounts, as a row's are.
    pub derived: Vec<DerivedCell>,
    /// Where the row is.
    pub source: Source,
    /// True when the table's figures were cut from digits run together: a
    /// sum that fails may be the reading's, not the report's.
    pub guessed: bool,
    /// True when the row printed fewer figures than the table has columns
    /// and nothing told which column each is under (`Table::placed_by_guess`).
    pub placed_by_guess: bool,
}

/// A table no other reading knows (its header names no role of the
/// vocabulary: `学段 | 学生人数 | 补助金额（万元）| 占比（%）`) with one 合计
/// row, for the checker: its columns that add up to that row, and its
/// columns of shares of one of them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ColumnTable {
    /// The labels of the rows the 合计 row totals, in order.
    pub labels: Vec<String>,
    /// Columns of figures with a figure in the 合计 row.
    pub sums: Vec<ColumnSum>,
    /// Columns of percentages, each of the amounts of one of `sums`.
    pub shares: Vec<ShareColumn>,
    /// The one of `sums` headed 合计 (or 小计, 总计) right or left of the
    /// others, the last or the first: each row's total of the others.
    pub row_total: Option<usize>,
    /// A column of standards per unit (`补贴标准（元/户）`) between a count and
    /// an amount of `sums`: each row's amount its count times its standard.
    pub product: Option<ColumnProduct>,
    /// Only the rows' totals are judged, no column: some rows' figures were
    /// placed under their columns by guess (a text dump prints no blank
    /// cell), each row's total in its column, or one row alone stands under
    /// the 合计 (the rest may be cut off).
    pub row_totals_only: bool,
    /// Where the table starts.
    pub source: Source,
}

/// The standards of a [`ColumnTable`]'s rows, and which of its sums are the
/// counts and the amounts they multiply into.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ColumnProduct {
    /// The standard column's header, as printed (`补贴标准（元/户）`).
    pub header: String,
    /// Each row's standard, where printed.
    pub cells: Vec<Option<(Printed, Source)>>,
    /// Index of the counts in [`ColumnTable::sums`].
    pub count: usize,
    /// Index of the amounts in [`ColumnTable::sums`].
    pub amount: usize,
}

/// One column of a [`ColumnTable`]: its rows' figures and the 合计 row's.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnSum {
    /// The column's header, as printed.
    pub header: String,
    /// Each row's figure (a dash read as 0), with its cell.
    pub cells: Vec<(Printed, Source)>,
    /// The 合计 row's figure, with its cell.
    pub total: (Printed, Source),
}

/// A column of percentages (`占比（%）`) in a [`ColumnTable`]: each row's
/// share of the amounts in one of its sums.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShareColumn {
    /// The column's header, as printed.
    pub header: String,
    /// Index of the sum it is of, in [`ColumnTable::sums`].
    pub of: usize,
    /// Each row's share (the rows of that sum, in order), where printed.
    pub cells: Vec<Option<(Printed, Source)>>,
    /// The 合计 row's share, where printed.
    pub total: Option<(Printed, Source)>,
}

/// A table of one measure in two years (`项目 | 2022年决算数 | 2023年决算数 |
/// 增减额 | 增减率`, `上年数 | 本年数 | 增减`), for the checker only: its rows
/// are no projects and an earlier year's figure is no budget, so they are not
/// the report's line items. Each row's two printed amounts are the earlier
/// year's and the later's, its derived cells the change between them (the
/// rate over the earlier year); each 合计 row totals the rows as a
/// per-project table's does.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct YearTable {
    /// The two amount columns' headers as printed (`2022年决算数`, `2023年决算数`).
    pub columns: [String; 2],
    /// The rows (their `budget` and `executed` empty: only `printed` is read).
    pub rows: Vec<LineItem>,
    /// The 合计 rows; their `rows` range over this table's `rows`.
    pub totals: Vec<LineTotal>,
}

/// One row of a budget table (项目资金 / 年度预算执行情况 blocks of the
/// self-evaluation forms, 预算执行情况表 in reports): the total row and its
/// breakdowns (其中, 按收入性质分, 按支出性质分).
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct BudgetRow {
    /// The row's label: `年度资金总额`, `当年财政拨款`, `基本支出` …
    pub label: String,
    /// The breakdown the row belongs to (`按收入性质分`, `其中`), where printed.
    pub group: Option<String>,
    /// True for the row the others break down (年度资金总额 / 合计).
    pub is_total: bool,
    /// `part` for the rows of a table that lists some of the report's
    /// projects by name (a department report's 项目支出 table): its 合计 is
    /// theirs, not the report's budget. Absent (`report`) otherwise.
    #[serde(default, skip_serializing_if = "Scope::is_report")]
    pub scope: Scope,
    /// 年初预算数, in yuan.
    pub initial: Option<Decimal>,
    /// 全年预算数 / 调整后预算, in yuan.
    pub adjusted: Option<Decimal>,
    /// 年中增减 / 调整数 (signed), in yuan, where the table prints the change
    /// that made the adjusted budget of the initial one.
    pub adjustment: Option<Decimal>,
    /// 实际到位资金, in yuan, where a form prints it beside the plan
    /// (计划安排资金 | 实际到位资金, each broken down by source).
    pub available: Option<Decimal>,
    /// 全年执行数, in yuan.
    pub executed: Option<Decimal>,
    /// 执行率 as printed, in percent.
    pub execution_rate_pct: Option<Decimal>,
    /// 到位率 as printed, in percent, where the table prints it beside 到位数.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_rate_pct: Option<Decimal>,
    /// 分值 of the row's budget-execution score, where the form scores it.
    pub weight: Option<Decimal>,
    /// 得分 of the row's budget-execution score.
    pub score: Option<Decimal>,
    /// The unit the amounts were printed in (`万元`, `元`).
    pub printed_unit: String,
    /// The amounts as printed (initial, adjusted, executed, available,
    /// adjustment, an earlier year's), for the checker: their scale is the printed precision.
    #[serde(skip)]
    pub printed: [Option<Decimal>; 6],
    /// The header of the sixth printed column, an earlier year's amount
    /// (`2017年决算数`), where the table prints one: for the checker only.
    #[serde(skip)]
    pub earlier_column: String,
    /// Where a text dump printed the row with fewer figures than the table's
    /// amount columns and the reader chose their columns: every placement of
    /// them in those columns in their order (`printed`'s among them), for the
    /// checker to judge the row by the one that fits. Empty where sure.
    #[serde(skip)]
    pub placements: Vec<[Option<Decimal>; 6]>,
    /// On a total row: the rows of its block the table prints with no amount
    /// at all (`上年结转资金 | — | —`), for the checker: where they are all its
    /// other rows, its one part with amounts is all of it.
    #[serde(skip)]
    pub blank_parts: Vec<String>,
    /// Its cells derived from its budget and spending (结余, 结余率), for the
    /// checker.
    #[serde(skip)]
    pub derived: Vec<DerivedCell>,
    /// Its funds by source printed across before its budget (`中央 | 省级 |
    /// 本级 | 合计`): they add up to the budget (amounts, `rate` false).
    #[serde(skip)]
    pub by_source: Vec<DerivedCell>,
    /// Where each value is, by field name.
    pub sources: BTreeMap<String, Source>,
    /// Where the row is.
    pub source: Source,
}

impl BudgetRow {
    /// Where a field (`adjusted`, `score` …) was read: its cell, or else the row.
    pub fn source_of(&self, field: &str) -> &Source {
        self.sources.get(field).unwrap_or(&self.source)
    }
}

/// How sure the checker is that a report contradicts itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; not a contradiction.
    Info,
    /// Doubtful: could be rounding or an unusual convention.
    Warning,
    /// The report contradicts itself or its own arithmetic.
    Error,
}

/// Where a finding points, as the contract has it: page, line and the source text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct FindingLocation {
    /// 1-based page, if known.
    pub page: Option<u32>,
    /// 1-based line, if known.
    pub line: Option<u32>,
    /// The sentence or row the finding is about.
    pub text: String,
    /// Sheet and cell, for spreadsheets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// Element path, for HTML.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub element: Option<String>,
}

impl FindingLocation {
    /// A short human-readable place: `p. 9, line 212`, `附表!F12`, or an element path.
    pub fn describe(&self) -> String {
        Source {
            page: self.page,
            line: self.line,
            cell: self.cell.as_deref().map(Into::into),
            element: self.element.as_deref().map(Into::into),
            ..Source::default()
        }
        .describe()
    }

    /// A location from a source and the text found there.
    pub fn new(source: &Source, text: impl Into<String>) -> FindingLocation {
        FindingLocation {
            page: source.page,
            line: source.line,
            text: text.into(),
            cell: source.cell.as_deref().map(str::to_string),
            element: source.element.as_deref().map(str::to_string),
        }
    }
}

/// One thing the checker found.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Finding {
    /// Stable rule id from the catalogue, e.g. `rate.mismatch`.
    pub rule: String,
    /// How sure.
    pub severity: Severity,
    /// A sentence an auditor can paste into a memo.
    pub message: String,
    /// The number as printed, in `unit`.
    pub stated: Option<Decimal>,
    /// What it re-computes to, in `unit`.
    pub computed: Option<Decimal>,
    /// `%`, `万元`, `元`, `分`, or none.
    pub unit: Option<String>,
    /// Where.
    pub location: FindingLocation,
}

/// Everything extracted from one report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, JsonSchema)]
pub struct Report {
    /// Report-level fields.
    pub report: ReportFields,
    /// Budget figures.
    pub budget: Budget,
    /// Score tables, in document order.
    pub score_tables: Vec<ScoreTable>,
    /// Target rows.
    pub targets: Vec<Target>,
    /// Per-project rows.
    pub line_items: Vec<LineItem>,
    /// The 合计 rows of per-project tables.
    #[serde(skip)]
    pub line_totals: Vec<LineTotal>,
    /// Budget-table rows: the total and its breakdowns.
    pub budget_rows: Vec<BudgetRow>,
    /// Tables of one measure in two years, for the checker.
    #[serde(skip)]
    pub year_tables: Vec<YearTable>,
    /// Tables no other reading knows, their columns and 合计 row, for the checker.
    #[serde(skip)]
    pub column_tables: Vec<ColumnTable>,
    /// Every quantity the prose states, typed (see [`crate::facts`]).
    pub facts: Vec<Fact>,
    /// Formulas, grade bands, as-of dates and indicator counts the prose states.
    #[serde(skip)]
    pub stated: Stated,
    /// Where the document's last figure is (page, line, the character it
    /// starts at): an excerpt cut off there may have cut it short.
    #[serde(skip)]
    pub last_figure: Option<(Option<u32>, u32, u32)>,
    /// The document's last line of text (page, line).
    #[serde(skip)]
    pub last_line: Option<(Option<u32>, u32)>,
    /// Figures ending a line whose next line opens on figures alone (`… 10` /
    /// `0.00% 10`): a text wrapped at a width may have cut them there
    /// (page, line, the character each starts at).
    #[serde(skip)]
    pub wrapped_figures: Vec<(Option<u32>, u32, u32)>,
    /// Findings of the checker.
    pub findings: Vec<Finding>,
    /// What could not be read, for `status: partial`.
    pub warnings: Vec<String>,
}
