//! Formulas written out in the text compute to their stated result.

use jixiao_model::facts::{Expr, Operator};
use jixiao_model::{Decimal, Finding};

use crate::context::{finding, rounding_note, severity_of, Context, Operand};
use crate::interval::{HalfUp, Interval};

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
