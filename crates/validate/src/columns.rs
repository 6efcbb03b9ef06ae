//! Tables no other reading knows (`ColumnTable`): each column adds up to
//! its 合计 row, and each 占比 is its row's share of the column it is of.
//! Whether the rows read are all the 合计 totals, the table itself tells:
//! a failing column is an error only where another column of the same rows
//! adds up; alone, a warning.

use jixiao_model::{Decimal, Finding, Severity};

use crate::context::{finding, rounding_note, Context, Operand};
use crate::interval::{HalfUp, Interval, Verdict};

/// Header words of a column of counts, exact figures: 1 人 is no rounding
/// of 0.5 to 1.5.
const COUNTED: &[&str] = &[
    "人数",
    "户数",
    "个数",
    "数量",
    "（人）",
    "(人)",
    "（户）",
    "(户)",
    "（个）",
    "(个)",
];

/// A stated total against its printed cells, each read at the cells' most
/// decimals (a column prints them alike) or, where `exact` (whole counts),
/// as printed: the verdict, the sum's interval and the straight sum.
fn judge_printed_sum<'a>(
    cells: impl Iterator<Item = &'a jixiao_model::Printed> + Clone,
    stated: &jixiao_model::Printed,
    exact: bool,
) -> (Verdict, Interval, Decimal) {
    let decimals = cells.clone().map(|p| p.decimals).max().unwrap_or(0);
    let iv = cells
        .clone()
        .fold(Interval::exact(Decimal::ZERO), |acc, p| {
            acc.add(if exact {
                Interval::exact(p.value)
            } else {
                Interval::printed(p.value, decimals)
            })
        });
    let straight: Decimal = cells.map(|p| p.value).sum();
    let verdict = crate::interval::judge(stated.value, stated.decimals, iv, straight);
    (verdict, iv, straight)
}

/// The tables whose columns are judged ([`jixiao_model::ColumnTable::row_totals_only`]).
fn columns_as_printed<'a>(
    ctx: &Context<'a>,
) -> impl Iterator<Item = &'a jixiao_model::ColumnTable> {
    ctx.report()
        .column_tables
        .iter()
        .filter(|t| !t.row_totals_only)
}

/// Each column against the 合计 row (rule `parts.sum`).
pub(crate) fn column_sums(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for table in columns_as_printed(ctx) {
        let verdicts: Vec<(Verdict, Interval, Decimal)> = table
            .sums
            .iter()
            .map(|s| {
                let counted = COUNTED.iter().any(|w| s.header.contains(w))
                    && s.cells.iter().all(|(p, _)| p.decimals == 0);
                judge_printed_sum(s.cells.iter().map(|(p, _)| p), &s.total.0, counted)
            })
            .collect();
        let holding = verdicts
            .iter()
            .filter(|(v, ..)| *v == Verdict::Consistent)
            .count();
        // With two or more columns, none adding up says the rows are not all
        // the 合计's: nothing is judged.
        if table.sums.len() > 1 && holding == 0 {
            continue;
        }
        for (s, &(_, iv, straight)) in table.sums.iter().zip(&verdicts) {
            let verdict = ctx.judge(
                "parts.sum",
                format!("合计 {} = its {} rows", s.header, s.cells.len()),
                Operand::new(s.total.0, &s.total.1),
                s.cells.iter().map(|(p, at)| Operand::new(*p, at)).collect(),
                iv,
                straight,
            );
            let severity = match verdict {
                Verdict::Contradiction if table.sums.len() > 1 => Severity::Error,
                Verdict::Contradiction => Severity::Warning,
                Verdict::Rounding if table.sums.len() > 1 => Severity::Warning,
                _ => continue,
            };
            let terms: Vec<String> = table
                .labels
                .iter()
                .zip(&s.cells)
                .map(|(l, (p, _))| format!("{l} {}", p.value))
                .collect();
            out.push(finding(
                "parts.sum",
                severity,
                format!(
                    "合计 {} stated {} but its rows add up to {} = {straight}{}{}",
                    s.header,
                    s.total.0.value,
                    terms.join(" + "),
                    rounding_note(verdict),
                    if table.sums.len() > 1 {
                        ""
                    } else {
                        " (the table's only column with a 合计: whether these rows are all it totals is unsure)"
                    }
                ),
                s.total.0.value,
                Some(straight),
                None,
                &s.total.1,
                &format!("合计 {}", s.header),
            ));
        }
    }
    out
}

/// Each row's 合计 column against the row's figures in the other columns
/// (rule `parts.sum`): `甲县 | 620 | 300 | 120 | 1,040`. Whether the columns
/// before it are all it totals, the table itself tells: judged only where
/// some row adds up, an error where two or more do.
pub(crate) fn row_sums(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for table in &ctx.report().column_tables {
        let Some(t) = table.row_total else {
            continue;
        };
        let Some(total) = table.sums.get(t) else {
            continue;
        };
        let parts: Vec<&jixiao_model::ColumnSum> = (table.sums.iter().enumerate())
            .filter(|(i, _)| *i != t)
            .map(|(_, s)| s)
            .collect();
        let total_label = "合计".to_string();
        // Each row, the 合计 row last: its label, its parts, its total.
        let rows: Vec<(
            &String,
            Vec<&(jixiao_model::Printed, jixiao_model::Source)>,
            &(jixiao_model::Printed, jixiao_model::Source),
        )> = table
            .labels
            .iter()
            .enumerate()
            .filter_map(|(i, l)| {
                let cells: Option<Vec<_>> = parts.iter().map(|p| p.cells.get(i)).collect();
                Some((l, cells?, total.cells.get(i)?))
            })
            .chain(std::iter::once((
                &total_label,
                parts.iter().map(|p| &p.total).collect(),
                &total.total,
            )))
            .collect();
        let verdicts: Vec<(Verdict, Interval, Decimal)> = rows
            .iter()
            .map(|(_, cells, stated)| {
                judge_printed_sum(cells.iter().map(|(p, _)| p), &stated.0, false)
            })
            .collect();
        let holding = verdicts
            .iter()
            .filter(|(v, ..)| *v == Verdict::Consistent)
            .count();
        // No row adding up says the columns are not all the 合计's; but a
        // table of one row (its 合计 alone, the rest cut off) says nothing
        // either way, its header naming the columns its 合计 totals.
        if holding == 0 && rows.len() > 1 {
            continue;
        }
        for ((label, cells, stated), &(_, iv, straight)) in rows.iter().zip(&verdicts) {
            let verdict = ctx.judge(
                "parts.sum",
                format!("{label} {} = its {} columns", total.header, cells.len()),
                Operand::new(stated.0, &stated.1),
                cells.iter().map(|(p, at)| Operand::new(*p, at)).collect(),
                iv,
                straight,
            );
            let severity = match verdict {
                Verdict::Contradiction if holding >= 2 => Severity::Error,
                Verdict::Contradiction | Verdict::Rounding => Severity::Warning,
                _ => continue,
            };
            let terms: Vec<String> = parts
                .iter()
                .zip(cells)
                .map(|(p, (v, _))| format!("{} {}", p.header, v.value))
                .collect();
            out.push(finding(
                "parts.sum",
                severity,
                format!(
                    "{label} {} stated {} but its columns add up to {} = {straight}{}",
                    total.header,
                    stated.0.value,
                    terms.join(" + "),
                    rounding_note(verdict),
                ),
                stated.0.value,
                Some(straight),
                None,
                &stated.1,
                &format!("{label} {}", total.header),
            ));
        }
    }
    out
}

/// Each 占比 against its row's figure over the 合计 of the column it is of
/// (rule `rate.mismatch`); judged where another row's share holds.
pub(crate) fn column_shares(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for table in columns_as_printed(ctx) {
        for shares in &table.shares {
            let Some(of) = table.sums.get(shares.of) else {
                continue;
            };
            let total_label = "合计".to_string();
            let rows = shares
                .cells
                .iter()
                .zip(&of.cells)
                .zip(&table.labels)
                .filter_map(|((share, amount), label)| Some((share.as_ref()?, amount, label)))
                .chain(shares.total.as_ref().map(|t| (t, &of.total, &total_label)));
            let judged: Vec<_> = rows
                .filter_map(|(share, amount, label)| {
                    let (iv, straight) = crate::interval::percent(amount.0, of.total.0)?;
                    let verdict =
                        crate::interval::judge(share.0.value, share.0.decimals, iv, straight);
                    Some((share, amount, label, iv, straight, verdict))
                })
                .collect();
            let holding = judged.iter().filter(|j| j.5 == Verdict::Consistent).count();
            if holding == 0 {
                continue;
            }
            for (share, amount, label, iv, straight, _) in judged {
                let verdict = ctx.judge(
                    "rate.mismatch",
                    format!(
                        "{label} {} / 合计 {} = {}%",
                        amount.0.value, of.total.0.value, share.0.value
                    ),
                    Operand::new(share.0, &share.1),
                    vec![
                        Operand::new(amount.0, &amount.1),
                        Operand::new(of.total.0, &of.total.1),
                    ],
                    iv,
                    straight,
                );
                let severity = match verdict {
                    Verdict::Contradiction => Severity::Error,
                    Verdict::Rounding => Severity::Warning,
                    _ => continue,
                };
                let shown = straight.round_dp(share.0.decimals.max(2));
                out.push(finding(
                    "rate.mismatch",
                    severity,
                    format!(
                        "{label} {} stated {}% but {} {} / 合计 {} = {shown}%{}",
                        shares.header,
                        share.0.value,
                        of.header,
                        amount.0.value,
                        of.total.0.value,
                        rounding_note(verdict)
                    ),
                    share.0.value,
                    Some(shown),
                    Some("%"),
                    &share.1,
                    &format!("{label} {}", shares.header),
                ));
            }
        }
    }
    out
}

/// `乡镇 | 补贴户数 | 补贴标准（元/户）| 补贴金额`: each row's amount is its
/// count times its standard (rule `amount.product`). The amounts' unit is
/// the one (元, 千元, 万元 …) under which most rows hold, two at least and
/// more than half; a row that fails under it is a warning (a row may have
/// been paid for part of the year).
pub(crate) fn column_products(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for table in columns_as_printed(ctx) {
        let Some(p) = &table.product else {
            continue;
        };
        let (Some(counts), Some(amounts)) = (table.sums.get(p.count), table.sums.get(p.amount))
        else {
            continue;
        };
        // Each row's count, standard and amount, where all three are printed.
        let rows: Vec<(
            usize,
            &(jixiao_model::Printed, jixiao_model::Source),
            &(jixiao_model::Printed, jixiao_model::Source),
            &(jixiao_model::Printed, jixiao_model::Source),
        )> = (0..table.labels.len())
            .filter_map(|i| {
                Some((
                    i,
                    counts.cells.get(i)?,
                    p.cells.get(i)?.as_ref()?,
                    amounts.cells.get(i)?,
                ))
            })
            .filter(|(_, c, _, _)| c.0.decimals == 0)
            .collect();
        if rows.len() < 2 {
            continue;
        }
        let product =
            |count: &jixiao_model::Printed, standard: &jixiao_model::Printed, factor: Decimal| {
                let straight = count
                    .value
                    .checked_mul(standard.value)?
                    .checked_mul(factor)?;
                let iv = Interval::of_printed(*standard).scale(count.value * factor);
                Some((iv, straight))
            };
        let holds = |factor: Decimal,
                     (_, c, s, a): &(
            usize,
            &(jixiao_model::Printed, jixiao_model::Source),
            &(jixiao_model::Printed, jixiao_model::Source),
            &(jixiao_model::Printed, jixiao_model::Source),
        )| {
            product(&c.0, &s.0, factor).is_some_and(|(iv, straight)| {
                crate::interval::judge(a.0.value, a.0.decimals, iv, straight) == Verdict::Consistent
            })
        };
        // 元 into 元, 千元, 万元: the unit the most rows hold in.
        let Some((factor, holding)) = [1i64, 1_000, 10_000]
            .iter()
            .map(|&d| Decimal::ONE / Decimal::from(d))
            .map(|f| (f, rows.iter().filter(|r| holds(f, r)).count()))
            .max_by_key(|(_, n)| *n)
        else {
            continue;
        };
        if holding < 2 || holding * 2 <= rows.len() {
            continue;
        }
        for (i, c, s, a) in &rows {
            let Some((iv, straight)) = product(&c.0, &s.0, factor) else {
                continue;
            };
            let label = table.labels.get(*i).map_or("", String::as_str);
            let verdict = ctx.judge(
                "amount.product",
                format!("{label} {} × {} = {}", c.0.value, s.0.value, a.0.value),
                Operand::new(a.0, &a.1),
                vec![Operand::new(c.0, &c.1), Operand::new(s.0, &s.1)],
                iv,
                straight,
            );
            if verdict == Verdict::Consistent {
                continue;
            }
            let shown = straight.round_half_up(a.0.decimals.max(2)).normalize();
            out.push(finding(
                "amount.product",
                Severity::Warning,
                format!(
                    "{label} {} stated {} but {} {} × {} {} = {shown}{} (the other rows hold so)",
                    amounts.header,
                    a.0.value,
                    counts.header,
                    c.0.value,
                    p.header,
                    s.0.value,
                    rounding_note(verdict)
                ),
                a.0.value,
                Some(shown),
                None,
                &a.1,
                label,
            ));
        }
    }
    out
}
