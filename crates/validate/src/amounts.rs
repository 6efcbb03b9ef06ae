//! Budget amounts and rates stated as facts: one quantity stated twice with
//! different values, rates against the amounts they are the ratio of,
//! balances, and amounts whose unit makes them absurd.

use std::collections::HashMap;

use jixiao_model::facts::{common_suffix, last_way_word, ListKind, TOTAL_WORDS, WAY_WORDS};
use jixiao_model::{
    Decimal, Fact, FactKind, FactRole, FactUnit, Finding, MoneyUnit, Scope, Severity, Source,
};

use crate::context::{
    finding, fmt, judge_count_rate, judge_rate, rounding_note, severity_of, Context, Operand,
};
use crate::interval::{HalfUp, Interval, Verdict};
use crate::{budget_table, prose};

/// Budget mentions by role: (role, printed value in its unit, unit, mention).
/// Only levels whose scope is the whole budget: a fund's or some projects'
/// figure is another quantity, and comparing it with the whole would cry wolf.
fn budget_mentions<'c>(ctx: &'c Context) -> Vec<(FactRole, Decimal, MoneyUnit, &'c Fact)> {
    ctx.facts()
        .filter(|m| m.kind == FactKind::Level && m.scope == Scope::Report)
        .filter_map(|m| {
            let role = m.role?;
            match m.unit {
                FactUnit::Money(u) if role != FactRole::ExecutionRate => {
                    Some((role, m.number.value, u, m))
                }
                _ => None,
            }
        })
        .collect()
}

/// One statement of a budget quantity: a prose fact, or a cell of a budget
/// table's total row (which counts twice, as in extraction's vote).
struct Statement<'c> {
    yuan: Decimal,
    number: jixiao_model::Printed,
    unit: MoneyUnit,
    label: &'c str,
    text: &'c str,
    source: &'c Source,
    votes: usize,
}

/// Every statement of one budget quantity whose scope is the whole report.
fn statements_of<'c>(ctx: &'c Context, role: FactRole) -> Vec<Statement<'c>> {
    let mut out: Vec<Statement> = budget_mentions(ctx)
        .into_iter()
        // `约500万元` says no exact value to disagree with.
        .filter(|(r, .., m)| *r == role && !m.approximate)
        .map(|(_, v, unit, m)| Statement {
            yuan: unit.to_yuan(v),
            number: m.number,
            unit,
            label: &m.label,
            text: &m.sentence,
            source: &m.source,
            votes: 1,
        })
        .collect();
    let column = match role {
        FactRole::Initial => 0,
        FactRole::Adjusted => 1,
        FactRole::Executed => 2,
        FactRole::Available => 3,
        _ => return out,
    };
    // A table of some projects by name totals them, not the report.
    for row in ctx
        .report()
        .budget_rows
        .iter()
        .filter(|r| r.is_total && r.scope == Scope::Report)
    {
        let (Some(yuan), Some(printed)) = (
            [row.initial, row.adjusted, row.executed, row.available][column],
            row.printed[column],
        ) else {
            continue;
        };
        let Some(unit) = MoneyUnit::parse(&row.printed_unit) else {
            continue;
        };
        let field = ["initial", "adjusted", "executed", "available"][column];
        out.push(Statement {
            yuan,
            number: jixiao_model::Printed {
                value: printed,
                decimals: printed.scale(),
            },
            unit,
            label: &row.label,
            text: &row.label,
            source: row.source_of(field),
            votes: 2,
        });
    }
    out
}

/// A statement of a budget quantity that disagrees with the report's own value
/// for it (extraction's vote over prose and tables).
struct Outlier<'c> {
    statement: Statement<'c>,
    /// The report's value, in the outlier's unit.
    usual: Decimal,
    /// Error when the report's value has more statements behind it; warning on a tie.
    severity: Severity,
    /// As many statements for the outlier's value as for the report's.
    tie: bool,
}

/// The year a label names before its first 年 (`2022年支出` → 2022).
fn label_year(label: &str) -> Option<u32> {
    let digits: String = label
        .split('年')
        .next()?
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok().filter(|y| (1990..=2100).contains(y))
}

/// `2023年比2022年增长` → (2023, 2022, `增长`): a change's label naming the
/// later year, 比 or 较, the base year, and its way word after.
fn years_compared(words: &str) -> Option<(u32, u32, &str)> {
    let (later, rest) = year_opening(words)?;
    let rest = rest.trim_start_matches('度');
    let rest = rest
        .strip_prefix('比')
        .or_else(|| rest.strip_prefix('较'))?;
    let (base, way) = year_opening(rest)?;
    Some((later, base, way.trim_start_matches('度')))
}

/// The year a label opens on (`2022年为` → 2022, `为`), and the words after it.
fn year_opening(label: &str) -> Option<(u32, &str)> {
    let l = label.trim_start_matches(['，', ',', '；', ';', '。', ' ']);
    let digits = l.len() - l.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = l.get(digits..)?.strip_prefix('年')?;
    let year: u32 = l.get(..digits)?.parse().ok()?;
    (digits == 4).then_some((year, rest.strip_prefix("度").unwrap_or(rest)))
}

/// A label of last year's quantity (`上年支出`), not of money carried over
/// from it into this year (`上年结转`).
fn names_last_year(label: &str) -> bool {
    ["上年", "去年", "上一年"].iter().any(|w| label.contains(w))
        && !["结转", "结余"].iter().any(|w| label.contains(w))
}

/// `trace`: record each quantity's statements as a check (once, for value.conflict).
fn outliers<'c>(ctx: &'c Context, trace: bool) -> Vec<Outlier<'c>> {
    let b = &ctx.report().budget;
    let mut out = Vec::new();
    for (role, voted) in [
        (FactRole::Initial, b.initial),
        (FactRole::Adjusted, b.adjusted),
        (FactRole::Available, b.available),
        (FactRole::Executed, b.executed),
    ] {
        let statements = statements_of(ctx, role);
        let mut votes: HashMap<Decimal, usize> = HashMap::new();
        for s in &statements {
            *votes.entry(s.yuan).or_default() += s.votes;
        }
        // Three or more different values for one quantity are several quantities
        // (each project's 执行数, each year's), not one stated inconsistently.
        let Some(usual) = voted.filter(|v| votes.contains_key(v)) else {
            continue;
        };
        if votes.len() > 2 || statements.len() < 2 {
            continue;
        }
        // Where one statement is of another year, they may be of several years.
        if statements
            .iter()
            .any(|s| of_another_year(ctx, s.label, s.text))
        {
            continue;
        }
        // What came in and what went out are two quantities, though a
        // balanced budget states them alike (`收入预算…，支出预算…`): they
        // differing is a warning.
        let only = |of: &str, not: &str| {
            statements
                .iter()
                .any(|s| s.label.contains(of) && !s.label.contains(not))
        };
        let in_and_out = only("收入", "支出") && only("支出", "收入");
        let usual_votes = votes.get(&usual).copied().unwrap_or(0);
        let (first, rest) = statements.split_at(1);
        let agree = votes.len() == 1;
        if trace {
            ctx.record(
                "value.conflict",
                format!("{} stated alike {} times", first[0].label, statements.len()),
                Operand::new(first[0].number, first[0].source),
                rest.iter()
                    .map(|s| Operand::new(s.number, s.source))
                    .collect(),
                Verdict::holding(agree),
            );
        }
        for s in statements {
            if s.yuan == usual {
                continue;
            }
            let other_votes = votes.get(&s.yuan).copied().unwrap_or(0);
            let severity = match usual_votes.cmp(&other_votes) {
                std::cmp::Ordering::Greater if !in_and_out => Severity::Error,
                std::cmp::Ordering::Greater => Severity::Warning,
                std::cmp::Ordering::Equal => Severity::Warning,
                std::cmp::Ordering::Less => continue,
            };
            out.push(Outlier {
                usual: (usual / s.unit.factor()).normalize(),
                statement: s,
                severity,
                tie: usual_votes == other_votes,
            });
        }
    }
    out
}

pub(crate) fn value_conflict(ctx: &Context) -> Vec<Finding> {
    let mut out = restated_in_another_unit(ctx);
    out.extend(crate::scores::cost_indicator_spent(ctx));
    out.extend(outliers(ctx, true).into_iter().map(|o| {
        let s = &o.statement;
        let unit = s.unit.label();
        let elsewhere = match (o.severity, o.tie) {
            (Severity::Error, _) => "everywhere else",
            (_, true) => {
                "in as many other places: one of them is mistyped, or they are different quantities"
            }
            // Income and spending stated apart.
            (_, false) => {
                "elsewhere, for what came in or went out: one of them is mistyped, or they differ"
            }
        };
        finding(
            "value.conflict",
            o.severity,
            format!(
                "{} stated {}{unit} here but {}{unit} {elsewhere}",
                s.label,
                s.number.value,
                fmt(o.usual),
            ),
            s.number.value,
            Some(o.usual),
            Some(unit),
            s.source,
            s.text,
        )
    }));
    out
}

/// `1,256,760元（125.68万元）`: an amount restated right after it in brackets
/// in another unit of money is the same amount, as its rounding allows.
fn restated_in_another_unit(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        for pair in para.windows(2) {
            let (first, again) = (pair[0], pair[1]);
            let (FactUnit::Money(from), FactUnit::Money(to)) = (first.unit, again.unit) else {
                continue;
            };
            // Nothing between them but the unit and the opening bracket, and
            // the bracket closed right after the second. (`Fact::words_to`
            // trims brackets and commas alike, so it cannot tell them apart.)
            let Some(between) = first
                .sentence
                .get(first.span.1.saturating_sub(first.sentence_start)..)
                .and_then(|rest| rest.get(..again.span.0.checked_sub(first.span.1)?))
            else {
                continue;
            };
            let bracketed = matches!(
                between.trim_start_matches(['元', '万', '亿', ' ']).trim(),
                "（" | "("
            ) && again
                .sentence
                .get(again.span.1.saturating_sub(again.sentence_start)..)
                .is_some_and(|rest| rest.trim_start().starts_with(['）', ')']));
            if from == to || first.sentence_start != again.sentence_start || !bracketed {
                continue;
            }
            let scale = from.factor() / to.factor();
            let iv = Interval::of_printed(first.number).scale(scale);
            // (Cut rather than rounded, as some writers convert: 125.676 → 125.67.)
            let cut = crate::interval::half_ulp(again.number.decimals) * Decimal::TWO;
            let iv = Interval {
                lo: iv.lo - cut,
                hi: iv.hi,
            };
            let straight = first.number.value * scale;
            let cut_short = straight.trunc_with_scale(again.number.decimals);
            let straight = if cut_short == again.number.value {
                cut_short
            } else {
                straight
            };
            let verdict = ctx.judge(
                "value.conflict",
                format!(
                    "{}{} = {}{}",
                    first.number.value,
                    first.unit.label(),
                    again.number.value,
                    again.unit.label()
                ),
                Operand::of(again),
                vec![Operand::of(first)],
                iv,
                straight,
            );
            let Some(sev) = severity_of(verdict) else {
                continue;
            };
            let shown = straight.round_dp(again.number.decimals).normalize();
            out.push(finding(
                "value.conflict",
                sev,
                format!(
                    "{} restated as {}{} in brackets but {}{} is {shown}{}{}",
                    first.label,
                    again.number.value,
                    again.unit.label(),
                    first.number.value,
                    first.unit.label(),
                    again.unit.label(),
                    rounding_note(verdict)
                ),
                again.number.value,
                Some(shown),
                Some(again.unit.label()),
                &again.source,
                &again.sentence,
            ));
        }
    }
    out
}

/// The part of a label that names what is measured, without the measure:
/// `“三公”经费控制率` → `“三公”经费`.
pub(crate) fn stem(label: &str) -> String {
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
    drop_subject(&s)
}

/// A label without the report's subject and date in front
/// (`我中心2024年度编外人员控制率` → `编外人员控制率`).
pub(crate) fn drop_subject(label: &str) -> String {
    let mut s = label;
    for p in ["我中心", "本单位", "本部门", "本项目", "我单位"] {
        if let Some(pos) = s.find(p) {
            s = &s[pos + p.len()..];
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

pub(crate) fn rate_mismatch(ctx: &Context) -> Vec<Finding> {
    let mut out = budget_table::row_rates(ctx);
    out.extend(budget_table::line_item_rates(ctx));
    out.extend(budget_table::line_item_shares(ctx));
    out.extend(crate::columns::column_shares(ctx));
    out.extend(budget_table::table_differences(ctx, true));
    out.extend(prose::count_rates(ctx));
    out.extend(prose::score_rates(ctx));
    out.extend(crate::scores::table_score_rates(ctx));
    out.extend(crate::scores::table_completion_rates(ctx));
    out.extend(adjustment_rates(ctx));
    let named = shares(ctx);
    // (A share naming its whole is `shares`' where that whole is stated: a run
    // of shares led by it finds the same slip again.)
    let found_again = |f: &Finding| {
        named
            .iter()
            .any(|g| g.location == f.location && g.stated == f.stated)
    };
    let split: Vec<Finding> = split_shares(ctx)
        .into_iter()
        .filter(|f| !found_again(f))
        .collect();
    out.extend(named);
    out.extend(count_shares(ctx));
    out.extend(split);
    out.extend(stated_shares(ctx));
    out.extend(change_rates(ctx));
    out.extend(two_year_rates(ctx));
    out.extend(respective_rates(ctx));
    out.extend(compared_rates(ctx));
    // A mistyped amount is value.conflict's finding; a rate over it would repeat it.
    // An amount stated as often as the report's own may be another quantity
    // (another project's): a rate beside it is a rate of it.
    let outlier_at: Vec<(Source, Decimal)> = outliers(ctx, false)
        .iter()
        .filter(|o| o.severity == Severity::Error)
        .map(|o| (o.statement.source.clone(), o.statement.number.value))
        .collect();
    let is_outlier = |m: &Fact| outlier_at.contains(&(m.source.clone(), m.number.value));
    for para in ctx.paragraphs() {
        for (k, rate) in para.iter().enumerate() {
            if rate.unit != FactUnit::Percent {
                continue;
            }
            // `省级资金支出1,702万元，支出进度92%`: one fund's rate.
            if let Some(found) = one_funds_rate(ctx, para, k, rate) {
                out.extend(found);
                continue;
            }
            // `…其中基本支出执行率100%，项目支出执行率94.88%`.
            if let Some(found) = named_parts_rate(ctx, &para[..k], rate) {
                out.extend(found);
                continue;
            }
            // `部门预算支出累计为 959.07 万元，季度支出进度为 37.66%`.
            if let Some(found) = spending_progress(ctx, &para[..k], rate) {
                out.extend(found);
                continue;
            }
            // `支出进度96.96%`: the share spent, a 支出率 by another name (not the
            // time elapsed, 序时进度).
            let spending_share = rate.label.ends_with("支出进度") && !rate.label.contains("序时");
            if !rate.label.ends_with('率') && !spending_share {
                // `累计支付资金176.5万元，支付进度88.25%，剩余23.5万元尚未支付`.
                let judged = rate
                    .label
                    .ends_with("进度")
                    .then(|| used_and_left(para, rate))
                    .flatten()
                    .and_then(|pair| over_used_and_left(ctx, rate, pair));
                // Without what is left, a 支付进度 is the share paid, a 支付率
                // by another name (`已支付190万元，资金支付进度为95%`), judged below.
                let paid_share = judged.is_none() && rate.label.ends_with("支付进度");
                out.extend(judged.flatten());
                if !paid_share {
                    continue;
                }
            }
            // A rate that writes out what it is the ratio of (`执行率为98.35%
            // （1,498.32/1,523.45）`) is checked against that, by formula.mismatch;
            // one of change (`增长率`) is of no part and whole.
            if writes_its_formula(ctx, rate)
                || jixiao_model::facts::names_a_change_rate(&rate.label)
            {
                continue;
            }
            // One that names its base (`资金支付率91.9%（以到位资金计）`) is over that.
            if let Some((num, den)) = over_its_stated_base(ctx, para, k) {
                let Some(ratio) = crate::interval::percent(num.number, den.number) else {
                    continue;
                };
                let (n, d) = (num.number.value, den.number.value);
                out.extend(judge_rate(
                    ctx,
                    format!("{n} / {d} = {}%", rate.number.value),
                    rate,
                    vec![Operand::of(num), Operand::of(den)],
                    ratio,
                    |shown| {
                        format!(
                            "{} stated {}% but {} {n} / {} {d} = {shown}% (over the base it names)",
                            rate.label, rate.number.value, num.label, den.label
                        )
                    },
                ));
                continue;
            }
            // `季度支出进度为 12.92%，季度序时进度 25.00%，季度预算执行率为 51.68%`.
            if let Some(found) = progress_rate(ctx, &para[..k], rate) {
                out.extend(found);
                continue;
            }

            let rate_is_execution = rate.role == Some(FactRole::ExecutionRate);
            // A part's execution rate (a fund's, a kind of spending's) is the
            // ratio of that part's amounts, stated in its sentence: another
            // sentence's may be another part's, and the report's are the whole's.
            let part_rate_only = rate_is_execution && rate.scope == Scope::Part;
            // A paragraph wholly about one part (`2.动物防疫项目：全年预算数…；执行数…，
            // 执行率…`) is that part's in every sentence.
            // (Several funds' paragraph states a role more than once.)
            let one_part = para.iter().all(|m| m.scope == Scope::Part) && {
                let mut seen = std::collections::BTreeSet::new();
                para.iter().filter_map(|m| m.role).all(|r| seen.insert(r))
            };
            // The amounts before the rate, and those its sentence states right
            // after it (`采购执行率为96.00%，实际采购金额480.00万元，采购预算500.00万元`),
            // up to the next percentage, or a 其中 opening the parts of what
            // came before (`到位1,197万元，到位率95%，其中中央资金840万元…`).
            let after = para[k + 1..].iter().take_while(|m| {
                m.sentence_start == rate.sentence_start
                    && m.unit != FactUnit::Percent
                    && !rate.words_to(m).is_some_and(|w| w.contains("其中"))
            });
            let window: Vec<&Fact> = para[..k].iter().chain(after).copied().collect();
            let in_sentence = |m: &&Fact| m.sentence_start == rate.sentence_start;
            // A part's rate takes the amounts of its own sentence; one with fewer
            // than two in a paragraph wholly about one part takes the paragraph's.
            let sentence_amounts = window
                .iter()
                .filter(|m| in_sentence(m) && m.money().is_some())
                .count();
            let window: Vec<&Fact> = window
                .into_iter()
                .filter(|m| {
                    !part_rate_only
                        || ((in_sentence(m) || (one_part && sentence_amounts < 2))
                            && m.scope == Scope::Part)
                })
                .collect();
            // Candidate amounts stated before the rate, in the same paragraph and unit.
            let amounts: Vec<&Fact> = window
                .iter()
                .filter(|m| matches!(m.unit, FactUnit::Money(_)) && !is_outlier(m))
                .copied()
                .collect();
            let mut best: Option<(Decimal, &Fact, &Fact)> = None;
            // Pairs whose words fit the rate, by their values.
            let mut fitting: std::collections::BTreeSet<(Decimal, Decimal)> = Default::default();
            let mut pairs: Vec<(&&Fact, &&Fact)> = Vec::new();
            // The rate's words for each side, and an amount named by one side's
            // words and not the other's.
            let terms = rate_terms(&rate.label);
            let names_only = |m: &Fact, numerator: bool| {
                terms.is_some_and(|(_, nums, dens)| {
                    let (these, those) = if numerator {
                        (nums, dens)
                    } else {
                        (dens, nums)
                    };
                    these.iter().any(|w| m.label.contains(w))
                        && !those.iter().any(|w| m.label.contains(w))
                })
            };
            for num in &amounts {
                for den in &amounts {
                    if std::ptr::eq(*num, *den)
                        || num.unit != den.unit
                        || num.scope != den.scope
                        || den.number.value.is_zero()
                        || num.number.value > den.number.value
                    {
                        continue;
                    }
                    let anchored = if rate_is_execution {
                        num.role == Some(FactRole::Executed)
                            && matches!(
                                den.role,
                                Some(FactRole::Adjusted | FactRole::Available | FactRole::Initial)
                            )
                    } else {
                        // Two amounts its vocabulary names only as numerators
                        // (`省级资金到位500万元`, `县级资金到位300万元` of a 到位率) are
                        // no ratio of it, whatever their labels share.
                        let two_numerators = names_only(num, true) && names_only(den, true);
                        // Nor is one it names only as a base (`下达资金` of a
                        // 使用率) ever its numerator.
                        let a_base = names_only(num, false);
                        (!two_numerators
                            && !a_base
                            && shares_stem(&rate.label, &num.label)
                            && shares_stem(&rate.label, &den.label))
                            || done_over_planned(rate, num, den)
                            // `重点项目支出412.5万元，项目总支出468.3万元，重点支出安排率
                            // 88.08%`: the part the rate names over the total of
                            // its measure (both 支出).
                            // (Or `项目支出总额`: the total named after it.)
                            || (shares_stem(&rate.label, &num.label)
                                && den.label.contains('总')
                                && ((!shares_stem(&rate.label, &den.label)
                                    && last_two(&num.label) == last_two(&den.label))
                                    || den.label.ends_with(&format!("{}总额", last_two(&num.label)))))
                    };
                    if !anchored
                        && !base_in_brackets_after(rate, num, den)
                        && !done_of_what_was_owed(num, den)
                    {
                        continue;
                    }
                    pairs.push((num, den));
                }
            }
            // A pair the rate's own sentence states is the one it speaks of (the
            // same figures restated in another sentence, or a page run together
            // into one paragraph, give others): not a name over itself (one
            // figure over its restatement), nor two parts of a list.
            let own = |(n, d): &(&&Fact, &&Fact)| {
                in_sentence(n)
                    && in_sentence(d)
                    && n.label != d.label
                    && !(ctx.is_listed_part(n) && ctx.is_listed_part(d))
            };
            // Another year's rate (`2022年度预算执行率为96.54%` after this
            // year's) is of its own sentence's amounts, or of none here.
            if pairs.iter().any(own) || of_another_year(ctx, &rate.label, &rate.sentence) {
                pairs.retain(own);
            }
            for (num, den) in pairs {
                fitting.insert((num.number.value, den.number.value));
                // (Two parts of one list fit the words, but one is never the
                // other's base: no pair to judge by.)
                if ctx.are_siblings(num, den) {
                    continue;
                }
                let pct = num.number.value / den.number.value * Decimal::from(100);
                let gap = (pct - rate.number.value).abs();
                if best.as_ref().is_none_or(|(g, ..)| gap < *g) {
                    best = Some((gap, num, den));
                }
            }
            // Of several pairs whose words fit (`市级资金到位500万元…区级资金到位280万元`
            // under a 资金到位率 of them all), the nearest is only a guess: it may
            // hold, never fail.
            // (An execution rate's pairs are by role: 执行数 over a budget.)
            let guessed = !rate_is_execution && best.is_some() && fitting.len() > 1;
            // (Where the guess does not hold, the one pair the rate's vocabulary
            // names is judged: `各县（区）累计支出` over `共安排…专项资金`.)
            if let Some((_, num, den)) = best.filter(|_| guessed) {
                if holding_over(rate, num, &[den]).is_none() {
                    best = None;
                    if named_pair(&window, rate, &is_outlier).is_none() {
                        out.extend(over_one_of_its_bases(ctx, &window, rate));
                        continue;
                    }
                }
            }
            let Some((num, mut den)) = best
                .map(|(_, n, d)| (n, d))
                .or_else(|| named_pair(&window, rate, &is_outlier))
                .or_else(|| {
                    // Another paragraph's amount only as a listed part (a place's
                    // share, a giver's funds: after 其中, 来源, 分配…): a subject
                    // named in passing there may be of another year or purpose.
                    let listed = |m: &Fact| {
                        ctx.is_listed_part(m)
                            || m.sentence
                                .get(..m.span.0.saturating_sub(m.sentence_start))
                                .is_some_and(|head| {
                                    ["其中", "包括", "分别", "来源", "分配", "用于"]
                                        .iter()
                                        .any(|w| head.contains(w))
                                })
                    };
                    let before: Vec<&Fact> = ctx
                        .facts()
                        .filter(|m| (m.paragraph, m.span.1) <= (rate.paragraph, rate.span.0))
                        .filter(|m| m.paragraph == rate.paragraph || listed(m))
                        .collect();
                    subject_pair(&window, &before, rate)
                })
            else {
                // No amount states the whole: what was used and what is left make it.
                if let Some(found) =
                    used_and_left(para, rate).and_then(|pair| over_used_and_left(ctx, rate, pair))
                {
                    out.extend(found);
                    continue;
                }
                if part_rate_only {
                    match fund_rate(ctx, &amounts, &para[..k], rate) {
                        Some(found) => out.push(found),
                        None if follows_the_reports_spending_split(ctx, rate) => {
                            out.extend(report_rate(ctx, rate, true));
                        }
                        None => {}
                    }
                } else if rate_is_execution {
                    out.extend(report_rate(ctx, rate, false));
                } else {
                    out.extend(
                        received_rate(ctx, &window, rate)
                            .or_else(|| balance_rate(ctx, &window, rate))
                            .or_else(|| spent_rate(ctx, &window, rate))
                            .or_else(|| bare_spending_rate(ctx, para, rate))
                            .or_else(|| bare_balance_rate(ctx, para, rate))
                            .or_else(|| over_one_of_its_bases(ctx, &window, rate))
                            .or_else(|| over_a_base_stated_before(ctx, rate)),
                    );
                }
                continue;
            };
            // A pair over 100% for a rate stated under it (`共拨付资金3,768万元，
            // 拨付率94.20%` beside `省财政下达…3,200万元`, one giver's part of
            // what was disbursed) is no pair of it.
            // (Not over a budget of the report's: its changes may have made
            // a larger one, or the rate be printed 100 for more.)
            // (One giver's allotment, `省财政下达专项资金3,200万元`, is none.)
            let a_budget = matches!(
                den.role,
                Some(FactRole::Initial | FactRole::Adjusted | FactRole::Available)
            ) && !(den.scope == Scope::Part
                && jixiao_model::facts::names_fund_source(&den.label));
            if num.number.value > den.number.value
                && rate.number.value < Decimal::ONE_HUNDRED
                && !a_budget
            {
                continue;
            }
            // A running total (`2021—2023年，该专项累计安排资金3,600万元`) is the
            // base of a running total's rate only (`累计支出…，占累计安排资金的`), not
            // of one year's (`2023年资金实际支出1,330万元，执行率95%`).
            if den.label.contains("累计") && !num.label.contains("累计") {
                continue;
            }
            // `项目资金到位1450万元…实际支出1380万元，预算执行率92%` over 总投资1500:
            // an execution rate may be over a budget or plan the report states
            // as well as over the funds received; any that gives it holds.
            // (Not a full-year budget its own sentence states beside what was
            // spent: `全年预算数3,025.42万元，执行数2,968.15万元，预算执行率98.43%`
            // is over that, whatever else another paragraph plans.)
            let stated_beside =
                den.role == Some(FactRole::Adjusted) && in_sentence(&num) && in_sentence(&den);
            if rate_is_execution && !stated_beside && holding_over(rate, num, &[den]).is_none() {
                let planned: Vec<&Fact> = ctx
                    .facts()
                    .filter(|d| {
                        !std::ptr::eq(*d, num)
                            && d.money().is_some()
                            && d.unit == num.unit
                            && d.kind == FactKind::Level
                            && names_a_plan(&d.label)
                    })
                    .collect();
                den = holding_over(rate, num, &planned).unwrap_or(den);
            }
            // Over a budget it does not give, a rate of what was spent may be
            // over the funds there were to spend, stated before it (`上年结转…，
            // 下达资金236万元，当年可用资金284.60万元。全年支出…，资金使用率92.18%`).
            let of_spending = rate_is_execution
                || ["使用率", "支出率", "支付率"]
                    .iter()
                    .any(|w| rate.label.ends_with(w));
            if of_spending
                && den.role != Some(FactRole::Available)
                && holding_over(rate, num, &[den]).is_none()
            {
                let available: Vec<&Fact> = window
                    .iter()
                    .copied()
                    .filter(|d| {
                        d.role == Some(FactRole::Available)
                            && d.unit == num.unit
                            && d.kind == FactKind::Level
                    })
                    .collect();
                den = holding_over(rate, num, &available).unwrap_or(den);
            }
            // Over a 年初预算 it does not give, it may be over what the changes
            // stated after it made.
            if den.role == Some(FactRole::Initial) && holding_over(rate, num, &[den]).is_none() {
                if let Some(judged) = over_changed_budget(ctx, rate, num, den) {
                    out.extend(judged);
                    continue;
                }
            }
            // Over the funds received it does not give, it may be over the whole
            // its sentence's spending and balance make (`到位1450万元…实际支出1380万元，
            // 预算执行率92%，资金结余120万元`: a budget of 1500) — unless the report
            // states its full-year budget and that whole is not it (what was spent
            // over itself and what is left hardly moves with what was spent).
            let full_year = ctx.report().budget.adjusted;
            let a_stated_budget = |used: &Fact, whole: Decimal| {
                full_year.is_none_or(|b| used.money().is_some_and(|u| u.to_yuan(whole) == b))
            };
            let whole_of_both = used_and_left(para, rate)
                .and_then(|(u, l)| Some((u, l, u.number.value.checked_add(l.number.value)?)))
                .filter(|&(u, _, whole)| a_stated_budget(u, whole));
            if let Some((used, left, whole)) = whole_of_both.filter(|(u, ..)| std::ptr::eq(*u, num))
            {
                let gives = |d: Decimal| {
                    let straight = used.number.value.checked_div(d)? * Decimal::ONE_HUNDRED;
                    Some(crate::interval::judge(
                        rate.number.value,
                        rate.number.decimals,
                        Interval::exact(straight),
                        straight,
                    ))
                };
                if holding_over(rate, num, &[den]).is_none()
                    && gives(whole) == Some(Verdict::Consistent)
                {
                    out.extend(over_used_and_left(ctx, rate, (used, left)).flatten());
                    continue;
                }
            }
            let Some((iv, straight)) = crate::interval::percent(num.number, den.number) else {
                continue;
            };
            let verdict = ctx.judge(
                "rate.mismatch",
                format!(
                    "{} / {} = {}%",
                    num.number.value, den.number.value, rate.number.value
                ),
                Operand::of(rate),
                vec![Operand::of(num), Operand::of(den)],
                iv,
                straight,
            );
            // `实际支出1,020万元…预算执行率100%`: a ratio over 100% printed as 100%
            // may be capped, as scoring rules cap it (超过100%的按100%计): a
            // warning, not an error.
            let capped = rate.number.value == Decimal::ONE_HUNDRED && iv.lo >= Decimal::ONE_HUNDRED;
            if let Some(sev) = severity_of(verdict) {
                let dp = rate.number.decimals.max(2);
                let (sev, note) = match capped {
                    true => (
                        Severity::Warning,
                        " (a rate capped at 100% as scoring rules cap it reads so; else a figure is mistyped)",
                    ),
                    false => (sev, rounding_note(verdict)),
                };
                out.push(finding(
                    "rate.mismatch",
                    sev,
                    format!(
                        "{} stated {}% but {} / {} = {}%{note}",
                        rate.label,
                        rate.number.value,
                        num.number.value,
                        den.number.value,
                        straight.round_half_up(dp),
                    ),
                    rate.number.value,
                    Some(straight.round_half_up(dp)),
                    Some("%"),
                    &rate.source,
                    &rate.sentence,
                ));
            }
        }
    }
    out
}

/// `累计支付资金176.5万元，支付进度88.25%，剩余23.5万元尚未支付`: a sentence that
/// states only what was used, the rate and what is left is the rate of what was
/// used over the two together. `None` (not judged) unless the sentence holds
/// exactly those two amounts, one named for its use and one for what is left
/// (the pair [`used_and_left`] finds).
fn over_used_and_left(
    ctx: &Context,
    rate: &Fact,
    (used, left): (&Fact, &Fact),
) -> Option<Option<Finding>> {
    let whole = used.number.value.checked_add(left.number.value)?;
    if whole.is_zero() {
        return None;
    }
    // A rate of what is left (`结余率5%`) is that over the two; others, what was used.
    let of_the_rest = ["结余", "节余", "剩余", "结转"]
        .iter()
        .any(|w| rate.label.contains(w));
    let (top, other) = if of_the_rest {
        (left, used)
    } else {
        (used, left)
    };
    let iv = Interval::of_printed(top.number)
        .div(Interval::of_printed(used.number).add(Interval::of_printed(left.number)))?
        .scale(Decimal::ONE_HUNDRED);
    let straight = top.number.value.checked_div(whole)? * Decimal::ONE_HUNDRED;
    let (t, o) = (top.number.value, other.number.value);
    Some(judge_rate(
        ctx,
        format!("{t} / ({t} + {o}) = {}%", rate.number.value),
        rate,
        vec![Operand::of(used), Operand::of(left)],
        (iv, straight),
        |shown| {
            format!(
                "{} stated {}% but {} {t} over it and {} ({t} + {o}) is {shown}%",
                rate.label,
                rate.number.value,
                top.label,
                if of_the_rest {
                    "what was used"
                } else {
                    "what is left"
                }
            )
        },
    ))
}

/// The two amounts of a rate's sentence when they are what was used (before
/// the rate) and what is left, and nothing else (see [`over_used_and_left`]).
fn used_and_left<'f>(para: &[&'f Fact], rate: &Fact) -> Option<(&'f Fact, &'f Fact)> {
    // The sentence runs on past `；` into the clause after it (`已支出2,598.6万元，
    // 支出进度96.96%；结余81.4万元。`).
    let next_clause = rate
        .sentence
        .trim_end()
        .ends_with(['；', ';'])
        .then(|| {
            let end = rate.sentence_start + rate.sentence.len();
            para.iter()
                .map(|m| m.sentence_start)
                .find(|&s| s > rate.sentence_start)
                // (The next clause itself, not a later one.)
                .filter(|&s| s <= end + 3)
        })
        .flatten();
    let amounts: Vec<&Fact> = para
        .iter()
        .copied()
        .filter(|m| {
            (m.sentence_start == rate.sentence_start || Some(m.sentence_start) == next_clause)
                && m.money().is_some()
                && m.kind == FactKind::Level
        })
        .collect();
    let [used, left] = amounts.as_slice() else {
        return None;
    };
    let names = |m: &Fact, words: &[&str]| words.iter().any(|w| m.label.contains(w));
    let left_words = ["剩余", "结余", "尚未", "未支付", "未拨付", "未使用"];
    // What is left in the next clause says so bare (`；结余81.4万元`): one naming
    // a subject (`；B项目结余20万元`) is another's.
    if Some(left.sentence_start) == next_clause {
        let rest = left_words
            .iter()
            .fold(left.label.trim().to_string(), |l, w| l.replace(w, ""));
        if !matches!(rest.as_str(), "" | "资金" | "金额" | "资金为" | "为") {
            return None;
        }
    }
    let used_words = ["支付", "支出", "使用", "拨付"];
    let is_left =
        |m: &Fact| names(m, &left_words) || left_words.iter().any(|w| m.after.contains(w));
    if used.unit != left.unit
        || !names(used, &used_words)
        || is_left(used)
        || !is_left(left)
        // Last year's balance (`上年结余15万元`) is no part of this year's whole.
        || is_prior_balance(left)
        || carried_in(left)
        || used.span.0 > rate.span.0
    {
        return None;
    }
    Some((*used, *left))
}

/// `应拨付奖补资金368.28万元，实际拨付362.16万元，拨付率98.34%`: what was done of
/// what should have been, named by the same verb, `应` before it in the base.
fn done_of_what_was_owed(num: &Fact, den: &Fact) -> bool {
    let Some((_, owed)) = den.label.split_once('应') else {
        return false;
    };
    let verb: String = owed.chars().take(2).collect();
    verb.chars().count() == 2
        && verb.chars().all(jixiao_model::is_han)
        && num.label.contains(&verb)
        && !num.label.contains('应')
}

/// `基本支出4,215.38万元，执行率98.62%（基本支出预算4,274.32万元）`: a rate whose
/// bracket right after it states the base, named as the amount before the rate
/// and a word of plan (预算, 计划, 安排), is that amount over it.
fn base_in_brackets_after(rate: &Fact, num: &Fact, den: &Fact) -> bool {
    const PLANS: &[&str] = &["预算", "预算数", "计划", "计划数", "安排", "预算安排"];
    let at = |m: &Fact, i: usize| i.checked_sub(m.sentence_start);
    let between = at(rate, rate.span.1)
        .zip(at(den, den.span.0))
        .filter(|_| den.sentence_start == rate.sentence_start)
        .and_then(|(from, to)| rate.sentence.get(from..to))
        .unwrap_or("");
    let opens_bracket = between
        .trim_start_matches(['%', '％', ' '])
        .starts_with(['（', '(']);
    let subject = jixiao_model::facts::without_qizhong(&num.label)
        .trim()
        .trim_start_matches(['：', ':', '，', ','])
        .trim();
    num.span.1 <= rate.span.0
        && num.sentence_start == rate.sentence_start
        && opens_bracket
        && !between.contains(['）', ')', '，', '。', '；'])
        && subject.chars().count() >= 2
        && den
            .label
            .trim()
            .strip_prefix(subject)
            .is_some_and(|rest| PLANS.contains(&rest.trim_end_matches('为')))
}

/// A rate the text computes in a formula of its own, whose result it is.
fn writes_its_formula(ctx: &Context, rate: &Fact) -> bool {
    ctx.report().stated.formulas.iter().any(|f| {
        f.result.value == rate.number.value
            && f.source.line == rate.source.line
            && f.source.page == rate.source.page
            && f.source.cell == rate.source.cell
    })
}

/// The execution rate of a fund whose sentence states only the fund's amount
/// and what was spent of it (`县级资金80.00万元，实际支出76.00万元，执行率95.00%`):
/// the one over the other. Or, where it states only the fund's spending
/// (`中央资金支出300万元，执行率100%`), that over the one amount the paragraph
/// stated earlier under the fund's name (`资金来源为中央资金300万元`).
fn fund_rate(ctx: &Context, amounts: &[&Fact], before: &[&Fact], rate: &Fact) -> Option<Finding> {
    let (part, num, den) = match amounts {
        [part, num] => {
            // `省级资金200万元，支出175万元`: a bare 支出 after the fund is its spending
            // (not another part: `基本支出…，项目支出…`).
            let bare_spending = num
                .label
                .trim()
                .strip_suffix("支出")
                .is_some_and(|stem| ["", "实际", "已", "共", "累计", "实际已"].contains(&stem));
            let spent =
                num.role == Some(FactRole::Executed) || (num.role.is_none() && bare_spending);
            // A rate that names its subject (`项目支出执行率`) is of that subject.
            let subject = rate.label.trim().strip_suffix("执行率").unwrap_or("");
            let of_another = ["资金", "支出", "经费", "项目"]
                .iter()
                .any(|w| subject.contains(w))
                && !part.label.contains(subject);
            if part.role.is_some()
                || of_another
                || !spent
                || num.kind != FactKind::Level
                || part.kind != FactKind::Level
            {
                return None;
            }
            (*part, *num, *part)
        }
        [spent] => {
            let fund =
                jixiao_model::facts::without_qizhong(spent.label.trim().strip_suffix("支出")?);
            if fund.chars().count() < 2 || spent.kind != FactKind::Level {
                return None;
            }
            // A fund adjusted in the year (`年中追加动物防疫补助24万元` after its
            // 年初 236): which of its levels the rate is over is unsure.
            let adjusted = ctx.facts().any(|m| {
                (m.paragraph, m.span.1) <= (rate.paragraph, rate.span.0)
                    && m.label.trim().ends_with(fund)
                    && CHANGED.iter().any(|w| m.label.contains(w))
            });
            if adjusted {
                return None;
            }
            let under_the_name = |m: &&Fact| {
                m.money().is_some()
                    && m.kind == FactKind::Level
                    && m.sentence_start != spent.sentence_start
                    && m.label.trim().ends_with(fund)
            };
            // In the paragraph, or else in the paragraphs before it (the items'
            // budgets under 资金安排, their spending under 资金使用).
            let named = only_one(before.iter().copied().filter(under_the_name)).or_else(|| {
                only_one(
                    ctx.facts()
                        .filter(|m| m.paragraph < rate.paragraph)
                        .filter(under_the_name),
                )
            })?;
            (named, *spent, named)
        }
        _ => return None,
    };
    if den.number.value.is_zero() || num.unit != den.unit {
        return None;
    }
    let (iv, straight) = crate::interval::percent(num.number, den.number)?;
    judge_rate(
        ctx,
        format!(
            "{} {} / {} = {}%",
            part.label, num.number.value, den.number.value, rate.number.value
        ),
        rate,
        vec![Operand::of(num), Operand::of(den)],
        (iv, straight),
        |shown| {
            format!(
                "{}'s {} stated {}% but {} / {} = {shown}%",
                part.label, rate.label, rate.number.value, num.number.value, den.number.value
            )
        },
    )
}

/// The one item of `items`, if there is exactly one: a relation is read only
/// where which number takes part is certain.
pub(crate) fn only_one<I: Iterator>(mut items: I) -> Option<I::Item> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}

/// The rate as `num` over whichever of `dens` gives it best (holding, else
/// within rounding, else the first), recorded as checked: the verdict, the
/// straight ratio and the denominator taken.
pub(crate) fn best_ratio<'f>(
    ctx: &Context,
    rate: &Fact,
    num: &Fact,
    dens: &[&'f Fact],
) -> Option<(Verdict, Decimal, &'f Fact)> {
    let best = best_over(
        rate,
        (
            Interval::of_printed(num.number),
            num.number.value,
            num.money(),
        ),
        dens,
    )?;
    let verdict = ctx.record(
        "rate.mismatch",
        format!(
            "{} / {} = {}%",
            num.number.value, best.2.number.value, rate.number.value
        ),
        Operand::of(rate),
        vec![Operand::of(num), Operand::of(best.2)],
        best.0,
    );
    Some((verdict, best.1, best.2))
}

/// A numerator (its interval and straight value) over the denominator, of
/// several, that gives the rate (one within rounding, else the first):
/// the verdict, the straight percentage and the denominator taken.
fn best_over<'f>(
    rate: &Fact,
    (num, num_straight, num_unit): (Interval, Decimal, Option<MoneyUnit>),
    dens: &[&'f Fact],
) -> Option<(Verdict, Decimal, &'f Fact)> {
    let tries: Vec<(Verdict, Decimal, &Fact)> = dens
        .iter()
        .filter_map(|d| {
            // A denominator in another unit of money (`实际发放1,245,600元` over
            // a budget of `125.68万元`), in the numerator's.
            let scale = match (num_unit, d.money()) {
                (Some(n), Some(u)) => u.factor() / n.factor(),
                _ => Decimal::ONE,
            };
            let iv = num
                .div(Interval::of_printed(d.number).scale(scale))?
                .scale(Decimal::ONE_HUNDRED);
            let straight = num_straight
                .checked_div(d.number.value.checked_mul(scale)?)?
                .checked_mul(Decimal::ONE_HUNDRED)?;
            let v = crate::interval::judge(rate.number.value, rate.number.decimals, iv, straight);
            Some((v, straight, *d))
        })
        .collect();
    crate::interval::best_reading(&tries, |t| t.0).copied()
}

/// A 执行率 stated after a 支出进度 and a 序时进度 in its sentence is their
/// ratio (the spending's progress against the time's, 财预 practice for
/// quarterly execution); `Some` when the sentence states the relation, with
/// the finding if it does not hold.
fn progress_rate(ctx: &Context, before: &[&Fact], rate: &Fact) -> Option<Vec<Finding>> {
    if !rate.label.ends_with("执行率") {
        return None;
    }
    let percents: Vec<&Fact> = before
        .iter()
        .copied()
        .filter(|m| m.unit == FactUnit::Percent && m.sentence_start == rate.sentence_start)
        .collect();
    let time = only_one(percents.iter().filter(|m| m.label.contains("序时进度")))?;
    let spent = only_one(
        percents
            .iter()
            .filter(|m| m.label.contains("进度") && !m.label.contains("序时")),
    )?;
    let (iv, straight) = crate::interval::percent(spent.number, time.number)?;
    let verdict = ctx.judge(
        "rate.mismatch",
        format!(
            "{}% / {}% = {}%",
            spent.number.value, time.number.value, rate.number.value
        ),
        Operand::of(rate),
        vec![Operand::of(spent), Operand::of(time)],
        iv,
        straight,
    );
    let Some(sev) = severity_of(verdict) else {
        return Some(Vec::new());
    };
    let dp = rate.number.decimals.max(2);
    Some(vec![finding(
        "rate.mismatch",
        sev,
        format!(
            "{} stated {}% but {} {}% / {} {}% = {}%{}",
            rate.label,
            rate.number.value,
            spent.label,
            spent.number.value,
            time.label,
            time.number.value,
            straight.round_half_up(dp),
            rounding_note(verdict)
        ),
        rate.number.value,
        Some(straight.round_half_up(dp)),
        Some("%"),
        &rate.source,
        &rate.sentence,
    )])
}

/// A 支出进度 after the one amount spent so far in its sentence is that amount
/// over the report's budget, stated elsewhere: over its adjusted budget or
/// its 年初预算, whichever the report states and gives it. The budget is
/// inferred, so where none gives it the finding is a warning.
fn spending_progress(ctx: &Context, before: &[&Fact], rate: &Fact) -> Option<Vec<Finding>> {
    if !rate.label.ends_with("支出进度") || rate.label.contains("序时") {
        return None;
    }
    let amount = only_one(before.iter().copied().filter(|m| {
        m.sentence_start == rate.sentence_start && m.money().is_some() && m.kind == FactKind::Level
    }))?;
    if !amount.label.contains("支出") {
        return None;
    }
    let budgets: Vec<&Fact> = ctx
        .facts()
        .filter(|m| {
            m.scope == Scope::Report
                && m.kind == FactKind::Level
                && m.unit == amount.unit
                && matches!(m.role, Some(FactRole::Adjusted | FactRole::Initial))
                && m.number.value >= amount.number.value
        })
        .collect();
    let (verdict, straight, budget) = best_ratio(ctx, rate, amount, &budgets)?;
    if verdict == Verdict::Consistent {
        return Some(Vec::new());
    }
    let dp = rate.number.decimals.max(2);
    Some(vec![finding(
        "rate.mismatch",
        Severity::Warning,
        format!(
            "{} stated {}% but {} {} / the report's {} {} = {}%{}",
            rate.label,
            rate.number.value,
            amount.label,
            amount.number.value,
            budget.label,
            budget.number.value,
            straight.round_half_up(dp),
            rounding_note(verdict)
        ),
        rate.number.value,
        Some(straight.round_half_up(dp)),
        Some("%"),
        &rate.source,
        &rate.sentence,
    )])
}

/// `县级配套720万元，县级配套到位率75%` after `县级配套960万元` planned;
/// `省级资金支出1,702万元，支出进度92%` after `省级下达…1,850万元`: a rate of
/// one source of the funds (by its own name, or else by the amount alone in
/// its clause right before it) is over that fund's amounts, never the
/// whole's; so is a rate right after one listed part alone in its clause
/// (`其中…专项债券拨付2,400万元，拨付率80%` over `专项债券3,000万元`). Its
/// numerator is that amount; its base, one stated before it naming the fund
/// (every source word the fund's name holds, `县级自筹`) or the part, and not
/// what the rate counts. `Some` for every such rate of a fund: judged over
/// those bases, over none where the report states none (unsure).
fn one_funds_rate(ctx: &Context, para: &[&Fact], k: usize, rate: &Fact) -> Option<Vec<Finding>> {
    let (_, nums, dens) = rate_terms(&rate.label)?;
    let amount = |m: &Fact| m.money().is_some() && m.kind == FactKind::Level;
    let nearest = para[..k]
        .iter()
        .rev()
        .take_while(|m| m.sentence_start == rate.sentence_start)
        .copied()
        .find(|m| amount(m));
    let funds_in = |label: &str| -> Vec<String> {
        jixiao_model::facts::FUND_SOURCES
            .iter()
            .filter(|w| label.contains(**w))
            .map(|w| w.to_string())
            .collect()
    };
    let named = funds_in(&rate.label);
    let (num, names, by_part) = if named.is_empty() {
        // (The one amount of its clause: after several, `市级资金到位500万元，
        // 区级资金到位280万元，资金到位率97.5%`, it is the whole's.)
        let in_clause = para[..k]
            .iter()
            .filter(|m| m.sentence_start == rate.sentence_start && amount(m))
            .count();
        let num = nearest.filter(|_| in_clause == 1)?;
        let funds = funds_in(&num.label);
        if !funds.is_empty() && jixiao_model::facts::names_fund_source(&num.label) {
            (num, funds, false)
        } else if ctx.is_listed_part(num) {
            (num, vec![part_named(&num.label, nums)?], true)
        } else {
            return None;
        }
    } else {
        match nearest.filter(|m| named.iter().all(|w| m.label.contains(w.as_str()))) {
            Some(num) => (num, named, false),
            None => return Some(Vec::new()),
        }
    };
    // (A base names what the rate is over, `省级下达…资金`, or the fund
    // alone, `县级配套`, `地方政府专项债券`; not what else was done with it,
    // `中央资金支出`.)
    // (Its own name aside: a part named `项目支出` is over `项目支出` budgeted.)
    let bare_fund = |d: &Fact| {
        let rest = names
            .iter()
            .fold(d.label.clone(), |l, w| l.replace(w.as_str(), ""));
        !names_a_side(d, nums)
            && !["支出", "拨付", "支付", "使用", "结余"]
                .iter()
                .any(|w| rest.contains(w))
    };
    // (Not another year's: `上年项目支出…`.)
    let bases = bases_stated_before(ctx, rate, num, |d| {
        names.iter().all(|w| d.label.contains(w.as_str()))
            && (names_a_side(d, dens) || bare_fund(d))
            && !of_another_year(ctx, &d.label, &d.sentence)
    });
    let values: std::collections::BTreeSet<Decimal> =
        bases.iter().map(|d| d.number.value).collect();
    // (One base is the fund's: a rate wrong over it is an error.)
    // (A part no amount before names is left to the rules after: its base
    // may be in brackets after it, or its rate the whole's.)
    if by_part && values.is_empty() {
        return None;
    }
    let found = match values.len() {
        0 => None,
        1 => over_whichever_gives_it(ctx, rate, (num, ""), &bases, None, |_, _| {
            ", the fund's amount stated before it".to_string()
        }),
        _ => over_one_of(ctx, rate, num, &bases, "naming its fund"),
    };
    Some(found.into_iter().collect())
}

/// `全年预算数…，其中：基本支出预算…，项目支出预算…。全年执行数…，其中：基本支出…，
/// 项目支出…。预算执行率96.90%，其中基本支出执行率100%，项目支出执行率94.88%`: an
/// execution rate named by a part is that part's spending over its budget, each
/// listed by that name (and a stage word at most) under the report's spending
/// and its full-year budget before it in the paragraph. `None` unless exactly
/// one of each is.
fn named_parts_rate(ctx: &Context, before: &[&Fact], rate: &Fact) -> Option<Vec<Finding>> {
    let name = jixiao_model::facts::without_qizhong(&rate.label)
        .trim()
        .strip_suffix("执行率")?;
    // (`基本支出预算执行率` names the part and its measure.)
    let name = name.strip_suffix("预算").unwrap_or(name);
    if name.chars().count() < 2 {
        return None;
    }
    const STAGE_WORDS: &[&str] = &[
        "",
        "预算",
        "预算数",
        "执行",
        "执行数",
        "实际",
        "决算",
        "决算数",
    ];
    let named = |m: &Fact| {
        let own = jixiao_model::facts::without_qizhong(&m.label);
        own.trim()
            .strip_prefix(name)
            .is_some_and(|rest| STAGE_WORDS.contains(&rest))
    };
    let listed_under = |role: FactRole| {
        before.iter().copied().filter(move |m| {
            m.money().is_some()
                && m.kind == FactKind::Level
                && named(m)
                && whole_of_part(ctx, m)
                    .is_some_and(|w| w.scope == Scope::Report && w.role == Some(role))
        })
    };
    let num = only_one(listed_under(FactRole::Executed))?;
    let den = only_one(listed_under(FactRole::Adjusted))?;
    let found = over_whichever_gives_it(ctx, rate, (num, ""), &[den], None, |_, _| {
        ", the part's spending over its budget".to_string()
    });
    Some(found.into_iter().collect())
}

/// The words naming a listed part (`专项债券` of `专项债券拨付`): its label
/// without a leading 其中 and the rate's numerator words or 资金 ending it;
/// none shorter than two characters.
fn part_named(label: &str, nums: &[&str]) -> Option<String> {
    let mut name = jixiao_model::facts::without_qizhong(label)
        .trim_start_matches(|c: char| "已实际累计共".contains(c));
    while let Some(rest) = nums
        .iter()
        .chain(&["资金", "实际", "已", "累计"])
        .find_map(|w| name.strip_suffix(w))
    {
        name = rest;
    }
    (name.chars().count() >= 2).then(|| name.to_string())
}

/// What a rate is the ratio of, by its measure word: words an amount's label
/// uses for the numerator, and for the denominator. `政府采购执行率` over
/// `实际采购金额` and `政府采购计划金额`, `到位资金支付率` over `共支付` and
/// `实际收到资金`: the labels need share no word with the rate.
const RATE_TERMS: &[RateTerms] = &[
    (
        "执行率",
        // `累计支出750万元，总体执行率93.75%`: what was spent so far, by any name
        // (not a kind of spending: `资本性支出`, `基本支出`).
        &[
            "实际",
            "执行",
            "完成",
            "决算",
            "累计支出",
            "已支出",
            "共支出",
            "累计使用",
            "已使用",
        ],
        &["计划", "预算", "安排", "申报", "下达", "批复"],
    ),
    // (Aid paid out is spent: `累计发放低保金5,286.42万元，资金支出率97.90%`.)
    (
        "支出率",
        &["实际支出", "支出", "执行", "发放"],
        &["计划", "预算", "安排", "下达", "到位", "总投资"],
    ),
    (
        "支出进度",
        &["实际支出", "支出", "执行", "发放"],
        &["计划", "预算", "安排", "下达", "到位", "总投资"],
    ),
    // Staff within the posts allowed (编制使用率 over the 编制数).
    (
        "编制使用率",
        &["实有", "在编", "在职", "实际"],
        &["编制数", "编制人数", "核定"],
    ),
    (
        "使用率",
        &["使用", "实际支出"],
        &["计划", "预算", "安排", "下达", "到位"],
    ),
    (
        "支付率",
        &["支付", "拨付"],
        // (A project's payments over its contract: `合同金额`.)
        &["到位", "收到", "计划", "预算", "安排", "下达", "合同"],
    ),
    (
        "支付进度",
        &["支付", "拨付"],
        &["到位", "收到", "计划", "预算", "安排", "下达", "合同"],
    ),
    (
        "到位率",
        &["到位", "收到", "拨付"],
        &["计划", "预算", "安排", "下达", "批复", "总投资", "应到位"],
    ),
    (
        "节约率",
        &["节约", "节省"],
        &["预算", "计划", "概算", "控制价"],
    ),
    (
        "结余率",
        &["结余", "结转"],
        &["预算", "安排", "下达", "批复", "到位", "收入", "资金总额"],
    ),
    (
        "拨付率",
        &["拨付"],
        &[
            "计划", "预算", "安排", "下达", "批复", "到位", "收到", "资金",
        ],
    ),
    (
        "完成率",
        &["完成", "实际"],
        // (`已完成投资1,140.50万元，投资完成率95.04%` over the 总投资.)
        &["计划", "预算", "安排", "目标", "总投资"],
    ),
    // What was saved over what was budgeted (采购节约率, 资金节约率).
    (
        "节约率",
        &["节约", "节省", "节支"],
        &["预算", "安排", "计划", "下达", "批复"],
    ),
    // What was spent or staffed within what was allowed (公用经费控制率,
    // 在职人员控制率 over the 编制数). Not 预算控制率: see [`rate_terms`].
    (
        "控制率",
        &["实际", "实有", "在职", "支出", "决算", "执行"],
        &["编制", "核定", "预算", "计划", "安排", "批复"],
    ),
    // Funds allocated of those available (直达资金分配率).
    (
        "分配率",
        &["已分配", "分配"],
        &["总额", "合计", "下达", "安排", "总量", "资金"],
    ),
    // Funds paid out to the people they are for, of those there were
    // (`发放资金99.04万元，资金发放率99.04%`).
    (
        "发放率",
        &["发放"],
        &["到位", "预算", "计划", "安排", "下达", "拨付", "资金总额"],
    ),
    // Questionnaires returned of those handed out (问卷回收率).
    ("回收率", &["回收", "收回"], &["发放", "发出"]),
    // What is in use of what is held (固定资产利用率).
    ("利用率", &["在用", "使用", "利用"], &["总额", "原值"]),
    // What was spent beyond the plan, over the plan.
    ("超支率", &["超支", "超出"], &["预算", "计划", "概算"]),
];

/// `年初预算分别为1,200万元、1,350万元和1,420万元，实际支出分别为1,110万元、…，
/// 执行率分别为92.50%、…`: runs of figures a sentence gives 分别, one per year or
/// project; a run of rates is, figure by figure, the run its vocabulary names
/// for the numerator over the one it names for the denominator, as many of each.
fn respective_rates(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        // Runs of one label ending 分别 (or on 分别 and its verb: `3个项目分别
        // 支出`), in one sentence.
        let verb = |m: &Fact| -> Option<String> {
            let (_, v) = m.label.trim_end_matches(['为', '是']).rsplit_once("分别")?;
            (v.chars().count() <= 4 && v.chars().all(jixiao_model::is_han)).then(|| v.to_string())
        };
        let mut runs: Vec<Vec<&Fact>> = Vec::new();
        for m in para.iter().copied() {
            let respective = verb(m).is_some();
            match runs.last_mut() {
                Some(run)
                    if respective
                        && run[0].label == m.label
                        && run[0].sentence_start == m.sentence_start
                        && run[0].unit == m.unit =>
                {
                    run.push(m)
                }
                _ if respective => runs.push(vec![m]),
                _ => {}
            }
        }
        let name = |m: &Fact| {
            m.label
                .trim_end_matches(['为', '是'])
                .replacen("分别", "", 1)
        };
        for rates in runs
            .iter()
            .filter(|r| r[0].unit == FactUnit::Percent && r.len() >= 2)
        {
            let Some((_, nums, dens)) = rate_terms(&name(rates[0])) else {
                continue;
            };
            // Runs of amounts beside the rates, as many, named by `words` and not `other`.
            let named_runs = |words: &[&str], other: &[&str]| -> Vec<&Vec<&Fact>> {
                runs.iter()
                    .filter(|r| {
                        let n = name(r[0]);
                        r.len() == rates.len()
                            && r[0].sentence_start == rates[0].sentence_start
                            && r[0].money().is_some()
                            && words.iter().any(|w| n.contains(w))
                            && !other.iter().any(|w| n.contains(w))
                    })
                    .collect()
            };
            // (A run whose verb says what was spent, `分别支出`, is what was spent.)
            const SPENT: &[&str] = &["支出", "使用", "执行", "完成", "支付", "拨付"];
            let mut numerators = named_runs(nums, dens);
            if numerators.is_empty()
                && ["执行率", "支出率", "使用率"]
                    .iter()
                    .any(|w| name(rates[0]).ends_with(w))
            {
                numerators = runs
                    .iter()
                    .filter(|r| {
                        r.len() == rates.len()
                            && r[0].sentence_start == rates[0].sentence_start
                            && r[0].money().is_some()
                            && verb(r[0]).is_some_and(|v| SPENT.contains(&v.as_str()))
                    })
                    .collect();
            }
            let Some(num) = only_one(numerators.into_iter()) else {
                continue;
            };
            // The denominators its words name, and any run of funds received it
            // may be over instead (`到位资金分别为…`): the one that gives it.
            const RECEIVED: &[&str] = &["到位", "收到", "可用", "下达"];
            let mut dens_of = named_runs(&[dens, RECEIVED].concat(), nums);
            // `全市共下达资金5,680万元，其中：甲县1,250万元，乙县980万元…。各县资金支出
            // 分别为…，支出率分别为…`: each of the places (各) a list before named
            // over its own part of the whole its words name.
            // (Or as many as it counts: `3个项目分别支出…` after a list of three.)
            let of_each = {
                let n = name(num[0]);
                n.trim_start_matches(|c: char| "，,：: ".contains(c))
                    .starts_with('各')
                    || n.contains(&format!("{}个", rates.len()))
            };
            // Or the one such run of an earlier sentence of the paragraph
            // (`预算分别为…。截至年底，3个子项目分别支出…，执行率分别为…`):
            // inferred across sentences (a 年初 budget may stand there, the
            // rates being over the adjusted ones), so a miss is a warning.
            let mut across = false;
            if dens_of.is_empty() {
                let earlier = runs.iter().filter(|r| {
                    let n = name(r[0]);
                    r.len() == rates.len()
                        && r[0].sentence_start < rates[0].sentence_start
                        && r[0].unit == num[0].unit
                        && dens.iter().any(|w| n.contains(w))
                        && !nums.iter().any(|w| n.contains(w))
                });
                if let Some(run) = only_one(earlier) {
                    dens_of.push(run);
                    across = true;
                }
            }
            let listed;
            if dens_of.is_empty() && of_each {
                listed = places_listed_before(ctx, num[0], rates.len(), &[dens, RECEIVED].concat());
                dens_of.extend(listed.iter());
            }
            if dens_of.is_empty() {
                continue;
            }
            for (i, (rate, n)) in rates.iter().zip(num.iter()).enumerate() {
                let readings: Vec<(Verdict, (Interval, Decimal), &Fact)> = dens_of
                    .iter()
                    .filter_map(|r| {
                        let d = r.get(i)?;
                        let (iv, straight) = crate::interval::percent(n.number, d.number)?;
                        let v = crate::interval::judge(
                            rate.number.value,
                            rate.number.decimals,
                            iv,
                            straight,
                        );
                        Some((v, (iv, straight), *d))
                    })
                    .collect();
                let Some(&(verdict, ratio, d)) = crate::interval::best_reading(&readings, |r| r.0)
                else {
                    continue;
                };
                // Over one of several it may be over, none giving it: unsure.
                if verdict == Verdict::Contradiction && readings.len() > 1 {
                    continue;
                }
                let found = judge_rate(
                    ctx,
                    format!(
                        "{} / {} = {}%",
                        n.number.value, d.number.value, rate.number.value
                    ),
                    rate,
                    vec![Operand::of(n), Operand::of(d)],
                    ratio,
                    |shown| {
                        format!(
                            "{} stated {}% but {} {} / {} {} = {shown}% (the figures each stated 分别, in order)",
                            name(rate),
                            rate.number.value,
                            name(n),
                            n.number.value,
                            name(d),
                            d.number.value,
                        )
                    },
                );
                out.extend(found.map(|mut f| {
                    if across {
                        f.severity = Severity::Warning;
                    }
                    f
                }));
            }
        }
    }
    out
}

/// The places a list stated before `first` in its paragraph names, whose whole
/// names one of `words` (`共下达资金…，其中：甲县…，乙县…`), if it has `n` parts
/// in `first`'s unit.
fn places_listed_before<'c>(
    ctx: &'c Context,
    first: &Fact,
    n: usize,
    words: &[&str],
) -> Option<Vec<&'c Fact>> {
    let facts = &ctx.report().facts;
    let list = ctx
        .report()
        .stated
        .lists
        .iter()
        .filter(|l| {
            facts.get(l.whole).is_some_and(|w| {
                w.paragraph == first.paragraph
                    && w.span.1 <= first.span.0
                    && words.iter().any(|x| w.label.contains(x))
            })
        })
        .next_back()?;
    let parts: Vec<&Fact> = list.parts.iter().filter_map(|&i| facts.get(i)).collect();
    // Places (甲县, 乙镇, 某单位) or projects, not sources or kinds of funds.
    let place = |p: &Fact| {
        [
            "县", "区", "市", "镇", "乡", "村", "街道", "社区", "单位", "学校", "医院", "项目",
        ]
        .iter()
        .any(|w| p.label.trim().ends_with(w))
    };
    (parts.len() == n
        && parts
            .iter()
            .all(|p| p.unit == first.unit && p.span.1 <= first.span.0 && place(p)))
    .then_some(parts)
}

/// An amount's label names a side of a rate by one of its `words`; what
/// was not done (`未支付32万元`, `尚未到位`) names none.
fn names_a_side(m: &Fact, words: &[&str]) -> bool {
    words.iter().any(|w| {
        m.label.contains(w)
            && !["未", "不", "没有"]
                .iter()
                .any(|no| m.label.contains(&format!("{no}{w}")))
    })
}

/// `计划总投资2860万元…实际到位2745.60万元，到位率96%；实际支出2598.32万元，
/// 资金支出率94.64%`: a rate whose stretch names its numerator once, over one
/// of several bases its vocabulary names before it in the paragraph (what was
/// planned, what arrived). Whichever gives it holds; none giving it is a
/// warning, since which one the report meant it does not say.
fn over_one_of_its_bases(ctx: &Context, window: &[&Fact], rate: &Fact) -> Option<Finding> {
    let (_, nums, dens) = rate_terms(&rate.label)?;
    let before: Vec<&Fact> = window
        .iter()
        .copied()
        .filter(|m| m.span.1 <= rate.span.0 || m.paragraph != rate.paragraph)
        .collect();
    let since = before
        .iter()
        .rposition(|m| m.unit == FactUnit::Percent)
        .map_or(0, |i| i + 1);
    let amount = |m: &Fact| m.money().is_some() && m.kind == FactKind::Level;
    // (The numerator the report's own; a plan with its parts listed after it
    // reads as of a part, but is the whole they make.)
    let num = *only_one(before[since..].iter().filter(|m| {
        amount(m) && m.scope == Scope::Report && names_a_side(m, nums) && !names_a_side(m, dens)
    }))?;
    let bases: Vec<&Fact> = before
        .iter()
        .copied()
        .filter(|d| {
            amount(d)
                && d.unit == num.unit
                && !std::ptr::eq(*d, num)
                && !d.number.value.is_zero()
                && names_a_side(d, dens)
                && !names_a_side(d, nums)
        })
        .collect();
    let values: std::collections::BTreeSet<Decimal> =
        bases.iter().map(|d| d.number.value).collect();
    if values.len() < 2 {
        return None;
    }
    over_one_of(ctx, rate, num, &bases, "it may be over")
}

/// `rate` as `num` over whichever of `bases` gives it; a warning where none
/// does (which base the report meant it does not say), naming the others
/// (`which` says what they are).
fn over_one_of(
    ctx: &Context,
    rate: &Fact,
    num: &Fact,
    bases: &[&Fact],
    which: &str,
) -> Option<Finding> {
    over_whichever_gives_it(
        ctx,
        rate,
        (num, ""),
        bases,
        Some(Severity::Warning),
        |den, _| {
            let others: Vec<String> = bases
                .iter()
                .filter(|d| !std::ptr::eq(**d, den))
                .map(|d| format!("{} {}", d.label, d.number.value))
                .collect();
            match others.is_empty() {
                true => format!(", the one base {which}"),
                false => format!(
                    ", and no other base {which} gives it ({})",
                    others.join(", ")
                ),
            }
        },
    )
}

/// `（一）资金安排情况：…合计4,000万元。` … `二、资金使用情况：…共拨付资金3,768万元，
/// 拨付率94.20%`: a rate whose sentence names its numerator once before it, and
/// no pair of which its stretch states, is over one of the amounts its
/// vocabulary names as a base before that numerator (a project's funds stated
/// in its 概况, their use in a later section). Whichever gives it holds; none
/// giving it is a warning, since which one the report meant it does not say.
fn over_a_base_stated_before(ctx: &Context, rate: &Fact) -> Option<Finding> {
    let (_, nums, dens) = rate_terms(&rate.label)?;
    let amount = |m: &Fact| m.money().is_some() && m.kind == FactKind::Level;
    // (`共拨付资金`: a 拨付率's base word, 资金, may stand in its numerator.)
    let named: Vec<&Fact> = ctx
        .facts()
        .filter(|m| {
            m.paragraph == rate.paragraph
                && m.sentence_start == rate.sentence_start
                && m.span.1 <= rate.span.0
                && amount(m)
                && names_a_side(m, nums)
        })
        .collect();
    let num = match named.as_slice() {
        [one] => *one,
        _ => only_one(named.iter().copied().filter(|m| !names_a_side(m, dens)))?,
    };
    // (Or the whole of a list: `…3,200万元，市级配套800万元，合计4,000万元`.)
    let bases = bases_stated_before(ctx, rate, num, |d| {
        // (A scope read from roles' words: a giver's funds are no base
        // of the report's spending.)
        (d.scope == num.scope || d.role.is_none() || num.role.is_none())
            && ((names_a_side(d, dens) && !names_a_side(d, nums))
                    || ctx.is_list_whole(d)
                    // (Or the funds its own sentence names before it: `某项目：
                    // 债券资金30,000万元，已支出29,100万元，支出进度97.00%`; not
                    // another giver's, `中央资金300万元，省级资金到位150万元`.)
                    || (d.paragraph == rate.paragraph
                        && d.sentence_start == rate.sentence_start
                        && !names_a_side(d, nums)
                        && !jixiao_model::facts::names_fund_source(&num.label)))
    });
    if bases.is_empty() {
        return None;
    }
    over_one_of(ctx, rate, num, &bases, "stated before it")
}

/// The amounts stated before `num` in its unit, none zero, that `keep` keeps:
/// the bases `rate` may be over (within 100%, none smaller than `num`).
fn bases_stated_before<'c>(
    ctx: &'c Context,
    rate: &Fact,
    num: &Fact,
    keep: impl Fn(&Fact) -> bool,
) -> Vec<&'c Fact> {
    let within_100 = rate.number.value <= Decimal::ONE_HUNDRED;
    ctx.facts()
        .filter(|d| {
            (d.paragraph, d.span.1) <= (num.paragraph, num.span.0)
                && d.money().is_some()
                && d.kind == FactKind::Level
                && d.unit == num.unit
                && !d.number.value.is_zero()
                && (!within_100 || d.number.value >= num.number.value)
                && keep(d)
        })
        .collect()
}

/// The numerator and denominator words of a rate by its measure word. A
/// `预算控制率` is an adjustment's share of the budget in some provinces'
/// indicator sets, no ratio of spending: none.
pub(crate) fn rate_terms(label: &str) -> Option<RateTerms> {
    if label.ends_with("预算控制率") {
        return None;
    }
    RATE_TERMS
        .iter()
        .find(|(m, ..)| label.ends_with(m))
        .copied()
}

/// A rate's measure word, its numerator's words and its denominator's.
pub(crate) type RateTerms = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

/// The two amounts a rate is the ratio of by its vocabulary ([`RATE_TERMS`]):
/// exactly one amount names a numerator and exactly one a denominator (or,
/// of several, exactly one carries the role the domain gives it: 执行数 over
/// the 调整后预算 rather than the 年初预算), of one unit and scope, among the
/// amounts of the rate's paragraph after the previous percentage, or else
/// among those of its sentence. None where that is not certain.
fn named_pair<'f>(
    before: &[&'f Fact],
    rate: &Fact,
    is_outlier: &dyn Fn(&Fact) -> bool,
) -> Option<(&'f Fact, &'f Fact)> {
    let (_, nums, dens) = rate_terms(&rate.label)?;
    let since = before
        .iter()
        .rposition(|m| m.unit == FactUnit::Percent)
        .map_or(0, |i| i + 1);
    let in_sentence = before
        .iter()
        .position(|m| m.sentence_start == rate.sentence_start)
        .unwrap_or(before.len());
    let names = names_a_side;
    // A balance carried in (`上年结转结余`) is no part of the year's 结余率.
    let carried = |m: &Fact| rate.label.ends_with("结余率") && is_prior_balance(m);
    let amount = |m: &Fact| {
        m.money().is_some() && m.kind == FactKind::Level && !is_outlier(m) && !carried(m)
    };
    // A scope read from a role's words; a label with no role has none to compare.
    let same_scope =
        |num: &Fact, den: &Fact| num.scope == den.scope || num.role.is_none() || den.role.is_none();
    let pair_in = |window: &[&'f Fact]| -> Option<(&'f Fact, &'f Fact)> {
        let amounts: Vec<&'f Fact> = window.iter().copied().filter(|m| amount(m)).collect();
        let only = |want: &[&str], not: &[&str], preferred: &[FactRole]| -> Option<&'f Fact> {
            // The other side's words outside this side's own (`应到位资金` is a
            // plan: its 到位 is inside 应到位).
            let outside = |m: &Fact| {
                let rest = want.iter().fold(m.label.clone(), |l, w| l.replace(w, "|"));
                not.iter().any(|w| rest.contains(w))
            };
            // (Or that carries the side's role though its words name none:
            // `项目资金总额` is the report's budget beside a `年初预算`.)
            let hits: Vec<&'f Fact> = amounts
                .iter()
                .filter(|m| {
                    (names(m, want) && !outside(m))
                        || m.role.is_some_and(|r| preferred.contains(&r))
                })
                .copied()
                .collect();
            match hits.as_slice() {
                [one] => Some(*one),
                // Several of one value give one rate: the nearest.
                [.., last]
                    if hits
                        .iter()
                        .all(|m| m.unit == last.unit && m.number.value == last.number.value) =>
                {
                    Some(*last)
                }
                _ => only_one(
                    hits.iter()
                        .copied()
                        .filter(|m| m.role.is_some_and(|r| preferred.contains(&r))),
                ),
            }
        };
        let den = only(dens, nums, &[FactRole::Adjusted])?;
        // A numerator may name a denominator's word too (`已拨付资金` over
        // `到位资金`): where none names only its own, the one left beside the
        // denominator.
        // (Spending is the numerator only of a rate of spending: a 节约率's is
        // what was saved, a 结余率's what is left.)
        let spent_words = ["支出", "执行", "实际", "使用", "支付", "拨付"];
        // (Nor of funds received, though some were 拨付 to the spender: a
        // 到位率 is no 全年执行数 over its budget.)
        let of_spending = !rate.label.ends_with("到位率")
            && nums
                .iter()
                .any(|w| spent_words.iter().any(|s| w.contains(s)));
        let num_role: &[FactRole] = if of_spending {
            &[FactRole::Executed]
        } else {
            &[]
        };
        let num = only(nums, dens, num_role).or_else(|| {
            only_one(
                amounts
                    .iter()
                    .copied()
                    .filter(|m| names(m, nums) && !std::ptr::eq(*m, den)),
            )
        })?;
        (num.unit == den.unit && same_scope(num, den) && !den.number.value.is_zero())
            .then_some((num, den))
    };
    pair_in(&before[since..])
        .or_else(|| pair_in(&before[in_sentence..]))
        .or_else(|| {
            // `实际到位资金480万元，到位率96%；实际支出456万元，支出率95%`: the
            // numerator in the rate's own stretch, the denominator the one amount
            // the paragraph names so before it. Both the report's own: a part's
            // rate may be over a part's amount the text leaves out.
            let num = only_one(
                before[since..]
                    .iter()
                    .filter(|m| amount(m) && names(m, nums) && !names(m, dens)),
            )?;
            // Several alike (`总投资3750万元…资金到位3750万元`) give one rate: the nearest.
            let named: Vec<&&Fact> = before[..since]
                .iter()
                .filter(|m| amount(m) && names(m, dens) && !names(m, nums))
                .collect();
            let den = *named.last()?;
            if named
                .iter()
                .any(|m| m.unit != den.unit || m.number.value != den.number.value)
            {
                return None;
            }
            (num.scope == Scope::Report
                && den.scope == Scope::Report
                && num.unit == den.unit
                && !den.number.value.is_zero())
            .then_some((*num, *den))
        })
        .or_else(|| {
            // `项目资金500万元，已使用475万元，资金使用率95%`: a sentence of two
            // amounts, one named as the numerator; the other, no numerator
            // and not less than it, is what it is a share of.
            let sentence: Vec<&'f Fact> = before[in_sentence..]
                .iter()
                .copied()
                .filter(|m| amount(m))
                .collect();
            let [a, b] = sentence.as_slice() else {
                return None;
            };
            let (num, den) = match (names(a, nums), names(b, nums)) {
                (true, false) => (*a, *b),
                (false, true) => (*b, *a),
                _ => return None,
            };
            // A fund's execution rate is `fund_rate`'s, which names the fund; a
            // part's spending over the whole's budget is no rate of anything. Two
            // amounts of one part in the part's sentence (`县级配套资金350万元，实际
            // 到位280万元，到位率80%`) are that part's.
            // (The numerator bare, or naming the same part: `省级资金到位150万元`
            // after `中央资金300万元` is another fund's.)
            let num_subject = ["实际", "已", "共", "累计", "其中"]
                .iter()
                .chain(nums.iter())
                .fold(num.label.clone(), |l, w| l.replace(w, ""));
            let num_subject = num_subject.trim_matches(|c: char| "：:，, ".contains(c));
            let one_part = num.scope == Scope::Part
                && den.scope == Scope::Part
                && rate.role != Some(FactRole::ExecutionRate)
                && (num_subject.is_empty() || den.label.contains(num_subject));
            // (What is left is a share of what could be spent, never of what
            // was: `实际支出742.56万元，…，结余资金22.44万元，结余率2.93%`.)
            let left_over_spent = ["结余率", "节余率", "剩余率", "结转率"]
                .iter()
                .any(|w| rate.label.ends_with(w))
                && den.role == Some(FactRole::Executed);
            (num.unit == den.unit
                && (den.scope == Scope::Report || one_part)
                && same_scope(num, den)
                && den.number.value >= num.number.value
                && !den.number.value.is_zero()
                && !left_over_spent)
                .then_some((num, den))
        })
}

/// The balance sheet a paragraph states: 净资产 = 资产 − 负债, each stated
/// once there (as 合计 / 总额 or bare), in one unit.
/// `2023年度收入总计2,846.73万元，支出总计2,846.73万元。与2022年度相比，收、支
/// 总计各减少124.52万元`: a department's budget or final account balances —
/// what was spent and carried on is all that came in — so its 收入总计 and
/// 支出总计 (预算总计, 决算总计) stated in one sentence are one sum, where its
/// paragraph says so by changing them together (`收、支总计各…`: a report may
/// call the year's own income and spending totals loosely). Only of one book
/// and year: the words before 收入 and 支出 name the same, a year aside
/// (`财政拨款收入总计` beside a bare `支出总计` is none); never a 合计
/// (`本年收入合计` and `本年支出合计` differ by what is carried).
fn totals_in_and_out(ctx: &Context) -> Vec<Finding> {
    // The words before the side, years and 度 aside, for a 总计 of that side.
    // (Read off the clause's own words: a label may drop its 总计.)
    let total_of = |m: &Fact, side: &str| -> Option<String> {
        let head = m.sentence.get(..m.span.0.checked_sub(m.sentence_start)?)?;
        let clause = head.rsplit(['，', ',', '；', ';', '：', ':']).next()?;
        let label = clause.trim().trim_end_matches(['为', '是', ' ']);
        let at = ["总计", "预算总计", "决算总计"]
            .iter()
            .find_map(|t| label.strip_suffix(&format!("{side}{t}")))?;
        let book: String = at
            .chars()
            .filter(|c| !c.is_ascii_digit() && !"年度，,、 ".contains(*c))
            .collect();
        Some(book)
    };
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        if !para.iter().any(|m| m.label.contains("总计各")) {
            continue;
        }
        for sentence in crate::context::by_sentence(para) {
            let side = |name: &str| {
                only_one(sentence.iter().copied().filter_map(|m| {
                    let book = total_of(m, name)?;
                    (m.money().is_some() && m.kind == FactKind::Level).then_some((m, book))
                }))
            };
            let (Some((income, a)), Some((spending, b))) = (side("收入"), side("支出")) else {
                continue;
            };
            if a != b
                || income.unit != spending.unit
                || label_year(&spending.label).is_some_and(|y| Some(y) != label_year(&income.label))
            {
                continue;
            }
            let verdict = ctx.judge(
                "balance.mismatch",
                format!(
                    "收入总计 {} = 支出总计 {}",
                    income.number.value, spending.number.value
                ),
                Operand::of(spending),
                vec![Operand::of(income)],
                Interval::of_printed(income.number),
                income.number.value,
            );
            if let Some(sev) = severity_of(verdict) {
                let unit = spending.unit.label();
                out.push(finding(
                    "balance.mismatch",
                    sev,
                    format!(
                        "{} stated {}{unit} but {} is {}{unit}: the account balances, the two totals are one sum{}",
                        spending.label,
                        spending.number.value,
                        income.label,
                        income.number.value,
                        rounding_note(verdict)
                    ),
                    spending.number.value,
                    Some(income.number.value),
                    Some(unit),
                    &spending.source,
                    &spending.sentence,
                ));
            }
        }
    }
    out
}

fn net_assets(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    // The quantity a label names once its totalling word is dropped.
    let named = |m: &Fact| -> String {
        let l = m.label.trim_end_matches(['为', '是']);
        l.strip_suffix("合计")
            .or_else(|| l.strip_suffix("总额"))
            .or_else(|| l.strip_suffix("总计"))
            .unwrap_or(l)
            .to_string()
    };
    for para in ctx.paragraphs() {
        let money: Vec<&Fact> = para
            .iter()
            .copied()
            .filter(|m| m.money().is_some() && m.kind == FactKind::Level)
            .collect();
        let only = |name: &str| -> Option<&Fact> {
            only_one(money.iter().copied().filter(|m| {
                let n = named(m);
                n.ends_with(name)
                    && !n.ends_with(&format!("流动{name}"))
                    && !n.contains("其中")
                    && (name != "资产" || !n.ends_with("净资产") && !n.ends_with("固定资产"))
            }))
        };
        let (Some(assets), Some(debts), Some(net)) = (only("资产"), only("负债"), only("净资产"))
        else {
            continue;
        };
        if assets.unit != debts.unit || assets.unit != net.unit {
            continue;
        }
        let iv = crate::interval::Interval::of_printed(assets.number)
            .sub(crate::interval::Interval::of_printed(debts.number));
        let Some(straight) = assets.number.value.checked_sub(debts.number.value) else {
            continue;
        };
        let verdict = ctx.judge(
            "balance.mismatch",
            format!(
                "{} − {} = {}",
                assets.number.value, debts.number.value, net.number.value
            ),
            Operand::of(net),
            vec![Operand::of(assets), Operand::of(debts)],
            iv,
            straight,
        );
        if let Some(sev) = severity_of(verdict) {
            let unit = net.unit.label();
            out.push(finding(
                "balance.mismatch",
                sev,
                format!(
                    "{} stated {}{unit} but {} {} − {} {} = {straight}{unit}{}",
                    net.label,
                    net.number.value,
                    assets.label,
                    assets.number.value,
                    debts.label,
                    debts.number.value,
                    rounding_note(verdict)
                ),
                net.number.value,
                Some(straight),
                Some(unit),
                &net.source,
                &net.sentence,
            ));
        }
    }
    out
}

/// `完成率97.33%，偏离度2.67%`: how far a target was missed (or passed) is
/// the completion rate's distance from 100%, in points.
fn deviations(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        for (k, dev) in para.iter().enumerate() {
            if dev.unit != FactUnit::Percent
                || !["偏离度", "偏差率", "偏离率"]
                    .iter()
                    .any(|w| dev.label.ends_with(w))
            {
                continue;
            }
            // The completion rate right before it, in its sentence.
            let Some(done) = para[..k].last().filter(|c| {
                c.sentence_start == dev.sentence_start
                    && c.unit == FactUnit::Percent
                    && c.label.ends_with("完成率")
            }) else {
                continue;
            };
            let hundred = Decimal::ONE_HUNDRED;
            // (A rate printed 100% may be capped, as scoring caps it: the
            // deviation then tells how far past the target it went.)
            if done.number.value == hundred {
                continue;
            }
            let iv = Interval::exact(hundred)
                .sub(Interval::of_printed(done.number))
                .abs();
            let straight = (hundred - done.number.value).abs();
            let verdict = ctx.judge(
                "balance.mismatch",
                format!("|100 − {}| = {}", done.number.value, dev.number.value),
                Operand::of(dev),
                vec![Operand::of(done)],
                iv,
                straight,
            );
            let Some(sev) = severity_of(verdict) else {
                continue;
            };
            out.push(finding(
                "balance.mismatch",
                sev,
                format!(
                    "{} stated {}% but {} {}% is {straight} points from 100%{}",
                    dev.label,
                    dev.number.value,
                    done.label,
                    done.number.value,
                    rounding_note(verdict)
                ),
                dev.number.value,
                Some(straight),
                Some("%"),
                &dev.source,
                &dev.sentence,
            ));
        }
    }
    out
}

/// The year's account a report states (`年初结转和结余126.40万元。本年收入
/// 合计5,862.35万元…本年支出合计5,785.92万元…年末结转和结余202.83万元`): what
/// was carried in, plus what came in, less what was spent, is what is carried
/// out, each stated once (or always alike), in one paragraph or several. A
/// warning where it fails: a 决算 may also distribute or draw on balances it
/// does not state.
fn years_balances(ctx: &Context) -> Option<Finding> {
    // (The report's own: only a date or the body itself before the words,
    // after a 其中: `其中本年收入合计`.)
    let own = |head: &str| {
        jixiao_model::facts::without_qizhong(head)
            .chars()
            .all(|c| c.is_ascii_digit() || "年度本部门单位我局".contains(c))
    };
    let carried = |m: &Fact, when: &str| {
        m.label.find(when).is_some_and(|at| own(&m.label[..at]))
            && ["结转", "结余"].iter().any(|w| m.label.contains(w))
    };
    let the_years = |m: &Fact, flow: &str| {
        let l = m.label.trim_end_matches(['为', '是']);
        [format!("本年{flow}合计"), format!("本年{flow}")]
            .iter()
            .any(|w| l.strip_suffix(w.as_str()).is_some_and(own))
    };
    let money: Vec<&Fact> = ctx
        .facts()
        .filter(|m| m.money().is_some() && m.kind == FactKind::Level)
        .collect();
    // Each figure stated once in the report, or always alike.
    let only = |is: &dyn Fn(&Fact) -> bool| {
        let mut named = money.iter().copied().filter(|m| is(m));
        let one = named.next()?;
        named
            .all(|m| m.unit == one.unit && m.number.value == one.number.value)
            .then_some(one)
    };
    let opening = only(&|m| carried(m, "年初"))?;
    let income = only(&|m| the_years(m, "收入"))?;
    let spent = only(&|m| the_years(m, "支出"))?;
    let closing = only(&|m| carried(m, "年末"))?;
    if [income, spent, closing]
        .iter()
        .any(|m| m.unit != opening.unit)
    {
        return None;
    }
    let of = |m: &Fact| crate::interval::Interval::of_printed(m.number);
    let iv = of(opening).add(of(income)).sub(of(spent));
    let straight = opening.number.value + income.number.value - spent.number.value;
    let verdict = ctx.judge(
        "balance.mismatch",
        format!(
            "{} + {} − {} = {}",
            opening.number.value, income.number.value, spent.number.value, closing.number.value
        ),
        Operand::of(closing),
        vec![
            Operand::of(opening),
            Operand::of(income),
            Operand::of(spent),
        ],
        iv,
        straight,
    );
    severity_of(verdict)?;
    let unit = closing.unit.label();
    Some(finding(
        "balance.mismatch",
        Severity::Warning,
        format!(
            "{} stated {}{unit} but {} {} + {} {} − {} {} = {straight}{unit}{} (unless balances were also distributed or drawn on, which the text does not state)",
            closing.label,
            closing.number.value,
            opening.label,
            opening.number.value,
            income.label,
            income.number.value,
            spent.label,
            spent.number.value,
            rounding_note(verdict)
        ),
        closing.number.value,
        Some(straight),
        Some(unit),
        &closing.source,
        &closing.sentence,
    ))
}

/// The facts of `rate`'s sentence stated before it: what a rate of a change
/// or a move is over.
fn before_in_its_sentence<'p, 'c>(
    para: &'p [&'c Fact],
    rate: &Fact,
) -> impl Iterator<Item = &'c Fact> + 'p {
    let (sentence, at) = (rate.sentence_start, rate.span.0);
    para.iter()
        .copied()
        .filter(move |m| m.sentence_start == sentence && m.span.0 < at)
}

pub(crate) fn balance_mismatch(ctx: &Context) -> Vec<Finding> {
    let mut out = net_assets(ctx);
    out.extend(totals_in_and_out(ctx));
    out.extend(years_balances(ctx));
    out.extend(deviations(ctx));
    out.extend(budget_table::table_differences(ctx, false));
    let (found, judged) = sentence_balances(ctx);
    out.extend(found);
    out.extend(budget_balance(ctx, &judged));
    out.extend(stated_changes(ctx));
    out.extend(stated_directions(ctx));
    out.extend(points_off_the_time_progress(ctx));
    out
}

/// A difference reports state with its two terms: the words that end its
/// label, and those naming what was used and the amount it was used of.
struct Remainder {
    ends: &'static [&'static str],
    used: &'static [&'static str],
    whole: &'static [&'static str],
    /// What was used beyond the whole (`超支`), not what is left of it.
    over: bool,
}

const REMAINDERS: &[Remainder] = &[
    // What is left (`到位资金1500万元，已拨付1350万元，剩余150万元`).
    Remainder {
        ends: &[
            "结余",
            "节余",
            "剩余",
            "结余资金",
            "节余资金",
            "剩余资金",
            "未执行",
            "未支出",
            "未使用",
            "未拨付",
            "未支付",
            "未执行部分",
            "未支出部分",
            "未使用部分",
            "未拨付部分",
            // What was carried into next year (`结转下年403.62万元`) — where
            // it is all of what is left (see `names_a_share_of_the_rest`).
            "结转下年",
            "结转至下年",
            "结转下年度",
        ],
        used: &["支出", "拨付", "使用", "支付", "执行", "发放"],
        // (`项目资金总额500万元，已支出480万元，结余20万元`: all the funds there were;
        // `项目资金共计100万元，已拨付80万元，剩余20万元`; `合同金额100万元，已支付
        // 95万元，剩余5万元质保金`: what was owed.)
        whole: &[
            "到位",
            "预算",
            "下达",
            "安排",
            "拨入",
            "收到",
            "计划",
            "资金总额",
            "资金共计",
            "资金合计",
            "合同",
        ],
        over: false,
    },
    // What was saved (`采购预算150万元，中标金额138万元，节约资金12万元`).
    Remainder {
        ends: &[
            "节约",
            "节约资金",
            "节省",
            "节省资金",
            "节约投资",
            "节约经费",
            "节约成本",
            "节省投资",
            "节省经费",
        ],
        used: &[
            "支出",
            "中标",
            "成交",
            "决算",
            "审定",
            "合同",
            "完成投资",
            "实际采购",
            "采购金额",
        ],
        whole: &["预算", "计划", "控制价", "概算"],
        over: false,
    },
    // What an audit took off (`送审320万元，审定300万元，审减20万元`).
    Remainder {
        ends: &["审减", "审减金额", "审减资金", "核减", "核减金额"],
        used: &["审定", "核定"],
        whole: &["送审", "报审", "申报"],
        over: false,
    },
    // What a budget was adjusted by (`年初预算4800万元，调整后预算5260万元，调整
    // 金额460万元`): the adjusted budget less the one at the year's start.
    Remainder {
        ends: &["调整金额", "调整额", "调整数", "调增金额", "调增额"],
        used: &["年初"],
        whole: &["调整后", "全年预算"],
        over: false,
    },
    // What was spent beyond the plan (`计划总投资800万元，实际完成投资820万元，超支20万元`).
    Remainder {
        ends: jixiao_model::facts::OVERSPENT,
        used: &["实际", "支出", "完成", "决算", "执行"],
        whole: &["预算", "计划", "概算"],
        over: true,
    },
];

/// `到位资金1500万元，已拨付资金1350万元，…，剩余150万元`: a remainder stated after
/// one amount and what was used of it, all in its sentence, is their
/// difference. Only where the sentence names exactly one of each. Returns the
/// findings and the remainders judged (the report-wide balance leaves them).
fn sentence_balances(ctx: &Context) -> (Vec<Finding>, Vec<(usize, (usize, usize))>) {
    let (mut out, mut judged) = (Vec::new(), Vec::new());
    let names = |m: &Fact, words: &[&str]| words.iter().any(|w| m.label.contains(w));
    for para in ctx.paragraphs() {
        for (k, rest) in para.iter().enumerate() {
            let Some(u) = rest.money() else { continue };
            let Some(kind) = REMAINDERS
                .iter()
                .find(|r| r.ends.iter().any(|w| rest.label.ends_with(w)))
            else {
                continue;
            };
            // Saved on last year (`较上年节约3万元`) is a change, no remainder.
            if is_prior_balance(rest)
                || names_last_year(&rest.label)
                || rest.label.contains("同期")
                || names_a_share_of_the_rest(ctx, rest)
            {
                continue;
            }
            // Stated against its base (`较采购预算250万元节约20万元`): the
            // comparison's, judged once there (stated_changes).
            if k > 0
                && para[k - 1].kind == FactKind::Base
                && para[k - 1].sentence_start == rest.sentence_start
            {
                continue;
            }
            let before: Vec<&Fact> = para[..k]
                .iter()
                .copied()
                .filter(|m| {
                    m.sentence_start == rest.sentence_start
                        && m.money() == Some(u)
                        && m.kind == FactKind::Level
                })
                .collect();
            // A balance carried in (`上年结转10万元`, `年初结转和结余50万元`) may be
            // part of what was there: the remainder is then it plus the year's
            // funds less what was used — or the year's funds already hold it.
            let prior = only_one(before.iter().copied().filter(|m| carried_in(m)));
            // Of a label naming both, its last word says which it is: `项目支出
            // 预算调整后` is a budget, `预算执行数` what was used of one.
            let last_at =
                |m: &Fact, words: &[&str]| words.iter().filter_map(|w| m.label.rfind(w)).max();
            let names_used =
                |m: &Fact| names(m, kind.used) && last_at(m, kind.used) > last_at(m, kind.whole);
            let used = only_one(before.iter().copied().filter(|m| names_used(m)));
            // With a balance carried in, the year's 收入 is what was there too (决算's
            // 年初结转和结余 + 收入 − 支出 = 年末结转和结余); a 收支结余 is of 收入
            // by its name.
            let whole_words: &[&str] = if prior.is_some() || rest.label.contains("收支") {
                &["收入"]
            } else {
                &[]
            };
            let wholes: Vec<&Fact> = before
                .iter()
                .copied()
                .filter(|m| {
                    (names(m, kind.whole)
                        || names(m, whole_words)
                        || (kind.ends.contains(&"结余") && names_the_funds_bare(m)))
                        && !names_used(m)
                        && !carried_in(m)
                })
                .collect();
            // `年初预算数500万元，全年预算数520万元，全年执行数498万元，…，结余资金
            // 22万元`: what is left is of the year's budget, the one at its start
            // a stage of it — unless it is left of that one.
            let initial = |m: &Fact| m.role == Some(FactRole::Initial);
            let whole = only_one(wholes.iter().copied()).or_else(|| {
                let [start, year] = wholes.as_slice() else {
                    return None;
                };
                let (start, year) = match (initial(start), initial(year)) {
                    (true, false) => (start, year),
                    (false, true) => (year, start),
                    _ => return None,
                };
                let left_of_the_start = used.is_some_and(|u| {
                    start.number.value.checked_sub(u.number.value) == Some(rest.number.value)
                });
                // (Where 年初 is a term of its own, an adjustment's, it stays one.)
                let a_term = kind.used.contains(&"年初");
                (!left_of_the_start && !a_term).then_some(*year)
            });
            let (Some(used), Some(whole)) = (used, whole) else {
                continue;
            };
            if kind.over {
                out.extend(judge_overspend(ctx, rest, whole, used));
                judged.push((rest.paragraph, rest.span));
                continue;
            }
            let Some(straight) = whole.number.value.checked_sub(used.number.value) else {
                continue;
            };
            if straight <= Decimal::ZERO && prior.is_none() {
                continue;
            }
            judged.push((rest.paragraph, rest.span));
            let terms = format!(
                "{} {} − {} {}",
                whole.label, whole.number.value, used.label, used.number.value
            );
            out.extend(judge_balance(
                ctx,
                rest,
                (whole, prior),
                used,
                straight,
                &rest.label,
                &terms,
            ));
        }
    }
    (out, judged)
}

/// `计划总投资800万元，实际完成投资820万元，超支20万元`: what was used less the plan.
fn judge_overspend(ctx: &Context, over: &Fact, plan: &Fact, used: &Fact) -> Option<Finding> {
    let straight = used.number.value.checked_sub(plan.number.value)?;
    if straight <= Decimal::ZERO {
        return None;
    }
    let iv = Interval::of_printed(used.number).sub(Interval::of_printed(plan.number));
    let verdict = ctx.judge(
        "balance.mismatch",
        format!(
            "{} − {} = {}",
            used.number.value, plan.number.value, over.number.value
        ),
        Operand::of(over),
        vec![Operand::of(used), Operand::of(plan)],
        iv,
        straight,
    );
    let sev = severity_of(verdict)?;
    let unit = over.unit.label();
    Some(finding(
        "balance.mismatch",
        sev,
        format!(
            "{} stated {}{unit} but {} {} − {} {} = {straight}{unit}{}",
            over.label,
            over.number.value,
            used.label,
            used.number.value,
            plan.label,
            plan.number.value,
            rounding_note(verdict)
        ),
        over.number.value,
        Some(straight),
        Some(unit),
        &over.source,
        &over.sentence,
    ))
}

/// A stated balance against what was there less what was used (`straight`,
/// their difference), judged and recorded; the finding names it `name` and
/// words the difference as `terms`.
fn judge_balance(
    ctx: &Context,
    balance: &Fact,
    (whole, prior): (&Fact, Option<&Fact>),
    used: &Fact,
    straight: Decimal,
    name: &str,
    terms: &str,
) -> Option<Finding> {
    let judge = |iv, straight| {
        crate::interval::judge(balance.number.value, balance.number.decimals, iv, straight)
    };
    let iv = Interval::of_printed(whole.number).sub(Interval::of_printed(used.number));
    let mut readings = vec![(
        judge(iv, straight),
        iv,
        straight,
        format!("{} − {}", whole.number.value, used.number.value),
        terms.to_string(),
        vec![Operand::of(whole), Operand::of(used)],
    )];
    // With a balance carried in, the reading that counts it may hold instead.
    if let Some(prior) = prior {
        let with = Interval::of_printed(prior.number).add(iv);
        let with_straight = prior.number.value + straight;
        readings.push((
            judge(with, with_straight),
            with,
            with_straight,
            format!(
                "{} + {} − {}",
                prior.number.value, whole.number.value, used.number.value
            ),
            format!("{} {} + {terms}", prior.label, prior.number.value),
            vec![Operand::of(prior), Operand::of(whole), Operand::of(used)],
        ));
        // A year's funds less what was used is no remainder when negative.
        if straight <= Decimal::ZERO {
            readings.remove(0);
        }
    }
    // The reading that holds, else the one off only by rounding, else the last.
    let best = [Verdict::Consistent, Verdict::Rounding]
        .iter()
        .find_map(|v| readings.iter().position(|r| r.0 == *v))
        .unwrap_or(readings.len() - 1);
    let (_, iv, straight, written, words, inputs) = readings.swap_remove(best);
    let verdict = ctx.judge(
        "balance.mismatch",
        format!("{written} = {}", balance.number.value),
        Operand::of(balance),
        inputs,
        iv,
        straight,
    );
    // A 决算's year-end balance may also move by 结余分配 or a fund's draw
    // the sentence leaves out: from 收入, a mismatch is worth a look.
    let sev = match severity_of(verdict)? {
        Severity::Error if whole.label.contains("收入") => Severity::Warning,
        sev => sev,
    };
    let unit = balance.unit.label();
    Some(finding(
        "balance.mismatch",
        sev,
        format!(
            "{name} stated {}{unit} but {words} = {straight}{unit}{}",
            balance.number.value,
            rounding_note(verdict)
        ),
        balance.number.value,
        Some(straight),
        Some(unit),
        &balance.source,
        &balance.sentence,
    ))
}

/// `项目资金300万元，实际支出290万元，剩余10万元`: the funds named bare, no
/// more (what was paid of them, `拨付项目资金`, names a use).
fn names_the_funds_bare(m: &Fact) -> bool {
    let label = m
        .label
        .trim_matches(['，', ',', '；', ';', '。', ' '])
        .trim_start_matches(['本', '该']);
    matches!(label, "项目资金" | "专项资金" | "补助资金" | "项目总资金")
}

/// What was done with what is left, which may be a share of it: what was
/// taken back (`收回结余5万元`, `交回`, `上缴`) and a listed part
/// (`结余资金100万元，其中结转下年95万元`, `包括：人员经费结余15万元，…`),
/// always; what was carried into next year beside another remainder of its
/// sentence (`结转下年95万元，收回结余5万元`).
fn names_a_share_of_the_rest(ctx: &Context, m: &Fact) -> bool {
    const TAKEN_BACK: &[&str] = &["收回", "交回", "缴回", "上缴", "统筹", "盘活"];
    if TAKEN_BACK.iter().any(|w| m.label.contains(w)) || ctx.is_listed_part(m) {
        return true;
    }
    let carried = |f: &Fact| f.label.contains("结转") || f.after.starts_with("结转");
    carried(m)
        && ctx.facts().any(|f| {
            !std::ptr::eq(f, m)
                && (f.paragraph, f.sentence_start) == (m.paragraph, m.sentence_start)
                && f.money().is_some()
                && !carried(f)
                && ["结余", "节余", "剩余", "收回", "交回", "上缴", "未"]
                    .iter()
                    .any(|w| f.label.contains(w) || f.after.starts_with(w))
        })
}

/// An amount carried into the year (`上年结转`, `年初结转和结余`, `以前年度结余`).
pub(crate) fn carried_in(m: &Fact) -> bool {
    m.kind == FactKind::Level
        && ["上年", "年初", "以前年度"]
            .iter()
            .any(|w| m.label.contains(w))
        && ["结转", "结余"].iter().any(|w| m.label.contains(w))
}

/// A balance carried from earlier years (`上年结余`, `…（含上年结余10万元）`), not
/// this year's remainder.
fn is_prior_balance(m: &Fact) -> bool {
    // The bracket right after the figure (`结余资金30万元（含上年结余10万元）`).
    let bracket = m
        .span
        .1
        .checked_sub(m.sentence_start)
        .and_then(|at| m.sentence.get(at..))
        .map(|rest| rest.trim_start_matches(['万', '亿', '元', ' ']))
        .filter(|rest| rest.starts_with(['（', '(']))
        .and_then(|rest| rest.split([')', '）']).next())
        .unwrap_or("");
    ["上年", "以前年度", "往年", "累计", "结余交回"]
        .iter()
        .any(|w| m.label.contains(w) || m.after.contains(w) || bracket.contains(w))
}

fn budget_balance(ctx: &Context, judged: &[(usize, (usize, usize))]) -> Vec<Finding> {
    let mentions = budget_mentions(ctx);
    // The value stated most often for the first role that has one.
    let pick = |roles: &[FactRole]| -> Option<(&Fact, MoneyUnit)> {
        for role in roles {
            let mut counts: Vec<(&Fact, MoneyUnit, usize)> = Vec::new();
            for (r, _, u, m) in &mentions {
                if r == role {
                    match counts
                        .iter_mut()
                        .find(|(p, uu, _)| p.number.value == m.number.value && uu == u)
                    {
                        Some(e) => e.2 += 1,
                        None => counts.push((m, *u, 1)),
                    }
                }
            }
            if let Some((p, u, _)) = counts.into_iter().max_by_key(|(.., n)| *n) {
                return Some((p, u));
            }
        }
        None
    };
    let Some((spent_fact, us)) = pick(&[FactRole::Executed]) else {
        return Vec::new();
    };
    // What was there: the funds received, else the budget; a balance may be
    // left of either (`调整后预算550万元…到位540万元…支出528.5万元，结余21.5万元`).
    let wholes: Vec<&Fact> = [FactRole::Available, FactRole::Adjusted]
        .iter()
        .filter_map(|r| pick(&[*r]))
        .filter(|(_, u)| *u == us)
        .map(|(f, _)| f)
        .collect();
    if wholes.is_empty() {
        return Vec::new();
    }
    let spent = spent_fact.number;
    let mut out = Vec::new();
    for m in ctx.facts() {
        let FactUnit::Money(u) = m.unit else {
            continue;
        };
        let names_balance = REMAINDERS[0].ends.iter().any(|w| {
            m.label.ends_with(w)
                || m.after.starts_with(w)
                || m.after.starts_with(&format!("资金{w}"))
        });
        // (Nor a balance carried in: `年初结转和结余126.50万元`.)
        if !names_balance
            || is_prior_balance(m)
            || carried_in(m)
            || names_a_share_of_the_rest(ctx, m)
            || u != us
            || judged.contains(&(m.paragraph, m.span))
        {
            continue;
        }
        // A balance its own sentence gives the two amounts of (`项目资金3,013.20
        // 万元，已支出2,853.45万元，结余159.75万元`) is theirs, whoever's they are.
        let before: Vec<&Fact> = ctx
            .facts()
            .filter(|x| {
                x.paragraph == m.paragraph
                    && x.sentence_start == m.sentence_start
                    && x.span.0 < m.span.0
                    && x.unit == m.unit
                    && x.kind == FactKind::Level
            })
            .collect();
        let its_own = before.iter().any(|x| {
            before
                .iter()
                .any(|y| x.number.value - y.number.value == m.number.value)
        });
        if its_own {
            continue;
        }
        // The whole whose remainder it is nearest (exactly, where one gives it).
        let Some(avail_fact) = wholes
            .iter()
            .copied()
            .min_by_key(|w| (w.number.value - spent.value - m.number.value).abs())
        else {
            continue;
        };
        let avail = avail_fact.number;
        let straight = avail.value - spent.value;
        if straight <= Decimal::ZERO {
            continue;
        }
        // A balance far from available − spent is some other balance.
        if (m.number.value - straight).abs() * Decimal::from(5) > straight {
            continue;
        }
        let terms = format!("{} − {}", avail.value, spent.value);
        out.extend(judge_balance(
            ctx,
            m,
            (avail_fact, None),
            spent_fact,
            straight,
            "结余",
            &terms,
        ));
    }
    out
}

pub(crate) fn unit_magnitude(ctx: &Context) -> Vec<Finding> {
    let b = &ctx.report().budget;
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
    let mut absurd = Vec::new();
    let paras = ctx.paragraphs();
    for (pi, para) in paras.iter().enumerate() {
        for m in para {
            let FactUnit::Money(u) = m.unit else {
                continue;
            };
            let yuan = u.to_yuan(m.number.value);
            if yuan <= largest * Decimal::from(100) {
                continue;
            }
            // What the economy made or moved (`旅游总收入286.5亿元`, `带动社会
            // 投资`, loans granted) is no money of the budget's, however large.
            if [
                "总收入",
                "产值",
                "营业",
                "税",
                "增加值",
                "消费",
                "交易",
                "贷款",
                "融资",
                "效益",
                "带动",
                "拉动",
                "社会",
            ]
            .iter()
            .any(|w| m.label.contains(w))
            {
                continue;
            }
            // Its neighbours print amounts of the same size in a smaller unit:
            // the unit, not the number, is wrong.
            let lo = pi.saturating_sub(3);
            let hi = (pi + 4).min(paras.len());
            let neighbour = paras[lo..hi].iter().flatten().any(|n| {
                matches!(n.unit, FactUnit::Money(nu) if nu != u && nu.factor() < u.factor())
                    && n.number.value * Decimal::from(10) >= m.number.value
                    && n.number.value <= m.number.value * Decimal::from(10)
            });
            if !neighbour {
                continue;
            }
            absurd.push(finding(
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
    // A slip of unit is one amount's; several of the report's amounts that
    // far beyond its budget say the budget read is a part's (a flattened
    // table's 合计 of 三公 voted for the report), not that their units are off.
    if absurd.len() >= 3 {
        return Vec::new();
    }
    absurd
}

/// Rates whose vocabulary names their two amounts: a 调剂比例 / 调整率 is the
/// change from the 年初预算 to the adjusted budget over the 年初预算, both
/// stated before it in its sentence and of one scope.
pub(crate) fn adjustment_rates(ctx: &Context) -> Vec<Finding> {
    let mut out = budget_table::adjustment_rate_cells(ctx);
    for para in ctx.paragraphs() {
        for rate in para.iter().filter(|m| {
            m.unit == FactUnit::Percent
                && jixiao_model::facts::ADJUSTMENT_RATES
                    .iter()
                    .any(|n| m.label.ends_with(n))
        }) {
            let before = |role: FactRole| -> Vec<&Fact> {
                before_in_its_sentence(para, rate)
                    .filter(|m| {
                        m.role == Some(role) && m.kind == FactKind::Level && m.money().is_some()
                    })
                    .collect()
            };
            let (initial, adjusted) = (before(FactRole::Initial), before(FactRole::Adjusted));
            let pair = match (initial.as_slice(), adjusted.as_slice()) {
                ([a], [b]) => Some((*a, *b)),
                _ => budget_moved(para, rate),
            };
            let Some((a, b)) = pair else {
                if initial.is_empty() && adjusted.is_empty() {
                    out.extend(report_adjustment_rate(ctx, para, rate));
                } else if let ([a], []) = (initial.as_slice(), adjusted.as_slice()) {
                    out.extend(adjusted_by(ctx, para, a, rate));
                } else if let ([], [b]) = (initial.as_slice(), adjusted.as_slice()) {
                    out.extend(adjusted_from(ctx, para, b, rate));
                }
                continue;
            };
            if a.unit != b.unit || a.scope != b.scope || a.number.value.is_zero() {
                continue;
            }
            // The change is printed without its sign: a cut is a positive 调剂比例 too.
            let (change, iv_change) =
                if b.number.value >= a.number.value || rate.number.value < Decimal::ZERO {
                    (
                        b.number.value - a.number.value,
                        Interval::of_printed(b.number).sub(Interval::of_printed(a.number)),
                    )
                } else {
                    (
                        a.number.value - b.number.value,
                        Interval::of_printed(a.number).sub(Interval::of_printed(b.number)),
                    )
                };
            let Some(iv) = iv_change
                .div(Interval::of_printed(a.number))
                .map(|i| i.scale(Decimal::ONE_HUNDRED))
            else {
                continue;
            };
            let straight = change / a.number.value * Decimal::ONE_HUNDRED;
            out.extend(judge_rate(
                ctx,
                format!(
                    "({} − {}) / {} = {}%",
                    b.number.value, a.number.value, a.number.value, rate.number.value
                ),
                rate,
                vec![Operand::of(a), Operand::of(b)],
                (iv, straight),
                |shown| {
                    format!(
                        "{} stated {}% but ({} {} − {} {}) / {} = {shown}%",
                        rate.label,
                        rate.number.value,
                        level_name(b),
                        b.number.value,
                        level_name(a),
                        a.number.value,
                        a.number.value,
                    )
                },
            ));
        }
    }
    out
}

/// `由年初的1371.63万元调整为1413.05万元，预算调整率为3.02%`: a budget moved
/// from one figure to another in the rate's sentence, the only such move
/// there: (from, to), the figures the 调整率 is of.
fn budget_moved<'a>(para: &[&'a Fact], rate: &Fact) -> Option<(&'a Fact, &'a Fact)> {
    const MOVED: &[&str] = &["调整", "调剂", "调增", "调减", "追加", "增加", "减少"];
    let amounts: Vec<&Fact> = before_in_its_sentence(para, rate)
        .filter(|m| m.kind == FactKind::Level && m.money().is_some())
        .collect();
    let moves: Vec<(&Fact, &Fact)> = amounts
        .windows(2)
        .filter(|w| {
            let (from, to) = (w[0], w[1]);
            // `由年初的` before the first, the move's verb ending the second's
            // own words (its label runs on from the first's).
            let verb = MOVED.iter().any(|v| to.label.trim_end().ends_with(v));
            opens_a_move(from) && verb && from.unit == to.unit && !from.number.value.is_zero()
        })
        .map(|w| (w[0], w[1]))
        .collect();
    match moves.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Words of the amount a budget was changed by.
const CHANGED: &[&str] = &["调增", "追加", "调减", "调剂", "调整"];

/// The one amount in `rate`'s sentence before it that names how `level` was
/// changed (`年中调增50万元`), of its unit and no budget's role.
fn the_change<'a>(para: &[&'a Fact], level: &Fact, rate: &Fact) -> Option<&'a Fact> {
    let named: Vec<&Fact> = before_in_its_sentence(para, rate)
        .filter(|m| {
            m.unit == level.unit && m.role.is_none() && CHANGED.iter().any(|w| m.label.contains(w))
        })
        .collect();
    // Of several, the one whose label is the change itself (`调增`), not a
    // budget named after it (`全年预算调整数`).
    only_one(named.iter().copied()).or_else(|| {
        only_one(
            named
                .iter()
                .copied()
                .filter(|m| CHANGED.iter().any(|w| m.label.trim().ends_with(w))),
        )
    })
}

/// `调增预算90万元，调整后预算1,890万元，预算调整率5.00%`: with the adjusted
/// budget and the one change in its sentence but no 年初预算, the rate is the
/// change over the budget before it (the adjusted less an increase, plus a
/// cut). (`调剂`, `调整` say no direction: left alone.)
fn adjusted_from(ctx: &Context, para: &[&Fact], adjusted: &Fact, rate: &Fact) -> Option<Finding> {
    let change = the_change(para, adjusted, rate)?;
    let cut = ["调减", "减少"].iter().any(|w| change.label.contains(w));
    let raised = ["调增", "追加", "增加"]
        .iter()
        .any(|w| change.label.contains(w));
    if cut == raised || rate.number.value < Decimal::ZERO {
        return None;
    }
    let (b, c) = (
        Interval::of_printed(adjusted.number),
        Interval::of_printed(change.number),
    );
    let (start_iv, start) = match cut {
        true => (b.add(c), adjusted.number.value + change.number.value),
        false => (b.sub(c), adjusted.number.value - change.number.value),
    };
    if start <= Decimal::ZERO {
        return None;
    }
    let iv = c.div(start_iv)?.scale(Decimal::ONE_HUNDRED);
    let straight = change.number.value / start * Decimal::ONE_HUNDRED;
    let sign = if cut { "+" } else { "−" };
    judge_rate(
        ctx,
        format!(
            "{} / ({} {sign} {}) = {}%",
            change.number.value, adjusted.number.value, change.number.value, rate.number.value
        ),
        rate,
        vec![Operand::of(change), Operand::of(adjusted)],
        (iv, straight),
        |shown| {
            format!(
                "{} stated {}% but {} {} / ({} {} {sign} {}) = {shown}%",
                rate.label,
                rate.number.value,
                change.label,
                change.number.value,
                adjusted.label,
                adjusted.number.value,
                change.number.value,
            )
        },
    )
}

/// `年初预算500万元，年中调增50万元，调整率为10.00%`: where the sentence states
/// the 年初预算 and the one amount it was changed by (调增, 追加, 调减, 调剂),
/// but no adjusted budget, the rate is that change over the 年初预算.
fn adjusted_by(ctx: &Context, para: &[&Fact], initial: &Fact, rate: &Fact) -> Option<Finding> {
    let change = the_change(para, initial, rate)?;
    if initial.number.value.is_zero() {
        return None;
    }
    let (iv, straight) = crate::interval::percent(change.number, initial.number)?;
    // A cut's rate may carry its sign (`调减25万元，预算调整率为-5%`).
    let cut = ["调减", "减少"].iter().any(|w| change.label.contains(w));
    let (iv, straight) = if cut && rate.number.value < Decimal::ZERO {
        (iv.scale(-Decimal::ONE), -straight)
    } else {
        (iv, straight)
    };
    judge_rate(
        ctx,
        format!(
            "{} / {} = {}%",
            change.number.value, initial.number.value, rate.number.value
        ),
        rate,
        vec![Operand::of(change), Operand::of(initial)],
        (iv, straight),
        |shown| {
            format!(
                "{} stated {}% but {} {} / {} {} = {shown}%",
                rate.label,
                rate.number.value,
                change.label,
                change.number.value,
                initial.label,
                initial.number.value,
            )
        },
    )
}

/// A bare 调整率 (`预算调整率0.42%`) with no budget in its sentence is the
/// report's: the change over the report's 年初预算 or its adjusted budget,
/// whichever gives it. The change is the amount stated beside it as adjusted
/// (`调剂1.10万元`), or else the difference of the report's two budgets; a
/// rate that counts adjustments both ways (追加 and 调减 added up) is not
/// their difference, so that reading is only ever a warning.
fn report_adjustment_rate(ctx: &Context, para: &[&Fact], rate: &Fact) -> Option<Finding> {
    const BARE: &[&str] = &["预算", "资金", "项目", "年度"];
    let mut name = drop_subject(&rate.label);
    while let Some(rest) = BARE.iter().find_map(|p| name.strip_prefix(p)) {
        name = rest.to_string();
    }
    if !["调剂比例", "调整比例", "调整率", "调剂率"].contains(&name.as_str()) {
        return None;
    }
    let b = &ctx.report().budget;
    let initial = carrying(ctx, FactRole::Initial, b.initial);
    let adjusted = carrying(ctx, FactRole::Adjusted, b.adjusted);
    const CHANGE_WORDS: &[&str] = &["调整", "调剂", "调减", "调增", "追加", "追减"];
    let changes: Vec<&Fact> = before_in_its_sentence(para, rate)
        .filter(|m| {
            m.money().is_some()
                && CHANGE_WORDS.iter().any(|w| m.label.contains(w))
                // (`由年初的…调整为` 1413.05: the level moved to, no change.)
                && !m.label.contains(['由', '从'])
        })
        .collect();
    // Several (追加 100, 调减 80): which the rate counts is not said.
    let stated = match changes.as_slice() {
        [] => None,
        [one] => Some(*one),
        _ => return None,
    };
    let (change, straight, unit, mut inputs) = match (stated, initial, adjusted) {
        (Some(c), ..) => (
            Interval::of_printed(c.number),
            c.number.value,
            c.unit,
            vec![Operand::of(c)],
        ),
        (None, Some(i), Some(a)) if i.unit == a.unit => {
            let (hi, lo) = if a.number.value >= i.number.value {
                (a, i)
            } else {
                (i, a)
            };
            (
                Interval::of_printed(hi.number).sub(Interval::of_printed(lo.number)),
                hi.number.value.checked_sub(lo.number.value)?,
                i.unit,
                vec![Operand::of(i), Operand::of(a)],
            )
        }
        _ => return None,
    };
    let dens: Vec<&Fact> = [initial, adjusted]
        .into_iter()
        .flatten()
        .filter(|d| d.unit == unit && !d.number.value.is_zero())
        .collect();
    // A cut's rate may carry its sign (`预算调整率-5%`).
    let cut = match (stated, initial, adjusted) {
        (Some(c), ..) => ["调减", "追减"].iter().any(|w| c.label.contains(w)),
        (None, Some(i), Some(a)) => a.number.value < i.number.value,
        _ => false,
    };
    let (change, straight) = if cut && rate.number.value < Decimal::ZERO {
        (change.scale(-Decimal::ONE), -straight)
    } else {
        (change, straight)
    };
    let (verdict, straight, den) = best_over(rate, (change, straight, None), &dens)?;
    inputs.push(Operand::of(den));
    let change_terms = match (stated, initial, adjusted) {
        (Some(c), ..) => c.number.value.to_string(),
        (None, Some(i), Some(a)) => format!("|{} − {}|", a.number.value, i.number.value),
        _ => String::new(),
    };
    let verdict = ctx.record(
        "rate.mismatch",
        format!(
            "{change_terms} / {} = {}%",
            den.number.value, rate.number.value
        ),
        Operand::of(rate),
        inputs,
        verdict,
    );
    let sev = match (severity_of(verdict)?, stated) {
        (Severity::Error, Some(_)) => Severity::Error,
        _ => Severity::Warning,
    };
    let shown = straight.round_half_up(rate.number.decimals.max(2));
    let change_text = match stated {
        Some(c) => format!("{} {}", c.label, c.number.value),
        None => "the change between the report's budgets".to_string(),
    };
    Some(finding(
        "rate.mismatch",
        sev,
        format!(
            "{} stated {}% but {change_text} / the report's {} {} = {shown}%{}",
            rate.label,
            rate.number.value,
            den.label,
            den.number.value,
            rounding_note(verdict)
        ),
        rate.number.value,
        Some(shown),
        Some("%"),
        &rate.source,
        &rate.sentence,
    ))
}

/// The whole a share's label names: `占“三公”经费的` → `三公经费`, `占总支出的比重`
/// → `总支出`; none for a bare `占比`.
fn named_whole(label: &str) -> Option<String> {
    // `完成预算的`: the words after the opener name the whole, as after 占.
    let opened = jixiao_model::facts::SHARE_OPENERS
        .iter()
        .find_map(|w| label.trim().strip_prefix(w))
        .filter(|_| label.trim().ends_with('的'))
        .or_else(|| jixiao_model::facts::whole_after_its_part(label));
    let (_, rest) = label.rsplit_once('占').or(opened.map(|r| ("", r)))?;
    let mut name: String = rest
        .chars()
        .filter(|c| !matches!(c, '“' | '”' | '"' | '‘' | '’'))
        .collect();
    for tail in ["的比重", "的比例", "比重", "比例", "的", "比"] {
        if let Some(n) = name.strip_suffix(tail) {
            name = n.to_string();
            break;
        }
    }
    (name.chars().count() >= 2).then_some(name)
}

/// Whether a figure labelled `label` is the whole a share names: its label
/// holds the name, or the name is a total (`总支出`, `支出总额`) and the label
/// states that total another way (`2022年度支出合计`, `全年总支出`), or it is the
/// report's own spending for a total of spending.
fn names_the_whole(label: &str, figure: &Fact, name: &str) -> bool {
    if label.contains(name) {
        return true;
    }
    // Its two words either way round (`占到位资金的` of `资金到位`, `下达资金` of
    // `资金下达`), not what was not (`资金未到位`).
    let chars: Vec<char> = name.chars().collect();
    if let [a, b, c, d] = chars.as_slice() {
        let swapped: String = [c, d, a, b].into_iter().collect();
        if label.contains(&swapped) && !label.contains(['未', '不']) {
            return true;
        }
    }
    // A count named by what it counts (`占全县学校数的` of `全县共有义务教育学校
    // 48所`): the thing counted ends the label.
    if matches!(figure.unit, FactUnit::Count(_)) {
        let counted = name.strip_suffix('数').unwrap_or(name);
        let noun = ["全县", "全市", "全省", "全区", "全部", "全"]
            .iter()
            .find_map(|w| counted.strip_prefix(w))
            .unwrap_or(counted);
        if noun.chars().count() >= 2 && label.trim_end_matches("总数").ends_with(noun) {
            return true;
        }
    }

    let stem = ["总", "全部"]
        .iter()
        .find_map(|w| name.strip_prefix(w))
        .or_else(|| {
            ["合计", "总额", "总计"]
                .iter()
                .find_map(|w| name.strip_suffix(w))
        });
    let Some(stem) = stem.filter(|s| s.chars().count() >= 2) else {
        return false;
    };
    // (`占衔接资金总额的` of `共下达衔接资金5,260万元`: the total of X is the
    // figure named X, where the name ends on it — X more than money at
    // large, `资金`, which any amount's name may end on.)
    ["合计", "总额", "总计"]
        .iter()
        .any(|w| label.contains(&format!("{stem}{w}")))
        || label.contains(&format!("总{stem}"))
        || (name.ends_with("总额")
            && stem.chars().count() >= 3
            && label.trim_end_matches(['为', '是']).ends_with(stem))
        || (stem == "支出"
            && figure.scope == Scope::Report
            && figure.role == Some(FactRole::Executed))
}

/// `占支出总额的`, `占总支出的`: a share naming its whole in a few words, as the
/// first of a run of bare ones often does (`建安工程费…，占支出总额的89.91%；
/// 工程建设其他费…，占6.09%`).
fn names_its_whole(label: &str) -> bool {
    let label = label.trim();
    label
        .strip_prefix('占')
        .and_then(|l| l.strip_suffix('的'))
        .is_some_and(|whole| (2..=6).contains(&whole.chars().count()))
}

/// Amounts each followed by a bare share (`培训费支出30.2万元，占23.50%；活动经费
/// 支出60.8万元，占47.31%；设备购置37.5万元，占29.18%`) that are all of a whole:
/// their shares add up to 100% (within rounding), or the amounts to one of
/// the report's own budget figures. Each share is then its amount over the
/// amounts' sum. Amounts in a stated list are left to [`shares`].
pub(crate) fn split_shares(ctx: &Context) -> Vec<Finding> {
    let b = &ctx.report().budget;
    let figures: Vec<Decimal> = [b.executed, b.adjusted, b.available, b.initial]
        .into_iter()
        .flatten()
        .collect();
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        let pairs: Vec<(&Fact, &Fact)> = para
            .windows(2)
            .filter(|w| {
                let (amount, share) = (w[0], w[1]);
                amount.money().is_some()
                    && amount.kind == FactKind::Level
                    && share.unit == FactUnit::Percent
                    && share.kind == FactKind::Share
                    && share.sentence_start == amount.sentence_start
                    && (["占", "占比", "占比为", "比重", "占比重"].contains(&share.label.trim())
                        || names_its_whole(&share.label))
            })
            .map(|w| (w[0], w[1]))
            .collect();
        if pairs.len() < 2
            || pairs
                .iter()
                .any(|(a, _)| ctx.is_listed_part(a) || a.unit != pairs[0].0.unit)
        {
            continue;
        }
        let whole_iv = pairs
            .iter()
            .fold(Interval::exact(Decimal::ZERO), |acc, (a, _)| {
                acc.add(Interval::of_printed(a.number))
            });
        let shares_iv = pairs
            .iter()
            .fold(Interval::exact(Decimal::ZERO), |acc, (_, s)| {
                acc.add(Interval::of_printed(s.number))
            });
        let whole: Option<Decimal> = pairs
            .iter()
            .try_fold(Decimal::ZERO, |acc, (a, _)| acc.checked_add(a.number.value));
        let whole_yuan: Option<Decimal> = pairs
            .iter()
            .try_fold(Decimal::ZERO, |acc, (a, _)| acc.checked_add(a.yuan?));
        let (Some(whole), Some(whole_yuan)) = (whole, whole_yuan) else {
            continue;
        };
        if whole.is_zero() {
            continue;
        }
        // An amount's share of a whole, as an interval and straight.
        let share_of = |a: &Fact, w: Decimal, w_iv: Interval| -> Option<(Interval, Decimal)> {
            let straight = a.number.value.checked_div(w)? * Decimal::ONE_HUNDRED;
            let iv = Interval::of_printed(a.number).div(w_iv)?;
            Some((iv.scale(Decimal::ONE_HUNDRED), straight))
        };
        let holding = |w: Decimal, w_iv: Interval| {
            pairs
                .iter()
                .filter(|(a, s)| {
                    share_of(a, w, w_iv).is_some_and(|(iv, straight)| {
                        crate::interval::judge(s.number.value, s.number.decimals, iv, straight)
                            == Verdict::Consistent
                    })
                })
                .count()
        };
        // All of a whole: the shares add up to 100%, or the amounts to a figure
        // of the report's, or every share but one, each printed to a decimal at
        // least (two decimals where only two are listed), is its amount over
        // their sum exactly (a list of some parts only, over a larger whole,
        // gives so few).
        let printed_to = if pairs.len() == 2 { 2 } else { 1 };
        let finely_printed = pairs.iter().all(|(_, s)| s.number.decimals >= printed_to);
        let unit = pairs[0].0.money().map_or(Decimal::ONE, |u| u.factor());
        // A figure of the report's (in the amounts' unit, as printed).
        let as_printed = |f: &Decimal| -> Option<(Decimal, Interval)> {
            let w = f.checked_div(unit).filter(|w| !w.is_zero())?;
            let w_iv = Interval::of_printed(jixiao_model::Printed {
                value: w,
                decimals: pairs[0].0.number.decimals,
            });
            Some((w, w_iv))
        };
        // (Or every share but one, so printed, is its amount over one of the
        // report's figures: `第二季度支出…，占24.05%` of the 全年预算 with one
        // quarter mistyped, whose sum is then none of the report's.)
        let all_but_one_of_a_figure = finely_printed
            && figures
                .iter()
                .filter_map(as_printed)
                .any(|(w, w_iv)| holding(w, w_iv) + 1 >= pairs.len());
        let all_of = shares_iv.overlaps(Interval::exact(Decimal::ONE_HUNDRED))
            || figures.contains(&whole_yuan)
            || (finely_printed && holding(whole, whole_iv) + 1 == pairs.len())
            || all_but_one_of_a_figure;
        if !all_of {
            continue;
        }
        // The whole: the amounts' sum, or the report's figure that most shares
        // agree with (one mistyped amount moves the sum, and every share with it).
        let terms: Vec<String> = pairs
            .iter()
            .map(|(a, _)| a.number.value.to_string())
            .collect();
        let mut best = (whole, whole_iv, format!("({})", terms.join(" + ")));
        let mut best_holding = holding(whole, whole_iv);
        for f in &figures {
            let Some((w, w_iv)) = as_printed(f) else {
                continue;
            };
            let n = holding(w, w_iv);
            if n > best_holding {
                best = (w, w_iv, fmt(w));
                best_holding = n;
            }
        }
        // `财政拨款支出2,100.00万元，主要用于：…支出1,800.00万元，占85.71%；…`: the
        // amount the sentence states before them, of their measure (`支出`), is the
        // whole they make up all of — their sum is it.
        let first = pairs[0].0;
        let measure = |m: &Fact| -> String {
            let l = m.label.trim_end_matches(['为', '是']);
            l.chars()
                .rev()
                .take(2)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect()
        };
        let stated = para
            .iter()
            .copied()
            .take_while(|m| !std::ptr::eq(*m, first))
            .filter(|m| {
                m.sentence_start == first.sentence_start
                    && m.kind == FactKind::Level
                    && m.unit == first.unit
            })
            .last()
            .filter(|w| {
                // Of their measure, or the whole a 其中 between them opens.
                let between = w
                    .span
                    .1
                    .checked_sub(w.sentence_start)
                    .zip(first.span.0.checked_sub(w.sentence_start))
                    .and_then(|(a, b)| w.sentence.get(a..b))
                    .unwrap_or("");
                between.contains("其中") || pairs.iter().all(|(a, _)| measure(a) == measure(w))
            });
        if let Some(w) = stated {
            let verdict = ctx.judge(
                "parts.sum",
                format!(
                    "{} = the {} parts its shares make all of",
                    w.label,
                    pairs.len()
                ),
                Operand::of(w),
                pairs.iter().map(|(a, _)| Operand::of(a)).collect(),
                whole_iv,
                whole,
            );
            if let Some(sev) = severity_of(verdict) {
                let unit = w.unit.label();
                out.push(finding(
                    "parts.sum",
                    sev,
                    format!(
                        "{} stated {}{unit} but the parts whose shares add up to all of it, {}, = {whole}{unit}{}",
                        w.label,
                        w.number.value,
                        terms.join(" + "),
                        rounding_note(verdict)
                    ),
                    w.number.value,
                    Some(whole),
                    Some(unit),
                    &w.source,
                    &w.sentence,
                ));
            }
            if verdict == Verdict::Consistent {
                best = (
                    w.number.value,
                    Interval::of_printed(w.number),
                    fmt(w.number.value),
                );
            }
        }
        let (whole, whole_iv, whole_text) = best;
        for (amount, share) in &pairs {
            let Some(computed) = share_of(amount, whole, whole_iv) else {
                continue;
            };
            out.extend(judge_rate(
                ctx,
                format!(
                    "{} / {whole_text} = {}%",
                    amount.number.value, share.number.value
                ),
                share,
                vec![Operand::of(amount)],
                computed,
                |shown| {
                    format!(
                        "{} stated {}%, one of {} shares that make up a whole, but {} / {} = {shown}%",
                        amount.label,
                        share.number.value,
                        pairs.len(),
                        amount.number.value,
                        fmt(whole)
                    )
                },
            ));
        }
    }
    out
}

/// A share (`占“三公”经费的23.92%`) is the amount before it over the whole its
/// label names, stated somewhere in the report. A bare 占比 names no whole: it
/// is checked only after a part of a stated list (`其中，基本支出…、占比21.49%`),
/// against that list's whole and the report's budget and spending, since a
/// share of spending is as often taken of the budget. Where several wholes
/// are candidates, one of them must give the share; where none does, it is a
/// warning, never an error.
pub(crate) fn shares(ctx: &Context) -> Vec<Finding> {
    let unquoted = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '“' | '”' | '"' | '‘' | '’'))
            .collect()
    };
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        for share in para
            .iter()
            .filter(|m| m.unit == FactUnit::Percent && m.kind == FactKind::Share)
        {
            // (A bare `占` after a share that named its whole in the same
            // sentence is of that whole: `基本支出…，占支出合计的33.33%，项目支出
            // …，占66.67%`, and the bare ones after it too.)
            let whole_name = named_whole(&share.label).or_else(|| {
                let bare = ["占", "占比"].contains(&share.label.trim());
                para.iter()
                    .take_while(|m| !std::ptr::eq(**m, *share))
                    .filter(|m| {
                        bare && m.kind == FactKind::Share
                            && m.unit == FactUnit::Percent
                            && m.sentence_start == share.sentence_start
                    })
                    .filter_map(|m| named_whole(&m.label))
                    .last()
            });
            // `县级配套资金253.68万元，县级配套比例20%`: a share its part's name
            // opens is that part's, of the whole it is listed in.
            let by_name = whole_name
                .is_none()
                .then(|| named_part(para, share))
                .flatten();
            let bare = whole_name.is_none()
                && (by_name.is_some()
                    || ["占比", "比重", "占"]
                        .iter()
                        .any(|w| share.label.ends_with(w)));
            if whole_name.is_none() && !bare {
                continue;
            }
            let Some(part) = by_name.or_else(|| part_of_share(para, share)) else {
                continue;
            };
            let (Some(part_yuan), true) = (part.yuan, share.number.value > Decimal::ZERO) else {
                continue;
            };
            let facts = &ctx.report().facts;
            let listed_in: Vec<&Fact> = facts
                .iter()
                .position(|f| std::ptr::eq(f, part))
                .map(|at| {
                    ctx.report()
                        .stated
                        .lists
                        .iter()
                        .filter(|l| l.parts.contains(&at))
                        .filter_map(|l| facts.get(l.whole))
                        .collect()
                })
                .unwrap_or_default();
            // (A part alone under 其中 is of the one amount before it:
            // `项目资金1,000万元，其中中央资金600万元，占60%`.)
            let listed_in = match listed_in.is_empty() && bare {
                true => para
                    .iter()
                    .position(|m| std::ptr::eq(*m, *share))
                    .and_then(|k| whole_before_its_qizhong(para, k, part))
                    .into_iter()
                    .collect(),
                false => listed_in,
            };
            if bare && listed_in.is_empty() {
                continue;
            }
            let whole_name = whole_name.unwrap_or_else(|| "whole".to_string());
            // `完成预算的80%` names a whole its own sentence states (and may
            // exceed it); `占…的` a whole stated anywhere, larger than the part.
            let in_sentence = !bare && !share.label.contains('占');
            let wholes_named = |whole_name: &str| -> Vec<&Fact> {
                ctx.facts()
                    .filter(|m| {
                        // (`完成预算的81.25%，比预算数8万元减少…`: the base is the whole.)
                        (m.kind == FactKind::Level || (in_sentence && m.kind == FactKind::Base))
                            && m.unit == part.unit
                            && !std::ptr::eq(*m, part)
                            && if in_sentence {
                                m.sentence_start == share.sentence_start
                                    && m.paragraph == share.paragraph
                            } else {
                                m.yuan.is_some_and(|y| y > part_yuan)
                            }
                            && if bare {
                                // (The report's own budget or spending stated
                                // before it: a bare `占` speaks of what was said.)
                                listed_in.iter().any(|w| std::ptr::eq(*w, *m))
                                    || (m.scope == Scope::Report
                                        && matches!(
                                            m.role,
                                            Some(FactRole::Adjusted | FactRole::Executed)
                                        )
                                        && (m.paragraph, m.span.1)
                                            <= (share.paragraph, share.span.0))
                            } else {
                                names_the_whole(&unquoted(&m.label), m, whole_name)
                            }
                    })
                    .collect()
            };
            // `占年度计划的82%` of `计划投资1,500万元`, where no figure is named
            // with the year: the year is the report's own.
            let mut wholes = wholes_named(&whole_name);
            if wholes.is_empty() {
                if let Some(bare) = ["年度", "全年", "本年", "当年"]
                    .iter()
                    .find_map(|w| whole_name.strip_prefix(w))
                    .filter(|b| b.chars().count() >= 2)
                {
                    wholes = wholes_named(bare);
                }
            }
            // `“三公”经费支出18.64万元，完成预算的82.48%…。“三公”经费预算22.60万元。`:
            // a whole its sentence does not state may follow in the paragraph,
            // where exactly one figure there is named so.
            if wholes.is_empty() && in_sentence {
                // (Of the part's subject: `“三公”经费预算` for `“三公”经费支出`, not
                // `会议费预算`.)
                let subject = |label: &str| -> Vec<char> {
                    unquoted(label)
                        .replace(whole_name.as_str(), "")
                        .chars()
                        .filter(|c| !c.is_ascii() && !"年度本全".contains(*c))
                        .collect()
                };
                // Two characters in common that say what it is of, not what
                // any money is (经费, 资金, 支出 …).
                const GENERIC: &[&str] = &[
                    "经费", "资金", "支出", "项目", "财政", "拨款", "决算", "预算", "实际",
                ];
                let shared_with_the_part = |label: &str| {
                    let (a, b) = (subject(label), subject(&part.label));
                    a.windows(2)
                        .filter(|w| {
                            let pair: String = w.iter().collect();
                            !GENERIC.contains(&pair.as_str()) && b.windows(2).any(|x| x == *w)
                        })
                        .count()
                };
                // (Or a part of a list whose whole is named so: `“三公”经费预算
                // 32.00万元，其中公务用车购置及运行费22.40万元` is a budget too.)
                let listed_under_the_whole = |m: &Fact| {
                    facts
                        .iter()
                        .position(|f| std::ptr::eq(f, m))
                        .is_some_and(|at| {
                            ctx.report().stated.lists.iter().any(|l| {
                                l.parts.contains(&at)
                                    && facts.get(l.whole).is_some_and(|w| {
                                        names_the_whole(&unquoted(&w.label), w, &whole_name)
                                    })
                            })
                        })
                };
                let named: Vec<(&Fact, usize)> = para
                    .iter()
                    .copied()
                    .filter(|m| {
                        m.kind == FactKind::Level
                            && m.unit == part.unit
                            && m.sentence_start > share.sentence_start
                            && !m.number.value.is_zero()
                            && (names_the_whole(&unquoted(&m.label), m, &whole_name)
                                || listed_under_the_whole(m))
                    })
                    .map(|m| (m, shared_with_the_part(&m.label)))
                    .filter(|(_, shared)| *shared > 0)
                    .collect();
                // The one sharing most with the part's subject (`公务用车购置及
                // 运行费` over `公务接待费` for `公务用车购置及运行费支出`).
                let most = named.iter().map(|(_, n)| *n).max();
                if let [(one, _)] = named
                    .iter()
                    .filter(|(_, n)| Some(*n) == most)
                    .copied()
                    .collect::<Vec<_>>()[..]
                {
                    wholes.push(one);
                }
            }
            let tries: Vec<(Verdict, Decimal, &Fact)> = wholes
                .iter()
                .filter_map(|w| {
                    let (iv, straight) = crate::interval::percent(part.number, w.number)?;
                    let v = crate::interval::judge(
                        share.number.value,
                        share.number.decimals,
                        iv,
                        straight,
                    );
                    Some((v, straight, *w))
                })
                .collect();
            let Some(&(verdict, straight, whole)) = crate::interval::best_reading(&tries, |t| t.0)
            else {
                if in_sentence {
                    out.extend(share_of_a_changed_base(ctx, para, share, part, &whole_name));
                }
                continue;
            };
            let verdict = ctx.record(
                "rate.mismatch",
                format!(
                    "{} / {} = {}%",
                    part.number.value, whole.number.value, share.number.value
                ),
                Operand::of(share),
                vec![Operand::of(part), Operand::of(whole)],
                verdict,
            );
            if verdict != Verdict::Contradiction {
                continue;
            }
            let dp = share.number.decimals.max(2);
            let shown: Vec<String> = tries
                .iter()
                .take(2)
                .map(|(_, s, w)| {
                    format!(
                        "{} / {} {} = {}%",
                        part.number.value,
                        w.label,
                        w.number.value,
                        s.round_half_up(dp)
                    )
                })
                .collect();
            out.push(finding(
                "rate.mismatch",
                Severity::Warning,
                format!(
                    "{} stated {}% of {} {}, but {} gives another share ({})",
                    share.label,
                    share.number.value,
                    part.label,
                    part.number.value,
                    if bare {
                        "neither the whole it is listed in nor the report's budget or spending"
                            .to_string()
                    } else {
                        format!("the {whole_name} stated")
                    },
                    shown.join("; ")
                ),
                share.number.value,
                Some(straight.round_half_up(dp)),
                Some("%"),
                &share.source,
                &share.sentence,
            ));
        }
    }
    out
}

/// The amount a share names by its own words (`县级配套比例` of `县级配套资金`):
/// the one level of money before it in its sentence whose label holds the
/// share's name less its 比例 / 占比 / 比重.
fn named_part<'c>(para: &[&'c Fact], share: &Fact) -> Option<&'c Fact> {
    let name = ["比例", "占比", "比重"]
        .iter()
        .find_map(|w| share.label.trim().strip_suffix(w))?
        .trim_end_matches('的');
    if name.chars().count() < 2 {
        return None;
    }
    only_one(para.iter().copied().filter(|m| {
        m.sentence_start == share.sentence_start
            && m.span.0 < share.span.0
            && m.kind == FactKind::Level
            && m.money().is_some()
            && m.label.contains(name)
    }))
}

/// `“三公”经费支出决算为12.30万元，完成预算的82.00%，比预算减少2.70万元`: the
/// whole the share names is not stated, but the change on it is, so it is the
/// part and the change together (12.30 + 2.70 = 15.00), and the share their
/// ratio. Only where one change in the sentence names that whole.
fn share_of_a_changed_base(
    ctx: &Context,
    para: &[&Fact],
    share: &Fact,
    part: &Fact,
    whole_name: &str,
) -> Option<Finding> {
    let (change, up) = only_one(para.iter().copied().filter(|m| {
        m.kind == FactKind::Change
            && m.unit == part.unit
            && m.sentence_start == share.sentence_start
            && m.label.contains(whole_name)
    }))
    .and_then(|c| Some((c, direction(&c.label)?)))?;
    // Less than the whole by the change, or more.
    let (iv_base, base) = if up {
        (
            Interval::of_printed(part.number).sub(Interval::of_printed(change.number)),
            part.number.value.checked_sub(change.number.value)?,
        )
    } else {
        (
            Interval::of_printed(part.number).add(Interval::of_printed(change.number)),
            part.number.value.checked_add(change.number.value)?,
        )
    };
    if base <= Decimal::ZERO {
        return None;
    }
    let iv = Interval::of_printed(part.number)
        .div(iv_base)?
        .scale(Decimal::ONE_HUNDRED);
    let straight = part.number.value.checked_div(base)? * Decimal::ONE_HUNDRED;
    let sign = if up { "−" } else { "+" };
    let (p, c) = (part.number.value, change.number.value);
    judge_rate(
        ctx,
        format!("{p} / ({p} {sign} {c}) = {}%", share.number.value),
        share,
        vec![Operand::of(part), Operand::of(change)],
        (iv, straight),
        |shown| {
            format!(
                "{} stated {}% but {} {p} over the {whole_name} it implies ({p} {sign} {c} = {base}) is {shown}%",
                share.label.trim_end_matches('的'),
                share.number.value,
                part.label,
            )
        },
    )
}

/// `全年共召开会议12场，其中视频会议4场，占33.33%`: a bare share right after a count
/// listed under 其中 is that count over the one count of its unit the sentence
/// states before 其中 (counts are exact). A share naming its whole (`其中满意
/// 138份，占有效问卷的93.24%`) is of the one count of the unit before it so named.
fn count_shares(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        for (k, share) in para.iter().enumerate() {
            let by_its_part = k
                .checked_sub(1)
                .and_then(|i| para.get(i))
                .is_some_and(|p| names_its_part(&share.label, &p.label));
            let bare =
                ["占", "占比", "占比为", "比重为"].contains(&share.label.trim()) || by_its_part;
            let named = (!bare).then(|| named_whole(&share.label)).flatten();
            if share.unit != FactUnit::Percent || !(bare || named.is_some()) {
                continue;
            }
            let Some(part) = k.checked_sub(1).and_then(|i| para.get(i)).filter(|p| {
                matches!(p.unit, FactUnit::Count(_))
                    && p.kind == FactKind::Level
                    && p.sentence_start == share.sentence_start
            }) else {
                continue;
            };
            if let Some(name) = named {
                // A count named as the total of what it counts (`占有效问卷总数的`)
                // is the count of that (`有效问卷148份`).
                let counted = ["总数", "总量"]
                    .iter()
                    .find_map(|w| name.strip_suffix(w))
                    .filter(|stem| stem.chars().count() >= 2)
                    .unwrap_or(&name);
                let whole = only_one(para[..k - 1].iter().filter(|w| {
                    w.unit == part.unit
                        && w.kind == FactKind::Level
                        && names_the_whole(&w.label, w, counted)
                }))
                .copied()
                .or_else(|| {
                    // Named in full (`占参保缴费人数的`) by one count of a
                    // paragraph before (`全区参保缴费人数10,473人`).
                    (counted.chars().count() >= 4)
                        .then(|| {
                            only_one(ctx.facts().filter(|w| {
                                w.paragraph < share.paragraph
                                    && w.unit == part.unit
                                    && w.kind == FactKind::Level
                                    && w.label.contains(counted)
                            }))
                        })
                        .flatten()
                });
                // (What was done may exceed the plan: `完成计划的106.67%`.)
                let a_plan = ["计划", "目标", "任务"]
                    .iter()
                    .any(|w| counted.ends_with(w));
                if let Some(whole) = whole.filter(|w| w.number.value >= part.number.value || a_plan)
                {
                    out.extend(judge_count_rate(ctx, share, part, whole, |shown| {
                        count_share_message(share, part, whole, shown)
                    }));
                }
                continue;
            }
            let Some(whole) = whole_before_its_qizhong(para, k, part) else {
                continue;
            };
            if whole.number.value < part.number.value || whole.number.value.is_zero() {
                continue;
            }
            out.extend(judge_count_rate(ctx, share, part, whole, |shown| {
                count_share_message(share, part, whole, shown)
            }));
        }
    }
    out
}

/// The whole a part listed under 其中 is of, for the share at `para[k]`
/// right after it: the one figure of the part's unit its sentence states
/// before the 其中 — in the share's sentence, or in the one before that its
/// list runs on from past `；` (`其中视频会议4场，占33.33%；现场会议8场，占66.67%`).
fn whole_before_its_qizhong<'c>(para: &[&'c Fact], k: usize, part: &Fact) -> Option<&'c Fact> {
    let share = para.get(k)?;
    let (opened_at, opened) = para[..k]
        .iter()
        .rev()
        .take_while(|m| {
            m.sentence_start == share.sentence_start || m.sentence.trim_end().ends_with(['；', ';'])
        })
        .map(|m| (m.sentence_start, m.sentence.clone()))
        .find(|(_, text)| text.contains("其中"))?;
    let key = opened
        .find("其中")
        .map(|at| opened_at + at)
        .filter(|&at| at < part.span.0)?;
    only_one(para.iter().filter(|w| {
        w.unit == part.unit
            && w.kind == FactKind::Level
            && w.sentence_start == opened_at
            && w.span.1 <= key
    }))
    .copied()
}

/// `其中新能源车辆1,136辆，新能源车辆占比80.00%`, `其中机械化清扫面积1,000万
/// 平方米，机械化清扫率80%`: a share named by the part right before it — its
/// name, or its name less the noun of what it measures.
fn names_its_part(share: &str, part: &str) -> bool {
    const MEASURED: &[&str] = &[
        "面积", "人数", "数量", "个数", "户数", "人次", "规模", "里程", "长度",
    ];
    let Some(stem) = ["所占比例", "占比", "比例", "比重", "率"]
        .iter()
        .find_map(|w| share.trim().strip_suffix(w))
        .map(|s| s.trim_end_matches('的'))
        .filter(|s| s.chars().count() >= 2)
    else {
        return false;
    };
    let name = jixiao_model::facts::without_qizhong(part.trim()).trim_start_matches(['：', ':']);
    name == stem
        || name
            .strip_prefix(stem)
            .is_some_and(|m| MEASURED.contains(&m))
}

fn count_share_message(share: &Fact, part: &Fact, whole: &Fact, shown: Decimal) -> String {
    let unit = part.unit.label();
    format!(
        "{} {}{unit} is stated to be {}% of {} {}{unit}, but {} / {} = {shown}%",
        part.label,
        part.number.value,
        share.number.value,
        whole.label,
        whole.number.value,
        part.number.value,
        whole.number.value,
    )
}

/// The amount a share is of: the last before it in its sentence, or, for
/// shares listed respectively (`基本支出800万元、项目支出200万元，分别占80%、20%`),
/// the amount in the same place among as many amounts before the list.
fn part_of_share<'c>(para: &[&'c Fact], share: &Fact) -> Option<&'c Fact> {
    let sentence: Vec<&Fact> = para
        .iter()
        .copied()
        .filter(|m| m.sentence_start == share.sentence_start)
        .collect();
    let at = sentence.iter().position(|m| std::ptr::eq(*m, share))?;
    // The run of shares listed with this one: alike labelled, side by side.
    let alike = |m: &&&Fact| m.unit == FactUnit::Percent && m.label == share.label;
    let first = at - sentence[..at].iter().rev().take_while(alike).count();
    let n = sentence[first..].iter().take_while(alike).count();
    let amounts: Vec<&Fact> = sentence[..first]
        .iter()
        .copied()
        .filter(|m| m.money().is_some() && m.kind == FactKind::Level)
        .collect();
    amounts
        .len()
        .checked_sub(n)
        .and_then(|from| amounts.get(from + at - first))
        .copied()
}

/// `住房保障（类）支出3301.2万元，…。与上年相比增加1178.82万元，增长55.54%`:
/// a growth rate after a change on last year is the change over last year's
/// level, which is this year's level less the change (plus it, for a fall).
/// The level is the last amount of the paragraph before the change, the rate
/// comes right after the change, and the rate's word goes the change's way
/// (增长 after 增加, 下降 after 减少); anything else is left alone. Last
/// year's level is inferred, never stated (a rate is sometimes taken on last
/// year's spending while the change is on its budget), so a mismatch is a
/// warning.
pub(crate) fn change_rates(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        for (k, rate) in para.iter().enumerate() {
            let Some(change) = k.checked_sub(1).and_then(|i| para.get(i)) else {
                continue;
            };
            // Of amounts and of counts alike (`新增就业岗位120个，较上年增加20个，增长20%`).
            if rate.unit != FactUnit::Percent
                || change.kind != FactKind::Change
                || !(change.money().is_some() || matches!(change.unit, FactUnit::Count(_)))
                || change.sentence_start != rate.sentence_start
            {
                continue;
            }
            // The rate's own words, after the change: `增长55.54%`, `，下降20.00%`,
            // past the comparison said again (`同口径比2018年下降7.4%`).
            let words = past_a_comparison(
                rate.label
                    .trim_start_matches(|c: char| "，,、 ".contains(c)),
            );
            let (Some(up), Some(rate_up)) = (direction(&change.label), direction(words)) else {
                continue;
            };
            if up != rate_up || words.chars().count() > 4 {
                continue;
            }
            // The level before the change, past the shares a list gives its parts
            // (`其他收入50万元，占4.17%。与上年相比增加…`); where that is a listed
            // part and the change opens a sentence of its own, it is of the list's whole.
            // A change with no subject of its own (`，比上年决算数减少2.1万元`) is of
            // the last level before it, past the other comparisons of its
            // sentence (`决算数12.6万元，决算数比预算数减少5.4万元，下降30%，比上年…`).
            // (A change against its stated base is compared_rates'; one of a
            // respective list, respective_change_rates'.)
            let subjectless = ["比", "较", "与", "同比"]
                .iter()
                .any(|w| change.label.trim_start_matches(['，', ',']).starts_with(w))
                && !change.label.contains("分别");
            // `（三）…本部门支出合计3,256.74万元…` and, a paragraph on, `与上年相比，
            // 支出合计增加186.42万元，增长6.07%`: a change opening its paragraph and
            // naming its subject after the comparison is of the one level so named
            // before.
            let named_before = || {
                let subject = subject_after_comparison(change)?;
                only_one(ctx.facts().filter(|m| {
                    m.paragraph < change.paragraph
                        && m.kind == FactKind::Level
                        && m.unit == change.unit
                        && listed_name(&m.label).ends_with(subject)
                }))
            };
            // (Nor one in brackets the change stands outside of: `安排资金860万元
            // （中央资金516万元，…，县级资金172万元），比上年增加120万元`.)
            let depth = |m: &Fact| {
                jixiao_model::facts::bracket_depth(
                    &m.sentence,
                    m.span.0.saturating_sub(m.sentence_start),
                )
            };
            let bracketed_apart =
                |m: &Fact| m.sentence_start == change.sentence_start && depth(m) > depth(change);
            let Some(mut level) = para[..k - 1]
                .iter()
                .rev()
                .find(|m| {
                    // (Nor a share's base, `完成年初预算32.00万元的83.88%`.)
                    m.kind != FactKind::Share
                        && !bracketed_apart(m)
                        && !m.after.starts_with('的')
                        && !(subjectless
                            && m.sentence_start == change.sentence_start
                            && (m.kind == FactKind::Change || m.unit == FactUnit::Percent))
                })
                .copied()
                .or_else(|| named_before().filter(|_| k == 1))
            else {
                continue;
            };
            // A change naming its subject after other figures (`…其中：公务接待费
            // 同口径比2018年减少38万元，下降7.4%`) is of the one level of that
            // name stated before it in the paragraph (`公务接待费478万元`).
            // (So is one opening a sentence after a list, `…，公用经费412.12万元；
            // 公用经费较上年减少25.68万元`: not of the list's whole.)
            let named = subject_of_change(&change.label).and_then(|subject| {
                only_one(para[..k - 1].iter().filter(|m| {
                    m.kind == FactKind::Level
                        && m.unit == change.unit
                        && listed_name(&m.label) == subject
                }))
            });
            if let Some(named) = named {
                level = named;
            } else if level.sentence_start != change.sentence_start {
                level = whole_of_part(ctx, level).unwrap_or(level);
            } else if let Some(whole) = whole_of_part(ctx, level)
                .filter(|w| subjectless && w.sentence_start == change.sentence_start)
            {
                // `“三公”经费支出0.85万元，其中公务接待费0.85万元，公务用车运行维护费
                // 0万元，比上年减少0.32万元，下降27.35%`: a change with no subject after
                // a list in its sentence is of the list's whole, unless its last
                // part gives the rate.
                if !change_rate_holds(level, change, rate, up) {
                    level = whole;
                }
            }
            // A change naming both its levels is a comparison's (compared_rates),
            // as is one after a move from a stated figure (`从320人增加至450人，增加130人`).
            if level.kind != FactKind::Level
                || level.unit != change.unit
                || named_comparison(para, k - 1).is_some()
                || two_years_compared(para, k - 1).is_some()
                || para.iter().any(|from| moved_to(from, level).is_some())
            {
                continue;
            }
            // `2022年该项目实际支出1,105.60万元，2023年较2022年增加190.80万元`: a
            // level dated the year the change compares with is its base.
            if dated_the_year_compared(level, change) {
                let (c, l) = (change.number.value, level.number.value);
                let Some(ratio) = crate::interval::percent(change.number, level.number) else {
                    continue;
                };
                out.extend(judge_rate(
                    ctx,
                    format!("{c} / {l} = {}%", rate.number.value),
                    rate,
                    vec![Operand::of(change), Operand::of(level)],
                    ratio,
                    |shown| {
                        format!(
                            "{words} stated {}% but the change {c} over {} {l} = {shown}%",
                            rate.number.value, level.label
                        )
                    },
                ));
                continue;
            }
            out.extend(judge_change_rate(ctx, level, change, rate, up, words));
        }
    }
    out.extend(respective_change_rates(ctx));
    out
}

/// The subject a change names before its comparison (`公务接待费同口径比2018年
/// 减少` → `公务接待费`), where it names one.
fn subject_of_change(label: &str) -> Option<&str> {
    let at = ["同口径比", "同口径较", "比", "较", "与", "同比"]
        .iter()
        .filter_map(|w| label.find(w))
        .min()?;
    let subject = listed_name(&label[..at]);
    (subject.chars().count() >= 2).then_some(subject)
}

/// Whether `level` opens on the year `change` compares with (`2022年…` before
/// `2023年较2022年增加`, or `2023年…` before `2024年较上年增加`).
fn dated_the_year_compared(level: &Fact, change: &Fact) -> bool {
    let label = level
        .label
        .trim_start_matches(|c: char| "，,、；;：: ".contains(c));
    let Some(year) = jixiao_model::facts::opening_year(label) else {
        return false;
    };
    // (Or on the year before the change's own, which compares with 上年:
    // `2023年同类资金…，2024年较上年增加…`.)
    let on_last_year = names_last_year(&change.label)
        && jixiao_model::facts::opening_year(
            change
                .label
                .trim_start_matches(|c: char| "，,、；;：: ".contains(c)),
        )
        .is_some_and(|own| own == year + 1);
    on_last_year
        || ["较", "比", "与"]
            .iter()
            .any(|w| change.label.contains(&format!("{w}{year}年")))
}

/// The subject a change on last year names after the comparison (`与上年相比，
/// 支出合计增加` → `支出合计`), where it names one.
fn subject_after_comparison(change: &Fact) -> Option<&str> {
    let before = change
        .sentence
        .get(..change.span.0.saturating_sub(change.sentence_start))?;
    if !["上年", "去年", "上一年"]
        .iter()
        .any(|w| before.contains(w))
    {
        return None;
    }
    let label = change.label.as_str();
    let rest = label.split_once("相比").map_or(label, |(_, rest)| rest);
    let rest = rest.trim_start_matches(|c: char| "，,、 ".contains(c));
    let subject = ["增加", "减少", "增长", "下降", "降低", "上升"]
        .iter()
        .find_map(|w| rest.strip_suffix(w))?;
    (subject.chars().count() >= 2 && !["比", "较", "上年"].iter().any(|w| subject.contains(w)))
        .then_some(subject)
}

/// A level's label without the words that open a list (`其中：`, `，`).
fn listed_name(label: &str) -> &str {
    let label = label.trim_start_matches(|c: char| "，,、；;：: ".contains(c));
    label
        .strip_prefix("其中")
        .unwrap_or(label)
        .trim_start_matches(|c: char| "，,、；;：: ".contains(c))
        .trim_end_matches(|c: char| "，,、 为是".contains(c))
}

/// The change over last year's level, this year's `level` less the change
/// (plus it, for a fall), in percent: its interval under the printed figures'
/// rounding, its straight value, and last year's level.
fn change_over_last_year(
    level: &Fact,
    change: &Fact,
    up: bool,
) -> Option<(Interval, Decimal, Decimal)> {
    let (lv, ch) = (
        Interval::of_printed(level.number),
        Interval::of_printed(change.number),
    );
    let before = if up { lv.sub(ch) } else { lv.add(ch) };
    let iv = ch.div(before)?.scale(Decimal::ONE_HUNDRED);
    let straight_before = if up {
        level.number.value.checked_sub(change.number.value)
    } else {
        level.number.value.checked_add(change.number.value)
    }?;
    let straight = change
        .number
        .value
        .checked_div(straight_before)?
        .checked_mul(Decimal::ONE_HUNDRED)?;
    Some((iv, straight, straight_before))
}

/// Whether `rate` is `change` over last year's level of `level` (within rounding).
fn change_rate_holds(level: &Fact, change: &Fact, rate: &Fact, up: bool) -> bool {
    change_over_last_year(level, change, up).is_some_and(|(iv, straight, _)| {
        crate::interval::judge(rate.number.value, rate.number.decimals, iv, straight)
            == Verdict::Consistent
    })
}

/// A rate of change judged as the change over last year's level, this year's
/// level less the change (plus it, for a fall). Last year's level is inferred,
/// never stated, so a mismatch is a warning.
fn judge_change_rate(
    ctx: &Context,
    level: &Fact,
    change: &Fact,
    rate: &Fact,
    up: bool,
    words: &str,
) -> Option<Finding> {
    let (iv, straight, straight_before) = change_over_last_year(level, change, up)?;
    let sign = if up { "−" } else { "+" };
    let unit = change.unit.label();
    let found = judge_rate(
        ctx,
        format!(
            "{} / ({} {sign} {}) = {}%",
            change.number.value, level.number.value, change.number.value, rate.number.value
        ),
        rate,
        vec![Operand::of(change), Operand::of(level)],
        (iv, straight),
        |shown| {
            format!(
                "{words} stated {}% but the change {}{unit} over last year's {}{unit} ({} {sign} {}) = {shown}%; last year's level is not stated, so the rate may be on another base",
                rate.number.value,
                change.number.value,
                straight_before.normalize(),
                level.number.value,
                change.number.value,
            )
        },
    );
    found.map(|f| Finding {
        severity: Severity::Warning,
        ..f
    })
}

/// `收入总计1523.26万元，支出总计1500.00万元，与上年相比分别增加100万元、80万元，
/// 增长7.03%、5.63%`: as many levels, then as many changes (分别) and rates,
/// paired in order: each rate is its change over its level's last year.
/// Only where the sentence has exactly as many levels before the changes.
fn respective_change_rates(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        let mut sentences: Vec<&[&Fact]> = Vec::new();
        let mut from = 0;
        for k in 1..=para.len() {
            if k == para.len() || para[k].sentence_start != para[from].sentence_start {
                sentences.push(&para[from..k]);
                from = k;
            }
        }
        for s in sentences {
            let Some(first) = (0..s.len()).find(|&k| {
                let m = s[k];
                m.kind == FactKind::Change
                    && m.money().is_some()
                    && [m.label.as_str(), words_before(s, k)]
                        .iter()
                        .any(|w| !jixiao_model::facts::respectively_marks(w).is_empty())
            }) else {
                continue;
            };
            // A respective list: alike facts joined by 、/和/及 alone (their labels
            // may name each its member: `收入总计、支出总计分别减少…`).
            let run = |from: usize| {
                1 + (from + 1..s.len())
                    .take_while(|&k| {
                        s[k].unit == s[from].unit
                            && s[k].kind == s[from].kind
                            && matches!(words_before(s, k).trim(), "、" | "和" | "及")
                    })
                    .count()
            };
            let n = run(first);
            let (changes, after) = s[first..].split_at(n);
            let levels: Vec<&Fact> = s[..first]
                .iter()
                .copied()
                .filter(|m| m.kind == FactKind::Level && m.unit == changes[0].unit)
                .collect();
            let Some(rates) = after.get(..n) else {
                continue;
            };
            let words = rates[0]
                .label
                .trim_start_matches(|c: char| "，,、 ".contains(c));
            let (Some(up), Some(rate_up)) = (direction(&changes[0].label), direction(words)) else {
                continue;
            };
            if n < 2
                || levels.len() != n
                || run(first + n) != n
                || rates[0].unit != FactUnit::Percent
                || up != rate_up
            {
                continue;
            }
            for k in 0..n {
                out.extend(judge_change_rate(
                    ctx, levels[k], changes[k], rates[k], up, words,
                ));
            }
        }
    }
    out
}

/// The sentence's words between the fact before `k` in it (or its start)
/// and fact `k`.
fn words_before<'a>(sentence: &[&'a Fact], k: usize) -> &'a str {
    let m = sentence[k];
    let from = k
        .checked_sub(1)
        .map_or(m.sentence_start, |i| sentence[i].span.1)
        .max(m.sentence_start);
    m.sentence
        .get(from - m.sentence_start..m.span.0.saturating_sub(m.sentence_start))
        .unwrap_or("")
}

/// A rate's words from its direction on, where a comparison opens them
/// (`同口径比2018年下降` → `下降`, `较上年增长` → `增长`).
fn past_a_comparison(words: &str) -> &str {
    let Some(at) = UP.iter().chain(DOWN).filter_map(|d| words.find(d)).min() else {
        return words;
    };
    let head = &words[..at];
    let compares = ["比", "较"].iter().any(|w| head.contains(w)) && head.chars().count() <= 12;
    if compares {
        &words[at..]
    } else {
        words
    }
}

/// The words of a change up, and of a change down.
const UP: &[&str] = &[
    "增加", "增长", "上升", "提高", "提升", "增幅", "超支", "超出", "超过", "增产",
];
const DOWN: &[&str] = &[
    "减少", "下降", "降低", "减幅", "降幅", "节约", "节省", "减产", "缩短", "压缩",
];

/// Which way a change's words say it goes: up (增加, 增长 …), down (减少,
/// 下降 …), or `None` where they say neither or both.
fn direction(words: &str) -> Option<bool> {
    // (`比年度目标95%高`, `高于`, `低于`: higher or lower than what it is compared with.)
    let tail = words.trim_end().trim_end_matches(['了', '出']);
    let says = |up: bool| WAY_WORDS.iter().any(|&(w, u)| u == up && words.contains(w));
    // (`比计划1,200个多220个`: more or fewer than the base.)
    let up = UP.iter().any(|w| words.contains(w)) || tail.ends_with(['高', '多']) || says(true);
    let down =
        DOWN.iter().any(|w| words.contains(w)) || tail.ends_with(['低', '少']) || says(false);
    match (up, down) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// A comparison that states both levels: `“三公”经费支出18万元，较2022年的20万元
/// 减少2万元，下降10%`, `实际支出475万元，较预算500万元节约25万元，节约率5%`. The
/// level compared is the level right before the base (a [`FactKind::Base`]) in
/// its sentence and unit; the change amount and the rate are what follows it in
/// the sentence, up to the next level, each with the way it goes in its words.
pub(crate) struct Comparison<'c> {
    this: &'c Fact,
    /// What it is compared with (the earlier year's level, the budget).
    prior: &'c Fact,
    /// The change, and whether its words say up.
    change: Option<(&'c Fact, bool)>,
    /// The rate of change, and whether its words say up.
    rate: Option<(&'c Fact, bool)>,
}

impl<'c> Comparison<'c> {
    /// The two levels in the order the words say the change goes (`from`,
    /// `to`), and `to − from`: as the printed levels allow, and straight.
    fn difference(&self, up: bool) -> Option<(&'c Fact, &'c Fact, Interval, Decimal)> {
        let (from, to) = if up {
            (self.prior, self.this)
        } else {
            (self.this, self.prior)
        };
        let iv = Interval::of_printed(to.number).sub(Interval::of_printed(from.number));
        let straight = to.number.value.checked_sub(from.number.value)?;
        Some((from, to, iv, straight))
    }
}

/// `预算数为18万元，决算数为12.6万元，决算数比预算数减少5.4万元`: a change whose
/// label names both levels it compares, each the last one stated so before it
/// in the paragraph (this, prior).
fn named_comparison<'c>(para: &[&'c Fact], k: usize) -> Option<(&'c Fact, &'c Fact)> {
    let change = para.get(k)?;
    if change.kind != FactKind::Change || change.money().is_none() {
        return None;
    }
    let label = change.label.trim_start_matches(['，', ',']);
    let (this_name, rest) = ["比", "较"]
        .iter()
        .filter_map(|w| label.split_once(w))
        .min_by_key(|(head, _)| head.len())?;
    let (prior_name, way) = [
        "增加", "减少", "增长", "下降", "降低", "上升", "节约", "超支",
    ]
    .iter()
    .find_map(|w| Some((rest.strip_suffix(w)?, *w)))?;
    let prior_name = prior_name.trim_end_matches('的');
    let level = |m: &Fact| m.kind == FactKind::Level && m.unit == change.unit;
    let named =
        |name: &str| {
            if name.chars().count() < 2 {
                return None;
            }
            let exact = para[..k]
                .iter()
                .rev()
                .copied()
                .find(|m| level(m) && m.label.ends_with(name));
            // `“三公”经费年初预算12.5万元，实际支出9.86万元。“三公”经费支出较年初预算…`:
            // the measure (`支出`) named in a sentence about the subject (`“三公”经费`).
            exact.or_else(|| {
                let at = name.char_indices().rev().nth(1)?.0;
                let (subject, measure) = name.split_at(at);
                (subject.chars().count() >= 2).then_some(())?;
                // `2023年资金较2022年增加`: a year is no subject, but names the
                // level stated for it (`其中…2023年1,600万元`).
                let a_year = subject
                    .trim_end_matches('度')
                    .strip_suffix('年')
                    .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()));
                if a_year {
                    return para[..k]
                        .iter()
                        .rev()
                        .copied()
                        .find(|m| level(m) && m.label.ends_with(subject));
                }
                para[..k].iter().rev().copied().find(|m| {
                    level(m) && m.label.ends_with(measure) && m.sentence.contains(subject)
                })
            })
        };
    // `比年初增加`, `较年初预算增加` after `年初预算收入…` (in its sentence or
    // one before): the budget at the year's start, named by words its label
    // holds, the one such level of the paragraph. Only the budget as adjusted
    // is compared with it so: a 年末 balance `比年初增加` is of the 年初 balance.
    let initial_budget = |name: &str| {
        let mut found = para[..k].iter().copied().filter(|m| {
            level(m)
                && m.role == Some(FactRole::Initial)
                && name.chars().count() >= 2
                && m.label.contains(name)
        });
        let one = found.next()?;
        found
            .all(|m| m.number.value == one.number.value)
            .then_some(one)
    };
    let adjusted = |m: &Fact| m.role == Some(FactRole::Adjusted);
    // `预算数为28.50万元，实际支出21.36万元，…，比预算数减少7.14万元`: with no
    // name before 比, the sentence's own subject, its last level before the
    // change, against the level of the sentence named exactly so.
    let in_sentence = |m: &Fact| level(m) && m.sentence_start == change.sentence_start;
    // (What was saved or overspent of a budget is judged as its remainder.)
    let (this, prior) = if this_name.trim().is_empty() {
        if ["节约", "超支"].contains(&way) {
            return None;
        }
        let named_prior = para[..k]
            .iter()
            .rev()
            .copied()
            .find(|m| in_sentence(m) && m.label.ends_with(prior_name));
        let prior = named_prior.or_else(|| initial_budget(prior_name))?;
        let this = para[..k]
            .iter()
            .rev()
            .copied()
            .find(|m| in_sentence(m) && !std::ptr::eq(*m, prior))?;
        if named_prior.is_none() && !adjusted(this) {
            return None;
        }
        (this, prior)
    } else {
        let this = named(this_name)?;
        match named(prior_name) {
            Some(prior) => (this, prior),
            None => (this, initial_budget(prior_name).filter(|_| adjusted(this))?),
        }
    };
    (!std::ptr::eq(this, prior)).then_some((this, prior))
}

pub(crate) fn comparisons<'a>(ctx: &Context<'a>) -> Vec<Comparison<'a>> {
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        for k in 0..para.len() {
            let Some((this, prior)) = named_comparison(para, k) else {
                continue;
            };
            let change = para[k];
            let rate = para
                .get(k + 1)
                .filter(|m| {
                    m.unit == FactUnit::Percent && m.sentence_start == change.sentence_start
                })
                .and_then(|m| Some((*m, direction(&m.label)?)));
            out.push(Comparison {
                this,
                prior,
                change: direction(&change.label).map(|up| (change, up)),
                rate,
            });
        }
        for (k, prior) in para.iter().enumerate() {
            let same_sentence = |m: &Fact| m.sentence_start == prior.sentence_start;
            // The level right before the base in its unit (a share between them,
            // `支出6.5万元，完成预算的81.25%，比预算数8万元…`, is another figure).
            // (Another comparison's base and change between them are its
            // own: `比上年9.12万元减少0.66万元…；比预算10.00万元减少…`.)
            let in_its_sentence = para[..k]
                .iter()
                .rev()
                .take_while(|m| same_sentence(m))
                .filter(|m| !matches!(m.kind, FactKind::Base | FactKind::Change))
                .find(|m| m.unit == prior.unit || m.unit != FactUnit::Percent);
            // `…下降7.24%；比预算10.00万元减少1.54万元`: a clause after `；`
            // opening on its base compares the level the clause before opened on.
            // (Or a sentence opening on it, `…。与2022年度的1,352.40万元相比，增加
            // 74.18万元`, the level the sentence before opened on.)
            let opens_its_sentence = || {
                prior
                    .sentence
                    .get(..prior.span.0.saturating_sub(prior.sentence_start))
                    .map(str::trim_start)
                    .is_some_and(|head| {
                        ["与", "较", "比", "同"].iter().any(|w| head.starts_with(w))
                            && head.chars().count() <= 12
                    })
            };
            let opens_a_clause = || {
                let before = para[..k].last().filter(|m| !same_sentence(m))?;
                if !before.sentence.trim_end().ends_with(['；', ';']) && !opens_its_sentence() {
                    return None;
                }
                para[..k]
                    .iter()
                    .find(|m| m.sentence_start == before.sentence_start)
                    .filter(|m| m.kind == FactKind::Level && m.unit == prior.unit)
            };
            let Some(this) = in_its_sentence.or_else(opens_a_clause) else {
                continue;
            };
            // (A rate's level may read as a share: `报销比例为65.2%，较上年的63.8%`.)
            let a_level = this.kind == FactKind::Level
                || (this.kind == FactKind::Share && this.unit == FactUnit::Percent);
            if prior.kind != FactKind::Base
                || !a_level
                || this.unit != prior.unit
                || !matches!(
                    this.unit,
                    FactUnit::Money(_) | FactUnit::Count(_) | FactUnit::Percent
                )
                || !(same_sentence(this) || in_its_sentence.is_none())
            {
                continue;
            }
            out.push(stated_after(para, k, this, prior));
        }
        // `普及率由上年的78.5%提高到86.2%，提高7.7个百分点`: a level moved from one
        // figure to the next, what it moved by stated after both.
        for k in 1..para.len() {
            let (from, to) = (para[k - 1], para[k]);
            let Some(up) = moved_to(from, to) else {
                continue;
            };
            let mut c = stated_after(para, k, to, from);
            // A change whose words go against the move's is not about it.
            c.change = c.change.filter(|&(_, u)| u == up);
            c.rate = c.rate.filter(|&(_, u)| u == up);
            out.push(c);
        }
        for k in 2..para.len() {
            let Some((this, prior)) = two_years_compared(para, k) else {
                continue;
            };
            let change = para[k];
            let Some(up) = direction(&change.label) else {
                continue;
            };
            // An amount's rate of change after it (none for rates: a rate of a rate).
            let rate = para
                .get(k + 1)
                .filter(|m| {
                    this.unit != FactUnit::Percent
                        && m.unit == FactUnit::Percent
                        && m.sentence_start == change.sentence_start
                })
                .and_then(|m| Some((*m, direction(&m.label)?)))
                .filter(|&(_, u)| u == up);
            out.push(Comparison {
                this,
                prior,
                change: Some((change, up)),
                rate,
            });
        }
    }
    out
}

/// A change named by its direction alone (`增加`, `，减少`): one of
/// [`direction`]'s words and nothing else.
fn names_a_direction_only(label: &str) -> bool {
    let l = label.trim_matches(['，', ',', '；', ' ', '共', '了']);
    l.chars().count() == 2 && direction(l).is_some()
}

/// `本年度预算执行率98.2%，上年预算执行率95.8%，提高2.4个百分点`, `2023年项目支出
/// 186.5万元，2022年项目支出150万元，较上年增加36.5万元`: two levels of one
/// measure, one of them last year's, and the change between them right after
/// (`para[k]`). Returns (this year's, last year's).
fn two_years_compared<'c>(para: &[&'c Fact], k: usize) -> Option<(&'c Fact, &'c Fact)> {
    let (a, b, change) = (*para.get(k.checked_sub(2)?)?, para[k - 1], para[k]);
    let rates = change.unit == FactUnit::PercentagePoints
        && [a, b].iter().all(|m| m.unit == FactUnit::Percent);
    // Amounts or counts, the change said to be on last year's (`较上年增加`).
    let amounts = change.kind == FactKind::Change
        && matches!(change.unit, FactUnit::Money(_) | FactUnit::Count(_))
        && [a, b]
            .iter()
            .all(|m| m.unit == change.unit && m.kind == FactKind::Level)
        && (names_last_year(&change.label)
            || change.label.contains("同比")
            // (Or a bare 增加 right after last year's level: `…上年为7.09万元，增加7.94万元`.)
            || (names_last_year(&b.label) && names_a_direction_only(&change.label)));
    let alike = |m: &Fact| m.kind != FactKind::Change && m.sentence_start == change.sentence_start;
    // (The earlier year's may close the clause right before: `2022年…执行率
    // 96.00%；2023年…执行率98.33%，较上年提高2.33个百分点`.)
    let clause_before = |m: &Fact| {
        let end = m.sentence_start + m.sentence.len();
        m.kind != FactKind::Change
            && m.sentence.trim_end().ends_with(['；', ';'])
            && m.sentence_start < change.sentence_start
            && end <= change.sentence_start + 3
            && end + 3 >= change.sentence_start
    };
    if !(rates || amounts) || !(alike(a) || clause_before(a)) || !alike(b) {
        return None;
    }
    // Last year's by name, or the earlier of two years (`2023年部门预算执行率
    // 97.56%，2022年为95.12%`; the year after a heading run into the label too,
    // `“三公”经费2023年“三公”经费支出`), else the year its sentence opens on
    // (`2023年全年预算数…，预算执行率94.19%；2022年预算执行率为92.36%`).
    let year = |l: &str| year_opening(l).map(|(y, _)| y).or_else(|| label_year(l));
    let dated = |m: &Fact| year(&m.label).or_else(|| year_opening(&m.sentence).map(|(y, _)| y));
    let (this, prior) = match (names_last_year(&a.label), names_last_year(&b.label)) {
        (true, false) => (b, a),
        (false, true) => (a, b),
        _ => match (dated(a), dated(b)) {
            (Some(x), Some(y)) if x > y => (a, b),
            (Some(x), Some(y)) if y > x => (b, a),
            _ => return None,
        },
    };
    // A year alone (`2022年为`, `上年为`) names the other's level.
    let filler = |rest: &str| {
        rest.trim_matches(['为', '是', '的', '：', ':', ' ', '，'])
            .is_empty()
    };
    let bare = year_opening(&prior.label).is_some_and(|(_, rest)| filler(rest))
        || ["上年", "去年", "上一年"]
            .iter()
            .any(|w| prior.label.trim().strip_prefix(w).is_some_and(filler));
    let measure = |l: &str| l.chars().rev().take(3).collect::<String>();
    (bare || measure(&this.label) == measure(&prior.label)).then_some((this, prior))
}

/// The comparison of `this` with `prior` (`para[k]` the later of the two) by
/// what its sentence says of them after both, up to the next level of their
/// unit: the change (in percentage points for two rates, `比2022年的96.2%提高
/// 2.3个百分点`) and the rate of change (none for rates: a rate of a rate).
fn stated_after<'c>(
    para: &[&'c Fact],
    k: usize,
    this: &'c Fact,
    prior: &'c Fact,
) -> Comparison<'c> {
    let percent = this.unit == FactUnit::Percent;
    let change_unit = if percent {
        FactUnit::PercentagePoints
    } else {
        this.unit
    };
    // (A level in the unit ends them, unless its words say which way it went:
    // `由420公斤提高到465公斤，亩均增产45公斤` states the move's change.)
    let after: Vec<&Fact> = para[k + 1..]
        .iter()
        .copied()
        .take_while(|m| {
            m.sentence_start == para[k].sentence_start
                && !(m.unit == this.unit
                    && m.kind == FactKind::Level
                    && direction(&m.label).is_none())
        })
        .collect();
    let change = only_one(after.iter().filter(|m| m.unit == change_unit))
        .and_then(|m| Some((*m, direction(&m.label)?)));
    let rate = after
        .iter()
        .find(|m| m.unit == FactUnit::Percent && !percent)
        .and_then(|m| Some((*m, direction(&m.label)?)));
    Comparison {
        this,
        prior,
        change,
        rate,
    }
}

/// A label's last two characters: the measure it ends on (`支出`, `预算`).
fn last_two(label: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    chars[chars.len().saturating_sub(2)..].iter().collect()
}

/// What a level is of, for a message: a figure moved to is named by the words
/// before its move (`参训人数` of `参训人数从2022年的320人增加至`).
fn level_name(level: &Fact) -> &str {
    let label = level.label.as_str();
    // `2023年提高到`: the year it moved in.
    if let Some((_, rest)) = year_opening(label) {
        if jixiao_model::facts::moved_to_verb(rest).is_some() {
            return label
                .find('年')
                .map_or(label, |at| &label[..at + '年'.len_utf8()]);
        }
    }
    ["由", "从"]
        .iter()
        .filter_map(|w| label.split_once(w))
        .find(|(head, rest)| !head.trim().is_empty() && rest.contains(|c: char| c.is_ascii_digit()))
        .map_or(label, |(head, _)| head.trim())
}

/// Whether a figure is the one a move starts from: `由` / `从` a few words
/// before it (`由上年的78.5%`, `由年初的1371.63万元`).
fn opens_a_move(from: &Fact) -> bool {
    ["由", "从"]
        .iter()
        .filter_map(|w| from.label.rsplit_once(w))
        .map(|(_, rest)| rest.trim_end_matches('的'))
        .any(|rest| rest.chars().count() <= 8 && !rest.contains(['，', ',', '；']))
}

/// Whether `to` is the figure `from` moved to (`由上年的78.5%提高到86.2%`,
/// `从120万元减少至100万元`), side by side in one sentence and unit, and the
/// way the words say it moved (up or down).
fn moved_to(from: &Fact, to: &Fact) -> Option<bool> {
    let opened = opens_a_move(from);
    // `2022年预算执行率92.5%，2023年提高到96.8%`: a later year's clause of the
    // move alone, after an earlier year's figure.
    let by_years = match (year_opening(&from.label), year_opening(&to.label)) {
        (Some((earlier, _)), Some((later, rest))) => {
            let rest = rest.trim_start_matches(['进', '一', '步', '又', '再', '则']);
            later > earlier
                && rest.chars().count() <= 4
                && jixiao_model::facts::moved_to_verb(rest).is_some()
        }
        _ => false,
    };
    let opened = opened || by_years;
    let verb = jixiao_model::facts::moved_to_verb(&to.label)?;
    let up = match verb {
        "增" => true,
        "降" | "减" => false,
        v => direction(v)?,
    };
    (opened
        && from.sentence_start == to.sentence_start
        && from.unit == to.unit
        && from.kind != FactKind::Change
        && to.kind == FactKind::Level
        && matches!(
            to.unit,
            FactUnit::Money(_) | FactUnit::Count(_) | FactUnit::Percent
        ))
    .then_some(up)
}

/// The change a comparison states, against its two levels: `18万元，较2022年的
/// 20万元减少2万元` is 20 − 18 = 2; a change whose words go the other way than
/// the levels do is wrong by their whole difference.
fn stated_changes(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in ctx.comparisons() {
        let Some((change, up)) = c.change else {
            continue;
        };
        let (this, prior) = (c.this, c.prior);
        let Some((from, to, iv, straight)) = c.difference(up) else {
            continue;
        };
        let verdict = ctx.judge(
            "balance.mismatch",
            format!(
                "{} − {} = {}",
                to.number.value, from.number.value, change.number.value
            ),
            Operand::of(change),
            vec![Operand::of(this), Operand::of(prior)],
            iv,
            straight,
        );
        let Some(sev) = severity_of(verdict) else {
            continue;
        };
        // The levels' unit (`%`) may not be the change's (`个百分点`).
        let (unit, level_unit) = (change.unit.label(), this.unit.label());
        out.push(finding(
            "balance.mismatch",
            sev,
            format!(
                "{} stated {}{unit} but from {}{level_unit} to {} {}{level_unit} is {}{}{unit}{}",
                change.label,
                change.number.value,
                prior.number.value,
                level_name(this),
                this.number.value,
                if this.number.value >= prior.number.value {
                    "+"
                } else {
                    "−"
                },
                straight.abs(),
                rounding_note(verdict)
            ),
            change.number.value,
            Some(straight),
            Some(unit),
            &change.source,
            &change.sentence,
        ));
    }
    out
}

/// `满意度为93.5%，低于目标值95%`: a level compared with a base by a word that
/// says which way (高于, 低于, 超过), no difference stated: the way must be
/// possible under the rounding of both.
fn stated_directions(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in ctx.comparisons() {
        let (this, prior) = (c.this, c.prior);
        if c.change.is_some() || c.rate.is_some() || prior.kind != FactKind::Base {
            continue;
        }
        let words = prior.label.trim_end().trim_end_matches('的');
        let Some((_, up)) = last_way_word(words) else {
            continue;
        };
        let (a, b) = (
            Interval::of_printed(this.number),
            Interval::of_printed(prior.number),
        );
        let possible = if up { a.hi > b.lo } else { a.lo < b.hi };
        let way = if up { ">" } else { "<" };
        ctx.record(
            "balance.mismatch",
            format!("{} {way} {}", this.number.value, prior.number.value),
            Operand::of(this),
            vec![Operand::of(prior)],
            Verdict::holding(possible),
        );
        if !possible {
            let unit = this.unit.label();
            out.push(finding(
                "balance.mismatch",
                Severity::Error,
                format!(
                    "{} stated {}{unit}, {}{}{unit}, but it is {} than that",
                    level_name(this),
                    this.number.value,
                    words.trim_start_matches(['，', ',']),
                    prior.number.value,
                    if up { "no higher" } else { "no lower" }
                ),
                this.number.value,
                None,
                Some(unit),
                &this.source,
                &this.sentence,
            ));
        }
    }
    out
}

/// The rate of change a comparison states, against its two levels:
/// `18万元，较2022年的20万元…下降10%` is (20 − 18) / 20.
fn compared_rates(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for c in ctx.comparisons() {
        let Some((rate, up)) = c.rate else {
            continue;
        };
        let (this, prior) = (c.this, c.prior);
        let Some((from, to, diff, straight_diff)) = c.difference(up) else {
            continue;
        };
        let Some(iv) = diff
            .div(Interval::of_printed(prior.number))
            .map(|i| i.scale(Decimal::ONE_HUNDRED))
        else {
            continue;
        };
        // Checked: a file's numbers may be of any size.
        let Some(straight) = straight_diff
            .checked_div(prior.number.value)
            .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
        else {
            continue;
        };
        let unit = this.unit.label();
        out.extend(judge_rate(
            ctx,
            format!(
                "({} − {}) / {} = {}%",
                to.number.value, from.number.value, prior.number.value, rate.number.value
            ),
            rate,
            vec![Operand::of(this), Operand::of(prior)],
            (iv, straight),
            |shown| {
                format!(
                    "{} stated {}% but from {}{unit} to {} {}{unit} is {shown}%",
                    rate.label,
                    rate.number.value,
                    prior.number.value,
                    level_name(this),
                    this.number.value,
                )
            },
        ));
    }
    out
}

/// The whole of the list a fact is a listed part of.
fn whole_of_part<'a>(ctx: &Context<'a>, part: &Fact) -> Option<&'a Fact> {
    let facts = &ctx.report().facts;
    let i = facts.iter().position(|f| std::ptr::eq(f, part))?;
    let list = ctx
        .report()
        .stated
        .lists
        .iter()
        .find(|l| l.parts.contains(&i))?;
    // Of the wholes the list may be of (`预算28.5万元，实际支出24.16万元。其中…`),
    // the one its parts add up to.
    let parts: Vec<Decimal> = list
        .parts
        .iter()
        .filter_map(|&p| Some(facts.get(p)?.number.value))
        .collect();
    let decimals = crate::interval::column_decimals(&parts);
    let (iv, straight) = crate::interval::column_sum(&parts, decimals);
    std::iter::once(list.whole)
        .chain(list.alternatives.iter().copied())
        .filter_map(|w| facts.get(w))
        .find(|w| {
            crate::interval::judge(w.number.value, w.number.decimals, iv, straight)
                == Verdict::Consistent
        })
        .or_else(|| facts.get(list.whole))
}

/// `三公经费支出20.00万元，上年支出25.00万元，下降20.00%`, `2023年预算安排120.00万元，
/// 2022年预算安排100.00万元，同比增长20.00%`: a growth rate right after both
/// years' levels (one labelled 上年 / 去年 or with the earlier year) is their
/// difference over last year's. The rate's word must go the way the levels go.
pub(crate) fn two_year_rates(ctx: &Context) -> Vec<Finding> {
    let year_of = label_year;
    let last_year = names_last_year;
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        for (k, rate) in para.iter().enumerate() {
            if k < 2 || rate.unit != FactUnit::Percent {
                continue;
            }
            let (a, b) = (para[k - 2], para[k - 1]);
            if a.kind != FactKind::Level
                || b.kind != FactKind::Level
                || a.unit != b.unit
                || !matches!(a.unit, FactUnit::Money(_) | FactUnit::Count(_))
                || a.sentence_start != b.sentence_start
                || (b.sentence_start != rate.sentence_start
                    && !names_both_years_before(para, k, rate))
            {
                continue;
            }
            let words = rate
                .label
                .trim_start_matches(|c: char| "，,、 ".contains(c))
                .trim_start_matches("同比")
                .trim_start_matches("比上年")
                .trim_start_matches("较上年");
            let words = words.trim_end_matches(['了', '为']);
            // `2023年比2022年增长`: the years named, the later then the base.
            let (words, named_years) = match years_compared(words) {
                Some((later, base, rest)) => (rest, Some((later, base))),
                None => (words, None),
            };
            // A rate of change by name (`三公经费变动率为-14.76%`) carries its
            // direction in its sign.
            let signed = jixiao_model::facts::SIGNED_CHANGE_RATES
                .iter()
                .any(|w| words.ends_with(w));
            let up = match words {
                "增长" | "增加" | "上升" | "提高" => true,
                "下降" | "减少" | "降低" => false,
                _ if signed => rate.number.value >= Decimal::ZERO,
                // `“三公”经费下降率为49.57%`.
                _ => match jixiao_model::facts::change_rate_name(words) {
                    Some((_, Some(up))) => up,
                    _ => continue,
                },
            };
            // Which of the two is last year's.
            let (this, last) = match (last_year(&a.label), last_year(&b.label)) {
                (false, true) => (a, b),
                (true, false) => (b, a),
                _ => match (year_of(&a.label), year_of(&b.label)) {
                    (Some(ya), Some(yb)) if ya == yb + 1 => (a, b),
                    (Some(ya), Some(yb)) if yb == ya + 1 => (b, a),
                    _ => continue,
                },
            };
            if (this.number.value > last.number.value) != up
                || this.number.value == last.number.value
                || named_years.is_some_and(|years| {
                    Some(years) != year_of(&this.label).zip(year_of(&last.label))
                })
            {
                continue;
            }
            let (t, l) = (
                Interval::of_printed(this.number),
                Interval::of_printed(last.number),
            );
            // A signed rate is (this − last) / last as printed; a worded one its size.
            let diff = if up || signed { t.sub(l) } else { l.sub(t) };
            let Some(iv) = diff.div(l).map(|i| i.scale(Decimal::ONE_HUNDRED)) else {
                continue;
            };
            let Some(straight) = this
                .number
                .value
                .checked_sub(last.number.value)
                .map(|d| if signed { d } else { d.abs() })
                .and_then(|d| d.checked_div(last.number.value))
                .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
            else {
                continue;
            };
            let unit = this.unit.label();
            out.extend(judge_rate(
                ctx,
                if signed {
                    format!(
                        "({} − {}) / {} = {}%",
                        this.number.value, last.number.value, last.number.value, rate.number.value
                    )
                } else {
                    format!(
                        "|{} − {}| / {} = {}%",
                        this.number.value, last.number.value, last.number.value, rate.number.value
                    )
                },
                rate,
                vec![Operand::of(this), Operand::of(last)],
                (iv, straight),
                |shown| {
                    format!(
                        "{words} stated {}% but from {} {}{unit} to {} {}{unit} is {shown}%",
                        rate.number.value,
                        last.label,
                        last.number.value,
                        this.label,
                        this.number.value,
                    )
                },
            ));
        }
    }
    out
}

/// `2018年三公经费预算总额为63.46万元，而2017年…总额为32万元。本单位三公经费变动率
/// 为98.31%`: a rate of change by name opening its sentence is of the two
/// levels the sentence before states, when it names their subject and they
/// are all that sentence states.
fn names_both_years_before(para: &[&Fact], k: usize, rate: &Fact) -> bool {
    let (a, b) = (para[k - 2], para[k - 1]);
    let whole_sentence_before = para[..k - 2]
        .last()
        .is_none_or(|f| f.sentence_start != a.sentence_start);
    let words = rate.label.trim_end_matches(['了', '为', '是', '：', ':']);
    let Some(subject) =
        jixiao_model::facts::change_rate_name(words).and_then(|(name, _)| words.strip_suffix(name))
    else {
        return false;
    };
    let subject: String = {
        let chars: Vec<char> = subject.trim_matches(['“', '”', '"', ' ']).chars().collect();
        chars[chars.len().saturating_sub(4)..].iter().collect()
    };
    let subject = subject.replace(['“', '”', '"', ' '], "");
    whole_sentence_before
        && b.span.1 <= rate.sentence_start
        && subject.chars().count() >= 2
        && [a, b]
            .iter()
            .all(|f| f.label.replace(['“', '”', '"', ' '], "").contains(&subject))
}

/// `其中中央资金300万元、县级配套50万元。…县级配套到位40万元，到位率80%`: a rate
/// whose amount names its subject and the rate's verb (`县级配套` + `到位`) is
/// that amount over the one amount stated before for the subject alone, in
/// any paragraph before (`其中A县850万元…` above `A县支出830万元，支出率97.65%`).
fn subject_pair<'f>(
    window: &[&'f Fact],
    before: &[&'f Fact],
    rate: &Fact,
) -> Option<(&'f Fact, &'f Fact)> {
    let verb = rate.label.trim_end_matches('率');
    let verb: String = verb
        .chars()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if verb.chars().count() < 2 {
        return None;
    }
    // The amount right before the rate in its sentence.
    let num = *window
        .iter()
        .rfind(|m| m.sentence_start == rate.sentence_start && m.span.1 <= rate.span.0)?;
    num.money()?;
    let bare = jixiao_model::facts::without_qizhong;
    let subject = bare(num.label.trim().strip_suffix(verb.as_str())?);
    let subject = subject.trim();
    if subject.chars().count() < 2 {
        return None;
    }
    let stated_before = |m: &&&Fact| {
        !std::ptr::eq(**m, num)
            && (m.paragraph, m.span.1) < (num.paragraph, num.span.0)
            && m.kind == FactKind::Level
            && m.unit == num.unit
            && !m.number.value.is_zero()
    };
    // The subject's funds named by their kind too: `县级资金到位280万元` of the
    // `县级配套资金350万元` before (the same giver's funds, named one way).
    let giver = subject
        .strip_suffix("资金")
        .filter(|g| g.chars().count() >= 2);
    let same_giver = |label: &str| {
        giver.is_some_and(|g| {
            label.starts_with(g)
                && ["资金", "配套", "补助"].iter().any(|w| label.ends_with(w))
                && !label.contains(verb.as_str())
        })
    };
    let den = only_one(
        before
            .iter()
            .filter(stated_before)
            .filter(|m| bare(&m.label) == subject),
    )
    .or_else(|| {
        only_one(
            before
                .iter()
                .filter(stated_before)
                .filter(|m| same_giver(&bare(&m.label))),
        )
    })?;
    Some((num, *den))
}

/// `实际在职人员为136人，占编委核定编制数143人的比率为95.10%`, `项目支出1000.00万元，
/// 占部门总支出2000.00万元的50.00%`: a share that names its part and its whole
/// outright. The part is the amount right before `占`, the whole the amount
/// right after it, the share what follows the whole's `的`; all three in one
/// sentence, part and whole in one unit. Anything looser is left alone.
pub(crate) fn stated_shares(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        for w in para.windows(3) {
            let (part, whole, share) = (w[0], w[1], w[2]);
            if share.unit != FactUnit::Percent
                || part.unit != whole.unit
                || !matches!(part.unit, FactUnit::Money(_) | FactUnit::Count(_))
                || part.kind != FactKind::Level
                || part.sentence_start != share.sentence_start
                || whole.sentence_start != share.sentence_start
                || whole.number.value.is_zero()
            {
                continue;
            }
            let sentence = &part.sentence;
            let at = |byte: usize| byte.checked_sub(part.sentence_start);
            let (Some(a), Some(b), Some(c), Some(d)) = (
                at(part.span.1),
                at(whole.span.0),
                at(whole.span.1),
                at(share.span.0),
            ) else {
                continue;
            };
            let (Some(before_whole), Some(before_share)) = (sentence.get(a..b), sentence.get(c..d))
            else {
                continue;
            };
            // `，占部门总支出` between part and whole: 占 opens the whole's label
            // (or 为 / 是 / 达到 / 完成 / 相当于: `完成年度目标1,000人次的120%`).
            let lead = before_whole
                .trim_start_matches(|ch: char| ch.is_whitespace() || "，,、".contains(ch));
            let opens = ["占", "为", "是", "达到", "完成", "相当于"]
                .iter()
                .any(|w| lead.starts_with(w))
                && !before_whole
                    .chars()
                    .any(|ch| ch.is_ascii_digit() || "。；;".contains(ch));
            // `的`, `的比率为`, `的比重是` between whole and share.
            let rest = before_share.trim();
            let joins = rest.strip_prefix('的').is_some_and(|r| {
                let r = ["比率", "比例", "比重", "份额"]
                    .iter()
                    .find_map(|w| r.strip_prefix(w))
                    .unwrap_or(r);
                r.trim_start_matches(['为', '是']).trim().is_empty()
            });
            if !opens || !joins {
                continue;
            }
            let Some((iv, straight)) = crate::interval::percent(part.number, whole.number) else {
                continue;
            };
            let unit = part.unit.label();
            out.extend(judge_rate(
                ctx,
                format!(
                    "{} / {} = {}%",
                    part.number.value, whole.number.value, share.number.value
                ),
                share,
                vec![Operand::of(part), Operand::of(whole)],
                (iv, straight),
                |shown| {
                    format!(
                        "{} {}{unit} is stated to be {}% of {} {}{unit}, but {} / {} = {shown}%",
                        part.label,
                        part.number.value,
                        share.number.value,
                        whole.label.trim_start_matches(['占', '为', '是']),
                        whole.number.value,
                        part.number.value,
                        whole.number.value,
                    )
                },
            ));
        }
    }
    out
}

/// The fact that carries one of the report's budget figures (its role, the
/// whole report's scope, its value).
fn carrying<'a>(ctx: &Context<'a>, role: FactRole, value: Option<Decimal>) -> Option<&'a Fact> {
    let value = value?;
    // The fact the report's figure was read from is the whole's, whatever its
    // words' scope (`市本级就业补助资金预算总额`: 本级 names no part there).
    let field = match role {
        FactRole::Initial => "initial",
        FactRole::Adjusted => "adjusted",
        FactRole::Available => "available",
        FactRole::Executed => "executed",
        _ => "",
    };
    let read_from = ctx.report().budget.sources.get(field);
    ctx.facts().find(|m| {
        m.role == Some(role)
            && (m.scope == Scope::Report
                || read_from.is_some_and(|at| at.page == m.source.page && at.line == m.source.line))
            && m.kind == FactKind::Level
            && m.yuan == Some(value)
    })
}

/// The first of `dens` over which `num` gives `rate` at its printed precision.
fn holding_over<'f>(rate: &Fact, num: &Fact, dens: &[&'f Fact]) -> Option<&'f Fact> {
    best_over(
        rate,
        (
            Interval::of_printed(num.number),
            num.number.value,
            num.money(),
        ),
        dens,
    )
    .filter(|(v, ..)| *v == Verdict::Consistent)
    .map(|(.., d)| d)
}

/// `已支付1,218.6万元，资金支付率91.9%（以到位资金计）`: a rate whose bracket
/// names the amount it is over (`以…计`, `按…计算`). Returns (numerator,
/// base): the base the last amount before the rate its words name, the
/// numerator the amount its own sentence states right before it.
fn over_its_stated_base<'f>(
    ctx: &Context<'f>,
    para: &[&'f Fact],
    k: usize,
) -> Option<(&'f Fact, &'f Fact)> {
    let rate = para[k];
    let after = rate
        .sentence
        .get(rate.span.1.checked_sub(rate.sentence_start)?..)?
        .trim_start_matches(['%', '％', ' ']);
    let inner = after.strip_prefix(['（', '('])?;
    let inner = inner
        .strip_prefix('以')
        .or_else(|| inner.strip_prefix('按'))?;
    let base = &inner[..inner.find('计')?];
    let base = base
        .trim_end_matches(['资', '金', '额', '数'])
        .trim_end_matches("资金");
    if base.chars().count() < 2 || base.chars().count() > 8 {
        return None;
    }
    let amount = |m: &Fact| m.money().is_some() && m.kind == FactKind::Level;
    let named = |m: &Fact| amount(m) && m.label.contains(base);
    // In its paragraph, the nearest before it; else the one amount so named
    // before its paragraph (`已完成投资3,420万元` a section earlier).
    let num = *para[..k].iter().rev().find(|m| amount(m))?;
    // (Not a part listed under the whole so named: `累计到位资金2,745万元，…，
    // 其中…县级资金到位445万元` is over the 2,745; of several so named, one
    // that gives the rate is the one meant.)
    let candidates: Vec<&Fact> = para[..k]
        .iter()
        .rev()
        .copied()
        .filter(|m| named(m))
        .collect();
    let gives_it = |d: &Fact| {
        crate::interval::percent(num.number, d.number).is_some_and(|(iv, straight)| {
            crate::interval::judge(rate.number.value, rate.number.decimals, iv, straight)
                == Verdict::Consistent
        })
    };
    let den = match candidates
        .iter()
        .find(|d| gives_it(d))
        .or_else(|| {
            candidates
                .iter()
                .find(|d| d.scope == Scope::Report && !ctx.is_listed_part(d))
        })
        .or_else(|| candidates.first())
    {
        Some(den) => *den,
        None => only_one(
            ctx.facts()
                .filter(|m| m.paragraph < rate.paragraph && named(m)),
        )?,
    };
    (num.sentence_start == rate.sentence_start
        && !std::ptr::eq(num, den)
        && num.unit == den.unit
        && !den.number.value.is_zero())
    .then_some((num, den))
}

/// `计划发放补助资金600万元，实际发放585万元，发放率97.5%`: a rate named by a
/// verb (the two characters before 率) over two amounts of its sentence that
/// both name the verb, the whole as planned and the part as done.
fn done_over_planned(rate: &Fact, num: &Fact, den: &Fact) -> bool {
    let Some(stem) = rate.label.strip_suffix('率') else {
        return false;
    };
    let verb: String = {
        let chars: Vec<char> = stem.chars().collect();
        chars[chars.len().saturating_sub(2)..].iter().collect()
    };
    let done = ["实际", "已", "累计"];
    verb.chars().count() == 2
        && [num, den]
            .iter()
            .all(|m| m.sentence_start == rate.sentence_start && m.label.contains(&verb))
        && names_a_plan(&den.label)
        && !names_a_plan(&num.label)
        && done.iter().any(|w| num.label.contains(w))
}

/// A label of a budget or plan (`全年预算`, `总投资`, `计划投资`), which a rate
/// may be over where the amounts beside it do not give it.
fn names_a_plan(label: &str) -> bool {
    let label = jixiao_model::facts::without_budget_books(label);
    ["预算", "总投资", "计划"].iter().any(|w| label.contains(w))
}

/// The amounts of `num`'s unit that may be what it was of: levels, not zero,
/// naming nothing spent or received.
fn amounts_to_be_had<'a>(ctx: &Context<'a>, num: &Fact) -> impl Iterator<Item = &'a Fact> {
    let unit = num.unit;
    ctx.report().facts.iter().filter(move |d| {
        d.money().is_some()
            && d.unit == unit
            && d.kind == FactKind::Level
            && !d.number.value.is_zero()
            && !["执行", "支出", "到位"].iter().any(|w| d.label.contains(w))
    })
}

/// `项目资金到位1450万元，到位率96.67%` with the budget stated elsewhere (`总投资
/// 1500万元`): a 到位率 after the one amount received in its sentence is that
/// over one of the budgets or plans the report states; as which one is
/// inferred, none giving it is a warning.
fn received_rate(ctx: &Context, window: &[&Fact], rate: &Fact) -> Option<Finding> {
    if !rate.label.ends_with("到位率") {
        return None;
    }
    let num = *only_one(window.iter().filter(|m| {
        m.sentence_start == rate.sentence_start
            && m.span.1 <= rate.span.0
            && m.money().is_some()
            && m.kind == FactKind::Level
    }))?;
    if num.role != Some(FactRole::Available) {
        return None;
    }
    // The total of the funds listed before it in its paragraph (`项目资金来源为
    // 省级…、市级…，合计500万元。…实际到位资金486万元，到位率97.2%`): what was
    // to arrive.
    let report = ctx.report();
    let list_totals: Vec<&Fact> = report
        .stated
        .lists
        .iter()
        .filter(|l| l.kind == ListKind::Total)
        .filter_map(|l| report.facts.get(l.whole))
        .collect();
    let listed_total = |d: &Fact| {
        d.paragraph == num.paragraph
            && d.span.1 <= num.span.0
            && list_totals.iter().any(|w| std::ptr::eq(*w, d))
    };
    // A plan by its words, or the report's own budget (`项目资金总额`).
    let dens: Vec<&Fact> = amounts_to_be_had(ctx, num)
        .filter(|d| {
            names_a_plan(&d.label)
                || (d.scope == Scope::Report
                    && matches!(d.role, Some(FactRole::Initial | FactRole::Adjusted)))
                || listed_total(d)
        })
        .collect();
    over_whichever_gives_it(
        ctx,
        rate,
        (num, ""),
        &dens,
        Some(Severity::Warning),
        |_, _| " (no budget the report states gives it)".to_string(),
    )
}

/// `项目结余资金817.66万元，结余率9.97%`: a 结余率 whose sentence states the
/// balance alone is of the report's budget (as adjusted, the funds received or
/// the 年初预算, whichever gives it; wrong only when none does). A balance
/// carried in from other years is no year's 结余.
fn balance_rate(ctx: &Context, window: &[&Fact], rate: &Fact) -> Option<Finding> {
    if !rate.label.ends_with("结余率")
        || rate.scope != Scope::Report
        || rate.kind != FactKind::Level
    {
        return None;
    }
    let num = *only_one(window.iter().filter(|m| {
        m.sentence_start == rate.sentence_start
            && m.span.1 <= rate.span.0
            && m.money().is_some()
            && m.kind == FactKind::Level
    }))?;
    if !num.label.contains("结余") || is_prior_balance(num) || num.scope != Scope::Report {
        return None;
    }
    over_the_reports_budget(ctx, rate, num, &reports_budget(ctx, num))
}

/// `全年共支出就业补助资金6,012.60万元，支出率94.24%`: a 支出率, 支付率 or 使用率 whose
/// paragraph states the report's spending alone before it is of the report's
/// budget, as a 结余率 is ([`balance_rate`]). (Beside other amounts it may be
/// over one of them, which the rules before this one judge or leave.)
fn spent_rate(ctx: &Context, window: &[&Fact], rate: &Fact) -> Option<Finding> {
    if !["支出率", "支出进度", "使用率", "支付率", "支付进度"]
        .iter()
        .any(|w| rate.label.ends_with(w))
        || rate.scope != Scope::Report
        || rate.kind != FactKind::Level
    {
        return None;
    }
    let num = *only_one(window.iter().filter(|m| {
        (m.paragraph, m.span.1) <= (rate.paragraph, rate.span.0) && m.money().is_some()
    }))?;
    if num.sentence_start != rate.sentence_start || num.kind != FactKind::Level {
        return None;
    }
    if num.role != Some(FactRole::Executed) || num.scope != Scope::Report {
        return None;
    }
    over_the_reports_budget(ctx, rate, num, &reports_budget(ctx, num))
}

/// `结余率为4.80%。` in a paragraph of no amount: the report's one balance
/// (the whole's, none carried in) over its budget, as a 结余率 beside it is
/// ([`balance_rate`]).
fn bare_balance_rate(ctx: &Context, para: &[&Fact], rate: &Fact) -> Option<Finding> {
    if !rate.label.ends_with("结余率")
        || rate.scope != Scope::Report
        || para.iter().any(|m| m.money().is_some())
    {
        return None;
    }
    let balance = only_one(ctx.facts().filter(|m| {
        m.money().is_some()
            && m.kind == FactKind::Level
            && m.scope == Scope::Report
            && m.label.contains("结余")
            && !is_prior_balance(m)
            && (m.paragraph, m.span.1) <= (rate.paragraph, rate.span.0)
    }))?;
    over_the_reports_budget(ctx, rate, balance, &reports_budget(ctx, balance))
}

/// `资金支出率96.89%` in a paragraph of no amount (a form's rate cell, the
/// funds in its blocks above): a rate of spending of the report's own
/// figures, judged as an execution rate is ([`report_rate`]).
fn bare_spending_rate(ctx: &Context, para: &[&Fact], rate: &Fact) -> Option<Finding> {
    let spending = ["支出率", "支付率", "使用率"]
        .iter()
        .any(|w| rate.label.ends_with(w));
    if !spending || rate.scope != Scope::Report || para.iter().any(|m| m.money().is_some()) {
        return None;
    }
    report_rate(ctx, rate, false)
}

/// The facts carrying the report's budget in `num`'s unit: as adjusted, the
/// funds received and the 年初预算, those stated (and not zero).
fn reports_budget<'c>(ctx: &Context<'c>, num: &Fact) -> Vec<&'c Fact> {
    let b = &ctx.report().budget;
    [
        carrying(ctx, FactRole::Adjusted, b.adjusted),
        carrying(ctx, FactRole::Available, b.available),
        carrying(ctx, FactRole::Initial, b.initial),
    ]
    .into_iter()
    .flatten()
    .filter(|d| d.unit.measures_like(num.unit) && !d.number.value.is_zero())
    .collect()
}

/// `rate` judged as `num` over whichever of the report's budget facts
/// (`dens`) gives it: the finding if none does.
fn over_the_reports_budget(
    ctx: &Context,
    rate: &Fact,
    num: &Fact,
    dens: &[&Fact],
) -> Option<Finding> {
    over_whichever_gives_it(
        ctx,
        rate,
        (num, "the report's "),
        dens,
        None,
        |_, verdict| rounding_note(verdict).to_string(),
    )
}

/// `rate` judged as `num` over whichever of `dens` gives it (a holding one,
/// else one within rounding); where none does, the finding: of the verdict's
/// severity unless `fixed`, worded with the arithmetic over the denominator
/// taken and what `then` adds (given that denominator and the verdict).
/// `whose` goes before the numerator's label.
fn over_whichever_gives_it(
    ctx: &Context,
    rate: &Fact,
    (num, whose): (&Fact, &str),
    dens: &[&Fact],
    fixed: Option<Severity>,
    then: impl FnOnce(&Fact, Verdict) -> String,
) -> Option<Finding> {
    let (verdict, straight, den) = best_ratio(ctx, rate, num, dens)?;
    let sev = severity_of(verdict)?;
    let shown = straight.round_half_up(rate.number.decimals.max(2));
    // Units named where they differ (`1245600元 / 125.68万元`).
    let unit = |m: &Fact| match num.unit == den.unit {
        true => "",
        false => m.unit.label(),
    };
    Some(crate::context::rate_finding(
        rate,
        fixed.unwrap_or(sev),
        format!(
            "{} stated {}% but {whose}{} {}{} / {} {}{} = {shown}%{}",
            rate.label,
            rate.number.value,
            num.label,
            num.number.value,
            unit(num),
            den.label,
            den.number.value,
            unit(den),
            then(den, verdict)
        ),
        shown,
    ))
}

/// A whole-report 执行率 with no amounts beside it (`本年支出合计…，预算执行率为
/// 97.10%` after the budget was stated a paragraph before) is the report's
/// executed amount over its budget: over the adjusted budget, the funds
/// available or the 年初预算, whichever the report uses; wrong only when none
/// gives it. The amounts are the facts that carry the report's own figures.
/// `2023年实际支出428.15万元，其中基本支出352.15万元，项目支出76万元，预算执行率
/// 98.02%`: an execution rate right after the parts listed of the report's
/// spending, each part stated by one amount, is the whole's (a part's rate
/// follows that part's budget and spending).
fn follows_the_reports_spending_split(ctx: &Context, rate: &Fact) -> bool {
    // A rate naming a subject (`项目支出执行率`) is that subject's.
    let mut subject = rate.label.trim().trim_end_matches("执行率");
    while let Some(rest) = [
        "预算", "总体", "整体", "部门", "全年", "年度", "资金", "，", ",",
    ]
    .iter()
    .find_map(|w| subject.strip_prefix(w))
    {
        subject = rest;
    }
    // A bare `执行率` right after `项目支出76万元` may be that part's; `预算执行率`,
    // `总体执行率` name the whole.
    let names_the_whole = ["预算", "总体", "整体", "部门", "全年"]
        .iter()
        .any(|w| rate.label.contains(w));
    if !subject.is_empty() || !names_the_whole {
        return false;
    }
    let facts = &ctx.report().facts;
    ctx.report().stated.lists.iter().any(|list| {
        let Some(whole) = facts.get(list.whole) else {
            return false;
        };
        let parts: Vec<&Fact> = list.parts.iter().filter_map(|&i| facts.get(i)).collect();
        let Some(last) = parts.last() else {
            return false;
        };
        whole.role == Some(FactRole::Executed)
            && whole.scope == Scope::Report
            && whole.yuan.is_some()
            && whole.yuan == ctx.report().budget.executed
            && whole.paragraph == rate.paragraph
            && whole.sentence_start == rate.sentence_start
            && last.span.1 <= rate.span.0
            // Nothing stated between the last part and the rate.
            && !facts.iter().any(|m| {
                m.paragraph == rate.paragraph && m.span.0 >= last.span.1 && m.span.1 <= rate.span.0
            })
            && parts.iter().all(|p| p.role.is_none())
    })
}

/// A label naming another year than the report's (`2022年支出`, `上年支出`)
/// states that year's quantity; so does one naming no year in a sentence
/// opening on another (`2022年项目预算800万元，实际支出760万元。2023年…`).
fn of_another_year(ctx: &Context, label: &str, sentence: &str) -> bool {
    let fiscal_year = ctx.report().report.fiscal_year;
    let another = |y: u32| fiscal_year.is_none_or(|f| f != y as i32);
    if names_last_year(label) {
        return true;
    }
    match label_year(label) {
        Some(y) => another(y),
        None => {
            sentence
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
                && label_year(sentence).is_some_and(another)
        }
    }
}

/// `after_the_split`: a rate read as a part's for following the parts of the
/// report's spending (see [`follows_the_reports_spending_split`]).
fn report_rate(ctx: &Context, rate: &Fact, after_the_split: bool) -> Option<Finding> {
    if !(rate.scope == Scope::Report || after_the_split) || rate.kind != FactKind::Level {
        return None;
    }
    // Another year's rate (`2022年部门预算执行率为93.5%`) is not over the
    // report's figures.
    if of_another_year(ctx, &rate.label, &rate.sentence) {
        return None;
    }
    let b = &ctx.report().budget;
    let Some(num) = carrying(ctx, FactRole::Executed, b.executed) else {
        // The report's figures printed in a table's total row only.
        return budget_table::rate_over_total_row(ctx, rate);
    };
    let mut dens = reports_budget(ctx, num);
    // With no budget stated but the funds received (`实际到位1,197万元`), a
    // plan the report names (`项目总投资1,260万元`) may be what was executed of.
    if !dens
        .iter()
        .any(|d| matches!(d.role, Some(FactRole::Initial | FactRole::Adjusted)))
    {
        // (Not a part's, whose sentence rates it on its own: `2.幼儿资助：预算
        // 300万元，支出288.60万元，执行率96.20%`.)
        let rated_part = |d: &Fact| {
            d.scope == Scope::Part
                && ctx.facts().any(|r| {
                    (r.paragraph, r.sentence_start) == (d.paragraph, d.sentence_start)
                        && r.role == Some(FactRole::ExecutionRate)
                })
        };
        dens.extend(amounts_to_be_had(ctx, num).filter(|d| {
            names_a_plan(&d.label) && !of_another_year(ctx, &d.label, &d.sentence) && !rated_part(d)
        }));
    }
    // `年初预算1200万元，年中追加300万元，决算数1485.6万元，执行率99.04%`: the
    // rate may be over the budget the changes made, though no figure states
    // it. Over either holds; over neither is a warning, which was meant being
    // unsure.
    // No budget stated in words: the one a table's total row prints.
    if dens.is_empty() {
        return budget_table::spending_over_total_rows(ctx, rate, num);
    }
    let over_stated = best_over(
        rate,
        (
            Interval::of_printed(num.number),
            num.number.value,
            num.money(),
        ),
        &dens,
    )
    .is_some_and(|(v, ..)| v == Verdict::Consistent);
    if !over_stated {
        if let Some(judged) = carrying(ctx, FactRole::Initial, b.initial)
            .and_then(|initial| over_changed_budget(ctx, rate, num, initial))
        {
            return judged;
        }
    }
    over_the_reports_budget(ctx, rate, num, &dens)
}

/// `年初预算1200万元，年中追加300万元，决算数1485.6万元，执行率99.04%`: an
/// execution rate over the budget the 年初预算's stated changes made, though
/// no figure states it. `None` where no changes are stated; else the finding,
/// if any: a warning, as over the 年初预算 alone it did not hold either and
/// which was meant is unsure.
fn over_changed_budget(
    ctx: &Context,
    rate: &Fact,
    num: &Fact,
    initial: &Fact,
) -> Option<Option<Finding>> {
    let readings: Vec<(Verdict, Decimal, prose::ChangedBudget)> =
        prose::changed_budget(initial, ctx.facts().map(|f| -> &Fact { f }))
            .into_iter()
            .filter_map(|made| {
                let pct = Interval::of_printed(num.number)
                    .div(made.iv)?
                    .scale(Decimal::ONE_HUNDRED);
                let straight = num.number.value.checked_div(made.straight)? * Decimal::ONE_HUNDRED;
                let v =
                    crate::interval::judge(rate.number.value, rate.number.decimals, pct, straight);
                Some((v, straight, made))
            })
            .collect();
    // A reading that holds, else one within rounding, else the first.
    let (verdict, straight, made) = crate::interval::best_reading(&readings, |r| r.0)?;
    let verdict = &ctx.record(
        "rate.mismatch",
        format!(
            "{} / ({}) = {}%",
            num.number.value, made.terms, rate.number.value
        ),
        Operand::of(rate),
        [num, initial]
            .into_iter()
            .chain(made.changes.iter().copied())
            .map(Operand::of)
            .collect(),
        *verdict,
    );
    if severity_of(*verdict).is_none() {
        return Some(None);
    }
    let shown = straight.round_half_up(rate.number.decimals.max(2));
    Some(Some(crate::context::rate_finding(
        rate,
        Severity::Warning,
        format!(
            "{} stated {}% but {} {} / ({}) = {shown}%, nor is it over the {} alone{}",
            rate.label,
            rate.number.value,
            num.label,
            num.number.value,
            made.labelled,
            initial.label,
            rounding_note(*verdict)
        ),
        shown,
    )))
}

/// `全年共开展培训12期，每期培训90人次，共培训1,080人次`: a count per unit of
/// another count (`每期`, `平均每期`, `期均`), the one count of that unit in its
/// sentence, and the one total of the per-unit count's unit (共/合计/累计, or
/// the only other count of it): the total is their product — an average's
/// where the total over the count rounds to it. Counts are exact.
fn count_products(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for para in ctx.paragraphs() {
        for per in para.iter().copied() {
            let FactUnit::Count(unit) = per.unit else {
                continue;
            };
            if per.approximate || per.kind != FactKind::Level {
                continue;
            }
            // `每期`, `平均每期`, `期均`, `场均参与`: per what.
            let label = per.label.trim();
            let after_each = label.rfind('每').map(|at| &label[at + '每'.len_utf8()..]);
            let of = after_each
                .and_then(|rest| rest.chars().next())
                .or_else(|| {
                    label
                        .rfind('均')
                        .and_then(|at| label[..at].chars().last())
                        .filter(|c| !matches!(c, '平' | '，'))
                })
                .map(String::from);
            let Some(of) = of.filter(|of| of != unit) else {
                continue;
            };
            let average = label.contains('均');
            // A classifier (`每个服务站`, `每所学校`) counts by the noun after it:
            // the count must be of that noun (`32个` then `服务站`).
            let noun: String = after_each
                .filter(|_| ["个", "名", "所", "座", "家", "位", "处"].contains(&of.as_str()))
                .map(|rest| rest.chars().skip(1).take(1).collect())
                .unwrap_or_default();
            let sentence: Vec<&Fact> = para
                .iter()
                .copied()
                .filter(|m| m.sentence_start == per.sentence_start && !std::ptr::eq(*m, per))
                .filter(|m| m.kind == FactKind::Level && !m.approximate)
                .collect();
            // (Or counted with a classifier, the unit's noun ending its label:
            // `覆盖行政村115个` … `平均每村12场次`.)
            let counts_of = |m: &Fact| match m.unit {
                // (People are counted by 名 too: `为2,150名老年人…人均60人次`.)
                FactUnit::Count(u) => {
                    u == of
                        || (of == "人" && u == "名")
                        || (["个", "所", "家", "座", "处"].contains(&u)
                            && m.label.ends_with(of.as_str()))
                }
                _ => false,
            };
            // (In its sentence, else the one the paragraph states before it.)
            let before: Vec<&Fact> = para
                .iter()
                .copied()
                .take_while(|m| !std::ptr::eq(*m, per))
                .filter(|m| m.kind == FactKind::Level && !m.approximate)
                .collect();
            let Some(count) = only_one(sentence.iter().copied().filter(|m| counts_of(m)))
                .or_else(|| only_one(before.iter().copied().filter(|m| counts_of(m))))
            else {
                continue;
            };
            if !noun.is_empty() && !count.label.contains(&noun) && !count.after.starts_with(&noun) {
                continue;
            }
            // The total in the per-unit count's unit, or in ten-thousands of it
            // (`参与群众3.2万人次，场均372人次`); heads per time total in
            // attendances (`培训12期，每期50人，共培训600人次`).
            let of_unit: Vec<&Fact> = sentence
                .iter()
                .copied()
                .filter(|m| match m.unit {
                    FactUnit::Count(u) => {
                        let u = u.strip_prefix('万').unwrap_or(u);
                        u == unit || (unit == "人" && u == "人次")
                    }
                    _ => false,
                })
                .collect();
            let total = match of_unit.as_slice() {
                [one] => *one,
                several => match only_one(
                    several
                        .iter()
                        .copied()
                        .filter(|m| TOTAL_WORDS.iter().any(|t| m.label.contains(t))),
                ) {
                    Some(t) => t,
                    None => continue,
                },
            };
            if count.number.value.is_zero() {
                continue;
            }
            let straight = count.number.value * per.number.value;
            let relation = format!(
                "{} × {} = {}{}",
                count.number.value,
                per.number.value,
                total.number.value,
                if in_ten_thousands(total) { "万" } else { "" }
            );
            let operands = vec![Operand::of(count), Operand::of(per)];
            let verdict = if in_ten_thousands(total) {
                // A total in ten-thousands is rounded as printed: the product
                // (an average's anywhere within its own rounding) must fall in it.
                let per_iv = if average {
                    Interval::of_printed(per.number)
                } else {
                    Interval::exact(per.number.value)
                };
                let tenth = Decimal::ONE / units_counted(total);
                let verdict = ctx.judge(
                    "amount.product",
                    relation,
                    Operand::of(total),
                    operands,
                    per_iv.scale(count.number.value * tenth),
                    straight * tenth,
                );
                // Its straight product says nothing the interval does not.
                if verdict == Verdict::Rounding {
                    continue;
                }
                verdict
            } else {
                let holds = if average {
                    is_the_average(per.number, total.number.value, count.number.value)
                } else {
                    straight == total.number.value
                };
                ctx.record(
                    "amount.product",
                    relation,
                    Operand::of(total),
                    operands,
                    Verdict::holding(holds),
                )
            };
            let Some(sev) = severity_of(verdict) else {
                continue;
            };
            out.push(finding(
                "amount.product",
                sev,
                format!(
                    "{} stated {}{} but {} {}{of} × {} {}{unit} = {straight}{unit}",
                    total.label,
                    total.number.value,
                    total.unit.label(),
                    count.label,
                    count.number.value,
                    per.label,
                    per.number.value,
                ),
                total.number.value,
                Some((straight / units_counted(total)).normalize()),
                Some(total.unit.label()),
                &total.source,
                &total.sentence,
            ));
        }
    }
    out
}

/// Whether `total / count`, rounded as `stated` is printed, is `stated`: an
/// average holds where it rounds so (548.20 / 126 = 4.3508 → 4.35).
fn is_the_average(stated: jixiao_model::Printed, total: Decimal, count: Decimal) -> bool {
    total
        .checked_div(count)
        .is_some_and(|avg| avg.round_half_up(stated.decimals) == stated.value)
}

/// A count printed in ten-thousands (`31.67万亩`, `1.2万人`): rounded as printed.
fn in_ten_thousands(count: &Fact) -> bool {
    matches!(count.unit, FactUnit::Count(u) if u.starts_with('万'))
}

/// How many units one of a count stands for: 10000 for a count in 万.
fn units_counted(count: &Fact) -> Decimal {
    if in_ten_thousands(count) {
        Decimal::from(10_000)
    } else {
        Decimal::ONE
    }
}

/// Words that make an amount a rate per head or per unit: `每人 800 元`.
const PER_UNIT: &[&str] = &[
    "每人",
    "每户",
    "每个",
    "每名",
    "每项",
    "每次",
    "次均",
    "人均",
    "户均",
    "生均",
    "每生",
    "每亩",
    "亩均",
    "每公里",
    "单价",
    "标准",
];

/// What a standard per unit is per: the count units it goes with (`人均`,
/// `每人`, `800元/人` with 人/名/人次), or `None` for a standard of any
/// (`单价`, `标准`).
fn counted_by(standard: &Fact) -> Option<&'static [&'static str]> {
    const PER: &[(&[&str], &[&str], &[&str])] = &[
        (
            &["每人", "人均", "每名", "生均", "每生"],
            &["/人", "/名"],
            &["人", "名", "人次"],
        ),
        (&["每户", "户均"], &["/户"], &["户"]),
        (&["每亩", "亩均"], &["/亩"], &["亩"]),
        (&["每公里"], &["/公里"], &["公里"]),
        (&["每平方米"], &["/平方米"], &["平方米"]),
        // Schools are counted by 所 (`52所中小学…按每校每年9万元标准`).
        (&["每校", "校均"], &["/校"], &["所"]),
        (&["每个"], &["/个"], &["个"]),
        // (Villages are counted by 个 naming them: `58个行政村…每村奖补5万元`.)
        (&["每村", "村均"], &["/村"], &["村"]),
        (&["每项"], &["/项"], &["项"]),
        (&["每次", "次均"], &["/次"], &["次", "人次"]),
    ];
    // `每辆8.5万元`, `每座`: a standard per any counted thing.
    const EACH: &[&str] = &[
        "辆", "台", "座", "套", "处", "件", "所", "家", "只", "头", "株", "张", "册", "场", "条",
        "盏", "宗", "篇",
    ];
    let after = text_after(standard);
    let label = standard_words(&standard.label);
    PER.iter()
        .find(|(words, _, _)| words.iter().any(|w| label.contains(w)))
        .or_else(|| {
            PER.iter()
                .find(|(_, per, _)| per.iter().any(|w| after.starts_with(w)))
        })
        .map(|(_, _, units)| *units)
        .or_else(|| {
            EACH.iter()
                .find(|w| label.contains(&format!("每{w}")))
                .map(std::slice::from_ref)
        })
}

/// `58个行政村`: a count in 个 of what `noun` names, the noun in the few
/// words right after it (not `3个乡镇的每村…`: 乡镇 are counted).
fn counts_by_name(count: &Fact, noun: &str) -> bool {
    let named: String = count
        .after
        .chars()
        .take_while(|c| jixiao_model::is_han(*c) && *c != '的')
        .take(4)
        .collect();
    // (Or the noun ending its own words before: `共建设示范村54个`.)
    named.contains(noun) || (named.is_empty() && own_words(&count.label).ends_with(noun))
}

/// The sentence right after a fact's number and unit (`/人/月` of
/// `800元/人/月`; the fact's `after` stops at the `/`).
fn text_after(f: &Fact) -> &str {
    f.sentence
        .get(f.span.1.saturating_sub(f.sentence_start)..)
        .unwrap_or("")
        .trim_start()
}

/// `其中：城乡低保金1,320.84万元，…，临时救助金145.20万元。` before `全年共救助城乡
/// 低保对象12,230人，月人均补助90元；临时救助2,420人次，次均救助600元`: a
/// standard whose sentence states no total is of the one amount stated before
/// it, in its paragraph or the one before, naming what its count counts or
/// what the standard is of (`人均财政补助` of `…医保财政补助资金`): four
/// characters alike, two of them no word of funds or aid.
fn named_before<'c>(ctx: &'c Context, standard: &Fact, count: &Fact) -> Option<&'c Fact> {
    const GENERIC: &[&str] = &[
        "资金", "补助", "补贴", "救助", "资助", "专项", "项目", "经费", "支出", "全年", "共计",
        "发放",
    ];
    // (A label of more than a clause is a dump's cells run together: unsure.)
    let names_it = |label: &str| {
        label.chars().count() <= 30
            && [own_words(&count.label), own_words(&standard.label)]
                .iter()
                .any(|words| {
                    let shared = longest_shared(words, label);
                    let specific = GENERIC.iter().fold(shared.clone(), |s, w| s.replace(w, ""));
                    shared.chars().count() >= 4 && specific.chars().count() >= 2
                })
    };
    // (The same standard paid to two counts, `春节为2,130名…每人600元，中秋为
    // 2,185名…每人600元`: the amount may be of both.)
    let paid_twice = ctx.facts().any(|f| {
        f.paragraph == standard.paragraph
            && !std::ptr::eq(f, standard)
            && is_standard(f)
            && (f.number.value, f.unit) == (standard.number.value, standard.unit)
    });
    if paid_twice {
        return None;
    }
    only_one(ctx.facts().filter(|f| {
        f.paragraph + 1 >= standard.paragraph
            && (f.paragraph, f.span.1) <= (standard.paragraph, standard.sentence_start)
            && f.money().is_some()
            && f.kind == FactKind::Level
            && !is_standard(f)
            && names_it(&f.label)
    }))
}

/// The words naming what a figure is per: its own words, or for the level
/// a figure was moved to (`城市低保标准由每人每月860元提高到900元`), the words
/// naming the one it was moved from: a standard raised is a standard still.
fn standard_words(label: &str) -> &str {
    const MOVED_TO: &[&str] = &[
        "提高到",
        "提高至",
        "提升到",
        "提升至",
        "上调到",
        "上调至",
        "调整为",
        "调整到",
        "调整至",
        "增加到",
        "增加至",
        "增至",
        "提至",
    ];
    let own = own_words(label);
    let moved = own.trim_start_matches(['万', '元']);
    if !MOVED_TO.contains(&moved) {
        return own;
    }
    let from = label[..label.len() - own.len()]
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ',' | '，'));
    match from.contains(['由', '从']) {
        true => own_words(from),
        false => own,
    }
}

/// The longest run of characters two labels share.
fn longest_shared(a: &str, b: &str) -> String {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut best = (0, 0);
    for i in 0..a.len() {
        for j in 0..b.len() {
            let n = a[i..]
                .iter()
                .zip(&b[j..])
                .take_while(|(x, y)| x == y)
                .count();
            if n > best.1 {
                best = (i, n);
            }
        }
    }
    a[best.0..best.0 + best.1].iter().collect()
}

/// A label's own words: after any figure it runs back over (`按每公里3,400元
/// 的标准安排养护补助` → `元的标准安排养护补助`).
fn own_words(label: &str) -> &str {
    label
        .rsplit(|c: char| c.is_ascii_digit())
        .next()
        .unwrap_or_default()
}

/// A standard per unit: `每人800元`, `人均800元`, `800元/人`, `补助标准7万元`,
/// `3,400元的标准`. (A `标准` or `单价` earlier in the label names another
/// figure: `按每公里3,400元的标准安排养护补助437.24万元`'s 437.24 is none.)
fn is_standard(f: &Fact) -> bool {
    names_a_standard(f) && !measures_a_gain(&f.label)
}

/// An amount per unit by its words, whatever it measures.
fn names_a_standard(f: &Fact) -> bool {
    let own = standard_words(&f.label);
    let named = PER_UNIT.iter().any(|w| match *w {
        "标准" | "单价" => own
            .trim_end_matches(['为', '是', '：', ':', ' '])
            .ends_with(w),
        _ => own.contains(w),
    });
    f.money().is_some() && (named || counted_by(f).is_some() || f.after.starts_with("的标准"))
}

/// `受益农户5,230户，户均增收620元，合计增收324.26万元`: an average gain is the
/// standard of a total of that same gain its sentence states.
fn averages_a_stated_gain(f: &Fact, sentence: &[&Fact]) -> bool {
    let Some(gain) = GAINS.iter().find(|w| f.label.contains(*w)) else {
        return false;
    };
    names_a_standard(f)
        && sentence.iter().any(|t| {
            !std::ptr::eq(*t, f)
                && t.money().is_some()
                && own_words(&t.label).contains(gain)
                && TOTAL_WORDS.iter().any(|w| own_words(&t.label).contains(w))
        })
}

/// What people gain, save or spend themselves (see [`measures_a_gain`]).
const GAINS: &[&str] = &[
    "收入", "增收", "工资", "节约", "节省", "消费", "产值", "收益", "效益", "赔付",
];

/// `户均增收3000元`, `人均节约成本50元`, `人均消费300元`: an average of what
/// people gained, saved or spent themselves, or a change of a standard
/// (`每人增加200元`), not what was paid to them or for them; a count times it
/// is no amount the report paid. A standard raised to a level
/// (`标准提高到每人每年6000元`) is that level.
fn measures_a_gain(label: &str) -> bool {
    let gained = GAINS.iter().any(|w| label.contains(w));
    let changed = ["增加", "提高", "降低", "减少"].iter().any(|w| {
        label.contains(w)
            && !label.contains(&format!("{w}到"))
            && !label.contains(&format!("{w}至"))
    });
    gained || changed
}

/// How many times a year a standard is paid, where it is per month or per
/// quarter (`每人每月800元`, `800元/人/月`); `Some(0)` for per day or week,
/// whose count of days no report states reliably.
fn periods_of(standard: &Fact) -> Option<u32> {
    const PER: &[(&[&str], u32)] = &[
        (&["每月", "月均", "月人均", "均月", "按月"], 12),
        (&["每季", "按季"], 4),
        // (A school year's two terms: `每生每学期1,000元`.)
        (&["每学期", "每半年"], 2),
        (&["每天", "每日", "日均", "每周", "周均"], 0),
    ];
    const AFTER: &[(&[&str], u32)] = &[
        (&["/月", "/人/月", "/人·月", "/户/月", "每月"], 12),
        (&["/季"], 4),
        (&["/学期", "/生/学期", "/人/学期", "每学期"], 2),
        (&["/天", "/日", "/人/天", "/人/日", "/周"], 0),
    ];
    let after = text_after(standard);
    PER.iter()
        .find(|(words, _)| words.iter().any(|w| standard.label.contains(w)))
        .or_else(|| {
            AFTER
                .iter()
                .find(|(words, _)| words.iter().any(|w| after.starts_with(w)))
        })
        .map(|(_, n)| *n)
}

/// The whole numbers printed right before each `word` of a sentence (`3` of
/// `3个月`).
fn numbers_before(sentence: &str, word: &str) -> Vec<u32> {
    sentence
        .match_indices(word)
        .filter_map(|(at, _)| {
            let before = sentence.get(..at)?;
            let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            before.get(at - digits..)?.parse().ok()
        })
        .collect()
}

/// `每生每天5元的标准，全年按200天计算`: the days a standard per day was paid
/// for, where its sentence states one number of them.
fn days_stated(standard: &Fact) -> Option<Decimal> {
    let per_day = ["每天", "每日", "日均"]
        .iter()
        .any(|w| standard.label.contains(w))
        || ["/天", "/日", "/人/天", "/人/日"]
            .iter()
            .any(|w| text_after(standard).starts_with(w));
    match numbers_before(&standard.sentence, "天").as_slice() {
        [n] if per_day && *n > 0 && *n <= 366 => Some(Decimal::from(*n)),
        _ => None,
    }
}

/// The periods a sentence says a standard paid `per_year` times a year was
/// paid for: `N个月`, or the whole year (`全年`).
fn periods_stated(sentence: &str, per_year: u32) -> Option<Decimal> {
    if per_year == 0 {
        return None;
    }
    let months = numbers_before(sentence, "个月");
    match months.as_slice() {
        [n] if per_year == 12 && (1..=12).contains(n) => Some(Decimal::from(*n)),
        [] if ["全年", "每年", "一年", "年度"]
            .iter()
            .any(|w| sentence.contains(w)) =>
        {
            Some(Decimal::from(per_year))
        }
        _ => None,
    }
}

/// `城市低保…每人每月780元，全年发放…2,199.60万元；农村低保…每人每月560元，…`:
/// a sentence stating several standards, each in clauses of its own with `；`
/// between, is read clause group by clause group.
fn parallel_clauses<'p, 'a>(s: &'p [&'a Fact]) -> Vec<&'p [&'a Fact]> {
    let clause = |f: &Fact| {
        f.sentence
            .get(..f.span.0.saturating_sub(f.sentence_start))
            .map_or(0, |before| before.matches(['；', ';']).count())
    };
    let groups: Vec<&'p [&'a Fact]> = s.chunk_by(|a, b| clause(a) == clause(b)).collect();
    let standards_in = |g: &[&Fact]| g.iter().filter(|f| is_standard(f)).count();
    if standards_in(s) >= 2 && groups.iter().all(|g| standards_in(g) <= 1) {
        groups
    } else {
        vec![s]
    }
}

/// How far `count`'s label names what `standard` is a standard of: how many
/// words of two characters of the standard's own it holds (`日常`, `养护` of
/// `每公里日常养护成本` in `完成农村公路日常养护里程`), none of the words every
/// standard uses.
fn words_naming_what_it_is_per(standard: &Fact, count: &Fact) -> usize {
    const ANY_STANDARDS: &[&str] = &[
        "标准", "成本", "补助", "补贴", "资金", "经费", "费用", "投资", "平均", "全年", "年度",
    ];
    let chars: Vec<char> = own_words(&standard.label).chars().collect();
    chars
        .windows(2)
        .filter(|w| {
            let word: String = w.iter().collect();
            w.iter().all(|c| jixiao_model::is_han(*c))
                && !w.iter().any(|c| matches!(c, '每' | '均'))
                && !ANY_STANDARDS.contains(&word.as_str())
                && count.label.contains(&word)
        })
        .count()
}

/// The counts of what `standard` is per that paragraphs before its own state
/// (`of_heads`), those naming most of its words; a plan among them stands for
/// the counts done its sentence states (`计划完成农村户厕改造1,500户，实际完成
/// 1,526户`): a standard is paid for what was done.
fn counts_stated_before<'a>(
    ctx: &Context<'a>,
    standard: &Fact,
    of_heads: &dyn Fn(&Fact) -> bool,
) -> Vec<&'a Fact> {
    let earlier: Vec<(usize, &Fact)> = ctx
        .facts()
        .filter(|f| f.paragraph < standard.paragraph && f.kind == FactKind::Level && of_heads(f))
        .map(|f| (words_naming_what_it_is_per(standard, f), f))
        .filter(|(n, _)| *n > 0)
        .collect();
    let most = earlier.iter().map(|(n, _)| *n).max().unwrap_or(0);
    let planned = |f: &Fact| names_a_plan(&f.label) || f.label.contains("目标");
    let mut out: Vec<&Fact> = Vec::new();
    for (_, f) in earlier.iter().filter(|(n, _)| *n == most) {
        let done = ctx.facts().filter(|d| {
            (d.paragraph, d.sentence_start) == (f.paragraph, f.sentence_start)
                && d.unit == f.unit
                && d.kind == FactKind::Level
                && !planned(d)
                && (!planned(f) || d.span.0 > f.span.0)
                && (planned(f) || std::ptr::eq(*d, *f))
        });
        for d in done {
            if !out.iter().any(|e| std::ptr::eq(*e, d)) {
                out.push(d);
            }
        }
    }
    out
}

/// `补助 1,250 人，每人 800 元，共计 100 万元`: an amount stated as a count times a
/// standard is their product. Only a sentence with exactly one count, one
/// standard and one amount after both that says it is their total (共/合计/总)
/// is read so: anything else may be another quantity.
pub(crate) fn products(ctx: &Context) -> Vec<Finding> {
    let mut out = count_products(ctx);
    out.extend(budget_table::row_products(ctx));
    out.extend(crate::columns::column_products(ctx));
    for para in ctx.paragraphs() {
        for s in crate::context::by_sentence(para).flat_map(parallel_clauses) {
            let standards: Vec<&&Fact> = s
                .iter()
                .filter(|f| is_standard(f) || averages_a_stated_gain(f, &s))
                .collect();
            // Several in one sentence each go with their own counts where what
            // they are per differs (`补贴面积12.65万亩，每亩105元，…，户均补贴463.78元`).
            let own_heads = |st: &Fact| {
                counted_by(st).is_some_and(|heads| {
                    standards
                        .iter()
                        .filter(|o| !std::ptr::eq(***o, st))
                        .all(|o| {
                            counted_by(o).is_some_and(|h| h.iter().all(|u| !heads.contains(u)))
                        })
                })
            };
            for standard in standards
                .iter()
                .filter(|st| standards.len() == 1 || own_heads(st))
            {
                // A bound or a hedge (`每人最高500元`, `亩均投资不低于1500元`, `人均约1200元`)
                // is no standard the total was paid at.
                if standard.approximate {
                    continue;
                }
                // A standard per head is of a count of heads (`人均` of 人, not of
                // the 5个 乡镇 or the 3期 the sentence also names).
                let heads = counted_by(standard);
                let of_heads = |f: &Fact| match (f.unit, heads) {
                    (FactUnit::Count(unit), Some(heads)) => {
                        heads.contains(&unit.trim_start_matches('万'))
                            || (unit == "个" && heads.iter().any(|h| counts_by_name(f, h)))
                    }
                    (FactUnit::Count(_), None) => true,
                    _ => false,
                };
                // (Filled only where the sentence and paragraph state none.)
                let earlier_counts: Vec<&Fact>;
                let mut counts: Vec<&&Fact> = s
                    .iter()
                    .filter(|f| f.kind == FactKind::Level && of_heads(f))
                    .collect();
                // `新建高标准农田2.5万亩，…。项目批复总投资3,750万元，亩均投资1,500元`:
                // a standard naming what it is per (亩) with no such count in its
                // sentence is per the one count of it the paragraph states before.
                if counts.is_empty() && heads.is_some() {
                    let before = para
                        .iter()
                        .filter(|f| f.span.1 <= standard.sentence_start)
                        .filter(|f| f.kind == FactKind::Level && of_heads(f));
                    counts.extend(only_one(before));
                }
                // `（一）产出：完成日常养护里程3,260公里…` … `（三）成本：每公里日常养护
                // 成本4,500元，日常养护支出1,467.00万元`: none in its paragraph, the
                // counts of it an earlier one states naming what the standard is
                // of (养护), any of them — a warning where none gives the total.
                // (Those naming most of it: `城市低保对象` of `城市低保月人均补助`
                // before `农村低保对象`.)
                let distant = counts.is_empty() && heads.is_some();
                if distant {
                    earlier_counts = counts_stated_before(ctx, standard, &of_heads);
                    counts.extend(earlier_counts.iter());
                    if counts.len() > 3 {
                        continue;
                    }
                }
                // Counts in the standard's own unit before others it may go with
                // (`共救助38,652人次，其中：资助参保28,460人，…，人均资助384元`: 人均 is
                // per 人, a 人次 only where no 人 is counted; not a count per
                // something itself, `每期45人`).
                if let Some(&primary) = heads.and_then(|h| h.first()) {
                    let in_primary = |f: &&&Fact| {
                        let own_unit = matches!(f.unit, FactUnit::Count(u) if u.trim_start_matches('万') == primary);
                        own_unit && !["每", "均"].iter().any(|w| f.label.contains(w))
                    };
                    if counts.iter().any(in_primary) {
                        counts.retain(in_primary);
                    }
                }
                // Several: the one that says it is the total (`共计完成改造120户，其中
                // C级80户、D级40户`).
                // Or some of them only (`共有500人，其中150人享受补助`): any that
                // gives the total holds, none is a warning.
                let several = counts.len() > 1 || distant;
                // Or the one before the sentence's 其中, all others after it
                // (`新建改建公厕36座，其中新建14座、改建22座`).
                let before_its_parts = || {
                    let key = s.first()?.sentence.find("其中")?;
                    let at = |c: &Fact| c.span.0.saturating_sub(c.sentence_start);
                    let mut whole = counts.iter().filter(|c| at(c) < key);
                    whole.next().filter(|_| whole.next().is_none())
                };
                // Or the one right before the standard (`扶持创业人员512人，人均贷款
                // 25万元，带动就业1,536人`): what it is per.
                // (Not one listed with another, `资助学生1,250人、教师30人，每人…`.)
                let right_before = || {
                    let at = s.iter().position(|f| std::ptr::eq(*f, **standard))?;
                    let before = s.get(at.checked_sub(1)?)?;
                    let own_clause = counts.iter().all(|c| {
                        c.span.0 >= before.span.0
                            || before
                                .sentence
                                .get(
                                    c.span.1.saturating_sub(c.sentence_start)
                                        ..before.span.0.saturating_sub(c.sentence_start),
                                )
                                .is_some_and(|gap| gap.contains(['，', ',', '；', ';']))
                    });
                    counts
                        .iter()
                        .find(|c| std::ptr::eq(***c, *before))
                        .filter(|_| own_clause)
                };
                let Some(mut count) = (match counts.as_slice() {
                    [count] => Some(count),
                    several => only_one(several.iter().filter(|c| {
                        TOTAL_WORDS
                            .iter()
                            .any(|t| c.label.replace("公共", "").contains(t))
                    }))
                    .or_else(before_its_parts)
                    .or_else(right_before),
                }) else {
                    continue;
                };
                // `培训3期，每期50人`: the heads are per something else (unless
                // their total is stated: `…，共培训270人次，人均培训费用380元`).
                let a_total = TOTAL_WORDS
                    .iter()
                    .any(|t| own_words(&count.label).contains(t));
                // (A count after the standard, `按照每人800元的标准发放1,250人`, is
                // per nothing by the standard's own 每: only its words since count.)
                let own_label = |f: &Fact| -> String {
                    let words = if f.span.0 > standard.span.1
                        && f.sentence_start == standard.sentence_start
                    {
                        f.sentence
                            .get(standard.span.1 - f.sentence_start..f.span.0 - f.sentence_start)
                            .unwrap_or(&f.label)
                    } else {
                        &f.label
                    };
                    words.to_string()
                };
                // (A count per month under a standard per month, `月均保障2,350人，
                // 每人每月780元`, is what the standard is paid for each month.)
                let monthly = |f: &Fact| {
                    std::ptr::eq(f, **count)
                        && own_label(f).contains("月均")
                        && periods_of(standard) == Some(12)
                };
                if !a_total
                    && s.iter().any(|f| {
                        matches!(f.unit, FactUnit::Count(_))
                            && ["每", "均"].iter().any(|w| own_label(f).contains(w))
                            && !monthly(f)
                    })
                {
                    continue;
                }
                // The amount says it is a total: 共/合计… right before it or in its
                // label, or a clause of `计` alone (`每人5,000元，计43万元`).
                let says_total = |f: &Fact| {
                    let before = f
                        .sentence
                        .get(..f.span.0.saturating_sub(f.sentence_start))
                        .unwrap_or("");
                    let tail: String = before.chars().rev().take(4).collect();
                    TOTAL_WORDS.iter().any(|t| {
                        let t: String = t.chars().rev().collect();
                        tail.contains(&t)
                    }) || TOTAL_WORDS.iter().any(|t| f.label.contains(t))
                        || ["，计", ",计", "，计为"]
                            .iter()
                            .any(|w| before.ends_with(w))
                };
                // An amount of money, no standard itself: a total it may give.
                // (Nor one per unit by its own words, a standard's actual value:
                // `每平方米养护成本≤4.5元 4.32元`.)
                let an_amount = |f: &Fact| {
                    f.money().is_some()
                        && f.kind == FactKind::Level
                        && !is_standard(f)
                        && !(distant && f.label.contains('每'))
                };
                // After the count and the standard, or before them
                // (`补贴资金共计48万元，惠及1200人，每人400元`).
                let totals: Vec<&&Fact> =
                    s.iter().filter(|f| an_amount(f) && says_total(f)).collect();
                // `发放资金100万元，惠及农户1,250户，户均800元`: an average of what was
                // paid out needs no 共: the amount paid is its total (an average of
                // a gain is no standard: `measures_a_gain`).
                // (`每亩投资1550元` is one too: what was invested per unit.)
                // (So is `每公里养护成本4.35万元`: what was spent per unit.)
                // (Not one the funds were set by, `按人均89元的标准安排`: a
                // standard, paid exactly per head.)
                // (`…补助资金按人均89元标准安排`: 按 opening the standard's own words.)
                let set_by = standard
                    .label
                    .rsplit_once('按')
                    .is_some_and(|(_, per)| per.chars().count() <= 6)
                    && ["的标准", "标准"]
                        .iter()
                        .any(|w| standard.after.starts_with(w));
                let average = !set_by
                    && (standard.label.contains('均')
                        || ["投资", "成本"].iter().any(|w| standard.label.contains(w)));
                // An average is also of what was spent (`培训经费支出36万元…人均培训成本300元`)
                // or invested (`总投资1860万元，…1.2万亩，亩均投资1550元`).
                let spent_words: &[&str] = if average {
                    &["支出", "经费", "费用", "成本", "投资"]
                } else {
                    &[]
                };
                const PAID: &[&str] = &[
                    "发放", "补助", "补贴", "奖补", "救助", "资助", "兑付", "拨付", "报销", "支付",
                    "补偿",
                ];
                // `按每人300元的标准资助，支出1,118.52万元`: what the standard was paid
                // for, named after it, names the bare spending that follows.
                let paid_by_standard =
                    |f: &Fact| f.label == "支出" && PAID.iter().any(|w| standard.after.contains(w));
                let paid_out: Vec<&&Fact> = s
                    .iter()
                    .filter(|f| {
                        an_amount(f)
                            && (PAID.iter().chain(spent_words).any(|w| f.label.contains(w))
                                || paid_by_standard(f))
                    })
                    .collect();
                // Paid out at a standard per head (`每人每年6000元…发放低保金1500万元`)
                // without 共: so far, or all of it? A warning where it differs.
                // `该项目总投资660万元，…。项目建设高标准农田0.44万亩，亩均投资1,500元`:
                // an average whose sentence states no total is of the one total of
                // its measure (总投资 for 亩均投资) the paragraph states before it.
                let earlier_total = spent_words
                    .iter()
                    .find(|w| standard.label.contains(**w))
                    .and_then(|measure| {
                        let total_of = format!("总{measure}");
                        only_one(para.iter().filter(|f| {
                            f.span.1 <= standard.sentence_start
                                && f.money().is_some()
                                && f.kind == FactKind::Level
                                && f.label.contains(&total_of)
                        }))
                    });
                // Funds set by a standard (`按每校每年9万元标准安排`) are the
                // budget its sentence states (`项目预算资金468万元`, `应安排资金…`).
                let allotted = || {
                    let set_funds = set_by
                        && ["安排", "下达", "核定"]
                            .iter()
                            .any(|w| standard.after.contains(w));
                    // (Or what its sentence says the standard needs: `按照每生每天
                    // 5元标准，…，需安排资金1,860万元`.)
                    let needed = |f: &Fact| {
                        ["需安排", "应安排", "需要安排"]
                            .iter()
                            .any(|w| f.label.contains(w))
                    };
                    only_one(s.iter().filter(|f| {
                        an_amount(f)
                            && ((set_funds && ["预算", "安排"].iter().any(|w| f.label.contains(w)))
                                || (set_by && needed(f)))
                    }))
                };
                let (total, paid_only): (&Fact, bool) =
                    match (totals.as_slice(), paid_out.as_slice()) {
                        ([total], _) => (**total, false),
                        ([], [paid]) if average => (**paid, false),
                        ([], []) => match earlier_total.or_else(allotted) {
                            Some(total) => (*total, false),
                            // (All of what it names, or only what was paid
                            // so far? A warning where it differs.)
                            None => match named_before(ctx, standard, count) {
                                Some(total) => (total, true),
                                None => continue,
                            },
                        },
                        // Not what was paid so far (`已发放80万元`), nor a part
                        // of another total (`总投资1,200万元，其中财政补助960万元`).
                        ([], [paid])
                            if !["已", "截至", "目前", "累计"]
                                .iter()
                                .any(|w| paid.label.contains(w))
                                && !ctx.is_part_within_its_wholes_paragraph(paid) =>
                        {
                            (paid, true)
                        }
                        // What was due and what was paid (`应发放300万元，实际发放
                        // 298.8万元`): the standard makes what was due.
                        ([], several) => match only_one(several.iter().filter(|f| {
                            own_words(&f.label)
                                .trim_start_matches(['，', ',', '、', '；', ';', ' '])
                                .starts_with('应')
                        })) {
                            Some(due) => (**due, false),
                            None => continue,
                        },
                        _ => continue,
                    };
                let (Some(su), Some(tu)) = (standard.money(), total.money()) else {
                    continue;
                };
                // A standard per month is paid for as many months as the sentence
                // says (`全年` twelve); without them it is read for no total.
                let per_year = periods_of(standard);
                let periods_paid = match per_year {
                    None => Some(Decimal::ONE),
                    Some(per_year) => periods_stated(&standard.sentence, per_year)
                        .or_else(|| days_stated(standard)),
                };
                // A count of times paid (`全年累计发放48,600人次`) counts each
                // month's or quarter's payment already: the standard once per count.
                let counts_payments = |count: &Fact| {
                    matches!(per_year, Some(n) if n > 0) && count.unit.label().ends_with('次')
                };
                let periods_of_count = |count: &Fact| match counts_payments(count) {
                    true => Some(Decimal::ONE),
                    false => periods_paid,
                };
                // In the total's unit: the count is exact, the standard as printed.
                let scale =
                    |count: &Fact| Some(su.factor() / tu.factor() * periods_of_count(count)?);
                // A count in ten-thousands (`31.67万亩`) is rounded as printed.
                // How many units the count stands for, times the periods: the
                // standard's multiplier.
                let factor = |count: &Fact| {
                    count
                        .number
                        .value
                        .checked_mul(units_counted(count))?
                        .checked_mul(scale(count)?)
                };
                let product = |count: &Fact| {
                    let straight = standard.number.value.checked_mul(factor(count)?)?;
                    let count_iv = if in_ten_thousands(count) {
                        Interval::of_printed(count.number)
                    } else {
                        Interval::exact(count.number.value)
                    };
                    // (A standard the funds were set by is exact as printed.)
                    let standard_iv = match set_by {
                        true => Interval::exact(standard.number.value),
                        false => Interval::of_printed(standard.number),
                    };
                    Some((
                        standard_iv.mul(count_iv.scale(units_counted(count) * scale(count)?)),
                        straight,
                    ))
                };
                if several {
                    if let Some(holding) = counts.iter().find(|c| {
                        product(c).is_some_and(|(iv, straight)| {
                            crate::interval::judge(
                                total.number.value,
                                total.number.decimals,
                                iv,
                                straight,
                            ) == Verdict::Consistent
                        })
                    }) {
                        count = holding;
                    }
                }
                let Some((iv, straight)) = product(count) else {
                    continue;
                };
                let times = match (per_year, periods_paid) {
                    (Some(_), Some(periods)) if !counts_payments(count) => format!(" × {periods}"),
                    _ => String::new(),
                };
                let rounded_count = in_ten_thousands(count);
                let relation = format!(
                    "{}{} × {}{times} = {}",
                    count.number.value,
                    if rounded_count { "万" } else { "" },
                    standard.number.value,
                    total.number.value
                );
                let operands = vec![Operand::of(count), Operand::of(standard)];
                // An average is the total over the count, rounded as printed
                // (548.20万元 / 126公里 = 4.3508 → 4.35): it holds where it rounds so.
                let average_holds = average
                    && factor(count)
                        .is_some_and(|f| is_the_average(standard.number, total.number.value, f));
                if average_holds {
                    ctx.record(
                        "amount.product",
                        relation,
                        Operand::of(total),
                        operands,
                        Verdict::Consistent,
                    );
                    continue;
                }
                let verdict = ctx.judge(
                    "amount.product",
                    relation,
                    Operand::of(total),
                    operands,
                    iv,
                    straight,
                );
                // A count in ten-thousands is itself rounded: its straight product
                // says nothing the interval does not.
                if rounded_count && verdict == Verdict::Rounding {
                    continue;
                }
                if let Some(sev) = severity_of(verdict) {
                    let shown = straight
                        .round_half_up(total.number.decimals.max(2))
                        .normalize();
                    // Who is paid may change within the year (a monthly standard),
                    // which of several counts was paid, or whether all of it was
                    // paid out, is unsure: a warning.
                    let sev = if per_year.is_some() || several || paid_only {
                        Severity::Warning
                    } else {
                        sev
                    };
                    out.push(finding(
                        "amount.product",
                        sev,
                        format!(
                            "{} stated {}{} but {} {}{} × {} {}{}{times} = {shown}{}{}",
                            total.label,
                            total.number.value,
                            tu.label(),
                            count.label,
                            count.number.value,
                            count.unit.label(),
                            standard.label,
                            standard.number.value,
                            su.label(),
                            tu.label(),
                            rounding_note(verdict)
                        ),
                        total.number.value,
                        Some(shown),
                        Some(tu.label()),
                        &total.source,
                        &total.sentence,
                    ));
                }
            }
        }
    }
    out
}

/// `截至2023年9月底，资金支出进度为58.3%，低于序时进度16.7个百分点`: the points
/// a progress stands off the time progress are their difference, its way
/// included. The time progress is the one the sentence states (`序时进度75%`),
/// or else the share of the year its as-of date has passed, counted by months
/// (9 / 12) or by days (273 / 365): either reading may be the report's.
fn points_off_the_time_progress(ctx: &Context) -> Vec<Finding> {
    const TIME_PROGRESS: &str = "序时进度";
    let report = ctx.report();
    let same_sentence =
        |a: &Fact, b: &Fact| a.paragraph == b.paragraph && a.sentence_start == b.sentence_start;
    let mut out = Vec::new();
    for (k, off) in report.facts.iter().enumerate() {
        let label = off.label.trim_end_matches(['的', ' ']);
        if off.unit != FactUnit::PercentagePoints || !label.ends_with(TIME_PROGRESS) {
            continue;
        }
        let Some((_, above)) = last_way_word(label) else {
            continue;
        };
        let before: Vec<&Fact> = report.facts[..k]
            .iter()
            .filter(|m| same_sentence(m, off) && m.unit == FactUnit::Percent)
            .collect();
        let stated_time = before
            .iter()
            .rev()
            .find(|m| m.kind == FactKind::Level && m.label.trim_end().ends_with(TIME_PROGRESS));
        let Some(progress) = before.iter().rev().find(|m| {
            m.kind == FactKind::Level
                && !m.label.contains(TIME_PROGRESS)
                && ["进度", "执行率", "支出率"]
                    .iter()
                    .any(|w| m.label.contains(w))
        }) else {
            continue;
        };
        // The time progress: stated, or each reading of the as-of date.
        let readings: Vec<(Interval, Decimal, Option<Operand>)> = match stated_time {
            Some(t) => vec![(
                Interval::of_printed(t.number),
                t.number.value,
                Some(Operand::of(t)),
            )],
            None => {
                let Some((year, month)) = report
                    .stated
                    .as_of_dates
                    .iter()
                    .filter(|d| *d.sentence == *off.sentence)
                    .find_map(|d| Some((d.year, d.month_end?)))
                else {
                    continue;
                };
                year_passed(year, month)
                    .into_iter()
                    .map(|share| (Interval::exact(share), share, None))
                    .collect()
            }
        };
        let p = Interval::of_printed(progress.number);
        // (the difference's interval, straight, the time progress, its operand)
        let computed: Vec<(Interval, Decimal, Decimal, Option<Operand>)> = readings
            .into_iter()
            .map(|(t, tv, op)| {
                let (iv, straight) = if above {
                    (p.sub(t), progress.number.value - tv)
                } else {
                    (t.sub(p), tv - progress.number.value)
                };
                (iv, straight, tv, op)
            })
            .collect();
        let verdict_of = |(iv, straight, _, _): &(Interval, Decimal, Decimal, Option<Operand>)| {
            crate::interval::judge(off.number.value, off.number.decimals, *iv, *straight)
        };
        let Some(best) = crate::interval::best_reading(&computed, verdict_of) else {
            continue;
        };
        let (iv, straight, time, time_op) = best.clone();
        let mut inputs = vec![Operand::of(progress)];
        inputs.extend(time_op);
        let way = if above { "above" } else { "below" };
        let verdict = ctx.judge(
            "balance.mismatch",
            format!(
                "{}% {way} 序时进度 {}% by {} points",
                fmt(progress.number.value),
                fmt(time.round_dp(2)),
                fmt(off.number.value)
            ),
            Operand::of(off),
            inputs,
            iv,
            straight,
        );
        // (A time progress read off the date is a convention the report may
        // count otherwise: a warning.)
        let derived = stated_time.is_none();
        if let Some(sev) = severity_of(verdict) {
            let sev = if derived { Severity::Warning } else { sev };
            out.push(finding(
                "balance.mismatch",
                sev,
                format!(
                    "{} stated {} points off the time progress, but {}% against 序时进度 {}% gives {}{}",
                    off.label.trim(),
                    fmt(off.number.value),
                    fmt(progress.number.value),
                    fmt(time.round_dp(2)),
                    fmt(straight.round_dp(2)),
                    if derived {
                        " (the time progress read off the as-of date, by months or by days)"
                    } else {
                        rounding_note(verdict)
                    }
                ),
                off.number.value,
                Some(straight.round_dp(2)),
                Some("个百分点"),
                &off.source,
                &off.sentence,
            ));
        }
    }
    out
}

/// The share of `year` passed at the end of `month`, in percent: by months,
/// and by days.
fn year_passed(year: i32, month: u32) -> Vec<Decimal> {
    let days: u32 = (1..=month)
        .map(|m| jixiao_model::days_in_month(year, m))
        .sum();
    let year_days: u32 = (1..=12).map(|m| jixiao_model::days_in_month(year, m)).sum();
    let hundred = Decimal::ONE_HUNDRED;
    vec![
        hundred * Decimal::from(month) / Decimal::from(12),
        hundred * Decimal::from(days) / Decimal::from(year_days),
    ]
}
