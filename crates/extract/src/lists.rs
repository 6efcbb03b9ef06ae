//! Lists of parts and their whole, as the prose states them: amounts after
//! 其中/包括/包含/分别为 (or inside 由…组成) are parts of the last amount before
//! them, and a 共计/合计/总计 after a run of amounts totals them. Read here, once,
//! from the facts' sentences; the checker judges the lists.

use jixiao_model::facts::{common_suffix, ListKind, PartsList};
use jixiao_model::{Fact, FactKind, FactUnit};

/// Words that open a list of parts. Not 含: `10 万元以上（含 10 万元）` is a
/// threshold, not a part.
const KEYS: &[&str] = &["其中", "包括", "包含", "分别为", "分别是"];

/// Every list of parts and every stated total of a run of amounts.
pub fn parts_lists(facts: &[Fact]) -> Vec<PartsList> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < facts.len() {
        let end = facts[start..]
            .iter()
            .position(|f| f.paragraph != facts[start].paragraph)
            .map_or(facts.len(), |n| start + n);
        let para: Vec<(usize, &Fact)> = (start..end).map(|i| (i, &facts[i])).collect();
        out.extend(listed_parts(&para));
        out.extend(listed_totals(&para));
        start = end;
    }
    out
}

fn listed_parts(para: &[(usize, &Fact)]) -> Vec<PartsList> {
    let mut out = Vec::new();
    // Group facts by sentence. A list opened by 其中 may run on past a
    // `；` (其中：基本支出增加 90.62 万元…；项目支出增加 257142.61 万元): the next
    // sentence joins when its first figure is labelled like the list's.
    let mut by_sentence: Vec<Vec<(usize, &Fact)>> = Vec::new();
    for &(i, m) in para {
        match by_sentence.last_mut() {
            Some(group) if group[0].1.sentence == m.sentence => group.push((i, m)),
            Some(group)
                if group.last().is_some_and(|(_, last)| {
                    last.sentence != m.sentence && continues_list(group, m)
                }) =>
            {
                group.push((i, m))
            }
            _ => by_sentence.push(vec![(i, m)]),
        }
    }
    for group in by_sentence {
        let sentence = &group[0].1.sentence;
        let sentence_start = group[0].1.sentence_start;
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
                .filter(|(_, m)| m.span.0 > key_abs && m.span.0 < next_key_abs)
                .any(|(_, m)| m.kind == FactKind::Change || is_delta_label(&m.label));
            let Some(&(whole_at, whole)) = group
                .iter()
                .filter(|(_, m)| m.span.1 <= key_abs)
                .filter(|(_, m)| listed_deltas || m.kind == FactKind::Level)
                .next_back()
            else {
                continue;
            };
            // Money only: counts listed after 其中 are as often things done as parts.
            if !matches!(whole.unit, FactUnit::Money(_)) {
                continue;
            }
            // A level's parts are levels: a change on another year stated among
            // them (`其中：财政拨款收入…，比2024年预算减少…`) is no part of it.
            let parts: Vec<usize> = group
                .iter()
                .filter(|(_, m)| {
                    m.span.0 > key_abs && m.span.0 < next_key_abs && m.unit == whole.unit
                })
                .filter(|(_, m)| whole.kind != FactKind::Level || m.kind == FactKind::Level)
                .map(|(i, _)| *i)
                .collect();
            if parts.len() >= 2 {
                out.push(PartsList {
                    whole: whole_at,
                    parts,
                    kind: ListKind::Parts,
                });
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
/// a 共计/合计/总计 after a run of amounts in the same sentence totals them
/// (counts too: `年初 5 个，年中新增 3 个，共 8 个`). No 其中 may come before it
/// (then the amounts are parts of something else).
fn listed_totals(para: &[(usize, &Fact)]) -> Vec<PartsList> {
    const TOTAL: &[&str] = &["共计", "合计", "总计"];
    let mut out = Vec::new();
    for (k, &(whole_at, whole)) in para.iter().enumerate() {
        let counted = matches!(whole.unit, FactUnit::Count(_));
        if (!counted && whole.money().is_none()) || whole.kind != FactKind::Level {
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
        if !says_total
            || ["其中", "包括", "增加", "减少", "较"]
                .iter()
                .any(|w| before.contains(w))
        {
            continue;
        }
        let parts: Vec<(usize, &Fact)> = para[..k]
            .iter()
            .filter(|(_, m)| m.sentence_start == whole.sentence_start && m.unit == whole.unit)
            .copied()
            .collect();
        if parts.iter().any(|(_, p)| p.kind != FactKind::Level)
            || parts.len() < 2
            || parts.len() > 6
            || parts
                .iter()
                .any(|(_, p)| TOTAL.iter().any(|t| p.label.contains(t)))
        {
            continue;
        }
        out.push(PartsList {
            whole: whole_at,
            parts: parts.iter().map(|(i, _)| *i).collect(),
            kind: ListKind::Total,
        });
    }
    out
}

/// True when `m`, first in its sentence, continues the list a 其中 opened in
/// the previous sentence (ended by `；`): its label ends like a part's.
fn continues_list(group: &[(usize, &Fact)], m: &Fact) -> bool {
    let first = group[0].1;
    let ends_semicolon = group
        .last()
        .is_some_and(|(_, l)| l.sentence.trim_end().ends_with(['；', ';']));
    let Some(key_at) = KEYS.iter().filter_map(|k| first.sentence.find(k)).min() else {
        return false;
    };
    let key_abs = first.sentence_start + key_at;
    let same_sentence_as_last = group.last().is_some_and(|(_, l)| l.sentence == m.sentence);
    ends_semicolon
        && !same_sentence_as_last
        && group
            .iter()
            .filter(|(_, p)| p.span.0 > key_abs)
            .any(|(_, p)| p.unit == m.unit && common_suffix(&p.label, &m.label) >= 2)
}
