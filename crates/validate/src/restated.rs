//! A named rate stated in two places: `日常公用经费控制率为93.58%` in the
//! analysis and again in the conclusion. The two must agree; a report that
//! re-types a rate with another value has one of them wrong.
//!
//! Only rates whose name says what they measure (a qualifier beyond 预算 /
//! 资金 / 项目 before the measure: a bare 预算执行率 is each project's in a
//! report of several) and that are stated for the same period take part: `季度预算执行率` of the first and of the second quarter, or
//! last year's and this year's 控制率, are different quantities.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use jixiao_model::{Fact, FactKind, FactUnit, Finding, Severity};
use regex::Regex;

use crate::amounts::{drop_subject, stem};
use crate::context::{finding, fmt, Context, Operand};
use crate::interval::{Interval, Verdict};

/// Words a qualifier may hold that name no particular quantity.
const GENERIC: &[&str] = &[
    "预算", "资金", "项目", "总体", "整体", "实际", "全年", "年度", "部门", "平均", "综合", "总",
    "的",
];

/// Words before a rate that make it a target, a standard or a plan, not
/// what was achieved.
const NOT_ACHIEVED: &[&str] = &[
    "目标",
    "标准",
    "要求",
    "计划",
    "预期",
    "预计",
    "指标值",
    "不低于",
    "不高于",
    "不少于",
    "低于",
    "高于",
    "超过",
    "应",
    "力争",
    "确保",
    "原则上",
];

/// The rate's name, where it names a particular quantity: the label without
/// the report's subject (`我中心`), ending in 率, with a qualifier of at least
/// two characters that is not generic before its measure. None for anything
/// else: `分配率` alone is each fund's, whichever the sentence is about.
fn rate_name(fact: &Fact) -> Option<String> {
    let name = drop_subject(fact.label.trim());
    if !name.ends_with('率')
        || !name
            .chars()
            .all(|c| jixiao_model::is_han(c) || "“”\"".contains(c))
    {
        return None;
    }
    let mut qualifier = stem(&name);
    // A measure the stem does not know (`分配率`, `知晓率`): its two words
    // before 率 name it, and only words before them what it is of.
    if qualifier.ends_with('率') {
        let n = qualifier.chars().count();
        qualifier = qualifier.chars().take(n.saturating_sub(3)).collect();
    }
    for g in GENERIC {
        qualifier = qualifier.replace(g, "");
    }
    let qualifier: String = qualifier.chars().filter(|c| !"“”\"".contains(*c)).collect();
    (qualifier.chars().count() >= 2).then_some(name)
}

/// The periods the sentence names before the rate (`2024年`, `一季度`,
/// `上半年`, `第三批`): statements for different periods are different
/// quantities. The report's own year is no period of its own (`2024年，…`
/// and a sentence without a year speak of the same year).
fn periods(before: &str, own_year: Option<i32>) -> Vec<String> {
    static PERIOD: OnceLock<Regex> = OnceLock::new();
    let re = PERIOD.get_or_init(|| {
        Regex::new(r"\d{4}\s*年|[一二三四五六七八九十\d]+\s*(?:季度|月份?|期|批)|[上下]半年|第[一二三四五六七八九十\d]+")
            .expect("valid regex")
    });
    let own = own_year.map(|y| format!("{y}年"));
    let mut out: Vec<String> = re
        .find_iter(before)
        .map(|m| m.as_str().chars().filter(|c| !c.is_whitespace()).collect())
        .filter(|p: &String| Some(p) != own.as_ref())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The text of the fact's sentence before its number.
fn before_number(fact: &Fact) -> &str {
    let end = fact.span.0.saturating_sub(fact.sentence_start);
    fact.sentence.get(..end).unwrap_or("")
}

/// A statement of what a rate came to, not a target or a bound on it.
fn achieved(fact: &Fact) -> bool {
    let before = before_number(fact);
    let after = fact.after.trim_start();
    fact.kind == FactKind::Level
        && fact.unit == FactUnit::Percent
        && !NOT_ACHIEVED.iter().any(|w| before.contains(w))
        && !["以上", "以下", "以内", "左右", "之间"]
            .iter()
            .any(|w| after.starts_with(w))
}

/// The values a printed rate may stand for.
fn interval_of(fact: &Fact) -> Interval {
    Interval::of_printed(fact.number)
}

pub(crate) fn rate_conflict(ctx: &Context) -> Vec<Finding> {
    // Statements grouped by (name, periods), in document order.
    let own_year = ctx.report().report.fiscal_year;
    let mut groups: BTreeMap<(String, Vec<String>), Vec<&Fact>> = BTreeMap::new();
    for fact in ctx.facts().filter(|f| achieved(f) && !f.approximate) {
        if let Some(name) = rate_name(fact) {
            let key = (name, periods(before_number(fact), own_year));
            groups.entry(key).or_default().push(fact);
        }
    }
    let mut out = Vec::new();
    for ((name, _), statements) in groups {
        // One statement per paragraph: a sentence listing a rate twice is
        // comparing, not restating.
        let mut seen = std::collections::HashSet::new();
        let statements: Vec<&Fact> = statements
            .into_iter()
            .filter(|f| seen.insert(f.paragraph))
            .collect();
        if statements.len() < 2 {
            continue;
        }
        // Values alike where their printed intervals overlap (97.2 = 97.20).
        let mut values: Vec<(&Fact, usize)> = Vec::new();
        for f in &statements {
            match values
                .iter_mut()
                .find(|(v, _)| interval_of(v).overlaps(interval_of(f)))
            {
                Some((_, n)) => *n += 1,
                None => values.push((f, 1)),
            }
        }
        // Three values are three quantities the name does not tell apart.
        if values.len() > 2 {
            continue;
        }
        let first = statements[0];
        ctx.record(
            "rate.conflict",
            format!("{name} stated alike {} times", statements.len()),
            Operand::of(first),
            statements[1..].iter().map(|f| Operand::of(f)).collect(),
            Verdict::holding(values.len() == 1),
        );
        let [(usual, usual_n), (other, other_n)] = values[..] else {
            continue;
        };
        // The odd one out is the value stated less often; on a tie, the later one.
        let (usual, odd, severity) = match usual_n.cmp(&other_n) {
            std::cmp::Ordering::Greater => (usual, other, Severity::Error),
            std::cmp::Ordering::Less => (other, usual, Severity::Error),
            std::cmp::Ordering::Equal => (usual, other, Severity::Warning),
        };
        for f in statements
            .iter()
            .filter(|f| interval_of(f).overlaps(interval_of(odd)))
        {
            let elsewhere = if severity == Severity::Error {
                "everywhere else".to_string()
            } else {
                match usual.source.line {
                    Some(line) => format!(
                        "at line {line}: one of them is mistyped, or they measure different things"
                    ),
                    None => "elsewhere: one of them is mistyped, or they measure different things"
                        .to_string(),
                }
            };
            out.push(finding(
                "rate.conflict",
                severity,
                format!(
                    "{name} stated {}% here but {}% {elsewhere}",
                    f.number.value,
                    fmt(usual.number.value)
                ),
                f.number.value,
                Some(usual.number.value),
                Some("%"),
                &f.source,
                &f.sentence,
            ));
        }
    }
    out
}
