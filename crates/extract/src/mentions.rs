//! Quantities stated in prose: `年初预算金额为446.41万元`, `执行率为99.82%`.
//!
//! A mention is a printed number with its unit and the label in front of it:
//! the words from the last clause break up to the number, less connectives
//! such as 为/达/共计. Budget extraction and the checker both read mentions,
//! so a number is parsed from prose in one place only.

use std::sync::OnceLock;

use jixiao_model::{Paragraph, Source};
use regex::Regex;

use crate::number::{MoneyUnit, Printed};

/// The unit a mentioned number is printed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionUnit {
    /// An amount of money.
    Money(MoneyUnit),
    /// A percentage.
    Percent,
    /// Points (分).
    Points,
}

/// What a mentioned number measures. Only levels add up: a change on another
/// year (`比2024年预算减少2,389.52万元`, `较上年减少`) or a share is never a part
/// of a total, an adjustment or another statement of the same quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// An amount, score or rate as it stands.
    Level,
    /// A difference against another period (比上年, 较2024年, 同比).
    Change,
    /// A share of a whole (占…比重, 占比).
    Share,
}

impl MentionKind {
    /// The kind a label gives its number.
    pub fn of_label(label: &str) -> MentionKind {
        // 比 in 比例 / 比重 / 占比 names a share, not a comparison.
        let without_shares = label
            .replace("比例", "")
            .replace("比重", "")
            .replace("占比", "");
        if without_shares.len() != label.len() || label.contains('占') {
            return MentionKind::Share;
        }
        // `上年度资金结余` is a level; `上年增长` is a change.
        const COMPARED: &[&str] = &["比", "较", "相比", "同比", "环比"];
        const EARLIER: &[&str] = &["上年", "上一年", "去年"];
        const DIRECTION: &[&str] = &["增", "减", "降", "升", "持平"];
        let has = |words: &[&str]| words.iter().any(|w| without_shares.contains(w));
        if has(COMPARED) || (has(EARLIER) && has(DIRECTION)) {
            MentionKind::Change
        } else {
            MentionKind::Level
        }
    }
}

/// One number stated in prose.
#[derive(Clone, Debug)]
pub struct Mention {
    /// The label in front of the number, e.g. `本项目年初预算金额`.
    pub label: String,
    /// The number as printed.
    pub number: Printed,
    /// Its unit.
    pub unit: MentionUnit,
    /// A level, or a change or share that adds up with nothing.
    pub kind: MentionKind,
    /// Byte range of the number (with unit) in the paragraph text.
    pub span: (usize, usize),
    /// Where the number is.
    pub source: Source,
    /// The words right after the number, up to the next clause break
    /// (`4.28 万元资金结余` → `资金结余`): some reports name the quantity there.
    pub after: String,
    /// The whole sentence the number is in.
    pub sentence: String,
    /// Byte offset of `sentence` in the paragraph text.
    pub sentence_start: usize,
}

fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(-?\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元|%|分)").expect("valid regex")
    })
}

/// Characters that end the clause a label can come from.
fn is_clause_break(c: char) -> bool {
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
            | '？'
            | '！'
            | '\n'
    )
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

/// Cuts a label to the words that name the quantity.
fn trim_label(raw: &str) -> String {
    let mut label = raw.trim().to_string();
    loop {
        let before = label.len();
        for c in CONNECTIVES {
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

/// Splits a paragraph into sentences with their byte offsets.
pub fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '。' | '；' | '！' | '？' | ';') {
            let end = i + c.len_utf8();
            out.push((start, &text[start..end]));
            start = end;
        }
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out
}

/// Every number with a unit in a paragraph.
pub fn mentions_in(p: &Paragraph) -> Vec<Mention> {
    let mut out = Vec::new();
    for (offset, sentence) in sentences(&p.text) {
        for caps in number_re().captures_iter(sentence) {
            let (Some(whole), Some(num), Some(unit)) = (caps.get(0), caps.get(1), caps.get(2))
            else {
                continue;
            };
            // Part of a longer token (a date such as 2023年12月, or a code): skip.
            if sentence[..whole.start()].ends_with(|c: char| c.is_ascii_digit() || c == '.') {
                continue;
            }
            let Some(number) = Printed::parse(num.as_str()) else {
                continue;
            };
            let unit = match unit.as_str() {
                "%" => MentionUnit::Percent,
                "分" => MentionUnit::Points,
                u => match MoneyUnit::parse(u) {
                    Some(m) => MentionUnit::Money(m),
                    None => continue,
                },
            };
            let before = &sentence[..whole.start()];
            let label_start = before
                .char_indices()
                .rev()
                .find(|(_, c)| is_clause_break(*c))
                .map(|(i, c)| i + c.len_utf8())
                .unwrap_or(0);
            let mut label = trim_label(&before[label_start..]);
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
            let rest = &sentence[whole.end()..];
            let after_end = rest
                .char_indices()
                .find(|(_, c)| is_clause_break(*c) || matches!(c, '。' | '；'))
                .map(|(i, _)| i)
                .unwrap_or(rest.len());
            out.push(Mention {
                kind: MentionKind::of_label(&label),
                label,
                after: rest[..after_end].trim().to_string(),
                number,
                unit,
                span: (offset + whole.start(), offset + whole.end()),
                source: p.source_at(offset + whole.start()),
                sentence: sentence.trim().to_string(),
                sentence_start: offset + (sentence.len() - sentence.trim_start().len()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_the_words_before_the_number() {
        let p = Paragraph::new("本项目年初预算金额为446.41万元，调整后项目年度预算金额为438.41万元。项目资金执行率为 99.82%。", Source::default());
        let m = mentions_in(&p);
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
        assert_eq!(m[2].unit, MentionUnit::Percent);
        assert_eq!(m[0].number.decimals, 2);
    }

    #[test]
    fn changes_and_shares_are_told_from_levels() {
        let p = Paragraph::new("收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，比2024年预算减少2,389.52万元；支出较上年减少了12.5万元，占总支出的比重为3.2%，年中调减预算20万元。", Source::default());
        let kinds: Vec<MentionKind> = mentions_in(&p).iter().map(|m| m.kind).collect();
        use MentionKind::*;
        assert_eq!(kinds, vec![Level, Level, Change, Change, Share, Level]);
    }

    #[test]
    fn dates_and_codes_are_not_amounts() {
        let p = Paragraph::new("截至2023年12月31日，共计 100 分。", Source::default());
        let m = mentions_in(&p);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].unit, MentionUnit::Points);
    }
}
