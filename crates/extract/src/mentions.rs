//! Quantities stated in prose: `年初预算金额为446.41万元`, `执行率为99.82%`.
//!
//! A mention is a printed number with its unit and the label in front of it:
//! the words from the last clause break up to the number, less connectives
//! such as 为/达/共计. Each becomes a [`Fact`] on the report, with its kind,
//! budget role and scope read from the label here; budget extraction and the
//! checker both read those facts, so a number is parsed from prose once.

use std::sync::OnceLock;

use jixiao_model::facts::{last_way_word, of_a_named_whole, TOTAL_WORDS};
use jixiao_model::{Fact, FactKind, FactRole, FactUnit, Paragraph, Scope};
use regex::Regex;

use crate::budget::{
    budget_role, is_whole_scope, names_a_part, names_an_items_budget, names_fund_source,
    said_bare_after_when, says_spending_bare, PART_SUBJECTS,
};
use crate::number::{MoneyUnit, Printed};
use crate::vocab::Role;

/// The kind a label gives its number: a share (占…比重), a change on another
/// period (比上年增加, 较2024年减少), the base the comparison is made with
/// (`较2022年的` 20万元, `较预算` 500万元), or a level.
pub fn kind_of(label: &str) -> FactKind {
    // 比 in 比例 / 比重 / 占比 names a share, not a comparison.
    let without_shares = label
        .replace("比例", "")
        .replace("比重", "")
        .replace("占比", "");
    if without_shares.len() != label.len() || label.contains('占') {
        return FactKind::Share;
    }
    // `满意及比较满意的`, `效果较好`: 比较 / 较 before a quality is "fairly".
    let without_shares = without_degree_adverbs(&without_shares);
    // `上年度资金结余` is a level; `上年增长` is a change.
    const COMPARED: &[&str] = &["比", "较", "相比", "同比", "环比"];
    const EARLIER: &[&str] = &["上年", "上一年", "去年"];
    const DIRECTION: &[&str] = &["增", "减", "降", "升", "持平"];
    let has = |words: &[&str]| words.iter().any(|w| without_shares.contains(w));
    if names_comparison_base(label) {
        return FactKind::Base;
    }
    // `由上年的120万元减少到`, `增加至`: the figure a level moved to is a level.
    if jixiao_model::facts::moved_to_verb(label).is_some() {
        return FactKind::Level;
    }
    // `，减少2万元`: a clause of the change alone, the comparison before it.
    let bare_change = matches!(
        label.trim().trim_end_matches('了'),
        "增加" | "减少" | "增长" | "下降" | "降低" | "上升" | "提高"
    );
    if bare_change || has(COMPARED) || (has(EARLIER) && has(DIRECTION)) {
        FactKind::Change
    } else {
        FactKind::Level
    }
}

/// A label without 比较 / 较 meaning "fairly" (`比较满意`, `较好`, `较为`):
/// before a word of quality, not a period or plan compared with.
fn without_degree_adverbs(label: &str) -> String {
    const QUALITIES: &str = "满好高低大小多少快慢强弱差为明突稳顺完充规及";
    let mut out = String::with_capacity(label.len());
    let mut rest = label;
    while let Some(at) = rest.find('较') {
        let before = &rest[..at];
        let after = &rest[at + '较'.len_utf8()..];
        let adverb = after.chars().next().is_some_and(|c| QUALITIES.contains(c));
        out.push_str(if adverb {
            before.strip_suffix('比').unwrap_or(before)
        } else {
            before
        });
        if !adverb {
            out.push('较');
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The kind of a fact in its sentence and unit: `与2023年相比，收、支总计各增加
/// 100万元` is a change though its own clause names no comparison, as the
/// clause before it does; `完成预算的80%` is a share.
fn kind_in(label: &str, before: &str, unit: FactUnit) -> FactKind {
    // `完成预算的80%`: a percentage of the whole the label names.
    if unit == FactUnit::Percent && of_a_named_whole(label) {
        return FactKind::Share;
    }
    // `高于年度目标95%`: the target a rate is compared with (the points after
    // it are the change; after `高于上年` a figure is the change itself).
    if unit == FactUnit::Percent && compared_with_a_target(label) {
        return FactKind::Base;
    }
    let kind = kind_of(label);
    let ends_on_a_direction = crate::lists::is_delta_label(label.trim_end_matches('了'));
    let compared_before = ["相比", "同比"].iter().any(|w| before.contains(w));
    if kind == FactKind::Level && ends_on_a_direction && compared_before {
        FactKind::Change
    } else {
        kind
    }
}

/// `高于年度目标`, `低于计划`, `超过预期目标`: a comparison whose word says which
/// way, ending on a target or plan.
fn compared_with_a_target(label: &str) -> bool {
    let label = label.trim_end().trim_end_matches('的');
    let Some((at, _)) = last_way_word(label) else {
        return false;
    };
    let target = &label[at..];
    target.chars().count() <= 8
        && ["目标", "目标值", "计划", "计划数", "预期", "指标值", "标准"]
            .iter()
            .any(|w| target.ends_with(w))
}

/// A label that ends on what a comparison is made with, with no change word
/// after it (`较2022年`, `比上年度的`, `比去年同期`, `较预算`, `比计划`): the number
/// after it is that period's or that plan's level, the change comes after it.
fn names_comparison_base(label: &str) -> bool {
    let label = label.trim_end().trim_end_matches('的');
    let Some((at, cmp)) = ["比", "较", "与"]
        .iter()
        .filter_map(|c| label.rfind(c).map(|at| (at, *c)))
        .max()
    else {
        return false;
    };
    let base = &label[at + cmp.len()..];
    let period = base
        .trim_start_matches(['上', '了'])
        .trim_end_matches("同期")
        .trim_end_matches('度');
    let year = period
        .strip_suffix('年')
        .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
    // `较预算`, `比年初预算数`, `较采购预算`: a plan of any kind.
    let plan = [
        "预算",
        "预算数",
        "预算金额",
        "计划",
        "计划数",
        "计划值",
        "目标",
        "目标值",
        "指标值",
        "预期",
    ]
    .iter()
    .any(|w| base.ends_with(w));
    // `较2022年预算安排`, `比上年决算数`: a period's figure of any name, where
    // nothing after the period says which way it went.
    let of_a_period = ["上年", "上一年", "去年"]
        .iter()
        .any(|p| base.starts_with(p))
        || base
            .char_indices()
            .nth(4)
            .is_some_and(|(at, c)| c == '年' && base[..at].bytes().all(|b| b.is_ascii_digit()));
    let went_some_way = [
        "增", "减", "降", "升", "持平", "提高", "多", "少", "超", "节约", "调",
    ]
    .iter()
    .any(|w| base.contains(w));
    // `比上年`: `上` trimmed leaves `年`; `上一年`, `去年`.
    year || plan || matches!(period, "年" | "一年" | "去年") || (of_a_period && !went_some_way)
}

/// What a points figure is, by the end of its label: full marks, a
/// deduction, or the points obtained (`满分 3 分 … 扣 1 分 … 实际得 2 分`).
fn points_role(label: &str) -> Option<FactRole> {
    let l = label.trim_end_matches(['为', '是', '：', ':', ' ']);
    let ends = |words: &[&str]| words.iter().any(|w| l.ends_with(w));
    if ends(&["扣", "扣除", "扣减", "扣分", "扣分合计"]) {
        Some(FactRole::Deduction)
    } else if ends(&[
        "满分",
        "权重分合计",
        "权重合计",
        "分值合计",
        "权重分",
        "满分为",
        "总分值",
        "分值",
        "分值为",
    ]) {
        Some(FactRole::FullMarks)
    } else if ends(&["实际得分合计", "实际得分", "实际得", "得分合计", "最终得分"])
    {
        Some(FactRole::Obtained)
    } else {
        None
    }
}

/// The quantity a label names, as a fact's role. For points, what a score
/// sentence says of them; otherwise the budget figure measured, whoever it
/// belongs to (`项目支出年初预算安排` is a 年初预算, of a part; the part is the
/// fact's scope).
fn role_of(label: &str, unit: FactUnit) -> Option<FactRole> {
    if unit == FactUnit::Points {
        return points_role(label);
    }
    let mut measure = label.to_string();
    for w in PART_SUBJECTS {
        measure = measure.replace(w, "");
    }
    Some(match budget_role(&measure)? {
        Role::Initial => FactRole::Initial,
        Role::Budget => FactRole::Adjusted,
        Role::Available => FactRole::Available,
        Role::Executed => FactRole::Executed,
        Role::Rate => FactRole::ExecutionRate,
        _ => return None,
    })
}

/// Measure words of counts and of physical quantities (`126公里`, `1500亩`):
/// what an indicator plans and achieves, compared only with its own kind.
/// Longer words first (人次 before 人): the regex takes the first that matches.
/// Counts in ten-thousands (`12.3万人`) keep their own unit: compared with
/// counts of it, or as so many units where a standard multiplies them.
const COUNT_WORDS: &[&str] = &[
    "万人次",
    "万人",
    "万户",
    "万亩",
    "万吨",
    "万平方米",
    "万立方米",
    "万公顷",
    "万株",
    "万册",
    "万头",
    "万只",
    "万件",
    "万次",
    "人次",
    "人",
    "个",
    "批次",
    "批",
    "次",
    "项",
    "家",
    "户",
    "件",
    "名",
    "所",
    "座",
    "份",
    "台",
    "套",
    "场",
    "期",
    "辆",
    "公里",
    "千米",
    "平方米",
    "立方米",
    "米",
    "公顷",
    "亩",
    "公斤",
    "千克",
    "吨",
    "千瓦",
    "株",
    "头",
    "只",
    "册",
    "处",
    "条",
    "张",
    "篇",
    "宗",
    "盏",
];

fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"(-?\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元|%|个百分点|百分点|分|{}|万|亿)",
            COUNT_WORDS.join("|")
        ))
        .expect("valid regex")
    })
}

/// A number with its unit in a sentence (byte ranges in the sentence).
struct Hit<'s> {
    /// The number with its unit as printed; a number sharing the unit of a
    /// list's last (`100、200万元`) is the number alone.
    whole: std::ops::Range<usize>,
    /// The number alone (it starts where `whole` does).
    num: &'s str,
    unit: &'s str,
}

/// Every number with a unit in `sentence`, in order: those printed with one,
/// and before each the numbers listed bare that share it (`分别为4125.49、
/// 4143.91万元`, `增长23.51和38.28%`: joined to it by 、/和/及 alone).
fn numbers_in(sentence: &str) -> Vec<Hit<'_>> {
    let mut out = Vec::new();
    for caps in number_re().captures_iter(sentence) {
        let (Some(whole), Some(num), Some(unit)) = (caps.get(0), caps.get(1), caps.get(2)) else {
            continue;
        };
        let mut bare: Vec<std::ops::Range<usize>> = Vec::new();
        let mut head = whole.start();
        loop {
            let before = sentence[..head].trim_end();
            let Some(joined) = ["、", "和", "及"]
                .iter()
                .find_map(|j| before.strip_suffix(j))
                .map(str::trim_end)
            else {
                break;
            };
            let start = joined
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '.' | ','))
                .last()
                .map_or(joined.len(), |(i, _)| i);
            let listed = &joined[start..];
            // A whole number, digits first and last (not `2.`, `,5`), not an
            // ordinal (`第1、2名`) nor the end of a longer token.
            if !listed.starts_with(|c: char| c.is_ascii_digit())
                || !listed.ends_with(|c: char| c.is_ascii_digit())
                || joined[..start].ends_with(['第', '-', '.', '/'])
            {
                break;
            }
            bare.push(start..joined.len());
            head = start;
        }
        for r in bare.into_iter().rev() {
            out.push(Hit {
                num: &sentence[r.clone()],
                whole: r,
                unit: unit.as_str(),
            });
        }
        out.push(Hit {
            whole: whole.range(),
            num: num.as_str(),
            unit: unit.as_str(),
        });
    }
    out
}

/// Characters that end the clause a label can come from.
pub(crate) fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '；'
            | ';'
            | ','
            | '：'
            | ':'
            | '（'
            | '）'
            | '('
            | ')'
            | '、'
            | '='
            | '＝'
            // `（实际支出475万元/调整后预算500万元）`: the two terms of a ratio.
            | '/'
            | '÷'
            | '？'
            | '！'
            | '\n'
            // A table's cell border, where a pipe table ran into a paragraph.
            | '|'
            | '｜'
    )
}

/// Where the label before a number begins: where its clause does
/// ([`clause_start`]), or after a row of figures inside that clause.
fn label_start(before: &str) -> usize {
    let start = clause_start(before);
    // A row of figures spaced apart (`实际支出 0 0 471.42 0 471.42预算执行率`, a
    // form's block flattened into text) is a table's, no part of a name.
    // (Blank marks between them, `0 118.6 401.25—519.85`; a range alone,
    // `2020—2023年`, has no space and is a name's.)
    static ROW: OnceLock<Regex> = OnceLock::new();
    let row = ROW.get_or_init(|| {
        Regex::new(
            r"\d[\d,.]*%?(?:(?:[ \t\u{3000}]+|[ \t\u{3000}]*[—/][ \t\u{3000}]*)\d[\d,.]*%?)+",
        )
        .expect("valid regex")
    });
    row.find_iter(&before[start..])
        .filter(|m| m.as_str().contains([' ', '\t', '\u{3000}']))
        .last()
        .map_or(start, |m| start + m.end())
}

/// Where the clause a label can come from begins: after the last clause
/// break, reading a short bracketed word inside a name as part of it
/// (`因公出国（境）费`), not as a break.
fn clause_start(before: &str) -> usize {
    let mut end = before.len();
    loop {
        let Some((i, c)) = before[..end]
            .char_indices()
            .rev()
            .find(|(_, c)| is_clause_break(*c))
        else {
            return 0;
        };
        let after = i + c.len_utf8();
        // `1,402.3`: a thousands comma inside a number breaks no clause.
        let digit = |ch: Option<char>| ch.is_some_and(|ch| ch.is_ascii_digit());
        if c == ',' && digit(before[..i].chars().last()) && digit(before[after..].chars().next()) {
            end = i;
            continue;
        }
        let name_goes_on = before[after..]
            .chars()
            .next()
            .is_some_and(|n| !is_clause_break(n) && !n.is_ascii_digit());
        if matches!(c, '）' | ')') && name_goes_on {
            let open = before[..i].rfind(['（', '(']);
            if let Some(open) = open {
                let inner = &before[open..i];
                let short = inner.chars().count() <= 4;
                if short
                    && !inner
                        .chars()
                        .any(|x| x.is_ascii_digit() || is_clause_break(x) && x != '（' && x != '(')
                {
                    end = open;
                    continue;
                }
            }
        }
        return after;
    }
}

/// Connectives between a label and its number, stripped from the label's end.
const CONNECTIVES: &[&str] = &[
    "共计为",
    "合计为",
    "累计为",
    "达到",
    "为",
    "是",
    "达",
    "共计",
    "合计",
    "约",
    "计",
    "总计",
    "仅",
    "已",
    "了",
];

/// Words that end in a connective's character but keep it: 达 of `资金下达`
/// (not the 达 of `满意度达95%`), 计 of `收入总计`, 约 of `节约`.
const WORDS_ENDING_LIKE_A_CONNECTIVE: &[&str] = &[
    "下达",
    "到达",
    "送达",
    "转达",
    "总计",
    "合计",
    "共计",
    "累计",
    "小计",
    "统计",
    "预计",
    "节约",
    "合约",
    "签约",
    "制约",
    // 支出合计 (what was spent) is not 支出总计 (that and the balances carried on).
    "支出合计",
    "支出总计",
    "收入合计",
    "收入总计",
];

/// Cuts a label to the words that name the quantity.
/// `资金使用情况全年共支出`, `（二）部门收支情况2024年度部门收入总计`: a section
/// heading run into the sentence after it (a flattened copy loses the line
/// break between them) names no part of the figure; the words after it do.
fn without_run_in_heading(raw: &str) -> &str {
    const HEADING_ENDS: [&str; 3] = ["情况说明", "情况", "概况"];
    let Some(at) = HEADING_ENDS
        .iter()
        .filter_map(|w| raw.rfind(w).map(|i| i + w.len()))
        .max()
    else {
        return raw;
    };
    // (A sub-heading's number after it, `（一）`, opens no name either.)
    let rest = raw[at..].trim_start();
    let rest = match rest
        .strip_prefix(['（', '('])
        .and_then(|r| r.split_once(['）', ')']))
    {
        Some((n, r))
            if n.chars()
                .all(|c| "一二三四五六七八九十0123456789".contains(c)) =>
        {
            r
        }
        _ => rest,
    };
    match rest.trim() {
        "" => raw,
        _ => rest,
    }
}

fn trim_label(raw: &str) -> String {
    let mut label = raw.trim().to_string();
    loop {
        let before = label.len();
        for c in CONNECTIVES {
            if WORDS_ENDING_LIKE_A_CONNECTIVE
                .iter()
                .any(|w| w.len() > c.len() && w.ends_with(c) && label.ends_with(w))
            {
                continue;
            }
            if let Some(stripped) = label.strip_suffix(c) {
                label = stripped.trim_end().to_string();
            }
        }
        if label.len() == before {
            break;
        }
    }
    label
}

/// The quantity a formula in words defines, from the text before its value
/// (`…，预算执行率=实际支出/全年预算数×100%=`): the name before the first `=`
/// where every term after it is a ratio of words (`/` or `÷`, at most a
/// `×100%`), and the name is a rate's.
fn formula_name(before: &str) -> Option<String> {
    let body = before.trim_end().strip_suffix(['=', '＝'])?;
    let mut terms = body.rsplit(['=', '＝']);
    let mut ratios = 0;
    let name = loop {
        let term = terms.next()?;
        let words = term
            .replace("×100%", "")
            .replace("*100%", "")
            .replace("x100%", "");
        let ratio = words.contains(['/', '÷'])
            && !words.chars().any(|c| {
                c.is_ascii_digit() || matches!(c, '，' | '。' | '；' | ',' | ';' | '：' | ':')
            });
        if !ratio {
            break term;
        }
        ratios += 1;
    };
    if ratios == 0 {
        return None;
    }
    let start = name
        .char_indices()
        .rev()
        .find(|(_, c)| is_clause_break(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let label = trim_label(&name[start..]);
    (label.ends_with('率') || label.ends_with("比例")).then_some(label)
}

/// `年初预算数、全年预算数、全年执行数分别为100万元、120万元、114万元`: names
/// listed before 分别(为/是) and as many numbers after it, one unit, joined by
/// 、/和/及: each number is its name's. Returns each number's start (in the
/// sentence) with its name; nothing unless names and numbers pair one to one.
fn respective_names(sentence: &str) -> std::collections::HashMap<usize, String> {
    let mut out = std::collections::HashMap::new();
    for (at, marker) in jixiao_model::facts::respectively_marks(sentence) {
        // The names' clause: back to a comma or colon (、 joins the names).
        let clause_start = sentence[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| *c != '、' && is_clause_break(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        // A year the clause opens on is every name's (`2022年度收入总计、支出总计分别为…`).
        let clause = &sentence[clause_start..at];
        let (year, listed) = year_first(clause);
        let names: Vec<&str> = listed.split(['、', '和', '及']).map(str::trim).collect();
        // `2022年、2023年项目支出分别为850万元、920万元`: years listed, the last
        // one's words naming what each is of.
        let years: Vec<&str> = clause.split(['、', '和', '及']).map(str::trim).collect();
        let (year, names): (&str, Vec<String>) = match years_listed(&years) {
            Some(dated) => ("", dated),
            None if names.len() < 2
                || names
                    .iter()
                    .any(|n| n.is_empty() || n.chars().any(|c| c.is_ascii_digit())) =>
            {
                continue;
            }
            None => (year, names.iter().map(|n| n.to_string()).collect()),
        };
        // `分别为`, `分别得分`, `分别投入资金`, `分别较上年增长`: the words between 分别
        // and the numbers say what each is of its name (a copula nothing).
        let rest_at = at + marker.len();
        let words_end = sentence[rest_at..]
            .char_indices()
            .find(|(_, c)| c.is_ascii_digit() || is_clause_break(*c) || "。；;".contains(*c))
            .map_or(sentence.len(), |(i, _)| rest_at + i);
        let words = sentence[rest_at..words_end].trim();
        if words.chars().count() > 8 {
            continue;
        }
        let measure = words
            .trim_start_matches(['为', '是', '：', ':'])
            .trim_end_matches(['为', '是', '：', ':', '了'])
            .trim_end_matches("达到");
        let rest_at = words_end;
        // The chain of numbers right after: each next only after 、/和/及.
        let mut chain: Vec<(usize, String)> = Vec::new();
        let mut next_at = rest_at;
        for hit in numbers_in(&sentence[rest_at..]) {
            let start = rest_at + hit.whole.start;
            let joined = sentence[next_at..start].trim();
            let first = chain.is_empty();
            if (first && !joined.is_empty())
                || (!first && !matches!(joined, "、" | "和" | "及"))
                || chain.last().is_some_and(|(_, u)| u != hit.unit)
            {
                break;
            }
            chain.push((start, hit.unit.to_string()));
            next_at = rest_at + hit.whole.end;
        }
        if chain.len() == names.len() {
            for ((start, _), name) in chain.into_iter().zip(names) {
                out.insert(start, format!("{year}{name}{measure}"));
            }
        }
    }
    out
}

/// `2022年`, `2023年项目支出` → `2022年项目支出`, `2023年项目支出`: two or more
/// years listed, only the last followed by words (what each year's figure is
/// of), each year with those words.
fn years_listed(names: &[&str]) -> Option<Vec<String>> {
    let (last, first) = names.split_last()?;
    let (last_year, what) = year_first(last);
    let years: Vec<&str> = first
        .iter()
        .map(|n| {
            let (year, rest) = year_first(n);
            (!year.is_empty() && rest.is_empty()).then_some(year)
        })
        .collect::<Option<_>>()?;
    let what = what.trim();
    (!years.is_empty()
        && !last_year.is_empty()
        && what.chars().count() >= 2
        && !what.chars().any(|c| c.is_ascii_digit()))
    .then(|| {
        years
            .iter()
            .chain([&last_year])
            .map(|y| format!("{y}{what}"))
            .collect()
    })
}

/// A year the text opens on (`2022年度`, `2023年末`, `2021年`), and the rest.
fn year_first(text: &str) -> (&str, &str) {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let Some(rest) = (digits == 4)
        .then(|| &t[digits..])
        .and_then(|r| r.strip_prefix('年'))
    else {
        return ("", text);
    };
    let rest = ["度", "末", "底", "初"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .unwrap_or(rest);
    (&t[..t.len() - rest.len()], rest)
}

/// `1.耕地地力保护补贴项目：…`, `（二）校舍维修工程：…`: a paragraph opening on a
/// numbered item that names a project (or a fund, a work) before its colon;
/// or a 决算's line of the functional classification (`1.社会保障和就业（类）
/// 行政事业单位养老支出（款）…缴费支出（项）：支出决算为…`).
fn names_a_project_item(text: &str) -> bool {
    let t = text.trim_start();
    if !jixiao_model::doc::starts_with_enumerator(t) {
        return false;
    }
    // `2.动物防疫项目：…`, or a heading sentence (`（一）高标准农田建设项目。…`).
    let Some((head, _)) = t.split_once(['：', ':', '。']) else {
        return false;
    };
    let colon = t[head.len()..].starts_with(['：', ':']);
    let head = head.trim_end();
    let classified = head.ends_with("(项)") || head.ends_with("（项）");
    // A thing by name (`2.义务教育薄弱环节改善与能力提升：`), naming none of
    // the words of a report's own measures, sections and framework.
    let named = || {
        const OWN: &[&str] = &[
            "率", "预算", "支出", "收入", "决算", "结余", "资金", "经费", "情况", "管理", "指标",
            "目标", "结论", "概况", "评价", "分析", "问题", "建议", "措施", "整体", "部门", "单位",
            "总体", "基本", "绩效", "成本", "效益", "产出", "质量", "时效", "数量", "满意", "职能",
            "机构", "人员", "编制", "履职", "决策", "过程",
        ];
        let name = without_enumerator(head);
        colon && (4..=30).contains(&name.chars().count()) && !OWN.iter().any(|w| name.contains(w))
    };
    head.chars().count() <= if classified { 80 } else { 40 }
        && !head.contains(['，', ','])
        && !head
            .chars()
            .any(|c| c.is_ascii_digit() && !head.starts_with(c))
        && (classified
            || named()
            // (`4.营养改善计划：`, `3.文化惠民活动：`, `2.幼儿资助：`, `3.教师培训：`;
            // not the whole's own measures, `1.预算执行率：`, `2.预算管理：`.)
            || [
                "项目", "资金", "经费", "专项", "工程", "补贴", "补助", "计划", "行动", "活动",
                "建设", "资助", "培训", "奖励", "奖补", "救助", "运维", "维护", "购置", "采购",
                "改造", "慰问",
            ]
            .iter()
            .any(|w| head.ends_with(w)))
}

/// A heading's words without its outline enumerator (`2.`, `（三）`, `四、`, `①`).
fn without_enumerator(head: &str) -> &str {
    let t = head.trim_start().trim_start_matches('*').trim_start();
    if let Some(rest) = t.strip_prefix(['（', '(']) {
        return rest
            .split_once(['）', ')'])
            .map_or(rest, |(_, r)| r)
            .trim_start();
    }
    if t.starts_with(|c: char| ('①'..='⑳').contains(&c)) {
        return t
            .get(t.chars().next().map_or(0, char::len_utf8)..)
            .unwrap_or(t);
    }
    let digits =
        t.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    digits.strip_prefix(['.', '、']).unwrap_or(t).trim_start()
}

/// Splits a paragraph into sentences with their byte offsets. A list's
/// opening clause that states no figure (`其中，因公出国（境）费用没有；公务用车…`)
/// runs on into the next: its 其中 opens that clause's parts.
pub fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '；' | '！' | '？' | ';') || ends_with_a_stop(text, i, c) {
            let end = i + c.len_utf8();
            let clause = &text[start..end];
            let opens_a_list_bare = matches!(c, '；' | ';')
                && clause.trim_start().starts_with("其中")
                && !clause.contains(|c: char| c.is_ascii_digit());
            if opens_a_list_bare {
                continue;
            }
            out.push((start, clause));
            start = end;
        }
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out
}

/// An ASCII `.` that a PDF or a typist put for `。`: between words
/// (`总额为32万元.本单位…`, `比率为95.10%.本年…`, `扣完为止. 2018年…`), never after a digit (a
/// decimal cut at a line, `95.`, or a numbered heading, `1.项目概况`) nor
/// in Latin text.
fn ends_with_a_stop(text: &str, at: usize, c: char) -> bool {
    if c != '.' {
        return false;
    }
    use jixiao_model::is_han as han;
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    // (`扣完为止. 2018年度…`: after words, a space and a figure start the next.)
    let spaced = text[at + 1..].trim_start_matches(' ').chars().next();
    before.is_some_and(|b| !b.is_ascii_alphanumeric() && !b.is_whitespace() && b != '.')
        && (after.is_some_and(han)
            || (after == Some(' ')
                && before.is_some_and(han)
                && spaced.is_some_and(|a| han(a) || a.is_ascii_digit())))
}

/// Whether a number is hedged by the words around it: `约1200元`, `近95%`,
/// `1200元左右` — or is a bound, not the value (`亩均投资不低于1500元`, `每人最高
/// 500元`, `500元以内`). Words that end like a hedge keep their meaning (`节约3万元`).
fn is_approximate(before: &str, after: &str) -> bool {
    const BEFORE: &[&str] = &[
        "约",
        "约为",
        "约有",
        "大概",
        "近",
        "将近",
        "接近",
        "逾",
        "超过",
        "不足",
        "不到",
        "不低于",
        "不少于",
        "不高于",
        "不多于",
        "不大于",
        "不小于",
        "不超",
        "最高",
        "最低",
        "最多",
        "至少",
        "高于",
        "低于",
        "多于",
        "少于",
        "大于",
        "小于",
        "上限",
        "下限",
    ];
    // Beside the words a label keeps whole (`节约`, `签约` …).
    const NOT_A_HEDGE: &[&str] = &[
        "预约", "履约", "违约", "公约", "条约", "集约", "最近", "附近",
    ];
    const AFTER: &[&str] = &["左右", "上下", "以上", "以下", "之多", "以内", "封顶"];
    let before = before.trim_end();
    let a_word = WORDS_ENDING_LIKE_A_CONNECTIVE
        .iter()
        .chain(NOT_A_HEDGE)
        .any(|w| before.ends_with(w));
    (BEFORE.iter().any(|w| before.ends_with(w)) && !a_word)
        || AFTER.iter().any(|w| after.trim_start().starts_with(w))
}

/// A long number for a message: its first and last digits and its length.
fn shorten(num: &str) -> String {
    let n = num.chars().count();
    if n <= 24 {
        return num.to_string();
    }
    let head: String = num.chars().take(8).collect();
    let tail: String = num.chars().skip(n - 4).collect();
    format!("{head}…{tail} ({n} characters)")
}

/// 分 opening a word (分配, 分析, 分别, 分布), not a unit of points: only
/// words whose second character opens no word a score is written before
/// (`5分批复`, `10分管理`, `8分档案` are points; `分配套` is 配套).
fn opens_a_word_with_fen(after: &str) -> bool {
    ["配", "析", "别", "布"]
        .iter()
        .any(|w| after.starts_with(w))
        && !after.starts_with("配套")
}

/// Every number with a unit in a paragraph, as facts; `paragraph` is the
/// paragraph's index in the document. Numbers longer than any report prints
/// are refused, each with a warning in `refused`.
pub fn facts_in(p: &Paragraph, paragraph: usize, refused: &mut Vec<String>) -> Vec<Fact> {
    let mut out = Vec::new();
    let of_an_item = names_a_project_item(&p.text);
    for (offset, sentence) in sentences(&p.text) {
        // Once the sentence names a part of the budget, its later bare labels are
        // that part's; a paragraph on one project of several (`2.动物防疫项目：全年
        // 预算数…`) is that project's throughout.
        // (`“三公”经费：全年预算数18.60万元，…`, a form's caption over its
        // fields: the figures after a caption naming a part are that part's.)
        let captioned = sentence
            .trim_start()
            .split_once(['：', ':'])
            .is_some_and(|(head, _)| {
                head.chars().count() <= 20
                    && !head.contains(['，', ',', '。', '；'])
                    && names_a_part(head)
            });
        let mut part_subject = of_an_item || captioned;
        // Whether an amount was read in the sentence yet: one that opens it
        // as a fund's (`县级资金80.00万元，实际支出76.00万元`) makes the budget
        // figures after it that fund's, up to a total (`共计`) of the whole.
        let mut opened = false;
        let mut opened_by_part = false;
        let mut shared: Option<std::sync::Arc<str>> = None;
        let named = respective_names(sentence);
        for hit in numbers_in(sentence) {
            let (whole, num, unit) = (&hit.whole, hit.num, hit.unit);
            // Part of a longer token (a date such as 2023年12月, or a code): skip.
            if sentence[..whole.start].ends_with(|c: char| c.is_ascii_digit() || c == '.') {
                continue;
            }
            // `总投资200万，`: 万 (亿) alone is money where nothing follows it in
            // the clause; `2.5万人`, `3万亩` measure something else.
            if matches!(unit, "万" | "亿")
                && !sentence[whole.end..].chars().next().is_none_or(|c| {
                    is_clause_break(c) || c.is_whitespace() || matches!(c, '。' | '的' | '；')
                })
            {
                continue;
            }
            // `3个月`, `5个工作日`: a duration, not a count.
            if unit == "个"
                && ["月", "工作日", "小时"]
                    .iter()
                    .any(|w| sentence[whole.end..].starts_with(w))
            {
                continue;
            }
            // `分配办法22分配结果66` (a form's cells run together): a 分 that
            // opens a word (分配, 分析, 分别) is no unit of points.
            if unit == "分" && opens_a_word_with_fen(&sentence[whole.end..]) {
                continue;
            }
            // `第3名`, `第2次`: an ordinal, not a count.
            if matches!(unit, u if COUNT_WORDS.contains(&u))
                && sentence[..whole.start].ends_with('第')
            {
                continue;
            }
            let Some(number) = Printed::parse(num) else {
                refused.push(format!(
                    "a number too long to be a figure was not read: {} at {}",
                    shorten(num),
                    p.source_at(offset + whole.start).describe()
                ));
                continue;
            };
            let unit = match unit {
                "%" => FactUnit::Percent,
                "个百分点" | "百分点" => FactUnit::PercentagePoints,
                "分" => FactUnit::Points,
                u => match (MoneyUnit::parse(u), COUNT_WORDS.iter().find(|w| **w == u)) {
                    (Some(m), _) => FactUnit::Money(m),
                    (None, Some(word)) => FactUnit::Count(word),
                    (None, None) => continue,
                },
            };
            let before = &sentence[..whole.start];
            let label_start = label_start(before);
            let mut label = trim_label(without_run_in_heading(&before[label_start..]));
            let respective = named.get(&whole.start);
            if let Some(name) = respective {
                label = name.clone();
            }
            // `（4）差旅费用：100,000 万元`: the label stands before the colon.
            if label.is_empty() && before[..label_start].ends_with(['：', ':']) {
                let head = &before[..label_start
                    - before[..label_start]
                        .chars()
                        .last()
                        .map_or(0, char::len_utf8)];
                let start = head
                    .char_indices()
                    .rev()
                    .find(|(_, c)| is_clause_break(*c))
                    .map(|(i, c)| i + c.len_utf8())
                    .unwrap_or(0);
                label = trim_label(&head[start..]);
            }
            // `满意度（非常满意与满意之和占有效问卷的比例）为96.88%`: a note in
            // brackets between a name and its figure; the name is before it
            // (and before a colon: `执行率（B/A）：98.61%`).
            let head = before[..label_start].trim_end_matches(['：', ':']);
            if label.is_empty() && head.ends_with(['）', ')']) {
                if let Some(open) = head.rfind(['（', '(']) {
                    let note = &head[open..];
                    let name = &head[..open];
                    let start = name
                        .char_indices()
                        .rev()
                        .find(|(_, c)| is_clause_break(*c))
                        .map_or(0, |(i, c)| i + c.len_utf8());
                    if !note.chars().any(|c| c.is_ascii_digit()) {
                        label = trim_label(&name[start..]);
                    }
                }
            }
            // `比上年度（96.00%）提高2.33个百分点`: a figure alone in brackets is
            // of the words before them.
            let bracketed = before[..label_start]
                .strip_suffix(['（', '('])
                .filter(|_| sentence[whole.end..].starts_with(['）', ')']));
            if let Some(head) = bracketed.filter(|_| label.is_empty()) {
                let start = head
                    .char_indices()
                    .rev()
                    .find(|(_, c)| is_clause_break(*c))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                label = trim_label(&head[start..]);
            }
            // `预算执行率=实际支出/全年预算数×100%=95.2%`: the value of a formula
            // in words is the quantity it defines.
            if label.is_empty() && before[..label_start].ends_with(['=', '＝']) {
                if let Some(name) = formula_name(&before[..label_start]) {
                    label = name;
                }
            }
            // `，合计200万元`: a total with no other words is named by its word.
            if label.is_empty() {
                let raw = before[label_start..].trim();
                if let Some(word) = TOTAL_WORDS.iter().find(|w| raw.ends_with(**w)) {
                    label = (*word).to_string();
                }
            }
            // `分别增加100万元、80万元`, `分别占80%和20%`: a number right after
            // another and 、 (和, 及) has no words of its own; it is the next of
            // the list its predecessor opens, the same quantity of another
            // subject, and takes the predecessor's label and kind.
            let listed_after = out.last().filter(|prev: &&Fact| {
                respective.is_none()
                    && prev.unit == unit
                    && prev.sentence_start >= offset
                    && p.text
                        .get(prev.span.1..offset + whole.start)
                        .is_some_and(|between| matches!(between.trim(), "、" | "和" | "及"))
            });
            let inherited =
                listed_after.map(|prev| (prev.label.clone(), prev.kind, prev.role, prev.scope));
            if let Some((l, ..)) = &inherited {
                label = l.clone();
            }
            let rest = &sentence[whole.end..];
            let after_end = rest
                .char_indices()
                .find(|(_, c)| is_clause_break(*c) || matches!(c, '。' | '；'))
                .map(|(i, _)| i)
                .unwrap_or(rest.len());
            let yuan = match unit {
                FactUnit::Money(u) => Some(u.to_yuan(number.value)),
                _ => None,
            };
            part_subject |= names_a_part(&label);
            // `全年预算调整为9,120.48万元`: what the budget was adjusted to (not by),
            // of the scope its budget is.
            // (`年中调整预算为520万元` too: the budget as adjusted, not the change.)
            let adjusted_to = [
                "调整为",
                "调整至",
                "调整到",
                "调整后为",
                "调整预算为",
                "调整预算至",
                "调整预算到",
            ]
            .iter()
            .any(|w| before.trim_end().ends_with(w))
                && label.contains("预算")
                && !label.contains("年初");
            // A rate's scope is its measure's: `预算执行率` speaks of the whole as `预算执行数` does.
            // (`结转结余率` as `结转结余` does.)
            // (`资金支出率` as `资金支出数`, `支付率` as `实际支付`.)
            let scope_label = match label.strip_suffix("执行率") {
                Some(stem) => format!("{stem}执行数"),
                None if label.ends_with("支出率") => {
                    format!("{}数", label.trim_end_matches('率'))
                }
                None if label.ends_with("支付率") => {
                    format!("{}实际支付", label.trim_end_matches("支付率"))
                }
                None if label.ends_with("结余率") => label.trim_end_matches('率').to_string(),
                None if adjusted_to => label.trim_end_matches("调整").to_string(),
                None => label.clone(),
            };
            // A total names itself in the clause before its number (`共计`), which
            // the label may leave out.
            let clause = before
                .char_indices()
                .rev()
                .find(|(_, c)| is_clause_break(*c))
                .map_or(before, |(i, c)| &before[i + c.len_utf8()..]);
            let total = TOTAL_WORDS.iter().any(|w| clause.contains(w));
            opened_by_part &= !total;
            let role = role_of(&label, unit).or(adjusted_to.then_some(FactRole::Adjusted));
            // `全年预算X万元，其中年初预算Y万元，年中追加Z万元`: the budget at the
            // year's start is a stage of the whole, listed as its part, where
            // the whole is the report's (not `专项资金全年预算…`).
            let initial_of_the_whole = role == Some(FactRole::Initial)
                && scope_label
                    .strip_prefix("其中")
                    .is_some_and(|l| is_whole_scope(l.trim_start_matches(['：', ':'])))
                && out.last().is_some_and(|whole: &Fact| {
                    whole.sentence_start >= offset
                        && whole.scope == Scope::Report
                        && whole.yuan.is_some()
                });
            // `2022年该项目实际支出…，2023年较2022年增加…`: a figure dated a year
            // before another its sentence names is that earlier year's.
            let an_earlier_years = jixiao_model::facts::opening_year(
                label.trim_start_matches(|c: char| "，,、；;：: ".contains(c)),
            )
            .is_some_and(|year| {
                sentence
                    .match_indices('年')
                    .filter_map(|(at, _)| sentence.get(at.checked_sub(4)?..at)?.parse::<i32>().ok())
                    .any(|other| other > year && other < year + 10)
            });
            // Spending said bare after when (`全年共支出552万元，…`) opening its
            // sentence is the whole's; after a part's figures (`每人每月…100元，
            // 共支出504万元`), that part's. (`支出` alone may go on about the
            // part of the sentence before.)
            // (Nor right after the report's budget: `安排资金1,200万元，支出
            // 1,142.48万元，执行率95.21%` is what was spent of it.)
            let after_the_budget = out.last().is_some_and(|prev: &Fact| {
                prev.sentence_start >= offset
                    && prev.scope == Scope::Report
                    && prev.yuan.is_some()
                    && matches!(
                        prev.role,
                        Some(FactRole::Initial | FactRole::Adjusted | FactRole::Available)
                    )
            });
            // (Or after a clause of when alone: `截至2023年12月31日，共支出…`.)
            let after_a_date =
                crate::budget::is_a_date(before[..label_start].trim_end_matches(['，', ',', ' ']));
            let spent_bare = (said_bare_after_when(&scope_label) && !opened)
                || (says_spending_bare(&scope_label) && !opened && after_a_date)
                || (says_spending_bare(&scope_label) && after_the_budget);
            // `其中产业发展类项目52个，安排资金4,212万元；基础设施类项目28个，…`:
            // figures right after a count listed as a part are that part's
            // (a list `；` runs on past its clauses, a `。` ends).
            let after_a_listed_count = out.last().is_some_and(|prev: &Fact| {
                prev.sentence_start >= offset
                    && matches!(prev.unit, FactUnit::Count(_))
                    && p.text.get(..prev.span.0).is_some_and(|head| {
                        head.rsplit(['。', '！', '？'])
                            .next()
                            .is_some_and(|run| run.contains("其中"))
                    })
                    && p.text
                        .get(prev.span.1..offset + whole.start)
                        .is_some_and(|between| !between.contains(['；', ';']))
            });
            let scope = if (is_whole_scope(&scope_label) || initial_of_the_whole || spent_bare)
                && !part_subject
                && !after_a_listed_count
                && !(opened_by_part && role.is_some())
                && !an_earlier_years
            {
                Scope::Report
            } else {
                Scope::Part
            };
            // A rate named by its word alone (`，执行率95.85%`) is of the amount
            // before it in its sentence: `职业培训补贴支出1,150.2万元，执行率95.85%`
            // is that part's, `项目结余资金817.66万元，结余率9.97%` the whole's.
            let bare_rate = label.ends_with('率') && label.chars().count() <= 3;
            let scope = match out.last() {
                Some(prev) if bare_rate && prev.sentence_start >= offset && prev.yuan.is_some() => {
                    prev.scope
                }
                _ => scope,
            };
            if yuan.is_some() {
                // (Or a budget of a part named: `会议费预算8万元，实际支出6.5万元`,
                // also after the sentence's first amount: `共下达资金1,200万元，涉及3个
                // 子项目：（1）农田水利项目预算500万元，实际支出485万元…`.)
                let items_budget = scope == Scope::Part && names_an_items_budget(&label);
                if !std::mem::replace(&mut opened, true) {
                    opened_by_part = (names_fund_source(&label) || items_budget) && !total;
                } else if items_budget && !total {
                    opened_by_part = true;
                }
            }
            let (kind, role, scope) = match inherited {
                Some((_, kind, role, scope)) => (kind, role, scope),
                None => (kind_in(&label, before, unit), role, scope),
            };
            out.push(Fact {
                kind,
                role,
                scope,
                yuan,
                approximate: is_approximate(before, rest),
                paragraph,
                label,
                after: rest[..after_end].trim().to_string(),
                number,
                unit,
                span: (offset + whole.start, offset + whole.end),
                source: p.source_at(offset + whole.start),
                sentence: shared
                    .get_or_insert_with(|| std::sync::Arc::from(sentence.trim()))
                    .clone(),
                sentence_start: offset + (sentence.len() - sentence.trim_start().len()),
            });
        }
    }
    // A cell of a table's row flattened into a line (`年度资金总额 320万元 356万元`):
    // which column it was under is unsure, so its label gives it no role.
    for fact in out.iter_mut() {
        if crate::lists::a_cell_of_a_flattened_row(fact) {
            fact.role = None;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_listed_bare_share_the_unit_after_the_last() {
        let hits = |s: &str| -> Vec<(String, String)> {
            numbers_in(s)
                .into_iter()
                .map(|h| (h.num.to_string(), h.unit.to_string()))
                .collect()
        };
        let pair = |n: &str, u: &str| (n.to_string(), u.to_string());
        assert_eq!(
            hits("分别为4125.49、4143.91万元，分别增长3.5和4%"),
            vec![
                pair("4125.49", "万元"),
                pair("4143.91", "万元"),
                pair("3.5", "%"),
                pair("4", "%"),
            ]
        );
        // An ordinal's list, or a code's end, shares nothing.
        assert_eq!(hits("第1、2名"), vec![pair("2", "名")]);
        assert_eq!(hits("编号A-1、5万元"), vec![pair("5", "万元")]);
    }

    use super::*;
    use jixiao_model::Source;

    #[test]
    fn durations_and_ordinals_are_no_counts() {
        let p = Paragraph::new(
            "发放3个月，5个工作日内办结，排名第3名，共救助120人。",
            Source::default(),
        );
        let counts: Vec<String> = facts_in(&p, 0, &mut Vec::new())
            .into_iter()
            .map(|m| format!("{}{}", m.number.value, m.unit.label()))
            .collect();
        assert_eq!(counts, vec!["120人"]);
    }

    #[test]
    fn years_listed_before_respectively_date_each_figure() {
        let p = Paragraph::new(
            "2022年、2023年项目支出分别为850万元、920万元。",
            Source::default(),
        );
        let labels: Vec<String> = facts_in(&p, 0, &mut Vec::new())
            .into_iter()
            .map(|m| format!("{}={}", m.label, m.number.value))
            .collect();
        assert_eq!(labels, vec!["2022年项目支出=850", "2023年项目支出=920"]);
        assert_eq!(years_listed(&["2022年", "2023年度收入"]).unwrap().len(), 2);
        assert_eq!(years_listed(&["2022年", "2023年"]), None);
    }

    #[test]
    fn spending_said_bare_after_the_budget_is_of_it() {
        let scopes = |text: &str| -> Vec<(String, Scope)> {
            let p = Paragraph::new(text, Source::default());
            facts_in(&p, 0, &mut Vec::new())
                .into_iter()
                .filter(|m| m.label.ends_with("支出"))
                .map(|m| (m.number.value.to_string(), m.scope))
                .collect()
        };
        assert_eq!(
            scopes("安排资金1,200.00万元，支出1,142.48万元，执行率95.21%。"),
            vec![("1142.48".to_string(), Scope::Report)]
        );
        // A part's budget keeps its spending the part's.
        assert_eq!(
            scopes("城南水厂项目预算680.00万元，支出652.30万元，执行率95.93%。"),
            vec![("652.30".to_string(), Scope::Part)]
        );
    }

    #[test]
    fn funds_right_after_a_count_listed_as_a_part_are_its() {
        let scopes = |text: &str| -> Vec<(String, Scope)> {
            let p = Paragraph::new(text, Source::default());
            facts_in(&p, 0, &mut Vec::new())
                .into_iter()
                .filter(|m| m.label == "安排资金")
                .map(|m| (m.number.value.to_string(), m.scope))
                .collect()
        };
        let part = |v: &str| (v.to_string(), Scope::Part);
        assert_eq!(
            scopes("共实施项目86个，其中产业发展类项目52个，安排资金4,212万元；基础设施类项目28个，安排资金1,944万元。"),
            vec![part("4212"), part("1944")]
        );
        // A count that is no listed part leaves them the whole's; a `。` ends a list.
        assert_eq!(
            scopes("共实施项目86个，安排资金6,480万元。"),
            vec![("6480".to_string(), Scope::Report)]
        );
        assert_eq!(
            scopes("其中新建项目5个。全年共实施项目8个，安排资金600万元。"),
            vec![("600".to_string(), Scope::Report)]
        );
    }

    #[test]
    fn labels_are_the_words_before_the_number() {
        let p = Paragraph::new("本项目年初预算金额为446.41万元，调整后项目年度预算金额为438.41万元。项目资金执行率为 99.82%。", Source::default());
        let m = facts_in(&p, 0, &mut Vec::new());
        let got: Vec<(&str, String)> = m
            .iter()
            .map(|m| (m.label.as_str(), m.number.value.to_string()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("本项目年初预算金额", "446.41".to_string()),
                ("调整后项目年度预算金额", "438.41".to_string()),
                ("项目资金执行率", "99.82".to_string())
            ]
        );
        assert_eq!(m[2].unit, FactUnit::Percent);
        let p = Paragraph::new("资金下达500万元，满意度达95%。", Source::default());
        let labels: Vec<String> = facts_in(&p, 0, &mut Vec::new())
            .into_iter()
            .map(|m| m.label)
            .collect();
        assert_eq!(labels, vec!["资金下达", "满意度"]);
        assert_eq!(m[0].number.decimals, 2);
        // A field's name before its colon, the formula in brackets no name.
        let p = Paragraph::new("执行率（B/A）：98.61%", Source::default());
        let labels: Vec<String> = facts_in(&p, 0, &mut Vec::new())
            .into_iter()
            .map(|m| m.label)
            .collect();
        assert_eq!(labels, vec!["执行率"]);
    }

    #[test]
    fn a_label_starts_after_a_row_of_figures_spaced_apart() {
        // A form's block flattened into text: the row is a table's, not the
        // rate's name; a range of years (no space) stays a name's.
        let p = Paragraph::new(
            "资金来源中央本级合计年初预算0 460 460实际支出0 401.25—401.25预算执行率97.62%，2021—2023年累计投入120万元。",
            Source::default(),
        );
        let labels: Vec<String> = facts_in(&p, 0, &mut Vec::new())
            .into_iter()
            .map(|m| m.label)
            .collect();
        assert_eq!(labels, vec!["预算执行率", "2021—2023年累计投入"]);
    }

    #[test]
    fn an_items_budget_after_the_sentences_first_amount_opens_the_items_figures() {
        let p = Paragraph::new(
            "本专项共下达资金1,200万元，涉及3个子项目：（1）农田水利项目预算500万元，实际支出485万元，执行率97%。",
            Source::default(),
        );
        let scopes: Vec<(String, Scope)> = facts_in(&p, 0, &mut Vec::new())
            .into_iter()
            .map(|m| (m.label, m.scope))
            .collect();
        for label in ["实际支出", "执行率"] {
            assert!(
                scopes.iter().any(|(l, s)| l == label && *s == Scope::Part),
                "{label}: {scopes:?}"
            );
        }
    }

    #[test]
    fn the_value_of_a_formula_in_words_is_the_rate_it_defines() {
        let labels = |text: &str| -> Vec<(String, String)> {
            facts_in(&Paragraph::new(text, Source::default()), 0, &mut Vec::new())
                .into_iter()
                .map(|m| (m.label, m.number.value.to_string()))
                .collect()
        };
        let got = labels("预算执行率=（实际支出÷全年预算数）×100%=95.2%，全年预算数1,250万元。");
        assert!(
            got.contains(&("预算执行率".to_string(), "95.2".to_string())),
            "{got:?}"
        );
        // A formula with figures (`=952/1000×100%=`) or a score's names no rate.
        for text in [
            "预算执行率=实际支出/预算数×100%=952/1000×100%=95.2%。",
            "得分=执行率×分值=95.2%×10=9.52分。",
        ] {
            let got = labels(text);
            assert!(
                !got.iter()
                    .any(|(l, _)| l.ends_with('率') && !l.contains(['=', '/'])),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn changes_and_shares_are_told_from_levels() {
        let p = Paragraph::new("收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，比2024年预算减少2,389.52万元；支出较上年减少了12.5万元，占总支出的比重为3.2%，年中调减预算20万元。", Source::default());
        let kinds: Vec<FactKind> = facts_in(&p, 0, &mut Vec::new())
            .iter()
            .map(|m| m.kind)
            .collect();
        use FactKind::*;
        assert_eq!(kinds, vec![Level, Level, Change, Change, Share, Level]);
    }

    #[test]
    fn the_level_compared_with_is_the_base_of_the_change() {
        let p = Paragraph::new("“三公”经费支出18万元，较2022年的20万元减少2万元，下降10%；收入500万元，比上年400万元增长25%，比上年度同期增加100万元，上年支出为400万元；支出475万元，较预算500万元节约25万元。", Source::default());
        let kinds: Vec<FactKind> = facts_in(&p, 0, &mut Vec::new())
            .iter()
            .map(|m| m.kind)
            .collect();
        use FactKind::*;
        assert_eq!(
            kinds,
            vec![
                Level, Base, Change, Change, Level, Base, Change, Change, Level, Level, Base,
                Change
            ]
        );
    }

    #[test]
    fn dates_and_codes_are_not_amounts() {
        let p = Paragraph::new("截至2023年12月31日，共计 100 分。", Source::default());
        let m = facts_in(&p, 0, &mut Vec::new());
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].unit, FactUnit::Points);
    }

    #[test]
    fn a_fen_that_opens_a_word_is_no_unit_of_points() {
        let p = Paragraph::new(
            "资金分配8分配办法22分配结果66，项目决策20分分别为5分为满分的两项，配套资金8分配套到位，产出指标40分项目绩效85分。",
            Source::default(),
        );
        let m: Vec<String> = facts_in(&p, 0, &mut Vec::new())
            .iter()
            .map(|m| m.number.value.to_string())
            .collect();
        assert_eq!(m, ["20", "5", "8", "40", "85"]);
    }
}
