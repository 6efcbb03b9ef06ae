//! Score-table rows as read, before their hierarchy is settled, and the repairs
//! that settle it: fill-down of merged parent cells, the weights (a group's
//! rows add up to the group's printed weight), and what the report itself says
//! elsewhere about which indicator belongs to which group.

use std::collections::HashMap;

use jixiao_model::{GroupWeight, ReadingDoubt, ScoreItem, ScoreTable, Source, StatedTotal};
use rust_decimal::Decimal;

use crate::number::Printed;
use crate::vocab::{FORM_FRAMEWORK, FRAMEWORK};

/// A label cell split into its name and an optional weight: `决策 (20)`,
/// `产出指标（50分）`, `立项依据充分性 (3)`. The brackets may be of either width,
/// and need not match (`产出指标（50分)`, as OCR and careless typing give them).
pub fn split_weighted_label(text: &str) -> (String, Option<Decimal>) {
    let t = text.trim();
    if let Some(inner) = t.strip_suffix(['）', ')']) {
        if let Some(pos) = inner.rfind(['（', '(']) {
            let open = inner[pos..].chars().next().map_or(1, char::len_utf8);
            let num = inner[pos + open..].trim().trim_end_matches('分').trim();
            if let Some(p) = Printed::parse(num) {
                return (inner[..pos].trim().to_string(), Some(p.value));
            }
        }
    }
    (t.to_string(), None)
}

/// One row as read from a table, with the labels actually printed on it.
#[derive(Clone, Debug, Default)]
pub struct RawRow {
    /// 一级, 二级, 三级 as printed on this row (`None` where the cell was empty).
    pub labels: [Option<String>; 3],
    /// Weights printed inside the 一级 and 二级 labels.
    pub group_weights: [Option<Decimal>; 2],
    /// 指标值.
    pub target: Option<String>,
    /// 实际完成值.
    pub actual: Option<String>,
    /// 权重.
    pub weight: Option<Decimal>,
    /// 得分.
    pub score: Option<Decimal>,
    /// 得分率, where the table prints it.
    pub score_rate: Option<Decimal>,
    /// 完成率, where the table prints it.
    pub completion_rate: Option<Decimal>,
    /// 评分标准, where the table prints it.
    pub criteria: Option<String>,
    /// Where the row is.
    pub source: Source,
    /// Where the weight and the score were read, by field name.
    pub sources: std::collections::BTreeMap<String, Source>,
    /// True when the row's cells matched the header's columns; false when they
    /// had to be read by content (columns shifted by merged cells).
    pub aligned: bool,
}

/// A table as read: rows, page-break positions, the total row, the caption.
#[derive(Clone, Debug, Default)]
pub struct RawTable {
    /// The caption.
    pub title: Option<String>,
    /// Data rows.
    pub rows: Vec<RawRow>,
    /// Row indices that begin a new page.
    pub page_breaks: Vec<usize>,
    /// The 合计 row.
    pub total: Option<StatedTotal>,
    /// Where the table starts.
    pub source: Source,
    /// Numbers cut from digits run together (`Table::guessed_numbers`).
    pub guessed_numbers: bool,
    /// Figures between the rows fit none (`Table::figures_unread`).
    pub figures_unread: bool,
}

/// What the report says elsewhere about which 二级 an indicator belongs to:
/// the outline of its own headings (四、指标分析: `1. 项目立项` → `（2）立项程序规范性`),
/// its other tables, and last the common framework.
#[derive(Clone, Debug, Default)]
pub struct Knowledge {
    /// 三级 → 二级, from the report itself (headings, other tables).
    pub parent_of: HashMap<String, String>,
    /// The forms' standard 一级 names (`产出指标`) the document prints anywhere:
    /// a flattened form may print one outside the rows it heads.
    pub groups_printed: Vec<&'static str>,
}

impl Knowledge {
    /// The known 二级 of a 三级 indicator, the report's own word first.
    pub fn parent(&self, level3: &str) -> Option<&str> {
        self.parent_of.get(level3).map(|s| s.as_str()).or_else(|| {
            FRAMEWORK
                .iter()
                .find(|(_, _, l3)| *l3 == level3)
                .map(|(_, l2, _)| *l2)
        })
    }
}

/// Settles the hierarchy of a raw table and makes the score table.
pub fn settle(raw: &RawTable, knowledge: &Knowledge) -> ScoreTable {
    // A group's 小计 row sums the rows above it: no indicator, no group name
    // (for the checker, the rows since the one before).
    let mut subtotals = Vec::new();
    let mut indicators = 0;
    for row in &raw.rows {
        if !is_a_subtotal(row) {
            indicators += 1;
            continue;
        }
        let since = subtotals
            .last()
            .map_or(0, |s: &jixiao_model::report::Subtotal| s.rows.1);
        subtotals.push(jixiao_model::report::Subtotal {
            rows: (since, indicators),
            weight: row.weight,
            score: row.score,
            source: row.source.clone(),
        });
    }
    let without_subtotals;
    let raw = if !subtotals.is_empty() {
        without_subtotals = RawTable {
            rows: raw
                .rows
                .iter()
                .filter(|r| !is_a_subtotal(r))
                .cloned()
                .collect(),
            ..raw.clone()
        };
        &without_subtotals
    } else {
        raw
    };
    let n = raw.rows.len();
    let mut l1: Vec<Option<String>> = Vec::with_capacity(n);
    let mut l2: Vec<Option<String>> = Vec::with_capacity(n);
    let mut group_weights = Vec::new();
    // Explicit labels as printed (with their weights), then fill-down.
    let mut cur1: Option<String> = None;
    let mut cur2: Option<String> = None;
    for row in &raw.rows {
        if let Some(name) = &row.labels[0] {
            if cur1.as_deref() != Some(name) {
                cur2 = None;
            }
            cur1 = Some(name.clone());
            // A weight with no name before it (`(20分)` cut from its label) is
            // no group's that can be told.
            if let Some(w) = row.group_weights[0].filter(|_| !name.trim().is_empty()) {
                group_weights.push(GroupWeight {
                    level: 1,
                    name: name.clone(),
                    weight: w,
                    source: row.source.clone(),
                });
            }
        }
        if let Some(name) = &row.labels[1] {
            cur2 = Some(name.clone());
            if let Some(w) = row.group_weights[1].filter(|_| !name.trim().is_empty()) {
                group_weights.push(GroupWeight {
                    level: 2,
                    name: name.clone(),
                    weight: w,
                    source: row.source.clone(),
                });
            }
        }
        l1.push(cur1.clone());
        l2.push(cur2.clone());
    }
    let weights: Vec<Option<Decimal>> = raw.rows.iter().map(|r| r.weight).collect();

    // The weights tell the truth: partition the rows by the printed group weights.
    let level2_by_weight = partition(&raw.rows, 1, &weights);
    if let Some(assign) = &level2_by_weight {
        l2 = assign.clone();
    } else {
        repair_after_breaks(raw, &mut l2, knowledge);
    }
    // 一级 groups add up over rows too; without weights, the forms' standard
    // 二级 names tell their 一级 where the table prints that 一级 (a merged
    // cell's rows are only estimated in a text dump).
    if let Some(assign) = partition(&raw.rows, 0, &weights) {
        l1 = assign;
    } else {
        let printed: Vec<&str> = raw
            .rows
            .iter()
            .filter_map(|r| r.labels[0].as_deref())
            .chain(knowledge.groups_printed.iter().copied())
            .collect();
        for (i, level2) in l2.iter().enumerate() {
            let parent = level2
                .as_deref()
                .and_then(|l| FORM_FRAMEWORK.iter().find(|(_, l2)| *l2 == l))
                .map(|(l1, _)| *l1);
            if let Some(parent) = parent.filter(|p| printed.contains(p)) {
                l1[i] = Some(parent.to_string());
            }
        }
    }

    let reading_doubt = if raw.guessed_numbers {
        Some(ReadingDoubt::DigitsRunTogether)
    } else if raw.figures_unread {
        Some(ReadingDoubt::FiguresUnread)
    } else if l1
        .iter()
        .flatten()
        .any(|name| crate::vocab::names_a_level2_only(name))
        || l1.iter().zip(&l2).any(|pair| match pair {
            (Some(one), Some(two)) => one != two && crate::vocab::names_a_level1_only(two),
            _ => false,
        })
    {
        Some(ReadingDoubt::LevelsOutOfPlace)
    } else {
        None
    };
    let items = raw
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| ScoreItem {
            level1: l1[i].clone(),
            level2: l2[i].clone(),
            // A blank mark (`—`) where the name stands names no indicator.
            level3: r.labels[2]
                .clone()
                .filter(|name| !crate::vocab::is_placeholder(name)),
            target: r.target.clone(),
            actual: r.actual.clone(),
            weight: r.weight,
            score: r.score,
            score_rate_pct: r.score_rate,
            completion_rate_pct: r.completion_rate,
            criteria: r.criteria.clone(),
            source: r.source.clone(),
            sources: r.sources.clone(),
        })
        .collect();
    ScoreTable {
        title: raw.title.clone(),
        items,
        stated_total: raw.total.clone(),
        group_weights,
        subtotals,
        source: raw.source.clone(),
        reading_doubt,
    }
}

fn is_a_subtotal(row: &RawRow) -> bool {
    row.labels
        .iter()
        .flatten()
        .any(|l| crate::vocab::is_subtotal_label(l))
}

/// Partitions the rows into consecutive groups whose weights add up to the
/// weights printed on the level's labels, in order. Returns the group name of
/// each row, or `None` when any label lacks a weight or the sums do not work out.
fn partition(
    rows: &[RawRow],
    level: usize,
    weights: &[Option<Decimal>],
) -> Option<Vec<Option<String>>> {
    let mut groups: Vec<(String, Decimal)> = Vec::new();
    for row in rows {
        if let Some(name) = &row.labels[level] {
            let w = row.group_weights[level]?;
            if groups.last().is_some_and(|(g, _)| g == name) {
                continue;
            }
            groups.push((name.clone(), w));
        }
    }
    if groups.is_empty() || weights.iter().any(|w| w.is_none()) {
        return None;
    }
    let mut out = Vec::with_capacity(rows.len());
    let mut i = 0;
    for (name, target) in &groups {
        let mut sum = Decimal::ZERO;
        while sum < *target {
            let w = (*weights.get(i)?)?;
            sum += w;
            out.push(Some(name.clone()));
            i += 1;
        }
        if sum != *target {
            return None;
        }
    }
    (i == rows.len()).then_some(out)
}

/// Without group weights, rows right after a page break are checked against
/// what the report says elsewhere: when the row's indicator belongs to the
/// group above, the 二级 label printed on it really belongs to the next row.
fn repair_after_breaks(raw: &RawTable, l2: &mut [Option<String>], knowledge: &Knowledge) {
    for &r in &raw.page_breaks {
        if r == 0 || r >= raw.rows.len() {
            continue;
        }
        let row = &raw.rows[r];
        let (Some(printed), Some(level3)) = (&row.labels[1], &row.labels[2]) else {
            continue;
        };
        let above = l2[r - 1].clone();
        let Some(above) = above else { continue };
        if &above == printed || row.labels[0].is_some() {
            continue;
        }
        if knowledge.parent(level3) != Some(above.as_str()) {
            continue;
        }
        // Move: this row joins the group above; the printed label starts at the
        // next row, and runs on until the next printed label.
        l2[r] = Some(above);
        let mut k = r + 1;
        while k < raw.rows.len()
            && raw.rows[k].labels[1].is_none()
            && raw.rows[k].labels[0].is_none()
        {
            l2[k] = Some(printed.clone());
            k += 1;
        }
    }
}

/// Two tables of one report that score the same indicators (the same weights,
/// row for row) must name them the same way: the better-read table lends its
/// labels to the one whose columns were shifted by merged cells.
pub fn reconcile(tables: &mut [ScoreTable], quality: &[usize]) {
    for a in 0..tables.len() {
        for b in 0..tables.len() {
            if a == b || quality[a] <= quality[b] {
                continue;
            }
            // The same rows in the same order, by their weights: all of them, or
            // all but one in a longer table (a weight the report states
            // differently in its two tables is the checker's finding, not a
            // reason to leave the rows unnamed).
            let n = tables[a].items.len();
            let differing = tables[a]
                .items
                .iter()
                .zip(&tables[b].items)
                .filter(|(x, y)| x.weight != y.weight)
                .count();
            let same_shape = n == tables[b].items.len()
                && n >= 3
                && tables[a].items.iter().all(|x| x.weight.is_some())
                && (differing == 0 || (n >= 8 && differing == 1));
            if !same_shape {
                continue;
            }
            let donor: Vec<(Option<String>, Option<String>, Option<String>)> = tables[a]
                .items
                .iter()
                .map(|i| (i.level1.clone(), i.level2.clone(), i.level3.clone()))
                .collect();
            for (item, (l1, l2, l3)) in tables[b].items.iter_mut().zip(donor) {
                item.level1 = l1;
                item.level2 = l2;
                item.level3 = l3;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn row(
        l1: Option<(&str, Option<u32>)>,
        l2: Option<(&str, Option<u32>)>,
        l3: &str,
        w: u32,
    ) -> RawRow {
        RawRow {
            labels: [
                l1.map(|x| x.0.to_string()),
                l2.map(|x| x.0.to_string()),
                Some(l3.to_string()),
            ],
            group_weights: [
                l1.and_then(|x| x.1).map(Decimal::from),
                l2.and_then(|x| x.1).map(Decimal::from),
            ],
            weight: Some(Decimal::from(w)),
            score: Some(Decimal::from(w)),
            aligned: true,
            ..RawRow::default()
        }
    }

    #[test]
    fn a_mangled_table_takes_the_names_of_the_clean_one_with_its_weights() {
        let table = |weights: &[u32], named: bool| ScoreTable {
            items: weights
                .iter()
                .enumerate()
                .map(|(k, w)| ScoreItem {
                    level3: named.then(|| format!("指标{k}")),
                    weight: Some(Decimal::from(*w)),
                    ..ScoreItem::default()
                })
                .collect(),
            ..ScoreTable::default()
        };
        let weights = [3, 3, 4, 4, 4, 4, 12, 6];
        let mut one_differs = weights;
        one_differs[2] = 5;
        let mut tables = vec![table(&weights, true), table(&one_differs, false)];
        reconcile(&mut tables, &[2, 1]);
        assert_eq!(tables[1].items[2].level3.as_deref(), Some("指标2"));
        // Two weights differ: not certainly the same rows.
        let mut two_differ = one_differs;
        two_differ[5] = 7;
        let mut tables = vec![table(&weights, true), table(&two_differ, false)];
        reconcile(&mut tables, &[2, 1]);
        assert!(tables[1].items.iter().all(|i| i.level3.is_none()));
    }

    #[test]
    fn weighted_labels_split() {
        assert_eq!(
            split_weighted_label("决策 (20)"),
            ("决策".to_string(), Some(Decimal::from(20)))
        );
        assert_eq!(
            split_weighted_label("产出指标（50分）"),
            ("产出指标".to_string(), Some(Decimal::from(50)))
        );
        assert_eq!(
            split_weighted_label("立项依据充分性 (3)").1,
            Some(Decimal::from(3))
        );
        assert_eq!(
            split_weighted_label("组织（实施）"),
            ("组织（实施）".to_string(), None)
        );
        // Brackets of two widths, as OCR reads them.
        assert_eq!(
            split_weighted_label("产出指标（50分)"),
            ("产出指标".to_string(), Some(Decimal::from(50)))
        );
        assert_eq!(
            split_weighted_label("满意度指标(10分）"),
            ("满意度指标".to_string(), Some(Decimal::from(10)))
        );
        assert_eq!(
            split_weighted_label("预算执行情况（万元）(20)"),
            ("预算执行情况（万元）".to_string(), Some(Decimal::from(20)))
        );
        assert_eq!(
            split_weighted_label("x (2.5分)").1,
            Some(Decimal::from_str("2.5").unwrap())
        );
    }

    /// A page break moved `过程 (20)` / `资金投入 (8)` one row up, onto a row that
    /// belongs to 绩效目标: the weights put every row back.
    #[test]
    fn weights_repair_parents_misplaced_by_a_page_break() {
        let rows = vec![
            row(
                Some(("决策", Some(20))),
                Some(("项目立项", Some(6))),
                "a",
                3,
            ),
            row(None, None, "b", 3),
            row(None, Some(("绩效目标", Some(6))), "c", 3),
            row(
                Some(("过程", Some(20))),
                Some(("资金投入", Some(8))),
                "d",
                3,
            ),
            row(None, None, "e", 4),
            row(None, None, "f", 4),
            row(None, Some(("资金管理", Some(12))), "g", 4),
            row(None, None, "h", 4),
            row(None, None, "i", 4),
            row(None, Some(("组织实施", Some(8))), "j", 4),
            row(None, None, "k", 4),
        ];
        let raw = RawTable {
            rows,
            page_breaks: vec![3],
            ..RawTable::default()
        };
        let t = settle(&raw, &Knowledge::default());
        let l2: Vec<&str> = t
            .items
            .iter()
            .map(|i| i.level2.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(
            l2,
            [
                "项目立项",
                "项目立项",
                "绩效目标",
                "绩效目标",
                "资金投入",
                "资金投入",
                "资金管理",
                "资金管理",
                "资金管理",
                "组织实施",
                "组织实施"
            ]
        );
        let l1: Vec<&str> = t
            .items
            .iter()
            .map(|i| i.level1.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(&l1[..4], ["决策", "决策", "决策", "决策"]);
        assert_eq!(&l1[6..], ["过程", "过程", "过程", "过程", "过程"]);
    }

    /// Weights that do not add up leave the printed labels alone.
    #[test]
    fn inconsistent_weights_change_nothing() {
        let rows = vec![
            row(
                Some(("决策", Some(20))),
                Some(("项目立项", Some(6))),
                "a",
                3,
            ),
            row(None, Some(("绩效目标", Some(6))), "b", 5),
        ];
        let t = settle(
            &RawTable {
                rows,
                ..RawTable::default()
            },
            &Knowledge::default(),
        );
        assert_eq!(t.items[1].level2.as_deref(), Some("绩效目标"));
    }

    /// Without group weights, the report's own outline decides where the first
    /// row after a page break belongs.
    #[test]
    fn knowledge_repairs_the_first_row_after_a_break() {
        let rows = vec![
            row(
                Some(("项目决策", None)),
                Some(("项目立项", None)),
                "立项依据充分性",
                5,
            ),
            row(None, Some(("绩效目标", None)), "立项程序规范性", 2),
            row(None, None, "绩效目标合理性", 4),
            row(None, Some(("资金投入", None)), "预算编制科学性", 4),
        ];
        let raw = RawTable {
            rows,
            page_breaks: vec![1],
            ..RawTable::default()
        };
        let t = settle(&raw, &Knowledge::default());
        let l2: Vec<&str> = t
            .items
            .iter()
            .map(|i| i.level2.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(l2, ["项目立项", "项目立项", "绩效目标", "资金投入"]);
        // Not after a page break: the printed label stands.
        let raw = RawTable {
            rows: raw.rows.clone(),
            page_breaks: vec![],
            ..RawTable::default()
        };
        assert_eq!(
            settle(&raw, &Knowledge::default()).items[1]
                .level2
                .as_deref(),
            Some("绩效目标")
        );
    }

    /// A flattened form printed `产出指标` outside its rows: the budget row's
    /// 一级 above is not filled down onto the standard 产出 二级 below it.
    #[test]
    fn a_standard_group_printed_elsewhere_heads_its_rows() {
        let rows = vec![
            row(Some(("预算执行率", None)), None, "年度资金总额", 10),
            row(None, Some(("质量指标", None)), "合格率", 15),
            row(None, Some(("时效指标", None)), "及时率", 10),
            row(
                Some(("效益指标", None)),
                Some(("社会效益指标", None)),
                "受益",
                30,
            ),
        ];
        let raw = RawTable {
            rows,
            ..RawTable::default()
        };
        let level1 = |t: &ScoreTable| -> Vec<Option<String>> {
            t.items.iter().map(|i| i.level1.clone()).collect()
        };
        let printed = Knowledge {
            groups_printed: vec!["产出指标", "效益指标"],
            ..Knowledge::default()
        };
        let s = |x: &str| Some(x.to_string());
        assert_eq!(
            level1(&settle(&raw, &printed)),
            vec![s("预算执行率"), s("产出指标"), s("产出指标"), s("效益指标")]
        );
        // Not printed anywhere: nothing is invented.
        assert_eq!(
            level1(&settle(&raw, &Knowledge::default())),
            vec![
                s("预算执行率"),
                s("预算执行率"),
                s("预算执行率"),
                s("效益指标")
            ]
        );
    }
}
