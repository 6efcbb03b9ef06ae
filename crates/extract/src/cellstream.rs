//! Score tables that a PDF-to-text dump printed one cell per line: a ruled table
//! whose cells come out in reading order, long cells wrapped over several lines
//! (`立项依据` / `充分性` is one cell), each row closed by its weight and score.
//!
//! The reader walks the lines after a header that names the indicator columns:
//! short label fragments are the row's hierarchy (a fragment that only finishes
//! the previous line's word is joined to it), anything longer or punctuated is
//! the explanation columns, and a line of numbers ends the row.

use jixiao_model::{Line, StatedTotal};

use crate::number::cell_number;
use crate::rows::{split_weighted_label, RawRow, RawTable};
use crate::vocab::is_total_label;

/// Finds every one-cell-per-line score table in the raw lines. Lines already
/// read as tab or pipe tables are not looked at.
pub fn find_cell_stream_tables(lines: &[Line]) -> Vec<RawTable> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if let Some(header_end) = header_at(lines, i) {
            let header: Vec<String> = lines[i..header_end]
                .iter()
                .map(|l| compact(&l.text))
                .filter(|t| !t.is_empty())
                .collect();
            let (table, next) = read_stream(lines, header_end, &header);
            if table.rows.len() >= 2 {
                out.push(RawTable {
                    source: lines[i].source.clone(),
                    ..table
                });
            }
            i = next.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_plain(line: &Line) -> bool {
    !line.text.contains('\t') && !line.text.trim_start().starts_with('|')
}

/// A header starts with a line holding `一级指标` and ends, within a few lines,
/// with the line that names the score column.
fn header_at(lines: &[Line], i: usize) -> Option<usize> {
    let first = &lines[i];
    if !is_plain(first)
        || !compact(&first.text).starts_with("一级指标")
        || compact(&first.text).chars().count() > 40
    {
        return None;
    }
    let mut saw_level3 = false;
    for (k, line) in lines.iter().enumerate().skip(i).take(8) {
        if !is_plain(line) {
            return None;
        }
        let t = compact(&line.text);
        saw_level3 |= t.contains("三级指标");
        if saw_level3 && (t.ends_with("得分") || t.ends_with("分值") || t.ends_with("权重")) {
            return Some(k + 1);
        }
    }
    None
}

/// True for a fragment that can be part of an indicator label.
fn is_label_fragment(text: &str) -> bool {
    let n = text.chars().count();
    n > 0
        && n <= 8
        && cell_number(text).is_none()
        && !text.contains([
            '，', '。', '、', '；', '：', '（', '）', '(', ')', '“', '”', '①', '=', '/',
        ])
}

/// A fragment that only finishes the word on the line before: short, and
/// ending the way indicator names end (`充分性`, `健全性`, `标`).
fn is_tail(prev: &str, frag: &str) -> bool {
    let n = frag.chars().count();
    let ends = |s: &str| s.ends_with(['性', '率', '度', '标']);
    n <= 3 && ends(frag) && prev.chars().count() >= 3 && !prev.ends_with(['性', '率'])
}

#[derive(Default)]
struct Pending {
    labels: Vec<(String, usize)>, // text, the line it started on
    numbers: Vec<jixiao_model::Decimal>,
    in_prose: bool,
    first_line: Option<usize>,
}

fn read_stream(lines: &[Line], start: usize, header: &[String]) -> (RawTable, usize) {
    let mut table = RawTable::default();
    let mut pending = Pending::default();
    let mut break_pending = false;
    let mut i = start;
    let mut idle = 0usize;
    while i < lines.len() {
        let line = &lines[i];
        i += 1;
        if line.furniture || line.text.trim().is_empty() {
            continue;
        }
        if !is_plain(line) {
            break;
        }
        let whole = compact(&line.text);
        if header.contains(&whole) {
            // The header repeated after a page break.
            break_pending = true;
            continue;
        }
        let parts: Vec<&str> = line.text.split_whitespace().collect();
        let all_numbers = parts.iter().all(|p| cell_number(p).is_some());
        for (k, part) in parts.iter().enumerate() {
            if all_numbers {
                if let Some(p) = cell_number(part) {
                    pending.numbers.push(p.value);
                }
                continue;
            }
            if pending.in_prose {
                continue;
            }
            if is_label_fragment(part) {
                pending.first_line.get_or_insert(i - 1);
                let joins = k == 0
                    && pending
                        .labels
                        .last()
                        .is_some_and(|(prev, at)| *at < i && is_tail(prev, part));
                match pending.labels.last_mut() {
                    Some((prev, _)) if joins => prev.push_str(part),
                    _ => pending.labels.push((part.to_string(), i)),
                }
            } else {
                pending.in_prose = true;
            }
        }
        if all_numbers && pending.numbers.len() >= 2 {
            let source = pending
                .first_line
                .map(|l| lines[l].source.clone())
                .unwrap_or_else(|| line.source.clone());
            let labels: Vec<String> = pending.labels.iter().map(|(t, _)| t.clone()).collect();
            let (w, s) = (
                pending.numbers[0],
                pending.numbers[pending.numbers.len() - 1],
            );
            if labels.len() == 1 && is_total_label(&labels[0]) {
                table.total = Some(StatedTotal {
                    weight: Some(w),
                    score: Some(s),
                    score_rate: None,
                    lone_figure: false,
                    source,
                });
                return (table, i);
            }
            if !labels.is_empty() {
                if break_pending {
                    table.page_breaks.push(table.rows.len());
                    break_pending = false;
                }
                table.rows.push(row_from(&labels, w, s, source));
                idle = 0;
            }
            pending = Pending::default();
        } else if !all_numbers {
            idle += 1;
            // A table row is never this long: the stream has ended without a total.
            if idle > 60 {
                break;
            }
        }
    }
    (table, i)
}

fn row_from(
    labels: &[String],
    weight: jixiao_model::Decimal,
    score: jixiao_model::Decimal,
    source: jixiao_model::Source,
) -> RawRow {
    let mut row = RawRow {
        weight: Some(weight),
        score: Some(score),
        source,
        ..RawRow::default()
    };
    let take = labels.len().min(3);
    let tail = &labels[labels.len() - take..];
    for (k, text) in tail.iter().enumerate() {
        let level = 3 - take + k;
        let (name, w) = split_weighted_label(text);
        if level < 2 {
            row.group_weights[level] = w;
        }
        row.labels[level] = Some(name);
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::lines;

    #[test]
    fn wrapped_cells_rows_and_page_break() {
        let text = "一级指标\n二级指\n标\n三级指标 指标解释 指标说明 权重 得分\n\n决策\n\n项目立项\n\n立项依据\n\n充分性\n\n项目立项是否符合法律\n\n法规。\n\n5 5\n\n立项程序\n\n规范性\n\n项目申请是否规范。\n\n5 5\n\n一级指标\n二级指\n标\n三级指标 指标解释 指标说明 权重 得分\n\n绩效目标\n绩效目标\n合理性\n\n目标是否合理。\n\n5 4.5\n\n过程 资金管理\n\n资金到位率\n\n实际到位资金与预算资金的比率。\n\n5 5\n\n合计\n100 97.80\n";
        let tables = find_cell_stream_tables(&lines(text));
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        let names: Vec<(Option<&str>, Option<&str>, &str)> = t
            .rows
            .iter()
            .map(|r| {
                (
                    r.labels[0].as_deref(),
                    r.labels[1].as_deref(),
                    r.labels[2].as_deref().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            names,
            vec![
                (Some("决策"), Some("项目立项"), "立项依据充分性"),
                (None, None, "立项程序规范性"),
                (None, Some("绩效目标"), "绩效目标合理性"),
                (Some("过程"), Some("资金管理"), "资金到位率"),
            ]
        );
        assert_eq!(
            t.rows[2].score.map(|d| d.to_string()),
            Some("4.5".to_string())
        );
        assert_eq!(t.page_breaks, vec![2]);
        assert_eq!(
            t.total
                .as_ref()
                .and_then(|x| x.score)
                .map(|d| d.to_string()),
            Some("97.80".to_string())
        );
    }
}
