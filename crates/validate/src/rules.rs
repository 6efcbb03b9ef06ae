//! The rule catalogue. Each rule has a stable id, a one-line description and
//! its severity logic; `jixiao rules` prints this table.

use std::collections::HashMap;
use std::sync::OnceLock;

use jixiao_extract::budget::{budget_role, is_whole_scope};
use jixiao_extract::mentions::{mentions_in, Mention, MentionKind, MentionUnit};
use jixiao_extract::number::{MoneyUnit, Printed};
use jixiao_extract::vocab::Role;
use jixiao_model::{Decimal, Document, Finding, FindingLocation, Report, Severity, Source};
use regex::Regex;

use crate::budget_table;
use crate::interval::{judge, Interval, Verdict};
use crate::prose;

/// One rule of the catalogue.
pub struct Rule {
    /// Stable id, e.g. `rate.mismatch`.
    pub id: &'static str,
    /// What it checks, in one line.
    pub description: &'static str,
    /// How it decides between error and warning.
    pub severity: &'static str,
    pub(crate) run: fn(&Context) -> Vec<Finding>,
}

/// Every rule, in the order they run.
pub const CATALOGUE: &[Rule] = &[
    Rule {
        id: "score.sum",
        description: "a score table's rows add up to its stated 合计 (scores and weights), and each group's weights to the group's printed weight",
        severity: "error when impossible even with every printed score rounded; warning when only the straight sum differs",
        run: score_sum,
    },
    Rule {
        id: "score.bounds",
        description: "every score lies between 0 and its weight",
        severity: "error",
        run: score_bounds,
    },
    Rule {
        id: "table.conflict",
        description: "an indicator scored in two tables of one report gets the same weight and score in both",
        severity: "error",
        run: table_conflict,
    },
    Rule {
        id: "value.conflict",
        description: "one budget quantity (年初预算, 调整后预算, 到位, 执行数) stated with different values in different places",
        severity: "error; the value stated most often is taken as the report's, the others are reported",
        run: value_conflict,
    },
    Rule {
        id: "rate.mismatch",
        description: "a stated rate (执行率, 控制率, 到位率 …) agrees with the two amounts it is the ratio of, in prose and in budget-table rows",
        severity: "error when outside the interval of the re-computation; warning when only the rounding differs",
        run: rate_mismatch,
    },
    Rule {
        id: "score.rate",
        description: "a score driven by a rate in the same row (预算执行 得分 = 分值 × min(执行率, 100%)) agrees with it",
        severity: "error when outside the interval of the re-computation; warning when only the rounding differs",
        run: budget_table::rate_driven_scores,
    },
    Rule {
        id: "prose.deduction",
        description: "a sentence's full marks less its deductions equal the score it states (满分 3 分 … 扣 1 分 … 实际得 2 分)",
        severity: "error when outside the interval of the re-computation; warning when only the rounding differs",
        run: prose::deductions,
    },
    Rule {
        id: "prose.indicator",
        description: "an indicator's score or full marks stated in prose (资金分配合理性得 5 分) agrees with its row in the score tables",
        severity: "error when no table row can give it; warning when only the rounding differs",
        run: prose::indicators,
    },
    Rule {
        id: "prose.subtotal",
        description: "a group subtotal stated in prose (决策部分得分 19 分) equals the score table's rows of that group",
        severity: "error when no score table of the report can give it; warning when only the rounding differs",
        run: prose::subtotals,
    },
    Rule {
        id: "grade.threshold",
        description: "the stated grade is the one the report's own scale gives its total (得分 ≥ 85 分为优秀 …)",
        severity: "error; silent unless the report states at least two bands",
        run: prose::grade_threshold,
    },
    Rule {
        id: "adjustment.mismatch",
        description: "an adjusted budget equals the initial one less a cut (调减) or plus a rise (调增) stated in the same sentence",
        severity: "error when outside the interval of the re-computation; warning when only the rounding differs",
        run: prose::adjustments,
    },
    Rule {
        id: "count.rows",
        description: "a stated count of indicators (由A、B、C 3 个二级指标…; 设置 17 个三级指标) agrees with the list it names, or with the score table",
        severity: "error",
        run: prose::counts,
    },
    Rule {
        id: "date.fiscal_year",
        description: "an as-of date (截至 YYYY 年) before the fiscal year under review",
        severity: "warning: often a figure carried over from the year before",
        run: prose::dates,
    },
    Rule {
        id: "target.missed",
        description: "an indicator whose 实际完成值 misses its 年度指标值 (≥90% vs 88.7%) still scores full marks",
        severity: "warning: the form allows it when the miss is explained, but an auditor should look",
        run: target_missed,
    },
    Rule {
        id: "formula.mismatch",
        description: "an arithmetic formula written out in the text, e.g. (a+b+c+d)÷4=r, computes to its stated result",
        severity: "error when outside the interval of the re-computation; warning when only the rounding differs",
        run: formula_mismatch,
    },
    Rule {
        id: "parts.sum",
        description: "parts listed after 其中/包括 do not add up to more than the whole; a budget table's breakdowns (其中, 按收入性质分 …) add up to its total",
        severity: "error when the parts exceed the whole even with every printed amount rounded; in a table, error when a column breaks the split the other columns agree on; a shorter list is silent (其中 may name only some parts)",
        run: parts_sum,
    },
    Rule {
        id: "balance.mismatch",
        description: "a stated 结余 (balance) equals available funds minus spending",
        severity: "error when outside the interval of the re-computation; warning when only the rounding differs",
        run: balance_mismatch,
    },
    Rule {
        id: "unit.magnitude",
        description: "an amount whose unit makes it absurd beside the project's total budget (e.g. 万元 among 元)",
        severity: "error when the amount exceeds a hundred times the report's largest budget figure",
        run: unit_magnitude,
    },
    Rule {
        id: "sequence.numbering",
        description: "序号 in a per-project table run 1, 2, 3 … without repeats or gaps",
        severity: "warning",
        run: sequence_numbering,
    },
];

/// What the rules look at: the report, and the prose mentions grouped by paragraph.
pub struct Context<'a> {
    report: &'a Report,
    /// Mentions of each paragraph, in document order.
    paragraphs: Vec<Vec<Mention>>,
    /// The paragraphs themselves, for rules that read text patterns.
    paragraph_texts: Vec<&'a jixiao_model::Paragraph>,
}

impl<'a> Context<'a> {
    /// Reads the prose once for all rules.
    pub fn new(doc: &'a Document, report: &'a Report) -> Context<'a> {
        Context {
            report,
            paragraphs: doc.paragraphs().map(mentions_in).collect(),
            paragraph_texts: doc.paragraphs().collect(),
        }
    }

    pub(crate) fn report(&self) -> &Report {
        self.report
    }

    /// Mentions, paragraph by paragraph.
    pub(crate) fn paragraph_mentions(&self) -> &[Vec<Mention>] {
        &self.paragraphs
    }

    /// The document's paragraphs and headings.
    pub(crate) fn paragraphs(&self) -> impl Iterator<Item = &jixiao_model::Paragraph> {
        self.paragraph_texts.iter().copied()
    }

    fn mentions(&self) -> impl Iterator<Item = &Mention> {
        self.paragraphs.iter().flatten()
    }
}

fn fmt(d: Decimal) -> String {
    d.normalize().to_string()
}

pub(crate) fn finding(
    rule: &str,
    severity: Severity,
    message: String,
    stated: Decimal,
    computed: Option<Decimal>,
    unit: Option<&str>,
    source: &Source,
    text: &str,
) -> Finding {
    Finding {
        rule: rule.to_string(),
        severity,
        message,
        stated: Some(stated),
        computed,
        unit: unit.map(str::to_string),
        location: FindingLocation::new(source, text),
    }
}

pub(crate) fn severity_of(v: Verdict) -> Option<Severity> {
    match v {
        Verdict::Consistent => None,
        Verdict::Rounding => Some(Severity::Warning),
        Verdict::Contradiction => Some(Severity::Error),
    }
}

pub(crate) fn rounding_note(v: Verdict) -> &'static str {
    if v == Verdict::Rounding {
        " (the difference could come from rounding of the printed inputs)"
    } else {
        ""
    }
}

fn row_text(item: &jixiao_model::ScoreItem) -> String {
    [
        item.level1.as_deref(),
        item.level2.as_deref(),
        item.level3.as_deref(),
    ]
    .iter()
    .flatten()
    .cloned()
    .collect::<Vec<_>>()
    .join(" / ")
}

fn score_sum(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (t, table) in ctx.report.score_tables.iter().enumerate() {
        let name = table
            .title
            .clone()
            .unwrap_or_else(|| format!("score table {}", t + 1));
        let Some(total) = &table.stated_total else {
            continue;
        };
        let checks = [
            (
                "score",
                total.score,
                table.items.iter().map(|i| i.score).collect::<Vec<_>>(),
            ),
            (
                "weight",
                total.weight,
                table.items.iter().map(|i| i.weight).collect(),
            ),
        ];
        // A form's 总分 counts its budget-execution row (the national form) or
        // only its indicator rows (some provinces' forms): either reading may hold.
        let budget_row_first = table
            .items
            .first()
            .is_some_and(|i| i.level1.as_deref() == Some(jixiao_extract::BUDGET_EXECUTION));
        for (what, stated, values) in checks {
            let Some(stated) = stated else { continue };
            if values.is_empty() || values.iter().any(|v| v.is_none()) {
                continue;
            }
            let values: Vec<Decimal> = values.into_iter().flatten().collect();
            let judge_rows = |rows: &[Decimal]| {
                let straight: Decimal = rows.iter().sum();
                // A column's precision is the finest any of its cells shows: in a
                // column printing 7.8 and 9.28, a score printed 6 means 6.00.
                let decimals = rows.iter().map(|v| v.scale()).max().unwrap_or(0);
                let iv = rows
                    .iter()
                    .map(|v| Interval::printed(*v, decimals))
                    .fold(Interval::exact(Decimal::ZERO), Interval::add);
                (judge(stated, stated.scale(), iv, straight), straight)
            };
            let (verdict, straight) = judge_rows(&values);
            if budget_row_first
                && values.len() > 1
                && judge_rows(&values[1..]).0 == Verdict::Consistent
            {
                continue;
            }
            if let Some(sev) = severity_of(verdict) {
                out.push(finding(
                    "score.sum",
                    sev,
                    format!(
                        "{name}: 合计 {what} stated {} but its {} rows add up to {}{}",
                        stated,
                        values.len(),
                        straight,
                        rounding_note(verdict)
                    ),
                    stated,
                    Some(straight),
                    Some("分"),
                    &total.source,
                    &format!("合计 {stated}"),
                ));
            }
        }
        // Group weights printed in header cells against the rows they head.
        for g in &table.group_weights {
            let rows: Vec<&jixiao_model::ScoreItem> = table
                .items
                .iter()
                .filter(|i| {
                    if g.level == 1 {
                        i.level1.as_deref() == Some(&g.name)
                    } else {
                        i.level2.as_deref() == Some(&g.name)
                    }
                })
                .collect();
            if rows.is_empty() || rows.iter().any(|i| i.weight.is_none()) {
                continue;
            }
            let sum: Decimal = rows.iter().filter_map(|i| i.weight).sum();
            if sum != g.weight {
                out.push(finding(
                    "score.sum",
                    Severity::Error,
                    format!(
                        "{name}: group {} is weighted {} but its {} rows' weights add up to {}",
                        g.name,
                        fmt(g.weight),
                        rows.len(),
                        fmt(sum)
                    ),
                    g.weight,
                    Some(sum),
                    Some("分"),
                    &g.source,
                    &format!("{} ({})", g.name, fmt(g.weight)),
                ));
            }
        }
    }
    out
}

fn score_bounds(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for table in &ctx.report.score_tables {
        for item in &table.items {
            let (Some(w), Some(s)) = (item.weight, item.score) else {
                continue;
            };
            if s > w || s < Decimal::ZERO {
                out.push(finding(
                    "score.bounds",
                    Severity::Error,
                    format!(
                        "{} scored {} but its weight is {}",
                        row_text(item),
                        fmt(s),
                        fmt(w)
                    ),
                    s,
                    Some(w.min(s.max(Decimal::ZERO))),
                    Some("分"),
                    &item.source,
                    &row_text(item),
                ));
            }
        }
    }
    out
}

fn table_conflict(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let tables = &ctx.report.score_tables;
    for a in 0..tables.len() {
        for b in a + 1..tables.len() {
            for x in &tables[a].items {
                let Some(name) = &x.level3 else { continue };
                let Some(y) = tables[b]
                    .items
                    .iter()
                    .find(|y| y.level3.as_ref() == Some(name))
                else {
                    continue;
                };
                for (what, vx, vy) in [("score", x.score, y.score), ("weight", x.weight, y.weight)]
                {
                    let (Some(vx), Some(vy)) = (vx, vy) else {
                        continue;
                    };
                    if vx != vy {
                        let ta = tables[a]
                            .title
                            .clone()
                            .unwrap_or_else(|| format!("table {}", a + 1));
                        let tb = tables[b]
                            .title
                            .clone()
                            .unwrap_or_else(|| format!("table {}", b + 1));
                        out.push(finding(
                            "table.conflict",
                            Severity::Error,
                            format!("{name}: {what} {} in {ta} but {} in {tb}", fmt(vx), fmt(vy)),
                            vx,
                            Some(vy),
                            Some("分"),
                            &y.source,
                            &row_text(y),
                        ));
                    }
                }
            }
        }
    }
    out
}

/// Budget mentions by role: (role, printed value in its unit, unit, mention).
/// Only levels whose scope is the whole budget: a fund's or some projects'
/// figure is another quantity, and comparing it with the whole would cry wolf.
fn budget_mentions<'c>(ctx: &'c Context) -> Vec<(Role, Decimal, MoneyUnit, &'c Mention)> {
    ctx.mentions()
        .filter(|m| m.kind == MentionKind::Level && is_whole_scope(&m.label))
        .filter_map(|m| {
            let role = budget_role(&m.label)?;
            match m.unit {
                MentionUnit::Money(u) if role != Role::Rate => Some((role, m.number.value, u, m)),
                _ => None,
            }
        })
        .collect()
}

/// Values stated for a budget quantity less often than another value: the outliers.
fn outliers<'c>(ctx: &'c Context) -> Vec<(Role, Decimal, Decimal, MoneyUnit, &'c Mention)> {
    let all = budget_mentions(ctx);
    let mut out = Vec::new();
    for role in [Role::Initial, Role::Budget, Role::Available, Role::Executed] {
        let of_role: Vec<_> = all.iter().filter(|(r, ..)| *r == role).collect();
        let mut counts: HashMap<Decimal, usize> = HashMap::new();
        for (_, v, u, _) in &of_role {
            *counts.entry(u.to_yuan(*v)).or_default() += 1;
        }
        // Three or more different values for one quantity are several quantities
        // (each project's 执行数, each year's), not one stated inconsistently.
        if counts.len() != 2 {
            continue;
        }
        let (best, best_n) = counts
            .iter()
            .max_by_key(|(v, n)| (**n, **v))
            .map(|(v, n)| (*v, *n))
            .unwrap_or_default();
        if best_n < 2 {
            continue;
        }
        for (_, v, u, m) in &of_role {
            if u.to_yuan(*v) != best && counts.get(&u.to_yuan(*v)).is_some_and(|n| *n < best_n) {
                out.push((role, *v, (best / u.factor()).normalize(), *u, *m));
            }
        }
    }
    out
}

fn value_conflict(ctx: &Context) -> Vec<Finding> {
    outliers(ctx)
        .into_iter()
        .map(|(_, stated, usual, unit, m)| {
            finding(
                "value.conflict",
                Severity::Error,
                format!(
                    "{} stated {}{} here but {}{} everywhere else",
                    m.label,
                    stated,
                    unit.label(),
                    fmt(usual),
                    unit.label()
                ),
                stated,
                Some(usual),
                Some(unit.label()),
                &m.source,
                &m.sentence,
            )
        })
        .collect()
}

/// The part of a label that names what is measured, without the measure:
/// `“三公”经费控制率` → `“三公”经费`.
fn stem(label: &str) -> String {
    const MEASURES: &[&str] = &[
        "控制率",
        "执行率",
        "到位率",
        "完成率",
        "使用率",
        "支出率",
        "达标率",
        "实际支出",
        "支出数",
        "决算数",
        "预算数",
        "全年预算安排",
        "全年预算",
        "预算安排",
        "预算",
        "计划金额",
        "实际采购金额",
        "采购金额",
        "金额",
        "支出",
        "总额",
        "数",
    ];
    let mut s = label.to_string();
    for m in MEASURES {
        if let Some(pos) = s.rfind(m) {
            s.truncate(pos);
            break;
        }
    }
    // Drop leading subjects and dates.
    for p in ["我中心", "本单位", "本部门", "本项目", "我单位"] {
        if let Some(pos) = s.find(p) {
            s = s[pos + p.len()..].to_string();
        }
    }
    let s = s.trim_start_matches(|c: char| c.is_ascii_digit() || "年度".contains(c));
    s.trim().to_string()
}

pub(crate) fn shares_stem(a: &str, b: &str) -> bool {
    let (a, b) = (stem(a), stem(b));
    if a.chars().count() < 2 || b.chars().count() < 2 {
        return false;
    }
    let core = |s: &str| {
        s.chars()
            .filter(|c| !matches!(c, '“' | '”' | '"'))
            .collect::<String>()
    };
    let (a, b) = (core(&a), core(&b));
    a.contains(&b)
        || b.contains(&a)
        || (a.chars().count() >= 4 && b.chars().count() >= 4 && common_suffix(&a, &b) >= 4)
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn rate_mismatch(ctx: &Context) -> Vec<Finding> {
    let mut out = budget_table::row_rates(ctx);
    out.extend(prose::count_rates(ctx));
    let outlier_spans: Vec<(usize, Source)> = outliers(ctx)
        .iter()
        .map(|(.., m)| (m.span.0, m.source.clone()))
        .collect();
    let is_outlier = |m: &Mention| {
        outlier_spans
            .iter()
            .any(|(off, s)| *off == m.span.0 && *s == m.source)
    };
    for para in &ctx.paragraphs {
        for (k, rate) in para.iter().enumerate() {
            if rate.unit != MentionUnit::Percent || !rate.label.ends_with('率') {
                continue;
            }
            // Candidate amounts stated before the rate, in the same paragraph and unit.
            let amounts: Vec<&Mention> = para[..k]
                .iter()
                .filter(|m| matches!(m.unit, MentionUnit::Money(_)) && !is_outlier(m))
                .collect();
            let rate_is_execution = budget_role(&rate.label) == Some(Role::Rate);
            let mut best: Option<(Decimal, &Mention, &Mention)> = None;
            for num in &amounts {
                for den in &amounts {
                    if std::ptr::eq(*num, *den)
                        || num.unit != den.unit
                        || den.number.value.is_zero()
                        || num.number.value > den.number.value
                    {
                        continue;
                    }
                    let anchored = if rate_is_execution {
                        budget_role(&num.label) == Some(Role::Executed)
                            && matches!(
                                budget_role(&den.label),
                                Some(Role::Budget | Role::Available | Role::Initial)
                            )
                    } else {
                        shares_stem(&rate.label, &num.label) && shares_stem(&rate.label, &den.label)
                    };
                    if !anchored {
                        continue;
                    }
                    let pct = num.number.value / den.number.value * Decimal::from(100);
                    let gap = (pct - rate.number.value).abs();
                    if best.as_ref().is_none_or(|(g, ..)| gap < *g) {
                        best = Some((gap, num, den));
                    }
                }
            }
            let Some((_, num, den)) = best else { continue };
            let straight = num.number.value / den.number.value * Decimal::from(100);
            let Some(iv) = Interval::printed(num.number.value, num.number.decimals)
                .div(Interval::printed(den.number.value, den.number.decimals))
                .map(|i| i.scale(Decimal::from(100)))
            else {
                continue;
            };
            let verdict = judge(rate.number.value, rate.number.decimals, iv, straight);
            if let Some(sev) = severity_of(verdict) {
                let dp = rate.number.decimals.max(2);
                out.push(finding(
                    "rate.mismatch",
                    sev,
                    format!(
                        "{} stated {}% but {} / {} = {}%{}",
                        rate.label,
                        rate.number.value,
                        num.number.value,
                        den.number.value,
                        straight.round_dp(dp),
                        rounding_note(verdict)
                    ),
                    rate.number.value,
                    Some(straight.round_dp(dp)),
                    Some("%"),
                    &rate.source,
                    &rate.sentence,
                ));
            }
        }
    }
    out
}

fn formula_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let n = r"\d+(?:\.\d+)?%?";
        Regex::new(&format!(r"[(（]\s*({n}(?:\s*[+＋]\s*{n})+)\s*[)）]\s*[÷/]\s*(\d+(?:\.\d+)?)\s*[=＝]\s*(\d+(?:\.\d+)?)(%?)|(?:^|[^\d.])({n}(?:\s*[+＋\-−]\s*{n})+)\s*[=＝]\s*(\d+(?:\.\d+)?)(%?)")).expect("valid regex")
    })
}

fn formula_mismatch(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for para in &ctx.paragraph_texts {
        for caps in formula_re().captures_iter(&para.text) {
            let (terms, divisor, result, pct) = if let Some(t) = caps.get(1) {
                (
                    t.as_str(),
                    caps.get(2).map(|m| m.as_str()),
                    caps.get(3),
                    caps.get(4).is_some_and(|m| !m.as_str().is_empty()),
                )
            } else if let Some(t) = caps.get(5) {
                (
                    t.as_str(),
                    None,
                    caps.get(6),
                    caps.get(7).is_some_and(|m| !m.as_str().is_empty()),
                )
            } else {
                continue;
            };
            let Some(result) = result else { continue };
            let Some(stated) = Printed::parse(result.as_str()) else {
                continue;
            };
            let (iv, straight) = match eval_sum(terms) {
                Some(x) => x,
                None => continue,
            };
            let (iv, straight) = match divisor.and_then(Printed::parse) {
                Some(dv) => {
                    let div = Interval::printed(dv.value, dv.decimals);
                    let Some(q) = iv.div(if dv.decimals == 0 {
                        Interval::exact(dv.value)
                    } else {
                        div
                    }) else {
                        continue;
                    };
                    (q, straight / dv.value)
                }
                None => (iv, straight),
            };
            let verdict = judge(stated.value, stated.decimals, iv, straight);
            if let Some(sev) = severity_of(verdict) {
                let expr = caps.get(0).map(|m| m.as_str().trim()).unwrap_or("");
                let unit = if pct { "%" } else { "" };
                out.push(finding(
                    "formula.mismatch",
                    sev,
                    format!(
                        "formula {expr} states {}{unit} but computes to {}{unit}{}",
                        stated.value,
                        straight.round_dp(stated.decimals.max(2)),
                        rounding_note(verdict)
                    ),
                    stated.value,
                    Some(straight.round_dp(stated.decimals.max(2))),
                    pct.then_some("%"),
                    &para.source_at(result.start()),
                    expr,
                ));
            }
        }
    }
    out
}

/// Evaluates `a + b - c` with each term as a printed interval.
fn eval_sum(expr: &str) -> Option<(Interval, Decimal)> {
    let mut iv = Interval::exact(Decimal::ZERO);
    let mut straight = Decimal::ZERO;
    let mut sign = 1i32;
    let mut count = 0;
    let mut token = String::new();
    let flush = |token: &mut String,
                 sign: i32,
                 iv: &mut Interval,
                 straight: &mut Decimal,
                 count: &mut usize|
     -> Option<()> {
        let t = token.trim().trim_end_matches('%');
        if t.is_empty() {
            return Some(());
        }
        let p = Printed::parse(t)?;
        let term = Interval::printed(p.value, p.decimals);
        if sign > 0 {
            *iv = iv.add(term);
            *straight += p.value;
        } else {
            *iv = iv.sub(term);
            *straight -= p.value;
        }
        *count += 1;
        token.clear();
        Some(())
    };
    for c in expr.chars() {
        match c {
            '+' | '＋' => {
                flush(&mut token, sign, &mut iv, &mut straight, &mut count)?;
                sign = 1;
            }
            '-' | '−' => {
                flush(&mut token, sign, &mut iv, &mut straight, &mut count)?;
                sign = -1;
            }
            c => token.push(c),
        }
    }
    flush(&mut token, sign, &mut iv, &mut straight, &mut count)?;
    (count >= 2).then_some((iv, straight))
}

/// `A万元，其中：B万元，C万元`: the amounts after the keyword are parts of the
/// last amount before it, up to a nested keyword, which opens a new whole.
fn parts_sum(ctx: &Context) -> Vec<Finding> {
    const KEYS: &[&str] = &["其中", "包括"];
    let mut out = budget_table::breakdowns(ctx);
    out.extend(budget_table::block_columns(ctx));
    out.extend(listed_totals(ctx));
    for para in &ctx.paragraphs {
        // Group mentions by sentence. A list opened by 其中 may run on past a
        // `；` (其中：基本支出增加 90.62 万元…；项目支出增加 257142.61 万元): the next
        // sentence joins when its first figure is labelled like the list's.
        let mut by_sentence: Vec<Vec<&Mention>> = Vec::new();
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
            keys.sort_unstable();
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
                    .any(|m| m.kind == MentionKind::Change || is_delta_label(&m.label));
                let Some(whole) = group
                    .iter()
                    .filter(|m| m.span.1 <= key_abs)
                    .filter(|m| listed_deltas || m.kind == MentionKind::Level)
                    .next_back()
                else {
                    continue;
                };
                let MentionUnit::Money(unit) = whole.unit else {
                    continue;
                };
                // A level's parts are levels: a change on another year stated among
                // them (`其中：财政拨款收入…，比2024年预算减少…`) is no part of it.
                let parts: Vec<&&Mention> = group
                    .iter()
                    .filter(|m| {
                        m.span.0 > key_abs && m.span.0 < next_key_abs && m.unit == whole.unit
                    })
                    .filter(|m| whole.kind != MentionKind::Level || m.kind == MentionKind::Level)
                    .collect();
                if parts.len() < 2 {
                    continue;
                }
                let straight: Decimal = parts.iter().map(|m| m.number.value).sum();
                let iv = parts
                    .iter()
                    .map(|m| Interval::printed(m.number.value, m.number.decimals))
                    .fold(Interval::exact(Decimal::ZERO), Interval::add);
                if straight <= whole.number.value {
                    continue;
                }
                let verdict = judge(whole.number.value, whole.number.decimals, iv, straight);
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
    for para in &ctx.paragraphs {
        for (k, whole) in para.iter().enumerate() {
            let MentionUnit::Money(unit) = whole.unit else {
                continue;
            };
            if whole.kind != MentionKind::Level {
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
            if !TOTAL
                .iter()
                .any(|t| tail.contains(t) || whole.label.contains(t))
            {
                continue;
            }
            if ["其中", "包括", "增加", "减少", "较"]
                .iter()
                .any(|w| before.contains(w))
            {
                continue;
            }
            let parts: Vec<&Mention> = para[..k]
                .iter()
                .filter(|m| m.sentence_start == whole.sentence_start && m.unit == whole.unit)
                .collect();
            if parts.iter().any(|p| p.kind != MentionKind::Level) {
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
            let verdict = judge(whole.number.value, whole.number.decimals, iv, straight);
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
fn continues_list(group: &[&Mention], m: &Mention, keys: &[&str]) -> bool {
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

fn balance_mismatch(ctx: &Context) -> Vec<Finding> {
    let mentions = budget_mentions(ctx);
    let pick = |roles: &[Role]| -> Option<(Printed, MoneyUnit)> {
        for role in roles {
            let mut counts: Vec<(Printed, MoneyUnit, usize)> = Vec::new();
            for (r, _, u, m) in &mentions {
                if r == role {
                    match counts
                        .iter_mut()
                        .find(|(p, uu, _)| p.value == m.number.value && uu == u)
                    {
                        Some(e) => e.2 += 1,
                        None => counts.push((m.number, *u, 1)),
                    }
                }
            }
            if let Some((p, u, _)) = counts.into_iter().max_by_key(|(.., n)| *n) {
                return Some((p, u));
            }
        }
        None
    };
    let (Some((avail, ua)), Some((spent, us))) = (
        pick(&[Role::Available, Role::Budget]),
        pick(&[Role::Executed]),
    ) else {
        return Vec::new();
    };
    if ua != us {
        return Vec::new();
    }
    let mut out = Vec::new();
    for m in ctx.mentions() {
        let MentionUnit::Money(u) = m.unit else {
            continue;
        };
        let names_balance = ["结余", "节余"].iter().any(|w| {
            m.label.ends_with(w)
                || m.after.starts_with(w)
                || m.after.starts_with(&format!("资金{w}"))
        });
        let prior = ["上年", "以前年度", "往年", "累计", "结余交回"]
            .iter()
            .any(|w| m.label.contains(w) || m.after.contains(w));
        if !names_balance || prior || u != ua {
            continue;
        }
        let straight = avail.value - spent.value;
        if straight <= Decimal::ZERO {
            continue;
        }
        // A balance far from available − spent is some other balance.
        if (m.number.value - straight).abs() * Decimal::from(5) > straight {
            continue;
        }
        let iv = Interval::printed(avail.value, avail.decimals)
            .sub(Interval::printed(spent.value, spent.decimals));
        let verdict = judge(m.number.value, m.number.decimals, iv, straight);
        if let Some(sev) = severity_of(verdict) {
            out.push(finding(
                "balance.mismatch",
                sev,
                format!(
                    "结余 stated {}{} but {} − {} = {}{}{}",
                    m.number.value,
                    u.label(),
                    avail.value,
                    spent.value,
                    straight,
                    u.label(),
                    rounding_note(verdict)
                ),
                m.number.value,
                Some(straight),
                Some(u.label()),
                &m.source,
                &m.sentence,
            ));
        }
    }
    out
}

fn unit_magnitude(ctx: &Context) -> Vec<Finding> {
    let b = &ctx.report.budget;
    let Some(largest) = [b.initial, b.adjusted, b.available, b.executed]
        .into_iter()
        .flatten()
        .max()
    else {
        return Vec::new();
    };
    if largest.is_zero() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let paras = &ctx.paragraphs;
    for (pi, para) in paras.iter().enumerate() {
        for m in para {
            let MentionUnit::Money(u) = m.unit else {
                continue;
            };
            let yuan = u.to_yuan(m.number.value);
            if yuan <= largest * Decimal::from(100) {
                continue;
            }
            // Its neighbours print amounts of the same size in a smaller unit:
            // the unit, not the number, is wrong.
            let lo = pi.saturating_sub(3);
            let hi = (pi + 4).min(paras.len());
            let neighbour = paras[lo..hi].iter().flatten().any(|n| {
                matches!(n.unit, MentionUnit::Money(nu) if nu != u && nu.factor() < u.factor())
                    && n.number.value * Decimal::from(10) >= m.number.value
                    && n.number.value <= m.number.value * Decimal::from(10)
            });
            if !neighbour {
                continue;
            }
            out.push(finding(
                "unit.magnitude",
                Severity::Error,
                format!(
                    "{} stated as {}{} = {} 元, over a hundred times the report's largest budget figure ({} 元), while the amounts beside it are printed in a smaller unit",
                    m.label,
                    m.number.value,
                    u.label(),
                    fmt(yuan),
                    fmt(largest)
                ),
                m.number.value,
                None,
                Some(u.label()),
                &m.source,
                &m.sentence,
            ));
        }
    }
    out
}

fn sequence_numbering(ctx: &Context) -> Vec<Finding> {
    let items = &ctx.report.line_items;
    let seqs: Vec<(u64, &jixiao_model::LineItem)> = items
        .iter()
        .filter_map(|i| i.seq.as_deref()?.trim().parse::<u64>().ok().map(|n| (n, i)))
        .collect();
    if seqs.len() < 3 || seqs.len() * 10 < items.len() * 9 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (k, (n, item)) in seqs.iter().enumerate() {
        let expected = k as u64 + seqs[0].0;
        if *n != expected {
            let repeat = k > 0 && seqs[k - 1].0 == *n;
            let what = if repeat {
                format!("序号 {n} appears twice")
            } else {
                format!("序号 {n} follows {}", seqs[k.saturating_sub(1)].0)
            };
            out.push(finding(
                "sequence.numbering",
                Severity::Warning,
                format!(
                    "{what}: {expected} is expected here in the {}-row project table",
                    seqs.len()
                ),
                Decimal::from(*n),
                Some(Decimal::from(expected)),
                None,
                &item.source,
                item.name.as_deref().unwrap_or(""),
            ));
            break;
        }
    }
    out
}

/// A target or actual value as a comparison: `≥90%` → (`≥`, 90, `%`).
fn comparison(text: &str) -> Option<(char, Decimal, String)> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let (op, rest) = match t.chars().next()? {
        c @ ('≥' | '≤' | '>' | '<' | '＞' | '＜') => (c, &t[c.len_utf8()..]),
        _ => ('=', t.as_str()),
    };
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let number = Printed::parse(&rest[..end])?;
    let op = match op {
        '＞' => '>',
        '＜' => '<',
        c => c,
    };
    Some((op, number.value, rest[end..].to_string()))
}

fn target_missed(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for table in &ctx.report.score_tables {
        for item in &table.items {
            let (Some(target), Some(actual), Some(w), Some(s)) =
                (&item.target, &item.actual, item.weight, item.score)
            else {
                continue;
            };
            if s < w {
                continue;
            }
            let (Some((op, goal, unit)), Some(('=', got, got_unit))) =
                (comparison(target), comparison(actual))
            else {
                continue;
            };
            if unit != got_unit || unit.is_empty() {
                continue;
            }
            // A bare percentage target is a floor (完成率 100%).
            let missed = match op {
                '≥' => got < goal,
                '>' => got <= goal,
                '≤' => got > goal,
                '<' => got >= goal,
                _ => unit == "%" && got < goal,
            };
            if missed {
                out.push(finding(
                    "target.missed",
                    Severity::Warning,
                    format!("{} achieved {actual} against a target of {target} but scored full marks ({} of {})", row_text(item), fmt(s), fmt(w)),
                    s,
                    None,
                    Some("分"),
                    &item.source,
                    &row_text(item),
                ));
            }
        }
    }
    out
}
