//! Formulas written out in the text compute to their stated result.

use jixiao_model::facts::{Expr, Fact, FactKind, FactUnit, Formula, Operator};
use jixiao_model::{Decimal, Finding, Printed, Severity};

use crate::context::{finding, rounding_note, severity_of, Context, Operand};
use crate::interval::{HalfUp, Interval, Verdict};

/// What an expression may stand for, given the rounding of its printed
/// numbers, and its straight value; `None` where a divisor may be zero or
/// the arithmetic overflows.
fn evaluate(e: &Expr) -> Option<(Interval, Decimal)> {
    match e {
        Expr::Number {
            number,
            percent,
            count,
        } => {
            // A count (÷3 terms) is exact; anything else stands for its rounding.
            let iv = if *count {
                Interval::exact(number.value)
            } else {
                Interval::of_printed(*number)
            };
            if *percent {
                let hundredth = Decimal::new(1, 2);
                Some((iv.scale(hundredth), number.value.checked_mul(hundredth)?))
            } else {
                Some((iv, number.value))
            }
        }
        Expr::Op(a, op, b) => {
            let ((ia, va), (ib, vb)) = (evaluate(a)?, evaluate(b)?);
            match op {
                Operator::Add => Some((ia.add(ib), va.checked_add(vb)?)),
                Operator::Sub => Some((ia.sub(ib), va.checked_sub(vb)?)),
                Operator::Mul => Some((ia.mul(ib), va.checked_mul(vb)?)),
                Operator::Div => Some((ia.div(ib)?, va.checked_div(vb)?)),
            }
        }
    }
}

pub(crate) fn formula_mismatch(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for f in &ctx.report().stated.formulas {
        let Some((iv, straight)) = evaluate(&f.tree) else {
            continue;
        };
        // The scale the result is printed at: a percentage is the value ×100
        // (or a mean of percentages, ×1); 万元 after plain numbers is ÷10⁴.
        // Of those the text may mean, the one nearest the stated result.
        let mut scales = vec![Decimal::ONE];
        if f.percent {
            scales.push(Decimal::ONE_HUNDRED);
        }
        if let Some(m) = f.magnitude {
            scales.extend(Decimal::ONE.checked_div(m));
        }
        let distance = |k: &Decimal| {
            straight
                .checked_mul(*k)
                .and_then(|v| v.abs().checked_sub(f.result.value.abs()))
                .map(|d| d.abs())
        };
        let Some(scale) = scales
            .iter()
            .filter(|k| distance(k).is_some())
            .min_by_key(|k| distance(k))
            .copied()
        else {
            continue;
        };
        // A change printed with the sign of its way of writing (`(21.4-18.6)÷21.4
        // =-13.08%`, the fall written as the earlier less the later) is judged
        // by its size: the sign is a convention, not arithmetic.
        let scale = if f.result.value.is_sign_negative() != straight.is_sign_negative()
            && !straight.is_zero()
        {
            -scale
        } else {
            scale
        };
        let (Some(straight), iv) = (straight.checked_mul(scale), iv.scale(scale)) else {
            continue;
        };
        let inputs: Vec<Operand> = f
            .tree
            .numbers()
            .into_iter()
            .map(|n| Operand::new(n, &f.source))
            .collect();
        let verdict = ctx.judge(
            "formula.mismatch",
            f.expr.clone(),
            Operand::new(f.result, &f.source),
            inputs,
            iv,
            straight,
        );
        if verdict == Verdict::Consistent {
            out.extend(restated_apart(ctx, f));
        }
        if let Some(sev) = severity_of(verdict) {
            let unit = if f.percent { "%" } else { "" };
            let computed = straight.round_half_up(f.result.decimals.max(2));
            out.push(finding(
                "formula.mismatch",
                sev,
                format!(
                    "formula {} states {}{unit} but computes to {computed}{unit}{}",
                    f.expr,
                    f.result.value,
                    rounding_note(verdict)
                ),
                f.result.value,
                Some(computed),
                f.percent.then_some("%"),
                &f.source,
                &f.expr,
            ));
        }
    }
    out
}

/// `2023年“三公”经费预算数为18.6万元，2022年…为21.4万元，“三公”经费变动率=
/// （18.6-21.4）÷21.4×100%=-13.08%`: a formula after the amounts its sentence
/// states (or, stating none before it, the sentence right before) restates
/// them. Where the rest are among its numbers and one amount is stated apart
/// from the formula's one number left (by little, with the same decimals,
/// that number stated nowhere else in the report), the two statements of one
/// amount disagree.
fn restated_apart(ctx: &Context, f: &Formula) -> Option<Finding> {
    let para = ctx.paragraphs().get(f.paragraph)?;
    let ends = |m: &Fact| m.sentence_start + m.sentence.len();
    // The formula's sentence: that of the first figure after it (its result).
    let own = para.iter().find(|m| m.span.0 >= f.start)?.sentence_start;
    let amount = |m: &&&Fact| {
        m.kind == FactKind::Level
            && matches!(m.unit, FactUnit::Money(_) | FactUnit::Count(_))
            && !m.approximate
            && m.span.1 <= f.start
    };
    let mut stated: Vec<&Fact> = para
        .iter()
        .filter(amount)
        .filter(|m| m.sentence_start == own)
        .copied()
        .collect();
    if stated.is_empty() {
        stated = para
            .iter()
            .filter(amount)
            .filter(|m| ends(m) == own)
            .copied()
            .collect();
    }
    // (A number may stand in the formula twice: `(18.6-21.4)÷21.4`.)
    let mut left: Vec<Printed> = f.tree.quantities();
    let mut apart = Vec::new();
    for m in &stated {
        if left.iter().any(|n| n.value == m.number.value) {
            left.retain(|n| n.value != m.number.value);
        } else {
            apart.push(*m);
        }
    }
    left.dedup_by_key(|n| n.value);
    let matched = stated.len() - apart.len();
    // (Figures read in the formula itself, `(63.46万元-32万元)`, are not elsewhere.)
    let in_formula =
        |m: &Fact| m.paragraph == f.paragraph && m.sentence_start == own && m.span.0 >= f.start;
    let elsewhere = |v: Decimal, except: Option<&Fact>| {
        ctx.facts().any(|m| {
            m.number.value == v && !in_formula(m) && !except.is_some_and(|e| std::ptr::eq(e, m))
        })
    };
    // All restated: recorded as holding where each amount is stated only
    // there, so that another value for it would be found.
    if apart.is_empty() && left.is_empty() && matched >= 2 {
        if stated.iter().all(|m| !elsewhere(m.number.value, Some(m))) {
            ctx.record(
                "formula.mismatch",
                format!("{} restates its sentence's {matched} amounts", f.expr),
                Operand::new(f.result, &f.source),
                stated.iter().map(|m| Operand::of(m)).collect(),
                Verdict::Consistent,
            );
        }
        return None;
    }
    let ([odd], [number]) = (apart.as_slice(), left.as_slice()) else {
        return None;
    };
    let near = (odd.number.value - number.value)
        .abs()
        .checked_div(odd.number.value.abs().max(number.value.abs()))
        .is_some_and(|d| d <= Decimal::new(15, 2));
    if matched == 0
        || !near
        || odd.number.decimals != number.decimals
        || elsewhere(number.value, None)
    {
        return None;
    }
    let verdict = ctx.record(
        "formula.mismatch",
        format!("{} restates {} {}", f.expr, odd.label, odd.number.value),
        Operand::of(odd),
        vec![Operand::new(*number, &f.source)],
        Verdict::Contradiction,
    );
    // One digit mistyped, or two swapped (`285.90` for `258.90`), is one
    // amount stated two ways; a figure only near may be another quantity.
    let sev = match severity_of(verdict)? {
        Severity::Error if !a_typo_apart(odd.number, *number) => Severity::Warning,
        sev => sev,
    };
    Some(finding(
        "formula.mismatch",
        sev,
        format!(
            "{} stated {}{} but the formula {} after it uses {}",
            odd.label,
            odd.number.value,
            odd.unit.label(),
            f.expr,
            number.value
        ),
        odd.number.value,
        Some(number.value),
        None,
        &odd.source,
        &odd.sentence,
    ))
}

/// Whether two printed numbers differ as a typist's slip does: in one digit,
/// or in two neighbours swapped, of four or more (short figures, `150` and
/// `155`, differ so by chance too often).
fn a_typo_apart(a: Printed, b: Printed) -> bool {
    let digits = |p: Printed| -> Vec<char> {
        format!("{:.*}", p.decimals as usize, p.value.abs())
            .chars()
            .filter(char::is_ascii_digit)
            .collect()
    };
    let (a, b) = (digits(a), digits(b));
    if a.len() != b.len() || a.len() < 4 {
        return false;
    }
    let apart: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match apart.as_slice() {
        [_] => true,
        [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
        _ => false,
    }
}
