//! The budget figures: 年初预算, 调整后预算, 实际到位, 执行数 and 执行率, under the
//! many names reports give them. Every statement of a figure is a vote; a table
//! cell counts twice; the most-voted value wins, so a figure mistyped once
//! (285.90 among 258.90s) does not become the report's figure.

use std::collections::BTreeMap;

use jixiao_model::{Budget, Decimal, Fact, FactKind, FactUnit, MoneyUnit, Printed, Source};

pub use jixiao_model::facts::{names_fund_source, FUND_SOURCES};

use crate::tables::TableFigure;
use crate::vocab::Role;

/// Spending said bare (`支出`, `共支出`, `全年共支出`: when, not whose), of
/// whatever its clause is about.
pub(crate) fn said_bare(label: &str) -> bool {
    bare_spending(label).is_some()
}

/// Spending said bare after when it was (`全年共支出`, `2023年支出`), not
/// alone: the whole's where it opens its sentence.
pub(crate) fn said_bare_after_when(label: &str) -> bool {
    bare_spending(label) == Some(true)
}

/// `支出`, `全年共支出`: spending said bare, said when or not.
pub(crate) fn says_spending_bare(label: &str) -> bool {
    bare_spending(label).is_some()
}

/// Whether a label says spending bare, and if so whether it says when.
fn bare_spending(label: &str) -> Option<bool> {
    let label = label.trim_start_matches(['，', ',', '、', '；', ';', ' ']);
    let undated = without_leading_date(label);
    let rest = ["全年", "本年度", "本年", "当年", "年度"]
        .iter()
        .find_map(|w| undated.strip_prefix(w))
        .unwrap_or(undated);
    matches!(rest, "支出" | "共支出").then_some(rest.len() < label.len())
}

/// Which budget figure a prose label names, if any.
pub fn budget_role(label: &str) -> Option<Role> {
    // `…预算收入69.06万元，其中年初预算57.28万元`: the part is still the 年初预算.
    let label = crate::vocab::after_qizhong(label).unwrap_or(label);
    const SUBSETS: &[&str] = &[
        "增加",
        "减少",
        "调减",
        "调增",
        "增减",
        "结余",
        "结转",
        "相比",
        "较",
        "同比",
        "其中",
        "三公",
        "公用经费",
        "人员经费",
        "基本支出",
        "项目支出",
        "采购",
        "资产",
        "负债",
        "季度",
        "累计",
        "平均",
        "一般公共",
        "基金",
        "财政拨款",
        "非财政",
        "序时",
        "进度",
        "上年",
        "以上",
        "以下",
        "单价",
        "标准",
        "计划",
        "合同",
        "中标",
    ];
    if SUBSETS.iter().any(|w| label.contains(w)) {
        return None;
    }
    let ends = |words: &[&str]| words.iter().any(|w| label.ends_with(w));
    if ends(&["执行率"]) {
        return Some(Role::Rate);
    }
    // `全年预算1,260万元，支出1,198.76万元`: spending, said bare.
    if said_bare(label) {
        return Some(Role::Executed);
    }
    if label.contains("年初") && ends(INITIAL_ENDINGS) {
        return Some(Role::Initial);
    }
    // What should have come in (`应到位资金`) is the plan, not the receipt.
    if ends(&["应到位资金", "应到位"]) {
        return Some(Role::Budget);
    }
    if ends(AVAILABLE_ENDINGS) || receives_funds(label) {
        return Some(Role::Available);
    }
    // `年终决算数` is what was spent; `收入决算数` what came in; a
    // `转移支付资金` is a kind of fund (transferred), not what was paid.
    if ends(EXECUTED_ENDINGS)
        && !(label.contains("决算") && label.contains("收入"))
        && !label.ends_with("转移支付资金")
    {
        return Some(Role::Executed);
    }
    if ends(BUDGET_ENDINGS) {
        return Some(Role::Budget);
    }
    if spent_funds_ending(label).is_some() || spends_named_funds(label) || paid_out(label) {
        return Some(Role::Executed);
    }
    if allots_funds(label) {
        // (`年初预算安排…专项资金`: what the year opened with.)
        // (`2023年初预算安排…`: the date's 年 is the 年初's.)
        let opening = without_leading_date(label);
        let dated = &label[..label.len() - opening.len()];
        if opening.starts_with("年初") || (opening.starts_with('初') && dated.ends_with('年')) {
            return Some(Role::Initial);
        }
        return Some(Role::Budget);
    }
    None
}

/// `我旗共收到中央财政农业生产发展资金`: funds received, naming their kind
/// after the verb, as `收到资金` does.
fn receives_funds(label: &str) -> bool {
    label.contains("收到")
        && FUND_KINDS
            .iter()
            .chain(&["资金"])
            .any(|k| label.ends_with(k))
}

/// Verbs of funds given to a purpose: allotted, released, raised.
const ALLOTTING: &[&str] = &["安排", "下达", "筹集"];

/// `县财政共安排义务教育…补助资金`, `省级财政下达专项资金`: funds a giver
/// allotted, the budget of what it names (a part of the report's unless it
/// is the fund the report is on: [`the_titles_fund_is_the_whole`]).
fn allots_funds(label: &str) -> bool {
    ALLOTTING.iter().any(|v| label.contains(v))
        && FUND_KINDS
            .iter()
            .chain(&["资金"])
            .any(|k| label.ends_with(k))
}

/// `实际支出补助资金`, `支出救助资金`: spent, naming the kind of funds after the
/// verb; how many bytes of the label end so (the verb with the funds).
fn spent_funds_ending(label: &str) -> Option<usize> {
    let kind = FUND_KINDS.iter().find(|k| label.ends_with(*k))?;
    let verb = &label[..label.len() - kind.len()];
    let spent = EXECUTED_ENDINGS
        .iter()
        .chain(&["支出"])
        .filter(|w| verb.ends_with(**w))
        .map(|w| w.len())
        .max()?;
    Some(spent + kind.len())
}

/// `全年共支出就业补助资金`: spent, naming the funds by name after the verb
/// (a name of no giver: `支出中央补助资金` is a part's, left to its words).
fn spends_named_funds(label: &str) -> bool {
    let Some(kind) = FUND_KINDS.iter().find(|k| label.ends_with(*k)) else {
        return false;
    };
    let head = &label[..label.len() - kind.len()];
    let Some(at) = head.rfind("支出") else {
        return false;
    };
    let name = &head[at + "支出".len()..];
    !name.is_empty()
        && name.chars().count() <= 12
        && !FUND_SOURCES.iter().any(|w| name.contains(w))
        && ![
            "安排", "下达", "到位", "拨付", "结余", "结转", "计划", "预算",
        ]
        .iter()
        .any(|w| name.contains(w))
}

/// `全市共发放两项补贴`, `累计发放救助资金`: a subsidy paid out, all of it so far
/// (a bare `发放` is left to the 发放率 it may be stated with).
fn paid_out(label: &str) -> bool {
    ["共发放", "累计发放", "已发放"]
        .iter()
        .any(|v| label.contains(v))
        && ["补贴", "补助", "资金", "救助金"]
            .iter()
            .any(|k| label.ends_with(k))
}

/// Kinds of funds a label may name after what was done with them.
const FUND_KINDS: &[&str] = &[
    "补助资金",
    "救助资金",
    "补贴资金",
    "专项资金",
    "奖补资金",
    "项目资金",
    "财政资金",
    "转移支付资金",
    "衔接资金",
];

const INITIAL_ENDINGS: &[&str] = &[
    "安排资金",
    "预算",
    "预算数",
    "预算金额",
    "预算收入",
    "预算支出",
    "预算额",
    "批复预算",
    "批复数",
    "安排",
];
const AVAILABLE_ENDINGS: &[&str] = &[
    "收到资金",
    "到位资金",
    "到位金额",
    "实际到位",
    "可用资金",
    "可用资金数",
    "到位数",
    "资金到位数",
    "资金到位",
];
const EXECUTED_ENDINGS: &[&str] = &[
    "支出合计",
    "年支出",
    "共支付",
    "执行数",
    "执行金额",
    "实际支出",
    "支出数",
    "实际执行数",
    "执行资金",
    "全年支出",
    "实际支出数",
    "支出金额",
    "已支出",
    "支出资金",
    "决算数",
    "支出决算",
    "支出决算数",
    // (`全年预算500万元，执行480万元`: spending, however the clause opens.)
    "执行",
    "实际支付",
    "已支付",
    "支付资金",
    // What a subsidy paid out (`实际发放补贴1,245,600元`; a bare `实际发放`
    // is left to the 发放率 it is stated with).
    "实际发放补贴",
    "实际发放资金",
];
const BUDGET_ENDINGS: &[&str] = &[
    "应到位资金",
    "应到位",
    "调整后预算",
    "调整后预算数",
    "调整后预算金额",
    "全年预算",
    "全年预算数",
    "预算金额",
    "预算资金",
    "预算总额",
    "资金总额",
    "预算数",
    "收入预算",
    "支出预算",
    "预算收入",
    "预算收支安排",
    "支出预算总额",
    "总预算",
];

/// The role of an amount a form prints after a label cell. Forms name their
/// plan `计划安排资金` / `计划投资额` (prose that says 计划 speaks of a plan,
/// not the budget), their spending `实际使用情况`, their total `年度资金总额`;
/// a `其中` row is a part, never the whole.
pub fn form_label_role(label: &str) -> Option<Role> {
    if label.starts_with("其中") {
        return None;
    }
    if label.starts_with("计划") && (label.contains("安排") || label.contains("投资")) {
        return Some(Role::Budget);
    }
    if label.starts_with("实际使用") {
        return Some(Role::Executed);
    }
    if label.ends_with("资金总额") {
        return Some(Role::Budget);
    }
    budget_role(label)
}

/// Words that make a label's subject a part of the budget: a kind of spending
/// or a fund. A sentence that opens on one (`项目支出年初预算安排…，全年预算数…`)
/// speaks of that part to its end.
pub const PART_SUBJECTS: &[&str] = &[
    "三公",
    "公用经费",
    "人员经费",
    "基本支出",
    "项目支出",
    "一般公共",
    "政府性基金",
    "国有资本",
    "财政拨款",
    "非财政",
    "采购",
    "资产",
];

/// Whether a text names a part of the budget (`三公`, `基本支出`, …), whose
/// figures are that part's, not the report's own.
pub fn names_a_part(text: &str) -> bool {
    PART_SUBJECTS.iter().any(|w| text.contains(w))
}

/// True when a header cell names a column of one source's funds (`中央`,
/// `省级`, `本级资金（万元）`): a form printing its funds by source across.
pub fn names_a_fund_column(text: &str) -> bool {
    let bare = crate::vocab::without_unit(text.trim());
    bare.chars().count() <= 6 && FUND_SOURCES.iter().any(|w| bare.starts_with(w))
}

/// Whether a label names the budget of a cost or a project by name
/// (`会议费预算`, `培训费预算数`, `动物防疫项目预算`, `饮水安全巩固提升工程年初
/// 预算`), not a step of the budget's year (`年中追加预算`, `年初收支预算`).
pub fn names_an_items_budget(label: &str) -> bool {
    INITIAL_ENDINGS
        .iter()
        .chain(BUDGET_ENDINGS)
        .filter_map(|w| label.strip_suffix(w))
        .map(|item| {
            ["年初", "全年", "调整后", "年度"]
                .iter()
                .find_map(|q| item.strip_suffix(q))
                .unwrap_or(item)
        })
        .any(|item| {
            ["费", "项目", "工程", "专项"]
                .iter()
                .any(|e| item.ends_with(e))
                && item.chars().count() >= 3
        })
}

/// In a department's own report the department as a whole is the report's
/// subject: `部门整体支出年初预算数`, `部门整体支出调整后预算` are its budget, as
/// `本项目年初预算` is a project report's; so is the department naming itself
/// (`2023年区水利局全年预算数` in 区水利局's report). (In a project report the
/// same words name another scope, so only a department report reads them so.)
pub fn department_is_the_whole(facts: &mut [jixiao_model::Fact], unit: Option<&str>) {
    // (`2024年部门支出4,690.28万元`: the department's spending, said bare.)
    for f in facts.iter_mut() {
        let bare = without_leading_date(&f.label);
        if f.role.is_none()
            && f.kind == jixiao_model::FactKind::Level
            && f.money().is_some()
            && ["部门支出", "部门总支出", "部门支出合计", "部门支出总额"].contains(&bare)
        {
            f.role = Some(jixiao_model::FactRole::Executed);
            f.scope = jixiao_model::Scope::Report;
        }
    }
    let unit = unit.filter(|u| u.chars().count() >= 2);
    the_whole_after_all(facts, |label| {
        ["部门整体支出", "部门整体", "整体支出"]
            .into_iter()
            .chain(unit)
            .find_map(|p| label.find(p).map(|at| &label[at + p.len()..]))
            .is_some_and(is_whole_scope)
    });
}

/// Amounts read as a part's whose labels `whole` finds the report's own
/// after all, made so; and so what its sentence goes on to say of it right
/// after, which took its scope: a rate named by its word alone (`，支出率
/// 94.24%`), and figures of the whole's stages named bare (`省级财政安排…专项
/// 资金6,500万元，实际支出6,318.50万元，预算执行率97.21%`).
fn the_whole_after_all(facts: &mut [jixiao_model::Fact], whole: impl Fn(&str) -> bool) {
    use jixiao_model::Scope;
    // (A rate speaks of the whole as its measure does: `预算执行率` as `预算执行数`.)
    let of_the_whole = |n: &jixiao_model::Fact| {
        let bare_rate = n.label.ends_with('率') && n.label.chars().count() <= 3;
        let label = match n.label.strip_suffix('率') {
            Some(stem) => format!("{stem}数"),
            None => n.label.clone(),
        };
        bare_rate || (n.role.is_some() && is_whole_scope(&label))
    };
    for i in 0..facts.len() {
        let f = &facts[i];
        if f.scope != Scope::Part || f.role.is_none() || f.money().is_none() || !whole(&f.label) {
            continue;
        }
        let at = (f.paragraph, f.sentence_start);
        facts[i].scope = Scope::Report;
        for next in facts[i + 1..].iter_mut() {
            if (next.paragraph, next.sentence_start) != at
                || next.scope != Scope::Part
                || !of_the_whole(next)
            {
                break;
            }
            next.scope = Scope::Report;
        }
    }
}

/// `部门收入预算2,856.40万元…。年度中追加预算312.50万元，调整后预算3,168.90万元`:
/// a budget named neither 年初 nor 调整后 / 全年, followed in its paragraph by
/// what was added to it and then by the budget so adjusted (of its scope), is
/// the one set at the start of the year.
pub fn budget_before_its_adjustment(facts: &mut [jixiao_model::Fact]) {
    use jixiao_model::FactRole;
    const QUALIFIED: &[&str] = &["调整后", "全年", "调整", "年初"];
    let qualified = |label: &str| QUALIFIED.iter().any(|w| label.contains(w));
    let adds = |label: &str| {
        ["追加", "调增", "调减", "调整", "调剂"]
            .iter()
            .any(|w| label.contains(w))
            && !label.contains('后')
    };
    for i in 0..facts.len() {
        let f = &facts[i];
        if f.role != Some(FactRole::Adjusted)
            || f.kind != FactKind::Level
            || f.money().is_none()
            || qualified(&f.label)
        {
            continue;
        }
        let mut added = false;
        let mut adjusted_after = false;
        for m in facts[i + 1..]
            .iter()
            .take_while(|m| m.paragraph == f.paragraph)
            .filter(|m| m.money().is_some())
        {
            if adds(&m.label) {
                added = true;
            } else if added
                && m.role == Some(FactRole::Adjusted)
                && m.scope == f.scope
                && qualified(&m.label)
            {
                adjusted_after = true;
                break;
            }
        }
        if adjusted_after {
            facts[i].role = Some(FactRole::Initial);
        }
    }
    // `补助资金总额13,800.96万元` in the 概况, then `年初预算13,800.96万元，全年预算调整
    // 为14,026.30万元`: an unqualified budget of the very value the report gives as
    // its 年初 one, where it states a full-year one of another value, is the 年初
    // one restated.
    let stated = |role: FactRole, qualified_only: bool| -> Vec<(Decimal, jixiao_model::Scope)> {
        facts
            .iter()
            .filter(|m| m.role == Some(role) && m.kind == FactKind::Level)
            .filter(|m| !qualified_only || qualified(&m.label))
            .filter_map(|m| Some((m.yuan?, m.scope)))
            .collect()
    };
    let initial = stated(FactRole::Initial, false);
    let full_year = stated(FactRole::Adjusted, true);
    for f in facts.iter_mut() {
        if f.role != Some(FactRole::Adjusted) || f.kind != FactKind::Level || qualified(&f.label) {
            continue;
        }
        let Some(yuan) = f.yuan else { continue };
        if initial.contains(&(yuan, f.scope))
            && full_year
                .iter()
                .any(|&(v, scope)| scope == f.scope && v != yuan)
        {
            f.role = Some(FactRole::Initial);
        }
    }
}

/// `项目支出预算3,013.20万元…。项目资金共计3,013.20万元，已支出2,853.45万元，
/// 结余159.75万元`: a sentence opening on the very figure stated elsewhere as a
/// kind of spending's (项目支出, 基本支出, 三公 …), and on no figure of the
/// whole, is of that part: its figures are the part's, not the report's.
pub fn figures_of_a_part_restated(facts: &mut [jixiao_model::Fact]) {
    use jixiao_model::Scope;
    use std::collections::{HashMap, HashSet};
    const SPENDING_KINDS: &[&str] = &["项目支出", "基本支出", "人员经费", "公用经费", "三公"];
    // Each printed amount's sentences, as a spending kind's or the whole's
    // (an index, so a long document is read once, not once per sentence).
    let mut stated: HashMap<(&str, Decimal), Vec<((usize, usize), bool)>> = HashMap::new();
    for m in facts.iter().filter(|m| m.money().is_some()) {
        let spending_kind =
            m.scope == Scope::Part && SPENDING_KINDS.iter().any(|w| m.label.contains(w));
        if spending_kind || m.scope == Scope::Report {
            stated
                .entry((m.unit.label(), m.number.value))
                .or_default()
                .push(((m.paragraph, m.sentence_start), spending_kind));
        }
    }
    let mut demote: HashSet<(usize, usize)> = HashSet::new();
    let mut seen_sentence: Option<(usize, usize)> = None;
    for f in facts.iter() {
        let sentence = (f.paragraph, f.sentence_start);
        if seen_sentence == Some(sentence) || f.money().is_none() {
            continue;
        }
        seen_sentence = Some(sentence);
        if f.scope != Scope::Report || f.kind != FactKind::Level {
            continue;
        }
        let elsewhere: Vec<bool> = stated
            .get(&(f.unit.label(), f.number.value))
            .into_iter()
            .flatten()
            .filter(|(at, _)| *at != sentence)
            .map(|(_, part)| *part)
            .collect();
        // A spending kind's figure elsewhere, and the whole's nowhere else.
        if elsewhere.contains(&true) && !elsewhere.contains(&false) {
            demote.insert(sentence);
        }
    }
    for f in facts.iter_mut() {
        if demote.contains(&(f.paragraph, f.sentence_start)) {
            f.scope = Scope::Part;
        }
    }
}

/// True when a budget label speaks of the report's whole budget: what stands
/// before its measure word (`执行数`, `预算资金`) is empty or only says "this
/// project, this year". `单位预留机动经费预算数`, `国有资本经营预算拨款支出预算`
/// and `涉及项目预算资金` name a part of it (a fund, a reserve, some projects):
/// their scope is not the whole, so they are compared with nothing.
pub fn is_whole_scope(label: &str) -> bool {
    subject_of(label).is_empty() && !matches!(label, "合计" | "共计" | "总计")
}

/// What a budget label names before its measure word, less the words that
/// only say "this project, this year": `补助资金到位` → `补助`,
/// `2023年项目实际支出` → ``.
fn subject_of(label: &str) -> String {
    // What is left unspent is the whole's too (`年末结余`, `结余资金`).
    const BALANCE_ENDINGS: &[&str] = &["结余", "结余资金", "结转结余", "结余结转"];
    let ending = [
        INITIAL_ENDINGS,
        AVAILABLE_ENDINGS,
        EXECUTED_ENDINGS,
        BUDGET_ENDINGS,
        BALANCE_ENDINGS,
    ]
    .iter()
    .flat_map(|list| list.iter())
    .filter(|w| label.ends_with(**w))
    .map(|w| w.len())
    .chain(spent_funds_ending(label))
    .max()
    .unwrap_or(0);
    // (An ending inside the name of a kind of fund the label ends on names no
    // use: `转移支付资金` is transferred funds, not funds paid.)
    let tail = &label[label.len() - ending..];
    let ending = match FUND_KINDS
        .iter()
        .any(|k| k.len() > tail.len() && k.ends_with(tail) && label.ends_with(k))
    {
        true => 0,
        false => ending,
    };
    let mut rest = label[..label.len() - ending].to_string();
    const GENERIC: &[&str] = &[
        "本项目",
        "该项目",
        "项目",
        "本单位",
        "我单位",
        "本部门",
        "我中心",
        "部门",
        "单位",
        "本",
        "当年度",
        "本年度",
        "年度",
        "全年",
        // `总体执行率`, `整体支出`, `综合执行率`: the whole, said outright.
        "总体",
        "整体",
        "综合",
        "当年",
        "本年",
        "年初",
        // `年中调整后预算`: when it was adjusted, no part.
        "年中",
        "调整后",
        "年末",
        "年终",
        "实际",
        // `已支付资金`: done by now, of no part.
        "已",
        // `上级下达资金`, `下达我县资金总额`: what the body was allotted from
        // above, all of its funds (a giver by name, `省财政下达`, stays a part).
        "上级下达",
        "下达",
        "预算",
        "资金",
        "总",
        "的",
    ];
    // The reporting body speaking of itself: `我局`, `本院`, `我委`.
    const BODIES: &[&str] = &[
        "局", "院", "委", "办", "厅", "所", "站", "馆", "校", "队", "会", "中心", "镇", "乡", "县",
        "市", "区", "旗",
    ];
    loop {
        let before = rest.len();
        // Leading dates: `2023年`, `截至2022年12月底` (but the 年 of `年初` is no date).
        rest = without_leading_date(&rest).to_string();
        for own in ["我", "本"] {
            if let Some(r) = rest.strip_prefix(own) {
                if let Some(b) = BODIES.iter().find(|b| r.starts_with(**b)) {
                    rest = r[b.len()..].to_string();
                }
            }
        }
        // The longest generic word first: `本年` whole, not `本` then `年`.
        if let Some(g) = GENERIC
            .iter()
            .filter(|g| rest.starts_with(**g))
            .max_by_key(|g| g.len())
        {
            rest = rest[g.len()..].to_string();
        }
        // `合计可用资金`: the whole, added up (a bare `合计` is its list's: below).
        for t in ["合计", "共计", "总计"] {
            if let Some(r) = rest.strip_prefix(t) {
                rest = r.to_string();
            }
        }
        if rest.len() == before {
            break;
        }
    }
    rest
}

/// In a report on one fund, that fund named bare is the whole: `补助资金到位`
/// in a `…财政补助资金绩效评价报告` speaks of the fund the report evaluates,
/// not of one source of it. (A label naming its giver, `中央补助资金`, stays
/// a part unless the title names that giver too.)
pub fn the_titles_fund_is_the_whole(
    facts: &mut [jixiao_model::Fact],
    title: Option<&str>,
    year: Option<i32>,
) {
    let Some(title) = title else {
        return;
    };
    the_titles_fund_in_total(facts, title, year);
    the_whole_after_all(facts, |label| {
        // (Another year's, `2021年省财政下达…`, is none of this year's.)
        if jixiao_model::facts::opening_year(label).is_some_and(|y| Some(y) != year) {
            return false;
        }
        let subject = subject_of(label);
        // (Named after who allotted it: `县财政共安排` ….)
        // (Or after who received it, the reporting body: `我县共收到…`.)
        let subject = match ALLOTTING
            .iter()
            .chain(&["支出", "收到"])
            .filter_map(|v| subject.rfind(v).map(|at| (at, v.len())))
            .max()
        {
            Some((at, verb))
                if names_a_giver(&subject[..at]) || names_the_reporter(&subject[..at]) =>
            {
                &subject[at + verb..]
            }
            _ => subject.as_str(),
        };
        let subject = subject.strip_suffix("资金").unwrap_or(subject);
        let a_fund = FUND_KINDS
            .iter()
            .filter_map(|k| k.strip_suffix("资金"))
            .any(|k| subject.ends_with(k));
        // (A fund named at length, `中央财政农业生产发展`, is named so by the
        // title alone.)
        // (A project named as the title names it, `城乡环卫一体化项目资金` in a
        // `城乡环卫一体化项目…绩效自评报告`, is the report's project.)
        let the_project = subject.ends_with("项目") && title.contains(subject);
        (a_fund || subject.chars().count() >= 6)
            && subject.chars().count() >= 2
            && (title.contains(&format!("{subject}资金")) || the_project)
    });
}

/// `2023年困难群众救助补助资金共计4,286.50万元` in a `…困难群众救助补助资金绩效
/// 自评报告`: the title's fund named bare (six characters or more), of the
/// report's year, with nothing said of it but its total, is what there was of
/// it for the year — its budget, where no figure of the report names one and
/// no other figure is stated so.
fn the_titles_fund_in_total(facts: &mut [jixiao_model::Fact], title: &str, year: Option<i32>) {
    use jixiao_model::FactRole;
    let budgeted = facts.iter().any(|f| {
        f.money().is_some()
            && matches!(
                f.role,
                Some(FactRole::Initial | FactRole::Adjusted | FactRole::Available)
            )
    });
    if budgeted {
        return;
    }
    let in_total = |f: &jixiao_model::Fact| {
        let before = f
            .sentence
            .get(..f.span.0.saturating_sub(f.sentence_start))
            .unwrap_or("")
            .trim_end()
            .trim_end_matches(['为', '：', ':']);
        // (A total, not a running one: `累计` may be of several years.)
        jixiao_model::facts::TOTAL_WORDS
            .iter()
            .any(|w| *w != "累计" && before.ends_with(w))
    };
    let titles_fund = |label: &str| {
        if jixiao_model::facts::opening_year(label).is_some_and(|y| Some(y) != year) {
            return false;
        }
        let fund = without_leading_date(label.trim()).trim_start_matches('度');
        fund.ends_with("资金") && fund.chars().count() >= 6 && title.contains(fund)
    };
    let mut named = facts.iter_mut().filter(|f| {
        f.role.is_none()
            && f.kind == FactKind::Level
            && f.money().is_some()
            && in_total(f)
            && titles_fund(&f.label)
    });
    if let (Some(fund), None) = (named.next(), named.next()) {
        fund.role = Some(FactRole::Adjusted);
    }
}

/// `市级财政安排X专项资金800万元，省级补助资金200万元，合计1,000万元`: an amount
/// a stated 合计 adds up is a part of it, whatever its label says (the
/// title's fund, allotted by one giver); the total is the whole it was taken
/// for, in its stage of the budget.
pub fn the_total_is_the_whole(
    facts: &mut [jixiao_model::Fact],
    lists: &[jixiao_model::facts::PartsList],
    department: bool,
) {
    use jixiao_model::{facts::ListKind, Scope};
    for list in lists.iter().filter(|l| l.kind == ListKind::Total) {
        let taken: Vec<usize> = list
            .parts
            .iter()
            .copied()
            .filter(|&i| {
                facts
                    .get(i)
                    .is_some_and(|f| f.scope == Scope::Report && f.role.is_some())
            })
            .collect();
        let role = match taken.as_slice() {
            [part] => {
                let role = facts[*part].role;
                facts[*part].scope = Scope::Part;
                role
            }
            [] if !department => match by_givers(facts, &list.parts) {
                Some(role) => Some(role),
                None => continue,
            },
            _ => continue,
        };
        let Some(whole) = facts.get_mut(list.whole) else {
            continue;
        };
        if whole.role.is_some_and(|r| Some(r) != role) || whole.money().is_none() {
            continue;
        }
        whole.role = role;
        whole.scope = Scope::Report;
    }
}

/// `省级财政下达…资金3,268.80万元，市级配套资金1,089.60万元，合计…`: a project's
/// funds listed by who gave them, every part naming its giver, those with a
/// stage of the budget all of one, and all of one year: their 合计 is the
/// project's own figure at that stage.
fn by_givers(facts: &[jixiao_model::Fact], parts: &[usize]) -> Option<jixiao_model::FactRole> {
    let parts: Vec<&jixiao_model::Fact> = parts.iter().filter_map(|&i| facts.get(i)).collect();
    let by_giver = |label: &str| {
        let label = without_leading_date(label);
        names_fund_source(label) || FUND_SOURCES.iter().any(|w| label.starts_with(w))
    };
    let year = |f: &&jixiao_model::Fact| jixiao_model::facts::opening_year(&f.label);
    if parts.len() < 2
        || !parts.iter().all(|f| by_giver(&f.label))
        || parts
            .iter()
            .any(|f| year(f).is_some() && year(f) != year(&parts[0]))
    {
        return None;
    }
    let mut roles = parts.iter().filter_map(|f| f.role);
    let role = roles.next()?;
    roles.all(|r| r == role).then_some(role)
}

/// `我县共`, `本单位`: the body reporting, before a verb of receiving.
fn names_the_reporter(head: &str) -> bool {
    let head = head.strip_suffix('共').unwrap_or(head);
    ["我", "本"].iter().any(|w| head.starts_with(w))
        && head.chars().count() <= 4
        && [
            "县", "市", "区", "旗", "局", "委", "镇", "乡", "单位", "部门",
        ]
        .iter()
        .any(|w| head.ends_with(w))
}

/// `县财政共`, `省级财政`, `市本级`: who allotted funds, before its verb.
fn names_a_giver(head: &str) -> bool {
    let head = ["共", "统筹"]
        .iter()
        .find_map(|w| head.strip_suffix(w))
        .unwrap_or(head);
    // (Or only the year or the place as a whole: `全年共`, `全市共`.)
    let head = ["全年", "本年", "当年", "全市", "全县", "全省", "全区"]
        .iter()
        .fold(head, |h, w| h.strip_prefix(w).unwrap_or(h));
    head.is_empty()
        || (head.chars().count() <= 6
            && (head.ends_with("财政") || head.ends_with('级') || FUND_SOURCES.contains(&head)))
}

/// Whether a text is a date and nothing else (`截至2023年12月31日`, `2023年`).
pub(crate) fn is_a_date(text: &str) -> bool {
    !text.is_empty() && without_leading_date(text).is_empty()
}

/// A label without the date it opens on: `2023年度`, `截至2022年12月底`, but
/// not the 年 of `年初` after it.
fn without_leading_date(label: &str) -> &str {
    let mut rest = match label
        .strip_prefix("截至")
        .or_else(|| label.strip_prefix("截止"))
    {
        // `截至年底`, `截至目前`, `截至评价日`: no digits, a date all the same.
        Some(r) => ["年底", "年末", "目前", "当前", "评价日", "评价时", "报告日"]
            .iter()
            .find_map(|w| r.strip_prefix(w))
            .unwrap_or(r),
        None => label,
    };
    loop {
        let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        // `2024` of `2024年支出` (its 年 taken by the ending).
        if digits.len() == rest.len() || digits.is_empty() {
            return digits;
        }
        let Some(after) = ["年度", "年", "月底", "月末", "月份", "月", "日"]
            .iter()
            .find_map(|w| digits.strip_prefix(w))
        else {
            return rest;
        };
        // (`2023年初预算`: its 年初 is the budget's stage, kept.)
        if after.starts_with('初') {
            return digits;
        }
        rest = after.trim_start_matches(['底', '末']);
    }
}

/// One value's votes: how many, and its first statement (where, in which
/// order, as printed).
struct Vote {
    value: Decimal,
    votes: u32,
    source: Source,
    order: usize,
    printed: Option<(Printed, MoneyUnit)>,
}

/// Votes for one figure.
#[derive(Default)]
struct Ballot {
    votes: Vec<Vote>,
    /// Value → its entry in `votes` (a page may state thousands of figures).
    index: std::collections::HashMap<Decimal, usize>,
}

impl Ballot {
    fn add(&mut self, vote: Vote) {
        match self.index.get(&vote.value) {
            Some(&k) => self.votes[k].votes = self.votes[k].votes.saturating_add(vote.votes),
            None => {
                self.index.insert(vote.value, self.votes.len());
                self.votes.push(vote);
            }
        }
    }
    fn winner(&self) -> Option<&Vote> {
        self.votes
            .iter()
            .max_by(|a, b| a.votes.cmp(&b.votes).then(b.order.cmp(&a.order)))
    }
}

/// A part's figure whose sentence names a part of the budget before it
/// (`项目支出预算2,640.00万元，执行2,538.06万元`): the bare `执行` is that
/// part's, as its sentence goes on about it.
fn follows_a_part(m: &Fact) -> bool {
    let at = m.span.0.saturating_sub(m.sentence_start);
    m.sentence.get(..at).is_some_and(names_a_part)
}

/// Whether a sentence opens on a fund by its name (`基本公共卫生服务补助资金按
/// 人均89元标准安排，…，共安排资金2,545.40万元`): it speaks of that fund to its
/// end. (Not of funds named by what holds them: `部门预算资金`, `财政资金`.)
fn opens_on_a_named_fund(sentence: &str) -> bool {
    const HOLDERS: &[&str] = &[
        "财政", "预算", "部门", "本级", "单位", "年度", "项目", "专项",
    ];
    let first = sentence
        .split(['，', ',', '：', ':', '；'])
        .next()
        .unwrap_or("");
    ["资金", "经费"].iter().any(|w| {
        first.match_indices(w).any(|(at, _)| {
            let name: Vec<char> = first[..at]
                .chars()
                .rev()
                .take_while(|c| jixiao_model::is_han(*c))
                .collect();
            let name: String = name.into_iter().rev().collect();
            name.chars().count() >= 4 && !HOLDERS.iter().any(|h| name.ends_with(h))
        })
    })
}

/// Collects the budget from prose facts and budget-table figures. `listed`
/// are the facts the prose lists as parts of a whole.
pub fn collect_budget(
    mentions: &[Fact],
    figures: &[TableFigure],
    (department, fiscal_year): (bool, Option<i32>),
    listed: &std::collections::HashSet<usize>,
) -> Budget {
    let mut ballots: BTreeMap<&'static str, Ballot> = BTreeMap::new();
    let field = |role: Role| -> Option<&'static str> {
        Some(match role {
            Role::Initial => "initial",
            Role::Budget => "adjusted",
            Role::Available => "available",
            Role::Executed => "executed",
            Role::Rate => "execution_rate_pct",
            _ => return None,
        })
    };
    for (order, m) in mentions.iter().enumerate() {
        // A department's projects and funds named are not the department:
        // their figures are none of its budget (a project report's project,
        // named, is).
        let names_an_item = m.scope == jixiao_model::Scope::Part
            && (names_an_items_budget(&m.label)
                || names_fund_source(&m.label)
                || opens_on_a_named_fund(&m.sentence)
                || follows_a_part(m));
        // Another year's (`2023年当年预算执行数` in a budget for 2024) is none
        // of the year's.
        let another_year = jixiao_model::facts::opening_year(
            m.label
                .trim_start_matches(['，', ',', '、', '；', ';', '：', ':', ' ']),
        )
        .is_some_and(|y| fiscal_year.is_some_and(|fy| y != fy));
        if m.kind != FactKind::Level
            || (department && names_an_item)
            || another_year
            || crate::lists::a_cell_of_a_flattened_row(m)
        {
            continue;
        }
        // (A budget the words around its label named, `全年预算调整为…`, by its
        // role; so a department's spending said bare, `部门支出`.)
        let named_around = match (m.role, m.scope) {
            (Some(jixiao_model::FactRole::Adjusted), jixiao_model::Scope::Report) => {
                Some(Role::Budget)
            }
            (Some(jixiao_model::FactRole::Executed), jixiao_model::Scope::Report) => {
                Some(Role::Executed)
            }
            _ => None,
        };
        // (A budget its paragraph goes on to adjust is the 年初 one:
        // [`budget_before_its_adjustment`].)
        let role = match budget_role(&m.label).or(named_around) {
            Some(Role::Budget) if m.role == Some(jixiao_model::FactRole::Initial) => {
                Some(Role::Initial)
            }
            role => role,
        };
        let Some(role) = role else {
            continue;
        };
        // Spending said bare is its clause's subject's: a part's is that
        // part's (`每人每月服务补贴100元，共支出504万元`), none of the whole.
        if m.scope == jixiao_model::Scope::Part && said_bare(&m.label) {
            continue;
        }
        // A part's funds listed beside others' (`省财政下达…3,200万元，市级配套
        // 800万元，合计4,000万元`) are no budget of the whole.
        if role == Role::Budget && m.scope == jixiao_model::Scope::Part && listed.contains(&order) {
            continue;
        }
        let Some(name) = field(role) else { continue };
        let (value, printed) = match (role, m.unit) {
            (Role::Rate, FactUnit::Percent) => (m.number.value, None),
            (Role::Rate, _)
            | (
                _,
                FactUnit::Percent
                | FactUnit::Points
                | FactUnit::Count(_)
                | FactUnit::PercentagePoints,
            ) => continue,
            (_, FactUnit::Money(u)) => (u.to_yuan(m.number.value), Some((m.number, u))),
        };
        ballots.entry(name).or_default().add(Vote {
            value: value.normalize(),
            // The report's own figure outweighs a part's (`公用经费…实际支出176.20万元`).
            votes: if m.scope == jixiao_model::Scope::Report {
                2
            } else {
                1
            },
            source: m.source.clone(),
            order,
            printed,
        });
    }
    for (k, f) in figures.iter().enumerate() {
        if let Some(name) = field(f.role) {
            ballots.entry(name).or_default().add(Vote {
                value: f.value.normalize(),
                votes: 2,
                source: f.source.clone(),
                order: mentions.len() + k,
                printed: f.printed,
            });
        }
    }
    let mut budget = Budget::default();
    for (name, ballot) in &ballots {
        let Some(vote) = ballot.winner() else {
            continue;
        };
        let (value, source) = (vote.value, vote.source.clone());
        if let Some(printed) = vote.printed {
            budget.printed.insert(name.to_string(), printed);
        }
        match *name {
            "initial" => budget.initial = Some(value),
            "adjusted" => budget.adjusted = Some(value),
            "available" => budget.available = Some(value),
            "executed" => budget.executed = Some(value),
            _ => budget.execution_rate_pct = Some(value),
        }
        budget.sources.insert(name.to_string(), source);
    }
    budget
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_by_their_last_words() {
        assert_eq!(budget_role("本项目年初预算金额"), Some(Role::Initial));
        // The date's 年 is the 年初's: still the budget the year opened with.
        assert_eq!(
            budget_role("2023年初预算安排城乡环卫项目资金"),
            Some(Role::Initial)
        );
        assert_eq!(
            budget_role("2023年预算安排城乡环卫项目资金"),
            Some(Role::Budget)
        );
        assert_eq!(budget_role("调整后项目年度预算金额"), Some(Role::Budget));
        assert_eq!(budget_role("本年度项目可用资金数"), Some(Role::Available));
        assert_eq!(budget_role("本年度项目资金到位"), Some(Role::Available));
        assert_eq!(budget_role("项目资金实际执行金额"), Some(Role::Executed));
        assert_eq!(budget_role("总执行率"), Some(Role::Rate));
        assert_eq!(budget_role("季度预算执行率"), None);
        assert_eq!(budget_role("政府采购执行率"), None);
        assert_eq!(budget_role("调整后基本支出预算"), None);
        assert_eq!(budget_role("“三公”经费实际支出"), None);
        assert_eq!(budget_role("年初预算数相比上年度增加"), None);
        assert_eq!(budget_role("实际执行工作中存在"), None);
        // A 决算数 is what was spent, unless it is of income.
        assert_eq!(budget_role("年终决算数"), Some(Role::Executed));
        assert_eq!(budget_role("收入决算数"), None);
        // A 转移支付资金 is a kind of fund, not what was paid out of it.
        assert_eq!(budget_role("实际支付资金"), Some(Role::Executed));
        assert_ne!(
            budget_role("省财政共下达我市农村综合改革转移支付资金"),
            Some(Role::Executed)
        );
    }

    #[test]
    fn whole_scope_is_this_project_this_year() {
        for whole in [
            "本项目年初预算金额",
            "项目执行数",
            "预算执行数",
            "实际支出",
            "2023年全年预算数",
            "截至2022年12月底项目执行数",
            "年末结余",
            "项目资金结余",
            // The body speaking of itself, a date after it, the 年 of 年初 kept.
            "我局2023年度年初预算",
            "本院年终决算数",
            "截至年底已支出",
            "截至评价日实际支出",
            "2024年支出",
        ] {
            assert!(is_whole_scope(whole), "{whole}");
        }
        for part in [
            "单位预留机动经费预算数",
            "国有资本经营预算拨款支出预算",
            "涉及项目预算资金",
            "奖励扶助资金执行数",
            "我局下属单位执行数",
        ] {
            assert!(!is_whole_scope(part), "{part}");
        }
    }
}
