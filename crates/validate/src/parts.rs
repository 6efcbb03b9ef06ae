//! Parts and their whole: lists after 其中/包括/分别为 or in 由…组成, amounts a
//! 共计 totals, and per-project columns against their 合计 row.

use jixiao_model::facts::{ListKind, TOTAL_WORDS};
use jixiao_model::{Decimal, Fact, FactKind, FactUnit, Finding, LineItem, Severity};

use crate::budget_table;
use crate::context::{finding, rounding_note, severity_of, small_shortfall, Context, Operand};
use crate::interval::{HalfUp, Interval, Verdict};

/// `自评得分93分，其中项目决策15分（满分15分），过程管理18分（满分20分），…`:
/// groups whose scores make the total score make its scale too, their full
/// marks the 100 of a 百分制. Where they add up near it but not to it (90 to
/// 110), one is likely mistyped: a warning, a scale of other points being
/// possible. (Further off, the scale is another: silent.)
fn groups_marks(ctx: &Context, total: &Fact, groups: &[&Fact], marks: &[&Fact]) -> Option<Finding> {
    if marks.len() != groups.len() || marks.len() < 2 || total.unit != FactUnit::Points {
        return None;
    }
    let sum: Decimal = marks.iter().map(|m| m.number.value).sum();
    let hundred = Decimal::ONE_HUNDRED;
    if sum < Decimal::from(90) || sum > Decimal::from(110) {
        return None;
    }
    // (Recorded as the last group's marks against the others': each is printed.)
    let (last, others) = marks.split_last()?;
    let verdict = ctx.record(
        "parts.sum",
        format!("the {} groups' full marks = 100", marks.len()),
        Operand::of(last),
        others.iter().map(|m| Operand::of(m)).collect(),
        Verdict::holding(sum == hundred),
    );
    if verdict == Verdict::Consistent {
        return None;
    }
    let terms: Vec<String> = groups
        .iter()
        .zip(marks)
        .map(|(g, m)| format!("{} {}", g.label.trim_start_matches("其中"), m.number.value))
        .collect();
    Some(finding(
        "parts.sum",
        Severity::Warning,
        format!(
            "{} is the sum of its groups' scores, but their full marks {} = {sum}, not 100: one may be mistyped",
            total.label,
            terms.join(" + "),
        ),
        sum,
        Some(hundred),
        Some("分"),
        &total.source,
        &total.sentence,
    ))
}

/// The lists of parts extraction read (其中/包括/分别为/由…组成, and 共计 totals):
/// a whole's listed parts may not add up to more than it (其中 may name only some
/// parts, so less is silent unless it adds up exactly); a 共计 is its amounts' sum,
/// and so is a whole of parts that make up all of it (人员经费 and 公用经费 of 基本支出).
pub(crate) fn parts_sum(ctx: &Context) -> Vec<Finding> {
    let mut out = budget_table::breakdowns(ctx);
    out.extend(budget_table::block_columns(ctx));
    out.extend(budget_table::sources_across(ctx));
    out.extend(crate::columns::column_sums(ctx));
    out.extend(crate::columns::row_sums(ctx));
    let facts = &ctx.report().facts;
    // The facts at a list's indices (none where one is out of range).
    let at = |indices: &[usize]| -> Option<Vec<&Fact>> {
        indices.iter().map(|&i| facts.get(i)).collect()
    };
    for list in &ctx.report().stated.lists {
        let (Some(parts), Some(besides)) = (at(&list.parts), at(&list.besides)) else {
            continue;
        };
        // The parts added up in a whole's unit: the interval their printing
        // allows, the straight sum, and the verdict on that whole.
        let sum_for = |whole: &Fact, parts: &[&Fact]| {
            // Each part in the whole's unit (`1.2亿元，其中中央资金8000万元`).
            let scale = |m: &Fact| match (m.money(), whole.money()) {
                (Some(a), Some(b)) => a.factor() / b.factor(),
                _ => Decimal::ONE,
            };
            let straight: Decimal = parts.iter().map(|m| m.number.value * scale(m)).sum();
            // Scaled parts carry the factor's zeros (`130.0000`).
            let straight = match parts.iter().all(|m| m.unit == whole.unit) {
                true => straight,
                false => straight.normalize(),
            };
            // Counts are exact: 1 个 is not 0.5 to 1.5 units. So is a bare 0
            // beside figures with decimals (`因公出国（境）费0万元，…12.30万元`):
            // none at all, not anything under half a unit.
            let counted = matches!(whole.unit, jixiao_model::FactUnit::Count(_));
            let decimals = parts.iter().map(|m| m.number.decimals).max().unwrap_or(0);
            let none = |m: &Fact| m.number.value.is_zero() && m.number.decimals < decimals;
            let iv = parts.iter().fold(Interval::exact(Decimal::ZERO), |acc, m| {
                acc.add(if counted || none(m) {
                    Interval::exact(m.number.value)
                } else {
                    Interval::of_printed(m.number).scale(scale(m))
                })
            });
            let verdict =
                crate::interval::judge(whole.number.value, whole.number.decimals, iv, straight);
            (straight, verdict)
        };
        // Of the wholes the list may be of (a budget, then its spending), the
        // one its parts add up to; else its own. So of the parts with and
        // without those the whole may leave out (`结余结转` under `支出`).
        let with_besides: Vec<&Fact> = parts.iter().chain(&besides).copied().collect();
        let part_sets: Vec<&[&Fact]> = match besides.is_empty() {
            true => vec![&parts],
            false => vec![&parts, &with_besides],
        };
        let readings: Vec<(&Fact, &[&Fact])> = std::iter::once(list.whole)
            .chain(list.alternatives.iter().copied())
            .filter_map(|i| facts.get(i))
            .flat_map(|w| part_sets.iter().map(move |p| (w, *p)))
            .collect();
        let Some(&(whole, parts)) =
            crate::interval::best_reading(&readings, |(w, p)| sum_for(w, p).1)
        else {
            continue;
        };
        let (straight, verdict) = sum_for(whole, parts);
        let unit = whole.unit.label();
        // A part printed in another unit says so in the sum written out.
        let term = |m: &Fact| match m.unit == whole.unit {
            true => m.number.value.to_string(),
            false => format!("{}{}", m.number.value, m.unit.label()),
        };
        // The parts with their names, for the kinds of list that name them.
        let named_terms = || {
            parts
                .iter()
                .map(|m| format!("{} {}", m.label, term(m)))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let (relation, list_text) = match list.kind {
            ListKind::Parts => {
                let terms: Vec<String> = parts.iter().map(|m| term(m)).collect();
                // A list that adds up to less may name only some of the parts: no
                // error. But a remainder under 1% of the whole is rarely a part
                // left unnamed and often a mistyped figure: worth a look.
                if straight < whole.number.value && verdict != Verdict::Consistent {
                    // Amounts naming every required member of a split the
                    // domain defines for the whole leave out at most its
                    // optional ones (经营支出 beside 基本 and 项目支出): any
                    // shortfall is worth a look. (Not counts: a split of
                    // indicators often leaves its 决策 and 过程 groups out.)
                    let labels: Vec<&str> = parts.iter().map(|m| m.label.as_str()).collect();
                    let zero: Vec<bool> = parts.iter().map(|m| m.number.value.is_zero()).collect();
                    let split = jixiao_model::facts::partition_of(&whole.label, &labels, &zero)
                        .filter(|p| !p.splits_anything() && whole.money().is_some());
                    let gap = small_shortfall(whole.number.value, straight)
                        .or_else(|| split.and_then(|_| whole.number.value.checked_sub(straight)));
                    if let Some(gap) = gap {
                        let why = match split {
                            Some(_) => "they name every member of its split, so only one a list may leave out would explain the rest",
                            None => "其中 may name only some parts, but a remainder this small looks like a mistyped figure",
                        };
                        ctx.record(
                            "parts.sum",
                            format!(
                                "{} ≈ {} parts ({})",
                                whole.label,
                                parts.len(),
                                match split {
                                    Some(_) => "all its split's members named",
                                    None => "a small remainder",
                                }
                            ),
                            Operand::of(whole),
                            parts.iter().map(|m| Operand::of(m)).collect(),
                            verdict,
                        );
                        out.push(finding(
                            "parts.sum",
                            Severity::Warning,
                            format!(
                                "{} stated {}{unit} but its parts {} = {straight}{unit}, {gap}{unit} short: {why}",
                                whole.label,
                                whole.number.value,
                                terms.join(" + "),
                            ),
                            whole.number.value,
                            Some(straight),
                            Some(unit),
                            &whole.source,
                            &whole.sentence,
                        ));
                    }
                    continue;
                }
                (
                    format!("{} = {} parts", whole.label, parts.len()),
                    format!("its parts {}", terms.join(" + ")),
                )
            }
            ListKind::Partition => (
                format!("{} = its {} parts, all of it", whole.label, parts.len()),
                format!("the parts that make up all of it, {},", named_terms()),
            ),
            ListKind::Kinds => (
                format!("{} = {} kinds of it", whole.label, parts.len()),
                format!("the kinds listed of it, {},", named_terms()),
            ),
            ListKind::Total => (
                format!("{} totals {} amounts", whole.label, parts.len()),
                named_terms(),
            ),
        };
        let verdict = ctx.record(
            "parts.sum",
            relation,
            Operand::of(whole),
            parts.iter().map(|m| Operand::of(m)).collect(),
            verdict,
        );
        // (After the sum it rests on, in the trace.)
        if verdict == Verdict::Consistent {
            let marks = at(&list.full_marks).unwrap_or_default();
            out.extend(groups_marks(ctx, whole, parts, &marks));
        }
        if list.kind == ListKind::Parts && straight <= whole.number.value {
            continue;
        }
        // A member named by a piece (公务用车运行维护费) may leave the rest of
        // it (a 购置费) out of the list: a sum short of the whole is a warning.
        let by_piece = list.kind == ListKind::Partition
            && straight < whole.number.value
            && jixiao_model::facts::a_piece_alone(
                &parts.iter().map(|m| m.label.as_str()).collect::<Vec<_>>(),
            );
        // A total its sentence's amounts fall far short of may take in amounts
        // stated before the sentence (a 收入总计 of the year's income and what
        // came in besides).
        let far_short = list.kind == ListKind::Total
            && (whole.number.value - straight) * Decimal::TEN > whole.number.value;
        if let Some(sev) = severity_of(verdict) {
            let sev = if by_piece || far_short || list.kind == ListKind::Kinds {
                Severity::Warning
            } else {
                sev
            };
            out.push(finding(
                "parts.sum",
                sev,
                format!(
                    "{} stated {}{unit} but {list_text} = {straight}{unit}{}{}",
                    whole.label,
                    whole.number.value,
                    rounding_note(verdict),
                    if by_piece {
                        " (a part named by a piece of its kind, as 公务用车运行维护费 is, may leave the rest of it out)"
                    } else if far_short {
                        " (a total may take in amounts stated before its sentence, but most often it is of these)"
                    } else if list.kind == ListKind::Kinds {
                        " (kinds may overlap or leave some out, but most often they make all of it)"
                    } else {
                        ""
                    }
                ),
                whole.number.value,
                Some(straight),
                Some(unit),
                &whole.source,
                &whole.sentence,
            ));
        }
    }
    out.extend(line_totals(ctx));
    out.extend(counted_items(ctx));
    out
}

/// A sentence that counts the report's line items and states their total
/// (`对2022年度78个预算项目全面开展绩效自评，共涉及资金178179.54万元。绩效自评情况
/// 详见下表`): when the count is the number of rows the report lists, the
/// amount is their column's sum (the 预算数 column, or the 执行数 column where
/// that is the one that adds up). A count of something else is not the rows'
/// count, so the rows' number must match exactly.
pub(crate) fn counted_items(ctx: &Context) -> Vec<Finding> {
    const FUNDS: &[&str] = &["资金", "预算", "安排", "金额", "总额"];
    let items = &ctx.report().line_items;
    let Ok(n) = i64::try_from(items.len()) else {
        return Vec::new();
    };
    if n < 2 {
        return Vec::new();
    }
    // Each column's sum in yuan, where its cells are all printed in one unit
    // (the yuan over the printed value is the same factor on every row);
    // worked out once, and only for a report whose prose counts its rows.
    let columns = std::cell::OnceCell::new();
    let sums = || -> Vec<(usize, Interval, Decimal, Vec<Operand>)> {
        (0..2)
            .filter_map(|col| {
                let column = printed_column(items, col)?;
                let mut factors = items.iter().filter_map(|item| {
                    let (printed, _) = item.printed[col].as_ref()?;
                    let yuan = [item.budget, item.executed][col]?;
                    (!printed.is_zero()).then(|| yuan.checked_div(*printed))
                });
                let factor = factors.next()??;
                if factors.any(|f| f != Some(factor)) {
                    return None;
                }
                let straight = column.straight.checked_mul(factor)?;
                Some((col, column.iv.scale(factor), straight, column.inputs))
            })
            .collect()
    };
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        for (k, count) in para.iter().enumerate() {
            let counts_items = matches!(count.unit, FactUnit::Count("个" | "项"))
                && count.kind == FactKind::Level
                && count.number.value == Decimal::from(n);
            if !counts_items {
                continue;
            }
            // The sentence's figures after the count, and each one's own words:
            // those since the figure before it (or the count).
            let later: Vec<&Fact> = para[k + 1..]
                .iter()
                .copied()
                .filter(|m| m.sentence_start == count.sentence_start)
                .collect();
            let own_words = |at: usize| -> &str {
                let from = at
                    .checked_sub(1)
                    .and_then(|j| later.get(j))
                    .map_or(count.span.1, |p| p.span.1);
                later[at]
                    .sentence
                    .get(
                        from.saturating_sub(count.sentence_start)
                            ..later[at].span.0.saturating_sub(count.sentence_start),
                    )
                    .unwrap_or("")
            };
            let amounts: Vec<usize> = (0..later.len())
                .filter(|&j| later[j].money().is_some() && later[j].kind == FactKind::Level)
                .collect();
            // The one total amount after the count in its sentence.
            let total = crate::amounts::only_one(amounts.iter().copied().filter(|&j| {
                let words = own_words(j);
                (TOTAL_WORDS.iter().any(|w| words.contains(w)) || words.contains("涉及"))
                    && FUNDS.iter().any(|w| words.contains(w))
            }));
            // `项目3个,争取债券资金1.69亿元`: the sentence's one amount after the
            // count, naming funds, with nothing of a part between; read as the
            // rows' total too, but without a 共 it says so less plainly, so a
            // mismatch is a warning.
            let plain = || {
                let [j] = amounts.as_slice() else {
                    return None;
                };
                let words = own_words(*j);
                (FUNDS.iter().any(|w| words.contains(w))
                    && !["其中", "包括", "含", "分别"]
                        .iter()
                        .any(|w| words.contains(w)))
                .then_some(*j)
            };
            // `共争取专项债券资金2.52亿元，用于以下3个项目`: the amount right before
            // the count, naming funds, which the count says it went to.
            let went_to = || {
                let prev = *para[..k].last()?;
                let between = prev.sentence.get(
                    prev.span.1.saturating_sub(prev.sentence_start)
                        ..count.span.0.saturating_sub(prev.sentence_start),
                )?;
                (prev.sentence_start == count.sentence_start
                    && prev.money().is_some()
                    && prev.kind == FactKind::Level
                    && FUNDS.iter().any(|w| prev.label.contains(w))
                    && ["用于", "涉及", "支持"].iter().any(|w| between.contains(w)))
                .then_some(prev)
            };
            let (total_at, total, stated_plainly) = match (total, plain()) {
                (Some(t), _) => (Some(t), later[t], true),
                (None, Some(t)) => (Some(t), later[t], false),
                (None, None) => match went_to() {
                    Some(t) => (None, t, TOTAL_WORDS.iter().any(|w| t.label.contains(w))),
                    None => continue,
                },
            };
            // `4个项目预算合计10,390.00万元，实际支出9,949.95万元，平均自评得分
            // 91.13分`: the amount right after the total naming what was spent is
            // the 执行数 column's sum, a 平均 score the rows' scores' mean.
            let spent = total_at
                .and_then(|at| amounts.iter().copied().find(|&j| j > at))
                .filter(|&j| {
                    let words = own_words(j);
                    ["支出", "执行", "使用", "拨付"]
                        .iter()
                        .any(|w| words.contains(w))
                        && !["其中", "包括", "含", "分别", "结余", "未"]
                            .iter()
                            .any(|w| words.contains(w))
                })
                .map(|j| later[j]);
            let average = crate::amounts::only_one(
                (0..later.len())
                    .filter(|&j| later[j].unit == FactUnit::Points && own_words(j).contains("平均"))
                    .map(|j| later[j]),
            );
            if let Some(mean) = average {
                out.extend(mean_of_the_rows_scores(ctx, mean, n));
            }
            let unit = total.money().map_or(Decimal::ONE, |u| u.factor());
            let stated = Interval::of_printed(total.number).scale(unit);
            let columns = columns.get_or_init(sums);
            // The 执行数 column only where it is the one that adds up.
            let holding = columns.iter().find(|(_, iv, ..)| iv.overlaps(stated));
            let budget = columns.iter().find(|(col, ..)| *col == 0);
            if let Some(column) = holding.or(budget) {
                out.extend(judge_counted_total(ctx, total, column, n, stated_plainly));
            }
            // (What was spent, after a total of the budgets: the other column.)
            let executed = columns.iter().find(|(col, ..)| *col == 1);
            if let (Some(spent), Some(column), Some((0, ..))) =
                (spent, executed, holding.or(budget))
            {
                out.extend(judge_counted_total(ctx, spent, column, n, stated_plainly));
            }
        }
    }
    out
}

/// A figure a sentence counting the report's `n` rows states as their total,
/// against the column it totals (index, sum's interval and straight sum in
/// yuan, cells); stated without a 共 only a warning.
fn judge_counted_total(
    ctx: &Context,
    total: &Fact,
    (col, iv, straight, inputs): &(usize, Interval, Decimal, Vec<Operand>),
    n: i64,
    stated_plainly: bool,
) -> Option<Finding> {
    let unit = total.money().map_or(Decimal::ONE, |u| u.factor());
    let name = ["预算数", "执行数"][*col];
    let verdict = ctx.judge(
        "parts.sum",
        format!(
            "{} {} = the {n} rows' {name}",
            total.label, total.number.value
        ),
        Operand::of(total),
        inputs.clone(),
        iv.scale(Decimal::ONE / unit),
        *straight / unit,
    );
    let sev = severity_of(verdict)?;
    let sev = if stated_plainly {
        sev
    } else {
        Severity::Warning
    };
    let sum = (*straight / unit)
        .round_half_up(total.number.decimals)
        .normalize();
    Some(finding(
        "parts.sum",
        sev,
        format!(
            "{} stated {}{} for the {n} items counted, but the {n} rows listed add up to {sum}{} ({name}){}",
            total.label,
            total.number.value,
            total.unit.label(),
            total.unit.label(),
            rounding_note(verdict)
        ),
        total.number.value,
        Some(sum),
        Some(total.unit.label()),
        &total.source,
        &total.sentence,
    ))
}

/// `平均自评得分91.13分` in a sentence counting the report's `n` rows: the mean
/// of the rows' scores, where every row has one, as printed.
fn mean_of_the_rows_scores(ctx: &Context, mean: &Fact, n: i64) -> Option<Finding> {
    let items = &ctx.report().line_items;
    let scores: Vec<(Decimal, &jixiao_model::Source)> = items
        .iter()
        .map(|i| Some((i.score?, &i.source)))
        .collect::<Option<_>>()?;
    let sum: Decimal = scores.iter().map(|(s, _)| *s).sum();
    let straight = sum.checked_div(Decimal::from(n))?;
    let verdict = ctx.judge(
        "parts.sum",
        format!("mean of the {n} rows' scores = {}", mean.number.value),
        Operand::of(mean),
        scores
            .iter()
            .map(|(s, at)| Operand::value(*s, at))
            .collect(),
        Interval::exact(straight),
        straight,
    );
    let sev = severity_of(verdict)?;
    let shown = straight
        .round_half_up(mean.number.decimals.max(2))
        .normalize();
    Some(finding(
        "parts.sum",
        sev,
        format!(
            "{} stated {}分 but the {n} rows' scores average {shown}分{}",
            mean.label,
            mean.number.value,
            rounding_note(verdict)
        ),
        mean.number.value,
        Some(shown),
        Some("分"),
        &mean.source,
        &mean.sentence,
    ))
}

/// A per-project table's 合计 row against the rows above it, column by column.
/// Silent where the table's structure is unsure: a blank cell, a row that is
/// itself the sum of the rows after it (a category subtotal), or a total printed
/// coarser than its rows (a figure cut off, or rounded to another scale).
///
/// A column whose own total is cut off or missing is still checked when the
/// table lists the report's whole: its other column adds up to its 合计, and
/// that 合计 is the report's own figure for it (the 计划支出数 column's 715.18
/// is the form's 计划安排资金). The column then adds up to the report's figure
/// for its own role (the 实际支出数 column to the form's 实际支出).
/// A per-project table's two columns: each name, and the report's budget
/// fields that figure stands for.
/// What a 合计's finding adds when its row printed fewer figures than the
/// table has columns: which column each is under was the reading's guess.
const PLACED_BY_GUESS: &str =
    " (its row printed fewer figures than the table has columns, so which column each is under is a guess)";

const COLUMNS: [(&str, &[&str]); 2] = [
    ("预算数", &["adjusted", "initial"]),
    ("执行数", &["executed"]),
];

pub(crate) fn line_totals(ctx: &Context) -> Vec<Finding> {
    let report = ctx.report();
    let names = COLUMNS.map(|(name, _)| name);
    let mut out = table_totals(ctx, &report.line_items, &report.line_totals, names, true);
    // A table read both ways (`2022年决算 | 2023年预算 | 2023年决算`: line items
    // and a year table) has its shared column judged once.
    let by_items = out.len();
    for table in &report.year_tables {
        let names = [table.columns[0].as_str(), table.columns[1].as_str()];
        for f in table_totals(ctx, &table.rows, &table.totals, names, false) {
            let same_slip = |g: &Finding| {
                g.rule == f.rule
                    && g.location == f.location
                    && g.stated == f.stated
                    && g.computed == f.computed
            };
            if !out[..by_items].iter().any(same_slip) {
                out.push(f);
            }
        }
    }
    out
}

/// A table's 合计 rows against the rows they total, column by column (`names`
/// the two columns'); with `of_report`, a column that totals the report's own
/// figure (the per-project table of the whole budget) against that figure too.
fn table_totals(
    ctx: &Context,
    items: &[LineItem],
    totals: &[jixiao_model::LineTotal],
    names: [&str; 2],
    of_report: bool,
) -> Vec<Finding> {
    let report = ctx.report();
    let mut out = Vec::new();
    for total in totals {
        let Some(all) = items.get(total.rows.0..total.rows.1) else {
            continue;
        };
        // The total is of the rows not listed under another (其中…): as the
        // numbering nests them, or else a 其中 run under the row before it for
        // as many rows as the columns agree.
        let nested = if total.nested.is_empty() {
            run_under_a_row(total, all)
        } else {
            total.nested.clone()
        };
        let under: std::collections::HashSet<usize> =
            nested.iter().flat_map(|(_, u)| u.iter().copied()).collect();
        let rows: Vec<&LineItem> = all
            .iter()
            .enumerate()
            .filter(|(k, _)| !under.contains(&(total.rows.0 + k)))
            .map(|(_, r)| r)
            .collect();
        out.extend(nested_line_items(ctx, items, total, &nested, names));
        if rows.len() < 2 {
            continue;
        }
        // Rows that add up to the stated 合计 in some column have no subtotal
        // among them, in any column, whatever a row's value happens to be
        // (200 = 150 + 50): being a subtotal is the row's, not a cell's.
        let adds_up_somewhere = (0..names.len()).any(|col| {
            printed_column(rows.iter().copied(), col).is_some_and(|c| {
                total.printed[col].as_ref().is_some_and(|(stated, _)| {
                    crate::interval::judge(*stated, stated.scale(), c.iv, c.straight)
                        == Verdict::Consistent
                })
            })
        });
        // Each column's cells and sum, and whether it adds up to its own 合计 (None: unchecked).
        let mut columns = Vec::new();
        for (col, name) in names.iter().enumerate() {
            // A row that sums the rows after it (a category subtotal) leaves the
            // column's sum unsure.
            let Some(PrintedColumn {
                decimals,
                iv,
                straight,
                inputs,
                ..
            }) = printed_column(rows.iter().copied(), col)
                .filter(|c| adds_up_somewhere || !has_subtotals(&c.values))
            else {
                columns.push(None);
                continue;
            };
            let usable = total.printed[col]
                .as_ref()
                .filter(|(stated, _)| stated.scale() >= decimals);
            let verdict = usable.map(|(stated, stated_at)| {
                let verdict = ctx.judge(
                    "parts.sum",
                    format!("{} {name} = {} rows", total.label, rows.len()),
                    Operand::value(*stated, stated_at),
                    inputs.clone(),
                    iv,
                    straight,
                );
                // A 合计 above rows that run to where the excerpt ends: the
                // rows may be cut off there, so only an excess is certain. A
                // 合计 cut short itself says nothing.
                let cut_below = iv.hi < *stated
                    && total.source.line < rows.first().and_then(|r| r.source.line)
                    && rows.last().is_some_and(|r| {
                        std::iter::once(&r.source)
                            .chain(r.printed.iter().flatten().map(|(_, at)| at))
                            .any(|at| ctx.near_the_end(at))
                    });
                // (Its other figures were placed by guess only where it lacks one:
                // a row printed whole holds each under its column.)
                let cut_short = ctx.may_be_cut(stated_at)
                    || ((ctx.on_a_cut_line(stated_at) || ctx.on_a_cut_line(&total.source))
                        && total.printed.iter().any(Option::is_none));
                if let Some(sev) = severity_of(verdict).filter(|_| !cut_below && !cut_short) {
                    // Figures cut from digits run together: the reading's doubt.
                    let (sev, doubt) = if total.guessed {
                        (Severity::Warning, crate::context::DIGITS_RAN_TOGETHER)
                    } else if total.placed_by_guess {
                        (Severity::Warning, PLACED_BY_GUESS)
                    } else {
                        (sev, "")
                    };
                    out.push(finding(
                        "parts.sum",
                        sev,
                        format!(
                            "{} {name} stated {stated}{} but its {} rows add up to {straight}{}{}{doubt}",
                            total.label,
                            total.printed_unit,
                            rows.len(),
                            total.printed_unit,
                            rounding_note(verdict)
                        ),
                        *stated,
                        Some(straight),
                        Some(total.printed_unit.as_str()),
                        stated_at,
                        &total.label,
                    ));
                }
                verdict
            });
            columns.push(Some((iv, straight, inputs, verdict)));
        }
        if !of_report {
            continue;
        }
        let Some(unit) = jixiao_model::MoneyUnit::parse(&total.printed_unit) else {
            continue;
        };
        for col in 0..COLUMNS.len() {
            let other = 1 - col;
            // What the column says it adds up to: its 合计 where printed and
            // usable, else the sum of its rows.
            let (iv, straight, inputs) = match (&columns[col], &total.printed[col]) {
                (Some((.., Some(_))), Some((stated, at))) => (
                    Interval::printed(*stated, stated.scale()),
                    *stated,
                    vec![Operand::value(*stated, at)],
                ),
                (Some((iv, straight, inputs, None)), _) => (*iv, *straight, inputs.clone()),
                _ => continue,
            };
            // The other column adds up to its 合计, and that 合计 is the report's figure.
            let whole = matches!(&columns[other], Some((.., Some(Verdict::Consistent))))
                && total.printed[other].as_ref().is_some_and(|(stated, _)| {
                    let yuan = unit.to_yuan(*stated);
                    COLUMNS[other].1.iter().any(|field| {
                        report
                            .budget
                            .printed
                            .get(*field)
                            .is_some_and(|(p, u)| u.to_yuan(p.value) == yuan)
                    })
                });
            if !whole {
                continue;
            }
            // The report's one figure for this column (a plan column is the
            // 调整后 or the 年初 budget: only where the two agree, or one is stated).
            let figures: Vec<_> = COLUMNS[col]
                .1
                .iter()
                .filter_map(|f| report.budget.printed.get(*f).map(|p| (*f, p)))
                .collect();
            let distinct: std::collections::BTreeSet<Decimal> = figures
                .iter()
                .map(|(_, (p, u))| u.to_yuan(p.value))
                .collect();
            let (Some(&(field, &(figure, figure_unit))), 1) = (figures.first(), distinct.len())
            else {
                continue;
            };
            let Some(at) = report.budget.sources.get(field) else {
                continue;
            };
            // The column's sum in the figure's unit.
            let Some(k) = unit.factor().checked_div(figure_unit.factor()) else {
                continue;
            };
            let Some(straight) = straight.checked_mul(k) else {
                continue;
            };
            let name = COLUMNS[col].0;
            let what = if inputs.len() == 1 {
                format!("its {} row", total.label)
            } else {
                format!("its {} rows added up", rows.len())
            };
            let verdict = ctx.judge(
                "parts.sum",
                format!(
                    "{} {name} ({what}) = the report's {field} figure",
                    total.label
                ),
                Operand::new(figure, at),
                inputs,
                iv.scale(k),
                straight,
            );
            if let Some(sev) = severity_of(verdict) {
                let other_total = total.printed[other]
                    .as_ref()
                    .map_or(Decimal::ZERO, |(v, _)| *v);
                out.push(finding(
                    "parts.sum",
                    sev,
                    format!(
                        "the report states {}{} but the table whose {} column totals the report's {other_total}{} (so it lists the whole) gives {}{} in its {name} column ({what}){}",
                        figure.value,
                        figure_unit.label(),
                        COLUMNS[other].0,
                        total.printed_unit,
                        straight.normalize(),
                        figure_unit.label(),
                        rounding_note(verdict)
                    ),
                    figure.value,
                    Some(straight.normalize()),
                    Some(figure_unit.label()),
                    at,
                    &total.label,
                ));
            }
        }
    }
    out
}

/// True when some value equals the sum of two or more values right after it.
/// A line-item column as printed: its precision (the finest of its cells),
/// its sum's interval and straight sum, and its cells.
struct PrintedColumn {
    values: Vec<Decimal>,
    decimals: u32,
    iv: Interval,
    straight: Decimal,
    inputs: Vec<Operand>,
}

/// `一、基本支出 100` `其中：人员经费 80` `公用经费 20`: the rows listed under a
/// row are some or all of its parts, column by column. More than it is an
/// error; a little less (under 1%) a warning, as for 其中 in prose.
fn nested_line_items(
    ctx: &Context,
    items: &[LineItem],
    total: &jixiao_model::LineTotal,
    nested: &[(usize, Vec<usize>)],
    names: [&str; 2],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (row, under) in nested {
        let (Some(parent), Some(parts)) = (
            items.get(*row),
            under
                .iter()
                .map(|&i| items.get(i))
                .collect::<Option<Vec<&LineItem>>>(),
        ) else {
            continue;
        };
        let label = parent.name.as_deref().unwrap_or("");
        for (col, name) in names.iter().enumerate() {
            let (Some((stated, at)), Some(column)) = (
                parent.printed[col].as_ref(),
                printed_column(parts.iter().copied(), col),
            ) else {
                continue;
            };
            let verdict =
                crate::interval::judge(*stated, stated.scale(), column.iv, column.straight);
            let straight = column.straight;
            let short = straight < *stated && verdict != Verdict::Consistent;
            let gap = short.then(|| small_shortfall(*stated, straight)).flatten();
            if short && gap.is_none() {
                continue;
            }
            let verdict = ctx.record(
                "parts.sum",
                format!("{label} {name} ≥ the {} rows under it", parts.len()),
                Operand::value(*stated, at),
                column.inputs.clone(),
                verdict,
            );
            let severity = if gap.is_some() {
                Some(Severity::Warning)
            } else {
                severity_of(verdict)
            };
            if let Some(sev) = severity {
                out.push(finding(
                    "parts.sum",
                    sev,
                    format!(
                        "{label} {name} stated {stated}{unit} but the {} rows listed under it add up to {straight}{unit}{}",
                        parts.len(),
                        if gap.is_some() {
                            "; 其中 may list only some parts, but a remainder this small looks like a mistyped figure"
                        } else {
                            rounding_note(verdict)
                        },
                        unit = total.printed_unit,
                    ),
                    *stated,
                    Some(straight),
                    Some(total.printed_unit.as_str()),
                    at,
                    label,
                ));
            }
        }
    }
    out
}

/// `公务用车购置及运行维护费`, `其中：公务用车购置费`, `公务用车运行维护费`,
/// `公务接待费` with no numbering: the 其中 run is under the row before it for
/// as many rows as the columns agree (`budget_table::run_extent`). Empty where
/// there is no run, or no extent adds up.
fn run_under_a_row(total: &jixiao_model::LineTotal, all: &[LineItem]) -> Vec<(usize, Vec<usize>)> {
    let opens_run = |r: &LineItem| {
        r.name
            .as_deref()
            .is_some_and(|n| n.trim().starts_with("其中"))
    };
    let starts: Vec<usize> = (0..all.len()).filter(|&j| opens_run(&all[j])).collect();
    let figure = |r: &LineItem, col: usize| r.printed[col].as_ref().map(|(v, _)| *v);
    let at = |i: usize| total.rows.0 + i;
    // Several runs (`基本支出`, `其中：人员经费`, `公用经费`, `项目支出`, `其中：…`):
    // each under the row before it, ending before the next run's row, as far
    // as it adds up to that row in the most columns; none is assumed where
    // one adds up to its row in none.
    if starts.len() >= 2 {
        let mut runs = Vec::new();
        for (n, &start) in starts.iter().enumerate() {
            let end = starts.get(n + 1).map_or(all.len(), |&next| next - 1);
            let Some(parent) = start.checked_sub(1).map(|p| &all[p]) else {
                return Vec::new();
            };
            let best = (start + 1..=end)
                .map(|k| {
                    let under: Vec<&LineItem> = all[start..k].iter().collect();
                    let support = crate::budget_table::columns_adding_up(
                        &|col| figure(parent, col),
                        &under,
                        COLUMNS.len(),
                        &figure,
                    );
                    (support, k)
                })
                .filter(|(support, _)| *support > 0)
                .max_by_key(|(support, _)| *support);
            let Some((_, k)) = best else {
                return Vec::new();
            };
            runs.push((at(start - 1), (start..k).map(at).collect()));
        }
        return runs;
    }
    let Some(&start) = starts.first().filter(|&&j| j > 0) else {
        return Vec::new();
    };
    let Some(k) = crate::budget_table::run_extent(
        &|col| total.printed.get(col)?.as_ref().map(|(v, _)| *v),
        all,
        (start, all.len()),
        COLUMNS.len(),
        &figure,
    ) else {
        return Vec::new();
    };
    vec![(at(start - 1), (start..k).map(at).collect())]
}

/// Column `col` (预算数 0, 执行数 1) of `rows`, each cell judged at the
/// column's precision. None where a cell is blank. (A count of the rows that
/// matches the prose's is what tells a column has no subtotal rows; a 合计
/// row's check tests for them itself.)
fn printed_column<'a>(
    rows: impl IntoIterator<Item = &'a LineItem>,
    col: usize,
) -> Option<PrintedColumn> {
    let cells = rows
        .into_iter()
        .map(|r| r.printed[col].as_ref())
        .collect::<Option<Vec<_>>>()?;
    let values: Vec<Decimal> = cells.iter().map(|(v, _)| *v).collect();
    let decimals = crate::interval::column_decimals(&values);
    let (iv, straight) = crate::interval::column_sum(&values, decimals);
    Some(PrintedColumn {
        values,
        decimals,
        iv,
        straight,
        inputs: cells.iter().map(|(v, at)| Operand::value(*v, at)).collect(),
    })
}

fn has_subtotals(values: &[Decimal]) -> bool {
    (0..values.len()).any(|i| {
        let mut sum = Decimal::ZERO;
        values[i + 1..].iter().enumerate().any(|(k, v)| {
            sum += v;
            k >= 1 && sum == values[i] && !sum.is_zero()
        })
    })
}
