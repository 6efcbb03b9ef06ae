//! A budget block printed the other way round: the funds' sources across the
//! top (`资金来源 中央 省、地 本级 其他 合计`) and the stages down the side
//! (`年初预算 0 0 460 0 460`, `调整后预算 …`, `实际支出 …`), as some provinces'
//! 项目绩效目标自评表 print it. Turned the usual way (a column per stage, a
//! row per source, the 合计 row last) it is read as any budget table: its
//! 合计 against its sources, its stages as the report's budget figures.

use jixiao_model::{Cell, Source, Table};

use crate::number::cell_number;
use crate::vocab::{self, Role};

/// Column heads of a source with no level word of [`vocab`]'s list
/// (`省、地`, `其他`).
const BARE_SOURCES: &[&str] = &[
    "省",
    "市",
    "县",
    "区",
    "省、地",
    "省地",
    "市县",
    "市、县",
    "其他",
    "其它",
    "其他资金",
    "其它资金",
    "其他来源",
];

/// Each such block in a run of cells (a page's lines, one after another: a
/// form flattened onto one line holds the block as well as one printed a row
/// per line), turned the usual way round.
pub fn transposed_blocks(cells: &[(&str, &Source)]) -> Vec<Table> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        let Some((table, end)) = block_at(cells, i) else {
            i += 1;
            continue;
        };
        out.push(table);
        i = end;
    }
    out
}

/// The block whose heads start at cell `i`, and the cell after it.
fn block_at(cells: &[(&str, &Source)], i: usize) -> Option<(Table, usize)> {
    // The sources' heads, one 合计 (if any) first or last.
    let total_first = vocab::is_total_label(cells[i].0);
    let mut width = usize::from(total_first);
    while let Some((t, _)) = cells.get(i + width) {
        if is_source_head(t) {
            width += 1;
        } else {
            if vocab::is_total_label(t) && !total_first {
                width += 1;
            }
            break;
        }
    }
    let sources = (i..i + width)
        .filter(|&k| !vocab::is_total_label(cells[k].0))
        .count();
    let named = (i..i + width).any(|k| names_a_level(cells[k].0));
    if sources < 2 || width < 3 || !named {
        return None;
    }
    // A rate's head after the sources' (`中央 省级 县级 合计 执行率`): the column
    // only the last stage fills (`全年执行数 150.00 58.20 45.60 253.80 96.87%`),
    // its blank cells lost with the pipes around them.
    let rate_head = cells
        .get(i + width)
        .filter(|(t, _)| is_rate_head(t))
        .map(|_| i + width);
    // Then the stages, each a label and one figure (or a blank mark) per head.
    let mut rows = Vec::new();
    let mut rate = None;
    let mut at = i + width + usize::from(rate_head.is_some());
    while let Some((label, _)) = cells.get(at) {
        let Some(figures) = cells.get(at + 1..at + 1 + width) else {
            break;
        };
        if rate.is_some() || !is_stage(label) || !figures.iter().all(|(t, _)| is_figure(t)) {
            break;
        }
        rows.push(at);
        at += 1 + width;
        if rate_head.is_some() && cells.get(at).is_some_and(|(t, _)| is_rate(t)) {
            rate = Some(at);
            at += 1;
        }
    }
    if rows.len() < 2 {
        return None;
    }
    // The corner cell names the block's rows (`资金来源（万元）`) where printed.
    let corner = i
        .checked_sub(1)
        .map(|k| cells[k])
        .filter(|(t, _)| cell_number(t).is_none() && vocab::header_role(t).is_none())
        .map_or_else(
            || Cell::new("资金来源", cells[i].1.clone()),
            |(t, s)| Cell::new(t.trim(), s.clone()),
        );
    let cell = |k: usize| Cell::new(cells[k].0.trim(), cells[k].1.clone());
    // The rate, after the last stage, is the 合计's: its column, blank but there.
    let rate_column = rate_head.zip(rate);
    let header: Vec<Cell> = std::iter::once(corner)
        .chain(rows.iter().map(|&r| cell(r)))
        .chain(rate_column.map(|(head, _)| cell(head)))
        .collect();
    let mut table_rows = vec![header];
    // The 合计 first, over its sources, as the forms' own blocks print their
    // 年度资金总额 over its 其中 rows.
    let mut order: Vec<usize> = (0..width).collect();
    order.sort_by_key(|&c| !vocab::is_total_label(cells[i + c].0));
    for c in order {
        let total = vocab::is_total_label(cells[i + c].0);
        table_rows.push(
            std::iter::once(cell(i + c))
                .chain(rows.iter().map(|&r| cell(r + 1 + c)))
                .chain(rate_column.map(|(head, rate)| match total {
                    true => cell(rate),
                    false => Cell::new("", cells[head].1.clone()),
                }))
                .collect(),
        );
    }
    Some((
        Table {
            source: cells[i].1.clone(),
            rows: table_rows,
            ..Table::default()
        },
        at,
    ))
}

/// `中央`, `省级资金`, `省、地`, `其他`: the head of one source's column.
fn is_source_head(text: &str) -> bool {
    let t: String = vocab::without_unit(text.trim())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    (names_a_level(&t) && t.chars().count() <= 8) || BARE_SOURCES.contains(&t.as_str())
}

/// A source named by its level of government (or its kind): `中央`, `县级`.
fn names_a_level(text: &str) -> bool {
    crate::budget::FUND_SOURCES.iter().any(|w| text.contains(w))
}

/// `年初预算`, `调整后预算`, `实际支出`: a stage of the funds, as a budget
/// table's columns name them.
fn is_stage(text: &str) -> bool {
    matches!(
        vocab::header_role(text),
        Some(Role::Initial | Role::Budget | Role::Available | Role::Executed | Role::Adjustment)
    )
}

/// `执行率`, `预算执行率（%）`: the head of a column of rates.
fn is_rate_head(text: &str) -> bool {
    let t = vocab::without_unit(text.trim());
    t.ends_with("执行率") && t.chars().count() <= 8
}

/// `96.87%`: a rate printed as one.
fn is_rate(text: &str) -> bool {
    text.trim().ends_with('%') && cell_number(text).is_some()
}

/// A figure, or a mark for none (`—`, `/`).
fn is_figure(text: &str) -> bool {
    !text.trim().ends_with('%') && (cell_number(text).is_some() || vocab::is_placeholder(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::texts;

    fn run(text: &str) -> Vec<Table> {
        let source = Source::default();
        let cells: Vec<(&str, &Source)> = text.split(' ').map(|t| (t, &source)).collect();
        transposed_blocks(&cells)
    }

    #[test]
    fn a_block_of_sources_across_and_stages_down_is_turned_round() {
        let tables = run(
            "项目类型 资金来源 中央 省、地 本级 其他 合计 年初预算 0 0 460 — 460 调整后预算 0 0 486 — 486 实际支出 0 0 471.42 — 471.42 预算执行率 97.00%",
        );
        assert_eq!(tables.len(), 1);
        let t = texts(&tables[0]);
        assert_eq!(t[0], ["资金来源", "年初预算", "调整后预算", "实际支出"]);
        assert_eq!(t[1], ["合计", "460", "486", "471.42"]);
        assert_eq!(t[4], ["本级", "460", "486", "471.42"]);
        assert_eq!(t.len(), 6);
    }

    #[test]
    fn a_rate_after_the_last_stage_is_the_totals() {
        let tables = run(
            "资金来源 中央 省级 县级 合计 执行率 年初预算数 150.00 60.00 40.00 250.00 全年预算数 150.00 60.00 52.00 262.00 全年执行数 150.00 58.20 45.60 253.80 96.87% 年度总体目标",
        );
        assert_eq!(tables.len(), 1);
        let t = texts(&tables[0]);
        assert_eq!(
            t[0],
            [
                "资金来源",
                "年初预算数",
                "全年预算数",
                "全年执行数",
                "执行率"
            ]
        );
        assert_eq!(t[1], ["合计", "250.00", "262.00", "253.80", "96.87%"]);
        assert_eq!(t[3], ["省级", "60.00", "60.00", "58.20", ""]);
        // A rate after an earlier stage ends the block there: whose it is is unsure.
        let tables = run(
            "资金来源 中央 省级 合计 执行率 年初预算数 150.00 60.00 210.00 90.00% 全年执行数 150.00 58.20 208.20 99.14%",
        );
        assert!(
            tables.is_empty(),
            "{:?}",
            tables.iter().map(texts).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_blocks_total_may_come_first() {
        let tables = run("资金来源 合计 中央 省级 年初预算 300 200 100 实际支出 290 200 90");
        assert_eq!(tables.len(), 1);
        let t = texts(&tables[0]);
        assert_eq!(t[1], ["合计", "300", "290"]);
        assert_eq!(t[3], ["省级", "100", "90"]);
    }

    #[test]
    fn no_block_without_two_sources_and_two_stages() {
        // One stage only: a row of figures, not a block.
        assert!(run("中央 省级 合计 年初预算 1 2 3 项目负责人 某某").is_empty());
        // Heads that name no source of funds: a table of places.
        assert!(run("甲县 乙县 合计 年初预算 1 2 3 实际支出 1 2 3").is_empty());
        // A rate where a figure should be ends the block.
        assert!(run("中央 省级 合计 年初预算 1 2 3 执行率 50% 50% 50%").is_empty());
    }
}
