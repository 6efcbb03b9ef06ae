//! Relations stated in prose about scores: deductions (`权重分合计 40 分，其中…扣
//! 1.67 分，实际得分合计 38.33 分`), group subtotals against the score table
//! (`决策部分得分 19 分`), the grade against the report's own thresholds
//! (`得分 ≥ 85 分为优秀`), and dates that fall outside the fiscal year.
//!
//! Each is found from the words that end a label (满分, 扣, 实际得分, 得分) and
//! the table's own group names, never from one report's wording.

use std::collections::BTreeMap;

use jixiao_model::facts::GradeBand;
use jixiao_model::{
    Decimal, Fact, FactKind, FactRole, FactUnit, Finding, Printed, Severity, Source,
};

use crate::context::{finding, fmt, rounding_note, row_text, severity_of, Context, Operand};
use crate::interval::{HalfUp, Interval, Verdict};

/// `满分 W 分 … 扣 d 分 … 实际得 S 分`: W − Σd = S. The full marks may stand in
/// an earlier sentence of the paragraph (`权重分 20 分。其中…扣 0.01 分，实际得分
/// 合计 19.99 分`), as long as no score was given for them in between.
pub fn deductions(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        let mut by_sentence: BTreeMap<usize, Vec<&Fact>> = BTreeMap::new();
        for m in para.iter().filter(|m| m.unit == FactUnit::Points) {
            by_sentence.entry(m.sentence_start).or_default().push(m);
        }
        // Full marks stated and not yet scored.
        let mut open_full: Option<&Fact> = None;
        // A sentence listing several groups (`A满分20分，得分17.5分，扣2.5分；B满分
        // 20分，…`): each group's full marks open its own run of figures.
        let runs = by_sentence.into_values().flat_map(|sentence| {
            let mut runs: Vec<Vec<&Fact>> = Vec::new();
            let several = sentence
                .iter()
                .filter(|m| m.role == Some(FactRole::FullMarks))
                .count()
                > 1;
            for m in sentence {
                match runs.last_mut() {
                    Some(run) if !(several && m.role == Some(FactRole::FullMarks)) => run.push(m),
                    _ => runs.push(vec![m]),
                }
            }
            runs
        });
        for sentence in runs {
            let by_role = |role: FactRole| {
                sentence
                    .iter()
                    .copied()
                    .filter(|m| m.role == Some(role))
                    .collect::<Vec<_>>()
            };
            let (fulls, mut cuts, mut got) = (
                by_role(FactRole::FullMarks),
                by_role(FactRole::Deduction),
                by_role(FactRole::Obtained),
            );
            // `每低于1个百分点扣0.5分`, `最高扣5分`: a rule of the scale, no
            // deduction made.
            cuts.retain(|c| {
                !["每", "最高", "最多", "上限"]
                    .iter()
                    .any(|w| c.label.contains(w))
            });
            // A bare `得` after the deductions is what was obtained
            // (`满分10分，扣0.2分，得9.8分`), or a bare `得分` right before them
            // (`满分20分，得分17.5分，扣2.5分`).
            if got.is_empty() {
                let last_cut = cuts.iter().map(|c| c.span.0).max();
                let first_cut = cuts.iter().map(|c| c.span.0).min();
                let right_before_the_cuts = |m: &Fact| {
                    first_cut.is_some_and(|at| m.span.0 < at)
                        && sentence
                            .iter()
                            .filter(|o| o.span.0 > m.span.0)
                            .all(|o| o.role == Some(FactRole::Deduction))
                };
                got = sentence
                    .iter()
                    .copied()
                    .filter(|m| {
                        m.role.is_none()
                            && (last_cut.is_some_and(|at| m.span.0 > at)
                                || right_before_the_cuts(m))
                            && matches!(
                                m.label.trim_matches(['，', ',', '；', ' ']),
                                "得" | "得分" | "实得" | "得分为" | "最终得"
                            )
                    })
                    .collect();
            }
            // `产出数量（20分）：…扣2分，得18分`: the marks bracketed after the
            // indicator's name are its full marks.
            let bracketed = || {
                crate::amounts::only_one(
                    sentence
                        .iter()
                        .copied()
                        .filter(|m| m.role.is_none() && in_brackets(m)),
                )
            };
            let full = match fulls.as_slice() {
                [one] => Some(*one),
                [] => open_full.or_else(bracketed),
                _ => None,
            };
            open_full = if got.is_empty() { full } else { None };
            let (Some(full), [got]) = (full, got.as_slice()) else {
                continue;
            };
            if cuts.is_empty() {
                continue;
            }
            out.extend(judge_deductions(ctx, full, &cuts, got));
        }
    }
    out.extend(total_after_deductions(ctx));
    out.extend(deductions_adding_up(ctx));
    out
}

/// A total deduction said bare right after a score (`项目得分86分，扣14分`), in
/// a sentence stating no full marks (`满分100分，…得分86.5分，扣分13.5分` is
/// the sentence's own: `deductions`).
fn bare_total_after_a_score(para: &[&Fact], k: usize) -> bool {
    let (Some(f), Some(before)) = (para.get(k), k.checked_sub(1).and_then(|j| para.get(j))) else {
        return false;
    };
    let full_marks_beside = para
        .iter()
        .any(|m| m.sentence_start == f.sentence_start && m.role == Some(FactRole::FullMarks));
    !full_marks_beside
        && before.unit == FactUnit::Points
        && before.label.contains("得分")
        && before.sentence_start == f.sentence_start
        && matches!(
            f.label.trim_matches(['，', ',', '；', ';', '。', ' ']),
            "扣" | "扣分" | "扣除" | "共扣"
        )
}

/// `项目得分86分，扣14分，主要扣分点：…扣2分，…扣5分，…`: a total deducted
/// stated before the points taken off item by item may be more than the
/// items listed (主要), never less. (A total after them, `…扣3分。共扣8分`,
/// is their sum: `parts.sum`'s.)
fn deductions_adding_up(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        let is_cut = |f: &Fact| {
            f.unit == FactUnit::Points
                && f.role == Some(FactRole::Deduction)
                && f.kind == FactKind::Level
        };
        let totals: Vec<usize> = (0..para.len())
            .filter(|&k| {
                is_cut(para[k])
                    && (jixiao_model::facts::is_total_deduction(&para[k].label)
                        || bare_total_after_a_score(para, k))
            })
            .collect();
        let [t] = totals.as_slice() else { continue };
        let total = para[*t];
        let items: Vec<&Fact> = para
            .iter()
            .enumerate()
            .filter(|(k, f)| k != t && is_cut(f))
            .map(|(_, f)| *f)
            .collect();
        // Points added back, or full marks of a sentence's own (`满分3分…扣1分`),
        // make the items something else than shares of the total.
        if items.len() < 2
            || para.iter().any(|f| {
                f.label.contains("加分")
                    || f.after.starts_with("加分")
                    || f.role == Some(FactRole::FullMarks)
            })
        {
            continue;
        }
        let before_them = items.iter().all(|i| i.span.0 > total.span.0);
        let Some(sum) = items
            .iter()
            .try_fold(Decimal::ZERO, |acc, i| acc.checked_add(i.number.value))
        else {
            continue;
        };
        if !before_them || sum < total.number.value {
            continue;
        }
        let iv = items.iter().fold(Interval::exact(Decimal::ZERO), |acc, i| {
            acc.add(Interval::of_printed(i.number))
        });
        let verdict = ctx.judge(
            "prose.deduction",
            format!(
                "{} deductions add up to {}",
                items.len(),
                fmt(total.number.value)
            ),
            Operand::of(total),
            items.iter().map(|i| Operand::of(i)).collect(),
            iv,
            sum,
        );
        let Some(sev) = severity_of(verdict) else {
            continue;
        };
        let parts: Vec<String> = items.iter().map(|i| fmt(i.number.value)).collect();
        out.push(finding(
            "prose.deduction",
            sev,
            format!(
                "{} stated {} 分 but the points taken off item by item add up to {} = {}{}",
                total.label.trim_matches(['，', ',', '；', ';', '。', ' ']),
                fmt(total.number.value),
                parts.join(" + "),
                fmt(sum),
                rounding_note(verdict)
            ),
            total.number.value,
            Some(sum),
            Some("分"),
            &total.source,
            &total.sentence,
        ));
    }
    out
}

/// `本项目自评得分为92分。扣分情况：…。共扣8分。`: the report's total score is
/// the hundred less its total deductions stated in the same paragraph (the
/// one total there, bare; no points added back). A warning unless the
/// paragraph says the hundred is the full marks.
fn total_after_deductions(ctx: &Context) -> Option<Finding> {
    let fields = &ctx.report().report;
    let (stated, at) = (fields.total_score?, fields.sources.get("total_score")?);
    // The statement of the total score, and its paragraph.
    let (para, got) = ctx.paragraphs().iter().find_map(|p| {
        let got = p.iter().copied().find(|f| {
            f.unit == FactUnit::Points
                && f.number.value == stated
                && (f.source.page, f.source.line) == (at.page, at.line)
        })?;
        Some((p, got))
    })?;
    // (Or said bare right after the score: `项目得分86分，扣14分，主要扣分点：…`.)
    let score_at = para.iter().position(|g| std::ptr::eq(*g, got));
    let total = crate::amounts::only_one(para.iter().enumerate().filter_map(|(k, f)| {
        (f.unit == FactUnit::Points
            && f.role == Some(FactRole::Deduction)
            && (jixiao_model::facts::is_total_deduction(&f.label)
                || (Some(k) == score_at.map(|s| s + 1) && bare_total_after_a_score(para, k))))
        .then_some(*f)
    }))?;
    if para
        .iter()
        .any(|f| f.label.contains("加分") || f.after.starts_with("加分"))
    {
        return None;
    }
    let hundred = Decimal::ONE_HUNDRED;
    let straight = hundred.checked_sub(total.number.value)?;
    let iv = Interval::exact(hundred).sub(Interval::of_printed(total.number));
    let verdict = ctx.judge(
        "prose.deduction",
        format!(
            "total score 100 − total deductions {} = {}",
            fmt(total.number.value),
            fmt(stated)
        ),
        Operand::of(got),
        vec![Operand::of(total)],
        iv,
        straight,
    );
    let sev = severity_of(verdict)?;
    let says_the_hundred = para.iter().any(|f| {
        f.number.value == hundred && (f.label.contains("满分") || f.label.contains("总分"))
    });
    let sev = if says_the_hundred {
        sev
    } else {
        Severity::Warning
    };
    Some(finding(
        "prose.deduction",
        sev,
        format!(
            "{} stated {} 分 but 100 − {} {} = {}{}",
            got.label,
            fmt(stated),
            total.label.trim_matches(['，', ',', '；', ';', '。', ' ']),
            fmt(total.number.value),
            fmt(straight),
            rounding_note(verdict)
        ),
        stated,
        Some(straight),
        Some("分"),
        &got.source,
        &got.sentence,
    ))
}

fn judge_deductions(ctx: &Context, full: &Fact, cuts: &[&Fact], got: &Fact) -> Option<Finding> {
    let straight = cuts
        .iter()
        .try_fold(full.number.value, |acc, c| acc.checked_sub(c.number.value))?;
    // Full marks are set, not measured: exact. Deductions are as printed.
    let iv = cuts
        .iter()
        .fold(Interval::exact(full.number.value), |acc, c| {
            acc.sub(Interval::of_printed(c.number))
        });
    let mut inputs = vec![Operand::of(full)];
    inputs.extend(cuts.iter().map(|c| Operand::of(c)));
    let verdict = ctx.judge(
        "prose.deduction",
        format!(
            "{} − deductions = {}",
            fmt(full.number.value),
            fmt(got.number.value)
        ),
        Operand::of(got),
        inputs,
        iv,
        straight,
    );
    let sev = severity_of(verdict)?;
    let cut_text: Vec<String> = cuts.iter().map(|c| fmt(c.number.value)).collect();
    Some(finding(
        "prose.deduction",
        sev,
        format!(
            "{} stated {} 分 but {} {} − {} = {}{}",
            got.label,
            fmt(got.number.value),
            full.label,
            fmt(full.number.value),
            cut_text.join(" − "),
            fmt(straight),
            rounding_note(verdict)
        ),
        got.number.value,
        Some(straight),
        Some("分"),
        &got.source,
        &got.sentence,
    ))
}

/// A number alone in its brackets (`产出数量（20分）`), its 分 inside them or not.
fn in_brackets(m: &Fact) -> bool {
    let at = |i: usize| i.saturating_sub(m.sentence_start);
    m.sentence
        .get(..at(m.span.0))
        .is_some_and(|b| b.ends_with(['（', '(']))
        && m.sentence
            .get(at(m.span.1)..)
            .is_some_and(|a| a.trim_start_matches('分').starts_with(['）', ')']))
}

/// `项目效益得分21分（满分20分）`, `效益指标满分20分，得分21分`, `效益（20分）
/// 得21分`: a score stated beside its own full marks is within them. The two
/// are next to each other in their sentence: the marks bracketed (or named
/// 满分 alone) right after the score, or the score named 得分 alone right after
/// the marks.
pub fn scores_within_full_marks(ctx: &Context) -> Vec<Finding> {
    let score_word = |m: &Fact| m.role.is_none() || m.role == Some(FactRole::Obtained);
    let scored = |m: &Fact| {
        let label = m.label.trim_end_matches(['为', '：', ':']);
        score_word(m) && (label.ends_with('得') || label.ends_with("得分"))
    };
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        let points: Vec<&Fact> = para
            .iter()
            .copied()
            .filter(|m| m.unit == FactUnit::Points && !m.approximate)
            .collect();
        for pair in points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.sentence_start != b.sentence_start {
                continue;
            }
            // The words between them are all that is between them:
            // `预算执行（满分25分）得23分，预算管理（满分30分）` pairs 23 with its 25 only.
            let right_beside = |words: &[&str]| {
                a.words_to(b)
                    .is_some_and(|w| words.contains(&w.trim_end_matches("合计")))
            };
            let (score, full) = if scored(a)
                && b.role == Some(FactRole::FullMarks)
                && right_beside(&["满分", "满分为"])
            {
                (a, b)
            } else if (a.role == Some(FactRole::FullMarks) || (a.role.is_none() && in_brackets(a)))
                && score_word(b)
                && right_beside(&["得分", "得", "得分为", "实得", "实际得分", "最终得分"])
            {
                (b, a)
            } else {
                continue;
            };
            let within = Interval::of_printed(score.number).lo <= full.number.value;
            ctx.record(
                "score.bounds",
                format!(
                    "{} {} within its full marks {}",
                    score.label,
                    fmt(score.number.value),
                    fmt(full.number.value)
                ),
                Operand::of(score),
                vec![Operand::of(full)],
                Verdict::holding(within),
            );
            if !within {
                out.push(finding(
                    "score.bounds",
                    Severity::Error,
                    format!(
                        "{} stated {} 分 but its full marks are {} 分",
                        score.label.trim_matches(['，', ',', '；', ' ']),
                        fmt(score.number.value),
                        fmt(full.number.value)
                    ),
                    score.number.value,
                    Some(full.number.value),
                    Some("分"),
                    &score.source,
                    &score.sentence,
                ));
            }
        }
    }
    out
}

/// The words a group name is written with in prose: `项目决策` is also `决策`.
fn group_core(name: &str) -> &str {
    let n = name.trim();
    let n = n.strip_prefix("项目").unwrap_or(n);
    let n = n.strip_suffix("指标").unwrap_or(n);
    n
}

/// A group of score rows: its name and its rows' scores, in table order.
struct Group {
    name: String,
    level: usize,
    scores: Vec<Decimal>,
    /// It holds the table's last row.
    last: bool,
}

/// A score table with no 合计 whose weights fall short of full marks (100):
/// a table cut off where an excerpt ends, or only some of one.
fn may_be_cut_off(table: &jixiao_model::ScoreTable) -> bool {
    let weights: Decimal = table.items.iter().filter_map(|i| i.weight).sum();
    table.stated_total.is_none() && weights < Decimal::ONE_HUNDRED
}

/// The 一级 and 二级 groups of a score table whose rows all have scores.
fn groups_of(table: &jixiao_model::ScoreTable) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    if table.items.iter().any(|i| i.score.is_none()) {
        return out;
    }
    for level in [1usize, 2] {
        for (k, i) in table.items.iter().enumerate() {
            let name = if level == 1 { &i.level1 } else { &i.level2 };
            let (Some(name), Some(score)) = (name, i.score) else {
                continue;
            };
            let last = k + 1 == table.items.len();
            match out.last_mut() {
                Some(g) if g.level == level && &g.name == name => {
                    g.scores.push(score);
                    g.last |= last;
                }
                _ => out.push(Group {
                    name: name.clone(),
                    level,
                    scores: vec![score],
                    last,
                }),
            }
        }
    }
    out
}

/// The group a subtotal's label names: the words before 得分, without the
/// report's own connectives (`本项目决策部分得分` → `决策`).
fn subject(label: &str) -> &str {
    let mut s = label.split("得分").next().unwrap_or("").trim();
    for p in ["其中", "合计", "共计", "总计", "本项目", "本部门", "项目"] {
        s = s.strip_prefix(p).unwrap_or(s).trim();
    }
    for suffix in ["部分", "类指标", "指标", "类", "方面"] {
        s = s.strip_suffix(suffix).unwrap_or(s).trim();
    }
    s
}

/// True when the label names exactly this group (a qualifier such as
/// `综合效益` names something else than `效益`).
fn named_in(label: &str, group: &str) -> bool {
    let core = group_core(group);
    core.chars().count() >= 2 && subject(label) == core
}

fn is_subtotal_label(label: &str) -> bool {
    label.contains("得分")
        && !["满分", "权重", "总", "扣"]
            .iter()
            .any(|w| label.contains(w))
}

/// `决策部分得分 19 分`, `合计产出得分 20 分`: a group's scores add up to the
/// subtotal stated. Prose may fold a group it never names into the one before
/// (`效益部分得分 20 分` over 效益 10 and 满意度 10), or name a 二级 group; the
/// subtotal is wrong only when no such reading of any score table gives it.
pub fn subtotals(ctx: &Context) -> Vec<Finding> {
    let tables = &ctx.report().score_tables;
    let level3: Vec<&str> = tables
        .iter()
        .flat_map(|t| t.items.iter().filter_map(|i| i.level3.as_deref()))
        .collect();
    let subtotal_mentions: Vec<&Fact> = ctx
        .facts()
        .filter(|m| {
            m.unit == FactUnit::Points
                && is_subtotal_label(&m.label)
                && !level3.iter().any(|l3| m.label.contains(l3))
        })
        .collect();
    let mut out = Vec::new();
    for m in &subtotal_mentions {
        let mut candidates: Vec<(Decimal, Interval, String)> = Vec::new();
        // Whether every table the subtotal may speak of was read by a guess.
        let mut all_guessed = true;
        for t in tables
            .iter()
            .filter(|t| crate::scores::may_speak_of(ctx, m, t))
        {
            all_guessed &= t.reading_doubt.is_some();
            let groups = groups_of(t);
            // A table that may be cut off (where the excerpt ends, or short of
            // its full marks with no 合计) may be cut inside its last group:
            // that group's sum says nothing.
            let cut = may_be_cut_off(t)
                || (t.stated_total.is_none()
                    && t.items.last().is_some_and(|i| ctx.near_the_end(&i.source)));
            let decimals = groups
                .iter()
                .flat_map(|g| g.scores.iter().map(|s| s.scale()))
                .max()
                .unwrap_or(0);
            let sum = |gs: &[&Group]| -> (Decimal, Interval) {
                let scores: Vec<Decimal> =
                    gs.iter().flat_map(|g| g.scores.iter().copied()).collect();
                (
                    scores.iter().sum(),
                    scores
                        .iter()
                        .fold(Interval::exact(Decimal::ZERO), |acc, s| {
                            acc.add(Interval::printed(*s, decimals))
                        }),
                )
            };
            for (k, g) in groups.iter().enumerate() {
                if !named_in(&m.label, &g.name) || (cut && g.last) {
                    continue;
                }
                let (s, iv) = sum(&[g]);
                candidates.push((s, iv, g.name.clone()));
                if g.level == 1 {
                    // With the following 一级 groups no subtotal names.
                    let mut folded = vec![g];
                    for next in groups[k + 1..]
                        .iter()
                        .take_while(|n| n.level == 1 && !(cut && n.last))
                    {
                        if subtotal_mentions
                            .iter()
                            .any(|o| named_in(&o.label, &next.name))
                        {
                            break;
                        }
                        folded.push(next);
                        let (s, iv) = sum(&folded);
                        let names: Vec<&str> = folded.iter().map(|f| f.name.as_str()).collect();
                        candidates.push((s, iv, names.join(" + ")));
                    }
                }
            }
        }
        if candidates.is_empty() {
            continue;
        }
        let verdicts: Vec<(Verdict, &(Decimal, Interval, String))> = candidates
            .iter()
            .map(|c| {
                (
                    crate::interval::judge(m.number.value, m.number.decimals, c.1, c.0),
                    c,
                )
            })
            .collect();
        let holds = verdicts.iter().any(|(v, _)| *v == Verdict::Consistent);
        ctx.record(
            "prose.subtotal",
            format!("{} = a group's rows", m.label),
            Operand::of(m),
            Vec::new(),
            Verdict::holding(holds),
        );
        if holds {
            continue;
        }
        let (verdict, (straight, _, name)) = verdicts
            .iter()
            .find(|(v, _)| *v == Verdict::Rounding)
            .copied()
            .unwrap_or(verdicts[0]);
        if let Some(sev) = severity_of(verdict) {
            // A table read by a guess may be the reading's fault.
            let (sev, doubt) = match all_guessed {
                true => (
                    Severity::Warning,
                    " (the table was read by a guess: its cells were moved or its digits ran together)",
                ),
                false => (sev, ""),
            };
            out.push(finding(
                "prose.subtotal",
                sev,
                format!(
                    "{} stated {} 分 but the score table's {name} rows add up to {}{}{doubt}",
                    m.label,
                    fmt(m.number.value),
                    fmt(*straight),
                    rounding_note(verdict)
                ),
                m.number.value,
                Some(*straight),
                Some("分"),
                &m.source,
                &m.sentence,
            ));
        }
    }
    out
}

/// 优 and 优秀 name one grade.
fn grade_key(g: &str) -> &str {
    match g {
        "优秀" | "优" => "优",
        "良好" | "良" => "良",
        "一般" | "中" | "合格" => "中",
        "较差" | "差" | "不合格" => "差",
        other => other,
    }
}

/// The stated grade agrees with the stated total under the report's own bands;
/// so does every score a sentence grades (a department's projects).
pub fn grade_threshold(ctx: &Context) -> Vec<Finding> {
    let fields = &ctx.report().report;
    let mut graded: Vec<(Decimal, &str, Source, Source)> = Vec::new();
    if let (Some(total), Some(grade)) = (fields.total_score, fields.grade.as_deref()) {
        let source = fields.sources.get("grade").cloned().unwrap_or_default();
        let total_at = fields
            .sources
            .get("total_score")
            .cloned()
            .unwrap_or_else(|| source.clone());
        graded.push((total, grade, source, total_at));
    }
    for g in &ctx.report().stated.graded_scores {
        if !graded.iter().any(|(_, _, _, at)| *at == g.source) {
            graded.push((g.score, &g.grade, g.source.clone(), g.source.clone()));
        }
    }
    graded
        .into_iter()
        .filter_map(|(total, grade, source, total_at)| {
            graded_as_banded(ctx, total, grade, &source, &total_at)
        })
        .collect()
}

fn graded_as_banded(
    ctx: &Context,
    total: Decimal,
    grade: &str,
    source: &Source,
    total_at: &Source,
) -> Option<Finding> {
    let bands = &ctx.report().stated.grade_bands;
    // The bands must be the report's scale (at least two), or the one band the
    // report gives its own grade (`评价等级为“良”（80≤得分<90）`).
    let own: Vec<&GradeBand> = bands
        .iter()
        .filter(|b| grade_key(&b.grade) == grade_key(grade))
        .collect();
    let holding: Vec<&GradeBand> = match bands.len() {
        0 => return None,
        1 if own.is_empty() => return None,
        1 => own.clone(),
        _ => bands.iter().filter(|b| b.contains(total)).collect(),
    };
    let band = *holding.first()?;
    let agrees = holding
        .iter()
        .any(|b| b.contains(total) && grade_key(&b.grade) == grade_key(grade));
    ctx.record(
        "grade.threshold",
        format!("grade {grade} for {}", fmt(total)),
        Operand::value(total, total_at),
        Vec::new(),
        Verdict::holding(agrees),
    );
    if agrees {
        return None;
    }
    let describe = |b: &GradeBand| {
        let lo = b
            .low
            .map(|l| format!("{}{}", if l.inclusive { "≥" } else { ">" }, fmt(l.value)))
            .unwrap_or_default();
        let hi = b
            .high
            .map(|h| format!("{}{}", if h.inclusive { "≤" } else { "<" }, fmt(h.value)))
            .unwrap_or_default();
        let and = if !lo.is_empty() && !hi.is_empty() {
            " and "
        } else {
            ""
        };
        format!("{lo}{and}{hi}")
    };
    Some(finding(
        "grade.threshold",
        Severity::Error,
        if bands.len() == 1 {
            format!(
                "graded {grade} with a total of {} 分, but the report gives {} to scores {}",
                fmt(total),
                band.grade,
                describe(band)
            )
        } else {
            format!("graded {grade} with a total of {} 分, but the report's own scale gives {} for scores {}", fmt(total), band.grade, describe(band))
        },
        total,
        None,
        Some("分"),
        source,
        &format!("{} {}", fmt(total), grade),
    ))
}

/// `截至2021年12月底` in a report on 2022: an as-of date before the year under
/// review began (a copied figure, or a typo) is worth a look.
pub fn dates(ctx: &Context) -> Vec<Finding> {
    // (Only a year the report states, in its title or as `…年度`: one guessed
    // from plain years, `2024年政府采购预算…。截至2023年12月31日…`, is unsure.)
    let report = &ctx.report().report;
    let Some(fy) = report
        .fiscal_year
        .filter(|_| report.sources.contains_key("fiscal_year"))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    // Reports are written in the year after the one they review; a budget
    // (`2025年部门预算`) in the year before the one it plans, so its as-of
    // dates (`截至2024年8月31日，共有车辆8辆`) are of that year.
    let a_budget = ctx.report().report.title.as_deref().is_some_and(|t| {
        t.contains("预算")
            && !["决算", "绩效", "执行", "评价"]
                .iter()
                .any(|w| t.contains(w))
    });
    let earliest = if a_budget { fy - 1 } else { fy };
    for d in ctx
        .report()
        .stated
        .as_of_dates
        .iter()
        .filter(|d| d.year < earliest)
    {
        out.push(finding(
            "date.fiscal_year",
            Severity::Warning,
            format!("an as-of date in {} in a report on fiscal year {fy}: a figure from the year before, or a typo", d.year),
            Decimal::from(d.year),
            Some(Decimal::from(fy)),
            None,
            &d.source,
            &d.sentence,
        ));
    }
    out
}

/// `由A、B、C 3 个二级指标…构成` (the list and its count), and `设置 17 个三级指标`
/// (the count and the score table's rows).
pub fn counts(ctx: &Context) -> Vec<Finding> {
    let tables = &ctx.report().score_tables;
    let names = |t: &jixiao_model::ScoreTable, level: u8| -> Vec<String> {
        let mut names: Vec<String> = t
            .items
            .iter()
            .filter_map(|i| match level {
                1 => i.level1.clone(),
                2 => i.level2.clone(),
                _ => i.level3.clone(),
            })
            .collect();
        names.sort();
        names.dedup();
        names
    };
    let mut out = Vec::new();
    for c in &ctx.report().stated.indicator_counts {
        let what = ["一级", "二级", "三级"][usize::from(c.level.clamp(1, 3)) - 1];
        let stated = Operand::new(counted(c.stated), &c.source);
        let (by_comma, by_all) = (c.listed(), c.listed_loosely());
        if !c.whole_system && by_comma >= 2 && !c.list.ends_with('等') {
            // Names may hold 、 themselves (`财务、法律、建设规划类专业咨询次数`):
            // the table's own names found in the list count too.
            let in_tables = tables
                .iter()
                .map(|t| {
                    names(t, c.level)
                        .iter()
                        .filter(|n| c.list.contains(n.as_str()))
                        .count()
                })
                .max()
                .unwrap_or(0);
            let holds = [by_comma, by_all, in_tables].contains(&c.stated);
            ctx.record(
                "count.rows",
                format!("{} 个{what}指标 listed", c.stated),
                stated,
                Vec::new(),
                Verdict::holding(holds),
            );
            if !holds {
                // A piece much shorter than the names around it (`财务` among
                // indicators' long names) may be the head of a name holding 、
                // that no table confirms: fewer stated than pieces is then unsure.
                let mut lengths: Vec<usize> = c
                    .list
                    .split('、')
                    .map(|s| s.trim().chars().count())
                    .filter(|&n| n > 0)
                    .collect();
                lengths.sort_unstable();
                let fragment = lengths.first().is_some_and(|&n| n <= 3)
                    && lengths.get(lengths.len() / 2).is_some_and(|&n| n >= 6);
                let (severity, doubt) = if c.stated < by_comma && fragment {
                    (Severity::Warning, " (or a name holds 、 itself)")
                } else {
                    (Severity::Error, "")
                };
                out.push(finding(
                    "count.rows",
                    severity,
                    format!(
                        "{} 个{what}指标 stated, but the sentence lists {by_comma}: {}{doubt}",
                        c.stated, c.list
                    ),
                    Decimal::from(c.stated),
                    Some(Decimal::from(by_comma)),
                    None,
                    &c.source,
                    &c.sentence,
                ));
            }
            continue;
        }
        // Only a table read cleanly counts its names: one read by a guess, or
        // with some rows lacking the 三级 name others have (cells moved in a
        // text dump), has names that are fragments or missing.
        let clean: Vec<&jixiao_model::ScoreTable> = tables
            .iter()
            .filter(|t| {
                t.reading_doubt.is_none()
                    && !may_be_cut_off(t)
                    && (t.items.iter().all(|i| i.level3.is_some())
                        || t.items.iter().all(|i| i.level3.is_none()))
            })
            .collect();
        if !c.whole_system || clean.is_empty() {
            continue;
        }
        let in_table: Vec<usize> = clean.iter().map(|t| names(t, c.level).len()).collect();
        let holds = in_table.contains(&c.stated);
        let table_count = in_table[0];
        if table_count == 0 {
            continue;
        }
        ctx.record(
            "count.rows",
            format!("{} 个{what}指标 in the score table", c.stated),
            stated,
            Vec::new(),
            Verdict::holding(holds),
        );
        if holds {
            continue;
        }
        out.push(finding(
            "count.rows",
            Severity::Error,
            format!(
                "{} 个{what}指标 stated, but the score table has {table_count}",
                c.stated
            ),
            Decimal::from(c.stated),
            Some(Decimal::from(table_count)),
            None,
            &c.source,
            &c.sentence,
        ));
    }
    out.extend(named_counts(ctx));
    out
}

/// A count as a printed number: whole, exact.
fn counted(n: usize) -> jixiao_model::Printed {
    jixiao_model::Printed {
        value: Decimal::from(n),
        decimals: 0,
    }
}

/// `直属事业单位10个,即A、B、…`: the names listed after a count are as many
/// as it says. A name may hold 、 or 和 itself, so a list that falls short
/// or runs over is a warning, never an error.
fn named_counts(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in &ctx.report().stated.named_counts {
        let listed = c.names.len();
        // `A和B`: two names joined by 和 / 及 inside one item.
        let loosely: usize = c
            .names
            .iter()
            .map(|n| n.split(['和', '及']).filter(|s| !s.is_empty()).count())
            .sum();
        let holds = listed == c.stated || loosely == c.stated;
        let stated = Operand::new(counted(c.stated), &c.source);
        ctx.record(
            "count.rows",
            format!("{} {} listed", c.label, c.stated),
            stated,
            Vec::new(),
            Verdict::holding(holds),
        );
        if !holds {
            out.push(finding(
                "count.rows",
                Severity::Warning,
                format!(
                    "{} stated {} but the sentence names {listed}: {}",
                    c.label,
                    c.stated,
                    c.names.join("、")
                ),
                Decimal::from(c.stated),
                Some(Decimal::from(listed)),
                None,
                &c.source,
                &c.sentence,
            ));
        }
    }
    out
}

/// `年初预算 260.00 万元，全年预算数 258.90 万元，项目预算调减了 1.10 万元`: the
/// adjusted budget is the initial one less a cut (调减) or plus a rise (调增),
/// several of them added up (追加…，调减…); a bare 调整 may go either way.
pub fn adjustments(ctx: &Context) -> Vec<Finding> {
    let mut out = crate::budget_table::row_adjustments(ctx);
    for para in ctx.paragraphs() {
        let mut by_sentence: BTreeMap<usize, Vec<&Fact>> = BTreeMap::new();
        for m in para
            .iter()
            .copied()
            .filter(|m| matches!(m.unit, FactUnit::Money(_)))
            .filter(|m| m.kind == jixiao_model::FactKind::Level)
        {
            by_sentence.entry(m.sentence_start).or_default().push(m);
        }
        let mut last_initial: Option<&&Fact> = None;
        for sentence in by_sentence.values() {
            let mut initial: Vec<&&Fact> = sentence
                .iter()
                .filter(|m| m.role == Some(FactRole::Initial))
                .collect();
            // `年初预算2,356.80万元，其中…。年中追加预算643.20万元，全年预算3,000.00万元`:
            // a sentence that opens on the changes is of the 年初预算 before it.
            let opens_on_a_change = sentence
                .first()
                .is_some_and(|m| change_way(&m.label).is_some());
            let earlier = last_initial;
            last_initial = initial.last().copied().or(earlier);
            if initial.is_empty() && opens_on_a_change {
                initial.extend(earlier);
            }
            // The budget after the change, or, where the sentence names none, the funds made available.
            let mut adjusted: Vec<&&Fact> = sentence
                .iter()
                .filter(|m| m.role == Some(FactRole::Adjusted))
                .collect();
            if adjusted.is_empty() {
                adjusted = sentence
                    .iter()
                    .filter(|m| m.role == Some(FactRole::Available))
                    .collect();
            }
            // (`全年预算调整为4,573.40万元` names the budget adjusted, no change.)
            let changes: Vec<(&&Fact, i8)> = sentence
                .iter()
                .filter(|m| !matches!(m.role, Some(FactRole::Adjusted | FactRole::Initial)))
                .filter_map(|m| Some((m, change_way(&m.label)?)))
                .collect();
            let ([a], [b]) = (initial.as_slice(), adjusted.as_slice()) else {
                continue;
            };
            // An amount that names a change of words unknown here (`调出`,
            // `压缩`) may be one of them: the changes read are then unsure.
            let unknown_change = sentence.iter().any(|m| {
                m.role.is_none()
                    && change_way(&m.label).is_none()
                    && ['增', '减', '调', '压', '核']
                        .iter()
                        .any(|w| m.label.contains(*w))
            });
            if unknown_change {
                continue;
            }
            if changes.is_empty()
                || a.unit != b.unit
                || a.scope != b.scope
                || changes.iter().any(|(d, _)| d.unit != a.unit)
            {
                continue;
            }
            // Each reading: the straight sum, its interval, and it written out.
            let candidates = ChangedBudget::readings(a, &changes);
            if candidates.is_empty() {
                continue;
            }
            let verdicts: Vec<(Verdict, Decimal, &str)> = candidates
                .iter()
                .map(|c| {
                    let v =
                        crate::interval::judge(b.number.value, b.number.decimals, c.iv, c.straight);
                    (v, c.straight, c.labelled.as_str())
                })
                .collect();
            let holds = verdicts.iter().any(|(v, ..)| *v == Verdict::Consistent);
            let written = match changes.as_slice() {
                [(d, 0)] => format!("{} ± {}", a.number.value, d.number.value),
                _ => candidates[0].terms.clone(),
            };
            let recorded = ctx.record(
                "adjustment.mismatch",
                format!("{written} = {}", b.number.value),
                Operand::of(b),
                std::iter::once(Operand::of(a))
                    .chain(changes.iter().map(|(d, _)| Operand::of(d)))
                    .collect(),
                Verdict::holding(holds),
            );
            if holds {
                continue;
            }
            let (verdict, straight, labelled) = verdicts
                .iter()
                .find(|(v, ..)| *v == Verdict::Rounding)
                .copied()
                .unwrap_or(verdicts[0]);
            // An approximate figure among them makes none impossible.
            let verdict = match (recorded, verdict) {
                (Verdict::Rounding, Verdict::Contradiction) => Verdict::Rounding,
                (_, v) => v,
            };
            if let Some(sev) = severity_of(verdict) {
                let unit = match b.unit {
                    FactUnit::Money(u) => u.label(),
                    _ => "",
                };
                out.push(finding(
                    "adjustment.mismatch",
                    sev,
                    format!(
                        "{} stated {}{unit} but {labelled} = {}{unit}{}",
                        b.label,
                        fmt(b.number.value),
                        fmt(straight),
                        rounding_note(verdict)
                    ),
                    b.number.value,
                    Some(straight),
                    Some(unit),
                    &b.source,
                    &b.sentence,
                ));
            }
        }
    }
    out
}

/// True when a word that opens parts (其中, 包括, 分别, 含) stands between the
/// first and the last of a sentence's changes.
/// The way an amount changed a budget, by its label: −1 for a cut (调减),
/// +1 for a rise (调增, 追加), 0 for a bare 调整 that may go either way.
fn change_way(label: &str) -> Option<i8> {
    if ["调减", "减少", "追减", "核减", "压减", "收回"]
        .iter()
        .any(|w| label.contains(w))
    {
        Some(-1)
    } else if ["调增", "追加", "追增", "调整增加"]
        .iter()
        .any(|w| label.contains(w))
    {
        // (`年中调整增加…`: adjusted, upwards.)
        Some(1)
    } else if label.ends_with("调整") || label.ends_with("调整了") || label.ends_with("资金调整")
    {
        Some(0)
    } else {
        None
    }
}

/// The budget a 年初预算 was changed to where its paragraph states the changes
/// with their ways after it (`年初预算1200万元，年中追加预算300万元`, or in the
/// next sentence) but not the budget they made; a balance carried in
/// (`上年结转资金20万元`) adds to what could be spent. Another budget stated
/// first ends the search; the changes are read from one sentence. A bare 调整
/// gives two readings, one each way; none, no changes.
pub(crate) fn changed_budget<'f>(
    initial: &'f Fact,
    facts: impl Iterator<Item = &'f Fact>,
) -> Vec<ChangedBudget<'f>> {
    let mut after: Vec<&Fact> = Vec::new();
    for m in facts.filter(|m| {
        m.paragraph == initial.paragraph
            && m.span.0 > initial.span.0
            && m.kind == jixiao_model::FactKind::Level
            && matches!(m.unit, FactUnit::Money(_))
    }) {
        match m.role {
            Some(FactRole::Adjusted) => return Vec::new(),
            Some(FactRole::Initial) => break,
            _ => after.push(m),
        }
    }
    let changes: Vec<(&&Fact, i8)> = after
        .iter()
        .filter_map(|m| {
            let way =
                change_way(&m.label).or_else(|| crate::amounts::carried_in(m).then_some(1))?;
            Some((m, way))
        })
        .collect();
    if changes
        .iter()
        .any(|(d, _)| d.unit != initial.unit || d.sentence_start != changes[0].0.sentence_start)
    {
        return Vec::new();
    }
    ChangedBudget::readings(initial, &changes)
}

/// A budget re-computed from its 年初预算 and the changes stated with it.
pub(crate) struct ChangedBudget<'f> {
    pub straight: Decimal,
    pub iv: Interval,
    pub changes: Vec<&'f Fact>,
    /// `1200.00 + 300.00`.
    pub terms: String,
    /// `年初预算 1200 + 年中追加预算 300`.
    pub labelled: String,
}

impl<'f> ChangedBudget<'f> {
    /// The budgets the changes may have made of `initial`: several changes,
    /// each with its way (追加…，调减…), add up; a bare 调整 may go either way,
    /// and only alone says which it is not. None where some are parts of
    /// another (`追加20万元，其中中央追加15万元`).
    fn readings(initial: &Fact, changes: &[(&&'f Fact, i8)]) -> Vec<Self> {
        let ways: Vec<Vec<i8>> = match changes {
            [] => return Vec::new(),
            [(_, 0)] => vec![vec![-1], vec![1]],
            all if all.iter().all(|(_, way)| *way != 0) && !splits_a_change(all) => {
                vec![all.iter().map(|(_, way)| *way).collect()]
            }
            _ => return Vec::new(),
        };
        ways.iter()
            .map(|way| {
                let signed: Vec<(&Fact, i8)> = changes
                    .iter()
                    .zip(way)
                    .map(|((d, _), w)| (**d, *w))
                    .collect();
                ChangedBudget::of(initial, &signed)
            })
            .collect()
    }

    /// The initial budget with each change applied its way (−1 or +1).
    fn of(initial: &Fact, changes: &[(&'f Fact, i8)]) -> Self {
        let mut made = ChangedBudget {
            straight: initial.number.value,
            iv: Interval::of_printed(initial.number),
            changes: changes.iter().map(|(d, _)| *d).collect(),
            terms: initial.number.value.to_string(),
            labelled: format!("{} {}", initial.label, fmt(initial.number.value)),
        };
        for (d, way) in changes {
            let of = Interval::of_printed(d.number);
            let op = if *way < 0 {
                made.straight -= d.number.value;
                made.iv = made.iv.sub(of);
                "−"
            } else {
                made.straight += d.number.value;
                made.iv = made.iv.add(of);
                "+"
            };
            made.terms.push_str(&format!(" {op} {}", d.number.value));
            made.labelled
                .push_str(&format!(" {op} {} {}", d.label, fmt(d.number.value)));
        }
        made
    }
}

fn splits_a_change(changes: &[(&&Fact, i8)]) -> bool {
    let (Some((first, _)), Some((last, _))) = (changes.first(), changes.last()) else {
        return false;
    };
    let from = first.span.0.saturating_sub(first.sentence_start);
    let to = last.span.0.saturating_sub(first.sentence_start);
    first.sentence.get(from..to).is_none_or(|between| {
        ["其中", "包括", "分别", "含"]
            .iter()
            .any(|w| between.contains(w))
    })
}

/// `资金分配合理性得 5 分`, `立项依据充分性满分 5 分`: an indicator's score (or
/// full marks) stated in prose agrees with its row in the score tables.
pub fn indicators(ctx: &Context) -> Vec<Finding> {
    let items_of = |m: &Fact| -> Vec<&jixiao_model::ScoreItem> {
        ctx.report()
            .score_tables
            .iter()
            .filter(|t| crate::scores::may_speak_of(ctx, m, t))
            .flat_map(|t| t.items.iter())
            .collect()
    };
    let mut out = Vec::new();
    for m in ctx.facts().filter(|m| m.unit == FactUnit::Points) {
        let items = items_of(m);
        let mut label = m.label.trim();
        for tail in ["得分为", "得分是", "得分", "实际得", "得", "为", "：", ":"] {
            label = label.strip_suffix(tail).unwrap_or(label).trim_end();
        }
        let full_marks = ["满分", "权重", "分值"].iter().any(|w| label.ends_with(w));
        for w in ["满分", "权重", "分值", "指标"] {
            label = label.strip_suffix(w).unwrap_or(label).trim_end();
        }
        let label = label.trim_end_matches(['”', '"', '」']);
        // The longest indicator name the label ends with.
        let Some(name) = items
            .iter()
            .filter_map(|i| i.level3.as_deref())
            .filter(|n| n.chars().count() >= 3 && label.ends_with(n))
            .max_by_key(|n| n.len())
        else {
            continue;
        };
        let rows: Vec<&&jixiao_model::ScoreItem> = items
            .iter()
            .filter(|i| i.level3.as_deref() == Some(name))
            .collect();
        let values: Vec<Decimal> = rows
            .iter()
            .filter_map(|i| if full_marks { i.weight } else { i.score })
            .collect();
        if values.is_empty() {
            continue;
        }
        let verdicts: Vec<(Verdict, Decimal)> = values
            .iter()
            .map(|v| {
                let verdict =
                    crate::interval::judge(m.number.value, m.number.decimals, Interval::of(*v), *v);
                (verdict, *v)
            })
            .collect();
        let holds = verdicts.iter().any(|(v, _)| *v == Verdict::Consistent);
        ctx.record(
            "prose.indicator",
            format!(
                "{name} {} in the text and in the table",
                fmt(m.number.value)
            ),
            Operand::of(m),
            rows.iter()
                .filter_map(|i| {
                    let v = if full_marks { i.weight } else { i.score }?;
                    Some(Operand::value(v, &i.source))
                })
                .collect(),
            Verdict::holding(holds),
        );
        if holds {
            continue;
        }
        let (verdict, table_value) = verdicts
            .iter()
            .find(|(v, _)| *v == Verdict::Rounding)
            .copied()
            .unwrap_or(verdicts[0]);
        if let Some(sev) = severity_of(verdict) {
            let what = if full_marks { "weight" } else { "score" };
            out.push(finding(
                "prose.indicator",
                sev,
                format!(
                    "{name}: the text gives {} 分 but the score table's {what} is {}{}",
                    fmt(m.number.value),
                    fmt(table_value),
                    rounding_note(verdict)
                ),
                m.number.value,
                Some(table_value),
                Some("分"),
                &m.source,
                &m.sentence,
            ));
        }
    }
    out
}

/// The one count a rate's label or verb names (`合格18个` of `合格率`): not a
/// whole that names the rate's subject (`满意度调查共发放问卷200份`), nor what
/// the verb is not (`不合格2个`, `未完成指标2个`).
fn named_part<'f>(counts: &[&'f Fact], rate: &Fact, verb: &str) -> Option<&'f Fact> {
    match verb_counts(counts, verb).as_slice() {
        [one] => Some(*one),
        [] => crate::amounts::only_one(counts.iter().copied().filter(|c| {
            !names_a_whole(&c.label) && crate::amounts::shares_stem(&rate.label, &c.label)
        })),
        _ => None,
    }
}

/// `发放问卷200份，收回195份，满意185份，满意率94.87%`: the counts the rate's
/// verb names (one, or several: `满意190户，基本满意6户，满意度98%`) over one of
/// the larger counts before them (the returned or the sent: reports differ).
/// The rate may be of any one named count or of them together: any reading
/// that gives it holds; none is a warning, which was meant being unsure.
fn survey_rate(ctx: &Context, rate: &Fact, named: &[&Fact], counts: &[&Fact]) -> Option<Finding> {
    let first = named.first()?;
    if named.len() > 3 || named.iter().any(|c| c.unit != first.unit) {
        return None;
    }
    let together: Decimal = named.iter().map(|c| c.number.value).sum();
    // Nearest first: a rate over the returned is the likelier reading.
    let wholes: Vec<&Fact> = counts
        .iter()
        .rev()
        .copied()
        .filter(|c| {
            c.unit == first.unit
                && c.span.0 < first.span.0
                && c.number.value >= together
                && !c.number.value.is_zero()
        })
        .collect();
    if !(1..=2).contains(&wholes.len()) {
        return None;
    }
    // Each reading: its numerator and the counts it adds.
    let mut readings: Vec<(Decimal, Vec<&Fact>)> = vec![(together, named.to_vec())];
    if named.len() > 1 {
        readings.extend(named.iter().map(|c| (c.number.value, vec![*c])));
        // The first grades (`非常满意210份，满意72份，基本满意12份`: 满意率 over
        // the first two, as surveys often count it).
        readings.extend((2..named.len()).map(|k| {
            let first = named[..k].to_vec();
            (first.iter().map(|c| c.number.value).sum(), first)
        }));
    }
    let all: Vec<(Verdict, Decimal, &Vec<&Fact>, &Fact)> = readings
        .iter()
        .flat_map(|(num, parts)| {
            wholes.iter().filter_map(move |w| {
                let straight = num.checked_div(w.number.value)? * Decimal::ONE_HUNDRED;
                let v = crate::interval::judge(
                    rate.number.value,
                    rate.number.decimals,
                    Interval::exact(straight),
                    straight,
                );
                Some((v, straight, parts, *w))
            })
        })
        .collect();
    let (verdict, straight, parts, over) = crate::interval::best_reading(&all, |r| r.0)?;
    let terms = match parts.as_slice() {
        [one] => one.number.value.to_string(),
        _ => format!(
            "({})",
            parts
                .iter()
                .map(|c| c.number.value.to_string())
                .collect::<Vec<_>>()
                .join(" + ")
        ),
    };
    let verdict = &ctx.record(
        "rate.mismatch",
        format!("{terms} / {} = {}%", over.number.value, rate.number.value),
        Operand::of(rate),
        parts
            .iter()
            .chain(std::iter::once(over))
            .map(|c| Operand::of(c))
            .collect(),
        *verdict,
    );
    severity_of(*verdict)?;
    let shown = straight.round_half_up(rate.number.decimals.max(2));
    let unit = first.unit.label();
    let named_text = match named {
        [one] => format!("{} {}{unit}", one.label, one.number.value),
        _ => {
            format!("neither one of the counts it names nor them together gives it: {terms}{unit}")
        }
    };
    Some(crate::context::rate_finding(
        rate,
        Severity::Warning,
        format!(
            "{} stated {}% but {named_text} / {} {}{unit} = {shown}%{}",
            rate.label,
            rate.number.value,
            over.label,
            over.number.value,
            rounding_note(*verdict)
        ),
        shown,
    ))
}

/// A count's label that says it is all of something (`共`, not the 共 of
/// `公共`; `总`): no part of a rate.
fn names_a_whole(label: &str) -> bool {
    label.replace("公共", "").contains('共') || label.contains('总')
}

/// The counts a rate's verb names (`满意` of `满意度`): not a whole that names
/// the survey (`满意度调查共发放问卷200份`), nor what the verb is not
/// (`不合格2个`, `未完成指标2个`).
fn verb_counts<'f>(counts: &[&'f Fact], verb: &str) -> Vec<&'f Fact> {
    if verb.chars().count() != 2 {
        return Vec::new();
    }
    counts
        .iter()
        .copied()
        .filter(|c| {
            c.label.contains(verb)
                && !names_a_whole(&c.label)
                && !names_what_was_owed(&c.label, verb)
                && !negates(&c.label, verb)
                && !names_the_survey(&c.label, verb)
        })
        .collect()
}

/// Whether a label names what should have been done (`应参保人数` of a
/// 参保率), the whole of what its verb counts.
fn names_what_was_owed(label: &str, verb: &str) -> bool {
    label.contains(&format!("应{verb}"))
}

/// Whether a label names the survey or the rate, not what its verb counts
/// (`满意度调查有效样本1,200份`).
fn names_the_survey(label: &str, verb: &str) -> bool {
    ["度", "率"]
        .iter()
        .any(|w| label.contains(&format!("{verb}{w}")))
}

/// Whether a label says what a verb is not (`不合格`, `未完成`, `没有完成`).
fn negates(label: &str, verb: &str) -> bool {
    ["未", "不", "没有"]
        .iter()
        .any(|no| label.contains(&format!("{no}{verb}")))
}

/// `编制数45人，实有在职人数43人，在职人员控制率95.56%`: the two counts a rate's
/// vocabulary names (`crate::amounts::rate_terms`), one naming only its
/// numerator's words and one only its denominator's, of one unit.
fn termed_counts<'f>(counts: &[&'f Fact], rate: &Fact) -> Option<(&'f Fact, &'f Fact)> {
    let (num, den) = termed_pair(counts, rate, &|_| false)?;
    // Another count of theirs in the sentence (`实有53人（含借调人员3人）`) may
    // be taken out of one of them: the pair is unsure.
    let of_unit = counts.iter().filter(|c| c.unit == num.unit).count();
    (of_unit == 2).then_some((num, den))
}

/// The one count naming only the numerator's words of a rate's vocabulary and
/// the one naming only its denominator's, of one unit (see [`termed_counts`]).
/// Of several, a count named by the rate's subject alone (`其中在职人员58人` of
/// an `在职人员控制率`) is its numerator, and of the denominators those no
/// list states as its part (`编制数65人`, not its `行政编制15人`).
fn termed_pair<'f>(
    counts: &[&'f Fact],
    rate: &Fact,
    listed_part: &dyn Fn(&Fact) -> bool,
) -> Option<(&'f Fact, &'f Fact)> {
    let (measure, nums, dens) = crate::amounts::rate_terms(&rate.label)?;
    // The rate's subject (`在职人员` of `在职人员控制率`) says nothing of the side.
    let subject = rate.label.strip_suffix(measure).unwrap_or("");
    let names = |c: &Fact, words: &[&str]| {
        let own = if subject.chars().count() >= 2 {
            c.label.replace(subject, "")
        } else {
            c.label.clone()
        };
        words.iter().any(|w| own.contains(w))
    };
    // (Said when: `年末在职人员46人`, `2023年底在职人员`; the year's 年
    // trimmed with its digits leaves `末`, `底`.)
    let named_by_subject = |c: &Fact| {
        let label = jixiao_model::facts::without_qizhong(&c.label);
        let when = label
            .trim_start_matches(['，', ',', '、', '；', ';'])
            .trim_start_matches(|c: char| c.is_ascii_digit() || c == '年' || c == '度');
        subject.chars().count() >= 2
            && ["", "末", "底", "期末"]
                .iter()
                .any(|w| when.strip_prefix(w) == Some(subject))
    };
    let num = crate::amounts::only_one(counts.iter().copied().filter(|c| named_by_subject(c)))
        .or_else(|| {
            crate::amounts::only_one(
                counts
                    .iter()
                    .copied()
                    .filter(|c| names(c, nums) && !names(c, dens)),
            )
        })?;
    let dens_named = || {
        counts
            .iter()
            .copied()
            .filter(|c| names(c, dens) && !names(c, nums))
    };
    let den = crate::amounts::only_one(dens_named())
        .or_else(|| crate::amounts::only_one(dens_named().filter(|c| !listed_part(c))))?;
    (num.unit == den.unit && !den.number.value.is_zero()).then_some((num, den))
}

/// `实际编外人员 14 人，在职人员总数 26 人，编外人员控制率为 53.85%`: a rate of
/// counts (人, 个, 次 …) in one sentence: the count named like the rate over the
/// total (总数, 全部, 共) of the same unit; or what was done over what was
/// planned (`计划培训500人次，实际培训520人次，完成率104%`), one of each.
pub fn count_rates(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        for rate in para.iter().filter(|m| {
            m.unit == FactUnit::Percent && (m.label.ends_with('率') || m.label.ends_with("满意度"))
        }) {
            // Counts before the rate in its sentence, and in the sentence before
            // where its own opens on 其中 (`共发放问卷1200份，回收1152份。其中满意
            // 的1068份，满意度92.71%`).
            let opened_by_qizhong = rate.sentence.trim_start().starts_with("其中");
            let previous = para
                .iter()
                .map(|m| m.sentence_start)
                .filter(|&s| s < rate.sentence_start)
                .max()
                .filter(|_| opened_by_qizhong);
            // A change (`超额完成3个`, `较上年增加20人`) is a difference of two
            // levels, never a part or a whole of a rate of counts.
            let counts: Vec<&Fact> = para
                .iter()
                .copied()
                .filter(|c| {
                    matches!(c.unit, FactUnit::Count(_))
                        && c.kind != FactKind::Change
                        && (c.sentence_start == rate.sentence_start
                            || Some(c.sentence_start) == previous)
                        && c.span.0 < rate.span.0
                })
                .collect();
            // The rate's verb (`完成` of `完成率`, `合格` of `合格率`) names its part
            // (`已完成10个`, `其中合格学员96人`).
            let verb: String = {
                let head = rate.label.trim_end_matches('率').trim_end_matches('度');
                let chars: Vec<char> = head.chars().collect();
                chars[chars.len().saturating_sub(2)..].iter().collect()
            };
            // `计划培训500人次，实际培训520人次，完成率104%`: what was done over
            // what was planned, one of each in the sentence.
            let planned = crate::amounts::only_one(counts.iter().filter(|c| {
                ["计划", "目标", "预期", "预计"]
                    .iter()
                    .any(|w| c.label.contains(w))
            }));
            let done = crate::amounts::only_one(counts.iter().filter(|c| {
                ["实际", "实现"].iter().any(|w| c.label.contains(w))
                    || c.label.trim_start_matches(['，', ',']).starts_with("完成")
            }));
            // A 完成率's plan may stand beside the one other count of its unit since
            // the previous percentage, what was done (`新建灌溉渠道35公里，计划30公里，
            // 完成率116.67%`), or in brackets right after the rate (`新建管网12.4公里，
            // 完成率103.33%（计划12公里）`). (A 完成率 only: a 合格率's bracket may
            // name what was planned to be tested.)
            let completion = rate.label.ends_with("完成率");
            let since = para
                .iter()
                .filter(|m| m.unit == FactUnit::Percent && m.span.0 < rate.span.0)
                .map(|m| m.span.1)
                .max()
                .unwrap_or(0);
            let beside = |plan: &Fact| {
                crate::amounts::only_one(counts.iter().filter(|c| {
                    c.span.0 >= since && c.unit == plan.unit && !std::ptr::eq(**c, plan)
                }))
            };
            let bracketed = bracketed_plan(para, rate).filter(|_| completion);
            let (planned, done) = match (planned, bracketed) {
                (None, Some(plan)) => (Some(plan), beside(plan)),
                (planned, _) => (
                    planned,
                    done.or_else(|| planned.filter(|_| completion).and_then(|p| beside(p))),
                ),
            };
            let plan_and_done = match (planned, done) {
                (Some(p), Some(d))
                    if p.unit == d.unit && !std::ptr::eq(*p, *d) && !p.number.value.is_zero() =>
                {
                    Some((*d, *p))
                }
                _ => None,
            };
            let part = named_part(&counts, rate, &verb);
            let by_total = part.and_then(|part| {
                let whole = counts.iter().find(|c| {
                    let l = &c.label;
                    !std::ptr::eq(**c, part)
                        && c.unit == part.unit
                        && (l.contains('总')
                                || l.contains("全部")
                                || l.contains("合计")
                                // `全年共培训学员`, but not the 共 of `公共`.
                                || l.replace("公共", "").contains('共')
                                // What should have been (`应资助12,600人`,
                                // `全县应参保人数…` of a 参保率).
                                || l.trim_start_matches(['，', ',', '；', ';']).starts_with('应')
                                || names_what_was_owed(l, &verb))
                        && c.number.value >= part.number.value
                        && !c.number.value.is_zero()
                })?;
                // Another larger count between them (`收回195份` between
                // `共发放200份` and `满意185份`) may be the rate's whole.
                let between = counts.iter().any(|c| {
                    c.unit == part.unit
                        && c.span.0 > whole.span.0
                        && c.span.0 < part.span.0
                        && c.number.value >= part.number.value
                });
                (!between).then_some((part, *whole))
            });
            let Some((part, whole)) = by_total
                .or(plan_and_done)
                .or_else(|| termed_counts(&counts, rate))
            else {
                let named = match part {
                    Some(part) => vec![part],
                    None => verb_counts(&counts, &verb),
                };
                if let Some(found) = complement_rate(ctx, para, rate, &verb) {
                    out.extend(found);
                    continue;
                }
                // `健康管理3.12万人，健康管理率72.56%（老年人口4.30万人）`: over the
                // count in brackets right after it, what the part is of; a
                // warning where it fails, as a bracket may name a plan too.
                let base = bracketed_count(para, rate, &[])
                    .filter(|b| part.is_some_and(|p| p.unit == b.unit && p.span.0 < rate.span.0));
                if let (Some(part), Some(base)) = (part, base) {
                    out.extend(warn_count_rate(
                        ctx,
                        rate,
                        part,
                        base,
                        "the count in brackets",
                    ));
                    continue;
                }
                if let Some(found) = bracketed_part(ctx, para, rate, &verb) {
                    out.extend(found);
                    continue;
                }
                // `完成日常养护1,150公里，完成率100%` with the plan stated in the
                // goals a section before (`全年完成农村公路日常养护1,150公里`).
                if let Some(found) = part
                    .filter(|_| completion)
                    .and_then(|part| over_the_goal(ctx, rate, part, &verb))
                {
                    out.extend(found);
                    continue;
                }
                // `计划建成日间照料中心12个` in the 概况, `全年建成日间照料中心11个，
                // 完成率91.67%` sections on: the one count right before the rate
                // over the plan stated for the same thing before its paragraph.
                let right_before =
                    crate::amounts::only_one(counts.iter().filter(|c| c.span.0 >= since));
                if let Some(found) = right_before
                    .filter(|_| completion && part.is_none() && planned.is_none())
                    .and_then(|done| over_the_plan_before(ctx, rate, done))
                {
                    out.extend(found);
                    continue;
                }
                // `核定事业编制25名，年末实有在编人员23名` in the 概况, `人员控制率92.00%`
                // sections on: a rate whose sentence counts nothing is over the one
                // pair of earlier counts its vocabulary names (a warning where it
                // fails: other counts may stand between).
                // (Not a rate of money: `公用经费控制率`, or one beside amounts.)
                let of_money = ["经费", "资金", "支出", "预算", "成本", "费"]
                    .iter()
                    .any(|w| rate.label.contains(w))
                    || para
                        .iter()
                        .any(|m| m.sentence_start == rate.sentence_start && m.money().is_some());
                // (Or one whose sentence counts only its base: `…；离退休人员54人。
                // 编制数135人，在职人员控制率94.81%`, the staff counted before.)
                let only_its_base =
                    crate::amounts::rate_terms(&rate.label).is_some_and(|(_, nums, dens)| {
                        let names =
                            |c: &Fact, words: &[&str]| words.iter().any(|w| c.label.contains(w));
                        !counts.is_empty()
                            && counts.iter().all(|c| names(c, dens) && !names(c, nums))
                    });
                if (counts.is_empty() || only_its_base) && !of_money {
                    let earlier: Vec<&Fact> = ctx
                        .facts()
                        .filter(|c| {
                            matches!(c.unit, FactUnit::Count(_))
                                && c.kind == FactKind::Level
                                && !c.approximate
                                && (c.paragraph, c.span.1) <= (rate.paragraph, rate.span.0)
                        })
                        .collect();
                    if let Some((part, base)) =
                        termed_pair(&earlier, rate, &|c| ctx.is_listed_part(c))
                    {
                        out.extend(warn_count_rate(
                            ctx,
                            rate,
                            part,
                            base,
                            "the counts its words name before it",
                        ));
                        continue;
                    }
                }
                out.extend(survey_rate(ctx, rate, &named, &counts));
                continue;
            };
            let unit = part.unit.label();
            out.extend(crate::context::judge_count_rate(
                ctx,
                rate,
                part,
                whole,
                |shown| {
                    format!(
                        "{} stated {}% but {} {}{unit} / {} {}{unit} = {shown}%",
                        rate.label,
                        rate.number.value,
                        part.label,
                        part.number.value,
                        whole.label,
                        whole.number.value,
                    )
                },
            ));
        }
    }
    out
}

/// `抽检2,360批次，抽检合格率98.6%，不合格批次33批次`: a rate whose verb's
/// negation names a count (`不合格`, `未完成`) of its sentence, beside one other
/// count of that unit, is the rest of that count over it. Counts are exact.
/// `Some` where the rate is read so (with its finding, if it fails).
fn complement_rate(
    ctx: &Context,
    para: &[&Fact],
    rate: &Fact,
    verb: &str,
) -> Option<Option<Finding>> {
    if verb.chars().count() != 2 {
        return None;
    }
    let counts: Vec<&Fact> = para
        .iter()
        .copied()
        .filter(|c| {
            matches!(c.unit, FactUnit::Count(_))
                && c.kind == FactKind::Level
                && c.sentence_start == rate.sentence_start
                && !c.approximate
        })
        .collect();
    let negated = |c: &Fact| negates(&c.label, verb);
    // (Where a count names the verb itself, `完成指标13个`, the rate is of it.)
    if counts.iter().any(|c| c.label.contains(verb) && !negated(c)) {
        return None;
    }
    let not = *crate::amounts::only_one(counts.iter().filter(|c| negated(c)))?;
    let whole =
        *crate::amounts::only_one(counts.iter().filter(|c| c.unit == not.unit && !negated(c)))?;
    let (w, n) = (whole.number.value, not.number.value);
    // `建成污水处理设施38座，完成率95.00%，未完成的2座`: the other count says
    // what was done, so the rate is it over it and what was not (38 / 40).
    // (What was examined, `完成食品安全抽检2,360批次`, or counted in all, is
    // the whole.)
    let examined = ["抽检", "抽查", "检测", "检查", "检验", "验收", "监测"]
        .iter()
        .any(|v| whole.label.contains(v));
    let done = ["建成", "完成", "竣工", "已", "实现"]
        .iter()
        .any(|v| whole.label.contains(v))
        && !examined
        && !names_a_whole(&whole.label);
    // Each reading: the rate as a fraction, its formula, and the words for the message.
    let (straight, formula, worked) = if done {
        (
            w.checked_div(w + n)?,
            format!("{w} / ({w} + {n})"),
            format!("{} {w} / ({w} + {} {n})", whole.label, not.label),
        )
    } else {
        if w.is_zero() || w < n {
            return None;
        }
        (
            (w - n).checked_div(w)?,
            format!("({w} − {n}) / {w}"),
            format!("({} {w} − {} {n}) / {w}", whole.label, not.label),
        )
    };
    let straight = straight * Decimal::ONE_HUNDRED;
    Some(crate::context::judge_rate(
        ctx,
        format!("{formula} = {}%", rate.number.value),
        rate,
        vec![Operand::of(whole), Operand::of(not)],
        (Interval::exact(straight), straight),
        |shown| {
            format!(
                "{} stated {}% but {worked} = {shown}%",
                rate.label, rate.number.value
            )
        },
    ))
}

/// A 完成率 beside what was done and no plan in its paragraph is over the one
/// count stated before its paragraph, in its unit, naming what was done in
/// the same words (the goals: `全年完成农村公路日常养护1,150公里`); a warning
/// where it fails, the plan being inferred.
fn over_the_goal(ctx: &Context, rate: &Fact, part: &Fact, verb: &str) -> Option<Option<Finding>> {
    // What was done: the words after the verb (`日常养护` of `完成日常养护`).
    let (_, object) = part.label.rsplit_once(verb)?;
    let object = object.trim();
    if object.chars().count() < 2 {
        return None;
    }
    let goal = the_one_earlier_count(ctx, rate, part, |g| g.label.ends_with(object))?;
    Some(warn_count_rate(
        ctx,
        rate,
        part,
        goal,
        "the goal stated before",
    ))
}

/// The one value of the counts before `rate`'s paragraph in `done`'s unit,
/// levels stated outright, that `names` takes for what was planned: that
/// count (the first so stated), where every such count states the same value
/// and it is not zero.
fn the_one_earlier_count<'c>(
    ctx: &Context<'c>,
    rate: &Fact,
    done: &Fact,
    names: impl Fn(&Fact) -> bool,
) -> Option<&'c Fact> {
    let mut plans = ctx.facts().filter(|g| {
        g.paragraph < rate.paragraph
            && g.unit == done.unit
            && g.kind == FactKind::Level
            && !g.approximate
            && names(g)
    });
    let plan = plans.next()?;
    (plans.all(|g| g.number.value == plan.number.value) && !plan.number.value.is_zero())
        .then_some(plan)
}

/// What a plan names in planning (`计划`, `目标` … before it in its sentence).
const PLAN_WORDS: &[&str] = &["计划", "目标", "预计", "预期", "拟"];

/// `计划建成日间照料中心12个，为3,240名困难老年人提供居家养老服务` in one
/// paragraph, `全年建成日间照料中心11个，完成率91.67%；为3,186名困难老年人提供
/// 居家养老服务，完成率98.33%` in a later one: a 完成率 is over the one count
/// of an earlier paragraph, in its unit, that a planning word before it in its
/// sentence makes a plan and that names the same thing as what was done: the
/// same words before the number (an ending of four characters or more) or the
/// same words after it. A warning where it fails, the plan being inferred.
fn over_the_plan_before(ctx: &Context, rate: &Fact, done: &Fact) -> Option<Option<Finding>> {
    let names_the_same = |g: &Fact| {
        jixiao_model::facts::common_suffix(&g.label, &done.label) >= 4
            || (g.after.trim().chars().count() >= 2 && g.after.trim() == done.after.trim())
    };
    let planned = |g: &Fact| {
        let before = g
            .sentence
            .get(..g.span.0.saturating_sub(g.sentence_start))
            .unwrap_or("");
        PLAN_WORDS.iter().any(|w| before.contains(w))
    };
    let plan = the_one_earlier_count(ctx, rate, done, |g| names_the_same(g) && planned(g))?;
    Some(warn_count_rate(
        ctx,
        rate,
        done,
        plan,
        "the plan stated before",
    ))
}

/// `完成危房改造412户，…；按期完成率98.54%（406户按期完成）`: the count in
/// brackets right after a rate, named by the rate's verb, is its part; the
/// whole is the one count of its unit (no smaller) the paragraph states
/// before the rate. A warning where it fails, the whole being inferred.
fn bracketed_part(
    ctx: &Context,
    para: &[&Fact],
    rate: &Fact,
    verb: &str,
) -> Option<Option<Finding>> {
    let part = *bracketed_count(para, rate, &[])?;
    if verb.chars().count() < 2 || !(part.after.contains(verb) || part.label.contains(verb)) {
        return None;
    }
    let whole = *crate::amounts::only_one(para.iter().filter(|c| {
        c.unit == part.unit
            && c.kind == FactKind::Level
            && c.span.1 <= rate.span.0
            && !c.approximate
            && c.number.value >= part.number.value
            && !c.number.value.is_zero()
    }))?;
    Some(warn_count_rate(
        ctx,
        rate,
        part,
        whole,
        "the one count of its unit stated before",
    ))
}

/// A count rate over a base the report does not name as the rate's own
/// (`over` says where it was found): a warning where it fails, as the
/// reading is inferred.
fn warn_count_rate(
    ctx: &Context,
    rate: &Fact,
    part: &Fact,
    base: &Fact,
    over: &str,
) -> Option<Finding> {
    let unit = part.unit.label();
    // (A count in brackets is named by the words after it: `（406户按期完成）`.)
    let name = |m: &Fact| match m.label.trim() {
        "" => m.after.trim().to_string(),
        label => label.to_string(),
    };
    crate::context::judge_count_rate(ctx, rate, part, base, |shown| {
        format!(
            "{} stated {}% but {} {}{unit} / {} {}{unit} = {shown}% (over {over})",
            rate.label,
            rate.number.value,
            name(part),
            part.number.value,
            name(base),
            base.number.value,
        )
    })
    .map(|mut f| {
        f.severity = Severity::Warning;
        f
    })
}

/// The count a rate's bracket right after it names as the plan
/// (`完成率103.33%（计划12公里）`).
fn bracketed_plan<'a, 'f>(para: &'a [&'f Fact], rate: &Fact) -> Option<&'a &'f Fact> {
    bracketed_count(para, rate, &["计划", "目标", "预期"])
}

/// The count in brackets right after a rate, the bracket opening on one of
/// `words` (on any, where none are given): `（老年人口4.30万人）`.
fn bracketed_count<'a, 'f>(
    para: &'a [&'f Fact],
    rate: &Fact,
    words: &[&str],
) -> Option<&'a &'f Fact> {
    para.iter().find(|c| {
        let between = c
            .span
            .0
            .checked_sub(rate.sentence_start)
            .zip(rate.span.1.checked_sub(rate.sentence_start))
            .and_then(|(to, from)| rate.sentence.get(from..to));
        matches!(c.unit, FactUnit::Count(_))
            && c.sentence_start == rate.sentence_start
            && between.is_some_and(|b| {
                let b = b.trim();
                b.strip_prefix(['（', '('])
                    .is_some_and(|b| words.is_empty() || words.iter().any(|w| b.starts_with(w)))
                    && b.chars().count() <= 8
                    && !b.contains(['，', '；', '。', '）', ')'])
            })
    })
}

/// `决策类指标得分18分（满分20分），得分率90.00%`: a 得分率 is the points obtained
/// over the full marks, one of each stated in its clause before it (since the
/// previous percentage). None where either is unsure.
pub fn score_rates(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        for (k, rate) in para.iter().enumerate() {
            if rate.unit != FactUnit::Percent || !rate.label.ends_with("得分率") {
                continue;
            }
            let since = para[..k]
                .iter()
                .rposition(|m| m.unit == FactUnit::Percent)
                .map_or(0, |i| i + 1);
            let points: Vec<&Fact> = para[since..k]
                .iter()
                .copied()
                .filter(|m| m.unit == FactUnit::Points && m.sentence_start == rate.sentence_start)
                .collect();
            let words = |m: &Fact| {
                m.label
                    .trim_end_matches(['为', '是', '：', ':', '（', '('])
                    .to_string()
            };
            let full = crate::amounts::only_one(points.iter().copied().filter(|m| {
                let l = words(m);
                ["满分", "权重", "分值", "总分值"]
                    .iter()
                    .any(|w| l.ends_with(w))
            }));
            let got = crate::amounts::only_one(points.iter().copied().filter(|m| {
                let l = words(m);
                l.ends_with("得分") || l.ends_with('得') || l.ends_with("得分值")
            }));
            let (Some(full), Some(got)) = (full, got) else {
                continue;
            };
            if full.number.value.is_zero() || got.number.value > full.number.value {
                continue;
            }
            // Full marks are set, not measured: exact.
            let (g, f) = (
                Interval::of_printed(got.number),
                Interval::exact(full.number.value),
            );
            let Some(iv) = g.div(f).map(|i| i.scale(Decimal::ONE_HUNDRED)) else {
                continue;
            };
            let Some(straight) = got
                .number
                .value
                .checked_div(full.number.value)
                .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
            else {
                continue;
            };
            out.extend(crate::context::judge_rate(
                ctx,
                format!(
                    "{} / {} = {}%",
                    got.number.value, full.number.value, rate.number.value
                ),
                rate,
                vec![Operand::of(got), Operand::of(full)],
                (iv, straight),
                |shown| {
                    format!(
                        "{} stated {}% but {} {} 分 / {} {} 分 = {shown}%",
                        rate.label,
                        rate.number.value,
                        got.label,
                        got.number.value,
                        full.label,
                        full.number.value,
                    )
                },
            ));
        }
    }
    out
}

/// The names of rates that are a share of one set of things, so at most all
/// of it: what was satisfied, timely, qualified or returned of what there was
/// (`满意度`, `及时率`, `合格率`, `回收率`). Not rates of a plan or a budget
/// (`完成率`, `执行率`, `到位率` may pass 100%), nor over an estimated
/// population (`覆盖率`, `参保率`, `接种率`: residents not registered count).
const SHARES_OF_ONE_SET: &[&str] = &[
    "满意度",
    "满意率",
    "及时率",
    "合格率",
    "准确率",
    "正确率",
    "知晓率",
    "达标率",
    "优良率",
    "完好率",
    "回收率",
    "好评率",
];

/// A rate of a set's share stated above 100% (`满意度101%`): no set has more
/// of it than all. In prose, as a level (not a change, `提高3个百分点`), or in
/// a score table's 实际完成值 of an indicator so named.
pub(crate) fn shares_within_the_whole(ctx: &Context) -> Vec<Finding> {
    let hundred = Decimal::ONE_HUNDRED;
    let names_a_share = |label: &str| {
        let label = label.trim_end_matches(['为', '达', '是', '：', ':', ' ']);
        let label = label.strip_suffix("达到").unwrap_or(label);
        SHARES_OF_ONE_SET.iter().any(|w| label.ends_with(w))
    };
    let mut out = Vec::new();
    // (`text`: the sentence, or the row, the rate is read in.)
    let mut judge = |value: Printed, source: &Source, name: &str, text: &str, approximate: bool| {
        let stated = Operand {
            approximate,
            ..Operand::new(value, source)
        };
        let verdict = if value.value > hundred {
            Verdict::Contradiction
        } else {
            Verdict::Consistent
        };
        let verdict = ctx.record(
            "rate.bounds",
            format!("{name} {}% ≤ 100%", fmt(value.value)),
            stated,
            Vec::new(),
            verdict,
        );
        if let Some(sev) = severity_of(verdict) {
            out.push(finding(
                "rate.bounds",
                sev,
                format!(
                    "{name} stated {}%, more than all of what it is a share of (100%)",
                    fmt(value.value)
                ),
                value.value,
                Some(hundred),
                Some("%"),
                source,
                text,
            ));
        }
    };
    // (Twice all of it is no slip of a share but figures run together, a
    // weight before its rate: `验收合格率20100%`; so is a label holding
    // figures other than a year's, a form's cells run into one.)
    let slipped = |value: Decimal| value <= Decimal::from(200);
    let a_label = |label: &str| {
        let without_years = label.replace(|c: char| c.is_ascii_digit(), "0");
        label.chars().count() <= 30 && !without_years.replace("0000年", "").contains('0')
    };
    for f in &ctx.report().facts {
        if f.unit == FactUnit::Percent
            && f.kind == FactKind::Level
            && names_a_share(&f.label)
            && slipped(f.number.value)
            && a_label(&f.label)
        {
            judge(
                f.number,
                &f.source,
                f.label.trim(),
                &f.sentence,
                f.approximate,
            );
        }
    }
    for table in &ctx.report().score_tables {
        let table_in_doubt = table.reading_doubt.is_some();
        for item in &table.items {
            let (Some(name), Some(actual)) = (&item.level3, &item.actual) else {
                continue;
            };
            let Some(value) = actual
                .trim()
                .strip_suffix('%')
                .and_then(|v| v.trim().parse::<Decimal>().ok())
            else {
                continue;
            };
            if names_a_share(name) && slipped(value) && !table_in_doubt {
                let printed = Printed {
                    value,
                    decimals: value.scale(),
                };
                judge(
                    printed,
                    item.source_of("actual"),
                    name,
                    &row_text(item),
                    false,
                );
            }
        }
    }
    out
}
