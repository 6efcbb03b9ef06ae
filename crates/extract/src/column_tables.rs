//! Tables no other reading knows: a header naming no role of the vocabulary
//! (`学段 | 学生人数（人）| 补助金额（万元）| 占比（%）`) over rows of figures and
//! one 合计 row. What such a table states is only that its columns add up to
//! that row, and that its 占比 columns are shares of one of them; both are
//! kept for the checker ([`ColumnTable`]), nothing for the report's fields.

use jixiao_model::{
    Cell, ColumnProduct, ColumnSum, ColumnTable, Printed, ShareColumn, Source, Table,
};

use crate::number::cell_number;

/// Header words of a column whose figures do not add up (a rate, a mean, a
/// standard, a rank, a year, a serial number), or may not (a score's 合计
/// may be the rows' mean).
const NOT_ADDED: &[&str] = &[
    "率",
    "比例",
    "占比",
    "比重",
    "%",
    "％",
    "均",
    "标准",
    "单价",
    "价格",
    "序号",
    "年度",
    "年份",
    "排名",
    "排序",
    "名次",
    "时间",
    "日期",
    "编号",
    "代码",
    "期限",
    "得分",
    "分数",
    "评分",
    "分值",
    "满意度",
    "指数",
    "倍",
];

/// A dash printed for nothing: 0 in a row, no figure for the whole.
const DASHES: &[&str] = &["—", "-", "——", "/"];

/// Header words of a column of shares of the table's amounts.
const SHARES: &[&str] = &["占比", "比重", "所占比例", "占总"];

/// The blocks of a form printed as one table (`年度预算申请` rows, then a
/// `年度主要任务 | 任务名称 | 主要内容 | 预算金额（万元）` block under its own
/// header), each a table of its own: a block opens where the rows change
/// width, or where a row of words alone (three or more) follows a row of
/// figures. One block: none (the table is read whole).
pub fn blocks(table: &Table) -> Vec<Table> {
    let texts = |r: usize| texts(table, r);
    let words_only = |r: usize| {
        let t = texts(r);
        t.iter().filter(|c| !c.is_empty()).count() >= 3
            && t.iter().all(|c| cell_number(c).is_none())
    };
    let figures = |r: usize| texts(r).iter().any(|c| cell_number(c).is_some());
    let mut starts = vec![0];
    for r in 1..table.rows.len() {
        if table.rows[r].len() != table.rows[r - 1].len() || (words_only(r) && figures(r - 1)) {
            starts.push(r);
        }
    }
    if starts.len() < 2 {
        return Vec::new();
    }
    starts.push(table.rows.len());
    starts
        .windows(2)
        .map(|w| block(table, w[0]..w[1]))
        .collect()
}

/// The table as one block (see [`block`]): a header over two rows, a leading
/// column naming the table alone.
pub fn as_one_block(table: &Table) -> Table {
    block(table, 0..table.rows.len())
}

/// The texts of row `r`, merged cells read through to their anchor.
fn texts(table: &Table, r: usize) -> Vec<String> {
    let width = table.rows.get(r).map_or(0, Vec::len);
    (0..width)
        .map(|c| table.text_at(r, c).trim().to_string())
        .collect()
}

/// Rows `range` of `table` as a table of their own: merged cells written out
/// in every position, a second header row of words (`| | | 总额 | 财政拨款 |
/// 其他资金 |` under `预算金额（万元）`) named into the first, and leading
/// columns naming the block alone (`年度主要任务`, blank or repeated below)
/// left out.
fn block(table: &Table, range: std::ops::Range<usize>) -> Table {
    let mut rows: Vec<Vec<Cell>> = range
        .clone()
        .map(|r| {
            texts(table, r)
                .into_iter()
                .enumerate()
                .map(|(c, text)| {
                    let source = table.rows[r]
                        .get(c)
                        .map(|cell| cell.source.clone())
                        .unwrap_or_else(|| table.source.clone());
                    Cell::new(text, source)
                })
                .collect()
        })
        .collect();
    let words = |row: &[Cell]| row.iter().all(|c| cell_number(&c.text).is_none());
    let filled = |row: &[Cell]| row.iter().filter(|c| !c.text.is_empty()).count();
    if let Some(h) = rows.iter().position(|r| filled(r) >= 3 && words(r)) {
        let sub_header = rows.get(h + 1).is_some_and(|r| filled(r) >= 2 && words(r))
            && rows.get(h + 2).is_some_and(|r| !words(r));
        if sub_header {
            let sub = rows.remove(h + 1);
            for (cell, under) in rows[h].iter_mut().zip(sub) {
                // (A unit under a name, `（万元）`, is that name's.)
                match crate::vocab::without_unit(&under.text).trim() {
                    _ if under.text.is_empty() => {}
                    "" => cell.text.push_str(&under.text),
                    _ => cell.text = under.text,
                }
            }
        }
        let names_the_block = |c: usize| {
            let head = rows[h]
                .get(c)
                .map_or("", |cell| cell.text.as_str())
                .to_string();
            rows[h + 1..].iter().all(|r| {
                r.get(c)
                    .is_none_or(|cell| cell.text.is_empty() || cell.text == head)
            })
        };
        let drop = (0..rows[h].len())
            .take_while(|&c| names_the_block(c))
            .count();
        for row in &mut rows {
            row.drain(..drop.min(row.len()));
        }
    }
    Table {
        source: rows
            .first()
            .and_then(|r| r.first())
            .map_or_else(|| table.source.clone(), |c| c.source.clone()),
        rows,
        guessed_numbers: table.guessed_numbers,
        figures_unread: table.figures_unread,
        placed_by_guess: table
            .placed_by_guess
            .iter()
            .filter(|r| range.contains(r))
            .map(|r| r - range.start)
            .collect(),
        cells_in_order: table.cells_in_order,
        ..Table::default()
    }
}

/// Reads a table with one header row, a label column first and one 合计 row
/// (last, or right under the header); `None` where its shape is any other or
/// its figures were placed by guess.
pub fn read(table: &Table) -> Option<ColumnTable> {
    if table.guessed_numbers || table.figures_unread {
        return None;
    }
    let header = table.rows.iter().position(|row| {
        row.iter().filter(|c| !c.text.trim().is_empty()).count() >= 3
            && row.iter().all(|c| cell_number(&c.text).is_none())
    })?;
    let width = table.rows.get(header)?.len();
    let compact = |r: usize, c: usize| -> String {
        table
            .text_at(r, c)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    // The rows' names: the first column, or the one after a 序号 column (a
    // 合计 row's label may stand in either, merged across both).
    let names = usize::from(matches!(compact(header, 0).as_str(), "序号" | "编号"));
    let label = |r: usize| -> String {
        let name = compact(r, names);
        if name.is_empty() {
            compact(r, 0)
        } else {
            name
        }
    };
    let rows: Vec<usize> = (header + 1..table.rows.len()).collect();
    let totals: Vec<usize> = rows
        .iter()
        .copied()
        .filter(|&r| matches!(label(r).as_str(), "合计" | "总计" | "合计数"))
        .collect();
    let [total] = totals.as_slice() else {
        return None;
    };
    let total = *total;
    // The rows it totals: all above it, or (printed first) all below it.
    let parts: Vec<usize> = if rows.last() == Some(&total) {
        rows.iter().copied().filter(|&r| r != total).collect()
    } else if rows.first() == Some(&total) {
        rows[1..].to_vec()
    } else {
        return None;
    };
    // Rows under rows (其中, 小计), or a row of no name, are a structure
    // beyond one column of parts.
    let nested = parts.iter().any(|&r| {
        let l = label(r);
        l.is_empty()
            || l.starts_with("其中")
            || l.contains("小计")
            || crate::vocab::is_total_label(&l)
            || cell_number(&l).is_some()
    });
    // (`一、基本支出` over `1.人员经费`: numbered at two levels.)
    let numbered = |opens: fn(char) -> bool| parts.iter().any(|&r| label(r).starts_with(opens));
    let two_levels = numbered(|c| "一二三四五六七八九十".contains(c))
        && numbered(|c| c.is_ascii_digit() || "（(".contains(c));
    if nested || two_levels || table.rows.iter().any(|r| r.len() != width) {
        return None;
    }
    let cell = |r: usize, c: usize| -> Option<&Cell> {
        let cell = table.rows.get(r)?.get(c)?;
        cell.covered_by.is_none().then_some(cell)
    };
    let mut out = ColumnTable {
        labels: parts.iter().map(|&r| label(r)).collect(),
        source: table.source.clone(),
        ..ColumnTable::default()
    };
    let mut share_cols = Vec::new();
    // The column of each of `out.sums`, in order.
    let mut summed_cols = Vec::new();
    for c in names + 1..width {
        let head = table.text_at(header, c).trim().to_string();
        if head.is_empty() {
            continue;
        }
        if SHARES.iter().any(|w| head.contains(w)) {
            share_cols.push((c, head));
            continue;
        }
        if NOT_ADDED.iter().any(|w| head.contains(w)) {
            continue;
        }
        let figure = |r: usize| -> Option<(Printed, Source)> {
            let cell = cell(r, c)?;
            let text = cell.text.trim();
            if text.ends_with(['%', '％']) {
                return None;
            }
            let printed = if DASHES.contains(&text) {
                Printed::parse("0")?
            } else {
                cell_number(text)?
            };
            Some((printed, cell.source.clone()))
        };
        // A part's blank cell in a row printing figures elsewhere is nothing
        // allotted there (`市本级 | 150 | 150 | | `): 0.
        let part = |r: usize| -> Option<(Printed, Source)> {
            let blank = cell(r, c).is_some_and(|cell| cell.text.trim().is_empty());
            let prints_figures = (names + 1..width).any(|k| {
                k != c && cell(r, k).is_some_and(|k| cell_number(k.text.trim()).is_some())
            });
            if blank && prints_figures {
                return Some((Printed::parse("0")?, cell(r, c)?.source.clone()));
            }
            figure(r)
        };
        let cells: Option<Vec<(Printed, Source)>> = parts.iter().map(|&r| part(r)).collect();
        let (Some(cells), Some(sum)) = (cells, figure(total)) else {
            continue;
        };
        // A dash for the whole is no figure.
        if cell(total, c).is_some_and(|c| DASHES.contains(&c.text.trim())) {
            continue;
        }
        summed_cols.push(c);
        out.sums.push(ColumnSum {
            header: head,
            cells,
            total: sum,
        });
    }
    // A column headed 合计 right of two or more summed columns, the last
    // summed one, totals each row of them (`县（区）| 一事一议 | 试点试验 | 合计`);
    // so does one left of them, the first (`地区 | 小计 | 一般项目 | 重点项目`).
    let last = out.sums.len().saturating_sub(1);
    out.row_total = out
        .sums
        .iter()
        .rposition(|s| {
            matches!(
                s.header
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .as_str(),
                "合计" | "小计" | "总计" | "合计数" | "总额"
            ) || crate::vocab::without_unit(&s.header) == "合计"
        })
        .filter(|&t| (t == last && t >= 2) || (t == 0 && last >= 2));
    // A share column is of the one summed column of amounts left of it,
    // the nearest.
    for (c, head) in share_cols {
        let Some(of) = summed_cols.iter().rposition(|&sc| sc < c) else {
            continue;
        };
        let share = |r: usize| -> Option<(Printed, Source)> {
            let cell = cell(r, c)?;
            Some((cell_number(&cell.text)?, cell.source.clone()))
        };
        out.shares.push(ShareColumn {
            header: head,
            of,
            cells: parts.iter().map(|&r| share(r)).collect(),
            total: share(total),
        });
    }
    out.product = standards(table, header, &parts, &summed_cols);
    // Rows whose figures were placed by guess, or one row alone under the
    // 合计 (the rest of the table may be cut off), keep only their row totals.
    // Their columns named, so: none of a stage of the funds (`已支出`, `到位`),
    // which no total of sources adds in.
    out.row_totals_only = !table.placed_by_guess.is_empty() || parts.len() < 2;
    // (Rates are no summed column to begin with.)
    let a_stage = out.sums.iter().any(|s| {
        crate::vocab::header_role(&s.header)
            .is_some_and(|r| r.is_amount() && r != crate::vocab::Role::Budget)
    });
    if out.row_totals_only && (out.row_total.is_none() || a_stage) {
        return None;
    }
    (!out.sums.is_empty()).then_some(out)
}

/// `户数 | 补贴标准（元/户）| 补贴金额`: the one column of standards per unit
/// (标准 or 单价, in 元), with the one summed column of counts and the one
/// of amounts (金额, 资金) it multiplies into.
fn standards(
    table: &Table,
    header: usize,
    parts: &[usize],
    summed_cols: &[usize],
) -> Option<ColumnProduct> {
    let head = |c: usize| -> String {
        table
            .text_at(header, c)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let width = table.rows.get(header)?.len();
    let only = |pick: &dyn Fn(&str) -> bool, among: &mut dyn Iterator<Item = usize>| {
        let found: Vec<usize> = among.filter(|&c| pick(&head(c))).collect();
        match found.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    };
    // (Per head, not per month: no months column to multiply by.)
    let standard = only(
        &|t: &str| crate::vocab::names_a_standard(t) && !t.contains('月'),
        &mut (1..width),
    )?;
    let count = only(
        &crate::vocab::names_a_count_paid_for,
        &mut summed_cols.iter().copied(),
    )?;
    let amount = only(
        &|t: &str| ["金额", "资金"].iter().any(|w| t.contains(w)) && !t.contains("标准"),
        &mut summed_cols.iter().copied(),
    )?;
    let index = |c: usize| summed_cols.iter().position(|&s| s == c);
    let cells = parts
        .iter()
        .map(|&r| {
            let cell = table.rows.get(r)?.get(standard)?;
            Some((cell_number(cell.text.trim())?, cell.source.clone()))
        })
        .collect();
    Some(ColumnProduct {
        header: head(standard),
        cells,
        count: index(count)?,
        amount: index(amount)?,
    })
}
