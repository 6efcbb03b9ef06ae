//! Rule tests on `Report`s built directly: no ingest, no extraction. A clean
//! case must show the relation was recognised and found holding (the trace of
//! `check_traced`), not merely that nothing was flagged.

use jixiao_model::facts::{Expr, Formula, Operator};
use jixiao_model::{
    BudgetRow, Decimal, DerivedCell, Fact, FactKind, FactRole, FactUnit, LineItem, LineTotal,
    MoneyUnit, Printed, ReadingDoubt, Report, RowProduct, Scope, ScoreItem, ScoreTable, Severity,
    Source, StatedTotal,
};
use jixiao_validate::{check_traced, Check, Verdict};

fn d(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

fn printed(s: &str) -> Printed {
    Printed::parse(s).expect("printed number")
}

fn at(line: u32) -> Source {
    Source {
        line: Some(line),
        ..Source::default()
    }
}

/// A fact in paragraph `paragraph`, sentence starting at `sentence_start`,
/// the number at byte `at` of the paragraph.
struct F {
    label: &'static str,
    value: &'static str,
    unit: FactUnit,
    kind: FactKind,
    role: Option<FactRole>,
    scope: Scope,
    paragraph: usize,
    sentence_start: usize,
    at: usize,
}

impl F {
    fn money(label: &'static str, value: &'static str, role: Option<FactRole>) -> F {
        F {
            label,
            value,
            unit: FactUnit::Money(MoneyUnit::Wan),
            kind: FactKind::Level,
            role,
            scope: Scope::Report,
            paragraph: 0,
            sentence_start: 0,
            at: 0,
        }
    }

    fn percent(label: &'static str, value: &'static str) -> F {
        F {
            unit: FactUnit::Percent,
            ..F::money(label, value, None)
        }
    }

    fn at(mut self, at: usize) -> F {
        self.at = at;
        self
    }

    fn fact(self) -> Fact {
        let number = printed(self.value);
        Fact {
            label: self.label.to_string(),
            number,
            unit: self.unit,
            yuan: match self.unit {
                FactUnit::Money(u) => Some(u.to_yuan(number.value)),
                _ => None,
            },
            kind: self.kind,
            role: self.role,
            scope: self.scope,
            source: at(self.paragraph as u32 + 1),
            after: String::new(),
            sentence: format!("{}{}", self.label, self.value).into(),
            sentence_start: self.sentence_start,
            span: (self.at, self.at + self.value.len()),
            paragraph: self.paragraph,
            approximate: false,
        }
    }
}

fn report_with(facts: Vec<F>) -> Report {
    Report {
        facts: facts.into_iter().map(F::fact).collect(),
        ..Report::default()
    }
}

fn checks_of<'c>(checks: &'c [Check], rule: &str) -> Vec<&'c Check> {
    checks.iter().filter(|c| c.rule == rule).collect()
}

#[test]
fn a_tables_last_group_is_judged_where_its_scores_make_the_stated_total() {
    // No 合计 row: the table may be cut inside its last group, unless its
    // scores add up to the total score the report states (a form's 自评总分).
    let item = |l1: &str, l3: &str, w: &str, s: &str, line: u32| ScoreItem {
        level1: Some(l1.into()),
        level3: Some(l3.into()),
        weight: Some(d(w)),
        score: Some(d(s)),
        source: at(line),
        ..ScoreItem::default()
    };
    let report = |effect_weight: &str, total: Option<&str>| {
        let mut r = Report {
            score_tables: vec![ScoreTable {
                items: vec![
                    item("项目决策", "依据", "10", "10", 2),
                    item("项目效益", "社会效益", "15", "15", 3),
                    item("项目效益", "满意度", "10", "9", 4),
                ],
                group_weights: vec![jixiao_model::GroupWeight {
                    level: 1,
                    name: "项目效益".into(),
                    weight: d(effect_weight),
                    source: at(3),
                }],
                ..ScoreTable::default()
            }],
            ..Report::default()
        };
        if let Some(t) = total {
            r.report.total_score = Some(d(t));
            r.report.sources.insert("total_score".into(), at(1));
        }
        r
    };
    let (findings, checks) = check_traced(&report("25", Some("34")));
    assert!(findings.is_empty(), "{findings:?}");
    let groups: Vec<_> = checks_of(&checks, "score.sum")
        .into_iter()
        .filter(|c| c.relation.contains("项目效益"))
        .collect();
    assert_eq!(groups.len(), 1, "{checks:?}");
    assert_eq!(groups[0].verdict, Verdict::Consistent);

    let (findings, _) = check_traced(&report("26", Some("34")));
    assert!(
        findings.iter().any(|f| f.rule == "score.sum"),
        "{findings:?}"
    );
    // Without the stated total the last group may go on past a cut.
    let (findings, checks) = check_traced(&report("26", None));
    assert!(findings.is_empty(), "{findings:?}");
    assert!(checks_of(&checks, "score.sum")
        .iter()
        .all(|c| !c.relation.contains("项目效益")));
}

#[test]
fn score_sum_traces_a_holding_total_and_flags_a_broken_one() {
    let item = |l3: &str, w: &str, s: &str, line: u32| ScoreItem {
        level1: Some("产出".into()),
        level3: Some(l3.into()),
        weight: Some(d(w)),
        score: Some(d(s)),
        source: at(line),
        ..ScoreItem::default()
    };
    let table = |total: &str| ScoreTable {
        items: vec![item("数量", "10", "9.5", 1), item("质量", "10", "8", 2)],
        stated_total: Some(StatedTotal {
            score_rate: None,
            weight: Some(d("20")),
            score: Some(d(total)),
            lone_figure: false,
            source: at(3),
        }),
        ..ScoreTable::default()
    };
    let clean = Report {
        score_tables: vec![table("17.5")],
        ..Report::default()
    };
    let (findings, checks) = check_traced(&clean);
    assert!(findings.is_empty(), "{findings:?}");
    let sums = checks_of(&checks, "score.sum");
    assert_eq!(sums.len(), 2, "score and weight columns: {sums:?}");
    assert!(sums.iter().all(|c| c.verdict == Verdict::Consistent));
    assert_eq!(sums[0].inputs.len(), 2);
    assert_eq!(sums[0].inputs[1].source.line, Some(2));

    let broken = Report {
        score_tables: vec![table("18.5")],
        ..Report::default()
    };
    let (findings, _) = check_traced(&broken);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Error);
    assert_eq!(findings[0].location.line, Some(3));
}

#[test]
fn an_execution_rate_pairs_by_role_not_by_shared_words() {
    // 实际支出 and 预算安排 share no word with 执行率; their roles pair them.
    let facts = |rate: &'static str| {
        vec![
            F::money("预算安排", "438.41", Some(FactRole::Adjusted)).at(0),
            F::money("实际支出", "437.61", Some(FactRole::Executed)).at(20),
            F {
                role: Some(FactRole::ExecutionRate),
                ..F::percent("执行率", rate)
            }
            .at(40),
        ]
    };
    let (findings, checks) = check_traced(&report_with(facts("99.82")));
    assert!(findings.is_empty(), "{findings:?}");
    let rates = checks_of(&checks, "rate.mismatch");
    assert_eq!(rates.len(), 1);
    assert_eq!(rates[0].verdict, Verdict::Consistent);
    assert_eq!(rates[0].inputs[0].number.value, d("437.61"));

    let (findings, _) = check_traced(&report_with(facts("98.82")));
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].rule, "rate.mismatch");
    assert_eq!(findings[0].severity, Severity::Error);
}

#[test]
fn an_approximate_figure_makes_a_relation_at_most_a_warning() {
    // `实际支出约437万元`: the hedge says no more than its neighbourhood.
    let report = |approximate: bool| {
        let mut r = report_with(vec![
            F::money("预算安排", "438.41", Some(FactRole::Adjusted)).at(0),
            F::money("实际支出", "437", Some(FactRole::Executed)).at(20),
            F {
                role: Some(FactRole::ExecutionRate),
                ..F::percent("执行率", "98.82")
            }
            .at(40),
        ]);
        r.facts[1].approximate = approximate;
        r
    };
    let (findings, checks) = check_traced(&report(false));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Error);
    let (findings, checks_hedged) = check_traced(&report(true));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Warning);
    // The same relation was recognised both times; only its verdict differs.
    let rates = |c: &[Check]| {
        checks_of(c, "rate.mismatch")
            .iter()
            .map(|c| (c.relation.clone(), c.verdict))
            .collect::<Vec<_>>()
    };
    assert_eq!(rates(&checks)[0].1, Verdict::Contradiction);
    assert_eq!(rates(&checks_hedged)[0].1, Verdict::Rounding);
    assert_eq!(rates(&checks)[0].0, rates(&checks_hedged)[0].0);
}

#[test]
fn amounts_of_another_scope_are_never_paired() {
    // A project's execution over the whole budget is no rate of anything.
    let mut part = F::money("项目支出执行数", "300.00", Some(FactRole::Executed)).at(20);
    part.scope = Scope::Part;
    let report = report_with(vec![
        F::money("预算数", "438.41", Some(FactRole::Adjusted)).at(0),
        part,
        F {
            role: Some(FactRole::ExecutionRate),
            ..F::percent("执行率", "99.82")
        }
        .at(40),
    ]);
    let (findings, checks) = check_traced(&report);
    assert!(findings.is_empty(), "{findings:?}");
    assert!(checks_of(&checks, "rate.mismatch").is_empty(), "{checks:?}");
}

#[test]
fn an_adjustment_rate_is_the_change_over_the_initial_budget() {
    let facts = |rate: &'static str| {
        vec![
            F::money("年初预算安排", "37070.2", Some(FactRole::Initial)).at(0),
            F::money("全年预算数", "49724.97", Some(FactRole::Adjusted)).at(20),
            F {
                kind: FactKind::Share,
                ..F::percent("预算调剂比例", rate)
            }
            .at(40),
        ]
    };
    let (findings, checks) = check_traced(&report_with(facts("34.14")));
    assert!(findings.is_empty(), "{findings:?}");
    assert!(checks_of(&checks, "rate.mismatch")
        .iter()
        .any(|c| c.verdict == Verdict::Consistent && c.inputs.len() == 2));
    let (findings, _) = check_traced(&report_with(facts("36.14")));
    assert!(
        findings
            .iter()
            .any(|f| f.rule == "rate.mismatch" && f.severity == Severity::Error),
        "{findings:?}"
    );
}

#[test]
fn a_share_is_judged_against_the_whole_its_label_names() {
    let facts = |share: &'static str| {
        let mut whole = F::money("“三公”经费预算数", "656.40", None);
        whole.paragraph = 0;
        let mut part = F::money("公务接待费", "155.70", None);
        part.paragraph = 1;
        let mut s = F {
            kind: FactKind::Share,
            ..F::percent("占“三公”经费的", share)
        }
        .at(30);
        s.paragraph = 1;
        vec![whole, part, s]
    };
    let (findings, checks) = check_traced(&report_with(facts("23.72")));
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(checks_of(&checks, "rate.mismatch").len(), 1);
    let (findings, _) = check_traced(&report_with(facts("25.72")));
    assert_eq!(findings.len(), 1, "{findings:?}");
    // The whole a share means is not always the one named: a warning, never an error.
    assert_eq!(findings[0].severity, Severity::Warning);
}

#[test]
fn one_quantity_stated_twice_is_compared_with_the_reports_vote() {
    let mut report = report_with(vec![
        F::money("年初预算金额", "446.41", Some(FactRole::Initial)),
        F {
            paragraph: 1,
            ..F::money("年初预算", "446.41", Some(FactRole::Initial))
        },
        F {
            paragraph: 2,
            ..F::money("年初预算", "464.41", Some(FactRole::Initial))
        },
    ]);
    report.budget.initial = Some(d("4464100"));
    let (findings, checks) = check_traced(&report);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].rule, "value.conflict");
    assert_eq!(findings[0].stated, Some(d("464.41")));
    assert_eq!(findings[0].location.line, Some(3));
    assert_eq!(checks_of(&checks, "value.conflict").len(), 1);

    // A change on last year is another quantity, whatever its number.
    let mut changed = report.clone();
    changed.facts[2].kind = FactKind::Change;
    let (findings, checks) = check_traced(&changed);
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(
        checks_of(&checks, "value.conflict")[0].verdict,
        Verdict::Consistent
    );
}

#[test]
fn a_line_item_column_adds_up_to_its_total_row() {
    let item = |name: &str, budget: &str, line: u32| LineItem {
        name: Some(name.into()),
        printed: [Some((d(budget), at(line))), None],
        source: at(line),
        ..LineItem::default()
    };
    let report = |total: &str| Report {
        line_items: vec![item("工资", "118.91", 1), item("奖金", "56.22", 2)],
        line_totals: vec![LineTotal {
            label: "支出合计".into(),
            printed: [Some((d(total), at(3))), None],
            printed_unit: "万元".into(),
            rows: (0, 2),
            nested: Vec::new(),
            rate: None,
            derived: Vec::new(),
            source: at(3),
            guessed: false,
            placed_by_guess: false,
        }],
        ..Report::default()
    };
    let (findings, checks) = check_traced(&report("175.13"));
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(
        checks_of(&checks, "parts.sum")[0].verdict,
        Verdict::Consistent
    );
    let (findings, _) = check_traced(&report("176.13"));
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].location.line, Some(3));
    assert_eq!(findings[0].severity, Severity::Error);
    // Figures cut from digits run together: the same sum fails as a warning.
    let mut guessed = report("176.13");
    guessed.line_totals[0].guessed = true;
    let (findings, _) = check_traced(&guessed);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].severity, Severity::Warning);
    assert!(findings[0].message.contains("digits ran together"));
    // Figures fewer than the columns, placed by guess: a warning too.
    let mut placed = report("176.13");
    placed.line_totals[0].placed_by_guess = true;
    let (findings, _) = check_traced(&placed);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].severity, Severity::Warning);
    assert!(findings[0].message.contains("is a guess"));
    // A total printed coarser than its rows (cut off at the page's end) is not judged.
    let (findings, checks) = check_traced(&report("175"));
    assert!(findings.is_empty() && checks_of(&checks, "parts.sum").is_empty());
}

#[test]
fn rows_listed_under_a_row_are_its_parts_and_out_of_the_total() {
    let item = |name: &str, budget: &str, line: u32| LineItem {
        name: Some(name.into()),
        printed: [Some((d(budget), at(line))), None],
        source: at(line),
        ..LineItem::default()
    };
    // 一、基本支出 100 (人员 80 + 公用 20 under it), 二、项目支出 50: 合计 150.
    let report = |staff: &str| Report {
        line_items: vec![
            item("一、基本支出", "100.00", 2),
            item("其中：人员经费", staff, 3),
            item("公用经费", "20.00", 4),
            item("二、项目支出", "50.00", 5),
        ],
        line_totals: vec![LineTotal {
            label: "合计".into(),
            printed: [Some((d("150.00"), at(1))), None],
            printed_unit: "万元".into(),
            rows: (0, 4),
            nested: vec![(0, vec![1, 2])],
            rate: None,
            derived: Vec::new(),
            source: at(1),
            guessed: false,
            placed_by_guess: false,
        }],
        ..Report::default()
    };
    let (findings, checks) = check_traced(&report("80.00"));
    assert!(findings.is_empty(), "{findings:?}");
    let sums = checks_of(&checks, "parts.sum");
    assert_eq!(sums.len(), 2, "{checks:?}");
    assert!(sums.iter().all(|c| c.verdict == Verdict::Consistent));
    // More under it than the row: an error at the row.
    let (findings, _) = check_traced(&report("81.50"));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Error);
    assert_eq!(findings[0].location.line, Some(2));
    // Less by more than 1%: 其中 may list only some parts.
    let (findings, _) = check_traced(&report("70.00"));
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn a_written_formula_computes_to_its_result() {
    // (95+90.5)÷2, the 2 counting the terms.
    let number = |text: &str, count: bool| Expr::Number {
        number: printed(text),
        percent: false,
        count,
    };
    let formula = |result: &str| Formula {
        expr: format!("(95+90.5)÷2={result}"),
        tree: Expr::Op(
            Box::new(Expr::Op(
                Box::new(number("95", false)),
                Operator::Add,
                Box::new(number("90.5", false)),
            )),
            Operator::Div,
            Box::new(number("2", true)),
        ),
        result: printed(result),
        percent: false,
        magnitude: None,
        source: at(7),
        paragraph: 0,
        start: 0,
    };
    let mut report = Report::default();
    report.stated.formulas = vec![formula("92.75")];
    let (findings, checks) = check_traced(&report);
    assert!(findings.is_empty());
    assert_eq!(
        checks_of(&checks, "formula.mismatch")[0].verdict,
        Verdict::Consistent
    );
    report.stated.formulas = vec![formula("93.75")];
    let (findings, _) = check_traced(&report);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].severity, Severity::Error);
}

/// A page read by OCR: the same broken total is a warning that asks for the
/// page image, and says `low confidence` only where a number it rests on was.
#[test]
fn numbers_read_by_ocr_never_make_an_error() {
    let ocr = |line: u32, page: u32, confidence: u8| Source {
        page: Some(page),
        line: Some(line),
        ocr_confidence: Some(confidence),
        ..Source::default()
    };
    let report = |row_confidence: u8| {
        let item = |l3: &str, w: &str, s: &str, line: u32| ScoreItem {
            level3: Some(l3.into()),
            weight: Some(d(w)),
            score: Some(d(s)),
            source: ocr(line, 4, row_confidence),
            ..ScoreItem::default()
        };
        Report {
            score_tables: vec![ScoreTable {
                items: vec![item("数量", "10", "9.5", 1), item("质量", "10", "8", 2)],
                stated_total: Some(StatedTotal {
                    score_rate: None,
                    weight: Some(d("20")),
                    score: Some(d("18.5")),
                    // The total's own line was read surely.
                    lone_figure: false,
                    source: ocr(3, 4, 96),
                }),
                ..ScoreTable::default()
            }],
            ..Report::default()
        }
    };
    let (sure, _) = check_traced(&report(95));
    assert_eq!(sure.len(), 1, "{sure:?}");
    assert_eq!(sure[0].severity, Severity::Warning);
    assert!(
        sure[0]
            .message
            .ends_with("(read by OCR: verify against the page image)"),
        "{}",
        sure[0].message
    );
    let (unsure, _) = check_traced(&report(62));
    assert_eq!(unsure[0].severity, Severity::Warning);
    assert!(
        unsure[0].message.contains("low confidence"),
        "{}",
        unsure[0].message
    );
}

#[test]
fn parts_that_make_up_all_of_a_whole_must_add_up_to_it_and_other_lists_may_fall_short() {
    use jixiao_model::facts::{ListKind, PartsList};
    let report = |whole: &'static str, kind: ListKind| {
        let mut r = report_with(vec![
            F::money("基本支出", whole, None),
            F::money("人员经费", "870.54", None).at(20),
            F::money("公用经费", "62.44", None).at(40),
        ]);
        r.stated.lists = vec![PartsList {
            whole: 0,
            parts: vec![1, 2],
            kind,
            alternatives: Vec::new(),
            besides: Vec::new(),
            full_marks: Vec::new(),
        }];
        r
    };
    let (findings, checks) = check_traced(&report("932.98", ListKind::Partition));
    assert!(findings.is_empty(), "{findings:?}");
    let traced = checks_of(&checks, "parts.sum");
    assert_eq!(traced.len(), 1);
    assert_eq!(traced[0].verdict, Verdict::Consistent);
    assert!(
        traced[0].relation.contains("all of it"),
        "{}",
        traced[0].relation
    );
    // A whole larger than all of its parts: an error, as for a 共计.
    let (findings, _) = check_traced(&report("933.98", ListKind::Partition));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Error);
    assert_eq!(findings[0].computed, Some(d("932.98")));
    // The same shortfall after a plain 其中 may be parts left unnamed: no error
    // (a warning only, the remainder being so small).
    let (findings, _) = check_traced(&report("933.98", ListKind::Parts));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Warning);
}

#[test]
fn a_rate_pairs_with_the_amounts_its_vocabulary_names_without_a_shared_word() {
    let facts = |rate: &'static str, extra: bool| {
        let mut f = vec![
            F::money("政府采购计划金额", "1009.59", None).at(10),
            F::money("实际采购金额", "997.71", None).at(30),
        ];
        if extra {
            // A second actual amount: which one the rate is over is unsure.
            f.push(F::money("实际支付", "990.00", None).at(40));
        }
        f.push(F::percent("政府采购执行率", rate).at(60));
        report_with(f)
    };
    let (findings, checks) = check_traced(&facts("98.82", false));
    assert!(findings.is_empty(), "{findings:?}");
    let traced = checks_of(&checks, "rate.mismatch");
    assert_eq!(traced.len(), 1, "{traced:?}");
    assert_eq!(traced[0].relation, "997.71 / 1009.59 = 98.82%");
    assert_eq!(traced[0].verdict, Verdict::Consistent);
    let (findings, _) = check_traced(&facts("99.82", false));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Error);
    let (findings, checks) = check_traced(&facts("99.82", true));
    assert!(findings.is_empty() && checks_of(&checks, "rate.mismatch").is_empty());
}

#[test]
fn a_plain_list_a_hair_short_of_its_whole_is_a_warning_and_a_real_remainder_is_silent() {
    use jixiao_model::facts::{ListKind, PartsList};
    let report = |whole: &'static str| {
        let mut r = report_with(vec![
            F::money("项目总投资", whole, None),
            F::money("中央资金", "495", None).at(20),
            F::money("市级配套资金", "99", None).at(40),
            F::money("区级配套资金", "66", None).at(60),
        ]);
        r.stated.lists = vec![PartsList {
            whole: 0,
            parts: vec![1, 2, 3],
            kind: ListKind::Parts,
            alternatives: Vec::new(),
            besides: Vec::new(),
            full_marks: Vec::new(),
        }];
        r
    };
    let (findings, checks) = check_traced(&report("660"));
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(
        checks_of(&checks, "parts.sum")[0].verdict,
        Verdict::Consistent
    );
    // 661 against parts of 660: under 1% short, most likely a mistyped figure.
    let (findings, _) = check_traced(&report("661"));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Warning);
    // 700: a remainder of 40 is a part the 其中 did not name.
    let (findings, _) = check_traced(&report("700"));
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn an_execution_rate_takes_the_adjusted_budget_of_its_sentence_over_the_initial_one() {
    let report = |rate: &'static str| {
        let part = |mut f: F| {
            f.scope = Scope::Part;
            f
        };
        report_with(vec![
            part(F::money(
                "项目支出年初预算安排",
                "37070.2",
                Some(FactRole::Initial),
            ))
            .at(10),
            part(F::money("全年预算数", "49724.97", Some(FactRole::Adjusted))).at(30),
            part(F {
                kind: FactKind::Share,
                ..F::percent("预算调剂比例", "34.14")
            })
            .at(50),
            part(F::money("决算数", "47881.27", None)).at(70),
            part(F {
                role: Some(FactRole::ExecutionRate),
                ..F::percent("项目预算执行率", rate)
            })
            .at(90),
        ])
    };
    let (findings, checks) = check_traced(&report("96.29"));
    assert!(findings.is_empty(), "{findings:?}");
    assert!(
        checks_of(&checks, "rate.mismatch")
            .iter()
            .any(|c| c.relation == "47881.27 / 49724.97 = 96.29%"
                && c.verdict == Verdict::Consistent),
        "{checks:?}"
    );
    let (findings, _) = check_traced(&report("96.49"));
    assert!(
        findings
            .iter()
            .any(|f| f.rule == "rate.mismatch" && f.severity == Severity::Error),
        "{findings:?}"
    );
}

#[test]
fn points_beside_the_framework_may_stand_inside_or_outside_the_hundred() {
    let item = |l1: &str, w: &str, s: &str, line: u32| ScoreItem {
        level1: Some(l1.into()),
        weight: Some(d(w)),
        score: Some(d(s)),
        source: at(line),
        ..ScoreItem::default()
    };
    let report = |total: &str, stated: &str| {
        let mut r = Report {
            score_tables: vec![ScoreTable {
                items: vec![
                    item("产出", "50", "46", 11),
                    item("效益", "50", "42", 12),
                    item("加分项", "2", "1.5", 13),
                ],
                stated_total: Some(StatedTotal {
                    score_rate: None,
                    weight: Some(d("100")),
                    score: Some(d(total)),
                    lone_figure: false,
                    source: at(14),
                }),
                ..ScoreTable::default()
            }],
            ..Report::default()
        };
        r.report.total_score = Some(d(stated));
        r.report.sources.insert("total_score".into(), at(2));
        r
    };
    // The 合计 with the bonus in it, or without it and the conclusion's
    // total with it: both hold (the weights' 100 leaves the bonus out).
    for (total, stated) in [("89.5", "89.5"), ("88", "89.5"), ("88", "88")] {
        let (findings, checks) = check_traced(&report(total, stated));
        assert!(findings.is_empty(), "{total} {stated}: {findings:?}");
        assert!(checks_of(&checks, "score.total")
            .iter()
            .all(|c| c.verdict == Verdict::Consistent));
    }
    // Neither reading: an error.
    let (findings, _) = check_traced(&report("90.5", "90.5"));
    assert!(
        findings
            .iter()
            .any(|f| f.rule == "score.sum" && f.severity == Severity::Error),
        "{findings:?}"
    );
    // A row of the framework is no bonus: its weight stays in the 100.
    let mut plain = report("89.5", "89.5");
    plain.score_tables[0].items[2].level1 = Some("满意度".into());
    let (findings, _) = check_traced(&plain);
    assert!(
        findings.iter().any(|f| f.rule == "score.sum"),
        "{findings:?}"
    );
}

#[test]
fn the_stated_total_score_is_the_full_score_tables_total() {
    let item = |l3: &str, w: &str, s: &str, line: u32| ScoreItem {
        level3: Some(l3.into()),
        weight: Some(d(w)),
        score: Some(d(s)),
        source: at(line),
        ..ScoreItem::default()
    };
    let report = |stated: &str, full: bool| {
        let mut r = Report {
            score_tables: vec![ScoreTable {
                items: vec![
                    item("决策", if full { "20" } else { "10" }, "19", 11),
                    item("过程", "80", "78.32", 12),
                ],
                stated_total: Some(StatedTotal {
                    score_rate: None,
                    weight: None,
                    score: Some(d("97.32")),
                    lone_figure: false,
                    source: at(13),
                }),
                ..ScoreTable::default()
            }],
            ..Report::default()
        };
        r.report.total_score = Some(d(stated));
        r.report.sources.insert("total_score".into(), at(2));
        r
    };
    let (findings, checks) = check_traced(&report("97.32", true));
    assert!(findings.is_empty(), "{findings:?}");
    let traced = checks_of(&checks, "score.total");
    assert_eq!(traced.len(), 1);
    assert_eq!(traced[0].verdict, Verdict::Consistent);
    let (findings, _) = check_traced(&report("97.42", true));
    let found: Vec<_> = findings
        .iter()
        .filter(|f| f.rule == "score.total")
        .collect();
    assert_eq!(found.len(), 1, "{findings:?}");
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found[0].location.line, Some(2));
    // A table whose weights do not make 100 is a part of the system: no check.
    let (findings, checks) = check_traced(&report("97.42", false));
    assert!(findings.iter().all(|f| f.rule != "score.total"));
    assert!(checks_of(&checks, "score.total").is_empty());
}

#[test]
fn a_budget_rows_adjustment_column_makes_its_adjusted_budget() {
    let row = |adjusted: &str| BudgetRow {
        label: "区退休职工管理".into(),
        printed: [
            Some(d("260.00")),
            Some(d(adjusted)),
            None,
            None,
            Some(d("-1.10")),
            None,
        ],
        printed_unit: "万元".into(),
        source: at(46),
        ..BudgetRow::default()
    };
    let report = |adjusted: &str| Report {
        budget_rows: vec![row(adjusted)],
        ..Report::default()
    };
    let (findings, checks) = check_traced(&report("258.90"));
    assert!(findings.is_empty(), "{findings:?}");
    let traced = checks_of(&checks, "adjustment.mismatch");
    assert_eq!(traced.len(), 1);
    assert_eq!(traced[0].verdict, Verdict::Consistent);
    let (findings, _) = check_traced(&report("259.90"));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].rule, "adjustment.mismatch");
    assert_eq!(findings[0].severity, Severity::Error);
    assert_eq!(findings[0].computed, Some(d("258.90")));
}

#[test]
fn net_assets_are_assets_less_debts() {
    let report = |net: &'static str| {
        report_with(vec![
            F::money("资产合计", "1122.33", None),
            F::money("流动资产", "12.67", None).at(20),
            F::money("负债合计", "7.94", None).at(40),
            F::money("流动负债", "7.94", None).at(60),
            F::money("净资产合计", net, None).at(80),
        ])
    };
    let (findings, checks) = check_traced(&report("1114.39"));
    assert!(findings.is_empty(), "{findings:?}");
    assert!(checks_of(&checks, "balance.mismatch")
        .iter()
        .any(|c| c.relation == "1122.33 − 7.94 = 1114.39" && c.verdict == Verdict::Consistent));
    let (findings, _) = check_traced(&report("1115.39"));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].rule, "balance.mismatch");
    assert_eq!(findings[0].severity, Severity::Error);
}

#[test]
fn a_bare_share_of_a_listed_part_is_checked_against_its_wholes_and_only_warns() {
    use jixiao_model::facts::{ListKind, PartsList};
    let report = |share: &'static str| {
        let mut r = report_with(vec![
            F::money("全年预算", "63501.78", Some(FactRole::Adjusted)),
            F::money("本年支出合计", "61658.08", Some(FactRole::Executed)).at(20),
            F::money("基本支出", "13645.88", None).at(40),
            F {
                kind: FactKind::Share,
                ..F::percent("占比", share)
            }
            .at(60),
            F::money("项目支出", "47881.27", None).at(80),
            F::money("经营支出", "130.93", None).at(100),
        ]);
        r.stated.lists = vec![PartsList {
            whole: 1,
            parts: vec![2, 4, 5],
            kind: ListKind::Parts,
            alternatives: Vec::new(),
            besides: Vec::new(),
            full_marks: Vec::new(),
        }];
        r
    };
    // 13645.88 / 63501.78 = 21.49%: of the budget, not of the spending it is listed in.
    let (findings, checks) = check_traced(&report("21.49"));
    assert!(findings.is_empty(), "{findings:?}");
    assert!(checks_of(&checks, "rate.mismatch")
        .iter()
        .any(|c| c.relation == "13645.88 / 63501.78 = 21.49%" && c.verdict == Verdict::Consistent));
    let (findings, _) = check_traced(&report("21.69"));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Warning);
}

#[test]
fn an_execution_rate_after_spending_and_time_progress_is_their_ratio() {
    let report = |rate: &'static str| {
        report_with(vec![
            F::money("一季度，部门预算支出", "329.15", None),
            F::percent("季度支出进度", "12.92").at(20),
            F::percent("季度序时进度", "25.00").at(40),
            F::percent("季度预算执行率", rate).at(60),
        ])
    };
    let (findings, checks) = check_traced(&report("51.68"));
    assert!(findings.is_empty(), "{findings:?}");
    assert!(checks_of(&checks, "rate.mismatch")
        .iter()
        .any(|c| c.relation == "12.92% / 25.00% = 51.68%" && c.verdict == Verdict::Consistent));
    let (findings, _) = check_traced(&report("52.68"));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Error);
}

#[test]
fn a_spending_progress_is_the_amount_spent_over_the_reports_budget() {
    let report = |progress: &'static str| {
        let mut budget = F::money("全年支出预算总额", "2546.70", Some(FactRole::Adjusted));
        budget.paragraph = 0;
        let mut spent = F::money("部门预算支出累计", "959.07", None).at(10);
        spent.paragraph = 1;
        let mut rate = F::percent("季度支出进度", progress).at(30);
        rate.paragraph = 1;
        report_with(vec![budget, spent, rate])
    };
    let (findings, checks) = check_traced(&report("37.66"));
    assert!(findings.is_empty(), "{findings:?}");
    assert!(checks_of(&checks, "rate.mismatch")
        .iter()
        .any(|c| c.relation == "959.07 / 2546.70 = 37.66%" && c.verdict == Verdict::Consistent));
    // The budget is inferred: a progress it does not give is a warning, never an error.
    let (findings, _) = check_traced(&report("38.66"));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Warning);
}

/// A rate stated in its own paragraph, the sentence reading `before` then the number.
fn rate_in(paragraph: usize, before: &str, label: &'static str, value: &'static str) -> Fact {
    let mut fact = F {
        paragraph,
        ..F::percent(label, value)
    }
    .fact();
    fact.sentence = format!("{before}{value}%").into();
    fact.span = (before.len(), before.len() + value.len() + 1);
    fact
}

#[test]
fn a_named_rate_restated_with_another_value_is_a_conflict() {
    let report = |again: &'static str| Report {
        facts: vec![
            rate_in(0, "日常公用经费控制率为", "日常公用经费控制率", "93.58"),
            rate_in(
                3,
                "2024年，日常公用经费控制率为",
                "日常公用经费控制率",
                again,
            ),
        ],
        // The report's own year names no other period.
        report: jixiao_model::ReportFields {
            fiscal_year: Some(2024),
            ..Default::default()
        },
        ..Report::default()
    };
    // 93.6 is 93.58 as printed with one decimal: the same value.
    let (findings, checks) = check_traced(&report("93.6"));
    assert!(findings.is_empty(), "{findings:?}");
    let restated = checks_of(&checks, "rate.conflict");
    assert_eq!(restated.len(), 1, "{checks:?}");
    assert_eq!(restated[0].verdict, Verdict::Consistent);
    assert_eq!(restated[0].inputs.len(), 1);

    let (findings, _) = check_traced(&report("93.85"));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].rule, "rate.conflict");
    // Two statements, two values: which is mistyped cannot be told.
    assert_eq!(findings[0].severity, Severity::Warning);
    assert_eq!(findings[0].stated, Some(d("93.85")));
}

#[test]
fn rates_of_other_periods_targets_and_generic_names_are_not_restatements() {
    let quarters = Report {
        facts: vec![
            rate_in(0, "一季度，季度支出进度为", "季度支出进度率", "12.92"),
            rate_in(1, "二季度，季度支出进度为", "季度支出进度率", "37.66"),
        ],
        ..Report::default()
    };
    let target = Report {
        facts: vec![
            rate_in(0, "日常公用经费控制率为", "日常公用经费控制率", "93.58"),
            rate_in(
                1,
                "标准：日常公用经费控制率不高于",
                "日常公用经费控制率",
                "90",
            ),
        ],
        ..Report::default()
    };
    // `项目资金执行率` names no particular quantity in a report of several projects.
    let generic = Report {
        facts: vec![
            rate_in(0, "项目资金执行率为", "项目资金执行率", "98"),
            rate_in(1, "项目资金执行率为", "项目资金执行率", "91"),
        ],
        ..Report::default()
    };
    for report in [quarters, target, generic] {
        let (findings, checks) = check_traced(&report);
        assert!(findings.is_empty(), "{findings:?}");
        assert!(checks_of(&checks, "rate.conflict").is_empty(), "{checks:?}");
    }
}

/// A 合计 under its rows takes the rows right above it in its table, not a
/// row further up past a gap (another table's).
#[test]
fn a_total_under_its_rows_takes_the_rows_right_above_it() {
    let row = |label: &str, line: u32, initial: &str, adjusted: &str, total: bool| BudgetRow {
        label: label.into(),
        is_total: total,
        printed: [Some(d(initial)), Some(d(adjusted)), None, None, None, None],
        printed_unit: "万元".into(),
        source: at(line),
        ..BudgetRow::default()
    };
    let report = |b_adjusted: &str| Report {
        budget_rows: vec![
            row("另一表的行", 3, "999.00", "999.00", false),
            row("甲项目", 10, "400.00", "450.00", false),
            row("乙项目", 11, "50.00", b_adjusted, false),
            row("合计", 12, "450.00", "500.00", true),
        ],
        ..Report::default()
    };
    let (findings, checks) = check_traced(&report("50.00"));
    assert!(findings.is_empty(), "{findings:?}");
    let sums = checks_of(&checks, "parts.sum");
    assert_eq!(sums.len(), 2, "{sums:?}");
    assert!(sums
        .iter()
        .all(|c| c.relation.ends_with("the 2 rows above it") && c.verdict == Verdict::Consistent));
    // One column off while the other holds: the finding.
    let (findings, _) = check_traced(&report("51.00"));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Error);
    // Both columns off: nothing says these rows are its parts.
    let mut r = report("51.00");
    r.budget_rows[1].printed[0] = Some(d("401.00"));
    let (findings, _) = check_traced(&r);
    assert!(findings.is_empty(), "{findings:?}");
}

/// Rows numbered from 1 under a row of no number (`三公经费`, then `1、公务用车…`
/// with its 其中 run, `3、公务接待`) are its parts, column by column: a column
/// that fails where another holds is the finding; where none holds the rows
/// may be only some of it, and only an excess is.
#[test]
fn rows_numbered_under_a_row_of_no_number_are_its_parts() {
    let row = |label: &str, group: Option<&str>, plan: &str, spent: &str| BudgetRow {
        label: label.into(),
        group: group.map(str::to_string),
        printed: [None, Some(d(plan)), Some(d(spent)), None, None, None],
        printed_unit: "万元".into(),
        source: at(1),
        ..BudgetRow::default()
    };
    let report = |car_spent: &str, hosting_plan: &str| Report {
        budget_rows: vec![
            row("三公经费", None, "52.40", "40.15"),
            row("1、公务用车购置和维护经费", None, "30.00", car_spent),
            row("公车购置", Some("其中"), "18.00", "18.00"),
            row("公车运行维护", Some("其中"), "12.00", "10.35"),
            row("3、公务接待", None, hosting_plan, "11.80"),
            // Numbered from 1 again: another row's list (its row left blank).
            row("1、业务工作专项", None, "300", "640.22"),
        ],
        ..Report::default()
    };
    let (findings, checks) = check_traced(&report("28.35", "22.40"));
    assert!(findings.is_empty(), "{findings:?}");
    let sums = checks_of(&checks, "parts.sum");
    assert_eq!(sums.len(), 4, "{sums:?}");
    assert!(sums.iter().all(|c| c.verdict == Verdict::Consistent));
    assert!(sums
        .iter()
        .any(|c| c.relation.starts_with("三公经费") && c.relation.ends_with("= 2 parts")));
    // The 全年预算数 column off, the 执行数 column holding: an error.
    let (findings, _) = check_traced(&report("28.35", "23.40"));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Error);
    assert!(
        findings[0]
            .message
            .contains("三公经费 全年预算数 stated 52.40"),
        "{findings:?}"
    );
    // Both columns short: the rows may be only some of it.
    let mut some = report("28.35", "21.40");
    some.budget_rows[4].printed[2] = Some(d("10.80"));
    let (findings, _) = check_traced(&some);
    assert!(findings.is_empty(), "{findings:?}");
    // A row of no number under no row of no number: no list.
    let mut numbered = report("28.35", "23.40");
    numbered.budget_rows[0].label = "一、三公经费".into();
    let (findings, checks) = check_traced(&numbered);
    assert!(findings.is_empty(), "{findings:?}");
    assert!(checks_of(&checks, "parts.sum")
        .iter()
        .all(|c| !c.relation.starts_with("一、三公经费")));
}

/// A total's one part (the other fund rows blank) is no more than it.
#[test]
fn a_totals_one_part_is_no_more_than_it() {
    let row = |label: &str, line: u32, initial: &str, total: bool| BudgetRow {
        label: label.into(),
        is_total: total,
        printed: [Some(d(initial)), None, None, None, None, None],
        printed_unit: "万元".into(),
        source: at(line),
        ..BudgetRow::default()
    };
    let report = |whole: &str| Report {
        budget_rows: vec![
            row("年度资金总额", 1, whole, true),
            row("其中：本年财政拨款", 2, "90.00", false),
        ],
        ..Report::default()
    };
    let (findings, _) = check_traced(&report("90.00"));
    assert!(findings.is_empty(), "{findings:?}");
    let (findings, checks) = check_traced(&report("80.00"));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Error);
    assert_eq!(
        checks_of(&checks, "parts.sum")[0].verdict,
        Verdict::Contradiction
    );
    // A total left at 0 beside its part: a row left unfilled as likely as a slip.
    let (findings, _) = check_traced(&report("0"));
    assert_eq!(findings[0].severity, Severity::Warning, "{findings:?}");
}

/// A part row with fewer figures than its total may have lost a blank cell:
/// its figures are not compared column by column.
#[test]
fn a_part_row_with_fewer_figures_than_its_total_is_not_compared() {
    let row = |label: &str, figures: [Option<&str>; 3], total: bool| BudgetRow {
        label: label.into(),
        is_total: total,
        printed: [
            figures[0].map(d),
            figures[1].map(d),
            figures[2].map(d),
            None,
            None,
            None,
        ],
        printed_unit: "万元".into(),
        source: at(1),
        ..BudgetRow::default()
    };
    let report = Report {
        budget_rows: vec![
            row(
                "年度资金总额",
                [Some("100.00"), Some("120.00"), Some("114.00")],
                true,
            ),
            // 年初 blank, lost: 120 and 114 read under 年初 and 全年.
            row(
                "其中：本年财政拨款",
                [Some("120.00"), Some("114.00"), None],
                false,
            ),
        ],
        ..Report::default()
    };
    let (findings, _) = check_traced(&report);
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn a_rows_balance_and_its_rate_are_the_difference_of_its_two_amounts() {
    // 预算数 248.00, 执行数 221.72: 结余 26.28, 结余率 10.60%, either sign.
    let report = |balance: &str, rate: &str| Report {
        line_items: vec![LineItem {
            name: Some("人居环境整治".into()),
            printed: [Some((d("248.00"), at(1))), Some((d("221.72"), at(1)))],
            derived: vec![
                DerivedCell {
                    header: "结余".into(),
                    rate: false,
                    value: d(balance),
                    source: at(1),
                },
                DerivedCell {
                    header: "结余率".into(),
                    rate: true,
                    value: d(rate),
                    source: at(1),
                },
            ],
            source: at(1),
            ..LineItem::default()
        }],
        ..Report::default()
    };
    let (findings, checks) = check_traced(&report("26.28", "10.60"));
    assert!(findings.is_empty(), "{findings:?}");
    for (rule, relation) in [
        (
            "balance.mismatch",
            "人居环境整治 结余 |248.00 − 221.72| = 26.28",
        ),
        (
            "rate.mismatch",
            "人居环境整治 结余率 |248.00 − 221.72| / 248.00 = 10.60%",
        ),
    ] {
        assert!(
            checks.iter().any(|c| c.rule == rule
                && c.relation == relation
                && c.verdict == Verdict::Consistent),
            "{checks:?}"
        );
    }
    // Signed the other way (增减 of 执行 on 预算), it holds too.
    let (findings, _) = check_traced(&report("-26.28", "-10.60"));
    assert!(findings.is_empty(), "{findings:?}");
    // Beyond the rounding of the printed amounts: an error each.
    let (findings, _) = check_traced(&report("16.28", "6.60"));
    let mut rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
    rules.sort();
    assert_eq!(rules, ["balance.mismatch", "rate.mismatch"], "{findings:?}");
    assert!(findings.iter().all(|f| f.severity == Severity::Error));
}

#[test]
fn a_score_tables_total_score_rate_is_its_total_score_over_its_total_weight() {
    let table = |rate: &str| ScoreTable {
        stated_total: Some(StatedTotal {
            weight: Some(d("100")),
            score: Some(d("87.70")),
            score_rate: Some((d(rate), at(7))),
            lone_figure: false,
            source: at(7),
        }),
        ..ScoreTable::default()
    };
    let report = |rate: &str| Report {
        score_tables: vec![table(rate)],
        ..Report::default()
    };
    let (findings, checks) = check_traced(&report("87.70"));
    assert!(findings.is_empty(), "{findings:?}");
    assert!(
        checks
            .iter()
            .any(|c| c.relation == "合计 得分率 87.70 / 100 = 87.70%"
                && c.verdict == Verdict::Consistent),
        "{checks:?}"
    );
    let (findings, _) = check_traced(&report("88.70"));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(
        (findings[0].rule.as_str(), findings[0].severity),
        ("rate.mismatch", Severity::Error)
    );
}

#[test]
fn a_rows_amount_is_its_standard_times_its_count() {
    // 100 元/人/月 × 312 人 × 12 月 = 374,400 元, printed in 万元 as 37.44.
    let report = |amount: &str| Report {
        line_items: vec![LineItem {
            name: Some("高龄津贴".into()),
            printed: [Some((d(amount), at(1))), None],
            product: Some(RowProduct {
                standard: (d("100"), at(1)),
                standard_unit: MoneyUnit::Yuan,
                count: (d("312"), at(1)),
                months: Some((d("12"), at(1))),
                amount_unit: MoneyUnit::Wan,
            }),
            source: at(1),
            ..LineItem::default()
        }],
        ..Report::default()
    };
    let (findings, checks) = check_traced(&report("37.44"));
    assert!(findings.is_empty(), "{findings:?}");
    assert!(
        checks.iter().any(|c| c.rule == "amount.product"
            && c.relation == "高龄津贴 100 × 312 × 12 = 37.44"
            && c.verdict == Verdict::Consistent),
        "{checks:?}"
    );
    let (findings, _) = check_traced(&report("38.44"));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Error);
}

#[test]
fn a_prose_subtotal_against_a_table_read_by_a_guess_is_a_warning() {
    let item = |l1: &str, l2: &str, score: &str| ScoreItem {
        level1: Some(l1.into()),
        level2: Some(l2.into()),
        level3: Some(format!("{l2}指标")),
        weight: Some(d("10")),
        score: Some(d(score)),
        source: at(1),
        ..ScoreItem::default()
    };
    let report = |doubt: Option<ReadingDoubt>| Report {
        score_tables: vec![ScoreTable {
            items: vec![
                item("决策", "项目立项", "10"),
                item("决策", "绩效目标", "9"),
                item("产出", "产出数量", "10"),
            ],
            reading_doubt: doubt,
            ..ScoreTable::default()
        }],
        facts: vec![F {
            unit: FactUnit::Points,
            ..F::money("决策部分得分", "35", None)
        }
        .fact()],
        ..Report::default()
    };
    let (findings, checks) = check_traced(&report(None));
    assert_eq!(
        checks_of(&checks, "prose.subtotal")[0].verdict,
        Verdict::Contradiction
    );
    assert_eq!(findings[0].severity, Severity::Error, "{findings:?}");
    let (findings, _) = check_traced(&report(Some(ReadingDoubt::LevelsOutOfPlace)));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Warning, "{findings:?}");
    assert!(
        findings[0].message.contains("read by a guess"),
        "{findings:?}"
    );
}

#[test]
fn a_sum_a_table_reading_may_have_missed_a_row_of_fails_only_as_a_warning() {
    // Figures between the rows that fit no row read (`Table::figures_unread`):
    // a 合计 the rows fall short of may count that row.
    let item = |name: &str| ScoreItem {
        level3: Some(name.into()),
        weight: Some(d("10")),
        score: Some(d("10")),
        source: at(1),
        ..ScoreItem::default()
    };
    let report = |doubt: Option<ReadingDoubt>| Report {
        score_tables: vec![ScoreTable {
            items: vec![item("完成数量"), item("完成质量"), item("完成时效")],
            stated_total: Some(StatedTotal {
                weight: Some(d("40")),
                score: Some(d("40")),
                score_rate: None,
                lone_figure: false,
                source: at(9),
            }),
            reading_doubt: doubt,
            ..ScoreTable::default()
        }],
        ..Report::default()
    };
    let (findings, checks) = check_traced(&report(None));
    assert!(checks_of(&checks, "score.sum")
        .iter()
        .any(|c| c.verdict == Verdict::Contradiction));
    assert!(
        findings.iter().all(|f| f.severity == Severity::Error),
        "{findings:?}"
    );
    assert_eq!(findings.len(), 2, "{findings:?}");
    let (findings, _) = check_traced(&report(Some(ReadingDoubt::FiguresUnread)));
    assert_eq!(findings.len(), 2, "{findings:?}");
    assert!(findings
        .iter()
        .all(|f| f.severity == Severity::Warning && f.message.contains("fit no row read")));
}

#[test]
fn only_a_table_read_cleanly_counts_its_indicators() {
    let item = |l1: &str, l2: &str, l3: Option<&str>, line: u32| ScoreItem {
        level1: Some(l1.into()),
        level2: Some(l2.into()),
        level3: l3.map(Into::into),
        weight: Some(d("10")),
        score: Some(d("10")),
        source: at(line),
        ..ScoreItem::default()
    };
    let report = |items: Vec<ScoreItem>, doubt: Option<ReadingDoubt>| {
        // The table's 合计 printed: it is whole (one with none, short of full
        // marks, may be cut off where an excerpt ends).
        let total: Decimal = items.iter().filter_map(|i| i.weight).sum();
        let mut r = Report {
            score_tables: vec![ScoreTable {
                items,
                reading_doubt: doubt,
                stated_total: Some(jixiao_model::StatedTotal {
                    weight: Some(total),
                    ..jixiao_model::StatedTotal::default()
                }),
                ..ScoreTable::default()
            }],
            ..Report::default()
        };
        r.stated
            .indicator_counts
            .push(jixiao_model::facts::IndicatorCount {
                stated: 3,
                level: 2,
                list: String::new(),
                whole_system: true,
                source: at(9),
                sentence: "下设3个二级指标".into(),
            });
        r
    };
    let rows = || {
        vec![
            item("产出", "产出数量", Some("实际完成率"), 1),
            item("产出", "产出质量", Some("质量达标率"), 2),
            item("效益", "项目效益", Some("实施效益"), 3),
        ]
    };
    let (findings, checks) = check_traced(&report(rows(), None));
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(
        checks_of(&checks, "count.rows")[0].verdict,
        Verdict::Consistent
    );
    // A fourth 二级 in the table: the stated 3 is wrong.
    let mut more = rows();
    more.push(item("效益", "满意度", Some("服务对象满意度"), 4));
    let (findings, _) = check_traced(&report(more.clone(), None));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].rule, "count.rows");
    // The same table with a row lacking the 三级 name the others have (cells
    // moved in a text dump), or read by a guess, counts nothing.
    let mut moved = more.clone();
    moved[1].level3 = None;
    let mut cut = report(more.clone(), None);
    cut.score_tables[0].stated_total = None;
    for r in [
        report(moved, None),
        report(more, Some(ReadingDoubt::LevelsOutOfPlace)),
        cut,
    ] {
        let (findings, checks) = check_traced(&r);
        assert!(findings.is_empty(), "{findings:?}");
        assert!(checks_of(&checks, "count.rows").is_empty(), "{checks:?}");
    }
}

#[test]
fn a_named_rate_takes_the_pair_its_own_sentence_states() {
    // One paragraph (a page run together) states the same three figures in
    // two sentences, the second amount mistyped in the second: each rate is
    // judged over its own sentence's pair, not the nearest pair anywhere.
    let report = |second_spent: &'static str| {
        let sentence = |mut f: F, start: usize| {
            f.sentence_start = start;
            f
        };
        report_with(vec![
            sentence(F::money("日常公用经费全年预算数", "62.44", None), 0).at(10),
            sentence(F::money("日常公用经费决算数", "58.43", None), 0).at(30),
            sentence(F::percent("日常公用经费控制率", "93.58"), 0).at(50),
            sentence(F::money("日常公用经费全年预算数", "62.44", None), 100).at(110),
            sentence(F::money("日常公用经费决算数", second_spent, None), 100).at(130),
            sentence(F::percent("日常公用经费控制率", "93.58"), 100).at(150),
        ])
    };
    let (findings, checks) = check_traced(&report("58.43"));
    assert!(findings.is_empty(), "{findings:?}");
    let held = checks_of(&checks, "rate.mismatch")
        .iter()
        .filter(|c| c.relation == "58.43 / 62.44 = 93.58%" && c.verdict == Verdict::Consistent)
        .count();
    assert_eq!(held, 2, "{checks:?}");
    let (findings, checks) = check_traced(&report("58.53"));
    assert!(
        findings
            .iter()
            .any(|f| f.rule == "rate.mismatch" && f.stated == Some(d("93.58"))),
        "{findings:?} {checks:?}"
    );
}

#[test]
fn a_score_tables_shortfall_is_unsure_under_a_budget_block_read_without_its_points() {
    // A form whose budget block (right above the indicator table) was read
    // with its rate but not its 分值 / 得分: the rows' 80 of the 合计's 100
    // may be that block's 20 short. Without the block, or with rows over
    // the 合计, it is an error.
    let item = |l3: &str, w: &str, s: &str, line: u32| ScoreItem {
        level1: Some("产出指标".into()),
        level3: Some(l3.into()),
        weight: Some(d(w)),
        score: Some(d(s)),
        source: at(line),
        ..ScoreItem::default()
    };
    let report = |block: bool, second: &str| Report {
        score_tables: vec![ScoreTable {
            items: vec![
                item("培训人次", "40", "40", 14),
                item("满意度", "40", second, 15),
            ],
            stated_total: Some(StatedTotal {
                score_rate: None,
                weight: Some(d("100")),
                score: Some(d("97.12")),
                lone_figure: false,
                source: at(16),
            }),
            ..ScoreTable::default()
        }],
        budget_rows: if block {
            vec![BudgetRow {
                label: "年度财政资金总额".into(),
                is_total: true,
                execution_rate_pct: Some(d("95.6")),
                source: at(9),
                ..BudgetRow::default()
            }]
        } else {
            Vec::new()
        },
        ..Report::default()
    };
    let (findings, checks) = check_traced(&report(true, "38"));
    assert!(findings.is_empty(), "{findings:?}");
    assert!(
        checks_of(&checks, "score.sum")
            .iter()
            .any(|c| c.verdict != Verdict::Consistent),
        "the shortfall is seen, and left unjudged: {checks:?}"
    );
    let (findings, _) = check_traced(&report(false, "38"));
    assert!(
        findings
            .iter()
            .any(|f| f.rule == "score.sum" && f.severity == Severity::Error),
        "{findings:?}"
    );
    // Rows over the 合计 are over it whatever the block scores.
    let (findings, _) = check_traced(&report(true, "60"));
    assert!(
        findings.iter().any(|f| f.rule == "score.sum"),
        "{findings:?}"
    );
}

#[test]
fn a_satisfaction_rows_actual_value_is_at_most_a_hundred_percent() {
    let report = |actual: &str, doubt: Option<ReadingDoubt>| Report {
        score_tables: vec![ScoreTable {
            items: vec![ScoreItem {
                level1: Some("满意度指标".into()),
                level3: Some("服务对象满意度".into()),
                target: Some("≥95%".into()),
                actual: Some(actual.into()),
                weight: Some(d("10")),
                score: Some(d("10")),
                source: at(5),
                ..ScoreItem::default()
            }],
            reading_doubt: doubt,
            ..ScoreTable::default()
        }],
        ..Report::default()
    };
    let (findings, checks) = check_traced(&report("98%", None));
    assert!(findings.is_empty(), "{findings:?}");
    assert!(checks_of(&checks, "rate.bounds")
        .iter()
        .any(|c| c.verdict == Verdict::Consistent));
    let (findings, _) = check_traced(&report("102%", None));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].rule, "rate.bounds");
    assert_eq!(findings[0].severity, Severity::Error);
    // A table whose reading is in doubt judges none of its cells so.
    let (findings, _) = check_traced(&report("102%", Some(ReadingDoubt::DigitsRunTogether)));
    assert!(findings.is_empty(), "{findings:?}");
}
