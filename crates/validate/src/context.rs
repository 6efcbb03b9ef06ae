//! What every rule reads: the report, its facts grouped by paragraph, and the
//! trace of relations checked; and the helpers that word a finding.

use std::cell::{OnceCell, RefCell};
use std::collections::HashSet;

use jixiao_model::{Decimal, Fact, Finding, FindingLocation, Printed, Report, Severity, Source};

use crate::amounts::Comparison;
use crate::interval::{self, HalfUp, Interval, Verdict};

/// A number that took part in a relation: as printed, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct Operand {
    /// The number as printed.
    pub number: Printed,
    /// Where it is.
    pub source: Source,
    /// Stated as approximate (`约1200元`): it makes no relation impossible.
    pub approximate: bool,
}

impl Operand {
    /// A printed number at a place.
    pub fn new(number: Printed, source: &Source) -> Operand {
        Operand {
            number,
            source: source.clone(),
            approximate: false,
        }
    }

    /// A fact's number.
    pub fn of(fact: &Fact) -> Operand {
        Operand {
            approximate: fact.approximate,
            ..Operand::new(fact.number, &fact.source)
        }
    }

    /// A table value, its precision taken from its scale (`4.99`, `5`).
    pub fn value(value: Decimal, source: &Source) -> Operand {
        Operand::new(
            Printed {
                value,
                decimals: value.scale(),
            },
            source,
        )
    }
}

/// A relation a rule recognised and judged: what it checked, the stated
/// number, the printed inputs it was computed from, and the verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    /// The rule's id.
    pub rule: &'static str,
    /// The relation in words, e.g. `437.61 / 438.41 = 99.82%`.
    pub relation: String,
    /// The number the relation states.
    pub stated: Operand,
    /// The numbers it was computed from.
    pub inputs: Vec<Operand>,
    /// Whether it held.
    pub verdict: Verdict,
}

/// What the rules look at: the report, its facts grouped by paragraph, and
/// the trace of what they checked.
pub struct Context<'a> {
    report: &'a Report,
    /// Facts of each paragraph, in document order (empty for paragraphs without any).
    paragraphs: Vec<Vec<&'a Fact>>,
    checked: RefCell<Vec<Check>>,
    /// Whether relations checked are kept (`checked`), or only judged.
    tracing: bool,
    /// The report's comparisons of a level with a base, read once for the
    /// three rules that judge them (changes, rates, directions).
    comparisons: OnceCell<Vec<Comparison<'a>>>,
    /// The facts the report states as a list's parts, and as a list's whole,
    /// by address (the rules' facts are references into the report's), read
    /// once for the rules that ask.
    lists: OnceCell<[HashSet<*const Fact>; 2]>,
}

impl<'a> Context<'a> {
    /// Groups the report's facts by paragraph once for all rules; `tracing`
    /// keeps every relation checked.
    pub fn new(report: &'a Report, tracing: bool) -> Context<'a> {
        let count = report
            .facts
            .iter()
            .map(|f| f.paragraph + 1)
            .max()
            .unwrap_or(0);
        let mut paragraphs = vec![Vec::new(); count];
        for f in &report.facts {
            paragraphs[f.paragraph].push(f);
        }
        Context {
            report,
            paragraphs,
            checked: RefCell::new(Vec::new()),
            tracing,
            comparisons: OnceCell::new(),
            lists: OnceCell::new(),
        }
    }

    /// The report's stated lists' parts and wholes (see `lists`).
    fn lists(&self) -> &[HashSet<*const Fact>; 2] {
        self.lists.get_or_init(|| {
            let facts = &self.report.facts;
            let at = |i: &usize| facts.get(*i).map(|f| f as *const Fact);
            let lists = &self.report.stated.lists;
            [
                lists
                    .iter()
                    .flat_map(|l| l.parts.iter().filter_map(at))
                    .collect(),
                lists.iter().filter_map(|l| at(&l.whole)).collect(),
            ]
        })
    }

    /// Whether `fact` is stated as a part of a list.
    pub(crate) fn is_listed_part(&self, fact: &Fact) -> bool {
        self.lists()[0].contains(&(fact as *const Fact))
    }

    /// Whether `fact` is a part of a list whose whole its own paragraph states
    /// (`总投资1,200万元，其中财政补助960万元`), not one of items in paragraphs
    /// of their own (`学前教育资助：…` / `…` / `以上三项合计…`).
    pub(crate) fn is_part_within_its_wholes_paragraph(&self, fact: &Fact) -> bool {
        let facts = &self.report.facts;
        self.report.stated.lists.iter().any(|l| {
            facts
                .get(l.whole)
                .is_some_and(|w| w.paragraph == fact.paragraph)
                && l.parts
                    .iter()
                    .any(|&i| facts.get(i).is_some_and(|p| std::ptr::eq(p, fact)))
        })
    }

    /// Whether two facts are parts of one stated list: neither is the other's
    /// base (`其中中央资金2,700万元，省级资金900万元`).
    pub(crate) fn are_siblings(&self, a: &Fact, b: &Fact) -> bool {
        let facts = &self.report.facts;
        let is = |i: &usize, f: &Fact| facts.get(*i).is_some_and(|g| std::ptr::eq(g, f));
        self.report
            .stated
            .lists
            .iter()
            .any(|l| l.parts.iter().any(|i| is(i, a)) && l.parts.iter().any(|i| is(i, b)))
    }

    /// Whether `fact` is stated as the whole of a list.
    pub(crate) fn is_list_whole(&self, fact: &Fact) -> bool {
        self.lists()[1].contains(&(fact as *const Fact))
    }

    pub(crate) fn report(&self) -> &'a Report {
        self.report
    }

    /// Whether a figure at `at` may be the document's last, cut short where
    /// the excerpt ends (`10.35` → `1`): its line is the last and ends inside
    /// a figure, and it stands where that figure does (or the cell says not
    /// where on its line it stands).
    pub(crate) fn may_be_cut(&self, at: &jixiao_model::Source) -> bool {
        // (Or a figure ending a line of a row wrapped at a width.)
        self.report
            .last_figure
            .iter()
            .chain(&self.report.wrapped_figures)
            .any(|&(page, line, start)| {
                at.page == page
                    && at.line == Some(line)
                    && at.chars.is_none_or(|[_, end]| end > start)
            })
    }

    /// Whether `at` is on the document's last line where that line ends inside
    /// a figure: a row there was cut short, its figures perhaps misplaced.
    pub(crate) fn on_a_cut_line(&self, at: &jixiao_model::Source) -> bool {
        self.report
            .last_figure
            .is_some_and(|(page, line, _)| at.page == page && at.line == Some(line))
    }

    /// Whether a cell at `at` is among the document's last lines of text (a
    /// row of cells one per line, blank lines between, ends within three): a
    /// table whose rows reach them may have been cut off there.
    pub(crate) fn near_the_end(&self, at: &jixiao_model::Source) -> bool {
        let close = self.report.last_line.is_some_and(|(page, line)| {
            at.page == page && at.line.is_some_and(|l| l <= line && l + 3 >= line)
        });
        // (A sentence of prose ended after it: the text went on past it whole.)
        let prose_after = || {
            self.facts().any(|f| {
                f.source.page == at.page
                    && f.source.line > at.line
                    && f.sentence.trim_end().ends_with('。')
            })
        };
        close && !prose_after()
    }

    /// Every comparison the report states (see [`Comparison`]).
    pub(crate) fn comparisons(&self) -> &[Comparison<'a>] {
        self.comparisons
            .get_or_init(|| crate::amounts::comparisons(self))
    }

    /// Facts, paragraph by paragraph.
    pub(crate) fn paragraphs(&self) -> &[Vec<&'a Fact>] {
        &self.paragraphs
    }

    /// Every fact, in document order.
    pub(crate) fn facts(&self) -> impl Iterator<Item = &'a Fact> + '_ {
        self.paragraphs.iter().flatten().copied()
    }

    /// Judges a stated number against the interval of its re-computation and
    /// records the relation as checked.
    pub(crate) fn judge(
        &self,
        rule: &'static str,
        relation: impl Into<String>,
        stated: Operand,
        inputs: Vec<Operand>,
        computed: Interval,
        straight: Decimal,
    ) -> Verdict {
        let verdict = interval::judge(
            stated.number.value,
            stated.number.decimals,
            computed,
            straight,
        );
        self.record(rule, relation, stated, inputs, verdict)
    }

    /// Records a relation a rule checked without an interval (a count, a bound,
    /// two statements of one value); the verdict, as an approximate operand
    /// leaves it, is what the finding's severity follows.
    pub(crate) fn record(
        &self,
        rule: &'static str,
        relation: impl Into<String>,
        stated: Operand,
        inputs: Vec<Operand>,
        verdict: Verdict,
    ) -> Verdict {
        let verdict = hedged(verdict, &stated, &inputs);
        if !self.tracing {
            return verdict;
        }
        self.checked.borrow_mut().push(Check {
            rule,
            relation: relation.into(),
            stated,
            inputs,
            verdict,
        });
        verdict
    }

    /// The relations checked so far.
    pub(crate) fn into_checked(self) -> Vec<Check> {
        self.checked.into_inner()
    }
}

/// A relation an approximate figure (`约1200元`) breaks is at most a warning:
/// how far from its printed digits the figure may be, the report does not say.
fn hedged(verdict: Verdict, stated: &Operand, inputs: &[Operand]) -> Verdict {
    let approximate = stated.approximate || inputs.iter().any(|o| o.approximate);
    match verdict {
        Verdict::Contradiction if approximate => Verdict::Rounding,
        v => v,
    }
}

pub(crate) fn fmt(d: Decimal) -> String {
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

/// A finding on a stated rate: what it says, as a percentage re-computed.
pub(crate) fn rate_finding(
    rate: &Fact,
    severity: Severity,
    message: String,
    shown: Decimal,
) -> Finding {
    finding(
        "rate.mismatch",
        severity,
        message,
        rate.number.value,
        Some(shown),
        Some("%"),
        &rate.source,
        &rate.sentence,
    )
}

/// A stated rate judged against its re-computation (`straight`, within `iv`),
/// recorded as checked, and worded as a finding where it does not hold: the
/// shape the rate rules share. `explain` words what re-computes, given the
/// re-computed rate as the report would print it; the rounding note follows.
pub(crate) fn judge_rate(
    ctx: &Context,
    relation: String,
    rate: &Fact,
    inputs: Vec<Operand>,
    (iv, straight): (Interval, Decimal),
    explain: impl FnOnce(Decimal) -> String,
) -> Option<Finding> {
    let verdict = ctx.judge(
        "rate.mismatch",
        relation,
        Operand::of(rate),
        inputs,
        iv,
        straight,
    );
    let sev = severity_of(verdict)?;
    let shown = straight.round_half_up(rate.number.decimals.max(2));
    Some(rate_finding(
        rate,
        sev,
        format!("{}{}", explain(shown), rounding_note(verdict)),
        shown,
    ))
}

/// A rate of two counts, `part` over `whole`, judged as [`judge_rate`] does:
/// counts are exact, so only the rate's own printing rounds.
pub(crate) fn judge_count_rate(
    ctx: &Context,
    rate: &Fact,
    part: &Fact,
    whole: &Fact,
    explain: impl FnOnce(Decimal) -> String,
) -> Option<Finding> {
    let straight = part
        .number
        .value
        .checked_div(whole.number.value)?
        .checked_mul(Decimal::ONE_HUNDRED)?;
    // A plan exceeded is often counted as 100% met (`实际培训526人，完成率100%`),
    // as the forms cap it: unsure, a warning.
    let capped = straight > Decimal::ONE_HUNDRED && rate.number.value == Decimal::ONE_HUNDRED;
    judge_rate(
        ctx,
        format!(
            "{} / {} = {}%",
            part.number.value, whole.number.value, rate.number.value
        ),
        rate,
        vec![Operand::of(part), Operand::of(whole)],
        (Interval::exact(straight), straight),
        |shown| {
            let text = explain(shown);
            match capped {
                true => format!("{text} (a plan exceeded may be counted as 100% met)"),
                false => text,
            }
        },
    )
    .map(|mut f| {
        if capped {
            f.severity = Severity::Warning;
        }
        f
    })
}

/// What a finding adds when the table's figures were cut from digits run
/// together: its reading, not the report, may be what fails.
pub(crate) const DIGITS_RAN_TOGETHER: &str =
    " (the table's digits ran together, so its reading may be wrong)";

pub(crate) fn severity_of(v: Verdict) -> Option<Severity> {
    match v {
        Verdict::Consistent => None,
        Verdict::Rounding => Some(Severity::Warning),
        Verdict::Contradiction => Some(Severity::Error),
    }
}

/// How far parts adding up to `sum` fall short of `whole`, when they fall
/// short by at most 1% of it: a part a list leaves out rarely leaves so
/// little, a mistyped figure often does. Checked: a file's numbers may be of
/// any size.
pub(crate) fn small_shortfall(whole: Decimal, sum: Decimal) -> Option<Decimal> {
    let gap = whole.checked_sub(sum)?;
    let small = gap > Decimal::ZERO && gap.checked_mul(Decimal::ONE_HUNDRED)? <= whole;
    small.then_some(gap)
}

pub(crate) fn rounding_note(v: Verdict) -> &'static str {
    if v == Verdict::Rounding {
        " (the difference could come from rounding of the printed inputs)"
    } else {
        ""
    }
}

pub(crate) fn row_text(item: &jixiao_model::ScoreItem) -> String {
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

/// A paragraph's facts by sentence: facts come in document order, so each
/// sentence's are a run.
pub(crate) fn by_sentence<'p, 'a>(para: &'p [&'a Fact]) -> impl Iterator<Item = &'p [&'a Fact]> {
    para.chunk_by(|a, b| a.sentence_start == b.sentence_start)
}
