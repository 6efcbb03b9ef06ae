//! Parts and their whole: lists after 其中/包括/分别为 or in 由…组成, amounts a
//! 共计 totals, and per-project columns against their 合计 row.

use jixiao_model::{Decimal, Fact, FactKind, FactUnit, Finding};

use crate::amounts::common_suffix;
use crate::budget_table;
use crate::context::{finding, rounding_note, severity_of, Context, Operand};
use crate::interval::{Interval, Verdict};

/// `A万元，其中：B万元，C万元`: the amounts after the keyword are parts of the
/// last amount before it, up to a nested keyword, which opens a new whole.
pub(crate) fn parts_sum(ctx: &Context) -> Vec<Finding> {
    // Not 含: `10 万元以上（含 10 万元）` is a threshold, not a part.
    const KEYS: &[&str] = &["其中", "包括", "包含", "分别为", "分别是"];
    let mut out = budget_table::breakdowns(ctx);
    out.extend(budget_table::block_columns(ctx));
    out.extend(listed_totals(ctx));
    out.extend(line_totals(ctx));
    for para in ctx.paragraphs() {
        // Group mentions by sentence. A list opened by 其中 may run on past a
        // `；` (其中：基本支出增加 90.62 万元…；项目支出增加 257142.61 万元): the next
        // sentence joins when its first figure is labelled like the list's.
        let mut by_sentence: Vec<Vec<&Fact>> = Vec::new();
        for m in para {
            match by_sentence.last_mut() {
                Some(group) if group[0].sentence == m.sentence => group.push(m),
                Some(group)
                    if group.last().is_some_and(|last| {
                        last.sentence != m.sentence && continues_list(group, m, KEYS)
                    }) =>
                {
                    group.push(m)
                }
                _ => by_sentence.push(vec![m]),
            }
        }
        for group in by_sentence {
            let sentence = &group[0].sentence;
            let sentence_start = group[0].sentence_start;
            let mut keys: Vec<usize> = KEYS
                .iter()
                .flat_map(|k| sentence.match_indices(k).map(|(i, _)| i))
                .collect();
            // `由中央资金…和地方配套…组成`: 由 opens the parts when 组成/构成 closes them.
            keys.extend(sentence.match_indices('由').filter_map(|(i, _)| {
                let rest = &sentence[i + '由'.len_utf8()..];
                (!rest.starts_with('于') && (rest.contains("组成") || rest.contains("构成")))
                    .then_some(i)
            }));
            keys.sort_unstable();
            keys.dedup();
            for (ki, &key) in keys.iter().enumerate() {
                let key_abs = sentence_start + key;
                let next_key_abs = keys
                    .get(ki + 1)
                    .map(|k| sentence_start + k)
                    .unwrap_or(usize::MAX);
                // The whole is what the parts measure: changes (`基本支出增加…`) are
                // parts of the change before them, levels of the last level
                // (`支出118.30万元，较上年减少6.20万元，其中基本支出98.30万元…`).
                let listed_deltas = group
                    .iter()
                    .filter(|m| m.span.0 > key_abs && m.span.0 < next_key_abs)
                    .any(|m| m.kind == FactKind::Change || is_delta_label(&m.label));
                let Some(whole) = group
                    .iter()
                    .filter(|m| m.span.1 <= key_abs)
                    .filter(|m| listed_deltas || m.kind == FactKind::Level)
                    .next_back()
                else {
                    continue;
                };
                // Money only: counts listed after 其中 are as often things done as parts.
                let FactUnit::Money(unit) = whole.unit else {
                    continue;
                };
                // A level's parts are levels: a change on another year stated among
                // them (`其中：财政拨款收入…，比2024年预算减少…`) is no part of it.
                let parts: Vec<&&Fact> = group
                    .iter()
                    .filter(|m| {
                        m.span.0 > key_abs && m.span.0 < next_key_abs && m.unit == whole.unit
                    })
                    .filter(|m| whole.kind != FactKind::Level || m.kind == FactKind::Level)
                    .collect();
                if parts.len() < 2 {
                    continue;
                }
                let straight: Decimal = parts.iter().map(|m| m.number.value).sum();
                let iv = parts
                    .iter()
                    .map(|m| Interval::printed(m.number.value, m.number.decimals))
                    .fold(Interval::exact(Decimal::ZERO), Interval::add);
                let verdict =
                    crate::interval::judge(whole.number.value, whole.number.decimals, iv, straight);
                // A list that adds up to less names only some of the parts: no relation.
                if straight < whole.number.value && verdict != Verdict::Consistent {
                    continue;
                }
                ctx.record(
                    "parts.sum",
                    format!("{} = {} parts", whole.label, parts.len()),
                    Operand::of(whole),
                    parts.iter().map(|m| Operand::of(m)).collect(),
                    verdict,
                );
                if straight <= whole.number.value {
                    continue;
                }
                if let Some(sev) = severity_of(verdict) {
                    let list = parts
                        .iter()
                        .map(|m| m.number.value.to_string())
                        .collect::<Vec<_>>()
                        .join(" + ");
                    out.push(finding(
                        "parts.sum",
                        sev,
                        format!(
                            "{} stated {}{} but its parts {} = {}{}{}",
                            whole.label,
                            whole.number.value,
                            unit.label(),
                            list,
                            straight,
                            unit.label(),
                            rounding_note(verdict)
                        ),
                        whole.number.value,
                        Some(straight),
                        Some(unit.label()),
                        &whole.source,
                        sentence,
                    ));
                }
            }
        }
    }
    out
}

/// A label that names a difference: `基本支出增加`, `项目支出减少`.
fn is_delta_label(label: &str) -> bool {
    ["增加", "减少", "增长", "下降", "降低", "上升"]
        .iter()
        .any(|w| label.ends_with(w))
}

/// `上年度资金结余2.20万元，本年度财政收入114.42万元，本年度项目可用资金数共计116.62万元`:
/// a 共计/合计/总计 after a run of amounts in the same sentence totals them.
/// Each listed amount must be smaller than the total, and no 其中 may come
/// before it (then the amounts are parts of something else).
fn listed_totals(ctx: &Context) -> Vec<Finding> {
    const TOTAL: &[&str] = &["共计", "合计", "总计"];
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        for (k, whole) in para.iter().enumerate() {
            // Amounts, and counts (`年初 5 个，年中新增 3 个，共 8 个`).
            let unit = whole.unit;
            let counted = matches!(unit, FactUnit::Count(_));
            if !counted && whole.money().is_none() {
                continue;
            }
            if whole.kind != FactKind::Level {
                continue;
            }
            // The label drops 共计 as a connective: look at the words right before the figure.
            let before = whole
                .sentence
                .get(..whole.span.0.saturating_sub(whole.sentence_start))
                .unwrap_or("");
            let tail: String = before
                .chars()
                .rev()
                .take(6)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let says_total = TOTAL
                .iter()
                .any(|t| tail.contains(t) || whole.label.contains(t))
                || (counted && (tail.trim_end().ends_with('共') || whole.label.ends_with('共')));
            if !says_total {
                continue;
            }
            if ["其中", "包括", "增加", "减少", "较"]
                .iter()
                .any(|w| before.contains(w))
            {
                continue;
            }
            let parts: Vec<&Fact> = para[..k]
                .iter()
                .filter(|m| m.sentence_start == whole.sentence_start && m.unit == whole.unit)
                .copied()
                .collect();
            if parts.iter().any(|p| p.kind != FactKind::Level) {
                continue;
            }
            if parts.len() < 2
                || parts.len() > 6
                || parts
                    .iter()
                    .any(|p| TOTAL.iter().any(|t| p.label.contains(t)))
            {
                continue;
            }
            let straight: Decimal = parts.iter().map(|m| m.number.value).sum();
            let iv = parts.iter().fold(Interval::exact(Decimal::ZERO), |acc, m| {
                acc.add(Interval::printed(m.number.value, m.number.decimals))
            });
            let verdict = ctx.judge(
                "parts.sum",
                format!("{} totals {} amounts", whole.label, parts.len()),
                Operand::of(whole),
                parts.iter().map(|m| Operand::of(m)).collect(),
                iv,
                straight,
            );
            if let Some(sev) = severity_of(verdict) {
                let list: Vec<String> = parts
                    .iter()
                    .map(|m| format!("{} {}", m.label, m.number.value))
                    .collect();
                out.push(finding(
                    "parts.sum",
                    sev,
                    format!(
                        "{} stated {}{} but {} = {}{}{}",
                        whole.label,
                        whole.number.value,
                        unit.label(),
                        list.join(" + "),
                        straight,
                        unit.label(),
                        rounding_note(verdict)
                    ),
                    whole.number.value,
                    Some(straight),
                    Some(unit.label()),
                    &whole.source,
                    &whole.sentence,
                ));
            }
        }
    }
    out
}

/// True when `m`, first in its sentence, continues the list a 其中 opened in
/// the previous sentence (ended by `；`): its label ends like a part's.
fn continues_list(group: &[&Fact], m: &Fact, keys: &[&str]) -> bool {
    let first = &group[0];
    let ends_semicolon = group
        .last()
        .is_some_and(|l| l.sentence.trim_end().ends_with(['；', ';']));
    let Some(key_at) = keys.iter().filter_map(|k| first.sentence.find(k)).min() else {
        return false;
    };
    let key_abs = first.sentence_start + key_at;
    let same_sentence_as_last = group.last().is_some_and(|l| l.sentence == m.sentence);
    ends_semicolon
        && !same_sentence_as_last
        && group
            .iter()
            .filter(|p| p.span.0 > key_abs)
            .any(|p| p.unit == m.unit && common_suffix(&p.label, &m.label) >= 2)
}

/// A per-project table's 合计 row against the rows above it, column by column.
/// Silent where the table's structure is unsure: a blank cell, a row that is
/// itself the sum of the rows after it (a category subtotal), or a total printed
/// coarser than its rows (a figure cut off, or rounded to another scale).
pub(crate) fn line_totals(ctx: &Context) -> Vec<Finding> {
    let report = ctx.report();
    let mut out = Vec::new();
    for total in &report.line_totals {
        let Some(rows) = report.line_items.get(total.rows.0..total.rows.1) else {
            continue;
        };
        if rows.len() < 2 {
            continue;
        }
        for (col, name) in ["预算数", "执行数"].iter().enumerate() {
            let Some((stated, stated_at)) = &total.printed[col] else {
                continue;
            };
            let stated = *stated;
            let Some(cells) = rows
                .iter()
                .map(|r| r.printed[col].as_ref())
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let values: Vec<Decimal> = cells.iter().map(|(v, _)| *v).collect();
            let decimals = values.iter().map(|v| v.scale()).max().unwrap_or(0);
            if stated.scale() < decimals || has_subtotals(&values) {
                continue;
            }
            let straight: Decimal = values.iter().sum();
            let iv = values
                .iter()
                .fold(Interval::exact(Decimal::ZERO), |acc, v| {
                    acc.add(Interval::printed(*v, decimals))
                });
            let verdict = ctx.judge(
                "parts.sum",
                format!("{} {name} = {} rows", total.label, rows.len()),
                Operand::value(stated, stated_at),
                cells.iter().map(|(v, at)| Operand::value(*v, at)).collect(),
                iv,
                straight,
            );
            if let Some(sev) = severity_of(verdict) {
                out.push(finding(
                    "parts.sum",
                    sev,
                    format!(
                        "{} {name} stated {stated}{} but its {} rows add up to {straight}{}{}",
                        total.label,
                        total.printed_unit,
                        rows.len(),
                        total.printed_unit,
                        rounding_note(verdict)
                    ),
                    stated,
                    Some(straight),
                    Some(total.printed_unit.as_str()),
                    stated_at,
                    &total.label,
                ));
            }
        }
    }
    out
}

/// True when some value equals the sum of two or more values right after it.
fn has_subtotals(values: &[Decimal]) -> bool {
    (0..values.len()).any(|i| {
        let mut sum = Decimal::ZERO;
        values[i + 1..].iter().enumerate().any(|(k, v)| {
            sum += v;
            k >= 1 && sum == values[i] && !sum.is_zero()
        })
    })
}
