//! Reading the document's tables by what their headers say: score tables,
//! target tables, per-project line items and budget tables.
//!
//! A row is read by its header's columns when its cells fit them; when merged
//! cells have shifted the columns (a weight landing in the 指标解释 column), the
//! row is read by content instead: leading label cells, then numbers.

use std::collections::{HashMap, HashSet};

use jixiao_model::{
    BudgetRow, Cell, DerivedCell, LineItem, LineTotal, RowProduct, Source, StatedTotal, Table,
    Target, YearTable,
};
use rust_decimal::Decimal;

use crate::number::{amount_in, cell_number, unit_in_label, MoneyUnit, Printed};
use crate::rows::{split_weighted_label, RawRow, RawTable};
use crate::vocab::{
    header_role, is_placeholder, is_total_label, spelled_out, without_unit, year_amount, Role,
    BOUNDING_SIGNS,
};

/// A table's header: which column holds what.
#[derive(Clone, Debug, Default)]
pub struct Header {
    /// Index of the header row.
    pub row: usize,
    /// Column of each role (the first one, where a role repeats).
    pub cols: HashMap<Role, usize>,
    /// The unit named in a header cell, by column.
    pub units: HashMap<usize, MoneyUnit>,
    /// Number of header cells.
    pub width: usize,
    /// The 分值 column right after the 一级 and the 二级 column, where the
    /// header prints one after each level: the groups' weights.
    pub group_weight_cols: [Option<usize>; 2],
    /// The row after the last one this header governs.
    pub end: usize,
    /// Columns naming sources of funds right after a budget column naming a
    /// total (`年度预算资金总额 | 中央补助 | 市级资金 | 本级资金`): its parts across.
    pub sources_after: Vec<usize>,
}

impl Header {
    fn col(&self, role: Role) -> Option<usize> {
        self.cols.get(&role).copied()
    }
    fn has(&self, role: Role) -> bool {
        self.cols.contains_key(&role)
    }

    /// The first column whose header cell `names` (a column the vocabulary
    /// gives no role: a 得分率, a 完成率, a 到位率, a 占比).
    fn col_named(&self, table: &Table, names: impl Fn(&str) -> bool) -> Option<usize> {
        table
            .rows
            .get(self.row)?
            .iter()
            .position(|c| names(&c.text))
    }

    /// Its columns' roles, left to right.
    fn in_order(&self) -> Vec<(Role, usize)> {
        let mut cols: Vec<(Role, usize)> = self.cols.iter().map(|(&r, &c)| (r, c)).collect();
        cols.sort_by_key(|&(_, c)| c);
        cols
    }

    /// The rows this header governs: up to the next header that names other
    /// columns (a form stacks a budget block and a score block in one table).
    pub fn data_rows<'t>(&self, table: &'t Table) -> impl Iterator<Item = (usize, &'t Vec<Cell>)> {
        table
            .rows
            .iter()
            .enumerate()
            .take(self.end)
            .skip(self.row + 1)
    }
}

/// A header row in a table: at least two cells name column roles and none
/// holds a number.
fn header_at(table: &Table, r: usize) -> Option<Header> {
    let row = table.rows.get(r)?;
    let mut cols = HashMap::new();
    let mut units = HashMap::new();
    let mut weights = Vec::new();
    // `2017年决算数 | 2018年预算数 | 2018年决算数`: a column of an earlier year
    // than the header's latest is another year's, no column of the budget (its
    // figures still add up as the others' do).
    let latest = row.iter().filter_map(|c| year_named(&c.text)).max();
    for (c, cell) in row.iter().enumerate() {
        if cell.covered_by.is_some() {
            continue;
        }
        if cell_number(&cell.text).is_some() {
            return None;
        }
        if year_named(&cell.text).is_some_and(|y| Some(y) < latest) {
            if header_role(&cell.text).is_some_and(Role::is_amount) {
                cols.entry(Role::EarlierYear).or_insert(c);
            }
            continue;
        }
        if let Some(role) = header_role(&cell.text) {
            // A block's caption in the first column (`预算执行 | 调整后预算数 |
            // 决算数 | 执行率`) names no column of its figures: a later cell
            // naming the same is the column.
            match cols.get(&role) {
                Some(0) if c > 0 && role.is_amount() => {
                    cols.insert(role, c);
                }
                _ => {
                    cols.entry(role).or_insert(c);
                }
            }
            if role == Role::Weight {
                weights.push(c);
            }
        }
        if let Some(u) = unit_in_label(&cell.text) {
            units.insert(c, u);
        }
    }
    // `绩效指标 | 年度目标 | 实际完成 | 得分 | 分值` on one row: the caption the
    // national form merges over its 一级 / 二级 / 三级 columns names the
    // indicators' own column where no row under it names those levels.
    let scored = cols.contains_key(&Role::Score) || cols.contains_key(&Role::Weight);
    let no_level = !cols.keys().any(|r| r.is_level());
    if scored && no_level {
        let caption = row.iter().position(|cell| {
            cell.covered_by.is_none()
                && cell
                    .text
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    == "绩效指标"
        });
        let levels_below = table.rows.get(r + 1).is_some_and(|below| {
            below
                .iter()
                .any(|cell| header_role(&cell.text).is_some_and(Role::is_level))
        });
        if let Some(c) = caption.filter(|_| !levels_below) {
            cols.insert(Role::Level3, c);
        }
    }
    // `年初预算 | 调整预算 | 全年预算`: between the budget before and after, a
    // 调整预算 is what changed it, not the budget as adjusted.
    if let (Some(&initial), Some(&budget), false) = (
        cols.get(&Role::Initial),
        cols.get(&Role::Budget),
        cols.contains_key(&Role::Adjustment),
    ) {
        if let Some(c) = (initial + 1..budget).find(|&c| {
            row.get(c).is_some_and(|cell| {
                let t: String = cell.text.chars().filter(|c| !c.is_whitespace()).collect();
                crate::vocab::without_unit(&t) == "调整预算"
            })
        }) {
            cols.insert(Role::Adjustment, c);
        }
    }
    // `中央 | 省级 | 本级 | 合计 | 执行数`: funds by source across, and their
    // 合计 the budget the spending is of.
    if !cols.contains_key(&Role::Budget) && cols.contains_key(&Role::Executed) {
        let total = row.iter().position(|cell| {
            let t: String = cell.text.chars().filter(|c| !c.is_whitespace()).collect();
            matches!(crate::vocab::without_unit(&t), "合计" | "小计" | "合计数")
        });
        if let Some(c) = total.filter(|&c| {
            row[..c]
                .iter()
                .any(|cell| crate::budget::names_a_fund_column(&cell.text))
        }) {
            cols.insert(Role::Budget, c);
        }
    }
    // `一级指标 | 二级指标 | 分值 | 得分`: with no 三级 column, the 二级 names
    // the indicators themselves, its rows' leaves as a 三级 would.
    if cols.contains_key(&Role::Level1) && !cols.contains_key(&Role::Level3) {
        if let Some(leaf) = cols.remove(&Role::Level2) {
            cols.insert(Role::Level3, leaf);
        }
    }
    // `一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分`: a 分值 after each
    // level; the indicators' own is the one after the 三级指标.
    let mut group_weight_cols = [None, None];
    if let (Some(&level3), true) = (cols.get(&Role::Level3), weights.len() > 1) {
        if let Some(&own) = weights.iter().find(|&&w| w > level3) {
            cols.insert(Role::Weight, own);
        }
        for (level, role) in [Role::Level1, Role::Level2].into_iter().enumerate() {
            group_weight_cols[level] = cols
                .get(&role)
                .map(|&c| c + 1)
                .filter(|c| weights.contains(c) && *c < level3);
        }
    }
    // `年度预算资金总额 | 中央补助 | 市级资金 | 本级资金`: a total's sources across
    // after it (two or more), a budget table's though no other role is named.
    let sources_after: Vec<usize> = cols
        .get(&Role::Budget)
        .filter(|&&b| {
            row.get(b)
                .is_some_and(|c| c.text.contains("总额") || c.text.contains("合计"))
        })
        .map(|&b| {
            (b + 1..row.len())
                .take_while(|&c| {
                    row.get(c).is_some_and(|cell| {
                        cell.covered_by.is_none() && crate::budget::names_a_fund_column(&cell.text)
                    })
                })
                .collect()
        })
        .filter(|c: &Vec<usize>| c.len() >= 2)
        .unwrap_or_default();
    (cols.len() >= 2 || !sources_after.is_empty()).then_some(Header {
        group_weight_cols,
        row: r,
        end: table.rows.len(),
        cols,
        units,
        width: row.len(),
        sources_after,
    })
}

/// The year a header cell names (`2017年决算数` → 2017).
fn year_named(text: &str) -> Option<u32> {
    let at = text.find('年')?;
    let digits = text[..at].trim_end();
    let y = digits.get(digits.len().checked_sub(4)?..)?;
    y.parse().ok().filter(|y| (1990..=2100).contains(y))
}

/// Finds the table's header rows: the first wherever it is (a form's title,
/// year and 项目名称 rows may come before it in the grid); later ones start a
/// new section when they name other roles than the header before them (a
/// repeated header after a page break does not).
pub fn find_headers(table: &Table) -> Vec<Header> {
    let mut out: Vec<Header> = Vec::new();
    let mut lower_row = None;
    for r in 0..table.rows.len() {
        if lower_row == Some(r) {
            continue;
        }
        let Some(mut h) = header_at(table, r) else {
            continue;
        };
        if let Some(lower) = header_at(table, r + 1) {
            let upper_cols = h.in_order();
            let roles = |cols: &[(Role, usize)]| cols.iter().map(|(r, _)| *r).collect::<Vec<_>>();
            if let Some(k) = spelled_out(&roles(&upper_cols), &roles(&lower.in_order())) {
                h = two_rows_merged(&h, lower, &upper_cols[k..]);
                lower_row = Some(r + 1);
            }
        }
        match out.last_mut() {
            None => out.push(h),
            Some(prev) => {
                let roles = |h: &Header| h.cols.keys().copied().collect::<HashSet<Role>>();
                if roles(prev) != roles(&h) {
                    prev.end = r;
                    out.push(h);
                }
            }
        }
    }
    out
}

/// One header of two rows (`crate::vocab::spelled_out`): the lower row's
/// columns, then `trailing`, the upper row's it does not spell out. Where the
/// rendering kept no spans, those stand right after the lower row's last column.
fn two_rows_merged(upper: &Header, lower: Header, trailing: &[(Role, usize)]) -> Header {
    let lower_last = lower.cols.values().copied().max().unwrap_or(0);
    let first = trailing.iter().map(|(_, c)| *c).min().unwrap_or(0);
    let shift = (lower_last + 1).saturating_sub(first);
    let mut merged = lower;
    for &(role, c) in trailing {
        merged.cols.entry(role).or_insert(c + shift);
        if let Some(u) = upper.units.get(&c) {
            merged.units.insert(c + shift, *u);
        }
    }
    merged.width = merged.width.max(upper.width + shift);
    merged
}

/// What kind of table a header announces.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    /// Scores indicators (三级指标 with 得分 or 权重).
    Score,
    /// States targets (三级指标 with 指标值) but no scores.
    Target,
    /// Per-project rows (项目名称 with amounts).
    LineItems,
    /// Budget columns (年初预算, 全年预算, 执行数, 执行率).
    Budget,
}

/// A header repeated inside the table (after a page break the reader did not
/// see): at least two cells name the same roles as the header's columns.
fn is_repeated_header(row: &[Cell], h: &Header) -> bool {
    h.cols
        .iter()
        .filter(|(role, col)| row.get(**col).and_then(|c| header_role(&c.text)) == Some(**role))
        .count()
        >= 2
}

/// Classifies a table by its header.
pub fn classify(h: &Header) -> Option<TableKind> {
    let indicator = h.has(Role::Level3) || (h.has(Role::Level1) && h.has(Role::Level2));
    if indicator && (h.has(Role::Score) || h.has(Role::Weight)) {
        return Some(TableKind::Score);
    }
    // `一级指标 | 分值 | 得分 | 得分率`: a summary by group, scored.
    if h.has(Role::Level1) && h.has(Role::Weight) && h.has(Role::Score) {
        return Some(TableKind::Score);
    }
    if indicator && (h.has(Role::Target) || h.has(Role::Actual)) {
        return Some(TableKind::Target);
    }
    // (Numbered rows with funds received beside them, `序号 | 乡镇 | 下达资金 |
    // 已拨付 | 拨付率 | 已支出 | 支出率`, are a budget table's: line items keep
    // no column of what was received.)
    if h.has(Role::Name)
        && (h.has(Role::Budget) || h.has(Role::Executed))
        && ((h.has(Role::Seq) && !h.has(Role::Available))
            || h.has(Role::Score)
            // 支出内容 | 计划支出数 | 实际支出数: spending lines, no rate, no 年初.
            || (h.has(Role::Budget)
                && h.has(Role::Executed)
                && !h.has(Role::Initial)
                && !h.has(Role::Rate)))
    {
        return Some(TableKind::LineItems);
    }
    let money = [Role::Initial, Role::Budget, Role::Executed, Role::Rate]
        .iter()
        .filter(|r| h.has(**r))
        .count();
    if money >= 2 || !h.sources_after.is_empty() {
        return Some(TableKind::Budget);
    }
    None
}

/// True for text that reads as a label: not a number, short, no sentence.
fn is_label(text: &str) -> bool {
    let t = text.trim();
    // `≥90%` is a target, not a name.
    let bounded_value = BOUNDING_SIGNS.iter().any(|s| {
        t.strip_prefix(s)
            .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
    });
    !t.is_empty()
        && !bounded_value
        && cell_number(t).is_none()
        && t.chars().count() <= 30
        && !t.contains(['。', '；', '？'])
        && !(t.contains('，') && t.chars().count() > 12)
}

fn nonempty(cell: Option<&Cell>) -> Option<String> {
    cell.map(|c| c.text.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// Reads a score table (or the score-like part of a target table).
pub fn read_score_table(table: &Table, header: &Header, title: Option<String>) -> RawTable {
    let mut raw = RawTable {
        title,
        source: table.source.clone(),
        guessed_numbers: table.guessed_numbers,
        figures_unread: table.figures_unread,
        ..RawTable::default()
    };
    let weights_in_labels = !header.has(Role::Weight);
    // A 得分率 column (the score over the weight; no role of the vocabulary's).
    let rate_col = header.col_named(table, |t| t.contains("得分率"));
    let completion_col = header.col_named(table, |t| t.contains("完成率"));
    // The scoring rule's column (`指标说明及评分标准`, `评分细则`).
    let criteria_col = header.col_named(table, |t| {
        [
            "评分标准",
            "评分细则",
            "评价标准",
            "评分依据",
            "评分办法",
            "赋分规则",
            "评分规则",
            "计分规则",
        ]
        .iter()
        .any(|w| t.contains(w))
    });
    for (r, row) in header.data_rows(table) {
        let row = &*aligned_by_sign(row, header);
        let texts: Vec<String> = row.iter().map(|c| c.text.trim().to_string()).collect();
        if texts.iter().all(|t| t.is_empty()) {
            continue;
        }
        if is_repeated_header(row, header) {
            continue;
        }
        let source = row
            .iter()
            .find(|c| !c.text.is_empty())
            .map(|c| c.source.clone())
            .unwrap_or_default();
        if texts.iter().take(3).any(|t| is_total_label(t)) {
            // (A 得分率 is no weight or score.)
            let numbers: Vec<Decimal> = texts
                .iter()
                .filter(|t| !t.contains('%'))
                .filter_map(|t| cell_number(t))
                .map(|p| p.value)
                .collect();
            // Read by the header's columns where the row fits them: a blank
            // 得分 is unknown, not the 分值 beside it.
            let at = |role: Role| {
                header
                    .col(role)
                    .and_then(|c| row.get(c))
                    .and_then(|cell| cell_number(&cell.text))
                    .map(|p| p.value)
            };
            let aligned = row.len() == header.width
                && header.has(Role::Weight)
                && header.has(Role::Score)
                && (at(Role::Weight).is_some() || at(Role::Score).is_some());
            let lone_figure =
                numbers.len() == 1 && (!aligned || table.placed_by_guess.contains(&r));
            let (weight, score) = if aligned {
                // `合计 | 100 | | | | | 91`: where the header prints a 分值 after
                // each level, the whole's weight may stand under the first.
                let under_a_level = || {
                    header.group_weight_cols.iter().flatten().find_map(|&c| {
                        row.get(c)
                            .and_then(|cell| cell_number(&cell.text))
                            .map(|p| p.value)
                    })
                };
                (at(Role::Weight).or_else(under_a_level), at(Role::Score))
            } else {
                match numbers.as_slice() {
                    [] => (None, None),
                    [s] => (None, Some(*s)),
                    [w, .., s] => (Some(*w), Some(*s)),
                }
            };
            let score_rate = rate_col
                .and_then(|c| row.get(c))
                .filter(|cell| cell.text.contains('%'))
                .and_then(|cell| Some((cell_number(&cell.text)?.value, cell.source.clone())));
            raw.total = Some(StatedTotal {
                weight,
                score,
                score_rate,
                lone_figure,
                source,
            });
            continue;
        }
        if table.page_breaks.contains(&r) {
            raw.page_breaks.push(raw.rows.len());
        }
        if let Some(mut parsed) =
            read_aligned(row, header, weights_in_labels).or_else(|| read_by_content(row, header))
        {
            parsed.source = source;
            parsed.criteria = criteria_col
                .and_then(|c| nonempty(row.get(c)))
                // (`执行率×4` is a whole rule.)
                .filter(|t| t.chars().count() >= 4);
            for (col, field, name) in [
                (rate_col, &mut parsed.score_rate, "score_rate_pct"),
                (
                    completion_col,
                    &mut parsed.completion_rate,
                    "completion_rate_pct",
                ),
            ] {
                let Some(cell) = col.and_then(|c| row.get(c)) else {
                    continue;
                };
                if let Some(p) = cell_number(&cell.text).filter(|_| cell.text.contains('%')) {
                    *field = Some(p.value);
                    parsed.sources.insert(name.into(), cell.source.clone());
                }
            }
            raw.rows.push(parsed);
        }
    }
    raw
}

/// Reads a row by the header's columns, if its cells fit them.
fn read_aligned(row: &[Cell], h: &Header, weights_in_labels: bool) -> Option<RawRow> {
    // A summary by group (`一级指标 | 分值 | 得分`) is labelled by its 一级 alone.
    let by_group = !h.has(Role::Level3) && !h.has(Role::Level2);
    let l3_col = match by_group {
        true => h.col(Role::Level1)?,
        false => h.col(Role::Level3)?,
    };
    if row.len() > h.width + 1 {
        return None;
    }
    let get = |role: Role| h.col(role).and_then(|c| nonempty(row.get(c)));
    let level3_text = nonempty(row.get(l3_col))?;
    if !is_label(&level3_text) {
        return None;
    }
    let mut out = RawRow {
        aligned: true,
        ..RawRow::default()
    };
    for (level, role) in [(0, Role::Level1), (1, Role::Level2)] {
        if let Some(text) = get(role) {
            if !is_label(&text) {
                return None;
            }
            let (name, w) = split_weighted_label(&text);
            out.labels[level] = Some(name);
            // `部门决策 | 20`: the weight in a column of its own.
            let in_column = h.group_weight_cols[level]
                .and_then(|c| nonempty(row.get(c)))
                .and_then(|t| cell_number(&t))
                .map(|p| p.value);
            out.group_weights[level] = w.or(in_column);
        }
    }
    let (name, w) = split_weighted_label(&level3_text);
    if !by_group {
        out.labels[2] = Some(name);
    }
    let read_at = |field: &str, c: usize, out: &mut RawRow| {
        if let Some(cell) = row.get(c) {
            out.sources.insert(field.to_string(), cell.source.clone());
        }
    };
    match h.col(Role::Weight) {
        Some(c) => match nonempty(row.get(c)) {
            Some(t) => {
                out.weight = Some(cell_number(&t)?.value);
                read_at("weight", c, &mut out);
            }
            None => return None,
        },
        None if weights_in_labels => out.weight = w,
        None => {}
    }
    if let Some(c) = h.col(Role::Score) {
        match nonempty(row.get(c)) {
            Some(t) => {
                out.score = Some(cell_number(&t)?.value);
                read_at("score", c, &mut out);
            }
            // An empty score cell beside a number in a column that holds no
            // figure by its header: the columns are shifted; read by content.
            None => {
                let figure_cols: Vec<usize> = [Role::Weight, Role::Target, Role::Actual]
                    .iter()
                    .filter_map(|r| h.col(*r))
                    .collect();
                let stray = row.iter().enumerate().skip(l3_col + 1).any(|(k, cell)| {
                    !figure_cols.contains(&k) && cell_number(&cell.text).is_some()
                });
                if stray {
                    return None;
                }
            }
        }
    }
    (out.target, out.actual) = target_and_actual(&get);
    Some(out)
}

/// A row's 指标值 and 完成值 as a person reads them: with the sign and the unit
/// a form prints in columns of their own (`≥` `13` `台` → `≥13台`; `=` adds
/// nothing, nor does `定性`).
fn target_and_actual(get: &dyn Fn(Role) -> Option<String>) -> (Option<String>, Option<String>) {
    let unit = get(Role::Unit);
    let with_unit = |v: String| match &unit {
        Some(u) if v.ends_with(|c: char| c.is_ascii_digit()) => format!("{v}{u}"),
        _ => v,
    };
    let sign = get(Role::Sign).filter(|s| BOUNDING_SIGNS.contains(&s.as_str()));
    let target = get(Role::Target).map(|t| {
        let t = with_unit(t);
        match &sign {
            Some(s) if t.starts_with(|c: char| c.is_ascii_digit()) => format!("{s}{t}"),
            _ => t,
        }
    });
    (target, get(Role::Actual).map(with_unit))
}

/// Reads a row whose columns are shifted: leading label cells are the hierarchy
/// (the last one the 三级), the first number after them the weight, the last
/// number the score.
fn read_by_content(row: &[Cell], h: &Header) -> Option<RawRow> {
    let mut labels: Vec<(usize, String)> = Vec::new();
    let mut numbers: Vec<(Printed, &Source)> = Vec::new();
    let mut seen_prose = false;
    // A 序号 before the labels (`| 2 | 工作计划 (6分) | …`) is none of the figures.
    let seq = h.col(Role::Seq).filter(|&c| {
        row.get(c)
            .is_some_and(|cell| cell.text.trim().parse::<u32>().is_ok())
    });
    for (c, cell) in row.iter().enumerate() {
        let t = cell.text.trim();
        if t.is_empty() || Some(c) == seq {
            continue;
        }
        if let Some(p) = cell_number(t) {
            // A rate under a form's 指标值 / 完成值 is no weight or score.
            let a_measure = t.ends_with('%') && (h.has(Role::Target) || h.has(Role::Actual));
            if !a_measure {
                numbers.push((p, &cell.source));
            }
        } else if is_label(t) && !seen_prose && numbers.is_empty() {
            labels.push((c, t.to_string()));
        } else {
            seen_prose = true;
        }
    }
    if labels.is_empty() || numbers.is_empty() {
        return None;
    }
    let mut out = RawRow::default();
    let starts_at_first_column = labels.first().is_some_and(|(c, _)| *c == 0);
    let levels: Vec<usize> = match labels.len() {
        1 => vec![2],
        // Unless the row is printed short in a table of three levels and its
        // first label names no 一级: a pipe rendering dropped the 一级 cell
        // merged over it (a row opening a 一级 opens a 二级 too, printing both).
        2 if starts_at_first_column
            && !(row.len() < h.width
                && h.has(Role::Level1)
                && h.has(Role::Level2)
                && h.has(Role::Level3)
                && !crate::vocab::names_a_level1_only(&labels[0].1)) =>
        {
            vec![0, 1]
        }
        2 => vec![1, 2],
        n => (0..n).map(|i| (i + 3).saturating_sub(n)).collect(),
    };
    for ((_, text), level) in labels.iter().zip(levels) {
        let (name, w) = split_weighted_label(text);
        if level < 2 {
            out.group_weights[level] = w;
        } else if !h.has(Role::Weight) {
            out.weight = w;
        }
        out.labels[level] = Some(name);
    }
    let take = |field: &str, (p, at): &(Printed, &Source), out: &mut RawRow| {
        out.sources.insert(field.to_string(), (*at).clone());
        Some(p.value)
    };
    if h.has(Role::Weight) || out.weight.is_none() {
        match numbers.as_slice() {
            [only] if h.has(Role::Weight) && !h.has(Role::Score) => {
                out.weight = take("weight", only, &mut out)
            }
            [only] => out.score = take("score", only, &mut out),
            // Weight and score printed after the 指标值 and 完成值 are the
            // row's last two numbers, whatever those columns held.
            [.., w, s] if weighs_after_the_values(h) => {
                out.weight = take("weight", w, &mut out);
                out.score = take("score", s, &mut out);
            }
            [w, .., s] => {
                out.weight = take("weight", w, &mut out);
                out.score = take("score", s, &mut out);
            }
            [] => {}
        }
    } else if let Some(last) = numbers.last() {
        out.score = take("score", last, &mut out);
    }
    Some(out)
}

/// True when the header prints 分值 and then 得分 after the 指标值 and 完成值
/// columns (`… | 指标值 | 度量单位 | 实际完成值 | 分值 | 得分 | 偏差原因…`).
fn weighs_after_the_values(h: &Header) -> bool {
    let (Some(w), Some(s)) = (h.col(Role::Weight), h.col(Role::Score)) else {
        return false;
    };
    let values: Vec<usize> = [Role::Target, Role::Actual]
        .iter()
        .filter_map(|r| h.col(*r))
        .collect();
    s == w + 1 && !values.is_empty() && values.iter().all(|&v| v < w)
}

/// A row printed without the cells merged over it (a pipe rendering of a
/// merged 一级 or 二级): where its 指标性质 sign stands left of the header's
/// 指标性质 column, as many empty cells as it is short, put back in front.
fn aligned_by_sign<'r>(row: &'r [Cell], h: &Header) -> std::borrow::Cow<'r, [Cell]> {
    let Some(sign_col) = h.col(Role::Sign) else {
        return row.into();
    };
    let is_sign = |c: &Cell| crate::vocab::is_target_sign(c.text.trim());
    if row.get(sign_col).is_some_and(is_sign) {
        return row.into();
    }
    // (A label before it: the row's 三级 at least.)
    let Some(at) = row
        .iter()
        .take(sign_col)
        .position(is_sign)
        .filter(|&k| k > 0)
    else {
        return row.into();
    };
    let blank = Cell::new(String::new(), row[0].source.clone());
    std::iter::repeat_n(blank, sign_col - at)
        .chain(row.iter().cloned())
        .collect::<Vec<_>>()
        .into()
}

/// Reads target rows: 三级 with 指标值 (and 实际完成值), skipping placeholders.
pub fn read_targets(table: &Table, h: &Header) -> Vec<Target> {
    let Some(l3) = h.col(Role::Level3) else {
        return Vec::new();
    };
    let completion_col = h.col_named(table, |t| t.contains("完成率"));
    let mut out = Vec::new();
    let (mut cur1, mut cur2) = (None, None);
    for (_, row) in h.data_rows(table) {
        let row = &*aligned_by_sign(row, h);
        if is_repeated_header(row, h) {
            continue;
        }
        let get = |role: Role| h.col(role).and_then(|c| nonempty(row.get(c)));
        if let Some(t) = get(Role::Level1) {
            cur1 = Some(split_weighted_label(&t).0);
            cur2 = None;
        }
        if let Some(t) = get(Role::Level2) {
            cur2 = Some(split_weighted_label(&t).0);
        }
        let Some(name) = nonempty(row.get(l3)) else {
            continue;
        };
        if is_placeholder(&name) || is_total_label(&name) || !is_label(&name) {
            continue;
        }
        let (target, actual) = target_and_actual(&get);
        if target.is_none() && actual.is_none() {
            continue;
        }
        let source = row.get(l3).map(|c| c.source.clone()).unwrap_or_default();
        let completion_rate = completion_col
            .and_then(|c| row.get(c))
            .filter(|cell| cell.text.contains('%'))
            .and_then(|cell| Some((cell_number(&cell.text)?.value, cell.source.clone())));
        out.push(Target {
            level1: cur1.clone(),
            level2: cur2.clone(),
            level3: Some(split_weighted_label(&name).0),
            target,
            actual,
            source,
            completion_rate,
        });
    }
    out
}

/// The money unit that applies to a table: a header cell's `(万元)`, or a
/// `单位：万元` line just above it, or the report's usual unit.
pub fn table_unit(h: &Header, col: usize, above: Option<MoneyUnit>) -> MoneyUnit {
    h.units
        .get(&col)
        .copied()
        .or(above)
        .unwrap_or(MoneyUnit::Wan)
}

/// The 序号 column of a table whose header does not name it (read by OCR as
/// `序和`, or left blank): the one column left of the names that counts its
/// rows one by one (1, 2, 3 …, or 11, 12, 13 … where a table goes on from an
/// earlier page; at least three, in four rows of five or more).
fn counting_column(table: &Table, h: &Header) -> Option<usize> {
    let name_col = h.col(Role::Name)?;
    let counts = |c: usize| {
        let values: Vec<Option<u32>> = h
            .data_rows(table)
            .filter(|(_, row)| nonempty(row.get(name_col)).is_some())
            .map(|(_, row)| nonempty(row.get(c)).and_then(|t| t.trim().parse::<u32>().ok()))
            .collect();
        let numbers: Vec<u32> = values.iter().flatten().copied().collect();
        numbers.len() >= 3
            && numbers.len() * 5 >= values.len() * 4
            && numbers.first().is_some_and(|n| (1..1000).contains(n))
            && numbers
                .windows(2)
                .all(|w| w[0].checked_add(1) == Some(w[1]))
    };
    let found: Vec<usize> = (0..name_col).filter(|&c| counts(c)).collect();
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Reads per-project rows (序号, 项目名称, 预算数, 执行数, 得分), and the table's
/// 合计 row with the range of rows it totals (`first` is the index the first
/// row will have in the report).
pub fn read_line_items(
    table: &Table,
    h: &Header,
    unit_above: Option<MoneyUnit>,
    first: usize,
) -> (Vec<LineItem>, Vec<LineTotal>) {
    let columns = [
        h.col(Role::Budget).or_else(|| h.col(Role::Initial)),
        h.col(Role::Executed),
    ];
    // (Beside a 年初 and a 全年 budget, a 增减 may be what the year changed it by.)
    let derived_cols = if h.has(Role::Initial) && h.has(Role::Budget) {
        Vec::new()
    } else {
        derived_columns(table, h, columns, true)
    };
    read_rows(table, h, unit_above, first, columns, &derived_cols)
}

/// Reads a table's rows by their label and two amount columns (`columns`),
/// with the cells derived from those two, and its 合计 rows.
fn read_rows(
    table: &Table,
    h: &Header,
    unit_above: Option<MoneyUnit>,
    first: usize,
    columns: [Option<usize>; 2],
    derived_cols: &[(usize, String, bool)],
) -> (Vec<LineItem>, Vec<LineTotal>) {
    let mut items = Vec::new();
    let mut totals: Vec<LineTotal> = Vec::new();
    let mut since_total = 0;
    // A group's 小计 totals the rows since the last 小计 or 合计; a 合计 all
    // the rows since the last 合计, the 小计 rows none of them.
    let mut since_subtotal = 0;
    // A total printed above its rows (right under the header, as budget
    // tables print it) totals the rows after it, up to the next total.
    let mut leading: Option<usize> = None;
    // Subtotals all above their rows (`人员经费小计` right under the header,
    // its items after it) or all below them: the first one says which.
    let mut subtotals_lead: Option<bool> = None;
    let mut leading_subtotal: Option<usize> = None;
    let seq_col = h.col(Role::Seq).or_else(|| counting_column(table, h));
    // (A 支出率 or 使用率 too where the table prints no funds received it
    // could be over: `下达资金 | 实际支出 | 支出率`; so a 支付率 where the
    // spending column is what was paid: `下达资金 | 已支付 | 支付率`.)
    let header_of = |role: Role| h.col(role).and_then(|c| table.rows.get(h.row)?.get(c));
    let rate_header = header_of(Role::Rate);
    let paid = header_of(Role::Executed).is_some_and(|c| c.text.contains("支付"));
    let rate_is_execution = rate_header.is_some_and(|c| {
        c.text.contains("执行率")
            || ((["支出率", "使用率"].iter().any(|w| c.text.contains(w))
                || (paid && c.text.contains("支付率")))
                && !h.has(Role::Available))
    });
    // `执行率（%）`: the header says the cells are percentages.
    let rate_in_percent = rate_header.is_some_and(|c| c.text.contains('%'));
    // A 占比 column (no role of the vocabulary's: a share of the table's total).
    // (`占预算比例` too; not a rate's `执行比例`, `到位比例`, `配套比例`.)
    let share_col = h.col_named(table, |t| {
        ["占比", "比重", "比例"].iter().any(|w| t.contains(w))
            && !["执行", "完成", "到位", "支付", "配套", "增减", "结余"]
                .iter()
                .any(|w| t.contains(w))
    });
    let product_cols = product_columns(table, h, columns[0], unit_above);
    for (r, row) in h.data_rows(table) {
        let get = |role: Role| h.col(role).and_then(|c| nonempty(row.get(c)));
        let derived = derived_cells(row, derived_cols);
        let product = product_cols.as_ref().and_then(|p| p.read(row));
        // Only a rate of what was spent over the budget (see `rate_is_execution`).
        let execution_rate = get(Role::Rate)
            .filter(|t| (t.ends_with('%') || rate_in_percent) && rate_is_execution)
            .and_then(|t| cell_number(&t))
            .map(|p| p.value);
        let rate_source = h
            .col(Role::Rate)
            .and_then(|c| row.get(c))
            .map(|c| c.source.clone());
        // A total merged over the 序号 and name cells prints its label in the first.
        let total_in_first = || {
            row.iter()
                .find_map(|c| nonempty(Some(c)))
                .filter(|t| is_total_label(t))
        };
        let Some(name) = get(Role::Name).or_else(total_in_first) else {
            continue;
        };
        // A figure under the name's column: the row's cells stand under other
        // columns than their own (a blank cell lost), none sure of its column.
        if cell_number(&name).is_some() {
            continue;
        }
        let printed = columns.map(|col| {
            let cell = row.get(col?)?;
            let unit = table_unit(h, col?, unit_above);
            Some((
                amount_in(&nonempty(Some(cell))?, unit)?.value,
                cell.source.clone(),
            ))
        });
        let yuan = |k: usize| {
            let col = columns[k]?;
            Some(table_unit(h, col, unit_above).to_yuan(printed[k].as_ref()?.0))
        };
        let source = row
            .iter()
            .find(|c| !c.text.is_empty())
            .map(|c| c.source.clone())
            .unwrap_or_default();
        let subtotal = crate::vocab::is_subtotal_label(&name);
        if is_total_label(&name) || subtotal {
            // A group's subtotal ends the group led by the last one, a 合计
            // every group and the whole led by the last 合计.
            let ended = match subtotal {
                true => [leading_subtotal.take(), None],
                false => [leading_subtotal.take(), leading.take()],
            };
            for t in ended.into_iter().flatten() {
                totals[t].rows.1 = first + items.len();
            }
            let leads = subtotal && *subtotals_lead.get_or_insert(since_subtotal == items.len());
            let units: Vec<MoneyUnit> = columns
                .iter()
                .flatten()
                .map(|c| table_unit(h, *c, unit_above))
                .collect();
            // The columns must share a unit for the total to speak of one table.
            if units.windows(2).all(|w| w[0] == w[1]) {
                if since_total == items.len() && !subtotal {
                    leading = Some(totals.len());
                }
                if leads {
                    leading_subtotal = Some(totals.len());
                }
                let since = match (subtotal, leads) {
                    (_, true) => items.len(),
                    (true, false) => since_subtotal,
                    (false, _) => since_total,
                };
                totals.push(LineTotal {
                    label: name,
                    printed,
                    rate: execution_rate.zip(rate_source),
                    printed_unit: units.first().map_or("", |u| u.label()).to_string(),
                    rows: (first + since, first + items.len()),
                    nested: Vec::new(),
                    derived,
                    source,
                    guessed: table.guessed_numbers,
                    placed_by_guess: table.placed_by_guess.contains(&r),
                });
            }
            since_subtotal = items.len();
            if !subtotal {
                since_total = items.len();
            }
            continue;
        }
        if header_role(&name).is_some() {
            continue;
        }
        items.push(LineItem {
            seq: seq_col.and_then(|c| nonempty(row.get(c))),
            // A project's name holds no full stop: one inside it is a speck read as `。`.
            name: Some(name.replace('。', "")),
            budget: yuan(0),
            executed: yuan(1),
            score: get(Role::Score)
                .and_then(|t| cell_number(&t))
                .map(|p| p.value),
            execution_rate_pct: execution_rate,
            printed,
            rate_source,
            share_pct: share_col
                .and_then(|c| nonempty(row.get(c)))
                .filter(|t| t.trim_end().ends_with('%'))
                .and_then(|t| cell_number(&t))
                .map(|p| p.value),
            share_source: share_col.and_then(|c| row.get(c)).map(|c| c.source.clone()),
            derived,
            product,
            source,
        });
    }
    for t in [leading, leading_subtotal].into_iter().flatten() {
        totals[t].rows.1 = first + items.len();
    }
    for t in &mut totals {
        let local = t.rows.0 - first..t.rows.1 - first;
        t.nested = nested_rows(&items[local.clone()])
            .into_iter()
            .map(|(row, under)| {
                let at = |i: usize| first + local.start + i;
                (at(row), under.into_iter().map(at).collect())
            })
            .collect();
    }
    (items, totals)
}

/// A table's columns derived from its two amounts, the budget and what was
/// spent (`预算数 | 执行数 | 结余 | 结余率`, `预算数 | 决算数 | 增减额 | 增减率`):
/// (column, header, rate). `changes` where a 增减 is the spending's on the
/// budget, not the budget's own adjustment (`年中增减`, a budget table's 调整数).
fn derived_columns(
    table: &Table,
    h: &Header,
    amounts: [Option<usize>; 2],
    changes: bool,
) -> Vec<(usize, String, bool)> {
    let [Some(a), Some(b)] = amounts else {
        return Vec::new();
    };
    // Over a 年初预算 alone, a balance may be of a budget the year changed.
    if h.col(Role::Budget) != Some(a) {
        return Vec::new();
    }
    let Some(header) = table.rows.get(h.row) else {
        return Vec::new();
    };
    let stems: &[&str] = if changes {
        &["结余", "增减", "差额", "差异"]
    } else {
        &["结余", "差额", "差异"]
    };
    // The difference itself (`结余`, `增减额`, `差异率`), not what became of it
    // (`结余交回财政数`) nor an adjustment (`年中增减`) or a balance carried over.
    let derived: Vec<(usize, String, bool)> = header
        .iter()
        .enumerate()
        .filter(|(c, _)| *c != a && *c != b)
        .filter_map(|(c, cell)| {
            let t: String = cell.text.chars().filter(|c| !c.is_whitespace()).collect();
            let bare = without_unit(&t);
            let names_difference = ends_on_a_difference(bare, stems)
                && !["结转", "上年", "累计", "年中", "调整", "调剂", "追加"]
                    .iter()
                    .any(|w| bare.contains(w));
            if !names_difference {
                return None;
            }
            let rate = names_a_rate(&t);
            Some((c, t, rate))
        })
        .collect();
    // With a third amount in the row (last year's 决算数, the funds received), a
    // difference may be of any two: none is read.
    // (A 年初预算 beside the full year's is not one: the balance is the year's.)
    let amount_roles = [
        Role::Available,
        Role::Executed,
        Role::Budget,
        Role::EarlierYear,
    ];
    let third_amount = (0..header.len()).any(|c| {
        if c == a || c == b || derived.iter().any(|(d, ..)| *d == c) {
            return false;
        }
        let role = h.cols.iter().find(|(_, col)| **col == c).map(|(r, _)| *r);
        match role {
            Some(r) if amount_roles.contains(&r) => true,
            Some(Role::Other) | None => {
                let cells: Vec<String> = h
                    .data_rows(table)
                    .filter_map(|(_, row)| nonempty(row.get(c)))
                    .collect();
                let amounts = cells
                    .iter()
                    .filter(|t| !t.trim_end().ends_with('%') && cell_number(t).is_some())
                    .count();
                amounts > 0 && amounts * 2 >= cells.len()
            }
            Some(_) => false,
        }
    });
    if third_amount {
        return Vec::new();
    }
    derived
}

/// A table of one measure in two years ([`YearTable`]): where its header
/// names exactly two columns of the same amount in two years (`2022年决算数 |
/// 2023年决算数`, `上年数 | 本年数`, `2022年 | 2023年`), printed in one unit, its
/// rows as (earlier, later) with the change between them (`增减额`, `增减率`,
/// `增长率`).
pub fn read_year_table(
    table: &Table,
    h: &Header,
    unit_above: Option<MoneyUnit>,
) -> Option<YearTable> {
    let header = table.rows.get(h.row)?;
    let dated: Vec<(usize, i64, String)> = header
        .iter()
        .enumerate()
        .filter(|(_, c)| c.covered_by.is_none())
        .filter_map(|(c, cell)| {
            let (year, measure) = year_amount(&cell.text)?;
            Some((c, year, measure))
        })
        .collect();
    let pair = match dated.as_slice() {
        [a, b] => (a, b),
        // More dated columns (`2022年决算 | 2023年预算 | 2023年决算 | 增减额`):
        // the two the change column is the change between, row by row.
        more => the_changes_two(table, h, more)?,
    };
    let ((a, year_a, measure_a), (b, year_b, measure_b)) = pair;
    // Two years of one kind (both named, or 上年 and 本年), one measure.
    if measure_a != measure_b || year_a == year_b || (*year_a > 1) != (*year_b > 1) {
        return None;
    }
    let (earlier, later) = if year_a < year_b { (*a, *b) } else { (*b, *a) };
    if table_unit(h, earlier, unit_above) != table_unit(h, later, unit_above) {
        return None;
    }
    // Rows of rates among the amounts (`满意度 | 92% | 95%`): what the columns
    // hold is no one measure, and a change in points is no change over a base.
    let percent = h.data_rows(table).any(|(_, row)| {
        [earlier, later].iter().any(|&c| {
            row.get(c)
                .is_some_and(|cell| cell.text.trim_end().ends_with('%'))
        })
    });
    if percent {
        return None;
    }
    let derived: Vec<(usize, String, bool)> = header
        .iter()
        .enumerate()
        .filter(|(c, cell)| *c != earlier && *c != later && cell.covered_by.is_none())
        .filter_map(|(c, cell)| {
            let t: String = cell.text.chars().filter(|c| !c.is_whitespace()).collect();
            ends_on_a_difference(without_unit(&t), CHANGES).then(|| {
                let rate = names_a_rate(&t);
                (c, t, rate)
            })
        })
        .collect();
    let (mut rows, totals) = read_rows(
        table,
        h,
        unit_above,
        0,
        [Some(earlier), Some(later)],
        &derived,
    );
    // Only the two years' figures and the changes are the table's: no budget,
    // no spending, no rate or score of a project.
    for row in &mut rows {
        *row = LineItem {
            seq: row.seq.take(),
            name: row.name.take(),
            printed: std::mem::take(&mut row.printed),
            derived: std::mem::take(&mut row.derived),
            source: std::mem::take(&mut row.source),
            ..LineItem::default()
        };
    }
    let column = |c: usize| {
        header
            .get(c)
            .map_or(String::new(), |cell| cell.text.clone())
    };
    Some(YearTable {
        columns: [column(earlier), column(later)],
        rows,
        totals,
    })
}

/// Of three or more dated columns, the two whose difference a change column
/// (`增减额`) prints in every row but at most one, at least two rows, where no
/// other two do as well (`2023年预算 | 2023年决算` may be what it compares as
/// much as the two years' 决算).
fn the_changes_two<'d>(
    table: &Table,
    h: &Header,
    dated: &'d [(usize, i64, String)],
) -> Option<(&'d (usize, i64, String), &'d (usize, i64, String))> {
    let header = table.rows.get(h.row)?;
    let dated_columns: Vec<usize> = dated.iter().map(|d| d.0).collect();
    let change = header.iter().enumerate().find_map(|(c, cell)| {
        let t: String = cell.text.chars().filter(|c| !c.is_whitespace()).collect();
        (!dated_columns.contains(&c)
            && cell.covered_by.is_none()
            && ends_on_a_difference(without_unit(&t), CHANGES)
            && !names_a_rate(&t))
        .then_some(c)
    })?;
    let number = |row: &[Cell], c: usize| row.get(c).and_then(|cell| cell_number(&cell.text));
    let mut best: Option<((usize, usize), usize)> = None;
    let mut tie = false;
    let mut rows_with_a_change = 0;
    for (i, x) in dated.iter().enumerate() {
        for y in &dated[i + 1..] {
            let (mut explained, mut stated) = (0, 0);
            for (_, row) in h.data_rows(table) {
                let (Some(p), Some(q), Some(d)) =
                    (number(row, x.0), number(row, y.0), number(row, change))
                else {
                    continue;
                };
                stated += 1;
                if (q.value - p.value).abs() == d.value.abs() {
                    explained += 1;
                }
            }
            rows_with_a_change = rows_with_a_change.max(stated);
            match best {
                Some((_, n)) if explained == n => tie = true,
                Some((_, n)) if explained < n => {}
                _ => {
                    best = Some(((x.0, y.0), explained));
                    tie = false;
                }
            }
        }
    }
    let ((a, b), explained) = best?;
    if tie || explained < 2 || explained + 1 < rows_with_a_change {
        return None;
    }
    let find = |c: usize| dated.iter().find(|d| d.0 == c);
    Some((find(a)?, find(b)?))
}

/// Stems of a column of the change between two years: `增减额`, `增减率`,
/// `增长率`, `增减变化`, `同比增减（%）`, `变动率`.
const CHANGES: &[&str] = &["增减", "增长", "变动", "差额", "差异", "增幅"];

/// A column header's name (its unit taken off) that ends on a difference of
/// two amounts: one of `stems` (`结余`, `增减`) with an ending of amounts or
/// rates (`额`, `率`, `变化` …) or none.
fn ends_on_a_difference(bare: &str, stems: &[&str]) -> bool {
    const ENDINGS: &[&str] = &[
        "", "额", "数", "金额", "资金", "率", "比例", "幅度", "变化", "情况", "%",
    ];
    stems.iter().any(|stem| {
        ENDINGS
            .iter()
            .any(|end| bare.ends_with(&format!("{stem}{end}")))
    })
}

/// A difference column of a rate (`增减率`, `结余率（%）`, `增长幅度`), not an amount.
fn names_a_rate(header: &str) -> bool {
    ["率", "幅度", "比例", "%"]
        .iter()
        .any(|w| header.contains(w))
}

/// The columns that make a row's amount (`发放标准（元/人/月） | 发放人数 | 发放月数
/// | 发放金额`): a standard whose header names its money unit, a count of heads,
/// the months where the standard is monthly (and only then).
struct ProductColumns {
    standard: usize,
    standard_unit: MoneyUnit,
    count: usize,
    months: Option<usize>,
    amount_unit: MoneyUnit,
}

fn product_columns(
    table: &Table,
    h: &Header,
    amount: Option<usize>,
    unit_above: Option<MoneyUnit>,
) -> Option<ProductColumns> {
    let amount = amount?;
    let header = table.rows.get(h.row)?;
    let text = |c: usize| -> String {
        header[c]
            .text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let only = |pick: &dyn Fn(&str) -> bool| {
        let mut found = (0..header.len()).filter(|&c| c != amount && pick(&text(c)));
        found.next().filter(|_| found.next().is_none())
    };
    let standard = only(&|t| crate::vocab::names_a_standard(t))?;
    let standard_text = text(standard);
    let standard_unit = if standard_text.contains("万元") {
        MoneyUnit::Wan
    } else {
        MoneyUnit::Yuan
    };
    let count = only(&|t| crate::vocab::names_a_count_paid_for(t))?;
    let months = only(&|t| t.contains("月数"));
    let monthly = standard_text.contains("月");
    if monthly != months.is_some() {
        return None;
    }
    Some(ProductColumns {
        standard,
        standard_unit,
        count,
        months,
        amount_unit: table_unit(h, amount, unit_above),
    })
}

impl ProductColumns {
    fn read(&self, row: &[Cell]) -> Option<RowProduct> {
        let cell = |c: usize| {
            let cell = row.get(c)?;
            Some((
                cell_number(&nonempty(Some(cell))?)?.value,
                cell.source.clone(),
            ))
        };
        Some(RowProduct {
            standard: cell(self.standard)?,
            standard_unit: self.standard_unit,
            count: cell(self.count)?,
            months: match self.months {
                Some(c) => Some(cell(c)?),
                None => None,
            },
            amount_unit: self.amount_unit,
        })
    }
}

/// A row's cells in its table's derived columns ([`derived_columns`]); a rate
/// printed without its % is not read for one, unless its header says the
/// column is in percent (`增减率（%）`).
fn derived_cells(row: &[Cell], columns: &[(usize, String, bool)]) -> Vec<DerivedCell> {
    columns
        .iter()
        .filter_map(|(col, header, rate)| {
            let cell = row.get(*col)?;
            let text = nonempty(Some(cell))?;
            if *rate && !text.trim_end().ends_with('%') && !header.contains('%') {
                return None;
            }
            // (An amount may carry its unit, `59.10万元`, as the row's others do.)
            let printed = cell_number(&text).or_else(|| {
                let (head, _) = crate::number::money_suffix(&text).filter(|_| !*rate)?;
                crate::number::Printed::parse(head)
            })?;
            Some(DerivedCell {
                header: header.clone(),
                rate: *rate,
                value: printed.value,
                source: cell.source.clone(),
            })
        })
        .collect()
}

/// `一、基本支出` `其中：人员经费` `公用经费` `二、项目支出`, or `一、…` `（一）…`
/// `（二）…`: the rows listed under another, by their labels. A row numbered
/// deeper than the row before it (一、 > （一） > 1、 > （1） > ①) is under the
/// nearest row numbered shallower; a run opened by `其中` right after a row
/// goes on to the next numbered row. Only where every row is numbered or in
/// such a run, the shallowest numbered rows the top; anything else names no
/// structure (empty).
fn nested_rows(rows: &[LineItem]) -> Vec<(usize, Vec<usize>)> {
    let name = |i: usize| rows[i].name.as_deref().unwrap_or("").trim();
    // Numbered in the label, or in a 序号 column of its own (`一` | `基本支出`,
    // `1` | `工资福利`): a bare numeral there numbers as it would with its `、`.
    let depth = |i: usize| {
        jixiao_model::doc::enumerator_depth(name(i)).or_else(|| {
            let seq = rows[i].seq.as_deref()?.trim();
            let numbered = if seq.ends_with(['、', '.', '．', '）', ')']) {
                seq.to_string()
            } else {
                format!("{seq}、")
            };
            jixiao_model::doc::enumerator_depth(&numbered)
        })
    };
    let levels: Vec<Option<u8>> = (0..rows.len()).map(depth).collect();
    let Some(top) = levels.iter().flatten().min().copied() else {
        return Vec::new();
    };
    let mut under: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    // The numbered rows open at this row, shallowest first.
    let mut open: Vec<(usize, u8)> = Vec::new();
    let mut run: Option<usize> = None;
    for i in 0..rows.len() {
        if let Some(level) = levels[i] {
            run = None;
            while open.last().is_some_and(|&(_, l)| l >= level) {
                open.pop();
            }
            match open.last() {
                Some(&(parent, _)) => under.entry(parent).or_default().push(i),
                None if level != top => return Vec::new(),
                None => {}
            }
            open.push((i, level));
        } else if name(i).starts_with("其中") && open.last().is_some_and(|&(p, _)| p + 1 == i) {
            let parent = open.last().map(|&(p, _)| p).unwrap_or_default();
            under.entry(parent).or_default().push(i);
            run = Some(parent);
        } else if let Some(parent) = run {
            under.entry(parent).or_default().push(i);
        } else {
            return Vec::new();
        }
    }
    under.into_iter().collect()
}

/// One figure read from a budget table.
#[derive(Clone, Debug)]
pub struct TableFigure {
    /// The column's role.
    pub role: Role,
    /// The value: yuan for amounts, percent for the rate.
    pub value: Decimal,
    /// Where the cell is.
    pub source: Source,
    /// An amount as printed, in its unit (none for the rate).
    pub printed: Option<(Printed, MoneyUnit)>,
}

/// Reads a budget table's total row (the first data row, or the one labelled
/// 年度资金总额 / 合计).
pub fn read_budget_table(
    table: &Table,
    h: &Header,
    unit_above: Option<MoneyUnit>,
) -> Vec<TableFigure> {
    let data: Vec<&Vec<Cell>> = h
        .data_rows(table)
        .map(|(_, r)| r)
        .filter(|r| r.iter().any(|c| !c.text.is_empty()))
        .collect();
    let total = data
        .iter()
        .find(|r| {
            r.iter()
                .any(|c| c.text.contains("资金总额") || is_total_label(&c.text))
        })
        // Without a total row, the one row is the budget's; of several named
        // items (`项目名称`: 教育专项, 医疗专项…) none is.
        .or_else(|| {
            data.first()
                .filter(|_| data.len() == 1 || !lists_named_items(table, h))
                // A part's row (`三公经费`, `公用经费`) is no budget of the whole.
                .filter(|r| {
                    !r.iter().any(|c| {
                        crate::budget::PART_SUBJECTS
                            .iter()
                            .any(|w| c.text.contains(w))
                    })
                })
        });
    let Some(row) = total else { return Vec::new() };
    let row = budget_row_aligned(table, h, row);
    if share_under_an_amount(h, &row) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for role in [Role::Initial, Role::Budget, Role::Executed, Role::Rate] {
        let Some(col) = h.col(role) else { continue };
        let Some(cell) = row.get(col) else { continue };
        let unit = table_unit(h, col, unit_above);
        let p = if role == Role::Rate {
            cell_number(&cell.text)
        } else {
            amount_in(&cell.text, unit)
        };
        let Some(p) = p else {
            continue;
        };
        let (value, printed) = if role == Role::Rate {
            (percent_in_rate_column(&cell.text, p.value), None)
        } else {
            (unit.to_yuan(p.value), Some((p, unit)))
        };
        out.push(TableFigure {
            role,
            value,
            source: cell.source.clone(),
            printed,
        });
    }
    out
}

/// True when the table's label column is headed as a list of names (`项目名称`):
/// its rows are some projects or items, each named, not the breakdown of a
/// budget by source or nature (whose label column is headed `项目` or nothing).
pub fn lists_named_items(table: &Table, h: &Header) -> bool {
    let value_roles = [Role::Initial, Role::Budget, Role::Executed, Role::Available];
    let Some(first_value) = value_roles.iter().filter_map(|r| h.col(*r)).min() else {
        return false;
    };
    (0..first_value).any(|c| table.text_at(h.row, c).contains("名称"))
}

/// A row printed with another number of cells than its header, labels and
/// then only figures: a pipe rendering dropped the cells a merged label
/// spanned (`| 合计 | 1000.00 | 1100.00 | 1050.00 |` under `| 项目 | | 年初预算数 |
/// 全年预算数 | 全年执行数 |`), or the header's (`| 按收入性质分 | 一般公共预算 | 900.00
/// | …` under `| 项目 | 年初预算数 | …`). The figures are the last columns' where
/// the header names a value for each of them (`valued`); the labels fill the
/// columns before, run together where they are more (`按收入性质分一般公共预算`, a
/// group and its label, as a stream's row prints them). Other rows as printed.
fn aligned_to_the_header<'r>(
    printed: &'r [Cell],
    header: &[Cell],
    valued: &dyn Fn(usize) -> bool,
) -> std::borrow::Cow<'r, [Cell]> {
    // As many cells as the header: blank ones are blank cells.
    if printed.len() == header.len() {
        return std::borrow::Cow::Borrowed(printed);
    }
    // Empty cells a rendering pads rows with at the end (`| 19.55 | |||||`).
    let printed_up_to = |cells: &[Cell]| {
        cells
            .iter()
            .rposition(|c| !c.text.trim().is_empty())
            .map_or(0, |k| k + 1)
    };
    let width = printed_up_to(header);
    let row = &printed[..printed_up_to(printed)];
    let labels = row
        .iter()
        .take_while(|c| cell_number(&c.text).is_none())
        .count();
    let figures = row.len() - labels;
    // A figure cell holds a number or a blank mark (`—`, `/`); the row holds
    // one for every value column (fewer may be a row cut off, as an excerpt
    // ends: its figures are the first columns').
    let value_columns = (0..width).filter(|&c| valued(c)).count();
    let fits = row.len() != width
        && labels >= 1
        && figures == value_columns
        && figures < width
        && !row[..labels].iter().all(|c| c.text.trim().is_empty())
        && row[labels..]
            .iter()
            .all(|c| cell_number(&c.text).is_some() || is_placeholder(&c.text))
        && (width - figures..width).all(valued);
    if !fits {
        return std::borrow::Cow::Borrowed(printed);
    }
    let slots = width - figures;
    let mut out: Vec<Cell> = Vec::with_capacity(width);
    let run_together = labels.saturating_sub(slots) + 1;
    let first = &row[0];
    let joined: String = row[..run_together].iter().map(|c| c.text.trim()).collect();
    out.push(Cell::new(joined, first.source.clone()));
    out.extend(row[run_together..labels].iter().cloned());
    while out.len() < slots {
        out.insert(1, Cell::new("", first.source.clone()));
    }
    out.extend(row[labels..].iter().cloned());
    std::borrow::Cow::Owned(out)
}

/// The columns of a budget table that hold figures.
const BUDGET_VALUE_ROLES: [Role; 9] = [
    Role::Initial,
    Role::Budget,
    Role::Executed,
    Role::Available,
    Role::Adjustment,
    Role::EarlierYear,
    Role::Weight,
    Role::Rate,
    Role::Score,
];

/// A row printing a share (`96.00%`) under an amount's column: its cells
/// stand under other columns than their own (a header cell that heads none,
/// a cell left out), and none of its figures is sure of its column.
fn share_under_an_amount(h: &Header, row: &[Cell]) -> bool {
    [
        Role::Initial,
        Role::Budget,
        Role::Executed,
        Role::Available,
        Role::Adjustment,
    ]
    .iter()
    .filter_map(|&role| row.get(h.col(role)?))
    .any(|c| c.text.trim().ends_with(['%', '％']))
}

/// A budget table's row aligned to its header (see [`aligned_to_the_header`]).
fn budget_row_aligned<'r>(
    table: &Table,
    h: &Header,
    row: &'r [Cell],
) -> std::borrow::Cow<'r, [Cell]> {
    let valued = |c: usize| {
        h.cols
            .iter()
            .any(|(role, col)| *col == c && BUDGET_VALUE_ROLES.contains(role))
    };
    let header_cells = table.rows.get(h.row).map_or(&[][..], |r| r.as_slice());
    aligned_to_the_header(row, header_cells, &valued)
}

/// A budget row's amount fields, by the names its sources are keyed by.
const FIELDS_OF_AMOUNTS: [&str; 5] = ["initial", "adjusted", "executed", "available", "adjustment"];

/// Every placement of a row's figures (`printed`, in the order of `slots`, the
/// table's amount columns) in those columns, their order kept: a row a text
/// dump printed short may have left any of its columns blank.
fn placements(printed: &[Option<Decimal>; 6], slots: &[usize]) -> Vec<[Option<Decimal>; 6]> {
    let figures: Vec<Decimal> = slots.iter().filter_map(|&s| printed[s]).collect();
    let mut out = Vec::new();
    // Each choice of as many columns as figures, in order (a bit per column).
    for mask in 0u32..(1 << slots.len().min(8)) {
        if mask.count_ones() as usize != figures.len() {
            continue;
        }
        let mut placed = *printed;
        for &s in slots {
            placed[s] = None;
        }
        let chosen = (0..slots.len()).filter(|k| mask & (1 << k) != 0);
        for (figure, k) in figures.iter().zip(chosen) {
            placed[slots[k]] = Some(*figure);
        }
        out.push(placed);
    }
    out
}

/// Cuts of one run of digits past which a row is too unsure to read.
const MOST_CUTS: usize = 256;

/// Where a row's figures (in `amount_cols`, (column, slot) in the table's
/// order) were printed as one run of digits, each character right after the
/// last (`271.05271.05`), every other way to cut that run into as many
/// numbers or fewer: each number with no leading zero, at most nine digits
/// before its point and two after. Empty where the figures stand apart;
/// `None` where the cuts are more than [`MOST_CUTS`].
fn cuts_of_one_run(row: &[Cell], amount_cols: &[(usize, usize)]) -> Option<Vec<Vec<Decimal>>> {
    let cells: Vec<&Cell> = amount_cols
        .iter()
        .filter_map(|(c, _)| row.get(*c))
        .filter(|c| cell_number(&c.text).is_some())
        .collect();
    let adjacent = cells.windows(2).all(|w| {
        w[0].source.same_line(&w[1].source)
            && matches!((w[0].source.chars, w[1].source.chars), (Some([_, end]), Some([start, _])) if end == start)
    });
    if cells.len() < 2 || !adjacent {
        return Some(Vec::new());
    }
    let run: String = cells.iter().map(|c| c.text.trim()).collect();
    // (Figures that print their unit or separators were cut there.)
    if !run.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Some(Vec::new());
    }
    fn number(piece: &str) -> Option<Decimal> {
        let (int, dec) = piece.split_once('.').unwrap_or((piece, ""));
        let ok = !int.is_empty()
            && int.len() <= 9
            && (int == "0" || !int.starts_with('0'))
            && dec.len() <= 2
            && !(piece.contains('.') && dec.is_empty())
            && !dec.contains('.');
        ok.then(|| piece.parse().ok()).flatten()
    }
    fn cut(rest: &str, most: usize, so_far: &mut Vec<Decimal>, out: &mut Vec<Vec<Decimal>>) {
        if out.len() > MOST_CUTS {
            return;
        }
        if rest.is_empty() {
            out.push(so_far.clone());
            return;
        }
        // (Nine digits, a point and two decimals at most per number left.)
        if so_far.len() == most || rest.len() > (most - so_far.len()) * 12 {
            return;
        }
        for end in 1..=rest.len() {
            if let Some(v) = number(&rest[..end]) {
                so_far.push(v);
                cut(&rest[end..], most, so_far, out);
                so_far.pop();
            }
        }
    }
    let mut out = Vec::new();
    cut(&run, amount_cols.len(), &mut Vec::new(), &mut out);
    (out.len() <= MOST_CUTS).then_some(out)
}

/// `其中：财政拨款 | 1,642.75 | 其中：基本支出 | 1,286.40`: a label under an
/// amount column — two blocks side by side under one header (按收入性质分 |
/// 按支出性质分) — so the row's figures stand under none of its columns.
fn label_among_amounts(row: &[Cell], amount_cols: &[(usize, usize)]) -> bool {
    amount_cols.iter().any(|(col, _)| {
        row.get(*col).is_some_and(|c| {
            let t = c.text.trim();
            // (Words, no figure: `150万` is an amount with its unit.)
            !crate::vocab::is_placeholder(t)
                && !t.chars().any(|ch| ch.is_ascii_digit())
                && t.chars().filter(|ch| jixiao_model::is_han(*ch)).count() >= 2
        })
    })
}

/// `按收入性质分一般公共预算` → (`按收入性质分`, `一般公共预算`): the heading of
/// a breakdown (by source, by nature) and the rest of the label after it.
/// A stream's row may carry before it a piece of the caption printed down
/// the merged cell further left (`行情况按收入性质分政府性基金预算`): a heading by
/// 性质 or 来源 is known there too, and the piece before it is no label's.
fn breakdown_heading(label: &str) -> Option<(String, String)> {
    let heading_at = |from: &str| {
        from.char_indices()
            .filter(|&(at, c)| c == '分' && at > 0)
            .map(|(at, c)| from.split_at(at + c.len_utf8()))
            .find(|(head, _)| head.starts_with('按') && head.chars().count() <= 8)
            .map(|(h, r)| (h.to_string(), r.to_string()))
    };
    heading_at(label).or_else(|| {
        label
            .match_indices('按')
            .filter_map(|(at, _)| heading_at(&label[at..]))
            .find(|(head, _)| head.ends_with("性质分") || head.ends_with("来源分"))
    })
}

/// True when a row's amount cells are all empty or a dash (`—`, `-`, `/`):
/// printed with no amount at all.
fn blank_amounts(row: &[Cell], amount_cols: &[(usize, usize)]) -> bool {
    amount_cols.iter().all(|(col, _)| {
        row.get(*col)
            .is_none_or(|c| matches!(c.text.trim(), "" | "—" | "-" | "——" | "－" | "/" | "／"))
    })
}

/// Reads every row of a budget table: the total (年度资金总额 / 合计) and its
/// breakdowns, each labelled by the cell left of the first amount column and
/// grouped by a merged cell further left (按收入性质分) or a `其中：` prefix.
pub fn read_budget_rows(
    table: &Table,
    h: &Header,
    unit_above: Option<MoneyUnit>,
) -> Vec<BudgetRow> {
    let value_roles = BUDGET_VALUE_ROLES;
    let Some(first_value) = value_roles.iter().filter_map(|r| h.col(*r)).min() else {
        return Vec::new();
    };
    let mut out: Vec<BudgetRow> = Vec::new();
    let mut group: Option<String> = None;
    // Whether the 其中 run open now numbers its rows.
    let mut run_numbered = false;
    // The amount columns' slots in `BudgetRow::printed`, in the table's order.
    let mut amount_slots: Vec<(usize, usize)> = [
        (Role::Initial, 0),
        (Role::Budget, 1),
        (Role::Executed, 2),
        (Role::Available, 3),
        (Role::Adjustment, 4),
        (Role::EarlierYear, 5),
    ]
    .iter()
    .filter_map(|&(role, slot)| Some((h.col(role)?, slot)))
    .collect();
    amount_slots.sort();
    // (column, slot), in the table's order.
    let amount_cols = amount_slots.clone();
    let amount_slots: Vec<usize> = amount_slots.into_iter().map(|(_, slot)| slot).collect();
    // 结余 beside the full year's budget and the spending (a 增减 here is the
    // budget's adjustment).
    let amounts = [h.col(Role::Budget), h.col(Role::Executed)];
    let mut derived_cols = derived_columns(table, h, amounts, false);
    // `年初预算数 | 调整后预算数 | 调整率`: the adjustment's rate, over the 年初.
    if let (true, true, Some(header)) = (
        h.has(Role::Initial),
        h.has(Role::Budget),
        table.rows.get(h.row),
    ) {
        derived_cols.extend(header.iter().enumerate().filter_map(|(c, cell)| {
            let t: String = cell.text.chars().filter(|c| !c.is_whitespace()).collect();
            (!h.cols.values().any(|&v| v == c) && jixiao_model::facts::names_an_adjustment_rate(&t))
                .then_some((c, t, true))
        }));
    }
    // Funds by source across before the budget's column (`中央 | 省级 | 本级 |
    // 合计`): amounts the budget is the sum of.
    // (Or after it, where it names a total: `年度预算资金总额 | 中央补助 | …`.)
    let source_cols: Vec<(usize, String, bool)> = h
        .col(Role::Budget)
        .and_then(|budget| Some((budget, table.rows.get(h.row)?)))
        .map(|(budget, header)| {
            (0..budget)
                .filter(|&c| !h.cols.values().any(|&v| v == c))
                .chain(h.sources_after.iter().copied())
                .filter_map(|c| {
                    let text = header.get(c)?.text.trim();
                    crate::budget::names_a_fund_column(text).then(|| (c, text.to_string(), false))
                })
                .collect()
        })
        .unwrap_or_default();
    // A 到位率 / 拨付率 column (the vocabulary gives a rate of the funds no role).
    let received_col = h.col_named(table, |t| {
        crate::vocab::RECEIVED_RATES.iter().any(|w| t.contains(w))
    });
    for (r, row) in h.data_rows(table) {
        let row = &*budget_row_aligned(table, h, row);
        if share_under_an_amount(h, row) || label_among_amounts(row, &amount_cols) {
            continue;
        }
        let mut label: Option<(usize, String)> = None;
        let mut row_group: Option<String> = None;
        for c in (0..first_value.min(row.len())).rev() {
            // (A task's description beside its name is no label: `主要内容`.)
            if h.col(Role::Description) == Some(c) {
                continue;
            }
            let cell = &row[c];
            // A merged cell that also spans the header row titles the whole block.
            let anchor_row = cell.covered_by.map_or(r, |(ar, _)| ar);
            let text = match cell.covered_by {
                Some(_) => table.text_at(r, c).trim(),
                None => cell.text.trim(),
            };
            // (Nor is an amount printed with its unit, `59.10万元`.)
            if text.is_empty() || anchor_row <= h.row || crate::number::is_number(text) {
                continue;
            }
            match &label {
                None if cell.covered_by.is_none() => label = Some((c, text.to_string())),
                Some(_) if row_group.is_none() => row_group = Some(text.to_string()),
                _ => {}
            }
        }
        // A block of one row under its header, unlabelled (`项目资金（万元）`
        // heads the label column, the row under it prints only figures): the
        // block's total, as the national form's first row.
        let unlabelled_first = r == h.row + 1 && first_value > 0 && label.is_none();
        let label = match label {
            Some(l) => l,
            None if unlabelled_first => (0, crate::BUDGET_TOTAL_ROW.to_string()),
            None => continue,
        };
        let (label_col, label) = label;
        // (A dump may run the row before's blank marks into the label: `———项目支出`.)
        let label = label.trim_start_matches(['—', '-', '－']);
        // Words no row of funds is labelled with (another table's header and
        // row, or prose citing a document, run together in a dump): the
        // block ended before them.
        if label.chars().count() > 40 || label.contains(['《', '》']) {
            break;
        }
        let mut label = crate::vocab::last_run_on_label(label).to_string();
        if let Some(rest) = crate::vocab::after_qizhong(&label).map(str::to_string) {
            row_group = Some("其中".into());
            label = rest;
        }
        // `按收入性质分一般公共预算`: a group cell run into the label (a stream's row).
        if let Some((head, rest)) = breakdown_heading(&label) {
            // `按收入性质分` on a row of its own, no amount: it opens its
            // breakdown, the rows under it (`其中：…` or not) are its parts.
            if !rest.trim_start_matches(['：', ':']).is_empty() {
                row_group = Some(head);
                label = rest;
            } else if blank_amounts(row, &amount_cols) {
                group = Some(head);
                run_numbered = false;
                continue;
            }
        }
        // (A 其中 under a breakdown's heading says no more than the heading.)
        if row_group.as_deref() == Some("其中")
            && group.as_deref().is_some_and(|g| g.starts_with('按'))
        {
            row_group = group.clone();
        }
        // `总额` alone is a form's total row too (四川's 部门预算项目支出绩效自评表).
        let is_total = label.contains("资金总额")
            || is_total_label(&label)
            || label.contains("合计")
            || ((label.ends_with("总额") || label.ends_with("总金额"))
                && label.chars().count() <= 6);
        let numbered = jixiao_model::doc::starts_with_enumerator(&label);
        if is_total {
            group = None;
        } else if row_group.is_some() {
            run_numbered = numbered;
            group = row_group;
        } else if group.as_deref() == Some("其中") && numbered && !run_numbered {
            // A numbered row after a run of unnumbered ones is the next of the
            // rows the run is under, not in it (`其中：1、…`, `2、…` number the run).
            group = None;
        }
        let mut b = BudgetRow {
            label,
            group: if is_total { None } else { group.clone() },
            is_total,
            source: row[label_col].source.clone(),
            derived: derived_cells(row, &derived_cols),
            by_source: derived_cells(row, &source_cols),
            ..BudgetRow::default()
        };
        let mut any = false;
        for role in value_roles {
            let Some(col) = h.col(role) else { continue };
            let Some(cell) = row.get(col) else { continue };
            let unit = table_unit(h, col, unit_above);
            let p = if role.is_amount() {
                amount_in(&cell.text, unit)
            } else {
                cell_number(&cell.text)
            };
            let Some(p) = p else {
                continue;
            };
            any = true;
            b.printed_unit = unit.label().to_string();
            let (name, slot) = match role {
                Role::Initial => ("initial", Some(0)),
                Role::Budget => ("adjusted", Some(1)),
                Role::Executed => ("executed", Some(2)),
                Role::Available => ("available", Some(3)),
                Role::Adjustment => ("adjustment", Some(4)),
                Role::EarlierYear => ("earlier_year", Some(5)),
                Role::Rate => ("execution_rate_pct", None),
                Role::Weight => ("weight", None),
                _ => ("score", None),
            };
            match (role, slot) {
                (_, Some(i)) => {
                    b.printed[i] = Some(p.value);
                    let yuan = Some(unit.to_yuan(p.value));
                    match i {
                        0 => b.initial = yuan,
                        1 => b.adjusted = yuan,
                        2 => b.executed = yuan,
                        3 => b.available = yuan,
                        4 => b.adjustment = yuan,
                        // Another year's: for the checker's sums only.
                        _ => {
                            b.earlier_column = table.text_at(h.row, col).trim().to_string();
                            continue;
                        }
                    }
                }
                // (A figure of thousands with no `%` is no rate: a cell from
                // another column, `合计 | 25 | 1,600 | 1,546.80 | 96.68%`
                // placed one short.)
                (Role::Rate, _) if !cell.text.contains('%') && p.value >= Decimal::ONE_THOUSAND => {
                    continue
                }
                (Role::Rate, _) => {
                    b.execution_rate_pct = Some(percent_in_rate_column(&cell.text, p.value))
                }
                (Role::Weight, _) => b.weight = Some(p.value),
                _ => b.score = Some(p.value),
            }
            b.sources.insert(name.to_string(), cell.source.clone());
        }
        if table.placed_by_guess.contains(&r) {
            b.placements = placements(&b.printed, &amount_slots);
            // Figures cut from one run of digits (`271.05271.05`): every other
            // cut of it, placed as they may be; the reading's own is the one
            // of fewest numbers, most of them with two decimals.
            // (Too many cuts to choose among: no reading of the row.)
            let Some(cuts) = cuts_of_one_run(row, &amount_cols) else {
                continue;
            };
            // A cut's figures in the amount columns from the `first` on.
            let before = b.printed;
            let from = |cut: &[Decimal], first: usize| {
                let mut printed = before;
                for (_, slot) in &amount_cols {
                    printed[*slot] = None;
                }
                for ((_, slot), v) in amount_cols[first..].iter().zip(cut) {
                    printed[*slot] = Some(*v);
                }
                printed
            };
            // (Under the last columns: a 其中 row's blank is its 年初预算数 more
            // often than its budget beside what it spent.)
            if let Some(regular) = cuts
                .iter()
                .min_by_key(|c| (c.len(), c.iter().filter(|v| v.scale() != 2).count()))
            {
                b.printed = from(regular, amount_cols.len().saturating_sub(regular.len()));
                b.placements = placements(&b.printed, &amount_slots);
            }
            for cut in &cuts {
                for placed in placements(&from(cut, 0), &amount_slots) {
                    if !b.placements.contains(&placed) {
                        b.placements.push(placed);
                    }
                }
            }
            // Which column a figure is under is a guess no rate confirms: the
            // row's amounts are the checker's to place, not the output's.
            if b.placements.len() > 1 && b.execution_rate_pct.is_none() {
                for field in FIELDS_OF_AMOUNTS {
                    b.sources.remove(field);
                }
                (b.initial, b.adjusted, b.executed, b.available, b.adjustment) =
                    (None, None, None, None, None);
            }
        }
        if let Some(cell) = received_col.and_then(|c| row.get(c)) {
            if let Some(p) = cell_number(&cell.text).filter(|_| cell.text.trim_end().ends_with('%'))
            {
                b.received_rate_pct = Some(p.value);
                b.sources
                    .insert("received_rate_pct".into(), cell.source.clone());
            }
        }
        if any {
            out.push(b);
        } else if !is_total
            && blank_amounts(row, &amount_cols)
            && crate::streams::names_a_source_of_funds(&b.label)
        {
            // A row of the block printed blank: the total's to know of.
            if let Some(total) = out.iter_mut().rev().find(|r| r.is_total) {
                total.blank_parts.push(b.label);
            }
        }
    }
    // A block with a 得分 but no 分值 column prints its weight in its title
    // cell: `预算执行情况（万元）（20分）`.
    // (Or in its 得分 cell's formula: `得分（20分*执行率）`.)
    if !h.has(Role::Weight) && h.has(Role::Score) {
        let header_cell = |c: Option<usize>| table.rows.get(h.row).and_then(|r| r.get(c?));
        let in_title = header_cell(Some(0))
            .and_then(|c| Some((split_weighted_label(&c.text).1?, c.source.clone())));
        let in_formula = header_cell(h.col(Role::Score))
            .and_then(|c| Some((weight_in_a_formula(&c.text)?, c.source.clone())));
        if let (Some((weight, at)), Some(total)) =
            (in_title.or(in_formula), out.iter_mut().find(|b| b.is_total))
        {
            if total.score.is_some_and(|s| s <= weight) {
                total.weight = Some(weight);
                total.sources.insert("weight".into(), at);
            }
        }
    }
    out
}

/// The full marks a score header's formula names: `得分（20分*执行率）`,
/// `得分(10分×执行率)` → 20, 10.
fn weight_in_a_formula(text: &str) -> Option<Decimal> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if !t.contains("执行率") {
        return None;
    }
    let at = t.find('分').filter(|&at| at > 0)?;
    let at = t[at + '分'.len_utf8()..]
        .find('分')
        .map(|k| at + '分'.len_utf8() + k)?;
    let digits: String = t[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let weight: Decimal = digits.parse().ok()?;
    (weight > Decimal::ZERO && weight <= Decimal::ONE_HUNDRED).then_some(weight)
}

/// A rate cell in percent. A spreadsheet stores 98.36% as 0.9836 and only its
/// number format shows it as a percentage; where the format is lost (XLS and
/// ODS through calamine, a CSV export), a figure below 1.5 without a `%` in a
/// 执行率 column is that fraction, since no budget table reports an execution
/// rate of 1.5 percent or less as a bare number.
pub fn percent_in_rate_column(text: &str, value: Decimal) -> Decimal {
    if !text.contains('%') && value > Decimal::ZERO && value < Decimal::new(15, 1) {
        value * Decimal::ONE_HUNDRED
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_digits_is_cut_every_way_into_as_many_numbers_or_fewer() {
        // `上年结转资金271.05271.05` read as `2 | 71.05 | 271.05` under three
        // amount columns: the cut into two equal figures is among the others.
        let at = |s: u32, e: u32| Source {
            line: Some(1),
            chars: Some([s, e]),
            ..Source::default()
        };
        let row = vec![
            Cell::new("上年结转资金", at(0, 6)),
            Cell::new("2", at(6, 7)),
            Cell::new("71.05", at(7, 12)),
            Cell::new("271.05", at(12, 18)),
        ];
        let cols = [(1, 0), (2, 1), (3, 2)];
        let cuts = cuts_of_one_run(&row, &cols).expect("few cuts");
        let v = |t: &str| t.parse::<Decimal>().expect("a number");
        assert!(cuts.contains(&vec![v("271.05"), v("271.05")]), "{cuts:?}");
        assert!(
            cuts.contains(&vec![v("2"), v("71.05"), v("271.05")]),
            "{cuts:?}"
        );
        // No piece with a leading zero or three decimals.
        assert!(cuts.iter().flatten().all(|d| d.scale() <= 2), "{cuts:?}");
        // Figures standing apart (a space between) are no run.
        let apart = vec![
            Cell::new("上年结转资金", at(0, 6)),
            Cell::new("271.05", at(7, 13)),
            Cell::new("271.05", at(14, 20)),
        ];
        assert_eq!(cuts_of_one_run(&apart, &[(1, 1), (2, 2)]), Some(Vec::new()));
        // A run longer than its columns' numbers can be: no cut (and no search
        // through every way to cut it).
        let long = vec![
            Cell::new("总额", at(0, 2)),
            Cell::new("1234567890123456789012345", at(2, 27)),
            Cell::new("1234567890123456789012345", at(27, 52)),
        ];
        assert_eq!(cuts_of_one_run(&long, &[(1, 1), (2, 2)]), Some(Vec::new()));
    }

    #[test]
    fn a_short_rows_figures_take_every_placement_in_order() {
        let d = |v: i64| Some(Decimal::from(v));
        // Two figures read under 全年预算 and 全年执行, the table's columns
        // ordered 往年 (5), 全年预算 (1), 全年执行 (2).
        let printed = [None, d(7), d(9), None, None, None];
        let all = placements(&printed, &[5, 1, 2]);
        assert_eq!(all.len(), 3);
        assert!(all.contains(&[None, None, d(9), None, None, d(7)]));
        assert!(all.contains(&[None, d(9), None, None, None, d(7)]));
        assert!(all.contains(&printed));
        // Their order is kept: 9 is never before 7.
        assert!(!all.iter().any(|p| p[5] == d(9)));
    }

    fn named(names: &[&str]) -> Vec<LineItem> {
        names
            .iter()
            .map(|n| LineItem {
                name: Some(n.to_string()),
                ..LineItem::default()
            })
            .collect()
    }

    #[test]
    fn a_column_of_an_earlier_year_is_no_column_of_the_budget() {
        let cell = |t: &str| Cell {
            text: t.to_string(),
            ..Cell::default()
        };
        let table = Table {
            rows: vec![
                [
                    "经费控制情况",
                    "2017年决算数",
                    "2018年预算数",
                    "2018年决算数",
                ]
                .map(cell)
                .to_vec(),
                ["三公经费", "29.08", "63.46", "44.29"].map(cell).to_vec(),
            ],
            ..Table::default()
        };
        let h = header_at(&table, 0).expect("a header");
        assert_eq!(h.cols.get(&Role::Executed), Some(&3));
        assert_eq!(h.cols.get(&Role::Budget), Some(&2));
        assert_eq!(year_named("2017年决算数"), Some(2017));
        assert_eq!(year_named("年初预算数"), None);
    }

    #[test]
    fn rows_are_under_the_row_numbered_shallower_or_the_one_their_run_of_qizhong_follows() {
        let rows = named(&[
            "一、基本支出",
            "（一）工资福利",
            "（二）商品和服务",
            "二、项目支出",
            "其中：专项A",
            "专项B",
            "三、其他",
        ]);
        assert_eq!(nested_rows(&rows), vec![(0, vec![1, 2]), (3, vec![4, 5])]);
        let rows = named(&[
            "一、基本支出",
            "1.工资福利",
            "（1）基本工资",
            "2.商品和服务",
            "二、项目支出",
        ]);
        assert_eq!(nested_rows(&rows), vec![(0, vec![1, 3]), (1, vec![2])]);
        // A row neither numbered nor in a 其中 run names no structure; nor does
        // a first row numbered deeper than the rest.
        assert!(nested_rows(&named(&["一、基本支出", "工资福利", "二、项目支出"])).is_empty());
        assert!(nested_rows(&named(&["（一）工资", "一、基本支出", "二、项目支出"])).is_empty());
        // Numbered in a 序号 column of their own.
        let mut rows = named(&["基本支出", "工资福利", "商品和服务", "项目支出", "专项A"]);
        for (row, seq) in rows.iter_mut().zip(["一", "1", "2", "二", "1"]) {
            row.seq = Some(seq.to_string());
        }
        assert_eq!(nested_rows(&rows), vec![(0, vec![1, 2]), (3, vec![4])]);
    }

    #[test]
    fn a_breakdowns_heading_is_known_after_a_piece_of_the_caption_beside_it() {
        assert_eq!(
            breakdown_heading("行情况按收入性质分政府性基金预算"),
            Some(("按收入性质分".to_string(), "政府性基金预算".to_string()))
        );
        // Mid-label, only a heading by 性质 or 来源 is one.
        assert_eq!(breakdown_heading("资金按规定分配"), None);
    }
}
