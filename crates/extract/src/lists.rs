//! Lists of parts and their whole, as the prose states them: amounts after
//! 其中/包括/包含/分别为 (or inside 由…组成) are parts of the last amount before
//! them, and a 共计/合计/总计 after a run of amounts totals them. Read here, once,
//! from the facts' sentences; the checker judges the lists.

use jixiao_model::facts::{
    all_of, bracket_depth, common_suffix, partition_of, ListKind, PartsList, PARTITIONS,
};
use jixiao_model::{Decimal, Fact, FactKind, FactRole, FactUnit};

use crate::vocab::TOTAL_SCORE_LABELS;

/// Words of a score's full marks (`满分20分`, `权重10分`, `分值`), not points obtained.
const FULL_MARKS_WORDS: &[&str] = &["满分", "权重", "分值"];

/// Words that name a change made to a budget during the year.
const ADJUSTMENT_WORDS: &[&str] = &["追加", "调增", "调减", "调整", "调剂"];

/// Words that open a list of parts. Not 含: `10 万元以上（含 10 万元）` is a
/// threshold, not a part.
const KEYS: &[&str] = &[
    "其中",
    "包括",
    "包含",
    "分别为",
    "分别是",
    "具体为",
    "具体是",
    "用于：",
    "用于:",
];

/// Words that open the sources or kinds of an amount stated before them
/// (`资金来源为：`, `按经济分类：`).
const KIND_KEYS: &[&str] = &[
    "来源为：",
    "来源为:",
    "来源：",
    "来源:",
    "构成为：",
    "构成为:",
    "分类：",
    "分类:",
];

/// Where a sentence opens the sources or kinds of an amount: at a word of
/// [`KIND_KEYS`], or at a `按…分` before a comma or colon (`按资金来源分，`,
/// `按支出性质划分：`).
fn kind_keys(sentence: &str) -> Vec<usize> {
    let mut keys: Vec<usize> = KIND_KEYS
        .iter()
        .flat_map(|k| sentence.match_indices(k).map(|(i, _)| i))
        .collect();
    keys.extend(sentence.match_indices('按').filter_map(|(i, _)| {
        let rest = &sentence[i + '按'.len_utf8()..];
        let (end, _) = rest
            .char_indices()
            .take(12)
            .find(|(_, c)| matches!(c, '，' | ',' | '：' | ':' | '。' | '；'))?;
        let words = &rest[..end];
        (words.ends_with('分')
            && words.chars().count() >= 3
            && rest[end..].starts_with(['，', ',', '：', ':']))
        .then_some(i)
    }));
    // `分两批下达：第一批…；第二批…`: the batches the funds were released in.
    keys.extend(
        sentence
            .match_indices('分')
            .filter(|(i, _)| batches_counted(&sentence[*i..]).is_some())
            .map(|(i, _)| i),
    );
    // `资金分配如下：城关镇42万元、…`: a split as follows, named as one
    // (分配, 安排, 下达 …) right before the colon.
    keys.extend(sentence.match_indices("如下").filter_map(|(i, _)| {
        let rest = &sentence[i + "如下".len()..];
        let head: String = {
            let chars: Vec<char> = sentence[..i].chars().collect();
            chars[chars.len().saturating_sub(6)..].iter().collect()
        };
        (rest.starts_with(['：', ':'])
            && [
                "分配", "安排", "下达", "拨付", "分布", "构成", "组成", "来源",
            ]
            .iter()
            .any(|w| head.contains(w)))
        .then_some(i)
    }));
    keys.sort_unstable();
    keys
}

/// `分两批下达：`, `分3次拨付，`: funds released in as many batches as it
/// counts (two or more), listed next (`第一批…；第二批…`). The count, where
/// `text` opens so.
fn batches_counted(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('分')?;
    let (at, batch) = rest
        .char_indices()
        .take(4)
        .find(|(_, c)| matches!(c, '批' | '次' | '期'))?;
    let numeral = &rest[..at];
    let n = numeral
        .parse()
        .ok()
        .or_else(|| crate::statements::chinese_count(numeral))?;
    // The words after it, a verb of releasing at most, up to a colon or comma.
    let after = &rest[at + batch.len_utf8()..];
    let (end, c) = after
        .char_indices()
        .find(|(_, c)| !jixiao_model::is_han(*c))?;
    (n >= 2 && matches!(c, '：' | ':' | '，' | ',') && after[..end].chars().count() <= 4)
        .then_some(n)
}

/// `第一批` and `第二批`: labels numbering the same thing in order.
fn ordinals_alike(a: &str, b: &str) -> bool {
    let after_ordinal = |label: &str| -> Option<String> {
        let rest = label.trim().split_once('第')?.1;
        let numeral: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
            .collect();
        (!numeral.is_empty()).then(|| rest[numeral.len()..].chars().take(1).collect())
    };
    after_ordinal(a).is_some_and(|x| !x.is_empty() && Some(x) == after_ordinal(b))
}

/// Every list of parts and every stated total of a run of amounts.
pub fn parts_lists(facts: &[Fact]) -> Vec<PartsList> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut previous: Vec<(usize, &Fact)> = Vec::new();
    let paragraph_end = |start: usize| {
        facts[start..]
            .iter()
            .position(|f| f.paragraph != facts[start].paragraph)
            .map_or(facts.len(), |n| start + n)
    };
    while start < facts.len() {
        let end = paragraph_end(start);
        let para: Vec<(usize, &Fact)> = (start..end).map(|i| (i, &facts[i])).collect();
        let next: Vec<(usize, &Fact)> = match end < facts.len() {
            true => (end..paragraph_end(end)).map(|i| (i, &facts[i])).collect(),
            false => Vec::new(),
        };
        // (Totals first: a 其中 after a 合计 lists the parts of the total,
        // not of what it added up.)
        let totals = listed_totals(&para);
        out.extend(listed_parts(&para, &previous, &totals));
        out.extend(totals);
        out.extend(listed_score_totals(&para));
        out.extend(group_scores_around_their_total(&para, &next));
        out.extend(group_paragraphs_after_their_total(&para, facts, end));
        out.extend(scores_beside_their_weights(&para));
        previous = para;
        start = end;
    }
    totals_taking_in_an_earlier_amount(facts, &mut out);
    let unkeyed = unkeyed_splits(facts, &out);
    out.extend(unkeyed);
    let opened = splits_opened_by_their_whole(facts, &out);
    out.extend(opened);
    let costs = costs_after_their_total(facts, &out);
    out.extend(costs);
    let bracketed = splits_in_brackets(facts, &out);
    out.extend(bracketed);
    let counted = counts_beside_listed_amounts(facts, &out);
    out.extend(counted);
    let paired = counts_listed_with_their_amounts(facts, &out);
    out.extend(paired);
    let changed = changes_beside_listed_levels(facts, &out);
    out.extend(changed);
    out.extend(numbered_items_after_their_total(facts));
    out.extend(deductions_and_their_total(facts));
    out.extend(quarters_of_the_year(facts));
    let inline = items_of_the_reports_figures(facts, &out);
    out.extend(inline);
    // Two readings may find one list: it is stated once.
    let mut seen = std::collections::HashSet::new();
    out.retain(|l| seen.insert((l.whole, l.parts.clone())));
    out
}

/// `项目管理扣3分，其中资金拨付不及时扣2分，档案资料不完整扣1分；产出指标扣2分；
/// 效益指标扣3分。共扣8分。`: the deductions listed right before a total of
/// them (`共扣`) in their paragraph add up to it, those a deduction's 其中
/// opens (to the end of its sentence) being its parts instead — some of it,
/// as 其中 may name only some.
fn deductions_and_their_total(facts: &[Fact]) -> Vec<PartsList> {
    let mut out = Vec::new();
    let is_deduction = |m: &Fact| m.unit == FactUnit::Points && m.role == Some(FactRole::Deduction);
    for (t, total) in facts.iter().enumerate() {
        if !is_deduction(total) || !jixiao_model::facts::is_total_deduction(&total.label) {
            continue;
        }
        // The run of deductions right before it in its paragraph, in order.
        let first = (0..t)
            .rev()
            .take_while(|&i| facts[i].paragraph == total.paragraph && is_deduction(&facts[i]))
            .last()
            .unwrap_or(t);
        let run: Vec<usize> = (first..t).collect();
        // All the paragraph's deductions, none in brackets (a detail of
        // another: `项目管理扣3分（资金拨付不及时扣2分…）`).
        let in_brackets = |m: &Fact| {
            m.span
                .0
                .checked_sub(m.sentence_start)
                .is_none_or(|at| bracket_depth(&m.sentence, at) > 0)
        };
        if facts[..first]
            .iter()
            .any(|m| m.paragraph == total.paragraph && is_deduction(m))
            || run.iter().any(|&i| in_brackets(&facts[i]))
        {
            continue;
        }
        let mut listed: Vec<usize> = Vec::new();
        // Each deduction's own parts, its 其中 to the end of its sentence.
        let mut under: Vec<(usize, Vec<usize>)> = Vec::new();
        for i in run {
            let m = &facts[i];
            let same_sentence = |w: usize| facts[w].sentence_start == m.sentence_start;
            match under.last_mut() {
                Some((w, parts)) if same_sentence(*w) => parts.push(i),
                _ if m.label.starts_with("其中") => match listed.last() {
                    Some(&w) if same_sentence(w) => under.push((w, vec![i])),
                    // (A 其中 of nothing before it leaves the run unsure.)
                    _ => {
                        listed.clear();
                        under.clear();
                        break;
                    }
                },
                _ => listed.push(i),
            }
        }
        // A group of the framework among a 其中's parts (`…，其中A扣2分，B扣1分，
        // 产出指标扣2分；`) says the sentence ran on past them: unsure.
        const GROUPS: [&str; 6] = ["决策", "过程", "产出", "效益", "满意度", "指标"];
        if under
            .iter()
            .flat_map(|(_, parts)| parts)
            .any(|&i| GROUPS.iter().any(|g| facts[i].label.contains(g)))
        {
            continue;
        }
        out.extend(under.into_iter().filter(|(_, parts)| parts.len() >= 2).map(
            |(whole, parts)| PartsList {
                whole,
                parts,
                kind: ListKind::Parts,
                alternatives: Vec::new(),
                besides: Vec::new(),
                full_marks: Vec::new(),
            },
        ));
        if listed.len() >= 2 {
            out.push(PartsList {
                whole: t,
                parts: listed,
                kind: ListKind::Total,
                alternatives: Vec::new(),
                besides: Vec::new(),
                full_marks: Vec::new(),
            });
        }
    }
    out
}

/// `分季度看，一季度支出620.50万元，二季度支出812.36万元，三季度…，四季度…`:
/// the four quarters' spending, each once and in order, the same words after
/// each quarter, are all of the year's — the report's own figure of it stated
/// before them. (Not running totals: `截至二季度累计支出…`.)
fn quarters_of_the_year(facts: &[Fact]) -> Vec<PartsList> {
    const QUARTERS: [&str; 4] = ["一季度", "二季度", "三季度", "四季度"];
    fn quarter_of(m: &Fact) -> Option<(usize, &str)> {
        let label = m
            .label
            .trim_start_matches(['，', ',', '；', ';', '、', ' ']);
        let label = label.strip_prefix('第').unwrap_or(label);
        QUARTERS
            .iter()
            .position(|q| label.starts_with(q))
            .map(|k| (k, &label[QUARTERS[k].len()..]))
    }
    let mut out = Vec::new();
    for paragraph in paragraph_ranges(facts) {
        // Each amount named by a quarter: its index, the quarter, the words after it.
        let named: Vec<(usize, usize, &str)> = paragraph
            .filter(|&i| facts[i].money().is_some())
            .filter_map(|i| quarter_of(&facts[i]).map(|(q, words)| (i, q, words)))
            .collect();
        let Some(&(_, _, measure)) = named.first() else {
            continue;
        };
        let spent = ["支出", "执行", "支付"].iter().any(|w| measure.contains(w))
            && !["累计", "截至", "预算", "计划"]
                .iter()
                .any(|w| measure.contains(w));
        let in_order = named
            .iter()
            .enumerate()
            .all(|(k, (_, q, words))| *q == k && *words == measure);
        if named.len() != 4 || !in_order || !spent {
            continue;
        }
        let quarters: Vec<usize> = named.iter().map(|(i, ..)| *i).collect();
        let unit = facts[quarters[0]].unit;
        if quarters
            .iter()
            .any(|&i| facts[i].unit != unit || facts[i].kind != FactKind::Level)
        {
            continue;
        }
        let whole = (0..quarters[0]).rev().find(|&i| {
            let m = &facts[i];
            m.role == Some(FactRole::Executed)
                && m.scope == jixiao_model::Scope::Report
                && m.unit == unit
        });
        if let Some(whole) = whole {
            out.push(PartsList::new(whole, quarters, true));
        }
    }
    out
}

/// The ordinals that number items within a paragraph (`一是…；二是…`).
const ITEM_ORDINALS: &[&str] = &[
    "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
];

/// `资金主要用于以下三个方面：一是…，安排1,200万元，支出1,152.00万元；二是…，
/// 安排680万元，支出640.50万元；三是…`: items a paragraph numbers 一是, 二是 … in
/// order, each stating one figure of a measure, are parts of the report's
/// own figure of that measure (its one value, stated before them) — some of
/// it, as what the funds were mainly used for may leave some out.
fn items_of_the_reports_figures(facts: &[Fact], lists: &[PartsList]) -> Vec<PartsList> {
    let listed = in_lists(lists);
    // The item a fact is in: the last ordinal its sentence names before it.
    let item_of = |f: &Fact| -> Option<usize> {
        let head = f.sentence.get(..f.span.0.checked_sub(f.sentence_start)?)?;
        ITEM_ORDINALS
            .iter()
            .enumerate()
            .filter_map(|(k, o)| head.rfind(o).map(|at| (at, k)))
            .max()
            .map(|(_, k)| k)
    };
    let mut out = Vec::new();
    for paragraph in paragraph_ranges(facts) {
        let items: Vec<(usize, usize)> = paragraph
            .filter_map(|i| Some((item_of(&facts[i])?, i)))
            .filter(|&(_, i)| {
                let f = &facts[i];
                f.kind == FactKind::Level && f.money().is_some() && !listed.contains(&i)
            })
            .collect();
        let count = items.iter().map(|(k, _)| *k + 1).max().unwrap_or(0);
        // Numbered 一是 to the last, each present.
        let in_order = (0..count).all(|k| items.iter().any(|(n, _)| *n == k));
        for m in [Measure::Planned, Measure::Spent] {
            let of_measure = |i: usize| measure(&facts[i].label).is_some_and(|(x, _)| x == m);
            let parts: Vec<usize> = (0..count)
                .filter_map(|k| {
                    let mut own = items.iter().filter(|(n, i)| *n == k && of_measure(*i));
                    let (Some((_, one)), None) = (own.next(), own.next()) else {
                        return None;
                    };
                    Some(*one)
                })
                .collect();
            if count < 2 || !in_order || parts.len() != count {
                continue;
            }
            let unit = facts[parts[0]].unit;
            if parts.iter().any(|&i| facts[i].unit != unit) {
                continue;
            }
            let wholes: Vec<usize> = (0..parts[0])
                .filter(|&i| {
                    let w = &facts[i];
                    w.scope == jixiao_model::Scope::Report
                        && w.kind == FactKind::Level
                        && w.unit == unit
                        && w.role.is_some()
                        && of_measure(i)
                })
                .collect();
            if let Some(whole) = of_one_value(facts, &wholes) {
                out.push(PartsList::new(whole, parts, false));
            }
        }
    }
    out
}

/// How many items a paragraph opening on them points back at (`以上三项合计…`,
/// `上述4个项目…`).
fn items_pointed_back(sentence: &str) -> Option<usize> {
    let rest = ["以上", "上述"]
        .iter()
        .find_map(|w| sentence.trim_start().strip_prefix(w))?;
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let n = match digits.parse().ok() {
        Some(n) => n,
        None => chinese_number(rest)?,
    };
    let numeral = match digits.is_empty() {
        true => rest
            .chars()
            .take_while(|&c| "零一二三四五六七八九十两".contains(c))
            .map(char::len_utf8)
            .sum(),
        false => digits.len(),
    };
    ["项", "个", "类", "笔", "部分"]
        .iter()
        .any(|w| rest[numeral..].starts_with(w))
        .then_some(n as usize)
}

/// The number an item's paragraph opens on (`1.`, `2、`, `（3）`) and its rank.
fn item_number(text: &str) -> Option<(u32, usize)> {
    let (rank, _) = jixiao_model::doc::heading_rank(text)?;
    let head = text.trim_start().trim_start_matches(['（', '(']);
    let digits: String = head.chars().take_while(|c| c.is_ascii_digit()).collect();
    let number = match digits.parse().ok() {
        Some(n) => n,
        None => chinese_number(head)?,
    };
    Some((number, rank))
}

/// The number a Chinese numeral opening `text` writes (`三`, `十二`, `二十`).
fn chinese_number(text: &str) -> Option<u32> {
    let numeral: String = text
        .chars()
        .take_while(|&c| "零一二三四五六七八九十两".contains(c))
        .collect();
    crate::statements::chinese_count(&numeral).and_then(|n| u32::try_from(n).ok())
}

/// `共实施项目5个，项目支出预算1,256.30万元，实际支出1,198.45万元。` and then a
/// paragraph per item, numbered `1.`, `2.` …, each stating the item's figure of
/// a measure once (`预算180万元，实际支出172.35万元`): the items' figures are parts
/// of the total of their measure — all of them where the paragraph counts as
/// many items as follow.
fn numbered_items_after_their_total(facts: &[Fact]) -> Vec<PartsList> {
    // The facts of each paragraph, in order.
    let mut paragraphs: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, f) in facts.iter().enumerate() {
        match paragraphs.last_mut() {
            Some((p, members)) if *p == f.paragraph => members.push(i),
            _ => paragraphs.push((f.paragraph, vec![i])),
        }
    }
    // The number a paragraph opens on, and its rank (`1.`, `（二）`).
    let opening_number = |item: &Vec<usize>| {
        let first = &facts[*item.first()?];
        (first.sentence_start == 0)
            .then(|| item_number(&first.sentence))
            .flatten()
    };
    let mut out = Vec::new();
    for (g, (paragraph, members)) in paragraphs.iter().enumerate() {
        // The items: the next paragraphs, numbered 1, 2, … at one rank.
        let mut items: Vec<&Vec<usize>> = Vec::new();
        let mut rank = None;
        // Items with numbered items of their own under them (`2.…其中：（1）…`)
        // are no flat list.
        let mut nested = false;
        for (k, (p, item)) in paragraphs[g + 1..].iter().enumerate() {
            match opening_number(item) {
                Some((n, r))
                    if *p == paragraph + 1 + k
                        && n as usize == k + 1
                        && rank.is_none_or(|x| x == r) =>
                {
                    rank = Some(r);
                    items.push(item);
                }
                Some(_) if *p == paragraph + 1 + k => {
                    nested = true;
                    break;
                }
                _ => break,
            }
        }
        // Or the paragraphs right before, numbered 1, 2, … at one rank, where
        // this one opens by pointing back at them (`以上三个项目全年预算合计…`):
        // all of them.
        let points_back = members.first().is_some_and(|&i| {
            let f = &facts[i];
            f.sentence_start == 0
                && ["以上", "上述"]
                    .iter()
                    .any(|w| f.sentence.trim_start().starts_with(w))
        });
        if points_back && items.is_empty() {
            let mut before: Vec<(&Vec<usize>, u32, usize)> = Vec::new();
            for (k, (p, item)) in paragraphs[..g].iter().rev().enumerate() {
                let numbered = opening_number(item);
                match numbered {
                    Some((n, r)) if *p + 1 + k == *paragraph => before.push((item, n, r)),
                    _ => break,
                }
                if numbered.is_some_and(|(n, _)| n == 1) {
                    break;
                }
            }
            before.reverse();
            let in_order = before
                .iter()
                .enumerate()
                .all(|(k, (_, n, r))| *n as usize == k + 1 && *r == before[0].2);
            if in_order {
                items = before.iter().map(|(item, ..)| *item).collect();
            }
            // Unnumbered, as many as it counts (`以上三项合计…`): the paragraphs
            // right before it, no heading between (numbered ones out of order
            // are no items).
            if items.is_empty() {
                let counted = members
                    .first()
                    .and_then(|&i| items_pointed_back(&facts[i].sentence));
                let adjacent: Vec<&Vec<usize>> = paragraphs[..g]
                    .iter()
                    .rev()
                    .enumerate()
                    .take_while(|(k, (p, _))| *p + 1 + k == *paragraph)
                    .map(|(_, (_, item))| item)
                    .collect();
                if let Some(n) = counted.filter(|&n| {
                    n >= 2
                        && adjacent.len() >= n
                        && !adjacent[..n].iter().any(|i| opening_number(i).is_some())
                }) {
                    items = adjacent[..n].iter().rev().copied().collect();
                }
            }
        }
        if items.len() < 2 || nested {
            continue;
        }
        let is_initial = |f: &Fact| f.role == Some(FactRole::Initial) || f.label.contains("年初");
        let counted_items = points_back
            || members.iter().any(|&i| {
                let c = &facts[i];
                matches!(c.unit, FactUnit::Count(_))
                    && c.kind == FactKind::Level
                    && c.label.contains("项目")
                    && c.number.value == Decimal::from(items.len() as u64)
            });
        for &w in members {
            let whole = &facts[w];
            // (Pointed back at, a total of no measure is of its unit's figures
            // of none: `以上三项合计资助8,230人次，资助资金845.60万元`.)
            let m = measure(&whole.label).map(|(m, _)| m);
            if (m.is_none() && !points_back)
                || whole.kind != FactKind::Level
                || (whole.money().is_none()
                    && !(points_back && matches!(whole.unit, FactUnit::Count(_))))
                || is_per_unit(&whole.label)
                || is_running_total(&whole.label)
            {
                continue;
            }
            let initial = is_initial(whole);
            // A figure of the whole's measure, in its unit.
            let of_the_measure = |f: &Fact| {
                f.kind == FactKind::Level
                    && f.unit == whole.unit
                    && measure(&f.label).map(|(x, _)| x) == m
            };
            // The paragraph's one total of the measure (several are the items'
            // own figures stated before them, or no total at all).
            let totals_alike = members
                .iter()
                .filter(|&&i| of_the_measure(&facts[i]) && is_initial(&facts[i]) == initial)
                .count();
            if totals_alike != 1 {
                continue;
            }
            // Each item's one figure of the measure (its 年初 one for a 年初
            // total; else its final one, not its 年初 budget beside it).
            let parts: Option<Vec<usize>> = items
                .iter()
                .map(|item| {
                    let alike: Vec<usize> = item
                        .iter()
                        .copied()
                        .filter(|&i| {
                            let f = &facts[i];
                            of_the_measure(f)
                                && !is_per_unit(&f.label)
                                && !is_running_total(&f.label)
                                && is_initial(f) == initial
                        })
                        .collect();
                    match alike.as_slice() {
                        [one] => Some(*one),
                        _ => None,
                    }
                })
                .collect();
            let Some(parts) = parts else {
                continue;
            };
            // Items' budgets said bare (`预算180万元`) may be their 年初 ones: the
            // list holds where it adds up to the 年初 total as well.
            let bare = parts.iter().all(|&i| {
                !["全年", "调整", "年度"]
                    .iter()
                    .any(|q| facts[i].label.contains(q))
            });
            let alternatives: Vec<usize> = if bare && !initial {
                members
                    .iter()
                    .copied()
                    .filter(|&i| of_the_measure(&facts[i]) && is_initial(&facts[i]))
                    .collect()
            } else {
                Vec::new()
            };
            out.push(PartsList {
                whole: w,
                parts,
                kind: if counted_items {
                    ListKind::Partition
                } else {
                    ListKind::Parts
                },
                alternatives,
                besides: Vec::new(),
                full_marks: Vec::new(),
            });
        }
    }
    out
}

/// `共安排项目36个，资金2,680万元。其中：产业发展类项目18个，资金1,520万元；基础设施
/// 类项目15个，资金960万元；…`: a count stated right before each part of a list
/// of amounts, and right before its whole, counts the same categories, so its
/// parts are the count's parts — all of them where the amounts add up to
/// their whole exactly (the categories are then all there are).
fn counts_beside_listed_amounts(facts: &[Fact], lists: &[PartsList]) -> Vec<PartsList> {
    // The count right before an amount in its clause (`…项目18个，资金1,520万元`).
    let count_before = |i: usize| -> Option<usize> {
        let m = facts.get(i)?;
        let c = i.checked_sub(1)?;
        let count = &facts[c];
        (matches!(count.unit, FactUnit::Count(_))
            && count.kind == FactKind::Level
            && close_in_one_clause(count, m, 8))
        .then_some(c)
    };
    let mut out = Vec::new();
    for list in lists {
        let Some(whole) = facts.get(list.whole) else {
            continue;
        };
        if whole.money().is_none() || list.parts.len() < 2 {
            continue;
        }
        let Some(counted_whole) = count_before(list.whole) else {
            continue;
        };
        let Some(counts) = list
            .parts
            .iter()
            .map(|&i| count_before(i))
            .collect::<Option<Vec<usize>>>()
        else {
            continue;
        };
        // One unit throughout, the counts' and the amounts'.
        let unit = facts[counted_whole].unit;
        if counts.iter().any(|&c| facts[c].unit != unit)
            || list.parts.iter().any(|&i| facts[i].unit != whole.unit)
        {
            continue;
        }
        let sum: jixiao_model::Decimal = list.parts.iter().map(|&i| facts[i].number.value).sum();
        out.push(PartsList::new(
            counted_whole,
            counts,
            sum == whole.number.value,
        ));
    }
    out
}

/// `全年共实施项目42个，其中：农业产业发展项目18个，资金2,365.40万元；农村基础
/// 设施项目15个，资金1,482.62万元；其他项目9个，资金631.50万元。`: where no
/// amount states the whole, the counts a 其中 lists each with its amount (one
/// pair to a clause, the pairs running on past `；`) are parts of the count
/// before it — all of it where the last is the rest (`其他…`).
fn counts_listed_with_their_amounts(facts: &[Fact], lists: &[PartsList]) -> Vec<PartsList> {
    let is_count = |m: &Fact| matches!(m.unit, FactUnit::Count(_)) && m.kind == FactKind::Level;
    let mut out = Vec::new();
    for (w, whole) in facts.iter().enumerate() {
        let Some(first) = facts.get(w + 1) else {
            continue;
        };
        // The whole, then 其中 and the first count in its sentence.
        let opens = is_count(whole)
            && first.sentence_start == whole.sentence_start
            && whole
                .sentence
                .get(whole.span.1.saturating_sub(whole.sentence_start)..)
                .and_then(|rest| rest.get(..first.span.0.saturating_sub(whole.span.1)))
                .is_some_and(|between| between.contains("其中"));
        if !opens || lists.iter().any(|l| l.whole == w) {
            continue;
        }
        let mut counts = Vec::new();
        let mut at = w + 1;
        while let (Some(count), Some(amount)) = (facts.get(at), facts.get(at + 1)) {
            let runs_on = counts.last().is_none_or(|&c: &usize| {
                let last = &facts[c + 1];
                last.sentence_start == count.sentence_start
                    || last.sentence.trim_end().ends_with(['；', ';'])
            });
            if !(is_count(count)
                && count.unit == whole.unit
                && count.paragraph == whole.paragraph
                && amount.money().is_some()
                && close_in_one_clause(count, amount, 8)
                && runs_on)
            {
                break;
            }
            counts.push(at);
            at += 2;
        }
        if counts.len() >= 2 {
            let all = counts.last().is_some_and(|&c| is_the_rest(&facts[c]));
            out.push(PartsList::new(w, counts, all));
        }
    }
    out
}

/// Whether `second` follows `first` in its sentence at most `most` characters
/// after it, nothing between them ending the clause or opening a bracket.
fn close_in_one_clause(first: &Fact, second: &Fact, most: usize) -> bool {
    let between = (|| {
        second.sentence.get(
            first.span.1.checked_sub(second.sentence_start)?
                ..second.span.0.checked_sub(second.sentence_start)?,
        )
    })();
    first.paragraph == second.paragraph
        && first.sentence_start == second.sentence_start
        && between
            .is_some_and(|b| b.chars().count() <= most && !b.contains(['。', '；', ';', '（', '(']))
}

/// `收入合计1,254.80万元，比上年增加112.45万元。其中：财政拨款收入1,200.30万元，比
/// 上年增加100.45万元；其他收入54.50万元，比上年增加12.00万元`: where each listed
/// level and its whole is followed in its clause by its one change on another
/// year, all one way, and the levels are all of the whole (a complete split,
/// or adding up to it exactly), the parts' changes are of the whole's change:
/// all of it for a split complete by definition, else only falls, some of
/// it. (Changes of two ways are left alone, as in a list of changes.)
fn changes_beside_listed_levels(facts: &[Fact], lists: &[PartsList]) -> Vec<PartsList> {
    // The change right after a level, in its clause (`…1,200.30万元，比上年增加100.45万元`).
    let change_after = |i: usize| -> Option<usize> {
        let m = facts.get(i)?;
        let c = i + 1;
        let change = facts.get(c)?;
        (change.kind == FactKind::Change
            && change.unit == m.unit
            && close_in_one_clause(m, change, 12))
        .then_some(c)
    };
    let mut out = Vec::new();
    for list in lists {
        let Some(whole) = facts.get(list.whole) else {
            continue;
        };
        if whole.money().is_none() || whole.kind != FactKind::Level || list.parts.len() < 2 {
            continue;
        }
        let sum: jixiao_model::Decimal = list.parts.iter().map(|&i| facts[i].number.value).sum();
        let all_of_it = list.kind == ListKind::Partition || sum == whole.number.value;
        let Some(changed_whole) = change_after(list.whole).filter(|_| all_of_it) else {
            continue;
        };
        let Some(changes) = list
            .parts
            .iter()
            .map(|&i| change_after(i))
            .collect::<Option<Vec<usize>>>()
        else {
            continue;
        };
        let every_change = || std::iter::once(changed_whole).chain(changes.iter().copied());
        let ways: Vec<Option<bool>> = every_change().map(|c| direction(&facts[c].label)).collect();
        // On one base, named by each: last year's, a year's, a plan's.
        let bases: Vec<Option<String>> = every_change()
            .map(|c| compared_with(&facts[c].label))
            .collect();
        if ways.iter().any(|w| w.is_none() || *w != ways[0])
            || bases.iter().any(|b| b.is_none() || *b != bases[0])
        {
            continue;
        }
        // A category there last year and gone this year is in no list of this
        // year's levels: its fall is in the whole's change alone. So unless the
        // split is complete by definition, the parts' falls are only some of
        // the whole's fall, and rises may add up to more than the whole's.
        let labels: Vec<&str> = list
            .parts
            .iter()
            .map(|&i| facts[i].label.as_str())
            .collect();
        let zero: Vec<bool> = list
            .parts
            .iter()
            .map(|&i| facts[i].number.value.is_zero())
            .collect();
        let by_definition =
            list.kind == ListKind::Partition || all_of(&whole.label, &labels, &zero);
        match (by_definition, ways[0]) {
            (true, _) => out.push(PartsList::new(changed_whole, changes, true)),
            (false, Some(false)) => out.push(PartsList::new(changed_whole, changes, false)),
            _ => {}
        }
    }
    out
}

/// What a change's label compares with: last year (`比上年`, `同比`), a year
/// named (`较2022年`), a plan (`比年初预算`); none where it names none.
fn compared_with(label: &str) -> Option<String> {
    if ["上年", "去年", "同比", "上一年"]
        .iter()
        .any(|w| label.contains(w))
    {
        return Some("上年".into());
    }
    let year = label.match_indices('年').find_map(|(at, _)| {
        let digits = label[..at].len()
            - label[..at]
                .trim_end_matches(|c: char| c.is_ascii_digit())
                .len();
        (digits == 4).then(|| label[at - 4..at].to_string())
    });
    year.or_else(|| {
        ["年初预算", "预算", "计划"]
            .iter()
            .find(|w| label.contains(*w))
            .map(|w| w.to_string())
    })
}

/// `基本支出356.82万元（人员经费318.46万元，公用经费38.36万元）`: amounts in
/// brackets right after an amount, naming the members of a split the domain
/// defines for it, are its parts (other bracketed figures tell of it another
/// way: `（含上年结转30万元）`, `（预算500万元）`).
fn splits_in_brackets(facts: &[Fact], lists: &[PartsList]) -> Vec<PartsList> {
    let listed = in_lists(lists);
    let mut out = Vec::new();
    for (w, whole) in facts.iter().enumerate() {
        if whole.kind != FactKind::Level || whole.money().is_none() {
            continue;
        }
        let Some(after) = whole
            .sentence
            .get(whole.span.1.saturating_sub(whole.sentence_start)..)
        else {
            continue;
        };
        if !after.starts_with(['（', '(']) {
            continue;
        }
        // The bracket's end: where the depth it opened closes.
        let open = whole.span.1;
        let mut depth = 0;
        let mut close = None;
        for (i, c) in after.char_indices() {
            match c {
                '（' | '(' => depth += 1,
                '）' | ')' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(open + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else {
            continue;
        };
        // (`（上年：人员经费…）`: another year's figures of it, no split.)
        if after.get(..close - open).is_some_and(|inside| {
            ["上年", "去年", "同比", "较"]
                .iter()
                .any(|w| inside.contains(w))
        }) {
            continue;
        }
        let parts: Vec<usize> = (w + 1..facts.len())
            .take_while(|&i| facts[i].paragraph == whole.paragraph && facts[i].span.1 <= close)
            .collect();
        let labels: Vec<&str> = parts.iter().map(|&i| facts[i].label.as_str()).collect();
        let zero: Vec<bool> = parts
            .iter()
            .map(|&i| facts[i].number.value.is_zero())
            .collect();
        // (A list's member, `其中基本支出`, is the whole of its own split.)
        let name = whole
            .label
            .trim()
            .trim_start_matches("其中")
            .trim_start_matches(['：', ':']);
        if parts.len() < 2
            || parts.iter().any(|i| listed.contains(i))
            || parts
                .iter()
                .any(|&i| facts[i].unit != whole.unit || facts[i].kind != FactKind::Level)
            || partition_of(name, &labels, &zero).is_none()
        {
            continue;
        }
        out.push(PartsList::new(w, parts, all_of(name, &labels, &zero)));
    }
    out
}

/// `总投资1007.5万元，设计费2.5万元，监理费3万元，招投标费2万元，施工费1000万元`: the
/// costs a sentence lists right after a total (总投资, 总预算, 总成本) are parts of
/// it — some of them, perhaps, so they may only not exceed it. Every amount
/// after the total must name a cost (…费), in its unit.
fn costs_after_their_total(facts: &[Fact], lists: &[PartsList]) -> Vec<PartsList> {
    let listed = in_lists(lists);
    let mut out = Vec::new();
    for range in sentence_ranges(facts) {
        let money: Vec<usize> = range
            .filter(|&i| facts[i].kind == FactKind::Level && facts[i].money().is_some())
            .collect();
        let Some((&whole, parts)) = money.split_first() else {
            continue;
        };
        let w = &facts[whole];
        let names_total = ["总投资", "总预算", "总成本", "总费用", "总金额"]
            .iter()
            .any(|t| w.label.contains(t));
        let costs = parts.len() >= 2
            && parts.iter().all(|&i| {
                let l = facts[i].label.trim();
                facts[i].unit == w.unit && (l.ends_with('费') || l.ends_with("费用"))
            });
        if names_total && costs && !money.iter().any(|i| listed.contains(i)) {
            out.push(PartsList::new(whole, parts.to_vec(), false));
        }
    }
    out
}

/// Every fact some list already takes, as a part or as the whole.
fn in_lists(lists: &[PartsList]) -> std::collections::HashSet<usize> {
    lists
        .iter()
        .flat_map(|l| l.parts.iter().copied().chain([l.whole]))
        .collect()
}

/// The facts of each sentence, as index ranges: facts come in document order,
/// so a sentence's facts are a run.
fn sentence_ranges(facts: &[Fact]) -> Vec<std::ops::Range<usize>> {
    runs(facts, |f| (f.paragraph, f.sentence_start))
}

/// The facts of each paragraph, as index ranges.
fn paragraph_ranges(facts: &[Fact]) -> Vec<std::ops::Range<usize>> {
    runs(facts, |f| (f.paragraph, 0))
}

/// The runs of facts alike by `key`, as index ranges.
fn runs(facts: &[Fact], key: impl Fn(&Fact) -> (usize, usize)) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < facts.len() {
        let first = key(&facts[start]);
        let end = facts[start..]
            .iter()
            .position(|f| key(f) != first)
            .map_or(facts.len(), |n| start + n);
        out.push(start..end);
        start = end;
    }
    out
}

/// `基本支出865.20万元…。基本支出中，人员经费756.30万元，公用经费108.90万元`: a
/// sentence that opens on a whole's name (`基本支出中，`) lists parts of the whole
/// stated before it — all of it where they are every member of a split the
/// domain defines for it. The whole is the one value the report gave that name before the
/// sentence; where it gave several (a budget and what was spent), none.
fn splits_opened_by_their_whole(facts: &[Fact], lists: &[PartsList]) -> Vec<PartsList> {
    let listed: std::collections::HashSet<usize> =
        lists.iter().flat_map(|l| l.parts.iter().copied()).collect();
    let mut out = Vec::new();
    for range in sentence_ranges(facts) {
        let first = &facts[range.start];
        let sentence_at = range.start;
        let members: Vec<usize> = range
            .filter(|&i| facts[i].kind == FactKind::Level && facts[i].money().is_some())
            .collect();
        // The words before the 中 of the sentence's first clause: `基本支出中，`,
        // or run on into the first member (`基本支出中人员经费…`); not 其中.
        let Some(name) = first
            .sentence
            .split(['，', '：', ',', ':'])
            .next()
            .and_then(|w| w.trim().split_once('中'))
            .map(|(w, _)| w)
            .filter(|w| {
                (2..=8).contains(&w.chars().count())
                    && !w.ends_with('其')
                    && !w.chars().any(|c| c.is_ascii_digit())
            })
        else {
            continue;
        };
        let labels: Vec<&str> = members.iter().map(|&i| facts[i].label.as_str()).collect();
        let zero: Vec<bool> = members
            .iter()
            .map(|&i| facts[i].number.value.is_zero())
            .collect();
        // Without a split the domain defines, they are some of its parts, as
        // after 其中 (`本年收入中，财政拨款收入…，其他收入…`).
        let split = partition_of(name, &labels, &zero);
        if members.len() < 2
            || members.iter().any(|i| listed.contains(i))
            || members
                .iter()
                .any(|&i| facts[i].unit != facts[members[0]].unit)
        {
            continue;
        }
        let wholes: Vec<usize> = (0..sentence_at)
            .filter(|&i| {
                let w = &facts[i];
                w.kind == FactKind::Level
                    && w.unit == facts[members[0]].unit
                    && w.label.trim().ends_with(name)
                    && split.is_none_or(|split| split.member_of(&w.label).is_none())
            })
            .collect();
        let values: std::collections::BTreeSet<_> = wholes
            .iter()
            .map(|&i| facts[i].number.value.normalize())
            .collect();
        if let (Some(&whole), 1) = (wholes.last(), values.len()) {
            out.push(PartsList::new(whole, members, split.is_some()));
        }
    }
    out
}

/// Words that say which figure of a quantity a label means: a budget's 年初
/// or 调整后 figure, or what was spent.
const QUALIFIERS: &[&str] = &["年初", "调整后", "全年", "决算", "执行", "实际"];

fn qualifiers(label: &str) -> Vec<&'static str> {
    QUALIFIERS
        .iter()
        .copied()
        .filter(|q| label.contains(q))
        .collect()
}

/// `调整后基本支出预算为932.98万元，调整后项目支出预算为1613.72万元`: every member of
/// a complete split stated in one sentence, alike qualified, with no key
/// opening them. Their whole is the one figure the report states with the
/// same qualifier, beside them or elsewhere (`部门整体支出调整后预算为2546.70万元`); where the
/// report states several such values, or none, there is no list.
fn unkeyed_splits(facts: &[Fact], lists: &[PartsList]) -> Vec<PartsList> {
    let listed = in_lists(lists);
    let quals: Vec<Vec<&str>> = facts.iter().map(|f| qualifiers(&f.label)).collect();
    let mut out = Vec::new();
    for range in sentence_ranges(facts) {
        let first = &facts[range.start];
        let sentence: Vec<usize> = range.collect();
        if KEYS.iter().any(|k| first.sentence.contains(k)) {
            continue;
        }
        // (A pair that splits anything names no whole to find elsewhere.)
        for p in PARTITIONS.iter().filter(|p| !p.splits_anything()) {
            let members: Vec<usize> = sentence
                .iter()
                .copied()
                .filter(|&i| {
                    let m = &facts[i];
                    m.kind == FactKind::Level
                        && m.money().is_some()
                        && !listed.contains(&i)
                        && p.member_of(&m.label).is_some()
                })
                .collect();
            let Some(&lead) = members.first() else {
                continue;
            };
            let labels: Vec<&str> = members.iter().map(|&i| facts[i].label.as_str()).collect();
            let zero = vec![false; labels.len()];
            let q = &quals[lead];
            if members.len() < 2
                || q.is_empty()
                || !p.covered_by(&labels, &zero)
                || members
                    .iter()
                    .any(|&i| facts[i].unit != facts[lead].unit || quals[i] != *q)
            {
                continue;
            }
            // A budget's own figure is split by nature too (基本 + 项目支出).
            let by_nature = p.members.first().is_some_and(|m| m.contains(&"基本支出"));
            let wholes: Vec<usize> = (0..facts.len())
                .filter(|i| !members.contains(i))
                .filter(|&i| {
                    let w = &facts[i];
                    w.kind == FactKind::Level
                        && w.unit == facts[lead].unit
                        && quals[i] == *q
                        && p.member_of(&w.label).is_none()
                        && (p.is_whole(&w.label) || (by_nature && w.role.is_some()))
                })
                .collect();
            if let Some(whole) = of_one_value(facts, &wholes) {
                out.push(PartsList::new(whole, members, false));
            }
        }
    }
    out
}

/// The first of `wholes` where they all state one value (the report's one
/// figure, restated); none where they state several, or are none.
fn of_one_value(facts: &[Fact], wholes: &[usize]) -> Option<usize> {
    let first = *wholes.first()?;
    let value = facts[first].number.value.normalize();
    wholes
        .iter()
        .all(|&i| facts[i].number.value.normalize() == value)
        .then_some(first)
}

/// Fact `i` of the paragraph.
fn fact_at<'f>(para: &[(usize, &'f Fact)], i: usize) -> Option<&'f Fact> {
    para.iter().find(|(j, _)| *j == i).map(|(_, m)| *m)
}

/// The label of fact `i` of the paragraph.
fn facts_label<'f>(para: &[(usize, &'f Fact)], i: usize) -> &'f str {
    fact_at(para, i).map_or("", |m| m.label.trim())
}

/// `previous`: the facts of the paragraph before, whose figures a paragraph
/// opening on 其中 lists the parts of (a web page prints each sentence as a
/// paragraph of its own).
fn listed_parts(
    para: &[(usize, &Fact)],
    previous: &[(usize, &Fact)],
    totals: &[PartsList],
) -> Vec<PartsList> {
    let mut out = Vec::new();
    // Group facts by sentence. A list opened by 其中 may run on past a
    // `；` (其中：基本支出增加 90.62 万元…；项目支出增加 257142.61 万元): the next
    // sentence joins when its first figure is labelled like the list's.
    let mut by_sentence: Vec<Vec<(usize, &Fact)>> = Vec::new();
    for (pos, &(i, m)) in para.iter().enumerate() {
        match by_sentence.last_mut() {
            // The rest of a sentence the group has reached (its first, or one
            // it ran on into) stays with it.
            Some(group) if group.last().is_some_and(|(_, l)| l.sentence == m.sentence) => {
                group.push((i, m))
            }
            Some(group)
                if group.last().is_some_and(|(_, last)| {
                    last.sentence != m.sentence && continues_list(group, &para[pos..])
                }) =>
            {
                group.push((i, m))
            }
            _ => by_sentence.push(vec![(i, m)]),
        }
    }
    // A sentence a list ran on into may open a list of its own part's parts
    // (`；公务用车购置及运行费19.36万元，…，其中购置费0万元，运行维护费19.36万元；`):
    // its figures are read again as a group of their own, for that list.
    let joined: Vec<Vec<(usize, &Fact)>> = by_sentence
        .iter()
        .flat_map(|group| {
            let first = &group[0].1.sentence;
            let mut sentences: Vec<Vec<(usize, &Fact)>> = Vec::new();
            for &(i, m) in group.iter().filter(|(_, m)| &m.sentence != first) {
                match sentences.last_mut() {
                    Some(s) if s[0].1.sentence == m.sentence => s.push((i, m)),
                    _ => sentences.push(vec![(i, m)]),
                }
            }
            sentences
                .into_iter()
                .filter(|s| KEYS.iter().any(|k| s[0].1.sentence.contains(k)))
        })
        .collect();
    by_sentence.extend(joined);
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
        // `兑付资金520万元，补贴资金分别兑付至：巴彦镇86万元、…`: 分别 and a verb
        // before a colon open the parts the funds were split into.
        keys.extend(sentence.match_indices("分别").filter_map(|(i, _)| {
            let rest = &sentence[i + "分别".len()..];
            let (end, _) = rest
                .char_indices()
                .take(7)
                .find(|(_, c)| matches!(c, '：' | ':'))?;
            rest[..end].chars().all(jixiao_model::is_han).then_some(i)
        }));
        // `总投资1,200万元，资金来源为：中央财政资金…、省级…`, `支出合计…，按经济
        // 分类：工资福利支出…`: the sources or kinds of an amount stated before
        // them in the sentence (not of a paragraph before), or, opening the
        // sentence (`…总支出2,345.67万元。按支出功能分类：…`), of the one level
        // the sentence before states, as a 其中 opening it is.
        keys.extend(kind_keys(sentence).into_iter().filter(|&i| {
            let stated_before =
                |m: &Fact| m.sentence_start == sentence_start && m.span.1 <= sentence_start + i;
            // (Not opening the paragraph: sources under a heading of
            // their own are of no amount above it. But right after the
            // paragraph that states it, no heading between, they are its:
            // `…安排…资金6,500万元，实际支出…。` / `按培训项目分，…`.)
            let right_after_its_paragraph = previous
                .last()
                .is_some_and(|(_, p)| p.paragraph + 1 == group[0].1.paragraph);
            group
                .iter()
                .any(|(_, m)| stated_before(m) && m.money().is_some())
                || (!group.iter().any(|(_, m)| stated_before(m))
                    && (sentence_start > 0 || right_after_its_paragraph)
                    && sentence[..i].chars().count() <= 8)
        }));
        // `全年预算9,200.00万元中，基本支出…，项目支出…`: an amount's 中 opens its parts.
        keys.extend(
            ["元中，", "元中,", "元中："]
                .iter()
                .flat_map(|k| sentence.match_indices(k).map(|(i, _)| i + "元".len())),
        );
        // `本年收入中，财政拨款收入…；其他收入…`: a sentence opening on the name
        // of a level stated before and its 中 opens that level's parts.
        let named_head = opening_name(sentence);
        keys.extend(named_head.map(|(at, _)| at));
        keys.sort_unstable();
        keys.dedup();
        let sentence_end_abs = sentence_start + sentence.len();
        let spans = key_spans(sentence, &keys);
        let first_open = spans.iter().position(|(_, _, bracketed)| !bracketed);
        for (ki, &key) in keys.iter().enumerate() {
            let key_abs = sentence_start + key;
            // A key's parts run to the next key outside brackets, or to the
            // bracket that closes around it (`公务用车费 60.50 万元（其中购置费…，运行费…）`);
            // a fact belongs to the innermost key around it. The sentences a list
            // runs on into continue the first key's list, as a later key
            // (`其中：基本支出…，包括人员经费…。项目支出…`) opens a list inside it.
            let in_range = |m: &Fact| {
                if m.paragraph != group[0].1.paragraph {
                    return false;
                }
                let at = m.span.0.wrapping_sub(sentence_start);
                let inside = |k: usize| spans[k].0 < at && at < spans[k].1;
                // A figure in brackets after a part (`中央资金150万元（含上年结转30万元）`)
                // tells of that part, not of the list.
                let member = if m.span.0 >= sentence_end_abs {
                    // (Not after a key of its own sentence: `…；公务用车购置及运行费
                    // 12万元，其中购置费0万元…` lists that part's parts.)
                    let at = m.span.0.saturating_sub(m.sentence_start);
                    let own_key = m
                        .sentence
                        .get(..at)
                        .is_some_and(|head| KEYS.iter().any(|k| head.contains(k)));
                    Some(ki) == first_open && !own_key && bracket_depth(&m.sentence, at) == 0
                } else {
                    inside(ki)
                        && !(0..keys.len())
                            .any(|j| j != ki && inside(j) && spans[j].0 > spans[ki].0)
                        && bracket_depth(sentence, at) == bracket_depth(sentence, key)
                };
                // `截至目前已完成投资800万元`: how far the whole has got;
                // `，另有退休人员37人`: what is besides the list.
                let besides = m.sentence_start == sentence_start
                    && sentence
                        .get(key..at)
                        .is_some_and(|w| BESIDES.iter().any(|b| w.contains(b)));
                // `…，C类86.62万元，合计478.30万元`: the listed parts' own sum.
                let their_sum = matches!(
                    m.label
                        .trim_matches(['，', ',', '：', ':', ' '])
                        .trim_end_matches('为'),
                    "合计" | "共计" | "总计" | "小计"
                );
                // (What was used beyond a plan is no member of the list:
                // `公务接待费预算7.00万元，决算7.58万元，超预算0.58万元`.)
                let overspent = jixiao_model::facts::names_an_overspend(&m.label);
                member && !tells_progress(&m.label) && !besides && !their_sum && !overspent
            };
            // A part measures what its whole does: `支出114万元` after a budget's
            // parts is what was spent of it; `计划总投资…，其中…，2023年下达中央
            // 资金300万元` what was released of what was planned.
            // (Money's measures only: a score's label names what was scored,
            // `部门整体支出绩效自评得分` over `预算执行情况19分`.)
            // (Sources after `来源为：` are the whole's by the key, whatever
            // their names say of how they came: `省级下达补助资金900万元`.)
            let sources_by_key = KIND_KEYS
                .iter()
                .any(|k| sentence.get(key..).is_some_and(|rest| rest.starts_with(k)));
            let measures_alike = |m: &Fact, whole: &Fact| {
                m.money().is_none()
                    || whole.money().is_none()
                    || (sources_by_key && crate::budget::names_fund_source(&m.label))
                    || (!(is_bare_spending(&m.label) && names_funds(&whole.label))
                        && !matches!(
                            (measure(&m.label), measure(&whole.label)),
                            (Some((a, word)), Some((b, _))) if a != b && !whole.label.contains(word)
                        ))
            };
            // The whole is what the parts measure: changes (`基本支出增加…`) are
            // parts of the change before them, levels of the last level
            // (`支出118.30万元，较上年减少6.20万元，其中基本支出98.30万元…`).
            // (Parts each with its change (`公务接待费3.60万元，比上年减少0.40万元；…`)
            // are levels, parts of the level before.)
            let delta = |m: &Fact| m.kind == FactKind::Change || is_delta_label(&m.label);
            let in_list = || group.iter().filter(|(_, m)| in_range(m));
            let listed_deltas = in_list().any(|(_, m)| delta(m))
                && !in_list().any(|(_, m)| m.money().is_some() && !delta(m));
            // A key opening its paragraph lists the parts of the paragraph before
            // (not one after words of its own: `共下达资金3笔，分别为…`).
            let opens_paragraph = para.iter().all(|(_, m)| m.span.1 > key_abs)
                && sentence_start == 0
                && sentence.get(..key).is_some_and(|head| {
                    head.trim_matches(['，', ',', '：', ':', ' '])
                        .chars()
                        .count()
                        <= 4
                });
            let context: Vec<(usize, &Fact)> = if opens_paragraph {
                previous.iter().chain(para).copied().collect()
            } else {
                para.to_vec()
            };
            // In the unit the parts are listed in: a rate between the whole and
            // its 其中 (`支出98万元，执行率98%，其中…`) is no whole of amounts.
            // Counts listed beside amounts (`其中工程类合同6份，金额2,318.40万元；…`)
            // are left unjudged (see below): the amounts are the list.
            // (Counts one after another are the list, an amount after them the
            // sentence's next clause: `其中一等412人、二等826人，发放资金99.04万元`.)
            let units: Vec<FactUnit> = group
                .iter()
                .filter(|(_, m)| in_range(m))
                .map(|(_, m)| m.unit)
                .collect();
            let listed_unit = match units.as_slice() {
                [a @ FactUnit::Count(_), b, ..] if a == b => Some(*a),
                _ => units
                    .iter()
                    .find(|u| matches!(u, FactUnit::Money(_)))
                    .or(units.first())
                    .copied(),
            };
            // What the parts all name they measure, if one thing (`…项目拨付`);
            // counts beside them (`资助参保38,760人`) measure none.
            let listed_measure = in_list()
                .filter(|(_, m)| listed_unit.is_none_or(|u| u.measures_like(m.unit)))
                .map(|(_, m)| measure(&m.label).map(|(k, _)| k))
                .reduce(|a, b| if a == b { a } else { None })
                .flatten();
            // What money was `用于` is what was spent.
            let used = sentence[key..].starts_with("用于");
            let named_whole = named_head
                .filter(|(at, _)| *at == key)
                .and_then(|(_, name)| {
                    // (Named with two values before, a budget and what was
                    // spent, it is unsure which.)
                    let mut named = context.iter().filter(|(_, m)| {
                        (m.paragraph, m.span.1) <= (group[0].1.paragraph, key_abs)
                            && m.kind == FactKind::Level
                            && listed_unit.is_none_or(|u| u == m.unit)
                            && names_it(m.label.trim_end_matches(['为', '是']), name)
                    });
                    let one = named.next()?;
                    named
                        .all(|(_, m)| m.number.value == one.1.number.value)
                        .then_some(one)
                })
                .copied();
            // `特别扶助资金：220.50，其中中央168.00万元…`: a figure of no unit
            // right before the key is the list's whole, in a unit unsaid; an
            // amount before it is none.
            let unsure_whole_first = {
                let head = sentence[..key]
                    .trim_end_matches(['，', ',', '；', ';', '：', ':', '、', ' ', '（', '(']);
                let digits = head.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
                digits.len() < head.len()
                    && !group
                        .iter()
                        .any(|(_, m)| m.span.1 == sentence_start + head.len())
            };
            let parts_listed = group
                .iter()
                .filter(|(_, m)| in_range(m) && listed_unit.is_none_or(|u| u.measures_like(m.unit)))
                .count();
            let nearest = if unsure_whole_first {
                None
            } else {
                named_whole.or_else(|| {
                    group
                        .iter()
                        .filter(|(_, m)| m.span.1 <= key_abs)
                        // A standard per head (`人均增收800元`) is no whole of amounts.
                        .filter(|(_, m)| !is_per_unit(&m.label))
                        .filter(|(_, m)| listed_deltas || m.kind == FactKind::Level)
                        // A rate is of the amount before it, and a count of the
                        // parts counts them (`分3个子项目实施，预算分别为…`); another
                        // count or a score between is another subject's (`结余资金
                        // 22.00万元，培训人次3200人次，其中：中央资金…`), and the whole unsure.
                        .rfind(|(_, m)| {
                            let of_it = match m.unit {
                                FactUnit::Percent | FactUnit::PercentagePoints => true,
                                FactUnit::Count(_) => m.number.value == Decimal::from(parts_listed),
                                _ => false,
                            };
                            !of_it || listed_unit.is_none_or(|u| u.measures_like(m.unit))
                        })
                        .filter(|(_, m)| listed_unit.is_none_or(|u| u.measures_like(m.unit)))
                        .copied()
                        .or_else(|| {
                            let measures = (listed_measure, used.then_some(Measure::Spent));
                            opened_after_its_whole(
                                &context,
                                &group,
                                (key_abs, listed_unit),
                                listed_deltas,
                                measures,
                                &[&out[..], totals].concat(),
                            )
                        })
                        .or_else(|| {
                            // `综合评价得分为91.5分，评价等级为“优”。其中：项目决策20分…`: group
                            // scores opening a sentence are parts of the total score before it.
                            let opens_with_points = group
                                .iter()
                                .find(|(_, m)| in_range(m))
                                .is_some_and(|(_, m)| m.unit == FactUnit::Points);
                            para.iter()
                                .filter(|(_, m)| m.span.1 <= key_abs && states_a_total_score(m))
                                .next_back()
                                .filter(|_| opens_with_points)
                                .copied()
                        })
                })
            };
            // `项目支出主要用于：…` after `其中：基本支出…，项目支出…`: words
            // naming a thing right before a key that opens its sentence name the
            // whole — the level stated under that name (unsure where two values
            // are), or the one found so if it carries the name.
            // (A name and its 中, `基本支出中，`, are `named_whole`'s.)
            let nearest = match name_before_key(sentence, key).filter(|_| {
                named_head.is_none_or(|(at, _)| at != key)
                    && !group
                        .iter()
                        .any(|(_, m)| m.span.1 <= key_abs && m.sentence_start == sentence_start)
            }) {
                None => nearest,
                Some(name) => {
                    let mut named = context.iter().filter(|(_, m)| {
                        (m.paragraph, m.span.1) <= (group[0].1.paragraph, key_abs)
                            && m.kind == FactKind::Level
                            && listed_unit.is_none_or(|u| u.measures_like(m.unit))
                            && names_it(&m.label, name)
                    });
                    match named.next_back() {
                        Some(last) => named
                            .all(|(_, m)| m.number.value == last.1.number.value)
                            .then_some(*last),
                        // (`资金主要用于：` names the report's money at large.)
                        None if names_money_at_large(name) => nearest,
                        None => nearest.filter(|(_, w)| names_it(&w.label, name)),
                    }
                }
            };
            // `实际采购金额552.30万元，节约资金33.70万元，节约率5.75%，其中：货物类
            // 采购…，服务类采购…`: what is left or saved is the whole of what is
            // left or saved, or of its sources (`结余40万元，其中：中央资金30万元…`);
            // parts naming what a level before it in the sentence names (`采购`)
            // are that level's where one does, of none where several do.
            let nearest = match nearest {
                Some((_, w)) if names_a_remainder(&w.label) => {
                    let listed: Vec<&str> = in_list()
                        .filter(|(_, m)| m.money().is_some())
                        .map(|(_, m)| m.label.as_str())
                        .collect();
                    if listed.iter().any(|l| names_a_remainder(l))
                        || listed
                            .iter()
                            .all(|l| crate::budget::names_fund_source(l.trim()))
                    {
                        nearest
                    } else if (w.paragraph, w.sentence_start)
                        != (group[0].1.paragraph, sentence_start)
                    {
                        // `…实际支出372.48万元，结余资金12.52万元。资金主要用于：…`:
                        // stated in a sentence before the key's, what is left is
                        // no whole of parts that are not; the one level of its
                        // sentence measuring what they do is (what was `用于`
                        // was spent).
                        let wanted = used.then_some(Measure::Spent).or(listed_measure);
                        let mut of_it = context.iter().filter(|(_, m)| {
                            (m.paragraph, m.sentence_start) == (w.paragraph, w.sentence_start)
                                && m.kind == FactKind::Level
                                && m.money().is_some()
                                && !names_a_remainder(&m.label)
                                && wanted
                                    .is_some_and(|k| measure(&m.label).is_some_and(|(x, _)| x == k))
                        });
                        match (of_it.next(), of_it.next()) {
                            (Some(one), None) => Some(*one),
                            _ => None,
                        }
                    } else {
                        let tail: String = shared_tail(&listed)
                            .filter(|(_, n)| *n >= 2)
                            .map(|(first, n)| {
                                first.chars().skip(first.chars().count() - n).collect()
                            })
                            .unwrap_or_default();
                        let word = tail.trim_start_matches('类');
                        let mut named = group.iter().filter(|(_, m)| {
                            m.span.1 <= key_abs
                                && m.sentence_start == sentence_start
                                && m.kind == FactKind::Level
                                && m.money().is_some()
                                && !names_a_remainder(&m.label)
                                && word.chars().count() >= 2
                                && m.label.contains(word)
                        });
                        match (named.next(), named.next()) {
                            (None, _) => nearest,
                            (Some(one), None) => Some(*one),
                            _ => None,
                        }
                    }
                }
                _ => nearest,
            };
            // Money only: counts listed after 其中 are as often things done as parts.
            // A level's parts are levels: a change on another year stated among
            // them (`其中：财政拨款收入…，比2024年预算减少…`) is no part of it.
            // An adjustment's parts are adjustments (`追加20万元，其中中央追加15万元，
            // 省级追加5万元`), not the budget they make (`调整后预算120万元`: 后).
            // (`全年预算调整为14,026.30万元` is the level the budget was adjusted to.)
            let adjusts = |m: &Fact| {
                let before = words_before(m);
                let to = before.trim_end().strip_suffix(['为', '至', '到']);
                let to_a_level =
                    to.is_some_and(|w| ADJUSTMENT_WORDS.iter().any(|a| w.ends_with(a)));
                ADJUSTMENT_WORDS.iter().any(|w| m.label.contains(w))
                    && !m.label.contains('后')
                    && !to_a_level
            };
            // The list ends where the sentence moves on to another stage of the
            // report's budget (`全年预算数500万元，其中：中央资金…，省级资金…，全年
            // 执行数480万元，结余20万元`): what follows is no part.
            let moved_on = |whole: &Fact| {
                let first = group
                    .iter()
                    .filter(|(_, m)| in_range(m))
                    .map(|(_, m)| m.span.0)
                    .min();
                group
                    .iter()
                    .filter(|(_, m)| {
                        in_range(m)
                            && whole.role.is_some()
                            && Some(m.span.0) != first
                            && m.scope == jixiao_model::Scope::Report
                            && m.role != whole.role
                            && matches!(
                                m.role,
                                Some(
                                    FactRole::Initial
                                        | FactRole::Adjusted
                                        | FactRole::Available
                                        | FactRole::Executed
                                )
                            )
                    })
                    .map(|(_, m)| m.span.0)
                    .min()
            };
            let parts_of = |whole: &Fact| -> Vec<usize> {
                let end = moved_on(whole);
                group
                    .iter()
                    .filter(|(_, m)| end.is_none_or(|end| m.span.0 < end))
                    .filter(|(_, m)| in_range(m) && m.unit.measures_like(whole.unit))
                    .filter(|(_, m)| measures_alike(m, whole))
                    // A standard per head (`人均培训成本400元`) is no part.
                    .filter(|(_, m)| !is_per_unit(&m.label))
                    // A change's parts are changes (`财政拨款收入950万元，比上年
                    // 增加90万元`: the 90 is a part of the 增加, the 950 not).
                    .filter(|(_, m)| match whole.kind {
                        FactKind::Level => m.kind == FactKind::Level,
                        FactKind::Change => m.kind == FactKind::Change || is_delta_label(&m.label),
                        _ => true,
                    })
                    .filter(|(_, m)| !adjusts(whole) || adjusts(m))
                    // A 年初 budget has no 追加 among its parts (the 全年 one has).
                    .filter(|(_, m)| whole.role != Some(FactRole::Initial) || !adjusts(m))
                    .map(|(i, _)| *i)
                    .collect()
            };
            let listed: Vec<&Fact> = group
                .iter()
                .filter(|(_, m)| in_range(m) && m.money().is_some())
                .map(|(_, m)| *m)
                .collect();
            // Parts that name every member of a complete split: their whole is
            // the nearest amount before them naming it, in this sentence or an
            // earlier one of the paragraph (`本年支出合计…。年末结转结余…。其中，
            // 基本支出…，项目支出…，经营支出…`), and they are its sum.
            // Counts only where they name a split the domain defines
            // (`单位共21个。其中:行政单位1个,事业单位20个`): other counts after 其中
            // may overlap (people counted under two headings).
            let counted: Vec<&Fact> = group
                .iter()
                .filter(|(_, m)| in_range(m) && matches!(m.unit, FactUnit::Count(_)))
                .map(|(_, m)| *m)
                .collect();
            // The level a sentence opens on by name (`本年支出中，基本支出…，项目
            // 支出…` of `其中本年支出合计…`) is the whole of the split its parts
            // name, though its own label lists it under another.
            let named_partition = named_whole.and_then(|(at, w)| {
                let labels = member_names(&listed);
                let zero: Vec<bool> = listed.iter().map(|m| m.number.value.is_zero()).collect();
                let label = jixiao_model::facts::without_qizhong(&w.label);
                partition_of(label, &labels, &zero)?;
                let kind = match all_of(label, &labels, &zero) {
                    true => ListKind::Partition,
                    false => ListKind::Parts,
                };
                Some((at, w, kind, Vec::new()))
            });
            // Counts listed clause after clause (`…其中行政人员13人、事业人员68人；
            // 离退休人员47人，其中离休1人、退休46人`): where those in range name no
            // split, the list may end at its clause's `；`, the next clause
            // stating the next list's whole.
            let clause_end = sentence[key..]
                .find(['；', ';'])
                .map(|i| key_abs + i)
                .filter(|_| counted.iter().any(|m| m.span.0 > key_abs));
            let mut cut_at_the_clause = None;
            let partition = named_partition
                .or_else(|| partition_whole(para, key_abs, &listed, nearest.map(|(_, w)| w)))
                .or_else(|| {
                    partition_whole(para, key_abs, &counted, None)
                        .or_else(|| {
                            let end = clause_end?;
                            let clause: Vec<&Fact> =
                                counted.iter().copied().filter(|m| m.span.0 < end).collect();
                            (clause.len() < counted.len()).then_some(())?;
                            cut_at_the_clause = Some(end);
                            partition_whole(para, key_abs, &clause, None)
                        })
                        .filter(|(_, w, ..)| matches!(w.unit, FactUnit::Count(_)))
                });
            if partition.is_none() {
                cut_at_the_clause = None;
            }
            let named_split = partition.is_some();
            if !named_split {
                let by_measure = split_by_measure(&context, key_abs, &group, &in_range);
                if !by_measure.is_empty() {
                    out.extend(by_measure);
                    continue;
                }
            }
            // `全年预算数892.50万元，全年执行数880.10万元，执行率98.61%，其中：中央
            // 补助680.00万元…`: parts that name no measure, after a budget and then
            // what was spent of it, may be of either.
            let budgets_before = |w: &Fact| -> Vec<usize> {
                if listed_measure.is_some()
                    || measure(&w.label).map(|(m, _)| m) != Some(Measure::Spent)
                {
                    return Vec::new();
                }
                context
                    .iter()
                    .filter(|(_, s)| {
                        s.paragraph == w.paragraph
                            && s.sentence_start == w.sentence_start
                            && s.span.1 <= w.span.0
                            && s.unit == w.unit
                            && s.kind == FactKind::Level
                            && measure(&s.label).is_some_and(|(m, _)| m == Measure::Planned)
                    })
                    .map(|(i, _)| *i)
                    .collect()
            };
            let Some((whole_at, whole, kind, alternatives)) =
                partition.or(nearest.map(|(at, w)| (at, w, ListKind::Parts, budgets_before(w))))
            else {
                continue;
            };
            // Points only for a total score: `综合得分92.5分，其中项目决策18分…`
            // lists the groups' scores (never its deductions).
            // (A group's deduction right after its score, `得分17.5分，扣2.5分`,
            // tells how it was scored: the list is of the scores all the same.)
            let listed: Vec<&Fact> = group
                .iter()
                .filter(|(_, m)| in_range(m))
                .map(|(_, m)| *m)
                .collect();
            let total_score = states_a_total_score(whole)
                && (0..listed.len()).all(|k| {
                    !listed[k].label.contains('扣') || deducted_from_the_score(&listed, k)
                });
            // A group's score (`项目决策得分17.5分，其中项目立项得5分，…`) lists its
            // indicators' scores, each said obtained (a bare figure may be
            // marks); only an excess over it is sure, a list may name some.
            let group_score = whole.unit == FactUnit::Points
                && whole.kind == FactKind::Level
                && !total_score
                && obtained_score(whole)
                && !listed.iter().any(|m| m.label.contains('扣'));
            let mut parts = parts_of(whole);
            // `2022年支出1,231.07万元，其中基本支出…，项目支出…，结余结转37.38万元`:
            // what is left, listed under what was spent, is besides it — or the
            // 支出 is the 支出总计 that takes it in; the list holds either way.
            let besides: Vec<usize> = parts
                .iter()
                .copied()
                .filter(|&i| fact_at(para, i).is_some_and(|m| left_besides_spending(whole, m)))
                .collect();
            parts.retain(|i| !besides.contains(i));
            if let Some(end) = cut_at_the_clause {
                parts.retain(|&i| fact_at(para, i).is_some_and(|m| m.span.0 < end));
            }
            if total_score {
                parts.retain(|&i| fact_at(para, i).is_some_and(|m| !m.label.contains('扣')));
            }
            // (`项目立项5分，得5分；…`: each indicator's marks, then its score.)
            if group_score {
                parts.retain(|&i| fact_at(para, i).is_some_and(obtained_score));
            }
            // Clauses each stating as many amounts, two or more, that no measure
            // told apart (`货物类采购预算…，采购金额…；工程类…`): figures side by
            // side, of no one whole together.
            let mut per_clause: Vec<(usize, usize)> = Vec::new();
            for &i in &parts {
                let Some(m) = fact_at(para, i) else { continue };
                match per_clause.last_mut() {
                    Some((start, n)) if *start == m.sentence_start => *n += 1,
                    _ => per_clause.push((m.sentence_start, 1)),
                }
            }
            if per_clause.len() >= 2
                && per_clause[0].1 >= 2
                && per_clause.iter().all(|(_, n)| *n == per_clause[0].1)
            {
                continue;
            }
            // Running totals (`一季度累计支出200万元，二季度累计支出500万元`, `截至
            // 6月底…`) each hold the one before: no parts to add up.
            let running = parts
                .iter()
                .filter(|&&i| is_running_total(facts_label(para, i)))
                .count();
            if running >= 2 {
                continue;
            }
            // `其中公益性岗位120个，其他岗位230个`: a count's last part naming the
            // rest (其他, 其余) makes the parts all of their whole. (Money is
            // not so closed: `收入总计…，其中财政拨款…，其他收入…` leaves out the
            // balance carried in, no income of the year.)
            let closed_by_the_rest = matches!(whole.unit, FactUnit::Count(_))
                && parts.len() >= 2
                && parts
                    .last()
                    .is_some_and(|&i| fact_at(para, i).is_some_and(is_the_rest));
            // `本项目预算900万元，分…3个子项目实施，预算分别为…`: a count of as
            // many things as the list has parts, between the whole and a
            // 分别 key, makes the parts all of their whole. (Not after 其中:
            // `资金500万元，覆盖3个乡镇，其中：…` may keep some for the county.)
            let counted_as_many = parts.len() >= 2
                && (batches_counted(&sentence[key..]) == Some(parts.len())
                    || sentence[key..].starts_with("分别")
                        && group.iter().any(|(_, m)| {
                            matches!(m.unit, FactUnit::Count("个" | "项"))
                                && m.kind == FactKind::Level
                                && m.span.0 >= whole.span.1
                                && m.span.1 <= key_abs
                                && m.number.value == Decimal::from(parts.len())
                        }));
            // Changes of two directions (`财政拨款收入增加120万元，其他收入减少
            // 20万元`) make their whole's change by their difference: no sum.
            if whole.kind == FactKind::Change || is_delta_label(&whole.label) {
                let ways: Vec<bool> = std::iter::once(whole.label.as_str())
                    .chain(parts.iter().map(|&i| facts_label(para, i)))
                    .filter_map(direction)
                    .collect();
                if ways.iter().any(|&w| w != ways[0]) {
                    continue;
                }
            }
            let kinds = kinds_of_the_whole(whole, &parts, para);
            let joined = members_joined_in_the_whole(whole, &parts, para);
            if !matches!(whole.unit, FactUnit::Money(_))
                && !total_score
                && !group_score
                && !named_split
                && !closed_by_the_rest
                && !kinds
                && !joined
            {
                continue;
            }
            // The groups' full marks, where each listed part states its own.
            let mut marks: Vec<Option<usize>> = Vec::new();
            if total_score {
                // `项目决策18分（满分20分）`: a group's full marks beside its score
                // are no part of the total score.
                parts.retain(|&i| {
                    let label = facts_label(para, i);
                    !FULL_MARKS_WORDS.iter().any(|w| label.contains(w))
                });
                marks = parts.iter().map(|&i| marks_beside(para, i)).collect();
                // `产出指标50分（得分47分）`: each group's full marks, its score in a
                // bracket right after them.
                let bracketed: Option<Vec<usize>> = parts
                    .iter()
                    .map(|&i| score_in_a_bracket_after(para, i))
                    .collect();
                if let Some(scores) = bracketed.filter(|s| !s.is_empty()) {
                    marks = parts.iter().map(|&i| Some(i)).collect();
                    parts = scores;
                }
                // `决策20分得18分，过程20分得19分`: each group's full marks, then
                // what it obtained; the total score is the sum of what was obtained.
                let obtained: Vec<usize> = parts
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let label = facts_label(para, i);
                        OBTAINED_WORDS.iter().any(|w| label.ends_with(w))
                    })
                    .collect();
                if !obtained.is_empty() && obtained.len() < parts.len() {
                    marks = parts
                        .iter()
                        .filter(|i| !obtained.contains(i))
                        .map(|&i| Some(i))
                        .collect();
                    parts = obtained;
                }
            }
            // The framework's four groups, each once, are all of the total
            // score; so are groups, whatever a framework calls them, whose
            // full marks add up to the whole 100 (`投入管理18.5分（满分20分），
            // 过程管理23分（满分25分）…`). Not with points added beside the
            // groups (`含加分2分`).
            let labels: Vec<&str> = parts.iter().map(|&i| facts_label(para, i)).collect();
            let all_groups = all_of(&whole.label, &labels, &vec![false; labels.len()])
                || (marks.len() == parts.len()
                    && marks
                        .iter()
                        .map(|m| Some(fact_at(para, (*m)?)?.number.value))
                        .sum::<Option<Decimal>>()
                        == Some(Decimal::ONE_HUNDRED));
            let bonus = whole.sentence.contains("加分")
                || parts
                    .iter()
                    .any(|&i| fact_at(para, i).is_some_and(|m| m.sentence.contains("加分")));
            let kind = if total_score && all_groups && !bonus {
                ListKind::Partition
            } else {
                kind
            };
            let kind = match kind {
                ListKind::Parts if closed_by_the_rest || counted_as_many || joined => {
                    ListKind::Partition
                }
                ListKind::Parts if kinds && !matches!(whole.unit, FactUnit::Money(_)) => {
                    ListKind::Kinds
                }
                kind => kind,
            };
            // Amounts printed one after another with nothing between
            // (`378.17万元 302.54万元 288.50万元`) are a table's row flattened
            // onto a line, its columns, not a list of parts.
            let a_row_of_cells = parts
                .iter()
                .filter_map(|&i| fact_at(para, i))
                .any(right_after_an_amount);
            if parts.len() >= 2 && units_agree(whole, &parts, para) && !a_row_of_cells {
                // (Where every group states its full marks, they go with it.)
                let full_marks = match marks.iter().copied().collect::<Option<Vec<usize>>>() {
                    Some(marks) if total_score && !bonus && marks.len() == parts.len() => marks,
                    _ => Vec::new(),
                };
                out.push(PartsList {
                    whole: whole_at,
                    parts,
                    kind,
                    alternatives,
                    besides,
                    full_marks,
                });
            }
        }
    }
    out
}

/// `全年新建和改造供水工程142处，其中新建集中供水工程38处，改造104处`: a whole
/// whose label joins the words its parts open on (2 to 4 parts, with 和, 及,
/// 与 or 、) names its members, so the parts are all of it. Money, or counts
/// of things: people may be counted under two headings (`培训和就业人数`).
fn members_joined_in_the_whole(whole: &Fact, parts: &[usize], para: &[(usize, &Fact)]) -> bool {
    let Some(facts) = parts
        .iter()
        .map(|&i| fact_at(para, i))
        .collect::<Option<Vec<&Fact>>>()
    else {
        return false;
    };
    let of_people =
        matches!(whole.unit, FactUnit::Count(u) if ["人", "人次", "户", "名", "户次"].contains(&u));
    if !(2..=4).contains(&facts.len())
        || of_people
        || whole.kind != FactKind::Level
        || facts
            .iter()
            .any(|m| m.unit != whole.unit || m.kind != FactKind::Level)
    {
        return false;
    }
    let bare = jixiao_model::facts::without_qizhong;
    let words: Vec<String> = facts
        .iter()
        .map(|m| {
            bare(&m.label)
                .trim_start_matches(|c: char| "，,：:、；; ".contains(c))
                .chars()
                .take(2)
                .collect()
        })
        .collect();
    if words
        .iter()
        .any(|w| w.chars().count() < 2 || !w.chars().all(jixiao_model::is_han))
    {
        return false;
    }
    let object = bare(&whole.label);
    let Some((last, rest)) = words.split_last() else {
        return false;
    };
    ["和", "及", "与", "、"].iter().any(|conn| {
        let head = rest.join("、");
        object.contains(&format!("{head}{conn}{last}"))
    })
}

/// Counts after 其中 that name kinds of what the whole counts in its words:
/// each part's label ends on the words the whole's label ends on (three or
/// more characters: `C级危房改造`, `D级危房改造` of `完成农村危房改造`), the
/// kind told apart before them, all in the whole's unit. (A bare category,
/// `项目`, `指标`, `人员`, is no such words: `新建项目`, `完工项目` overlap, and
/// `产出指标`, `效益指标` leave groups out.)
fn kinds_of_the_whole(whole: &Fact, parts: &[usize], para: &[(usize, &Fact)]) -> bool {
    let labels: Option<Vec<&Fact>> = parts.iter().map(|&i| fact_at(para, i)).collect();
    let Some(facts) = labels else {
        return false;
    };
    let bare = jixiao_model::facts::without_qizhong;
    let object = bare(&whole.label);
    let labels: Vec<&str> = facts.iter().map(|m| bare(&m.label)).collect();
    facts.len() >= 2
        && matches!(whole.unit, FactUnit::Count(_))
        && whole.kind == FactKind::Level
        && !whole.approximate
        && facts
            .iter()
            .all(|m| m.unit == whole.unit && m.kind == FactKind::Level && !m.approximate)
        && (labels.iter().all(|label| {
            let shared = jixiao_model::facts::common_suffix(label, object);
            // (Or kinds by class, `产业发展类项目`, `基础设施类项目` of `项目86个`:
            // a classification, each thing in one class.)
            let by_class =
                shared >= 2 && label.chars().rev().nth(shared).is_some_and(|c| c == '类');
            (shared >= 3 || by_class) && label.chars().count() > shared
        }) || grades_of_one_scale(&labels)
            || kinds_of_one_word(&labels, object))
}

/// The first of `labels` and how many characters at their end they all share.
fn shared_tail<'l>(labels: &[&'l str]) -> Option<(&'l str, usize)> {
    let (first, rest) = labels.split_first()?;
    let tail = rest
        .iter()
        .map(|l| jixiao_model::facts::common_suffix(first, l))
        .min()
        .unwrap_or(0);
    Some((first, tail))
}

/// Parts whose labels end on one word of two or more characters, the kind
/// told apart before it, the whole naming what that word's last character
/// names (`共有车辆12辆，其中：执法执勤用车8辆，特种专业技术用车4辆`: kinds of
/// 用车 among 车辆). Not a bare category (`新建项目`, `完工项目` overlap), nor
/// a word the whole names itself (`编制人数`' `行政编制`, `事业编制`: a split the
/// vocabulary defines, or none).
fn kinds_of_one_word(labels: &[&str], object: &str) -> bool {
    const BARE_CATEGORIES: &[&str] = &["项目", "指标", "人员", "人数", "单位", "资金"];
    let Some((first, shared)) = shared_tail(labels) else {
        return false;
    };
    let word: String = first.chars().skip(first.chars().count() - shared).collect();
    let Some(thing) = word.chars().last() else {
        return false;
    };
    shared >= 2
        && labels.iter().all(|l| l.chars().count() > shared)
        && !BARE_CATEGORIES.iter().any(|c| word.ends_with(c))
        && !object.contains(word.as_str())
        && object.contains(thing)
}

/// Labels naming grades of one scale, the thing graded left to the whole
/// (`其中国家级4处，省级6处，市级4处`; `一等助学金412人、二等助学金826人`): a
/// short head each, then one tail opening on the scale's word (级, 等, 类, 型,
/// 档, 星), or a head each naming a level of government (`县道`, `乡道`,
/// `村道`). Each thing has one grade.
fn grades_of_one_scale(labels: &[&str]) -> bool {
    let Some((first, tail)) = shared_tail(labels) else {
        return false;
    };
    let Some(scale) = first.chars().rev().nth(tail.saturating_sub(1)) else {
        return false;
    };
    let mut heads: Vec<String> = labels
        .iter()
        .map(|l| l.chars().take(l.chars().count() - tail).collect())
        .collect();
    let distinct = {
        heads.sort();
        heads.windows(2).all(|w| w[0] != w[1])
    };
    // (A kind named by a longer head, `经营管理型`, `专业生产型`, is one of a
    // classification too.)
    let longest = if ['类', '型'].contains(&scale) {
        4
    } else {
        3
    };
    // (Heads naming levels of government are a scale whatever the tail:
    // `县道…、乡道…、村道…`, `省级…、市级…`.)
    let levels_of_government = heads
        .iter()
        .all(|h| h.chars().count() == 1 && "国省市县区乡镇村".contains(h.as_str()));
    tail >= 1
        && (['级', '等', '类', '型', '档', '星'].contains(&scale) || levels_of_government)
        && distinct
        && heads
            .iter()
            .all(|h| (1..=longest).contains(&h.chars().count()) && !h.contains("其中"))
}

/// Words before a score saying it is what was obtained (`得分17.5分`).
const OBTAINED_WORDS: &[&str] = &["得", "得分", "获得", "实得"];

/// A total score stated (`综合得分92.5分`, `总得分…`).
fn states_a_total_score(m: &Fact) -> bool {
    m.unit == FactUnit::Points
        && m.kind == FactKind::Level
        && TOTAL_SCORE_LABELS.iter().any(|w| m.label.ends_with(w))
}

/// A score said obtained (`得分17.5分`, `项目立项得5分`), not full marks.
fn obtained_score(m: &Fact) -> bool {
    m.unit == FactUnit::Points && OBTAINED_WORDS.iter().any(|w| m.label.trim().ends_with(w))
}

/// `满分20分，得分17.5分，扣2.5分`: fact `k` of `listed` is a group's deduction
/// told right after its score, how the score was reached, no score of a list.
fn deducted_from_the_score(listed: &[&Fact], k: usize) -> bool {
    let Some(before) = k.checked_sub(1).and_then(|b| listed.get(b)) else {
        return false;
    };
    matches!(
        listed[k].label.trim_matches(['，', ',', '；', ' ']),
        "扣" | "扣除" | "扣分"
    ) && before.sentence_start == listed[k].sentence_start
        && OBTAINED_WORDS
            .iter()
            .any(|w| before.label.trim().ends_with(w))
        && !before.label.contains('扣')
}

/// The full marks stated right beside group score `i` (`产出28分（满分30分）`,
/// `产出（满分30分）得28分`): only brackets, a comma and the words saying which
/// is which between them.
fn marks_beside(para: &[(usize, &Fact)], i: usize) -> Option<usize> {
    let k = para.iter().position(|(j, _)| *j == i)?;
    let part = para[k].1;
    let marks = |m: &&Fact| {
        m.unit == FactUnit::Points
            && m.sentence_start == part.sentence_start
            && m.role == Some(FactRole::FullMarks)
    };
    let after = para.get(k + 1).filter(|(_, m)| {
        marks(m)
            && part
                .words_to(m)
                .is_some_and(|w| matches!(w, "满分" | "满分为" | "权重" | "分值"))
    });
    // `投入管理20分，得分19分`: a score named by 得分 alone has the group's
    // points before it for its full marks.
    let named_by_the_marks = matches!(
        part.label.trim_start_matches(['，', ',', '；', ';', ' ']),
        "得分" | "得分为" | "得" | "实得" | "获得"
    );
    let the_groups_points = |m: &&Fact| {
        m.unit == FactUnit::Points
            && m.sentence_start == part.sentence_start
            && !["得", "扣", "加分"].iter().any(|w| m.label.contains(w))
    };
    let before = k.checked_sub(1).and_then(|b| para.get(b)).filter(|(_, m)| {
        (marks(m) || (named_by_the_marks && the_groups_points(m)))
            && m.words_to(part)
                .is_some_and(|w| matches!(w, "得" | "得分" | "得分为" | "实得" | "获得"))
    });
    after.or(before).map(|(j, _)| *j)
}

/// The score stated in a bracket right after group part `i`'s full marks
/// (`产出指标50分（得分47分）`).
fn score_in_a_bracket_after(para: &[(usize, &Fact)], i: usize) -> Option<usize> {
    let k = para.iter().position(|(j, _)| *j == i)?;
    let part = para[k].1;
    let &(j, next) = para.get(k + 1)?;
    let depth = |m: &Fact| {
        let at = m.span.0.checked_sub(m.sentence_start)?;
        Some(bracket_depth(&m.sentence, at))
    };
    (next.unit == FactUnit::Points
        && next.sentence_start == part.sentence_start
        && part
            .words_to(next)
            .is_some_and(|w| matches!(w, "得分" | "得分为" | "得" | "实得" | "自评得分"))
        && depth(next)? > depth(part)?)
    .then_some(j)
}

/// Whether a figure follows another with only white space between (its
/// label empty): cells of a row, not a clause of prose.
fn right_after_an_amount(m: &Fact) -> bool {
    m.sentence
        .get(..m.span.0.saturating_sub(m.sentence_start))
        .map(str::trim_end)
        .is_some_and(|head| head.ends_with(|c: char| c.is_ascii_digit() || c == '%' || c == '元'))
}

/// Whether a figure is a cell of a table's row flattened into a line: another
/// figure right before or right after it, with only white space between
/// (`支出合计 8831.70万元 7310.01万元`). Which column it was under is unsure,
/// so its label names no role of it.
pub(crate) fn a_cell_of_a_flattened_row(m: &Fact) -> bool {
    // (A paragraph's lines may be joined with their spaces dropped:
    // `8831.70万元7310.01万元`.)
    let next_is_a_figure = m
        .sentence
        .get(m.span.1.saturating_sub(m.sentence_start)..)
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    next_is_a_figure || right_after_an_amount(m)
}

/// A part named as all the others (`其他岗位230个`, `其余80户`), its clause
/// ending on it: after it nothing of the whole is left out. (Not `其他人员150
/// 人次参加线上学习`: some of the others.)
fn is_the_rest(m: &Fact) -> bool {
    let own = m
        .label
        .trim_start_matches(['，', ',', '、', '；', ';', '：', ':', ' ']);
    let after = m
        .sentence
        .get(m.span.1.saturating_sub(m.sentence_start)..)
        .unwrap_or("");
    ["其他", "其余"].iter().any(|w| own.starts_with(w))
        && after
            .trim_start_matches('等')
            .chars()
            .next()
            .is_none_or(|c| "，,；;。.）)".contains(c))
}

/// Which way a label's change goes: up (增加, 增长 …), down (减少, 下降 …), or
/// `None` where it says neither or both.
fn direction(label: &str) -> Option<bool> {
    let up = ["增加", "增长", "上升", "提高", "增"]
        .iter()
        .any(|w| label.contains(w));
    let down = ["减少", "下降", "降低", "减", "降"]
        .iter()
        .any(|w| label.contains(w));
    match (up, down) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// A figure so far (`一季度累计支出`, `截至6月底支出`): a running total, which
/// holds the one before it.
fn is_running_total(label: &str) -> bool {
    ["累计", "截至", "截止"].iter().any(|w| label.contains(w))
}

/// A standard per head or unit (`人均`, `每亩`, `单价`): no whole or part of a list.
fn is_per_unit(label: &str) -> bool {
    ["均", "每", "单价"].iter().any(|w| label.contains(w))
}

/// Parts printed in another unit of money than their whole (`1.2亿元，其中
/// 8000万元…`) are its parts only where they come near it in yuan: within a
/// factor of two, as a mistyped figure would, not ten thousand times off.
fn units_agree(whole: &Fact, parts: &[usize], para: &[(usize, &Fact)]) -> bool {
    let facts: Vec<&Fact> = parts.iter().filter_map(|&i| fact_at(para, i)).collect();
    if facts.iter().all(|m| m.unit == whole.unit) {
        return true;
    }
    let (Some(w), Some(sum)) = (
        whole.yuan,
        facts.iter().map(|m| m.yuan).sum::<Option<Decimal>>(),
    ) else {
        return false;
    };
    let two = Decimal::from(2);
    w * two >= sum && w <= sum * two
}

/// `收入总计1516.64万元，与上年相比减少58.49万元，降低3.71%。其中：A…，B…`: a key
/// opening its sentence lists the parts of the sentence before (in `para`,
/// which may hold the paragraph before), when that sentence states one level
/// (two would leave it unsure which is the whole). Parts that all name one
/// measure (`其中产业发展类项目拨付…`) are of a level of that measure: after a
/// sentence stating only a remainder (`剩余247.20万元未拨付`), of the one level
/// the sentence before it states, where that names their measure. Of a
/// sentence's several levels, uses are of the one of the measure their key
/// implies (what was `用于` was spent).
fn opened_after_its_whole<'f>(
    para: &[(usize, &'f Fact)],
    group: &[(usize, &'f Fact)],
    (key_abs, listed_unit): (usize, Option<FactUnit>),
    listed_deltas: bool,
    (listed_measure, implied): (Option<Measure>, Option<Measure>),
    earlier: &[PartsList],
) -> Option<(usize, &'f Fact)> {
    // Amounts, or counts where the list counts (`实际培训620人。其中经营管理型
    // 210人，…`): whether they add up is the caller's to say by their kinds.
    // (Or scores, where the list scores: `得分17.5分。其中项目立项5分，得5分；…`.)
    let counts = match listed_unit {
        Some(u @ (FactUnit::Count(_) | FactUnit::Points)) => Some(u),
        _ => None,
    };
    let of_the_unit = |m: &Fact| match counts {
        Some(u) => m.unit == u,
        None => m.money().is_some(),
    };
    // Levels only: changes listed among them (`购置费15万元，比上年减少10万元`)
    // leave unsure what they are parts of.
    // (A count before the key, `资金分配到8个乡镇，其中：…`, is no amount of its own.)
    if listed_deltas
        || group
            .iter()
            .any(|(_, m)| m.span.1 <= key_abs && of_the_unit(m))
    {
        return None;
    }
    let key_at = (group.first()?.1.paragraph, key_abs);
    let listed: Vec<&Fact> = group
        .iter()
        .filter(|(_, m)| m.span.0 >= key_abs && of_the_unit(m))
        .map(|(_, m)| *m)
        .collect();
    let funds_by_source = listed.len() >= 2
        && listed
            .iter()
            .all(|m| crate::budget::names_fund_source(m.label.trim()));
    let measures = |m: &Fact, k: Measure| measure(&m.label).is_some_and(|(w, _)| w == k);
    // The last fact ending by `before` (paragraph, byte), and the amounts of
    // its sentence up to there.
    let amounts_before = |before: (usize, usize)| {
        let &(_, last) = para
            .iter()
            .rfind(|(_, m)| (m.paragraph, m.span.1) <= before)?;
        let amounts: Vec<&(usize, &Fact)> = para
            .iter()
            .filter(|(_, m)| {
                (m.paragraph, m.sentence_start) == (last.paragraph, last.sentence_start)
                    && (m.paragraph, m.span.1) <= before
                    && of_the_unit(m)
            })
            .collect();
        Some((last, amounts))
    };
    // The sentence's one level; of several, the one of the key's measure.
    let the_one_level = |before: (usize, usize)| {
        let (last, amounts) = amounts_before(before)?;
        let levels: Vec<&(usize, &Fact)> = amounts
            .into_iter()
            // (A standard per unit, `亩均投资1,550元`, is no whole.)
            .filter(|(_, m)| m.kind == FactKind::Level && !is_per_unit(&m.label))
            .collect();
        // Last year's level beside this year's (`…支出15.03万元，上年为7.09万元`)
        // is no whole of this year's parts.
        let this_year: Vec<&(usize, &Fact)> = levels
            .iter()
            .copied()
            .filter(|(_, m)| {
                !["上年", "去年", "上一年"]
                    .iter()
                    .any(|w| m.label.contains(w))
            })
            .collect();
        let levels = match this_year.as_slice() {
            [_] => this_year,
            _ => levels,
        };
        // The parts its own 其中 lists (`总投资6,840万元，其中财政衔接资金…，整合
        // 其他涉农资金…`) are no whole of another list of the same whole.
        let after_its_key = |m: &Fact| {
            let at = m.span.0.saturating_sub(m.sentence_start);
            m.sentence
                .get(..at)
                .is_some_and(|head| KEYS.iter().any(|k| head.contains(k)))
        };
        // (Nor those of a list running on past `；` from its key: `其中中央资金
        // …；省级资金…；县级资金245万元。` leaves 245 no whole of the next list.)
        if !levels.is_empty() && levels.iter().all(|(_, m)| runs_on_from_a_key(para, m)) {
            return None;
        }
        let outside: Vec<&(usize, &Fact)> = levels
            .iter()
            .copied()
            .filter(|(_, m)| !after_its_key(m))
            .collect();
        let levels = if outside.is_empty() { levels } else { outside };
        // Parts an earlier list adds up to another of these levels (`…共计
        // 3,268.80万元，市级配套资金1,089.60万元，合计4,358.40万元。其中：…`) are
        // no whole of this list: their total is.
        let adding_up: Vec<&(usize, &Fact)> = levels
            .iter()
            .copied()
            .filter(|(i, _)| {
                !earlier
                    .iter()
                    .any(|l| l.parts.contains(i) && levels.iter().any(|(j, _)| *j == l.whole))
            })
            .collect();
        let levels = if adding_up.is_empty() {
            levels
        } else {
            adding_up
        };
        // Of several, the one the sentence says totals them (`…，共计1,500万元`).
        let mut totals = levels.iter().filter(|(_, m)| names_a_total(m));
        let the_total = totals
            .next()
            .filter(|_| totals.next().is_none())
            .map(|w| **w);
        let whole = match levels.as_slice() {
            [one] => Some(**one),
            _ if implied.is_none() && the_total.is_some() => the_total,
            // Several of one value (`全年预算865.40万元，支出865.40万元`): whichever
            // is meant, the parts add up to it.
            [first, rest @ ..]
                if rest.iter().all(|(_, m)| {
                    (m.number.value, m.unit) == (first.1.number.value, first.1.unit)
                }) =>
            {
                levels.last().map(|w| **w)
            }
            several => match implied.or(listed_measure) {
                Some(k) => {
                    let mut of_it = several.iter().filter(|(_, m)| measures(m, k));
                    of_it.next().filter(|_| of_it.next().is_none()).map(|w| **w)
                }
                // Funds by source naming no measure (`其中：中央资金…、省级资金…`)
                // after a sentence of the budget, what was spent and more: of
                // the budget, the one amount carrying its role.
                // (Else the funds received: `到位资金…，已支付…`.)
                // Counts of what was planned and what was done (`计划培训600人，
                // 实际培训620人`): the kinds are of what was done.
                // Scores each said obtained after a group's marks and its
                // score (`项目决策（20分），得分17.5分。其中项目立项5分，得5分；…`):
                // of the one score obtained.
                None if listed
                    .iter()
                    .any(|m| m.unit == FactUnit::Points && obtained_score(m)) =>
                {
                    let mut scores = several.iter().filter(|(_, m)| obtained_score(m));
                    scores
                        .next()
                        .filter(|_| scores.next().is_none())
                        .map(|w| **w)
                }
                None if counts.is_some() => {
                    let mut done = several.iter().filter(|(_, m)| {
                        !measures(m, Measure::Planned) && !m.label.contains("目标")
                    });
                    done.next().filter(|_| done.next().is_none()).map(|w| **w)
                }
                // Parts naming no measure after a budget and then what was
                // spent of it (`项目预算420万元，实际支出411.36万元。其中户厕改造
                // 补助…`): of the spending, the budget kept as the list's
                // alternative, as within one sentence (what is left aside).
                // (Members of a split the domain defines find their whole as
                // such: `partition_whole`.)
                None if listed_measure.is_none()
                    && !funds_by_source
                    && budget_then_spending(several)
                    && partition_whole(para, key_abs, &listed, None).is_none() =>
                {
                    several
                        .iter()
                        .rfind(|(_, m)| measures(m, Measure::Spent))
                        .map(|w| **w)
                }
                None if listed_measure.is_none() && funds_by_source => {
                    [FactRole::Adjusted, FactRole::Available]
                        .iter()
                        .find_map(|role| {
                            let mut budgets = several.iter().filter(|(_, m)| m.role == Some(*role));
                            budgets.next().filter(|_| budgets.next().is_none())
                        })
                        .map(|w| **w)
                }
                None => None,
            },
        };
        whole.map(|w| (w, last))
    };
    // `按资金来源分，中央资金…。按学段分，学前教育…`: a sentence that is all a
    // list's parts, before a key opening its own, lists the same whole's parts
    // another way.
    let of_the_same_whole = amounts_before(key_at).and_then(|(_, amounts)| {
        let mut lists = amounts.iter().map(|(i, _)| {
            earlier
                .iter()
                .find(|l| l.kind != ListKind::Total && l.parts.contains(i))
                .map(|l| l.whole)
        });
        let first = lists.next()??;
        lists.all(|w| w == Some(first)).then_some(first)
    });
    if let Some(w) = of_the_same_whole {
        if let Some(&whole) = para.iter().find(|(i, _)| *i == w) {
            return Some(whole);
        }
    }
    // (A sentence with no amount before its key, `资金分配到8个乡镇，其中：…`,
    // lists the parts of the sentence before it.)
    let (whole, last) = the_one_level(key_at).or_else(|| {
        let (last, amounts) = amounts_before(key_at)?;
        amounts
            .is_empty()
            .then(|| the_one_level((last.paragraph, last.sentence_start)))
            .flatten()
    })?;
    match listed_measure {
        Some(k) if !measures(whole.1, k) => {
            let (before, _) = the_one_level((last.paragraph, last.sentence_start))?;
            measures(before.1, k).then_some(before)
        }
        // What is left is no whole of parts that are not left over:
        // `项目结余资金277.24万元。按资金来源分，中央财政…` splits the funds.
        None if names_a_remainder(&whole.1.label)
            && !listed.iter().all(|p| names_a_remainder(&p.label)) =>
        {
            None
        }
        _ => Some(whole),
    }
}

/// Levels that are a budget and then what was spent of it, one each, beside
/// what is left (`预算…，实际支出…，结余…`).
fn budget_then_spending(levels: &[&(usize, &Fact)]) -> bool {
    let measured: Vec<Option<Measure>> = levels
        .iter()
        .filter(|(_, m)| !names_a_remainder(&m.label))
        .map(|(_, m)| measure(&m.label).map(|(k, _)| k))
        .collect();
    matches!(
        measured.as_slice(),
        [Some(Measure::Planned), Some(Measure::Spent)]
    )
}

/// Whether a level's label names `name`, as it ends or before the word that
/// totals it (`本年收入中，…` of `其中本年收入合计3,105.20万元`). What is left
/// is named as such: `结余资金` is not what `资金` names.
fn names_it(label: &str, name: &str) -> bool {
    let ends_named = |l: &str| l.ends_with(name);
    (names_a_remainder(label) <= names_a_remainder(name))
        && (ends_named(label)
            || ["合计", "总计", "总额", "共计"]
                .iter()
                .any(|t| label.strip_suffix(t).is_some_and(ends_named)))
}

/// Whether `m`'s sentence goes on a list a key opened in an earlier sentence
/// of its paragraph, each between ending on `；` (`其中中央资金…；省级资金…；
/// 县级资金…。`).
fn runs_on_from_a_key(para: &[(usize, &Fact)], m: &Fact) -> bool {
    let mut sentences: Vec<&Fact> = para
        .iter()
        .map(|(_, f)| *f)
        .filter(|f| f.paragraph == m.paragraph && f.sentence_start < m.sentence_start)
        .collect();
    sentences.dedup_by_key(|f| f.sentence_start);
    sentences
        .iter()
        .rev()
        .take_while(|f| f.sentence.trim_end().ends_with(['；', ';']))
        .any(|f| KEYS.iter().any(|k| f.sentence.contains(k)))
}

/// `项目支出主要用于：`, `该资金具体包括：`: the name of money the words right
/// before the key at byte `key` give, its clause's words but for the ones that
/// only qualify (`主要`, `具体`, `该`).
fn name_before_key(sentence: &str, key: usize) -> Option<&str> {
    let head = sentence.get(..key)?;
    let clause = head
        .rsplit(['，', ',', '：', ':', '；', ';', '。', '）', ')'])
        .next()
        .unwrap_or(head)
        .trim();
    let mut name = clause;
    loop {
        let before = name;
        for qualifier in [
            "主要", "具体", "重点", "全部", "分别", "均", "实际", "已", "的",
        ] {
            name = name.strip_suffix(qualifier).unwrap_or(name);
        }
        for pointer in ["上述", "以上", "该", "本", "此", "其"] {
            name = name.strip_prefix(pointer).unwrap_or(name);
        }
        if name == before {
            break;
        }
    }
    // (A thing money is: `共完成：`, `资金分配如下：` name none.)
    let names_money = ["支出", "经费", "资金", "收入", "拨款", "投资", "费"]
        .iter()
        .any(|w| name.ends_with(w));
    (names_money && name.chars().count() >= 2 && name.chars().all(jixiao_model::is_han))
        .then_some(name)
}

/// Whether `part` names what is left and `whole` what was spent (and not
/// what is left, nor the 支出总计 that takes it in): a part the whole may
/// leave out ([`PartsList::besides`]).
/// (Not what was spent of what was carried over: `上年结转资金支出`.)
fn left_besides_spending(whole: &Fact, part: &Fact) -> bool {
    let spent = |label: &str| measure(label).is_some_and(|(k, _)| k == Measure::Spent);
    names_a_remainder(&part.label)
        && !spent(&part.label)
        && !names_a_remainder(&whole.label)
        && !whole.label.contains("总计")
        && spent(&whole.label)
}

/// `结余资金`, `节约资金`, `剩余`: what is left of an amount, or saved on it.
fn names_a_remainder(label: &str) -> bool {
    ["结余", "节余", "节约", "节省", "剩余", "结转"]
        .iter()
        .any(|w| label.contains(w))
}

/// `资金`, `项目资金`, `专项经费`: money named at large, not as one amount
/// of several (`项目支出`, `公用经费`).
fn names_money_at_large(name: &str) -> bool {
    let bare = ["项目", "专项", "补助", "财政", "上级"]
        .iter()
        .fold(name, |n, w| n.strip_prefix(w).unwrap_or(n));
    matches!(bare, "资金" | "经费")
}

/// `本年收入中，财政拨款收入…`: where a sentence opens on a name and its 中
/// before a comma, the byte at the 中 and the name (not `其中`, nor a name
/// with a figure in it).
fn opening_name(sentence: &str) -> Option<(usize, &str)> {
    let head_end = sentence.find(['，', ','])?;
    let head = sentence[..head_end].trim_end();
    let name = head.strip_suffix('中')?.trim_start();
    let words = name.chars().count();
    ((2..=8).contains(&words)
        && !name.ends_with("其")
        && !name.contains(|c: char| c.is_ascii_digit() || "，,：:（(".contains(c)))
    .then(|| (head.len() - '中'.len_utf8(), name))
}

/// `全年预算数9200万元，全年执行数9016万元。其中：基本支出全年预算6800万元，执行
/// 6750万元；项目支出全年预算2400万元，执行2266万元`: parts listed two measures at a
/// time (what was planned, what was spent) are two lists, each of the level
/// before the key (in `para`, which may hold the paragraph before) that
/// measures the same — the one whose label ends as the parts' do where
/// several do. Parts naming every member of the split by
/// nature (基本支出, 项目支出, and a 决算's 经营支出) are all of it.
fn split_by_measure(
    para: &[(usize, &Fact)],
    key_abs: usize,
    group: &[(usize, &Fact)],
    in_range: &dyn Fn(&Fact) -> bool,
) -> Vec<PartsList> {
    let mut named: Vec<(usize, &Fact, Option<Measure>)> = group
        .iter()
        .filter(|(_, m)| in_range(m) && m.money().is_some() && m.kind == FactKind::Level)
        .map(|&(i, m)| (i, m, measure(&m.label).map(|(x, _)| x)))
        .collect();
    // `河道保洁经费85万元，支出85万元；水质监测经费40万元，支出38.62万元`: pairs
    // naming their measure only on the second are of the other measure the
    // sentence before states first (its 预算安排 beside its 实际支出).
    let pairs_named_second = named.len() >= 4
        && named.len() % 2 == 0
        && named
            .chunks(2)
            .all(|c| c[0].2.is_none() && c[1].2.is_some() && c[1].2 == named[1].2);
    if pairs_named_second {
        let sentence_before =
            levels_in_the_sentence_before(para, (named[0].1.paragraph, key_abs), in_range, &|w| {
                w.money().is_some()
            });
        let mut other: Vec<Measure> = sentence_before
            .iter()
            .filter_map(|(_, w)| measure(&w.label).map(|(x, _)| x))
            .filter(|x| Some(*x) != named[1].2)
            .collect();
        other.sort_by_key(|m| *m as u8);
        other.dedup();
        if let [other] = other.as_slice() {
            for c in named.chunks_mut(2) {
                c[0].2 = Some(*other);
            }
        }
    }
    let listed: Vec<(usize, &Fact, Measure)> = named
        .into_iter()
        .filter_map(|(i, m, x)| Some((i, m, x?)))
        .collect();
    let mut measures: Vec<Measure> = listed.iter().map(|(.., m)| *m).collect();
    measures.sort_by_key(|m| *m as u8);
    measures.dedup();
    if measures.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for m in measures {
        let parts: Vec<&(usize, &Fact, Measure)> =
            listed.iter().filter(|(.., x)| *x == m).collect();
        if parts.len() < 2 {
            return Vec::new();
        }
        // Candidates: the levels of this measure in the nearest sentence before
        // the key that has any, in the parts' unit.
        let candidates =
            levels_in_the_sentence_before(para, (parts[0].1.paragraph, key_abs), in_range, &|w| {
                w.unit == parts[0].1.unit && measure(&w.label).is_some_and(|(x, _)| x == m)
            });
        if candidates.is_empty() {
            return Vec::new();
        }
        // The parts' own measure words (`全年预算` of `基本支出全年预算`).
        let ending: String = {
            let (a, b) = (
                without_categories(&parts[0].1.label),
                without_categories(&parts[1].1.label),
            );
            let n = common_suffix(&a, &b);
            a.chars().skip(a.chars().count() - n).collect()
        };
        let whole = match candidates.as_slice() {
            [one] => **one,
            several => match several
                .iter()
                .filter(|(_, w)| ending.chars().count() >= 2 && w.label.contains(&ending))
                .collect::<Vec<_>>()
                .as_slice()
            {
                [one] => ***one,
                _ => return Vec::new(),
            },
        };
        let labels: Vec<&str> = parts.iter().map(|(_, f, _)| f.label.as_str()).collect();
        let zero = vec![false; labels.len()];
        out.push(PartsList::new(
            whole.0,
            parts.iter().map(|(i, ..)| *i).collect(),
            all_of("支出", &labels, &zero),
        ));
    }
    out
}

/// The levels `keep` takes, stated before a key (at `(paragraph, byte)`) and
/// out of its range, in the nearest sentence that states any.
fn levels_in_the_sentence_before<'p, 'f>(
    para: &'p [(usize, &'f Fact)],
    key: (usize, usize),
    in_range: &dyn Fn(&Fact) -> bool,
    keep: &dyn Fn(&Fact) -> bool,
) -> Vec<&'p (usize, &'f Fact)> {
    let before: Vec<&(usize, &Fact)> = para
        .iter()
        .filter(|(_, w)| {
            (w.paragraph, w.span.1) <= key && w.kind == FactKind::Level && !in_range(w) && keep(w)
        })
        .collect();
    let Some(last) = before.last().map(|(_, w)| (w.paragraph, w.sentence_start)) else {
        return Vec::new();
    };
    before
        .into_iter()
        .filter(|(_, w)| (w.paragraph, w.sentence_start) == last)
        .collect()
}

/// What an amount measures of the funds: what was planned, what was
/// received, what was spent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Measure {
    Planned,
    Received,
    Spent,
}

/// A label without the categories of funds it names (`基本支出全年预算` →
/// `全年预算`), whose words would read as measures.
fn without_categories(label: &str) -> String {
    const CATEGORIES: &[&str] = &[
        "基本支出",
        "项目支出",
        "经营支出",
        "其他支出",
        "人员支出",
        "公用支出",
        "预算内",
        "预算单位",
    ];
    let mut l = jixiao_model::facts::without_budget_books(label);
    for c in CATEGORIES {
        l = l.replace(c, "");
    }
    l
}

/// The measure a label names, and the word: its last measure word, once the
/// categories that hold such words are set aside (`基本支出` is a category of a
/// budget as much as of spending; `支出预算` is planned). A part whose word its
/// whole names too (`采购货物支出` of a `政府采购支出预算`) is of a category.
fn measure(label: &str) -> Option<(Measure, &'static str)> {
    const WORDS: &[(&str, Measure)] = &[
        ("预算", Measure::Planned),
        ("计划", Measure::Planned),
        ("安排", Measure::Planned),
        ("批复", Measure::Planned),
        ("总投资", Measure::Planned),
        ("下达", Measure::Received),
        ("到位", Measure::Received),
        ("收到", Measure::Received),
        ("支出", Measure::Spent),
        ("执行", Measure::Spent),
        ("使用", Measure::Spent),
        ("支付", Measure::Spent),
        ("拨付", Measure::Spent),
        ("决算", Measure::Spent),
        // `实际采购`, `实际完成`: what was actually done, spent (a later word,
        // `实际到位`, says otherwise).
        ("实际", Measure::Spent),
    ];
    let l = without_categories(label);
    WORDS
        .iter()
        .filter_map(|(w, m)| l.rfind(w).map(|at| (at, (*m, *w))))
        .max_by_key(|(at, _)| *at)
        .map(|(_, m)| m)
}

/// A label that tells how far something has got (`截至目前已完成投资`,
/// `累计完成`), of the whole, not one of its parts.
fn tells_progress(label: &str) -> bool {
    ["截至", "截止", "目前", "累计", "已"]
        .iter()
        .any(|w| label.trim_start().starts_with(w))
}

/// A label of funds planned or made available (`全年预算`, `项目资金`,
/// `下达资金`), not of what was spent.
fn names_funds(label: &str) -> bool {
    ["预算", "计划", "安排", "下达", "到位", "资金"]
        .iter()
        .any(|w| label.contains(w))
        && !label.contains("支出")
}

/// A label that names spending alone, of no category (`支出`, `实际支出`,
/// `执行数`), unlike `基本支出` or `项目支出` (categories of a budget too).
fn is_bare_spending(label: &str) -> bool {
    let bare = label
        .trim_start_matches(|c: char| "，,；;、 ".contains(c))
        .trim_start_matches("全年")
        .trim_start_matches("本年")
        .trim_start_matches("累计")
        .trim_start_matches("实际")
        .trim_start_matches('已');
    matches!(
        bare,
        "支出" | "支出数" | "执行数" | "决算数" | "拨付" | "使用" | "支付" | "完成支出"
    )
}

/// Each key's reach in its sentence, as byte offsets (start, end), and whether
/// it stands in brackets: a bracketed key reaches to its closing bracket, any
/// other to the next key outside brackets or the sentence's end.
fn key_spans(sentence: &str, keys: &[usize]) -> Vec<(usize, usize, bool)> {
    let depth_at = |at: usize| bracket_depth(sentence, at);
    keys.iter()
        .enumerate()
        .map(|(k, &key)| {
            let depth = depth_at(key);
            let end = if depth > 0 {
                let mut d = depth;
                sentence
                    .get(key..)
                    .unwrap_or("")
                    .char_indices()
                    .find(|(_, c)| {
                        match c {
                            '（' | '(' => d += 1,
                            '）' | ')' => d -= 1,
                            _ => {}
                        }
                        d < depth
                    })
                    .map_or(sentence.len(), |(i, _)| key + i)
            } else {
                keys[k + 1..]
                    .iter()
                    .copied()
                    .find(|&next| depth_at(next) == 0)
                    .unwrap_or(sentence.len())
            };
            (key, end, depth > 0)
        })
        .collect()
}

/// The words naming each of `listed` (parts in document order) as a member of
/// a split the domain defines: its sentence's words since the part before it
/// where they name a member its label does not, and every one it does
/// (`；公务用车保有量8辆，购置及运行维护费9.52万元`: the vehicles' clause names what
/// the 购置及运行维护费 is of), else its label.
fn member_names<'f>(listed: &[&'f Fact]) -> Vec<&'f str> {
    let names_more = |words: &str, label: &str| {
        PARTITIONS.iter().all(|p| {
            let of_label = p.member_of(label);
            of_label.is_none() || p.member_of(words) == of_label
        }) && PARTITIONS
            .iter()
            .any(|p| p.member_of(label).is_none() && p.member_of(words).is_some())
    };
    listed
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let from = k
                .checked_sub(1)
                .map(|j| listed[j])
                .filter(|p| p.sentence_start == m.sentence_start)
                .map_or(0, |p| p.span.1.saturating_sub(m.sentence_start));
            let to = m.span.0.saturating_sub(m.sentence_start);
            match m.sentence.get(from..to) {
                Some(words) if names_more(words, &m.label) => words,
                _ => m.label.as_str(),
            }
        })
        .collect()
}

/// The clauses between a list's key (at byte `key_abs`) and its first part
/// that say there is none of a member of a split the domain defines
/// (`因公出国（境）费用没有`, `无因公出国（境）费`, `…为零`).
fn absent_members(first: &Fact, key_abs: usize) -> Vec<&str> {
    let (Some(from), Some(to)) = (
        key_abs.checked_sub(first.sentence_start),
        first.span.0.checked_sub(first.sentence_start),
    ) else {
        return Vec::new();
    };
    let Some(between) = first.sentence.get(from..to) else {
        return Vec::new();
    };
    between
        .split(['，', '；', '：', ',', ';', ':'])
        .map(str::trim)
        .filter(|c| c.ends_with("没有") || c.ends_with("为零") || c.starts_with('无'))
        .filter(|c| PARTITIONS.iter().any(|p| p.member_of(c).is_some()))
        .collect()
}

/// The whole of a split the domain defines that `listed` (the amounts after a
/// key at `key_abs`) name every member of: `nearest` (the amount right before
/// the key) where it names the split's whole, else the nearest earlier amount
/// of the paragraph that does, in the same unit and of the same kind as the
/// parts; with the list's kind: all of the whole only when no optional member
/// is missing.
fn partition_whole<'f>(
    para: &[(usize, &'f Fact)],
    key_abs: usize,
    listed: &[&Fact],
    nearest: Option<&'f Fact>,
) -> Option<(usize, &'f Fact, ListKind, Vec<usize>)> {
    // (A zero is none in any unit of money: `因公出国（境）费用0元` among 万元.)
    let none_of_money = |m: &Fact| m.number.value.is_zero() && m.money().is_some();
    let first = *listed
        .iter()
        .find(|m| !none_of_money(m))
        .or(listed.first())?;
    if listed
        .iter()
        .any(|m| m.unit != first.unit && !(none_of_money(m) && first.money().is_some()))
    {
        return None;
    }
    // (Each part's change on last year beside it (`公务接待支出124万元，比上年
    // 下降24万元；…`) is none of the levels' members.)
    let listed: Vec<&Fact> = listed
        .iter()
        .filter(|m| m.kind == first.kind)
        .copied()
        .collect();
    let listed = listed.as_slice();
    let mut labels = member_names(listed);
    let mut zero: Vec<bool> = listed.iter().map(|m| m.number.value.is_zero()).collect();
    // A member the list says there is none of (`其中，因公出国（境）费用没有；…`) is
    // named, at zero.
    let absent = absent_members(first, key_abs);
    zero.extend(absent.iter().map(|_| true));
    labels.extend(absent);
    // A count names what it counts after its measure word too (`对全县32个项目
    // 开展评价`): its noun, up to the clause's end.
    let with_its_noun = |w: &Fact| -> String {
        let noun: String = match w.unit {
            FactUnit::Count(_) => w
                .after
                .chars()
                .take_while(|c| !crate::mentions::is_clause_break(*c))
                .take(6)
                .collect(),
            _ => String::new(),
        };
        // (A whole listed as a part itself, `其中在职人员1,042人`, names its own split.)
        format!("{}{noun}", jixiao_model::facts::without_qizhong(&w.label))
    };
    // Members' remainders (`基本支出结余10万元，项目支出结余30万元`) split a
    // remainder, not the spending they are named by.
    let of_remainders = listed.iter().all(|m| names_a_remainder(&m.label));
    let names_whole = |w: &Fact| {
        w.unit == first.unit
            && w.kind == first.kind
            && (!of_remainders || names_a_remainder(&w.label))
            && partition_of(&with_its_noun(w), &labels, &zero).is_some()
    };
    // `“三公”经费支出预算为20.00万元，支出决算为15.60万元。其中：…支出决算…`:
    // an amount whose clause names only what it measures is of its
    // sentence's subject; it is the whole where it measures what the parts do.
    let parts_measure = listed
        .iter()
        .map(|m| measure(&m.label).map(|(k, _)| k))
        .reduce(|a, b| if a == b { a } else { None })
        .flatten();
    let of_the_subject = |w: &Fact| {
        w.unit == first.unit
            && w.kind == first.kind
            && parts_measure.is_some()
            && measure(&w.label).map(|(k, _)| k) == parts_measure
            && w.label.chars().count() <= 6
            && para.iter().any(|(_, s)| {
                s.sentence_start == w.sentence_start && s.span.1 <= w.span.0 && names_whole(s)
            })
    };
    if let Some(w) = nearest {
        if !names_whole(w)
            && !of_the_subject(w)
            && PARTITIONS
                .iter()
                .any(|p| !p.splits_anything() && p.is_whole(&w.label))
        {
            // The amount before the key names another split's whole: its list.
            return None;
        }
    }
    let &(at, whole) = para
        .iter()
        .filter(|(_, m)| m.span.1 <= key_abs)
        .rev()
        .find(|(_, m)| names_whole(m) || of_the_subject(m))?;
    // `“三公”经费预算12.00万元，实际支出9.86万元。其中公务接待费…`: parts that name
    // no measure, after a sentence that states the whole as two (its budget,
    // then what was spent of it), may be of either.
    let alternatives: Vec<usize> = match parts_measure.is_none() && !of_the_subject(whole) {
        false => Vec::new(),
        true => para
            .iter()
            .filter(|(_, s)| {
                s.sentence_start == whole.sentence_start
                    && s.span.0 > whole.span.1
                    && s.span.1 <= key_abs
                    && s.unit == whole.unit
                    && s.kind == FactKind::Level
                    && measure(&s.label)
                        .is_some_and(|(m, _)| measure(&whole.label).is_none_or(|(w, _)| w != m))
            })
            .map(|(i, _)| *i)
            .collect(),
    };
    // Of the subject, it is all of it as the subject is.
    let subject_label = para
        .iter()
        .find(|(_, s)| {
            of_the_subject(whole) && s.sentence_start == whole.sentence_start && names_whole(s)
        })
        .map_or(whole.label.as_str(), |(_, s)| s.label.as_str());
    let kind = if all_of(subject_label, &labels, &zero) {
        ListKind::Partition
    } else {
        ListKind::Parts
    };
    Some((at, whole, kind, alternatives))
}

/// A label that names a difference: `基本支出增加`, `项目支出减少`.
pub(crate) fn is_delta_label(label: &str) -> bool {
    ["增加", "减少", "增长", "下降", "降低", "上升"]
        .iter()
        .any(|w| label.ends_with(w))
}

/// The words right before a figure: its label may drop a connective there
/// (`资产总计2,568.34万元` is labelled `资产`).
fn words_before(m: &Fact) -> String {
    let before = m
        .sentence
        .get(..m.span.0.saturating_sub(m.sentence_start))
        .unwrap_or("");
    let tail: Vec<char> = before.chars().rev().take(6).collect();
    tail.into_iter().rev().collect()
}

/// The words stating a figure as a total.
const TOTAL_WORDS: &[&str] = &["共计", "合计", "总计"];

/// Whether a figure is stated as a total (共计, 合计, 总计), in its label or
/// right before it.
fn names_a_total(m: &Fact) -> bool {
    let tail = words_before(m);
    TOTAL_WORDS
        .iter()
        .any(|t| tail.contains(t) || m.label.contains(t))
}

/// `上年度资金结余2.20万元，本年度财政收入114.42万元，本年度项目可用资金数共计116.62万元`:
/// a 共计/合计/总计 after a run of amounts in the same sentence totals them
/// (counts too: `年初 5 个，年中新增 3 个，共 8 个`; scores: `得分分别为18分、19分，
/// 合计37分`, with no full marks or deductions among them). No 其中 may come before it
/// (then the amounts are parts of something else).
fn listed_totals(para: &[(usize, &Fact)]) -> Vec<PartsList> {
    let mut out = Vec::new();
    for (k, &(whole_at, whole)) in para.iter().enumerate() {
        let counted = matches!(whole.unit, FactUnit::Count(_));
        let points = whole.unit == FactUnit::Points;
        if (!counted && !points && whole.money().is_none()) || whole.kind != FactKind::Level {
            continue;
        }
        let before = whole
            .sentence
            .get(..whole.span.0.saturating_sub(whole.sentence_start))
            .unwrap_or("");
        let tail = words_before(whole);
        // `2021年、2022年、2023年分别安排专项资金500万元、600万元、700万元，三年累计
        // 安排1,800万元`: a running total after the years' amounts stated 分别,
        // and nothing else, is their sum.
        let years_so_far = || {
            let run: Vec<&Fact> = para[..k]
                .iter()
                .filter(|(_, m)| m.sentence_start == whole.sentence_start)
                .map(|(_, m)| *m)
                .collect();
            let verb = whole
                .label
                .rsplit_once("累计")
                .map_or("", |(_, v)| v.trim());
            run.len() >= 2
                && run.iter().all(|m| {
                    m.label == run[0].label
                        && m.unit == whole.unit
                        && m.kind == FactKind::Level
                        && m.label.contains("分别")
                })
                && verb.chars().count() >= 2
                && run[0].label.contains(verb)
        };
        // (A sum of money named so after its amounts: `上级下达补助资金1,280万元，
        // 县级统筹安排320万元，项目资金总额1,600万元`.)
        let sum_named = whole.money().is_some()
            && whole
                .label
                .trim_end_matches(['为', '是', ' '])
                .ends_with("总额");
        let says_total = names_a_total(whole)
            || sum_named
            || (counted && (tail.trim_end().ends_with('共') || counts_all_of(&whole.label)))
            || (whole.label.contains("累计") && years_so_far())
            // (Deductions: `…效益指标扣0.5分，共扣5分`.)
            || (points && ["共扣", "合计扣", "累计扣"].iter().any(|w| whole.label.contains(w)));
        // (A key opening the sentence's amounts, `项目支出主要包括：A…，B…，合计…`,
        // opens the list the 合计 totals.)
        let opens_the_amounts = |key: &str| {
            before.find(key).is_some_and(|at| {
                para[..k].iter().all(|(_, m)| {
                    m.sentence_start != whole.sentence_start
                        || m.span.0 >= whole.sentence_start + at
                })
            })
        };
        if !says_total
            || ["增加", "减少", "较"].iter().any(|w| before.contains(w))
            || ["其中", "包括"]
                .iter()
                .any(|w| before.contains(w) && !opens_the_amounts(w))
        {
            continue;
        }
        let mut parts: Vec<(usize, &Fact)> = para[..k]
            .iter()
            // (People counted in each period make a 合计 of 人次: `春季学期补助
            // 1,046人，秋季学期补助1,078人，合计2,124人次`.)
            .filter(|(_, m)| {
                m.sentence_start == whole.sentence_start
                    && (m.unit == whole.unit
                        || (m.unit == FactUnit::Count("人")
                            && whole.unit == FactUnit::Count("人次")))
            })
            .copied()
            .collect();
        // A budget and what was spent of it (`培训费预算20万元，实际支出18.62万元，
        // 会议费和培训费合计支出22.97万元`) are no two parts of one total: of a
        // total naming what it measures, those measuring that.
        // (Funds allotted from above beside funds arranged here, `上级下达…，县级
        // 统筹安排…，项目资金总额…`, are both what there was to spend.)
        let mixed = |parts: &[(usize, &Fact)]| {
            let spent: Vec<bool> = parts
                .iter()
                .filter_map(|(_, p)| measure(&p.label))
                .map(|(m, _)| m == Measure::Spent)
                .collect();
            spent.contains(&true) && spent.contains(&false)
        };
        if whole.money().is_some() && mixed(&parts) {
            match measure(&whole.label) {
                Some((m, _)) => {
                    parts.retain(|(_, p)| measure(&p.label).is_some_and(|(w, _)| w == m))
                }
                None => continue,
            }
        }
        if let [(_, own)] = parts.as_slice() {
            let earlier = parallel_clauses(&para[..k], whole.sentence_start, own);
            parts.splice(0..0, earlier.unwrap_or_default());
        }
        // A total said between the amounts and this one (`… 合计 100 97.32 …
        // 权重分合计20分`, a table flattened into the sentence) closed their list.
        let closed_before = parts.last().is_some_and(|(_, last)| {
            let between = whole
                .sentence
                .get(
                    last.span.1.saturating_sub(whole.sentence_start)
                        ..whole.span.0.saturating_sub(whole.sentence_start),
                )
                .unwrap_or("");
            // (Up to the whole's own clause, whose words may say 共计.)
            let before_its_clause = between
                .char_indices()
                .rev()
                .find(|(_, c)| crate::mentions::is_clause_break(*c))
                .map_or("", |(at, _)| &between[..at]);
            TOTAL_WORDS.iter().any(|t| before_its_clause.contains(t))
        });
        if closed_before
            || parts.iter().any(|(_, p)| p.kind != FactKind::Level)
            // Running totals each hold the one before.
            || parts.iter().filter(|(_, p)| is_running_total(&p.label)).count() >= 2
            // A standard per unit (`每个乡镇建设1个`) is no part of a total.
            || parts.iter().any(|(_, p)| is_per_unit(&p.label))
            || parts.len() < 2
            || parts.len() > 6
            // (`资产总计…，负债合计…，净资产合计…`: totals of their own. The
            // first may say 共计 of its own funds' amount: `省级财政下达…资金
            // 共计3,268.80万元，市级配套资金1,089.60万元，合计4,358.40万元`.)
            || parts.iter().enumerate().any(|(i, (_, p))| {
                names_a_total(p) && (i > 0 || TOTAL_WORDS.iter().any(|t| p.label.contains(t)))
            })
            // A budget and what was spent of it (`培训费预算20万元，实际支出18.62万元，
            // 会议费和培训费合计支出22.97万元`) are no two parts of one total.
            || (whole.money().is_some() && mixed(&parts))
            // Scores only: no full marks or deductions among them (deductions
            // only, where the total is of them: `决策指标扣1分，…，共扣5分`).
            || (points
                && parts.iter().any(|(_, p)| {
                    p.label.contains('扣') != whole.label.contains('扣')
                        || FULL_MARKS_WORDS.iter().any(|w| p.label.contains(w))
                }))
        {
            continue;
        }
        out.push(PartsList {
            whole: whole_at,
            parts: parts.iter().map(|(i, _)| *i).collect(),
            kind: ListKind::Total,
            alternatives: Vec::new(),
            besides: Vec::new(),
            full_marks: Vec::new(),
        });
    }
    out
}

/// `上级补助收入6,120万元，上年结转412万元，调入资金180万元，收入总计9,980万元`
/// after `一般公共预算收入完成3,268万元` a paragraph before: a total whose
/// amounts fall short of it by exactly one amount stated before them takes that
/// amount in too.
fn totals_taking_in_an_earlier_amount(facts: &[Fact], lists: &mut [PartsList]) {
    for list in lists.iter_mut().filter(|l| l.kind == ListKind::Total) {
        let Some(whole) = facts.get(list.whole).filter(|w| w.money().is_some()) else {
            continue;
        };
        let Some(&first) = list.parts.iter().min() else {
            continue;
        };
        let parts: Vec<&Fact> = list.parts.iter().filter_map(|&i| facts.get(i)).collect();
        if parts.len() != list.parts.len() || parts.iter().any(|p| p.unit != whole.unit) {
            continue;
        }
        let sum: Decimal = parts.iter().map(|p| p.number.value).sum();
        let Some(gap) = whole
            .number
            .value
            .checked_sub(sum)
            .filter(|g| *g > Decimal::ZERO)
        else {
            continue;
        };
        let earlier = facts.get(..first).and_then(|before| {
            before.iter().rposition(|m| {
                m.unit == whole.unit
                    && m.kind == FactKind::Level
                    && m.number.value == gap
                    && !names_a_total(m)
            })
        });
        if let Some(i) = earlier {
            list.parts.insert(0, i);
        }
    }
}

/// A count's label saying it counts them all: `共` ending it, or `共` before
/// the counting's own few words (`全年共实施项目`), not a word of its own
/// (`公共文化设施`, `共享`).
fn counts_all_of(label: &str) -> bool {
    const WORDS: &[&str] = &["公共", "共同", "共享", "共建", "共有产权", "共青团", "中共"];
    let Some((head, after)) = label.rsplit_once('共') else {
        return false;
    };
    let within_a_word = WORDS.iter().any(|w| {
        w.split_once('共')
            .is_some_and(|(a, b)| head.ends_with(a) && after.starts_with(b))
    });
    !within_a_word && after.chars().count() <= 6 && !after.contains(['，', ',', '、'])
}

/// `城市低保金186.24万元；农村低保金401.76万元，合计588万元`: the clauses before a
/// total's own, back to the last full stop, each naming one amount like its
/// own clause's (`…低保金`; of several, the one measuring what its own does:
/// `会议费预算6.00万元，实际支出4.35万元；`). None where one names another kind of
/// amount or several: the total's parts would be unsure.
fn parallel_clauses<'f>(
    before: &[(usize, &'f Fact)],
    sentence_start: usize,
    own: &Fact,
) -> Option<Vec<(usize, &'f Fact)>> {
    let mut out = Vec::new();
    let mut start = sentence_start;
    let own_measure = measure(&own.label).map(|(k, _)| k);
    loop {
        let Some(&(_, last)) = before.iter().rev().find(|(_, m)| m.sentence_start < start) else {
            break;
        };
        if !last.sentence.trim_end().ends_with(['；', ';']) {
            break;
        }
        start = last.sentence_start;
        let mut clause: Vec<(usize, &Fact)> = before
            .iter()
            .filter(|(_, m)| m.sentence_start == start && m.unit == own.unit)
            .copied()
            .collect();
        // (A clause's budget beside what was spent of it, `会议费预算6.00万元，
        // 实际支出4.35万元；`: the one measuring what the total's own part does.)
        if clause.len() > 1 && own_measure.is_some() {
            clause.retain(|(_, m)| measure(&m.label).map(|(k, _)| k) == own_measure);
        }
        match clause.as_slice() {
            [] => continue,
            [(_, m)] if common_suffix(&m.label, &own.label) >= 2 => out.insert(0, clause[0]),
            _ => return None,
        }
    }
    Some(out)
}

/// `决策部分得分 19 分，过程部分得分 19.99 分，…，总体评价得分 97.32 分`: the
/// group scores a sentence lists before the total score are its parts, all of
/// them (each group of the system is scored once), so the total is their sum.
fn listed_score_totals(para: &[(usize, &Fact)]) -> Vec<PartsList> {
    let mut out = Vec::new();
    let is_group_score = |m: &Fact| {
        m.unit == FactUnit::Points
            && m.kind == FactKind::Level
            && m.label.ends_with("得分")
            && m.label.contains("部分")
            && !["满分", "扣", "权重", "分值"]
                .iter()
                .any(|w| m.label.contains(w))
    };
    for (whole_at, whole, before) in total_scores_after_points(para) {
        if whole.label.contains("部分") {
            continue;
        }
        // Every points figure before it in the sentence is a group's score.
        if before.len() < 2 || !before.iter().all(|(_, m)| is_group_score(m)) {
            continue;
        }
        out.push(PartsList {
            whole: whole_at,
            parts: before.iter().map(|(i, _)| *i).collect(),
            kind: ListKind::Total,
            alternatives: Vec::new(),
            besides: Vec::new(),
            full_marks: Vec::new(),
        });
    }
    out
}

/// `项目决策满分20分，得分18分；项目过程满分20分，得分19分；…，综合得分92分`: the
/// scores a sentence gives each group of the framework (its parts running on
/// past `；`), each with or without its full marks, before the total score —
/// or after it (`绩效评价得分为82.35分。各项指标得分情况如下：决策指标满分15分，
/// 得分12.50分；…`): when they are every group of the framework, each once,
/// the total is their sum. A deduction among them, or a figure that is no
/// score, leaves it alone.
fn group_scores_around_their_total(
    para: &[(usize, &Fact)],
    next: &[(usize, &Fact)],
) -> Vec<PartsList> {
    let mut out = Vec::new();
    let full_marks = |m: &Fact| FULL_MARKS_WORDS.iter().any(|w| m.label.contains(w));
    for (k, &(whole_at, whole)) in para.iter().enumerate() {
        // `…，合计得分82.35分`: a bare total after the groups is theirs.
        let bare_total = ["合计得分", "共计得分", "总计得分"].contains(&whole.label.trim());
        if whole.unit != FactUnit::Points
            || whole.kind != FactKind::Level
            || !(bare_total || TOTAL_SCORE_LABELS.iter().any(|w| whole.label.ends_with(w)))
            || full_marks(whole)
        {
            continue;
        }
        // Back through the sentence, and the sentences before it that end in
        // `；`; a total in a sentence of its own (`…。总得分96.3分。`) takes the
        // sentence before it.
        let opens_its_sentence = para[..k]
            .last()
            .is_none_or(|(_, m)| m.sentence_start != whole.sentence_start);
        let mut start = whole.sentence_start;
        let mut before: Vec<(usize, &Fact)> = Vec::new();
        for &(i, m) in para[..k].iter().rev() {
            let runs_on = m.sentence.trim_end().ends_with(['；', ';']);
            let first_before = before.is_empty() && opens_its_sentence;
            if m.sentence_start != start && !(runs_on && m.sentence_start < start) && !first_before
            {
                break;
            }
            start = m.sentence_start;
            before.push((i, m));
        }
        before.reverse();
        // On through the rest of its sentence and the next, and the sentences
        // that one runs on into past `；`; a group's 得分率 between is passed.
        // (The next may open the next paragraph: `…综合得分为88.40分。` ending
        // one, `各一级指标得分情况如下：…` the next.)
        let mut after: Vec<(usize, &Fact)> = Vec::new();
        let mut sentences = 0;
        for &(i, m) in para[k + 1..].iter().chain(next) {
            let last = after.last().map_or(whole, |(_, l)| *l);
            if (m.paragraph, m.sentence_start) != (last.paragraph, last.sentence_start) {
                sentences += 1;
                if sentences > 1 && !last.sentence.trim_end().ends_with(['；', ';']) {
                    break;
                }
            }
            match m.unit {
                FactUnit::Points => after.push((i, m)),
                FactUnit::Percent => {}
                _ => break,
            }
        }
        if bare_total {
            after.clear();
        }
        let both: Vec<(usize, &Fact)> = para.iter().chain(next).copied().collect();
        for window in [before, after] {
            if let Some(parts) = framework_group_scores(&window, whole) {
                // Figures making the full 100 under a total short of it are the
                // groups' full marks (`采用百分制，其中决策指标20分，过程指标20分，
                // …`), not their scores.
                let sum: rust_decimal::Decimal = parts
                    .iter()
                    .filter_map(|&p| fact_at(para, p).or_else(|| fact_at(next, p)))
                    .map(|m| m.number.value)
                    .sum();
                if sum == rust_decimal::Decimal::ONE_HUNDRED
                    && whole.number.value != rust_decimal::Decimal::ONE_HUNDRED
                {
                    continue;
                }
                // (Where every group states its full marks, they go with it.)
                let full_marks = parts
                    .iter()
                    .map(|&p| marks_beside(&both, p))
                    .collect::<Option<Vec<usize>>>()
                    .filter(|_| !whole.sentence.contains("加分"))
                    .unwrap_or_default();
                out.push(PartsList {
                    whole: whole_at,
                    parts,
                    kind: ListKind::Total,
                    alternatives: Vec::new(),
                    besides: Vec::new(),
                    full_marks,
                });
            }
        }
    }
    out
}

/// `该项目综合得分87.6分…具体得分情况如下：` and then `（一）项目决策（20分），得分
/// 17.5分。其中…`, `（二）项目过程（20分），得分17分。…` …: a total score whose
/// paragraph is followed by numbered paragraphs each opening on a group of
/// the framework with its score (its full marks perhaps beside it). The
/// groups' scores in those opening sentences are the total's parts, where
/// they name every group of the framework.
fn group_paragraphs_after_their_total(
    para: &[(usize, &Fact)],
    facts: &[Fact],
    from: usize,
) -> Vec<PartsList> {
    let Some(&(whole_at, whole)) = para.iter().rev().find(|(_, m)| {
        states_a_total_score(m) && !FULL_MARKS_WORDS.iter().any(|w| m.label.contains(w))
    }) else {
        return Vec::new();
    };
    // The points of each following paragraph's opening sentence, while the
    // paragraphs are numbered, adjacent and open on points.
    let mut window: Vec<(usize, &Fact)> = Vec::new();
    let mut paragraph = whole.paragraph;
    let mut i = from;
    for _ in 0..FRAMEWORK_GROUPS_AT_MOST {
        let Some(first) = facts.get(i).filter(|f| f.paragraph == paragraph + 1) else {
            break;
        };
        if !jixiao_model::doc::starts_with_enumerator(&first.sentence) {
            break;
        }
        let opening: Vec<(usize, &Fact)> = (i..facts.len())
            .take_while(|&j| {
                facts[j].paragraph == first.paragraph
                    && facts[j].sentence_start == first.sentence_start
            })
            .map(|j| (j, &facts[j]))
            .collect();
        if opening.is_empty() || opening.iter().any(|(_, m)| m.unit != FactUnit::Points) {
            break;
        }
        window.extend(&opening);
        paragraph = first.paragraph;
        i = (i..facts.len())
            .find(|&j| facts[j].paragraph != paragraph)
            .unwrap_or(facts.len());
    }
    let Some(parts) = framework_group_scores(&window, whole) else {
        return Vec::new();
    };
    let full_marks = parts
        .iter()
        .map(|&p| marks_beside(&window, p))
        .collect::<Option<Vec<usize>>>()
        .unwrap_or_default();
    vec![PartsList {
        whole: whole_at,
        parts,
        kind: ListKind::Total,
        alternatives: Vec::new(),
        besides: Vec::new(),
        full_marks,
    }]
}

/// Paragraphs of the framework's groups looked for after a total, at most
/// (four groups, and room for a form's own).
const FRAMEWORK_GROUPS_AT_MOST: usize = 6;

/// Each total score (`综合得分`, `总得分` …) with the facts before it in its
/// sentence: where a sentence lists what the total is made of.
fn total_scores_after_points<'f>(
    para: &[(usize, &'f Fact)],
) -> Vec<(usize, &'f Fact, Vec<(usize, &'f Fact)>)> {
    para.iter()
        .enumerate()
        .filter(|(_, (_, whole))| states_a_total_score(whole))
        .map(|(k, &(whole_at, whole))| {
            let before = para[..k]
                .iter()
                .filter(|(_, m)| m.sentence_start == whole.sentence_start)
                .copied()
                .collect();
            (whole_at, whole, before)
        })
        .collect()
}

/// `四类指标权重分别为15分、25分、35分、25分，得分分别为13.5分、22分、32.8分、
/// 21.5分，综合得分89.8分`: a list of scores after as many full marks that make
/// up the hundred are every group's, so the total score after them is their
/// sum, whether or not the groups are named.
fn scores_beside_their_weights(para: &[(usize, &Fact)]) -> Vec<PartsList> {
    let mut out = Vec::new();
    for (whole_at, whole, before) in total_scores_after_points(para) {
        // The scores: the respective list right before the total, its figures
        // sharing one label; the full marks: as many figures before them (named
        // by the groups where the sentence names them: `项目决策、…权重分别为`).
        let last = before.last().map(|(_, m)| m.label.as_str());
        let n = before
            .iter()
            .rev()
            .take_while(|(_, m)| Some(m.label.as_str()) == last)
            .count();
        if n < 2 || before.len() != 2 * n {
            continue;
        }
        let (weights, scores) = before.split_at(n);
        let hundred: Decimal = weights.iter().map(|(_, m)| m.number.value).sum();
        let head = whole
            .sentence
            .get(..scores[0].1.span.0.saturating_sub(whole.sentence_start))
            .unwrap_or("");
        let names_full_marks = FULL_MARKS_WORDS.iter().any(|w| head.contains(w));
        let names_scores = scores[0].1.label.contains("得分") && !scores[0].1.label.contains('扣');
        if names_full_marks
            && names_scores
            && hundred == Decimal::ONE_HUNDRED
            && before.iter().all(|(_, m)| m.kind == FactKind::Level)
        {
            out.push(PartsList {
                whole: whole_at,
                parts: scores.iter().map(|(i, _)| *i).collect(),
                kind: ListKind::Total,
                alternatives: Vec::new(),
                besides: Vec::new(),
                full_marks: Vec::new(),
            });
        }
    }
    out
}

/// The scores obtained in `window`, when they are every group of the
/// framework the total score `whole` is split into, each once: each named by
/// its own label or by the full marks right before it (`满分20分，得分18分`,
/// `产出指标50分，得分48分`, `项目决策（15分）得12.50分`).
fn framework_group_scores(window: &[(usize, &Fact)], whole: &Fact) -> Option<Vec<usize>> {
    let facts: Vec<&Fact> = window.iter().map(|(_, m)| *m).collect();
    let told = |k: usize| deducted_from_the_score(&facts, k);
    if (0..window.len())
        .any(|k| facts[k].unit != FactUnit::Points || (facts[k].label.contains('扣') && !told(k)))
    {
        return None;
    }
    let window: Vec<(usize, &Fact)> = (0..window.len())
        .filter(|&k| !told(k))
        .map(|k| window[k])
        .collect();
    let window = window.as_slice();
    let full_marks = |m: &Fact| FULL_MARKS_WORDS.iter().any(|w| m.label.contains(w));
    let bare_score = |m: &Fact| {
        matches!(
            m.label.trim_matches(['，', ',', ' ', '）', ')']),
            "得分" | "得" | "实际得分" | "自评得分" | "得分为"
        )
    };
    let marks = |n: usize| {
        let m = window[n].1;
        full_marks(m)
            || window.get(n + 1).is_some_and(|(_, next)| {
                next.sentence_start == m.sentence_start && bare_score(next)
            })
    };
    let mut scores: Vec<(usize, &str)> = Vec::new();
    for (n, &(i, m)) in window.iter().enumerate() {
        if marks(n) {
            continue;
        }
        let name = match n.checked_sub(1) {
            Some(p) if marks(p) && window[p].1.sentence_start == m.sentence_start => {
                bracketed_name(window[p].1)
            }
            _ => m.label.as_str(),
        };
        scores.push((i, name));
    }
    let names: Vec<&str> = scores.iter().map(|(_, n)| *n).collect();
    (scores.len() >= 2 && all_of(&whole.label, &names, &vec![false; names.len()]))
        .then(|| scores.iter().map(|(i, _)| *i).collect())
}

/// A figure's label, or for a figure alone in brackets after a name (`项目决策
/// （15分）`, whose label is empty), the name before the bracket.
fn bracketed_name(m: &Fact) -> &str {
    let at = m.span.0.saturating_sub(m.sentence_start);
    let head = match m.sentence.get(..at) {
        Some(head) if m.label.trim().is_empty() => head.trim_end(),
        _ => return &m.label,
    };
    let Some(head) = head.strip_suffix(['（', '(']) else {
        return &m.label;
    };
    let from = head
        .char_indices()
        .rev()
        .find(|(_, c)| crate::mentions::is_clause_break(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[from..]
}

/// Whether a label names money by what it is for (`基本公共卫生服务补助资金`,
/// `重大传染病防控经费`), no stage of it (`…资金支出`).
fn names_a_fund(label: &str) -> bool {
    ["资金", "经费"].iter().any(|w| label.ends_with(w)) && label.chars().count() >= 4
}

/// Words saying what follows is besides what a list names (`另有退休人员37人`).
const BESIDES: &[&str] = &["另有", "另外", "此外", "还有"];

/// True when `m`, first in its sentence, continues the list a 其中 opened in
/// the previous sentence (ended by `；`): its label ends like a part's.
fn continues_list(group: &[(usize, &Fact)], from: &[(usize, &Fact)]) -> bool {
    let Some(&(_, next)) = from.first() else {
        return false;
    };
    let first = group[0].1;
    // The clause's figure in the list's unit (`；公务用车保有量2辆，购置及运行维护费
    // 5万元`: the 5万元, not the count before it), and the clause's words up to it.
    // (An amount before other figures: `；80（含）-90分的项目2个，涉及资金412.80
    // 万元` goes on a list of amounts, whatever the points before it.)
    let in_unit = |f: &Fact| group.iter().any(|(_, p)| p.unit == f.unit);
    let clause = || {
        from.iter()
            .map(|(_, f)| *f)
            .take_while(|f| f.sentence == next.sentence)
    };
    let Some(m) = clause()
        .find(|f| f.money().is_some() && in_unit(f))
        .or_else(|| clause().find(|f| in_unit(f)))
    else {
        return false;
    };
    let named = member_names(&[m])[0];
    let ends_semicolon = group
        .last()
        .is_some_and(|(_, l)| l.sentence.trim_end().ends_with(['；', ';']));
    let Some(key_at) = KEYS
        .iter()
        .filter_map(|k| first.sentence.find(k))
        .chain(kind_keys(&first.sentence))
        .chain(opening_name(&first.sentence).map(|(at, _)| at))
        .min()
    else {
        return false;
    };
    let key_abs = first.sentence_start + key_at;
    let same_sentence_as_last = group.last().is_some_and(|(_, l)| l.sentence == m.sentence);
    let listed: Vec<&Fact> = group
        .iter()
        .filter(|(_, p)| p.span.0 > key_abs && p.unit == m.unit)
        .map(|(_, p)| *p)
        .collect();
    // The amount the list is of, where its sentence states it before the key.
    let whole = group
        .iter()
        .rev()
        .map(|(_, p)| *p)
        .find(|p| p.sentence_start == first.sentence_start && p.span.1 <= key_abs);
    // After a full stop, only the member a complete split still lacks
    // (`其中：基本支出…。项目支出…`) carries the list on, and only a split of
    // that whole (`本年收入合计…其中：财政拨款收入…。年初结转和结余…` is no 资金总额).
    let completes_split = || {
        PARTITIONS.iter().any(|split| {
            if whole.is_some_and(|w| !split.is_whole(&w.label)) {
                return false;
            }
            let Some(missing) = split.member_of(&m.label) else {
                return false;
            };
            let named: Vec<usize> = listed
                .iter()
                .filter_map(|p| split.member_of(&p.label))
                .collect();
            // A required member named: an optional one alone (`其中：一般公共预算
            // 拨款…，上年结转…。年度中追加…`) lists sources, not the split of a
            // budget into 年初 and 追加 its 结转 may belong to.
            named.iter().any(|&k| k < split.members.len()) && !named.contains(&missing)
        })
    };
    // Parallel clauses name their parts alike at either end (`发放高龄津贴…；
    // 发放残疾人补贴…`, `中央资金…；省级资金…`).
    let alike = |p: &Fact| {
        let prefix = p
            .label
            .chars()
            .zip(m.label.chars())
            .take_while(|(a, b)| a == b)
            .count();
        common_suffix(&p.label, &m.label) >= 2
            || prefix >= 2
            || ordinals_alike(&p.label, &m.label)
            // (Funds for one purpose and the next: `…补助资金…；…防控经费…`.)
            || (names_a_fund(&p.label) && names_a_fund(&m.label))
            // (Income by source, then what was carried over from last year:
            // `其中：一般公共预算拨款收入…；事业收入…；上年结转127.78万元`.)
            || (p.label.ends_with("收入") && m.label.contains("结转"))
    };
    // Clauses that open on their amount and go on alike (`其中：30万元用于预算
    // 编制；30万元用于审计`): each amount named by what it is for.
    let opens_on_figure = |p: &Fact| p.label.is_empty() || KEYS.contains(&p.label.as_str());
    let used_alike = |p: &Fact| {
        opens_on_figure(p)
            && opens_on_figure(m)
            && m.after.chars().count() >= 2
            && p.after.chars().take(2).eq(m.after.chars().take(2))
    };
    // `本年收入中，财政拨款收入…`: a sentence that names its own whole opens a list of its own.
    let opens_its_own = m
        .sentence
        .split(['，', '：', ',', ':'])
        .next()
        .is_some_and(|head| head.trim().ends_with('中') && !head.trim().ends_with("其中"));
    // Members of one split the domain defines (`其中：公务用车购置…；公车运行及维护
    // …；公务接待费…；因公出国…`), however unlike their names.
    let same_split = || {
        PARTITIONS.iter().any(|split| {
            split.member_of(named).is_some()
                && listed.iter().any(|p| split.member_of(&p.label).is_some())
        })
    };
    // `其中项目立项5分，得5分；绩效目标8分，得6.5分`: clauses each scoring an
    // indicator go on a list of scores said obtained.
    let scored_alike = || clause().any(obtained_score) && listed.iter().any(|p| obtained_score(p));
    // `…；另有退休人员37人`: a clause saying it is besides what was listed.
    let besides = BESIDES.iter().any(|w| m.label.contains(w));
    !same_sentence_as_last
        && !opens_its_own
        && !besides
        && ((ends_semicolon
            && (listed.iter().any(|p| alike(p) || used_alike(p))
                || same_split()
                || scored_alike()))
            || completes_split())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::facts_in;
    use jixiao_model::{Paragraph, Source};

    /// The lists of one paragraph, each as (whole's value, parts' values, kind).
    fn lists_of(text: &str) -> Vec<(String, Vec<String>, ListKind)> {
        let facts = facts_in(&Paragraph::new(text, Source::default()), 0, &mut Vec::new());
        parts_lists(&facts)
            .into_iter()
            .map(|l| {
                let value = |i: usize| facts[i].number.value.to_string();
                (
                    value(l.whole),
                    l.parts.iter().map(|&i| value(i)).collect(),
                    l.kind,
                )
            })
            .collect()
    }

    #[test]
    fn items_are_numbered_in_digits_or_chinese_numerals() {
        assert_eq!(
            item_number("（三）村级公益设施补助项目：").map(|(n, _)| n),
            Some(3)
        );
        assert_eq!(item_number("2.动物防疫项目：").map(|(n, _)| n), Some(2));
        assert_eq!(chinese_number("十二、"), Some(12));
        assert_eq!(chinese_number("二十、"), Some(20));
        assert_eq!(chinese_number("三十五"), Some(35));
        assert_eq!(chinese_number("百"), None);
    }

    #[test]
    fn clauses_of_a_budget_and_what_was_done_are_two_lists_or_none() {
        // `实际采购` is what was done: two lists, one per measure.
        let lists = lists_of("政府采购预算金额为1,865.40万元，实际采购金额1,742.18万元，其中：货物类采购预算326.50万元，实际采购298.36万元；工程类采购预算1,286.90万元，实际采购1,212.62万元；服务类采购预算252.00万元，实际采购231.20万元。");
        let wholes: Vec<&str> = lists.iter().map(|(w, ..)| w.as_str()).collect();
        assert_eq!(wholes, ["1865.40", "1742.18"]);
        assert_eq!(lists[1].1, ["298.36", "1212.62", "231.20"]);
        // Two figures a clause that no measure tells apart: no list at all.
        assert_eq!(
            lists_of("政府采购预算金额为1,865.40万元，采购金额1,742.18万元，其中：货物类采购预算326.50万元，采购金额298.36万元；工程类采购预算1,286.90万元，采购金额1,212.62万元。"),
            vec![]
        );
    }

    #[test]
    fn a_parts_detail_in_brackets_and_what_was_spent_are_no_parts() {
        // `（含上年结转30万元）` tells of the part before it.
        assert_eq!(
            lists_of(
                "项目资金共计200万元，其中中央资金150万元（含上年结转30万元），地方配套50万元。"
            ),
            vec![(
                "200".into(),
                vec!["150".into(), "50".into()],
                ListKind::Parts
            )]
        );
        // `支出` after a budget's parts (each fund's spending beside it).
        assert_eq!(
            lists_of("项目资金共计150万元，其中：中央资金100万元，支出95万元；省级资金50万元，支出45万元。"),
            vec![("150".into(), vec!["100".into(), "50".into()], ListKind::Parts)]
        );
        // What was released is no part of what was planned.
        assert_eq!(
            lists_of("项目计划总投资800万元，其中申请中央预算内资金500万元，地方配套300万元，2023年下达中央资金300万元，已支出280万元。")[0].1,
            vec!["500".to_string(), "300".to_string()]
        );
        // Clauses opening on their amount, each named by its use after it,
        // run on past `；`; a clause of another kind ends the list.
        assert_eq!(
            lists_of("本项目共申请预算资金90万元，其中：30万元用于预算编制；30万元用于项目审计；30万元用于规划测绘。")[0].1,
            vec!["30".to_string(), "30".to_string(), "30".to_string()]
        );
        assert!(lists_of(
            "项目总投资100万元，其中：60万元用于设备购置；40万元已于2023年支付完毕。"
        )
        .iter()
        .all(|l| !l.1.contains(&"40".to_string())));
        // Members of a split the domain defines run on past `；` however
        // unlike their names, each with words of its own; a clause's member may
        // be named before a figure of another unit (`公务用车保有量2辆，购置及
        // 运行维护费5万元`), and all of them named are all of the whole.
        assert_eq!(
            lists_of("“三公”经费5834万元。其中：公务用车购置692万元，主要是执法车辆增加；公车运行及维护4612万元，较上年下降21%；公务接待费430万元；因公出国100万元。")[0].1,
            vec!["692", "4612", "430", "100"]
        );
        // A member the list says there is none of is named, at zero; each
        // part's change beside it is none of the members.
        assert_eq!(
            lists_of("2024年“三公”经费预算6.83万元。其中，因公出国（境）费用没有；公务用车运行维护费2.75万元，比上年减少0.25万元；公务接待费4.08万元。")[0],
            ("6.83".to_string(), vec!["2.75".to_string(), "4.08".to_string()], ListKind::Partition)
        );
        // A 其中 whose first clause states no figure opens the next clause's.
        assert_eq!(
            lists_of("2020年“三公”经费支出431万元。其中，因公出国（境）费用没有；公务用车运行维护费支出251万元，比上年累计支出285万元下降34万元；公务用车购置支出56万元；公务接待支出124万元。")[0].1,
            vec!["251", "56", "124"]
        );
        assert_eq!(
            lists_of("2024年“三公”经费预算35万元。其中：因公出国（境）费0万元；公务用车保有量2辆，购置及运行维护费5万元，主要用于车辆维修；公务接待费30万元。")[0],
            ("35".to_string(), vec!["0".to_string(), "5".to_string(), "30".to_string()], ListKind::Partition)
        );
        // A category of spending under a spending budget is a part.
        assert_eq!(
            lists_of("政府采购支出预算总额1,624.42万元，其中：拟采购货物支出350万元、拟采购工程支出0万元、拟购买服务支出1,274.42万元。")[0].1.len(),
            3
        );
        // A rate between the whole and its 其中 is no whole of amounts.
        assert_eq!(
            lists_of("预算资金100万元，支出98万元，执行率98%，其中本年度支出90万元，上年结转资金支出8万元。"),
            vec![("98".into(), vec!["90".into(), "8".into()], ListKind::Parts)]
        );
        // A 年初 budget has no 追加 among its parts, the 全年 one has.
        assert_eq!(
            lists_of("单位年初预算500万元，其中基本支出预算300万元，项目支出预算200万元；年中追加预算50万元，全部为项目支出。")[0].1.len(),
            2
        );
        assert_eq!(
            lists_of("全年预算120万元，其中：年初预算100万元，年中追加20万元。")[0]
                .1
                .len(),
            2
        );
        // How far the whole has got is no part of it.
        assert_eq!(
            lists_of("项目总投资1200万元，其中：建安工程费1000万元，设备购置费150万元，其他费用50万元，截至目前已完成投资800万元。")[0].1.len(),
            3
        );
        // A 决算's 支出总计 does have 本年支出 among its parts.
        let lists = lists_of("2023年度支出总计434.72万元，其中：本年支出合计434.16万元，结余分配0.00万元，年末结转和结余0.55万元。");
        assert_eq!(lists[0].1.len(), 3, "{lists:?}");
    }

    #[test]
    fn parts_listed_two_measures_at_a_time_are_two_lists() {
        let lists = lists_of("部门年初预算数为8,500.00万元，全年预算数为9,200.00万元，全年执行数为9,016.00万元，预算执行率为98.00%。其中：基本支出全年预算6,800.00万元，执行6,750.00万元，执行率99.26%；项目支出全年预算2,400.00万元，执行2,266.00万元，执行率94.42%。");
        assert_eq!(
            lists,
            vec![
                (
                    "9200.00".into(),
                    vec!["6800.00".into(), "2400.00".into()],
                    ListKind::Parts
                ),
                (
                    "9016.00".into(),
                    vec!["6750.00".into(), "2266.00".into()],
                    ListKind::Parts
                ),
            ]
        );
    }

    #[test]
    fn a_key_opening_its_sentence_lists_the_one_level_before() {
        let lists = lists_of("财政拨款收入总计150万元，与上年相比减少5万元，降低3.23%。其中：一般公共预算财政拨款收入120万元，政府性基金预算财政拨款收入30万元。");
        assert_eq!(
            lists,
            vec![(
                "150".into(),
                vec!["120".into(), "30".into()],
                ListKind::Parts
            )]
        );
        // Two levels before: which is the whole is unsure.
        assert!(lists_of(
            "收入150万元，支出140万元。其中：一般公共预算拨款120万元，政府性基金拨款30万元。"
        )
        .is_empty());
        // Parts each with its change: the levels are parts of the level, the
        // changes of none (only changes would be parts of the change).
        assert_eq!(
            lists_of("经费预算数为37.91万元，比上年减少10万元。其中：购置费15万元，比上年减少10万元；运行费21.56万元。"),
            vec![(
                "37.91".into(),
                vec!["15".into(), "21.56".into()],
                ListKind::Parts
            )]
        );
    }

    #[test]
    fn what_is_left_is_the_whole_only_of_what_is_left() {
        // What was saved is the whole only of savings: purchases by kind
        // after it are parts of what was bought, or of nothing here.
        let lists = lists_of(
            "政府采购预算586.00万元，实际采购金额552.30万元，节约资金33.70万元，节约率5.75%，其中：货物类采购312.50万元，服务类采购239.80万元。",
        );
        assert!(!lists.iter().any(|(w, _, _)| w == "33.70"), "{lists:?}");
        let lists = lists_of(
            "实际采购金额552.30万元，节约资金33.70万元，其中：货物类采购312.50万元，服务类采购239.80万元。",
        );
        assert!(
            lists
                .iter()
                .any(|(w, parts, _)| w == "552.30" && parts.len() == 2),
            "{lists:?}"
        );
        // A remainder's sources, or its kinds no level before names, are its.
        for text in [
            "预算资金500万元，支出资金460万元，结余资金40万元，其中：中央资金30万元，省级资金10万元。",
            "全年预算500万元，实际支出460万元，结余40万元，其中：人员经费15万元，公用经费25万元。",
        ] {
            let lists = lists_of(text);
            assert!(
                lists.iter().any(|(w, parts, _)| w == "40" && parts.len() == 2),
                "{text}: {lists:?}"
            );
        }
    }

    #[test]
    fn a_name_before_the_key_names_the_whole() {
        // `项目支出主要用于：` lists 项目支出's uses, not the parts of the level
        // the sentence before ended on (基本支出's 公用经费 was last).
        let lists = lists_of(
            "支出决算2968.15万元，其中：基本支出1203.47万元，项目支出1764.68万元。基本支出中，人员经费1052.36万元，公用经费151.11万元。项目支出主要用于：农田建设856.20万元，疫病防控312.45万元。",
        );
        assert!(
            lists
                .iter()
                .any(|(w, parts, _)| w == "1764.68" && parts.len() == 2),
            "{lists:?}"
        );
        assert!(
            !lists
                .iter()
                .any(|(w, parts, _)| w != "1764.68" && parts.contains(&"856.20".to_string())),
            "{lists:?}"
        );
        // No level under the name: no whole (not the nearest level of another).
        let lists = lists_of(
            "基本支出1203.47万元。项目支出主要用于：农田建设856.20万元，疫病防控312.45万元。",
        );
        assert!(
            !lists
                .iter()
                .any(|(_, parts, _)| parts.contains(&"856.20".to_string())),
            "{lists:?}"
        );
        // Counts beside the parts measure nothing: the parts' 支出 picks the
        // spending of the two levels before, not what was carried over.
        let lists = lists_of(
            "截至2022年12月31日，共支出医疗救助资金5,416.38万元，资金执行率93.06%，结转下年403.62万元。其中：资助参保支出2,105.60万元，资助参保38,760人；门诊救助支出826.45万元，救助21,340人次；住院救助支出2,484.33万元，救助9,215人次。",
        );
        assert!(
            lists
                .iter()
                .any(|(w, parts, _)| w == "5416.38" && parts.len() == 3),
            "{lists:?}"
        );
        assert_eq!(
            name_before_key("项目支出主要用于：", "项目支出主要".len()),
            Some("项目支出")
        );
        assert_eq!(
            name_before_key("截至年底，共完成：", "截至年底，共完成".len()),
            None
        );
    }

    #[test]
    fn a_split_the_domain_defines_is_read_as_all_of_its_whole() {
        // A list inside a list, and the split's last member after a full stop.
        // 基本 and 项目支出 name the split by nature, but a 决算's 经营支出 may be
        // left out: its parts, not all of it; 人员 and 公用经费 are all of 基本支出.
        let lists = lists_of(
            "年初预算支出1675.98万元，其中：基本支出932.98万元，包括人员经费支出870.54万元，公用经费支出62.44万元。项目支出743万元。",
        );
        assert!(
            lists.contains(&(
                "1675.98".into(),
                vec!["932.98".into(), "743".into()],
                ListKind::Parts
            )),
            "{lists:?}"
        );
        assert!(
            lists.contains(&(
                "932.98".into(),
                vec!["870.54".into(), "62.44".into()],
                ListKind::Partition
            )),
            "{lists:?}"
        );
    }

    #[test]
    fn a_splits_whole_may_stand_sentences_before_its_parts() {
        let lists = lists_of(
            "本年支出合计618.08万元，预算执行率为97.10%。年末结转结余18.7万元。其中，基本支出136.88万元，项目支出478.27万元，经营支出2.93万元。",
        );
        assert_eq!(lists.len(), 1, "{lists:?}");
        assert_eq!(lists[0].0, "618.08");
        assert_eq!(lists[0].1.len(), 3);
    }

    #[test]
    fn group_scores_before_the_total_score_are_its_parts() {
        let lists = lists_of(
            "本项目决策部分得分19分，过程部分得分19.99分，产出部分得分38.33分，效益部分得分20分，总体评价得分97.32分，评价结果为优。",
        );
        assert_eq!(lists.len(), 1, "{lists:?}");
        assert_eq!(lists[0].0, "97.32");
        assert_eq!(lists[0].1.len(), 4);
        assert_eq!(lists[0].2, ListKind::Total);
        // A full-marks figure among them: not a list of group scores.
        let lists = lists_of("决策部分满分20分，决策部分得分19分，总体评价得分97.32分。");
        assert!(lists.is_empty(), "{lists:?}");
    }

    #[test]
    fn counts_beside_the_listed_amounts_count_the_same_categories() {
        let text = "2023年共安排衔接资金项目36个，资金2,680万元。其中：产业发展类项目18个，资金1,520万元；基础设施类项目15个，资金960万元；就业帮扶类项目3个，资金200万元。";
        let lists = lists_of(text);
        // The amounts add up to their whole exactly: every category is listed.
        assert!(
            lists.contains(&(
                "36".into(),
                vec!["18".into(), "15".into(), "3".into()],
                ListKind::Partition
            )),
            "{lists:?}"
        );
        // Some categories only: some of the projects.
        let lists = lists_of(&text.replace("资金2,680万元", "资金2,880万元"));
        assert!(
            lists.contains(&(
                "36".into(),
                vec!["18".into(), "15".into(), "3".into()],
                ListKind::Parts
            )),
            "{lists:?}"
        );
    }

    #[test]
    fn a_split_in_brackets_after_its_whole_is_its_parts() {
        let lists = lists_of(
            "部门预算支出436.82万元，其中基本支出356.82万元（人员经费318.46万元，公用经费38.36万元），项目支出80万元（预算80万元，执行76万元）。",
        );
        assert!(
            lists.contains(&(
                "356.82".into(),
                vec!["318.46".into(), "38.36".into()],
                ListKind::Partition
            )),
            "{lists:?}"
        );
        // Another way of telling the amount is no split of it, nor are another
        // year's figures of it.
        assert!(!lists.iter().any(|l| l.0 == "80"), "{lists:?}");
        assert!(
            lists_of("基本支出356.82万元（上年：人员经费300万元，公用经费50万元）。").is_empty()
        );
    }

    #[test]
    fn a_list_in_brackets_ends_at_its_bracket() {
        let lists = lists_of(
            "“三公”经费支出82.50万元，其中：因公出国（境）费0万元，公务用车购置及运行维护费60.50万元（其中：购置费40.00万元，运行维护费20.50万元），公务接待费22.00万元。",
        );
        assert!(
            lists.contains(&(
                "82.50".into(),
                vec!["0".into(), "60.50".into(), "22.00".into()],
                ListKind::Partition
            )),
            "{lists:?}"
        );
        assert!(
            lists.contains(&(
                "60.50".into(),
                vec!["40.00".into(), "20.50".into()],
                ListKind::Partition
            )),
            "{lists:?}"
        );
    }

    #[test]
    fn a_split_by_source_may_name_only_some_parts() {
        // 中央 and 市级 are no complete split: other funds may be left out.
        let lists = lists_of("项目资金合计500万元，其中中央补助300万元，市级资金150万元。");
        assert_eq!(lists.len(), 1, "{lists:?}");
        assert_eq!(lists[0].2, ListKind::Parts);
        // Nor is an unrelated amount after a full stop taken into the list.
        let lists = lists_of("支出100万元，其中基本支出60万元。另安排资金40万元。");
        assert!(
            lists
                .iter()
                .all(|l| l.1.len() < 2 || l.2 != ListKind::Partition),
            "{lists:?}"
        );
    }

    #[test]
    fn counts_whose_last_part_is_the_rest_are_all_of_their_whole() {
        assert_eq!(
            lists_of("本年度新增就业岗位350个，其中公益性岗位120个，其他岗位230个。"),
            vec![(
                "350".into(),
                vec!["120".into(), "230".into()],
                ListKind::Partition
            )]
        );
        assert_eq!(
            lists_of("全县共有脱贫户2300户，其中享受低保的380户，其余1920户。")[0].2,
            ListKind::Partition
        );
        // Some of the others only (their clause goes on), or no rest named: no
        // list of counts.
        assert!(
            lists_of("共培训500人次，其中农民300人次，其他人员150人次参加线上学习。").is_empty()
        );
        assert!(lists_of("共培训500人次，其中农民300人次，退役军人150人次。").is_empty());
        // Money is no more closed by 其他 than before: a 收入总计 holds the
        // balance carried in besides the year's income of every kind.
        assert_eq!(
            lists_of("收入总计3315.14万元，其中财政拨款收入3001.23万元，其他收入255.55万元。")[0].2,
            ListKind::Parts
        );
    }

    #[test]
    fn lengths_by_level_of_government_are_kinds_of_their_whole() {
        assert_eq!(
            lists_of(
                "全县农村公路总里程1,862.4公里，其中县道312.6公里、乡道598.3公里、村道951.5公里。"
            ),
            vec![(
                "1862.4".into(),
                vec!["312.6".into(), "598.3".into(), "951.5".into()],
                ListKind::Kinds
            )]
        );
    }

    #[test]
    fn counts_ending_on_one_kind_word_are_kinds_of_what_the_whole_names() {
        assert_eq!(
            lists_of("本部门共有车辆12辆，其中：执法执勤用车8辆，特种专业技术用车4辆。"),
            vec![("12".into(), vec!["8".into(), "4".into()], ListKind::Kinds)]
        );
        // A bare category is no kind word: new and finished projects overlap.
        assert!(
            lists_of("全年实施工程20个，其中：新建项目12个，完工项目9个。")
                .iter()
                .all(|l| l.2 != ListKind::Kinds)
        );
    }

    #[test]
    fn scores_after_as_many_full_marks_making_a_hundred_are_the_totals_parts() {
        let total = ListKind::Total;
        for text in [
            "四类指标权重分别为15分、25分、35分、25分，评价得分分别为13.5分、22分、32.8分、21.5分，综合得分89.8分。",
            "项目决策、项目过程、项目产出、项目效益四类指标权重分别为15分、25分、35分、25分，评价得分分别为13.5分、22分、32.8分、21.5分，综合得分89.8分。",
        ] {
            assert!(
                lists_of(text).contains(&(
                    "89.8".into(),
                    vec!["13.5".into(), "22".into(), "32.8".into(), "21.5".into()],
                    total
                )),
                "{text}: {:?}",
                lists_of(text)
            );
        }
        // Full marks short of the hundred: some groups only, no total of theirs.
        assert!(lists_of(
            "决策、过程指标权重分别为15分、25分，得分分别为13.5分、22分，综合得分89.8分。"
        )
        .is_empty());
    }

    #[test]
    fn project_spending_by_its_classification_is_all_of_it() {
        // Every project is 人员类, 运转类 or 特定目标类: a shortfall is an error too.
        let lists = lists_of("项目支出1042.12万元，其中：人员类项目支出120.00万元，运转类项目支出300.00万元，特定目标类项目支出612.12万元。");
        assert_eq!(lists.len(), 1, "{lists:?}");
        assert_eq!(lists[0].2, ListKind::Partition);
        // Two of the three may leave a third out: plain parts.
        let lists = lists_of(
            "项目支出1042.12万元，其中：运转类项目支出300.00万元，特定目标类项目支出612.12万元。",
        );
        assert!(lists.iter().all(|l| l.2 == ListKind::Parts), "{lists:?}");
    }

    #[test]
    fn running_totals_are_no_parts() {
        // Each quarter's figure so far holds the quarters before it.
        for text in [
            "全年支出980万元，其中：一季度累计支出200万元，二季度累计支出500万元，三季度累计支出750万元，四季度累计支出980万元。",
            "一季度累计支出200万元，二季度累计支出500万元，三季度累计支出750万元，全年合计支出980万元。",
            "截至6月底支出400万元，截至9月底支出700万元，截至12月底支出980万元，共计支出980万元。",
        ] {
            assert!(lists_of(text).is_empty(), "{text}: {:?}", lists_of(text));
        }
        // Each quarter's own spending adds up.
        assert_eq!(
            lists_of("全年支出980万元，其中第一季度支出200万元，第二季度支出300万元，第三季度支出250万元，第四季度支出230万元。").len(),
            1
        );
        // So does each year's, stated 分别, up to a running total of them.
        assert_eq!(
            lists_of("2021年、2022年、2023年分别安排专项资金500万元、600万元、700万元，三年累计安排1,800万元。"),
            vec![(
                "1800".into(),
                vec!["500".into(), "600".into(), "700".into()],
                ListKind::Total
            )]
        );
        // Not a running total of something else.
        assert!(lists_of(
            "2021年、2022年、2023年分别安排专项资金500万元、600万元、700万元，累计支出1,700万元。"
        )
        .is_empty());
    }

    #[test]
    fn changes_of_two_directions_are_no_parts_summed() {
        // 120 up and 20 down make 100 up: a difference, no sum.
        assert!(lists_of(
            "收入合计比上年增加100万元，其中财政拨款收入增加120万元，其他收入减少20万元。"
        )
        .is_empty());
        assert_eq!(
            lists_of("收入合计比上年增加100万元，其中财政拨款收入增加80万元，其他收入增加20万元。")
                .len(),
            1
        );
    }
}
