//! Checks on budget tables (the 项目资金 / 年度预算执行情况 block of the
//! self-evaluation forms, 预算执行情况表 in reports): each row's 执行率, the
//! score it drives, and the breakdowns that must add up to the total.

use jixiao_model::doc::heading_rank;
use jixiao_model::facts::{all_of, names_an_adjustment_rate};
use jixiao_model::{BudgetRow, Decimal, Fact, Finding, LineItem, LineTotal, Severity, Source};

use crate::context::{finding, rounding_note, severity_of, small_shortfall, Context, Operand};
use crate::interval::{judge, HalfUp, Interval, Verdict};

const FIELDS: [&str; 6] = [
    "initial",
    "adjusted",
    "executed",
    "available",
    "adjustment",
    "earlier_year",
];

/// A row's printed value in a column, as an operand.
fn cell(row: &BudgetRow, col: usize) -> Option<Operand> {
    let value = row.printed[col]?;
    Some(Operand::value(value, row.source_of(FIELDS[col])))
}

const COLUMNS: [&str; 6] = [
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "实际到位数",
    "调整数",
    "往年数",
];

/// A column's name in a row's findings: an earlier year's by its header.
fn column_name(row: &BudgetRow, col: usize) -> &str {
    match col {
        5 if !row.earlier_column.is_empty() => &row.earlier_column,
        _ => COLUMNS[col],
    }
}

fn hundred() -> Decimal {
    Decimal::ONE_HUNDRED
}

/// 全年预算数 = 年初预算数 + 年中增减, row by row, where a table prints its
/// adjustment column (`年初预算 | 年中增减 | 全年预算`).
pub fn row_adjustments(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for row in &ctx.report().budget_rows {
        let (Some(initial), Some(change), Some(adjusted)) =
            (row.printed[0], row.printed[4], row.printed[1])
        else {
            continue;
        };
        let iv = Interval::of(initial).add(Interval::of(change));
        let Some(straight) = initial.checked_add(change) else {
            continue;
        };
        let verdict = ctx.judge(
            "adjustment.mismatch",
            format!("{} {initial} + ({change}) = {adjusted}", row.label),
            Operand::value(adjusted, row.source_of("adjusted")),
            [cell(row, 0), cell(row, 4)].into_iter().flatten().collect(),
            iv,
            straight,
        );
        if let Some(sev) = severity_of(verdict) {
            out.push(finding(
                "adjustment.mismatch",
                sev,
                format!(
                    "{} 全年预算数 stated {adjusted}{unit} but 年初预算数 {initial} + 调整数 ({change}) = {straight}{unit}{}",
                    row.label,
                    rounding_note(verdict),
                    unit = row.printed_unit
                ),
                adjusted,
                Some(straight),
                Some(row.printed_unit.as_str()),
                row.source_of("adjusted"),
                &row.label,
            ));
        }
    }
    out
}

/// 执行率 = 全年执行数 / 全年预算数, row by row.
pub fn row_rates(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for row in &ctx.report().budget_rows {
        // A table of 年初预算数 alone has its rate over that.
        let (planned_column, planned) = match (row.printed[1], row.printed[0]) {
            (Some(p), _) => (1, Some(p)),
            (None, p) => (0, p),
        };
        let (Some(rate), Some(executed), Some(planned)) =
            (row.execution_rate_pct, row.printed[2], planned)
        else {
            continue;
        };
        // Over the budget, or over the funds received where the table prints
        // them too (a 支出率 beside 到位数): whichever gives it.
        let holds_over = |den: Decimal| {
            let iv = Interval::of(executed)
                .div(Interval::of(den))?
                .scale(hundred());
            let straight = executed.checked_div(den)? * hundred();
            Some(judge(rate, rate.scale(), iv, straight) == Verdict::Consistent)
        };
        let received = row.printed[3].filter(|r| !r.is_zero() && *r != planned);
        let (budget, column) = match received {
            Some(r) if holds_over(planned) == Some(false) && holds_over(r) == Some(true) => (r, 3),
            _ => (planned, planned_column),
        };
        out.extend(judge_row_rate(
            ctx,
            (&row.label, "执行率"),
            (rate, row.source_of("execution_rate_pct")),
            RowFigure::printed("全年执行数", executed, cell(row, 2)),
            RowFigure::printed(COLUMNS[column], budget, cell(row, column)),
        ));
    }
    // A 到位率 column: the funds received over the plan.
    for row in &ctx.report().budget_rows {
        let planned_column = if row.printed[1].is_some() { 1 } else { 0 };
        let (Some(rate), Some(received), Some(planned)) = (
            row.received_rate_pct,
            row.printed[3],
            row.printed[planned_column],
        ) else {
            continue;
        };
        out.extend(judge_row_rate(
            ctx,
            (&row.label, "到位率"),
            (rate, row.source_of("received_rate_pct")),
            RowFigure::printed(COLUMNS[3], received, cell(row, 3)),
            RowFigure::printed(COLUMNS[planned_column], planned, cell(row, planned_column)),
        ));
    }
    out
}

/// One operand of a row's rate: its column's name, the figure, the interval
/// it stands for (as printed, or exact where it is given, not measured) and
/// its cell.
pub(crate) struct RowFigure<'a> {
    pub name: &'a str,
    pub value: Decimal,
    pub interval: Interval,
    pub cell: Option<Operand>,
}

impl<'a> RowFigure<'a> {
    /// A measured figure: anything its printed digits round from.
    pub fn printed(name: &'a str, value: Decimal, cell: Option<Operand>) -> Self {
        RowFigure {
            name,
            value,
            interval: Interval::of(value),
            cell,
        }
    }
}

/// A table row's printed rate against one figure of the row over another,
/// judged and recorded; the finding names the row and each figure by its
/// column.
pub(crate) fn judge_row_rate(
    ctx: &Context,
    (label, rate_name): (&str, &str),
    (rate, rate_at): (Decimal, &Source),
    part: RowFigure,
    whole: RowFigure,
) -> Option<Finding> {
    let (executed, budget) = (part.value, whole.value);
    let (spent_name, budget_name) = (part.name, whole.name);
    let iv = part.interval.div(whole.interval)?.scale(hundred());
    let straight = executed.checked_div(budget)? * hundred();
    let verdict = ctx.judge(
        "rate.mismatch",
        // (An 执行率 is the row's rate by default; another says its name.)
        match rate_name {
            "执行率" => format!("{label} {executed} / {budget} = {rate}%"),
            _ => format!("{label} {rate_name} {executed} / {budget} = {rate}%"),
        },
        Operand::value(rate, rate_at),
        [part.cell, whole.cell].into_iter().flatten().collect(),
        iv,
        straight,
    );
    // (A rate cut short where the excerpt ends says nothing.)
    let sev = severity_of(verdict).filter(|_| !ctx.may_be_cut(rate_at))?;
    let shown = straight.round_half_up(rate.scale().max(2));
    Some(finding(
        "rate.mismatch",
        sev,
        format!(
            "{label} {rate_name} stated {rate}% but {spent_name} {executed} / {budget_name} {budget} = {shown}%{}",
            rounding_note(verdict)
        ),
        rate,
        Some(shown),
        Some("%"),
        rate_at,
        label,
    ))
}

/// A per-project table's 执行率 column: each row's 执行数 over its 预算数
/// (`| 专项A | 200.00 | 190.00 | 95% |`).
pub fn line_item_rates(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for item in &ctx.report().line_items {
        let (Some(rate), [Some((budget, budget_at)), Some((executed, executed_at))]) =
            (item.execution_rate_pct, &item.printed)
        else {
            continue;
        };
        let name = item.name.as_deref().unwrap_or_default();
        out.extend(judge_row_rate(
            ctx,
            (name, "执行率"),
            (rate, item.rate_source.as_ref().unwrap_or(&item.source)),
            RowFigure::printed(
                "执行数",
                *executed,
                Some(Operand::value(*executed, executed_at)),
            ),
            RowFigure::printed("预算数", *budget, Some(Operand::value(*budget, budget_at))),
        ));
    }
    // The 合计 row's rate is its totals' ratio as well.
    for total in &ctx.report().line_totals {
        let (Some((rate, rate_at)), [Some((budget, budget_at)), Some((executed, executed_at))]) =
            (&total.rate, &total.printed)
        else {
            continue;
        };
        out.extend(judge_row_rate(
            ctx,
            (&total.label, "执行率"),
            (*rate, rate_at),
            RowFigure::printed(
                "执行数",
                *executed,
                Some(Operand::value(*executed, executed_at)),
            ),
            RowFigure::printed("预算数", *budget, Some(Operand::value(*budget, budget_at))),
        ));
    }
    out
}

/// A table's 结余 / 增减额 column: the difference of each row's budget and
/// spending (per-project rows, their 合计, a budget table's rows), read by
/// size, as tables sign it either way; with `rates`, its 结余率 / 增减率
/// column: that difference over the budget.
pub fn table_differences<'a>(ctx: &'a Context, rates: bool) -> Vec<Finding> {
    let report = ctx.report();
    let pair = |[budget, executed]: &[Option<(Decimal, Source)>; 2]| {
        Some((budget.clone()?, executed.clone()?))
    };
    // A per-project table's rows and totals (the year tables' too, their
    // change over the earlier year), with their columns' names.
    let table_rows = |items: &'a [LineItem], totals: &'a [LineTotal], names: [&'a str; 2]| {
        let unit_of = move |row: usize| {
            totals
                .iter()
                .find(|t| (t.rows.0..t.rows.1).contains(&row))
                .map_or("", |t| t.printed_unit.as_str())
        };
        items
            .iter()
            .enumerate()
            .map(move |(i, r)| {
                let name = r.name.as_deref().unwrap_or_default();
                (name, pair(&r.printed), &r.derived, unit_of(i), names)
            })
            .chain(totals.iter().map(move |t| {
                let unit = t.printed_unit.as_str();
                (t.label.as_str(), pair(&t.printed), &t.derived, unit, names)
            }))
    };
    const PLAN_AND_SPENDING: [&str; 2] = ["预算数", "执行数"];
    let rows = table_rows(&report.line_items, &report.line_totals, PLAN_AND_SPENDING)
        .chain(report.year_tables.iter().flat_map(|t| {
            let names = [t.columns[0].as_str(), t.columns[1].as_str()];
            table_rows(&t.rows, &t.totals, names)
        }))
        .chain(report.budget_rows.iter().map(|r| {
            // Over the full year's budget (extraction reads no 结余 over a 年初 one).
            let planned = r.printed[1].map(|p| (p, r.source_of("adjusted").clone()));
            let executed = r.printed[2].map(|e| (e, r.source_of("executed").clone()));
            let unit = r.printed_unit.as_str();
            (
                r.label.as_str(),
                planned.zip(executed),
                &r.derived,
                unit,
                PLAN_AND_SPENDING,
            )
        }));
    let mut out = Vec::new();
    for (label, amounts, derived, unit, [base_name, other_name]) in rows {
        let Some(((budget, budget_at), (executed, executed_at))) = &amounts else {
            continue;
        };
        let Some(straight) = budget.checked_sub(*executed).map(|d| d.abs()) else {
            continue;
        };
        let difference = Interval::of(*budget).sub(Interval::of(*executed)).abs();
        let terms = || {
            vec![
                Operand::value(*budget, budget_at),
                Operand::value(*executed, executed_at),
            ]
        };
        // (An adjustment's rate is over the 年初 budget: `adjustment_rate_cells`.)
        for cell in derived
            .iter()
            .filter(|c| c.rate == rates && !names_an_adjustment_rate(&c.header))
        {
            let stated = cell.value.abs();
            let (rule, iv, straight, unit, relation) = if rates {
                let (Some(iv), Some(rate)) = (
                    difference.div(Interval::of(*budget)),
                    straight.checked_div(*budget),
                ) else {
                    continue;
                };
                (
                    "rate.mismatch",
                    iv.scale(hundred()),
                    rate * hundred(),
                    "%",
                    format!(
                        "{label} {} |{budget} − {executed}| / {budget} = {stated}%",
                        cell.header
                    ),
                )
            } else {
                (
                    "balance.mismatch",
                    difference,
                    straight,
                    unit,
                    format!("{label} {} |{budget} − {executed}| = {stated}", cell.header),
                )
            };
            let verdict = ctx.judge(
                rule,
                relation,
                Operand::value(stated, &cell.source),
                terms(),
                iv,
                straight,
            );
            // (A cell cut short where the excerpt ends says nothing.)
            let Some(sev) = severity_of(verdict).filter(|_| !ctx.may_be_cut(&cell.source)) else {
                continue;
            };
            let shown = straight.round_half_up(cell.value.scale().max(2));
            let over = if rates {
                format!(" / {base_name}")
            } else {
                String::new()
            };
            out.push(finding(
                rule,
                sev,
                format!(
                    "{label} {} stated {}{unit} but |{base_name} {budget} − {other_name} {executed}|{over} = {shown}{unit}{}",
                    cell.header,
                    cell.value,
                    rounding_note(verdict)
                ),
                cell.value,
                Some(shown),
                Some(unit).filter(|u| !u.is_empty()),
                &cell.source,
                label,
            ));
        }
    }
    out
}

/// A budget table's 调整率 column (`年初预算数 | 调整后预算数 | 调整率`): the
/// change from each row's 年初 budget to its adjusted one, over the 年初, read
/// by size as a cut may be printed either way.
pub fn adjustment_rate_cells(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for row in &ctx.report().budget_rows {
        let (Some(initial), Some(adjusted)) = (row.printed[0], row.printed[1]) else {
            continue;
        };
        let (Some(straight), Some(iv)) = (
            adjusted
                .checked_sub(initial)
                .and_then(|d| d.abs().checked_div(initial))
                .and_then(|r| r.checked_mul(hundred())),
            Interval::of(adjusted)
                .sub(Interval::of(initial))
                .abs()
                .div(Interval::of(initial))
                .map(|iv| iv.scale(hundred())),
        ) else {
            continue;
        };
        let adjustment_rates = row
            .derived
            .iter()
            .filter(|c| c.rate && names_an_adjustment_rate(&c.header));
        for cell in adjustment_rates {
            let stated = cell.value.abs();
            let verdict = ctx.judge(
                "rate.mismatch",
                format!(
                    "{} {} |{adjusted} − {initial}| / {initial} = {stated}%",
                    row.label, cell.header
                ),
                Operand::value(stated, &cell.source),
                vec![
                    Operand::value(initial, row.source_of("initial")),
                    Operand::value(adjusted, row.source_of("adjusted")),
                ],
                iv,
                straight,
            );
            let Some(sev) = severity_of(verdict).filter(|_| !ctx.may_be_cut(&cell.source)) else {
                continue;
            };
            let shown = straight.round_half_up(cell.value.scale().max(2));
            out.push(finding(
                "rate.mismatch",
                sev,
                format!(
                    "{} {} stated {}% but |调整后预算 {adjusted} − 年初预算 {initial}| / {initial} = {shown}%{}",
                    row.label,
                    cell.header,
                    cell.value,
                    rounding_note(verdict)
                ),
                cell.value,
                Some(shown),
                Some("%"),
                &cell.source,
                &row.label,
            ));
        }
    }
    out
}

/// A row's amount as its standard × count (× months for a monthly standard),
/// where the table prints them (`发放标准（元/人/月） | 发放人数 | 发放月数 |
/// 发放金额`): given figures, exact; the amount within its printed rounding.
pub fn row_products(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for item in &ctx.report().line_items {
        let (Some(p), Some((amount, amount_at))) = (&item.product, &item.printed[0]) else {
            continue;
        };
        let months = p.months.as_ref().map_or(Decimal::ONE, |(m, _)| *m);
        let Some(straight) = p
            .standard
            .0
            .checked_mul(p.count.0)
            .and_then(|v| v.checked_mul(months))
            .and_then(|v| v.checked_mul(p.standard_unit.factor()))
            .and_then(|v| v.checked_div(p.amount_unit.factor()))
        else {
            continue;
        };
        let name = item.name.as_deref().unwrap_or_default();
        let times = p
            .months
            .as_ref()
            .map_or(String::new(), |(m, _)| format!(" × {m}"));
        let mut inputs = vec![
            Operand::value(p.standard.0, &p.standard.1),
            Operand::value(p.count.0, &p.count.1),
        ];
        inputs.extend(p.months.as_ref().map(|(m, at)| Operand::value(*m, at)));
        let verdict = ctx.judge(
            "amount.product",
            format!("{name} {} × {}{times} = {amount}", p.standard.0, p.count.0),
            Operand::value(*amount, amount_at),
            inputs,
            Interval::exact(straight),
            straight,
        );
        let Some(sev) = severity_of(verdict) else {
            continue;
        };
        let unit = p.amount_unit.label();
        out.push(finding(
            "amount.product",
            sev,
            format!(
                "{name} stated {amount}{unit} but its standard {}{} × {}{times} = {}{unit}{}",
                p.standard.0,
                p.standard_unit.label(),
                p.count.0,
                straight.normalize(),
                rounding_note(verdict)
            ),
            *amount,
            Some(straight.normalize()),
            Some(unit),
            amount_at,
            name,
        ));
    }
    out
}

/// A per-project table's 占比 column: each row's amount over its 合计, in the
/// column (预算数 or 执行数) that at least two rows' shares agree on; a table
/// whose shares fit neither is over something else, and nothing is judged.
pub fn line_item_shares(ctx: &Context) -> Vec<Finding> {
    let report = ctx.report();
    let mut out = Vec::new();
    for total in &report.line_totals {
        let Some(rows) = report.line_items.get(total.rows.0..total.rows.1) else {
            continue;
        };
        let shared: Vec<&jixiao_model::LineItem> =
            rows.iter().filter(|r| r.share_pct.is_some()).collect();
        // The share of one row in one column: (verdict, interval, straight).
        let reading = |r: &jixiao_model::LineItem, col: usize| {
            let share = r.share_pct?;
            let (value, _) = r.printed[col].as_ref()?;
            let (whole, _) = total.printed[col].as_ref()?;
            let iv = Interval::of(*value)
                .div(Interval::of(*whole))?
                .scale(hundred());
            let straight = value.checked_div(*whole)? * hundred();
            Some((judge(share, share.scale(), iv, straight), iv, straight))
        };
        let support = |col: usize| {
            shared
                .iter()
                .filter(|r| reading(r, col).is_some_and(|(v, ..)| v == Verdict::Consistent))
                .count()
        };
        let Some(col) = (0..2)
            .filter(|&c| support(c) >= 2)
            .max_by_key(|&c| support(c))
        else {
            continue;
        };
        let (column, total_name) = [("预算数", "预算数合计"), ("执行数", "执行数合计")][col];
        for r in &shared {
            let (Some(share), Some((value, value_at)), Some((whole, whole_at))) = (
                r.share_pct,
                r.printed[col].as_ref(),
                total.printed[col].as_ref(),
            ) else {
                continue;
            };
            out.extend(judge_row_rate(
                ctx,
                (r.name.as_deref().unwrap_or_default(), "占比"),
                (share, r.share_source.as_ref().unwrap_or(&r.source)),
                RowFigure::printed(column, *value, Some(Operand::value(*value, value_at))),
                RowFigure::printed(total_name, *whole, Some(Operand::value(*whole, whole_at))),
            ));
        }
    }
    out
}

/// `预算执行率为92.01%` in prose, the report's amounts printed only in a
/// table's total row (`合计 | 1200.00 | 1150.00 | 1104.10`): the rate is that
/// row's spending over its budget, its funds received or its 年初预算,
/// whichever gives it; wrong only where none does.
pub(crate) fn rate_over_total_row(ctx: &Context, rate: &Fact) -> Option<Finding> {
    let b = &ctx.report().budget;
    let row = ctx.report().budget_rows.iter().find(|r| {
        r.is_total && r.scope.is_report() && r.executed.is_some() && r.executed == b.executed
    })?;
    let spent = row.printed[2]?;
    // Over its own row's budget, or (a form's blocks each in its own table:
    // `年度资金总额：合计 856.00`, `实际支出：合计 829.40`) over the total row
    // of another that carries the report's budget.
    let others = budget_total_rows(ctx).filter(|r| !std::ptr::eq(*r, row));
    let spending = Spending {
        value: spent,
        at: cell(row, 2)?,
        name: row.label.clone(),
        words: format!("the table's {} {}", row.label, COLUMNS[2]),
    };
    rate_over_rows(ctx, rate, spending, std::iter::once(row).chain(others))
}

/// `实际支出400.30万元，预算执行率98.82%` in prose, the report's budget printed
/// only in a table's total row (a form's `计划安排资金` / `实际到位资金` block):
/// the rate is the spending over that row's budget or funds received,
/// printed in the same unit. `None` where no such row is.
pub(crate) fn spending_over_total_rows(ctx: &Context, rate: &Fact, num: &Fact) -> Option<Finding> {
    let unit = num.unit.label();
    let rows: Vec<&BudgetRow> = budget_total_rows(ctx)
        .filter(|r| r.printed_unit == unit)
        .collect();
    if rows.is_empty() {
        return None;
    }
    // (At its printed decimals: the interval is as wide as its printing.)
    let mut value = num.number.value;
    value.rescale(num.number.decimals);
    let spending = Spending {
        value,
        at: Operand::of(num),
        name: num.label.clone(),
        words: num.label.clone(),
    };
    rate_over_rows(ctx, rate, spending, rows.into_iter())
}

/// The total rows of the report's own table that carry its budget or its
/// funds received, spending none.
fn budget_total_rows<'c>(ctx: &Context<'c>) -> impl Iterator<Item = &'c BudgetRow> {
    let b = &ctx.report().budget;
    ctx.report().budget_rows.iter().filter(move |r| {
        r.is_total
            && r.scope.is_report()
            && r.executed.is_none()
            && (r.adjusted.is_some() && r.adjusted == b.adjusted
                || r.available.is_some() && r.available == b.available)
    })
}

/// The spending a rate is of: its value as printed, its operand, its name
/// in the relation and the words a finding says it with.
struct Spending {
    value: Decimal,
    at: Operand,
    name: String,
    words: String,
}

/// `rate` judged as `spending` over each row's budget, funds received or
/// 年初预算, whichever gives it.
fn rate_over_rows<'r>(
    ctx: &Context,
    rate: &Fact,
    spending: Spending,
    rows: impl Iterator<Item = &'r BudgetRow>,
) -> Option<Finding> {
    let spent = spending.value;
    let readings: Vec<(Verdict, Interval, Decimal, &BudgetRow, usize)> = rows
        .flat_map(|r| [1, 3, 0].into_iter().map(move |col| (r, col)))
        .filter_map(|(r, col)| {
            let budget = r.printed[col].filter(|v| !v.is_zero())?;
            let iv = Interval::of(spent)
                .div(Interval::of(budget))?
                .scale(hundred());
            let straight = spent.checked_div(budget)?.checked_mul(hundred())?;
            let verdict = judge(rate.number.value, rate.number.decimals, iv, straight);
            Some((verdict, iv, straight, r, col))
        })
        .collect();
    let &(_, iv, straight, over, col) = crate::interval::best_reading(&readings, |r| r.0)?;
    let budget = over.printed[col]?;
    crate::context::judge_rate(
        ctx,
        format!(
            "{} {spent} / {budget} = {}%",
            spending.name, rate.number.value
        ),
        rate,
        vec![spending.at, cell(over, col)?],
        (iv, straight),
        |shown| {
            format!(
                "{} stated {}% but {} {spent} / {} {budget} = {shown}%",
                rate.label, rate.number.value, spending.words, COLUMNS[col],
            )
        },
    )
}

/// Full marks times a rate capped at 100 %: the interval the printed rate
/// allows, and the straight product.
pub(crate) fn weight_times_rate(weight: Decimal, rate: Decimal) -> (Interval, Decimal) {
    let capped = Interval::of(rate).scale(Decimal::ONE / hundred());
    let capped = Interval {
        lo: capped.lo.min(Decimal::ONE),
        hi: capped.hi.min(Decimal::ONE),
    };
    (
        capped.mul(Interval::exact(weight)),
        weight * (rate / hundred()).min(Decimal::ONE),
    )
}

/// The budget-execution score: 得分 = 分值 × min(执行率, 100%), from the rate
/// as printed (a wrong rate is `rate.mismatch`'s finding, not this one's).
/// Forms also score the rate by bands or by deductions (`9` at 99%), so a
/// score off the product is an error only where the report says it is the
/// product; elsewhere a warning.
pub fn rate_driven_scores(ctx: &Context) -> Vec<Finding> {
    let rule_stated = !ctx.report().stated.score_by_rate.is_empty();
    let mut out = prose_rate_scores(ctx, rule_stated);
    out.extend(crate::scores::completion_rate_scores(ctx));
    out.extend(crate::scores::execution_rate_row_scores(ctx));
    for row in &ctx.report().budget_rows {
        let (Some(weight), Some(score), Some(rate)) =
            (row.weight, row.score, row.execution_rate_pct)
        else {
            continue;
        };
        let (iv, straight) = weight_times_rate(weight, rate);
        let verdict = ctx.judge(
            "score.rate",
            format!("{} {weight} × {rate}% = {score}", row.label),
            Operand::value(score, row.source_of("score")),
            vec![Operand::value(rate, row.source_of("execution_rate_pct"))],
            iv,
            straight,
        );
        if let Some(sev) = severity_of(verdict) {
            let shown = straight.round_half_up(score.scale().max(2));
            let (sev, unsaid) = if rule_stated {
                (sev, "")
            } else {
                (
                    Severity::Warning,
                    " (the report does not say its score is the rate times the full marks)",
                )
            };
            out.push(finding(
                "score.rate",
                sev,
                format!(
                    "{} 得分 stated {score} but 分值 {weight} × 执行率 {rate}% = {shown}{}{unsaid}",
                    row.label,
                    rounding_note(verdict)
                ),
                score,
                Some(shown),
                Some("分"),
                row.source_of("score"),
                &row.label,
            ));
        }
    }
    out
}

/// `预算执行率为96.50%，…该指标分值10分，得分9.65分` in a report that says its
/// score is the rate times the full marks (`按“执行率×分值”计算`): one rate,
/// one full marks and one score in a sentence, the score their product. (Where
/// the report does not say so, a score in prose may come from bands or
/// deductions: nothing is judged.)
fn prose_rate_scores(ctx: &Context, rule_stated: bool) -> Vec<Finding> {
    // (An execution rate only: a report that scores it so may score a
    // 完成率 by whether it met its target.)
    const RATES: &[&str] = &["执行率"];
    const FULL_MARKS: &[&str] = &["分值", "权重", "满分"];
    let mut out = Vec::new();
    if !rule_stated {
        return out;
    }
    for para in ctx.paragraphs() {
        // The rate the sentence before stated alone (`执行率为99.82%。指标满分5分，
        // 实际得4.99分。`).
        let mut rate_before: Option<&Fact> = None;
        for sentence in crate::context::by_sentence(para) {
            let level = |f: &&&Fact| f.kind == jixiao_model::FactKind::Level && !f.approximate;
            let of_unit = |unit: jixiao_model::FactUnit| {
                sentence
                    .iter()
                    .filter(level)
                    .filter(move |f| f.unit == unit)
            };
            let rates: Vec<&&Fact> = of_unit(jixiao_model::FactUnit::Percent)
                .filter(|f| RATES.iter().any(|r| f.label.trim_end().ends_with(r)))
                .collect();
            let points: Vec<&&Fact> = of_unit(jixiao_model::FactUnit::Points).collect();
            let weights: Vec<&&&Fact> = points
                .iter()
                .filter(|f| FULL_MARKS.iter().any(|w| f.label.contains(w)))
                .collect();
            let scores: Vec<&&&Fact> = points
                .iter()
                .filter(|f| f.label.contains('得') && !f.label.contains('扣'))
                .filter(|f| !FULL_MARKS.iter().any(|w| f.label.contains(w)))
                .collect();
            let alone = match (rates.as_slice(), points.len()) {
                ([rate], 0) => Some(**rate),
                _ => None,
            };
            let earlier = std::mem::replace(&mut rate_before, alone);
            let rate = match rates.as_slice() {
                [rate] => **rate,
                [] => match earlier {
                    Some(rate) => rate,
                    None => continue,
                },
                _ => continue,
            };
            let ([weight], [score], 2) = (weights.as_slice(), scores.as_slice(), points.len())
            else {
                continue;
            };
            let weight = weight.number.value;
            if weight.is_zero() {
                continue;
            }
            let (iv, straight) = weight_times_rate(weight, rate.number.value);
            let verdict = ctx.judge(
                "score.rate",
                format!("{weight} × {}% = {}", rate.number.value, score.number.value),
                Operand::of(score),
                vec![Operand::of(rate)],
                iv,
                straight,
            );
            if let Some(sev) = severity_of(verdict) {
                let shown = straight.round_half_up(score.number.value.scale().max(2));
                out.push(finding(
                    "score.rate",
                    sev,
                    format!(
                        "{} stated {}分 but 分值 {weight} × {} {}% = {shown}, as the report scores it{}",
                        score.label.trim(),
                        score.number.value,
                        rate.label.trim(),
                        rate.number.value,
                        rounding_note(verdict)
                    ),
                    score.number.value,
                    Some(shown),
                    Some("分"),
                    &score.source,
                    &score.sentence,
                ));
            }
        }
    }
    out
}

/// A row's funds by source printed across (`中央 | 省级 | 本级 | 合计`) add up
/// to its budget, the 合计 after them.
pub fn sources_across(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for row in &ctx.report().budget_rows {
        let (Some(whole), [_, _, ..]) = (cell(row, 1), row.by_source.as_slice()) else {
            continue;
        };
        let iv = row
            .by_source
            .iter()
            .fold(Interval::exact(Decimal::ZERO), |iv, c| {
                iv.add(Interval::of(c.value))
            });
        let straight: Decimal = row.by_source.iter().map(|c| c.value).sum();
        let names: Vec<String> = row
            .by_source
            .iter()
            .map(|c| format!("{} {}", c.header, c.value))
            .collect();
        let stated = whole.number.value;
        let verdict = ctx.judge(
            "parts.sum",
            format!(
                "{} {} = {} sources across",
                row.label,
                COLUMNS[1],
                names.len()
            ),
            whole,
            row.by_source
                .iter()
                .map(|c| Operand::value(c.value, &c.source))
                .collect(),
            iv,
            straight,
        );
        let Some(sev) = severity_of(verdict) else {
            continue;
        };
        out.push(finding(
            "parts.sum",
            sev,
            format!(
                "{} {} stated {stated}{} but its funds by source add up to {} = {straight}{}{}",
                row.label,
                COLUMNS[1],
                row.printed_unit,
                names.join(" + "),
                row.printed_unit,
                rounding_note(verdict)
            ),
            stated,
            Some(straight),
            Some(row.printed_unit.as_str()),
            row.source_of(FIELDS[1]),
            &row.label,
        ));
    }
    out
}

/// The breakdowns of a budget table add up to its total, column by column.
///
/// Which rows form one breakdown is read from the table where it says so
/// (按收入性质分 / 按支出性质分, 其中); otherwise the split of the part rows
/// into consecutive runs that the most columns agree add up to the total is
/// taken. A column that disagrees with that split is the finding. When no
/// split works in any column the rows may list only some parts (其中 does not
/// promise all), so only parts exceeding the total are reported.
pub fn breakdowns(ctx: &Context) -> Vec<Finding> {
    let rows = &ctx.report().budget_rows;
    let sections = sections(rows);
    // Rows numbered under a row of no number are that row's, not a total's.
    let in_a_section: std::collections::HashSet<usize> = sections
        .iter()
        .flat_map(|(_, m)| m.iter().copied())
        .collect();
    let mut out = Vec::new();
    // Rows a total's block or a section takes (judged there).
    let mut taken: std::collections::HashSet<usize> = sections
        .iter()
        .flat_map(|(parent, m)| std::iter::once(*parent).chain(m.iter().copied()))
        .collect();
    let mut i = 0;
    while i < rows.len() {
        if !rows[i].is_total {
            i += 1;
            continue;
        }
        let block = rows[i + 1..].iter().take_while(|r| !r.is_total).count();
        taken.extend(i..=i + block);
        let all: Vec<&BudgetRow> = (i + 1..i + 1 + block)
            .filter(|k| !in_a_section.contains(k))
            .map(|k| &rows[k])
            .collect();
        // Rows a dump printed short, placed where the breakdowns fit best.
        let placed = match all.iter().any(|r| !r.placements.is_empty()) {
            true => best_placed(&rows[i], &all, &fits_a_split),
            false => None,
        };
        if placed.is_none() && all.iter().any(|r| !r.placements.is_empty()) {
            i += 1 + block;
            continue;
        }
        let (total, all): (&BudgetRow, Vec<&BudgetRow>) = match &placed {
            Some(p) => (&p[0], p[1..].iter().collect()),
            None => (&rows[i], all),
        };
        let Some((parts, nested)) = top_rows(total, &all) else {
            // Rows under rows whose extent no column confirms: no breakdown is sure.
            i += 1 + block;
            continue;
        };
        if let Some((parent, under)) = nested {
            out.extend(rows_under(ctx, parent, &under));
        }
        if parts.len() < 2 {
            out.extend(bottom_total(ctx, &rows[..i], total, &in_a_section));
        }
        if let [part] = parts.as_slice() {
            out.extend(one_part(ctx, total, part));
        }
        i += 1 + block;
        if parts.len() < 2 || parts.len() > 12 {
            continue;
        }
        let Some((split, support)) = best_split(total, &parts) else {
            continue;
        };
        out.extend(judge_split(ctx, total, &parts, &split, support));
    }
    // A row of no total's nor section's with a 其中 run right under it
    // (`公用经费`, `其中：办公经费`, `水费、电费、差旅费`, `会议费、培训费`): the run is
    // some of it.
    let in_run = |k: usize| rows[k].group.as_deref() == Some("其中") && !taken.contains(&k);
    for (k, parent) in rows.iter().enumerate() {
        if parent.is_total || taken.contains(&k) || in_run(k) {
            continue;
        }
        let run: Vec<&BudgetRow> = (k + 1..rows.len())
            .take_while(|&j| in_run(j))
            .map(|j| &rows[j])
            .collect();
        if run.len() >= 2 && run.iter().all(|r| r.placements.is_empty()) {
            for (parent, under) in runs_under(parent, &run) {
                out.extend(rows_under(ctx, parent, &under));
            }
        }
    }
    for (parent, members) in sections {
        let members: Vec<&BudgetRow> = members.iter().map(|&k| &rows[k]).collect();
        let Some(placed) = best_placed(&rows[parent], &members, &fit) else {
            continue;
        };
        let Some((parent, members)) = placed.split_first() else {
            continue;
        };
        let members: Vec<&BudgetRow> = members.iter().collect();
        let Some((parts, nested)) = top_rows(parent, &members) else {
            continue;
        };
        // A run whose rows were placed by guess is unsure twice over (its
        // extent and its columns both chosen by the sums): it is judged in no
        // column, only set apart from the row's parts.
        if let Some((row, under)) =
            nested.filter(|(_, under)| under.iter().all(|r| r.placements.is_empty()))
        {
            out.extend(rows_under(ctx, row, &under));
        }
        if parts.len() >= 2 {
            let split = [(0, parts.len())];
            let support = split_support(parent, &parts, &split);
            out.extend(judge_split(ctx, parent, &parts, &split, support));
        }
    }
    out
}

/// The rows numbered from 1 right under a row of no number (a template's
/// `三公经费`, then `1、公务用车购置和维护经费`, `其中：公车购置`, `公车运行维护`,
/// `3、公务接待`), each with the 其中 run under it, up to the first row that is
/// neither: the parts of that row, as a total's rows are of it. A row of no
/// figures is not read, so the numbers may skip (`2、出国经费` left blank).
fn sections(rows: &[BudgetRow]) -> Vec<(usize, Vec<usize>)> {
    use jixiao_model::doc::{enumerator_ordinal, starts_with_enumerator};
    let in_run = |r: &BudgetRow| r.group.as_deref() == Some("其中");
    let mut out = Vec::new();
    for (i, parent) in rows.iter().enumerate() {
        if parent.is_total || starts_with_enumerator(&parent.label) {
            continue;
        }
        let Some((depth, 1)) = rows
            .get(i + 1)
            .filter(|r| !r.is_total && !in_run(r))
            .and_then(|r| enumerator_ordinal(&r.label))
        else {
            continue;
        };
        let mut members = Vec::new();
        let mut last = 0;
        for (k, row) in rows.iter().enumerate().skip(i + 1) {
            match enumerator_ordinal(&row.label) {
                _ if row.is_total => break,
                Some((d, n)) if d == depth && n > last && !in_run(row) => last = n,
                None if in_run(row) && last > 0 => {}
                _ => break,
            }
            members.push(k);
        }
        out.push((i, members));
    }
    out
}

/// Whether one of `rows` prints its figure in `col` as the document's last
/// figure: an excerpt that ends there may have cut it short (`10.35` → `1`,
/// `45` → `4`), so a shortfall is no finding.
fn cut_off(ctx: &Context, rows: &[&BudgetRow], col: usize) -> bool {
    rows.iter()
        .any(|r| r.printed[col].is_some() && ctx.may_be_cut(r.source_of(FIELDS[col])))
}

/// A row and its parts (a section's) with each row a text dump printed short
/// placed where the sums fit best: the most columns adding up (the rows to
/// the row, a 其中 run to the row it is under), then the fewest failing, then
/// the reader's own placement. A failure left is one no placement avoids.
/// `None` where too many rows are unsure to try every placement.
fn best_placed(
    parent: &BudgetRow,
    members: &[&BudgetRow],
    fit: &dyn Fn(&[BudgetRow]) -> (usize, usize),
) -> Option<Vec<BudgetRow>> {
    let rows: Vec<&BudgetRow> = std::iter::once(parent)
        .chain(members.iter().copied())
        .collect();
    let choices: Vec<Vec<[Option<Decimal>; 6]>> = rows
        .iter()
        .map(|r| match r.placements.is_empty() {
            true => vec![r.printed],
            false => r.placements.clone(),
        })
        .collect();
    let combinations = choices
        .iter()
        .try_fold(1usize, |n, c| n.checked_mul(c.len()))?;
    if combinations > 512 {
        return None;
    }
    let mut best: Option<((usize, usize, usize, usize), Vec<BudgetRow>)> = None;
    for mut k in 0..combinations {
        let mut placed = Vec::with_capacity(rows.len());
        let mut moved = 0;
        for (row, options) in rows.iter().zip(&choices) {
            let printed = options[k % options.len()];
            k /= options.len();
            moved += usize::from(printed != row.printed);
            placed.push(BudgetRow {
                printed,
                ..(*row).clone()
            });
        }
        let (holding, failing) = fit(&placed);
        // Figures under the later columns: a row printed short more often
        // left its 年初预算数 blank than the budget beside what it spent (the
        // reader's own placement, left to right, is no better a guess).
        let later: usize = placed
            .iter()
            .flat_map(|r| r.printed.iter().enumerate())
            .filter(|(_, v)| v.is_some())
            .map(|(slot, _)| slot)
            .sum();
        // More holding, fewer failing, later, then fewer moved: the larger key.
        let key = (holding, usize::MAX - failing, later, usize::MAX - moved);
        if best.as_ref().is_none_or(|(b, _)| key > *b) {
            best = Some((key, placed));
        }
    }
    best.map(|(_, placed)| placed)
}

/// A row (`rows[0]`) and the rows it breaks down into (see [`top_rows`]).
fn head_and_top_rows(rows: &[BudgetRow]) -> Option<(&BudgetRow, TopRows<'_>)> {
    let (head, rest) = rows.split_first()?;
    let rest: Vec<&BudgetRow> = rest.iter().collect();
    Some((head, top_rows(head, &rest)?))
}

/// How many columns the best split of a total's rows (`rows[0]`'s, the rest)
/// into breakdowns holds in.
fn fits_a_split(rows: &[BudgetRow]) -> (usize, usize) {
    let Some((total, (parts, _))) = head_and_top_rows(rows) else {
        return (0, 0);
    };
    if parts.len() < 2 || parts.len() > 12 {
        return (0, 0);
    }
    (
        best_split(total, &parts).map_or(0, |(_, support)| support),
        0,
    )
}

/// How many columns hold and fail in a row (`rows[0]`) over its parts (the
/// rest) and in the 其中 run under one of them.
fn fit(rows: &[BudgetRow]) -> (usize, usize) {
    let Some((parent, (parts, nested))) = head_and_top_rows(rows) else {
        return (0, 0);
    };
    let mut pairs = vec![(parent, parts)];
    pairs.extend(nested);
    let (mut holding, mut failing) = (0, 0);
    for (whole, parts) in pairs {
        for col in 0..COLUMNS.len() {
            let (Some(w), Some((iv, straight))) = (whole.printed[col], column_sum(&parts, col))
            else {
                continue;
            };
            match judge(w, w.scale(), iv, straight) {
                Verdict::Contradiction => failing += 1,
                _ => holding += 1,
            }
        }
    }
    (holding, failing)
}

/// Each column of `total` against the sums of `parts` in each run of
/// `split`; `support` is how many columns the split holds in, which decides
/// whether a failing column is an error or only its excess is.
fn judge_split(
    ctx: &Context,
    total: &BudgetRow,
    parts: &[&BudgetRow],
    split: &[(usize, usize)],
    support: usize,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for col in 0..COLUMNS.len() {
        let name = column_name(total, col);
        let Some(whole) = total.printed[col] else {
            continue;
        };
        for segment in split {
            let members: Vec<&BudgetRow> = parts[segment.0..segment.1].to_vec();
            let Some((iv, straight)) = column_sum(&members, col) else {
                out.extend(excess_over_blanks(ctx, total, &members, col));
                continue;
            };
            let verdict = judge(whole, whole.scale(), iv, straight);
            // Rows naming every member of a split the domain defines (当年财政拨款,
            // 上年结转 and 其他资金 of 年度资金总额) are all of their total.
            let labels: Vec<&str> = members.iter().map(|r| r.label.as_str()).collect();
            let zero: Vec<bool> = members
                .iter()
                .map(|r| r.printed[col].is_some_and(|v| v.is_zero()))
                .collect();
            let complete = all_of(&total.label, &labels, &zero);
            let support = if complete { support.max(1) } else { support };
            if support > 0 || verdict == Verdict::Consistent {
                if let Some(stated) = cell(total, col) {
                    ctx.record(
                        "parts.sum",
                        format!("{} {name} = {} parts", total.label, members.len()),
                        stated,
                        members.iter().filter_map(|r| cell(r, col)).collect(),
                        verdict,
                    );
                }
            }
            // With no agreed split, only an excess is certain; a shortfall
            // under 1% of the total is rarely a part left out, and worth a look.
            let excess = verdict == Verdict::Contradiction && iv.lo > whole;
            let small_gap = verdict == Verdict::Contradiction
                && iv.hi < whole
                && small_shortfall(whole, straight).is_some();
            let sev = if support > 0 && !(iv.hi < whole && cut_off(ctx, &members, col)) {
                match severity_of(verdict) {
                    Some(sev) => sev,
                    None => continue,
                }
            } else if excess {
                Severity::Error
            } else if small_gap {
                Severity::Warning
            } else {
                continue;
            };
            let terms: Vec<String> = members
                .iter()
                .filter_map(|r| r.printed[col].map(|v| format!("{} {v}", r.label)))
                .collect();
            let group = members
                .first()
                .and_then(|r| r.group.clone())
                .map(|g| format!(" ({g})"))
                .unwrap_or_default();
            out.push(finding(
                    "parts.sum",
                    sev,
                    format!("{} {name} stated {whole}{} but its parts{group} add up to {} = {straight}{}", total.label, total.printed_unit, terms.join(" + "), if support == 0 && small_gap { ": a breakdown may leave parts out, but a remainder this small looks like a mistyped figure" } else { rounding_note(verdict) }),
                    whole,
                    Some(straight),
                    Some(total.printed_unit.as_str()),
                    total.source_of(FIELDS[col]),
                    &total.label,
                ));
        }
    }
    out
}

/// A column some of whose parts are blank (or printed short, their column a
/// guess): no sum of it is known, but the parts printed in it for sure add
/// up to no less than they do, the others being amounts too. Only an excess
/// over the whole is certain (`年度资金总额 700.82` over `当年财政拨款 701.82`,
/// `上年结转资金` printed `0 0` under three columns).
fn excess_over_blanks(
    ctx: &Context,
    total: &BudgetRow,
    members: &[&BudgetRow],
    col: usize,
) -> Option<Finding> {
    let whole = total.printed[col]?;
    // (A negative figure anywhere, a cut, could bring the sum down.)
    let amounts = members
        .iter()
        .all(|r| r.printed.iter().flatten().all(|v| !v.is_sign_negative()));
    let sure: Vec<&BudgetRow> = members
        .iter()
        .filter(|r| r.placements.is_empty() && r.printed[col].is_some())
        .copied()
        .collect();
    if !amounts || sure.is_empty() || sure.len() == members.len() {
        return None;
    }
    let (iv, straight) = column_sum(&sure, col)?;
    if judge(whole, whole.scale(), iv, straight) != Verdict::Contradiction || iv.lo <= whole {
        return None;
    }
    let name = column_name(total, col);
    ctx.judge(
        "parts.sum",
        format!(
            "{} {name} ≥ {} of its {} parts",
            total.label,
            sure.len(),
            members.len()
        ),
        cell(total, col)?,
        sure.iter().filter_map(|r| cell(r, col)).collect(),
        iv,
        straight,
    );
    let terms: Vec<String> = sure
        .iter()
        .filter_map(|r| r.printed[col].map(|v| format!("{} {v}", r.label)))
        .collect();
    Some(finding(
        "parts.sum",
        Severity::Error,
        format!(
            "{} {name} stated {whole}{} but its parts printed in that column already add up to {} = {straight}, more than it (the others are blank there)",
            total.label,
            total.printed_unit,
            terms.join(" + "),
        ),
        whole,
        Some(straight),
        Some(total.printed_unit.as_str()),
        total.source_of(FIELDS[col]),
        &total.label,
    ))
}

/// Where a row ends: its last cell (one cell per line, a row is several
/// lines, and the next row starts after the last of them).
fn last_cell(row: &BudgetRow) -> Source {
    row.sources
        .values()
        .chain(row.derived.iter().map(|d| &d.source))
        .filter(|s| s.page == row.source.page && s.line.is_some())
        .max_by_key(|s| s.line)
        .filter(|s| s.line > row.source.line)
        .unwrap_or(&row.source)
        .clone()
}

/// True when row `b` comes right after row `a` in one table: the next line
/// or two of a text (a blank line between), the next row of an HTML or Word
/// table, the next row of a sheet.
fn next_row(a: &Source, b: &Source) -> bool {
    if let (Some(la), Some(lb)) = (a.line, b.line) {
        return a.page == b.page && (1..=3).contains(&lb.saturating_sub(la)) && lb > la;
    }
    let table_of = |path: &str| {
        ["/tr[", "/row["]
            .iter()
            .filter_map(|m| path.rfind(m))
            .max()
            .map(|at| path[..at].to_string())
    };
    if let (Some(ea), Some(eb)) = (&a.element, &b.element) {
        return table_of(ea).is_some() && table_of(ea) == table_of(eb);
    }
    let sheet_row = |cell: &str| {
        let (sheet, at) = cell.rsplit_once('!')?;
        let row: u32 = at
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .ok()?;
        Some((sheet.to_string(), row))
    };
    match (
        a.cell.as_deref().and_then(sheet_row),
        b.cell.as_deref().and_then(sheet_row),
    ) {
        (Some((sa, ra)), Some((sb, rb))) => sa == sb && ra.checked_add(1) == Some(rb),
        _ => false,
    }
}

/// A 合计 printed under the rows it totals (a list of projects, each with
/// its 年初 / 调整后 / 执行 columns): the rows right above it in its table,
/// back to the previous total, are its parts. The table only says so by its
/// sums, so the rows are taken as its parts where at least one column adds up
/// (a column of zeros says nothing) and no more columns fail than hold; each
/// column that then fails is the finding.
fn bottom_total(
    ctx: &Context,
    before: &[BudgetRow],
    total: &BudgetRow,
    in_a_section: &std::collections::HashSet<usize>,
) -> Vec<Finding> {
    let mut parts: Vec<&BudgetRow> = Vec::new();
    let mut below = total;
    for (k, row) in before.iter().enumerate().rev() {
        if row.is_total || !next_row(&last_cell(row), &below.source) {
            break;
        }
        below = row;
        // A section's rows are its row's parts, not the total's.
        if !in_a_section.contains(&k) {
            parts.push(row);
        }
    }
    parts.reverse();
    let mut out = Vec::new();
    // Rows numbered in an outline (`一、基本支出`, `二、项目支出`) with rows
    // unnumbered under them (人员经费, 公用经费): the numbered rows are the
    // total's parts, the others their own rows' parts.
    let rank = |r: &BudgetRow| heading_rank(&r.label).map(|(rank, _)| rank);
    if let Some(top) = parts.first().and_then(|r| rank(r)) {
        if parts.iter().any(|r| rank(r).is_none())
            && parts.iter().all(|r| rank(r).is_none_or(|k| k == top))
        {
            let mut numbered: Vec<&BudgetRow> = Vec::new();
            for (k, row) in parts.iter().enumerate() {
                if rank(row).is_none() {
                    continue;
                }
                numbered.push(row);
                let under: Vec<&BudgetRow> = parts[k + 1..]
                    .iter()
                    .take_while(|r| rank(r).is_none())
                    .copied()
                    .collect();
                if under.len() >= 2 {
                    out.extend(rows_under(ctx, row, &under));
                }
            }
            parts = numbered;
        }
    }
    // `小计` rows among them (a category's subtotal): each totals the rows
    // right above it of its category, back to the last 小计, and the total
    // the rows that are none.
    let is_subtotal = |r: &BudgetRow| r.label.trim() == "小计";
    for (k, sub) in parts.iter().enumerate().filter(|(_, r)| is_subtotal(r)) {
        let mut members: Vec<&BudgetRow> = parts[..k]
            .iter()
            .rev()
            .take_while(|r| !is_subtotal(r) && (sub.group.is_none() || r.group == sub.group))
            .copied()
            .collect();
        members.reverse();
        // (Judged only where some column confirms the rows it closes: a
        // 小计 of no category reaches back to a guess.)
        let split = [(0, members.len())];
        let support = split_support(sub, &members, &split);
        if members.len() >= 2 && support > 0 {
            out.extend(judge_split(ctx, sub, &members, &split, support));
        }
    }
    parts.retain(|r| !is_subtotal(r));
    if parts.len() < 2 {
        return out;
    }
    let verdicts: Vec<Option<(Verdict, Interval, Decimal)>> = (0..COLUMNS.len())
        .map(|col| {
            let whole = total.printed[col]?;
            let (iv, straight) = column_sum(&parts, col)?;
            Some((judge(whole, whole.scale(), iv, straight), iv, straight))
        })
        .collect();
    let holding = (0..COLUMNS.len())
        .filter(|&col| {
            matches!(verdicts[col], Some((Verdict::Consistent, ..)))
                && total.printed[col].is_some_and(|v| !v.is_zero())
        })
        .count();
    let failing = verdicts
        .iter()
        .filter(|v| matches!(v, Some((Verdict::Contradiction, ..))))
        .count();
    if holding == 0 || failing > holding {
        return out;
    }
    for col in 0..COLUMNS.len() {
        let name = column_name(total, col);
        out.extend(judge_column(
            ctx,
            total,
            &parts,
            col,
            &total.label,
            format!("{} {name} = the {} rows above it", total.label, parts.len()),
            "the rows above it add up to",
        ));
    }
    out
}

/// Judges one column of `members` against `whole`'s cell in it (traced as
/// `relation`): the finding, where it fails, names the column and the terms.
fn judge_column(
    ctx: &Context,
    whole: &BudgetRow,
    members: &[&BudgetRow],
    col: usize,
    name: &str,
    relation: String,
    what: &str,
) -> Option<Finding> {
    let (Some((iv, straight)), Some(stated), Some(operand)) = (
        column_sum(members, col),
        whole.printed[col],
        cell(whole, col),
    ) else {
        return None;
    };
    let verdict = ctx.judge(
        "parts.sum",
        relation,
        operand,
        members.iter().filter_map(|r| cell(r, col)).collect(),
        iv,
        straight,
    );
    let sev = severity_of(verdict)?;
    // Labels where they tell the terms apart (not 市级资金 in every block).
    let labelled = members.iter().any(|r| r.label != members[0].label);
    let terms: Vec<String> = members
        .iter()
        .filter_map(|r| {
            r.printed[col].map(|v| match labelled {
                true => format!("{} {v}", r.label),
                false => v.to_string(),
            })
        })
        .collect();
    Some(finding(
        "parts.sum",
        sev,
        format!(
            "{name} {} stated {stated}{} but {what} {} = {straight}{}",
            column_name(whole, col),
            whole.printed_unit,
            terms.join(" + "),
            rounding_note(verdict)
        ),
        stated,
        Some(straight),
        Some(whole.printed_unit.as_str()),
        whole.source_of(FIELDS[col]),
        &whole.label,
    ))
}

/// `年度资金总额 0 0 0` above `其中：本年财政拨款 90 89.974 89.974`: a total's one
/// part (the other rows blank) is no more than it, column by column. A total
/// of 0 beside its part is a row left unfilled as likely as a slip: a warning.
fn one_part(ctx: &Context, total: &BudgetRow, part: &BudgetRow) -> Vec<Finding> {
    let mut out = Vec::new();
    // A part row with fewer figures than its total may have lost a blank cell
    // in a flattened rendering, its figures then under the wrong columns.
    let filled = |r: &BudgetRow| r.printed[..COLUMNS.len()].iter().flatten().count();
    if filled(part) < filled(total) {
        return out;
    }
    // The columns where the part alone is more than the total.
    let mut over: Vec<(usize, Decimal, Decimal)> = Vec::new();
    for (col, name, (whole, stated), (value, operand)) in both_printed(total, part) {
        let iv = Interval::of(value);
        let verdict = judge(whole, whole.scale(), iv, value);
        // Only more than the total is certain: the blank rows may hold the rest.
        if verdict != Verdict::Contradiction || iv.lo <= whole {
            continue;
        }
        ctx.record(
            "parts.sum",
            format!("{} {name} ≥ its one part {}", total.label, part.label),
            stated,
            vec![operand],
            verdict,
        );
        over.push((col, whole, value));
    }
    let unit = total.printed_unit.as_str();
    // A total row left at 0 in every column it is over: one warning for the row.
    if over.len() > 1 && over.iter().all(|(_, whole, _)| whole.is_zero()) {
        let columns: Vec<String> = over
            .iter()
            .map(|(col, _, value)| format!("{} {value}{unit}", column_name(total, *col)))
            .collect();
        out.push(finding(
            "parts.sum",
            Severity::Warning,
            format!(
                "{} stated 0 in {} columns but its part {} holds {} (a total row left unfilled, or a slip)",
                total.label,
                over.len(),
                part.label,
                columns.join(", ")
            ),
            Decimal::ZERO,
            Some(over[0].2),
            Some(unit),
            total.source_of(FIELDS[over[0].0]),
            &total.label,
        ));
        return out;
    }
    // The block's other rows printed blank (`上年结转资金 — —`, `其他资金 — —`):
    // the one part is all of it, short of it too (a warning: a blank may be
    // a cell left unfilled).
    if over.is_empty() && !total.blank_parts.is_empty() {
        out.extend(all_of_a_blank_block(ctx, total, part));
    }
    for (col, whole, value) in over {
        let severity = if whole.is_zero() {
            Severity::Warning
        } else {
            Severity::Error
        };
        out.push(finding(
            "parts.sum",
            severity,
            format!(
                "{} {} stated {whole}{unit} but its part {} alone is {value}{unit}{}",
                total.label,
                column_name(total, col),
                part.label,
                if whole.is_zero() {
                    " (a total row left unfilled, or a slip)"
                } else {
                    ""
                },
            ),
            whole,
            Some(value),
            Some(unit),
            total.source_of(FIELDS[col]),
            &total.label,
        ));
    }
    out
}

/// The columns a total and one part of it both print: each column's index and
/// name, the total's figure and cell, the part's.
fn both_printed<'r>(
    total: &'r BudgetRow,
    part: &'r BudgetRow,
) -> impl Iterator<Item = (usize, &'r str, (Decimal, Operand), (Decimal, Operand))> {
    (0..COLUMNS.len()).filter_map(move |col| {
        Some((
            col,
            column_name(total, col),
            (total.printed[col]?, cell(total, col)?),
            (part.printed[col]?, cell(part, col)?),
        ))
    })
}

/// A total whose block prints one part with amounts and its other rows blank:
/// in each column both print, the part is the whole.
fn all_of_a_blank_block(ctx: &Context, total: &BudgetRow, part: &BudgetRow) -> Vec<Finding> {
    let mut out = Vec::new();
    let unit = total.printed_unit.as_str();
    for (col, name, (whole, stated), (value, operand)) in both_printed(total, part) {
        let verdict = ctx.judge(
            "parts.sum",
            format!(
                "{} {name} = its one part {} ({} blank)",
                total.label,
                part.label,
                total.blank_parts.join(", ")
            ),
            stated,
            vec![operand],
            Interval::of(value),
            value,
        );
        if verdict == Verdict::Consistent {
            continue;
        }
        out.push(finding(
            "parts.sum",
            Severity::Warning,
            format!(
                "{} {name} stated {whole}{unit} but its one part with amounts, {}, is {value}{unit} and its other rows ({}) are printed blank",
                total.label,
                part.label,
                total.blank_parts.join(", ")
            ),
            whole,
            Some(value),
            Some(unit),
            total.source_of(FIELDS[col]),
            &total.label,
        ));
    }
    out
}

/// Fund blocks that make a table: a block (a total and its parts by source)
/// followed by blocks naming the same parts, whose totals and parts add up to
/// its own (`合计 1084.25` = `奖励扶助 763.00` + `特别扶助 321.25`, 合计 市级资金
/// 343.00 against 208.00 + 136.00), is their sum. The structure is taken where
/// at least two of those columns add up over the same run of blocks (a column
/// of zeros says nothing) and no more of them fail than hold; every column is
/// then checked over that run, the totals' own included.
pub fn block_columns(ctx: &Context) -> Vec<Finding> {
    let rows = &ctx.report().budget_rows;
    // (total, parts) blocks in order.
    let mut blocks: Vec<(&BudgetRow, Vec<&BudgetRow>)> = Vec::new();
    for row in rows {
        if row.is_total {
            blocks.push((row, Vec::new()));
        } else if let Some(last) = blocks.last_mut() {
            last.1.push(row);
        }
    }
    let mut out = Vec::new();
    let labels = |parts: &[&BudgetRow]| parts.iter().map(|p| p.label.clone()).collect::<Vec<_>>();
    for start in 0..blocks.len() {
        let (head, head_parts) = &blocks[start];
        if head_parts.len() < 2 {
            continue;
        }
        // The blocks after the head that name the same parts.
        let alike = blocks[start + 1..]
            .iter()
            .take_while(|(_, parts)| labels(parts) == labels(head_parts))
            .count();
        for col in 0..COLUMNS.len() {
            // Each column's stated whole and the rows that would make it: the
            // totals' column first, then each part's.
            let columns = |end: usize| -> Vec<(&BudgetRow, Vec<&BudgetRow>)> {
                let members = &blocks[start + 1..end];
                std::iter::once((*head, members.iter().map(|(t, _)| *t).collect()))
                    .chain(head_parts.iter().enumerate().map(|(i, part)| {
                        (*part, members.iter().map(|(_, parts)| parts[i]).collect())
                    }))
                    .collect()
            };
            let holds = |whole: &BudgetRow, same: &[&BudgetRow]| -> Option<bool> {
                let stated = whole.printed[col]?;
                let (iv, straight) = column_sum(same, col)?;
                Some(judge(stated, stated.scale(), iv, straight) == Verdict::Consistent)
            };
            // The run of blocks with the most columns adding up (the shortest of equals).
            let mut best: Option<(usize, usize)> = None;
            for end in start + 3..=start + 1 + alike {
                let (mut agree, mut fail) = (0, 0);
                for (whole, same) in columns(end) {
                    match holds(whole, &same) {
                        Some(true) if whole.printed[col].is_some_and(|v| !v.is_zero()) => {
                            agree += 1
                        }
                        Some(false) => fail += 1,
                        _ => {}
                    }
                }
                if agree >= 2 && agree >= fail && best.is_none_or(|(_, a)| agree > a) {
                    best = Some((end, agree));
                }
            }
            let Some((end, _)) = best else { continue };
            for (whole, same) in columns(end) {
                let name = if std::ptr::eq(whole, *head) {
                    head.label.clone()
                } else {
                    format!("{} {}", head.label, whole.label)
                };
                out.extend(judge_column(
                    ctx,
                    whole,
                    &same,
                    col,
                    &name,
                    format!("{name} = the blocks it totals"),
                    "the blocks it totals give",
                ));
            }
        }
    }
    out
}

fn column_sum(rows: &[&BudgetRow], col: usize) -> Option<(Interval, Decimal)> {
    let mut iv = Interval::exact(Decimal::ZERO);
    let mut straight = Decimal::ZERO;
    for r in rows {
        let v = r.printed[col]?;
        // A 0 is nothing, whatever decimals it was printed with (`公车购置 | 0`
        // beside `14.20`): no rounding of a half either way.
        iv = iv.add(if v.is_zero() {
            Interval::exact(v)
        } else {
            Interval::of(v)
        });
        straight += v;
    }
    Some((iv, straight))
}

/// Splits of `n` rows into consecutive runs, each as `(start, end)`.
fn splits(n: usize) -> Vec<Vec<(usize, usize)>> {
    (0u32..1 << (n - 1))
        .map(|mask| {
            let mut out = Vec::new();
            let mut start = 0;
            for k in 1..n {
                if mask & (1 << (k - 1)) != 0 {
                    out.push((start, k));
                    start = k;
                }
            }
            out.push((start, n));
            out
        })
        .collect()
}

/// The split the printed group labels give, if every part row has one.
fn printed_split(parts: &[&BudgetRow]) -> Option<Vec<(usize, usize)>> {
    if parts.iter().any(|r| r.group.is_none()) {
        return None;
    }
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=parts.len() {
        if k == parts.len() || parts[k].group != parts[k - 1].group {
            out.push((start, k));
            start = k;
        }
    }
    Some(out)
}

/// The rows a total breaks down into. A 其中 run right after a row
/// (`基本支出`, `其中：人员经费`, `公用经费`, `项目支出`) is under that row for as
/// many rows as the columns agree it adds up to: the rest are the total's
/// own. `None` where a run is printed and no reading of it adds up in any
/// column.
fn top_rows<'r>(total: &BudgetRow, parts: &[&'r BudgetRow]) -> Option<TopRows<'r>> {
    let in_run = |r: &BudgetRow| r.group.as_deref() == Some("其中");
    let Some(start) = parts.iter().position(|r| in_run(r)).filter(|&j| j > 0) else {
        return Some((parts.to_vec(), None));
    };
    let end = start + parts[start..].iter().take_while(|r| in_run(r)).count();
    let figure = |r: &&BudgetRow, col: usize| r.printed[col];
    let k = run_extent(
        &|col| total.printed.get(col).copied().flatten(),
        parts,
        (start, end),
        COLUMNS.len(),
        &figure,
    )?;
    let top: Vec<&BudgetRow> = parts[..start].iter().chain(&parts[k..]).copied().collect();
    Some((top, Some((parts[start - 1], parts[start..k].to_vec()))))
}

/// Where a 其中 run of `rows` that opens at `start` (under the row before it,
/// going on to `end` at most) ends: the extent for which the most columns
/// agree — the run adding up to its row, the rest to the total (`total`'s
/// figure per column). `None` where no extent adds up in any column. For any
/// rows of printed figures (budget rows, line items).
pub(crate) fn run_extent<R>(
    total: &dyn Fn(usize) -> Option<Decimal>,
    rows: &[R],
    (start, end): (usize, usize),
    columns: usize,
    figure: &dyn Fn(&R, usize) -> Option<Decimal>,
) -> Option<usize> {
    let parent = rows.get(start.checked_sub(1)?)?;
    (start + 1..=end)
        .map(|k| {
            let top: Vec<&R> = rows[..start].iter().chain(&rows[k..]).collect();
            let under: Vec<&R> = rows[start..k].iter().collect();
            let support = columns_adding_up(&|col| figure(parent, col), &under, columns, figure)
                + columns_adding_up(total, &top, columns, figure);
            (support, k)
        })
        .filter(|(support, _)| *support > 0)
        .max_by_key(|(support, _)| *support)
        .map(|(_, k)| k)
}

/// How many of `whole`'s columns `rows` add up to exactly.
pub(crate) fn columns_adding_up<R>(
    whole: &dyn Fn(usize) -> Option<Decimal>,
    rows: &[&R],
    columns: usize,
    figure: &dyn Fn(&R, usize) -> Option<Decimal>,
) -> usize {
    (0..columns)
        .filter(|&col| {
            let Some(w) = whole(col) else {
                return false;
            };
            let mut iv = Interval::exact(Decimal::ZERO);
            let mut straight = Decimal::ZERO;
            for r in rows {
                let Some(v) = figure(r, col) else {
                    return false;
                };
                iv = iv.add(Interval::of(v));
                straight += v;
            }
            judge(w, w.scale(), iv, straight) == Verdict::Consistent
        })
        .count()
}

/// The rows a 其中 run printed under `parent` is of: the mark may carry on
/// past the row's own parts to a row beside it and that row's run (`项目支出`,
/// `其中：业务工作专项`, `运行维护专项`, `公用经费`, `其中：办公经费`, …). Where the
/// whole run adds up to the row in no column but a shorter one adds up in
/// two columns or more, all but one of those both print (a slip in one
/// column is then judged there), the row's parts end there and the next row
/// heads the rest.
fn runs_under<'r>(
    parent: &'r BudgetRow,
    run: &[&'r BudgetRow],
) -> Vec<(&'r BudgetRow, Vec<&'r BudgetRow>)> {
    let adding_up = |under: &[&BudgetRow]| {
        columns_adding_up(
            &|col| parent.printed.get(col).copied().flatten(),
            under,
            COLUMNS.len(),
            &|r: &BudgetRow, col| r.printed[col],
        )
    };
    let printed = |under: &[&BudgetRow]| {
        (0..COLUMNS.len())
            .filter(|&col| {
                parent.printed[col].is_some() && under.iter().all(|r| r.printed[col].is_some())
            })
            .count()
    };
    if adding_up(run) == 0 {
        let own = (2..run.len()).rev().find(|&end| {
            let n = adding_up(&run[..end]);
            n >= 2 && n + 1 >= printed(&run[..end])
        });
        if let Some(end) = own {
            let mut out = vec![(parent, run[..end].to_vec())];
            if let [next, rest @ ..] = &run[end..] {
                if rest.len() >= 2 {
                    out.extend(runs_under(next, rest));
                }
            }
            return out;
        }
    }
    vec![(parent, run.to_vec())]
}

/// A total's own rows, and the row a 其中 run is under with the run.
type TopRows<'r> = (
    Vec<&'r BudgetRow>,
    Option<(&'r BudgetRow, Vec<&'r BudgetRow>)>,
);

/// A row and the 其中 run under it, column by column. A run may be some of
/// the row: it adding up to more is wrong; to less, only where two other
/// columns add up exactly (the run is all of the row there, so in each).
fn rows_under(ctx: &Context, parent: &BudgetRow, under: &[&BudgetRow]) -> Vec<Finding> {
    let mut out = Vec::new();
    let holding = columns_adding_up(
        &|col| parent.printed.get(col).copied().flatten(),
        under,
        COLUMNS.len(),
        &|r: &BudgetRow, col| r.printed[col],
    );
    for col in 0..COLUMNS.len() {
        let name = column_name(parent, col);
        let (Some(whole), Some((iv, straight))) = (parent.printed[col], column_sum(under, col))
        else {
            continue;
        };
        let Some(stated) = cell(parent, col) else {
            continue;
        };
        let verdict = judge(whole, whole.scale(), iv, straight);
        ctx.record(
            "parts.sum",
            format!(
                "{} {name} ≥ the {} rows under it",
                parent.label,
                under.len()
            ),
            stated,
            under.iter().filter_map(|r| cell(r, col)).collect(),
            verdict,
        );
        let all_elsewhere = holding >= 2 && !cut_off(ctx, under, col);
        if verdict == Verdict::Contradiction && (iv.lo > whole || all_elsewhere) {
            let terms: Vec<String> = under
                .iter()
                .filter_map(|r| r.printed[col].map(|v| format!("{} {v}", r.label)))
                .collect();
            out.push(finding(
                "parts.sum",
                Severity::Error,
                format!(
                    "{} {name} stated {whole}{} but the rows under it add up to {} = {straight}{}",
                    parent.label,
                    parent.printed_unit,
                    terms.join(" + "),
                    if iv.lo > whole {
                        " (more than it)"
                    } else {
                        ", though in the other columns they are all of it"
                    }
                ),
                whole,
                Some(straight),
                Some(parent.printed_unit.as_str()),
                parent.source_of(FIELDS[col]),
                &parent.label,
            ));
        }
    }
    out
}

/// How many of `total`'s columns every run of `split` adds up to.
fn split_support(total: &BudgetRow, parts: &[&BudgetRow], split: &[(usize, usize)]) -> usize {
    (0..COLUMNS.len())
        .filter(|&col| {
            let Some(whole) = total.printed[col] else {
                return false;
            };
            split.iter().all(|&(a, b)| {
                column_sum(&parts[a..b], col).is_some_and(|(iv, s)| {
                    judge(whole, whole.scale(), iv, s) != Verdict::Contradiction
                })
            })
        })
        .count()
}

/// The split most columns agree with, and how many columns do. A printed
/// split is preferred when it is as well supported; with no support at all
/// the printed split (or all parts as one) is returned with support 0.
fn best_split(total: &BudgetRow, parts: &[&BudgetRow]) -> Option<(Vec<(usize, usize)>, usize)> {
    let support = |split: &[(usize, usize)]| split_support(total, parts, split);
    let printed = printed_split(parts);
    let mut best: Option<(Vec<(usize, usize)>, usize)> = None;
    for split in printed.iter().cloned().chain(splits(parts.len())) {
        let s = support(&split);
        if s > 0 && best.as_ref().is_none_or(|(_, b)| s > *b) {
            best = Some((split, s));
        }
    }
    // None holds throughout: runs that each add up, before one that does not,
    // are breakdowns of their own; the last may be cut off where an excerpt
    // ends (only its excess is then certain).
    let leading_runs_hold = |split: &[(usize, usize)]| {
        let holds = |&(a, b): &(usize, usize)| {
            let verdicts: Vec<Verdict> = (0..COLUMNS.len())
                .filter_map(|col| {
                    let whole = total.printed[col]?;
                    let (iv, s) = column_sum(&parts[a..b], col)?;
                    Some(judge(whole, whole.scale(), iv, s))
                })
                .collect();
            !verdicts.is_empty() && !verdicts.contains(&Verdict::Contradiction)
        };
        split.len() >= 2 && split[..split.len() - 1].iter().all(holds)
    };
    let before_a_cut = splits(parts.len())
        .into_iter()
        .filter(|s| leading_runs_hold(s))
        .max_by_key(|s| s.len());
    best.or(before_a_cut.map(|s| (s, 0)))
        .or_else(|| Some((printed.unwrap_or_else(|| vec![(0, parts.len())]), 0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_enumerate_consecutive_runs() {
        let s = splits(3);
        assert_eq!(s.len(), 4);
        assert!(s.contains(&vec![(0, 3)]));
        assert!(s.contains(&vec![(0, 1), (1, 2), (2, 3)]));
    }
}
