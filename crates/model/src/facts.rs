//! Facts: every quantity a report's prose states, read once by extraction and
//! typed by what it measures, so that the checker never parses text itself.
//!
//! A fact is a printed number with its unit, the label in front of it, its
//! kind (a level, or a change or share that adds up with nothing), its budget
//! role where the label names one, and its scope (the whole report's budget, or
//! a part of it named in the label). Beside the facts stand the structures the
//! prose states outright: formulas written out, the report's grade bands,
//! as-of dates and counts of indicators with the lists they name.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Serialize, Serializer};

use crate::doc::Source;
use crate::number::{MoneyUnit, Printed};

/// The unit a stated number is printed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactUnit {
    /// An amount of money.
    Money(MoneyUnit),
    /// A percentage.
    Percent,
    /// Points (分).
    Points,
    /// A count of people or things, with its measure word (人, 个, 项 …).
    Count(&'static str),
    /// A difference of two percentages (个百分点).
    PercentagePoints,
}

impl FactUnit {
    /// Whether two units measure alike: any two of money (`亿元` and its
    /// `万元` parts), else the same unit.
    pub fn measures_like(self, other: FactUnit) -> bool {
        matches!((self, other), (FactUnit::Money(_), FactUnit::Money(_))) || self == other
    }

    /// The unit as printed: `万元`, `%`, `分`.
    pub fn label(self) -> &'static str {
        match self {
            FactUnit::Money(u) => u.label(),
            FactUnit::Percent => "%",
            FactUnit::Points => "分",
            FactUnit::Count(word) => word,
            FactUnit::PercentagePoints => "个百分点",
        }
    }
}

impl Serialize for FactUnit {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

/// What a stated number measures. Only levels add up: a change on another year
/// (`比2024年预算减少2,389.52万元`), a share or the level a change is
/// measured from is never a part of a total, an adjustment or another
/// statement of the same quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FactKind {
    /// An amount, score or rate as it stands.
    Level,
    /// A difference against another period (比上年, 较2024年, 同比).
    Change,
    /// A share of a whole (占…比重, 占比).
    Share,
    /// The level a comparison is made with, stated in it: an earlier
    /// period's (`较2022年的20万元减少2万元`, `比上年400万元增长25%`) or the
    /// plan's (`较预算500万元节约25万元`) — the base of the change, never the
    /// quantity the sentence reports.
    Base,
}

/// The quantity a label names, from the domain's vocabulary: a budget figure,
/// or for points what a score sentence says of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FactRole {
    /// 年初预算.
    Initial,
    /// 调整后预算 / 全年预算.
    Adjusted,
    /// 实际到位 / 可用资金.
    Available,
    /// 执行数 / 实际支出.
    Executed,
    /// 预算执行率.
    ExecutionRate,
    /// Full marks of a score (满分, 权重分合计, 分值合计).
    FullMarks,
    /// Points taken off (扣, 扣除).
    Deduction,
    /// The points obtained (实际得分, 得分合计, 最终得分).
    Obtained,
}

/// Whose quantity a fact is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The report's own budget or project as a whole (`本项目年初预算`).
    #[default]
    Report,
    /// A part named in the label: a fund, a category, some projects
    /// (`国有资本经营预算拨款支出预算`, `三公经费`).
    Part,
}

impl Scope {
    /// True for the report's own scope (what a budget row has unless it says otherwise).
    pub fn is_report(&self) -> bool {
        *self == Scope::Report
    }
}

/// One number stated in prose.
#[derive(Clone, Debug, PartialEq, Serialize, JsonSchema)]
pub struct Fact {
    /// The label in front of the number, e.g. `本项目年初预算金额`.
    pub label: String,
    /// The number as printed, and its printed decimals.
    #[serde(flatten)]
    pub number: Printed,
    /// Its unit as printed.
    #[schemars(with = "String")]
    pub unit: FactUnit,
    /// The amount in yuan, exactly, for money.
    pub yuan: Option<Decimal>,
    /// A level, a change or a share.
    pub kind: FactKind,
    /// The quantity the label names, where it names one.
    pub role: Option<FactRole>,
    /// The whole report's quantity, or a part's.
    pub scope: Scope,
    /// Where the number is.
    pub source: Source,
    /// Stated as approximate (`约1200元`, `300人左右`): it says no more than
    /// its neighbourhood, so a relation it breaks is a warning, never an error.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    /// The words right after the number, up to the next clause break
    /// (`4.28 万元资金结余` → `资金结余`): some reports name the quantity there.
    #[serde(skip)]
    pub after: String,
    /// The whole sentence the number is in, shared by the sentence's facts.
    #[serde(skip)]
    pub sentence: std::sync::Arc<str>,
    /// Byte offset of `sentence` in its paragraph's text.
    #[serde(skip)]
    pub sentence_start: usize,
    /// Byte range of the number (with unit) in its paragraph's text.
    #[serde(skip)]
    pub span: (usize, usize),
    /// Index of the paragraph, in document order.
    #[serde(skip)]
    pub paragraph: usize,
}

impl Fact {
    /// The unit of an amount of money.
    pub fn money(&self) -> Option<MoneyUnit> {
        match self.unit {
            FactUnit::Money(u) => Some(u),
            _ => None,
        }
    }

    /// The words of their sentence between this fact and a later one in it,
    /// less the brackets and punctuation around them (`18分（满分20分）` →
    /// `满分`): what says how two figures right beside each other relate.
    pub fn words_to(&self, later: &Fact) -> Option<&str> {
        if later.sentence_start != self.sentence_start {
            return None;
        }
        let at = |i: usize| i.saturating_sub(self.sentence_start);
        self.sentence
            .get(at(self.span.1)..at(later.span.0))
            .map(|gap| {
                gap.trim_matches(['（', '(', '）', ')', '，', ',', '：', ':', '；', ';', ' '])
            })
    }
}

/// Where a sentence says its figures are each their names' in turn: `分别`,
/// or `各` right before a verb (`收入总计、支出总计各为…万元、…万元`, `各减少…`),
/// never inside a word (`各项`, `各级`). Each with its byte offset.
pub fn respectively_marks(text: &str) -> Vec<(usize, &'static str)> {
    const VERBS: &[&str] = &[
        "为", "是", "增加", "减少", "增长", "下降", "上升", "降低", "占", "达",
    ];
    let mut out: Vec<(usize, &'static str)> = text
        .match_indices("分别")
        .map(|(at, _)| (at, "分别"))
        .collect();
    out.extend(
        text.match_indices('各')
            .filter(|(at, m)| VERBS.iter().any(|v| text[at + m.len()..].starts_with(v)))
            .map(|(at, _)| (at, "各")),
    );
    out.sort_unstable();
    out
}

/// How many characters two labels end alike with (`基本支出` and `项目支出`: 2):
/// labels that end alike name the same kind of quantity. Extraction uses it to
/// join a list's parts, the checker to match a share's whole.
pub fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// A label less the 其中 and the punctuation it opens on (`其中：县级配套` →
/// `县级配套`): the name of what a listed figure is.
pub fn without_qizhong(label: &str) -> &str {
    label
        .trim()
        .trim_start_matches("其中")
        .trim_start_matches(|c: char| "：:，,、 ".contains(c))
}

/// An arithmetic operator as written (`+`, `-`/`−`, `×`/`*`, `÷`/`/`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    /// `+`
    Add,
    /// `-`, `−`
    Sub,
    /// `×`, `*`, `x`
    Mul,
    /// `÷`, `/`
    Div,
}

/// An arithmetic expression over printed numbers, as the text writes it.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A number as printed. `percent`: printed with `%`, so it stands for
    /// hundredths (`×100%` is ×1). `count`: a whole number counting the
    /// terms it divides (`(a+b+c)÷3`), exact rather than rounded.
    Number {
        /// The number as printed.
        number: Printed,
        /// Printed with `%`.
        percent: bool,
        /// An exact count.
        count: bool,
    },
    /// Two expressions and the operator between them.
    Op(Box<Expr>, Operator, Box<Expr>),
}

impl Expr {
    /// Every printed number in the expression, in order.
    pub fn numbers(&self) -> Vec<Printed> {
        match self {
            Expr::Number { number, .. } => vec![*number],
            Expr::Op(a, _, b) => {
                let mut out = a.numbers();
                out.extend(b.numbers());
                out
            }
        }
    }

    /// The numbers that stand for quantities: neither a percentage (`×100%`)
    /// nor a count of terms.
    pub fn quantities(&self) -> Vec<Printed> {
        match self {
            Expr::Number {
                number,
                percent: false,
                count: false,
            } => vec![*number],
            Expr::Number { .. } => Vec::new(),
            Expr::Op(a, _, b) => {
                let mut out = a.quantities();
                out.extend(b.quantities());
                out
            }
        }
    }
}

/// An arithmetic formula written out in the text: `(a+b+c)÷3=r`, `a+b−c=r`,
/// `(63.46-32)÷32=98.31%`, `112.33/116.62×100%=96.32%`.
#[derive(Clone, Debug, PartialEq)]
pub struct Formula {
    /// The formula as printed.
    pub expr: String,
    /// What is computed.
    pub tree: Expr,
    /// The stated result.
    pub result: Printed,
    /// The result is printed as a percentage.
    pub percent: bool,
    /// The result is printed in 万 or 亿 (10⁴, 10⁸) where the operands may be
    /// plain numbers: `2130×600=127.8万元`.
    pub magnitude: Option<Decimal>,
    /// Where the result is.
    pub source: Source,
    /// Index of the paragraph, in document order.
    pub paragraph: usize,
    /// Byte offset in the paragraph's text where the written arithmetic
    /// starts: what its sentence states before it, its numbers restate.
    pub start: usize,
}

/// One end of a grade band: the value, and whether it belongs to the band.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bound {
    /// The threshold.
    pub value: Decimal,
    /// True when the threshold itself is in the band (≥, 以上, （含）).
    pub inclusive: bool,
}

/// A score and the grade one sentence gives it: `自评得分86分，评价等级为良好`
/// (a department's report grades each project it reviews as well as itself).
#[derive(Clone, Debug, PartialEq)]
pub struct GradedScore {
    /// The score as printed.
    pub score: Decimal,
    /// The grade as printed.
    pub grade: String,
    /// Where the score is.
    pub source: Source,
    /// The sentence.
    pub sentence: String,
}

/// A grade band the report defines: `得分 ≥ 85 分为优秀`, `60分以下为差`.
#[derive(Clone, Debug, PartialEq)]
pub struct GradeBand {
    /// The grade as printed (优秀, 良 …).
    pub grade: String,
    /// The lower end, if stated.
    pub low: Option<Bound>,
    /// The upper end, if stated.
    pub high: Option<Bound>,
}

impl GradeBand {
    /// True when a total falls in the band.
    pub fn contains(&self, v: Decimal) -> bool {
        let above = |b: &Bound| {
            if b.inclusive {
                v >= b.value
            } else {
                v > b.value
            }
        };
        let below = |b: &Bound| {
            if b.inclusive {
                v <= b.value
            } else {
                v < b.value
            }
        };
        self.low.as_ref().is_none_or(above) && self.high.as_ref().is_none_or(below)
    }
}

/// An as-of date: `截至2021年12月底`.
#[derive(Clone, Debug, PartialEq)]
pub struct AsOfDate {
    /// The year.
    pub year: i32,
    /// The month the date is the end of (`9月底`, `6月30日`, `年底` → 12),
    /// where it is one.
    pub month_end: Option<u32>,
    /// Where the year is.
    pub source: Source,
    /// The sentence it is in.
    pub sentence: String,
}

/// A stated count of indicators: `由A、B、C 3 个二级指标构成`, `设置 17 个三级指标`.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorCount {
    /// The count as stated.
    pub stated: usize,
    /// 1 for 一级, 2 for 二级, 3 for 三级.
    pub level: u8,
    /// The list written before the count (back to 由), possibly empty.
    pub list: String,
    /// A count of the whole system (设置 / 下设 / 共), to compare with the table.
    pub whole_system: bool,
    /// Where the count is.
    pub source: Source,
    /// The sentence it is in.
    pub sentence: String,
}

impl IndicatorCount {
    /// Names in the list, split at `、`.
    pub fn listed(&self) -> usize {
        self.list
            .split('、')
            .filter(|s| !s.trim().is_empty())
            .count()
    }

    /// Names in the list, split at `、`, `和` and `及`.
    pub fn listed_loosely(&self) -> usize {
        self.list
            .split(['、', '和', '及'])
            .filter(|s| !s.trim().is_empty())
            .count()
    }
}

/// A count with the names it counts, after it (`直属事业单位10个,即A、B、…`,
/// `共有3个科室，分别为办公室、财务股、业务股`) or before it (`共设A、B、C三个股室`).
#[derive(Clone, Debug, PartialEq)]
pub struct NamedCount {
    /// The count as stated.
    pub stated: usize,
    /// What is counted: the words before the count (`直属事业单位`).
    pub label: String,
    /// The names listed with it, split at `、` outside brackets.
    pub names: Vec<String>,
    /// Where the count is.
    pub source: Source,
    /// The sentence it is in.
    pub sentence: String,
}

/// What a list of amounts says of its whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// Parts after 其中/包括/分别为 (or in 由…组成): they may name only some of the whole.
    Parts,
    /// A 共计/合计/总计 after a run of amounts: it is their sum.
    Total,
    /// Parts that name every member of a partition the domain defines for the
    /// whole ([`PARTITIONS`]): 人员经费 and 公用经费 are all of 基本支出, so
    /// they are its sum as much as a 共计's amounts are.
    Partition,
    /// Counts after 其中 naming kinds of what the whole counts in its own
    /// words (`完成危房改造412户，其中C级危房改造289户，D级危房改造123户`): most
    /// often all of it, but kinds may overlap or leave some out, so a sum
    /// either way off is worth a look, never certain.
    Kinds,
}

/// Words that make an amount a total of others (`共计48万元`, `合计`, `总额`),
/// where they stand in the words before it.
pub const TOTAL_WORDS: &[&str] = &["共计", "共", "合计", "总计", "累计", "总额"];

/// The names of a rate of change by its sign (`三公经费变动率为-14.76%`).
pub const SIGNED_CHANGE_RATES: &[&str] = &["变动率", "变化率", "增减率", "增长率", "增减幅度"];

/// The names of a budget's adjustment rate: the change from its 年初 figure to
/// the adjusted one, over the 年初 (`调剂比例`, `调整率`).
pub const ADJUSTMENT_RATES: &[&str] = &[
    "调剂比例",
    "调整比例",
    "调整率",
    "调剂率",
    "调整幅度",
    "调增比例",
    "调增率",
    "调减比例",
    "调减率",
    "追加比例",
    "追加率",
];

/// Whether a label or a column's header (its unit in brackets after it,
/// `调整率（%）`) names a budget's adjustment rate.
pub fn names_an_adjustment_rate(label: &str) -> bool {
    let name = label
        .split(['（', '('])
        .next()
        .unwrap_or(label)
        .trim_end_matches(['%', '％', ' ']);
    ADJUSTMENT_RATES.iter().any(|n| name.ends_with(n))
}

/// Whether a percentage is named as a change between two levels (`增长率`,
/// `下降率`, `增幅`), never the ratio of a part to its whole.
pub fn names_a_change_rate(label: &str) -> bool {
    let label = label.trim_end_matches(['了', '为', '是', '：', ':', ' ']);
    change_rate_name(label).is_some()
}

/// A rate of change's name a label ends on, and the way it says the change
/// goes (`None` for a signed one).
pub fn change_rate_name(label: &str) -> Option<(&'static str, Option<bool>)> {
    const WORDED: &[(&str, bool)] = &[
        ("下降率", false),
        ("减少率", false),
        ("降低率", false),
        ("降幅", false),
        ("减幅", false),
        ("增幅", true),
        ("涨幅", true),
    ];
    let label = label.trim_end_matches(['了', '为', '是', '：', ':', ' ']);
    SIGNED_CHANGE_RATES
        .iter()
        .map(|&w| (w, None))
        .chain(WORDED.iter().map(|&(w, up)| (w, Some(up))))
        .find(|(w, _)| label.ends_with(w))
}

/// The verb of a move a label ends on before its 到 / 至 (`由上年的120万元减少到`
/// → `减少`, `增至` → `增`): the figure after it is what a level moved to.
pub fn moved_to_verb(label: &str) -> Option<&'static str> {
    const VERBS: &[&str] = &[
        "提高", "提升", "增加", "增长", "上升", "增", "下降", "降低", "减少", "降", "减",
    ];
    // `增加到2023年的` 13,650元: the year the level moved in, then the figure.
    let label = without_trailing_year(label.trim_end());
    let head = ["到", "至"].iter().find_map(|w| label.strip_suffix(w))?;
    VERBS.iter().copied().find(|v| head.ends_with(v))
}

/// The year a label opens on (`2022年该项目实际支出` → 2022): four digits and 年.
pub fn opening_year(label: &str) -> Option<i32> {
    let digits = label.get(..4)?;
    (digits.bytes().all(|b| b.is_ascii_digit()) && label[4..].starts_with('年'))
        .then(|| digits.parse().ok())
        .flatten()
}

/// A label less the year it ends on (`增加到2023年的` → `增加到`; `年底`,
/// `年末` too); the label itself where it ends on none.
fn without_trailing_year(label: &str) -> &str {
    let mut l = label.trim_end_matches('的');
    for end in ["年底", "年末", "年度", "年"] {
        if let Some(rest) = l.strip_suffix(end) {
            l = rest;
            let digits = l.len() - l.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            if digits == 4 {
                return &l[..l.len() - 4];
            }
            return label;
        }
    }
    label
}

/// How many brackets are open at byte `at` of `sentence`.
pub fn bracket_depth(sentence: &str, at: usize) -> i32 {
    sentence
        .get(..at.min(sentence.len()))
        .unwrap_or("")
        .chars()
        .fold(0i32, |d, c| match c {
            '（' | '(' => d + 1,
            '）' | ')' => (d - 1).max(0),
            _ => d,
        })
}

/// What was used beyond a plan (`超支20万元`, `超预算0.58万元`): the
/// difference of the use and the plan, no part of either.
pub const OVERSPENT: &[&str] = &[
    "超支",
    "超支资金",
    "超支金额",
    "超出",
    "超出预算",
    "超出计划",
    "超预算",
    "超计划",
];

/// Whether a label names what was used beyond a plan ([`OVERSPENT`]).
pub fn names_an_overspend(label: &str) -> bool {
    OVERSPENT.iter().any(|w| label.trim_end().ends_with(w))
}

/// Words that compare a level with another by which way it lies, no
/// difference stated (`高于目标值95%`, `低于`): whether each says above.
pub const WAY_WORDS: &[(&str, bool)] = &[
    ("高于", true),
    ("超过", true),
    ("超出", true),
    ("低于", false),
    // (Of a pace: `落后于序时进度22.7个百分点`, `快于序时进度`.)
    ("落后", false),
    ("慢于", false),
    ("快于", true),
];

/// The last of [`WAY_WORDS`] in `label`: where it ends, and whether it says
/// above (`满意度93.5%，低于目标值` → below).
pub fn last_way_word(label: &str) -> Option<(usize, bool)> {
    WAY_WORDS
        .iter()
        .filter_map(|&(w, up)| label.rfind(w).map(|at| (at + w.len(), up)))
        .max()
}

/// Words that open a share's naming of its whole, besides 占.
pub const SHARE_OPENERS: &[&str] = &["完成", "达到", "相当于", "为", "是"];

/// `完成预算的`, `为年初预算的`, `相当于上年的`: a percentage of a whole the
/// label names, as `占…的` is. The part may be named before the opener
/// (`支出决算为年初预算的`).
pub fn of_a_named_whole(label: &str) -> bool {
    let l = label.trim();
    (SHARE_OPENERS.iter().any(|w| l.starts_with(w)) && l.ends_with('的') && l.chars().count() >= 4)
        || whole_after_its_part(l).is_some()
}

/// `支出决算为年初预算的` → `年初预算的`: a share's label naming its part, then
/// `为` and the whole (two characters or more each, no clause break).
pub fn whole_after_its_part(label: &str) -> Option<&str> {
    let l = label.trim();
    let (part, whole) = l.rsplit_once('为')?;
    let words = |t: &str| t.chars().filter(|c| crate::is_han(*c)).count() >= 2;
    (l.ends_with('的')
        && words(part)
        && words(whole.trim_end_matches('的'))
        && !l.contains(['，', '。', '；', ',', ';']))
    .then_some(whole)
}

/// A split of a quantity that is complete by definition: every amount of the
/// whole is in exactly one member. Not a split by source of funds or by
/// project, where a list may leave some out.
pub struct Partition {
    /// What the whole's label names (any of these); none for a pair that splits
    /// whatever it follows (线上 / 线下, 男 / 女): then any whole naming no member.
    pub whole: &'static [&'static str],
    /// Names a whole's label may contain and still not be this whole (`净资产`
    /// is no 资产 split into 流动 and 非流动; `基本支出` is a member, not the whole).
    pub not_whole: &'static [&'static str],
    /// The members that must all be listed, each by any of its names.
    pub members: &'static [&'static [&'static str]],
    /// Members that may be listed beside them (`经营支出` beside 基本 and 项目支出).
    /// A list that leaves one of them out may have left out a part that was
    /// there: it names the split, but only all members make it all of the whole.
    pub optional: &'static [&'static [&'static str]],
}

/// Names of indicator groups, none of them the whole count of indicators.
const INDICATOR_GROUPS: &[&str] = &[
    "其中",
    "产出",
    "效益",
    "满意度",
    "成本",
    "数量",
    "质量",
    "时效",
    "决策",
    "过程",
];

/// How far an indicator was met; `完成` is inside the others' names, which
/// are none of it.
const MET: &[&str] = &["完成", "全部完成", "全面完成", "已完成", "达标"];
const PARTLY_MET: &[&str] = &["部分完成", "基本完成", "部分达标"];
const NOT_MET: &[&str] = &["未完成", "未达标", "未达到"];

/// What a satisfaction survey's degrees split: the answers (questionnaires,
/// people asked), not the questionnaires handed out nor those not valid.
const SURVEY_WHOLE: &[&str] = &["问卷", "答卷", "样本", "受访", "调查", "调研", "访谈"];
const SURVEY_NOT_WHOLE: &[&str] = &["其中", "发放", "无效"];
/// The degrees of satisfaction, top to bottom; the middle ones go by several
/// names from one questionnaire to the next (`比较满意`, `基本满意`, `一般`).
const VERY_SATISFIED: &[&str] = &["非常满意", "很满意", "十分满意", "特别满意"];
const SATISFIED: &[&str] = &["满意"];
const BASICALLY_SATISFIED: &[&str] = &["比较满意", "较满意", "基本满意", "一般"];
const UNSATISFIED: &[&str] = &["不满意", "不太满意"];
const VERY_UNSATISFIED: &[&str] = &["非常不满意", "很不满意"];

/// The domain's complete splits, from the budget and final-accounts formats
/// (部门预算 / 部门决算 tables and the 三公经费 statements).
pub const PARTITIONS: &[Partition] = &[
    // 支出 by nature: 基本支出 and 项目支出, with a 决算's other outlays beside them.
    Partition {
        whole: &["支出"],
        not_whole: &[
            "基本支出",
            "项目支出",
            "经营支出",
            "人员",
            "公用",
            "三公",
            "公务",
            "出国",
            "接待",
            "上缴",
            "附属",
            "其中",
        ],
        members: &[&["基本支出"], &["项目支出"]],
        optional: &[&["经营支出"], &["上缴上级支出"], &["对附属单位补助支出"]],
    },
    // 项目支出 by the project classification (人员类, 运转类, 特定目标类: every
    // project is of one).
    Partition {
        whole: &["项目支出"],
        not_whole: &["人员类", "运转类", "特定目标类", "其中"],
        members: &[&["人员类"], &["运转类"], &["特定目标类"]],
        optional: &[],
    },
    // 基本支出 by economic kind.
    Partition {
        whole: &["基本支出"],
        not_whole: &["其中"],
        members: &[&["人员经费", "人员支出"], &["公用经费", "公用支出"]],
        optional: &[],
    },
    Partition {
        whole: &["三公"],
        not_whole: &["其中"],
        members: &[&["出国"], &["公务用车", "公车"], &["公务接待", "接待费"]],
        optional: &[],
    },
    Partition {
        whole: &[
            "公务用车购置及运行",
            "公务用车购置和运行",
            "公务用车购置与运行",
        ],
        not_whole: &["其中"],
        members: &[&["购置费"], &["运行维护费", "运行费", "维护费"]],
        optional: &[],
    },
    // The self-evaluation form's 年度资金总额: 当年财政拨款, 上年结转 and the
    // catch-all 其他资金 (财预〔2020〕10号's form).
    Partition {
        whole: &["资金总额"],
        not_whole: &["其中", "财政拨款", "其他"],
        members: &[&["财政拨款"], &["其他资金"]],
        optional: &[&["上年结转", "结转"]],
    },
    // A budget as set at the start of the year and what was added during it
    // (and what was carried over, which a list may leave out).
    Partition {
        whole: &["调整后预算", "全年预算", "预算收入", "预算数", "预算总额"],
        not_whole: &["年初", "追加", "调增", "其中", "执行"],
        members: &[&["年初预算", "年初安排"], &["追加", "调增"]],
        optional: &[&["结转"]],
    },
    Partition {
        whole: &["资产"],
        not_whole: &["净资产", "流动资产", "固定资产", "其中"],
        members: &[&["非流动资产"], &["流动资产"]],
        optional: &[],
    },
    Partition {
        whole: &["负债"],
        not_whole: &["流动负债", "其中"],
        members: &[&["非流动负债"], &["流动负债"]],
        optional: &[],
    },
    // A total score by the evaluation framework's four groups (财预〔2020〕10号:
    // 决策, 过程, 产出, 效益; before it 投入, 过程, 产出, 效果; a department's
    // 部门决策, 部门管理, 部门产出, 部门效益) — points, not amounts.
    Partition {
        whole: &["得分", "总分", "评分"],
        not_whole: &[
            "其中", "决策", "投入", "过程", "管理", "产出", "效益", "效果",
        ],
        // (`投入管理` is the 投入 group, not 管理: named whole, it is one.)
        members: &[
            &["决策", "投入", "投入管理"],
            &["过程", "管理"],
            &["产出"],
            &["效益", "效果"],
        ],
        optional: &[],
    },
    // A self-evaluation form's total by its four groups (财预〔2020〕10号's
    // form): the budget's execution, 产出, 效益 and 满意度 — points.
    Partition {
        whole: &["得分", "总分", "评分"],
        not_whole: &["其中", "执行", "产出", "效益", "满意度"],
        members: &[
            &["预算执行", "资金执行", "执行率"],
            &["产出"],
            &["效益"],
            &["满意度"],
        ],
        optional: &[],
    },
    // Indicators by their 一级 group — a count. The evaluation framework's four
    // groups are all of them; a form's 产出, 效益 and 满意度 are all of a form's,
    // but a list of only those may have left an evaluation's 决策 and 过程 out:
    // all of them only beside those two.
    Partition {
        whole: &["指标"],
        not_whole: INDICATOR_GROUPS,
        members: &[&["决策"], &["过程"], &["产出"], &["效益"]],
        optional: &[],
    },
    Partition {
        whole: &["指标"],
        not_whole: INDICATOR_GROUPS,
        members: &[&["产出"], &["效益"]],
        optional: &[&["满意度"], &["决策"], &["过程"]],
    },
    // Indicators by how far each was met: in full, in part, or not — a count.
    // Met and not met are all of them (but 全部完成 beside 未完成 may leave out
    // those met in part); a list with 部分完成 between them too.
    Partition {
        whole: &["指标"],
        not_whole: &["其中", "完成", "达标"],
        members: &[&["完成", "已完成", "达标"], NOT_MET],
        optional: &[],
    },
    Partition {
        whole: &["指标"],
        not_whole: &["其中", "完成", "达标"],
        members: &[MET, PARTLY_MET, NOT_MET],
        optional: &[],
    },
    Partition {
        whole: &["指标"],
        not_whole: &["其中", "完成", "达标"],
        members: &[],
        optional: &[MET, PARTLY_MET, NOT_MET],
    },
    // A department's staff on its books (部门决算's 年末实有人数): those at work,
    // the retired and the 离休 a list may leave out — a count.
    Partition {
        whole: &["实有人数", "实有人员"],
        not_whole: &["其中", "在职", "退休", "离休"],
        members: &[&["在职"], &["退休"]],
        optional: &[&["离休"]],
    },
    // Projects by status: newly started (新建) and carried on from earlier years
    // (续建) — a count of projects or their money.
    Partition {
        whole: &["项目"],
        not_whole: &["新建", "续建", "其中"],
        members: &[&["新建"], &["续建"]],
        optional: &[],
    },
    // A department's staffing establishment by kind (编制: 行政 and 事业, and
    // the 工勤 posts a list may leave out) — a count of posts.
    Partition {
        whole: &["编制"],
        not_whole: &["行政编制", "事业编制", "工勤", "其中", "实有", "在职"],
        members: &[&["行政编制"], &["事业编制"]],
        optional: &[&["工勤"]],
    },
    // The staff at work by kind of post (`实有在职人员42人，其中行政26人、事业
    // 16人`), the 工勤 a list may leave out — a count of people.
    Partition {
        whole: &[
            "在职人员",
            "在职职工",
            "在编人员",
            "实有人员",
            "在职人数",
            "在编人数",
        ],
        not_whole: &["行政", "事业", "工勤", "其中", "编制", "退休", "离休"],
        members: &[&["行政"], &["事业"]],
        optional: &[&["工勤"]],
    },
    // Those retired, by whether they left before the pension system began
    // (离休) or after it (退休): every one is one of them.
    Partition {
        whole: &["离退休"],
        not_whole: &["其中"],
        members: &[&["离休"], &["退休"]],
        optional: &[],
    },
    // What is paid or counted for town and country (城乡低保) by each of them.
    Partition {
        whole: &["城乡"],
        not_whole: &["城市", "城镇", "农村", "其中"],
        members: &[&["城市", "城镇"], &["农村"]],
        optional: &[],
    },
    // Pairs that split anything they follow, each side the other's complement:
    // online and offline, men and women, within and beyond a border. A count
    // `其中线上培训1,500人次，线下培训900人次` is all of the count before it.
    Partition {
        whole: &[],
        not_whole: &["其中", "线上", "线下"],
        members: &[&["线上"], &["线下"]],
        optional: &[],
    },
    Partition {
        whole: &[],
        not_whole: &["其中", "男", "女"],
        members: &[&["男"], &["女"]],
        optional: &[],
    },
    Partition {
        whole: &[],
        not_whole: &["其中", "省内", "省外"],
        members: &[&["省内"], &["省外"]],
        optional: &[],
    },
    Partition {
        whole: &[],
        not_whole: &["其中", "境内", "境外"],
        members: &[&["境内"], &["境外"]],
        optional: &[],
    },
    // Projects (or departments, units) by the grade their evaluation gave (each
    // gets one): 优 and 良, with 中 and 差 a list may leave out where none got
    // them — a count.
    Partition {
        whole: &["项目", "部门", "单位"],
        not_whole: &["其中", "优", "良", "合格", "“中”", "“差”"],
        members: &[&["优"], &["良"]],
        optional: &[
            &["“中”", "中等", "中的", "合格"],
            &["“差”", "差的", "较差", "不合格"],
        ],
    },
    // Answers to a satisfaction survey by degree, each answer of one degree:
    // the scales a questionnaire uses, from two degrees to five, each all of
    // the answers counted (有效问卷, 调查对象); a list naming degrees of no one
    // scale (a degree left out between two) is only some of them.
    Partition {
        whole: SURVEY_WHOLE,
        not_whole: SURVEY_NOT_WHOLE,
        members: &[SATISFIED, UNSATISFIED],
        optional: &[],
    },
    Partition {
        whole: SURVEY_WHOLE,
        not_whole: SURVEY_NOT_WHOLE,
        members: &[SATISFIED, BASICALLY_SATISFIED, UNSATISFIED],
        optional: &[],
    },
    Partition {
        whole: SURVEY_WHOLE,
        not_whole: SURVEY_NOT_WHOLE,
        members: &[VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, UNSATISFIED],
        optional: &[],
    },
    Partition {
        whole: SURVEY_WHOLE,
        not_whole: SURVEY_NOT_WHOLE,
        members: &[
            VERY_SATISFIED,
            SATISFIED,
            BASICALLY_SATISFIED,
            UNSATISFIED,
            VERY_UNSATISFIED,
        ],
        optional: &[],
    },
    Partition {
        whole: SURVEY_WHOLE,
        not_whole: SURVEY_NOT_WHOLE,
        members: &[],
        optional: &[
            VERY_SATISFIED,
            SATISFIED,
            BASICALLY_SATISFIED,
            UNSATISFIED,
            VERY_UNSATISFIED,
        ],
    },
    // Public institutions by how they are funded: in full, in part, or by
    // themselves — a count.
    Partition {
        whole: &["事业单位"],
        not_whole: &["其中", "全额", "差额", "自收自支"],
        members: &[&["全额"], &["差额"]],
        optional: &[&["自收自支"]],
    },
    // A department's units by kind (部门决算's 编报单位: 行政 and 事业 units, and
    // the others a list may leave out) — a count, not an amount.
    Partition {
        whole: &["单位"],
        not_whole: &["行政单位", "事业单位", "其他单位", "其中"],
        members: &[&["行政单位"], &["事业单位"]],
        optional: &[&["其他单位"]],
    },
];

/// Whether `label` names `name`: `流动资产` is not named by `非流动资产`, nor
/// `合格` by `不合格`.
fn names(label: &str, name: &str) -> bool {
    label
        .match_indices(name)
        .any(|(at, _)| !label[..at].ends_with(['非', '不']))
}

impl Partition {
    /// Whether a label names this partition's whole.
    pub fn is_whole(&self, label: &str) -> bool {
        (self.splits_anything() || self.whole.iter().any(|w| label.contains(w)))
            && !self.not_whole.iter().any(|w| names(label, w))
    }

    /// Whether this is a pair that splits whatever it follows (no whole named).
    pub fn splits_anything(&self) -> bool {
        self.whole.is_empty()
    }

    /// Which member a part's label names, if exactly one (required members
    /// first, then optional ones, numbered after them).
    pub fn member_of(&self, label: &str) -> Option<usize> {
        let mut hits = self
            .members
            .iter()
            .chain(self.optional)
            .enumerate()
            .filter(|(_, alternatives)| alternatives.iter().any(|n| self.names_as_member(label, n)))
            .map(|(k, _)| k);
        let first = hits.next()?;
        hits.next().is_none().then_some(first)
    }

    /// Whether `label` names `name` as one of this split's members: not inside
    /// a longer name of a split of the same whole (`非常满意`, `基本满意` and
    /// `不满意` are degrees of their own, none of them `满意`).
    fn names_as_member(&self, label: &str, name: &str) -> bool {
        let longer: Vec<&str> = PARTITIONS
            .iter()
            .filter(|p| p.whole == self.whole)
            .flat_map(|p| p.members.iter().chain(p.optional))
            .flat_map(|names| names.iter().copied())
            .filter(|m| m.len() > name.len() && m.contains(name))
            .collect();
        label.match_indices(name).any(|(at, _)| {
            !label[..at].ends_with(['非', '不'])
                && !longer.iter().any(|m| {
                    label
                        .match_indices(m)
                        .any(|(s, _)| s <= at && at + name.len() <= s + m.len())
                })
        })
    }

    /// Whether parts labelled `labels` name every required member once, and
    /// nothing else but optional members (and parts printed as zero, which add
    /// nothing: `结余结转 0 万元`). `zero[k]` says part k is printed as 0.
    /// A member named by several parts is named once where they are the
    /// pieces of its own split, all of them (`公务用车购置费` and `公务用车运行维护费`
    /// name 公务用车 of 三公 together).
    pub fn covered_by(&self, labels: &[&str], zero: &[bool]) -> bool {
        let mut named: Vec<Vec<usize>> = vec![Vec::new(); self.members.len() + self.optional.len()];
        for (k, label) in labels.iter().enumerate() {
            match self.member_of(label) {
                Some(m) => named[m].push(k),
                None if zero.get(k).copied().unwrap_or(false) => {}
                None => return false,
            }
        }
        let once = named.iter().enumerate().all(|(m, parts)| {
            parts.len() <= 1
                || self.split_of_member(m).is_some_and(|pieces| {
                    let labels: Vec<&str> = parts.iter().map(|&k| labels[k]).collect();
                    let zero: Vec<bool> = parts
                        .iter()
                        .map(|&k| zero.get(k).copied().unwrap_or(false))
                        .collect();
                    pieces.covered_by(&labels, &zero)
                })
        });
        once && named[..self.members.len()]
            .iter()
            .all(|parts| !parts.is_empty())
    }

    /// The split of member `m` into pieces: the partition whose whole names
    /// it (公务用车 into 购置费 and 运行维护费).
    fn split_of_member(&self, m: usize) -> Option<&'static Partition> {
        let names = self.members.iter().chain(self.optional).nth(m)?;
        PARTITIONS.iter().find(|q| {
            !std::ptr::eq(*q, self)
                && names
                    .iter()
                    .any(|name| q.whole.iter().any(|w| w.contains(name)))
        })
    }
}

/// Whether a part's label names a member of a split by a piece of it that a
/// split of the member names: `公务用车运行维护费` is the 运行维护 of
/// 公务用车购置及运行维护费, and reports name it so where no car was bought,
/// but a 购置费 left out of the list is then left out of the sum.
pub fn names_a_piece(label: &str) -> bool {
    piece_of(label).is_some()
}

/// The split a piece-naming label names a member of, that member, and the
/// member's own split into pieces (`公务用车运行维护费`: 三公's 公务用车, split
/// into 购置费 and 运行维护费).
fn piece_of(label: &str) -> Option<(&'static Partition, usize, &'static Partition)> {
    PARTITIONS.iter().find_map(|p| {
        p.members.iter().enumerate().find_map(|(m, names)| {
            names
                .iter()
                .filter(|name| label.contains(**name))
                .find_map(|name| {
                    PARTITIONS.iter().find(|q| {
                        q.whole.iter().any(|w| w.contains(name))
                            && !q.whole.iter().any(|w| label.contains(w))
                            && q.members
                                .iter()
                                .chain(q.optional)
                                .flat_map(|names| names.iter())
                                .any(|piece| label.contains(piece))
                    })
                })
                .map(|q| (p, m, q))
        })
    })
}

/// Whether a list's parts name a member by a piece of it without the other
/// pieces beside it (`公务用车运行维护费` with no `购置费`): the rest of that
/// member may be left out of the list.
pub fn a_piece_alone(labels: &[&str]) -> bool {
    labels.iter().any(|label| {
        piece_of(label).is_some_and(|(split, member, pieces)| {
            let siblings: Vec<&str> = labels
                .iter()
                .copied()
                .filter(|l| split.member_of(l) == Some(member) && pieces.member_of(l).is_some())
                .collect();
            !pieces.covered_by(&siblings, &vec![false; siblings.len()])
        })
    })
}

/// The partition a whole's label names and its parts cover, if any.
pub fn partition_of(whole: &str, labels: &[&str], zero: &[bool]) -> Option<&'static Partition> {
    PARTITIONS
        .iter()
        .find(|p| p.is_whole(whole) && p.covered_by(labels, zero))
}

/// Whose money a fund is: the levels of government and the other sources a
/// project's funds are broken down by.
pub const FUND_SOURCES: &[&str] = &[
    "中央",
    "省级",
    "省财政",
    "市级",
    "市财政",
    "县级",
    "县财政",
    "区级",
    "区财政",
    "本级",
    "自治区",
    "州级",
    "乡镇",
    "上级",
    "自筹",
    "社会资金",
    "银行贷款",
];

/// True when a label names one source of the project's funds (`县级资金`,
/// `中央补助`, `市级配套资金`) or its spending (`中央资金支出`, `中央资金已支付`):
/// a sentence that opens on one speaks of that fund.
pub fn names_fund_source(label: &str) -> bool {
    // Or what became of the fund (`中央资金应到位`, `省级资金下达`).
    FUND_SOURCES.iter().any(|w| label.contains(w))
        && [
            "资金", "补助", "配套", "拨款", "投入", "专款", "支出", "到位", "下达", "拨付", "支付",
        ]
        .iter()
        .any(|w| label.ends_with(w))
}

/// The budget books a fund is kept in (`一般公共预算财政拨款收入`): their
/// `预算` names the book, not a plan.
pub const BUDGET_BOOKS: &[&str] = &[
    "一般公共预算",
    "政府性基金预算",
    "国有资本经营预算",
    "社会保险基金预算",
];

/// A label without the budget books it names (see [`BUDGET_BOOKS`]).
pub fn without_budget_books(label: &str) -> String {
    BUDGET_BOOKS
        .iter()
        .fold(label.to_string(), |l, book| l.replace(book, ""))
}

/// Whether parts labelled `labels` are all of the whole labelled `whole`: they
/// name every member of one of its splits, optional ones included.
pub fn all_of(whole: &str, labels: &[&str], zero: &[bool]) -> bool {
    partition_of(whole, labels, zero).is_some_and(|p| {
        let named: Vec<usize> = labels.iter().filter_map(|l| p.member_of(l)).collect();
        (0..p.members.len() + p.optional.len()).all(|m| named.contains(&m))
    })
}

/// A whole and its parts as the prose lists them, by index into `Report::facts`.
#[derive(Clone, Debug, PartialEq)]
pub struct PartsList {
    /// The whole's fact.
    pub whole: usize,
    /// The parts' facts, in order.
    pub parts: Vec<usize>,
    /// Parts (possibly some) or a total (all).
    pub kind: ListKind,
    /// Other facts the parts may be the whole of: a subject stated as its
    /// budget and then its spending before parts that name neither. The list
    /// holds where it adds up to the whole or to any of these.
    pub alternatives: Vec<usize>,
    /// Parts listed that the whole may leave out: what is left listed under
    /// what was spent (`支出…，其中基本支出…，项目支出…，结余结转…`), where the
    /// 支出 may be what was spent beside it or the 支出总计 that takes it in.
    /// The list holds with them or without them.
    pub besides: Vec<usize>,
    /// Each part's full marks stated beside it (indices into
    /// `Report::facts`), where every part is a group of a total score stating
    /// one (`产出指标38分（满分40分）`); else empty.
    pub full_marks: Vec<usize>,
}

impl PartsList {
    /// Parts of a whole the text lists: all of it (a complete split) or some.
    pub fn new(whole: usize, parts: Vec<usize>, all_of_it: bool) -> Self {
        PartsList {
            whole,
            parts,
            kind: if all_of_it {
                ListKind::Partition
            } else {
                ListKind::Parts
            },
            alternatives: Vec::new(),
            besides: Vec::new(),
            full_marks: Vec::new(),
        }
    }
}

/// The structures the prose states outright, beside its facts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stated {
    /// Formulas written out.
    pub formulas: Vec<Formula>,
    /// The report's grade bands, without repeats.
    pub grade_bands: Vec<GradeBand>,
    /// Scores graded in the sentence that states them.
    pub graded_scores: Vec<GradedScore>,
    /// As-of dates.
    pub as_of_dates: Vec<AsOfDate>,
    /// Counts of indicators.
    pub indicator_counts: Vec<IndicatorCount>,
    /// Counts of other things with the names they count.
    pub named_counts: Vec<NamedCount>,
    /// Wholes and the parts the prose lists for them.
    pub lists: Vec<PartsList>,
    /// Where the report says a score is its rate times its full marks
    /// (`得分 (20分*执行率)`, `得分=执行率×分值`): only then is a score off
    /// the product certainly wrong, as forms score by bands or deductions too.
    pub score_by_rate: Vec<Source>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partition_needs_every_member_and_nothing_else() {
        let split =
            |whole: &str, parts: &[&str], zero: &[bool]| partition_of(whole, parts, zero).is_some();
        // 公务用车运行维护费 names 公务用车 by a piece of it.
        assert!(names_a_piece("公务用车运行维护费"));
        assert!(!names_a_piece("公务用车购置及运行维护费"));
        assert!(!names_a_piece("公务接待费"));
        assert!(!names_a_piece("公务用车"));
        // 分别, or 各 before a verb; never 各 inside a word.
        let marks = |t: &str| {
            respectively_marks(t)
                .into_iter()
                .map(|(_, m)| m)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            marks("收入、支出各为10万元、20万元，分别增长"),
            ["各", "分别"]
        );
        assert!(marks("各项支出、各级资金").is_empty());
        // Both pieces name 公务用车 once, all of it; one piece twice does not.
        let pieces = [
            "因公出国费",
            "公务用车购置费",
            "公车运行及维护费",
            "公务接待费",
        ];
        assert!(split("三公经费", &pieces, &[false; 4]));
        assert!(!a_piece_alone(&pieces));
        assert!(a_piece_alone(&[
            "因公出国费",
            "公务用车运行维护费",
            "公务接待费"
        ]));
        let twice = [
            "因公出国费",
            "公务用车运行维护费",
            "公务用车运行费",
            "公务接待费",
        ];
        assert!(!split("三公经费", &twice, &[false; 4]));
        assert!(split(
            "资产合计",
            &["流动资产", "非流动资产"],
            &[false, false]
        ));
        // 非流动资产 does not name 流动资产: one member is missing.
        assert!(!split(
            "资产合计",
            &["非流动资产", "无形资产"],
            &[false, false]
        ));
        assert!(!split(
            "净资产",
            &["流动资产", "非流动资产"],
            &[false, false]
        ));
        // Optional members beside the required ones; a zero part adds nothing.
        assert!(split(
            "本年支出合计",
            &["基本支出", "项目支出", "经营支出"],
            &[false; 3]
        ));
        assert!(split(
            "2022年支出",
            &["基本支出", "项目支出", "结余结转"],
            &[false, false, true]
        ));
        assert!(!split(
            "2022年支出",
            &["基本支出", "项目支出", "结余结转"],
            &[false, false, false]
        ));
        // A member named twice is no split.
        assert!(!split("支出", &["基本支出", "基本支出"], &[false, false]));
        assert!(split(
            "“三公”经费",
            &["因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"],
            &[false; 3]
        ));
    }

    #[test]
    fn projects_by_grade_and_indicators_by_group_are_all_of_them_only_when_every_group_is_named() {
        let no = [false; 5];
        // 不合格 names 差, not 合格: four grades, all of the projects.
        assert!(all_of(
            "本次共评价项目",
            &["其中优秀", "良好", "合格", "不合格"],
            &no
        ));
        // No 中 and 差 listed: some of them (none may have got those grades).
        assert!(partition_of("评价项目", &["其中优", "良"], &no).is_some());
        assert!(!all_of("评价项目", &["其中优", "良"], &no));
        // An evaluation's four groups are all of its indicators; a form's three
        // may have left two out.
        assert!(all_of(
            "三级指标",
            &["决策指标", "过程指标", "产出指标", "效益指标"],
            &no
        ));
        assert!(!all_of(
            "三级指标",
            &["产出指标", "效益指标", "满意度指标"],
            &no
        ));
        assert!(all_of(
            "下属事业单位",
            &["全额拨款事业单位", "差额拨款事业单位", "自收自支事业单位"],
            &no
        ));
    }
}

/// Whether a label names all the deductions a report made, in total (`共扣`).
pub fn is_total_deduction(label: &str) -> bool {
    const TOTAL_DEDUCTIONS: &[&str] = &[
        "共扣",
        "共扣除",
        "共计扣",
        "共计扣除",
        "合计扣",
        "合计扣除",
        "累计扣",
        "累计扣除",
        "总扣分",
        "共扣分",
    ];
    let label = label.trim_matches(['，', ',', '；', ';', '。', ' ']);
    // (After words of where it was taken, `评价过程中共扣9.5分`, or of the
    // whole evaluated, `本项目共扣…`; not a group's, `项目决策共扣…`.)
    TOTAL_DEDUCTIONS.iter().any(|w| {
        label.strip_suffix(w).is_some_and(|head| {
            head.is_empty()
                || head.ends_with('中')
                || ["本项目", "该项目", "本次评价", "本部门", "该部门"].contains(&head)
        })
    })
}
