//! Score tables: rows against their 合计 and group weights, scores within
//! weights, one indicator in two tables, targets missed at full marks, and 序号.

use jixiao_model::report::BUDGET_EXECUTION;
use jixiao_model::{
    Decimal, Fact, FactKind, FactRole, Finding, Printed, ReadingDoubt, Scope, Severity,
};

use crate::budget_table::{judge_row_rate, RowFigure};
use crate::context::{finding, fmt, rounding_note, row_text, severity_of, Context, Operand};
use crate::interval::{HalfUp, Interval, Verdict};

pub(crate) fn score_sum(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (t, table) in ctx.report().score_tables.iter().enumerate() {
        let name = table
            .title
            .clone()
            .unwrap_or_else(|| format!("score table {}", t + 1));
        let next = ctx.report().score_tables.get(t + 1);
        out.extend(group_weights(ctx, table, next, &name));
        out.extend(subtotals(ctx, table, &name));
        out.extend(
            table
                .items
                .iter()
                .filter_map(|item| criteria_points(ctx, item)),
        );
        let Some(total) = &table.stated_total else {
            continue;
        };
        let checks = [
            (
                "score",
                total.score,
                table
                    .items
                    .iter()
                    .map(|i| i.score.map(|v| (v, i.source_of("score"))))
                    .collect::<Vec<_>>(),
            ),
            (
                "weight",
                total.weight,
                table
                    .items
                    .iter()
                    .map(|i| i.weight.map(|v| (v, i.source_of("weight"))))
                    .collect(),
            ),
        ];
        // A form's 总分 counts its budget-execution row (the national form) or
        // only its indicator rows (some provinces' forms): either reading may hold.
        let budget_row_first = table
            .items
            .first()
            .is_some_and(|i| i.level1.as_deref() == Some(BUDGET_EXECUTION));
        // A form's 合计 counts its budget block's points (预算执行率 10 分) beside
        // the indicators': where the block was read apart from this table (it
        // came after it, or a page began inside the form), its weight and
        // score may complete the rows. Its score may be blank: then the rows'
        // scores cannot be judged against 合计.
        let block_inside = table
            .items
            .iter()
            .any(|i| i.level1.as_deref() == Some(BUDGET_EXECUTION));
        let outside_block = (!block_inside)
            .then(|| {
                ctx.report()
                    .budget_rows
                    .iter()
                    .find(|r| r.is_total && r.weight.is_some())
            })
            .flatten();
        // A form's budget block right above the table whose row was read
        // without its 分值 and 得分 (its cells broken over lines) may score
        // what the rows fall short of 合计 by: a shortfall is then unsure.
        let unscored_block = outside_block.is_none()
            && !block_inside
            && ctx.report().budget_rows.iter().any(|r| {
                r.is_total
                    && r.weight.is_none()
                    && r.execution_rate_pct.is_some()
                    && just_above(&r.source, table)
            });
        for (what, stated, values) in checks {
            let Some(stated) = stated else { continue };
            if values.is_empty() || values.iter().any(|v| v.is_none()) {
                continue;
            }
            let values: Vec<_> = values.into_iter().flatten().collect();
            let judge_rows = |rows: &[(Decimal, &jixiao_model::Source)]| {
                judge_column_sum(
                    ctx,
                    format!("{name}: {} {what}s add up to 合计 {stated}", rows.len()),
                    Operand::value(stated, &total.source),
                    rows,
                )
            };
            let (verdict, straight) = judge_rows(&values);
            if budget_row_first
                && values.len() > 1
                && judge_rows(&values[1..]).0 == Verdict::Consistent
            {
                continue;
            }
            // Points added or taken beside the framework (`加分项`, `扣分项`)
            // may stand outside the 100 the 合计 states, or be in it: either
            // reading may hold.
            let within_framework: Vec<_> = table
                .items
                .iter()
                .zip(&values)
                .filter(|(item, _)| !is_beside_the_framework(item))
                .map(|(_, v)| *v)
                .collect();
            if verdict != Verdict::Consistent
                && within_framework.len() < values.len()
                && !within_framework.is_empty()
                && judge_rows(&within_framework).0 == Verdict::Consistent
            {
                continue;
            }
            if verdict != Verdict::Consistent {
                if let Some(block) = outside_block {
                    let points = if what == "weight" {
                        block.weight
                    } else {
                        block.score
                    };
                    let Some(points) = points else {
                        continue;
                    };
                    let source = block.source_of(what);
                    let mut with_block = values.clone();
                    with_block.push((points, source));
                    if judge_rows(&with_block).0 == Verdict::Consistent {
                        continue;
                    }
                }
            }
            if unscored_block && straight < stated {
                continue;
            }
            if what == "score" && verdict != Verdict::Consistent && total.lone_figure {
                // One figure under 合计 may be the weights' total (an unfilled
                // form's `合计 | 100`): where the weights add up to it, it says
                // nothing of the scores.
                let weights: Option<Vec<Decimal>> = table.items.iter().map(|i| i.weight).collect();
                let adds_up = |weights: &[Decimal]| {
                    let decimals = crate::interval::column_decimals(weights);
                    let (iv, straight) = crate::interval::column_sum(weights, decimals);
                    crate::interval::judge(stated, 0, iv, straight) == Verdict::Consistent
                };
                if let Some(mut weights) = weights {
                    if adds_up(&weights)
                        || outside_block.and_then(|b| b.weight).is_some_and(|w| {
                            weights.push(w);
                            adds_up(&weights)
                        })
                    {
                        continue;
                    }
                }
            }
            if let Some(sev) = severity_of(verdict) {
                out.push(finding(
                    "score.sum",
                    guessed_reading(table, sev),
                    format!(
                        "{name}: 合计 {what} stated {} but its {} rows add up to {}{}{}",
                        stated,
                        values.len(),
                        straight,
                        rounding_note(verdict),
                        guessed_note(table)
                    ),
                    stated,
                    Some(straight),
                    Some("分"),
                    &total.source,
                    &format!("合计 {stated}"),
                ));
            }
        }
    }
    out
}

/// A row of points added or taken beside the evaluation's framework: its
/// group is named a bonus or a penalty (`加分项`, `附加分`, `扣分项`, `减分项`).
fn is_beside_the_framework(item: &jixiao_model::ScoreItem) -> bool {
    const BESIDE: &[&str] = &["加分", "附加分", "扣分项", "减分项", "扣分指标", "否决"];
    [&item.level1, &item.level2]
        .into_iter()
        .flatten()
        .any(|level| BESIDE.iter().any(|w| level.contains(w)))
}

/// Judges `whole` as the sum of a column of printed figures, each rounded
/// to the column's decimals (`score.sum`): the verdict and the straight sum.
fn judge_column_sum(
    ctx: &Context,
    relation: String,
    whole: Operand,
    rows: &[(Decimal, &jixiao_model::Source)],
) -> (Verdict, Decimal) {
    let values: Vec<Decimal> = rows.iter().map(|(v, _)| *v).collect();
    let decimals = crate::interval::column_decimals(&values);
    let (iv, straight) = crate::interval::column_sum(&values, decimals);
    let inputs = rows
        .iter()
        .map(|(value, source)| {
            Operand::new(
                Printed {
                    value: *value,
                    decimals,
                },
                source,
            )
        })
        .collect();
    let verdict = ctx.judge("score.sum", relation, whole, inputs, iv, straight);
    (verdict, straight)
}

/// Each group's 小计 row against the rows since the one before: their
/// weights and scores add up to it. Only where the 小计 rows close their
/// groups throughout (each after rows of one 一级 group, the last after the
/// table's last row): a 小计 printed above its group would be judged against
/// the group before.
fn subtotals(ctx: &Context, table: &jixiao_model::ScoreTable, name: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    let subs = &table.subtotals;
    // (One 小计 under all the rows of a table naming no 一级 totals them all.)
    let one_for_all = matches!(subs.as_slice(), [only] if only.rows == (0, table.items.len()))
        && table.items.iter().all(|i| i.level1.is_none());
    // Whose each 小计 is, as the finding says it.
    let groups: Option<Vec<String>> = subs
        .iter()
        .map(|sub| {
            if one_for_all {
                return Some("the table's".to_string());
            }
            let rows = table.items.get(sub.rows.0..sub.rows.1)?;
            let group = rows.first()?.level1.as_deref()?;
            rows.iter()
                .all(|i| i.level1.as_deref() == Some(group))
                .then(|| format!("group {group}'s"))
        })
        .collect();
    let closing = subs.last().is_some_and(|s| s.rows.1 == table.items.len());
    let (Some(groups), true) = (groups, closing) else {
        return out;
    };
    for (sub, group) in subs.iter().zip(groups) {
        let rows = &table.items[sub.rows.0..sub.rows.1];
        for (what, stated) in [("weight", sub.weight), ("score", sub.score)] {
            let Some(stated) = stated else { continue };
            let Some(values) = rows
                .iter()
                .map(|i| {
                    let value = match what {
                        "weight" => i.weight,
                        _ => i.score,
                    };
                    Some((value?, i.source_of(what)))
                })
                .collect::<Option<Vec<_>>>()
            else {
                continue;
            };
            let (verdict, straight) = judge_column_sum(
                ctx,
                format!(
                    "{name}: {group} {} {what}s add up to 小计 {stated}",
                    rows.len()
                ),
                Operand::value(stated, &sub.source),
                &values,
            );
            if let Some(sev) = severity_of(verdict) {
                out.push(finding(
                    "score.sum",
                    guessed_reading(table, sev),
                    format!(
                        "{name}: {group} 小计 {what} stated {stated} but its {} rows add up to {straight}{}{}",
                        rows.len(),
                        rounding_note(verdict),
                        guessed_note(table)
                    ),
                    stated,
                    Some(straight),
                    Some("分"),
                    &sub.source,
                    &format!("小计 {stated}"),
                ));
            }
        }
    }
    out
}

/// Whether `at` is on one of the dozen lines (of its page) before the table's
/// first row: a form's block printed above its indicator table.
fn just_above(at: &jixiao_model::Source, table: &jixiao_model::ScoreTable) -> bool {
    let Some(first) = table.items.first() else {
        return false;
    };
    match (at.line, first.source.line) {
        (Some(a), Some(f)) => at.page == first.source.page && a < f && f - a <= 12,
        _ => false,
    }
}

/// A table read by a guess (digits run together, levels out of place): what
/// its sums fail is a warning (the reading may be at fault).
fn guessed_reading(table: &jixiao_model::ScoreTable, severity: Severity) -> Severity {
    if table.reading_doubt.is_some() {
        Severity::Warning
    } else {
        severity
    }
}

fn guessed_note(table: &jixiao_model::ScoreTable) -> &'static str {
    match table.reading_doubt {
        Some(ReadingDoubt::DigitsRunTogether) => crate::context::DIGITS_RAN_TOGETHER,
        Some(ReadingDoubt::FiguresUnread) => {
            " (figures between its rows fit no row read, so a row may be missing from the sum)"
        }
        Some(ReadingDoubt::LevelsOutOfPlace) => {
            " (a standard 二级 name stands among the table's 一级 groups, or a 一级 name among its 二级: its cells were moved, so its reading may be wrong)"
        }
        None => "",
    }
}

/// Every row of the table scored, and the scores add up exactly to the total
/// score the report states elsewhere (a form's 自评总分): no row is missing.
fn scores_make_the_stated_total(ctx: &Context, table: &jixiao_model::ScoreTable) -> bool {
    let stated = ctx.report().report.total_score;
    let scores: Option<Decimal> = table.items.iter().map(|i| i.score).sum();
    !table.items.is_empty() && stated.is_some() && scores == stated
}

/// Group weights printed in header cells (`工作计划 (6分)`) against the rows
/// they head: checked whether or not the table's 合计 is there (a cut before
/// it leaves the groups above the cut whole, not the one it falls in).
fn group_weights(
    ctx: &Context,
    table: &jixiao_model::ScoreTable,
    next: Option<&jixiao_model::ScoreTable>,
    name: &str,
) -> Vec<Finding> {
    let mut out = Vec::new();
    // Every row read, as the 合计's weight proves: a group short of its weight
    // is then short for certain, not for a row lost in the reading.
    let all_weights: Option<Decimal> = table.items.iter().map(|i| i.weight).sum();
    let complete = table
        .stated_total
        .as_ref()
        .and_then(|t| t.weight)
        .is_some_and(|w| all_weights == Some(w));
    for g in &table.group_weights {
        let in_group = |i: &jixiao_model::ScoreItem| group_at(i, g.level) == Some(&g.name);
        let rows: Vec<&jixiao_model::ScoreItem> =
            table.items.iter().filter(|i| in_group(i)).collect();
        // Without its 合计 the table may be cut off (an excerpt, a page):
        // the group its last row is in may go on past the cut.
        // (Unless its rows' scores make the total score the report states.)
        // Cut off, it may lack rows past the cut, but never hold too many: it
        // is judged only where they weigh more (and no holding is recorded
        // of what only one way could fail).
        let maybe_cut = table.stated_total.is_none()
            && !scores_make_the_stated_total(ctx, table)
            && table.items.last().is_some_and(in_group)
            && !next.is_some_and(|n| opens_another_group(n, g));
        if rows.is_empty() || rows.iter().any(|i| i.weight.is_none()) {
            continue;
        }
        let sum: Decimal = rows.iter().filter_map(|i| i.weight).sum();
        if maybe_cut && sum <= g.weight {
            continue;
        }
        if sum != g.weight && boundary_in_doubt(table, g, sum) {
            continue;
        }
        ctx.record(
            "score.sum",
            format!(
                "{name}: group {} weights add up to {}",
                g.name,
                fmt(g.weight)
            ),
            Operand::value(g.weight, &g.source),
            rows.iter()
                .filter_map(|i| Some(Operand::value(i.weight?, i.source_of("weight"))))
                .collect(),
            Verdict::holding(sum == g.weight),
        );
        if sum != g.weight {
            let severity = if sum < g.weight && !complete {
                Severity::Warning
            } else {
                Severity::Error
            };
            out.push(finding(
                "score.sum",
                guessed_reading(table, severity),
                format!(
                    "{name}: group {} is weighted {} but its {} rows' weights add up to {}{}",
                    g.name,
                    fmt(g.weight),
                    rows.len(),
                    fmt(sum),
                    guessed_note(table)
                ),
                g.weight,
                Some(sum),
                Some("分"),
                &g.source,
                &format!("{} ({})", g.name, fmt(g.weight)),
            ));
        }
    }
    out
}

/// The table after a cut-looking one opens on another group (the 项目绩效
/// table after a 项目决策 / 项目管理 one): the group before it ended there, it
/// was not cut. (A page's continuation opens on the same group, or on rows
/// naming none.)
fn opens_another_group(next: &jixiao_model::ScoreTable, g: &jixiao_model::GroupWeight) -> bool {
    next.items.first().is_some_and(|first| {
        group_at(first, g.level).is_some_and(|n| n != g.name) && first.level1.is_some()
    })
}

/// The group a row is in at a level of the table (1: 一级, 2: 二级).
fn group_at(item: &jixiao_model::ScoreItem, level: u8) -> Option<&str> {
    if level == 1 {
        item.level1.as_deref()
    } else {
        item.level2.as_deref()
    }
}

/// Whether a group's rows may be other than the ones read under it: its
/// label printed on the wrong row, or lost, where a text dump moved the
/// merged cell (`产出指标` printed after its first rows, `（50分）` cut from it).
/// So where a leading run of its rows makes its weight exactly (the rest are
/// the next group's), or a run of rows right beside it makes up exactly what
/// it lacks — rows no group of their own adding up to its weight holds —
/// the sum settles nothing.
fn boundary_in_doubt(
    table: &jixiao_model::ScoreTable,
    group: &jixiao_model::GroupWeight,
    sum: Decimal,
) -> bool {
    let (level, weight) = (group.level, group.weight);
    let group_of = |k: usize| group_at(&table.items[k], level);
    let in_group = |k: usize| group_of(k) == Some(group.name.as_str());
    let at: Vec<usize> = (0..table.items.len()).filter(|&k| in_group(k)).collect();
    let (Some(&first), Some(&last)) = (at.first(), at.last()) else {
        return false;
    };
    let weight_of = |k: usize| table.items[k].weight.unwrap_or_default();
    // A row in a weighted group its rows add up to: where it belongs.
    let settled = |k: usize| {
        group_of(k).is_some_and(|name| {
            let sum: Decimal = (0..table.items.len())
                .filter(|&j| group_of(j) == Some(name))
                .map(weight_of)
                .sum();
            table
                .group_weights
                .iter()
                .any(|g| g.level == level && g.name == name && g.weight == sum)
        })
    };
    // Running sums of a run of rows, from the nearest out, reaching `target`.
    let reaches = |run: &mut dyn Iterator<Item = usize>, target: Decimal| {
        let mut acc = Decimal::ZERO;
        for k in run {
            if in_group(k) || table.items[k].weight.is_none() || settled(k) {
                return false;
            }
            acc += weight_of(k);
            if acc >= target {
                return acc == target;
            }
        }
        false
    };
    if sum > weight {
        let mut acc = Decimal::ZERO;
        at[..at.len() - 1].iter().any(|&k| {
            acc += weight_of(k);
            acc == weight
        })
    } else {
        let lacking = weight - sum;
        reaches(&mut (last + 1..table.items.len()), lacking)
            || reaches(&mut (0..first).rev(), lacking)
    }
}

pub(crate) fn score_bounds(ctx: &Context) -> Vec<Finding> {
    let mut out = crate::prose::scores_within_full_marks(ctx);
    for table in &ctx.report().score_tables {
        for item in &table.items {
            let (Some(w), Some(s)) = (item.weight, item.score) else {
                continue;
            };
            if s > w || s < Decimal::ZERO {
                out.push(finding(
                    "score.bounds",
                    guessed_reading(table, Severity::Error),
                    format!(
                        "{} scored {} but its weight is {}{}",
                        row_text(item),
                        fmt(s),
                        fmt(w),
                        guessed_note(table)
                    ),
                    s,
                    Some(w.min(s.max(Decimal::ZERO))),
                    Some("分"),
                    item.source_of("score"),
                    &row_text(item),
                ));
            }
        }
    }
    out
}

/// Two score tables are of one evaluation (a summary and its 附表, or one
/// table cut by a page) when every indicator of the smaller is in the larger
/// and their 合计 agree where both print one; tables of two projects of a
/// department share only the generic names (预算执行率, 服务对象满意度).
fn one_evaluation(a: &jixiao_model::ScoreTable, b: &jixiao_model::ScoreTable) -> bool {
    let names = |t: &jixiao_model::ScoreTable| -> std::collections::BTreeSet<String> {
        t.items.iter().filter_map(|i| i.level3.clone()).collect()
    };
    let (na, nb) = (names(a), names(b));
    let (small, large) = if na.len() <= nb.len() {
        (&na, &nb)
    } else {
        (&nb, &na)
    };
    let total = |t: &jixiao_model::ScoreTable| t.stated_total.as_ref().and_then(|s| s.score);
    small.is_subset(large)
        && match (total(a), total(b)) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
}

pub(crate) fn table_conflict(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let tables = &ctx.report().score_tables;
    for a in 0..tables.len() {
        for b in a + 1..tables.len() {
            if !one_evaluation(&tables[a], &tables[b]) {
                continue;
            }
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
                    ctx.record(
                        "table.conflict",
                        format!("{name}: {what} alike in two tables"),
                        Operand::value(vy, &y.source),
                        vec![Operand::value(vx, &x.source)],
                        Verdict::holding(vx == vy),
                    );
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

pub(crate) fn sequence_numbering(ctx: &Context) -> Vec<Finding> {
    let items = &ctx.report().line_items;
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
        c @ ('=' | '＝') => ('=', &t[c.len_utf8()..]),
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

/// A 完成率 column: what each indicator achieved over its target, where both
/// are numbers of one unit (`≥5000平方米` / `5200平方米` / `104%`). Forms differ
/// in how they write it, so any of the usual readings holds: the ratio; the
/// target over what was achieved for a ceiling (`≤200万元`); 100% for a target
/// met; a percentage indicator's own value. None holding is an error where the
/// target is a floor or a level, a warning for a ceiling.
pub(crate) fn table_completion_rates(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    // Each row's name, 完成率 and its cell, target, actual and the row: a
    // score table's, or a table's of targets alone.
    let scored = ctx
        .report()
        .score_tables
        .iter()
        .flat_map(|t| &t.items)
        .filter_map(|item| {
            Some((
                row_text(item),
                (
                    item.completion_rate_pct?,
                    item.source_of("completion_rate_pct"),
                ),
                (item.target.as_ref()?, item.actual.as_ref()?),
                &item.source,
            ))
        });
    let targets = ctx.report().targets.iter().filter_map(|t| {
        let (rate, at) = t.completion_rate.as_ref()?;
        Some((
            t.level3.clone().unwrap_or_default(),
            (*rate, at),
            (t.target.as_ref()?, t.actual.as_ref()?),
            &t.source,
        ))
    });
    for (name, (rate, at), (target, actual), row_at) in scored.chain(targets) {
        let (Some((op, goal, unit)), Some(('=', got, got_unit))) =
            (comparison(target), comparison(actual))
        else {
            continue;
        };
        if unit != got_unit || goal.is_zero() || got.is_zero() {
            continue;
        }
        let hundred = Decimal::ONE_HUNDRED;
        let got_iv = Interval::printed(got, got.scale());
        let goal_iv = Interval::exact(goal);
        let ceiling = matches!(op, '≤' | '<');
        let met = match op {
            '≥' | '=' => got >= goal,
            '>' => got > goal,
            '≤' => got <= goal,
            '<' => got < goal,
            _ => false,
        };
        let mut readings: Vec<(Interval, Decimal)> = Vec::new();
        if let (Some(iv), Some(q)) = (got_iv.div(goal_iv), got.checked_div(goal)) {
            readings.push((iv.scale(hundred), q * hundred));
        }
        if ceiling {
            if let (Some(iv), Some(q)) = (goal_iv.div(got_iv), goal.checked_div(got)) {
                readings.push((iv.scale(hundred), q * hundred));
            }
        }
        if met {
            readings.push((Interval::exact(hundred), hundred));
        }
        if unit == "%" {
            readings.push((got_iv, got));
        }
        let judged: Vec<(Verdict, Interval, Decimal)> = readings
            .iter()
            .map(|&(iv, q)| (crate::interval::judge(rate, rate.scale(), iv, q), iv, q))
            .collect();
        let Some(&(_, iv, straight)) = crate::interval::best_reading(&judged, |r| r.0) else {
            continue;
        };
        let verdict = ctx.judge(
            "rate.mismatch",
            format!("{name} 完成率 {actual} / {target} = {rate}%"),
            Operand::value(rate, at),
            vec![Operand::value(got, row_at), Operand::value(goal, row_at)],
            iv,
            straight,
        );
        let Some(sev) = severity_of(verdict) else {
            continue;
        };
        let sev = if ceiling { Severity::Warning } else { sev };
        let shown = straight.round_half_up(rate.scale().max(2));
        out.push(finding(
            "rate.mismatch",
            sev,
            format!(
                "{name} 完成率 stated {rate}% but 实际完成值 {actual} over 指标值 {target} is {shown}%{}",
                rounding_note(verdict)
            ),
            rate,
            Some(shown),
            Some("%"),
            at,
            &name,
        ));
    }
    out
}

/// Words of a row's scoring rule saying its score is its full marks times
/// its 完成率 (`按完成比例计分`, `得分=分值×完成率`).
const SCORED_BY_COMPLETION: &[&str] = &["完成比例计分", "按完成比例", "分值×完成率", "完成率×分值"];

/// A score table's row whose own rule says it is scored by its completion:
/// 得分 = 分值 × min(完成率, 100%), from the 完成率 as printed (a wrong rate is
/// `rate.mismatch`'s finding). Rule `score.rate`.
pub(crate) fn completion_rate_scores(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let items = ctx.report().score_tables.iter().flat_map(|t| &t.items);
    for item in items {
        let (Some(weight), Some(score), Some(rate), Some(rule)) = (
            item.weight,
            item.score,
            item.completion_rate_pct,
            item.criteria.as_deref(),
        ) else {
            continue;
        };
        let rule = rule_words(rule);
        if !SCORED_BY_COMPLETION.iter().any(|w| rule.contains(w)) {
            continue;
        }
        let rate_at = Operand::value(rate, item.source_of("completion_rate_pct"));
        out.extend(score_by_its_rule(
            ctx,
            item,
            (weight, score),
            (rate, rate_at),
            "完成率",
        ));
    }
    out
}

/// A score table's row whose own rule scores it as a rate times its full
/// marks: 得分 = 分值 × min(rate, 100%), `rate_words` naming the rate in the
/// relation and the finding.
fn score_by_its_rule(
    ctx: &Context,
    item: &jixiao_model::ScoreItem,
    (weight, score): (Decimal, Decimal),
    (rate, rate_at): (Decimal, Operand),
    rate_words: &str,
) -> Option<Finding> {
    let (iv, straight) = crate::budget_table::weight_times_rate(weight, rate);
    let name = row_text(item);
    let verdict = ctx.judge(
        "score.rate",
        format!("{name} {weight} × {rate_words} {rate}% = {score}"),
        Operand::value(score, item.source_of("score")),
        vec![Operand::value(weight, item.source_of("weight")), rate_at],
        iv,
        straight,
    );
    let sev = severity_of(verdict)?;
    let shown = straight.round_half_up(score.scale().max(2));
    Some(finding(
        "score.rate",
        sev,
        format!(
            "{name} 得分 stated {score} but its rule scores 分值 {weight} × {rate_words} {rate}% = {shown}{}",
            rounding_note(verdict)
        ),
        score,
        Some(shown),
        Some("分"),
        item.source_of("score"),
        &name,
    ))
}

/// A scoring rule's words without spaces, its multiplication signs one (`×`).
fn rule_words(rule: &str) -> String {
    rule.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '*' | 'x' | 'X' | '✕' => '×',
            c => c,
        })
        .collect::<String>()
        .replace("乘以", "×")
}

/// Whether a rule scores by the execution rate times the row's full marks:
/// `执行率×分值`, `权重×执行率`, or the full marks as a figure (`执行率×4`,
/// `4分×执行率`).
fn scored_by_execution(rule: &str, weight: Decimal) -> bool {
    let w = weight.normalize().to_string();
    let marks = ["分值".to_string(), "权重".to_string(), format!("{w}分"), w];
    let ends_there =
        |rest: &str| !rest.starts_with(|c: char| c.is_ascii_digit() || ".%％".contains(c));
    marks.iter().any(|m| {
        rule.match_indices(&format!("执行率×{m}"))
            .any(|(at, found)| ends_there(&rule[at + found.len()..]))
            || rule.match_indices(&format!("{m}×")).any(|(at, found)| {
                let before_ok = !rule[..at].ends_with(|c: char| c.is_ascii_digit() || c == '.');
                let rest = &rule[at + found.len()..];
                before_ok && (rest.starts_with("执行率") || rest.starts_with("预算执行率"))
            })
    })
}

/// A score table's 执行率 row whose own rule scores it as the execution rate
/// times its full marks (`| 预算执行率 | 4 | 执行率×4 | 3.82 |`): 得分 = 分值 ×
/// min(执行率, 100%), over the execution rate the report states (one value;
/// a wrong rate is `rate.mismatch`'s finding). Rule `score.rate`.
pub(crate) fn execution_rate_row_scores(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let rates: Vec<&Fact> = ctx
        .facts()
        .filter(|f| {
            f.role == Some(FactRole::ExecutionRate)
                && f.scope == Scope::Report
                && f.kind == FactKind::Level
                && !f.approximate
        })
        .collect();
    let Some(rate) = rates.first().copied() else {
        return out;
    };
    if rates.iter().any(|r| r.number.value != rate.number.value) {
        return out;
    }
    let items = ctx.report().score_tables.iter().flat_map(|t| &t.items);
    for item in items {
        let (Some(weight), Some(score), Some(rule)) =
            (item.weight, item.score, item.criteria.as_deref())
        else {
            continue;
        };
        let name = row_text(item);
        if weight.is_zero()
            || item.completion_rate_pct.is_some()
            || !name.contains("执行率")
            || !scored_by_execution(&rule_words(rule), weight)
        {
            continue;
        }
        out.extend(score_by_its_rule(
            ctx,
            item,
            (weight, score),
            (rate.number.value, Operand::of(rate)),
            "执行率",
        ));
    }
    out
}

pub(crate) fn target_missed(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for table in &ctx.report().score_tables {
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
                    item.source_of("score"),
                    &row_text(item),
                ));
            }
        }
    }
    out
}

/// A department's report scores its projects too: a table titled by a
/// project, a works or a 专项 (`（一）农村道路养护项目`), not the department as a
/// whole, is that project's, and what the report states of itself (its total,
/// its groups' subtotals) is not judged against it.
pub(crate) fn a_projects_table_in_a_departments_report(
    ctx: &Context,
    table: &jixiao_model::ScoreTable,
) -> bool {
    ctx.report().report.kind.as_deref() == Some("department")
        && table.title.as_deref().is_some_and(|title| {
            ["项目", "工程", "专项"].iter().any(|w| title.contains(w))
                && !["部门", "整体", "单位"].iter().any(|w| title.contains(w))
        })
}

/// Whether a score stated in prose may be judged against `table`: any table
/// of the report's own, a project's only where the sentence names the project
/// (`农村道路养护项目决策类指标得分20分`).
pub(crate) fn may_speak_of(
    ctx: &Context,
    m: &jixiao_model::Fact,
    table: &jixiao_model::ScoreTable,
) -> bool {
    if !a_projects_table_in_a_departments_report(ctx, table) {
        return true;
    }
    let title = table.title.as_deref().unwrap_or_default();
    let name = jixiao_model::doc::heading_rank(title).map_or(title.to_string(), |(_, t)| t);
    let name = ["绩效自评表", "绩效评价表", "评分表", "自评表", "绩效"]
        .iter()
        .fold(name.trim().to_string(), |n, tail| {
            n.trim_end_matches(tail).to_string()
        });
    name.chars().count() >= 4 && m.sentence.contains(name.as_str())
}

/// The total score the report states (in its conclusion, or a form's 自评总分)
/// is its indicator system's total: the 合计 of a score table whose weights
/// make the full 100, or where the table prints no 合计, the sum of its rows.
/// Silent where no table covers the whole system, or the total was taken from
/// the table itself.
pub(crate) fn score_total(ctx: &Context) -> Vec<Finding> {
    let report = ctx.report();
    let fields = &report.report;
    let (Some(stated), Some(at)) = (fields.total_score, fields.sources.get("total_score")) else {
        return Vec::new();
    };
    let hundred = Decimal::ONE_HUNDRED;
    // (table name, its total as printed or summed, the interval it allows, where)
    let mut systems: Vec<(String, Decimal, Interval, &jixiao_model::Source)> = Vec::new();
    for (t, table) in report.score_tables.iter().enumerate() {
        if a_projects_table_in_a_departments_report(ctx, table) {
            continue;
        }
        let weights: Option<Decimal> = table.items.iter().map(|i| i.weight).sum();
        let full = table
            .stated_total
            .as_ref()
            .and_then(|s| s.weight)
            .or(weights)
            .is_some_and(|w| w == hundred);
        if !full {
            continue;
        }
        let name = table
            .title
            .clone()
            .unwrap_or_else(|| format!("score table {}", t + 1));
        match table
            .stated_total
            .as_ref()
            .and_then(|s| s.score.map(|v| (v, &s.source)))
        {
            // The total copied from this very row says nothing of itself.
            Some((_, source)) if source == at => return Vec::new(),
            Some((v, source)) => {
                // A 合计 of the framework's 100 may leave out the points its
                // rows add or take beside the framework, which the total
                // stated elsewhere counts in.
                let beside: Vec<Decimal> = table
                    .items
                    .iter()
                    .filter(|i| is_beside_the_framework(i))
                    .filter_map(|i| i.score)
                    .collect();
                if !beside.is_empty() {
                    let (iv, sum) = crate::interval::column_sum(
                        &beside,
                        crate::interval::column_decimals(&beside),
                    );
                    systems.push((
                        name.clone(),
                        v + sum,
                        Interval::printed(v, v.scale()).add(iv),
                        source,
                    ));
                }
                systems.push((name, v, Interval::printed(v, v.scale()), source))
            }
            None => {
                let scores: Option<Vec<Decimal>> = table.items.iter().map(|i| i.score).collect();
                let (Some(scores), Some(first)) = (scores, table.items.first()) else {
                    continue;
                };
                let decimals = crate::interval::column_decimals(&scores);
                let (iv, sum) = crate::interval::column_sum(&scores, decimals);
                systems.push((name, sum, iv, &first.source));
            }
        }
    }
    let verdicts: Vec<Verdict> = systems
        .iter()
        .map(|(_, v, iv, _)| crate::interval::judge(stated, stated.scale(), *iv, *v))
        .collect();
    let Some(best) = verdicts.iter().copied().min_by_key(|v| match v {
        Verdict::Consistent => 0,
        Verdict::Rounding => 1,
        Verdict::Contradiction => 2,
    }) else {
        return Vec::new();
    };
    let k = verdicts.iter().position(|v| *v == best).unwrap_or(0);
    let (name, total, _, table_at) = &systems[k];
    ctx.record(
        "score.total",
        format!("total score {} = {name} total {}", fmt(stated), fmt(*total)),
        Operand::value(stated, at),
        vec![Operand::value(*total, table_at)],
        best,
    );
    let Some(sev) = severity_of(best) else {
        return Vec::new();
    };
    let sentence = report
        .facts
        .iter()
        .find(|f| f.source.line == at.line && f.source.page == at.page && f.number.value == stated)
        .map_or_else(
            || format!("total score {}", fmt(stated)),
            |f| f.sentence.to_string(),
        );
    vec![finding(
        "score.total",
        sev,
        format!(
            "the report's total score is stated {} but {name} totals {}{}",
            fmt(stated),
            fmt(*total),
            rounding_note(best)
        ),
        stated,
        Some(*total),
        Some("分"),
        at,
        &sentence,
    )]
}

/// A score table's 得分率 column: each row's score over its weight (weights
/// are set, exact; the score as printed).
pub(crate) fn table_score_rates(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for item in ctx.report().score_tables.iter().flat_map(|t| &t.items) {
        let (Some(rate), Some(weight), Some(score)) =
            (item.score_rate_pct, item.weight, item.score)
        else {
            continue;
        };
        // A score is given, not measured: exact, unless printed to the
        // hundredth as a computed one may be (13.33 of 15 × 88.87%).
        let given = if score.scale() >= 2 {
            Interval::of(score)
        } else {
            Interval::exact(score)
        };
        let name = item
            .level3
            .as_deref()
            .or(item.level2.as_deref())
            .or(item.level1.as_deref())
            .unwrap_or_default();
        out.extend(judge_row_rate(
            ctx,
            (name, "得分率"),
            (rate, item.source_of("score_rate_pct")),
            RowFigure {
                name: "得分",
                value: score,
                interval: given,
                cell: Some(Operand::value(score, item.source_of("score"))),
            },
            RowFigure {
                name: "分值",
                value: weight,
                interval: Interval::exact(weight),
                cell: Some(Operand::value(weight, item.source_of("weight"))),
            },
        ));
    }
    // The 合计 row's: the total score over the total weight.
    for table in &ctx.report().score_tables {
        let Some(total) = &table.stated_total else {
            continue;
        };
        let (Some((rate, rate_at)), Some(weight), Some(score)) =
            (&total.score_rate, total.weight, total.score)
        else {
            continue;
        };
        out.extend(judge_row_rate(
            ctx,
            ("合计", "得分率"),
            (*rate, rate_at),
            RowFigure::printed("得分", score, Some(Operand::value(score, &total.source))),
            RowFigure {
                name: "分值",
                value: weight,
                interval: Interval::exact(weight),
                cell: Some(Operand::value(weight, &total.source)),
            },
        ));
    }
    out
}

/// `1、基础数据信息是否真实(1分); 2、…是否完整(1分); 3、…是否准确(1分)` under a
/// 分值 of 3: a scoring rule that lists numbered requirements, each with its
/// points, adds up to the row's weight. Not a rule of alternatives (one item
/// worth the whole weight: `1、完成得3分；2、基本完成得2分`) nor of deductions
/// (`每超过一个百分点扣0.5分`): an item without points of its own leaves it unread.
/// A sum off the weight is a warning: the rule's wording is the report's own.
fn criteria_points(ctx: &Context, item: &jixiao_model::ScoreItem) -> Option<Finding> {
    use std::sync::OnceLock;
    static ITEM: OnceLock<regex::Regex> = OnceLock::new();
    static POINTS: OnceLock<regex::Regex> = OnceLock::new();
    let text = item.criteria.as_deref()?;
    let weight = item.weight?;
    let marker = ITEM.get_or_init(|| {
        regex::Regex::new(r"(?:^|[；;。，,\s])(\d{1,2})[、．.](?:\D|$)").expect("valid regex")
    });
    let points =
        POINTS.get_or_init(|| regex::Regex::new(r"(\d+(?:\.\d+)?)\s*分").expect("valid regex"));
    // Numbered 1, 2, 3 … in order.
    let starts: Vec<(usize, u32)> = marker
        .captures_iter(text)
        .filter_map(|c| Some((c.get(1)?.start(), c[1].parse().ok()?)))
        .collect();
    if starts.len() < 2
        || starts
            .iter()
            .enumerate()
            .any(|(k, (_, n))| *n as usize != k + 1)
    {
        return None;
    }
    let mut each: Vec<Decimal> = Vec::new();
    for (k, (at, _)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(text.len(), |(e, _)| *e);
        let item_text = text.get(*at..end)?;
        // The first points not taken off (`扣0.5分`) nor a threshold.
        let awarded = points.captures_iter(item_text).find(|c| {
            let start = c.get(0).map_or(0, |m| m.start());
            let before: String = item_text[..start].chars().rev().take(2).collect();
            !before.contains(['扣', '减', '每', '低', '超'])
        });
        match awarded {
            Some(c) => each.push(c[1].parse().ok()?),
            None if item_text.contains("不得分") => each.push(Decimal::ZERO),
            None => return None,
        }
    }
    // One item worth the whole weight: levels to choose among, not parts.
    if each.iter().any(|p| *p >= weight) {
        return None;
    }
    let sum: Decimal = each.iter().sum();
    let verdict = if sum == weight {
        Verdict::Consistent
    } else {
        Verdict::Contradiction
    };
    let name = item.level3.as_deref().unwrap_or_default();
    let terms: Vec<String> = each.iter().map(|p| fmt(*p)).collect();
    ctx.record(
        "score.sum",
        format!(
            "{name} 评分标准 {} = 分值 {}",
            terms.join(" + "),
            fmt(weight)
        ),
        Operand::value(weight, item.source_of("weight")),
        Vec::new(),
        verdict,
    );
    (verdict != Verdict::Consistent).then(|| {
        finding(
            "score.sum",
            Severity::Warning,
            format!(
                "{name}: its scoring rule's numbered items give {} = {} 分, but its 分值 is {}",
                terms.join(" + "),
                fmt(sum),
                fmt(weight)
            ),
            weight,
            Some(sum),
            Some("分"),
            item.source_of("weight"),
            name,
        )
    })
}

/// A form's 成本指标 whose 年度指标值 is the report's budget to the yuan
/// (`省级宣传片制作费… | 200万 | 195.5万元` beside 全年预算数 200): it costs the
/// whole of what was planned, so its 实际完成值 is what was spent — one
/// quantity stated twice. A warning where the two differ beyond rounding: a
/// cost may also count what is owed but not yet paid.
pub(crate) fn cost_indicator_spent(ctx: &Context) -> Vec<Finding> {
    let report = ctx.report();
    let budget = &report.budget;
    let (Some(planned), Some(spent), Some(spent_at)) = (
        budget.adjusted.or(budget.initial),
        budget.executed,
        budget.sources.get("executed"),
    ) else {
        return Vec::new();
    };
    // `≤200万`, `195.5万元`: the amount as printed and its unit of money.
    let money = |text: &str| -> Option<(Printed, jixiao_model::MoneyUnit)> {
        let (_, value, unit) = comparison(text)?;
        let printed = Printed {
            value,
            decimals: value.scale(),
        };
        Some((printed, jixiao_model::MoneyUnit::parse(&unit)?))
    };
    let rows = report
        .score_tables
        .iter()
        .flat_map(|t| &t.items)
        .map(|i| {
            (
                &i.level2,
                &i.level3,
                &i.target,
                &i.actual,
                i.source_of("actual"),
            )
        })
        .chain(
            report
                .targets
                .iter()
                .map(|t| (&t.level2, &t.level3, &t.target, &t.actual, &t.source)),
        );
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (level2, name, target, actual, at) in rows {
        let (Some(level2), Some(target), Some(actual)) = (level2, target, actual) else {
            continue;
        };
        if !level2.contains("成本") || !seen.insert((target.clone(), actual.clone())) {
            continue;
        }
        let (Some((goal, goal_unit)), Some((got, unit))) = (money(target), money(actual)) else {
            continue;
        };
        if goal_unit.to_yuan(goal.value) != planned {
            continue;
        }
        // What was spent, in the actual's unit, rounded as the report prints it.
        let spent_in_unit = spent / unit.factor();
        let spent_printed = Printed {
            value: spent_in_unit.normalize(),
            decimals: spent_in_unit.normalize().scale(),
        };
        let verdict = crate::interval::judge(
            got.value,
            got.decimals,
            Interval::of_printed(spent_printed),
            spent_in_unit,
        );
        let name = name.as_deref().unwrap_or(level2.as_str());
        let verdict = ctx.record(
            "value.conflict",
            format!(
                "成本指标 {name}: 实际完成值 {} = 执行数 {}",
                actual,
                fmt(spent_in_unit)
            ),
            Operand::new(got, at),
            vec![Operand::new(spent_printed, spent_at)],
            verdict,
        );
        if verdict != Verdict::Consistent {
            out.push(finding(
                "value.conflict",
                Severity::Warning,
                format!(
                    "成本指标 {name} is the whole budget ({target}), but its 实际完成值 {actual} is not what was spent ({}{}): one of them is mistyped, or the cost counts more than was paid",
                    fmt(spent_in_unit),
                    unit.label()
                ),
                got.value,
                Some(spent_in_unit),
                Some(unit.label()),
                at,
                name,
            ));
        }
    }
    out
}
