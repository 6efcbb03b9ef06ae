//! Formulas written out in the text compute to their stated result.

use jixiao_model::{Decimal, Finding};

use crate::context::{finding, rounding_note, severity_of, Context, Operand};
use crate::interval::Interval;

pub(crate) fn formula_mismatch(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for f in &ctx.report().stated.formulas {
        let mut iv = Interval::exact(Decimal::ZERO);
        let mut straight = Decimal::ZERO;
        for t in &f.terms {
            let term = Interval::of_printed(t.number);
            if t.negative {
                iv = iv.sub(term);
                straight -= t.number.value;
            } else {
                iv = iv.add(term);
                straight += t.number.value;
            }
        }
        let mut inputs: Vec<Operand> = f
            .terms
            .iter()
            .map(|t| Operand::new(t.number, &f.source))
            .collect();
        if let Some(dv) = f.divisor {
            if dv.value.is_zero() {
                continue;
            }
            // A whole divisor is a count (÷4), exact; a decimal one is printed.
            let div = if dv.decimals == 0 {
                Interval::exact(dv.value)
            } else {
                Interval::printed(dv.value, dv.decimals)
            };
            let Some(q) = iv.div(div) else { continue };
            iv = q;
            straight /= dv.value;
            inputs.push(Operand::new(dv, &f.source));
        }
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
            let computed = straight.round_dp(f.result.decimals.max(2));
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
